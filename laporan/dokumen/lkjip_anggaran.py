"""The LKjIP budget tables (Bab II–III): report data (laporan.selectors) → `Tabel` objects.

The programs, kegiatan and their anggaran (Bab II); the efficiency rows and the programs
supporting one sasaran (Bab III); the budget realisation per program and kegiatan, per
quarter and per jenis belanja (Bab III-B).

Each function here is the ONE generator of a printed table: the HTML template, the PDF
(WeasyPrint prints the same HTML), the XLSX writer and the numbers snapshot all read the
`Tabel` it returns. No arithmetic happens here beyond choosing which computed value goes in
which cell.
"""

from __future__ import annotations

from common.formatting import format_rupiah, format_triwulan
from common.hitung import kurang

from ..selectors import AnalisisSasaran, DataLKjIP
from ..tabel import ANGKA, BULAT, NILAI, PERSEN, Baris, Kepala, Sel, Tabel
from .sel import LABEL_TINGKAT, _t, baris_jumlah, nama_berkode, sel_anggaran

# --- Bab II ---------------------------------------------------------------------------------


def tabel_program_anggaran(data: DataLKjIP, kunci: str = "program-anggaran") -> Tabel:
    baris = []
    for i, p in enumerate(data.anggaran.program):
        huruf = chr(ord("A") + i) if i < 26 else str(i + 1)
        baris.append(
            Baris(
                (
                    _t(huruf, kelas="tengah"),
                    _t(nama_berkode(p.kode, p.nama)),
                    Sel(p.pagu, BULAT, kunci="pagu"),
                ),
                jenis="program",
                kunci=p.kode,
                label=f"Program {p.kode}",
            )
        )
        for j, k in enumerate(p.anak, start=1):
            baris.append(
                Baris(
                    (
                        _t(str(j), kelas="tengah"),
                        _t(nama_berkode(k.kode, k.nama), kelas="nama"),
                        Sel(k.pagu, BULAT, kunci="pagu"),
                    ),
                    jenis="kegiatan",
                    kunci=k.kode,
                    label=f"Kegiatan {k.kode}",
                )
            )
    baris.append(
        baris_jumlah(
            Sel(data.anggaran.pagu, BULAT, kunci="pagu"), kosong=1, label="Jumlah anggaran"
        )
    )
    return Tabel(
        kunci=kunci,
        judul=f"Program, kegiatan dan anggaran tahun {data.tahun}",
        kepala=(
            (
                Kepala("No", lebar="6%"),
                Kepala("Program / kegiatan"),
                Kepala("Anggaran (Rp)", lebar="22%"),
            ),
        ),
        baris=tuple(baris),
        lebar_excel=(6, 80, 20),
    )


# --- Bab III: efficiency and the programs supporting one sasaran ----------------------------


def tabel_efisiensi_baris(rows, kunci: str, judul: str, *, ringkas: bool = False) -> Tabel:
    """Efficiency rows (seed 001 Tabel 3.15): % kinerja − % serapan, label, rupiah saved.

    `ringkas` (inside the analysis of a sasaran, portrait) leaves out pagu and realisasi,
    which the program table beside it prints.
    """
    baris = []
    for e in rows:
        jenis = e.tingkat
        sel = [
            _t(nama_berkode(e.kode, e.nama), kelas="nama"),
            Sel(e.capaian_kinerja, PERSEN, kunci="kinerja"),
        ]
        if not ringkas:
            sel += [Sel(e.pagu, BULAT, kunci="pagu"), Sel(e.realisasi, BULAT, kunci="realisasi")]
        sel += [
            Sel(e.serapan, PERSEN, kunci="serapan"),
            Sel(e.selisih, ANGKA, kunci="selisih"),
            Sel(e.hemat, BULAT, kunci="hemat"),
            _t(e.label),
        ]
        baris.append(
            Baris(
                tuple(sel),
                jenis=jenis,
                kunci=e.kode,
                label=f"{LABEL_TINGKAT.get(jenis, '')} {e.kode}",
            )
        )
    kepala = [Kepala("Program / kegiatan / sub-kegiatan"), Kepala("% kinerja")]
    if not ringkas:
        kepala += [Kepala("Pagu (Rp)"), Kepala("Realisasi (Rp)")]
    kepala += [
        Kepala("% serapan"),
        Kepala("Selisih (poin)"),
        Kepala("Sisa anggaran (Rp)"),
        Kepala("Keterangan"),
    ]
    return Tabel(
        kunci=kunci,
        judul=judul,
        kepala=(tuple(kepala),),
        baris=tuple(baris),
        catatan=(
            "Selisih = % kinerja − % serapan anggaran (poin persentase); "
            "\u201cefisien\u201d bila kinerja ≥ 100% dan serapan < 100%. "
            "Sisa anggaran = pagu − realisasi.",
        ),
        lanskap=not ringkas,
        kelas="tabel-padat" if ringkas else "",
        lebar_kolom=("40%", "10%", "10%", "10%", "17%", "13%")
        if ringkas
        else ("32%", "8%", "13%", "13%", "8%", "8%", "11%", "7%"),
        lebar_excel=(60, 12, 12, 12, 18, 12) if ringkas else (60, 12, 18, 18, 12, 12, 18, 12),
    )


