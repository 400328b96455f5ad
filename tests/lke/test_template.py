"""Worksheet templates: the shipped fixture, activation checks, immutability, copy to a new year."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from lke import services
from lke.models import Komponen, Kriteria, StatusTemplate, SubKomponen


def test_fixture_bobot_dan_rujukan(template_lke):
    komponen = {k.kode: k.bobot for k in template_lke.komponen.all()}
    assert komponen == {"A": 30, "B": 30, "C": 15, "D": 25}
    sub = {
        f"{s.komponen.kode}.{s.kode}": s.bobot
        for s in SubKomponen.objects.filter(komponen__template=template_lke)
    }
    assert (sub["C.1"], sub["C.2"], sub["C.3"]) == (Decimal(3), Decimal("4.5"), Decimal("7.5"))
    assert (sub["D.1"], sub["D.2"], sub["D.3"]) == (Decimal(5), Decimal("7.5"), Decimal("12.5"))
    kriteria = Kriteria.objects.filter(sub_komponen__komponen__template=template_lke)
    assert kriteria.count() >= 30
    assert all("PermenPANRB 88/2021" in k.dasar for k in kriteria)
    assert services.template_periksa(template=template_lke) == []


def test_template_aktif_tidak_dapat_diubah(template_lke):
    komponen = template_lke.komponen.get(kode="A")
    komponen.bobot = Decimal(40)
    with pytest.raises(ValidationError):
        komponen.save()
    assert template_lke.komponen.get(kode="A").bobot == 30


def test_salinan_draft_diperiksa_saat_diaktifkan(template_lke, superuser):
    baru = services.template_salin(
        template=template_lke, kode="LKE-2025", tahun_berlaku=2025, user=superuser
    )
    assert baru.status == StatusTemplate.DRAFT
    identitas_lama = set(
        Kriteria.objects.filter(sub_komponen__komponen__template=template_lke).values_list(
            "identitas", flat=True
        )
    )
    identitas_baru = set(
        Kriteria.objects.filter(sub_komponen__komponen__template=baru).values_list(
            "identitas", flat=True
        )
    )
    assert identitas_baru == identitas_lama
    assert baru.aturan.count() == template_lke.aturan.count()

    a = Komponen.objects.get(template=baru, kode="A")
    a.bobot = Decimal(35)
    a.save()
    with pytest.raises(ValidationError) as galat:
        services.template_aktifkan(template=baru, user=superuser)
    pesan = galat.value.messages
    assert services.PESAN_BOBOT_KOMPONEN.format(jumlah="105,00") in pesan
    assert services.PESAN_BOBOT_SUB.format(komponen="A", bobot="35,00", jumlah="30,00") in pesan
    baru.refresh_from_db()
    assert baru.status == StatusTemplate.DRAFT

    a.bobot = Decimal(30)
    a.save()
    services.template_aktifkan(template=baru, user=superuser)
    baru.refresh_from_db()
    assert baru.status == StatusTemplate.AKTIF
