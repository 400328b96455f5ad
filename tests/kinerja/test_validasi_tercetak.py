"""What a hand-made report printed against the master data (kinerja/validasi/tercetak.py):
names, sasaran labels, NIP and pangkat, units, Rencana Aksi targets and the PK change column.
The printed texts reach the validation through the reader periksa registers."""

import itertools
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from kinerja import validasi as v
from periksa.models import NilaiTercetak
from tests.factories import (
    IndikatorFactory,
    PejabatFactory,
    PerjanjianKinerjaFactory,
    PKIndikatorFactory,
    ProgramFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TujuanFactory,
)

D = Decimal
_urut = itertools.count()


def cetak(pd, obj, medan, nilai, *, tempat="", tahun=2023, sumber="tercetak"):
    """One printed value of the PD's report of 2023."""
    NilaiTercetak.objects.create(
        perangkat_daerah=pd,
        tahun_laporan=2023,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        sumber=sumber,
        kunci=f"{medan}.{next(_urut)}",
        tahun=tahun,
        medan=medan,
        nilai=nilai,
        tempat=tempat,
    )


def masalah(pd, awalan="tercetak."):
    return [m for m in v.validasi_pd(pd=pd, tahun=2023) if m.kode.startswith(awalan)]


@pytest.fixture
def rencana(db):
    renstra = RenstraFactory(tahun_awal=2021, tahun_akhir=2026)
    tujuan = TujuanFactory(renstra=renstra, kode="T1", uraian="Meningkatkan Rasa Aman")
    sasaran = SasaranFactory(
        renstra=renstra, kode="S1", uraian="Meningkatnya Pemetaan Daerah Potensi Konflik"
    )
    return renstra.perangkat_daerah, renstra, tujuan, sasaran


def test_without_printed_report_nothing_is_compared(rencana):
    pd, _renstra, _tujuan, sasaran = rencana
    IndikatorFactory(sasaran=sasaran, uraian="Angka Konflik Sosial Bernuansa SARA")
    assert masalah(pd) == []


def test_strategic_names_printed_unlike_the_renstra(rencana):
    pd, _renstra, tujuan, sasaran = rencana
    ind = IndikatorFactory(
        tujuan=tujuan, kode="T1.I1", uraian="Angka Konflik Sosial Bernuansa SARA", satuan="angka"
    )
    cetak(pd, ind, "uraian_tercetak", "Angka Konflik Sosial Bermanuansa SARA", tempat="Tabel 2.4")
    cetak(pd, ind, "uraian_tercetak", "Angka Konflik Sosial Bernuansa Sara")  # case only
    cetak(pd, sasaran, "uraian_tabel_3", "Meningkatkan  Pemetaan Daerah Potensi Konflik")
    cetak(pd, tujuan, "uraian_tabel_3", "Meningkatkan rasa aman.")  # punctuation only
    # A sub-kegiatan output is not a Renstra name: its wording is not compared.
    keluaran = IndikatorFactory(sub_kegiatan=SubKegiatanFactory(), uraian="Jumlah dokumen")
    cetak(keluaran.perangkat_daerah, keluaran, "uraian_pk", "Jumlah dokumen yang disusun")

    hasil = sorted(masalah(pd), key=lambda m: m.objek.model)
    assert [(m.kode, m.tingkat, m.objek.model) for m in hasil] == [
        (v.KODE_NAMA_TERCETAK_BERBEDA, v.PERINGATAN, "renstra.indikator"),
        (v.KODE_NAMA_TERCETAK_BERBEDA, v.PERINGATAN, "renstra.sasaran"),
    ]
    assert hasil[0].pesan == (
        'Indikator T1.I1 tercetak "Angka Konflik Sosial Bermanuansa SARA" (Tabel 2.4), berbeda '
        'dari namanya di Renstra "Angka Konflik Sosial Bernuansa SARA".'
    )
    assert hasil[1].objek.pk == sasaran.pk
    assert masalah(keluaran.perangkat_daerah) == []


