from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models.functions import Coalesce

from common.admin import AuditedAdmin
from common.formatting import format_masukan, format_triwulan

from . import models as m
from .pk import PESAN_PK_TERKUNCI


class BuktiInline(admin.TabularInline):
    model = m.Bukti
    extra = 0
    fields = ["berkas", "nama_asli", "tautan", "keterangan", "diunggah_oleh"]
    readonly_fields = ["diunggah_oleh"]


# The responsible unit's name, by the precedence of renstra.selectors.UNIT_INDIKATOR.
_NAMA_UNIT = Coalesce(
    "indikator__penanggung_jawab__nama",
    "indikator__program__unit_kerja__nama",
    "indikator__kegiatan__unit_kerja__nama",
    "indikator__kegiatan__program__unit_kerja__nama",
    "indikator__sub_kegiatan__unit_kerja__nama",
    "indikator__sub_kegiatan__kegiatan__unit_kerja__nama",
    "indikator__sub_kegiatan__kegiatan__program__unit_kerja__nama",
)


@admin.register(m.Realisasi)
class RealisasiAdmin(AuditedAdmin):
    """One row per realisation with what identifies it: indicator, year, quarter, unit (one
    query for the whole page: the unit name is annotated)."""

    list_display = [
        "kode_indikator",
        "uraian_indikator",
        "tahun",
        "label_triwulan",
        "unit",
        "nilai_tampil",
        "status",
    ]
    list_display_links = ["kode_indikator", "uraian_indikator"]
    list_filter = ["status", "tahun", "triwulan", "indikator__perangkat_daerah"]
    search_fields = ["indikator__kode", "indikator__uraian"]
    raw_id_fields = ["indikator", "diisi_oleh", "diverifikasi_oleh", "disetujui_oleh"]
    list_select_related = ["indikator__perangkat_daerah"]
    inlines = [BuktiInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(nama_unit=_NAMA_UNIT)

    @admin.display(description="kode", ordering="indikator__kode")
    def kode_indikator(self, obj):
        return obj.indikator.kode

    @admin.display(description="indikator", ordering="indikator__uraian")
    def uraian_indikator(self, obj):
        teks = obj.indikator.uraian
        return teks if len(teks) <= 80 else f"{teks[:79]}…"

    @admin.display(description="triwulan", ordering="triwulan")
    def label_triwulan(self, obj):
        return "Tahunan" if obj.triwulan == 0 else format_triwulan(obj.triwulan)

    @admin.display(description="unit kerja", ordering="nama_unit")
    def unit(self, obj):
        return obj.nama_unit or "Tingkat perangkat daerah"

    @admin.display(description="realisasi")
    def nilai_tampil(self, obj):
        return obj.predikat or format_masukan(obj.nilai)


@admin.register(m.Bukti)
class BuktiAdmin(AuditedAdmin):
    list_display = ["__str__", "realisasi", "jenis_konten", "ukuran", "diunggah"]
    search_fields = ["nama_asli", "tautan", "keterangan"]
    raw_id_fields = ["realisasi", "diunggah_oleh"]


@admin.register(m.RencanaAksi)
class RencanaAksiAdmin(AuditedAdmin):
    list_display = ["indikator", "tahun", "tw1", "tw2", "tw3", "tw4"]
    list_filter = ["tahun", "indikator__perangkat_daerah"]
    search_fields = ["indikator__kode", "indikator__uraian", "uraian"]
    raw_id_fields = ["indikator"]


def _pk_terkunci(pk) -> bool:
    """A PK whose content may no longer change: signed by pihak pertama, or by both parties
    (kinerja.pk: only a draft is edited; a signed PK changes through a PK Perubahan)."""
    return pk is not None and pk.pk is not None and pk.status != m.StatusPK.DRAFT


class _BarisPKForm(forms.ModelForm):
    """Refuses a row added to, moved to or edited in a frozen PK (also on the add page, where
    the permission hooks cannot see the parent)."""

    def clean(self):
        data = super().clean()
        for pk in {self.instance.perjanjian if self.instance.pk else None, data.get("perjanjian")}:
            if _pk_terkunci(pk):
                raise forms.ValidationError(PESAN_PK_TERKUNCI)
        return data


class _BarisPKInline(admin.TabularInline):
    extra = 0

    def has_add_permission(self, request, obj=None):
        return not _pk_terkunci(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not _pk_terkunci(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _pk_terkunci(obj) and super().has_delete_permission(request, obj)


class PKIndikatorInline(_BarisPKInline):
    model = m.PKIndikator
    fields = [
        "urutan",
        "sasaran_uraian",
        "indikator",
        "uraian",
        "satuan",
        "nilai",
        "predikat",
        "target_sebelum",
        "alasan_selisih",
    ]
    raw_id_fields = ["indikator"]


class PKAnggaranInline(_BarisPKInline):
    model = m.PKAnggaran
    fields = ["urutan", "tingkat", "kode", "nama", "jumlah"]


class _PerjanjianKinerjaForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        if self.instance.pk and _pk_terkunci(
            m.PerjanjianKinerja.objects.filter(pk=self.instance.pk).first()
        ):
            raise forms.ValidationError(PESAN_PK_TERKUNCI)
        return data


@admin.register(m.PerjanjianKinerja)
class PerjanjianKinerjaAdmin(AuditedAdmin):
    """Signing happens only in the application (password re-entered, fingerprint computed):
    status, fingerprint and signature times are read-only here, and a PK signed by either
    party can be neither changed nor deleted."""

    form = _PerjanjianKinerjaForm
    list_display = ["__str__", "perangkat_daerah", "tahun", "versi", "nomor_versi", "status"]
    list_filter = ["status", "versi", "tahun", "perangkat_daerah"]
    search_fields = ["pihak_pertama__nama", "pihak_pertama_jabatan", "pihak_kedua_nama"]
    raw_id_fields = ["pihak_pertama", "pihak_kedua", "menggantikan"]
    readonly_fields = [
        "status",
        "sidik_jari",
        "ditandatangani_pihak_pertama_pada",
        "ditandatangani_pihak_kedua_pada",
        "pindaian_bertanda_tangan",
    ]
    inlines = [PKIndikatorInline, PKAnggaranInline]

    def has_change_permission(self, request, obj=None):
        return not _pk_terkunci(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _pk_terkunci(obj) and super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        if any(_pk_terkunci(pk) for pk in queryset):
            raise PermissionDenied(PESAN_PK_TERKUNCI)
        super().delete_queryset(request, queryset)


class _BarisPKAdmin(AuditedAdmin):
    form = _BarisPKForm

    def has_change_permission(self, request, obj=None):
        terkunci = obj is not None and _pk_terkunci(obj.perjanjian)
        return not terkunci and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        terkunci = obj is not None and _pk_terkunci(obj.perjanjian)
        return not terkunci and super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        if any(_pk_terkunci(b.perjanjian) for b in queryset.select_related("perjanjian")):
            raise PermissionDenied(PESAN_PK_TERKUNCI)
        super().delete_queryset(request, queryset)


@admin.register(m.PKIndikator)
class PKIndikatorAdmin(_BarisPKAdmin):
    list_display = ["uraian", "perjanjian", "nilai", "predikat"]
    search_fields = ["uraian", "sasaran_uraian"]
    raw_id_fields = ["perjanjian", "indikator", "indikator_atasan"]


@admin.register(m.PKAnggaran)
class PKAnggaranAdmin(_BarisPKAdmin):
    list_display = ["kode", "nama", "tingkat", "jumlah", "perjanjian"]
    search_fields = ["kode", "nama"]
    raw_id_fields = ["perjanjian", "program", "kegiatan", "sub_kegiatan"]


class PitaKategoriInline(admin.TabularInline):
    model = m.PitaKategori
    extra = 0


@admin.register(m.SkalaKategori)
class SkalaKategoriAdmin(AuditedAdmin):
    list_display = ["nama", "dasar_hukum", "berlaku_mulai", "bawaan"]
    search_fields = ["nama"]
    inlines = [PitaKategoriInline]


@admin.register(m.PitaKategori)
class PitaKategoriAdmin(AuditedAdmin):
    list_display = ["skala", "urutan", "batas_bawah", "label", "warna_nama", "warna_hex"]
    list_filter = ["skala"]
    search_fields = ["label"]


@admin.register(m.PredikatSakip)
class PredikatSakipAdmin(AuditedAdmin):
    list_display = ["kode", "batas_bawah", "batas_atas", "label"]
    search_fields = ["kode", "label"]


@admin.register(m.EvaluasiSakip)
class EvaluasiSakipAdmin(AuditedAdmin):
    list_display = ["perangkat_daerah", "tahun_dinilai", "nilai", "predikat", "evaluator"]
    list_filter = ["perangkat_daerah"]
    search_fields = ["evaluator"]


@admin.register(m.AnalisisProgram)
class AnalisisProgramAdmin(AuditedAdmin):
    list_display = ["program", "tahun", "triwulan"]
    list_filter = ["tahun", "triwulan", "program__renstra__perangkat_daerah"]
    search_fields = ["program__kode", "program__nama"]
    raw_id_fields = ["program"]
