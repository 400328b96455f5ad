"""Validation rules: the data-level errors of the demo data (seeds 001 and 002) and each rule
on a generated plan."""

from decimal import Decimal

import pytest

from kinerja import validasi as v
from kinerja.validasi import ERROR, PERINGATAN, validasi_pd
from renstra.models import Indikator
from tests.factories import (
    AnggaranBelanjaFactory,
    BuktiFactory,
    IndikatorFactory,
    KegiatanFactory,
    PaguFactory,
    PerjanjianKinerjaFactory,
    PKIndikatorFactory,
    ProgramFactory,
    RealisasiAnggaranFactory,
    RealisasiFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
    perbesar_rencana,
)

D = Decimal


def menurut_kode(masalah, kode):
    return [m for m in masalah if m.kode == kode]


# --- Seed 001 (Balangan) -------------------------------------------------------------------


@pytest.fixture
def masalah_balangan(balangan):
    return validasi_pd(pd=balangan, tahun=2023)


def test_balangan_sub_kegiatan_budget_above_its_program(masalah_balangan):
    """Seed 001 Tabel 3.14: a sub-kegiatan of 6.129.824.000 under a program of 1.581.630.000."""
    (m,) = [
        m
        for m in menurut_kode(masalah_balangan, v.KODE_PAGU_ANAK_MELEBIHI_INDUK)
        if "program 8.01.02 " in m.pesan
    ]
    assert m.tingkat == ERROR
    assert m.objek.model == "renstra.subkegiatan"
    assert m.objek.label.startswith("8.01.02.2.01.04 ")
    assert m.pesan == (
        "Pagu sub-kegiatan 8.01.02.2.01.04 (Rp 6.129.824.000) melebihi pagu program 8.01.02 "
        "yang menaunginya (Rp 1.581.630.000)."
    )


def test_balangan_parents_that_contradict_their_children(masalah_balangan):
    pagu = {
        m.objek.label.split()[0]: m for m in menurut_kode(masalah_balangan, v.KODE_JUMLAH_ANAK_PAGU)
    }

    # P2, P3, P4, P6 and their kegiatan (the 16 NOTEs of the dataset: 8 pagu, 8 realisasi).
    assert sorted(pagu) == [
        "8.01.02",
        "8.01.02.2.01",
        "8.01.03",
        "8.01.03.2.01",
        "8.01.04",
        "8.01.04.2.01",
        "8.01.06",
        "8.01.06.2.01",
    ]
    assert "(Rp 1.581.630.000)" in pagu["8.01.02"].pesan
    assert "(Rp 6.129.824.000)" in pagu["8.01.02"].pesan
    assert "(Rp 1.272.504.700)" in pagu["8.01.06"].pesan
    assert len(menurut_kode(masalah_balangan, v.KODE_JUMLAH_ANAK_REALISASI)) == 8
    # P4.K1.S1 (121.993.600) is larger than its kegiatan (121.950.000).
    assert any(
        m.objek.label.startswith("8.01.04.2.01.04 ") and "kegiatan 8.01.04.2.01 " in m.pesan
        for m in menurut_kode(masalah_balangan, v.KODE_PAGU_ANAK_MELEBIHI_INDUK)
    )


def test_balangan_jenis_belanja_realisasi_above_pagu(masalah_balangan):
    lebih = menurut_kode(masalah_balangan, v.KODE_REALISASI_MELEBIHI_PAGU)

    assert [m.objek.label for m in lebih] == [
        "Belanja Operasi — Belanja Pegawai",
        "Belanja Modal — Belanja Modal Peralatan dan Mesin",
    ]
    assert "1.036,88%" in lebih[0].pesan
    assert "124,95%" in lebih[1].pesan


def test_balangan_ratio_7489_of_96016_printed_7_8_is_consistent(masalah_balangan):
    assert menurut_kode(masalah_balangan, v.KODE_RASIO_TIDAK_SESUAI) == []


