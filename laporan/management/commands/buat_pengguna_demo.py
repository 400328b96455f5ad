"""Creates one demo user per persona (DOMAIN.md §1). Demo mode only."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from common.models import Keanggotaan, Peran
from laporan.models import PenugasanReviu
from renstra.models import PerangkatDaerah, UnitKerja

KATA_SANDI_DEMO = "demo12345"
# The reviewer is assigned the LKjIP of the year the demo reports cover.
TAHUN_REVIU_DEMO = 2023

# username, full name, [(pd slug, unit code or None, role)], superuser
PERSONA = [
    (
        "operator",
        "Operator Bidang Ideologi",
        [("kesbangpol-paser", "bidang-ideologi", Peran.OPERATOR)],
        False,
    ),
    (
        "verifikator",
        "Kepala Bidang Ideologi",
        [("kesbangpol-paser", "bidang-ideologi", Peran.VERIFIKATOR)],
        False,
    ),
    ("kepala", "Kepala Badan Kesbangpol Paser", [("kesbangpol-paser", None, Peran.KEPALA)], False),
    (
        "perencana",
        "Perencana Kesbangpol Paser",
        [("kesbangpol-paser", None, Peran.PERENCANA)],
        False,
    ),
    (
        "inspektorat",
        "Reviewer Inspektorat",
        [
            ("kesbangpol-paser", None, Peran.INSPEKTORAT),
            ("kesbangpol-balangan", None, Peran.INSPEKTORAT),
        ],
        False,
    ),
    ("bappeda", "Evaluator Bappeda", [("kesbangpol-paser", None, Peran.BAPPEDA)], False),
    (
        "luar",
        "Operator Kesbangpol Balangan",
        [("kesbangpol-balangan", "sekretariat", Peran.OPERATOR)],
        False,
    ),
    ("admin", "Administrator Sistem", [], True),
]

PESAN_BUKAN_DEMO = "Pengguna demo hanya dibuat dalam mode demo (DEMO_MODE=true)."


class Command(BaseCommand):
    help = "Membuat pengguna demo untuk setiap persona (hanya mode demo)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError(PESAN_BUKAN_DEMO)
        User = get_user_model()
        with transaction.atomic():
            for username, nama, daftar, superuser in PERSONA:
                user, _ = User.objects.get_or_create(username=username)
                depan, _, belakang = nama.partition(" ")
                user.first_name, user.last_name = depan, belakang
                user.is_superuser = user.is_staff = superuser
                user.set_password(KATA_SANDI_DEMO)
                user.save()
                for slug, unit_kode, peran in daftar:
                    pd = PerangkatDaerah.objects.filter(slug=slug).first()
                    if pd is None:
                        continue
                    if peran == Peran.INSPEKTORAT:
                        PenugasanReviu.objects.get_or_create(
                            reviewer=user, perangkat_daerah=pd, tahun=TAHUN_REVIU_DEMO
                        )
                    unit = (
                        UnitKerja.objects.filter(perangkat_daerah=pd, kode=unit_kode).first()
                        if unit_kode
                        else None
                    )
                    Keanggotaan.objects.update_or_create(
                        pengguna=user,
                        perangkat_daerah=pd,
                        peran=peran,
                        defaults={"unit_kerja": unit},
                    )
        self.stdout.write(f"Pengguna demo (kata sandi: {KATA_SANDI_DEMO}):")
        for username, nama, daftar, _superuser in PERSONA:
            peran = ", ".join(f"{p.label} {s}" for s, _, p in daftar) or "superuser"
            self.stdout.write(f"  {username:<12} {nama} — {peran}")
