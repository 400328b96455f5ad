"""Report editions, their kept PDFs, the editable narrative and the Inspektorat review.

A report (`Laporan`) of a PD, kind and year is always rendered live from the data as a draft
(watermark "DRAFT"). When the head of the PD approves it, an `Edisi` is frozen: the rendered HTML,
a JSON snapshot of every number and the narrative as of that moment. Later data changes do not
touch a frozen edition; a new approval makes the next edition. PDFs are produced once per
edition (or per distinct draft HTML) and kept (`Cetakan`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from renstra.models import PerangkatDaerah

PESAN_TRIWULAN_LAPORAN = "Triwulan harus 0 (tahunan) sampai 4."


class JenisLaporan(models.TextChoices):
    LKJIP = "lkjip", "LKjIP"
    TRIWULAN = "triwulan", "Laporan Kinerja Triwulan"
    EVALUASI_RENJA = "evaluasi-renja", "Formulir Evaluasi Hasil Renja"
    RENCANA_AKSI = "rencana-aksi", "Rencana Aksi"


JENIS_TRIWULANAN = (JenisLaporan.TRIWULAN, JenisLaporan.EVALUASI_RENJA)
"""Kinds that exist once per quarter; the others once per year (triwulan 0)."""


class Laporan(models.Model):
    """One report of a PD: kind, year and (for quarterly kinds) quarter."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="laporan"
    )
    jenis = models.CharField("jenis", max_length=20, choices=JenisLaporan.choices)
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField(
        "triwulan", default=0, help_text="1–4 untuk laporan triwulanan; 0 untuk tahunan."
    )
    tanggal = models.DateField(
        "tanggal penandatanganan",
        null=True,
        blank=True,
        help_text=(
            "Tanggal yang dicetak di bawah tanda tangan; kosong = tanggal dari data perangkat "
            "daerah (dataset), atau tanggal persetujuan edisi."
        ),
    )
    dibuat = models.DateTimeField(auto_now_add=True)
    diubah = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "laporan"
        verbose_name_plural = "laporan"
        ordering = ["perangkat_daerah", "-tahun", "jenis", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "jenis", "tahun", "triwulan"],
                name="laporan_laporan_unik",
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=0, triwulan__lte=4),
                name="laporan_laporan_triwulan_0_4",
                violation_error_message=PESAN_TRIWULAN_LAPORAN,
            ),
        ]

    def __str__(self) -> str:
        tw = f" TW {self.triwulan}" if self.triwulan else ""
        return f"{self.get_jenis_display()} {self.tahun}{tw} — {self.perangkat_daerah}"

    @property
    def triwulan_efektif(self) -> int:
        """The quarter the numbers are measured up to (4 for the annual kinds)."""
        return self.triwulan or 4


class BagianNarasi(models.Model):
    """An editable narrative part of a report (kata pengantar, analyses, kesimpulan …).

    `teks` is plain text: blank lines separate paragraphs, lines starting with "- " or "1. " are
    list items, and `{{capaian:S1.I1}}`-style placeholders are filled from the data at render
    time (laporan.narasi).
    """

    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="narasi")
    kunci = models.CharField("kunci", max_length=120)
    teks = models.TextField("teks", blank=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diubah = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "bagian narasi"
        verbose_name_plural = "bagian narasi"
        ordering = ["laporan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["laporan", "kunci"], name="laporan_narasi_kunci_unik")
        ]

    def __str__(self) -> str:
        return f"{self.laporan} — {self.kunci}"


class Edisi(models.Model):
    """A frozen, approved edition: HTML, numbers and narrative as of the approval."""

    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="edisi")
    nomor = models.PositiveSmallIntegerField("nomor edisi")
    html = models.TextField("HTML tercetak")
    angka = models.JSONField("cuplikan angka", default=dict, blank=True)
    narasi = models.JSONField("narasi", default=dict, blank=True)
    sidik = models.CharField("sidik jari SHA-256 HTML", max_length=64)
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    disetujui_pada = models.DateTimeField("disetujui pada")
    catatan = models.TextField("catatan persetujuan", blank=True)

    class Meta:
        verbose_name = "edisi laporan"
        verbose_name_plural = "edisi laporan"
        ordering = ["laporan", "-nomor"]
        constraints = [
            models.UniqueConstraint(fields=["laporan", "nomor"], name="laporan_edisi_nomor_unik")
        ]

    def __str__(self) -> str:
        return f"{self.laporan} — edisi {self.nomor}"


