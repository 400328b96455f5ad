"""Checks of numbers printed in the report's sentences (ikhtisar, Bab III/IV narrative).

- "… yaitu sebesar 96,34 %": a capaian average or, when the words before it name the budget
  ("realisasi anggaran sebesar …"), the budget absorption; a blank number (".%") is reported
  as missing;
- "naik sebesar 38,91% dari tahun 2022", "peningkatan … 6,5%": the change of the PD average
  from the earlier year, in percentage points and relative; a difference in points printed
  with a % sign is named;
- "Memuaskan (capaian diatas 90%-100%) sebanyak 6 indikator": the number of indicators whose
  capaian lies in the printed range;
- a rupiah amount written with a broken ending ("Rp. 33.138.442.066,-,-").

Averages come from `kinerja.selectors.pengukuran_kinerja`, the budget from
`anggaran.selectors` — the numbers the product's own report prints.
"""

from __future__ import annotations

import re
from decimal import Decimal

from anggaran.selectors import rekap_anggaran, rekap_belanja
from common.formatting import format_persen
from kinerja.selectors import pengukuran_kinerja

from ..sebab import SERATUS, AngkaTidakSah, Konteks, angka, baca_angka, cari_sebab, cocok
from .dasar import (
    HITUNG_PERSEN,
    HITUNG_RATA,
    JENIS_FORMAT,
    JENIS_JUMLAH,
    JENIS_PERSEN_ANGGARAN,
    JENIS_RATA_RATA,
    MEDAN_FORMAT,
    SEBAB_FORMAT,
    ObjekTemuan,
    _Pemeriksa,
    _rp,
    _suku,
)

MEDAN_KALIMAT = "Angka dalam kalimat ({kunci})"
MEDAN_KALIMAT_ANGGARAN = "Persentase realisasi anggaran dalam kalimat ({kunci})"
MEDAN_PERUBAHAN = "Perubahan rata-rata capaian {lalu}–{tahun}"
MEDAN_JUMLAH_PITA = "Jumlah indikator dengan capaian {pita}"
BENAR_PERUBAHAN = "{poin} poin persentase (relatif {relatif}%)"
HITUNG_PERUBAHAN = (
    "{ini} − {lalu} = {poin} poin; ({ini} − {lalu}) / {lalu} × 100 = {relatif}%"
)  # fmt: skip
SUMBER_LALU_CETAK = " (rata-rata {tahun} seperti tercetak: data {tahun} belum lengkap)"
HITUNG_PITA = "capaian {pita}: {daftar} = {n} indikator"
BENAR_KOSONG = "angka tidak tercetak"
HITUNG_KOSONG = 'kalimat mencetak "{teks}" tanpa angka; seharusnya {benar}'
SEBAB_POIN = (
    "selisih dalam poin persentase dicetak sebagai persen "
    "({poin} poin = kenaikan relatif {relatif}%)"
)
SEBAB_ANGGARAN = "persentase realisasi anggaran ({nilai}) dicetak sebagai capaian kinerja"
SEBAB_PITA = "semua {n} indikator dihitung, termasuk yang di luar rentang: {daftar}"

