"""The agency's stated budget total entered through the web form (issue 14 point 8).

Paser 2023 holds a stated total (dataset: pagu 32.654.909.391, realisasi 31.458.315.432)
while its program tree sums to pagu 32.351.024.068 and the same realisasi; TAHUN_UJI (2025)
has neither. The perencana and the kepala of the PD write it (anggaran.services
`anggaran_pd_simpan`, audited); every other reader of the PD sees it; another PD answers 404.
"""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from anggaran import services
from anggaran.models import AnggaranPerangkatDaerah
from common.formatting import PESAN_BUKAN_ANGKA
from common.forms import PESAN_NEGATIF
from common.models import AuditLog
from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db

D = Decimal
PAGU_PASER_2023 = D("32654909391")
REALISASI_PASER_2023 = D("31458315432")
PAGU_POHON_PASER_2023 = "Rp 32.351.024.068"


def url(pd, tahun=TAHUN_UJI):
    return reverse("anggaran:anggaran_pd", kwargs={"pd": pd.slug, "tahun": tahun})


def sel(teks: str, uji: str) -> str:
    """The text of the element marked data-uji="uji"."""
    cocok = re.search(rf'data-uji="{uji}"[^>]*>([^<]*)<', teks)
    assert cocok, f"data-uji={uji} tidak ada"
    return cocok.group(1).strip()


def nilai_input(teks: str, nama: str) -> str:
    cocok = re.search(rf'<input[^>]*name="{nama}"[^>]*>', teks)
    assert cocok, f"input {nama} tidak ada"
    nilai = re.search(r'value="([^"]*)"', cocok.group(0))
    return nilai.group(1) if nilai else ""


def baris(pd, tahun):
    return AnggaranPerangkatDaerah.objects.filter(perangkat_daerah=pd, tahun=tahun).first()


def test_get_shows_stated_values_tree_sum_and_difference(client, paser, perencana):
    client.force_login(perencana)
    teks = client.get(url(paser, 2023)).content.decode()
    assert nilai_input(teks, "pagu") == "32.654.909.391"
    assert nilai_input(teks, "realisasi") == "31.458.315.432"
    assert nilai_input(teks, "pagu_murni") == ""
    assert nilai_input(teks, "sumber") == "Bab II LKjIP 2023 (TOTAL); realisasi: Bab III-B"
    assert "Anggaran perangkat daerah (sebagaimana dinyatakan DPA)" in teks
    for label in ("Pagu murni", "Pagu berlaku (perubahan)", "Realisasi", "Sumber"):
        assert f">{label}</label>" in teks
    assert sel(teks, "pagu-pd") == "Rp 32.654.909.391"
    assert sel(teks, "pagu-program") == PAGU_POHON_PASER_2023
    assert sel(teks, "selisih-pagu") == "Rp 303.885.323"  # 32.654.909.391 − 32.351.024.068
    assert sel(teks, "realisasi-program") == "Rp 31.458.315.432"
    assert sel(teks, "selisih-realisasi") == "Rp 0"


def test_budget_page_links_to_the_form_of_the_year_viewed(client, paser, perencana):
    client.force_login(perencana)
    teks = client.get(
        reverse("anggaran:realisasi_daftar", kwargs={"pd": paser.slug}) + "?tahun=2023&triwulan=4"
    ).content.decode()
    assert f'href="{url(paser, 2023)}" data-uji="anggaran-pd"' in teks


def test_post_creates_with_indonesian_numbers_and_audits(client, paser, perencana):
    client.force_login(perencana)
    respon = client.post(
        url(paser),
        {
            "pagu_murni": "30.000.000.000",
            "pagu": "33.138.442.066",
            "realisasi": "32.113.042.961,50",
            "sumber": "  DPA Perubahan 2025  ",
        },
    )
    assert respon.status_code == 302 and respon["Location"] == url(paser)
    a = baris(paser, TAHUN_UJI)
    assert (a.pagu_murni, a.pagu, a.realisasi, a.sumber) == (
        D("30000000000"),
        D("33138442066"),
        D("32113042961.50"),
        "DPA Perubahan 2025",
    )
    log = AuditLog.objects.get(aksi="anggaran_pd.buat")
    assert log.pengguna == perencana and log.perangkat_daerah == paser
    assert log.object_id == str(a.pk)
    assert log.perubahan == {
        "pagu_murni": [None, "30000000000"],
        "pagu": [None, "33138442066"],
        "realisasi": [None, "32113042961.5"],
        "sumber": [None, "DPA Perubahan 2025"],
    }
    teks = client.get(url(paser)).content.decode()
    assert "Anggaran perangkat daerah tahun 2025 tersimpan." in teks
    assert nilai_input(teks, "pagu") == "33.138.442.066"
    assert sel(teks, "pagu-pd") == "Rp 33.138.442.066"
    assert 'Pagu berlaku: <span class="text-danger">—</span>' in teks  # history


