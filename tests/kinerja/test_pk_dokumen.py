"""PK documents (kinerja/pk/dokumen.py): the PDF and HTML of the Paser demo PKs.

The text of each PDF page is extracted with pypdf; the layout itself was checked by eye on
pages rendered with `pdftoppm -r 60 -png` (statement page, annex, signatures, footer).
"""

import io
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from common.models import Keanggotaan, Peran
from kinerja import pk as L
from kinerja.models import AlasanPerubahanPK, PerjanjianKinerja
from kinerja.pk import (
    PESAN_FORMAT_DOKUMEN,
    PESAN_PD_TIDAK_ADA,
    PKTidakDitemukan,
    dokumen_pk,
    render_dokumen,
)

# Drafting and in-app signing are tested on the demo PKs in their unsigned state.
pytestmark = pytest.mark.usefixtures("pk_demo_draf")

SANDI = "sandi-rahasia-123"
NIP_KEPALA = "197106071997031007"
NIP_HARDIANSYAH = "198601032010011015"
BASIS = "https://sakip.paserkab.go.id"


@pytest.fixture
def kepala(paser):
    u = get_user_model().objects.create_user("kepala-dok", "k@contoh.go.id", SANDI)
    Keanggotaan.objects.create(pengguna=u, perangkat_daerah=paser, peran=Peran.KEPALA)
    return u


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (10, 10), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _tandatangani(pk, kepala):
    L.pk_tandatangani_pihak_pertama(pk=pk, user=kepala, kata_sandi=SANDI)
    berkas = SimpleUploadedFile("ttd.png", _png(), content_type="image/png")
    return L.pk_unggah_pindaian(
        pk=pk, berkas=berkas, user=kepala, kata_sandi=SANDI, konfirmasi=True
    )


@pytest.fixture
def pk_kepala(paser, kepala):
    pk = PerjanjianKinerja.objects.get(
        perangkat_daerah=paser, tahun=2024, pihak_pertama__nip=NIP_KEPALA
    )
    return _tandatangani(pk, kepala)


def halaman(pdf: bytes) -> list[str]:
    # Whitespace normalised: pypdf breaks lines where the layout wraps them.
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_pdf_of_the_signed_head_pk_2024(paser, pk_kepala):
    pdf = dokumen_pk(pd=paser, tahun=2024, nip=NIP_KEPALA, basis_url=BASIS)
    assert pdf[:4] == b"%PDF"
    teks = halaman(pdf)
    semua = " ".join(teks)

    assert "PERJANJIAN KINERJA TAHUN 2024" in teks[0]
    assert "Dalam rangka mewujudkan manajemen pemerintahan yang efektif" in teks[0]
    for nama in ("NONDING, S.Sos., M.M", "dr. FAHMI FADLI"):
        assert nama in teks[0]
    assert "NIP. 19710607 199703 1 007" in teks[0]
    assert "Pembina Utama Muda / IV/c" in teks[0]
    assert "Tana Paser, Januari 2024" in teks[0]
    assert "BADAN KESATUAN BANGSA DAN POLITIK KABUPATEN PASER" in semua
    # Every IKU target, as printed in the annex.
    for baris in L.isi_pk(pk_kepala).indikator:
        assert f"{baris.uraian} {baris.target}" in semua
    assert [b.target for b in L.isi_pk(pk_kepala).indikator] == [
        "BB",
        "100%",
        "80%",
        "90%",
        "90%",
        "100%",
    ]
    assert "Rp 7.112.162.360" in semua
    # The total printed on the signed paper, shown beside the sum of the rows.
    assert "Rp 45.267.771.529" in semua
    assert "JUMLAH Rp 45.231.971.529" in semua

    # The fingerprint and the verification address on EVERY page.
    url = f"{BASIS}/pk/verifikasi/{pk_kepala.sidik_jari}/"
    for t in teks:
        assert f"Sidik jari SHA-256: {pk_kepala.sidik_jari}" in t
        assert url in t
    assert "DRAF" not in semua


def test_draft_pdf_has_watermark_and_no_fingerprint(paser):
    pdf = dokumen_pk(pd=paser, tahun=2024, nip=NIP_KEPALA)
    teks = halaman(pdf)
    for t in teks:
        assert "DRAF — belum ditandatangani" in t
        assert "Sidik jari" not in t
    # The watermark letters are painted on every page of the draft.
    assert all("D" in t and "FT" in t.replace(" ", "") for t in teks)


