"""Measurement at every level (issue #11 point 1): tujuan, sasaran, program, kegiatan and
sub-kegiatan indicators in `pengukuran --format json` and `/api/v1/`.

The program, kegiatan and sub-kegiatan entries are the indicator rows of the Renja evaluation
form (one computation): the Paser 2023 JSON is compared row by row with
`evaluasi_renja(...).baris[i].capaian_renja`, and a few values are those a reader recomputes
from seed 002 Lampiran III (cols 8 and 13).
"""

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from kinerja.capaian import ALASAN_TARGET_NOL, PESAN_ALASAN
from kinerja.selectors import (
    STATUS_BELUM_ADA_DATA,
    STATUS_BELUM_ADA_REALISASI,
    STATUS_BELUM_ADA_TARGET,
    STATUS_DIHITUNG,
    STATUS_TIDAK_TERHITUNG,
    evaluasi_renja,
    pengukuran_kinerja,
)
from kinerja.selectors.pengukuran import PESAN_SASARAN_TANPA_INDIKATOR
from kinerja.serialisasi import pengukuran_json
from tests.factories import (
    IndikatorFactory,
    KegiatanFactory,
    ProgramFactory,
    RealisasiFactory,
    RenstraFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
    TujuanFactory,
    perbesar_rencana,
)

D = Decimal
DATASET = json.loads(
    (Path(__file__).resolve().parents[2] / "fixtures/demo/kesbangpol-paser.json").read_text()
)


def jalankan(**opsi) -> dict:
    keluaran = io.StringIO()
    call_command("pengukuran", stdout=keluaran, format="json", **opsi)
    return json.loads(keluaran.getvalue())


def _kode_rencana_dataset() -> dict[str, str]:
    """indicator kode → level, for every program, kegiatan and sub-kegiatan indicator."""
    hasil = {}

    def jalan(simpul, tingkat):
        for ind in simpul.get("indikator", []):
            hasil[ind["kode"]] = tingkat
        for k in simpul.get("kegiatan", []):
            jalan(k, "kegiatan")
        for s in simpul.get("sub_kegiatan", []):
            jalan(s, "sub_kegiatan")

    for program in DATASET["program"]:
        jalan(program, "program")
    return hasil


N_RENCANA = len(_kode_rencana_dataset())
"""Program, kegiatan and sub-kegiatan indicators of the Paser dataset (57)."""


def _str(nilai):
    return None if nilai is None else str(nilai)


@pytest.fixture
def json_paser(paser):
    return jalankan(pd="kesbangpol-paser", tahun=2023)


def _rencana(data: dict) -> dict[str, dict]:
    return {i["kode"]: i for i in data["program_kegiatan"]["indikator"]}


# --- Done when: every program and kegiatan indicator, equal to the Renja form -----------------


def test_json_holds_every_program_and_kegiatan_indicator_of_the_dataset(json_paser):
    harapan = _kode_rencana_dataset()
    entri = _rencana(json_paser)

    assert {k: e["tingkat"] for k, e in entri.items()} == harapan
    assert {"program", "kegiatan", "sub_kegiatan"} == set(harapan.values())
    assert len(entri) == len(harapan) == 57
    for e in entri.values():
        # A capaian, or the reason why none: never a silent gap.
        assert (e["capaian_renja"] is not None) == (e["status_renja"] == STATUS_DIHITUNG)
        assert e["capaian_renja"] is not None or e["status_renja"] in (
            STATUS_BELUM_ADA_DATA,
            STATUS_TIDAK_TERHITUNG,
        )


def test_json_capaian_equals_the_renja_form_row_by_row(paser, json_paser):
    form = evaluasi_renja(pd=paser, tahun=2023, triwulan=4)
    baris = [b for b in form.baris if b.indikator is not None]
    entri = json_paser["program_kegiatan"]["indikator"]

    assert len(baris) == len(entri) == N_RENCANA
    for b, e in zip(baris, entri, strict=True):
        assert (e["tingkat"], e["kode_objek"], e["kode"]) == (b.jenis, b.kode, b.indikator.kode)
        assert e["capaian_renja"] == _str(b.capaian_renja.nilai), b.indikator.kode
        assert e["capaian_ukur"] == e["capaian"] == _str(b.capaian_ukur.nilai)
        assert e["target_renja"] == _str(b.target_renja)
        assert e["renstra"]["capaian"] == _str(b.capaian_renstra.nilai)
    pk = json_paser["program_kegiatan"]
    assert pk["rata_rata_capaian_renja"] == str(form.rata_rata_capaian_kinerja)
    assert pk["jumlah_indikator_dipakai"] == form.jumlah_indikator_dipakai == 46
    assert len(pk["dikecualikan"]) == N_RENCANA - 46


