from django.contrib import admin

from common.admin import AuditedAdmin

from . import models as m


@admin.register(m.PemerintahDaerah)
class PemerintahDaerahAdmin(AuditedAdmin):
    list_display = ["nama", "jenis", "kepala_daerah_nama"]
    list_filter = ["jenis"]
    search_fields = ["nama"]


class UnitKerjaInline(admin.TabularInline):
    model = m.UnitKerja
    extra = 0
    fields = ["kode", "nama", "induk"]


@admin.register(m.PerangkatDaerah)
class PerangkatDaerahAdmin(AuditedAdmin):
    list_display = ["nama", "singkatan", "slug", "pemda"]
    list_filter = ["pemda__jenis", "pemda"]
    search_fields = ["nama", "slug", "singkatan"]
    prepopulated_fields = {"slug": ["nama"]}
    inlines = [UnitKerjaInline]


@admin.register(m.UnitKerja)
class UnitKerjaAdmin(AuditedAdmin):
    list_display = ["nama", "kode", "perangkat_daerah", "induk"]
    list_filter = ["perangkat_daerah"]
    search_fields = ["nama", "kode"]


@admin.register(m.Pejabat)
class PejabatAdmin(AuditedAdmin):
    list_display = [
        "nama",
        "nip",
        "jabatan",
        "eselon",
        "status_jabatan",
        "perangkat_daerah",
        "aktif",
    ]
    list_filter = ["eselon", "status_jabatan", "aktif", "perangkat_daerah"]
    search_fields = ["nama", "nip", "jabatan"]
    autocomplete_fields = ["unit_kerja"]


class MisiInline(admin.TabularInline):
    model = m.Misi
    extra = 0


@admin.register(m.Rpjmd)
class RpjmdAdmin(AuditedAdmin):
    list_display = ["__str__", "pemda", "tahun_awal", "tahun_akhir"]
    list_filter = ["pemda"]
    search_fields = ["visi"]
    inlines = [MisiInline]


@admin.register(m.Misi)
class MisiAdmin(AuditedAdmin):
    list_display = ["nomor", "uraian", "rpjmd"]
    search_fields = ["uraian"]


@admin.register(m.PeriodeRenstra)
class PeriodeRenstraAdmin(AuditedAdmin):
    list_display = ["__str__", "perangkat_daerah", "tahun_awal", "tahun_akhir"]
    list_filter = ["perangkat_daerah"]
    search_fields = ["perangkat_daerah__nama"]


class IndikatorInline(admin.TabularInline):
    model = m.Indikator
    extra = 0
    fields = ["kode", "uraian", "satuan", "iku", "polaritas", "cara_agregasi"]
    show_change_link = True


@admin.register(m.Tujuan)
class TujuanAdmin(AuditedAdmin):
    list_display = ["kode", "uraian", "renstra"]
    list_filter = ["renstra__perangkat_daerah"]
    search_fields = ["kode", "uraian"]
    inlines = [IndikatorInline]


@admin.register(m.Sasaran)
class SasaranAdmin(AuditedAdmin):
    list_display = ["kode", "uraian", "tujuan", "renstra"]
    list_filter = ["renstra__perangkat_daerah"]
    search_fields = ["kode", "uraian"]
    inlines = [IndikatorInline]


class KegiatanInline(admin.TabularInline):
    model = m.Kegiatan
    extra = 0
    fields = ["kode", "nama", "unit_kerja", "urutan"]
    show_change_link = True


class SubKegiatanInline(admin.TabularInline):
    model = m.SubKegiatan
    extra = 0
    fields = ["kode", "nama", "unit_kerja", "urutan"]
    show_change_link = True


@admin.register(m.Program)
class ProgramAdmin(AuditedAdmin):
    list_display = ["kode", "nama", "unit_kerja", "renstra"]
    list_filter = ["renstra__perangkat_daerah"]
    search_fields = ["kode", "nama"]
    filter_horizontal = ["sasaran"]
    inlines = [KegiatanInline]


