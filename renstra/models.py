"""The plan: organisation, RPJMD, Renstra period, tujuan, sasaran, indikator, program tree,
targets per year.

Measured values are Decimal; "no data" is NULL, never 0. Every invariant that the database
can hold is a named constraint.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from common.forms import DIGITS, PLACES
from common.scoping import pd_ids_for_user

from .kode import kode_memperluas, normalisasi_kode

PESAN_KODE_SUB_KEGIATAN = "Kode sub-kegiatan {anak} tidak diawali kode kegiatannya {induk}."
PESAN_KODE_KEGIATAN = "Kode kegiatan {anak} tidak diawali kode programnya {induk}."
PESAN_PERIODE = "Tahun akhir periode harus setelah tahun awal."
PESAN_INDIKATOR_SATU_INDUK = (
    "Indikator harus melekat pada tepat satu tingkat: tujuan, sasaran, program, kegiatan "
    "atau sub-kegiatan."
)


def decimal_field(verbose_name: str, **kwargs) -> models.DecimalField:
    kwargs.setdefault("null", True)
    kwargs.setdefault("blank", True)
    return models.DecimalField(verbose_name, max_digits=DIGITS, decimal_places=PLACES, **kwargs)


class JenisPemda(models.TextChoices):
    PROVINSI = "provinsi", "Provinsi"
    KABUPATEN = "kabupaten", "Kabupaten"
    KOTA = "kota", "Kota"


class PemerintahDaerah(models.Model):
    nama = models.CharField("nama", max_length=200, unique=True)
    jenis = models.CharField("jenis", max_length=10, choices=JenisPemda.choices)
    kepala_daerah_nama = models.CharField("nama kepala daerah", max_length=200, blank=True)
    kepala_daerah_jabatan = models.CharField("jabatan kepala daerah", max_length=200, blank=True)

    class Meta:
        verbose_name = "pemerintah daerah"
        verbose_name_plural = "pemerintah daerah"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class BatasRataRata(models.IntegerChoices):
    """Cap applied to each capaian *for averaging only* (DOMAIN.md §5.1)."""

    TANPA = 0, "Tanpa batas"
    SERATUS = 100, "100%"
    SERATUS_DUAPULUH = 120, "120%"
    SERATUS_LIMAPULUH = 150, "150%"


class PerangkatDaerahQuerySet(models.QuerySet):
    def for_user(self, user):
        ids = pd_ids_for_user(user)
        return self if ids is None else self.filter(pk__in=ids)


class PerangkatDaerah(models.Model):
    pemda = models.ForeignKey(
        PemerintahDaerah, on_delete=models.PROTECT, related_name="perangkat_daerah"
    )
    slug = models.SlugField("kode (slug)", max_length=80, unique=True)
    nama = models.CharField("nama", max_length=255)
    singkatan = models.CharField("singkatan", max_length=50, blank=True)
    alamat = models.TextField("alamat", blank=True)
    telepon = models.CharField("telepon", max_length=100, blank=True)
    email = models.CharField("email", max_length=200, blank=True)
    kota_ttd = models.CharField("tempat penandatanganan", max_length=100, blank=True)
    logo = models.ImageField("logo", upload_to="logo/", blank=True)
    batas_capaian_rata_rata = models.PositiveSmallIntegerField(
        "batas capaian untuk rata-rata",
        choices=BatasRataRata.choices,
        default=BatasRataRata.TANPA,
        help_text=(
            "Batas atas capaian tiap indikator saat dirata-rata; nilai tersimpan tidak dibatasi."
        ),
    )

    objects = PerangkatDaerahQuerySet.as_manager()

    class Meta:
        verbose_name = "perangkat daerah"
        verbose_name_plural = "perangkat daerah"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama

    @property
    def tingkat(self) -> str:
        return self.pemda.jenis


class UnitKerja(models.Model):
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="unit_kerja"
    )
    kode = models.SlugField("kode", max_length=80)
    nama = models.CharField("nama", max_length=255)
    induk = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="anak"
    )

    class Meta:
        verbose_name = "unit kerja"
        verbose_name_plural = "unit kerja"
        ordering = ["perangkat_daerah", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "kode"], name="renstra_unitkerja_kode_unik"
            )
        ]

    def __str__(self) -> str:
        return self.nama


class Eselon(models.TextChoices):
    II = "II", "Eselon II"
    III = "III", "Eselon III"
    IV = "IV", "Eselon IV"
    JF = "JF", "Jabatan Fungsional"
    LAIN = "lain", "Lainnya"


class StatusJabatan(models.TextChoices):
    DEFINITIF = "", "Definitif"
    PLT = "Plt.", "Pelaksana Tugas (Plt.)"
    PLH = "Plh.", "Pelaksana Harian (Plh.)"


class Pejabat(models.Model):
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="pejabat"
    )
    nip = models.CharField("NIP", max_length=18, null=True, blank=True)
    nama = models.CharField("nama", max_length=200, blank=True)
    pangkat = models.CharField("pangkat", max_length=100, blank=True)
    golongan = models.CharField("golongan", max_length=10, blank=True)
    jabatan = models.CharField("jabatan", max_length=300)
    eselon = models.CharField("eselon", max_length=5, choices=Eselon.choices, blank=True)
    unit_kerja = models.ForeignKey(
        UnitKerja, on_delete=models.SET_NULL, null=True, blank=True, related_name="pejabat"
    )
    status_jabatan = models.CharField(
        "status jabatan", max_length=5, choices=StatusJabatan.choices, blank=True, default=""
    )
    aktif = models.BooleanField("aktif", default=True)

    class Meta:
        verbose_name = "pejabat"
        verbose_name_plural = "pejabat"
        ordering = ["perangkat_daerah", "eselon", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["nip"], condition=Q(nip__isnull=False), name="renstra_pejabat_nip_unik"
            ),
            models.UniqueConstraint(
                fields=["perangkat_daerah", "jabatan"],
                condition=Q(nip__isnull=True),
                name="renstra_pejabat_jabatan_tanpa_nip_unik",
            ),
            models.CheckConstraint(
                condition=Q(nip__isnull=True) | Q(nip__regex=r"^[0-9]{18}$"),
                name="renstra_pejabat_nip_18_digit",
            ),
        ]

    def __str__(self) -> str:
        return self.nama or self.jabatan

    @property
    def jabatan_cetak(self) -> str:
        """The position as printed under a signature: acting officials carry Plt./Plh."""
        return f"{self.status_jabatan} {self.jabatan}".strip()

    @property
    def pangkat_golongan(self) -> str:
        return " / ".join(p for p in (self.pangkat, self.golongan) if p)


class Rpjmd(models.Model):
    pemda = models.ForeignKey(PemerintahDaerah, on_delete=models.CASCADE, related_name="rpjmd")
    # Null when the report publishes no RPJMD period (validation lists it, nothing is guessed).
    tahun_awal = models.PositiveSmallIntegerField("tahun awal", null=True, blank=True)
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir", null=True, blank=True)
    visi = models.TextField("visi", blank=True)

    class Meta:
        verbose_name = "RPJMD"
        verbose_name_plural = "RPJMD"
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "tahun_awal"], name="renstra_rpjmd_periode_unik"
            ),
            models.CheckConstraint(
                condition=Q(tahun_akhir__gt=models.F("tahun_awal")),
                name="renstra_rpjmd_akhir_setelah_awal",
                violation_error_message=PESAN_PERIODE,
            ),
        ]

    def __str__(self) -> str:
        if self.tahun_awal is None:
            return f"RPJMD {self.pemda} (periode tidak tercatat)"
        return f"RPJMD {self.pemda} {self.tahun_awal}–{self.tahun_akhir}"


class Misi(models.Model):
    rpjmd = models.ForeignKey(Rpjmd, on_delete=models.CASCADE, related_name="misi")
    nomor = models.PositiveSmallIntegerField("nomor")
    uraian = models.TextField("uraian", blank=True)

    class Meta:
        verbose_name = "misi"
        verbose_name_plural = "misi"
        ordering = ["rpjmd", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["rpjmd", "nomor"], name="renstra_misi_nomor_unik")
        ]

    def __str__(self) -> str:
        return f"Misi {self.nomor}: {self.uraian[:60]}"


class PeriodeRenstra(models.Model):
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="renstra"
    )
    rpjmd = models.ForeignKey(
        Rpjmd, on_delete=models.SET_NULL, null=True, blank=True, related_name="renstra"
    )
    tahun_awal = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")

    class Meta:
        verbose_name = "periode Renstra"
        verbose_name_plural = "periode Renstra"
        ordering = ["perangkat_daerah", "-tahun_awal"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun_awal"], name="renstra_periode_unik"
            ),
            models.CheckConstraint(
                condition=Q(tahun_akhir__gt=models.F("tahun_awal")),
                name="renstra_periode_akhir_setelah_awal",
                violation_error_message=PESAN_PERIODE,
            ),
        ]

    def __str__(self) -> str:
        nama = self.perangkat_daerah.singkatan or self.perangkat_daerah
        return f"Renstra {nama} {self.tahun_awal}–{self.tahun_akhir}"

    def mencakup(self, tahun: int) -> bool:
        return self.tahun_awal <= tahun <= self.tahun_akhir


class Tujuan(models.Model):
    renstra = models.ForeignKey(PeriodeRenstra, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.CharField("kode", max_length=50)
    uraian = models.TextField("uraian")
    misi = models.ForeignKey(
        Misi, on_delete=models.SET_NULL, null=True, blank=True, related_name="tujuan"
    )
    urutan = models.PositiveIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["renstra", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "kode"], name="renstra_tujuan_kode_unik")
        ]

    def __str__(self) -> str:
        return self.uraian


class Sasaran(models.Model):
    renstra = models.ForeignKey(PeriodeRenstra, on_delete=models.CASCADE, related_name="sasaran")
    tujuan = models.ForeignKey(
        Tujuan, on_delete=models.SET_NULL, null=True, blank=True, related_name="sasaran"
    )
    kode = models.CharField("kode", max_length=50)
    uraian = models.TextField("uraian")
    urutan = models.PositiveIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "sasaran strategis"
        verbose_name_plural = "sasaran strategis"
        ordering = ["renstra", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "kode"], name="renstra_sasaran_kode_unik")
        ]

    def __str__(self) -> str:
        return self.uraian


class Program(models.Model):
    renstra = models.ForeignKey(PeriodeRenstra, on_delete=models.CASCADE, related_name="program")
    kode = models.CharField("kode", max_length=50, help_text="Kode Kepmendagri, mis. 8.01.02")
    nama = models.TextField("nama")
    unit_kerja = models.ForeignKey(
        UnitKerja, on_delete=models.SET_NULL, null=True, blank=True, related_name="program"
    )
    sasaran = models.ManyToManyField(Sasaran, blank=True, related_name="program")
    urutan = models.PositiveIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "program"
        verbose_name_plural = "program"
        ordering = ["renstra", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "kode"], name="renstra_program_kode_unik")
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}".strip()

    def save(self, *args, **kwargs):
        self.kode = normalisasi_kode(self.kode)
        super().save(*args, **kwargs)


class Kegiatan(models.Model):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="kegiatan")
    kode = models.CharField("kode", max_length=50, help_text="Kode Kepmendagri, mis. 8.01.02.2.01")
    nama = models.TextField("nama")
    unit_kerja = models.ForeignKey(
        UnitKerja, on_delete=models.SET_NULL, null=True, blank=True, related_name="kegiatan"
    )
    urutan = models.PositiveIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["program", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["program", "kode"], name="renstra_kegiatan_kode_unik")
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}".strip()

    def save(self, *args, **kwargs):
        self.kode = normalisasi_kode(self.kode)
        super().save(*args, **kwargs)

    def clean(self):
        if self.program_id and not kode_memperluas(self.kode, self.program.kode):
            raise ValidationError(
                {"kode": PESAN_KODE_KEGIATAN.format(anak=self.kode, induk=self.program.kode)}
            )


class SubKegiatan(models.Model):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="sub_kegiatan")
    kode = models.CharField(
        "kode", max_length=50, help_text="Kode Kepmendagri, mis. 8.01.02.2.01.02"
    )
    nama = models.TextField("nama")
    unit_kerja = models.ForeignKey(
        UnitKerja, on_delete=models.SET_NULL, null=True, blank=True, related_name="sub_kegiatan"
    )
    urutan = models.PositiveIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "sub-kegiatan"
        verbose_name_plural = "sub-kegiatan"
        ordering = ["kegiatan", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kegiatan", "kode"], name="renstra_subkegiatan_kode_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}".strip()

    def save(self, *args, **kwargs):
        self.kode = normalisasi_kode(self.kode)
        super().save(*args, **kwargs)

    def clean(self):
        if self.kegiatan_id and not kode_memperluas(self.kode, self.kegiatan.kode):
            raise ValidationError(
                {"kode": PESAN_KODE_SUB_KEGIATAN.format(anak=self.kode, induk=self.kegiatan.kode)}
            )


class Nomenklatur(models.Model):
    """Reference list of Kepmendagri 050-5889/2021 codes (editable: updated by decree)."""

    class Tingkat(models.TextChoices):
        URUSAN = "urusan", "Urusan"
        BIDANG = "bidang", "Bidang urusan"
        PROGRAM = "program", "Program"
        KEGIATAN = "kegiatan", "Kegiatan"
        SUB_KEGIATAN = "sub_kegiatan", "Sub-kegiatan"

    kode = models.CharField("kode", max_length=50, unique=True)
    tingkat = models.CharField("tingkat", max_length=15, choices=Tingkat.choices)
    nama = models.TextField("nama")
    nama_provinsi = models.TextField(
        "nama untuk provinsi", blank=True, help_text="Bila nama untuk provinsi berbeda."
    )
    satuan = models.CharField("satuan indikator keluaran", max_length=50, blank=True)
    dasar_hukum = models.CharField("dasar hukum", max_length=200, blank=True)

    class Meta:
        verbose_name = "nomenklatur Kepmendagri"
        verbose_name_plural = "nomenklatur Kepmendagri"
        ordering = ["kode"]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    def save(self, *args, **kwargs):
        self.kode = normalisasi_kode(self.kode)
        super().save(*args, **kwargs)


class JenisNilai(models.TextChoices):
    ANGKA = "angka", "Angka"
    PREDIKAT = "predikat", "Predikat (huruf)"
    RENTANG = "rentang", "Rentang"


class Polaritas(models.TextChoices):
    POSITIF = "positif", "Semakin tinggi semakin baik"
    NEGATIF = "negatif", "Semakin rendah semakin baik"


class RumusNegatif(models.TextChoices):
    SELISIH = "selisih", "(2 × target − realisasi) / target × 100"
    RASIO = "rasio", "target / realisasi × 100"


class CaraAgregasi(models.TextChoices):
    KUMULATIF = "kumulatif", "Kumulatif (dijumlah)"
    POSISI_AKHIR = "posisi_akhir", "Posisi akhir (nilai terakhir)"
    RATA_RATA = "rata_rata", "Rata-rata triwulan yang dilaporkan"


class IndikatorQuerySet(models.QuerySet):
    def for_pd(self, pd):
        return self.filter(perangkat_daerah=pd)


class Indikator(models.Model):
    """A performance indicator attached to exactly one level of the chain."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="indikator"
    )
    tujuan = models.ForeignKey(
        Tujuan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    kegiatan = models.ForeignKey(
        Kegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    sub_kegiatan = models.ForeignKey(
        SubKegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    kode = models.CharField("kode", max_length=80)
    uraian = models.TextField("uraian")
    satuan = models.CharField("satuan", max_length=50, blank=True)
    iku = models.BooleanField("indikator kinerja utama (IKU)", default=False)
    jenis_nilai = models.CharField(
        "jenis nilai", max_length=10, choices=JenisNilai.choices, default=JenisNilai.ANGKA
    )
    polaritas = models.CharField(
        "polaritas", max_length=10, choices=Polaritas.choices, default=Polaritas.POSITIF
    )
    rumus_negatif = models.CharField(
        "rumus indikator negatif",
        max_length=10,
        choices=RumusNegatif.choices,
        default=RumusNegatif.SELISIH,
    )
    cara_agregasi = models.CharField(
        "agregasi triwulan",
        max_length=15,
        choices=CaraAgregasi.choices,
        default=CaraAgregasi.POSISI_AKHIR,
    )
    persen_dari_keseluruhan = models.BooleanField(
        "persentase dari keseluruhan",
        default=False,
        help_text="Realisasi tidak boleh melebihi 100 (mis. persentase dari seluruh pemilih).",
    )
    formula = models.TextField("formula", blank=True)
    definisi_operasional = models.TextField("definisi operasional", blank=True)
    sumber_data = models.TextField("sumber data", blank=True)
    label_pembilang = models.CharField("pembilang", max_length=300, blank=True)
    label_penyebut = models.CharField("penyebut", max_length=300, blank=True)
    penanggung_jawab = models.ForeignKey(
        UnitKerja,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indikator_tanggung_jawab",
        verbose_name="penanggung jawab",
    )
    kondisi_awal = models.CharField("kondisi awal", max_length=50, blank=True)
    kondisi_akhir = models.CharField(
        "kondisi akhir (target akhir Renstra)", max_length=50, blank=True
    )
    nilai_pembanding = decimal_field("nilai pembanding (nasional/provinsi)")
    sumber_pembanding = models.CharField("sumber pembanding", max_length=200, blank=True)
    urutan = models.PositiveIntegerField("urutan", default=0)

    objects = IndikatorQuerySet.as_manager()

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["perangkat_daerah", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "kode"], name="renstra_indikator_kode_unik"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        tujuan__isnull=False,
                        sasaran__isnull=True,
                        program__isnull=True,
                        kegiatan__isnull=True,
                        sub_kegiatan__isnull=True,
                    )
                    | Q(
                        tujuan__isnull=True,
                        sasaran__isnull=False,
                        program__isnull=True,
                        kegiatan__isnull=True,
                        sub_kegiatan__isnull=True,
                    )
                    | Q(
                        tujuan__isnull=True,
                        sasaran__isnull=True,
                        program__isnull=False,
                        kegiatan__isnull=True,
                        sub_kegiatan__isnull=True,
                    )
                    | Q(
                        tujuan__isnull=True,
                        sasaran__isnull=True,
                        program__isnull=True,
                        kegiatan__isnull=False,
                        sub_kegiatan__isnull=True,
                    )
                    | Q(
                        tujuan__isnull=True,
                        sasaran__isnull=True,
                        program__isnull=True,
                        kegiatan__isnull=True,
                        sub_kegiatan__isnull=False,
                    )
                ),
                name="renstra_indikator_tepat_satu_induk",
                violation_error_message=PESAN_INDIKATOR_SATU_INDUK,
            ),
        ]

    def __str__(self) -> str:
        return self.uraian

    @property
    def tingkat(self) -> str:
        for nama in ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"):
            if getattr(self, f"{nama}_id"):
                return nama
        return ""


