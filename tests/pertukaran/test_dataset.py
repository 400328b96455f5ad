"""pertukaran/impor.py and `manage.py muat_dataset`: validation, upsert, audit, dry run.

The session conftest has already loaded the four demo files, so a load here is a second load.
"""

import copy
import datetime
import json
from collections import Counter
from decimal import Decimal
from functools import cache
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from anggaran.models import Pagu, RealisasiAnggaran
from common.models import AuditLog
from kinerja.models import (
    PerjanjianKinerja,
    PKAnggaran,
    PKIndikator,
    Realisasi,
    RencanaAksi,
    StatusPK,
    StatusRealisasi,
)
from pertukaran.impor import (
    AKSI_BUAT,
    AKSI_HAPUS,
    AKSI_MUAT,
    AKSI_UBAH,
    LABEL,
    PESAN_BERKAS_TIDAK_ADA,
    PESAN_CATATAN_PK_DITANDATANGANI,
    PESAN_CATATAN_RENSTRA,
    PESAN_DESIMAL,
    PESAN_FLOAT,
    PESAN_FORMAT,
    PESAN_INDIKATOR_TIDAK_ADA,
    PESAN_JSON_TIDAK_SAH,
    PESAN_KODE_GANDA,
    PESAN_MISI_TIDAK_ADA,
    PESAN_NIP,
    PESAN_PEJABAT_TIDAK_ADA,
    PESAN_PILIHAN,
    PESAN_UNIT_TIDAK_ADA,
    PESAN_WAJIB,
    DatasetTidakValid,
    Masalah,
    muat,
    muat_berkas,
    validasi,
)
from pertukaran.management.commands.muat_dataset import PESAN_GAGAL
from renstra.models import (
    PESAN_KODE_KEGIATAN,
    PESAN_KODE_SUB_KEGIATAN,
    Indikator,
    Kegiatan,
    Pejabat,
    PemerintahDaerah,
    PerangkatDaerah,
    PeriodeRenstra,
    Program,
    Sasaran,
    SubKegiatan,
    Target,
    TargetTriwulan,
    UnitKerja,
)

# The files tests/conftest.py loads once per session.
DEMO_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "demo"
DEMO_FILES = sorted(DEMO_DIR.glob("*.json"))
PASER = DEMO_DIR / "kesbangpol-paser.json"
BALANGAN = DEMO_DIR / "kesbangpol-balangan.json"
KALTENG = DEMO_DIR / "kesbangpol-kalteng.json"


@cache
def _teks_berkas(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def baca(path: Path) -> dict:
    """A fresh copy of a demo file's data (tests mutate it)."""
    return json.loads(_teks_berkas(path))


def tulis(tmp_path: Path, data: dict, nama: str = "dataset.json") -> Path:
    path = tmp_path / nama
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def jumlah_baris() -> dict[str, int]:
    """Row count of every model the loader writes, and of the audit log."""
    hasil = {label: model.objects.count() for model, label in LABEL.items()}
    hasil["audit"] = AuditLog.objects.count()
    return hasil


def indikator_berkas(data: dict) -> list[dict]:
    hasil = []
    for kelompok in ("tujuan", "sasaran"):
        for obj in data[kelompok]:
            hasil += obj.get("indikator", [])
    for program in data["program"]:
        hasil += program.get("indikator", [])
        for kegiatan in program.get("kegiatan", []):
            hasil += kegiatan.get("indikator", [])
            for sub in kegiatan.get("sub_kegiatan", []):
                hasil += sub.get("indikator", [])
    return hasil


# --- The demo files -------------------------------------------------------------------------


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.stem)
def test_demo_file_is_valid(path):
    assert validasi(baca(path)) == []


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.stem)
def test_second_load_of_demo_file_changes_nothing(db, path):
    sebelum = jumlah_baris()
    hasil = muat_berkas(path)
    assert +hasil.dibuat == Counter()
    assert +hasil.diperbarui == Counter()
    assert +hasil.dihapus == Counter()
    assert hasil.tidak_berubah["indikator"] == len(indikator_berkas(baca(path)))
    # Only the summary entry is new.
    sesudah = jumlah_baris()
    assert sesudah == {**sebelum, "audit": sebelum["audit"] + 1}
    assert AuditLog.objects.latest("id").aksi == AKSI_MUAT


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.stem)
def test_counts_per_pd_match_the_file(db, path):
    data = baca(path)
    pd = PerangkatDaerah.objects.get(slug=data["perangkat_daerah"]["slug"])
    kegiatan = [k for p in data["program"] for k in p.get("kegiatan", [])]
    sub = [s for k in kegiatan for s in k.get("sub_kegiatan", [])]
    harapan = {
        "sasaran": len(data["sasaran"]),
        "indikator": len(indikator_berkas(data)),
        "program": len(data["program"]),
        "kegiatan": len(kegiatan),
        "sub-kegiatan": len(sub),
        "pejabat": len(data["pejabat"]),
    }
    di_db = {
        "sasaran": Sasaran.objects.filter(renstra__perangkat_daerah=pd).count(),
        "indikator": Indikator.objects.filter(perangkat_daerah=pd).count(),
        "program": Program.objects.filter(renstra__perangkat_daerah=pd).count(),
        "kegiatan": Kegiatan.objects.filter(program__renstra__perangkat_daerah=pd).count(),
        "sub-kegiatan": SubKegiatan.objects.filter(
            kegiatan__program__renstra__perangkat_daerah=pd
        ).count(),
        "pejabat": Pejabat.objects.filter(perangkat_daerah=pd).count(),
    }
    assert di_db == harapan


