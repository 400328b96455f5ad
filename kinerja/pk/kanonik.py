"""The canonical form of a Perjanjian Kinerja, its SHA-256 fingerprint, and the
verification of a printed fingerprint (DOMAIN.md §7.3).

The canonical form is plain JSON data (`bentuk_kanonik`), serialised as sorted-key compact
UTF-8 JSON (`teks_kanonik`) and hashed (`hitung_sidik_jari`). A signed PK keeps the text
frozen at signing (`isi_kanonik`), so its fingerprint never changes afterwards.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

from django.conf import settings

from common.formatting import PRESISI
from kinerja.models import PerjanjianKinerja, PKAnggaran, StatusPK

from .selectors import _dengan_relasi, versi_pk
from .teks import jabatan_pihak_kedua, jabatan_pihak_pertama, nilai_kanonik, teks_desimal

FORMAT_KANONIK = "sakip-pk/1"
"""Version tag of the canonical form hashed into the fingerprint (never change it silently:
a new form needs a new tag so that earlier fingerprints stay verifiable)."""


# --- Fingerprint -------------------------------------------------------------------------------


def _pihak_pertama_kanonik(pk: PerjanjianKinerja) -> dict[str, str]:
    p = pk.pihak_pertama
    return {
        "nama": p.nama if p else "",
        "nip": (p.nip or "") if p else "",
        "jabatan": jabatan_pihak_pertama(pk),
        "pangkat_golongan": p.pangkat_golongan if p else "",
    }


def _pihak_kedua_kanonik(pk: PerjanjianKinerja) -> dict[str, str]:
    p = pk.pihak_kedua
    return {
        "nama": pk.pihak_kedua_nama or (p.nama if p else ""),
        "nip": pk.pihak_kedua_nip or ((p.nip or "") if p else ""),
        "jabatan": jabatan_pihak_kedua(pk),
        "pangkat_golongan": p.pangkat_golongan if p else "",
    }


def total_anggaran(baris: Iterable[PKAnggaran]) -> Decimal | None:
    """The sum of the budget lines (None when no line has an amount)."""
    ada = [b.jumlah for b in baris if b.jumlah is not None]
    if not ada:
        return None
    with localcontext(prec=PRESISI):
        return sum(ada, Decimal(0))


def bentuk_kanonik(pk: PerjanjianKinerja) -> dict[str, Any]:
    """The content of a PK as plain JSON data (the input of the fingerprint).

    A signed PK answers with the content frozen at signing (`isi_kanonik`), so a later
    correction of a pejabat record or of the plan never changes what was signed. A draft
    answers with its current content."""
    if pk.isi_kanonik:
        return json.loads(pk.isi_kanonik)
    return _bentuk_kanonik_terkini(pk)


def _bentuk_kanonik_terkini(pk: PerjanjianKinerja) -> dict[str, Any]:
    """The current content of a PK, built from its rows and parties.

    Decimals are plain-notation strings without trailing zeros; rows keep their printed
    order. `menggantikan` is the fingerprint of the version this one replaces, so a revision
    commits to its predecessor."""
    indikator = list(pk.indikator.order_by("urutan", "id"))
    anggaran = list(pk.anggaran.order_by("urutan", "id"))
    total = total_anggaran(anggaran)
    return {
        "format": FORMAT_KANONIK,
        "perangkat_daerah": {"slug": pk.perangkat_daerah.slug, "nama": pk.perangkat_daerah.nama},
        "tahun": pk.tahun,
        "versi": pk.versi,
        "nomor_versi": pk.nomor_versi,
        "menggantikan": pk.menggantikan.sidik_jari if pk.menggantikan_id else None,
        "alasan_perubahan": pk.alasan_perubahan,
        "uraian_perubahan": pk.uraian_perubahan,
        "pihak_pertama": _pihak_pertama_kanonik(pk),
        "pihak_kedua": _pihak_kedua_kanonik(pk),
        "tempat": pk.tempat,
        "tanggal": (
            None
            if pk.tanggal is None
            else pk.tanggal.strftime("%Y-%m")
            if pk.tanggal_hanya_bulan
            else pk.tanggal.isoformat()
        ),
        "indikator": [
            {
                "no": n,
                "sasaran": b.sasaran_uraian,
                "indikator": b.uraian,
                "satuan": b.satuan,
                "target": nilai_kanonik(b),
                "target_sebelum": (
                    b.target_sebelum_predikat.strip().upper()
                    if b.target_sebelum_predikat
                    else teks_desimal(b.target_sebelum)
                ),
            }
            for n, b in enumerate(indikator, start=1)
        ],
        "anggaran": [
            {
                "no": n,
                "tingkat": b.tingkat,
                "kode": b.kode,
                "nama": b.nama,
                "jumlah": teks_desimal(b.jumlah),
            }
            for n, b in enumerate(anggaran, start=1)
        ],
        "total": teks_desimal(total),
        "total_tercetak": teks_desimal(pk.total_tercetak),
    }


def teks_kanonik(pk: PerjanjianKinerja) -> str:
    """The canonical form as text: sorted-key JSON, UTF-8, no insignificant whitespace."""
    return json.dumps(bentuk_kanonik(pk), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def hitung_sidik_jari(pk: PerjanjianKinerja) -> str:
    """SHA-256 (hex, lower case) of the canonical form of the PK's content."""
    return hashlib.sha256(teks_kanonik(pk).encode("utf-8")).hexdigest()


