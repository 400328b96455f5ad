"""`manage.py pengukuran`: the same numbers as the selectors, as JSON or Indonesian text."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from kinerja.management.commands.pengukuran import PESAN_PD_TIDAK_ADA
from kinerja.validasi import KODE_BELANJA_TIDAK_SAMA, KODE_PAGU_ANAK_MELEBIHI_INDUK

D = Decimal


def jalankan(**opsi) -> str:
    keluaran = io.StringIO()
    call_command("pengukuran", stdout=keluaran, **opsi)
    return keluaran.getvalue()


@pytest.fixture
def json_paser(paser):
    return json.loads(jalankan(pd="kesbangpol-paser", tahun=2023, format="json"))


def test_json_holds_table7(json_paser):
    indikator = {i["kode"]: i for s in json_paser["sasaran"] for i in s["indikator"]}

    assert [indikator[k]["capaian_bulat"] for k in sorted(indikator)] == [
        "89.34",
        "100.00",
        "125.00",
        "125.00",
        "100.00",
        "100.00",
    ]
    sakip = indikator["S1.I1"]
    assert D(sakip["target"]) == D("73") and sakip["sumber_target"] == "pk_murni"
    assert D(sakip["realisasi"]) == D("65.22")
    assert D(sakip["capaian"]).quantize(D("0.0001")) == D("89.3425")
    assert sakip["kategori"] == "Tinggi"
    assert json_paser["rata_rata_bulat"] == "106.56"
    assert json_paser["predikat"] == "Sangat Tinggi"
    assert [s["rata_rata_bulat"] for s in json_paser["sasaran"]] == [
        "89.34",
        "100.00",
        "125.00",
        "125.00",
        "100.00",
        "100.00",
    ]


def test_json_keeps_decimals_as_strings(json_paser):
    sakip = json_paser["sasaran"][0]["indikator"][0]
    program = json_paser["anggaran"]["program"][0]

    for nilai in (sakip["target"], sakip["realisasi"], sakip["capaian"], program["pagu"]):
        assert isinstance(nilai, str)
    assert json_paser["skala"]["pita"][0]["batas_bawah"] == "91.0000"


def test_json_holds_budget_and_validation(json_paser):
    anggaran = json_paser["anggaran"]
    penunjang = anggaran["program"][0]

    assert penunjang["kode"] == "8.01.01"
    assert D(penunjang["pagu"]) == D("6426345746")
    assert penunjang["persen_bulat"] == "91.99"
    assert [k["persen_bulat"] for k in penunjang["anak"]] == [
        "97.19",
        "91.51",
        "99.28",
        "99.95",
        "73.16",
        "86.63",
    ]
    assert D(anggaran["pagu"]) == D("32351024068")
    assert anggaran["persen_bulat"] == "97.24"
    kode = {m["kode"] for m in json_paser["validasi"]}
    assert KODE_BELANJA_TIDAK_SAMA in kode
    assert all(set(m["objek"]) == {"model", "pk", "label"} for m in json_paser["validasi"])


def test_json_balangan_validation(balangan):
    hasil = json.loads(jalankan(pd="kesbangpol-balangan", tahun=2023, format="json"))

    assert any(
        m["kode"] == KODE_PAGU_ANAK_MELEBIHI_INDUK and "Rp 6.129.824.000" in m["pesan"]
        for m in hasil["validasi"]
    )


def test_text_uses_indonesian_notation(paser):
    teks = jalankan(pd="kesbangpol-paser", tahun=2023, ringkas=True)

    assert "S1.I1  Nilai Evaluasi SAKIP dari APIP" in teks
    assert "target 73 (PK 2023) | realisasi 65,22 | capaian 89,34% | Tinggi" in teks
    assert "Rata-rata capaian perangkat daerah: 106,56% (6 sasaran) Sangat Tinggi" in teks
    assert "pagu Rp 6.426.345.746 | realisasi Rp 5.911.790.846 | 91,99%" in teks
    assert "JUMLAH  pagu Rp 32.351.024.068 | realisasi Rp 31.458.315.432 | 97,24%" in teks
    assert "Skala kategori: Permendagri 86/2017" in teks
    assert "VALIDASI:" in teks


def test_text_lists_every_problem_unless_ringkas(paser):
    lengkap = jalankan(pd="kesbangpol-paser", tahun=2023)
    ringkas = jalankan(pd="kesbangpol-paser", tahun=2023, ringkas=True)

    baris = "[error] Jumlah pagu per jenis belanja (Rp 32.654.909.391)"
    assert baris in lengkap and baris not in ringkas


def test_quarter_option(paser):
    hasil = json.loads(jalankan(pd="kesbangpol-paser", tahun=2023, triwulan=2, format="json"))

    assert hasil["triwulan"] == 2
    assert D(hasil["anggaran"]["realisasi"]) == D("1250346919") + D("3673945238")


def test_unknown_pd(db):
    with pytest.raises(CommandError, match=PESAN_PD_TIDAK_ADA.format(slug="tidak-ada")):
        jalankan(pd="tidak-ada", tahun=2023)


def test_text_prints_every_level_readably(paser):
    teks = jalankan(pd="kesbangpol-paser", tahun=2023, ringkas=True)

    assert "Tujuan T1: Mewujudkan Tata Kelola Pemerintahan yang Responsif dan Tangkas" in teks
    assert "target 73 (Renstra 2023) | realisasi — | capaian — | —" in teks
    assert "Belum ada data: realisasi belum dilaporkan" in teks
    assert "PENGUKURAN INDIKATOR PROGRAM, KEGIATAN DAN SUB-KEGIATAN s.d. TW IV" in teks
    assert "  Program 8.01.01  PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA" in teks
    # 8.01.01: measured against the PK (72 → 100%), the Renja form's 288 → 25%, and the 2026
    # Renstra target of a posisi-akhir index (72 / 80).
    assert "target 72 (PK 2023) | realisasi 72 | capaian 100,00% | Sangat Tinggi" in teks
    assert "Tingkat capaian Renja: target 288 (Renja 2023) | capaian 25,00% | Sangat Rendah" in teks
    assert (
        "Renstra: target akhir 80 | realisasi s.d. tahun lalu 70 | s.d. 2023 72 | capaian 90,00%"
    ) in teks
    assert "      Sub-kegiatan 8.01.01.2.02.01  Penyediaan Gaji dan Tunjangan ASN" in teks
    assert "target 35 (Renja 2023) | realisasi 93 | capaian 265,71% | Sangat Tinggi" in teks
    assert "Belum ada data: target dan realisasi belum diisi" in teks
    assert "Capaian tidak dapat dihitung. Target bernilai 0 pada indikator positif" in teks
    assert "Rata-rata tingkat capaian Renja: 97,83% (46 indikator) Sangat Tinggi" in teks
    assert "Tidak dirata-rata: 8.01.01.2.01.01.I1 — Target bernilai 0" in teks
