#!/usr/bin/env python
"""Generate a province-scale installation: N Perangkat Daerah (default 50), each the size of
Kesbangpol Paser, as `sakip-dataset/1` files that load through `muat_dataset`.

Each file is the Paser demo dataset with its own identity: PD slug `pd-uji-NN`, name
"Perangkat Daerah Uji NN", one Pemerintah Daerah "Provinsi Uji Skala" for all, and officials'
NIPs made unique per PD (the last three digits shifted, still 18 digits). Plan, targets,
realisations, budgets and PKs are Paser's, so every PD has the same row counts and the
per-PD pages can be compared with a one-PD installation.

Usage:
  .venv/bin/python scripts/buat_provinsi.py --out DIR [--jumlah 50] [--muat]
--muat also loads the files (and the reference data) into the database of the environment
(DATABASE_URL / SQLITE_PATH, settings `config.settings.dev` unless DJANGO_SETTINGS_MODULE).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUMBER = ROOT / "fixtures" / "demo" / "kesbangpol-paser.json"
PEMDA = {
    "nama": "Provinsi Uji Skala",
    "jenis": "provinsi",
    "kepala_daerah": {"nama": "GUBERNUR UJI", "jabatan": "Gubernur Provinsi Uji Skala"},
}


def slug_pd(nomor: int) -> str:
    return f"pd-uji-{nomor:02d}"


def dataset(nomor: int, asal: dict) -> dict:
    """The Paser dataset under the identity of PD number `nomor` (1-based)."""
    teks = json.dumps(asal, ensure_ascii=False)
    for nip in sorted({p["nip"] for p in asal["pejabat"] if p.get("nip")}):
        baru = nip[:15] + f"{(int(nip[15:]) + nomor) % 1000:03d}"
        teks = re.sub(rf'"{nip}"', f'"{baru}"', teks)
    data = json.loads(teks)
    data["pemda"] = PEMDA
    data["perangkat_daerah"] = {
        **data["perangkat_daerah"],
        "slug": slug_pd(nomor),
        "nama": f"Perangkat Daerah Uji {nomor:02d} Provinsi Uji Skala",
        "email": f"{slug_pd(nomor)}@uji.go.id",
    }
    data["sumber"] = f"scripts/buat_provinsi.py (salinan {SUMBER.name})"
    return data


def tulis(folder: Path, jumlah: int) -> list[Path]:
    asal = json.loads(SUMBER.read_text(encoding="utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    berkas = []
    for nomor in range(1, jumlah + 1):
        path = folder / f"{slug_pd(nomor)}.json"
        path.write_text(
            json.dumps(dataset(nomor, asal), ensure_ascii=False, indent=1), encoding="utf-8"
        )
        berkas.append(path)
    return berkas


def muat(berkas: list[Path]) -> None:
    env = {**os.environ}
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "loaddata", "referensi", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "muat_dataset", *map(str, berkas)], env=env, check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--jumlah", type=int, default=50)
    parser.add_argument("--muat", action="store_true")
    args = parser.parse_args(argv)
    berkas = tulis(args.out, args.jumlah)
    print(f"{len(berkas)} dataset ditulis ke {args.out}")
    if args.muat:
        muat(berkas)
    return 0


if __name__ == "__main__":
    sys.exit(main())
