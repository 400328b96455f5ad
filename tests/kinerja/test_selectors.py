"""Pengukuran, comparisons and the Renja evaluation form, checked against the seeds.

The demo datasets (tests/conftest.py) hold the Paser (seed 002) and Balangan (seed 001)
reports; the numbers below are those the reports print where they are right, and the correct
value where they print a wrong one.
"""

from decimal import Decimal

import pytest

from common.formatting import PESAN_TRIWULAN_TIDAK_VALID, bulatkan
from kinerja.capaian import PESAN_ALASAN
from kinerja.models import PitaKategori, SkalaKategori, StatusRealisasi
from kinerja.selectors import (
    NAMA_SKALA_BAWAAN_MESIN,
    SUMBER_KONDISI_AKHIR,
    SUMBER_REALISASI_TAHUNAN,
    SUMBER_REALISASI_TRIWULAN,
    evaluasi_renja,
    muat_skala,
    pengukuran_kinerja,
    perbandingan_tahun,
)
from renstra.models import Sasaran
from tests.factories import (
    IndikatorFactory,
    KegiatanFactory,
    PaguFactory,
    ProgramFactory,
    RealisasiAnggaranFactory,
    RealisasiFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
    TargetTriwulanFactory,
)

D = Decimal


def dua(nilai):
    """Rounded to 2 places as printed (None stays None)."""
    return None if nilai is None else bulatkan(nilai, 2)


def baris_menurut_kode(pengukuran):
    return {b.indikator.kode: b for _s, b in pengukuran.baris()}


@pytest.fixture
def sasaran(db):
    """An empty sasaran of a fresh PD's Renstra 2022–2026."""
    return SasaranFactory(renstra=RenstraFactory(tahun_awal=2022, tahun_akhir=2026))


def ukur(sasaran, **kwargs):
    pd = sasaran.renstra.perangkat_daerah
    kwargs.setdefault("tahun", 2023)
    return baris_menurut_kode(pengukuran_kinerja(pd=pd, **kwargs))


# --- Seed 002 (Paser) Table 7 and Table 8 ---------------------------------------------------


def test_paser_table7_capaian_of_the_six_iku(paser):
    p = pengukuran_kinerja(pd=paser, tahun=2023, hanya_iku=True)

    rows = [b for _s, b in p.baris()]
    assert [b.indikator.kode for b in rows] == [
        "S1.I1",
        "S2.I1",
        "S3.I1",
        "S4.I1",
        "S5.I1",
        "S6.I1",
    ]
    assert [dua(b.capaian.nilai) for b in rows] == [
        D("89.34"),
        D("100.00"),
        D("125.00"),
        D("125.00"),
        D("100.00"),
        D("100.00"),
    ]
    # Stored unrounded: 65,22 / 73 × 100 = 89,3424…
    assert bulatkan(rows[0].capaian.nilai, 6) == D("89.342466")
    assert rows[0].target == D("73") and rows[0].realisasi == D("65.22")
    assert {b.sumber_target for b in rows} == {"pk_murni"}
    assert [b.kategori.label for b in rows] == ["Tinggi"] + ["Sangat Tinggi"] * 5


def test_paser_table7_average_is_106_56_not_the_printed_98_18(paser):
    p = pengukuran_kinerja(pd=paser, tahun=2023, hanya_iku=True)

    assert dua(p.rata_rata) == D("106.56")
    assert p.jumlah_sasaran_dipakai == 6
    assert p.batas_rata_rata is None
    assert p.predikat == "Sangat Tinggi"
    assert p.predikat_sakip == "AA"
    assert [s.jumlah_dipakai for s in p.sasaran] == [1] * 6


def test_paser_table7_average_capped_at_100_is_98_22(paser):
    paser.batas_capaian_rata_rata = 100
    paser.save()

    p = pengukuran_kinerja(pd=paser, tahun=2023)

    assert dua(p.rata_rata) == D("98.22")
    assert p.batas_rata_rata == D(100)
    # The cap is for averaging only: the rows keep 125.
    assert dua(baris_menurut_kode(p)["S3.I1"].capaian.nilai) == D("125.00")


