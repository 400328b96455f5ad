"""Periksa laporan: printed values kept from a dataset, and every difference with the
product's numbers (seed reports and a small hand-written report)."""

import copy
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from periksa.models import NilaiTercetak
from periksa.selectors import (
    JENIS_CAPAIAN,
    JENIS_JUMLAH,
    JENIS_RATA_RATA,
    periksa_laporan,
)
from pertukaran.ekspor import ekspor_dataset
from pertukaran.impor import muat
from renstra.models import PerangkatDaerah

D = Decimal


def temuan(hasil, **syarat):
    return [t for t in hasil.temuan if all(getattr(t, k) == v for k, v in syarat.items())]


def _ind(kode, uraian, target, realisasi, tercetak):
    return {
        "kode": kode,
        "uraian": uraian,
        "satuan": "orang",
        "iku": True,
        "jenis_nilai": "angka",
        "polaritas": "positif",
        "cara_agregasi": "kumulatif",
        "target": {"renstra": {"2023": target}},
        "realisasi": {"2023": {"tahunan": realisasi}},
        "tercetak": tercetak,
    }


def laporan_uji() -> dict:
    """A hand-made report: one right and one wrong number of each kind."""
    return {
        "format": "sakip-dataset/1",
        "laporan": {"jenis": "LKjIP", "tahun": 2023, "judul_tercetak": "LKJIP TAHUN 2022"},
        "pemda": {"nama": "Kabupaten Periksa", "jenis": "kabupaten"},
        "perangkat_daerah": {"slug": "uji-periksa", "nama": "Badan Periksa"},
        "unit_kerja": [{"kode": "badan", "nama": "Badan", "induk": None}],
        "pejabat": [{"nip": "197001012000011009", "nama": "KEPALA", "jabatan": "Kepala"}],
        "renstra": {"periode": [2022, 2026]},
        "tujuan": [],
        "sasaran": [
            {
                "kode": "S1",
                "uraian": "Sasaran satu",
                "indikator": [
                    _ind("S1.I1", "Peserta A", "200", "130", {"2023": {"capaian": "89%"}}),
                    _ind("S1.I2", "Peserta B", "80", "100", {"2023": {"capaian": "125,00"}}),
                ],
                "tercetak": {"2023": {"tabel_5": {"rata_rata_capaian": "190,00"}}},
            }
        ],
        "program": [
            {
                "kode": "P1",
                "nama": "Program satu",
                "sasaran": ["S1"],
                "indikator": [],
                "kegiatan": [
                    {
                        "kode": "P1.K1",
                        "nama": "Kegiatan satu",
                        "indikator": [],
                        "sub_kegiatan": [
                            {
                                "kode": "P1.K1.S1",
                                "nama": "Sub satu",
                                "indikator": [],
                                "pagu": {"2023": {"murni": None, "perubahan": "987143000"}},
                                "realisasi_anggaran_tahunan": {"2023": "972205748"},
                                "tercetak": {"2023": {"persen": "92.66"}},
                            },
                            {
                                "kode": "P1.K1.S2",
                                "nama": "Sub dua",
                                "indikator": [],
                                "pagu": {"2023": {"murni": None, "perubahan": "200"}},
                                "realisasi_anggaran_tahunan": {"2023": "150"},
                                "tercetak": {"2023": {"persen": "75,00"}},
                            },
                        ],
                    }
                ],
            }
        ],
        "tercetak": {"2023": {"rata_rata_capaian": "95,00%"}},
        "sdm": [
            {
                "judul": "Tabel 1.1 Pegawai",
                "kolom": ["NO", "PENDIDIKAN", "PNS", "PPPK", "JUMLAH"],
                "baris": [
                    ["1.", "S-1", "3", "2", "7"],
                    ["2.", "S-2", "1", "1", "2"],
                    ["", "JUMLAH", "4", "3", "9"],
                ],
            },
            {
                "judul": "Tabel 1.2 Ringkas",
                "kolom": ["URAIAN", "JUMLAH"],
                "baris": [["JUMLAH", "38"]],
            },
        ],
    }


@pytest.fixture
def uji(db):
    muat(laporan_uji())
    return PerangkatDaerah.objects.get(slug="uji-periksa")


# --- Loading and export -------------------------------------------------------------------


