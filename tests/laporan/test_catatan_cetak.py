"""Issue 14 points 3 and 7, read on the rendered documents (the HTML the PDF is printed from).

Point 3: the engine's notes (a letter target read as its band's lower bound, the cap used for
the averages, the indicators left out of an average with the reason) are footnotes under the
tables that print the rows, in the LKjIP and in the quarterly report; the capaian against the
quarterly rencana-aksi target is a COLUMN of the quarterly report's table (DOMAIN.md §5.3).
Point 7: Paser's Indeks Kepuasan (posisi akhir, PK 72) is printed with sasaran 1 at 72 → 100%,
never 288 / 25%; Balangan's tujuan "Angka Konflik" (target 0, realisasi 0) prints 100%.
"""

import re
from decimal import Decimal
from html import unescape

import pytest

from laporan import cetak
from laporan.tabel import jangkar

pytestmark = pytest.mark.django_db

CATATAN_BB = "SAKIP: Target BB dibaca sebagai nilai 70 (batas bawah predikat)."


def blok_tabel(html: str, kunci: str) -> str:
    """The rendered table `kunci` with its footnotes (one `wadah-tabel` block)."""
    m = re.search(
        rf'<div class="wadah-tabel[^"]*" data-tabel="{re.escape(kunci)}">(.*?)</div>', html, re.S
    )
    assert m, f"tabel {kunci} tidak dicetak"
    return m[1]


def sel_baris(html: str, kunci_tabel: str, kunci_baris: str) -> list[str]:
    """The printed cells of one row (by its anchor), as text."""
    blok = blok_tabel(html, kunci_tabel)
    m = re.search(
        rf'<tr[^>]*id="{re.escape(jangkar(kunci_tabel, kunci_baris))}"[^>]*>(.*?)</tr>', blok, re.S
    )
    assert m, f"baris {kunci_baris} tidak ada di {kunci_tabel}"
    return [
        unescape(re.sub(r"<[^>]+>", "", s)).strip()
        for s in re.findall(r"<td[^>]*>(.*?)</td>", m[1], re.S)
    ]


def kepala(html: str, kunci: str) -> list[str]:
    blok = blok_tabel(html, kunci)
    return [
        unescape(re.sub(r"<[^>]+>", "", s)).strip()
        for s in re.findall(r"<th[^>]*>(.*?)</th>", blok, re.S)
    ]


def catatan(html: str, kunci: str) -> list[str]:
    blok = blok_tabel(html, kunci)
    return [
        unescape(s).strip() for s in re.findall(r'<p class="catatan-kaki">(.*?)</p>', blok, re.S)
    ]


@pytest.fixture
def pd_uji(db):
    """A PD with one sasaran and two IKU for 2023: SAKIP (predikat; PK target "BB"; a
    quarterly rencana-aksi target of 60 at TW II; realisasi 73,80 at TW II and TW IV) and an
    indicator with a target but no realisation (left out of the average). Averages capped at
    100 by the PD setting."""
    from tests.factories import (
        IndikatorFactory,
        RealisasiFactory,
        RenstraFactory,
        SasaranFactory,
        TargetFactory,
        TargetTriwulanFactory,
    )

    renstra = RenstraFactory(tahun_awal=2022, tahun_akhir=2026)
    pd = renstra.perangkat_daerah
    pd.batas_capaian_rata_rata = 100
    pd.save()
    sasaran = SasaranFactory(renstra=renstra, kode="S1", uraian="Meningkatnya akuntabilitas")
    sakip = IndikatorFactory(
        sasaran=sasaran, kode="SAKIP", uraian="Nilai SAKIP", jenis_nilai="predikat", iku=True
    )
    TargetFactory(indikator=sakip, jenis="pk_murni", nilai=None, predikat="BB")
    TargetTriwulanFactory(indikator=sakip, tahun=2023, triwulan=2, nilai=Decimal("60"))
    for tw in (2, 4):
        RealisasiFactory(indikator=sakip, triwulan=tw, nilai=Decimal("73.80"))
    kosong = IndikatorFactory(sasaran=sasaran, kode="IKM", uraian="Indeks kepuasan", iku=True)
    TargetFactory(indikator=kosong, jenis="pk_murni", nilai=Decimal("80"))
    lebih = IndikatorFactory(sasaran=sasaran, kode="ORMAS", uraian="Ormas dibina", iku=True)
    TargetFactory(indikator=lebih, jenis="pk_murni", nilai=Decimal("80"))
    RealisasiFactory(indikator=lebih, triwulan=4, nilai=Decimal("100"))
    return pd


def _susun(pd, jenis, triwulan=0):
    return cetak.susun(cetak.laporan_untuk(pd, jenis, 2023, triwulan))


