"""kinerja/capaian.py: the rules of DOMAIN.md §5 and §6, with the seeds' worked examples."""

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import common.formatting
from kinerja import capaian
from kinerja.capaian import (
    ALASAN_BELUM_ADA_REALISASI,
    ALASAN_NILAI_TIDAK_VALID,
    ALASAN_REALISASI_NEGATIF,
    ALASAN_REALISASI_NOL,
    ALASAN_RENTANG_TIDAK_VALID,
    ALASAN_TARGET_KOSONG,
    ALASAN_TARGET_NEGATIF,
    ALASAN_TARGET_NOL,
    CARA_AGREGASI,
    JENIS_NILAI,
    LABEL_PREDIKAT,
    NILAI_PREDIKAT,
    PESAN_ALASAN,
    PESAN_BATAS_RATA_RATA_TIDAK_VALID,
    PESAN_CARA_AGREGASI_TIDAK_DIKENAL,
    PESAN_POLARITAS_TIDAK_DIKENAL,
    POLARITAS,
    RUMUS_NEGATIF,
    SKALA_PERMENDAGRI_86_2017,
    HasilCapaian,
    Kategori,
    Pita,
    Warna,
    format_persen,
    gabung_triwulan,
    hitung_capaian,
    kategori,
    predikat_sakip,
    rata_rata_capaian,
)

NEGATIF = {"polaritas": "negatif"}
RASIO = {"polaritas": "negatif", "rumus_negatif": "rasio"}
PREDIKAT = {"jenis_nilai": "predikat"}


def persen(hasil: HasilCapaian) -> str:
    return format_persen(hasil.nilai)


# --- DOMAIN.md §5.1, row by row -------------------------------------------------------------


def test_positive_indicator_seed_000_idi_score():
    hasil = hitung_capaian(Decimal("78.50"), Decimal("79.30"))
    assert persen(hasil) == "101,02%"
    assert hasil.alasan is None
    assert hasil.perlu_penjelasan is False


def test_positive_indicator_seed_002_over_100_is_not_capped():
    hasil = hitung_capaian(Decimal("80"), Decimal("100"))
    assert hasil.nilai == Decimal("125")
    assert persen(hasil) == "125,00%"


def test_capaian_is_stored_unrounded():
    hasil = hitung_capaian(Decimal("78.50"), Decimal("79.30"))
    assert hasil.nilai != Decimal("101.02")
    assert hasil.nilai.as_tuple().exponent < -2


def test_negative_indicator_selisih_default():
    # 8 conflicts against a target of 10: (2·10 − 8) / 10 × 100
    hasil = hitung_capaian(10, 8, **NEGATIF)
    assert hasil.nilai == Decimal("120")
    assert persen(hasil) == "120,00%"


def test_negative_indicator_selisih_floored_at_zero():
    hasil = hitung_capaian(10, 30, **NEGATIF)
    assert hasil.nilai == Decimal("0")
    assert hasil.alasan is None
    assert hasil.catatan


def test_negative_indicator_selisih_at_double_target_is_zero():
    assert hitung_capaian(10, 20, **NEGATIF).nilai == Decimal("0")


def test_negative_indicator_rasio():
    assert hitung_capaian(10, 8, **RASIO).nilai == Decimal("125")
    assert hitung_capaian(10, 20, **RASIO).nilai == Decimal("50")


def test_negative_indicator_rasio_realisasi_zero_is_not_computable():
    hasil = hitung_capaian(10, 0, **RASIO)
    assert hasil.nilai is None
    assert hasil.alasan == ALASAN_REALISASI_NOL


def test_negative_indicator_rasio_negative_realisasi_is_not_computable():
    hasil = hitung_capaian(10, -2, **RASIO)
    assert hasil.nilai is None
    assert hasil.alasan == ALASAN_REALISASI_NEGATIF


@pytest.mark.parametrize("rumus", RUMUS_NEGATIF)
def test_negative_indicator_zero_target_zero_realisasi_is_100(rumus):
    # Seed 001: Angka Konflik Sosial Bernuansa SARA, 0 / 0 → 100%
    hasil = hitung_capaian(0, 0, polaritas="negatif", rumus_negatif=rumus)
    assert hasil.nilai == Decimal("100")
    assert persen(hasil) == "100,00%"
    assert hasil.perlu_penjelasan is False