class StatusCetakan(models.TextChoices):
    PROSES = "proses", "Sedang dibuat"
    SELESAI = "selesai", "Selesai"
    GAGAL = "gagal", "Gagal"


def kunci_cetakan(laporan_id: int, edisi_id: int | None, sidik: str) -> str:
    """The idempotent job key of a kept PDF: report, edition (or draft) and HTML fingerprint."""
    return f"{laporan_id}/{edisi_id or 'draf'}/{sidik}"


class Cetakan(models.Model):
    """A kept PDF of one edition (or of one distinct draft HTML when `edisi` is empty), and
    the job that renders it on the task queue (`laporan.tasks.buat_pdf`).

    `kunci` is the job key: a second request for the same edition finds this row and joins
    the job instead of starting another. `tugas_id` is the id of the one queued task allowed
    to render it (a redelivery after a lost worker carries the same id); `percobaan` counts
    the renders started. The file lives in Django's storage API (`default_storage`).
    """

    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="cetakan")
    edisi = models.ForeignKey(
        Edisi, on_delete=models.CASCADE, null=True, blank=True, related_name="cetakan"
    )
    sidik = models.CharField("sidik jari SHA-256 HTML", max_length=64, db_index=True)
    kunci = models.CharField("kunci tugas", max_length=120, unique=True)
    tugas_id = models.CharField("id tugas antrean", max_length=64, blank=True)
    percobaan = models.PositiveSmallIntegerField("jumlah percobaan", default=0)
    diantrekan = models.DateTimeField("masuk antrean", null=True, blank=True)
    dikerjakan = models.DateTimeField("mulai dikerjakan", null=True, blank=True)
    berkas = models.FileField("berkas PDF", upload_to="laporan/", blank=True, max_length=255)
    status = models.CharField(
        "status", max_length=10, choices=StatusCetakan.choices, default=StatusCetakan.PROSES
    )
    pesan = models.TextField("pesan galat", blank=True)
    ukuran = models.PositiveBigIntegerField("ukuran (byte)", null=True, blank=True)
    durasi_ms = models.PositiveIntegerField("lama pembuatan (ms)", null=True, blank=True)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dibuat = models.DateTimeField(auto_now_add=True)
    selesai = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "cetakan PDF"
        verbose_name_plural = "cetakan PDF"
        ordering = ["-dibuat"]
        constraints = [
            models.UniqueConstraint(
                fields=["laporan", "edisi", "sidik"], name="laporan_cetakan_sidik_unik"
            )
        ]

    def __str__(self) -> str:
        asal = f"edisi {self.edisi.nomor}" if self.edisi_id else "draft"
        return f"PDF {self.laporan} ({asal}, {self.get_status_display()})"


class PenugasanReviu(models.Model):
    """The PD and years an Inspektorat reviewer is assigned to review."""

    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="penugasan_reviu"
    )
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="penugasan_reviu"
    )
    tahun = models.PositiveSmallIntegerField("tahun")

    class Meta:
        verbose_name = "penugasan reviu"
        verbose_name_plural = "penugasan reviu"
        ordering = ["reviewer", "perangkat_daerah", "-tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["reviewer", "perangkat_daerah", "tahun"], name="laporan_penugasan_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} — {self.perangkat_daerah} {self.tahun}"


class StatusCatatan(models.TextChoices):
    TERBUKA = "terbuka", "Terbuka"
    DIJAWAB = "dijawab", "Dijawab"
    DITUTUP = "ditutup", "Ditutup"


