"""The approval gate: validation errors block an LKjIP's approval unless explained.

`kinerja.validasi.validasi_pd` (the same rules the report page shows) runs before an LKjIP is
approved; each problem of level "error" (except those about what a hand-made report printed,
"tercetak.*") must be fixed in the data or explained by the PD's
perencana or kepala (`penjelasan_simpan`, audited). `wajib_terjelaskan` refuses with the
list of unexplained errors (code, object, message) and returns the explained ones, which
the approval records.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from common import audit
from common.permissions import PERENCANA, akses_pengguna
from kinerja.validasi import ERROR, Masalah, validasi_pd
from renstra.models import PerangkatDaerah

from .models import PenjelasanMasalah

# Rules about what a hand-made report printed (its NIPs, its ranks): the product's own LKjIP
# prints the stored data, so they do not gate its approval (Periksa laporan lists them).
AWALAN_TERCETAK = "tercetak."
PANJANG_MAKS = 2000
BATAS_DAFTAR = 20
PESAN_GERBANG = (
    "Laporan belum dapat disetujui: {n} masalah validasi tingkat error belum diperbaiki "
    "atau dijelaskan. Perbaiki datanya, atau tulis penjelasan tiap masalah di halaman "
    "Periksa laporan {tahun}."
)
PESAN_BARIS = "{kode} — {objek}: {pesan}"
PESAN_LAINNYA = "… dan {n} masalah lainnya (lihat halaman Periksa laporan)."
PESAN_KOSONG = "Penjelasan tidak boleh kosong."
PESAN_PANJANG = "Penjelasan paling banyak {n} karakter."
PESAN_TIDAK_ADA = (
    "Masalah {kode} pada objek ini tidak ditemukan pada data tahun {tahun}; "
    "mungkin sudah diperbaiki."
)


@dataclass(frozen=True)
class MasalahGerbang:
    """One validation error of the PD's year and its explanation (None: not explained)."""

    masalah: Masalah
    penjelasan: PenjelasanMasalah | None

    @property
    def dijelaskan(self) -> bool:
        return self.penjelasan is not None

    @property
    def baris(self) -> str:
        m = self.masalah
        return PESAN_BARIS.format(kode=m.kode, objek=m.objek.label, pesan=m.pesan)


def masalah_gerbang(
    *, pd: PerangkatDaerah, tahun: int, masalah: list[Masalah] | None = None
) -> list[MasalahGerbang]:
    """The errors that gate the approval of the PD's LKjIP of `tahun`, with their
    explanations. `masalah`: the validation result when the caller already has it.
    Queries: the validation's, and one for the explanations."""
    daftar = validasi_pd(pd=pd, tahun=tahun) if masalah is None else masalah
    galat = [m for m in daftar if m.tingkat == ERROR and not m.kode.startswith(AWALAN_TERCETAK)]
    penjelasan = {
        (p.kode, p.model, p.objek_id): p
        for p in PenjelasanMasalah.objects.filter(perangkat_daerah=pd, tahun=tahun).select_related(
            "oleh"
        )
    }
    return [MasalahGerbang(m, penjelasan.get((m.kode, m.objek.model, m.objek.pk))) for m in galat]


def wajib_terjelaskan(*, pd: PerangkatDaerah, tahun: int) -> list[MasalahGerbang]:
    """Refuse (ValidationError listing each unexplained error) unless every validation error
    of the year is explained; return the explained errors for the approval record."""
    daftar = masalah_gerbang(pd=pd, tahun=tahun)
    belum = [g for g in daftar if not g.dijelaskan]
    if belum:
        pesan = [PESAN_GERBANG.format(n=len(belum), tahun=tahun)]
        pesan += [g.baris for g in belum[:BATAS_DAFTAR]]
        if len(belum) > BATAS_DAFTAR:
            pesan.append(PESAN_LAINNYA.format(n=len(belum) - BATAS_DAFTAR))
        raise ValidationError(pesan)
    return daftar


def catatan_persetujuan(daftar: list[MasalahGerbang]) -> list[str]:
    """The explanations as the approval's audit entry keeps them."""
    return [
        f"{g.baris} — dijelaskan: {g.penjelasan.teks}" for g in daftar if g.penjelasan is not None
    ]


def penjelasan_simpan(
    *, pd: PerangkatDaerah, tahun: int, kode: str, model: str, objek_id: int, teks: str, user
) -> PenjelasanMasalah:
    """Write (or rewrite) the explanation of one current validation error (perencana or
    kepala of the PD). Bad input or a problem that no longer exists: nothing is changed."""
    akses_pengguna(user, pd).wajib(*PERENCANA)
    teks = (teks or "").strip()
    if not teks:
        raise ValidationError(PESAN_KOSONG)
    if len(teks) > PANJANG_MAKS:
        raise ValidationError(PESAN_PANJANG.format(n=PANJANG_MAKS))
    cocok = next(
        (
            g
            for g in masalah_gerbang(pd=pd, tahun=tahun)
            if g.masalah.kode == kode
            and g.masalah.objek.model == model
            and g.masalah.objek.pk == objek_id
        ),
        None,
    )
    if cocok is None:
        raise ValidationError(PESAN_TIDAK_ADA.format(kode=kode, tahun=tahun))
    m = cocok.masalah
    with transaction.atomic():
        obj = (
            PenjelasanMasalah.objects.select_for_update()
            .filter(perangkat_daerah=pd, tahun=tahun, kode=kode, model=model, objek_id=objek_id)
            .first()
        )
        lama = {"teks": obj.teks if obj else None}
        if obj is None:
            obj = PenjelasanMasalah(
                perangkat_daerah=pd, tahun=tahun, kode=kode, model=model, objek_id=objek_id
            )
        obj.objek_label = m.objek.label[:300]
        obj.pesan = m.pesan
        obj.teks = teks
        obj.oleh = user
        obj.full_clean()
        obj.save()
        audit.catat(
            pengguna=user,
            aksi="periksa.penjelasan_simpan",
            objek=obj,
            perangkat_daerah=pd,
            perubahan=audit.selisih(lama, {"teks": teks}),
            keterangan=PESAN_BARIS.format(kode=kode, objek=m.objek.label, pesan=m.pesan)[:500],
        )
    return obj
