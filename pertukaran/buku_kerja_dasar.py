"""The workbook reader's vocabulary: limits, messages, problem types, file checks and the cell
reader (`_Pembaca`); `pertukaran.buku_kerja` is the public module."""

from __future__ import annotations

import datetime
import os
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from common.formatting import parse_desimal

from .dokumen import PREDIKAT, Masalah
from .skema import _jalur
from .tata_letak import (
    ANGKA,
    BULAT,
    LEMBAR_MENURUT_NAMA,
    NILAI,
    YA_TIDAK,
    Kolom,
    Lembar,
)

MAKS_UKURAN = 20 * 1024 * 1024
"""Largest workbook accepted (bytes); checked before the file is opened."""
BARIS_JUDUL_MAKS = 5
"""Header rows are looked for in the first rows (a merged two-row header is fine)."""

# --- Messages (Indonesian, asserted by the tests) -------------------------------------------
PESAN_TERLALU_BESAR = (
    "Berkas berukuran {ukuran} MB melebihi batas {batas} MB untuk buku kerja impor; pecah "
    "berkas atau hapus lembar yang tidak diperlukan."
)
PESAN_BUKAN_XLSX = (
    "Berkas bukan buku kerja Excel (.xlsx) yang sah; simpan ulang dari Excel atau LibreOffice "
    "sebagai .xlsx."
)
PESAN_KOSONG = "Buku kerja tidak berisi data: tidak ada lembar format impor yang terisi."
PESAN_KOLOM_TIDAK_ADA = "Kolom {kolom} tidak ditemukan di baris judul."
PESAN_WAJIB = "Wajib diisi."
PESAN_BUKAN_ANGKA = 'Isi "{teks}" bukan angka (contoh: 1.234,56 atau 65,22 atau 7,8%).'
PESAN_BUKAN_NILAI = 'Isi "{teks}" bukan angka maupun predikat ({predikat}).'
PESAN_BUKAN_BULAT = 'Isi "{teks}" harus bilangan bulat, mis. 2023.'
PESAN_BUKAN_YA_TIDAK = 'Isi "{teks}" harus Ya atau Tidak.'
PESAN_PILIHAN = 'Isi "{teks}" tidak dikenal; pilihan: {pilihan}.'
PESAN_ISIAN_PD = 'Isian "{teks}" tidak dikenal di lembar PD.'
PESAN_RUJUKAN = '{jenis} "{kode}" tidak ada di lembar {lembar}.'
PESAN_GANDA = "Baris ganda: {kunci} sudah ada di baris {baris}."
PESAN_TAHUN_DI_LUAR = "Tahun {tahun} di luar periode Renstra {awal}–{akhir}."
PESAN_PD_LAIN = (
    'Buku kerja untuk perangkat daerah "{slug}", bukan "{tujuan}" yang dipilih; impor dibatalkan.'
)

_SPASI = re.compile(r"\s+")


@dataclass(frozen=True)
class MasalahSel:
    """One problem of a workbook: where (sheet, row, column header) and what (Indonesian)."""

    lembar: str
    baris: int | None
    kolom: str | None
    pesan: str

    def __str__(self) -> str:
        tempat = [f"lembar {self.lembar}"] if self.lembar else []
        if self.baris is not None:
            tempat.append(f"baris {self.baris}")
        if self.kolom:
            tempat.append(f"kolom {self.kolom}")
        return f"{', '.join(tempat)}: {self.pesan}" if tempat else self.pesan


class BukuKerjaTidakValid(Exception):
    """The workbook has problems; nothing was written. `masalah` lists every one."""

    def __init__(self, masalah: list[MasalahSel]):
        self.masalah = list(masalah)
        super().__init__("\n".join(str(m) for m in self.masalah))


@dataclass
class HasilBaca:
    """The document read from a workbook, and where each of its values came from."""

    data: dict
    baris: Counter = field(default_factory=Counter)
    """Data rows read per sheet."""
    pembaca: Any = field(default=None, repr=False)
    _lokasi: dict | None = field(default=None, repr=False)

    @property
    def lokasi(self) -> dict[str, tuple[str, int, str | None]]:
        """JSON path → (sheet, row, column), built on first use (only when a problem needs it)."""
        if self._lokasi is None:
            self._lokasi = {}
            _petakan(self.data, "$", self.pembaca, self._lokasi)
        return self._lokasi

    def letak(self, masalah: Masalah) -> MasalahSel:
        """A document problem (JSON path) as a cell problem (the longest known prefix)."""
        path = masalah.path
        while path:
            if path in self.lokasi:
                lembar, baris, kolom = self.lokasi[path]
                return MasalahSel(lembar, baris, kolom, masalah.pesan)
            potong = max(path.rfind("."), path.rfind("["))
            if potong <= 0:
                break
            path = path[:potong]
        return MasalahSel("", None, None, f"{masalah.path}: {masalah.pesan}")


# --- File checks ----------------------------------------------------------------------------


