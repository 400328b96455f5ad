"""Report data of the plan side: identity and signatories, the Renstra matrix and IKU sheet,
the PD's Perjanjian Kinerja, the Rencana Aksi (contracts: `laporan.selectors`)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
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


def matriks_renstra(*, pd: PerangkatDaerah, tahun: int) -> MatriksRenstra:
    """Tujuan → indicators, sasaran → indicators with the Renstra targets per year.

    Queries (8): Renstra; tujuan (with their RPJMD misi); sasaran; program→sasaran links;
    indicators (with penanggung jawab); targets; signed PK rows; the RPJMD — 1 when no
    Renstra covers `tahun`.
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


def rencana_aksi(*, pd: PerangkatDaerah, tahun: int) -> DataRencanaAksi:
    """Rencana Aksi (DOMAIN.md §7.4): per sasaran its indicators, then the programs that serve
    it with their kegiatan and sub-kegiatan, each with the year's target, the quarters worked
    on (quarterly target or ✓) and the action text.

    Queries (11): Renstra; sasaran; program→sasaran links; programs; kegiatan; sub-kegiatan;
    indicators; targets; signed PK rows; quarterly targets; rencana aksi rows.
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
