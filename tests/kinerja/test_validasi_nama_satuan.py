"""The rule table of indicator names and fitting units (kinerja/validasi/nama_satuan.py), and
the rule on a generated plan and PK."""

from decimal import Decimal

import pytest

from kinerja import validasi as v
from kinerja.validasi.nama_satuan import (
    ATURAN_NAMA_SATUAN,
    BENDA,
    DOKUMEN,
    KEGIATAN,
    ORANG,
    PERSEN,
    WILAYAH,
    aturan_untuk,
    jenis_satuan,
    satuan_tidak_sesuai,
)
from tests.factories import (
    IndikatorFactory,
    PerjanjianKinerjaFactory,
    PKIndikatorFactory,
    RenstraFactory,
    SasaranFactory,
)


@pytest.mark.parametrize(
    ("satuan", "jenis"),
    [
        ("%", PERSEN),
        ("Persen", PERSEN),
        ("Orang / Tahun", ORANG),
        ("orang/bulan", ORANG),
        ("Org.", ORANG),
        ("Dokumen", DOKUMEN),
        ("Laporan", DOKUMEN),
        ("Paket", BENDA),
        ("Unit", BENDA),
        ("Kegiatan", KEGIATAN),
        ("kali", KEGIATAN),
        ("Kecamatan", WILAYAH),
        ("unsur", None),
        ("OP", None),
        ("", None),
    ],
)
def test_unit_kinds(satuan, jenis):
    assert jenis_satuan(satuan) == jenis


@pytest.mark.parametrize(
    ("uraian", "satuan", "melanggar"),
    [
        # A share measured in documents or people.
        ("Persentase penurunan konflik yang berbau sara", "Dokumen", True),
        ("Presentase kebijakan yang ditindaklanjuti", "Orang", True),
        ("Persentase Daerah Rawan Konflik yang Terpetakan", "%", False),
        # A count of people measured in documents or reports.
        ("Jumlah Peserta Pelatihan Bela Negara", "Dokumen", True),
        ("Jumlah orang yang mengikuti koordinasi di bidang ketahanan", "Laporan", True),
        ("Jumlah orang yang menerima gaji dan tunjangan ASN", "orang/bulan", False),
        ("Jumlah Anggota FPK yang mengikuti koordinasi", "Orang", False),
        # A count of documents measured in %.
        ("Jumlah Dokumen Perencanaan, Penganggaran, dan Evaluasi Kinerja", "%", True),
        ("Jumlah dokumen evaluasi kinerja perangkat daerah", "Laporan", False),
        # A count of events measured in districts; reports of events fit.
        ("Jumlah Pelaksanaan koordinasi kewaspadaan dini", "Kecamatan", True),
        ("Jumlah rapat koordinasi di Bidang Kewaspadaan Dini", "kegiatan", False),
        ("Jumlah pelaksanaan monitoring", "Laporan", False),
        ("Jumlah paket bahan cetakan", "Dokumen", True),
        ("Jumlah paket peralatan dan perlengkapan", "Paket", False),
        # A unit the table does not know is never judged, nor a name it has no row for.
        ("Jumlah Orang yang Mengikuti Koordinasi di Bidang Ideologi", "unsur", False),
        ("Terlaksananya kebijakan teknis di bidang pendidikan politik", "Kecamatan", False),
        ("Indeks Kepuasan Masyarakat", "Dokumen", False),
    ],
)
def test_rule_table(uraian, satuan, melanggar):
    assert (satuan_tidak_sesuai(uraian, satuan) is not None) is melanggar


def test_every_row_of_the_table_names_known_unit_kinds():
    for aturan in ATURAN_NAMA_SATUAN:
        assert aturan.sesuai and aturan.sesuai <= {PERSEN, ORANG, DOKUMEN, BENDA, KEGIATAN}
    assert aturan_untuk("  JUMLAH   PESERTA bimtek") is not None


@pytest.fixture
def sasaran(db):
    return SasaranFactory(renstra=RenstraFactory(tahun_awal=2022, tahun_akhir=2026))


def test_indicator_and_pk_row_with_a_unit_that_does_not_fit_the_name(sasaran):
    pd = sasaran.renstra.perangkat_daerah
    ind = IndikatorFactory(
        sasaran=sasaran,
        kode="S1.I1",
        uraian="Jumlah Peserta Pelatihan Bela Negara",
        satuan="Dokumen",
    )
    cocok = IndikatorFactory(
        sasaran=sasaran, kode="S1.I2", uraian="Jumlah peserta sosialisasi", satuan="Orang"
    )
    pk = PerjanjianKinerjaFactory(perangkat_daerah=pd, tahun=2024)
    PKIndikatorFactory(
        perjanjian=pk,
        indikator=cocok,
        uraian="Jumlah orang yang mengikuti koordinasi",
        satuan="Laporan",
        nilai=Decimal("4"),
    )

    masalah = [m for m in v.validasi_pd(pd=pd, tahun=2023) if m.kode == v.KODE_SATUAN_TIDAK_SESUAI]

    assert [(m.tingkat, m.objek.model) for m in masalah] == [
        (v.PERINGATAN, "renstra.indikator"),
        (v.PERINGATAN, "kinerja.pkindikator"),
    ]
    assert masalah[0].objek.pk == ind.pk
    assert masalah[0].pesan == (
        'Indikator S1.I1 "Jumlah Peserta Pelatihan Bela Negara" diukur dalam satuan "Dokumen" '
        "(jumlah dokumen), padahal namanya menyatakan jumlah orang: satuan yang sesuai misalnya "
        "orang, peserta, jiwa."
    )
    assert "PK 2024" in masalah[1].objek.label
    assert '"Laporan"' in masalah[1].pesan and "S1.I2" in masalah[1].pesan


def test_fitting_units_raise_nothing(sasaran):
    pd = sasaran.renstra.perangkat_daerah
    IndikatorFactory(sasaran=sasaran, uraian="Persentase ormas yang aktif", satuan="%")
    IndikatorFactory(sasaran=sasaran, uraian="Jumlah laporan monitoring", satuan="Laporan")
    pk = PerjanjianKinerjaFactory(perangkat_daerah=pd, tahun=2023)
    PKIndikatorFactory(perjanjian=pk, uraian="Jumlah peserta bimtek", satuan="Orang")
    # A PK of another year than the year and the next is not read.
    lama = PerjanjianKinerjaFactory(perangkat_daerah=pd, tahun=2021)
    PKIndikatorFactory(perjanjian=lama, uraian="Jumlah peserta bimtek", satuan="Dokumen")

    kode = {m.kode for m in v.validasi_pd(pd=pd, tahun=2023)}
    assert v.KODE_SATUAN_TIDAK_SESUAI not in kode
