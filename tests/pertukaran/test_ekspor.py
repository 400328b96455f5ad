"""pertukaran/ekspor.py and `manage.py ekspor_dataset`: the exporter is the loader's inverse.

The session conftest has loaded the four demo files, so exporting a demo PD and loading the
result must change nothing; loading it into a new PD and exporting that must give the same
file back.
"""

import json
import re
from collections import Counter
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from anggaran.models import Pagu, RealisasiAnggaran
from common.models import AuditLog
from kinerja.models import PerjanjianKinerja, PKAnggaran, Realisasi, StatusRealisasi
from pertukaran.ekspor import (
    PESAN_CATATAN_KONDISI,
    PESAN_CATATAN_PK_TANPA_PIHAK,
    PESAN_CATATAN_REALISASI_ANGGARAN_BELUM_DISETUJUI,
    PESAN_CATATAN_REALISASI_BELUM_DISETUJUI,
    PESAN_CATATAN_RENSTRA_LAIN,
    SUMBER,
    angka,
    ekspor_dataset,
)
from pertukaran.impor import AKSI_BUAT, AKSI_HAPUS, AKSI_UBAH, muat, muat_berkas, validasi
from pertukaran.management.commands.ekspor_dataset import PESAN_PD_TIDAK_ADA
from renstra.models import Indikator, PerangkatDaerah, PeriodeRenstra, Program
from tests.factories import perbesar_rencana

DEMO_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "demo"
SLUG_DEMO = [
    "kesbangpol-paser",
    "kesbangpol-balangan",
    "kesbangpol-kalteng",
    "kesbangpol-palangkaraya",
]

# One query per model read (PD with its pemda, units, officials, Renstra, misi, tujuan,
# sasaran, programs, program-sasaran links, kegiatan, sub-kegiatan, indicators, targets,
# quarterly targets, rencana aksi, realisations, pagu, realisasi anggaran, PK, PK indicators,
# PK budget rows, jenis belanja, the agency's stated budget totals, evaluasi SAKIP, sumber
# daya tables), whatever the size of the plan; and the printed values
# (periksa.NilaiTercetak); the LKjIP fact sections (`narasi`) and the newest report
# signature (`laporan`).
JUMLAH_QUERY = 28


def ambil_pd(slug: str) -> PerangkatDaerah:
    return PerangkatDaerah.objects.get(slug=slug)


def semua_indikator(data: dict) -> list[dict]:
    hasil = []
    for kelompok in ("tujuan", "sasaran"):
        for obj in data[kelompok]:
            hasil += obj["indikator"]
    for program in data["program"]:
        hasil += program["indikator"]
        for kegiatan in program["kegiatan"]:
            hasil += kegiatan["indikator"]
            for sub in kegiatan["sub_kegiatan"]:
                hasil += sub["indikator"]
    return hasil


def semua_simpul(data: dict) -> list[dict]:
    hasil = []
    for program in data["program"]:
        hasil.append(program)
        for kegiatan in program["kegiatan"]:
            hasil.append(kegiatan)
            hasil += kegiatan["sub_kegiatan"]
    return hasil


def cari_indikator(data: dict, kode: str) -> dict:
    return next(i for i in semua_indikator(data) if i["kode"] == kode)


def muat_tanpa_perubahan(data: dict):
    """Load `data` and assert it created, updated and deleted nothing (diffs in the message)."""
    id_terakhir = AuditLog.objects.order_by("-id").values_list("id", flat=True).first() or 0
    hasil = muat(data)
    perubahan = list(
        AuditLog.objects.filter(
            id__gt=id_terakhir, aksi__in=[AKSI_BUAT, AKSI_UBAH, AKSI_HAPUS]
        ).values_list("aksi", "perubahan")[:10]
    )
    assert +hasil.dibuat == Counter(), perubahan
    assert +hasil.diperbarui == Counter(), perubahan
    assert +hasil.dihapus == Counter(), perubahan
    return hasil


def salin_ke_pd_baru(data: dict, slug: str) -> dict:
    """`data` for another PD: a new slug, and NIPs changed (a NIP belongs to one official)."""
    teks = json.dumps(data, ensure_ascii=False)
    teks = re.sub(r'"1(\d{17})"', r'"9\1"', teks)
    salinan = json.loads(teks)
    salinan["perangkat_daerah"]["slug"] = slug
    return salinan


