"""The Inspektorat's recommendations from the SAKIP evaluation of year n−1, as printed in the
LKjIP of year n with their follow-up status (seed 001 Bab III-C lists eleven)."""

from __future__ import annotations

from common.formatting import format_tanggal
from lke.selectors import rekomendasi_evaluasi
from renstra.models import PerangkatDaerah

from ..tabel import TEKS, Baris, Kepala, Sel, Tabel


def tabel_rekomendasi_sakip(pd: PerangkatDaerah, tahun: int) -> Tabel | None:
    """None when the evaluation of `tahun − 1` has no recommendation (nothing is printed)."""
    evaluasi, daftar = rekomendasi_evaluasi(pd=pd, tahun=tahun - 1)
    if not daftar:
        return None
    baris = tuple(
        Baris(
            (
                Sel(str(r.nomor), TEKS, kelas="tengah"),
                Sel(r.uraian, TEKS),
                Sel(r.penanggung_jawab, TEKS),
                Sel(format_tanggal(r.batas_waktu), TEKS),
                Sel(r.get_status_display(), TEKS),
                Sel(
                    "; ".join(tl.uraian for tl in r.tindak_lanjut.all() if tl.status == "diterima"),
                    TEKS,
                ),
            ),
            kunci=f"R{r.nomor}",
            label=f"Rekomendasi {r.nomor}",
        )
        for r in daftar
    )
    nilai = f"nilai {evaluasi.predikat}" if evaluasi.final else "belum final"
    return Tabel(
        kunci="rekomendasi-sakip",
        judul=f"Rekomendasi hasil evaluasi SAKIP tahun {tahun - 1} ({nilai}) dan tindak lanjutnya",
        kepala=(
            (
                Kepala("No", lebar="5%"),
                Kepala("Rekomendasi Inspektorat", lebar="35%"),
                Kepala("Penanggung jawab"),
                Kepala("Batas waktu"),
                Kepala("Status"),
                Kepala("Tindak lanjut yang diterima", lebar="25%"),
            ),
        ),
        baris=baris,
        lebar_excel=(5, 60, 20, 16, 22, 50),
    )