def test_loader_keeps_every_printed_value_with_its_year_and_place(uji):
    rows = {r.kunci: r for r in NilaiTercetak.objects.filter(perangkat_daerah=uji)}
    assert rows["2023.capaian"].nilai in ("89%", "125,00")
    rata = rows["2023.tabel_5.rata_rata_capaian"]
    assert (rata.tahun, rata.tahun_laporan, rata.tempat, rata.nilai) == (
        2023,
        2023,
        "Tabel 5",
        "190,00",
    )
    (judul,) = NilaiTercetak.objects.filter(perangkat_daerah=uji, sumber="laporan.judul_tercetak")
    assert (judul.kunci, judul.nilai, judul.medan) == (
        "",
        "LKJIP TAHUN 2022",
        "laporan.judul_tercetak",
    )


def test_second_load_changes_nothing_and_a_changed_value_is_updated(uji):
    assert not muat(laporan_uji()).ada_perubahan
    data = laporan_uji()
    data["sasaran"][0]["indikator"][0]["tercetak"]["2023"]["capaian"] = "65%"
    del data["tercetak"]
    hasil = muat(data)
    assert (hasil.diperbarui["nilai tercetak"], hasil.dihapus["nilai tercetak"]) == (1, 1)
    kunci = NilaiTercetak.objects.filter(perangkat_daerah=uji).values_list("kunci", "nilai")
    assert ("2023.capaian", "65%") in list(kunci)
    assert "2023.rata_rata_capaian" not in {k for k, _n in kunci}


def test_export_gives_back_what_the_report_printed(uji):
    data = ekspor_dataset(pd=uji)
    asli = laporan_uji()
    assert data["sasaran"][0]["indikator"][0]["tercetak"] == {"2023": {"capaian": "89%"}}
    assert data["sasaran"][0]["tercetak"] == asli["sasaran"][0]["tercetak"]
    assert data["tercetak"] == asli["tercetak"]
    assert data["laporan"]["judul_tercetak"] == "LKJIP TAHUN 2022"
    sub = data["program"][0]["kegiatan"][0]["sub_kegiatan"][0]
    assert sub["tercetak"] == {"2023": {"persen": "92.66"}}


@pytest.mark.parametrize("slug", ["kesbangpol-paser", "kesbangpol-balangan"])
def test_demo_export_keeps_every_printed_value(db, slug):
    pd = PerangkatDaerah.objects.get(slug=slug)
    from pertukaran.tercetak import baris_tercetak

    with open(f"fixtures/demo/{slug}.json", encoding="utf-8") as f:
        asli = json.load(f)
    harapan = {
        (json.dumps(lok), s, json.dumps(j), json.dumps(v))
        for lok, _o, s, j, v in baris_tercetak(asli)
    }
    ekspor = {
        (json.dumps(lok), s, json.dumps(j), json.dumps(v))
        for lok, _o, s, j, v in baris_tercetak(ekspor_dataset(pd=pd))
    }
    assert ekspor == harapan


# --- The checker on a hand-made report ------------------------------------------------------


def test_wrong_capaian_shows_the_correct_value_and_its_arithmetic(uji):
    hasil = periksa_laporan(pd=uji, tahun=2023)
    (t,) = temuan(hasil, jenis=JENIS_CAPAIAN)
    assert (t.objek.label, t.tercetak, t.benar, t.hitungan) == (
        "S1.I1 Peserta A",
        "89%",
        "65,00%",
        "130 / 200 × 100 = 65",
    )


def test_average_printed_as_a_sum_names_the_cause(uji):
    hasil = periksa_laporan(pd=uji, tahun=2023)
    sasaran = temuan(hasil, jenis=JENIS_RATA_RATA, tempat="Tabel 5")
    (t,) = sasaran
    assert (t.tercetak, t.benar) == ("190,00", "95,00%")
    assert t.hitungan == "(65 + 125) / 2 = 95"
    assert t.sebab == ("rata-rata dicetak sebagai jumlah: 65 + 125 = 190",)
    # The PD average (95) is printed right: no difference.
    assert not temuan(
        hasil,
        jenis=JENIS_RATA_RATA,
        objek=t.objek.__class__("renstra.perangkatdaerah", uji.pk, str(uji)),
    )