class JenisTarget(models.TextChoices):
    RENSTRA = "renstra", "Renstra"
    RENJA = "renja", "Renja"
    PK_MURNI = "pk_murni", "PK murni"
    PK_PERUBAHAN = "pk_perubahan", "PK perubahan"


class NilaiTargetMixin(models.Model):
    """A value that may be a number, a predikat letter or a range."""

    nilai = decimal_field("nilai")
    predikat = models.CharField("predikat", max_length=10, blank=True)
    batas_bawah = decimal_field("batas bawah")
    batas_atas = decimal_field("batas atas")

    class Meta:
        abstract = True

    def nilai_masukan(self):
        """The value as the capaian engine takes it (Decimal, letter, range dict or None)."""
        if self.batas_bawah is not None or self.batas_atas is not None:
            return {"bawah": self.batas_bawah, "atas": self.batas_atas}
        if self.predikat:
            return self.predikat
        return self.nilai

    @property
    def kosong(self) -> bool:
        return self.nilai_masukan() is None


class Target(NilaiTargetMixin):
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField("tahun")
    jenis = models.CharField("jenis target", max_length=15, choices=JenisTarget.choices)

    class Meta:
        verbose_name = "target"
        verbose_name_plural = "target"
        ordering = ["indikator", "tahun", "jenis"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "jenis"], name="renstra_target_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.tahun}: {self.nilai_masukan()}"


