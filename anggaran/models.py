"""Budgets: pagu per year (murni, perubahan) and realisasi keuangan per quarter.

Amounts sit on the lowest level the plan has (sub-kegiatan). A program or kegiatan may also
carry the amount a document printed for it: reports print the sum of the children and the
validation reports any difference.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from common.workflow import Status as StatusRealisasi
from renstra.models import Kegiatan, PerangkatDaerah, Program, SubKegiatan, decimal_field

PESAN_SATU_TINGKAT = "Anggaran harus melekat pada tepat satu program, kegiatan atau sub-kegiatan."

_TEPAT_SATU = (
    Q(program__isnull=False, kegiatan__isnull=True, sub_kegiatan__isnull=True)
    | Q(program__isnull=True, kegiatan__isnull=False, sub_kegiatan__isnull=True)
    | Q(program__isnull=True, kegiatan__isnull=True, sub_kegiatan__isnull=False)
)


class TingkatMixin(models.Model):
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def objek(self):
        return self.sub_kegiatan or self.kegiatan or self.program


class Pagu(TingkatMixin):
    tahun = models.PositiveSmallIntegerField("tahun")
    murni = decimal_field("pagu murni")
    perubahan = decimal_field("pagu perubahan")

    class Meta:
        verbose_name = "pagu"
        verbose_name_plural = "pagu"
        ordering = ["tahun", "id"]
        constraints = [
            models.CheckConstraint(
                condition=_TEPAT_SATU,
                name="anggaran_pagu_tepat_satu_tingkat",
                violation_error_message=PESAN_SATU_TINGKAT,
            ),
            models.UniqueConstraint(
                fields=["program", "tahun"],
                condition=Q(program__isnull=False),
                name="anggaran_pagu_program_unik",
            ),
            models.UniqueConstraint(
                fields=["kegiatan", "tahun"],
                condition=Q(kegiatan__isnull=False),
                name="anggaran_pagu_kegiatan_unik",
            ),
            models.UniqueConstraint(
                fields=["sub_kegiatan", "tahun"],
                condition=Q(sub_kegiatan__isnull=False),
                name="anggaran_pagu_subkegiatan_unik",
            ),
            models.CheckConstraint(
                condition=(Q(murni__isnull=True) | Q(murni__gte=0))
                & (Q(perubahan__isnull=True) | Q(perubahan__gte=0)),
                name="anggaran_pagu_tidak_negatif",
            ),
        ]

    def __str__(self) -> str:
        return f"Pagu {self.tahun} {self.objek}"

    @property
    def berlaku(self):
        """The pagu in force: perubahan when set, else murni (None when neither)."""
        return self.perubahan if self.perubahan is not None else self.murni


class RealisasiAnggaran(TingkatMixin):
    """Realisasi keuangan of one quarter (1–4), or of the whole year when only that is known (0).

    Goes through the same workflow as indicator realisations (kinerja.services): only
    approved rows feed official reports (DOMAIN.md §8).
    """

    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", help_text="1–4; 0 = nilai tahunan")
    jumlah = decimal_field("jumlah")
    status = models.CharField(
        "status", max_length=15, choices=StatusRealisasi.choices, default=StatusRealisasi.DRAFT
    )
    alasan_dikembalikan = models.TextField("alasan dikembalikan", blank=True)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    versi = models.PositiveIntegerField("versi", default=1)
    diubah = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "realisasi anggaran"
        verbose_name_plural = "realisasi anggaran"
        ordering = ["tahun", "triwulan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=_TEPAT_SATU,
                name="anggaran_realisasi_tepat_satu_tingkat",
                violation_error_message=PESAN_SATU_TINGKAT,
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=0, triwulan__lte=4),
                name="anggaran_realisasi_triwulan_0_4",
            ),
            models.CheckConstraint(
                condition=Q(jumlah__isnull=True) | Q(jumlah__gte=0),
                name="anggaran_realisasi_tidak_negatif",
            ),
            models.UniqueConstraint(
                fields=["program", "tahun", "triwulan"],
                condition=Q(program__isnull=False),
                name="anggaran_realisasi_program_unik",
            ),
            models.UniqueConstraint(
                fields=["kegiatan", "tahun", "triwulan"],
                condition=Q(kegiatan__isnull=False),
                name="anggaran_realisasi_kegiatan_unik",
            ),
            models.UniqueConstraint(
                fields=["sub_kegiatan", "tahun", "triwulan"],
                condition=Q(sub_kegiatan__isnull=False),
                name="anggaran_realisasi_subkegiatan_unik",
            ),
        ]

    def __str__(self) -> str:
        label = "tahunan" if self.triwulan == 0 else f"TW {self.triwulan}"
        return f"Realisasi {self.tahun} {label} {self.objek}"


class AnggaranBelanja(models.Model):
    """Economic breakdown of the PD budget (Belanja Operasi: Pegawai, Barang dan Jasa, …)."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="anggaran_belanja"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    kelompok = models.CharField("kelompok belanja", max_length=100)
    jenis = models.CharField("jenis belanja", max_length=150)
    pagu = decimal_field("pagu")
    realisasi = decimal_field("realisasi")
    urutan = models.PositiveIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "anggaran per jenis belanja"
        verbose_name_plural = "anggaran per jenis belanja"
        ordering = ["perangkat_daerah", "tahun", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "kelompok", "jenis"],
                name="anggaran_belanja_unik",
            )
        ]

    def __str__(self) -> str:
        return f"{self.tahun} {self.kelompok} — {self.jenis}"


class AnggaranPerangkatDaerah(models.Model):
    """The agency's budget total for one year as a document states it (DPA, DPA Perubahan).

    It is not the sum of the program tree: a report may load only some programs (Balangan
    prints five of its six), or the agency budget may hold spending outside the programs
    (Belanja Tidak Langsung). Reports print it beside the computed sum and the validation
    reports any difference (`anggaran.total_pd_berbeda`).
    """

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="anggaran_pd"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    pagu_murni = decimal_field("pagu murni")
    pagu = decimal_field("pagu berlaku", help_text="Pagu perubahan bila ada, selain itu murni.")
    realisasi = decimal_field("realisasi")
    sumber = models.CharField(
        "sumber",
        max_length=200,
        blank=True,
        help_text="Dokumen yang menyatakan angka ini, mis. “DPA Perubahan, Tabel 3.12 LKjIP”.",
    )

    class Meta:
        verbose_name = "anggaran perangkat daerah"
        verbose_name_plural = "anggaran perangkat daerah"
        ordering = ["perangkat_daerah", "tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun"], name="anggaran_pd_unik_per_tahun"
            ),
            models.CheckConstraint(
                condition=(Q(pagu_murni__isnull=True) | Q(pagu_murni__gte=0))
                & (Q(pagu__isnull=True) | Q(pagu__gte=0))
                & (Q(realisasi__isnull=True) | Q(realisasi__gte=0)),
                name="anggaran_pd_tidak_negatif",
            ),
        ]

    def __str__(self) -> str:
        return f"Anggaran {self.tahun} {self.perangkat_daerah}"
