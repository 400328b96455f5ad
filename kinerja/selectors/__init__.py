"""Report numbers of performance: pengukuran, comparisons over the years, Renja evaluation,
efisiensi.

These selectors are THE single computation behind every rendering (HTML, PDF, Excel, API,
the `pengukuran` command): views and templates only format what they return. The contracts
are in `kinerja.selectors.muat`, the loading layer every family is built on:

- `muat`: indicators with targets and realisations in bulk, target in force, category scale;
- `muatan`: ONE load per request (`muat_kinerja`) shared by the families below and the
  budget roll-up through their `muatan=` parameter (a report printing several of them);
- `pengukuran`: the pengukuran kinerja of a year: tujuan and sasaran indicators, and (with
  `semua_tingkat`) program, kegiatan and sub-kegiatan indicators from the Renja form's rows;
- `perbandingan`: this year beside earlier years and the Renstra's end target;
- `renja`: the Formulir Evaluasi Hasil Renja;
- `efisiensi`: capaian kinerja against serapan anggaran.
"""

from renstra.selectors import periksa_triwulan, renstra_aktif

from .efisiensi import LABEL_EFISIEN, BarisEfisiensi, Efisiensi, efisiensi
from .muat import (
    LABEL_STATUS,
    LABEL_SUMBER_TARGET,
    NAMA_SKALA_BAWAAN_MESIN,
    STATUS_BELUM_ADA_DATA,
    STATUS_BELUM_ADA_REALISASI,
    STATUS_BELUM_ADA_TARGET,
    STATUS_DIHITUNG,
    STATUS_TIDAK_TERHITUNG,
    SUMBER_KONDISI_AKHIR,
    SUMBER_REALISASI_TAHUNAN,
    SUMBER_REALISASI_TRIWULAN,
    SUMBER_RENSTRA,
    URUTAN_VERSI_TARGET,
    DataIndikator,
    IndikatorDikecualikan,
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
    status_ukur,
    tahun_target,
    target_akhir_renstra,
    target_versi,
)
from .muatan import JUMLAH_TAHUN_PERBANDINGAN, MuatanKinerja, muat_kinerja
from .pengukuran import (
    LABEL_TINGKAT,
    TINGKAT_RENCANA,
    BarisIndikator,
    BarisSasaran,
    BarisTujuan,
    Pengukuran,
    SasaranDikecualikan,
    baris_indikator,
    catatan_capaian,
    pengukuran_kinerja,
)
from .perbandingan import BarisPerbandingan, NilaiTahun, PerbandinganTahun, perbandingan_tahun
from .renja import BarisEvaluasiRenja, EvaluasiRenja, evaluasi_renja

__all__ = [
    "JUMLAH_TAHUN_PERBANDINGAN",
    "LABEL_EFISIEN",
    "LABEL_STATUS",
    "LABEL_SUMBER_TARGET",
    "LABEL_TINGKAT",
    "NAMA_SKALA_BAWAAN_MESIN",
    "SUMBER_KONDISI_AKHIR",
    "SUMBER_REALISASI_TAHUNAN",
    "SUMBER_REALISASI_TRIWULAN",
    "STATUS_BELUM_ADA_DATA",
    "STATUS_BELUM_ADA_REALISASI",
    "STATUS_BELUM_ADA_TARGET",
    "STATUS_DIHITUNG",
    "STATUS_TIDAK_TERHITUNG",
    "SUMBER_RENSTRA",
    "TINGKAT_RENCANA",
    "URUTAN_VERSI_TARGET",
    "BarisEfisiensi",
    "BarisEvaluasiRenja",
    "BarisIndikator",
    "BarisPerbandingan",
    "BarisSasaran",
    "BarisTujuan",
    "DataIndikator",
    "Efisiensi",
    "EvaluasiRenja",
    "IndikatorDikecualikan",
    "InfoIndikator",
    "MuatanKinerja",
    "NilaiTahun",
    "PerbandinganTahun",
    "Pengukuran",
    "PitaSkala",
    "SasaranDikecualikan",
    "Skala",
    "baris_indikator",
    "batas_rata_rata",
    "capaian_indikator",
    "catatan_capaian",
    "efisiensi",
    "evaluasi_renja",
    "gabung",
    "muat_kinerja",
    "muat_data_indikator",
    "muat_skala",
    "nilai_realisasi",
    "pengukuran_kinerja",
    "perbandingan_tahun",
    "periksa_triwulan",
    "pilih_target",
    "renstra_aktif",
    "status_ukur",
    "tahun_target",
    "target_akhir_renstra",
    "target_versi",
]
