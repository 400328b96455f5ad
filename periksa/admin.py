from django.contrib import admin

from .models import NilaiTercetak


@admin.register(NilaiTercetak)
class NilaiTercetakAdmin(admin.ModelAdmin):
    """Read-only: printed values come from a dataset load, never from editing."""

    list_display = (
        "perangkat_daerah",
        "tahun_laporan",
        "content_type",
        "object_id",
        "kunci",
        "nilai",
    )
    list_filter = ("tahun_laporan", "content_type")
    search_fields = ("kunci", "tempat")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