def test_seed_002_lampiran_iii_values(json_paser):
    """Capaian Renja = col 13 / col 8 of seed 002 Lampiran III, as a reader recomputes it."""
    e = _rencana(json_paser)

    # 8.01.01 Indeks Kepuasan layanan Sekretariat: col 8 prints 288 (4 × 72, an index summed
    # over quarters, seed-analysis S2-50), col 13 72 → 25% against that Renja figure; the PK
    # 2023 says 72, so the capaian the LKjIP measures is 100%. Col 15 prints 25; the correct
    # value is 72 / 80 (the 2026 Renstra target of a posisi-akhir index) = 90%.
    indeks = e["8.01.01.I1"]
    assert indeks["capaian_renja_bulat"] == "25.00"
    assert indeks["kategori_renja"] == "Sangat Rendah"
    assert (indeks["target_renja"], indeks["sumber_target_renja"]) == ("288.0000", "renja")
    assert (indeks["sumber_target"], indeks["tahun_target"]) == ("pk_murni", 2023)
    assert indeks["capaian_bulat"] == "100.00" and indeks["kategori"] == "Sangat Tinggi"
    assert indeks["renstra"]["capaian_bulat"] == "90.00"
    assert indeks["renstra"]["sumber_target_akhir"] == "renstra"
    # Gaji dan tunjangan ASN (orang/bulan): 93 / 35 = 265,71% (col 15 prints 182,86 = 64 / 35
    # from a wrong col 14).
    assert e["8.01.01.2.02.01.I1"]["capaian_renja_bulat"] == "265.71"
    # Penatausahaan keuangan: 229 / 230; perencanaan (kegiatan): 10 / 100.
    assert e["8.01.01.2.02.03.I1"]["capaian_renja_bulat"] == "99.57"
    assert e["8.01.01.2.01.I1"]["capaian_renja_bulat"] == "10.00"
    # Barang cetak: 0 paket in every quarter against 2 is a measured 0%, not "belum ada data".
    cetak = e["8.01.01.2.06.05.I1"]
    assert (cetak["capaian_renja_bulat"], cetak["status_renja"]) == ("0.00", STATUS_DIHITUNG)
    # Koordinasi Ketahanan Ekonomi: 1.000 / 1.000; Ideologi (kegiatan): 75 / 75.
    assert e["8.01.05.2.01.04.I1"]["capaian_renja_bulat"] == "100.00"
    assert e["8.01.02.2.01.I1"]["capaian_renja_bulat"] == "100.00"
    # Penyusunan dokumen perencanaan: Renja target 0, realised 5: not computable (the seed
    # prints 10 in col 15, a division by zero, S2-45).
    nol = e["8.01.01.2.01.01.I1"]
    assert nol["capaian_renja"] is None and nol["status_renja"] == STATUS_TIDAK_TERHITUNG
    assert nol["alasan_renja"] == PESAN_ALASAN[ALASAN_TARGET_NOL]


# --- Tujuan, sasaran and PD level ---------------------------------------------------------------


def test_tujuan_and_pd_levels_carry_n_and_the_excluded(json_paser):
    tujuan = {t["kode"]: t for t in json_paser["tujuan"]}
    assert set(tujuan) == {"T1", "T2"}
    t1 = tujuan["T1"]
    assert t1["jumlah_indikator_dipakai"] == 0 and t1["rata_rata"] is None
    assert [d["kode"] for d in t1["dikecualikan"]] == ["T1.I1"]
    ind = t1["indikator"][0]
    assert (ind["tingkat"], ind["kode_objek"], ind["status"]) == (
        "tujuan",
        "T1",
        STATUS_BELUM_ADA_REALISASI,
    )
    assert (ind["target"], ind["sumber_target"], ind["tahun_target"]) == (
        "73.0000",
        "renstra",
        2023,
    )
    assert json_paser["jumlah_sasaran_dipakai"] == 6
    assert json_paser["sasaran_dikecualikan"] == []
    assert (json_paser["jumlah_indikator_dipakai"], json_paser["dikecualikan"]) == (6, [])
    sakip = json_paser["sasaran"][0]["indikator"][0]
    assert (sakip["tingkat"], sakip["kode_objek"], sakip["tahun_target"]) == ("sasaran", "S1", 2023)
    assert sakip["status"] == STATUS_DIHITUNG


