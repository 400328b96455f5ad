"""One load of a PD's performance data for a year, shared by every selector a report calls
(issue 14 point 9: the LKjIP loads its data once per request).

`muat_kinerja` reads, in a fixed number of queries whatever the plan size: the Renstra
covering the year, the category scale, the sasaran, the budget tree (programs with their
sasaran, kegiatan, sub-kegiatan, pagu and approved realisasi anggaran of every year of the
period), the urusan/bidang nomenclature, and every indicator of the PD in that Renstra (tujuan,
sasaran, program, kegiatan, sub-kegiatan) with its targets, signed PK rows, quarterly targets
and realisations of the years the reports compare.

`pengukuran_kinerja`, `perbandingan_tahun`, `evaluasi_renja`, `efisiensi` and
`anggaran.selectors.rekap_anggaran` accept it through `muatan=` and then run no query of
their own (the Renja form still reads its AnalisisProgram rows); `kinerja.validasi.validasi_pd`
reads it too and then loads only what the load does not hold (8 queries). Without it each
loads what it needs by itself, with its pinned count. The values are the same either way:
every loaded row is keyed by year, so loading more years than one selector needs changes
nothing it reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from anggaran.selectors import PohonAnggaran, muat_pohon_anggaran
from renstra.models import (
    Indikator,
    PerangkatDaerah,
    PeriodeRenstra,
    Sasaran,
)
from renstra.selectors import nama_urusan_bidang, renstra_aktif

from .muat import DataIndikator, Skala, muat_data_indikator, muat_skala

JUMLAH_TAHUN_PERBANDINGAN = 3
"""Previous years the LKjIP compares (`perbandingan_tahun(jumlah_tahun=3)`)."""

PESAN_MUATAN_LAIN = "Muatan kinerja tidak memuat perangkat daerah, tahun atau data yang diminta."


@dataclass(frozen=True)
class MuatanKinerja:
    """What `muat_kinerja` loaded (read-only for the selectors that receive it)."""

    pd_id: int
    tahun: int
    renstra: PeriodeRenstra | None
    skala: Skala
    hanya_resmi: bool
    """Whether the budget tree holds approved realisasi anggaran only."""
    tahun_target: frozenset[int]
    tahun_realisasi: frozenset[int]
    sasaran: tuple[Sasaran, ...] = ()
    """Sasaran of the Renstra by urutan."""
    pohon: PohonAnggaran = field(default_factory=lambda: PohonAnggaran(None, [], {}, {}))
    """Programs (with `sasaran` prefetched) → kegiatan → sub-kegiatan, pagu and realisasi
    anggaran of every year of the period."""
    nama_kode: dict[str, str] = field(default_factory=dict)
    """Urusan and bidang names by Kepmendagri code."""
    data: tuple[DataIndikator, ...] = ()
    """Every indicator of the PD in the Renstra (tujuan, sasaran and penanggung jawab joined),
    by (urutan, id), with targets, signed PK rows, quarterly targets and realisations (each
    with `jumlah_bukti`, its evidence count)."""

    @property
    def periode(self) -> tuple[int, ...]:
        r = self.renstra
        return tuple(range(r.tahun_awal, r.tahun_akhir + 1)) if r else ()

    def periksa(
        self,
        pd: PerangkatDaerah,
        tahun: int,
        *,
        tahun_target: tuple[int, ...] = (),
        tahun_realisasi: tuple[int, ...] = (),
        hanya_resmi: bool | None = None,
    ) -> None:
        """Raise ValueError unless this load is of `pd` and `tahun` and holds the years (and
        the budget status) a selector reads: a selector never computes from a partial load.
        Without a Renstra nothing is loaded and the selectors return their empty result."""
        if self.pd_id != pd.pk or self.tahun != tahun:
            raise ValueError(PESAN_MUATAN_LAIN)
        if self.renstra is None:
            return
        if (
            not set(tahun_target) <= self.tahun_target
            or not set(tahun_realisasi) <= self.tahun_realisasi
            or (hanya_resmi is not None and hanya_resmi != self.hanya_resmi)
        ):
            raise ValueError(PESAN_MUATAN_LAIN)

    def indikator(self, *tingkat: str) -> list[DataIndikator]:
        """The loaded indicators of the given levels ("tujuan", "sasaran", "program", …), in
        load order (urutan, id)."""
        return [d for d in self.data if d.indikator.tingkat in tingkat]


def muat_kinerja(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    jumlah_tahun: int = JUMLAH_TAHUN_PERBANDINGAN,
    hanya_resmi: bool = True,
) -> MuatanKinerja:
    """Load once what the LKjIP's selectors measure (see the module docstring).

    Years: targets of the `jumlah_tahun` previous years, the year and every year of the
    period; realisations of the previous years, the period's years up to `tahun`.

    Queries (15, whatever the plan size; 2 when no Renstra covers `tahun`): Renstra; scale;
    sasaran; programs; program→sasaran; kegiatan; sub-kegiatan; pagu; realisasi anggaran;
    nomenclature; indicators (with tujuan, sasaran, penanggung jawab); targets; signed PK
    rows; quarterly targets; realisations (with an evidence count, which
    `kinerja.validasi.validasi_pd` reads).
    """
    renstra = renstra_aktif(pd=pd, tahun=tahun)
    skala = muat_skala()
    if renstra is None:
        return MuatanKinerja(
            pd.pk,
            tahun,
            None,
            skala,
            hanya_resmi,
            frozenset(),
            frozenset(),
            pohon=PohonAnggaran(None, [], {}, {}, (), hanya_resmi),
        )
    periode = range(renstra.tahun_awal, renstra.tahun_akhir + 1)
    banding = range(tahun - jumlah_tahun, tahun + 1)
    tahun_target = frozenset([*banding, *periode])
    tahun_realisasi = frozenset([*banding, *(t for t in periode if t <= tahun)])
    sasaran = tuple(Sasaran.objects.filter(renstra=renstra).order_by("urutan", "id"))
    pohon = muat_pohon_anggaran(
        renstra=renstra, tahun_list=periode, dengan_sasaran=True, hanya_resmi=hanya_resmi
    )
    nama_kode = nama_urusan_bidang()
    qs = (
        Indikator.objects.filter(perangkat_daerah=pd)
        .filter(
            Q(tujuan__renstra=renstra)
            | Q(sasaran__renstra=renstra)
            | Q(program__renstra=renstra)
            | Q(kegiatan__program__renstra=renstra)
            | Q(sub_kegiatan__kegiatan__program__renstra=renstra)
        )
        .select_related("tujuan", "sasaran", "penanggung_jawab")
        .order_by("urutan", "id")
    )
    data = muat_data_indikator(
        qs,
        tahun_target=tahun_target,
        tahun_realisasi=tahun_realisasi,
        target_triwulan=True,
        anotasi_bukti=True,
    )
    return MuatanKinerja(
        pd.pk,
        tahun,
        renstra,
        skala,
        hanya_resmi,
        tahun_target,
        tahun_realisasi,
        sasaran=sasaran,
        pohon=pohon,
        nama_kode=nama_kode,
        data=tuple(data),
    )
