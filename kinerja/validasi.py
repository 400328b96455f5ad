"""Validation rules run before submission and before printing (DOMAIN.md §9).

`validasi_pd(pd=..., tahun=...)` lists every problem of a PD's data for one year, each with a
rule id (`kode`), a level ("error" must be fixed; "peringatan" must be looked at), an
Indonesian message and the object it concerns (model label, pk and a human label, so a view
can link to the record). The rules read the same loaded data and the same roll-ups as the
report selectors, so a report and its validation can never disagree. Fixed query count.

Values entered but not yet approved are validated too (a draft is still data to check).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from anggaran.models import AnggaranBelanja
from anggaran.selectors import BarisAnggaran, hitung_pohon, muat_pohon_anggaran
from common.formatting import (
    bulatkan,
    format_angka,
    format_persen,
    format_rupiah,
    parse_angka_teks,
)
from kinerja.capaian import NILAI_PREDIKAT, gabung_triwulan
from kinerja.models import PKIndikator
from kinerja.pk.teks import target_setara
from kinerja.selectors import (
    SUMBER_KONDISI_AKHIR,
    SUMBER_RENSTRA,
    DataIndikator,
    capaian_indikator,
    muat_data_indikator,
    nilai_realisasi,
    pilih_target,
    renstra_aktif,
    target_akhir_renstra,
    target_versi,
)
from kinerja.selectors.muat import JENIS_TARGET_PK
from renstra.models import (
    CaraAgregasi,
    Indikator,
    JenisTarget,
    PerangkatDaerah,
    Polaritas,
    TabelSumberDaya,
)

__all__ = [
    "ERROR",
    "KODE_BELANJA_TIDAK_SAMA",
    "KODE_BUKTI_KOSONG",
    "KODE_CAPAIAN_TANPA_PENJELASAN",
    "KODE_JUMLAH_ANAK_PAGU",
    "KODE_JUMLAH_ANAK_REALISASI",
    "KODE_KUMULATIF_NEGATIF",
    "KODE_PAGU_ANAK_MELEBIHI_INDUK",
    "KODE_PERSEN_MELEBIHI_100",
    "KODE_PK_BERTENTANGAN",
    "KODE_PK_TANPA_REALISASI",
    "KODE_RASIO_TIDAK_SESUAI",
    "KODE_REALISASI_ANGGARAN_TAHUNAN",
    "KODE_REALISASI_MELEBIHI_PAGU",
    "KODE_TAHUNAN_TIDAK_SAMA",
    "KODE_TARGET_AKHIR_DI_BAWAH",
    "KODE_TARGET_BERBEDA",
    "KODE_TARGET_DIJUMLAH_TRIWULAN",
    "KODE_TARGET_RENCANA_BUKAN_PK",
    "PERINGATAN",
    "Masalah",
    "ObjekMasalah",
    "validasi_pd",
]

ERROR = "error"
PERINGATAN = "peringatan"

# Rule ids.
KODE_JUMLAH_ANAK_PAGU = "anggaran.pagu_tidak_sama_jumlah_anak"
KODE_JUMLAH_ANAK_REALISASI = "anggaran.realisasi_tidak_sama_jumlah_anak"
KODE_PAGU_ANAK_MELEBIHI_INDUK = "anggaran.pagu_anak_melebihi_induk"
KODE_REALISASI_MELEBIHI_PAGU = "anggaran.realisasi_melebihi_pagu"
KODE_REALISASI_ANGGARAN_TAHUNAN = "anggaran.tahunan_tidak_sama_triwulan"
KODE_BELANJA_TIDAK_SAMA = "anggaran.belanja_tidak_sama_program"
KODE_KUMULATIF_NEGATIF = "kinerja.kumulatif_triwulan_negatif"
KODE_PERSEN_MELEBIHI_100 = "kinerja.persen_melebihi_100"
KODE_TARGET_BERBEDA = "kinerja.target_pk_berbeda"
KODE_PK_TANPA_REALISASI = "kinerja.pk_tanpa_realisasi"
KODE_PK_BERTENTANGAN = "kinerja.pk_bertentangan"
KODE_TARGET_DIJUMLAH_TRIWULAN = "kinerja.target_dijumlah_per_triwulan"
KODE_TARGET_RENCANA_BUKAN_PK = "kinerja.target_rencana_berbeda_dari_pk"
KODE_BUKTI_KOSONG = "kinerja.realisasi_tanpa_bukti"
KODE_CAPAIAN_TANPA_PENJELASAN = "kinerja.capaian_ekstrem_tanpa_penjelasan"
KODE_TARGET_AKHIR_DI_BAWAH = "kinerja.target_akhir_di_bawah_tahunan"
KODE_TAHUNAN_TIDAK_SAMA = "kinerja.tahunan_tidak_sama_triwulan"
KODE_RASIO_TIDAK_SESUAI = "kinerja.realisasi_tidak_sama_rasio"
KODE_TABEL_JUMLAH = "sumber_daya.jumlah_tidak_sama"

# Messages (Indonesian; placeholders filled with Indonesian-formatted numbers).
PESAN_JUMLAH_ANAK_PAGU = (
    "Pagu {tingkat} {kode} yang tercatat ({tercatat}) berbeda dari jumlah pagu {anak} di "
    "bawahnya ({jumlah}); selisih {selisih}. Laporan mencetak {dicetak}."
)
PESAN_JUMLAH_ANAK_REALISASI = (
    "Realisasi anggaran {tingkat} {kode} yang tercatat ({tercatat}) berbeda dari jumlah "
    "realisasi {anak} di bawahnya ({jumlah}); selisih {selisih}. Laporan mencetak {dicetak}."
)
DICETAK_JUMLAH = "jumlah {anak}"
DICETAK_TERCATAT = (
    "angka {tingkat} yang tercatat (pagu dan realisasinya saling sesuai), bukan jumlah di bawahnya"
)
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
PESAN_KUMULATIF_NEGATIF = (
    "Indikator kumulatif {kode}: nilai triwulan {triwulan} negatif ({nilai}), sehingga nilai "
    "kumulatifnya menurun."
)
PESAN_PERSEN_MELEBIHI_100 = (
    "Indikator {kode} adalah persentase dari keseluruhan, tetapi realisasi {periode} "
    "bernilai {nilai} (lebih dari 100)."
)
PESAN_PEMBILANG_MELEBIHI_PENYEBUT = (
    "Indikator {kode}: pembilang realisasi {periode} ({pembilang}) lebih besar dari "
    "penyebutnya ({penyebut})."
)
PESAN_TARGET_BERBEDA = (
    "Target {versi_pk} {tahun} indikator {kode} ({target_pk}) berbeda dari target "
    "{versi_lain} ({target_lain}) untuk tahun yang sama; isi alasan selisih pada PK bila "
    "disengaja."
)
PESAN_PK_BERTENTANGAN = (
    "Indikator {kode} ada di {jumlah} PK yang ditandatangani tahun {tahun} dengan target "
    "berbeda: {daftar}. Laporan memakai PK {penentu} (eselon tertinggi, lalu tanda tangan "
    "terakhir); samakan targetnya melalui PK Perubahan."
)
PESAN_TARGET_DIJUMLAH_TRIWULAN = (
    "Target {versi} {tahun} indikator {kode} ({target}) sama dengan 4 × target {versi_lain} "
    "({target_lain}): indikator {cara} tidak dijumlahkan per triwulan; periksa targetnya."
)
PESAN_TARGET_RENCANA_BUKAN_PK = (
    "Target {versi} {tahun} indikator {kode} di rencana ({rencana}) berbeda dari PK yang "
    "ditandatangani ({target_pk}); laporan memakai target PK."
)
PESAN_PK_TANPA_REALISASI = (
    "Indikator {kode} diperjanjikan dalam Perjanjian Kinerja {tahun} tetapi belum memiliki "
    "realisasi."
)
PESAN_BUKTI_KOSONG = "Realisasi {kode} {periode} belum dilengkapi bukti dukung."
PESAN_CAPAIAN_TANPA_PENJELASAN = (
    "Capaian indikator {kode} tahun {tahun} sebesar {capaian} ({batas}) tetapi penjelasan "
    "capaian belum diisi."
)
BATAS_ATAS_CAPAIAN = Decimal(150)
BATAS_BAWAH_CAPAIAN = Decimal(10)
PESAN_BATAS_ATAS = "di atas 150%"
PESAN_BATAS_BAWAH = "di bawah 10%"
PESAN_WAJIB_PENJELASAN = "wajib dijelaskan"
PESAN_TARGET_AKHIR_DI_BAWAH = (
    "Target akhir Renstra indikator {kode} ({akhir}, {sumber}) {arah} target tahun {tahun} "
    "({tahunan})."
)
ARAH_POSITIF = "lebih rendah dari"
ARAH_NEGATIF = "lebih tinggi dari (indikator negatif)"
SUMBER_AKHIR = {SUMBER_RENSTRA: "target Renstra {tahun}", SUMBER_KONDISI_AKHIR: "kondisi akhir"}
PESAN_TAHUNAN_TIDAK_SAMA = (
    "Realisasi tahunan indikator {kode} tahun {tahun} ({tahunan}) berbeda dari gabungan "
    "realisasi triwulannya menurut cara agregasi {cara} ({gabungan})."
)
PESAN_RASIO_TIDAK_SESUAI = (
    "Realisasi indikator {kode} {periode} ({nilai}) tidak sama dengan pembilang / penyebut × "
    "100 = {pembilang} / {penyebut} × 100 = {rasio}."
)

NAMA_TINGKAT = {
    "program": "program",
    "kegiatan": "kegiatan",
    "sub_kegiatan": "sub-kegiatan",
}
NAMA_ANAK = {"program": "kegiatan", "kegiatan": "sub-kegiatan"}
NAMA_VERSI = {
    JenisTarget.PK_PERUBAHAN: "PK Perubahan",
    JenisTarget.PK_MURNI: "PK",
    JenisTarget.RENJA: "Renja",
    JenisTarget.RENSTRA: "Renstra",
}
SERATUS = Decimal(100)

PESAN_TABEL_JUMLAH = (
    "Tabel {judul}: baris {label} kolom {kolom} tercetak {tercetak}, "
    "sedangkan jumlah barisnya {hitung}."
)
_LABEL_JUMLAH = re.compile(r"^\s*(j\s*u\s*m\s*l\s*a\s*h|total)\s*$", re.IGNORECASE)
_SATUAN_SEL = re.compile(r"\s*(org|orang|unit|buah|%)\.?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class ObjekMasalah:
    """The record a problem concerns: model label ("renstra.program"), pk, human label."""

    model: str
    pk: int
    label: str


@dataclass(frozen=True)
class Masalah:
    kode: str
    """Rule id (KODE_* constants)."""
    tingkat: str
    """ERROR or PERINGATAN."""
    pesan: str
    objek: ObjekMasalah


def _periode(triwulan: int) -> str:
    return "tahunan" if triwulan == 0 else f"TW {('I', 'II', 'III', 'IV')[triwulan - 1]}"


def _angka(nilai) -> str:
    if isinstance(nilai, Decimal):
        return format_angka(nilai, 2, ringkas=True)
    if isinstance(nilai, dict):
        return f"{_angka(nilai.get('bawah'))}–{_angka(nilai.get('atas'))}"
    return str(nilai)


def _objek_anggaran(b: BarisAnggaran) -> ObjekMasalah:
    return ObjekMasalah(b.model, b.id, f"{b.kode} {b.nama}".strip())


def _objek_indikator(ind: Indikator) -> ObjekMasalah:
    return ObjekMasalah("renstra.indikator", ind.pk, f"{ind.kode} {ind.uraian}".strip())


def _objek_realisasi(ind: Indikator, r) -> ObjekMasalah:
    return ObjekMasalah("kinerja.realisasi", r.pk, f"{ind.kode} {r.tahun} {_periode(r.triwulan)}")


def _selisih(a: Decimal, b: Decimal) -> str:
    return format_rupiah(abs(a - b))


# --- Budget rules ---------------------------------------------------------------------------


def _cek_anggaran(program_rows, pohon, tahun) -> Iterator[Masalah]:
    def jalan(b: BarisAnggaran, leluhur: list[BarisAnggaran]) -> Iterator[Masalah]:
        nama = NAMA_TINGKAT[b.tingkat]
        if b.anak:
            anak = NAMA_ANAK[b.tingkat]
            dicetak = DICETAK_JUMLAH.format(anak=anak)
            if (
                b.pagu_tercatat is not None
                and b.pagu_anak is not None
                and b.pagu_tercatat != b.pagu_anak
            ):
                yield Masalah(
                    KODE_JUMLAH_ANAK_PAGU,
                    ERROR,
                    PESAN_JUMLAH_ANAK_PAGU.format(
                        tingkat=nama,
                        kode=b.kode,
                        tercatat=format_rupiah(b.pagu_tercatat),
                        anak=anak,
                        jumlah=format_rupiah(b.pagu_anak),
                        selisih=_selisih(b.pagu_tercatat, b.pagu_anak),
                        dicetak=dicetak,
                    ),
                    _objek_anggaran(b),
                )
            if (
                b.realisasi_tercatat is not None
                and b.realisasi_anak is not None
                and b.realisasi_tercatat != b.realisasi_anak
            ):
                yield Masalah(
                    KODE_JUMLAH_ANAK_REALISASI,
                    ERROR,
                    PESAN_JUMLAH_ANAK_REALISASI.format(
                        tingkat=nama,
                        kode=b.kode,
                        tercatat=format_rupiah(b.realisasi_tercatat),
                        anak=anak,
                        jumlah=format_rupiah(b.realisasi_anak),
                        selisih=_selisih(b.realisasi_tercatat, b.realisasi_anak),
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


# --- Indicator rules ------------------------------------------------------------------------


def _label_pk(baris: PKIndikator) -> str:
    """A signed PK named by its pihak pertama and version ("Kepala Badan, versi 2")."""
    pk = baris.perjanjian
    p = pk.pihak_pertama
    nama = pk.pihak_pertama_jabatan or (p.jabatan if p else "") or f"#{pk.pk}"
    return f"{nama} versi {pk.nomor_versi}"


def _skor(nilai) -> Decimal | None:
    """A comparable number for a target value: the number, or a letter's lower bound."""
    if isinstance(nilai, Decimal):
        return nilai
    if isinstance(nilai, str) and nilai.upper() in NILAI_PREDIKAT:
        return NILAI_PREDIKAT[nilai.upper()]
    return None


