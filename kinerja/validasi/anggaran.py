"""Budget rules (R-SUM, R-RANGE of money): children sum to parents, realisasi ≤ pagu,
quarters add up to the year, jenis belanja add up to the programs (DOMAIN.md §9)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from anggaran.selectors import BarisAnggaran
from common.formatting import format_persen, format_rupiah

from .dasar import (
    ERROR,
    NAMA_ANAK,
    NAMA_TINGKAT,
    PERINGATAN,
    SERATUS,
    Masalah,
    ObjekMasalah,
    _objek_anggaran,
    _selisih,
)

# Rule ids.
KODE_JUMLAH_ANAK_PAGU = "anggaran.pagu_tidak_sama_jumlah_anak"
KODE_JUMLAH_ANAK_REALISASI = "anggaran.realisasi_tidak_sama_jumlah_anak"
KODE_PAGU_ANAK_MELEBIHI_INDUK = "anggaran.pagu_anak_melebihi_induk"
KODE_REALISASI_MELEBIHI_PAGU = "anggaran.realisasi_melebihi_pagu"
KODE_REALISASI_ANGGARAN_TAHUNAN = "anggaran.tahunan_tidak_sama_triwulan"
KODE_BELANJA_TIDAK_SAMA = "anggaran.belanja_tidak_sama_program"

PESAN_JUMLAH_ANAK_PAGU = (
    "Pagu {tingkat} {kode} yang tercatat ({tercatat}) berbeda dari jumlah pagu {anak} di "
    "bawahnya ({jumlah}); selisih {selisih}. Laporan mencetak {dicetak}."
)
PESAN_JUMLAH_ANAK_REALISASI = (
    "Realisasi anggaran {tingkat} {kode} yang tercatat ({tercatat}) berbeda dari jumlah "
    "realisasi {anak} di bawahnya ({jumlah}); selisih {selisih}. Laporan mencetak {dicetak}."
)
DICETAK_JUMLAH = "jumlah {anak}"
PESAN_PAGU_ANAK_MELEBIHI_INDUK = (
    "Pagu {tingkat} {kode} ({pagu}) melebihi pagu {tingkat_induk} {kode_induk} yang "
    "menaunginya ({pagu_induk})."
)
PESAN_REALISASI_MELEBIHI_PAGU = (
    "Realisasi anggaran {tingkat} {kode} ({realisasi}) melebihi pagunya ({pagu}): {persen}."
)
PESAN_REALISASI_ANGGARAN_TAHUNAN = (
    "Realisasi anggaran tahunan {tingkat} {kode} ({tahunan}) berbeda dari jumlah realisasi "
    "triwulannya ({jumlah})."
)
PESAN_BELANJA_TIDAK_SAMA = (
    "Jumlah {besaran} per jenis belanja ({belanja}) berbeda dari jumlah {besaran} "
    "program/kegiatan/sub-kegiatan ({program}); selisih {selisih}."
)
PESAN_BELANJA_MELEBIHI_PAGU = "Realisasi {jenis} ({realisasi}) melebihi pagunya ({pagu}): {persen}."


# (field of BarisAnggaran, rule code, message): an amount entered at a level with children
# against the sum of the children.
_JUMLAH_ANAK = (
    ("pagu", KODE_JUMLAH_ANAK_PAGU, PESAN_JUMLAH_ANAK_PAGU),
    ("realisasi", KODE_JUMLAH_ANAK_REALISASI, PESAN_JUMLAH_ANAK_REALISASI),
)


def _cek_anggaran(program_rows, pohon, tahun) -> Iterator[Masalah]:
    def jalan(b: BarisAnggaran, leluhur: list[BarisAnggaran]) -> Iterator[Masalah]:
        nama = NAMA_TINGKAT[b.tingkat]
        if b.anak:
            anak = NAMA_ANAK[b.tingkat]
            dicetak = DICETAK_JUMLAH.format(anak=anak)
            for medan, kode, pesan in _JUMLAH_ANAK:
                tercatat = getattr(b, f"{medan}_tercatat")
                jumlah = getattr(b, f"{medan}_anak")
                if tercatat is not None and jumlah is not None and tercatat != jumlah:
                    yield Masalah(
                        kode,
                        ERROR,
                        pesan.format(
                            tingkat=nama,
                            kode=b.kode,
                            tercatat=format_rupiah(tercatat),
                            anak=anak,
                            jumlah=format_rupiah(jumlah),
                            selisih=_selisih(tercatat, jumlah),
                            dicetak=dicetak,
                        ),
                        _objek_anggaran(b),
                    )
        if b.pagu_tercatat is not None:
            for induk in leluhur:
                if induk.pagu_tercatat is not None and b.pagu_tercatat > induk.pagu_tercatat:
                    yield Masalah(
                        KODE_PAGU_ANAK_MELEBIHI_INDUK,
                        ERROR,
                        PESAN_PAGU_ANAK_MELEBIHI_INDUK.format(
                            tingkat=nama,
                            kode=b.kode,
                            pagu=format_rupiah(b.pagu_tercatat),
                            tingkat_induk=NAMA_TINGKAT[induk.tingkat],
                            kode_induk=induk.kode,
                            pagu_induk=format_rupiah(induk.pagu_tercatat),
                        ),
                        _objek_anggaran(b),
                    )
        if b.pagu is not None and b.realisasi is not None and b.realisasi > b.pagu:
            yield Masalah(
                KODE_REALISASI_MELEBIHI_PAGU,
                ERROR,
                PESAN_REALISASI_MELEBIHI_PAGU.format(
                    tingkat=nama,
                    kode=b.kode,
                    realisasi=format_rupiah(b.realisasi),
                    pagu=format_rupiah(b.pagu),
                    persen=format_persen(b.persen),
                ),
                _objek_anggaran(b),
            )
        per_tw = pohon.realisasi.get((b.tingkat, b.id, tahun), {})
        kuartal = [per_tw[tw].jumlah for tw in (1, 2, 3, 4) if tw in per_tw]
        kuartal = [k for k in kuartal if k is not None]
        if b.realisasi_tahunan_tercatat is not None and kuartal:
            jumlah = sum(kuartal, Decimal(0))
            if jumlah != b.realisasi_tahunan_tercatat:
                yield Masalah(
                    KODE_REALISASI_ANGGARAN_TAHUNAN,
                    PERINGATAN,
                    PESAN_REALISASI_ANGGARAN_TAHUNAN.format(
                        tingkat=nama,
                        kode=b.kode,
                        tahunan=format_rupiah(b.realisasi_tahunan_tercatat),
                        jumlah=format_rupiah(jumlah),
                    ),
                    _objek_anggaran(b),
                )
        for a in b.anak:
            yield from jalan(a, [*leluhur, b])

    for p in program_rows:
        yield from jalan(p, [])


def _cek_belanja(pd, belanja, rekap) -> Iterator[Masalah]:
    for ab in belanja:
        if ab.pagu is not None and ab.realisasi is not None and ab.realisasi > ab.pagu:
            yield Masalah(
                KODE_REALISASI_MELEBIHI_PAGU,
                ERROR,
                PESAN_BELANJA_MELEBIHI_PAGU.format(
                    jenis=ab.jenis,
                    realisasi=format_rupiah(ab.realisasi),
                    pagu=format_rupiah(ab.pagu),
                    persen=format_persen(ab.realisasi * SERATUS / ab.pagu) if ab.pagu else "—",
                ),
                ObjekMasalah("anggaran.anggaranbelanja", ab.pk, f"{ab.kelompok} — {ab.jenis}"),
            )
    objek_pd = ObjekMasalah("renstra.perangkatdaerah", pd.pk, str(pd))
    for besaran, nilai_belanja, nilai_program in (
        ("pagu", [ab.pagu for ab in belanja], rekap.pagu),
        ("realisasi", [ab.realisasi for ab in belanja], rekap.realisasi),
    ):
        ada = [n for n in nilai_belanja if n is not None]
        if not ada or nilai_program is None:
            continue
        jumlah = sum(ada, Decimal(0))
        if jumlah != nilai_program:
            yield Masalah(
                KODE_BELANJA_TIDAK_SAMA,
                ERROR,
                PESAN_BELANJA_TIDAK_SAMA.format(
                    besaran=besaran,
                    belanja=format_rupiah(jumlah),
                    program=format_rupiah(nilai_program),
                    selisih=_selisih(jumlah, nilai_program),
                ),
                objek_pd,
            )


# --- The agency's stated total against the program tree --------------------------------------

KODE_TOTAL_PD_BERBEDA = "anggaran.total_pd_berbeda"

PESAN_TOTAL_PD_BERBEDA = (
    "{Besaran} perangkat daerah yang dinyatakan{sumber} ({dinyatakan}) berbeda dari jumlah "
    "{besaran} program/kegiatan/sub-kegiatan yang tercatat ({program}); selisih {selisih} "
    "(dinyatakan {arah}). Laporan mencetak keduanya."
)
PESAN_TOTAL_PD_MELEBIHI_PAGU = (
    "Realisasi anggaran perangkat daerah yang dinyatakan{sumber} ({realisasi}) melebihi "
    "pagunya ({pagu}): {persen}."
)


def cek_total_pd(total, rekap) -> Iterator[Masalah]:
    """The stated budget total of the PD (anggaran.selectors.anggaran_pd, None when none is
    recorded) against the program tree's sums (`rekap`, a RekapAnggaran): a differing pagu or
    realisasi is a warning (a report may load only some programs, or the agency may spend
    outside them); a stated realisasi above the stated pagu is an error."""
    if total is None:
        return
    objek = ObjekMasalah(
        "anggaran.anggaranperangkatdaerah", total.id, f"Anggaran perangkat daerah {total.tahun}"
    )
    sumber = f" ({total.sumber})" if total.sumber else ""
    for besaran, dinyatakan, program in (
        ("pagu", total.pagu, rekap.pagu),
        ("realisasi anggaran", total.realisasi, rekap.realisasi),
    ):
        if dinyatakan is None or program is None or dinyatakan == program:
            continue
        yield Masalah(
            KODE_TOTAL_PD_BERBEDA,
            PERINGATAN,
            PESAN_TOTAL_PD_BERBEDA.format(
                Besaran=besaran[0].upper() + besaran[1:],
                besaran=besaran,
                sumber=sumber,
                dinyatakan=format_rupiah(dinyatakan),
                program=format_rupiah(program),
                selisih=_selisih(dinyatakan, program),
                arah="lebih besar" if dinyatakan > program else "lebih kecil",
            ),
            objek,
        )
    if total.pagu is not None and total.realisasi is not None and total.realisasi > total.pagu:
        yield Masalah(
            KODE_REALISASI_MELEBIHI_PAGU,
            ERROR,
            PESAN_TOTAL_PD_MELEBIHI_PAGU.format(
                sumber=sumber,
                realisasi=format_rupiah(total.realisasi),
                pagu=format_rupiah(total.pagu),
                persen=format_persen(total.persen),
            ),
            objek,
        )
