"""Periksa laporan in a real browser: a reviewer assigned to Paser 2023 opens the checker
from the report index, sees the wrong averages with their correct values, and downloads the
PDF and the XLSX (Playwright + Debian Chromium; fixtures in tests/browser/conftest.py)."""

import os
from pathlib import Path

import pytest

KATA_SANDI = "rahasia-uji-123"

pytestmark = pytest.mark.browser

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def reviewer(data_demo):
    from django.contrib.auth import get_user_model

    from common.models import Keanggotaan, Peran
    from laporan.models import PenugasanReviu

    user = get_user_model().objects.create_user(username="p-reviewer", password=KATA_SANDI)
    Keanggotaan.objects.create(pengguna=user, perangkat_daerah=data_demo, peran=Peran.INSPEKTORAT)
    PenugasanReviu.objects.create(reviewer=user, perangkat_daerah=data_demo, tahun=2023)
    return user


def test_reviewer_opens_the_checker_and_downloads_its_pdf(
    live_server, reviewer, chromium, artifacts_dir
):
    from playwright.sync_api import expect

    konteks = chromium.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = konteks.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", "p-reviewer")
    page.fill("#id_password", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/pd/kesbangpol-paser/laporan/")
    page.click("text=Periksa 2023")
    expect(page.locator("h1.periksa-judul")).to_have_text("Periksa laporan 2023")
    tabel7 = page.locator("section.periksa-bagian", has_text="Tabel 7")
    expect(tabel7).to_contain_text("98,18")
    expect(tabel7).to_contain_text("106,56%")
    tabel8 = page.locator("section.periksa-bagian", has_text="Tabel 8")
    expect(tabel8).to_contain_text("rata-rata dicetak sebagai jumlah: 89,34 + 100 = 189,34")
    tabel8.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "periksa-laporan.png"), full_page=False)

    with page.expect_download() as unduhan:
        page.click("#unduh-pdf")
    isi = Path(unduhan.value.path()).read_bytes()
    assert isi[:4] == b"%PDF"
    assert unduhan.value.suggested_filename == "periksa-laporan-kesbangpol-paser-2023.pdf"
    (artifacts_dir / "periksa-laporan-paser-2023.pdf").write_bytes(isi)

    with page.expect_download() as unduhan:
        page.click("#unduh-xlsx")
    assert Path(unduhan.value.path()).read_bytes()[:2] == b"PK"
    konteks.close()
