"""The loader takes a real report as it is (issue #10 point 5).

What a report does not publish (`null` in the dataset: the RPJMD period, visi and misi, an
indicator's name or unit) is stored as missing and listed by the validation of the data; the
LKjIP prints "—" for it and invents nothing. What is malformed is still refused. A PK the
report prints with place, date and both signatories is loaded as signed outside the
application: fingerprinted like an in-app signature, with the verification footer, and
verifiable on /pk/verifikasi/<sidik>/.
"""

import copy
import hashlib
import json
import re
from pathlib import Path

import pytest
from django.urls import reverse

from common.models import AuditLog
from kinerja import pk as layanan_pk
from kinerja import validasi as v
from kinerja.models import PerjanjianKinerja, StatusPK
from pertukaran import tulis_pk
from pertukaran.impor import (
    PESAN_FLOAT,
    PESAN_PILIHAN,
    DatasetTidakValid,
    muat,
    validasi,
)
from renstra.models import PESAN_KODE_SUB_KEGIATAN, Indikator, PerangkatDaerah, Rpjmd

PASER = Path(__file__).resolve().parents[2] / "fixtures" / "demo" / "kesbangpol-paser.json"
NAMA_ASLI = "Nilai Evaluasi SAKIP dari APIP"


def _paser() -> dict:
    return json.loads(PASER.read_text(encoding="utf-8"))


def _tanpa_tercetak(obj):
    """The document without its printed values (`tercetak`): not what these tests check."""
    if isinstance(obj, dict):
        return {k: _tanpa_tercetak(x) for k, x in obj.items() if k != "tercetak"}
    if isinstance(obj, list):
        return [_tanpa_tercetak(x) for x in obj]
    return obj


def laporan_tanpa_periode() -> dict:
    """The Paser report as another agency would transcribe it: no RPJMD period, visi or
    misi published, and its first IKU printed without a name or a unit."""
    data = _tanpa_tercetak(_paser())
    data["pemda"]["nama"] = "Kabupaten Uji Nyata"
    data["perangkat_daerah"]["slug"] = "uji-nyata"
    data["rpjmd"] = {"periode": None, "visi": None, "misi": None}
    for tujuan in data["tujuan"]:
        tujuan["misi"] = None
    ind = data["sasaran"][0]["indikator"][0]
    assert (ind["kode"], ind["uraian"]) == ("S1.I1", NAMA_ASLI)
    ind["uraian"] = None
    ind["satuan"] = None
    return data


@pytest.fixture
def nyata(db):
    hasil = muat(laporan_tanpa_periode())
    return hasil, PerangkatDaerah.objects.select_related("pemda").get(slug="uji-nyata")


def test_null_period_and_nameless_indicator_load_are_listed_and_the_lkjip_prints(nyata):
    from laporan import cetak

    hasil, pd = nyata
    # 1. It loads: the RPJMD without a period, the indicator without a name or unit.
    assert hasil.dibuat["indikator"] == 65
    rpjmd = Rpjmd.objects.get(pemda=pd.pemda)
    assert (rpjmd.tahun_awal, rpjmd.tahun_akhir, rpjmd.visi) == (None, None, "")
    ind = Indikator.objects.get(perangkat_daerah=pd, kode="S1.I1")
    assert (ind.uraian, ind.satuan) == ("", "")

    # 2. The validation lists the missing period, name and unit.
    masalah = v.validasi_pd(pd=pd, tahun=2023)
    kode = {
        (m.kode, m.tingkat, m.pesan)
        for m in masalah
        if m.kode.startswith("renstra.") and m.kode != v.KODE_IKU_TANPA_SUMBER_DATA
    }
    assert kode == {
        (v.KODE_PERIODE_RPJMD_KOSONG, v.PERINGATAN, v.PESAN_PERIODE_RPJMD_KOSONG),
        (
            v.KODE_INDIKATOR_TANPA_NAMA,
            v.ERROR,
            v.PESAN_INDIKATOR_TANPA_NAMA.format(kode="S1.I1"),
        ),
        (
            v.KODE_INDIKATOR_TANPA_SATUAN,
            v.PERINGATAN,
            v.PESAN_INDIKATOR_TANPA_SATUAN.format(kode="S1.I1"),
        ),
    }

    # 3. The LKjIP prints, with "—" where the name was, and no invented text.
    dokumen = cetak.susun(cetak.laporan_untuk(pd, "lkjip", 2023))
    html = cetak.halaman_cetak(dokumen.isi, judul=dokumen.judul, draft=True)
    assert NAMA_ASLI not in html
    sasaran = "Meningkatnya Pengelolaan Keuangan dan Kinerja Organisasi yang Akuntabel"
    baris = [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>.*?</td>", r, re.S)]
        for r in re.findall(r"<tr[^>]*>.*?</tr>", html, re.S)
        if sasaran in r
    ]
    # Pengukuran (sasaran, "—", target 73, realisasi 65,22, capaian 89,34%): numbers kept.
    assert ["S1", sasaran, "—", "", "73", "65,22", "89,34%", "Tinggi"] in baris


def test_a_second_load_of_the_report_changes_nothing(nyata):
    hasil = muat(laporan_tanpa_periode())
    assert not hasil.ada_perubahan
    assert hasil.catatan == []