def tanpa_waktu(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "diekspor"}


def nilai_desimal(nilai, path="$"):
    """(path, string) of every string that looks like a number, for notation checks."""
    if isinstance(nilai, dict):
        for k, v in nilai.items():
            yield from nilai_desimal(v, f"{path}.{k}")
    elif isinstance(nilai, list):
        for i, v in enumerate(nilai):
            yield from nilai_desimal(v, f"{path}[{i}]")
    else:
        yield path, nilai


# --- Decimal notation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (Decimal("65.22"), "65.22"),
        (Decimal("65.2200"), "65.22"),
        (Decimal("100.0000"), "100"),
        (Decimal("32654909391.0000"), "32654909391"),
        (Decimal("1E+2"), "100"),
        (Decimal("0.0000"), "0"),
        (Decimal("-0.0000"), "0"),
        (Decimal("-1.5000"), "-1.5"),
        (Decimal("0.0001"), "0.0001"),
        (Decimal("9999999999999999.9999"), "9999999999999999.9999"),
        (None, None),
    ],
)
def test_decimal_in_plain_notation(nilai, teks):
    assert angka(nilai) == teks


# --- The demo PDs ---------------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUG_DEMO)
def test_export_of_demo_pd_is_valid(db, slug):
    data = ekspor_dataset(pd=ambil_pd(slug))
    assert validasi(data) == []
    assert data["format"] == "sakip-dataset/1"
    assert data["sumber"] == SUMBER
    assert data["perangkat_daerah"]["slug"] == slug


@pytest.mark.parametrize("slug", SLUG_DEMO)
def test_loading_the_export_changes_nothing(db, slug):
    pd = ambil_pd(slug)
    data = ekspor_dataset(pd=pd)
    hasil = muat_tanpa_perubahan(data)
    assert hasil.perangkat_daerah == pd
    assert hasil.tidak_berubah["indikator"] == Indikator.objects.filter(perangkat_daerah=pd).count()
    assert hasil.tidak_berubah["indikator"] == len(semua_indikator(data))


@pytest.mark.parametrize("slug", SLUG_DEMO)
def test_export_loaded_into_a_new_pd_exports_the_same_file(db, slug):
    # Everything the format carries survives a load into an empty PD.
    data = ekspor_dataset(pd=ambil_pd(slug))
    salinan = salin_ke_pd_baru(data, f"salinan-{slug}")
    muat(salinan)
    ulang = ekspor_dataset(pd=ambil_pd(f"salinan-{slug}"))
    assert tanpa_waktu(ulang) == tanpa_waktu(salinan)


@pytest.mark.parametrize("slug", SLUG_DEMO)
def test_export_has_no_float_and_no_exponent(db, slug):
    data = ekspor_dataset(pd=ambil_pd(slug))
    for path, nilai in nilai_desimal(data):
        assert not isinstance(nilai, float), path
        if "tercetak" in path:
            continue  # what the report printed, kept as raw text
        if isinstance(nilai, str) and re.fullmatch(r"-?[\d.]+[eE][-+]?\d+", nilai):
            pytest.fail(f"{path}: {nilai}")
        if isinstance(nilai, str) and re.fullmatch(r"-?\d+\.\d*0", nilai):
            pytest.fail(f"{path}: trailing zero in {nilai}")


def test_export_is_deterministic(paser):
    assert tanpa_waktu(ekspor_dataset(pd=paser)) == tanpa_waktu(ekspor_dataset(pd=paser))


