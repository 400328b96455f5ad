"""Small text helpers of the Perjanjian Kinerja: decimals and targets in canonical and
printed form, and the parties' positions as printed (with the Plt./Plh. prefix).

Pure functions over model instances; no queries beyond the related objects they are given.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from common.formatting import TANDA_KOSONG, format_angka
from kinerja.capaian import NILAI_PREDIKAT, predikat_sakip
from kinerja.models import PerjanjianKinerja

SATUAN_TANPA_LABEL = {"nilai", "indeks", "skor", "predikat", "()"}
"""Units not printed after a value ("73", not "73 nilai")."""


def teks_desimal(nilai: Decimal | None) -> str | None:
    """A Decimal in plain notation without trailing zeros ("100", "7.8"); None stays None."""
    if nilai is None:
        return None
    teks = format(nilai.normalize(), "f")
    return "0" if teks in ("-0", "0") else teks


def nilai_kanonik(obj: Any) -> Any:
    """The target held by a NilaiTargetMixin (Target, PKIndikator) in canonical form:
    {"bawah", "atas"} for a range, the predikat letter, the number as plain text, or None."""
    if obj is None:
        return None
    if obj.batas_bawah is not None or obj.batas_atas is not None:
        return {"bawah": teks_desimal(obj.batas_bawah), "atas": teks_desimal(obj.batas_atas)}
    if obj.predikat:
        return obj.predikat.strip().upper()
    return teks_desimal(obj.nilai)


def target_setara(a: Any, b: Any) -> bool:
    """Two target values (as `nilai_masukan()` gives them) say the same: equal numbers, equal
    letters, equal ranges, or a letter and a score that reads as it: the letter's lower bound
    (DOMAIN.md §5.1: "BB" is scored 70, so a Renja 70 is the PK's BB) or a score inside the
    letter's band (73 is BB)."""
    if isinstance(a, str) and isinstance(b, str):
        return a.strip().upper() == b.strip().upper()
    if isinstance(a, str) and isinstance(b, Decimal):
        a, b = b, a
    if isinstance(a, Decimal) and isinstance(b, str):
        huruf = b.strip().upper()
        return a == NILAI_PREDIKAT.get(huruf) or predikat_sakip(a) == huruf
    return a == b


def _angka_cetak(nilai: Decimal) -> str:
    # As many decimals as the value holds (at most 4): 7.8 → "7,8", 100 → "100".
    tempat = min(4, max(0, -nilai.normalize().as_tuple().exponent))
    return format_angka(nilai, tempat)


def teks_nilai(nilai: Any, satuan: str = "") -> str:
    """A target or realisation as printed: "100%", "5 Dokumen", "BB", "80–90%", "—"."""
    if nilai is None or nilai == "":
        return TANDA_KOSONG
    if isinstance(nilai, dict):
        bawah, atas = nilai.get("bawah"), nilai.get("atas")
        teks = "–".join(_angka_cetak(Decimal(v)) if v is not None else "…" for v in (bawah, atas))
    elif isinstance(nilai, str):
        teks = nilai
        if teks.upper() in NILAI_PREDIKAT:
            return teks.upper()
        try:
            teks = _angka_cetak(Decimal(teks))
        except ArithmeticError:
            return teks
    else:
        teks = _angka_cetak(nilai)
    satuan = (satuan or "").strip()
    if not satuan or satuan.lower() in SATUAN_TANPA_LABEL:
        return teks
    return f"{teks}%" if satuan == "%" else f"{teks} {satuan}"


def _dengan_status(status: str, jabatan: str) -> str:
    """The position with the acting prefix (Plt./Plh.) exactly once."""
    jabatan = (jabatan or "").strip()
    if status and not jabatan.startswith(status):
        return f"{status} {jabatan}".strip()
    return jabatan


def jabatan_pihak_pertama(pk: PerjanjianKinerja) -> str:
    p = pk.pihak_pertama
    return _dengan_status(
        p.status_jabatan if p else "", pk.pihak_pertama_jabatan or (p.jabatan if p else "")
    )


def jabatan_pihak_kedua(pk: PerjanjianKinerja) -> str:
    p = pk.pihak_kedua
    return _dengan_status(
        p.status_jabatan if p else "", pk.pihak_kedua_jabatan or (p.jabatan if p else "")
    )
