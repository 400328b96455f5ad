"""The JSON API prints the same numbers as the pengukuran command, scoped to the user's PD."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from common.models import Keanggotaan, Peran


@pytest.fixture
def pembaca_paser(paser, django_user_model):
    user = django_user_model.objects.create_user("pembaca-api", password="x")
    Keanggotaan.objects.create(pengguna=user, perangkat_daerah=paser, peran=Peran.INSPEKTORAT)
    return user


def test_api_matches_the_command(client, paser, pembaca_paser):
    client.force_login(pembaca_paser)
    url = reverse("api:pengukuran", kwargs={"pd": paser.slug, "tahun": 2023})
    response = client.get(url)
    assert response.status_code == 200
    data = response.json()
    out = io.StringIO()
    call_command("pengukuran", pd=paser.slug, tahun=2023, format="json", stdout=out)
    assert data == json.loads(out.getvalue())
    capaian = [i["capaian_bulat"] for s in data["sasaran"] for i in s["indikator"] if i["iku"]]
    assert capaian == ["89.34", "100.00", "125.00", "125.00", "100.00", "100.00"]


def test_api_hides_other_pd(client, balangan, pembaca_paser):
    client.force_login(pembaca_paser)
    url = reverse("api:pengukuran", kwargs={"pd": balangan.slug, "tahun": 2023})
    assert client.get(url).status_code == 404


def test_api_needs_login_and_valid_quarter(client, paser, pembaca_paser):
    url = reverse("api:pengukuran", kwargs={"pd": paser.slug, "tahun": 2023})
    assert client.get(url).status_code == 401
    client.force_login(pembaca_paser)
    response = client.get(url + "?triwulan=5")
    assert response.status_code == 400
    assert response.json()["galat"] == "Parameter triwulan harus 1, 2, 3 atau 4."