def test_paser_table8_sasaran_mean_is_94_67_not_the_printed_sum_189_34(paser):
    """Table 8 measures sasaran 1 with the SAKIP value and the Indeks Kepuasan (72 of 72)."""
    s1 = Sasaran.objects.get(renstra__perangkat_daerah=paser, kode="S1")
    indeks = IndikatorFactory(sasaran=s1, kode="S1.TABEL8", iku=False, urutan=999)
    TargetFactory(indikator=indeks, tahun=2023, jenis="pk_murni", nilai=D("72"))
    RealisasiFactory(indikator=indeks, tahun=2023, triwulan=4, nilai=D("72"))

    p = pengukuran_kinerja(pd=paser, tahun=2023)

    sasaran1 = p.sasaran[0]
    assert [b.indikator.kode for b in sasaran1.indikator] == ["S1.I1", "S1.TABEL8"]
    assert dua(sasaran1.rata_rata) == D("94.67")
    assert sasaran1.jumlah_dipakai == 2


def test_balangan_participation_ratio_7489_of_96016_is_7_8_percent(balangan):
    p = pengukuran_kinerja(pd=balangan, tahun=2023)
    row = baris_menurut_kode(p)["S2.I1"]

    assert (row.pembilang, row.penyebut) == (D("7489"), D("96016"))
    assert bulatkan(row.nilai_rasio, 1) == D("7.8")
    assert dua(row.nilai_rasio) == D("7.80")
    assert row.nilai_rasio < D("7.8")  # 7,7997…: the unrounded ratio is kept
    # The PK Perubahan target is used (the target before the change is "-").
    assert row.sumber_target == "pk_perubahan"
    assert dua(row.capaian.nilai) == D("100.00")
    assert dua(p.rata_rata) == D("100.00")


# --- Quarters, versions, exclusions ---------------------------------------------------------


@pytest.mark.parametrize(
    ("cara", "triwulan", "harapan"),
    [
        ("kumulatif", 2, D("50")),
        ("kumulatif", 4, D("100")),
        ("posisi_akhir", 2, D("30")),
        ("posisi_akhir", 3, D("25")),
        ("rata_rata", 2, D("25")),
    ],
)
def test_realisasi_up_to_quarter_follows_aggregation(sasaran, cara, triwulan, harapan):
    ind = IndikatorFactory(sasaran=sasaran, kode="X", cara_agregasi=cara)
    TargetFactory(indikator=ind, nilai=D("100"))
    for tw, nilai in zip((1, 2, 3, 4), ("20", "30", "25", "25"), strict=True):
        RealisasiFactory(indikator=ind, triwulan=tw, nilai=D(nilai))

    row = ukur(sasaran, triwulan=triwulan)["X"]

    assert row.realisasi == harapan
    assert row.sumber_realisasi == SUMBER_REALISASI_TRIWULAN
    assert row.capaian.nilai == harapan


def test_yearly_value_is_the_years_value_at_tw4(sasaran):
    ind = IndikatorFactory(sasaran=sasaran, kode="X", cara_agregasi="kumulatif")
    TargetFactory(indikator=ind, nilai=D("100"))
    RealisasiFactory(indikator=ind, triwulan=1, nilai=D("20"))
    RealisasiFactory(indikator=ind, triwulan=2, nilai=D("30"))
    RealisasiFactory(indikator=ind, triwulan=0, nilai=D("90"))

    assert ukur(sasaran, triwulan=4)["X"].realisasi == D("90")
    assert ukur(sasaran, triwulan=4)["X"].sumber_realisasi == SUMBER_REALISASI_TAHUNAN
    # Before TW IV the quarters are combined.
    assert ukur(sasaran, triwulan=2)["X"].realisasi == D("50")


def test_yearly_value_counts_for_the_year_only(sasaran):
    ind = IndikatorFactory(sasaran=sasaran, kode="X")
    TargetFactory(indikator=ind, nilai=D("80"))
    RealisasiFactory(indikator=ind, triwulan=0, nilai=D("60"))

    row = ukur(sasaran, triwulan=4)["X"]
    assert row.realisasi == D("60")
    assert row.sumber_realisasi == SUMBER_REALISASI_TAHUNAN
    assert row.capaian.nilai == D("75")
    # A figure reported for the whole year says nothing about "s.d. TW II".
    assert ukur(sasaran, triwulan=2)["X"].realisasi is None


