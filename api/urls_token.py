from django.urls import path

from . import views_token

app_name = "token_api"

urlpatterns = [
    path("", views_token.daftar, name="daftar"),
    path("<int:pk>/cabut/", views_token.cabut, name="cabut"),
]
