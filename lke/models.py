"""The SAKIP evaluation (PermenPANRB 88/2021): worksheet templates as versioned reference data,
the evaluation of one PD and year with its stages side by side, evidence pinned to the version
that existed, findings, recommendations and their follow-up.

A template (`TemplateLke`) is edited only while it is a draft; activating it validates the
weights, and from then on it is immutable (a new year copies it). A criterion's `identitas`
stays the same across template versions, so years are compared by identity, not by wording.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from renstra.models import Indikator, PerangkatDaerah

from . import skor

PESAN_TEMPLATE_TERKUNCI = (
    "Template LKE yang sudah aktif tidak dapat diubah; salin template untuk tahun baru."
)


def _bobot(verbose_name: str, **kwargs) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=7, decimal_places=3, **kwargs)


class StatusTemplate(models.TextChoices):
    DRAFT = "draft", "Draft"
    AKTIF = "aktif", "Aktif"
    ARSIP = "arsip", "Arsip"


class TemplateLke(models.Model):
    """One version of the evaluation worksheet (Lembar Kerja Evaluasi)."""

    kode = models.CharField("kode", max_length=60, unique=True)
    nama = models.CharField("nama", max_length=300)
    dasar_hukum = models.TextField("dasar hukum", blank=True)
    tahun_berlaku = models.PositiveSmallIntegerField("berlaku mulai tahun dinilai")
    status = models.CharField(
        "status", max_length=10, choices=StatusTemplate.choices, default=StatusTemplate.DRAFT
    )
    asal = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="salinan"
    )
    diaktifkan_pada = models.DateTimeField("diaktifkan pada", null=True, blank=True)

    class Meta:
        verbose_name = "template LKE"
        verbose_name_plural = "template LKE"
        ordering = ["-tahun_berlaku", "kode"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.kode})"

    @property
    def terkunci(self) -> bool:
        return self.status != StatusTemplate.DRAFT


class _BagianTemplate(models.Model):
    """A part of a template: refuses any write once the template is no longer a draft."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._periksa_terkunci()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._periksa_terkunci()
        return super().delete(*args, **kwargs)

    def template_induk(self) -> TemplateLke:
        raise NotImplementedError

    def _periksa_terkunci(self) -> None:
        template = self.template_induk()
        if (
            template.pk
            and TemplateLke.objects.filter(pk=template.pk)
            .exclude(status=StatusTemplate.DRAFT)
            .exists()
        ):
            raise ValidationError(PESAN_TEMPLATE_TERKUNCI)


class Komponen(_BagianTemplate):
    template = models.ForeignKey(TemplateLke, on_delete=models.CASCADE, related_name="komponen")
    kode = models.CharField("kode", max_length=10)
    nama = models.CharField("nama", max_length=200)
    bobot = _bobot("bobot")
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "komponen LKE"
        verbose_name_plural = "komponen LKE"
        ordering = ["template", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["template", "kode"], name="lke_komponen_kode_unik")
        ]

    def __str__(self) -> str:
        return f"{self.kode}. {self.nama}"

    def template_induk(self) -> TemplateLke:
        return self.template


class JenisSubKomponen(models.TextChoices):
    KEBERADAAN = "keberadaan", "Keberadaan"
    KUALITAS = "kualitas", "Kualitas"
    PEMANFAATAN = "pemanfaatan", "Pemanfaatan"
    LAINNYA = "lainnya", "Lainnya"


class MetodeSubKomponen(models.TextChoices):
    RATA_RATA = skor.METODE_RATA_RATA, "Rata-rata nilai kriteria × bobot"
    JUMLAH_BERBOBOT = skor.METODE_JUMLAH_BERBOBOT, "Jumlah berbobot nilai kriteria"