def test_balangan_pk_target_changed_without_reason(masalah_balangan):
    berbeda = menurut_kode(masalah_balangan, v.KODE_TARGET_BERBEDA)

    assert [m.objek.label.split()[0] for m in berbeda] == ["P1.K3.S2.I1"]
    assert "PK Perubahan 2023" in berbeda[0].pesan and "(14)" in berbeda[0].pesan


def test_balangan_pk_indicators_without_realisasi(masalah_balangan):
    tanpa = menurut_kode(masalah_balangan, v.KODE_PK_TANPA_REALISASI)

    assert tanpa and all(m.tingkat == PERINGATAN for m in tanpa)
    assert "P1.K2.S1.I1" in {m.objek.label.split()[0] for m in tanpa}


# --- Seed 002 (Paser) ----------------------------------------------------------------------


@pytest.fixture
def masalah_paser(paser):
    return validasi_pd(pd=paser, tahun=2023)


def test_paser_2023_pagu_difference(masalah_paser):
    """Bab II / Bab III-B print 32.654.909.391, the program tree sums to 32.351.024.068."""
    (m,) = menurut_kode(masalah_paser, v.KODE_BELANJA_TIDAK_SAMA)

    assert m.tingkat == ERROR
    assert m.objek.model == "renstra.perangkatdaerah"
    assert m.pesan == (
        "Jumlah pagu per jenis belanja (Rp 32.654.909.391) berbeda dari jumlah pagu "
        "program/kegiatan/sub-kegiatan (Rp 32.351.024.068); selisih Rp 303.885.323."
    )


def test_paser_budget_tree_is_consistent(masalah_paser):
    for kode in (
        v.KODE_JUMLAH_ANAK_PAGU,
        v.KODE_JUMLAH_ANAK_REALISASI,
        v.KODE_PAGU_ANAK_MELEBIHI_INDUK,
        v.KODE_REALISASI_MELEBIHI_PAGU,
    ):
        assert menurut_kode(masalah_paser, kode) == [], kode


def test_paser_targets_that_differ_between_documents(masalah_paser):
    berbeda = {
        m.objek.label.split()[0]: m for m in menurut_kode(masalah_paser, v.KODE_TARGET_BERBEDA)
    }

    # SAKIP: Table 7 / PK 73 against the Renstra letter B (seed 002 S2-04).
    assert "target Renstra (B)" in berbeda["S1.I1"].pesan
    # Indeks Kepuasan: PK 72 against the Renja form's 288.
    assert "(72)" in berbeda["8.01.01.I1"].pesan and "(288)" in berbeda["8.01.01.I1"].pesan
    assert sorted(berbeda) == ["8.01.01.I1", "S1.I1"]


def test_paser_extreme_capaian_without_explanation(masalah_paser):
    ekstrem = {
        m.objek.label.split()[0]: m
        for m in menurut_kode(masalah_paser, v.KODE_CAPAIAN_TANPA_PENJELASAN)
    }

    assert "265,71%" in ekstrem["8.01.01.2.02.01.I1"].pesan  # gaji: 93 against 35
    assert "0,00%" in ekstrem["8.01.01.2.06.05.I1"].pesan  # 0 of 2 paket
    assert len(ekstrem) == 2


def test_paser_quarterly_realisations_lack_evidence(masalah_paser):
    bukti = menurut_kode(masalah_paser, v.KODE_BUKTI_KOSONG)

    assert bukti and {m.objek.model for m in bukti} == {"kinerja.realisasi"}
    assert all("TW" in m.objek.label for m in bukti)


# --- Each rule on a generated plan ---------------------------------------------------------


@pytest.fixture
def rencana(db):
    renstra = RenstraFactory(tahun_awal=2022, tahun_akhir=2026)
    sasaran = SasaranFactory(renstra=renstra)
    program = ProgramFactory(renstra=renstra, kode="8.01.02")
    kegiatan = KegiatanFactory(program=program, kode="8.01.02.2.01")
    sub = SubKegiatanFactory(kegiatan=kegiatan, kode="8.01.02.2.01.03")
    return renstra.perangkat_daerah, sasaran, program, kegiatan, sub


