"""Output against spending of a sub-kegiatan (seed-analysis §B.13 E11).

A sub-kegiatan whose output indicators were realised while none of its budget was spent, or
whose budget was spent while none of its outputs (with a target above 0) was realised, is
reported: one of the two figures is missing or wrong. Only sub-kegiatan with a pagu above 0
and a recorded budget realisation are judged; indicators of negative polarity are not
outputs to count.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from anggaran.selectors import BarisAnggaran
from common.formatting import format_rupiah
from kinerja.selectors import DataIndikator, nilai_realisasi, pilih_target
from renstra.models import Polaritas

from .dasar import PERINGATAN, Masalah, _angka, _objek_anggaran

KODE_KELUARAN_TANPA_BELANJA = "kinerja.keluaran_tanpa_belanja"
KODE_BELANJA_TANPA_KELUARAN = "kinerja.belanja_tanpa_keluaran"
PESAN_KELUARAN_TANPA_BELANJA = (
    "Sub-kegiatan {kode}: keluaran terealisasi ({keluaran}) padahal realisasi anggarannya "
    "{realisasi} dari pagu {pagu}."
)
PESAN_BELANJA_TANPA_KELUARAN = (
    "Sub-kegiatan {kode}: anggaran terealisasi {realisasi} dari pagu {pagu}, tetapi tidak satu "
    "pun keluarannya terealisasi ({keluaran})."
)
NOL = Decimal(0)


def _sub_kegiatan(program_rows) -> Iterator[BarisAnggaran]:
    for p in program_rows:
        for k in p.anak:
            for s in k.anak:
                if s.tingkat == "sub_kegiatan":
                    yield s


def cek_keluaran_belanja(program_rows, data_list: list[DataIndikator], tahun: int):
    per_sub: dict[int, list[tuple[DataIndikator, Decimal | None, Decimal | None]]] = {}
    for data in data_list:
        ind = data.indikator
        if ind.sub_kegiatan_id is None or ind.polaritas == Polaritas.NEGATIF:
            continue
        target, _ = pilih_target(data, tahun)
        t = target.nilai_masukan() if target is not None else None
        real = nilai_realisasi(data, tahun, 4, hanya_resmi=False).nilai
        per_sub.setdefault(ind.sub_kegiatan_id, []).append(
            (data, t if isinstance(t, Decimal) else None, real)
        )
    for s in _sub_kegiatan(program_rows):
        keluaran = per_sub.get(s.id)
        if not keluaran or not s.pagu or s.realisasi is None:
            continue
        terealisasi = [(d, r) for d, _t, r in keluaran if isinstance(r, Decimal) and r > NOL]
        bertarget = [(d, r) for d, t, r in keluaran if t is not None and t > NOL]
        ringkas = "; ".join(f"{d.indikator.kode} = {_angka(r)}" for d, _t, r in keluaran)
        if s.realisasi == NOL and terealisasi:
            yield Masalah(
                KODE_KELUARAN_TANPA_BELANJA,
                PERINGATAN,
                PESAN_KELUARAN_TANPA_BELANJA.format(
                    kode=s.kode,
                    keluaran=ringkas,
                    realisasi=format_rupiah(s.realisasi),
                    pagu=format_rupiah(s.pagu),
                ),
                _objek_anggaran(s),
            )
        elif (
            s.realisasi > NOL
            and bertarget
            and all(r is not None and r == NOL for _d, r in bertarget)
            and not terealisasi
        ):
            yield Masalah(
                KODE_BELANJA_TANPA_KELUARAN,
                PERINGATAN,
                PESAN_BELANJA_TANPA_KELUARAN.format(
                    kode=s.kode,
                    keluaran=ringkas,
                    realisasi=format_rupiah(s.realisasi),
                    pagu=format_rupiah(s.pagu),
                ),
                _objek_anggaran(s),
            )
