"""The validation's share of the recall benchmark (scripts/benchmark_validasi.py): the cases of
tests/data/kasus_seed.json that the validation catalogue finds stay found, and the validation
reports no problem that matches no case (a false alarm or an unreviewed defect)."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Found by kinerja.validasi on 2026-12-03 (issue 11 point 2), each by a "validasi" matcher.
DITEMUKAN_VALIDASI = {
    "S0": {"S0-20"},
    "S1": {
        "S1-26", "S1-31", "S1-36", "S1-38", "S1-39", "S1-40", "S1-42", "S1-43", "S1-45",
        "S1-60", "S1-61", "S1-62", "S1-63",
    },
    "S2": {
        "S2-04", "S2-07", "S2-28", "S2-29", "S2-40", "S2-41", "S2-42", "S2-43", "S2-45",
        "S2-46", "S2-47", "S2-48", "S2-53", "S2-54", "S2-55", "S2-70", "S2-71", "S2-72",
        "S2-73", "S2-74",
    },
    "S3": {"S3-09"},
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


@pytest.fixture
def skor_validasi(db, bench):
    """The benchmark scored on the validation's problems only."""
    data = bench.baca_kasus()
    seed_pd = {k["seed"]: (k["pd"], k["tahun"]) for k in data["kasus"]}
    masalah = [
        m
        for seed, (slug, tahun) in sorted(seed_pd.items())
        for m in bench.masalah_seed(seed, slug, tahun)
        if m.sumber == "validasi"
    ]
    return bench.nilai(data, masalah)


def test_cases_found_by_the_validation_stay_found(skor_validasi):
    for seed, harapan in DITEMUKAN_VALIDASI.items():
        hilang = sorted(harapan - skor_validasi[seed].ditemukan)
        assert hilang == [], seed


def test_the_validation_raises_no_unmatched_problem(skor_validasi):
    assert [m.tanda for s in skor_validasi.values() for m in s.tak_cocok] == []
