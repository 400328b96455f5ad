"""The Formulir Evaluasi Hasil Renja (§7.5, Permendagri 86/2017): the evaluation
(kinerja.selectors) → `Tabel`.

The ONE generator of the printed form: the HTML template, the PDF (WeasyPrint prints the same
HTML), the XLSX writer and the numbers snapshot all read the `Tabel` it returns. No
arithmetic happens here beyond choosing which computed value goes in which cell.
"""

from __future__ import annotations

from common.formatting import TANDA_KOSONG, romawi
from kinerja.selectors import EvaluasiRenja
from kinerja.selectors.muat import PESAN_TIDAK_TERHITUNG

from ..tabel import PERSEN, Baris, Kepala, Sel, Tabel
from .sel import (
    CATATAN_DIKECUALIKAN,
    CATATAN_KODE_LOKAL,
    CATATAN_MESIN,
    LABEL_TINGKAT,
    _k,
    _kat,
    _rp,
    _t,
    baris_jumlah,
    kode_cetak,
)

# --- Formulir Evaluasi Hasil Renja (§7.5) ---------------------------------------------------

KOLOM_RENJA = ("6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16")


# Leaf column widths of the form on A3 landscape (static/css/cetak.css, page "renja"): No,
# Sasaran, Kode, Nama, Indikator, then K/Rp pairs for cols 6–13 and 14 (Rp amounts up to
# "999.999.999.999" fit at 6.5pt), 15 and Renja (percentages), Unit. Each header word fits its
# column (tests/laporan/test_tata_letak.py lays the form out and checks every cell).
LEBAR_RENJA = (
    "1.3%",
    "4.2%",
    "5%",
    "6.4%",
    "6.5%",
    *("1.8%", "5%") * 9,
    "2.8%",
    "2.8%",
    "2.8%",
    "2.8%",
    "4.2%",
)


def _sebutan(b) -> str:
    """How a note names an indicator row: the row's Kepmendagri code (if any) and the
    indicator's name; an indicator code (S1.I1, P1.K1.S1.I1) is the app's own and not printed."""
    return " ".join(x for x in (kode_cetak(b.kode), f"“{b.indikator.uraian}”") if x)


