"""Report data: every number of the official reports, assembled from the selectors.

The numbers come from kinerja.selectors (pengukuran_kinerja, perbandingan_tahun,
evaluasi_renja), anggaran.selectors (rekap_anggaran, efisiensi, rekap_belanja) and
kinerja.validasi (validasi_pd). What those selectors do not give and the reports need is
computed here, in the same style (keyword-only, frozen dataclasses, fixed query counts):
- `matriks_renstra`: tujuan, sasaran and their indicators with the yearly Renstra targets,
  kondisi awal/akhir, and the IKU sheet attributes (Bab II, Lampiran IKU);
- `rencana_aksi`: the Rencana Aksi rows (sasaran → program → kegiatan → sub-kegiatan, quarterly
  targets or ticks, action text);
- `perjanjian_kinerja_pd`: the PD-level PK of the year (the agency head's), when recorded;
- `serapan_triwulan`: cumulative budget absorption per program and quarter (for the chart).

Views and templates never compute: they format what `data_lkjip`, `data_triwulan`,
`data_evaluasi_renja` and `data_rencana_aksi` return.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from typing import Any

from django.db.models import Q
from django.utils import timezone

from anggaran.selectors import (
    Efisiensi,
    RekapAnggaran,
    RekapBelanja,
    efisiensi,
    rekap_anggaran,
    rekap_belanja,
)
from common.formatting import (
    PRESISI,
    TANDA_KOSONG,
    format_persen,
    format_rupiah,
    format_triwulan,
    romawi,
)
from kinerja.models import PerjanjianKinerja, PKAnggaran, PKIndikator, VersiPK
from kinerja.models import RencanaAksi as RencanaAksiModel
from kinerja.pk import pk_berlaku
from kinerja.selectors import (
    LABEL_SUMBER_TARGET,
    BarisPerbandingan,
    BarisSasaran,
    EvaluasiRenja,
    Pengukuran,
    PerbandinganTahun,
    evaluasi_renja,
    muat_data_indikator,
    pengukuran_kinerja,
    perbandingan_tahun,
    pilih_target,
    renstra_aktif,
)
from kinerja.validasi import Masalah, validasi_pd
from renstra.models import (
    Eselon,
    Indikator,
    JenisTarget,
    Kegiatan,
    Pejabat,
    PerangkatDaerah,
    PeriodeRenstra,
    Program,
    Rpjmd,
    Sasaran,
    SubKegiatan,
    Tujuan,
)

from .tabel import format_nilai

SERATUS = Decimal(100)
TAHUN_PEMBANDING = 2
"""How many previous years the Bab III comparison tables show (at most)."""


def _persen(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None or b is None or b == 0:
        return None
    with localcontext(prec=PRESISI):
        return a * SERATUS / b


# --- Identity and signatures ----------------------------------------------------------------


@dataclass(frozen=True)
class Penandatangan:
    nama: str
    jabatan: str
    pangkat_golongan: str
    nip: str


@dataclass(frozen=True)
class Identitas:
    pd: PerangkatDaerah
    tahun: int
    triwulan: int
    tempat: str
    tanggal: datetime.date
    kepala: Penandatangan | None
    """The signer: the head of the PD (or the official chosen by NIP)."""


def _penandatangan(p: Pejabat | None) -> Penandatangan | None:
    if p is None:
        return None
    return Penandatangan(
        nama=p.nama or "",
        jabatan=p.jabatan_cetak,
        pangkat_golongan=p.pangkat_golongan,
        nip=p.nip or "",
    )


def identitas(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int = 0,
    tanggal: datetime.date | None = None,
    nip: str | None = None,
) -> Identitas:
    """Who signs and where/when. 1 query (the official: by NIP, else the eselon II head)."""
    qs = Pejabat.objects.filter(perangkat_daerah=pd)
    if nip:
        pejabat = qs.filter(nip=nip).first()
    else:
        pejabat = qs.filter(eselon=Eselon.II).order_by("-aktif", "id").first()
    return Identitas(
        pd=pd,
        tahun=tahun,
        triwulan=triwulan,
        tempat=pd.kota_ttd or "",
        tanggal=tanggal or timezone.localdate(),
        kepala=_penandatangan(pejabat),
    )


# --- Renstra matrix and IKU sheet -----------------------------------------------------------


@dataclass(frozen=True)
class IndikatorRenstra:
    id: int
    kode: str
    uraian: str
    satuan: str
    iku: bool
    formula: str
    definisi_operasional: str
    sumber_data: str
    penanggung_jawab: str
    kondisi_awal: str
    kondisi_akhir: str
    target: tuple[Any, ...]
    """Renstra target per year of the period (None where not set)."""
    target_tahun: Any
    """The target of the report year used for measurement (PK → Renja → Renstra)."""
    sumber_target_tahun: str | None


@dataclass(frozen=True)
class SasaranRenstra:
    id: int
    kode: str
    uraian: str
    indikator: tuple[IndikatorRenstra, ...]
    program: tuple[tuple[str, str], ...]
    """(kode, nama) of the programs that serve this sasaran."""


@dataclass(frozen=True)
class TujuanRenstra:
    id: int | None
    kode: str
    uraian: str
    indikator: tuple[IndikatorRenstra, ...]
    sasaran: tuple[SasaranRenstra, ...]


@dataclass(frozen=True)
class MatriksRenstra:
    renstra: PeriodeRenstra | None
    tahun: tuple[int, ...]
    tujuan: tuple[TujuanRenstra, ...]
    visi: str = ""
    """The RPJMD vision the Renstra follows ("" when not recorded)."""
    misi: tuple[tuple[int, str], ...] = ()
    """(nomor, uraian) of the RPJMD missions the PD's tujuan serve."""

    @property
    def sasaran(self) -> list[SasaranRenstra]:
        return [s for t in self.tujuan for s in t.sasaran]

    @property
    def iku(self) -> list[tuple[SasaranRenstra, IndikatorRenstra]]:
        return [(s, i) for s in self.sasaran for i in s.indikator if i.iku]


