"""The web import: upload → preview per sheet → confirm; only the PD's perencana / admin."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common.models import AuditLog
from kinerja.models import Realisasi
from pertukaran import buku_kerja as bk
from pertukaran.ekspor import ekspor_dataset
from pertukaran.ekspor_buku import buku_kerja_dari_dataset
from pertukaran.forms import PESAN_BUKAN_XLSX_NAMA
from pertukaran.sinkron import AKSI_MUAT
from pertukaran.views import JENIS_XLSX


def _buku_paser(paser, ubah=None) -> bytes:
    isi = buku_kerja_dari_dataset(ekspor_dataset(pd=paser))
    if ubah is None:
        return isi
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    ubah(wb)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def _baris_realisasi(ws, kode: str, tahun: int) -> int:
    for baris in ws.iter_rows(min_row=2):
        if baris[0].value == kode and baris[1].value == tahun:
            return baris[0].row
    raise AssertionError(kode)


def _unggah(client, paser, isi: bytes, nama="paser.xlsx"):
    berkas = SimpleUploadedFile(nama, isi, content_type=JENIS_XLSX)
    return client.post(reverse("pertukaran:unggah", args=[paser.slug]), {"berkas": berkas})


@pytest.mark.parametrize(
    ("nama", "status"),
    [("perencana", 200), ("superuser", 200), ("kepala", 403), ("operator", 403), ("luar", 404)],
)
def test_only_the_pds_perencana_may_import(client, paser, persona, nama, status):
    client.force_login(persona(nama))
    assert client.get(reverse("pertukaran:unggah", args=[paser.slug])).status_code == status
    assert client.get(reverse("pertukaran:templat", args=[paser.slug])).status_code == status


def test_anonymous_is_sent_to_login(client, paser):
    halaman = client.get(reverse("pertukaran:unggah", args=[paser.slug]))
    assert halaman.status_code == 302 and halaman["Location"].startswith("/masuk/")


def test_template_download(client, paser, perencana):
    client.force_login(perencana)
    r = client.get(reverse("pertukaran:templat", args=[paser.slug]))
    assert r["Content-Type"] == JENIS_XLSX
    assert "Indikator" in openpyxl.load_workbook(io.BytesIO(r.content)).sheetnames


def test_preview_lists_every_problem_with_its_cell_and_writes_nothing(client, paser, perencana):
    def ubah(wb):
        ws = wb["Realisasi kinerja"]
        ws.cell(row=_baris_realisasi(ws, "S1.I1", 2023), column=3, value="enam puluh")

    client.force_login(perencana)
    jumlah_audit = AuditLog.objects.count()
    halaman = _unggah(client, paser, _buku_paser(paser, ubah))
    assert halaman.status_code == 422
    m = halaman.context["masalah"]
    assert [(x.lembar, x.kolom, x.pesan) for x in m] == [
        (
            "Realisasi kinerja",
            "Tahunan",
            bk.PESAN_BUKAN_NILAI.format(teks="enam puluh", predikat=", ".join(bk.PREDIKAT)),
        )
    ]
    assert "enam puluh" in halaman.content.decode()
    assert AuditLog.objects.count() == jumlah_audit


def test_preview_then_confirm_writes_once_and_is_audited(client, paser, perencana):
    def ubah(wb):
        ws = wb["Realisasi kinerja"]
        ws.cell(row=_baris_realisasi(ws, "S1.I1", 2023), column=3, value="66,5")

    client.force_login(perencana)
    halaman = _unggah(client, paser, _buku_paser(paser, ubah))
    assert halaman.status_code == 200
    ringkas = {r.lembar: r for r in halaman.context["hasil"].per_lembar}
    assert ringkas["Realisasi kinerja"].diperbarui == 1
    real = Realisasi.objects.get(
        indikator__perangkat_daerah=paser, indikator__kode="S1.I1", tahun=2023, triwulan=0
    )
    assert real.nilai == Decimal("65.22")  # the preview wrote nothing

    r = client.post(reverse("pertukaran:konfirmasi", args=[paser.slug]))
    assert r.status_code == 302
    assert r["Location"] == reverse(
        "laporan:laporan", kwargs={"pd": paser.slug, "jenis": "lkjip", "tahun": 2023}
    )
    real.refresh_from_db()
    assert real.nilai == Decimal("66.5")
    muat = AuditLog.objects.filter(aksi=AKSI_MUAT, perangkat_daerah=paser).latest("id")
    assert muat.pengguna == perencana
    # The stored upload is gone: a second confirmation imports nothing.
    r = client.post(reverse("pertukaran:konfirmasi", args=[paser.slug]), follow=True)
    assert "Unggahan tidak ditemukan" in r.content.decode()


def test_workbook_of_another_pd_is_refused(client, paser, balangan, perencana):
    client.force_login(perencana)
    isi = buku_kerja_dari_dataset(ekspor_dataset(pd=balangan))
    halaman = _unggah(client, paser, isi)
    assert halaman.status_code == 422
    assert halaman.context["masalah"][0].lembar == "PD"


def test_upload_form_refuses_other_names_and_oversize(client, paser, perencana, monkeypatch):
    client.force_login(perencana)
    halaman = _unggah(client, paser, b"x", nama="laporan.csv")
    assert halaman.status_code == 422 and PESAN_BUKAN_XLSX_NAMA in halaman.content.decode()
    monkeypatch.setattr(bk, "MAKS_UKURAN", 10)
    import pertukaran.forms as f

    monkeypatch.setattr(f, "MAKS_UKURAN", 10)
    halaman = _unggah(client, paser, b"x" * 2048)
    assert halaman.status_code == 422 and "melebihi batas" in halaman.content.decode()


@pytest.mark.parametrize(
    ("nama", "terlihat"), [("perencana", True), ("superuser", True), ("operator", False)]
)
def test_the_pd_home_links_the_import_page_for_who_may_import(
    client, paser, persona, nama, terlihat
):
    client.force_login(persona(nama))
    halaman = client.get(reverse("beranda_pd", args=[paser.slug])).content.decode()
    tautan = f'href="{reverse("pertukaran:unggah", args=[paser.slug])}" data-uji="tautan-impor"'
    assert (tautan in halaman) is terlihat
    # and on the plan page, where the perencana maintains the plan
    rencana = client.get(reverse("renstra:indikator_daftar", args=[paser.slug]))
    assert (tautan in rencana.content.decode()) is terlihat
