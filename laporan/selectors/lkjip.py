"""Report data of the documents: budget absorption per quarter, the LKjIP (analysis per
sasaran), the quarterly report, the Renja form, the Rencana Aksi report, and the values of the
narrative's placeholders (contracts: `laporan.selectors`)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from anggaran.selectors import (
    AnggaranPD,
    RekapAnggaran,
    RekapBelanja,
    anggaran_pd,
    rekap_anggaran,
    rekap_belanja,
)
from common.formatting import (
    TANDA_KOSONG,
    format_persen,
    format_rupiah,
    format_triwulan,
)
from common.hitung import jumlah, kurang
from common.hitung import persen as _persen
from kinerja.selectors import (
    JUMLAH_TAHUN_PERBANDINGAN,
    LABEL_SUMBER_TARGET,
    BarisPerbandingan,
    BarisSasaran,
    Efisiensi,
    EvaluasiRenja,
    Pengukuran,
    PerbandinganTahun,
    efisiensi,
    evaluasi_renja,
    muat_kinerja,
    pengukuran_kinerja,
    perbandingan_tahun,
)
from kinerja.validasi import Masalah, validasi_pd
from renstra.models import (
    PerangkatDaerah,
)

from ..tabel import format_nilai
from .rencana import (
    TAHUN_PEMBANDING,
    DataRencanaAksi,
    Identitas,
    MatriksRenstra,
    PKPerangkatDaerah,
    identitas,
    matriks_renstra,
    muat_rencana,
    perjanjian_kinerja_pd,
    rencana_aksi,
)

# --- Budget absorption per quarter ----------------------------------------------------------


@dataclass(frozen=True)
class SerapanProgram:
    kode: str
    nama: str
    pagu: Decimal | None
    kumulatif: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
    """Realisasi s.d. TW I..IV as a percentage of the year's pagu."""


def serapan_triwulan(rekap: RekapAnggaran) -> tuple[SerapanProgram, ...]:
    """Cumulative absorption per program and quarter, from a rekap_anggaran (no query)."""
    hasil = []
    for p in rekap.program:
        jalan: Decimal | None = None
        kumulatif = []
        for v in p.realisasi_triwulan:
            if v is not None:
                jalan = (jalan or Decimal(0)) + v
            kumulatif.append(_persen(jalan, p.pagu))
        hasil.append(SerapanProgram(p.kode, p.nama, p.pagu, tuple(kumulatif)))
    return tuple(hasil)


# --- The LKjIP ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgramPendukung:
    """A program serving a sasaran: its outcome indicators' capaian and its budget."""

    kode: str
    nama: str
    indikator: tuple[Any, ...]
    """Evaluasi Renja rows (BarisEvaluasiRenja) of the program's own indicators."""
    kegiatan: tuple[Any, ...]
    """Evaluasi Renja rows of its kegiatan (first row of each, for the budget)."""
    pagu: Decimal | None
    realisasi: Decimal | None
    persen: Decimal | None
    efisiensi: tuple[Any, ...]
    """Efisiensi rows of the program and its kegiatan and sub-kegiatan."""


@dataclass(frozen=True)
class AnalisisSasaran:
    """Everything the seven analyses of one sasaran print (DOMAIN.md §7.1 Bab III)."""

    nomor: int
    sasaran: BarisSasaran
    perbandingan: tuple[BarisPerbandingan, ...]
    program: tuple[ProgramPendukung, ...]
    pagu: Decimal | None
    realisasi: Decimal | None
    persen: Decimal | None


class _PeriodeIdentitas:
    """`tahun` and `triwulan` of a report's data, read from its `identitas`."""

    identitas: Identitas

    @property
    def tahun(self) -> int:
        return self.identitas.tahun

    @property
    def triwulan(self) -> int:
        return self.identitas.triwulan


