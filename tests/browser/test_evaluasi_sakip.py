"""The SAKIP evaluation in a real browser (Playwright + Debian Chromium).

The PD fills part of its self-assessment and attaches a signed PK from the system as evidence;
the evaluator finishes, finalises and downloads the LHE; the head of the PD publishes the LKjIP
edition; an anonymous visitor downloads it from the public page.

Uses the shared browser fixtures of tests/browser/conftest.py: `chromium` (skipped with a
reason without /usr/bin/chromium), `artifacts_dir`, `data_demo`.
"""

import os

import pytest

pytestmark = pytest.mark.browser
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

KATA_SANDI = "rahasia-uji-123"
TAHUN = 2024


@pytest.fixture
def data(data_demo):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from common.models import Keanggotaan, Peran
    from laporan import services as laporan_services
    from lke import services
    from lke.models import TemplateLke

    pd = data_demo
    call_command("loaddata", "lke_permenpanrb_88_2021", verbosity=0)
    User = get_user_model()

    def pengguna(nama, peran):
        user = User.objects.create_user(
            username=f"e-{nama}", password=KATA_SANDI, first_name=nama.title()
        )
        Keanggotaan.objects.create(pengguna=user, perangkat_daerah=pd, peran=peran)
        return user

    perencana = pengguna("perencana", Peran.PERENCANA)
    ketua = pengguna("ketua", Peran.INSPEKTORAT)
    kepala = pengguna("kepala", Peran.KEPALA)
    evaluasi = services.evaluasi_buka(
        pd=pd,
        tahun=TAHUN,
        template=TemplateLke.objects.get(kode="PERMENPANRB-88-2021-PD"),
        user=ketua,
        ketua=ketua,
    )
    laporan = laporan_services.laporan_dapatkan(pd=pd, jenis="lkjip", tahun=TAHUN, user=kepala)
    from tests.periksa.bantu import jelaskan_galat, lengkapi_narasi

    jelaskan_galat(pd, TAHUN, kepala)  # the approval gate (periksa.services)
    lengkapi_narasi(laporan, kepala)  # 2024 has no narrative data in the demo dataset
    edisi = laporan_services.laporan_setujui(laporan=laporan, user=kepala)
    return {"pd": pd, "evaluasi": evaluasi, "perencana": perencana, "ketua": ketua, "edisi": edisi}


def _masuk(browser, live_server, username):
    konteks = browser.new_context(accept_downloads=True, viewport={"width": 1500, "height": 1000})
    page = konteks.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", KATA_SANDI)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return konteks, page


def _baris(page, kode):
    return page.locator(f"tr[data-kode='{kode}']")


def test_mandiri_bukti_pk_evaluator_lhe_publikasi_unduh_publik(
    live_server,
    data,
    chromium,
    artifacts_dir,
):
    from playwright.sync_api import expect

    from kinerja.models import PerjanjianKinerja
    from lke import services
    from lke.models import BuktiLke, Kriteria, Skala, StatusEvaluasi, Tahap

    evaluasi = data["evaluasi"]
    alamat = f"{live_server.url}/pd/kesbangpol-paser/evaluasi-sakip/{TAHUN}/"

    # 1. The PD answers two criteria and attaches its signed PK 2024 from the system.
    konteks, page = _masuk(chromium, live_server, "e-perencana")
    page.goto(alamat)
    for kode, opsi in (("A.1.1", "Y"), ("A.1.3", "Y")):
        baris = _baris(page, kode)
        baris.locator("form.jawab select[name=opsi]").select_option(opsi)
        baris.locator("form.jawab button").click()
        page.wait_for_load_state()
        expect(_baris(page, kode).locator("td.tahap-mandiri")).to_contain_text(opsi)
    baris = _baris(page, "A.1.3")
    baris.locator("summary", has_text="Tambah bukti").click()
    pk = PerjanjianKinerja.objects.filter(
        perangkat_daerah=data["pd"], tahun=TAHUN, status="ditandatangani"
    ).first()
    pilihan = baris.locator("select[name=saran] option", has_text=str(pk)).first
    baris.locator("select[name=saran]").select_option(pilihan.get_attribute("value"))
    baris.locator("button", has_text="Lampirkan").click()
    page.wait_for_load_state()
    expect(_baris(page, "A.1.3").locator("td.bukti")).to_contain_text("data aplikasi")
    bukti = BuktiLke.objects.get(evaluasi=evaluasi)
    assert bukti.objek == pk and bukti.sidik_versi == pk.sidik_jari
    page.screenshot(path=str(artifacts_dir / "lke-mandiri.png"), full_page=False)
    page.click("text=Ajukan penilaian mandiri ke tim evaluator")
    page.wait_for_load_state()
    expect(page.locator("#status-evaluasi")).to_contain_text("Dinilai tim evaluator")
    konteks.close()

    # 2. The evaluator: most answers recorded beforehand, the last one and finalising here.
    ketua = data["ketua"]
    evaluasi.refresh_from_db()
    for k in Kriteria.objects.filter(sub_komponen__komponen__template=evaluasi.template):
        if k.kode == "D.3.2":
            continue
        services.jawaban_simpan(
            evaluasi=evaluasi,
            kriteria=k,
            tahap=Tahap.KETUA,
            opsi="Y" if k.skala == Skala.YT else "B",
            alasan_beda="Bukti sebagian.",
            user=ketua,
        )
    konteks, page = _masuk(chromium, live_server, "e-ketua")
    page.goto(alamat)
    baris = _baris(page, "D.3.2")
    baris.locator("form.jawab select[name=opsi]").select_option("C")
    baris.locator("form.jawab button").click()
    page.wait_for_load_state()
    expect(_baris(page, "D.3.2").locator("td.tahap-ketua")).to_contain_text("C")
    page.click("text=Finalkan evaluasi")
    page.wait_for_load_state()
    expect(page.locator("#status-evaluasi")).to_contain_text("Final")
    evaluasi.refresh_from_db()
    assert evaluasi.status == StatusEvaluasi.FINAL
    page.screenshot(path=str(artifacts_dir / "lke-final.png"), full_page=False)
    page.goto(alamat + "lhe/")
    expect(page.locator("#lhe-nilai")).to_contain_text(evaluasi.predikat)
    page.screenshot(path=str(artifacts_dir / "lke-lhe.png"), full_page=False)
    with page.expect_download() as unduhan:
        page.click("#unduh-lhe")
    berkas = unduhan.value.path()
    with open(berkas, "rb") as f:
        assert f.read(4) == b"%PDF"
    konteks.close()

    # 3. The head of the PD publishes the LKjIP edition.
    konteks, page = _masuk(chromium, live_server, "e-kepala")
    page.goto(f"{live_server.url}/pd/kesbangpol-paser/publikasi/")
    page.locator("#publikasi-edisi button", has_text="Publikasikan").click()
    page.wait_for_load_state()
    expect(page.locator("#publikasi-edisi")).to_contain_text("dipublikasikan")
    konteks.close()

    # 4. An anonymous visitor downloads it from the public page.
    konteks = chromium.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = konteks.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{live_server.url}/publik/")
    expect(page.locator("table[data-pd='kesbangpol-paser']")).to_contain_text(f"LKjIP {TAHUN}")
    page.screenshot(path=str(artifacts_dir / "lke-publik.png"), full_page=True)
    with page.expect_download() as unduhan:
        page.locator("table[data-pd='kesbangpol-paser'] a", has_text="Unduh PDF").first.click()
    with open(unduhan.value.path(), "rb") as f:
        assert f.read(4) == b"%PDF"
    konteks.close()
