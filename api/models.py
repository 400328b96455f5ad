"""API tokens: created by a PD admin for a user of the PD, revocable, stored as a hash."""

from django.conf import settings
from django.db import models


class TokenAPI(models.Model):
    """A bearer token that authenticates as `pengguna` (their scope, nothing more).

    Only the SHA-256 of the key is stored; the key is shown once, when created. A revoked
    token (`dicabut_pada` set) answers 401."""

    nama = models.CharField("nama", max_length=100)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="token_api"
    )
    perangkat_daerah = models.ForeignKey(
        "renstra.PerangkatDaerah", on_delete=models.CASCADE, related_name="token_api"
    )
    awalan = models.CharField("awalan kunci", max_length=8)
    kunci_hash = models.CharField("SHA-256 kunci", max_length=64, unique=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    dicabut_pada = models.DateTimeField(null=True, blank=True)
    terakhir_dipakai = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "token API"
        verbose_name_plural = "token API"
        ordering = ["-dibuat_pada"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.awalan}…)"