def test_capaian_against_cumulative_quarterly_target(sasaran):
    """Seed 000: s.d. TW II against the annual target, and against the rencana aksi."""
    ind = IndikatorFactory(sasaran=sasaran, kode="X", cara_agregasi="kumulatif")
    TargetFactory(indikator=ind, nilai=D("200"))
    TargetTriwulanFactory(indikator=ind, triwulan=2, nilai=D("80"))
    RealisasiFactory(indikator=ind, triwulan=1, nilai=D("40"))
    RealisasiFactory(indikator=ind, triwulan=2, nilai=D("60"))

    row = ukur(sasaran, triwulan=2)["X"]

    assert row.capaian.nilai == D("50")
    assert row.target_triwulan == D("80")
    assert row.capaian_triwulan.nilai == D("125")
    assert row.kategori_triwulan.label == "Sangat Tinggi"
    assert ukur(sasaran, triwulan=3)["X"].capaian_triwulan is None


def test_only_approved_values_are_official_and_drafts_are_flagged(sasaran):
    ind = IndikatorFactory(sasaran=sasaran, kode="X", cara_agregasi="kumulatif")
    TargetFactory(indikator=ind, nilai=D("100"))
    RealisasiFactory(indikator=ind, triwulan=1, nilai=D("40"))
    RealisasiFactory(indikator=ind, triwulan=2, nilai=D("30"), status=StatusRealisasi.DIAJUKAN)

    resmi = ukur(sasaran, triwulan=2)["X"]
    semua = ukur(sasaran, triwulan=2, hanya_resmi=False)["X"]

    assert resmi.realisasi == D("40") and resmi.ada_draf
    assert semua.realisasi == D("70") and semua.ada_draf
    assert not ukur(sasaran, triwulan=1)["X"].ada_draf


@pytest.mark.parametrize(
    ("versi", "harapan"),
    [
        (("renstra", "renja", "pk_murni", "pk_perubahan"), "pk_perubahan"),
        (("renstra", "renja", "pk_murni"), "pk_murni"),
        (("renstra", "renja"), "renja"),
        (("renstra",), "renstra"),
    ],
)
def test_target_version_order(sasaran, versi, harapan):
    ind = IndikatorFactory(sasaran=sasaran, kode="X")
    for i, jenis in enumerate(versi):
        TargetFactory(indikator=ind, jenis=jenis, nilai=D(50 + i))
    RealisasiFactory(indikator=ind, nilai=D("50"))

    row = ukur(sasaran)["X"]

    assert row.sumber_target == harapan
    assert row.target == D(50 + versi.index(harapan))


def test_empty_pk_perubahan_falls_back_to_pk_murni(sasaran):
    ind = IndikatorFactory(sasaran=sasaran, kode="X")
    TargetFactory(indikator=ind, jenis="pk_murni", nilai=D("80"))
    TargetFactory(indikator=ind, jenis="pk_perubahan", nilai=None)
    RealisasiFactory(indikator=ind, nilai=D("80"))

    assert ukur(sasaran)["X"].sumber_target == "pk_murni"


def test_missing_realisasi_is_excluded_not_zero(sasaran):
    """Seed 003 prints 0% for a missing Indeks Toleransi: the product must not."""
    ada = IndikatorFactory(sasaran=sasaran, kode="ADA", urutan=1)
    TargetFactory(indikator=ada, nilai=D("80"))
    RealisasiFactory(indikator=ada, nilai=D("80"))
    kosong = IndikatorFactory(sasaran=sasaran, kode="KOSONG", urutan=2)
    TargetFactory(indikator=kosong, nilai=D("10"))
    tanpa_target = IndikatorFactory(sasaran=sasaran, kode="TANPA", urutan=3)
    RealisasiFactory(indikator=tanpa_target, nilai=D("5"))

    p = pengukuran_kinerja(pd=sasaran.renstra.perangkat_daerah, tahun=2023)
    s = p.sasaran[0]

    assert s.rata_rata == D("100")
    assert s.jumlah_dipakai == 1
    assert [(d.kode, d.alasan) for d in s.dikecualikan] == [
        ("KOSONG", PESAN_ALASAN["belum_ada_realisasi"]),
        ("TANPA", PESAN_ALASAN["target_kosong"]),
    ]
    assert baris_menurut_kode(p)["KOSONG"].capaian.nilai is None


