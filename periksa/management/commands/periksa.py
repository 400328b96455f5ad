"""`python manage.py periksa --pd <slug> --tahun <n> [--format teks|json]`: the differences
between a loaded hand-made report and the product's numbers; exit status 1 when any."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from periksa.keluaran import sebagai_dict, sebagai_teks
from periksa.selectors import periksa_laporan
from renstra.models import PerangkatDaerah

PESAN_PD_TIDAK_ADA = "Perangkat daerah dengan slug '{slug}' tidak ditemukan."


class Command(BaseCommand):
    help = "Periksa angka laporan yang dimuat terhadap perhitungan aplikasi."

    def add_arguments(self, parser):
        parser.add_argument("--pd", required=True, help="slug perangkat daerah")
        parser.add_argument("--tahun", required=True, type=int, help="tahun laporan")
        parser.add_argument("--format", choices=("teks", "json"), default="teks")

    def handle(self, *args, **options):
        slug = options["pd"]
        pd = PerangkatDaerah.objects.filter(slug=slug).first()
        if pd is None:
            raise CommandError(PESAN_PD_TIDAK_ADA.format(slug=slug))
        hasil = periksa_laporan(pd=pd, tahun=options["tahun"])
        if options["format"] == "json":
            self.stdout.write(
                json.dumps(sebagai_dict(hasil, slug=slug), ensure_ascii=False, indent=2)
            )
        else:
            self.stdout.write(sebagai_teks(hasil, nama_pd=pd.nama), ending="")
        if hasil.jumlah_temuan:
            raise SystemExit(1)
