"""Shared fixtures.

The reference data and the four demo datasets are loaded once per test session into the
test database (each test runs in a transaction rolled back at its end, so they see the same
data). Personas for the permission tests live in tests/personas.py.
"""

from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "fixtures" / "demo"
DEMO_FILES = sorted(DEMO_DIR.glob("*.json"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from renstra.dataset import muat_berkas

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
