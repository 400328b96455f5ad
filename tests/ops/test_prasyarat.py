"""The system prerequisites: README, `make`'s check and CI's package list say the same thing,
and the check names every library WeasyPrint loads."""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import weasyprint.text.ffi

ROOT = Path(__file__).resolve().parents[2]
SKRIP = ROOT / "scripts" / "periksa_prasyarat.py"


def _modul():
    spec = importlib.util.spec_from_file_location("periksa_prasyarat", SKRIP)
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def _paket(daftar) -> set[str]:
    return {paket for paket, *_ in daftar}


def _baris_apt_readme() -> list[set[str]]:
    bagian = ROOT.joinpath("README.md").read_text().split("## Prerequisites", 1)[1]
    bagian = bagian.split("\n## ", 1)[0]
    return [
        set(m.group(1).split())
        for m in re.finditer(r"apt-get install -y --no-install-recommends ([^\n`]+)", bagian)
    ]


def test_readme_lists_exactly_the_checked_packages():
    p = _modul()
    wajib, opsional = _baris_apt_readme()
    assert wajib == _paket(p.WAJIB)
    assert opsional == _paket(p.OPSIONAL)


def test_ci_installs_every_required_and_optional_package():
    p = _modul()
    ci = ROOT.joinpath(".ci", "run").read_text()
    daftar = re.search(r"for pkg in ([^;]+); do", ci).group(1).split()
    assert set(daftar) == _paket(p.WAJIB) | _paket(p.OPSIONAL)


def test_every_library_weasyprint_dlopens_is_checked():
    """The Linux names of each `_dlopen(...)` in WeasyPrint; the optional vector library
    (HarfBuzz ≥ 10, not in Debian 12) is the one it may go without silently."""
    p = _modul()
    sumber = Path(weasyprint.text.ffi.__file__).read_text()
    dimuat = set(re.findall(r"'(lib[\w.+-]+\.so\.\d+)'", sumber))
    diperiksa = {target for _paket, target, jenis, _ in p.WAJIB if jenis == "lib"}
    assert dimuat - {"libharfbuzz-vector.so.0"} == diperiksa


def test_missing_library_prints_one_apt_get_line(capsys):
    p = _modul()
    p.WAJIB = [*p.WAJIB, ("libcontoh-hilang0", "libcontoh-hilang.so.0", "lib", "test")]
    assert p.main([]) == 1
    galat = capsys.readouterr().err
    assert (
        galat
        == p.PESAN_KURANG.format(
            daftar="libcontoh-hilang0",
            perintah="sudo apt-get install -y --no-install-recommends libcontoh-hilang0",
        )
        + "\n"
    )
    assert "Traceback" not in galat


def test_check_passes_on_this_machine():
    hasil = subprocess.run([sys.executable, str(SKRIP)], capture_output=True, text=True, timeout=60)
    assert hasil.returncode == 0, hasil.stderr


def test_make_runs_the_check_before_installing():
    # Run as a top-level make even when the suite itself runs under `make test` (a nested
    # make prints "Entering directory" lines and inherits the parent's flags).
    lingkungan = {
        k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")
    }
    hasil = subprocess.run(
        ["make", "-n", "--no-print-directory", "install"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=lingkungan,
    )
    baris = [b for b in hasil.stdout.splitlines() if b.strip()]
    assert "periksa_prasyarat.py" in baris[0]
