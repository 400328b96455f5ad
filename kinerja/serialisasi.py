"""The JSON form of a measurement: the same selectors as every report, decimals as strings.

Used by `manage.py pengukuran --format json` and by the JSON API (api/views.py), so both
print the same numbers. Every decimal is a string, unrounded, with a `*_bulat` value rounded
to 2 places ROUND_HALF_UP next to it.

Every indicator entry, at every level (`tingkat`: tujuan, sasaran, program, kegiatan,
sub_kegiatan), carries: `kode_objek` (its node), `kode`/`uraian`/`satuan`, the `target` used
with its version `sumber_target` (pk_perubahan, pk_murni, renja, renstra) and year
`tahun_target`, `realisasi`, `capaian` (+ `capaian_bulat`), `kategori`, `catatan` (the
engine's notes and the PD's cap), and `status` (dihitung, belum_ada_data, belum_ada_target,
belum_ada_realisasi, tidak_terhitung) with `alasan` (Indonesian) when not computed.

Program, kegiatan and sub-kegiatan entries (`program_kegiatan`) are the indicator rows of the
Renja evaluation form: `capaian`/`capaian_ukur` is against the target the LKjIP measures by
(PK perubahan, PK, Renja, Renstra), `capaian_renja` against the Renja target (col 8) = the
form's "Tingkat capaian Renja", and `renstra` holds cols 6, 7, 14 and 15.
"""

from decimal import Decimal
from typing import Any

from anggaran.selectors import BarisAnggaran, rekap_anggaran
from common.formatting import bulatkan
from kinerja.capaian import HasilCapaian, Kategori
from kinerja.selectors import (
    BarisEvaluasiRenja,
    BarisIndikator,
    IndikatorDikecualikan,
    Pengukuran,
    catatan_capaian,
    pengukuran_kinerja,
)
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


def _label(k: Kategori | None) -> str | None:
    return k.label if k else None


def _nilai_capaian(hasil: HasilCapaian | None) -> Any:
    return json_nilai(hasil.nilai) if hasil else None


def _bulat_capaian(hasil: HasilCapaian | None) -> str | None:
    return bulat(hasil.nilai) if hasil else None


def _json_dikecualikan(daftar: tuple[IndikatorDikecualikan, ...]) -> list[dict]:
    return [{"kode": d.kode, "alasan": d.alasan} for d in daftar]


def _json_indikator(b: BarisIndikator, tingkat: str, kode_objek: str, batas) -> dict:
    """A tujuan or sasaran indicator (the keys the sasaran entries always had, plus the
    level, node, target year and data status)."""
    return {
        "tingkat": tingkat,
        "kode_objek": kode_objek,
        "kode": b.indikator.kode,
        "uraian": b.indikator.uraian,
        "satuan": b.indikator.satuan,
        "iku": b.indikator.iku,
        "target": json_nilai(b.target),
        "sumber_target": b.sumber_target,
        "tahun_target": b.tahun_target,
        "realisasi": json_nilai(b.realisasi),
        "sumber_realisasi": b.sumber_realisasi,
        "capaian": json_nilai(b.capaian.nilai),
        "capaian_bulat": bulat(b.capaian.nilai),
        "status": b.status,
        "alasan": b.capaian.pesan,
        "catatan": list(catatan_capaian(b.capaian, batas)),
        "kategori": _label(b.kategori),
        "target_triwulan": json_nilai(b.target_triwulan),
        "capaian_triwulan": json_nilai(b.capaian_triwulan.nilai) if b.capaian_triwulan else None,
        "ada_draf": b.ada_draf,
    }


def _json_indikator_rencana(b: BarisEvaluasiRenja, batas) -> dict:
    """A program, kegiatan or sub-kegiatan indicator: one indicator row of the Renja form."""
    ind = b.indikator
    return {
        "tingkat": b.jenis,
        "kode_objek": b.kode,
        "nama_objek": b.nama,
        "kode": ind.kode,
        "uraian": ind.uraian,
        "satuan": ind.satuan,
        "iku": ind.iku,
        # The measurement against the target the LKjIP measures by.
        "target": json_nilai(b.target_ukur),
        "sumber_target": b.sumber_target_ukur,
        "tahun_target": b.tahun_target_ukur,
        "realisasi_triwulan": [json_nilai(v) for v in b.realisasi_triwulan],
        "realisasi": json_nilai(b.realisasi),
        "sumber_realisasi": b.sumber_realisasi,
        "capaian": _nilai_capaian(b.capaian_ukur),
        "capaian_bulat": _bulat_capaian(b.capaian_ukur),
        "capaian_ukur": _nilai_capaian(b.capaian_ukur),
        "capaian_ukur_bulat": _bulat_capaian(b.capaian_ukur),
        "status": b.status,
        "alasan": b.capaian_ukur.pesan if b.capaian_ukur else None,
        "catatan": list(catatan_capaian(b.capaian_ukur, None)),
        "kategori": _label(b.kategori_ukur),
        # The Renja form's "Tingkat capaian Renja" (col 13 / col 8).
        "target_renja": json_nilai(b.target_renja),
        "sumber_target_renja": b.sumber_target_renja,
        "tahun_target_renja": b.tahun_target_renja,
        "capaian_renja": _nilai_capaian(b.capaian_renja),
        "capaian_renja_bulat": _bulat_capaian(b.capaian_renja),
        "status_renja": b.status_renja,
        "alasan_renja": b.capaian_renja.pesan if b.capaian_renja else None,
        "catatan_renja": list(catatan_capaian(b.capaian_renja, batas)),
        "kategori_renja": _label(b.kategori_renja),
        # Cols 6, 7, 14 and 15 (K) of the form: against the Renstra end target.
        "renstra": {
            "target_akhir": json_nilai(b.target_renstra_akhir),
            "sumber_target_akhir": b.sumber_target_renstra_akhir,
            "realisasi_sd_tahun_lalu": json_nilai(b.realisasi_sd_tahun_lalu),
            "realisasi": json_nilai(b.realisasi_renstra),
            "capaian": _nilai_capaian(b.capaian_renstra),
            "capaian_bulat": _bulat_capaian(b.capaian_renstra),
        },
        "ada_draf": b.ada_draf,
    }


