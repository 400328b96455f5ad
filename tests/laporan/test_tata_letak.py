"""Print layout of the official reports (issue 14 point 13), checked on the laid-out pages of
the demo documents (WeasyPrint's layout tree) and on the PDF itself:

- roman page numbers for the front matter, arabic from Bab I restarting at 1, and the table
  of contents showing those numbers;
- no header word split across lines, no cell whose text is wider than the cell;
- one font family embedded in every printed document;
- the Renja form on A3 landscape with its header on every page;
- Indonesian decimal commas; local codes never printed as Kepmendagri codes.
"""

import io
import re

import pytest
from pypdf import PdfReader
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from common.pdf import PengambilLokal

pytestmark = pytest.mark.django_db

ROMAWI = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
A3_LANSKAP = (1190.55, 841.89)
"""A3 landscape in PDF points (420 × 297 mm)."""


# --- Helpers --------------------------------------------------------------------------------


def tata_letak(html: str):
    """The laid-out document (pages of boxes) of a print HTML."""
    return HTML(
        string=html, base_url="http://localhost/", url_fetcher=PengambilLokal(timeout=10)
    ).render()


def _anak(box):
    return getattr(box, "children", None) or []


def _teks_baris(baris) -> str:
    return "".join(t.text for t in baris.descendants() if isinstance(t, boxes.TextBox))


def _teks(box) -> str:
    """The text of a box, its lines joined by a space (whitespace collapsed)."""
    if isinstance(box, boxes.LineBox):
        return " ".join(_teks_baris(box).split())
    baris = [b for b in box.descendants() if isinstance(b, boxes.LineBox)]
    return " ".join(" ".join(_teks_baris(b) for b in baris).split())


def nomor_halaman(doc) -> list[str]:
    """The text of the @bottom-center margin box (the page number) of each page."""
    hasil = []
    for page in doc.pages:
        kotak = [
            c
            for c in _anak(page._page_box)
            if isinstance(c, boxes.MarginBox) and c.at_keyword == "@bottom-center"
        ]
        hasil.append(_teks(kotak[0]).strip() if kotak else "")
    return hasil


def teks_halaman(doc) -> list[str]:
    """The body text of each page (margin boxes and the draft watermark left out)."""
    hasil = []
    for p in doc.pages:
        teks = " ".join(
            _teks(c).strip() for c in _anak(p._page_box) if not isinstance(c, boxes.MarginBox)
        )
        hasil.append(" ".join(teks.replace("DRAFT", " ").split()))
    return hasil


def _sel(box, tag=None):
    if isinstance(box, boxes.TableCellBox):
        if tag is None or box.element_tag == tag:
            yield box
        return
    for c in _anak(box):
        yield from _sel(c, tag)


def _sel_tabel(box, kelas: str, tag: str):
    """The cells (`tag`) of the tables of class `kelas` laid out in `box`."""
    if isinstance(box, boxes.TableBox):
        if kelas in (box.element.get("class") or "").split():
            yield from _sel(box, tag)
        return
    for c in _anak(box):
        yield from _sel_tabel(c, kelas, tag)


def _baris(box):
    return [
        _teks_baris(b).strip()
        for b in box.descendants()
        if isinstance(b, boxes.LineBox) and _teks_baris(b).strip()
    ]


def _potongan_sah(kata: str) -> set[str]:
    """The pieces a word may be printed as: whole, or broken after "-", "/" or "–" only."""
    bagian = re.split(r"(?<=[-/–])", kata)
    return {"".join(bagian[i:j]) for i in range(len(bagian)) for j in range(i + 1, len(bagian) + 1)}


def kata_kepala_terpotong(doc) -> list[tuple[int, str, str]]:
    """(page, fragment, header lines) of every header word broken across lines."""
    hasil = []
    for n, page in enumerate(doc.pages, start=1):
        for th in _sel(page._page_box, "th"):
            sah = set()
            for kata in "".join(th.element.itertext()).split():
                sah |= _potongan_sah(kata)
            baris = _baris(th)
            for potong in (p for b in baris for p in b.split()):
                if potong not in sah:
                    hasil.append((n, potong, " / ".join(baris)))
    return hasil


def sel_meluap(doc) -> list[tuple[int, str, str]]:
    """(page, tag, text) of every laid-out line wider than its table cell (clipped text)."""
    hasil = []
    for n, page in enumerate(doc.pages, start=1):
        for sel in _sel(page._page_box):
            for b in sel.descendants():
                if isinstance(b, boxes.LineBox):
                    lebar = sum(c.margin_width() for c in b.children)
                    if lebar > sel.width + 0.5:
                        hasil.append((n, sel.element_tag, _teks_baris(b)))
    return hasil