_SEBESAR = re.compile(r"sebesar\s+(?P<angka>[\d.,]*)\s*%", re.IGNORECASE)
_PERUBAHAN = re.compile(
    r"naik|kenaikan|meningkat|peningkatan|turun|penurunan|menurun", re.IGNORECASE
)
_TURUN = re.compile(r"turun|penurunan|menurun", re.IGNORECASE)
_TAHUN_DARI = re.compile(r"dari(?:\s+tahun)?\s+((?:19|20)\d{2})|_dari_((?:19|20)\d{2})")
_ANGKA_SATUAN = re.compile(r"(?P<angka>\d+(?:[.,]\d+)?)\s*(?P<satuan>%|persen|poin)", re.I)
_PITA = re.compile(
    r"(?P<di_atas>di\s*atas|lebih\s+dari|>)?\s*(?P<bawah>\d+(?:[.,]\d+)?)\s*%?\s*"
    r"(?:-|–|s\.?\s*d\.?|sampai(?:\s+dengan)?)\s*(?P<atas>\d+(?:[.,]\d+)?)\s*%",
    re.IGNORECASE,
)
_SEBANYAK = re.compile(r"sebanyak\s+(?P<n>\d+)\s+indikator", re.IGNORECASE)
_RUPIAH_BAKU = re.compile(r"^(?:rp\.?\s*)?\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?(?:,-)?\s*$", re.I)
_MIRIP_RUPIAH = re.compile(r"^\s*rp\.?\s*\d|^\s*\d{1,3}(?:\.\d{3}){2,}", re.IGNORECASE)
_KATA_CAPAIAN = re.compile(r"capaian|kinerja|kriteria|berhasil|predikat|kategori", re.I)
_KEPALA_TOTAL = re.compile(r"anggaran_total|pagu_total|realisasi_total|penyerapan_anggaran")


def _baca(teks: str):
    try:
        return baca_angka(teks)
    except AngkaTidakSah:
        return None


def _kepala(r) -> str:
    return next((k for k in r.jalur if isinstance(k, str) and not re.fullmatch(r"\d{4}", k)), "")


def _periksa_narasi(p: _Pemeriksa, rows) -> None:
    """Sentences, changes, band counts and rupiah notation printed for the PD."""
    kalimat = [r for r in rows if r.tahun and isinstance(r.nilai, str) and r.nilai.strip()]
    perubahan = [r for r in kalimat if _PERUBAHAN.search(r.medan) or _PERUBAHAN.search(r.teks)]
    perubahan = [r for r in perubahan if _ANGKA_SATUAN.search(r.teks)]
    sebesar = [r for r in kalimat if r not in perubahan and _SEBESAR.search(r.teks)]
    pita = [r for r in kalimat if _SEBANYAK.search(r.teks) and _PITA.search(r.teks)]
    for r in kalimat:
        if _MIRIP_RUPIAH.match(r.teks) and not _KEPALA_TOTAL.search(_kepala(r)):
            p.diperiksa += 1
            if not _RUPIAH_BAKU.match(r.teks.strip()):
                p.catat_dari(
                    r,
                    jenis=JENIS_FORMAT,
                    objek=_objek_pd(p),
                    medan=MEDAN_FORMAT.format(kunci=r.medan),
                    tercetak=r.teks,
                    benar="",
                    hitungan="",
                    sebab=(SEBAB_FORMAT,),
                )
    if not (perubahan or sebesar or pita):
        return
    tahun_list = {r.tahun for r in perubahan + sebesar + pita}
    tahun_list |= {_tahun_lalu(r) for r in perubahan}
    ukur = {t: pengukuran_kinerja(pd=p.pd, tahun=t) for t in sorted(tahun_list)}
    anggaran = {}
    if sebesar:
        for t in sorted({r.tahun for r in sebesar}):
            anggaran[t] = (rekap_anggaran(pd=p.pd, tahun=t), rekap_belanja(pd=p.pd, tahun=t))
    rata_cetak = {
        r.tahun: a.nilai
        for r in rows
        if r.medan == "rata_rata_capaian" and r.tahun and (a := _baca(r.teks)) is not None
    }
    for r in sebesar:
        _periksa_sebesar(p, r, ukur[r.tahun], anggaran[r.tahun])
    for r in perubahan:
        _periksa_perubahan(p, r, ukur, rata_cetak)
    for r in pita:
        _periksa_pita(p, r, ukur[r.tahun])


def _objek_pd(p: _Pemeriksa) -> ObjekTemuan:
    return ObjekTemuan("renstra.perangkatdaerah", p.pd.pk, str(p.pd))