def test_second_load_reads_and_writes_in_bulk(db, django_assert_max_num_queries):
    # Paser: 65 indicators, 155 targets, 222 realisations, 13 PK; a row-by-row loader would
    # need over a thousand queries. Here: one SELECT per model (25, the program-sasaran
    # links included), the content-type lookup, the summary audit INSERT and the savepoint
    # pair; the margin is for the content-type cache being cold. The printed values
    # (pertukaran.tercetak) add 6: PKs, PK indicator and budget rows, belanja and evaluasi
    # read back to find the objects that printed, and the stored printed values. The LKjIP
    # fact sections (`narasi`) and the report's signature (`laporan`) add one SELECT each, and
    # so does the agency's stated budget total (`anggaran_pd`).
    with django_assert_max_num_queries(41):
        muat_berkas(PASER)


# Seed 002 (LKjIP 2023 Kesbangpol Kabupaten Paser), Table 7 "Pengukuran IKU Badan Kesbangpol
# Kab. Paser Tahun 2023": per sasaran, the printed target and realisasi and their numbers.
TABEL_7 = [
    ("S1", "73 %", "65.22", "73", "65.22"),
    ("S2", "100%", "100 %", "100", "100"),
    ("S3", "80%", "100", "80", "100"),
    ("S4", "80%", "100", "80", "100"),
    ("S5", "80%", "80 %", "80", "80"),
    ("S6", "100%", "100 %", "100", "100"),
]


def test_paser_2023_iku_match_table_7(paser):
    data = baca(PASER)
    renstra = PeriodeRenstra.objects.get(perangkat_daerah=paser)
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2022, 2026)
    assert list(Sasaran.objects.filter(renstra=renstra).values_list("kode", flat=True)) == [
        baris[0] for baris in TABEL_7
    ]
    tercetak = {s["kode"]: s["indikator"][0]["tercetak"]["2023"] for s in data["sasaran"]}
    for kode, target_cetak, realisasi_cetak, target, realisasi in TABEL_7:
        # The dataset carries the printed strings of Table 7 …
        assert (tercetak[kode]["target"], tercetak[kode]["realisasi"]) == (
            target_cetak,
            realisasi_cetak,
        )
        # … and the database holds their numbers.
        iku = Indikator.objects.get(sasaran__renstra=renstra, sasaran__kode=kode, iku=True)
        targets = {t.jenis: t.nilai for t in Target.objects.filter(indikator=iku, tahun=2023)}
        assert targets.get("pk_murni", targets.get("renja")) == Decimal(target)
        nilai = Realisasi.objects.get(indikator=iku, tahun=2023, triwulan=0).nilai
        assert nilai == Decimal(realisasi)


def test_paser_sakip_iku_keeps_letters_and_numbers(paser):
    iku = Indikator.objects.get(perangkat_daerah=paser, kode="S1.I1")
    assert (iku.kondisi_awal, iku.kondisi_akhir) == ("CC", "A")
    renstra_2024 = Target.objects.get(indikator=iku, tahun=2024, jenis="renstra")
    assert (renstra_2024.nilai, renstra_2024.predikat) == (None, "BB")
    realisasi = Realisasi.objects.get(indikator=iku, tahun=2023, triwulan=0)
    assert realisasi.status == StatusRealisasi.DISETUJUI
    assert realisasi.faktor_pendorong.startswith("makin meningkatnya kapasitas")


def test_paser_perjanjian_kinerja(paser):
    pks = PerjanjianKinerja.objects.filter(perangkat_daerah=paser)
    assert pks.count() == 13
    # The report prints place, date and both signatories: signed outside the application.
    assert set(pks.values_list("status", flat=True)) == {StatusPK.DITANDATANGANI}
    assert len(set(pks.values_list("sidik_jari", flat=True)) - {""}) == 13
    assert set(pks.values_list("tanggal", "tanggal_hanya_bulan")) == {
        (datetime.date(2024, 1, 1), True)
    }
    # The JF official Hardiansyah signs two PKs (Ketahanan and Ideologi).
    hardiansyah = Pejabat.objects.get(nip="198601032010011015")
    assert pks.filter(pihak_pertama=hardiansyah).count() == 2
    kepala = pks.get(pihak_pertama__nip="197106071997031007")
    assert kepala.pihak_kedua is None  # the Bupati is no pejabat of the PD
    assert (kepala.pihak_kedua_nama, kepala.total_tercetak) == (
        "dr. FAHMI FADLI",
        Decimal("45267771529"),
    )
    baris = PKIndikator.objects.get(perjanjian=kepala, urutan=0)
    assert (baris.indikator.kode, baris.predikat, baris.nilai) == ("S1.I1", "BB", None)
    assert PKAnggaran.objects.get(perjanjian=kepala, urutan=0).program.kode == "8.01.01"
    sekretaris = pks.get(pihak_pertama__nip="196812241990022001")
    assert sekretaris.pihak_kedua == kepala.pihak_pertama


