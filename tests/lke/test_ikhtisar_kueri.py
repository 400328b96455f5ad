"""The Pemda-wide overview keeps a constant number of SQL queries as the number of PD grows,
and its batch capaian equals the per-PD pengukuran."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.selectors import pengukuran_kinerja
from kinerja.selectors.ringkas_banyak import pengukuran_banyak

TAHUN_DATA = 2023
"""The demo year of Paser with approved realisations."""

KUERI_IKHTISAR = 17
"""Session, user and access (7), the PD list, evaluations, recommendations, LKjIP status (3)
and the capaian of every PD (8, `pengukuran_banyak`)."""


def _salinan(paser, jumlah, *pengguna):
    """`jumlah` copies of the Paser plan in the same Pemda, read by these users."""
    from common.models import Keanggotaan, Peran
    from tests.factories import perbesar_rencana

    daftar = []
    for _ in range(jumlah):
        pd = perbesar_rencana(paser, kali=1)
        for user in pengguna:
            Keanggotaan.objects.create(pengguna=user, perangkat_daerah=pd, peran=Peran.INSPEKTORAT)
        daftar.append(pd)
    return daftar


@pytest.mark.parametrize("jumlah_pd", [1, 10])
def test_ikhtisar_kueri_tetap_berapa_pun_pd(
    client, paser, inspektorat, jumlah_pd, django_assert_num_queries
):
    _salinan(paser, jumlah_pd - 1, inspektorat)
    client.force_login(inspektorat)
    kwargs = {"pd": paser.slug, "tahun": TAHUN_DATA}
    with django_assert_num_queries(KUERI_IKHTISAR):
        r = client.get(reverse("lke:ikhtisar", kwargs=kwargs))
    baris = r.context["baris"]
    assert len(baris) == jumlah_pd
    # Every copy of Paser's plan averages as Paser does (Tabel 7 of its LKjIP 2023).
    assert {b.rata_capaian.quantize(Decimal("0.01")) for b in baris} == {Decimal("106.56")}
    assert "106,56%" in r.content.decode()
    with django_assert_num_queries(KUERI_IKHTISAR):
        x = client.get(reverse("lke:ikhtisar_xlsx", kwargs=kwargs))
    assert x.status_code == 200
    with django_assert_num_queries(8):
        hasil = pengukuran_banyak(daftar_pd=[b.pd for b in baris], tahun=TAHUN_DATA)
    assert len(hasil) == jumlah_pd


def _pd_beragam(paser, inspektorat):
    """Paser and PD whose data differ: a cap of 100%, a realisation changed and one back to
    draft, a newer (empty) Renstra covering the year, and a PD without Renstra."""
    from common.models import Keanggotaan, Peran
    from kinerja.models import Realisasi, StatusRealisasi
    from renstra.models import PeriodeRenstra
    from tests.factories import PerangkatDaerahFactory

    dibatasi, diubah, renstra_baru = _salinan(paser, 3, inspektorat)
    dibatasi.batas_capaian_rata_rata = 100
    dibatasi.save()
    real = list(
        Realisasi.objects.filter(
            indikator__perangkat_daerah=diubah,
            tahun=TAHUN_DATA,
            nilai__isnull=False,
            indikator__sasaran__isnull=False,
        ).order_by("id")
    )
    real[0].nilai = real[0].nilai * 3
    real[0].save()
    real[-1].status = StatusRealisasi.DRAFT
    real[-1].save()
    PeriodeRenstra.objects.create(perangkat_daerah=renstra_baru, tahun_awal=2023, tahun_akhir=2027)
    tanpa = PerangkatDaerahFactory(pemda=paser.pemda, nama="Dinas Tanpa Renstra")
    Keanggotaan.objects.create(
        pengguna=inspektorat, perangkat_daerah=tanpa, peran=Peran.INSPEKTORAT
    )
    return [paser, dibatasi, diubah, renstra_baru, tanpa]


@pytest.mark.parametrize(
    "opsi",
    [{}, {"triwulan": 2}, {"hanya_iku": True}, {"hanya_resmi": False}],
    ids=["tahunan", "tw2", "iku", "draf"],
)
def test_pengukuran_banyak_sama_dengan_per_pd(paser, inspektorat, opsi):
    daftar = _pd_beragam(paser, inspektorat)
    banyak = pengukuran_banyak(daftar_pd=daftar, tahun=TAHUN_DATA, **opsi)
    for pd in daftar:
        assert banyak[pd.pk] == pengukuran_kinerja(pd=pd, tahun=TAHUN_DATA, **opsi)


def test_ikhtisar_rata_capaian_sama_dengan_per_pd(client, paser, inspektorat):
    daftar = _pd_beragam(paser, inspektorat)
    client.force_login(inspektorat)
    r = client.get(reverse("lke:ikhtisar", kwargs={"pd": paser.slug, "tahun": TAHUN_DATA}))
    dari_halaman = {b.pd.pk: b.rata_capaian for b in r.context["baris"]}
    per_pd = {pd.pk: pengukuran_kinerja(pd=pd, tahun=TAHUN_DATA).rata_rata for pd in daftar}
    assert dari_halaman == per_pd
    # The data really differ: capped, changed, empty Renstra and no Renstra.
    assert len({v for v in per_pd.values() if v is not None}) == 3
    assert per_pd[daftar[3].pk] is None and per_pd[daftar[4].pk] is None
    assert per_pd[daftar[1].pk] < per_pd[paser.pk]


def test_pengukuran_banyak_daftar_kosong(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert pengukuran_banyak(daftar_pd=[], tahun=TAHUN_DATA) == {}
