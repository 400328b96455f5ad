"""The report checker on the values issue 11 left: % efisien, the Renja form's Renstra
columns (Lampiran III 6/7/14/15), the numbers in sentences (headline, change from last
year, count per band, rupiah notation) and staffing tables that disagree — each a case that
must fire and one that must not, on a small hand-made report."""

from decimal import Decimal

import pytest

from periksa.selectors import periksa_laporan
from pertukaran.impor import muat
from renstra.models import PerangkatDaerah
from tests.periksa.test_periksa import laporan_uji

D = Decimal


def _periksa(data):
    muat(data)
    pd = PerangkatDaerah.objects.get(slug=data["perangkat_daerah"]["slug"])
    return periksa_laporan(pd=pd, tahun=2023)


def _dengan(medan_awal: str, hasil):
    return [t for t in hasil.temuan if t.medan.startswith(medan_awal)]


def _data(slug: str) -> dict:
    data = laporan_uji()
    data["perangkat_daerah"]["slug"] = slug
    return data


# --- % efisien ------------------------------------------------------------------------------


def test_percent_efisien_is_recomputed_and_traced_to_the_printed_percentage(db):
    data = _data("uji-efisien")
    subs = data["program"][0]["kegiatan"][0]["sub_kegiatan"]
    subs[0]["tercetak"]["2023"]["efisiensi"] = {
        "persen_realisasi": "92.66",
        "persen_efisien": "7.34",
    }
    subs[1]["tercetak"]["2023"]["efisiensi"] = {"persen_realisasi": "75", "persen_efisien": "25,00"}
    hasil = _periksa(data)
    (t,) = _dengan("Persentase sisa anggaran (efisiensi)", hasil)
    assert (t.objek.label, t.tercetak, t.benar) == ("P1.K1.S1 Sub satu", "7.34", "1,51%")
    assert t.hitungan == "(987.143.000 − 972.205.748) / 987.143.000 × 100 = 1,51"
    assert t.sebab == (
        "dihitung dari angka tercetak yang berbeda dari data: "
        "100 − 92,66 (persentase realisasi tercetak) = 7,34",
    )


# --- Lampiran III: Renstra columns ---------------------------------------------------------


def _renja(slug: str, tercetak: dict, *, renstra=None, realisasi_2022="90") -> dict:
    data = _data(slug)
    data["program"][0]["indikator"] = [
        {
            "kode": "P1.I1",
            "uraian": "Persentase layanan tuntas",
            "satuan": "%",
            "iku": False,
            "jenis_nilai": "angka",
            "polaritas": "positif",
            "cara_agregasi": "posisi_akhir",
            "target": {
                "renstra": renstra or {str(t): "100" for t in range(2022, 2027)},
                "renja": {"2023": "100"},
            },
            "realisasi": {
                "2022": {"tahunan": realisasi_2022},
                "2023": {"tahunan": "100", "triwulan": ["25", "50", "75", "100"]},
            },
            "tercetak": {"2023": tercetak},
        }
    ]
    return data


def test_renja_renstra_columns_level_indicator_summed_over_years(db):
    hasil = _periksa(
        _renja(
            "uji-renja",
            {
                "renstra_akhir_periode_k": "500",
                "realisasi_renstra_sd_2022_k": "0",
                "realisasi_renstra_sd_2023_k": "100",
                "capaian_renstra_k": "20",
            },
        )
    )
    kolom = {t.medan.split(" ")[1]: t for t in _dengan("Kolom ", hasil)}
    assert sorted(kolom) == ["15", "6", "7"]  # col 14 (100, the latest) is right
    enam, tujuh, lima_belas = kolom["6"], kolom["7"], kolom["15"]
    assert (enam.tempat, enam.tercetak, enam.benar) == ("Lampiran III", "500", "100")
    assert enam.sebab == (
        "target tahunan dijumlahkan (100 + 100 + 100 + 100 + 100 = 500) padahal indikator tidak "
        "kumulatif: target akhir periode adalah target tahun terakhir",
    )
    assert (tujuh.medan, tujuh.tercetak, tujuh.benar) == (
        "Kolom 7 realisasi Renstra s.d. 2022",
        "0",
        "90",
    )
    assert tujuh.sebab == (
        "realisasi tahun-tahun sebelumnya dicetak 0 padahal tercatat (s.d. 2022: 90)",
    )
    assert (lima_belas.tercetak, lima_belas.benar, lima_belas.hitungan) == (
        "20",
        "100,00%",
        "100 / 100 × 100 = 100",
    )
    assert lima_belas.sebab == (
        "dihitung dari angka tercetak yang berbeda dari data: 100 / 500 × 100 = 20",
    )