def test_balangan_stores_the_kepmendagri_code(balangan):
    program = Program.objects.get(renstra__perangkat_daerah=balangan, kode="8.01.01")
    kode_sub = list(
        SubKegiatan.objects.filter(kegiatan__program=program)
        .order_by("kegiatan__urutan", "urutan")
        .values_list("kode", flat=True)[:2]
    )
    # A sub-kegiatan without a Kepmendagri code keeps its local code.
    assert kode_sub == ["8.01.01.2.01.01", "P1.K1.S2"]
    sekretaris = PerjanjianKinerja.objects.get(
        perangkat_daerah=balangan, pihak_pertama_jabatan="Sekretaris"
    )
    assert sekretaris.pihak_pertama.nip is None
    assert sekretaris.pihak_pertama.jabatan == "Sekretaris"


def test_kalteng_gets_a_renstra_period_from_its_years(db):
    hasil = muat_berkas(KALTENG)
    renstra = PeriodeRenstra.objects.get(perangkat_daerah__slug="kesbangpol-kalteng")
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2023, 2024)
    catatan = PESAN_CATATAN_RENSTRA.format(awal=2023, akhir=2024, sumber="tahun-tahun dalam berkas")
    assert catatan in hasil.catatan
    assert catatan in hasil.ringkasan()
    # The TW II realisation carries the analysis text: there is no yearly value.
    tw2 = Realisasi.objects.get(
        indikator__perangkat_daerah=renstra.perangkat_daerah, indikator__kode="S1.I1", tahun=2023
    )
    assert (tw2.triwulan, tw2.nilai) == (2, Decimal("79.30"))
    assert tw2.faktor_pendorong.startswith("Salah satu pelaksanaan kegiatan")


# --- Broken files ---------------------------------------------------------------------------


def _unit_hantu(d):
    d["program"][1]["unit"] = "bidang-hantu"


def _float(d):
    d["sasaran"][0]["indikator"][0]["realisasi"]["2023"]["tahunan"] = 65.22


def _kode_sub_kegiatan(d):
    d["program"][1]["kegiatan"][0]["sub_kegiatan"][0]["kode"] = "8.01.03.2.01.02"


def _tanpa_uraian(d):
    del d["sasaran"][2]["uraian"]


def _tanpa_nama_pemda(d):
    del d["pemda"]["nama"]


def _format_salah(d):
    d["format"] = "sakip-dataset/2"


def _nip_pendek(d):
    d["pejabat"][2]["nip"] = "19690111199308200"


def _polaritas(d):
    d["sasaran"][0]["indikator"][0]["polaritas"] = "naik"


def _pihak_pertama(d):
    d["perjanjian_kinerja"][0]["pihak_pertama"] = "199901012020011001"


def _indikator_pk(d):
    d["perjanjian_kinerja"][0]["indikator"][0]["indikator"] = "S9.I9"


def _ribuan(d):
    d["anggaran_belanja"][0]["pagu"] = "5.515.255.369"


def _misi(d):
    d["tujuan"][0]["misi"] = 7


def _kode_ganda(d):
    d["tujuan"][1]["kode"] = "T1"


RUSAK = [
    (
        _unit_hantu,
        "$.program[1].unit",
        PESAN_UNIT_TIDAK_ADA.format(kode='"bidang-hantu"'),
    ),
    (
        _float,
        '$.sasaran[0].indikator[0].realisasi["2023"].tahunan',
        PESAN_FLOAT.format(nilai="65.22"),
    ),
    (
        _kode_sub_kegiatan,
        "$.program[1].kegiatan[0].sub_kegiatan[0].kode",
        PESAN_KODE_SUB_KEGIATAN.format(anak="8.01.03.2.01.02", induk="8.01.02.2.01"),
    ),
    (_tanpa_uraian, "$.sasaran[2].uraian", PESAN_WAJIB),
    (_tanpa_nama_pemda, "$.pemda.nama", PESAN_WAJIB),
    (_format_salah, "$.format", PESAN_FORMAT.format(nilai='"sakip-dataset/2"')),
    (_nip_pendek, "$.pejabat[2].nip", PESAN_NIP.format(nip='"19690111199308200"')),
    (
        _polaritas,
        "$.sasaran[0].indikator[0].polaritas",
        PESAN_PILIHAN.format(nilai='"naik"', pilihan="positif, negatif"),
    ),
    (
        _pihak_pertama,
        "$.perjanjian_kinerja[0].pihak_pertama",
        PESAN_PEJABAT_TIDAK_ADA.format(kode='"199901012020011001"'),
    ),
    (
        _indikator_pk,
        "$.perjanjian_kinerja[0].indikator[0].indikator",
        PESAN_INDIKATOR_TIDAK_ADA.format(kode='"S9.I9"'),
    ),
    (_ribuan, "$.anggaran_belanja[0].pagu", PESAN_DESIMAL.format(nilai='"5.515.255.369"')),
    (_misi, "$.tujuan[0].misi", PESAN_MISI_TIDAK_ADA.format(nomor=7)),
    (
        _kode_ganda,
        "$.tujuan[1].kode",
        PESAN_KODE_GANDA.format(kode='"T1"', lain="$.tujuan[0].kode"),
    ),
]


@pytest.mark.parametrize(
    ("rusakkan", "path", "pesan"), RUSAK, ids=[r[0].__name__.strip("_") for r in RUSAK]
)
def test_broken_file_gives_its_message_and_writes_nothing(db, tmp_path, rusakkan, path, pesan):
    data = baca(PASER)
    rusakkan(data)
    sebelum = jumlah_baris()
    with pytest.raises(DatasetTidakValid) as info:
        muat_berkas(tulis(tmp_path, data))
    assert Masalah(path, pesan) in info.value.masalah
    assert f"{path}: {pesan}" in str(info.value)
    assert jumlah_baris() == sebelum


