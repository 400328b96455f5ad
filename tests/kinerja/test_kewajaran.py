"""Plausibility warnings before saving: shown beside the live capaian, never blocking."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.models import Realisasi
from kinerja.selectors.kewajaran import (
    KODE_KUMULATIF_MENURUN,
    KODE_MENCOLOK_TAHUN_LALU,
    KODE_MENCOLOK_TRIWULAN_LALU,
    KODE_PERSEN_DI_ATAS_100,
    PESAN_PERSEN_DI_ATAS_100,
    Pembanding,
    pembanding,
    peringatan_kewajaran,
)
from renstra.models import CaraAgregasi, Indikator
from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db


def kode(indikator, nilai, triwulan=2, **dasar):
    hasil = peringatan_kewajaran(
        indikator=indikator,
        triwulan=triwulan,
        nilai=None if nilai is None else Decimal(nilai),
        pembanding=Pembanding(**dasar),
    )
    return [p.kode for p in hasil]


def test_percentage_above_100():
    persen = Indikator(satuan="%")
    assert kode(persen, "100") == []
    assert kode(persen, "100.01") == [KODE_PERSEN_DI_ATAS_100]
    assert kode(Indikator(satuan="Dokumen"), "250") == []
    assert kode(Indikator(satuan="Dokumen", persen_dari_keseluruhan=True), "101") == [
        KODE_PERSEN_DI_ATAS_100
    ]


def test_value_many_times_last_quarter_or_last_year():
    ind = Indikator(satuan="Orang")
    assert kode(ind, "49", triwulan_lalu=Decimal(10)) == []
    assert kode(ind, "50", triwulan_lalu=Decimal(10)) == [KODE_MENCOLOK_TRIWULAN_LALU]
    # A fifth of it is as suspicious (7,489 typed for 7.489).
    assert kode(ind, "2", triwulan_lalu=Decimal(10)) == [KODE_MENCOLOK_TRIWULAN_LALU]
    assert kode(ind, "900", tahun_lalu=Decimal(100)) == [KODE_MENCOLOK_TAHUN_LALU]
    # Nothing to compare with (no value, zero) is no warning; None typed is none either.
    assert kode(ind, "900", triwulan_lalu=Decimal(0)) == []
    assert kode(ind, None, triwulan_lalu=Decimal(1)) == []


def test_cumulative_indicator_that_decreases():
    kumulatif = Indikator(satuan="Orang", cara_agregasi=CaraAgregasi.KUMULATIF)
    assert kode(kumulatif, "-5") == [KODE_KUMULATIF_MENURUN]
    assert kode(Indikator(satuan="Orang", cara_agregasi=CaraAgregasi.POSISI_AKHIR), "-5") == []


def test_pembanding_takes_previous_quarter_and_last_year(paser, indikator_a):
    for tahun, tw, nilai in ((TAHUN_UJI, 1, 40), (TAHUN_UJI - 1, 2, 60), (TAHUN_UJI - 1, 4, 7)):
        Realisasi.objects.create(indikator=indikator_a, tahun=tahun, triwulan=tw, nilai=nilai)
    dasar = pembanding(indikator_ids=[indikator_a.pk], tahun=TAHUN_UJI, triwulan=2)
    assert dasar[indikator_a.pk].triwulan_lalu == 40
    assert dasar[indikator_a.pk].label_triwulan_lalu == f"TW I {TAHUN_UJI}"
    assert dasar[indikator_a.pk].tahun_lalu == 60
    # TW I compares with TW IV of the year before.
    dasar = pembanding(indikator_ids=[indikator_a.pk], tahun=TAHUN_UJI, triwulan=1)
    assert dasar[indikator_a.pk].triwulan_lalu == 7


def test_preview_warns_and_saving_is_not_blocked(
    client, paser, indikator_a, operator, jendela_terbuka
):
    client.force_login(operator)
    kunci = {"pd": paser.slug, "indikator": indikator_a.pk, "tahun": TAHUN_UJI, "triwulan": 1}
    url = reverse("kinerja:realisasi_pratinjau", kwargs=kunci)
    teks = client.get(url, {"pembilang": "120", "penyebut": "100"}).content.decode()
    assert 'data-uji="peringatan"' in teks
    assert PESAN_PERSEN_DI_ATAS_100.format(nilai="120") in teks
    assert (
        'data-uji="peringatan"'
        not in client.get(url, {"pembilang": "80", "penyebut": "100"}).content.decode()
    )
    # Not blocking: the value is saved, and the form still shows the warning afterwards.
    isi = reverse("kinerja:realisasi_isi", kwargs=kunci)
    respon = client.post(isi, {"pembilang": "120", "penyebut": "100", "versi": "0"})
    assert respon.status_code == 302
    assert Realisasi.objects.get(indikator=indikator_a, tahun=TAHUN_UJI, triwulan=1).nilai == 120
    assert PESAN_PERSEN_DI_ATAS_100.format(nilai="120") in client.get(isi).content.decode()