def test_budget_percentage_staffing_row_and_year_label(uji):
    hasil = periksa_laporan(pd=uji, tahun=2023)
    (persen,) = temuan(hasil, jenis="persen_anggaran")
    assert (persen.tercetak, persen.benar, persen.hitungan) == (
        "92.66",
        "98,49%",
        "972.205.748 / 987.143.000 × 100 = 98,49",
    )
    # Row S-1 prints 7 for 3 + 2; the grand total 9 follows the wrong row (4 + 3 = 7).
    tabel = temuan(hasil, jenis=JENIS_JUMLAH)
    assert [(t.tempat, t.medan, t.tercetak, t.benar, t.hitungan) for t in tabel] == [
        ("Tabel 1.1 Pegawai", "Baris S-1, kolom JUMLAH", "7", "5", "3 + 2 = 5"),
        ("Tabel 1.1 Pegawai", "Baris JUMLAH, kolom JUMLAH", "9", "7", "5 + 2 = 7"),
    ]
    (tahun,) = temuan(hasil, jenis="label_tahun")
    assert (tahun.tercetak, tahun.benar) == ("LKJIP TAHUN 2022", "Tahun 2023")
    # Right values are counted as checked, not reported.
    assert (hasil.jumlah_temuan, hasil.jumlah_sesuai) == (6, hasil.jumlah_diperiksa - 6)


def test_a_report_printed_right_has_no_difference(db):
    data = laporan_uji()
    data["perangkat_daerah"]["slug"] = "uji-periksa-benar"
    data["laporan"]["judul_tercetak"] = "LKJIP TAHUN 2023"
    data["sasaran"][0]["indikator"][0]["tercetak"]["2023"]["capaian"] = "65%"
    data["sasaran"][0]["tercetak"]["2023"]["tabel_5"]["rata_rata_capaian"] = "95"
    data["program"][0]["kegiatan"][0]["sub_kegiatan"][0]["tercetak"]["2023"]["persen"] = "98,49"
    data["sdm"][0]["baris"][0][4] = "5"
    data["sdm"][0]["baris"][2][4] = "7"
    muat(data)
    hasil = periksa_laporan(pd=PerangkatDaerah.objects.get(slug="uji-periksa-benar"), tahun=2023)
    assert hasil.temuan == ()
    assert hasil.jumlah_diperiksa >= 8


def _salin_tercetak(asal_pd, pd) -> None:
    """Copy the printed values of `asal_pd`'s indicators and sasaran to every copy of them
    in `pd` (a plan made by perbesar_rencana, codes "S1.I1#n")."""
    from django.contrib.contenttypes.models import ContentType

    from renstra.models import Indikator, Sasaran

    baru = []
    for model, milik in ((Indikator, "perangkat_daerah"), (Sasaran, "renstra__perangkat_daerah")):
        ct = ContentType.objects.get_for_model(model)
        kode = {o.pk: o.kode for o in model.objects.filter(**{milik: asal_pd})}
        salinan = {}
        for o in model.objects.filter(**{milik: pd}):
            salinan.setdefault(o.kode.split("#")[0], []).append(o.pk)
        for r in NilaiTercetak.objects.filter(perangkat_daerah=asal_pd, content_type=ct):
            for pk in salinan.get(kode.get(r.object_id), []):
                r2 = copy.copy(r)
                r2.pk, r2.perangkat_daerah, r2.object_id = None, pd, pk
                baru.append(r2)
    NilaiTercetak.objects.bulk_create(baru)


# Printed values (1); indicators, targets, quarterly targets, realisations (4) and the scale
# (1); the pengukuran of 2023 for the averages (7, the scale included) with the indicators'
# sasaran (1); the staffing tables (1) and again to compare them with each other (1); the
# Renja form for the printed Lampiran III columns (14) and the Renstra targets (1); the
# 2022 capaian reuse the indicator load.
JUMLAH_QUERY_PERIKSA = 32


def test_query_count_does_not_grow_with_the_plan(paser, paser_x5, django_assert_num_queries):
    from tests.factories import perbesar_rencana

    paser_x1 = perbesar_rencana(paser, kali=1)
    _salin_tercetak(paser, paser_x1)
    _salin_tercetak(paser, paser_x5)
    with django_assert_num_queries(JUMLAH_QUERY_PERIKSA):
        kecil = periksa_laporan(pd=paser_x1, tahun=2023)
    with django_assert_num_queries(JUMLAH_QUERY_PERIKSA):
        besar = periksa_laporan(pd=paser_x5, tahun=2023)
    assert besar.jumlah_tercetak == 5 * kecil.jumlah_tercetak > 500
    assert besar.jumlah_diperiksa == 5 * kecil.jumlah_diperiksa


# --- The seed reports (Done-when of issue 11) -------------------------------------------------


