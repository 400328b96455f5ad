"""The PD's staffing tables (`sdm`): model, loader, exporter and admin.

The session conftest has already loaded the four demo files, so a load here is a second load.
"""

import copy
import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError

from common.admin import AuditedAdmin
from common.models import AuditLog
from pertukaran.ekspor import ekspor_dataset
from pertukaran.impor import (
    AKSI_BUAT,
    AKSI_UBAH,
    PESAN_BUKAN_DAFTAR,
    PESAN_BUKAN_TEKS,
    PESAN_JUDUL_TABEL_GANDA,
    PESAN_PANJANG_BARIS,
    PESAN_SEL_TABEL,
    PESAN_WAJIB,
    DatasetTidakValid,
    Masalah,
    muat,
    validasi,
)
from renstra.models import (
    PESAN_SEL_TABEL as PESAN_SEL_MODEL,
)
from renstra.models import (
    JenisTabelSumberDaya,
    PerangkatDaerah,
    TabelSumberDaya,
)

DEMO_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "demo"
LABEL = "tabel sumber daya"
JUDUL_1 = "Tabel 1.1 SDM Badan Kesatuan Bangsa dan Politik berdasarkan Jumlah Pegawai"
JUDUL_2 = "Tabel 1.2 SDM Badan Kesatuan Bangsa dan Politik berdasarkan Jabatan dan Pendidikan"
JUDUL_3 = "Tabel 1.3 PNS Badan Kesatuan Bangsa dan Politik berdasarkan Jenis Kelamin"


@cache
def _teks_balangan() -> str:
    return (DEMO_DIR / "kesbangpol-balangan.json").read_text(encoding="utf-8")


def data_balangan() -> dict:
    return json.loads(_teks_balangan())


def tabel_balangan() -> list[TabelSumberDaya]:
    return list(
        TabelSumberDaya.objects.filter(perangkat_daerah__slug="kesbangpol-balangan").order_by(
            "urutan", "id"
        )
    )


# --- Loading --------------------------------------------------------------------------------


def test_balangan_tables_are_loaded_with_their_rows(balangan):
    tabel = tabel_balangan()
    assert [t.judul for t in tabel] == [JUDUL_1, JUDUL_2, JUDUL_3]
    assert [t.urutan for t in tabel] == [0, 1, 2]
    assert {t.jenis for t in tabel} == {JenisTabelSumberDaya.SDM}
    pegawai, pendidikan, kelamin = tabel
    assert pegawai.kolom == ["NO", "URAIAN JABATAN", "JUMLAH"]
    assert pegawai.baris[0] == ["1.", "Eselon II", "1"]
    assert pegawai.baris[-1] == ["", "JUMLAH", "47"]
    assert len(pegawai.baris) == 7
    assert pendidikan.kolom == [
        "NO",
        "PENDIDIKAN",
        "Es. II",
        "Es. III",
        "Es. IV",
        "JF",
        "STAF",
        "JUMLAH",
    ]
    assert pendidikan.baris[1] == ["2.", "S-2", "1", "1", "2", "", "1", "5"]
    assert len(pendidikan.baris) == 9
    assert kelamin.baris == [
        ["1.", "Laki-Laki", "12"],
        ["2.", "Perempuan", "6"],
        ["JUMLAH", "", "18"],
    ]
    for t in tabel:
        t.full_clean()


def test_second_load_changes_nothing(balangan):
    hasil = muat(data_balangan())
    assert hasil.tidak_berubah[LABEL] == 3
    assert hasil.dibuat[LABEL] == 0 and hasil.diperbarui[LABEL] == 0
    assert not hasil.ada_perubahan