class TargetTriwulan(NilaiTargetMixin):
    """Cumulative rencana-aksi target up to the end of a quarter."""

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="target_triwulan"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan")

    class Meta:
        verbose_name = "target triwulan"
        verbose_name_plural = "target triwulan"
        ordering = ["indikator", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"], name="renstra_targettriwulan_unik"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4),
                name="renstra_targettriwulan_triwulan_1_4",
            ),
        ]

    def __str__(self) -> str:
        return f"TW {self.triwulan} {self.tahun}: {self.nilai_masukan()}"


PESAN_SEL_TABEL = "Baris {nomor} berisi {jumlah} sel; tabel ini memiliki {kolom} kolom."
PESAN_KOLOM_TABEL = "Kolom harus berupa daftar teks."
PESAN_BARIS_TABEL = "Baris harus berupa daftar baris, masing-masing daftar teks."


class JenisTabelSumberDaya(models.TextChoices):
    SDM = "sdm", "Sumber daya manusia"
    SARANA = "sarana", "Sarana dan prasarana"


class TabelSumberDaya(models.Model):
    """A staffing or facilities table the PD prints in LKjIP Bab I (DOMAIN.md §7.1).

    The cells are the printed text, entered by the PD (or loaded from its dataset's `sdm`);
    nothing here is computed.
    """

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="tabel_sumber_daya"
    )
    jenis = models.CharField(
        "jenis",
        max_length=10,
        choices=JenisTabelSumberDaya.choices,
        default=JenisTabelSumberDaya.SDM,
    )
    urutan = models.PositiveIntegerField("urutan", default=0)
    judul = models.TextField("judul")
    kolom = models.JSONField("kolom", default=list, help_text="Daftar judul kolom (teks).")
    baris = models.JSONField(
        "baris",
        default=list,
        blank=True,
        help_text="Daftar baris; setiap baris daftar teks sebanyak kolom.",
    )

    class Meta:
        verbose_name = "tabel sumber daya"
        verbose_name_plural = "tabel sumber daya"
        ordering = ["perangkat_daerah", "jenis", "urutan", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "judul"], name="renstra_tabelsumberdaya_judul_unik"
            )
        ]

    def __str__(self) -> str:
        return self.judul

    def clean(self):
        super().clean()
        kolom, baris = self.kolom, self.baris
        if not isinstance(kolom, list) or not all(isinstance(k, str) for k in kolom):
            raise ValidationError({"kolom": PESAN_KOLOM_TABEL})
        if not isinstance(baris, list) or not all(
            isinstance(b, list) and all(isinstance(s, str) for s in b) for b in baris
        ):
            raise ValidationError({"baris": PESAN_BARIS_TABEL})
        for nomor, b in enumerate(baris, start=1):
            if len(b) != len(kolom):
                raise ValidationError(
                    {"baris": PESAN_SEL_TABEL.format(nomor=nomor, jumlah=len(b), kolom=len(kolom))}
                )


