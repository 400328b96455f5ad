"""`manage.py impor FILE [--pd SLUG] [--tahun N] [--dry-run]`: import a workbook or a dataset.

A `.xlsx` file is read as an import workbook (docs/format-impor.md), any other file as a
`sakip-dataset/1` JSON file; both go through the same validation and all-or-nothing writer.
Every problem is printed on stderr ("lembar Target, baris 12, kolom Nilai: …") and nothing
is written. `--pd` refuses a file for another PD; `--tahun` keeps only that year's rows of
the yearly sheets (workbooks only).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pertukaran.impor import DatasetTidakValid, muat_berkas
from pertukaran.impor_buku import BukuKerjaTidakValid, impor_buku_kerja
from renstra.models import PerangkatDaerah

PESAN_GAGAL = "Impor dibatalkan: {jumlah} masalah. Tidak ada yang disimpan."
PESAN_PD_TIDAK_ADA = "Perangkat daerah dengan slug {slug} tidak ditemukan."
PESAN_TAHUN_HANYA_BUKU = "Opsi --tahun hanya berlaku untuk buku kerja (.xlsx)."


class Command(BaseCommand):
    help = "Mengimpor buku kerja (.xlsx) atau dataset JSON; semua atau tidak sama sekali."

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="Buku kerja .xlsx atau dataset .json.")
        parser.add_argument("--pd", help="Slug perangkat daerah tujuan.")
        parser.add_argument("--tahun", type=int, help="Hanya baris tahun ini (lembar tahunan).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Periksa dan hitung perubahan tanpa menyimpan."
        )

    def handle(self, *args, **options):
        pd = None
        if options.get("pd"):
            pd = PerangkatDaerah.objects.select_related("pemda").filter(slug=options["pd"]).first()
            if pd is None:
                raise CommandError(PESAN_PD_TIDAK_ADA.format(slug=options["pd"]))
        berkas = Path(options["berkas"])
        try:
            if berkas.suffix.lower() == ".xlsx":
                hasil = impor_buku_kerja(
                    berkas, pd=pd, tahun=options.get("tahun"), dry_run=options["dry_run"]
                ).hasil
            else:
                if options.get("tahun"):
                    raise CommandError(PESAN_TAHUN_HANYA_BUKU)
                hasil = muat_berkas(berkas, pd_tujuan=pd, dry_run=options["dry_run"])
        except BukuKerjaTidakValid as exc:
            for m in exc.masalah:
                self.stderr.write(str(m))
            raise CommandError(PESAN_GAGAL.format(jumlah=len(exc.masalah))) from None
        except DatasetTidakValid as exc:
            for m in exc.masalah:
                self.stderr.write(str(m))
            raise CommandError(PESAN_GAGAL.format(jumlah=len(exc.masalah))) from None
        self.stdout.write(hasil.ringkasan())
