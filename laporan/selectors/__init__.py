"""Report data: every number of the official reports, assembled from the selectors.

The numbers come from kinerja.selectors (pengukuran_kinerja, perbandingan_tahun,
evaluasi_renja), anggaran.selectors (rekap_anggaran, rekap_belanja), kinerja.selectors.efisiensi and
kinerja.validasi (validasi_pd). What those selectors do not give and the reports need is
computed here, in the same style (keyword-only, frozen dataclasses, fixed query counts):
- `matriks_renstra`: tujuan, sasaran and their indicators with the yearly Renstra targets,
  kondisi awal/akhir, and the IKU sheet attributes (Bab II, Lampiran IKU);
- `rencana_aksi`: the Rencana Aksi rows (sasaran → program → kegiatan → sub-kegiatan, quarterly
  targets or ticks, action text);
- `perjanjian_kinerja_pd`: the PD-level PK of the year (the agency head's), when recorded;
- `serapan_triwulan`: cumulative budget absorption per program and quarter (for the chart).

Views and templates never compute: they format what `data_lkjip`, `data_triwulan`,
`data_evaluasi_renja` and `data_rencana_aksi` return.
"""

from .lkjip import (
    AnalisisSasaran,
    DataEvaluasiRenja,
    DataLKjIP,
    DataRencanaAksiLaporan,
    DataTriwulan,
    ProgramPendukung,
    SerapanProgram,
    data_evaluasi_renja,
    data_lkjip,
    data_rencana_aksi,
    data_triwulan,
    nilai_placeholder,
    nilai_placeholder_pengukuran,
    serapan_triwulan,
)
from .rencana import (
    SERATUS,
    TAHUN_PEMBANDING,
    BarisRencanaAksi,
    DataRencanaAksi,
    Identitas,
    IndikatorRenstra,
    MatriksRenstra,
    MuatanRencana,
    Penandatangan,
    PKPerangkatDaerah,
    SasaranRenstra,
    TujuanRenstra,
    identitas,
    matriks_renstra,
    muat_rencana,
    perjanjian_kinerja_pd,
    rencana_aksi,
)

__all__ = [
    "SERATUS",
    "TAHUN_PEMBANDING",
    "AnalisisSasaran",
    "BarisRencanaAksi",
    "DataEvaluasiRenja",
    "DataLKjIP",
    "DataRencanaAksi",
    "DataRencanaAksiLaporan",
    "DataTriwulan",
    "Identitas",
    "IndikatorRenstra",
    "MatriksRenstra",
    "MuatanRencana",
    "PKPerangkatDaerah",
    "Penandatangan",
    "ProgramPendukung",
    "SasaranRenstra",
    "SerapanProgram",
    "TujuanRenstra",
    "data_evaluasi_renja",
    "data_lkjip",
    "data_rencana_aksi",
    "data_triwulan",
    "identitas",
    "matriks_renstra",
    "muat_rencana",
    "nilai_placeholder",
    "nilai_placeholder_pengukuran",
    "perjanjian_kinerja_pd",
    "rencana_aksi",
    "serapan_triwulan",
]
