import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from common.models import Keanggotaan, Peran
from laporan.management.commands.buat_pengguna_demo import PESAN_BUKAN_DEMO


def test_demo_users_cover_every_persona_and_the_reviewer_is_assigned(db, django_user_model):
    call_command("buat_pengguna_demo", stdout=None)
    call_command("buat_pengguna_demo", stdout=None)  # idempotent
    peran = set(Keanggotaan.objects.values_list("pengguna__username", "peran"))
    assert ("operator", Peran.OPERATOR) in peran
    assert ("inspektorat", Peran.INSPEKTORAT) in peran
    reviewer = django_user_model.objects.get(username="inspektorat")
    assert sorted(reviewer.penugasan_reviu.values_list("perangkat_daerah__slug", "tahun")) == [
        ("kesbangpol-balangan", 2023),
        ("kesbangpol-paser", 2023),
    ]
    assert django_user_model.objects.get(username="admin").is_superuser


@override_settings(DEMO_MODE=False)
def test_demo_users_refused_outside_demo_mode(db):
    with pytest.raises(CommandError) as info:
        call_command("buat_pengguna_demo")
    assert str(info.value) == PESAN_BUKAN_DEMO


def test_login_page_lists_every_demo_persona(client, db):
    from django.urls import reverse

    from laporan.management.commands.buat_pengguna_demo import KATA_SANDI_DEMO, PERSONA

    teks = client.get(reverse("login")).content.decode()
    daftar = teks.split('data-uji="persona-demo"')[1].split("</div>")[0]
    assert KATA_SANDI_DEMO in daftar
    for username, *_ in PERSONA:
        assert f"<code>{username}</code>" in daftar
    assert daftar.count("<li>") == len(PERSONA)


@override_settings(DEMO_MODE=False)
def test_login_page_lists_no_persona_outside_demo_mode(client, db):
    from django.urls import reverse

    teks = client.get(reverse("login")).content.decode()
    assert 'data-uji="persona-demo"' not in teks and "demo12345" not in teks