@pytest.mark.parametrize("rumus", RUMUS_NEGATIF)
def test_negative_indicator_zero_target_missed_is_zero_and_needs_explanation(rumus):
    hasil = hitung_capaian(0, 3, polaritas="negatif", rumus_negatif=rumus)
    assert hasil.nilai == Decimal("0")
    assert hasil.alasan is None
    assert hasil.perlu_penjelasan is True
    assert any("penjelasan" in c for c in hasil.catatan)


def test_positive_indicator_zero_target_is_not_computable():
    hasil = hitung_capaian(0, 5)
    assert hasil.nilai is None
    assert hasil.alasan == ALASAN_TARGET_NOL
    assert format_persen(hasil.nilai) == "—"


def test_positive_indicator_missing_target():
    hasil = hitung_capaian(None, 5)
    assert hasil.nilai is None
    assert hasil.alasan == ALASAN_TARGET_KOSONG


@pytest.mark.parametrize("kwargs", [{}, NEGATIF, RASIO, PREDIKAT])
def test_missing_realisasi_is_never_zero(kwargs):
    # Seed 003 printed 0% for a missing Indeks Toleransi: wrong.
    hasil = hitung_capaian(10, None, **kwargs)
    assert hasil.nilai is None
    assert hasil.alasan == ALASAN_BELUM_ADA_REALISASI
    assert persen(hasil) == "—"


def test_empty_text_realisasi_is_missing():
    assert hitung_capaian("73", "").alasan == ALASAN_BELUM_ADA_REALISASI


def test_target_problem_takes_precedence_over_missing_realisasi():
    assert hitung_capaian(None, None).alasan == ALASAN_TARGET_KOSONG
    assert hitung_capaian(0, None).alasan == ALASAN_TARGET_NOL


def test_invalid_text_takes_precedence_over_missing_target():
    assert hitung_capaian(None, "banyak").alasan == ALASAN_NILAI_TIDAK_VALID


def test_zero_realisasi_on_positive_indicator_is_zero_not_missing():
    hasil = hitung_capaian(10, 0)
    assert hasil.nilai == Decimal("0")
    assert hasil.alasan is None


def test_negative_target_is_not_computable():
    assert hitung_capaian(-5, 3).alasan == ALASAN_TARGET_NEGATIF
    assert hitung_capaian(-5, 3, **NEGATIF).alasan == ALASAN_TARGET_NEGATIF


def test_predikat_numeric_scores_seed_002():
    # SAKIP target 73 (B), realisasi 65,22 → 89,34%
    hasil = hitung_capaian(73, "65,22", **PREDIKAT)
    assert persen(hasil) == "89,34%"
    assert hasil.catatan == ()


def test_predikat_letter_target_read_as_lower_bound_seed_001():
    hasil = hitung_capaian("BB", "73,80", **PREDIKAT)
    assert persen(hasil) == "105,43%"
    assert hasil.catatan == ("Target BB dibaca sebagai nilai 70 (batas bawah predikat)",)


def test_predikat_letter_realisasi_and_lowercase():
    hasil = hitung_capaian("bb", "a", **PREDIKAT)
    assert persen(hasil) == "114,29%"  # 80 / 70
    assert hasil.catatan == (
        "Target BB dibaca sebagai nilai 70 (batas bawah predikat)",
        "Realisasi A dibaca sebagai nilai 80 (batas bawah predikat)",
    )


@pytest.mark.parametrize("huruf", ["WTP", "E", "B (70)", "BBB"])
def test_predikat_unknown_letter_is_invalid(huruf):
    hasil = hitung_capaian(huruf, "73,80", **PREDIKAT)
    assert hasil.nilai is None
    assert hasil.alasan == ALASAN_NILAI_TIDAK_VALID


def test_predikat_letter_on_numeric_indicator_is_invalid():
    assert hitung_capaian("BB", "73,80").alasan == ALASAN_NILAI_TIDAK_VALID


