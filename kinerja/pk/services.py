"""Perjanjian Kinerja services for a draft: edit the header and rows, add and remove rows,
delete a draft, and open a PK Perubahan from a signed PK.

Services are keyword-only, run inside `transaction.atomic` and write the audit log. A PK is
editable only as a draft (`aturan._pastikan_draf`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from common import audit
from kinerja.models import (
    AlasanPerubahanPK,
    PerjanjianKinerja,
    PKAnggaran,
    PKIndikator,
    StatusPK,
    VersiPK,
)
from renstra.models import Indikator, Target

from .aturan import _pastikan_draf, _segarkan
from .draf import _tautkan_otomatis, selisih_rencana, target_rencana
from .pesan import (
    PESAN_ALASAN_PERUBAHAN,
    PESAN_ALASAN_SELISIH,
    PESAN_HAPUS_BUKAN_DRAF,
    PESAN_INDIKATOR_LAIN_PD,
    PESAN_INDIKATOR_SUDAH_ADA,
    PESAN_ISIAN_TIDAK_DIKENAL,
    PESAN_PEJABAT_LAIN_PD,
    PESAN_PERUBAHAN_DARI_TTD,
    PESAN_PERUBAHAN_SUDAH_ADA,
    PESAN_URAIAN_PERUBAHAN,
)
from .teks import teks_nilai

# Fields of a PK row (PKIndikator) the drafter may change, and of the PK header.
ISIAN_BARIS = (
    "sasaran_uraian",
    "uraian",
    "satuan",
    "nilai",
    "predikat",
    "batas_bawah",
    "batas_atas",
    "alasan_selisih",
    "urutan",
)
ISIAN_KEPALA = (
    "tempat",
    "tanggal",
    "tanggal_hanya_bulan",
    "pihak_pertama",
    "pihak_kedua",
    "pihak_kedua_nama",
    "pihak_kedua_jabatan",
    "pihak_kedua_nip",
)
_ISIAN_FK = ("pihak_pertama", "pihak_kedua", "tanggal")
_KOLOM_KEPALA = [
    "tempat",
    "tanggal",
    "tanggal_hanya_bulan",
    "pihak_pertama_id",
    "pihak_pertama_jabatan",
    "pihak_kedua_id",
    "pihak_kedua_nama",
    "pihak_kedua_jabatan",
    "pihak_kedua_nip",
]


# --- Editing a draft ---------------------------------------------------------------------------


def _periksa_alasan(baris: PKIndikator, rencana: Target | None) -> None:
    if selisih_rencana(baris, rencana) and not baris.alasan_selisih.strip():
        raise ValidationError(
            {
                "alasan_selisih": PESAN_ALASAN_SELISIH.format(
                    sumber=rencana.get_jenis_display(),
                    target=teks_nilai(rencana.nilai_masukan(), baris.satuan),
                )
            }
        )


@transaction.atomic
def pk_ubah_kepala(*, pk: PerjanjianKinerja, data: Mapping[str, Any], user) -> PerjanjianKinerja:
    """Change the header of a draft: place and date, the parties (`ISIAN_KEPALA`).

    Choosing another pejabat as pihak kedua (or pihak pertama) takes their name, position
    and NIP (position) from the pejabat record."""
    pk = _segarkan(pk)
    _pastikan_draf(pk)
    for nama in data:
        if nama not in ISIAN_KEPALA:
            raise ValidationError(PESAN_ISIAN_TIDAK_DIKENAL.format(nama=nama))
    lama = audit.snapshot(pk, _KOLOM_KEPALA)
    for nama, nilai in data.items():
        setattr(pk, nama, "" if nilai is None and nama not in _ISIAN_FK else nilai)
    for nama in ("pihak_pertama", "pihak_kedua"):
        pejabat = getattr(pk, nama)
        if pejabat is not None and pejabat.perangkat_daerah_id != pk.perangkat_daerah_id:
            raise ValidationError({nama: PESAN_PEJABAT_LAIN_PD})
    if pk.pihak_kedua_id and pk.pihak_kedua_id != lama["pihak_kedua_id"]:
        # Another pejabat as pihak kedua: their name, position and NIP replace the old ones.
        pk.pihak_kedua_nama = pk.pihak_kedua.nama
        pk.pihak_kedua_jabatan = pk.pihak_kedua.jabatan
        pk.pihak_kedua_nip = pk.pihak_kedua.nip or ""
    if pk.pihak_pertama_id and pk.pihak_pertama_id != lama["pihak_pertama_id"]:
        pk.pihak_pertama_jabatan = pk.pihak_pertama.jabatan
    pk.full_clean()
    pk.save()
    baru = audit.snapshot(pk, _KOLOM_KEPALA)
    audit.catat(
        pengguna=user,
        aksi="pk.ubah",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan=audit.selisih(lama, baru),
    )
    return pk


@transaction.atomic
def pk_ubah_indikator(*, baris: PKIndikator, data: Mapping[str, Any], user) -> PKIndikator:
    """Change a row of a draft PK (`ISIAN_BARIS`): target (number, predikat or range), texts,
    and `alasan_selisih`, required when the target differs from the Renja/Renstra target."""
    pk = _segarkan(baris.perjanjian)
    _pastikan_draf(pk)
    baris = PKIndikator.objects.select_related("indikator").get(pk=baris.pk)
    for nama in data:
        if nama not in ISIAN_BARIS:
            raise ValidationError(PESAN_ISIAN_TIDAK_DIKENAL.format(nama=nama))
    lama = audit.snapshot(baris, list(ISIAN_BARIS))
    for nama, nilai in data.items():
        setattr(
            baris, nama, "" if nilai is None and nama in ("predikat", "alasan_selisih") else nilai
        )
    baris.predikat = (baris.predikat or "").strip().upper()
    baris.full_clean()
    rencana = target_rencana([baris.indikator_id], pk.tahun).get(baris.indikator_id)
    _periksa_alasan(baris, rencana)
    baris.save()
    audit.catat(
        pengguna=user,
        aksi="pk.indikator.ubah",
        objek=baris,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan=audit.selisih(lama, audit.snapshot(baris, list(ISIAN_BARIS))),
    )
    return baris


@transaction.atomic
def pk_tambah_indikator(*, pk: PerjanjianKinerja, indikator: Indikator, user) -> PKIndikator:
    """Add an indicator of the plan to a draft (with its Renja/Renstra target of the year)."""
    pk = _segarkan(pk)
    _pastikan_draf(pk)
    if indikator.perangkat_daerah_id != pk.perangkat_daerah_id:
        raise ValidationError(PESAN_INDIKATOR_LAIN_PD)
    if pk.indikator.filter(indikator=indikator).exists():
        raise ValidationError(PESAN_INDIKATOR_SUDAH_ADA)
    target = target_rencana([indikator.pk], pk.tahun).get(indikator.pk)
    induk = indikator.sasaran or indikator.program or indikator.kegiatan or indikator.sub_kegiatan
    urutan = (pk.indikator.order_by("-urutan").values_list("urutan", flat=True).first() or 0) + 1
    baris = PKIndikator.objects.create(
        perjanjian=pk,
        urutan=urutan,
        sasaran_uraian=getattr(induk, "uraian", None) or getattr(induk, "nama", ""),
        indikator=indikator,
        uraian=indikator.uraian,
        satuan=indikator.satuan,
        nilai=target.nilai if target else None,
        predikat=target.predikat if target else "",
        batas_bawah=target.batas_bawah if target else None,
        batas_atas=target.batas_atas if target else None,
    )
    _tautkan_otomatis(pd=pk.perangkat_daerah, tahun=pk.tahun, user=user)
    audit.catat(
        pengguna=user,
        aksi="pk.indikator.tambah",
        objek=baris,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan=audit.selisih({}, audit.snapshot(baris)),
    )
    return baris


def _hapus_baris(baris: PKIndikator | PKAnggaran, *, aksi: str, user) -> None:
    pk = _segarkan(baris.perjanjian)
    _pastikan_draf(pk)
    audit.catat(
        pengguna=user,
        aksi=aksi,
        objek=baris,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan=audit.selisih(audit.snapshot(baris), {}),
    )
    baris.delete()


@transaction.atomic
def pk_hapus_indikator(*, baris: PKIndikator, user) -> None:
    """Remove a row from a draft PK (e.g. an indicator that belongs to a colleague's PK)."""
    _hapus_baris(baris, aksi="pk.indikator.hapus", user=user)


@transaction.atomic
def pk_hapus_anggaran(*, baris: PKAnggaran, user) -> None:
    """Remove a budget line from a draft PK."""
    _hapus_baris(baris, aksi="pk.anggaran.hapus", user=user)


@transaction.atomic
def pk_hapus(*, pk: PerjanjianKinerja, user) -> None:
    """Delete a draft PK (a signed PK or one awaiting pihak kedua is never deleted)."""
    pk = _segarkan(pk)
    if pk.status != StatusPK.DRAFT:
        raise ValidationError(PESAN_HAPUS_BUKAN_DRAF)
    audit.catat(
        pengguna=user,
        aksi="pk.hapus",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan=audit.selisih(audit.snapshot(pk), {}),
    )
    pk.delete()  # rows of other PKs linked to this one are unlinked (SET_NULL)


# --- PK Perubahan ------------------------------------------------------------------------------


@transaction.atomic
def pk_buat_perubahan(
    *, pk: PerjanjianKinerja, alasan: str, uraian: str, user
) -> PerjanjianKinerja:
    """A new draft version of a signed PK (versi "perubahan", nomor_versi + 1) for one of the
    three reasons of AlasanPerubahanPK, with its explanation. Rows are copied with the old
    target in `target_sebelum`; the previous version stays as it is (readable, verifiable,
    and reported as superseded once the new version is signed)."""
    pk = _segarkan(pk)
    if pk.status != StatusPK.DITANDATANGANI:
        raise ValidationError(PESAN_PERUBAHAN_DARI_TTD)
    if PerjanjianKinerja.objects.filter(menggantikan=pk).exists():
        raise ValidationError(PESAN_PERUBAHAN_SUDAH_ADA)
    if alasan not in AlasanPerubahanPK.values:
        raise ValidationError({"alasan_perubahan": PESAN_ALASAN_PERUBAHAN})
    if not (uraian or "").strip():
        raise ValidationError({"uraian_perubahan": PESAN_URAIAN_PERUBAHAN})
    baru = PerjanjianKinerja(
        perangkat_daerah=pk.perangkat_daerah,
        tahun=pk.tahun,
        versi=VersiPK.PERUBAHAN,
        nomor_versi=pk.nomor_versi + 1,
        menggantikan=pk,
        alasan_perubahan=alasan,
        uraian_perubahan=uraian.strip(),
        pihak_pertama=pk.pihak_pertama,
        pihak_pertama_jabatan=pk.pihak_pertama_jabatan,
        pihak_kedua=pk.pihak_kedua,
        pihak_kedua_nama=pk.pihak_kedua_nama,
        pihak_kedua_jabatan=pk.pihak_kedua_jabatan,
        pihak_kedua_nip=pk.pihak_kedua_nip,
        tempat=pk.tempat,
        tanggal=timezone.localdate().replace(day=1),
        tanggal_hanya_bulan=True,
        status=StatusPK.DRAFT,
    )
    baru.full_clean()
    baru.save()
    PKIndikator.objects.bulk_create(
        PKIndikator(
            perjanjian=baru,
            urutan=b.urutan,
            sasaran_uraian=b.sasaran_uraian,
            indikator_id=b.indikator_id,
            uraian=b.uraian,
            satuan=b.satuan,
            nilai=b.nilai,
            predikat=b.predikat,
            batas_bawah=b.batas_bawah,
            batas_atas=b.batas_atas,
            target_sebelum=b.nilai,
            target_sebelum_predikat=b.predikat,
            indikator_atasan_id=b.indikator_atasan_id,
            alasan_selisih=b.alasan_selisih,
        )
        for b in pk.indikator.order_by("urutan", "id")
    )
    PKAnggaran.objects.bulk_create(
        PKAnggaran(
            perjanjian=baru,
            urutan=a.urutan,
            tingkat=a.tingkat,
            program_id=a.program_id,
            kegiatan_id=a.kegiatan_id,
            sub_kegiatan_id=a.sub_kegiatan_id,
            kode=a.kode,
            nama=a.nama,
            jumlah=a.jumlah,
        )
        for a in pk.anggaran.order_by("urutan", "id")
    )
    audit.catat(
        pengguna=user,
        aksi="pk.perubahan.buat",
        objek=baru,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan={
            "menggantikan": [None, pk.pk],
            "alasan_perubahan": [None, alasan],
            "nomor_versi": [pk.nomor_versi, baru.nomor_versi],
        },
        keterangan=uraian.strip(),
    )
    return baru
