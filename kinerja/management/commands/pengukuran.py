"""`manage.py pengukuran --pd <slug> --tahun <n> [--triwulan <n>] [--format json|teks]`

Prints, through the report selectors (the same numbers as every report): per tujuan and
sasaran indicator (by its dataset `kode`) the target with its version and year, realisasi,
capaian and category, or why there is none; the tujuan, sasaran and PD averages with n used
and the excluded ones; per program/kegiatan/sub-kegiatan indicator the same measurement, the
Renja form's "Tingkat capaian Renja" and the capaian against the Renstra end target; per
program/kegiatan/sub-kegiatan (by code) pagu, realisasi and percentage; and the validation
problems.

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
from kinerja.selectors import (
    LABEL_STATUS,
    LABEL_SUMBER_TARGET,
    LABEL_TINGKAT,
    STATUS_DIHITUNG,
    STATUS_TIDAK_TERHITUNG,
    BarisEvaluasiRenja,
    BarisIndikator,
    Pengukuran,
    catatan_capaian,
    pengukuran_kinerja,
)
from kinerja.serialisasi import pengukuran_json
from kinerja.validasi import ERROR, Masalah, validasi_pd
from renstra.models import PerangkatDaerah

PESAN_PD_TIDAK_ADA = "Perangkat daerah dengan slug '{slug}' tidak ditemukan."

JUDUL = "PENGUKURAN KINERJA {nama} ({slug})"
JUDUL_PERIODE = "Tahun {tahun}, realisasi s.d. {triwulan}; {status}"
STATUS_RESMI = "hanya realisasi yang disetujui"
STATUS_SEMUA = "termasuk realisasi yang belum disetujui"
JUDUL_SKALA = "Skala kategori: {nama}"
JUDUL_TUJUAN = "Tujuan {kode}: {uraian}"
JUDUL_SASARAN = "Sasaran {kode}: {uraian}"
BARIS_INDIKATOR = (
    "  {kode}  {uraian}\n"
    "      target {target} | realisasi {realisasi} | capaian {capaian} | {kategori}"
)
BARIS_ALASAN = "      {alasan}"
TANDA_DRAF = "      (ada realisasi yang belum disetujui)"
RATA_TUJUAN = "  Rata-rata capaian tujuan: {nilai} ({n} indikator) {kategori}"
RATA_SASARAN = "  Rata-rata capaian sasaran: {nilai} ({n} indikator) {kategori}"
BARIS_DIKECUALIKAN = "  Tidak dirata-rata: {kode} — {alasan}"
RATA_PD = "Rata-rata capaian perangkat daerah: {nilai} ({n} sasaran) {kategori}"
BARIS_SASARAN_DIKECUALIKAN = "Sasaran tidak dirata-rata: {kode} — {alasan}"
JUDUL_RENCANA = "PENGUKURAN INDIKATOR PROGRAM, KEGIATAN DAN SUB-KEGIATAN s.d. {triwulan}"
JUDUL_OBJEK = "{indent}{tingkat} {kode}  {nama}"
BARIS_INDIKATOR_RENCANA = (
    "{indent}  {kode}  {uraian}\n"
    "{indent}      target {target} | realisasi {realisasi} | capaian {capaian}"
    " | {kategori}\n"
    "{indent}      Tingkat capaian Renja: target {target_renja} | capaian"
    " {capaian_renja} | {kategori_renja}\n"
    "{indent}      Renstra: target akhir {target_akhir} | realisasi s.d. tahun lalu {lalu}"
    " | s.d. {tahun} {sd_ini} | capaian {capaian_renstra}"
)
BARIS_ALASAN_RENCANA = "{indent}      {alasan}"
AWALAN_RENJA = "Tingkat capaian Renja: "
RATA_RENCANA = "Rata-rata tingkat capaian Renja: {nilai} ({n} indikator) {kategori}"
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


def _target(nilai: Any, sumber: str | None, tahun: int | None) -> str:
    """ "73 (PK 2023)", "288 (Renja 2023)", or "—" without target."""
    if sumber is None:
        return _teks_nilai(nilai)
    label = LABEL_SUMBER_TARGET.get(sumber, sumber)
    return f"{_teks_nilai(nilai)} ({label} {tahun})" if tahun else f"{_teks_nilai(nilai)} ({label})"


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
            semua_tingkat=True,
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
        for t in p.kelompok_tujuan:
            self._kelompok(JUDUL_TUJUAN, RATA_TUJUAN, t, p.batas_rata_rata)
        for s in p.sasaran:
            self._kelompok(JUDUL_SASARAN, RATA_SASARAN, s, p.batas_rata_rata)
        tulis(
            RATA_PD.format(
                nilai=format_persen(p.rata_rata),
                n=p.jumlah_sasaran_dipakai,
                kategori=p.kategori.label if p.kategori else "",
            )
        )
        for s in p.sasaran_dikecualikan:
            tulis(BARIS_SASARAN_DIKECUALIKAN.format(kode=s.kode, alasan=s.alasan))
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
        self._rencana(p)
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

    def _alasan(
        self, status: str, pesan: str | None, catatan, indent: str = "", awalan: str = ""
    ) -> None:
        """Why a row has no capaian ("belum ada data" named as such), then the notes."""
        tulis = self.stdout.write
        if status != STATUS_DIHITUNG:
            teks = awalan + LABEL_STATUS[status]
            if pesan and status == STATUS_TIDAK_TERHITUNG:
                teks = f"{teks}. {pesan}"
            tulis(BARIS_ALASAN_RENCANA.format(indent=indent, alasan=teks))
        for c in catatan:
            tulis(BARIS_ALASAN_RENCANA.format(indent=indent, alasan=c))

    def _kelompok(self, judul: str, rata: str, k, batas) -> None:
        """One tujuan or sasaran: its indicators, their average, the indicators left out."""
        tulis = self.stdout.write
        tulis(judul.format(kode=k.kode, uraian=k.uraian))
        for b in k.indikator:
            self._indikator(b, batas)
        tulis(
            rata.format(
                nilai=format_persen(k.rata_rata),
                n=k.jumlah_dipakai,
                kategori=k.kategori.label if k.kategori else "",
            )
        )
        for d in k.dikecualikan:
            tulis(BARIS_DIKECUALIKAN.format(kode=d.kode, alasan=d.alasan))
        tulis("")

    def _indikator(self, b: BarisIndikator, batas) -> None:
        """One tujuan or sasaran indicator."""
        self.stdout.write(
            BARIS_INDIKATOR.format(
                kode=b.indikator.kode,
                uraian=b.indikator.uraian,
                target=_target(b.target, b.sumber_target, b.tahun_target),
                realisasi=_teks_nilai(b.realisasi),
                capaian=format_persen(b.capaian.nilai),
                kategori=b.kategori.label if b.kategori else TANDA_KOSONG,
            )
        )
        self._alasan(b.status, b.capaian.pesan, catatan_capaian(b.capaian, batas))
        if b.ada_draf:
            self.stdout.write(TANDA_DRAF)

    def _rencana(self, p: Pengukuran) -> None:
        """Program → kegiatan → sub-kegiatan indicators (the Renja form's indicator rows)."""
        if p.rencana is None:
            return
        baris = p.indikator_rencana()
        tulis = self.stdout.write
        tulis(JUDUL_RENCANA.format(triwulan=format_triwulan(p.triwulan)))
        batas = p.rencana.batas_rata_rata
        for b in baris:
            indent = "  " * {"program": 1, "kegiatan": 2, "sub_kegiatan": 3}[b.jenis]
            if b.baris_pertama:
                tulis(
                    JUDUL_OBJEK.format(
                        indent=indent, tingkat=LABEL_TINGKAT[b.jenis], kode=b.kode, nama=b.nama
                    )
                )
            self._indikator_rencana(b, indent, p.tahun, batas)
        ev = p.rencana
        tulis(
            RATA_RENCANA.format(
                nilai=format_persen(ev.rata_rata_capaian_kinerja),
                n=ev.jumlah_indikator_dipakai,
                kategori=ev.kategori.label if ev.kategori else "",
            )
        )
        for d in ev.dikecualikan:
            tulis(BARIS_DIKECUALIKAN.format(kode=d.kode, alasan=d.alasan))
        tulis("")

    def _indikator_rencana(self, b: BarisEvaluasiRenja, indent: str, tahun: int, batas) -> None:
        ind = b.indikator
        self.stdout.write(
            BARIS_INDIKATOR_RENCANA.format(
                indent=indent,
                kode=ind.kode,
                uraian=f"{ind.uraian} ({ind.satuan})" if ind.satuan else ind.uraian,
                target=_target(b.target_ukur, b.sumber_target_ukur, b.tahun_target_ukur),
                realisasi=_teks_nilai(b.realisasi),
                capaian=format_persen(b.capaian_ukur.nilai),
                kategori=b.kategori_ukur.label if b.kategori_ukur else TANDA_KOSONG,
                target_renja=_target(b.target_renja, b.sumber_target_renja, b.tahun_target_renja),
                capaian_renja=format_persen(b.capaian_renja.nilai),
                kategori_renja=b.kategori_renja.label if b.kategori_renja else TANDA_KOSONG,
                target_akhir=_teks_nilai(b.target_renstra_akhir),
                lalu=_teks_nilai(b.realisasi_sd_tahun_lalu),
                tahun=tahun,
                sd_ini=_teks_nilai(b.realisasi_renstra),
                capaian_renstra=format_persen(
                    b.capaian_renstra.nilai if b.capaian_renstra else None
                ),
            )
        )
        self._alasan(
            b.status,
            b.capaian_ukur.pesan,
            catatan_capaian(b.capaian_ukur, None),
            indent,
        )
        if b.status_renja != STATUS_DIHITUNG and (
            b.status_renja != b.status or b.capaian_renja.alasan != b.capaian_ukur.alasan
        ):
            self._alasan(b.status_renja, b.capaian_renja.pesan, (), indent, AWALAN_RENJA)
        for c in catatan_capaian(b.capaian_renja, batas):
            if c not in b.capaian_ukur.catatan:
                self.stdout.write(BARIS_ALASAN_RENCANA.format(indent=indent, alasan=c))
        if b.ada_draf:
            self.stdout.write(f"{indent}{TANDA_DRAF}")
