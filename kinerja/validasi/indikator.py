"""Indicator rules: realisations (R-RANGE, cumulative quarters, ratios), targets across
Renstra / Renja / PK (R-XREF), PK indicators without realisation, extreme capaian without an
explanation, the Renstra end target (DOMAIN.md §9)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from common.formatting import bulatkan, format_angka, format_persen
from kinerja.capaian import NILAI_PREDIKAT, gabung_triwulan
from kinerja.models import PKIndikator
from kinerja.pk.teks import target_setara
from kinerja.selectors import (
    SUMBER_KONDISI_AKHIR,
    SUMBER_RENSTRA,
    DataIndikator,
    capaian_indikator,
    nilai_realisasi,
    pilih_target,
    target_akhir_renstra,
    target_versi,
)
from kinerja.selectors.muat import JENIS_TARGET_PK
from renstra.models import CaraAgregasi, Indikator, JenisTarget, Polaritas

from .dasar import (
    ERROR,
    NAMA_VERSI,
    PERINGATAN,
    SERATUS,
    Masalah,
    _angka,
    _objek_indikator,
    _objek_realisasi,
    _periode,
)

# Rule ids.
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
