#!/usr/bin/env python
"""Benchmark of the workbook import: a workbook of 5,000 realisasi rows, time and peak memory.

Builds a synthetic PD (one sasaran, `--indikator` sub-kegiatan indicators, the Renstra
2022–2026) whose "Realisasi kinerja" sheet holds one row per indicator and year (yearly value
and TW I–IV), i.e. `--indikator` × 5 rows (default 1,000 × 5 = 5,000), writes it as an import
workbook, then imports it (read → validate → write, one transaction) and prints the import's
wall time and the process's peak resident memory. The targets of issue #10: under 5 s and
under 300 MB.

Usage: `.venv/bin/python scripts/benchmark_impor.py [--indikator 1000]`. Without SQLITE_PATH a
temporary SQLite database is created and migrated (nothing else is touched); with
DATABASE_URL the import runs against that database (use a fresh one).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TAHUN = range(2022, 2027)


def dataset(jumlah: int, *, triwulan: bool = True) -> dict:
    """A PD with `jumlah` indicators of one sub-kegiatan, each with 5 years of realisations
    (the yearly value, and TW I–IV unless `triwulan` is False)."""
    indikator = []
    for i in range(jumlah):
        indikator.append(
            {
                "kode": f"SK.I{i + 1}",
                "uraian": f"Jumlah dokumen kebijakan {i + 1}",
                "satuan": "dokumen",
                "cara_agregasi": "kumulatif",
                "target": {"renstra": {str(t): str(4 + i % 3) for t in TAHUN}},
                "realisasi": {
                    str(t): {
                        "tahunan": str(4 + i % 5),
                        "triwulan": ["1", "1", "1", str(1 + i % 5)] if triwulan else None,
                    }
                    for t in TAHUN
                },
            }
        )
    return {
        "format": "sakip-dataset/1",
        "pemda": {"nama": "Kabupaten Tolok Ukur", "jenis": "kabupaten"},
        "perangkat_daerah": {"slug": "tolok-ukur-impor", "nama": "Badan Tolok Ukur Impor"},
        "unit_kerja": [{"kode": "sekretariat", "nama": "Sekretariat", "induk": None}],
        "rpjmd": None,
        "renstra": {"periode": [2022, 2026]},
        "sasaran": [{"kode": "S1", "uraian": "Sasaran uji", "indikator": []}],
        "program": [
            {
                "kode": "8.01.02",
                "nama": "Program uji",
                "sasaran": ["S1"],
                "kegiatan": [
                    {
                        "kode": "8.01.02.2.01",
                        "nama": "Kegiatan uji",
                        "sub_kegiatan": [
                            {
                                "kode": "8.01.02.2.01.01",
                                "nama": "Sub-kegiatan uji",
                                "indikator": indikator,
                                "pagu": {str(t): {"murni": "100000000"} for t in TAHUN},
                            }
                        ],
                    }
                ],
            }
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--indikator", type=int, default=1000)
    parser.add_argument(
        "--tanpa-triwulan",
        action="store_true",
        help="Hanya nilai tahunan per baris (satu realisasi per baris, bukan lima).",
    )
    args = parser.parse_args()

    if not os.environ.get("SQLITE_PATH") and not os.environ.get("DATABASE_URL"):
        folder = Path(tempfile.mkdtemp(prefix="sakip-benchmark-impor-"))
        os.environ["SQLITE_PATH"] = str(folder / "db.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from pertukaran.ekspor_buku import buku_kerja_dari_dataset
    from pertukaran.impor_buku import impor_buku_kerja

    isi = buku_kerja_dari_dataset(dataset(args.indikator, triwulan=not args.tanpa_triwulan))
    sebelum = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mulai = time.perf_counter()
    hasil = impor_buku_kerja(io.BytesIO(isi))
    detik = time.perf_counter() - mulai
    puncak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    baris = hasil.baca.baris["Realisasi kinerja"]
    print(f"Buku kerja: {len(isi) / 1024 / 1024:.1f} MB, {baris} baris realisasi kinerja")
    print(
        f"Tersimpan: {hasil.hasil.dibuat['realisasi']} realisasi, "
        f"{hasil.hasil.dibuat.total()} objek"
    )
    print(f"Waktu impor: {detik:.2f} s (batas 5 s)")
    print(f"Memori puncak proses: {puncak:.0f} MB (sebelum impor {sebelum:.0f} MB; batas 300 MB)")
    sys.exit(0 if detik < 5 and puncak < 300 else 1)


if __name__ == "__main__":
    main()
