"""Admin of the laporan app: review assignments are made here; editions are read-only."""

from django.contrib import admin

from common.admin import AuditedAdmin

from . import models as m


@admin.register(m.Laporan)
class LaporanAdmin(AuditedAdmin):
    list_display = ["perangkat_daerah", "jenis", "tahun", "triwulan", "tanggal", "diubah"]
    list_filter = ["jenis", "tahun", "perangkat_daerah"]


@admin.register(m.BagianNarasi)
class BagianNarasiAdmin(AuditedAdmin):
    list_display = ["laporan", "kunci", "diubah_oleh", "diubah"]
    list_filter = ["laporan__perangkat_daerah"]
    search_fields = ["kunci", "teks"]


@admin.register(m.Edisi)
class EdisiAdmin(admin.ModelAdmin):
    """Frozen editions: readable, never edited."""

    list_display = ["laporan", "nomor", "disetujui_oleh", "disetujui_pada", "sidik"]
    list_filter = ["laporan__jenis", "laporan__perangkat_daerah"]
    readonly_fields = [f.name for f in m.Edisi._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(m.Cetakan)
class CetakanAdmin(admin.ModelAdmin):
    list_display = ["laporan", "edisi", "status", "ukuran", "durasi_ms", "dibuat", "selesai"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in m.Cetakan._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(m.PenugasanReviu)
class PenugasanReviuAdmin(AuditedAdmin):
    list_display = ["reviewer", "perangkat_daerah", "tahun"]
    list_filter = ["tahun", "perangkat_daerah"]
    autocomplete_fields = ["reviewer"]


class TanggapanInline(admin.TabularInline):
    model = m.TanggapanReviu
    extra = 0
    readonly_fields = ["penulis", "dari_reviewer", "teks", "dibuat"]


@admin.register(m.CatatanReviu)
class CatatanReviuAdmin(AuditedAdmin):
    list_display = ["laporan", "jangkar_label", "status", "dibuat_oleh", "dibuat"]
    list_filter = ["status", "laporan__perangkat_daerah"]
    inlines = [TanggapanInline]


@admin.register(m.PernyataanReviu)
class PernyataanReviuAdmin(AuditedAdmin):
    list_display = ["laporan", "nama", "nip", "tanggal", "edisi"]
