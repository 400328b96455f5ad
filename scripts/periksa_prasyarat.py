#!/usr/bin/env python3
"""Check the system prerequisites before `make` installs, tests or serves anything.

Runs on the system Python (standard library only: the virtualenv may not exist yet). Every
shared library the code loads at run time is tried with `ctypes.CDLL`, exactly as WeasyPrint
loads them (`weasyprint/text/ffi.py`, `_dlopen`), so a missing one is reported here in one
line instead of as a traceback at test collection or at the first PDF.

The lists below are the single source of the README "Prerequisites" section and of the
package list of `.ci/run`; `tests/ops/test_prasyarat.py` checks that the three agree.

Exit status 0 when everything is present; 1 with the missing `apt-get install` line.
Usage: `python3 scripts/periksa_prasyarat.py [--paket] [--opsional]`.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib.util
import shutil
import sys
from pathlib import Path

# (Debian package, what is checked, kind, why). Kind "lib": a shared object loaded with
# ctypes; "file": a path that must exist; "module": a Python standard-library module of the
# system interpreter (Debian splits venv out of python3).
WAJIB: list[tuple[str, str, str, str]] = [
    ("python3-venv", "ensurepip", "module", "make creates .venv with `python3 -m venv`"),
    ("libglib2.0-0", "libgobject-2.0.so.0", "lib", "WeasyPrint (GObject)"),
    ("libpango-1.0-0", "libpango-1.0.so.0", "lib", "WeasyPrint (text layout)"),
    ("libpangoft2-1.0-0", "libpangoft2-1.0.so.0", "lib", "WeasyPrint (fonts)"),
    ("libharfbuzz0b", "libharfbuzz.so.0", "lib", "WeasyPrint (shaping)"),
    (
        "libharfbuzz-subset0",
        "libharfbuzz-subset.so.0",
        "lib",
        "WeasyPrint (font subsetting; warns without it)",
    ),
    ("libfontconfig1", "libfontconfig.so.1", "lib", "WeasyPrint (font lookup)"),
    (
        "fonts-dejavu-core",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "file",
        "the font the PDFs are set in",
    ),
]

# Not needed by `make run` / `make test`: what is missing is reported, never fatal.
OPSIONAL: list[tuple[str, str, str, str]] = [
    ("postgresql-client", "pg_dump", "program", "`cadangkan` and the restore test on PostgreSQL"),
    ("chromium", "chromium", "program", "browser tests (skipped with a reason without it)"),
    ("poppler-utils", "pdftoppm", "program", "looking at PDF pages as images"),
]

PESAN_KURANG = "Prasyarat sistem belum terpasang: {daftar}.\nPasang dengan:\n  {perintah}"
PESAN_OPSIONAL = "Catatan: paket opsional belum terpasang ({daftar}); pasang dengan: {perintah}"


def ada(jenis: str, target: str) -> bool:
    if jenis == "lib":
        try:
            ctypes.CDLL(target)
        except OSError:
            return False
        return True
    if jenis == "file":
        return Path(target).exists()
    if jenis == "module":
        return importlib.util.find_spec(target) is not None
    if jenis == "program":
        return shutil.which(target) is not None
    raise ValueError(jenis)


def perintah_pasang(paket: list[str]) -> str:
    return "sudo apt-get install -y --no-install-recommends " + " ".join(paket)


def kurang(daftar: list[tuple[str, str, str, str]]) -> list[str]:
    return [paket for paket, target, jenis, _ in daftar if not ada(jenis, target)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paket", action="store_true", help="print the required packages")
    parser.add_argument("--opsional", action="store_true", help="with --paket: optional ones")
    args = parser.parse_args(argv)
    if args.paket:
        daftar = OPSIONAL if args.opsional else WAJIB
        print(" ".join(paket for paket, *_ in daftar))
        return 0
    hilang = kurang(WAJIB)
    if hilang:
        print(
            PESAN_KURANG.format(daftar=", ".join(hilang), perintah=perintah_pasang(hilang)),
            file=sys.stderr,
        )
        return 1
    opsional = kurang(OPSIONAL)
    if opsional:
        print(
            PESAN_OPSIONAL.format(daftar=", ".join(opsional), perintah=perintah_pasang(opsional)),
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
