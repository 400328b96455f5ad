"""The loading layer of every performance selector: indicators with their targets and
realisations in bulk, the target in force, the value up to TW n, the category scale.

What anggaran, validasi, the PK and the reports import from kinerja.selectors lives here; the
report families (pengukuran, perbandingan, renja, efisiensi) are built on it.

Contracts (all of kinerja.selectors):
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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet

from common.formatting import TANDA_KOSONG, parse_angka_teks
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
)
from kinerja.models import (
    PerjanjianKinerja,
    PitaKategori,
    PKIndikator,
    Realisasi,
    StatusPK,
    StatusRealisasi,
    VersiPK,
)
from renstra.models import (
    Eselon,
    Indikator,
    JenisTarget,
    PerangkatDaerah,
    Target,
    TargetTriwulan,
)

URUTAN_VERSI_TARGET = (
    JenisTarget.PK_PERUBAHAN,
    JenisTarget.PK_MURNI,
    JenisTarget.RENJA,
    JenisTarget.RENSTRA,
)
"""The target a measurement uses: the first of these versions that holds a value."""

JENIS_TARGET_PK = (JenisTarget.PK_PERUBAHAN, JenisTarget.PK_MURNI)
"""The target versions that only a signed PK sets once one exists for the indicator and year."""

URUTAN_ESELON_PENENTU = {Eselon.II: 0, Eselon.III: 1, Eselon.IV: 2, Eselon.JF: 3}
"""Which signed PK governs an indicator that sits in several PKs of a year: the highest
echelon of pihak pertama (the head of the PD's PK first), then the latest signature."""

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
            # A name the source report did not print is shown as "—", never invented.
            uraian=ind.uraian or TANDA_KOSONG,
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
class IndikatorDikecualikan:
    """An indicator left out of an average, with the reason (Indonesian)."""

    indikator_id: int
    kode: str
    uraian: str
    alasan: str


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


def batas_rata_rata(pd: PerangkatDaerah) -> Decimal | None:
    """The PD's cap on each capaian for averaging (0 in the database means none)."""
    return Decimal(pd.batas_capaian_rata_rata) if pd.batas_capaian_rata_rata else None


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
        # The Indonesian reading of the realisation forms: "1.500" is 1500.
        return parse_angka_teks(teks)
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
    target_pk: dict[tuple[int, str], list[PKIndikator]] = field(default_factory=dict)
    """Rows of SIGNED PKs per (year, "pk_murni"|"pk_perubahan"), the governing row first
    (`kunci_penentu`). Once a year has one, its PK targets come only from here."""


def jenis_target_pk(pk: PerjanjianKinerja) -> str:
    """The target version a PK sets: pk_perubahan for a PK Perubahan, else pk_murni."""
    return JenisTarget.PK_PERUBAHAN if pk.versi == VersiPK.PERUBAHAN else JenisTarget.PK_MURNI


def kunci_penentu(baris: PKIndikator) -> tuple:
    """Sort key putting the governing signed PK row first: highest echelon of pihak pertama
    (eselon II, the head of the PD), then the latest signature, version and id."""
    pk = baris.perjanjian
    pejabat = pk.pihak_pertama
    pada = pk.ditandatangani_pihak_kedua_pada
    return (
        URUTAN_ESELON_PENENTU.get(pejabat.eselon if pejabat else "", 9),
        -(pada.timestamp() if pada else 0),
        -pk.nomor_versi,
        -pk.pk,
    )


def muat_data_indikator(
    indikator_qs: QuerySet[Indikator],
    *,
    tahun_target: Iterable[int],
    tahun_realisasi: Iterable[int],
    target_triwulan: bool = False,
    anotasi_bukti: bool = False,
) -> list[DataIndikator]:
    """Indicators of `indikator_qs` with targets, (quarterly targets) and realisations.

    Queries (fixed): 1 indicators, 1 targets, 1 rows of signed PKs (with their PK and pihak
    pertama), [1 quarterly targets], 1 realisations (all statuses; `anotasi_bukti` adds a
    COUNT of evidence in the same query). The related rows are filtered by sub-query on
    `indikator_qs`, never by a list of ids.
    """
    daftar = list(indikator_qs)
    data = {i.pk: DataIndikator(i, {}, {}, {}) for i in daftar}
    tahun_target = sorted(set(tahun_target))
    tahun_realisasi = sorted(set(tahun_realisasi))
    id_qs = indikator_qs.values("pk")
    for t in Target.objects.filter(indikator__in=id_qs, tahun__in=tahun_target):
        data[t.indikator_id].target[(t.tahun, t.jenis)] = t
    for b in PKIndikator.objects.filter(
        indikator__in=id_qs,
        perjanjian__tahun__in=tahun_target,
        perjanjian__status=StatusPK.DITANDATANGANI,
    ).select_related("perjanjian__pihak_pertama"):
        kunci = (b.perjanjian.tahun, jenis_target_pk(b.perjanjian))
        data[b.indikator_id].target_pk.setdefault(kunci, []).append(b)
    for d in data.values():
        for daftar_pk in d.target_pk.values():
            daftar_pk.sort(key=kunci_penentu)
    if target_triwulan:
        for t in TargetTriwulan.objects.filter(indikator__in=id_qs, tahun__in=tahun_target):
            data[t.indikator_id].target_triwulan[(t.tahun, t.triwulan)] = t
    realisasi = Realisasi.objects.filter(indikator__in=id_qs, tahun__in=tahun_realisasi)
    if anotasi_bukti:
        realisasi = realisasi.annotate(jumlah_bukti=Count("bukti"))
    for r in realisasi:
        data[r.indikator_id].realisasi[(r.tahun, r.triwulan)] = r
    return [data[i.pk] for i in daftar]


def ada_pk_bertanda_tangan(data: DataIndikator, tahun: int) -> bool:
    """Whether a signed PK of `tahun` holds the indicator (its PK targets are then locked)."""
    return any(data.target_pk.get((tahun, jenis)) for jenis in JENIS_TARGET_PK)


def target_versi(data: DataIndikator, tahun: int, jenis: str) -> Target | PKIndikator | None:
    """The target row of one version: for pk_murni / pk_perubahan the governing signed PK
    row once a signed PK of the year holds the indicator (plan rows are then ignored),
    otherwise the plan's Target row."""
    if jenis in JENIS_TARGET_PK and ada_pk_bertanda_tangan(data, tahun):
        baris = data.target_pk.get((tahun, jenis))
        return baris[0] if baris else None
    return data.target.get((tahun, jenis))


def pilih_target(
    data: DataIndikator, tahun: int, urutan: Sequence[str] = URUTAN_VERSI_TARGET
) -> tuple[Target | PKIndikator | None, str | None]:
    """The first version in `urutan` whose target for `tahun` holds a value, and its jenis.

    The PK versions come from the governing signed PK when one exists (`target_versi`): a
    signed PK is the one source of the PK target, whatever the plan's rows say."""
    for jenis in urutan:
        t = target_versi(data, tahun, jenis)
        if t is not None and not t.kosong:
            return t, str(jenis)
    return None, None


STATUS_DIHITUNG = "dihitung"
STATUS_BELUM_ADA_DATA = "belum_ada_data"
STATUS_BELUM_ADA_TARGET = "belum_ada_target"
STATUS_BELUM_ADA_REALISASI = "belum_ada_realisasi"
STATUS_TIDAK_TERHITUNG = "tidak_terhitung"
LABEL_STATUS = {
    STATUS_DIHITUNG: "Capaian dihitung",
    STATUS_BELUM_ADA_DATA: "Belum ada data: target dan realisasi belum diisi",
    STATUS_BELUM_ADA_TARGET: "Belum ada data: target belum diisi",
    STATUS_BELUM_ADA_REALISASI: "Belum ada data: realisasi belum dilaporkan",
    STATUS_TIDAK_TERHITUNG: "Capaian tidak dapat dihitung",
}
"""Whether a measured row has its capaian, and if not, which data is missing (Indonesian)."""


def status_ukur(target: Any, realisasi: Any, capaian: HasilCapaian | None) -> str:
    """The data status of one measured row: "dihitung", "belum_ada_data" (neither target nor
    realisasi), "belum_ada_target", "belum_ada_realisasi", or "tidak_terhitung" (both are
    there but the engine cannot compute, e.g. target 0: `capaian.alasan` says why)."""
    if capaian is not None and capaian.nilai is not None:
        return STATUS_DIHITUNG
    if target is None and realisasi is None:
        return STATUS_BELUM_ADA_DATA
    if target is None:
        return STATUS_BELUM_ADA_TARGET
    if realisasi is None:
        return STATUS_BELUM_ADA_REALISASI
    return STATUS_TIDAK_TERHITUNG


def tahun_target(t: Target | PKIndikator | None) -> int | None:
    """The year of a target row: a plan row's own year, a PK row's PK year (None: no target)."""
    if t is None:
        return None
    if isinstance(t, PKIndikator):
        return t.perjanjian.tahun
    return t.tahun


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
