"""The URLs the OpenAPI document describes: the API under /api/v1/ (not the docs pages)."""

from django.urls import include, path

from . import views

_api = (
    [
        path("pd/", views.daftar_pd, name="daftar_pd"),
        path("pd/<slug:pd>/pengukuran/<int:tahun>/", views.pengukuran, name="pengukuran"),
        path("pd/<slug:pd>/anggaran/<int:tahun>/", views.anggaran, name="anggaran"),
        path("pd/<slug:pd>/validasi/<int:tahun>/", views.validasi, name="validasi"),
        path("pd/<slug:pd>/rencana/<int:tahun>/", views.rencana, name="rencana"),
    ],
    "api",
)

urlpatterns = [path("api/v1/", include(_api))]
