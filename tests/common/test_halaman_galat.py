"""Indonesian error pages in every mode: 404 (also with DEBUG on), 403, CSRF 403, 500."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

JUDUL_404 = "Halaman tidak ditemukan"


@pytest.mark.parametrize("debug", [False, True])
def test_404_is_indonesian_with_and_without_debug(client, paser, kepala, debug):
    client.force_login(kepala)
    with override_settings(DEBUG=debug):
        # An unknown address (URL resolver) and an object outside the user's scope (view).
        for url in ("/tidak-ada/", reverse("renstra:indikator_riwayat", args=["tidak-ada", 1])):
            respon = client.get(url)
            teks = respon.content.decode()
            assert respon.status_code == 404, url
            assert JUDUL_404 in teks and "Page not found" not in teks


def test_403_is_indonesian(client, paser, operator):
    client.force_login(operator)
    respon = client.post(reverse("kinerja:jendela_simpan", kwargs={"pd": paser.slug}), {})
    assert respon.status_code == 403 and "Akses ditolak" in respon.content.decode()


def test_csrf_failure_is_indonesian(paser, operator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(operator)
    respon = client.post(reverse("kinerja:jendela_simpan", kwargs={"pd": paser.slug}), {})
    teks = respon.content.decode()
    assert respon.status_code == 403
    assert "Formulir tidak dapat diproses" in teks and "CSRF verification failed" not in teks


def test_500_page_is_indonesian_and_standalone():
    from django.template.loader import render_to_string

    teks = render_to_string("500.html")
    assert "Terjadi gangguan pada server" in teks and 'lang="id"' in teks