def tabel_program_pendukung(a: AnalisisSasaran) -> Tabel:
    baris = []
    for p in a.program:
        ind = p.indikator
        jumlah = max(1, len(ind))
        for i in range(jumlah):
            b = ind[i] if ind else None
            sel = []
            if i == 0:
                sel.append(_t(nama_berkode(p.kode, p.nama), rowspan=jumlah))
            sel += [
                _t(b.indikator.uraian if b else ""),
                # Measured as Bab III measures (the PK target first), not the Renja form's
                # column 8: Paser prints a Renja 288 (= 4 × 72) for an index the PK sets at 72.
                Sel(b.target_ukur if b else None, NILAI, kunci="target"),
                Sel(b.realisasi if b else None, NILAI, kunci="realisasi"),
                Sel(
                    b.capaian_ukur.nilai if b and b.capaian_ukur else None,
                    PERSEN,
                    kunci="capaian",
                ),
            ]
            if i == 0:
                sel += [
                    Sel(p.pagu, BULAT, kunci="pagu", rowspan=jumlah),
                    Sel(p.realisasi, BULAT, kunci="realisasi_anggaran", rowspan=jumlah),
                    Sel(p.persen, PERSEN, kunci="serapan", rowspan=jumlah),
                ]
            kunci_baris = b.indikator.kode if b else p.kode
            baris.append(
                Baris(tuple(sel), jenis="program", kunci=kunci_baris, label=f"Program {p.kode}")
            )
        for k in p.kegiatan:
            baris.append(
                Baris(
                    (
                        _t(nama_berkode(k.kode, k.nama), kelas="nama"),
                        _t(k.indikator.uraian if k.indikator else ""),
                        Sel(k.target_ukur, NILAI, kunci="target"),
                        Sel(k.realisasi, NILAI, kunci="realisasi"),
                        Sel(
                            k.capaian_ukur.nilai if k.capaian_ukur else None,
                            PERSEN,
                            kunci="capaian",
                        ),
                        Sel(k.pagu, BULAT, kunci="pagu"),
                        Sel(k.realisasi_anggaran, BULAT, kunci="realisasi_anggaran"),
                        Sel(k.persen_anggaran, PERSEN, kunci="serapan"),
                    ),
                    jenis="kegiatan",
                    kunci=k.indikator.kode if k.indikator else k.kode,
                    label=f"Kegiatan {k.kode}",
                )
            )
    if a.program:
        baris.append(
            baris_jumlah(
                Sel(a.pagu, BULAT, kunci="pagu"),
                Sel(a.realisasi, BULAT, kunci="realisasi_anggaran"),
                Sel(a.persen, PERSEN, kunci="serapan"),
                colspan=5,
            )
        )
    return Tabel(
        kunci=f"sasaran-{a.sasaran.kode}-program",
        judul=f"Program dan kegiatan pendukung sasaran {a.nomor}",
        kepala=(
            (
                Kepala("Program / kegiatan", rowspan=2),
                Kepala("Kinerja", colspan=4),
                Kepala("Anggaran", colspan=3),
            ),
            (
                Kepala("Indikator"),
                Kepala("Target"),
                Kepala("Realisasi"),
                Kepala("Capaian"),
                Kepala("Pagu (Rp)"),
                Kepala("Realisasi (Rp)"),
                Kepala("%"),
            ),
        ),
        baris=tuple(baris),
        kelas="tabel-padat",
        lebar_kolom=("19%", "20%", "7%", "8%", "9%", "14%", "14%", "9%"),
        lebar_excel=(50, 40, 10, 10, 10, 18, 18, 10),
    )


# --- Bab III-B: budget ----------------------------------------------------------------------


def tabel_realisasi_anggaran(data: DataLKjIP, kunci: str = "realisasi-anggaran") -> Tabel:
    baris = []
    for p in data.anggaran.program:
        for b in (p, *p.anak):
            baris.append(
                Baris(
                    (
                        _t(nama_berkode(b.kode, b.nama), kelas="nama"),
                        *sel_anggaran(b),
                        Sel(b.sisa, BULAT, kunci="sisa"),
                    ),
                    jenis=b.tingkat,
                    kunci=b.kode,
                    label=f"{LABEL_TINGKAT[b.tingkat]} {b.kode}",
                )
            )
    a = data.anggaran
    baris.append(
        baris_jumlah(
            *sel_anggaran(a), Sel(a.sisa, BULAT, kunci="sisa"), label="Jumlah realisasi anggaran"
        )
    )
    return Tabel(
        kunci=kunci,
        judul=f"Realisasi anggaran per program dan kegiatan tahun {data.tahun}",
        kepala=(
            (
                Kepala("Program / kegiatan", lebar="44%"),
                Kepala("Pagu (Rp)"),
                Kepala("Realisasi (Rp)"),
                Kepala("%"),
                Kepala("Sisa (Rp)"),
            ),
        ),
        baris=tuple(baris),
        catatan=(
            "Persentase = realisasi / pagu × 100 pada setiap tingkat; jumlah dihitung dari "
            "sub-kegiatan.",
        ),
        lebar_excel=(70, 18, 18, 10, 18),
    )