def matriks_renstra(*, pd: PerangkatDaerah, tahun: int) -> MatriksRenstra:
    """Tujuan → indicators, sasaran → indicators with the Renstra targets per year.

    Queries (7): Renstra; tujuan (with their RPJMD misi); sasaran; program→sasaran links;
    indicators (with penanggung jawab); targets; the RPJMD — 1 when no Renstra covers `tahun`.
    """
    renstra = renstra_aktif(pd=pd, tahun=tahun)
    if renstra is None:
        return MatriksRenstra(None, (), ())
    periode = tuple(range(renstra.tahun_awal, renstra.tahun_akhir + 1))
    tujuan = list(
        Tujuan.objects.filter(renstra=renstra).select_related("misi").order_by("urutan", "id")
    )
    rpjmd = Rpjmd.objects.filter(pk=renstra.rpjmd_id).first() if renstra.rpjmd_id else None
    misi = sorted({(t.misi.nomor, t.misi.uraian) for t in tujuan if t.misi_id and t.misi.uraian})
    sasaran = list(Sasaran.objects.filter(renstra=renstra).order_by("urutan", "id"))
    tautan = Program.sasaran.through.objects.filter(program__renstra=renstra).select_related(
        "program"
    )
    program_per_sasaran: dict[int, list[Program]] = defaultdict(list)
    for t in tautan.order_by("program__urutan", "program_id"):
        program_per_sasaran[t.sasaran_id].append(t.program)
    qs = (
        Indikator.objects.filter(perangkat_daerah=pd)
        .filter(Q(tujuan__renstra=renstra) | Q(sasaran__renstra=renstra))
        .select_related("penanggung_jawab")
        .order_by("-iku", "urutan", "id")
    )
    data = muat_data_indikator(qs, tahun_target=[*periode, tahun], tahun_realisasi=[])

    def buat(d) -> IndikatorRenstra:
        ind = d.indikator
        target_renstra = []
        for th in periode:
            t = d.target.get((th, JenisTarget.RENSTRA))
            target_renstra.append(t.nilai_masukan() if t is not None and not t.kosong else None)
        target_tahun, sumber = pilih_target(d, tahun)
        return IndikatorRenstra(
            id=ind.pk,
            kode=ind.kode,
            uraian=ind.uraian,
            satuan=ind.satuan,
            iku=ind.iku,
            formula=ind.formula,
            definisi_operasional=ind.definisi_operasional,
            sumber_data=ind.sumber_data,
            penanggung_jawab=ind.penanggung_jawab.nama if ind.penanggung_jawab_id else "",
            kondisi_awal=ind.kondisi_awal,
            kondisi_akhir=ind.kondisi_akhir,
            target=tuple(target_renstra),
            target_tahun=target_tahun.nilai_masukan() if target_tahun else None,
            sumber_target_tahun=sumber,
        )

    per_tujuan: dict[int, list[IndikatorRenstra]] = defaultdict(list)
    per_sasaran: dict[int, list[IndikatorRenstra]] = defaultdict(list)
    for d in data:
        if d.indikator.tujuan_id:
            per_tujuan[d.indikator.tujuan_id].append(buat(d))
        else:
            per_sasaran[d.indikator.sasaran_id].append(buat(d))
    sasaran_per_tujuan: dict[int | None, list[SasaranRenstra]] = defaultdict(list)
    for s in sasaran:
        sasaran_per_tujuan[s.tujuan_id].append(
            SasaranRenstra(
                id=s.pk,
                kode=s.kode,
                uraian=s.uraian,
                indikator=tuple(per_sasaran.get(s.pk, [])),
                program=tuple((p.kode, p.nama) for p in program_per_sasaran.get(s.pk, [])),
            )
        )
    hasil = [
        TujuanRenstra(
            t.pk,
            t.kode,
            t.uraian,
            tuple(per_tujuan.get(t.pk, [])),
            tuple(sasaran_per_tujuan.get(t.pk, [])),
        )
        for t in tujuan
    ]
    if sasaran_per_tujuan.get(None):
        hasil.append(TujuanRenstra(None, "", "", (), tuple(sasaran_per_tujuan[None])))
    return MatriksRenstra(
        renstra, periode, tuple(hasil), visi=rpjmd.visi if rpjmd else "", misi=tuple(misi)
    )


