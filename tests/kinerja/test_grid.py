"""The whole-quarter grid of one unit: each row saved through the single form's service,
with its conflict check; untouched rows not saved; other units and PDs refused."""

from decimal import Decimal

import pytest
from django.urls import reverse

from common.models import AuditLog
from kinerja import services
from kinerja.models import Realisasi
from kinerja.views import PESAN_GRID_GAGAL, PESAN_GRID_TERSIMPAN
from renstra.models import Indikator, UnitKerja
from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit_a(paser):
    return UnitKerja.objects.get(perangkat_daerah=paser, kode="bidang-ideologi")


def url_grid(pd, unit, triwulan=1):
    return reverse(
        "kinerja:realisasi_grid",
        kwargs={"pd": pd.slug, "unit": unit.pk, "tahun": TAHUN_UJI, "triwulan": triwulan},
    )


def indikator_unit(pd, unit):
    return [
        i
        for i in services.indikator_dengan_unit(Indikator.objects.for_pd(pd)).order_by("urutan")
        if i.unit_id == unit.pk
    ]


def test_grid_lists_every_indicator_of_the_unit(client, paser, unit_a, operator, jendela_terbuka):
    client.force_login(operator)
    teks = client.get(url_grid(paser, unit_a)).content.decode()
    daftar = indikator_unit(paser, unit_a)
    assert teks.count('data-uji="grid-baris"') == len(daftar) > 1
    assert all(f'data-kode="{i.kode}"' in teks for i in daftar)


def test_grid_saves_changed_rows_only(
    client, paser, unit_a, operator, indikator_a, jendela_terbuka
):
    angka = Indikator.objects.get(perangkat_daerah=paser, kode="8.01.02.2.01.04.I1")
    client.force_login(operator)
    respon = client.post(
        url_grid(paser, unit_a),
        {
            f"i{indikator_a.pk}-pembilang": "7.489",
            f"i{indikator_a.pk}-penyebut": "8.000",
            f"i{indikator_a.pk}-versi": "0",
            f"i{angka.pk}-nilai": "120",
            f"i{angka.pk}-versi": "0",
        },
        follow=True,
    )
    assert PESAN_GRID_TERSIMPAN.format(n=2) in respon.content.decode()
    r = Realisasi.objects.get(indikator=indikator_a, tahun=TAHUN_UJI, triwulan=1)
    assert (r.pembilang, r.penyebut, r.nilai) == (Decimal(7489), Decimal(8000), Decimal("93.6125"))
    assert Realisasi.objects.get(indikator=angka, tahun=TAHUN_UJI, triwulan=1).nilai == 120
    # Every other indicator of the unit was left empty, so nothing else was written.
    assert Realisasi.objects.filter(tahun=TAHUN_UJI, triwulan=1).count() == 2
    assert AuditLog.objects.filter(aksi="realisasi.buat").count() == 2
    # Posting the same values again changes nothing (no new version, no audit entry).
    client.post(
        url_grid(paser, unit_a),
        {
            f"i{indikator_a.pk}-pembilang": "7.489",
            f"i{indikator_a.pk}-penyebut": "8.000",
            f"i{indikator_a.pk}-versi": str(r.versi),
        },
    )
    r.refresh_from_db()
    assert r.versi == 1 and AuditLog.objects.filter(aksi="realisasi.ubah").count() == 0


def test_grid_keeps_the_analysis_texts(
    client, paser, unit_a, operator, indikator_a, jendela_terbuka
):
    r = services.realisasi_simpan(
        indikator=indikator_a,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(1), "penyebut": Decimal(2), "faktor_pendorong": "Narasumber"},
        versi=0,
        user=operator,
    )
    client.force_login(operator)
    client.post(
        url_grid(paser, unit_a),
        {
            f"i{indikator_a.pk}-pembilang": "3",
            f"i{indikator_a.pk}-penyebut": "4",
            f"i{indikator_a.pk}-versi": str(r.versi),
        },
    )
    r.refresh_from_db()
    assert r.nilai == 75 and r.faktor_pendorong == "Narasumber"


def test_grid_row_conflict_and_bad_input_do_not_stop_other_rows(
    client, paser, unit_a, operator, indikator_a, jendela_terbuka
):
    angka = Indikator.objects.get(perangkat_daerah=paser, kode="8.01.02.2.01.04.I1")
    lain = services.realisasi_simpan(
        indikator=indikator_a,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(1), "penyebut": Decimal(2)},
        versi=0,
        user=operator,
    )
    client.force_login(operator)
    teks_lain = [i for i in indikator_unit(paser, unit_a) if i.pk not in (indikator_a.pk, angka.pk)]
    ketiga = next(i for i in teks_lain if not (i.label_pembilang and i.label_penyebut))
    respon = client.post(
        url_grid(paser, unit_a),
        {
            # Opened before `lain` was saved: versi 0 is stale.
            f"i{indikator_a.pk}-pembilang": "3",
            f"i{indikator_a.pk}-penyebut": "4",
            f"i{indikator_a.pk}-versi": "0",
            f"i{angka.pk}-nilai": "abc",
            f"i{angka.pk}-versi": "0",
            f"i{ketiga.pk}-nilai": "5",
            f"i{ketiga.pk}-versi": "0",
        },
    )
    teks = respon.content.decode()
    assert respon.status_code == 409
    assert PESAN_GRID_TERSIMPAN.format(n=1) in teks and PESAN_GRID_GAGAL.format(n=2) in teks
    lain.refresh_from_db()
    assert lain.nilai == 50 and lain.versi == 1  # the conflict wrote nothing
    assert 'data-uji="pesan-baris"' in teks and "Isian harus berupa angka" in teks
    assert Realisasi.objects.get(indikator=ketiga, tahun=TAHUN_UJI, triwulan=1).nilai == 5
    assert not Realisasi.objects.filter(indikator=angka, tahun=TAHUN_UJI).exists()
    # The row now carries the stored version: saving again overwrites deliberately.
    assert f'name="i{indikator_a.pk}-versi" value="1"' in teks


def test_grid_refuses_other_unit_and_other_pd(
    client, paser, balangan, unit_a, operator_b, luar, kepala, jendela_terbuka
):
    client.force_login(operator_b)
    assert client.get(url_grid(paser, unit_a)).status_code == 403
    client.force_login(kepala)
    assert client.get(url_grid(paser, unit_a)).status_code == 403
    client.force_login(luar)
    assert client.get(url_grid(paser, unit_a)).status_code == 404
    unit_balangan = UnitKerja.objects.filter(perangkat_daerah=balangan).first()
    client.force_login(operator_b)
    assert client.get(url_grid(paser, unit_balangan)).status_code == 404


def test_grid_query_count_is_constant(
    client, paser, unit_a, operator, indikator_a, jendela_terbuka, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(operator)
    url = url_grid(paser, unit_a)
    client.get(url)
    with CaptureQueriesContext(connection) as sekali:
        client.get(url)
    n = len(sekali)  # read now: each request resets the connection's query log
    for i in indikator_unit(paser, unit_a)[:4]:
        Realisasi.objects.create(indikator=i, tahun=TAHUN_UJI, triwulan=1, nilai=Decimal(3))
        Realisasi.objects.create(indikator=i, tahun=TAHUN_UJI - 1, triwulan=1, nilai=Decimal(90))
    with django_assert_num_queries(n):
        teks = client.get(url).content.decode()
    assert 'data-uji="peringatan-baris"' in teks
