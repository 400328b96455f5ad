"""Budget roll-ups, efficiency and jenis belanja, checked against seeds 001 and 002."""

from decimal import Decimal

import pytest

from anggaran.selectors import rekap_anggaran, rekap_belanja
from common.formatting import bulatkan
from kinerja.selectors import LABEL_EFISIEN, efisiensi
from tests.factories import (
    IndikatorFactory,
    KegiatanFactory,
    PaguFactory,
    ProgramFactory,
    RealisasiAnggaranFactory,
    RealisasiFactory,
    RenstraFactory,
    SubKegiatanFactory,
    TargetFactory,
)

D = Decimal


def dua(nilai):
    return None if nilai is None else bulatkan(nilai, 2)


def per_kode(rekap):
    return {b.kode: b for b in rekap.baris()}


# --- Seed 002 (Paser) ----------------------------------------------------------------------


def test_paser_penunjang_budget_table(paser):
    """Seed 002, 'Realisasi Anggaran Program/Kegiatan Penunjang' (after Table 8)."""
    rows = per_kode(rekap_anggaran(pd=paser, tahun=2023))

    harapan = {
        "8.01.01": ("6426345746", "5911790846", "91.99"),
        "8.01.01.2.01": ("44300000", "43053300", "97.19"),
        "8.01.01.2.02": ("5899531510", "5398527776", "91.51"),
        "8.01.01.2.06": ("417117300", "414118590", "99.28"),
        "8.01.01.2.07": ("19713900", "19703600", "99.95"),
        "8.01.01.2.08": ("23663036", "17312180", "73.16"),
        "8.01.01.2.09": ("22020000", "19075400", "86.63"),
    }
    for kode, (pagu, realisasi, persen) in harapan.items():
        b = rows[kode]
        assert (b.pagu, b.realisasi, dua(b.persen)) == (D(pagu), D(realisasi), D(persen)), kode


def test_paser_percentages_roll_up_as_ratios_never_as_means(paser):
    rekap = rekap_anggaran(pd=paser, tahun=2023)
    penunjang = rekap.program[0]

    assert penunjang.pagu_dari_anak and penunjang.pagu_tercatat is None
    assert penunjang.pagu == sum((k.pagu for k in penunjang.anak), D(0))
    # 91,99 is the ratio; the mean of the six kegiatan percentages is 91,29.
    rata_persen = sum((k.persen for k in penunjang.anak), D(0)) / len(penunjang.anak)
    assert dua(rata_persen) == D("91.29")
    assert dua(penunjang.persen) == D("91.99")
    assert penunjang.sisa == D("514554900")  # the seed's efisiensi anggaran Rp 514.554.900


def test_paser_pd_total_and_quarters(paser):
    rekap = rekap_anggaran(pd=paser, tahun=2023)

    assert rekap.pagu == D("32351024068")
    assert rekap.realisasi == D("31458315432")
    assert dua(rekap.persen) == D("97.24")
    assert rekap.realisasi_triwulan == (
        D("1250346919"),
        D("3673945238"),
        D("3136134652"),
        D("23397888623"),
    )
    tw2 = rekap_anggaran(pd=paser, tahun=2023, triwulan=2)
    assert tw2.realisasi == D("1250346919") + D("3673945238")
    assert tw2.pagu == rekap.pagu


def test_paser_jenis_belanja(paser):
    """Bab III-B: the jenis rows sum to 32.654.909.391 (the row BELANJA prints 32.654.919.391);
    96,34% = 31.458.315.432 / 32.654.909.391."""
    belanja = rekap_belanja(pd=paser, tahun=2023)

    assert [k.kelompok for k in belanja.kelompok] == ["Belanja Operasi", "Belanja Modal"]
    assert belanja.kelompok[0].pagu == D("32567901791")
    assert belanja.kelompok[1].pagu == D("87007600")
    assert belanja.pagu == D("32654909391")
    assert belanja.realisasi == D("31458315432")
    assert dua(belanja.persen) == D("96.34")
    pegawai = belanja.kelompok[0].baris[0]
    assert (pegawai.jenis, dua(pegawai.persen)) == ("Belanja Pegawai", D("90.92"))
    kosong = belanja.kelompok[1].baris[-1]
    assert kosong.pagu is None and kosong.persen is None


