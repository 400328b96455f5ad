"""The quarterly report tables (§7.2): report data (laporan.selectors) → `Tabel` objects.

The performance up to the quarter and the finances supporting it. Each function here is the
ONE generator of a printed table: the HTML template, the PDF (WeasyPrint prints the same
HTML), the XLSX writer and the numbers snapshot all read the `Tabel` it returns. No
arithmetic happens here beyond choosing which computed value goes in which cell.
"""

from __future__ import annotations

from common.formatting import format_triwulan, romawi
from kinerja.selectors import Pengukuran

from ..tabel import BULAT, Baris, Kepala, Sel, Tabel
from .sel import _t, baris_jumlah, baris_rata_rata, sel_anggaran, sel_kinerja

# --- The quarterly report (§7.2) ------------------------------------------------------------


def tabel_kinerja_triwulan(pengukuran: Pengukuran, kunci: str = "kinerja-triwulan") -> Tabel:
    tw, tahun = pengukuran.triwulan, pengukuran.tahun
    baris = []
    n = 0
    for s in pengukuran.sasaran:
        jumlah = max(1, len(s.indikator))
        for i, b in enumerate(s.indikator):
            sel = []
            if i == 0:
                n += 1
                sel += [_t(str(n), rowspan=jumlah, kelas="tengah"), _t(s.uraian, rowspan=jumlah)]
            satuan = f" ({b.indikator.satuan})" if b.indikator.satuan else ""
            sel += [
                _t(b.indikator.uraian + satuan),
                *sel_kinerja(b),
            ]
            baris.append(
                Baris(tuple(sel), kunci=b.indikator.kode, label=f"Indikator {b.indikator.kode}")
            )
    baris.append(
        baris_rata_rata(
            "Rata-rata capaian",
            5,
            pengukuran.rata_rata,
            pengukuran.kategori,
            label="Rata-rata capaian",
        )
    )
    return Tabel(
        kunci=kunci,
        judul=f"Capaian kinerja s.d. Triwulan {romawi(tw)} tahun {tahun}",
        kepala=(
            (
                Kepala("No", lebar="5%"),
                Kepala("Sasaran strategis"),
                Kepala("Indikator kinerja utama"),
                Kepala(f"Target Renja {tahun}"),
                Kepala(f"Realisasi s.d. {format_triwulan(tw)} {tahun}"),
                Kepala("Capaian"),
                Kepala("Kategori"),
            ),
        ),
        baris=tuple(baris),
        nomor_kolom=tuple(str(i) for i in range(1, 8)),
        lebar_kolom=("5%", "23%", "26%", "10%", "12%", "10%", "14%"),
        lebar_excel=(5, 40, 45, 12, 14, 12, 16),
    )


def _sel_keuangan(a) -> tuple[Sel, ...]:
    """Anggaran, target (the annual anggaran), realisasi and capaian of a program or the total."""
    pagu, realisasi, persen = sel_anggaran(a)
    return (pagu, Sel(a.pagu, BULAT, kunci="target"), realisasi, persen)


def tabel_keuangan_triwulan(anggaran, kunci: str = "keuangan-triwulan") -> Tabel:
    tw = anggaran.triwulan
    baris = []
    for i, p in enumerate(anggaran.program, start=1):
        baris.append(
            Baris(
                (_t(str(i), kelas="tengah"), _t(f"{p.kode} {p.nama}"), *_sel_keuangan(p)),
                jenis="program",
                kunci=p.kode,
                label=f"Program {p.kode}",
            )
        )
    baris.append(baris_jumlah(*_sel_keuangan(anggaran), kosong=1))
    return Tabel(
        kunci=kunci,
        judul=(
            f"Laporan keuangan penunjang kinerja s.d. Triwulan {romawi(tw)} tahun {anggaran.tahun}"
        ),
        kepala=(
            (
                Kepala("No", rowspan=2, lebar="5%"),
                Kepala("Program", rowspan=2, lebar="38%"),
                Kepala("Anggaran (Rp)", rowspan=2),
                Kepala(f"Realisasi keuangan s.d. {format_triwulan(tw)}", colspan=3),
            ),
            (Kepala("Target (Rp)"), Kepala("Realisasi (Rp)"), Kepala("Capaian (%)")),
        ),
        baris=tuple(baris),
        nomor_kolom=tuple(str(i) for i in range(1, 7)),
        catatan=("Target = anggaran tahunan; capaian = realisasi / anggaran × 100.",),
        lebar_excel=(5, 60, 18, 18, 18, 12),
    )
