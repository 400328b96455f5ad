"""The capaian engine: achievement of an indicator, categories, predikat, quarterly roll-ups.

Pure Python (no database, no Django); the rules are DOMAIN.md §5 and §6.

Contracts shared by every function here:
- Capaian is a percentage in percent units (``Decimal("125")`` means 125%). It is returned
  UNROUNDED; rounding (ROUND_HALF_UP, 2 places) happens only when a category or predikat is
  read and when it is printed (``format_persen``).
- ``None`` means "not computable / no data". It is never 0 and never counts in an average.
- Inputs may be ``Decimal``, ``int``, text in Indonesian or plain notation (read with
  ``common.formatting.parse_desimal``) or ``None``. A ``float`` raises ``TypeError``: floats
  must never enter the computation.
- Arithmetic runs in a local Decimal context (``PRESISI`` significant digits); the global
  context is never changed.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_EVEN, Context, Decimal, localcontext
from typing import Any

from common.formatting import (
    PREDIKAT,
    PRESISI,
    bulatkan,
    format_angka,
    format_persen,
    format_rupiah,
    parse_desimal,
)

__all__ = [
    "ALASAN_BELUM_ADA_REALISASI",
    "ALASAN_NILAI_TIDAK_VALID",
    "ALASAN_REALISASI_NEGATIF",
    "ALASAN_REALISASI_NOL",
    "ALASAN_RENTANG_TIDAK_VALID",
    "ALASAN_TARGET_KOSONG",
    "ALASAN_TARGET_NEGATIF",
    "ALASAN_TARGET_NOL",
    "CARA_AGREGASI",
    "CARA_KUMULATIF",
    "CARA_POSISI_AKHIR",
    "CARA_RATA_RATA",
    "JENIS_ANGKA",
    "JENIS_NILAI",
    "JENIS_PREDIKAT",
    "JENIS_RENTANG",
    "LABEL_PREDIKAT",
    "NILAI_PREDIKAT",
    "PESAN_ALASAN",
    "PESAN_BATAS_RATA_RATA_TIDAK_VALID",
    "PESAN_CARA_AGREGASI_TIDAK_DIKENAL",
    "PESAN_JENIS_NILAI_TIDAK_DIKENAL",
    "PESAN_POLARITAS_TIDAK_DIKENAL",
    "PESAN_RUMUS_NEGATIF_TIDAK_DIKENAL",
    "POLARITAS",
    "POLARITAS_NEGATIF",
    "POLARITAS_POSITIF",
    "PREDIKAT",
    "RUMUS_NEGATIF",
    "RUMUS_RASIO",
    "RUMUS_SELISIH",
    "SKALA_PERMENDAGRI_86_2017",
    "HasilCapaian",
    "Kategori",
    "Pita",
    "Warna",
    "format_angka",
    "format_persen",
    "format_rupiah",
    "gabung_triwulan",
    "hitung_capaian",
    "kategori",
    "predikat_sakip",
    "rata_rata_capaian",
]

# The vocabularies below are the values stored by the models' TextChoices.
POLARITAS_POSITIF = "positif"
POLARITAS_NEGATIF = "negatif"
POLARITAS = (POLARITAS_POSITIF, POLARITAS_NEGATIF)

RUMUS_SELISIH = "selisih"
RUMUS_RASIO = "rasio"
RUMUS_NEGATIF = (RUMUS_SELISIH, RUMUS_RASIO)

JENIS_ANGKA = "angka"
JENIS_PREDIKAT = "predikat"
JENIS_RENTANG = "rentang"
JENIS_NILAI = (JENIS_ANGKA, JENIS_PREDIKAT, JENIS_RENTANG)

CARA_KUMULATIF = "kumulatif"
CARA_POSISI_AKHIR = "posisi_akhir"
CARA_RATA_RATA = "rata_rata"
CARA_AGREGASI = (CARA_KUMULATIF, CARA_POSISI_AKHIR, CARA_RATA_RATA)

# Why a capaian could not be computed (HasilCapaian.alasan).
ALASAN_BELUM_ADA_REALISASI = "belum_ada_realisasi"
ALASAN_TARGET_KOSONG = "target_kosong"
ALASAN_TARGET_NOL = "target_nol"
ALASAN_TARGET_NEGATIF = "target_negatif"
ALASAN_REALISASI_NOL = "realisasi_nol"
ALASAN_REALISASI_NEGATIF = "realisasi_negatif"
ALASAN_RENTANG_TIDAK_VALID = "rentang_tidak_valid"
ALASAN_NILAI_TIDAK_VALID = "nilai_tidak_valid"

PESAN_ALASAN = {
    ALASAN_BELUM_ADA_REALISASI: (
        "Realisasi belum ada (belum ada data); capaian tidak dihitung dan tidak dianggap 0%."
    ),
    ALASAN_TARGET_KOSONG: "Target belum diisi sehingga capaian tidak dapat dihitung.",
    ALASAN_TARGET_NOL: (
        "Target bernilai 0 pada indikator positif (semakin tinggi semakin baik) "
        "sehingga capaian tidak dapat dihitung."
    ),
    ALASAN_TARGET_NEGATIF: (
        "Target bernilai negatif sehingga rumus capaian tidak berlaku; "
        "capaian harus dihitung dan dijelaskan secara manual."
    ),
    ALASAN_REALISASI_NOL: (
        "Realisasi bernilai 0 pada rumus rasio (target / realisasi) sehingga capaian "
        "tidak dapat dihitung; gunakan rumus selisih untuk indikator ini."
    ),
    ALASAN_REALISASI_NEGATIF: (
        "Realisasi bernilai negatif pada rumus rasio (target / realisasi) sehingga capaian "
        "tidak dapat dihitung."
    ),
    ALASAN_RENTANG_TIDAK_VALID: (
        "Target rentang harus memiliki batas bawah dan batas atas, dan batas bawah tidak boleh "
        "lebih besar dari batas atas."
    ),
    ALASAN_NILAI_TIDAK_VALID: (
        "Target atau realisasi bukan angka yang sah (atau bukan predikat AA, A, BB, B, CC, C, D)."
    ),
}
"""Each ``alasan`` code with the sentence shown to the user."""

# Programming errors (a value outside the stored vocabularies): raised as ValueError.
PESAN_POLARITAS_TIDAK_DIKENAL = "Polaritas harus 'positif' atau 'negatif'."
PESAN_RUMUS_NEGATIF_TIDAK_DIKENAL = "Rumus indikator negatif harus 'selisih' atau 'rasio'."
PESAN_JENIS_NILAI_TIDAK_DIKENAL = "Jenis nilai harus 'angka', 'predikat' atau 'rentang'."
PESAN_CARA_AGREGASI_TIDAK_DIKENAL = (
    "Cara agregasi harus 'kumulatif', 'posisi_akhir' atau 'rata_rata'."
)
PESAN_BATAS_RATA_RATA_TIDAK_VALID = (
    "Batas capaian untuk rata-rata harus lebih dari 0; gunakan None untuk tanpa batas."
)

SERATUS = Decimal(100)

# Intermediate results keep PRESISI significant digits; the exponent range is as wide as
# libmpdec allows so that no realistic magnitude overflows.
_KONTEKS = Context(prec=PRESISI, rounding=ROUND_HALF_EVEN, Emax=MAX_EMAX, Emin=MIN_EMIN)


# --- Predikat (PermenPANRB 88/2021) ---------------------------------------------------------

NILAI_PREDIKAT = {
    "AA": Decimal(90),
    "A": Decimal(80),
    "BB": Decimal(70),
    "B": Decimal(60),
    "CC": Decimal(50),
    "C": Decimal(30),
    "D": Decimal(0),
}
"""Lower bound of each letter's band, used as the score of a letter-only target or realisasi.