@dataclass(frozen=True)
class DataLKjIP(_PeriodeIdentitas):
    identitas: Identitas
    matriks: MatriksRenstra
    pk: PKPerangkatDaerah | None
    pengukuran: Pengukuran
    perbandingan: PerbandinganTahun
    tahun_perbandingan: tuple[int, ...]
    """Previous years shown in the comparison tables (those with data, at most 2)."""
    analisis: tuple[AnalisisSasaran, ...]
    anggaran: RekapAnggaran
    belanja: RekapBelanja
    belanja_sesuai: bool
    """Whether the jenis-belanja totals equal the program-tree totals (then it is printed)."""
    efisiensi: Efisiensi
    evaluasi_renja: EvaluasiRenja
    rencana_aksi: DataRencanaAksi
    serapan: tuple[SerapanProgram, ...]
    validasi: tuple[Masalah, ...]
    kategori_jumlah: tuple[tuple[str, str, int], ...] = field(default=())
    """(urutan, label, n of indicators) per band of the scale."""
    anggaran_pd: AnggaranPD | None = None
    """The agency's budget total as a document states it (None when none is recorded)."""

    @property
    def tahun(self) -> int:
        return self.identitas.tahun

    @property
    def selisih_pagu_pd(self) -> Decimal | None:
        """Stated pagu − program-tree pagu (None without a stated total)."""
        return kurang(self.anggaran_pd.pagu, self.anggaran.pagu) if self.anggaran_pd else None

    @property
    def selisih_realisasi_pd(self) -> Decimal | None:
        """Stated realisasi − program-tree realisasi (None without a stated total)."""
        a = self.anggaran_pd
        return kurang(a.realisasi, self.anggaran.realisasi) if a else None

    @property
    def anggaran_pd_berbeda(self) -> bool:
        """Whether a stated total exists and its pagu or realisasi differs from the tree's."""
        return any(v for v in (self.selisih_pagu_pd, self.selisih_realisasi_pd))

    @property
    def pd(self) -> PerangkatDaerah:
        return self.identitas.pd


def _tahun_berdata(perbandingan: PerbandinganTahun, tahun: int) -> tuple[int, ...]:
    berdata = {
        n.tahun
        for b in perbandingan.baris
        for n in b.tahun
        if n.tahun < tahun and n.realisasi is not None
    }
    return tuple(sorted(berdata)[-TAHUN_PEMBANDING:]) or ((tahun - 1,) if tahun else ())


def _analisis(
    pengukuran: Pengukuran,
    perbandingan: PerbandinganTahun,
    matriks: MatriksRenstra,
    anggaran: RekapAnggaran,
    evaluasi: EvaluasiRenja,
    efis: Efisiensi,
) -> tuple[AnalisisSasaran, ...]:
    program_sasaran = {s.id: [kode for kode, _ in s.program] for s in matriks.sasaran}
    program_rekap = {p.kode: p for p in anggaran.program}
    renja_program: dict[str, list] = defaultdict(list)
    renja_kegiatan: dict[str, list] = defaultdict(list)
    kegiatan_program: dict[str, str] = {}
    for p in anggaran.program:
        for k in p.anak:
            kegiatan_program[k.kode] = p.kode
    for b in evaluasi.baris:
        if b.jenis == "program":
            renja_program[b.kode].append(b)
        elif b.jenis == "kegiatan" and b.baris_pertama and b.kode in kegiatan_program:
            renja_kegiatan[kegiatan_program[b.kode]].append(b)
    efis_program: dict[str, list] = defaultdict(list)
    for e in efis.baris:
        for kode in program_rekap:
            if e.kode == kode or e.kode.startswith(kode + "."):
                efis_program[kode].append(e)
                break
    per_sasaran = defaultdict(list)
    for b in perbandingan.baris:
        per_sasaran[b.sasaran_id].append(b)
    hasil = []
    for i, s in enumerate(pengukuran.sasaran, start=1):
        program = []
        for kode in program_sasaran.get(s.id, []):
            rp = program_rekap.get(kode)
            if rp is None:
                continue
            program.append(
                ProgramPendukung(
                    kode=kode,
                    nama=rp.nama,
                    indikator=tuple(b for b in renja_program.get(kode, []) if b.indikator),
                    kegiatan=tuple(renja_kegiatan.get(kode, [])),
                    pagu=rp.pagu,
                    realisasi=rp.realisasi,
                    persen=rp.persen,
                    efisiensi=tuple(efis_program.get(kode, [])),
                )
            )
        pagu = jumlah(p.pagu for p in program)
        real = jumlah(p.realisasi for p in program)
        hasil.append(
            AnalisisSasaran(
                nomor=i,
                sasaran=s,
                perbandingan=tuple(per_sasaran.get(s.id, [])),
                program=tuple(program),
                pagu=pagu,
                realisasi=real,
                persen=_persen(real, pagu),
            )
        )
    return tuple(hasil)