def test_all_pks_of_the_year_in_one_pdf_and_its_timing(paser, pk_kepala):
    mulai = time.perf_counter()
    pdf = dokumen_pk(pd=paser, tahun=2024)
    detik = time.perf_counter() - mulai
    teks = halaman(pdf)
    pernyataan = [t for t in teks if "Dalam rangka mewujudkan manajemen pemerintahan" in t]
    assert len(pernyataan) == 13
    assert "NONDING, S.Sos., M.M" in pernyataan[0]  # eselon II first
    # The signed PK carries its fingerprint; the 12 drafts carry the draft notice.
    assert sum(f"Sidik jari SHA-256: {pk_kepala.sidik_jari}" in t for t in teks) >= 2
    assert sum("DRAF — belum ditandatangani" in t for t in teks) >= 24
    print(f"\n13 PK Paser 2024 → {len(teks)} halaman PDF dalam {detik:.2f} detik")
    assert detik < 60


def test_html_format_is_the_same_document(paser, pk_kepala):
    html = dokumen_pk(pd=paser, tahun=2024, nip=NIP_KEPALA, format="html").decode("utf-8")
    assert html.startswith("<!doctype html>")
    assert "@page" in html  # the print CSS is inlined: a saved file prints the same
    assert "PERJANJIAN KINERJA TAHUN 2024" in html
    assert f"/pk/verifikasi/{pk_kepala.sidik_jari}/" in html
    assert "Rp 45.267.771.529" in html
    assert "<link" not in html and "src=" not in html  # nothing fetched


def test_nip_selects_the_pks_of_one_official(paser):
    html = dokumen_pk(pd="kesbangpol-paser", tahun=2024, nip=NIP_HARDIANSYAH, format="html")
    assert html.decode().count("Dalam rangka mewujudkan manajemen pemerintahan") == 2


def test_errors_of_the_document_function(paser):
    with pytest.raises(PKTidakDitemukan) as e:
        dokumen_pk(pd="tidak-ada", tahun=2024)
    assert str(e.value) == PESAN_PD_TIDAK_ADA.format(pd="tidak-ada")
    with pytest.raises(PKTidakDitemukan) as e:
        dokumen_pk(pd=paser, tahun=2024, nip="199901012020011001")
    assert str(e.value) == L.PESAN_TIDAK_ADA_PK.format(
        pd=paser.nama, tahun=2024, pejabat=" untuk NIP 199901012020011001"
    )
    with pytest.raises(PKTidakDitemukan):
        dokumen_pk(pd=paser, tahun=2019)
    with pytest.raises(ValueError) as e:
        dokumen_pk(pd=paser, tahun=2024, format="docx")
    assert str(e.value) == PESAN_FORMAT_DOKUMEN


def test_pk_perubahan_annex_lists_before_and_after(paser, kepala, pk_kepala):
    perencana = get_user_model().objects.create_user("perencana-dok", "p@contoh.go.id", SANDI)
    baru = L.pk_buat_perubahan(
        pk=pk_kepala,
        alasan=AlasanPerubahanPK.PRIORITAS,
        uraian="Fasilitasi ormas diperluas.",
        user=perencana,
    )
    baris = baru.indikator.get(urutan=3)
    L.pk_ubah_indikator(
        baris=baris,
        data={"nilai": 95, "alasan_selisih": "Prioritas daerah."},
        user=perencana,
    )
    baru = _tandatangani(baru, kepala)
    pdf = dokumen_pk(pd=paser, tahun=2024, nip=NIP_KEPALA)
    semua = " ".join(halaman(pdf))
    assert "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024" in semua
    assert "TARGET SEBELUM PERUBAHAN TARGET SETELAH PERUBAHAN BERTAMBAH ATAU BERKURANG" in semua
    assert "90% 95% Bertambah 5%" in semua
    assert "Perubahan prioritas atau asumsi" in semua
    assert f"Sidik jari SHA-256: {baru.sidik_jari}" in semua
    # The previous version stays printable as it was signed (the PK's own print view).
    lama = render_dokumen([L.isi_pk(pk_kepala)], judul="PK lama")
    assert "PERJANJIAN KINERJA TAHUN 2024" in lama and "PERUBAHAN TAHUN" not in lama
    assert f"Sidik jari SHA-256: {pk_kepala.sidik_jari}" in lama
