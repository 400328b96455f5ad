"""Import of the `sakip-dataset/1` format (fixtures/demo/SCHEMA.md): parse → validate → write.

This is the public module of the import side; callers and tests import from here.
- parse: `baca_berkas(path)` (`baca.py`) reads a JSON file into a document, the parsed object;
  an unreadable file or invalid JSON raises `DatasetTidakValid`.
- validate: `validasi(data)` (`skema.py`) checks the whole document and returns every problem
  found, each with its JSON path (`$.program[2].kegiatan[0].kode`) and an Indonesian message.
  Unknown keys are ignored; a known key with a wrong value is a problem.
- write: `muat(data)` writes nothing when `validasi` finds a problem (it raises
  `DatasetTidakValid`); otherwise it upserts every object on its natural key inside one
  transaction (`tulis.py`) and writes an audit entry per created, updated or deleted object
  plus one summary entry. Loading the same file twice changes nothing the second time.
  `muat_berkas(path)` is `muat(baca_berkas(path))`.
- identity: before writing, `muat` refuses a file that names an existing Perangkat Daerah
  (slug) with another name or pemda, or (with `pd_tujuan`) any PD but the importer's own;
  `ganti_identitas=True` lets a superuser `pengguna` change it, audited
  (`identitas.periksa_identitas`).

A workbook (XLSX) importer will be one more front end: it reads a workbook into the same
document and hands it to `validasi` and `muat`, so the rules below hold for every source.

Contract of the document:
- Decimal values are strings in plain notation (`"65.22"`) parsed with `Decimal`; JSON floats
  are refused. `null` means "no data": NULL in a number field, "" in a text field, and no row
  where a row would only say "no data" (an existing row is emptied instead).
- Shared pemda-level data (kepala daerah, RPJMD visi and misi text) is never erased by a file
  that does not carry it: another Perangkat Daerah of the same pemda may have supplied it.
- A Perjanjian Kinerja that has been signed in the application is never modified.

The messages are defined beside the code that raises them (`baca`, `skema`, `tulis_rencana`,
`tulis_kinerja`); the ones callers assert are re-exported here.
"""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from .baca import PESAN_BERKAS_TIDAK_ADA, PESAN_JSON_TIDAK_SAH, baca_berkas
from .dokumen import FORMAT, PREDIKAT, DatasetTidakValid, Masalah
from .identitas import (
    AKSI_GANTI_IDENTITAS,
    PESAN_BUKAN_PD_TUJUAN,
    PESAN_IDENTITAS_BERBEDA,
    catat_ganti_identitas,
    periksa_identitas,
)
from .sinkron import AKSI_BUAT, AKSI_HAPUS, AKSI_MUAT, AKSI_UBAH, LABEL, HasilMuat
from .skema import (
    PESAN_BUKAN_DAFTAR,
    PESAN_BUKAN_TEKS,
    PESAN_DESIMAL,
    PESAN_FLOAT,
    PESAN_FORMAT,
    PESAN_INDIKATOR_TIDAK_ADA,
    PESAN_JUDUL_TABEL_GANDA,
    PESAN_KODE_GANDA,
    PESAN_MISI_TIDAK_ADA,
    PESAN_NIP,
    PESAN_PANJANG_BARIS,
    PESAN_PEJABAT_TIDAK_ADA,
    PESAN_PILIHAN,
    PESAN_SEL_TABEL,
    PESAN_UNIT_TIDAK_ADA,
    PESAN_WAJIB,
    validasi,
)
from .tulis import tulis
from .tulis_kinerja import PESAN_CATATAN_PK_DITANDATANGANI
from .tulis_rencana import PESAN_CATATAN_RENSTRA

__all__ = [
    "AKSI_BUAT",
    "AKSI_GANTI_IDENTITAS",
    "AKSI_HAPUS",
    "AKSI_MUAT",
    "AKSI_UBAH",
    "FORMAT",
    "LABEL",
    "PESAN_BERKAS_TIDAK_ADA",
    "PESAN_BUKAN_DAFTAR",
    "PESAN_BUKAN_PD_TUJUAN",
    "PESAN_BUKAN_TEKS",
    "PESAN_CATATAN_PK_DITANDATANGANI",
    "PESAN_CATATAN_RENSTRA",
    "PESAN_DESIMAL",
    "PESAN_FLOAT",
    "PESAN_FORMAT",
    "PESAN_IDENTITAS_BERBEDA",
    "PESAN_INDIKATOR_TIDAK_ADA",
    "PESAN_JSON_TIDAK_SAH",
    "PESAN_JUDUL_TABEL_GANDA",
    "PESAN_KODE_GANDA",
    "PESAN_MISI_TIDAK_ADA",
    "PESAN_NIP",
    "PESAN_PANJANG_BARIS",
    "PESAN_PEJABAT_TIDAK_ADA",
    "PESAN_PILIHAN",
    "PESAN_SEL_TABEL",
    "PESAN_UNIT_TIDAK_ADA",
    "PESAN_WAJIB",
    "PREDIKAT",
    "DatasetTidakValid",
    "HasilMuat",
    "Masalah",
    "baca_berkas",
    "boleh_ganti_identitas",
    "muat",
    "muat_berkas",
    "periksa_identitas",
    "validasi",
]


def muat(
    data: dict,
    *,
    pengguna=None,
    dry_run: bool = False,
    pd_tujuan=None,
    ganti_identitas: bool = False,
) -> HasilMuat:
    """Validate `data`, check its PD identity, then upsert it in one transaction (rolled back
    when `dry_run`). `ganti_identitas` takes effect only for an active superuser `pengguna`."""
    masalah = validasi(data)
    if masalah:
        raise DatasetTidakValid(masalah)
    boleh_ganti = ganti_identitas and boleh_ganti_identitas(pengguna)
    with transaction.atomic():
        ganti = periksa_identitas(data, pd_tujuan=pd_tujuan, boleh_ganti=boleh_ganti)
        hasil = tulis(data, pengguna=pengguna, dry_run=dry_run)
        if ganti is not None and not dry_run:
            catat_ganti_identitas(ganti, pengguna=pengguna)
    return hasil


def boleh_ganti_identitas(pengguna) -> bool:
    """Only an active superuser may change a Perangkat Daerah's name or pemda by a file."""
    return bool(pengguna is not None and pengguna.is_active and pengguna.is_superuser)


def muat_berkas(
    path: str | Path,
    *,
    pengguna=None,
    dry_run: bool = False,
    pd_tujuan=None,
    ganti_identitas: bool = False,
) -> HasilMuat:
    """Read the JSON file at `path` and `muat` it."""
    return muat(
        baca_berkas(path),
        pengguna=pengguna,
        dry_run=dry_run,
        pd_tujuan=pd_tujuan,
        ganti_identitas=ganti_identitas,
    )
