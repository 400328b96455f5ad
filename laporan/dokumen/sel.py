"""The cell and row helpers every table generator of laporan.dokumen shares.

Small builders of `Sel` cells (text, category, target, K/Rp columns) and of the rows that
recur across tables: the JUMLAH (total) row, the average footer, and the cells of a measured
indicator or of a budget line. No arithmetic happens here beyond choosing which computed value
goes in which cell.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from common.formatting import format_angka, format_masukan, parse_angka_teks
from kinerja.selectors import LABEL_SUMBER_TARGET
from renstra.kode import adalah_kode_kepmendagri

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


# Local codes (P1, P1.K1, 8.01.01.2.01.L1: codes the app or a report invents where the
# Kepmendagri nomenclature has none) are NOT printed: a printed code reads as a Kepmendagri
# code. Where a row has no Kepmendagri code the Kode column shows the gap ("—") and a note
# under the table says why; in a "kode nama" cell only the name is printed (issue 14 point 13).
CATATAN_KODE_LOKAL = (
    "Kode “—”: baris tanpa kode Kepmendagri; kode lokal yang dipakai aplikasi atau laporan "
    "sumber tidak dicetak sebagai kode nomenklatur."
)


def adalah_kode_resmi(kode: str | None) -> bool:
    """True for a Kepmendagri code: a program, kegiatan or sub-kegiatan code
    (renstra.kode.adalah_kode_kepmendagri) or a numeric urusan ("8") / bidang ("8.01") code."""
    if adalah_kode_kepmendagri(kode):
        return True
    bagian = (kode or "").strip().split(".")
    return 1 <= len(bagian) <= 2 and all(b.isdigit() for b in bagian)


def kode_cetak(kode: str | None) -> str:
    """The code as printed in a Kode column: a Kepmendagri code, else "" (shown as the gap)."""
    return kode.strip() if adalah_kode_resmi(kode) else ""


def nama_berkode(kode: str | None, nama: str) -> str:
    """ "kode nama" for a Kepmendagri code, the name alone for a local code."""
    kode = kode_cetak(kode)
    return f"{kode} {nama}".strip() if kode else nama


_POLA_ANGKA_TITIK = re.compile(r"(-?\d+\.\d+)(\s*%)?")


def teks_data(teks: str | None) -> str | None:
    """Text a PD entered, printed as entered, except a bare number written with a decimal point
    (the dataset's plain notation, "10.53"): printed in Indonesian notation ("10,53"). A dot
    followed by three digits is an Indonesian thousands separator and stays ("1.500")."""
    if not teks:
        return teks
    cocok = _POLA_ANGKA_TITIK.fullmatch(teks.strip())
    if cocok is None:
        return teks
    return format_masukan(parse_angka_teks(cocok[1])) + (cocok[2] or "")


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
