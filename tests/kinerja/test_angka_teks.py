"""One reading for every number written as text (issue 14, defect 2): "1.500" is 1500 in
the kondisi akhir exactly as in the realisation form."""

from decimal import Decimal

import pytest

from common.formatting import PESAN_BUKAN_ANGKA, parse_angka_teks
from common.forms import AngkaField
from kinerja import validasi as v
from kinerja.selectors import SUMBER_KONDISI_AKHIR, perbandingan_tahun
from renstra.models import Indikator
from tests.factories import (
    IndikatorFactory,
    RealisasiFactory,
    RenstraFactory,
    SasaranFactory,
    TargetFactory,
)

D = Decimal


@pytest.mark.parametrize(
    "teks, harapan",
    [
        ("1.500", D("1500")),
        ("1.234.567", D("1234567")),
        ("1.234,5", D("1234.5")),
        ("7,8", D("7.8")),
        ("21.3", D("21.3")),
        ("0.5", D("0.5")),
        ("80%", D("80")),
        ("  ", None),
    ],
)
def test_free_text_numbers_read_the_indonesian_way(teks, harapan):
    assert parse_angka_teks(teks) == harapan


def test_free_text_that_is_no_number_is_refused():
    with pytest.raises(ValueError, match=PESAN_BUKAN_ANGKA):
        parse_angka_teks("200 orang")


def test_kondisi_akhir_1500_is_read_as_the_realisation_form_reads_it(db):
    sasaran = SasaranFactory(renstra=RenstraFactory(tahun_awal=2022, tahun_akhir=2026))
    ind = IndikatorFactory(sasaran=sasaran, kode="X", satuan="orang", kondisi_akhir="1.500")
    TargetFactory(indikator=ind, tahun=2023, jenis="pk_murni", nilai=D("1000"))
    RealisasiFactory(indikator=ind, tahun=2023, nilai=D("750"))

    (row,) = perbandingan_tahun(pd=sasaran.renstra.perangkat_daerah, tahun=2023, jumlah_tahun=1)

    assert row.sumber_target_akhir == SUMBER_KONDISI_AKHIR
    assert row.target_akhir == AngkaField(required=False).clean("1.500") == D("1500")
    assert row.capaian_akhir.nilai == D("50")


def test_dataset_kondisi_reads_the_same_once_stored(balangan):
    """Balangan S2.I1 has kondisi_akhir "21.3" (plain notation) in its dataset: unambiguous,
    kept as given; a plain "1.500" (1,5) would read 1500 the Indonesian way, so the loader
    stores it as "1,5"; the exporter writes both back in plain notation."""
    from pertukaran.tulis_rencana import _teks_nilai

    ind = Indikator.objects.get(perangkat_daerah=balangan, kode="S2.I1")
    assert ind.kondisi_akhir == "21.3"
    assert parse_angka_teks(ind.kondisi_akhir) == D("21.3")
    assert _teks_nilai("1.500") == "1,5"
    assert parse_angka_teks(_teks_nilai("1.500")) == D("1.5")
    assert _teks_nilai(1500) == "1500"
    assert _teks_nilai("BB") == "BB"


def test_printed_table_cell_1000_is_one_thousand():
    assert v._angka_sel("1.000 Org") == D("1000")
    assert v._angka_sel("10.53") == D("10.53")