def test_paser_averages_98_18_and_189_34_with_the_correct_values(paser):
    hasil = periksa_laporan(pd=paser, tahun=2023)
    rata = {t.tercetak: t for t in temuan(hasil, jenis=JENIS_RATA_RATA)}
    assert (rata["98,18"].benar, rata["98,18"].tempat) == ("106,56%", "Tabel 7")
    assert rata["98,18"].hitungan == "(89,34 + 100 + 125 + 125 + 100 + 100) / 6 = 106,56"
    assert (rata["189,34 %"].benar, rata["189,34 %"].tempat) == ("89,34%", "Tabel 8")
    assert rata["189,34 %"].sebab == ("rata-rata dicetak sebagai jumlah: 89,34 + 100 = 189,34",)


def test_kalteng_89_percent_for_130_of_200(db):
    hasil = periksa_laporan(pd=PerangkatDaerah.objects.get(slug="kesbangpol-kalteng"), tahun=2023)
    (t,) = temuan(hasil, jenis=JENIS_CAPAIAN)
    assert (t.tercetak, t.benar, t.hitungan) == ("89%", "65,00%", "130 / 200 × 100 = 65")


def test_balangan_staffing_table_row_sum(balangan):
    hasil = periksa_laporan(pd=balangan, tahun=2023)
    tabel = [t for t in hasil.temuan if t.tempat.startswith("Tabel 1.2")]
    assert [
        (t.medan, t.tercetak, t.benar, t.hitungan) for t in tabel if t.medan[:5] == "Baris"
    ] == [("Baris S-1, kolom JUMLAH", "15", "10", "3 + 5 + 2 = 10")]
    # Tabel 1.2 counts 6 staf and 18 PNS where Tabel 1.1 counts 7 and 19 (seed 001, S1-11).
    antar = [(t.medan, t.tercetak, t.benar) for t in tabel if t.medan[:5] != "Baris"]
    assert antar == [
        ("Jumlah pegawai Pelaksana", "6", "7 (Tabel 1.1)"),
        ("Jumlah PNS", "1 + 4 + 2 + 5 + 6 = 18", "19 (Tabel 1.1)"),
    ]
    # Tabel 1.1 and 1.3 add up; the grand total 18 is right once S-1 is 10.
    assert not [t for t in hasil.temuan if t.tempat.startswith(("Tabel 1.1", "Tabel 1.3"))]


def test_table_with_only_a_total_row_is_not_summed(uji):
    hasil = periksa_laporan(pd=uji, tahun=2023)
    assert not [t for t in hasil.temuan if t.tempat == "Tabel 1.2 Ringkas"]


# --- Command ------------------------------------------------------------------------------


def test_command_lists_the_differences_and_exits_1(paser, capsys):
    with pytest.raises(SystemExit) as keluar:
        call_command("periksa", pd="kesbangpol-paser", tahun=2023)
    assert keluar.value.code == 1
    teks = capsys.readouterr().out
    assert "tercetak: 98,18; seharusnya: 106,56%" in teks
    assert "tercetak: 189,34 %; seharusnya: 89,34%" in teks


def test_command_json(db, capsys):
    with pytest.raises(SystemExit):
        call_command("periksa", pd="kesbangpol-kalteng", tahun=2023, format="json")
    data = json.loads(capsys.readouterr().out)
    (t,) = [t for b in data["bagian"] for t in b["temuan"] if t["jenis"] == "capaian"]
    assert (t["tercetak"], t["nilai_seharusnya"], t["perhitungan"]) == (
        "89%",
        "65",
        "130 / 200 × 100 = 65",
    )


def test_command_exits_0_without_differences(db, capsys):
    call_command("periksa", pd="kesbangpol-kalteng", tahun=2021)
    assert "Tidak ada perbedaan" in capsys.readouterr().out


