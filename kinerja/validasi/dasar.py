"""Shared pieces of the validation rules: levels, the problem and its object, helpers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from anggaran.selectors import BarisAnggaran
from common.formatting import format_angka, format_rupiah
from renstra.models import Indikator, JenisTarget

ERROR = "error"
PERINGATAN = "peringatan"

NAMA_TINGKAT = {
    "program": "program",
    "kegiatan": "kegiatan",
    "sub_kegiatan": "sub-kegiatan",
}
NAMA_ANAK = {"program": "kegiatan", "kegiatan": "sub-kegiatan"}
NAMA_VERSI = {
    JenisTarget.PK_PERUBAHAN: "PK Perubahan",
    JenisTarget.PK_MURNI: "PK",
    JenisTarget.RENJA: "Renja",
    JenisTarget.RENSTRA: "Renstra",
}
SERATUS = Decimal(100)


@dataclass(frozen=True)
class ObjekMasalah:
    """The record a problem concerns: model label ("renstra.program"), pk, human label."""

    model: str
    pk: int
    label: str


@dataclass(frozen=True)
class Masalah:
    kode: str
    """Rule id (KODE_* constants)."""
    tingkat: str
    """ERROR or PERINGATAN."""
    pesan: str
    objek: ObjekMasalah


def _periode(triwulan: int) -> str:
    return "tahunan" if triwulan == 0 else f"TW {('I', 'II', 'III', 'IV')[triwulan - 1]}"


def _angka(nilai) -> str:
    if isinstance(nilai, Decimal):
        return format_angka(nilai, 2, ringkas=True)
    if isinstance(nilai, dict):
        return f"{_angka(nilai.get('bawah'))}–{_angka(nilai.get('atas'))}"
    return str(nilai)


def _objek_anggaran(b: BarisAnggaran) -> ObjekMasalah:
    return ObjekMasalah(b.model, b.id, f"{b.kode} {b.nama}".strip())


def _objek_indikator(ind: Indikator) -> ObjekMasalah:
    return ObjekMasalah("renstra.indikator", ind.pk, f"{ind.kode} {ind.uraian}".strip())


def _objek_realisasi(ind: Indikator, r) -> ObjekMasalah:
    return ObjekMasalah("kinerja.realisasi", r.pk, f"{ind.kode} {r.tahun} {_periode(r.triwulan)}")


def _selisih(a: Decimal, b: Decimal) -> str:
    return format_rupiah(abs(a - b))
