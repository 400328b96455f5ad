"""Efisiensi: capaian kinerja against serapan anggaran per program, kegiatan and
sub-kegiatan (DOMAIN.md §5.2, seed 001 Tabel 3.15). It reads both the measurement and the
budget roll-up, so it sits in kinerja, above anggaran."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from anggaran.selectors import hitung_pohon, muat_pohon_anggaran
from common.formatting import bulatkan
from common.hitung import kurang as _kurang
from kinerja.capaian import (
    rata_rata_capaian,
)
from renstra.models import (
    Indikator,
    PerangkatDaerah,
)
from renstra.selectors import q_dalam_renstra, renstra_aktif

from .muat import (
    batas_rata_rata,
    capaian_indikator,
    muat_data_indikator,
    nilai_realisasi,
    pilih_target,
)
from .muatan import MuatanKinerja

LABEL_EFISIEN = "efisien"
"""Efisiensi label: capaian kinerja ≥ 100% with serapan anggaran < 100% (DOMAIN.md §5.2)."""

TEMPAT_CETAK = 2
"""Decimals the efficiency table prints; the label is decided on the printed values."""

SERATUS = Decimal(100)


# --- Efisiensi ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisEfisiensi:
    """Efficiency of one program, kegiatan or sub-kegiatan for the year (seed 001 Tabel 3.15)."""

    tingkat: str
    id: int
    kode: str
    nama: str
    capaian_kinerja: Decimal | None
    """Mean capaian of the indicators attached to this object (PD cap applied), unrounded."""
    jumlah_indikator: int
    """Indicators whose capaian entered the mean."""
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None
    """realisasi / pagu × 100."""
    selisih: Decimal | None
    """capaian_kinerja − serapan, in percentage points."""
    efisien: bool
    label: str
    """LABEL_EFISIEN when `adalah_efisien` (printed capaian ≥ 100, serapan < 100, something
    spent), else ""."""
    hemat: Decimal | None
    """pagu − realisasi (rupiah not spent)."""


@dataclass(frozen=True)
class Efisiensi:
    pd_id: int
    tahun: int
    baris: tuple[BarisEfisiensi, ...]
    batas_rata_rata: Decimal | None

    def __iter__(self) -> Iterator[BarisEfisiensi]:
        return iter(self.baris)

    def __len__(self) -> int:
        return len(self.baris)


def adalah_efisien(
    kinerja: Decimal | None, serapan: Decimal | None, realisasi: Decimal | None
) -> bool:
    """The "efisien" label, decided on the values as printed (rounded to 2 decimals,
    ROUND_HALF_UP): capaian ≥ 100,00% and serapan < 100,00%. A row with no budget spent
    (realisasi None or Rp 0) is never efisien: nothing was used, so nothing was saved."""
    if kinerja is None or serapan is None or not realisasi:
        return False
    return bulatkan(kinerja, TEMPAT_CETAK) >= SERATUS and bulatkan(serapan, TEMPAT_CETAK) < SERATUS


def efisiensi(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    hanya_resmi: bool = True,
    muatan: MuatanKinerja | None = None,
) -> Efisiensi:
    """Capaian kinerja against serapan anggaran per program/kegiatan/sub-kegiatan (§5.2).

    Capaian of an object is the mean of its own indicators' capaian for the year (TW IV rule,
    PK → Renja → Renstra target); serapan from `rekap_anggaran` at TW IV. `hanya_resmi`
    applies to both the indicator and the budget realisations.

    Queries (10): Renstra; programs; kegiatan; sub-kegiatan; pagu; realisasi anggaran;
    indicators; targets; signed PK rows; realisations. None with `muatan` (`muat_kinerja` of
    the same PD, year and `hanya_resmi`).
    """
    batas = batas_rata_rata(pd)
    data_rencana = []
    if muatan is not None:
        muatan.periksa(
            pd, tahun, tahun_target=(tahun,), tahun_realisasi=(tahun,), hanya_resmi=hanya_resmi
        )
        renstra, pohon = muatan.renstra, muatan.pohon
        data_rencana = muatan.indikator("program", "kegiatan", "sub_kegiatan")
    else:
        renstra = renstra_aktif(pd=pd, tahun=tahun)
        pohon = muat_pohon_anggaran(renstra=renstra, tahun_list=[tahun], hanya_resmi=hanya_resmi)
    rekap = hitung_pohon(pohon, pd_id=pd.pk, tahun=tahun, triwulan=4)
    capaian: dict[tuple[str, int], list[Decimal | None]] = defaultdict(list)
    if renstra is not None:
        if muatan is None:
            qs = Indikator.objects.filter(perangkat_daerah=pd).filter(q_dalam_renstra(renstra))
            data_rencana = muat_data_indikator(qs, tahun_target=[tahun], tahun_realisasi=[tahun])
        for data in data_rencana:
            ind = data.indikator
            kunci = (ind.tingkat, ind.program_id or ind.kegiatan_id or ind.sub_kegiatan_id)
            target, _sumber = pilih_target(data, tahun)
            real = nilai_realisasi(data, tahun, 4, hanya_resmi=hanya_resmi)
            hasil_capaian = capaian_indikator(
                ind, target.nilai_masukan() if target else None, real.nilai
            )
            capaian[kunci].append(hasil_capaian.nilai)
    hasil = []
    for b in rekap.baris():
        nilai = capaian.get((b.tingkat, b.id), [])
        kinerja = rata_rata_capaian(nilai, batas)
        efisien = adalah_efisien(kinerja, b.persen, b.realisasi)
        hasil.append(
            BarisEfisiensi(
                tingkat=b.tingkat,
                id=b.id,
                kode=b.kode,
                nama=b.nama,
                capaian_kinerja=kinerja,
                jumlah_indikator=sum(1 for n in nilai if n is not None),
                pagu=b.pagu,
                realisasi=b.realisasi,
                serapan=b.persen,
                selisih=_kurang(kinerja, b.persen),
                efisien=efisien,
                label=LABEL_EFISIEN if efisien else "",
                hemat=b.sisa,
            )
        )
    return Efisiensi(pd.pk, tahun, tuple(hasil), batas)
