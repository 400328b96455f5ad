"""The approval gate: validation errors block an LKjIP's approval unless each is explained
(periksa.services, laporan_setujui, the Periksa page)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from common.models import AuditLog
from kinerja.validasi import ERROR, validasi_pd
from laporan import services as laporan_services
from periksa.models import PenjelasanMasalah
from periksa.services import masalah_gerbang, penjelasan_simpan, wajib_terjelaskan

URL = "/pd/kesbangpol-paser/laporan/periksa/2023/"
URL_JELASKAN = URL + "jelaskan/"
URL_SETUJUI = "/pd/kesbangpol-paser/laporan/lkjip/2023/setujui/"
# The Periksa page of Paser 2023: session, user and PD, the checker (every kind of printed
# value), the validation and the explanations (1).
JUMLAH_QUERY_HALAMAN = 101
# A copy of the plan with its indicators' and sasaran's printed values only: the same count
# for one copy and for five times the plan.
JUMLAH_QUERY_SALINAN = 57


def _galat(pd, tahun=2023):
    return [
        m
        for m in validasi_pd(pd=pd, tahun=tahun)
        if m.tingkat == ERROR and not m.kode.startswith("tercetak.")
    ]


def _jelaskan_semua(pd, user, tahun=2023):
    for m in _galat(pd, tahun):
        penjelasan_simpan(
            pd=pd,
            tahun=tahun,
            kode=m.kode,
            model=m.objek.model,
            objek_id=m.objek.pk,
            teks=f"Data {m.objek.label} sudah diperiksa ulang.",
            user=user,
        )


def test_paser_has_errors_that_gate_the_approval(paser):
    galat = _galat(paser)
    assert galat  # the demo data of seed 002 holds real errors (e.g. belanja ≠ programs)
    daftar = masalah_gerbang(pd=paser, tahun=2023)
    assert [g.masalah for g in daftar] == galat
    assert not any(g.dijelaskan for g in daftar)
    # What a hand-made report printed (its NIPs) does not gate the product's own report.
    assert all(not g.masalah.kode.startswith("tercetak.") for g in daftar)


def test_approval_blocked_by_an_unexplained_error_then_allowed(paser, kepala, perencana):
    laporan = laporan_services.laporan_dapatkan(pd=paser, jenis="lkjip", tahun=2023, user=kepala)
    galat = _galat(paser)
    with pytest.raises(ValidationError) as info:
        laporan_services.laporan_setujui(laporan=laporan, user=kepala)
    pesan = info.value.messages
    assert pesan[0].startswith(f"Laporan belum dapat disetujui: {len(galat)} masalah validasi")
    m = galat[0]
    assert f"{m.kode} — {m.objek.label}: {m.pesan}" in pesan
    assert not laporan.edisi.exists()

    # Explaining all but one still refuses, naming only the one left.
    _jelaskan_semua(paser, perencana)
    terakhir = PenjelasanMasalah.objects.get(
        perangkat_daerah=paser, kode=m.kode, model=m.objek.model, objek_id=m.objek.pk
    )
    terakhir.delete()
    with pytest.raises(ValidationError) as info:
        wajib_terjelaskan(pd=paser, tahun=2023)
    assert info.value.messages[0].startswith("Laporan belum dapat disetujui: 1 masalah")
    assert info.value.messages[1] == f"{m.kode} — {m.objek.label}: {m.pesan}"

    penjelasan_simpan(
        pd=paser,
        tahun=2023,
        kode=m.kode,
        model=m.objek.model,
        objek_id=m.objek.pk,
        teks="Selisih dijelaskan di Bab III.",
        user=kepala,
    )
    edisi = laporan_services.laporan_setujui(laporan=laporan, user=kepala)
    assert edisi.nomor == 1
    log = AuditLog.objects.get(aksi="laporan.setujui", object_id=str(edisi.pk))
    dicatat = log.perubahan["penjelasan_masalah"][1]
    assert len(dicatat) == len(galat)
    assert (
        f"{m.kode} — {m.objek.label}: {m.pesan} — dijelaskan: Selisih dijelaskan di Bab III."
        in (dicatat)
    )


def test_another_kind_of_report_is_not_gated(paser, kepala):
    laporan = laporan_services.laporan_dapatkan(
        pd=paser, jenis="rencana-aksi", tahun=2024, user=kepala
    )
    assert laporan_services.laporan_setujui(laporan=laporan, user=kepala).nomor == 1


def test_explanation_is_audited_and_rewritten(paser, perencana):
    m = _galat(paser)[0]
    isi = dict(pd=paser, tahun=2023, kode=m.kode, model=m.objek.model, objek_id=m.objek.pk)
    obj = penjelasan_simpan(**isi, teks="Pertama.", user=perencana)
    obj2 = penjelasan_simpan(**isi, teks="  Kedua.  ", user=perencana)
    assert obj2.pk == obj.pk and obj2.teks == "Kedua." and obj2.oleh == perencana
    assert (obj2.objek_label, obj2.pesan) == (m.objek.label, m.pesan)
    log = list(
        AuditLog.objects.filter(aksi="periksa.penjelasan_simpan", object_id=str(obj.pk)).order_by(
            "id"
        )
    )
    assert [x.perubahan["teks"] for x in log] == [[None, "Pertama."], ["Pertama.", "Kedua."]]
    assert log[0].perangkat_daerah_id == paser.pk and log[0].pengguna == perencana


def test_bad_explanation_changes_nothing(paser, perencana, operator):
    m = _galat(paser)[0]
    isi = dict(pd=paser, tahun=2023, kode=m.kode, model=m.objek.model, objek_id=m.objek.pk)
    with pytest.raises(ValidationError, match="tidak boleh kosong"):
        penjelasan_simpan(**isi, teks="   ", user=perencana)
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        penjelasan_simpan(**{**isi, "objek_id": 0}, teks="Ada.", user=perencana)
    with pytest.raises(ValidationError, match="paling banyak 2000"):
        penjelasan_simpan(**isi, teks="x" * 2001, user=perencana)
    with pytest.raises(PermissionDenied):
        penjelasan_simpan(**isi, teks="Ada.", user=operator)
    assert not PenjelasanMasalah.objects.exists()
    assert not AuditLog.objects.filter(aksi="periksa.penjelasan_simpan").exists()


# --- Web -------------------------------------------------------------------------------------


def _post(client, m, teks="Sudah diperiksa."):
    return client.post(
        URL_JELASKAN,
        {"kode": m.kode, "model": m.objek.model, "objek_id": m.objek.pk, "teks": teks},
    )


def test_explaining_on_the_page(client, paser, perencana):
    m = _galat(paser)[0]
    client.force_login(perencana)
    html = client.get(URL).content.decode()
    assert 'id="gerbang"' in html and m.pesan in html and "belum dijelaskan" in html
    assert 'action="/pd/kesbangpol-paser/laporan/periksa/2023/jelaskan/"' in html
    respon = _post(client, m)
    assert respon.status_code == 302 and respon["Location"] == URL + "#gerbang"
    obj = PenjelasanMasalah.objects.get(kode=m.kode, objek_id=m.objek.pk)
    assert obj.teks == "Sudah diperiksa." and obj.oleh == perencana
    assert AuditLog.objects.filter(aksi="periksa.penjelasan_simpan", pengguna=perencana).exists()
    html = client.get(URL).content.decode()
    assert "Sudah diperiksa." in html


@pytest.mark.parametrize(("nama", "status"), [("luar", 404), ("operator", 403)])
def test_explanation_by_an_outsider_or_an_operator_is_refused(client, persona, paser, nama, status):
    m = _galat(paser)[0]
    client.force_login(persona(nama))
    assert _post(client, m).status_code == status
    assert not PenjelasanMasalah.objects.exists()


def test_empty_explanation_on_the_page_shows_a_message(client, paser, kepala):
    m = _galat(paser)[0]
    client.force_login(kepala)
    respon = client.post(
        URL_JELASKAN,
        {"kode": m.kode, "model": m.objek.model, "objek_id": m.objek.pk, "teks": ""},
        follow=True,
    )
    assert "Isian penjelasan tidak lengkap." in respon.content.decode()
    assert not PenjelasanMasalah.objects.exists()


def test_approval_page_refuses_with_the_list_then_shows_the_explanations(
    client, paser, kepala, perencana
):
    galat = _galat(paser)
    client.force_login(kepala)
    respon = client.post(URL_SETUJUI, follow=True)
    html = respon.content.decode()
    assert "masalah validasi tingkat error belum diperbaiki" in html
    assert f"{galat[0].kode} — " in html
    assert 'id="gerbang-persetujuan"' in html and f"{len(galat)} belum dijelaskan" in html
    _jelaskan_semua(paser, perencana)
    html = client.get("/pd/kesbangpol-paser/laporan/lkjip/2023/?edisi=draft").content.decode()
    assert "0 belum dijelaskan" in html
    assert f"Data {galat[0].objek.label} sudah diperiksa ulang." in html
    respon = client.post(URL_SETUJUI, follow=True)
    assert "Laporan disetujui sebagai edisi 1." in respon.content.decode()
    # The approval record: the editions page lists what was explained at approval.
    html = client.get("/pd/kesbangpol-paser/laporan/lkjip/2023/edisi/").content.decode()
    assert 'id="penjelasan-edisi-1"' in html
    assert f"{galat[0].kode} — {galat[0].objek.label}: " in html
    assert f"dijelaskan: Data {galat[0].objek.label} sudah diperiksa ulang." in html


def test_page_query_count_is_pinned_and_constant(
    client, paser, paser_x5, superuser, django_assert_num_queries
):
    from tests.factories import perbesar_rencana
    from tests.periksa.test_periksa import _salin_tercetak

    paser_x1 = perbesar_rencana(paser, kali=1)
    _salin_tercetak(paser, paser_x1)
    _salin_tercetak(paser, paser_x5)
    client.force_login(superuser)
    for pd, jumlah in (
        (paser, JUMLAH_QUERY_HALAMAN),
        (paser_x1, JUMLAH_QUERY_SALINAN),
        (paser_x5, JUMLAH_QUERY_SALINAN),
    ):
        url = f"/pd/{pd.slug}/laporan/periksa/2023/"
        client.get(url)  # warm caches (content types, scale)
        with django_assert_num_queries(jumlah):
            assert client.get(url).status_code == 200
