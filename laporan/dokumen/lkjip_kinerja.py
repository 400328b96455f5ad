"""The LKjIP performance tables (Bab I–III): report data (laporan.selectors) → `Tabel` objects.

The category scale, the PD's own sumber-daya tables (Bab I), the Renstra matrix, the
sasaran–program relation, the IKU and the PK (Bab II), the pengukuran and the per-sasaran
averages, and the analyses of one sasaran: target and realisation, the years before, the end
of the Renstra and the national/provincial benchmark (Bab III).

Each function here is the ONE generator of a printed table: the HTML template, the PDF
(WeasyPrint prints the same HTML), the XLSX writer and the numbers snapshot all read the
`Tabel` it returns. No arithmetic happens here beyond choosing which computed value goes in
which cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from common.formatting import format_persen, format_triwulan
from kinerja.selectors import Pengukuran, Skala, catatan_capaian
from renstra.models import TabelSumberDaya

from ..selectors import AnalisisSasaran, DataLKjIP, MatriksRenstra, PKPerangkatDaerah
from ..tabel import ANGKA, BULAT, NILAI, PERSEN, TEKS, Baris, Kepala, Sel, Tabel, format_nilai
from .sel import (
    CATATAN_DIKECUALIKAN,
    CATATAN_MESIN,
    TEKS_JUMLAH,
    TEKS_RATA_RATA,
    _batas,
    _kat,
    _sumber,
    _t,
    baris_rata_rata,
    nama_berkode,
    sel_kinerja,
    teks_data,
)

# --- Scale ----------------------------------------------------------------------------------


def tabel_skala(skala: Skala, kunci: str = "skala") -> Tabel:
    """The category scale used, printed under every pengukuran table."""
    baris = []
    for p in skala.baris:
        if p.batas_bawah is None:
            rentang = f"< {_batas(p.batas_atas)}" if p.batas_atas is not None else "—"
        elif p.batas_atas is None:
            rentang = f"≥ {_batas(p.batas_bawah)}"
        else:
            rentang = f"{_batas(p.batas_bawah)} ≤ c < {_batas(p.batas_atas)}"
        baris.append(
            Baris(
                (
                    _t(p.urutan, kelas="tengah"),
                    _t(rentang),
                    Sel(p.label, TEKS, warna=p.warna_hex),
                    _t(p.warna_nama),
                )
            )
        )
    return Tabel(
        kunci=kunci,
        judul=f"Skala kategori capaian ({skala.dasar_hukum or skala.nama})",
        kepala=(
            (
                Kepala("Urutan"),
                Kepala("Rentang capaian (%)"),
                Kepala("Kategori"),
                Kepala("Kode warna"),
            ),
        ),
        baris=tuple(baris),
        kelas="tabel-skala",
        lebar_excel=(8, 22, 18, 14),
    )


# --- Bab I: sumber daya --------------------------------------------------------------------

# The source document's own number in front of a title ("Tabel 1.1", "Table 2."): the report
# numbers its tables itself.
_NOMOR_JUDUL_SUMBER = re.compile(
    r"^\s*(?:tabel|table)\s+[0-9IVXLC]+(?:\.[0-9]+)*\.?\s*[:.\-–—]?\s*", re.IGNORECASE
)


def judul_tabel_sumber_daya(judul: str) -> str:
    """The caption of a PD table: its title without the source document's table number."""
    tanpa_nomor = _NOMOR_JUDUL_SUMBER.sub("", judul, count=1).strip()
    return tanpa_nomor or judul.strip()


def _baris_jumlah(sel: Sequence[str]) -> bool:
    """A total row ("JUMLAH", "J U M L A H", "Total") prints like the other total rows."""
    return any("".join(s.split()).upper() in (TEKS_JUMLAH, "TOTAL") for s in sel)


