"""Browser tests: Playwright (sync API) driving Debian's Chromium against `live_server`.

Skipped with a reason when Chromium ($CHROMIUM_PATH, default /usr/bin/chromium) is absent.
`live_server` runs on a transactional database that is flushed after each test, so the
browser tests run last (see `pytest_collection_modifyitems`) and the reference and demo data
are loaded again afterwards for anything that follows. Screenshots go to $ARTIFACTS_DIR
(default `artifacts/`).
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses database access
# from a thread with a running loop unless told it is safe (it is: one test at a time).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# CHROMIUM_PATH points elsewhere (or nowhere: CI's first step proves the suite passes on a
# machine with only the README's prerequisites, browser tests skipped with a reason).
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium")
ARGS_CHROMIUM = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(config, items):
    """Browser tests last: their database flush must not remove data other tests read."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    path = Path(os.environ.get("ARTIFACTS_DIR") or ROOT / "artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium ({CHROMIUM}) tidak terpasang: uji peramban dilewati.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS_CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture
def data_demo_dipulihkan(django_db_blocker):
    """Request this BEFORE live_server: its teardown runs after the flush and reloads the
    session's reference and demo data, so tests collected after this one still find them."""
    yield
    from django.core.management import call_command

    from pertukaran.impor import muat_berkas
    from tests.conftest import DEMO_FILES

    with django_db_blocker.unblock():
        call_command("loaddata", "referensi", verbosity=0)
        for path in DEMO_FILES:
            muat_berkas(path)


@pytest.fixture
def data_demo(data_demo_dipulihkan, live_server):
    """Paser's demo data inside the live-server test (loaded again if a flush removed it)."""
    from django.core.management import call_command

    from pertukaran.impor import muat_berkas
    from renstra.models import PerangkatDaerah
    from tests.conftest import DEMO_DIR

    if not PerangkatDaerah.objects.filter(slug="kesbangpol-paser").exists():
        call_command("loaddata", "referensi", verbosity=0)
        muat_berkas(DEMO_DIR / "kesbangpol-paser.json")
        muat_berkas(DEMO_DIR / "kesbangpol-balangan.json")
    return PerangkatDaerah.objects.get(slug="kesbangpol-paser")


@pytest.fixture
def halaman(chromium, artifacts_dir):
    konteks = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = konteks.new_page()
    page.set_default_timeout(15_000)
    yield page
    konteks.close()
