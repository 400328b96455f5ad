"""Drafting a Perjanjian Kinerja from the plan, and cascading it by echelon.

A PK is drafted from the Renstra/Renja of its year (`pk_susun_draf`): rows take the plan's
targets, budget lines the pagu in force (`pagu_berlaku`). Each row is linked to the higher
PK indicator it supports (`indikator_atasan`): by default from the plan
(`pk_tautkan_otomatis`), or by hand (`pk_tautkan`).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from anggaran.selectors import hitung_pohon, muat_pohon_anggaran
from common import audit
from kinerja.models import (
    PerjanjianKinerja,
    PKAnggaran,
    PKIndikator,
    StatusPK,
    TingkatAnggaran,
    VersiPK,
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
    SubKegiatan,
    Target,
)

from .aturan import _pastikan_draf, _segarkan
from .pesan import (
    PESAN_ATASAN_DIRI_SENDIRI,
    PESAN_ATASAN_LAIN_TAHUN,
    PESAN_ATASAN_SIKLUS,
    PESAN_ESELON_TIDAK_DIDUKUNG,
    PESAN_PEJABAT_LAIN_PD,
    PESAN_PEJABAT_TANPA_UNIT,
    PESAN_PEJABAT_TIDAK_AKTIF,
    PESAN_PK_SUDAH_ADA,
    PESAN_RENCANA_KOSONG,
    PESAN_RENSTRA_TIDAK_ADA,
)
from .selectors import ESELON_PK, URUTAN_ESELON, pk_terkini
from .teks import target_setara

# --- Reading the plan --------------------------------------------------------------------------


def renstra_tahun(pd: PerangkatDaerah, tahun: int) -> PeriodeRenstra | None:
    """The Renstra period of `pd` covering `tahun` (the latest if periods overlap)."""
    return (
        PeriodeRenstra.objects.filter(
            perangkat_daerah=pd, tahun_awal__lte=tahun, tahun_akhir__gte=tahun
        )
        .order_by("-tahun_awal")
        .first()
    )


def target_rencana(indikator_ids: Iterable[int], tahun: int) -> dict[int, Target]:
    """For each indicator: its Renja target of `tahun` when it holds a value, else its Renstra
    target of that year (the target a PK is drafted from). One query."""
    hasil: dict[int, Target] = {}
    cadangan: dict[int, Target] = {}
    for t in Target.objects.filter(
        indikator_id__in=list(indikator_ids),
        tahun=tahun,
        jenis__in=[JenisTarget.RENJA, JenisTarget.RENSTRA],
    ):
        if t.kosong:
            continue
        (hasil if t.jenis == JenisTarget.RENJA else cadangan)[t.indikator_id] = t
    for ind_id, t in cadangan.items():
        hasil.setdefault(ind_id, t)
    return hasil


def selisih_rencana(baris: PKIndikator, rencana: Target | None) -> bool:
    """True when the row's target differs from its Renja/Renstra target (None: no plan target,
    nothing to differ from)."""
    if rencana is None:
        return False
    return not target_setara(baris.nilai_masukan(), rencana.nilai_masukan())


def _unit_kegiatan(program: Program, kegiatan: Kegiatan) -> int | None:
    return kegiatan.unit_kerja_id or program.unit_kerja_id


def _unit_sub(program: Program, kegiatan: Kegiatan, sub: SubKegiatan) -> int | None:
    return sub.unit_kerja_id or kegiatan.unit_kerja_id or program.unit_kerja_id


def _pohon_dan_pagu(
    renstra: PeriodeRenstra, tahun: int
) -> tuple[list[Program], dict[tuple[str, int], Decimal | None]]:
    """The plan tree (renstra.selectors.muat_pohon_rencana) and the pagu in force of every
    node, rolled up by anggaran.selectors.hitung_pohon (4 queries)."""
    pohon = muat_pohon_anggaran(renstra=renstra, tahun_list=[tahun], dengan_realisasi=False)
    rekap = hitung_pohon(pohon, pd_id=renstra.perangkat_daerah_id, tahun=tahun)
    return pohon.program, {(b.tingkat, b.id): b.pagu for b in rekap.baris()}


def pagu_berlaku(renstra: PeriodeRenstra, tahun: int) -> dict[tuple[str, int], Decimal | None]:
    """The budget in force of `tahun` for every program, kegiatan and sub-kegiatan of the plan,
    keyed ("program"|"kegiatan"|"sub_kegiatan", id). Four queries.

    Pagu berlaku is perubahan when set, else murni. Amounts roll up from the lowest level the
    plan has: a kegiatan is the sum of its sub-kegiatan when any of them has a pagu, else its
    own pagu; a program likewise from its kegiatan (the budget roll-up of anggaran.selectors,
    the same numbers the reports print). None means no pagu at all (not zero).
    """
    return _pohon_dan_pagu(renstra, tahun)[1]


# --- Drafting ----------------------------------------------------------------------------------


def atasan_langsung(pejabat: Pejabat) -> Pejabat | None:
    """The pejabat who signs as pihak kedua for `pejabat` (None for eselon II: the kepala
    daerah, who is not a pejabat of the PD).

    eselon III → the active eselon II of the PD; eselon IV / JF → the active eselon III of their
    unit (walking up to the parent unit when the unit itself has none).
    """
    aktif = Pejabat.objects.filter(perangkat_daerah_id=pejabat.perangkat_daerah_id, aktif=True)
    if pejabat.eselon == Eselon.II:
        return None
    if pejabat.eselon == Eselon.III:
        return aktif.filter(eselon=Eselon.II).exclude(pk=pejabat.pk).order_by("id").first()
    unit = pejabat.unit_kerja
    terlihat: set[int] = set()
    while unit is not None and unit.pk not in terlihat:
        terlihat.add(unit.pk)
        atasan = (
            aktif.filter(eselon=Eselon.III, unit_kerja=unit).exclude(pk=pejabat.pk).order_by("id")
        ).first()
        if atasan is not None:
            return atasan
        unit = unit.induk
    return None


@dataclass
class _BarisDraf:
    indikator: Indikator
    sasaran_uraian: str
    target: Target | None


def _baris_eselon_ii(renstra: PeriodeRenstra, tahun: int) -> list[_BarisDraf]:
    semua = list(
        Indikator.objects.filter(sasaran__renstra=renstra)
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
    )
    iku = [i for i in semua if i.iku] or semua
    target = target_rencana([i.pk for i in iku], tahun)
    return [_BarisDraf(i, i.sasaran.uraian, target.get(i.pk)) for i in iku]


def _baris_bertarget(indikator: list[Indikator], sasaran: dict[int, str], tahun: int):
    target = target_rencana([i.pk for i in indikator], tahun)
    return [_BarisDraf(i, sasaran[i.pk], target[i.pk]) for i in indikator if i.pk in target]


def _isi_draf(
    pejabat: Pejabat, renstra: PeriodeRenstra, tahun: int
) -> tuple[list[_BarisDraf], list[tuple[str, Any, Decimal | None]]]:
    """The rows (indicators with their plan target) and budget lines of a PK drafted for
    `pejabat`, by echelon:
    - II: every IKU of the PD's sasaran (all sasaran indicators when none is marked IKU),
      and every program with its pagu;
    - III: the indicators of the programs and kegiatan of their unit, and those kegiatan;
    - IV / JF: the indicators of the sub-kegiatan of their unit, and those sub-kegiatan.
    For III and IV/JF only indicators with a Renja/Renstra target for the year are taken;
    budget lines without any pagu for the year are left out.
    """
    program_pohon, pagu = _pohon_dan_pagu(renstra, tahun)
    if pejabat.eselon == Eselon.II:
        baris = _baris_eselon_ii(renstra, tahun)
        anggaran = [
            (TingkatAnggaran.PROGRAM, p, pagu.get(("program", p.pk))) for p in program_pohon
        ]
    else:
        unit = pejabat.unit_kerja_id
        program, kegiatan, sub = [], [], []
        for p in program_pohon:
            if p.unit_kerja_id == unit and pejabat.eselon == Eselon.III:
                program.append(p)
            for k in p.kegiatan_dimuat:
                if pejabat.eselon == Eselon.III and _unit_kegiatan(p, k) == unit:
                    kegiatan.append(k)
                for s in k.sub_kegiatan_dimuat:
                    if pejabat.eselon != Eselon.III and _unit_sub(p, k, s) == unit:
                        sub.append(s)
        urutan_node = {("program", p.pk): i for i, p in enumerate(program)}
        urutan_node.update({("kegiatan", k.pk): i for i, k in enumerate(kegiatan)})
        urutan_node.update({("sub_kegiatan", s.pk): i for i, s in enumerate(sub)})
        indikator = list(
            Indikator.objects.filter(
                Q(program__in=program) | Q(kegiatan__in=kegiatan) | Q(sub_kegiatan__in=sub)
            ).select_related("program", "kegiatan", "sub_kegiatan")
        )

        def kunci(i: Indikator):
            node = i.program or i.kegiatan or i.sub_kegiatan
            tingkat = i.tingkat
            # Program rows first, then kegiatan rows in plan order (III); plan order (IV/JF).
            return (
                0 if tingkat == "program" else 1,
                urutan_node[(tingkat, node.pk)],
                i.urutan,
                i.pk,
            )

        indikator.sort(key=kunci)
        nama = {i.pk: (i.program or i.kegiatan or i.sub_kegiatan).nama for i in indikator}
        baris = _baris_bertarget(indikator, nama, tahun)
        if pejabat.eselon == Eselon.III:
            anggaran = [
                (TingkatAnggaran.KEGIATAN, k, pagu.get(("kegiatan", k.pk))) for k in kegiatan
            ]
        else:
            anggaran = [
                (TingkatAnggaran.SUB_KEGIATAN, s, pagu.get(("sub_kegiatan", s.pk))) for s in sub
            ]
    anggaran = [a for a in anggaran if a[2] is not None]
    return baris, anggaran


def _pastikan_pejabat(pd: PerangkatDaerah, pejabat: Pejabat) -> None:
    if pejabat.perangkat_daerah_id != pd.pk:
        raise ValidationError(PESAN_PEJABAT_LAIN_PD)
    if not pejabat.aktif:
        raise ValidationError(PESAN_PEJABAT_TIDAK_AKTIF)
    if pejabat.eselon not in ESELON_PK:
        raise ValidationError(PESAN_ESELON_TIDAK_DIDUKUNG)
    if pejabat.eselon != Eselon.II and pejabat.unit_kerja_id is None:
        raise ValidationError(PESAN_PEJABAT_TANPA_UNIT)


@transaction.atomic
def pk_susun_draf(*, pd: PerangkatDaerah, tahun: int, pejabat: Pejabat, user) -> PerjanjianKinerja:
    """Draft the PK of `pejabat` for `tahun` from the plan (never retyped).

    Rows take the Renja target of the year, else the Renstra target (see `_isi_draf` for
    what each echelon gets). Pihak kedua: the kepala daerah of the Pemda for eselon II, else
    `atasan_langsung`. Each row is linked to the higher PK indicator it supports
    (`indikator_atasan`, default from the plan), and the unlinked rows of lower draft PKs of
    the same year are linked to this one where the plan says so.

    Raises ValidationError when the pejabat is of another PD, inactive, without a supported
    echelon or unit, already has a PK for the year, or the plan has nothing for them.
    """
    _pastikan_pejabat(pd, pejabat)
    if PerjanjianKinerja.objects.filter(
        perangkat_daerah=pd, tahun=tahun, pihak_pertama=pejabat
    ).exists():
        raise ValidationError(PESAN_PK_SUDAH_ADA.format(tahun=tahun))
    renstra = renstra_tahun(pd, tahun)
    if renstra is None:
        raise ValidationError(PESAN_RENSTRA_TIDAK_ADA.format(tahun=tahun))
    baris, anggaran = _isi_draf(pejabat, renstra, tahun)
    if not baris and not anggaran:
        raise ValidationError(PESAN_RENCANA_KOSONG.format(tahun=tahun))

    pk = PerjanjianKinerja(
        perangkat_daerah=pd,
        tahun=tahun,
        versi=VersiPK.MURNI,
        nomor_versi=1,
        pihak_pertama=pejabat,
        pihak_pertama_jabatan=pejabat.jabatan,
        tempat=pd.kota_ttd,
        tanggal=datetime.date(tahun, 1, 1),
        tanggal_hanya_bulan=True,
        status=StatusPK.DRAFT,
    )
    _isi_pihak_kedua(pk, pejabat)
    pk.full_clean()
    pk.save()
    PKIndikator.objects.bulk_create(
        PKIndikator(
            perjanjian=pk,
            urutan=n,
            sasaran_uraian=b.sasaran_uraian,
            indikator=b.indikator,
            uraian=b.indikator.uraian,
            satuan=b.indikator.satuan,
            nilai=b.target.nilai if b.target else None,
            predikat=b.target.predikat if b.target else "",
            batas_bawah=b.target.batas_bawah if b.target else None,
            batas_atas=b.target.batas_atas if b.target else None,
        )
        for n, b in enumerate(baris, start=1)
    )
    PKAnggaran.objects.bulk_create(
        PKAnggaran(
            perjanjian=pk,
            urutan=n,
            tingkat=tingkat,
            program=node if tingkat == TingkatAnggaran.PROGRAM else None,
            kegiatan=node if tingkat == TingkatAnggaran.KEGIATAN else None,
            sub_kegiatan=node if tingkat == TingkatAnggaran.SUB_KEGIATAN else None,
            kode=node.kode,
            nama=node.nama,
            jumlah=jumlah,
        )
        for n, (tingkat, node, jumlah) in enumerate(anggaran, start=1)
    )
    ditautkan = _tautkan_otomatis(pd=pd, tahun=tahun, user=user)
    audit.catat(
        pengguna=user,
        aksi="pk.susun",
        objek=pk,
        perangkat_daerah=pd,
        perubahan={"indikator": [None, len(baris)], "anggaran": [None, len(anggaran)]},
        keterangan=f"Draf PK {tahun} disusun dari rencana; {ditautkan} tautan indikator atasan.",
    )
    return pk


def _isi_pihak_kedua(pk: PerjanjianKinerja, pejabat: Pejabat) -> None:
    if pejabat.eselon == Eselon.II:
        pemda = pk.perangkat_daerah.pemda
        pk.pihak_kedua = None
        pk.pihak_kedua_nama = pemda.kepala_daerah_nama
        pk.pihak_kedua_jabatan = pemda.kepala_daerah_jabatan
        pk.pihak_kedua_nip = ""
        return
    atasan = atasan_langsung(pejabat)
    pk.pihak_kedua = atasan
    pk.pihak_kedua_nama = atasan.nama if atasan else ""
    pk.pihak_kedua_jabatan = atasan.jabatan if atasan else ""
    pk.pihak_kedua_nip = (atasan.nip or "") if atasan else ""


# --- Cascading ---------------------------------------------------------------------------------


def _rantai_atasan(baris: PKIndikator) -> set[int]:
    terlihat: set[int] = set()
    kini = baris
    while kini is not None and kini.pk not in terlihat:
        terlihat.add(kini.pk)
        kini = kini.indikator_atasan
    return terlihat


@transaction.atomic
def pk_tautkan(*, baris: PKIndikator, atasan: PKIndikator | None, user) -> PKIndikator:
    """Link a row of a draft PK to the higher PK indicator it supports (None unlinks).

    The higher row must belong to a PK of the same PD and year; cycles are refused."""
    pk = _segarkan(baris.perjanjian)
    _pastikan_draf(pk)
    baris = PKIndikator.objects.get(pk=baris.pk)
    if atasan is not None:
        if atasan.pk == baris.pk:
            raise ValidationError(PESAN_ATASAN_DIRI_SENDIRI)
        pk_atasan = atasan.perjanjian
        if pk_atasan.perangkat_daerah_id != pk.perangkat_daerah_id or pk_atasan.tahun != pk.tahun:
            raise ValidationError(PESAN_ATASAN_LAIN_TAHUN)
        if baris.pk in _rantai_atasan(atasan):
            raise ValidationError(PESAN_ATASAN_SIKLUS)
    lama = baris.indikator_atasan_id
    baris.indikator_atasan = atasan
    baris.save(update_fields=["indikator_atasan"])
    audit.catat(
        pengguna=user,
        aksi="pk.indikator.tautkan",
        objek=baris,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan=audit.selisih(
            {"indikator_atasan_id": lama}, {"indikator_atasan_id": baris.indikator_atasan_id}
        ),
    )
    return baris


def _induk_rencana(
    indikator: Indikator, sasaran_program: Mapping[int, list[int]]
) -> list[tuple[str, Any]]:
    """The plan nodes above an indicator, nearest first, as ("kegiatan", id) … ("sasaran", id):
    sub-kegiatan → kegiatan → program → the sasaran of the program."""
    rantai: list[tuple[str, Any]] = []
    program_id = None
    if indikator.sub_kegiatan_id:
        kegiatan = indikator.sub_kegiatan.kegiatan
        rantai.append(("kegiatan", kegiatan.pk))
        program_id = kegiatan.program_id
    elif indikator.kegiatan_id:
        program_id = indikator.kegiatan.program_id
    elif indikator.program_id:
        program_id = indikator.program_id
    if program_id and not indikator.program_id:
        rantai.append(("program", program_id))
    if program_id:
        rantai.extend(("sasaran", s) for s in sasaran_program.get(program_id, []))
    return rantai


def _node_indikator(indikator: Indikator) -> tuple[str, int] | None:
    tingkat = indikator.tingkat
    return (tingkat, getattr(indikator, f"{tingkat}_id")) if tingkat else None


def _tautkan_otomatis(*, pd: PerangkatDaerah, tahun: int, user=None) -> int:
    """Fill `indikator_atasan` of unlinked rows of DRAFT PKs of the year from the plan.

    Candidates are the rows of the current PKs of the year (`pk_terkini`); among the rows of
    the parent node the one in the same PK wins, then the one in the pihak kedua's PK, then
    the highest echelon. Returns the number of rows linked. Signed PKs are never touched."""
    daftar = pk_terkini(pd=pd, tahun=tahun)
    if not daftar:
        return 0
    baris_semua = list(
        PKIndikator.objects.filter(perjanjian__in=daftar)
        .select_related("indikator__sub_kegiatan__kegiatan", "indikator__kegiatan")
        .order_by("perjanjian_id", "urutan", "id")
    )
    pk_map = {p.pk: p for p in daftar}
    sasaran_program: dict[int, list[int]] = defaultdict(list)
    for b in Program.sasaran.through.objects.filter(program__renstra__perangkat_daerah=pd):
        sasaran_program[b.program_id].append(b.sasaran_id)
    per_node: dict[tuple[str, int], list[PKIndikator]] = defaultdict(list)
    for b in baris_semua:
        if b.indikator_id:
            node = _node_indikator(b.indikator)
            if node:
                per_node[node].append(b)
    tercatat: list[dict] = []
    for b in baris_semua:
        pk = pk_map[b.perjanjian_id]
        if b.indikator_atasan_id or b.indikator_id is None or pk.status != StatusPK.DRAFT:
            continue
        for node in _induk_rencana(b.indikator, sasaran_program):
            kandidat = [k for k in per_node.get(node, []) if k.pk != b.pk]
            if not kandidat:
                continue

            def peringkat(k: PKIndikator, pk=pk) -> tuple:
                pk_k = pk_map[k.perjanjian_id]
                eselon = pk_k.pihak_pertama.eselon if pk_k.pihak_pertama else ""
                return (
                    0 if k.perjanjian_id == pk.pk else 1,
                    0 if pk.pihak_kedua_id and pk_k.pihak_pertama_id == pk.pihak_kedua_id else 1,
                    URUTAN_ESELON.get(eselon, 9),
                    k.perjanjian_id,
                    k.urutan,
                )

            b.indikator_atasan = min(kandidat, key=peringkat)
            b.save(update_fields=["indikator_atasan"])
            tercatat.append(
                {
                    "pengguna": user,
                    "aksi": "pk.indikator.tautkan",
                    "objek": b,
                    "perangkat_daerah": pd,
                    "perubahan": {"indikator_atasan_id": [None, b.indikator_atasan_id]},
                    "keterangan": "Tautan bawaan dari rencana.",
                }
            )
            break
    audit.catat_banyak(tercatat)
    return len(tercatat)


@transaction.atomic
def pk_tautkan_otomatis(*, pd: PerangkatDaerah, tahun: int, user) -> int:
    """Link the unlinked rows of the year's draft PKs from the plan (see `_tautkan_otomatis`)."""
    jumlah = _tautkan_otomatis(pd=pd, tahun=tahun, user=user)
    audit.catat(
        pengguna=user,
        aksi="pk.tautkan_otomatis",
        perangkat_daerah=pd,
        keterangan=f"{jumlah} indikator PK {tahun} ditautkan ke indikator atasan.",
    )
    return jumlah
