"""`manage.py muat_dataset FILE.json [FILE.json …] [--dry-run] [--pengguna U [--ganti-identitas]]`:
load `sakip-dataset/1` files.

Every file is read and validated before anything is written; one bad file stops the whole
run with every problem printed as "path: pesan" on stderr and nothing written. A file that
names an existing Perangkat Daerah (slug) with another name or pemda is refused, unless
`--ganti-identitas` is given together with `--pengguna` naming an active superuser; the
change is then audited under that user (`pertukaran.identitas`).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from pertukaran.impor import (
    DatasetTidakValid,
    baca_berkas,
    boleh_ganti_identitas,
    muat,
    validasi,
)

PESAN_GAGAL = "Dataset tidak dimuat: {jumlah} masalah di {berkas} berkas. Tidak ada yang disimpan."
PESAN_MASALAH_BERKAS = "{berkas}: {jumlah} masalah"
PESAN_PENGGUNA_TIDAK_ADA = "Pengguna '{nama}' tidak ditemukan atau tidak aktif."
PESAN_GANTI_IDENTITAS_SUPERUSER = (
    "--ganti-identitas hanya dapat dipakai oleh superuser: sebutkan superuser yang aktif "
    "dengan --pengguna."
)


class Command(BaseCommand):
    help = (
        "Memuat berkas dataset sakip-dataset/1 (JSON) ke basis data. Berkas yang menyebut "
        "perangkat daerah (slug) yang sudah ada dengan nama atau pemerintah daerah lain ditolak, "
        "kecuali --ganti-identitas diberikan bersama --pengguna seorang superuser aktif; "
        "penggantian itu dicatat di log audit atas nama pengguna tersebut."
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", nargs="+", help="Berkas JSON sakip-dataset/1.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Periksa dan hitung perubahan tanpa menyimpan apa pun.",
        )
        parser.add_argument(
            "--pengguna",
            metavar="USERNAME",
            help=(
                "Nama pengguna (username) operator yang menjalankan pemuatan; dicatat di log "
                "audit. Wajib superuser aktif bila --ganti-identitas dipakai."
            ),
        )
        parser.add_argument(
            "--ganti-identitas",
            action="store_true",
            help=(
                "Izinkan berkas mengganti nama atau pemerintah daerah perangkat daerah yang "
                "sudah ada (slug sama). Hanya untuk superuser yang disebut dengan --pengguna."
            ),
        )

    def pengguna(self, nama: str | None):
        if not nama:
            return None
        User = get_user_model()
        pengguna = User.objects.filter(**{User.USERNAME_FIELD: nama}, is_active=True).first()
        if pengguna is None:
            raise CommandError(PESAN_PENGGUNA_TIDAK_ADA.format(nama=nama))
        return pengguna

    def laporkan(self, gagal: dict) -> CommandError:
        for berkas, masalah in gagal.items():
            self.stderr.write(PESAN_MASALAH_BERKAS.format(berkas=berkas, jumlah=len(masalah)))
            for m in masalah:
                self.stderr.write(f"{m.path}: {m.pesan}")
        jumlah = sum(len(m) for m in gagal.values())
        return CommandError(PESAN_GAGAL.format(jumlah=jumlah, berkas=len(gagal)))

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        ganti_identitas = options["ganti_identitas"]
        pengguna = self.pengguna(options["pengguna"])
        if ganti_identitas and not boleh_ganti_identitas(pengguna):
            raise CommandError(PESAN_GANTI_IDENTITAS_SUPERUSER)
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
            raise self.laporkan(gagal)

        # All files or none: a failure while writing the third file keeps the first two out.
        # The identity check runs in the write, so it also sees what earlier files wrote.
        keluaran = []
        try:
            with transaction.atomic():
                for berkas, isi in data.items():
                    try:
                        hasil = muat(
                            isi,
                            pengguna=pengguna,
                            dry_run=dry_run,
                            ganti_identitas=ganti_identitas,
                        )
                    except DatasetTidakValid as exc:
                        gagal[berkas] = exc.masalah
                        raise
                    keluaran += [f"== {berkas}", hasil.ringkasan()]
        except DatasetTidakValid:
            raise self.laporkan(gagal) from None
        for baris in keluaran:
            self.stdout.write(baris)
