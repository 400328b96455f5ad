from django.contrib import admin

from .models import TokenAPI


@admin.register(TokenAPI)
class TokenAPIAdmin(admin.ModelAdmin):
    list_display = ["nama", "awalan", "pengguna", "perangkat_daerah", "dibuat_pada", "dicabut_pada"]
    readonly_fields = ["awalan", "kunci_hash", "dibuat_oleh", "dibuat_pada", "terakhir_dipakai"]
    list_filter = ["perangkat_daerah"]
