"""The kept PDF in a real browser: opening the PDF address only shows a page (nothing is
started by a GET); the "Buat PDF" button starts the render (POST) and the file downloads.
Without a broker the render runs in the request, as with `make run`."""

import os
from pathlib import Path

import pytest

KATA_SANDI = "rahasia-uji-123"

pytestmark = pytest.mark.browser

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def kepala(data_demo):
    from django.contrib.auth import get_user_model

    from common.models import Keanggotaan, Peran

    user = get_user_model().objects.create_user(username="p-kepala", password=KATA_SANDI)
    Keanggotaan.objects.create(pengguna=user, perangkat_daerah=data_demo, peran=Peran.KEPALA)
    return user


def test_pdf_page_starts_only_on_the_button_then_downloads(
    live_server, kepala, chromium, artifacts_dir
):
    from playwright.sync_api import expect

    from laporan.models import Cetakan

    konteks = chromium.new_context(accept_downloads=True, viewport={"width": 1280, "height": 800})
    page = konteks.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", "p-kepala")
    page.fill("#id_password", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/pd/kesbangpol-paser/laporan/rencana-aksi/2024/pdf/")
    expect(page.locator("#status-pdf")).to_contain_text("belum dibuat")
    page.screenshot(path=str(artifacts_dir / "pdf-belum-dibuat.png"))
    assert not Cetakan.objects.exists()

    with page.expect_download(timeout=180_000) as unduhan:
        page.click("#tombol-buat-pdf")
    assert Path(unduhan.value.path()).read_bytes()[:4] == b"%PDF"
    assert unduhan.value.suggested_filename.endswith(".pdf")
    assert Cetakan.objects.count() == 1

    # Back on the report page the kept PDF is offered as ready.
    page.goto(f"{live_server.url}/pd/kesbangpol-paser/laporan/rencana-aksi/2024/")
    expect(page.locator("#unduh-pdf")).to_contain_text("siap")
    page.screenshot(path=str(artifacts_dir / "pdf-siap.png"))
    konteks.close()