class SubKomponen(_BagianTemplate):
    komponen = models.ForeignKey(Komponen, on_delete=models.CASCADE, related_name="sub_komponen")
    kode = models.CharField("kode", max_length=10)
    nama = models.CharField("nama", max_length=200)
    jenis = models.CharField("jenis", max_length=12, choices=JenisSubKomponen.choices)
    bobot = _bobot("bobot")
    metode = models.CharField(
        "metode", max_length=20, choices=MetodeSubKomponen.choices, default=skor.METODE_RATA_RATA
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "sub-komponen LKE"
        verbose_name_plural = "sub-komponen LKE"
        ordering = ["komponen", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["komponen", "kode"], name="lke_subkomponen_kode_unik")
        ]

    def __str__(self) -> str:
        return f"{self.komponen.kode}.{self.kode} {self.nama}"

    def template_induk(self) -> TemplateLke:
        return self.komponen.template


class Skala(models.TextChoices):
    YT = "yt", "Y/T"
    AE = "ae", "A–E"
    KHUSUS = "khusus", "Pilihan khusus"


class CekOtomatis(models.TextChoices):
    """Checks the product can answer from its own data; they arrive as marked suggestions."""

    TIDAK_ADA = "", "—"
    PK_TEPAT_WAKTU = "pk_tepat_waktu", "PK ditandatangani tepat waktu"
    CAPAIAN_MENINGKAT = "capaian_meningkat", "Capaian lebih baik dari tahun lalu"
    REKOMENDASI_TUNTAS = "rekomendasi_tuntas", "Rekomendasi tahun lalu telah ditindaklanjuti"


