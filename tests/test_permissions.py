"""The permission matrix as data: every view × every role.

Each row names a view (URL name), the HTTP method, the objects its URL and body need, and the
personas allowed. For every persona the expected answer follows from the row:
- allowed persona → the row's success status (200 page, 302 after an action);
- persona of the same PD without the right → 403;
- `luar` (a user of another PD) → 404: nothing of Paser leaks;
- anonymous → 302 to the login page.
A second test walks every object URL with another PD's object ids → 404.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from anggaran import services as layanan_anggaran
from anggaran.models import Pagu, RealisasiAnggaran
from kinerja import services
from kinerja.models import Bukti
from renstra.models import Indikator, PembukaanKembali, SubKegiatan, UnitKerja
from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db

PERSONA = [
    "operator",
    "operator_b",
    "verifikator",
    "kepala",
    "perencana",
    "inspektorat",
    "bappeda",
    "superuser",
    "luar",
    "anonim",
]
PEMBACA = {
    "operator",
    "operator_b",
    "verifikator",
    "kepala",
    "perencana",
    "inspektorat",
    "bappeda",
    "superuser",
}
OPERATOR_A = {"operator", "superuser"}
PERENCANA = {"perencana", "kepala", "superuser"}


def _isi(indikator, user):
    r = services.realisasi_simpan(
        indikator=indikator,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(80), "penyebut": Decimal(100), "nilai": Decimal(80)},
        versi=0,
        user=user,
    )
    services.bukti_tambah(realisasi=r, user=user, tautan="https://contoh.go.id/bukti")
    return r


@pytest.fixture
def dunia(paser, persona, jendela_terbuka):
    """The objects every row needs, in the states the actions expect."""
    operator, verifikator = persona("operator"), persona("verifikator")
    ind = {
        k: Indikator.objects.get(perangkat_daerah=paser, kode=k)
        for k in ("S2.I1", "S5.I1", "8.01.02.I1")
    }
    draft = _isi(ind["S2.I1"], operator)
    diajukan = services.realisasi_ajukan(realisasi=_isi(ind["S5.I1"], operator), user=operator)
    diverifikasi = services.realisasi_verifikasi(
        realisasi=services.realisasi_ajukan(
            realisasi=_isi(ind["8.01.02.I1"], operator), user=operator
        ),
        user=verifikator,
    )
    unit_a = UnitKerja.objects.get(perangkat_daerah=paser, kode="bidang-ideologi")
    sub = SubKegiatan.objects.get(
        kegiatan__program__renstra__perangkat_daerah=paser, kode="8.01.02.2.01.02"
    )
    Pagu.objects.create(sub_kegiatan=sub, tahun=TAHUN_UJI, perubahan=Decimal("176239500"))
    # Budget rows of the same sub-kegiatan: TW I draft (open quarter), TW II submitted,
    # TW III verified.
    anggaran_draft = layanan_anggaran.realisasi_anggaran_simpan(
        sub_kegiatan=sub,
        tahun=TAHUN_UJI,
        triwulan=1,
        jumlah=Decimal("1000000"),
        versi=0,
        user=operator,
    )
    anggaran_diajukan, anggaran_diverifikasi = (
        RealisasiAnggaran.objects.create(
            sub_kegiatan=sub, tahun=TAHUN_UJI, triwulan=tw, jumlah=Decimal("2000000"), status=st
        )
        for tw, st in ((2, "diajukan"), (3, "diverifikasi"))
    )
    pembukaan = PembukaanKembali.objects.create(
        perangkat_daerah=paser,
        unit_kerja=unit_a,
        tahun=TAHUN_UJI,
        triwulan=2,
        alasan="Data terlambat",
        diminta_oleh=operator,
    )
    besok = timezone.localdate() + datetime.timedelta(days=3)
    return {
        "pd": paser.slug,
        "indikator": ind["S2.I1"],
        "draft": draft,
        "diajukan": diajukan,
        "diverifikasi": diverifikasi,
        "bukti": Bukti.objects.filter(realisasi=draft).first(),
        "unit_a": unit_a,
        "sub": sub,
        "anggaran_draft": anggaran_draft,
        "anggaran_diajukan": anggaran_diajukan,
        "anggaran_diverifikasi": anggaran_diverifikasi,
        "pembukaan": pembukaan,
        "besok": besok,
    }


def _indikator_data(ind):
    from renstra.forms import KOLOM_INDIKATOR

    data = {}
    for k in KOLOM_INDIKATOR:
        nilai = getattr(ind, f"{k}_id" if k == "penanggung_jawab" else k)
        if isinstance(nilai, bool):
            if nilai:
                data[k] = "on"
        else:
            data[k] = "" if nilai is None else nilai
    data["satuan"] = "persen"
    return data


# name, method, kwargs(d), data(d), allowed personas, success status
MATRIKS = [
    ("beranda", "get", lambda d: {}, None, "semua", None),
    ("beranda_pd", "get", lambda d: {"pd": d["pd"]}, None, PEMBACA, 200),
    (
        "audit_csv",
        "get",
        lambda d: {"pd": d["pd"]},
        None,
        {"kepala", "perencana", "inspektorat", "superuser"},
        200,
    ),
    ("password_change", "get", lambda d: {}, None, "masuk", 200),
    ("kinerja:realisasi_daftar", "get", lambda d: {"pd": d["pd"]}, None, PEMBACA, 200),
    (
        "kinerja:realisasi_grid",
        "get",
        lambda d: {"pd": d["pd"], "unit": d["unit_a"].pk, "tahun": TAHUN_UJI, "triwulan": 1},
        None,
        OPERATOR_A,
        200,
    ),
    (
        "kinerja:realisasi_isi",
        "get",
        lambda d: {
            "pd": d["pd"],
            "indikator": d["indikator"].pk,
            "tahun": TAHUN_UJI,
            "triwulan": 1,
        },
        None,
        PEMBACA,
        200,
    ),
    (
        "kinerja:realisasi_isi",
        "post",
        lambda d: {
            "pd": d["pd"],
            "indikator": d["indikator"].pk,
            "tahun": TAHUN_UJI,
            "triwulan": 1,
        },
        lambda d: {"pembilang": "81", "penyebut": "100", "versi": d["draft"].versi},
        OPERATOR_A,
        302,
    ),
    (
        "kinerja:realisasi_pratinjau",
        "get",
        lambda d: {
            "pd": d["pd"],
            "indikator": d["indikator"].pk,
            "tahun": TAHUN_UJI,
            "triwulan": 1,
        },
        None,
        PEMBACA,
        200,
    ),
    (
        "kinerja:realisasi_ajukan_massal",
        "post",
        lambda d: {"pd": d["pd"]},
        lambda d: {"unit": d["unit_a"].pk, "tahun": TAHUN_UJI, "triwulan": 1},
        OPERATOR_A,
        302,
    ),
    (
        "kinerja:realisasi_ajukan",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["draft"].pk},
        None,
        OPERATOR_A,
        302,
    ),
    (
        "kinerja:realisasi_verifikasi",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["diajukan"].pk},
        None,
        {"verifikator", "superuser"},
        302,
    ),
    (
        "kinerja:realisasi_setujui",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["diverifikasi"].pk},
        None,
        {"kepala", "superuser"},
        302,
    ),
    (
        "kinerja:realisasi_kembalikan",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["diajukan"].pk},
        lambda d: {"alasan": "Periksa lagi"},
        {"verifikator", "kepala", "superuser"},
        302,
    ),
    (
        "kinerja:realisasi_riwayat",
        "get",
        lambda d: {"pd": d["pd"], "pk": d["draft"].pk},
        None,
        PEMBACA,
        200,
    ),
    (
        "kinerja:bukti_unggah",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["draft"].pk},
        lambda d: {"tautan": "https://contoh.go.id/foto"},
        OPERATOR_A,
        302,
    ),
    (
        "kinerja:bukti_unduh",
        "get",
        lambda d: {"pd": d["pd"], "pk": d["bukti"].pk},
        None,
        PEMBACA,
        302,
    ),
    (
        "kinerja:bukti_hapus",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["bukti"].pk},
        None,
        OPERATOR_A,
        302,
    ),
    ("kinerja:pembukaan_daftar", "get", lambda d: {"pd": d["pd"]}, None, PEMBACA, 200),
    (
        "kinerja:pembukaan_minta",
        "post",
        lambda d: {"pd": d["pd"]},
        lambda d: {
            "tahun": TAHUN_UJI,
            "triwulan": 3,
            "unit_kerja": d["unit_a"].pk,
            "alasan": "Terlambat",
        },
        {"operator", "verifikator", "kepala", "perencana", "superuser"},
        302,
    ),
    (
        "kinerja:pembukaan_putus",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["pembukaan"].pk},
        lambda d: {"keputusan": "setujui", "berlaku_sampai": d["besok"].isoformat()},
        PERENCANA,
        302,
    ),
    (
        "kinerja:jendela_simpan",
        "post",
        lambda d: {"pd": d["pd"]},
        lambda d: {
            "prefix": "tw2",
            "tw2-tahun": TAHUN_UJI,
            "tw2-triwulan": 2,
            "tw2-dibuka": f"{TAHUN_UJI}-04-01",
            "tw2-ditutup": f"{TAHUN_UJI}-07-15",
        },
        PERENCANA,
        302,
    ),
    ("anggaran:realisasi_daftar", "get", lambda d: {"pd": d["pd"]}, None, PEMBACA, 200),
    (
        "anggaran:realisasi_isi",
        "get",
        lambda d: {"pd": d["pd"], "sub_kegiatan": d["sub"].pk, "tahun": TAHUN_UJI, "triwulan": 1},
        None,
        PEMBACA,
        200,
    ),
    (
        "anggaran:realisasi_isi",
        "post",
        lambda d: {"pd": d["pd"], "sub_kegiatan": d["sub"].pk, "tahun": TAHUN_UJI, "triwulan": 1},
        lambda d: {"jumlah": "1.500.000", "versi": d["anggaran_draft"].versi},
        OPERATOR_A,
        302,
    ),
    (
        "anggaran:realisasi_ajukan",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["anggaran_draft"].pk},
        None,
        OPERATOR_A,
        302,
    ),
    (
        "anggaran:realisasi_verifikasi",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["anggaran_diajukan"].pk},
        None,
        {"verifikator", "superuser"},
        302,
    ),
    (
        "anggaran:realisasi_setujui",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["anggaran_diverifikasi"].pk},
        None,
        {"kepala", "superuser"},
        302,
    ),
    (
        "anggaran:realisasi_kembalikan",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["anggaran_diajukan"].pk},
        lambda d: {"alasan": "Periksa lagi"},
        {"verifikator", "kepala", "superuser"},
        302,
    ),
    (
        "anggaran:realisasi_riwayat",
        "get",
        lambda d: {"pd": d["pd"], "sub_kegiatan": d["sub"].pk, "tahun": TAHUN_UJI},
        None,
        PEMBACA,
        200,
    ),
    (
        "anggaran:anggaran_pd",
        "get",
        lambda d: {"pd": d["pd"], "tahun": TAHUN_UJI},
        None,
        PEMBACA,
        200,
    ),
    (
        "anggaran:anggaran_pd",
        "post",
        lambda d: {"pd": d["pd"], "tahun": TAHUN_UJI},
        lambda d: {"pagu": "1.000.000", "realisasi": "900.000", "sumber": "DPA"},
        PERENCANA,
        302,
    ),
    ("renstra:indikator_daftar", "get", lambda d: {"pd": d["pd"]}, None, PEMBACA, 200),
    (
        "renstra:indikator_ubah",
        "get",
        lambda d: {"pd": d["pd"], "pk": d["indikator"].pk},
        None,
        PERENCANA,
        200,
    ),
    (
        "renstra:indikator_ubah",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["indikator"].pk},
        lambda d: _indikator_data(d["indikator"]),
        PERENCANA,
        302,
    ),
    (
        "renstra:target_ubah",
        "get",
        lambda d: {"pd": d["pd"], "pk": d["indikator"].pk, "tahun": TAHUN_UJI},
        None,
        PERENCANA,
        200,
    ),
    (
        "renstra:target_ubah",
        "post",
        lambda d: {"pd": d["pd"], "pk": d["indikator"].pk, "tahun": TAHUN_UJI},
        lambda d: {"renstra": "100", "pk_murni": "90"},
        PERENCANA,
        302,
    ),
    (
        "renstra:indikator_riwayat",
        "get",
        lambda d: {"pd": d["pd"], "pk": d["indikator"].pk},
        None,
        PEMBACA,
        200,
    ),
]


def _harapan(baris, persona):
    nama, _, _, _, boleh, sukses = baris
    if persona == "anonim":
        return "login"
    if boleh == "masuk":
        return sukses
    if boleh == "semua":
        # `beranda` lists the user's PD, or goes straight to the only one.
        return 200 if persona in ("inspektorat", "superuser") else 302
    if persona == "luar":
        return 404
    return sukses if persona in boleh else 403


KASUS = [
    pytest.param(baris, persona, id=f"{baris[0]}-{baris[1]}-{persona}")
    for baris in MATRIKS
    for persona in PERSONA
]


@pytest.mark.parametrize(("baris", "nama_persona"), KASUS)
def test_permission_matrix(baris, nama_persona, dunia, persona, client):
    nama, metode, kwargs, data, _, _ = baris
    if nama_persona != "anonim":
        client.force_login(persona(nama_persona))
    url = reverse(nama, kwargs=kwargs(dunia))
    respon = getattr(client, metode)(url, data(dunia) if data else None)
    harapan = _harapan(baris, nama_persona)
    if harapan == "login":
        assert respon.status_code == 302
        assert respon["Location"].startswith(reverse("login"))
        return
    assert respon.status_code == harapan, respon.content[:500]
    if harapan == 302 and metode == "post":
        # An allowed action must not come back with an error message.
        ikut = client.get(respon["Location"])
        assert "alert-danger alert-dismissible" not in ikut.content.decode()


def test_matrix_size():
    """Every view of the issue is in the matrix (kept in step with the URL configuration)."""
    from django.urls import get_resolver

    nama_view = {b[0] for b in MATRIKS}
    for app in ("kinerja", "anggaran", "renstra"):
        daftar = get_resolver().namespace_dict[app][1].reverse_dict.keys()
        for n in daftar:
            if isinstance(n, str):
                assert f"{app}:{n}" in nama_view, f"{app}:{n} missing from the matrix"
    assert len(KASUS) == len(MATRIKS) * len(PERSONA)


# Another PD's objects in Paser's URLs (and in the other PD's own URLs for a Paser user): 404.
@pytest.fixture
def milik_balangan(balangan, persona):
    from kinerja.models import Realisasi

    ind = Indikator.objects.filter(perangkat_daerah=balangan).first()
    r = Realisasi.objects.for_pd(balangan).first()
    sub = SubKegiatan.objects.filter(kegiatan__program__renstra__perangkat_daerah=balangan).first()
    ra = RealisasiAnggaran.objects.create(
        sub_kegiatan=sub, tahun=TAHUN_UJI, triwulan=1, jumlah=Decimal(1), status="diajukan"
    )
    bukti = Bukti.objects.create(realisasi=r, tautan="https://contoh.go.id/balangan")
    pembukaan = PembukaanKembali.objects.create(
        perangkat_daerah=balangan,
        tahun=TAHUN_UJI,
        triwulan=1,
        alasan="x",
        diminta_oleh=persona("luar"),
    )
    unit = UnitKerja.objects.filter(perangkat_daerah=balangan).first()
    return {
        "ind": ind,
        "r": r,
        "sub": sub,
        "ra": ra,
        "bukti": bukti,
        "pembukaan": pembukaan,
        "unit": unit,
    }


OBJEK_LAIN = [
    (
        "kinerja:realisasi_isi",
        "get",
        lambda o: {"indikator": o["ind"].pk, "tahun": TAHUN_UJI, "triwulan": 1},
    ),
    (
        "kinerja:realisasi_pratinjau",
        "get",
        lambda o: {"indikator": o["ind"].pk, "tahun": TAHUN_UJI, "triwulan": 1},
    ),
    (
        "kinerja:realisasi_grid",
        "get",
        lambda o: {"unit": o["unit"].pk, "tahun": TAHUN_UJI, "triwulan": 1},
    ),
    ("kinerja:realisasi_ajukan", "post", lambda o: {"pk": o["r"].pk}),
    ("kinerja:realisasi_verifikasi", "post", lambda o: {"pk": o["r"].pk}),
    ("kinerja:realisasi_setujui", "post", lambda o: {"pk": o["r"].pk}),
    ("kinerja:realisasi_kembalikan", "post", lambda o: {"pk": o["r"].pk}),
    ("kinerja:realisasi_riwayat", "get", lambda o: {"pk": o["r"].pk}),
    ("kinerja:bukti_unggah", "post", lambda o: {"pk": o["r"].pk}),
    ("kinerja:bukti_unduh", "get", lambda o: {"pk": o["bukti"].pk}),
    ("kinerja:bukti_hapus", "post", lambda o: {"pk": o["bukti"].pk}),
    ("kinerja:pembukaan_putus", "post", lambda o: {"pk": o["pembukaan"].pk}),
    (
        "anggaran:realisasi_isi",
        "get",
        lambda o: {"sub_kegiatan": o["sub"].pk, "tahun": TAHUN_UJI, "triwulan": 1},
    ),
    (
        "anggaran:realisasi_riwayat",
        "get",
        lambda o: {"sub_kegiatan": o["sub"].pk, "tahun": TAHUN_UJI},
    ),
    ("anggaran:realisasi_ajukan", "post", lambda o: {"pk": o["ra"].pk}),
    ("anggaran:realisasi_verifikasi", "post", lambda o: {"pk": o["ra"].pk}),
    ("anggaran:realisasi_setujui", "post", lambda o: {"pk": o["ra"].pk}),
    ("anggaran:realisasi_kembalikan", "post", lambda o: {"pk": o["ra"].pk}),
    ("renstra:indikator_ubah", "get", lambda o: {"pk": o["ind"].pk}),
    ("renstra:target_ubah", "get", lambda o: {"pk": o["ind"].pk, "tahun": TAHUN_UJI}),
    ("renstra:indikator_riwayat", "get", lambda o: {"pk": o["ind"].pk}),
]


@pytest.mark.parametrize("nama_persona", ["kepala", "superuser", "operator"])
@pytest.mark.parametrize(
    ("nama", "metode", "kwargs"), OBJEK_LAIN, ids=[f"{n}-{m}" for n, m, _ in OBJEK_LAIN]
)
def test_other_pd_objects_are_404(
    nama, metode, kwargs, nama_persona, paser, milik_balangan, persona, client
):
    client.force_login(persona(nama_persona))
    url = reverse(nama, kwargs={"pd": paser.slug, **kwargs(milik_balangan)})
    assert getattr(client, metode)(url).status_code == 404


@pytest.mark.parametrize("nama", ["kepala", "operator", "perencana", "bappeda"])
def test_other_pd_home_is_404(nama, balangan, persona, client):
    client.force_login(persona(nama))
    assert client.get(reverse("beranda_pd", kwargs={"pd": balangan.slug})).status_code == 404
    assert (
        client.get(reverse("kinerja:realisasi_daftar", kwargs={"pd": balangan.slug})).status_code
        == 404
    )


def test_access_denied_page_is_readable(client, persona, paser):
    client.force_login(persona("bappeda"))
    respon = client.get(
        reverse(
            "renstra:indikator_ubah",
            kwargs={"pd": paser.slug, "pk": Indikator.objects.for_pd(paser).first().pk},
        )
    )
    assert respon.status_code == 403
    teks = respon.content.decode()
    assert "Akses ditolak" in teks and "Anda tidak memiliki hak" in teks


def test_login_page_and_logout(client, persona):
    assert client.get(reverse("login")).status_code == 200
    user = persona("operator")
    respon = client.post(
        reverse("login"), {"username": user.username, "password": "rahasia-uji-123"}
    )
    assert respon.status_code == 302
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("beranda")).status_code == 302
