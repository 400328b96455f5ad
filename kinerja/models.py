"""Perjanjian Kinerja, rencana aksi, realisasi per triwulan and its evidence, and the reference
scales (Permendagri 86/2017 category, SAKIP predikat)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from common.workflow import Status
from renstra.models import (
    Indikator,
    Kegiatan,
    NilaiTargetMixin,
    Pejabat,
    PerangkatDaerah,
    Program,
    SubKegiatan,
    decimal_field,
)

PESAN_TRIWULAN = "Triwulan harus 1 sampai 4 (0 untuk nilai tahunan)."


StatusRealisasi = Status
"""The workflow state of a realisation (common.workflow, shared with budget realisations)."""


class RealisasiQuerySet(models.QuerySet):
    def for_pd(self, pd):
        return self.filter(indikator__perangkat_daerah=pd)

    def resmi(self):
        """Only approved values feed official reports."""
        return self.filter(status=StatusRealisasi.DISETUJUI)


class Realisasi(models.Model):
    """The realised value of an indicator for one quarter (1–4) or the year as reported (0).

    For a `kumulatif` indicator a quarter holds that quarter's own value; for `posisi_akhir`
    the position at the quarter's end. Triwulan 0 holds a yearly figure reported on its own
    (e.g. a survey index or an earlier year printed only as a total).
    """

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="realisasi")
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", help_text="1–4; 0 = nilai tahunan")
    nilai = decimal_field("nilai")
    predikat = models.CharField("predikat", max_length=10, blank=True)
    pembilang = decimal_field("pembilang")
    penyebut = decimal_field("penyebut")
    faktor_pendorong = models.TextField("faktor pendorong", blank=True)
    faktor_penghambat = models.TextField("faktor penghambat", blank=True)
    tindak_lanjut = models.TextField("upaya / tindak lanjut", blank=True)
    penjelasan = models.TextField(
        "penjelasan capaian", blank=True, help_text="Wajib bila capaian > 150% atau < 10%."
    )
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
    versi = models.PositiveIntegerField(
        "versi", default=1, help_text="Untuk deteksi suntingan bersamaan."
    )
    dibuat = models.DateTimeField(auto_now_add=True)
    diubah = models.DateTimeField(auto_now=True)

    objects = RealisasiQuerySet.as_manager()

    class Meta:
        verbose_name = "realisasi"
        verbose_name_plural = "realisasi"
        ordering = ["indikator", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"], name="kinerja_realisasi_unik"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=0, triwulan__lte=4),
                name="kinerja_realisasi_triwulan_0_4",
                violation_error_message=PESAN_TRIWULAN,
            ),
            models.CheckConstraint(
                condition=Q(penyebut__isnull=True) | ~Q(penyebut=0),
                name="kinerja_realisasi_penyebut_bukan_nol",
            ),
        ]

    def __str__(self) -> str:
        label = "Tahunan" if self.triwulan == 0 else f"TW {self.triwulan}"
        return f"{self.indikator.kode} {self.tahun} {label}"

    def nilai_masukan(self):
        return self.predikat or self.nilai


def _lokasi_bukti(instance, filename: str) -> str:
    # The stored name is generated (see kinerja.services); the original name is kept in a field.
    return f"bukti/{instance.realisasi.indikator.perangkat_daerah_id}/{filename}"


class Bukti(models.Model):
    """Evidence (bukti dukung) for a realisation: an uploaded file or a link."""

    realisasi = models.ForeignKey(Realisasi, on_delete=models.CASCADE, related_name="bukti")
    berkas = models.FileField("berkas", upload_to=_lokasi_bukti, blank=True, max_length=255)
    nama_asli = models.CharField("nama berkas asli", max_length=255, blank=True)
    jenis_konten = models.CharField("jenis konten", max_length=100, blank=True)
    ukuran = models.PositiveBigIntegerField("ukuran (byte)", null=True, blank=True)
    tautan = models.URLField("tautan", blank=True, max_length=500)
    keterangan = models.CharField("keterangan", max_length=300, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diunggah = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bukti dukung"
        verbose_name_plural = "bukti dukung"
        ordering = ["realisasi", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(berkas="") | ~Q(tautan=""), name="kinerja_bukti_berkas_atau_tautan"
            )
        ]

    def __str__(self) -> str:
        return self.nama_asli or self.tautan


class RencanaAksi(models.Model):
    """For one indicator and year: the quarters it is worked on and what is done."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="rencana_aksi")
    tahun = models.PositiveSmallIntegerField("tahun")
    tw1 = models.BooleanField("TW I", default=False)
    tw2 = models.BooleanField("TW II", default=False)
    tw3 = models.BooleanField("TW III", default=False)
    tw4 = models.BooleanField("TW IV", default=False)
    uraian = models.TextField("rencana aksi", blank=True)

    class Meta:
        verbose_name = "rencana aksi"
        verbose_name_plural = "rencana aksi"
        ordering = ["indikator", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="kinerja_rencanaaksi_unik")
        ]

    def __str__(self) -> str:
        return f"Rencana aksi {self.indikator.kode} {self.tahun}"

    @property
    def triwulan(self) -> list[bool]:
        return [self.tw1, self.tw2, self.tw3, self.tw4]