def test_post_updates_and_audits_old_and_new(client, paser, perencana):
    client.force_login(perencana)
    respon = client.post(
        url(paser, 2023),
        {
            "pagu": "32.351.024.068",
            "realisasi": "31.458.315.432",
            "sumber": "Bab II LKjIP 2023 (TOTAL); realisasi: Bab III-B",
        },
    )
    assert respon.status_code == 302
    assert baris(paser, 2023).pagu == D("32351024068")
    log = AuditLog.objects.get(aksi="anggaran_pd.ubah")
    assert log.pengguna == perencana
    assert log.perubahan == {"pagu": ["32654909391", "32351024068"]}  # only what changed
    teks = client.get(url(paser, 2023)).content.decode()
    assert sel(teks, "selisih-pagu") == "Rp 0"


def test_unchanged_values_write_nothing(client, paser, perencana):
    client.force_login(perencana)
    data = {
        "pagu": "32.654.909.391",
        "realisasi": "31.458.315.432",
        "sumber": "Bab II LKjIP 2023 (TOTAL); realisasi: Bab III-B",
    }
    respon = client.post(url(paser, 2023), data, follow=True)
    assert "Tidak ada perubahan pada anggaran perangkat daerah tahun 2023." in (
        respon.content.decode()
    )
    assert not AuditLog.objects.filter(aksi__startswith="anggaran_pd.").exists()


def test_emptying_the_three_amounts_deletes_audited(client, paser, perencana):
    client.force_login(perencana)
    id_lama = baris(paser, 2023).pk
    respon = client.post(url(paser, 2023), {"sumber": "tetap ada"}, follow=True)
    teks = respon.content.decode()
    assert "Anggaran perangkat daerah tahun 2023 dihapus" in teks
    assert baris(paser, 2023) is None
    log = AuditLog.objects.get(aksi="anggaran_pd.hapus")
    assert log.object_id == str(id_lama) and log.pengguna == perencana
    assert log.perubahan == {
        "pagu": ["32654909391", None],
        "realisasi": ["31458315432", None],
        "sumber": ["Bab II LKjIP 2023 (TOTAL); realisasi: Bab III-B", None],
    }
    assert sel(teks, "pagu-pd") == "—" and sel(teks, "selisih-pagu") == "—"
    assert "LKjIP hanya mencetak jumlah pohon program" in teks


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({"pagu": "-5"}, PESAN_NEGATIF),
        ({"pagu": "1.000", "realisasi": "sepuluh"}, PESAN_BUKAN_ANGKA),
        (
            {"pagu": "1.000.000", "realisasi": "1.000.001"},
            services.PESAN_PD_REALISASI_MELEBIHI.format(
                realisasi="Rp 1.000.001", pagu="Rp 1.000.000"
            ),
        ),
        ({"pagu_murni": "1.000.000"}, services.PESAN_PD_MURNI_TANPA_PAGU),
        ({"pagu": "1.000", "sumber": "x" * 201}, "paling banyak 200 karakter"),
    ],
    ids=["negatif", "bukan-angka", "realisasi-melebihi-pagu", "murni-tanpa-pagu", "sumber-panjang"],
)
def test_invalid_input_changes_nothing_and_says_why(client, paser, perencana, data, pesan):
    client.force_login(perencana)
    sebelum = AuditLog.objects.count()
    respon = client.post(url(paser, 2023), data)
    assert respon.status_code == 200
    assert pesan in respon.content.decode()
    a = baris(paser, 2023)
    assert (a.pagu, a.realisasi) == (PAGU_PASER_2023, REALISASI_PASER_2023)
    assert AuditLog.objects.count() == sebelum


def test_realisasi_without_pagu_is_allowed(paser, perencana):
    a = services.anggaran_pd_simpan(
        pd=paser,
        tahun=TAHUN_UJI,
        pagu_murni=None,
        pagu=None,
        realisasi=D("5000000"),
        sumber="",
        user=perencana,
    )
    assert a.realisasi == D("5000000") and a.pagu is None


