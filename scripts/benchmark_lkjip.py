#!/usr/bin/env python
"""Benchmark of the Paser LKjIP 2023 PDF.

Prints:
- end to end: the selectors, the narrative, the templates and WeasyPrint, as the web and the
  `cetak` command run them (`laporan.cetak.susun` + `halaman_cetak` + PDF);
- WeasyPrint alone on the same HTML;
- the ratio of the two (target: ≤ 1.2);
- serving a kept PDF of an approved edition through the web view (target: < 0.1 s);
- peak memory of the process (resource.getrusage; target: < 600 MB).

Usage: `.venv/bin/python scripts/benchmark_lkjip.py [--ulang 3]`. Without SQLITE_PATH a
temporary SQLite database is created, migrated and loaded with the reference data and the
Paser demo dataset (nothing else is touched).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BATAS_RASIO = 1.2
BATAS_UNDUH_DETIK = 0.1
BATAS_MEMORI_MB = 600


def siapkan_django() -> None:
    if not os.environ.get("SQLITE_PATH"):
        os.environ["SQLITE_PATH"] = str(
            Path(tempfile.mkdtemp(prefix="bench-lkjip-")) / "db.sqlite3"
        )
        baru = True
    else:
        baru = not Path(os.environ["SQLITE_PATH"]).exists()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    if baru:
        from django.core.management import call_command

        from pertukaran.impor import muat_berkas

        call_command("migrate", verbosity=0)
        call_command("loaddata", "referensi", verbosity=0)
        muat_berkas(ROOT / "fixtures" / "demo" / "kesbangpol-paser.json")


def ukur(fungsi, ulang: int) -> tuple[float, object]:
    waktu, hasil = [], None
    for _ in range(ulang):
        mulai = time.perf_counter()
        hasil = fungsi()
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu), hasil


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=3, help="runs per measurement (median)")
    args = parser.parse_args()
    siapkan_django()

    from django.contrib.auth import get_user_model
    from django.test import Client
    from pypdf import PdfReader
    from weasyprint import HTML

    from common.models import Keanggotaan, Peran
    from common.pdf import PengambilLokal
    from laporan import cetak, services
    from renstra.models import PerangkatDaerah

    pd = PerangkatDaerah.objects.select_related("pemda").get(slug="kesbangpol-paser")

    def ujung_ke_ujung() -> tuple[str, bytes]:
        laporan = cetak.laporan_untuk(pd, "lkjip", 2023)
        dokumen = cetak.susun(laporan)
        html = cetak.halaman_cetak(dokumen.isi, judul=dokumen.judul, draft=True)
        return html, cetak.pdf(html)

    def weasyprint_saja(html: str) -> bytes:
        pengambil = PengambilLokal(timeout=10)
        return HTML(string=html, base_url="http://localhost/", url_fetcher=pengambil).write_pdf()

    # One warm-up run (fonts, template loading), then the measurements.
    html, pdf = ujung_ke_ujung()
    t_ujung, (html, pdf) = ukur(ujung_ke_ujung, args.ulang)
    t_weasy, _ = ukur(lambda: weasyprint_saja(html), args.ulang)
    rasio = t_ujung / t_weasy

    # A kept PDF of an approved edition, served by the web view.
    User = get_user_model()
    kepala, _ = User.objects.get_or_create(username="bench-kepala")
    Keanggotaan.objects.get_or_create(pengguna=kepala, perangkat_daerah=pd, peran=Peran.KEPALA)
    laporan = services.laporan_dapatkan(pd=pd, jenis="lkjip", tahun=2023, user=kepala)
    from periksa.services import masalah_gerbang, penjelasan_simpan

    for g in masalah_gerbang(pd=pd, tahun=2023):  # the approval gate: errors explained
        m = g.masalah
        penjelasan_simpan(
            pd=pd, tahun=2023, kode=m.kode, model=m.objek.model, objek_id=m.objek.pk,
            teks="Benchmark: data demo seed 002.", user=kepala,
        )  # fmt: skip
    edisi = laporan.edisi.order_by("-nomor").first() or services.laporan_setujui(
        laporan=laporan, user=kepala
    )
    services.cetakan_tunggu(services.cetakan_minta(laporan=laporan, edisi=edisi, user=kepala))
    klien = Client()
    klien.force_login(kepala)
    alamat = f"/pd/{pd.slug}/laporan/lkjip/2023/pdf/?edisi={edisi.nomor}"
    klien.get(alamat)

    def unduh() -> int:
        respon = klien.get(alamat)
        isi = b"".join(respon.streaming_content)
        assert isi[:4] == b"%PDF", respon.status_code
        return len(isi)

    t_unduh, ukuran = ukur(unduh, max(args.ulang, 5))
    memori_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    halaman = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"LKjIP {pd.nama} 2023: {len(pdf):,} byte, {halaman} halaman, median dari {args.ulang}")
    print(f"  PDF ujung ke ujung (selector + narasi + template + WeasyPrint): {t_ujung:.2f} s")
    print(f"  WeasyPrint saja pada HTML yang sama:                           {t_weasy:.2f} s")
    print(f"  rasio ujung-ke-ujung / WeasyPrint: {rasio:.3f} (batas {BATAS_RASIO})")
    print(
        f"  unduh PDF tersimpan (edisi {edisi.nomor}, {ukuran:,} byte): {t_unduh * 1000:.1f} ms "
        f"(batas {BATAS_UNDUH_DETIK * 1000:.0f} ms)"
    )
    print(f"  memori puncak (ru_maxrss): {memori_mb:.0f} MB (batas {BATAS_MEMORI_MB} MB)")
    lulus = rasio <= BATAS_RASIO and t_unduh < BATAS_UNDUH_DETIK and memori_mb < BATAS_MEMORI_MB
    print("  HASIL:", "memenuhi semua batas" if lulus else "MELEWATI BATAS")
    return 0 if lulus else 1


if __name__ == "__main__":
    raise SystemExit(main())
