"""Reading printed numbers and naming the likely cause of a wrong one (pure Python).

`baca_angka` reads what a report printed ("89%", "1.262.478.000,-", "130 orang", "59,97-")
into a number and the decimals it was printed with. `cocok` says whether a printed number
is the correct value as the report would print it (rounded half up to the printed
decimals). `SEBAB` is the table of known error patterns: each function receives a `Konteks`
and returns an Indonesian explanation when the printed number matches its pattern, else
None. The patterns describe arithmetic mistakes, never a particular report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from common.formatting import bulatkan, format_angka, parse_desimal

SERATUS = Decimal(100)

# --- Reading printed numbers ---------------------------------------------------------------

_TOKEN = re.compile(r"[-+]?\d[\d.,]*")
_RP = re.compile(r"^\s*rp\.?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class AngkaTercetak:
    nilai: Decimal
    tempat: int
    """Decimals printed ("89,34" → 2, "89%" → 0)."""


class AngkaTidakSah(ValueError):
    """The text holds a number written wrongly ("2.67.338.000", "187.545,500")."""


def baca_angka(teks: object, *, ribuan: bool = False) -> AngkaTercetak | None:
    """The number a printed cell holds, or None when it holds none (text, "-", blank, or
    several numbers such as "2 Dokumen dan 10 Kec"). `ribuan=True` reads a lone dot as a
    thousands separator ("1.000" → 1000), as Indonesian counts and rupiah are printed.
    Raises `AngkaTidakSah` for a number whose separators do not group by three."""
    if not isinstance(teks, str):
        return None
    bersih = teks.strip()
    rp = bool(_RP.match(bersih))
    bersih = _RP.sub("", bersih)
    m = _TOKEN.match(bersih)
    if m is None:
        return None
    token = m[0].rstrip(".,")
    if _TOKEN.search(bersih[m.end() :].replace(",-", "").replace(",00", "")):
        return None
    if "," in token and token.endswith(",00") and token.count(",") == 1 and "." in token:
        token = token[:-3]
    dot_ribuan = ribuan or rp
    if dot_ribuan and (token.count(",") > 1 or re.search(r"\.\d{3},\d{3}$", token)):
        # Rupiah and counts group thousands with dots and have at most two decimals.
        raise AngkaTidakSah(teks)
    try:
        nilai = parse_desimal(token, titik_ribuan=dot_ribuan)
    except ValueError:
        raise AngkaTidakSah(teks) from None
    if nilai is None:
        return None
    pemisah = _pemisah_desimal(token, dot_ribuan)
    tempat = len(token) - token.rfind(pemisah) - 1 if pemisah else 0
    return AngkaTercetak(nilai, tempat)


def _pemisah_desimal(token: str, titik_ribuan: bool) -> str | None:
    titik, koma = token.count("."), token.count(",")
    if titik and koma:
        return "." if token.rfind(".") > token.rfind(",") else ","
    if koma == 1:
        return ","
    if titik == 1 and not titik_ribuan:
        return "."
    return None


def cocok(benar: Decimal, tercetak: AngkaTercetak) -> bool:
    """The printed number is `benar` as printed with its decimals (ROUND_HALF_UP)."""
    return bulatkan(benar, tercetak.tempat) == bulatkan(tercetak.nilai, tercetak.tempat)


def _sama(a: Decimal | None, b: AngkaTercetak) -> bool:
    return a is not None and cocok(a, b)


def angka(nilai: Decimal | None, tempat: int = 2) -> str:
    """Indonesian notation, trailing zero decimals dropped ("125", "89,34")."""
    return format_angka(nilai, tempat, ringkas=True)


# --- Causes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Konteks:
    """What a cause pattern may look at for one printed number."""

    tercetak: AngkaTercetak
    benar: Decimal | None
    """The product's value (None: "belum ada data")."""
    rata_rata: bool = False
    """The printed number is an average."""
    komponen: Sequence[Decimal] = ()
    """The values the average is taken over (the product's)."""
    komponen_tercetak: Sequence[Decimal] = ()
    """The values the report printed in the rows of the same table."""
    realisasi: Decimal | None = None
    """The realisation beside a capaian."""
    dari_masukan_tercetak: Decimal | None = None
    """The value recomputed from the printed inputs (printed realisasi / printed target)."""
    masukan_tercetak: str = ""
    """That computation, written out ("4 / 35 × 100 = 11,43")."""