def test_paser_export_keeps_the_report_values(paser):
    data = ekspor_dataset(pd=paser)
    s1 = cari_indikator(data, "S1.I1")
    assert s1["target"]["renstra"] == {
        "2022": "B",
        "2023": "B",
        "2024": "BB",
        "2025": "A",
        "2026": "A",
    }
    assert s1["target"]["pk_murni"] == {"2023": "73", "2024": "BB"}
    assert s1["kondisi_awal"] == "CC"
    assert s1["realisasi"]["2023"]["tahunan"] == "65.22"
    assert s1["realisasi"]["2023"]["triwulan"] == [None, None, None, "65.22"]
    assert s1["realisasi"]["2023"]["faktor_pendorong"].startswith("makin meningkatnya")
    assert s1["realisasi"]["2022"]["tahunan"] == "59.97"
    assert s1["rencana_aksi"]["2024"] == {"triwulan": [False] * 4, "uraian": None}
    sub = next(s for s in semua_simpul(data) if s["kode"] == "8.01.01.2.01.01")
    assert sub["pagu"] == {"2023": {"murni": None, "perubahan": "14300000"}}
    assert sub["realisasi_anggaran"] == {"2023": ["0", "2300000", "12000000", "0"]}
    assert data["rpjmd"]["periode"] == [2021, 2026]
    assert data["renstra"] == {"periode": [2022, 2026]}
    pk = data["perjanjian_kinerja"]
    assert len(pk) == 13
    assert all(p["pihak_pertama"] for p in pk)
    assert {p["tanggal"] for p in pk} >= {"2024-01"}


def test_balangan_exports_stored_codes_and_position_only_officials(balangan):
    data = ekspor_dataset(pd=balangan)
    kode_program = [p["kode"] for p in data["program"]]
    assert kode_program[0] == "8.01.01"
    # A sub-kegiatan without a Kepmendagri code keeps its local code.
    assert "P1.K1.S2" in {s["kode"] for s in semua_simpul(data)}
    tanpa_nip = [p for p in data["pejabat"] if p["nip"] is None]
    assert tanpa_nip and all(p["nama"] is None for p in tanpa_nip)
    sekretaris = next(p for p in data["perjanjian_kinerja"] if p["pihak_pertama"] is None)
    assert sekretaris["pihak_pertama_jabatan"] == "Sekretaris"
    kepala = data["perjanjian_kinerja"][0]
    assert kepala["pihak_pertama"] == "196704031994031015"
    assert kepala["versi"] == "perubahan"


# --- Edits show up --------------------------------------------------------------------------


def test_edited_values_show_up_in_the_export(paser):
    Realisasi.objects.filter(
        indikator__perangkat_daerah=paser, indikator__kode="S1.I1", tahun=2023, triwulan=4
    ).update(nilai=Decimal("66.5000"))
    sub = Program.objects.get(renstra__perangkat_daerah=paser, kode="8.01.01")
    pagu = Pagu.objects.get(
        sub_kegiatan__kegiatan__program=sub, sub_kegiatan__kode="8.01.01.2.01.01"
    )
    pagu.perubahan = Decimal("15000000.5000")
    pagu.save()

    data = ekspor_dataset(pd=paser)
    assert cari_indikator(data, "S1.I1")["realisasi"]["2023"]["triwulan"][3] == "66.5"
    node = next(s for s in semua_simpul(data) if s["kode"] == "8.01.01.2.01.01")
    assert node["pagu"]["2023"]["perubahan"] == "15000000.5"
    # The export matches the edited database; the demo file now differs from it by two rows.
    muat_tanpa_perubahan(data)
    hasil = muat_berkas(DEMO_DIR / "kesbangpol-paser.json", dry_run=True)
    assert +hasil.diperbarui == Counter({"realisasi": 1, "pagu": 1})


def test_draft_realisation_is_left_out_with_a_note(paser):
    indikator = Indikator.objects.get(perangkat_daerah=paser, kode="S2.I1")
    Realisasi.objects.create(
        indikator=indikator,
        tahun=2025,
        triwulan=1,
        nilai=Decimal("10"),
        status=StatusRealisasi.DRAFT,
    )
    data = ekspor_dataset(pd=paser)
    assert "2025" not in cari_indikator(data, "S2.I1")["realisasi"]
    assert data["catatan"] == [PESAN_CATATAN_REALISASI_BELUM_DISETUJUI.format(jumlah=1)]
    assert validasi(data) == []


def test_draft_budget_realisation_is_left_out_with_a_note(paser):
    from renstra.models import SubKegiatan

    sub = SubKegiatan.objects.get(
        kegiatan__program__renstra__perangkat_daerah=paser, kode="8.01.01.2.01.01"
    )
    RealisasiAnggaran.objects.create(
        sub_kegiatan=sub, tahun=2025, triwulan=1, jumlah=Decimal("10"), status="diajukan"
    )
    data = ekspor_dataset(pd=paser)
    simpul = next(s for s in semua_simpul(data) if s["kode"] == "8.01.01.2.01.01")
    assert simpul["realisasi_anggaran"] == {"2023": ["0", "2300000", "12000000", "0"]}
    assert data["catatan"] == [PESAN_CATATAN_REALISASI_ANGGARAN_BELUM_DISETUJUI.format(jumlah=1)]
    assert validasi(data) == []


