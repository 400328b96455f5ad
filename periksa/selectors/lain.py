"""Checks of printed PK budget totals, year labels and staffing tables."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from common.formatting import format_rupiah
from kinerja.models import PerjanjianKinerja, PKAnggaran
from renstra.models import TabelSumberDaya

from ..sebab import AngkaTidakSah, angka, baca_angka
from .dasar import (
    _LABEL_JUMLAH,
    _SATUAN_SEL,
    _TAHUN_TEKS,
    BENAR_TAHUN,
    HITUNG_JUMLAH,
    HITUNG_PK_LAIN,
    HITUNG_TAHUN_LAPORAN,
    HITUNG_TAHUN_PK,
    JENIS_JUMLAH,
    JENIS_TAHUN,
    MEDAN_PK_LAIN,
    MEDAN_TABEL,
    MEDAN_TAHUN,
    MEDAN_TOTAL_PK,
    SEBAB_SEBAGIAN,
    ObjekTemuan,
    _Pemeriksa,
    _rp,
    _suku,
)

# --- Perjanjian Kinerja -------------------------------------------------------------------------


def _periksa_pk(p: _Pemeriksa, per_model) -> None:
    ids = {r.object_id for r in per_model["kinerja.perjanjiankinerja"]}
    if not ids:
        return
    pk_list = list(PerjanjianKinerja.objects.filter(perangkat_daerah=p.pd, pk__in=ids))
    baris = defaultdict(list)
    for a in PKAnggaran.objects.filter(perjanjian_id__in=ids).order_by("urutan", "id"):
        baris[a.perjanjian_id].append(a.jumlah)
    tercetak_total = {
        r.object_id: r.teks for r in per_model["kinerja.perjanjiankinerja"] if r.medan == "total"
    }
    for pk in sorted(pk_list, key=lambda x: x.pk):
        if pk.total_tercetak is None:
            continue
        jumlah = [j for j in baris[pk.pk] if j is not None]
        if not jumlah:
            continue
        benar = sum(jumlah, Decimal(0))
        p.diperiksa += 1
        if benar == pk.total_tercetak:
            continue
        n = len(jumlah)
        sebab = ()
        kumulatif = Decimal(0)
        for i, j in enumerate(jumlah[:-1], start=1):
            kumulatif += j
            if kumulatif == pk.total_tercetak:
                sebab = (SEBAB_SEBAGIAN.format(dari=1, sampai=i, n=n),)
        p.catat(
            jenis=JENIS_JUMLAH,
            tempat="Perjanjian Kinerja",
            objek=ObjekTemuan("kinerja.perjanjiankinerja", pk.pk, str(pk)),
            medan=MEDAN_TOTAL_PK.format(tahun=pk.tahun),
            tahun=pk.tahun,
            tercetak=tercetak_total.get(pk.pk) or format_rupiah(pk.total_tercetak),
            nilai_tercetak=pk.total_tercetak,
            benar=format_rupiah(benar),
            nilai_benar=benar,
            hitungan=HITUNG_JUMLAH.format(suku=_suku(jumlah, 0), hasil=_rp(benar)),
            sebab=sebab,
            kunci="total_tercetak",
        )


# --- Year labels ------------------------------------------------------------------------------


def _periksa_tahun(p: _Pemeriksa, per_model) -> None:
    pk_tahun = {}
    rows_pk = [
        r
        for r in per_model["kinerja.perjanjiankinerja"]
        if r.medan in ("judul_tercetak", "judul_lampiran", "tanggal")
    ]
    if rows_pk:
        pk_tahun = dict(
            PerjanjianKinerja.objects.filter(
                perangkat_daerah=p.pd, pk__in={r.object_id for r in rows_pk}
            ).values_list("pk", "tahun")
        )
    semua_pk = {r.object_id for r in per_model["kinerja.perjanjiankinerja"]}
    if semua_pk - set(pk_tahun):
        pk_tahun.update(
            PerjanjianKinerja.objects.filter(
                perangkat_daerah=p.pd, pk__in=semua_pk - set(pk_tahun)
            ).values_list("pk", "tahun")
        )
    tahun_pk = {pk_tahun[i] for i in semua_pk if i in pk_tahun}
    if tahun_pk and p.tahun not in tahun_pk:
        p.diperiksa += 1
        lain = ", ".join(str(t) for t in sorted(tahun_pk))
        p.catat(
            jenis=JENIS_TAHUN,
            tempat="Perjanjian Kinerja",
            objek=ObjekTemuan("renstra.perangkatdaerah", p.pd.pk, str(p.pd)),
            medan=MEDAN_PK_LAIN,
            tahun=p.tahun,
            tercetak=lain,
            nilai_tercetak=None,
            benar=BENAR_TAHUN.format(tahun=p.tahun),
            nilai_benar=Decimal(p.tahun),
            hitungan=HITUNG_PK_LAIN.format(tahun=p.tahun, lain=lain),
            sebab=(),
            kunci="perjanjian_kinerja",
        )
    cek = [
        (r, p.tahun, HITUNG_TAHUN_LAPORAN.format(tahun=p.tahun), "renstra.perangkatdaerah")
        for r in per_model["renstra.perangkatdaerah"]
        if r.sumber == "laporan.judul_tercetak" or r.medan.endswith("_periode")
    ]
    cek += [
        (r, pk_tahun[r.object_id], HITUNG_TAHUN_PK.format(tahun=pk_tahun[r.object_id]), "pk")
        for r in rows_pk
        if r.object_id in pk_tahun
    ]
    for r, harapan, hitungan, jenis in cek:
        tahun_teks = {int(t) for t in _TAHUN_TEKS.findall(r.teks)}
        if not tahun_teks:
            continue
        p.diperiksa += 1
        if tahun_teks == {harapan}:
            continue
        if jenis == "pk":
            objek = ObjekTemuan("kinerja.perjanjiankinerja", r.object_id, f"PK {harapan}")
        else:
            objek = ObjekTemuan("renstra.perangkatdaerah", p.pd.pk, str(p.pd))
        p.catat(
            jenis=JENIS_TAHUN,
            tempat="Perjanjian Kinerja" if jenis == "pk" else r.tempat,
            objek=objek,
            medan=MEDAN_TAHUN,
            tahun=harapan,
            tercetak=r.teks,
            nilai_tercetak=None,
            benar=BENAR_TAHUN.format(tahun=harapan),
            nilai_benar=Decimal(harapan),
            hitungan=hitungan,
            sebab=(),
            kunci=r.kunci,
        )


# --- Printed tables ---------------------------------------------------------------------------


def _sel(teks: object) -> Decimal | None:
    """A table cell as a number ("4 Org" → 4, "-" or "" → 0); None when it is text."""
    bersih = _SATUAN_SEL.sub("", str(teks or "").strip())
    if bersih in ("", "-", "–", "—"):
        return Decimal(0)
    try:
        hasil = baca_angka(bersih)
    except AngkaTidakSah:
        return None
    return hasil.nilai if hasil is not None and bersih[0].isdigit() else None


def _periksa_tabel(p: _Pemeriksa) -> None:
    for tabel in TabelSumberDaya.objects.filter(perangkat_daerah=p.pd).order_by("urutan", "id"):
        baris = [list(b) for b in tabel.baris]
        kolom = list(tabel.kolom)
        kolom_jumlah = next(
            (i for i, k in enumerate(kolom) if _LABEL_JUMLAH.match(str(k or ""))), None
        )
        baris_jumlah = [b for b in baris if any(_LABEL_JUMLAH.match(str(sel or "")) for sel in b)]
        isi = [b for b in baris if b not in baris_jumlah]
        if not isi:
            continue  # only a total row: nothing to add up
        objek = ObjekTemuan("renstra.tabelsumberdaya", tabel.pk, tabel.judul[:80])
        # Row totals: the JUMLAH column against the row's numeric cells before it.
        total_baris: dict[int, Decimal] = {}
        # Row totals need at least two value columns between the labels and JUMLAH (in
        # "No | Jabatan | Jumlah" the JUMLAH column is the value itself).
        teks_kolom = {
            j for b in isi for j, x in enumerate(b[: kolom_jumlah or 0]) if _sel(x) is None
        }
        kolom_label = max(teks_kolom, default=-1)
        if kolom_jumlah is not None and kolom_jumlah - kolom_label - 1 >= 2:
            for i, b in enumerate(isi):
                sel = [_sel(x) for x in b[:kolom_jumlah]]
                angka_sel = [(j, x) for j, x in enumerate(sel) if x is not None]
                # The label columns (NO, PENDIDIKAN) are text; numbered rows ("1.") are not
                # counted: only the cells after the last text cell add up.
                teks_akhir = max((j for j, x in enumerate(sel) if x is None), default=-1)
                suku = [x for j, x in angka_sel if j > teks_akhir]
                tercetak = _sel(b[kolom_jumlah]) if kolom_jumlah < len(b) else None
                if not suku or tercetak is None:
                    continue
                hitung = sum(suku, Decimal(0))
                total_baris[i] = hitung
                p.diperiksa += 1
                if hitung != tercetak:
                    label = next((str(x) for x in b[: teks_akhir + 1] if _sel(x) is None), "")
                    _catat_tabel(
                        p,
                        tabel,
                        objek,
                        label,
                        kolom[kolom_jumlah],
                        b[kolom_jumlah],
                        tercetak,
                        hitung,
                        [x for x in suku if x],
                    )
        # Column totals: the JUMLAH row against the rows above (row totals as recomputed).
        for bj in baris_jumlah:
            for j, sel_teks in enumerate(bj):
                if _LABEL_JUMLAH.match(str(sel_teks or "")) or not str(sel_teks or "").strip():
                    continue
                tercetak = _sel(sel_teks)
                if tercetak is None:
                    continue
                if j == kolom_jumlah:
                    nilai = [
                        total_baris.get(i, _sel(b[j]) if j < len(b) else None)
                        for i, b in enumerate(isi)
                    ]
                else:
                    nilai = [_sel(b[j]) if j < len(b) else None for b in isi]
                if any(n is None for n in nilai):
                    continue
                hitung = sum(nilai, Decimal(0))
                p.diperiksa += 1
                if abs(hitung - tercetak) > Decimal("0.05"):
                    label = next(str(x) for x in bj if _LABEL_JUMLAH.match(str(x or "")))
                    nama_kolom = kolom[j] if j < len(kolom) else str(j + 1)
                    _catat_tabel(
                        p,
                        tabel,
                        objek,
                        label.strip(),
                        nama_kolom,
                        sel_teks,
                        tercetak,
                        hitung,
                        [n for n in nilai if n],
                    )


def _catat_tabel(p, tabel, objek, baris, kolom, teks, tercetak, hitung, suku) -> None:
    p.catat(
        jenis=JENIS_JUMLAH,
        tempat=tabel.judul,
        objek=objek,
        medan=MEDAN_TABEL.format(baris=baris, kolom=kolom),
        tahun=p.tahun,
        tercetak=str(teks),
        nilai_tercetak=tercetak,
        benar=angka(hitung),
        nilai_benar=hitung,
        hitungan=HITUNG_JUMLAH.format(suku=_suku(suku), hasil=angka(hitung)),
        sebab=(),
        kunci="sdm",
    )


# --- Staffing tables against each other ------------------------------------------------------

MEDAN_SDM_KATEGORI = "Jumlah pegawai {kategori}"
MEDAN_SDM_PNS = "Jumlah PNS"
HITUNG_SDM = "{judul}: {rincian}"
_KATEGORI_SDM = (
    # (category, label pattern): a small table of how staffing tables name the same groups.
    ("Eselon I", re.compile(r"^(eselon|es) i$")),
    ("Eselon II", re.compile(r"^(eselon|es) ii$")),
    ("Eselon III", re.compile(r"^(eselon|es) iii$")),
    ("Eselon IV", re.compile(r"^(eselon|es) iv$")),
    ("Jabatan fungsional", re.compile(r"^(jabatan fungsional( tertentu)?|jf|jft)$")),
    ("Pelaksana", re.compile(r"^(staf|staff|pelaksana|jabatan pelaksana|jfu)$")),
    ("Non PNS", re.compile(r"^(non[ -]?pns|non[ -]?asn|honorer|ptt|thl)$")),
)
_BUKAN_PNS = "Non PNS"


def _kategori_sdm(teks: object) -> str | None:
    bersih = " ".join(str(teks or "").lower().replace(".", " ").split())
    for kategori, pola in _KATEGORI_SDM:
        if pola.match(bersih):
            return kategori
    return None


def _hitung_kategori(tabel) -> dict[str, Decimal]:
    """Staff per category a table prints: its rows named by category (value: the JUMLAH
    column or the only number) or its columns named by category (value: the JUMLAH row)."""
    kolom = list(tabel.kolom)
    baris = [list(b) for b in tabel.baris]
    hasil: dict[str, Decimal] = {}
    kolom_jumlah = next((i for i, k in enumerate(kolom) if _LABEL_JUMLAH.match(str(k or ""))), None)
    for b in baris:
        for j, sel in enumerate(b):
            kategori = _kategori_sdm(sel)
            if kategori is None:
                continue
            if kolom_jumlah is not None and kolom_jumlah < len(b):
                nilai = _sel(b[kolom_jumlah])
            else:
                angka_sel = [_sel(x) for x in b[j + 1 :]]
                angka_sel = [x for x in angka_sel if x is not None]
                nilai = angka_sel[0] if len(angka_sel) == 1 else None
            if nilai is not None:
                hasil.setdefault(kategori, nilai)
            break
    baris_jumlah = [b for b in baris if any(_LABEL_JUMLAH.match(str(x or "")) for x in b)]
    if baris_jumlah:
        for j, k in enumerate(kolom):
            kategori = _kategori_sdm(k)
            if kategori and j < len(baris_jumlah[0]):
                nilai = _sel(baris_jumlah[0][j])
                if nilai is not None:
                    hasil.setdefault(kategori, nilai)
    return hasil if len(hasil) >= 2 else {}


def _periksa_antar_tabel(p: _Pemeriksa) -> None:
    """Two staffing tables of the report that count the same group differently."""
    tabel_list = TabelSumberDaya.objects.filter(perangkat_daerah=p.pd).order_by("urutan", "id")
    hitung = [(t, _hitung_kategori(t)) for t in tabel_list]
    hitung = [(t, h) for t, h in hitung if h]
    for i, (acuan, h_acuan) in enumerate(hitung):
        for tabel, h in hitung[i + 1 :]:
            objek = ObjekTemuan("renstra.tabelsumberdaya", tabel.pk, tabel.judul[:80])
            for kategori in [k for k, _p in _KATEGORI_SDM if k in h and k in h_acuan]:
                p.diperiksa += 1
                if h[kategori] != h_acuan[kategori]:
                    _catat_antar(p, tabel, objek, acuan, MEDAN_SDM_KATEGORI.format(
                        kategori=kategori), h[kategori], h_acuan[kategori],
                        f"{kategori} {angka(h_acuan[kategori])}")  # fmt: skip
            pns = {k for k in h if k != _BUKAN_PNS}
            if len(pns) >= 2 and pns == {k for k in h_acuan if k != _BUKAN_PNS}:
                urut = [k for k, _p in _KATEGORI_SDM if k in pns]
                jumlah, jumlah_acuan = (sum((x[k] for k in urut), Decimal(0)) for x in (h, h_acuan))
                p.diperiksa += 1
                if jumlah != jumlah_acuan:
                    rincian = " + ".join(angka(h_acuan[k]) for k in urut)
                    _catat_antar(p, tabel, objek, acuan, MEDAN_SDM_PNS, jumlah, jumlah_acuan,
                        f"{rincian} = {angka(jumlah_acuan)}",
                        " + ".join(angka(h[k]) for k in urut))  # fmt: skip


def _nama_pendek(judul: str) -> str:
    """ "Tabel 1.1" of "Tabel 1.1 SDM …"; the first words of another title."""
    m = re.match(r"^(tabel|table)\s+[\d.]*\d", judul, re.IGNORECASE)
    return m[0] if m else " ".join(judul.split()[:4])


def _catat_antar(p, tabel, objek, acuan, medan, nilai, nilai_acuan, rincian, suku="") -> None:
    p.catat(
        jenis=JENIS_JUMLAH,
        tempat=tabel.judul,
        objek=objek,
        medan=medan,
        tahun=p.tahun,
        tercetak=(f"{suku} = " if suku else "") + angka(nilai),
        nilai_tercetak=nilai,
        benar=f"{angka(nilai_acuan)} ({_nama_pendek(acuan.judul)})",
        nilai_benar=nilai_acuan,
        hitungan=HITUNG_SDM.format(judul=acuan.judul, rincian=rincian),
        sebab=(SEBAB_ANTAR_TABEL.format(acuan=acuan.judul),),
        kunci="sdm",
    )


SEBAB_ANTAR_TABEL = "dua tabel kepegawaian menghitung kelompok yang sama berbeda (lihat {acuan})"