def data_lkjip(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    tanggal: datetime.date | None = None,
    nip: str | None = None,
) -> DataLKjIP:
    """Every number of the LKjIP of `pd` for `tahun` (measured at TW IV, approved values).

    The data is loaded once (`kinerja.selectors.muat_kinerja`: Renstra, scale, sasaran, the
    budget tree, every indicator with its targets and realisations) and given to every
    selector (`muatan=`, `pohon=`, `kinerja=`) and to the validation (`validasi_pd`), which
    then compute without loading again; the same selectors called alone load by themselves
    (counts pinned in tests/kinerja/test_selectors.py). The total is pinned in
    tests/laporan/test_muat_lkjip.py.
    """
    muatan = muat_kinerja(pd=pd, tahun=tahun, jumlah_tahun=JUMLAH_TAHUN_PERBANDINGAN)
    pengukuran = pengukuran_kinerja(pd=pd, tahun=tahun, triwulan=4, muatan=muatan)
    perbandingan = perbandingan_tahun(
        pd=pd, tahun=tahun, jumlah_tahun=JUMLAH_TAHUN_PERBANDINGAN, muatan=muatan
    )
    rencana = muat_rencana(pd=pd, tahun=tahun, kinerja=muatan)
    matriks = matriks_renstra(pd=pd, tahun=tahun, muatan=rencana)
    anggaran = rekap_anggaran(pd=pd, tahun=tahun, triwulan=4, pohon=muatan.pohon)
    belanja = rekap_belanja(pd=pd, tahun=tahun)
    total_pd = anggaran_pd(pd=pd, tahun=tahun)
    efis = efisiensi(pd=pd, tahun=tahun, muatan=muatan)
    evaluasi = evaluasi_renja(pd=pd, tahun=tahun, triwulan=4, muatan=muatan)
    jumlah_kategori: dict[str, int] = defaultdict(int)
    for _s, b in pengukuran.baris():
        if b.kategori is not None:
            jumlah_kategori[b.kategori.urutan] += 1
    kategori_jumlah = tuple(
        (p.urutan, p.label, jumlah_kategori.get(p.urutan, 0)) for p in pengukuran.skala.baris
    )
    return DataLKjIP(
        identitas=identitas(pd=pd, tahun=tahun, tanggal=tanggal, nip=nip),
        matriks=matriks,
        pk=perjanjian_kinerja_pd(pd=pd, tahun=tahun),
        pengukuran=pengukuran,
        perbandingan=perbandingan,
        tahun_perbandingan=_tahun_berdata(perbandingan, tahun),
        analisis=_analisis(pengukuran, perbandingan, matriks, anggaran, evaluasi, efis),
        anggaran=anggaran,
        belanja=belanja,
        belanja_sesuai=(
            bool(belanja.kelompok)
            and belanja.pagu == anggaran.pagu
            and belanja.realisasi == anggaran.realisasi
        ),
        efisiensi=efis,
        evaluasi_renja=evaluasi,
        rencana_aksi=rencana_aksi(pd=pd, tahun=tahun, muatan=rencana),
        serapan=serapan_triwulan(anggaran),
        validasi=tuple(validasi_pd(pd=pd, tahun=tahun, muatan=muatan)),
        kategori_jumlah=kategori_jumlah,
        anggaran_pd=total_pd,
    )


# --- The quarterly report, the Renja form, the Rencana Aksi --------------------------------


@dataclass(frozen=True)
class DataTriwulan(_PeriodeIdentitas):
    identitas: Identitas
    pengukuran: Pengukuran
    anggaran: RekapAnggaran
    validasi: tuple[Masalah, ...]