def test_iku_first_then_urutan_and_hanya_iku(sasaran):
    IndikatorFactory(sasaran=sasaran, kode="BIASA", iku=False, urutan=1)
    IndikatorFactory(sasaran=sasaran, kode="IKU", iku=True, urutan=2)

    assert list(ukur(sasaran)) == ["IKU", "BIASA"]
    assert list(ukur(sasaran, hanya_iku=True)) == ["IKU"]


def test_predikat_realisasi_and_target(sasaran):
    ind = IndikatorFactory(sasaran=sasaran, kode="X", jenis_nilai="predikat")
    TargetFactory(indikator=ind, nilai=None, predikat="BB")
    RealisasiFactory(indikator=ind, triwulan=4, nilai=D("73.80"))

    row = ukur(sasaran)["X"]

    assert row.target == "BB"
    assert dua(row.capaian.nilai) == D("105.43")
    assert row.capaian.catatan  # says how the letter was read


def test_range_target(sasaran):
    ind = IndikatorFactory(sasaran=sasaran, kode="X")
    TargetFactory(indikator=ind, nilai=None, batas_bawah=D("80"), batas_atas=D("90"))
    RealisasiFactory(indikator=ind, nilai=D("85"))

    row = ukur(sasaran)["X"]

    assert row.target == {"bawah": D("80"), "atas": D("90")}
    assert row.capaian.nilai == D("100")


@pytest.mark.parametrize("triwulan", [0, 5])
def test_triwulan_outside_1_to_4_is_refused(paser, triwulan):
    with pytest.raises(ValueError, match=PESAN_TRIWULAN_TIDAK_VALID):
        pengukuran_kinerja(pd=paser, tahun=2023, triwulan=triwulan)
    with pytest.raises(ValueError, match=PESAN_TRIWULAN_TIDAK_VALID):
        evaluasi_renja(pd=paser, tahun=2023, triwulan=triwulan)


def test_no_renstra_for_the_year_gives_an_empty_table(paser):
    p = pengukuran_kinerja(pd=paser, tahun=2030)

    assert p.sasaran == () and p.rata_rata is None and p.renstra_id is None


# --- Scale ----------------------------------------------------------------------------------


def test_scale_is_the_default_stored_scale(paser):
    p = pengukuran_kinerja(pd=paser, tahun=2023)

    assert p.skala.dari_basis_data
    assert p.skala.nama == "Permendagri 86/2017"
    assert [(b.urutan, b.label, b.batas_bawah, b.batas_atas) for b in p.skala.baris] == [
        ("I", "Sangat Tinggi", D(91), None),
        ("II", "Tinggi", D(76), D(91)),
        ("III", "Sedang", D(66), D(76)),
        ("IV", "Rendah", D(51), D(66)),
        ("V", "Sangat Rendah", None, D(51)),
    ]


def test_scale_labels_are_editable(paser):
    PitaKategori.objects.filter(skala__bawaan=True, urutan="I").update(label="Sangat Baik")

    p = pengukuran_kinerja(pd=paser, tahun=2023)

    assert baris_menurut_kode(p)["S2.I1"].kategori.label == "Sangat Baik"


def test_scale_falls_back_to_the_engine_default(paser):
    SkalaKategori.objects.update(bawaan=False)

    skala = muat_skala()

    assert not skala.dari_basis_data
    assert skala.nama == NAMA_SKALA_BAWAAN_MESIN
    assert skala.kategori(D("89.34")).label == "Tinggi"


# --- Comparisons ----------------------------------------------------------------------------