def _sel_triwulan(a) -> tuple[Sel, ...]:
    """Pagu, realisasi per quarter, realisasi and persen of a program or the total."""
    pagu, realisasi, persen = sel_anggaran(a)
    tw = (Sel(v, BULAT, kunci=f"tw{i}") for i, v in enumerate(a.realisasi_triwulan, start=1))
    return (pagu, *tw, realisasi, persen)


def tabel_anggaran_triwulan(data: DataLKjIP, kunci: str = "anggaran-triwulan") -> Tabel:
    a = data.anggaran
    baris = []
    for p in a.program:
        baris.append(
            Baris(
                (_t(nama_berkode(p.kode, p.nama)), *_sel_triwulan(p)),
                jenis="program",
                kunci=p.kode,
                label=f"Program {p.kode}",
            )
        )
    baris.append(baris_jumlah(*_sel_triwulan(a)))
    return Tabel(
        kunci=kunci,
        judul=f"Realisasi anggaran per program dan triwulan tahun {data.tahun}",
        kepala=(
            (
                Kepala("Program", rowspan=2, lebar="30%"),
                Kepala("Pagu (Rp)", rowspan=2),
                Kepala("Realisasi per triwulan (Rp)", colspan=4),
                Kepala("Realisasi (Rp)", rowspan=2),
                Kepala("%", rowspan=2),
            ),
            tuple(Kepala(format_triwulan(n)) for n in (1, 2, 3, 4)),
        ),
        baris=tuple(baris),
        lanskap=True,
        lebar_excel=(60, 18, 16, 16, 16, 16, 18, 10),
    )


CATATAN_BELANJA_BERBEDA = (
    "Jumlah per jenis belanja (anggaran {pagu_belanja}, realisasi {real_belanja}) tidak sama "
    "dengan jumlah program/kegiatan/sub-kegiatan yang tercatat (anggaran {pagu_program}, "
    "realisasi {real_program}); selisih anggaran {selisih_pagu}, realisasi {selisih_real}. "
    "Keduanya dicetak sebagaimana tercatat; lihat hasil validasi data."
)


def tabel_belanja(data: DataLKjIP, kunci: str = "jenis-belanja") -> Tabel | None:
    """The jenis-belanja table as the agency states it, with a note naming the difference
    from the program tree when the totals disagree (never hidden); None without rows."""
    b = data.belanja
    if not b.kelompok:
        return None
    catatan = []
    if not data.belanja_sesuai:
        a = data.anggaran
        catatan.append(
            CATATAN_BELANJA_BERBEDA.format(
                pagu_belanja=format_rupiah(b.pagu),
                real_belanja=format_rupiah(b.realisasi),
                pagu_program=format_rupiah(a.pagu),
                real_program=format_rupiah(a.realisasi),
                selisih_pagu=format_rupiah(kurang(b.pagu, a.pagu)),
                selisih_real=format_rupiah(kurang(b.realisasi, a.realisasi)),
            )
        )
    baris = [
        Baris(
            (_t("BELANJA"), *sel_anggaran(b)),
            jenis="jumlah",
            kunci="belanja",
            label="Belanja",
        )
    ]
    for k in b.kelompok:
        baris.append(
            Baris(
                (_t(k.kelompok.upper()), *sel_anggaran(k)),
                jenis="program",
                kunci=k.kelompok,
                label=k.kelompok,
            )
        )
        for j in k.baris:
            baris.append(
                Baris(
                    (_t(j.jenis, kelas="nama"), *sel_anggaran(j)),
                    jenis="kegiatan",
                    kunci=f"{k.kelompok}-{j.jenis}",
                    label=j.jenis,
                )
            )
    return Tabel(
        kunci=kunci,
        judul=f"Realisasi anggaran per jenis belanja tahun {data.tahun}",
        kepala=(
            (
                Kepala("Uraian", lebar="46%"),
                Kepala("Anggaran (Rp)"),
                Kepala("Realisasi (Rp)"),
                Kepala("%"),
            ),
        ),
        baris=tuple(baris),
        catatan=tuple(catatan),
        lebar_excel=(50, 18, 18, 10),
    )
