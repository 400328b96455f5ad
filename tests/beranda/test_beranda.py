"""Home pages per role: the operator's tasks with progress per unit, the inboxes, the capaian
per sasaran (CSS bars, categories), the audit export; and their query counts."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja import services
from kinerja.models import Realisasi
from tests.conftest import TAHUN_UJI
from tests.factories import perbesar_rencana

pytestmark = pytest.mark.django_db


def beranda(client, pd, **params):
    return client.get(reverse("beranda_pd", kwargs={"pd": pd.slug}), params)


def test_single_pd_goes_straight_to_its_home(client, operator, paser):
    client.force_login(operator)
    respon = client.get(reverse("beranda"))
    assert respon.status_code == 302 and respon["Location"] == reverse(
        "beranda_pd", kwargs={"pd": paser.slug}
    )


def test_several_pd_are_listed(client, inspektorat):
    client.force_login(inspektorat)
    teks = client.get(reverse("beranda")).content.decode()
    assert "Kesbangpol Paser" in teks or "Paser" in teks
    assert "Balangan" in teks


def test_operator_sees_what_to_fill_with_progress(
    client, paser, operator, indikator_a, jendela_terbuka
):
    services.realisasi_simpan(
        indikator=indikator_a,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(1), "penyebut": Decimal(2)},
        versi=0,
        user=operator,
    )
    client.force_login(operator)
    teks = beranda(client, paser, tahun=TAHUN_UJI, triwulan=1).content.decode()
    assert "Yang harus saya isi untuk TW I" in teks
    assert "Bidang Ideologi" in teks
    # Unit A has 11 indicators in the demo plan (S2.I1, S5.I1, programs 8.01.02/05 …).
    n = len(
        [
            i
            for i in services.indikator_dengan_unit().filter(perangkat_daerah=paser)
            if i.unit_id == indikator_a.penanggung_jawab_id
        ]
    )
    assert f"1 dari {n} terisi · 0 diajukan" in teks
    assert "S3.I1" not in teks.split("Capaian per sasaran")[0]  # unit B's indicator is not listed


def test_inboxes(client, paser, operator, verifikator, kepala, indikator_a, jendela_terbuka):
    r = services.realisasi_simpan(
        indikator=indikator_a,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(80), "penyebut": Decimal(100)},
        versi=0,
        user=operator,
    )
    services.bukti_tambah(realisasi=r, user=operator, tautan="https://contoh.go.id/x")
    services.realisasi_ajukan(realisasi=r, user=operator)
    client.force_login(verifikator)
    teks = beranda(client, paser).content.decode()
    assert (
        'data-uji="kotak-masuk-verifikasi"' in teks
        and "S2.I1" in teks.split("kotak-masuk-verifikasi")[1]
    )
    services.realisasi_verifikasi(realisasi=r, user=verifikator)
    client.force_login(kepala)
    teks = beranda(client, paser).content.decode()
    assert "Menunggu persetujuan" in teks and "S2.I1" in teks.split("kotak-masuk-setujui")[1]


def test_capaian_chart_uses_official_values_by_default(client, paser, kepala):
    client.force_login(kepala)
    teks = beranda(client, paser, tahun=2023, triwulan=4).content.decode()
    # Seed 002 (LKjIP 2023 of Kesbangpol Paser): S1 65,22 against 73 → 89,34% Tinggi.
    assert 'data-uji="capaian-S1">89,34%' in teks
    assert 'data-uji="capaian-S2">100,00%' in teks
    assert "kategori-II" in teks and "Sangat Tinggi" in teks
    assert "width: 59%" in teks  # 89,34 of 150 → bar 59% wide


def test_chart_hides_drafts_unless_asked(client, paser, kepala, indikator_a):
    Realisasi.objects.create(
        indikator=indikator_a, tahun=TAHUN_UJI, triwulan=1, nilai=Decimal(50), status="draft"
    )
    client.force_login(kepala)
    teks = beranda(client, paser, tahun=TAHUN_UJI, triwulan=1).content.decode()
    assert 'data-uji="capaian-S2">—' in teks
    teks = beranda(client, paser, tahun=TAHUN_UJI, triwulan=1, resmi="0").content.decode()
    assert 'data-uji="capaian-S2">50,00%' in teks and "Termasuk angka belum disetujui" in teks


def test_bad_period_parameters_fall_back(client, paser, kepala):
    client.force_login(kepala)
    for params in ({"tahun": "abc"}, {"tahun": "99999", "triwulan": "9"}, {"triwulan": "-1"}):
        assert beranda(client, paser, **params).status_code == 200


@pytest.mark.parametrize("nama", ["operator", "verifikator", "kepala"])
def test_home_query_count_is_constant(nama, client, paser, persona, django_assert_num_queries):
    """The home page costs the same with the demo plan and with a plan five times larger.

    Queries: session, user, PD, memberships; entry window and approved reopen (period status of
    a locked quarter); Renstra years (period selector); units; for an operator their indicators
    and the quarter's realisasi; for a verifikator the inbox; for a kepala the inbox and the
    reopen requests; then the pengukuran selector (Renstra, scale, sasaran, indicators,
    targets, rows of signed PKs, quarterly targets, realisasi); the latest year with approved
    numbers; each inbox also lists budget realisations (one query); for a verifikator and a
    kepala the quarter at a glance (indicators and the quarter's realisasi); the SAKIP
    recommendations due (one query): 20 / 22 / 23.
    """
    user = persona(nama)
    client.force_login(user)
    with django_assert_num_queries(HOME_QUERIES[nama]):
        assert beranda(client, paser, tahun=2023, triwulan=4).status_code == 200
    besar = perbesar_rencana(paser, kali=5)
    from common.models import Keanggotaan
    from renstra.models import UnitKerja

    unit = UnitKerja.objects.create(
        perangkat_daerah=besar, kode="bidang-ideologi", nama="Bidang Ideologi"
    )
    asal = Keanggotaan.objects.get(pengguna=user, perangkat_daerah=paser)
    Keanggotaan.objects.create(
        pengguna=user,
        perangkat_daerah=besar,
        unit_kerja=unit if asal.unit_kerja_id else None,
        peran=asal.peran,
    )
    from renstra.models import Indikator

    Indikator.objects.filter(perangkat_daerah=besar).update(penanggung_jawab=unit)
    with django_assert_num_queries(HOME_QUERIES[nama]):
        respon = beranda(client, besar, tahun=2023, triwulan=4)
    assert respon.status_code == 200
    assert respon.content.decode().count("grafik-baris") == 6 * 5


HOME_QUERIES = {"operator": 20, "verifikator": 22, "kepala": 23}


def test_audit_csv_is_scoped(
    client, paser, balangan, kepala, operator, indikator_a, jendela_terbuka, persona
):
    services.realisasi_simpan(
        indikator=indikator_a,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(3), "penyebut": Decimal(4)},
        versi=0,
        user=operator,
    )
    from common.audit import catat

    catat(pengguna=persona("luar"), aksi="uji.balangan", perangkat_daerah=balangan)
    client.force_login(kepala)
    respon = client.get(reverse("audit_csv", kwargs={"pd": paser.slug}))
    assert respon.status_code == 200 and respon["Content-Type"].startswith("text/csv")
    isi = b"".join(respon.streaming_content).decode("utf-8-sig")
    baris = list(csv.DictReader(io.StringIO(isi)))
    aksi = {b["aksi"] for b in baris}
    assert "realisasi.buat" in aksi and "uji.balangan" not in aksi
    buat = next(b for b in baris if b["aksi"] == "realisasi.buat")
    assert buat["pengguna"] == operator.username and '"nilai": [null, "75"]' in buat["perubahan"]


def test_empty_period_points_to_the_latest_year_with_numbers(client, paser, kepala):
    client.force_login(kepala)
    teks = beranda(client, paser, tahun=2026, triwulan=4).content.decode()
    assert 'data-uji="data-terakhir"' in teks
    assert "?tahun=2023&amp;triwulan=4" in teks
    teks = beranda(client, paser, tahun=2023, triwulan=4).content.decode()
    assert 'data-uji="data-terakhir"' not in teks
    assert 'data-uji="capaian-S2">100,00%' in teks


def test_inboxes_list_budget_realisations(client, paser, verifikator, kepala):
    from anggaran.models import RealisasiAnggaran
    from kinerja.models import StatusRealisasi
    from renstra.models import SubKegiatan

    def sub(kode):
        return SubKegiatan.objects.get(
            kegiatan__program__renstra__perangkat_daerah=paser, kode=kode
        )

    # Unit A (bidang-ideologi) submitted one amount; another unit's amount is verified.
    RealisasiAnggaran.objects.create(
        sub_kegiatan=sub("8.01.02.2.01.02"),
        tahun=TAHUN_UJI,
        triwulan=1,
        jumlah=Decimal("1500000"),
        status=StatusRealisasi.DIAJUKAN,
    )
    RealisasiAnggaran.objects.create(
        sub_kegiatan=sub("8.01.06.2.01.06"),
        tahun=TAHUN_UJI,
        triwulan=1,
        jumlah=Decimal("2500000"),
        status=StatusRealisasi.DIVERIFIKASI,
    )
    client.force_login(verifikator)
    teks = beranda(client, paser, tahun=TAHUN_UJI, triwulan=1).content.decode()
    bagian = teks.split('data-uji="kotak-masuk-anggaran-verifikasi"')[1].split("</ul>")[0]
    assert "8.01.02.2.01.02" in bagian and "Rp 1.500.000" in bagian
    assert "8.01.06.2.01.06" not in teks
    client.force_login(kepala)
    teks = beranda(client, paser, tahun=TAHUN_UJI, triwulan=1).content.decode()
    bagian = teks.split('data-uji="kotak-masuk-anggaran-setujui"')[1].split("</ul>")[0]
    assert "8.01.06.2.01.06" in bagian and "Rp 2.500.000" in bagian
    assert "8.01.02.2.01.02" not in bagian


def test_kepala_sees_completeness_per_unit(
    client, paser, kepala, operator, verifikator, indikator_a, indikator_b, jendela_terbuka
):
    import re

    r = services.realisasi_simpan(
        indikator=indikator_a,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(80), "penyebut": Decimal(100)},
        versi=0,
        user=operator,
    )
    r.bukti.create(tautan="https://contoh.go.id/bukti", diunggah_oleh=operator)
    r = services.realisasi_ajukan(realisasi=r, user=operator)
    services.realisasi_verifikasi(realisasi=r, user=verifikator)
    client.force_login(kepala)
    teks = beranda(client, paser, tahun=TAHUN_UJI, triwulan=1).content.decode()
    assert "Kelengkapan TW I 2025 per unit" in teks
    blok = {
        m.group(1): [int(n) for n in re.findall(r'data-label="[^"]+">(\d+)<', m.group(2))]
        for m in re.finditer(
            r"<strong>([^<]+)</strong>(.*?)</summary>",
            teks.split('data-uji="kelengkapan"')[1],
            re.S,
        )
    }
    unit_a, unit_b = (
        services.indikator_dengan_unit(paser.indikator.filter(pk=i.pk)).get().unit_id
        for i in (indikator_a, indikator_b)
    )
    from renstra.models import UnitKerja

    nama_a = UnitKerja.objects.get(pk=unit_a).nama
    nama_b = UnitKerja.objects.get(pk=unit_b).nama
    jumlah_a = blok[nama_a][0]
    # indicators · terisi · diajukan · diverifikasi · disetujui
    assert blok[nama_a] == [jumlah_a, 1, 1, 1, 0] and jumlah_a > 1
    assert blok[nama_b][1:] == [0, 0, 0, 0]
    # Each unit links to its indicators' forms and to its filtered list.
    assert f"unit={unit_a}" in teks and f"/isi/{indikator_a.pk}/{TAHUN_UJI}/1/" in teks


def test_operator_home_links_to_the_quarter_grid(client, paser, operator, jendela_terbuka):
    client.force_login(operator)
    teks = beranda(client, paser, tahun=TAHUN_UJI, triwulan=1).content.decode()
    assert "Isi satu triwulan sekaligus" in teks and "/isi-triwulan/" in teks
    assert "Kelengkapan TW" not in teks  # the glance is for the heads