@pytest.mark.parametrize(
    "target",
    [
        "80–90",
        "80-90",
        "80 - 90",
        "80 s.d. 90",
        "80 s/d 90",
        "80% – 90%",
        {"bawah": "80", "atas": "90"},
        {"bawah": Decimal(80), "atas": Decimal(90)},
        (80, 90),
    ],
)
def test_range_target_forms(target):
    assert hitung_capaian(target, 85).nilai == Decimal(100)
    assert hitung_capaian(target, 70).nilai == Decimal(70) * 100 / Decimal(80)
    assert hitung_capaian(target, 99).nilai == Decimal(99) * 100 / Decimal(90)


def test_range_with_explicit_bounds():
    kwargs = {"jenis_nilai": "rentang", "batas_bawah": 80, "batas_atas": 90}
    assert hitung_capaian(None, 80, **kwargs).nilai == Decimal(100)
    assert hitung_capaian(None, 90, **kwargs).nilai == Decimal(100)
    dalam = hitung_capaian(None, "85,5", **kwargs)
    assert dalam.nilai == Decimal(100)
    assert dalam.catatan == ("Realisasi berada dalam rentang target 80–90: capaian 100%",)
    bawah = hitung_capaian(None, 72, **kwargs)
    assert persen(bawah) == "90,00%"
    assert "batas bawah 80" in bawah.catatan[0]
    atas = hitung_capaian(None, 108, **kwargs)
    assert persen(atas) == "120,00%"
    assert "batas atas 90" in atas.catatan[0]


def test_range_negative_polarity_uses_the_missed_bound():
    kwargs = {"polaritas": "negatif", "batas_bawah": 5, "batas_atas": 10}
    assert hitung_capaian(None, 7, **kwargs).nilai == Decimal(100)
    assert hitung_capaian(None, 4, **kwargs).nilai == Decimal(120)  # (2·5 − 4) / 5
    assert hitung_capaian(None, 12, **kwargs).nilai == Decimal(80)  # (2·10 − 12) / 10


def test_range_explicit_bounds_win_over_target_with_note():
    hasil = hitung_capaian(50, 85, batas_bawah=80, batas_atas=90)
    assert hasil.nilai == Decimal(100)
    assert "diabaikan" in hasil.catatan[0]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"batas_bawah": 80},
        {"batas_atas": 90},
        {"batas_bawah": 90, "batas_atas": 80},
    ],
)
def test_range_incomplete_or_reversed_is_invalid(kwargs):
    hasil = hitung_capaian(None, 85, jenis_nilai="rentang", **kwargs)
    assert hasil.nilai is None
    assert hasil.alasan == ALASAN_RENTANG_TIDAK_VALID


def test_range_dict_with_both_bounds_missing_is_missing_target():
    assert hitung_capaian({"bawah": None, "atas": None}, 85).alasan == ALASAN_TARGET_KOSONG


def test_range_single_number_is_an_ordinary_target():
    assert hitung_capaian("80", 100, jenis_nilai="rentang").nilai == Decimal(125)


@pytest.mark.parametrize(
    ("target", "realisasi", "harapan"),
    [
        ("7,8", "7,8", "100,00%"),
        ("7.8", "7,8", "100,00%"),
        ("80%", "100 %", "125,00%"),
        ("1.234,56", "1.234,56", "100,00%"),
        ("78,50", "79,30", "101,02%"),
    ],
)
def test_indonesian_text_inputs(target, realisasi, harapan):
    assert persen(hitung_capaian(target, realisasi)) == harapan


def test_unrounded_ratio_realisasi_reveals_a_miss_seed_001():
    # 7.489 orang / 96.016 pemilih = 7,7997…%, printed 7,8%: the target 7,8 was missed.
    realisasi = Decimal(7489) * 100 / Decimal(96016)
    hasil = hitung_capaian("7,8", realisasi)
    assert hasil.nilai < 100
    assert persen(hasil) == "100,00%"


@pytest.mark.parametrize("teks", ["banyak", "1e5", "-", "200 orang", "NaN"])
def test_bad_text_gives_nilai_tidak_valid(teks):
    for target, realisasi in ((teks, 5), (5, teks)):
        hasil = hitung_capaian(target, realisasi)
        assert hasil.nilai is None
        assert hasil.alasan == ALASAN_NILAI_TIDAK_VALID


