"""The entry list: opens on the user's own unit, filters by unit and status, counts each
status, fits a phone (one markup for cards and table), and keeps its query count."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja import services
from kinerja.selectors.kelengkapan import kelengkapan_triwulan
from renstra.models import Indikator
from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db


def url_daftar(pd, **q):
    dasar = reverse("kinerja:realisasi_daftar", kwargs={"pd": pd.slug})
    return (
        dasar
        + "?"
        + "&".join(f"{k}={v}" for k, v in {"tahun": TAHUN_UJI, "triwulan": 1, **q}.items())
    )


def kode_tampil(teks: str, pd) -> set[str]:
    return {i.kode for i in Indikator.objects.for_pd(pd) if f">{i.kode}</span>" in teks}


def isi(indikator, user):
    return services.realisasi_simpan(
        indikator=indikator,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(80), "penyebut": Decimal(100)},
        versi=0,
        user=user,
    )


def test_operator_list_opens_on_own_unit(client, paser, operator, indikator_a, indikator_b):
    client.force_login(operator)
    teks = client.get(url_daftar(paser)).content.decode()
    tampil = kode_tampil(teks, paser)
    assert indikator_a.kode in tampil and indikator_b.kode not in tampil
    assert '<option value="saya" selected>Unit saya</option>' in teks
    # "Semua unit" shows the other units' indicators too.
    tampil = kode_tampil(client.get(url_daftar(paser, unit="semua")).content.decode(), paser)
    assert {indikator_a.kode, indikator_b.kode} <= tampil


def test_kepala_list_shows_every_unit_and_filters_by_one(
    client, paser, kepala, indikator_a, indikator_b
):
    client.force_login(kepala)
    teks = client.get(url_daftar(paser)).content.decode()
    assert 'value="saya"' not in teks
    assert {indikator_a.kode, indikator_b.kode} <= kode_tampil(teks, paser)
    unit_b = kelengkapan_triwulan(pd=paser, tahun=TAHUN_UJI, triwulan=1)
    unit_b = next(k.unit for k in unit_b.units if any(b.indikator == indikator_b for b in k.baris))
    tampil = kode_tampil(client.get(url_daftar(paser, unit=unit_b.pk)).content.decode(), paser)
    assert indikator_b.kode in tampil and indikator_a.kode not in tampil


def test_status_filter_and_counts(client, paser, operator, indikator_a, jendela_terbuka):
    isi(indikator_a, operator)
    client.force_login(operator)
    semua = kode_tampil(client.get(url_daftar(paser)).content.decode(), paser)
    teks = client.get(url_daftar(paser, status="draft")).content.decode()
    assert kode_tampil(teks, paser) == {indikator_a.kode}
    assert 'Draf <span class="badge text-bg-light">1</span>' in teks
    belum = f'Belum diisi <span class="badge text-bg-light">{len(semua) - 1}</span>'
    assert belum in teks
    teks = client.get(url_daftar(paser, status="belum")).content.decode()
    assert kode_tampil(teks, paser) == semua - {indikator_a.kode}
    teks = client.get(url_daftar(paser, status="disetujui")).content.decode()
    assert kode_tampil(teks, paser) == set()
    assert "Tidak ada indikator dengan status ini." in teks
    # An unknown status is ignored, not an error.
    respon = client.get(url_daftar(paser, status="<x>"))
    assert respon.status_code == 200 and kode_tampil(respon.content.decode(), paser) == semua


def test_list_query_count_is_constant(client, paser, paser_x5, kepala, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(kepala)
    client.get(url_daftar(paser))
    with CaptureQueriesContext(connection) as kecil:
        client.get(url_daftar(paser))
    n_kecil = len(kecil)  # read now: each request resets the connection's query log
    besar = paser_x5
    from common.models import Keanggotaan

    Keanggotaan.objects.create(pengguna=kepala, perangkat_daerah=besar, peran="kepala")
    client.get(url_daftar(besar))
    with django_assert_num_queries(n_kecil):
        teks = client.get(url_daftar(besar)).content.decode()
    assert teks.count('data-uji="baris-realisasi"') == Indikator.objects.for_pd(besar).count()
