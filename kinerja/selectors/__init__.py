"""Report numbers of performance: pengukuran, comparisons over the years, Renja evaluation,
efisiensi.

These selectors are THE single computation behind every rendering (HTML, PDF, Excel, API,
the `pengukuran` command): views and templates only format what they return. The contracts
are in `kinerja.selectors.muat`, the loading layer every family is built on:

- `muat`: indicators with targets and realisations in bulk, target in force, category scale;
- `pengukuran`: the pengukuran kinerja of a year (per indicator and per sasaran);
- `perbandingan`: this year beside earlier years and the Renstra's end target;
- `renja`: the Formulir Evaluasi Hasil Renja;
- `efisiensi`: capaian kinerja against serapan anggaran.
"""

from renstra.selectors import periksa_triwulan, renstra_aktif

from .efisiensi import LABEL_EFISIEN, BarisEfisiensi, Efisiensi, efisiensi
from .muat import (
    LABEL_SUMBER_TARGET,
    NAMA_SKALA_BAWAAN_MESIN,
    SUMBER_KONDISI_AKHIR,
    SUMBER_REALISASI_TAHUNAN,
    SUMBER_REALISASI_TRIWULAN,
    SUMBER_RENSTRA,
    URUTAN_VERSI_TARGET,
    DataIndikator,
    InfoIndikator,
    PitaSkala,
    Skala,
    batas_rata_rata,
    capaian_indikator,
    gabung,
    muat_data_indikator,
    muat_skala,
    nilai_realisasi,
    pilih_target,
    target_akhir_renstra,
    target_versi,
)
from .pengukuran import (
    BarisIndikator,
    BarisSasaran,
    IndikatorDikecualikan,
    Pengukuran,
    baris_indikator,
    pengukuran_kinerja,
)
from .perbandingan import BarisPerbandingan, NilaiTahun, PerbandinganTahun, perbandingan_tahun
from .renja import BarisEvaluasiRenja, EvaluasiRenja, evaluasi_renja

__all__ = [
    "LABEL_EFISIEN",
    "LABEL_SUMBER_TARGET",
    "NAMA_SKALA_BAWAAN_MESIN",
    "SUMBER_KONDISI_AKHIR",
    "SUMBER_REALISASI_TAHUNAN",
    "SUMBER_REALISASI_TRIWULAN",
    "SUMBER_RENSTRA",
    "URUTAN_VERSI_TARGET",
    "BarisEfisiensi",
    "BarisEvaluasiRenja",
    "BarisIndikator",
    "BarisPerbandingan",
    "BarisSasaran",
    "DataIndikator",
    "Efisiensi",
    "EvaluasiRenja",
    "IndikatorDikecualikan",
    "InfoIndikator",
    "NilaiTahun",
    "PerbandinganTahun",
    "Pengukuran",
    "PitaSkala",
    "Skala",
    "baris_indikator",
    "batas_rata_rata",
    "capaian_indikator",
    "efisiensi",
    "evaluasi_renja",
    "gabung",
    "muat_data_indikator",
    "muat_skala",
    "nilai_realisasi",
    "pengukuran_kinerja",
    "perbandingan_tahun",
    "periksa_triwulan",
    "pilih_target",
    "renstra_aktif",
    "target_akhir_renstra",
    "target_versi",
]
