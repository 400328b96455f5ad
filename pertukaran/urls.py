from django.urls import path

from . import views

app_name = "pertukaran"

urlpatterns = [
    path("", views.unggah, name="unggah"),
    path("konfirmasi/", views.konfirmasi, name="konfirmasi"),
    path("templat.xlsx", views.unduh_templat, name="templat"),
]
