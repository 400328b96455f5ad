"""The read-only JSON API /api/v1/ (issue #10 point 7): DRF + drf-spectacular, tokens."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from api import services
from api.auth import PESAN_TOKEN_TIDAK_SAH
from api.models import TokenAPI
from common.formatting import bulatkan
from common.models import AuditLog
from kinerja.selectors import pengukuran_kinerja


def _get(client, url, kunci=None, **params):
    headers = {"HTTP_AUTHORIZATION": f"Token {kunci}"} if kunci else {}
    return client.get(url, params, **headers)


@pytest.fixture
def token(paser, perencana, inspektorat):
    return services.token_buat(pd=paser, pemilik=inspektorat, nama="Dasbor", oleh=perencana)


def test_token_is_created_by_the_pd_admin_and_audited(paser, perencana, inspektorat, token):
    obj, kunci = token
    assert obj.kunci_hash == services.hash_kunci(kunci) and kunci not in obj.kunci_hash
    entri = AuditLog.objects.get(aksi=services.AKSI_BUAT, object_id=str(obj.pk))
    assert entri.pengguna == perencana and entri.perangkat_daerah == paser
    with pytest.raises(PermissionDenied):
        services.token_buat(pd=paser, pemilik=inspektorat, nama="x", oleh=inspektorat)


def test_api_numbers_for_paser_2023_equal_the_selectors(client, paser, token):
    _obj, kunci = token
    r = _get(client, reverse("api:pengukuran", args=[paser.slug, 2023]), kunci)
    assert r.status_code == 200
    data = r.json()
    p = pengukuran_kinerja(pd=paser, tahun=2023)
    assert data["rata_rata"] == str(p.rata_rata)
    dari_api = {i["kode"]: i["capaian_bulat"] for s in data["sasaran"] for i in s["indikator"]}
    dari_selector = {
        b.indikator.kode: (
            str(bulatkan(b.capaian.nilai, 2)) if b.capaian.nilai is not None else None
        )
        for s in p.sasaran
        for b in s.indikator
    }
    assert dari_api == dari_selector and len(dari_api) > 5
    anggaran = _get(client, reverse("api:anggaran", args=[paser.slug, 2023]), kunci).json()
    assert anggaran == data["anggaran"]
    validasi = _get(client, reverse("api:validasi", args=[paser.slug, 2023]), kunci).json()
    assert validasi == data["validasi"]


def test_pd_list_and_plan_are_scoped_like_the_user(client, paser, balangan, token, perencana):
    _obj, kunci = token
    daftar = _get(client, reverse("api:daftar_pd"), kunci).json()
    assert {p["slug"] for p in daftar} == {"kesbangpol-paser", "kesbangpol-balangan"}
    rencana = _get(client, reverse("api:rencana", args=[paser.slug, 2023]), kunci).json()
    assert rencana["renstra"] == {"tahun_awal": 2022, "tahun_akhir": 2026}
    assert rencana["sasaran"][0]["indikator"][0]["kode"] == "S1.I1"
    client.force_login(perencana)  # session authentication, the perencana's own scope
    assert {p["slug"] for p in client.get(reverse("api:daftar_pd")).json()} == {paser.slug}
    assert client.get(reverse("api:rencana", args=[balangan.slug, 2023])).status_code == 404


def test_another_pds_data_answers_404(client, paser, perencana):
    from common.models import Keanggotaan, Peran
    from renstra.models import PerangkatDaerah

    kalteng = PerangkatDaerah.objects.get(slug="kesbangpol-kalteng")
    _obj, kunci = services.token_buat(pd=paser, pemilik=perencana, nama="Sendiri", oleh=perencana)
    assert Keanggotaan.objects.filter(pengguna=perencana, peran=Peran.PERENCANA).count() == 1
    url = reverse("api:pengukuran", args=[kalteng.slug, 2023])
    assert _get(client, url, kunci).status_code == 404


def test_revoked_token_answers_401(client, paser, perencana, token):
    obj, kunci = token
    url = reverse("api:pengukuran", args=[paser.slug, 2023])
    assert _get(client, url, kunci).status_code == 200
    services.token_cabut(token=obj, oleh=perencana)
    r = _get(client, url, kunci)
    assert r.status_code == 401 and r.json() == {"detail": PESAN_TOKEN_TIDAK_SAH}
    assert AuditLog.objects.filter(aksi=services.AKSI_CABUT, object_id=str(obj.pk)).exists()
    assert TokenAPI.objects.get(pk=obj.pk).dicabut_pada is not None
    assert _get(client, url, "tidak-dikenal").status_code == 401
    assert client.get(url).status_code == 401


def test_openapi_document_validates_and_docs_use_vendored_assets(client, perencana):
    skema = SchemaGenerator(urlconf="api.urls_skema").get_schema(request=None, public=True)
    validate_schema(skema)  # raises on an invalid OpenAPI 3 document
    assert "/api/v1/pd/{pd}/pengukuran/{tahun}/" in skema["paths"]
    client.force_login(perencana)
    r = client.get(reverse("api:skema"))
    assert r.status_code == 200 and b"openapi" in r.content
    docs = client.get(reverse("api:docs"))
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn." not in html and "unpkg" not in html


# --- The PD admin's token page -------------------------------------------------------------------


@pytest.mark.parametrize(("nama", "status"), [("perencana", 200), ("operator", 403), ("luar", 404)])
def test_token_page_is_the_pd_admins(client, paser, persona, nama, status):
    client.force_login(persona(nama))
    assert client.get(reverse("token_api:daftar", args=[paser.slug])).status_code == status


def test_token_page_creates_shows_the_key_once_and_revokes(client, paser, perencana, inspektorat):
    client.force_login(perencana)
    url = reverse("token_api:daftar", args=[paser.slug])
    r = client.post(url, {"nama": "Dasbor Bappeda", "pengguna": inspektorat.pk})
    assert r.status_code == 200
    kunci = r.context["kunci"]
    token = TokenAPI.objects.get(nama="Dasbor Bappeda")
    assert token.pengguna == inspektorat and kunci in r.content.decode()
    assert kunci not in client.get(url).content.decode()  # shown once
    api = reverse("api:pengukuran", args=[paser.slug, 2023])
    client.logout()
    assert _get(client, api, kunci).status_code == 200
    client.force_login(perencana)
    client.post(reverse("token_api:cabut", args=[paser.slug, token.pk]))
    client.logout()
    assert _get(client, api, kunci).status_code == 401


def test_api_measures_every_level_like_the_renja_form(client, paser, token):
    from kinerja.selectors import evaluasi_renja

    _obj, kunci = token
    data = _get(client, reverse("api:pengukuran", args=[paser.slug, 2023]), kunci).json()
    form = evaluasi_renja(pd=paser, tahun=2023, triwulan=4)
    dari_form = {
        b.indikator.kode: (b.jenis, str(bulatkan(b.capaian_renja.nilai, 2)))
        if b.capaian_renja.nilai is not None
        else (b.jenis, None)
        for b in form.baris
        if b.indikator is not None
    }
    dari_api = {
        i["kode"]: (i["tingkat"], i["capaian_renja_bulat"])
        for i in data["program_kegiatan"]["indikator"]
    }
    assert dari_api == dari_form and dari_api["8.01.01.I1"] == ("program", "25.00")
    assert [t["kode"] for t in data["tujuan"]] == ["T1", "T2"]
    skema = SchemaGenerator(urlconf="api.urls_skema").get_schema(request=None, public=True)
    operasi = skema["paths"]["/api/v1/pd/{pd}/pengukuran/{tahun}/"]["get"]
    assert "program_kegiatan" in operasi["description"]
    assert "tahun_target" in operasi["description"]
