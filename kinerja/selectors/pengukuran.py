"""The pengukuran kinerja of a PD and year (LKjIP Bab III, the quarterly report, the API):
every indicator with its target, realisasi, capaian and category, and the sasaran averages.

Levels: tujuan and sasaran indicators are measured here (`baris_indikator`); program,
kegiatan and sub-kegiatan indicators are the indicator rows of the Renja evaluation form
(`renja.evaluasi_renja`, attached as `Pengukuran.rencana` with `semua_tingkat=True`), so the
Renja form, the LKjIP's program tables and the API print one computation per indicator.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q

from common.formatting import format_angka, format_persen
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
    IndikatorDikecualikan,
    InfoIndikator,
    Skala,
    batas_rata_rata,
    capaian_indikator,
    muat_data_indikator,
    muat_skala,
    nilai_realisasi,
    pilih_target,
    status_ukur,
    tahun_target,
)
from .muatan import MuatanKinerja
from .renja import BarisEvaluasiRenja, EvaluasiRenja, evaluasi_renja

TINGKAT_TUJUAN = "tujuan"
TINGKAT_SASARAN = "sasaran"
TINGKAT_RENCANA = ("program", "kegiatan", "sub_kegiatan")
"""The plan levels whose indicators are measured by the Renja form's rows."""
LABEL_TINGKAT = {
    TINGKAT_TUJUAN: "Tujuan",
    TINGKAT_SASARAN: "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub-kegiatan",
}
PESAN_SASARAN_TANPA_INDIKATOR = "Sasaran belum memiliki indikator."
PESAN_SASARAN_TANPA_CAPAIAN = "Tidak ada indikator sasaran yang capaiannya dapat dihitung."
PESAN_DIBATASI = "Capaian {nilai} dihitung {batas}% saat dirata-rata (batas capaian PD)."


def catatan_capaian(hasil: HasilCapaian | None, batas: Decimal | None) -> tuple[str, ...]:
    """The engine's notes of one capaian (e.g. how a letter target was read) and, when the
    PD's cap lowers it in the average it enters, a note saying so (DOMAIN.md §5.1)."""
    if hasil is None:
        return ()
    catatan = list(hasil.catatan)
    if batas is not None and hasil.nilai is not None and hasil.nilai > batas:
        catatan.append(
            PESAN_DIBATASI.format(nilai=format_persen(hasil.nilai), batas=format_angka(batas, 0))
        )
    return tuple(catatan)


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
    tahun_target: int | None = None
    """The year of `target` (the PK's year for a signed PK row); None without target."""

    @property
    def dihitung(self) -> bool:
        return self.capaian.nilai is not None

    @property
    def status(self) -> str:
        """ "dihitung", "belum_ada_data", "belum_ada_target", "belum_ada_realisasi" or
        "tidak_terhitung" (`muat.status_ukur`)."""
        return status_ukur(self.target, self.realisasi, self.capaian)


@dataclass(frozen=True)
class BarisTujuan:
    """A tujuan of the Renstra with its indicators, measured like a sasaran's."""

    id: int
    kode: str
    uraian: str
    indikator: tuple[BarisIndikator, ...]
    rata_rata: Decimal | None
    """Mean capaian of its indicators (capped by the PD setting for this mean only); not part
    of the PD's average, which is the mean of the sasaran (DOMAIN.md §5.2)."""
    kategori: Kategori | None
    jumlah_dipakai: int
    dikecualikan: tuple[IndikatorDikecualikan, ...]