def periksa_ukuran(ukuran: int) -> None:
    """Refuse a file above MAKS_UKURAN before anything reads it."""
    if ukuran > MAKS_UKURAN:
        raise BukuKerjaTidakValid(
            [
                MasalahSel(
                    "",
                    None,
                    None,
                    PESAN_TERLALU_BESAR.format(
                        ukuran=f"{ukuran / 1024 / 1024:.1f}".replace(".", ","),
                        batas=MAKS_UKURAN // 1024 // 1024,
                    ),
                )
            ]
        )


def _ukuran(berkas: str | os.PathLike | IO[bytes]) -> int:
    if isinstance(berkas, str | os.PathLike):
        return os.stat(berkas).st_size
    if getattr(berkas, "size", None) is not None:
        return int(berkas.size)
    posisi = berkas.tell()
    berkas.seek(0, os.SEEK_END)
    ukuran = berkas.tell()
    berkas.seek(posisi)
    return ukuran


def _buka(berkas):
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    tidak_sah = BukuKerjaTidakValid([MasalahSel("", None, None, PESAN_BUKAN_XLSX)])
    if hasattr(berkas, "seek"):
        berkas.seek(0)
    if not zipfile.is_zipfile(berkas):
        raise tidak_sah
    if hasattr(berkas, "seek"):
        berkas.seek(0)
    try:
        # read_only streams the sheets; data_only gives a formula cell's cached value.
        return openpyxl.load_workbook(berkas, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise tidak_sah from None


# --- Cells ----------------------------------------------------------------------------------


def _normal(teks: Any) -> str:
    return _SPASI.sub(" ", str(teks)).strip().lower() if teks is not None else ""


def _polos(nilai: Decimal) -> str:
    """Plain notation without exponent or trailing zeros: Decimal("1.2300") → "1.23"."""
    teks = format(nilai, "f")
    if "." in teks:
        teks = teks.rstrip("0").rstrip(".")
    return "0" if teks in ("-0", "") else teks


def _dari_angka_sel(nilai: int | float, persen: bool) -> Decimal:
    # A number cell holds a binary double: its shortest repr is the number that was typed.
    d = Decimal(nilai) if isinstance(nilai, int) else Decimal(repr(nilai))
    return d * 100 if persen else d


class _Pembaca:
    def __init__(self) -> None:
        self.masalah: list[MasalahSel] = []
        # (id(container), key) → (sheet, row, column) for every value set from a cell, and
        # id(object) → (sheet, row) for every object a row made.
        self.asal: dict[tuple[int, Any], tuple[str, int, str | None]] = {}
        self.asal_obj: dict[int, tuple[str, int]] = {}
        self.baris_dibaca: Counter = Counter()

    def salah(self, lembar: str, baris: int | None, kolom: str | None, pesan: str) -> None:
        self.masalah.append(MasalahSel(lembar, baris, kolom, pesan))

    # Cells ---------------------------------------------------------------------------------

    def sel(self, lembar: str, baris: int, kolom: Kolom, sel) -> Any:
        nilai = sel.value if sel is not None else None
        if isinstance(nilai, str):
            nilai = nilai.strip()
            if not nilai:
                nilai = None
        if nilai is None:
            return None
        persen = "%" in (getattr(sel, "number_format", "") or "")
        if kolom.jenis in (ANGKA, NILAI):
            if kolom.jenis == NILAI and isinstance(nilai, str) and nilai.upper() in PREDIKAT:
                return nilai.upper()
            if isinstance(nilai, bool):
                return self._tolak_angka(lembar, baris, kolom, nilai)
            if isinstance(nilai, int | float):
                return _polos(_dari_angka_sel(nilai, persen))
            try:
                return _polos(parse_desimal(str(nilai)))
            except (TypeError, ValueError):
                return self._tolak_angka(lembar, baris, kolom, nilai)
        if kolom.jenis == BULAT:
            if isinstance(nilai, int) and not isinstance(nilai, bool):
                return nilai
            if isinstance(nilai, float) and nilai.is_integer():
                return int(nilai)
            if isinstance(nilai, str) and re.fullmatch(r"\d+", nilai):
                return int(nilai)
            self.salah(lembar, baris, kolom.judul, PESAN_BUKAN_BULAT.format(teks=nilai))
            return None
        if kolom.jenis == YA_TIDAK:
            if isinstance(nilai, bool):
                return nilai
            if _normal(nilai) in ("ya", "y", "1", "true"):
                return True
            if _normal(nilai) in ("tidak", "t", "0", "false"):
                return False
            self.salah(lembar, baris, kolom.judul, PESAN_BUKAN_YA_TIDAK.format(teks=nilai))
            return None
        if isinstance(nilai, datetime.datetime):
            nilai = nilai.date()
        if isinstance(nilai, datetime.date):
            teks = nilai.isoformat()
        elif isinstance(nilai, float):
            teks = _polos(Decimal(repr(nilai)))
        else:
            teks = str(nilai)
        if kolom.pilihan:
            cocok = {_normal(p): p for p in kolom.pilihan}
            if _normal(teks) not in cocok:
                pesan = PESAN_PILIHAN.format(teks=teks, pilihan=", ".join(kolom.pilihan))
                self.salah(lembar, baris, kolom.judul, pesan)
                return None
            return cocok[_normal(teks)]
        return teks

    def _tolak_angka(self, lembar, baris, kolom, nilai) -> None:
        if kolom.jenis == NILAI:
            pesan = PESAN_BUKAN_NILAI.format(teks=nilai, predikat=", ".join(PREDIKAT))
        else:
            pesan = PESAN_BUKAN_ANGKA.format(teks=nilai)
        self.salah(lembar, baris, kolom.judul, pesan)
        return None

    # Sheets --------------------------------------------------------------------------------

    def lembar(self, ws, spec: Lembar) -> list[tuple[int, dict]]:
        """(row number, {key: value}) of every non-blank data row of the sheet."""
        baris_semua = ws.iter_rows()
        judul_kolom: dict[int, str] = {}
        dikenal = {_normal(k.judul): k for k in spec.kolom}
        tertunda = []
        nomor_judul = 0
        for nomor, baris in enumerate(baris_semua, start=1):
            tertunda.append((nomor, baris))
            for i, sel in enumerate(baris):
                kolom = dikenal.get(_normal(getattr(sel, "value", None)))
                if kolom is not None:
                    judul_kolom[i] = kolom.kunci
                    nomor_judul = nomor
            if nomor >= BARIS_JUDUL_MAKS:
                break
        if not judul_kolom:
            return []
        kolom_per_kunci = {k.kunci: k for k in spec.kolom}
        hasil = []

        def data_baris():
            for nomor, baris in tertunda:
                if nomor > nomor_judul:
                    yield nomor, baris
            yield from enumerate(baris_semua, start=len(tertunda) + 1)

        for nomor, baris in data_baris():
            if all(getattr(s, "value", None) in (None, "") for s in baris):
                continue  # blank row
            isi = {}
            for i, sel in enumerate(baris):
                kunci = judul_kolom.get(i)
                if kunci is not None:
                    isi[kunci] = self.sel(spec.nama, nomor, kolom_per_kunci[kunci], sel)
            for k in spec.kolom:
                # A cell refused above already carries its own message.
                sudah = any(
                    m.lembar == spec.nama and m.baris == nomor and m.kolom == k.judul
                    for m in self.masalah
                )
                kosong = k.wajib and isi.get(k.kunci) is None and k.kunci in judul_kolom.values()
                if kosong and not sudah:
                    self.salah(spec.nama, nomor, k.judul, PESAN_WAJIB)
            hasil.append((nomor, isi))
        if hasil:
            for k in spec.kolom:
                if k.wajib and k.kunci not in judul_kolom.values():
                    self.salah(
                        spec.nama, nomor_judul, None, PESAN_KOLOM_TIDAK_ADA.format(kolom=k.judul)
                    )
        self.baris_dibaca[spec.nama] = len(hasil)
        return hasil

    def set(self, wadah: dict | list, kunci, nilai, lembar: str, baris: int, kolom: str | None):
        if isinstance(wadah, list):
            wadah.append(nilai)
            kunci = len(wadah) - 1
        else:
            wadah[kunci] = nilai
        self.asal[(id(wadah), kunci)] = (lembar, baris, kolom)
        return nilai

    def objek(self, obj: dict, lembar: str, baris: int) -> dict:
        self.asal_obj[id(obj)] = (lembar, baris)
        return obj


_KOLOM_PK_KEDUA = {"nama": "kedua_nama", "jabatan": "kedua_jabatan", "nip": "kedua_nip"}


def _judul(lembar: str, kunci: str) -> str | None:
    for k in LEMBAR_MENURUT_NAMA[lembar].kolom:
        if k.kunci == kunci:
            return k.judul
    return None


# Document keys whose column key differs (pihak kedua's fields sit in a nested object).


def _petakan(obj: Any, path: str, p: _Pembaca, lokasi: dict) -> None:
    """Register the JSON path of every value and object that came from a cell."""
    if isinstance(obj, dict):
        if id(obj) in p.asal_obj:
            lembar, baris = p.asal_obj[id(obj)]
            lokasi.setdefault(path, (lembar, baris, None))
        items = obj.items()
    elif isinstance(obj, list):
        items = enumerate(obj)
    else:
        return
    for kunci, isi in items:
        anak = _jalur(path, kunci)
        if (id(obj), kunci) in p.asal:
            lokasi[anak] = p.asal[(id(obj), kunci)]
        elif id(obj) in p.asal_obj and isinstance(kunci, str):
            lembar, baris = p.asal_obj[id(obj)]
            judul = _judul(lembar, _KOLOM_PK_KEDUA.get(kunci, kunci)) if lembar else None
            lokasi[anak] = (lembar, baris, judul)
        _petakan(isi, anak, p, lokasi)
