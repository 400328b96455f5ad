"""Settings come from the environment and fail loudly on bad values."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(env: dict) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}
    base.update(env)
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.TIME_ZONE, s.LANGUAGE_CODE)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings.base"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_secret_key_required_without_debug():
    result = _load({"DEBUG": "false"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_bad_boolean_fails_loudly():
    result = _load({"DEBUG": "perhaps"})
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_sqlite_by_default_and_postgres_from_database_url():
    sqlite = _load({"DEBUG": "true"})
    assert sqlite.returncode == 0, sqlite.stderr
    assert sqlite.stdout.split() == ["django.db.backends.sqlite3", "Asia/Jakarta", "id"]
    pg = _load({"DEBUG": "true", "DATABASE_URL": "postgres://u@127.0.0.1:5432/x"})
    assert pg.returncode == 0, pg.stderr
    assert pg.stdout.split()[0] == "django.db.backends.postgresql"


@pytest.mark.parametrize("url", ["nonsense://x", "postgres://u@host:notaport/x"])
def test_bad_database_url_fails_loudly(url):
    result = _load({"DEBUG": "true", "DATABASE_URL": url})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
