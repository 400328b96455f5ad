from django.contrib import admin
from django.urls import include, path

from config import kesehatan
from laporan import urls_publikasi

admin.site.site_header = "SAKIP Kinerja — Administrasi"
admin.site.site_title = "SAKIP Kinerja"
admin.site.index_title = "Data induk dan referensi"

urlpatterns = [
    path("healthz", kesehatan.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("pd/<slug:pd>/kinerja/", include("kinerja.urls")),
    path("pd/<slug:pd>/anggaran/", include("anggaran.urls")),
    path("pd/<slug:pd>/rencana/", include("renstra.urls")),
    path("pd/<slug:pd>/laporan/", include("laporan.urls")),
    path("pd/<slug:pd>/unduh/", include("laporan.urls_ekspor")),
    path("pd/<slug:pd>/evaluasi-sakip/", include("lke.urls")),
    path("pd/<slug:pd>/publikasi/", include(urls_publikasi.kelola)),
    path("pd/<slug:pd>/impor/", include("pertukaran.urls")),
    path("pd/<slug:pd>/token-api/", include("api.urls_token")),
    path("publik/", include(urls_publikasi.publik)),
    path("pk/", include("kinerja.urls_pk")),
    path("api/v1/", include("api.urls")),
    path("", include("common.urls")),
    path("", include("beranda.urls")),
]
