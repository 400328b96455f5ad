"""The one tabular shape every report table is generated into.

A `Tabel` is built once from the selectors' results (laporan.selectors) and then:
- rendered to HTML by ONE template (templates/laporan/_tabel.html), the same HTML WeasyPrint
  prints to PDF;
- written to XLSX by ONE writer (laporan.excel), numbers as numbers;
- flattened into the numbers snapshot of an edition (`cuplikan`), which editions diff.

A cell keeps the raw value (Decimal, text, None) with how it is printed (`jenis`); formatting
goes through common.formatting only. Anchors (`Baris.jangkar`) are stable HTML ids that review
notes attach to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from common.formatting import (
    TANDA_KOSONG,
    format_angka,
    format_persen,
    format_rupiah,
)

TEKS = "teks"
ANGKA = "angka"
"""A measured value: 2 decimals, whole numbers without ",00"."""
BULAT = "bulat"
"""A count or an amount without the "Rp" prefix (0 decimals)."""
RUPIAH = "rupiah"
PERSEN = "persen"
NILAI = "nilai"
"""A target or realisation as the engine holds it: Decimal, predikat letter or range."""
CENTANG = "centang"

TANDA_CENTANG = "✓"

JENIS_ANGKA = (ANGKA, BULAT, RUPIAH, PERSEN, NILAI)


def format_nilai(nilai: Any) -> str:
    """A target/realisation: Decimal → "65,22" / "100"; letter → "BB"; range → "80–90"."""
    if nilai is None or nilai == "":
        return TANDA_KOSONG
    if isinstance(nilai, Mapping):
        return f"{format_nilai(nilai.get('bawah'))}–{format_nilai(nilai.get('atas'))}"
    if isinstance(nilai, str):
        return nilai
    return format_angka(nilai, 2, ringkas=True)


def format_sel(nilai: Any, jenis: str) -> str:
    if jenis == TEKS:
        return "" if nilai is None else str(nilai)
    if jenis == CENTANG:
        return TANDA_CENTANG if nilai else ""
    if nilai is None:
        return TANDA_KOSONG
    if jenis == RUPIAH:
        return format_rupiah(nilai)
    if jenis == PERSEN:
        return format_persen(nilai)
    if jenis == BULAT:
        return format_angka(nilai, 0)
    if jenis == ANGKA:
        return format_angka(nilai, 2, ringkas=True)
    return format_nilai(nilai)


@dataclass(frozen=True)
class Sel:
    nilai: Any = None
    jenis: str = TEKS
    kunci: str = ""
    """Column key for the numbers snapshot (only numeric cells that matter carry one)."""
    colspan: int = 1
    rowspan: int = 1
    kelas: str = ""
    warna: str = ""
    """Background colour (hex), e.g. of a category."""

    @property
    def teks(self) -> str:
        return format_sel(self.nilai, self.jenis)

    @property
    def numerik(self) -> bool:
        return self.jenis in JENIS_ANGKA

    @property
    def kelas_html(self) -> str:
        kelas = ["angka"] if self.numerik else []
        if self.jenis == CENTANG:
            kelas.append("tengah")
        if self.kelas:
            kelas.append(self.kelas)
        return " ".join(kelas)

    @property
    def warna_teks(self) -> str:
        """Dark or light text on `warna` (by luminance of the hex)."""
        if not self.warna or not re.fullmatch(r"#[0-9A-Fa-f]{6}", self.warna):
            return ""
        r, g, b = (int(self.warna[i : i + 2], 16) for i in (1, 3, 5))
        return "#FFFFFF" if (299 * r + 587 * g + 114 * b) < 128000 else "#111111"


@dataclass(frozen=True)
class Kepala:
    """A header cell."""

    teks: str
    colspan: int = 1
    rowspan: int = 1
    lebar: str = ""
    """CSS width, e.g. "6%"."""


@dataclass(frozen=True)
class Baris:
    sel: tuple[Sel, ...]
    jenis: str = ""
    """CSS row kind: sasaran, program, kegiatan, sub_kegiatan, analisis, jumlah, footer."""
    kunci: str = ""
    """Stable key of the row inside its table (indicator or program code)."""
    label: str = ""
    """Human label of the row, shown where a review note points to it."""


@dataclass(frozen=True)
class Tabel:
    kunci: str
    """Stable key of the table in its document ("pengukuran", "anggaran-program" …)."""
    judul: str
    kepala: tuple[tuple[Kepala, ...], ...]
    baris: tuple[Baris, ...]
    nomor_kolom: tuple[str | Kepala, ...] = ()
    """The column-number row ("1", "2", …); a Kepala spans several columns."""
    kelas: str = ""
    lebar_excel: tuple[int, ...] = ()
    """Column widths (characters) for XLSX."""
    catatan: tuple[str, ...] = ()
    """Footnotes printed under the table (scale used, cap for averages, source …)."""
    lanskap: bool = False
    lebar_kolom: tuple[str, ...] = ()
    """CSS widths of the leaf columns (fixed table layout), e.g. ("4%", "20%", …)."""
    meta: dict = field(default_factory=dict, compare=False)

    @property
    def nomor_kolom_sel(self) -> tuple[Kepala, ...]:
        return tuple(k if isinstance(k, Kepala) else Kepala(k) for k in self.nomor_kolom)

    @property
    def id_html(self) -> str:
        return f"tabel-{self.kunci}"

    def jangkar(self, baris: Baris) -> str:
        return jangkar(self.kunci, baris.kunci) if baris.kunci else ""

    def baris_berjangkar(self) -> Iterator[tuple[Baris, str]]:
        for b in self.baris:
            yield b, self.jangkar(b)

    @property
    def jumlah_kolom(self) -> int:
        if self.nomor_kolom:
            return sum(k.colspan for k in self.nomor_kolom_sel)
        return sum(k.colspan for k in self.kepala[0]) if self.kepala else 0


def jangkar(*bagian: str) -> str:
    """A stable HTML id from parts: only letters, digits, "-", "_" and "."."""
    teks = "--".join(b for b in bagian if b)
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", teks).strip("-")


# --- The numbers snapshot -------------------------------------------------------------------


def _mentah(nilai: Any) -> Any:
    if isinstance(nilai, Decimal):
        teks = format(nilai, "f")
        if "." in teks:
            teks = teks.rstrip("0").rstrip(".")
        return teks
    if isinstance(nilai, Mapping):
        return {k: _mentah(v) for k, v in nilai.items()}
    return nilai


def cuplikan(tabel_list: Iterable[Tabel]) -> dict[str, dict[str, Any]]:
    """Every keyed numeric cell of the tables: {key: {"label", "nilai", "teks"}}.

    The key is "table/row/column"; `nilai` is the raw value in plain notation (JSON-safe),
    `teks` as printed. Editions store this and compare it (`selisih_cuplikan`).
    """
    hasil: dict[str, dict[str, Any]] = {}
    for t in tabel_list:
        for b in t.baris:
            if not b.kunci:
                continue
            for s in b.sel:
                if not s.kunci:
                    continue
                kunci = f"{t.kunci}/{b.kunci}/{s.kunci}"
                hasil[kunci] = {
                    "label": f"{t.judul} — {b.label or b.kunci} — {s.kunci}",
                    "nilai": _mentah(s.nilai),
                    "teks": s.teks,
                }
    return hasil


@dataclass(frozen=True)
class SelisihAngka:
    kunci: str
    label: str
    lama: str | None
    """As printed in the older snapshot (None: absent there)."""
    baru: str | None


def selisih_cuplikan(
    lama: Mapping[str, Mapping], baru: Mapping[str, Mapping]
) -> list[SelisihAngka]:
    """Numbers that differ between two snapshots (added, removed or changed), in key order."""
    hasil = []
    for kunci in sorted(set(lama) | set(baru)):
        a, b = lama.get(kunci), baru.get(kunci)
        if a is not None and b is not None and a.get("nilai") == b.get("nilai"):
            continue
        label = (b or a or {}).get("label", kunci)
        hasil.append(
            SelisihAngka(kunci, label, a.get("teks") if a else None, b.get("teks") if b else None)
        )
    return hasil