@admin.register(m.Kegiatan)
class KegiatanAdmin(AuditedAdmin):
    list_display = ["kode", "nama", "program", "unit_kerja"]
    list_filter = ["program__renstra__perangkat_daerah"]
    search_fields = ["kode", "nama"]
    inlines = [SubKegiatanInline]


@admin.register(m.SubKegiatan)
class SubKegiatanAdmin(AuditedAdmin):
    list_display = ["kode", "nama", "kegiatan", "unit_kerja"]
    list_filter = ["kegiatan__program__renstra__perangkat_daerah"]
    search_fields = ["kode", "nama"]


@admin.register(m.Nomenklatur)
class NomenklaturAdmin(AuditedAdmin):
    list_display = ["kode", "tingkat", "nama", "satuan"]
    list_filter = ["tingkat"]
    search_fields = ["kode", "nama"]


class TargetInline(admin.TabularInline):
    model = m.Target
    extra = 0
    fields = ["tahun", "jenis", "nilai", "predikat", "batas_bawah", "batas_atas"]


class TargetTriwulanInline(admin.TabularInline):
    model = m.TargetTriwulan
    extra = 0
    fields = ["tahun", "triwulan", "nilai", "predikat"]


@admin.register(m.Indikator)
class IndikatorAdmin(AuditedAdmin):
    list_display = [
        "kode",
        "uraian",
        "satuan",
        "iku",
        "polaritas",
        "cara_agregasi",
        "perangkat_daerah",
    ]
    list_filter = ["iku", "polaritas", "cara_agregasi", "jenis_nilai", "perangkat_daerah"]
    search_fields = ["kode", "uraian"]
    raw_id_fields = ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"]
    inlines = [TargetInline, TargetTriwulanInline]


@admin.register(m.Target)
class TargetAdmin(AuditedAdmin):
    list_display = ["indikator", "tahun", "jenis", "nilai", "predikat"]
    list_filter = ["jenis", "tahun", "indikator__perangkat_daerah"]
    search_fields = ["indikator__kode", "indikator__uraian"]
    raw_id_fields = ["indikator"]


@admin.register(m.TargetTriwulan)
class TargetTriwulanAdmin(AuditedAdmin):
    list_display = ["indikator", "tahun", "triwulan", "nilai", "predikat"]
    list_filter = ["tahun", "triwulan"]
    search_fields = ["indikator__kode", "indikator__uraian"]
    raw_id_fields = ["indikator"]


@admin.register(m.TabelSumberDaya)
class TabelSumberDayaAdmin(AuditedAdmin):
    list_display = ["judul", "jenis", "urutan", "perangkat_daerah"]
    list_filter = ["jenis", "perangkat_daerah"]
    search_fields = ["judul", "perangkat_daerah__nama"]
    ordering = ["perangkat_daerah", "jenis", "urutan", "id"]


@admin.register(m.JendelaPengisian)
class JendelaPengisianAdmin(AuditedAdmin):
    list_display = ["perangkat_daerah", "tahun", "triwulan", "dibuka", "ditutup"]
    list_filter = ["perangkat_daerah", "tahun"]
    search_fields = ["perangkat_daerah__nama"]


@admin.register(m.PembukaanKembali)
class PembukaanKembaliAdmin(AuditedAdmin):
    list_display = [
        "perangkat_daerah",
        "tahun",
        "triwulan",
        "status",
        "diminta_oleh",
        "berlaku_sampai",
    ]
    list_filter = ["status", "perangkat_daerah"]
    search_fields = ["alasan"]
    raw_id_fields = ["diminta_oleh", "diputus_oleh"]


@admin.register(m.NarasiPerangkatDaerah)
class NarasiPerangkatDaerahAdmin(AuditedAdmin):
    list_display = ["perangkat_daerah", "bagian", "tahun", "sumber"]
    list_filter = ["bagian", "perangkat_daerah"]
    search_fields = ["teks", "perangkat_daerah__nama"]


@admin.register(m.TandaTanganLaporan)
class TandaTanganLaporanAdmin(AuditedAdmin):
    list_display = ["perangkat_daerah", "tahun", "tempat", "tanggal", "tanggal_hanya_bulan"]
    list_filter = ["perangkat_daerah"]