def test_renja_columns_printed_right_and_division_by_zero(db):
    benar = _periksa(
        _renja(
            "uji-renja-benar",
            {
                "renstra_akhir_periode_k": "100",
                "realisasi_renstra_sd_2022_k": "90",
                "realisasi_renstra_sd_2023_k": "100",
                "capaian_renstra_k": "100",
            },
        )
    )
    assert _dengan("Kolom ", benar) == []
    nol = _periksa(
        _renja(
            "uji-renja-nol",
            {
                "renstra_akhir_periode_k": "0",
                "realisasi_renstra_sd_2023_k": "10",
                "capaian_renstra_k": "10",
            },
        )
    )
    (t,) = [t for t in _dengan("Kolom 15", nol)]
    assert (t.tercetak, t.benar, t.hitungan) == (
        "10",
        "tidak dapat dihitung (kolom 6 = 0)",
        "10 / 0: pembagian dengan nol",
    )


def test_renja_columns_without_the_previous_years_are_not_recomputed(db):
    # No 2022 realisation recorded and none printed as 0 in col 7: col 14 cannot be redone.
    data = _renja(
        "uji-renja-tanpa-2022",
        {"realisasi_renstra_sd_2022_k": "5", "realisasi_renstra_sd_2023_k": "105"},
    )
    del data["program"][0]["indikator"][0]["realisasi"]["2022"]
    assert _dengan("Kolom ", _periksa(data)) == []


# --- Sentences ------------------------------------------------------------------------------


def _kalimat(slug: str, **teks) -> dict:
    data = _data(slug)
    data["tercetak"] = {"2022": {"rata_rata_capaian": "90,00%"}, "2023": {**teks}}
    return data


def test_headline_sentence_average_budget_and_missing_number(db):
    hasil = _periksa(
        _kalimat(
            "uji-kalimat",
            ikhtisar="kriteria 'Sangat Berhasil', yaitu sebesar 98,49 %",
            bab_iv="Sangat Berhasil, yaitu sebesar .% dengan realisasi anggaran sebesar 98,49%",
        )
    )
    ikhtisar, bab_iv = _dengan("Angka dalam kalimat", hasil)
    assert (ikhtisar.medan, ikhtisar.benar, ikhtisar.hitungan) == (
        "Angka dalam kalimat (ikhtisar)",
        "95,00%",
        "(95) / 1 = 95",
    )
    assert ikhtisar.sebab == (
        "persentase realisasi anggaran (98,49%) dicetak sebagai capaian kinerja",
    )
    assert (bab_iv.benar, bab_iv.hitungan) == (
        "angka tidak tercetak",
        'kalimat mencetak "sebesar .%" tanpa angka; seharusnya 95,00%',
    )
    # The budget share in the same sentence is right: no difference for it.
    assert not _dengan("Persentase realisasi anggaran dalam kalimat", hasil)


def test_headline_sentence_printed_right(db):
    hasil = _periksa(
        _kalimat(
            "uji-kalimat-benar",
            ikhtisar="capaian kinerja yaitu sebesar 95 %",
            bab_iv="Berhasil, yaitu sebesar 95,00% dengan realisasi anggaran sebesar 98,49%",
            bab_i="pegawai berpendidikan S-1 sebesar 40%",  # not a capaian: not compared
        )
    )
    assert hasil.jumlah_diperiksa >= 3
    assert _dengan("Angka dalam kalimat", hasil) == []
    assert _dengan("Persentase realisasi anggaran dalam kalimat", hasil) == []


def test_change_from_last_year_in_points_printed_as_percent(db):
    hasil = _periksa(_kalimat("uji-naik", peningkatan_dari_2022="naik sebesar 5% dari tahun 2022"))
    (t,) = _dengan("Perubahan rata-rata capaian 2022–2023", hasil)
    assert t.benar == "5 poin persentase (relatif 5,56%)"
    assert t.hitungan == (
        "95 − 90 = 5 poin; (95 − 90) / 90 × 100 = 5,56% "
        "(rata-rata 2022 seperti tercetak: data 2022 belum lengkap)"
    )
    assert t.sebab == (
        "selisih dalam poin persentase dicetak sebagai persen (5 poin = kenaikan relatif 5,56%)",
    )


