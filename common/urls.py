from django.contrib.auth import views as auth_views
from django.urls import path

urlpatterns = [
    path("masuk/", auth_views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "akun/kata-sandi/",
        auth_views.PasswordChangeView.as_view(
            template_name="registration/ganti_sandi.html", success_url="/akun/kata-sandi/selesai/"
        ),
        name="password_change",
    ),
    path(
        "akun/kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="registration/ganti_sandi_selesai.html"
        ),
        name="password_change_done",
    ),
]
