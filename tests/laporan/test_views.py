"""Report screens: the permission matrix, pinned query counts, the kept PDF with progress,
XLSX and printable HTML."""

import time

import pytest
from django.urls import reverse
from django.utils import timezone

from laporan import services
from laporan.models import Cetakan, StatusCetakan, kunci_cetakan

pytestmark = pytest.mark.django_db

PD = "kesbangpol-paser"


def url(nama: str, jenis: str = "lkjip", tahun: int = 2023, triwulan: int | None = None, **kw):
    argumen = {"pd": PD, "jenis": jenis, "tahun": tahun, **kw}
    if triwulan:
        argumen["triwulan"] = triwulan
        nama = f"{nama}_tw"
    return reverse(f"laporan:{nama}", kwargs=argumen)


MATRIKS = [
    # (persona, method, url, expected status)
    ("operator", "get", url("laporan"), 200),
    ("verifikator", "get", url("laporan"), 200),
    ("kepala", "get", url("laporan"), 200),
    ("perencana", "get", url("laporan"), 200),
    ("bappeda", "get", url("laporan", "evaluasi-renja", triwulan=4), 200),
    ("inspektorat", "get", url("laporan"), 404),  # not assigned to 2023
    ("luar", "get", url("laporan"), 404),
    ("operator", "get", url("narasi"), 403),
    ("perencana", "get", url("narasi"), 200),
    ("kepala", "get", url("narasi_ubah", kunci="kata_pengantar"), 200),
    ("perencana", "get", url("narasi_ubah", kunci="tidak_ada"), 404),
    ("operator", "post", url("setujui"), 403),
    ("perencana", "post", url("setujui"), 403),
    ("kepala", "post", url("setujui"), 302),
    ("operator", "post", url("catatan_tambah"), 403),
    ("operator", "get", url("pernyataan"), 403),
    ("operator", "get", url("xlsx", "evaluasi-renja", triwulan=4), 200),
    ("luar", "get", url("xlsx", "evaluasi-renja", triwulan=4), 404),
    ("operator", "get", url("laporan", "evaluasi-renja", triwulan=5), 404),
    ("operator", "get", url("laporan", "tidak-ada"), 404),
    ("operator", "get", reverse("laporan:indeks", kwargs={"pd": PD}), 200),
    ("operator", "get", reverse("laporan:reviu", kwargs={"pd": PD}), 403),
    ("inspektorat", "get", reverse("laporan:reviu", kwargs={"pd": PD}), 200),
]


@pytest.mark.parametrize(("persona_nama", "metode", "alamat", "status"), MATRIKS)
def test_permission_matrix(client, persona, persona_nama, metode, alamat, status):
    client.force_login(persona(persona_nama))
    assert getattr(client, metode)(alamat).status_code == status


def test_anonymous_is_sent_to_login(client):
    respon = client.get(url("laporan"))
    assert respon.status_code == 302 and "/masuk/" in respon["Location"]


# --- Pinned query counts -----------------------------------------------------------------------
# Each report page runs the selectors once. The counts below are the sum of the selectors'
# own pinned counts plus the page's queries; listed per page.


def test_query_count_lkjip_page(client, kepala, django_assert_num_queries):
    client.force_login(kepala)
    # session + user (2); akses: PD, membership (2); laporan lookup (1);
    # data_lkjip 31: ONE performance load 15 (kinerja.selectors.muat_kinerja: Renstra, scale,
    # sasaran, the budget tree 6, nomenclature, indicators with targets, signed PK rows,
    # quarterly targets and realisations 5) shared by pengukuran, perbandingan, efisiensi,
    # rekap_anggaran (0 each) and evaluasi_renja (1, analisis program); muat_rencana from it 3
    # (tujuan, RPJMD, rencana aksi rows); rekap_belanja 1; the stated PD budget total 1; signer
    # 1; pk_berlaku 1; validasi from the same load 8 (jenis belanja, the stated PD budget
    # total, PK rows, SAKIP evaluations, officials, printed texts, tujuan, staffing tables);
    # PD narrative 1; SAKIP evaluation of the year before 1; sumber daya tables 1; stored
    # signature 1; PK annex 4 (pk_terkini 2023 and 2024, then the rows of the 13 PK 2024
    # documents in bulk: indicators 1, budget lines 1); the approval gate's problems (1).
    # Editions, notes, kept PDF: none (the report is not saved yet).
    # Before issue 14 point 9: 119 (each selector loading by itself, 2 queries per PK); 57
    # while the validation loaded its own data (21 queries).
    with django_assert_num_queries(Q_HALAMAN_LKJIP):
        assert client.get(url("laporan")).status_code == 200


