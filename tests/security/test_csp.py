"""Content-Security-Policy on every HTML page, pages free of inline script, and narrative
HTML escaped in the printed PDF (issue #16, point 6)."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db

# Inline script the policy would block: a <script> without src, an on…= handler attribute,
# a javascript: URL.
SKRIP_SISIP = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
PENANGAN_SISIP = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
URL_JS = re.compile(r"(?:href|src|action)\s*=\s*[\"']?\s*javascript:", re.IGNORECASE)


def arahan(header: str) -> dict[str, list[str]]:
    """The policy as {directive: [sources]}."""
    hasil = {}
    for bagian in header.split(";"):
        kata = bagian.split()
        if kata:
            hasil[kata[0]] = kata[1:]
    return hasil


def halaman_utama(paser, indikator_a) -> list[str]:
    pd = paser.slug
    periode = {"tahun": TAHUN_UJI, "triwulan": 1}
    return [
        reverse("beranda"),
        reverse("kinerja:realisasi_daftar", kwargs={"pd": pd}),
        reverse("kinerja:realisasi_isi", kwargs={"pd": pd, "indikator": indikator_a.pk, **periode}),
        reverse("renstra:indikator_daftar", kwargs={"pd": pd}),
        reverse("laporan:indeks", kwargs={"pd": pd}),
        reverse("laporan:laporan", kwargs={"pd": pd, "jenis": "lkjip", "tahun": 2023}),
        reverse("pk:daftar", kwargs={"pd": pd}),
    ]


def test_strict_policy_on_every_main_page(client, paser, indikator_a, kepala):
    client.force_login(kepala)
    for url in halaman_utama(paser, indikator_a):
        respon = client.get(url, follow=True)  # "/" leads to the PD's home page
        assert respon.status_code == 200, url
        kebijakan = arahan(respon["Content-Security-Policy"])
        assert kebijakan["default-src"] == ["'self'"], url
        assert kebijakan["script-src"] == ["'self'"], url
        assert kebijakan["object-src"] == ["'none'"], url
        assert kebijakan["frame-ancestors"] == ["'none'"], url
        assert "'unsafe-eval'" not in respon["Content-Security-Policy"]


def test_login_page_has_the_policy(client):
    respon = client.get(reverse("login"))
    assert respon.status_code == 200
    assert "script-src 'self'" in respon["Content-Security-Policy"]


def test_main_pages_hold_no_inline_script(client, paser, indikator_a, kepala, operator):
    for user in (kepala, operator):
        client.force_login(user)
        for url in halaman_utama(paser, indikator_a):
            teks = client.get(url, follow=True).content.decode()
            assert not SKRIP_SISIP.search(teks), (url, SKRIP_SISIP.search(teks))
            assert not PENANGAN_SISIP.search(teks), (url, PENANGAN_SISIP.search(teks))
            assert not URL_JS.search(teks), url
            assert "js/app.js" in teks


def test_evidence_download_keeps_its_sandbox_policy(
    client, paser, indikator_a, operator, jendela_terbuka
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kinerja import services
    from tests.kinerja.test_bukti import PDF

    r = services.realisasi_simpan(
        indikator=indikator_a,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(1), "penyebut": Decimal(2)},
        versi=0,
        user=operator,
    )
    b = services.bukti_tambah(
        realisasi=r, user=operator, berkas=SimpleUploadedFile("a.pdf", PDF, "application/pdf")
    )
    client.force_login(operator)
    respon = client.get(reverse("kinerja:bukti_unduh", kwargs={"pd": paser.slug, "pk": b.pk}))
    b"".join(respon.streaming_content)
    assert respon["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_script_typed_in_a_narrative_is_printed_as_text_in_the_pdf(paser, perencana):
    from laporan import cetak
    from laporan.services import narasi_simpan
    from tests.laporan.conftest import teks_pdf

    laporan = cetak.laporan_untuk(paser, "lkjip", 2023)
    if laporan.pk is None:
        laporan.save()
    serangan = '<script>alert("xss")</script> & <b>tebal</b>'
    narasi_simpan(laporan=laporan, kunci="kata_pengantar", teks=serangan, user=perencana)
    dokumen = cetak.susun(cetak.laporan_untuk(paser, "lkjip", 2023))
    html = cetak.halaman_cetak(dokumen.isi, judul=dokumen.judul, draft=True)
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in html
    assert '<script>alert("xss")' not in html and "<b>tebal</b>" not in html
    teks = "\n".join(teks_pdf(cetak.pdf(html)))
    # Printed as the characters typed: escaped markup, never executed or dropped.
    assert '<script>alert("xss")</script> & <b>tebal</b>' in teks