# --- Fixed number of queries ----------------------------------------------------------------


def test_query_count_does_not_grow_with_the_plan(paser, django_assert_num_queries):
    besar = perbesar_rencana(paser, kali=5)
    with django_assert_num_queries(JUMLAH_QUERY):
        kecil = ekspor_dataset(pd=paser)
    with django_assert_num_queries(JUMLAH_QUERY):
        data = ekspor_dataset(pd=besar)
    assert len(semua_indikator(data)) == 5 * len(semua_indikator(kecil))
    assert len(data["program"]) == 5 * len(kecil["program"])
    assert validasi(data) == []


# --- A hand-written dataset with every shape the format has ---------------------------------


def dataset_tepi() -> dict:
    indikator = {
        "kode": "S1.I1",
        "uraian": "Indeks uji",
        "satuan": "nilai",
        "iku": True,
        "jenis_nilai": "rentang",
        "polaritas": "negatif",
        "cara_agregasi": "kumulatif",
        "formula": "A / B × 100",
        "definisi_operasional": "Definisi",
        "sumber_data": "BPS",
        "pembilang": "Jumlah A",
        "penyebut": "Jumlah B",
        "penanggung_jawab": "bidang-a",
        "kondisi_awal": "CC",
        "kondisi_akhir": "80.50",
        "target": {
            "renstra": {"2024": {"bawah": "80", "atas": "90.5"}, "2025": {"bawah": "85"}},
            "renja": {"2024": "85.25"},
            "pk_murni": {"2024": "BB"},
            "pk_perubahan": {},
            "triwulan": {"2024": ["25", None, "75", "100"], "2025": ["10", "20"]},
        },
        "rencana_aksi": {"2024": {"triwulan": [True, False, True], "uraian": "Rapat"}},
        "realisasi": {
            "2024": {
                "tahunan": "82.5",
                "triwulan": ["20", None, "70"],
                "pembilang": "33",
                "penyebut": "40",
                "faktor_pendorong": "Dukungan",
                "tindak_lanjut": "Lanjut",
            },
            "2023": {"triwulan": ["WTP", "60"], "faktor_penghambat": "Hambatan"},
            "2022": {"faktor_pendorong": "Hanya teks"},
        },
    }
    return {
        "format": "sakip-dataset/1",
        "pemda": {
            "nama": "Kabupaten Tepi",
            "jenis": "kabupaten",
            "kepala_daerah": {"nama": "Bupati Tepi", "jabatan": "Bupati Kabupaten Tepi"},
        },
        "perangkat_daerah": {
            "slug": "uji-tepi",
            "nama": "Badan Tepi",
            "singkatan": "Bt",
            "kota_ttd": "Kota Tepi",
        },
        "unit_kerja": [
            {"kode": "badan", "nama": "Badan", "induk": None},
            {"kode": "bidang-a", "nama": "Bidang A", "induk": "badan"},
        ],
        "pejabat": [
            {
                "nip": "197001012000011001",
                "nama": "KEPALA",
                "pangkat": "Pembina Utama Muda",
                "golongan": "IV/c",
                "jabatan": "Kepala Badan",
                "eselon": "II",
                "unit": "badan",
                "plt": True,
            },
            {
                "nip": None,
                "nama": None,
                "jabatan": "Kepala Bidang A",
                "unit": "bidang-a",
                "plt": "Plh.",
            },
            {"nip": None, "nama": "SITI", "jabatan": "Analis", "eselon": "JF", "plt": False},
        ],
        "rpjmd": {"periode": [2021, 2026], "visi": "Visi", "misi": ["Misi satu", "Misi dua"]},
        "renstra": {"periode": [2022, 2026]},
        "tujuan": [{"kode": "T1", "uraian": "Tujuan", "misi": 2, "indikator": []}],
        "sasaran": [
            {"kode": "S1", "tujuan": "T1", "uraian": "Sasaran", "indikator": [indikator]},
            {"kode": "S2", "tujuan": None, "uraian": "Sasaran dua", "indikator": []},
        ],
        "program": [
            {
                "kode": "P1",
                "kode_kepmendagri": "8.01.02",
                "nama": "Program uji",
                "sasaran": ["S2", "S1"],
                "unit": "bidang-a",
                "indikator": [],
                "pagu": {"2024": {"murni": "100", "perubahan": "120.50"}},
                "realisasi_anggaran": {"2024": ["10", None, "30"]},
                "realisasi_anggaran_tahunan": {"2024": "90"},
                "kegiatan": [
                    {
                        "kode": "P1.K1",
                        "kode_kepmendagri": "8.1.2.2.1",
                        "nama": "Kegiatan uji",
                        "sub_kegiatan": [
                            {
                                "kode": "8.01.02.2.01.L1",
                                "nama": "Sub lokal",
                                "pagu": {"2024": {"murni": "0", "perubahan": None}},
                                "realisasi_anggaran_tahunan": {"2024": "0.0001"},
                            },
                            {"kode": "8.01.02.02.01.0002", "nama": "Sub dua"},
                        ],
                    }
                ],
            }
        ],
        "perjanjian_kinerja": [
            {
                "tahun": 2024,
                "versi": "murni",
                "pihak_pertama": "197001012000011001",
                "pihak_kedua": {"nama": "Bupati Tepi", "jabatan": "Bupati", "nip": None},
                "tempat": "Kota Tepi",
                "tanggal": "2024-01-05",
                "indikator": [
                    {
                        "sasaran": "Sasaran",
                        "indikator": "S1.I1",
                        "uraian": "Indeks uji",
                        "target": {"bawah": "80", "atas": "90"},
                        "target_sebelum": "BB",
                    },
                    {"indikator": None, "uraian": "Tanpa pasangan", "target": "3"},
                ],
                "anggaran": [
                    {"tingkat": "program", "kode": "P1", "nama": "Program uji", "jumlah": "120.50"},
                    {
                        "tingkat": "sub_kegiatan",
                        "kode": "8.01.02.2.01.02",
                        "nama": "Sub dua",
                        "jumlah": "50",
                    },
                    {"tingkat": "kegiatan", "kode": "9.99.99.9.99", "nama": "Lain", "jumlah": None},
                ],
                "total_tercetak": "170.50",
            },
            {
                "tahun": 2024,
                "versi": "perubahan",
                "pihak_pertama": None,
                "pihak_pertama_jabatan": "Kepala Bidang A",
                "pihak_kedua": {
                    "nama": "KEPALA",
                    "jabatan": "Kepala Badan",
                    "nip": "197001012000011001",
                },
                "tanggal": "2024-07",
            },
            {"tahun": 2023, "pihak_pertama": "SITI", "pihak_pertama_jabatan": "Analis"},
        ],
        "anggaran_belanja": [
            {
                "tahun": 2024,
                "kelompok": "Belanja Operasi",
                "jenis": "Belanja Pegawai",
                "pagu": "10",
            },
            {"tahun": 2023, "kelompok": "Belanja Langsung", "jenis": None, "realisasi": "9.5"},
        ],
        "evaluasi_sakip": [
            {"tahun_dinilai": 2023, "nilai": "70.10", "predikat": "BB", "evaluator": "APIP"},
            {"tahun_dinilai": None, "nilai": None, "predikat": "B"},
        ],
    }


