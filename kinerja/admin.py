from django.contrib import admin

from common.admin import AuditedAdmin

from . import models as m


class BuktiInline(admin.TabularInline):
    model = m.Bukti
    extra = 0
    fields = ["berkas", "nama_asli", "tautan", "keterangan", "diunggah_oleh"]
    readonly_fields = ["diunggah_oleh"]


@admin.register(m.Realisasi)
class RealisasiAdmin(AuditedAdmin):
    list_display = ["indikator", "tahun", "triwulan", "nilai", "predikat", "status"]
    list_filter = ["status", "tahun", "triwulan", "indikator__perangkat_daerah"]
    search_fields = ["indikator__kode", "indikator__uraian"]
    raw_id_fields = ["indikator", "diisi_oleh", "diverifikasi_oleh", "disetujui_oleh"]
    inlines = [BuktiInline]


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


class PKIndikatorInline(admin.TabularInline):
    model = m.PKIndikator
    extra = 0
    fields = [
        "urutan",
        "sasaran_uraian",
        "indikator",
        "uraian",
        "nilai",
        "predikat",
        "target_sebelum",
    ]
    raw_id_fields = ["indikator"]


class PKAnggaranInline(admin.TabularInline):
    model = m.PKAnggaran
    extra = 0
    fields = ["urutan", "tingkat", "kode", "nama", "jumlah"]


@admin.register(m.PerjanjianKinerja)
class PerjanjianKinerjaAdmin(AuditedAdmin):
    list_display = ["__str__", "perangkat_daerah", "tahun", "versi", "status"]
    list_filter = ["status", "versi", "tahun", "perangkat_daerah"]
    search_fields = ["pihak_pertama__nama", "pihak_pertama_jabatan", "pihak_kedua_nama"]
    raw_id_fields = ["pihak_pertama", "pihak_kedua", "menggantikan"]
    inlines = [PKIndikatorInline, PKAnggaranInline]


@admin.register(m.PKIndikator)
class PKIndikatorAdmin(AuditedAdmin):
    list_display = ["uraian", "perjanjian", "nilai", "predikat"]
    search_fields = ["uraian", "sasaran_uraian"]
    raw_id_fields = ["perjanjian", "indikator", "indikator_atasan"]


@admin.register(m.PKAnggaran)
class PKAnggaranAdmin(AuditedAdmin):
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