def sebab_jumlah(k: Konteks) -> str | None:
    """An average printed as the sum of its values."""
    if not k.rata_rata:
        return None
    for nilai in (k.komponen_tercetak, k.komponen):
        if len(nilai) > 1 and _sama(sum(nilai, Decimal(0)), k.tercetak):
            teks = " + ".join(angka(n) for n in nilai)
            return f"rata-rata dicetak sebagai jumlah: {teks} = {angka(sum(nilai, Decimal(0)))}"
    return None


def sebab_dipotong(k: Konteks) -> str | None:
    """A value truncated instead of rounded half up."""
    if k.benar is None or cocok(k.benar, k.tercetak):
        return None
    langkah = Decimal(1).scaleb(-k.tercetak.tempat)
    dipotong = k.benar.quantize(langkah, rounding=ROUND_DOWN)
    if dipotong == bulatkan(k.tercetak.nilai, k.tercetak.tempat):
        return (
            f"angka dipotong, bukan dibulatkan: {angka(k.benar, 4)} menjadi "
            f"{angka(dipotong, k.tercetak.tempat)}"
        )
    return None


def sebab_dibatasi_100(k: Konteks) -> str | None:
    """A capaian above 100 printed as 100, or an average of capaian capped at 100."""
    if k.benar is None:
        return None
    if not k.rata_rata and k.benar > SERATUS and k.tercetak.nilai == SERATUS:
        return f"capaian {angka(k.benar)}% dicetak dibatasi 100%"
    if k.rata_rata and k.komponen and any(n > SERATUS for n in k.komponen):
        dibatasi = [min(n, SERATUS) for n in k.komponen]
        rata = sum(dibatasi, Decimal(0)) / len(dibatasi)
        if _sama(rata, k.tercetak):
            return f"rata-rata dari capaian yang dibatasi 100%: {angka(rata)}"
    return None


def sebab_realisasi(k: Konteks) -> str | None:
    """The realisation printed in the capaian column."""
    if k.rata_rata or k.realisasi is None or k.benar is None:
        return None
    if _sama(k.realisasi, k.tercetak) and not cocok(k.benar, k.tercetak):
        return f"nilai realisasi ({angka(k.realisasi)}) tercetak di kolom capaian"
    return None


def sebab_kosong_nol(k: Konteks) -> str | None:
    """No data printed as 0 %."""
    if k.benar is None and k.tercetak.nilai == 0:
        return "belum ada data, tetapi dicetak 0%"
    return None


def sebab_masukan(k: Konteks) -> str | None:
    """Computed right from printed inputs that differ from the recorded ones."""
    if k.dari_masukan_tercetak is None or k.benar is None or cocok(k.benar, k.tercetak):
        return None
    if _sama(k.dari_masukan_tercetak, k.tercetak):
        return f"dihitung dari angka tercetak yang berbeda dari data: {k.masukan_tercetak}"
    return None


SEBAB: tuple[tuple[str, Callable[[Konteks], str | None]], ...] = (
    ("jumlah_bukan_rata_rata", sebab_jumlah),
    ("dibatasi_100", sebab_dibatasi_100),
    ("realisasi_di_kolom_capaian", sebab_realisasi),
    ("kosong_dicetak_nol", sebab_kosong_nol),
    ("dipotong", sebab_dipotong),
    ("masukan_tercetak_berbeda", sebab_masukan),
)
"""(code, pattern) in the order they are tried; every matching pattern is reported."""


def cari_sebab(k: Konteks) -> tuple[str, ...]:
    """The explanations of every known pattern the printed number matches."""
    return tuple(teks for _kode, fungsi in SEBAB if (teks := fungsi(k)))
