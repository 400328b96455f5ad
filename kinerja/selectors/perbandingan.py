"""Comparisons over the years: realisasi and capaian of this year beside earlier years and
the Renstra's end target (LKjIP Bab III).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

from common.formatting import PRESISI
from kinerja.capaian import (
    HasilCapaian,
    Kategori,
)
from renstra.models import (
    Indikator,
    PerangkatDaerah,
)
from renstra.selectors import renstra_aktif

from .muat import (
    InfoIndikator,
    Skala,
    capaian_indikator,
    muat_data_indikator,
    muat_skala,
    nilai_realisasi,
    pilih_target,
    target_akhir_renstra,
)
from .muatan import MuatanKinerja

# --- Comparisons over the years -------------------------------------------------------------


@dataclass(frozen=True)
class NilaiTahun:
    """One year of an indicator: target (version named), realisation of the year, capaian."""

    tahun: int
    target: Any
    sumber_target: str | None
    realisasi: Any
    capaian: HasilCapaian
    kategori: Kategori | None


@dataclass(frozen=True)
class BarisPerbandingan:
    indikator: InfoIndikator
    sasaran_id: int
    sasaran_kode: str
    sasaran_uraian: str
    tahun: tuple[NilaiTahun, ...]
    """Oldest first; the last item is the year asked for."""
    perubahan_realisasi: Decimal | None
    """Realisasi of the year minus the previous year's, in points (None if either missing)."""
    perubahan_capaian: Decimal | None
    """Capaian of the year minus the previous year's, in percentage points."""
    target_akhir: Any
    """The Renstra end target: the Renstra target of the period's last year, else kondisi akhir."""
    sumber_target_akhir: str | None
    """"renstra" or "kondisi_akhir" (None when neither holds a value)."""
    tahun_akhir: int | None
    capaian_akhir: HasilCapaian
    """Realisasi of the year against `target_akhir` (× 100, by the indicator's polarity)."""
    nilai_pembanding: Decimal | None
    sumber_pembanding: str
    capaian_pembanding: HasilCapaian | None
    """Realisasi against the national/provincial benchmark, when one is entered."""


@dataclass(frozen=True)
class PerbandinganTahun:
    pd_id: int
    tahun: int
    daftar_tahun: tuple[int, ...]
    hanya_resmi: bool
    baris: tuple[BarisPerbandingan, ...]
    skala: Skala

    def __iter__(self) -> Iterator[BarisPerbandingan]:
        return iter(self.baris)

    def __len__(self) -> int:
        return len(self.baris)


def _selisih(a: Any, b: Any) -> Decimal | None:
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        with localcontext(prec=PRESISI):
            return a - b
    return None


def _muat_indikator(
    pd: PerangkatDaerah, renstra, daftar_tahun: tuple[int, ...], hanya_iku: bool
) -> list:
    qs = (
        Indikator.objects.filter(perangkat_daerah=pd, sasaran__renstra=renstra)
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran_id", "-iku", "urutan", "id")
    )
    if hanya_iku:
        qs = qs.filter(iku=True)
    return muat_data_indikator(
        qs,
        tahun_target=[*daftar_tahun, renstra.tahun_akhir],
        tahun_realisasi=daftar_tahun,
    )


def perbandingan_tahun(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    jumlah_tahun: int = 3,
    hanya_iku: bool = False,
    hanya_resmi: bool = True,
    muatan: MuatanKinerja | None = None,
) -> PerbandinganTahun:
    """Bab III comparisons per sasaran indicator: this year against `jumlah_tahun` previous
    years (realisasi and capaian each year), against the Renstra end target, and against the
    benchmark (nilai_pembanding) when one is set.

    Year values are the year's realisation (TW IV rule of `pengukuran_kinerja`); each year is
    measured against that year's target by the same version rule.

    Queries (6): Renstra period; scale; indicators JOIN sasaran; targets; signed PK rows;
    realisations
    (2 when no Renstra covers the year); none with `muatan` (`muat_kinerja`).
    """
    daftar_tahun = tuple(range(tahun - jumlah_tahun, tahun + 1))
    if muatan is not None:
        renstra, skala = muatan.renstra, muatan.skala
        akhir = (renstra.tahun_akhir,) if renstra else ()
        muatan.periksa(
            pd, tahun, tahun_target=(*daftar_tahun, *akhir), tahun_realisasi=daftar_tahun
        )
    else:
        renstra = renstra_aktif(pd=pd, tahun=tahun)
        skala = muat_skala()
    if renstra is None:
        return PerbandinganTahun(pd.pk, tahun, daftar_tahun, hanya_resmi, (), skala)
    if muatan is not None:
        data_list = sorted(
            (d for d in muatan.indikator("sasaran") if d.indikator.iku or not hanya_iku),
            key=lambda d: (
                d.indikator.sasaran.urutan,
                d.indikator.sasaran_id,
                not d.indikator.iku,
                d.indikator.urutan,
                d.indikator.pk,
            ),
        )
    else:
        data_list = _muat_indikator(pd, renstra, daftar_tahun, hanya_iku)
    hasil = []
    for data in data_list:
        ind = data.indikator
        nilai_tahun = []
        for t in daftar_tahun:
            target, sumber = pilih_target(data, t)
            target_nilai = target.nilai_masukan() if target else None
            real = nilai_realisasi(data, t, 4, hanya_resmi=hanya_resmi).nilai
            cap = capaian_indikator(ind, target_nilai, real)
            nilai_tahun.append(
                NilaiTahun(t, target_nilai, sumber, real, cap, skala.kategori(cap.nilai))
            )
        ini, lalu = nilai_tahun[-1], (nilai_tahun[-2] if len(nilai_tahun) > 1 else None)
        target_akhir, sumber_akhir = target_akhir_renstra(data, renstra.tahun_akhir)
        hasil.append(
            BarisPerbandingan(
                indikator=InfoIndikator.dari(ind),
                sasaran_id=ind.sasaran_id,
                sasaran_kode=ind.sasaran.kode,
                sasaran_uraian=ind.sasaran.uraian,
                tahun=tuple(nilai_tahun),
                perubahan_realisasi=_selisih(ini.realisasi, lalu.realisasi) if lalu else None,
                perubahan_capaian=_selisih(ini.capaian.nilai, lalu.capaian.nilai) if lalu else None,
                target_akhir=target_akhir,
                sumber_target_akhir=sumber_akhir,
                tahun_akhir=renstra.tahun_akhir,
                capaian_akhir=capaian_indikator(ind, target_akhir, ini.realisasi),
                nilai_pembanding=ind.nilai_pembanding,
                sumber_pembanding=ind.sumber_pembanding,
                capaian_pembanding=capaian_indikator(ind, ind.nilai_pembanding, ini.realisasi)
                if ind.nilai_pembanding is not None
                else None,
            )
        )
    return PerbandinganTahun(pd.pk, tahun, daftar_tahun, hanya_resmi, tuple(hasil), skala)
