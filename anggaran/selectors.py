"""Report numbers of budgets: realisasi anggaran per program tree, efficiency, jenis belanja.

Contracts (the same as kinerja.selectors):
- Keyword-only arguments; frozen dataclasses out; a fixed number of SQL queries per call.
- Amounts are Decimal; None means "no data" (never 0). Percentages are in percent units,
  UNROUNDED, recomputed at every level as realisasi / pagu × 100: sums roll up, percentages
  are never averaged (DOMAIN.md §5.2).
- The pagu in force is `perubahan` when set, else `murni` (`Pagu.berlaku`).
- Amounts are entered on the lowest level and summed: an amount entered on a program or
  kegiatan that has children with amounts is kept as `pagu_tercatat` / `realisasi_tercatat`
  and is NOT the printed amount: the printed amount is the children's sum (`pagu_anak`,
  `realisasi_anak`). The product never guesses which of two contradicting figures is the
  typo (a sub-kegiatan larger than its program may be either): the reports print the entered
  figure beside the sum (laporan.dokumen), kinerja.validasi reports the difference as an
  error, and the approval gate (periksa) holds the report until it is corrected or explained.
- Realisasi "s.d. TW n" is the sum of quarters 1..n; at TW IV a yearly amount (triwulan 0)
  is the year's amount (also when no quarter is entered). Before TW IV a yearly amount is
  never used, as for indicators: "s.d. TW I" of a yearly-only amount is no data.
- Official numbers (`hanya_resmi=True`, the default) use approved realisasi anggaran only
  (DOMAIN.md §8); `hanya_resmi=False` includes rows still in the workflow (working view).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from anggaran.models import AnggaranBelanja, AnggaranPerangkatDaerah, Pagu, RealisasiAnggaran
from common.hitung import jumlah as _jumlah
from common.hitung import kurang as _kurang
from common.hitung import persen as _persen
from common.workflow import Status
from renstra.models import (
    PerangkatDaerah,
    PeriodeRenstra,
    Program,
)
from renstra.selectors import (
    muat_pohon_rencana,
    periksa_triwulan,
    q_dalam_renstra,
    renstra_aktif,
)

__all__ = [
    "TINGKAT_KEGIATAN",
    "TINGKAT_PROGRAM",
    "TINGKAT_SUB_KEGIATAN",
    "AnggaranPD",
    "BarisAnggaran",
    "BarisBelanja",
    "KelompokBelanja",
    "PohonAnggaran",
    "RekapAnggaran",
    "RekapBelanja",
    "anggaran_pd",
    "hitung_pohon",
    "muat_pohon_anggaran",
    "rekap_anggaran",
    "rekap_belanja",
]

TINGKAT_PROGRAM = "program"
TINGKAT_KEGIATAN = "kegiatan"
TINGKAT_SUB_KEGIATAN = "sub_kegiatan"

MODEL_TINGKAT = {
    TINGKAT_PROGRAM: "renstra.program",
    TINGKAT_KEGIATAN: "renstra.kegiatan",
    TINGKAT_SUB_KEGIATAN: "renstra.subkegiatan",
}


# --- Loading the program tree with its amounts ----------------------------------------------


@dataclass
class PohonAnggaran:
    """The Renstra's program tree with pagu and realisasi rows of some years (internal).

    `program[i].kegiatan_dimuat[j].sub_kegiatan_dimuat` hold the loaded children in order.
    """

    renstra: PeriodeRenstra | None
    program: list[Program]
    pagu: dict[tuple[str, int, int], Pagu]
    """(tingkat, object id, tahun) → Pagu."""
    realisasi: dict[tuple[str, int, int], dict[int, RealisasiAnggaran]]
    """(tingkat, object id, tahun) → {triwulan: RealisasiAnggaran} (0 = yearly amount)."""
    tahun: tuple[int, ...] = ()
    """The years loaded."""
    hanya_resmi: bool = True
    """Whether only approved realisasi anggaran were loaded."""
    pd_id: int | None = None
    """The PD of the Renstra (None when no Renstra)."""


def _tingkat(obj: Pagu | RealisasiAnggaran) -> tuple[str, int]:
    if obj.sub_kegiatan_id:
        return TINGKAT_SUB_KEGIATAN, obj.sub_kegiatan_id
    if obj.kegiatan_id:
        return TINGKAT_KEGIATAN, obj.kegiatan_id
    return TINGKAT_PROGRAM, obj.program_id


def muat_pohon_anggaran(
    *,
    renstra: PeriodeRenstra | None,
    tahun_list: Iterable[int],
    dengan_sasaran: bool = False,
    hanya_resmi: bool = True,
    dengan_realisasi: bool = True,
) -> PohonAnggaran:
    """Load programs, kegiatan, sub-kegiatan, pagu and realisasi anggaran of `tahun_list`
    (approved realisasi only unless `hanya_resmi` is False).

    Queries (5, +1 with `dengan_sasaran`, −1 without `dengan_realisasi`): the program tree
    (renstra.selectors.muat_pohon_rencana: programs, [program→sasaran], kegiatan, sub-kegiatan);
    pagu; realisasi anggaran. Empty when `renstra` is None.
    """
    tahun_list = sorted(set(tahun_list))
    if renstra is None:
        return PohonAnggaran(None, [], {}, {}, tuple(tahun_list), hanya_resmi)
    program = muat_pohon_rencana(renstra, dengan_sasaran=dengan_sasaran)
    pagu = {}
    for pg in Pagu.objects.filter(q_dalam_renstra(renstra), tahun__in=tahun_list):
        pagu[(*_tingkat(pg), pg.tahun)] = pg
    realisasi: dict[tuple[str, int, int], dict[int, RealisasiAnggaran]] = defaultdict(dict)
    if dengan_realisasi:
        realisasi_qs = RealisasiAnggaran.objects.filter(
            q_dalam_renstra(renstra), tahun__in=tahun_list
        )
        if hanya_resmi:
            realisasi_qs = realisasi_qs.filter(status=Status.DISETUJUI)
        for r in realisasi_qs:
            realisasi[(*_tingkat(r), r.tahun)][r.triwulan] = r
    return PohonAnggaran(
        renstra,
        program,
        pagu,
        dict(realisasi),
        tuple(tahun_list),
        hanya_resmi,
        renstra.perangkat_daerah_id,
    )


# --- Rekap anggaran -------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisAnggaran:
    """The amounts of one program, kegiatan or sub-kegiatan for a year, s.d. TW n."""

    tingkat: str
    id: int
    kode: str
    nama: str
    unit_kerja: str
    pagu: Decimal | None
    """Printed pagu: the children's sum when children have a pagu, else the own pagu."""
    pagu_tercatat: Decimal | None
    """The pagu entered at this level (berlaku), whether printed or not."""
    pagu_murni_tercatat: Decimal | None
    pagu_perubahan_tercatat: Decimal | None
    pagu_dari_anak: bool
    realisasi_triwulan: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
    """TW I–IV (all four, whatever n): children's sums when children have realisations."""
    realisasi_tahunan_tercatat: Decimal | None
    """The yearly amount (triwulan 0) entered at this level."""
    realisasi: Decimal | None
    """Printed realisasi s.d. TW n (children's sum when children have realisations)."""
    realisasi_tercatat: Decimal | None
    """The realisasi s.d. TW n from the amounts entered at this level only."""
    realisasi_dari_anak: bool
    persen: Decimal | None
    """realisasi / pagu × 100, unrounded (serapan)."""
    sisa: Decimal | None
    """pagu − realisasi (the rupiah not spent)."""
    anak: tuple[BarisAnggaran, ...]
    pagu_anak: Decimal | None = None
    """The children's pagu sum (None without children with a pagu), printed or not."""
    realisasi_anak: Decimal | None = None
    """The children's realisasi sum s.d. TW n (None without children with one)."""

    @property
    def model(self) -> str:
        """The model label of the object ("renstra.program", …), for links and validation."""
        return MODEL_TINGKAT[self.tingkat]

    def semua(self) -> Iterator[BarisAnggaran]:
        """This row and its descendants, depth first (print order)."""
        yield self
        for a in self.anak:
            yield from a.semua()