def masalah_dari(pd, kode=None):
    semua = validasi_pd(pd=pd, tahun=2023)
    return semua if kode is None else menurut_kode(semua, kode)


def indikator_lengkap(sasaran, **kwargs):
    """An indicator with a PK target, a realisation with evidence and an explanation."""
    ind = IndikatorFactory(sasaran=sasaran, **kwargs)
    TargetFactory(indikator=ind, jenis="pk_murni", nilai=D("100"))
    BuktiFactory(realisasi=RealisasiFactory(indikator=ind, triwulan=4, nilai=D("100")))
    return ind


def test_clean_plan_has_no_problem(rencana):
    pd, sasaran, program, kegiatan, sub = rencana
    indikator_lengkap(sasaran, kode="A")
    PaguFactory(sub_kegiatan=sub, perubahan=D("1000"))
    PaguFactory(program=program, sub_kegiatan=None, perubahan=D("1000"))
    RealisasiAnggaranFactory(sub_kegiatan=sub, triwulan=1, jumlah=D("400"))
    AnggaranBelanjaFactory(perangkat_daerah=pd, pagu=D("1000"), realisasi=D("400"))

    assert masalah_dari(pd) == []


def test_realisasi_anggaran_above_pagu(rencana):
    pd, _sasaran, _program, _kegiatan, sub = rencana
    PaguFactory(sub_kegiatan=sub, perubahan=D("1000"))
    RealisasiAnggaranFactory(sub_kegiatan=sub, triwulan=1, jumlah=D("700"))
    RealisasiAnggaranFactory(sub_kegiatan=sub, triwulan=2, jumlah=D("400"))

    lebih = masalah_dari(pd, v.KODE_REALISASI_MELEBIHI_PAGU)

    # The sub-kegiatan and, through the roll-up, its kegiatan and program.
    assert [m.objek.model for m in lebih] == [
        "renstra.program",
        "renstra.kegiatan",
        "renstra.subkegiatan",
    ]
    assert "110,00%" in lebih[-1].pesan


def test_yearly_budget_amount_differs_from_quarters(rencana):
    pd, _sasaran, _program, _kegiatan, sub = rencana
    PaguFactory(sub_kegiatan=sub, perubahan=D("1000"))
    RealisasiAnggaranFactory(sub_kegiatan=sub, triwulan=1, jumlah=D("100"))
    RealisasiAnggaranFactory(sub_kegiatan=sub, triwulan=0, jumlah=D("300"))

    (m,) = masalah_dari(pd, v.KODE_REALISASI_ANGGARAN_TAHUNAN)
    assert m.tingkat == PERINGATAN and "(Rp 300)" in m.pesan and "(Rp 100)" in m.pesan


def test_cumulative_indicator_with_negative_quarter(rencana):
    pd, sasaran, *_ = rencana
    ind = indikator_lengkap(sasaran, kode="K", cara_agregasi="kumulatif")
    RealisasiFactory(indikator=ind, triwulan=2, nilai=D("-5"))

    (m,) = masalah_dari(pd, v.KODE_KUMULATIF_NEGATIF)
    assert m.tingkat == ERROR and "TW II" in m.pesan and m.objek.model == "kinerja.realisasi"


def test_negative_quarter_of_a_position_indicator_is_not_cumulative(rencana):
    pd, sasaran, *_ = rencana
    ind = indikator_lengkap(sasaran, kode="K", cara_agregasi="posisi_akhir", satuan="indeks")
    RealisasiFactory(indikator=ind, triwulan=2, nilai=D("-5"))

    assert masalah_dari(pd, v.KODE_KUMULATIF_NEGATIF) == []


