"""Checks of the printed Renja evaluation form (LKjIP Lampiran III), kinerja columns.

Per indicator row, the form prints col 6 (Renstra target at the end of the period), col 7
(realisasi up to last year), col 14 (realisasi of the Renstra up to this year) and col 15
(capaian Renstra = 14 / 6 × 100). They are compared with `kinerja.selectors.evaluasi_renja`
(the same selector that prints the form), only where the product has the value.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from common.formatting import format_persen
from kinerja.selectors import evaluasi_renja
from renstra.models import CaraAgregasi, JenisTarget, Target

from ..sebab import Konteks, angka, cari_sebab, cocok
from .dasar import (
    HITUNG_CAPAIAN,
    JENIS_CAPAIAN,
    JENIS_MASUKAN,
    ObjekTemuan,
    _angka,
    _Pemeriksa,
)

TEMPAT_RENJA = "Lampiran III"
MEDAN_KOLOM = {
    6: "Kolom 6 target Renstra akhir periode {tahun}",
    7: "Kolom 7 realisasi Renstra s.d. {tahun}",
    14: "Kolom 14 realisasi Renstra s.d. {tahun}",
    15: "Kolom 15 capaian Renstra {tahun}",
}
HITUNG_TARGET_AKHIR = "target Renstra {tahun}{cara}"
HITUNG_TARGET_KUMULATIF = "jumlah target Renstra {awal}–{akhir}: {suku} = {hasil}"
HITUNG_REALISASI_LALU = "realisasi tercatat {rincian} ({cara})"
HITUNG_REALISASI_RENSTRA = "kolom 7 ({lalu}) dan realisasi {tahun} ({ini}), {cara} = {hasil}"
BENAR_NOL = "tidak dapat dihitung (kolom 6 = 0)"
HITUNG_NOL = "{realisasi} / 0: pembagian dengan nol"
SEBAB_NOL = "capaian dicetak padahal target akhir periode 0: pembagian dengan nol"
SEBAB_DIJUMLAH = (
    "target tahunan dijumlahkan ({suku} = {hasil}) padahal indikator tidak kumulatif: "
    "target akhir periode adalah target tahun terakhir"
)
SEBAB_LALU_NOL = "realisasi tahun-tahun sebelumnya dicetak 0 padahal tercatat ({rincian})"
NAMA_CARA = {
    CaraAgregasi.KUMULATIF: "dijumlahkan",
    CaraAgregasi.POSISI_AKHIR: "posisi akhir",
    CaraAgregasi.RATA_RATA: "dirata-rata",
}

_KOLOM = (
    (re.compile(r"^renstra_akhir_periode_k$"), 6),
    (re.compile(r"^realisasi_renstra_sd_(\d{4})_k$"), 7),
    (re.compile(r"^capaian_renstra_k$"), 15),
)


def _kolom(r, tahun: int) -> int | None:
    if r.medan == f"realisasi_renstra_sd_{tahun}_k":
        return 14
    for pola, kolom in _KOLOM:
        m = pola.match(r.medan)
        if m and (kolom != 7 or int(m[1]) == tahun - 1):
            return kolom
    return None


def _periksa_renja(p: _Pemeriksa, rows) -> None:
    """The kinerja columns 6, 7, 14 and 15 the report printed for its indicators."""
    cek = [(r, k) for r in rows if r.tahun == p.tahun and (k := _kolom(r, p.tahun))]
    if not cek:
        return
    form = evaluasi_renja(pd=p.pd, tahun=p.tahun, triwulan=4)
    baris = {b.indikator.id: b for b in form if b.indikator is not None}
    ids = {r.object_id for r, _k in cek if r.object_id in baris}
    target_renstra: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for t in Target.objects.filter(indikator_id__in=ids, jenis=JenisTarget.RENSTRA):
        if isinstance(t.nilai_masukan(), Decimal):
            target_renstra[t.indikator_id][t.tahun] = t.nilai_masukan()
    cetak: dict[tuple[int, int], object] = {(r.object_id, k): r.nilai for r, k in cek}
    awal, akhir = form.renstra_tahun_awal, form.renstra_tahun_akhir
    for r, kolom in cek:
        b = baris.get(r.object_id)
        if b is None:
            continue
        info = b.indikator
        objek = ObjekTemuan("renstra.indikator", info.id, f"{info.kode} {info.uraian}".strip())
        tercetak, _ = _angka(r.nilai, ribuan=True)
        if tercetak is None:
            continue
        cara = info.cara_agregasi
        per_tahun = target_renstra.get(info.id, {})
        if kolom == 15:
            enam, _ = _angka(cetak.get((r.object_id, 6)), ribuan=True)
            if enam is not None and enam.nilai == 0 and tercetak.nilai != 0:
                empat_belas, _ = _angka(cetak.get((r.object_id, 14)), ribuan=True)
                p.diperiksa += 1
                _catat(
                    p,
                    r,
                    objek,
                    kolom,
                    tercetak,
                    benar_teks=BENAR_NOL,
                    benar=None,
                    hitungan=HITUNG_NOL.format(
                        realisasi=angka(empat_belas.nilai) if empat_belas else "…"
                    ),
                    sebab=(SEBAB_NOL,),
                )
                continue
            benar = b.capaian_renstra.nilai if b.capaian_renstra else None
            if benar is None or not isinstance(b.target_renstra_akhir, Decimal):
                continue
            p.diperiksa += 1
            if cocok(benar, tercetak):
                continue
            hitungan = HITUNG_CAPAIAN.format(
                realisasi=angka(b.realisasi_renstra),
                target=angka(b.target_renstra_akhir),
                hasil=angka(benar),
            )
            enam, _ = _angka(cetak.get((r.object_id, 6)), ribuan=True)
            empat_belas, _ = _angka(cetak.get((r.object_id, 14)), ribuan=True)
            dari, masukan = None, ""
            if enam and empat_belas and enam.nilai:
                dari = empat_belas.nilai * Decimal(100) / enam.nilai
                masukan = HITUNG_CAPAIAN.format(
                    realisasi=angka(empat_belas.nilai), target=angka(enam.nilai), hasil=angka(dari)
                )
            konteks = Konteks(
                tercetak=tercetak, benar=benar, dari_masukan_tercetak=dari, masukan_tercetak=masukan
            )
            _catat(
                p,
                r,
                objek,
                kolom,
                tercetak,
                benar_teks=format_persen(benar),
                benar=benar,
                hitungan=hitungan,
                sebab=cari_sebab(konteks),
            )
            continue
        if kolom == 6:
            benar = b.target_renstra_akhir
            if not isinstance(benar, Decimal):
                continue
            if cara == CaraAgregasi.KUMULATIF and per_tahun:
                nilai = [per_tahun[t] for t in sorted(per_tahun)]
                hitungan = HITUNG_TARGET_KUMULATIF.format(
                    awal=awal, akhir=akhir, suku=" + ".join(angka(n) for n in nilai),
                    hasil=angka(benar),
                )  # fmt: skip
            else:
                hitungan = HITUNG_TARGET_AKHIR.format(
                    tahun=akhir, cara=f" ({NAMA_CARA.get(cara, cara)})"
                )
            sebab = ()
            jumlah = sum(per_tahun.values(), Decimal(0))
            if cara != CaraAgregasi.KUMULATIF and len(per_tahun) > 1 and jumlah == tercetak.nilai:
                suku = " + ".join(angka(per_tahun[t]) for t in sorted(per_tahun))
                sebab = (SEBAB_DIJUMLAH.format(suku=suku, hasil=angka(jumlah)),)
        elif kolom == 7:
            benar = b.realisasi_sd_tahun_lalu
            if not isinstance(benar, Decimal):
                continue
            rincian = f"s.d. {p.tahun - 1}: {angka(benar)}"
            hitungan = HITUNG_REALISASI_LALU.format(rincian=rincian, cara=NAMA_CARA.get(cara, cara))
            sebab = ()
            if tercetak.nilai == 0 and benar != 0:
                sebab = (SEBAB_LALU_NOL.format(rincian=rincian),)
        else:  # 14
            benar = b.realisasi_renstra
            lalu = b.realisasi_sd_tahun_lalu
            if not isinstance(benar, Decimal):
                continue
            if lalu is None and awal is not None and p.tahun > awal:
                continue  # the previous years are not recorded: cannot recompute
            hitungan = HITUNG_REALISASI_RENSTRA.format(
                lalu=angka(lalu) if isinstance(lalu, Decimal) else "—",
                tahun=p.tahun,
                ini=angka(b.realisasi) if isinstance(b.realisasi, Decimal) else "—",
                cara=NAMA_CARA.get(cara, cara),
                hasil=angka(benar),
            )
            sebab = ()
        p.diperiksa += 1
        if cocok(benar, tercetak):
            continue
        _catat(
            p,
            r,
            objek,
            kolom,
            tercetak,
            benar_teks=angka(benar),
            benar=benar,
            hitungan=hitungan,
            sebab=sebab,
        )


def _catat(p, r, objek, kolom, tercetak, *, benar_teks, benar, hitungan, sebab) -> None:
    tahun = {6: p.tahun, 7: p.tahun - 1, 14: p.tahun, 15: p.tahun}[kolom]
    p.catat(
        jenis=JENIS_CAPAIAN if kolom == 15 else JENIS_MASUKAN,
        tempat=r.tempat or TEMPAT_RENJA,
        objek=objek,
        medan=MEDAN_KOLOM[kolom].format(tahun=tahun),
        tahun=p.tahun,
        tercetak=r.teks,
        nilai_tercetak=tercetak.nilai,
        benar=benar_teks,
        nilai_benar=benar,
        hitungan=hitungan,
        sebab=tuple(sebab),
        kunci=r.kunci,
    )