def test_program_sasaran_label_must_be_a_linked_sasaran(rencana):
    pd, renstra, _tujuan, sasaran = rencana
    tertaut = ProgramFactory(renstra=renstra, kode="8.01.06")
    tertaut.sasaran.add(sasaran)
    cetak(
        pd, tertaut, "sasaran_tercetak", "SASARAN 1 : Meningkatnya Pemetaan Daerah Potensi Konflik"
    )
    salah = ProgramFactory(renstra=renstra, kode="8.01.02")
    salah.sasaran.add(sasaran)
    cetak(pd, salah, "sasaran_tercetak", "SASARAN 1 : Meningkatkan Kewaspadaan Masyarakat")
    lepas = ProgramFactory(renstra=renstra, kode="8.01.01")
    ind = IndikatorFactory(program=lepas, kode="P1.I1")
    cetak(pd, ind, "sasaran_tercetak", "Meningkatnya Sistem Akuntabilitas Kinerja")

    kedua, pertama = sorted(masalah(pd), key=lambda m: m.objek.model)
    assert (pertama.kode, pertama.objek.model, pertama.objek.pk) == (
        v.KODE_SASARAN_PROGRAM_BERBEDA,
        "renstra.program",
        salah.pk,
    )
    assert pertama.pesan == (
        'Program 8.01.02 tercetak dengan sasaran "SASARAN 1 : Meningkatkan Kewaspadaan '
        'Masyarakat", padahal tertaut ke sasaran S1 "Meningkatnya Pemetaan Daerah Potensi '
        'Konflik".'
    )
    assert kedua.objek.pk == ind.pk
    assert kedua.pesan == (
        'Indikator P1.I1 tercetak dengan sasaran "Meningkatnya Sistem Akuntabilitas Kinerja", '
        "padahal programnya belum ditautkan ke sasaran Renstra mana pun: tautkan ke sasarannya, "
        "labelnya tidak diketik."
    )


def test_printed_nip_and_pangkat(rencana):
    pd, *_ = rencana
    p = PejabatFactory(
        perangkat_daerah=pd,
        nip="198001012005011003",
        nama="NONDING",
        pangkat="Pembina Utama Muda",
        golongan="IV/c",
    )
    for teks in ("19800101 200501 1 003", "198001012005011003"):
        cetak(pd, p, "nip", teks)
    cetak(pd, p, "nip", "19800101200501103", tempat="Lampiran I")
    cetak(pd, p, "nip", "19800101 200601 1 003")
    for teks in ("Pembina Utama Muda / IV c", "Pembina Utama Muda (IV/c)"):
        cetak(pd, p, "pangkat_golongan", teks)
    cetak(pd, p, "pangkat_golongan", "Pembina Tingkat I")
    cetak(pd, p, "pangkat_golongan", "Pembina Utama Muda / W c")
    cetak(pd, p, "pangkat_golongan", "Penata / IV c")

    hasil = [(m.kode, m.tingkat, m.pesan) for m in masalah(pd)]
    assert hasil == [
        (
            v.KODE_NIP_TERCETAK,
            v.ERROR,
            'NIP NONDING tercetak "19800101200501103" (Lampiran I) tidak sah: harus 18 digit, '
            "tercatat 17 digit.",
        ),
        (
            v.KODE_NIP_TERCETAK_BERBEDA,
            v.ERROR,
            'NIP NONDING tercetak "19800101 200601 1 003", tercatat 198001012005011003.',
        ),
        (
            v.KODE_PANGKAT_TERCETAK_BERBEDA,
            v.PERINGATAN,
            'Pangkat NONDING tercetak "Pembina Tingkat I", tercatat Pembina Utama Muda / IV/c: '
            "satu orang satu pangkat.",
        ),
        (
            v.KODE_PANGKAT_TERCETAK,
            v.ERROR,
            'Pangkat/golongan NONDING tercetak "Pembina Utama Muda / W c" tidak sah: golongan '
            '"W c" tidak dikenal.',
        ),
        (
            v.KODE_PANGKAT_TERCETAK,
            v.ERROR,
            'Pangkat/golongan NONDING tercetak "Penata / IV c" tidak sah: pangkat Penata '
            "bergolongan III/c, bukan IV/c.",
        ),
    ]