class VersiPK(models.TextChoices):
    MURNI = "murni", "Murni"
    PERUBAHAN = "perubahan", "Perubahan"


class StatusPK(models.TextChoices):
    DRAFT = "draft", "Draft"
    DITANDATANGANI_PIHAK_PERTAMA = "pihak_pertama", "Ditandatangani pihak pertama"
    DITANDATANGANI = "ditandatangani", "Ditandatangani"


class AlasanPerubahanPK(models.TextChoices):
    PEJABAT = "pejabat", "Terjadi pergantian pejabat"
    STRATEGI = "strategi", "Perubahan strategi, program, kegiatan atau anggaran"
    PRIORITAS = "prioritas", "Perubahan prioritas atau asumsi"


class PerjanjianKinerjaQuerySet(models.QuerySet):
    def for_pd(self, pd):
        return self.filter(perangkat_daerah=pd)


class PerjanjianKinerja(models.Model):
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="perjanjian_kinerja"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    versi = models.CharField("versi", max_length=10, choices=VersiPK.choices, default=VersiPK.MURNI)
    nomor_versi = models.PositiveSmallIntegerField("nomor versi", default=1)
    menggantikan = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="diganti_oleh"
    )
    alasan_perubahan = models.CharField(
        "alasan perubahan", max_length=10, choices=AlasanPerubahanPK.choices, blank=True
    )
    uraian_perubahan = models.TextField("uraian perubahan", blank=True)
    pihak_pertama = models.ForeignKey(
        Pejabat, on_delete=models.PROTECT, null=True, blank=True, related_name="pk_pihak_pertama"
    )
    pihak_pertama_jabatan = models.CharField("jabatan pihak pertama", max_length=300, blank=True)
    pihak_kedua = models.ForeignKey(
        Pejabat, on_delete=models.PROTECT, null=True, blank=True, related_name="pk_pihak_kedua"
    )
    pihak_kedua_nama = models.CharField("nama pihak kedua", max_length=200, blank=True)
    pihak_kedua_jabatan = models.CharField("jabatan pihak kedua", max_length=300, blank=True)
    pihak_kedua_nip = models.CharField("NIP pihak kedua", max_length=18, blank=True)
    tempat = models.CharField("tempat", max_length=100, blank=True)
    tanggal = models.DateField("tanggal", null=True, blank=True)
    tanggal_hanya_bulan = models.BooleanField(
        "hanya bulan yang dicetak", default=False, help_text="Dokumen mencetak 'Januari 2024'."
    )
    total_tercetak = decimal_field("total anggaran tercetak")
    status = models.CharField(
        "status", max_length=15, choices=StatusPK.choices, default=StatusPK.DRAFT
    )
    sidik_jari = models.CharField("sidik jari SHA-256", max_length=64, blank=True, db_index=True)
    ditandatangani_pihak_pertama_pada = models.DateTimeField(null=True, blank=True)
    ditandatangani_pihak_pertama_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ditandatangani_pihak_kedua_pada = models.DateTimeField(null=True, blank=True)
    ditandatangani_pihak_kedua_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    isi_kanonik = models.TextField(
        "isi yang ditandatangani (bentuk kanonik)",
        blank=True,
        editable=False,
        help_text="Teks persis yang di-hash: isi PK beku, tidak ikut berubah bila data pejabat "
        "atau rencana dikoreksi kemudian.",
    )
    pindaian_bertanda_tangan = models.FileField(
        "pindaian halaman bertanda tangan", upload_to="pk/", blank=True
    )
    dibuat = models.DateTimeField(auto_now_add=True)

    objects = PerjanjianKinerjaQuerySet.as_manager()

    class Meta:
        verbose_name = "perjanjian kinerja"
        verbose_name_plural = "perjanjian kinerja"
        ordering = ["perangkat_daerah", "tahun", "id"]
        constraints = [
            # A PK Perubahan imported from a report may lack its murni version, so only
            # the converse is enforced: a murni PK replaces nothing.
            models.CheckConstraint(
                condition=~Q(versi="murni", menggantikan__isnull=False),
                name="kinerja_pk_murni_tidak_menggantikan",
            ),
            models.CheckConstraint(
                condition=~Q(status="ditandatangani") | (~Q(sidik_jari="") & ~Q(isi_kanonik="")),
                name="kinerja_pk_ditandatangani_bersidik",
            ),
            models.UniqueConstraint(
                fields=["sidik_jari"],
                condition=~Q(sidik_jari=""),
                name="kinerja_pk_sidik_jari_unik",
            ),
        ]

    def __str__(self) -> str:
        pihak = self.pihak_pertama or self.pihak_pertama_jabatan
        return f"PK {self.get_versi_display()} {self.tahun} — {pihak}"


