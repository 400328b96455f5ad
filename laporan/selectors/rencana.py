"""Report data of the plan side: identity and signatories, the Renstra matrix and IKU sheet,
the PD's Perjanjian Kinerja, the Rencana Aksi (contracts: `laporan.selectors`)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from common.formatting import (
    TANDA_KOSONG,
    romawi,
)
from kinerja.models import PerjanjianKinerja, PKAnggaran, PKIndikator, VersiPK
from kinerja.models import RencanaAksi as RencanaAksiModel
from kinerja.pk import pk_berlaku
from kinerja.selectors import (
    DataIndikator,
    MuatanKinerja,
    muat_data_indikator,
    pilih_target,
    renstra_aktif,
)
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

SERATUS = Decimal(100)
TAHUN_PEMBANDING = 2
"""How many previous years the Bab III comparison tables show (at most)."""


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


@dataclass(frozen=True)
class MuatanRencana:
    """The plan of a PD for one year, loaded once and shared by `matriks_renstra` and
    `rencana_aksi` (the LKjIP prints both: one load per request, issue 14 point 9).

    What is loaded depends on the flags: `matriks` (tujuan with their misi, the RPJMD, the
    Renstra targets of every year of the period) and `rencana_aksi` (programs, kegiatan and
    sub-kegiatan with their indicators, quarterly targets and rencana aksi rows).
    """

    pd_id: int
    renstra: PeriodeRenstra | None
    tahun: int
    matriks: bool
    rencana_aksi: bool
    tujuan: tuple[Tujuan, ...] = ()
    rpjmd: Rpjmd | None = None
    sasaran: tuple[Sasaran, ...] = ()
    tautan: tuple[tuple[int, Program], ...] = ()
    """(sasaran id, program) of every program→sasaran link, by program urutan."""
    program: tuple[Program, ...] = ()
    kegiatan: tuple[Kegiatan, ...] = ()
    sub_kegiatan: tuple[SubKegiatan, ...] = ()
    data: tuple[DataIndikator, ...] = ()
    """Indicators (IKU first, then urutan) with their targets, signed PK rows and, with
    `rencana_aksi`, quarterly targets."""
    rencana_aksi_baris: dict[int, RencanaAksiModel] = field(default_factory=dict)

    @property
    def periode(self) -> tuple[int, ...]:
        r = self.renstra
        return tuple(range(r.tahun_awal, r.tahun_akhir + 1)) if r else ()


def muat_rencana(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    matriks: bool = True,
    rencana_aksi: bool = True,
    kinerja: MuatanKinerja | None = None,
) -> MuatanRencana:
    """Load the plan once (fixed queries whatever its size): Renstra; sasaran;
    program→sasaran links (with the program); indicators; targets; signed PK rows; with
    `matriks`: tujuan (with misi) and the RPJMD; with `rencana_aksi`: programs, kegiatan,
    sub-kegiatan, quarterly targets and rencana aksi rows. Both flags: 13 queries.

    With `kinerja` (`kinerja.selectors.muat_kinerja` of the same PD and year, as the LKjIP
    loads it) the Renstra, sasaran, program tree and indicators come from it: 3 queries
    (tujuan, RPJMD, rencana aksi rows) with both flags."""
    if kinerja is not None:
        return _rencana_dari_kinerja(kinerja, pd, tahun, matriks=matriks, rencana_aksi=rencana_aksi)
    renstra = renstra_aktif(pd=pd, tahun=tahun)
    if renstra is None:
        return MuatanRencana(pd.pk, None, tahun, matriks, rencana_aksi)
    tujuan: list[Tujuan] = []
    rpjmd = None
    if matriks:
        tujuan, rpjmd = _tujuan_rpjmd(renstra)
    sasaran = list(Sasaran.objects.filter(renstra=renstra).order_by("urutan", "id"))
    tautan = [
        (t.sasaran_id, t.program)
        for t in Program.sasaran.through.objects.filter(program__renstra=renstra)
        .select_related("program")
        .order_by("program__urutan", "program_id")
    ]
    program: list[Program] = []
    kegiatan: list[Kegiatan] = []
    sub: list[SubKegiatan] = []
    tingkat = Q()
    if matriks:
        tingkat |= Q(tujuan__renstra=renstra)
    tingkat |= Q(sasaran__renstra=renstra)
    if rencana_aksi:
        program = list(Program.objects.filter(renstra=renstra).order_by("urutan", "id"))
        kegiatan = list(Kegiatan.objects.filter(program__renstra=renstra).order_by("urutan", "id"))
        sub = list(
            SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).order_by("urutan", "id")
        )
        tingkat |= (
            Q(program__renstra=renstra)
            | Q(kegiatan__program__renstra=renstra)
            | Q(sub_kegiatan__kegiatan__program__renstra=renstra)
        )
    qs = Indikator.objects.filter(perangkat_daerah=pd).filter(tingkat)
    if matriks:
        qs = qs.select_related("penanggung_jawab")
    qs = qs.order_by("-iku", "urutan", "id")
    periode = range(renstra.tahun_awal, renstra.tahun_akhir + 1)
    data = muat_data_indikator(
        qs,
        tahun_target=[*periode, tahun] if matriks else [tahun],
        tahun_realisasi=[],
        target_triwulan=rencana_aksi,
    )
    ra: dict[int, RencanaAksiModel] = {}
    if rencana_aksi:
        ra = {
            r.indikator_id: r
            for r in RencanaAksiModel.objects.filter(indikator__in=qs.values("pk"), tahun=tahun)
        }
    return MuatanRencana(
        pd.pk,
        renstra,
        tahun,
        matriks,
        rencana_aksi,
        tujuan=tuple(tujuan),
        rpjmd=rpjmd,
        sasaran=tuple(sasaran),
        tautan=tuple(tautan),
        program=tuple(program),
        kegiatan=tuple(kegiatan),
        sub_kegiatan=tuple(sub),
        data=tuple(data),
        rencana_aksi_baris=ra,
    )


def _tujuan_rpjmd(renstra: PeriodeRenstra) -> tuple[list[Tujuan], Rpjmd | None]:
    tujuan = list(
        Tujuan.objects.filter(renstra=renstra).select_related("misi").order_by("urutan", "id")
    )
    # Always one query (none found without an RPJMD): the count does not depend on data.
    rpjmd = Rpjmd.objects.filter(pk=renstra.rpjmd_id, pk__isnull=False).first()
    return tujuan, rpjmd


def _rencana_dari_kinerja(
    kinerja: MuatanKinerja, pd: PerangkatDaerah, tahun: int, *, matriks: bool, rencana_aksi: bool
) -> MuatanRencana:
    """`muat_rencana` from a performance load: same content, read from what is loaded."""
    renstra = kinerja.renstra
    periode = tuple(range(renstra.tahun_awal, renstra.tahun_akhir + 1)) if renstra else ()
    kinerja.periksa(pd, tahun, tahun_target=(*periode, tahun))
    if renstra is None:
        return MuatanRencana(pd.pk, None, tahun, matriks, rencana_aksi)
    tujuan, rpjmd = _tujuan_rpjmd(renstra) if matriks else ([], None)
    pohon = kinerja.pohon.program
    tingkat = {"sasaran"} | ({"tujuan"} if matriks else set())
    if rencana_aksi:
        tingkat |= {"program", "kegiatan", "sub_kegiatan"}
    data = sorted(
        kinerja.indikator(*tingkat),
        key=lambda d: (not d.indikator.iku, d.indikator.urutan, d.indikator.pk),
    )
    ra: dict[int, RencanaAksiModel] = {}
    if rencana_aksi:
        q = (
            Q(sasaran__renstra=renstra)
            | Q(program__renstra=renstra)
            | Q(kegiatan__program__renstra=renstra)
            | Q(sub_kegiatan__kegiatan__program__renstra=renstra)
        )
        if matriks:
            q |= Q(tujuan__renstra=renstra)
        indikator = Indikator.objects.filter(perangkat_daerah=pd).filter(q).values("pk")
        ra = {
            r.indikator_id: r
            for r in RencanaAksiModel.objects.filter(indikator__in=indikator, tahun=tahun)
        }
    return MuatanRencana(
        pd.pk,
        renstra,
        tahun,
        matriks,
        rencana_aksi,
        tujuan=tuple(tujuan),
        rpjmd=rpjmd,
        sasaran=kinerja.sasaran,
        tautan=tuple((s.pk, p) for p in pohon for s in p.sasaran.all()),
        program=tuple(pohon) if rencana_aksi else (),
        kegiatan=tuple(k for p in pohon for k in p.kegiatan_dimuat) if rencana_aksi else (),
        sub_kegiatan=tuple(
            s for p in pohon for k in p.kegiatan_dimuat for s in k.sub_kegiatan_dimuat
        )
        if rencana_aksi
        else (),
        data=tuple(data),
        rencana_aksi_baris=ra,
    )


def _muatan_untuk(
    muatan: MuatanRencana | None, pd: PerangkatDaerah, tahun: int, *, matriks: bool
) -> MuatanRencana:
    if muatan is None:
        return muat_rencana(pd=pd, tahun=tahun, matriks=matriks, rencana_aksi=not matriks)
    lengkap = muatan.matriks if matriks else muatan.rencana_aksi
    if muatan.pd_id != pd.pk or muatan.tahun != tahun or not lengkap:
        raise ValueError("Muatan rencana tidak memuat bagian yang diminta.")
    return muatan


def matriks_renstra(
    *, pd: PerangkatDaerah, tahun: int, muatan: MuatanRencana | None = None
) -> MatriksRenstra:
    """Tujuan → indicators, sasaran → indicators with the Renstra targets per year.

    Queries (8): Renstra; tujuan (with their RPJMD misi); the RPJMD; sasaran; program→sasaran
    links; indicators (with penanggung jawab); targets; signed PK rows — 1 when no Renstra
    covers `tahun`; none with `muatan` (`muat_rencana`, loaded with `matriks`).
    """
    m = _muatan_untuk(muatan, pd, tahun, matriks=True)
    renstra = m.renstra
    if renstra is None:
        return MatriksRenstra(None, (), ())
    periode = m.periode
    tujuan = m.tujuan
    rpjmd = m.rpjmd
    misi = sorted({(t.misi.nomor, t.misi.uraian) for t in tujuan if t.misi_id and t.misi.uraian})
    sasaran = m.sasaran
    program_per_sasaran: dict[int, list[Program]] = defaultdict(list)
    for sasaran_id, program in m.tautan:
        program_per_sasaran[sasaran_id].append(program)
    data = [
        d for d in m.data if d.indikator.tujuan_id is not None or d.indikator.sasaran_id is not None
    ]

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
            uraian=ind.uraian or TANDA_KOSONG,  # a name the report did not print
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


def rencana_aksi(
    *, pd: PerangkatDaerah, tahun: int, muatan: MuatanRencana | None = None
) -> DataRencanaAksi:
    """Rencana Aksi (DOMAIN.md §7.4): per sasaran its indicators, then the programs that serve
    it with their kegiatan and sub-kegiatan, each with the year's target, the quarters worked
    on (quarterly target or ✓) and the action text.

    Queries (11): Renstra; sasaran; program→sasaran links; programs; kegiatan; sub-kegiatan;
    indicators; targets; signed PK rows; quarterly targets; rencana aksi rows — none with
    `muatan` (`muat_rencana`, loaded with `rencana_aksi`).
    """
    m = _muatan_untuk(muatan, pd, tahun, matriks=False)
    if m.renstra is None:
        return DataRencanaAksi(tahun, (), False)
    sasaran = m.sasaran
    program = m.program
    kegiatan = m.kegiatan
    sub = m.sub_kegiatan
    data = [d for d in m.data if d.indikator.tujuan_id is None]
    ra = m.rencana_aksi_baris
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
    for sasaran_id, p in m.tautan:
        program_per_sasaran[sasaran_id].append(p)
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
                    indikator=ind.uraian or TANDA_KOSONG,
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