@dataclass(frozen=True)
class SasaranDikecualikan:
    """A sasaran left out of the PD's average (no measurable indicator), with the reason."""

    id: int
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
    kelompok_tujuan: tuple[BarisTujuan, ...] = ()
    """The same tujuan indicators grouped per tujuan, with n used and the excluded ones."""
    sasaran_dikecualikan: tuple[SasaranDikecualikan, ...] = ()
    """Sasaran without an average, so not in `rata_rata` (n used: jumlah_sasaran_dipakai)."""
    rencana: EvaluasiRenja | None = None
    """With `semua_tingkat=True`: the Renja evaluation form of the same year and quarter,
    whose indicator rows measure the program, kegiatan and sub-kegiatan indicators."""

    @property
    def jumlah_indikator_dipakai(self) -> int:
        """Sasaran indicators that entered the sasaran averages (so the PD's)."""
        return sum(s.jumlah_dipakai for s in self.sasaran)

    @property
    def indikator_dikecualikan(self) -> tuple[IndikatorDikecualikan, ...]:
        """Every sasaran indicator left out of its sasaran's average, in print order."""
        return tuple(d for s in self.sasaran for d in s.dikecualikan)

    def indikator_rencana(self) -> tuple[BarisEvaluasiRenja, ...]:
        """Program → kegiatan → sub-kegiatan indicator rows in print order (`capaian_ukur`
        against the LKjIP's target, `capaian_renja` = the form's "Tingkat capaian Renja");
        only IKU rows when `hanya_iku`. Empty without `semua_tingkat`."""
        if self.rencana is None:
            return ()
        return tuple(
            b
            for b in self.rencana.baris
            if b.indikator is not None
            and b.jenis in TINGKAT_RENCANA
            and (b.indikator.iku or not self.hanya_iku)
        )

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
        tahun_target=tahun_target(target),
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
    semua_tingkat: bool = False,
    muatan: MuatanKinerja | None = None,
) -> Pengukuran:
    """The pengukuran table of the PD's sasaran for `tahun`, s.d. TW `triwulan`.

    For each sasaran of the Renstra covering `tahun` (by urutan), its indicators (IKU first,
    then by urutan): the target (PK perubahan, else PK murni, else Renja, else Renstra, named
    in `sumber_target`, its year in `tahun_target`), the realisation s.d. TW n, capaian and
    category, and the capaian against the cumulative quarterly target. Averages: per sasaran
    over its measurable indicators, then the PD over the sasaran that have one (each with n
    used and the excluded ones). The tujuan indicators are measured the same way, grouped per
    tujuan in `kelompok_tujuan` (flat in `tujuan`).

    `semua_tingkat=True` adds `rencana`, the Renja evaluation form of the year and quarter:
    its indicator rows (`indikator_rencana()`) are the program, kegiatan and sub-kegiatan
    measurements, one computation shared with the form and the LKjIP.

    Queries (8, whatever the plan size): Renstra period; scale; sasaran; indicators JOIN
    tujuan; targets; signed PK rows; quarterly targets; realisations. `semua_tingkat` adds
    the 14 of `evaluasi_renja`. None with `muatan` (`muat_kinerja` of the same PD and year;
    `semua_tingkat` then adds the Renja form's 1).
    """
    periksa_triwulan(triwulan)
    batas = batas_rata_rata(pd)
    sasaran_list: list[Sasaran] = []
    data_list: list[DataIndikator] = []
    if muatan is not None:
        muatan.periksa(pd, tahun, tahun_target=(tahun,), tahun_realisasi=(tahun,))
        renstra, skala = muatan.renstra, muatan.skala
        sasaran_list = list(muatan.sasaran)
        data_list = sorted(
            (
                d
                for d in muatan.indikator(TINGKAT_TUJUAN, TINGKAT_SASARAN)
                if d.indikator.iku or not hanya_iku
            ),
            key=lambda d: (not d.indikator.iku, d.indikator.urutan, d.indikator.pk),
        )
    else:
        renstra = renstra_aktif(pd=pd, tahun=tahun)
        skala = muat_skala()
    if renstra is not None and muatan is None:
        sasaran_list = list(Sasaran.objects.filter(renstra=renstra).order_by("urutan", "id"))
        qs = Indikator.objects.filter(perangkat_daerah=pd).filter(
            Q(sasaran__renstra=renstra) | Q(tujuan__renstra=renstra)
        )
        if hanya_iku:
            qs = qs.filter(iku=True)
        qs = qs.select_related("tujuan").order_by("-iku", "urutan", "id")
        data_list = muat_data_indikator(
            qs, tahun_target=[tahun], tahun_realisasi=[tahun], target_triwulan=True
        )
    per_sasaran: dict[int, list[BarisIndikator]] = defaultdict(list)
    tujuan: list[BarisIndikator] = []
    per_tujuan: dict[int, list[BarisIndikator]] = defaultdict(list)
    objek_tujuan = {}
    for data in data_list:
        baris = baris_indikator(
            data, tahun=tahun, triwulan=triwulan, hanya_resmi=hanya_resmi, skala=skala
        )
        if data.indikator.sasaran_id is None:
            tujuan.append(baris)
            per_tujuan[data.indikator.tujuan_id].append(baris)
            objek_tujuan[data.indikator.tujuan_id] = data.indikator.tujuan
        else:
            per_sasaran[data.indikator.sasaran_id].append(baris)
    kelompok_tujuan = []
    for t in sorted(objek_tujuan.values(), key=lambda t: (t.urutan, t.pk)):
        baris = per_tujuan[t.pk]
        rata, n, dikecualikan = _rata_rata_baris(baris, batas)
        kelompok_tujuan.append(
            BarisTujuan(
                id=t.pk,
                kode=t.kode,
                uraian=t.uraian,
                indikator=tuple(baris),
                rata_rata=rata,
                kategori=skala.kategori(rata),
                jumlah_dipakai=n,
                dikecualikan=dikecualikan,
            )
        )
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
    sasaran_dikecualikan = tuple(
        SasaranDikecualikan(
            s.id,
            s.kode,
            s.uraian,
            PESAN_SASARAN_TANPA_CAPAIAN if s.indikator else PESAN_SASARAN_TANPA_INDIKATOR,
        )
        for s in hasil_sasaran
        if s.rata_rata is None
    )
    rencana = None
    if semua_tingkat:
        rencana = evaluasi_renja(
            pd=pd, tahun=tahun, triwulan=triwulan, hanya_resmi=hanya_resmi, muatan=muatan
        )
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
        kelompok_tujuan=tuple(kelompok_tujuan),
        sasaran_dikecualikan=sasaran_dikecualikan,
        rencana=rencana,
    )
