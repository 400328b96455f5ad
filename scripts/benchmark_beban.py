#!/usr/bin/env python
"""Bounded load benchmark on loopback: gunicorn + PostgreSQL, production settings.

For `--durasi` seconds (default 60), `--operator` operators (default 20) each open the
realisasi form of their own indicator and quarter and save a draft, pausing `--jeda` seconds
(default 1.0, the time a person types) between requests, and `--reviewer` reviewers
(default 5) open the LKjIP page, pausing `--jeda-reviewer` seconds (default 10, the time a
person reads a page of the report) between openings. Prints, per kind of request, the count,
p50/p95/p99 latency, throughput and errors (any status other than the expected 200/302, or a
connection failure). With `--banding URL_1PD` it also measures, in process, the SQL query
count and the fastest of `--ulang` × `--putaran` timings of each per-PD page, for the same
PD in the one-PD installation and in the one under load, and prints their ratio.

Usage (see docs/skala.md for the run whose figures are quoted there):
  DATABASE_URL=…/skala50 .venv/bin/python scripts/buat_provinsi.py --out /tmp/p50 --muat
  DATABASE_URL=…/skala1 .venv/bin/python scripts/buat_provinsi.py --out /tmp/p1 --jumlah 1 --muat
  .venv/bin/python scripts/benchmark_beban.py --database-url postgres://…/skala50 \\
      --banding postgres://…/skala1 [--pd pd-uji-01] [--workers 5]

Writes only benchmark users (`beban-…`) and draft realisations of `--tahun`/`--triwulan`
(2026 TW IV, whose entry window is open) into the database given; nothing else is touched.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "beban-rahasia-123"

SIAPKAN = """
import json
from django.contrib.auth import get_user_model
from django.urls import reverse
from common.models import Keanggotaan
from kinerja import services
from kinerja.forms import RealisasiForm
from laporan.models import PenugasanReviu
from renstra.models import Indikator, PerangkatDaerah

pd = PerangkatDaerah.objects.get(slug=%(pd)r)
User = get_user_model()
indikator = [
    i for i in services.indikator_dengan_unit(Indikator.objects.for_pd(pd)).order_by("pk")
    if "nilai" in (kolom := set(RealisasiForm(indikator=i).fields))
    and not kolom & {"pembilang", "predikat"}
]
slot = [(i, %(triwulan)d) for i in indikator]
operator = []
for n in range(%(operator)d):
    i, tw = slot[n %% len(slot)]
    u, _ = User.objects.get_or_create(username=f"beban-op-{n:02d}")
    u.set_password(%(password)r); u.save()
    Keanggotaan.objects.get_or_create(
        pengguna=u, perangkat_daerah=pd, unit_kerja_id=i.unit_id, peran="operator")
    operator.append([u.username, reverse("kinerja:realisasi_isi", kwargs={
        "pd": pd.slug, "indikator": i.pk, "tahun": %(tahun)d, "triwulan": tw})])
reviewer = []
for n in range(%(reviewer)d):
    u, _ = User.objects.get_or_create(username=f"beban-rev-{n:02d}")
    u.set_password(%(password)r); u.save()
    Keanggotaan.objects.get_or_create(pengguna=u, perangkat_daerah=pd, peran="inspektorat")
    PenugasanReviu.objects.get_or_create(reviewer=u, perangkat_daerah=pd, tahun=2023)
    reviewer.append([u.username, reverse("laporan:laporan", kwargs={
        "pd": pd.slug, "jenis": "lkjip", "tahun": 2023})])
print(json.dumps({"operator": operator, "reviewer": reviewer, "indikator": len(indikator)}))
"""

UKUR = """
import json, time
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

User = get_user_model()
halaman = {
    "realisasi_isi": ("beban-op-00", %(url_isi)r),
    "realisasi_daftar": ("beban-op-00", reverse("kinerja:realisasi_daftar", kwargs={"pd": %(pd)r})),
    "lkjip": ("beban-rev-00", reverse("laporan:laporan",
                                      kwargs={"pd": %(pd)r, "jenis": "lkjip", "tahun": 2023})),
    "beranda_pd": ("beban-rev-00", reverse("beranda_pd", kwargs={"pd": %(pd)r})),
}
hasil = {}
for nama, (user, url) in halaman.items():
    klien = Client(HTTP_HOST="127.0.0.1")
    klien.force_login(User.objects.get(username=user))
    assert klien.get(url).status_code == 200, (nama, url)
    waktu = []
    for _ in range(%(ulang)d):
        with CaptureQueriesContext(connection) as q:
            mulai = time.perf_counter()
            status = klien.get(url).status_code
            waktu.append((time.perf_counter() - mulai) * 1000)
        assert status == 200
    # The fastest run: the least disturbed by whatever else the machine is doing.
    hasil[nama] = {"query": len(q.captured_queries), "ms": min(waktu)}
