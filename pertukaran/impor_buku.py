"""Import of a workbook: read (`buku_kerja`) → validate (`skema`) → write (`impor.muat`).

`impor_buku_kerja` is the one entry point of the web upload and of `manage.py impor`. Every
problem is a `MasalahSel` (sheet, row, column, Indonesian message): the workbook's own and
the document's, mapped back to the cells they came from. Nothing is written when there is
any problem; `dry_run` runs the whole write and rolls it back, which gives the preview its
per-sheet counts (rows to create / update / unchanged).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .buku_kerja import BukuKerjaTidakValid, HasilBaca, MasalahSel, baca_buku_kerja
from .dokumen import DatasetTidakValid
from .impor import muat, validasi
from .sinkron import HasilMuat
from .tata_letak import LEMBAR, LEMBAR_LABEL


@dataclass
class RingkasanLembar:
    lembar: str
    dibuat: int = 0
    diperbarui: int = 0
    tidak_berubah: int = 0
    dihapus: int = 0


@dataclass
class HasilImpor:
    hasil: HasilMuat
    baca: HasilBaca
    per_lembar: list[RingkasanLembar] = field(default_factory=list)


def _per_lembar(hasil: HasilMuat) -> list[RingkasanLembar]:
    ringkas = {lembar.nama: RingkasanLembar(lembar.nama) for lembar in LEMBAR}
    for nama_hitung in ("dibuat", "diperbarui", "tidak_berubah", "dihapus"):
        hitung: Counter = getattr(hasil, nama_hitung)
        for label, jumlah in hitung.items():
            # A stored table no sheet carries (e.g. printed values) is shown under its label.
            nama = LEMBAR_LABEL.get(label, f"({label})")
            r = ringkas.setdefault(nama, RingkasanLembar(nama))
            setattr(r, nama_hitung, getattr(r, nama_hitung) + jumlah)
    return [r for r in ringkas.values() if r.dibuat or r.diperbarui or r.tidak_berubah or r.dihapus]


def _isi_identitas(data: dict, pd) -> None:
    """A workbook without the PD's identity is for the PD it is uploaded to."""
    isi_pd = data["perangkat_daerah"]
    if isi_pd.get("slug") is None:
        isi_pd["slug"] = pd.slug
    if isi_pd.get("nama") is None:
        isi_pd["nama"] = pd.nama
    pemda = data["pemda"]
    if pemda.get("nama") is None:
        pemda["nama"] = pd.pemda.nama
    if pemda.get("jenis") is None:
        pemda["jenis"] = pd.pemda.jenis


def impor_buku_kerja(
    berkas, *, pengguna=None, pd=None, tahun: int | None = None, dry_run: bool = False
) -> HasilImpor:
    """Import the workbook `berkas` (path or binary file) in one transaction.

    `pd` (a PerangkatDaerah) restricts the import to that PD: a workbook naming another one
    is refused. `tahun` keeps only that year's rows of the yearly sheets. Raises
    `BukuKerjaTidakValid` with every problem; then nothing was written."""
    baca = baca_buku_kerja(berkas, tahun=tahun)
    data = baca.data
    if pd is not None:
        _isi_identitas(data, pd)
    masalah = validasi(data)
    if masalah:
        raise BukuKerjaTidakValid([baca.letak(m) for m in masalah])
    try:
        hasil = muat(data, pengguna=pengguna, dry_run=dry_run, pd_tujuan=pd)
    except DatasetTidakValid as exc:
        raise BukuKerjaTidakValid([baca.letak(m) for m in exc.masalah]) from None
    return HasilImpor(hasil=hasil, baca=baca, per_lembar=_per_lembar(hasil))


__all__ = [
    "BukuKerjaTidakValid",
    "HasilImpor",
    "MasalahSel",
    "RingkasanLembar",
    "impor_buku_kerja",
]
