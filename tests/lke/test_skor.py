"""The pure scoring function (lke.skor): hand-computed worksheets and the predikat band edges."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lke import skor

D = Decimal
AE = skor.NILAI_AE
YT = skor.NILAI_YT


def _k(*opsi):
    """Criteria answered with these options (Y/T or A–E)."""
    return [
        skor.Kriteria(identitas=f"X-{i}", kode=str(i), opsi=o, nilai=(YT | AE)[o])
        for i, o in enumerate(opsi)
    ]


def _lembar(isi: dict[str, tuple[str, list[tuple[str, list]]]]):
    """{kode komponen: (bobot, [(bobot sub, criteria)])}"""
    return [
        skor.Komponen(
            kode,
            kode,
            D(bobot),
            [skor.SubKomponen(f"{j}", f"{j}", D(b), k) for j, (b, k) in enumerate(subs, 1)],
        )
        for kode, (bobot, subs) in isi.items()
    ]


@pytest.mark.parametrize(
    ("nilai", "huruf"),
    [
        ("90.00", "A"),
        ("90.01", "AA"),
        ("100", "AA"),
        ("80.00", "BB"),
        ("80.01", "A"),
        ("70.00", "B"),
        ("73.80", "BB"),
        ("65.22", "B"),
        ("60.00", "CC"),
        ("50.00", "C"),
        ("30.01", "C"),
        ("30.00", "D"),
        ("0", "D"),
        # Decided on the total rounded to 2 places (ROUND_HALF_UP):
        ("89.995", "A"),
        ("90.005", "AA"),
        ("90.0049", "A"),
        ("70.004", "B"),
    ],
)
def test_predikat_batas_bawah_eksklusif(nilai, huruf):
    assert skor.predikat(D(nilai))[0] == huruf


def test_lembar_73_80_bb_dihitung_tangan():
    # A Perencanaan 30: 6 × mean(Y,Y)=1 → 6; 9 × mean(A,B,B,C)=0,75 → 6,75;
    #                   15 × mean(B,B)=0,75 → 11,25                         A = 24
    # B Pengukuran 30:  6 × 1 → 6; 9 × 0,75 → 6,75; 15 × mean(C,C)=0,5 → 7,5  B = 20,25
    # C Pelaporan 15:   3 × 1 → 3; 4,5 × mean(A,C,D,E)=1,75/4 → 1,96875;
    #                   7,5 × 0,75 → 5,625                                  C = 10,59375
    # D Evaluasi 25:    5 × 1 → 5; 7,5 × mean(A,C)=0,75 → 5,625;
    #                   12,5 × mean(A,B,D)=2/3 → 8,333…                     D = 18,958333…
    # Total 73,802083… → 73,80 → BB (seed 001).
    lembar = _lembar(
        {
            "A": ("30", [("6", _k("Y", "Y")), ("9", _k("A", "B", "B", "C")), ("15", _k("B", "B"))]),
            "B": ("30", [("6", _k("Y")), ("9", _k("B", "B")), ("15", _k("C", "C"))]),
            "C": ("15", [("3", _k("Y")), ("4.5", _k("A", "C", "D", "E")), ("7.5", _k("B"))]),
            "D": ("25", [("5", _k("Y", "Y")), ("7.5", _k("A", "C")), ("12.5", _k("A", "B", "D"))]),
        }
    )
    hasil = skor.hitung(lembar)
    assert [k.nilai for k in hasil.komponen][:3] == [D(24), D("20.25"), D("10.59375")]
    assert skor.bulatkan(hasil.komponen[3].nilai, 6) == D("18.958333")
    assert hasil.total_dibulatkan == D("73.80")
    assert hasil.predikat == "BB"
    assert hasil.sebutan == "Sangat Baik"


@pytest.mark.parametrize(
    ("opsi", "total", "huruf"), [("AAAAC", "90.00", "A"), ("AACCC", "70.00", "B")]
)
def test_lembar_tepat_di_batas(opsi, total, huruf):
    # Every sub-component has five criteria with mean 0,9 (A,A,A,A,C) or 0,7 (A,A,C,C,C):
    # the total is exactly 90,00 or 70,00, which lie in the lower band.
    bobot = {
        "A": ("30", "6 9 15"),
        "B": ("30", "6 9 15"),
        "C": ("15", "3 4.5 7.5"),
        "D": ("25", "5 7.5 12.5"),
    }
    lembar = _lembar({k: (b, [(w, _k(*opsi)) for w in s.split()]) for k, (b, s) in bobot.items()})
    hasil = skor.hitung(lembar)
    assert hasil.total_dibulatkan == D(total)
    assert hasil.predikat == huruf


def test_belum_dinilai_dihitung_nol_dan_ditandai():
    kriteria = [*_k("A"), skor.Kriteria(identitas="X-9", kode="9")]
    hasil = skor.hitung_sub_komponen(skor.SubKomponen("1", "K", D(9), kriteria))
    assert hasil.n == 2 and hasil.n_belum == 1
    assert hasil.rata_rata == D("0.5")
    assert hasil.nilai == D("4.5")


def test_jumlah_berbobot():
    # (1 × 2 + 0,5 × 1 + 0 × 1) / 4 × 8 = 5
    kriteria = [
        skor.Kriteria(identitas="a", kode="a", opsi="A", nilai=D(1), bobot=D(2)),
        skor.Kriteria(identitas="b", kode="b", opsi="C", nilai=D("0.5"), bobot=D(1)),
        skor.Kriteria(identitas="c", kode="c", opsi="E", nilai=D(0), bobot=D(1)),
    ]
    sub = skor.SubKomponen("1", "K", D(8), kriteria, skor.METODE_JUMLAH_BERBOBOT)
    assert skor.hitung_sub_komponen(sub).nilai == D(5)


def test_jejak_memuat_rumus_dan_setiap_kriteria():
    lembar = _lembar({"A": ("30", [("30", _k("A", "C"))])})
    jejak = skor.jejak(skor.hitung(lembar))
    sub = jejak["komponen"][0]["sub_komponen"][0]
    assert sub["rumus"] == skor.RUMUS[skor.METODE_RATA_RATA]
    assert (sub["n"], sub["rata_rata"], sub["bobot"], sub["nilai"]) == (2, "0.75", "30", "22.50")
    assert [c["opsi"] for c in sub["kriteria"]] == ["A", "C"]
    assert jejak["total_dibulatkan"] == "22.50" and jejak["predikat"] == "D"


@given(st.lists(st.sampled_from("ABCDE"), min_size=1, max_size=8))
def test_nilai_sub_komponen_tidak_melebihi_bobot(opsi):
    hasil = skor.hitung_sub_komponen(skor.SubKomponen("1", "K", D(15), _k(*opsi)))
    assert D(0) <= hasil.nilai <= D(15)
