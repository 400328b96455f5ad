"""The table abstraction (formatting, snapshot, diff), the XLSX writer and the SVG charts."""

import io
import xml.etree.ElementTree as ET
from decimal import Decimal

from openpyxl import load_workbook

from laporan.excel import Lembar, buat_xlsx
from laporan.grafik import Batang, KelompokBatang, grafik_batang_horizontal, grafik_kelompok
from laporan.tabel import (
    BULAT,
    NILAI,
    PERSEN,
    RUPIAH,
    Baris,
    Kepala,
    Sel,
    Tabel,
    cuplikan,
    selisih_cuplikan,
)


def _tabel(capaian: Decimal) -> Tabel:
    return Tabel(
        kunci="uji",
        judul="Tabel uji",
        kepala=(
            (Kepala("Nama", rowspan=2), Kepala("Nilai", colspan=2)),
            (Kepala("Capaian"), Kepala("Pagu")),
        ),
        baris=(
            Baris(
                (
                    Sel("A"),
                    Sel(capaian, PERSEN, kunci="capaian"),
                    Sel(Decimal("1234567"), BULAT, kunci="pagu", rowspan=2),
                ),
                kunci="a",
                label="Baris A",
            ),
            Baris((Sel("B"), Sel({"bawah": Decimal("80"), "atas": Decimal("90")}, NILAI))),
        ),
    )


def test_cell_formatting():
    assert Sel(Decimal("89.3425"), PERSEN).teks == "89,34%"
    assert Sel(Decimal("5911790846"), RUPIAH).teks == "Rp 5.911.790.846"
    assert Sel(Decimal("65.2200"), NILAI).teks == "65,22"
    assert Sel("BB", NILAI).teks == "BB"
    assert Sel(None, PERSEN).teks == "—"
    assert Sel(None, NILAI).teks == "—"
    assert Sel("x", warna="#006400").warna_teks == "#FFFFFF"
    assert Sel("x", warna="#FFFF99").warna_teks == "#111111"


def test_snapshot_and_diff():
    lama = cuplikan([_tabel(Decimal("100"))])
    baru = cuplikan([_tabel(Decimal("89.3425"))])
    assert lama["uji/a/capaian"] == {
        "label": "Tabel uji — Baris A — capaian",
        "nilai": "100",
        "teks": "100,00%",
    }
    beda = selisih_cuplikan(lama, baru)
    assert [(s.kunci, s.lama, s.baru) for s in beda] == [("uji/a/capaian", "100,00%", "89,34%")]
    assert selisih_cuplikan(lama, lama) == []


def test_xlsx_numbers_and_merged_cells():
    isi = buat_xlsx([Lembar("Uji", [_tabel(Decimal("125"))], kop=["JUDUL"])])
    ws = load_workbook(io.BytesIO(isi)).active
    assert ws["A1"].value == "JUDUL"
    rentang = {str(r) for r in ws.merged_cells.ranges}
    assert "A4:A5" in rentang and "B4:C4" in rentang and "C6:C7" in rentang
    # Issue 14 point 14: a percentage is a fraction with a percent format, so that a
    # spreadsheet computes with it; whole numbers get #,##0; the header rows stay frozen.
    assert ws["B6"].value == Decimal("1.25") and ws["B6"].number_format == "0.00%"
    assert ws["C6"].value == 1234567 and ws["C6"].number_format == "#,##0"
    assert ws["B7"].value == "80–90"
    assert ws.freeze_panes == "A6"


def test_xlsx_number_formats_are_explicit():
    from laporan.excel import nilai_excel
    from laporan.tabel import ANGKA, BULAT, RUPIAH

    assert nilai_excel(Decimal("89.3425"), PERSEN) == (Decimal("0.893425"), "0.00%")
    assert nilai_excel(Decimal("65.2200"), NILAI) == (Decimal("65.2200"), "#,##0.00")
    assert nilai_excel(Decimal("1000.0000"), ANGKA) == (Decimal("1000.0000"), "#,##0")
    assert nilai_excel(Decimal("5911790846"), RUPIAH)[1] == "#,##0"
    assert nilai_excel(Decimal("12"), BULAT)[1] == "#,##0"


def test_sheet_names_are_whole_words_and_unique():
    from laporan.excel import nama_lembar

    terpakai: set[str] = set()
    nama = nama_lembar("05 Pengukuran kinerja tahun 2023 (lampiran)", terpakai)
    assert nama == "05 Pengukuran kinerja"  # 32 characters with "(lampiran)": cut at a word
    panjang = nama_lembar("12 Program dan kegiatan pendukung sasaran 1", terpakai)
    assert len(panjang) <= 31 and panjang == "12 Program dan kegiatan"
    assert nama_lembar("Kinerja", terpakai) == "Kinerja"
    assert nama_lembar("kinerja", terpakai) == "kinerja (2)"
    assert nama_lembar("A/B: C?", terpakai) == "A B C"


def test_svg_charts_are_well_formed_and_use_category_colours():
    svg = grafik_batang_horizontal(
        "Capaian",
        [
            Batang("S1 Sasaran <satu>", Decimal("125"), "#006400", "Sangat Tinggi"),
            Batang("S2", None),
        ],
    )
    pohon = ET.fromstring(svg)
    assert pohon.tag.endswith("svg")
    assert 'fill="#006400"' in svg and "125,00% Sangat Tinggi" in svg
    assert "&lt;satu&gt;" in svg and "belum ada data" in svg
    svg2 = grafik_kelompok(
        "Serapan", [KelompokBatang("8.01.01", (Decimal("10"), None))], ["TW I", "TW II"]
    )
    ET.fromstring(svg2)
    assert "TW II" in svg2
