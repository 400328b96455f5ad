"""The production stack: `check --deploy` clean, JSON logs, `/healthz`, login throttling
audited, and the compose file naming every service with a health check."""

import json
import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from common.models import AuditLog
from common.penguncian import pesan_terkunci
from config.log_json import FormatJSON

ROOT = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_with_production_settings():
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "SECURE"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="sakip.contoh.go.id",
        DEBUG="false",
    )
    hasil = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "System check identified no issues" in hasil.stdout


def test_production_logs_are_one_json_object_per_line():
    rekaman = logging.LogRecord("sakip", logging.WARNING, __file__, 1, "PDF %s gagal", (7,), None)
    rekaman.durasi_ms = 12
    baris = FormatJSON().format(rekaman)
    data = json.loads(baris)
    assert "\n" not in baris
    assert data["level"] == "WARNING" and data["pesan"] == "PDF 7 gagal"
    assert data["logger"] == "sakip" and data["durasi_ms"] == 12


@pytest.mark.django_db
def test_healthz_reports_database_and_eager_queue(client):
    respon = client.get("/healthz")
    assert respon.status_code == 200
    assert respon.json() == {"database": "ok", "antrean": "eager", "status": "ok"}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    from config.celery import app

    app.conf.broker_url = settings.CELERY_BROKER_URL
    try:
        respon = client.get("/healthz")
    finally:
        app.conf.broker_url = ""
    assert respon.status_code == 503
    assert respon.json()["status"] == "gagal"
    assert respon.json()["antrean"].startswith("gagal: ")
    assert respon.json()["database"] == "ok"


@pytest.mark.django_db
def test_healthz_with_the_real_redis(client, settings):
    from tests.ops.instalasi import REDIS_URL, redis_atau_lewati

    redis_atau_lewati()
    settings.CELERY_BROKER_URL = REDIS_URL
    from config.celery import app

    app.conf.broker_url = REDIS_URL
    try:
        respon = client.get("/healthz")
    finally:
        app.conf.broker_url = ""
    assert respon.status_code == 200 and respon.json()["antrean"] == "ok"


@pytest.mark.django_db
def test_repeated_failed_logins_lock_out_and_are_audited(client, settings, persona):
    user = persona("operator")
    masuk = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        respon = client.post(masuk, {"username": user.username, "password": "salah"})
        assert respon.status_code == 200
    assert not AuditLog.objects.filter(aksi="akun.terkunci").exists()

    respon = client.post(masuk, {"username": user.username, "password": "salah"})
    assert respon.status_code == 429
    assert pesan_terkunci() in respon.content.decode()
    entri = AuditLog.objects.get(aksi="akun.terkunci")
    assert entri.perubahan["username"] == [None, user.username]
    assert entri.perubahan["ip"] == [None, "127.0.0.1"]
    # Locked: even the right password is refused now (and that refusal is logged too).
    benar = client.post(masuk, {"username": user.username, "password": "rahasia-uji-123"})
    assert benar.status_code == 429
    assert AuditLog.objects.filter(aksi="akun.terkunci").count() == 2

    from django.core.management import call_command

    call_command("axes_reset_username", user.username, verbosity=0)
    reset = AuditLog.objects.get(aksi="akun.kunci_dibuka")
    assert reset.perubahan["username"] == [user.username, None]
    assert client.post(masuk, {"username": user.username, "password": "rahasia-uji-123"})[
        "Location"
    ] == reverse("beranda")


@pytest.mark.django_db
def test_demo_login_still_works_through_the_form(client, persona):
    user = persona("kepala")
    data = {"username": user.username, "password": "rahasia-uji-123"}
    respon = client.post(reverse("login"), data)
    assert respon.status_code == 302 and respon["Location"] == reverse("beranda")
    assert client.get(reverse("beranda")).status_code in (200, 302)


def _layanan_compose() -> dict[str, str]:
    """Each top-level service of docker-compose.yml and its text (no YAML library needed)."""
    teks = ROOT.joinpath("docker-compose.yml").read_text()
    bagian = teks.split("\nservices:\n", 1)[1].split("\nvolumes:\n", 1)[0]
    layanan, nama = {}, None
    for baris in bagian.splitlines():
        if baris.startswith("  ") and not baris.startswith("   ") and baris.strip().endswith(":"):
            nama = baris.strip()[:-1]
            layanan[nama] = ""
        elif nama:
            layanan[nama] += baris + "\n"
    return layanan


def test_compose_has_web_worker_database_redis_with_health_checks():
    layanan = _layanan_compose()
    assert set(layanan) == {"db", "redis", "web", "worker"}
    for nama, teks in layanan.items():
        assert "healthcheck:" in teks, nama
    assert "gunicorn config.wsgi:application" in layanan["web"]
    assert "/healthz" in layanan["web"]
    assert '"celery", "-A", "config", "worker"' in layanan["worker"]
    umum = ROOT.joinpath("docker-compose.yml").read_text().split("\nservices:\n", 1)[0]
    assert "CELERY_BROKER_URL: redis://redis:6379/0" in umum
    assert "DJANGO_SETTINGS_MODULE: config.settings.production" in umum
