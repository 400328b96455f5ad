"""A dataset cannot take over another Perangkat Daerah (pertukaran/identitas.py, muat_dataset).

The session conftest has loaded the four demo files; the Kalteng file with its slug changed to
`kesbangpol-paser` is the probe's takeover attempt (issue #16, point 1).
"""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from common.models import AuditLog
from pertukaran.identitas import AKSI_GANTI_IDENTITAS, PESAN_BUKAN_PD_TUJUAN
from pertukaran.impor import (
    AKSI_MUAT,
    LABEL,
    PESAN_IDENTITAS_BERBEDA,
    DatasetTidakValid,
    muat,
    periksa_identitas,
)
from pertukaran.management.commands.muat_dataset import (
    PESAN_GAGAL,
    PESAN_GANTI_IDENTITAS_SUPERUSER,
    PESAN_PENGGUNA_TIDAK_ADA,
)
from renstra.models import PerangkatDaerah, PeriodeRenstra

DEMO_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "demo"
KALTENG = DEMO_DIR / "kesbangpol-kalteng.json"
PASER_NAMA = "Badan Kesatuan Bangsa dan Politik Kabupaten Paser"
KALTENG_NAMA = "Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Tengah"


def kalteng_sebagai_paser() -> dict:
    data = json.loads(KALTENG.read_text(encoding="utf-8"))
    data["perangkat_daerah"]["slug"] = "kesbangpol-paser"
    return data


def simpan(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "ambil-alih.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def jumlah_baris() -> dict[str, int]:
    hasil = {label: model.objects.count() for model, label in LABEL.items()}
    hasil["audit"] = AuditLog.objects.count()
    return hasil


def identitas_paser() -> tuple[str, str, int]:
    pd = PerangkatDaerah.objects.select_related("pemda").get(slug="kesbangpol-paser")
    return pd.nama, pd.pemda.nama, PeriodeRenstra.objects.filter(perangkat_daerah=pd).count()


def test_takeover_file_is_refused_naming_both_identities(paser, tmp_path):
    sebelum, identitas = jumlah_baris(), identitas_paser()
    path = simpan(tmp_path, kalteng_sebagai_paser())
    err = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("muat_dataset", str(path), stderr=err)
    assert str(exc.value) == PESAN_GAGAL.format(jumlah=1, berkas=1)
    pesan = PESAN_IDENTITAS_BERBEDA.format(
        slug="kesbangpol-paser",
        nama_lama=PASER_NAMA,
        pemda_lama="Kabupaten Paser",
        nama_baru=KALTENG_NAMA,
        pemda_baru="Provinsi Kalimantan Tengah",
    )
    assert f"$.perangkat_daerah: {pesan}" in err.getvalue()
    assert "Kabupaten Paser" in pesan and "Provinsi Kalimantan Tengah" in pesan
    assert jumlah_baris() == sebelum
    assert identitas_paser() == identitas


def test_takeover_refused_by_the_service_too(paser):
    sebelum = jumlah_baris()
    with pytest.raises(DatasetTidakValid) as exc:
        muat(kalteng_sebagai_paser())
    assert [m.path for m in exc.value.masalah] == ["$.perangkat_daerah"]
    assert jumlah_baris() == sebelum


def test_flag_needs_a_superuser(paser, operator, tmp_path):
    path = simpan(tmp_path, kalteng_sebagai_paser())
    sebelum = jumlah_baris()
    with pytest.raises(CommandError, match="hanya dapat dipakai oleh superuser"):
        call_command("muat_dataset", str(path), "--ganti-identitas")
    with pytest.raises(CommandError) as exc:
        call_command(
            "muat_dataset", str(path), "--ganti-identitas", "--pengguna", operator.username
        )
    assert str(exc.value) == PESAN_GANTI_IDENTITAS_SUPERUSER
    with pytest.raises(CommandError) as exc:
        call_command("muat_dataset", str(path), "--pengguna", "tidak-ada")
    assert str(exc.value) == PESAN_PENGGUNA_TIDAK_ADA.format(nama="tidak-ada")
    assert jumlah_baris() == sebelum
    # The service ignores the flag for anyone but a superuser.
    with pytest.raises(DatasetTidakValid):
        muat(kalteng_sebagai_paser(), pengguna=operator, ganti_identitas=True)
    assert jumlah_baris() == sebelum


def test_superuser_with_flag_changes_identity_and_it_is_audited(paser, superuser, tmp_path):
    path = simpan(tmp_path, kalteng_sebagai_paser())
    call_command(
        "muat_dataset",
        str(path),
        "--ganti-identitas",
        "--pengguna",
        superuser.username,
        stdout=io.StringIO(),
    )
    pd = PerangkatDaerah.objects.select_related("pemda").get(slug="kesbangpol-paser")
    assert (pd.nama, pd.pemda.nama) == (KALTENG_NAMA, "Provinsi Kalimantan Tengah")
    entri = AuditLog.objects.get(aksi=AKSI_GANTI_IDENTITAS)
    assert entri.pengguna == superuser
    assert entri.perangkat_daerah == pd
    assert entri.perubahan == {
        "nama": [PASER_NAMA, KALTENG_NAMA],
        "pemda": ["Kabupaten Paser", "Provinsi Kalimantan Tengah"],
    }
    assert "Kabupaten Paser" in entri.keterangan
    # The load's own entries are attributed to the operator as well.
    assert AuditLog.objects.filter(aksi=AKSI_MUAT, perangkat_daerah=pd, pengguna=superuser).exists()


def test_dry_run_with_flag_writes_no_identity_entry(paser, superuser):
    muat(kalteng_sebagai_paser(), pengguna=superuser, ganti_identitas=True, dry_run=True)
    assert not AuditLog.objects.filter(aksi=AKSI_GANTI_IDENTITAS).exists()
    assert identitas_paser()[0] == PASER_NAMA


def test_unchanged_identity_and_new_pd_pass(paser):
    data = json.loads(KALTENG.read_text(encoding="utf-8"))
    assert periksa_identitas(data) is None
    data["perangkat_daerah"]["slug"] = "kesbangpol-baru"
    assert periksa_identitas(data) is None


def test_renamed_pd_alone_is_refused(paser):
    data = json.loads(KALTENG.read_text(encoding="utf-8"))
    data["perangkat_daerah"]["nama"] = "Badan Lain"
    with pytest.raises(DatasetTidakValid, match="Badan Lain"):
        periksa_identitas(data)


def test_web_import_writes_only_into_the_users_own_pd(paser, balangan):
    data = json.loads(KALTENG.read_text(encoding="utf-8"))
    sebelum = jumlah_baris()
    with pytest.raises(DatasetTidakValid) as exc:
        muat(data, pd_tujuan=paser)
    assert exc.value.masalah[0].pesan == PESAN_BUKAN_PD_TUJUAN.format(
        slug_berkas="kesbangpol-kalteng",
        nama_berkas=KALTENG_NAMA,
        pemda_berkas="Provinsi Kalimantan Tengah",
        slug_tujuan="kesbangpol-paser",
        nama_tujuan=PASER_NAMA,
        pemda_tujuan="Kabupaten Paser",
    )
    assert jumlah_baris() == sebelum
    # Its own PD, same identity: passes the check.
    kalteng = PerangkatDaerah.objects.get(slug="kesbangpol-kalteng")
    assert periksa_identitas(data, pd_tujuan=kalteng) is None
