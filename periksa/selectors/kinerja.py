"""Checks of printed indicator values and averages (capaian, kategori, target, realisasi)."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from common.formatting import format_persen
from kinerja.selectors import (
    LABEL_SUMBER_TARGET,
    baris_indikator,
    muat_data_indikator,
    muat_skala,
    pengukuran_kinerja,
)
from renstra.models import Indikator, JenisTarget

from ..models import NilaiTercetak
from ..sebab import SERATUS, Konteks, angka, cari_sebab, cocok
from .dasar import (
    _MEDAN_INDIKATOR,
    BENAR_TIDAK_ADA,
    HITUNG_ATURAN,
    HITUNG_CAPAIAN,
    HITUNG_KATEGORI,
    HITUNG_RATA,
    HITUNG_REALISASI,
    HITUNG_TARGET,
    JENIS_CAPAIAN,
    JENIS_KATEGORI,
    JENIS_MASUKAN,
    JENIS_RATA_RATA,
    JENIS_TIDAK_DICETAK,
    MEDAN_CAPAIAN,
    MEDAN_KATEGORI,
    MEDAN_KATEGORI_PD,
    MEDAN_MASUKAN,
    MEDAN_RATA_PD,
    MEDAN_RATA_SASARAN,
    SEBAB_BUKAN_ANGKA,
    SEBAB_TANPA_REALISASI,
    SEBAB_TIDAK_DICETAK,
    ObjekTemuan,
    _angka,
    _kategori_sama,
    _Pemeriksa,
    _saudara,
    _suku,
)

# --- Indicators -------------------------------------------------------------------------------


def _periksa_indikator(p: _Pemeriksa, rows: list[NilaiTercetak], semua: list[NilaiTercetak]):
    cek = [r for r in rows if r.tahun and (r.medan in _MEDAN_INDIKATOR or _tahun_medan(r))]
    if not cek:
        return
    tahun_list = sorted({r.tahun for r in cek} | {t for r in cek if (t := _tahun_medan(r))})
    ids = {r.object_id for r in cek}
    data = {
        d.indikator.pk: d
        for d in muat_data_indikator(
            Indikator.objects.filter(perangkat_daerah=p.pd, pk__in=ids),
            tahun_target=tahun_list,
            tahun_realisasi=tahun_list,
        )
    }
    skala = muat_skala()
    for r in cek:
        d = data.get(r.object_id)
        if d is None:
            continue
        ind = d.indikator
        objek = ObjekTemuan("renstra.indikator", ind.pk, f"{ind.kode} {ind.uraian}".strip())
        if tahun_lain := _tahun_medan(r):
            # "realisasi_2023_…" under another year, "target_renstra_…": the named value.
            if r.medan.startswith("target_renstra"):
                b = baris_indikator(
                    d,
                    tahun=r.tahun,
                    triwulan=4,
                    hanya_resmi=True,
                    skala=skala,
                    urutan_target=(JenisTarget.RENSTRA,),
                )
                _periksa_masukan(p, r, b, objek, medan="target")
            else:
                b = baris_indikator(d, tahun=tahun_lain, triwulan=4, hanya_resmi=True, skala=skala)
                _periksa_masukan(p, r, b, objek, medan="realisasi", tahun=tahun_lain)
            continue
        b = baris_indikator(d, tahun=r.tahun, triwulan=4, hanya_resmi=True, skala=skala)
        benar = b.capaian.nilai
        if isinstance(b.target, Decimal) and isinstance(b.realisasi, Decimal) and benar is not None:
            if ind.polaritas == "positif" and b.target:
                hitungan = HITUNG_CAPAIAN.format(
                    realisasi=angka(b.realisasi), target=angka(b.target), hasil=angka(benar)
                )
            else:
                hitungan = HITUNG_ATURAN.format(catatan="; ".join(b.capaian.catatan) or "-")
        else:
            hitungan = b.capaian.pesan or HITUNG_ATURAN.format(
                catatan="; ".join(b.capaian.catatan) or "-"
            )
        if r.medan in MEDAN_MASUKAN:
            _periksa_masukan(p, r, b, objek)
            continue
        if r.medan == "kategori":
            if not isinstance(r.nilai, str) or not r.nilai.strip() or b.kategori is None:
                continue
            p.diperiksa += 1
            if not _kategori_sama(r.nilai, b.kategori.label):
                p.catat_dari(
                    r,
                    jenis=JENIS_KATEGORI,
                    objek=objek,
                    medan=MEDAN_KATEGORI.format(tahun=r.tahun),
                    tercetak=r.teks,
                    benar=b.kategori.label,
                    hitungan=HITUNG_KATEGORI.format(
                        capaian=format_persen(benar), kategori=b.kategori.label
                    ),
                )
            continue
        saudara = _saudara(semua, r, {"target", "realisasi"})
        if r.nilai is None or (isinstance(r.nilai, str) and not r.nilai.strip()):
            lain = _saudara(semua, r, {"capaian_rpjmd", "capaian_renstra", "capaian_akhir_renstra"})
            terisi = saudara.get("target") and saudara.get("realisasi")
            kosong = saudara.get("target") and not saudara.get("realisasi")
            if benar is None and kosong and b.realisasi is None and b.target is not None:
                p.diperiksa += 1
                p.catat_dari(
                    r,
                    jenis=JENIS_TIDAK_DICETAK,
                    objek=objek,
                    medan=MEDAN_CAPAIAN.format(tahun=r.tahun),
                    tercetak="",
                    benar=BENAR_TIDAK_ADA,
                    hitungan=hitungan,
                    sebab=(SEBAB_TANPA_REALISASI,),
                )
            elif benar is not None and terisi and not any(lain.values()):
                p.diperiksa += 1
                p.catat_dari(
                    r,
                    jenis=JENIS_TIDAK_DICETAK,
                    objek=objek,
                    medan=MEDAN_CAPAIAN.format(tahun=r.tahun),
                    tercetak="",
                    benar=format_persen(benar),
                    nilai_benar=benar,
                    hitungan=hitungan,
                    sebab=(SEBAB_TIDAK_DICETAK,),
                )
            continue
        tercetak, _rusak = _angka(r.nilai)
        if tercetak is None:
            if benar is not None and isinstance(r.nilai, str) and r.nilai.strip() not in "-–—":
                p.diperiksa += 1
                p.catat_dari(
                    r,
                    jenis=JENIS_CAPAIAN,
                    objek=objek,
                    medan=MEDAN_CAPAIAN.format(tahun=r.tahun),
                    tercetak=r.teks,
                    benar=format_persen(benar),
                    nilai_benar=benar,
                    hitungan=hitungan,
                    sebab=(SEBAB_BUKAN_ANGKA,),
                )
            continue
        if benar is None and tercetak.nilai != 0:
            continue  # nothing to compare with: the product has no capaian
        p.diperiksa += 1
        if benar is not None and cocok(benar, tercetak):
            continue
        t_cetak, _ = _angka(saudara.get("target"))
        r_cetak, _ = _angka(saudara.get("realisasi"))
        dari_masukan, masukan = None, ""
        if t_cetak and r_cetak and t_cetak.nilai:
            dari_masukan = r_cetak.nilai * SERATUS / t_cetak.nilai
            masukan = HITUNG_CAPAIAN.format(
                realisasi=angka(r_cetak.nilai),
                target=angka(t_cetak.nilai),
                hasil=angka(dari_masukan),
            )
        konteks = Konteks(
            tercetak=tercetak,
            benar=benar,
            realisasi=b.realisasi if isinstance(b.realisasi, Decimal) else None,
            dari_masukan_tercetak=dari_masukan,
            masukan_tercetak=masukan,
        )
        p.catat_dari(
            r,
            jenis=JENIS_CAPAIAN,
            objek=objek,
            medan=MEDAN_CAPAIAN.format(tahun=r.tahun),
            tercetak=r.teks,
            nilai_tercetak=tercetak.nilai,
            benar=format_persen(benar) if benar is not None else BENAR_TIDAK_ADA,
            nilai_benar=benar,
            hitungan=hitungan,
            sebab=cari_sebab(konteks),
        )


def _tahun_medan(r: NilaiTercetak) -> int | None:
    """The year a "realisasi_2023_…" key names, or the row's year for "target_renstra…"."""
    if r.medan.startswith("target_renstra"):
        return r.tahun
    m = re.match(r"^realisasi_(\d{4})(?:_|$)", r.medan)
    return int(m[1]) if m else None


