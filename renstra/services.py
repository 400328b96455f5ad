"""Writes of the plan: indicator attributes and targets. Keyword-only, validated, audited.

Target changes are logged against the indicator (aksi "target.*") so the indicator's history
page shows them next to attribute changes.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from common import audit
from common.formatting import teks_target
from common.permissions import PERENCANA, PESAN_TIDAK_BERHAK, akses_pengguna

from .models import Indikator, JenisTarget, Target, TargetTriwulan

KOLOM_NILAI = ("nilai", "predikat", "batas_bawah", "batas_atas")

JENIS_DARI_PK = (JenisTarget.PK_MURNI, JenisTarget.PK_PERUBAHAN)
"""Target versions a signed PK sets (kinerja.pk.tandatangan); the plan screen cannot edit
them once a signed PK of the year holds the indicator."""
STATUS_PK_DITANDATANGANI = "ditandatangani"
"""kinerja.models.StatusPK.DITANDATANGANI, read through the reverse relation `pk_indikator`
(renstra sits below kinerja and does not import it; a test pins the value)."""
PESAN_TARGET_DIKUNCI_PK = (
    "Target {versi} {tahun} ditetapkan oleh Perjanjian Kinerja yang sudah ditandatangani dan "
    "tidak dapat diubah di sini; ubah melalui PK Perubahan."
)


def _wajib_perencana(user, pd) -> None:
    if not akses_pengguna(user, pd).punya(*PERENCANA):
        raise PermissionDenied(PESAN_TIDAK_BERHAK)


def indikator_ubah(*, indikator: Indikator, data: dict[str, Any], user) -> Indikator:
    """Change an indicator's attributes (perencana or kepala)."""
    _wajib_perencana(user, indikator.perangkat_daerah)
    with transaction.atomic():
        asli = Indikator.objects.select_for_update().get(pk=indikator.pk)
        sebelum = audit.snapshot(asli, [_attname(k) for k in data])
        for kunci, nilai in data.items():
            setattr(asli, kunci, nilai)
        asli.full_clean()
        asli.save()
        audit.catat(
            pengguna=user,
            aksi="indikator.ubah",
            objek=asli,
            perangkat_daerah=asli.perangkat_daerah,
            perubahan=audit.selisih(sebelum, audit.snapshot(asli, [_attname(k) for k in data])),
        )
    return asli


def _attname(nama: str) -> str:
    return f"{nama}_id" if nama == "penanggung_jawab" else nama


def _teks_baru(model, kunci: dict, nilai: dict | None) -> str | None:
    if nilai is None:
        return None
    baris = model(**kunci)
    for k in KOLOM_NILAI:
        setattr(baris, k, nilai.get(k, "" if k == "predikat" else None))
    return teks_target(baris)


def _akan_berubah(indikator: Indikator, tahun: int, jenis: str, nilai: dict | None) -> bool:
    kunci = {"indikator": indikator, "tahun": tahun, "jenis": jenis}
    baris = Target.objects.filter(**kunci).first()
    lama = teks_target(baris) if baris else None
    return _teks_baru(Target, kunci, nilai) != lama


def _simpan_nilai(*, model, kunci: dict, nilai: dict | None, label: str, indikator, user) -> bool:
    """Create, update or delete one target row; returns whether something changed."""
    baris = model.objects.filter(**kunci).first()
    lama = teks_target(baris) if baris else None
    if nilai is None:
        if baris is None:
            return False
        baris.delete()
        aksi, baru = "target.hapus", None
    else:
        baris = baris or model(**kunci)
        for k in KOLOM_NILAI:
            setattr(baris, k, nilai.get(k, "" if k == "predikat" else None))
        baru = teks_target(baris)
        if baru == lama:
            return False
        aksi = "target.ubah" if lama is not None else "target.buat"
        baris.full_clean()
        baris.save()
    audit.catat(
        pengguna=user,
        aksi=aksi,
        objek=indikator,
        perangkat_daerah=indikator.perangkat_daerah,
        perubahan={label: [lama, baru]},
    )
    return True


def dikunci_pk(*, indikator: Indikator, tahun: int) -> bool:
    """Whether a signed PK of `tahun` holds the indicator: its PK targets are then the signed
    PK's (one query)."""
    return indikator.pk_indikator.filter(
        perjanjian__tahun=tahun, perjanjian__status=STATUS_PK_DITANDATANGANI
    ).exists()


def target_simpan(
    *,
    indikator: Indikator,
    tahun: int,
    tahunan: dict[str, dict | None],
    triwulan: dict[int, dict | None],
    user,
) -> int:
    """Set the annual targets by jenis and the cumulative quarterly targets of one year.

    A None value removes the target. Returns the number of rows changed. A change of a PK
    target (murni or perubahan) that a signed PK of the year governs is refused, and then
    nothing is saved.
    """
    _wajib_perencana(user, indikator.perangkat_daerah)
    berubah = 0
    with transaction.atomic():
        if any(j in JENIS_DARI_PK for j in tahunan) and dikunci_pk(
            indikator=indikator, tahun=tahun
        ):
            for jenis in JENIS_DARI_PK:
                if jenis in tahunan and _akan_berubah(indikator, tahun, jenis, tahunan[jenis]):
                    raise ValidationError(
                        PESAN_TARGET_DIKUNCI_PK.format(versi=JenisTarget(jenis).label, tahun=tahun)
                    )
        for jenis, nilai in tahunan.items():
            berubah += _simpan_nilai(
                model=Target,
                kunci={"indikator": indikator, "tahun": tahun, "jenis": jenis},
                nilai=nilai,
                label=f"target {jenis} {tahun}",
                indikator=indikator,
                user=user,
            )
        for n, nilai in triwulan.items():
            berubah += _simpan_nilai(
                model=TargetTriwulan,
                kunci={"indikator": indikator, "tahun": tahun, "triwulan": n},
                nilai=nilai,
                label=f"target TW {n} {tahun}",
                indikator=indikator,
                user=user,
            )
    return berubah