def test_null_renstra_period_falls_back_to_the_rpjmd_one():
    data = _paser()
    data["renstra"] = {"periode": None}
    assert validasi(data) == []


@pytest.mark.parametrize(
    ("ubah", "path", "pesan"),
    [
        (
            lambda d: d["sasaran"][0]["indikator"][0]["target"]["renstra"].update({"2023": 73.5}),
            '$.sasaran[0].indikator[0].target.renstra["2023"]',
            PESAN_FLOAT.format(nilai="73.5"),
        ),
        (
            lambda d: d["sasaran"][0]["indikator"][0].update(polaritas="naik"),
            "$.sasaran[0].indikator[0].polaritas",
            PESAN_PILIHAN.format(nilai='"naik"', pilihan="positif, negatif"),
        ),
        (
            lambda d: d["program"][1]["kegiatan"][0]["sub_kegiatan"][0].update(
                kode="8.01.03.2.01.01"
            ),
            "$.program[1].kegiatan[0].sub_kegiatan[0].kode",
            None,
        ),
    ],
    ids=["float", "pilihan", "kode-induk"],
)
def test_malformed_input_is_still_refused(db, ubah, path, pesan):
    data = laporan_tanpa_periode()
    ubah(data)
    with pytest.raises(DatasetTidakValid) as e:
        muat(data)
    di_path = [m for m in e.value.masalah if m.path == path]
    assert di_path, e.value.masalah
    if pesan is None:
        induk = data["program"][1]["kegiatan"][0]
        pesan = PESAN_KODE_SUB_KEGIATAN.format(
            anak="8.01.03.2.01.01", induk=induk.get("kode_kepmendagri") or induk["kode"]
        )
    assert di_path[0].pesan == pesan
    assert not PerangkatDaerah.objects.filter(slug="uji-nyata").exists()


# --- PK signed outside the application --------------------------------------------------------


def test_paser_demo_pks_are_signed_outside_and_verify(client, paser):
    pks = list(PerjanjianKinerja.objects.filter(perangkat_daerah=paser).order_by("id"))
    assert len(pks) == 13
    for pk in pks:
        assert pk.status == StatusPK.DITANDATANGANI
        assert pk.ditandatangani_pihak_kedua_pada is None  # nobody signed in the app
        # Fingerprinted like an in-app signature: SHA-256 of the frozen canonical text.
        assert pk.sidik_jari == hashlib.sha256(pk.isi_kanonik.encode("utf-8")).hexdigest()
        assert pk.sidik_jari == layanan_pk.hitung_sidik_jari(pk)
    kepala = next(p for p in pks if p.pihak_pertama and p.pihak_pertama.nip == "197106071997031007")
    halaman = client.get(reverse("pk:verifikasi", args=[kepala.sidik_jari]))
    assert halaman.status_code == 200
    teks = halaman.content.decode()
    assert layanan_pk.PESAN_VERIFIKASI[layanan_pk.STATUS_ASLI] in teks
    assert (
        "Di luar aplikasi (dimuat dari laporan), dokumen bertanggal Tana Paser, Januari 2024"
        in teks
    )
    entri = AuditLog.objects.get(aksi=tulis_pk.AKSI_DITANDATANGANI, object_id=str(kepala.pk))
    assert entri.perubahan["cara"] == [None, tulis_pk.CARA_DI_LUAR]
    assert hashlib.sha256(entri.keterangan.encode()).hexdigest() == kepala.sidik_jari


def test_signed_outside_pk_prints_its_verification_footer(paser):
    kepala = PerjanjianKinerja.objects.get(
        perangkat_daerah=paser, tahun=2024, pihak_pertama__nip="197106071997031007"
    )
    html = layanan_pk.dokumen_pk(
        pd=paser, tahun=2024, nip="197106071997031007", format="html"
    ).decode("utf-8")
    assert f"Sidik jari SHA-256: {kepala.sidik_jari}" in html
    assert reverse("pk:verifikasi", args=[kepala.sidik_jari]) in html
    assert "DRAF — belum ditandatangani" not in html


def test_pk_without_printed_signatory_stays_a_draft(nyata):
    _, pd = nyata
    data = laporan_tanpa_periode()
    data["perangkat_daerah"]["slug"] = "uji-nyata-2"
    for pk in data["perjanjian_kinerja"]:
        pk["tempat"] = None
    muat(data)
    statuses = PerjanjianKinerja.objects.filter(perangkat_daerah__slug="uji-nyata-2")
    assert set(statuses.values_list("status", "sidik_jari")) == {(StatusPK.DRAFT, "")}


def test_identical_signed_pks_keep_the_second_as_a_draft(db):
    data = laporan_tanpa_periode()
    data["perjanjian_kinerja"] = data["perjanjian_kinerja"][:1]
    data["perjanjian_kinerja"].append(copy.deepcopy(data["perjanjian_kinerja"][0]))
    # Same content, same party: the second matches by order (nomor_versi is 1 for both).
    hasil = muat(data)
    pks = PerjanjianKinerja.objects.filter(perangkat_daerah__slug="uji-nyata").order_by("id")
    assert [p.status for p in pks] == [StatusPK.DITANDATANGANI, StatusPK.DRAFT]
    assert tulis_pk.PESAN_CATATAN_PK_KEMBAR.format(pk=pks[1]) in hasil.catatan