class CatatanReviu(models.Model):
    """A review note anchored to a chapter, table row or indicator of a report.

    `jangkar` is a stable id of the HTML (e.g. "bab-3", "pengukuran-S1.I1"); the same ids are
    produced for the live draft and every edition, so a note stays attached across editions.
    """

    laporan = models.ForeignKey(Laporan, on_delete=models.CASCADE, related_name="catatan_reviu")
    edisi = models.ForeignKey(
        Edisi, on_delete=models.SET_NULL, null=True, blank=True, related_name="catatan_reviu"
    )
    jangkar = models.CharField("jangkar", max_length=200)
    jangkar_label = models.CharField("letak", max_length=300, blank=True)
    teks = models.TextField("catatan")
    status = models.CharField(
        "status", max_length=10, choices=StatusCatatan.choices, default=StatusCatatan.TERBUKA
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat = models.DateTimeField(auto_now_add=True)
    diubah = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "catatan reviu"
        verbose_name_plural = "catatan reviu"
        ordering = ["laporan", "dibuat", "id"]

    def __str__(self) -> str:
        return f"Catatan {self.jangkar_label or self.jangkar} ({self.get_status_display()})"


class TanggapanReviu(models.Model):
    """One message of a note's thread: the PD's answer or the reviewer's follow-up."""

    catatan = models.ForeignKey(CatatanReviu, on_delete=models.CASCADE, related_name="tanggapan")
    penulis = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dari_reviewer = models.BooleanField("dari reviewer", default=False)
    teks = models.TextField("tanggapan")
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tanggapan reviu"
        verbose_name_plural = "tanggapan reviu"
        ordering = ["catatan", "dibuat", "id"]

    def __str__(self) -> str:
        return f"Tanggapan atas {self.catatan_id}"


class PernyataanReviu(models.Model):
    """The "Pernyataan Telah Direviu" page issued by the reviewer once every note is closed."""

    laporan = models.OneToOneField(
        Laporan, on_delete=models.CASCADE, related_name="pernyataan_reviu"
    )
    edisi = models.ForeignKey(
        Edisi, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    nama = models.CharField("nama reviewer", max_length=200)
    nip = models.CharField("NIP", max_length=18, blank=True)
    jabatan = models.CharField("jabatan", max_length=300, blank=True)
    tempat = models.CharField("tempat", max_length=100, blank=True)
    tanggal = models.DateField("tanggal")
    diterbitkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    diterbitkan = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "pernyataan telah direviu"
        verbose_name_plural = "pernyataan telah direviu"
        constraints = [
            models.CheckConstraint(
                condition=Q(nip="") | Q(nip__regex=r"^[0-9]{18}$"),
                name="laporan_pernyataan_nip_18_digit",
            )
        ]

    def __str__(self) -> str:
        return f"Pernyataan telah direviu — {self.laporan}"


class JenisPublikasi(models.TextChoices):
    LKJIP = "lkjip", "LKjIP"
    PK = "pk", "Perjanjian Kinerja"


class Publikasi(models.Model):
    """A document on the public page (laporan.publikasi): a frozen LKjIP edition or a signed
    PK, with who published it and when; unpublishing keeps the row (and the audit log)."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="publikasi"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    jenis = models.CharField("jenis", max_length=10, choices=JenisPublikasi.choices)
    edisi = models.ForeignKey(
        Edisi, on_delete=models.PROTECT, null=True, blank=True, related_name="publikasi"
    )
    perjanjian = models.ForeignKey(
        "kinerja.PerjanjianKinerja",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publikasi",
    )
    sidik = models.CharField("sidik jari dokumen yang diterbitkan", max_length=64)
    judul = models.CharField("judul", max_length=300)
    aktif = models.BooleanField("tampil di halaman publik", default=True)
    dipublikasikan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dipublikasikan_pada = models.DateTimeField("dipublikasikan pada")
    dibatalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dibatalkan_pada = models.DateTimeField("dibatalkan pada", null=True, blank=True)
    alasan_batal = models.TextField("alasan pembatalan", blank=True)

    class Meta:
        verbose_name = "publikasi"
        verbose_name_plural = "publikasi"
        ordering = ["perangkat_daerah", "-tahun", "jenis", "-dipublikasikan_pada"]
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis="lkjip", edisi__isnull=False, perjanjian__isnull=True)
                | Q(jenis="pk", edisi__isnull=True, perjanjian__isnull=False),
                name="laporan_publikasi_satu_dokumen",
            ),
            models.UniqueConstraint(
                fields=["edisi"], condition=Q(aktif=True), name="laporan_publikasi_edisi_aktif"
            ),
            models.UniqueConstraint(
                fields=["perjanjian"],
                condition=Q(aktif=True),
                name="laporan_publikasi_pk_aktif",
            ),
        ]

    def __str__(self) -> str:
        return self.judul
