"""Loader of the `sakip-dataset/1` interchange format (shared/data/SCHEMA.md).

Contract:
- `validasi(data)` checks the whole file and returns every problem found, each with its JSON
  path (`$.program[2].kegiatan[0].kode`) and an Indonesian message. Unknown keys are ignored;
  a known key with a wrong value is a problem.
- `muat(data)` writes nothing when `validasi` finds a problem (it raises `DatasetTidakValid`);
  otherwise it upserts every object on its natural key inside one transaction and writes an
  audit entry per created, updated or deleted object plus one summary entry. Loading the same
  file twice changes nothing the second time.
- Decimal values are strings in plain notation (`"65.22"`) parsed with `Decimal`; JSON floats
  are refused. `null` means "no data": NULL in a number field, "" in a text field, and no row
  where a row would only say "no data" (an existing row is emptied instead).
- Shared pemda-level data (kepala daerah, RPJMD visi and misi text) is never erased by a file
  that does not carry it: another Perangkat Daerah of the same pemda may have supplied it.
- A Perjanjian Kinerja that has been signed in the application is never modified.
"""

from __future__ import annotations

import datetime
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from anggaran.models import AnggaranBelanja, Pagu, RealisasiAnggaran
from common.audit import catat, catat_banyak, nilai_json
from kinerja.models import (
    EvaluasiSakip,
    PerjanjianKinerja,
    PKAnggaran,
    PKIndikator,
    Realisasi,
    RencanaAksi,
    StatusPK,
    StatusRealisasi,
    TingkatAnggaran,
    VersiPK,
)

from .kode import adalah_kode_kepmendagri, kode_memperluas, normalisasi_kode
from .models import (
    PESAN_KODE_KEGIATAN,
    PESAN_KODE_SUB_KEGIATAN,
    CaraAgregasi,
    Eselon,
    Indikator,
    JenisNilai,
    JenisPemda,
    JenisTabelSumberDaya,
    JenisTarget,
    Kegiatan,
    Misi,
    Pejabat,
    PemerintahDaerah,
    PerangkatDaerah,
    PeriodeRenstra,
    Polaritas,
    Program,
    Rpjmd,
    Sasaran,
    StatusJabatan,
    SubKegiatan,
    TabelSumberDaya,
    Target,
    TargetTriwulan,
    Tujuan,
    UnitKerja,
)

FORMAT = "sakip-dataset/1"

AKSI_BUAT = "dataset.buat"
AKSI_UBAH = "dataset.ubah"
AKSI_HAPUS = "dataset.hapus"
AKSI_MUAT = "dataset.muat"

# Predikat letters (PermenPANRB 88/2021) and audit opinions a target or realisation may hold.
PREDIKAT = ("AA", "A", "BB", "B", "CC", "C", "D", "WTP", "WDP", "TW", "TMP")

# --- Messages (Indonesian, asserted by the tests) -------------------------------------------
PESAN_JSON_TIDAK_SAH = (
    "Berkas bukan JSON yang sah: kesalahan sintaks di baris {baris}, kolom {kolom} ({galat})."
)
PESAN_BERKAS_TIDAK_TERBACA = "Berkas tidak dapat dibaca: {galat}."
PESAN_BERKAS_TIDAK_ADA = "Berkas {path} tidak ditemukan."
PESAN_BUKAN_UTF8 = "Berkas harus berupa teks UTF-8."
PESAN_BERKAS_BUKAN_OBJEK = "Isi berkas harus berupa objek JSON {…}."
PESAN_FORMAT = 'Format harus "sakip-dataset/1", bukan {nilai}.'
PESAN_WAJIB = "Wajib diisi."
PESAN_BUKAN_TEKS = "Harus berupa teks."
PESAN_BUKAN_OBJEK = "Harus berupa objek JSON {…}."
PESAN_BUKAN_DAFTAR = "Harus berupa daftar JSON […]."
PESAN_BUKAN_BOOLEAN = "Harus true atau false."
PESAN_BUKAN_BULAT = "Harus berupa bilangan bulat."
PESAN_TERLALU_PANJANG = "Teks terlalu panjang: paling banyak {maks} karakter."
PESAN_FLOAT = 'Nilai {nilai} harus berupa teks angka, mis. "65.22", bukan bilangan pecahan JSON.'
PESAN_DESIMAL = (
    'Nilai {nilai} harus berupa teks angka dalam notasi biasa, mis. "65.22" '
    "(titik sebagai pemisah desimal, tanpa pemisah ribuan, spasi atau satuan)."
)
PESAN_PRESISI = (
    "Nilai {nilai} melebihi presisi yang dapat disimpan: paling banyak 16 digit sebelum dan "
    "4 digit sesudah titik."
)
PESAN_NILAI = (
    'Nilai {nilai} bukan angka, predikat ({predikat}) maupun rentang {{"bawah": …, "atas": …}}.'
)
PESAN_NILAI_TANPA_RENTANG = "Nilai {nilai} bukan angka maupun predikat ({predikat})."
PESAN_RENTANG = 'Rentang harus berisi "bawah" dan/atau "atas" berupa teks angka.'
PESAN_RENTANG_TERBALIK = "Batas bawah rentang tidak boleh melebihi batas atas."
PESAN_NEGATIF = "Jumlah anggaran tidak boleh negatif."
PESAN_PENYEBUT_NOL = "Penyebut tidak boleh nol."
PESAN_PILIHAN = "Nilai {nilai} tidak dikenal; pilihan: {pilihan}."
PESAN_KUNCI_TAHUN = 'Kunci {kunci} harus berupa tahun empat digit, mis. "2023".'
PESAN_TAHUN = "Tahun {nilai} harus berupa bilangan bulat empat digit, mis. 2023."
PESAN_PERIODE = "Periode harus [tahun awal, tahun akhir] dengan tahun akhir setelah tahun awal."
PESAN_PERIODE_TIDAK_DIKETAHUI = (
    "Periode Renstra tidak dapat ditentukan: renstra dan rpjmd kosong dan berkas tidak memuat "
    "tahun apa pun."
)
PESAN_TRIWULAN = "Daftar triwulan berisi paling banyak 4 nilai (TW I–IV)."
PESAN_TANGGAL = 'Tanggal {nilai} harus berformat "YYYY-MM" atau "YYYY-MM-DD".'
PESAN_NIP = "NIP {nip} harus 18 digit angka tanpa spasi."
PESAN_SLUG = "Kode {kode} hanya boleh berisi huruf, angka, tanda hubung dan garis bawah."
PESAN_KODE_GANDA = "Kode {kode} dipakai lebih dari sekali (juga di {lain})."
PESAN_NIP_GANDA = "NIP {kode} dipakai lebih dari sekali (juga di {lain})."
PESAN_JABATAN_GANDA = (
    "Jabatan {kode} tanpa NIP dipakai lebih dari sekali (juga di {lain}); pejabat tanpa NIP "
    "dikenali dari jabatannya."
)
PESAN_BARIS_GANDA = "Baris {kode} muncul lebih dari sekali (juga di {lain})."
PESAN_KODE_KEPMENDAGRI = "Kode {kode} bukan kode Kepmendagri {tingkat} (bentuk {contoh})."
PESAN_UNIT_TIDAK_ADA = "Unit kerja {kode} tidak ada di unit_kerja."
PESAN_INDUK_MELINGKAR = "Induk unit kerja {kode} melingkar (unit menjadi induk dirinya sendiri)."
PESAN_SASARAN_TIDAK_ADA = "Sasaran {kode} tidak ada di sasaran."
PESAN_TUJUAN_TIDAK_ADA = "Tujuan {kode} tidak ada di tujuan."
PESAN_INDIKATOR_TIDAK_ADA = "Indikator {kode} tidak ada di berkas."
PESAN_MISI_TIDAK_ADA = "Misi nomor {nomor} tidak ada di rpjmd.misi."
PESAN_PEJABAT_TIDAK_ADA = (
    "Pihak pertama {kode} tidak cocok dengan NIP maupun nama pejabat mana pun di pejabat."
)
PESAN_JABATAN_TIDAK_ADA = "Jabatan {kode} tidak cocok dengan jabatan pejabat mana pun di pejabat."
PESAN_PIHAK_PERTAMA_WAJIB = "Isi pihak_pertama (NIP atau nama) atau pihak_pertama_jabatan."
PESAN_PLT = 'Harus true, false, null, "Plt." atau "Plh.".'
PESAN_JUDUL_TABEL_GANDA = "Judul tabel {kode} dipakai lebih dari sekali (juga di {lain})."
PESAN_SEL_TABEL = "Sel tabel harus berupa teks, bilangan bulat atau null."
PESAN_PANJANG_BARIS = "Baris berisi {jumlah} sel, padahal tabel memiliki {kolom} kolom."

PESAN_DATASET_TIDAK_VALID = "Dataset tidak valid: {jumlah} masalah."
PESAN_CATATAN_RENSTRA = (
    "Berkas tidak memuat periode Renstra; periode {awal}–{akhir} diambil dari {sumber}."
)
PESAN_CATATAN_PK_DITANDATANGANI = (
    "Perjanjian Kinerja {pk} sudah ditandatangani di aplikasi dan tidak diubah."
)

# The JSON parser's messages (json.JSONDecodeError.msg), in Indonesian.
GALAT_JSON = {
    "Expecting value": "nilai diharapkan",
    "Expecting property name enclosed in double quotes": (
        "nama kunci dalam tanda petik ganda diharapkan"
    ),
    "Expecting ',' delimiter": "tanda koma diharapkan",
    "Expecting ':' delimiter": "tanda titik dua diharapkan",
    "Unterminated string starting at": "teks tidak ditutup dengan tanda petik",
    "Invalid control character at": "karakter kendali tidak sah di dalam teks",
    "Invalid \\escape": "urutan escape tidak sah",
    "Extra data": "ada data setelah akhir objek JSON",
}

# Model labels, in the order the summary prints them.
LABEL = {
    PemerintahDaerah: "pemerintah daerah",
    PerangkatDaerah: "perangkat daerah",
    UnitKerja: "unit kerja",
    Pejabat: "pejabat",
    Rpjmd: "RPJMD",
    Misi: "misi",
    PeriodeRenstra: "periode Renstra",
    Tujuan: "tujuan",
    Sasaran: "sasaran",
    Program: "program",
    Kegiatan: "kegiatan",
    SubKegiatan: "sub-kegiatan",
    Indikator: "indikator",
    Target: "target",
    TargetTriwulan: "target triwulan",
    RencanaAksi: "rencana aksi",
    Realisasi: "realisasi",
    Pagu: "pagu",
    RealisasiAnggaran: "realisasi anggaran",
    PerjanjianKinerja: "perjanjian kinerja",
    PKIndikator: "indikator PK",
    PKAnggaran: "anggaran PK",
    AnggaranBelanja: "anggaran belanja",
    EvaluasiSakip: "evaluasi SAKIP",
    TabelSumberDaya: "tabel sumber daya",
}

_DESIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_TAHUN = re.compile(r"^\d{4}$")
_NIP = re.compile(r"^\d{18}$")
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
_TANGGAL_BULAN = re.compile(r"^(\d{4})-(\d{2})$")
_TANGGAL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_MAKS_DIGIT_BULAT = 16
_MAKS_DIGIT_PECAHAN = 4

_TINGKAT_SIMPUL = ("program", "kegiatan", "sub_kegiatan")
_ANAK = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}
_SEGMEN_KODE = {"program": 3, "kegiatan": 5, "sub_kegiatan": 6}
_CONTOH_KODE = {"program": "8.01.02", "kegiatan": "8.01.02.2.01", "sub_kegiatan": "8.01.02.2.01.02"}
_NAMA_TINGKAT = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub-kegiatan"}


# --- Public types ---------------------------------------------------------------------------


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


@dataclass
class HasilMuat:
    """What a load did, per model label ("sasaran", "indikator", …)."""

    perangkat_daerah: PerangkatDaerah | None = None
    dry_run: bool = False
    dibuat: Counter[str] = field(default_factory=Counter)
    diperbarui: Counter[str] = field(default_factory=Counter)
    tidak_berubah: Counter[str] = field(default_factory=Counter)
    dihapus: Counter[str] = field(default_factory=Counter)
    catatan: list[str] = field(default_factory=list)

    @property
    def ada_perubahan(self) -> bool:
        return bool(+self.dibuat or +self.diperbarui or +self.dihapus)

    def ringkasan(self) -> str:
        """Indonesian lines for the command output: one per model, then totals and notes."""
        pd = self.perangkat_daerah
        judul = f"{pd.nama} ({pd.slug})" if pd is not None else "-"
        baris = [f"Perangkat daerah: {judul}"]
        if self.dry_run:
            baris.append("Uji coba (--dry-run): tidak ada yang disimpan.")
        label_ada = set(self.dibuat) | set(self.diperbarui) | set(self.tidak_berubah)
        label_ada |= set(self.dihapus)
        urutan = [lbl for lbl in LABEL.values() if lbl in label_ada]
        urutan += sorted(label_ada - set(urutan))
        lebar = max((len(lbl) for lbl in urutan), default=0)
        for lbl in urutan:
            teks = (
                f"  {lbl.ljust(lebar)}  dibuat {self.dibuat[lbl]}, "
                f"diperbarui {self.diperbarui[lbl]}, tidak berubah {self.tidak_berubah[lbl]}"
            )
            if self.dihapus[lbl]:
                teks += f", dihapus {self.dihapus[lbl]}"
            baris.append(teks)
        baris.append(
            f"Jumlah: dibuat {self.dibuat.total()}, diperbarui {self.diperbarui.total()}, "
            f"tidak berubah {self.tidak_berubah.total()}, dihapus {self.dihapus.total()}."
        )
        baris += [f"Catatan: {c}" for c in self.catatan]
        return "\n".join(baris)


# --- Public functions -----------------------------------------------------------------------


def validasi(data: dict) -> list[Masalah]:
    """Every problem of `data` (an empty list when it can be loaded)."""
    pemeriksa = _Pemeriksa()
    pemeriksa.periksa(data)
    return pemeriksa.masalah


def baca_berkas(path: str | Path) -> dict:
    """The parsed JSON of `path`; unreadable or invalid JSON raises `DatasetTidakValid`."""
    try:
        teks = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DatasetTidakValid([Masalah("$", PESAN_BUKAN_UTF8)]) from None
    except FileNotFoundError:
        pesan = PESAN_BERKAS_TIDAK_ADA.format(path=path)
        raise DatasetTidakValid([Masalah("$", pesan)]) from None
    except OSError as exc:
        pesan = PESAN_BERKAS_TIDAK_TERBACA.format(galat=exc.strerror or exc)
        raise DatasetTidakValid([Masalah("$", pesan)]) from None
    try:
        return json.loads(teks)
    except json.JSONDecodeError as exc:
        galat = GALAT_JSON.get(exc.msg, exc.msg)
        pesan = PESAN_JSON_TIDAK_SAH.format(baris=exc.lineno, kolom=exc.colno, galat=galat)
        raise DatasetTidakValid([Masalah("$", pesan)]) from None


def muat(data: dict, *, pengguna=None, dry_run: bool = False) -> HasilMuat:
    """Validate `data`, then upsert it in one transaction (rolled back when `dry_run`)."""
    masalah = validasi(data)
    if masalah:
        raise DatasetTidakValid(masalah)
    hasil = HasilMuat(dry_run=dry_run)
    with transaction.atomic():
        _Pemuat(data, pengguna=pengguna, hasil=hasil).jalankan()
        if dry_run:
            transaction.set_rollback(True)
    return hasil


def muat_berkas(path: str | Path, *, pengguna=None, dry_run: bool = False) -> HasilMuat:
    """Read the JSON file at `path` and `muat` it."""
    return muat(baca_berkas(path), pengguna=pengguna, dry_run=dry_run)


# --- Helpers shared by the validator and the loader -----------------------------------------


def _jalur(induk: str, kunci: str | int) -> str:
    if isinstance(kunci, int):
        return f"{induk}[{kunci}]"
    if _IDENTIFIER.match(kunci):
        return f"{induk}.{kunci}"
    return f"{induk}[{json.dumps(kunci, ensure_ascii=False)}]"


def _tampil(nilai: Any) -> str:
    teks = json.dumps(nilai, ensure_ascii=False)
    return teks if len(teks) <= 60 else teks[:57] + "…"


def _desimal(nilai: Any) -> Decimal | None:
    """A validated decimal value: None, a plain-notation string or a JSON integer."""
    if nilai is None:
        return None
    return Decimal(nilai) if isinstance(nilai, str) else Decimal(int(nilai))


def _urai_nilai(nilai: Any) -> dict[str, Any]:
    """A validated target value as NilaiTargetMixin fields."""
    hasil = {"nilai": None, "predikat": "", "batas_bawah": None, "batas_atas": None}
    if isinstance(nilai, dict):
        hasil["batas_bawah"] = _desimal(nilai.get("bawah"))
        hasil["batas_atas"] = _desimal(nilai.get("atas"))
    elif isinstance(nilai, str) and nilai in PREDIKAT:
        hasil["predikat"] = nilai
    else:
        hasil["nilai"] = _desimal(nilai)
    return hasil


def _teks_nilai(nilai: Any) -> str:
    """A kondisi awal/akhir (number or predikat) as stored text."""
    if nilai is None:
        return ""
    return nilai if isinstance(nilai, str) else str(nilai)


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
    for obj in _list(data.get("perjanjian_kinerja")) + _list(data.get("anggaran_belanja")):
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


def _periode_renstra(data: dict) -> tuple[int, int, str | None]:
    """(tahun awal, tahun akhir, where it came from when the file has no Renstra period)."""
    renstra = data.get("renstra")
    if isinstance(renstra, dict):
        awal, akhir = renstra["periode"]
        return awal, akhir, None
    rpjmd = data.get("rpjmd")
    if isinstance(rpjmd, dict):
        awal, akhir = rpjmd["periode"]
        return awal, akhir, "periode RPJMD"
    tahun = _tahun_dalam_berkas(data)
    awal, akhir = min(tahun), max(tahun)
    return awal, max(akhir, awal + 1), "tahun-tahun dalam berkas"


def _maks(model: type[models.Model], nama: str) -> int | None:
    return model._meta.get_field(nama).max_length


# --- Validation -----------------------------------------------------------------------------


