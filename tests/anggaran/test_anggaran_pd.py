"""The agency's stated budget total beside the computed sum (issue 14 point 8).

Balangan 2023 states pagu 33.138.442.066 and realisasi 32.113.042.961 (Tabel 3.12, Renja
Perubahan) while its program tree holds only five of its six programs: the LKjIP prints the
stated total after the computed JUMLAH, the difference, a note, and the narrative headline
uses the stated total; the validation reports the difference. Without a stated total
everything prints as before.
"""

import copy
import html
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib import admin

from anggaran.models import AnggaranPerangkatDaerah
from anggaran.selectors import anggaran_pd
from common.admin import AuditedAdmin
from common.formatting import format_angka, format_persen, format_rupiah
from common.models import AuditLog
from kinerja.validasi import validasi_pd
from kinerja.validasi.anggaran import (
    KODE_REALISASI_MELEBIHI_PAGU,
    KODE_TOTAL_PD_BERBEDA,
    cek_total_pd,
)
from laporan.dokumen.lkjip_anggaran import (
    tabel_belanja,
    tabel_program_anggaran,
    tabel_realisasi_anggaran,
)
from laporan.selectors import data_lkjip, nilai_placeholder
from pertukaran.buku_kerja import baca_buku_kerja
from pertukaran.ekspor import ekspor_dataset
from pertukaran.ekspor_buku import buku_kerja_dari_dataset
from pertukaran.impor import DatasetTidakValid, Masalah, muat, validasi
from pertukaran.skema import PESAN_DESIMAL, PESAN_NEGATIF, PESAN_TAHUN_ANGGARAN_PD_GANDA
from renstra.models import PerangkatDaerah

D = Decimal
DEMO = Path(__file__).resolve().parents[2] / "fixtures" / "demo"
PAGU_PD = D("33138442066")
REALISASI_PD = D("32113042961")
LABEL_PD = (
    "Anggaran perangkat daerah (sebagaimana dinyatakan: Renja Perubahan, Tabel 3.12 LKjIP "
    "2023 (pagu murni: Bab II.B))"
)


def baca(nama: str) -> dict:
    return json.loads((DEMO / nama).read_text(encoding="utf-8"))


def teks_baris(tabel):
    return {b.kunci: [s.teks for s in b.sel] for b in tabel.baris}


@pytest.fixture
def lkjip_balangan(balangan):
    return data_lkjip(pd=balangan, tahun=2023)


# --- Selector --------------------------------------------------------------------------------


def test_stated_total_of_balangan_2023(balangan, django_assert_num_queries):
    with django_assert_num_queries(1):
        total = anggaran_pd(pd=balangan, tahun=2023)
    assert (total.pagu_murni, total.pagu, total.realisasi) == (
        D("12851552134"),
        PAGU_PD,
        REALISASI_PD,
    )
    # Recomputed from the stated amounts: 96,91%, not the printed 94,70.
    assert format_persen(total.persen) == "96,91%"
    assert anggaran_pd(pd=balangan, tahun=2022) is None


def test_kalteng_states_no_total(db):
    kalteng = PerangkatDaerah.objects.get(slug="kesbangpol-kalteng")
    assert anggaran_pd(pd=kalteng, tahun=2023) is None


# --- Printing --------------------------------------------------------------------------------


