"""Checks of printed budget values: percentages, pagu, realisasi, efisiensi, totals."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from anggaran.selectors import rekap_anggaran, rekap_belanja
from common.formatting import format_persen, format_rupiah
from common.hitung import persen

from ..models import NilaiTercetak
from ..sebab import SERATUS, Konteks, angka, cari_sebab, cocok
from .dasar import (
    _MEDAN_PAGU,
    _MEDAN_PERSEN,
    _MEDAN_REALISASI,
    HITUNG_DARI_ANAK,
    HITUNG_EFISIENSI,
    HITUNG_JUMLAH,
    HITUNG_PERSEN,
    HITUNG_PROGRAM_SASARAN,
    HITUNG_SISA_PERSEN,
    JENIS_FORMAT,
    JENIS_JUMLAH,
    JENIS_PERSEN_ANGGARAN,
    MEDAN_EFISIENSI,
    MEDAN_FORMAT,
    MEDAN_PAGU,
    MEDAN_PERSEN,
    MEDAN_REALISASI,
    SEBAB_FORMAT,
    ObjekTemuan,
    _angka,
    _Pemeriksa,
    _rp,
    _saudara,
    _suku,
)

# --- Budgets ----------------------------------------------------------------------------------


def _periksa_anggaran(p: _Pemeriksa, per_model) -> None:
    simpul = [
        (m, r)
        for m in ("renstra.program", "renstra.kegiatan", "renstra.subkegiatan")
        for r in per_model[m]
        if r.tahun
        and ("efisiensi" not in r.jalur[1:-1] or r.medan == "persen_efisien")
        and "lampiran_iii" not in r.medan
    ]
    semua_efisiensi = [
        r
        for m in ("renstra.program", "renstra.kegiatan", "renstra.subkegiatan")
        for r in per_model[m]
        if "efisiensi" in r.jalur[1:-1]
    ]
    belanja = [r for r in per_model["anggaran.anggaranbelanja"] if r.tahun]
    total = [
        r
        for r in per_model["renstra.perangkatdaerah"]
        if r.tahun
        and re.search(r"anggaran_total|pagu_total|realisasi_total|penyerapan_anggaran", _kepala(r))
    ]
    sasaran = [
        r
        for r in per_model["renstra.sasaran"]
        if r.tahun
        and "anggaran" in _kepala(r)
        and r.medan in ("target", "pagu", "realisasi", "persen", "rata_rata_penyerapan")
    ]
    tahun_list = sorted(
        {r.tahun for _m, r in simpul} | {r.tahun for r in belanja + total + sasaran}
    )
    rekap = {t: rekap_anggaran(pd=p.pd, tahun=t) for t in tahun_list}
    belanja_rekap = {t: rekap_belanja(pd=p.pd, tahun=t) for t in tahun_list}
    model_tingkat = {
        "renstra.program": "program",
        "renstra.kegiatan": "kegiatan",
        "renstra.subkegiatan": "sub_kegiatan",
    }
    nama_anak = {"program": "kegiatan", "kegiatan": "sub-kegiatan"}
    semua_simpul = [r for _m, r in simpul]
    for model, r in simpul:
        b = rekap[r.tahun].indeks.get((model_tingkat[model], r.object_id))
        if b is None:
            continue
        objek = ObjekTemuan(model, b.id, f"{b.kode} {b.nama}".strip())
        saudara = _saudara(semua_simpul, r, _MEDAN_PAGU | _MEDAN_REALISASI)
        if r.medan == "persen_efisien":
            # A table of efisiensi prints "% realisasi" and "% efisien" side by side.
            saudara = _saudara(semua_efisiensi, r, {"persen_realisasi"})
        if r.medan in _MEDAN_PERSEN or r.medan in _MEDAN_EFISIENSI:
            _periksa_persen(p, r, b, objek, saudara)
        elif r.medan in _MEDAN_PAGU | _MEDAN_REALISASI:
            pagu = r.medan in _MEDAN_PAGU
            benar = b.pagu if pagu else b.realisasi
            tercetak, rusak = _angka(r.nilai, ribuan=True)
            if rusak:
                _catat_format(p, r, objek)
                continue
            if tercetak is None or benar is None:
                continue
            p.diperiksa += 1
            if cocok(benar, tercetak):
                continue
            dari_anak = b.pagu_dari_anak if pagu else b.realisasi_dari_anak
            if dari_anak:
                anak = [a.pagu if pagu else a.realisasi for a in b.anak]
                anak = [a for a in anak if a is not None]
                hitungan = HITUNG_JUMLAH.format(suku=_suku(anak, 0), hasil=_rp(benar))
                hitungan += f" ({HITUNG_DARI_ANAK.format(anak=nama_anak[b.tingkat])})"
            else:
                hitungan = format_rupiah(benar)
            p.catat_dari(
                r,
                jenis=JENIS_JUMLAH,
                objek=objek,
                medan=(MEDAN_PAGU if pagu else MEDAN_REALISASI).format(tahun=r.tahun),
                tercetak=r.teks,
                nilai_tercetak=tercetak.nilai,
                benar=format_rupiah(benar),
                nilai_benar=benar,
                hitungan=hitungan,
            )
    baris_belanja = {
        b.id: (k.kelompok, b) for rb in belanja_rekap.values() for k in rb.kelompok for b in k.baris
    }
    semua_belanja = belanja
    for r in belanja:
        kelompok, b = baris_belanja.get(r.object_id, ("", None))
        if b is None or r.medan not in ("persen", "capaian"):
            continue
        objek = ObjekTemuan("anggaran.anggaranbelanja", b.id, b.jenis or kelompok)
        saudara = _saudara(semua_belanja, r, {"pagu", "realisasi"})
        _periksa_persen(p, r, b, objek, saudara)
    for r in total:
        _periksa_total(p, r, rekap[r.tahun], belanja_rekap[r.tahun])
    if sasaran:
        _periksa_anggaran_sasaran(p, sasaran, rekap)


def _periksa_anggaran_sasaran(p: _Pemeriksa, rows, rekap) -> None:
    """The budget printed per sasaran: the sum of the programs that serve it."""
    from renstra.models import Program, Sasaran

    ids = {r.object_id for r in rows}
    program_per_sasaran = defaultdict(list)
    for sasaran_id, program_id in Program.sasaran.through.objects.filter(
        sasaran_id__in=ids
    ).values_list("sasaran_id", "program_id"):
        program_per_sasaran[sasaran_id].append(program_id)
    label = {
        s.pk: f"{s.kode} {s.uraian}".strip()
        for s in Sasaran.objects.filter(pk__in=ids, renstra__perangkat_daerah=p.pd)
    }
    for r in rows:
        if r.object_id not in label:
            continue
        baris = [
            rekap[r.tahun].indeks.get(("program", i)) for i in program_per_sasaran[r.object_id]
        ]
        baris = [b for b in baris if b is not None]
        if not baris:
            continue
        pagu = sum((b.pagu for b in baris if b.pagu is not None), Decimal(0))
        real = sum((b.realisasi for b in baris if b.realisasi is not None), Decimal(0))
        kode_program = ", ".join(x.kode for x in baris)
        objek = ObjekTemuan("renstra.sasaran", r.object_id, label[r.object_id])
        if r.medan in ("persen", "rata_rata_penyerapan"):
            _periksa_persen(p, r, _BarisPersen(pagu, real, persen(real, pagu), None), objek, {})
            continue
        pagu_medan = r.medan in ("target", "pagu")
        benar = pagu if pagu_medan else real
        tercetak, rusak = _angka(r.nilai, ribuan=True)
        if rusak:
            _catat_format(p, r, objek)
            continue
        if tercetak is None:
            continue
        p.diperiksa += 1
        if cocok(benar, tercetak):
            continue
        p.catat_dari(
            r,
            jenis=JENIS_JUMLAH,
            objek=objek,
            medan=(MEDAN_PAGU if pagu_medan else MEDAN_REALISASI).format(tahun=r.tahun),
            tercetak=r.teks,
            nilai_tercetak=tercetak.nilai,
            benar=format_rupiah(benar),
            nilai_benar=benar,
            hitungan=HITUNG_PROGRAM_SASARAN.format(kode=kode_program, jumlah=format_rupiah(benar)),
        )


@dataclass(frozen=True)
class _BarisPersen:
    pagu: Decimal | None
    realisasi: Decimal | None
    persen: Decimal | None
    sisa: Decimal | None


_MEDAN_EFISIENSI = {"efisiensi_persen", "persen_efisien"}


def _periksa_persen(p: _Pemeriksa, r, b, objek: ObjekTemuan, saudara: dict) -> None:
    efisiensi = r.medan in _MEDAN_EFISIENSI
    benar = persen(b.sisa, b.pagu) if efisiensi else b.persen
    tercetak, _ = _angka(r.nilai)
    if tercetak is None or benar is None:
        return
    p.diperiksa += 1
    if cocok(benar, tercetak):
        return
    if efisiensi:
        hitungan = HITUNG_EFISIENSI.format(
            pagu=_rp(b.pagu), realisasi=_rp(b.realisasi), hasil=angka(benar)
        )
    else:
        hitungan = HITUNG_PERSEN.format(
            realisasi=_rp(b.realisasi), pagu=_rp(b.pagu), hasil=angka(benar)
        )
    pagu_c = next((saudara[m] for m in ("pagu", "anggaran", "pagu_renja_rp") if m in saudara), None)
    real_c = next((saudara[m] for m in ("realisasi", "realisasi_rp") if m in saudara), None)
    pagu_t, _ = _angka(pagu_c, ribuan=True)
    real_t, _ = _angka(real_c, ribuan=True)
    dari_masukan, masukan = None, ""
    persen_t, _ = _angka(saudara.get("persen_realisasi"))
    if efisiensi and persen_t is not None:
        # "% efisien" = 100 − the printed "% realisasi": wrong when that one is wrong.
        dari_masukan = SERATUS - persen_t.nilai
        masukan = HITUNG_SISA_PERSEN.format(persen=angka(persen_t.nilai), hasil=angka(dari_masukan))
    if pagu_t and real_t and pagu_t.nilai and not efisiensi:
        dari_masukan = real_t.nilai * SERATUS / pagu_t.nilai
        masukan = HITUNG_PERSEN.format(
            realisasi=_rp(real_t.nilai), pagu=_rp(pagu_t.nilai), hasil=angka(dari_masukan)
        )
    konteks = Konteks(
        tercetak=tercetak, benar=benar, dari_masukan_tercetak=dari_masukan, masukan_tercetak=masukan
    )
    p.catat_dari(
        r,
        jenis=JENIS_PERSEN_ANGGARAN,
        objek=objek,
        medan=(MEDAN_EFISIENSI if efisiensi else MEDAN_PERSEN).format(tahun=r.tahun),
        tercetak=r.teks,
        nilai_tercetak=tercetak.nilai,
        benar=format_persen(benar),
        nilai_benar=benar,
        hitungan=hitungan,
        sebab=cari_sebab(konteks),
    )


def _kepala(r: NilaiTercetak) -> str:
    """The first key of the path that is not a year."""
    return next((k for k in r.jalur if isinstance(k, str) and not re.fullmatch(r"\d{4}", k)), "")


def _periksa_total(p: _Pemeriksa, r, rekap, belanja) -> None:
    """A PD total (pagu, realisasi or %) printed in a chapter or table."""
    kepala = _kepala(r)
    teks_kunci = " ".join(str(k) for k in r.jalur).lower()
    sumber = rekap
    judul_total = "program/kegiatan/sub-kegiatan"
    if belanja.kelompok and r.tempat != "Lampiran III":
        sumber, judul_total = belanja, "jenis belanja"
        for k in belanja.kelompok:
            if k.kelompok.lower().replace(" ", "_") in teks_kunci:
                sumber, judul_total = k, k.kelompok
    if "penyerapan" in kepala or r.medan == "persen":
        besaran = "persen"
    elif "pagu" in kepala or r.medan == "pagu":
        besaran = "pagu"
    elif "realisasi" in kepala or r.medan == "realisasi":
        besaran = "realisasi"
    else:
        return
    if not isinstance(r.nilai, str) or isinstance(r.jalur[-1], int):
        return
    tercetak, rusak = _angka(r.nilai, ribuan=besaran != "persen")
    objek = ObjekTemuan("renstra.perangkatdaerah", p.pd.pk, str(p.pd))
    if rusak:
        _catat_format(p, r, objek)
        return
    benar = getattr(sumber, besaran)
    if tercetak is None or benar is None:
        return
    p.diperiksa += 1
    if cocok(benar, tercetak):
        return
    if besaran == "persen":
        hitungan = HITUNG_PERSEN.format(
            realisasi=_rp(sumber.realisasi), pagu=_rp(sumber.pagu), hasil=angka(benar)
        )
        benar_teks, medan = format_persen(benar), MEDAN_PERSEN
    else:
        hitungan = f"jumlah {judul_total}: {format_rupiah(benar)}"
        benar_teks = format_rupiah(benar)
        medan = MEDAN_PAGU if besaran == "pagu" else MEDAN_REALISASI
    p.catat_dari(
        r,
        jenis=JENIS_PERSEN_ANGGARAN if besaran == "persen" else JENIS_JUMLAH,
        objek=objek,
        medan="Jumlah " + medan.format(tahun=r.tahun).lower(),
        tercetak=r.teks,
        nilai_tercetak=tercetak.nilai,
        benar=benar_teks,
        nilai_benar=benar,
        hitungan=hitungan,
    )


def _catat_format(p: _Pemeriksa, r, objek: ObjekTemuan) -> None:
    p.diperiksa += 1
    p.catat_dari(
        r,
        jenis=JENIS_FORMAT,
        objek=objek,
        medan=MEDAN_FORMAT.format(kunci=r.medan),
        tercetak=r.teks,
        benar="",
        hitungan="",
        sebab=(SEBAB_FORMAT,),
    )
