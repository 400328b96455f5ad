"""Perjanjian Kinerja pages: permission matrix, drafting and editing, sign-off, documents,
the public verification page, and the admin's refusal to change a signed PK."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from common.models import Keanggotaan, Peran
from kinerja import pk as L
from kinerja import views_pk as V
from kinerja.models import AlasanPerubahanPK, PerjanjianKinerja, PKIndikator, StatusPK
from renstra.models import Pejabat

# Drafting and in-app signing are tested on the demo PKs in their unsigned state.
pytestmark = pytest.mark.usefixtures("pk_demo_draf")

SANDI = "sandi-rahasia-123"
NIP_KEPALA = "197106071997031007"
NIP_KABID_IDEOLOGI = "197809292008042001"

# persona: (pd slug, unit code, role); None = superuser
PERSONA = {
    "operator": ("kesbangpol-paser", "bidang-ideologi", Peran.OPERATOR),
    "verifikator": ("kesbangpol-paser", "bidang-ideologi", Peran.VERIFIKATOR),
    "kepala": ("kesbangpol-paser", None, Peran.KEPALA),
    "perencana": ("kesbangpol-paser", None, Peran.PERENCANA),
    "inspektorat": ("kesbangpol-paser", None, Peran.INSPEKTORAT),
    "luar": ("kesbangpol-balangan", "sekretariat", Peran.OPERATOR),
    "admin": None,
}


def buat_persona(nama):
    User = get_user_model()
    if PERSONA[nama] is None:
        return User.objects.create_superuser(nama, f"{nama}@contoh.go.id", SANDI)
    user = User.objects.create_user(f"{nama}-pk", f"{nama}@contoh.go.id", SANDI)
    slug, unit, peran = PERSONA[nama]
    from renstra.models import PerangkatDaerah

    pd = PerangkatDaerah.objects.get(slug=slug)
    Keanggotaan.objects.create(
        pengguna=user,
        perangkat_daerah=pd,
        unit_kerja=pd.unit_kerja.get(kode=unit) if unit else None,
        peran=peran,
    )
    return user


@pytest.fixture
def persona(db):
    dibuat = {}

    def ambil(nama):
        if nama not in dibuat:
            dibuat[nama] = buat_persona(nama)
        return dibuat[nama]

    return ambil


@pytest.fixture
def pk_kepala(paser):
    return PerjanjianKinerja.objects.get(
        perangkat_daerah=paser, tahun=2024, pihak_pertama__nip=NIP_KEPALA
    )


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (10, 10), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _masuk(client, user):
    client.force_login(user)
    return client


def _pesan(response) -> list[str]:
    """The messages added while handling this request (not those still queued from before)."""
    return [str(m) for m in response.wsgi_request._messages._queued_messages]


# --- Permission matrix -------------------------------------------------------------------------

BACA = {
    "operator": 200,
    "verifikator": 200,
    "kepala": 200,
    "perencana": 200,
    "inspektorat": 200,
    "admin": 200,
    "luar": 404,
    "anonim": 302,
}
UBAH = {**BACA, "operator": 403, "verifikator": 403, "inspektorat": 403}

MATRIKS = (
    [("pk:daftar", "get", p, s) for p, s in BACA.items()]
    + [("pk:detail", "get", p, s) for p, s in BACA.items()]
    + [("pk:cetak", "get", p, s) for p, s in BACA.items()]
    + [("pk:pohon", "get", p, s) for p, s in BACA.items()]
    + [("pk:ubah", "get", p, s) for p, s in UBAH.items()]
    + [("pk:perubahan", "get", p, s) for p, s in UBAH.items()]
    + [("pk:susun", "post", p, {200: 302}.get(s, s)) for p, s in UBAH.items()]
    + [("pk:tautkan_otomatis", "post", p, {200: 302}.get(s, s)) for p, s in UBAH.items()]
)


def _url(nama, paser, pk):
    if nama in ("pk:daftar", "pk:susun"):
        return reverse(nama, args=[paser.slug])
    if nama in ("pk:pohon", "pk:tautkan_otomatis"):
        return reverse(nama, args=[paser.slug, 2024])
    return reverse(nama, args=[paser.slug, pk.pk])


@pytest.mark.parametrize(("nama", "metode", "siapa", "status"), MATRIKS)
def test_permission_matrix(client, persona, paser, pk_kepala, nama, metode, siapa, status):
    if siapa != "anonim":
        _masuk(client, persona(siapa))
    data = {"pejabat": "", "tahun": "2023"} if metode == "post" else None
    response = getattr(client, metode)(_url(nama, paser, pk_kepala), data)
    assert response.status_code == status
    if siapa == "anonim":
        assert response["Location"].startswith(reverse("login"))


def test_another_pds_pk_answers_404_even_with_its_own_slug(client, persona, paser, balangan):
    pk_balangan = PerjanjianKinerja.objects.filter(perangkat_daerah=balangan).first()
    _masuk(client, persona("kepala"))
    url = reverse("pk:detail", args=[paser.slug, pk_balangan.pk])
    assert client.get(url).status_code == 404


# --- Drafting and editing ----------------------------------------------------------------------


def test_draft_from_the_list_page(client, persona, paser):
    _masuk(client, persona("perencana"))
    halaman = client.get(reverse("pk:daftar", args=[paser.slug]) + "?tahun=2024")
    assert halaman.status_code == 200
    assert halaman.context["tahun"] == 2024 and len(halaman.context["daftar"]) == 13
    kepala = Pejabat.objects.get(nip=NIP_KEPALA)
    response = client.post(
        reverse("pk:susun", args=[paser.slug]), {"pejabat": kepala.pk, "tahun": 2023}
    )
    pk = PerjanjianKinerja.objects.get(perangkat_daerah=paser, tahun=2023)
    assert response["Location"] == reverse("pk:detail", args=[paser.slug, pk.pk])
    assert _pesan(response) == [V.PESAN_DRAF_DISUSUN.format(indikator=6, anggaran=6)]
    detail = client.get(response["Location"])
    assert detail.status_code == 200
    assert b'class="pk draf"' in detail.content
    # A second draft for the same official and year is refused with the service's message.
    response = client.post(
        reverse("pk:susun", args=[paser.slug]), {"pejabat": kepala.pk, "tahun": 2023}
    )
    assert _pesan(response) == [L.PESAN_PK_SUDAH_ADA.format(tahun=2023)]


def _data_ubah(pk, ganti=None):
    """The POST of the edit page as the browser sends it, with some row fields changed."""
    from kinerja.forms_pk import BarisPKForm

    data = {
        "pihak_pertama": pk.pihak_pertama_id,
        "pihak_kedua": pk.pihak_kedua_id or "",
        "pihak_kedua_nama": pk.pihak_kedua_nama,
        "pihak_kedua_jabatan": pk.pihak_kedua_jabatan,
        "pihak_kedua_nip": pk.pihak_kedua_nip,
        "tempat": pk.tempat,
        "tanggal": pk.tanggal.isoformat(),
        "tanggal_hanya_bulan": "on" if pk.tanggal_hanya_bulan else "",
    }
    baris = list(pk.indikator.order_by("urutan", "id"))
    data.update(
        {
            "baris-TOTAL_FORMS": len(baris),
            "baris-INITIAL_FORMS": len(baris),
            "baris-MIN_NUM_FORMS": 0,
            "baris-MAX_NUM_FORMS": 1000,
        }
    )
    for i, b in enumerate(baris):
        awal = BarisPKForm.initial_dari(b)
        awal["indikator_atasan"] = awal["indikator_atasan"] or ""
        awal.update((ganti or {}).get(i, {}))
        for kunci, nilai in awal.items():
            if kunci == "hapus" and not nilai:
                continue
            data[f"baris-{i}-{kunci}"] = nilai
    return data


def test_edit_page_asks_a_reason_for_a_changed_target(client, persona, paser):
    perencana = persona("perencana")
    pk = L.pk_susun_draf(
        pd=paser, tahun=2023, pejabat=Pejabat.objects.get(nip=NIP_KEPALA), user=perencana
    )
    _masuk(client, perencana)
    url = reverse("pk:ubah", args=[paser.slug, pk.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, _data_ubah(pk, {1: {"target": "95"}}))
    assert response.status_code == 200
    galat = response.context["formset"].forms[1].errors["alasan_selisih"]
    assert galat == [L.PESAN_ALASAN_SELISIH.format(sumber="Renja", target="100%")]
    assert pk.indikator.get(urutan=2).nilai == 100  # rolled back

    data = _data_ubah(
        pk, {1: {"target": "95", "alasan_selisih": "Anggaran dipotong."}, 5: {"hapus": "on"}}
    )
    response = client.post(url, data | {"tempat": "Tanah Grogot"})
    assert response.status_code == 302
    assert pk.indikator.get(urutan=2).nilai == 95
    assert pk.indikator.count() == 5
    pk.refresh_from_db()
    assert pk.tempat == "Tanah Grogot"

    response = client.post(url, _data_ubah(pk, {0: {"target": "1.234,5"}}))
    assert response.context["formset"].forms[0].errors["alasan_selisih"]
    response = client.post(url, _data_ubah(pk, {0: {"target": "banyak"}}))
    from kinerja.forms_pk import PESAN_TARGET_TIDAK_SAH

    assert response.context["formset"].forms[0].errors["target"] == [PESAN_TARGET_TIDAK_SAH]


def test_target_input_reads_indonesian_notation():
    from kinerja.forms_pk import urai_target

    assert urai_target("1.234")["nilai"] == 1234
    assert str(urai_target("7,8")["nilai"]) == "7.8"
    assert urai_target("bb")["predikat"] == "BB"
    rentang = urai_target("80–90 %")
    assert (rentang["batas_bawah"], rentang["batas_atas"]) == (80, 90)
    assert urai_target("")["nilai"] is None


# --- Sign-off through the pages ----------------------------------------------------------------


def test_sign_off_through_the_pages(client, persona, paser, pk_kepala):
    kepala = persona("kepala")
    _masuk(client, kepala)
    detail = reverse("pk:detail", args=[paser.slug, pk_kepala.pk])
    halaman = client.get(detail)
    assert halaman.context["boleh_ttd_pertama"] and not halaman.context["boleh_unggah"]

    url = reverse("pk:ttd_pertama", args=[paser.slug, pk_kepala.pk])
    response = client.post(url, {"kata_sandi": "salah"})
    assert response["Location"] == detail
    assert _pesan(response) == [L.PESAN_KATA_SANDI_SALAH]
    response = client.post(url, {"kata_sandi": SANDI})
    assert _pesan(response) == [V.PESAN_TTD_PERTAMA]
    pk_kepala.refresh_from_db()
    assert pk_kepala.status == StatusPK.DITANDATANGANI_PIHAK_PERTAMA

    halaman = client.get(detail)
    assert halaman.context["boleh_unggah"] and not halaman.context["boleh_ttd_kedua"]
    url = reverse("pk:unggah_pindaian", args=[paser.slug, pk_kepala.pk])
    teks = SimpleUploadedFile("ttd.png", b"GIF89a bukan png", content_type="image/png")
    response = client.post(url, {"kata_sandi": SANDI, "konfirmasi": "on", "berkas": teks})
    assert _pesan(response) == [L.PESAN_PINDAIAN_JENIS]
    berkas = SimpleUploadedFile("ttd.png", _png(), content_type="image/png")
    response = client.post(url, {"kata_sandi": SANDI, "konfirmasi": "on", "berkas": berkas})
    assert _pesan(response) == [V.PESAN_TTD_SELESAI]
    pk_kepala.refresh_from_db()
    assert pk_kepala.status == StatusPK.DITANDATANGANI

    halaman = client.get(detail)
    assert pk_kepala.sidik_jari.encode() in halaman.content
    assert halaman.context["isi"].sidik_cocok is True
    assert halaman.context["boleh_ubah"] is False

    pindaian = client.get(reverse("pk:pindaian", args=[paser.slug, pk_kepala.pk]))
    assert pindaian.status_code == 200
    assert b"".join(pindaian.streaming_content) == _png()

    pdf = client.get(reverse("pk:pdf", args=[paser.slug, pk_kepala.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content[:4] == b"%PDF"
    teks = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert f"http://testserver/pk/verifikasi/{pk_kepala.sidik_jari}/" in " ".join(teks.split())

    # The edit page of a signed PK sends back with the freeze message.
    perencana = persona("perencana")
    _masuk(client, perencana)
    response = client.get(reverse("pk:ubah", args=[paser.slug, pk_kepala.pk]))
    assert response.status_code == 302 and _pesan(response) == [L.PESAN_PK_TERKUNCI]


def test_signing_someone_elses_pk_is_forbidden(client, persona, paser, pk_kepala):
    _masuk(client, persona("operator"))
    url = reverse("pk:ttd_pertama", args=[paser.slug, pk_kepala.pk])
    assert client.post(url, {"kata_sandi": SANDI}).status_code == 403
    _masuk(client, persona("luar"))
    assert client.post(url, {"kata_sandi": SANDI}).status_code == 404


def test_scan_is_served_only_inside_the_pd(client, persona, paser, pk_kepala):
    kepala = persona("kepala")
    L.pk_tandatangani_pihak_pertama(pk=pk_kepala, user=kepala, kata_sandi=SANDI)
    berkas = SimpleUploadedFile("ttd.png", _png(), content_type="image/png")
    L.pk_unggah_pindaian(
        pk=pk_kepala, berkas=berkas, user=kepala, kata_sandi=SANDI, konfirmasi=True
    )
    url = reverse("pk:pindaian", args=[paser.slug, pk_kepala.pk])
    _masuk(client, persona("luar"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_pk_perubahan_page(client, persona, paser, pk_kepala):
    kepala = persona("kepala")
    L.pk_tandatangani_pihak_pertama(pk=pk_kepala, user=kepala, kata_sandi=SANDI)
    berkas = SimpleUploadedFile("ttd.png", _png(), content_type="image/png")
    L.pk_unggah_pindaian(
        pk=pk_kepala, berkas=berkas, user=kepala, kata_sandi=SANDI, konfirmasi=True
    )
    _masuk(client, persona("perencana"))
    url = reverse("pk:perubahan", args=[paser.slug, pk_kepala.pk])
    response = client.post(url, {"alasan": AlasanPerubahanPK.PEJABAT, "uraian": ""})
    assert response.status_code == 200 and response.context["form"].errors["uraian"]
    response = client.post(
        url, {"alasan": AlasanPerubahanPK.PEJABAT, "uraian": "Kepala badan diganti."}
    )
    baru = PerjanjianKinerja.objects.get(menggantikan=pk_kepala)
    assert response["Location"] == reverse("pk:ubah", args=[paser.slug, baru.pk])
    detail = client.get(reverse("pk:detail", args=[paser.slug, baru.pk]))
    assert [v.pk for v in detail.context["versi"]] == [pk_kepala.pk, baru.pk]
    assert b"TARGET SEBELUM PERUBAHAN" in detail.content
    response = client.post(url, {"alasan": AlasanPerubahanPK.PEJABAT, "uraian": "lagi"})
    assert response.context["form"].non_field_errors() == [L.PESAN_PERUBAHAN_SUDAH_ADA]


# --- Documents and tree ------------------------------------------------------------------------


def test_document_of_the_year(client, persona, paser):
    _masuk(client, persona("inspektorat"))
    pdf = client.get(reverse("pk:dokumen_tahun", args=[paser.slug, 2024, "pdf"]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content[:4] == b"%PDF"
    assert 'filename="pk-kesbangpol-paser-2024.pdf"' in pdf["Content-Disposition"]
    html = client.get(
        reverse("pk:dokumen_tahun", args=[paser.slug, 2024, "html"]), {"nip": NIP_KEPALA}
    )
    assert html["Content-Type"].startswith("text/html")
    assert html.content.count(b"Dalam rangka mewujudkan manajemen") == 1
    assert (
        client.get(reverse("pk:dokumen_tahun", args=[paser.slug, 2024, "docx"])).status_code == 404
    )
    assert (
        client.get(reverse("pk:dokumen_tahun", args=[paser.slug, 2019, "pdf"])).status_code == 404
    )


def test_pohon_pages(client, persona, paser):
    perencana = persona("perencana")
    for nip in (NIP_KEPALA, NIP_KABID_IDEOLOGI):
        L.pk_susun_draf(pd=paser, tahun=2023, pejabat=Pejabat.objects.get(nip=nip), user=perencana)
    _masuk(client, persona("verifikator"))
    halaman = client.get(reverse("pk:pohon", args=[paser.slug, 2023]))
    assert halaman.status_code == 200
    assert len(halaman.context["pohon"].sasaran) == 6
    assert b"Sangat Tinggi" in halaman.content
    cetak = client.get(reverse("pk:pohon_cetak", args=[paser.slug, 2023]))
    assert b"POHON KINERJA TAHUN 2023" in cetak.content
    pdf = client.get(reverse("pk:pohon_pdf", args=[paser.slug, 2023]))
    assert pdf.content[:4] == b"%PDF"
    teks = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Nilai Evaluasi SAKIP dari APIP" in teks


# --- Public verification -----------------------------------------------------------------------


def test_verification_page_is_public(
    client, persona, paser, pk_kepala, django_assert_max_num_queries
):
    kepala = persona("kepala")
    L.pk_tandatangani_pihak_pertama(pk=pk_kepala, user=kepala, kata_sandi=SANDI)
    berkas = SimpleUploadedFile("ttd.png", _png(), content_type="image/png")
    pk = L.pk_unggah_pindaian(
        pk=pk_kepala, berkas=berkas, user=kepala, kata_sandi=SANDI, konfirmasi=True
    )
    url = reverse("pk:verifikasi", args=[pk.sidik_jari])
    assert url == f"/pk/verifikasi/{pk.sidik_jari}/"
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["hasil"].status == L.STATUS_ASLI
    assert b"ASLI." in response.content and b"NONDING, S.Sos., M.M" in response.content

    baru = L.pk_buat_perubahan(pk=pk, alasan=AlasanPerubahanPK.PEJABAT, uraian="x", user=kepala)
    L.pk_tandatangani_pihak_pertama(pk=baru, user=kepala, kata_sandi=SANDI)
    berkas = SimpleUploadedFile("ttd2.png", _png(), content_type="image/png")
    baru = L.pk_unggah_pindaian(
        pk=baru, berkas=berkas, user=kepala, kata_sandi=SANDI, konfirmasi=True
    )
    response = client.get(url)
    assert response.context["hasil"].status == L.STATUS_DIGANTI
    assert b"SUDAH DIGANTI." in response.content
    assert reverse("pk:verifikasi", args=[baru.sidik_jari]).encode() in response.content

    response = client.get(reverse("pk:verifikasi", args=["f" * 64]))
    assert response.status_code == 404
    assert b"TIDAK DIKENAL." in response.content
    assert client.get("/pk/verifikasi/bukan-sidik/").status_code == 404


# --- Admin -------------------------------------------------------------------------------------


@pytest.fixture
def pk_bertanda_tangan(persona, pk_kepala):
    kepala = persona("kepala")
    L.pk_tandatangani_pihak_pertama(pk=pk_kepala, user=kepala, kata_sandi=SANDI)
    berkas = SimpleUploadedFile("ttd.png", _png(), content_type="image/png")
    return L.pk_unggah_pindaian(
        pk=pk_kepala, berkas=berkas, user=kepala, kata_sandi=SANDI, konfirmasi=True
    )


def test_admin_refuses_changes_of_a_signed_pk(client, persona, pk_bertanda_tangan):
    pk = pk_bertanda_tangan
    _masuk(client, persona("admin"))
    ubah = reverse("admin:kinerja_perjanjiankinerja_change", args=[pk.pk])
    halaman = client.get(ubah)
    assert halaman.status_code == 200  # read-only view
    assert b'name="_save"' not in halaman.content
    assert client.post(ubah, {"tempat": "Lain", "tahun": 2024}).status_code == 403
    hapus = reverse("admin:kinerja_perjanjiankinerja_delete", args=[pk.pk])
    assert client.post(hapus, {"post": "yes"}).status_code == 403

    baris = pk.indikator.first()
    url = reverse("admin:kinerja_pkindikator_change", args=[baris.pk])
    assert client.post(url, {"uraian": "diubah", "perjanjian": pk.pk}).status_code == 403
    url = reverse("admin:kinerja_pkindikator_delete", args=[baris.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    anggaran = pk.anggaran.first()
    url = reverse("admin:kinerja_pkanggaran_change", args=[anggaran.pk])
    assert client.post(url, {"nama": "x", "perjanjian": pk.pk}).status_code == 403

    tambah = client.post(
        reverse("admin:kinerja_pkindikator_add"),
        {"perjanjian": pk.pk, "urutan": 9, "uraian": "Sisipan", "satuan": "%"},
    )
    assert tambah.status_code == 200
    assert L.PESAN_PK_TERKUNCI.encode() in tambah.content
    assert not PKIndikator.objects.filter(uraian="Sisipan").exists()

    daftar = reverse("admin:kinerja_pkindikator_changelist")
    response = client.post(
        daftar, {"action": "delete_selected", "_selected_action": [baris.pk], "post": "yes"}
    )
    assert response.status_code == 403
    pk.refresh_from_db()
    assert pk.indikator.count() == 6 and L.hitung_sidik_jari(pk) == pk.sidik_jari


def test_admin_edits_a_draft(client, persona, pk_kepala):
    _masuk(client, persona("admin"))
    baris = pk_kepala.indikator.first()
    url = reverse("admin:kinerja_pkindikator_change", args=[baris.pk])
    response = client.post(
        url,
        {
            "perjanjian": pk_kepala.pk,
            "urutan": baris.urutan,
            "uraian": "Nilai SAKIP",
            "satuan": baris.satuan,
            "predikat": "BB",
        },
    )
    assert response.status_code == 302
    baris.refresh_from_db()
    assert baris.uraian == "Nilai SAKIP"
    halaman = client.get(reverse("admin:kinerja_perjanjiankinerja_change", args=[pk_kepala.pk]))
    assert b'name="_save"' in halaman.content
