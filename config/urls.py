from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "SAKIP Kinerja — Administrasi"
admin.site.site_title = "SAKIP Kinerja"
admin.site.index_title = "Data induk dan referensi"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("pd/<slug:pd>/kinerja/", include("kinerja.urls")),
    path("pd/<slug:pd>/anggaran/", include("anggaran.urls")),
    path("pd/<slug:pd>/rencana/", include("renstra.urls")),
    path("pd/<slug:pd>/laporan/", include("laporan.urls")),
    path("pk/", include("kinerja.urls_pk")),
    path("api/v1/", include("kinerja.urls_api")),
    path("", include("common.urls")),
    path("", include("beranda.urls")),
]
