from django.urls import path

from . import views

app_name = "renstra"

urlpatterns = [
    path("", views.IndikatorDaftarView.as_view(), name="indikator_daftar"),
    path("indikator/<int:pk>/ubah/", views.IndikatorUbahView.as_view(), name="indikator_ubah"),
    path(
        "indikator/<int:pk>/target/<int:tahun>/",
        views.TargetUbahView.as_view(),
        name="target_ubah",
    ),
    path("indikator/<int:pk>/riwayat/", views.indikator_riwayat, name="indikator_riwayat"),
]
