"""Report numbers of performance: pengukuran, comparisons over the years, Renja evaluation.

These selectors are THE single computation behind every rendering (HTML, PDF, Excel, API,
the `pengukuran` command): views and templates only format what they return.

Contracts:
- Keyword-only arguments; results are frozen dataclasses (tuples inside, never querysets).
- Every selector runs a fixed number of SQL queries whatever the size of the plan: rows are
  fetched level by level with one query each (filters by sub-query, never per object) and
  assembled in Python. The count of each selector is pinned in tests/kinerja/test_selectors.py.
- Values are the engine's: targets and realisations are what `nilai_masukan()` gives (Decimal,
  a predikat letter, a range dict, or None for "belum ada data"); capaian is a
  `HasilCapaian` whose `nilai` is UNROUNDED and never capped; averages are unrounded.
  Rounding happens only when printing (common.formatting) and when a category is read.
- `hanya_resmi=True` uses only realisations with status "disetujui"; rows still say, with
  `ada_draf`, whether values not yet approved exist for the period.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

from django.db.models import Count, Q, QuerySet

from common.formatting import PESAN_TRIWULAN_TIDAK_VALID, PRESISI, parse_desimal
from kinerja.capaian import (
    NILAI_PREDIKAT,
    SKALA_PERMENDAGRI_86_2017,
    HasilCapaian,
    Kategori,
    Pita,
    Warna,
    gabung_triwulan,
    hitung_capaian,
    kategori,
    predikat_sakip,
    rata_rata_capaian,
)
from kinerja.models import AnalisisProgram, PitaKategori, Realisasi, StatusRealisasi
from renstra.kode import adalah_kode_kepmendagri
from renstra.models import (
    CaraAgregasi,
    Indikator,
    JenisTarget,
    Nomenklatur,
    PerangkatDaerah,
    PeriodeRenstra,
    Program,
    Sasaran,
    Target,
    TargetTriwulan,
)

__all__ = [
    "LABEL_SUMBER_TARGET",
    "NAMA_SKALA_BAWAAN_MESIN",
    "SUMBER_KONDISI_AKHIR",
    "SUMBER_RENSTRA",
    "SUMBER_REALISASI_TAHUNAN",
    "SUMBER_REALISASI_TRIWULAN",
    "URUTAN_VERSI_TARGET",
    "BarisEvaluasiRenja",
    "BarisIndikator",
    "BarisPerbandingan",
    "BarisSasaran",
    "EvaluasiRenja",
    "IndikatorDikecualikan",
    "InfoIndikator",
    "NilaiTahun",
    "PerbandinganTahun",
    "Pengukuran",
    "PitaSkala",
    "Skala",
    "evaluasi_renja",
    "muat_skala",
    "pengukuran_kinerja",
    "perbandingan_tahun",
    "renstra_aktif",
]

URUTAN_VERSI_TARGET = (
    JenisTarget.PK_PERUBAHAN,
    JenisTarget.PK_MURNI,
    JenisTarget.RENJA,
    JenisTarget.RENSTRA,
)
"""The target a measurement uses: the first of these versions that holds a value."""

URUTAN_TARGET_RENJA = (
    JenisTarget.RENJA,
    JenisTarget.PK_PERUBAHAN,
    JenisTarget.PK_MURNI,
    JenisTarget.RENSTRA,
)
"""Column 8 of the Renja evaluation form: the Renja target, else the measurement's version."""

LABEL_SUMBER_TARGET = {
    JenisTarget.PK_PERUBAHAN: "PK Perubahan",
    JenisTarget.PK_MURNI: "PK",
    JenisTarget.RENJA: "Renja",
    JenisTarget.RENSTRA: "Renstra",
}
"""How a report names the target version it measured against."""

SUMBER_REALISASI_TRIWULAN = "triwulan"
SUMBER_REALISASI_TAHUNAN = "tahunan"
SUMBER_KONDISI_AKHIR = "kondisi_akhir"
SUMBER_RENSTRA = "renstra"

NAMA_SKALA_BAWAAN_MESIN = "Permendagri 86/2017 (bawaan aplikasi)"

PESAN_TIDAK_TERHITUNG = "Capaian indikator tidak dapat dihitung."
PESAN_ANALISIS = (
    "Faktor pendorong keberhasilan kinerja",
    "Faktor penghambat pencapaian kinerja",
    "Tindak lanjut yang diperlukan dalam triwulan berikutnya",
    "Tindak lanjut yang diperlukan dalam Renja perangkat daerah berikutnya",
)
"""Labels of the four text rows that follow each program in the Renja evaluation form."""

