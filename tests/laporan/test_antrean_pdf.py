"""PDFs on the real queue: Redis at 127.0.0.1:6379, a Celery worker subprocess (prefork pool)
and a fresh PostgreSQL database both share with the requesting process.

- the same LKjIP edition requested twice at once is rendered once (one job key, one task);
- a worker process killed mid-render is replaced, the task redelivered and the PDF appears.

Bounded: every wait has a limit; the worker and the database are removed afterwards.
"""

from __future__ import annotations

import json
import os
import signal
import uuid

import pytest

from tests.ops.instalasi import (
    Instalasi,
    anak_dari,
    buat_db,
    hapus_db,
    pg_admin,
    redis_atau_lewati,
    tunggu,
)

BATAS_RENDER = 240


@pytest.fixture(scope="module")
def instalasi(tmp_path_factory):
    redis = redis_atau_lewati()
    pg_admin().close()
    nama = f"sakip_uji_antrean_{uuid.uuid4().hex[:8]}"
    inst = Instalasi(
        database_url=buat_db(nama),
        media=tmp_path_factory.mktemp("media-antrean"),
        broker=os.environ.get("UJI_REDIS_URL", "redis://127.0.0.1:6379/0"),
    )
    try:
        inst.siapkan("kesbangpol-paser.json")
        yield inst
    finally:
        inst.hentikan_pekerja()
        redis.delete(inst.antrean)
        hapus_db(nama)


def _baris(inst: Instalasi, pk: int) -> dict:
    import psycopg2
    import psycopg2.extras

    koneksi = psycopg2.connect(inst.database_url)
    with koneksi, koneksi.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(
            "SELECT status, percobaan, dikerjakan, berkas, pesan FROM laporan_cetakan "
            "WHERE id = %s",
            [pk],
        )
        baris = dict(cur.fetchone())
        cur.execute(
            "SELECT aksi, count(*) AS n FROM common_auditlog WHERE object_id = %s "
            "AND aksi LIKE 'laporan.pdf.%%' GROUP BY aksi",
            [str(pk)],
        )
        baris["audit"] = {r["aksi"]: r["n"] for r in cur.fetchall()}
    koneksi.close()
    return baris


MINTA_BERSAMAAN = """
import json, threading
from django.contrib.auth import get_user_model
from django.db import connections
from laporan import services
from renstra.models import PerangkatDaerah

pd = PerangkatDaerah.objects.get(slug="kesbangpol-paser")
kepala = get_user_model().objects.get(username="kepala")
laporan = services.laporan_dapatkan(pd=pd, jenis="lkjip", tahun=2023, user=kepala)
from periksa.services import masalah_gerbang, penjelasan_simpan
for g in masalah_gerbang(pd=pd, tahun=2023):
    penjelasan_simpan(pd=pd, tahun=2023, kode=g.masalah.kode, model=g.masalah.objek.model,
                      objek_id=g.masalah.objek.pk, teks="Diperiksa.", user=kepala)
edisi = services.laporan_setujui(laporan=laporan, user=kepala)
isi = services.html_cetak(laporan, edisi)
penghalang = threading.Barrier(2)
hasil = []

def minta():
    penghalang.wait()
    hasil.append(services.cetakan_minta(laporan=laporan, edisi=edisi, user=kepala, isi=isi).pk)
    connections.close_all()

benang = [threading.Thread(target=minta) for _ in range(2)]
for b in benang:
    b.start()
for b in benang:
    b.join()
print(json.dumps(hasil))
"""


def test_same_edition_requested_twice_at_once_renders_once(instalasi):
    instalasi.mulai_pekerja(konkurensi=2)
    dua = json.loads(instalasi.shell(MINTA_BERSAMAAN).strip().splitlines()[-1])
    assert len(dua) == 2 and dua[0] == dua[1]
    pk = dua[0]
    baris = tunggu(
        lambda: (b := _baris(instalasi, pk))["status"] != "proses" and b, BATAS_RENDER, 0.5
    )
    assert baris["status"] == "selesai", baris["pesan"]
    assert baris["percobaan"] == 1
    assert baris["audit"] == {"laporan.pdf.minta": 1, "laporan.pdf.buat": 1}
    assert (instalasi.media / baris["berkas"]).read_bytes()[:4] == b"%PDF"
    instalasi.hentikan_pekerja()


MINTA_BERAT = """
from django.contrib.auth import get_user_model
from laporan import services
from laporan.models import Laporan

kepala = get_user_model().objects.get(username="kepala")
laporan = Laporan.objects.get(perangkat_daerah__slug="kesbangpol-paser", jenis="lkjip", tahun=2023)
isi = services.html_cetak(laporan, None)
# Three bodies in one document: a render of several seconds, long enough to be interrupted.
awal, badan = isi.html.split("<body", 1)
badan, akhir = badan.split("</body>", 1)
isi.html = awal + "<body" + badan + badan.split(">", 1)[1] * 2 + "</body>" + akhir
print(services.cetakan_minta(laporan=laporan, user=kepala, isi=isi).pk)
"""


def test_worker_killed_mid_render_is_retried_and_the_pdf_appears(instalasi):
    pekerja = instalasi.mulai_pekerja(konkurensi=1)
    pk = int(instalasi.shell(MINTA_BERAT).strip().splitlines()[-1])

    # The pool's process has started rendering (first attempt recorded): kill it outright.
    tunggu(lambda: _baris(instalasi, pk)["percobaan"] == 1, 120)
    anak = tunggu(lambda: anak_dari(pekerja.pid), 10)
    assert _baris(instalasi, pk)["status"] == "proses"
    for pid in anak:
        os.kill(pid, signal.SIGKILL)

    baris = tunggu(
        lambda: (b := _baris(instalasi, pk))["status"] != "proses" and b, BATAS_RENDER, 0.5
    )
    assert baris["status"] == "selesai", baris["pesan"]
    assert baris["percobaan"] == 2
    assert baris["audit"]["laporan.pdf.buat"] == 1
    assert (instalasi.media / baris["berkas"]).read_bytes()[:4] == b"%PDF"
    assert pekerja.poll() is None  # the worker itself survived and replaced its process
    instalasi.hentikan_pekerja()
