"""Charts as server-side SVG, so the HTML page and the PDF show the very same picture.

Pure Python (no database): the functions take values already computed by the selectors and
return an SVG string to embed inline. Geometry is computed in Decimal (house rule: no float)
and written with one decimal. Labels are formatted by common.formatting.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import escape

from common.formatting import format_persen

SERATUS = Decimal(100)
WARNA_KOSONG = "#BDBDBD"
WARNA_TRIWULAN = ("#90CAF9", "#42A5F5", "#1E88E5", "#0D47A1")
FONT = "DejaVu Sans, Arial, sans-serif"
TEKS_BELUM_ADA_DATA = "belum ada data"


@dataclass(frozen=True)
class Batang:
    """One bar: a label, a value in percent units (None = no data) and its colour."""

    label: str
    nilai: Decimal | None
    warna: str = "#1E88E5"
    keterangan: str = ""
    """Printed after the value (e.g. the category label)."""


@dataclass(frozen=True)
class KelompokBatang:
    """A group of bars sharing one label (one program, one bar per quarter)."""

    label: str
    nilai: tuple[Decimal | None, ...]


def _k(nilai: Decimal) -> str:
    """A coordinate: one decimal, plain notation."""
    return format(nilai.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), "f")


def _bungkus(teks: str, lebar: int, baris_maks: int = 2) -> list[str]:
    baris = textwrap.wrap(teks, lebar) or [""]
    if len(baris) > baris_maks:
        baris = baris[:baris_maks]
        baris[-1] = baris[-1][: max(0, lebar - 1)].rstrip() + "…"
    return baris


def _skala_maks(nilai: Sequence[Decimal | None], minimum: Decimal = SERATUS) -> Decimal:
    ada = [n for n in nilai if n is not None]
    atas = max([minimum, *ada]) + 1
    # Round the axis up to the next multiple of 25, above 100%, so full bars have headroom.
    return ((atas / 25).to_integral_value(rounding="ROUND_CEILING")) * 25


def _teks(
    x: Decimal,
    y: Decimal,
    isi: str,
    *,
    ukuran: int = 10,
    jangkar: str = "start",
    tebal: bool = False,
    warna: str = "#212121",
) -> str:
    berat = ' font-weight="bold"' if tebal else ""
    return (
        f'<text x="{_k(x)}" y="{_k(y)}" font-size="{ukuran}" font-family="{FONT}" '
        f'text-anchor="{jangkar}" fill="{warna}"{berat}>{escape(isi)}</text>'
    )


def grafik_batang_horizontal(
    judul: str,
    batang: Sequence[Batang],
    *,
    garis_acuan: Decimal | None = SERATUS,
    lebar: int = 680,
    lebar_label: int = 250,
) -> str:
    """Horizontal bars (capaian per sasaran), a dashed reference line at 100%."""
    tinggi_baris = Decimal(34)
    atas = Decimal(34)
    tinggi = atas + tinggi_baris * len(batang) + Decimal(28)
    x0 = Decimal(lebar_label + 10)
    lebar_plot = Decimal(lebar) - x0 - Decimal(150)
    maks = _skala_maks([b.nilai for b in batang])
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" role="img" '
        f'viewBox="0 0 {lebar} {_k(tinggi)}" width="{lebar}" height="{_k(tinggi)}">',
        f"<title>{escape(judul)}</title>",
        _teks(Decimal(lebar) / 2, Decimal(16), judul, ukuran=12, jangkar="middle", tebal=True),
    ]
    # Axis ticks every 25%.
    langkah = Decimal(25)
    tick = Decimal(0)
    y_bawah = atas + tinggi_baris * len(batang)
    while tick <= maks:
        x = x0 + lebar_plot * tick / maks
        bagian.append(
            f'<line x1="{_k(x)}" y1="{_k(atas - 4)}" x2="{_k(x)}" y2="{_k(y_bawah)}" '
            f'stroke="#E0E0E0" stroke-width="1"/>'
        )
        bagian.append(
            _teks(x, y_bawah + 14, f"{tick}", ukuran=8, jangkar="middle", warna="#616161")
        )
        tick += langkah
    for i, b in enumerate(batang):
        y = atas + tinggi_baris * i
        baris_label = _bungkus(b.label, 46)
        for j, teks in enumerate(baris_label):
            dy = Decimal(12) + Decimal(11) * j + (Decimal(5) if len(baris_label) == 1 else 0)
            bagian.append(_teks(Decimal(4), y + dy, teks, ukuran=9))
        if b.nilai is None:
            bagian.append(_teks(x0 + 4, y + 19, TEKS_BELUM_ADA_DATA, ukuran=9, warna="#757575"))
            continue
        panjang = lebar_plot * max(b.nilai, Decimal(0)) / maks
        bagian.append(
            f'<rect x="{_k(x0)}" y="{_k(y + 6)}" width="{_k(panjang)}" height="20" '
            f'fill="{escape(b.warna)}" stroke="#424242" stroke-width="0.5"/>'
        )
        label_nilai = format_persen(b.nilai) + (f" {b.keterangan}" if b.keterangan else "")
        bagian.append(_teks(x0 + panjang + 4, y + 20, label_nilai, ukuran=9, tebal=True))
    if garis_acuan is not None and garis_acuan <= maks:
        x = x0 + lebar_plot * garis_acuan / maks
        bagian.append(
            f'<line x1="{_k(x)}" y1="{_k(atas - 6)}" x2="{_k(x)}" y2="{_k(y_bawah)}" '
            f'stroke="#B71C1C" stroke-width="1.2" stroke-dasharray="4 3"/>'
        )
    bagian.append("</svg>")
    return "".join(bagian)


def grafik_kelompok(
    judul: str,
    kelompok: Sequence[KelompokBatang],
    seri: Sequence[str],
    *,
    warna: Sequence[str] = WARNA_TRIWULAN,
    lebar: int = 680,
) -> str:
    """Vertical grouped bars (serapan anggaran kumulatif per program and quarter), 0–100+%."""
    tinggi_plot = Decimal(170)
    atas = Decimal(40)
    x0 = Decimal(40)
    lebar_plot = Decimal(lebar) - x0 - Decimal(10)
    semua = [n for k in kelompok for n in k.nilai]
    maks = _skala_maks(semua)
    jumlah = max(1, len(kelompok))
    lebar_kelompok = lebar_plot / jumlah
    lebar_batang = min(Decimal(18), (lebar_kelompok - Decimal(10)) / max(1, len(seri)))
    baris_label = max((len(_bungkus(k.label, 18, 3)) for k in kelompok), default=1)
    tinggi = atas + tinggi_plot + Decimal(16) + Decimal(11) * baris_label + Decimal(26)
    y_dasar = atas + tinggi_plot
    bagian = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" role="img" '
        f'viewBox="0 0 {lebar} {_k(tinggi)}" width="{lebar}" height="{_k(tinggi)}">',
        f"<title>{escape(judul)}</title>",
        _teks(Decimal(lebar) / 2, Decimal(16), judul, ukuran=12, jangkar="middle", tebal=True),
    ]
    # Legend.
    x_leg = x0
    for i, nama in enumerate(seri):
        bagian.append(
            f'<rect x="{_k(x_leg)}" y="24" width="10" height="10" fill="{warna[i % len(warna)]}"/>'
        )
        bagian.append(_teks(x_leg + 14, Decimal(33), nama, ukuran=9))
        x_leg += Decimal(70)
    tick = Decimal(0)
    while tick <= maks:
        y = y_dasar - tinggi_plot * tick / maks
        bagian.append(
            f'<line x1="{_k(x0)}" y1="{_k(y)}" x2="{_k(x0 + lebar_plot)}" y2="{_k(y)}" '
            f'stroke="#E0E0E0" stroke-width="1"/>'
        )
        bagian.append(_teks(x0 - 4, y + 3, f"{tick}%", ukuran=8, jangkar="end", warna="#616161"))
        tick += Decimal(25)
    for i, k in enumerate(kelompok):
        kiri = x0 + lebar_kelompok * i
        tengah = kiri + lebar_kelompok / 2
        mulai = tengah - lebar_batang * len(seri) / 2
        for j, n in enumerate(k.nilai):
            if n is None:
                continue
            h = tinggi_plot * max(n, Decimal(0)) / maks
            bagian.append(
                f'<rect x="{_k(mulai + lebar_batang * j)}" y="{_k(y_dasar - h)}" '
                f'width="{_k(lebar_batang - 1)}" height="{_k(h)}" fill="{warna[j % len(warna)]}"/>'
            )
        for j, teks in enumerate(_bungkus(k.label, 18, 3)):
            bagian.append(
                _teks(tengah, y_dasar + 12 + Decimal(11) * j, teks, ukuran=8, jangkar="middle")
            )
    bagian.append(
        f'<line x1="{_k(x0)}" y1="{_k(y_dasar)}" x2="{_k(x0 + lebar_plot)}" y2="{_k(y_dasar)}" '
        f'stroke="#424242" stroke-width="1"/>'
    )
    bagian.append("</svg>")
    return "".join(bagian)