def test_budget_realisation_table_prints_the_stated_total_beside_the_sum(lkjip_balangan):
    data = lkjip_balangan
    sum_pagu, sum_real = data.anggaran.pagu, data.anggaran.realisasi
    assert sum_pagu != PAGU_PD and sum_real != REALISASI_PD
    tabel = tabel_realisasi_anggaran(data)
    baris = teks_baris(tabel)
    kunci = [b.kunci for b in tabel.baris]
    assert kunci[-3:] == ["jumlah", "anggaran-pd", "selisih-pd"]
    assert baris["jumlah"][1:3] == [format_angka(sum_pagu, 0), format_angka(sum_real, 0)]
    assert baris["anggaran-pd"] == [
        LABEL_PD,
        "33.138.442.066",
        "32.113.042.961",
        "96,91%",
        "1.025.399.105",
    ]
    assert baris["selisih-pd"][:3] == [
        "Selisih (dinyatakan − jumlah program)",
        format_angka(PAGU_PD - sum_pagu, 0),
        format_angka(REALISASI_PD - sum_real, 0),
    ]
    (catatan,) = [c for c in tabel.catatan if "sebagaimana dinyatakan" in c]
    assert "pagu Rp 33.138.442.066, realisasi Rp 32.113.042.961" in catatan
    assert f"pagu {format_rupiah(sum_pagu)}, realisasi {format_rupiah(sum_real)}" in catatan
    assert f"selisih pagu {format_rupiah(PAGU_PD - sum_pagu)}" in catatan


def test_bab_ii_program_table_prints_the_stated_pagu(lkjip_balangan):
    data = lkjip_balangan
    tabel = tabel_program_anggaran(data)
    baris = teks_baris(tabel)
    assert [b.kunci for b in tabel.baris][-3:] == ["jumlah", "anggaran-pd", "selisih-pd"]
    assert baris["anggaran-pd"] == ["", LABEL_PD, "33.138.442.066"]
    assert baris["selisih-pd"][2] == format_angka(PAGU_PD - data.anggaran.pagu, 0)
    (catatan,) = [c for c in tabel.catatan if "sebagaimana dinyatakan" in c]
    assert "(Rp 33.138.442.066)" in catatan
    assert f"({format_rupiah(data.anggaran.pagu)})" in catatan


def test_jenis_belanja_note_also_compares_with_the_stated_total(lkjip_balangan):
    tabel = tabel_belanja(lkjip_balangan)
    # Tabel 3.12: the four pagu rows sum to 12.851.552.134 (murni), realisasi 40.121.785.262.
    (catatan,) = [c for c in tabel.catatan if "sebagaimana dinyatakan" in c]
    assert "anggaran Rp 12.851.552.134, realisasi Rp 40.121.785.262" in catatan
    assert "(pagu Rp 33.138.442.066, realisasi Rp 32.113.042.961)" in catatan
    assert "selisih anggaran -Rp 20.286.889.932, realisasi Rp 8.008.742.301" in catatan


def test_narrative_headline_uses_the_stated_total(lkjip_balangan):
    nilai = nilai_placeholder(lkjip_balangan)
    assert nilai["pagu_total"] == "Rp 33.138.442.066"
    assert nilai["realisasi_anggaran_total"] == "Rp 32.113.042.961"
    assert nilai["serapan_total"] == "96,91%"
    assert nilai["sisa_anggaran"] == "Rp 1.025.399.105"
    assert nilai["pagu_program"] == format_rupiah(lkjip_balangan.anggaran.pagu)
    assert nilai["realisasi_program"] == format_rupiah(lkjip_balangan.anggaran.realisasi)


def test_rendered_lkjip_of_balangan(balangan):
    """The printed Bab II, Bab III-B and narrative (the HTML the PDF prints)."""
    from laporan import cetak

    dokumen = cetak.susun(cetak.laporan_untuk(balangan, "lkjip", 2023))
    teks = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dokumen.isi)))
    assert (
        "Realisasi anggaran sebesar Rp 32.113.042.961 dari pagu Rp 33.138.442.066 atau 96,91%"
        in teks
    )
    assert (
        "Pagu anggaran Tahun 2023 sebesar Rp 33.138.442.066 terealisasi Rp 32.113.042.961" in teks
    )
    assert f"{LABEL_PD} 33.138.442.066 32.113.042.961 96,91% 1.025.399.105" in teks
    assert f"{LABEL_PD} 33.138.442.066 Selisih (dinyatakan − jumlah program)" in teks


