"""The recall benchmark on the four seeds (scripts/benchmark_validasi.py) as a test: a case of
tests/data/kasus_seed.json found today must stay found, and the report checker raises no
problem that matches no case."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Found on 2026-12-03 (57 of the 88 cases whose data the datasets carry).
DITEMUKAN = {
    "S0": {"S0-01", "S0-04"},
    "S1": {
        "S1-01", "S1-04", "S1-10", "S1-13", "S1-14", "S1-15", "S1-16", "S1-17", "S1-18",
        "S1-19", "S1-20", "S1-21", "S1-22", "S1-23", "S1-24", "S1-27", "S1-32", "S1-33",
        "S1-35", "S1-39", "S1-50", "S1-51",
        # The report checker, later the same day: points vs %, staff tables, % efisien, Rp.
        "S1-09", "S1-11", "S1-28", "S1-44",
    },
    "S2": {
        "S2-01", "S2-04", "S2-05", "S2-06", "S2-07", "S2-09", "S2-10", "S2-11", "S2-12", "S2-13",
        "S2-16", "S2-17", "S2-18", "S2-19", "S2-20", "S2-21", "S2-22", "S2-30", "S2-31",
        "S2-32", "S2-33", "S2-34", "S2-35", "S2-36", "S2-44", "S2-48", "S2-50", "S2-60",
        # Headline sentences, count per band, change from 2022, Lampiran III columns 6/7/15.
        "S2-02", "S2-03", "S2-24", "S2-45", "S2-49", "S2-51",
    },
    "S3": {"S3-05", "S3-07", "S3-10", "S3-15", "S3-18"},
}  # fmt: skip


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location(
        "benchmark_validasi", ROOT / "scripts" / "benchmark_validasi.py"
    )
    modul = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = modul  # dataclasses look their module up
    spec.loader.exec_module(modul)
    return modul


def test_case_list_is_complete_and_explained(bench):
    data = bench.baca_kasus()
    ids = [k["id"] for k in data["kasus"]]
    assert len(ids) == len(set(ids)) == 153  # the 141 rows of §D and 12 added after review
    for k in data["kasus"]:
        assert k["data"] in ("ya", "tidak", "positif"), k["id"]
        if k["data"] != "ya" or not k["cocok"]:
            assert k.get("alasan"), k["id"]  # why it cannot be found (yet)


def test_found_cases_stay_found(db, bench):
    skor = bench.jalankan()
    for seed, harapan in DITEMUKAN.items():
        assert harapan <= skor[seed].ditemukan, (seed, sorted(harapan - skor[seed].ditemukan))


def test_the_checker_raises_no_unmatched_problem(db, bench):
    skor = bench.jalankan()
    tak_cocok = [m.tanda for s in skor.values() for m in s.tak_cocok if m.sumber == "periksa"]
    assert tak_cocok == []


def test_report_line_format(bench):
    data = {
        "kasus": [
            {
                "id": "S0-01",
                "seed": "S0",
                "data": "ya",
                "cocok": [{"sumber": "periksa", "teks": ["89%"]}],
            }
        ]
    }
    m = bench.Masalah("S0", "periksa", "capaian", "capaian | S5.I1 | 89% | 65,00%")
    lain = bench.Masalah("S0", "validasi", "x", "x | y")
    teks = bench.laporan(bench.nilai(data, [m, lain]))
    assert "S0 Kalimantan Tengah TW II 2023: 1 of 1 cases found, 1 unmatched problems" in teks
    assert "Total: 1 of 1 cases found, 1 unmatched problems" in teks