def test_quarterly_report_prints_rencana_aksi_capaian_as_a_column_and_the_notes(pd_uji):
    html = _susun(pd_uji, "triwulan", 2).isi

    for kunci in ("kinerja-triwulan", "lampiran-kinerja"):
        judul = kepala(html, kunci)
        assert "Target rencana aksi s.d. TW II" in judul and "Capaian rencana aksi" in judul
        # Target, realisasi s.d. TW II, capaian, kategori, then the rencana-aksi pair:
        # 73,80 / 70 (BB read as 70) = 105,43%; 73,80 / 60 = 123,00%.
        assert sel_baris(html, kunci, "SAKIP")[-6:] == [
            "BB",
            "73,80",
            "105,43%",
            "Sangat Tinggi",
            "60",
            "123,00%",
        ]
        # No quarterly target for IKM: the gap is shown, not a number.
        assert sel_baris(html, kunci, "IKM")[-2:] == ["—", "—"]
        notes = catatan(html, kunci)
        assert CATATAN_BB in notes
        assert "Untuk rata-rata, capaian tiap indikator dibatasi 100%." in notes
        assert any(n.startswith("Tidak dihitung dalam rata-rata: IKM — ") for n in notes)
        # The rencana-aksi capaian is a column now, not repeated as a note.
        assert not any("terhadap target rencana aksi" in n for n in notes)


def test_quarterly_report_without_quarterly_targets_says_so(paser):
    html = _susun(paser, "triwulan", 2).isi
    judul = kepala(html, "kinerja-triwulan")
    assert "Capaian rencana aksi" not in judul
    from laporan.dokumen.triwulan import CATATAN_TANPA_RENCANA_AKSI

    assert CATATAN_TANPA_RENCANA_AKSI in catatan(html, "kinerja-triwulan")


def test_lkjip_prints_the_engine_notes_under_the_pengukuran_and_the_sasaran_table(pd_uji):
    html = _susun(pd_uji, "lkjip").isi

    assert sel_baris(html, "pengukuran", "SAKIP")[-4:] == [
        "BB",
        "73,80",
        "105,43%",
        "Sangat Tinggi",
    ]
    for kunci in ("pengukuran", "sasaran-S1-target", "lampiran-pengukuran"):
        notes = catatan(html, kunci)
        assert CATATAN_BB in notes, kunci
        assert any(n.startswith("Tidak dihitung dalam rata-rata: IKM — ") for n in notes), kunci
    assert "Untuk rata-rata, capaian tiap indikator dibatasi 100%." in catatan(html, "pengukuran")
    # 100 / 80 = 125% is printed uncapped; the note says the average counted it as 100%.
    assert sel_baris(html, "pengukuran", "ORMAS")[-2] == "125,00%"
    dibatasi = "ORMAS: Capaian 125,00% dihitung 100% saat dirata-rata (batas capaian PD)."
    assert dibatasi in catatan(html, "pengukuran")
    assert dibatasi in catatan(html, "sasaran-S1-target")
    # Sasaran mean = (105,43 capped 100 + 125 capped 100) / 2 = 100%.
    assert sel_baris(html, "sasaran-S1-target", "rata-rata")[-2] == "100,00%"


def test_paser_lkjip_prints_the_index_of_sasaran_1_against_the_pk(lkjip_paser):
    """Seed 002 Table 8: Indeks Kepuasan Sekretariat, target 72 %, realisasi 72 %, capaian
    100 %; the data stores it as program 8.01.01's indicator (not an IKU): it is printed with
    the programs of sasaran 1, against the PK, never as 4 × 72 = 288 → 25 %."""
    html = lkjip_paser.html
    sel = sel_baris(html, "sasaran-S1-program", "8.01.01.I1")
    assert "Indeks Kepuasan layanan Sekretariat" in sel
    i = sel.index("Indeks Kepuasan layanan Sekretariat")
    assert sel[i + 1 : i + 4] == ["72", "72", "100,00%"]
    blok = blok_tabel(html, "sasaran-S1-program")
    assert ">288<" not in blok and "25,00%" not in blok
    # Its one IKU stays in the pengukuran table, next to the index in the sasaran's analysis.
    assert sel_baris(html, "pengukuran", "S1.I1")[-4:-1] == ["73", "65,22", "89,34%"]
    # Also in the PDF text.
    teks = " ".join(lkjip_paser.teks.split())
    assert "Indeks Kepuasan layanan Sekretariat 72 72 100,00%" in teks


def test_balangan_lkjip_prints_the_tujuan_capaian(balangan):
    html = _susun(balangan, "lkjip").isi
    sel = sel_baris(html, "capaian-tujuan", "T1.I1")
    assert sel[-4:] == ["0", "0", "100,00%", "Sangat Tinggi"]
    assert "Angka Konflik" in " ".join(sel)


def test_paser_tujuan_without_realisation_shows_the_gap_and_why(lkjip_paser):
    """Paser records no 2023 realisation for its tujuan indicators: the row prints "—" and
    the footnote gives the engine's reason, never 0%."""
    html = lkjip_paser.html
    assert sel_baris(html, "capaian-tujuan", "T1.I1")[-4:-1] == ["73", "—", "—"]
    notes = catatan(html, "capaian-tujuan")
    assert any(n.startswith("T1.I1: capaian tidak dihitung — Realisasi belum ada") for n in notes)
