"""Page breaks of the printed documents (issue 14, layout): no heading left alone at the bottom
of a page, no signature block alone on a page. Checked on the text of each PDF page (pypdf),
as a reader turning the pages would:

- the Paser LKjIP 2023: the "Lampiran I. Perjanjian Kinerja" heading (and its note on the PK
  of the next year) shares its page with the start of the PK it introduces; no page ends with
  a heading or the first lines of a table title;
- the PKs attached to it and the PK document of Paser 2024 printed alone: every page with a
  signature block or the verification QR code also holds the end of the statement or the last
  rows (JUMLAH) of the PK's budget table.
"""

import re
from html import unescape

import pytest

from laporan.cetak import PESAN_PK_TAHUN_BERIKUT

from .conftest import teks_pdf

pytestmark = pytest.mark.django_db

KEPALA_HALAMAN = "BADAN KESATUAN BANGSA DAN POLITIK KABUPATEN PASER LKjIP Tahun 2023"
"""The running header of the Paser LKjIP, extracted after the body of each page."""

JUDUL_LAMPIRAN_I = "Lampiran I. Perjanjian Kinerja"
CATATAN_PK_BERIKUT = PESAN_PK_TAHUN_BERIKUT.format(tahun=2023, berikut=2024)
AWAL_PK = "PERJANJIAN KINERJA TAHUN 2024 Dalam rangka mewujudkan manajemen pemerintahan"
"""The first words of the first attached PK (its title and statement)."""

TANDA_TANGAN = "Pihak Kedua, Pihak Pertama,"
"""The first line of a PK's signature block."""
QR = "Pindai kode ini atau buka alamat berikut"
AKHIR_PERNYATAAN = "pemberian penghargaan dan sanksi."
"""The last words of the PK statement, just above its signatures."""
BARIS_JUMLAH = re.compile(r"\d+\. [^\n]*Rp [\d.]+ JUMLAH Rp [\d.]+")
"""The last budget row of a PK annex and its JUMLAH row, one after the other."""

_POLA_JUDUL = re.compile(
    r'<(h[1-4])[^>]*>(.*?)</\1>|<p class="judul-tabel"[^>]*>(.*?)</p>', re.S | re.I
)


# --- Helpers --------------------------------------------------------------------------------


def _rapat(teks: str) -> str:
    return " ".join(teks.split())


def badan(halaman: str, kepala: str = KEPALA_HALAMAN) -> str:
    """The body text of a page: the DRAFT watermark and what follows the running header (page
    number, PK fingerprint and address) left out, whitespace collapsed."""
    if kepala in halaman:
        halaman = halaman[: halaman.rfind(kepala)]
    teks = _rapat(halaman)
    return teks.removeprefix("DRAFT").strip()


def judul_dokumen(html: str) -> list[str]:
    """The text of every heading (h1–h4) and table title of a print HTML."""
    hasil = []
    for m in _POLA_JUDUL.finditer(html):
        teks = _rapat(unescape(re.sub(r"<[^>]+>", " ", m[2] or m[3])))
        if len(teks) >= 4:
            hasil.append(teks)
    return hasil


def halaman_berakhir_judul(halaman: list[str], judul: list[str]) -> list[tuple[int, str]]:
    """(page, heading) of each page whose body ends with a heading, or with the first lines of
    one (a table title split across pages). A trailing note on the attached PK is skipped: it
    belongs to the Lampiran I heading above it."""
    hasil = []
    for n, h in enumerate(halaman, start=1):
        teks = badan(h).removesuffix(CATATAN_PK_BERIKUT).rstrip()
        if not teks:
            continue
        for j in judul:
            awal = teks.rfind(j[:24])
            if awal < 0 or (awal > 0 and teks[awal - 1] != " "):
                continue
            sisa = teks[awal:]
            if len(sisa) >= min(len(j), 12) and j.startswith(sisa):
                hasil.append((n, j))
    return hasil


def halaman_ttd_sendiri(halaman: list[str]) -> list[tuple[int, str]]:
    """(page, start of its body) of each page holding a PK signature block or QR code but
    neither the end of the PK statement nor the last rows of the PK budget table."""
    hasil = []
    for n, h in enumerate(halaman, start=1):
        teks = badan(h)
        if TANDA_TANGAN not in teks and QR not in teks:
            continue
        if TANDA_TANGAN not in teks or not (AKHIR_PERNYATAAN in teks or BARIS_JUMLAH.search(teks)):
            hasil.append((n, teks[:80]))
    return hasil