def test_paser_comparison_with_2022_and_the_renstra_end_target(paser):
    hasil = {b.indikator.kode: b for b in perbandingan_tahun(pd=paser, tahun=2023)}

    sakip = hasil["S1.I1"]
    assert [n.tahun for n in sakip.tahun] == [2020, 2021, 2022, 2023]
    assert sakip.tahun[2].realisasi == D("59.97")
    assert sakip.tahun[3].realisasi == D("65.22")
    assert dua(sakip.perubahan_realisasi) == D("5.25")
    # The 2026 Renstra target is "A" (read as 80): 65,22 / 80 → 81,53%, not "melebihi".
    assert sakip.target_akhir == "A" and sakip.sumber_target_akhir == "renstra"
    assert sakip.tahun_akhir == 2026
    assert dua(sakip.capaian_akhir.nilai) == D("81.53")

    pemilu = hasil["S3.I1"]
    # 2022: 68,54 against the Renstra 2022 target 75 (seed prints 90,18 against 76).
    assert dua(pemilu.tahun[2].capaian.nilai) == D("91.39")
    assert pemilu.tahun[2].sumber_target == "renstra"
    assert dua(pemilu.perubahan_capaian) == D("33.61")
    assert pemilu.capaian_pembanding is None


def test_comparison_uses_kondisi_akhir_and_benchmark(sasaran):
    ind = IndikatorFactory(
        sasaran=sasaran,
        kode="X",
        kondisi_akhir="90",
        nilai_pembanding=D("75"),
        sumber_pembanding="Rata-rata nasional",
    )
    TargetFactory(indikator=ind, tahun=2023, jenis="pk_murni", nilai=D("80"))
    RealisasiFactory(indikator=ind, tahun=2023, nilai=D("72"))

    (row,) = perbandingan_tahun(pd=sasaran.renstra.perangkat_daerah, tahun=2023, jumlah_tahun=1)

    assert [n.tahun for n in row.tahun] == [2022, 2023]
    assert row.target_akhir == D("90") and row.sumber_target_akhir == SUMBER_KONDISI_AKHIR
    assert row.capaian_akhir.nilai == D("80")
    assert row.capaian_pembanding.nilai == D("96")
    assert row.perubahan_realisasi is None


# --- Formulir Evaluasi Hasil Renja ----------------------------------------------------------


def test_paser_renja_form_totals(paser):
    form = evaluasi_renja(pd=paser, tahun=2023, triwulan=4)

    assert form.jumlah.pagu == D("32351024068")
    assert form.jumlah.realisasi_anggaran == D("31458315432")
    assert form.jumlah.realisasi_anggaran_triwulan == (
        D("1250346919"),
        D("3673945238"),
        D("3136134652"),
        D("23397888623"),
    )
    assert dua(form.jumlah.persen_anggaran) == D("97.24")
    assert form.predikat == form.kategori.label
    urusan, bidang = form[0], form[1]
    assert (urusan.jenis, urusan.kode, bidang.jenis, bidang.kode) == (
        "urusan",
        "8",
        "bidang",
        "8.01",
    )
    assert bidang.nama.upper() == "KESATUAN BANGSA DAN POLITIK"
    assert bidang.pagu == D("32351024068")


def test_paser_renja_form_program_rows(paser):
    form = evaluasi_renja(pd=paser, tahun=2023, triwulan=4)
    rows = {(b.jenis, b.kode, b.indikator.kode if b.indikator else None): b for b in form}

    penunjang = rows[("program", "8.01.01", "8.01.01.I1")]
    assert penunjang.nomor == 1
    assert "Akuntabel" in penunjang.sasaran
    assert dua(penunjang.persen_anggaran) == D("91.99")
    # Posisi akhir: col 14 is the latest value (72), not 70 + 72; col 15 = 72 / 80 (2026).
    assert penunjang.realisasi_sd_tahun_lalu == D("70")
    assert penunjang.realisasi == D("72")
    assert penunjang.realisasi_renstra == D("72")
    assert penunjang.target_renstra_akhir == D("80")
    assert penunjang.capaian_renstra.nilai == D("90")
    # Col 8 is the Renja target as stored (288, the seed's sum of four quarters).
    assert penunjang.target_renja == D("288") and penunjang.sumber_target_renja == "renja"

    koordinasi = rows[("sub_kegiatan", "8.01.05.2.01.04", "8.01.05.2.01.04.I1")]
    assert koordinasi.realisasi_triwulan == (D(200), D(300), D(300), D(200))
    assert koordinasi.realisasi == D("1000")
    assert koordinasi.capaian_renja.nilai == D("100")
    assert dua(koordinasi.persen_anggaran) == D("99.52")

    analisis = [b for b in form if b.jenis == "analisis"]
    assert len(analisis) == 6
    assert [label for label, _teks in analisis[0].analisis][0].startswith("Faktor pendorong")


