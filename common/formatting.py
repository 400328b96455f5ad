"""Rounding, parsing and Indonesian formatting of numbers and dates: the single place for them.

Pure Python (no Django import) so the capaian engine, selectors, exports and templates all share
one implementation.

Contracts:
- Numbers are ``Decimal``. Floats never enter: every function here raises ``TypeError`` for a
  ``float`` (binary fractions cannot hold 65,22 exactly).
- Rounding is ``ROUND_HALF_UP`` (0,125 → 0,13; −0,125 → −0,13), the rule Indonesian reports and
  spreadsheets use, and happens only here, at display time or when a category is read.
- Indonesian notation: dot for thousands, comma for decimals (``1.234,56``).
- ``None`` means "no data" and is printed as an em dash (``TANDA_KOSONG``), never as 0.
"""

import re
from datetime import date, datetime, timedelta
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Context, Decimal
from typing import Any

__all__ = [
    "ANGKA_ROMAWI",
    "NAMA_BULAN",
    "PESAN_BUKAN_ANGKA",
    "PESAN_BULAN_TIDAK_VALID",
    "PESAN_FLOAT",
    "PESAN_JENIS_TIDAK_DIDUKUNG",
    "PESAN_ROMAWI_TIDAK_VALID",
    "PESAN_TEMPAT_TIDAK_VALID",
    "PESAN_TIDAK_HINGGA",
    "PESAN_TRIWULAN_TIDAK_VALID",
    "PRESISI",
    "TANDA_KOSONG",
    "bulatkan",
    "format_angka",
    "format_bulan_tahun",
    "format_masukan",
    "format_persen",
    "format_rupiah",
    "format_tanggal",
    "format_triwulan",
    "format_waktu",
    "parse_angka_teks",
    "parse_desimal",
    "romawi",
]

# Error messages (module-level so tests and forms can assert them).
PESAN_BUKAN_ANGKA = "Isian harus berupa angka, misalnya 1.234,56."
PESAN_TIDAK_HINGGA = "Isian harus berupa angka terhingga, bukan NaN atau tak hingga."
PESAN_FLOAT = (
    "Nilai float tidak diterima karena tidak tepat untuk angka desimal; "
    "gunakan Decimal, bilangan bulat, atau teks angka."
)
PESAN_JENIS_TIDAK_DIDUKUNG = (
    "Jenis nilai tidak didukung; gunakan Decimal, bilangan bulat, atau teks angka."
)
PESAN_TEMPAT_TIDAK_VALID = "Jumlah angka di belakang koma harus bilangan bulat 0 atau lebih."
PESAN_BULAN_TIDAK_VALID = "Bulan harus bilangan bulat 1 sampai 12."
PESAN_ROMAWI_TIDAK_VALID = "Angka Romawi hanya tersedia untuk bilangan bulat 1 sampai 3999."
PESAN_TRIWULAN_TIDAK_VALID = "Triwulan harus bilangan bulat 1 sampai 4."

TANDA_KOSONG = "—"
"""Printed for a missing value ("belum ada data"); never 0."""

PREDIKAT = ("AA", "A", "BB", "B", "CC", "C", "D")
"""The SAKIP predikat letters, best first (PermenPANRB 88/2021); the engine scores them."""

PRESISI = 40
"""Significant digits of intermediate Decimal results (the global context is never changed)."""

NAMA_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
"""Month names; ``NAMA_BULAN[bulan - 1]`` (index 0 is Januari)."""

ANGKA_ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
"""Roman numerals of the category bands (I–V) and quarters (TW I–IV); ``romawi(n)`` for others."""

_ROMAWI_NILAI = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)