def test_nan_decimal_gives_nilai_tidak_valid():
    assert hitung_capaian(Decimal("NaN"), 5).alasan == ALASAN_NILAI_TIDAK_VALID
    assert hitung_capaian(5, Decimal("-Infinity")).alasan == ALASAN_NILAI_TIDAK_VALID


@pytest.mark.parametrize(
    "args", [(78.5, 79.3), (Decimal(78), 79.3), ({"bawah": 80.0, "atas": 90}, 85)]
)
def test_float_input_raises_type_error(args):
    with pytest.raises(TypeError):
        hitung_capaian(*args)


def test_float_bound_raises_type_error():
    with pytest.raises(TypeError):
        hitung_capaian(None, 85, batas_bawah=80.0, batas_atas=90)


def test_unknown_polarity_is_a_programming_error():
    with pytest.raises(ValueError, match=PESAN_POLARITAS_TIDAK_DIKENAL):
        hitung_capaian(10, 8, polaritas="turun")


def test_none_parameters_select_defaults():
    hasil = hitung_capaian(80, 100, polaritas=None, rumus_negatif=None, jenis_nilai=None)
    assert hasil.nilai == Decimal(125)


def test_hasil_capaian_is_frozen_and_explains_itself():
    hasil = hitung_capaian(10, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        hasil.nilai = Decimal(1)
    assert hasil.pesan == PESAN_ALASAN[ALASAN_BELUM_ADA_REALISASI]
    assert hitung_capaian(10, 10).pesan is None


def test_every_alasan_code_has_a_message():
    kode = {v for k, v in vars(capaian).items() if k.startswith("ALASAN_")}
    assert kode == set(PESAN_ALASAN)
    assert all(isinstance(p, str) and p for p in PESAN_ALASAN.values())


def test_format_functions_are_reexported_not_duplicated():
    assert capaian.format_persen is common.formatting.format_persen
    assert capaian.format_angka is common.formatting.format_angka
    assert capaian.format_rupiah is common.formatting.format_rupiah


# --- DOMAIN.md §6: category bands -----------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "label", "urutan"),
    [
        ("90,99", "Tinggi", "II"),
        ("90,995", "Sangat Tinggi", "I"),
        ("91", "Sangat Tinggi", "I"),
        ("75,99", "Sedang", "III"),
        ("75,995", "Tinggi", "II"),
        ("76", "Tinggi", "II"),
        ("65,99", "Rendah", "IV"),
        ("65,995", "Sedang", "III"),
        ("66", "Sedang", "III"),
        ("50,5", "Sangat Rendah", "V"),
        ("50,99", "Sangat Rendah", "V"),
        ("50,995", "Rendah", "IV"),
        ("51", "Rendah", "IV"),
        ("0", "Sangat Rendah", "V"),
        ("-10", "Sangat Rendah", "V"),
        ("100", "Sangat Tinggi", "I"),
        ("125", "Sangat Tinggi", "I"),
    ],
)
def test_kategori_band_edges(nilai, label, urutan):
    hasil = kategori(common.formatting.parse_desimal(nilai))
    assert hasil.label == label
    assert hasil.urutan == urutan


def test_kategori_colours():
    assert kategori(Decimal(125)).warna.nama == "Hijau Tua"
    assert kategori(Decimal(80)).warna.nama == "Hijau Muda"
    assert kategori(Decimal(70)).warna.nama == "Kuning Tua"
    assert kategori(Decimal(60)).warna.nama == "Kuning Muda"
    assert kategori(Decimal(20)).warna == Warna("Merah", "#FF0000")
    assert all(p.warna.hex.startswith("#") for p in SKALA_PERMENDAGRI_86_2017)


def test_kategori_none_is_none():
    assert kategori(None) is None


def test_kategori_of_seed_values():
    assert kategori(hitung_capaian(73, "65,22").nilai).label == "Tinggi"  # 89,34
    assert kategori(hitung_capaian(80, 100).nilai) == Kategori(
        "Sangat Tinggi", "I", Warna("Hijau Tua", "#006400")
    )


