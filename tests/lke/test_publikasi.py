"""Publication (laporan.publikasi): the head of the PD publishes a frozen LKjIP edition and signed
PKs; the public page lists only published documents; unpublished ones answer 404 without login."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from common.models import AuditLog
from kinerja.models import PerjanjianKinerja
from laporan import publikasi
from laporan.models import Edisi, JenisLaporan, Laporan
from tests.lke.conftest import TAHUN


@pytest.fixture
def edisi(paser, kepala):
    from django.utils import timezone

    laporan = Laporan.objects.create(perangkat_daerah=paser, jenis=JenisLaporan.LKJIP, tahun=TAHUN)
    return Edisi.objects.create(
        laporan=laporan,
        nomor=1,
        html="<h1>LKjIP uji</h1><p>Isi beku edisi satu.</p>",
        sidik="a" * 64,
        disetujui_oleh=kepala,
        disetujui_pada=timezone.now(),
    )


@pytest.fixture
def pk_ttd(paser):
    return PerjanjianKinerja.objects.filter(
        perangkat_daerah=paser, tahun=TAHUN, status="ditandatangani"
    ).first()


def test_hanya_kepala_yang_menerbitkan(paser, edisi, perencana):
    with pytest.raises(PermissionDenied):
        publikasi.publikasi_terbitkan(pd=paser, user=perencana, edisi=edisi)


def test_halaman_publik_hanya_dokumen_terbit(client, paser, edisi, pk_ttd, kepala):
    pub_lkjip = publikasi.publikasi_terbitkan(pd=paser, user=kepala, edisi=edisi)
    pk_lain = (
        PerjanjianKinerja.objects.filter(
            perangkat_daerah=paser, tahun=TAHUN, status="ditandatangani"
        )
        .exclude(pk=pk_ttd.pk)
        .first()
    )
    pub_pk = publikasi.publikasi_terbitkan(pd=paser, user=kepala, perjanjian=pk_ttd)
    with pytest.raises(ValidationError) as galat:
        publikasi.publikasi_terbitkan(pd=paser, user=kepala, edisi=edisi)
    assert galat.value.messages == [publikasi.PESAN_SUDAH_TERBIT]

    html = client.get(reverse("publik:indeks")).content.decode()
    assert pub_lkjip.judul in html and pub_pk.judul in html
    assert str(pk_lain) not in html

    r = client.get(reverse("publik:unduh", kwargs={"pk": pub_lkjip.pk}))
    assert r.status_code == 200 and r.content[:4] == b"%PDF"
    assert client.get(reverse("publik:unduh", kwargs={"pk": pub_pk.pk})).content[:4] == b"%PDF"

    with pytest.raises(ValidationError):
        publikasi.publikasi_tarik(publikasi=pub_lkjip, user=kepala, alasan="")
    publikasi.publikasi_tarik(publikasi=pub_lkjip, user=kepala, alasan="Salah edisi.")
    assert client.get(reverse("publik:unduh", kwargs={"pk": pub_lkjip.pk})).status_code == 404
    assert pub_lkjip.judul not in client.get(reverse("publik:indeks")).content.decode()
    log = AuditLog.objects.get(aksi="publikasi.tarik")
    assert log.keterangan == "Salah edisi." and log.pengguna == kepala


def test_dokumen_belum_terbit_404_bagi_tamu(client, edisi):
    assert client.get(reverse("publik:unduh", kwargs={"pk": 999999})).status_code == 404
    url_edisi = reverse(
        "laporan:laporan", kwargs={"pd": "kesbangpol-paser", "jenis": "lkjip", "tahun": TAHUN}
    )
    assert client.get(url_edisi).status_code in (302, 404)  # never the document itself


def test_edisi_lkjip_disarankan_sebagai_bukti(paser, edisi):
    from lke.bukti import saran_bukti

    saran = [s for s in saran_bukti(paser, TAHUN) if s.kelompok == "LKjIP"]
    assert [s.sidik_versi for s in saran] == [f"edisi 1 · {'a' * 16}"]


def test_status_lkjip(paser, balangan, edisi, kepala):
    assert publikasi.status_lkjip([paser.pk, balangan.pk], TAHUN) == {paser.pk: "disetujui"}
    publikasi.publikasi_terbitkan(pd=paser, user=kepala, edisi=edisi)
    assert publikasi.status_lkjip([paser.pk], TAHUN) == {paser.pk: "dipublikasikan"}
