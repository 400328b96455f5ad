"""Administration of the worksheet templates (reference data) and read access to evaluations.

A template is edited while it is a draft; "Aktifkan" validates the weights and freezes it;
"Salin untuk tahun baru" makes the next draft version with the same criterion identities.
Inlines of a frozen template are read-only (the models refuse writes as well).
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone

from common.admin import AuditedAdmin

from . import models as m
from . import services


class _TerkunciMixin:
    def _terkunci(self, obj) -> bool:
        return obj is not None and obj.terkunci

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._terkunci(obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not self._terkunci(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._terkunci(obj)


class KomponenInline(_TerkunciMixin, admin.TabularInline):
    model = m.Komponen
    extra = 0


class AturanInline(_TerkunciMixin, admin.TabularInline):
    model = m.AturanKonsistensi
    extra = 0
    raw_id_fields = ["kriteria", "pembanding"]


@admin.register(m.TemplateLke)
class TemplateLkeAdmin(AuditedAdmin):
    list_display = ["kode", "nama", "tahun_berlaku", "status", "diaktifkan_pada"]
    list_filter = ["status"]
    readonly_fields = ["status", "diaktifkan_pada", "asal"]
    inlines = [KomponenInline, AturanInline]
    actions = ["aktifkan", "salin"]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.terkunci)

    @admin.action(description="Aktifkan (periksa bobot, lalu bekukan)")
    def aktifkan(self, request, queryset):
        for t in queryset:
            try:
                services.template_aktifkan(template=t, user=request.user)
                self.message_user(request, f"{t.kode} diaktifkan.")
            except ValidationError as galat:
                for pesan in galat.messages:
                    self.message_user(request, f"{t.kode}: {pesan}", messages.ERROR)

    @admin.action(description="Salin untuk tahun baru (draft)")
    def salin(self, request, queryset):
        tahun = timezone.localdate().year
        for t in queryset:
            try:
                baru = services.template_salin(
                    template=t, kode=f"{t.kode}-{tahun}", tahun_berlaku=tahun, user=request.user
                )
                self.message_user(request, f"Salinan {baru.kode} dibuat (draft).")
            except ValidationError as galat:
                for pesan in galat.messages:
                    self.message_user(request, pesan, messages.ERROR)


class SubKomponenInline(_TerkunciMixin, admin.TabularInline):
    model = m.SubKomponen
    extra = 0

    def _terkunci(self, obj):
        return obj is not None and obj.template.terkunci


@admin.register(m.Komponen)
class KomponenAdmin(AuditedAdmin):
    list_display = ["template", "kode", "nama", "bobot"]
    list_filter = ["template"]
    inlines = [SubKomponenInline]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.template.terkunci)


class KriteriaInline(_TerkunciMixin, admin.StackedInline):
    model = m.Kriteria
    extra = 0

    def _terkunci(self, obj):
        return obj is not None and obj.komponen.template.terkunci


@admin.register(m.SubKomponen)
class SubKomponenAdmin(AuditedAdmin):
    list_display = ["__str__", "jenis", "bobot", "metode"]
    list_filter = ["komponen__template"]
    inlines = [KriteriaInline]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (
            obj and obj.komponen.template.terkunci
        )


class OpsiInline(_TerkunciMixin, admin.TabularInline):
    model = m.OpsiKriteria
    extra = 0

    def _terkunci(self, obj):
        return obj is not None and obj.sub_komponen.komponen.template.terkunci


@admin.register(m.Kriteria)
class KriteriaAdmin(AuditedAdmin):
    list_display = ["kode", "identitas", "uraian", "skala", "cek_otomatis"]
    list_filter = ["sub_komponen__komponen__template", "skala"]
    search_fields = ["kode", "identitas", "uraian"]
    inlines = [OpsiInline]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (
            obj and obj.sub_komponen.komponen.template.terkunci
        )


@admin.register(m.Evaluasi)
class EvaluasiAdmin(admin.ModelAdmin):
    """Read only: evaluations change through the worksheet screens (audited services)."""

    list_display = ["perangkat_daerah", "tahun", "status", "nilai_akhir", "predikat"]
    list_filter = ["status", "tahun"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