def tabel_evaluasi_renja(ev: EvaluasiRenja, kunci: str = "evaluasi-renja") -> Tabel:
    """The Permendagri 86/2017 form: K and Rp per column 6–15, Renja capaian, unit."""
    tahun, tw = ev.tahun, ev.triwulan
    awal, akhir = ev.renstra_tahun_awal, ev.renstra_tahun_akhir
    periode = f"{awal}–{akhir}" if awal else ""
    kepala = (
        (
            Kepala("No", rowspan=3),
            Kepala("Sasaran", rowspan=3),
            Kepala("Kode", rowspan=3),
            Kepala(
                "Urusan / bidang urusan pemerintahan daerah dan program / kegiatan / sub-kegiatan",
                rowspan=3,
            ),
            Kepala("Indikator kinerja program (outcome) / kegiatan (output) (satuan)", rowspan=3),
            Kepala(
                f"Target Renstra pada tahun {periode} (akhir periode Renstra)", colspan=2, rowspan=2
            ),
            Kepala(
                f"Realisasi capaian kinerja Renstra s.d. Renja tahun lalu ({tahun - 1})",
                colspan=2,
                rowspan=2,
            ),
            Kepala(
                f"Target kinerja dan anggaran Renja tahun berjalan ({tahun}) yang dievaluasi",
                colspan=2,
                rowspan=2,
            ),
            Kepala("Realisasi kinerja pada triwulan", colspan=8),
            Kepala(
                "Realisasi capaian kinerja dan anggaran Renja yang dievaluasi", colspan=2, rowspan=2
            ),
            Kepala(
                f"Realisasi kinerja dan anggaran Renstra s.d. tahun {tahun}", colspan=2, rowspan=2
            ),
            Kepala(
                f"Tingkat capaian kinerja dan realisasi anggaran Renstra s.d. tahun {tahun} (%)",
                colspan=2,
                rowspan=2,
            ),
            Kepala(
                "Tingkat capaian kinerja dan realisasi anggaran Renja (%)", colspan=2, rowspan=2
            ),
            Kepala("Unit penanggung jawab / keterangan", rowspan=3),
        ),
        tuple(Kepala(romawi(n), colspan=2) for n in (1, 2, 3, 4)),
        tuple(Kepala(x) for _ in range(11) for x in ("K", "Rp")),
    )
    nomor = (
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "10",
        "11",
        "12",
        "13",
        "14 = 7 + 13",
        "15 = 14 / 6 × 100",
        "13 / 8 × 100",
        "16",
    )
    nomor_kolom = tuple(
        n if i < 5 or i == len(nomor) - 1 else Kepala(n, colspan=2) for i, n in enumerate(nomor)
    )
    baris: list[Baris] = []
    for b in ev.baris:
        if b.jenis == "analisis":
            for label, teks in b.analisis:
                baris.append(
                    Baris(
                        (_t(""), _t(f"{label}:", colspan=3), _t(teks, colspan=24)), jenis="analisis"
                    )
                )
            continue
        n = b.jumlah_baris if b.baris_pertama else 1
        ind = b.indikator
        sel: list[Sel] = []
        if b.baris_pertama:
            sel += [
                _t(
                    str(b.nomor) if b.nomor and b.jenis == "program" else "",
                    rowspan=n,
                    kelas="tengah",
                ),
                _t(b.sasaran if b.jenis == "program" else "", rowspan=n),
                _t(kode_cetak(b.kode) or TANDA_KOSONG, rowspan=n, kelas="kode"),
                _t(b.nama, rowspan=n, kelas="nama"),
            ]
        nama_ind = (
            f"{ind.uraian} ({ind.satuan})" if ind and ind.satuan else (ind.uraian if ind else "")
        )
        sel.append(_t(nama_ind, kelas="indikator"))

        def k(nilai, kolom):
            return _k(nilai, f"{kolom}K")

        def rp(nilai, kolom, rowspan=n):
            return _rp(nilai, f"{kolom}Rp", rowspan=rowspan)

        pertama = b.baris_pertama
        kolom: list[Sel] = [k(b.target_renstra_akhir, 6)]
        if pertama:
            kolom.append(rp(b.pagu_renstra, 6))
        kolom.append(k(b.realisasi_sd_tahun_lalu, 7))
        if pertama:
            kolom.append(rp(b.realisasi_anggaran_sd_tahun_lalu, 7))
        kolom.append(k(b.target_renja, 8))
        if pertama:
            kolom.append(rp(b.pagu, 8))
        for i in range(4):
            kolom.append(k(b.realisasi_triwulan[i], 9 + i))
            if pertama:
                kolom.append(rp(b.realisasi_anggaran_triwulan[i], 9 + i))
        kolom.append(k(b.realisasi, 13))
        if pertama:
            kolom.append(rp(b.realisasi_anggaran, 13))
        kolom.append(k(b.realisasi_renstra, 14))
        if pertama:
            kolom.append(rp(b.realisasi_anggaran_renstra, 14))
        kolom.append(
            Sel(b.capaian_renstra.nilai if b.capaian_renstra else None, PERSEN, kunci="15K")
        )
        if pertama:
            kolom.append(Sel(b.persen_anggaran_renstra, PERSEN, kunci="15Rp", rowspan=n))
        kolom.append(
            Sel(b.capaian_renja.nilai if b.capaian_renja else None, PERSEN, kunci="renjaK")
        )
        if pertama:
            kolom.append(Sel(b.persen_anggaran, PERSEN, kunci="renjaRp", rowspan=n))
        sel += kolom
        sel.append(_t(b.unit_penanggung_jawab))
        kunci_baris = ind.kode if ind else b.kode
        baris.append(
            Baris(
                tuple(sel),
                jenis=b.jenis,
                kunci=kunci_baris,
                label=f"{LABEL_TINGKAT.get(b.jenis, '')} {b.kode}"
                + (f" — {ind.kode}" if ind else ""),
            )
        )
    j = ev.jumlah
    baris.append(
        baris_jumlah(
            _t(""),
            _rp(j.pagu_renstra, "6Rp"),
            _t(""),
            _rp(j.realisasi_anggaran_sd_tahun_lalu, "7Rp"),
            _t(""),
            _rp(j.pagu, "8Rp"),
            *(
                x
                for i in range(4)
                for x in (_t(""), _rp(j.realisasi_anggaran_triwulan[i], f"{9 + i}Rp"))
            ),
            _t(""),
            _rp(j.realisasi_anggaran, "13Rp"),
            _t(""),
            _rp(j.realisasi_anggaran_renstra, "14Rp"),
            _t(""),
            Sel(j.persen_anggaran_renstra, PERSEN, kunci="15Rp"),
            _t(""),
            Sel(j.persen_anggaran, PERSEN, kunci="renjaRp"),
            _t(""),
            kosong=4,
            jenis="footer",
        )
    )
    kosong_awal = [_t(""), _t(""), _t(""), _t("")]
    baris.append(
        Baris(
            (
                *kosong_awal,
                _t("Rata-rata capaian kinerja (%)"),
                _t("", colspan=18),
                Sel(ev.rata_rata_capaian_renstra, PERSEN, kunci="15K"),
                _t(""),
                Sel(ev.rata_rata_capaian_kinerja, PERSEN, kunci="renjaK"),
                Sel(ev.jumlah.persen_anggaran, PERSEN, kunci="renjaRp"),
                _t(""),
            ),
            jenis="footer",
            kunci="rata-rata",
            label="Rata-rata capaian kinerja",
        )
    )
    kat_renstra = ev.skala.kategori(ev.rata_rata_capaian_renstra)
    kat_rp = ev.skala.kategori(ev.jumlah.persen_anggaran)
    baris.append(
        Baris(
            (
                *kosong_awal,
                _t("Predikat kinerja"),
                _t("", colspan=18),
                _kat(kat_renstra, "15K"),
                _t(""),
                _kat(ev.kategori, "renjaK"),
                _kat(kat_rp, "renjaRp"),
                _t(""),
            ),
            jenis="footer",
            kunci="predikat",
            label="Predikat kinerja",
        )
    )
    catatan = [
        "K = kinerja, Rp = anggaran. Kolom 13 dan 14 mengikuti cara agregasi tiap indikator "
        "(kumulatif dijumlah; posisi akhir memakai nilai terakhir; rata-rata dirata-rata).",
        f"Rata-rata capaian kinerja Renja dihitung dari {ev.jumlah_indikator_dipakai} indikator "
        "yang dapat dihitung.",
    ]
    if any(b.kode and not kode_cetak(b.kode) for b in ev.baris if b.jenis != "analisis"):
        catatan.append(CATATAN_KODE_LOKAL)
    if ev.batas_rata_rata:
        catatan.append(
            f"Capaian tiap indikator dibatasi {ev.batas_rata_rata.normalize():f}% untuk rata-rata."
        )
    else:
        catatan.append("Rata-rata dihitung tanpa batas atas capaian.")
    # The engine's notes (how a letter target was read, a floor applied) and the rows left
    # out of the average, as DOMAIN.md §5 requires of every printed measurement.
    for b in ev.baris:
        if b.indikator is None or b.capaian_renja is None:
            continue
        for c in b.capaian_renja.catatan:
            catatan.append(CATATAN_MESIN.format(kode=_sebutan(b), catatan=c.rstrip(".")))
        if b.capaian_renja.nilai is None:
            catatan.append(
                CATATAN_DIKECUALIKAN.format(
                    kode=_sebutan(b),
                    alasan=b.capaian_renja.pesan or PESAN_TIDAK_TERHITUNG,
                )
            )
    return Tabel(
        kunci=kunci,
        judul=f"Formulir Evaluasi Hasil Renja — Triwulan {romawi(tw)} Tahun {tahun}",
        kepala=kepala,
        baris=tuple(baris),
        nomor_kolom=nomor_kolom,
        kelas="tabel-renja",
        catatan=tuple(catatan),
        lanskap=True,
        lebar_kolom=LEBAR_RENJA,
        lebar_excel=(5, 24, 16, 40, 40, *(9, 15) * 11, 24),
    )