# --- Perjanjian Kinerja of the PD -----------------------------------------------------------


@dataclass(frozen=True)
class PKPerangkatDaerah:
    """The agency head's PK of the year (latest version), as Bab II prints it."""

    perjanjian: PerjanjianKinerja
    indikator: tuple[PKIndikator, ...]
    anggaran: tuple[PKAnggaran, ...]
    perubahan: bool


def perjanjian_kinerja_pd(*, pd: PerangkatDaerah, tahun: int) -> PKPerangkatDaerah | None:
    """The head's PK of the year in force (kinerja.pk.pk_berlaku: latest signed version).

    Queries (3): the PK (with its parties); its indicator rows; its budget rows.
    """
    pk = pk_berlaku(pd=pd, tahun=tahun)
    if pk is None:
        return None
    indikator = tuple(PKIndikator.objects.filter(perjanjian=pk).order_by("urutan", "id"))
    anggaran = tuple(PKAnggaran.objects.filter(perjanjian=pk).order_by("urutan", "id"))
    return PKPerangkatDaerah(pk, indikator, anggaran, pk.versi == VersiPK.PERUBAHAN)


# --- Rencana Aksi ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisRencanaAksi:
    tingkat: str
    """"sasaran", "program", "kegiatan" or "sub_kegiatan"."""
    nomor: str
    """I, II … for sasaran; 1, 2 … for programs; 1.1 … for kegiatan; "" for sub-kegiatan."""
    kode: str
    uraian: str
    baris_pertama: bool
    jumlah_baris: int
    indikator_kode: str
    indikator: str
    satuan: str
    target: Any
    sumber_target: str | None
    triwulan: tuple[Any, Any, Any, Any]
    """Per quarter: the cumulative quarterly target when set, True for a tick, else None."""
    rencana_aksi: str


@dataclass(frozen=True)
class DataRencanaAksi:
    tahun: int
    baris: tuple[BarisRencanaAksi, ...]
    ada_isian: bool
    """False when no quarterly plan (tick, quarterly target or text) is recorded for the year."""


