"""The quarterly workflow: every allowed and forbidden transition, enforced in the services
(not only by hidden buttons), bulk submit, audit entries, and the views' answers."""

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common import workflow
from common.models import AuditLog
from kinerja import services
from kinerja.models import Realisasi, StatusRealisasi
from tests.conftest import TAHUN_UJI

S = StatusRealisasi


def _pdf_satu_halaman() -> bytes:
    """A real one-page PDF: evidence must parse, not only start with %PDF."""
    import io

    import pypdf

    penulis, isi = pypdf.PdfWriter(), io.BytesIO()
    penulis.add_blank_page(width=200, height=200)
    penulis.write(isi)
    return isi.getvalue()


PDF = _pdf_satu_halaman()

pytestmark = pytest.mark.django_db


def isi(indikator, user, *, pembilang="80", penyebut="100", triwulan=1, **lain):
    data = {
        "pembilang": Decimal(pembilang),
        "penyebut": Decimal(penyebut),
        "faktor_pendorong": "Dukungan narasumber",
        **lain,
    }
    return services.realisasi_simpan(
        indikator=indikator, tahun=TAHUN_UJI, triwulan=triwulan, data=data, versi=0, user=user
    )


def siap(indikator, operator, **lain):
    """A draft with a value and one evidence link, ready to be submitted."""
    r = isi(indikator, operator, **lain)
    services.bukti_tambah(realisasi=r, user=operator, tautan="https://contoh.go.id/daftar-hadir")
    return r


def ke_status(status, indikator, operator, verifikator, kepala):
    r = siap(indikator, operator)
    if status == S.DRAFT:
        return r
    r = services.realisasi_ajukan(realisasi=r, user=operator)
    if status == S.DIAJUKAN:
        return r
    if status == S.DIKEMBALIKAN:
        return services.realisasi_kembalikan(realisasi=r, user=verifikator, alasan="Cek data")
    r = services.realisasi_verifikasi(realisasi=r, user=verifikator)
    if status == S.DIVERIFIKASI:
        return r
    return services.realisasi_setujui(realisasi=r, user=kepala)


@pytest.fixture
def para(operator, verifikator, kepala, jendela_terbuka):
    return operator, verifikator, kepala


def test_full_path_draft_to_disetujui_records_who_and_audits(indikator_a, para):
    operator, verifikator, kepala = para
    r = siap(indikator_a, operator)
    assert r.status == S.DRAFT and r.nilai == Decimal("80.0000") and r.diisi_oleh == operator
    r = services.realisasi_ajukan(realisasi=r, user=operator)
    assert r.status == S.DIAJUKAN
    r = services.realisasi_verifikasi(realisasi=r, user=verifikator)
    assert r.status == S.DIVERIFIKASI and r.diverifikasi_oleh == verifikator
    r = services.realisasi_setujui(realisasi=r, user=kepala)
    assert r.status == S.DISETUJUI and r.disetujui_oleh == kepala
    assert Realisasi.objects.resmi().filter(pk=r.pk).exists()
    aksi = list(
        AuditLog.objects.filter(
            content_type=ContentType.objects.get_for_model(Realisasi), object_id=str(r.pk)
        )
        .order_by("id")
        .values_list("aksi", flat=True)
    )
    assert aksi == [
        "realisasi.buat",
        "bukti.tambah",
        "realisasi.ajukan",
        "realisasi.verifikasi",
        "realisasi.setujui",
    ]
    setujui = AuditLog.objects.get(aksi="realisasi.setujui", object_id=str(r.pk))
    assert setujui.pengguna == kepala
    assert setujui.perubahan["status"] == ["diverifikasi", "disetujui"]


def test_kembalikan_requires_reason_and_returns_to_operator(indikator_a, para):
    operator, verifikator, kepala = para
    r = ke_status(S.DIAJUKAN, indikator_a, *para)
    with pytest.raises(ValidationError) as exc:
        services.realisasi_kembalikan(realisasi=r, user=verifikator, alasan="   ")
    assert services.PESAN_ALASAN_WAJIB in exc.value.messages
    r = services.realisasi_kembalikan(realisasi=r, user=verifikator, alasan="Bukti kurang")
    assert r.status == S.DIKEMBALIKAN and r.alasan_dikembalikan == "Bukti kurang"
    log = AuditLog.objects.get(aksi="realisasi.kembalikan", object_id=str(r.pk))
    assert log.keterangan == "Bukti kurang"
    # Returned entries are editable again and can be resubmitted.
    r = services.realisasi_simpan(
        indikator=indikator_a,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(85), "penyebut": Decimal(100)},
        versi=r.versi,
        user=operator,
    )
    assert r.nilai == Decimal("85.0000") and r.status == S.DIKEMBALIKAN
    r = services.realisasi_ajukan(realisasi=r, user=operator)
    assert r.status == S.DIAJUKAN


