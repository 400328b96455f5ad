"""`manage.py ekspor_dataset --pd SLUG [--out FILE]`: export a PD as `sakip-dataset/1` JSON.

Without --out the JSON goes to stdout. The file is UTF-8, indented by 2, with the characters
kept as they are (ensure_ascii=False); `manage.py muat_dataset FILE` loads it back.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pertukaran.ekspor import ekspor_dataset, teks_json
from renstra.models import PerangkatDaerah

PESAN_PD_TIDAK_ADA = "Perangkat daerah dengan slug {slug} tidak ditemukan."
PESAN_BERKAS_GAGAL = "Berkas {berkas} tidak dapat ditulis: {galat}."
PESAN_SELESAI = "Dataset {slug} diekspor ke {berkas}."


class Command(BaseCommand):
    help = (
        "Mengekspor rencana dan hasil satu perangkat daerah sebagai dataset sakip-dataset/1. "
        "Ini BUKAN cadangan: realisasi yang belum disetujui, berkas bukti dukung, narasi "
        "laporan, catatan reviu, pengguna dan jejak audit tidak ikut. Untuk cadangan yang "
        "dapat dipulihkan utuh gunakan `manage.py cadangkan --out FOLDER` (docs/cadangan.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pd", required=True, help="Slug perangkat daerah.")
        parser.add_argument(
            "--out", help="Berkas JSON tujuan; tanpa opsi ini dataset ditulis ke stdout."
        )

    def handle(self, *args, **options):
        slug = options["pd"]
        pd = PerangkatDaerah.objects.filter(slug=slug).first()
        if pd is None:
            raise CommandError(PESAN_PD_TIDAK_ADA.format(slug=slug))
        teks = teks_json(ekspor_dataset(pd=pd))
        berkas = options.get("out")
        if not berkas:
            self.stdout.write(teks, ending="")
            return
        try:
            Path(berkas).write_text(teks, encoding="utf-8")
        except OSError as exc:
            galat = exc.strerror or exc
            raise CommandError(PESAN_BERKAS_GAGAL.format(berkas=berkas, galat=galat)) from exc
        self.stdout.write(PESAN_SELESAI.format(slug=slug, berkas=berkas))
