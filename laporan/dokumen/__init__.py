"""The row generators: report data (laporan.selectors) → `Tabel` objects.

Each function here is the ONE generator of a printed table: the HTML template, the PDF
(WeasyPrint prints the same HTML), the XLSX writer and the numbers snapshot all read the
`Tabel` it returns. No arithmetic happens here beyond choosing which computed value goes in
which cell.

One module per document:
- `lkjip_kinerja`: the LKjIP performance tables (scale, sumber daya, Renstra, IKU, PK,
  pengukuran and the analyses of one sasaran);
- `lkjip_anggaran`: the LKjIP budget tables (program anggaran, efficiency, programs supporting
  a sasaran, realisation per program, per quarter and per jenis belanja);
- `renja`: the Formulir Evaluasi Hasil Renja;
- `rencana_aksi`: the Rencana Aksi table;
- `triwulan`: the quarterly report tables;
- `sel`: the cell and row helpers they share (text, category, JUMLAH and average rows).
"""

from .lkjip_anggaran import (
    tabel_anggaran_triwulan,
    tabel_belanja,
    tabel_efisiensi_baris,
    tabel_program_anggaran,
    tabel_program_pendukung,
    tabel_realisasi_anggaran,
)
from .lkjip_kinerja import (
    catatan_pengukuran,
    judul_tabel_sumber_daya,
    tabel_capaian_tujuan,
    tabel_hubungan_program,
    tabel_iku,
    tabel_pembanding,
    tabel_pengukuran,
    tabel_pk,
    tabel_renstra,
    tabel_renstra_akhir,
    tabel_sasaran_rata_rata,
    tabel_skala,
    tabel_sumber_daya,
    tabel_tahun_lalu,
    tabel_target_realisasi,
)
from .rencana_aksi import tabel_rencana_aksi
from .renja import KOLOM_RENJA, LEBAR_RENJA, tabel_evaluasi_renja
from .sel import LABEL_TINGKAT, TEKS_JUMLAH, TEKS_RATA_RATA
from .triwulan import tabel_keuangan_triwulan, tabel_kinerja_triwulan

__all__ = [
    "KOLOM_RENJA",
    "LABEL_TINGKAT",
    "LEBAR_RENJA",
    "TEKS_JUMLAH",
    "TEKS_RATA_RATA",
    "catatan_pengukuran",
    "judul_tabel_sumber_daya",
    "tabel_anggaran_triwulan",
    "tabel_belanja",
    "tabel_capaian_tujuan",
    "tabel_efisiensi_baris",
    "tabel_evaluasi_renja",
    "tabel_hubungan_program",
    "tabel_iku",
    "tabel_keuangan_triwulan",
    "tabel_kinerja_triwulan",
    "tabel_pembanding",
    "tabel_pengukuran",
    "tabel_pk",
    "tabel_program_anggaran",
    "tabel_program_pendukung",
    "tabel_realisasi_anggaran",
    "tabel_rencana_aksi",
    "tabel_renstra",
    "tabel_renstra_akhir",
    "tabel_sasaran_rata_rata",
    "tabel_skala",
    "tabel_sumber_daya",
    "tabel_tahun_lalu",
    "tabel_target_realisasi",
]