# (status, action, persona) → allowed? Every pair not listed as allowed must be refused.
AKSI = {
    "ajukan": lambda r, u: services.realisasi_ajukan(realisasi=r, user=u),
    "verifikasi": lambda r, u: services.realisasi_verifikasi(realisasi=r, user=u),
    "setujui": lambda r, u: services.realisasi_setujui(realisasi=r, user=u),
    "kembalikan": lambda r, u: services.realisasi_kembalikan(realisasi=r, user=u, alasan="x"),
}
DIIZINKAN = {
    (S.DRAFT, "ajukan", "operator"): S.DIAJUKAN,
    (S.DIKEMBALIKAN, "ajukan", "operator"): S.DIAJUKAN,
    (S.DIAJUKAN, "verifikasi", "verifikator"): S.DIVERIFIKASI,
    (S.DIAJUKAN, "kembalikan", "verifikator"): S.DIKEMBALIKAN,
    (S.DIAJUKAN, "kembalikan", "kepala"): S.DIKEMBALIKAN,
    (S.DIVERIFIKASI, "setujui", "kepala"): S.DISETUJUI,
    (S.DIVERIFIKASI, "kembalikan", "kepala"): S.DIKEMBALIKAN,
    (S.DIAJUKAN, "verifikasi", "superuser"): S.DIVERIFIKASI,
    (S.DIVERIFIKASI, "setujui", "superuser"): S.DISETUJUI,
}
SEMUA_STATUS = [S.DRAFT, S.DIAJUKAN, S.DIVERIFIKASI, S.DISETUJUI, S.DIKEMBALIKAN]
PELAKU = [
    "operator",
    "operator_b",
    "verifikator",
    "verifikator_b",
    "kepala",
    "perencana",
    "inspektorat",
    "bappeda",
    "luar",
]


@pytest.mark.parametrize("status", SEMUA_STATUS)
@pytest.mark.parametrize("aksi", list(AKSI))
@pytest.mark.parametrize("pelaku", PELAKU)
def test_transition_matrix(status, aksi, pelaku, indikator_a, para, persona):
    r = ke_status(status, indikator_a, *para)
    user = persona(pelaku)
    diharapkan = DIIZINKAN.get((status, aksi, pelaku))
    if diharapkan:
        hasil = AKSI[aksi](r, user)
        assert hasil.status == diharapkan
        return
    with pytest.raises((PermissionDenied, ValidationError)):
        AKSI[aksi](r, user)
    r.refresh_from_db()
    assert r.status == status


def test_wrong_state_message_is_indonesian(indikator_a, para):
    operator, verifikator, kepala = para
    r = ke_status(S.DRAFT, indikator_a, *para)
    with pytest.raises(ValidationError) as exc:
        services.realisasi_setujui(realisasi=r, user=kepala)
    assert exc.value.messages == [
        workflow.PESAN_TRANSISI_DITOLAK.format(status="Draft", aksi="disetujui")
    ]


def test_submitted_entry_cannot_be_edited(indikator_a, para):
    operator, _, _ = para
    r = ke_status(S.DIAJUKAN, indikator_a, *para)
    with pytest.raises(ValidationError) as exc:
        services.realisasi_simpan(
            indikator=indikator_a,
            tahun=TAHUN_UJI,
            triwulan=1,
            data={"pembilang": Decimal(1), "penyebut": Decimal(2)},
            versi=r.versi,
            user=operator,
        )
    assert exc.value.messages == [services.PESAN_TIDAK_DAPAT_DIUBAH.format(status="Diajukan")]


def test_operator_of_other_unit_cannot_enter(indikator_a, operator_b, jendela_terbuka):
    with pytest.raises(PermissionDenied):
        isi(indikator_a, operator_b)


def test_submit_requires_value_evidence_and_explanation(indikator_a, para):
    operator, _, _ = para
    r = isi(indikator_a, operator)
    with pytest.raises(ValidationError) as exc:
        services.realisasi_ajukan(realisasi=r, user=operator)
    assert services.PESAN_BUKTI_WAJIB in exc.value.messages
    # 5 of 100 → capaian 5% (< 10%): an explanation is required.
    r = services.realisasi_simpan(
        indikator=indikator_a,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(5), "penyebut": Decimal(100)},
        versi=r.versi,
        user=operator,
    )
    services.bukti_tambah(realisasi=r, user=operator, tautan="https://contoh.go.id/a")
    with pytest.raises(ValidationError) as exc:
        services.realisasi_ajukan(realisasi=r, user=operator)
    assert exc.value.messages == [services.PESAN_PENJELASAN_WAJIB.format(capaian="5,00%")]


def test_bulk_submit_submits_ready_entries_and_reports_the_rest(paser, para, indikator_a):
    from renstra.models import Indikator, UnitKerja

    operator, _, _ = para
    lain = Indikator.objects.get(perangkat_daerah=paser, kode="S5.I1")  # also unit A
    siap(indikator_a, operator)
    isi(lain, operator)  # no evidence: not ready
    unit = UnitKerja.objects.get(perangkat_daerah=paser, kode="bidang-ideologi")
    hasil = services.realisasi_ajukan_massal(
        pd=paser, unit_kerja=unit, tahun=TAHUN_UJI, triwulan=1, user=operator
    )
    assert [r.indikator.kode for r in hasil.diajukan] == ["S2.I1"]
    assert [(r.indikator.kode, pesan) for r, pesan in hasil.gagal] == [
        ("S5.I1", services.PESAN_BUKTI_WAJIB)
    ]


