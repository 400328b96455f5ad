"""Reading: an import workbook (XLSX, layout in `tata_letak`) becomes a `sakip-dataset/1` document.

The workbook is one more front end of the one loader: `baca_buku_kerja` turns it into the
same document a JSON file gives, which then goes through `skema.validasi` and the
all-or-nothing writer (`impor.muat`). What this module checks is what only a workbook can
get wrong: the file itself (size, not an Excel file, empty), headers, cells (numbers written
"1.234,56", "1,234.56", "7,8%", "Rp 1.000.000", "80 %"; a percent-formatted cell; text in a
number column), references between sheets, duplicate rows, and target years outside the
Renstra period. Every problem names its sheet, row and column (`MasalahSel`); the document's
own problems (JSON paths) are mapped back to the cells they came from (`HasilBaca.lokasi`).

Why openpyxl by hand and not django-import-export's resources: a resource imports rows into
one model and validates row by row, while this format's rows are parts of one document
(a target row belongs to an indicator of another sheet, a kegiatan nests under its program)
that must be validated as a whole before anything is written, by the same rules as a JSON
file. The row-level parsing (numbers, choices, years) is small and lives here; the diffing
(create / update / unchanged) is the writer's own dry run (`HasilMuat`).
"""

from __future__ import annotations

import os
from collections import defaultdict
from typing import IO

from .buku_kerja_dasar import (
    MAKS_UKURAN,
    PESAN_BUKAN_ANGKA,
    PESAN_BUKAN_BULAT,
    PESAN_BUKAN_NILAI,
    PESAN_BUKAN_XLSX,
    PESAN_GANDA,
    PESAN_KOLOM_TIDAK_ADA,
    PESAN_KOSONG,
    PESAN_PD_LAIN,
    PESAN_PILIHAN,
    PESAN_RUJUKAN,
    PESAN_TAHUN_DI_LUAR,
    PESAN_TERLALU_BESAR,
    PESAN_WAJIB,
    BukuKerjaTidakValid,
    HasilBaca,
    MasalahSel,
    _buka,
    _Pembaca,
    _ukuran,
    periksa_ukuran,
)
from .buku_kerja_susun import _Penyusun
from .dokumen import PREDIKAT
from .tata_letak import (
    LEMBAR,
    YA,
)


def baca_buku_kerja(
    berkas: str | os.PathLike | IO[bytes], *, tahun: int | None = None
) -> HasilBaca:
    """The document of the workbook `berkas` (a path or a binary file).

    `tahun` keeps only that year's rows of the yearly sheets. Raises `BukuKerjaTidakValid`
    with every problem of the workbook; the document's own rules are `skema.validasi`'s."""
    periksa_ukuran(_ukuran(berkas))
    wb = _buka(berkas)
    try:
        p = _Pembaca()
        baris = {spec.nama: p.lembar(wb[spec.nama], spec) for spec in LEMBAR if spec.nama in wb}
    finally:
        wb.close()
    if not any(baris.values()):
        raise BukuKerjaTidakValid(p.masalah or [MasalahSel("", None, None, PESAN_KOSONG)])
    if tahun is not None:
        for nama in (
            "Target",
            "Target triwulan",
            "Realisasi kinerja",
            "Pagu",
            "Realisasi anggaran",
            "PK",
            "Belanja",
            "Anggaran PD",
        ):
            baris[nama] = [(n, r) for n, r in baris.get(nama, []) if r.get("tahun") == tahun]
        nomor_pk = {r.get("no") for _n, r in baris["PK"]}
        for nama in ("PK indikator", "PK anggaran"):
            baris[nama] = [(n, r) for n, r in baris.get(nama, []) if r.get("no") in nomor_pk]
    data = _Penyusun(p, baris).susun()
    if p.masalah:
        raise BukuKerjaTidakValid(p.masalah)
    return HasilBaca(data=data, baris=p.baris_dibaca, pembaca=p)


def ringkas_masalah(masalah: list[MasalahSel]) -> dict[str, list[MasalahSel]]:
    """Problems grouped by sheet (workbook order; problems without a sheet first)."""
    urutan = [""] + [lembar.nama for lembar in LEMBAR]
    kelompok: dict[str, list[MasalahSel]] = defaultdict(list)
    for m in masalah:
        kelompok[m.lembar].append(m)
    return {k: kelompok[k] for k in urutan if k in kelompok}


__all__ = [
    "PREDIKAT",
    "MAKS_UKURAN",
    "PESAN_BUKAN_ANGKA",
    "PESAN_BUKAN_BULAT",
    "PESAN_BUKAN_NILAI",
    "PESAN_BUKAN_XLSX",
    "PESAN_GANDA",
    "PESAN_KOLOM_TIDAK_ADA",
    "PESAN_KOSONG",
    "PESAN_PD_LAIN",
    "PESAN_PILIHAN",
    "PESAN_RUJUKAN",
    "PESAN_TAHUN_DI_LUAR",
    "PESAN_TERLALU_BESAR",
    "PESAN_WAJIB",
    "YA",
    "BukuKerjaTidakValid",
    "HasilBaca",
    "MasalahSel",
    "baca_buku_kerja",
    "periksa_ukuran",
    "ringkas_masalah",
]
