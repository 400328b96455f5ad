"""The Inspektorat review in a real browser (Playwright + Debian Chromium).

A reviewer logs in, downloads the LKjIP PDF (produced in the background, progress polled by
htmx, then downloaded), adds a note on a table row of the report; the operator answers it; the
reviewer closes it and issues the "Pernyataan Telah Direviu", which then appears in the report.

live_server tests run on a transactional database: the data they need is loaded here.
The shared fixtures of tests/browser/conftest.py give the browser (`chromium`, skipped with a
reason when /usr/bin/chromium is absent), the artifacts folder and the demo data (`data_demo`,
loaded inside the transactional live-server test and restored after its flush).
"""

import os
from pathlib import Path

import pytest

KATA_SANDI = "rahasia-uji-123"

pytestmark = pytest.mark.browser

# Playwright's sync API runs an event loop in this thread; the ORM calls of the test are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def data(data_demo):
    """The three personas, the reviewer's assignment and an approved edition of the LKjIP."""
    from django.contrib.auth import get_user_model

    from common.models import Keanggotaan, Peran
    from laporan import services
    from laporan.models import PenugasanReviu
    from renstra.models import UnitKerja

    pd = data_demo
    User = get_user_model()

    def pengguna(nama: str, peran: str, unit: str | None = None):
        user = User.objects.create_user(
            username=f"b-{nama}", password=KATA_SANDI, first_name=nama.title()
        )
        Keanggotaan.objects.create(
            pengguna=user,
            perangkat_daerah=pd,
            peran=peran,
            unit_kerja=UnitKerja.objects.get(perangkat_daerah=pd, kode=unit) if unit else None,
        )
        return user

    reviewer = pengguna("reviewer", Peran.INSPEKTORAT)
    pengguna("operator", Peran.OPERATOR, "bidang-ideologi")
    kepala = pengguna("kepala", Peran.KEPALA)
    PenugasanReviu.objects.create(reviewer=reviewer, perangkat_daerah=pd, tahun=2023)
    laporan = services.laporan_dapatkan(pd=pd, jenis="lkjip", tahun=2023, user=kepala)
    from tests.periksa.bantu import jelaskan_galat

    jelaskan_galat(pd, 2023, kepala)  # the approval gate (periksa.services)
    services.laporan_setujui(laporan=laporan, user=kepala)
    return {"pd": pd, "laporan": laporan}


def _masuk(browser, live_server, username: str):
    konteks = browser.new_context(accept_downloads=True, viewport={"width": 1500, "height": 1000})
    page = konteks.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return konteks, page


def test_reviewer_notes_operator_answers_reviewer_closes_and_states(
    live_server, data, chromium, artifacts_dir
):
    from playwright.sync_api import expect

    from laporan.models import CatatanReviu, StatusCatatan

    alamat = f"{live_server.url}/pd/kesbangpol-paser/laporan/lkjip/2023/"
    browser = chromium
    # 1. The reviewer opens the report (the approved edition) and downloads its PDF.
    konteks, page = _masuk(browser, live_server, "b-reviewer")
    page.goto(alamat)
    expect(page.locator("#pilih-edisi")).to_have_value("1")
    with page.expect_download(timeout=180_000) as unduhan:
        page.click("#unduh-pdf")
    berkas = unduhan.value.path()
    assert Path(berkas).read_bytes()[:4] == b"%PDF"
    assert unduhan.value.suggested_filename.endswith(".pdf")

    # 2. A note on a row of the pengukuran table: click the row, write, save.
    page.goto(alamat)
    baris = page.locator('[id="pengukuran--S1.I1"]')
    baris.click()
    expect(page.locator("#id_jangkar")).to_have_value("pengukuran--S1.I1")
    page.fill("#id_teks", "Target 73 berbeda dengan Renstra (B); mohon dijelaskan.")
    page.click("#simpan-catatan")
    expect(page.locator(".catatan")).to_contain_text("Target 73 berbeda")
    expect(page.locator(".catatan .badge")).to_have_text("Terbuka")
    page.screenshot(path=str(artifacts_dir / "reviu-catatan.png"))
    konteks.close()
    catatan = CatatanReviu.objects.get()
    assert catatan.jangkar == "pengukuran--S1.I1" and catatan.edisi.nomor == 1

    # 3. The operator answers in the app.
    konteks, page = _masuk(browser, live_server, "b-operator")
    page.goto(alamat + "?edisi=1")
    page.fill(".form-jawab textarea", "Target mengikuti PK murni 2023 (nilai 73).")
    page.click(".form-jawab button")
    expect(page.locator(".catatan .badge")).to_have_text("Dijawab")
    konteks.close()

    # 4. The reviewer closes the note and issues the review statement.
    konteks, page = _masuk(browser, live_server, "b-reviewer")
    page.goto(alamat)
    expect(page.locator(".catatan")).to_contain_text("Target mengikuti PK murni")
    page.click(".form-tutup button")
    expect(page.locator(".catatan .badge")).to_have_text("Ditutup")
    page.click("#tombol-pernyataan")
    page.fill("#id_nama", "Drs. Reviewer Inspektorat")
    page.fill("#id_nip", "197001011990011001")
    page.fill("#id_jabatan", "Auditor Ahli Madya")
    page.click("#terbitkan-pernyataan")
    expect(page.locator(".alert-success").first).to_contain_text(
        "Pernyataan Telah Direviu diterbitkan"
    )
    expect(page.locator("#pernyataan-reviu")).to_contain_text("PERNYATAAN TELAH DIREVIU")
    expect(page.locator("#pernyataan-reviu")).to_contain_text("Drs. Reviewer Inspektorat")
    page.screenshot(path=str(artifacts_dir / "reviu-pernyataan.png"))
    konteks.close()
    catatan.refresh_from_db()
    assert catatan.status == StatusCatatan.DITUTUP
    assert data["laporan"].pernyataan_reviu.edisi.nomor == 1