def test_year_outside_renstra_refused(client, paser, perencana):
    client.force_login(perencana)
    pesan = services.PESAN_PD_LUAR_RENSTRA.format(tahun=2027, periode="2022–2026")
    teks = client.get(url(paser, 2027)).content.decode()
    assert pesan in teks and 'data-uji="form-anggaran-pd"' not in teks
    respon = client.post(url(paser, 2027), {"pagu": "1.000.000"})
    assert respon.status_code == 200 and pesan in respon.content.decode()
    assert baris(paser, 2027) is None
    with pytest.raises(ValidationError) as exc:
        services.anggaran_pd_simpan(
            pd=paser,
            tahun=2027,
            pagu_murni=None,
            pagu=D(1),
            realisasi=None,
            sumber="",
            user=perencana,
        )
    assert exc.value.messages == [pesan]


def test_service_refuses_negative_amounts_and_non_planners(paser, perencana, operator):
    with pytest.raises(ValidationError) as exc:
        services.anggaran_pd_simpan(
            pd=paser,
            tahun=2023,
            pagu_murni=D(-1),
            pagu=D(1),
            realisasi=D(-2),
            sumber="",
            user=perencana,
        )
    assert exc.value.message_dict == {
        "pagu_murni": ["Pagu murni tidak boleh negatif."],
        "realisasi": ["Realisasi tidak boleh negatif."],
    }
    with pytest.raises(PermissionDenied):
        services.anggaran_pd_simpan(
            pd=paser,
            tahun=2023,
            pagu_murni=None,
            pagu=None,
            realisasi=None,
            sumber="",
            user=operator,
        )
    assert baris(paser, 2023).pagu == PAGU_PASER_2023


def test_other_pd_answers_404(client, paser, balangan, perencana):
    client.force_login(perencana)  # Paser's perencana
    assert client.get(url(balangan, 2023)).status_code == 404
    assert client.post(url(balangan, 2023), {"pagu": "1"}).status_code == 404
    assert baris(balangan, 2023).pagu == D("33138442066")
    with pytest.raises(PermissionDenied):
        services.anggaran_pd_simpan(
            pd=balangan,
            tahun=2023,
            pagu_murni=None,
            pagu=D(1),
            realisasi=None,
            sumber="",
            user=perencana,
        )


@pytest.mark.parametrize("nama", ["inspektorat", "bappeda", "operator", "verifikator"])
def test_readers_see_values_but_cannot_post(client, paser, persona, nama):
    client.force_login(persona(nama))
    teks = client.get(url(paser, 2023)).content.decode()
    assert 'data-uji="form-anggaran-pd"' not in teks
    assert "Rp 32.654.909.391" in teks and "Bab II LKjIP 2023 (TOTAL)" in teks
    assert client.post(url(paser, 2023), {"pagu": "1"}).status_code == 403
    assert baris(paser, 2023).pagu == PAGU_PASER_2023


def test_kepala_is_a_planner_and_may_save(client, paser, kepala):
    """common.permissions.PERENCANA: the kepala maintains the plan with the perencana."""
    client.force_login(kepala)
    assert 'data-uji="form-anggaran-pd"' in client.get(url(paser, 2023)).content.decode()
    assert client.post(url(paser, 2023), {"pagu": "32.654.909.391"}).status_code == 302
    assert AuditLog.objects.get(aksi="anggaran_pd.ubah").pengguna == kepala


JUMLAH_QUERY = 12
"""Session, user, PD, stated total, Renstra period, programs, kegiatan, sub-kegiatan, pagu,
realisasi anggaran, history, years of the selector: whatever the size of the plan."""
JUMLAH_QUERY_DATASET = JUMLAH_QUERY + 1
"""Paser's history holds the dataset import's entry, which names the PD (one more query)."""


def test_query_count_is_pinned_and_constant(
    client, paser, paser_x5, superuser, django_assert_num_queries
):
    from tests.factories import perbesar_rencana

    paser_x1 = perbesar_rencana(paser, kali=1)
    for pd in (paser_x1, paser_x5):
        services.anggaran_pd_simpan(
            pd=pd,
            tahun=2023,
            pagu_murni=None,
            pagu=PAGU_PASER_2023,
            realisasi=REALISASI_PASER_2023,
            sumber="DPA",
            user=superuser,
        )
    client.force_login(superuser)
    for pd, jumlah in (
        (paser, JUMLAH_QUERY_DATASET),
        (paser_x1, JUMLAH_QUERY),
        (paser_x5, JUMLAH_QUERY),
    ):
        client.get(url(pd, 2023))  # warm the content-type cache
        with django_assert_num_queries(jumlah):
            assert client.get(url(pd, 2023)).status_code == 200
