"""The Formulir Evaluasi Hasil Renja (Permendagri 86/2017) of Paser, TW IV 2023.

Columns 13, 14 and 15 are recomputed here from the demo dataset with the aggregation rules of
DOMAIN.md §7.5 (kumulatif adds, posisi akhir takes the latest; col 14 = 7 + 13 by that rule;
col 15 = 14 / 6 × 100) and compared with the ONE row generator, with the XLSX file and with
the PDF text.
"""

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from common.formatting import format_angka, format_persen
from laporan import cetak
from laporan.dokumen import tabel_evaluasi_renja
from laporan.selectors import data_evaluasi_renja

from .conftest import folder_artefak, teks_pdf

DATASET = json.loads(
    (Path(__file__).resolve().parents[2] / "fixtures/demo/kesbangpol-paser.json").read_text()
)
TAHUN = 2023
PERIODE = range(2022, 2027)


def _gabung(nilai: list, cara: str):
    ada = [n for n in nilai if n is not None]
    if not ada:
        return None
    if cara == "kumulatif":
        return sum(ada, Decimal(0))
    if cara == "rata_rata":
        return sum(ada, Decimal(0)) / len(ada)
    return ada[-1]


def _nilai_tahun(ind: dict, tahun: int):
    """The year's value: the yearly figure, else the quarters combined."""
    r = ind.get("realisasi", {}).get(str(tahun))
    if not r:
        return None
    if r.get("tahunan") is not None:
        return Decimal(r["tahunan"])
    tw = [Decimal(v) if v is not None else None for v in r.get("triwulan") or []]
    return _gabung(tw, ind["cara_agregasi"])


def _target_akhir(ind: dict):
    renstra = ind["target"].get("renstra", {})
    if ind["cara_agregasi"] == "kumulatif":
        nilai = [Decimal(renstra[str(t)]) for t in PERIODE if renstra.get(str(t))]
        if nilai:
            return sum(nilai, Decimal(0))
    elif renstra.get(str(PERIODE[-1])):
        return Decimal(renstra[str(PERIODE[-1])])
    akhir = ind.get("kondisi_akhir")
    try:
        return Decimal(akhir) if akhir else None
    except ArithmeticError:
        return None


def _diharapkan() -> dict[str, tuple]:
    """indicator kode → (col 13, col 14, col 15) from the dataset."""
    hasil = {}

    def jalan(simpul):
        for ind in simpul.get("indikator", []):
            cara = ind["cara_agregasi"]
            k13 = _nilai_tahun(ind, TAHUN)
            lalu = [_nilai_tahun(ind, t) for t in PERIODE if t < TAHUN]
            k14 = _gabung([*lalu, k13], cara)
            k6 = _target_akhir(ind)
            k15 = k14 * 100 / k6 if k14 is not None and k6 else None
            hasil[ind["kode"]] = (k13, k14, k15)
        for anak in simpul.get("kegiatan", []) + simpul.get("sub_kegiatan", []):
            jalan(anak)

    for program in DATASET["program"]:
        jalan(program)
    return hasil


@pytest.fixture
def tabel(paser):
    return tabel_evaluasi_renja(data_evaluasi_renja(pd=paser, tahun=TAHUN, triwulan=4).evaluasi)


def _sel(baris, kunci):
    return next(s for s in baris.sel if s.kunci == kunci)


def test_columns_13_14_15_equal_the_values_computed_from_the_demo_data(tabel):
    harapan = _diharapkan()
    baris = {b.kunci: b for b in tabel.baris if b.kunci in harapan}
    assert len(baris) == len(harapan) > 40
    for kode, (k13, k14, k15) in harapan.items():
        b = baris[kode]
        assert _sel(b, "13K").nilai == k13, kode
        assert _sel(b, "14K").nilai == k14, kode
        c15 = _sel(b, "15K").nilai
        assert (c15 is None and k15 is None) or c15 == k15, kode
        assert _sel(b, "15K").teks == format_persen(k15), kode


def test_percentage_indicator_is_not_summed_over_years(tabel):
    # 8.01.01 "Indeks Kepuasan layanan Sekretariat" is a posisi-akhir indicator: 2022 = 70,
    # 2023 = 72 → col 14 = 72 (seed 002 adds percentages over the years), col 15 = 72/80.
    b = next(b for b in tabel.baris if b.kunci == "8.01.01.I1")
    assert _sel(b, "13K").nilai == Decimal("72")
    assert _sel(b, "14K").nilai == Decimal("72")
    assert _sel(b, "15K").teks == "90,00%"


def test_footer_jumlah_rata_rata_predikat(tabel):
    kaki = {b.kunci: b for b in tabel.baris if b.jenis == "footer"}
    assert set(kaki) == {"jumlah", "rata-rata", "predikat"}
    assert _sel(kaki["jumlah"], "8Rp").nilai == Decimal("32351024068")
    assert _sel(kaki["jumlah"], "13Rp").nilai == Decimal("31458315432")
    assert _sel(kaki["jumlah"], "renjaRp").teks == "97,24%"
    assert _sel(kaki["predikat"], "renjaK").nilai in (
        "Sangat Tinggi",
        "Tinggi",
        "Sedang",
        "Rendah",
        "Sangat Rendah",
    )


