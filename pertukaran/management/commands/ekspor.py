"""`manage.py ekspor --pd SLUG [--tahun N] --out FILE.xlsx|FILE.json`: export in the import format.

The PD's plan and results as an import workbook (`.xlsx`) or a `sakip-dataset/1` file
(`.json`); `manage.py impor FILE` loads either back. `--tahun N` leaves out the yearly figures
(realisations, pagu, PK, spending) of the years after N: the file then holds what the
reports of year N read (the plan and its targets, year N and the years before it).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pertukaran.ekspor import ekspor_dataset, teks_json
from pertukaran.ekspor_buku import buku_kerja_dari_dataset, sampai_tahun
from renstra.models import PerangkatDaerah

PESAN_PD_TIDAK_ADA = "Perangkat daerah dengan slug {slug} tidak ditemukan."
PESAN_BERKAS_GAGAL = "Berkas {berkas} tidak dapat ditulis: {galat}."
PESAN_SELESAI = "Perangkat daerah {slug} diekspor ke {berkas}."


class Command(BaseCommand):
    help = "Mengekspor rencana dan hasil satu perangkat daerah dalam format impor (.xlsx/.json)."

    def add_arguments(self, parser):
        parser.add_argument("--pd", required=True, help="Slug perangkat daerah.")
        parser.add_argument("--tahun", type=int, help="Tahun laporan (data sampai tahun ini).")
        parser.add_argument("--out", required=True, help="Berkas tujuan .xlsx atau .json.")

    def handle(self, *args, **options):
        pd = PerangkatDaerah.objects.filter(slug=options["pd"]).first()
        if pd is None:
            raise CommandError(PESAN_PD_TIDAK_ADA.format(slug=options["pd"]))
        data = ekspor_dataset(pd=pd)
        if options.get("tahun"):
            data = sampai_tahun(data, options["tahun"])
        berkas = Path(options["out"])
        try:
            if berkas.suffix.lower() == ".json":
                berkas.write_text(teks_json(data), encoding="utf-8")
            else:
                berkas.write_bytes(buku_kerja_dari_dataset(data))
        except OSError as exc:
            galat = exc.strerror or exc
            raise CommandError(PESAN_BERKAS_GAGAL.format(berkas=berkas, galat=galat)) from exc
        self.stdout.write(PESAN_SELESAI.format(slug=pd.slug, berkas=berkas))
