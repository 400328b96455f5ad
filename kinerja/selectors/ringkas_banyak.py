"""The pengukuran kinerja of many PD at once, for pages that list every PD of a Pemda (the
SAKIP overview of `lke`): one load for all of them, then each PD measured by
`pengukuran_kinerja` itself.

The load mirrors what `pengukuran_kinerja` reads without `muatan=` (the Renstra covering the
year, the scale, the sasaran, the tujuan and sasaran indicators with targets of the year,
signed PK rows, quarterly targets and realisations of the year), for every PD in one query per
kind of row. Each PD's share is handed to `pengukuran_kinerja(muatan=...)`, so the capaian
rules are not repeated here and the numbers are those of the per-PD computation.

The per-PD loads built here hold only what the pengukuran of the year reads (no budget tree,
no program indicators, no other years): they never leave this module.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.db.models import Q

from renstra.models import Indikator, PerangkatDaerah, PeriodeRenstra, Sasaran
from renstra.selectors import periksa_triwulan

from .muat import DataIndikator, muat_data_indikator, muat_skala
from .muatan import MuatanKinerja
from .pengukuran import Pengukuran, pengukuran_kinerja


def _renstra_milik(ind: Indikator) -> int | None:
    """The Renstra period a tujuan or sasaran indicator belongs to."""
    if ind.sasaran_id is not None:
        return ind.sasaran.renstra_id
    if ind.tujuan_id is not None:
        return ind.tujuan.renstra_id
    return None


def pengukuran_banyak(
    *,
    daftar_pd: Sequence[PerangkatDaerah],
    tahun: int,
    triwulan: int = 4,
    hanya_iku: bool = False,
    hanya_resmi: bool = True,
) -> dict[int, Pengukuran]:
    """pd id → `pengukuran_kinerja(pd=..., tahun=..., triwulan=..., hanya_iku=...,
    hanya_resmi=...)` for every PD of `daftar_pd` (equal values, test-pinned).

    Queries (8, whatever the number of PD and the plan size; none for an empty list): Renstra
    periods covering `tahun`; scale; sasaran; indicators JOIN tujuan, sasaran; targets; signed
    PK rows; quarterly targets; realisations.
    """
    periksa_triwulan(triwulan)
    if not daftar_pd:
        return {}
    ids = [pd.pk for pd in daftar_pd]
    periode = PeriodeRenstra.objects.filter(
        perangkat_daerah_id__in=ids, tahun_awal__lte=tahun, tahun_akhir__gte=tahun
    )
    # The latest period covering the year, per PD (as `renstra_aktif`).
    renstra: dict[int, PeriodeRenstra] = {}
    for r in periode.select_related("rpjmd").order_by("perangkat_daerah_id", "-tahun_awal"):
        renstra.setdefault(r.perangkat_daerah_id, r)
    skala = muat_skala()
    sasaran: dict[int, list[Sasaran]] = defaultdict(list)
    id_periode = periode.values("pk")
    for s in Sasaran.objects.filter(renstra__in=id_periode).order_by("urutan", "id"):
        sasaran[s.renstra_id].append(s)
    qs = (
        Indikator.objects.filter(perangkat_daerah_id__in=ids)
        .filter(Q(sasaran__renstra__in=id_periode) | Q(tujuan__renstra__in=id_periode))
        .select_related("tujuan", "sasaran")
        .order_by("urutan", "id")
    )
    data: dict[int, list[DataIndikator]] = defaultdict(list)
    for d in muat_data_indikator(
        qs, tahun_target=[tahun], tahun_realisasi=[tahun], target_triwulan=True
    ):
        r = renstra.get(d.indikator.perangkat_daerah_id)
        if r is not None and _renstra_milik(d.indikator) == r.pk:
            data[r.perangkat_daerah_id].append(d)
    hasil = {}
    for pd in daftar_pd:
        r = renstra.get(pd.pk)
        muatan = MuatanKinerja(
            pd_id=pd.pk,
            tahun=tahun,
            renstra=r,
            skala=skala,
            hanya_resmi=hanya_resmi,
            tahun_target=frozenset([tahun]) if r else frozenset(),
            tahun_realisasi=frozenset([tahun]) if r else frozenset(),
            sasaran=tuple(sasaran.get(r.pk, ())) if r else (),
            data=tuple(data.get(pd.pk, ())),
        )
        hasil[pd.pk] = pengukuran_kinerja(
            pd=pd,
            tahun=tahun,
            triwulan=triwulan,
            hanya_iku=hanya_iku,
            hanya_resmi=hanya_resmi,
            muatan=muatan,
        )
    return hasil