def tabel_sumber_daya(tabel: TabelSumberDaya, kunci: str) -> Tabel:
    """A staffing or facilities table entered by the PD (renstra.TabelSumberDaya), printed as
    entered: every cell is text."""
    kolom = [str(k) for k in tabel.kolom]
    baris = []
    for sel in tabel.baris:
        teks = ["" if s is None else str(s) for s in sel]
        baris.append(
            # The first column numbers the rows ("1.1"); the others may hold plain decimals.
            Baris(
                tuple(_t(s if i == 0 else teks_data(s)) for i, s in enumerate(teks)),
                jenis="jumlah" if _baris_jumlah(teks) else "",
            )
        )
    lebar = [len(k) for k in kolom]
    for sel in tabel.baris:
        for i, s in enumerate(sel[: len(lebar)]):
            lebar[i] = max(lebar[i], len(str(s or "")))
    return Tabel(
        kunci=kunci,
        judul=judul_tabel_sumber_daya(tabel.judul),
        kepala=(tuple(Kepala(k) for k in kolom),),
        baris=tuple(baris),
        kelas="tabel-sumber-daya",
        lebar_excel=tuple(min(max(n + 2, 6), 60) for n in lebar),
        lanskap=len(kolom) > 10,
    )


# --- Bab II ---------------------------------------------------------------------------------


def _baris_renstra(awal: tuple[str, ...], ind, tahun: Sequence[int], label: str) -> Baris:
    """A Renstra row: tujuan, its indicator, sasaran and its indicator (`awal`), then the
    indicator's satuan, kondisi awal, target per year and kondisi akhir."""
    return Baris(
        (
            *(_t(x) for x in awal),
            _t(ind.satuan),
            _t(teks_data(ind.kondisi_awal)),
            *(Sel(v, NILAI, kunci=str(th)) for th, v in zip(tahun, ind.target, strict=True)),
            _t(teks_data(ind.kondisi_akhir)),
        ),
        kunci=ind.kode,
        label=label,
    )


def tabel_renstra(m: MatriksRenstra, kunci: str = "renstra") -> Tabel:
    tahun = m.tahun
    kepala = (
        (
            Kepala("Tujuan", rowspan=2),
            Kepala("Indikator tujuan", rowspan=2),
            Kepala("Sasaran", rowspan=2),
            Kepala("Indikator sasaran", rowspan=2),
            Kepala("Satuan", rowspan=2),
            Kepala("Kondisi awal", rowspan=2),
            Kepala("Target kinerja pada tahun", colspan=len(tahun)),
            Kepala("Kondisi akhir", rowspan=2),
        ),
        tuple(Kepala(str(t)) for t in tahun),
    )
    baris = []
    for t in m.tujuan:
        for ind in t.indikator:
            awal = (t.uraian, ind.uraian, "", "")
            baris.append(_baris_renstra(awal, ind, tahun, f"Indikator tujuan {ind.kode}"))
        for s in t.sasaran:
            for ind in s.indikator:
                awal = (t.uraian if not t.indikator else "", "", s.uraian, ind.uraian)
                baris.append(_baris_renstra(awal, ind, tahun, f"Indikator sasaran {ind.kode}"))
    periode = f"{tahun[0]}–{tahun[-1]}" if tahun else ""
    return Tabel(
        kunci=kunci,
        judul=f"Tujuan dan sasaran jangka menengah (Renstra {periode})",
        kepala=kepala,
        baris=tuple(baris),
        nomor_kolom=tuple(str(i) for i in range(1, 8 + len(tahun))),
        lanskap=True,
        lebar_excel=(30, 30, 30, 30, 10, 10, *(10,) * len(tahun), 10),
    )


def tabel_hubungan_program(m: MatriksRenstra, kunci: str = "sasaran-program") -> Tabel:
    baris = []
    for s in m.sasaran:
        program = "\n".join(nama_berkode(k, n) for k, n in s.program) or "—"
        baris.append(
            Baris(
                (_t(s.kode, kelas="tengah"), _t(s.uraian), _t(program)),
                kunci=s.kode,
                label=f"Sasaran {s.kode}",
            )
        )
    return Tabel(
        kunci=kunci,
        judul="Hubungan sasaran strategis dan program",
        kepala=((Kepala("Kode", lebar="8%"), Kepala("Sasaran strategis"), Kepala("Program")),),
        baris=tuple(baris),
        lebar_excel=(8, 50, 60),
    )


