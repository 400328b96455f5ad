"""A race of first saves of one (indikator, tahun, triwulan) (issue #16, point 4): every loser
gets the conflict page (409) a stale form gets, never a form error saying the row exists."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from kinerja import services
from kinerja.models import Realisasi
from renstra.models import Indikator
from tests.conftest import TAHUN_UJI

BENTROK = "Terjadi bentrok suntingan."


@pytest.fixture
def indikator_angka(paser):
    """8.01.02.2.01.04.I1: a plain value of unit A."""
    return Indikator.objects.get(perangkat_daerah=paser, kode="8.01.02.2.01.04.I1")


def url_isi(pd, indikator):
    return reverse(
        "kinerja:realisasi_isi",
        kwargs={"pd": pd.slug, "indikator": indikator.pk, "tahun": TAHUN_UJI, "triwulan": 1},
    )


def pemenang_menyusup(monkeypatch, *, indikator, user, nilai):
    """Make the service's first lookup miss a row another request inserts right after it:
    the interleaving of a race, made deterministic. (The row is inserted inside the loser's
    transaction here, so the loser's rollback removes it; in a real race it stays.)"""
    asli = services._tersimpan
    panggilan = []

    def tersimpan(**kwargs):
        panggilan.append(kwargs)
        if len(panggilan) == 1:
            Realisasi.objects.create(
                indikator=indikator, tahun=TAHUN_UJI, triwulan=1, nilai=nilai, diisi_oleh=user
            )
            return None
        return asli(**kwargs)

    monkeypatch.setattr(services, "_tersimpan", tersimpan)


@pytest.mark.django_db
def test_first_save_losing_the_race_is_a_conflict(
    monkeypatch, indikator_angka, operator, jendela_terbuka
):
    pemenang_menyusup(monkeypatch, indikator=indikator_angka, user=operator, nilai=Decimal(7))
    with pytest.raises(services.KonflikSuntingan) as exc:
        services.realisasi_simpan(
            indikator=indikator_angka,
            tahun=TAHUN_UJI,
            triwulan=1,
            data={"nilai": Decimal(9)},
            versi=0,
            user=operator,
        )
    assert exc.value.terkini.nilai == Decimal(7)
    assert "Nilai tersimpan saat ini: 7." in exc.value.pesan


@pytest.mark.django_db
def test_losing_first_save_gets_the_stale_form_page(
    client, monkeypatch, paser, indikator_angka, operator, jendela_terbuka
):
    client.force_login(operator)
    pemenang_menyusup(monkeypatch, indikator=indikator_angka, user=operator, nilai=Decimal(7))
    respon = client.post(url_isi(paser, indikator_angka), {"nilai": "9", "versi": "0"})
    assert respon.status_code == 409
    teks = respon.content.decode()
    assert BENTROK in teks
    assert "Nilai tersimpan saat ini: 7." in teks
    assert "ini tidak ada" not in teks and "ini sudah ada" not in teks


@pytest.fixture
def data_dipulihkan(django_db_blocker):
    """The transactional test below flushes the database; reload the session's data after it
    so later tests still find the demo PDs."""
    yield
    from django.core.management import call_command

    from pertukaran.impor import muat_berkas
    from tests.conftest import DEMO_FILES

    with django_db_blocker.unblock():
        call_command("loaddata", "referensi", verbosity=0)
        for path in DEMO_FILES:
            muat_berkas(path)


JUMLAH_PESAING = 20


@pytest.mark.django_db(transaction=True)
def test_race_of_first_saves_on_postgresql(
    data_dipulihkan, paser, indikator_angka, operator, jendela_terbuka
):
    """20 real threads post the first save of one entry at once: one 302, nineteen 409."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite melayani satu penulis sekaligus (database terkunci), jadi balapan simpan "
            "pertama hanya bermakna di PostgreSQL (DATABASE_URL)."
        )
    url = url_isi(paser, indikator_angka)
    mulai = threading.Barrier(JUMLAH_PESAING)
    hasil: list[tuple[int, str]] = []
    kunci = threading.Lock()

    def pesaing(n: int) -> None:
        try:
            klien = Client()
            klien.force_login(operator)
            klien.get(url)  # session and connection warm: the posts then start together
            mulai.wait()
            respon = klien.post(url, {"nilai": str(n), "versi": "0"})
            with kunci:
                hasil.append((respon.status_code, respon.content.decode()))
        finally:
            connections.close_all()

    benang = [threading.Thread(target=pesaing, args=(n,)) for n in range(1, JUMLAH_PESAING + 1)]
    for b in benang:
        b.start()
    for b in benang:
        b.join(timeout=120)
    status = sorted(s for s, _ in hasil)
    assert status == [302] + [409] * (JUMLAH_PESAING - 1)
    tersimpan = Realisasi.objects.get(indikator=indikator_angka, tahun=TAHUN_UJI, triwulan=1)
    for s, teks in hasil:
        if s == 409:
            assert BENTROK in teks
            assert services.PESAN_KONFLIK.split("{")[0] in teks
    assert tersimpan.versi == 1
