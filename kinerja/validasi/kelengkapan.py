"""Data a report did not publish (R-MISSING; loaded as missing, DOMAIN.md §4)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from kinerja.selectors import nilai_realisasi, pilih_target
from renstra.models import JenisTarget, Polaritas

from .dasar import ERROR, NAMA_VERSI, PERINGATAN, Masalah, ObjekMasalah, _angka, _objek_indikator

KODE_PERIODE_RPJMD_KOSONG = "renstra.periode_rpjmd_kosong"
KODE_INDIKATOR_TANPA_NAMA = "renstra.indikator_tanpa_nama"
KODE_INDIKATOR_TANPA_SATUAN = "renstra.indikator_tanpa_satuan"
PESAN_PERIODE_RPJMD_KOSONG = (
    "Periode RPJMD belum tercatat (tidak dicetak dalam laporan sumber); isi tahun awal dan "
    "tahun akhirnya."
)
PESAN_INDIKATOR_TANPA_NAMA = (
    "Indikator {kode} belum memiliki nama (tidak dicetak dalam laporan sumber); laporan "
    'mencetak "—".'
)
PESAN_INDIKATOR_TANPA_SATUAN = "Indikator {kode} belum memiliki satuan."


def _cek_data_kosong(renstra, data_list) -> Iterator[Masalah]:
    """Missing RPJMD period, indicator names and units: loaded from a report as not published."""
    rpjmd = renstra.rpjmd if renstra is not None else None
    if rpjmd is not None and rpjmd.tahun_awal is None:
        yield Masalah(
            KODE_PERIODE_RPJMD_KOSONG,
            PERINGATAN,
            PESAN_PERIODE_RPJMD_KOSONG,
            ObjekMasalah("renstra.rpjmd", rpjmd.pk, "RPJMD"),
        )
    for data in data_list:
        ind = data.indikator
        if not ind.uraian.strip():
            yield Masalah(
                KODE_INDIKATOR_TANPA_NAMA,
                ERROR,
                PESAN_INDIKATOR_TANPA_NAMA.format(kode=ind.kode),
                _objek_indikator(ind),
            )
        if not ind.satuan.strip():
            yield Masalah(
                KODE_INDIKATOR_TANPA_SATUAN,
                PERINGATAN,
                PESAN_INDIKATOR_TANPA_SATUAN.format(kode=ind.kode),
                _objek_indikator(ind),
            )


KODE_IKU_TANPA_SUMBER_DATA = "renstra.iku_tanpa_sumber_data"
PESAN_IKU_TANPA_SUMBER_DATA = (
    "Indikator kinerja utama {kode} belum memiliki sumber data (wajib pada formulir IKU)."
)
KODE_TARGET_NOL_TEREALISASI = "kinerja.target_nol_terealisasi"
PESAN_TARGET_NOL_TEREALISASI = (
    "Target {versi} {tahun} indikator {kode} bernilai 0 tetapi realisasinya {realisasi}: "
    "capaian tidak dapat dihitung; periksa apakah targetnya belum diisi."
)


def cek_iku_tanpa_sumber_data(data_list) -> Iterator[Masalah]:
    for data in data_list:
        ind = data.indikator
        if ind.iku and not ind.sumber_data.strip():
            yield Masalah(
                KODE_IKU_TANPA_SUMBER_DATA,
                PERINGATAN,
                PESAN_IKU_TANPA_SUMBER_DATA.format(kode=ind.kode),
                _objek_indikator(ind),
            )


def cek_target_nol(data_list, tahun: int) -> Iterator[Masalah]:
    """A target of 0 on a positive indicator that was nevertheless realised (above 0)."""
    for data in data_list:
        ind = data.indikator
        if ind.polaritas == Polaritas.NEGATIF:
            continue
        target, versi = pilih_target(data, tahun)
        nilai = target.nilai_masukan() if target is not None else None
        if not isinstance(nilai, Decimal) or nilai != 0:
            continue
        real = nilai_realisasi(data, tahun, 4, hanya_resmi=False).nilai
        if isinstance(real, Decimal) and real > 0:
            yield Masalah(
                KODE_TARGET_NOL_TEREALISASI,
                PERINGATAN,
                PESAN_TARGET_NOL_TEREALISASI.format(
                    versi=NAMA_VERSI.get(versi, versi),
                    tahun=tahun,
                    kode=ind.kode,
                    realisasi=_angka(real),
                ),
                _objek_indikator(ind),
            )


KODE_IKU_TANPA_PK = "kinerja.iku_tanpa_pk"
PESAN_IKU_TANPA_PK = (
    "Indikator kinerja utama {kode} tidak ada dalam Perjanjian Kinerja {tahun} (tidak ada baris "
    "PK maupun target PK untuk tahun ini)."
)


def cek_iku_tanpa_pk(data_list, tahun: int, pk_ids) -> Iterator[Masalah]:
    """An IKU of the plan that no PK of the year carries (every IKU is agreed in the PK)."""
    for data in data_list:
        ind = data.indikator
        if not ind.iku or ind.pk in pk_ids:
            continue
        target_pk, _versi = pilih_target(
            data, tahun, (JenisTarget.PK_PERUBAHAN, JenisTarget.PK_MURNI)
        )
        if target_pk is None:
            yield Masalah(
                KODE_IKU_TANPA_PK,
                PERINGATAN,
                PESAN_IKU_TANPA_PK.format(kode=ind.kode, tahun=tahun),
                _objek_indikator(ind),
            )