class PKIndikator(NilaiTargetMixin):
    """A row of the PK annex: sasaran, indikator, target (and the target before a revision)."""

    perjanjian = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="indikator"
    )
    urutan = models.PositiveIntegerField("urutan", default=0)
    sasaran_uraian = models.TextField("sasaran", blank=True)
    indikator = models.ForeignKey(
        Indikator, on_delete=models.PROTECT, null=True, blank=True, related_name="pk_indikator"
    )
    uraian = models.TextField("indikator kinerja")
    satuan = models.CharField("satuan", max_length=50, blank=True)
    target_sebelum = decimal_field("target sebelum perubahan")
    target_sebelum_predikat = models.CharField(
        "predikat sebelum perubahan", max_length=10, blank=True
    )
    indikator_atasan = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="indikator_bawahan"
    )
    alasan_selisih = models.TextField("alasan target berbeda dari Renja/Renstra", blank=True)

    class Meta:
        verbose_name = "indikator PK"
        verbose_name_plural = "indikator PK"
        ordering = ["perjanjian", "urutan", "id"]

    def __str__(self) -> str:
        return self.uraian


class TingkatAnggaran(models.TextChoices):
    PROGRAM = "program", "Program"
    KEGIATAN = "kegiatan", "Kegiatan"
    SUB_KEGIATAN = "sub_kegiatan", "Sub-kegiatan"


class PKAnggaran(models.Model):
    perjanjian = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="anggaran"
    )
    urutan = models.PositiveIntegerField("urutan", default=0)
    tingkat = models.CharField("tingkat", max_length=15, choices=TingkatAnggaran.choices)
    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kode = models.CharField("kode", max_length=50, blank=True)
    nama = models.TextField("nama")
    jumlah = decimal_field("jumlah anggaran")

    class Meta:
        verbose_name = "anggaran PK"
        verbose_name_plural = "anggaran PK"
        ordering = ["perjanjian", "urutan", "id"]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}".strip()