def test_float_message_shows_the_expected_notation():
    data = baca(PASER)
    _float(data)
    [masalah] = validasi(data)
    assert 'harus berupa teks angka, mis. "65.22", bukan bilangan pecahan JSON' in masalah.pesan


@pytest.mark.parametrize(
    "rusakkan", [_unit_hantu, _float, _kode_sub_kegiatan, _tanpa_uraian, _polaritas]
)
def test_single_fault_gives_a_single_problem(rusakkan):
    data = baca(PASER)
    rusakkan(data)
    assert len(validasi(data)) == 1


def test_kegiatan_code_checked_with_kode_kepmendagri(db):
    data = baca(BALANGAN)
    # P1 is "P1" locally and 8.01.01 by Kepmendagri; its kegiatan P1.K3 is 8.01.01.2.05 and
    # its sub-kegiatan have local codes only (not checked).
    kegiatan = data["program"][0]["kegiatan"][2]
    assert (kegiatan["kode"], kegiatan["kode_kepmendagri"]) == ("P1.K3", "8.01.01.2.05")
    kegiatan["kode_kepmendagri"] = "8.01.02.2.05"
    assert validasi(data) == [
        Masalah(
            "$.program[0].kegiatan[2].kode_kepmendagri",
            PESAN_KODE_KEGIATAN.format(anak="8.01.02.2.05", induk="8.01.01"),
        )
    ]


def test_validasi_reports_every_problem_in_file_order():
    data = baca(PASER)
    _tanpa_nama_pemda(data)
    _float(data)
    _unit_hantu(data)
    _indikator_pk(data)
    assert [m.path for m in validasi(data)] == [
        "$.pemda.nama",
        '$.sasaran[0].indikator[0].realisasi["2023"].tahunan',
        "$.program[1].unit",
        "$.perjanjian_kinerja[0].indikator[0].indikator",
    ]


def test_unknown_keys_are_ignored():
    data = baca(KALTENG)
    data["kunci_baru"] = {"apa": 1.5}
    data["sasaran"][0]["indikator"][0]["realisasi"]["2023"]["bukti"] = [1.5, None]
    data["program"][0]["warna"] = "merah"
    assert validasi(data) == []


def test_invalid_json_says_where(db, tmp_path):
    path = tmp_path / "rusak.json"
    path.write_text('{\n  "format": "sakip-dataset/1",\n  "pemda": {"nama": "X",}\n}\n')
    sebelum = jumlah_baris()
    with pytest.raises(DatasetTidakValid) as info:
        muat_berkas(path)
    [masalah] = info.value.masalah
    assert masalah.path == "$"
    assert masalah.pesan == PESAN_JSON_TIDAK_SAH.format(
        baris=3, kolom=25, galat="nama kunci dalam tanda petik ganda diharapkan"
    )
    assert jumlah_baris() == sebelum


def test_missing_file(db, tmp_path):
    with pytest.raises(DatasetTidakValid) as info:
        muat_berkas(tmp_path / "tidak-ada.json")
    assert info.value.masalah == [
        Masalah("$", PESAN_BERKAS_TIDAK_ADA.format(path=tmp_path / "tidak-ada.json"))
    ]


def test_file_that_is_not_an_object(db, tmp_path):
    path = tmp_path / "daftar.json"
    path.write_text("[1, 2]")
    with pytest.raises(DatasetTidakValid) as info:
        muat_berkas(path)
    assert [m.path for m in info.value.masalah] == ["$"]


# --- Updates, dry run, command --------------------------------------------------------------


def test_changed_target_is_one_update_with_its_audit_entry(paser):
    data = baca(PASER)
    assert data["sasaran"][1]["indikator"][0]["target"]["renja"]["2023"] == "100"
    data["sasaran"][1]["indikator"][0]["target"]["renja"]["2023"] = "95.5"
    hasil = muat(data)
    assert +hasil.dibuat == Counter()
    assert +hasil.diperbarui == Counter({"target": 1})
    target = Target.objects.get(
        indikator__perangkat_daerah=paser, indikator__kode="S2.I1", tahun=2023, jenis="renja"
    )
    assert target.nilai == Decimal("95.5")
    entri = AuditLog.objects.get(aksi=AKSI_UBAH, object_id=str(target.pk))
    assert entri.perubahan == {"nilai": ["100", "95.5"]}
    assert entri.perangkat_daerah == paser
    assert AuditLog.objects.filter(aksi=AKSI_MUAT, perangkat_daerah=paser).exists()


def test_dry_run_counts_but_writes_nothing(db):
    data = baca(KALTENG)
    data["perangkat_daerah"]["slug"] = "kesbangpol-uji"
    data["pemda"]["nama"] = "Provinsi Uji"
    sebelum = jumlah_baris()
    hasil = muat(data, dry_run=True)
    assert hasil.dry_run
    assert hasil.dibuat["indikator"] == 5
    assert hasil.dibuat["perangkat daerah"] == 1
    assert "Uji coba (--dry-run)" in hasil.ringkasan()
    assert jumlah_baris() == sebelum
    assert not PerangkatDaerah.objects.filter(slug="kesbangpol-uji").exists()


