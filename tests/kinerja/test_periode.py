"""Entry windows, the lock after them and the reopen requests."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from common.models import AuditLog
from kinerja import services
from renstra import periode
from renstra.models import JendelaPengisian, PembukaanKembali, UnitKerja
from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db

DATA = {"pembilang": Decimal(80), "penyebut": Decimal(100)}


def simpan(indikator, user, triwulan=2, versi=0):
    return services.realisasi_simpan(
        indikator=indikator, tahun=TAHUN_UJI, triwulan=triwulan, data=DATA, versi=versi, user=user
    )


@pytest.mark.parametrize(
    ("triwulan", "dibuka", "ditutup"),
    [
        (1, datetime.date(2024, 1, 1), datetime.date(2024, 4, 10)),
        (2, datetime.date(2024, 4, 1), datetime.date(2024, 7, 10)),
        (3, datetime.date(2024, 7, 1), datetime.date(2024, 10, 10)),
        (4, datetime.date(2024, 10, 1), datetime.date(2025, 1, 10)),
    ],
)
def test_default_window(triwulan, dibuka, ditutup):
    assert periode.jendela_bawaan(2024, triwulan) == (dibuka, ditutup)


def _pada(tanggal: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(tanggal, datetime.time(12)))


@pytest.mark.parametrize(
    ("tanggal", "terbuka"),
    [
        (datetime.date(2024, 3, 31), True),
        (datetime.date(2024, 4, 10), True),  # day 10 after the quarter: still open
        (datetime.date(2024, 4, 11), False),
        (datetime.date(2023, 12, 31), False),  # before the quarter starts
    ],
)
def test_default_window_bounds(paser, tanggal, terbuka):
    status = periode.status_periode(pd=paser, tahun=2024, triwulan=1, sekarang=_pada(tanggal))
    assert status.terbuka is terbuka and status.jendela_bawaan


def test_explicit_window_overrides_default(paser):
    JendelaPengisian.objects.create(
        perangkat_daerah=paser,
        tahun=2024,
        triwulan=1,
        dibuka=datetime.date(2024, 4, 1),
        ditutup=datetime.date(2024, 4, 20),
    )
    assert periode.status_periode(
        pd=paser, tahun=2024, triwulan=1, sekarang=_pada(datetime.date(2024, 4, 15))
    ).terbuka
    assert not periode.status_periode(
        pd=paser, tahun=2024, triwulan=1, sekarang=_pada(datetime.date(2024, 3, 15))
    ).terbuka


def test_active_quarter_prefers_the_one_still_open():
    assert periode.triwulan_dari_tanggal(datetime.date(2025, 4, 5)) == (2025, 2)


def test_active_quarter(paser):
    assert periode.periode_aktif(paser, datetime.date(2025, 4, 5)) == (2025, 1)
    assert periode.periode_aktif(paser, datetime.date(2025, 4, 11)) == (2025, 2)
    assert periode.periode_aktif(paser, datetime.date(2025, 1, 8)) == (2024, 4)


def test_locked_quarter_refuses_edit_with_message(indikator_a, operator):
    # TW II of TAHUN_UJI closed on 10 July TAHUN_UJI (the tests run later than that).
    with pytest.raises(ValidationError) as exc:
        simpan(indikator_a, operator)
    pesan = exc.value.messages[0]
    assert pesan == periode.PESAN_PERIODE_TERKUNCI.format(
        triwulan="TW II", tahun=TAHUN_UJI, ditutup=f"10 Juli {TAHUN_UJI}"
    )


def test_locked_quarter_view_shows_message_and_no_form(client, paser, indikator_a, operator):
    client.force_login(operator)
    url = reverse(
        "kinerja:realisasi_isi",
        kwargs={"pd": paser.slug, "indikator": indikator_a.pk, "tahun": TAHUN_UJI, "triwulan": 2},
    )
    respon = client.get(url)
    teks = respon.content.decode()
    assert "sudah terkunci" in teks and 'id="form-realisasi"' not in teks
    # The server refuses a crafted POST too.
    respon = client.post(url, {"pembilang": "1", "penyebut": "2", "versi": "0"})
    assert respon.status_code == 200
    assert "sudah terkunci" in respon.content.decode()
    assert not indikator_a.realisasi.filter(tahun=TAHUN_UJI, triwulan=2).exists()


def test_submit_refused_after_lock(indikator_a, operator, jendela_terbuka):
    r = simpan(indikator_a, operator, triwulan=1)
    services.bukti_tambah(realisasi=r, user=operator, tautan="https://contoh.go.id/a")
    jendela_terbuka.ditutup = timezone.localdate() - datetime.timedelta(days=1)
    jendela_terbuka.dibuka = jendela_terbuka.ditutup - datetime.timedelta(days=30)
    jendela_terbuka.save()
    with pytest.raises(ValidationError) as exc:
        services.realisasi_ajukan(realisasi=r, user=operator)
    assert "sudah terkunci" in exc.value.messages[0]


def _minta(paser, operator, unit=None):
    return services.pembukaan_minta(
        pd=paser,
        tahun=TAHUN_UJI,
        triwulan=2,
        alasan="Data kegiatan baru diterima",
        user=operator,
        unit_kerja=unit,
    )


@pytest.fixture
def unit_a(paser):
    return UnitKerja.objects.get(perangkat_daerah=paser, kode="bidang-ideologi")


def test_reopen_needs_reason(paser, operator, unit_a):
    with pytest.raises(ValidationError) as exc:
        services.pembukaan_minta(
            pd=paser, tahun=TAHUN_UJI, triwulan=2, alasan=" ", user=operator, unit_kerja=unit_a
        )
    assert exc.value.messages == [services.PESAN_ALASAN_PEMBUKAAN_WAJIB]


def test_reopen_not_needed_while_open(paser, operator, unit_a, jendela_terbuka):
    with pytest.raises(ValidationError) as exc:
        services.pembukaan_minta(
            pd=paser, tahun=TAHUN_UJI, triwulan=1, alasan="x", user=operator, unit_kerja=unit_a
        )
    assert exc.value.messages == [services.PESAN_PEMBUKAAN_MASIH_TERBUKA]


def test_operator_cannot_request_for_other_unit_or_whole_pd(paser, operator):
    b = UnitKerja.objects.get(perangkat_daerah=paser, kode="bidang-poldagri")
    with pytest.raises(PermissionDenied):
        _minta(paser, operator, b)
    with pytest.raises(PermissionDenied):
        _minta(paser, operator, None)


@pytest.mark.parametrize("pemutus", ["kepala", "perencana"])
def test_reopen_approved_opens_the_unit_until_berlaku_sampai(
    pemutus, paser, indikator_a, indikator_b, operator, operator_b, unit_a, persona
):
    permintaan = _minta(paser, operator, unit_a)
    assert permintaan.status == PembukaanKembali.Status.DIMINTA
    with pytest.raises(ValidationError):
        simpan(indikator_a, operator)  # still locked until approved
    sampai = timezone.now() + datetime.timedelta(days=2)
    services.pembukaan_setujui(permintaan=permintaan, user=persona(pemutus), berlaku_sampai=sampai)
    r = simpan(indikator_a, operator)
    assert r.triwulan == 2
    # Only unit A is reopened: unit B stays locked.
    with pytest.raises(ValidationError):
        simpan(indikator_b, operator_b)
    # Past berlaku_sampai the quarter is locked again.
    nanti = sampai + datetime.timedelta(minutes=1)
    assert not periode.status_periode(
        pd=paser, tahun=TAHUN_UJI, triwulan=2, unit_id=unit_a.pk, sekarang=nanti
    ).terbuka
    aksi = list(
        AuditLog.objects.filter(aksi__startswith="pembukaan.").values_list(
            "aksi", "pengguna__username"
        )
    )
    assert ("pembukaan.minta", operator.username) in aksi
    assert ("pembukaan.setujui", persona(pemutus).username) in aksi


def test_expired_reopen_does_not_open(paser, indikator_a, operator, unit_a, kepala):
    permintaan = _minta(paser, operator, unit_a)
    services.pembukaan_setujui(
        permintaan=permintaan,
        user=kepala,
        berlaku_sampai=timezone.now() + datetime.timedelta(hours=1),
    )
    PembukaanKembali.objects.filter(pk=permintaan.pk).update(
        berlaku_sampai=timezone.now() - datetime.timedelta(seconds=1)
    )
    with pytest.raises(ValidationError):
        simpan(indikator_a, operator)


@pytest.mark.parametrize("nama", ["operator", "verifikator", "inspektorat", "bappeda"])
def test_only_kepala_or_perencana_decide(nama, paser, operator, unit_a, persona):
    permintaan = _minta(paser, operator, unit_a)
    with pytest.raises(PermissionDenied):
        services.pembukaan_setujui(
            permintaan=permintaan,
            user=persona(nama),
            berlaku_sampai=timezone.now() + datetime.timedelta(days=1),
        )


def test_reject_and_no_second_decision(paser, operator, unit_a, kepala, perencana):
    permintaan = _minta(paser, operator, unit_a)
    services.pembukaan_tolak(permintaan=permintaan, user=kepala)
    with pytest.raises(ValidationError) as exc:
        services.pembukaan_setujui(
            permintaan=permintaan,
            user=perencana,
            berlaku_sampai=timezone.now() + datetime.timedelta(days=1),
        )
    assert exc.value.messages == [services.PESAN_PEMBUKAAN_SUDAH_DIPUTUS]
    assert AuditLog.objects.filter(aksi="pembukaan.tolak").count() == 1


def test_berlaku_sampai_limits_and_no_self_approval(paser, kepala, perencana):
    permintaan = services.pembukaan_minta(
        pd=paser, tahun=TAHUN_UJI, triwulan=2, alasan="Revisi", user=kepala
    )
    with pytest.raises(ValidationError) as exc:
        services.pembukaan_setujui(
            permintaan=permintaan,
            user=kepala,
            berlaku_sampai=timezone.now() + datetime.timedelta(days=1),
        )
    assert exc.value.messages == [services.PESAN_SETUJUI_SENDIRI]
    for salah in (
        timezone.now() - datetime.timedelta(hours=1),
        timezone.now() + datetime.timedelta(days=31),
    ):
        with pytest.raises(ValidationError) as exc:
            services.pembukaan_setujui(permintaan=permintaan, user=perencana, berlaku_sampai=salah)
        assert exc.value.messages == [services.PESAN_BERLAKU_SAMPAI]


def test_reopen_through_views(client, paser, operator, kepala, unit_a):
    client.force_login(operator)
    respon = client.post(
        reverse("kinerja:pembukaan_minta", kwargs={"pd": paser.slug}),
        {"tahun": TAHUN_UJI, "triwulan": 2, "unit_kerja": unit_a.pk, "alasan": ""},
        follow=True,
    )
    assert "Alasan pembukaan kembali wajib diisi." in respon.content.decode()
    client.post(
        reverse("kinerja:pembukaan_minta", kwargs={"pd": paser.slug}),
        {"tahun": TAHUN_UJI, "triwulan": 2, "unit_kerja": unit_a.pk, "alasan": "Terlambat"},
    )
    permintaan = PembukaanKembali.objects.get()
    client.force_login(kepala)
    besok = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    respon = client.post(
        reverse("kinerja:pembukaan_putus", kwargs={"pd": paser.slug, "pk": permintaan.pk}),
        {"keputusan": "setujui", "berlaku_sampai": besok},
        follow=True,
    )
    assert "Pembukaan kembali disetujui." in respon.content.decode()
    permintaan.refresh_from_db()
    assert permintaan.status == "disetujui" and permintaan.diputus_oleh == kepala


def test_window_saved_by_perencana_and_audited(client, paser, perencana):
    client.force_login(perencana)
    client.post(
        reverse("kinerja:jendela_simpan", kwargs={"pd": paser.slug}),
        {
            "prefix": "tw3",
            "tw3-tahun": TAHUN_UJI,
            "tw3-triwulan": 3,
            "tw3-dibuka": f"{TAHUN_UJI}-07-01",
            "tw3-ditutup": f"{TAHUN_UJI}-10-15",
        },
    )
    j = JendelaPengisian.objects.get(perangkat_daerah=paser, tahun=TAHUN_UJI, triwulan=3)
    assert j.ditutup == datetime.date(TAHUN_UJI, 10, 15)
    assert AuditLog.objects.filter(aksi="jendela.simpan", pengguna=perencana).exists()
    respon = client.post(
        reverse("kinerja:jendela_simpan", kwargs={"pd": paser.slug}),
        {
            "prefix": "tw3",
            "tw3-tahun": TAHUN_UJI,
            "tw3-triwulan": 3,
            "tw3-dibuka": f"{TAHUN_UJI}-10-01",
            "tw3-ditutup": f"{TAHUN_UJI}-07-15",
        },
        follow=True,
    )
    assert services.PESAN_JENDELA_TERBALIK in respon.content.decode()
