"""The workbook import as a perencana does it, in a real browser.

The perencana downloads the template, fills it (here: with the PD's own data and a new
2023 realisation of S1.I1, typed with a mistake), uploads it, sees the preview with one
error at its sheet, row and column, fixes it, uploads again, confirms, and finds the new
number on the LKjIP page.
"""

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from tests.conftest import buat_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KATA_SANDI = "rahasia-uji-123"


def isi_templat(templat: bytes, paser, realisasi_s1: str) -> bytes:
    """The downloaded template filled with the PD's data; S1.I1's 2023 value as typed."""
    from pertukaran.ekspor import ekspor_dataset
    from pertukaran.ekspor_buku import baris_lembar

    wb = openpyxl.load_workbook(io.BytesIO(templat))
    for nama, baris in baris_lembar(ekspor_dataset(pd=paser)).items():
        ws = wb[nama]
        if nama == "PD":
            for i, (_label, nilai) in enumerate(baris, start=2):
                ws.cell(row=i, column=2, value=nilai)
            continue
        for i, isi in enumerate(baris, start=2):
            if nama == "Realisasi kinerja" and isi[0] == "S1.I1" and isi[1] == 2023:
                isi = [*isi[:2], realisasi_s1, *isi[3:]]
            for j, nilai in enumerate(isi, start=1):
                ws.cell(row=i, column=j, value=nilai)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def test_perencana_downloads_fills_fixes_and_confirms(
    data_demo, live_server, halaman, artifacts_dir, tmp_path
):
    from playwright.sync_api import expect

    paser = data_demo
    perencana = buat_persona("perencana")
    page, base = halaman, live_server.url
    page.goto(f"{base}{reverse('login')}")
    page.fill("#id_username", perencana.username)
    page.fill("#id_password", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/pd/kesbangpol-paser/$"))

    page.goto(f"{base}{reverse('pertukaran:unggah', args=[paser.slug])}")
    with page.expect_download() as unduhan:
        page.click("#unduh-templat")
    templat = tmp_path / "templat.xlsx"
    unduhan.value.save_as(templat)
    assert "Realisasi kinerja" in openpyxl.load_workbook(templat).sheetnames

    salah = tmp_path / "paser-salah.xlsx"
    salah.write_bytes(isi_templat(templat.read_bytes(), paser, "66,5 persen"))
    page.set_input_files("#id_berkas", str(salah))
    page.click("#tombol-unggah")
    expect(page.locator("#ada-masalah")).to_contain_text("1 masalah")
    baris = page.locator("#daftar-masalah tbody tr")
    expect(baris).to_have_count(1)
    expect(baris.first).to_contain_text("Realisasi kinerja")
    expect(baris.first).to_contain_text("Tahunan")
    expect(baris.first).to_contain_text('Isi "66,5 persen" bukan angka')
    page.screenshot(path=str(artifacts_dir / "impor-pratinjau-galat.png"), full_page=True)

    benar = tmp_path / "paser-benar.xlsx"
    benar.write_bytes(isi_templat(templat.read_bytes(), paser, "66,5"))
    page.set_input_files("#id_berkas", str(benar))
    page.click("#tombol-unggah")
    expect(page.locator("#siap")).to_be_visible()
    ringkasan = page.locator("#ringkasan tr", has_text="Realisasi kinerja")
    expect(ringkasan).to_contain_text("1")
    page.screenshot(path=str(artifacts_dir / "impor-pratinjau-siap.png"), full_page=True)

    page.click("#konfirmasi")
    page.wait_for_url(re.compile(r"/laporan/lkjip/2023/$"))
    # 66,5 against the PK target 73: capaian 91,10% in the pengukuran table.
    expect(page.locator("body")).to_contain_text("66,5")
    expect(page.locator("body")).to_contain_text("91,10%")
    page.screenshot(path=str(artifacts_dir / "impor-lkjip.png"), full_page=False)
