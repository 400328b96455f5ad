"""Issue 14 defect 7: a percentage / index indicator is never summed over quarters in the
LKjIP. Paser's Indeks Kepuasan layanan Sekretariat (8.01.01.I1, posisi akhir, %) has the PK
target 72 (seed 002 Table 8) and a Renja column printing 288 (= 4 × 72, Lampiran III): the
LKjIP's program table measures against the PK (72 → 100%), and validation names the 288."""

from decimal import Decimal

import pytest

from kinerja import validasi as v
from laporan.dokumen.lkjip_anggaran import tabel_program_pendukung
from laporan.selectors import data_lkjip

pytestmark = pytest.mark.django_db


def _sel(baris, kunci):
    (sel,) = [s for s in baris.sel if s.kunci == kunci]
    return sel.nilai


def test_program_indicator_of_an_index_is_measured_against_the_pk_not_four_quarters(paser):
    data = data_lkjip(pd=paser, tahun=2023)
    (s1,) = [a for a in data.analisis if a.sasaran.kode == "S1"]
    tabel = tabel_program_pendukung(s1)
    (baris,) = [b for b in tabel.baris if b.kunci == "8.01.01.I1"]

    assert _sel(baris, "target") == Decimal(72)
    assert _sel(baris, "realisasi") == Decimal(72)
    assert _sel(baris, "capaian") == Decimal(100)


def test_a_target_four_times_another_is_flagged_for_an_index(paser):
    masalah = [
        m for m in v.validasi_pd(pd=paser, tahun=2023) if m.kode == v.KODE_TARGET_DIJUMLAH_TRIWULAN
    ]
    pesan = v.PESAN_TARGET_DIJUMLAH_TRIWULAN.format(
        versi="Renja",
        tahun=2023,
        kode="8.01.01.I1",
        target="288",
        versi_lain="PK",
        target_lain="72",
        cara="posisi akhir (nilai terakhir)",
    )
    assert pesan in [m.pesan for m in masalah]


# --- Defect 3: the engine's notes reach the printed tables ------------------------------------


@pytest.fixture
def sasaran_baru(db):
    from tests.factories import RenstraFactory, SasaranFactory, TujuanFactory

    renstra = RenstraFactory(tahun_awal=2022, tahun_akhir=2026)
    return SasaranFactory(renstra=renstra), TujuanFactory(renstra=renstra)


def test_letter_target_note_and_rencana_aksi_capaian_are_printed(sasaran_baru):
    from kinerja.selectors import pengukuran_kinerja
    from laporan.dokumen import tabel_pengukuran
    from tests.factories import (
        IndikatorFactory,
        RealisasiFactory,
        TargetFactory,
        TargetTriwulanFactory,
    )

    sasaran, _tujuan = sasaran_baru
    sakip = IndikatorFactory(sasaran=sasaran, kode="SAKIP", jenis_nilai="predikat")
    TargetFactory(indikator=sakip, jenis="pk_murni", nilai=None, predikat="BB")
    RealisasiFactory(indikator=sakip, triwulan=2, nilai=Decimal("73.80"))
    TargetTriwulanFactory(indikator=sakip, tahun=2023, triwulan=2, nilai=Decimal("60"))

    pd = sasaran.renstra.perangkat_daerah
    tabel = tabel_pengukuran(pengukuran_kinerja(pd=pd, tahun=2023, triwulan=2))

    assert "SAKIP: Target BB dibaca sebagai nilai 70 (batas bawah predikat)." in tabel.catatan
    assert (
        "SAKIP: terhadap target rencana aksi s.d. TW II (60) capaiannya 123,00%." in tabel.catatan
    )


def test_renja_form_prints_the_engine_notes_and_the_excluded_rows(paser):
    from kinerja.selectors import evaluasi_renja
    from laporan.dokumen import tabel_evaluasi_renja

    tabel = tabel_evaluasi_renja(evaluasi_renja(pd=paser, tahun=2023, triwulan=4))
    dikecualikan = [c for c in tabel.catatan if c.startswith("Tidak dihitung dalam rata-rata: ")]
    assert dikecualikan  # Paser's Renja form has rows without a computable capaian
    assert "Rata-rata dihitung tanpa batas atas capaian." in tabel.catatan


# --- Defect 7: tujuan-level capaian ------------------------------------------------------------


