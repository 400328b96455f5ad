"""Plausibility warnings of a value being entered, shown before saving and never blocking.

DOMAIN.md §9 lists what hand-made reports get wrong at entry: a percentage above 100, a value
typed with a misplaced separator (many times last quarter's or last year's), a cumulative
indicator whose running total goes down. The operator may be right (a real jump happens), so
these are warnings beside the live capaian, not form errors; validation before submission
(`kinerja.validasi`) still applies its own rules.

`peringatan_kewajaran` is pure; `pembanding` loads the values to compare with for many
indicators in one query (the form, the live preview and the whole-quarter grid share it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from common.formatting import format_masukan, format_triwulan
from renstra.models import CaraAgregasi, Indikator

from ..models import Realisasi

KALI_MENCOLOK = Decimal(5)
"""A value at least this many times the one compared with (or at most its fraction) is
flagged: a typo such as 7489 for 74,89 is a factor of 100, a real jump rarely 5."""

SATUAN_PERSEN = frozenset({"%", "persen", "persentase"})

KODE_PERSEN_DI_ATAS_100 = "persen_di_atas_100"
KODE_MENCOLOK_TRIWULAN_LALU = "mencolok_triwulan_lalu"
KODE_MENCOLOK_TAHUN_LALU = "mencolok_tahun_lalu"
KODE_KUMULATIF_MENURUN = "kumulatif_menurun"

PESAN_PERSEN_DI_ATAS_100 = (
    "Nilai {nilai} melebihi 100, padahal indikator ini berupa persentase. Periksa kembali "
    "pembilang, penyebut atau letak koma."
)
PESAN_MENCOLOK = (
    "Nilai {nilai} jauh berbeda dari {pembanding} ({pembanding_nilai}): {kali} kali lipatnya. "
    "Periksa letak koma dan titik ribuan."
)
PESAN_KUMULATIF_MENURUN = (
    "Indikator ini kumulatif (dijumlahkan per triwulan), tetapi nilai {nilai} membuat jumlah "
    "s.d. {triwulan} menurun."
)


@dataclass(frozen=True)
class Peringatan:
    kode: str
    pesan: str


@dataclass(frozen=True)
class Pembanding:
    """The values a new quarter's value is compared with (None: nothing entered)."""

    triwulan_lalu: Decimal | None = None
    label_triwulan_lalu: str = ""
    tahun_lalu: Decimal | None = None
    label_tahun_lalu: str = ""


def _persen(indikator: Indikator) -> bool:
    return bool(indikator.persen_dari_keseluruhan) or (
        (indikator.satuan or "").strip().lower() in SATUAN_PERSEN
    )


def _kali(nilai: Decimal, pembanding: Decimal | None) -> Decimal | None:
    """How many times `pembanding` the value is (or the other way round), when at least
    KALI_MENCOLOK; None otherwise or when there is nothing to compare with."""
    if pembanding is None or pembanding <= 0 or nilai <= 0:
        return None
    rasio = max(nilai / pembanding, pembanding / nilai)
    return rasio if rasio >= KALI_MENCOLOK else None


def peringatan_kewajaran(
    *, indikator: Indikator, triwulan: int, nilai: Decimal | None, pembanding: Pembanding
) -> list[Peringatan]:
    """Warnings for `nilai` typed as the value of `triwulan` (None or a predikat: none)."""
    if nilai is None:
        return []
    hasil = []
    teks = format_masukan(nilai)
    if _persen(indikator) and nilai > 100:
        hasil.append(
            Peringatan(KODE_PERSEN_DI_ATAS_100, PESAN_PERSEN_DI_ATAS_100.format(nilai=teks))
        )
    if indikator.cara_agregasi == CaraAgregasi.KUMULATIF and nilai < 0:
        hasil.append(
            Peringatan(
                KODE_KUMULATIF_MENURUN,
                PESAN_KUMULATIF_MENURUN.format(nilai=teks, triwulan=format_triwulan(triwulan)),
            )
        )
    for kode, dasar, label in (
        (KODE_MENCOLOK_TRIWULAN_LALU, pembanding.triwulan_lalu, pembanding.label_triwulan_lalu),
        (KODE_MENCOLOK_TAHUN_LALU, pembanding.tahun_lalu, pembanding.label_tahun_lalu),
    ):
        kali = _kali(nilai, dasar)
        if kali is not None:
            hasil.append(
                Peringatan(
                    kode,
                    PESAN_MENCOLOK.format(
                        nilai=teks,
                        pembanding=label,
                        pembanding_nilai=format_masukan(dasar),
                        kali=format_masukan(kali.quantize(Decimal(1))),
                    ),
                )
            )
            break  # one jump is enough to say; the second would repeat it
    return hasil


def _sebelumnya(tahun: int, triwulan: int) -> tuple[int, int]:
    return (tahun, triwulan - 1) if triwulan > 1 else (tahun - 1, 4)


def pembanding(*, indikator_ids: Iterable[int], tahun: int, triwulan: int) -> dict[int, Pembanding]:
    """{indikator_id: Pembanding} from the previous quarter and the same quarter last year
    (one query). Only numeric values count; a predikat is not compared."""
    ids = list(indikator_ids)
    th_lalu, tw_lalu = _sebelumnya(tahun, triwulan)
    baris = Realisasi.objects.filter(indikator_id__in=ids, nilai__isnull=False).filter(
        Q(tahun=th_lalu, triwulan=tw_lalu) | Q(tahun=tahun - 1, triwulan=triwulan)
    )
    nilai: dict[tuple[int, int, int], Decimal] = {
        (r.indikator_id, r.tahun, r.triwulan): r.nilai
        for r in baris.only("indikator_id", "tahun", "triwulan", "nilai")
    }
    label_lalu = f"{format_triwulan(tw_lalu)} {th_lalu}"
    label_tahun = f"{format_triwulan(triwulan)} {tahun - 1}"
    hasil = {}
    for i in ids:
        lalu = nilai.get((i, th_lalu, tw_lalu))
        tahun_lalu = nilai.get((i, tahun - 1, triwulan))
        hasil[i] = Pembanding(
            triwulan_lalu=lalu,
            label_triwulan_lalu=label_lalu,
            tahun_lalu=tahun_lalu,
            label_tahun_lalu=label_tahun,
        )
    return hasil
