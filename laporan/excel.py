"""XLSX export of report tables (openpyxl), from the same `Tabel` rows as the HTML and PDF.

Numbers are written as numbers with explicit formats: rupiah and counts `#,##0`, other
values `#,##0` when whole and `#,##0.00` otherwise, percentages as fractions with `0.00%`
(89,34% is stored 0,8934) so that a spreadsheet computes with them; Excel shows them with the
reader's own separators. A moment (`datetime`, e.g. of an audit entry) is written as a
date cell `dd/mm/yyyy hh:mm` in local time. Texts stay texts; merged header and body cells
follow the colspans and rowspans of the table. The header rows of the first table are
frozen, and sheet names are short, whole words (Excel allows 31 characters; the year is in
the file name).
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, replace
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .tabel import ANGKA, BULAT, NILAI, PERSEN, RUPIAH, Tabel

FORMAT_BULAT = "#,##0"
FORMAT_DESIMAL = "#,##0.00"
FORMAT_PERSEN = "0.00%"
FORMAT_WAKTU = "dd/mm/yyyy hh:mm"
FORMAT_EXCEL = {
    RUPIAH: FORMAT_BULAT,
    BULAT: FORMAT_BULAT,
    ANGKA: FORMAT_DESIMAL,
    NILAI: FORMAT_DESIMAL,
    PERSEN: FORMAT_PERSEN,
}
"""Number format per cell kind; ANGKA and NILAI use FORMAT_BULAT for whole values."""
SERATUS = Decimal(100)
PANJANG_NAMA_LEMBAR = 31
_TAHUN_DI_NAMA = re.compile(r"\s+(tahun|TAHUN)\s+\d{4}\b")


def nilai_excel(nilai: Decimal, jenis: str) -> tuple[Decimal, str]:
    """The value written and its number format: a percentage as a fraction (89,34 →
    0,8934 with `0.00%`), a whole ANGKA/NILAI with `#,##0`, others as FORMAT_EXCEL says."""
    if jenis == PERSEN:
        return nilai / SERATUS, FORMAT_PERSEN
    if jenis in (ANGKA, NILAI) and nilai == nilai.to_integral_value():
        return nilai, FORMAT_BULAT
    return nilai, FORMAT_EXCEL.get(jenis, "General")


def _angka(nilai) -> bool:
    """A value written as a number: a Decimal or an int (a count), never a bool."""
    return isinstance(nilai, Decimal) or (isinstance(nilai, int) and not isinstance(nilai, bool))


_TIPIS = Side(style="thin", color="333333")
_BINGKAI = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)
_WARNA_KEPALA = "E8EEF4"
_WARNA_JUMLAH = "F3F6F9"


@dataclass(frozen=True)
class Lembar:
    """One worksheet: title lines above, tables, signature lines below."""

    nama: str
    tabel: Sequence[Tabel]
    kop: Sequence[str] = ()
    penutup: Sequence[str] = ()
    lanskap: bool = True


def nama_lembar(nama: str, terpakai: set[str] | None = None) -> str:
    """A readable sheet name of at most 31 characters: characters Excel refuses replaced,
    "tahun 2023" dropped (the file says the year), cut after a whole word, and made unique
    among `terpakai` ("… (2)")."""
    for c in "[]:*?/\\":
        nama = nama.replace(c, " ")
    nama = " ".join(_TAHUN_DI_NAMA.sub("", nama).split()) or "Lembar"
    if len(nama) > PANJANG_NAMA_LEMBAR:
        potong = nama[: PANJANG_NAMA_LEMBAR + 1].rsplit(" ", 1)[0]
        nama = potong.rstrip(" —–-,;(") or nama[:PANJANG_NAMA_LEMBAR]
    terpakai = terpakai if terpakai is not None else set()
    hasil, n = nama, 2
    while hasil.lower() in terpakai:
        akhiran = f" ({n})"
        hasil = nama[: PANJANG_NAMA_LEMBAR - len(akhiran)].rstrip() + akhiran
        n += 1
    terpakai.add(hasil.lower())
    return hasil


@dataclass(frozen=True)
class _Gaya:
    """The whole style of one cell: number format, alignment (horizontal, vertical, wrap),
    bold, font size, fill colour (hex) and border."""

    format_angka: str = "General"
    rata: tuple[str | None, str | None, bool | None] | None = None
    tebal: bool = False
    ukuran: int | None = None
    isi: str = ""
    bingkai: bool = False


class _PemasangGaya:
    """Puts `_Gaya` on cells, building each distinct style once per workbook.

    openpyxl registers a style by hashing its Font, Fill, Border and Alignment objects at
    every assignment, which made a 10 000-row history take a minute; a cell with a style
    already built gets a copy of that cell's style array instead (openpyxl's own way of
    copying a style from one cell to another)."""

    def __init__(self) -> None:
        self._contoh: dict[_Gaya, object] = {}

    def pasang(self, sel, gaya: _Gaya) -> None:
        contoh = self._contoh.get(gaya)
        if contoh is not None:
            sel._style = copy(contoh)
            return
        if gaya.format_angka != "General":
            sel.number_format = gaya.format_angka
        if gaya.rata is not None:
            horizontal, vertikal, bungkus = gaya.rata
            sel.alignment = Alignment(horizontal=horizontal, vertical=vertikal, wrap_text=bungkus)
        if gaya.tebal or gaya.ukuran:
            sel.font = (
                Font(bold=True) if not gaya.ukuran else Font(bold=gaya.tebal, size=gaya.ukuran)
            )
        if gaya.isi:
            sel.fill = PatternFill("solid", fgColor=gaya.isi)
        if gaya.bingkai:
            sel.border = _BINGKAI
        self._contoh[gaya] = copy(sel._style)


_RATA_KEPALA = ("center", "center", True)
_RATA_NOMOR = ("center", None, None)
_RATA_ANGKA = ("right", "top", None)
_RATA_WAKTU = ("left", "top", None)
_RATA_TEKS = ("left", "top", True)
_RATA_CENTANG = ("center", "top", True)


def _tulis_tabel(ws, tabel: Tabel, baris_awal: int, pemasang: _PemasangGaya) -> int:
    """Write one table from row `baris_awal`; returns the next free row."""
    r = baris_awal
    if tabel.judul:
        ws.cell(row=r, column=1, value=tabel.judul).font = Font(bold=True)
        r += 1
    terisi: set[tuple[int, int]] = set()
    gaya: dict[tuple[int, int], _Gaya] = {}
    """The style of every cell of the table, put on the cells once at the end."""

    def ubah(baris: int, kolom: int, **kw) -> None:
        lama = gaya.get((baris, kolom))
        gaya[(baris, kolom)] = _Gaya(**kw) if lama is None else replace(lama, **kw)

    def bingkai(baris: int, kolom: int, colspan: int, rowspan: int) -> None:
        """The border of the cells a merged cell covers (its top-left one has it already)."""
        for dc in range(colspan):
            for dr in range(rowspan):
                if dc or dr:
                    ubah(baris + dr, kolom + dc, bingkai=True)

    def tempatkan(baris: int, kolom: int, colspan: int, rowspan: int) -> int:
        while (baris, kolom) in terisi:
            kolom += 1
        for dr in range(rowspan):
            for dc in range(colspan):
                terisi.add((baris + dr, kolom + dc))
        if colspan > 1 or rowspan > 1:
            ws.merge_cells(
                start_row=baris,
                start_column=kolom,
                end_row=baris + rowspan - 1,
                end_column=kolom + colspan - 1,
            )
        return kolom

    for kepala_baris in tabel.kepala:
        c = 1
        for k in kepala_baris:
            c = tempatkan(r, c, k.colspan, k.rowspan)
            ws.cell(row=r, column=c, value=k.teks)
            ubah(r, c, tebal=True, isi=_WARNA_KEPALA, rata=_RATA_KEPALA, bingkai=True)
            bingkai(r, c, k.colspan, k.rowspan)
            c += k.colspan
        r += 1
    if tabel.nomor_kolom:
        c = 1
        for k in tabel.nomor_kolom_sel:
            c = tempatkan(r, c, k.colspan, 1)
            ws.cell(row=r, column=c, value=k.teks)
            ubah(r, c, rata=_RATA_NOMOR, ukuran=8, bingkai=True)
            bingkai(r, c, k.colspan, 1)
            c += k.colspan
        r += 1
    lebar = tabel.jumlah_kolom
    for b in tabel.baris:
        c = 1
        for s in b.sel:
            c = tempatkan(r, c, s.colspan, s.rowspan)
            if s.numerik and _angka(s.nilai):
                nilai, format_angka = nilai_excel(Decimal(s.nilai), s.jenis)
                ws.cell(row=r, column=c, value=nilai)
                ubah(r, c, format_angka=format_angka, rata=_RATA_ANGKA, bingkai=True)
            elif isinstance(s.nilai, datetime.datetime):
                # Excel holds no time zone: the caller passes local time.
                ws.cell(row=r, column=c, value=s.nilai.replace(tzinfo=None))
                ubah(r, c, format_angka=FORMAT_WAKTU, rata=_RATA_WAKTU, bingkai=True)
            else:
                teks = s.teks
                ws.cell(row=r, column=c, value=teks if teks != "" else None)
                rata = _RATA_CENTANG if s.jenis == "centang" else _RATA_TEKS
                ubah(r, c, rata=rata, bingkai=True)
            if s.warna:
                ubah(r, c, isi=s.warna.lstrip("#").upper())
            bingkai(r, c, s.colspan, s.rowspan)
            c += s.colspan
        if b.jenis in ("jumlah", "footer", "sasaran", "program"):
            for kol in range(1, lebar + 1):
                # The row's font replaces the cell's (a column-number size included).
                ubah(r, kol, tebal=True, ukuran=None)
                if b.jenis in ("jumlah", "footer"):
                    ubah(r, kol, isi=_WARNA_JUMLAH)
        r += 1
    for (baris, kolom), g in gaya.items():
        pemasang.pasang(ws.cell(row=baris, column=kolom), g)
    for catatan in tabel.catatan:
        ws.cell(row=r, column=1, value=catatan).font = Font(italic=True, size=8)
        r += 1
    return r + 1


def buat_xlsx(lembar: Sequence[Lembar]) -> bytes:
    """The workbook of the given sheets, as bytes."""
    wb = Workbook()
    wb.remove(wb.active)
    terpakai: set[str] = set()
    pemasang = _PemasangGaya()
    for lb in lembar:
        ws = wb.create_sheet(nama_lembar(lb.nama, terpakai))
        if lb.lanskap:
            ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        r = 1
        for teks in lb.kop:
            ws.cell(row=r, column=1, value=teks).font = Font(bold=True)
            r += 1
        if lb.kop:
            r += 1
        for tabel in lb.tabel:
            r = _tulis_tabel(ws, tabel, r, pemasang)
        for teks in lb.penutup:
            ws.cell(row=r, column=1, value=teks)
            r += 1
        if lb.tabel and lb.tabel[0].lebar_excel:
            for i, w in enumerate(lb.tabel[0].lebar_excel, start=1):
                ws.column_dimensions[get_column_letter(i)].width = w
        if lb.tabel and lb.tabel[0].kepala:
            awal = len(lb.kop) + (2 if lb.kop else 1) + (1 if lb.tabel[0].judul else 0)
            akhir = awal + len(lb.tabel[0].kepala) - 1 + (1 if lb.tabel[0].nomor_kolom else 0)
            ws.print_title_rows = f"{awal}:{akhir}"
            # The header stays in view while scrolling.
            ws.freeze_panes = f"A{akhir + 1}"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
