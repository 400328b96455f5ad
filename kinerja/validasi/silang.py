"""One fact, one value (R-XREF, seed-analysis §D.4 rule 2).

Two indicators of the PD with the same name (letters and digits compared; case, spacing
and punctuation ignored) measure the same fact, e.g. a sasaran indicator of the PK repeated as a
program indicator of the Renja: their targets and realisations of the same year must agree.
A difference is listed with both values; the product does not pick one silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from common.formatting import parse_angka_teks
from kinerja.capaian import NILAI_PREDIKAT
from kinerja.pk.teks import target_setara
from kinerja.selectors import DataIndikator, nilai_realisasi, pilih_target
from renstra.models import JenisTarget

from .dasar import NAMA_VERSI, PERINGATAN, Masalah, _angka, _objek_indikator

KODE_FAKTA_GANDA_BERBEDA = "kinerja.indikator_sama_nilai_berbeda"
PESAN_FAKTA_GANDA_BERBEDA = (
    'Indikator {kode} dan {kode_lain} bernama sama ("{uraian}") tetapi {besaran} {tahun} '
    "berbeda: {nilai} ({sumber}) dan {nilai_lain} ({sumber_lain})."
)
_BUKAN_HURUF = re.compile(r"[^0-9a-z]+")


def kunci_nama(uraian: str) -> str:
    """Letters and digits only: "Penilaian Mandiri" and "PenilaianMandiri" are one name."""
    return _BUKAN_HURUF.sub("", (uraian or "").lower())


def cek_fakta_ganda(data_list: list[DataIndikator], tahun: int) -> Iterator[Masalah]:
    kelompok: dict[str, list[DataIndikator]] = {}
    for data in data_list:
        kunci = kunci_nama(data.indikator.uraian)
        if kunci:
            kelompok.setdefault(kunci, []).append(data)
    for anggota in kelompok.values():
        if len(anggota) < 2:
            continue
        pertama, *lain = anggota
        t1, v1 = pilih_target(pertama, tahun)
        r1 = nilai_realisasi(pertama, tahun, 4, hanya_resmi=False).nilai
        for data in lain:
            t2, v2 = pilih_target(data, tahun)
            r2 = nilai_realisasi(data, tahun, 4, hanya_resmi=False).nilai
            pasangan = []
            if t1 is not None and t2 is not None:
                a, b = t1.nilai_masukan(), t2.nilai_masukan()
                if not target_setara(a, b):
                    pasangan.append(
                        ("target", a, NAMA_VERSI.get(v1, v1), b, NAMA_VERSI.get(v2, v2))
                    )
            if r1 is not None and r2 is not None and r1 != r2:
                pasangan.append(("realisasi", r1, "realisasi", r2, "realisasi"))
            for besaran, a, sa, b, sb in pasangan:
                yield Masalah(
                    KODE_FAKTA_GANDA_BERBEDA,
                    PERINGATAN,
                    PESAN_FAKTA_GANDA_BERBEDA.format(
                        kode=pertama.indikator.kode,
                        kode_lain=data.indikator.kode,
                        uraian=" ".join(data.indikator.uraian.split())[:120],
                        besaran=besaran,
                        tahun=tahun,
                        nilai=_angka(a),
                        sumber=sa,
                        nilai_lain=_angka(b),
                        sumber_lain=sb,
                    ),
                    _objek_indikator(data.indikator),
                )


KODE_TARGET_SAMA_HASIL_EVALUASI = "kinerja.target_sama_hasil_evaluasi"
PESAN_TARGET_SAMA_HASIL_EVALUASI = (
    "Target {versi} {tahun} indikator {kode} ({target}) sama persis dengan realisasinya, yaitu "
    "nilai evaluasi SAKIP tahun {tahun_dinilai} ({nilai}) yang baru diketahui setelah target "
    "ditetapkan; periksa apakah target diisi dari hasil (audit)."
)


def cek_target_sama_hasil_evaluasi(
    data_list: list[DataIndikator], tahun: int, evaluasi
) -> Iterator[Masalah]:
    """A target with decimals equal to its realisation and to a SAKIP evaluation score of an
    earlier year: a target copied from a result that was only known afterwards (R-CAT audit).
    Whole-number targets (100 %, 5 dokumen) are not judged: equal round numbers are common."""
    skor = {e.nilai: e for e in evaluasi if e.nilai is not None and e.tahun_dinilai}
    if not skor:
        return
    for data in data_list:
        target, versi = pilih_target(data, tahun)
        nilai = target.nilai_masukan() if target is not None else None
        if not isinstance(nilai, Decimal) or nilai == nilai.to_integral_value():
            continue
        e = skor.get(nilai)
        real = nilai_realisasi(data, tahun, 4, hanya_resmi=False).nilai
        if e is None or e.tahun_dinilai >= tahun or real != nilai:
            continue
        yield Masalah(
            KODE_TARGET_SAMA_HASIL_EVALUASI,
            PERINGATAN,
            PESAN_TARGET_SAMA_HASIL_EVALUASI.format(
                versi=NAMA_VERSI.get(versi, versi),
                tahun=tahun,
                kode=data.indikator.kode,
                target=_angka(nilai),
                tahun_dinilai=e.tahun_dinilai,
                nilai=_angka(e.nilai),
            ),
            _objek_indikator(data.indikator),
        )


KODE_KONDISI_AKHIR_BERBEDA = "kinerja.kondisi_akhir_berbeda_target_akhir"
PESAN_KONDISI_AKHIR_BERBEDA = (
    "Kondisi akhir Renstra indikator {kode} ({akhir}) berbeda dari target Renstra tahun "
    "{tahun_akhir} ({target}), tahun terakhir periode: keduanya target akhir yang sama."
)


def _nilai_teks(teks: str):
    """A free-text kondisi akhir as a target value (a predikat letter or a number), else None."""
    teks = (teks or "").strip()
    if teks.upper() in NILAI_PREDIKAT:
        return teks.upper()
    try:
        return parse_angka_teks(teks) if teks else None
    except (ValueError, TypeError):
        return None


def cek_kondisi_akhir(data_list: list[DataIndikator], tahun_akhir: int | None):
    """The kondisi akhir of the Renstra against the Renstra target of its last year."""
    if tahun_akhir is None:
        return
    for data in data_list:
        ind = data.indikator
        akhir = _nilai_teks(ind.kondisi_akhir)
        t = data.target.get((tahun_akhir, JenisTarget.RENSTRA))
        if akhir is None or t is None or t.kosong:
            continue
        if not target_setara(akhir, t.nilai_masukan()):
            yield Masalah(
                KODE_KONDISI_AKHIR_BERBEDA,
                PERINGATAN,
                PESAN_KONDISI_AKHIR_BERBEDA.format(
                    kode=ind.kode,
                    akhir=_angka(akhir),
                    tahun_akhir=tahun_akhir,
                    target=_angka(t.nilai_masukan()),
                ),
                _objek_indikator(ind),
            )