def test_paser_efisiensi_penunjang(paser):
    rows = {(b.tingkat, b.kode): b for b in efisiensi(pd=paser, tahun=2023)}

    penunjang = rows[("program", "8.01.01")]
    assert penunjang.capaian_kinerja == D("100")  # Indeks Kepuasan 72 of a PK target of 72
    assert penunjang.jumlah_indikator == 1
    assert dua(penunjang.serapan) == D("91.99")
    assert dua(penunjang.selisih) == D("8.01")
    assert penunjang.efisien and penunjang.label == LABEL_EFISIEN
    assert penunjang.hemat == D("514554900")

    cetak = rows[("sub_kegiatan", "8.01.01.2.06.05")]  # 0 of 2 paket, 99,78% spent
    assert cetak.capaian_kinerja == D("0")
    assert not cetak.efisien and cetak.label == ""

    kosong = rows[("sub_kegiatan", "8.01.01.2.01.L1")]  # a 2024-only sub-kegiatan
    assert kosong.capaian_kinerja is None and kosong.serapan is None and not kosong.efisien


# --- Seed 001 (Balangan): amounts entered at every level -----------------------------------


def test_balangan_parent_amounts_are_kept_but_children_are_printed(balangan):
    rows = per_kode(rekap_anggaran(pd=balangan, tahun=2023))

    ideologi = rows["8.01.02"]
    assert ideologi.pagu_tercatat == D("1581630000")
    assert ideologi.pagu == D("6129824000")
    assert ideologi.pagu_dari_anak
    assert ideologi.realisasi_tercatat == D("1576380800")
    assert ideologi.realisasi == D("849878647")
    assert dua(ideologi.persen) == D("13.86")

    kewaspadaan = rows["8.01.06"]
    assert kewaspadaan.pagu == D("1272504700")
    assert kewaspadaan.realisasi == D("1242000548")
    assert dua(kewaspadaan.persen) == D("97.60")  # printed 91.88
    assert dua(rows["8.01.06.2.01.03"].persen) == D("98.49")  # printed 92.66

    # Ketahanan prints no program amount: the sub-kegiatan sum, 95,24%.
    ketahanan = rows["8.01.05"]
    assert ketahanan.pagu_tercatat is None
    assert (ketahanan.pagu, dua(ketahanan.persen)) == (D("305576400"), D("95.24"))


def test_balangan_yearly_amounts_are_the_years_value(balangan):
    rekap = rekap_anggaran(pd=balangan, tahun=2023, triwulan=4)
    sub = per_kode(rekap)["8.01.04.2.01.05"]

    assert sub.realisasi_tahunan_tercatat == D("187545500")
    assert sub.realisasi == D("187545500")
    assert sub.realisasi_triwulan == (None, None, None, None)
    assert dua(sub.persen) == D("50.94")  # printed 67.58


def test_balangan_jenis_belanja_percentages_recomputed(balangan):
    belanja = rekap_belanja(pd=balangan, tahun=2023)
    jenis = {b.jenis: b for k in belanja.kelompok for b in k.baris}

    assert dua(jenis["Belanja Pegawai"].persen) == D("1036.88")  # printed 90,15
    assert dua(jenis["Belanja Barang dan Jasa"].persen) == D("67.68")  # printed 94,79
    assert dua(jenis["Belanja Hibah"].persen) == D("96.59")  # printed 100
    assert dua(jenis["Belanja Modal Peralatan dan Mesin"].persen) == D("124.95")
    assert belanja.pagu == D("12851552134")


# --- Rules on generated plans --------------------------------------------------------------


@pytest.fixture
def pohon(db):
    renstra = RenstraFactory(tahun_awal=2022, tahun_akhir=2026)
    program = ProgramFactory(renstra=renstra, kode="8.01.02")
    kegiatan = KegiatanFactory(program=program, kode="8.01.02.2.01")
    subs = [SubKegiatanFactory(kegiatan=kegiatan, kode=f"8.01.02.2.01.0{i}") for i in (1, 2, 3)]
    return renstra.perangkat_daerah, program, kegiatan, subs


