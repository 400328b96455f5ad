"""Reads of the plan shared by the layers above it (measurement, budgets, reports)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from common.formatting import PESAN_TRIWULAN_TIDAK_VALID

from .models import (
    Indikator,
    Kegiatan,
    Nomenklatur,
    PerangkatDaerah,
    PeriodeRenstra,
    Program,
    SubKegiatan,
    Target,
    UnitKerja,
)

UNIT_INDIKATOR = Coalesce(
    "penanggung_jawab_id",
    "program__unit_kerja_id",
    "kegiatan__unit_kerja_id",
    "kegiatan__program__unit_kerja_id",
    "sub_kegiatan__unit_kerja_id",
    "sub_kegiatan__kegiatan__unit_kerja_id",
    "sub_kegiatan__kegiatan__program__unit_kerja_id",
)
"""The unit responsible for an indicator: its penanggung jawab, else the unit of its program,
kegiatan or sub-kegiatan (nearest level first). None for a tujuan/sasaran indicator without a
penanggung jawab: only PD-wide operators enter those."""


def indikator_dengan_unit(qs: QuerySet[Indikator] | None = None) -> QuerySet[Indikator]:
    """Indicators annotated with `unit_id` (see UNIT_INDIKATOR)."""
    qs = Indikator.objects.all() if qs is None else qs
    return qs.annotate(unit_id=UNIT_INDIKATOR)


@dataclass(frozen=True)
class BarisDaftarIndikator:
    """One row of the indicator list: the indicator, its responsible unit, its targets."""

    indikator: Indikator
    unit: UnitKerja | None
    target: dict[str, Target]
    """The targets of the year by jenis (renstra, renja, pk_murni, …)."""


def daftar_indikator(pd: PerangkatDaerah, tahun: int) -> list[BarisDaftarIndikator]:
    """Every indicator of the PD (urutan order) with its unit and its targets of `tahun`:
    the indicator page and its XLSX download. Queries (3): units; indicators; targets."""
    units = {u.pk: u for u in UnitKerja.objects.filter(perangkat_daerah=pd)}
    qs = (
        indikator_dengan_unit(Indikator.objects.for_pd(pd))
        .order_by("urutan", "id")
        .prefetch_related(
            Prefetch("target", queryset=Target.objects.filter(tahun=tahun), to_attr="target_tahun")
        )
    )
    return [
        BarisDaftarIndikator(
            indikator=ind,
            unit=units.get(ind.unit_id),
            target={t.jenis: t for t in ind.target_tahun},
        )
        for ind in qs
    ]


def nama_urusan_bidang() -> dict[str, str]:
    """Kepmendagri names of the urusan and bidang codes ("8" → "…"), for the Renja form's
    group rows. One query."""
    return dict(
        Nomenklatur.objects.filter(
            tingkat__in=[Nomenklatur.Tingkat.URUSAN, Nomenklatur.Tingkat.BIDANG]
        ).values_list("kode", "nama")
    )


def unit_indikator_id(indikator: Indikator) -> int | None:
    """The responsible unit's id; uses the `unit_id` annotation when present (no query)."""
    if hasattr(indikator, "unit_id"):
        return indikator.unit_id
    return (
        indikator_dengan_unit(Indikator.objects.filter(pk=indikator.pk))
        .values_list("unit_id", flat=True)
        .first()
    )


def filter_unit(qs: QuerySet[Indikator], unit_ids: set[int] | None) -> QuerySet[Indikator]:
    """Indicators of the given units (None: all); `qs` must carry the `unit_id` annotation."""
    if unit_ids is None:
        return qs
    return qs.filter(unit_id__in=unit_ids)


def periksa_triwulan(triwulan: int) -> None:
    """Raise ValueError (PESAN_TRIWULAN_TIDAK_VALID) unless 1 ≤ triwulan ≤ 4."""
    if isinstance(triwulan, bool) or not isinstance(triwulan, int) or not 1 <= triwulan <= 4:
        raise ValueError(PESAN_TRIWULAN_TIDAK_VALID)


def renstra_aktif(*, pd: PerangkatDaerah, tahun: int) -> PeriodeRenstra | None:
    """The PD's Renstra period covering `tahun` (the latest one if periods overlap). 1 query."""
    return (
        PeriodeRenstra.objects.filter(
            perangkat_daerah=pd, tahun_awal__lte=tahun, tahun_akhir__gte=tahun
        )
        .select_related("rpjmd")
        .order_by("-tahun_awal")
        .first()
    )


def q_dalam_renstra(renstra: PeriodeRenstra) -> Q:
    """Rows attached to a program, kegiatan or sub-kegiatan of `renstra` (indicators, pagu,
    realisasi anggaran: any model with those three foreign keys)."""
    return (
        Q(program__renstra=renstra)
        | Q(kegiatan__program__renstra=renstra)
        | Q(sub_kegiatan__kegiatan__program__renstra=renstra)
    )


def muat_pohon_rencana(renstra: PeriodeRenstra, *, dengan_sasaran: bool = False) -> list[Program]:
    """The program tree of a Renstra period, loaded once: the one tree walk behind the budget
    roll-up, the Renja form, efisiensi and PK drafting.

    Programs in order, each with `kegiatan_dimuat` (its kegiatan in order), each kegiatan with
    `sub_kegiatan_dimuat`; every level with its unit kerja. Queries: 3 (programs, kegiatan,
    sub-kegiatan), +1 with `dengan_sasaran` (the programs' sasaran, prefetched).
    """
    program_qs = Program.objects.filter(renstra=renstra).select_related("unit_kerja")
    if dengan_sasaran:
        program_qs = program_qs.prefetch_related("sasaran")
    program = list(program_qs.order_by("urutan", "id"))
    kegiatan = list(
        Kegiatan.objects.filter(program__renstra=renstra)
        .select_related("unit_kerja")
        .order_by("urutan", "id")
    )
    sub = list(
        SubKegiatan.objects.filter(kegiatan__program__renstra=renstra)
        .select_related("unit_kerja")
        .order_by("urutan", "id")
    )
    sub_per_kegiatan: dict[int, list[SubKegiatan]] = defaultdict(list)
    for s in sub:
        sub_per_kegiatan[s.kegiatan_id].append(s)
    kegiatan_per_program: dict[int, list[Kegiatan]] = defaultdict(list)
    for k in kegiatan:
        k.sub_kegiatan_dimuat = sub_per_kegiatan[k.pk]
        kegiatan_per_program[k.program_id].append(k)
    for p in program:
        p.kegiatan_dimuat = kegiatan_per_program[p.pk]
    return program
