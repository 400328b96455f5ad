"""What a hand-made report printed, kept beside the data to check the report against it.

A dataset carries the report's own text in `tercetak` (and `*_tercetak`) fields
(fixtures/demo/SCHEMA.md). The loader keeps every printed leaf as one `NilaiTercetak`: the
object that printed it, the year the value is about, the path of keys it sat under, the raw
text and where in the report it was printed. The product never computes with these values;
`periksa.selectors.periksa_laporan` compares them with its own numbers.

`PenjelasanMasalah` is the written explanation of one validation error
(`kinerja.validasi.validasi_pd`, level "error") of a PD and year: an LKjIP is approved only
when each of its errors is fixed or explained (`periksa.services`).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from renstra.models import PerangkatDaerah


class NilaiTercetak(models.Model):
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="nilai_tercetak"
    )
    tahun_laporan = models.PositiveSmallIntegerField(
        "tahun laporan", help_text="The year of the report that printed the value."
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    objek = GenericForeignKey("content_type", "object_id")
    sumber = models.CharField(
        "kunci dataset", max_length=60, help_text='"tercetak", "judul_tercetak", …'
    )
    kunci = models.CharField(
        "jalur", max_length=400, help_text='Dotted path inside the field: "2023.tabel_8.capaian".'
    )
    jalur = models.JSONField("jalur (daftar)", default=list)
    lokasi = models.JSONField(
        "tempat objek di dataset", default=list, help_text='["indikator", "S1.I1"], for the export.'
    )
    tahun = models.PositiveSmallIntegerField("tahun nilai", null=True, blank=True)
    medan = models.CharField("medan", max_length=100, blank=True, help_text="The last key.")
    nilai = models.JSONField("nilai tercetak", null=True, blank=True)
    tempat = models.CharField("dicetak di", max_length=300, blank=True)
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "nilai tercetak"
        verbose_name_plural = "nilai tercetak"
        ordering = ["perangkat_daerah", "tahun_laporan", "content_type", "object_id", "urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "perangkat_daerah",
                    "content_type",
                    "object_id",
                    "tahun_laporan",
                    "sumber",
                    "kunci",
                ],
                name="periksa_nilaitercetak_unik",
            )
        ]
        indexes = [models.Index(fields=["perangkat_daerah", "tahun_laporan"])]

    def __str__(self) -> str:
        return f"{self.sumber}.{self.kunci} = {self.nilai!r}"

    @property
    def teks(self) -> str:
        """The printed value as text ("" for a blank cell)."""
        if self.nilai is None:
            return ""
        return self.nilai if isinstance(self.nilai, str) else str(self.nilai)


class PenjelasanMasalah(models.Model):
    """Why a validation error of a PD's year stands (the data is right, the rule does not fit).

    A problem is identified by its rule code and its object (model label and pk), as
    `kinerja.validasi.Masalah` names them; the message and label are kept as they were when
    the explanation was written, for the approval record.
    """

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="penjelasan_masalah"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    kode = models.CharField("kode aturan", max_length=100)
    model = models.CharField("jenis objek", max_length=100, help_text='"renstra.indikator"')
    objek_id = models.PositiveBigIntegerField("id objek")
    objek_label = models.CharField("objek", max_length=300, blank=True)
    pesan = models.TextField("pesan masalah", blank=True)
    teks = models.TextField("penjelasan")
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    waktu = models.DateTimeField("waktu", auto_now=True)

    class Meta:
        verbose_name = "penjelasan masalah validasi"
        verbose_name_plural = "penjelasan masalah validasi"
        ordering = ["perangkat_daerah", "tahun", "kode", "model", "objek_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "kode", "model", "objek_id"],
                name="periksa_penjelasan_unik",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.objek_label or self.objek_id}: {self.teks[:60]}"
