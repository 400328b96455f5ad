"""The Formulir Evaluasi Hasil Renja (Permendagri 86/2017): the plan tree with indicators,
targets, realisations, budgets and the analysis rows of each program.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q

from anggaran.selectors import hitung_pohon, muat_pohon_anggaran
from common.hitung import jumlah as _jumlah
from common.hitung import persen as _persen
from kinerja.capaian import (
    HasilCapaian,
    Kategori,
    rata_rata_capaian,
)
from kinerja.models import AnalisisProgram, StatusRealisasi
from renstra.kode import adalah_kode_kepmendagri
from renstra.models import (
    CaraAgregasi,
    Indikator,
    JenisTarget,
    PerangkatDaerah,
    PeriodeRenstra,
    Program,
)
from renstra.selectors import nama_urusan_bidang, periksa_triwulan, renstra_aktif

from .muat import (
    PESAN_ANALISIS,
    PESAN_TIDAK_TERHITUNG,
    SUMBER_KONDISI_AKHIR,
    SUMBER_RENSTRA,
    URUTAN_TARGET_RENJA,
    URUTAN_VERSI_TARGET,
    DataIndikator,
    IndikatorDikecualikan,
    InfoIndikator,
    Skala,
    _angka_atau_huruf,
    batas_rata_rata,
    capaian_indikator,
    gabung,
    muat_data_indikator,
    muat_skala,
    nilai_realisasi,
    pilih_target,
    status_ukur,
    tahun_target,
)
from .muatan import MuatanKinerja

# --- Formulir Evaluasi Hasil Renja (Permendagri 86/2017) -----------------------------------

JENIS_URUSAN = "urusan"
JENIS_BIDANG = "bidang"
JENIS_ANALISIS = "analisis"
_KOSONG4: tuple[Any, Any, Any, Any] = (None, None, None, None)
TINGKAT_OBJEK = ("program", "kegiatan", "sub_kegiatan")
"""The plan levels of the form's rows (and of their indicators)."""