Q_HALAMAN_LKJIP = 45
Q_HALAMAN_LKJIP_SEBELUM = 119


def _jumlah_query(fungsi) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as c:
        fungsi()
    return len(c.captured_queries)


@pytest.mark.parametrize("format_", ["laporan", "xlsx", "cetak_html"])
def test_lkjip_builds_run_the_same_queries_for_a_plan_five_times_bigger(
    client, superuser, paser, paser_x5, format_
):
    """The LKjIP page, its workbook and its print HTML (the PDF's input) for Paser and for a
    copy of its plan five times bigger: the same count, validation included (it reads the
    report's load), once the PK annex is set aside (the copy has no PK: pk_terkini 2023 and
    2024 only, 2 instead of 4)."""
    client.force_login(superuser)
    hitung = {}
    for pd in (paser, paser_x5):
        alamat = reverse(
            f"laporan:{format_}", kwargs={"pd": pd.slug, "jenis": "lkjip", "tahun": 2023}
        )
        respon: list = []
        q = _jumlah_query(lambda a=alamat, r=respon: r.append(client.get(a)))
        assert respon[0].status_code == 200
        hitung[pd.slug] = q
    lampiran = 0 if format_ == "xlsx" else 2
    assert hitung[paser_x5.slug] == hitung[paser.slug] - lampiran
    # The superuser's session skips the membership lookup: one query fewer than the pins.
    assert hitung[paser.slug] == {"laporan": 44, "xlsx": 39, "cetak_html": 43}[format_]


def test_query_count_lkjip_pdf(client, kepala, django_assert_num_queries):
    client.force_login(kepala)
    # session + user (2); akses (2); laporan (1); the print HTML it looks a kept PDF up by
    # (data_lkjip 31 with its validation, PD narrative, SAKIP evaluation, sumber daya tables,
    # stored signature 4, PK annex 4); no kept-PDF lookup (the report is not saved yet).
    # 56 while the validation loaded its own data.
    with django_assert_num_queries(44):
        respon = client.get(url("pdf"))
    assert respon.status_code == 200


def test_query_count_lkjip_xlsx(client, kepala, django_assert_num_queries):
    client.force_login(kepala)
    # session + user (2); akses (2); laporan (1); data_lkjip 31 (its validation from the
    # report's load included); PD narrative, SAKIP evaluation, sumber daya tables, stored
    # signature (4); no PK annex: the workbook holds the tables only. Before issue 14 point 9:
    # 90; 52 while the validation loaded its own data.
    with django_assert_num_queries(40):
        respon = client.get(url("xlsx"))
    assert respon.content[:2] == b"PK"


def test_query_count_evaluasi_renja_page(client, kepala, django_assert_num_queries):
    client.force_login(kepala)
    # session + user (2); akses (2); laporan (1); signer 1; ONE performance load 15
    # (muat_kinerja: Renstra, sasaran among it); evaluasi_renja from it 1 (analisis program);
    # validasi from it 8. Before: Renstra + sasaran 2, evaluasi_renja 14, validasi 21 (43).
    with django_assert_num_queries(30):
        assert client.get(url("laporan", "evaluasi-renja", triwulan=4)).status_code == 200


def test_query_count_rencana_aksi_page(client, kepala, django_assert_num_queries):
    client.force_login(kepala)
    # session + user (2); akses (2); laporan (1); signer 1; rencana_aksi 11.
    with django_assert_num_queries(17):
        assert client.get(url("laporan", "rencana-aksi", 2024)).status_code == 200


def test_query_count_triwulan_page(client, kepala, django_assert_num_queries):
    client.force_login(kepala)
    # session + user (2); akses (2); laporan (1); signer 1; ONE performance load 15
    # (muat_kinerja) read by pengukuran and rekap_anggaran (0 each); validasi from it 8.
    # Before: pengukuran 8, rekap_anggaran 6, validasi 21 (41).
    with django_assert_num_queries(29):
        assert client.get(url("laporan", "triwulan", triwulan=2)).status_code == 200


# --- Kept PDF with progress ------------------------------------------------------------------