The bounds are exclusive for ``predikat_sakip`` (70 itself is B), so a letter read as its
lower bound is the conservative reading DOMAIN.md §5.1 prescribes ("BB → 70").
"""

LABEL_PREDIKAT = {
    "AA": "Sangat Memuaskan",
    "A": "Memuaskan",
    "BB": "Sangat Baik",
    "B": "Baik",
    "CC": "Cukup",
    "C": "Kurang",
    "D": "Sangat Kurang",
}


def _untuk_banding(nilai: Decimal, tempat: int = 2) -> Decimal:
    """The value rounded to ``tempat`` places for comparing with band bounds.

    A value that already has at most ``tempat`` places is compared as it is, which avoids
    expanding huge magnitudes (1E+100000) into digits for nothing.
    """
    if nilai.as_tuple().exponent >= -tempat:
        return nilai
    return bulatkan(nilai, tempat)


def predikat_sakip(nilai: Decimal | int | str | None) -> str | None:
    """Predikat letter of a SAKIP evaluation score (0–100), PermenPANRB 88/2021.

    The score is rounded to 2 decimals (ROUND_HALF_UP) first; lower bounds are exclusive:
    > 90 AA, > 80 A, > 70 BB, > 60 B, > 50 CC, > 30 C, otherwise D. So 90,00 → "A",
    90,01 → "AA", 73,80 → "BB", 65,22 → "B", 30 → "D". ``None`` → ``None``.
    """
    angka = parse_desimal(nilai)
    if angka is None:
        return None
    dibulatkan = _untuk_banding(angka)
    for huruf in PREDIKAT[:-1]:
        if dibulatkan > NILAI_PREDIKAT[huruf]:
            return huruf
    return PREDIKAT[-1]


# --- Capaian categories (Permendagri 86/2017) -----------------------------------------------


@dataclass(frozen=True)
class Warna:
    """A colour code of Permendagri 54/2010 (``nama``) with the hex used on screen and paper."""

    nama: str
    hex: str


@dataclass(frozen=True)
class Kategori:
    """The category of one capaian: ``label`` ("Sangat Tinggi"), ``urutan`` ("I"), ``warna``."""

    label: str
    urutan: str
    warna: Warna


@dataclass(frozen=True)
class Pita:
    """One band of a category scale: capaian ≥ ``batas_bawah`` (inclusive) falls in it.

    ``batas_bawah=None`` is the catch-all bottom band. A bound given as int or text is read
    with ``parse_desimal`` (a float raises ``TypeError``).
    """

    batas_bawah: Decimal | None
    label: str
    urutan: str
    warna: Warna

    def __post_init__(self) -> None:
        object.__setattr__(self, "batas_bawah", parse_desimal(self.batas_bawah))

    @property
    def kategori(self) -> Kategori:
        return Kategori(label=self.label, urutan=self.urutan, warna=self.warna)


HIJAU_TUA = Warna("Hijau Tua", "#006400")
HIJAU_MUDA = Warna("Hijau Muda", "#92D050")
KUNING_TUA = Warna("Kuning Tua", "#FFC000")
KUNING_MUDA = Warna("Kuning Muda", "#FFFF99")
MERAH = Warna("Merah", "#FF0000")

SKALA_PERMENDAGRI_86_2017 = (
    Pita(Decimal(91), "Sangat Tinggi", "I", HIJAU_TUA),
    Pita(Decimal(76), "Tinggi", "II", HIJAU_MUDA),
    Pita(Decimal(66), "Sedang", "III", KUNING_TUA),
    Pita(Decimal(51), "Rendah", "IV", KUNING_MUDA),
    Pita(None, "Sangat Rendah", "V", MERAH),
)
"""Permendagri 86/2017 as printed in the seeds, its gaps closed with inclusive lower bounds
(DOMAIN.md §6): ≥ 91 (above 100 included), ≥ 76, ≥ 66, ≥ 51, below 51."""


def kategori(
    nilai: Decimal | int | str | None, skala: Iterable[Pita] | None = None
) -> Kategori | None:
    """Category of a capaian (percent units) on ``skala`` (default Permendagri 86/2017).

    The value is rounded to 2 decimals (ROUND_HALF_UP) before it is compared with the inclusive
    lower bounds: 90,995 → 91,00 → "Sangat Tinggi"; 90,99 → "Tinggi". The top band is open
    (125 is "Sangat Tinggi"). ``None`` → ``None``; also ``None`` when a custom scale without a
    catch-all band does not cover the value. Bands may be given in any order.
    """
    angka = parse_desimal(nilai)
    if angka is None:
        return None
    dibulatkan = _untuk_banding(angka)
    pita_urut = sorted(
        SKALA_PERMENDAGRI_86_2017 if skala is None else skala,
        key=lambda p: (p.batas_bawah is None, -(p.batas_bawah or 0)),
    )
    for pita in pita_urut:
        if pita.batas_bawah is None or dibulatkan >= pita.batas_bawah:
            return pita.kategori
    return None


# --- Capaian of one indicator ---------------------------------------------------------------


@dataclass(frozen=True)
class HasilCapaian:
    """Result of ``hitung_capaian``.

    - ``nilai``: capaian in percent units, UNROUNDED, never capped; ``None`` when not
      computable, and then ``alasan`` says why.
    - ``alasan``: ``None`` or a code of ``PESAN_ALASAN``.
    - ``catatan``: notes (Indonesian) for the report, e.g. how a letter target was read.
    - ``perlu_penjelasan``: the result needs a written explanation (a negative indicator with
      target 0 missed).
    """

    nilai: Decimal | None
    alasan: str | None = None
    catatan: tuple[str, ...] = ()
    perlu_penjelasan: bool = False

    @property
    def pesan(self) -> str | None:
        """The sentence for ``alasan`` (``None`` when the capaian was computed)."""
        return PESAN_ALASAN.get(self.alasan) if self.alasan else None


class _NilaiTidakValid(Exception):
    """An input that is neither a number nor (for predikat) a known letter."""


class _TidakTerhitung(Exception):
    def __init__(self, alasan: str) -> None:
        super().__init__(alasan)
        self.alasan = alasan


# "80–90", "80-90", "80 % – 90 %", "-5 - -3", "80 s.d. 90", "80 s/d 90", "80 sampai 90".
_ANGKA_RENTANG = r"[-+\u2212]?\s*(?:rp\.?\s*)?[0-9][0-9.,]*(?:\s*%)?"
_POLA_RENTANG = re.compile(
    rf"(?P<bawah>{_ANGKA_RENTANG})\s*"
    r"(?:[-\u2013\u2014]|s\.?\s*d\.?|s/d|sampai(?:\s+dengan)?)\s*"
    rf"(?P<atas>{_ANGKA_RENTANG})",
    re.IGNORECASE,
)


def _tolak_float(*nilai: Any) -> None:
    for n in nilai:
        if isinstance(n, float):
            parse_desimal(n)  # raises TypeError with PESAN_FLOAT
        elif isinstance(n, Mapping):
            _tolak_float(*n.values())
        elif isinstance(n, (tuple, list)):
            _tolak_float(*n)


def _pilih(nilai: str | None, pilihan: tuple[str, ...], pesan: str) -> str:
    if nilai is None:
        return pilihan[0]
    if nilai not in pilihan:
        raise ValueError(pesan)
    return nilai


def _baca_angka(nilai: Any) -> Decimal | None:
    try:
        return parse_desimal(nilai)
    except (ValueError, TypeError) as exc:
        raise _NilaiTidakValid from exc


def _baca_skor(nilai: Any, peran: str, catatan: list[str]) -> Decimal | None:
    """A predikat value: a letter (read as its band's lower bound, with a note) or a score."""
    if isinstance(nilai, str):
        huruf = nilai.strip().upper()
        if huruf in NILAI_PREDIKAT:
            skor = NILAI_PREDIKAT[huruf]
            catatan.append(
                f"{peran} {huruf} dibaca sebagai nilai {format_angka(skor, 0)} "
                "(batas bawah predikat)"
            )
            return skor
    return _baca_angka(nilai)


def _teks(nilai: Decimal) -> str:
    """A number for a note: Indonesian notation, without needless ",00"."""
    if abs(nilai.adjusted()) > 30:  # absurd magnitudes: do not expand them into digits
        return str(nilai)
    return format_angka(nilai, 2, ringkas=True)


def _teks_rentang(bawah: Decimal, atas: Decimal) -> str:
    return f"{_teks(bawah)}–{_teks(atas)}"


def _rentang_dari_target(target: Any, jenis_nilai: str) -> tuple[Any, Any] | None:
    """The (bawah, atas) pair when ``target`` is written as a range, else ``None``."""
    if isinstance(target, Mapping):
        return target.get("bawah"), target.get("atas")
    if isinstance(target, (tuple, list)):
        if len(target) != 2:
            raise _NilaiTidakValid
        return target[0], target[1]
    if isinstance(target, str) and jenis_nilai != JENIS_PREDIKAT:
        try:
            parse_desimal(target)
        except ValueError:
            cocok = _POLA_RENTANG.fullmatch(target.strip())
            if cocok is not None:
                return cocok["bawah"], cocok["atas"]
    return None


def _rumus(
    target: Decimal,
    realisasi: Decimal,
    polaritas: str,
    rumus_negatif: str,
    catatan: list[str],
) -> tuple[Decimal, bool]:
    """Capaian against one non-negative target; returns (nilai, perlu_penjelasan)."""
    if polaritas == POLARITAS_POSITIF:
        if target == 0:
            raise _TidakTerhitung(ALASAN_TARGET_NOL)
        # Not floored: a negative realisasi on a positive target gives a negative capaian.
        return realisasi * SERATUS / target, False
    if target == 0:
        if realisasi <= 0:
            catatan.append(
                "Target 0 pada indikator negatif tercapai (realisasi tidak lebih dari 0): "
                "capaian 100%"
            )
            return SERATUS, False
        catatan.append(
            "Target 0 pada indikator negatif tidak tercapai (realisasi lebih dari 0): "
            "capaian 0% dan wajib diberi penjelasan"
        )
        return Decimal(0), True
    if rumus_negatif == RUMUS_RASIO:
        if realisasi == 0:
            raise _TidakTerhitung(ALASAN_REALISASI_NOL)
        if realisasi < 0:
            raise _TidakTerhitung(ALASAN_REALISASI_NEGATIF)
        return target * SERATUS / realisasi, False
    nilai = (2 * target - realisasi) * SERATUS / target
    if nilai < 0:
        catatan.append("Capaian rumus selisih dibatasi paling rendah 0%")
        return Decimal(0), False
    return nilai, False


def _hitung(
    target: Any,
    realisasi: Any,
    polaritas: str,
    rumus_negatif: str,
    jenis_nilai: str,
    batas_bawah: Any,
    batas_atas: Any,
    catatan: list[str],
) -> HasilCapaian:
    def baca(nilai: Any, peran: str) -> Decimal | None:
        if jenis_nilai == JENIS_PREDIKAT:
            return _baca_skor(nilai, peran, catatan)
        return _baca_angka(nilai)

    # 1. Read every input first, so that unreadable text wins over any other reason.
    if batas_bawah is not None or batas_atas is not None:
        rentang = (batas_bawah, batas_atas)
        if target is not None:
            catatan.append(
                "Target tunggal diabaikan karena batas bawah dan batas atas rentang diberikan"
            )
    else:
        rentang = _rentang_dari_target(target, jenis_nilai)
    if rentang is None:
        nilai_target = baca(target, "Target")
        bawah = atas = nilai_target
    else:
        bawah, atas = baca(rentang[0], "Batas bawah"), baca(rentang[1], "Batas atas")
    nilai_realisasi = baca(realisasi, "Realisasi")

    # 2. The target, then the realisasi.
    if bawah is None and atas is None:
        raise _TidakTerhitung(ALASAN_TARGET_KOSONG)
    if bawah is None or atas is None or bawah > atas:
        raise _TidakTerhitung(ALASAN_RENTANG_TIDAK_VALID)
    if bawah < 0:
        raise _TidakTerhitung(ALASAN_TARGET_NEGATIF)
    if rentang is None and polaritas == POLARITAS_POSITIF and bawah == 0:
        raise _TidakTerhitung(ALASAN_TARGET_NOL)
    if nilai_realisasi is None:
        raise _TidakTerhitung(ALASAN_BELUM_ADA_REALISASI)

    # 3. The formula, against the target or the range bound that was missed.
    if rentang is None:
        acuan = bawah
    elif bawah <= nilai_realisasi <= atas:
        catatan.append(
            f"Realisasi berada dalam rentang target {_teks_rentang(bawah, atas)}: capaian 100%"
        )
        return HasilCapaian(SERATUS, None, tuple(catatan))
    elif nilai_realisasi < bawah:
        acuan = bawah
        catatan.append(
            f"Realisasi di bawah rentang target {_teks_rentang(bawah, atas)}: capaian dihitung "
            f"terhadap batas bawah {_teks(bawah)}"
        )
    else:
        acuan = atas
        catatan.append(
            f"Realisasi di atas rentang target {_teks_rentang(bawah, atas)}: capaian dihitung "
            f"terhadap batas atas {_teks(atas)}"
        )
    nilai, perlu_penjelasan = _rumus(acuan, nilai_realisasi, polaritas, rumus_negatif, catatan)
    return HasilCapaian(nilai, None, tuple(catatan), perlu_penjelasan)


def hitung_capaian(
    target: Any,
    realisasi: Any,
    *,
    polaritas: str = POLARITAS_POSITIF,
    rumus_negatif: str = RUMUS_SELISIH,
    jenis_nilai: str = JENIS_ANGKA,
    batas_bawah: Any = None,
    batas_atas: Any = None,
) -> HasilCapaian:
    """Capaian (percent units, unrounded, never capped) of one indicator (DOMAIN.md §5.1).

    Rules, T = target, R = realisasi:
    - positive (higher is better): R / T × 100; T = 0 → not computable (``target_nol``);
      a negative R gives a negative capaian (the formula is not floored).
    - negative, ``rumus_negatif="selisih"`` (default): (2·T − R) / T × 100, floored at 0.
    - negative, ``rumus_negatif="rasio"``: T / R × 100; R = 0 → not computable
      (``realisasi_nol``: the realisasi beat the target by an unbounded ratio, so no number is
      invented); R < 0 → ``realisasi_negatif``.
    - negative with T = 0 (either rumus): R ≤ 0 → 100; R > 0 → 0 with ``perlu_penjelasan``.
    - T missing → ``target_kosong``; R missing → ``belum_ada_realisasi`` (never 0%);
      T < 0 → ``target_negatif`` (the ratio formulas do not hold for negative targets).
    - ``jenis_nilai="predikat"``: T and R are scores or letters AA … D; a letter is read as
      its band's lower bound (``NILAI_PREDIKAT``: BB → 70) and a note says so.
    - range (``jenis_nilai="rentang"`` with ``batas_bawah``/``batas_atas``, or a target
      written ``{"bawah": .., "atas": ..}``, ``(bawah, atas)``, ``"80–90"``, ``"80-90"`` or
      ``"80 s.d. 90"``): R inside [bawah, atas] → 100; below → the polarity's formula against
      bawah; above → against atas. Explicit ``batas_bawah``/``batas_atas`` win over
      ``target``. One bound missing or bawah > atas → ``rentang_tidak_valid``. With
      ``jenis_nilai="rentang"`` a single number is an ordinary target.

    Precedence when several things are wrong: unreadable input (``nilai_tidak_valid``), then
    the target (``target_kosong``, ``rentang_tidak_valid``, ``target_negatif``,
    ``target_nol``), then ``belum_ada_realisasi``.

    Never raises for ``Decimal``/``int``/``str``/``None`` inputs (text that is not a number →
    ``nilai_tidak_valid``). Raises ``TypeError`` for a ``float`` input and ``ValueError`` for a
    ``polaritas``/``rumus_negatif``/``jenis_nilai`` outside the vocabularies (``None`` selects
    the default).
    """
    polaritas = _pilih(polaritas, POLARITAS, PESAN_POLARITAS_TIDAK_DIKENAL)
    rumus_negatif = _pilih(rumus_negatif, RUMUS_NEGATIF, PESAN_RUMUS_NEGATIF_TIDAK_DIKENAL)
    jenis_nilai = _pilih(jenis_nilai, JENIS_NILAI, PESAN_JENIS_NILAI_TIDAK_DIKENAL)
    _tolak_float(target, realisasi, batas_bawah, batas_atas)

    catatan: list[str] = []
    try:
        with localcontext(_KONTEKS):
            return _hitung(
                target,
                realisasi,
                polaritas,
                rumus_negatif,
                jenis_nilai,
                batas_bawah,
                batas_atas,
                catatan,
            )
    except _TidakTerhitung as tidak:
        return HasilCapaian(None, tidak.alasan, tuple(catatan))
    except (_NilaiTidakValid, ArithmeticError):
        # ArithmeticError: a decimal signal on an absurd magnitude (e.g. 1E+999999999999999999
        # over 1E-999999999999999999). The contract is "never raise" for these inputs.
        return HasilCapaian(None, ALASAN_NILAI_TIDAK_VALID, tuple(catatan))


# --- Roll-ups -------------------------------------------------------------------------------


def gabung_triwulan(
    nilai_per_triwulan: Iterable[Decimal | int | str | None], cara: str
) -> Decimal | None:
    """Combine period values (TW I–IV, or years) by the indicator's aggregation rule.

    - ``"kumulatif"``: the sum (people trained, documents produced);
    - ``"posisi_akhir"``: the last reported value (percentages, indices, scores);
    - ``"rata_rata"``: the mean of the reported values, unrounded.

    Periods with ``None`` (not reported) are ignored; if none is reported → ``None`` (never 0).
    Values are read with ``parse_desimal``. Unknown ``cara`` → ``ValueError``.
    """
    if cara not in CARA_AGREGASI:
        raise ValueError(PESAN_CARA_AGREGASI_TIDAK_DIKENAL)
    dilaporkan = [n for n in map(parse_desimal, nilai_per_triwulan) if n is not None]
    if not dilaporkan:
        return None
    if cara == CARA_POSISI_AKHIR:
        return dilaporkan[-1]
    with localcontext(_KONTEKS):
        jumlah = sum(dilaporkan, Decimal(0))
        return jumlah if cara == CARA_KUMULATIF else jumlah / len(dilaporkan)


def rata_rata_capaian(
    nilai_list: Iterable[Decimal | int | str | None],
    batas_atas: Decimal | int | str | None = None,
) -> Decimal | None:
    """Simple mean of capaian values (percent units), unrounded; ``None`` values are skipped.

    ``batas_atas`` (e.g. 100, 120, 150) caps each value *for this average only*; ``None`` means
    no cap. A cap ≤ 0 is refused (``ValueError``): the organisation setting stores "no cap" as
    0, which must be passed here as ``None``. Nothing reported → ``None``.
    """
    batas = parse_desimal(batas_atas)
    if batas is not None and batas <= 0:
        raise ValueError(PESAN_BATAS_RATA_RATA_TIDAK_VALID)
    nilai = [n for n in map(parse_desimal, nilai_list) if n is not None]
    if not nilai:
        return None
    if batas is not None:
        nilai = [min(n, batas) for n in nilai]
    with localcontext(_KONTEKS):
        return sum(nilai, Decimal(0)) / len(nilai)