@pytest.fixture
def tepi(db):
    muat(dataset_tepi())
    return ambil_pd("uji-tepi")


def test_edge_dataset_export_is_valid_and_changes_nothing(tepi):
    data = ekspor_dataset(pd=tepi)
    assert validasi(data) == []
    muat_tanpa_perubahan(data)


def test_edge_dataset_survives_a_load_into_a_new_pd(tepi):
    data = ekspor_dataset(pd=tepi)
    salinan = salin_ke_pd_baru(data, "uji-tepi-salinan")
    muat(salinan)
    assert tanpa_waktu(ekspor_dataset(pd=ambil_pd("uji-tepi-salinan"))) == tanpa_waktu(salinan)


def test_edge_dataset_values(tepi):
    data = ekspor_dataset(pd=tepi)
    ind = cari_indikator(data, "S1.I1")
    assert ind["target"] == {
        "renstra": {"2024": {"bawah": "80", "atas": "90.5"}, "2025": {"bawah": "85", "atas": None}},
        "renja": {"2024": "85.25"},
        "pk_murni": {"2024": "BB"},
        "pk_perubahan": {},
        "triwulan": {"2024": ["25", None, "75", "100"], "2025": ["10", "20"]},
    }
    assert ind["kondisi_akhir"] == "80.50"  # stored text, written back verbatim
    assert ind["rencana_aksi"] == {
        "2024": {"triwulan": [True, False, True, False], "uraian": "Rapat"}
    }
    assert ind["realisasi"] == {
        "2022": {
            "tahunan": None,
            "triwulan": None,
            "pembilang": None,
            "penyebut": None,
            "faktor_pendorong": "Hanya teks",
            "faktor_penghambat": None,
            "tindak_lanjut": None,
        },
        # No yearly value: the texts sit on the last quarter with a value.
        "2023": {
            "tahunan": None,
            "triwulan": ["WTP", "60"],
            "pembilang": None,
            "penyebut": None,
            "faktor_pendorong": None,
            "faktor_penghambat": "Hambatan",
            "tindak_lanjut": None,
        },
        "2024": {
            "tahunan": "82.5",
            "triwulan": ["20", None, "70"],
            "pembilang": "33",
            "penyebut": "40",
            "faktor_pendorong": "Dukungan",
            "faktor_penghambat": None,
            "tindak_lanjut": "Lanjut",
        },
    }
    program = data["program"][0]
    # The PK budget row names the program "P1": exported as file code + Kepmendagri code.
    assert (program["kode"], program["kode_kepmendagri"]) == ("P1", "8.01.02")
    assert program["sasaran"] == ["S1", "S2"]
    assert program["pagu"] == {"2024": {"murni": "100", "perubahan": "120.5"}}
    assert program["realisasi_anggaran"] == {"2024": ["10", None, "30"]}
    assert program["realisasi_anggaran_tahunan"] == {"2024": "90"}
    kegiatan = program["kegiatan"][0]
    assert kegiatan["kode"] == "8.01.02.2.01" and "kode_kepmendagri" not in kegiatan
    lokal, dua = kegiatan["sub_kegiatan"]
    assert lokal["kode"] == "8.01.02.2.01.L1"
    assert lokal["pagu"] == {"2024": {"murni": "0", "perubahan": None}}
    assert lokal["realisasi_anggaran_tahunan"] == {"2024": "0.0001"}
    assert dua["kode"] == "8.01.02.2.01.02"
    assert data["rpjmd"] == {
        "periode": [2021, 2026],
        "visi": "Visi",
        "misi": ["Misi satu", "Misi dua"],
    }
    assert data["tujuan"][0]["misi"] == 2
    assert [p["plt"] for p in data["pejabat"]] == [True, "Plh.", False]

    # Ordered by year, then creation: the 2023 PK, then the two of 2024.
    nama, murni, perubahan = data["perjanjian_kinerja"]
    assert (nama["tahun"], nama["pihak_pertama"]) == (2023, "SITI")
    assert murni["pihak_pertama"] == "197001012000011001"
    assert murni["tanggal"] == "2024-01-05"
    assert murni["indikator"][0]["target"] == {"bawah": "80", "atas": "90"}
    assert murni["indikator"][0]["target_sebelum"] == "BB"
    assert murni["indikator"][0]["satuan"] == "nilai"
    assert [a["kode"] for a in murni["anggaran"]] == ["P1", "8.01.02.2.01.02", "9.99.99.9.99"]
    assert murni["total_tercetak"] == "170.5"
    assert (perubahan["pihak_pertama"], perubahan["pihak_pertama_jabatan"]) == (
        None,
        "Kepala Bidang A",
    )
    assert perubahan["tanggal"] == "2024-07"
    assert perubahan["pihak_kedua"]["nip"] == "197001012000011001"
    assert [(b["tahun"], b["jenis"]) for b in data["anggaran_belanja"]] == [
        (2024, "Belanja Pegawai"),
        (2023, None),
    ]
    assert data["evaluasi_sakip"] == [
        {"tahun_dinilai": 2023, "nilai": "70.1", "predikat": "BB", "evaluator": "APIP"},
        {"tahun_dinilai": None, "nilai": None, "predikat": "B", "evaluator": None},
    ]


