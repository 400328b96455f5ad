"""`manage.py muat_dataset FILE.json [FILE.json …] [--dry-run]`: load `sakip-dataset/1` files.

Every file is read and validated before anything is written; one bad file stops the whole
run with every problem printed as "path: pesan" on stderr and nothing written.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pertukaran.impor import DatasetTidakValid, baca_berkas, muat, validasi

PESAN_GAGAL = "Dataset tidak dimuat: {jumlah} masalah di {berkas} berkas. Tidak ada yang disimpan."
PESAN_MASALAH_BERKAS = "{berkas}: {jumlah} masalah"


class Command(BaseCommand):
    help = "Memuat berkas dataset sakip-dataset/1 (JSON) ke basis data."

    def add_arguments(self, parser):
        parser.add_argument("berkas", nargs="+", help="Berkas JSON sakip-dataset/1.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Periksa dan hitung perubahan tanpa menyimpan apa pun.",
        )

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        data, gagal = {}, {}
        for berkas in options["berkas"]:
            try:
                isi = baca_berkas(berkas)
            except DatasetTidakValid as exc:
                gagal[berkas] = exc.masalah
                continue
            masalah = validasi(isi)
            if masalah:
                gagal[berkas] = masalah
            else:
                data[berkas] = isi
        if gagal:
            for berkas, masalah in gagal.items():
                self.stderr.write(PESAN_MASALAH_BERKAS.format(berkas=berkas, jumlah=len(masalah)))
                for m in masalah:
                    self.stderr.write(f"{m.path}: {m.pesan}")
            jumlah = sum(len(m) for m in gagal.values())
            raise CommandError(PESAN_GAGAL.format(jumlah=jumlah, berkas=len(gagal)))

        # All files or none: a failure while writing the third file keeps the first two out.
        with transaction.atomic():
            for berkas, isi in data.items():
                hasil = muat(isi, dry_run=dry_run)
                self.stdout.write(f"== {berkas}")
                self.stdout.write(hasil.ringkasan())
