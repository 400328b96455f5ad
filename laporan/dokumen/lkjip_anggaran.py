"""The LKjIP budget tables (Bab II–III): report data (laporan.selectors) → `Tabel` objects.

The programs, kegiatan and their anggaran (Bab II); the efficiency rows and the programs
supporting one sasaran (Bab III); the budget realisation per program and kegiatan, per
quarter and per jenis belanja (Bab III-B). Where the agency's budget total is recorded as a
document states it (`DataLKjIP.anggaran_pd`), the program tables print it after their
computed JUMLAH row, with the difference and a note when the two disagree.

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

# --- The agency's stated total beside the computed sum (issue 14 point 8) -------------------

LABEL_ANGGARAN_PD = "Anggaran perangkat daerah (sebagaimana dinyatakan{sumber})"
LABEL_SELISIH_PD = "Selisih (dinyatakan − jumlah program)"
CATATAN_PAGU_PD_BERBEDA = (
    "Pagu perangkat daerah sebagaimana dinyatakan{sumber} ({pagu_pd}) tidak sama dengan jumlah "
    "program/kegiatan/sub-kegiatan yang tercatat ({pagu_program}); selisih {selisih_pagu}. "
    "Keduanya dicetak sebagaimana tercatat; lihat hasil validasi data."
)
CATATAN_ANGGARAN_PD_BERBEDA = (
    "Anggaran perangkat daerah sebagaimana dinyatakan{sumber} (pagu {pagu_pd}, realisasi "
    "{real_pd}) tidak sama dengan jumlah program/kegiatan/sub-kegiatan yang tercatat (pagu "
    "{pagu_program}, realisasi {real_program}); selisih pagu {selisih_pagu}, realisasi "
    "{selisih_real}. Keduanya dicetak sebagaimana tercatat; lihat hasil validasi data."
)
CATATAN_BELANJA_PD_BERBEDA = (
    "Jumlah per jenis belanja (anggaran {pagu_belanja}, realisasi {real_belanja}) juga tidak "
    "sama dengan anggaran perangkat daerah sebagaimana dinyatakan{sumber} (pagu {pagu_pd}, "
    "realisasi {real_pd}); selisih anggaran {selisih_pagu}, realisasi {selisih_real}."
)


def _sumber_pd(data: DataLKjIP) -> str:
    sumber = data.anggaran_pd.sumber if data.anggaran_pd else ""
    return f": {sumber}" if sumber else ""


def _baris_anggaran_pd(data: DataLKjIP, *, kosong: int, sel, sel_selisih, berbeda: bool):
    """The stated-total row and, when `berbeda`, the difference row, placed after the computed
    JUMLAH row: `kosong` empty cells, the label, then the amount cells."""
    awal = tuple(_t("") for _ in range(kosong))
    baris = [
        Baris(
            (*awal, _t(LABEL_ANGGARAN_PD.format(sumber=_sumber_pd(data))), *sel),
            jenis="jumlah",
            kunci="anggaran-pd",
            label="Anggaran perangkat daerah",
        )
    ]
    if berbeda:
        baris.append(
            Baris(
                (*awal, _t(LABEL_SELISIH_PD), *sel_selisih),
                jenis="jumlah",
                kunci="selisih-pd",
                label="Selisih anggaran perangkat daerah",
            )
        )
    return baris


# --- A parent's entered amount beside the children's sum it prints -------------------------

NAMA_ANAK = {"program": "kegiatan", "kegiatan": "sub-kegiatan"}
PENGANTAR_TERCATAT_BERBEDA = (
    "Angka yang tercatat pada tingkat program/kegiatan berikut berbeda dari jumlah di "
    "bawahnya; tabel mencetak jumlahnya. Mana yang benar belum diputuskan: kesalahan data ini "
    "harus dibetulkan atau dijelaskan sebelum laporan disetujui (lihat hasil validasi data)."
)
CATATAN_TERCATAT_BERBEDA = "{label} {kode}: tercatat {tercatat}; jumlah {anak} {jumlah}."


def catatan_tercatat(baris, *, dengan_realisasi: bool = True) -> list[str]:
    """One note per program or kegiatan whose own entered pagu (and realisasi) differs from
    the sum of its children that the table prints (anggaran.selectors: amounts are entered on
    the lowest level; neither figure is silently dropped). `baris`: BarisAnggaran rows."""
    medan = ("pagu", "realisasi") if dengan_realisasi else ("pagu",)
    hasil = []
    for b in baris:
        if not b.anak:
            continue
        beda = [
            m
            for m in medan
            if getattr(b, f"{m}_tercatat") is not None
            and getattr(b, f"{m}_anak") is not None
            and getattr(b, f"{m}_tercatat") != getattr(b, f"{m}_anak")
        ]
        if not beda:
            continue
        hasil.append(
            CATATAN_TERCATAT_BERBEDA.format(
                label=LABEL_TINGKAT[b.tingkat],
                kode=b.kode,
                tercatat=" dan ".join(
                    f"{m} {format_rupiah(getattr(b, f'{m}_tercatat'))}" for m in beda
                ),
                anak=NAMA_ANAK[b.tingkat],
                jumlah=", ".join(f"{m} {format_rupiah(getattr(b, f'{m}_anak'))}" for m in beda),
            )
        )
    return [PENGANTAR_TERCATAT_BERBEDA, *hasil] if hasil else []


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
    catatan = catatan_tercatat(data.anggaran.baris(), dengan_realisasi=False)
    total_pd = data.anggaran_pd
    if total_pd is not None:
        selisih = data.selisih_pagu_pd
        baris += _baris_anggaran_pd(
            data,
            kosong=1,
            sel=(Sel(total_pd.pagu, BULAT, kunci="pagu"),),
            sel_selisih=(Sel(selisih, BULAT, kunci="pagu"),),
            berbeda=bool(selisih),
        )
        if selisih:
            catatan.append(
                CATATAN_PAGU_PD_BERBEDA.format(
                    sumber=_sumber_pd(data),
                    pagu_pd=format_rupiah(total_pd.pagu),
                    pagu_program=format_rupiah(data.anggaran.pagu),
                    selisih_pagu=format_rupiah(selisih),
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
        catatan=tuple(catatan),
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
    catatan = [
        "Persentase = realisasi / pagu × 100 pada setiap tingkat; jumlah dihitung dari "
        "sub-kegiatan.",
        *catatan_tercatat(a.baris()),
    ]
    total_pd = data.anggaran_pd
    if total_pd is not None:
        baris += _baris_anggaran_pd(
            data,
            kosong=0,
            sel=(*sel_anggaran(total_pd), Sel(total_pd.sisa, BULAT, kunci="sisa")),
            sel_selisih=(
                Sel(data.selisih_pagu_pd, BULAT, kunci="pagu"),
                Sel(data.selisih_realisasi_pd, BULAT, kunci="realisasi"),
                _t(""),
                _t(""),
            ),
            berbeda=data.anggaran_pd_berbeda,
        )
        if data.anggaran_pd_berbeda:
            catatan.append(
                CATATAN_ANGGARAN_PD_BERBEDA.format(
                    sumber=_sumber_pd(data),
                    pagu_pd=format_rupiah(total_pd.pagu),
                    real_pd=format_rupiah(total_pd.realisasi),
                    pagu_program=format_rupiah(a.pagu),
                    real_program=format_rupiah(a.realisasi),
                    selisih_pagu=format_rupiah(data.selisih_pagu_pd),
                    selisih_real=format_rupiah(data.selisih_realisasi_pd),
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
        catatan=tuple(catatan),
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
    total_pd = data.anggaran_pd
    if total_pd is not None and (
        (total_pd.pagu is not None and b.pagu != total_pd.pagu)
        or (total_pd.realisasi is not None and b.realisasi != total_pd.realisasi)
    ):
        catatan.append(
            CATATAN_BELANJA_PD_BERBEDA.format(
                pagu_belanja=format_rupiah(b.pagu),
                real_belanja=format_rupiah(b.realisasi),
                sumber=_sumber_pd(data),
                pagu_pd=format_rupiah(total_pd.pagu),
                real_pd=format_rupiah(total_pd.realisasi),
                selisih_pagu=format_rupiah(kurang(b.pagu, total_pd.pagu)),
                selisih_real=format_rupiah(kurang(b.realisasi, total_pd.realisasi)),
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
