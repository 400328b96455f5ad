"""Perjanjian Kinerja URLs, mounted at /pk/. The public verification page comes first so that
"verifikasi" is never read as a PD slug."""

from django.urls import path

from . import views_pk as v

app_name = "pk"

urlpatterns = [
    path("verifikasi/<str:sidik>/", v.verifikasi, name="verifikasi"),
    path("<slug:pd>/", v.DaftarPKView.as_view(), name="daftar"),
    path("<slug:pd>/susun/", v.susun, name="susun"),
    path("<slug:pd>/<int:pk>/", v.DetailPKView.as_view(), name="detail"),
    path("<slug:pd>/<int:pk>/ubah/", v.ubah, name="ubah"),
    path("<slug:pd>/<int:pk>/tambah-indikator/", v.tambah_indikator, name="tambah_indikator"),
    path("<slug:pd>/<int:pk>/hapus/", v.hapus, name="hapus"),
    path("<slug:pd>/<int:pk>/tanda-tangan/pertama/", v.tanda_tangan_pertama, name="ttd_pertama"),
    path("<slug:pd>/<int:pk>/tanda-tangan/kedua/", v.tanda_tangan_kedua, name="ttd_kedua"),
    path("<slug:pd>/<int:pk>/pindaian/unggah/", v.unggah_pindaian, name="unggah_pindaian"),
    path("<slug:pd>/<int:pk>/pindaian/", v.pindaian, name="pindaian"),
    path("<slug:pd>/<int:pk>/kembali-ke-draf/", v.kembali_draf, name="kembali_draf"),
    path("<slug:pd>/<int:pk>/perubahan/", v.perubahan, name="perubahan"),
    path("<slug:pd>/<int:pk>/cetak/", v.CetakPKView.as_view(), name="cetak"),
    path("<slug:pd>/<int:pk>/pdf/", v.CetakPKPdfView.as_view(), name="pdf"),
    path(
        "<slug:pd>/tahun/<int:tahun>/dokumen.<str:format>",
        v.dokumen_tahun,
        name="dokumen_tahun",
    ),
    path("<slug:pd>/tahun/<int:tahun>/pohon/", v.PohonView.as_view(), name="pohon"),
    path(
        "<slug:pd>/tahun/<int:tahun>/pohon/cetak/", v.PohonCetakView.as_view(), name="pohon_cetak"
    ),
    path("<slug:pd>/tahun/<int:tahun>/pohon/pdf/", v.PohonPdfView.as_view(), name="pohon_pdf"),
    path(
        "<slug:pd>/tahun/<int:tahun>/tautkan/",
        v.tautkan_otomatis,
        name="tautkan_otomatis",
    ),
]