def jumlah_pk(halaman: list[str]) -> int:
    """The number of PKs printed: one statement page opening each."""
    return sum(AWAL_PK in badan(h) for h in halaman)


def jumlah_halaman_ttd(halaman: list[str]) -> int:
    """The number of pages holding a PK signature block (two per PK: statement and annex)."""
    return sum(TANDA_TANGAN in badan(h) for h in halaman)


# --- Fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pk_paser_2024(django_db_setup, django_db_blocker) -> list[str]:
    """The text of each page of the PK document of Paser 2024 printed alone."""
    from kinerja.pk import dokumen_pk

    with django_db_blocker.unblock():
        return teks_pdf(dokumen_pk(pd="kesbangpol-paser", tahun=2024, format="pdf"))


# --- The LKjIP ------------------------------------------------------------------------------


def test_lampiran_i_heading_shares_its_page_with_the_start_of_the_pk(lkjip_paser):
    halaman = [
        badan(h)
        for h in lkjip_paser.halaman
        if JUDUL_LAMPIRAN_I in h and "....." not in h  # not the table of contents
    ]
    assert len(halaman) == 1
    teks = halaman[0]
    assert teks.startswith(f"LAMPIRAN {JUDUL_LAMPIRAN_I} {CATATAN_PK_BERIKUT}")
    assert AWAL_PK in teks


def test_no_page_of_the_lkjip_ends_with_a_heading(lkjip_paser):
    judul = judul_dokumen(lkjip_paser.html)
    assert JUDUL_LAMPIRAN_I in judul and len(judul) > 50
    assert halaman_berakhir_judul(lkjip_paser.halaman, judul) == []


def test_no_pk_signature_block_alone_on_a_page_of_the_lkjip(lkjip_paser):
    assert jumlah_halaman_ttd(lkjip_paser.halaman) == 2 * jumlah_pk(lkjip_paser.halaman) > 20
    assert halaman_ttd_sendiri(lkjip_paser.halaman) == []


# --- The PK document ------------------------------------------------------------------------


def test_no_signature_block_alone_on_a_page_of_the_pk_document(pk_paser_2024):
    assert jumlah_halaman_ttd(pk_paser_2024) == 2 * jumlah_pk(pk_paser_2024) > 20
    assert halaman_ttd_sendiri(pk_paser_2024) == []


# --- The checks themselves ------------------------------------------------------------------


def test_checks_see_the_defects_of_issue_14():
    """The pages the issue saw: the heading alone at the bottom of printed page 33, a table
    title split across two pages, the QR code and a signature block each alone on a page."""
    kepala = KEPALA_HALAMAN
    lampiran = f"DRAFT\nLAMPIRAN\n{JUDUL_LAMPIRAN_I}\n{CATATAN_PK_BERIKUT}\n{kepala}\n33\n"
    tabel = (
        f"teks\nTabel 2. Analisis Atas Efisiensi Penggunaan SDM, sasaran 1: Pegawai\n{kepala}\n2"
    )
    judul = [
        JUDUL_LAMPIRAN_I,
        "LAMPIRAN",
        "Tabel 2. Analisis Atas Efisiensi Penggunaan SDM, "
        "sasaran 1: Pegawai yang terlibat dalam menangani sasaran 1",
    ]
    assert halaman_berakhir_judul([lampiran, tabel], judul) == [
        (1, JUDUL_LAMPIRAN_I),
        (2, judul[2]),
    ]
    qr = f"DRAFT\n{QR} keaslian:\n/pk/verifikasi/abc/\n{kepala}\nSidik jari SHA-256: abc\n36\n"
    ttd = f"DRAFT\nTana Paser, Januari 2024\nPihak Kedua, Pihak Pertama,\nSEKRETARIS\n{kepala}\n"
    utuh = (
        "10. Penyediaan Jasa Rp 17.760.000\n11. Pemeliharaan Rp 4.260.000\nJUMLAH Rp 859.327.356\n"
        f"Tana Paser, Januari 2024\nPihak Kedua, Pihak Pertama,\n{QR}\n{kepala}\n"
    )
    assert [n for n, _ in halaman_ttd_sendiri([qr, ttd, utuh])] == [1, 2]