class Kriteria(_BagianTemplate):
    """One criterion of the worksheet. `identitas` is stable across template versions."""

    sub_komponen = models.ForeignKey(SubKomponen, on_delete=models.CASCADE, related_name="kriteria")
    identitas = models.CharField("identitas kriteria", max_length=40)
    kode = models.CharField("kode", max_length=20)
    uraian = models.TextField("uraian")
    skala = models.CharField("skala", max_length=10, choices=Skala.choices, default=Skala.AE)
    bobot = _bobot("bobot kriteria", null=True, blank=True, help_text="Kosong = bagian sama.")
    penjelasan = models.TextField("penjelasan / panduan penilaian", blank=True)
    bukti_diharapkan = models.TextField("bukti dukung yang diharapkan", blank=True)
    dasar = models.CharField("dasar (rujukan regulasi)", max_length=300, blank=True)
    cek_otomatis = models.CharField(
        "cek otomatis", max_length=30, choices=CekOtomatis.choices, blank=True, default=""
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "kriteria LKE"
        verbose_name_plural = "kriteria LKE"
        ordering = ["sub_komponen", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["sub_komponen", "identitas"], name="lke_kriteria_identitas_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian[:80]}"

    def template_induk(self) -> TemplateLke:
        return self.sub_komponen.komponen.template

    def pilihan(self) -> list[tuple[str, Decimal, str]]:
        """(kode, nilai, deskripsi) of the answer options, in order."""
        if self.skala == Skala.YT:
            return [("Y", skor.NILAI_YT["Y"], "Ya"), ("T", skor.NILAI_YT["T"], "Tidak")]
        if self.skala == Skala.AE:
            return [(k, v, "") for k, v in skor.NILAI_AE.items()]
        return [(o.kode, o.nilai, o.deskripsi) for o in self.opsi.all()]


class OpsiKriteria(_BagianTemplate):
    """An option of a criterion with a custom scale."""

    kriteria = models.ForeignKey(Kriteria, on_delete=models.CASCADE, related_name="opsi")
    kode = models.CharField("kode", max_length=5)
    nilai = _bobot("nilai")
    deskripsi = models.CharField("deskripsi", max_length=300, blank=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "opsi kriteria"
        verbose_name_plural = "opsi kriteria"
        ordering = ["kriteria", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["kriteria", "kode"], name="lke_opsi_kode_unik"),
            models.CheckConstraint(
                condition=Q(nilai__gte=0, nilai__lte=1), name="lke_opsi_nilai_0_1"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} = {self.nilai}"

    def template_induk(self) -> TemplateLke:
        return self.kriteria.sub_komponen.komponen.template


class Keparahan(models.TextChoices):
    PERINGATAN = "peringatan", "Peringatan"
    BLOKIR = "blokir", "Menghalangi finalisasi"


class AturanKonsistensi(_BagianTemplate):
    """A consistency rule between two criteria: the value of `kriteria` may not exceed the
    value of `pembanding` (e.g. a quality answer higher than the existence answer)."""

    template = models.ForeignKey(TemplateLke, on_delete=models.CASCADE, related_name="aturan")
    kriteria = models.ForeignKey(Kriteria, on_delete=models.CASCADE, related_name="+")
    pembanding = models.ForeignKey(Kriteria, on_delete=models.CASCADE, related_name="+")
    keparahan = models.CharField("keparahan", max_length=12, choices=Keparahan.choices)
    pesan = models.CharField("pesan", max_length=300)

    class Meta:
        verbose_name = "aturan konsistensi"
        verbose_name_plural = "aturan konsistensi"
        ordering = ["template", "id"]

    def __str__(self) -> str:
        return self.pesan

    def template_induk(self) -> TemplateLke:
        return self.template


# --- The evaluation of one PD and year ------------------------------------------------------


class StatusEvaluasi(models.TextChoices):
    MANDIRI = "mandiri", "Penilaian mandiri (PD)"
    EVALUASI = "evaluasi", "Dinilai tim evaluator"
    FINAL = "final", "Final"


class Tahap(models.TextChoices):
    MANDIRI = "mandiri", "Mandiri"
    ANGGOTA = "anggota", "Anggota tim"
    KETUA = "ketua", "Ketua tim"
    FINAL = "final", "Final"


class Evaluasi(models.Model):
    """The SAKIP evaluation of one PD for one evaluated year (`tahun`, the LKjIP's year)."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="evaluasi_lke"
    )
    tahun = models.PositiveSmallIntegerField("tahun yang dinilai")
    template = models.ForeignKey(TemplateLke, on_delete=models.PROTECT, related_name="evaluasi")
    status = models.CharField(
        "status", max_length=10, choices=StatusEvaluasi.choices, default=StatusEvaluasi.MANDIRI
    )
    indikator_sakip = models.ForeignKey(
        Indikator,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="indikator Nilai Evaluasi SAKIP",
        help_text="Nilai akhir menjadi realisasi indikator ini pada tahun berikutnya.",
    )
    nilai_akhir = models.DecimalField(
        "nilai akhir", max_digits=9, decimal_places=4, null=True, blank=True
    )
    predikat = models.CharField("predikat", max_length=3, blank=True)
    nilai_mandiri = models.DecimalField(
        "nilai penilaian mandiri", max_digits=9, decimal_places=4, null=True, blank=True
    )
    rincian = models.JSONField("jejak perhitungan resmi", default=dict, blank=True)
    rincian_mandiri = models.JSONField("jejak perhitungan mandiri", default=dict, blank=True)
    bukti_beku = models.JSONField("bukti pada finalisasi", default=list, blank=True)
    alasan_konsistensi = models.TextField("alasan ketua tim atas aturan konsistensi", blank=True)
    pelanggaran_konsistensi = models.JSONField(default=list, blank=True)
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    difinalkan_pada = models.DateTimeField(null=True, blank=True)
    difinalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # LHE identity (printed on the report).
    nomor_lhe = models.CharField("nomor LHE", max_length=100, blank=True)
    tanggal_lhe = models.DateField("tanggal LHE", null=True, blank=True)
    tempat_lhe = models.CharField("tempat", max_length=100, blank=True)
    inspektur_nama = models.CharField("nama Inspektur", max_length=200, blank=True)
    inspektur_nip = models.CharField("NIP Inspektur", max_length=18, blank=True)
    inspektur_jabatan = models.CharField("jabatan", max_length=200, blank=True, default="Inspektur")
    ringkasan = models.TextField("simpulan umum", blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "evaluasi SAKIP (LKE)"
        verbose_name_plural = "evaluasi SAKIP (LKE)"
        ordering = ["perangkat_daerah", "-tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun"], name="lke_evaluasi_pd_tahun_unik"
            ),
            models.CheckConstraint(
                condition=~Q(status="final") | Q(nilai_akhir__isnull=False),
                name="lke_evaluasi_final_bernilai",
            ),
        ]

    def __str__(self) -> str:
        return f"Evaluasi SAKIP {self.tahun} — {self.perangkat_daerah}"

    @property
    def final(self) -> bool:
        return self.status == StatusEvaluasi.FINAL


class PeranTim(models.TextChoices):
    ANGGOTA = "anggota", "Anggota tim"
    KETUA = "ketua", "Ketua tim"


class AnggotaTim(models.Model):
    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="tim")
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    peran = models.CharField("peran", max_length=10, choices=PeranTim.choices)

    class Meta:
        verbose_name = "anggota tim evaluator"
        verbose_name_plural = "tim evaluator"
        constraints = [
            models.UniqueConstraint(fields=["evaluasi", "pengguna"], name="lke_tim_unik"),
            models.UniqueConstraint(
                fields=["evaluasi"], condition=Q(peran="ketua"), name="lke_tim_satu_ketua"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pengguna} ({self.get_peran_display()})"


class Jawaban(models.Model):
    """The answer of one stage to one criterion; the stages are kept side by side."""

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="jawaban")
    kriteria = models.ForeignKey(Kriteria, on_delete=models.PROTECT, related_name="+")
    tahap = models.CharField("tahap", max_length=10, choices=Tahap.choices)
    opsi = models.CharField("jawaban", max_length=5)
    nilai = _bobot("nilai")
    catatan = models.TextField("catatan", blank=True)
    alasan_beda = models.TextField("alasan jawaban berbeda", blank=True)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    pada = models.DateTimeField("pada")

    class Meta:
        verbose_name = "jawaban LKE"
        verbose_name_plural = "jawaban LKE"
        ordering = ["evaluasi", "kriteria", "tahap"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluasi", "kriteria", "tahap"], name="lke_jawaban_tahap_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kriteria.kode} {self.get_tahap_display()}: {self.opsi}"


class JenisBukti(models.TextChoices):
    BERKAS = "berkas", "Berkas"
    TAUTAN = "tautan", "Tautan"
    OBJEK = "objek", "Data di aplikasi"


def _lokasi_bukti(instance, filename: str) -> str:
    return f"lke/{instance.evaluasi.perangkat_daerah_id}/{instance.evaluasi.tahun}/{filename}"


class BuktiLke(models.Model):
    """Evidence for one criterion: a file, a link, or an object of the product pinned to the
    version that existed (`sidik_versi`: the PK's fingerprint, the edition's number and hash)."""

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="bukti")
    kriteria = models.ForeignKey(Kriteria, on_delete=models.PROTECT, related_name="+")
    jenis = models.CharField("jenis", max_length=10, choices=JenisBukti.choices)
    berkas = models.FileField("berkas", upload_to=_lokasi_bukti, blank=True, max_length=255)
    tautan = models.URLField("tautan", blank=True, max_length=500)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    objek = GenericForeignKey("content_type", "object_id")
    sidik_versi = models.CharField("versi yang dirujuk", max_length=200, blank=True)
    label = models.CharField("keterangan", max_length=300)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diunggah = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bukti dukung LKE"
        verbose_name_plural = "bukti dukung LKE"
        ordering = ["evaluasi", "kriteria", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(jenis="berkas", tautan="", object_id="") & ~Q(berkas="")
                    | Q(jenis="tautan", berkas="", object_id="") & ~Q(tautan="")
                    | Q(jenis="objek", berkas="", tautan="", content_type__isnull=False)
                    & ~Q(object_id="")
                    & ~Q(sidik_versi="")
                ),
                name="lke_bukti_satu_jenis",
            )
        ]

    def __str__(self) -> str:
        return self.label


class Temuan(models.Model):
    """A finding of the evaluator, per component (and optionally one criterion)."""

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="temuan")
    komponen_kode = models.CharField("komponen", max_length=10)
    kriteria = models.ForeignKey(
        Kriteria, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uraian = models.TextField("uraian temuan")
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "temuan"
        verbose_name_plural = "temuan"
        ordering = ["evaluasi", "komponen_kode", "id"]

    def __str__(self) -> str:
        return self.uraian[:80]


class Prioritas(models.TextChoices):
    TINGGI = "tinggi", "Tinggi"
    SEDANG = "sedang", "Sedang"
    RENDAH = "rendah", "Rendah"


class StatusRekomendasi(models.TextChoices):
    TERBUKA = "terbuka", "Belum ditindaklanjuti"
    DIAJUKAN = "diajukan", "Tindak lanjut diajukan"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
    SELESAI = "selesai", "Selesai"


class Rekomendasi(models.Model):
    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="rekomendasi")
    nomor = models.PositiveSmallIntegerField("nomor")
    temuan = models.ForeignKey(
        Temuan, on_delete=models.PROTECT, null=True, blank=True, related_name="rekomendasi"
    )
    kriteria = models.ForeignKey(
        Kriteria, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uraian = models.TextField("rekomendasi")
    prioritas = models.CharField(
        "prioritas", max_length=10, choices=Prioritas.choices, default=Prioritas.SEDANG
    )
    penanggung_jawab = models.CharField("penanggung jawab", max_length=200)
    batas_waktu = models.DateField("batas waktu")
    status = models.CharField(
        "status",
        max_length=15,
        choices=StatusRekomendasi.choices,
        default=StatusRekomendasi.TERBUKA,
    )
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "rekomendasi"
        verbose_name_plural = "rekomendasi"
        ordering = ["evaluasi", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluasi", "nomor"], name="lke_rekomendasi_nomor_unik"
            ),
            models.CheckConstraint(
                condition=Q(temuan__isnull=False) | Q(kriteria__isnull=False),
                name="lke_rekomendasi_terkait",
            ),
        ]

    def __str__(self) -> str:
        return f"Rekomendasi {self.nomor}: {self.uraian[:60]}"


class StatusTindakLanjut(models.TextChoices):
    DIAJUKAN = "diajukan", "Diajukan"
    DITERIMA = "diterima", "Diterima"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"


class TindakLanjut(models.Model):
    """The PD's report of follow-up on one recommendation, with evidence."""

    rekomendasi = models.ForeignKey(
        Rekomendasi, on_delete=models.CASCADE, related_name="tindak_lanjut"
    )
    uraian = models.TextField("uraian tindak lanjut")
    tautan_bukti = models.URLField("tautan bukti", blank=True, max_length=500)
    berkas_bukti = models.FileField(
        "berkas bukti", upload_to="lke/tindak-lanjut/", blank=True, max_length=255
    )
    status = models.CharField(
        "status",
        max_length=15,
        choices=StatusTindakLanjut.choices,
        default=StatusTindakLanjut.DIAJUKAN,
    )
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    diajukan_pada = models.DateTimeField()
    catatan_verifikator = models.TextField("catatan Inspektorat", blank=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    diverifikasi_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "tindak lanjut"
        verbose_name_plural = "tindak lanjut"
        ordering = ["rekomendasi", "diajukan_pada", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(tautan_bukti="") | ~Q(berkas_bukti=""),
                name="lke_tindak_lanjut_berbukti",
            )
        ]

    def __str__(self) -> str:
        return f"Tindak lanjut {self.rekomendasi_id} ({self.get_status_display()})"