def test_murni_used_when_no_perubahan(pohon):
    pd, _program, _kegiatan, (a, b, _c) = pohon
    PaguFactory(sub_kegiatan=a, murni=D("100"), perubahan=None)
    PaguFactory(sub_kegiatan=b, murni=D("100"), perubahan=D("300"))

    rows = per_kode(rekap_anggaran(pd=pd, tahun=2023))

    assert rows[a.kode].pagu == D("100")
    assert rows[b.kode].pagu == D("300")
    assert rows["8.01.02"].pagu == D("400")


def test_quarters_sum_up_to_tw_n_and_missing_is_not_zero(pohon):
    pd, _program, _kegiatan, (a, b, c) = pohon
    PaguFactory(sub_kegiatan=a, perubahan=D("1000"))
    PaguFactory(sub_kegiatan=b, perubahan=D("1000"))
    RealisasiAnggaranFactory(sub_kegiatan=a, triwulan=1, jumlah=D("100"))
    RealisasiAnggaranFactory(sub_kegiatan=a, triwulan=3, jumlah=D("300"))
    RealisasiAnggaranFactory(sub_kegiatan=b, triwulan=2, jumlah=D("50"))

    tw2 = per_kode(rekap_anggaran(pd=pd, tahun=2023, triwulan=2))

    assert tw2[a.kode].realisasi == D("100")
    assert tw2[b.kode].realisasi == D("50")
    assert tw2[c.kode].realisasi is None and tw2[c.kode].persen is None
    assert tw2["8.01.02.2.01"].realisasi == D("150")
    assert tw2["8.01.02.2.01"].realisasi_triwulan == (D("100"), D("50"), D("300"), None)
    assert tw2["8.01.02.2.01"].persen == D("7.5")


def test_parent_amount_printed_only_without_children_amounts(pohon):
    pd, program, kegiatan, _subs = pohon
    PaguFactory(program=program, sub_kegiatan=None, perubahan=D("5000"))
    RealisasiAnggaranFactory(program=program, sub_kegiatan=None, triwulan=0, jumlah=D("4000"))

    rows = per_kode(rekap_anggaran(pd=pd, tahun=2023))

    assert rows["8.01.02"].pagu == D("5000") and not rows["8.01.02"].pagu_dari_anak
    assert rows["8.01.02"].realisasi == D("4000")
    assert rows["8.01.02"].persen == D("80")
    assert rows[kegiatan.kode].pagu is None


def test_efisiensi_label_requires_full_performance_and_underspending(pohon):
    pd, program, _kegiatan, (a, b, _c) = pohon
    for sub, realisasi_kinerja, rupiah in ((a, "100", "900"), (b, "90", "500")):
        ind = IndikatorFactory(sub_kegiatan=sub, kode=f"IND-{sub.kode}")
        TargetFactory(indikator=ind, jenis="renja", nilai=D("100"))
        RealisasiFactory(indikator=ind, triwulan=4, nilai=D(realisasi_kinerja))
        PaguFactory(sub_kegiatan=sub, perubahan=D("1000"))
        RealisasiAnggaranFactory(sub_kegiatan=sub, triwulan=4, jumlah=D(rupiah))

    rows = {b.kode: b for b in efisiensi(pd=pd, tahun=2023)}

    assert rows[a.kode].efisien and rows[a.kode].selisih == D("10")
    assert rows[a.kode].hemat == D("100")
    assert not rows[b.kode].efisien and rows[b.kode].selisih == D("40")
    assert rows["8.01.02"].capaian_kinerja is None  # no indicator on the program itself