def data_triwulan(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    tanggal: datetime.date | None = None,
    nip: str | None = None,
) -> DataTriwulan:
    """The quarterly performance report (DOMAIN.md §7.2): IKU s.d. TW n and budget s.d. TW n.

    One performance load (`muat_kinerja`) for the measurement, the budget and the validation.
    """
    muatan = muat_kinerja(pd=pd, tahun=tahun)
    return DataTriwulan(
        identitas=identitas(pd=pd, tahun=tahun, triwulan=triwulan, tanggal=tanggal, nip=nip),
        pengukuran=pengukuran_kinerja(
            pd=pd, tahun=tahun, triwulan=triwulan, hanya_iku=True, muatan=muatan
        ),
        anggaran=rekap_anggaran(pd=pd, tahun=tahun, triwulan=triwulan, pohon=muatan.pohon),
        validasi=tuple(validasi_pd(pd=pd, tahun=tahun, muatan=muatan)),
    )


@dataclass(frozen=True)
class DataEvaluasiRenja(_PeriodeIdentitas):
    identitas: Identitas
    evaluasi: EvaluasiRenja
    sasaran: tuple[str, ...]
    """Sasaran PD tahunan, for the title block."""
    validasi: tuple[Masalah, ...]


def data_evaluasi_renja(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    tanggal: datetime.date | None = None,
    nip: str | None = None,
) -> DataEvaluasiRenja:
    """The Formulir Evaluasi Hasil Renja of TW `triwulan` (DOMAIN.md §7.5).

    One performance load (`muat_kinerja`: the Renstra and its sasaran among it) for the form
    and the validation.
    """
    muatan = muat_kinerja(pd=pd, tahun=tahun)
    return DataEvaluasiRenja(
        identitas=identitas(pd=pd, tahun=tahun, triwulan=triwulan, tanggal=tanggal, nip=nip),
        evaluasi=evaluasi_renja(pd=pd, tahun=tahun, triwulan=triwulan, muatan=muatan),
        sasaran=tuple(s.uraian for s in muatan.sasaran),
        validasi=tuple(validasi_pd(pd=pd, tahun=tahun, muatan=muatan)),
    )


@dataclass(frozen=True)
class DataRencanaAksiLaporan(_PeriodeIdentitas):
    identitas: Identitas
    rencana: DataRencanaAksi
    validasi: tuple[Masalah, ...] = ()

    @property
    def tahun(self) -> int:
        return self.identitas.tahun


def data_rencana_aksi(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    tanggal: datetime.date | None = None,
    nip: str | None = None,
) -> DataRencanaAksiLaporan:
    return DataRencanaAksiLaporan(
        identitas=identitas(pd=pd, tahun=tahun, tanggal=tanggal, nip=nip),
        rencana=rencana_aksi(pd=pd, tahun=tahun),
    )


# --- Placeholders of the narrative ----------------------------------------------------------


def _label_target(sumber: str | None) -> str:
    return LABEL_SUMBER_TARGET.get(sumber, "") if sumber else ""


def nilai_placeholder_pengukuran(pengukuran: Pengukuran, nilai: dict[str, str]) -> dict[str, str]:
    """Per indicator and sasaran values of a pengukuran, formatted (added to `nilai`)."""
    nilai["jumlah_sasaran"] = str(len(pengukuran.sasaran))
    nilai["jumlah_indikator"] = str(sum(len(s.indikator) for s in pengukuran.sasaran))
    nilai["jumlah_iku"] = str(sum(1 for _s, b in pengukuran.baris() if b.indikator.iku))
    nilai["capaian_pd"] = format_persen(pengukuran.rata_rata)
    nilai["kategori_pd"] = pengukuran.predikat or TANDA_KOSONG
    for s in pengukuran.sasaran:
        nilai[f"sasaran:{s.kode}"] = s.uraian
        nilai[f"capaian_sasaran:{s.kode}"] = format_persen(s.rata_rata)
        nilai[f"kategori_sasaran:{s.kode}"] = s.kategori.label if s.kategori else TANDA_KOSONG
        for b in s.indikator:
            k = b.indikator.kode
            nilai[f"indikator:{k}"] = b.indikator.uraian
            nilai[f"satuan:{k}"] = b.indikator.satuan
            nilai[f"target:{k}"] = format_nilai(b.target)
            nilai[f"sumber_target:{k}"] = _label_target(b.sumber_target) or TANDA_KOSONG
            nilai[f"realisasi:{k}"] = format_nilai(b.realisasi)
            nilai[f"capaian:{k}"] = format_persen(b.capaian.nilai)
            nilai[f"kategori:{k}"] = b.kategori.label if b.kategori else TANDA_KOSONG
    return nilai


