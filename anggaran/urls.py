from django.urls import path

from . import views

app_name = "anggaran"

urlpatterns = [
    path("", views.RealisasiAnggaranDaftarView.as_view(), name="realisasi_daftar"),
    path(
        "isi/<int:sub_kegiatan>/<int:tahun>/<int:triwulan>/",
        views.RealisasiAnggaranIsiView.as_view(),
        name="realisasi_isi",
    ),
    path("realisasi/<int:pk>/ajukan/", views.realisasi_ajukan, name="realisasi_ajukan"),
    path("realisasi/<int:pk>/verifikasi/", views.realisasi_verifikasi, name="realisasi_verifikasi"),
    path("realisasi/<int:pk>/setujui/", views.realisasi_setujui, name="realisasi_setujui"),
    path("realisasi/<int:pk>/kembalikan/", views.realisasi_kembalikan, name="realisasi_kembalikan"),
    path("perangkat-daerah/<int:tahun>/", views.AnggaranPDView.as_view(), name="anggaran_pd"),
    path(
        "riwayat/<int:sub_kegiatan>/<int:tahun>/",
        views.realisasi_riwayat,
        name="realisasi_riwayat",
    ),
]
