"""The LHE (Laporan Hasil Evaluasi AKIP) and the worksheet XLSX, both rendered from the
worksheet selector and the stored calculation trail, so every number traces back.

`dokumen_lhe(pd=…, tahun=…, format="pdf"|"html")` is what `manage.py cetak lhe` calls; the web
view renders the same template with the same context.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from django.http import Http404
from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from common.formatting import format_angka
from common.pdf import html_ke_pdf
from renstra.models import PerangkatDaerah

from . import selectors
from .models import Evaluasi, Tahap

PESAN_EVALUASI_TIDAK_ADA = "Evaluasi SAKIP {pd} tahun {tahun} belum dibuka."
PESAN_FORMAT_LHE = "LHE dicetak sebagai pdf atau html."

PenyediaStatusLkjip = Callable[[list[int], int], dict[int, str]]
_STATUS_LKJIP: list[PenyediaStatusLkjip] = []


def daftarkan_status_lkjip(penyedia: PenyediaStatusLkjip) -> None:
    """The documents layer tells the overview each PD's LKjIP status (draft / disetujui /
    direviu / dipublikasikan); registered at app ready, so lke never imports it."""
    if penyedia not in _STATUS_LKJIP:
        _STATUS_LKJIP.append(penyedia)


def status_lkjip(pd_ids: list[int], tahun: int) -> dict[int, str]:
    hasil: dict[int, str] = {}
    for penyedia in _STATUS_LKJIP:
        hasil.update(penyedia(pd_ids, tahun))
    return hasil


def konteks_lhe(evaluasi: Evaluasi) -> dict:
    lembar = selectors.lembar_kerja(evaluasi=evaluasi, dengan_saran=False)
    temuan = list(evaluasi.temuan.select_related("kriteria"))
    per_komponen = {}
    for t in temuan:
        per_komponen.setdefault(t.komponen_kode, []).append(t)
    return {
        "evaluasi": evaluasi,
        "pd": evaluasi.perangkat_daerah,
        "lembar": lembar,
        "temuan_per_komponen": per_komponen,
        "rekomendasi": list(evaluasi.rekomendasi.select_related("kriteria", "temuan")),
        "tindak_lanjut_lalu": selectors.tindak_lanjut_tahun_lalu(lembar.lalu),
        "tahap_final": Tahap.FINAL,
    }


def html_lhe(evaluasi: Evaluasi, *, request=None, mode_cetak: bool = True) -> str:
    konteks = konteks_lhe(evaluasi)
    konteks["mode_cetak"] = mode_cetak
    return render_to_string("lke/lhe.html", konteks, request=request)


def evaluasi_untuk(pd: PerangkatDaerah, tahun: int) -> Evaluasi:
    evaluasi = (
        Evaluasi.objects.select_related("perangkat_daerah__pemda", "template")
        .filter(perangkat_daerah=pd, tahun=tahun)
        .first()
    )
    if evaluasi is None:
        raise LookupError(PESAN_EVALUASI_TIDAK_ADA.format(pd=pd.nama, tahun=tahun))
    return evaluasi


def dokumen_lhe(*, pd: PerangkatDaerah, tahun: int, format: str = "pdf") -> bytes:
    if format not in ("pdf", "html"):
        raise ValueError(PESAN_FORMAT_LHE)
    html = html_lhe(evaluasi_untuk(pd, tahun))
    return html.encode("utf-8") if format == "html" else html_ke_pdf(html)


def evaluasi_atau_404(pd: PerangkatDaerah, tahun: int) -> Evaluasi:
    try:
        return evaluasi_untuk(pd, tahun)
    except LookupError as galat:
        raise Http404 from galat


# --- XLSX -----------------------------------------------------------------------------------

KOLOM_LEMBAR = (
    "Kode",
    "Identitas",
    "Kriteria",
    "Mandiri",
    "Anggota tim",
    "Ketua tim",
    "Final",
    "Nilai resmi",
    "Selisih resmi − mandiri",
    "Tahun lalu",
    "Bukti",
)


def _teks(j) -> str:
    return f"{j.opsi} ({format_angka(j.nilai)})" if j is not None else ""


def baris_lembar(lembar: selectors.LembarKerja):
    """One row generator for the worksheet export: criteria with their sub-component and
    component subtotals (formula, n, mean, weight, result) from the trail."""
    for blok in lembar.blok:
        yield (
            blok.komponen.kode,
            "",
            f"{blok.komponen.nama} (bobot {format_angka(blok.komponen.bobot)})",
            *([""] * 4),
            format_angka(blok.hasil.get("nilai") or 0, tempat=4),
            "",
            "",
            "",
        )
        for sb in blok.sub:
            h = sb.hasil
            yield (
                f"{blok.komponen.kode}.{sb.sub.kode}",
                "",
                f"{sb.sub.nama}: {h.get('rumus', '')}; n = {h.get('n', 0)}; rata-rata = "
                f"{format_angka(h.get('rata_rata') or 0, tempat=4)}; bobot = "
                f"{format_angka(sb.sub.bobot, tempat=3)}",
                *([""] * 4),
                format_angka(h.get("nilai") or 0, tempat=4),
                "",
                "",
                "",
            )
            for b in sb.baris:
                yield (
                    b.kriteria.kode,
                    b.kriteria.identitas,
                    b.kriteria.uraian,
                    _teks(b.mandiri),
                    _teks(b.anggota),
                    _teks(b.ketua),
                    _teks(b.final),
                    format_angka(b.resmi.nilai) if b.resmi else "belum dinilai",
                    format_angka(b.selisih) if b.selisih is not None else "",
                    b.lalu.opsi if b.lalu and b.lalu.opsi else "",
                    "; ".join(
                        f"{x.label}" + (f" [{x.sidik_versi}]" if x.sidik_versi else "")
                        for x in b.bukti
                    ),
                )
    yield (
        "",
        "",
        "NILAI AKHIR (dibulatkan) / PREDIKAT",
        "",
        "",
        "",
        "",
        f"{format_angka(lembar.jejak['total_dibulatkan'])} / {lembar.jejak['predikat']}",
        "",
        "",
        "",
    )
    yield (
        "",
        "",
        "Nilai penilaian mandiri (tidak masuk nilai resmi)",
        format_angka(lembar.jejak_mandiri["total_dibulatkan"]),
        *([""] * 7),
    )


def xlsx_lembar(lembar: selectors.LembarKerja) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "LKE"
    e = lembar.evaluasi
    ws.append([f"Lembar Kerja Evaluasi SAKIP {e.tahun} — {e.perangkat_daerah.nama}"])
    ws["A1"].font = Font(bold=True)
    ws.append([])
    ws.append(list(KOLOM_LEMBAR))
    for sel in ws[3]:
        sel.font = Font(bold=True)
    for baris in baris_lembar(lembar):
        ws.append(list(baris))
    ws.column_dimensions["C"].width = 80
    for row in ws.iter_rows(min_row=4):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


KOLOM_IKHTISAR = (
    "Perangkat daerah",
    "Nilai",
    "Predikat",
    "Perencanaan",
    "Pengukuran",
    "Pelaporan",
    "Evaluasi internal",
    "Status LKjIP",
    "Rata-rata capaian (%)",
    "Rekomendasi selesai / jumlah",
    "Tuntas (%)",
)


def baris_ikhtisar(baris: list[selectors.BarisIkhtisar]):
    for b in baris:
        yield (
            b.pd.nama,
            format_angka(b.nilai) if b.nilai is not None else "",
            b.predikat,
            *(format_angka(b.komponen[k]) if k in b.komponen else "" for k in ("A", "B", "C", "D")),
            b.status_lkjip,
            format_angka(b.rata_capaian) if b.rata_capaian is not None else "",
            f"{b.rekomendasi_selesai} / {b.rekomendasi}",
            format_angka(b.persen_tuntas) if b.persen_tuntas is not None else "",
        )


def xlsx_ikhtisar(baris: list[selectors.BarisIkhtisar], tahun: int) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = f"Ikhtisar {tahun}"
    ws.append([f"Ikhtisar evaluasi SAKIP tahun {tahun}"])
    ws.append([])
    ws.append(list(KOLOM_IKHTISAR))
    for r in baris_ikhtisar(baris):
        ws.append(list(r))
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()
