"""Workflow of budget realisations (DOMAIN.md §8): the same transitions and rights as
indicator realisations, only approved amounts in official reports, approved amounts locked."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from anggaran import services
from anggaran.models import Pagu, RealisasiAnggaran
from anggaran.selectors import TINGKAT_SUB_KEGIATAN, rekap_anggaran
from common.models import AuditLog
from common.workflow import PESAN_ALASAN_WAJIB, PESAN_TRANSISI_DITOLAK
from kinerja.models import StatusRealisasi
from renstra.models import SubKegiatan
from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db

S = StatusRealisasi
JUMLAH = Decimal("3018600")


@pytest.fixture
def sub(paser):
    """8.01.02.2.01.02, unit A (Bidang Ideologi, through its kegiatan), with a pagu."""
    s = SubKegiatan.objects.get(
        kegiatan__program__renstra__perangkat_daerah=paser, kode="8.01.02.2.01.02"
    )
    Pagu.objects.create(sub_kegiatan=s, tahun=TAHUN_UJI, perubahan=Decimal("176239500"))
    return s


@pytest.fixture
def draft(sub, operator, jendela_terbuka):
    return services.realisasi_anggaran_simpan(
        sub_kegiatan=sub, tahun=TAHUN_UJI, triwulan=1, jumlah=JUMLAH, versi=0, user=operator
    )


def _dalam_status(draft, status, *, operator, verifikator, kepala):
    """Walk `draft` along the workflow up to `status` with the right personas."""
    r = draft
    if status in (S.DIAJUKAN, S.DIVERIFIKASI, S.DISETUJUI, S.DIKEMBALIKAN):
        r = services.realisasi_anggaran_ajukan(realisasi=r, user=operator)
    if status in (S.DIVERIFIKASI, S.DISETUJUI):
        r = services.realisasi_anggaran_verifikasi(realisasi=r, user=verifikator)
    if status == S.DISETUJUI:
        r = services.realisasi_anggaran_setujui(realisasi=r, user=kepala)
    if status == S.DIKEMBALIKAN:
        r = services.realisasi_anggaran_kembalikan(realisasi=r, user=verifikator, alasan="Cek")
    assert r.status == status
    return r


@pytest.fixture
def ke_status(draft, operator, verifikator, kepala):
    return lambda status: _dalam_status(
        draft, status, operator=operator, verifikator=verifikator, kepala=kepala
    )


def _ajukan(r, user):
    return services.realisasi_anggaran_ajukan(realisasi=r, user=user)


def _verifikasi(r, user):
    return services.realisasi_anggaran_verifikasi(realisasi=r, user=user)


def _setujui(r, user):
    return services.realisasi_anggaran_setujui(realisasi=r, user=user)


def _kembalikan(r, user):
    return services.realisasi_anggaran_kembalikan(realisasi=r, user=user, alasan="Periksa lagi")


SEMUA = [
    "operator",
    "operator_b",
    "verifikator",
    "verifikator_b",
    "kepala",
    "perencana",
    "inspektorat",
    "bappeda",
    "luar",
    "superuser",
]

# action, state before, state after, the personas allowed (the rest: PermissionDenied)
TRANSISI = [
    ("ajukan", _ajukan, S.DRAFT, S.DIAJUKAN, {"operator", "superuser"}),
    ("ajukan", _ajukan, S.DIKEMBALIKAN, S.DIAJUKAN, {"operator", "superuser"}),
    ("verifikasi", _verifikasi, S.DIAJUKAN, S.DIVERIFIKASI, {"verifikator", "superuser"}),
    ("setujui", _setujui, S.DIVERIFIKASI, S.DISETUJUI, {"kepala", "superuser"}),
    (
        "kembalikan",
        _kembalikan,
        S.DIAJUKAN,
        S.DIKEMBALIKAN,
        {"verifikator", "kepala", "superuser"},
    ),
    ("kembalikan", _kembalikan, S.DIVERIFIKASI, S.DIKEMBALIKAN, {"kepala", "superuser"}),
]


@pytest.mark.parametrize("nama", SEMUA)
@pytest.mark.parametrize(
    ("aksi", "fungsi", "asal", "tujuan", "boleh"),
    TRANSISI,
    ids=[f"{t[0]}-dari-{t[2]}" for t in TRANSISI],
)
def test_transition_by_persona(ke_status, persona, nama, aksi, fungsi, asal, tujuan, boleh):
    r = ke_status(asal)
    user = persona(nama)
    if nama in boleh:
        hasil = fungsi(r, user)
        assert hasil.status == tujuan
        log = AuditLog.objects.filter(aksi=f"realisasi_anggaran.{aksi}").latest("id")
        assert log.pengguna == user
        assert log.perubahan["status"] == [asal, tujuan]
    else:
        with pytest.raises(PermissionDenied):
            fungsi(r, user)
        assert RealisasiAnggaran.objects.get(pk=r.pk).status == asal


# Transitions from a state the table does not allow, by a persona who holds the right.
SALAH_STATUS = [
    ("verifikasi", _verifikasi, S.DRAFT, "verifikator"),
    ("verifikasi", _verifikasi, S.DISETUJUI, "verifikator"),
    ("setujui", _setujui, S.DRAFT, "kepala"),
    ("setujui", _setujui, S.DIAJUKAN, "kepala"),
    ("ajukan", _ajukan, S.DIAJUKAN, "operator"),
    ("ajukan", _ajukan, S.DISETUJUI, "operator"),
    ("kembalikan", _kembalikan, S.DRAFT, "kepala"),
    ("kembalikan", _kembalikan, S.DISETUJUI, "kepala"),
]


@pytest.mark.parametrize(
    ("aksi", "fungsi", "asal", "nama"), SALAH_STATUS, ids=[f"{t[0]}-{t[2]}" for t in SALAH_STATUS]
)
def test_transition_from_wrong_state_refused(ke_status, persona, aksi, fungsi, asal, nama):
    r = ke_status(asal)
    with pytest.raises(ValidationError) as exc:
        fungsi(r, persona(nama))
    label = {"verifikasi": "diverifikasi", "setujui": "disetujui", "ajukan": "diajukan"}
    pesan = PESAN_TRANSISI_DITOLAK.format(
        status=S(asal).label, aksi=label.get(aksi, "dikembalikan")
    )
    assert exc.value.messages == [pesan]
    assert RealisasiAnggaran.objects.get(pk=r.pk).status == asal


def test_verifikator_of_other_unit_cannot_return(ke_status, persona):
    r = ke_status(S.DIAJUKAN)
    with pytest.raises(PermissionDenied):
        _kembalikan(r, persona("verifikator_b"))


def test_return_requires_a_reason(ke_status, kepala):
    r = ke_status(S.DIAJUKAN)
    with pytest.raises(ValidationError) as exc:
        services.realisasi_anggaran_kembalikan(realisasi=r, user=kepala, alasan="   ")
    assert exc.value.message_dict == {"alasan": [PESAN_ALASAN_WAJIB]}
    assert RealisasiAnggaran.objects.get(pk=r.pk).status == S.DIAJUKAN


def test_return_keeps_reason_and_clears_signatures(ke_status, kepala):
    r = ke_status(S.DIVERIFIKASI)
    assert r.diverifikasi_oleh is not None
    r = services.realisasi_anggaran_kembalikan(realisasi=r, user=kepala, alasan="Salah input")
    assert r.alasan_dikembalikan == "Salah input"
    assert r.diverifikasi_oleh is None and r.disetujui_oleh is None
    log = AuditLog.objects.filter(aksi="realisasi_anggaran.kembalikan").latest("id")
    assert log.keterangan == "Salah input"


def test_full_path_records_who(ke_status, operator, verifikator, kepala):
    r = ke_status(S.DISETUJUI)
    assert (r.diisi_oleh, r.diverifikasi_oleh, r.disetujui_oleh) == (operator, verifikator, kepala)
    assert r.versi == 4  # created, submitted, verified, approved


# --- Official numbers -----------------------------------------------------------------------


def _realisasi_sub(rekap, sub):
    return rekap.indeks[(TINGKAT_SUB_KEGIATAN, sub.pk)].realisasi


def test_only_approved_amounts_are_official(paser, sub, draft, operator, verifikator, kepala):
    def rekap(**kw):
        return rekap_anggaran(pd=paser, tahun=TAHUN_UJI, triwulan=1, **kw)

    RealisasiAnggaran.objects.filter(pk=draft.pk).update(jumlah=None)
    sebelum_resmi, sebelum_kerja = rekap(), rekap(hanya_resmi=False)
    RealisasiAnggaran.objects.filter(pk=draft.pk).update(jumlah=JUMLAH)
    assert _realisasi_sub(sebelum_resmi, sub) is None

    def periksa(resmi_ada: bool):
        resmi, kerja = rekap(), rekap(hanya_resmi=False)
        assert _realisasi_sub(kerja, sub) == JUMLAH
        assert (kerja.realisasi or 0) - (sebelum_kerja.realisasi or 0) == JUMLAH
        if resmi_ada:
            assert _realisasi_sub(resmi, sub) == JUMLAH
            assert (resmi.realisasi or 0) - (sebelum_resmi.realisasi or 0) == JUMLAH
        else:
            assert _realisasi_sub(resmi, sub) is None
            assert resmi.realisasi == sebelum_resmi.realisasi

    periksa(False)  # draft
    r = services.realisasi_anggaran_ajukan(realisasi=draft, user=operator)
    periksa(False)
    r = services.realisasi_anggaran_verifikasi(realisasi=r, user=verifikator)
    periksa(False)
    services.realisasi_anggaran_setujui(realisasi=r, user=kepala)
    periksa(True)


# --- Editing --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [S.DIAJUKAN, S.DIVERIFIKASI, S.DISETUJUI])
def test_editing_outside_draft_refused_in_indonesian(ke_status, sub, operator, status):
    r = ke_status(status)
    with pytest.raises(ValidationError) as exc:
        services.realisasi_anggaran_simpan(
            sub_kegiatan=sub,
            tahun=TAHUN_UJI,
            triwulan=1,
            jumlah=Decimal(1),
            versi=r.versi,
            user=operator,
        )
    assert exc.value.messages == [services.PESAN_TIDAK_DAPAT_DIUBAH.format(status=S(status).label)]
    assert RealisasiAnggaran.objects.get(pk=r.pk).jumlah == JUMLAH


def test_editing_approved_amount_through_the_page(client, paser, sub, ke_status, operator):
    r = ke_status(S.DISETUJUI)
    client.force_login(operator)
    url = reverse(
        "anggaran:realisasi_isi",
        kwargs={"pd": paser.slug, "sub_kegiatan": sub.pk, "tahun": TAHUN_UJI, "triwulan": 1},
    )
    halaman = client.get(url).content.decode()
    assert 'type="submit">Simpan<' not in halaman  # no form on an approved amount
    assert "status-bg-disetujui" in halaman
    respon = client.post(url, {"jumlah": "1", "versi": r.versi})
    assert respon.status_code == 200
    assert "Realisasi anggaran berstatus Disetujui tidak dapat diubah." in respon.content.decode()
    assert RealisasiAnggaran.objects.get(pk=r.pk).jumlah == JUMLAH


def test_returned_amount_can_be_corrected_and_resubmitted(ke_status, sub, operator):
    r = ke_status(S.DIKEMBALIKAN)
    r = services.realisasi_anggaran_simpan(
        sub_kegiatan=sub,
        tahun=TAHUN_UJI,
        triwulan=1,
        jumlah=Decimal("3000000"),
        versi=r.versi,
        user=operator,
    )
    assert r.status == S.DIKEMBALIKAN and r.jumlah == Decimal("3000000")
    assert services.realisasi_anggaran_ajukan(realisasi=r, user=operator).status == S.DIAJUKAN


def test_new_amount_starts_as_draft(draft, operator):
    assert draft.status == S.DRAFT and draft.diisi_oleh == operator


# --- Screens --------------------------------------------------------------------------------


def _url_isi(paser, sub):
    return reverse(
        "anggaran:realisasi_isi",
        kwargs={"pd": paser.slug, "sub_kegiatan": sub.pk, "tahun": TAHUN_UJI, "triwulan": 1},
    )


@pytest.mark.parametrize(
    ("status", "nama", "tombol"),
    [
        (S.DRAFT, "operator", ["ajukan"]),
        (S.DRAFT, "verifikator", []),
        (S.DIAJUKAN, "verifikator", ["verifikasi", "kembalikan"]),
        (S.DIAJUKAN, "kepala", ["kembalikan"]),
        (S.DIAJUKAN, "verifikator_b", []),
        (S.DIVERIFIKASI, "kepala", ["setujui", "kembalikan"]),
        (S.DIVERIFIKASI, "verifikator", []),
        (S.DISETUJUI, "kepala", []),
    ],
)
def test_buttons_follow_state_and_role(
    client, paser, sub, ke_status, persona, status, nama, tombol
):
    r = ke_status(status)
    client.force_login(persona(nama))
    teks = client.get(_url_isi(paser, sub)).content.decode()
    assert f"status-bg-{status}" in teks
    for aksi in ("ajukan", "verifikasi", "setujui", "kembalikan"):
        url = reverse(f"anggaran:realisasi_{aksi}", kwargs={"pd": paser.slug, "pk": r.pk})
        assert (url in teks) == (aksi in tombol), aksi


def test_actions_through_the_views(client, paser, sub, draft, persona):
    def kirim(nama, aksi, data=None):
        client.force_login(persona(nama))
        url = reverse(f"anggaran:realisasi_{aksi}", kwargs={"pd": paser.slug, "pk": draft.pk})
        respon = client.post(url, data or {})
        assert respon.status_code == 302
        assert respon["Location"] == _url_isi(paser, sub)
        return client.get(respon["Location"]).content.decode()

    assert "Realisasi anggaran diajukan untuk diverifikasi." in kirim("operator", "ajukan")
    teks = kirim("verifikator", "kembalikan", {"alasan": ""})
    assert PESAN_ALASAN_WAJIB in teks
    assert RealisasiAnggaran.objects.get(pk=draft.pk).status == S.DIAJUKAN
    kirim("verifikator", "verifikasi")
    teks = kirim("kepala", "setujui")
    assert "jumlahnya kini dipakai dalam laporan resmi" in teks
    assert RealisasiAnggaran.objects.get(pk=draft.pk).status == S.DISETUJUI


def test_list_shows_status_badge(client, paser, draft, operator):
    client.force_login(operator)
    teks = client.get(
        reverse("anggaran:realisasi_daftar", kwargs={"pd": paser.slug}),
        {"tahun": TAHUN_UJI, "triwulan": 1},
    ).content.decode()
    assert "status-bg-draft" in teks


# --- Demo data: migration and loader --------------------------------------------------------


def test_demo_budget_rows_are_approved(db):
    assert RealisasiAnggaran.objects.exists()
    assert not RealisasiAnggaran.objects.exclude(status=S.DISETUJUI).exists()


def test_data_migration_approves_existing_rows(sub):
    import importlib

    from django.apps import apps

    migrasi = importlib.import_module("anggaran.migrations.0002_realisasi_anggaran_status")
    r = RealisasiAnggaran.objects.create(
        sub_kegiatan=sub, tahun=TAHUN_UJI, triwulan=2, jumlah=Decimal(5)
    )
    assert r.status == S.DRAFT
    migrasi.setujui_yang_ada(apps, None)
    r.refresh_from_db()
    assert r.status == S.DISETUJUI