TRIWULAN = (1, 2, 3, 4)


# --- Small shared types --------------------------------------------------------------------


@dataclass(frozen=True)
class InfoIndikator:
    """The descriptive part of an indicator, as every table prints it."""

    id: int
    kode: str
    uraian: str
    satuan: str
    iku: bool
    tingkat: str
    jenis_nilai: str
    polaritas: str
    rumus_negatif: str
    cara_agregasi: str
    persen_dari_keseluruhan: bool
    formula: str
    label_pembilang: str
    label_penyebut: str
    urutan: int

    @classmethod
    def dari(cls, ind: Indikator) -> InfoIndikator:
        return cls(
            id=ind.pk,
            kode=ind.kode,
            uraian=ind.uraian,
            satuan=ind.satuan,
            iku=ind.iku,
            tingkat=ind.tingkat,
            jenis_nilai=ind.jenis_nilai,
            polaritas=ind.polaritas,
            rumus_negatif=ind.rumus_negatif,
            cara_agregasi=ind.cara_agregasi,
            persen_dari_keseluruhan=ind.persen_dari_keseluruhan,
            formula=ind.formula,
            label_pembilang=ind.label_pembilang,
            label_penyebut=ind.label_penyebut,
            urutan=ind.urutan,
        )


@dataclass(frozen=True)
class PitaSkala:
    """One band of the printed scale: `batas_bawah` ≤ c < `batas_atas` (None = open end)."""

    urutan: str
    label: str
    batas_bawah: Decimal | None
    batas_atas: Decimal | None
    warna_nama: str
    warna_hex: str


@dataclass(frozen=True)
class Skala:
    """The category scale used, printed under every pengukuran table."""

    nama: str
    dasar_hukum: str
    pita: tuple[Pita, ...]
    """Engine bands (highest first) given to `kinerja.capaian.kategori`."""
    baris: tuple[PitaSkala, ...]
    """The same bands with both bounds, for printing."""
    dari_basis_data: bool
    """False when no default scale is stored and the engine's Permendagri 86/2017 is used."""

    def kategori(self, nilai: Decimal | None) -> Kategori | None:
        return kategori(nilai, self.pita)


def muat_skala() -> Skala:
    """The default scale (`SkalaKategori.bawaan=True`) with its bands, in ONE query.

    The lowest band is the catch-all (a negative capaian still gets a category). Without a
    stored default scale the engine's Permendagri 86/2017 bands are used.
    """
    # Query: PitaKategori JOIN SkalaKategori WHERE bawaan.
    pita_db = list(
        PitaKategori.objects.filter(skala__bawaan=True)
        .select_related("skala")
        .order_by("-batas_bawah", "urutan")
    )
    if pita_db:
        skala_db = pita_db[0].skala
        pita = tuple(
            Pita(
                None if i == len(pita_db) - 1 else p.batas_bawah,
                p.label,
                p.urutan,
                Warna(p.warna_nama, p.warna_hex),
            )
            for i, p in enumerate(pita_db)
        )
        nama, dasar_hukum, dari_db = skala_db.nama, skala_db.dasar_hukum, True
    else:
        pita = SKALA_PERMENDAGRI_86_2017
        nama, dasar_hukum, dari_db = (
            NAMA_SKALA_BAWAAN_MESIN,
            "Permendagri Nomor 86 Tahun 2017",
            False,
        )
    baris = []
    batas_atas = None
    for p in pita:
        baris.append(
            PitaSkala(p.urutan, p.label, p.batas_bawah, batas_atas, p.warna.nama, p.warna.hex)
        )
        batas_atas = p.batas_bawah
    return Skala(nama, dasar_hukum, tuple(pita), tuple(baris), dari_db)


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
        .order_by("-tahun_awal")
        .first()
    )


def batas_rata_rata(pd: PerangkatDaerah) -> Decimal | None:
    """The PD's cap on each capaian for averaging (0 in the database means none)."""
    return Decimal(pd.batas_capaian_rata_rata) if pd.batas_capaian_rata_rata else None


def _persen(pembilang: Decimal | None, penyebut: Decimal | None) -> Decimal | None:
    """pembilang / penyebut × 100, unrounded; None when either is missing or penyebut is 0."""
    if pembilang is None or penyebut is None or penyebut == 0:
        return None
    with localcontext(prec=PRESISI):
        return pembilang * 100 / penyebut


