"""The narrative editor stores a fact part of the LKjIP as the PD's data (issue #14.10):
audited, printed instead of the "belum diisi" marker, exported with the dataset."""

import pytest
from django.urls import reverse

from common.models import AuditLog
from laporan import cetak
from laporan.models import BagianNarasi
from laporan.narasi import TANDA_BELUM_DIISI
from pertukaran.ekspor import ekspor_dataset
from renstra.models import NarasiPerangkatDaerah, PerangkatDaerah

pytestmark = pytest.mark.django_db

PD = "kesbangpol-palangkaraya"


def _url(kunci: str) -> str:
    return reverse(
        "laporan:narasi_ubah", kwargs={"pd": PD, "jenis": "lkjip", "tahun": 2020, "kunci": kunci}
    )


def _struktur(pd) -> str:
    html = cetak.susun(cetak.laporan_untuk(pd, "lkjip", 2020)).isi
    return html[html.index('id="bab-1-e"') : html.index('id="bab-1-f"')]


def test_the_editor_saves_a_fact_part_as_pd_data(client, admin_user):
    pd = PerangkatDaerah.objects.get(slug=PD)
    assert TANDA_BELUM_DIISI in _struktur(pd)
    client.force_login(admin_user)
    halaman = client.get(_url("bab1_struktur_organisasi")).content.decode()
    assert "Data perangkat daerah (berlaku setiap tahun" in halaman
    assert "{{belum_diisi}}" in halaman  # the draft shows the gap, not invented text
    teks = "1. Kepala Badan;\n2. Sekretariat."
    respon = client.post(
        _url("bab1_struktur_organisasi"), {"teks": teks, "simpan_ke": "setiap_tahun"}
    )
    assert respon.status_code == 302
    baris = NarasiPerangkatDaerah.objects.get(perangkat_daerah=pd, bagian="struktur_organisasi")
    assert (baris.tahun, baris.teks) == (0, teks)
    assert AuditLog.objects.filter(aksi="renstra.narasi.ubah", object_id=str(baris.pk)).exists()
    assert not BagianNarasi.objects.filter(kunci="bab1_struktur_organisasi").exists()
    struktur = _struktur(pd)
    assert TANDA_BELUM_DIISI not in struktur and "Sekretariat." in struktur
    ekspor = ekspor_dataset(pd=pd)
    assert {"bagian": "struktur_organisasi", "tahun": None, "teks": teks, "sumber": None} in (
        ekspor["narasi"]
    )


def test_an_empty_fact_is_refused_and_nothing_is_stored(client, admin_user):
    client.force_login(admin_user)
    respon = client.post(_url("bab1_struktur_organisasi"), {"teks": "  ", "simpan_ke": "tahun"})
    assert respon.status_code == 200
    assert "Wajib diisi" in respon.content.decode() or "kosong" in respon.content.decode()
    assert not NarasiPerangkatDaerah.objects.filter(
        perangkat_daerah__slug=PD, bagian="struktur_organisasi"
    ).exists()


def test_a_non_fact_part_is_stored_as_report_text_only(client, admin_user):
    client.force_login(admin_user)
    client.post(_url("kata_pengantar"), {"teks": "Pengantar.", "simpan_ke": "setiap_tahun"})
    assert BagianNarasi.objects.filter(kunci="kata_pengantar", teks="Pengantar.").exists()
    assert not NarasiPerangkatDaerah.objects.filter(teks="Pengantar.").exists()
