"""Report URLs only read (#16 point 3): GET/HEAD, 405 on POST, and opening a PDF, print or
Excel URL writes no row. A render starts only through the explicit, audited POST action,
which joins the existing job of the same edition. Kept PDFs go through the storage API."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from common.models import AuditLog
from laporan import services
from laporan.models import Cetakan, Laporan, StatusCetakan

pytestmark = pytest.mark.django_db

PD = "kesbangpol-paser"


def url(nama: str, jenis: str = "lkjip", tahun: int = 2023, triwulan: int | None = None, **kw):
    argumen = {"pd": PD, "jenis": jenis, "tahun": tahun, **kw}
    if triwulan:
        argumen["triwulan"] = triwulan
        nama = f"{nama}_tw"
    return reverse(f"laporan:{nama}", kwargs=argumen)


@pytest.fixture
def cetakan_selesai(kepala, paser):
    laporan = services.laporan_dapatkan(pd=paser, jenis="rencana-aksi", tahun=2024, user=kepala)
    return services.cetakan_minta(laporan=laporan, user=kepala)


def _url_laporan(cetakan=None) -> list[str]:
    daftar = [
        url("laporan"),
        url("cetak_html"),
        url("pdf"),
        url("xlsx"),
        url("laporan", "triwulan", triwulan=2),
        url("cetak_html", "triwulan", triwulan=2),
        url("pdf", "triwulan", triwulan=2),
        url("xlsx", "triwulan", triwulan=2),
        url("edisi"),
    ]
    if cetakan is not None:
        daftar += [
            url("pdf_status", "rencana-aksi", 2024, cetakan=cetakan.pk),
            url("pdf_unduh", "rencana-aksi", 2024, cetakan=cetakan.pk),
        ]
    return daftar


def test_every_report_url_answers_405_to_post(client, kepala, cetakan_selesai):
    client.force_login(kepala)
    sebelum = (Laporan.objects.count(), Cetakan.objects.count(), AuditLog.objects.count())
    for alamat in _url_laporan(cetakan_selesai):
        assert client.post(alamat).status_code == 405, alamat
    assert (Laporan.objects.count(), Cetakan.objects.count(), AuditLog.objects.count()) == sebelum


def test_opening_report_urls_creates_no_row(client, kepala):
    client.force_login(kepala)
    sebelum = (Laporan.objects.count(), Cetakan.objects.count(), AuditLog.objects.count())
    for alamat in _url_laporan():
        respon = client.get(alamat)
        assert respon.status_code == 200, alamat
        assert client.head(alamat).status_code == 200, alamat
    pdf = client.get(url("pdf")).content.decode()
    assert "belum dibuat" in pdf and 'id="tombol-buat-pdf"' in pdf
    assert (Laporan.objects.count(), Cetakan.objects.count(), AuditLog.objects.count()) == sebelum


def test_pdf_starts_only_by_post_and_a_second_post_joins_the_job(client, kepala, paser):
    client.force_login(kepala)
    buat = url("pdf_buat", "rencana-aksi", 2024)
    assert client.get(buat).status_code == 405
    assert not Cetakan.objects.exists()

    respon = client.post(buat)
    assert respon.status_code == 302
    assert respon["Location"] == url("pdf", "rencana-aksi", 2024) + "?edisi=draft"
    cetakan = Cetakan.objects.get()
    assert cetakan.status == StatusCetakan.SELESAI and cetakan.percobaan == 1
    assert cetakan.diminta_oleh == kepala

    client.post(buat)
    assert Cetakan.objects.get().pk == cetakan.pk
    aksi = list(
        AuditLog.objects.filter(object_id=str(cetakan.pk), aksi__startswith="laporan.pdf.")
        .order_by("pk")
        .values_list("aksi", "pengguna__username")
    )
    assert aksi == [("laporan.pdf.minta", kepala.username), ("laporan.pdf.buat", kepala.username)]

    berkas = client.get(respon["Location"])
    assert berkas["Content-Type"] == "application/pdf"
    assert b"".join(berkas.streaming_content)[:4] == b"%PDF"


def test_pdf_action_of_another_pd_answers_404(client, persona):
    client.force_login(persona("luar"))
    assert client.post(url("pdf_buat", "rencana-aksi", 2024)).status_code == 404
    assert not Cetakan.objects.exists() and not Laporan.objects.filter(tahun=2024).exists()


def test_failed_job_is_queued_again_by_the_next_request(kepala, paser):
    laporan = services.laporan_dapatkan(pd=paser, jenis="rencana-aksi", tahun=2024, user=kepala)
    isi = services.html_cetak(laporan, None)
    pertama = services.cetakan_minta(laporan=laporan, user=kepala, isi=isi)
    Cetakan.objects.filter(pk=pertama.pk).update(status=StatusCetakan.GAGAL, pesan="x")
    lagi = services.cetakan_minta(laporan=laporan, user=kepala, isi=isi)
    assert lagi.pk == pertama.pk and lagi.status == StatusCetakan.SELESAI
    assert lagi.tugas_id != pertama.tugas_id


def test_task_of_a_replaced_job_does_nothing(kepala, paser):
    laporan = services.laporan_dapatkan(pd=paser, jenis="rencana-aksi", tahun=2024, user=kepala)
    isi = services.html_cetak(laporan, None)
    cetakan = services.cetakan_minta(laporan=laporan, user=kepala, isi=isi)
    hasil = services.cetakan_kerjakan(
        cetakan_id=cetakan.pk, tugas_id="tugas-lama", html=isi.html, nama_berkas="x.pdf"
    )
    assert hasil == "diganti"
    cetakan.refresh_from_db()
    assert cetakan.percobaan == 1


def test_job_lost_with_its_workers_fails_after_the_attempt_limit(kepala, paser):
    laporan = services.laporan_dapatkan(pd=paser, jenis="rencana-aksi", tahun=2024, user=kepala)
    isi = services.html_cetak(laporan, None)
    cetakan = services.cetakan_minta(laporan=laporan, user=kepala, isi=isi)
    Cetakan.objects.filter(pk=cetakan.pk).update(
        status=StatusCetakan.PROSES, percobaan=services.BATAS_PERCOBAAN
    )
    services.cetakan_kerjakan(
        cetakan_id=cetakan.pk, tugas_id=cetakan.tugas_id, html=isi.html, nama_berkas="x.pdf"
    )
    cetakan.refresh_from_db()
    assert cetakan.status == StatusCetakan.GAGAL
    assert cetakan.pesan == services.PESAN_PERCOBAAN_HABIS.format(n=services.BATAS_PERCOBAAN)


def test_kept_pdf_lives_in_storage_without_a_file_system_path(client, kepala, settings, tmp_path):
    """With in-memory storage the PDF is written and served through the storage API only."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    client.force_login(kepala)
    respon = client.post(url("pdf_buat", "rencana-aksi", 2024))
    cetakan = Cetakan.objects.get()
    assert cetakan.status == StatusCetakan.SELESAI, cetakan.pesan
    # Written through the storage API: nothing on the disk under MEDIA_ROOT.
    assert list(tmp_path.rglob("*")) == []
    assert default_storage.open(cetakan.berkas.name).read(4) == b"%PDF"
    berkas = client.get(respon["Location"])
    assert b"".join(berkas.streaming_content)[:4] == b"%PDF"