def rencana_aksi(*, pd: PerangkatDaerah, tahun: int) -> DataRencanaAksi:
    """Rencana Aksi (DOMAIN.md §7.4): per sasaran its indicators, then the programs that serve
    it with their kegiatan and sub-kegiatan, each with the year's target, the quarters worked
    on (quarterly target or ✓) and the action text.

    Queries (10): Renstra; sasaran; program→sasaran links; programs; kegiatan; sub-kegiatan;
    indicators; targets; quarterly targets; rencana aksi rows.
    """
    renstra = renstra_aktif(pd=pd, tahun=tahun)
    if renstra is None:
        return DataRencanaAksi(tahun, (), False)
    sasaran = list(Sasaran.objects.filter(renstra=renstra).order_by("urutan", "id"))
    tautan = list(
        Program.sasaran.through.objects.filter(program__renstra=renstra).values_list(
            "sasaran_id", "program_id"
        )
    )
    program = list(Program.objects.filter(renstra=renstra).order_by("urutan", "id"))
    kegiatan = list(Kegiatan.objects.filter(program__renstra=renstra).order_by("urutan", "id"))
    sub = list(
        SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).order_by("urutan", "id")
    )
    qs = (
        Indikator.objects.filter(perangkat_daerah=pd)
        .filter(
            Q(sasaran__renstra=renstra)
            | Q(program__renstra=renstra)
            | Q(kegiatan__program__renstra=renstra)
            | Q(sub_kegiatan__kegiatan__program__renstra=renstra)
        )
        .order_by("-iku", "urutan", "id")
    )
    data = muat_data_indikator(qs, tahun_target=[tahun], tahun_realisasi=[], target_triwulan=True)
    ra = {
        r.indikator_id: r
        for r in RencanaAksiModel.objects.filter(indikator__in=qs.values("pk"), tahun=tahun)
    }
    per_objek: dict[tuple[str, int], list] = defaultdict(list)
    for d in data:
        ind = d.indikator
        per_objek[
            (
                ind.tingkat,
                ind.sasaran_id or ind.program_id or ind.kegiatan_id or ind.sub_kegiatan_id,
            )
        ].append(d)
    kegiatan_per_program: dict[int, list[Kegiatan]] = defaultdict(list)
    for k in kegiatan:
        kegiatan_per_program[k.program_id].append(k)
    sub_per_kegiatan: dict[int, list[SubKegiatan]] = defaultdict(list)
    for s in sub:
        sub_per_kegiatan[s.kegiatan_id].append(s)
    program_per_sasaran: dict[int, list[Program]] = defaultdict(list)
    program_by_id = {p.pk: p for p in program}
    for sasaran_id, program_id in tautan:
        program_per_sasaran[sasaran_id].append(program_by_id[program_id])
    for daftar in program_per_sasaran.values():
        daftar.sort(key=lambda p: (p.urutan, p.pk))

    baris: list[BarisRencanaAksi] = []
    ada_isian = False

    def tambah(tingkat: str, nomor: str, kode: str, uraian: str, kunci) -> None:
        nonlocal ada_isian
        daftar = per_objek.get(kunci, [])
        if not daftar:
            baris.append(
                BarisRencanaAksi(
                    tingkat, nomor, kode, uraian, True, 1, "", "", "", None, None, (None,) * 4, ""
                )
            )
            return
        for i, d in enumerate(daftar):
            ind = d.indikator
            target, sumber = pilih_target(d, tahun)
            r = ra.get(ind.pk)
            tw = []
            for n in (1, 2, 3, 4):
                tt = d.target_triwulan.get((tahun, n))
                if tt is not None and not tt.kosong:
                    tw.append(tt.nilai_masukan())
                elif r is not None and r.triwulan[n - 1]:
                    tw.append(True)
                else:
                    tw.append(None)
            if any(v is not None for v in tw) or (r is not None and r.uraian):
                ada_isian = True
            baris.append(
                BarisRencanaAksi(
                    tingkat=tingkat,
                    nomor=nomor if i == 0 else "",
                    kode=kode,
                    uraian=uraian,
                    baris_pertama=i == 0,
                    jumlah_baris=len(daftar),
                    indikator_kode=ind.kode,
                    indikator=ind.uraian,
                    satuan=ind.satuan,
                    target=target.nilai_masukan() if target else None,
                    sumber_target=sumber,
                    triwulan=tuple(tw),
                    rencana_aksi=r.uraian if r is not None else "",
                )
            )

    dicetak: set[int] = set()

    def tambah_program(p: Program, n: int) -> None:
        dicetak.add(p.pk)
        tambah("program", str(n), p.kode, p.nama, ("program", p.pk))
        for j, k in enumerate(kegiatan_per_program.get(p.pk, []), start=1):
            tambah("kegiatan", f"{n}.{j}", k.kode, k.nama, ("kegiatan", k.pk))
            for s in sub_per_kegiatan.get(k.pk, []):
                tambah("sub_kegiatan", "", s.kode, s.nama, ("sub_kegiatan", s.pk))

    for i, s in enumerate(sasaran, start=1):
        tambah("sasaran", romawi(i), s.kode, s.uraian, ("sasaran", s.pk))
        for n, p in enumerate(program_per_sasaran.get(s.pk, []), start=1):
            tambah_program(p, n)
    sisa = [p for p in program if p.pk not in dicetak]
    for n, p in enumerate(sisa, start=1):
        tambah_program(p, n)
    return DataRencanaAksi(tahun, tuple(baris), ada_isian)


