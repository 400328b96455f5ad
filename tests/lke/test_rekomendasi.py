"""Recommendations and their follow-up: tied to a criterion, reported by the PD with evidence,
accepted or returned with a note by the Inspektorat; due and overdue ones on the home pages."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lke import selectors, services
from lke.models import Kriteria, StatusRekomendasi, StatusTindakLanjut


@pytest.fixture
def rekomendasi(evaluasi, inspektorat):
    k = Kriteria.objects.get(sub_komponen__komponen__template=evaluasi.template, kode="C.2.5")
    return services.rekomendasi_tambah(
        evaluasi=evaluasi,
        user=inspektorat,
        uraian="Menyajikan perbandingan capaian dengan realisasi nasional (benchmark).",
        penanggung_jawab="Sekretaris",
        batas_waktu=datetime.date.today() + datetime.timedelta(days=3),
        kriteria=k,
        prioritas="tinggi",
    )


def test_rekomendasi_wajib_terkait_dan_bertenggat(evaluasi, inspektorat, perencana):
    with pytest.raises(ValidationError) as galat:
        services.rekomendasi_tambah(
            evaluasi=evaluasi,
            user=inspektorat,
            uraian="x",
            penanggung_jawab="y",
            batas_waktu=datetime.date(2025, 1, 1),
        )
    assert galat.value.messages == [services.PESAN_REKOMENDASI_TERKAIT]
    with pytest.raises(PermissionDenied):
        services.temuan_tambah(evaluasi=evaluasi, user=perencana, komponen_kode="A", uraian="x")


def test_siklus_tindak_lanjut(rekomendasi, operator, inspektorat, luar):
    with pytest.raises(ValidationError) as galat:
        services.tindak_lanjut_ajukan(rekomendasi=rekomendasi, user=operator, uraian="Sudah.")
    assert galat.value.messages == [services.PESAN_TL_BUKTI]
    with pytest.raises(PermissionDenied):
        services.tindak_lanjut_ajukan(
            rekomendasi=rekomendasi, user=luar, uraian="x", tautan_bukti="https://contoh.id"
        )
    tl = services.tindak_lanjut_ajukan(
        rekomendasi=rekomendasi,
        user=operator,
        uraian="Bab III memuat tabel pembanding nasional.",
        tautan_bukti="https://contoh.id/lkjip.pdf",
    )
    rekomendasi.refresh_from_db()
    assert rekomendasi.status == StatusRekomendasi.DIAJUKAN
    with pytest.raises(PermissionDenied):
        services.tindak_lanjut_putuskan(tindak_lanjut=tl, user=operator, terima=True)
    with pytest.raises(ValidationError) as galat:
        services.tindak_lanjut_putuskan(tindak_lanjut=tl, user=inspektorat, terima=False)
    assert galat.value.messages == [services.PESAN_TL_CATATAN]
    services.tindak_lanjut_putuskan(
        tindak_lanjut=tl, user=inspektorat, terima=False, catatan="Sumber data nasional belum ada."
    )
    rekomendasi.refresh_from_db()
    assert rekomendasi.status == StatusRekomendasi.DIKEMBALIKAN
    assert selectors.rekomendasi_jatuh_tempo(pd_ids=[rekomendasi.evaluasi.perangkat_daerah_id])

    tl2 = services.tindak_lanjut_ajukan(
        rekomendasi=rekomendasi,
        user=operator,
        uraian="Ditambah data BPS.",
        tautan_bukti="https://contoh.id/lkjip-2.pdf",
    )
    services.tindak_lanjut_putuskan(tindak_lanjut=tl2, user=inspektorat, terima=True)
    rekomendasi.refresh_from_db()
    tl2.refresh_from_db()
    assert rekomendasi.status == StatusRekomendasi.SELESAI
    assert tl2.status == StatusTindakLanjut.DITERIMA
    assert (
        selectors.rekomendasi_jatuh_tempo(pd_ids=[rekomendasi.evaluasi.perangkat_daerah_id]) == []
    )
    with pytest.raises(ValidationError):
        services.tindak_lanjut_ajukan(
            rekomendasi=rekomendasi, user=operator, uraian="x", tautan_bukti="https://contoh.id"
        )


def test_jatuh_tempo_dan_terlambat(rekomendasi):
    pd_id = rekomendasi.evaluasi.perangkat_daerah_id
    hari = rekomendasi.batas_waktu
    assert selectors.rekomendasi_jatuh_tempo(pd_ids=[pd_id], hari_ini=hari)[0].terlambat is False
    besok = hari + datetime.timedelta(days=1)
    assert selectors.rekomendasi_jatuh_tempo(pd_ids=[pd_id], hari_ini=besok)[0].terlambat is True
    jauh = hari - datetime.timedelta(days=30)
    assert selectors.rekomendasi_jatuh_tempo(pd_ids=[pd_id], hari_ini=jauh) == []


def test_tindak_lanjut_lewat_halaman(client, rekomendasi, operator, inspektorat):
    pd = rekomendasi.evaluasi.perangkat_daerah
    client.force_login(operator)
    indeks = client.get(reverse("lke:indeks", kwargs={"pd": pd.slug})).content.decode()
    assert "Menyajikan perbandingan capaian" in indeks and "jatuh tempo" in indeks
    client.post(
        reverse("lke:tindak_lanjut", kwargs={"pd": pd.slug, "pk": rekomendasi.pk}),
        {"uraian": "Sudah ditambah.", "tautan_bukti": "https://contoh.id/a"},
    )
    tl = rekomendasi.tindak_lanjut.get()
    client.force_login(inspektorat)
    client.post(
        reverse("lke:putuskan", kwargs={"pd": pd.slug, "pk": tl.pk}),
        {"keputusan": "terima", "catatan": ""},
    )
    rekomendasi.refresh_from_db()
    assert rekomendasi.status == StatusRekomendasi.SELESAI


def test_saran_otomatis_rekomendasi_tahun_lalu(rekomendasi, template_lke, inspektorat, paser):
    ini = services.evaluasi_buka(
        pd=paser,
        tahun=rekomendasi.evaluasi.tahun + 1,
        template=template_lke,
        user=inspektorat,
        ketua=inspektorat,
    )
    baris = {
        b.kriteria.kode: b
        for blok in selectors.lembar_kerja(evaluasi=ini).blok
        for s in blok.sub
        for b in s.baris
    }
    assert baris["D.3.1"].saran.opsi == "E"
    assert baris["D.3.1"].saran.keterangan.startswith("0 dari 1 rekomendasi")


def test_panel_beranda_pd_dan_inspektorat(client, rekomendasi, operator, inspektorat):
    pd = rekomendasi.evaluasi.perangkat_daerah
    client.force_login(operator)
    html = client.get(reverse("beranda_pd", kwargs={"pd": pd.slug})).content.decode()
    assert 'id="panel-rekomendasi"' in html and "Menyajikan perbandingan capaian" in html
    client.force_login(inspektorat)  # two PD: the list page shows the panel
    html = client.get(reverse("beranda")).content.decode()
    assert 'id="panel-rekomendasi"' in html and "jatuh tempo" in html


def test_lkjip_tahun_berikutnya_memuat_rekomendasi(rekomendasi, operator, inspektorat, kepala):
    from laporan.cetak import keluaran, laporan_untuk, susun

    pd = rekomendasi.evaluasi.perangkat_daerah
    tl = services.tindak_lanjut_ajukan(
        rekomendasi=rekomendasi,
        user=operator,
        uraian="Tabel benchmark BPS ditambahkan.",
        tautan_bukti="https://contoh.id/b",
    )
    services.tindak_lanjut_putuskan(tindak_lanjut=tl, user=inspektorat, terima=True)
    dokumen = susun(laporan_untuk(pd, "lkjip", rekomendasi.evaluasi.tahun + 1))
    tabel = next(t for t in dokumen.tabel if t.kunci == "rekomendasi-sakip")
    sel = [s.teks for s in tabel.baris[0].sel]
    assert sel[1] == rekomendasi.uraian and sel[4] == "Selesai"
    assert sel[5] == "Tabel benchmark BPS ditambahkan."
    assert "Rekomendasi hasil evaluasi SAKIP tahun" in keluaran(dokumen, "html").decode()
