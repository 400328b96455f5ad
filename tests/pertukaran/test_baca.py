"""Hostile dataset files (issue #16, point 2): too deep or too large is answered in Indonesian
before parsing, with nothing written and no traceback."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from common.models import AuditLog
from pertukaran.baca import (
    BATAS_KEDALAMAN,
    BATAS_UKURAN,
    PESAN_ANGKA_TERLALU_PANJANG,
    PESAN_TERLALU_BESAR,
    PESAN_TERLALU_DALAM,
    baca_berkas,
    baca_json,
)
from pertukaran.impor import LABEL, DatasetTidakValid
from pertukaran.management.commands.muat_dataset import PESAN_GAGAL

DEMO_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "demo"


def jumlah_baris() -> dict[str, int]:
    hasil = {label: model.objects.count() for model, label in LABEL.items()}
    hasil["audit"] = AuditLog.objects.count()
    return hasil


def muat_lewat_perintah(path: Path) -> str:
    """Run muat_dataset on `path`; return what it printed on stderr (it must fail)."""
    err = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("muat_dataset", str(path), stderr=err)
    assert str(exc.value) == PESAN_GAGAL.format(jumlah=1, berkas=1)
    return err.getvalue()


def test_depth_10000_is_answered_in_indonesian_and_writes_nothing(db, tmp_path):
    path = tmp_path / "dalam.json"
    awal = '{"format": "sakip-dataset/1", "x": '
    path.write_text(awal + "[" * 10_000 + "]" * 10_000 + "}")
    sebelum = jumlah_baris()
    keluaran = muat_lewat_perintah(path)
    # The object is level 1, so the 64th "[" is the 65th level: column len(awal) + 64.
    pesan = PESAN_TERLALU_DALAM.format(batas=BATAS_KEDALAMAN, baris=1, kolom=len(awal) + 64)
    assert f"$: {pesan}" in keluaran
    assert "RecursionError" not in keluaran
    assert jumlah_baris() == sebelum


def test_depth_10000_of_objects(tmp_path):
    path = tmp_path / "dalam.json"
    path.write_text('{"a": ' * 10_000 + "1" + "}" * 10_000)
    with pytest.raises(DatasetTidakValid) as exc:
        baca_berkas(path)
    assert exc.value.masalah[0].pesan.startswith("Struktur JSON terlalu dalam")


def test_brackets_inside_text_do_not_count():
    teks = json.dumps({"uraian": "[" * 500 + '{"\\"' + "}" * 500, "b": [[1]]})
    assert baca_json(teks.encode())["b"] == [[1]]


def test_depth_at_the_limit_is_read():
    teks = "[" * BATAS_KEDALAMAN + "]" * BATAS_KEDALAMAN
    hasil = baca_json(teks.encode())
    for _ in range(BATAS_KEDALAMAN - 1):
        hasil = hasil[0]
    assert hasil == []
    with pytest.raises(DatasetTidakValid):
        baca_json(("[" + teks + "]").encode())


def test_oversized_file_is_refused_before_reading(db, tmp_path):
    path = tmp_path / "besar.json"
    with path.open("wb") as f:  # sparse: the size is there, the disk stays empty
        f.truncate(BATAS_UKURAN + 1024 * 1024)
    sebelum = jumlah_baris()
    keluaran = muat_lewat_perintah(path)
    assert f"$: {PESAN_TERLALU_BESAR.format(ukuran='21,0', batas='20,0')}" in keluaran
    assert jumlah_baris() == sebelum


def test_oversized_bytes_are_refused():
    isi = json.dumps({"x": "a" * 2000}).encode()
    with pytest.raises(DatasetTidakValid) as exc:
        baca_json(isi, batas_ukuran=1000)
    assert exc.value.masalah[0].pesan.startswith("Berkas terlalu besar")


def test_huge_integer_is_a_message_not_a_traceback():
    with pytest.raises(DatasetTidakValid) as exc:
        baca_json(('{"x": ' + "9" * 10_000 + "}").encode())
    assert exc.value.masalah[0].pesan == PESAN_ANGKA_TERLALU_PANJANG


@pytest.mark.parametrize("path", sorted(DEMO_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_demo_files_are_within_the_limits(path):
    assert baca_berkas(path)["format"] == "sakip-dataset/1"