def tabel_iku(m: MatriksRenstra, kunci: str = "iku", lengkap: bool = False) -> Tabel:
    """Table of the IKU (Bab II) or, `lengkap`, the IKU sheet (manual indikator, Lampiran)."""
    baris = []
    for n, (s, ind) in enumerate(m.iku, start=1):
        formula = ind.formula
        if ind.definisi_operasional:
            formula = f"{formula}\nDefinisi operasional: {ind.definisi_operasional}".strip()
        sel = [
            _t(str(n), kelas="tengah"),
            _t(s.uraian),
            _t(ind.uraian),
        ]
        if lengkap:
            sel += [
                _t(ind.satuan),
                _t(formula),
                _t(ind.sumber_data),
                _t(ind.penanggung_jawab),
                _t(teks_data(ind.kondisi_awal)),
                Sel(ind.target_tahun, NILAI, kunci="target"),
                _t(teks_data(ind.kondisi_akhir)),
            ]
        else:
            sel += [_t(formula), _t(ind.sumber_data), _t(ind.penanggung_jawab)]
        baris.append(Baris(tuple(sel), kunci=ind.kode, label=f"IKU {ind.kode}"))
    if lengkap:
        kepala = (
            (
                Kepala("No", lebar="4%"),
                Kepala("Sasaran"),
                Kepala("Indikator kinerja utama"),
                Kepala("Satuan"),
                Kepala("Formulasi perhitungan / definisi operasional"),
                Kepala("Sumber data"),
                Kepala("Penanggung jawab"),
                Kepala("Kondisi awal"),
                Kepala("Target tahun ini"),
                Kepala("Kondisi akhir"),
            ),
        )
        lebar = (5, 30, 30, 10, 50, 20, 25, 10, 10, 10)
    else:
        kepala = (
            (
                Kepala("No", lebar="4%"),
                Kepala("Sasaran"),
                Kepala("Indikator kinerja utama"),
                Kepala("Formulasi perhitungan / definisi operasional", lebar="34%"),
                Kepala("Sumber data"),
                Kepala("Penanggung jawab"),
            ),
        )
        lebar = (5, 30, 30, 50, 20, 25)
    return Tabel(
        kunci=kunci,
        judul="Indikator Kinerja Utama" + (" (manual indikator)" if lengkap else ""),
        kepala=kepala,
        baris=tuple(baris),
        nomor_kolom=tuple(str(i) for i in range(1, len(kepala[0]) + 1)),
        lanskap=lengkap,
        lebar_excel=lebar,
    )


def tabel_pk(data: DataLKjIP, kunci: str = "pk") -> Tabel:
    """The PK of the year: the recorded agency PK, else the measured targets and their source."""
    pk: PKPerangkatDaerah | None = data.pk
    baris = []
    if pk is not None:
        # A PK Perubahan shows the target before and after the revision.
        perubahan = pk.perubahan
        for n, r in enumerate(pk.indikator, start=1):
            target = [Sel(r.nilai_masukan(), NILAI, kunci="target")]
            if perubahan:
                sebelum = r.target_sebelum_predikat or r.target_sebelum
                target.insert(0, Sel(sebelum, NILAI, kunci="target_sebelum"))
            baris.append(
                Baris(
                    (
                        _t(str(n), kelas="tengah"),
                        _t(r.sasaran_uraian),
                        _t(r.uraian),
                        *target,
                        _t(r.satuan),
                    ),
                    kunci=f"pk-{n}",
                    label=f"PK baris {n}",
                )
            )
        kolom_target = (
            (Kepala("Target sebelum perubahan"), Kepala("Target setelah perubahan"))
            if perubahan
            else (Kepala("Target"),)
        )
        kepala = (
            (
                Kepala("No"),
                Kepala("Sasaran"),
                Kepala("Indikator kinerja"),
                *kolom_target,
                Kepala("Satuan"),
            ),
        )
    else:
        n = 0
        for s in data.pengukuran.sasaran:
            for b in s.indikator:
                n += 1
                baris.append(
                    Baris(
                        (
                            _t(str(n), kelas="tengah"),
                            _t(s.uraian),
                            _t(b.indikator.uraian),
                            Sel(b.target, NILAI, kunci="target"),
                            _t(b.indikator.satuan),
                            _t(_sumber(b.sumber_target)),
                        ),
                        kunci=b.indikator.kode,
                        label=f"Target {b.indikator.kode}",
                    )
                )
        kepala = (
            (
                Kepala("No"),
                Kepala("Sasaran"),
                Kepala("Indikator kinerja"),
                Kepala("Target"),
                Kepala("Satuan"),
                Kepala("Sumber target"),
            ),
        )
    return Tabel(
        kunci=kunci,
        judul=f"Perjanjian Kinerja tahun {data.tahun}",
        kepala=kepala,
        baris=tuple(baris),
        lebar_excel=(5, 40, 40, 12, 12, 14),
    )


