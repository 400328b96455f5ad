"""`manage.py pengukuran --pd <slug> --tahun <n> [--triwulan <n>] [--format json|teks]`

Prints, through the report selectors (the same numbers as every report): per sasaran
indicator (by its dataset `kode`) the target and its version, realisasi, capaian and
category; the sasaran and PD averages; per program/kegiatan/sub-kegiatan (by code) pagu,
realisasi and percentage; and the validation problems.

JSON keeps every decimal as a string (unrounded, plus a `*_bulat` value rounded to 2 places
ROUND_HALF_UP); `teks` uses Indonesian notation (common.formatting).
"""

import json
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from anggaran.selectors import rekap_anggaran
from common.formatting import (
    TANDA_KOSONG,
    format_angka,
    format_persen,
    format_rupiah,
    format_triwulan,
)
from kinerja.selectors import LABEL_SUMBER_TARGET, Pengukuran, pengukuran_kinerja
from kinerja.serialisasi import pengukuran_json
from kinerja.validasi import ERROR, Masalah, validasi_pd
from renstra.models import PerangkatDaerah

PESAN_PD_TIDAK_ADA = "Perangkat daerah dengan slug '{slug}' tidak ditemukan."

JUDUL = "PENGUKURAN KINERJA {nama} ({slug})"
JUDUL_PERIODE = "Tahun {tahun}, realisasi s.d. {triwulan}; {status}"
STATUS_RESMI = "hanya realisasi yang disetujui"
STATUS_SEMUA = "termasuk realisasi yang belum disetujui"
JUDUL_SKALA = "Skala kategori: {nama}"
JUDUL_SASARAN = "Sasaran {kode}: {uraian}"
BARIS_INDIKATOR = (
    "  {kode}  {uraian}\n"
    "      target {target} ({sumber}) | realisasi {realisasi} | capaian {capaian} | {kategori}"
)
BARIS_ALASAN = "      {alasan}"
TANDA_DRAF = "      (ada realisasi yang belum disetujui)"
RATA_SASARAN = "  Rata-rata capaian sasaran: {nilai} ({n} indikator) {kategori}"
BARIS_DIKECUALIKAN = "  Tidak dirata-rata: {kode} — {alasan}"
RATA_PD = "Rata-rata capaian perangkat daerah: {nilai} ({n} sasaran) {kategori}"
CATATAN_BATAS = "Capaian tiap indikator dibatasi {batas}% saat dirata-rata."
CATATAN_TANPA_BATAS = "Capaian tidak dibatasi saat dirata-rata."
JUDUL_ANGGARAN = "REALISASI ANGGARAN s.d. {triwulan}"
BARIS_ANGGARAN = (
    "{indent}{kode}  {nama}\n{indent}    pagu {pagu} | realisasi {realisasi} | {persen}"
)
BARIS_TERCATAT = "{indent}    (pagu tercatat pada tingkat ini {pagu})"
JUMLAH_ANGGARAN = "JUMLAH  pagu {pagu} | realisasi {realisasi} | {persen}"
JUDUL_VALIDASI = "VALIDASI: {error} error, {peringatan} peringatan"
BARIS_RINGKAS = "  {jumlah:>4} × {kode}"
BARIS_MASALAH = "  [{tingkat}] {pesan}"


def _teks_nilai(nilai: Any) -> str:
    if nilai is None:
        return TANDA_KOSONG
    if isinstance(nilai, Decimal):
        return format_angka(nilai, 2, ringkas=True)
    if isinstance(nilai, dict):
        return f"{_teks_nilai(nilai.get('bawah'))}–{_teks_nilai(nilai.get('atas'))}"
    return str(nilai)


