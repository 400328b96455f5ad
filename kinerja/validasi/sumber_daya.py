"""Printed staffing / facilities tables (R-SUM): a JUMLAH row that is not the sum of its
rows. A table with only a total row is not summed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from common.formatting import parse_angka_teks

from .dasar import PERINGATAN, Masalah, ObjekMasalah, _angka

KODE_TABEL_JUMLAH = "sumber_daya.jumlah_tidak_sama"
PESAN_TABEL_JUMLAH = (
    "Tabel {judul}: baris {label} kolom {kolom} tercetak {tercetak}, "
    "sedangkan jumlah barisnya {hitung}."
)
_LABEL_JUMLAH = re.compile(r"^\s*(j\s*u\s*m\s*l\s*a\s*h|total)\s*$", re.IGNORECASE)
_SATUAN_SEL = re.compile(r"\s*(org|orang|unit|buah|%)\.?\s*$", re.IGNORECASE)


def _angka_sel(teks: str) -> Decimal | None:
    """A table cell as a number: "4 Org" → 4, "10.53" → 10.53, "-" or "" → 0; None when the
    cell is not a number."""
    teks = _SATUAN_SEL.sub("", (teks or "").strip())
    if teks in ("", "-", "–", "—"):
        return Decimal(0)
    try:
        return parse_angka_teks(teks)
    except (ValueError, TypeError):
        return None


def _cek_tabel_sumber_daya(tabel_list) -> Iterator[Masalah]:
    """A printed staffing/facilities table whose JUMLAH row is not the sum of its rows."""
    for tabel in tabel_list:
        baris = [list(b) for b in tabel.baris]
        for b in baris:
            label = next((sel for sel in b if _LABEL_JUMLAH.match(str(sel or ""))), None)
            if label is None:
                continue
            lain = [x for x in baris if x is not b]
            for i, sel in enumerate(b):
                tercetak = None if sel == label else _angka_sel(str(sel or ""))
                if tercetak is None or str(sel or "").strip() in ("", "-"):
                    continue
                nilai = [_angka_sel(str(x[i] or "")) if i < len(x) else None for x in lain]
                if any(n is None for n in nilai):
                    continue
                hitung = sum(nilai, Decimal(0))
                if abs(hitung - tercetak) > Decimal("0.05"):
                    kolom = tabel.kolom[i] if i < len(tabel.kolom) else str(i + 1)
                    yield Masalah(
                        KODE_TABEL_JUMLAH,
                        PERINGATAN,
                        PESAN_TABEL_JUMLAH.format(
                            judul=tabel.judul,
                            label=label.strip(),
                            kolom=kolom,
                            tercetak=_angka(tercetak),
                            hitung=_angka(hitung),
                        ),
                        ObjekMasalah("renstra.tabelsumberdaya", tabel.pk, tabel.judul[:80]),
                    )