def test_bad_row_length_gives_its_message_and_writes_nothing(db):
    data = data_balangan()
    data["perangkat_daerah"]["slug"] = "pd-uji-sdm"
    data["sdm"][1]["baris"][3] = ["4.", "SM / D-3", "-"]
    masalah = validasi(data)
    assert masalah == [
        Masalah("$.sdm[1].baris[3]", PESAN_PANJANG_BARIS.format(jumlah=3, kolom=8)),
    ]
    audit_sebelum = AuditLog.objects.count()
    with pytest.raises(DatasetTidakValid) as galat:
        muat(data)
    assert galat.value.masalah == masalah
    assert "$.sdm[1].baris[3]: Baris berisi 3 sel, padahal tabel memiliki 8 kolom." in str(
        galat.value
    )
    assert not PerangkatDaerah.objects.filter(slug="pd-uji-sdm").exists()
    assert not TabelSumberDaya.objects.filter(perangkat_daerah__slug="pd-uji-sdm").exists()
    assert AuditLog.objects.count() == audit_sebelum


def test_every_shape_problem_has_its_path(db):
    data = data_balangan()
    data["sdm"] = [
        {"kolom": ["A"], "baris": []},
        {"judul": "B", "kolom": ["A", 2], "baris": [["x", "y"], "baris", [1.5, True]]},
        {"judul": "B", "kolom": "A", "baris": {}},
        "tabel",
    ]
    assert validasi(data) == [
        Masalah("$.sdm[0].judul", PESAN_WAJIB),
        Masalah("$.sdm[1].kolom[1]", PESAN_BUKAN_TEKS),
        Masalah("$.sdm[1].baris[1]", PESAN_BUKAN_DAFTAR),
        Masalah("$.sdm[1].baris[2][0]", PESAN_SEL_TABEL),
        Masalah("$.sdm[1].baris[2][1]", PESAN_SEL_TABEL),
        Masalah(
            "$.sdm[2].judul", PESAN_JUDUL_TABEL_GANDA.format(kode='"B"', lain="$.sdm[1].judul")
        ),
        Masalah("$.sdm[2].kolom", PESAN_BUKAN_DAFTAR),
        Masalah("$.sdm[2].baris", PESAN_BUKAN_DAFTAR),
        Masalah("$.sdm[3]", "Harus berupa objek JSON {…}."),
    ]
    data["sdm"] = "tabel"
    assert validasi(data) == [Masalah("$.sdm", PESAN_BUKAN_DAFTAR)]


def test_a_changed_cell_is_updated_and_audited_and_other_tables_are_left_alone(balangan):
    sarana = TabelSumberDaya.objects.create(
        perangkat_daerah=balangan,
        jenis=JenisTabelSumberDaya.SARANA,
        urutan=0,
        judul="Sarana dan prasarana",
        kolom=["No", "Jenis", "Jumlah"],
        baris=[["1.", "Kendaraan roda empat", "3"]],
    )
    lama = TabelSumberDaya.objects.create(
        perangkat_daerah=balangan, urutan=9, judul="Tabel lama", kolom=["A"], baris=[["x"]]
    )
    data = data_balangan()
    # Integers and null are printed text once stored.
    data["sdm"][0]["baris"][0] = [1, "Eselon II", None]
    hasil = muat(data)
    assert hasil.diperbarui[LABEL] == 1 and hasil.tidak_berubah[LABEL] == 2
    assert hasil.dibuat[LABEL] == 0 and hasil.dihapus[LABEL] == 0
    pegawai = TabelSumberDaya.objects.get(perangkat_daerah=balangan, judul=JUDUL_1)
    assert pegawai.baris[0] == ["1", "Eselon II", ""]
    entri = AuditLog.objects.get(
        aksi=AKSI_UBAH, content_type__model="tabelsumberdaya", object_id=str(pegawai.pk)
    )
    assert set(entri.perubahan) == {"baris"}
    # Tables the file does not name stay as they are.
    assert TabelSumberDaya.objects.get(pk=sarana.pk).baris == sarana.baris
    assert TabelSumberDaya.objects.filter(pk=lama.pk).exists()
    assert not muat(data).ada_perubahan