def test_kategori_custom_scale_in_any_order():
    hijau, merah = Warna("Hijau", "#00FF00"), Warna("Merah", "#FF0000")
    skala = [
        Pita(None, "Sangat Kurang", "E", merah),
        Pita("90", "Sangat Baik", "A", hijau),
        Pita(Decimal("70"), "Baik", "B", hijau),
    ]
    assert kategori(Decimal("95"), skala).label == "Sangat Baik"
    assert kategori(Decimal("89.995"), skala).label == "Sangat Baik"
    assert kategori(Decimal("70"), skala).label == "Baik"
    assert kategori(Decimal("69.99"), skala).label == "Sangat Kurang"


def test_kategori_scale_without_catch_all_does_not_cover_low_values():
    skala = [Pita(Decimal("50"), "Cukup", "I", Warna("Hijau", "#00FF00"))]
    assert kategori(Decimal("49"), skala) is None


def test_pita_rejects_float_bound():
    with pytest.raises(TypeError):
        Pita(91.0, "Sangat Tinggi", "I", Warna("Hijau Tua", "#006400"))


# --- DOMAIN.md §6: SAKIP predikat -----------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "huruf"),
    [
        ("90,00", "A"),
        ("90,004", "A"),
        ("90,005", "AA"),
        ("90,01", "AA"),
        ("100", "AA"),
        ("80", "BB"),
        ("80,01", "A"),
        ("73,80", "BB"),  # seed 001
        ("67,93", "B"),  # seed 001, previous year
        ("65,22", "B"),  # seed 002
        ("60", "CC"),
        ("50,01", "CC"),
        ("50", "C"),
        ("30,01", "C"),
        ("30", "D"),
        ("0", "D"),
    ],
)
def test_predikat_sakip_exclusive_lower_bounds(nilai, huruf):
    assert predikat_sakip(common.formatting.parse_desimal(nilai)) == huruf


def test_predikat_sakip_none_is_none():
    assert predikat_sakip(None) is None


def test_predikat_tables():
    assert NILAI_PREDIKAT["BB"] == Decimal(70)
    assert NILAI_PREDIKAT["B"] == Decimal(60)
    assert list(NILAI_PREDIKAT) == ["AA", "A", "BB", "B", "CC", "C", "D"]
    assert LABEL_PREDIKAT["AA"] == "Sangat Memuaskan"
    assert LABEL_PREDIKAT["BB"] == "Sangat Baik"
    assert LABEL_PREDIKAT["D"] == "Sangat Kurang"
    assert set(LABEL_PREDIKAT) == set(NILAI_PREDIKAT)


# --- DOMAIN.md §5.3: quarters ---------------------------------------------------------------


def test_gabung_triwulan_kumulatif_sums_reported_quarters():
    assert gabung_triwulan([20, 30, None, "50"], "kumulatif") == Decimal(100)


def test_gabung_triwulan_posisi_akhir_takes_last_reported():
    assert gabung_triwulan([None, None, None, "65.22"], "posisi_akhir") == Decimal("65.22")
    assert gabung_triwulan([60, Decimal("62.5"), None, None], "posisi_akhir") == Decimal("62.5")


def test_gabung_triwulan_rata_rata_of_reported_quarters():
    assert gabung_triwulan([80, None, 90, None], "rata_rata") == Decimal(85)
    hasil = gabung_triwulan([1, 1, 2], "rata_rata")
    assert str(hasil).startswith("1.33333333333333333333")  # unrounded


@pytest.mark.parametrize("cara", CARA_AGREGASI)
def test_gabung_triwulan_nothing_reported_is_none(cara):
    assert gabung_triwulan([None, None, None, None], cara) is None
    assert gabung_triwulan([], cara) is None


def test_gabung_triwulan_stock_indicator_is_not_summed_seed_002():
    # Penyediaan Gaji: 93 orang/bulan each quarter is 93, not 372.
    assert gabung_triwulan([93, 93, 93, 93], "posisi_akhir") == Decimal(93)
    assert gabung_triwulan([93, 93, 93, 93], "kumulatif") == Decimal(372)


