"""Kepmendagri 050-5889/2021 codes: normalisation and parent/child checks (pure Python).

A code is written `8.01.02.2.01.02` (program 8.01.02, kegiatan 8.01.02.2.01, sub-kegiatan
8.01.02.2.01.02); some documents pad the segments (`8.01.02.02.01.0002`). Both forms are
accepted and stored in the short form. Local codes used where a report prints none
(`P1`, `P1.K2`) are left as they are.
"""

import re

_SEGMENT = re.compile(r"^\d+$")

# Width of each segment in the short form: urusan, bidang, program, jenis kegiatan,
# kegiatan, sub-kegiatan.
_LEBAR = (1, 2, 2, 1, 2, 2)


def adalah_kode_kepmendagri(kode: str | None) -> bool:
    """True when `kode` is a numeric dotted Kepmendagri code of 3, 5 or 6 segments."""
    if not kode:
        return False
    bagian = kode.strip().split(".")
    return len(bagian) in (3, 5, 6) and all(_SEGMENT.match(b) for b in bagian)


def normalisasi_kode(kode: str | None) -> str:
    """Return the short form of a Kepmendagri code; other codes come back stripped.

    `8.01.02.02.01.0002` → `8.01.02.2.01.02`; `8.1.2` → `8.01.02`.
    """
    if kode is None:
        return ""
    kode = kode.strip().rstrip(".")
    if not adalah_kode_kepmendagri(kode):
        return kode
    bagian = [int(b) for b in kode.split(".")]
    return ".".join(str(n).zfill(lebar) for n, lebar in zip(bagian, _LEBAR, strict=False))


def kode_memperluas(kode_anak: str, kode_induk: str) -> bool:
    """True when the child's code extends its parent's (`8.01.02.2.01.04` under `8.01.02.2.01`).

    Local codes (a report that prints none) are not checked: both must be Kepmendagri codes.
    """
    anak, induk = normalisasi_kode(kode_anak), normalisasi_kode(kode_induk)
    if not (adalah_kode_kepmendagri(anak) and adalah_kode_kepmendagri(induk)):
        return True
    return anak.startswith(induk + ".")
