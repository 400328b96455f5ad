"""The JSON form of a measurement: the same selectors as every report, decimals as strings.

Used by `manage.py pengukuran --format json` and by the JSON API (api/views.py), so both
print the same numbers. Every decimal is a string, unrounded, with a `*_bulat` value rounded
to 2 places ROUND_HALF_UP next to it.
"""

from decimal import Decimal
from typing import Any

from anggaran.selectors import BarisAnggaran, rekap_anggaran
from common.formatting import bulatkan
from kinerja.selectors import Pengukuran, pengukuran_kinerja
from kinerja.validasi import Masalah, validasi_pd
from renstra.models import PerangkatDaerah


def json_nilai(nilai: Any) -> Any:
    """Decimals as strings; ranges as {"bawah", "atas"}; letters and None as they are."""
    if isinstance(nilai, Decimal):
        return str(nilai)
    if isinstance(nilai, dict):
        return {k: json_nilai(v) for k, v in nilai.items()}
    return nilai


def bulat(nilai: Decimal | None) -> str | None:
    return str(bulatkan(nilai, 2)) if nilai is not None else None


def _json_anggaran(b: BarisAnggaran) -> dict:
    return {
        "tingkat": b.tingkat,
        "kode": b.kode,
        "nama": b.nama,
        "pagu": json_nilai(b.pagu),
        "pagu_tercatat": json_nilai(b.pagu_tercatat),
        "realisasi_triwulan": [json_nilai(v) for v in b.realisasi_triwulan],
        "realisasi": json_nilai(b.realisasi),
        "persen": json_nilai(b.persen),
        "persen_bulat": bulat(b.persen),
        "anak": [_json_anggaran(a) for a in b.anak],
    }


def _json_masalah(m: Masalah) -> dict:
    return {
        "kode": m.kode,
        "tingkat": m.tingkat,
        "pesan": m.pesan,
        "objek": {"model": m.objek.model, "pk": m.objek.pk, "label": m.objek.label},
    }


def _json_pengukuran(p: Pengukuran) -> dict:
    return {
        "rata_rata": json_nilai(p.rata_rata),
        "rata_rata_bulat": bulat(p.rata_rata),
        "kategori": p.kategori.label if p.kategori else None,
        "predikat": p.predikat,
        "batas_rata_rata": json_nilai(p.batas_rata_rata),
        "skala": {
            "nama": p.skala.nama,
            "pita": [
                {
                    "urutan": pita.urutan,
                    "label": pita.label,
                    "batas_bawah": json_nilai(pita.batas_bawah),
                    "batas_atas": json_nilai(pita.batas_atas),
                    "warna": pita.warna_nama,
                }
                for pita in p.skala.baris
            ],
        },
        "sasaran": [
            {
                "kode": s.kode,
                "uraian": s.uraian,
                "rata_rata": json_nilai(s.rata_rata),
                "rata_rata_bulat": bulat(s.rata_rata),
                "kategori": s.kategori.label if s.kategori else None,
                "jumlah_indikator_dipakai": s.jumlah_dipakai,
                "dikecualikan": [{"kode": d.kode, "alasan": d.alasan} for d in s.dikecualikan],
                "indikator": [
                    {
                        "kode": b.indikator.kode,
                        "uraian": b.indikator.uraian,
                        "satuan": b.indikator.satuan,
                        "iku": b.indikator.iku,
                        "target": json_nilai(b.target),
                        "sumber_target": b.sumber_target,
                        "realisasi": json_nilai(b.realisasi),
                        "sumber_realisasi": b.sumber_realisasi,
                        "capaian": json_nilai(b.capaian.nilai),
                        "capaian_bulat": bulat(b.capaian.nilai),
                        "alasan": b.capaian.pesan,
                        "catatan": list(b.capaian.catatan),
                        "kategori": b.kategori.label if b.kategori else None,
                        "target_triwulan": json_nilai(b.target_triwulan),
                        "capaian_triwulan": json_nilai(b.capaian_triwulan.nilai)
                        if b.capaian_triwulan
                        else None,
                        "ada_draf": b.ada_draf,
                    }
                    for b in s.indikator
                ],
            }
            for s in p.sasaran
        ],
    }


def pengukuran_json(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int = 4,
    hanya_iku: bool = False,
    hanya_resmi: bool = True,
) -> dict:
    """Measurement, budget roll-up and validation problems of a PD and year, JSON-ready."""
    pengukuran = pengukuran_kinerja(
        pd=pd, tahun=tahun, triwulan=triwulan, hanya_iku=hanya_iku, hanya_resmi=hanya_resmi
    )
    rekap = rekap_anggaran(pd=pd, tahun=tahun, triwulan=triwulan, hanya_resmi=hanya_resmi)
    masalah = validasi_pd(pd=pd, tahun=tahun)
    return {
        "pd": {"slug": pd.slug, "nama": pd.nama},
        "tahun": tahun,
        "triwulan": triwulan,
        "hanya_resmi": pengukuran.hanya_resmi,
        **_json_pengukuran(pengukuran),
        "anggaran": {
            "pagu": json_nilai(rekap.pagu),
            "realisasi": json_nilai(rekap.realisasi),
            "persen": json_nilai(rekap.persen),
            "persen_bulat": bulat(rekap.persen),
            "program": [_json_anggaran(b) for b in rekap.program],
        },
        "validasi": [_json_masalah(m) for m in masalah],
    }
