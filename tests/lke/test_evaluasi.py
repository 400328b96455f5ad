"""The evaluation of one PD and year: stages side by side, reasons for a different answer,
evidence pinned to its version, consistency rules, finalising, the SAKIP indicator, and the
comparison with last year by criterion identity."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.models import PerjanjianKinerja, Realisasi, StatusRealisasi
from lke import selectors, services
from lke.bukti import saran_bukti
from lke.models import (
    BuktiLke,
    Evaluasi,
    Jawaban,
    Komponen,
    Kriteria,
    StatusEvaluasi,
    Tahap,
)
from renstra.models import Indikator
from tests.lke.conftest import TAHUN, isi_semua


def _k(evaluasi, kode) -> Kriteria:
    return Kriteria.objects.get(sub_komponen__komponen__template=evaluasi.template, kode=kode)


def _final(evaluasi, pd_user, ketua, *, mandiri=("Y", "A"), resmi=("Y", "A"), kecuali=None):
    isi_semua(evaluasi, pd_user, Tahap.MANDIRI, *mandiri)
    services.evaluasi_ajukan(evaluasi=evaluasi, user=pd_user)
    isi_semua(evaluasi, ketua, Tahap.KETUA, *resmi, kecuali=kecuali, alasan="dinilai ulang")
    return services.evaluasi_finalkan(evaluasi=evaluasi, user=ketua)


def test_nilai_mandiri_tidak_pernah_masuk_nilai_resmi(evaluasi, perencana, inspektorat):
    evaluasi = _final(evaluasi, perencana, inspektorat, mandiri=("T", "E"), resmi=("Y", "A"))
    assert evaluasi.status == StatusEvaluasi.FINAL
    assert evaluasi.nilai_akhir == Decimal(100)
    assert evaluasi.predikat == "AA"
    assert evaluasi.nilai_mandiri == Decimal(0)
    assert evaluasi.rincian["total_dibulatkan"] == "100.00"
    # The trail names the stage of every official value: never "Mandiri".
    tahap = {
        c["tahap"]
        for k in evaluasi.rincian["komponen"]
        for s in k["sub_komponen"]
        for c in s["kriteria"]
    }
    assert tahap == {Tahap.FINAL.label}


def test_jawaban_berbeda_wajib_beralasan(evaluasi, perencana, anggota_tim):
    k = _k(evaluasi, "A.2.1")
    services.jawaban_simpan(
        evaluasi=evaluasi, kriteria=k, tahap=Tahap.MANDIRI, opsi="A", user=perencana
    )
    services.evaluasi_ajukan(evaluasi=evaluasi, user=perencana)
    with pytest.raises(ValidationError) as galat:
        services.jawaban_simpan(
            evaluasi=evaluasi, kriteria=k, tahap=Tahap.ANGGOTA, opsi="C", user=anggota_tim
        )
    assert galat.value.messages == [services.PESAN_ALASAN_BEDA.format(sebelumnya="Mandiri: A")]
    assert not Jawaban.objects.filter(evaluasi=evaluasi, tahap=Tahap.ANGGOTA).exists()
    services.jawaban_simpan(
        evaluasi=evaluasi,
        kriteria=k,
        tahap=Tahap.ANGGOTA,
        opsi="C",
        alasan_beda="Renstra belum memuat outcome untuk dua sasaran.",
        user=anggota_tim,
    )
    # Same answer as the previous stage: no reason needed.
    services.jawaban_simpan(
        evaluasi=evaluasi,
        kriteria=_k(evaluasi, "A.2.2"),
        tahap=Tahap.ANGGOTA,
        opsi="B",
        user=anggota_tim,
    )
    baris = {
        b.kriteria.kode: b
        for blok in selectors.lembar_kerja(evaluasi=evaluasi).blok
        for s in blok.sub
        for b in s.baris
    }
    assert (baris["A.2.1"].mandiri.opsi, baris["A.2.1"].anggota.opsi) == ("A", "C")
    assert baris["A.2.1"].selisih == Decimal("-0.5")


def test_tahap_hanya_untuk_perannya(evaluasi, perencana, operator, inspektorat, luar):
    k = _k(evaluasi, "A.1.1")
    with pytest.raises(ValidationError):  # the team cannot answer before the PD submits
        services.jawaban_simpan(
            evaluasi=evaluasi, kriteria=k, tahap=Tahap.KETUA, opsi="Y", user=inspektorat
        )
    with pytest.raises(PermissionDenied):  # another PD's user
        services.jawaban_simpan(
            evaluasi=evaluasi, kriteria=k, tahap=Tahap.MANDIRI, opsi="Y", user=luar
        )
    with pytest.raises(PermissionDenied):  # an operator does not submit
        services.evaluasi_ajukan(evaluasi=evaluasi, user=operator)
    services.jawaban_simpan(
        evaluasi=evaluasi, kriteria=k, tahap=Tahap.MANDIRI, opsi="Y", user=operator
    )
    services.evaluasi_ajukan(evaluasi=evaluasi, user=perencana)
    with pytest.raises(ValidationError):  # the PD's self-assessment is closed now
        services.jawaban_simpan(
            evaluasi=evaluasi, kriteria=k, tahap=Tahap.MANDIRI, opsi="T", user=operator
        )
    with pytest.raises(ValidationError) as galat:
        services.jawaban_simpan(
            evaluasi=evaluasi, kriteria=k, tahap=Tahap.KETUA, opsi="X", user=inspektorat
        )
    assert galat.value.messages == [services.PESAN_OPSI_TIDAK_SAH.format(opsi="X", kode="A.1.1")]


def test_aturan_konsistensi_menghalangi_finalisasi_tanpa_alasan(evaluasi, perencana, inspektorat):
    isi_semua(evaluasi, perencana, Tahap.MANDIRI)
    services.evaluasi_ajukan(evaluasi=evaluasi, user=perencana)
    # The report is said not to exist (C.1.1 = T) yet its quality scores A (C.2.1).
    isi_semua(evaluasi, inspektorat, Tahap.KETUA, kecuali={"C.1.1": "T", "C.1.3": "T"}, alasan="x")
    with pytest.raises(ValidationError) as galat:
        services.evaluasi_finalkan(evaluasi=evaluasi, user=inspektorat)
    aturan = evaluasi.template.aturan.get(kriteria__kode="C.2.1")
    assert galat.value.messages == [services.PESAN_KONSISTENSI_BLOKIR.format(daftar=aturan.pesan)]
    evaluasi.refresh_from_db()
    assert evaluasi.status == StatusEvaluasi.EVALUASI
    assert not Jawaban.objects.filter(evaluasi=evaluasi, tahap=Tahap.FINAL).exists()

    alasan = "LKjIP disusun terlambat tetapi isinya memenuhi standar."
    evaluasi = services.evaluasi_finalkan(
        evaluasi=evaluasi, user=inspektorat, alasan_konsistensi=alasan
    )
    assert evaluasi.status == StatusEvaluasi.FINAL
    assert evaluasi.alasan_konsistensi == alasan
    assert evaluasi.pelanggaran_konsistensi[0]["kriteria"] == "C.2.1"


def test_finalisasi_menunggu_semua_kriteria_dinilai(evaluasi, perencana, inspektorat):
    services.evaluasi_ajukan(evaluasi=evaluasi, user=perencana)
    services.jawaban_simpan(
        evaluasi=evaluasi,
        kriteria=_k(evaluasi, "A.1.1"),
        tahap=Tahap.KETUA,
        opsi="Y",
        user=inspektorat,
    )
    jumlah = Kriteria.objects.filter(sub_komponen__komponen__template=evaluasi.template).count()
    with pytest.raises(ValidationError) as galat:
        services.evaluasi_finalkan(evaluasi=evaluasi, user=inspektorat)
    assert galat.value.messages == [services.PESAN_BELUM_DINILAI.format(jumlah=jumlah - 1)]


def test_bukti_pk_dari_aplikasi_dipatok_pada_sidik_jari(evaluasi, perencana, inspektorat, paser):
    pk = PerjanjianKinerja.objects.filter(
        perangkat_daerah=paser, tahun=TAHUN, status="ditandatangani"
    ).first()
    saran = {
        s.object_id: s for s in saran_bukti(paser, TAHUN) if s.kelompok == "Perjanjian Kinerja"
    }
    assert str(pk.pk) in saran
    k = _k(evaluasi, "A.1.3")
    bukti = services.bukti_tambah(
        evaluasi=evaluasi, kriteria=k, user=perencana, kunci_saran=saran[str(pk.pk)].kunci
    )
    assert bukti.objek == pk
    assert bukti.sidik_versi == pk.sidik_jari
    with pytest.raises(ValidationError) as galat:  # a forged or outdated version is refused
        services.bukti_tambah(
            evaluasi=evaluasi, kriteria=k, user=perencana, kunci_saran=f"1:{pk.pk}:palsu"
        )
    assert galat.value.messages == [services.PESAN_BUKTI_SARAN]
    with pytest.raises(ValidationError) as galat:
        services.bukti_tambah(evaluasi=evaluasi, kriteria=k, user=perencana)
    assert galat.value.messages == [services.PESAN_BUKTI_KOSONG]

    evaluasi = _final(evaluasi, perencana, inspektorat)
    assert evaluasi.bukti_beku[0]["sidik_versi"] == pk.sidik_jari
    with pytest.raises(ValidationError) as galat:
        services.bukti_tambah(
            evaluasi=evaluasi, kriteria=k, user=inspektorat, tautan="https://contoh.id/x"
        )
    assert galat.value.messages == [services.PESAN_FINAL_TERKUNCI]
    with pytest.raises(ValidationError):
        services.jawaban_simpan(
            evaluasi=evaluasi, kriteria=k, tahap=Tahap.KETUA, opsi="T", user=inspektorat
        )
    assert BuktiLke.objects.filter(evaluasi=evaluasi).count() == 1


def test_saran_otomatis_pk_tepat_waktu(evaluasi):
    lembar = selectors.lembar_kerja(evaluasi=evaluasi)
    baris = {b.kriteria.kode: b for blok in lembar.blok for s in blok.sub for b in s.baris}
    # The demo PK 2024 of Paser is dated 1 January 2024.
    assert baris["A.1.4"].saran.opsi == "Y"
    assert baris["A.1.1"].saran is None


def test_nilai_menjadi_realisasi_indikator_sakip_tahun_berikutnya(
    evaluasi, perencana, inspektorat, paser
):
    indikator = Indikator.objects.get(perangkat_daerah=paser, kode="S1.I1")
    Evaluasi.objects.filter(pk=evaluasi.pk).update(
        indikator_sakip=indikator, nomor_lhe="700/12/ITDA"
    )
    evaluasi.refresh_from_db()
    # Everything A/Y but the three Y/T criteria of B.1 answered T: B.1 = 0 → total 94,00 → AA.
    evaluasi = _final(
        evaluasi, perencana, inspektorat, kecuali={"B.1.1": "T", "B.1.2": "T", "B.1.3": "T"}
    )
    assert evaluasi.nilai_akhir == Decimal(94)
    r = Realisasi.objects.get(indikator=indikator, tahun=TAHUN + 1, triwulan=0)
    assert r.nilai == Decimal("94.00")
    assert r.predikat == "AA"
    assert r.status == StatusRealisasi.DISETUJUI
    assert r.penjelasan == services.PESAN_SUMBER_NILAI.format(
        tahun=TAHUN, nomor=" nomor 700/12/ITDA", nilai="94,00", predikat="AA"
    )
    assert r.bukti.get().tautan.endswith(f"/pd/{paser.slug}/evaluasi-sakip/{TAHUN}/lhe/")


def test_template_baru_tidak_mengubah_nilai_tahun_lalu_dan_cocok_per_identitas(
    template_lke, paser, perencana, inspektorat, superuser
):
    lalu = services.evaluasi_buka(
        pd=paser, tahun=TAHUN - 1, template=template_lke, user=inspektorat, ketua=inspektorat
    )
    lalu = _final(lalu, perencana, inspektorat, kecuali={"A.2.1": "C"})
    nilai_lalu, jejak_lalu = lalu.nilai_akhir, lalu.rincian

    baru = services.template_salin(
        template=template_lke, kode="LKE-2024", tahun_berlaku=TAHUN, user=superuser
    )
    k = Kriteria.objects.get(sub_komponen__komponen__template=baru, kode="A.2.1")
    k.uraian = "Tujuan dan sasaran Renstra dirumuskan sebagai hasil (outcome) yang terukur."
    k.kode = "A.2.9"
    k.save()
    a, b = (
        Komponen.objects.get(template=baru, kode="A"),
        Komponen.objects.get(template=baru, kode="B"),
    )
    for komponen, bobot in ((a, 35), (b, 25)):
        komponen.bobot = Decimal(bobot)
        komponen.save()
        for s, bagian in zip(
            komponen.sub_komponen.order_by("urutan"), ("0.2", "0.3", "0.5"), strict=True
        ):
            s.bobot = Decimal(bobot) * Decimal(bagian)
            s.save()
    services.template_aktifkan(template=baru, user=superuser)

    ini = services.evaluasi_buka(
        pd=paser, tahun=TAHUN, template=baru, user=inspektorat, ketua=inspektorat
    )
    isi_semua(ini, perencana, Tahap.MANDIRI)
    lalu.refresh_from_db()
    assert lalu.nilai_akhir == nilai_lalu
    assert lalu.rincian == jejak_lalu
    assert selectors.lembar_kerja(evaluasi=lalu).jejak["total"] == nilai_lalu

    lembar = selectors.lembar_kerja(evaluasi=ini)
    assert lembar.lalu == lalu
    baris = {b.kriteria.kode: b for blok in lembar.blok for s in blok.sub for b in s.baris}
    assert baris["A.2.9"].lalu.opsi == "C"  # matched by identity, not by wording or code
    assert baris["A.2.9"].wording_berubah
    assert baris["A.2.2"].lalu.opsi == "A"
    banding = {b.kode: b for b in lembar.banding}
    # A.2 of last year: 9 × (0,5 + 1 + 1 + 1) / 4 = 7,875 (A.2.1 = C); A = 6 + 7,875 + 15.
    assert banding["A"].nilai_lalu == Decimal("28.875")
    assert banding["A.2"].nilai_lalu == Decimal("7.875")
    assert banding["A"].bobot == 35


def test_saran_bukti_iku_dan_realisasi_disetujui(paser, perencana):
    from kinerja.models import Bukti

    iku = Indikator.objects.filter(perangkat_daerah=paser, iku=True).count()
    saran = saran_bukti(paser, TAHUN)
    daftar_iku = [s for s in saran if s.kelompok == "Indikator Kinerja Utama"]
    assert len(daftar_iku) == 1 and daftar_iku[0].sidik_versi.startswith(f"IKU {iku} · ")
    # An approved realisasi appears only once it carries evidence.
    indikator = Indikator.objects.filter(perangkat_daerah=paser).first()
    r = Realisasi.objects.create(
        indikator=indikator, tahun=TAHUN, triwulan=1, nilai=Decimal(5), status="disetujui"
    )
    kelompok = "Realisasi disetujui (dengan bukti)"
    assert str(r.pk) not in {
        s.object_id for s in saran_bukti(paser, TAHUN) if s.kelompok == kelompok
    }
    Bukti.objects.create(realisasi=r, tautan="https://contoh.id/bukti")
    pilihan = [s for s in saran_bukti(paser, TAHUN) if s.object_id == str(r.pk)]
    assert pilihan[0].sidik_versi == "versi 1 · 5 · 1 bukti"
