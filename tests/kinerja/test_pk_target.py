"""A signed PK is the one source of the PK target (issue 14, defect 1).

On the Paser demo: the head's 2024 PK is signed (Bupati on paper), after which the plan's
pk_murni row of an indicator is changed to 999, as the target screen allowed before. Reports,
the pohon kinerja and validation must all keep to the signed PK.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kinerja import pk as L
from kinerja import validasi as v
from kinerja.models import PerjanjianKinerja, StatusPK, StatusRealisasi
from kinerja.selectors import pengukuran_kinerja
from renstra import services as rencana
from renstra.models import Eselon, Target
from tests.factories import PejabatFactory, PerjanjianKinerjaFactory, PKIndikatorFactory
from tests.kinerja.test_pk import png_kecil

pytestmark = pytest.mark.django_db

SANDI = "rahasia-uji-123"  # the personas' password (tests/conftest.py)
NIP_KEPALA = "197106071997031007"
URAIAN = "Peningkatan Kesadaran Masyarakat tentang Idiologi Pancasila"  # PK 2024 target 100


@pytest.fixture
def pk_kepala(paser, kepala):
    """The head's 2024 PK, signed: pihak pertama in the app, the Bupati's scan uploaded
    (or as the dataset loads it when it records the signature)."""
    pk = PerjanjianKinerja.objects.get(
        perangkat_daerah=paser, tahun=2024, pihak_pertama__nip=NIP_KEPALA
    )
    if pk.status == StatusPK.DITANDATANGANI:
        return pk
    L.pk_tandatangani_pihak_pertama(pk=pk, user=kepala, kata_sandi=SANDI)
    berkas = SimpleUploadedFile("ttd.png", png_kecil(), content_type="image/png")
    return L.pk_unggah_pindaian(
        pk=pk, berkas=berkas, user=kepala, kata_sandi=SANDI, konfirmasi=True
    )


@pytest.fixture
def baris_pk(pk_kepala):
    b = pk_kepala.indikator.select_related("indikator").get(uraian=URAIAN)
    assert b.nilai == Decimal(100)
    # An approved 2024 realisation of 90 → 90% against the PK's 100.
    b.indikator.realisasi.update_or_create(
        tahun=2024,
        triwulan=4,
        defaults={"nilai": Decimal(90), "status": StatusRealisasi.DISETUJUI},
    )
    return b


def _baris_pengukuran(pd, indikator_id, tahun=2024):
    (baris,) = [
        b
        for _s, b in pengukuran_kinerja(pd=pd, tahun=tahun).baris()
        if b.indikator.id == indikator_id
    ]
    return baris


def _simpul_pohon(pd, baris_id, tahun=2024):
    pohon = L.pohon_kinerja(pd=pd, tahun=tahun)
    semua = [n for s in pohon.sasaran for n in s.simpul]
    (simpul,) = [n for n in semua if n.baris_id == baris_id]
    return simpul


def test_lkjip_measures_against_the_signed_pk_not_an_edited_plan_row(paser, baris_pk):
    ind = baris_pk.indikator
    # The plan's copy changed after signing (what the target screen allowed before).
    Target.objects.filter(indikator=ind, tahun=2024, jenis="pk_murni").update(nilai=999)

    baris = _baris_pengukuran(paser, ind.pk)
    assert (baris.target, baris.sumber_target) == (Decimal(100), "pk_murni")
    assert baris.capaian.nilai == Decimal(90)
    # The pohon kinerja reads the same signed PK: the same capaian for the same indicator.
    assert _simpul_pohon(paser, baris_pk.pk).capaian == baris.capaian.nilai

    masalah = [
        m for m in v.validasi_pd(pd=paser, tahun=2024) if m.kode == v.KODE_TARGET_RENCANA_BUKAN_PK
    ]
    assert [m.pesan for m in masalah] == [
        v.PESAN_TARGET_RENCANA_BUKAN_PK.format(
            versi="PK", tahun=2024, kode=ind.kode, rencana="999", target_pk="100"
        )
    ]


def test_a_hand_made_pk_perubahan_row_does_not_replace_the_signed_pk(paser, baris_pk):
    """Only a signed PK Perubahan sets pk_perubahan once a signed PK holds the indicator."""
    ind = baris_pk.indikator
    Target.objects.update_or_create(
        indikator=ind, tahun=2024, jenis="pk_perubahan", defaults={"nilai": Decimal(50)}
    )
    baris = _baris_pengukuran(paser, ind.pk)
    assert (baris.target, baris.sumber_target) == (Decimal(100), "pk_murni")


def test_target_service_refuses_a_change_of_a_signed_pk_target(paser, perencana, baris_pk):
    ind = baris_pk.indikator
    sebelum = Target.objects.get(indikator=ind, tahun=2024, jenis="pk_murni").nilai
    with pytest.raises(ValidationError) as e:
        rencana.target_simpan(
            indikator=ind,
            tahun=2024,
            tahunan={"renja": {"nilai": Decimal(95)}, "pk_murni": {"nilai": Decimal(999)}},
            triwulan={},
            user=perencana,
        )
    assert e.value.messages == [
        rencana.PESAN_TARGET_DIKUNCI_PK.format(versi="PK murni", tahun=2024)
    ]
    # Nothing changed, not even the Renja target sent in the same call.
    assert Target.objects.get(indikator=ind, tahun=2024, jenis="pk_murni").nilai == sebelum
    assert not Target.objects.filter(indikator=ind, tahun=2024, jenis="renja", nilai=95).exists()
    # The same value (as the disabled field sends it back) and other versions are fine.
    n = rencana.target_simpan(
        indikator=ind,
        tahun=2024,
        tahunan={"renja": {"nilai": Decimal(95)}, "pk_murni": {"nilai": sebelum}},
        triwulan={},
        user=perencana,
    )
    assert n == 1


def test_target_screen_locks_the_pk_fields_of_a_signed_pk(client, paser, perencana, baris_pk):
    ind = baris_pk.indikator
    url = reverse("renstra:target_ubah", kwargs={"pd": paser.slug, "pk": ind.pk, "tahun": 2024})
    client.force_login(perencana)
    halaman = client.get(url)
    assert halaman.status_code == 200
    form = halaman.context["form"]
    assert form.fields["pk_murni"].disabled and form.fields["pk_perubahan"].disabled
    assert not form.fields["renja"].disabled
    respon = client.post(url, {"renja": "95", "pk_murni": "999", "pk_perubahan": "999"})
    assert respon.status_code == 302
    nilai = dict(Target.objects.filter(indikator=ind, tahun=2024).values_list("jenis", "nilai"))
    assert nilai["pk_murni"] == Decimal(100)
    assert "pk_perubahan" not in nilai
    assert nilai["renja"] == Decimal(95)


def test_several_signed_pks_the_head_governs_and_the_conflict_is_flagged(paser, baris_pk):
    """An eselon III PK signed later with another target does not overwrite the head's."""
    ind = baris_pk.indikator
    kabid = PejabatFactory(
        perangkat_daerah=paser, eselon=Eselon.III, jabatan="Kepala Bidang Uji", nip="1" * 18
    )
    lain = PerjanjianKinerjaFactory(
        perangkat_daerah=paser,
        tahun=2024,
        pihak_pertama=kabid,
        status=StatusPK.DITANDATANGANI,
        sidik_jari="0" * 64,
        isi_kanonik="{}",
        ditandatangani_pihak_kedua_pada=timezone.now() + timedelta(days=1),
    )
    PKIndikatorFactory(perjanjian=lain, indikator=ind, uraian=ind.uraian, nilai=Decimal(50))

    baris = _baris_pengukuran(paser, ind.pk)
    assert baris.target == Decimal(100)
    masalah = [m for m in v.validasi_pd(pd=paser, tahun=2024) if m.kode == v.KODE_PK_BERTENTANGAN]
    assert len(masalah) == 1
    assert masalah[0].objek.pk == ind.pk
    assert "Kepala Bidang Uji versi 1 50" in masalah[0].pesan
    assert masalah[0].pesan.startswith(f"Indikator {ind.kode} ada di 2 PK yang ditandatangani")


def test_status_constant_of_the_plan_matches_the_pk_model():
    assert rencana.STATUS_PK_DITANDATANGANI == StatusPK.DITANDATANGANI