def _periksa_masukan(
    p: _Pemeriksa, r, b, objek: ObjekTemuan, *, medan: str = "", tahun: int = 0
) -> None:
    """A printed target or realisation against the one the product measures with."""
    medan = medan or r.medan
    tahun = tahun or r.tahun
    benar = b.target if medan == "target" else b.realisasi
    tercetak, _ = _angka(r.nilai, ribuan=True)
    if tercetak is None or not isinstance(benar, Decimal):
        return
    p.diperiksa += 1
    if cocok(benar, tercetak):
        return
    if medan == "target":
        sumber = LABEL_SUMBER_TARGET.get(b.sumber_target, "")
        hitungan = HITUNG_TARGET.format(sumber=sumber, tahun=tahun)
    else:
        hitungan = HITUNG_REALISASI.format(tahun=tahun)
    p.catat(
        jenis=JENIS_MASUKAN,
        tempat=r.tempat,
        objek=objek,
        medan=MEDAN_MASUKAN[medan].format(tahun=tahun),
        tahun=tahun,
        tercetak=r.teks,
        nilai_tercetak=tercetak.nilai,
        benar=angka(benar),
        nilai_benar=benar,
        hitungan=hitungan,
        sebab=(),
        kunci=r.kunci,
    )


# --- Averages ---------------------------------------------------------------------------------