def keluarga_font(pdf: bytes) -> set[str]:
    """The embedded fonts of a PDF (subset prefix dropped), e.g. {"DejaVu-Sans-Bold"}."""
    nama = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for f in fonts.values():
            nama.add(str(f.get_object()["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return nama


def satu_keluarga_dejavu_sans(nama: set[str]) -> bool:
    """Every font is a face of DejaVu Sans (bold, oblique, condensed width): no Serif, no Mono,
    no other family."""
    return bool(nama) and all(
        n.startswith("DejaVu-Sans") and "Mono" not in n and "Serif" not in n for n in nama
    )


POLA_TITIK_DESIMAL = re.compile(r"(?<![\w.,])\d+\.\d{1,2}(?![\w.,])")
"""A number with a decimal point ("12.5", "10.53"): never a thousands group (three digits)."""


def angka_bertitik(teks: str, kode: set[str]) -> set[str]:
    """Numbers printed with a decimal point, minus the Kepmendagri codes ("8.01") and the
    outline numbers of a table ("1.1") that look the same."""
    return {
        m
        for m in POLA_TITIK_DESIMAL.findall(teks)
        if m not in kode and not re.fullmatch(r"\d\.\d", m)
    }


# --- Fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def letak_lkjip(lkjip_paser):
    """The Paser LKjIP 2023 (the session's print HTML), laid out."""
    return tata_letak(lkjip_paser.html)


def _cetak_renja(slug: str, tahun: int):
    from laporan import cetak
    from renstra.models import PerangkatDaerah

    pd = PerangkatDaerah.objects.select_related("pemda").get(slug=slug)
    dokumen = cetak.susun(cetak.laporan_untuk(pd, "evaluasi-renja", tahun, 4))
    html = cetak.halaman_cetak(dokumen.isi, judul=dokumen.judul, draft=True)
    doc = tata_letak(html)
    return dokumen, html, doc, doc.write_pdf()


@pytest.fixture(scope="module")
def renja_paser(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return _cetak_renja("kesbangpol-paser", 2023)


@pytest.fixture(scope="module")
def renja_balangan(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return _cetak_renja("kesbangpol-balangan", 2024)


# --- Page numbers ---------------------------------------------------------------------------


def test_front_matter_is_numbered_in_roman_and_bab_i_restarts_at_1(letak_lkjip):
    nomor = nomor_halaman(letak_lkjip)
    teks = teks_halaman(letak_lkjip)
    bab_1 = next(i for i, t in enumerate(teks) if "BAB I PENDAHULUAN" in t and "....." not in t)
    assert nomor[0] == ""  # the cover carries no number
    assert teks[1].startswith("KATA PENGANTAR")
    assert nomor[1:bab_1] == ROMAWI[: bab_1 - 1]
    assert bab_1 >= 4  # kata pengantar, ikhtisar, daftar isi at least
    assert nomor[bab_1] == "1"
    # Arabic and consecutive from Bab I to the last page.
    assert nomor[bab_1:] == [str(n) for n in range(1, len(nomor) - bab_1 + 1)]


def test_table_of_contents_shows_the_printed_page_numbers(letak_lkjip):
    nomor = nomor_halaman(letak_lkjip)
    teks = teks_halaman(letak_lkjip)
    daftar = next(t for t in teks if t.startswith("DAFTAR ISI"))

    def halaman_daftar(judul: str) -> str:
        cocok = re.search(re.escape(judul) + r"\s*\.+\s*([ivx]+|\d+)", daftar)
        assert cocok, judul
        return cocok[1]

    def halaman_cetak(judul: str) -> str:
        i = next(i for i, t in enumerate(teks) if t.startswith(judul))
        return nomor[i]

    assert halaman_daftar("KATA PENGANTAR") == "i" == halaman_cetak("KATA PENGANTAR")
    assert halaman_daftar("IKHTISAR EKSEKUTIF") == "ii" == halaman_cetak("IKHTISAR EKSEKUTIF")
    assert halaman_daftar("BAB I PENDAHULUAN") == "1" == halaman_cetak("BAB I PENDAHULUAN")
    assert halaman_daftar("BAB II PERENCANAAN KINERJA") == halaman_cetak(
        "BAB II PERENCANAAN KINERJA"
    )


def test_quarterly_report_numbers_its_kata_pengantar_in_roman(paser):
    from laporan import cetak

    dokumen = cetak.susun(cetak.laporan_untuk(paser, "triwulan", 2024, 2))
    doc = tata_letak(cetak.halaman_cetak(dokumen.isi, judul=dokumen.judul, draft=True))
    nomor, teks = nomor_halaman(doc), teks_halaman(doc)
    assert nomor[0] == ""
    assert teks[1].startswith("KATA PENGANTAR") and nomor[1] == "i"
    assert teks[2].startswith("BAB I KINERJA") and nomor[2] == "1"
    assert nomor[2:] == [str(n) for n in range(1, len(nomor) - 1)]


def test_a_document_without_cover_counts_from_1(renja_paser):
    nomor = nomor_halaman(renja_paser[2])
    assert nomor == [str(n) for n in range(1, len(nomor) + 1)]


# --- Headers and cells ----------------------------------------------------------------------


def test_no_header_word_is_split_across_lines_in_the_lkjip(letak_lkjip):
    assert kata_kepala_terpotong(letak_lkjip) == []


def test_no_table_cell_overflows_in_the_lkjip(letak_lkjip):
    assert sel_meluap(letak_lkjip) == []


def test_the_realisasi_headers_are_printed_whole(letak_lkjip):
    """The header the issue saw as "Realisa/si": every laid-out header line holding part of
    it holds the whole word."""
    potongan = [
        b
        for page in letak_lkjip.pages
        for th in _sel(page._page_box, "th")
        for b in _baris(th)
        if "Realisa" in b
    ]
    assert potongan
    assert all(re.search(r"Realisasi", b) for b in potongan)


def test_header_rule_forbids_breaking_inside_words():
    from laporan.cetak import css_cetak

    css = css_cetak()
    assert re.search(
        r"table\.tabel th \{ hyphens: manual; word-break: normal; overflow-wrap: normal; \}", css
    )


# --- Fonts ----------------------------------------------------------------------------------


def test_lkjip_pdf_embeds_one_font_family(lkjip_paser):
    assert satu_keluarga_dejavu_sans(keluarga_font(lkjip_paser.pdf)), keluarga_font(lkjip_paser.pdf)


def test_renja_form_pdf_embeds_one_font_family(renja_paser):
    pdf = renja_paser[3]
    assert satu_keluarga_dejavu_sans(keluarga_font(pdf)), keluarga_font(pdf)


def test_pk_pdf_embeds_the_same_font_family(paser):
    from kinerja.pk import dokumen_pk

    pdf = dokumen_pk(pd=paser, tahun=2024, format="pdf")
    assert satu_keluarga_dejavu_sans(keluarga_font(pdf)), keluarga_font(pdf)


def test_quarterly_report_pdf_embeds_the_same_font_family(paser):
    from laporan import cetak

    pdf = cetak.cetak("triwulan", pd=paser, tahun=2024, triwulan=2, format="pdf")
    assert satu_keluarga_dejavu_sans(keluarga_font(pdf)), keluarga_font(pdf)


def test_font_check_rejects_a_second_family():
    assert not satu_keluarga_dejavu_sans({"DejaVu-Sans", "DejaVu-Sans-Mono"})
    assert not satu_keluarga_dejavu_sans({"DejaVu-Sans", "DejaVu-Serif"})
    assert satu_keluarga_dejavu_sans({"DejaVu-Sans", "DejaVu-Sans-Bold-Semi-Condensed"})


# --- Renja form -----------------------------------------------------------------------------


@pytest.mark.parametrize("cetakan", ["renja_paser", "renja_balangan"])
def test_renja_form_is_a3_landscape_with_its_header_on_every_page(cetakan, request):
    _dokumen, _html, doc, pdf = request.getfixturevalue(cetakan)
    halaman = PdfReader(io.BytesIO(pdf)).pages
    assert len(halaman) > 1
    for p in halaman:
        assert (float(p.mediabox.width), float(p.mediabox.height)) == pytest.approx(
            A3_LANSKAP, abs=1
        )
    halaman_tabel = [p for p in doc.pages if any(_sel_tabel(p._page_box, "tabel-renja", "td"))]
    assert len(halaman_tabel) > 1
    for n, page in enumerate(halaman_tabel, start=1):
        kepala = " ".join(_teks(th) for th in _sel_tabel(page._page_box, "tabel-renja", "th"))
        assert "Unit penanggung jawab / keterangan" in kepala, n
        assert "14 = 7 + 13" in kepala, n


@pytest.mark.parametrize("cetakan", ["renja_paser", "renja_balangan"])
def test_renja_form_has_no_split_header_word_and_no_clipped_cell(cetakan, request):
    _dokumen, _html, doc, _pdf = request.getfixturevalue(cetakan)
    assert kata_kepala_terpotong(doc) == []
    assert sel_meluap(doc) == []


def test_renja_form_prints_no_local_code_as_a_kepmendagri_code(renja_paser, renja_balangan):
    from laporan.dokumen.sel import CATATAN_KODE_LOKAL

    for dokumen, _html, _doc, _pdf in (renja_paser, renja_balangan):
        (tabel,) = dokumen.tabel
        kode = [
            s.teks
            for b in tabel.baris
            for s in b.sel
            if s.kelas_html and "kode" in s.kelas_html.split()
        ]
        assert kode
        assert not [k for k in kode if re.search(r"[A-Za-z]", k)], kode
        assert CATATAN_KODE_LOKAL in tabel.catatan
    # Paser prints its Kepmendagri codes; its local sub-kegiatan (…L1) shows the gap.
    kode_paser = {s.teks for b in renja_paser[0].tabel[0].baris for s in b.sel}
    assert "8.01.01.2.01.01" in kode_paser
    assert "8.01.01.2.01.L1" not in kode_paser
    assert not re.search(r"\d\.L\d", " ".join(teks_halaman(renja_paser[2])))
    # Balangan has only local codes (P1, P1.K1): none is printed.
    teks_balangan = " ".join(teks_halaman(renja_balangan[2]))
    assert not re.search(r"\bP\d+\.[KSI]\d", teks_balangan)


def test_lkjip_program_tables_print_no_local_code(paser, balangan):
    from laporan import cetak

    for pd, tahun in ((paser, 2023), (balangan, 2024)):
        dokumen = cetak.susun(cetak.laporan_untuk(pd, "lkjip", tahun))
        for t in dokumen.tabel:
            for b in t.baris:
                for s in b.sel:
                    assert not re.match(r"(P\d+(\.K\d+)*|\S+\.L\d+)\s", s.teks), (t.judul, s.teks)


# --- Decimal commas -------------------------------------------------------------------------


def test_lkjip_text_has_no_decimal_point(lkjip_paser, letak_lkjip):
    teks = " ".join(teks_halaman(letak_lkjip))
    (renja,) = [t for t in lkjip_paser.dokumen.tabel if t.kunci == "evaluasi-renja"]
    kode = {s.teks for b in renja.baris for s in b.sel if "kode" in (s.kelas_html or "").split()}
    assert angka_bertitik(teks, kode) == set()
    # The staffing table of seed 002 prints its shares the Indonesian way.
    assert "10,53" in teks and "55,26" in teks
    assert "10.53" not in teks


def test_renja_form_text_has_no_decimal_point(renja_paser, renja_balangan):
    for dokumen, _html, doc, _pdf in (renja_paser, renja_balangan):
        kode = {
            s.teks
            for b in dokumen.tabel[0].baris
            for s in b.sel
            if s.kelas_html and "kode" in s.kelas_html.split()
        }
        assert angka_bertitik(" ".join(teks_halaman(doc)), kode) == set()


def test_renstra_conditions_typed_with_a_point_print_with_a_comma(balangan):
    """Balangan's kondisi akhir is stored as "21.3" (plain notation): printed "21,3"."""
    from laporan import cetak

    dokumen = cetak.susun(cetak.laporan_untuk(balangan, "lkjip", 2024))
    (renstra,) = [t for t in dokumen.tabel if t.kunci == "renstra"]
    teks = [s.teks for b in renstra.baris for s in b.sel]
    assert "21,3" in teks
    assert "21.3" not in teks


def test_teks_data_keeps_text_and_thousands():
    from laporan.dokumen.sel import teks_data

    assert teks_data("10.53") == "10,53"
    assert teks_data("55.26 %") == "55,26 %"
    assert teks_data("1.500") == "1.500"  # an Indonesian thousands separator
    assert teks_data("4 Org") == "4 Org"
    assert teks_data("") == ""
    assert teks_data(None) is None


def test_kode_cetak_keeps_only_kepmendagri_codes():
    from laporan.dokumen.sel import kode_cetak, nama_berkode

    assert kode_cetak("8") == "8"
    assert kode_cetak("8.01") == "8.01"
    assert kode_cetak("8.01.01.2.01.01") == "8.01.01.2.01.01"
    assert kode_cetak("8.01.01.2.01.L1") == ""
    assert kode_cetak("P1.K1") == ""
    assert nama_berkode("P1.K1", "Pembinaan Ormas") == "Pembinaan Ormas"
    assert nama_berkode("8.01.02", "Program X") == "8.01.02 Program X"