def _setara(a, b) -> bool:
    """Two target values say the same (`kinerja.pk.teks.target_setara`: "BB" and 70 do)."""
    return target_setara(a, b)


def _persen_dari_keseluruhan(ind: Indikator) -> tuple[bool, str]:
    """(applies, level): declared share → error; a "%" indicator with a share formula →
    peringatan."""
    if ind.persen_dari_keseluruhan:
        return True, ERROR
    formula = ind.formula.lower()
    berbentuk_bagi = (ind.label_pembilang and ind.label_penyebut) or (
        ("/" in formula or " dibagi " in formula) and "100" in formula
    )
    if ind.satuan.strip() == "%" and berbentuk_bagi:
        return True, PERINGATAN
    return False, ""


def _cek_indikator(
    data: DataIndikator, tahun: int, tahun_akhir: int | None, pk_ids: dict[int, bool]
) -> Iterator[Masalah]:
    ind = data.indikator
    baris_tahun = sorted(
        (r for (th, _tw), r in data.realisasi.items() if th == tahun), key=lambda r: r.triwulan
    )

    # Realisation rows: negative quarters, shares above 100, ratios, evidence.
    persen, tingkat_persen = _persen_dari_keseluruhan(ind)
    for r in baris_tahun:
        if r.nilai is None:
            continue
        if ind.cara_agregasi == CaraAgregasi.KUMULATIF and r.triwulan and r.nilai < 0:
            yield Masalah(
                KODE_KUMULATIF_NEGATIF,
                ERROR,
                PESAN_KUMULATIF_NEGATIF.format(
                    kode=ind.kode, triwulan=_periode(r.triwulan), nilai=_angka(r.nilai)
                ),
                _objek_realisasi(ind, r),
            )
        if persen and r.nilai > SERATUS:
            yield Masalah(
                KODE_PERSEN_MELEBIHI_100,
                tingkat_persen,
                PESAN_PERSEN_MELEBIHI_100.format(
                    kode=ind.kode, periode=_periode(r.triwulan), nilai=_angka(r.nilai)
                ),
                _objek_realisasi(ind, r),
            )
        if (
            persen
            and r.pembilang is not None
            and r.penyebut is not None
            and r.penyebut > 0
            and r.pembilang > r.penyebut
        ):
            yield Masalah(
                KODE_PERSEN_MELEBIHI_100,
                tingkat_persen,
                PESAN_PEMBILANG_MELEBIHI_PENYEBUT.format(
                    kode=ind.kode,
                    periode=_periode(r.triwulan),
                    pembilang=_angka(r.pembilang),
                    penyebut=_angka(r.penyebut),
                ),
                _objek_realisasi(ind, r),
            )
        if ind.satuan.strip() == "%" and r.pembilang is not None and r.penyebut and r.penyebut != 0:
            rasio = r.pembilang * SERATUS / r.penyebut
            tempat = max(0, -r.nilai.normalize().as_tuple().exponent)
            if bulatkan(rasio, tempat) != bulatkan(r.nilai, tempat):
                yield Masalah(
                    KODE_RASIO_TIDAK_SESUAI,
                    PERINGATAN,
                    PESAN_RASIO_TIDAK_SESUAI.format(
                        kode=ind.kode,
                        periode=_periode(r.triwulan),
                        nilai=_angka(r.nilai),
                        pembilang=_angka(r.pembilang),
                        penyebut=_angka(r.penyebut),
                        rasio=format_angka(rasio, 4, ringkas=True),
                    ),
                    _objek_realisasi(ind, r),
                )
    for r in baris_tahun:
        if r.triwulan and r.nilai_masukan() not in (None, "") and not r.jumlah_bukti:
            yield Masalah(
                KODE_BUKTI_KOSONG,
                PERINGATAN,
                PESAN_BUKTI_KOSONG.format(kode=ind.kode, periode=_periode(r.triwulan)),
                _objek_realisasi(ind, r),
            )

    # Yearly value against the combined quarters.
    tahunan = data.realisasi.get((tahun, 0))
    kuartal = [data.realisasi.get((tahun, tw)) for tw in (1, 2, 3, 4)]
    nilai_kuartal = [r.nilai if r is not None else None for r in kuartal]
    if (
        tahunan is not None
        and tahunan.nilai is not None
        and any(n is not None for n in nilai_kuartal)
    ):
        gabungan = gabung_triwulan(nilai_kuartal, ind.cara_agregasi)
        if gabungan != tahunan.nilai:
            yield Masalah(
                KODE_TAHUNAN_TIDAK_SAMA,
                PERINGATAN,
                PESAN_TAHUNAN_TIDAK_SAMA.format(
                    kode=ind.kode,
                    tahun=tahun,
                    tahunan=_angka(tahunan.nilai),
                    cara=ind.get_cara_agregasi_display().lower(),
                    gabungan=_angka(gabungan),
                ),
                _objek_realisasi(ind, tahunan),
            )

    # Signed PKs of the year that disagree with each other, or with the plan's PK rows.
    for jenis in JENIS_TARGET_PK:
        bertanda = data.target_pk.get((tahun, jenis), [])
        if not bertanda:
            continue
        penentu = bertanda[0]
        berbeda = [
            b for b in bertanda[1:] if not _setara(b.nilai_masukan(), penentu.nilai_masukan())
        ]
        if berbeda:
            yield Masalah(
                KODE_PK_BERTENTANGAN,
                PERINGATAN,
                PESAN_PK_BERTENTANGAN.format(
                    kode=ind.kode,
                    jumlah=len(bertanda),
                    tahun=tahun,
                    daftar="; ".join(
                        f"{_label_pk(b)} {_angka(b.nilai_masukan())}" for b in [penentu, *berbeda]
                    ),
                    penentu=_label_pk(penentu),
                ),
                _objek_indikator(ind),
            )
        rencana = data.target.get((tahun, jenis))
        if (
            rencana is not None
            and not rencana.kosong
            and not _setara(rencana.nilai_masukan(), penentu.nilai_masukan())
        ):
            yield Masalah(
                KODE_TARGET_RENCANA_BUKAN_PK,
                PERINGATAN,
                PESAN_TARGET_RENCANA_BUKAN_PK.format(
                    versi=NAMA_VERSI[jenis],
                    tahun=tahun,
                    kode=ind.kode,
                    rencana=_angka(rencana.nilai_masukan()),
                    target_pk=_angka(penentu.nilai_masukan()),
                ),
                _objek_indikator(ind),
            )

    # A percentage / index (posisi akhir, rata-rata) target summed over four quarters.
    if ind.cara_agregasi != CaraAgregasi.KUMULATIF:
        versi_nilai = []
        for jenis in (*JENIS_TARGET_PK, JenisTarget.RENJA, JenisTarget.RENSTRA):
            t = target_versi(data, tahun, jenis)
            nilai = t.nilai_masukan() if t is not None and not t.kosong else None
            if isinstance(nilai, Decimal):
                versi_nilai.append((jenis, nilai))
        for jenis, nilai in versi_nilai:
            lain = next(
                ((j, n) for j, n in versi_nilai if n and nilai == 4 * n and j != jenis), None
            )
            if lain is not None:
                yield Masalah(
                    KODE_TARGET_DIJUMLAH_TRIWULAN,
                    PERINGATAN,
                    PESAN_TARGET_DIJUMLAH_TRIWULAN.format(
                        versi=NAMA_VERSI[jenis],
                        tahun=tahun,
                        kode=ind.kode,
                        target=_angka(nilai),
                        versi_lain=NAMA_VERSI[lain[0]],
                        target_lain=_angka(lain[1]),
                        cara=ind.get_cara_agregasi_display().lower(),
                    ),
                    _objek_indikator(ind),
                )

    # Targets of the same year that disagree between PK and Renja / Renstra.
    target_pk, versi_pk = pilih_target(
        data, tahun, (JenisTarget.PK_PERUBAHAN, JenisTarget.PK_MURNI)
    )
    if target_pk is not None and not pk_ids.get(ind.pk, False):
        for versi in (JenisTarget.RENJA, JenisTarget.RENSTRA):
            lain = data.target.get((tahun, versi))
            if lain is None or lain.kosong:
                continue
            if not _setara(target_pk.nilai_masukan(), lain.nilai_masukan()):
                yield Masalah(
                    KODE_TARGET_BERBEDA,
                    PERINGATAN,
                    PESAN_TARGET_BERBEDA.format(
                        versi_pk=NAMA_VERSI[versi_pk],
                        tahun=tahun,
                        kode=ind.kode,
                        target_pk=_angka(target_pk.nilai_masukan()),
                        versi_lain=NAMA_VERSI[versi],
                        target_lain=_angka(lain.nilai_masukan()),
                    ),
                    _objek_indikator(ind),
                )

    # The year's measurement: PK indicator without realisation, extreme capaian.
    real = nilai_realisasi(data, tahun, 4, hanya_resmi=False)
    diperjanjikan = target_pk is not None or ind.pk in pk_ids
    if diperjanjikan and real.nilai is None:
        yield Masalah(
            KODE_PK_TANPA_REALISASI,
            PERINGATAN,
            PESAN_PK_TANPA_REALISASI.format(kode=ind.kode, tahun=tahun),
            _objek_indikator(ind),
        )
    target, _sumber = pilih_target(data, tahun)
    target_nilai = target.nilai_masukan() if target else None
    capaian = capaian_indikator(ind, target_nilai, real.nilai)
    if capaian.nilai is not None and real.baris is not None and not real.baris.penjelasan.strip():
        dibulatkan = bulatkan(capaian.nilai, 2)
        batas = None
        if dibulatkan > BATAS_ATAS_CAPAIAN:
            batas = PESAN_BATAS_ATAS
        elif dibulatkan < BATAS_BAWAH_CAPAIAN:
            batas = PESAN_BATAS_BAWAH
        elif capaian.perlu_penjelasan:
            batas = PESAN_WAJIB_PENJELASAN
        if batas:
            yield Masalah(
                KODE_CAPAIAN_TANPA_PENJELASAN,
                ERROR,
                PESAN_CAPAIAN_TANPA_PENJELASAN.format(
                    kode=ind.kode, tahun=tahun, capaian=format_persen(capaian.nilai), batas=batas
                ),
                _objek_realisasi(ind, real.baris),
            )

    # The Renstra end target below the year's target (levels only: counts add up over years).
    if (
        target_nilai is not None
        and tahun_akhir is not None
        and (ind.cara_agregasi != CaraAgregasi.KUMULATIF)
    ):
        akhir, asal = target_akhir_renstra(data, tahun_akhir)
        sumber = SUMBER_AKHIR.get(asal, "").format(tahun=tahun_akhir)
        skor_akhir, skor_tahun = _skor(akhir), _skor(target_nilai)
        if skor_akhir is not None and skor_tahun is not None:
            negatif = ind.polaritas == Polaritas.NEGATIF
            if (skor_akhir > skor_tahun) if negatif else (skor_akhir < skor_tahun):
                yield Masalah(
                    KODE_TARGET_AKHIR_DI_BAWAH,
                    PERINGATAN,
                    PESAN_TARGET_AKHIR_DI_BAWAH.format(
                        kode=ind.kode,
                        akhir=_angka(akhir),
                        sumber=sumber,
                        arah=ARAH_NEGATIF if negatif else ARAH_POSITIF,
                        tahun=tahun,
                        tahunan=_angka(target_nilai),
                    ),
                    _objek_indikator(ind),
                )