def _jumlah(nilai: Iterable[Decimal | None]) -> Decimal | None:
    """Sum of the values given; None when none is given (no data is not zero)."""
    ada = [n for n in nilai if n is not None]
    if not ada:
        return None
    with localcontext(prec=PRESISI):
        return sum(ada, Decimal(0))


def gabung(nilai: Sequence[Any], cara: str) -> Any:
    """Combine period values by the aggregation rule (`gabung_triwulan`).

    Predikat letters cannot be added: a series holding one is read as posisi akhir.
    """
    if any(isinstance(n, str) for n in nilai):
        dilaporkan = [n for n in nilai if n is not None and n != ""]
        return dilaporkan[-1] if dilaporkan else None
    return gabung_triwulan(nilai, cara)


def _angka_atau_huruf(teks: str, jenis_nilai: str) -> Any:
    """A free-text value (kondisi akhir) as the engine takes it, or None if unreadable."""
    teks = (teks or "").strip()
    if not teks:
        return None
    if teks.upper() in NILAI_PREDIKAT:
        return teks.upper()
    try:
        return parse_desimal(teks)
    except (ValueError, TypeError):
        return None


# --- Loading indicators with their targets and realisations --------------------------------


@dataclass
class DataIndikator:
    """An indicator with its targets and realisations, loaded in bulk (internal, mutable)."""

    indikator: Indikator
    target: dict[tuple[int, str], Target]
    target_triwulan: dict[tuple[int, int], TargetTriwulan]
    realisasi: dict[tuple[int, int], Realisasi]


def muat_data_indikator(
    indikator_qs: QuerySet[Indikator],
    *,
    tahun_target: Iterable[int],
    tahun_realisasi: Iterable[int],
    target_triwulan: bool = False,
    anotasi_bukti: bool = False,
) -> list[DataIndikator]:
    """Indicators of `indikator_qs` with targets, (quarterly targets) and realisations.

    Queries (fixed): 1 indicators, 1 targets, [1 quarterly targets], 1 realisations (all
    statuses; `anotasi_bukti` adds a COUNT of evidence in the same query). The related rows
    are filtered by sub-query on `indikator_qs`, never by a list of ids.
    """
    daftar = list(indikator_qs)
    data = {i.pk: DataIndikator(i, {}, {}, {}) for i in daftar}
    tahun_target = sorted(set(tahun_target))
    tahun_realisasi = sorted(set(tahun_realisasi))
    id_qs = indikator_qs.values("pk")
    for t in Target.objects.filter(indikator__in=id_qs, tahun__in=tahun_target):
        data[t.indikator_id].target[(t.tahun, t.jenis)] = t
    if target_triwulan:
        for t in TargetTriwulan.objects.filter(indikator__in=id_qs, tahun__in=tahun_target):
            data[t.indikator_id].target_triwulan[(t.tahun, t.triwulan)] = t
    realisasi = Realisasi.objects.filter(indikator__in=id_qs, tahun__in=tahun_realisasi)
    if anotasi_bukti:
        realisasi = realisasi.annotate(jumlah_bukti=Count("bukti"))
    for r in realisasi:
        data[r.indikator_id].realisasi[(r.tahun, r.triwulan)] = r
    return [data[i.pk] for i in daftar]


def pilih_target(
    data: DataIndikator, tahun: int, urutan: Sequence[str] = URUTAN_VERSI_TARGET
) -> tuple[Target | None, str | None]:
    """The first version in `urutan` whose target for `tahun` holds a value, and its jenis."""
    for jenis in urutan:
        t = data.target.get((tahun, jenis))
        if t is not None and not t.kosong:
            return t, str(jenis)
    return None, None


def _nilai(r: Realisasi | None) -> Any:
    if r is None:
        return None
    nilai = r.nilai_masukan()
    return None if nilai in ("", None) else nilai


@dataclass(frozen=True)
class _NilaiRealisasi:
    nilai: Any
    sumber: str | None
    baris: Realisasi | None
    """The row that gives the value (the yearly row, or the last quarter reported)."""
    triwulan: tuple[Any, Any, Any, Any]
    tahunan: Any
    ada_draf: bool


