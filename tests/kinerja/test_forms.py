"""The realisasi form: bad input answered in Indonesian (never a server error), the value
computed from pembilang/penyebut, the live preview, concurrent edits, the query count."""

from decimal import Decimal

import pytest
from django.urls import reverse

from common.formatting import PESAN_BUKAN_ANGKA
from kinerja import services
from kinerja.forms import (
    PESAN_DESIMAL_BERLEBIH,
    PESAN_NEGATIF,
    PESAN_TERLALU_BESAR,
    PESAN_WAJIB_DIISI,
    RealisasiForm,
)
from kinerja.models import Realisasi
from renstra.models import Indikator
from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db


@pytest.fixture
def indikator_angka(paser):
    """8.01.02.2.01.04.I1: "Jumlah Orang ..." (unit A, plain value, satuan Orang)."""
    return Indikator.objects.get(perangkat_daerah=paser, kode="8.01.02.2.01.04.I1")


TERLALU_BESAR = PESAN_TERLALU_BESAR.format(digit=16)


@pytest.mark.parametrize(
    ("teks", "nilai", "galat"),
    [
        ("", None, PESAN_WAJIB_DIISI),
        ("   ", None, PESAN_WAJIB_DIISI),
        ("-5", None, PESAN_NEGATIF),
        ("−5", None, PESAN_NEGATIF),
        ("abc", None, PESAN_BUKAN_ANGKA),
        ("12 orang", None, PESAN_BUKAN_ANGKA),
        ("1e20", None, PESAN_BUKAN_ANGKA),
        ("NaN", None, PESAN_BUKAN_ANGKA),
        ("100000000000000000000", None, TERLALU_BESAR),  # 10^20
        ("10000000000000000", None, TERLALU_BESAR),  # 10^16: 17 digits
        ("1,23456", None, PESAN_DESIMAL_BERLEBIH.format(tempat=4)),
        ("1.23.4", None, PESAN_BUKAN_ANGKA),
        ("65.22", None, PESAN_BUKAN_ANGKA),  # a lone dot groups thousands in a form
        ("1.234,5", Decimal("1234.5"), None),
        ("1,234.5", Decimal("1234.5"), None),
        ("7.489", Decimal("7489"), None),
        ("7,8", Decimal("7.8"), None),
        ("9999999999999999,9999", Decimal("9999999999999999.9999"), None),
        ("0", Decimal("0"), None),
    ],
)
def test_value_field(indikator_angka, teks, nilai, galat):
    form = RealisasiForm({"nilai": teks, "versi": "0"}, indikator=indikator_angka)
    assert form.is_valid() is (galat is None)
    if galat:
        assert form.errors["nilai"] == [galat]
    else:
        assert form.cleaned_data["nilai"] == nilai


@pytest.mark.parametrize(
    ("data", "kolom", "galat"),
    [
        ({"pembilang": "", "penyebut": "100"}, "pembilang", PESAN_WAJIB_DIISI),
        ({"pembilang": "5", "penyebut": "0"}, "penyebut", "Penyebut tidak boleh 0."),
        ({"pembilang": "-1", "penyebut": "10"}, "pembilang", PESAN_NEGATIF),
        ({"pembilang": "1", "penyebut": "x"}, "penyebut", PESAN_BUKAN_ANGKA),
    ],
)
def test_ratio_fields(indikator_a, data, kolom, galat):
    form = RealisasiForm({**data, "versi": "0"}, indikator=indikator_a)
    assert not form.is_valid()
    assert form.errors[kolom] == [galat]


def test_versi_tampered(indikator_angka):
    form = RealisasiForm({"nilai": "5", "versi": "abc"}, indikator=indikator_angka)
    assert not form.is_valid() and "versi" in form.errors


def url_isi(pd, indikator, triwulan=1):
    return reverse(
        "kinerja:realisasi_isi",
        kwargs={"pd": pd.slug, "indikator": indikator.pk, "tahun": TAHUN_UJI, "triwulan": triwulan},
    )


@pytest.mark.parametrize(
    "teks", ["", "-5", "abc", "100000000000000000000", "1e20", "1,23456", "9" * 200, "\x00"]
)
def test_bad_input_through_view_never_500(
    client, paser, indikator_angka, operator, jendela_terbuka, teks
):
    client.force_login(operator)
    respon = client.post(url_isi(paser, indikator_angka), {"nilai": teks, "versi": "0"})
    assert respon.status_code == 200
    assert "invalid-feedback" in respon.content.decode()
    assert not Realisasi.objects.filter(indikator=indikator_angka, tahun=TAHUN_UJI).exists()


