from django.contrib import admin

from common.admin import AuditedAdmin

from . import models as m


@admin.register(m.Pagu)
class PaguAdmin(AuditedAdmin):
    list_display = ["__str__", "tahun", "murni", "perubahan"]
    list_filter = ["tahun"]
    search_fields = ["sub_kegiatan__kode", "kegiatan__kode", "program__kode", "sub_kegiatan__nama"]
    raw_id_fields = ["program", "kegiatan", "sub_kegiatan"]


@admin.register(m.RealisasiAnggaran)
class RealisasiAnggaranAdmin(AuditedAdmin):
    list_display = ["__str__", "tahun", "triwulan", "jumlah", "status"]
    list_filter = ["tahun", "triwulan", "status"]
    search_fields = ["sub_kegiatan__kode", "kegiatan__kode", "program__kode", "sub_kegiatan__nama"]
    raw_id_fields = [
        "program",
        "kegiatan",
        "sub_kegiatan",
        "diisi_oleh",
        "diverifikasi_oleh",
        "disetujui_oleh",
    ]


@admin.register(m.AnggaranBelanja)
class AnggaranBelanjaAdmin(AuditedAdmin):
    list_display = ["perangkat_daerah", "tahun", "kelompok", "jenis", "pagu", "realisasi"]
    list_filter = ["perangkat_daerah", "tahun", "kelompok"]
    search_fields = ["jenis", "kelompok"]


@admin.register(m.AnggaranPerangkatDaerah)
class AnggaranPerangkatDaerahAdmin(AuditedAdmin):
    list_display = ["perangkat_daerah", "tahun", "pagu_murni", "pagu", "realisasi", "sumber"]
    list_filter = ["perangkat_daerah", "tahun"]
    search_fields = ["perangkat_daerah__nama", "sumber"]
