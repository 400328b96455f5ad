from django.urls import path

from . import views, views_grid, views_periode

app_name = "kinerja"

_PERIODE = "<int:indikator>/<int:tahun>/<int:triwulan>/"

urlpatterns = [
    path("", views.RealisasiDaftarView.as_view(), name="realisasi_daftar"),
    path(f"isi/{_PERIODE}", views.RealisasiIsiView.as_view(), name="realisasi_isi"),
    path(
        "isi-triwulan/<int:unit>/<int:tahun>/<int:triwulan>/",
        views_grid.RealisasiGridView.as_view(),
        name="realisasi_grid",
    ),
    path(f"pratinjau/{_PERIODE}", views.realisasi_pratinjau, name="realisasi_pratinjau"),
    path("ajukan-massal/", views.realisasi_ajukan_massal, name="realisasi_ajukan_massal"),
    path("realisasi/<int:pk>/ajukan/", views.realisasi_ajukan, name="realisasi_ajukan"),
    path("realisasi/<int:pk>/verifikasi/", views.realisasi_verifikasi, name="realisasi_verifikasi"),
    path("realisasi/<int:pk>/setujui/", views.realisasi_setujui, name="realisasi_setujui"),
    path("realisasi/<int:pk>/kembalikan/", views.realisasi_kembalikan, name="realisasi_kembalikan"),
    path("realisasi/<int:pk>/riwayat/", views.realisasi_riwayat, name="realisasi_riwayat"),
    path("realisasi/<int:pk>/bukti/", views.bukti_unggah, name="bukti_unggah"),
    path("bukti/<int:pk>/", views.bukti_unduh, name="bukti_unduh"),
    path("bukti/<int:pk>/hapus/", views.bukti_hapus, name="bukti_hapus"),
    path("pembukaan/", views_periode.pembukaan_daftar, name="pembukaan_daftar"),
    path("pembukaan/minta/", views_periode.pembukaan_minta, name="pembukaan_minta"),
    path("pembukaan/<int:pk>/putus/", views_periode.pembukaan_putus, name="pembukaan_putus"),
    path("jendela/", views_periode.jendela_simpan, name="jendela_simpan"),
]