# --- Budget absorption per quarter ----------------------------------------------------------


@dataclass(frozen=True)
class SerapanProgram:
    kode: str
    nama: str
    pagu: Decimal | None
    kumulatif: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
    """Realisasi s.d. TW I..IV as a percentage of the year's pagu."""


def serapan_triwulan(rekap: RekapAnggaran) -> tuple[SerapanProgram, ...]:
    """Cumulative absorption per program and quarter, from a rekap_anggaran (no query)."""
    hasil = []
    for p in rekap.program:
        jalan: Decimal | None = None
        kumulatif = []
        for v in p.realisasi_triwulan:
            if v is not None:
                jalan = (jalan or Decimal(0)) + v
            kumulatif.append(_persen(jalan, p.pagu))
        hasil.append(SerapanProgram(p.kode, p.nama, p.pagu, tuple(kumulatif)))
    return tuple(hasil)


# --- The LKjIP ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgramPendukung:
    """A program serving a sasaran: its outcome indicators' capaian and its budget."""

    kode: str
    nama: str
    indikator: tuple[Any, ...]
    """Evaluasi Renja rows (BarisEvaluasiRenja) of the program's own indicators."""
    kegiatan: tuple[Any, ...]
    """Evaluasi Renja rows of its kegiatan (first row of each, for the budget)."""
    pagu: Decimal | None
    realisasi: Decimal | None
    persen: Decimal | None
    efisiensi: tuple[Any, ...]
    """Efisiensi rows of the program and its kegiatan and sub-kegiatan."""


@dataclass(frozen=True)
class AnalisisSasaran:
    """Everything the seven analyses of one sasaran print (DOMAIN.md §7.1 Bab III)."""

    nomor: int
    sasaran: BarisSasaran
    perbandingan: tuple[BarisPerbandingan, ...]
    program: tuple[ProgramPendukung, ...]
    pagu: Decimal | None
    realisasi: Decimal | None
    persen: Decimal | None


@dataclass(frozen=True)
class DataLKjIP:
    identitas: Identitas
    matriks: MatriksRenstra
    pk: PKPerangkatDaerah | None
    pengukuran: Pengukuran
    perbandingan: PerbandinganTahun
    tahun_perbandingan: tuple[int, ...]
    """Previous years shown in the comparison tables (those with data, at most 2)."""
    analisis: tuple[AnalisisSasaran, ...]
    anggaran: RekapAnggaran
    belanja: RekapBelanja
    belanja_sesuai: bool
    """Whether the jenis-belanja totals equal the program-tree totals (then it is printed)."""
    efisiensi: Efisiensi
    evaluasi_renja: EvaluasiRenja
    rencana_aksi: DataRencanaAksi
    serapan: tuple[SerapanProgram, ...]
    validasi: tuple[Masalah, ...]
    kategori_jumlah: tuple[tuple[str, str, int], ...] = field(default=())
    """(urutan, label, n of indicators) per band of the scale."""

    @property
    def tahun(self) -> int:
        return self.identitas.tahun

    @property
    def pd(self) -> PerangkatDaerah:
        return self.identitas.pd


def _tahun_berdata(perbandingan: PerbandinganTahun, tahun: int) -> tuple[int, ...]:
    berdata = {
        n.tahun
        for b in perbandingan.baris
        for n in b.tahun
        if n.tahun < tahun and n.realisasi is not None
    }
    return tuple(sorted(berdata)[-TAHUN_PEMBANDING:]) or ((tahun - 1,) if tahun else ())


