"""The dataset keys `narasi` (LKjIP fact sections) and `laporan.tempat/tanggal` (the report's
signature): validated, stored, and exported back unchanged (issue #14 points 10, 11)."""

import copy
import json
from pathlib import Path

import pytest

from common.models import AuditLog
from pertukaran.ekspor import ekspor_dataset
from pertukaran.impor import muat
from pertukaran.skema import (
    PESAN_NARASI_GANDA,
    PESAN_TAHUN_LAPORAN_TTD,
    PESAN_TANGGAL,
    PESAN_WAJIB,
    validasi,
)
from renstra.models import NarasiPerangkatDaerah, PerangkatDaerah, TandaTanganLaporan

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "fixtures" / "demo"


def _data(slug: str) -> dict:
    return json.loads((DEMO / f"{slug}.json").read_text())


def _tanpa_sumber(daftar):
    return sorted((n["bagian"], n["tahun"], n["teks"]) for n in daftar)


@pytest.mark.parametrize(
    ("slug", "tanggal"),
    [
        ("kesbangpol-paser", "2024-02-05"),
        ("kesbangpol-balangan", "2024-02"),
        ("kesbangpol-palangkaraya", "2020-02"),
    ],
)
def test_demo_narasi_and_signature_are_stored_and_exported_back(slug, tanggal):
    data = _data(slug)
    ekspor = ekspor_dataset(pd=PerangkatDaerah.objects.get(slug=slug))
    assert _tanpa_sumber(ekspor["narasi"]) == _tanpa_sumber(data["narasi"])
    assert {n["sumber"] for n in ekspor["narasi"]} == {n["sumber"] for n in data["narasi"]}
    assert ekspor["laporan"]["tanggal"] == tanggal == data["laporan"]["tanggal"]
    assert ekspor["laporan"]["tempat"] == data["laporan"]["tempat"]
    assert ekspor["laporan"]["tahun"] == data["laporan"]["tahun"]


def test_paser_month_precision_is_kept(paser):
    ttd = TandaTanganLaporan.objects.get(perangkat_daerah=paser, tahun=2023)
    assert (ttd.tempat, ttd.tanggal.isoformat(), ttd.tanggal_hanya_bulan) == (
        "Tana Paser",
        "2024-02-05",
        False,
    )
    bal = TandaTanganLaporan.objects.get(perangkat_daerah__slug="kesbangpol-balangan")
    assert (bal.tahun, bal.tanggal.isoformat(), bal.tanggal_hanya_bulan) == (
        2023,
        "2024-02-01",
        True,
    )


def _masalah(data) -> dict[str, str]:
    return {m.path: m.pesan for m in validasi(data)}


def test_bad_narasi_and_signature_are_refused_with_their_path():
    data = _data("kesbangpol-paser")
    data["narasi"] = [
        {"bagian": "visi_rahasia", "teks": "x"},
        {"bagian": "tugas_fungsi", "tahun": None, "teks": "  "},
        {"bagian": "permasalahan", "tahun": 2023, "teks": "a"},
        {"bagian": "permasalahan", "tahun": 2023, "teks": "b"},
    ]
    data["laporan"] = {"tahun": 2023, "tanggal": "5 Februari 2024"}
    masalah = _masalah(data)
    assert masalah["$.narasi[0].bagian"].startswith('Nilai "visi_rahasia" tidak dikenal')
    assert masalah["$.narasi[1].teks"] == PESAN_WAJIB
    assert masalah["$.narasi[3].bagian"] == PESAN_NARASI_GANDA.format(
        kode='"permasalahan/2023"', lain="$.narasi[2].bagian"
    )
    assert masalah["$.laporan.tanggal"] == PESAN_TANGGAL.format(nilai='"5 Februari 2024"')
    data["laporan"] = {"tanggal": "2024-02"}
    assert _masalah(data)["$.laporan.tahun"] == PESAN_TAHUN_LAPORAN_TTD


def test_bad_file_writes_nothing(paser):
    data = _data("kesbangpol-paser")
    data["narasi"][0]["teks"] = "Teks baru."
    data["narasi"].append({"bagian": "tidak_ada", "teks": "x"})
    with pytest.raises(Exception):  # noqa: B017 - DatasetTidakValid
        muat(data)
    assert not NarasiPerangkatDaerah.objects.filter(teks="Teks baru.").exists()


def test_a_changed_text_is_updated_and_audited(paser):
    data = copy.deepcopy(_data("kesbangpol-paser"))
    entri = next(n for n in data["narasi"] if n["bagian"] == "permasalahan")
    entri["teks"] = "Isu strategis yang diperbarui."
    data["laporan"]["tanggal"] = "2024-02-06"
    hasil = muat(data)
    assert hasil.diperbarui["narasi perangkat daerah"] == 1
    assert hasil.diperbarui["tanda tangan LKjIP"] == 1
    baris = NarasiPerangkatDaerah.objects.get(perangkat_daerah=paser, bagian="permasalahan")
    assert (baris.tahun, baris.teks) == (2023, "Isu strategis yang diperbarui.")
    assert AuditLog.objects.filter(
        aksi="dataset.ubah", object_id=str(baris.pk), perangkat_daerah=paser
    ).exists()
    assert TandaTanganLaporan.objects.get(perangkat_daerah=paser).tanggal.day == 6
