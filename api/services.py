"""Writes of the API app: creating and revoking tokens (keyword-only, atomic, audited)."""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from common import audit
from common.models import Keanggotaan, Peran
from common.permissions import akses_pengguna

from .models import TokenAPI

PESAN_BUKAN_ANGGOTA = "Pengguna itu bukan anggota perangkat daerah ini."
PESAN_SUDAH_DICABUT = "Token ini sudah dicabut."
PESAN_NAMA_WAJIB = "Nama token wajib diisi."
AKSI_BUAT = "api.token_buat"
AKSI_CABUT = "api.token_cabut"


def hash_kunci(kunci: str) -> str:
    return hashlib.sha256(kunci.encode("utf-8")).hexdigest()


def token_buat(*, pd, pemilik, nama: str, oleh) -> tuple[TokenAPI, str]:
    """A new token for `pemilik` (a member of `pd`), created by the PD's perencana / admin.

    Returns the token and its key; the key is not stored and cannot be shown again."""
    akses_pengguna(oleh, pd).wajib(Peran.PERENCANA)
    if not nama.strip():
        raise ValidationError(PESAN_NAMA_WAJIB)
    if not (
        pemilik.is_superuser
        or Keanggotaan.objects.filter(pengguna=pemilik, perangkat_daerah=pd).exists()
    ):
        raise ValidationError(PESAN_BUKAN_ANGGOTA)
    kunci = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = TokenAPI(
            nama=nama.strip(),
            pengguna=pemilik,
            perangkat_daerah=pd,
            awalan=kunci[:8],
            kunci_hash=hash_kunci(kunci),
            dibuat_oleh=oleh,
        )
        token.full_clean()
        token.save()
        audit.catat(
            pengguna=oleh,
            aksi=AKSI_BUAT,
            objek=token,
            perangkat_daerah=pd,
            perubahan={"pengguna": [None, pemilik.get_username()], "nama": [None, token.nama]},
        )
    return token, kunci


def token_cabut(*, token: TokenAPI, oleh) -> TokenAPI:
    """Revoke `token` (its owner, or the PD's perencana / admin); it then answers 401."""
    if oleh.pk != token.pengguna_id:
        akses_pengguna(oleh, token.perangkat_daerah).wajib(Peran.PERENCANA)
    if token.dicabut_pada is not None:
        raise ValidationError(PESAN_SUDAH_DICABUT)
    with transaction.atomic():
        token.dicabut_pada = timezone.now()
        token.save(update_fields=["dicabut_pada"])
        audit.catat(
            pengguna=oleh,
            aksi=AKSI_CABUT,
            objek=token,
            perangkat_daerah=token.perangkat_daerah,
            perubahan={"dicabut_pada": [None, token.dicabut_pada.isoformat()]},
        )
    return token


__all__ = ["PermissionDenied", "hash_kunci", "token_buat", "token_cabut"]