def test_without_a_stated_total_nothing_changes(balangan):
    dengan = data_lkjip(pd=balangan, tahun=2023)
    AnggaranPerangkatDaerah.objects.filter(perangkat_daerah=balangan).delete()
    tanpa = data_lkjip(pd=balangan, tahun=2023)
    assert tanpa.anggaran_pd is None and not tanpa.anggaran_pd_berbeda
    for buat in (tabel_realisasi_anggaran, tabel_program_anggaran):
        t_dengan, t_tanpa = buat(dengan), buat(tanpa)
        assert t_tanpa.baris == tuple(
            b for b in t_dengan.baris if b.kunci not in ("anggaran-pd", "selisih-pd")
        )
        assert all("sebagaimana dinyatakan" not in c for c in t_tanpa.catatan)
    assert all("sebagaimana dinyatakan" not in c for c in tabel_belanja(tanpa).catatan)
    nilai = nilai_placeholder(tanpa)
    assert nilai["pagu_total"] == nilai["pagu_program"] == format_rupiah(tanpa.anggaran.pagu)
    assert nilai["serapan_total"] == format_persen(tanpa.anggaran.persen)
    assert not [m for m in validasi_pd(pd=balangan, tahun=2023) if m.kode == KODE_TOTAL_PD_BERBEDA]


def test_equal_stated_total_prints_no_difference_row(balangan):
    data = data_lkjip(pd=balangan, tahun=2023)
    AnggaranPerangkatDaerah.objects.filter(perangkat_daerah=balangan).update(
        pagu=data.anggaran.pagu, realisasi=data.anggaran.realisasi
    )
    data = data_lkjip(pd=balangan, tahun=2023)
    tabel = tabel_realisasi_anggaran(data)
    assert [b.kunci for b in tabel.baris][-2:] == ["jumlah", "anggaran-pd"]
    assert not [c for c in tabel.catatan if "sebagaimana dinyatakan" in c]
    assert not [m for m in validasi_pd(pd=balangan, tahun=2023) if m.kode == KODE_TOTAL_PD_BERBEDA]


# --- Validation ------------------------------------------------------------------------------


def test_validation_lists_the_differing_total(balangan):
    rekap = data_lkjip(pd=balangan, tahun=2023).anggaran
    masalah = [m for m in validasi_pd(pd=balangan, tahun=2023) if m.kode == KODE_TOTAL_PD_BERBEDA]
    assert [m.tingkat for m in masalah] == ["peringatan", "peringatan"]
    pagu, real = masalah
    assert pagu.objek.model == "anggaran.anggaranperangkatdaerah"
    assert pagu.pesan == (
        "Pagu perangkat daerah yang dinyatakan (Renja Perubahan, Tabel 3.12 LKjIP 2023 (pagu "
        f"murni: Bab II.B)) (Rp 33.138.442.066) berbeda dari jumlah pagu program/kegiatan/"
        f"sub-kegiatan yang tercatat ({format_rupiah(rekap.pagu)}); selisih "
        f"{format_rupiah(PAGU_PD - rekap.pagu)} (dinyatakan lebih besar). Laporan mencetak "
        "keduanya."
    )
    assert "Realisasi anggaran perangkat daerah yang dinyatakan" in real.pesan
    assert "(Rp 32.113.042.961)" in real.pesan
    assert format_rupiah(rekap.realisasi) in real.pesan


def test_stated_realisasi_above_stated_pagu_is_an_error(balangan):
    from anggaran.selectors import rekap_anggaran

    AnggaranPerangkatDaerah.objects.filter(perangkat_daerah=balangan).update(
        realisasi=D("40000000000")
    )
    total = anggaran_pd(pd=balangan, tahun=2023)
    masalah = list(cek_total_pd(total, rekap_anggaran(pd=balangan, tahun=2023)))
    (m,) = [m for m in masalah if m.kode == KODE_REALISASI_MELEBIHI_PAGU]
    assert m.tingkat == "error"
    assert "(Rp 40.000.000.000) melebihi pagunya (Rp 33.138.442.066): 120,71%." in m.pesan