# --- Narrative facts and signature of the PD's LKjIP (DOMAIN.md §7.1 Bab I, Bab IV) ----------


class BagianProfil(models.TextChoices):
    """The LKjIP sections whose text is a fact of the PD, never generated."""

    TUGAS_FUNGSI = "tugas_fungsi", "Tugas pokok dan fungsi"
    STRUKTUR_ORGANISASI = "struktur_organisasi", "Struktur organisasi"
    SARANA_PRASARANA = "sarana_prasarana", "Sarana dan prasarana"
    PERMASALAHAN = "permasalahan", "Permasalahan utama (isu strategis)"
    UPAYA_PERBAIKAN = "upaya_perbaikan", "Upaya perbaikan dan saran"


class NarasiPerangkatDaerah(models.Model):
    """The text of one fact section of the LKjIP (tupoksi, struktur, isu strategis …).

    `tahun` 0 is the PD's standing text (used for every year); a row for a report year wins
    over it. Loaded from the dataset's `narasi` list, edited in the admin and in the
    narrative editor; the LKjIP prints it verbatim and marks the section "belum diisi" when
    no row exists.
    """

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="narasi_profil"
    )
    bagian = models.CharField("bagian", max_length=30, choices=BagianProfil.choices)
    tahun = models.PositiveSmallIntegerField(
        "tahun",
        default=0,
        help_text="0 = berlaku untuk setiap tahun; isi tahun laporan untuk teks khusus tahun itu.",
    )
    teks = models.TextField("teks")
    sumber = models.CharField(
        "sumber", max_length=300, blank=True, help_text="Asal teks, mis. dokumen dan babnya."
    )
    diubah = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "narasi perangkat daerah"
        verbose_name_plural = "narasi perangkat daerah"
        ordering = ["perangkat_daerah", "bagian", "tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "bagian", "tahun"], name="renstra_narasi_pd_unik"
            )
        ]

    def __str__(self) -> str:
        kapan = f" {self.tahun}" if self.tahun else ""
        return f"{self.get_bagian_display()}{kapan} — {self.perangkat_daerah}"