# --- Bab III: pengukuran --------------------------------------------------------------------


def tabel_pengukuran(
    pengukuran: Pengukuran, kunci: str = "pengukuran", judul: str | None = None
) -> Tabel:
    """NO | SASARAN | INDIKATOR | SATUAN | TARGET | REALISASI | CAPAIAN | KATEGORI."""
    baris = []
    n = 0
    for s in pengukuran.sasaran:
        jumlah = max(1, len(s.indikator))
        for i, b in enumerate(s.indikator):
            n += 1
            sel = []
            if i == 0:
                sel.append(_t(s.kode, rowspan=jumlah, kelas="tengah"))
                sel.append(_t(s.uraian, rowspan=jumlah))
            sel += [
                _t(b.indikator.uraian + (" *" if b.ada_draf and pengukuran.hanya_resmi else "")),
                _t(b.indikator.satuan),
                *sel_kinerja(b),
            ]
            baris.append(
                Baris(
                    tuple(sel),
                    kunci=b.indikator.kode,
                    label=f"Indikator {b.indikator.kode} {b.indikator.uraian}",
                )
            )
        if not s.indikator:
            baris.append(Baris((_t(s.kode), _t(s.uraian), _t("Belum ada indikator", colspan=6))))
    tw = pengukuran.triwulan
    catatan = catatan_tabel_pengukuran(pengukuran)
    baris.append(
        baris_rata_rata(
            "Rata-rata capaian kinerja (rata-rata capaian sasaran)",
            6,
            pengukuran.rata_rata,
            pengukuran.kategori,
            label="Rata-rata capaian kinerja",
        )
    )
    label_tw = f" s.d. {format_triwulan(tw)}" if tw and tw < 4 else ""
    return Tabel(
        kunci=kunci,
        judul=judul or f"Pengukuran kinerja tahun {pengukuran.tahun}{label_tw}",
        kepala=(
            (
                Kepala("No"),
                Kepala("Sasaran strategis"),
                Kepala("Indikator kinerja"),
                Kepala("Satuan"),
                Kepala("Target"),
                Kepala("Realisasi"),
                Kepala("Capaian"),
                Kepala("Kategori"),
            ),
        ),
        lebar_kolom=("5%", "21%", "23%", "8%", "8%", "10%", "9%", "16%"),
        baris=tuple(baris),
        nomor_kolom=tuple(str(i) for i in range(1, 9)),
        catatan=tuple(catatan),
        lebar_excel=(6, 40, 40, 10, 12, 12, 12, 16),
    )


CATATAN_RENCANA_AKSI = (
    "{kode}: terhadap target rencana aksi s.d. {tw} ({target}) capaiannya {capaian}."
)
"""Progress against the cumulative quarterly target (DOMAIN.md §5.3), before TW IV."""

CATATAN_TIDAK_DIHITUNG = "{kode}: capaian tidak dihitung — {alasan}"
"""A row printed "—" in a table without an average, with the engine's reason."""

