from django.urls import path

from . import views

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("pd/<slug:pd>/", views.BerandaPDView.as_view(), name="beranda_pd"),
    path("pd/<slug:pd>/audit.csv", views.audit_csv, name="audit_csv"),
]
