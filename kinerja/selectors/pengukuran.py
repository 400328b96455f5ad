"""The pengukuran kinerja of a PD and year (LKjIP Bab III, the quarterly report, the API):
every indicator with its target, realisasi, capaian and category, and the sasaran averages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q

from common.hitung import persen as _persen
from kinerja.capaian import (
    HasilCapaian,
    Kategori,
    predikat_sakip,
    rata_rata_capaian,
)
from renstra.models import (
    Indikator,
    PerangkatDaerah,
    Sasaran,
)
from renstra.selectors import periksa_triwulan, renstra_aktif

from .muat import (
    PESAN_TIDAK_TERHITUNG,
    URUTAN_VERSI_TARGET,
    DataIndikator,
    InfoIndikator,
    Skala,
    batas_rata_rata,
    capaian_indikator,
    muat_data_indikator,
    muat_skala,
    nilai_realisasi,
    pilih_target,
)

# --- Pengukuran -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisIndikator:
    """One indicator of the pengukuran table, measured "s.d. TW n" of one year."""

    indikator: InfoIndikator
    tahun: int
    triwulan: int
    target: Any
    """The target used (Decimal, predikat letter, range dict) or None."""
    sumber_target: str | None
    """The version of `target`: "pk_perubahan", "pk_murni", "renja", "renstra" or None."""
    realisasi: Any
    """The realisation s.d. TW n combined by cara_agregasi, or None ("belum ada data")."""
    sumber_realisasi: str | None
    """"triwulan" (quarters combined) or "tahunan" (the yearly value, triwulan 0)."""
    realisasi_triwulan: tuple[Any, Any, Any, Any]
    """Values reported for TW I–IV (all four, whatever n)."""
    realisasi_tahunan: Any
    pembilang: Decimal | None
    penyebut: Decimal | None
    nilai_rasio: Decimal | None
    """pembilang / penyebut × 100, unrounded, when both are stored."""
    capaian: HasilCapaian
    kategori: Kategori | None
    target_triwulan: Any
    """The cumulative rencana-aksi target up to TW n, when one exists."""
    capaian_triwulan: HasilCapaian | None
    """Realisasi s.d. TW n against `target_triwulan` (progress against plan)."""
    kategori_triwulan: Kategori | None
    ada_draf: bool
    """Values not yet approved exist for TW 0..n (shown as draft, used only if not hanya_resmi)."""
    realisasi_id: int | None
    """The Realisasi row that gives the value (for links, evidence and analysis)."""
    penjelasan: str
    faktor_pendorong: str
    faktor_penghambat: str
    tindak_lanjut: str

    @property
    def dihitung(self) -> bool:
        return self.capaian.nilai is not None


@dataclass(frozen=True)
class IndikatorDikecualikan:
    """An indicator left out of an average, with the reason (Indonesian)."""

    indikator_id: int
    kode: str
    uraian: str
    alasan: str


@dataclass(frozen=True)
class BarisSasaran:
    id: int
    kode: str
    uraian: str
    indikator: tuple[BarisIndikator, ...]
    rata_rata: Decimal | None
    """Mean capaian of the indicators (each capped by the PD setting for this mean only)."""
    kategori: Kategori | None
    jumlah_dipakai: int
    dikecualikan: tuple[IndikatorDikecualikan, ...]


@dataclass(frozen=True)
class Pengukuran:
    pd_id: int
    tahun: int
    triwulan: int
    hanya_iku: bool
    hanya_resmi: bool
    renstra_id: int | None
    renstra_tahun_awal: int | None
    renstra_tahun_akhir: int | None
    sasaran: tuple[BarisSasaran, ...]
    rata_rata: Decimal | None
    """Mean of the sasaran averages (DOMAIN.md §5.2)."""
    kategori: Kategori | None
    predikat: str | None
    """The category label of `rata_rata` ("Sangat Tinggi"), as the forms print it."""
    predikat_sakip: str | None
    """The PermenPANRB 88/2021 letter of `rata_rata` (> 90 AA …), for reports that print one.
    That scale is meant for evaluation scores (0–100): label it as such when printing."""
    jumlah_sasaran_dipakai: int
    batas_rata_rata: Decimal | None
    """The cap applied to each capaian when averaging (None: no cap), for the footnote."""
    skala: Skala
    tujuan: tuple[BarisIndikator, ...] = ()
    """The tujuan indicators of the Renstra, measured the same way (not in the averages:
    the PD's capaian is the mean of its sasaran, DOMAIN.md §5.2)."""

    def baris(self) -> Iterator[tuple[BarisSasaran, BarisIndikator]]:
        """(sasaran, indicator) pairs in print order, for tabular exports."""
        for s in self.sasaran:
            for b in s.indikator:
                yield s, b


def baris_indikator(
    data: DataIndikator,
    *,
    tahun: int,
    triwulan: int,
    hanya_resmi: bool,
    skala: Skala,
    urutan_target: Sequence[str] = URUTAN_VERSI_TARGET,
) -> BarisIndikator:
    """Measure one loaded indicator (no query)."""
    ind = data.indikator
    target, sumber = pilih_target(data, tahun, urutan_target)
    target_nilai = target.nilai_masukan() if target else None
    real = nilai_realisasi(data, tahun, triwulan, hanya_resmi=hanya_resmi)
    capaian = capaian_indikator(ind, target_nilai, real.nilai)
    tt = data.target_triwulan.get((tahun, triwulan))
    target_tw = tt.nilai_masukan() if tt is not None and not tt.kosong else None
    capaian_tw = capaian_indikator(ind, target_tw, real.nilai) if target_tw is not None else None
    r = real.baris
    return BarisIndikator(
        indikator=InfoIndikator.dari(ind),
        tahun=tahun,
        triwulan=triwulan,
        target=target_nilai,
        sumber_target=sumber,
        realisasi=real.nilai,
        sumber_realisasi=real.sumber,
        realisasi_triwulan=real.triwulan,
        realisasi_tahunan=real.tahunan,
        pembilang=r.pembilang if r else None,
        penyebut=r.penyebut if r else None,
        nilai_rasio=_persen(r.pembilang, r.penyebut) if r else None,
        capaian=capaian,
        kategori=skala.kategori(capaian.nilai),
        target_triwulan=target_tw,
        capaian_triwulan=capaian_tw,
        kategori_triwulan=skala.kategori(capaian_tw.nilai) if capaian_tw else None,
        ada_draf=real.ada_draf,
        realisasi_id=r.pk if r else None,
        penjelasan=r.penjelasan if r else "",
        faktor_pendorong=r.faktor_pendorong if r else "",
        faktor_penghambat=r.faktor_penghambat if r else "",
        tindak_lanjut=r.tindak_lanjut if r else "",
    )


def _rata_rata_baris(
    baris: Sequence[BarisIndikator], batas: Decimal | None
) -> tuple[Decimal | None, int, tuple[IndikatorDikecualikan, ...]]:
    dipakai = [b.capaian.nilai for b in baris if b.capaian.nilai is not None]
    dikecualikan = tuple(
        IndikatorDikecualikan(
            b.indikator.id,
            b.indikator.kode,
            b.indikator.uraian,
            b.capaian.pesan or PESAN_TIDAK_TERHITUNG,
        )
        for b in baris
        if b.capaian.nilai is None
    )
    return rata_rata_capaian(dipakai, batas), len(dipakai), dikecualikan


def pengukuran_kinerja(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int = 4,
    hanya_iku: bool = False,
    hanya_resmi: bool = True,
) -> Pengukuran:
    """The pengukuran table of the PD's sasaran for `tahun`, s.d. TW `triwulan`.

    For each sasaran of the Renstra covering `tahun` (by urutan), its indicators (IKU first,
    then by urutan): the target (PK perubahan, else PK murni, else Renja, else Renstra, named
    in `sumber_target`), the realisation s.d. TW n, capaian and category, and the capaian
    against the cumulative quarterly target. Averages: per sasaran over its measurable
    indicators, then the PD over the sasaran that have one.

    Queries (8, whatever the plan size): Renstra period; scale; sasaran; indicators;
    targets; signed PK rows; quarterly targets; realisations.
    """
    periksa_triwulan(triwulan)
    renstra = renstra_aktif(pd=pd, tahun=tahun)
    skala = muat_skala()
    batas = batas_rata_rata(pd)
    sasaran_list: list[Sasaran] = []
    data_list: list[DataIndikator] = []
    if renstra is not None:
        sasaran_list = list(Sasaran.objects.filter(renstra=renstra).order_by("urutan", "id"))
        qs = Indikator.objects.filter(perangkat_daerah=pd).filter(
            Q(sasaran__renstra=renstra) | Q(tujuan__renstra=renstra)
        )
        if hanya_iku:
            qs = qs.filter(iku=True)
        qs = qs.order_by("-iku", "urutan", "id")
        data_list = muat_data_indikator(
            qs, tahun_target=[tahun], tahun_realisasi=[tahun], target_triwulan=True
        )
    per_sasaran: dict[int, list[BarisIndikator]] = defaultdict(list)
    tujuan: list[BarisIndikator] = []
    for data in data_list:
        baris = baris_indikator(
            data, tahun=tahun, triwulan=triwulan, hanya_resmi=hanya_resmi, skala=skala
        )
        if data.indikator.sasaran_id is None:
            tujuan.append(baris)
        else:
            per_sasaran[data.indikator.sasaran_id].append(baris)
    hasil_sasaran = []
    for s in sasaran_list:
        baris = per_sasaran.get(s.pk, [])
        rata, n, dikecualikan = _rata_rata_baris(baris, batas)
        hasil_sasaran.append(
            BarisSasaran(
                id=s.pk,
                kode=s.kode,
                uraian=s.uraian,
                indikator=tuple(baris),
                rata_rata=rata,
                kategori=skala.kategori(rata),
                jumlah_dipakai=n,
                dikecualikan=dikecualikan,
            )
        )
    rata_sasaran = [s.rata_rata for s in hasil_sasaran if s.rata_rata is not None]
    rata = rata_rata_capaian(rata_sasaran, batas)
    kat = skala.kategori(rata)
    return Pengukuran(
        pd_id=pd.pk,
        tahun=tahun,
        triwulan=triwulan,
        hanya_iku=hanya_iku,
        hanya_resmi=hanya_resmi,
        renstra_id=renstra.pk if renstra else None,
        renstra_tahun_awal=renstra.tahun_awal if renstra else None,
        renstra_tahun_akhir=renstra.tahun_akhir if renstra else None,
        sasaran=tuple(hasil_sasaran),
        rata_rata=rata,
        kategori=kat,
        predikat=kat.label if kat else None,
        predikat_sakip=predikat_sakip(rata),
        jumlah_sasaran_dipakai=len(rata_sasaran),
        batas_rata_rata=batas,
        skala=skala,
        tujuan=tuple(tujuan),
    )
