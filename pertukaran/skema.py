"""Validation: every problem of a `sakip-dataset/1` document, before anything is written.

`validasi(data)` checks the whole document and returns every problem found, each with its
JSON path (`$.program[2].kegiatan[0].kode`) and an Indonesian message. Unknown keys are
ignored; a known key with a wrong value is a problem. References (unit, sasaran, tujuan,
indicator, official) are checked once the whole document has been read. A document with no
problem can be written by `tulis.tulis`, which relies on these checks and checks nothing
itself.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import models

from anggaran.models import AnggaranBelanja, AnggaranPerangkatDaerah
from kinerja.models import (
    EvaluasiSakip,
    PerjanjianKinerja,
    PKAnggaran,
    PKIndikator,
    TingkatAnggaran,
    VersiPK,
)
from renstra.kode import adalah_kode_kepmendagri, kode_memperluas, normalisasi_kode
from renstra.models import (
    PESAN_KODE_KEGIATAN,
    PESAN_KODE_SUB_KEGIATAN,
    BagianProfil,
    CaraAgregasi,
    Eselon,
    Indikator,
    JenisNilai,
    JenisPemda,
    JenisTarget,
    NarasiPerangkatDaerah,
    Pejabat,
    PemerintahDaerah,
    PerangkatDaerah,
    Polaritas,
    Sasaran,
    TandaTanganLaporan,
    Tujuan,
    UnitKerja,
)

from .dokumen import (
    _ANAK,
    _TAHUN,
    FORMAT,
    PREDIKAT,
    Masalah,
    _desimal,
    _dict,
    _tahun_dalam_berkas,
    _tanggal,
)

# --- Messages (Indonesian, asserted by the tests) -------------------------------------------
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
PESAN_TAHUN_ANGGARAN_PD_GANDA = (
    "Anggaran perangkat daerah tahun {kode} muncul lebih dari sekali (juga di {lain}); satu "
    "tahun hanya memiliki satu pagu dan realisasi perangkat daerah."
)
PESAN_NARASI_GANDA = "Bagian narasi {kode} muncul lebih dari sekali (juga di {lain})."
PESAN_TAHUN_LAPORAN_TTD = "Isi laporan.tahun bila laporan.tanggal diisi."

_DESIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_NIP = re.compile(r"^\d{18}$")
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_MAKS_DIGIT_BULAT = 16
_MAKS_DIGIT_PECAHAN = 4

_SEGMEN_KODE = {"program": 3, "kegiatan": 5, "sub_kegiatan": 6}
_CONTOH_KODE = {"program": "8.01.02", "kegiatan": "8.01.02.2.01", "sub_kegiatan": "8.01.02.2.01.02"}
_NAMA_TINGKAT = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub-kegiatan"}


def validasi(data: dict) -> list[Masalah]:
    """Every problem of `data` (an empty list when it can be loaded)."""
    pemeriksa = _Pemeriksa()
    pemeriksa.periksa(data)
    return pemeriksa.masalah


def _jalur(induk: str, kunci: str | int) -> str:
    if isinstance(kunci, int):
        return f"{induk}[{kunci}]"
    if _IDENTIFIER.match(kunci):
        return f"{induk}.{kunci}"
    return f"{induk}[{json.dumps(kunci, ensure_ascii=False)}]"


def _tampil(nilai: Any) -> str:
    teks = json.dumps(nilai, ensure_ascii=False)
    return teks if len(teks) <= 60 else teks[:57] + "…"


def _maks(model: type[models.Model], nama: str) -> int | None:
    return model._meta.get_field(nama).max_length


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
        for i, baris in enumerate(self.daftar(data.get("anggaran_pd"), "$.anggaran_pd")):
            self.anggaran_pd(baris, f"$.anggaran_pd[{i}]")
        for i, baris in enumerate(self.daftar(data.get("evaluasi_sakip"), "$.evaluasi_sakip")):
            self.evaluasi(baris, f"$.evaluasi_sakip[{i}]")
        for i, tabel in enumerate(self.daftar(data.get("sdm"), "$.sdm")):
            self.tabel_sumber_daya(tabel, f"$.sdm[{i}]")
        for i, bagian in enumerate(self.daftar(data.get("narasi"), "$.narasi")):
            self.narasi(bagian, f"$.narasi[{i}]")
        self.laporan(data)
        self.periksa_rujukan()

    def narasi(self, bagian: Any, path: str) -> None:
        """A fact section of the LKjIP: bagian, tahun (null = every year), teks, sumber."""
        if self.objek(bagian, path) is None:
            return
        nama = self.pilihan(bagian, "bagian", path, BagianProfil.values, wajib=True)
        tahun = self.tahun(bagian, "tahun", path)
        self.teks(bagian, "teks", path, wajib=True)
        self.teks(bagian, "sumber", path, maks=_maks(NarasiPerangkatDaerah, "sumber"))
        if nama is not None:
            kunci = f"{nama}/{tahun or 'setiap tahun'}"
            self.daftarkan("narasi", kunci, _jalur(path, "bagian"), PESAN_NARASI_GANDA)

    def laporan(self, data: dict) -> None:
        """The report the file was transcribed from: its year, place and date of signature."""
        lap = self.objek(data.get("laporan"), "$.laporan", wajib=False)
        if lap is None:
            return
        tahun = self.tahun(lap, "tahun", "$.laporan")
        self.teks(lap, "tempat", "$.laporan", maks=_maks(TandaTanganLaporan, "tempat"))
        tanggal = self.teks(lap, "tanggal", "$.laporan")
        if tanggal is None:
            return
        if _tanggal(tanggal) is None:
            self.salah("$.laporan.tanggal", PESAN_TANGGAL.format(nilai=_tampil(tanggal)))
        elif tahun is None:
            self.salah("$.laporan.tahun", PESAN_TAHUN_LAPORAN_TTD)

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
        # A period the report does not publish is null: stored as missing, listed by the
        # validation of the data (kinerja.validasi), never guessed.
        if rpjmd is not None and rpjmd.get("periode") is not None:
            self.periode(rpjmd, "$.rpjmd")
            self.teks(rpjmd, "visi", "$.rpjmd")
            misi = self.daftar(rpjmd.get("misi"), "$.rpjmd.misi")
            for i, uraian in enumerate(misi):
                if uraian is not None and not isinstance(uraian, str):
                    self.salah(f"$.rpjmd.misi[{i}]", PESAN_BUKAN_TEKS)
            self.jumlah_misi = len(misi)
        renstra = self.objek(data.get("renstra"), "$.renstra", wajib=False)
        if renstra is not None and renstra.get("periode") is not None:
            self.periode(renstra, "$.renstra")
        elif _dict(rpjmd).get("periode") is None and not _tahun_dalam_berkas(data):
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
        # An indicator printed without a name (null) is stored as missing and listed by the
        # validation of the data; a name that is not text is still refused.
        self.teks(ind, "uraian", path)
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

    def anggaran_pd(self, baris: Any, path: str) -> None:
        """The agency's stated budget total of one year: tahun, pagu_murni, pagu, realisasi."""
        if self.objek(baris, path) is None:
            return
        tahun = self.tahun(baris, "tahun", path, wajib=True)
        for kunci in ("pagu_murni", "pagu", "realisasi"):
            self.desimal(baris.get(kunci), _jalur(path, kunci), tidak_negatif=True)
        self.teks(baris, "sumber", path, maks=_maks(AnggaranPerangkatDaerah, "sumber"))
        if tahun is not None:
            self.daftarkan("anggaran_pd", str(tahun), path, PESAN_TAHUN_ANGGARAN_PD_GANDA)

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
