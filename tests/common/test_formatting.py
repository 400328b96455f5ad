"""common/formatting.py: parsing, ROUND_HALF_UP rounding and Indonesian formatting."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from common.formatting import (
    ANGKA_ROMAWI,
    NAMA_BULAN,
    PESAN_BUKAN_ANGKA,
    PESAN_BULAN_TIDAK_VALID,
    PESAN_FLOAT,
    PESAN_JENIS_TIDAK_DIDUKUNG,
    PESAN_ROMAWI_TIDAK_VALID,
    PESAN_TEMPAT_TIDAK_VALID,
    PESAN_TIDAK_HINGGA,
    PESAN_TRIWULAN_TIDAK_VALID,
    TANDA_KOSONG,
    bulatkan,
    format_angka,
    format_bulan_tahun,
    format_persen,
    format_rupiah,
    format_tanggal,
    format_triwulan,
    parse_desimal,
    romawi,
)

# --- parse_desimal --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("teks", "harapan"),
    [
        ("7,8", Decimal("7.8")),
        ("7.8", Decimal("7.8")),
        ("65.22", Decimal("65.22")),  # the dataset's plain notation
        ("1.234,56", Decimal("1234.56")),
        ("1.234.567", Decimal("1234567")),
        ("1,234.5", Decimal("1234.5")),
        ("1,576,380,800", Decimal("1576380800")),
        ("187.545,500", Decimal("187545.500")),
        ("80%", Decimal("80")),
        (" 80 % ", Decimal("80")),
        ("Rp 5.911.790.846", Decimal("5911790846")),
        ("Rp.5.911.790.846,00", Decimal("5911790846.00")),
        ("Rp 1.000", Decimal("1000")),
        ("1.262.478.000,-", Decimal("1262478000")),
        ("-Rp 1.000", Decimal("-1000")),
        ("Rp -1.000", Decimal("-1000")),
        ("-3,5", Decimal("-3.5")),
        ("\u22123,5", Decimal("-3.5")),
        ("+3,5", Decimal("3.5")),
        ("0", Decimal("0")),
        ("0,125", Decimal("0.125")),
        ("\u00a07,8\u00a0", Decimal("7.8")),
    ],
)
def test_parse_desimal_reads_indonesian_and_plain_notation(teks, harapan):
    hasil = parse_desimal(teks)
    assert hasil == harapan
    assert isinstance(hasil, Decimal)


def test_parse_desimal_single_dot_is_a_decimal_point():
    assert parse_desimal("1.234") == Decimal("1.234")


def test_parse_desimal_single_dot_is_thousands_with_titik_ribuan():
    assert parse_desimal("7.489", titik_ribuan=True) == Decimal("7489")
    assert parse_desimal("7,8", titik_ribuan=True) == Decimal("7.8")
    with pytest.raises(ValueError, match=PESAN_BUKAN_ANGKA):
        parse_desimal("7.48", titik_ribuan=True)


@pytest.mark.parametrize("kosong", [None, "", "   ", "\u00a0"])
def test_parse_desimal_empty_is_none_not_zero(kosong):
    assert parse_desimal(kosong) is None


def test_parse_desimal_passes_decimal_and_int_through():
    assert parse_desimal(Decimal("65.22")) == Decimal("65.22")
    assert parse_desimal(7489) == Decimal(7489)
    assert isinstance(parse_desimal(7489), Decimal)


@pytest.mark.parametrize(
    "teks",
    [
        "abc",
        "-",
        "—",
        "1e5",
        "NaN",
        "Infinity",
        "200 orang",
        "1.23.4",
        "1,2.5",
        "1.234,5,6",
        ".5",
        "5.",
        "1_000",
        "\u0663",  # ARABIC-INDIC DIGIT THREE: Decimal would accept it, we do not
        "--3",
        "-Rp -1.000",
        "Rp 80%",
        "B (70)",
    ],
)
def test_parse_desimal_rejects_garbage_with_message(teks):
    with pytest.raises(ValueError, match=PESAN_BUKAN_ANGKA):
        parse_desimal(teks)


@pytest.mark.parametrize("nilai", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity")])
def test_parse_desimal_rejects_nan_and_infinity(nilai):
    with pytest.raises(ValueError, match=PESAN_TIDAK_HINGGA):
        parse_desimal(nilai)


def test_parse_desimal_rejects_float():
    with pytest.raises(TypeError, match=PESAN_FLOAT):
        parse_desimal(65.22)


@pytest.mark.parametrize("nilai", [True, [1], object()])
def test_parse_desimal_rejects_other_types(nilai):
    with pytest.raises(TypeError, match=PESAN_JENIS_TIDAK_DIDUKUNG):
        parse_desimal(nilai)


@given(st.text())
def test_parse_desimal_any_text_gives_decimal_none_or_value_error(teks):
    try:
        hasil = parse_desimal(teks)
    except ValueError as exc:
        assert str(exc) == PESAN_BUKAN_ANGKA
    else:
        assert hasil is None or (isinstance(hasil, Decimal) and hasil.is_finite())


# --- bulatkan -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "tempat", "harapan"),
    [
        (Decimal("0.125"), 2, "0.13"),
        (Decimal("-0.125"), 2, "-0.13"),
        (Decimal("89.3425"), 2, "89.34"),
        (Decimal("90.995"), 2, "91.00"),
        (Decimal("125"), 2, "125.00"),
        (Decimal("2.5"), 0, "3"),
        (Decimal("-0.001"), 2, "0.00"),  # never "-0.00"
        (7489, 0, "7489"),
    ],
)
def test_bulatkan_round_half_up(nilai, tempat, harapan):
    assert str(bulatkan(nilai, tempat)) == harapan


def test_bulatkan_keeps_large_values_exact():
    assert bulatkan(Decimal("123456789012345678901234567890123.455")) == Decimal(
        "123456789012345678901234567890123.46"
    )


def test_bulatkan_rejects_float_nan_and_bad_places():
    with pytest.raises(TypeError):
        bulatkan(0.125)
    with pytest.raises(ValueError, match=PESAN_TIDAK_HINGGA):
        bulatkan(Decimal("NaN"))
    with pytest.raises(ValueError, match=PESAN_TEMPAT_TIDAK_VALID):
        bulatkan(Decimal("1"), -1)


# --- format_angka, format_persen, format_rupiah ---------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "kwargs", "harapan"),
    [
        (Decimal("1234.56"), {}, "1.234,56"),
        (Decimal("1234.565"), {}, "1.234,57"),
        (Decimal("0.125"), {}, "0,13"),
        (Decimal("7489"), {"tempat": 0}, "7.489"),
        (Decimal("1234567.891"), {"tempat": 1}, "1.234.567,9"),
        (Decimal("125"), {}, "125,00"),
        (Decimal("125"), {"ringkas": True}, "125"),
        (Decimal("7.5"), {"ringkas": True}, "7,50"),
        (Decimal("-3.5"), {}, "-3,50"),
        (Decimal("-0.001"), {}, "0,00"),
        (Decimal("999.995"), {}, "1.000,00"),
        (0, {}, "0,00"),
        ("65.22", {}, "65,22"),
    ],
)
def test_format_angka_indonesian_notation(nilai, kwargs, harapan):
    assert format_angka(nilai, **kwargs) == harapan


def test_format_angka_none_is_dash():
    assert format_angka(None) == TANDA_KOSONG == "—"


def test_format_angka_rejects_float():
    with pytest.raises(TypeError, match=PESAN_FLOAT):
        format_angka(1.5)


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [
        (Decimal("89.34246575342465753424657534246575342466"), "89,34%"),
        (Decimal("101.0191"), "101,02%"),
        (Decimal("125"), "125,00%"),  # never capped
        (Decimal("0.125"), "0,13%"),
        (Decimal("100"), "100,00%"),
    ],
)
def test_format_persen(nilai, harapan):
    assert format_persen(nilai) == harapan


def test_format_persen_none_is_dash_without_percent_sign():
    assert format_persen(None) == "—"


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [
        (Decimal("5911790846"), "Rp 5.911.790.846"),
        (Decimal("32654909391.00"), "Rp 32.654.909.391"),
        (Decimal("999.5"), "Rp 1.000"),
        (Decimal("0.4"), "Rp 0"),
        (Decimal("-0.4"), "Rp 0"),
        (Decimal("-1000"), "-Rp 1.000"),
        (-514554900, "-Rp 514.554.900"),
        (0, "Rp 0"),
    ],
)
def test_format_rupiah(nilai, harapan):
    assert format_rupiah(nilai) == harapan


def test_format_rupiah_none_is_dash():
    assert format_rupiah(None) == "—"


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15))
def test_format_angka_round_trips_through_parse_desimal(nilai):
    assert parse_desimal(format_angka(nilai)) == bulatkan(nilai, 2)
    assert parse_desimal(format_angka(nilai, 0), titik_ribuan=True) == bulatkan(nilai, 0)


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15))
def test_format_rupiah_round_trips_through_parse_desimal(nilai):
    teks = format_rupiah(nilai)
    assert teks.startswith(("Rp ", "-Rp "))
    assert parse_desimal(teks) == bulatkan(nilai, 0)


# --- dates and roman numerals ---------------------------------------------------------------


def test_nama_bulan_januari_to_desember():
    assert len(NAMA_BULAN) == 12
    assert NAMA_BULAN[0] == "Januari"
    assert NAMA_BULAN[4] == "Mei"
    assert NAMA_BULAN[-1] == "Desember"


def test_format_tanggal():
    assert format_tanggal(date(2024, 1, 5)) == "5 Januari 2024"
    assert format_tanggal(date(2023, 12, 31)) == "31 Desember 2023"
    assert format_tanggal(datetime(2024, 8, 17, 10, 0)) == "17 Agustus 2024"
    assert format_tanggal(None) == "—"


def test_format_bulan_tahun_from_date_or_pair():
    assert format_bulan_tahun(date(2024, 1, 5)) == "Januari 2024"
    assert format_bulan_tahun((2024, 1)) == "Januari 2024"
    assert format_bulan_tahun((2023, 10)) == "Oktober 2023"
    assert format_bulan_tahun(None) == "—"


@pytest.mark.parametrize("bulan", [0, 13, True])
def test_format_bulan_tahun_rejects_bad_month(bulan):
    with pytest.raises(ValueError, match=PESAN_BULAN_TIDAK_VALID):
        format_bulan_tahun((2024, bulan))


def test_romawi_for_bands_and_quarters():
    assert [romawi(n) for n in range(1, 6)] == ["I", "II", "III", "IV", "V"]
    assert ANGKA_ROMAWI == {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
    assert romawi(2024) == "MMXXIV"
    assert format_triwulan(4) == "TW IV"


@pytest.mark.parametrize("n", [0, -1, 4000])
def test_romawi_rejects_out_of_range(n):
    with pytest.raises(ValueError, match=PESAN_ROMAWI_TIDAK_VALID):
        romawi(n)


def test_format_triwulan_rejects_fifth_quarter():
    with pytest.raises(ValueError, match=PESAN_TRIWULAN_TIDAK_VALID):
        format_triwulan(5)


def test_format_waktu_names_the_indonesian_zone():
    from datetime import UTC, timedelta, timezone
    from zoneinfo import ZoneInfo

    from common.formatting import format_waktu

    jakarta = datetime(2026, 12, 3, 14, 5, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert format_waktu(jakarta) == "3 Desember 2026 14.05 WIB"
    assert format_waktu(jakarta.astimezone(ZoneInfo("Asia/Makassar"))) == (
        "3 Desember 2026 15.05 WITA"
    )
    assert format_waktu(jakarta.astimezone(ZoneInfo("Asia/Jayapura"))) == (
        "3 Desember 2026 16.05 WIT"
    )
    assert format_waktu(jakarta.astimezone(UTC)) == "3 Desember 2026 07.05 UTC+0"
    india = timezone(timedelta(hours=5, minutes=30))
    assert format_waktu(jakarta.astimezone(india)).endswith("12.35 UTC+5.30")
    assert format_waktu(datetime(2026, 1, 5, 8, 0)) == "5 Januari 2026 08.00"
    assert format_waktu(None) == TANDA_KOSONG


@pytest.mark.parametrize(
    ("nilai", "harapan"),
    [
        (Decimal("61.7250"), "61,725"),
        (Decimal("1.5000"), "1,5"),
        (Decimal("7489.0000"), "7.489"),
        (Decimal("1234567.0001"), "1.234.567,0001"),
        (Decimal("-3.50"), "-3,5"),
        (Decimal("-0.0000"), "0"),
        (Decimal("1E+3"), "1.000"),
        (0, "0"),
        (None, TANDA_KOSONG),
    ],
)
def test_format_masukan_shows_the_number_as_typed(nilai, harapan):
    from common.formatting import format_masukan

    assert format_masukan(nilai) == harapan


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**15), max_value=10**15
    )
)
def test_format_masukan_round_trips_through_parse_desimal(nilai):
    from common.formatting import format_masukan

    assert parse_desimal(format_masukan(nilai), titik_ribuan=True) == nilai
