"""The `sakip-dataset/1` document (fixtures/demo/SCHEMA.md) as the interchange code sees it.

A document is the parsed JSON object of one file. This module holds what the reader, the
checker, the writer and the exporter share: the format name and the predikat vocabulary, the
problem types (`Masalah`, `DatasetTidakValid`), and the value helpers and walkers over a
document. The underscored names are internal to the `pertukaran` package; the walkers
tolerate a malformed document.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from renstra.kode import normalisasi_kode
from renstra.models import JenisTarget

FORMAT = "sakip-dataset/1"

# Predikat letters (PermenPANRB 88/2021) and audit opinions a target or realisation may hold.
PREDIKAT = ("AA", "A", "BB", "B", "CC", "C", "D", "WTP", "WDP", "TW", "TMP")

PESAN_DATASET_TIDAK_VALID = "Dataset tidak valid: {jumlah} masalah."

_TAHUN = re.compile(r"^\d{4}$")
_TANGGAL_BULAN = re.compile(r"^(\d{4})-(\d{2})$")
_TANGGAL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

_TINGKAT_SIMPUL = ("program", "kegiatan", "sub_kegiatan")
_ANAK = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}


@dataclass
class Masalah:
    """One problem of a dataset: where (a JSON path) and what (Indonesian)."""

    path: str
    pesan: str

    def __str__(self) -> str:
        return f"{self.path}: {self.pesan}"


class DatasetTidakValid(Exception):
    """The dataset has problems; nothing was written. `masalah` lists every one."""

    def __init__(self, masalah: list[Masalah]):
        self.masalah = list(masalah)
        baris = [PESAN_DATASET_TIDAK_VALID.format(jumlah=len(self.masalah))]
        baris += [str(m) for m in self.masalah]
        super().__init__("\n".join(baris))


# --- Value helpers and walkers -------------------------------------------------------------


def _desimal(nilai: Any) -> Decimal | None:
    """A validated decimal value: None, a plain-notation string or a JSON integer."""
    if nilai is None:
        return None
    return Decimal(nilai) if isinstance(nilai, str) else Decimal(int(nilai))


def _teks(nilai: Any) -> str:
    return nilai if isinstance(nilai, str) else ""


def _kode_simpan(simpul: dict) -> str:
    """The code stored for a program/kegiatan/sub-kegiatan: the Kepmendagri one when given."""
    return normalisasi_kode(simpul.get("kode_kepmendagri") or simpul.get("kode"))


def _dict(nilai: Any) -> dict:
    return nilai if isinstance(nilai, dict) else {}


def _list(nilai: Any) -> list:
    return nilai if isinstance(nilai, list) else []


def _tahun_dalam_berkas(data: dict) -> set[int]:
    """Years the file holds plan or result data for (tolerates a malformed file)."""
    tahun: set[str | int] = set()

    def dari_indikator(ind: Any) -> None:
        ind = _dict(ind)
        target = _dict(ind.get("target"))
        for jenis in (*JenisTarget.values, "triwulan"):
            tahun.update(_dict(target.get(jenis)))
        tahun.update(_dict(ind.get("rencana_aksi")))
        tahun.update(_dict(ind.get("realisasi")))

    for kelompok in ("tujuan", "sasaran"):
        for obj in _list(data.get(kelompok)):
            for ind in _list(_dict(obj).get("indikator")):
                dari_indikator(ind)
    for _tingkat, _kunci, simpul in _simpul_semua(data):
        for ind in _list(simpul.get("indikator")):
            dari_indikator(ind)
        for kunci in ("pagu", "realisasi_anggaran", "realisasi_anggaran_tahunan"):
            tahun.update(_dict(simpul.get(kunci)))
    for kunci in ("perjanjian_kinerja", "anggaran_belanja", "anggaran_pd"):
        for obj in _list(data.get(kunci)):
            tahun.add(_dict(obj).get("tahun"))
    hasil = set()
    for t in tahun:
        if isinstance(t, str) and _TAHUN.match(t):
            hasil.add(int(t))
        elif isinstance(t, int) and not isinstance(t, bool) and 1000 <= t <= 9999:
            hasil.add(t)
    return hasil


def _simpul_semua(data: dict) -> Iterator[tuple[str, tuple, dict]]:
    """(tingkat, kunci, simpul) for every program, kegiatan and sub-kegiatan, parents first.

    `kunci` is the chain of stored codes: (program,), (program, kegiatan), (…, sub-kegiatan).
    """

    def jalan(simpul_list: Any, tingkat: str, induk: tuple) -> Iterator[tuple[str, tuple, dict]]:
        for simpul in _list(simpul_list):
            if not isinstance(simpul, dict):
                continue
            kunci = (*induk, _kode_simpan(simpul))
            yield tingkat, kunci, simpul
            if tingkat in _ANAK:
                yield from jalan(simpul.get(_ANAK[tingkat]), _ANAK[tingkat], kunci)

    yield from jalan(data.get("program"), "program", ())


def _tanggal(teks: str) -> tuple[datetime.date, bool] | None:
    """("2024-01" → (2024-01-01, True); "2024-01-05" → (2024-01-05, False)); None if invalid."""
    try:
        if m := _TANGGAL_BULAN.match(teks):
            return datetime.date(int(m[1]), int(m[2]), 1), True
        if m := _TANGGAL.match(teks):
            return datetime.date(int(m[1]), int(m[2]), int(m[3])), False
    except ValueError:
        return None
    return None
