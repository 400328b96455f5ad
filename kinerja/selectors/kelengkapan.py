"""Completeness of one quarter's entry: per unit and indicator, how far each realisation went
in the workflow (belum diisi → terisi → diajukan → diverifikasi → disetujui).

One computation behind the entry list's status filter and counts, the home page's "quarter
at a glance" and the whole-quarter grid. Three queries whatever the number of indicators:
units (none when the caller has them), indicators (with their responsible unit), the
quarter's realisations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from common.workflow import Status
from renstra.models import Indikator, UnitKerja
from renstra.selectors import filter_unit, indikator_dengan_unit

from ..models import Realisasi

BELUM_DIISI = "belum"
"""The status filter's value for an indicator without a realisation this quarter."""

PILIHAN_STATUS = (
    (BELUM_DIISI, "Belum diisi"),
    (Status.DRAFT, "Draf"),
    (Status.DIAJUKAN, "Diajukan"),
    (Status.DIKEMBALIKAN, "Dikembalikan"),
    (Status.DIVERIFIKASI, "Diverifikasi"),
    (Status.DISETUJUI, "Disetujui"),
)
"""Status filter of the entry list, in workflow order (value, label)."""

_SUDAH_DIAJUKAN = frozenset({Status.DIAJUKAN, Status.DIVERIFIKASI, Status.DISETUJUI})
_SUDAH_DIVERIFIKASI = frozenset({Status.DIVERIFIKASI, Status.DISETUJUI})


def status_baris(r: Realisasi | None) -> str:
    """The filter value of one indicator's quarter: BELUM_DIISI or the workflow status."""
    return BELUM_DIISI if r is None else r.status


def terisi(r: Realisasi | None) -> bool:
    """A value (number or predikat) has been entered, whatever the workflow state."""
    return r is not None and (r.nilai is not None or bool(r.predikat))


@dataclass(frozen=True)
class BarisKelengkapan:
    indikator: Indikator
    realisasi: Realisasi | None

    @property
    def status(self) -> str:
        return status_baris(self.realisasi)


@dataclass
class KelengkapanUnit:
    """One unit's quarter (`unit` None: indicators held at the level of the PD)."""

    unit: UnitKerja | None
    baris: list[BarisKelengkapan] = field(default_factory=list)
    terisi: int = 0
    diajukan: int = 0
    diverifikasi: int = 0
    disetujui: int = 0

    @property
    def jumlah(self) -> int:
        return len(self.baris)

    def persen(self, n: int) -> int:
        """Whole percent of the unit's indicators (for bar widths), 0 for an empty unit."""
        return n * 100 // self.jumlah if self.jumlah else 0

    @property
    def persen_terisi(self) -> int:
        return self.persen(self.terisi)

    @property
    def persen_diajukan(self) -> int:
        return self.persen(self.diajukan)

    @property
    def persen_diverifikasi(self) -> int:
        return self.persen(self.diverifikasi)

    @property
    def persen_disetujui(self) -> int:
        return self.persen(self.disetujui)


@dataclass(frozen=True)
class Kelengkapan:
    tahun: int
    triwulan: int
    units: list[KelengkapanUnit]

    @property
    def baris(self) -> list[BarisKelengkapan]:
        return [b for u in self.units for b in u.baris]

    def hitung_status(self) -> dict[str, int]:
        """{filter value: number of indicators}, every value of PILIHAN_STATUS present."""
        hasil = {nilai: 0 for nilai, _ in PILIHAN_STATUS}
        for b in self.baris:
            hasil[b.status] = hasil.get(b.status, 0) + 1
        return hasil


def kelengkapan_triwulan(
    *,
    pd,
    tahun: int,
    triwulan: int,
    unit_ids: set[int] | None = None,
    units: Iterable[UnitKerja] | None = None,
) -> Kelengkapan:
    """The quarter of the PD's indicators grouped by responsible unit, in the units' order
    (indicators without a unit last); `unit_ids` limits to those units (None: all). Pass the
    PD's `units` when already loaded to save their query."""
    units = sorted(
        UnitKerja.objects.filter(perangkat_daerah=pd) if units is None else units,
        key=lambda u: u.pk,
    )
    qs = filter_unit(indikator_dengan_unit(Indikator.objects.for_pd(pd)), unit_ids)
    indikator = list(qs.order_by("urutan", "id"))
    realisasi = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__in=qs.values("pk"), tahun=tahun, triwulan=triwulan
        )
    }
    per_unit = {u.pk: KelengkapanUnit(unit=u) for u in units}
    tanpa_unit = KelengkapanUnit(unit=None)
    for ind in indikator:
        kelompok = per_unit.get(ind.unit_id, tanpa_unit)
        r = realisasi.get(ind.pk)
        kelompok.baris.append(BarisKelengkapan(indikator=ind, realisasi=r))
        kelompok.terisi += terisi(r)
        kelompok.diajukan += r is not None and r.status in _SUDAH_DIAJUKAN
        kelompok.diverifikasi += r is not None and r.status in _SUDAH_DIVERIFIKASI
        kelompok.disetujui += r is not None and r.status == Status.DISETUJUI
    daftar = [k for k in per_unit.values() if k.baris]
    if tanpa_unit.baris:
        daftar.append(tanpa_unit)
    return Kelengkapan(tahun=tahun, triwulan=triwulan, units=daftar)