def test_ratio_value_is_computed(client, paser, indikator_a, operator, jendela_terbuka):
    client.force_login(operator)
    respon = client.post(
        url_isi(paser, indikator_a),
        {
            "pembilang": "7.489",
            "penyebut": "96.016",
            "versi": "0",
            "faktor_pendorong": "Sosialisasi",
        },
    )
    assert respon.status_code == 302
    r = Realisasi.objects.get(indikator=indikator_a, tahun=TAHUN_UJI, triwulan=1)
    # 7.489 / 96.016 × 100 = 7,79974… (seed 001: 7,8%), stored to 4 places.
    assert (r.pembilang, r.penyebut, r.nilai) == (Decimal(7489), Decimal(96016), Decimal("7.7997"))
    assert r.faktor_pendorong == "Sosialisasi" and r.versi == 1


def test_preview_shows_engine_capaian_and_category(
    client, paser, indikator_a, operator, jendela_terbuka
):
    client.force_login(operator)
    url = reverse(
        "kinerja:realisasi_pratinjau",
        kwargs={"pd": paser.slug, "indikator": indikator_a.pk, "tahun": TAHUN_UJI, "triwulan": 1},
    )
    teks = client.get(url, {"pembilang": "80", "penyebut": "100"}).content.decode()
    # Renstra target 2025 = 100; realisasi 80 → 80,00% → Tinggi (76 ≤ c < 91).
    assert 'data-uji="capaian">80,00%' in teks
    assert "Tinggi" in teks and "kategori-II" in teks
    teks = client.get(url, {"pembilang": "abc", "penyebut": "100"}).content.decode()
    assert PESAN_BUKAN_ANGKA in teks and 'data-uji="capaian">—' in teks


def test_preview_cumulative_indicator_adds_quarters(
    client, paser, indikator_angka, operator, persona
):
    """A kumulatif indicator: s.d. TW II = TW I + TW II."""
    from renstra.models import Target

    Indikator.objects.filter(pk=indikator_angka.pk).update(cara_agregasi="kumulatif")
    Target.objects.create(
        indikator=indikator_angka, tahun=TAHUN_UJI, jenis="pk_murni", nilai=Decimal(200)
    )
    Realisasi.objects.create(
        indikator=indikator_angka, tahun=TAHUN_UJI, triwulan=1, nilai=Decimal(50)
    )
    client.force_login(operator)
    url = reverse(
        "kinerja:realisasi_pratinjau",
        kwargs={
            "pd": paser.slug,
            "indikator": indikator_angka.pk,
            "tahun": TAHUN_UJI,
            "triwulan": 2,
        },
    )
    teks = client.get(url, {"nilai": "80"}).content.decode()
    assert 'data-uji="nilai-sd">130<' in teks
    assert 'data-uji="capaian">65,00%' in teks  # 130 / 200 (seed 000 printed 89%: wrong)
    assert "Rendah" in teks


def test_conflict_second_save_sees_other_value(
    client, paser, indikator_angka, persona, jendela_terbuka
):
    """Two operators of unit A open the same entry; the second save gets a conflict with the
    first one's value, and nothing is overwritten."""
    from common.models import Keanggotaan

    a = persona("operator")
    kedua = a.__class__.objects.create_user(username="operator-kedua", first_name="Operator Kedua")
    asal = Keanggotaan.objects.get(pengguna=a)
    Keanggotaan.objects.create(
        pengguna=kedua, perangkat_daerah=paser, unit_kerja=asal.unit_kerja, peran="operator"
    )
    r = services.realisasi_simpan(
        indikator=indikator_angka,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"nilai": Decimal(10)},
        versi=0,
        user=a,
    )
    versi_dibuka = r.versi
    client.force_login(a)
    assert (
        client.post(
            url_isi(paser, indikator_angka), {"nilai": "25", "versi": versi_dibuka}
        ).status_code
        == 302
    )
    client.force_login(kedua)
    respon = client.post(url_isi(paser, indikator_angka), {"nilai": "40", "versi": versi_dibuka})
    assert respon.status_code == 409
    teks = respon.content.decode()
    assert "Terjadi bentrok suntingan." in teks
    assert "Nilai tersimpan saat ini: 25." in teks
    r.refresh_from_db()
    assert r.nilai == Decimal(25) and r.versi == versi_dibuka + 1
    # The form now carries the current version: saving again is a deliberate overwrite.
    assert f'name="versi" value="{r.versi}"' in teks


def test_conflict_on_create(paser, indikator_angka, operator, jendela_terbuka):
    services.realisasi_simpan(
        indikator=indikator_angka,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"nilai": Decimal(1)},
        versi=0,
        user=operator,
    )
    with pytest.raises(services.KonflikSuntingan) as exc:
        services.realisasi_simpan(
            indikator=indikator_angka,
            tahun=TAHUN_UJI,
            triwulan=1,
            data={"nilai": Decimal(2)},
            versi=0,
            user=operator,
        )
    assert exc.value.terkini.nilai == Decimal(1)