@dataclass(frozen=True)
class RekapAnggaran:
    pd_id: int
    tahun: int
    triwulan: int
    program: tuple[BarisAnggaran, ...]
    pagu: Decimal | None
    realisasi_triwulan: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
    realisasi: Decimal | None
    persen: Decimal | None
    sisa: Decimal | None
    indeks: dict[tuple[str, int], BarisAnggaran] = field(repr=False, compare=False)
    """(tingkat, object id) → row."""

    def baris(self) -> Iterator[BarisAnggaran]:
        """Every row (program, kegiatan, sub-kegiatan) in print order, for tabular exports."""
        for p in self.program:
            yield from p.semua()


def _realisasi_sd(per_tw: dict[int, RealisasiAnggaran], triwulan: int) -> Decimal | None:
    tahunan = per_tw.get(0)
    tahunan = tahunan.jumlah if tahunan is not None else None
    if triwulan == 4 and tahunan is not None:
        return tahunan
    kuartal = [per_tw[tw].jumlah for tw in range(1, triwulan + 1) if tw in per_tw]
    if any(k is not None for k in kuartal):
        return _jumlah(kuartal)
    # As for indicators (kinerja.selectors.nilai_realisasi): an amount reported for the
    # whole year says nothing about "s.d. TW I–III".
    return None