def test_share_of_a_whole_above_100(rencana):
    pd, sasaran, *_ = rencana
    deklarasi = indikator_lengkap(sasaran, kode="DEKLARASI", persen_dari_keseluruhan=True)
    RealisasiFactory(indikator=deklarasi, triwulan=0, nilai=D("104"))
    rumus = indikator_lengkap(
        sasaran, kode="RUMUS", satuan="%", formula="Jumlah pemilih / jumlah DPT x 100%"
    )
    RealisasiFactory(indikator=rumus, triwulan=0, nilai=D("101"))
    bukan = indikator_lengkap(sasaran, kode="BUKAN", satuan="orang")
    RealisasiFactory(indikator=bukan, triwulan=0, nilai=D("130"))

    lebih = {m.objek.label.split()[0]: m for m in masalah_dari(pd, v.KODE_PERSEN_MELEBIHI_100)}

    assert sorted(lebih) == ["DEKLARASI", "RUMUS"]
    assert lebih["DEKLARASI"].tingkat == ERROR
    assert lebih["RUMUS"].tingkat == PERINGATAN


def test_numerator_above_denominator(rencana):
    pd, sasaran, *_ = rencana
    ind = indikator_lengkap(sasaran, kode="R", persen_dari_keseluruhan=True)
    RealisasiFactory(indikator=ind, triwulan=0, nilai=D("100"), pembilang=D("9"), penyebut=D("8"))

    assert masalah_dari(pd, v.KODE_PERSEN_MELEBIHI_100)


def test_value_that_does_not_match_its_ratio(rencana):
    pd, sasaran, *_ = rencana
    ind = indikator_lengkap(sasaran, kode="R", satuan="%")
    RealisasiFactory(
        indikator=ind, triwulan=0, nilai=D("89"), pembilang=D("130"), penyebut=D("200")
    )

    (m,) = masalah_dari(pd, v.KODE_RASIO_TIDAK_SESUAI)
    assert "= 65" in m.pesan  # seed 000 prints 130 / 200 orang as 89%


def test_pk_target_differing_from_renja_unless_explained(rencana):
    pd, sasaran, *_ = rencana
    ind = indikator_lengkap(sasaran, kode="T")
    TargetFactory(indikator=ind, jenis="renja", nilai=D("90"))
    TargetFactory(indikator=ind, jenis="renstra", nilai=D("100"))

    (m,) = masalah_dari(pd, v.KODE_TARGET_BERBEDA)
    assert "Renja (90)" in m.pesan

    pk = PerjanjianKinerjaFactory(perangkat_daerah=pd, tahun=2023)
    PKIndikatorFactory(perjanjian=pk, indikator=ind, alasan_selisih="Refocusing anggaran")
    assert masalah_dari(pd, v.KODE_TARGET_BERBEDA) == []


def test_letter_and_score_targets_compare_by_band(rencana):
    pd, sasaran, *_ = rencana
    ind = IndikatorFactory(sasaran=sasaran, kode="SAKIP", jenis_nilai="predikat")
    TargetFactory(indikator=ind, jenis="pk_murni", nilai=D("73.80"))
    TargetFactory(indikator=ind, jenis="renstra", nilai=None, predikat="BB")

    assert masalah_dari(pd, v.KODE_TARGET_BERBEDA) == []


def test_pk_letter_and_the_renja_score_of_its_lower_bound_are_the_same_target(rencana):
    """Issue 14 defect 6: PK "BB" and Renja 70 (BB read as 70, DOMAIN.md §5.1) agree; the
    PK row needs no reason for a difference, and validation reports none."""
    from kinerja.models import PKIndikator
    from kinerja.pk import selisih_rencana
    from renstra.models import Target

    pd, sasaran, *_ = rencana
    ind = IndikatorFactory(sasaran=sasaran, kode="SAKIP", jenis_nilai="predikat")
    TargetFactory(indikator=ind, jenis="pk_murni", nilai=None, predikat="BB")
    TargetFactory(indikator=ind, jenis="renja", nilai=D("70"))

    assert masalah_dari(pd, v.KODE_TARGET_BERBEDA) == []
    assert not selisih_rencana(PKIndikator(predikat="BB"), Target(nilai=D("70")))
    assert selisih_rencana(PKIndikator(predikat="BB"), Target(nilai=D("60")))
    assert selisih_rencana(PKIndikator(predikat="A"), Target(nilai=D("70")))


