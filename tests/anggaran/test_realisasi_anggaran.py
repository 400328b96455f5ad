"""Realisasi keuangan per sub-kegiatan and quarter: pagu, cumulative, percentage, refusal
above pagu, lock, conflict, audit."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from anggaran import services
from anggaran.models import Pagu, RealisasiAnggaran
from common.models import AuditLog
from kinerja.forms import PESAN_NEGATIF
from renstra.models import SubKegiatan
from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db

PAGU = Decimal("176239500")


@pytest.fixture
def sub(paser):
    """8.01.02.2.01.02, unit A (through its kegiatan), with a pagu for TAHUN_UJI."""
    s = SubKegiatan.objects.get(
        kegiatan__program__renstra__perangkat_daerah=paser, kode="8.01.02.2.01.02"
    )
    Pagu.objects.create(sub_kegiatan=s, tahun=TAHUN_UJI, murni=Decimal("200000000"), perubahan=PAGU)
    return s


def url(pd, sub, triwulan=1, tahun=TAHUN_UJI):
    return reverse(
        "anggaran:realisasi_isi",
        kwargs={"pd": pd.slug, "sub_kegiatan": sub.pk, "tahun": tahun, "triwulan": triwulan},
    )


def test_entry_cumulative_and_percentage(client, paser, sub, operator, jendela_terbuka):
    RealisasiAnggaran.objects.create(
        sub_kegiatan=sub, tahun=TAHUN_UJI, triwulan=2, jumlah=Decimal("10000000")
    )
    client.force_login(operator)
    respon = client.post(url(paser, sub), {"jumlah": "3.018.600", "versi": "0"})
    assert respon.status_code == 302
    r = RealisasiAnggaran.objects.get(sub_kegiatan=sub, tahun=TAHUN_UJI, triwulan=1)
    assert r.jumlah == Decimal("3018600") and r.versi == 1
    teks = client.get(url(paser, sub)).content.decode()
    assert 'data-uji="pagu">Rp 176.239.500<' in teks  # perubahan wins over murni
    assert 'data-uji="kumulatif">Rp 3.018.600<' in teks  # s.d. TW I only
    assert 'data-uji="persen">1,71%<' in teks  # 3.018.600 / 176.239.500 × 100 = 1,7128
    teks = client.get(url(paser, sub, triwulan=2)).content.decode()
    assert 'data-uji="kumulatif">Rp 13.018.600<' in teks
    log = AuditLog.objects.get(aksi="realisasi_anggaran.buat")
    assert log.perubahan == {"jumlah": [None, "3018600"]} and log.pengguna == operator


def test_total_above_pagu_refused_with_clear_message(client, paser, sub, operator, jendela_terbuka):
    RealisasiAnggaran.objects.create(
        sub_kegiatan=sub, tahun=TAHUN_UJI, triwulan=3, jumlah=Decimal("176000000")
    )
    client.force_login(operator)
    respon = client.post(url(paser, sub), {"jumlah": "239.501", "versi": "0"})
    assert respon.status_code == 200
    pesan = services.PESAN_MELEBIHI_PAGU.format(
        tahun=TAHUN_UJI, total="Rp 176.239.501", pagu="Rp 176.239.500"
    )
    assert pesan in respon.content.decode()
    assert not RealisasiAnggaran.objects.filter(
        sub_kegiatan=sub, tahun=TAHUN_UJI, triwulan=1
    ).exists()
    # Exactly the pagu is fine.
    assert client.post(url(paser, sub), {"jumlah": "239.500", "versi": "0"}).status_code == 302


def test_no_pagu_refused(paser, operator, jendela_terbuka):
    s = SubKegiatan.objects.get(
        kegiatan__program__renstra__perangkat_daerah=paser, kode="8.01.02.2.01.04"
    )
    with pytest.raises(ValidationError) as exc:
        services.realisasi_anggaran_simpan(
            sub_kegiatan=s, tahun=TAHUN_UJI, triwulan=1, jumlah=Decimal(1), versi=0, user=operator
        )
    assert exc.value.messages == [services.PESAN_PAGU_BELUM_ADA.format(tahun=TAHUN_UJI)]


@pytest.mark.parametrize(
    ("teks", "galat"),
    [
        ("", "Isian ini wajib diisi."),
        ("-1", PESAN_NEGATIF),
        ("satu juta", "Isian harus berupa angka, misalnya 1.234,56."),
        ("100000000000000000000", "Angka terlalu besar: paling banyak 16 digit sebelum koma."),
        ("1,234", "Paling banyak 2 angka di belakang koma."),
    ],
)
def test_bad_amounts(client, paser, sub, operator, jendela_terbuka, teks, galat):
    client.force_login(operator)
    respon = client.post(url(paser, sub), {"jumlah": teks, "versi": "0"})
    assert respon.status_code == 200
    assert galat in respon.content.decode()


@pytest.mark.parametrize("teks", ["1.234.567,5", "1,234,567.5"])
def test_both_notations_read_the_same(client, paser, sub, operator, jendela_terbuka, teks):
    client.force_login(operator)
    assert client.post(url(paser, sub), {"jumlah": teks, "versi": "0"}).status_code == 302
    assert RealisasiAnggaran.objects.get(
        sub_kegiatan=sub, tahun=TAHUN_UJI, triwulan=1
    ).jumlah == Decimal("1234567.5")


def test_conflict(client, paser, sub, operator, jendela_terbuka):
    r = services.realisasi_anggaran_simpan(
        sub_kegiatan=sub, tahun=TAHUN_UJI, triwulan=1, jumlah=Decimal(100), versi=0, user=operator
    )
    client.force_login(operator)
    assert client.post(url(paser, sub), {"jumlah": "200", "versi": r.versi}).status_code == 302
    respon = client.post(url(paser, sub), {"jumlah": "300", "versi": r.versi})
    assert respon.status_code == 409
    assert "Jumlah tersimpan saat ini: Rp 200." in respon.content.decode()
    r.refresh_from_db()
    assert r.jumlah == Decimal(200)


def test_locked_quarter_and_other_unit(paser, sub, operator, operator_b):
    with pytest.raises(ValidationError) as exc:
        services.realisasi_anggaran_simpan(
            sub_kegiatan=sub, tahun=TAHUN_UJI, triwulan=2, jumlah=Decimal(1), versi=0, user=operator
        )
    assert "sudah terkunci" in exc.value.messages[0]
    with pytest.raises(PermissionDenied):
        services.realisasi_anggaran_simpan(
            sub_kegiatan=sub,
            tahun=TAHUN_UJI,
            triwulan=2,
            jumlah=Decimal(1),
            versi=0,
            user=operator_b,
        )


def test_list_page_shows_demo_2023(client, paser, kepala):
    client.force_login(kepala)
    respon = client.get(
        reverse("anggaran:realisasi_daftar", kwargs={"pd": paser.slug}),
        {"tahun": 2023, "triwulan": 4},
    )
    teks = respon.content.decode()
    assert "Rp 176.239.500" in teks  # pagu of 8.01.02.2.01.02
    assert "Rp 175.599.484" in teks  # its realisasi s.d. TW IV (3.018.600 + … + 135.995.584)
    assert "99,64%" in teks


def test_history_page(client, paser, sub, operator, kepala, jendela_terbuka):
    services.realisasi_anggaran_simpan(
        sub_kegiatan=sub, tahun=TAHUN_UJI, triwulan=1, jumlah=Decimal(5), versi=0, user=operator
    )
    client.force_login(kepala)
    respon = client.get(
        reverse(
            "anggaran:realisasi_riwayat",
            kwargs={"pd": paser.slug, "sub_kegiatan": sub.pk, "tahun": TAHUN_UJI},
        )
    )
    teks = respon.content.decode()
    assert f"Realisasi anggaran diisi oleh {operator.get_full_name()}" in teks
    assert "Jumlah" in teks and "realisasi_anggaran.buat" not in teks
