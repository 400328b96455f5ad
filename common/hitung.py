"""Decimal arithmetic on report numbers where None means "no data" (never zero).

Pure Python, shared by every layer (the capaian engine, budget roll-ups, reports): a
percentage, a sum and a difference computed at the working precision (`PRESISI`), unrounded;
rounding happens once, when a number is formatted (common.formatting).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, localcontext

from .formatting import PRESISI

SERATUS = Decimal(100)


def persen(pembilang: Decimal | None, penyebut: Decimal | None) -> Decimal | None:
    """pembilang / penyebut × 100, unrounded; None when either is missing or penyebut is 0."""
    if pembilang is None or penyebut is None or penyebut == 0:
        return None
    with localcontext(prec=PRESISI):
        return pembilang * SERATUS / penyebut


def jumlah(nilai: Iterable[Decimal | None]) -> Decimal | None:
    """Sum of the values given; None when none is given (no data is not zero)."""
    ada = [n for n in nilai if n is not None]
    if not ada:
        return None
    with localcontext(prec=PRESISI):
        return sum(ada, Decimal(0))


def kurang(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    """a − b; None when either is missing."""
    if a is None or b is None:
        return None
    with localcontext(prec=PRESISI):
        return a - b