def test_command_dry_run_writes_nothing(paser, tmp_path):
    data = baca(PASER)
    data["sasaran"][1]["indikator"][0]["target"]["renja"]["2023"] = "95"
    sebelum = jumlah_baris()
    keluaran = StringIO()
    call_command("muat_dataset", str(tulis(tmp_path, data)), "--dry-run", stdout=keluaran)
    assert "Uji coba (--dry-run)" in keluaran.getvalue()
    assert "diperbarui 1" in keluaran.getvalue()
    assert jumlah_baris() == sebelum
    target = Target.objects.get(
        indikator__perangkat_daerah=paser, indikator__kode="S2.I1", tahun=2023, jenis="renja"
    )
    assert target.nilai == Decimal("100")


def test_command_prints_the_summary(db):
    keluaran = StringIO()
    call_command("muat_dataset", str(KALTENG), str(PASER), stdout=keluaran)
    teks = keluaran.getvalue()
    assert "Perangkat daerah: Badan Kesatuan Bangsa dan Politik Kabupaten Paser" in teks
    assert "sasaran" in teks and "tidak berubah 6" in teks
    assert "Jumlah: dibuat 0, diperbarui 0" in teks


def test_command_fails_on_a_bad_file_and_writes_nothing(db, tmp_path):
    baik = baca(PASER)
    baik["sasaran"][1]["indikator"][0]["target"]["renja"]["2023"] = "95"
    rusak = baca(KALTENG)
    rusak["program"][0]["unit"] = "bidang-hantu"
    rusak["sasaran"][0]["indikator"][0]["target"]["renja"]["2023"] = 78.5
    sebelum = jumlah_baris()
    galat = StringIO()
    with pytest.raises(CommandError) as info:
        call_command(
            "muat_dataset",
            str(tulis(tmp_path, baik, "baik.json")),
            str(tulis(tmp_path, rusak, "rusak.json")),
            stderr=galat,
        )
    assert str(info.value) == PESAN_GAGAL.format(jumlah=2, berkas=1)
    baris = galat.getvalue().splitlines()
    assert "$.program[0].unit: " + PESAN_UNIT_TIDAK_ADA.format(kode='"bidang-hantu"') in baris
    assert (
        '$.sasaran[0].indikator[0].target.renja["2023"]: ' + PESAN_FLOAT.format(nilai="78.5")
        in baris
    )
    # The good file is not loaded either.
    assert jumlah_baris() == sebelum


def test_command_reports_invalid_json(db, tmp_path):
    path = tmp_path / "rusak.json"
    path.write_text('{"format": ')
    galat = StringIO()
    with pytest.raises(CommandError):
        call_command("muat_dataset", str(path), stderr=galat)
    assert "$: Berkas bukan JSON yang sah" in galat.getvalue()


# --- Mapping of a small hand-written dataset ------------------------------------------------


def indikator_kecil() -> dict:
    return {
        "kode": "S1.I1",
        "uraian": "Indeks uji",
        "satuan": "nilai",
        "iku": True,
        "jenis_nilai": "angka",
        "polaritas": "positif",
        "cara_agregasi": "posisi_akhir",
        "pembilang": "Jumlah A",
        "penyebut": "Jumlah B",
        "penanggung_jawab": "bidang-a",
        "kondisi_awal": "CC",
        "kondisi_akhir": 80,
        "target": {
            "renstra": {"2024": {"bawah": "80", "atas": "90"}},
            "renja": {"2024": "85"},
            "pk_murni": {"2024": "BB"},
            "pk_perubahan": {"2024": None},
            "triwulan": {"2024": ["25", None, "75", "100"]},
        },
        "rencana_aksi": {
            "2024": {"triwulan": [True, False, True], "uraian": "Rapat", "target": "85"}
        },
        "realisasi": {
            "2024": {
                "tahunan": "82.5",
                "triwulan": ["20", None, "70"],
                "pembilang": "33",
                "penyebut": "40",
                "faktor_pendorong": "Dukungan",
                "faktor_penghambat": None,
                "tindak_lanjut": "Lanjut",
            },
            "2023": {"tahunan": None, "triwulan": ["WTP", "60"], "faktor_penghambat": "Hambatan"},
        },
        "tercetak": {"2024": {"target": "85 %"}},
    }