def test_balangan_tujuan_angka_konflik_target_0_is_100_percent(balangan):
    """Seed 001: "Angka Konflik Sosial Bernuansa SARA 0 / 0 → 100%" (negative, target 0)."""
    from kinerja.selectors import pengukuran_kinerja
    from laporan.dokumen import tabel_capaian_tujuan

    pengukuran = pengukuran_kinerja(pd=balangan, tahun=2023)
    (konflik,) = [b for b in pengukuran.tujuan if b.indikator.kode == "T1.I1"]
    assert (konflik.target, konflik.realisasi) == (Decimal(0), Decimal(0))
    assert konflik.capaian.nilai == Decimal(100)
    tabel = tabel_capaian_tujuan(pengukuran)
    (baris,) = [b for b in tabel.baris if b.kunci == "T1.I1"]
    assert [s.teks for s in baris.sel][-2] == "100,00%"


# --- Defect 8: the jenis-belanja table is shown with its discrepancy note ------------------


def test_balangan_jenis_belanja_table_is_printed_with_the_difference(balangan):
    from laporan import cetak
    from laporan.dokumen import tabel_belanja
    from laporan.dokumen.lkjip_anggaran import CATATAN_BELANJA_BERBEDA

    data = data_lkjip(pd=balangan, tahun=2023)
    assert not data.belanja_sesuai
    tabel = tabel_belanja(data)
    assert tabel is not None
    # The second note compares with the agency's stated total (tests/anggaran/test_anggaran_pd.py).
    catatan, catatan_pd = tabel.catatan
    assert "sebagaimana dinyatakan" in catatan_pd
    awal = CATATAN_BELANJA_BERBEDA.split("{")[0]
    assert catatan.startswith(awal)
    assert "Rp 12.851.552.134" in catatan and "Rp 27.863.494.160" in catatan

    dokumen = cetak.susun(cetak.laporan_untuk(balangan, "lkjip", 2023))
    assert "Realisasi anggaran per jenis belanja tahun 2023" in dokumen.isi
    # Point 13: Balangan records no quarterly budget realisation: no empty chart, a note.
    assert 'id="gambar-serapan"' not in dokumen.isi
    pesan = cetak.PESAN_GRAFIK_KOSONG.format(apa="realisasi anggaran per triwulan")
    assert pesan in dokumen.isi


# --- Defect 8: a child's typo against a consistent parent: both printed, the approval held ---


def test_balangan_program_prints_its_entered_amount_beside_the_childrens_sum(balangan):
    """Seed 001 Tabel 3.14: program 8.01.02 1.581.630.000 / 1.576.380.800 (99,67%) over one
    sub-kegiatan 6.129.824.000 / 849.878.647. Either may be the typo: the table prints the sum
    of what was entered at the lowest level and names the program's own figures beside it."""
    from laporan.dokumen import tabel_realisasi_anggaran
    from laporan.dokumen.lkjip_anggaran import PENGANTAR_TERCATAT_BERBEDA, tabel_program_anggaran

    data = data_lkjip(pd=balangan, tahun=2023)
    tabel = tabel_realisasi_anggaran(data)
    (program,) = [b for b in tabel.baris if b.kunci == "8.01.02"]
    assert _sel(program, "pagu") == Decimal("6129824000")
    (catatan,) = [c for c in tabel.catatan if c.startswith("Program 8.01.02:")]
    assert catatan == (
        "Program 8.01.02: tercatat pagu Rp 1.581.630.000 dan realisasi Rp 1.576.380.800; "
        "jumlah kegiatan pagu Rp 6.129.824.000, realisasi Rp 849.878.647."
    )
    assert PENGANTAR_TERCATAT_BERBEDA in tabel.catatan
    # One note per parent the validation names (P2, P3, P4, P6 and their kegiatan).
    dicatat = [c for c in tabel.catatan if c.startswith(("Program ", "Kegiatan "))]
    assert len(dicatat) == 8

    bab2 = tabel_program_anggaran(data)
    (catatan,) = [c for c in bab2.catatan if c.startswith("Program 8.01.02:")]
    assert catatan == (
        "Program 8.01.02: tercatat pagu Rp 1.581.630.000; jumlah kegiatan pagu Rp 6.129.824.000."
    )


def test_a_parent_that_agrees_with_its_children_gets_no_note(paser):
    from laporan.dokumen import tabel_realisasi_anggaran

    tabel = tabel_realisasi_anggaran(data_lkjip(pd=paser, tahun=2023))
    assert not [c for c in tabel.catatan if c.startswith(("Program ", "Kegiatan ", "Angka "))]


def test_a_sub_kegiatan_larger_than_its_program_holds_the_approval(balangan):
    from periksa.services import masalah_gerbang

    gerbang = masalah_gerbang(pd=balangan, tahun=2023)
    melebihi = [
        g
        for g in gerbang
        if g.masalah.kode == v.KODE_PAGU_ANAK_MELEBIHI_INDUK
        and "program 8.01.02 " in g.masalah.pesan
    ]
    assert melebihi and not any(g.dijelaskan for g in melebihi)
    assert "Rp 6.129.824.000" in melebihi[0].masalah.pesan