class SkalaKategori(models.Model):
    """A versioned capaian scale (Permendagri 86/2017 by default; labels editable)."""

    nama = models.CharField("nama", max_length=200, unique=True)
    dasar_hukum = models.CharField("dasar hukum", max_length=200, blank=True)
    berlaku_mulai = models.PositiveSmallIntegerField("berlaku mulai tahun", default=2017)
    bawaan = models.BooleanField("skala bawaan", default=False)

    class Meta:
        verbose_name = "skala kategori capaian"
        verbose_name_plural = "skala kategori capaian"
        constraints = [
            models.UniqueConstraint(
                fields=["bawaan"], condition=Q(bawaan=True), name="kinerja_skala_satu_bawaan"
            )
        ]

    def __str__(self) -> str:
        return self.nama


class PitaKategori(models.Model):
    skala = models.ForeignKey(SkalaKategori, on_delete=models.CASCADE, related_name="pita")
    urutan = models.CharField("urutan", max_length=5)
    batas_bawah = decimal_field("batas bawah (≥)")
    label = models.CharField("kategori", max_length=50)
    warna_nama = models.CharField("kode warna", max_length=50)
    warna_hex = models.CharField("warna (hex)", max_length=7)

    class Meta:
        verbose_name = "pita kategori"
        verbose_name_plural = "pita kategori"
        ordering = ["skala", "-batas_bawah"]
        constraints = [
            models.UniqueConstraint(fields=["skala", "urutan"], name="kinerja_pita_urutan_unik")
        ]

    def __str__(self) -> str:
        return f"{self.urutan} {self.label}"


class PredikatSakip(models.Model):
    """PermenPANRB 88/2021 predikat scale; lower bounds are exclusive (90,00 is A)."""

    kode = models.CharField("predikat", max_length=3, unique=True)
    batas_bawah = decimal_field("batas bawah (>)")
    batas_atas = decimal_field("batas atas (≤)")
    label = models.CharField("sebutan", max_length=50)

    class Meta:
        verbose_name = "predikat SAKIP"
        verbose_name_plural = "predikat SAKIP"
        ordering = ["-batas_atas"]

    def __str__(self) -> str:
        return f"{self.kode} ({self.label})"


class EvaluasiSakip(models.Model):
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="evaluasi_sakip"
    )
    tahun_dinilai = models.PositiveSmallIntegerField("tahun yang dinilai", null=True, blank=True)
    nilai = decimal_field("nilai")
    predikat = models.CharField("predikat", max_length=3, blank=True)
    evaluator = models.CharField("evaluator", max_length=200, blank=True)

    class Meta:
        verbose_name = "hasil evaluasi SAKIP"
        verbose_name_plural = "hasil evaluasi SAKIP"
        ordering = ["perangkat_daerah", "-tahun_dinilai"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun_dinilai"], name="kinerja_evaluasisakip_unik"
            )
        ]

    def __str__(self) -> str:
        return f"Evaluasi SAKIP {self.tahun_dinilai}: {self.nilai} ({self.predikat})"


class AnalisisProgram(models.Model):
    """The four text rows under a program in the Formulir Evaluasi Hasil Renja, per quarter.

    When absent, the form compiles the texts from the program's indicator realisations.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="analisis")
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan")
    faktor_pendorong = models.TextField("faktor pendorong keberhasilan", blank=True)
    faktor_penghambat = models.TextField("faktor penghambat", blank=True)
    tindak_lanjut_triwulan = models.TextField(
        "tindak lanjut yang diperlukan dalam triwulan berikutnya", blank=True
    )
    tindak_lanjut_renja = models.TextField(
        "tindak lanjut yang diperlukan dalam Renja berikutnya", blank=True
    )

    class Meta:
        verbose_name = "analisis program"
        verbose_name_plural = "analisis program"
        ordering = ["program", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "tahun", "triwulan"], name="kinerja_analisisprogram_unik"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4),
                name="kinerja_analisisprogram_triwulan_1_4",
            ),
        ]

    def __str__(self) -> str:
        return f"Analisis {self.program.kode} {self.tahun} TW {self.triwulan}"