def test_gabung_triwulan_unknown_rule():
    with pytest.raises(ValueError, match=PESAN_CARA_AGREGASI_TIDAK_DIKENAL):
        gabung_triwulan([1, 2], "maksimum")


# --- DOMAIN.md §5.2: averages ---------------------------------------------------------------

TABEL_7_SEED_002 = [Decimal("89.34"), 100, 125, 125, 100, 100]


def test_rata_rata_capaian_seed_002_table_7():
    # Printed 98,18: matches neither the mean nor the capped mean.
    assert format_persen(rata_rata_capaian(TABEL_7_SEED_002)) == "106,56%"


def test_rata_rata_capaian_seed_002_table_7_capped_at_100():
    assert format_persen(rata_rata_capaian(TABEL_7_SEED_002, batas_atas=100)) == "98,22%"


def test_rata_rata_capaian_seed_002_table_8_is_a_mean_not_a_sum():
    # Printed 189,34% = 89,34 + 100.
    assert format_persen(rata_rata_capaian(["89,34", 100])) == "94,67%"


def test_rata_rata_capaian_ignores_missing():
    assert rata_rata_capaian([Decimal(80), None, Decimal(100)]) == Decimal(90)
    assert rata_rata_capaian([None, None]) is None
    assert rata_rata_capaian([]) is None


def test_rata_rata_capaian_is_unrounded():
    assert str(rata_rata_capaian([1, 1, 2])).startswith("1.33333333333333333333")


def test_rata_rata_capaian_cap_does_not_change_inputs():
    nilai = [Decimal(125), Decimal(80)]
    assert rata_rata_capaian(nilai, batas_atas=Decimal(120)) == Decimal(100)
    assert nilai == [Decimal(125), Decimal(80)]


@pytest.mark.parametrize("batas", [0, -100])
def test_rata_rata_capaian_rejects_non_positive_cap(batas):
    with pytest.raises(ValueError, match=PESAN_BATAS_RATA_RATA_TIDAK_VALID):
        rata_rata_capaian([Decimal(100)], batas_atas=batas)


# --- Properties -----------------------------------------------------------------------------

