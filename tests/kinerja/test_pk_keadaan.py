"""A PK's state said once and true (issue 15): a PK signed by one party waits for the second
party (never "DRAF" beside "Ditandatangani"), a signed PK carries a QR code of its
verification address, the year of the PK is the year shown, a read-only page says why."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja import pk as L
from kinerja import views_pk as V
from kinerja.models import PerjanjianKinerja
from kinerja.pk.dokumen import KEADAAN_DRAF, KEADAAN_MENUNGGU_PIHAK_KEDUA, qr_svg
from tests.kinerja.test_pk_views import NIP_KEPALA, SANDI, _png
from tests.kinerja.test_pk_views import buat_persona as buat_persona_pk

pytestmark = pytest.mark.usefixtures("pk_demo_draf")


@pytest.fixture
def orang(db):
    """The PK tests' personas (their password signs)."""
    dibuat = {}

    def ambil(nama):
        if nama not in dibuat:
            dibuat[nama] = buat_persona_pk(nama)
        return dibuat[nama]

    return ambil


@pytest.fixture
def pk_kepala(paser):
    return PerjanjianKinerja.objects.get(
        perangkat_daerah=paser, tahun=2024, pihak_pertama__nip=NIP_KEPALA
    )


def dokumen(client, paser, pk):
    """The printed document's markup, without its inlined stylesheet."""
    html = client.get(reverse("pk:cetak", args=[paser.slug, pk.pk])).content.decode()
    return re.sub(r"<style.*?</style>", "", html, flags=re.S)


def test_signed_by_first_party_waits_for_the_second(client, orang, paser, pk_kepala):
    kepala = orang("kepala")
    L.pk_tandatangani_pihak_pertama(pk=pk_kepala, user=kepala, kata_sandi=SANDI)
    client.force_login(kepala)
    detail = client.get(reverse("pk:detail", args=[paser.slug, pk_kepala.pk])).content.decode()
    assert 'data-uji="keadaan-pk">Menunggu tanda tangan Pihak Kedua<' in detail
    assert KEADAAN_MENUNGGU_PIHAK_KEDUA in detail and V.PESAN_BACA_MENUNGGU in detail
    html = dokumen(client, paser, pk_kepala)
    assert KEADAAN_MENUNGGU_PIHAK_KEDUA in html and "MENUNGGU TANDA TANGAN PIHAK KEDUA" in html
    assert "DRAF" not in html and ">DRAFT<" not in html
    assert "Ditandatangani melalui aplikasi" in html  # the first party's stamp, beside no DRAF
    assert 'data-uji="qr-verifikasi"' not in html


def test_draft_still_says_draft(client, orang, paser, pk_kepala):
    client.force_login(orang("kepala"))
    html = dokumen(client, paser, pk_kepala)
    assert KEADAAN_DRAF in html and ">DRAFT<" in html and 'data-uji="qr-verifikasi"' not in html


def test_signed_pk_carries_a_qr_code_of_its_verification_address(client, orang, paser, pk_kepala):
    kepala = orang("kepala")
    L.pk_tandatangani_pihak_pertama(pk=pk_kepala, user=kepala, kata_sandi=SANDI)
    berkas = SimpleUploadedFile("ttd.png", _png(), content_type="image/png")
    pk = L.pk_unggah_pindaian(
        pk=pk_kepala, berkas=berkas, user=kepala, kata_sandi=SANDI, konfirmasi=True
    )
    client.force_login(orang("operator"))
    html = dokumen(client, paser, pk)
    alamat = f"http://testserver/pk/verifikasi/{pk.sidik_jari}/"
    # The QR of exactly that address, inline (no image file, no network), on both pages.
    assert html.count(qr_svg(alamat)) == 2 and "<svg" in qr_svg(alamat)
    assert qr_svg(alamat) != qr_svg(alamat.replace(pk.sidik_jari[:4], "0000"))
    assert "DRAF" not in html and "Menunggu tanda tangan" not in html
    detail = client.get(reverse("pk:detail", args=[paser.slug, pk.pk])).content.decode()
    assert V.PESAN_BACA_DITANDATANGANI in detail
    pdf = client.get(reverse("pk:pdf", args=[paser.slug, pk.pk]))
    assert pdf.content[:4] == b"%PDF"


def test_read_only_reason_for_a_draft_seen_by_an_operator(client, orang, paser, pk_kepala):
    client.force_login(orang("operator"))
    detail = client.get(reverse("pk:detail", args=[paser.slug, pk_kepala.pk])).content.decode()
    assert V.PESAN_BACA_BUKAN_PERENCANA in detail
    client.force_login(orang("perencana"))
    detail = client.get(reverse("pk:detail", args=[paser.slug, pk_kepala.pk])).content.decode()
    assert 'data-uji="alasan-hanya-baca"' not in detail


def test_a_date_outside_the_pk_year_is_flagged(client, orang, paser, pk_kepala):
    client.force_login(orang("perencana"))
    url = reverse("pk:detail", args=[paser.slug, pk_kepala.pk])
    assert 'data-uji="peringatan-tahun"' not in client.get(url).content.decode()
    PerjanjianKinerja.objects.filter(pk=pk_kepala.pk).update(
        tanggal=datetime.date(2023, 1, 1), tanggal_hanya_bulan=True
    )
    pesan = V.PESAN_TANGGAL_TAHUN_LAIN.format(tanggal="Januari 2023", tahun=2024)
    assert pesan in client.get(url).content.decode()
    ubah = client.get(reverse("pk:ubah", args=[paser.slug, pk_kepala.pk])).content.decode()
    assert pesan in ubah and "PERJANJIAN KINERJA TAHUN 2024" in ubah
