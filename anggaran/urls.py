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
    path(
        "riwayat/<int:sub_kegiatan>/<int:tahun>/",
        views.realisasi_riwayat,
        name="realisasi_riwayat",
    ),
]