# --- Data: admin, dataset validation, load, export ------------------------------------------


def test_admin_is_the_audited_admin():
    assert isinstance(admin.site._registry[AnggaranPerangkatDaerah], AuditedAdmin)


def test_load_writes_an_audit_entry(balangan):
    from django.contrib.contenttypes.models import ContentType

    jenis = ContentType.objects.get_for_model(AnggaranPerangkatDaerah)
    entri = AuditLog.objects.get(content_type=jenis, perangkat_daerah=balangan)
    assert entri.aksi == "dataset.buat"
    assert entri.perubahan["pagu"] == [None, "33138442066"]


@pytest.mark.parametrize(
    ("isi", "path", "pesan"),
    [
        ({"pagu": "-1"}, "$.anggaran_pd[0].pagu", PESAN_NEGATIF),
        (
            {"realisasi": "tiga puluh"},
            "$.anggaran_pd[0].realisasi",
            PESAN_DESIMAL.format(nilai='"tiga puluh"'),
        ),
        (
            {"pagu_murni": "12.851.552.134"},
            "$.anggaran_pd[0].pagu_murni",
            PESAN_DESIMAL.format(nilai='"12.851.552.134"'),
        ),
        (
            {"tahun": "2023"},
            "$.anggaran_pd[0].tahun",
            'Tahun "2023" harus berupa bilangan bulat empat digit, mis. 2023.',
        ),
    ],
    ids=["negatif", "teks", "ribuan", "tahun"],
)
def test_bad_dataset_input_gives_a_message_and_loads_nothing(balangan, isi, path, pesan):
    data = baca("kesbangpol-balangan.json")
    data["anggaran_pd"][0].update(isi)
    sebelum = list(AnggaranPerangkatDaerah.objects.values_list("pk", "pagu", "realisasi"))
    assert Masalah(path, pesan) in validasi(data)
    with pytest.raises(DatasetTidakValid):
        muat(data)
    assert list(AnggaranPerangkatDaerah.objects.values_list("pk", "pagu", "realisasi")) == sebelum


def test_duplicate_year_is_refused():
    data = baca("kesbangpol-balangan.json")
    data["anggaran_pd"].append(copy.deepcopy(data["anggaran_pd"][0]))
    assert Masalah(
        "$.anggaran_pd[1]",
        PESAN_TAHUN_ANGGARAN_PD_GANDA.format(kode='"2023"', lain="$.anggaran_pd[0]"),
    ) in validasi(data)


def test_import_then_export_gives_the_same_rows(db):
    for nama, slug in (
        ("kesbangpol-balangan.json", "kesbangpol-balangan"),
        ("kesbangpol-paser.json", "kesbangpol-paser"),
        ("kesbangpol-palangkaraya.json", "kesbangpol-palangkaraya"),
    ):
        berkas = baca(nama)
        data = ekspor_dataset(pd=PerangkatDaerah.objects.get(slug=slug))
        assert data["anggaran_pd"] == berkas["anggaran_pd"], nama


def test_edited_total_is_exported_and_loaded_back(balangan):
    AnggaranPerangkatDaerah.objects.filter(perangkat_daerah=balangan).update(pagu=D("1.5"))
    data = ekspor_dataset(pd=balangan)
    assert data["anggaran_pd"][0]["pagu"] == "1.5"
    data["anggaran_pd"][0]["pagu"] = "33138442066"
    hasil = muat(data)
    assert hasil.diperbarui["anggaran perangkat daerah"] == 1
    assert anggaran_pd(pd=balangan, tahun=2023).pagu == PAGU_PD


def test_workbook_round_trip(db):
    data = baca("kesbangpol-balangan.json")
    isi = buku_kerja_dari_dataset(data)
    hasil = baca_buku_kerja(io.BytesIO(isi))
    assert hasil.data["anggaran_pd"] == data["anggaran_pd"]