@pytest.mark.parametrize("teks", ["naik sebesar 5,56% dari tahun 2022", "naik 5 poin dari 2022"])
def test_change_printed_right_relative_or_in_points(db, teks):
    hasil = _periksa(_kalimat("uji-naik-benar", kenaikan_dari_2022=teks))
    assert _dengan("Perubahan rata-rata", hasil) == []


def test_count_of_indicators_in_a_printed_band(db):
    salah = _periksa(
        _kalimat("uji-pita", a1="Memuaskan (capaian diatas 90%-100%) sebanyak 2 indikator")
    )
    (t,) = _dengan("Jumlah indikator dengan capaian", salah)
    assert (t.tercetak, t.benar, t.nilai_benar) == (
        "Memuaskan (capaian diatas 90%-100%) sebanyak 2 indikator",
        "0 indikator",
        D(0),
    )
    assert t.sebab == (
        "semua 2 indikator dihitung, termasuk yang di luar rentang: S1.I1 65; S1.I2 125",
    )
    benar = _periksa(
        _kalimat("uji-pita-benar", a1="Sangat tinggi (capaian 100%-150%) sebanyak 1 indikator")
    )
    assert _dengan("Jumlah indikator dengan capaian", benar) == []


def test_rupiah_with_a_broken_ending(db):
    hasil = _periksa(
        _kalimat(
            "uji-rupiah", pagu_perubahan="Rp. 1.187.143.200,-,-", pagu_murni="Rp 987.143.200,-"
        )
    )
    (t,) = [t for t in hasil.temuan if t.jenis == "format_angka"]
    assert (t.medan, t.tercetak) == ("Penulisan angka (pagu_perubahan)", "Rp. 1.187.143.200,-,-")


# --- Staffing tables against each other ----------------------------------------------------


def _sdm(slug: str, staf_b: str, jumlah_b: str) -> dict:
    data = _data(slug)
    data["sdm"] = [
        {
            "judul": "Tabel 1.1 Pegawai menurut jabatan",
            "kolom": ["NO", "URAIAN JABATAN", "JUMLAH"],
            "baris": [
                ["1.", "Eselon II", "1"],
                ["2.", "Eselon III", "2"],
                ["3.", "Staf", "5"],
                ["4.", "Non PNS", "3"],
                ["", "JUMLAH", "11"],
            ],
        },
        {
            "judul": "Tabel 1.2 Pegawai menurut pendidikan",
            "kolom": ["NO", "PENDIDIKAN", "Es. II", "Es. III", "STAF", "JUMLAH"],
            "baris": [
                ["1.", "S-1", "1", "2", staf_b, jumlah_b],
                ["", "JUMLAH", "1", "2", staf_b, jumlah_b],
            ],
        },
    ]
    return data


def test_two_staffing_tables_counting_the_same_staff_differently(db):
    hasil = _periksa(_sdm("uji-sdm", "4", "7"))
    beda = [t for t in hasil.temuan if t.kunci == "sdm" and t.medan.startswith("Jumlah p")]
    beda += [t for t in hasil.temuan if t.medan == "Jumlah PNS"]
    assert [(t.tempat, t.medan, t.tercetak, t.benar) for t in beda] == [
        ("Tabel 1.2 Pegawai menurut pendidikan", "Jumlah pegawai Pelaksana", "4", "5 (Tabel 1.1)"),
        ("Tabel 1.2 Pegawai menurut pendidikan", "Jumlah PNS", "1 + 2 + 4 = 7", "8 (Tabel 1.1)"),
    ]
    assert beda[1].hitungan == "Tabel 1.1 Pegawai menurut jabatan: 1 + 2 + 5 = 8"


def test_two_staffing_tables_that_agree(db):
    hasil = _periksa(_sdm("uji-sdm-sama", "5", "8"))
    assert not [t for t in hasil.temuan if t.medan in ("Jumlah PNS", "Jumlah pegawai Pelaksana")]