def _analisis(
    pengukuran: Pengukuran,
    perbandingan: PerbandinganTahun,
    matriks: MatriksRenstra,
    anggaran: RekapAnggaran,
    evaluasi: EvaluasiRenja,
    efis: Efisiensi,
) -> tuple[AnalisisSasaran, ...]:
    program_sasaran = {s.id: [kode for kode, _ in s.program] for s in matriks.sasaran}
    program_rekap = {p.kode: p for p in anggaran.program}
    renja_program: dict[str, list] = defaultdict(list)
    renja_kegiatan: dict[str, list] = defaultdict(list)
    kegiatan_program: dict[str, str] = {}
    for p in anggaran.program:
        for k in p.anak:
            kegiatan_program[k.kode] = p.kode
    for b in evaluasi.baris:
        if b.jenis == "program":
            renja_program[b.kode].append(b)
        elif b.jenis == "kegiatan" and b.baris_pertama and b.kode in kegiatan_program:
            renja_kegiatan[kegiatan_program[b.kode]].append(b)
    efis_program: dict[str, list] = defaultdict(list)
    for e in efis.baris:
        for kode in program_rekap:
            if e.kode == kode or e.kode.startswith(kode + "."):
                efis_program[kode].append(e)
                break
    per_sasaran = defaultdict(list)
    for b in perbandingan.baris:
        per_sasaran[b.sasaran_id].append(b)
    hasil = []
    for i, s in enumerate(pengukuran.sasaran, start=1):
        program = []
        for kode in program_sasaran.get(s.id, []):
            rp = program_rekap.get(kode)
            if rp is None:
                continue
            program.append(
                ProgramPendukung(
                    kode=kode,
                    nama=rp.nama,
                    indikator=tuple(b for b in renja_program.get(kode, []) if b.indikator),
                    kegiatan=tuple(renja_kegiatan.get(kode, [])),
                    pagu=rp.pagu,
                    realisasi=rp.realisasi,
                    persen=rp.persen,
                    efisiensi=tuple(efis_program.get(kode, [])),
                )
            )
        pagu = _jumlah_ada(p.pagu for p in program)
        real = _jumlah_ada(p.realisasi for p in program)
        hasil.append(
            AnalisisSasaran(
                nomor=i,
                sasaran=s,
                perbandingan=tuple(per_sasaran.get(s.id, [])),
                program=tuple(program),
                pagu=pagu,
                realisasi=real,
                persen=_persen(real, pagu),
            )
        )
    return tuple(hasil)


def _jumlah_ada(nilai: Iterable[Decimal | None]) -> Decimal | None:
    ada = [n for n in nilai if n is not None]
    if not ada:
        return None
    with localcontext(prec=PRESISI):
        return sum(ada, Decimal(0))


def data_lkjip(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    tanggal: datetime.date | None = None,
    nip: str | None = None,
) -> DataLKjIP:
    """Every number of the LKjIP of `pd` for `tahun` (measured at TW IV, approved values)."""
    pengukuran = pengukuran_kinerja(pd=pd, tahun=tahun, triwulan=4)
    perbandingan = perbandingan_tahun(pd=pd, tahun=tahun, jumlah_tahun=3)
    matriks = matriks_renstra(pd=pd, tahun=tahun)
    anggaran = rekap_anggaran(pd=pd, tahun=tahun, triwulan=4)
    belanja = rekap_belanja(pd=pd, tahun=tahun)
    efis = efisiensi(pd=pd, tahun=tahun)
    evaluasi = evaluasi_renja(pd=pd, tahun=tahun, triwulan=4)
    jumlah_kategori: dict[str, int] = defaultdict(int)
    for _s, b in pengukuran.baris():
        if b.kategori is not None:
            jumlah_kategori[b.kategori.urutan] += 1
    kategori_jumlah = tuple(
        (p.urutan, p.label, jumlah_kategori.get(p.urutan, 0)) for p in pengukuran.skala.baris
    )
    return DataLKjIP(
        identitas=identitas(pd=pd, tahun=tahun, tanggal=tanggal, nip=nip),
        matriks=matriks,
        pk=perjanjian_kinerja_pd(pd=pd, tahun=tahun),
        pengukuran=pengukuran,
        perbandingan=perbandingan,
        tahun_perbandingan=_tahun_berdata(perbandingan, tahun),
        analisis=_analisis(pengukuran, perbandingan, matriks, anggaran, evaluasi, efis),
        anggaran=anggaran,
        belanja=belanja,
        belanja_sesuai=(
            bool(belanja.kelompok)
            and belanja.pagu == anggaran.pagu
            and belanja.realisasi == anggaran.realisasi
        ),
        efisiensi=efis,
        evaluasi_renja=evaluasi,
        rencana_aksi=rencana_aksi(pd=pd, tahun=tahun),
        serapan=serapan_triwulan(anggaran),
        validasi=tuple(validasi_pd(pd=pd, tahun=tahun)),
        kategori_jumlah=kategori_jumlah,
    )


