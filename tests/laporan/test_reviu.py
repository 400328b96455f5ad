"""Inspektorat review: assignments, notes anchored to the report, PD answers, closing, the
"Pernyataan Telah Direviu" page added to the reviewed edition."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from laporan import cetak, services
from laporan.models import CatatanReviu, StatusCatatan

pytestmark = pytest.mark.django_db


def _url(nama: str, **kw) -> str:
    return reverse(
        f"laporan:{nama}", kwargs={"pd": "kesbangpol-paser", "jenis": "lkjip", "tahun": 2023, **kw}
    )


@pytest.fixture
def laporan(paser, kepala):
    from tests.periksa.bantu import jelaskan_galat

    lap = services.laporan_dapatkan(pd=paser, jenis="lkjip", tahun=2023, user=kepala)
    jelaskan_galat(paser, 2023, kepala)  # the approval gate (periksa.services)
    services.laporan_setujui(laporan=lap, user=kepala)
    return lap


def test_unassigned_reviewer_sees_nothing_of_that_year(client, inspektorat, laporan):
    client.force_login(inspektorat)
    assert client.get(_url("laporan")).status_code == 404
    with pytest.raises(PermissionDenied):
        services.catatan_tambah(laporan=laporan, jangkar="bab-3", teks="x", user=inspektorat)


def test_assigned_reviewer_sees_the_latest_edition(client, inspektorat, laporan, penugasan):
    client.force_login(inspektorat)
    respon = client.get(_url("laporan"))
    assert respon.status_code == 200
    assert respon.context["edisi"].nomor == 1
    assert respon.context["boleh_reviu"] and not respon.context["boleh_setujui"]
    indeks = client.get(reverse("laporan:reviu", kwargs={"pd": "kesbangpol-paser"}))
    assert "Buka LKjIP" in indeks.content.decode()


def test_note_on_a_table_row_answered_closed_then_statement(
    client, inspektorat, operator, laporan, penugasan
):
    edisi = laporan.edisi.get()
    jangkar = dict(cetak.daftar_jangkar(edisi.html))
    assert "pengukuran--S1.I1" in jangkar and "bab-3" in jangkar

    client.force_login(inspektorat)
    respon = client.post(
        _url("catatan_tambah") + "?edisi=1",
        {"jangkar": "pengukuran--S1.I1", "teks": "Target 73 berbeda dari PK?"},
    )
    assert respon.status_code == 302
    catatan = CatatanReviu.objects.get()
    assert catatan.edisi == edisi and catatan.status == StatusCatatan.TERBUKA
    assert "S1.I1" in catatan.jangkar_label

    # The statement cannot be issued while a note is open.
    with pytest.raises(ValidationError, match="belum ditutup"):
        services.pernyataan_terbitkan(
            laporan=laporan,
            nama="Reviewer",
            nip="",
            tanggal=edisi.disetujui_pada.date(),
            user=inspektorat,
        )

    client.force_login(operator)
    respon = client.post(_url("catatan_jawab", pk=catatan.pk), {"teks": "Target PK murni 73."})
    assert respon.status_code == 302
    catatan.refresh_from_db()
    assert catatan.status == StatusCatatan.DIJAWAB
    # The operator cannot close it.
    assert client.post(_url("catatan_tutup", pk=catatan.pk)).status_code == 403

    client.force_login(inspektorat)
    client.post(_url("catatan_tutup", pk=catatan.pk), {"teks": "Cukup."})
    catatan.refresh_from_db()
    assert catatan.status == StatusCatatan.DITUTUP
    assert [t.dari_reviewer for t in catatan.tanggapan.all()] == [False, True]

    respon = client.post(
        _url("pernyataan"),
        {
            "nama": "Drs. Reviewer",
            "nip": "19700101 199001 1 001",
            "jabatan": "Auditor Ahli Madya",
            "tempat": "Tana Paser",
            "tanggal": "2024-02-20",
        },
    )
    assert respon.status_code == 302
    p = laporan.pernyataan_reviu
    assert p.nip == "197001011990011001" and p.edisi == edisi
    html = services.html_cetak(laporan, edisi).html
    assert "PERNYATAAN TELAH DIREVIU" in html and "Drs. Reviewer" in html
    assert "20 Februari 2024" in html
    # Not on the draft, which may differ from what was reviewed.
    assert "PERNYATAAN TELAH DIREVIU" not in services.html_cetak(laporan, None).html


def test_note_anchor_must_exist(laporan, inspektorat, penugasan):
    jangkar = dict(cetak.daftar_jangkar(laporan.edisi.get().html))
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        services.catatan_tambah(
            laporan=laporan, jangkar="tidak-ada", teks="x", user=inspektorat, jangkar_sah=jangkar
        )


def test_reopen_a_closed_note(laporan, inspektorat, kepala, penugasan):
    c = services.catatan_tambah(laporan=laporan, jangkar="bab-3", teks="Periksa", user=inspektorat)
    services.catatan_jawab(catatan=c, teks="Sudah", user=kepala)
    services.catatan_tutup(catatan=c, user=inspektorat)
    services.catatan_buka_kembali(catatan=c, user=inspektorat, teks="Belum lengkap")
    assert c.status == StatusCatatan.TERBUKA
    with pytest.raises(ValidationError):
        services.catatan_jawab(catatan=c, teks="  ", user=kepala)


def test_outsider_gets_404(client, luar, laporan):
    client.force_login(luar)
    assert client.get(_url("laporan")).status_code == 404
