"""Perjanjian Kinerja sign-off: pihak pertama signs in the app, pihak kedua signs in the app
or on paper (the head of the PD uploads the signed scan), or the PK goes back to draft.

Who may sign is `aturan.boleh_menandatangani` / `aturan.boleh_unggah_pindaian`. The same
(non-superuser) account never signs both sides of one PK, and every signature re-asks the
user's password. Once both sides have signed, the content is frozen with its SHA-256
fingerprint (kinerja.pk.kanonik) and the PK targets are written into the plan.
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from common import audit
from common.models import AuditLog
from kinerja.models import PerjanjianKinerja, StatusPK, VersiPK
from renstra.models import JenisTarget, Target

from .aturan import _periksa_sandi, _segarkan, boleh_menandatangani, boleh_unggah_pindaian
from .draf import selisih_rencana, target_rencana
from .kanonik import hitung_sidik_jari, teks_kanonik
from .pesan import (
    LABEL_PIHAK,
    PESAN_ALASAN_KEMBALI,
    PESAN_ALASAN_SELISIH_BELUM_LENGKAP,
    PESAN_BELUM_TTD_PIHAK_PERTAMA,
    PESAN_BUKAN_DRAF,
    PESAN_KEMBALI_DRAF,
    PESAN_KONFIRMASI_PINDAIAN,
    PESAN_PIHAK_KEDUA_KERTAS,
    PESAN_PIHAK_KEDUA_KOSONG,
    PESAN_PIHAK_PERTAMA_KOSONG,
    PESAN_PINDAIAN_HANYA_KEPALA,
    PESAN_PINDAIAN_JENIS,
    PESAN_PK_TANPA_INDIKATOR,
    PESAN_PK_TERKUNCI,
    PESAN_TARGET_KOSONG,
    PESAN_TIDAK_BERHAK_TTD,
    PESAN_TTD_KEDUA_SISI,
)
from .teks import jabatan_pihak_kedua, nilai_kanonik

JENIS_PINDAIAN = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
}


# --- Sign-off ----------------------------------------------------------------------------------


def _penanda_tangan_pertama(pk: PerjanjianKinerja):
    entri = (
        AuditLog.objects.filter(aksi="pk.tandatangan.pihak_pertama", object_id=str(pk.pk))
        .filter(content_type__model="perjanjiankinerja")
        .order_by("-waktu", "-id")
        .first()
    )
    return entri.pengguna_id if entri else None


def _periksa_siap_ditandatangani(pk: PerjanjianKinerja) -> None:
    if pk.pihak_pertama_id is None:
        raise ValidationError(PESAN_PIHAK_PERTAMA_KOSONG)
    if not (pk.pihak_kedua_nama or pk.pihak_kedua_id) or not jabatan_pihak_kedua(pk):
        raise ValidationError(PESAN_PIHAK_KEDUA_KOSONG)
    baris = list(pk.indikator.order_by("urutan", "id"))
    if not baris:
        raise ValidationError(PESAN_PK_TANPA_INDIKATOR)
    kosong = [b.uraian for b in baris if b.kosong]
    if kosong:
        raise ValidationError(PESAN_TARGET_KOSONG.format(daftar="; ".join(kosong)))
    rencana = target_rencana([b.indikator_id for b in baris if b.indikator_id], pk.tahun)
    tanpa_alasan = [
        b.uraian
        for b in baris
        if selisih_rencana(b, rencana.get(b.indikator_id)) and not b.alasan_selisih.strip()
    ]
    if tanpa_alasan:
        raise ValidationError(
            PESAN_ALASAN_SELISIH_BELUM_LENGKAP.format(daftar="; ".join(tanpa_alasan))
        )


@transaction.atomic
def pk_tandatangani_pihak_pertama(
    *, pk: PerjanjianKinerja, user, kata_sandi: str
) -> PerjanjianKinerja:
    """Pihak pertama signs a draft in the app (password re-entered). The content is frozen
    from now on (back to draft only with `pk_kembalikan_ke_draf`)."""
    pk = _segarkan(pk)
    if pk.status != StatusPK.DRAFT:
        raise ValidationError(
            PESAN_PK_TERKUNCI if pk.status == StatusPK.DITANDATANGANI else PESAN_BUKAN_DRAF
        )
    _periksa_sandi(user, kata_sandi)
    if not boleh_menandatangani(user, pk, "pertama"):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_TTD.format(pihak=LABEL_PIHAK["pertama"]))
    _periksa_siap_ditandatangani(pk)
    pk.status = StatusPK.DITANDATANGANI_PIHAK_PERTAMA
    pk.ditandatangani_pihak_pertama_pada = timezone.now()
    pk.ditandatangani_pihak_pertama_oleh = user
    pk.save(
        update_fields=[
            "status",
            "ditandatangani_pihak_pertama_pada",
            "ditandatangani_pihak_pertama_oleh",
        ]
    )
    audit.catat(
        pengguna=user,
        aksi="pk.tandatangan.pihak_pertama",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan={"status": [StatusPK.DRAFT.value, pk.status]},
        # The content signed so far, so that pihak kedua's version can be compared with it.
        keterangan=hitung_sidik_jari(pk),
    )
    return pk


def _selesaikan(pk: PerjanjianKinerja, user, cara: str) -> PerjanjianKinerja:
    """Both parties signed: fingerprint, freeze, and write the PK targets into the plan."""
    pk.ditandatangani_pihak_kedua_pada = timezone.now()
    pk.ditandatangani_pihak_kedua_oleh = user if getattr(user, "is_authenticated", False) else None
    kanonik = teks_kanonik(pk)
    pk.isi_kanonik = kanonik
    pk.sidik_jari = hashlib.sha256(kanonik.encode("utf-8")).hexdigest()
    pk.status = StatusPK.DITANDATANGANI
    pk.full_clean()
    pk.save()
    _salin_target_ke_rencana(pk, user)
    audit.catat(
        pengguna=user,
        aksi="pk.ditandatangani",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan={
            "status": [StatusPK.DITANDATANGANI_PIHAK_PERTAMA.value, pk.status],
            "sidik_jari": ["", pk.sidik_jari],
            "cara": [None, cara],
        },
        # The exact text that was hashed: the signed content stays provable even if a
        # pejabat record is corrected later.
        keterangan=kanonik,
    )
    return pk


def _salin_target_ke_rencana(pk: PerjanjianKinerja, user) -> None:
    """Store the signed targets as the plan's PK targets of the year (pk_murni or
    pk_perubahan), the version every measurement reads first."""
    jenis = JenisTarget.PK_PERUBAHAN if pk.versi == VersiPK.PERUBAHAN else JenisTarget.PK_MURNI
    for b in pk.indikator.exclude(indikator=None):
        lama_obj = Target.objects.filter(
            indikator_id=b.indikator_id, tahun=pk.tahun, jenis=jenis
        ).first()
        lama = nilai_kanonik(lama_obj)
        if lama == nilai_kanonik(b) and lama_obj is not None:
            continue
        Target.objects.update_or_create(
            indikator_id=b.indikator_id,
            tahun=pk.tahun,
            jenis=jenis,
            defaults={
                "nilai": b.nilai,
                "predikat": b.predikat,
                "batas_bawah": b.batas_bawah,
                "batas_atas": b.batas_atas,
            },
        )
        audit.catat(
            pengguna=user,
            aksi="rencana.target.dari_pk",
            objek=b.indikator,
            perangkat_daerah=pk.perangkat_daerah,
            perubahan={f"target_{jenis}_{pk.tahun}": [lama, nilai_kanonik(b)]},
            keterangan=f"PK #{pk.pk} versi {pk.nomor_versi}",
        )


@transaction.atomic
def pk_tandatangani_pihak_kedua(
    *, pk: PerjanjianKinerja, user, kata_sandi: str
) -> PerjanjianKinerja:
    """Pihak kedua (a pejabat of the PD) signs in the app; the PK becomes "ditandatangani"."""
    pk = _segarkan(pk)
    if pk.status == StatusPK.DITANDATANGANI:
        raise ValidationError(PESAN_PK_TERKUNCI)
    if pk.status != StatusPK.DITANDATANGANI_PIHAK_PERTAMA:
        raise ValidationError(PESAN_BELUM_TTD_PIHAK_PERTAMA)
    _periksa_sandi(user, kata_sandi)
    if pk.pihak_kedua_id is None:
        raise ValidationError(PESAN_PIHAK_KEDUA_KERTAS)
    if not boleh_menandatangani(user, pk, "kedua"):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_TTD.format(pihak=LABEL_PIHAK["kedua"]))
    if not user.is_superuser and _penanda_tangan_pertama(pk) == user.pk:
        raise PermissionDenied(PESAN_TTD_KEDUA_SISI)
    audit.catat(
        pengguna=user,
        aksi="pk.tandatangan.pihak_kedua",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
    )
    return _selesaikan(pk, user, "aplikasi")


def periksa_pindaian(berkas: UploadedFile) -> str:
    """Check an uploaded scan: the evidence rules of kinerja.bukti (name, size, type read
    from the content), restricted to PDF, JPEG and PNG, and the file must open. Returns the
    file extension to store it with. Raises ValidationError otherwise."""
    from kinerja.bukti import periksa_berkas

    try:
        sah = periksa_berkas(berkas)
    except ValidationError as exc:
        if exc.code in {"ekstensi", "isi", "pdf", "gambar"}:
            raise ValidationError(PESAN_PINDAIAN_JENIS) from exc
        raise
    if sah.jenis_konten not in JENIS_PINDAIAN:
        raise ValidationError(PESAN_PINDAIAN_JENIS)
    berkas.seek(0)
    data = berkas.read()
    berkas.seek(0)
    if sah.jenis_konten == "application/pdf":
        if b"%%EOF" not in data[-2048:]:
            raise ValidationError(PESAN_PINDAIAN_JENIS)
    else:
        import io

        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as gambar:
                gambar.verify()
        except Exception as exc:  # Pillow raises many types for a broken image
            raise ValidationError(PESAN_PINDAIAN_JENIS) from exc
    return JENIS_PINDAIAN[sah.jenis_konten][0]


@transaction.atomic
def pk_unggah_pindaian(
    *, pk: PerjanjianKinerja, berkas: UploadedFile, user, kata_sandi: str, konfirmasi: bool
) -> PerjanjianKinerja:
    """The head of the PD uploads the page signed on paper by pihak kedua (PDF/JPG/PNG,
    checked by content) and confirms with their password; the PK becomes "ditandatangani"."""
    pk = _segarkan(pk)
    if pk.status == StatusPK.DITANDATANGANI:
        raise ValidationError(PESAN_PK_TERKUNCI)
    if pk.status != StatusPK.DITANDATANGANI_PIHAK_PERTAMA:
        raise ValidationError(PESAN_BELUM_TTD_PIHAK_PERTAMA)
    _periksa_sandi(user, kata_sandi)
    if not boleh_unggah_pindaian(user, pk):
        raise PermissionDenied(PESAN_PINDAIAN_HANYA_KEPALA)
    if not konfirmasi:
        raise ValidationError(PESAN_KONFIRMASI_PINDAIAN)
    akhiran = periksa_pindaian(berkas)
    berkas.seek(0)
    ringkas = hashlib.sha256(berkas.read()).hexdigest()[:12]
    berkas.seek(0)
    pk.pindaian_bertanda_tangan.save(
        f"{pk.perangkat_daerah_id}/pk-{pk.pk}-{ringkas}{akhiran}", berkas, save=False
    )
    audit.catat(
        pengguna=user,
        aksi="pk.pindaian.unggah",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan={"pindaian_bertanda_tangan": ["", pk.pindaian_bertanda_tangan.name]},
        keterangan=f"Nama berkas asli: {berkas.name}",
    )
    return _selesaikan(pk, user, "kertas")


@transaction.atomic
def pk_kembalikan_ke_draf(*, pk: PerjanjianKinerja, alasan: str, user) -> PerjanjianKinerja:
    """Withdraw pihak pertama's signature before pihak kedua signs (e.g. pihak kedua asks for
    a change). A fully signed PK never goes back."""
    pk = _segarkan(pk)
    if pk.status != StatusPK.DITANDATANGANI_PIHAK_PERTAMA:
        raise ValidationError(
            PESAN_PK_TERKUNCI if pk.status == StatusPK.DITANDATANGANI else PESAN_KEMBALI_DRAF
        )
    if not (alasan or "").strip():
        raise ValidationError(PESAN_ALASAN_KEMBALI)
    if not (
        boleh_menandatangani(user, pk, "pertama")
        or boleh_menandatangani(user, pk, "kedua")
        or boleh_unggah_pindaian(user, pk)
    ):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_TTD.format(pihak=LABEL_PIHAK["pertama"]))
    pk.status = StatusPK.DRAFT
    pk.ditandatangani_pihak_pertama_pada = None
    pk.save(update_fields=["status", "ditandatangani_pihak_pertama_pada"])
    audit.catat(
        pengguna=user,
        aksi="pk.kembali_ke_draf",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan={"status": [StatusPK.DITANDATANGANI_PIHAK_PERTAMA.value, pk.status]},
        keterangan=alasan.strip(),
    )
    return pk
