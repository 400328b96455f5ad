"""`manage.py cadangkan --out FOLDER`: a backup that restores to an identical installation.

Writes into FOLDER (created; it must be empty):
- `database.dump`: `pg_dump --format=custom` of the whole PostgreSQL database (every table:
  plan, results of every status, narratives, review notes, users, audit log), or
  `database.sqlite3`: a consistent copy of the SQLite file (SQLite's online backup API);
- `media/`: every file of the default storage (evidence, kept PDFs), read through the storage
  API, so S3-compatible storage is backed up the same way;
- `manifest.json`: format, time, database engine, the applied migrations, and the size and
  SHA-256 of every file above.

`manage.py cadangkan --periksa FOLDER` checks a backup against its manifest. The restore is
documented in docs/cadangan.md and tested in tests/ops/test_cadangan.py. `ekspor_dataset` is
not a backup (see its help).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "sakip-cadangan/1"
PESAN_FOLDER_TIDAK_KOSONG = "Folder {folder} sudah berisi berkas; pilih folder baru atau kosong."
PESAN_PG_DUMP_TIDAK_ADA = (
    "pg_dump tidak ditemukan. Pasang dengan: sudo apt-get install -y postgresql-client"
)
PESAN_PG_DUMP_GAGAL = "pg_dump gagal: {galat}"
PESAN_ENGINE = "Basis data {engine} tidak didukung; hanya PostgreSQL dan SQLite."
PESAN_SELESAI = "Cadangan ditulis ke {folder}: basis data {db}, {n} berkas media, {ukuran} byte."
PESAN_MANIFEST_TIDAK_ADA = "{folder} tidak memuat manifest.json: bukan folder cadangan."
PESAN_RUSAK = "Cadangan rusak: {daftar}."
PESAN_UTUH = "Cadangan utuh: {n} berkas sesuai manifest."


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as berkas:
        for potongan in iter(lambda: berkas.read(1 << 20), b""):
            h.update(potongan)
    return h.hexdigest()


def _semua_berkas_storage(folder: str = ""):
    """Every file name of the default storage, recursively (storage API only)."""
    try:
        subfolder, berkas = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for nama in sorted(berkas):
        yield f"{folder}/{nama}" if folder else nama
    for sub in sorted(subfolder):
        yield from _semua_berkas_storage(f"{folder}/{sub}" if folder else sub)


def _pg_dump(tujuan: Path) -> None:
    if shutil.which("pg_dump") is None:
        raise CommandError(PESAN_PG_DUMP_TIDAK_ADA)
    db = connection.settings_dict
    env = {**os.environ}
    for kunci, nilai in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
    ):
        if nilai:
            env[kunci] = str(nilai)
    hasil = subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "--file",
            str(tujuan),
            db["NAME"],
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if hasil.returncode != 0:
        raise CommandError(PESAN_PG_DUMP_GAGAL.format(galat=hasil.stderr.strip()))


def _sqlite(tujuan: Path) -> None:
    connection.ensure_connection()
    sumber = sqlite3.connect(connection.settings_dict["NAME"])
    salinan = sqlite3.connect(tujuan)
    with salinan:
        sumber.backup(salinan)
    salinan.close()
    sumber.close()


class Command(BaseCommand):
    help = (
        "Mencadangkan seluruh instalasi: basis data (pg_dump untuk PostgreSQL, salinan berkas "
        "untuk SQLite), semua berkas media, dan manifest dengan checksum SHA-256. Pemulihan: "
        "docs/cadangan.md."
    )

    def add_arguments(self, parser):
        kelompok = parser.add_mutually_exclusive_group(required=True)
        kelompok.add_argument("--out", help="Folder tujuan (dibuat; harus kosong).")
        kelompok.add_argument("--periksa", help="Periksa folder cadangan terhadap manifestnya.")

    def handle(self, *args, **options):
        if options.get("periksa"):
            return self._periksa(Path(options["periksa"]))
        folder = Path(options["out"])
        if folder.exists() and any(folder.iterdir()):
            raise CommandError(PESAN_FOLDER_TIDAK_KOSONG.format(folder=folder))
        folder.mkdir(parents=True, exist_ok=True)

        vendor = connection.vendor
        if vendor == "postgresql":
            nama_db = "database.dump"
            _pg_dump(folder / nama_db)
        elif vendor == "sqlite":
            nama_db = "database.sqlite3"
            _sqlite(folder / nama_db)
        else:
            raise CommandError(PESAN_ENGINE.format(engine=vendor))

        media = folder / "media"
        media.mkdir()
        for nama in _semua_berkas_storage():
            tujuan = media / nama
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(nama, "rb") as sumber, tujuan.open("wb") as keluar:
                shutil.copyfileobj(sumber, keluar)

        daftar = [folder / nama_db, *sorted(p for p in media.rglob("*") if p.is_file())]
        manifest = {
            "format": FORMAT,
            "dibuat": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": {"engine": vendor, "berkas": nama_db},
            "migrasi": sorted(
                f"{app}.{nama}"
                for app, nama in MigrationRecorder(connection)
                .migration_qs.values_list("app", "name")
                .iterator()
            ),
            "berkas": [
                {
                    "nama": p.relative_to(folder).as_posix(),
                    "ukuran": p.stat().st_size,
                    "sha256": sha256(p),
                }
                for p in daftar
            ],
        }
        (folder / "manifest.json").write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        self.stdout.write(
            PESAN_SELESAI.format(
                folder=folder,
                db=vendor,
                n=len(daftar) - 1,
                ukuran=sum(b["ukuran"] for b in manifest["berkas"]),
            )
        )

    def _periksa(self, folder: Path) -> None:
        path = folder / "manifest.json"
        if not path.exists():
            raise CommandError(PESAN_MANIFEST_TIDAK_ADA.format(folder=folder))
        manifest = json.loads(path.read_text(encoding="utf-8"))
        rusak = []
        for b in manifest["berkas"]:
            p = folder / b["nama"]
            if not p.is_file():
                rusak.append(f"{b['nama']} hilang")
            elif sha256(p) != b["sha256"]:
                rusak.append(f"{b['nama']} berubah")
        if rusak:
            raise CommandError(PESAN_RUSAK.format(daftar=", ".join(rusak)))
        self.stdout.write(PESAN_UTUH.format(n=len(manifest["berkas"])))
