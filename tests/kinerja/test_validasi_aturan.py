"""The rules of the catalogue added for issue 11 on generated plans: each fires on the defect
and stays silent on correct data (docs/aturan-validasi.md)."""

from decimal import Decimal

import pytest

from kinerja import validasi as v
from kinerja.models import EvaluasiSakip
from tests.factories import (
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
)

D = Decimal


@pytest.fixture
def rencana(db):
    renstra = RenstraFactory(tahun_awal=2022, tahun_akhir=2026)
    sasaran = SasaranFactory(renstra=renstra, kode="S1")
    program = ProgramFactory(renstra=renstra, kode="8.01.01")
    kegiatan = KegiatanFactory(program=program, kode="8.01.01.2.06")
    sub = SubKegiatanFactory(kegiatan=kegiatan, kode="8.01.01.2.06.01")
    return renstra.perangkat_daerah, sasaran, program, sub


def masalah(pd, kode):
    return [m for m in v.validasi_pd(pd=pd, tahun=2023) if m.kode == kode]


# --- R-MISSING: IKU without a data source --------------------------------------------------


def test_iku_without_data_source(rencana):
    pd, sasaran, *_ = rencana
    IndikatorFactory(sasaran=sasaran, kode="S1.I1", iku=True, sumber_data="")
    IndikatorFactory(sasaran=sasaran, kode="S1.I2", iku=True, sumber_data="BPS Provinsi")
    IndikatorFactory(sasaran=sasaran, kode="S1.I3", iku=False, sumber_data="")

    (m,) = masalah(pd, v.KODE_IKU_TANPA_SUMBER_DATA)
    assert (m.tingkat, m.objek.model) == (v.PERINGATAN, "renstra.indikator")
    assert m.objek.label.startswith("S1.I1 ")
    assert m.pesan == (
        "Indikator kinerja utama S1.I1 belum memiliki sumber data (wajib pada formulir IKU)."
    )


# --- R-MISSING: a target of 0 that was realised ----------------------------------------------


def test_zero_target_with_a_realisation(rencana):
    pd, sasaran, *_ = rencana
    nol = IndikatorFactory(sasaran=sasaran, kode="A", satuan="dokumen")
    TargetFactory(indikator=nol, jenis="renja", nilai=D("0"))
    RealisasiFactory(indikator=nol, triwulan=0, nilai=D("5"))
    # Not realised, or a target above 0, or lower-is-better: nothing to say.
    kosong = IndikatorFactory(sasaran=sasaran, kode="B", satuan="dokumen")
    TargetFactory(indikator=kosong, jenis="renja", nilai=D("0"))
    RealisasiFactory(indikator=kosong, triwulan=0, nilai=D("0"))
    negatif = IndikatorFactory(sasaran=sasaran, kode="C", satuan="kasus", polaritas="negatif")
    TargetFactory(indikator=negatif, jenis="renja", nilai=D("0"))
    RealisasiFactory(indikator=negatif, triwulan=0, nilai=D("2"))

    (m,) = masalah(pd, v.KODE_TARGET_NOL_TEREALISASI)
    assert m.objek.pk == nol.pk
    assert m.pesan == (
        "Target Renja 2023 indikator A bernilai 0 tetapi realisasinya 5: capaian tidak dapat "
        "dihitung; periksa apakah targetnya belum diisi."
    )


# --- R-XREF: the same fact in two indicators ---------------------------------------------------


def test_same_named_indicators_with_different_targets(rencana):
    pd, sasaran, program, _sub = rencana
    a = IndikatorFactory(sasaran=sasaran, kode="S1.I1", uraian="Dukungan kewaspadaan dini")
    TargetFactory(indikator=a, jenis="pk_murni", nilai=D("30"))
    RealisasiFactory(indikator=a, triwulan=0, nilai=D("4"))
    b = IndikatorFactory(program=program, kode="P1.I1", uraian="DUKUNGAN  Kewaspadaan Dini.")
    TargetFactory(indikator=b, jenis="renja", nilai=D("35"))
    RealisasiFactory(indikator=b, triwulan=0, nilai=D("4"))
    # Same name, same values: silent.
    c = IndikatorFactory(sasaran=sasaran, kode="S1.I2", uraian="Rekomendasi surat keterangan")
    TargetFactory(indikator=c, jenis="pk_murni", nilai=D("20"))
    d = IndikatorFactory(program=program, kode="P1.I2", uraian="Rekomendasi Surat Keterangan")
    TargetFactory(indikator=d, jenis="renja", nilai=D("20"))

    (m,) = masalah(pd, v.KODE_FAKTA_GANDA_BERBEDA)
    assert (m.tingkat, m.objek.pk) == (v.PERINGATAN, b.pk)
    assert m.pesan == (
        'Indikator S1.I1 dan P1.I1 bernama sama ("DUKUNGAN Kewaspadaan Dini.") tetapi target '
        "2023 berbeda: 30 (PK) dan 35 (Renja)."
    )