CATATAN_RUMUS = (
    "Capaian = realisasi / target × 100 (indikator negatif: (2 × target − realisasi) / "
    "target × 100); tidak dibatasi 100%."
)
CATATAN_BATAS = "Untuk rata-rata, capaian tiap indikator dibatasi {batas}%."
CATATAN_TANPA_BATAS = "Rata-rata dihitung tanpa batas atas capaian."
CATATAN_DRAF = "* Ada nilai yang belum disetujui; yang dicetak hanya nilai yang disetujui."


def catatan_tabel_pengukuran(pengukuran: Pengukuran, *, rencana_aksi: bool = True) -> list[str]:
    """The footnotes of a pengukuran table (LKjIP Bab III, quarterly report): the formula,
    the cap used for the averages (DOMAIN.md §5.1), the indicators left out of an average with
    the reason (§5.2), the engine's notes per indicator and, with `rencana_aksi`, the capaian
    against the quarterly rencana-aksi target (when the table has no column for it)."""
    catatan = [CATATAN_RUMUS]
    if pengukuran.batas_rata_rata:
        catatan.append(CATATAN_BATAS.format(batas=f"{pengukuran.batas_rata_rata.normalize():f}"))
    else:
        catatan.append(CATATAN_TANPA_BATAS)
    for s in pengukuran.sasaran:
        for d in s.dikecualikan:
            catatan.append(CATATAN_DIKECUALIKAN.format(kode=d.kode, alasan=d.alasan))
    baris = [b for _s, b in pengukuran.baris()]
    catatan += catatan_pengukuran(
        baris, batas=pengukuran.batas_rata_rata, rencana_aksi=rencana_aksi
    )
    if pengukuran.hanya_resmi and any(b.ada_draf for b in baris):
        catatan.append(CATATAN_DRAF)
    return catatan


def catatan_pengukuran(
    baris: Sequence, *, batas: Decimal | None = None, rencana_aksi: bool = True
) -> list[str]:
    """The engine's notes of measured rows (how a letter target was read, a floor applied…,
    and with `batas` the PD's cap lowering a capaian in the average: `catatan_capaian`, the
    notes the API and the CLI print) and, for a quarter before TW IV, the capaian against the
    rencana-aksi target (§5, §5.3).
    """
    hasil = []
    for b in baris:
        for c in catatan_capaian(b.capaian, batas):
            hasil.append(CATATAN_MESIN.format(kode=b.indikator.kode, catatan=c.rstrip(".")))
        if rencana_aksi and b.triwulan < 4 and b.capaian_triwulan is not None:
            hasil.append(
                CATATAN_RENCANA_AKSI.format(
                    kode=b.indikator.kode,
                    tw=format_triwulan(b.triwulan),
                    target=format_nilai(b.target_triwulan),
                    capaian=format_persen(b.capaian_triwulan.nilai),
                )
            )
    return hasil


def tabel_capaian_tujuan(pengukuran: Pengukuran, kunci: str = "capaian-tujuan") -> Tabel | None:
    """NO | INDIKATOR TUJUAN | SATUAN | TARGET | REALISASI | CAPAIAN | KATEGORI, or None when
    the Renstra has no tujuan indicator. Not part of the averages (the PD's capaian is the
    mean of its sasaran)."""
    if not pengukuran.tujuan:
        return None
    baris = [
        Baris(
            (
                _t(str(n), kelas="tengah"),
                _t(b.indikator.uraian),
                _t(b.indikator.satuan),
                *sel_kinerja(b),
            ),
            kunci=b.indikator.kode,
            label=f"Indikator tujuan {b.indikator.kode} {b.indikator.uraian}",
        )
        for n, b in enumerate(pengukuran.tujuan, start=1)
    ]
    catatan = [
        "Indikator tujuan diukur dengan aturan yang sama; tidak masuk rata-rata capaian sasaran.",
        *(
            CATATAN_TIDAK_DIHITUNG.format(kode=b.indikator.kode, alasan=b.capaian.pesan)
            for b in pengukuran.tujuan
            if b.capaian.nilai is None and b.capaian.pesan
        ),
        *catatan_pengukuran(pengukuran.tujuan),
    ]
    return Tabel(
        kunci=kunci,
        judul=f"Capaian indikator tujuan tahun {pengukuran.tahun}",
        kepala=(
            (
                Kepala("No"),
                Kepala("Indikator tujuan"),
                Kepala("Satuan"),
                Kepala("Target"),
                Kepala("Realisasi"),
                Kepala("Capaian"),
                Kepala("Kategori"),
            ),
        ),
        lebar_kolom=("5%", "39%", "9%", "10%", "10%", "10%", "17%"),
        baris=tuple(baris),
        catatan=tuple(catatan),
        lebar_excel=(6, 60, 10, 12, 12, 12, 16),
    )


