"""The quarterly workflow as people do it, in a real browser.

An operator logs in, enters the TW I realisation of S2.I1 as pembilang/penyebut, sees the
capaian computed while typing, attaches a PDF and submits; the verifikator verifies; the
kepala approves; the home page then shows the new capaian of sasaran S2.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import TAHUN_UJI, buat_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KATA_SANDI = "rahasia-uji-123"


def _pdf_satu_halaman() -> bytes:
    """A real one-page PDF: evidence must parse, not only start with %PDF."""
    import io

    import pypdf

    penulis, isi = pypdf.PdfWriter(), io.BytesIO()
    penulis.add_blank_page(width=200, height=200)
    penulis.write(isi)
    return isi.getvalue()


PDF = _pdf_satu_halaman()


def masuk(page, base, user):
    page.goto(f"{base}{reverse('login')}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/pd/kesbangpol-paser/$"))


def keluar(page):
    page.click(".navbar .dropdown-toggle")
    page.click("text=Keluar")
    page.wait_for_url(re.compile(r"/masuk/"))


def test_operator_to_kepala(data_demo, live_server, halaman, artifacts_dir, tmp_path):
    from playwright.sync_api import expect

    from kinerja.models import Realisasi
    from renstra.models import Indikator, JendelaPengisian

    pd = data_demo
    hari_ini = timezone.localdate()
    JendelaPengisian.objects.create(
        perangkat_daerah=pd,
        tahun=TAHUN_UJI,
        triwulan=1,
        dibuka=hari_ini - datetime.timedelta(days=5),
        ditutup=hari_ini + datetime.timedelta(days=5),
    )
    operator, verifikator, kepala = (buat_persona(n) for n in ("operator", "verifikator", "kepala"))
    ind = Indikator.objects.get(perangkat_daerah=pd, kode="S2.I1")
    base = live_server.url
    page = halaman
    kunci = {"pd": pd.slug, "indikator": ind.pk, "tahun": TAHUN_UJI, "triwulan": 1}
    url_isi = f"{base}{reverse('kinerja:realisasi_isi', kwargs=kunci)}"
    url_beranda = (
        f"{base}{reverse('beranda_pd', kwargs={'pd': pd.slug})}?tahun={TAHUN_UJI}&triwulan=1"
    )

    # 1. The operator: home page, then the form.
    masuk(page, base, operator)
    page.goto(url_beranda)
    expect(page.locator("text=Yang harus saya isi untuk TW I")).to_be_visible()
    page.screenshot(path=artifacts_dir / "01-beranda-operator.png", full_page=True)
    page.goto(url_isi)
    page.fill("#id_pembilang", "7.489")
    page.fill("#id_penyebut", "8.000")
    # The capaian is computed by the server (htmx round trip) while typing.
    capaian = page.locator("[data-uji=capaian]")
    expect(capaian).to_have_text("93,61%")
    expect(page.locator("[data-uji=kategori]")).to_have_text("Sangat Tinggi")
    page.fill("#id_faktor_pendorong", "Sosialisasi wawasan kebangsaan di 10 kecamatan.")
    page.screenshot(path=artifacts_dir / "02-form-pratinjau.png", full_page=True)
    page.click("button[name=simpan]")
    expect(page.locator(".alert-success")).to_contain_text("Realisasi tersimpan.")

    bukti = tmp_path / "daftar-hadir.pdf"
    bukti.write_bytes(PDF)
    page.set_input_files("#id_berkas", str(bukti))
    page.click("text=Unggah bukti")
    expect(page.locator("[data-uji=daftar-bukti]")).to_contain_text("daftar-hadir.pdf")
    page.click("button:text('Ajukan')")
    expect(page.locator(".alert-success")).to_contain_text("Realisasi diajukan")
    page.screenshot(path=artifacts_dir / "03-diajukan.png", full_page=True)
    keluar(page)

    # 2. The verifikator: inbox, then verify.
    masuk(page, base, verifikator)
    kotak = page.locator("[data-uji=kotak-masuk-verifikasi]")
    expect(kotak).to_contain_text("S2.I1")
    page.screenshot(path=artifacts_dir / "04-beranda-verifikator.png", full_page=True)
    kotak.locator("a", has_text="S2.I1").click()
    page.click("button:text('Verifikasi')")
    expect(page.locator(".alert-success")).to_contain_text("Realisasi diverifikasi")
    keluar(page)

    # 3. The kepala: inbox, approve, then the home page shows the new capaian.
    masuk(page, base, kepala)
    kotak = page.locator("[data-uji=kotak-masuk-setujui]")
    expect(kotak).to_contain_text("S2.I1")
    kotak.locator("a", has_text="S2.I1").click()
    page.click("button:text('Setujui')")
    expect(page.locator(".alert-success")).to_contain_text("Realisasi disetujui")
    page.screenshot(path=artifacts_dir / "05-disetujui.png", full_page=True)
    page.goto(url_beranda)
    expect(page.locator("[data-uji=capaian-S2]")).to_have_text("93,61%")
    page.screenshot(path=artifacts_dir / "06-beranda-kepala.png", full_page=True)

    r = Realisasi.objects.get(indikator=ind, tahun=TAHUN_UJI, triwulan=1)
    assert r.status == "disetujui" and r.bukti.count() == 1
    assert (r.diisi_oleh, r.diverifikasi_oleh, r.disetujui_oleh) == (operator, verifikator, kepala)

    # 4. The other screens of the issue, as the kepala sees them.
    for nama, url in (
        (
            "09-anggaran.png",
            f"{reverse('anggaran:realisasi_daftar', kwargs={'pd': pd.slug})}?tahun=2023&triwulan=4",
        ),
        ("10-periode.png", reverse("kinerja:pembukaan_daftar", kwargs={"pd": pd.slug})),
        (
            "11-rencana.png",
            f"{reverse('renstra:indikator_daftar', kwargs={'pd': pd.slug})}?tahun=2024",
        ),
        (
            "12-riwayat.png",
            reverse("kinerja:realisasi_riwayat", kwargs={"pd": pd.slug, "pk": r.pk}),
        ),
    ):
        page.goto(f"{base}{url}")
        page.screenshot(path=artifacts_dir / nama, full_page=True)

    # 5. The same screens on a phone.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url_isi)
    page.screenshot(path=artifacts_dir / "07-ponsel-form.png", full_page=True)
    page.goto(url_beranda)
    page.screenshot(path=artifacts_dir / "08-ponsel-beranda.png", full_page=True)
