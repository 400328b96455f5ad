"""Issue 15 in a real browser, at 1366×900 and on a phone (390×844): an operator fills a
quarter (list, form with the live capaian visible without scrolling past the inputs, the
whole-quarter grid), a kepala sees completeness per unit, the history page speaks plain
Indonesian. Screenshots go to $ARTIFACTS_DIR as 15-<layar>-*.png.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.browser.test_alur_realisasi import masuk
from tests.conftest import TAHUN_UJI, buat_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAYAR = {"lebar": (1366, 900), "ponsel": (390, 844)}


def buka_jendela(pd):
    from renstra.models import JendelaPengisian

    hari_ini = timezone.localdate()
    JendelaPengisian.objects.create(
        perangkat_daerah=pd,
        tahun=TAHUN_UJI,
        triwulan=1,
        dibuka=hari_ini - datetime.timedelta(days=5),
        ditutup=hari_ini + datetime.timedelta(days=5),
    )


def muat_di_layar(page, locator, lebar):
    """The element is inside the viewport's width (nothing cut off to the right)."""
    kotak = locator.bounding_box()
    assert kotak is not None and kotak["x"] >= 0 and kotak["x"] + kotak["width"] <= lebar + 1


@pytest.mark.parametrize("layar", list(LAYAR))
def test_operator_fills_a_quarter(layar, data_demo, live_server, halaman, artifacts_dir):
    from playwright.sync_api import expect

    from kinerja.models import Realisasi
    from renstra.models import Indikator

    lebar, tinggi = LAYAR[layar]
    pd = data_demo
    buka_jendela(pd)
    operator = buat_persona("operator")
    base, page = live_server.url, halaman
    page.set_viewport_size({"width": lebar, "height": tinggi})
    masuk(page, base, operator)

    # The list opens on the operator's own unit; status and the open button fit the screen.
    daftar = reverse("kinerja:realisasi_daftar", kwargs={"pd": pd.slug})
    page.goto(f"{base}{daftar}?tahun={TAHUN_UJI}&triwulan=1")
    expect(page.locator("#pilih-unit")).to_have_value("saya")
    baris = page.locator("[data-uji=baris-realisasi]", has_text="S2.I1")
    expect(baris).to_be_visible()
    muat_di_layar(page, baris.locator(".badge-status"), lebar)
    muat_di_layar(page, baris.locator("a", has_text="Buka"), lebar)
    assert page.evaluate("document.documentElement.scrollWidth") <= lebar
    page.screenshot(path=artifacts_dir / f"15-{layar}-01-daftar.png", full_page=True)
    page.click("[data-uji=saring-status] a:has-text('Belum diisi')")
    expect(page.locator("[data-uji=saring-status] [aria-current=true]")).to_contain_text(
        "Belum diisi"
    )

    # The form: the capaian is computed while typing and visible under the inputs.
    baris = page.locator("[data-uji=baris-realisasi]", has_text="S2.I1")
    baris.locator("a", has_text="Buka").click()
    page.fill("#id_pembilang", "7.489")
    page.fill("#id_penyebut", "8.000")
    capaian = page.locator("[data-uji=capaian]")
    expect(capaian).to_have_text("93,61%")
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("#id_penyebut").scroll_into_view_if_needed()
    kotak = capaian.bounding_box()
    penyebut = page.locator("#id_penyebut").bounding_box()
    page.screenshot(path=artifacts_dir / f"15-{layar}-02-form.png")
    assert kotak["y"] > penyebut["y"] and kotak["y"] + kotak["height"] <= tinggi
    page.screenshot(path=artifacts_dir / f"15-{layar}-02-form.png")
    page.click("button[name=simpan]")
    expect(page.locator(".alert-success")).to_contain_text("Realisasi tersimpan.")
    expect(page.locator("#id_pembilang")).to_have_value("7.489")

    # The whole quarter of the unit on one page.
    page.goto(f"{base}{daftar}?tahun={TAHUN_UJI}&triwulan=1")
    page.click("[data-uji=tautan-grid] a")
    grid = page.locator("[data-uji=grid]")
    expect(grid).to_be_visible()
    angka = Indikator.objects.get(perangkat_daerah=pd, kode="8.01.02.2.01.04.I1")
    page.fill(f"#id_i{angka.pk}-nilai", "35")
    page.screenshot(path=artifacts_dir / f"15-{layar}-03-grid.png", full_page=True)
    page.click("button[name=simpan]")
    expect(page.locator(".alert-success")).to_contain_text("1 realisasi tersimpan.")
    assert Realisasi.objects.get(indikator=angka, tahun=TAHUN_UJI, triwulan=1).nilai == 35


@pytest.mark.parametrize("layar", list(LAYAR))
def test_kepala_sees_completeness_and_plain_history(
    layar, data_demo, live_server, halaman, artifacts_dir
):
    from decimal import Decimal

    from playwright.sync_api import expect

    from kinerja import services
    from renstra.models import Indikator

    lebar, tinggi = LAYAR[layar]
    pd = data_demo
    buka_jendela(pd)
    operator, verifikator, kepala = (buat_persona(n) for n in ("operator", "verifikator", "kepala"))
    ind = Indikator.objects.get(perangkat_daerah=pd, kode="S2.I1")
    r = services.realisasi_simpan(
        indikator=ind,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={
            "pembilang": Decimal("7489"),
            "penyebut": Decimal("8000"),
            "faktor_pendorong": "Sosialisasi",
        },
        versi=0,
        user=operator,
    )
    r.bukti.create(tautan="https://contoh.go.id/daftar-hadir", diunggah_oleh=operator)
    r = services.realisasi_ajukan(realisasi=r, user=operator)
    r = services.realisasi_verifikasi(realisasi=r, user=verifikator)

    base, page = live_server.url, halaman
    page.set_viewport_size({"width": lebar, "height": tinggi})
    masuk(page, base, kepala)
    page.goto(f"{base}{reverse('beranda_pd', kwargs={'pd': pd.slug})}?tahun={TAHUN_UJI}&triwulan=1")
    kelengkapan = page.locator("[data-uji=kelengkapan]")
    expect(kelengkapan).to_contain_text("Bidang Ideologi")
    unit = page.locator("[data-uji=kelengkapan-unit]", has_text="Bidang Ideologi")
    expect(unit.locator("[data-label=Diverifikasi]")).to_have_text("1")
    unit.locator("summary").click()
    expect(unit.locator("a", has_text="S2.I1")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= lebar
    kelengkapan.scroll_into_view_if_needed()
    page.screenshot(path=artifacts_dir / f"15-{layar}-04-kelengkapan.png", full_page=True)

    page.goto(f"{base}{reverse('kinerja:realisasi_riwayat', kwargs={'pd': pd.slug, 'pk': r.pk})}")
    teks = page.locator("[data-uji=riwayat]").inner_text()
    for kalimat in (
        f"Realisasi diisi oleh {operator.get_full_name()}",
        f"Diajukan untuk diverifikasi oleh {operator.get_full_name()}",
        f"Diverifikasi oleh {verifikator.get_full_name()}",
        "Pembilang",
        "7.489",
        "93,6125",
        "Faktor pendorong",
        "Diajukan",
    ):
        assert kalimat in teks
    # No code, field name, raw decimal or ISO date reaches the reader.
    assert not re.search(r"realisasi\.|_|\bversi\b|\d\.\d{4}\b|\d{4}-\d{2}-\d{2}", teks), teks
    assert re.search(r"\d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB", teks)
    page.screenshot(path=artifacts_dir / f"15-{layar}-05-riwayat.png", full_page=True)