def test_renja_form_at_tw2_blanks_later_quarters(paser):
    form = evaluasi_renja(pd=paser, tahun=2023, triwulan=2)
    rows = {(b.jenis, b.kode): b for b in form if b.baris_pertama}

    sub = rows[("sub_kegiatan", "8.01.05.2.01.04")]
    assert sub.realisasi_triwulan == (D(200), D(300), None, None)
    assert sub.realisasi == D("500")
    assert sub.realisasi_anggaran_triwulan[2:] == (None, None)
    assert form.jumlah.realisasi_anggaran == D("1250346919") + D("3673945238")


def test_renja_form_combines_years_by_aggregation(db):
    """Kumulatif adds across years (col 14 = 7 + 13, col 15 = 14 / 6); posisi akhir does not
    add: seed 002 sums percentages over five years and prints 20% for a fully achieved row."""
    renstra = RenstraFactory(tahun_awal=2022, tahun_akhir=2026)
    program = ProgramFactory(renstra=renstra, kode="8.01.02")
    kegiatan = KegiatanFactory(program=program, kode="8.01.02.2.01")
    sub = SubKegiatanFactory(kegiatan=kegiatan, kode="8.01.02.2.01.03")
    orang = IndikatorFactory(sub_kegiatan=sub, kode="ORANG", cara_agregasi="kumulatif")
    persen = IndikatorFactory(program=program, kode="PERSEN", cara_agregasi="posisi_akhir")
    for tahun in range(2022, 2027):
        TargetFactory(indikator=orang, tahun=tahun, jenis="renstra", nilai=D("100"))
        TargetFactory(indikator=persen, tahun=tahun, jenis="renstra", nilai=D("100"))
    TargetFactory(indikator=orang, tahun=2023, jenis="renja", nilai=D("100"))
    TargetFactory(indikator=persen, tahun=2023, jenis="renja", nilai=D("100"))
    RealisasiFactory(indikator=orang, tahun=2022, triwulan=0, nilai=D("120"))
    RealisasiFactory(indikator=orang, tahun=2023, triwulan=1, nilai=D("30"))
    RealisasiFactory(indikator=orang, tahun=2023, triwulan=2, nilai=D("50"))
    RealisasiFactory(indikator=persen, tahun=2022, triwulan=4, nilai=D("100"))
    RealisasiFactory(indikator=persen, tahun=2023, triwulan=2, nilai=D("100"))
    PaguFactory(sub_kegiatan=sub, tahun=2022, perubahan=D("1000"))
    PaguFactory(sub_kegiatan=sub, tahun=2023, perubahan=D("2000"))
    RealisasiAnggaranFactory(sub_kegiatan=sub, tahun=2022, triwulan=0, jumlah=D("900"))
    RealisasiAnggaranFactory(sub_kegiatan=sub, tahun=2023, triwulan=1, jumlah=D("500"))
    RealisasiAnggaranFactory(sub_kegiatan=sub, tahun=2023, triwulan=2, jumlah=D("700"))

    form = evaluasi_renja(pd=renstra.perangkat_daerah, tahun=2023, triwulan=2)
    rows = {b.indikator.kode: b for b in form if b.indikator}

    o = rows["ORANG"]
    assert o.target_renstra_akhir == D("500")
    assert o.realisasi_sd_tahun_lalu == D("120")
    assert o.realisasi == D("80")
    assert o.realisasi_renstra == D("200")
    assert o.capaian_renstra.nilai == D("40")
    assert o.capaian_renja.nilai == D("80")
    assert o.pagu_renstra == D("3000")
    assert o.realisasi_anggaran_sd_tahun_lalu == D("900")
    assert o.realisasi_anggaran == D("1200")
    assert o.realisasi_anggaran_renstra == D("2100")
    assert o.persen_anggaran_renstra == D("70")
    assert o.persen_anggaran == D("60")

    p = rows["PERSEN"]
    assert p.target_renstra_akhir == D("100")
    assert p.realisasi_renstra == D("100")
    assert p.capaian_renstra.nilai == D("100")  # not 200 / 500 = 40, nor 20

    assert form.rata_rata_capaian_kinerja == D("90")
    assert form.jumlah_indikator_dipakai == 2
    assert form.jumlah.pagu == D("2000")