class _Pemeriksa:
    """Walks a dataset and collects every problem; references are checked at the end."""

    def __init__(self) -> None:
        self.masalah: list[Masalah] = []
        self.kode: dict[Any, dict[str, str]] = defaultdict(dict)
        self.rujukan: list[tuple[str, str, str]] = []
        self.induk_unit: dict[str, tuple[str, str]] = {}
        self.nama_pejabat: set[str] = set()
        self.jabatan_pejabat: set[str] = set()
        self.jumlah_misi: int | None = None

    # Primitive checks -------------------------------------------------------------------

    def salah(self, path: str, pesan: str) -> None:
        self.masalah.append(Masalah(path, pesan))

    def daftarkan(self, ruang: Any, kode: str | None, path: str, pesan: str = PESAN_KODE_GANDA):
        if kode is None:
            return
        lain = self.kode[ruang].get(kode)
        if lain is not None:
            self.salah(path, pesan.format(kode=_tampil(kode), lain=lain))
        else:
            self.kode[ruang][kode] = path

    def rujuk(self, jenis: str, kode: str, path: str) -> None:
        self.rujukan.append((jenis, kode, path))

    def objek(self, nilai: Any, path: str, *, wajib: bool = True) -> dict | None:
        if nilai is None:
            if wajib:
                self.salah(path, PESAN_WAJIB)
            return None
        if not isinstance(nilai, dict):
            self.salah(path, PESAN_BUKAN_OBJEK)
            return None
        return nilai

    def daftar(self, nilai: Any, path: str) -> list:
        if nilai is None:
            return []
        if not isinstance(nilai, list):
            self.salah(path, PESAN_BUKAN_DAFTAR)
            return []
        return nilai

    def teks(
        self, obj: dict, kunci: str, path: str, *, wajib: bool = False, maks: int | None = None
    ) -> str | None:
        nilai = obj.get(kunci)
        p = _jalur(path, kunci)
        if nilai is None:
            if wajib:
                self.salah(p, PESAN_WAJIB)
            return None
        if not isinstance(nilai, str):
            self.salah(p, PESAN_BUKAN_TEKS)
            return None
        if wajib and not nilai.strip():
            self.salah(p, PESAN_WAJIB)
            return None
        if maks is not None and len(nilai) > maks:
            self.salah(p, PESAN_TERLALU_PANJANG.format(maks=maks))
        return nilai

    def boolean(self, obj: dict, kunci: str, path: str) -> None:
        nilai = obj.get(kunci)
        if nilai is not None and not isinstance(nilai, bool):
            self.salah(_jalur(path, kunci), PESAN_BUKAN_BOOLEAN)

    def pilihan(
        self, obj: dict, kunci: str, path: str, pilihan: Iterable[str], *, wajib: bool = False
    ) -> str | None:
        nilai = obj.get(kunci)
        p = _jalur(path, kunci)
        pilihan = list(pilihan)
        if nilai is None:
            if wajib:
                self.salah(p, PESAN_WAJIB)
            return None
        if nilai not in pilihan:
            self.salah(p, PESAN_PILIHAN.format(nilai=_tampil(nilai), pilihan=", ".join(pilihan)))
            return None
        return nilai

    def bulat(self, obj: dict, kunci: str, path: str, *, wajib: bool = False) -> int | None:
        nilai = obj.get(kunci)
        p = _jalur(path, kunci)
        if nilai is None:
            if wajib:
                self.salah(p, PESAN_WAJIB)
            return None
        if isinstance(nilai, bool) or not isinstance(nilai, int):
            self.salah(p, PESAN_BUKAN_BULAT)
            return None
        return nilai

    def tahun(self, obj: dict, kunci: str, path: str, *, wajib: bool = False) -> int | None:
        nilai = obj.get(kunci)
        if nilai is None:
            if wajib:
                self.salah(_jalur(path, kunci), PESAN_WAJIB)
            return None
        if isinstance(nilai, bool) or not isinstance(nilai, int) or not 1000 <= nilai <= 9999:
            self.salah(_jalur(path, kunci), PESAN_TAHUN.format(nilai=_tampil(nilai)))
            return None
        return nilai

    def per_tahun(self, nilai: Any, path: str) -> Iterator[tuple[str, Any, str]]:
        """(year key, value, path) of a {"2023": …} object, reporting bad keys."""
        obj = self.objek(nilai, path, wajib=False)
        for kunci, isi in (obj or {}).items():
            p = _jalur(path, kunci)
            if not _TAHUN.match(kunci):
                self.salah(p, PESAN_KUNCI_TAHUN.format(kunci=_tampil(kunci)))
                continue
            yield kunci, isi, p

    def desimal(self, nilai: Any, path: str, *, tidak_negatif: bool = False) -> bool:
        """True when `nilai` is a usable decimal (None counts as usable: no data)."""
        if nilai is None:
            return True
        if isinstance(nilai, float):
            self.salah(path, PESAN_FLOAT.format(nilai=_tampil(nilai)))
            return False
        if isinstance(nilai, bool) or not isinstance(nilai, int | str):
            self.salah(path, PESAN_DESIMAL.format(nilai=_tampil(nilai)))
            return False
        if isinstance(nilai, str):
            if not _DESIMAL.match(nilai):
                self.salah(path, PESAN_DESIMAL.format(nilai=_tampil(nilai)))
                return False
            bulat, _, pecahan = nilai.lstrip("-").partition(".")
            if len(bulat.lstrip("0")) > _MAKS_DIGIT_BULAT or len(pecahan) > _MAKS_DIGIT_PECAHAN:
                self.salah(path, PESAN_PRESISI.format(nilai=_tampil(nilai)))
                return False
        elif abs(nilai) >= 10**_MAKS_DIGIT_BULAT:
            self.salah(path, PESAN_PRESISI.format(nilai=_tampil(nilai)))
            return False
        if tidak_negatif and _desimal(nilai) < 0:
            self.salah(path, PESAN_NEGATIF)
            return False
        return True

    def nilai(self, nilai: Any, path: str, *, rentang: bool = True) -> None:
        """A target/realisation value: number, predikat, range (when allowed) or null."""
        if isinstance(nilai, str) and nilai in PREDIKAT:
            return
        if isinstance(nilai, dict) and rentang:
            bawah, atas = nilai.get("bawah"), nilai.get("atas")
            if bawah is None and atas is None:
                self.salah(path, PESAN_RENTANG)
                return
            ok = self.desimal(bawah, _jalur(path, "bawah"))
            ok = self.desimal(atas, _jalur(path, "atas")) and ok
            if ok and bawah is not None and atas is not None and _desimal(bawah) > _desimal(atas):
                self.salah(path, PESAN_RENTANG_TERBALIK)
            return
        if isinstance(nilai, str) and not _DESIMAL.match(nilai):
            # Letters that are no known predikat, or a number in the wrong notation.
            if re.search(r"\d", nilai):
                self.salah(path, PESAN_DESIMAL.format(nilai=_tampil(nilai)))
            else:
                self.tolak_nilai(nilai, path, rentang)
            return
        if isinstance(nilai, dict | list | bool):
            self.tolak_nilai(nilai, path, rentang)
            return
        self.desimal(nilai, path)

    def tolak_nilai(self, nilai: Any, path: str, rentang: bool) -> None:
        pesan = PESAN_NILAI if rentang else PESAN_NILAI_TANPA_RENTANG
        self.salah(path, pesan.format(nilai=_tampil(nilai), predikat=", ".join(PREDIKAT)))

    def triwulan(self, nilai: Any, path: str) -> list:
        daftar = self.daftar(nilai, path)
        if len(daftar) > 4:
            self.salah(path, PESAN_TRIWULAN)
        return daftar[:4]

    def periode(self, obj: dict, path: str) -> tuple[int, int] | None:
        p = _jalur(path, "periode")
        nilai = obj.get("periode")
        if (
            isinstance(nilai, list)
            and len(nilai) == 2
            and all(isinstance(t, int) and not isinstance(t, bool) for t in nilai)
            and 1000 <= nilai[0] < nilai[1] <= 9999
        ):
            return nilai[0], nilai[1]
        self.salah(p, PESAN_PERIODE)
        return None

    # The file ------------------------------------------------------------------------------

    def periksa(self, data: Any) -> None:
        if not isinstance(data, dict):
            self.salah("$", PESAN_BERKAS_BUKAN_OBJEK)
            return
        if data.get("format") != FORMAT:
            self.salah("$.format", PESAN_FORMAT.format(nilai=_tampil(data.get("format"))))
        self.pemda(data)
        self.perangkat_daerah(data)
        for i, unit in enumerate(self.daftar(data.get("unit_kerja"), "$.unit_kerja")):
            self.unit(unit, f"$.unit_kerja[{i}]")
        for i, pejabat in enumerate(self.daftar(data.get("pejabat"), "$.pejabat")):
            self.pejabat(pejabat, f"$.pejabat[{i}]")
        self.rpjmd_renstra(data)
        for i, tujuan in enumerate(self.daftar(data.get("tujuan"), "$.tujuan")):
            self.tujuan(tujuan, f"$.tujuan[{i}]")
        for i, sasaran in enumerate(self.daftar(data.get("sasaran"), "$.sasaran")):
            self.sasaran(sasaran, f"$.sasaran[{i}]")
        for i, program in enumerate(self.daftar(data.get("program"), "$.program")):
            self.simpul(program, f"$.program[{i}]", "program", None, ())
        pks = self.daftar(data.get("perjanjian_kinerja"), "$.perjanjian_kinerja")
        for i, pk in enumerate(pks):
            self.perjanjian(pk, f"$.perjanjian_kinerja[{i}]")
        belanja = self.daftar(data.get("anggaran_belanja"), "$.anggaran_belanja")
        for i, baris in enumerate(belanja):
            self.anggaran_belanja(baris, f"$.anggaran_belanja[{i}]")
        for i, baris in enumerate(self.daftar(data.get("evaluasi_sakip"), "$.evaluasi_sakip")):
            self.evaluasi(baris, f"$.evaluasi_sakip[{i}]")
        for i, tabel in enumerate(self.daftar(data.get("sdm"), "$.sdm")):
            self.tabel_sumber_daya(tabel, f"$.sdm[{i}]")
        self.periksa_rujukan()

    def pemda(self, data: dict) -> None:
        pemda = self.objek(data.get("pemda"), "$.pemda")
        if pemda is None:
            return
        self.teks(pemda, "nama", "$.pemda", wajib=True, maks=_maks(PemerintahDaerah, "nama"))
        self.pilihan(pemda, "jenis", "$.pemda", JenisPemda.values, wajib=True)
        kd = self.objek(pemda.get("kepala_daerah"), "$.pemda.kepala_daerah", wajib=False)
        if kd is not None:
            p = "$.pemda.kepala_daerah"
            self.teks(kd, "nama", p, maks=_maks(PemerintahDaerah, "kepala_daerah_nama"))
            self.teks(kd, "jabatan", p, maks=_maks(PemerintahDaerah, "kepala_daerah_jabatan"))

    def perangkat_daerah(self, data: dict) -> None:
        p = "$.perangkat_daerah"
        pd = self.objek(data.get("perangkat_daerah"), p)
        if pd is None:
            return
        slug = self.teks(pd, "slug", p, wajib=True, maks=_maks(PerangkatDaerah, "slug"))
        if slug is not None and not _SLUG.match(slug):
            self.salah(_jalur(p, "slug"), PESAN_SLUG.format(kode=_tampil(slug)))
        self.teks(pd, "nama", p, wajib=True, maks=_maks(PerangkatDaerah, "nama"))
        for kunci in ("singkatan", "alamat", "telepon", "email", "kota_ttd"):
            self.teks(pd, kunci, p, maks=_maks(PerangkatDaerah, kunci))

    def unit(self, unit: Any, path: str) -> None:
        if self.objek(unit, path) is None:
            return
        kode = self.teks(unit, "kode", path, wajib=True, maks=_maks(UnitKerja, "kode"))
        if kode is not None and not _SLUG.match(kode):
            self.salah(_jalur(path, "kode"), PESAN_SLUG.format(kode=_tampil(kode)))
        self.daftarkan("unit", kode, _jalur(path, "kode"))
        self.teks(unit, "nama", path, wajib=True, maks=_maks(UnitKerja, "nama"))
        induk = self.teks(unit, "induk", path)
        if induk is not None:
            self.rujuk("unit", induk, _jalur(path, "induk"))
            if kode is not None:
                self.induk_unit[kode] = (induk, _jalur(path, "induk"))

    def pejabat(self, pejabat: Any, path: str) -> None:
        if self.objek(pejabat, path) is None:
            return
        nip = self.teks(pejabat, "nip", path)
        if nip is not None:
            if _NIP.match(nip):
                self.daftarkan("nip", nip, _jalur(path, "nip"), PESAN_NIP_GANDA)
            else:
                self.salah(_jalur(path, "nip"), PESAN_NIP.format(nip=_tampil(nip)))
        nama = self.teks(pejabat, "nama", path, maks=_maks(Pejabat, "nama"))
        if nama:
            self.nama_pejabat.add(nama)
        self.teks(pejabat, "pangkat", path, maks=_maks(Pejabat, "pangkat"))
        self.teks(pejabat, "golongan", path, maks=_maks(Pejabat, "golongan"))
        jabatan = self.teks(pejabat, "jabatan", path, wajib=True, maks=_maks(Pejabat, "jabatan"))
        if jabatan is not None:
            self.jabatan_pejabat.add(jabatan)
            if pejabat.get("nip") is None:
                self.daftarkan("jabatan", jabatan, _jalur(path, "jabatan"), PESAN_JABATAN_GANDA)
        self.pilihan(pejabat, "eselon", path, Eselon.values)
        unit = self.teks(pejabat, "unit", path)
        if unit is not None:
            self.rujuk("unit", unit, _jalur(path, "unit"))
        plt = pejabat.get("plt")
        if not (plt is None or isinstance(plt, bool) or plt in ("Plt.", "Plh.")):
            self.salah(_jalur(path, "plt"), PESAN_PLT)

    def rpjmd_renstra(self, data: dict) -> None:
        rpjmd = self.objek(data.get("rpjmd"), "$.rpjmd", wajib=False)
        if rpjmd is not None:
            self.periode(rpjmd, "$.rpjmd")
            self.teks(rpjmd, "visi", "$.rpjmd")
            misi = self.daftar(rpjmd.get("misi"), "$.rpjmd.misi")
            for i, uraian in enumerate(misi):
                if uraian is not None and not isinstance(uraian, str):
                    self.salah(f"$.rpjmd.misi[{i}]", PESAN_BUKAN_TEKS)
            self.jumlah_misi = len(misi)
        renstra = self.objek(data.get("renstra"), "$.renstra", wajib=False)
        if renstra is not None:
            self.periode(renstra, "$.renstra")
        elif rpjmd is None and not _tahun_dalam_berkas(data):
            self.salah("$.renstra", PESAN_PERIODE_TIDAK_DIKETAHUI)

    def tujuan(self, tujuan: Any, path: str) -> None:
        if self.objek(tujuan, path) is None:
            return
        kode = self.teks(tujuan, "kode", path, wajib=True, maks=_maks(Tujuan, "kode"))
        self.daftarkan("tujuan", kode, _jalur(path, "kode"))
        self.teks(tujuan, "uraian", path, wajib=True)
        misi = self.bulat(tujuan, "misi", path)
        if misi is not None and not (self.jumlah_misi and 1 <= misi <= self.jumlah_misi):
            self.salah(_jalur(path, "misi"), PESAN_MISI_TIDAK_ADA.format(nomor=misi))
        self.daftar_indikator(tujuan, path)

    def sasaran(self, sasaran: Any, path: str) -> None:
        if self.objek(sasaran, path) is None:
            return
        kode = self.teks(sasaran, "kode", path, wajib=True, maks=_maks(Sasaran, "kode"))
        self.daftarkan("sasaran", kode, _jalur(path, "kode"))
        self.teks(sasaran, "uraian", path, wajib=True)
        tujuan = self.teks(sasaran, "tujuan", path)
        if tujuan is not None:
            self.rujuk("tujuan", tujuan, _jalur(path, "tujuan"))
        self.daftar_indikator(sasaran, path)

    def simpul(
        self, simpul: Any, path: str, tingkat: str, induk: str | None, kunci_induk: tuple
    ) -> None:
        """A program, kegiatan or sub-kegiatan and its children."""
        if self.objek(simpul, path) is None:
            return
        kode = self.teks(simpul, "kode", path, wajib=True, maks=50)
        self.daftarkan(tingkat, kode, _jalur(path, "kode"))
        kepmendagri = self.teks(simpul, "kode_kepmendagri", path, maks=50)
        if kepmendagri is not None and not (
            adalah_kode_kepmendagri(kepmendagri)
            and len(kepmendagri.strip().split(".")) == _SEGMEN_KODE[tingkat]
        ):
            self.salah(
                _jalur(path, "kode_kepmendagri"),
                PESAN_KODE_KEPMENDAGRI.format(
                    kode=_tampil(kepmendagri),
                    tingkat=_NAMA_TINGKAT[tingkat],
                    contoh=_CONTOH_KODE[tingkat],
                ),
            )
            kepmendagri = None
        self.teks(simpul, "nama", path, wajib=True)
        simpan = normalisasi_kode(kepmendagri or kode) if (kepmendagri or kode) else None
        path_simpan = _jalur(path, "kode_kepmendagri" if kepmendagri else "kode")
        kunci = (*kunci_induk, simpan)
        if simpan is not None:
            self.daftarkan(("simpan", tingkat, kunci_induk), simpan, path_simpan)
            if induk is not None and not kode_memperluas(simpan, induk):
                pesan = PESAN_KODE_KEGIATAN if tingkat == "kegiatan" else PESAN_KODE_SUB_KEGIATAN
                self.salah(path_simpan, pesan.format(anak=simpan, induk=induk))
        if tingkat == "program":
            for i, kode_sasaran in enumerate(self.daftar(simpul.get("sasaran"), f"{path}.sasaran")):
                if isinstance(kode_sasaran, str):
                    self.rujuk("sasaran", kode_sasaran, f"{path}.sasaran[{i}]")
                else:
                    self.salah(f"{path}.sasaran[{i}]", PESAN_BUKAN_TEKS)
        unit = self.teks(simpul, "unit", path)
        if unit is not None:
            self.rujuk("unit", unit, _jalur(path, "unit"))
        self.daftar_indikator(simpul, path)
        for _th, isi, p in self.per_tahun(simpul.get("pagu"), f"{path}.pagu"):
            pagu = self.objek(isi, p, wajib=False)
            for kunci_pagu in ("murni", "perubahan"):
                if pagu is not None:
                    self.desimal(pagu.get(kunci_pagu), _jalur(p, kunci_pagu), tidak_negatif=True)
        for _th, isi, p in self.per_tahun(
            simpul.get("realisasi_anggaran"), f"{path}.realisasi_anggaran"
        ):
            for i, jumlah in enumerate(self.triwulan(isi, p)):
                self.desimal(jumlah, f"{p}[{i}]", tidak_negatif=True)
        for _th, isi, p in self.per_tahun(
            simpul.get("realisasi_anggaran_tahunan"), f"{path}.realisasi_anggaran_tahunan"
        ):
            self.desimal(isi, p, tidak_negatif=True)
        anak = _ANAK.get(tingkat)
        if anak is not None:
            for i, sub in enumerate(self.daftar(simpul.get(anak), f"{path}.{anak}")):
                self.simpul(sub, f"{path}.{anak}[{i}]", anak, simpan, kunci)

    def daftar_indikator(self, induk: dict, path: str) -> None:
        for i, ind in enumerate(self.daftar(induk.get("indikator"), f"{path}.indikator")):
            self.indikator(ind, f"{path}.indikator[{i}]")

    def indikator(self, ind: Any, path: str) -> None:
        if self.objek(ind, path) is None:
            return
        kode = self.teks(ind, "kode", path, wajib=True, maks=_maks(Indikator, "kode"))
        self.daftarkan("indikator", kode, _jalur(path, "kode"))
        self.teks(ind, "uraian", path, wajib=True)
        self.teks(ind, "satuan", path, maks=_maks(Indikator, "satuan"))
        self.boolean(ind, "iku", path)
        self.pilihan(ind, "jenis_nilai", path, JenisNilai.values)
        self.pilihan(ind, "polaritas", path, Polaritas.values)
        self.pilihan(ind, "cara_agregasi", path, CaraAgregasi.values)
        for kunci in ("formula", "definisi_operasional", "sumber_data"):
            self.teks(ind, kunci, path)
        self.teks(ind, "pembilang", path, maks=_maks(Indikator, "label_pembilang"))
        self.teks(ind, "penyebut", path, maks=_maks(Indikator, "label_penyebut"))
        pj = self.teks(ind, "penanggung_jawab", path)
        if pj is not None:
            self.rujuk("unit", pj, _jalur(path, "penanggung_jawab"))
        for kunci in ("kondisi_awal", "kondisi_akhir"):
            nilai = ind.get(kunci)
            self.nilai(nilai, _jalur(path, kunci), rentang=False)
            maks = _maks(Indikator, kunci)
            if isinstance(nilai, str) and len(nilai) > maks:
                self.salah(_jalur(path, kunci), PESAN_TERLALU_PANJANG.format(maks=maks))
        target = self.objek(ind.get("target"), f"{path}.target", wajib=False) or {}
        for jenis in JenisTarget.values:
            for _th, isi, p in self.per_tahun(target.get(jenis), f"{path}.target.{jenis}"):
                self.nilai(isi, p)
        for _th, isi, p in self.per_tahun(target.get("triwulan"), f"{path}.target.triwulan"):
            for i, nilai in enumerate(self.triwulan(isi, p)):
                self.nilai(nilai, f"{p}[{i}]")
        for _th, isi, p in self.per_tahun(ind.get("rencana_aksi"), f"{path}.rencana_aksi"):
            ra = self.objek(isi, p)
            if ra is None:
                continue
            for i, centang in enumerate(self.triwulan(ra.get("triwulan"), f"{p}.triwulan")):
                if not isinstance(centang, bool):
                    self.salah(f"{p}.triwulan[{i}]", PESAN_BUKAN_BOOLEAN)
            self.teks(ra, "uraian", p)
            self.nilai(ra.get("target"), f"{p}.target")
        for _th, isi, p in self.per_tahun(ind.get("realisasi"), f"{path}.realisasi"):
            real = self.objek(isi, p)
            if real is None:
                continue
            self.nilai(real.get("tahunan"), f"{p}.tahunan", rentang=False)
            for i, nilai in enumerate(self.triwulan(real.get("triwulan"), f"{p}.triwulan")):
                self.nilai(nilai, f"{p}.triwulan[{i}]", rentang=False)
            self.desimal(real.get("pembilang"), f"{p}.pembilang")
            penyebut = real.get("penyebut")
            ok = self.desimal(penyebut, f"{p}.penyebut")
            if ok and penyebut is not None and _desimal(penyebut) == 0:
                self.salah(f"{p}.penyebut", PESAN_PENYEBUT_NOL)
            for kunci in ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut"):
                self.teks(real, kunci, p)

    def perjanjian(self, pk: Any, path: str) -> None:
        if self.objek(pk, path) is None:
            return
        self.tahun(pk, "tahun", path, wajib=True)
        self.pilihan(pk, "versi", path, VersiPK.values)
        pihak = self.teks(pk, "pihak_pertama", path)
        maks = _maks(PerjanjianKinerja, "pihak_pertama_jabatan")
        jabatan = self.teks(pk, "pihak_pertama_jabatan", path, maks=maks)
        if pihak is not None:
            self.rujuk("pejabat", pihak, _jalur(path, "pihak_pertama"))
        elif jabatan:
            self.rujuk("jabatan", jabatan, _jalur(path, "pihak_pertama_jabatan"))
        elif pk.get("pihak_pertama") is None:
            self.salah(_jalur(path, "pihak_pertama"), PESAN_PIHAK_PERTAMA_WAJIB)
        kedua = self.objek(pk.get("pihak_kedua"), f"{path}.pihak_kedua", wajib=False)
        if kedua is not None:
            p = f"{path}.pihak_kedua"
            self.teks(kedua, "nama", p, maks=_maks(PerjanjianKinerja, "pihak_kedua_nama"))
            self.teks(kedua, "jabatan", p, maks=_maks(PerjanjianKinerja, "pihak_kedua_jabatan"))
            nip = self.teks(kedua, "nip", p)
            if nip is not None and not _NIP.match(nip):
                self.salah(f"{p}.nip", PESAN_NIP.format(nip=_tampil(nip)))
        self.teks(pk, "tempat", path, maks=_maks(PerjanjianKinerja, "tempat"))
        tanggal = self.teks(pk, "tanggal", path)
        if tanggal is not None and _tanggal(tanggal) is None:
            self.salah(_jalur(path, "tanggal"), PESAN_TANGGAL.format(nilai=_tampil(tanggal)))
        self.desimal(pk.get("total_tercetak"), f"{path}.total_tercetak")
        for i, baris in enumerate(self.daftar(pk.get("indikator"), f"{path}.indikator")):
            p = f"{path}.indikator[{i}]"
            if self.objek(baris, p) is None:
                continue
            self.teks(baris, "sasaran", p)
            kode = self.teks(baris, "indikator", p)
            if kode is not None:
                self.rujuk("indikator", kode, f"{p}.indikator")
            self.teks(baris, "uraian", p, wajib=True)
            self.teks(baris, "satuan", p, maks=_maks(PKIndikator, "satuan"))
            self.nilai(baris.get("target"), f"{p}.target")
            self.nilai(baris.get("target_sebelum"), f"{p}.target_sebelum", rentang=False)
        for i, baris in enumerate(self.daftar(pk.get("anggaran"), f"{path}.anggaran")):
            p = f"{path}.anggaran[{i}]"
            if self.objek(baris, p) is None:
                continue
            self.pilihan(baris, "tingkat", p, TingkatAnggaran.values, wajib=True)
            self.teks(baris, "kode", p, maks=_maks(PKAnggaran, "kode"))
            self.teks(baris, "nama", p, wajib=True)
            self.desimal(baris.get("jumlah"), f"{p}.jumlah")

    def anggaran_belanja(self, baris: Any, path: str) -> None:
        if self.objek(baris, path) is None:
            return
        tahun = self.tahun(baris, "tahun", path, wajib=True)
        kelompok = self.teks(
            baris, "kelompok", path, wajib=True, maks=_maks(AnggaranBelanja, "kelompok")
        )
        jenis = self.teks(baris, "jenis", path, maks=_maks(AnggaranBelanja, "jenis"))
        self.desimal(baris.get("pagu"), f"{path}.pagu", tidak_negatif=True)
        self.desimal(baris.get("realisasi"), f"{path}.realisasi", tidak_negatif=True)
        if tahun is not None and kelompok is not None:
            kunci = f"{tahun} {kelompok} — {jenis or ''}".strip(" —")
            self.daftarkan("anggaran_belanja", kunci, path, PESAN_BARIS_GANDA)

    def evaluasi(self, baris: Any, path: str) -> None:
        if self.objek(baris, path) is None:
            return
        tahun = self.tahun(baris, "tahun_dinilai", path)
        self.desimal(baris.get("nilai"), f"{path}.nilai")
        self.teks(baris, "predikat", path, maks=_maks(EvaluasiSakip, "predikat"))
        self.teks(baris, "evaluator", path, maks=_maks(EvaluasiSakip, "evaluator"))
        if tahun is not None or baris.get("tahun_dinilai") is None:
            label = f"tahun_dinilai {tahun if tahun is not None else 'null'}"
            self.daftarkan("evaluasi", label, path, PESAN_BARIS_GANDA)

    def tabel_sumber_daya(self, tabel: Any, path: str) -> None:
        """A printed staffing table: judul, kolom (texts), baris (rows of kolom cells)."""
        if self.objek(tabel, path) is None:
            return
        judul = self.teks(tabel, "judul", path, wajib=True)
        self.daftarkan("sdm", judul, _jalur(path, "judul"), PESAN_JUDUL_TABEL_GANDA)
        kolom = self.daftar(tabel.get("kolom"), f"{path}.kolom")
        kolom_sah = isinstance(tabel.get("kolom", []), list | None)
        for i, teks in enumerate(kolom):
            if not isinstance(teks, str):
                self.salah(f"{path}.kolom[{i}]", PESAN_BUKAN_TEKS)
        for i, baris in enumerate(self.daftar(tabel.get("baris"), f"{path}.baris")):
            p = f"{path}.baris[{i}]"
            if not isinstance(baris, list):
                self.salah(p, PESAN_BUKAN_DAFTAR)
                continue
            for j, sel in enumerate(baris):
                if not (sel is None or isinstance(sel, str) or _bulat(sel)):
                    self.salah(f"{p}[{j}]", PESAN_SEL_TABEL)
            if kolom_sah and len(baris) != len(kolom):
                self.salah(p, PESAN_PANJANG_BARIS.format(jumlah=len(baris), kolom=len(kolom)))

    def periksa_rujukan(self) -> None:
        pesan = {
            "unit": PESAN_UNIT_TIDAK_ADA,
            "sasaran": PESAN_SASARAN_TIDAK_ADA,
            "tujuan": PESAN_TUJUAN_TIDAK_ADA,
            "indikator": PESAN_INDIKATOR_TIDAK_ADA,
        }
        for jenis, kode, path in self.rujukan:
            if jenis == "pejabat":
                ada = kode in self.kode["nip"] or kode in self.nama_pejabat
                if not ada:
                    self.salah(path, PESAN_PEJABAT_TIDAK_ADA.format(kode=_tampil(kode)))
            elif jenis == "jabatan":
                if kode not in self.jabatan_pejabat:
                    self.salah(path, PESAN_JABATAN_TIDAK_ADA.format(kode=_tampil(kode)))
            elif kode not in self.kode[jenis]:
                self.salah(path, pesan[jenis].format(kode=_tampil(kode)))
        for kode, (_induk, path) in self.induk_unit.items():
            dilihat, saat_ini = {kode}, kode
            while saat_ini in self.induk_unit:
                saat_ini = self.induk_unit[saat_ini][0]
                if saat_ini in dilihat:
                    self.salah(path, PESAN_INDUK_MELINGKAR.format(kode=_tampil(kode)))
                    break
                dilihat.add(saat_ini)