class TandaTanganLaporan(models.Model):
    """Where and when the PD's LKjIP of a year is signed (dataset `laporan.tempat/tanggal`).

    The date may be known to the month only (`tanggal_hanya_bulan`, printed "Februari 2024");
    it is then stored as the first of that month.
    """

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="tanda_tangan_laporan"
    )
    tahun = models.PositiveSmallIntegerField("tahun laporan")
    tempat = models.CharField("tempat", max_length=100, blank=True)
    tanggal = models.DateField("tanggal penandatanganan")
    tanggal_hanya_bulan = models.BooleanField("hanya bulan dan tahun", default=False)

    class Meta:
        verbose_name = "tanda tangan LKjIP"
        verbose_name_plural = "tanda tangan LKjIP"
        ordering = ["perangkat_daerah", "-tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun"], name="renstra_ttd_laporan_unik"
            )
        ]

    def __str__(self) -> str:
        return f"LKjIP {self.tahun} — {self.perangkat_daerah}"


# --- Entry calendar of the PD (renstra.periode) ----------------------------------------------


class JendelaPengisian(models.Model):
    """The entry window of a quarter for a PD: after `ditutup` the quarter is locked."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="jendela_pengisian"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan")
    dibuka = models.DateField("dibuka")
    ditutup = models.DateField("ditutup")

    class Meta:
        db_table = "kinerja_jendelapengisian"  # created by kinerja 0001; moved with its table
        verbose_name = "jendela pengisian"
        verbose_name_plural = "jendela pengisian"
        ordering = ["perangkat_daerah", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "triwulan"], name="kinerja_jendela_unik"
            ),
            models.CheckConstraint(
                condition=Q(ditutup__gte=models.F("dibuka")),
                name="kinerja_jendela_tutup_setelah_buka",
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="kinerja_jendela_triwulan_1_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.perangkat_daerah} {self.tahun} TW {self.triwulan}"


class PembukaanKembali(models.Model):
    """A request to reopen a locked quarter: needs a reason and an approver; time-limited."""

    class Status(models.TextChoices):
        DIMINTA = "diminta", "Diminta"
        DISETUJUI = "disetujui", "Disetujui"
        DITOLAK = "ditolak", "Ditolak"

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="pembukaan_kembali"
    )
    unit_kerja = models.ForeignKey(
        UnitKerja, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan")
    alasan = models.TextField("alasan")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DIMINTA)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    diputus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    berlaku_sampai = models.DateTimeField("berlaku sampai", null=True, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "kinerja_pembukaankembali"
        verbose_name = "pembukaan kembali periode"
        verbose_name_plural = "pembukaan kembali periode"
        ordering = ["-dibuat"]

    def __str__(self) -> str:
        return f"Buka kembali {self.tahun} TW {self.triwulan} ({self.get_status_display()})"