@pytest.fixture
def rencana_uji(db):
    """A fresh PD with one indicator per level, a predikat target, a missing value, a cap."""
    renstra = RenstraFactory(tahun_awal=2022, tahun_akhir=2026)
    pd = renstra.perangkat_daerah
    pd.batas_capaian_rata_rata = 100
    pd.save()
    tujuan = TujuanFactory(renstra=renstra, kode="T9")
    sasaran = SasaranFactory(renstra=renstra, kode="S9", tujuan=tujuan)
    SasaranFactory(renstra=renstra, kode="S-KOSONG")
    program = ProgramFactory(renstra=renstra, kode="P9")
    kegiatan = KegiatanFactory(program=program, kode="P9.K1")
    sub = SubKegiatanFactory(kegiatan=kegiatan, kode="P9.K1.S1")

    it = IndikatorFactory(tujuan=tujuan, kode="IT", jenis_nilai="predikat")
    TargetFactory(indikator=it, tahun=2023, jenis="renstra", nilai=None, predikat="BB")
    RealisasiFactory(indikator=it, tahun=2023, triwulan=0, nilai=D("73.80"))
    isas = IndikatorFactory(sasaran=sasaran, kode="IS")
    TargetFactory(indikator=isas, tahun=2023, jenis="pk_perubahan", nilai=D("80"))
    TargetFactory(indikator=isas, tahun=2023, jenis="renja", nilai=D("90"))
    RealisasiFactory(indikator=isas, tahun=2023, triwulan=4, nilai=D("100"))
    tanpa_realisasi = IndikatorFactory(sasaran=sasaran, kode="IS-BELUM")
    TargetFactory(indikator=tanpa_realisasi, tahun=2023, jenis="renja", nilai=D("10"))
    ip = IndikatorFactory(program=program, kode="IP")
    TargetFactory(indikator=ip, tahun=2023, jenis="renja", nilai=D("50"))
    TargetFactory(indikator=ip, tahun=2023, jenis="pk_murni", nilai=D("40"))
    RealisasiFactory(indikator=ip, tahun=2023, triwulan=4, nilai=D("60"))
    ik = IndikatorFactory(kegiatan=kegiatan, kode="IK", cara_agregasi="kumulatif")
    TargetFactory(indikator=ik, tahun=2023, jenis="renja", nilai=D("8"))
    RealisasiFactory(indikator=ik, tahun=2023, triwulan=1, nilai=D("2"))
    RealisasiFactory(indikator=ik, tahun=2023, triwulan=2, nilai=D("4"))
    isub = IndikatorFactory(sub_kegiatan=sub, kode="ISUB")
    RealisasiFactory(indikator=isub, tahun=2023, triwulan=4, nilai=D("5"))
    IndikatorFactory(sub_kegiatan=sub, kode="ISUB-KOSONG")
    return pd


def test_every_level_with_target_version_year_status_and_notes(rencana_uji):
    data = pengukuran_json(pd=rencana_uji, tahun=2023)

    tujuan = data["tujuan"][0]
    it = tujuan["indikator"][0]
    assert (it["tingkat"], it["kode_objek"], it["capaian_bulat"]) == ("tujuan", "T9", "105.43")
    assert (it["target"], it["sumber_target"], it["tahun_target"]) == ("BB", "renstra", 2023)
    assert "BB dibaca sebagai nilai 70" in " ".join(it["catatan"])
    # The PD caps each capaian at 100 for averaging: the note says so on the row.
    assert any("dihitung 100% saat dirata-rata" in c for c in it["catatan"])
    assert tujuan["rata_rata"] == "100" and tujuan["jumlah_indikator_dipakai"] == 1

    s9 = next(s for s in data["sasaran"] if s["kode"] == "S9")
    per_kode = {i["kode"]: i for i in s9["indikator"]}
    assert per_kode["IS"]["sumber_target"] == "pk_perubahan"
    assert per_kode["IS"]["capaian_bulat"] == "125.00"
    assert per_kode["IS-BELUM"]["status"] == STATUS_BELUM_ADA_REALISASI
    assert per_kode["IS-BELUM"]["capaian"] is None
    assert s9["jumlah_indikator_dipakai"] == 1
    assert [d["kode"] for d in s9["dikecualikan"]] == ["IS-BELUM"]
    assert data["jumlah_sasaran_dipakai"] == 1
    assert data["jumlah_indikator_dipakai"] == 1
    assert [d["kode"] for d in data["dikecualikan"]] == ["IS-BELUM"]
    assert data["sasaran_dikecualikan"] == [
        {"kode": "S-KOSONG", "alasan": PESAN_SASARAN_TANPA_INDIKATOR}
    ]

    rencana = {i["kode"]: i for i in data["program_kegiatan"]["indikator"]}
    assert [i["tingkat"] for i in data["program_kegiatan"]["indikator"]] == [
        "program",
        "kegiatan",
        "sub_kegiatan",
        "sub_kegiatan",
    ]
    ip = rencana["IP"]
    assert (ip["kode_objek"], ip["sumber_target"], ip["tahun_target"]) == ("P9", "pk_murni", 2023)
    assert ip["capaian_bulat"] == ip["capaian_ukur_bulat"] == "150.00"  # 60 / 40 (PK)
    assert ip["capaian_renja_bulat"] == "120.00"  # 60 / 50 (Renja)
    assert any("dihitung 100%" in c for c in ip["catatan_renja"])
    ik = rencana["IK"]
    assert D(ik["realisasi"]) == D("6") and ik["capaian_renja_bulat"] == "75.00"  # (2+4) / 8
    assert rencana["ISUB"]["status"] == STATUS_BELUM_ADA_TARGET
    assert D(rencana["ISUB"]["realisasi"]) == D("5")
    assert rencana["ISUB-KOSONG"]["status"] == STATUS_BELUM_ADA_DATA
    assert data["program_kegiatan"]["jumlah_indikator_dipakai"] == 2


