"""The strict Content-Security-Policy leaves the app working (issue #16, point 6): the main
pages log no CSP violation, htmx's live capaian preview answers, the period selector and the
auto-submitting selects (static/js/app.js) still navigate."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import TAHUN_UJI, buat_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KATA_SANDI = "rahasia-uji-123"

# Playwright's init script runs before the page's own and is not subject to the page's CSP.
PENCATAT_CSP = """
window.__pelanggaranCsp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__pelanggaranCsp.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def test_main_pages_work_under_the_policy(data_demo, live_server, halaman, artifacts_dir):
    from playwright.sync_api import expect

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
    operator = buat_persona("operator")
    ind = Indikator.objects.get(perangkat_daerah=pd, kode="S2.I1")
    base = live_server.url
    page = halaman
    konsol: list[str] = []
    page.on("console", lambda m: konsol.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: konsol.append(str(e)))
    page.add_init_script(PENCATAT_CSP)

    def tanpa_pelanggaran(nama: str) -> None:
        pelanggaran = page.evaluate("window.__pelanggaranCsp")
        csp_konsol = [k for k in konsol if "Content Security Policy" in k]
        assert pelanggaran == [] and csp_konsol == [], (nama, pelanggaran, csp_konsol)

    page.goto(f"{base}{reverse('login')}")
    tanpa_pelanggaran("masuk")
    page.fill("#id_username", operator.username)
    page.fill("#id_password", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/pd/kesbangpol-paser/$"))
    tanpa_pelanggaran("beranda")

    # The period selector on the home page.
    page.select_option("#pilih-tahun", str(TAHUN_UJI))
    page.select_option("#pilih-triwulan", "1")
    page.click(".periode-pilih button[type=submit]")
    page.wait_for_url(re.compile(rf"tahun={TAHUN_UJI}&triwulan=1"))
    tanpa_pelanggaran("beranda, periode dipilih")
    page.screenshot(path=artifacts_dir / "csp-01-beranda.png", full_page=True)

    # The live capaian preview (htmx) while typing.
    kunci = {"pd": pd.slug, "indikator": ind.pk, "tahun": TAHUN_UJI, "triwulan": 1}
    page.goto(f"{base}{reverse('kinerja:realisasi_isi', kwargs=kunci)}")
    page.fill("#id_pembilang", "7.489")
    page.fill("#id_penyebut", "8.000")
    expect(page.locator("[data-uji=capaian]")).to_have_text("93,61%")
    tanpa_pelanggaran("isian realisasi")
    page.screenshot(path=artifacts_dir / "csp-02-pratinjau.png", full_page=True)

    # A select that submits its form on change (was an inline onchange handler).
    daftar = reverse("kinerja:realisasi_daftar", kwargs={"pd": pd.slug})
    page.goto(f"{base}{daftar}?tahun={TAHUN_UJI}&triwulan=1")
    page.select_option("#pilih-unit", "semua")
    page.wait_for_url(re.compile(r"unit=semua"))
    tanpa_pelanggaran("daftar realisasi")

    page.goto(f"{base}{reverse('pk:daftar', kwargs={'pd': pd.slug})}")
    pilihan = page.locator("select[name=tahun] option").all_inner_texts()
    if len(pilihan) > 1:
        page.select_option("select[name=tahun]", pilihan[-1].strip())
        page.wait_for_url(re.compile(rf"tahun={re.escape(pilihan[-1].strip())}"))
    tanpa_pelanggaran("daftar PK")

    lkjip = {"pd": pd.slug, "jenis": "lkjip", "tahun": 2023}
    page.goto(f"{base}{reverse('laporan:laporan', kwargs=lkjip)}")
    tanpa_pelanggaran("LKjIP")
    page.screenshot(path=artifacts_dir / "csp-03-lkjip.png")
    assert not [k for k in konsol if "Refused" in k]


def test_perencana_reaches_the_import_page_and_downloads_a_table(
    data_demo, live_server, halaman, artifacts_dir
):
    """The PD home's "Impor data" link and an "Unduh XLSX" link work under the policy."""
    import io
    from pathlib import Path

    import openpyxl
    from playwright.sync_api import expect

    pd = data_demo
    perencana = buat_persona("perencana")
    base, page = live_server.url, halaman
    konsol: list[str] = []
    page.on("console", lambda m: konsol.append(m.text) if m.type in ("error", "warning") else None)
    page.add_init_script(PENCATAT_CSP)
    page.goto(f"{base}{reverse('login')}")
    page.fill("#id_username", perencana.username)
    page.fill("#id_password", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/pd/kesbangpol-paser/$"))
    page.click("[data-uji=tautan-impor]")
    page.wait_for_url(re.compile(r"/pd/kesbangpol-paser/impor/$"))
    expect(page.locator("input[type=file]")).to_be_attached()
    assert page.evaluate("window.__pelanggaranCsp") == []

    page.goto(f"{base}{reverse('renstra:indikator_daftar', args=[pd.slug])}?tahun=2023")
    with page.expect_download() as unduhan:
        page.click("[data-uji=unduh-xlsx] >> nth=0")
    berkas = unduhan.value
    assert berkas.suggested_filename == f"indikator-{pd.slug}-2023.xlsx"
    wb = openpyxl.load_workbook(io.BytesIO(Path(berkas.path()).read_bytes()))
    assert wb.sheetnames == ["Indikator dan target"]
    assert page.evaluate("window.__pelanggaranCsp") == []
    assert [k for k in konsol if "Content Security Policy" in k] == []
