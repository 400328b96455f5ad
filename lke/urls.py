"""URLs of the SAKIP evaluation, mounted at pd/<slug:pd>/evaluasi-sakip/."""

from django.urls import path

from . import views

app_name = "lke"

urlpatterns = [
    path("", views.IndeksView.as_view(), name="indeks"),
    path("buka/", views.buka, name="buka"),
    path("ikhtisar/<int:tahun>/", views.IkhtisarView.as_view(), name="ikhtisar"),
    path("ikhtisar/<int:tahun>/xlsx/", views.ikhtisar_xlsx, name="ikhtisar_xlsx"),
    path("rekomendasi/<int:pk>/tindak-lanjut/", views.tindak_lanjut, name="tindak_lanjut"),
    path("tindak-lanjut/<int:pk>/putuskan/", views.putuskan, name="putuskan"),
    path("<int:tahun>/", views.LembarView.as_view(), name="lembar"),
    path("<int:tahun>/xlsx/", views.lembar_xlsx, name="lembar_xlsx"),
    path("<int:tahun>/jawab/<int:kriteria>/", views.jawab, name="jawab"),
    path("<int:tahun>/bukti/<int:kriteria>/", views.bukti, name="bukti"),
    path("<int:tahun>/ajukan/", views.ajukan, name="ajukan"),
    path("<int:tahun>/finalkan/", views.finalkan, name="finalkan"),
    path("<int:tahun>/lhe/", views.LheView.as_view(), name="lhe"),
    path("<int:tahun>/lhe/pdf/", views.LhePdfView.as_view(), name="lhe_pdf"),
    path("<int:tahun>/lhe/ubah/", views.lhe_ubah, name="lhe_ubah"),
    path("<int:tahun>/temuan/", views.temuan, name="temuan"),
    path("<int:tahun>/rekomendasi/", views.rekomendasi, name="rekomendasi"),
]