def _json_rencana(p: Pengukuran) -> dict | None:
    if p.rencana is None:
        return None
    ev = p.rencana
    return {
        "rata_rata_capaian_renja": json_nilai(ev.rata_rata_capaian_kinerja),
        "rata_rata_capaian_renja_bulat": bulat(ev.rata_rata_capaian_kinerja),
        "kategori_renja": _label(ev.kategori),
        "jumlah_indikator_dipakai": ev.jumlah_indikator_dipakai,
        "dikecualikan": _json_dikecualikan(ev.dikecualikan),
        "indikator": [
            _json_indikator_rencana(b, ev.batas_rata_rata) for b in p.indikator_rencana()
        ],
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
        "jumlah_sasaran_dipakai": p.jumlah_sasaran_dipakai,
        "jumlah_indikator_dipakai": p.jumlah_indikator_dipakai,
        "dikecualikan": _json_dikecualikan(p.indikator_dikecualikan),
        "sasaran_dikecualikan": [
            {"kode": s.kode, "alasan": s.alasan} for s in p.sasaran_dikecualikan
        ],
        "tujuan": [
            {
                "kode": t.kode,
                "uraian": t.uraian,
                "rata_rata": json_nilai(t.rata_rata),
                "rata_rata_bulat": bulat(t.rata_rata),
                "kategori": _label(t.kategori),
                "jumlah_indikator_dipakai": t.jumlah_dipakai,
                "dikecualikan": _json_dikecualikan(t.dikecualikan),
                "indikator": [
                    _json_indikator(b, "tujuan", t.kode, p.batas_rata_rata) for b in t.indikator
                ],
            }
            for t in p.kelompok_tujuan
        ],
        "sasaran": [
            {
                "kode": s.kode,
                "uraian": s.uraian,
                "rata_rata": json_nilai(s.rata_rata),
                "rata_rata_bulat": bulat(s.rata_rata),
                "kategori": _label(s.kategori),
                "jumlah_indikator_dipakai": s.jumlah_dipakai,
                "dikecualikan": _json_dikecualikan(s.dikecualikan),
                "indikator": [
                    _json_indikator(b, "sasaran", s.kode, p.batas_rata_rata) for b in s.indikator
                ],
            }
            for s in p.sasaran
        ],
        "program_kegiatan": _json_rencana(p),
    }


def anggaran_json(
    *, pd: PerangkatDaerah, tahun: int, triwulan: int = 4, hanya_resmi: bool = True
) -> dict:
    """The budget roll-up (pagu, realisasi s.d. TW n, percentage; program → sub-kegiatan)."""
    rekap = rekap_anggaran(pd=pd, tahun=tahun, triwulan=triwulan, hanya_resmi=hanya_resmi)
    return {
        "pagu": json_nilai(rekap.pagu),
        "realisasi": json_nilai(rekap.realisasi),
        "persen": json_nilai(rekap.persen),
        "persen_bulat": bulat(rekap.persen),
        "program": [_json_anggaran(b) for b in rekap.program],
    }


def validasi_json(*, pd: PerangkatDaerah, tahun: int) -> list[dict]:
    """The validation problems of the PD and year."""
    return [_json_masalah(m) for m in validasi_pd(pd=pd, tahun=tahun)]


def pengukuran_json(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int = 4,
    hanya_iku: bool = False,
    hanya_resmi: bool = True,
) -> dict:
    """Measurement at every level, budget roll-up and validation problems of a PD and year,
    JSON-ready (the keys: module docstring)."""
    pengukuran = pengukuran_kinerja(
        pd=pd,
        tahun=tahun,
        triwulan=triwulan,
        hanya_iku=hanya_iku,
        hanya_resmi=hanya_resmi,
        semua_tingkat=True,
    )
    return {
        "pd": {"slug": pd.slug, "nama": pd.nama},
        "tahun": tahun,
        "triwulan": triwulan,
        "hanya_resmi": pengukuran.hanya_resmi,
        **_json_pengukuran(pengukuran),
        "anggaran": anggaran_json(pd=pd, tahun=tahun, triwulan=triwulan, hanya_resmi=hanya_resmi),
        "validasi": validasi_json(pd=pd, tahun=tahun),
    }
