"""The checker's result as JSON-ready data, as text lines and as XLSX rows (one source for the
command, the API-like JSON and the Inspektorat's workbook)."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from .selectors import HasilPeriksa

JUDUL_LAPORAN = "Periksa laporan {pd} tahun {tahun}"
RINGKASAN = (
    "{tercetak} nilai tercetak, {diperiksa} dapat dihitung ulang, {sesuai} sesuai, "
    "{temuan} berbeda."
)
TIDAK_ADA_TEMUAN = "Tidak ada perbedaan: setiap angka yang dapat dihitung ulang sesuai."
KOLOM = (
    "Bagian",
    "Objek",
    "Nilai",
    "Tahun",
    "Tercetak",
    "Angka tercetak",
    "Seharusnya",
    "Angka seharusnya",
    "Perhitungan",
    "Kemungkinan penyebab",
)


def _teks_desimal(nilai: Decimal | None) -> str | None:
    return None if nilai is None else format(nilai.normalize(), "f")


def sebagai_dict(hasil: HasilPeriksa, *, slug: str) -> dict:
    """The result as JSON-ready data; numbers as plain-notation strings (never floats)."""
    return {
        "perangkat_daerah": slug,
        "tahun": hasil.tahun,
        "jumlah_tercetak": hasil.jumlah_tercetak,
        "jumlah_diperiksa": hasil.jumlah_diperiksa,
        "jumlah_sesuai": hasil.jumlah_sesuai,
        "jumlah_temuan": hasil.jumlah_temuan,
        "bagian": [
            {
                "judul": b.judul,
                "temuan": [
                    {
                        "jenis": t.jenis,
                        "objek": {"model": t.objek.model, "id": t.objek.pk, "label": t.objek.label},
                        "nilai": t.medan,
                        "tahun": t.tahun,
                        "tercetak": t.tercetak,
                        "nilai_tercetak": _teks_desimal(t.nilai_tercetak),
                        "seharusnya": t.benar,
                        "nilai_seharusnya": _teks_desimal(t.nilai_benar),
                        "perhitungan": t.hitungan,
                        "sebab": list(t.sebab),
                        "kunci": t.kunci,
                    }
                    for t in b.temuan
                ],
            }
            for b in hasil.bagian
        ],
    }


def ringkasan(hasil: HasilPeriksa) -> str:
    return RINGKASAN.format(
        tercetak=hasil.jumlah_tercetak,
        diperiksa=hasil.jumlah_diperiksa,
        sesuai=hasil.jumlah_sesuai,
        temuan=hasil.jumlah_temuan,
    )


def sebagai_teks(hasil: HasilPeriksa, *, nama_pd: str) -> str:
    baris = [JUDUL_LAPORAN.format(pd=nama_pd, tahun=hasil.tahun), ringkasan(hasil)]
    if not hasil.jumlah_temuan:
        baris.append(TIDAK_ADA_TEMUAN)
    for b in hasil.bagian:
        baris.append("")
        baris.append(f"== {b.judul} ({len(b.temuan)})")
        for t in b.temuan:
            baris.append(f"- {t.objek.label} — {t.medan}")
            baris.append(f"    tercetak: {t.tercetak or '(kosong)'}; seharusnya: {t.benar or '-'}")
            if t.hitungan:
                baris.append(f"    perhitungan: {t.hitungan}")
            for s in t.sebab:
                baris.append(f"    kemungkinan penyebab: {s}")
    return "\n".join(baris) + "\n"


def baris_tabel(hasil: HasilPeriksa):
    """One row per difference, in report order (the columns of `KOLOM`)."""
    for b in hasil.bagian:
        for t in b.temuan:
            yield (
                b.judul,
                t.objek.label,
                t.medan,
                t.tahun,
                t.tercetak,
                t.nilai_tercetak,
                t.benar,
                t.nilai_benar,
                t.hitungan,
                "; ".join(t.sebab),
            )


def sebagai_xlsx(hasil: HasilPeriksa, *, nama_pd: str) -> bytes:
    """The workbook for the Inspektorat: numbers as numbers (Decimal), one row a difference."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Periksa laporan"
    ws.append([JUDUL_LAPORAN.format(pd=nama_pd, tahun=hasil.tahun)])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append([ringkasan(hasil)])
    ws.append([])
    ws.append(list(KOLOM))
    for sel in ws[4]:
        sel.font = Font(bold=True)
        sel.fill = PatternFill("solid", fgColor="E8EEF4")
        sel.alignment = Alignment(wrap_text=True, vertical="top")
    for baris in baris_tabel(hasil):
        ws.append(list(baris))
        for i in (6, 8):
            ws.cell(row=ws.max_row, column=i).number_format = "#,##0.####"
    lebar = (28, 40, 30, 8, 28, 16, 20, 16, 50, 50)
    for i, w in enumerate(lebar, start=1):
        ws.column_dimensions[chr(64 + i)].width = w
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