def dataset_kecil() -> dict:
    return {
        "format": "sakip-dataset/1",
        "pemda": {
            "nama": "Kabupaten Uji",
            "jenis": "kabupaten",
            "kepala_daerah": {"nama": "Bupati Uji", "jabatan": "Bupati Kabupaten Uji"},
        },
        "perangkat_daerah": {"slug": "uji-dataset", "nama": "Badan Uji", "singkatan": None},
        "unit_kerja": [
            {"kode": "badan", "nama": "Badan", "induk": None},
            {"kode": "bidang-a", "nama": "Bidang A", "induk": "badan"},
        ],
        "pejabat": [
            {
                "nip": "197001012000011001",
                "nama": "KEPALA",
                "jabatan": "Kepala Badan",
                "eselon": "II",
                "unit": None,
                "plt": True,
            },
            {
                "nip": None,
                "nama": None,
                "jabatan": "Kepala Bidang A",
                "eselon": None,
                "unit": "bidang-a",
                "plt": "Plh.",
            },
        ],
        "rpjmd": None,
        "renstra": None,
        "tujuan": [],
        "sasaran": [
            {
                "kode": "S1",
                "tujuan": None,
                "uraian": "Sasaran uji",
                "indikator": [indikator_kecil()],
            }
        ],
        "program": [
            {
                "kode": "P1",
                "kode_kepmendagri": "8.01.02",
                "nama": "Program uji",
                "sasaran": ["S1"],
                "unit": "bidang-a",
                "indikator": [],
                "pagu": {"2024": {"murni": "100", "perubahan": "120.50"}},
                "realisasi_anggaran": {"2024": ["10", None, "30"]},
                "realisasi_anggaran_tahunan": {"2024": "90"},
                "kegiatan": [
                    {
                        "kode": "P1.K1",
                        "kode_kepmendagri": "8.1.2.2.1",
                        "nama": "Kegiatan uji",
                        "unit": "bidang-a",
                        "indikator": [],
                        "sub_kegiatan": [
                            {
                                "kode": "8.01.02.02.01.0002",
                                "nama": "Sub uji",
                                "unit": "bidang-a",
                                "indikator": [],
                            }
                        ],
                    }
                ],
            }
        ],
        "perjanjian_kinerja": [
            {
                "tahun": 2024,
                "versi": "murni",
                "pihak_pertama": "197001012000011001",
                # No printed name of pihak kedua: a draft, not a PK signed outside the app.
                "pihak_kedua": {"nama": None, "jabatan": "Bupati", "nip": None},
                "tempat": "Kota Uji",
                "tanggal": "2024-01-05",
                "indikator": [
                    {
                        "sasaran": "Sasaran uji",
                        "indikator": "S1.I1",
                        "uraian": "Indeks uji",
                        "target": "BB",
                        "target_sebelum": "70",
                    },
                    {
                        "sasaran": "Lain",
                        "indikator": None,
                        "uraian": "Tanpa pasangan",
                        "target": "3",
                        "target_sebelum": None,
                    },
                ],
                "anggaran": [
                    {
                        "tingkat": "program",
                        "kode": "8.01.02",
                        "nama": "Program uji",
                        "jumlah": "120.50",
                    },
                    {
                        "tingkat": "sub_kegiatan",
                        "kode": "8.01.02.2.01.02",
                        "nama": "Sub uji",
                        "jumlah": "50",
                    },
                ],
                "total_tercetak": "120.50",
            },
            {
                "tahun": 2024,
                "versi": "murni",
                "pihak_pertama": None,
                "pihak_pertama_jabatan": "Kepala Bidang A",
                "pihak_kedua": {
                    "nama": "KEPALA",
                    "jabatan": "Kepala Badan",
                    "nip": "197001012000011001",
                },
                "tanggal": "2024-01",
                "indikator": [],
                "anggaran": [],
            },
        ],
        "anggaran_belanja": [
            {
                "tahun": 2024,
                "kelompok": "Belanja Langsung",
                "jenis": None,
                "pagu": "10",
                "realisasi": "9",
            }
        ],
        "evaluasi_sakip": [{"tahun_dinilai": 2023, "nilai": "70.10", "predikat": "BB"}],
    }


@pytest.fixture
def uji(db):
    hasil = muat(dataset_kecil())
    return hasil, PerangkatDaerah.objects.get(slug="uji-dataset")


def test_small_dataset_is_valid():
    assert validasi(dataset_kecil()) == []


def test_small_dataset_plan(uji):
    hasil, pd = uji
    assert (pd.singkatan, pd.pemda.kepala_daerah_nama) == ("", "Bupati Uji")
    assert UnitKerja.objects.get(perangkat_daerah=pd, kode="bidang-a").induk.kode == "badan"
    kepala = Pejabat.objects.get(nip="197001012000011001")
    kabid = Pejabat.objects.get(perangkat_daerah=pd, nip__isnull=True)
    assert (kepala.status_jabatan, kepala.eselon) == ("Plt.", "II")
    assert (kabid.status_jabatan, kabid.eselon, kabid.nama) == ("Plh.", "", "")
    renstra = PeriodeRenstra.objects.get(perangkat_daerah=pd)
    assert (renstra.tahun_awal, renstra.tahun_akhir) == (2023, 2024)
    assert hasil.catatan == [
        PESAN_CATATAN_RENSTRA.format(awal=2023, akhir=2024, sumber="tahun-tahun dalam berkas")
    ]
    program = Program.objects.get(renstra=renstra)
    assert program.kode == "8.01.02"
    assert list(program.sasaran.values_list("kode", flat=True)) == ["S1"]
    kegiatan = program.kegiatan.get()
    assert kegiatan.kode == "8.01.02.2.01"
    assert kegiatan.sub_kegiatan.get().kode == "8.01.02.2.01.02"
    ind = Indikator.objects.get(perangkat_daerah=pd)
    assert ind.tingkat == "sasaran"
    assert (ind.label_pembilang, ind.penanggung_jawab.kode) == ("Jumlah A", "bidang-a")
    assert (ind.kondisi_awal, ind.kondisi_akhir) == ("CC", "80")


