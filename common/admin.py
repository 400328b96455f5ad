from django.contrib import admin

from . import audit
from .models import MODEL_PD, AuditLog, Keanggotaan


class AuditedAdmin(admin.ModelAdmin):
    """Every save and delete through the admin writes the audit log (old and new values)."""

    def save_model(self, request, obj, form, change):
        lama = {}
        if change and obj.pk:
            asli = type(obj).objects.filter(pk=obj.pk).first()
            lama = audit.snapshot(asli) if asli else {}
        super().save_model(request, obj, form, change)
        app, model = obj._meta.app_label, obj._meta.model_name
        audit.catat(
            pengguna=request.user,
            aksi=f"admin.{app}.{model}.{'ubah' if change else 'buat'}",
            objek=obj,
            perangkat_daerah=_pd_of(obj),
            perubahan=audit.selisih(lama, audit.snapshot(obj)),
        )

    def delete_model(self, request, obj):
        _hapus_tercatat(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            _hapus_tercatat(request, obj)
        super().delete_queryset(request, queryset)


def _hapus_tercatat(request, obj):
    audit.catat(
        pengguna=request.user,
        aksi=f"admin.{obj._meta.app_label}.{obj._meta.model_name}.hapus",
        objek=obj,
        perangkat_daerah=_pd_of(obj),
        perubahan=audit.selisih(audit.snapshot(obj), {}),
    )


def _pd_of(obj):
    """The PD an object belongs to, found by walking up its parents (None when it has none)."""
    if getattr(getattr(obj, "_meta", None), "label", None) == MODEL_PD:
        return obj
    for jalur in (
        "perangkat_daerah",
        "renstra",
        "indikator",
        "program",
        "kegiatan",
        "sub_kegiatan",
    ):
        induk = getattr(obj, jalur, None)
        if induk is not None and induk is not obj:
            hasil = _pd_of(induk)
            if hasil is not None:
                return hasil
    return None


@admin.register(Keanggotaan)
class KeanggotaanAdmin(AuditedAdmin):
    list_display = ["pengguna", "perangkat_daerah", "unit_kerja", "peran"]
    list_filter = ["peran", "perangkat_daerah"]
    search_fields = ["pengguna__username", "pengguna__first_name", "perangkat_daerah__nama"]
    autocomplete_fields = ["pengguna", "perangkat_daerah", "unit_kerja"]


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ["waktu", "pengguna", "aksi", "objek", "perangkat_daerah"]
    list_filter = ["aksi", "perangkat_daerah"]
    search_fields = ["aksi", "objek", "pengguna__username", "keterangan"]
    date_hierarchy = "waktu"
    readonly_fields = [f.name for f in AuditLog._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
