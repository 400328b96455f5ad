"""The agency's stated budget total entered in a real browser (issue 14 point 8).

Paser's perencana opens the budget page of 2023, follows the link to the stated total, types
the DPA amounts in Indonesian notation and saves: the page shows the saved value and its
difference from the program tree's sum (pagu 32.351.024.068), as the LKjIP will print it.
"""

import pytest
from django.urls import reverse

from tests.browser.test_alur_realisasi import masuk
from tests.conftest import buat_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_perencana_enters_the_stated_total(data_demo, live_server, halaman, artifacts_dir):
    from playwright.sync_api import expect

    from anggaran.models import AnggaranPerangkatDaerah

    pd = data_demo
    perencana = buat_persona("perencana")
    base = live_server.url
    page = halaman

    masuk(page, base, perencana)
    page.goto(
        f"{base}{reverse('anggaran:realisasi_daftar', kwargs={'pd': pd.slug})}"
        "?tahun=2023&triwulan=4"
    )
    page.click("[data-uji=anggaran-pd]")
    expect(page.locator("h1")).to_have_text("Anggaran perangkat daerah · 2023")
    expect(page.get_by_label("Pagu berlaku (perubahan)")).to_have_value("32.654.909.391")

    page.get_by_label("Pagu murni").fill("30.000.000.000")
    page.get_by_label("Pagu berlaku (perubahan)").fill("32.700.000.000")
    page.get_by_label("Sumber").fill("DPA Perubahan 2023")
    page.click("button:has-text('Simpan')")

    expect(page.locator(".alert-success")).to_contain_text(
        "Anggaran perangkat daerah tahun 2023 tersimpan."
    )
    expect(page.get_by_label("Pagu berlaku (perubahan)")).to_have_value("32.700.000.000")
    expect(page.locator("[data-uji=pagu-pd]")).to_have_text("Rp 32.700.000.000")
    expect(page.locator("[data-uji=pagu-program]")).to_have_text("Rp 32.351.024.068")
    # 32.700.000.000 − 32.351.024.068
    expect(page.locator("[data-uji=selisih-pagu]")).to_have_text("Rp 348.975.932")
    expect(page.locator("[data-uji=riwayat]")).to_contain_text("Diubah")
    page.screenshot(path=artifacts_dir / "anggaran-pd-tersimpan.png", full_page=True)

    a = AnggaranPerangkatDaerah.objects.get(perangkat_daerah=pd, tahun=2023)
    assert (a.pagu_murni, a.pagu, a.sumber) == (30000000000, 32700000000, "DPA Perubahan 2023")
    # The expanded menu at 1280 px wraps instead of pushing the user menu past the edge.
    kotak = page.locator(".app-navbar .navbar-collapse > .navbar-nav:last-child").bounding_box()
    assert kotak is not None and kotak["x"] + kotak["width"] <= 1280
    expect(page.locator(".app-navbar .dropdown-toggle").last).to_be_visible()
    expect(page.locator(".app-navbar .dropdown-toggle").last).to_have_text(
        perencana.get_full_name()
    )
    # The history names the year as a year.
    expect(page.locator("[data-uji=riwayat]")).to_contain_text("2023")
    expect(page.locator("[data-uji=riwayat]")).not_to_contain_text("2.023")
