"""`manage.py cetak <lkjip|triwulan|evaluasi-renja|rencana-aksi|pk> --pd <slug> --tahun <n>
[--triwulan <n>] [--pejabat <NIP>] [--format pdf|html|xlsx] --out FILE`

Prints an official report through the same code path as the web (laporan.cetak.CETAK):
the latest approved edition when one exists (frozen), else the draft with its watermark.
`pk` prints the Perjanjian Kinerja documents (kinerja.pk.dokumen_pk); `lhe` the Laporan Hasil
Evaluasi AKIP of the evaluated year (lke.dokumen.dokumen_lhe, pdf or html).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from laporan.cetak import CETAK, FORMAT, cetak
from lke.dokumen import dokumen_lhe
from renstra.models import PerangkatDaerah

PESAN_PD_TIDAK_ADA = "Perangkat daerah dengan slug '{slug}' tidak ditemukan."
PESAN_SELESAI = "{jenis} {slug} {tahun} ({format}, {ukuran} byte) ditulis ke {out}"


class Command(BaseCommand):
    help = "Mencetak laporan resmi (LKjIP, triwulan, evaluasi Renja, rencana aksi, PK, LHE)."

    def add_arguments(self, parser):
        parser.add_argument("jenis", choices=sorted([*CETAK, "lhe"]))
        parser.add_argument("--pd", required=True, help="slug perangkat daerah")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4])
        parser.add_argument("--pejabat", help="NIP penanda tangan (atau pemilik PK)")
        parser.add_argument("--format", default="pdf", choices=FORMAT)
        parser.add_argument("--out", required=True, help="berkas keluaran")

    def handle(self, *args, **o):
        pd = PerangkatDaerah.objects.select_related("pemda").filter(slug=o["pd"]).first()
        if pd is None:
            raise CommandError(PESAN_PD_TIDAK_ADA.format(slug=o["pd"]))
        try:
            if o["jenis"] == "lhe":
                isi = dokumen_lhe(pd=pd, tahun=o["tahun"], format=o["format"])
            else:
                isi = cetak(
                    o["jenis"],
                    pd=pd,
                    tahun=o["tahun"],
                    triwulan=o["triwulan"],
                    nip=o["pejabat"],
                    format=o["format"],
                )
        except LookupError as galat:  # e.g. kinerja.pk.PKTidakDitemukan
            raise CommandError(str(galat)) from galat
        except ValueError as galat:
            raise CommandError(str(galat)) from galat
        out = Path(o["out"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(isi)
        self.stdout.write(
            PESAN_SELESAI.format(
                jenis=o["jenis"],
                slug=pd.slug,
                tahun=o["tahun"],
                format=o["format"],
                ukuran=len(isi),
                out=out,
            )
        )
