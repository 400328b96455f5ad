"""The types, messages and small helpers of the report checker (`periksa.selectors`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from renstra.models import PerangkatDaerah

from ..models import NilaiTercetak
from ..sebab import AngkaTidakSah, angka, baca_angka

# Kinds of difference.
JENIS_CAPAIAN = "capaian"
JENIS_KATEGORI = "kategori"
JENIS_RATA_RATA = "rata_rata"
JENIS_PERSEN_ANGGARAN = "persen_anggaran"
JENIS_JUMLAH = "jumlah"
JENIS_TAHUN = "label_tahun"
JENIS_FORMAT = "format_angka"
JENIS_TIDAK_DICETAK = "tidak_dicetak"
JENIS_MASUKAN = "masukan"

# Section titles when the dataset does not say where a value was printed.
BAGIAN_BAWAAN = {
    JENIS_CAPAIAN: "Pengukuran kinerja (capaian indikator)",
    JENIS_KATEGORI: "Pengukuran kinerja (capaian indikator)",
    JENIS_TIDAK_DICETAK: "Pengukuran kinerja (capaian indikator)",
    JENIS_MASUKAN: "Pengukuran kinerja (target dan realisasi)",
    JENIS_RATA_RATA: "Rata-rata capaian",
    JENIS_PERSEN_ANGGARAN: "Realisasi anggaran",
    JENIS_JUMLAH: "Realisasi anggaran",
    JENIS_FORMAT: "Realisasi anggaran",
    JENIS_TAHUN: "Judul, periode dan tanggal",
}

# Messages and labels (Indonesian).
MEDAN_CAPAIAN = "Capaian {tahun}"
MEDAN_KATEGORI = "Kategori capaian {tahun}"
MEDAN_MASUKAN = {"target": "Target {tahun}", "realisasi": "Realisasi {tahun}"}
HITUNG_TARGET = "target yang berlaku: {sumber} {tahun}"
HITUNG_REALISASI = "realisasi yang tercatat {tahun}"
MEDAN_PK_LAIN = "Tahun Perjanjian Kinerja yang dilampirkan"
HITUNG_PK_LAIN = "laporan tahun {tahun} melampirkan Perjanjian Kinerja tahun {lain}"
MEDAN_RATA_SASARAN = "Rata-rata capaian sasaran {tahun}"
MEDAN_RATA_PD = "Rata-rata capaian {tahun}"
MEDAN_KATEGORI_PD = "Kategori rata-rata capaian {tahun}"
MEDAN_PERSEN = "Persentase realisasi anggaran {tahun}"
MEDAN_EFISIENSI = "Persentase sisa anggaran (efisiensi) {tahun}"
MEDAN_PAGU = "Pagu {tahun}"
MEDAN_REALISASI = "Realisasi anggaran {tahun}"
MEDAN_TOTAL_PK = "Jumlah anggaran PK {tahun}"
MEDAN_TAHUN = "Tahun pada judul/tanggal"
MEDAN_TABEL = "Baris {baris}, kolom {kolom}"
MEDAN_FORMAT = "Penulisan angka ({kunci})"
BENAR_TIDAK_ADA = "belum ada data"
BENAR_TAHUN = "Tahun {tahun}"
HITUNG_CAPAIAN = "{realisasi} / {target} × 100 = {hasil}"
HITUNG_PERSEN = "{realisasi} / {pagu} × 100 = {hasil}"
HITUNG_EFISIENSI = "({pagu} − {realisasi}) / {pagu} × 100 = {hasil}"
HITUNG_SISA_PERSEN = "100 − {persen} (persentase realisasi tercetak) = {hasil}"
HITUNG_RATA = "({suku}) / {n} = {hasil}"
HITUNG_JUMLAH = "{suku} = {hasil}"
HITUNG_TAHUN_LAPORAN = "laporan tahun {tahun}"
HITUNG_TAHUN_PK = "Perjanjian Kinerja tahun {tahun}"
HITUNG_KATEGORI = "capaian {capaian} → {kategori}"
HITUNG_ATURAN = "aturan capaian: {catatan}"
HITUNG_DARI_ANAK = "jumlah {anak} di bawahnya"
HITUNG_PROGRAM_SASARAN = "jumlah program sasaran ini ({kode}): {jumlah}"
SEBAB_FORMAT = "penulisan angka tidak baku (pemisah ribuan titik, paling banyak dua desimal)"
SEBAB_BUKAN_ANGKA = "capaian dicetak bukan sebagai persentase"
SEBAB_TIDAK_DICETAK = "capaian tidak dicetak padahal target dan realisasi ada"
SEBAB_TANPA_REALISASI = "target dicetak tanpa realisasi: data realisasi belum ada"
SEBAB_SEBAGIAN = "jumlah hanya baris {dari}–{sampai} dari {n} baris"

_MEDAN_PERSEN = {"persen", "persen_realisasi", "capaian"}
_MEDAN_INDIKATOR = {"capaian", "kategori", "target", "realisasi"}
_MEDAN_PAGU = {"pagu", "anggaran", "pagu_renja_rp"}
_MEDAN_REALISASI = {"realisasi", "realisasi_rp"}
_TAHUN_TEKS = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_LABEL_JUMLAH = re.compile(r"^\s*(j\s*u\s*m\s*l\s*a\s*h|total)\s*$", re.IGNORECASE)
_SATUAN_SEL = re.compile(r"\s*(org|orang|unit|buah|%)\.?\s*$", re.IGNORECASE)
_URUTAN_JENIS = {
    JENIS_TAHUN: 0,
    JENIS_RATA_RATA: 1,
    JENIS_CAPAIAN: 2,
    JENIS_KATEGORI: 2,
    JENIS_TIDAK_DICETAK: 2,
    JENIS_MASUKAN: 2,
    JENIS_PERSEN_ANGGARAN: 3,
    JENIS_JUMLAH: 3,
    JENIS_FORMAT: 3,
}


@dataclass(frozen=True)
class ObjekTemuan:
    """The record that printed the value: model label ("renstra.indikator"), pk, label."""

    model: str
    pk: int
    label: str


@dataclass(frozen=True)
class Temuan:
    """One printed value that differs from the product's."""

    jenis: str
    tempat: str
    """Chapter or table ("Tabel 8", "Lampiran III"), or "" when the dataset does not say."""
    objek: ObjekTemuan
    medan: str
    tahun: int
    tercetak: str
    """The raw printed text."""
    nilai_tercetak: Decimal | None
    benar: str
    """The correct value as the product prints it."""
    nilai_benar: Decimal | None
    hitungan: str
    """The arithmetic behind the correct value ("130 / 200 × 100 = 65")."""
    sebab: tuple[str, ...]
    """Likely causes (known patterns), possibly none."""
    kunci: str = ""
    """Where the value sits in the dataset (`tercetak` path)."""