# --- The quarterly report, the Renja form, the Rencana Aksi --------------------------------


@dataclass(frozen=True)
class DataTriwulan:
    identitas: Identitas
    pengukuran: Pengukuran
    anggaran: RekapAnggaran
    validasi: tuple[Masalah, ...]

    @property
    def tahun(self) -> int:
        return self.identitas.tahun

    @property
    def triwulan(self) -> int:
        return self.identitas.triwulan


def data_triwulan(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    tanggal: datetime.date | None = None,
    nip: str | None = None,
) -> DataTriwulan:
    """The quarterly performance report (DOMAIN.md §7.2): IKU s.d. TW n and budget s.d. TW n."""
    return DataTriwulan(
        identitas=identitas(pd=pd, tahun=tahun, triwulan=triwulan, tanggal=tanggal, nip=nip),
        pengukuran=pengukuran_kinerja(pd=pd, tahun=tahun, triwulan=triwulan, hanya_iku=True),
        anggaran=rekap_anggaran(pd=pd, tahun=tahun, triwulan=triwulan),
        validasi=tuple(validasi_pd(pd=pd, tahun=tahun)),
    )


@dataclass(frozen=True)
class DataEvaluasiRenja:
    identitas: Identitas
    evaluasi: EvaluasiRenja
    sasaran: tuple[str, ...]
    """Sasaran PD tahunan, for the title block."""
    validasi: tuple[Masalah, ...]

    @property
    def tahun(self) -> int:
        return self.identitas.tahun

    @property
    def triwulan(self) -> int:
        return self.identitas.triwulan


def data_evaluasi_renja(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    tanggal: datetime.date | None = None,
    nip: str | None = None,
) -> DataEvaluasiRenja:
    """The Formulir Evaluasi Hasil Renja of TW `triwulan` (DOMAIN.md §7.5)."""
    renstra = renstra_aktif(pd=pd, tahun=tahun)
    sasaran = (
        tuple(
            Sasaran.objects.filter(renstra=renstra)
            .order_by("urutan", "id")
            .values_list("uraian", flat=True)
        )
        if renstra is not None
        else ()
    )
    return DataEvaluasiRenja(
        identitas=identitas(pd=pd, tahun=tahun, triwulan=triwulan, tanggal=tanggal, nip=nip),
        evaluasi=evaluasi_renja(pd=pd, tahun=tahun, triwulan=triwulan),
        sasaran=sasaran,
        validasi=tuple(validasi_pd(pd=pd, tahun=tahun)),
    )


@dataclass(frozen=True)
class DataRencanaAksiLaporan:
    identitas: Identitas
    rencana: DataRencanaAksi
    validasi: tuple[Masalah, ...] = ()

    @property
    def tahun(self) -> int:
        return self.identitas.tahun


def data_rencana_aksi(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    tanggal: datetime.date | None = None,
    nip: str | None = None,
) -> DataRencanaAksiLaporan:
    return DataRencanaAksiLaporan(
        identitas=identitas(pd=pd, tahun=tahun, tanggal=tanggal, nip=nip),
        rencana=rencana_aksi(pd=pd, tahun=tahun),
    )


# --- Placeholders of the narrative ----------------------------------------------------------


def _label_target(sumber: str | None) -> str:
    return LABEL_SUMBER_TARGET.get(sumber, "") if sumber else ""