def _hitung_baris(
    pohon: PohonAnggaran, tingkat: str, obj, anak: tuple[BarisAnggaran, ...], tahun, triwulan
) -> BarisAnggaran:
    pg = pohon.pagu.get((tingkat, obj.pk, tahun))
    pagu_sendiri = pg.berlaku if pg else None
    per_tw = pohon.realisasi.get((tingkat, obj.pk, tahun), {})
    tw_sendiri = tuple(per_tw[tw].jumlah if tw in per_tw else None for tw in (1, 2, 3, 4))
    tahunan = per_tw[0].jumlah if 0 in per_tw else None
    real_sendiri = _realisasi_sd(per_tw, triwulan)

    daftar_pagu_anak = [a.pagu for a in anak if a.pagu is not None]
    pagu_anak = _jumlah(daftar_pagu_anak) if daftar_pagu_anak else None
    ada_real_anak = any(
        a.realisasi is not None or any(v is not None for v in a.realisasi_triwulan) for a in anak
    )
    realisasi_anak = _jumlah(a.realisasi for a in anak) if ada_real_anak else None
    pagu_dari_anak = pagu_anak is not None
    pagu = pagu_anak if pagu_dari_anak else pagu_sendiri
    real_dari_anak = ada_real_anak
    if real_dari_anak:
        realisasi_triwulan = tuple(_jumlah(a.realisasi_triwulan[i] for a in anak) for i in range(4))
        realisasi = realisasi_anak
    else:
        realisasi_triwulan, realisasi = tw_sendiri, real_sendiri
    return BarisAnggaran(
        tingkat=tingkat,
        id=obj.pk,
        kode=obj.kode,
        nama=obj.nama,
        unit_kerja=obj.unit_kerja.nama if obj.unit_kerja_id else "",
        pagu=pagu,
        pagu_tercatat=pagu_sendiri,
        pagu_murni_tercatat=pg.murni if pg else None,
        pagu_perubahan_tercatat=pg.perubahan if pg else None,
        pagu_dari_anak=pagu_dari_anak,
        realisasi_triwulan=realisasi_triwulan,
        realisasi_tahunan_tercatat=tahunan,
        realisasi=realisasi,
        realisasi_tercatat=real_sendiri,
        realisasi_dari_anak=real_dari_anak,
        persen=_persen(realisasi, pagu),
        sisa=_kurang(pagu, realisasi),
        anak=anak,
        pagu_anak=pagu_anak,
        realisasi_anak=realisasi_anak,
    )


def hitung_pohon(
    pohon: PohonAnggaran, *, pd_id: int, tahun: int, triwulan: int = 4
) -> RekapAnggaran:
    """Roll the loaded tree up for one year, s.d. TW `triwulan` (no query)."""
    indeks: dict[tuple[str, int], BarisAnggaran] = {}
    program_rows = []
    for p in pohon.program:
        kegiatan_rows = []
        for k in p.kegiatan_dimuat:
            sub_rows = tuple(
                _hitung_baris(pohon, TINGKAT_SUB_KEGIATAN, s, (), tahun, triwulan)
                for s in k.sub_kegiatan_dimuat
            )
            kegiatan_rows.append(
                _hitung_baris(pohon, TINGKAT_KEGIATAN, k, sub_rows, tahun, triwulan)
            )
        program_rows.append(
            _hitung_baris(pohon, TINGKAT_PROGRAM, p, tuple(kegiatan_rows), tahun, triwulan)
        )
    for p in program_rows:
        for b in p.semua():
            indeks[(b.tingkat, b.id)] = b
    pagu = _jumlah(p.pagu for p in program_rows)
    realisasi = _jumlah(p.realisasi for p in program_rows)
    return RekapAnggaran(
        pd_id=pd_id,
        tahun=tahun,
        triwulan=triwulan,
        program=tuple(program_rows),
        pagu=pagu,
        realisasi_triwulan=tuple(
            _jumlah(p.realisasi_triwulan[i] for p in program_rows) for i in range(4)
        ),
        realisasi=realisasi,
        persen=_persen(realisasi, pagu),
        sisa=_kurang(pagu, realisasi),
        indeks=indeks,
    )


PESAN_POHON_LAIN = "Pohon anggaran tidak memuat perangkat daerah, tahun atau status yang diminta."