@dataclass(frozen=True)
class Bagian:
    judul: str
    temuan: tuple[Temuan, ...]


@dataclass(frozen=True)
class HasilPeriksa:
    pd_id: int
    tahun: int
    jumlah_tercetak: int
    """Printed values of the report held by the product."""
    jumlah_diperiksa: int
    """Printed values the product could recompute and compared."""
    bagian: tuple[Bagian, ...]

    @property
    def temuan(self) -> tuple[Temuan, ...]:
        return tuple(t for b in self.bagian for t in b.temuan)

    @property
    def jumlah_temuan(self) -> int:
        return sum(len(b.temuan) for b in self.bagian)

    @property
    def jumlah_sesuai(self) -> int:
        return self.jumlah_diperiksa - self.jumlah_temuan


@dataclass
class _Pemeriksa:
    pd: PerangkatDaerah
    tahun: int
    temuan: list[Temuan] = field(default_factory=list)
    diperiksa: int = 0

    def catat(self, **isi) -> None:
        self.temuan.append(Temuan(**isi))

    def catat_dari(self, r: NilaiTercetak, **isi) -> None:
        """A difference found on the printed value `r`: where it was printed, the year it is
        about and its key come from `r`; no numeric value and no cause unless given."""
        isi.setdefault("nilai_tercetak", None)
        isi.setdefault("nilai_benar", None)
        isi.setdefault("sebab", ())
        self.catat(tempat=r.tempat, tahun=r.tahun, kunci=r.kunci, **isi)


def _angka(teks: object, *, ribuan: bool = False):
    try:
        return baca_angka(teks, ribuan=ribuan), False
    except AngkaTidakSah:
        return None, True


def _suku(nilai, tempat: int = 2, batas: int = 12) -> str:
    teks = [angka(n, tempat) for n in nilai]
    if len(teks) > batas:
        teks = [*teks[: batas - 1], "…", teks[-1]]
    return " + ".join(teks)


def _rp(nilai: Decimal | None) -> str:
    return angka(nilai, 0)


def _kategori_sama(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _urut_bagian(judul: str, jenis: str) -> tuple:
    """Ikhtisar, Bab I…, Tabel n (numerically), Lampiran, then the default sections."""
    angka_judul = tuple(int(x) for x in re.findall(r"\d+", judul)[:3])
    for i, awalan in enumerate(("Ikhtisar", "Bab", "Tabel", "Lampiran")):
        if judul.startswith(awalan):
            return (0, i, angka_judul, judul)
    return (1, _URUTAN_JENIS.get(jenis, 9), (), judul)


def _saudara(rows: list[NilaiTercetak], r: NilaiTercetak, medan: set[str]) -> dict[str, str]:
    """Printed values beside `r` (same object, same dict) whose last key is in `medan`."""
    induk = list(r.jalur[:-1])
    return {
        s.medan: s.nilai
        for s in rows
        if s.object_id == r.object_id
        and s.content_type_id == r.content_type_id
        and list(s.jalur[:-1]) == induk
        and s.medan in medan
        and s is not r
    }