def test_conflict_when_status_changed_meanwhile(paser, indikator_angka, operator, jendela_terbuka):
    r = services.realisasi_simpan(
        indikator=indikator_angka,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"nilai": Decimal(1)},
        versi=0,
        user=operator,
    )
    services.bukti_tambah(realisasi=r, user=operator, tautan="https://contoh.go.id/a")
    services.realisasi_ajukan(realisasi=r, user=operator)  # versi moves on
    with pytest.raises(services.KonflikSuntingan):
        services.realisasi_simpan(
            indikator=indikator_angka,
            tahun=TAHUN_UJI,
            triwulan=1,
            data={"nilai": Decimal(2)},
            versi=r.versi,
            user=operator,
        )


def test_form_page_query_count_is_constant(
    client, paser, indikator_a, operator, jendela_terbuka, django_assert_num_queries
):
    """The form page costs 13 queries whether the year has 1 or 4 quarters and 1 or 12
    evidence items: session, user, PD, memberships, indicator (with its parents and unit),
    realisasi of the year, their evidence (prefetch), targets, quarterly targets, category
    scale, entry window, unit name, the values the plausibility warnings compare with.
    (Without any realisasi the evidence prefetch and the comparison are skipped.)"""
    client.force_login(operator)
    url = url_isi(paser, indikator_a)
    with django_assert_num_queries(11):
        assert client.get(url).status_code == 200

    def tambah(tw, n):
        r = Realisasi.objects.create(
            indikator=indikator_a,
            tahun=TAHUN_UJI,
            triwulan=tw,
            nilai=Decimal(tw),
            diisi_oleh=operator,
        )
        for i in range(n):
            r.bukti.create(tautan=f"https://contoh.go.id/{tw}/{i}", diunggah_oleh=operator)

    tambah(1, 1)
    with django_assert_num_queries(13):
        assert client.get(url).status_code == 200
    for tw in (2, 3, 4):
        tambah(tw, 3)
    Realisasi.objects.filter(indikator=indikator_a, triwulan=1).first().bukti.create(
        tautan="https://contoh.go.id/lagi", diunggah_oleh=operator
    )
    with django_assert_num_queries(13):
        assert client.get(url).status_code == 200


def test_saved_value_is_shown_as_typed(client, paser, indikator_angka, operator, jendela_terbuka):
    """The column keeps 4 places; the form shows "1,5" again, never "1,5000"."""
    client.force_login(operator)
    url = url_isi(paser, indikator_angka)
    assert client.post(url, {"nilai": "1,5", "versi": "0"}).status_code == 302
    teks = client.get(url).content.decode()
    assert 'value="1,5"' in teks and "1,5000" not in teks
    assert client.post(url, {"nilai": "7.489", "versi": "1"}).status_code == 302
    assert 'value="7.489"' in client.get(url).content.decode()
    r = Realisasi.objects.get(indikator=indikator_angka, tahun=TAHUN_UJI, triwulan=1)
    assert r.nilai == Decimal(7489)


def test_live_capaian_sits_right_under_the_inputs(
    client, paser, indikator_a, operator, jendela_terbuka
):
    """On a phone the columns stack: the capaian must come before the analysis texts."""
    client.force_login(operator)
    teks = client.get(url_isi(paser, indikator_a)).content.decode()
    assert teks.count('data-uji="capaian"') == 1
    assert (
        teks.index('id="id_penyebut"')
        < teks.index('data-uji="capaian"')
        < teks.index('id="id_faktor_pendorong"')
    )


def test_read_only_form_says_why(client, paser, indikator_a, operator, kepala, jendela_terbuka):
    from kinerja.views import PESAN_BACA_BUKAN_OPERATOR, PESAN_BACA_STATUS

    client.force_login(kepala)
    teks = client.get(url_isi(paser, indikator_a)).content.decode()
    assert PESAN_BACA_BUKAN_OPERATOR in teks and 'id="id_pembilang"' not in teks
    r = services.realisasi_simpan(
        indikator=indikator_a,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(80), "penyebut": Decimal(100)},
        versi=0,
        user=operator,
    )
    r.bukti.create(tautan="https://contoh.go.id/bukti", diunggah_oleh=operator)
    services.realisasi_ajukan(realisasi=r, user=operator)
    client.force_login(operator)
    teks = client.get(url_isi(paser, indikator_a)).content.decode()
    assert PESAN_BACA_STATUS.format(status="diajukan") in teks