@dataclass(frozen=True)
class BarisEvaluasiRenja:
    """One printed row of the form (DOMAIN.md §7.5), in print order.

    `jenis`: "urusan", "bidang", "program", "kegiatan", "sub_kegiatan", or "analisis" (the
    four text rows after each program, in `analisis`). A node with several indicators gets
    one row per indicator; its Rp columns are on its first row only (`baris_pertama`;
    `jumlah_baris` is the rowspan); a node without indicator gets one row with `indikator`
    None. K columns follow each indicator's cara_agregasi across quarters and years
    (kumulatif adds, posisi_akhir takes the latest, rata_rata averages).
    """

    jenis: str
    kode: str
    nama: str
    nomor: int | None = None
    """Program number (1, 2, …), repeated on the rows below the program."""
    sasaran: str = ""
    """The program's sasaran (from the Renstra links), repeated below the program."""
    objek_id: int | None = None
    baris_pertama: bool = True
    jumlah_baris: int = 1
    indikator: InfoIndikator | None = None
    unit_penanggung_jawab: str = ""
    # K (kinerja)
    target_renstra_akhir: Any = None
    """Col 6: kumulatif → Σ yearly Renstra targets; else the last year's; else kondisi akhir."""
    sumber_target_renstra_akhir: str | None = None
    """"renstra_jumlah", "renstra" or "kondisi_akhir" (`_target_renstra_akhir`)."""
    realisasi_sd_tahun_lalu: Any = None
    """Col 7: the previous years of the period combined by the aggregation rule."""
    target_renja: Any = None
    """Col 8: the Renja target of the year (else PK perubahan, PK, Renstra)."""
    sumber_target_renja: str | None = None
    tahun_target_renja: int | None = None
    """The year of the col 8 target (the year evaluated, or None when there is none)."""
    realisasi_triwulan: tuple[Any, Any, Any, Any] = _KOSONG4
    """Cols 9–12: the values reported for TW I–IV (None after TW n)."""
    realisasi: Any = None
    """Col 13: s.d. TW n combined by the aggregation rule."""
    sumber_realisasi: str | None = None
    """"triwulan" (quarters combined) or "tahunan" (the yearly value at TW IV) for col 13."""
    ada_draf: bool = False
    """Values not yet approved exist for TW 0..n of the year (used only if not hanya_resmi)."""
    realisasi_renstra: Any = None
    """Col 14 = 7 + 13 by the aggregation rule (posisi_akhir: the latest)."""
    capaian_renstra: HasilCapaian | None = None
    """Col 15 = 14 / 6 × 100 (by the indicator's polarity)."""
    capaian_renja: HasilCapaian | None = None
    """Tingkat capaian Renja = 13 / 8 × 100."""
    kategori_renja: Kategori | None = None
    target_ukur: Any = None
    """The target the LKjIP measures against (PK perubahan, PK, Renja, Renstra: the order of
    the pengukuran), printed with the program's indicators in LKjIP Bab III."""
    sumber_target_ukur: str | None = None
    tahun_target_ukur: int | None = None
    capaian_ukur: HasilCapaian | None = None
    """Col 13 against `target_ukur`: the capaian the LKjIP prints for this indicator."""
    kategori_ukur: Kategori | None = None
    # Rp (anggaran)
    pagu_renstra: Decimal | None = None
    """Col 6 Rp: Σ pagu of the period's years that have one."""
    realisasi_anggaran_sd_tahun_lalu: Decimal | None = None
    pagu: Decimal | None = None
    realisasi_anggaran_triwulan: tuple[Any, Any, Any, Any] = _KOSONG4
    realisasi_anggaran: Decimal | None = None
    realisasi_anggaran_renstra: Decimal | None = None
    persen_anggaran_renstra: Decimal | None = None
    persen_anggaran: Decimal | None = None
    """13 / 8 × 100 (Rp)."""
    analisis: tuple[tuple[str, str], ...] = ()
    """On "analisis" rows: (label, text) of the four text rows."""

    @property
    def status(self) -> str | None:
        """Data status of the measurement against `target_ukur` (`muat.status_ukur`);
        None on a row without indicator."""
        if self.indikator is None:
            return None
        return status_ukur(self.target_ukur, self.realisasi, self.capaian_ukur)

    @property
    def status_renja(self) -> str | None:
        """Data status of the capaian Renja (13 / 8)."""
        if self.indikator is None:
            return None
        return status_ukur(self.target_renja, self.realisasi, self.capaian_renja)


@dataclass(frozen=True)
class EvaluasiRenja:
    """The form: its rows (iterable and indexable like a list) and the footer."""

    pd_id: int
    tahun: int
    triwulan: int
    renstra_tahun_awal: int | None
    renstra_tahun_akhir: int | None
    baris: tuple[BarisEvaluasiRenja, ...]
    jumlah: BarisEvaluasiRenja
    """Footer JUMLAH: the Rp columns summed over the programs, percentages recomputed."""
    rata_rata_capaian_kinerja: Decimal | None
    """Mean capaian Renja (13 / 8) of every indicator row, capped as the PD setting says."""
    jumlah_indikator_dipakai: int
    rata_rata_capaian_renstra: Decimal | None
    """Mean of col 15 K over the indicator rows."""
    kategori: Kategori | None
    predikat: str | None
    """Predikat kinerja: the category label of `rata_rata_capaian_kinerja`."""
    batas_rata_rata: Decimal | None
    skala: Skala
    dikecualikan: tuple[IndikatorDikecualikan, ...] = ()
    """Indicator rows left out of `rata_rata_capaian_kinerja` (no capaian Renja), with why."""

    def __iter__(self) -> Iterator[BarisEvaluasiRenja]:
        return iter(self.baris)

    def __len__(self) -> int:
        return len(self.baris)

    def __getitem__(self, indeks: int) -> BarisEvaluasiRenja:
        return self.baris[indeks]