def test_printed_units_against_the_indicator_satuan(rencana):
    pd, _renstra, _tujuan, sasaran = rencana
    laporan = IndikatorFactory(sasaran=sasaran, kode="A", satuan="laporan")
    pk = PerjanjianKinerjaFactory(perangkat_daerah=pd, tahun=2023)
    baris = PKIndikatorFactory(perjanjian=pk, indikator=laporan, uraian="Jumlah laporan")
    cetak(pd, baris, "target_tercetak", "12 Bulan", sumber="target_tercetak")
    cetak(pd, baris, "target_tercetak", "12 Laporan", sumber="target_tercetak")
    cetak(pd, laporan, "target", "12 lap.")
    # A "%" indicator printed without "%" in a series whose other rows carry it.
    tanpa = IndikatorFactory(sasaran=sasaran, kode="B", satuan="%")
    dengan = IndikatorFactory(sasaran=sasaran, kode="C", satuan="%")
    for ind, teks in ((tanpa, "100"), (tanpa, "100"), (dengan, "7,8%")):
        cetak(pd, ind, "2023", teks, sumber="target_renstra_tercetak")

    hasil = sorted((m.kode, m.objek.pk, m.pesan) for m in masalah(pd))
    assert hasil == sorted(
        [
            (
                v.KODE_SATUAN_TERCETAK_BERBEDA,
                tanpa.pk,
                'Target indikator B (satuan %) tercetak "100", "100" tanpa tanda %, '
                'sedangkan baris lain tabel yang sama mencetaknya dengan % ("7,8%"): satu satuan '
                "per indikator.",
            ),
            (
                v.KODE_SATUAN_TERCETAK_BERBEDA,
                laporan.pk,
                'Target indikator A tercetak "12 Bulan" dengan satuan "bulan", sedangkan satuan '
                'indikatornya "laporan".',
            ),
        ]
    )


def test_rencana_aksi_target_against_the_pk(rencana):
    pd, _renstra, _tujuan, sasaran = rencana
    beda = IndikatorFactory(sasaran=sasaran, kode="S4.I1", satuan="%")
    sama = IndikatorFactory(sasaran=sasaran, kode="S5.I1", satuan="%")
    pk = PerjanjianKinerjaFactory(perangkat_daerah=pd, tahun=2024)
    PKIndikatorFactory(perjanjian=pk, indikator=beda, nilai=D("90"))
    PKIndikatorFactory(perjanjian=pk, indikator=sama, nilai=D("90"))
    cetak(pd, beda, "target_rencana_aksi", "75%", tahun=2024, tempat="Rencana Aksi")
    cetak(pd, sama, "target_rencana_aksi", "90 %", tahun=2024, tempat="Rencana Aksi")

    (m,) = masalah(pd)
    assert (m.kode, m.objek.pk) == (v.KODE_RENCANA_AKSI_BERBEDA, beda.pk)
    assert m.pesan == (
        'Target Rencana Aksi 2024 indikator S4.I1 tercetak "75%", berbeda dari target PK 2024 (90).'
    )


