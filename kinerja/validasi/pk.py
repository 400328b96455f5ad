"""Perjanjian Kinerja rows (R-MISSING, R-UNIT on the PK annex).

The rows checked are those of the PKs of the year and of the next year: the PK of the next
year is drawn up in January, while the year's report is written, and is often attached to it.
"""

from __future__ import annotations

from collections.abc import Iterator

from kinerja.models import PKIndikator

from .dasar import ERROR, PERINGATAN, Masalah, ObjekMasalah, _angka
from .nama_satuan import NamaSatuan

KODE_PK_TARGET_KOSONG = "kinerja.pk_target_kosong"
PESAN_PK_TARGET_KOSONG = (
    "Indikator {kode} pada PK {versi} {tahun} ({pihak}) belum memiliki target{sebelum}."
)
PESAN_SEBELUM = "; target sebelum perubahan {nilai}"


def muat_baris_pk(pd, tahun: int) -> list[PKIndikator]:
    """The PK rows of `tahun` and `tahun + 1` (one query)."""
    return list(
        PKIndikator.objects.filter(
            perjanjian__perangkat_daerah=pd, perjanjian__tahun__in=(tahun, tahun + 1)
        )
        .select_related("perjanjian", "perjanjian__pihak_pertama", "indikator")
        .order_by("perjanjian__tahun", "perjanjian_id", "urutan", "id")
    )


def _pihak(baris: PKIndikator) -> str:
    pk = baris.perjanjian
    p = pk.pihak_pertama
    return pk.pihak_pertama_jabatan or (p.jabatan if p else "") or f"#{pk.pk}"


TANPA_KODE = "(baris PK tanpa indikator)"


def _kode(baris: PKIndikator) -> str:
    return baris.indikator.kode if baris.indikator is not None else TANPA_KODE


def _ringkas(teks: str) -> str:
    return " ".join((teks or "").split())[:120]


def objek_baris_pk(baris: PKIndikator) -> ObjekMasalah:
    pk = baris.perjanjian
    return ObjekMasalah(
        "kinerja.pkindikator",
        baris.pk,
        f"PK {pk.tahun} {_pihak(baris)} — {_kode(baris)} {_ringkas(baris.uraian)}".strip()[:200],
    )


def cek_baris_pk(baris_pk: list[PKIndikator], tahun: int) -> Iterator[Masalah]:
    """A PK row without a target (a PK Perubahan row whose new target was left blank): an
    error in a PK of the year, a warning in the next year's PK (it does not gate the year)."""
    for b in baris_pk:
        if not b.kosong:
            continue
        sebelum = b.target_sebelum_predikat or b.target_sebelum
        pk = b.perjanjian
        yield Masalah(
            KODE_PK_TARGET_KOSONG,
            ERROR if pk.tahun == tahun else PERINGATAN,
            PESAN_PK_TARGET_KOSONG.format(
                kode=_kode(b) if b.indikator is not None else f'"{_ringkas(b.uraian)}"',
                versi=pk.get_versi_display(),
                tahun=pk.tahun,
                pihak=_pihak(b),
                sebelum=PESAN_SEBELUM.format(nilai=_angka(sebelum)) if sebelum else "",
            ),
            objek_baris_pk(b),
        )


def nama_satuan_pk(baris_pk: list[PKIndikator]) -> Iterator[NamaSatuan]:
    """The name and unit of each PK row (the row's own, else its indicator's)."""
    for b in baris_pk:
        satuan = b.satuan or (b.indikator.satuan if b.indikator is not None else "")
        yield NamaSatuan(_kode(b), b.uraian, satuan, objek_baris_pk(b))
