"""Shared fixtures.

The reference data and the four demo datasets are loaded once per test session into the
test database (each test runs in a transaction rolled back at its end, so they see the same
data). The personas (DOMAIN.md §1) are created per test by the fixtures below.
"""

from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "fixtures" / "demo"
DEMO_FILES = sorted(DEMO_DIR.glob("*.json"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from pertukaran.impor import muat_berkas

    with django_db_blocker.unblock():
        call_command("loaddata", "referensi", verbosity=0)
        for path in DEMO_FILES:
            muat_berkas(path)


@pytest.fixture
def paser(db):
    from renstra.models import PerangkatDaerah

    return PerangkatDaerah.objects.get(slug="kesbangpol-paser")


@pytest.fixture
def balangan(db):
    from renstra.models import PerangkatDaerah

    return PerangkatDaerah.objects.get(slug="kesbangpol-balangan")


# --- Personas (DOMAIN.md §1) and the quarter they work on -------------------------------------
# Unit A is Bidang Ideologi of Kesbangpol Paser; unit B is Bidang Politik Dalam Negeri.

TAHUN_UJI = 2025
"""The year the entry tests work in: inside the demo Renstra (2022–2026), with Renstra targets
and no demo realisation, so every entry starts empty."""

PERSONA = {
    # name: [(pd slug, unit code or None, role)], superuser
    "operator": ([("kesbangpol-paser", "bidang-ideologi", "operator")], False),
    "operator_b": ([("kesbangpol-paser", "bidang-poldagri", "operator")], False),
    "verifikator": ([("kesbangpol-paser", "bidang-ideologi", "verifikator")], False),
    "verifikator_b": ([("kesbangpol-paser", "bidang-poldagri", "verifikator")], False),
    "kepala": ([("kesbangpol-paser", None, "kepala")], False),
    "perencana": ([("kesbangpol-paser", None, "perencana")], False),
    "inspektorat": (
        [("kesbangpol-paser", None, "inspektorat"), ("kesbangpol-balangan", None, "inspektorat")],
        False,
    ),
    "bappeda": ([("kesbangpol-paser", None, "bappeda")], False),
    "luar": ([("kesbangpol-balangan", "sekretariat", "operator")], False),
    "superuser": ([], True),
}


def buat_persona(nama: str):
    from django.contrib.auth import get_user_model

    from common.models import Keanggotaan
    from renstra.models import PerangkatDaerah, UnitKerja

    daftar, superuser = PERSONA[nama]
    user = get_user_model().objects.create_user(
        username=f"uji-{nama}",
        password="rahasia-uji-123",
        first_name=nama.replace("_", " ").title(),
        is_superuser=superuser,
        is_staff=superuser,
    )
    for slug, unit, peran in daftar:
        pd = PerangkatDaerah.objects.get(slug=slug)
        Keanggotaan.objects.create(
            pengguna=user,
            perangkat_daerah=pd,
            unit_kerja=UnitKerja.objects.get(perangkat_daerah=pd, kode=unit) if unit else None,
            peran=peran,
        )
    return user


@pytest.fixture
def persona(db):
    """Lazily created personas: `persona("operator")` (the same user within a test)."""
    dibuat = {}

    def ambil(nama: str):
        if nama not in dibuat:
            dibuat[nama] = buat_persona(nama)
        return dibuat[nama]

    return ambil


@pytest.fixture
def operator(persona):
    return persona("operator")


@pytest.fixture
def operator_b(persona):
    return persona("operator_b")


@pytest.fixture
def verifikator(persona):
    return persona("verifikator")


@pytest.fixture
def kepala(persona):
    return persona("kepala")


@pytest.fixture
def perencana(persona):
    return persona("perencana")


@pytest.fixture
def inspektorat(persona):
    return persona("inspektorat")


@pytest.fixture
def bappeda(persona):
    return persona("bappeda")


@pytest.fixture
def luar(persona):
    return persona("luar")


@pytest.fixture
def superuser(persona):
    return persona("superuser")


@pytest.fixture
def indikator_a(paser):
    """S2.I1 of Paser: unit A (Bidang Ideologi), ratio indicator, Renstra target 100."""
    from renstra.models import Indikator

    return Indikator.objects.get(perangkat_daerah=paser, kode="S2.I1")


@pytest.fixture
def indikator_b(paser):
    """S3.I1 of Paser: unit B (Bidang Politik Dalam Negeri)."""
    from renstra.models import Indikator

    return Indikator.objects.get(perangkat_daerah=paser, kode="S3.I1")


@pytest.fixture
def jendela_terbuka(paser):
    """TW I of TAHUN_UJI open today for Paser (an explicit entry window)."""
    import datetime

    from django.utils import timezone

    from renstra.models import JendelaPengisian

    hari_ini = timezone.localdate()
    return JendelaPengisian.objects.create(
        perangkat_daerah=paser,
        tahun=TAHUN_UJI,
        triwulan=1,
        dibuka=hari_ini - datetime.timedelta(days=5),
        ditutup=hari_ini + datetime.timedelta(days=5),
    )


@pytest.fixture
def paser_x5(paser):
    """A copy of the Paser plan five times its size (for constant query counts)."""
    from renstra.models import Indikator
    from tests.factories import perbesar_rencana

    pd = perbesar_rencana(paser, kali=5)
    assert Indikator.objects.filter(perangkat_daerah=pd).count() == 5 * (
        Indikator.objects.filter(perangkat_daerah=paser).count()
    )
    return pd