def test_hanya_iku_keeps_only_iku_rows(paser):
    p = pengukuran_kinerja(pd=paser, tahun=2023, hanya_iku=True, semua_tingkat=True)
    assert p.rencana is not None and p.indikator_rencana() == ()
    semua = pengukuran_kinerja(pd=paser, tahun=2023, semua_tingkat=True)
    assert len(semua.indikator_rencana()) == N_RENCANA
    assert pengukuran_kinerja(pd=paser, tahun=2023).indikator_rencana() == ()


# --- Query counts: constant in plan size --------------------------------------------------------

# pengukuran_kinerja(semua_tingkat=True): its 8 queries (Renstra period; scale; sasaran;
# indicators JOIN tujuan; targets; signed PK rows; quarterly targets; realisations) and the 14
# of evaluasi_renja (tests/kinerja/test_selectors.py).
Q_SEMUA_TINGKAT = 8 + 14
Q_JSON_MAKS = 60
"""pengukuran_json adds rekap_anggaran and validasi_pd (whose rules grow); the bound holds
whatever the plan size, and the two plans below cost exactly the same."""


@pytest.fixture
def paser_x1(paser):
    """A copy of the Paser plan (same data kinds as `paser_x5`: no PK, officials, units)."""
    return perbesar_rencana(paser, kali=1)


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_query_count_every_level(paser, paser_x5, besar, django_assert_num_queries):
    pd = paser_x5 if besar else paser
    with django_assert_num_queries(Q_SEMUA_TINGKAT):
        p = pengukuran_kinerja(pd=pd, tahun=2023, semua_tingkat=True)
    assert len(p.indikator_rencana()) == N_RENCANA * (5 if besar else 1)


def test_query_count_pengukuran_json(paser, paser_x1, paser_x5, django_assert_max_num_queries):
    with django_assert_max_num_queries(Q_JSON_MAKS):
        asli = pengukuran_json(pd=paser, tahun=2023)
    with django_assert_max_num_queries(Q_JSON_MAKS) as kecil:
        satu = pengukuran_json(pd=paser_x1, tahun=2023)
    with django_assert_max_num_queries(Q_JSON_MAKS) as besar:
        lima = pengukuran_json(pd=paser_x5, tahun=2023)
    assert len(kecil.captured_queries) == len(besar.captured_queries)
    assert len(asli["program_kegiatan"]["indikator"]) == N_RENCANA
    assert len(satu["program_kegiatan"]["indikator"]) == N_RENCANA
    assert len(lima["program_kegiatan"]["indikator"]) == 5 * N_RENCANA


def test_query_count_api_pengukuran(
    client, paser_x1, paser_x5, superuser, django_assert_max_num_queries
):
    client.force_login(superuser)
    jumlah = []
    for pd, n in ((paser_x1, N_RENCANA), (paser_x5, 5 * N_RENCANA)):
        url = reverse("api:pengukuran", args=[pd.slug, 2023])
        with django_assert_max_num_queries(Q_JSON_MAKS + 5) as ctx:
            r = client.get(url)
        assert r.status_code == 200
        assert len(r.json()["program_kegiatan"]["indikator"]) == n
        jumlah.append(len(ctx.captured_queries))
    assert jumlah[0] == jumlah[1]
