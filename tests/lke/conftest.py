"""Fixtures of the SAKIP evaluation tests: the shipped worksheet template and an evaluation of
Paser with the Inspektorat persona as ketua tim."""

import pytest
from django.core.management import call_command

TAHUN = 2024


@pytest.fixture
def template_lke(db):
    from lke.models import TemplateLke

    call_command("loaddata", "lke_permenpanrb_88_2021", verbosity=0)
    return TemplateLke.objects.get(kode="PERMENPANRB-88-2021-PD")


@pytest.fixture
def evaluasi(template_lke, paser, inspektorat):
    from lke import services

    return services.evaluasi_buka(
        pd=paser, tahun=TAHUN, template=template_lke, user=inspektorat, ketua=inspektorat
    )


@pytest.fixture
def anggota_tim(evaluasi, persona):
    """A second Inspektorat user, member (anggota) of the team."""
    from common.models import Keanggotaan, Peran
    from lke.models import AnggotaTim, PeranTim

    user = persona("bappeda")  # any user; given the Inspektorat role in Paser below
    Keanggotaan.objects.create(
        pengguna=user, perangkat_daerah=evaluasi.perangkat_daerah, peran=Peran.INSPEKTORAT
    )
    AnggotaTim.objects.create(evaluasi=evaluasi, pengguna=user, peran=PeranTim.ANGGOTA)
    return user


def isi_semua(evaluasi, user, tahap, opsi_yt="Y", opsi_ae="A", kecuali=None, alasan=""):
    """Answer every criterion of the evaluation at one stage (kecuali: {kode: opsi})."""
    from lke import services
    from lke.models import Kriteria, Skala

    kecuali = kecuali or {}
    for k in Kriteria.objects.filter(sub_komponen__komponen__template=evaluasi.template):
        opsi = kecuali.get(k.kode) or (opsi_yt if k.skala == Skala.YT else opsi_ae)
        services.jawaban_simpan(
            evaluasi=evaluasi, kriteria=k, tahap=tahap, opsi=opsi, user=user, alasan_beda=alasan
        )
