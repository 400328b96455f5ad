"""Editions: approval by the head of the PD freezes numbers and text; later data changes do not
alter a frozen edition; the next approval makes a new edition; editions are diffed."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from common.models import AuditLog
from kinerja.models import Realisasi
from laporan import cetak, services
from laporan.models import Edisi
from laporan.tabel import selisih_cuplikan

pytestmark = pytest.mark.django_db


@pytest.fixture
def laporan(paser, perencana):
    from tests.periksa.bantu import jelaskan_galat

    jelaskan_galat(paser, 2023, perencana)  # the approval gate (periksa.services)
    return services.laporan_dapatkan(pd=paser, jenis="lkjip", tahun=2023, user=perencana)


def _realisasi_s5(paser) -> Realisasi:
    return Realisasi.objects.get(
        indikator__perangkat_daerah=paser, indikator__kode="S5.I1", tahun=2023, triwulan=0
    )


def test_only_the_head_approves(laporan, perencana, operator):
    for user in (perencana, operator):
        with pytest.raises(PermissionDenied, match=services.PESAN_BUKAN_KEPALA):
            services.laporan_setujui(laporan=laporan, user=user)
    assert not Edisi.objects.exists()


def test_approval_freezes_html_numbers_and_text(laporan, kepala, paser):
    edisi = services.laporan_setujui(laporan=laporan, user=kepala, catatan="Final")
    assert edisi.nomor == 1
    assert edisi.disetujui_oleh == kepala and edisi.disetujui_pada
    # The text carries no DRAFT mark (the attached PKs' stylesheet keeps its draft rule).
    teks = re.sub(r"<style>.*?</style>", "", edisi.html, flags=re.S)
    assert "BAB III" in teks and "DRAFT" not in teks
    kunci = "pengukuran/S5.I1/capaian"
    assert edisi.angka[kunci]["teks"] == "100,00%"
    assert edisi.narasi["kata_pengantar"].startswith("Puji syukur")
    assert edisi.sidik == services.sidik(edisi.html)
    assert AuditLog.objects.filter(aksi="laporan.setujui", object_id=str(edisi.pk)).exists()

    # The data changes afterwards: the edition does not.
    r = _realisasi_s5(paser)
    r.nilai = Decimal("60")
    r.save()
    edisi.refresh_from_db()
    assert edisi.angka[kunci]["teks"] == "100,00%"
    html_edisi = services.html_cetak(laporan, edisi).html
    tabel_pengukuran = [
        bagian
        for bagian in re.split(r"Tabel \d+\. ", html_edisi)
        if bagian.startswith("Pengukuran kinerja tahun 2023")
    ]
    assert any("100,00%" in bagian for bagian in tabel_pengukuran)
    assert not any("75,00%" in bagian for bagian in tabel_pengukuran)
    draf = cetak.susun(laporan)
    assert draf.angka[kunci]["teks"] == "75,00%"

    # The differences of the numbers: the edition against the draft, then edition 2.
    beda = {s.kunci: s for s in selisih_cuplikan(edisi.angka, draf.angka)}
    assert beda[kunci].lama == "100,00%" and beda[kunci].baru == "75,00%"
    edisi2 = services.laporan_setujui(laporan=laporan, user=kepala)
    assert edisi2.nomor == 2
    beda2 = {s.kunci for s in selisih_cuplikan(edisi.angka, edisi2.angka)}
    assert kunci in beda2 and "pengukuran/S1.I1/capaian" not in beda2


def test_edition_page_and_diff_view(client, laporan, kepala, paser):
    services.laporan_setujui(laporan=laporan, user=kepala)
    r = _realisasi_s5(paser)
    r.nilai = Decimal("60")
    r.save()
    client.force_login(kepala)
    url = reverse("laporan:edisi", kwargs={"pd": paser.slug, "jenis": "lkjip", "tahun": 2023})
    respon = client.get(url, {"a": "1", "b": "draft"})
    assert respon.status_code == 200
    isi = respon.content.decode()
    assert "100,00%" in isi and "75,00%" in isi
    url_laporan = reverse(
        "laporan:laporan", kwargs={"pd": paser.slug, "jenis": "lkjip", "tahun": 2023}
    )
    halaman = client.get(url_laporan, {"edisi": "1"}).content.decode()
    assert "Edisi 1 disetujui" in halaman


def test_unknown_placeholder_blocks_approval_and_is_reported(laporan, kepala, perencana):
    services.narasi_simpan(
        laporan=laporan,
        kunci="bab4_saran",
        teks="Capaian {{capaian:S9.I9}} dan {{pagu_totl}}.",
        user=perencana,
    )
    dokumen = cetak.susun(laporan)
    kunci = sorted(g.kunci for g in dokumen.galat_placeholder)
    assert kunci == ["capaian:S9.I9", "pagu_totl"]
    assert "{{" not in dokumen.isi
    with pytest.raises(ValidationError, match="pagu_totl"):
        services.laporan_setujui(laporan=laporan, user=kepala)


def test_edited_narrative_is_printed_with_its_placeholders_filled(laporan, perencana):
    services.narasi_simpan(
        laporan=laporan,
        kunci="bab4_saran",
        teks="- Pagu {{pagu_total}} terserap {{serapan_total}}.",
        user=perencana,
    )
    isi = cetak.susun(laporan).isi
    assert "<li>Pagu" in isi and "Rp 32.351.024.068" in isi and "97,24%" in isi
    services.narasi_kembalikan(laporan=laporan, kunci="bab4_saran", user=perencana)
    assert "Rp 32.351.024.068</span> terserap" not in cetak.susun(laporan).isi


def test_operator_cannot_edit_narrative(laporan, operator):
    with pytest.raises(PermissionDenied):
        services.narasi_simpan(laporan=laporan, kunci="bab4_saran", teks="x", user=operator)
