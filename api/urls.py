from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import redoc, views

app_name = "api"

urlpatterns = [
    path("pd/", views.daftar_pd, name="daftar_pd"),
    path("pd/<slug:pd>/pengukuran/<int:tahun>/", views.pengukuran, name="pengukuran"),
    path("pd/<slug:pd>/anggaran/<int:tahun>/", views.anggaran, name="anggaran"),
    path("pd/<slug:pd>/validasi/<int:tahun>/", views.validasi, name="validasi"),
    path("pd/<slug:pd>/rencana/<int:tahun>/", views.rencana, name="rencana"),
    path("schema/", SpectacularAPIView.as_view(urlconf="api.urls_skema"), name="skema"),
    # The split view serves its start-up script as a file: the CSP allows no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:skema"), name="docs"),
    # ReDoc from the vendored bundle, without web fonts, worker or CDN logo (api/redoc.py).
    path("redoc/", redoc.RedocView.as_view(url_name="api:skema"), name="redoc"),
    path("redoc/redoc.standalone.js", redoc.redoc_js, name="redoc_js"),
]