def rekap_anggaran(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int = 4,
    hanya_resmi: bool = True,
    pohon: PohonAnggaran | None = None,
) -> RekapAnggaran:
    """Pagu and realisasi per program → kegiatan → sub-kegiatan and for the PD, s.d. TW n.

    Official numbers use approved realisasi anggaran only; `hanya_resmi=False` also counts
    draft, submitted, verified and returned amounts.

    Queries (6): Renstra period; programs; kegiatan; sub-kegiatan; pagu; realisasi anggaran
    (the status filter is part of the last query). None with `pohon`, a tree already loaded
    (`muat_pohon_anggaran` of the Renstra covering `tahun`, with `tahun` and the same
    `hanya_resmi`; e.g. `kinerja.selectors.muat_kinerja`'s): ValueError for another one.
    """
    periksa_triwulan(triwulan)
    if pohon is None:
        renstra = renstra_aktif(pd=pd, tahun=tahun)
        pohon = muat_pohon_anggaran(renstra=renstra, tahun_list=[tahun], hanya_resmi=hanya_resmi)
    elif pohon.hanya_resmi != hanya_resmi or (
        pohon.renstra is not None
        and (
            pohon.pd_id != pd.pk
            or tahun not in pohon.tahun
            or not pohon.renstra.tahun_awal <= tahun <= pohon.renstra.tahun_akhir
        )
    ):
        raise ValueError(PESAN_POHON_LAIN)
    return hitung_pohon(pohon, pd_id=pd.pk, tahun=tahun, triwulan=triwulan)


# --- Jenis belanja --------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisBelanja:
    id: int
    jenis: str
    pagu: Decimal | None
    realisasi: Decimal | None
    persen: Decimal | None
    sisa: Decimal | None


@dataclass(frozen=True)
class KelompokBelanja:
    kelompok: str
    baris: tuple[BarisBelanja, ...]
    pagu: Decimal | None
    realisasi: Decimal | None
    persen: Decimal | None
    sisa: Decimal | None


@dataclass(frozen=True)
class RekapBelanja:
    pd_id: int
    tahun: int
    kelompok: tuple[KelompokBelanja, ...]
    pagu: Decimal | None
    realisasi: Decimal | None
    persen: Decimal | None
    sisa: Decimal | None


def rekap_belanja(*, pd: PerangkatDaerah, tahun: int) -> RekapBelanja:
    """The economic breakdown (Belanja Operasi: Pegawai, …): jenis rows, kelompok subtotals
    and total, each percentage recomputed from its own sums. Queries (1)."""
    per_kelompok: dict[str, list[BarisBelanja]] = {}
    for ab in AnggaranBelanja.objects.filter(perangkat_daerah=pd, tahun=tahun).order_by(
        "urutan", "id"
    ):
        per_kelompok.setdefault(ab.kelompok, []).append(
            BarisBelanja(
                ab.pk,
                ab.jenis,
                ab.pagu,
                ab.realisasi,
                _persen(ab.realisasi, ab.pagu),
                _kurang(ab.pagu, ab.realisasi),
            )
        )
    kelompok = []
    for nama, baris in per_kelompok.items():
        pagu = _jumlah(b.pagu for b in baris)
        real = _jumlah(b.realisasi for b in baris)
        kelompok.append(
            KelompokBelanja(
                nama, tuple(baris), pagu, real, _persen(real, pagu), _kurang(pagu, real)
            )
        )
    pagu = _jumlah(k.pagu for k in kelompok)
    real = _jumlah(k.realisasi for k in kelompok)
    return RekapBelanja(
        pd.pk, tahun, tuple(kelompok), pagu, real, _persen(real, pagu), _kurang(pagu, real)
    )


# --- The agency's stated total ------------------------------------------------------------


@dataclass(frozen=True)
class AnggaranPD:
    """The agency's budget total of a year as a document states it (AnggaranPerangkatDaerah),
    with the percentage recomputed from the stated amounts (never a printed one)."""

    id: int
    tahun: int
    pagu_murni: Decimal | None
    pagu: Decimal | None
    realisasi: Decimal | None
    sumber: str
    persen: Decimal | None
    sisa: Decimal | None


def anggaran_pd(*, pd: PerangkatDaerah, tahun: int) -> AnggaranPD | None:
    """The stated budget total of `pd` for `tahun`, None when none is recorded. Queries (1)."""
    a = AnggaranPerangkatDaerah.objects.filter(perangkat_daerah=pd, tahun=tahun).first()
    if a is None:
        return None
    return AnggaranPD(
        a.pk,
        a.tahun,
        a.pagu_murni,
        a.pagu,
        a.realisasi,
        a.sumber,
        _persen(a.realisasi, a.pagu),
        _kurang(a.pagu, a.realisasi),
    )
