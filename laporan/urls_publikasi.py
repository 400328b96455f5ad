"""URLs of publication: the public page at publik/ (no login) and the PD's publication page at
pd/<slug:pd>/publikasi/ (both included from config/urls.py)."""

from django.urls import path

from . import views_publikasi as v

publik = (
    [
        path("", v.publik_indeks, name="indeks"),
        path("<int:pk>/unduh/", v.publik_unduh, name="unduh"),
    ],
    "publik",
)

kelola = (
    [
        path("", v.KelolaView.as_view(), name="kelola"),
        path("terbitkan/", v.terbitkan, name="terbitkan"),
        path("<int:pk>/tarik/", v.tarik, name="tarik"),
    ],
    "publikasi",
)