def nilai_realisasi(
    data: DataIndikator, tahun: int, triwulan: int, *, hanya_resmi: bool
) -> _NilaiRealisasi:
    """The realisation "s.d. TW n" of one indicator and year (DOMAIN.md §5.3).

    Quarters 1..n combine by the indicator's cara_agregasi; at TW IV a yearly value
    (triwulan 0) is the year's value. Before TW IV a yearly value is never used: a figure
    reported for the whole year says nothing about "s.d. TW II".
    """
    baris: dict[int, Realisasi] = {}
    ada_draf = False
    for tw in (0, *TRIWULAN):
        r = data.realisasi.get((tahun, tw))
        if r is None or _nilai(r) is None:
            continue
        resmi = r.status == StatusRealisasi.DISETUJUI
        if tw <= triwulan and not resmi:
            ada_draf = True
        if hanya_resmi and not resmi:
            continue
        baris[tw] = r
    per_tw = tuple(_nilai(baris.get(tw)) for tw in TRIWULAN)
    tahunan = _nilai(baris.get(0))
    sampai = per_tw[:triwulan]
    if triwulan == 4 and tahunan is not None:
        return _NilaiRealisasi(
            tahunan, SUMBER_REALISASI_TAHUNAN, baris[0], per_tw, tahunan, ada_draf
        )
    if any(n is not None for n in sampai):
        nilai = gabung(sampai, data.indikator.cara_agregasi)
        terakhir = max(tw for tw in TRIWULAN[:triwulan] if tw in baris)
        return _NilaiRealisasi(
            nilai, SUMBER_REALISASI_TRIWULAN, baris[terakhir], per_tw, tahunan, ada_draf
        )
    return _NilaiRealisasi(None, None, None, per_tw, tahunan, ada_draf)


def target_akhir_renstra(data: DataIndikator, tahun_akhir: int) -> tuple[Any, str | None]:
    """The Renstra end target of one indicator and where it comes from.

    The Renstra target of the period's last year ("renstra"), else the indicator's kondisi
    akhir when it reads as a number or a predikat letter ("kondisi_akhir"), else (None, None).
    The loaded targets must include `tahun_akhir`.
    """
    t = data.target.get((tahun_akhir, JenisTarget.RENSTRA))
    if t is not None and not t.kosong:
        return t.nilai_masukan(), SUMBER_RENSTRA
    ind = data.indikator
    akhir = _angka_atau_huruf(ind.kondisi_akhir, ind.jenis_nilai)
    return akhir, (SUMBER_KONDISI_AKHIR if akhir is not None else None)


