"""A backup that is a backup (#12 point 3, #16 point 7): `cadangkan` on PostgreSQL, restored
as docs/cadangan.md says into an empty database and an empty media folder, gives the same
LKjIP, the same audit log and the same evidence downloads."""

from __future__ import annotations

import json
import shutil
import subprocess
import uuid

import pytest

from tests.ops.instalasi import Instalasi, buat_db, hapus_db, pg_admin

ISI = """
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from kinerja.models import Bukti, Realisasi
from laporan import services

User = get_user_model()
kepala = User.objects.get(username="kepala")
laporan = services.laporan_dapatkan(pd=kepala.keanggotaan.first().perangkat_daerah,
                                    jenis="lkjip", tahun=2023, user=kepala)
services.narasi_simpan(laporan=laporan, kunci="kata_pengantar", user=kepala,
                       teks="Kata pengantar yang disunting sebelum pencadangan.")
from periksa.services import masalah_gerbang, penjelasan_simpan
for g in masalah_gerbang(pd=laporan.perangkat_daerah, tahun=2023):
    penjelasan_simpan(pd=laporan.perangkat_daerah, tahun=2023, kode=g.masalah.kode,
                      model=g.masalah.objek.model, objek_id=g.masalah.objek.pk,
                      teks="Diperiksa sebelum pencadangan.", user=kepala)
services.laporan_setujui(laporan=laporan, user=kepala)
r = Realisasi.objects.filter(indikator__perangkat_daerah=laporan.perangkat_daerah).first()
isi = b"%PDF-1.4 daftar hadir rapat koordinasi " + bytes(range(256))
b = Bukti(realisasi=r, nama_asli="daftar-hadir.pdf", jenis_konten="application/pdf",
          ukuran=len(isi), diunggah_oleh=kepala)
b.berkas.save("9f1c-daftar-hadir.pdf", ContentFile(isi), save=True)
print(b.pk)
"""

POTRET = """
import hashlib, json
from django.contrib.auth import get_user_model
from django.test import Client
from common.models import AuditLog
from kinerja.models import Bukti
from laporan import services
from laporan.models import Laporan

laporan = Laporan.objects.get(perangkat_daerah__slug="kesbangpol-paser", jenis="lkjip",
                              tahun=2023)
edisi = laporan.edisi.order_by("-nomor").first()
sha = lambda b: hashlib.sha256(b).hexdigest()
klien = Client(HTTP_HOST="localhost")
klien.force_login(get_user_model().objects.get(username="kepala"))
bukti = {}
for b in Bukti.objects.filter(realisasi__indikator__perangkat_daerah__slug="kesbangpol-paser"):
    url = f"/pd/kesbangpol-paser/kinerja/bukti/{b.pk}/"
    respon = klien.get(url)
    isi = b"".join(respon.streaming_content) if respon.streaming else respon.content
    bukti[b.pk] = [respon.status_code, sha(isi)]
audit = list(AuditLog.objects.order_by("pk").values_list(
    "pk", "waktu", "pengguna__username", "aksi", "object_id", "perubahan", "keterangan"))
print(json.dumps({
    "lkjip_draft": sha(services.html_cetak(laporan, None).html.encode()),
    "lkjip_edisi": sha(services.html_cetak(laporan, edisi).html.encode()),
    "narasi": list(laporan.narasi.values_list("kunci", "teks")),
    "audit_n": len(audit),
    "audit": sha(json.dumps(audit, default=str).encode()),
    "bukti": bukti,
    "pengguna": sorted(get_user_model().objects.values_list("username", "password")),
}))
"""


@pytest.fixture
def dua_database():
    pg_admin().close()
    if shutil.which("pg_restore") is None:
        pytest.skip("pg_restore (postgresql-client) tidak terpasang.")
    nama = [f"sakip_uji_cadangan_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    url = [buat_db(n) for n in nama]
    yield nama, url
    for n in nama:
        hapus_db(n)


def _potret(inst: Instalasi) -> dict:
    return json.loads(inst.shell(POTRET).strip().splitlines()[-1])


def test_backup_restores_to_an_identical_installation(dua_database, tmp_path):
    (nama_a, nama_b), (url_a, url_b) = dua_database
    asal = Instalasi(database_url=url_a, media=tmp_path / "media-asal")
    asal.siapkan("kesbangpol-paser.json")
    bukti_pk = int(asal.shell(ISI).strip().splitlines()[-1])
    sebelum = _potret(asal)
    assert sebelum["bukti"][str(bukti_pk)][0] == 200
    assert sebelum["narasi"] and sebelum["audit_n"] > 0

    folder = tmp_path / "cadangan"
    keluaran = asal.manage("cadangkan", "--out", str(folder))
    assert "Cadangan ditulis" in keluaran
    manifest = json.loads((folder / "manifest.json").read_text())
    nama_berkas = {b["nama"] for b in manifest["berkas"]}
    assert "database.dump" in nama_berkas
    assert any(n.startswith("media/bukti/") and n.endswith("daftar-hadir.pdf") for n in nama_berkas)
    assert "Cadangan utuh" in asal.manage("cadangkan", "--periksa", str(folder))

    # The restore of docs/cadangan.md: pg_restore into an empty database, media copied back.
    hasil = subprocess.run(
        ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "-d", url_b]
        + [str(folder / "database.dump")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert hasil.returncode == 0, hasil.stderr
    pulih = Instalasi(database_url=url_b, media=tmp_path / "media-pulih")
    shutil.copytree(folder / "media", pulih.media)

    assert _potret(pulih) == sebelum


def test_check_reports_a_changed_file(tmp_path, settings):
    """`--periksa` names what no longer matches the manifest."""
    from django.core.management import CommandError, call_command

    folder = tmp_path / "cadangan"
    folder.mkdir()
    (folder / "database.sqlite3").write_bytes(b"isi")
    (folder / "manifest.json").write_text(
        json.dumps(
            {
                "format": "sakip-cadangan/1",
                "berkas": [{"nama": "database.sqlite3", "ukuran": 3, "sha256": "0" * 64}],
            }
        )
    )
    with pytest.raises(CommandError, match="database.sqlite3 berubah"):
        call_command("cadangkan", "--periksa", str(folder))


def test_sqlite_backup_is_a_consistent_copy_with_media(tmp_path):
    import sqlite3

    db = tmp_path / "asal.sqlite3"
    asal = Instalasi(database_url=f"sqlite:///{db}", media=tmp_path / "media")
    asal.manage("migrate", "--noinput", "-v0")
    asal.manage("loaddata", "referensi", "-v0")
    (asal.media / "bukti" / "1").mkdir(parents=True)
    (asal.media / "bukti" / "1" / "a.pdf").write_bytes(b"%PDF-1.4 bukti")

    asal.manage("cadangkan", "--out", str(tmp_path / "c"))
    salinan = sqlite3.connect(tmp_path / "c" / "database.sqlite3")
    sumber = sqlite3.connect(db)
    for tabel in ("django_migrations", "renstra_nomenklatur", "auth_user"):
        perintah = f"SELECT count(*) FROM {tabel}"
        assert salinan.execute(perintah).fetchone() == sumber.execute(perintah).fetchone()
    assert (tmp_path / "c" / "media" / "bukti" / "1" / "a.pdf").read_bytes() == b"%PDF-1.4 bukti"
    manifest = json.loads((tmp_path / "c" / "manifest.json").read_text())
    assert manifest["database"] == {"engine": "sqlite", "berkas": "database.sqlite3"}