def test_pk_indicator_without_realisasi(rencana):
    pd, sasaran, *_ = rencana
    ind = IndikatorFactory(sasaran=sasaran, kode="P")
    TargetFactory(indikator=ind, jenis="pk_perubahan", nilai=D("10"))
    dari_pk = IndikatorFactory(sasaran=sasaran, kode="Q")
    PKIndikatorFactory(perjanjian=PerjanjianKinerjaFactory(perangkat_daerah=pd), indikator=dari_pk)
    IndikatorFactory(sasaran=sasaran, kode="BUKAN_PK")

    tanpa = masalah_dari(pd, v.KODE_PK_TANPA_REALISASI)
    assert sorted(m.objek.label.split()[0] for m in tanpa) == ["P", "Q"]


def test_quarterly_realisasi_without_evidence(rencana):
    pd, sasaran, *_ = rencana
    ind = indikator_lengkap(sasaran, kode="B", cara_agregasi="kumulatif")
    tanpa = RealisasiFactory(indikator=ind, triwulan=1, nilai=D("10"))
    RealisasiFactory(indikator=ind, triwulan=0, nilai=D("100"))  # a yearly value needs none

    (m,) = masalah_dari(pd, v.KODE_BUKTI_KOSONG)
    assert m.objek.pk == tanpa.pk and "TW I" in m.pesan


@pytest.mark.parametrize(
    ("realisasi", "penjelasan", "ada"),
    [
        ("151", "", True),
        ("150", "", False),
        ("9.99", "", True),
        ("10", "", False),
        ("200", "Kegiatan tambahan dari APBD Perubahan.", False),
    ],
)
def test_extreme_capaian_needs_explanation(rencana, realisasi, penjelasan, ada):
    pd, sasaran, *_ = rencana
    ind = IndikatorFactory(sasaran=sasaran, kode="E")
    TargetFactory(indikator=ind, jenis="pk_murni", nilai=D("100"))
    r = RealisasiFactory(indikator=ind, triwulan=4, nilai=D(realisasi), penjelasan=penjelasan)
    BuktiFactory(realisasi=r)

    assert bool(masalah_dari(pd, v.KODE_CAPAIAN_TANPA_PENJELASAN)) is ada


def test_negative_indicator_missing_a_zero_target_needs_explanation(rencana):
    pd, sasaran, *_ = rencana
    ind = IndikatorFactory(sasaran=sasaran, kode="KONFLIK", polaritas="negatif", satuan="kasus")
    TargetFactory(indikator=ind, jenis="pk_murni", nilai=D("0"))
    BuktiFactory(realisasi=RealisasiFactory(indikator=ind, triwulan=4, nilai=D("2")))

    (m,) = masalah_dari(pd, v.KODE_CAPAIAN_TANPA_PENJELASAN)
    assert "0,00%" in m.pesan


def test_renstra_end_target_below_the_annual_target(rencana):
    pd, sasaran, *_ = rencana
    ind = indikator_lengkap(sasaran, kode="A")
    TargetFactory(indikator=ind, tahun=2026, jenis="renstra", nilai=D("90"))
    negatif = indikator_lengkap(sasaran, kode="N", polaritas="negatif", kondisi_akhir="120")
    kumulatif = indikator_lengkap(sasaran, kode="K", cara_agregasi="kumulatif", kondisi_akhir="5")

    rendah = {m.objek.label.split()[0]: m for m in masalah_dari(pd, v.KODE_TARGET_AKHIR_DI_BAWAH)}

    assert sorted(rendah) == ["A", "N"]
    assert "target Renstra 2026" in rendah["A"].pesan
    assert "kondisi akhir" in rendah["N"].pesan
    assert negatif and kumulatif


