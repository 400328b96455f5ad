"""Every admin changelist, add page and change page renders for a superuser."""

import pytest
from django.contrib import admin
from django.urls import reverse

MODEL_ADMINS = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root-admin", "root@example.org", "x")
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", [model for model, _ in MODEL_ADMINS], ids=lambda m: m._meta.label)
def test_admin_pages_render(superuser_client, model):
    app, name = model._meta.app_label, model._meta.model_name
    changelist = superuser_client.get(reverse(f"admin:{app}_{name}_changelist"))
    assert changelist.status_code == 200
    model_admin = admin.site._registry[model]
    if model_admin.has_add_permission(_request(superuser_client)):
        assert superuser_client.get(reverse(f"admin:{app}_{name}_add")).status_code == 200
    obj = model._default_manager.order_by("pk").first()
    if obj is not None:
        change = superuser_client.get(reverse(f"admin:{app}_{name}_change", args=[obj.pk]))
        assert change.status_code == 200


def _request(client):
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(username="root-admin")
    return request


def test_admin_save_is_audited(superuser_client):
    from common.models import AuditLog
    from renstra.models import PemerintahDaerah

    url = reverse("admin:renstra_pemerintahdaerah_add")
    response = superuser_client.post(
        url,
        {
            "nama": "Kota Contoh",
            "jenis": "kota",
            "kepala_daerah_nama": "",
            "kepala_daerah_jabatan": "",
        },
    )
    assert response.status_code == 302
    pemda = PemerintahDaerah.objects.get(nama="Kota Contoh")
    entri = AuditLog.objects.get(
        aksi="admin.renstra.pemerintahdaerah.buat", object_id=str(pemda.pk)
    )
    assert entri.pengguna.username == "root-admin"
    assert entri.perubahan["nama"] == [None, "Kota Contoh"]


def test_realisasi_changelist_shows_indicator_year_quarter_and_unit(
    superuser_client, paser, django_assert_max_num_queries
):
    from decimal import Decimal

    from kinerja.models import Realisasi
    from renstra.models import Indikator

    ind = Indikator.objects.get(perangkat_daerah=paser, kode="S2.I1")
    Realisasi.objects.create(indikator=ind, tahun=2025, triwulan=3, nilai=Decimal("1.5000"))
    url = reverse("admin:kinerja_realisasi_changelist") + "?tahun__exact=2025"
    teks = superuser_client.get(url).content.decode()
    for kolom in ("Kode", "Indikator", "Tahun", "Triwulan", "Unit kerja"):
        assert f">{kolom}<" in teks or f">{kolom}</a>" in teks
    assert ">S2.I1<" in teks or ">S2.I1</a>" in teks
    assert "TW III" in teks and "Bidang Ideologi" in teks and ">1,5<" in teks
    # More rows cost no more queries (the unit is annotated, the indicator joined).
    superuser_client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as satu:
        superuser_client.get(url)
    n = len(satu)
    for tw in (1, 2, 4):
        Realisasi.objects.create(indikator=ind, tahun=2025, triwulan=tw, nilai=Decimal(tw))
    with django_assert_max_num_queries(n):
        superuser_client.get(url)
