"""Officials' identity data (R-ID, seed-analysis §D.4 rule 7): NIP and pangkat / golongan.

A NIP (PP 11/2017, BKN) has 18 digits: 1–8 the birth date (yyyymmdd), 9–14 the TMT CPNS
(yyyymm, at least 18 years after birth), 15 the sex (1 or 2), 16–18 a serial (not 000).
Printed NIPs may group the digits with spaces ("19710607 199703 1 007"); any other character
or a wrong number of digits makes it invalid.

A pangkat belongs to exactly one golongan/ruang (`PANGKAT_GOLONGAN`, PP 99/2000): "Penata" is
III/c, so "Penata / III d" is not a valid pair. "Tk." and "Tingkat" are the same word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from .dasar import ERROR, Masalah, ObjekMasalah

KODE_NIP_TIDAK_SAH = "pejabat.nip_tidak_sah"
KODE_PANGKAT_TIDAK_SAH = "pejabat.pangkat_golongan_tidak_sah"
PESAN_NIP_TIDAK_SAH = "NIP {nip} pejabat {nama} tidak sah: {alasan}."
PESAN_PANGKAT_TIDAK_SAH = "Pangkat/golongan {teks} pejabat {nama} tidak sah: {alasan}."

PANGKAT_GOLONGAN: dict[str, str] = {
    "juru muda": "I/a",
    "juru muda tingkat i": "I/b",
    "juru": "I/c",
    "juru tingkat i": "I/d",
    "pengatur muda": "II/a",
    "pengatur muda tingkat i": "II/b",
    "pengatur": "II/c",
    "pengatur tingkat i": "II/d",
    "penata muda": "III/a",
    "penata muda tingkat i": "III/b",
    "penata": "III/c",
    "penata tingkat i": "III/d",
    "pembina": "IV/a",
    "pembina tingkat i": "IV/b",
    "pembina utama muda": "IV/c",
    "pembina utama madya": "IV/d",
    "pembina utama": "IV/e",
}
_PANGKAT_URUT = sorted(PANGKAT_GOLONGAN, key=len, reverse=True)
_GOLONGAN = re.compile(r"^(IV|III|II|I)\s*/?\s*([a-e])$", re.IGNORECASE)
_NIP_CETAK = re.compile(r"^[0-9 ]+$")


def _tanggal(tahun: int, bulan: int, hari: int) -> date | None:
    try:
        return date(tahun, bulan, hari)
    except ValueError:
        return None


def alasan_nip_tidak_sah(nip: str) -> str | None:
    """Why a NIP (stored or printed) is invalid, or None when it is valid."""
    teks = (nip or "").strip()
    if not _NIP_CETAK.match(teks):
        return "hanya boleh berisi angka (dan spasi pemisah)"
    angka = teks.replace(" ", "")
    if len(angka) != 18:
        return f"harus 18 digit, tercatat {len(angka)} digit"
    lahir = _tanggal(int(angka[0:4]), int(angka[4:6]), int(angka[6:8]))
    if lahir is None:
        return f"digit 1–8 ({angka[0:8]}) bukan tanggal lahir yang sah"
    tmt_tahun, tmt_bulan = int(angka[8:12]), int(angka[12:14])
    if not 1 <= tmt_bulan <= 12:
        return f"digit 9–14 ({angka[8:14]}) bukan bulan TMT yang sah"
    if (tmt_tahun, tmt_bulan) < (lahir.year + 18, lahir.month):
        return f"TMT {angka[8:14]} kurang dari 18 tahun setelah lahir ({angka[0:8]})"
    if angka[14] not in "12":
        return f"digit 15 ({angka[14]}) harus 1 (pria) atau 2 (wanita)"
    if angka[15:18] == "000":
        return "nomor urut (digit 16–18) tidak boleh 000"
    return None


def _norm_pangkat(teks: str) -> str:
    teks = re.sub(r"\btk\b\.?", "tingkat", (teks or "").lower())
    return " ".join(re.sub(r"[^a-z ]", " ", teks).split())


def golongan_baku(teks: str) -> str | None:
    """ "IVc", "IV c", "iv/c" → "IV/c"; None when it is not a golongan."""
    m = _GOLONGAN.match((teks or "").strip())
    return f"{m[1].upper()}/{m[2].lower()}" if m else None


def pisah_pangkat_golongan(teks: str) -> tuple[str | None, str]:
    """A printed "Pembina Tk. I / IVb" → ("pembina tingkat i", "IVb"): the known pangkat at
    the start (None when there is none) and the rest, without separators."""
    asli = (teks or "").strip()
    kata = re.split(r"\s*[/(]\s*", asli, maxsplit=1)
    kepala = _norm_pangkat(kata[0])
    for nama in _PANGKAT_URUT:
        if kepala == nama:
            sisa = kata[1] if len(kata) > 1 else ""
            return nama, sisa.strip(" )/")
    return None, asli


def nama_pangkat(baku: str) -> str:
    """ "pembina tingkat i" → "Pembina Tingkat I" (for messages)."""
    return " ".join("I" if k == "i" else k.capitalize() for k in baku.split())


def alasan_pangkat_tidak_sah(pangkat: str, golongan: str) -> str | None:
    """Why a pangkat and golongan pair is invalid (None when valid; blanks are not judged)."""
    p = _norm_pangkat(pangkat)
    if not p and not golongan.strip():
        return None
    if p and p not in PANGKAT_GOLONGAN:
        return f'pangkat "{pangkat.strip()}" tidak dikenal'
    if not golongan.strip():
        return None
    g = golongan_baku(golongan)
    if g is None:
        return f'golongan "{golongan.strip()}" tidak dikenal'
    if p and PANGKAT_GOLONGAN[p] != g:
        return f"pangkat {nama_pangkat(p)} bergolongan {PANGKAT_GOLONGAN[p]}, bukan {g}"
    return None


def objek_pejabat(p) -> ObjekMasalah:
    return ObjekMasalah("renstra.pejabat", p.pk, p.nama or p.jabatan)


def cek_pejabat(pejabat_list) -> Iterator[Masalah]:
    """The stored NIP and pangkat / golongan of each official."""
    for p in pejabat_list:
        nama = p.nama or p.jabatan
        if p.nip:
            alasan = alasan_nip_tidak_sah(p.nip)
            if alasan:
                yield Masalah(
                    KODE_NIP_TIDAK_SAH,
                    ERROR,
                    PESAN_NIP_TIDAK_SAH.format(nip=p.nip, nama=nama, alasan=alasan),
                    objek_pejabat(p),
                )
        alasan = alasan_pangkat_tidak_sah(p.pangkat, p.golongan)
        if alasan:
            yield Masalah(
                KODE_PANGKAT_TIDAK_SAH,
                ERROR,
                PESAN_PANGKAT_TIDAK_SAH.format(teks=p.pangkat_golongan, nama=nama, alasan=alasan),
                objek_pejabat(p),
            )