def _lengkap(u) -> bool:
    """Every sasaran has an average and nothing was left out: the PD average is the
    report's."""
    return (
        u.rata_rata is not None
        and bool(u.sasaran)
        and all(s.rata_rata is not None and not s.dikecualikan for s in u.sasaran)
    )


def _sumber_anggaran(r, rekap, belanja):
    if belanja.kelompok and r.tempat != "Lampiran III":
        return belanja
    return rekap


def _periksa_sebesar(p: _Pemeriksa, r, u, anggaran) -> None:
    rekap, belanja = anggaran
    sumber = _sumber_anggaran(r, rekap, belanja)
    awal = 0
    for m in _SEBESAR.finditer(r.teks):
        konteks_kata = r.teks[awal : m.start()].lower()
        awal = m.end()
        tentang_anggaran = "anggaran" in konteks_kata or "penyerapan" in konteks_kata
        if tentang_anggaran:
            benar = sumber.persen
            if benar is None:
                continue
            hitungan = HITUNG_PERSEN.format(
                realisasi=_rp(sumber.realisasi), pagu=_rp(sumber.pagu), hasil=angka(benar)
            )
        else:
            kunci = " ".join(str(k) for k in r.jalur).lower()
            if not (_KATA_CAPAIAN.search(konteks_kata) or _KATA_CAPAIAN.search(kunci)):
                continue  # a share of something else: not the product's number
            if not _lengkap(u):
                continue
            benar = u.rata_rata
            komponen = [s.rata_rata for s in u.sasaran]
            hitungan = HITUNG_RATA.format(suku=_suku(komponen), n=len(komponen), hasil=angka(benar))
        p.diperiksa += 1
        teks_angka = m["angka"].strip(".,")
        tercetak = _baca(teks_angka) if teks_angka else None
        medan = (MEDAN_KALIMAT_ANGGARAN if tentang_anggaran else MEDAN_KALIMAT).format(
            kunci=r.medan
        )
        if tercetak is None:
            p.catat_dari(
                r,
                jenis=JENIS_PERSEN_ANGGARAN if tentang_anggaran else JENIS_RATA_RATA,
                objek=_objek_pd(p),
                medan=medan,
                tercetak=r.teks,
                benar=BENAR_KOSONG,
                nilai_benar=benar,
                hitungan=HITUNG_KOSONG.format(teks=m[0], benar=format_persen(benar)),
            )
            continue
        if cocok(benar, tercetak):
            continue
        sebab = ()
        if not tentang_anggaran:
            sebab = cari_sebab(
                Konteks(
                    tercetak=tercetak,
                    benar=benar,
                    rata_rata=True,
                    komponen=[s.rata_rata for s in u.sasaran],
                )
            )
            persen_anggaran = belanja.persen if belanja.kelompok else rekap.persen
            for nilai in (belanja.persen, rekap.persen, persen_anggaran):
                if nilai is not None and cocok(nilai, tercetak):
                    sebab = (*sebab, SEBAB_ANGGARAN.format(nilai=format_persen(nilai)))
                    break
        p.catat_dari(
            r,
            jenis=JENIS_PERSEN_ANGGARAN if tentang_anggaran else JENIS_RATA_RATA,
            objek=_objek_pd(p),
            medan=medan,
            tercetak=r.teks,
            nilai_tercetak=tercetak.nilai,
            benar=format_persen(benar),
            nilai_benar=benar,
            hitungan=hitungan,
            sebab=tuple(sebab),
        )


def _tahun_lalu(r) -> int:
    for sumber in (r.medan, r.teks):
        m = _TAHUN_DARI.search(sumber)
        if m:
            return int(m[1] or m[2])
    return r.tahun - 1