def _bulat(nilai: Any) -> bool:
    return isinstance(nilai, int) and not isinstance(nilai, bool)


def _sel(nilai: Any) -> str:
    """A validated table cell as stored text: null → "", 12 → "12"."""
    if nilai is None:
        return ""
    return nilai if isinstance(nilai, str) else str(nilai)


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


# --- Loading --------------------------------------------------------------------------------


@dataclass
class _Baris:
    """One desired row: natural key, field values, and whether it may be created.

    `buat=False` marks a row that would only say "no data": it empties an existing row but
    is not created. `ekstra` holds many-to-many values compared like fields (applied by the
    caller).
    """

    kunci: Any
    nilai: dict[str, Any]
    buat: bool = True
    ekstra: dict[str, Any] | None = None


def _sama(a: Any, b: Any) -> bool:
    """Equal as stored: Decimal("73") equals Decimal("73.0000"); None equals only None."""
    if a is None or b is None:
        return a is None and b is None
    return a == b


class _Pemuat:
    """Writes a validated dataset; every model is read once and written in bulk."""

    def __init__(self, data: dict, *, pengguna, hasil: HasilMuat) -> None:
        self.data = data
        self.pengguna = pengguna
        self.hasil = hasil
        self.audit: list[dict] = []
        self._bidang: dict[tuple[type, str], models.Field] = {}

    # Generic upsert ------------------------------------------------------------------------

    def _field(self, model: type[models.Model], nama: str) -> models.Field:
        kunci = (model, nama)
        if kunci not in self._bidang:
            self._bidang[kunci] = model._meta.get_field(nama)
        return self._bidang[kunci]

    def _nilai_db(self, model: type[models.Model], nama: str, nilai: Any) -> tuple[str, Any]:
        """(attname, comparable value) of a desired field value (a FK becomes its pk)."""
        f = self._field(model, nama)
        if f.many_to_one:
            return f.attname, nilai.pk if nilai is not None else None
        return f.attname, nilai

    def sinkron(
        self,
        model: type[models.Model],
        lama: dict[Any, models.Model],
        baris: Iterable[_Baris],
        *,
        ekstra_lama: dict[int, dict[str, Any]] | None = None,
        saat_ubah=None,
        bidang_tambahan: tuple[str, ...] = (),
    ) -> dict[Any, models.Model]:
        """Create or update `baris` against `lama` ({key: object}); return {key: object}."""
        label = LABEL[model]
        tersimpan: dict[Any, models.Model] = {}
        baru: list[tuple[models.Model, dict]] = []
        diubah: list[tuple[models.Model, dict]] = []
        bidang_diubah: set[str] = set()
        for b in baris:
            obj = lama.get(b.kunci)
            if obj is None:
                if not b.buat:
                    continue
                obj = model(**b.nilai)
                rekam = {}
                for nama, nilai in b.nilai.items():
                    attname, v = self._nilai_db(model, nama, nilai)
                    if v is not None and v is not False and v != "":
                        rekam[attname] = [None, nilai_json(v)]
                for nama, v in (b.ekstra or {}).items():
                    if v:
                        rekam[nama] = [None, nilai_json(v)]
                baru.append((obj, rekam))
            else:
                beda = {}
                for nama, nilai in b.nilai.items():
                    attname, v = self._nilai_db(model, nama, nilai)
                    sekarang = getattr(obj, attname)
                    if not _sama(sekarang, v):
                        beda[attname] = [nilai_json(sekarang), nilai_json(v)]
                        setattr(obj, nama, nilai)
                        bidang_diubah.add(nama)
                for nama, v in (b.ekstra or {}).items():
                    sekarang = (ekstra_lama or {}).get(obj.pk, {}).get(nama)
                    if sekarang != v:
                        beda[nama] = [nilai_json(sekarang), nilai_json(v)]
                if beda:
                    if saat_ubah is not None:
                        saat_ubah(obj)
                    diubah.append((obj, beda))
                else:
                    self.hasil.tidak_berubah[label] += 1
            tersimpan[b.kunci] = obj
        if baru:
            model.objects.bulk_create([obj for obj, _ in baru], batch_size=500)
            self.hasil.dibuat[label] += len(baru)
            for obj, rekam in baru:
                self.audit.append({"aksi": AKSI_BUAT, "objek": obj, "perubahan": rekam})
        if diubah:
            if bidang_diubah:
                model.objects.bulk_update(
                    [obj for obj, _ in diubah],
                    sorted(bidang_diubah | set(bidang_tambahan)),
                    batch_size=500,
                )
            self.hasil.diperbarui[label] += len(diubah)
            for obj, beda in diubah:
                self.audit.append({"aksi": AKSI_UBAH, "objek": obj, "perubahan": beda})
        return tersimpan

    def hapus(self, model: type[models.Model], objek: list[models.Model]) -> None:
        if not objek:
            return
        for obj in objek:
            rekam = {
                f.attname: [nilai_json(getattr(obj, f.attname)), None]
                for f in model._meta.concrete_fields
                if not f.primary_key and getattr(obj, f.attname) not in (None, "")
            }
            self.audit.append({"aksi": AKSI_HAPUS, "objek": obj, "perubahan": rekam})
        # The entries keep the object's text and id; the rows go.
        model.objects.filter(pk__in=[obj.pk for obj in objek]).delete()
        self.hasil.dihapus[LABEL[model]] += len(objek)

    # The file ------------------------------------------------------------------------------

    def jalankan(self) -> None:
        self.muat_pemda()
        self.muat_perangkat_daerah()
        self.muat_unit()
        self.muat_pejabat()
        self.muat_rpjmd()
        self.muat_renstra()
        self.muat_tujuan_sasaran()
        self.muat_program()
        self.muat_indikator()
        self.muat_target()
        self.muat_rencana_aksi()
        self.muat_realisasi()
        self.muat_anggaran()
        self.muat_perjanjian()
        self.muat_belanja_evaluasi()
        self.muat_sumber_daya()
        self.tulis_audit()

    def muat_pemda(self) -> None:
        pemda = self.data["pemda"]
        kd = _dict(pemda.get("kepala_daerah"))
        nilai = {"nama": pemda["nama"], "jenis": pemda["jenis"]}
        # Shared with every PD of the pemda: a file without the head's name keeps it.
        if kd.get("nama"):
            nilai["kepala_daerah_nama"] = kd["nama"]
        if kd.get("jabatan"):
            nilai["kepala_daerah_jabatan"] = kd["jabatan"]
        lama = {p.nama: p for p in PemerintahDaerah.objects.filter(nama=pemda["nama"])}
        self.pemda = self.sinkron(PemerintahDaerah, lama, [_Baris(pemda["nama"], nilai)])[
            pemda["nama"]
        ]

    def muat_perangkat_daerah(self) -> None:
        pd = self.data["perangkat_daerah"]
        nilai = {"pemda": self.pemda, "slug": pd["slug"], "nama": pd["nama"]}
        for kunci in ("singkatan", "alamat", "telepon", "email", "kota_ttd"):
            nilai[kunci] = _teks(pd.get(kunci))
        lama = {p.slug: p for p in PerangkatDaerah.objects.filter(slug=pd["slug"])}
        self.pd = self.sinkron(PerangkatDaerah, lama, [_Baris(pd["slug"], nilai)])[pd["slug"]]
        self.hasil.perangkat_daerah = self.pd

    def muat_unit(self) -> None:
        units = _list(self.data.get("unit_kerja"))
        induk = {u["kode"]: u.get("induk") for u in units}

        def kedalaman(kode: str) -> int:
            n = 0
            while induk.get(kode):
                kode, n = induk[kode], n + 1
            return n

        lama = {u.kode: u for u in UnitKerja.objects.filter(perangkat_daerah=self.pd)}
        self.unit: dict[str, UnitKerja] = {}
        # Parents before children, so every induk exists when its children are written.
        for tingkat in sorted({kedalaman(u["kode"]) for u in units}):
            baris = [
                _Baris(
                    u["kode"],
                    {
                        "perangkat_daerah": self.pd,
                        "kode": u["kode"],
                        "nama": u["nama"],
                        "induk": self.unit[u["induk"]] if u.get("induk") else None,
                    },
                )
                for u in units
                if kedalaman(u["kode"]) == tingkat
            ]
            self.unit.update(self.sinkron(UnitKerja, lama, baris))

    def muat_pejabat(self) -> None:
        daftar = _list(self.data.get("pejabat"))
        nip = [p["nip"] for p in daftar if p.get("nip")]
        lama: dict[Any, Pejabat] = {}
        for p in Pejabat.objects.filter(Q(perangkat_daerah=self.pd) | Q(nip__in=nip)):
            if p.nip:
                lama[p.nip] = p
            elif p.perangkat_daerah_id == self.pd.pk:
                lama[("jabatan", p.jabatan)] = p
        # An official first known by position only who now has a NIP is the same record.
        tanpa_nip = {p["jabatan"] for p in daftar if not p.get("nip")}
        for p in daftar:
            posisi = ("jabatan", p["jabatan"])
            baru = p.get("nip") and p["nip"] not in lama and p["jabatan"] not in tanpa_nip
            if baru and posisi in lama:
                lama[p["nip"]] = lama.pop(posisi)
        baris = []
        for p in daftar:
            plt = p.get("plt")
            status = plt if isinstance(plt, str) else (StatusJabatan.PLT if plt else "")
            baris.append(
                _Baris(
                    _kunci_pejabat(p),
                    {
                        "perangkat_daerah": self.pd,
                        "nip": p.get("nip") or None,
                        "nama": _teks(p.get("nama")),
                        "pangkat": _teks(p.get("pangkat")),
                        "golongan": _teks(p.get("golongan")),
                        "jabatan": p["jabatan"],
                        "eselon": _teks(p.get("eselon")),
                        "unit_kerja": self.unit[p["unit"]] if p.get("unit") else None,
                        "status_jabatan": str(status),
                    },
                )
            )
        self.pejabat = self.sinkron(Pejabat, lama, baris)

    def muat_rpjmd(self) -> None:
        self.rpjmd = None
        self.misi: dict[int, Misi] = {}
        rpjmd = self.data.get("rpjmd")
        if not rpjmd:
            return
        awal, akhir = rpjmd["periode"]
        nilai = {"pemda": self.pemda, "tahun_awal": awal, "tahun_akhir": akhir}
        if rpjmd.get("visi"):
            nilai["visi"] = rpjmd["visi"]
        lama = {r.tahun_awal: r for r in Rpjmd.objects.filter(pemda=self.pemda, tahun_awal=awal)}
        self.rpjmd = self.sinkron(Rpjmd, lama, [_Baris(awal, nilai)])[awal]
        baris = []
        for i, uraian in enumerate(_list(rpjmd.get("misi")), start=1):
            nilai = {"rpjmd": self.rpjmd, "nomor": i}
            if uraian:
                nilai["uraian"] = uraian
            baris.append(_Baris(i, nilai))
        lama = {m.nomor: m for m in Misi.objects.filter(rpjmd=self.rpjmd)}
        self.misi = self.sinkron(Misi, lama, baris)

    def muat_renstra(self) -> None:
        awal, akhir, sumber = _periode_renstra(self.data)
        if sumber is not None:
            self.hasil.catatan.append(
                PESAN_CATATAN_RENSTRA.format(awal=awal, akhir=akhir, sumber=sumber)
            )
        lama = {
            r.tahun_awal: r
            for r in PeriodeRenstra.objects.filter(perangkat_daerah=self.pd, tahun_awal=awal)
        }
        nilai = {
            "perangkat_daerah": self.pd,
            "rpjmd": self.rpjmd,
            "tahun_awal": awal,
            "tahun_akhir": akhir,
        }
        self.renstra = self.sinkron(PeriodeRenstra, lama, [_Baris(awal, nilai)])[awal]

    def muat_tujuan_sasaran(self) -> None:
        lama = {t.kode: t for t in Tujuan.objects.filter(renstra=self.renstra)}
        baris = [
            _Baris(
                t["kode"],
                {
                    "renstra": self.renstra,
                    "kode": t["kode"],
                    "uraian": t["uraian"],
                    "misi": self.misi.get(t["misi"]) if t.get("misi") else None,
                    "urutan": i,
                },
            )
            for i, t in enumerate(_list(self.data.get("tujuan")))
        ]
        self.tujuan = self.sinkron(Tujuan, lama, baris)
        lama = {s.kode: s for s in Sasaran.objects.filter(renstra=self.renstra)}
        baris = [
            _Baris(
                s["kode"],
                {
                    "renstra": self.renstra,
                    "kode": s["kode"],
                    "uraian": s["uraian"],
                    "tujuan": self.tujuan[s["tujuan"]] if s.get("tujuan") else None,
                    "urutan": i,
                },
            )
            for i, s in enumerate(_list(self.data.get("sasaran")))
        ]
        self.sasaran = self.sinkron(Sasaran, lama, baris)

    def muat_program(self) -> None:
        simpul = defaultdict(list)
        urutan: Counter[tuple] = Counter()
        for tingkat, kunci, isi in _simpul_semua(self.data):
            simpul[tingkat].append((kunci, isi, urutan[kunci[:-1]]))
            urutan[kunci[:-1]] += 1

        def unit(isi: dict) -> UnitKerja | None:
            return self.unit[isi["unit"]] if isi.get("unit") else None

        # Programs, with their sasaran (many-to-many) compared like a field.
        program_lama = {p.kode: p for p in Program.objects.filter(renstra=self.renstra)}
        Through = Program.sasaran.through
        sasaran_lama: dict[int, set[int]] = defaultdict(set)
        for program_id, sasaran_id in Through.objects.filter(
            program__renstra=self.renstra
        ).values_list("program_id", "sasaran_id"):
            sasaran_lama[program_id].add(sasaran_id)
        sasaran_baru: dict[tuple, list[int]] = {}
        baris = []
        for kunci, isi, i in simpul["program"]:
            sasaran_baru[kunci] = sorted({self.sasaran[s].pk for s in _list(isi.get("sasaran"))})
            baris.append(
                _Baris(
                    kunci,
                    {
                        "renstra": self.renstra,
                        "kode": kunci[-1],
                        "nama": isi["nama"],
                        "unit_kerja": unit(isi),
                        "urutan": i,
                    },
                    ekstra={"sasaran": sasaran_baru[kunci]},
                )
            )
        program_lama_kunci = {(k,): p for k, p in program_lama.items()}
        ekstra_lama = {
            p.pk: {"sasaran": sorted(sasaran_lama.get(p.pk, ()))} for p in program_lama.values()
        }
        self.program = self.sinkron(Program, program_lama_kunci, baris, ekstra_lama=ekstra_lama)
        hapus, tambah = [], []
        for kunci, program in self.program.items():
            lama_ids, baru_ids = sasaran_lama.get(program.pk, set()), set(sasaran_baru[kunci])
            hapus += [(program.pk, s) for s in lama_ids - baru_ids]
            tambah += [Through(program_id=program.pk, sasaran_id=s) for s in baru_ids - lama_ids]
        for program_id, sasaran_id in hapus:
            Through.objects.filter(program_id=program_id, sasaran_id=sasaran_id).delete()
        Through.objects.bulk_create(tambah)

        kunci_program = {p.pk: k for k, p in self.program.items()}
        lama = {}
        for k in Kegiatan.objects.filter(program__renstra=self.renstra):
            if k.program_id in kunci_program:
                lama[(*kunci_program[k.program_id], k.kode)] = k
        baris = [
            _Baris(
                kunci,
                {
                    "program": self.program[kunci[:-1]],
                    "kode": kunci[-1],
                    "nama": isi["nama"],
                    "unit_kerja": unit(isi),
                    "urutan": i,
                },
            )
            for kunci, isi, i in simpul["kegiatan"]
        ]
        self.kegiatan = self.sinkron(Kegiatan, lama, baris)

        kunci_kegiatan = {k.pk: kunci for kunci, k in self.kegiatan.items()}
        lama = {}
        for s in SubKegiatan.objects.filter(kegiatan__program__renstra=self.renstra):
            if s.kegiatan_id in kunci_kegiatan:
                lama[(*kunci_kegiatan[s.kegiatan_id], s.kode)] = s
        baris = [
            _Baris(
                kunci,
                {
                    "kegiatan": self.kegiatan[kunci[:-1]],
                    "kode": kunci[-1],
                    "nama": isi["nama"],
                    "unit_kerja": unit(isi),
                    "urutan": i,
                },
            )
            for kunci, isi, i in simpul["sub_kegiatan"]
        ]
        self.sub_kegiatan = self.sinkron(SubKegiatan, lama, baris)

    def _indikator_semua(self) -> Iterator[tuple[str, models.Model, dict]]:
        """(level field, parent object, indicator dict) in file order."""
        for t in _list(self.data.get("tujuan")):
            for ind in _list(t.get("indikator")):
                yield "tujuan", self.tujuan[t["kode"]], ind
        for s in _list(self.data.get("sasaran")):
            for ind in _list(s.get("indikator")):
                yield "sasaran", self.sasaran[s["kode"]], ind
        peta = {"program": self.program, "kegiatan": self.kegiatan}
        peta["sub_kegiatan"] = self.sub_kegiatan
        for tingkat, kunci, isi in _simpul_semua(self.data):
            for ind in _list(isi.get("indikator")):
                yield tingkat, peta[tingkat][kunci], ind

    def muat_indikator(self) -> None:
        lama = {i.kode: i for i in Indikator.objects.filter(perangkat_daerah=self.pd)}
        baris = []
        self.data_indikator: dict[str, dict] = {}
        for urutan, (tingkat, induk, ind) in enumerate(self._indikator_semua()):
            self.data_indikator[ind["kode"]] = ind
            nilai = {
                "perangkat_daerah": self.pd,
                "tujuan": None,
                "sasaran": None,
                "program": None,
                "kegiatan": None,
                "sub_kegiatan": None,
                "kode": ind["kode"],
                "uraian": ind["uraian"],
                "satuan": _teks(ind.get("satuan")),
                "iku": bool(ind.get("iku")),
                "jenis_nilai": ind.get("jenis_nilai") or JenisNilai.ANGKA,
                "polaritas": ind.get("polaritas") or Polaritas.POSITIF,
                "cara_agregasi": ind.get("cara_agregasi") or CaraAgregasi.POSISI_AKHIR,
                "formula": _teks(ind.get("formula")),
                "definisi_operasional": _teks(ind.get("definisi_operasional")),
                "sumber_data": _teks(ind.get("sumber_data")),
                "label_pembilang": _teks(ind.get("pembilang")),
                "label_penyebut": _teks(ind.get("penyebut")),
                "penanggung_jawab": (
                    self.unit[ind["penanggung_jawab"]] if ind.get("penanggung_jawab") else None
                ),
                "kondisi_awal": _teks_nilai(ind.get("kondisi_awal")),
                "kondisi_akhir": _teks_nilai(ind.get("kondisi_akhir")),
                "urutan": urutan,
            }
            nilai[tingkat] = induk
            baris.append(_Baris(ind["kode"], nilai))
        self.indikator = self.sinkron(Indikator, lama, baris)

    def _per_indikator(self, model: type[models.Model], *kunci: str) -> dict[tuple, Any]:
        """Existing rows of `model` for this PD's indicators, keyed (indicator kode, *kunci)."""
        kode = {i.pk: k for k, i in self.indikator.items()}
        hasil = {}
        for obj in model.objects.filter(indikator__perangkat_daerah=self.pd):
            if obj.indikator_id in kode:
                obj.indikator = self.indikator[kode[obj.indikator_id]]
                hasil[(kode[obj.indikator_id], *(getattr(obj, k) for k in kunci))] = obj
        return hasil

    def muat_target(self) -> None:
        baris, baris_tw = [], []
        for kode, ind in self.data_indikator.items():
            indikator = self.indikator[kode]
            target = _dict(ind.get("target"))
            for jenis in JenisTarget.values:
                for th, nilai in _dict(target.get(jenis)).items():
                    tahun = int(th)
                    isi = {"indikator": indikator, "tahun": tahun, "jenis": jenis}
                    isi.update(_urai_nilai(nilai))
                    baris.append(_Baris((kode, tahun, jenis), isi, buat=nilai is not None))
            for th, daftar in _dict(target.get("triwulan")).items():
                tahun = int(th)
                for tw, nilai in enumerate(_list(daftar), start=1):
                    isi = {"indikator": indikator, "tahun": tahun, "triwulan": tw}
                    isi.update(_urai_nilai(nilai))
                    baris_tw.append(_Baris((kode, tahun, tw), isi, buat=nilai is not None))
        self.sinkron(Target, self._per_indikator(Target, "tahun", "jenis"), baris)
        lama = self._per_indikator(TargetTriwulan, "tahun", "triwulan")
        self.sinkron(TargetTriwulan, lama, baris_tw)

    def muat_rencana_aksi(self) -> None:
        baris = []
        for kode, ind in self.data_indikator.items():
            for th, ra in _dict(ind.get("rencana_aksi")).items():
                centang = [*_list(ra.get("triwulan")), False, False, False, False][:4]
                isi = {"indikator": self.indikator[kode], "tahun": int(th)}
                isi.update({f"tw{i}": centang[i - 1] for i in range(1, 5)})
                isi["uraian"] = _teks(ra.get("uraian"))
                baris.append(_Baris((kode, int(th)), isi))
        self.sinkron(RencanaAksi, self._per_indikator(RencanaAksi, "tahun"), baris)

    def muat_realisasi(self) -> None:
        baris = []
        for kode, ind in self.data_indikator.items():
            for th, real in _dict(ind.get("realisasi")).items():
                baris += self._baris_realisasi(self.indikator[kode], kode, int(th), real)

        def saat_ubah(obj: Realisasi) -> None:
            obj.versi += 1
            obj.diubah = timezone.now()

        lama = self._per_indikator(Realisasi, "tahun", "triwulan")
        # A quarter the file leaves empty never clears a value entered in the app and still
        # in its workflow (draft, submitted, verified): only approved rows follow the file.
        kosong = {b.kunci for b in baris if not b.buat}
        lama = {
            k: obj
            for k, obj in lama.items()
            if k not in kosong or obj.status == StatusRealisasi.DISETUJUI
        }
        self.sinkron(
            Realisasi,
            lama,
            baris,
            saat_ubah=saat_ubah,
            bidang_tambahan=("versi", "diubah"),
        )

    def _baris_realisasi(
        self, indikator: Indikator, kode: str, tahun: int, real: dict
    ) -> list[_Baris]:
        """Quarter rows 1–4 and the yearly row 0 of one indicator-year.

        The analysis text sits on the yearly row, or on the last quarter with a value when
        the year has no yearly figure.
        """
        nilai: dict[int, Any] = {
            tw: v for tw, v in enumerate(_list(real.get("triwulan"))[:4], start=1)
        }
        pembilang, penyebut = _desimal(real.get("pembilang")), _desimal(real.get("penyebut"))
        tahunan = real.get("tahunan")
        analisis = ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut")
        teks = {k: _teks(real.get(k)) for k in analisis}
        ada_teks = any(teks.values())
        ada_tahunan = tahunan is not None or pembilang is not None or penyebut is not None
        terisi = [tw for tw, v in nilai.items() if v is not None]
        # The row that carries the analysis text: the yearly one, else the last quarter.
        baris_teks = 0 if ada_tahunan or (ada_teks and not terisi) else max(terisi, default=None)
        hasil = []
        for tw in sorted({0, *nilai}):
            v = tahunan if tw == 0 else nilai[tw]
            isi = {
                "indikator": indikator,
                "tahun": tahun,
                "triwulan": tw,
                "nilai": None,
                "predikat": "",
                "pembilang": pembilang if tw == 0 else None,
                "penyebut": penyebut if tw == 0 else None,
                "status": StatusRealisasi.DISETUJUI,
            }
            if isinstance(v, str) and v in PREDIKAT:
                isi["predikat"] = v
            else:
                isi["nilai"] = _desimal(v)
            kosong_teks = dict.fromkeys(teks, "")
            isi.update(teks if tw == baris_teks else kosong_teks)
            buat = v is not None or (tw == 0 and ada_tahunan) or tw == baris_teks
            hasil.append(_Baris((kode, tahun, tw), isi, buat=buat))
        return hasil

    def _lama_tingkat(self, model: type[models.Model], *kunci: str) -> dict[tuple, Any]:
        """Existing budget rows of this Renstra, keyed (tingkat, node key, *kunci)."""
        peta = {
            "program": {o.pk: (k, o) for k, o in self.program.items()},
            "kegiatan": {o.pk: (k, o) for k, o in self.kegiatan.items()},
            "sub_kegiatan": {o.pk: (k, o) for k, o in self.sub_kegiatan.items()},
        }
        qs = model.objects.filter(
            Q(program__renstra=self.renstra)
            | Q(kegiatan__program__renstra=self.renstra)
            | Q(sub_kegiatan__kegiatan__program__renstra=self.renstra)
        )
        hasil = {}
        for obj in qs:
            for tingkat in _TINGKAT_SIMPUL:
                pk = getattr(obj, f"{tingkat}_id")
                if pk is not None and pk in peta[tingkat]:
                    node_kunci, node = peta[tingkat][pk]
                    setattr(obj, tingkat, node)
                    hasil[(tingkat, node_kunci, *(getattr(obj, k) for k in kunci))] = obj
        return hasil

    def muat_anggaran(self) -> None:
        peta = {"program": self.program, "kegiatan": self.kegiatan}
        peta["sub_kegiatan"] = self.sub_kegiatan
        pagu, realisasi = [], []
        for tingkat, kunci, isi in _simpul_semua(self.data):
            node = {t: None for t in _TINGKAT_SIMPUL}
            node[tingkat] = peta[tingkat][kunci]
            for th, nilai in _dict(isi.get("pagu")).items():
                nilai = _dict(nilai)
                murni, perubahan = _desimal(nilai.get("murni")), _desimal(nilai.get("perubahan"))
                baris = {**node, "tahun": int(th), "murni": murni, "perubahan": perubahan}
                buat = murni is not None or perubahan is not None
                pagu.append(_Baris((tingkat, kunci, int(th)), baris, buat=buat))
            per_tw: dict[tuple[int, int], Any] = {}
            for th, daftar in _dict(isi.get("realisasi_anggaran")).items():
                for tw, jumlah in enumerate(_list(daftar)[:4], start=1):
                    per_tw[(int(th), tw)] = jumlah
            for th, jumlah in _dict(isi.get("realisasi_anggaran_tahunan")).items():
                per_tw[(int(th), 0)] = jumlah
            for (tahun, tw), jumlah in sorted(per_tw.items()):
                baris = {
                    **node,
                    "tahun": tahun,
                    "triwulan": tw,
                    "jumlah": _desimal(jumlah),
                    "status": StatusRealisasi.DISETUJUI,
                }
                realisasi.append(
                    _Baris((tingkat, kunci, tahun, tw), baris, buat=jumlah is not None)
                )
        self.sinkron(Pagu, self._lama_tingkat(Pagu, "tahun"), pagu)

        def saat_ubah(obj: RealisasiAnggaran) -> None:
            obj.versi += 1
            obj.diubah = timezone.now()

        lama = self._lama_tingkat(RealisasiAnggaran, "tahun", "triwulan")
        # As for indicator realisations: a quarter the file leaves empty never clears an
        # amount entered in the app and still in its workflow; only approved rows follow it.
        kosong = {b.kunci for b in realisasi if not b.buat}
        lama = {
            k: obj
            for k, obj in lama.items()
            if k not in kosong or obj.status == StatusRealisasi.DISETUJUI
        }
        self.sinkron(
            RealisasiAnggaran,
            lama,
            realisasi,
            saat_ubah=saat_ubah,
            bidang_tambahan=("versi", "diubah"),
        )

    def _cari_pejabat(self, pihak: str | None, jabatan: str | None) -> Pejabat | None:
        """The official a PK names by NIP, by name, or (position-only) by position."""
        daftar = _list(self.data.get("pejabat"))
        if pihak:
            for p in daftar:
                if p.get("nip") == pihak:
                    return self.pejabat[_kunci_pejabat(p)]
            for p in daftar:
                if p.get("nama") == pihak:
                    return self.pejabat[_kunci_pejabat(p)]
            return None
        if jabatan:
            # A position-only official (no NIP) first; otherwise only an unambiguous match.
            sama = [p for p in daftar if p.get("jabatan") == jabatan]
            for calon in ([p for p in sama if not p.get("nip")], sama):
                if len(calon) == 1:
                    return self.pejabat[_kunci_pejabat(calon[0])]
        return None

    def _simpul_menurut_kode(self) -> dict[str, dict[str, Any]]:
        """Program/kegiatan/sub-kegiatan by stored or file code; None where ambiguous."""
        peta: dict[str, dict[str, Any]] = {t: {} for t in _TINGKAT_SIMPUL}
        objek = {"program": self.program, "kegiatan": self.kegiatan}
        objek["sub_kegiatan"] = self.sub_kegiatan
        for tingkat, kunci, isi in _simpul_semua(self.data):
            obj = objek[tingkat][kunci]
            for kode in {kunci[-1], normalisasi_kode(isi["kode"])}:
                if kode in peta[tingkat] and peta[tingkat][kode] is not obj:
                    peta[tingkat][kode] = None
                else:
                    peta[tingkat][kode] = obj
        return peta

    def muat_perjanjian(self) -> None:
        pejabat_pd = {p.nip: p for p in self.pejabat.values() if p.nip}
        urutan: Counter[tuple] = Counter()
        baris, isi_pk = [], {}
        for pk in _list(self.data.get("perjanjian_kinerja")):
            pihak = self._cari_pejabat(pk.get("pihak_pertama"), pk.get("pihak_pertama_jabatan"))
            identitas = ("p", pihak.pk) if pihak else ("j", pk.get("pihak_pertama_jabatan"))
            kelompok = (pk["tahun"], pk.get("versi") or VersiPK.MURNI.value, identitas)
            kunci = (*kelompok, urutan[kelompok])
            urutan[kelompok] += 1
            kedua = _dict(pk.get("pihak_kedua"))
            tanggal, hanya_bulan = _tanggal(pk["tanggal"]) if pk.get("tanggal") else (None, False)
            isi_pk[kunci] = pk
            baris.append(
                _Baris(
                    kunci,
                    {
                        "perangkat_daerah": self.pd,
                        "tahun": pk["tahun"],
                        "versi": kelompok[1],
                        "pihak_pertama": pihak,
                        "pihak_pertama_jabatan": _teks(pk.get("pihak_pertama_jabatan")),
                        "pihak_kedua": pejabat_pd.get(kedua.get("nip")),
                        "pihak_kedua_nama": _teks(kedua.get("nama")),
                        "pihak_kedua_jabatan": _teks(kedua.get("jabatan")),
                        "pihak_kedua_nip": _teks(kedua.get("nip")),
                        "tempat": _teks(pk.get("tempat")),
                        "tanggal": tanggal,
                        "tanggal_hanya_bulan": hanya_bulan,
                        "total_tercetak": _desimal(pk.get("total_tercetak")),
                    },
                )
            )
        # Existing PKs of the same year, version and first party match in creation order.
        lama, urutan_lama = {}, Counter()
        qs = PerjanjianKinerja.objects.filter(perangkat_daerah=self.pd).order_by("id")
        for obj in qs.select_related("pihak_pertama"):
            identitas = (
                ("p", obj.pihak_pertama_id)
                if obj.pihak_pertama_id
                else ("j", obj.pihak_pertama_jabatan)
            )
            kelompok = (obj.tahun, obj.versi, identitas)
            lama[(*kelompok, urutan_lama[kelompok])] = obj
            urutan_lama[kelompok] += 1
        terkunci = {k for k, obj in lama.items() if obj.status != StatusPK.DRAFT}
        for kunci in sorted(terkunci & set(isi_pk), key=str):
            self.hasil.catatan.append(PESAN_CATATAN_PK_DITANDATANGANI.format(pk=lama[kunci]))
        baris = [b for b in baris if b.kunci not in terkunci]
        perjanjian = self.sinkron(PerjanjianKinerja, lama, baris)

        kunci_pk = {obj.pk: k for k, obj in perjanjian.items()}
        simpul = self._simpul_menurut_kode()
        baris_ind, baris_ang = [], []
        for kunci, obj in perjanjian.items():
            pk = isi_pk[kunci]
            for i, r in enumerate(_list(pk.get("indikator"))):
                indikator = self.indikator.get(r["indikator"]) if r.get("indikator") else None
                satuan = r.get("satuan") or (indikator.satuan if indikator else "")
                isi = {
                    "perjanjian": obj,
                    "urutan": i,
                    "sasaran_uraian": _teks(r.get("sasaran")),
                    "indikator": indikator,
                    "uraian": r["uraian"],
                    "satuan": satuan,
                }
                isi.update(_urai_nilai(r.get("target")))
                sebelum = r.get("target_sebelum")
                sebelum_predikat = isinstance(sebelum, str) and sebelum in PREDIKAT
                isi["target_sebelum"] = None if sebelum_predikat else _desimal(sebelum)
                isi["target_sebelum_predikat"] = sebelum if sebelum_predikat else ""
                baris_ind.append(_Baris((kunci, i), isi))
            for i, r in enumerate(_list(pk.get("anggaran"))):
                kode = normalisasi_kode(r.get("kode"))
                isi = {
                    "perjanjian": obj,
                    "urutan": i,
                    "tingkat": r["tingkat"],
                    "program": None,
                    "kegiatan": None,
                    "sub_kegiatan": None,
                    "kode": kode,
                    "nama": r["nama"],
                    "jumlah": _desimal(r.get("jumlah")),
                }
                isi[r["tingkat"]] = simpul[r["tingkat"]].get(kode) if kode else None
                baris_ang.append(_Baris((kunci, i), isi))
        for model, baris_anak in ((PKIndikator, baris_ind), (PKAnggaran, baris_ang)):
            lama_anak = {}
            for obj in model.objects.filter(perjanjian__perangkat_daerah=self.pd):
                if obj.perjanjian_id in kunci_pk:
                    lama_anak[(kunci_pk[obj.perjanjian_id], obj.urutan)] = obj
            self.sinkron(model, lama_anak, baris_anak)
            # Rows a PK no longer prints go: the annex is one document.
            diminta = {b.kunci for b in baris_anak}
            self.hapus(model, [o for k, o in lama_anak.items() if k not in diminta])

    def muat_belanja_evaluasi(self) -> None:
        baris = []
        for i, r in enumerate(_list(self.data.get("anggaran_belanja"))):
            jenis = _teks(r.get("jenis"))
            isi = {
                "perangkat_daerah": self.pd,
                "tahun": r["tahun"],
                "kelompok": r["kelompok"],
                "jenis": jenis,
                "pagu": _desimal(r.get("pagu")),
                "realisasi": _desimal(r.get("realisasi")),
                "urutan": i,
            }
            baris.append(_Baris((r["tahun"], r["kelompok"], jenis), isi))
        lama = {
            (o.tahun, o.kelompok, o.jenis): o
            for o in AnggaranBelanja.objects.filter(perangkat_daerah=self.pd)
        }
        self.sinkron(AnggaranBelanja, lama, baris)
        baris = [
            _Baris(
                r.get("tahun_dinilai"),
                {
                    "perangkat_daerah": self.pd,
                    "tahun_dinilai": r.get("tahun_dinilai"),
                    "nilai": _desimal(r.get("nilai")),
                    "predikat": _teks(r.get("predikat")),
                    "evaluator": _teks(r.get("evaluator")),
                },
            )
            for r in _list(self.data.get("evaluasi_sakip"))
        ]
        lama = {o.tahun_dinilai: o for o in EvaluasiSakip.objects.filter(perangkat_daerah=self.pd)}
        self.sinkron(EvaluasiSakip, lama, baris)

    def muat_sumber_daya(self) -> None:
        """The `sdm` tables, keyed by judul; a table the file no longer has is left alone."""
        baris = [
            _Baris(
                t["judul"],
                {
                    "perangkat_daerah": self.pd,
                    "jenis": JenisTabelSumberDaya.SDM.value,
                    "urutan": i,
                    "judul": t["judul"],
                    "kolom": list(_list(t.get("kolom"))),
                    "baris": [[_sel(sel) for sel in b] for b in _list(t.get("baris"))],
                },
            )
            for i, t in enumerate(_list(self.data.get("sdm")))
        ]
        lama = {o.judul: o for o in TabelSumberDaya.objects.filter(perangkat_daerah=self.pd)}
        self.sinkron(TabelSumberDaya, lama, baris)

    def tulis_audit(self) -> None:
        for entri in self.audit:
            entri["pengguna"] = self.pengguna
            entri["perangkat_daerah"] = self.pd
        catat_banyak(self.audit)
        sumber = self.data.get("sumber")
        catat(
            pengguna=self.pengguna,
            aksi=AKSI_MUAT,
            objek=self.pd,
            perangkat_daerah=self.pd,
            perubahan={
                "dibuat": dict(self.hasil.dibuat),
                "diperbarui": dict(self.hasil.diperbarui),
                "dihapus": dict(self.hasil.dihapus),
            },
            keterangan=(f"Sumber: {sumber}\n" if isinstance(sumber, str) else "")
            + self.hasil.ringkasan(),
        )


def _kunci_pejabat(p: dict) -> Any:
    """Natural key of a pejabat: the NIP, or the position when no NIP is printed."""
    return p["nip"] if p.get("nip") else ("jabatan", p["jabatan"])
