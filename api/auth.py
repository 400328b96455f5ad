"""Token authentication: `Authorization: Token <key>`; a revoked or unknown key answers 401."""

from __future__ import annotations

from django.utils import timezone
from rest_framework import authentication, exceptions

from .models import TokenAPI
from .services import hash_kunci

PESAN_TOKEN_TIDAK_SAH = "Token tidak dikenal atau sudah dicabut."


class TokenAPIAuthentication(authentication.TokenAuthentication):
    keyword = "Token"

    def authenticate_credentials(self, key):
        token = (
            TokenAPI.objects.select_related("pengguna")
            .filter(kunci_hash=hash_kunci(key), dicabut_pada__isnull=True)
            .first()
        )
        if token is None or not token.pengguna.is_active:
            raise exceptions.AuthenticationFailed(PESAN_TOKEN_TIDAK_SAH)
        TokenAPI.objects.filter(pk=token.pk).update(terakhir_dipakai=timezone.now())
        return token.pengguna, token