# --- E11: output against spending --------------------------------------------------------------


def test_output_without_spending_and_spending_without_output(rencana):
    pd, _sasaran, program, sub = rencana
    PaguFactory(sub_kegiatan=sub, perubahan=D("700800"))
    RealisasiAnggaranFactory(sub_kegiatan=sub, triwulan=4, jumlah=D("0"))
    keluaran = IndikatorFactory(sub_kegiatan=sub, kode="K1", satuan="paket")
    TargetFactory(indikator=keluaran, jenis="renja", nilai=D("1"))
    RealisasiFactory(indikator=keluaran, triwulan=0, nilai=D("1"))

    belanja = SubKegiatanFactory(kegiatan=sub.kegiatan, kode="8.01.01.2.06.05")
    PaguFactory(sub_kegiatan=belanja, perubahan=D("35059800"))
    RealisasiAnggaranFactory(sub_kegiatan=belanja, triwulan=4, jumlah=D("34981200"))
    tanpa = IndikatorFactory(sub_kegiatan=belanja, kode="K2", satuan="paket")
    TargetFactory(indikator=tanpa, jenis="renja", nilai=D("2"))
    RealisasiFactory(indikator=tanpa, triwulan=0, nilai=D("0"))

    # Both spent and realised: silent.
    baik = SubKegiatanFactory(kegiatan=sub.kegiatan, kode="8.01.01.2.06.06")
    PaguFactory(sub_kegiatan=baik, perubahan=D("1000"))
    RealisasiAnggaranFactory(sub_kegiatan=baik, triwulan=4, jumlah=D("900"))
    ok = IndikatorFactory(sub_kegiatan=baik, kode="K3", satuan="dokumen")
    TargetFactory(indikator=ok, jenis="renja", nilai=D("12"))
    RealisasiFactory(indikator=ok, triwulan=0, nilai=D("12"))

    (m,) = masalah(pd, v.KODE_KELUARAN_TANPA_BELANJA)
    assert (m.objek.model, m.objek.pk) == ("renstra.subkegiatan", sub.pk)
    assert m.pesan == (
        "Sub-kegiatan 8.01.01.2.06.01: keluaran terealisasi (K1 = 1) padahal realisasi "
        "anggarannya Rp 0 dari pagu Rp 700.800."
    )
    (m,) = masalah(pd, v.KODE_BELANJA_TANPA_KELUARAN)
    assert m.objek.pk == belanja.pk
    assert m.pesan == (
        "Sub-kegiatan 8.01.01.2.06.05: anggaran terealisasi Rp 34.981.200 dari pagu "
        "Rp 35.059.800, tetapi tidak satu pun keluarannya terealisasi (K2 = 0)."
    )


# --- R-MISSING: a PK row without a target ----------------------------------------------------


def test_pk_row_without_target(rencana):
    pd, sasaran, *_ = rencana
    ind = IndikatorFactory(sasaran=sasaran, kode="P1.K2.S3.I1", satuan="laporan")
    pk = PerjanjianKinerjaFactory(perangkat_daerah=pd, tahun=2023, versi="perubahan")
    baris = PKIndikatorFactory(
        perjanjian=pk, indikator=ind, uraian=ind.uraian, nilai=None, target_sebelum=D("18")
    )
    PKIndikatorFactory(perjanjian=pk, indikator=ind, uraian=ind.uraian, nilai=D("18"))
    depan = PerjanjianKinerjaFactory(perangkat_daerah=pd, tahun=2024)
    PKIndikatorFactory(perjanjian=depan, uraian="Jumlah laporan monitoring", nilai=None)

    pertama, kedua = masalah(pd, v.KODE_PK_TARGET_KOSONG)
    assert (pertama.tingkat, pertama.objek.model, pertama.objek.pk) == (
        v.ERROR,
        "kinerja.pkindikator",
        baris.pk,
    )
    assert pertama.pesan.startswith("Indikator P1.K2.S3.I1 pada PK Perubahan 2023 (")
    assert pertama.pesan.endswith("belum memiliki target; target sebelum perubahan 18.")
    # The next year's PK does not gate the year: a warning, the row named by its text.
    assert kedua.tingkat == v.PERINGATAN
    assert kedua.pesan.startswith('Indikator "Jumlah laporan monitoring" pada PK Murni 2024')