def _angka_sel(teks: str) -> Decimal | None:
    """A table cell as a number: "4 Org" → 4, "10.53" → 10.53, "-" or "" → 0; None when the
    cell is not a number."""
    teks = _SATUAN_SEL.sub("", (teks or "").strip())
    if teks in ("", "-", "–", "—"):
        return Decimal(0)
    try:
        return parse_angka_teks(teks)
    except (ValueError, TypeError):
        return None


def _cek_tabel_sumber_daya(tabel_list) -> Iterator[Masalah]:
    """A printed staffing/facilities table whose JUMLAH row is not the sum of its rows."""
    for tabel in tabel_list:
        baris = [list(b) for b in tabel.baris]
        for b in baris:
            label = next((sel for sel in b if _LABEL_JUMLAH.match(str(sel or ""))), None)
            if label is None:
                continue
            lain = [x for x in baris if x is not b]
            for i, sel in enumerate(b):
                tercetak = None if sel == label else _angka_sel(str(sel or ""))
                if tercetak is None or str(sel or "").strip() in ("", "-"):
                    continue
                nilai = [_angka_sel(str(x[i] or "")) if i < len(x) else None for x in lain]
                if any(n is None for n in nilai):
                    continue
                hitung = sum(nilai, Decimal(0))
                if abs(hitung - tercetak) > Decimal("0.05"):
                    kolom = tabel.kolom[i] if i < len(tabel.kolom) else str(i + 1)
                    yield Masalah(
                        KODE_TABEL_JUMLAH,
                        PERINGATAN,
                        PESAN_TABEL_JUMLAH.format(
                            judul=tabel.judul,
                            label=label.strip(),
                            kolom=kolom,
                            tercetak=_angka(tercetak),
                            hitung=_angka(hitung),
                        ),
                        ObjekMasalah("renstra.tabelsumberdaya", tabel.pk, tabel.judul[:80]),
                    )


