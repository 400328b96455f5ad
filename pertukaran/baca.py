"""Reading: a `sakip-dataset/1` file on disk becomes a document (the parsed JSON object).

`baca_berkas` checks only that the file exists, is at most `BATAS_UKURAN` bytes, is UTF-8 (a
BOM is allowed) and is JSON nested at most `BATAS_KEDALAMAN` levels; a failure is a
`DatasetTidakValid` with one problem at `$`, in Indonesian. `baca_json` does the same for
bytes already in memory (an upload). Whether the document is a valid dataset is
`skema.validasi`'s job.

The limits hold before parsing: the size is read from the file system and at most one byte
past the limit is read; the nesting depth is counted by a scan that skips strings, so a
hostile file never reaches the parser's recursion (a `RecursionError`) or builds a huge tree.
A real dataset nests about ten levels and weighs well under a megabyte per year.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from common.formatting import format_angka

from .dokumen import DatasetTidakValid, Masalah

BATAS_UKURAN = 20 * 1024 * 1024
"""Largest dataset file accepted, in bytes."""
BATAS_KEDALAMAN = 64
"""Deepest nesting of JSON objects and arrays accepted (the document itself is level 1)."""

# --- Messages (Indonesian, asserted by the tests) -------------------------------------------
PESAN_JSON_TIDAK_SAH = (
    "Berkas bukan JSON yang sah: kesalahan sintaks di baris {baris}, kolom {kolom} ({galat})."
)
PESAN_BERKAS_TIDAK_TERBACA = "Berkas tidak dapat dibaca: {galat}."
PESAN_BERKAS_TIDAK_ADA = "Berkas {path} tidak ditemukan."
PESAN_BUKAN_UTF8 = "Berkas harus berupa teks UTF-8."
PESAN_TERLALU_BESAR = (
    "Berkas terlalu besar: {ukuran} MB, batasnya {batas} MB. Pisahkan dataset per perangkat "
    "daerah atau per tahun."
)
PESAN_TERLALU_DALAM = (
    "Struktur JSON terlalu dalam: lebih dari {batas} tingkat objek/daftar bersarang "
    "(baris {baris}, kolom {kolom}). Berkas dataset yang sah tidak sedalam itu."
)
PESAN_ANGKA_TERLALU_PANJANG = "Berkas memuat angka yang terlalu panjang untuk dibaca."

# The JSON parser's messages (json.JSONDecodeError.msg), in Indonesian.
GALAT_JSON = {
    "Expecting value": "nilai diharapkan",
    "Expecting property name enclosed in double quotes": (
        "nama kunci dalam tanda petik ganda diharapkan"
    ),
    "Expecting ',' delimiter": "tanda koma diharapkan",
    "Expecting ':' delimiter": "tanda titik dua diharapkan",
    "Unterminated string starting at": "teks tidak ditutup dengan tanda petik",
    "Invalid control character at": "karakter kendali tidak sah di dalam teks",
    "Invalid \\escape": "urutan escape tidak sah",
    "Extra data": "ada data setelah akhir objek JSON",
}


def _mb(ukuran: int) -> str:
    return format_angka(Decimal(ukuran) / Decimal(1024 * 1024), 1)


def _gagal(pesan: str) -> DatasetTidakValid:
    return DatasetTidakValid([Masalah("$", pesan)])


# A JSON string (skipped whole, so brackets inside text do not count) or a bracket.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _periksa_kedalaman(teks: str, batas: int) -> None:
    """Raise when objects/arrays nest deeper than `batas`, before anything is parsed."""
    kedalaman = 0
    for m in _TOKEN.finditer(teks):
        tanda = m.group()
        if tanda in "[{":
            kedalaman += 1
            if kedalaman > batas:
                baris = teks.count("\n", 0, m.start()) + 1
                kolom = m.start() - teks.rfind("\n", 0, m.start())
                raise _gagal(PESAN_TERLALU_DALAM.format(batas=batas, baris=baris, kolom=kolom))
        elif tanda in "]}":
            kedalaman -= 1


def baca_json(
    isi: bytes, *, batas_ukuran: int = BATAS_UKURAN, batas_kedalaman: int = BATAS_KEDALAMAN
) -> dict:
    """The parsed JSON of `isi`; too large, too deep, not UTF-8 or invalid JSON raises
    `DatasetTidakValid`."""
    if len(isi) > batas_ukuran:
        raise _gagal(PESAN_TERLALU_BESAR.format(ukuran=_mb(len(isi)), batas=_mb(batas_ukuran)))
    try:
        teks = isi.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _gagal(PESAN_BUKAN_UTF8) from None
    _periksa_kedalaman(teks, batas_kedalaman)
    try:
        return json.loads(teks)
    except json.JSONDecodeError as exc:
        galat = GALAT_JSON.get(exc.msg, exc.msg)
        pesan = PESAN_JSON_TIDAK_SAH.format(baris=exc.lineno, kolom=exc.colno, galat=galat)
        raise _gagal(pesan) from None
    except RecursionError:  # only if the scan above missed a nesting; never a traceback
        raise _gagal(
            PESAN_TERLALU_DALAM.format(batas=batas_kedalaman, baris="?", kolom="?")
        ) from None
    except ValueError:  # an integer past sys.get_int_max_str_digits()
        raise _gagal(PESAN_ANGKA_TERLALU_PANJANG) from None


def baca_berkas(
    path: str | Path, *, batas_ukuran: int = BATAS_UKURAN, batas_kedalaman: int = BATAS_KEDALAMAN
) -> dict:
    """The parsed JSON of `path`; unreadable, too large, too deep or invalid JSON raises
    `DatasetTidakValid`."""
    try:
        with Path(path).open("rb") as berkas:
            ukuran = Path(path).stat().st_size
            if ukuran > batas_ukuran:
                raise _gagal(
                    PESAN_TERLALU_BESAR.format(ukuran=_mb(ukuran), batas=_mb(batas_ukuran))
                )
            # One byte past the limit is enough to know a growing or special file is too big.
            isi = berkas.read(batas_ukuran + 1)
    except FileNotFoundError:
        raise _gagal(PESAN_BERKAS_TIDAK_ADA.format(path=path)) from None
    except OSError as exc:
        raise _gagal(PESAN_BERKAS_TIDAK_TERBACA.format(galat=exc.strerror or exc)) from None
    return baca_json(isi, batas_ukuran=batas_ukuran, batas_kedalaman=batas_kedalaman)