# One number as written by a person or a spreadsheet: optional sign and "Rp" in either order,
# digits with "." and "," separators, an optional "%" or the rupiah tail ",-". Digits are ASCII
# only ([0-9], not \d) so that Decimal never sees other scripts' digits or "_" separators.
_POLA_ANGKA = re.compile(
    r"""
    (?P<tanda_depan>[-+\u2212])?\s*
    (?P<rp>rp\.?)?\s*
    (?P<tanda>[-+\u2212])?\s*
    (?P<angka>[0-9]+(?:[.,][0-9]+)*)
    (?P<ekor>,-|\s*%)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_POLA_RIBUAN = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})*")
_SPASI_KHUSUS = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})


def _konteks(presisi: int = PRESISI) -> Context:
    """A fresh context for one computation: exponent limits wide enough never to overflow."""
    return Context(prec=presisi, rounding=ROUND_HALF_UP, Emax=MAX_EMAX, Emin=MIN_EMIN)


def _periksa_tempat(tempat: int) -> None:
    if isinstance(tempat, bool) or not isinstance(tempat, int) or tempat < 0:
        raise ValueError(PESAN_TEMPAT_TIDAK_VALID)


def bulatkan(nilai: Decimal, tempat: int = 2) -> Decimal:
    """Round ``nilai`` to ``tempat`` decimal places, ROUND_HALF_UP (away from zero on a tie).

    Returns a Decimal with exactly ``tempat`` places (``bulatkan(Decimal("125")) ==
    Decimal("125.00")``); a result of zero is never negative ("-0.00" becomes "0.00").
    Accepts Decimal or int; raises ``TypeError`` for a float and ``ValueError`` for NaN or
    infinity. The precision adapts to the magnitude, so no value is silently truncated.
    """
    angka = parse_desimal(nilai) if not isinstance(nilai, Decimal) else nilai
    if angka is None or not angka.is_finite():
        raise ValueError(PESAN_TIDAK_HINGGA)
    _periksa_tempat(tempat)
    presisi = max(PRESISI, angka.adjusted() + tempat + 2)
    hasil = angka.quantize(Decimal(1).scaleb(-tempat), context=_konteks(presisi))
    return hasil.copy_abs() if hasil.is_zero() else hasil


def _baca_teks(teks: str, titik_ribuan: bool) -> Decimal | None:
    bersih = teks.translate(_SPASI_KHUSUS).strip()
    if not bersih:
        return None
    cocok = _POLA_ANGKA.fullmatch(bersih)
    if cocok is None:
        raise ValueError(PESAN_BUKAN_ANGKA)
    if cocok["tanda_depan"] and cocok["tanda"]:
        raise ValueError(PESAN_BUKAN_ANGKA)
    if cocok["rp"] and cocok["ekor"] and "%" in cocok["ekor"]:
        raise ValueError(PESAN_BUKAN_ANGKA)
    tanda = cocok["tanda_depan"] or cocok["tanda"] or ""
    negatif = tanda in ("-", "\u2212")
    # Rupiah amounts are written in Indonesian notation: "Rp 1.000" is one thousand.
    return _baca_digit(cocok["angka"], negatif, titik_ribuan or bool(cocok["rp"]))


def _baca_digit(angka: str, negatif: bool, titik_ribuan: bool) -> Decimal:
    """Read digits with "." and "," separators (see ``parse_desimal`` for the rules)."""
    titik, koma = angka.count("."), angka.count(",")
    if titik and koma:
        # Both separators: the last one is the decimal separator and occurs once.
        pemisah_desimal = "." if angka.rfind(".") > angka.rfind(",") else ","
        if angka.count(pemisah_desimal) != 1:
            raise ValueError(PESAN_BUKAN_ANGKA)
        bulat, _, pecahan = angka.partition(pemisah_desimal)
    elif koma == 1 or (titik == 1 and not titik_ribuan):
        # A single separator is a decimal separator: "7,8" and the dataset's plain "65.22".
        bulat, _, pecahan = angka.replace(",", ".").partition(".")
    else:
        bulat, pecahan = angka, ""
    if ("." in bulat or "," in bulat) and (
        _POLA_RIBUAN.fullmatch(bulat) is None or ("." in bulat and "," in bulat)
    ):
        # Thousands separators must group by three: "1.234.567", never "1.23.4".
        raise ValueError(PESAN_BUKAN_ANGKA)
    digit = bulat.replace(".", "").replace(",", "")
    teks_desimal = f"{'-' if negatif else ''}{digit}{'.' + pecahan if pecahan else ''}"
    return Decimal(teks_desimal)


def parse_desimal(
    teks: Decimal | int | str | None, *, titik_ribuan: bool = False
) -> Decimal | None:
    """Read a number written in Indonesian or plain notation; ``None`` for no value.

    Accepted: ``Decimal``, ``int`` and text such as ``"7,8"``, ``"7.8"``, ``"65.22"``,
    ``"1.234,56"``, ``"1.234.567"``, ``"1,234.5"``, ``"-3,5"``, ``"80%"``, ``" 80 % "``,
    ``"Rp 5.911.790.846"``, ``"Rp 1.000,-"``, ``"-Rp 1.000"``.

    Rules for the separators:
    - one separator, once: it is the decimal separator (``"1.234"`` is 1,234 not 1234, as in
      the dataset's plain notation ``"65.22"``; ``"7,8"`` is 7,8), except a lone dot after
      "Rp" or with ``titik_ribuan=True`` (strict Indonesian input, e.g. a form field for a
      count: ``"7.489"`` → 7489), where it is a thousands separator;
    - one separator, several times: thousands separators, grouped by three (``"1.234.567"``);
    - both separators: the last one is the decimal separator (``"1.234,56"``, ``"1,234.5"``).

    A percent sign is dropped and the number is kept in percent units (``"80%"`` → 80).
    ``None``, ``""`` and blank text → ``None``. A ``Decimal`` is returned as given.

    Raises ``TypeError`` (``PESAN_FLOAT``) for a float and (``PESAN_JENIS_TIDAK_DIDUKUNG``) for
    other types, bool included; ``ValueError`` (``PESAN_TIDAK_HINGGA``) for NaN or infinity and
    (``PESAN_BUKAN_ANGKA``) for any other text, including "-", "1e5" and "200 orang".
    """
    if teks is None:
        return None
    if isinstance(teks, float):
        raise TypeError(PESAN_FLOAT)
    if isinstance(teks, bool):
        raise TypeError(PESAN_JENIS_TIDAK_DIDUKUNG)
    if isinstance(teks, Decimal):
        if not teks.is_finite():
            raise ValueError(PESAN_TIDAK_HINGGA)
        return teks
    if isinstance(teks, int):
        return Decimal(teks)
    if isinstance(teks, str):
        return _baca_teks(teks, titik_ribuan)
    raise TypeError(PESAN_JENIS_TIDAK_DIDUKUNG)


def parse_angka_teks(teks: str | None) -> Decimal | None:
    """A number written in free text (kondisi awal/akhir, a printed table cell), read the
    Indonesian way, as every form reads it: a lone dot grouped by three is a thousands
    separator (``"1.500"`` → 1500); a lone dot that cannot be one is a decimal point
    (``"21.3"``, ``"0.5"``, as plain notation and older data write it). Otherwise the rules of
    ``parse_desimal``. ``None`` for blank text; ``ValueError`` for text that is no number."""
    try:
        return parse_desimal(teks, titik_ribuan=True)
    except ValueError:
        return parse_desimal(teks)


def _kelompokkan_ribuan(digit: str) -> str:
    """'1234567' → '1.234.567' (string based: no int conversion limit on long numbers)."""
    kepala = len(digit) % 3 or 3
    kelompok = [digit[:kepala]] + [digit[i : i + 3] for i in range(kepala, len(digit), 3)]
    return ".".join(kelompok)


def format_angka(
    nilai: Decimal | int | str | None, tempat: int = 2, *, ringkas: bool = False
) -> str:
    """Indonesian notation rounded ROUND_HALF_UP: ``Decimal("1234.565")`` → ``"1.234,57"``.

    ``tempat`` is the number of decimals (``tempat=0`` → ``"7.489"``). With ``ringkas=True`` a
    value that is whole after rounding drops its all-zero decimals (``"125,00"`` → ``"125"``,
    ``"7,50"`` stays). ``None`` (or blank text) → ``"—"``. Text is read with ``parse_desimal``.
    """
    angka = parse_desimal(nilai)
    if angka is None:
        return TANDA_KOSONG
    dibulatkan = bulatkan(angka, tempat)
    bulat, _, pecahan = format(dibulatkan.copy_abs(), "f").partition(".")
    if ringkas and not pecahan.strip("0"):
        pecahan = ""
    tanda = "-" if dibulatkan < 0 else ""
    return f"{tanda}{_kelompokkan_ribuan(bulat)}{',' + pecahan if pecahan else ''}"


def format_persen(nilai: Decimal | int | str | None, tempat: int = 2) -> str:
    """A percentage already in percent units: ``Decimal("89.3425")`` → ``"89,34%"``; None → "—".

    Never capped: 125 prints ``"125,00%"``.
    """
    if parse_desimal(nilai) is None:
        return TANDA_KOSONG
    return f"{format_angka(nilai, tempat)}%"


def format_rupiah(nilai: Decimal | int | str | None) -> str:
    """Rupiah, no decimals, ROUND_HALF_UP: ``"Rp 5.911.790.846"``, ``"-Rp 1.000"``; None → "—"."""
    angka = parse_desimal(nilai)
    if angka is None:
        return TANDA_KOSONG
    dibulatkan = bulatkan(angka, 0)
    tanda = "-" if dibulatkan < 0 else ""
    return f"{tanda}Rp {format_angka(dibulatkan.copy_abs(), 0)}"


def _nama_bulan(bulan: int) -> str:
    if isinstance(bulan, bool) or not isinstance(bulan, int) or not 1 <= bulan <= 12:
        raise ValueError(PESAN_BULAN_TIDAK_VALID)
    return NAMA_BULAN[bulan - 1]


def format_tanggal(tanggal: date | None) -> str:
    """``date(2024, 1, 5)`` → ``"5 Januari 2024"``; None → "—". A datetime prints its date."""
    if tanggal is None:
        return TANDA_KOSONG
    return f"{tanggal.day} {_nama_bulan(tanggal.month)} {tanggal.year}"


ZONA_WAKTU = {timedelta(hours=7): "WIB", timedelta(hours=8): "WITA", timedelta(hours=9): "WIT"}
"""Indonesia's time zones by UTC offset; another offset prints as "UTC+h"."""


def format_waktu(waktu: datetime | None) -> str:
    """A moment as the app prints it everywhere: ``"3 Desember 2026 14.05 WIB"``; None → "—".

    ``waktu`` must already be in the zone to print (the template filter converts to the
    site's zone first); the zone name comes from its UTC offset, a naive value prints none.
    """
    if waktu is None:
        return TANDA_KOSONG
    teks = f"{format_tanggal(waktu)} {waktu.hour:02d}.{waktu.minute:02d}"
    selisih = waktu.utcoffset()
    if selisih is None:
        return teks
    zona = ZONA_WAKTU.get(selisih)
    if zona is None:
        menit = int(selisih.total_seconds()) // 60
        tanda = "-" if menit < 0 else "+"
        jam, sisa = divmod(abs(menit), 60)
        zona = f"UTC{tanda}{jam}" + (f".{sisa:02d}" if sisa else "")
    return f"{teks} {zona}"


def format_masukan(nilai: Decimal | int | str | None) -> str:
    """A stored number as a person typed it: Indonesian notation, every significant decimal
    and none more (``Decimal("61.7250")`` → ``"61,725"``, ``Decimal("1.5000")`` → ``"1,5"``,
    ``Decimal("7489.0000")`` → ``"7.489"``); None → "—". Nothing is rounded away."""
    angka = parse_desimal(nilai)
    if angka is None:
        return TANDA_KOSONG
    if not angka.is_finite():
        raise ValueError(PESAN_TIDAK_HINGGA)
    teks = format(angka.copy_abs(), "f")
    bulat, _, pecahan = teks.partition(".")
    pecahan = pecahan.rstrip("0")
    tanda = "-" if angka < 0 and (bulat.strip("0") or pecahan) else ""
    return f"{tanda}{_kelompokkan_ribuan(bulat)}{',' + pecahan if pecahan else ''}"


def format_bulan_tahun(tanggal: date | tuple[int, int] | None) -> str:
    """A date or a ``(tahun, bulan)`` pair → ``"Januari 2024"``; None → "—".

    Raises ``ValueError`` for a month outside 1–12.
    """
    if tanggal is None:
        return TANDA_KOSONG
    if isinstance(tanggal, date):
        tahun, bulan = tanggal.year, tanggal.month
    else:
        tahun, bulan = tanggal
    return f"{_nama_bulan(bulan)} {tahun}"


def romawi(n: int) -> str:
    """Roman numeral of 1–3999: ``romawi(4)`` → ``"IV"``; ``ValueError`` otherwise."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 3999:
        raise ValueError(PESAN_ROMAWI_TIDAK_VALID)
    bagian = []
    for nilai, huruf in _ROMAWI_NILAI:
        jumlah, n = divmod(n, nilai)
        bagian.append(huruf * jumlah)
    return "".join(bagian)


def format_triwulan(triwulan: int) -> str:
    """Quarter label as the reports print it: ``format_triwulan(2)`` → ``"TW II"``."""
    if isinstance(triwulan, bool) or not isinstance(triwulan, int) or not 1 <= triwulan <= 4:
        raise ValueError(PESAN_TRIWULAN_TIDAK_VALID)
    return f"TW {romawi(triwulan)}"


def format_nip(nip: str | None) -> str:
    """An 18-digit NIP grouped as printed under signatures: "19710607 199703 1 007"."""
    nip = (nip or "").strip()
    if len(nip) == 18 and nip.isdigit():
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


def teks_nilai(nilai: Any) -> str:
    """A value as displayed: a predikat letter as is, a range "80–90", a number in Indonesian
    notation without needless zeros, None as "—"."""
    if nilai is None or nilai == "":
        return TANDA_KOSONG
    if isinstance(nilai, dict):
        return f"{teks_nilai(nilai.get('bawah'))}–{teks_nilai(nilai.get('atas'))}"
    if isinstance(nilai, str) and nilai.strip().upper() in PREDIKAT:
        return nilai.strip().upper()
    return format_angka(nilai, 2, ringkas=True)


def teks_target(target: Any) -> str:
    """A target row (anything with `nilai_masukan()`) as displayed ("—" for None)."""
    return teks_nilai(target.nilai_masukan() if target is not None else None)