def test_blank_change_column_of_a_pk_perubahan(rencana):
    pd, _renstra, _tujuan, sasaran = rencana
    ind = IndikatorFactory(sasaran=sasaran, kode="S2.I1", satuan="%")
    pk = PerjanjianKinerjaFactory(perangkat_daerah=pd, tahun=2023, versi="perubahan")
    baru = PKIndikatorFactory(perjanjian=pk, indikator=ind, nilai=D("7.8"), target_sebelum=None)
    turun = PKIndikatorFactory(perjanjian=pk, indikator=ind, nilai=D("20"), target_sebelum=D("24"))
    tetap = PKIndikatorFactory(perjanjian=pk, indikator=ind, nilai=D("12"), target_sebelum=D("12"))
    dicetak = PKIndikatorFactory(perjanjian=pk, indikator=ind, nilai=D("7"), target_sebelum=None)
    for b, teks in ((baru, None), (turun, ""), (tetap, None), (dicetak, "7 Kegiatan")):
        cetak(pd, b, "bertambah_berkurang_tercetak", teks, sumber="bertambah_berkurang_tercetak")

    pertama, kedua = masalah(pd)
    assert (pertama.kode, pertama.objek.pk) == (v.KODE_SELISIH_PK_KOSONG, baru.pk)
    assert "berubah dari — (belum ada target) menjadi 7,80: seharusnya +7,80." in pertama.pesan
    assert kedua.objek.pk == turun.pk
    assert "berubah dari 24 menjadi 20: seharusnya −4." in kedua.pesan


def test_printed_problems_do_not_gate_the_approval(rencana):
    """The product's own LKjIP prints the stored data: printed slips are listed, not gating."""
    from periksa.services import masalah_gerbang

    pd, *_ = rencana
    p = PejabatFactory(perangkat_daerah=pd)
    cetak(pd, p, "nip", "123")
    assert [m.kode for m in masalah(pd)] == [v.KODE_NIP_TERCETAK]
    assert masalah_gerbang(pd=pd, tahun=2023) == []


# --- The seeds ------------------------------------------------------------------------------


def test_paser_printed_identity_slips(paser):
    """Seed 002: the Kepala Badan's NIP in four invalid forms, his pangkat once as "Pembina
    Tingkat I", and three invalid pangkat/golongan pairs (S2-53, S2-54, S2-55)."""
    hasil = masalah(paser)
    nip = [m.pesan for m in hasil if m.kode == v.KODE_NIP_TERCETAK]
    assert len(nip) == 4 and all(p.startswith("NIP NONDING, S.Sos., M.M tercetak") for p in nip)
    assert (
        'NIP NONDING, S.Sos., M.M tercetak "19710607 1999703 1 007" tidak sah: harus 18 digit, '
        "tercatat 19 digit."
    ) in nip
    pasangan = sorted(m.pesan for m in hasil if m.kode == v.KODE_PANGKAT_TERCETAK)
    assert pasangan == [
        'Pangkat/golongan DERI FITRIADI, S.T tercetak "Penata Tk. I / W d" tidak sah: golongan '
        '"W d" tidak dikenal.',
        'Pangkat/golongan HANIK YANUATI, SP tercetak "Penata Tk I / IIIId" tidak sah: golongan '
        '"IIIId" tidak dikenal.',
        'Pangkat/golongan HARDIANSYAH, S.Sos tercetak "Penata / III d" tidak sah: pangkat Penata '
        "bergolongan III/c, bukan III/d.",
    ]
    assert [m.pesan for m in hasil if m.kode == v.KODE_PANGKAT_TERCETAK_BERBEDA] == [
        'Pangkat NONDING, S.Sos., M.M tercetak "Pembina Tingkat I", tercatat Pembina Utama Muda '
        "/ IV/c: satu orang satu pangkat."
    ]


def test_balangan_indicator_name_and_sasaran_labels(balangan):
    """Seed 001: "Bermanuansa" in Tabel 2.4 (S1-42) and programs labelled with sasaran the
    Renstra does not have (S1-26)."""
    hasil = masalah(balangan)
    nama = [m.pesan for m in hasil if m.kode == v.KODE_NAMA_TERCETAK_BERBEDA]
    assert (
        'Indikator T1.I1 tercetak "Angka Konflik Sosial Bermanuansa SARA", berbeda dari namanya '
        'di Renstra "Angka Konflik Sosial Bernuansa SARA".'
    ) in nama
    label = {m.objek.label.split()[0] for m in hasil if m.kode == v.KODE_SASARAN_PROGRAM_BERBEDA}
    assert {"8.01.02", "8.01.06", "P1.I1"} <= label
