"""The SAKIP evaluation score (PermenPANRB 88/2021): one pure function, Decimal throughout.

    criterion value v  = the option's value (Y 1, T 0; A 1, B 0,75, C 0,5, D 0,25, E 0; custom)
    sub-component      = mean(v) × weight                        (metode "rata_rata", default)
                       = Σ(v × w) / Σ w × weight                  (metode "jumlah_berbobot")
    component          = Σ sub-components;  total = Σ components  (0–100)
    predikat           = from the total rounded to 2 places (ROUND_HALF_UP), exclusive lower
                         bounds: > 90 AA, > 80 A, > 70 BB, > 60 B, > 50 CC, > 30 C, else D.

An unanswered criterion counts 0 and is flagged "belum dinilai". Values keep full precision;
rounding happens only for the predikat and on presentation. `jejak` turns a result into the
stored calculation trail (JSON-safe: Decimals as strings) from which every screen renders.
No Django import: the rule is tested without a database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

NOL = Decimal(0)
SATU = Decimal(1)
SERATUS = Decimal(100)

METODE_RATA_RATA = "rata_rata"
METODE_JUMLAH_BERBOBOT = "jumlah_berbobot"
METODE = (METODE_RATA_RATA, METODE_JUMLAH_BERBOBOT)

NILAI_YT = {"Y": SATU, "T": NOL}
NILAI_AE = {
    "A": SATU,
    "B": Decimal("0.75"),
    "C": Decimal("0.5"),
    "D": Decimal("0.25"),
    "E": NOL,
}

PITA_PREDIKAT: tuple[tuple[str, Decimal, str], ...] = (
    ("AA", Decimal(90), "Sangat Memuaskan"),
    ("A", Decimal(80), "Memuaskan"),
    ("BB", Decimal(70), "Sangat Baik"),
    ("B", Decimal(60), "Baik"),
    ("CC", Decimal(50), "Cukup"),
    ("C", Decimal(30), "Kurang"),
    ("D", NOL, "Sangat Kurang"),
)
"""(letter, exclusive lower bound, sebutan), highest first; the last band takes the rest."""

RUMUS = {
    METODE_RATA_RATA: "rata-rata nilai kriteria × bobot",
    METODE_JUMLAH_BERBOBOT: "Σ(nilai × bobot kriteria) ÷ Σ bobot kriteria × bobot",
}

PESAN_METODE = "Metode penghitungan sub-komponen tidak dikenal: {metode}."


def bulatkan(nilai: Decimal, tempat: int = 2) -> Decimal:
    return nilai.quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP)


def predikat(
    total: Decimal, pita: Sequence[tuple[str, Decimal, str]] = PITA_PREDIKAT
) -> tuple[str, str]:
    """(letter, sebutan) of a total: rounded to 2 places, then "> lower bound" per band.

    90,00 → A; 90,01 → AA; 70,00 → B; 73,80 → BB; 30,00 → D.
    """
    dibulatkan = bulatkan(total)
    for huruf, batas, sebutan in pita[:-1]:
        if dibulatkan > batas:
            return huruf, sebutan
    return pita[-1][0], pita[-1][2]


@dataclass(frozen=True)
class Kriteria:
    """One criterion with the answer of the stage being scored (opsi/nilai None = unanswered)."""

    identitas: str
    kode: str
    uraian: str = ""
    opsi: str | None = None
    nilai: Decimal | None = None
    bobot: Decimal | None = None
    tahap: str = ""
    oleh: str = ""
    pada: str = ""


@dataclass(frozen=True)
class SubKomponen:
    kode: str
    nama: str
    bobot: Decimal
    kriteria: Sequence[Kriteria]
    metode: str = METODE_RATA_RATA


@dataclass(frozen=True)
class Komponen:
    kode: str
    nama: str
    bobot: Decimal
    sub_komponen: Sequence[SubKomponen]


@dataclass(frozen=True)
class HasilSubKomponen:
    kode: str
    nama: str
    bobot: Decimal
    metode: str
    rumus: str
    n: int
    n_belum: int
    rata_rata: Decimal
    nilai: Decimal
    kriteria: tuple[Kriteria, ...]

    @property
    def persen(self) -> Decimal:
        return self.nilai / self.bobot * SERATUS if self.bobot else NOL


@dataclass(frozen=True)
class HasilKomponen:
    kode: str
    nama: str
    bobot: Decimal
    nilai: Decimal
    sub_komponen: tuple[HasilSubKomponen, ...]

    @property
    def persen(self) -> Decimal:
        return self.nilai / self.bobot * SERATUS if self.bobot else NOL


@dataclass(frozen=True)
class Hasil:
    total: Decimal
    total_dibulatkan: Decimal
    predikat: str
    sebutan: str
    komponen: tuple[HasilKomponen, ...] = field(default_factory=tuple)

    @property
    def n_belum(self) -> int:
        return sum(s.n_belum for k in self.komponen for s in k.sub_komponen)


def hitung_sub_komponen(sub: SubKomponen) -> HasilSubKomponen:
    if sub.metode not in METODE:
        raise ValueError(PESAN_METODE.format(metode=sub.metode))
    daftar = tuple(sub.kriteria)
    nilai = [k.nilai if k.nilai is not None else NOL for k in daftar]
    n = len(daftar)
    belum = sum(1 for k in daftar if k.nilai is None)
    if n == 0:
        rata = NOL
    elif sub.metode == METODE_JUMLAH_BERBOBOT and any(k.bobot for k in daftar):
        bobot = [k.bobot if k.bobot is not None else NOL for k in daftar]
        jumlah_bobot = sum(bobot, NOL)
        rata = (
            sum((v * w for v, w in zip(nilai, bobot, strict=True)), NOL) / jumlah_bobot
            if jumlah_bobot
            else NOL
        )
    else:
        rata = sum(nilai, NOL) / n
    return HasilSubKomponen(
        kode=sub.kode,
        nama=sub.nama,
        bobot=sub.bobot,
        metode=sub.metode,
        rumus=RUMUS[sub.metode],
        n=n,
        n_belum=belum,
        rata_rata=rata,
        nilai=rata * sub.bobot,
        kriteria=daftar,
    )


def hitung(
    komponen: Sequence[Komponen], pita: Sequence[tuple[str, Decimal, str]] = PITA_PREDIKAT
) -> Hasil:
    hasil_komponen = []
    for k in komponen:
        subs = tuple(hitung_sub_komponen(s) for s in k.sub_komponen)
        hasil_komponen.append(
            HasilKomponen(
                kode=k.kode,
                nama=k.nama,
                bobot=k.bobot,
                nilai=sum((s.nilai for s in subs), NOL),
                sub_komponen=subs,
            )
        )
    total = sum((k.nilai for k in hasil_komponen), NOL)
    huruf, sebutan = predikat(total, pita)
    return Hasil(
        total=total,
        total_dibulatkan=bulatkan(total),
        predikat=huruf,
        sebutan=sebutan,
        komponen=tuple(hasil_komponen),
    )


def _s(nilai: Decimal | None) -> str | None:
    return None if nilai is None else str(nilai)


def jejak(hasil: Hasil) -> dict:
    """The stored calculation trail: per criterion (option, value, stage, who, when), per
    sub-component (formula, n, mean, weight, result), per component, the total and predikat."""
    return {
        "total": _s(hasil.total),
        "total_dibulatkan": _s(hasil.total_dibulatkan),
        "predikat": hasil.predikat,
        "sebutan": hasil.sebutan,
        "aturan_predikat": "nilai dibulatkan 2 desimal; batas bawah eksklusif (> 90 AA … > 30 C)",
        "komponen": [
            {
                "kode": k.kode,
                "nama": k.nama,
                "bobot": _s(k.bobot),
                "nilai": _s(k.nilai),
                "sub_komponen": [
                    {
                        "kode": s.kode,
                        "nama": s.nama,
                        "bobot": _s(s.bobot),
                        "metode": s.metode,
                        "rumus": s.rumus,
                        "n": s.n,
                        "n_belum": s.n_belum,
                        "rata_rata": _s(s.rata_rata),
                        "nilai": _s(s.nilai),
                        "kriteria": [
                            {
                                "identitas": c.identitas,
                                "kode": c.kode,
                                "uraian": c.uraian,
                                "opsi": c.opsi,
                                "nilai": _s(c.nilai),
                                "bobot": _s(c.bobot),
                                "tahap": c.tahap,
                                "oleh": c.oleh,
                                "pada": c.pada,
                            }
                            for c in s.kriteria
                        ],
                    }
                    for s in k.sub_komponen
                ],
            }
            for k in hasil.komponen
        ],
    }