SUMBER_RENSTRA_JUMLAH = "renstra_jumlah"
"""Col 6 of a kumulatif indicator: the sum of the yearly Renstra targets."""


def _target_renstra_akhir(data: DataIndikator, renstra: PeriodeRenstra) -> tuple[Any, str | None]:
    """Col 6 K and where it comes from: "renstra_jumlah" (kumulatif: Σ yearly Renstra
    targets), "renstra" (the last year's Renstra target), "kondisi_akhir", or (None, None)."""
    ind = data.indikator
    tahunan = [
        data.target.get((t, JenisTarget.RENSTRA))
        for t in range(renstra.tahun_awal, renstra.tahun_akhir + 1)
    ]
    if ind.cara_agregasi == CaraAgregasi.KUMULATIF:
        angka = [
            t.nilai_masukan()
            for t in tahunan
            if t is not None and isinstance(t.nilai_masukan(), Decimal)
        ]
        if angka:
            return _jumlah(angka), SUMBER_RENSTRA_JUMLAH
    elif tahunan[-1] is not None and not tahunan[-1].kosong:
        return tahunan[-1].nilai_masukan(), SUMBER_RENSTRA
    akhir = _angka_atau_huruf(ind.kondisi_akhir, ind.jenis_nilai)
    return akhir, (SUMBER_KONDISI_AKHIR if akhir is not None else None)


def _teks_analisis(
    data_list: Sequence[DataIndikator],
    tahun: int,
    triwulan: int,
    hanya_resmi: bool,
    analisis: AnalisisProgram | None = None,
) -> tuple[tuple[str, str], ...]:
    """The four text rows of a program: its AnalisisProgram of TW n when written, else
    compiled from its indicators' realisation of TW n (or of the year)."""
    if analisis is not None:
        isi = (
            analisis.faktor_pendorong,
            analisis.faktor_penghambat,
            analisis.tindak_lanjut_triwulan,
            analisis.tindak_lanjut_renja,
        )
        return tuple(zip(PESAN_ANALISIS, isi, strict=True))
    teks: tuple[list[str], list[str], list[str]] = ([], [], [])
    for data in data_list:
        r = data.realisasi.get((tahun, triwulan)) or data.realisasi.get((tahun, 0))
        if r is None or (hanya_resmi and r.status != StatusRealisasi.DISETUJUI):
            continue
        for daftar, isi in zip(
            teks, (r.faktor_pendorong, r.faktor_penghambat, r.tindak_lanjut), strict=True
        ):
            if isi and isi not in daftar:
                daftar.append(isi)
    # A realisation has one tindak lanjut: it fills the next-quarter row; the next-Renja
    # row comes only from an AnalisisProgram.
    isi = ("\n".join(teks[0]), "\n".join(teks[1]), "\n".join(teks[2]), "")
    return tuple(zip(PESAN_ANALISIS, isi, strict=True))


def _kolom_rp(bagian: Sequence[tuple[dict, Any]], tahun_lalu: list[int], triwulan: int) -> dict:
    """Rp columns of one node, or summed over several (urusan, bidang, JUMLAH).

    `bagian`: (per-year rows {tahun: BarisAnggaran}, row of the year evaluated) per node.
    """
    pagu_renstra = _jumlah(b.pagu for per_tahun, _ in bagian for b in per_tahun.values())
    real_lalu = _jumlah(per_tahun[t].realisasi for per_tahun, _ in bagian for t in tahun_lalu)
    pagu = _jumlah(ini.pagu for _, ini in bagian)
    real = _jumlah(ini.realisasi for _, ini in bagian)
    real_renstra = _jumlah([real_lalu, real])
    return {
        "pagu_renstra": pagu_renstra,
        "realisasi_anggaran_sd_tahun_lalu": real_lalu,
        "pagu": pagu,
        "realisasi_anggaran_triwulan": tuple(
            _jumlah(ini.realisasi_triwulan[i] for _, ini in bagian) if i < triwulan else None
            for i in range(4)
        ),
        "realisasi_anggaran": real,
        "realisasi_anggaran_renstra": real_renstra,
        "persen_anggaran_renstra": _persen(real_renstra, pagu_renstra),
        "persen_anggaran": _persen(real, pagu),
    }