# --- Verification ------------------------------------------------------------------------------

STATUS_ASLI = "asli"
STATUS_DIGANTI = "diganti"
STATUS_TIDAK_DIKENAL = "tidak_dikenal"

PESAN_VERIFIKASI = {
    STATUS_ASLI: "Dokumen ASLI: sidik jari cocok dengan Perjanjian Kinerja yang ditandatangani "
    "dan versi ini masih berlaku.",
    STATUS_DIGANTI: "Dokumen ASLI tetapi SUDAH DIGANTI: versi yang lebih baru telah "
    "ditandatangani.",
    STATUS_TIDAK_DIKENAL: "Sidik jari TIDAK DIKENAL: tidak ada Perjanjian Kinerja bertanda "
    "tangan dengan sidik jari ini. Dokumen mungkin palsu atau telah diubah.",
}


@dataclass(frozen=True)
class HasilVerifikasi:
    status: str
    pk: PerjanjianKinerja | None = None
    pengganti: PerjanjianKinerja | None = None
    """The newest signed version when `status` is STATUS_DIGANTI."""

    @property
    def pesan(self) -> str:
        return PESAN_VERIFIKASI[self.status]


def verifikasi_sidik_jari(sidik: str) -> HasilVerifikasi:
    """Authentic / superseded / unknown for a fingerprint printed on a PK."""
    sidik = (sidik or "").strip().lower()
    if len(sidik) != 64 or any(c not in "0123456789abcdef" for c in sidik):
        return HasilVerifikasi(STATUS_TIDAK_DIKENAL)
    pk = (
        _dengan_relasi(
            PerjanjianKinerja.objects.filter(sidik_jari=sidik, status=StatusPK.DITANDATANGANI)
        )
        .order_by("-id")
        .first()
    )
    if pk is None:
        return HasilVerifikasi(STATUS_TIDAK_DIKENAL)
    lebih_baru = [
        v
        for v in versi_pk(pk)
        if v.nomor_versi > pk.nomor_versi and v.status == StatusPK.DITANDATANGANI
    ]
    if lebih_baru:
        return HasilVerifikasi(STATUS_DIGANTI, pk, lebih_baru[-1])
    return HasilVerifikasi(STATUS_ASLI, pk)


def url_verifikasi(sidik: str, basis_url: str = "") -> str:
    from django.urls import reverse

    alamat = reverse("pk:verifikasi", args=[sidik])
    basis = (basis_url or getattr(settings, "SITUS_URL", "") or "").rstrip("/")
    return f"{basis}{alamat}"
