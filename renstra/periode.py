"""Entry windows of the quarters (DOMAIN.md §8): when a quarter may be edited.

Each quarter of a year has an entry window per PD (`JendelaPengisian`). When none is defined
the default applies: open from the first day of the quarter until day 10 after it ends
(TW I 2024: 1 January – 10 April 2024). Outside the window the quarter is locked; an approved
`PembukaanKembali` (reopen) that has not expired opens it again, for the whole PD or for one
unit. Dates are local dates (settings.TIME_ZONE); a window includes both its ends.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from common.formatting import format_tanggal, format_triwulan

from .models import JendelaPengisian, PembukaanKembali, PeriodeRenstra

HARI_SETELAH_TRIWULAN = 10
"""Default: a quarter stays open this many days after it ends."""

PESAN_PERIODE_TERKUNCI = (
    "Periode {triwulan} {tahun} sudah terkunci (batas pengisian {ditutup}). "
    "Ajukan permintaan pembukaan kembali kepada Kepala Perangkat Daerah atau Perencana."
)
PESAN_PERIODE_BELUM_DIBUKA = "Periode {triwulan} {tahun} belum dibuka; pengisian dimulai {dibuka}."


@dataclass(frozen=True)
class StatusPeriode:
    """Whether a quarter may be edited now, and why."""

    tahun: int
    triwulan: int
    dibuka: datetime.date
    ditutup: datetime.date
    terbuka: bool
    dibuka_kembali: PembukaanKembali | None = None
    jendela_bawaan: bool = True

    @property
    def pesan(self) -> str:
        """The Indonesian sentence shown when the quarter is locked ("" when open)."""
        if self.terbuka:
            return ""
        nilai = {
            "triwulan": format_triwulan(self.triwulan),
            "tahun": self.tahun,
            "dibuka": format_tanggal(self.dibuka),
            "ditutup": format_tanggal(self.ditutup),
        }
        if self.belum_dibuka:
            return PESAN_PERIODE_BELUM_DIBUKA.format(**nilai)
        return PESAN_PERIODE_TERKUNCI.format(**nilai)

    @property
    def belum_dibuka(self) -> bool:
        return not self.terbuka and timezone.localdate() < self.dibuka


def awal_triwulan(tahun: int, triwulan: int) -> datetime.date:
    return datetime.date(tahun, 3 * (triwulan - 1) + 1, 1)


def akhir_triwulan(tahun: int, triwulan: int) -> datetime.date:
    if triwulan == 4:
        return datetime.date(tahun, 12, 31)
    return awal_triwulan(tahun, triwulan + 1) - datetime.timedelta(days=1)


def jendela_bawaan(tahun: int, triwulan: int) -> tuple[datetime.date, datetime.date]:
    """(dibuka, ditutup) of the default window: quarter start until day 10 after its end."""
    return (
        awal_triwulan(tahun, triwulan),
        akhir_triwulan(tahun, triwulan) + datetime.timedelta(days=HARI_SETELAH_TRIWULAN),
    )


def triwulan_dari_tanggal(tanggal: datetime.date) -> tuple[int, int]:
    """(tahun, triwulan) that contains `tanggal`."""
    return tanggal.year, (tanggal.month - 1) // 3 + 1


def status_periode(
    *,
    pd,
    tahun: int,
    triwulan: int,
    unit_id: int | None = None,
    sekarang: datetime.datetime | None = None,
) -> StatusPeriode:
    """The entry status of (`pd`, `tahun`, `triwulan`) for a unit (None: PD-wide entries).

    Two queries at most: the PD's window for the quarter, then (only when locked) an approved
    reopen for the PD or the unit that is still valid at `sekarang` (default: now).
    """
    sekarang = sekarang or timezone.now()
    hari_ini = timezone.localtime(sekarang).date()
    jendela = JendelaPengisian.objects.filter(
        perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
    ).first()
    if jendela is not None:
        dibuka, ditutup, bawaan = jendela.dibuka, jendela.ditutup, False
    else:
        (dibuka, ditutup), bawaan = jendela_bawaan(tahun, triwulan), True
    if dibuka <= hari_ini <= ditutup:
        return StatusPeriode(tahun, triwulan, dibuka, ditutup, True, None, bawaan)
    pembukaan = pembukaan_berlaku(
        pd=pd, tahun=tahun, triwulan=triwulan, unit_id=unit_id, sekarang=sekarang
    )
    return StatusPeriode(tahun, triwulan, dibuka, ditutup, pembukaan is not None, pembukaan, bawaan)


def pembukaan_berlaku(
    *, pd, tahun: int, triwulan: int, unit_id: int | None, sekarang: datetime.datetime
) -> PembukaanKembali | None:
    """The approved, unexpired reopen covering the unit (or the whole PD), if any."""
    cakupan = Q(unit_kerja__isnull=True)
    if unit_id is not None:
        cakupan |= Q(unit_kerja_id=unit_id)
    return (
        PembukaanKembali.objects.filter(
            cakupan,
            perangkat_daerah=pd,
            tahun=tahun,
            triwulan=triwulan,
            status=PembukaanKembali.Status.DISETUJUI,
            berlaku_sampai__gt=sekarang,
        )
        .order_by("-berlaku_sampai")
        .first()
    )


def wajib_terbuka(*, pd, tahun: int, triwulan: int, unit_id: int | None = None) -> None:
    """Raise `ValidationError` with the lock message when the quarter may not be edited.

    Triwulan 0 (a yearly figure) follows the TW IV window.
    """
    status = status_periode(pd=pd, tahun=tahun, triwulan=triwulan or 4, unit_id=unit_id)
    if not status.terbuka:
        raise ValidationError(status.pesan, code="periode_terkunci")


def periode_aktif(pd, hari_ini: datetime.date | None = None) -> tuple[int, int]:
    """The quarter an operator is most likely filling today: the earliest quarter whose
    window contains today (so TW I stays first until 10 April), else the current quarter."""
    hari_ini = hari_ini or timezone.localdate()
    tahun, triwulan = triwulan_dari_tanggal(hari_ini)
    kandidat = [(tahun - 1, 4)] if triwulan == 1 else [(tahun, triwulan - 1)]
    kandidat.append((tahun, triwulan))
    jendela = {
        (j.tahun, j.triwulan): (j.dibuka, j.ditutup)
        for j in JendelaPengisian.objects.filter(
            Q(tahun=kandidat[0][0], triwulan=kandidat[0][1])
            | Q(tahun=kandidat[1][0], triwulan=kandidat[1][1]),
            perangkat_daerah=pd,
        )
    }
    for kunci in kandidat:
        dibuka, ditutup = jendela.get(kunci) or jendela_bawaan(*kunci)
        if dibuka <= hari_ini <= ditutup:
            return kunci
    return tahun, triwulan


# --- The period selector of the screens ------------------------------------------------------

PESAN_PERIODE_TIDAK_SAH = "Tahun atau triwulan tidak sah."
TAHUN_MIN, TAHUN_MAKS = 2000, 2100


def baca_periode(request, pd) -> tuple[int, int]:
    """(tahun, triwulan) from ?tahun=&triwulan=, else the active quarter of the PD."""
    try:
        tahun = int(request.GET.get("tahun") or 0)
        triwulan = int(request.GET.get("triwulan") or 0)
    except ValueError:
        tahun = triwulan = 0
    if TAHUN_MIN <= tahun <= TAHUN_MAKS and 1 <= triwulan <= 4:
        return tahun, triwulan
    aktif = periode_aktif(pd)
    if TAHUN_MIN <= tahun <= TAHUN_MAKS:
        return tahun, aktif[1]
    return aktif


def wajib_periode(tahun: int, triwulan: int) -> None:
    if not (TAHUN_MIN <= tahun <= TAHUN_MAKS and 1 <= triwulan <= 4):
        raise Http404(PESAN_PERIODE_TIDAK_SAH)


def pilihan_periode(pd, tahun: int) -> dict:
    """Years and quarters offered by the period selector."""
    tahun_list = set()
    for awal, akhir in PeriodeRenstra.objects.filter(perangkat_daerah=pd).values_list(
        "tahun_awal", "tahun_akhir"
    ):
        tahun_list.update(range(awal, akhir + 1))
    tahun_list.add(tahun)
    return {
        "daftar_tahun": sorted(tahun_list, reverse=True),
        "daftar_triwulan": [(n, format_triwulan(n)) for n in range(1, 5)],
    }
