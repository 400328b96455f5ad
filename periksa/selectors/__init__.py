"""Periksa laporan: every number a hand-made report printed, against the product's own.

`periksa_laporan(pd=..., tahun=...)` reads the printed values of the PD's report of `tahun`
(`NilaiTercetak`, loaded from the dataset's `tercetak` fields) and, for each one the product
can recompute, compares it with the product's number from the shared selectors:

- capaian and kategori of an indicator (`kinerja.selectors.baris_indikator`, the engine of
  `pengukuran_kinerja`), for the year the value is about;
- the average of a sasaran and of the PD (`kinerja.selectors.pengukuran_kinerja`);
- budget percentages, pagu and realisasi of a program, kegiatan or sub-kegiatan, the
  unspent share ("efisiensi"), and the PD totals (`anggaran.selectors.rekap_anggaran`,
  `rekap_belanja` for the jenis-belanja table and its totals);
- a Perjanjian Kinerja's printed budget total against the sum of its rows;
- year labels in report titles and PK titles and dates (the report year, the PK year);
- the JUMLAH row and JUMLAH column of every printed staffing table (a table with only a
  total row is not summed), and two staffing tables that count the same group differently;
- the Renja form's kinerja columns 6, 7, 14 and 15 (LKjIP Lampiran III,
  `kinerja.selectors.evaluasi_renja`);
- numbers in the report's sentences: headline averages and budget absorption, the change
  from the earlier year (points vs percent), the count of indicators per printed band, and
  rupiah amounts written with a broken ending.

A printed number is correct when it equals the product's value rounded half up to the
decimals it was printed with. Each difference (`Temuan`) carries the printed text, the
correct value, the arithmetic and the likely causes (`periksa.sebab.SEBAB`), and the report
groups them by chapter or table. Fixed query count: it depends on the number of years the
report prints values for, never on the size of the plan.
"""

from __future__ import annotations

from collections import defaultdict

from renstra.models import PerangkatDaerah

from ..models import NilaiTercetak
from .anggaran import (
    _periksa_anggaran,
)
from .dasar import (
    BAGIAN_BAWAAN,
    BENAR_TAHUN,
    BENAR_TIDAK_ADA,
    HITUNG_ATURAN,
    HITUNG_CAPAIAN,
    HITUNG_DARI_ANAK,
    HITUNG_EFISIENSI,
    HITUNG_JUMLAH,
    HITUNG_KATEGORI,
    HITUNG_PERSEN,
    HITUNG_PK_LAIN,
    HITUNG_PROGRAM_SASARAN,
    HITUNG_RATA,
    HITUNG_REALISASI,
    HITUNG_TAHUN_LAPORAN,
    HITUNG_TAHUN_PK,
    HITUNG_TARGET,
    JENIS_CAPAIAN,
    JENIS_FORMAT,
    JENIS_JUMLAH,
    JENIS_KATEGORI,
    JENIS_MASUKAN,
    JENIS_PERSEN_ANGGARAN,
    JENIS_RATA_RATA,
    JENIS_TAHUN,
    JENIS_TIDAK_DICETAK,
    MEDAN_CAPAIAN,
    MEDAN_EFISIENSI,
    MEDAN_FORMAT,
    MEDAN_KATEGORI,
    MEDAN_KATEGORI_PD,
    MEDAN_MASUKAN,
    MEDAN_PAGU,
    MEDAN_PERSEN,
    MEDAN_PK_LAIN,
    MEDAN_RATA_PD,
    MEDAN_RATA_SASARAN,
    MEDAN_REALISASI,
    MEDAN_TABEL,
    MEDAN_TAHUN,
    MEDAN_TOTAL_PK,
    SEBAB_BUKAN_ANGKA,
    SEBAB_FORMAT,
    SEBAB_SEBAGIAN,
    SEBAB_TANPA_REALISASI,
    SEBAB_TIDAK_DICETAK,
    Bagian,
    HasilPeriksa,
    ObjekTemuan,
    Temuan,
    _Pemeriksa,
    _urut_bagian,
)
from .kinerja import (
    _periksa_indikator,
    _periksa_rata_rata,
)
from .lain import (
    _periksa_antar_tabel,
    _periksa_pk,
    _periksa_tabel,
    _periksa_tahun,
)
from .narasi import _periksa_narasi
from .renja import _periksa_renja

