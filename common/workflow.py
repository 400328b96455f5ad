"""The entry workflow shared by every quarterly entry (indicator and budget realisations).

    draft / dikembalikan --ajukan (operator of the unit)--> diajukan
    diajukan --verifikasi (verifikator of the unit)--> diverifikasi
    diverifikasi --setujui (kepala)--> disetujui
    diajukan --kembalikan (verifikator of the unit, kepala)--> dikembalikan (reason required)
    diverifikasi --kembalikan (kepala)--> dikembalikan

The states, the transition table, who may take a transition, and the audited compare-and-set
that moves an entry. It knows no domain model: an entry is any model with `status`, `versi`
and `diubah` fields; the PD is passed in by the caller (DOMAIN.md §8).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone

from . import audit
from .models import Peran
from .permissions import PESAN_TIDAK_BERHAK, Akses, akses_pengguna  # noqa: F401

PESAN_TRANSISI_DITOLAK = "Realisasi berstatus {status} tidak dapat {aksi}."
PESAN_STATUS_BERUBAH = "Status realisasi sudah berubah oleh pengguna lain; muat ulang halaman."
PESAN_ALASAN_WAJIB = "Alasan pengembalian wajib diisi."


class Status(models.TextChoices):
    """The state of an entry in the workflow; only DISETUJUI feeds official reports."""

    DRAFT = "draft", "Draft"
    DIAJUKAN = "diajukan", "Diajukan"
    DIVERIFIKASI = "diverifikasi", "Diverifikasi"
    DISETUJUI = "disetujui", "Disetujui"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"


S = Status


def boleh_isi(akses: Akses, unit_id: int | None) -> bool:
    return akses.boleh_unit(unit_id, Peran.OPERATOR)


def boleh_verifikasi(akses: Akses, unit_id: int | None) -> bool:
    return akses.boleh_unit(unit_id, Peran.VERIFIKATOR)


def boleh_setujui(akses: Akses) -> bool:
    return akses.punya(Peran.KEPALA)


def boleh_putus_pembukaan(akses: Akses) -> bool:
    return akses.punya(Peran.KEPALA, Peran.PERENCANA)


def _wajib(syarat: bool) -> None:
    if not syarat:
        raise PermissionDenied(PESAN_TIDAK_BERHAK)


def _wajib(syarat: bool) -> None:
    if not syarat:
        raise PermissionDenied(PESAN_TIDAK_BERHAK)


@dataclass(frozen=True)
class Transisi:
    aksi: str
    label: str
    asal: frozenset[str]
    tujuan: str


AJUKAN = Transisi("ajukan", "diajukan", frozenset({S.DRAFT, S.DIKEMBALIKAN}), S.DIAJUKAN)
VERIFIKASI = Transisi("verifikasi", "diverifikasi", frozenset({S.DIAJUKAN}), S.DIVERIFIKASI)
SETUJUI = Transisi("setujui", "disetujui", frozenset({S.DIVERIFIKASI}), S.DISETUJUI)
KEMBALIKAN = Transisi(
    "kembalikan", "dikembalikan", frozenset({S.DIAJUKAN, S.DIVERIFIKASI}), S.DIKEMBALIKAN
)


def wajib_status(objek, transisi: Transisi) -> None:
    """ValidationError unless `objek` (any model with a `Status` `status`) may take
    `transisi` from its current state."""
    if objek.status not in transisi.asal:
        raise ValidationError(
            PESAN_TRANSISI_DITOLAK.format(status=objek.get_status_display(), aksi=transisi.label),
            code="transisi",
        )


def boleh_peran_transisi(akses: Akses, transisi: Transisi, *, status: str, unit_id) -> bool:
    """Whether the user's roles allow `transisi` of an entry of `unit_id` now in `status`.

    Operator of the unit submits; verifikator of the unit verifies; kepala approves; a
    submitted entry is returned by the verifikator of the unit or the kepala, a verified one
    by the kepala only. Shared by indicator and budget realisations.
    """
    if transisi is AJUKAN:
        return boleh_isi(akses, unit_id)
    if transisi is VERIFIKASI:
        return boleh_verifikasi(akses, unit_id)
    if transisi is SETUJUI:
        return boleh_setujui(akses)
    if transisi is KEMBALIKAN:
        if status == S.DIVERIFIKASI:
            return boleh_setujui(akses)
        return boleh_setujui(akses) or boleh_verifikasi(akses, unit_id)
    raise ValueError(transisi)


def boleh_transisi(akses: Akses, transisi: Transisi, *, status: str | None, unit_id) -> bool:
    """Both the state and the roles allow `transisi` (for showing the buttons)."""
    return status in transisi.asal and boleh_peran_transisi(
        akses, transisi, status=status, unit_id=unit_id
    )


def wajib_peran_transisi(akses: Akses, transisi: Transisi, *, status: str, unit_id) -> None:
    _wajib(boleh_peran_transisi(akses, transisi, status=status, unit_id=unit_id))


def pindah_status(
    *,
    objek,
    transisi: Transisi,
    user,
    ubah: dict[str, Any],
    kolom_audit: tuple[str, ...],
    prefiks_aksi: str,
    perangkat_daerah,
    keterangan: str = "",
):
    """Move `objek` to `transisi.tujuan` with a compare-and-set on its `versi` and state;
    audited as "<prefiks_aksi>.<aksi>". Call inside `transaction.atomic`."""
    model = type(objek)
    sebelum = audit.snapshot(objek, kolom_audit)
    versi = objek.versi
    for kunci, nilai in {**ubah, "status": transisi.tujuan}.items():
        setattr(objek, kunci, nilai)
    objek.full_clean()
    diperbarui = model.objects.filter(pk=objek.pk, versi=versi, status__in=transisi.asal).update(
        **ubah, status=transisi.tujuan, versi=F("versi") + 1, diubah=timezone.now()
    )
    if diperbarui != 1:
        raise ValidationError(PESAN_STATUS_BERUBAH, code="status_berubah")
    objek.refresh_from_db()
    audit.catat(
        pengguna=user,
        aksi=f"{prefiks_aksi}.{transisi.aksi}",
        objek=objek,
        perangkat_daerah=perangkat_daerah,
        perubahan=audit.selisih(sebelum, audit.snapshot(objek, kolom_audit)),
        keterangan=keterangan,
    )
    return objek