class Command(BaseCommand):
    help = "Cetak pengukuran kinerja, realisasi anggaran dan hasil validasi satu perangkat daerah."

    def add_arguments(self, parser):
        parser.add_argument("--pd", required=True, help="slug perangkat daerah")
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--triwulan", type=int, default=4, choices=[1, 2, 3, 4])
        parser.add_argument("--format", default="teks", choices=["teks", "json"])
        parser.add_argument(
            "--termasuk-draf",
            action="store_true",
            help="pakai juga realisasi yang belum disetujui",
        )
        parser.add_argument("--hanya-iku", action="store_true")
        parser.add_argument(
            "--ringkas", action="store_true", help="teks: validasi hanya jumlah per aturan"
        )

    def handle(self, *args, **opsi):
        try:
            pd = PerangkatDaerah.objects.get(slug=opsi["pd"])
        except PerangkatDaerah.DoesNotExist as exc:
            raise CommandError(PESAN_PD_TIDAK_ADA.format(slug=opsi["pd"])) from exc
        tahun, triwulan = opsi["tahun"], opsi["triwulan"]
        if opsi["format"] == "json":
            keluaran = pengukuran_json(
                pd=pd,
                tahun=tahun,
                triwulan=triwulan,
                hanya_iku=opsi["hanya_iku"],
                hanya_resmi=not opsi["termasuk_draf"],
            )
            self.stdout.write(json.dumps(keluaran, ensure_ascii=False, indent=2))
            return
        pengukuran = pengukuran_kinerja(
            pd=pd,
            tahun=tahun,
            triwulan=triwulan,
            hanya_iku=opsi["hanya_iku"],
            hanya_resmi=not opsi["termasuk_draf"],
        )
        rekap = rekap_anggaran(
            pd=pd, tahun=tahun, triwulan=triwulan, hanya_resmi=not opsi["termasuk_draf"]
        )
        masalah = validasi_pd(pd=pd, tahun=tahun)
        self._teks(pd, pengukuran, rekap, masalah, ringkas=opsi["ringkas"])

    def _teks(self, pd, p: Pengukuran, rekap, masalah: list[Masalah], *, ringkas: bool) -> None:
        tulis = self.stdout.write
        tulis(JUDUL.format(nama=pd.nama, slug=pd.slug))
        tulis(
            JUDUL_PERIODE.format(
                tahun=p.tahun,
                triwulan=format_triwulan(p.triwulan),
                status=STATUS_RESMI if p.hanya_resmi else STATUS_SEMUA,
            )
        )
        tulis("")
        for s in p.sasaran:
            tulis(JUDUL_SASARAN.format(kode=s.kode, uraian=s.uraian))
            for b in s.indikator:
                tulis(
                    BARIS_INDIKATOR.format(
                        kode=b.indikator.kode,
                        uraian=b.indikator.uraian,
                        target=_teks_nilai(b.target),
                        sumber=LABEL_SUMBER_TARGET.get(b.sumber_target, TANDA_KOSONG),
                        realisasi=_teks_nilai(b.realisasi),
                        capaian=format_persen(b.capaian.nilai),
                        kategori=b.kategori.label if b.kategori else TANDA_KOSONG,
                    )
                )
                if b.capaian.pesan:
                    tulis(BARIS_ALASAN.format(alasan=b.capaian.pesan))
                for catatan in b.capaian.catatan:
                    tulis(BARIS_ALASAN.format(alasan=catatan))
                if b.ada_draf:
                    tulis(TANDA_DRAF)
            tulis(
                RATA_SASARAN.format(
                    nilai=format_persen(s.rata_rata),
                    n=s.jumlah_dipakai,
                    kategori=s.kategori.label if s.kategori else "",
                )
            )
            for d in s.dikecualikan:
                tulis(BARIS_DIKECUALIKAN.format(kode=d.kode, alasan=d.alasan))
            tulis("")
        tulis(
            RATA_PD.format(
                nilai=format_persen(p.rata_rata),
                n=p.jumlah_sasaran_dipakai,
                kategori=p.kategori.label if p.kategori else "",
            )
        )
        tulis(
            CATATAN_BATAS.format(batas=format_angka(p.batas_rata_rata, 0))
            if p.batas_rata_rata
            else CATATAN_TANPA_BATAS
        )
        tulis(JUDUL_SKALA.format(nama=p.skala.nama))
        for pita in p.skala.baris:
            bawah = f"≥ {format_angka(pita.batas_bawah, 0)}" if pita.batas_bawah is not None else ""
            atas = f"< {format_angka(pita.batas_atas, 0)}" if pita.batas_atas is not None else ""
            tulis(
                f"  {pita.urutan:<4}{' dan '.join(x for x in (bawah, atas) if x):<18}{pita.label}"
            )
        tulis("")
        tulis(JUDUL_ANGGARAN.format(triwulan=format_triwulan(rekap.triwulan)))
        for b in rekap.baris():
            indent = "  " * {"program": 1, "kegiatan": 2, "sub_kegiatan": 3}[b.tingkat]
            tulis(
                BARIS_ANGGARAN.format(
                    indent=indent,
                    kode=b.kode,
                    nama=b.nama,
                    pagu=format_rupiah(b.pagu),
                    realisasi=format_rupiah(b.realisasi),
                    persen=format_persen(b.persen),
                )
            )
            if b.pagu_dari_anak and b.pagu_tercatat is not None and b.pagu_tercatat != b.pagu:
                tulis(BARIS_TERCATAT.format(indent=indent, pagu=format_rupiah(b.pagu_tercatat)))
        tulis(
            JUMLAH_ANGGARAN.format(
                pagu=format_rupiah(rekap.pagu),
                realisasi=format_rupiah(rekap.realisasi),
                persen=format_persen(rekap.persen),
            )
        )
        tulis("")
        jumlah_error = sum(1 for m in masalah if m.tingkat == ERROR)
        tulis(JUDUL_VALIDASI.format(error=jumlah_error, peringatan=len(masalah) - jumlah_error))
        per_kode: dict[str, int] = {}
        for m in masalah:
            per_kode[m.kode] = per_kode.get(m.kode, 0) + 1
        for kode, jumlah in per_kode.items():
            tulis(BARIS_RINGKAS.format(jumlah=jumlah, kode=kode))
        if not ringkas:
            for m in masalah:
                tulis(BARIS_MASALAH.format(tingkat=m.tingkat, pesan=m.pesan))