# --- Data a report did not publish (loaded as missing, DOMAIN.md §4) ----------------------

KODE_PERIODE_RPJMD_KOSONG = "renstra.periode_rpjmd_kosong"
KODE_INDIKATOR_TANPA_NAMA = "renstra.indikator_tanpa_nama"
KODE_INDIKATOR_TANPA_SATUAN = "renstra.indikator_tanpa_satuan"
PESAN_PERIODE_RPJMD_KOSONG = (
    "Periode RPJMD belum tercatat (tidak dicetak dalam laporan sumber); isi tahun awal dan "
    "tahun akhirnya."
)
PESAN_INDIKATOR_TANPA_NAMA = (
    "Indikator {kode} belum memiliki nama (tidak dicetak dalam laporan sumber); laporan "
    'mencetak "—".'
)
PESAN_INDIKATOR_TANPA_SATUAN = "Indikator {kode} belum memiliki satuan."


def _cek_data_kosong(renstra, data_list) -> Iterator[Masalah]:
    """Missing RPJMD period, indicator names and units: loaded from a report as not published."""
    rpjmd = renstra.rpjmd if renstra is not None else None
    if rpjmd is not None and rpjmd.tahun_awal is None:
        yield Masalah(
            KODE_PERIODE_RPJMD_KOSONG,
            PERINGATAN,
            PESAN_PERIODE_RPJMD_KOSONG,
            ObjekMasalah("renstra.rpjmd", rpjmd.pk, "RPJMD"),
        )
    for data in data_list:
        ind = data.indikator
        if not ind.uraian.strip():
            yield Masalah(
                KODE_INDIKATOR_TANPA_NAMA,
                ERROR,
                PESAN_INDIKATOR_TANPA_NAMA.format(kode=ind.kode),
                _objek_indikator(ind),
            )
        if not ind.satuan.strip():
            yield Masalah(
                KODE_INDIKATOR_TANPA_SATUAN,
                PERINGATAN,
                PESAN_INDIKATOR_TANPA_SATUAN.format(kode=ind.kode),
                _objek_indikator(ind),
            )