print(json.dumps(hasil))
"""


def env_untuk(database_url: str, **lain: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SQLITE_", "DATABASE_", "CELERY_"))
    }
    env.update(DATABASE_URL=database_url, **lain)
    return env


def shell(database_url: str, kode: str) -> dict:
    hasil = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", kode],
        cwd=ROOT,
        env=env_untuk(database_url, DJANGO_SETTINGS_MODULE="config.settings.dev", DEBUG="true"),
        capture_output=True,
        text=True,
        timeout=900,
    )
    if hasil.returncode != 0:
        sys.exit(hasil.stderr[-3000:])
    return json.loads(hasil.stdout.strip().splitlines()[-1])


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sesi:
    """One logged-in user over one keep-alive-less HTTP connection per request."""

    def __init__(self, port: int):
        self.port = port
        self.cookie: dict[str, str] = {}

    def minta(self, metode: str, url: str, data: dict | None = None):
        koneksi = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        kepala = {
            "Host": "127.0.0.1",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookie.items()),
        }
        badan = None
        if data is not None:
            badan = urllib.parse.urlencode(data)
            kepala["Content-Type"] = "application/x-www-form-urlencoded"
            kepala["Referer"] = f"http://127.0.0.1:{self.port}{url}"
        koneksi.request(metode, url, body=badan, headers=kepala)
        respon = koneksi.getresponse()
        isi = respon.read()
        for nilai in respon.msg.get_all("Set-Cookie") or []:
            nama, _, sisa = nilai.partition("=")
            self.cookie[nama.strip()] = sisa.split(";", 1)[0]
        koneksi.close()
        return respon.status, isi.decode("utf-8", "replace")

    def token(self, html: str) -> str:
        m = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        return m.group(1) if m else ""

    def masuk(self, username: str) -> None:
        _, html = self.minta("GET", "/masuk/")
        status, _ = self.minta(
            "POST",
            "/masuk/",
            {"csrfmiddlewaretoken": self.token(html), "username": username, "password": PASSWORD},
        )
        if status != 302:
            raise RuntimeError(f"login {username}: {status}")


class Catatan:
    def __init__(self):
        self.kunci = threading.Lock()
        self.latensi: dict[str, list[float]] = {}
        self.galat: dict[str, int] = {}
        self.contoh_galat: list[str] = []

    def catat(self, jenis: str, ms: float, ok: bool, keterangan: str = "") -> None:
        with self.kunci:
            self.latensi.setdefault(jenis, []).append(ms)
            if not ok:
                self.galat[jenis] = self.galat.get(jenis, 0) + 1
                if len(self.contoh_galat) < 5:
                    self.contoh_galat.append(f"{jenis}: {keterangan}")


def _timed(catatan: Catatan, jenis: str, fungsi, harap: tuple[int, ...]):
    mulai = time.perf_counter()
    try:
        status, html = fungsi()
    except Exception as galat:  # connection failures count as errors
        catatan.catat(jenis, (time.perf_counter() - mulai) * 1000, False, repr(galat))
        return None
    catatan.catat(jenis, (time.perf_counter() - mulai) * 1000, status in harap, str(status))
    return html


def operator(port, username, url, akhir, jeda, catatan: Catatan, nomor: int):
    sesi = Sesi(port)
    sesi.masuk(username)
    n = 0
    while time.monotonic() < akhir:
        html = _timed(catatan, "form realisasi (GET)", lambda: sesi.minta("GET", url), (200,))
        if html is None:
            continue
        versi = re.search(r'name="versi" value="(\d+)"', html)
        time.sleep(jeda)
        if time.monotonic() >= akhir:
            break
        n += 1
        data = {
            "csrfmiddlewaretoken": sesi.token(html),
            "versi": versi.group(1) if versi else "0",
            "nilai": str(10 + (nomor * 7 + n) % 90),
        }
        _timed(catatan, "simpan draf (POST)", lambda d=data: sesi.minta("POST", url, d), (302,))
        time.sleep(jeda)


def reviewer(port, username, url, akhir, jeda, catatan: Catatan):
    sesi = Sesi(port)
    sesi.masuk(username)
    while time.monotonic() < akhir:
        _timed(catatan, "halaman LKjIP (GET)", lambda: sesi.minta("GET", url), (200,))
        time.sleep(jeda)


def persentil(data: list[float], p: float) -> float:
    if not data:
        return float("nan")
    urut = sorted(data)
    k = max(0, min(len(urut) - 1, round(p / 100 * len(urut) + 0.5) - 1))
    return urut[k]


def mulai_gunicorn(database_url: str, port: int, workers: int, threads: int, static_root: Path):
    env = env_untuk(
        database_url,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        STATIC_ROOT=str(static_root),
        LOG_LEVEL="WARNING",
        DEBUG="false",
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proses = subprocess.Popen(
        [
            str(gunicorn),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    batas = time.monotonic() + 60
    while time.monotonic() < batas:
        try:
            status, _ = Sesi(port).minta("GET", "/healthz")
            if status == 200:
                return proses
        except OSError:
            pass
        time.sleep(0.5)
    os.killpg(proses.pid, signal.SIGKILL)
    sys.exit("gunicorn tidak siap dalam 60 detik")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--banding", help="DATABASE_URL of the one-PD installation")
    parser.add_argument("--pd", default="pd-uji-01")
    # The quarter whose entry window is open today (the demo Renstra runs to 2026).
    parser.add_argument("--tahun", type=int, default=2026)
    parser.add_argument("--triwulan", type=int, default=4)
    parser.add_argument("--durasi", type=float, default=60)
    parser.add_argument("--operator", type=int, default=20)
    parser.add_argument("--reviewer", type=int, default=5)
    parser.add_argument("--jeda", type=float, default=1.0)
    parser.add_argument("--jeda-reviewer", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=3)
    # Threads per worker (gthread): a long LKjIP render does not hold a short form request.
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--ulang", type=int, default=5)
    parser.add_argument("--putaran", type=int, default=3)
    args = parser.parse_args(argv)

    parameter = {
        "pd": args.pd,
        "operator": args.operator,
        "reviewer": args.reviewer,
        "password": PASSWORD,
        "tahun": args.tahun,
        "triwulan": args.triwulan,
    }
    slot = shell(args.database_url, SIAPKAN % parameter)
    print(
        f"PD {args.pd}: {slot['indikator']} indikator isian angka; {args.operator} operator, "
        f"{args.reviewer} reviewer, jeda {args.jeda} s / {args.jeda_reviewer} s, "
        f"{args.durasi:.0f} s, "
        f"gunicorn {args.workers}×{args.threads}, {os.cpu_count()} CPU, "
        f"beban mesin {os.getloadavg()[0]:.1f}"
    )
    static_root = Path(tempfile.mkdtemp(prefix="beban-static-"))
    port = port_bebas()
    proses = mulai_gunicorn(args.database_url, port, args.workers, args.threads, static_root)
    catatan = Catatan()
    try:
        akhir = time.monotonic() + args.durasi
        benang = [
            threading.Thread(
                target=operator, args=(port, u, url, akhir, args.jeda, catatan, n), daemon=True
            )
            for n, (u, url) in enumerate(slot["operator"])
        ] + [
            threading.Thread(
                target=reviewer,
                args=(port, u, url, akhir, args.jeda_reviewer, catatan),
                daemon=True,
            )
            for u, url in slot["reviewer"]
        ]
        mulai = time.monotonic()
        for b in benang:
            b.start()
        for b in benang:
            b.join(timeout=args.durasi + 120)
        lama = time.monotonic() - mulai
    finally:
        os.killpg(proses.pid, signal.SIGTERM)
        proses.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)

    print(
        f"\n{'permintaan':24} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'/detik':>7} galat"
    )
    total = 0
    for jenis, data in sorted(catatan.latensi.items()):
        total += len(data)
        print(
            f"{jenis:24} {len(data):6d} {persentil(data, 50):8.1f} {persentil(data, 95):8.1f} "
            f"{persentil(data, 99):8.1f} {len(data) / lama:7.1f} {catatan.galat.get(jenis, 0)}"
        )
    print(
        f"{'semua':24} {total:6d} {'':8} {'':8} {'':8} {total / lama:7.1f} "
        f"{sum(catatan.galat.values())}"
    )
    for contoh in catatan.contoh_galat:
        print(f"  galat: {contoh}")

    if args.banding:
        kecil = {**parameter, "operator": 1, "reviewer": 1}
        url_satu = shell(args.banding, SIAPKAN % kecil)["operator"][0][1]
        # The form of an approved demo quarter (2023 TW IV): the same rows in both databases,
        # untouched by the drafts the load run saved.
        ukur = {"pd": args.pd, "ulang": args.ulang}
        periode = f"/{args.tahun}/{args.triwulan}/"
        url_satu = url_satu.replace(periode, "/2023/4/")
        url_banyak = slot["operator"][0][1].replace(periode, "/2023/4/")
        satu, banyak = {}, {}
        for _ in range(args.putaran):  # interleaved, so both see the same machine load
            for hasil, url, db in (
                (satu, url_satu, args.banding),
                (banyak, url_banyak, args.database_url),
            ):
                for nama, nilai in shell(db, UKUR % {**ukur, "url_isi": url}).items():
                    lama = hasil.get(nama)
                    hasil[nama] = nilai if lama is None or nilai["ms"] < lama["ms"] else lama
        print(
            f"\n{'halaman per PD':20} {'query 1 PD':>10} {'query N PD':>10} "
            f"{'ms 1 PD':>8} {'ms N PD':>8} {'rasio':>6}"
        )
        for nama in satu:
            a, b = satu[nama], banyak[nama]
            print(
                f"{nama:20} {a['query']:10d} {b['query']:10d} {a['ms']:8.1f} {b['ms']:8.1f} "
                f"{b['ms'] / a['ms']:6.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