def _urusan_bidang(kode: str) -> tuple[str, str]:
    """("8", "8.01") for a Kepmendagri program code, ("", "") for a local code."""
    if not adalah_kode_kepmendagri(kode):
        return "", ""
    bagian = kode.split(".")
    return bagian[0], f"{bagian[0]}.{bagian[1]}"


def evaluasi_renja(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    hanya_resmi: bool = True,
    muatan: MuatanKinerja | None = None,
) -> EvaluasiRenja:
    """The Formulir Evaluasi Hasil Renja (Permendagri 86/2017) of TW `triwulan` of `tahun`.

    Rows: urusan and bidang (from the programs' Kepmendagri codes, named from the
    nomenclature), then program → kegiatan → sub-kegiatan (one row per indicator), each
    program followed by its "analisis" row. Footer: JUMLAH (Rp), the mean capaian of the
    indicator rows (capaian Renja, 13 / 8) and its category ("predikat kinerja"), with the
    rows left out of it (`dikecualikan`).

    Columns 6, 7, 14 and 15 (K and Rp) are filled on program, kegiatan and sub-kegiatan rows
    alike. The indicator rows are also THE measurement of the program, kegiatan and
    sub-kegiatan indicators (`pengukuran_kinerja(semua_tingkat=True)`, the JSON and API):
    `capaian_ukur` against the LKjIP's target and `capaian_renja` against the Renja target.

    Queries (14): Renstra; programs; program→sasaran; kegiatan; sub-kegiatan; pagu;
    realisasi anggaran; nomenclature; indicators; targets; signed PK rows; realisations; scale;
    analisis program. With `muatan` (`muat_kinerja` of the same PD, year and `hanya_resmi`):
    1, the analisis program.
    """
    periksa_triwulan(triwulan)
    if muatan is not None:
        muatan.periksa(pd, tahun, hanya_resmi=hanya_resmi)
        renstra, skala = muatan.renstra, muatan.skala
    else:
        renstra = renstra_aktif(pd=pd, tahun=tahun)
        skala = muat_skala()
    batas = batas_rata_rata(pd)
    if renstra is None:
        return EvaluasiRenja(
            pd_id=pd.pk,
            tahun=tahun,
            triwulan=triwulan,
            renstra_tahun_awal=None,
            renstra_tahun_akhir=None,
            baris=(),
            jumlah=BarisEvaluasiRenja("jumlah", "", "JUMLAH"),
            rata_rata_capaian_kinerja=None,
            jumlah_indikator_dipakai=0,
            rata_rata_capaian_renstra=None,
            kategori=None,
            predikat=None,
            batas_rata_rata=batas,
            skala=skala,
        )
    tahun_periode = list(range(renstra.tahun_awal, renstra.tahun_akhir + 1))
    tahun_lalu = [t for t in tahun_periode if t < tahun]
    if muatan is not None:
        muatan.periksa(pd, tahun, tahun_target=tahun_periode, tahun_realisasi=(*tahun_lalu, tahun))
        pohon, nama_kode = muatan.pohon, muatan.nama_kode
        data_rencana = muatan.indikator(*TINGKAT_OBJEK)
    else:
        pohon = muat_pohon_anggaran(
            renstra=renstra, tahun_list=tahun_periode, dengan_sasaran=True, hanya_resmi=hanya_resmi
        )
        nama_kode = nama_urusan_bidang()
        qs = (
            Indikator.objects.filter(perangkat_daerah=pd)
            .filter(
                Q(program__renstra=renstra)
                | Q(kegiatan__program__renstra=renstra)
                | Q(sub_kegiatan__kegiatan__program__renstra=renstra)
            )
            .select_related("penanggung_jawab")
            .order_by("urutan", "id")
        )
        data_rencana = muat_data_indikator(
            qs, tahun_target=tahun_periode, tahun_realisasi=[*tahun_lalu, tahun]
        )
    per_objek: dict[tuple[str, int], list[DataIndikator]] = defaultdict(list)
    for data in data_rencana:
        ind = data.indikator
        per_objek[(ind.tingkat, ind.program_id or ind.kegiatan_id or ind.sub_kegiatan_id)].append(
            data
        )

    # The budget tree of the year evaluated (TW n) and of each year of the period (TW IV).
    rekap_ini = hitung_pohon(pohon, pd_id=pd.pk, tahun=tahun, triwulan=triwulan)
    rekap_tahun = {t: hitung_pohon(pohon, pd_id=pd.pk, tahun=t, triwulan=4) for t in tahun_periode}

    def bagian_rp(tingkat: str, objek_id: int) -> tuple[dict, Any]:
        per_tahun = {t: rekap_tahun[t].indeks[(tingkat, objek_id)] for t in tahun_periode}
        return per_tahun, rekap_ini.indeks[(tingkat, objek_id)]

    analisis_program = {
        a.program_id: a
        for a in AnalisisProgram.objects.filter(
            program__renstra=renstra, tahun=tahun, triwulan=triwulan
        )
    }
    capaian_renja: list[Decimal | None] = []
    capaian_renstra: list[Decimal | None] = []
    dikecualikan: list[IndikatorDikecualikan] = []
    baris: list[BarisEvaluasiRenja] = []

    def tambah_objek(tingkat: str, objek, nomor: int, sasaran: str) -> list[DataIndikator]:
        rp = _kolom_rp([bagian_rp(tingkat, objek.pk)], tahun_lalu, triwulan)
        data_objek = per_objek.get((tingkat, objek.pk), [])
        unit = objek.unit_kerja.nama if objek.unit_kerja_id else ""
        umum = {
            "jenis": tingkat,
            "kode": objek.kode,
            "nama": objek.nama,
            "nomor": nomor,
            "sasaran": sasaran,
            "objek_id": objek.pk,
            "jumlah_baris": max(1, len(data_objek)),
        }
        if not data_objek:
            baris.append(BarisEvaluasiRenja(**umum, unit_penanggung_jawab=unit, **rp))
        for i, data in enumerate(data_objek):
            ind = data.indikator
            nilai_lalu = [
                nilai_realisasi(data, t, 4, hanya_resmi=hanya_resmi).nilai for t in tahun_lalu
            ]
            real = nilai_realisasi(data, tahun, triwulan, hanya_resmi=hanya_resmi)
            sd_ini = gabung([*nilai_lalu, real.nilai], ind.cara_agregasi)
            target_akhir, sumber_akhir = _target_renstra_akhir(data, renstra)
            target, sumber = pilih_target(data, tahun, URUTAN_TARGET_RENJA)
            target_nilai = target.nilai_masukan() if target else None
            cap_renja = capaian_indikator(ind, target_nilai, real.nilai)
            ukur, sumber_ukur = pilih_target(data, tahun, URUTAN_VERSI_TARGET)
            ukur_nilai = ukur.nilai_masukan() if ukur else None
            cap_renstra = capaian_indikator(ind, target_akhir, sd_ini)
            cap_ukur = capaian_indikator(ind, ukur_nilai, real.nilai)
            info = InfoIndikator.dari(ind)
            capaian_renja.append(cap_renja.nilai)
            capaian_renstra.append(cap_renstra.nilai)
            if cap_renja.nilai is None:
                dikecualikan.append(
                    IndikatorDikecualikan(
                        info.id, info.kode, info.uraian, cap_renja.pesan or PESAN_TIDAK_TERHITUNG
                    )
                )
            baris.append(
                BarisEvaluasiRenja(
                    **umum,
                    baris_pertama=i == 0,
                    indikator=info,
                    unit_penanggung_jawab=ind.penanggung_jawab.nama
                    if ind.penanggung_jawab_id
                    else unit,
                    target_renstra_akhir=target_akhir,
                    sumber_target_renstra_akhir=sumber_akhir,
                    realisasi_sd_tahun_lalu=gabung(nilai_lalu, ind.cara_agregasi)
                    if nilai_lalu
                    else None,
                    target_renja=target_nilai,
                    sumber_target_renja=sumber,
                    tahun_target_renja=tahun_target(target),
                    realisasi_triwulan=tuple(
                        v if n < triwulan else None for n, v in enumerate(real.triwulan)
                    ),
                    realisasi=real.nilai,
                    sumber_realisasi=real.sumber,
                    ada_draf=real.ada_draf,
                    realisasi_renstra=sd_ini,
                    capaian_renstra=cap_renstra,
                    capaian_renja=cap_renja,
                    kategori_renja=skala.kategori(cap_renja.nilai),
                    target_ukur=ukur_nilai,
                    sumber_target_ukur=sumber_ukur,
                    tahun_target_ukur=tahun_target(ukur),
                    capaian_ukur=cap_ukur,
                    kategori_ukur=skala.kategori(cap_ukur.nilai),
                    **(rp if i == 0 else {}),
                )
            )
        return data_objek

    program_per_kelompok: dict[str, list[Program]] = defaultdict(list)
    for program in pohon.program:
        for kode in _urusan_bidang(program.kode):
            if kode:
                program_per_kelompok[kode].append(program)
    sudah: set[str] = set()
    for nomor, program in enumerate(pohon.program, start=1):
        for jenis, kode in zip(
            (JENIS_URUSAN, JENIS_BIDANG), _urusan_bidang(program.kode), strict=True
        ):
            if kode and kode not in sudah:
                sudah.add(kode)
                bagian = [bagian_rp("program", p.pk) for p in program_per_kelompok[kode]]
                baris.append(
                    BarisEvaluasiRenja(
                        jenis,
                        kode,
                        nama_kode.get(kode, ""),
                        **_kolom_rp(bagian, tahun_lalu, triwulan),
                    )
                )
        sasaran = "; ".join(s.uraian for s in program.sasaran.all())
        data_program = tambah_objek("program", program, nomor, sasaran)
        for kegiatan in program.kegiatan_dimuat:
            data_program += tambah_objek("kegiatan", kegiatan, nomor, sasaran)
            for sub in kegiatan.sub_kegiatan_dimuat:
                data_program += tambah_objek("sub_kegiatan", sub, nomor, sasaran)
        baris.append(
            BarisEvaluasiRenja(
                JENIS_ANALISIS,
                program.kode,
                "",
                nomor=nomor,
                sasaran=sasaran,
                objek_id=program.pk,
                analisis=_teks_analisis(
                    data_program,
                    tahun,
                    triwulan,
                    hanya_resmi,
                    analisis_program.get(program.pk),
                ),
            )
        )

    jumlah = BarisEvaluasiRenja(
        "jumlah",
        "",
        "JUMLAH",
        **_kolom_rp([bagian_rp("program", p.pk) for p in pohon.program], tahun_lalu, triwulan),
    )
    rata = rata_rata_capaian(capaian_renja, batas)
    kat = skala.kategori(rata)
    return EvaluasiRenja(
        pd_id=pd.pk,
        tahun=tahun,
        triwulan=triwulan,
        renstra_tahun_awal=renstra.tahun_awal,
        renstra_tahun_akhir=renstra.tahun_akhir,
        baris=tuple(baris),
        jumlah=jumlah,
        rata_rata_capaian_kinerja=rata,
        jumlah_indikator_dipakai=sum(1 for c in capaian_renja if c is not None),
        rata_rata_capaian_renstra=rata_rata_capaian(capaian_renstra, batas),
        kategori=kat,
        predikat=kat.label if kat else None,
        batas_rata_rata=batas,
        skala=skala,
        dikecualikan=tuple(dikecualikan),
    )
