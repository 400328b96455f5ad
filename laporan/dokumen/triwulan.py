"""The quarterly report tables (§7.2): report data (laporan.selectors) → `Tabel` objects.

The performance up to the quarter and the finances supporting it. Each function here is the
ONE generator of a printed table: the HTML template, the PDF (WeasyPrint prints the same
HTML), the XLSX writer and the numbers snapshot all read the `Tabel` it returns. No
arithmetic happens here beyond choosing which computed value goes in which cell.
"""

from __future__ import annotations

from common.formatting import format_triwulan, romawi
from kinerja.selectors import LABEL_SUMBER_TARGET, Pengukuran

from ..tabel import BULAT, NILAI, PERSEN, Baris, Kepala, Sel, Tabel
from .lkjip_kinerja import catatan_tabel_pengukuran
from .sel import _t, baris_jumlah, baris_rata_rata, sel_anggaran, sel_kinerja

# --- The quarterly report (§7.2) ------------------------------------------------------------


CATATAN_TANPA_RENCANA_AKSI = (
    "Target rencana aksi triwulanan belum tercatat untuk indikator tabel ini; capaian hanya "
    "dihitung terhadap target tahunan."
)
CATATAN_KOLOM_RENCANA_AKSI = (
    "Capaian rencana aksi = realisasi s.d. {tw} / target rencana aksi kumulatif s.d. {tw} × 100 "
    "(kemajuan terhadap rencana); “—”: target rencana aksi indikator itu belum tercatat."
)
CATATAN_SUMBER_TARGET = "Sumber target tahunan: {daftar}."


def _judul_target(pengukuran: Pengukuran) -> tuple[str, str | None]:
    """The header of the annual target column: "Target Renja 2023" when every row measures
    against the same version, else "Target 2023" and a footnote naming each row's version."""
    tahun = pengukuran.tahun
    baris = [b for _s, b in pengukuran.baris() if b.target is not None]
    sumber = {b.sumber_target for b in baris}
    if len(sumber) == 1:
        (satu,) = sumber
        return " ".join(
            x for x in ("Target", LABEL_SUMBER_TARGET.get(satu, ""), str(tahun)) if x
        ), None
    daftar = "; ".join(
        f"{b.indikator.kode} {LABEL_SUMBER_TARGET.get(b.sumber_target, '')}" for b in baris
    )
    return f"Target {tahun}", (CATATAN_SUMBER_TARGET.format(daftar=daftar) if baris else None)


def tabel_kinerja_triwulan(pengukuran: Pengukuran, kunci: str = "kinerja-triwulan") -> Tabel:
    """No | Sasaran | IKU | Target | Realisasi s.d. TW n | Capaian | Kategori, and, when the
    quarterly rencana-aksi targets exist, Target rencana aksi s.d. TW n | Capaian rencana aksi
    (DOMAIN.md §5.3, §7.2). The engine's notes and the excluded indicators are footnotes."""
    tw, tahun = pengukuran.triwulan, pengukuran.tahun
    ada_rencana_aksi = any(b.target_triwulan is not None for _s, b in pengukuran.baris())
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
            if ada_rencana_aksi:
                sel += [
                    Sel(b.target_triwulan, NILAI, kunci="target_rencana_aksi"),
                    Sel(
                        b.capaian_triwulan.nilai if b.capaian_triwulan else None,
                        PERSEN,
                        kunci="capaian_rencana_aksi",
                    ),
                ]
            baris.append(
                Baris(tuple(sel), kunci=b.indikator.kode, label=f"Indikator {b.indikator.kode}")
            )
    rata = baris_rata_rata(
        "Rata-rata capaian",
        5,
        pengukuran.rata_rata,
        pengukuran.kategori,
        label="Rata-rata capaian",
    )
    if ada_rencana_aksi:
        rata = Baris(
            (*rata.sel, _t(""), _t("")), jenis=rata.jenis, kunci=rata.kunci, label=rata.label
        )
    baris.append(rata)
    judul_target, catatan_sumber = _judul_target(pengukuran)
    kepala = [
        Kepala("No", lebar="5%"),
        Kepala("Sasaran strategis"),
        Kepala("Indikator kinerja utama"),
        Kepala(judul_target),
        Kepala(f"Realisasi s.d. {format_triwulan(tw)} {tahun}"),
        Kepala("Capaian"),
        Kepala("Kategori"),
    ]
    lebar_kolom = ["5%", "23%", "26%", "10%", "12%", "10%", "14%"]
    lebar_excel = [5, 40, 45, 12, 14, 12, 16]
    catatan = catatan_tabel_pengukuran(pengukuran, rencana_aksi=False)
    if catatan_sumber:
        catatan.insert(0, catatan_sumber)
    if ada_rencana_aksi:
        kepala += [
            Kepala(f"Target rencana aksi s.d. {format_triwulan(tw)}"),
            Kepala("Capaian rencana aksi"),
        ]
        lebar_kolom = ["4%", "17%", "21%", "9%", "10%", "9%", "10%", "10%", "10%"]
        lebar_excel += [14, 12]
        catatan.append(CATATAN_KOLOM_RENCANA_AKSI.format(tw=format_triwulan(tw)))
    else:
        catatan.append(CATATAN_TANPA_RENCANA_AKSI)
    return Tabel(
        kunci=kunci,
        judul=f"Capaian kinerja s.d. Triwulan {romawi(tw)} tahun {tahun}",
        kepala=(tuple(kepala),),
        baris=tuple(baris),
        nomor_kolom=tuple(str(i) for i in range(1, len(kepala) + 1)),
        lebar_kolom=tuple(lebar_kolom),
        lebar_excel=tuple(lebar_excel),
        catatan=tuple(catatan),
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