def tabel_sasaran_rata_rata(pengukuran: Pengukuran, kunci: str = "capaian-sasaran") -> Tabel:
    baris = [
        Baris(
            (
                _t(s.kode, kelas="tengah"),
                _t(s.uraian),
                Sel(s.jumlah_dipakai, BULAT),
                Sel(s.rata_rata, PERSEN, kunci="capaian"),
                _kat(s.kategori),
            ),
            kunci=s.kode,
            label=f"Sasaran {s.kode}",
        )
        for s in pengukuran.sasaran
    ]
    return Tabel(
        kunci=kunci,
        judul="Capaian per sasaran strategis",
        kepala=(
            (
                Kepala("Kode"),
                Kepala("Sasaran strategis"),
                Kepala("Jumlah indikator dihitung"),
                Kepala("Rata-rata capaian"),
                Kepala("Kategori"),
            ),
        ),
        baris=tuple(baris),
        lebar_excel=(8, 60, 12, 14, 16),
    )


# --- Bab III: the analyses of one sasaran ---------------------------------------------------


def tabel_target_realisasi(a: AnalisisSasaran, batas: Decimal | None = None) -> Tabel:
    """The first analysis of a sasaran: its indicators' target, realisasi, capaian and
    category, the sasaran's mean, and the notes of those rows (`batas`: the PD's cap)."""
    s = a.sasaran
    baris = [
        Baris(
            (
                _t(str(i), kelas="tengah"),
                _t(b.indikator.uraian),
                *sel_kinerja(b),
            ),
            kunci=b.indikator.kode,
            label=f"Indikator {b.indikator.kode}",
        )
        for i, b in enumerate(s.indikator, start=1)
    ]
    baris.append(
        baris_rata_rata(
            TEKS_RATA_RATA, 4, s.rata_rata, s.kategori, label=f"Rata-rata sasaran {s.kode}"
        )
    )
    # The notes of this sasaran's rows, under the table that prints them (DOMAIN.md §5.1–5.2).
    catatan = [CATATAN_DIKECUALIKAN.format(kode=d.kode, alasan=d.alasan) for d in s.dikecualikan]
    catatan += catatan_pengukuran(s.indikator, batas=batas)
    return Tabel(
        kunci=f"sasaran-{s.kode}-target",
        catatan=tuple(catatan),
        judul=f"Target dan realisasi sasaran {a.nomor}",
        kepala=(
            (
                Kepala("No", lebar="5%"),
                Kepala("Indikator kinerja"),
                Kepala("Target"),
                Kepala("Realisasi"),
                Kepala("Capaian"),
                Kepala("Kategori"),
            ),
        ),
        baris=tuple(baris),
        lebar_excel=(5, 50, 12, 12, 12, 16),
    )


