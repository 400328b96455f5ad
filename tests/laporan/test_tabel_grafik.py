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
    assert ws["B6"].value == 125 and ws["B6"].number_format.endswith('"%"')
    assert ws["C6"].value == 1234567
    assert ws["B7"].value == "80–90"


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