def test_texts_of_several_quarters_export_those_of_the_last_quarter(tepi):
    # Entered in the application, each quarter may carry its own analysis; the file has one
    # per year, on the row the loader writes it to: the last quarter with a value.
    indikator = Indikator.objects.get(perangkat_daerah=tepi, kode="S1.I1")
    Realisasi.objects.filter(indikator=indikator, tahun=2023, triwulan=1).update(
        faktor_pendorong="TW I", faktor_penghambat="TW I"
    )
    Realisasi.objects.filter(indikator=indikator, tahun=2023, triwulan=2).update(
        faktor_pendorong="TW II", faktor_penghambat=""
    )
    Realisasi.objects.create(
        indikator=indikator,
        tahun=2023,
        triwulan=0,
        faktor_pendorong="Tahunan tanpa nilai",
        status=StatusRealisasi.DISETUJUI,
    )
    real = cari_indikator(ekspor_dataset(pd=tepi), "S1.I1")["realisasi"]["2023"]
    assert (real["faktor_pendorong"], real["faktor_penghambat"]) == ("TW II", None)


def test_only_the_newest_renstra_period_is_exported_with_a_note(tepi):
    PeriodeRenstra.objects.create(perangkat_daerah=tepi, tahun_awal=2017, tahun_akhir=2021)
    data = ekspor_dataset(pd=tepi)
    assert data["renstra"] == {"periode": [2022, 2026]}
    assert data["catatan"] == [PESAN_CATATAN_RENSTRA_LAIN.format(jumlah=2, awal=2022, akhir=2026)]
    assert len(semua_indikator(data)) == 1