def _periksa_rata_rata(p: _Pemeriksa, per_model, semua: list[NilaiTercetak]) -> None:
    cek = []
    for model in ("renstra.indikator", "renstra.sasaran", "renstra.perangkatdaerah"):
        for r in per_model[model]:
            if "rata_rata_capaian" in r.medan or (
                model == "renstra.perangkatdaerah" and r.medan == "kategori"
            ):
                cek.append((model, r))
    if not cek:
        return
    sasaran_indikator = {}
    ids = {r.object_id for m, r in cek if m == "renstra.indikator"}
    if ids:
        sasaran_indikator = dict(
            Indikator.objects.filter(pk__in=ids, perangkat_daerah=p.pd).values_list(
                "pk", "sasaran_id"
            )
        )
    pengukuran = {
        t: pengukuran_kinerja(pd=p.pd, tahun=t) for t in sorted({r.tahun for _m, r in cek})
    }
    cetak_per_tempat: dict[tuple, list[Decimal]] = defaultdict(list)
    for r in semua:
        if r.medan == "capaian" and r.tempat and r.content_type.model == "indikator":
            a, _ = _angka(r.nilai)
            if a is not None:
                cetak_per_tempat[(r.tempat, r.tahun)].append(a.nilai)
    for model, r in cek:
        ukur = pengukuran[r.tahun]
        if model == "renstra.perangkatdaerah":
            nilai, komponen = ukur.rata_rata, [s.rata_rata for s in ukur.sasaran]
            if any(s.rata_rata is None or s.dikecualikan for s in ukur.sasaran):
                continue  # data missing: the product cannot recompute what was averaged
            objek = ObjekTemuan("renstra.perangkatdaerah", p.pd.pk, str(p.pd))
            medan = MEDAN_RATA_PD
        else:
            sid = r.object_id if model == "renstra.sasaran" else sasaran_indikator.get(r.object_id)
            s = next((s for s in ukur.sasaran if s.id == sid), None)
            if s is None:
                continue
            if s.dikecualikan:
                continue
            nilai = s.rata_rata
            komponen = [b.capaian.nilai for b in s.indikator]
            objek = ObjekTemuan("renstra.sasaran", s.id, f"{s.kode} {s.uraian}".strip())
            medan = MEDAN_RATA_SASARAN
        komponen = [k for k in komponen if k is not None]
        if r.medan == "kategori":
            kategori = ukur.kategori
            if not isinstance(r.nilai, str) or not r.nilai.strip() or kategori is None:
                continue
            p.diperiksa += 1
            if not _kategori_sama(r.nilai, kategori.label):
                p.catat_dari(
                    r,
                    jenis=JENIS_KATEGORI,
                    objek=objek,
                    medan=MEDAN_KATEGORI_PD.format(tahun=r.tahun),
                    tercetak=r.teks,
                    benar=kategori.label,
                    hitungan=HITUNG_KATEGORI.format(
                        capaian=format_persen(nilai), kategori=kategori.label
                    ),
                )
            continue
        tercetak, _ = _angka(r.nilai)
        if tercetak is None or nilai is None:
            continue
        p.diperiksa += 1
        if cocok(nilai, tercetak):
            continue
        hitungan = HITUNG_RATA.format(suku=_suku(komponen), n=len(komponen), hasil=angka(nilai))
        if ukur.batas_rata_rata is not None:
            hitungan += f" (setiap capaian dibatasi {angka(ukur.batas_rata_rata)}%)"
        konteks = Konteks(
            tercetak=tercetak,
            benar=nilai,
            rata_rata=True,
            komponen=komponen,
            komponen_tercetak=cetak_per_tempat.get((r.tempat, r.tahun), ()) if r.tempat else (),
        )
        p.catat_dari(
            r,
            jenis=JENIS_RATA_RATA,
            objek=objek,
            medan=medan.format(tahun=r.tahun),
            tercetak=r.teks,
            nilai_tercetak=tercetak.nilai,
            benar=format_persen(nilai),
            nilai_benar=nilai,
            hitungan=hitungan,
            sebab=cari_sebab(konteks),
        )
