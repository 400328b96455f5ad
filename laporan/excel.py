"""XLSX export of report tables (openpyxl), from the same `Tabel` rows as the HTML and PDF.

Numbers are written as numbers (Decimal values, with an Indonesian-looking number format);
texts as texts; merged header and body cells follow the colspans and rowspans of the table.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .tabel import ANGKA, BULAT, NILAI, PERSEN, RUPIAH, Tabel

FORMAT_EXCEL = {
    RUPIAH: "#,##0",
    BULAT: "#,##0",
    ANGKA: "#,##0.##",
    NILAI: "#,##0.##",
    PERSEN: '#,##0.00"%"',
}

_TIPIS = Side(style="thin", color="333333")
_BINGKAI = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)
_ISI_KEPALA = PatternFill("solid", fgColor="E8EEF4")
_ISI_JUMLAH = PatternFill("solid", fgColor="F3F6F9")


@dataclass(frozen=True)
class Lembar:
    """One worksheet: title lines above, tables, signature lines below."""

    nama: str
    tabel: Sequence[Tabel]
    kop: Sequence[str] = ()
    penutup: Sequence[str] = ()
    lanskap: bool = True


def _nama_lembar(nama: str) -> str:
    for c in "[]:*?/\\":
        nama = nama.replace(c, " ")
    return nama[:31] or "Lembar"


def _tulis_tabel(ws, tabel: Tabel, baris_awal: int) -> int:
    """Write one table from row `baris_awal`; returns the next free row."""
    r = baris_awal
    if tabel.judul:
        ws.cell(row=r, column=1, value=tabel.judul).font = Font(bold=True)
        r += 1
    terisi: set[tuple[int, int]] = set()

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
            sel = ws.cell(row=r, column=c, value=k.teks)
            sel.font = Font(bold=True)
            sel.fill = _ISI_KEPALA
            sel.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            for dc in range(k.colspan):
                for dr in range(k.rowspan):
                    ws.cell(row=r + dr, column=c + dc).border = _BINGKAI
            c += k.colspan
        r += 1
    if tabel.nomor_kolom:
        c = 1
        for k in tabel.nomor_kolom_sel:
            c = tempatkan(r, c, k.colspan, 1)
            sel = ws.cell(row=r, column=c, value=k.teks)
            sel.alignment = Alignment(horizontal="center")
            sel.font = Font(size=8)
            for dc in range(k.colspan):
                ws.cell(row=r, column=c + dc).border = _BINGKAI
            c += k.colspan
        r += 1
    lebar = tabel.jumlah_kolom
    for b in tabel.baris:
        c = 1
        for s in b.sel:
            c = tempatkan(r, c, s.colspan, s.rowspan)
            if s.numerik and isinstance(s.nilai, Decimal):
                sel = ws.cell(row=r, column=c, value=s.nilai)
                sel.number_format = FORMAT_EXCEL.get(s.jenis, "General")
                sel.alignment = Alignment(horizontal="right", vertical="top")
            else:
                teks = s.teks
                sel = ws.cell(row=r, column=c, value=teks if teks != "" else None)
                sel.alignment = Alignment(
                    horizontal="center" if s.jenis == "centang" else "left",
                    vertical="top",
                    wrap_text=True,
                )
            if s.warna:
                sel.fill = PatternFill("solid", fgColor=s.warna.lstrip("#").upper())
            for dc in range(s.colspan):
                for dr in range(s.rowspan):
                    ws.cell(row=r + dr, column=c + dc).border = _BINGKAI
            c += s.colspan
        if b.jenis in ("jumlah", "footer", "sasaran", "program"):
            for kol in range(1, lebar + 1):
                sel = ws.cell(row=r, column=kol)
                sel.font = Font(bold=True)
                if b.jenis in ("jumlah", "footer"):
                    sel.fill = _ISI_JUMLAH
        r += 1
    for catatan in tabel.catatan:
        ws.cell(row=r, column=1, value=catatan).font = Font(italic=True, size=8)
        r += 1
    return r + 1


def buat_xlsx(lembar: Sequence[Lembar]) -> bytes:
    """The workbook of the given sheets, as bytes."""
    wb = Workbook()
    wb.remove(wb.active)
    for lb in lembar:
        ws = wb.create_sheet(_nama_lembar(lb.nama))
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
            r = _tulis_tabel(ws, tabel, r)
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
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