def tabel_tahun_lalu(a: AnalisisSasaran, tahun_lalu: Sequence[int], tahun: int) -> Tabel:
    daftar = [*tahun_lalu, tahun]
    kepala = (
        (
            Kepala("Indikator kinerja", rowspan=2),
            *(Kepala(f"Tahun {t}", colspan=2) for t in daftar),
            Kepala("Perubahan realisasi (poin)", rowspan=2),
            Kepala("Perubahan capaian (poin)", rowspan=2),
        ),
        tuple(k for _t in daftar for k in (Kepala("Realisasi"), Kepala("Capaian"))),
    )
    baris = []
    for b in a.perbandingan:
        per_tahun = {n.tahun: n for n in b.tahun}
        sel = [_t(b.indikator.uraian)]
        for t in daftar:
            n = per_tahun.get(t)
            sel.append(Sel(n.realisasi if n else None, NILAI, kunci=f"realisasi-{t}"))
            sel.append(Sel(n.capaian.nilai if n else None, PERSEN, kunci=f"capaian-{t}"))
        sel.append(Sel(b.perubahan_realisasi, ANGKA, kunci="perubahan_realisasi"))
        sel.append(Sel(b.perubahan_capaian, ANGKA, kunci="perubahan_capaian"))
        baris.append(
            Baris(tuple(sel), kunci=b.indikator.kode, label=f"Indikator {b.indikator.kode}")
        )
    return Tabel(
        kunci=f"sasaran-{a.sasaran.kode}-tahun",
        judul=f"Perbandingan realisasi dan capaian dengan tahun sebelumnya, sasaran {a.nomor}",
        kepala=kepala,
        baris=tuple(baris),
        lebar_excel=(40, *(12,) * (2 * len(daftar)), 14, 14),
    )


def tabel_renstra_akhir(a: AnalisisSasaran, tahun: int) -> Tabel:
    baris = []
    for b in a.perbandingan:
        ini = b.tahun[-1] if b.tahun else None
        baris.append(
            Baris(
                (
                    _t(b.indikator.uraian),
                    Sel(ini.realisasi if ini else None, NILAI, kunci="realisasi"),
                    Sel(b.target_akhir, NILAI, kunci="target_akhir"),
                    _t(str(b.tahun_akhir) if b.tahun_akhir else ""),
                    Sel(b.capaian_akhir.nilai, PERSEN, kunci="capaian_akhir"),
                ),
                kunci=b.indikator.kode,
                label=f"Indikator {b.indikator.kode}",
            )
        )
    return Tabel(
        kunci=f"sasaran-{a.sasaran.kode}-renstra",
        judul=f"Realisasi {tahun} terhadap target akhir Renstra, sasaran {a.nomor}",
        kepala=(
            (
                Kepala("Indikator kinerja"),
                Kepala(f"Realisasi {tahun}"),
                Kepala("Target akhir Renstra"),
                Kepala("Tahun akhir"),
                Kepala("Capaian terhadap akhir Renstra"),
            ),
        ),
        baris=tuple(baris),
        lebar_excel=(40, 14, 14, 10, 16),
    )


def tabel_pembanding(a: AnalisisSasaran) -> Tabel | None:
    baris = []
    for b in a.perbandingan:
        if b.nilai_pembanding is None:
            continue
        ini = b.tahun[-1] if b.tahun else None
        baris.append(
            Baris(
                (
                    _t(b.indikator.uraian),
                    Sel(ini.realisasi if ini else None, NILAI, kunci="realisasi"),
                    Sel(b.nilai_pembanding, NILAI, kunci="pembanding"),
                    _t(b.sumber_pembanding),
                    Sel(
                        b.capaian_pembanding.nilai if b.capaian_pembanding else None,
                        PERSEN,
                        kunci="capaian_pembanding",
                    ),
                ),
                kunci=b.indikator.kode,
                label=f"Indikator {b.indikator.kode}",
            )
        )
    if not baris:
        return None
    return Tabel(
        kunci=f"sasaran-{a.sasaran.kode}-pembanding",
        judul=f"Perbandingan dengan standar nasional/provinsi, sasaran {a.nomor}",
        kepala=(
            (
                Kepala("Indikator kinerja"),
                Kepala("Realisasi"),
                Kepala("Nilai pembanding"),
                Kepala("Sumber"),
                Kepala("Capaian terhadap pembanding"),
            ),
        ),
        baris=tuple(baris),
    )
