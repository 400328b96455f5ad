"""A real installation for the operations tests: a fresh PostgreSQL database, a media folder,
and `manage.py` / Celery worker subprocesses that use them (the test process's own database
is pytest-django's and invisible to other processes).

Skips with a reason when PostgreSQL (127.0.0.1:5432) or Redis (127.0.0.1:6379) does not
answer; CI has both.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN = os.environ.get("UJI_PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("UJI_REDIS_URL", "redis://127.0.0.1:6379/0")
CELERY = Path(sys.executable).with_name("celery")


def pg_admin():
    psycopg2 = pytest.importorskip("psycopg2")
    try:
        koneksi = psycopg2.connect(PG_ADMIN, connect_timeout=3)
    except psycopg2.OperationalError as galat:
        pytest.skip(f"PostgreSQL tidak menjawab di {PG_ADMIN}: {galat}")
    koneksi.autocommit = True
    return koneksi


def redis_atau_lewati():
    import redis

    klien = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        klien.ping()
    except redis.exceptions.ConnectionError as galat:
        pytest.skip(f"Redis tidak menjawab di {REDIS_URL}: {galat}")
    return klien


def buat_db(nama: str) -> str:
    koneksi = pg_admin()
    with koneksi.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{nama}"')
    koneksi.close()
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{nama}"


def hapus_db(nama: str) -> None:
    koneksi = pg_admin()
    with koneksi.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
    koneksi.close()


@dataclass
class Instalasi:
    """One installation: database URL, media folder, queue name; runs commands against it."""

    database_url: str
    media: Path
    antrean: str = field(default_factory=lambda: f"uji-{uuid.uuid4().hex[:10]}")
    broker: str = ""
    pekerja: list[subprocess.Popen] = field(default_factory=list)

    def env(self, **lain: str) -> dict[str, str]:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("CELERY_", "DJANGO_", "SQLITE_", "DATABASE_", "MEDIA_"))
            and k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DEMO_MODE"}
        }
        # The test process's settings put DEBUG=false into os.environ; these run as `make run`.
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.dev",
            DEBUG="true",
            DEMO_MODE="true",
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(self.media),
            CELERY_QUEUE=self.antrean,
            SITUS_URL="https://sakip.contoh.go.id",
        )
        if self.broker:
            env["CELERY_BROKER_URL"] = self.broker
        env.update(lain)
        return env

    def manage(self, *args: str, timeout: float = 300, **env: str) -> str:
        hasil = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(**env),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert hasil.returncode == 0, hasil.stderr[-4000:]
        return hasil.stdout

    def shell(self, kode: str, timeout: float = 300) -> str:
        return self.manage("shell", "-c", kode, timeout=timeout)

    def siapkan(self, *dataset: str) -> None:
        self.manage("migrate", "--noinput", "-v0")
        self.manage("loaddata", "referensi", "-v0")
        for berkas in dataset:
            self.manage("muat_dataset", str(ROOT / "fixtures" / "demo" / berkas))
        self.manage("buat_pengguna_demo")

    def mulai_pekerja(self, konkurensi: int = 1) -> subprocess.Popen:
        proses = subprocess.Popen(
            [
                str(CELERY),
                "-A",
                "config",
                "worker",
                "--pool",
                "prefork",
                "--concurrency",
                str(konkurensi),
                "-Q",
                self.antrean,
                "--without-gossip",
                "--without-mingle",
                "--loglevel",
                "INFO",
            ],
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.pekerja.append(proses)
        return proses

    def hentikan_pekerja(self) -> None:
        for proses in self.pekerja:
            if proses.poll() is None:
                os.killpg(proses.pid, signal.SIGTERM)
                try:
                    proses.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(proses.pid, signal.SIGKILL)
                    proses.wait(timeout=10)
        self.pekerja.clear()


def anak_dari(pid: int) -> list[int]:
    """Child process ids of `pid` (from /proc; the prefork pool's workers)."""
    anak = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            bagian = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(bagian[1]) == pid:
            anak.append(int(stat.parent.name))
    return anak


def tunggu(syarat, batas_detik: float, jeda: float = 0.1):
    """Poll `syarat()` until it returns something truthy; fails after `batas_detik`."""
    akhir = time.monotonic() + batas_detik
    while time.monotonic() < akhir:
        hasil = syarat()
        if hasil:
            return hasil
        time.sleep(jeda)
    pytest.fail(f"tidak terpenuhi dalam {batas_detik} detik")