def test_four_text_rows_follow_every_program(tabel):
    jenis = [b.jenis for b in tabel.baris]
    assert jenis.count("program") >= 6
    assert jenis.count("analisis") == 4 * 6
    label = [b.sel[1].teks for b in tabel.baris if b.jenis == "analisis"][:4]
    assert [teks.split()[0] for teks in label] == ["Faktor", "Faktor", "Tindak", "Tindak"]


def test_every_row_has_the_28_columns(tabel):
    """K and Rp for cols 6–15 and capaian Renja: rowspans included, every row is complete."""
    assert tabel.jumlah_kolom == 28
    terisi: set[tuple[int, int]] = set()
    for r, b in enumerate(tabel.baris):
        c = 0
        for s in b.sel:
            while (r, c) in terisi:
                c += 1
            terisi.update((r + dr, c + dc) for dr in range(s.rowspan) for dc in range(s.colspan))
            c += s.colspan
        assert {k for (rr, k) in terisi if rr == r} == set(range(28)), b.kunci


@pytest.mark.django_db
def test_xlsx_holds_the_same_numbers(paser, tmp_path):
    keluar = tmp_path / "renja.xlsx"
    call_command(
        "cetak",
        "evaluasi-renja",
        "--pd",
        "kesbangpol-paser",
        "--tahun",
        "2023",
        "--triwulan",
        "4",
        "--format",
        "xlsx",
        "--out",
        str(keluar),
    )
    ws = load_workbook(keluar).active
    nilai = [[c.value for c in baris] for baris in ws.iter_rows()]
    datar = [v for baris in nilai for v in baris]
    assert "JUMLAH" in datar
    baris_jumlah = next(b for b in nilai if "JUMLAH" in b)
    assert 32351024068 in baris_jumlah and 31458315432 in baris_jumlah
    # The K value of col 13 of 8.01.05.2.01.04 (1.000 orang) is a number, not text.
    baris = next(
        b
        for b in nilai
        if any(isinstance(v, str) and "Koordinasi di Bidang Ketahanan" in v for v in b if v)
    )
    assert 1000 in baris
    assert ws.print_title_rows
    (folder_artefak() / "evaluasi-renja-paser-2023-tw4.xlsx").write_bytes(keluar.read_bytes())