def test_command_unknown_pd(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("periksa", pd="tidak-ada", tahun=2023)


# --- Web ----------------------------------------------------------------------------------


URL = "/pd/kesbangpol-paser/laporan/periksa/2023/"


@pytest.mark.parametrize(
    ("nama", "status"),
    [("operator", 200), ("kepala", 200), ("perencana", 200), ("luar", 404)],
)
def test_page_access(client, persona, nama, status):
    client.force_login(persona(nama))
    assert client.get(URL).status_code == status


def test_reviewer_sees_only_assigned_years(client, inspektorat, paser):
    from laporan.models import PenugasanReviu

    client.force_login(inspektorat)
    assert client.get(URL).status_code == 404
    PenugasanReviu.objects.create(reviewer=inspektorat, perangkat_daerah=paser, tahun=2023)
    assert client.get(URL).status_code == 200


def test_page_pdf_and_xlsx_show_the_same_differences(client, kepala):
    client.force_login(kepala)
    html = client.get(URL).content.decode()
    assert "98,18" in html and "106,56%" in html and "Tabel 8" in html
    assert reverse("laporan:periksa", kwargs={"pd": "kesbangpol-paser", "tahun": 2023}) == URL

    pdf = client.get(URL + "pdf/")
    assert pdf.content[:4] == b"%PDF"
    from tests.laporan.conftest import teks_pdf

    teks = "\n".join(teks_pdf(pdf.content))
    assert "189,34" in teks and "89,34%" in teks

    import io

    from openpyxl import load_workbook

    xlsx = client.get(URL + "xlsx/")
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    baris = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[4] == "98,18"]
    (r,) = baris
    assert (
        r[0] == "Tabel 7"
        and r[5] == pytest.approx(98.18)
        and r[7] == pytest.approx(106.5566, abs=1e-3)
    )
    assert isinstance(r[5], (int, float))


def test_index_links_to_the_checker(client, kepala):
    client.force_login(kepala)
    html = client.get("/pd/kesbangpol-paser/laporan/").content.decode()
    assert 'href="/pd/kesbangpol-paser/laporan/periksa/2023/"' in html


def _varian(slug: str) -> dict:
    data = laporan_uji()
    data["perangkat_daerah"]["slug"] = slug
    return data


def test_target_printed_without_realisation_is_reported_as_missing(db):
    data = _varian("uji-periksa-kosong")
    ind = _ind(
        "S1.I3",
        "Peserta C",
        "80",
        None,
        {"2023": {"target": "80%", "realisasi": None, "capaian": None}},
    )
    del ind["realisasi"]
    data["sasaran"][0]["indikator"].append(ind)
    muat(data)
    hasil = periksa_laporan(pd=PerangkatDaerah.objects.get(slug="uji-periksa-kosong"), tahun=2023)
    (t,) = temuan(hasil, jenis="tidak_dicetak")
    assert (t.objek.label, t.benar, t.sebab) == (
        "S1.I3 Peserta C",
        "belum ada data",
        ("target dicetak tanpa realisasi: data realisasi belum ada",),
    )


def test_budget_printed_per_sasaran_is_the_sum_of_its_programs(db):
    data = _varian("uji-periksa-sasaran")
    data["sasaran"][0]["tercetak"]["2023"]["anggaran_tabel_9"] = {
        "target": "987.143.000",
        "realisasi": "972.205.898",
        "persen": "98,49",
    }
    muat(data)
    hasil = periksa_laporan(pd=PerangkatDaerah.objects.get(slug="uji-periksa-sasaran"), tahun=2023)
    (t,) = [t for t in hasil.temuan if t.tempat == "Tabel 9"]
    assert (t.medan, t.tercetak, t.benar, t.hitungan) == (
        "Pagu 2023",
        "987.143.000",
        "Rp 987.143.200",
        "jumlah program sasaran ini (P1): Rp 987.143.200",
    )


def test_balangan_page_and_command_show_the_staffing_table_sum(client, luar, capsys):
    client.force_login(luar)  # an operator of Balangan
    html = client.get("/pd/kesbangpol-balangan/laporan/periksa/2023/").content.decode()
    assert "Baris S-1, kolom JUMLAH" in html and "3 + 5 + 2 = 10" in html
    with pytest.raises(SystemExit):
        call_command("periksa", pd="kesbangpol-balangan", tahun=2023)
    assert "tercetak: 15; seharusnya: 10" in capsys.readouterr().out


def test_same_report_under_another_pd_keeps_both_pds_printed_values(paser):
    """Officials are shared by NIP across PD: the printed values of the same object in two
    PDs' reports are two facts, not one (the copy used to fail on the unique key)."""
    import json
    from pathlib import Path

    from periksa.models import NilaiTercetak

    data = json.loads(Path("fixtures/demo/kesbangpol-paser.json").read_text())
    data["perangkat_daerah"]["slug"] = "kesbangpol-paser-salinan"
    data["perangkat_daerah"]["nama"] += " (salinan)"
    sebelum = NilaiTercetak.objects.filter(perangkat_daerah=paser).count()
    muat(data)
    salinan = PerangkatDaerah.objects.get(slug="kesbangpol-paser-salinan")
    assert NilaiTercetak.objects.filter(perangkat_daerah=paser).count() == sebelum
    assert NilaiTercetak.objects.filter(perangkat_daerah=salinan).count() == sebelum