def test_bulk_submit_view_refuses_other_unit(client, paser, operator_b, jendela_terbuka):
    from renstra.models import UnitKerja

    unit_a = UnitKerja.objects.get(perangkat_daerah=paser, kode="bidang-ideologi")
    client.force_login(operator_b)
    respon = client.post(
        reverse("kinerja:realisasi_ajukan_massal", kwargs={"pd": paser.slug}),
        {"unit": unit_a.pk, "tahun": TAHUN_UJI, "triwulan": 1},
    )
    assert respon.status_code == 403


def test_views_drive_the_workflow(client, paser, indikator_a, para):
    operator, verifikator, kepala = para
    r = siap(indikator_a, operator)
    url = lambda nama: reverse(f"kinerja:{nama}", kwargs={"pd": paser.slug, "pk": r.pk})  # noqa: E731
    client.force_login(operator)
    assert client.post(url("realisasi_ajukan")).status_code == 302
    # The operator may not verify their own entry: 403, state unchanged.
    assert client.post(url("realisasi_verifikasi")).status_code == 403
    client.force_login(verifikator)
    respon = client.post(url("realisasi_kembalikan"), {"alasan": ""}, follow=True)
    assert "Alasan pengembalian wajib diisi." in respon.content.decode()
    assert client.post(url("realisasi_verifikasi")).status_code == 302
    client.force_login(kepala)
    respon = client.post(url("realisasi_setujui"), follow=True)
    assert "Realisasi disetujui" in respon.content.decode()
    r.refresh_from_db()
    assert r.status == S.DISETUJUI


def test_history_page_lists_workflow(client, paser, indikator_a, para):
    operator, verifikator, kepala = para
    r = ke_status(S.DISETUJUI, indikator_a, *para)
    client.force_login(kepala)
    respon = client.get(reverse("kinerja:realisasi_riwayat", kwargs={"pd": paser.slug, "pk": r.pk}))
    teks = respon.content.decode()
    assert respon.status_code == 200
    nama = {u: u.get_full_name() for u in para}
    for kalimat in (
        f"Realisasi diisi oleh {nama[operator]}",
        f"Diajukan untuk diverifikasi oleh {nama[operator]}",
        f"Diverifikasi oleh {nama[verifikator]}",
        f"Disetujui oleh {nama[kepala]}",
    ):
        assert kalimat in teks
    # Codes and field names are for programmers; the page speaks Indonesian.
    for kode in ("realisasi.", "faktor_pendorong", "versi"):
        assert kode not in teks


def test_file_upload_through_view_then_submit(client, paser, indikator_a, para):
    operator, _, _ = para
    r = isi(indikator_a, operator)
    client.force_login(operator)
    berkas = SimpleUploadedFile("daftar hadir.pdf", PDF, content_type="application/pdf")
    client.post(
        reverse("kinerja:bukti_unggah", kwargs={"pd": paser.slug, "pk": r.pk}), {"berkas": berkas}
    )
    assert r.bukti.count() == 1
    assert services.realisasi_ajukan(realisasi=r, user=operator).status == S.DIAJUKAN


def test_submitting_shows_the_validation_problems_of_that_indicator(
    client, paser, indikator_a, indikator_b, para
):
    """The rules that gate the LKjIP's approval run at submission: the operator sees the
    problems of the submitted indicator (code and message), not those of other indicators."""
    from kinerja.validasi import KODE_INDIKATOR_TANPA_SATUAN, masalah_realisasi
    from renstra.models import Indikator

    operator, _, _ = para
    r = siap(indikator_a, operator)
    Indikator.objects.filter(pk__in=[indikator_a.pk, indikator_b.pk]).update(satuan="")
    client.force_login(operator)
    respon = client.post(
        reverse("kinerja:realisasi_ajukan", kwargs={"pd": paser.slug, "pk": r.pk}), follow=True
    )
    pesan = [str(m) for m in respon.context["messages"]]
    r.refresh_from_db()
    assert r.status == S.DIAJUKAN
    assert pesan[0] == "Realisasi diajukan untuk diverifikasi."
    masalah = masalah_realisasi(realisasi=r)
    assert len(pesan) == 1 + len(masalah)
    satuan = [p for p in pesan if KODE_INDIKATOR_TANPA_SATUAN in p]
    assert len(satuan) == 1 and "S2.I1" in satuan[0]
    assert not any("S3.I1" in p for p in pesan)


def test_refused_submission_runs_no_validation(client, paser, indikator_a, para):
    operator, _, _ = para
    r = isi(indikator_a, operator)  # no evidence: the submission is refused
    client.force_login(operator)
    respon = client.post(
        reverse("kinerja:realisasi_ajukan", kwargs={"pd": paser.slug, "pk": r.pk}), follow=True
    )
    pesan = [str(m) for m in respon.context["messages"]]
    assert pesan == [services.PESAN_BUKTI_WAJIB]
