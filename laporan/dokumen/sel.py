"""The cell and row helpers every table generator of laporan.dokumen shares.

Small builders of `Sel` cells (text, category, target, K/Rp columns) and of the rows that
recur across tables: the JUMLAH (total) row, the average footer, and the cells of a measured
indicator or of a budget line. No arithmetic happens here beyond choosing which computed value
goes in which cell.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from common.formatting import format_angka
from kinerja.selectors import LABEL_SUMBER_TARGET

from ..tabel import BULAT, NILAI, PERSEN, TEKS, Baris, Sel

LABEL_TINGKAT = {
    "urusan": "Urusan",
    "bidang": "Bidang urusan",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub-kegiatan",
    "sasaran": "Sasaran",
}
TEKS_RATA_RATA = "Rata-rata capaian"
TEKS_JUMLAH = "JUMLAH"


CATATAN_MESIN = "{kode}: {catatan}."
"""A note of the capaian engine for one indicator ("S1.I1: target BB dibaca 70.")."""
CATATAN_DIKECUALIKAN = "Tidak dihitung dalam rata-rata: {kode} — {alasan}"


def _t(teks: Any, **kw) -> Sel:
    return Sel(teks, TEKS, **kw)


def _kat(kategori, kunci: str = "kategori") -> Sel:
    if kategori is None:
        return Sel(None, TEKS, kunci=kunci)
    return Sel(kategori.label, TEKS, kunci=kunci, warna=kategori.warna.hex, kelas="kategori")


def _sumber(sumber: str | None) -> str:
    return LABEL_SUMBER_TARGET.get(sumber, "") if sumber else ""


def _target_sel(nilai: Any, sumber: str | None = None) -> Sel:
    return Sel(nilai, NILAI, kunci="target")


def _batas(nilai: Decimal) -> str:
    return format_angka(nilai, 2, ringkas=True)


def _k(nilai: Any, kunci: str) -> Sel:
    return Sel(nilai, NILAI, kunci=kunci)


def _rp(nilai: Decimal | None, kunci: str, rowspan: int = 1) -> Sel:
    return Sel(nilai, BULAT, kunci=kunci, rowspan=rowspan)


def sel_kinerja(b) -> tuple[Sel, ...]:
    """Target, realisasi, capaian and kategori of one measured indicator (a pengukuran row)."""
    return (
        Sel(b.target, NILAI, kunci="target"),
        Sel(b.realisasi, NILAI, kunci="realisasi"),
        Sel(b.capaian.nilai, PERSEN, kunci="capaian"),
        _kat(b.kategori),
    )


def sel_anggaran(a) -> tuple[Sel, ...]:
    """Pagu, realisasi and persen of one budget line (program, kegiatan, jenis belanja, total)."""
    return (
        Sel(a.pagu, BULAT, kunci="pagu"),
        Sel(a.realisasi, BULAT, kunci="realisasi"),
        Sel(a.persen, PERSEN, kunci="persen"),
    )


def baris_jumlah(
    *sel: Sel, kosong: int = 0, colspan: int = 1, jenis: str = "jumlah", label: str = "Jumlah"
) -> Baris:
    """The JUMLAH (total) row of a table: `kosong` empty cells, the "JUMLAH" cell spanning
    `colspan` columns, then `sel`; its row key is always "jumlah"."""
    return Baris(
        (*(_t("") for _ in range(kosong)), _t(TEKS_JUMLAH, colspan=colspan), *sel),
        jenis=jenis,
        kunci="jumlah",
        label=label,
    )


def baris_rata_rata(teks: str, colspan: int, rata_rata, kategori, label: str) -> Baris:
    """The average footer of a pengukuran table: the text over `colspan` columns, the average
    capaian and its category."""
    return Baris(
        (
            _t(teks, colspan=colspan),
            Sel(rata_rata, PERSEN, kunci="capaian"),
            _kat(kategori),
        ),
        jenis="footer",
        kunci="rata-rata",
        label=label,
    )
