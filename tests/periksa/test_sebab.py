"""Reading printed numbers and the table of known error patterns (periksa.sebab)."""

from decimal import Decimal

import pytest

from periksa.sebab import (
    SEBAB,
    AngkaTercetak,
    AngkaTidakSah,
    Konteks,
    baca_angka,
    cari_sebab,
    cocok,
    sebab_dibatasi_100,
    sebab_dipotong,
    sebab_jumlah,
    sebab_kosong_nol,
    sebab_masukan,
    sebab_realisasi,
)

D = Decimal


@pytest.mark.parametrize(
    ("teks", "ribuan", "nilai", "tempat"),
    [
        ("89%", False, "89", 0),
        ("89,34", False, "89.34", 2),
        ("65.22", False, "65.22", 2),
        ("59,97-", False, "59.97", 2),
        ("130 orang", False, "130", 0),
        ("5 (Lima) potensi konflik", False, "5", 0),
        ("7,8%", False, "7.8", 1),
        ("1.262.478.000,-", True, "1262478000", 0),
        ("31.919.961.461,00, -", True, "31919961461", 0),
        ("Rp. 45.267.771.529", False, "45267771529", 0),
        ("Rp 2.648.999.000,00", True, "2648999000", 0),
        ("1.000", True, "1000", 0),
    ],
)
def test_printed_numbers_are_read_with_their_decimals(teks, ribuan, nilai, tempat):
    assert baca_angka(teks, ribuan=ribuan) == AngkaTercetak(D(nilai), tempat)


@pytest.mark.parametrize("teks", ["-", "", None, "B (70)", "2 Dokumen Dan 10 Kec", "Sangat Tinggi"])
def test_text_and_compound_cells_hold_no_number(teks):
    assert baca_angka(teks) is None


@pytest.mark.parametrize("teks", ["2.67.338.000", "187.545,500", "1,581,630,000"])
def test_malformed_amounts_are_refused(teks):
    with pytest.raises(AngkaTidakSah):
        baca_angka(teks, ribuan=True)


def test_printed_value_is_compared_at_its_own_precision():
    assert cocok(D("89.3425"), AngkaTercetak(D("89.34"), 2))
    assert cocok(D("21.739"), AngkaTercetak(D("22"), 0))  # "22 %" for 10 / 46
    assert not cocok(D("65"), AngkaTercetak(D("89"), 0))
    assert not cocok(D("98.225"), AngkaTercetak(D("98.22"), 2))  # half up: 98,23


def _k(tercetak, benar, tempat=2, **lain):
    return Konteks(tercetak=AngkaTercetak(D(tercetak), tempat), benar=benar, **lain)


# (pattern, a context where it must fire, one where it must not)
KASUS = [
    (
        sebab_jumlah,
        _k("189.34", D("94.67"), rata_rata=True, komponen_tercetak=(D("89.34"), D("100"))),
        _k("94.67", D("89.34"), rata_rata=True, komponen_tercetak=(D("89.34"), D("100"))),
    ),
    (
        sebab_dipotong,
        _k("7.79", D("7.7997")),
        _k("7.78", D("7.7997")),
    ),
    (
        sebab_dibatasi_100,
        _k("100", D("125"), 0),
        _k("100", D("99.5"), 0),
    ),
    (
        sebab_dibatasi_100,
        _k(
            "98.22",
            D("106.56"),
            rata_rata=True,
            komponen=(D("89.34"), D("125"), D("100")) + (D("125"), D("100"), D("100")),
        ),
        _k(
            "98.18",
            D("106.56"),
            rata_rata=True,
            komponen=(D("89.34"), D("125"), D("100")) + (D("125"), D("100"), D("100")),
        ),
    ),
    (
        sebab_realisasi,
        _k("59.97", D("99.95"), realisasi=D("59.97")),
        _k("99.95", D("99.95"), realisasi=D("59.97")),
    ),
    (
        sebab_kosong_nol,
        _k("0", None, 0),
        _k("0", D("0"), 0),
    ),
    (
        sebab_masukan,
        _k("98.34", D("99.84"), dari_masukan_tercetak=D("98.343"), masukan_tercetak="a / b"),
        _k("98.34", D("99.84"), dari_masukan_tercetak=D("99.84"), masukan_tercetak="a / b"),
    ),
]


@pytest.mark.parametrize(("pola", "kena", "tidak"), KASUS)
def test_each_cause_pattern_fires_only_on_its_mistake(pola, kena, tidak):
    assert pola(kena)
    assert pola(tidak) is None


def test_every_pattern_of_the_table_is_tested():
    assert {f for _kode, f in SEBAB} == {pola for pola, _k, _t in KASUS}


def test_explanations_name_the_numbers():
    konteks = _k("189.34", D("89.34"), rata_rata=True, komponen_tercetak=(D("89.34"), D("100")))
    assert cari_sebab(konteks) == ("rata-rata dicetak sebagai jumlah: 89,34 + 100 = 189,34",)
    assert cari_sebab(_k("65", D("65"), 0)) == ()
