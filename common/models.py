"""Memberships (who may do what in which PD and unit) and the audit log.

The organisation (PD, unit) is the plan's model (`renstra`); it is referenced here by its
label, as Django references the user model, so that this bottom layer imports no domain model.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

MODEL_PD = "renstra.PerangkatDaerah"
MODEL_UNIT = "renstra.UnitKerja"


class Peran(models.TextChoices):
    OPERATOR = "operator", "Operator"
    VERIFIKATOR = "verifikator", "Verifikator (kepala unit)"
    KEPALA = "kepala", "Kepala Perangkat Daerah"
    PERENCANA = "perencana", "Perencana / admin PD"
    INSPEKTORAT = "inspektorat", "Reviewer Inspektorat"
    BAPPEDA = "bappeda", "Bappeda"


class Keanggotaan(models.Model):
    """A user's role in a PD (and, for operators and verifikator, in one unit)."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="keanggotaan"
    )
    perangkat_daerah = models.ForeignKey(
        MODEL_PD, on_delete=models.CASCADE, related_name="keanggotaan"
    )
    unit_kerja = models.ForeignKey(
        MODEL_UNIT, on_delete=models.CASCADE, null=True, blank=True, related_name="keanggotaan"
    )
    peran = models.CharField("peran", max_length=15, choices=Peran.choices)

    class Meta:
        verbose_name = "keanggotaan"
        verbose_name_plural = "keanggotaan"
        ordering = ["perangkat_daerah", "pengguna"]
        constraints = [
            models.UniqueConstraint(
                fields=["pengguna", "perangkat_daerah", "peran"], name="common_keanggotaan_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pengguna} — {self.get_peran_display()} {self.perangkat_daerah}"


class AuditLog(models.Model):
    """Who changed what, when, with the old and new values (never edited, never deleted)."""

    waktu = models.DateTimeField("waktu", auto_now_add=True, db_index=True)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aksi = models.CharField("aksi", max_length=80, db_index=True)
    perangkat_daerah = models.ForeignKey(
        MODEL_PD, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    objek = models.CharField("objek", max_length=300, blank=True)
    perubahan = models.JSONField("perubahan", default=dict, blank=True)
    keterangan = models.TextField("keterangan", blank=True)

    class Meta:
        verbose_name = "jejak audit"
        verbose_name_plural = "jejak audit"
        ordering = ["-waktu", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="common_audit_objek_idx")
        ]

    def __str__(self) -> str:
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.aksi} {self.objek}"
