"""Test helper: explain the validation errors that gate an LKjIP's approval.

Tests that approve a demo report (whose data holds the seed's real errors) explain them
first through the same service the Periksa page uses (`periksa.services.penjelasan_simpan`).
"""

from periksa.services import masalah_gerbang, penjelasan_simpan

TEKS = "Diperiksa: data sesuai dokumen sumber."


def jelaskan_galat(pd, tahun: int, user, teks: str = TEKS) -> int:
    """Explain every unexplained gating error of `pd` and `tahun`; the number explained."""
    n = 0
    for g in masalah_gerbang(pd=pd, tahun=tahun):
        if not g.dijelaskan:
            m = g.masalah
            penjelasan_simpan(
                pd=pd,
                tahun=tahun,
                kode=m.kode,
                model=m.objek.model,
                objek_id=m.objek.pk,
                teks=teks,
                user=user,
            )
            n += 1
    return n


def lengkapi_narasi(laporan, user, teks: str = "Diisi untuk pengujian.") -> list[str]:
    """Write a text into every narrative part the data leaves "belum diisi" (the second
    approval condition besides explained errors); the keys written."""
    from laporan import cetak, services
    from laporan.narasi import bagian_belum_diisi

    belum = bagian_belum_diisi(cetak.susun(laporan).teks_narasi)
    for kunci in belum:
        services.narasi_simpan(laporan=laporan, kunci=kunci, teks=teks, user=user)
    return belum
