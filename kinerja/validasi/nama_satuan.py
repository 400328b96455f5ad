"""The rule table of indicator names and the units that fit them (R-UNIT, DOMAIN.md §9).

An indicator's name says what is counted: "Persentase …" is a share (%), "Jumlah orang /
peserta …" counts people, "Jumlah dokumen / laporan …" counts documents. Each row of
`ATURAN_NAMA_SATUAN` is data: a name pattern and the unit kinds that fit it. A unit is first
sorted into a kind (`JENIS_SATUAN`); the rule fires only when the unit is of a known kind that
does not fit the name. A unit the table does not know ("unsur", "OP") is never judged, so the
table raises no alarm on what it cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .dasar import PERINGATAN, Masalah, ObjekMasalah

KODE_SATUAN_TIDAK_SESUAI = "kinerja.satuan_tidak_sesuai_nama"
PESAN_SATUAN_TIDAK_SESUAI = (
    'Indikator {kode} "{uraian}" diukur dalam satuan "{satuan}" ({jenis}), padahal namanya '
    "menyatakan {makna}: satuan yang sesuai misalnya {sesuai}."
)

PERSEN = "persen"
ORANG = "orang"
DOKUMEN = "dokumen"
BENDA = "barang"
KEGIATAN = "kegiatan"
WILAYAH = "wilayah"

CONTOH_SATUAN = {
    PERSEN: "%",
    ORANG: "orang, peserta, jiwa",
    DOKUMEN: "dokumen, laporan",
    BENDA: "paket, unit, buah",
    KEGIATAN: "kegiatan, kali, rapat",
    WILAYAH: "kecamatan, desa",
}

NAMA_JENIS = {
    PERSEN: "persentase",
    ORANG: "jumlah orang",
    DOKUMEN: "jumlah dokumen",
    BENDA: "jumlah barang",
    KEGIATAN: "jumlah kegiatan",
    WILAYAH: "jumlah wilayah",
}

# Unit kind of a unit's first word (lower case, without punctuation).
JENIS_SATUAN: dict[str, str] = {
    "%": PERSEN,
    "persen": PERSEN,
    "persentase": PERSEN,
    "orang": ORANG,
    "org": ORANG,
    "jiwa": ORANG,
    "peserta": ORANG,
    "pegawai": ORANG,
    "asn": ORANG,
    "dokumen": DOKUMEN,
    "laporan": DOKUMEN,
    "naskah": DOKUMEN,
    "buku": DOKUMEN,
    "berkas": DOKUMEN,
    "paket": BENDA,
    "unit": BENDA,
    "buah": BENDA,
    "kegiatan": KEGIATAN,
    "kali": KEGIATAN,
    "rapat": KEGIATAN,
    "forum": KEGIATAN,
    "kecamatan": WILAYAH,
    "desa": WILAYAH,
    "kelurahan": WILAYAH,
}


@dataclass(frozen=True)
class AturanNamaSatuan:
    pola: re.Pattern
    """Matched at the start of the indicator name (lower case)."""
    sesuai: frozenset[str]
    """Unit kinds that fit a name of this pattern."""
    makna: str
    """What the name says is measured (for the message)."""


def _aturan(pola: str, *sesuai: str, makna: str) -> AturanNamaSatuan:
    return AturanNamaSatuan(re.compile(pola), frozenset(sesuai), makna)


ATURAN_NAMA_SATUAN: tuple[AturanNamaSatuan, ...] = (
    _aturan(r"^(persentase|presentase|prosentase)\b", PERSEN, makna="persentase"),
    _aturan(
        r"^jumlah\s+(orang|peserta|anggota|aparatur|pegawai|asn|masyarakat|penerima)\b",
        ORANG,
        makna="jumlah orang",
    ),
    _aturan(r"^jumlah\s+(dokumen|laporan)\b", DOKUMEN, makna="jumlah dokumen/laporan"),
    _aturan(
        r"^jumlah\s+(pelaksanaan|kegiatan|rapat|pertemuan)\b",
        KEGIATAN,
        DOKUMEN,
        makna="jumlah kegiatan yang dilaksanakan",
    ),
    _aturan(r"^jumlah\s+paket\b", BENDA, makna="jumlah paket"),
)

_KATA = re.compile(r"%|[a-z]+")


def jenis_satuan(satuan: str) -> str | None:
    """The kind of a unit ("Orang / Tahun" → orang), None when the table does not know it."""
    kata = _KATA.findall((satuan or "").lower())
    return JENIS_SATUAN.get(kata[0]) if kata else None


def contoh_satuan(jenis: frozenset[str]) -> str:
    """ "dokumen, laporan, kegiatan, kali" — example units of each fitting kind."""
    return ", ".join(CONTOH_SATUAN[j] for j in sorted(jenis))


def aturan_untuk(uraian: str) -> AturanNamaSatuan | None:
    nama = " ".join((uraian or "").lower().split())
    return next((a for a in ATURAN_NAMA_SATUAN if a.pola.search(nama)), None)


def satuan_tidak_sesuai(uraian: str, satuan: str) -> tuple[AturanNamaSatuan, str] | None:
    """(rule, unit kind) when the unit is of a known kind that does not fit the name."""
    aturan = aturan_untuk(uraian)
    jenis = jenis_satuan(satuan)
    if aturan is None or jenis is None or jenis in aturan.sesuai:
        return None
    return aturan, jenis


@dataclass(frozen=True)
class NamaSatuan:
    """An indicator name and unit to check, with its object."""

    kode: str
    uraian: str
    satuan: str
    objek: ObjekMasalah


def cek_nama_satuan(baris: Iterable[NamaSatuan]) -> Iterator[Masalah]:
    for b in baris:
        hasil = satuan_tidak_sesuai(b.uraian, b.satuan)
        if hasil is None:
            continue
        aturan, jenis = hasil
        yield Masalah(
            KODE_SATUAN_TIDAK_SESUAI,
            PERINGATAN,
            PESAN_SATUAN_TIDAK_SESUAI.format(
                kode=b.kode,
                uraian=" ".join(b.uraian.split())[:120],
                satuan=b.satuan.strip(),
                jenis=NAMA_JENIS[jenis],
                makna=aturan.makna,
                sesuai=contoh_satuan(aturan.sesuai),
            ),
            b.objek,
        )