def test_a_new_pd_gets_its_tables_created_and_audited(db):
    data = data_balangan()
    data["perangkat_daerah"]["slug"] = "pd-uji-sdm"
    data["pejabat"] = [p | {"nip": None} for p in data["pejabat"] if not p.get("nip")]
    data["perjanjian_kinerja"] = []
    hasil = muat(data)
    assert hasil.dibuat[LABEL] == 3
    baru = TabelSumberDaya.objects.filter(perangkat_daerah__slug="pd-uji-sdm")
    assert baru.count() == 3
    assert (
        AuditLog.objects.filter(
            aksi=AKSI_BUAT,
            content_type__model="tabelsumberdaya",
            object_id__in=[str(t.pk) for t in baru],
        ).count()
        == 3
    )


# --- Export ---------------------------------------------------------------------------------


def test_export_carries_the_sdm_tables_and_not_the_sarana_ones(balangan):
    TabelSumberDaya.objects.create(
        perangkat_daerah=balangan,
        jenis=JenisTabelSumberDaya.SARANA,
        judul="Sarana dan prasarana",
        kolom=["No", "Jenis"],
        baris=[["1.", "Gedung kantor"]],
    )
    data = ekspor_dataset(pd=balangan)
    assert data["sdm"] == data_balangan()["sdm"]
    assert validasi(data) == []
    # Loading the export changes nothing, the sarana table included.
    hasil = muat(copy.deepcopy(data))
    assert +hasil.dibuat == Counter() and +hasil.diperbarui == Counter()
    assert TabelSumberDaya.objects.filter(perangkat_daerah=balangan).count() == 4


def test_pd_without_tables_exports_an_empty_list(db):
    kalteng = PerangkatDaerah.objects.get(slug="kesbangpol-kalteng")
    assert ekspor_dataset(pd=kalteng)["sdm"] == []


# --- Model and admin ------------------------------------------------------------------------


def test_clean_refuses_a_row_of_the_wrong_length(balangan):
    tabel = TabelSumberDaya(
        perangkat_daerah=balangan,
        judul="Uji",
        kolom=["A", "B"],
        baris=[["1", "2"], ["3"]],
    )
    with pytest.raises(ValidationError) as galat:
        tabel.full_clean()
    assert galat.value.message_dict["baris"] == [PESAN_SEL_MODEL.format(nomor=2, jumlah=1, kolom=2)]
    tabel.baris = [["1", "2"], ["3", "4"]]
    tabel.full_clean()


def test_admin_is_audited_and_filters_by_pd():
    model_admin = admin.site._registry[TabelSumberDaya]
    assert isinstance(model_admin, AuditedAdmin)
    assert "perangkat_daerah" in model_admin.list_filter
    assert "judul" in model_admin.search_fields


def test_admin_add_writes_the_audit_log(client, superuser, balangan):
    client.force_login(superuser)
    r = client.post(
        "/admin/renstra/tabelsumberdaya/add/",
        {
            "perangkat_daerah": balangan.pk,
            "jenis": "sarana",
            "urutan": 0,
            "judul": "Sarana kantor",
            "kolom": '["No", "Jenis"]',
            "baris": '[["1.", "Gedung"], ["2."]]',
        },
    )
    assert r.status_code == 200
    assert "Baris 2 berisi 1 sel; tabel ini memiliki 2 kolom." in r.content.decode()
    r = client.post(
        "/admin/renstra/tabelsumberdaya/add/",
        {
            "perangkat_daerah": balangan.pk,
            "jenis": "sarana",
            "urutan": 0,
            "judul": "Sarana kantor",
            "kolom": '["No", "Jenis"]',
            "baris": '[["1.", "Gedung"]]',
        },
    )
    assert r.status_code == 302
    tabel = TabelSumberDaya.objects.get(perangkat_daerah=balangan, judul="Sarana kantor")
    assert AuditLog.objects.filter(
        aksi="admin.renstra.tabelsumberdaya.buat", object_id=str(tabel.pk)
    ).exists()