def test_small_dataset_targets_and_realisations(uji):
    _, pd = uji
    ind = Indikator.objects.get(perangkat_daerah=pd)
    target = {t.jenis: t for t in Target.objects.filter(indikator=ind, tahun=2024)}
    assert set(target) == {"renstra", "renja", "pk_murni"}  # pk_perubahan null: no row
    assert target["renstra"].nilai_masukan() == {"bawah": Decimal(80), "atas": Decimal(90)}
    assert target["renja"].nilai_masukan() == Decimal("85")
    assert target["pk_murni"].nilai_masukan() == "BB"
    triwulan = TargetTriwulan.objects.filter(indikator=ind, tahun=2024)
    assert list(triwulan.values_list("triwulan", "nilai")) == [
        (1, Decimal(25)),
        (3, Decimal(75)),
        (4, Decimal(100)),
    ]
    ra = RencanaAksi.objects.get(indikator=ind, tahun=2024)
    assert (ra.triwulan, ra.uraian) == ([True, False, True, False], "Rapat")

    real = {(r.tahun, r.triwulan): r for r in Realisasi.objects.filter(indikator=ind)}
    assert set(real) == {(2024, 0), (2024, 1), (2024, 3), (2023, 1), (2023, 2)}
    tahunan = real[(2024, 0)]
    assert (tahunan.nilai, tahunan.pembilang, tahunan.penyebut) == (
        Decimal("82.5"),
        Decimal(33),
        Decimal(40),
    )
    assert (tahunan.faktor_pendorong, tahunan.tindak_lanjut) == ("Dukungan", "Lanjut")
    assert real[(2024, 1)].faktor_pendorong == ""
    # No yearly value in 2023: the text goes to the last quarter with a value.
    assert (real[(2023, 1)].predikat, real[(2023, 1)].nilai) == ("WTP", None)
    assert (real[(2023, 2)].nilai, real[(2023, 2)].faktor_penghambat) == (Decimal(60), "Hambatan")
    assert {r.status for r in real.values()} == {StatusRealisasi.DISETUJUI}


def test_small_dataset_budget_and_pk(uji):
    _, pd = uji
    program = Program.objects.get(renstra__perangkat_daerah=pd)
    pagu = Pagu.objects.get(program=program)
    assert (pagu.tahun, pagu.murni, pagu.perubahan) == (2024, Decimal(100), Decimal("120.5"))
    realisasi = RealisasiAnggaran.objects.filter(program=program).order_by("triwulan")
    assert list(realisasi.values_list("triwulan", "jumlah")) == [
        (0, Decimal(90)),
        (1, Decimal(10)),
        (3, Decimal(30)),
    ]
    kepala, kabid = PerjanjianKinerja.objects.filter(perangkat_daerah=pd).order_by("id")
    assert (kepala.tanggal, kepala.tanggal_hanya_bulan) == (datetime.date(2024, 1, 5), False)
    assert (kepala.status, kepala.sidik_jari) == (StatusPK.DRAFT, "")
    baris = list(kepala.indikator.order_by("urutan"))
    assert (baris[0].predikat, baris[0].target_sebelum, baris[0].satuan) == (
        "BB",
        Decimal(70),
        "nilai",
    )
    assert (baris[1].indikator, baris[1].nilai) == (None, Decimal(3))
    anggaran = list(kepala.anggaran.order_by("urutan"))
    assert anggaran[0].program == program
    assert anggaran[1].sub_kegiatan.kode == "8.01.02.2.01.02"
    assert kabid.pihak_pertama.jabatan == "Kepala Bidang A"
    assert kabid.pihak_kedua == kepala.pihak_pertama
    assert (kabid.tanggal, kabid.tanggal_hanya_bulan) == (datetime.date(2024, 1, 1), True)


def test_small_dataset_audit(uji):
    hasil, pd = uji
    dibuat = AuditLog.objects.filter(aksi=AKSI_BUAT, perangkat_daerah=pd)
    assert dibuat.count() == hasil.dibuat.total()
    entri = dibuat.get(content_type__model="target", objek__contains="Renja 2024")
    assert entri.perubahan["nilai"] == [None, "85"]
    ringkasan = AuditLog.objects.get(aksi=AKSI_MUAT, perangkat_daerah=pd)
    assert ringkasan.perubahan["dibuat"]["indikator"] == 1


def test_reload_of_small_dataset_changes_nothing(uji):
    hasil = muat(dataset_kecil())
    assert not hasil.ada_perubahan


def test_shared_pemda_data_is_not_erased(uji):
    data = dataset_kecil()
    data["pemda"]["kepala_daerah"] = None
    hasil = muat(data)
    assert PemerintahDaerah.objects.get(nama="Kabupaten Uji").kepala_daerah_nama == "Bupati Uji"
    assert not hasil.ada_perubahan


def test_null_value_empties_an_existing_row(uji):
    _, pd = uji
    data = dataset_kecil()
    data["sasaran"][0]["indikator"][0]["target"]["renja"]["2024"] = None
    hasil = muat(data)
    assert +hasil.diperbarui == Counter({"target": 1})
    target = Target.objects.get(indikator__perangkat_daerah=pd, tahun=2024, jenis="renja")
    assert target.kosong


def test_changed_realisation_bumps_its_version(uji):
    _, pd = uji
    data = dataset_kecil()
    data["sasaran"][0]["indikator"][0]["realisasi"]["2024"]["tahunan"] = "83"
    muat(data)
    real = Realisasi.objects.get(indikator__perangkat_daerah=pd, tahun=2024, triwulan=0)
    assert (real.nilai, real.versi) == (Decimal(83), 2)


def test_program_sasaran_change_is_an_update(uji):
    data = dataset_kecil()
    data["program"][0]["sasaran"] = []
    hasil = muat(data)
    assert +hasil.diperbarui == Counter({"program": 1})
    assert not Program.objects.get(renstra__perangkat_daerah=uji[1]).sasaran.exists()