# --- R-CAT (audit): a target copied from a result known afterwards ---------------------------


def test_target_equal_to_a_later_known_sakip_score(rencana):
    pd, sasaran, *_ = rencana
    EvaluasiSakip.objects.create(perangkat_daerah=pd, tahun_dinilai=2022, nilai=D("73.80"))
    salin = IndikatorFactory(sasaran=sasaran, kode="P1.I1", satuan="nilai")
    TargetFactory(indikator=salin, jenis="renja", nilai=D("73.80"))
    RealisasiFactory(indikator=salin, triwulan=0, nilai=D("73.80"))
    # A round target equal to its result, or a score target that was not reached: silent.
    bulat = IndikatorFactory(sasaran=sasaran, kode="P1.I2")
    TargetFactory(indikator=bulat, jenis="renja", nilai=D("100"))
    RealisasiFactory(indikator=bulat, triwulan=0, nilai=D("100"))
    lain = IndikatorFactory(sasaran=sasaran, kode="P1.I3", satuan="nilai")
    TargetFactory(indikator=lain, jenis="renja", nilai=D("73.80"))
    RealisasiFactory(indikator=lain, triwulan=0, nilai=D("70.10"))

    (m,) = masalah(pd, v.KODE_TARGET_SAMA_HASIL_EVALUASI)
    assert m.objek.pk == salin.pk
    assert m.pesan == (
        "Target Renja 2023 indikator P1.I1 (73,80) sama persis dengan realisasinya, yaitu nilai "
        "evaluasi SAKIP tahun 2022 (73,80) yang baru diketahui setelah target ditetapkan; "
        "periksa apakah target diisi dari hasil (audit)."
    )


# --- DOMAIN §9: the Renstra end target and the IKU in the PK -----------------------------------


def test_kondisi_akhir_differs_from_the_target_of_the_last_year(rencana):
    pd, sasaran, *_ = rencana
    beda = IndikatorFactory(sasaran=sasaran, kode="S1.I1", kondisi_akhir="85")
    TargetFactory(indikator=beda, tahun=2026, jenis="renstra", nilai=D("82"))
    sama = IndikatorFactory(sasaran=sasaran, kode="S1.I2", kondisi_akhir="100")
    TargetFactory(indikator=sama, tahun=2026, jenis="renstra", nilai=D("100"))
    huruf = IndikatorFactory(
        sasaran=sasaran, kode="S1.I3", jenis_nilai="predikat", kondisi_akhir="A"
    )
    TargetFactory(indikator=huruf, tahun=2026, jenis="renstra", nilai=None, predikat="A")

    (m,) = masalah(pd, v.KODE_KONDISI_AKHIR_BERBEDA)
    assert (m.tingkat, m.objek.pk) == (v.PERINGATAN, beda.pk)
    assert m.pesan == (
        "Kondisi akhir Renstra indikator S1.I1 (85) berbeda dari target Renstra tahun 2026 (82), "
        "tahun terakhir periode: keduanya target akhir yang sama."
    )


def test_iku_without_a_pk_record(rencana):
    pd, sasaran, *_ = rencana
    tanpa = IndikatorFactory(sasaran=sasaran, kode="S1.I1", iku=True, sumber_data="BPS")
    TargetFactory(indikator=tanpa, jenis="renja", nilai=D("80"))
    dengan_target = IndikatorFactory(sasaran=sasaran, kode="S1.I2", iku=True, sumber_data="BPS")
    TargetFactory(indikator=dengan_target, jenis="pk_murni", nilai=D("80"))
    dengan_baris = IndikatorFactory(sasaran=sasaran, kode="S1.I3", iku=True, sumber_data="BPS")
    pk = PerjanjianKinerjaFactory(perangkat_daerah=pd, tahun=2023)
    PKIndikatorFactory(perjanjian=pk, indikator=dengan_baris, nilai=D("80"))
    IndikatorFactory(sasaran=sasaran, kode="S1.I4", iku=False)

    (m,) = masalah(pd, v.KODE_IKU_TANPA_PK)
    assert m.objek.pk == tanpa.pk
    assert m.pesan == (
        "Indikator kinerja utama S1.I1 tidak ada dalam Perjanjian Kinerja 2023 (tidak ada baris "
        "PK maupun target PK untuk tahun ini)."
    )
