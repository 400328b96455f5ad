from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("masuk/", auth_views.LoginView.as_view(template_name="registration/login.html"), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
]