def test_what_the_loader_would_refuse_is_left_out_with_a_note(tepi):
    # Typed in the application: a kondisi with a unit, and a draft PK without a first party.
    Indikator.objects.filter(perangkat_daerah=tepi, kode="S1.I1").update(kondisi_awal="70 %")
    pk = PerjanjianKinerja.objects.create(perangkat_daerah=tepi, tahun=2025)
    data = ekspor_dataset(pd=tepi)
    assert cari_indikator(data, "S1.I1")["kondisi_awal"] is None
    assert len(data["perjanjian_kinerja"]) == 3
    assert data["catatan"] == [
        PESAN_CATATAN_KONDISI.format(jenis="awal", kode="S1.I1", nilai="70 %"),
        PESAN_CATATAN_PK_TANPA_PIHAK.format(pk=pk),
    ]
    assert validasi(data) == []


def test_pk_budget_row_linked_without_a_code_gets_the_node_code(tepi):
    baris = PKAnggaran.objects.get(perjanjian__perangkat_daerah=tepi, kode="8.01.02.2.01.02")
    baris.kode = ""
    baris.save()
    data = ekspor_dataset(pd=tepi)
    murni = next(p for p in data["perjanjian_kinerja"] if p["tanggal"] == "2024-01-05")
    assert murni["anggaran"][1]["kode"] == "8.01.02.2.01.02"
    assert validasi(data) == []


# --- The command ----------------------------------------------------------------------------


def test_command_writes_a_file_the_loader_accepts(paser, tmp_path):
    berkas = tmp_path / "paser.json"
    keluaran = StringIO()
    call_command(
        "ekspor_dataset", "--pd", "kesbangpol-paser", "--out", str(berkas), stdout=keluaran
    )
    assert str(berkas) in keluaran.getvalue()
    teks = berkas.read_text(encoding="utf-8")
    assert teks.startswith('{\n  "format": "sakip-dataset/1",')
    assert "\\u" not in teks  # non-ASCII characters are written as they are
    hasil = muat_berkas(berkas)
    assert not hasil.ada_perubahan
    assert hasil.perangkat_daerah == paser


def test_command_without_out_writes_to_stdout(paser):
    keluaran = StringIO()
    call_command("ekspor_dataset", "--pd", "kesbangpol-paser", stdout=keluaran)
    data = json.loads(keluaran.getvalue())
    assert tanpa_waktu(data) == tanpa_waktu(ekspor_dataset(pd=paser))


def test_command_unknown_slug(db):
    with pytest.raises(CommandError) as galat:
        call_command("ekspor_dataset", "--pd", "tidak-ada", stdout=StringIO())
    assert str(galat.value) == PESAN_PD_TIDAK_ADA.format(slug="tidak-ada")
