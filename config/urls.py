from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "SAKIP Kinerja — Administrasi"
admin.site.site_title = "SAKIP Kinerja"
admin.site.index_title = "Data induk dan referensi"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("common.urls")),
]