def nilai_placeholder_pengukuran(pengukuran: Pengukuran, nilai: dict[str, str]) -> dict[str, str]:
    """Per indicator and sasaran values of a pengukuran, formatted (added to `nilai`)."""
    nilai["jumlah_sasaran"] = str(len(pengukuran.sasaran))
    nilai["jumlah_indikator"] = str(sum(len(s.indikator) for s in pengukuran.sasaran))
    nilai["jumlah_iku"] = str(sum(1 for _s, b in pengukuran.baris() if b.indikator.iku))
    nilai["capaian_pd"] = format_persen(pengukuran.rata_rata)
    nilai["kategori_pd"] = pengukuran.predikat or TANDA_KOSONG
    for s in pengukuran.sasaran:
        nilai[f"sasaran:{s.kode}"] = s.uraian
        nilai[f"capaian_sasaran:{s.kode}"] = format_persen(s.rata_rata)
        nilai[f"kategori_sasaran:{s.kode}"] = s.kategori.label if s.kategori else TANDA_KOSONG
        for b in s.indikator:
            k = b.indikator.kode
            nilai[f"indikator:{k}"] = b.indikator.uraian
            nilai[f"satuan:{k}"] = b.indikator.satuan
            nilai[f"target:{k}"] = format_nilai(b.target)
            nilai[f"sumber_target:{k}"] = _label_target(b.sumber_target) or TANDA_KOSONG
            nilai[f"realisasi:{k}"] = format_nilai(b.realisasi)
            nilai[f"capaian:{k}"] = format_persen(b.capaian.nilai)
            nilai[f"kategori:{k}"] = b.kategori.label if b.kategori else TANDA_KOSONG
    return nilai


def nilai_placeholder(data: DataLKjIP | DataTriwulan) -> dict[str, str]:
    """Every placeholder a narrative may use, formatted as printed.

    Keys: nama_pd, singkatan_pd, pemda, tahun, tahun_lalu, triwulan, periode_renstra,
    jumlah_sasaran, jumlah_indikator, jumlah_iku, capaian_pd, kategori_pd, pagu_total,
    realisasi_anggaran_total, serapan_total, sisa_anggaran; per sasaran S: sasaran:S,
    capaian_sasaran:S, kategori_sasaran:S; per indicator K: indikator:K, satuan:K, target:K,
    sumber_target:K, realisasi:K, capaian:K, kategori:K, realisasi_lalu:K, capaian_lalu:K,
    target_akhir:K, capaian_akhir:K; per program P: program:P, pagu:P, realisasi_anggaran:P,
    serapan:P, sisa_anggaran:P; jumlah_kategori:<I..V>.
    """
    idt = data.identitas
    pd = idt.pd
    nilai: dict[str, str] = {
        "nama_pd": pd.nama,
        "singkatan_pd": pd.singkatan or pd.nama,
        "pemda": str(pd.pemda),
        "tahun": str(idt.tahun),
        "tahun_lalu": str(idt.tahun - 1),
        "kota": idt.tempat,
    }
    if idt.triwulan:
        nilai["triwulan"] = format_triwulan(idt.triwulan)
    nilai_placeholder_pengukuran(data.pengukuran, nilai)
    anggaran = data.anggaran
    nilai["pagu_total"] = format_rupiah(anggaran.pagu)
    nilai["realisasi_anggaran_total"] = format_rupiah(anggaran.realisasi)
    nilai["serapan_total"] = format_persen(anggaran.persen)
    nilai["sisa_anggaran"] = format_rupiah(anggaran.sisa)
    nilai["jumlah_program"] = str(len(anggaran.program))
    for p in anggaran.program:
        nilai[f"program:{p.kode}"] = p.nama
        nilai[f"pagu:{p.kode}"] = format_rupiah(p.pagu)
        nilai[f"realisasi_anggaran:{p.kode}"] = format_rupiah(p.realisasi)
        nilai[f"serapan:{p.kode}"] = format_persen(p.persen)
        nilai[f"sisa_anggaran:{p.kode}"] = format_rupiah(p.sisa)
    if isinstance(data, DataLKjIP):
        r = data.matriks.renstra
        nilai["periode_renstra"] = f"{r.tahun_awal}–{r.tahun_akhir}" if r else TANDA_KOSONG
        for urutan, _label, n in data.kategori_jumlah:
            nilai[f"jumlah_kategori:{urutan}"] = str(n)
        for b in data.perbandingan.baris:
            k = b.indikator.kode
            lalu = [n for n in b.tahun if n.tahun == idt.tahun - 1]
            nilai[f"realisasi_lalu:{k}"] = format_nilai(lalu[0].realisasi) if lalu else TANDA_KOSONG
            nilai[f"capaian_lalu:{k}"] = (
                format_persen(lalu[0].capaian.nilai) if lalu else TANDA_KOSONG
            )
            nilai[f"target_akhir:{k}"] = format_nilai(b.target_akhir)
            nilai[f"capaian_akhir:{k}"] = format_persen(b.capaian_akhir.nilai)
    return nilai
