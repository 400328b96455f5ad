"""URLs of the official reports, mounted at pd/<slug:pd>/laporan/.

A report is addressed by kind and year, and for the quarterly kinds by quarter:
`lkjip/2023/`, `rencana-aksi/2024/`, `triwulan/2023/tw2/`, `evaluasi-renja/2023/tw4/`.
"""

from django.urls import path

from . import views, views_periksa

app_name = "laporan"

# (suffix, view, name) of every page of one report.
_HALAMAN = [
    ("", views.LaporanView.as_view(), "laporan"),
    ("cetak/", views.cetak_html, "cetak_html"),
    ("pdf/", views.pdf, "pdf"),
    ("pdf/buat/", views.pdf_buat, "pdf_buat"),
    ("pdf/<int:cetakan>/status/", views.pdf_status, "pdf_status"),
    ("pdf/<int:cetakan>/unduh/", views.pdf_unduh, "pdf_unduh"),
    ("xlsx/", views.xlsx, "xlsx"),
    ("narasi/", views.NarasiView.as_view(), "narasi"),
    ("narasi/tanggal/", views.tanggal, "tanggal"),
    ("narasi/<str:kunci>/", views.narasi_ubah, "narasi_ubah"),
    ("setujui/", views.setujui, "setujui"),
    ("edisi/", views.EdisiView.as_view(), "edisi"),
    ("catatan/", views.catatan_tambah, "catatan_tambah"),
    ("catatan/<int:pk>/jawab/", views.catatan_jawab, "catatan_jawab"),
    ("catatan/<int:pk>/tutup/", views.catatan_tutup, "catatan_tutup"),
    ("catatan/<int:pk>/buka/", views.catatan_buka, "catatan_buka"),
    ("pernyataan/", views.pernyataan, "pernyataan"),
]

urlpatterns = [
    path("", views.IndeksView.as_view(), name="indeks"),
    path("reviu/", views.ReviuView.as_view(), name="reviu"),
    path("periksa/<int:tahun>/", views_periksa.periksa, name="periksa"),
    path("periksa/<int:tahun>/pdf/", views_periksa.periksa_pdf, name="periksa_pdf"),
    path("periksa/<int:tahun>/xlsx/", views_periksa.periksa_xlsx, name="periksa_xlsx"),
    path("periksa/<int:tahun>/jelaskan/", views_periksa.jelaskan, name="periksa_jelaskan"),
]
for akhiran, view, nama in _HALAMAN:
    urlpatterns.append(path(f"<slug:jenis>/<int:tahun>/{akhiran}", view, name=nama))
    urlpatterns.append(
        path(f"<slug:jenis>/<int:tahun>/tw<int:triwulan>/{akhiran}", view, name=f"{nama}_tw")
    )