def test_pdf_of_an_edition_is_produced_once_then_served_at_once(client, kepala, paser):
    laporan = services.laporan_dapatkan(
        pd=paser, jenis="evaluasi-renja", tahun=2023, triwulan=4, user=kepala
    )
    edisi = services.laporan_setujui(laporan=laporan, user=kepala)
    client.force_login(kepala)
    alamat = url("pdf", "evaluasi-renja", triwulan=4) + "?edisi=1"

    respon = client.get(alamat)
    assert respon.status_code == 200
    assert "belum dibuat" in respon.content.decode()
    assert not Cetakan.objects.filter(edisi=edisi).exists()

    # The explicit action renders it (eagerly here: no broker in the tests).
    buat = client.post(url("pdf_buat", "evaluasi-renja", triwulan=4) + "?edisi=1")
    assert buat.status_code == 302 and buat["Location"] == alamat
    cetakan = Cetakan.objects.get(edisi=edisi)
    status = client.get(
        url("pdf_status", "evaluasi-renja", triwulan=4, cetakan=cetakan.pk),
        headers={"HX-Request": "true"},
    )
    unduh = url("pdf_unduh", "evaluasi-renja", triwulan=4, cetakan=cetakan.pk)
    assert status["HX-Redirect"] == unduh
    cetakan.refresh_from_db()
    assert cetakan.status == StatusCetakan.SELESAI and cetakan.ukuran > 1000

    berkas = client.get(unduh)
    assert b"".join(berkas.streaming_content)[:4] == b"%PDF"

    mulai = time.perf_counter()
    lagi = client.get(alamat)
    lama = time.perf_counter() - mulai
    assert lagi["Content-Type"] == "application/pdf"
    assert b"".join(lagi.streaming_content)[:4] == b"%PDF"
    assert lama < 0.1, lama
    assert Cetakan.objects.filter(edisi=edisi).count() == 1

    halaman = client.get(url("laporan", "evaluasi-renja", triwulan=4) + "?edisi=1")
    assert halaman.context["url_pdf_siap"] == unduh


def test_pdf_status_while_running(client, kepala, paser):
    laporan = services.laporan_dapatkan(pd=paser, jenis="rencana-aksi", tahun=2024, user=kepala)
    client.force_login(kepala)
    isi = services.html_cetak(laporan, None)
    # A job queued on a broker and not yet picked up by a worker.
    cetakan = Cetakan.objects.create(
        laporan=laporan,
        sidik=services.sidik(isi.html),
        kunci=kunci_cetakan(laporan.pk, None, services.sidik(isi.html)),
        tugas_id="t-1",
        diantrekan=timezone.now(),
    )
    respon = client.get(url("pdf_status", "rencana-aksi", 2024, cetakan=cetakan.pk))
    html = respon.content.decode()
    assert "hx-get" in html and "Menunggu giliran di antrean cetak" in html
    halaman = client.get(url("pdf", "rencana-aksi", 2024)).content.decode()
    assert "Menunggu giliran di antrean cetak" in halaman


def test_printable_html_and_xlsx(client, operator):
    client.force_login(operator)
    html = client.get(url("cetak_html", "rencana-aksi", 2024)).content.decode()
    assert html.startswith("<!doctype html>") and "@page" in html and "DRAFT" in html
    respon = client.get(url("xlsx", "triwulan", triwulan=2))
    assert respon["Content-Type"].startswith("application/vnd.openxmlformats")
    assert respon.content[:2] == b"PK"


def test_only_the_latest_draft_pdf_is_kept(client, kepala, paser):
    from django.core.files.storage import default_storage

    from kinerja.models import RencanaAksi

    laporan = services.laporan_dapatkan(pd=paser, jenis="rencana-aksi", tahun=2024, user=kepala)
    pertama = services.cetakan_tunggu(services.cetakan_minta(laporan=laporan, user=kepala))
    assert pertama.status == StatusCetakan.SELESAI
    ra = RencanaAksi.objects.filter(indikator__perangkat_daerah=paser, tahun=2024).first()
    ra.uraian = "Rencana aksi yang diubah"
    ra.save()
    kedua = services.cetakan_tunggu(services.cetakan_minta(laporan=laporan, user=kepala))
    assert kedua.pk != pertama.pk and kedua.sidik != pertama.sidik
    assert list(Cetakan.objects.filter(laporan=laporan)) == [kedua]
    assert not default_storage.exists(pertama.berkas.name)


def test_query_count_reviewer_edition_page(
    client, inspektorat, kepala, paser, penugasan, django_assert_num_queries
):
    from tests.periksa.bantu import jelaskan_galat

    laporan = services.laporan_dapatkan(pd=paser, jenis="lkjip", tahun=2023, user=kepala)
    jelaskan_galat(paser, 2023, kepala)  # the approval gate (periksa.services)
    services.laporan_setujui(laporan=laporan, user=kepala)
    client.force_login(inspektorat)
    # session + user (2); akses: PD, memberships (2); year assigned (1); laporan (1);
    # latest edition with its approver (1); validasi 21; review statement (1);
    # editions list (1); kept PDF (1); notes (1, their answers prefetched only when there are
    # notes); review rights (1).
    with django_assert_num_queries(33):
        respon = client.get(url("laporan"))
    assert respon.context["edisi"].nomor == 1