__all__ = [
    "BAGIAN_BAWAAN",
    "BENAR_TAHUN",
    "BENAR_TIDAK_ADA",
    "HITUNG_ATURAN",
    "HITUNG_CAPAIAN",
    "HITUNG_DARI_ANAK",
    "HITUNG_EFISIENSI",
    "HITUNG_JUMLAH",
    "HITUNG_KATEGORI",
    "HITUNG_PERSEN",
    "HITUNG_PK_LAIN",
    "HITUNG_PROGRAM_SASARAN",
    "HITUNG_RATA",
    "HITUNG_REALISASI",
    "HITUNG_TAHUN_LAPORAN",
    "HITUNG_TAHUN_PK",
    "HITUNG_TARGET",
    "JENIS_CAPAIAN",
    "JENIS_FORMAT",
    "JENIS_JUMLAH",
    "JENIS_KATEGORI",
    "JENIS_MASUKAN",
    "JENIS_PERSEN_ANGGARAN",
    "JENIS_RATA_RATA",
    "JENIS_TAHUN",
    "JENIS_TIDAK_DICETAK",
    "MEDAN_CAPAIAN",
    "MEDAN_EFISIENSI",
    "MEDAN_FORMAT",
    "MEDAN_KATEGORI",
    "MEDAN_KATEGORI_PD",
    "MEDAN_MASUKAN",
    "MEDAN_PAGU",
    "MEDAN_PERSEN",
    "MEDAN_PK_LAIN",
    "MEDAN_RATA_PD",
    "MEDAN_RATA_SASARAN",
    "MEDAN_REALISASI",
    "MEDAN_TABEL",
    "MEDAN_TAHUN",
    "MEDAN_TOTAL_PK",
    "SEBAB_BUKAN_ANGKA",
    "SEBAB_FORMAT",
    "SEBAB_SEBAGIAN",
    "SEBAB_TANPA_REALISASI",
    "SEBAB_TIDAK_DICETAK",
    "Bagian",
    "HasilPeriksa",
    "ObjekTemuan",
    "Temuan",
    "periksa_laporan",
]


def periksa_laporan(*, pd: PerangkatDaerah, tahun: int) -> HasilPeriksa:
    """Every difference between the PD's report of `tahun` and the product's numbers.

    Queries: printed values (1); indicators, targets, quarterly targets, realisations (4)
    and the category scale (1) when indicators printed values; per year printed: the
    pengukuran (7) when an average or a PD category is printed, the budget tree (6) and the
    jenis belanja (1) when budget values are printed; PK and PK budget rows (2); staffing
    tables (2); the Renja form (14) and Renstra targets (1) when Lampiran III kinerja columns
    are printed; pengukuran (7 per year) and budget (7) for printed sentences.
    """
    rows = list(
        NilaiTercetak.objects.filter(perangkat_daerah=pd, tahun_laporan=tahun)
        .select_related("content_type")
        .order_by("content_type_id", "object_id", "urutan", "id")
    )
    p = _Pemeriksa(pd, tahun)
    per_model: dict[str, list[NilaiTercetak]] = defaultdict(list)
    for r in rows:
        per_model[f"{r.content_type.app_label}.{r.content_type.model}"].append(r)
    _periksa_indikator(p, per_model["renstra.indikator"], rows)
    _periksa_rata_rata(p, per_model, rows)
    _periksa_renja(p, per_model["renstra.indikator"])
    _periksa_anggaran(p, per_model)
    _periksa_pk(p, per_model)
    _periksa_tahun(p, per_model)
    _periksa_tabel(p)
    _periksa_antar_tabel(p)
    _periksa_narasi(p, per_model["renstra.perangkatdaerah"])

    kelompok: dict[tuple, list[Temuan]] = defaultdict(list)
    for t in p.temuan:
        judul = t.tempat or BAGIAN_BAWAAN[t.jenis]
        kelompok[(_urut_bagian(judul, t.jenis), judul)].append(t)
    bagian = tuple(Bagian(judul, tuple(isi)) for (_u, judul), isi in sorted(kelompok.items()))
    return HasilPeriksa(pd.pk, tahun, len(rows), p.diperiksa, bagian)