@pytest.mark.django_db
def test_pdf_is_landscape_and_prints_the_computed_columns(paser):
    from pypdf import PdfReader

    pdf = cetak.cetak("evaluasi-renja", pd=paser, tahun=2023, triwulan=4, format="pdf")
    assert pdf[:4] == b"%PDF"
    (folder_artefak() / "evaluasi-renja-paser-2023-tw4.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert all(p.mediabox.width > p.mediabox.height for p in reader.pages)
    teks = " ".join(" ".join(teks_pdf(pdf)).split())
    assert "FORMULIR EVALUASI HASIL RENJA PERANGKAT DAERAH" in teks
    assert "Periode Pelaksanaan : Triwulan IV Tahun 2023" in teks
    assert "Disusun" in teks and "Dievaluasi" in teks and "Kepala Bappeda" in teks
    assert format_angka(Decimal("31458315432"), 0) in teks
    for label in ("Faktor pendorong", "Faktor penghambat"):
        assert label.lower() in teks.lower()


@pytest.mark.django_db
def test_html_of_any_quarter(paser):
    for tw in (1, 2, 3):
        html = cetak.cetak("evaluasi-renja", pd=paser, tahun=2023, triwulan=tw, format="html")
        teks = html.decode()
        assert f"Triwulan {('I', 'II', 'III')[tw - 1]} Tahun 2023" in teks


@pytest.mark.django_db
def test_command_requires_the_quarter(paser, tmp_path):
    with pytest.raises(CommandError, match="triwulan"):
        call_command(
            "cetak",
            "evaluasi-renja",
            "--pd",
            "kesbangpol-paser",
            "--tahun",
            "2023",
            "--out",
            str(tmp_path / "x.pdf"),
        )


@pytest.mark.django_db
def test_command_unknown_pd(tmp_path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command(
            "cetak",
            "lkjip",
            "--pd",
            "tidak-ada",
            "--tahun",
            "2023",
            "--out",
            str(tmp_path / "x.pdf"),
        )


# --- Columns 6, 7, 14 and 15 on kegiatan and sub-kegiatan rows (issue #14 point 13) ------------


@pytest.fixture
def form_kegiatan(db):
    """A kegiatan (kumulatif) and a sub-kegiatan (posisi akhir, lower is better), each with a
    Renstra target for every year of 2022–2026, a 2022 realisation and budgets."""
    from tests.factories import (
        IndikatorFactory,
        KegiatanFactory,
        PaguFactory,
        ProgramFactory,
        RealisasiAnggaranFactory,
        RealisasiFactory,
        RenstraFactory,
        SubKegiatanFactory,
        TargetFactory,
    )

    D = Decimal
    renstra = RenstraFactory(tahun_awal=2022, tahun_akhir=2026)
    program = ProgramFactory(renstra=renstra, kode="8.01.09")
    kegiatan = KegiatanFactory(program=program, kode="8.01.09.2.01")
    sub = SubKegiatanFactory(kegiatan=kegiatan, kode="8.01.09.2.01.01")
    keg = IndikatorFactory(
        kegiatan=kegiatan, kode="KEG", satuan="Dokumen", cara_agregasi="kumulatif"
    )
    konflik = IndikatorFactory(
        sub_kegiatan=sub,
        kode="KONFLIK",
        satuan="Kasus",
        cara_agregasi="posisi_akhir",
        polaritas="negatif",
    )
    for tahun, turun in zip(range(2022, 2027), ("10", "8", "6", "4", "2"), strict=True):
        TargetFactory(indikator=keg, tahun=tahun, jenis="renstra", nilai=D("10"))
        TargetFactory(indikator=konflik, tahun=tahun, jenis="renstra", nilai=D(turun))
    TargetFactory(indikator=keg, tahun=2023, jenis="renja", nilai=D("10"))
    TargetFactory(indikator=konflik, tahun=2023, jenis="renja", nilai=D("8"))
    RealisasiFactory(indikator=keg, tahun=2022, triwulan=0, nilai=D("12"))
    for tw, nilai in zip((1, 2, 3, 4), ("2", "3", "3", "2"), strict=True):
        RealisasiFactory(indikator=keg, tahun=2023, triwulan=tw, nilai=D(nilai))
    RealisasiFactory(indikator=konflik, tahun=2022, triwulan=4, nilai=D("9"))
    RealisasiFactory(indikator=konflik, tahun=2023, triwulan=4, nilai=D("3"))
    for tahun, pagu in ((2022, "1000000"), (2023, "2000000"), (2024, "2500000")):
        PaguFactory(sub_kegiatan=sub, tahun=tahun, perubahan=D(pagu))
    RealisasiAnggaranFactory(sub_kegiatan=sub, tahun=2022, triwulan=0, jumlah=D("900000"))
    RealisasiAnggaranFactory(sub_kegiatan=sub, tahun=2023, triwulan=1, jumlah=D("500000"))
    RealisasiAnggaranFactory(sub_kegiatan=sub, tahun=2023, triwulan=2, jumlah=D("700000"))
    return renstra.perangkat_daerah


def test_columns_6_7_14_15_are_filled_for_kegiatan_and_sub_kegiatan(form_kegiatan):
    from kinerja.selectors import evaluasi_renja

    D = Decimal
    ev = evaluasi_renja(pd=form_kegiatan, tahun=TAHUN, triwulan=4)
    sumber = {b.indikator.kode: b.sumber_target_renstra_akhir for b in ev if b.indikator}
    assert sumber == {"KEG": "renstra_jumlah", "KONFLIK": "renstra"}
    tabel = tabel_evaluasi_renja(ev)
    baris = {b.kunci: b for b in tabel.baris}
    keg, sub = baris["KEG"], baris["KONFLIK"]
    assert (keg.jenis, sub.jenis) == ("kegiatan", "sub_kegiatan")

    # Kumulatif: col 6 = Σ yearly Renstra targets, col 14 = 7 + 13, col 15 = 14 / 6.
    assert _sel(keg, "6K").nilai == D("50")
    assert _sel(keg, "7K").nilai == D("12")
    assert _sel(keg, "13K").nilai == D("10")
    assert _sel(keg, "14K").nilai == D("22")
    assert _sel(keg, "15K").teks == "44,00%"
    # Posisi akhir, lower is better: col 6 = the 2026 target (2), col 14 = the latest value
    # (3, not 9 + 3), col 15 = (2·2 − 3) / 2 × 100.
    assert _sel(sub, "6K").nilai == D("2")
    assert _sel(sub, "7K").nilai == D("9")
    assert _sel(sub, "14K").nilai == D("3")
    assert _sel(sub, "15K").teks == "50,00%"
    # Rp on both rows (the kegiatan is the sum of its sub-kegiatan): col 6 = Σ pagu of the
    # period, col 7 = 2022, col 14 = 7 + 13, col 15 = 14 / 6.
    for b in (keg, sub):
        assert _sel(b, "6Rp").nilai == D("5500000"), b.kunci
        assert _sel(b, "7Rp").nilai == D("900000"), b.kunci
        assert _sel(b, "13Rp").nilai == D("1200000"), b.kunci
        assert _sel(b, "14Rp").nilai == D("2100000"), b.kunci
        assert _sel(b, "15Rp").teks == "38,18%", b.kunci
