"""Fixtures of the report tests: the Paser 2023 LKjIP printed once per session (HTML, PDF and
the text of each PDF page), the artifacts folder, and reviewer assignments."""

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
POLA_ANGKA = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?%?|\d+,\d+%?|\d+%")
"""Formatted numbers as the reports print them: 32.351.024.068, 89,34%, 65,22, 100%."""


def folder_artefak() -> Path:
    folder = Path(os.environ.get("ARTIFACTS_DIR", ROOT / "artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class CetakanUji:
    dokumen: object
    html: str
    pdf: bytes
    halaman: list[str]
    """The text of each PDF page (pypdf)."""

    @property
    def teks(self) -> str:
        return "\n".join(self.halaman)


def teks_pdf(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="session")
def lkjip_paser(django_db_setup, django_db_blocker) -> CetakanUji:
    """The Paser LKjIP 2023 draft (no stored narrative), HTML and PDF, built once."""
    from laporan import cetak
    from renstra.models import PerangkatDaerah

    with django_db_blocker.unblock():
        pd = PerangkatDaerah.objects.select_related("pemda").get(slug="kesbangpol-paser")
        dokumen = cetak.susun(cetak.laporan_untuk(pd, "lkjip", 2023))
        html = cetak.halaman_cetak(dokumen.isi, judul=dokumen.judul, draft=True)
    pdf = cetak.pdf(html)
    (folder_artefak() / "lkjip-paser-2023.pdf").write_bytes(pdf)
    return CetakanUji(dokumen, html, pdf, teks_pdf(pdf))


@pytest.fixture
def penugasan(inspektorat, paser):
    from laporan.models import PenugasanReviu

    return PenugasanReviu.objects.create(reviewer=inspektorat, perangkat_daerah=paser, tahun=2023)