def capaian_indikator(info: Indikator, target: Any, realisasi: Any) -> HasilCapaian:
    return hitung_capaian(
        target,
        realisasi,
        polaritas=info.polaritas,
        rumus_negatif=info.rumus_negatif,
        jenis_nilai=info.jenis_nilai,
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

    Queries (7, whatever the plan size): Renstra period; scale; sasaran; indicators;
    targets; quarterly targets; realisations.
    """
    periksa_triwulan(triwulan)
    renstra = renstra_aktif(pd=pd, tahun=tahun)
    skala = muat_skala()
    batas = batas_rata_rata(pd)
    sasaran_list: list[Sasaran] = []
    data_list: list[DataIndikator] = []
    if renstra is not None:
        sasaran_list = list(Sasaran.objects.filter(renstra=renstra).order_by("urutan", "id"))
        qs = Indikator.objects.filter(perangkat_daerah=pd, sasaran__renstra=renstra)
        if hanya_iku:
            qs = qs.filter(iku=True)
        qs = qs.order_by("-iku", "urutan", "id")
        data_list = muat_data_indikator(
            qs, tahun_target=[tahun], tahun_realisasi=[tahun], target_triwulan=True
        )
    per_sasaran: dict[int, list[BarisIndikator]] = defaultdict(list)
    for data in data_list:
        per_sasaran[data.indikator.sasaran_id].append(
            baris_indikator(
                data, tahun=tahun, triwulan=triwulan, hanya_resmi=hanya_resmi, skala=skala
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
    )


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


def perbandingan_tahun(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    jumlah_tahun: int = 3,
    hanya_iku: bool = False,
    hanya_resmi: bool = True,
) -> PerbandinganTahun:
    """Bab III comparisons per sasaran indicator: this year against `jumlah_tahun` previous
    years (realisasi and capaian each year), against the Renstra end target, and against the
    benchmark (nilai_pembanding) when one is set.

    Year values are the year's realisation (TW IV rule of `pengukuran_kinerja`); each year is
    measured against that year's target by the same version rule.

    Queries (5): Renstra period; scale; indicators JOIN sasaran; targets; realisations
    (2 when no Renstra covers the year).
    """
    renstra = renstra_aktif(pd=pd, tahun=tahun)
    skala = muat_skala()
    daftar_tahun = tuple(range(tahun - jumlah_tahun, tahun + 1))
    if renstra is None:
        return PerbandinganTahun(pd.pk, tahun, daftar_tahun, hanya_resmi, (), skala)
    qs = (
        Indikator.objects.filter(perangkat_daerah=pd, sasaran__renstra=renstra)
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran_id", "-iku", "urutan", "id")
    )
    if hanya_iku:
        qs = qs.filter(iku=True)
    data_list = muat_data_indikator(
        qs,
        tahun_target=[*daftar_tahun, renstra.tahun_akhir],
        tahun_realisasi=daftar_tahun,
    )
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


# --- Formulir Evaluasi Hasil Renja (Permendagri 86/2017) -----------------------------------

JENIS_URUSAN = "urusan"
JENIS_BIDANG = "bidang"
JENIS_ANALISIS = "analisis"
_KOSONG4: tuple[Any, Any, Any, Any] = (None, None, None, None)


@dataclass(frozen=True)
class BarisEvaluasiRenja:
    """One printed row of the form (DOMAIN.md §7.5), in print order.

    `jenis`: "urusan", "bidang", "program", "kegiatan", "sub_kegiatan", or "analisis" (the
    four text rows after each program, in `analisis`). A node with several indicators gets
    one row per indicator; its Rp columns are on its first row only (`baris_pertama`;
    `jumlah_baris` is the rowspan); a node without indicator gets one row with `indikator`
    None. K columns follow each indicator's cara_agregasi across quarters and years
    (kumulatif adds, posisi_akhir takes the latest, rata_rata averages).
    """

    jenis: str
    kode: str
    nama: str
    nomor: int | None = None
    """Program number (1, 2, …), repeated on the rows below the program."""
    sasaran: str = ""
    """The program's sasaran (from the Renstra links), repeated below the program."""
    objek_id: int | None = None
    baris_pertama: bool = True
    jumlah_baris: int = 1
    indikator: InfoIndikator | None = None
    unit_penanggung_jawab: str = ""
    # K (kinerja)
    target_renstra_akhir: Any = None
    """Col 6: kumulatif → Σ yearly Renstra targets; else the last year's; else kondisi akhir."""
    realisasi_sd_tahun_lalu: Any = None
    """Col 7: the previous years of the period combined by the aggregation rule."""
    target_renja: Any = None
    """Col 8: the Renja target of the year (else PK perubahan, PK, Renstra)."""
    sumber_target_renja: str | None = None
    realisasi_triwulan: tuple[Any, Any, Any, Any] = _KOSONG4
    """Cols 9–12: the values reported for TW I–IV (None after TW n)."""
    realisasi: Any = None
    """Col 13: s.d. TW n combined by the aggregation rule."""
    realisasi_renstra: Any = None
    """Col 14 = 7 + 13 by the aggregation rule (posisi_akhir: the latest)."""
    capaian_renstra: HasilCapaian | None = None
    """Col 15 = 14 / 6 × 100 (by the indicator's polarity)."""
    capaian_renja: HasilCapaian | None = None
    """Tingkat capaian Renja = 13 / 8 × 100."""
    kategori_renja: Kategori | None = None
    # Rp (anggaran)
    pagu_renstra: Decimal | None = None
    """Col 6 Rp: Σ pagu of the period's years that have one."""
    realisasi_anggaran_sd_tahun_lalu: Decimal | None = None
    pagu: Decimal | None = None
    realisasi_anggaran_triwulan: tuple[Any, Any, Any, Any] = _KOSONG4
    realisasi_anggaran: Decimal | None = None
    realisasi_anggaran_renstra: Decimal | None = None
    persen_anggaran_renstra: Decimal | None = None
    persen_anggaran: Decimal | None = None
    """13 / 8 × 100 (Rp)."""
    analisis: tuple[tuple[str, str], ...] = ()
    """On "analisis" rows: (label, text) of the four text rows."""


@dataclass(frozen=True)
class EvaluasiRenja:
    """The form: its rows (iterable and indexable like a list) and the footer."""

    pd_id: int
    tahun: int
    triwulan: int
    renstra_tahun_awal: int | None
    renstra_tahun_akhir: int | None
    baris: tuple[BarisEvaluasiRenja, ...]
    jumlah: BarisEvaluasiRenja
    """Footer JUMLAH: the Rp columns summed over the programs, percentages recomputed."""
    rata_rata_capaian_kinerja: Decimal | None
    """Mean capaian Renja (13 / 8) of every indicator row, capped as the PD setting says."""
    jumlah_indikator_dipakai: int
    rata_rata_capaian_renstra: Decimal | None
    """Mean of col 15 K over the indicator rows."""
    kategori: Kategori | None
    predikat: str | None
    """Predikat kinerja: the category label of `rata_rata_capaian_kinerja`."""
    batas_rata_rata: Decimal | None
    skala: Skala

    def __iter__(self) -> Iterator[BarisEvaluasiRenja]:
        return iter(self.baris)

    def __len__(self) -> int:
        return len(self.baris)

    def __getitem__(self, indeks: int) -> BarisEvaluasiRenja:
        return self.baris[indeks]


def _target_renstra_akhir(data: DataIndikator, renstra: PeriodeRenstra) -> Any:
    ind = data.indikator
    tahunan = [
        data.target.get((t, JenisTarget.RENSTRA))
        for t in range(renstra.tahun_awal, renstra.tahun_akhir + 1)
    ]
    if ind.cara_agregasi == CaraAgregasi.KUMULATIF:
        angka = [
            t.nilai_masukan()
            for t in tahunan
            if t is not None and isinstance(t.nilai_masukan(), Decimal)
        ]
        if angka:
            return _jumlah(angka)
    elif tahunan[-1] is not None and not tahunan[-1].kosong:
        return tahunan[-1].nilai_masukan()
    return _angka_atau_huruf(ind.kondisi_akhir, ind.jenis_nilai)


def _teks_analisis(
    data_list: Sequence[DataIndikator],
    tahun: int,
    triwulan: int,
    hanya_resmi: bool,
    analisis: AnalisisProgram | None = None,
) -> tuple[tuple[str, str], ...]:
    """The four text rows of a program: its AnalisisProgram of TW n when written, else
    compiled from its indicators' realisation of TW n (or of the year)."""
    if analisis is not None:
        isi = (
            analisis.faktor_pendorong,
            analisis.faktor_penghambat,
            analisis.tindak_lanjut_triwulan,
            analisis.tindak_lanjut_renja,
        )
        return tuple(zip(PESAN_ANALISIS, isi, strict=True))
    teks: tuple[list[str], list[str], list[str]] = ([], [], [])
    for data in data_list:
        r = data.realisasi.get((tahun, triwulan)) or data.realisasi.get((tahun, 0))
        if r is None or (hanya_resmi and r.status != StatusRealisasi.DISETUJUI):
            continue
        for daftar, isi in zip(
            teks, (r.faktor_pendorong, r.faktor_penghambat, r.tindak_lanjut), strict=True
        ):
            if isi and isi not in daftar:
                daftar.append(isi)
    # A realisation has one tindak lanjut: it fills the next-quarter row; the next-Renja
    # row comes only from an AnalisisProgram.
    isi = ("\n".join(teks[0]), "\n".join(teks[1]), "\n".join(teks[2]), "")
    return tuple(zip(PESAN_ANALISIS, isi, strict=True))


def _kolom_rp(bagian: Sequence[tuple[dict, Any]], tahun_lalu: list[int], triwulan: int) -> dict:
    """Rp columns of one node, or summed over several (urusan, bidang, JUMLAH).

    `bagian`: (per-year rows {tahun: BarisAnggaran}, row of the year evaluated) per node.
    """
    pagu_renstra = _jumlah(b.pagu for per_tahun, _ in bagian for b in per_tahun.values())
    real_lalu = _jumlah(per_tahun[t].realisasi for per_tahun, _ in bagian for t in tahun_lalu)
    pagu = _jumlah(ini.pagu for _, ini in bagian)
    real = _jumlah(ini.realisasi for _, ini in bagian)
    real_renstra = _jumlah([real_lalu, real])
    return {
        "pagu_renstra": pagu_renstra,
        "realisasi_anggaran_sd_tahun_lalu": real_lalu,
        "pagu": pagu,
        "realisasi_anggaran_triwulan": tuple(
            _jumlah(ini.realisasi_triwulan[i] for _, ini in bagian) if i < triwulan else None
            for i in range(4)
        ),
        "realisasi_anggaran": real,
        "realisasi_anggaran_renstra": real_renstra,
        "persen_anggaran_renstra": _persen(real_renstra, pagu_renstra),
        "persen_anggaran": _persen(real, pagu),
    }


def _urusan_bidang(kode: str) -> tuple[str, str]:
    """("8", "8.01") for a Kepmendagri program code, ("", "") for a local code."""
    if not adalah_kode_kepmendagri(kode):
        return "", ""
    bagian = kode.split(".")
    return bagian[0], f"{bagian[0]}.{bagian[1]}"


def evaluasi_renja(
    *, pd: PerangkatDaerah, tahun: int, triwulan: int, hanya_resmi: bool = True
) -> EvaluasiRenja:
    """The Formulir Evaluasi Hasil Renja (Permendagri 86/2017) of TW `triwulan` of `tahun`.

    Rows: urusan and bidang (from the programs' Kepmendagri codes, named from the
    nomenclature), then program → kegiatan → sub-kegiatan (one row per indicator), each
    program followed by its "analisis" row. Footer: JUMLAH (Rp), the mean capaian of the
    indicator rows (capaian Renja, 13 / 8) and its category ("predikat kinerja").

    Queries (13): Renstra; programs; program→sasaran; kegiatan; sub-kegiatan; pagu;
    realisasi anggaran; nomenclature; indicators; targets; realisations; scale;
    analisis program.
    """
    from anggaran.selectors import hitung_pohon, muat_pohon_anggaran

    periksa_triwulan(triwulan)
    renstra = renstra_aktif(pd=pd, tahun=tahun)
    skala = muat_skala()
    batas = batas_rata_rata(pd)
    if renstra is None:
        return EvaluasiRenja(
            pd_id=pd.pk,
            tahun=tahun,
            triwulan=triwulan,
            renstra_tahun_awal=None,
            renstra_tahun_akhir=None,
            baris=(),
            jumlah=BarisEvaluasiRenja("jumlah", "", "JUMLAH"),
            rata_rata_capaian_kinerja=None,
            jumlah_indikator_dipakai=0,
            rata_rata_capaian_renstra=None,
            kategori=None,
            predikat=None,
            batas_rata_rata=batas,
            skala=skala,
        )
    tahun_periode = list(range(renstra.tahun_awal, renstra.tahun_akhir + 1))
    tahun_lalu = [t for t in tahun_periode if t < tahun]
    pohon = muat_pohon_anggaran(
        renstra=renstra, tahun_list=tahun_periode, dengan_sasaran=True, hanya_resmi=hanya_resmi
    )
    nama_kode = dict(
        Nomenklatur.objects.filter(
            tingkat__in=[Nomenklatur.Tingkat.URUSAN, Nomenklatur.Tingkat.BIDANG]
        ).values_list("kode", "nama")
    )
    qs = (
        Indikator.objects.filter(perangkat_daerah=pd)
        .filter(
            Q(program__renstra=renstra)
            | Q(kegiatan__program__renstra=renstra)
            | Q(sub_kegiatan__kegiatan__program__renstra=renstra)
        )
        .select_related("penanggung_jawab")
        .order_by("urutan", "id")
    )
    per_objek: dict[tuple[str, int], list[DataIndikator]] = defaultdict(list)
    for data in muat_data_indikator(
        qs, tahun_target=tahun_periode, tahun_realisasi=[*tahun_lalu, tahun]
    ):
        ind = data.indikator
        per_objek[(ind.tingkat, ind.program_id or ind.kegiatan_id or ind.sub_kegiatan_id)].append(
            data
        )

    # The budget tree of the year evaluated (TW n) and of each year of the period (TW IV).
    rekap_ini = hitung_pohon(pohon, pd_id=pd.pk, tahun=tahun, triwulan=triwulan)
    rekap_tahun = {t: hitung_pohon(pohon, pd_id=pd.pk, tahun=t, triwulan=4) for t in tahun_periode}

    def bagian_rp(tingkat: str, objek_id: int) -> tuple[dict, Any]:
        per_tahun = {t: rekap_tahun[t].indeks[(tingkat, objek_id)] for t in tahun_periode}
        return per_tahun, rekap_ini.indeks[(tingkat, objek_id)]

    analisis_program = {
        a.program_id: a
        for a in AnalisisProgram.objects.filter(
            program__renstra=renstra, tahun=tahun, triwulan=triwulan
        )
    }
    capaian_renja: list[Decimal | None] = []
    capaian_renstra: list[Decimal | None] = []
    baris: list[BarisEvaluasiRenja] = []

    def tambah_objek(tingkat: str, objek, nomor: int, sasaran: str) -> list[DataIndikator]:
        rp = _kolom_rp([bagian_rp(tingkat, objek.pk)], tahun_lalu, triwulan)
        data_objek = per_objek.get((tingkat, objek.pk), [])
        unit = objek.unit_kerja.nama if objek.unit_kerja_id else ""
        umum = {
            "jenis": tingkat,
            "kode": objek.kode,
            "nama": objek.nama,
            "nomor": nomor,
            "sasaran": sasaran,
            "objek_id": objek.pk,
            "jumlah_baris": max(1, len(data_objek)),
        }
        if not data_objek:
            baris.append(BarisEvaluasiRenja(**umum, unit_penanggung_jawab=unit, **rp))
        for i, data in enumerate(data_objek):
            ind = data.indikator
            nilai_lalu = [
                nilai_realisasi(data, t, 4, hanya_resmi=hanya_resmi).nilai for t in tahun_lalu
            ]
            real = nilai_realisasi(data, tahun, triwulan, hanya_resmi=hanya_resmi)
            sd_ini = gabung([*nilai_lalu, real.nilai], ind.cara_agregasi)
            target_akhir = _target_renstra_akhir(data, renstra)
            target, sumber = pilih_target(data, tahun, URUTAN_TARGET_RENJA)
            target_nilai = target.nilai_masukan() if target else None
            cap_renja = capaian_indikator(ind, target_nilai, real.nilai)
            cap_renstra = capaian_indikator(ind, target_akhir, sd_ini)
            capaian_renja.append(cap_renja.nilai)
            capaian_renstra.append(cap_renstra.nilai)
            baris.append(
                BarisEvaluasiRenja(
                    **umum,
                    baris_pertama=i == 0,
                    indikator=InfoIndikator.dari(ind),
                    unit_penanggung_jawab=ind.penanggung_jawab.nama
                    if ind.penanggung_jawab_id
                    else unit,
                    target_renstra_akhir=target_akhir,
                    realisasi_sd_tahun_lalu=gabung(nilai_lalu, ind.cara_agregasi)
                    if nilai_lalu
                    else None,
                    target_renja=target_nilai,
                    sumber_target_renja=sumber,
                    realisasi_triwulan=tuple(
                        v if n < triwulan else None for n, v in enumerate(real.triwulan)
                    ),
                    realisasi=real.nilai,
                    realisasi_renstra=sd_ini,
                    capaian_renstra=cap_renstra,
                    capaian_renja=cap_renja,
                    kategori_renja=skala.kategori(cap_renja.nilai),
                    **(rp if i == 0 else {}),
                )
            )
        return data_objek

    program_per_kelompok: dict[str, list[Program]] = defaultdict(list)
    for program in pohon.program:
        for kode in _urusan_bidang(program.kode):
            if kode:
                program_per_kelompok[kode].append(program)
    sudah: set[str] = set()
    for nomor, program in enumerate(pohon.program, start=1):
        for jenis, kode in zip(
            (JENIS_URUSAN, JENIS_BIDANG), _urusan_bidang(program.kode), strict=True
        ):
            if kode and kode not in sudah:
                sudah.add(kode)
                bagian = [bagian_rp("program", p.pk) for p in program_per_kelompok[kode]]
                baris.append(
                    BarisEvaluasiRenja(
                        jenis,
                        kode,
                        nama_kode.get(kode, ""),
                        **_kolom_rp(bagian, tahun_lalu, triwulan),
                    )
                )
        sasaran = "; ".join(s.uraian for s in program.sasaran.all())
        data_program = tambah_objek("program", program, nomor, sasaran)
        for kegiatan in program.kegiatan_dimuat:
            data_program += tambah_objek("kegiatan", kegiatan, nomor, sasaran)
            for sub in kegiatan.sub_kegiatan_dimuat:
                data_program += tambah_objek("sub_kegiatan", sub, nomor, sasaran)
        baris.append(
            BarisEvaluasiRenja(
                JENIS_ANALISIS,
                program.kode,
                "",
                nomor=nomor,
                sasaran=sasaran,
                objek_id=program.pk,
                analisis=_teks_analisis(
                    data_program,
                    tahun,
                    triwulan,
                    hanya_resmi,
                    analisis_program.get(program.pk),
                ),
            )
        )

    jumlah = BarisEvaluasiRenja(
        "jumlah",
        "",
        "JUMLAH",
        **_kolom_rp([bagian_rp("program", p.pk) for p in pohon.program], tahun_lalu, triwulan),
    )
    rata = rata_rata_capaian(capaian_renja, batas)
    kat = skala.kategori(rata)
    return EvaluasiRenja(
        pd_id=pd.pk,
        tahun=tahun,
        triwulan=triwulan,
        renstra_tahun_awal=renstra.tahun_awal,
        renstra_tahun_akhir=renstra.tahun_akhir,
        baris=tuple(baris),
        jumlah=jumlah,
        rata_rata_capaian_kinerja=rata,
        jumlah_indikator_dipakai=sum(1 for c in capaian_renja if c is not None),
        rata_rata_capaian_renstra=rata_rata_capaian(capaian_renstra, batas),
        kategori=kat,
        predikat=kat.label if kat else None,
        batas_rata_rata=batas,
        skala=skala,
    )