def test_efisien_label_decided_on_the_printed_values_never_with_nothing_spent(pohon):
    """Issue 14 defect 4: the label follows what the table prints (2 decimals). Capaian
    99,996% prints 100,00% (efisien); serapan 99,996% prints 100,00% (not efisien); a
    sub-kegiatan with Rp 0 spent is never "efisien"."""
    pd, _program, _kegiatan, (a, b, c) = pohon
    kasus = (
        (a, "99.996", "900"),  # capaian 100,00% printed, serapan 90%
        (b, "100", "99996"),  # serapan 99,996% → printed 100,00%
        (c, "100", "0"),  # nothing spent
    )
    for sub, realisasi_kinerja, rupiah in kasus:
        ind = IndikatorFactory(sub_kegiatan=sub, kode=f"IND-{sub.kode}")
        TargetFactory(indikator=ind, jenis="renja", nilai=D("100"))
        RealisasiFactory(indikator=ind, triwulan=4, nilai=D(realisasi_kinerja))
        PaguFactory(sub_kegiatan=sub, perubahan=D("100000"))
        RealisasiAnggaranFactory(sub_kegiatan=sub, triwulan=4, jumlah=D(rupiah))

    rows = {b.kode: b for b in efisiensi(pd=pd, tahun=2023)}

    assert dua(rows[a.kode].capaian_kinerja) == D("100.00")
    assert rows[a.kode].efisien and rows[a.kode].label == LABEL_EFISIEN
    assert dua(rows[b.kode].serapan) == D("100.00")
    assert not rows[b.kode].efisien and rows[b.kode].label == ""
    assert rows[c.kode].realisasi == D("0")
    assert not rows[c.kode].efisien and rows[c.kode].label == ""


def test_yearly_only_budget_amount_is_not_a_quarter(pohon):
    """Issue 14 defect 5: a yearly amount (triwulan 0) says nothing about "s.d. TW I"; it is
    the year's amount at TW IV, as a yearly indicator value is."""
    pd, _program, _kegiatan, (a, b, _c) = pohon
    PaguFactory(sub_kegiatan=a, perubahan=D("1000"))
    PaguFactory(sub_kegiatan=b, perubahan=D("1000"))
    RealisasiAnggaranFactory(sub_kegiatan=a, triwulan=0, jumlah=D("800"))
    RealisasiAnggaranFactory(sub_kegiatan=b, triwulan=1, jumlah=D("100"))

    tw1 = per_kode(rekap_anggaran(pd=pd, tahun=2023, triwulan=1))
    tw4 = per_kode(rekap_anggaran(pd=pd, tahun=2023, triwulan=4))

    assert tw1[a.kode].realisasi is None and tw1[a.kode].persen is None
    assert tw1["8.01.02"].realisasi == D("100")
    assert tw4[a.kode].realisasi == D("800")
    assert tw4["8.01.02"].realisasi == D("900")


def test_no_renstra_gives_empty_rekap(paser):
    rekap = rekap_anggaran(pd=paser, tahun=2030)

    assert rekap.program == () and rekap.pagu is None and rekap.persen is None


# --- Query counts: fixed, whatever the plan size --------------------------------------------

# rekap_anggaran: Renstra period; programs JOIN unit; kegiatan JOIN unit; sub-kegiatan JOIN
# unit; pagu; realisasi anggaran.
Q_REKAP = 6
# efisiensi: the 6 above; indicators; targets; rows of signed PKs; realisations.
Q_EFISIENSI = 10
# rekap_belanja: jenis belanja rows.
Q_BELANJA = 1


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_query_count_rekap_anggaran(paser, paser_x5, besar, django_assert_num_queries):
    pd = paser_x5 if besar else paser
    with django_assert_num_queries(Q_REKAP):
        rekap = rekap_anggaran(pd=pd, tahun=2023, triwulan=3)
    assert len(rekap.program) == (30 if besar else 6)


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_query_count_efisiensi(paser, paser_x5, besar, django_assert_num_queries):
    pd = paser_x5 if besar else paser
    with django_assert_num_queries(Q_EFISIENSI):
        hasil = efisiensi(pd=pd, tahun=2023)
    assert sum(1 for b in hasil if b.efisien) == (5 if besar else 1) * sum(
        1 for b in efisiensi(pd=paser, tahun=2023) if b.efisien
    )


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_query_count_rekap_belanja(paser, paser_x5, besar, django_assert_num_queries):
    pd = paser_x5 if besar else paser
    with django_assert_num_queries(Q_BELANJA):
        belanja = rekap_belanja(pd=pd, tahun=2023)
    assert belanja.pagu == D("32654909391") * (5 if besar else 1)