def test_yearly_value_differs_from_combined_quarters(rencana):
    pd, sasaran, *_ = rencana
    ind = IndikatorFactory(sasaran=sasaran, kode="Y", cara_agregasi="kumulatif", satuan="orang")
    TargetFactory(indikator=ind, jenis="pk_murni", nilai=D("100"))
    for tw, nilai in ((1, "20"), (2, "30")):
        BuktiFactory(realisasi=RealisasiFactory(indikator=ind, triwulan=tw, nilai=D(nilai)))
    RealisasiFactory(indikator=ind, triwulan=0, nilai=D("60"))

    (m,) = masalah_dari(pd, v.KODE_TAHUNAN_TIDAK_SAMA)
    assert "(60)" in m.pesan and "(50)" in m.pesan


# --- Query count ---------------------------------------------------------------------------

# validasi_pd: Renstra period; programs; kegiatan; sub-kegiatan; pagu; realisasi anggaran;
# jenis belanja; the stated PD budget total; indicators; targets; rows of signed PKs (JOIN
# PK, pihak pertama); realisations with an evidence COUNT; PK rows of the year and the next
# (also the reasons for a differing target); staffing/facilities tables; SAKIP evaluations;
# officials; printed texts (JOIN content type); sasaran; tujuan; programs; program–sasaran
# links. With the report's load (`muatan=`): tests/kinerja/test_validasi_muatan.py.
Q_VALIDASI = 21


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_query_count_validasi(paser, besar, django_assert_num_queries):
    pd = perbesar_rencana(paser, kali=5) if besar else paser
    if besar:
        assert Indikator.objects.filter(perangkat_daerah=pd).count() == 5 * (
            Indikator.objects.filter(perangkat_daerah=paser).count()
        )
    with django_assert_num_queries(Q_VALIDASI):
        masalah = validasi_pd(pd=pd, tahun=2023)
    assert len(menurut_kode(masalah, v.KODE_CAPAIAN_TANPA_PENJELASAN)) == (10 if besar else 2)


def test_printed_staffing_tables_are_checked_against_their_total_rows(
    masalah_balangan, masalah_paser
):
    """Seed 001 Tabel 1.2 prints 15 for S-1 (3 + 5 + 2 = 10): its JUMLAH column adds up to
    23, not the printed 18. Paser's tables add up."""
    assert [m.pesan for m in menurut_kode(masalah_balangan, v.KODE_TABEL_JUMLAH)] == [
        v.PESAN_TABEL_JUMLAH.format(
            judul="Tabel 1.2 SDM Badan Kesatuan Bangsa dan Politik berdasarkan Jabatan dan "
            "Pendidikan",
            label="JUMLAH",
            kolom="JUMLAH",
            tercetak="18",
            hitung="23",
        )
    ]
    assert menurut_kode(masalah_paser, v.KODE_TABEL_JUMLAH) == []


def test_staffing_table_whose_total_row_is_wrong(balangan):
    from renstra.models import TabelSumberDaya

    TabelSumberDaya.objects.create(
        perangkat_daerah=balangan,
        urutan=9,
        judul="Pegawai menurut golongan",
        kolom=["No", "Golongan", "Jumlah (Orang)", "%"],
        baris=[
            ["1.", "IV", "4 Org", "40"],
            ["2.", "III", "5 Org", "50"],
            ["3.", "II", "-", "10"],
            ["", "J U M L A H", "10", "100"],
        ],
    )
    masalah = [
        m
        for m in menurut_kode(validasi_pd(pd=balangan, tahun=2023), v.KODE_TABEL_JUMLAH)
        if "golongan" in m.pesan
    ]
    assert [m.pesan for m in masalah] == [
        v.PESAN_TABEL_JUMLAH.format(
            judul="Pegawai menurut golongan",
            label="J U M L A H",
            kolom="Jumlah (Orang)",
            tercetak="10",
            hitung="9",
        )
    ]
    assert masalah[0].tingkat == PERINGATAN