def validasi_pd(*, pd: PerangkatDaerah, tahun: int) -> list[Masalah]:
    """Every problem of the PD's data for `tahun`, rule by rule (budget rules first).

    Queries (13): Renstra; programs; kegiatan; sub-kegiatan; pagu; realisasi anggaran;
    jenis belanja; indicators; targets; signed PK rows; realisations (with an evidence count);
    PK rows;
    staffing/facilities tables.
    """
    renstra = renstra_aktif(pd=pd, tahun=tahun)
    pohon = muat_pohon_anggaran(renstra=renstra, tahun_list=[tahun])
    rekap = hitung_pohon(pohon, pd_id=pd.pk, tahun=tahun, triwulan=4)
    belanja = list(AnggaranBelanja.objects.filter(perangkat_daerah=pd, tahun=tahun))
    masalah = list(_cek_anggaran(rekap.program, pohon, tahun))
    masalah += _cek_belanja(pd, belanja, rekap)

    qs = Indikator.objects.filter(perangkat_daerah=pd)
    if renstra is not None:
        qs = qs.filter(
            Q(tujuan__renstra=renstra)
            | Q(sasaran__renstra=renstra)
            | Q(program__renstra=renstra)
            | Q(kegiatan__program__renstra=renstra)
            | Q(sub_kegiatan__kegiatan__program__renstra=renstra)
        )
    tahun_target = [tahun]
    if renstra is not None:
        tahun_target.append(renstra.tahun_akhir)
    data_list = muat_data_indikator(
        qs.order_by("urutan", "id"),
        tahun_target=tahun_target,
        tahun_realisasi=[tahun],
        anotasi_bukti=True,
    )
    # Indicators of a PK of the year → whether a reason for a differing target is recorded.
    pk_ids: dict[int, bool] = {}
    for indikator_id, alasan in PKIndikator.objects.filter(
        perjanjian__perangkat_daerah=pd, perjanjian__tahun=tahun, indikator__isnull=False
    ).values_list("indikator_id", "alasan_selisih"):
        pk_ids[indikator_id] = pk_ids.get(indikator_id, False) or bool(alasan.strip())
    tahun_akhir = renstra.tahun_akhir if renstra is not None else None
    for data in data_list:
        masalah += _cek_indikator(data, tahun, tahun_akhir, pk_ids)
    masalah += _cek_data_kosong(renstra, data_list)
    masalah += _cek_tabel_sumber_daya(TabelSumberDaya.objects.filter(perangkat_daerah=pd))
    return masalah