# --- Query counts: fixed, whatever the plan size --------------------------------------------

# pengukuran_kinerja: Renstra period; scale (bands JOIN scale); sasaran; indicators; targets;
# rows of signed PKs (JOIN PK, pihak pertama); quarterly targets; realisations.
Q_PENGUKURAN = 8
# perbandingan_tahun: Renstra period; scale; indicators JOIN sasaran; targets; signed PK rows;
# realisations.
Q_PERBANDINGAN = 6
# evaluasi_renja: Renstra period; scale; programs JOIN unit; program→sasaran; kegiatan;
# sub-kegiatan; pagu; realisasi anggaran; nomenclature (urusan/bidang); indicators JOIN unit;
# targets; signed PK rows; realisations; analisis program.
Q_EVALUASI = 14


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_query_count_pengukuran(paser, paser_x5, besar, django_assert_num_queries):
    pd = paser_x5 if besar else paser
    with django_assert_num_queries(Q_PENGUKURAN):
        p = pengukuran_kinerja(pd=pd, tahun=2023, triwulan=2)
    assert len(p.sasaran) == (30 if besar else 6)


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_query_count_perbandingan(paser, paser_x5, besar, django_assert_num_queries):
    pd = paser_x5 if besar else paser
    with django_assert_num_queries(Q_PERBANDINGAN):
        hasil = perbandingan_tahun(pd=pd, tahun=2023)
    assert len(hasil) == (30 if besar else 6)


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_query_count_evaluasi_renja(paser, paser_x5, besar, django_assert_num_queries):
    pd = paser_x5 if besar else paser
    with django_assert_num_queries(Q_EVALUASI):
        form = evaluasi_renja(pd=pd, tahun=2023, triwulan=4)
    assert form.jumlah.pagu == D("32351024068") * (5 if besar else 1)
    assert dua(form.jumlah.persen_anggaran) == D("97.24")


def test_evaluasi_renja_analisis_rows_come_from_analisis_program(paser):
    from kinerja.models import AnalisisProgram
    from renstra.models import Program

    program = Program.objects.get(renstra__perangkat_daerah=paser, kode="8.01.02")
    AnalisisProgram.objects.create(
        program=program,
        tahun=2023,
        triwulan=4,
        faktor_pendorong="Dukungan FKUB",
        faktor_penghambat="Anggaran terbatas",
        tindak_lanjut_triwulan="Koordinasi lanjutan",
        tindak_lanjut_renja="Tambah sasaran peserta",
    )
    form = evaluasi_renja(pd=paser, tahun=2023, triwulan=4)
    analisis = next(b for b in form.baris if b.jenis == "analisis" and b.kode == "8.01.02")
    assert [teks for _, teks in analisis.analisis] == [
        "Dukungan FKUB",
        "Anggaran terbatas",
        "Koordinasi lanjutan",
        "Tambah sasaran peserta",
    ]


def test_yearly_value_is_not_a_quarter_value(paser):
    """S1.I1 has only a yearly 2023 value (65,22): s.d. TW II has no data yet."""
    tw2 = pengukuran_kinerja(pd=paser, tahun=2023, triwulan=2)
    tw4 = pengukuran_kinerja(pd=paser, tahun=2023, triwulan=4)
    baris_tw2 = next(b for _, b in tw2.baris() if b.indikator.kode == "S1.I1")
    baris_tw4 = next(b for _, b in tw4.baris() if b.indikator.kode == "S1.I1")
    assert baris_tw2.realisasi is None
    assert baris_tw2.capaian.alasan == "belum_ada_realisasi"
    assert baris_tw4.realisasi == D("65.22")