def _periksa_perubahan(p: _Pemeriksa, r, ukur, rata_cetak) -> None:
    lalu_tahun = _tahun_lalu(r)
    ini, lalu = ukur[r.tahun], ukur.get(lalu_tahun)
    if not _lengkap(ini) or lalu_tahun >= r.tahun:
        return
    catatan = ""
    if lalu is not None and _lengkap(lalu):
        nilai_lalu = lalu.rata_rata
    elif lalu_tahun in rata_cetak:
        nilai_lalu = rata_cetak[lalu_tahun]
        catatan = SUMBER_LALU_CETAK.format(tahun=lalu_tahun)
    else:
        return
    if not nilai_lalu:
        return
    m = _ANGKA_SATUAN.search(r.teks)
    tercetak = _baca(m["angka"])
    if tercetak is None:
        return
    tanda = -1 if _TURUN.search(r.medan) or _TURUN.search(r.teks) else 1
    poin = ini.rata_rata - nilai_lalu
    relatif = poin * SERATUS / nilai_lalu
    dicetak = tercetak.nilai * tanda
    p.diperiksa += 1
    dalam_poin = m["satuan"].lower() == "poin"
    benar = poin if dalam_poin else relatif
    if cocok(benar, type(tercetak)(dicetak, tercetak.tempat)):
        return
    sebab = ()
    if not dalam_poin and cocok(poin, type(tercetak)(dicetak, tercetak.tempat)):
        sebab = (SEBAB_POIN.format(poin=angka(poin), relatif=angka(relatif)),)
    p.catat_dari(
        r,
        jenis=JENIS_RATA_RATA,
        objek=_objek_pd(p),
        medan=MEDAN_PERUBAHAN.format(lalu=lalu_tahun, tahun=r.tahun),
        tercetak=r.teks,
        nilai_tercetak=tercetak.nilai,
        benar=BENAR_PERUBAHAN.format(poin=angka(poin), relatif=angka(relatif)),
        nilai_benar=benar,
        hitungan=HITUNG_PERUBAHAN.format(
            ini=angka(ini.rata_rata),
            lalu=angka(nilai_lalu),
            poin=angka(poin),
            relatif=angka(relatif),
        )
        + catatan,  # fmt: skip
        sebab=sebab,
    )


def _periksa_pita(p: _Pemeriksa, r, u) -> None:
    m = _PITA.search(r.teks)
    n_cetak = int(_SEBANYAK.search(r.teks)["n"])
    bawah = _baca(m["bawah"])
    atas = _baca(m["atas"])
    if bawah is None or atas is None:
        return
    indikator = [b for s in u.sasaran for b in s.indikator]
    if not indikator or any(b.capaian.nilai is None for b in indikator):
        return  # an indicator without capaian: the count cannot be recomputed
    bawah_eksklusif = bool(m["di_atas"])

    def di_pita(c: Decimal) -> bool:
        batas_bawah = c > bawah.nilai if bawah_eksklusif else c >= bawah.nilai
        return batas_bawah and c <= atas.nilai

    masuk = [b for b in indikator if di_pita(b.capaian.nilai)]
    p.diperiksa += 1
    if len(masuk) == n_cetak:
        return
    label_pita = m[0].strip()
    daftar = "; ".join(f"{b.indikator.kode} {angka(b.capaian.nilai)}" for b in masuk) or "—"
    sebab = ()
    if n_cetak == len(indikator):
        luar = [b for b in indikator if b not in masuk]
        sebab = (
            SEBAB_PITA.format(
                n=len(indikator),
                daftar="; ".join(f"{b.indikator.kode} {angka(b.capaian.nilai)}" for b in luar),
            ),
        )
    p.catat_dari(
        r,
        jenis=JENIS_JUMLAH,
        objek=_objek_pd(p),
        medan=MEDAN_JUMLAH_PITA.format(pita=label_pita),
        tercetak=r.teks,
        nilai_tercetak=Decimal(n_cetak),
        benar=f"{len(masuk)} indikator",
        nilai_benar=Decimal(len(masuk)),
        hitungan=HITUNG_PITA.format(pita=label_pita, daftar=daftar, n=len(masuk)),
        sebab=sebab,
    )
