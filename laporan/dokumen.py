"""The row generators: report data (laporan.selectors) → `Tabel` objects.

Each function here is the ONE generator of a printed table: the HTML template, the PDF
(WeasyPrint prints the same HTML), the XLSX writer and the numbers snapshot all read the
`Tabel` it returns. No arithmetic happens here beyond choosing which computed value goes in
which cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from common.formatting import format_angka, format_triwulan, romawi
from kinerja.selectors import LABEL_SUMBER_TARGET, EvaluasiRenja, Pengukuran, Skala
from renstra.models import TabelSumberDaya

from .selectors import (
    AnalisisSasaran,
    DataLKjIP,
    DataRencanaAksi,
    MatriksRenstra,
    PKPerangkatDaerah,
)
from .tabel import (
    ANGKA,
    BULAT,
    CENTANG,
    NILAI,
    PERSEN,
    TEKS,
    Baris,
    Kepala,
    Sel,
    Tabel,
)

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


# --- Scale ----------------------------------------------------------------------------------


def _batas(nilai: Decimal) -> str:
    return format_angka(nilai, 2, ringkas=True)


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
            Baris(tuple(_t(s) for s in teks), jenis="jumlah" if _baris_jumlah(teks) else "")
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
            baris.append(
                Baris(
                    (
                        _t(t.uraian),
                        _t(ind.uraian),
                        _t(""),
                        _t(""),
                        _t(ind.satuan),
                        _t(ind.kondisi_awal),
                        *(
                            Sel(v, NILAI, kunci=str(th))
                            for th, v in zip(tahun, ind.target, strict=True)
                        ),
                        _t(ind.kondisi_akhir),
                    ),
                    kunci=ind.kode,
                    label=f"Indikator tujuan {ind.kode}",
                )
            )
        for s in t.sasaran:
            for ind in s.indikator:
                baris.append(
                    Baris(
                        (
                            _t(t.uraian if not t.indikator else ""),
                            _t(""),
                            _t(s.uraian),
                            _t(ind.uraian),
                            _t(ind.satuan),
                            _t(ind.kondisi_awal),
                            *(
                                Sel(v, NILAI, kunci=str(th))
                                for th, v in zip(tahun, ind.target, strict=True)
                            ),
                            _t(ind.kondisi_akhir),
                        ),
                        kunci=ind.kode,
                        label=f"Indikator sasaran {ind.kode}",
                    )
                )
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
        program = "\n".join(f"{k} {n}".strip() for k, n in s.program) or "—"
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
                _t(ind.kondisi_awal),
                Sel(ind.target_tahun, NILAI, kunci="target"),
                _t(ind.kondisi_akhir),
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


def tabel_program_anggaran(data: DataLKjIP, kunci: str = "program-anggaran") -> Tabel:
    baris = []
    for i, p in enumerate(data.anggaran.program):
        huruf = chr(ord("A") + i) if i < 26 else str(i + 1)
        baris.append(
            Baris(
                (
                    _t(huruf, kelas="tengah"),
                    _t(f"{p.kode} {p.nama}"),
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
                        _t(f"{k.kode} {k.nama}", kelas="nama"),
                        Sel(k.pagu, BULAT, kunci="pagu"),
                    ),
                    jenis="kegiatan",
                    kunci=k.kode,
                    label=f"Kegiatan {k.kode}",
                )
            )
    baris.append(
        Baris(
            (_t(""), _t(TEKS_JUMLAH), Sel(data.anggaran.pagu, BULAT, kunci="pagu")),
            jenis="jumlah",
            kunci="jumlah",
            label="Jumlah anggaran",
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
                Sel(b.target, NILAI, kunci="target"),
                Sel(b.realisasi, NILAI, kunci="realisasi"),
                Sel(b.capaian.nilai, PERSEN, kunci="capaian"),
                _kat(b.kategori),
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
    catatan = [
        "Capaian = realisasi / target × 100 (indikator negatif: (2 × target − realisasi) / "
        "target × 100); tidak dibatasi 100%.",
    ]
    if pengukuran.batas_rata_rata:
        catatan.append(
            f"Untuk rata-rata, capaian tiap indikator dibatasi "
            f"{pengukuran.batas_rata_rata.normalize():f}%."
        )
    else:
        catatan.append("Rata-rata dihitung tanpa batas atas capaian.")
    dikecualikan = [d for s in pengukuran.sasaran for d in s.dikecualikan]
    for d in dikecualikan:
        catatan.append(f"Tidak dihitung dalam rata-rata: {d.kode} — {d.alasan}")
    if any(b.ada_draf for _s, b in pengukuran.baris()) and pengukuran.hanya_resmi:
        catatan.append("* Ada nilai yang belum disetujui; yang dicetak hanya nilai yang disetujui.")
    baris.append(
        Baris(
            (
                _t("Rata-rata capaian kinerja (rata-rata capaian sasaran)", colspan=6),
                Sel(pengukuran.rata_rata, PERSEN, kunci="capaian"),
                _kat(pengukuran.kategori),
            ),
            jenis="footer",
            kunci="rata-rata",
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


def tabel_target_realisasi(a: AnalisisSasaran) -> Tabel:
    s = a.sasaran
    baris = [
        Baris(
            (
                _t(str(i), kelas="tengah"),
                _t(b.indikator.uraian),
                Sel(b.target, NILAI, kunci="target"),
                Sel(b.realisasi, NILAI, kunci="realisasi"),
                Sel(b.capaian.nilai, PERSEN, kunci="capaian"),
                _kat(b.kategori),
            ),
            kunci=b.indikator.kode,
            label=f"Indikator {b.indikator.kode}",
        )
        for i, b in enumerate(s.indikator, start=1)
    ]
    baris.append(
        Baris(
            (
                _t(TEKS_RATA_RATA, colspan=4),
                Sel(s.rata_rata, PERSEN, kunci="capaian"),
                _kat(s.kategori),
            ),
            jenis="footer",
            kunci="rata-rata",
            label=f"Rata-rata sasaran {s.kode}",
        )
    )
    return Tabel(
        kunci=f"sasaran-{s.kode}-target",
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


def tabel_efisiensi_baris(rows, kunci: str, judul: str, *, ringkas: bool = False) -> Tabel:
    """Efficiency rows (seed 001 Tabel 3.15): % kinerja − % serapan, label, rupiah saved.

    `ringkas` (inside the analysis of a sasaran, portrait) leaves out pagu and realisasi,
    which the program table beside it prints.
    """
    baris = []
    for e in rows:
        jenis = e.tingkat
        sel = [
            _t(f"{e.kode} {e.nama}", kelas="nama"),
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
                sel.append(_t(f"{p.kode} {p.nama}", rowspan=jumlah))
            sel += [
                _t(b.indikator.uraian if b else ""),
                Sel(b.target_renja if b else None, NILAI, kunci="target"),
                Sel(b.realisasi if b else None, NILAI, kunci="realisasi"),
                Sel(
                    b.capaian_renja.nilai if b and b.capaian_renja else None,
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
                        _t(f"{k.kode} {k.nama}", kelas="nama"),
                        _t(k.indikator.uraian if k.indikator else ""),
                        Sel(k.target_renja, NILAI, kunci="target"),
                        Sel(k.realisasi, NILAI, kunci="realisasi"),
                        Sel(
                            k.capaian_renja.nilai if k.capaian_renja else None,
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
            Baris(
                (
                    _t(TEKS_JUMLAH, colspan=5),
                    Sel(a.pagu, BULAT, kunci="pagu"),
                    Sel(a.realisasi, BULAT, kunci="realisasi_anggaran"),
                    Sel(a.persen, PERSEN, kunci="serapan"),
                ),
                jenis="jumlah",
                kunci="jumlah",
                label="Jumlah",
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
                        _t(f"{b.kode} {b.nama}", kelas="nama"),
                        Sel(b.pagu, BULAT, kunci="pagu"),
                        Sel(b.realisasi, BULAT, kunci="realisasi"),
                        Sel(b.persen, PERSEN, kunci="persen"),
                        Sel(b.sisa, BULAT, kunci="sisa"),
                    ),
                    jenis=b.tingkat,
                    kunci=b.kode,
                    label=f"{LABEL_TINGKAT[b.tingkat]} {b.kode}",
                )
            )
    a = data.anggaran
    baris.append(
        Baris(
            (
                _t(TEKS_JUMLAH),
                Sel(a.pagu, BULAT, kunci="pagu"),
                Sel(a.realisasi, BULAT, kunci="realisasi"),
                Sel(a.persen, PERSEN, kunci="persen"),
                Sel(a.sisa, BULAT, kunci="sisa"),
            ),
            jenis="jumlah",
            kunci="jumlah",
            label="Jumlah realisasi anggaran",
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


def tabel_anggaran_triwulan(data: DataLKjIP, kunci: str = "anggaran-triwulan") -> Tabel:
    a = data.anggaran
    baris = []
    for p in a.program:
        baris.append(
            Baris(
                (
                    _t(f"{p.kode} {p.nama}"),
                    Sel(p.pagu, BULAT, kunci="pagu"),
                    *(
                        Sel(v, BULAT, kunci=f"tw{i}")
                        for i, v in enumerate(p.realisasi_triwulan, start=1)
                    ),
                    Sel(p.realisasi, BULAT, kunci="realisasi"),
                    Sel(p.persen, PERSEN, kunci="persen"),
                ),
                jenis="program",
                kunci=p.kode,
                label=f"Program {p.kode}",
            )
        )
    baris.append(
        Baris(
            (
                _t(TEKS_JUMLAH),
                Sel(a.pagu, BULAT, kunci="pagu"),
                *(
                    Sel(v, BULAT, kunci=f"tw{i}")
                    for i, v in enumerate(a.realisasi_triwulan, start=1)
                ),
                Sel(a.realisasi, BULAT, kunci="realisasi"),
                Sel(a.persen, PERSEN, kunci="persen"),
            ),
            jenis="jumlah",
            kunci="jumlah",
            label="Jumlah",
        )
    )
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


def tabel_belanja(data: DataLKjIP, kunci: str = "jenis-belanja") -> Tabel:
    b = data.belanja
    baris = [
        Baris(
            (
                _t("BELANJA"),
                Sel(b.pagu, BULAT, kunci="pagu"),
                Sel(b.realisasi, BULAT, kunci="realisasi"),
                Sel(b.persen, PERSEN, kunci="persen"),
            ),
            jenis="jumlah",
            kunci="belanja",
            label="Belanja",
        )
    ]
    for k in b.kelompok:
        baris.append(
            Baris(
                (
                    _t(k.kelompok.upper()),
                    Sel(k.pagu, BULAT, kunci="pagu"),
                    Sel(k.realisasi, BULAT, kunci="realisasi"),
                    Sel(k.persen, PERSEN, kunci="persen"),
                ),
                jenis="program",
                kunci=k.kelompok,
                label=k.kelompok,
            )
        )
        for j in k.baris:
            baris.append(
                Baris(
                    (
                        _t(j.jenis, kelas="nama"),
                        Sel(j.pagu, BULAT, kunci="pagu"),
                        Sel(j.realisasi, BULAT, kunci="realisasi"),
                        Sel(j.persen, PERSEN, kunci="persen"),
                    ),
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
        lebar_excel=(50, 18, 18, 10),
    )


# --- Rencana Aksi (§7.4) --------------------------------------------------------------------


def tabel_rencana_aksi(ra: DataRencanaAksi, kunci: str = "rencana-aksi") -> Tabel:
    baris = []
    for r in ra.baris:
        sel = []
        if r.baris_pertama:
            sel.append(_t(r.nomor, rowspan=r.jumlah_baris, kelas="tengah"))
            sel.append(
                _t(
                    f"{r.kode} {r.uraian}".strip() if r.tingkat != "sasaran" else r.uraian,
                    rowspan=r.jumlah_baris,
                    kelas="nama",
                )
            )
        target = Sel(r.target, NILAI, kunci="target")
        sel += [_t(r.indikator), target, _t(r.satuan)]
        for v in r.triwulan:
            if v is True:
                sel.append(Sel(True, CENTANG))
            else:
                sel.append(Sel(v, NILAI) if v is not None else Sel(None, TEKS))
        sel.append(_t(r.rencana_aksi))
        kunci_baris = r.indikator_kode or r.kode
        baris.append(
            Baris(
                tuple(sel),
                jenis=r.tingkat,
                kunci=kunci_baris,
                label=f"{LABEL_TINGKAT.get(r.tingkat, '')} {kunci_baris}",
            )
        )
    catatan = ["Kolom triwulan: target kumulatif triwulan bila ditetapkan, ✓ bila dikerjakan."]
    if not ra.ada_isian:
        catatan.append(f"Rencana aksi triwulanan tahun {ra.tahun} belum diisi.")
    return Tabel(
        kunci=kunci,
        judul=f"Rencana aksi pencapaian sasaran tahun {ra.tahun}",
        kepala=(
            (
                Kepala("No", rowspan=2, lebar="4%"),
                Kepala(
                    "Sasaran strategis / program / kegiatan / sub-kegiatan", rowspan=2, lebar="25%"
                ),
                Kepala("Indikator kinerja", rowspan=2, lebar="25%"),
                Kepala(f"Target {ra.tahun}", rowspan=2),
                Kepala("Satuan", rowspan=2),
                Kepala("Triwulan", colspan=4),
                Kepala("Rencana aksi", rowspan=2, lebar="18%"),
            ),
            tuple(Kepala(romawi(n)) for n in (1, 2, 3, 4)),
        ),
        baris=tuple(baris),
        nomor_kolom=tuple(str(i) for i in range(1, 11)),
        catatan=tuple(catatan),
        lanskap=True,
        lebar_excel=(6, 50, 50, 10, 10, 6, 6, 6, 6, 40),
    )


# --- Formulir Evaluasi Hasil Renja (§7.5) ---------------------------------------------------

KOLOM_RENJA = ("6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16")


def _k(nilai: Any, kunci: str) -> Sel:
    return Sel(nilai, NILAI, kunci=kunci)


def _rp(nilai: Decimal | None, kunci: str, rowspan: int = 1) -> Sel:
    return Sel(nilai, BULAT, kunci=kunci, rowspan=rowspan)


# Leaf column widths of the form on A4 landscape: No, Sasaran, Kode, Nama, Indikator, then
# K/Rp pairs for cols 6–13 and 14 (Rp amounts), 15 and Renja (percentages), Unit.
LEBAR_RENJA = (
    "1.3%",
    "4%",
    "4.6%",
    "6%",
    "6.8%",
    *("2%", "4.8%") * 9,
    "2.8%",
    "2.8%",
    "2.8%",
    "2.8%",
    "4.9%",
)


def tabel_evaluasi_renja(ev: EvaluasiRenja, kunci: str = "evaluasi-renja") -> Tabel:
    """The Permendagri 86/2017 form: K and Rp per column 6–15, Renja capaian, unit."""
    tahun, tw = ev.tahun, ev.triwulan
    awal, akhir = ev.renstra_tahun_awal, ev.renstra_tahun_akhir
    periode = f"{awal}–{akhir}" if awal else ""
    kepala = (
        (
            Kepala("No", rowspan=3),
            Kepala("Sasaran", rowspan=3),
            Kepala("Kode", rowspan=3),
            Kepala(
                "Urusan / bidang urusan pemerintahan daerah dan program / kegiatan / sub-kegiatan",
                rowspan=3,
            ),
            Kepala("Indikator kinerja program (outcome) / kegiatan (output) (satuan)", rowspan=3),
            Kepala(
                f"Target Renstra pada tahun {periode} (akhir periode Renstra)", colspan=2, rowspan=2
            ),
            Kepala(
                f"Realisasi capaian kinerja Renstra s.d. Renja tahun lalu ({tahun - 1})",
                colspan=2,
                rowspan=2,
            ),
            Kepala(
                f"Target kinerja dan anggaran Renja tahun berjalan ({tahun}) yang dievaluasi",
                colspan=2,
                rowspan=2,
            ),
            Kepala("Realisasi kinerja pada triwulan", colspan=8),
            Kepala(
                "Realisasi capaian kinerja dan anggaran Renja yang dievaluasi", colspan=2, rowspan=2
            ),
            Kepala(
                f"Realisasi kinerja dan anggaran Renstra s.d. tahun {tahun}", colspan=2, rowspan=2
            ),
            Kepala(
                f"Tingkat capaian kinerja dan realisasi anggaran Renstra s.d. tahun {tahun} (%)",
                colspan=2,
                rowspan=2,
            ),
            Kepala(
                "Tingkat capaian kinerja dan realisasi anggaran Renja (%)", colspan=2, rowspan=2
            ),
            Kepala("Unit penanggung jawab / keterangan", rowspan=3),
        ),
        tuple(Kepala(romawi(n), colspan=2) for n in (1, 2, 3, 4)),
        tuple(Kepala(x) for _ in range(11) for x in ("K", "Rp")),
    )
    nomor = (
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "10",
        "11",
        "12",
        "13",
        "14 = 7 + 13",
        "15 = 14 / 6 × 100",
        "13 / 8 × 100",
        "16",
    )
    nomor_kolom = tuple(
        n if i < 5 or i == len(nomor) - 1 else Kepala(n, colspan=2) for i, n in enumerate(nomor)
    )
    baris: list[Baris] = []
    for b in ev.baris:
        if b.jenis == "analisis":
            for label, teks in b.analisis:
                baris.append(
                    Baris(
                        (_t(""), _t(f"{label}:", colspan=3), _t(teks, colspan=24)), jenis="analisis"
                    )
                )
            continue
        n = b.jumlah_baris if b.baris_pertama else 1
        ind = b.indikator
        sel: list[Sel] = []
        if b.baris_pertama:
            sel += [
                _t(
                    str(b.nomor) if b.nomor and b.jenis == "program" else "",
                    rowspan=n,
                    kelas="tengah",
                ),
                _t(b.sasaran if b.jenis == "program" else "", rowspan=n),
                _t(b.kode, rowspan=n, kelas="kode"),
                _t(b.nama, rowspan=n, kelas="nama"),
            ]
        nama_ind = (
            f"{ind.uraian} ({ind.satuan})" if ind and ind.satuan else (ind.uraian if ind else "")
        )
        sel.append(_t(nama_ind, kelas="indikator"))

        def k(nilai, kolom):
            return _k(nilai, f"{kolom}K")

        def rp(nilai, kolom, rowspan=n):
            return _rp(nilai, f"{kolom}Rp", rowspan=rowspan)

        pertama = b.baris_pertama
        kolom: list[Sel] = [k(b.target_renstra_akhir, 6)]
        if pertama:
            kolom.append(rp(b.pagu_renstra, 6))
        kolom.append(k(b.realisasi_sd_tahun_lalu, 7))
        if pertama:
            kolom.append(rp(b.realisasi_anggaran_sd_tahun_lalu, 7))
        kolom.append(k(b.target_renja, 8))
        if pertama:
            kolom.append(rp(b.pagu, 8))
        for i in range(4):
            kolom.append(k(b.realisasi_triwulan[i], 9 + i))
            if pertama:
                kolom.append(rp(b.realisasi_anggaran_triwulan[i], 9 + i))
        kolom.append(k(b.realisasi, 13))
        if pertama:
            kolom.append(rp(b.realisasi_anggaran, 13))
        kolom.append(k(b.realisasi_renstra, 14))
        if pertama:
            kolom.append(rp(b.realisasi_anggaran_renstra, 14))
        kolom.append(
            Sel(b.capaian_renstra.nilai if b.capaian_renstra else None, PERSEN, kunci="15K")
        )
        if pertama:
            kolom.append(Sel(b.persen_anggaran_renstra, PERSEN, kunci="15Rp", rowspan=n))
        kolom.append(
            Sel(b.capaian_renja.nilai if b.capaian_renja else None, PERSEN, kunci="renjaK")
        )
        if pertama:
            kolom.append(Sel(b.persen_anggaran, PERSEN, kunci="renjaRp", rowspan=n))
        sel += kolom
        sel.append(_t(b.unit_penanggung_jawab))
        kunci_baris = ind.kode if ind else b.kode
        baris.append(
            Baris(
                tuple(sel),
                jenis=b.jenis,
                kunci=kunci_baris,
                label=f"{LABEL_TINGKAT.get(b.jenis, '')} {b.kode}"
                + (f" — {ind.kode}" if ind else ""),
            )
        )
    j = ev.jumlah
    baris.append(
        Baris(
            (
                _t(""),
                _t(""),
                _t(""),
                _t(""),
                _t(TEKS_JUMLAH),
                _t(""),
                _rp(j.pagu_renstra, "6Rp"),
                _t(""),
                _rp(j.realisasi_anggaran_sd_tahun_lalu, "7Rp"),
                _t(""),
                _rp(j.pagu, "8Rp"),
                *(
                    x
                    for i in range(4)
                    for x in (_t(""), _rp(j.realisasi_anggaran_triwulan[i], f"{9 + i}Rp"))
                ),
                _t(""),
                _rp(j.realisasi_anggaran, "13Rp"),
                _t(""),
                _rp(j.realisasi_anggaran_renstra, "14Rp"),
                _t(""),
                Sel(j.persen_anggaran_renstra, PERSEN, kunci="15Rp"),
                _t(""),
                Sel(j.persen_anggaran, PERSEN, kunci="renjaRp"),
                _t(""),
            ),
            jenis="footer",
            kunci="jumlah",
            label="Jumlah",
        )
    )
    kosong_awal = [_t(""), _t(""), _t(""), _t("")]
    baris.append(
        Baris(
            (
                *kosong_awal,
                _t("Rata-rata capaian kinerja (%)"),
                _t("", colspan=18),
                Sel(ev.rata_rata_capaian_renstra, PERSEN, kunci="15K"),
                _t(""),
                Sel(ev.rata_rata_capaian_kinerja, PERSEN, kunci="renjaK"),
                Sel(ev.jumlah.persen_anggaran, PERSEN, kunci="renjaRp"),
                _t(""),
            ),
            jenis="footer",
            kunci="rata-rata",
            label="Rata-rata capaian kinerja",
        )
    )
    kat_renstra = ev.skala.kategori(ev.rata_rata_capaian_renstra)
    kat_rp = ev.skala.kategori(ev.jumlah.persen_anggaran)
    baris.append(
        Baris(
            (
                *kosong_awal,
                _t("Predikat kinerja"),
                _t("", colspan=18),
                _kat(kat_renstra, "15K"),
                _t(""),
                _kat(ev.kategori, "renjaK"),
                _kat(kat_rp, "renjaRp"),
                _t(""),
            ),
            jenis="footer",
            kunci="predikat",
            label="Predikat kinerja",
        )
    )
    catatan = [
        "K = kinerja, Rp = anggaran. Kolom 13 dan 14 mengikuti cara agregasi tiap indikator "
        "(kumulatif dijumlah; posisi akhir memakai nilai terakhir; rata-rata dirata-rata).",
        f"Rata-rata capaian kinerja Renja dihitung dari {ev.jumlah_indikator_dipakai} indikator "
        "yang dapat dihitung.",
    ]
    if ev.batas_rata_rata:
        catatan.append(
            f"Capaian tiap indikator dibatasi {ev.batas_rata_rata.normalize():f}% untuk rata-rata."
        )
    return Tabel(
        kunci=kunci,
        judul=f"Formulir Evaluasi Hasil Renja — Triwulan {romawi(tw)} Tahun {tahun}",
        kepala=kepala,
        baris=tuple(baris),
        nomor_kolom=nomor_kolom,
        kelas="tabel-renja",
        catatan=tuple(catatan),
        lanskap=True,
        lebar_kolom=LEBAR_RENJA,
        lebar_excel=(5, 24, 16, 40, 40, *(9, 15) * 11, 24),
    )


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
                Sel(b.target, NILAI, kunci="target"),
                Sel(b.realisasi, NILAI, kunci="realisasi"),
                Sel(b.capaian.nilai, PERSEN, kunci="capaian"),
                _kat(b.kategori),
            ]
            baris.append(
                Baris(tuple(sel), kunci=b.indikator.kode, label=f"Indikator {b.indikator.kode}")
            )
    baris.append(
        Baris(
            (
                _t("Rata-rata capaian", colspan=5),
                Sel(pengukuran.rata_rata, PERSEN, kunci="capaian"),
                _kat(pengukuran.kategori),
            ),
            jenis="footer",
            kunci="rata-rata",
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


def tabel_keuangan_triwulan(anggaran, kunci: str = "keuangan-triwulan") -> Tabel:
    tw = anggaran.triwulan
    baris = []
    for i, p in enumerate(anggaran.program, start=1):
        baris.append(
            Baris(
                (
                    _t(str(i), kelas="tengah"),
                    _t(f"{p.kode} {p.nama}"),
                    Sel(p.pagu, BULAT, kunci="pagu"),
                    Sel(p.pagu, BULAT, kunci="target"),
                    Sel(p.realisasi, BULAT, kunci="realisasi"),
                    Sel(p.persen, PERSEN, kunci="persen"),
                ),
                jenis="program",
                kunci=p.kode,
                label=f"Program {p.kode}",
            )
        )
    baris.append(
        Baris(
            (
                _t(""),
                _t(TEKS_JUMLAH),
                Sel(anggaran.pagu, BULAT, kunci="pagu"),
                Sel(anggaran.pagu, BULAT, kunci="target"),
                Sel(anggaran.realisasi, BULAT, kunci="realisasi"),
                Sel(anggaran.persen, PERSEN, kunci="persen"),
            ),
            jenis="jumlah",
            kunci="jumlah",
            label="Jumlah",
        )
    )
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
