#!/usr/bin/env python
"""Recall benchmark of the validation and the report checker on the four seed reports.

Loads the four demo datasets (fixtures/demo/), runs `kinerja.validasi.validasi_pd` and
`periksa.selectors.periksa_laporan` for each seed's PD and report year, and scores every
reported problem against the cases of reference/seed-analysis.md §D kept as data in
tests/data/kasus_seed.json: a case is found when a problem satisfies one of its matchers; a
problem that matches no case is an unmatched problem (a false alarm to review) unless its
rule is listed in `bukan_kasus` with the reason. Prints, per seed and in total,
"K of N cases found, F unmatched problems", where N counts the cases whose data the datasets
carry; with --rinci, also the cases missed and the unmatched problems.

Usage: `.venv/bin/python scripts/benchmark_validasi.py [--rinci]`. Without SQLITE_PATH a
temporary SQLite database is created, migrated and loaded (nothing else is touched).
tests/periksa/test_benchmark.py runs the same scoring on the test database.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KASUS = ROOT / "tests" / "data" / "kasus_seed.json"
NAMA_SEED = {
    "S0": "S0 Kalimantan Tengah TW II 2023",
    "S1": "S1 Balangan LKjIP 2023",
    "S2": "S2 Paser LKjIP 2023",
    "S3": "S3 Palangka Raya LKIP 2020",
}
BARIS_SKOR = "{nama}: {k} of {n} cases found, {f} unmatched problems"


@dataclass(frozen=True)
class Masalah:
    """One reported problem, as the benchmark matches it."""

    seed: str
    sumber: str
    """"validasi" or "periksa"."""
    kode: str
    tanda: str
    """Signature: kind, object, field, printed value, message — what matchers search."""


@dataclass
class Skor:
    seed: str
    kasus: list[dict]
    ditemukan: set[str] = field(default_factory=set)
    tak_cocok: list[Masalah] = field(default_factory=list)
    dikecualikan: int = 0

    @property
    def dihitung(self) -> list[dict]:
        return [k for k in self.kasus if k["data"] == "ya"]

    @property
    def terlewat(self) -> list[dict]:
        return [k for k in self.dihitung if k["id"] not in self.ditemukan]


def baca_kasus(path: Path = KASUS) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def masalah_seed(seed: str, slug: str, tahun: int) -> list[Masalah]:
    """Every problem the validation and the checker report for one seed."""
    from kinerja.validasi import validasi_pd
    from periksa.selectors import periksa_laporan
    from renstra.models import PerangkatDaerah

    pd = PerangkatDaerah.objects.get(slug=slug)
    hasil = [
        Masalah(seed, "validasi", m.kode, f"{m.kode} | {m.objek.label} | {m.pesan}")
        for m in validasi_pd(pd=pd, tahun=tahun)
    ]
    for t in periksa_laporan(pd=pd, tahun=tahun).temuan:
        tanda = " | ".join(
            (t.jenis, t.tempat, t.objek.label, t.medan, t.tercetak, t.benar, t.hitungan)
        )
        hasil.append(Masalah(seed, "periksa", t.jenis, tanda))
    return hasil


def cocok(m: Masalah, pencocok: dict) -> bool:
    if pencocok["sumber"] != m.sumber:
        return False
    if pencocok.get("kode") and pencocok["kode"] != m.kode:
        return False
    return all(teks in m.tanda for teks in pencocok.get("teks", ()))


def nilai(data: dict, masalah: list[Masalah]) -> dict[str, Skor]:
    """Score the problems against the cases, per seed."""
    skor = {s: Skor(s, [k for k in data["kasus"] if k["seed"] == s]) for s in NAMA_SEED}
    for m in masalah:
        s = skor[m.seed]
        kena = {k["id"] for k in s.kasus for p in k["cocok"] if cocok(m, p)}
        if kena:
            s.ditemukan |= kena
        elif m.kode in data.get("bukan_kasus", {}):
            s.dikecualikan += 1
        else:
            s.tak_cocok.append(m)
    return skor


def jalankan(data: dict | None = None) -> dict[str, Skor]:
    """Score the four seeds on the current database (the demo datasets loaded)."""
    data = data or baca_kasus()
    seed_pd = {}
    for k in data["kasus"]:
        seed_pd[k["seed"]] = (k["pd"], k["tahun"])
    masalah = []
    for seed, (slug, tahun) in sorted(seed_pd.items()):
        masalah += masalah_seed(seed, slug, tahun)
    return nilai(data, masalah)


def laporan(skor: dict[str, Skor], *, rinci: bool = False) -> str:
    baris = []
    for s in skor.values():
        baris.append(
            BARIS_SKOR.format(
                nama=NAMA_SEED[s.seed],
                k=len(s.ditemukan & {k["id"] for k in s.dihitung}),
                n=len(s.dihitung),
                f=len(s.tak_cocok),
            )
        )
    semua = list(skor.values())
    k = sum(len(s.ditemukan & {x["id"] for x in s.dihitung}) for s in semua)
    n = sum(len(s.dihitung) for s in semua)
    f = sum(len(s.tak_cocok) for s in semua)
    baris.append(BARIS_SKOR.format(nama="Total", k=k, n=n, f=f))
    tidak = sum(1 for s in semua for x in s.kasus if x["data"] == "tidak")
    positif = sum(1 for s in semua for x in s.kasus if x["data"] == "positif")
    baris.append(
        f"(not counted: {tidak} cases whose data the datasets do not carry, {positif} positive "
        f"fixtures or non-errors; {sum(s.dikecualikan for s in semua)} problems of kinds that "
        "are not report errors)"
    )
    if rinci:
        for s in semua:
            baris.append("")
            baris.append(f"== {NAMA_SEED[s.seed]}")
            for x in s.terlewat:
                baris.append(f"  missed {x['id']} [{x['rule']}] {x.get('alasan', '')}")
            for m in s.tak_cocok:
                baris.append(f"  unmatched {m.sumber}: {m.tanda[:200]}")
    return "\n".join(baris)


def siapkan_django() -> None:
    if not os.environ.get("SQLITE_PATH"):
        folder = Path(tempfile.mkdtemp(prefix="bench-validasi-"))
        os.environ["SQLITE_PATH"] = str(folder / "db.sqlite3")
        baru = True
    else:
        baru = not Path(os.environ["SQLITE_PATH"]).exists()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    if baru:
        from django.core.management import call_command

        from pertukaran.impor import muat_berkas

        call_command("migrate", verbosity=0)
        call_command("loaddata", "referensi", verbosity=0)
        for path in sorted((ROOT / "fixtures" / "demo").glob("*.json")):
            muat_berkas(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rinci", action="store_true", help="list missed cases and problems")
    args = parser.parse_args()
    siapkan_django()
    print(laporan(jalankan(), rinci=args.rinci))


if __name__ == "__main__":
    main()
