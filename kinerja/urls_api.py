from django.urls import path

from . import api

app_name = "api"

urlpatterns = [
    path("pd/<slug:pd>/pengukuran/<int:tahun>/", api.pengukuran, name="pengukuran"),
]