teks_angka = st.from_regex(r"\A[-+]?[0-9]{1,7}([.,][0-9]{1,3}){0,3} ?%?\Z")
teks_khusus = st.sampled_from(
    [
        "",
        " ",
        "7,8",
        "1.234,56",
        "80%",
        "Rp 5.911.790.846",
        "-3,5",
        "AA",
        "BB",
        "d",
        "WTP",
        "80–90",
        "80-90",
        "90-80",
        "80 s.d. 90",
        "-5--3",
        "-",
        "NaN",
        "Infinity",
        "1e999999999999",
    ]
)
masukan = st.one_of(
    st.none(),
    st.integers(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(places=2, min_value=-1000, max_value=1000),
    st.text(),
    teks_angka,
    teks_khusus,
)
target_apa_saja = st.one_of(
    masukan,
    st.fixed_dictionaries({"bawah": masukan, "atas": masukan}),
    st.tuples(masukan, masukan),
)
parameter = st.fixed_dictionaries(
    {
        "polaritas": st.sampled_from((*POLARITAS, None)),
        "rumus_negatif": st.sampled_from((*RUMUS_NEGATIF, None)),
        "jenis_nilai": st.sampled_from((*JENIS_NILAI, None)),
        "batas_bawah": st.one_of(st.none(), masukan),
        "batas_atas": st.one_of(st.none(), masukan),
    }
)


def _tanpa_float(nilai) -> bool:
    if isinstance(nilai, float):
        return False
    if isinstance(nilai, tuple):
        return all(_tanpa_float(n) for n in nilai)
    return True


@settings(max_examples=500, deadline=None)
@given(target_apa_saja, masukan, parameter)
def test_property_hitung_capaian_never_raises(target, realisasi, kwargs):
    hasil = hitung_capaian(target, realisasi, **kwargs)
    assert isinstance(hasil, HasilCapaian)
    if hasil.nilai is None:
        assert hasil.alasan in PESAN_ALASAN
    else:
        assert hasil.alasan is None
        assert hasil.nilai.is_finite()
    assert isinstance(hasil.catatan, tuple)
    assert all(isinstance(c, str) for c in hasil.catatan)
    assert isinstance(hasil.perlu_penjelasan, bool)


@settings(max_examples=300, deadline=None)
@given(target_apa_saja, masukan, parameter)
def test_property_no_float_in_any_field_of_a_result(target, realisasi, kwargs):
    hasil = hitung_capaian(target, realisasi, **kwargs)
    for medan in dataclasses.fields(hasil):
        assert _tanpa_float(getattr(hasil, medan.name)), medan.name
    assert hasil.nilai is None or type(hasil.nilai) is Decimal


nilai_terbatas = st.decimals(min_value=-(10**6), max_value=10**6, places=4)
nilai_positif = st.decimals(min_value=0, max_value=10**6, places=4)


@st.composite
def target_terbatas(draw):
    """A plain target, or a range {bawah ≤ atas}, both non-negative."""
    pertama, kedua = draw(nilai_positif), draw(nilai_positif)
    if draw(st.booleans()):
        return pertama
    return {"bawah": min(pertama, kedua), "atas": max(pertama, kedua)}


def _dua_capaian(target, r1, r2, **kwargs):
    rendah, tinggi = sorted((r1, r2))
    c_rendah = hitung_capaian(target, rendah, **kwargs).nilai
    c_tinggi = hitung_capaian(target, tinggi, **kwargs).nilai
    assume(c_rendah is not None and c_tinggi is not None)
    return c_rendah, c_tinggi


@given(target_terbatas(), nilai_terbatas, nilai_terbatas)
def test_property_positive_capaian_non_decreasing_in_realisasi(target, r1, r2):
    c_rendah, c_tinggi = _dua_capaian(target, r1, r2)
    assert c_rendah <= c_tinggi


@pytest.mark.parametrize("rumus", RUMUS_NEGATIF)
@given(target=target_terbatas(), r1=nilai_terbatas, r2=nilai_terbatas)
def test_property_negative_capaian_non_increasing_in_realisasi(rumus, target, r1, r2):
    c_rendah, c_tinggi = _dua_capaian(target, r1, r2, polaritas="negatif", rumus_negatif=rumus)
    assert c_rendah >= c_tinggi


@given(nilai_positif.filter(lambda t: t > 0), nilai_terbatas)
def test_property_negative_selisih_is_never_below_zero(target, realisasi):
    assert hitung_capaian(target, realisasi, **NEGATIF).nilai >= 0


URUTAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
nilai_kategori = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False),
    st.decimals(min_value=40, max_value=100, places=3),
)


@given(nilai_kategori, nilai_kategori)
def test_property_kategori_monotonic_in_nilai(n1, n2):
    rendah, tinggi = sorted((n1, n2))
    assert URUTAN[kategori(rendah).urutan] >= URUTAN[kategori(tinggi).urutan]


@given(nilai_kategori, nilai_kategori)
def test_property_predikat_sakip_monotonic_in_nilai(n1, n2):
    rendah, tinggi = sorted((n1, n2))
    urutan = list(NILAI_PREDIKAT)
    assert urutan.index(predikat_sakip(rendah)) >= urutan.index(predikat_sakip(tinggi))


@given(st.lists(st.one_of(st.none(), nilai_terbatas), max_size=12))
def test_property_rata_rata_between_min_and_max_and_cap_never_raises_it(nilai):
    ada = [n for n in nilai if n is not None]
    rata = rata_rata_capaian(nilai)
    if not ada:
        assert rata is None
        return
    assert min(ada) <= rata <= max(ada)
    assert rata_rata_capaian(nilai, batas_atas=100) <= rata


@given(st.lists(st.one_of(st.none(), nilai_terbatas), max_size=4))
def test_property_gabung_triwulan_kumulatif_is_exact_sum(nilai):
    ada = [n for n in nilai if n is not None]
    hasil = gabung_triwulan(nilai, "kumulatif")
    assert hasil == (sum(ada, Decimal(0)) if ada else None)