def nilai_placeholder(data: DataLKjIP | DataTriwulan) -> dict[str, str]:
    """Every placeholder a narrative may use, formatted as printed.

    Keys: nama_pd, singkatan_pd, pemda, tahun, tahun_lalu, triwulan, periode_renstra,
    jumlah_sasaran, jumlah_indikator, jumlah_iku, capaian_pd, kategori_pd, pagu_total,
    realisasi_anggaran_total, serapan_total, sisa_anggaran (the agency's stated total when one
    is recorded, `DataLKjIP.anggaran_pd`, serapan and sisa recomputed from it; else the
    program tree's sum), pagu_program, realisasi_program, serapan_program (always the program
    tree's sum); per sasaran S: sasaran:S,
    capaian_sasaran:S, kategori_sasaran:S; per indicator K: indikator:K, satuan:K, target:K,
    sumber_target:K, realisasi:K, capaian:K, kategori:K, realisasi_lalu:K, capaian_lalu:K,
    target_akhir:K, capaian_akhir:K; per program P: program:P, pagu:P, realisasi_anggaran:P,
    serapan:P, sisa_anggaran:P; jumlah_kategori:<I..V>.
    """
    idt = data.identitas
    pd = idt.pd
    nilai: dict[str, str] = {
        "nama_pd": pd.nama,
        "singkatan_pd": pd.singkatan or pd.nama,
        "pemda": str(pd.pemda),
        "tahun": str(idt.tahun),
        "tahun_lalu": str(idt.tahun - 1),
        "kota": idt.tempat,
    }
    if idt.triwulan:
        nilai["triwulan"] = format_triwulan(idt.triwulan)
    nilai_placeholder_pengukuran(data.pengukuran, nilai)
    anggaran = data.anggaran
    nilai["pagu_program"] = format_rupiah(anggaran.pagu)
    nilai["realisasi_program"] = format_rupiah(anggaran.realisasi)
    nilai["serapan_program"] = format_persen(anggaran.persen)
    pagu, realisasi = anggaran.pagu, anggaran.realisasi
    total_pd = data.anggaran_pd if isinstance(data, DataLKjIP) else None
    if total_pd is not None:
        # The headline is the agency's own total; each amount it does not state stays the sum.
        pagu = total_pd.pagu if total_pd.pagu is not None else pagu
        realisasi = total_pd.realisasi if total_pd.realisasi is not None else realisasi
    nilai["pagu_total"] = format_rupiah(pagu)
    nilai["realisasi_anggaran_total"] = format_rupiah(realisasi)
    nilai["serapan_total"] = format_persen(_persen(realisasi, pagu))
    nilai["sisa_anggaran"] = format_rupiah(kurang(pagu, realisasi))
    nilai["jumlah_program"] = str(len(anggaran.program))
    for p in anggaran.program:
        nilai[f"program:{p.kode}"] = p.nama
        nilai[f"pagu:{p.kode}"] = format_rupiah(p.pagu)
        nilai[f"realisasi_anggaran:{p.kode}"] = format_rupiah(p.realisasi)
        nilai[f"serapan:{p.kode}"] = format_persen(p.persen)
        nilai[f"sisa_anggaran:{p.kode}"] = format_rupiah(p.sisa)
    if isinstance(data, DataLKjIP):
        r = data.matriks.renstra
        nilai["periode_renstra"] = f"{r.tahun_awal}–{r.tahun_akhir}" if r else TANDA_KOSONG
        for urutan, _label, n in data.kategori_jumlah:
            nilai[f"jumlah_kategori:{urutan}"] = str(n)
        for b in data.perbandingan.baris:
            k = b.indikator.kode
            lalu = [n for n in b.tahun if n.tahun == idt.tahun - 1]
            nilai[f"realisasi_lalu:{k}"] = format_nilai(lalu[0].realisasi) if lalu else TANDA_KOSONG
            nilai[f"capaian_lalu:{k}"] = (
                format_persen(lalu[0].capaian.nilai) if lalu else TANDA_KOSONG
            )
            nilai[f"target_akhir:{k}"] = format_nilai(b.target_akhir)
            nilai[f"capaian_akhir:{k}"] = format_persen(b.capaian_akhir.nilai)
    return nilai