def test_pk_row_no_longer_printed_is_deleted(uji):
    _, pd = uji
    data = dataset_kecil()
    del data["perjanjian_kinerja"][0]["indikator"][1]
    hasil = muat(data)
    assert +hasil.dihapus == Counter({"indikator PK": 1})
    assert PKIndikator.objects.filter(perjanjian__perangkat_daerah=pd).count() == 1
    assert AuditLog.objects.filter(aksi=AKSI_HAPUS, perangkat_daerah=pd).count() == 1


def test_signed_pk_is_never_changed(uji):
    _, pd = uji
    pk = PerjanjianKinerja.objects.filter(perangkat_daerah=pd).order_by("id").first()
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(
        status=StatusPK.DITANDATANGANI,
        sidik_jari="a" * 64,
        isi_kanonik="{}",
        ditandatangani_pihak_kedua_pada=timezone.now(),
    )
    data = dataset_kecil()
    data["perjanjian_kinerja"][0]["tempat"] = "Kota Lain"
    data["perjanjian_kinerja"][0]["indikator"][0]["target"] = "A"
    hasil = muat(data)
    pk.refresh_from_db()
    assert pk.tempat == "Kota Uji"
    assert pk.indikator.get(urutan=0).predikat == "BB"
    assert PESAN_CATATAN_PK_DITANDATANGANI.format(pk=pk) in hasil.catatan
    assert not hasil.ada_perubahan


def test_second_pk_of_the_same_official_matches_by_order(uji):
    _, pd = uji
    data = dataset_kecil()
    kedua = copy.deepcopy(data["perjanjian_kinerja"][0])
    kedua["total_tercetak"] = "7"
    data["perjanjian_kinerja"].append(kedua)
    assert muat(data).dibuat["perjanjian kinerja"] == 1
    data["perjanjian_kinerja"][2]["total_tercetak"] = "8"
    hasil = muat(data)
    assert +hasil.diperbarui == Counter({"perjanjian kinerja": 1})
    totals = PerjanjianKinerja.objects.filter(
        perangkat_daerah=pd, pihak_pertama__nip="197001012000011001"
    ).order_by("id")
    assert list(totals.values_list("total_tercetak", flat=True)) == [
        Decimal("120.5"),
        Decimal(8),
    ]


def test_official_known_by_position_keeps_the_record_when_a_nip_appears(uji):
    _, pd = uji
    kabid = Pejabat.objects.get(perangkat_daerah=pd, jabatan="Kepala Bidang A")
    data = dataset_kecil()
    data["pejabat"][1].update(nip="198001012005011002", nama="KABID")
    hasil = muat(data)
    assert +hasil.dibuat == Counter()
    assert +hasil.diperbarui == Counter({"pejabat": 1})
    kabid.refresh_from_db()
    assert (kabid.nip, kabid.nama) == ("198001012005011002", "KABID")
    assert PerjanjianKinerja.objects.filter(pihak_pertama=kabid).count() == 1


def test_zero_amount_is_recorded_in_the_creation_entry(db):
    data = dataset_kecil()
    data["program"][0]["realisasi_anggaran"]["2024"][0] = "0"
    muat(data)
    nol = RealisasiAnggaran.objects.get(
        program__renstra__perangkat_daerah__slug="uji-dataset", tahun=2024, triwulan=1
    )
    entri = AuditLog.objects.get(
        aksi=AKSI_BUAT, content_type__model="realisasianggaran", object_id=str(nol.pk)
    )
    assert entri.perubahan["jumlah"] == [None, "0"]


def test_reload_never_clears_a_draft_entered_in_the_app(paser):
    from decimal import Decimal

    from kinerja.models import Realisasi, StatusRealisasi
    from pertukaran.impor import muat_berkas
    from renstra.models import Indikator

    indikator = Indikator.objects.get(perangkat_daerah=paser, kode="S1.I1")
    draf = Realisasi.objects.create(
        indikator=indikator,
        tahun=2023,
        triwulan=2,
        nilai=Decimal("50"),
        status=StatusRealisasi.DRAFT,
    )
    hasil = muat_berkas(DEMO_DIR / "kesbangpol-paser.json")
    draf.refresh_from_db()
    assert draf.nilai == Decimal("50")
    assert draf.status == StatusRealisasi.DRAFT
    assert hasil.diperbarui["realisasi"] == 0


def test_reload_never_clears_a_budget_draft_entered_in_the_app(paser):
    from anggaran.models import RealisasiAnggaran
    from kinerja.models import StatusRealisasi
    from pertukaran.impor import baca_berkas, muat

    data = baca_berkas(DEMO_DIR / "kesbangpol-paser.json")
    for program in data["program"]:
        for kegiatan in program.get("kegiatan", []):
            for sub in kegiatan.get("sub_kegiatan", []):
                if sub["kode"] == "8.01.02.2.01.02":
                    sub["realisasi_anggaran"]["2023"][2] = None  # TW III left empty
    draf = RealisasiAnggaran.objects.get(
        sub_kegiatan__kode="8.01.02.2.01.02",
        sub_kegiatan__kegiatan__program__renstra__perangkat_daerah=paser,
        tahun=2023,
        triwulan=3,
    )
    draf.jumlah, draf.status = Decimal("1000"), StatusRealisasi.DRAFT
    draf.save()
    muat(data)
    draf.refresh_from_db()
    assert draf.jumlah == Decimal("1000")
    assert draf.status == StatusRealisasi.DRAFT
