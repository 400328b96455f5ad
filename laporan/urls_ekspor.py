"""URLs of the standalone XLSX downloads of the web's tables (laporan.views_ekspor), mounted
at pd/<slug:pd>/unduh/. Pages of lower apps link to them by name ("ekspor:…")."""

from django.urls import path

from . import views_ekspor as v

app_name = "ekspor"

urlpatterns = [
    path("indikator/<int:tahun>.xlsx", v.indikator_xlsx, name="indikator"),
    path("pengukuran/<int:tahun>/tw<int:triwulan>.xlsx", v.pengukuran_xlsx, name="pengukuran"),
    path("anggaran/<int:tahun>/tw<int:triwulan>.xlsx", v.anggaran_xlsx, name="anggaran"),
    path("efisiensi/<int:tahun>.xlsx", v.efisiensi_xlsx, name="efisiensi"),
    path("riwayat.xlsx", v.riwayat_pd_xlsx, name="riwayat"),
    path("riwayat/indikator/<int:pk>.xlsx", v.riwayat_indikator_xlsx, name="riwayat_indikator"),
    path("riwayat/realisasi/<int:pk>.xlsx", v.riwayat_realisasi_xlsx, name="riwayat_realisasi"),
    path(
        "riwayat/anggaran/<int:sub_kegiatan>/<int:tahun>.xlsx",
        v.riwayat_anggaran_xlsx,
        name="riwayat_anggaran",
    ),
]
