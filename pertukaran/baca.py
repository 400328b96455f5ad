"""Reading: a `sakip-dataset/1` file on disk becomes a document (the parsed JSON object).

`baca_berkas` checks only that the file exists, is UTF-8 (a BOM is allowed) and is JSON; a
failure is a `DatasetTidakValid` with one problem at `$`, in Indonesian. Whether the document
is a valid dataset is `skema.validasi`'s job.
"""

from __future__ import annotations

import json
from pathlib import Path

from .dokumen import DatasetTidakValid, Masalah

# --- Messages (Indonesian, asserted by the tests) -------------------------------------------
PESAN_JSON_TIDAK_SAH = (
    "Berkas bukan JSON yang sah: kesalahan sintaks di baris {baris}, kolom {kolom} ({galat})."
)
PESAN_BERKAS_TIDAK_TERBACA = "Berkas tidak dapat dibaca: {galat}."
PESAN_BERKAS_TIDAK_ADA = "Berkas {path} tidak ditemukan."
PESAN_BUKAN_UTF8 = "Berkas harus berupa teks UTF-8."

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


def baca_berkas(path: str | Path) -> dict:
    """The parsed JSON of `path`; unreadable or invalid JSON raises `DatasetTidakValid`."""
    try:
        teks = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DatasetTidakValid([Masalah("$", PESAN_BUKAN_UTF8)]) from None
    except FileNotFoundError:
        pesan = PESAN_BERKAS_TIDAK_ADA.format(path=path)
        raise DatasetTidakValid([Masalah("$", pesan)]) from None
    except OSError as exc:
        pesan = PESAN_BERKAS_TIDAK_TERBACA.format(galat=exc.strerror or exc)
        raise DatasetTidakValid([Masalah("$", pesan)]) from None
    try:
        return json.loads(teks)
    except json.JSONDecodeError as exc:
        galat = GALAT_JSON.get(exc.msg, exc.msg)
        pesan = PESAN_JSON_TIDAK_SAH.format(baris=exc.lineno, kolom=exc.colno, galat=galat)
        raise DatasetTidakValid([Masalah("$", pesan)]) from None
