"""Validation rules run before submission and before printing (DOMAIN.md §9).

`validasi_pd(pd=..., tahun=...)` lists every problem of a PD's data for one year, each with a
rule id (`kode`), a level ("error" must be fixed; "peringatan" must be looked at), an
Indonesian message and the object it concerns (model label, pk and a human label, so a view
can link to the record). The rules read the same loaded data and the same roll-ups as the
report selectors, so a report and its validation can never disagree. Fixed query count.

Values entered but not yet approved are validated too (a draft is still data to check).

The rules are grouped by family, one module each (the catalogue: docs/aturan-validasi.md):
`anggaran` (budget sums and ranges), `indikator` (realisations and targets), `kelengkapan`
(missing data), `nama_satuan` (the table of indicator names and fitting units), `pk`
(Perjanjian Kinerja rows), `identitas` (NIP, pangkat and golongan), `sumber_daya` (printed
staffing tables) and `tercetak` (what the report printed against the master data).
"""

from __future__ import annotations

from django.db.models import Q

from anggaran.models import AnggaranBelanja
from anggaran.selectors import anggaran_pd, hitung_pohon, muat_pohon_anggaran
from kinerja.models import EvaluasiSakip, Realisasi
from kinerja.selectors import DataIndikator, MuatanKinerja, muat_data_indikator, renstra_aktif
from kinerja.selectors.muatan import PESAN_MUATAN_LAIN
from renstra.models import (
    Indikator,
    Pejabat,
    PerangkatDaerah,
    Program,
    Sasaran,
    TabelSumberDaya,
    Tujuan,
)

from .anggaran import (
    KODE_BELANJA_TIDAK_SAMA,
    KODE_JUMLAH_ANAK_PAGU,
    KODE_JUMLAH_ANAK_REALISASI,
    KODE_PAGU_ANAK_MELEBIHI_INDUK,
    KODE_REALISASI_ANGGARAN_TAHUNAN,
    KODE_REALISASI_MELEBIHI_PAGU,
    PESAN_BELANJA_TIDAK_SAMA,
    PESAN_JUMLAH_ANAK_PAGU,
    PESAN_JUMLAH_ANAK_REALISASI,
    PESAN_PAGU_ANAK_MELEBIHI_INDUK,
    PESAN_REALISASI_MELEBIHI_PAGU,
    _cek_anggaran,
    _cek_belanja,
    cek_total_pd,
)
from .dasar import ERROR, PERINGATAN, Masalah, ObjekMasalah, _objek_indikator
from .identitas import KODE_NIP_TIDAK_SAH, KODE_PANGKAT_TIDAK_SAH, cek_pejabat
from .indikator import (
    KODE_BUKTI_KOSONG,
    KODE_CAPAIAN_TANPA_PENJELASAN,
    KODE_KUMULATIF_NEGATIF,
    KODE_PERSEN_MELEBIHI_100,
    KODE_PK_BERTENTANGAN,
    KODE_PK_TANPA_REALISASI,
    KODE_RASIO_TIDAK_SESUAI,
    KODE_TAHUNAN_TIDAK_SAMA,
    KODE_TARGET_AKHIR_DI_BAWAH,
    KODE_TARGET_BERBEDA,
    KODE_TARGET_DIJUMLAH_TRIWULAN,
    KODE_TARGET_RENCANA_BUKAN_PK,
    PESAN_CAPAIAN_TANPA_PENJELASAN,
    PESAN_PK_TANPA_REALISASI,
    PESAN_TARGET_BERBEDA,
    PESAN_TARGET_DIJUMLAH_TRIWULAN,
    PESAN_TARGET_RENCANA_BUKAN_PK,
    _cek_indikator,
)
from .kelengkapan import (
    KODE_IKU_TANPA_PK,
    KODE_IKU_TANPA_SUMBER_DATA,
    KODE_INDIKATOR_TANPA_NAMA,
    KODE_INDIKATOR_TANPA_SATUAN,
    KODE_PERIODE_RPJMD_KOSONG,
    KODE_TARGET_NOL_TEREALISASI,
    PESAN_INDIKATOR_TANPA_NAMA,
    PESAN_INDIKATOR_TANPA_SATUAN,
    PESAN_PERIODE_RPJMD_KOSONG,
    _cek_data_kosong,
    cek_iku_tanpa_pk,
    cek_iku_tanpa_sumber_data,
    cek_target_nol,
)
from .keluaran import (
    KODE_BELANJA_TANPA_KELUARAN,
    KODE_KELUARAN_TANPA_BELANJA,
    cek_keluaran_belanja,
)
from .nama_satuan import KODE_SATUAN_TIDAK_SESUAI, NamaSatuan, cek_nama_satuan
from .pk import KODE_PK_TARGET_KOSONG, cek_baris_pk, muat_baris_pk, nama_satuan_pk
from .silang import (
    KODE_FAKTA_GANDA_BERBEDA,
    KODE_KONDISI_AKHIR_BERBEDA,
    KODE_TARGET_SAMA_HASIL_EVALUASI,
    cek_fakta_ganda,
    cek_kondisi_akhir,
    cek_target_sama_hasil_evaluasi,
)
from .sumber_daya import KODE_TABEL_JUMLAH, PESAN_TABEL_JUMLAH, _angka_sel, _cek_tabel_sumber_daya
from .tercetak import (
    KODE_NAMA_TERCETAK_BERBEDA,
    KODE_NIP_TERCETAK,
    KODE_NIP_TERCETAK_BERBEDA,
    KODE_PANGKAT_TERCETAK,
    KODE_PANGKAT_TERCETAK_BERBEDA,
    KODE_RENCANA_AKSI_BERBEDA,
    KODE_SASARAN_PROGRAM_BERBEDA,
    KODE_SATUAN_TERCETAK_BERBEDA,
    KODE_SELISIH_PK_KOSONG,
    IndeksObjek,
    baca_tercetak,
    cek_tercetak,
)

__all__ = [
    "KODE_IKU_TANPA_PK",
    "KODE_KONDISI_AKHIR_BERBEDA",
    "KODE_SELISIH_PK_KOSONG",
    "KODE_TARGET_SAMA_HASIL_EVALUASI",
    "KODE_SATUAN_TERCETAK_BERBEDA",
    "KODE_SASARAN_PROGRAM_BERBEDA",
    "KODE_RENCANA_AKSI_BERBEDA",
    "KODE_PANGKAT_TERCETAK_BERBEDA",
    "KODE_PANGKAT_TERCETAK",
    "KODE_NIP_TERCETAK_BERBEDA",
    "KODE_NIP_TERCETAK",
    "KODE_NAMA_TERCETAK_BERBEDA",
    "KODE_PANGKAT_TIDAK_SAH",
    "KODE_NIP_TIDAK_SAH",
    "KODE_TARGET_NOL_TEREALISASI",
    "KODE_IKU_TANPA_SUMBER_DATA",
    "KODE_FAKTA_GANDA_BERBEDA",
    "KODE_PK_TARGET_KOSONG",
    "KODE_SATUAN_TIDAK_SESUAI",
    "KODE_KELUARAN_TANPA_BELANJA",
    "KODE_BELANJA_TANPA_KELUARAN",
    "ERROR",
    "KODE_BELANJA_TIDAK_SAMA",
    "KODE_BUKTI_KOSONG",
    "KODE_CAPAIAN_TANPA_PENJELASAN",
    "KODE_INDIKATOR_TANPA_NAMA",
    "KODE_INDIKATOR_TANPA_SATUAN",
    "KODE_JUMLAH_ANAK_PAGU",
    "KODE_JUMLAH_ANAK_REALISASI",
    "KODE_KUMULATIF_NEGATIF",
    "KODE_PAGU_ANAK_MELEBIHI_INDUK",
    "KODE_PERIODE_RPJMD_KOSONG",
    "KODE_PERSEN_MELEBIHI_100",
    "KODE_PK_BERTENTANGAN",
    "KODE_PK_TANPA_REALISASI",
    "KODE_RASIO_TIDAK_SESUAI",
    "KODE_REALISASI_ANGGARAN_TAHUNAN",
    "KODE_REALISASI_MELEBIHI_PAGU",
    "KODE_TABEL_JUMLAH",
    "KODE_TAHUNAN_TIDAK_SAMA",
    "KODE_TARGET_AKHIR_DI_BAWAH",
    "KODE_TARGET_BERBEDA",
    "KODE_TARGET_DIJUMLAH_TRIWULAN",
    "KODE_TARGET_RENCANA_BUKAN_PK",
    "PERINGATAN",
    "PESAN_BELANJA_TIDAK_SAMA",
    "PESAN_CAPAIAN_TANPA_PENJELASAN",
    "PESAN_INDIKATOR_TANPA_NAMA",
    "PESAN_INDIKATOR_TANPA_SATUAN",
    "PESAN_JUMLAH_ANAK_PAGU",
    "PESAN_JUMLAH_ANAK_REALISASI",
    "PESAN_PAGU_ANAK_MELEBIHI_INDUK",
    "PESAN_PERIODE_RPJMD_KOSONG",
    "PESAN_PK_TANPA_REALISASI",
    "PESAN_REALISASI_MELEBIHI_PAGU",
    "PESAN_TABEL_JUMLAH",
    "PESAN_TARGET_BERBEDA",
    "PESAN_TARGET_DIJUMLAH_TRIWULAN",
    "PESAN_TARGET_RENCANA_BUKAN_PK",
    "Masalah",
    "ObjekMasalah",
    "_angka_sel",
    "validasi_pd",
]


def _indeks_objek(renstra, data_list, pejabat, baris_pk, muatan=None) -> IndeksObjek:
    """The master data the printed-text rules compare with (4 queries, always run so the
    count does not depend on whether a printed report was loaded; 1, the tujuan, with a
    `muatan`, whose sasaran and programs with their sasaran links are those of the Renstra)."""
    tujuan = list(Tujuan.objects.filter(renstra=renstra)) if renstra is not None else []
    tautan: dict[int, set[int]] = {}
    if muatan is not None:
        sasaran = list(muatan.sasaran)
        program = list(muatan.pohon.program)
        for p in program:
            for s in p.sasaran.all():
                tautan.setdefault(p.pk, set()).add(s.pk)
    else:
        sasaran = list(Sasaran.objects.filter(renstra=renstra)) if renstra is not None else []
        program = list(Program.objects.filter(renstra=renstra)) if renstra is not None else []
        for program_id, sasaran_id in Program.sasaran.through.objects.filter(
            program__renstra=renstra
        ).values_list("program_id", "sasaran_id"):
            tautan.setdefault(program_id, set()).add(sasaran_id)
    target_pk: dict[tuple[int, int], list] = {}
    for b in baris_pk:
        if b.indikator_id is not None:
            target_pk.setdefault((b.indikator_id, b.perjanjian.tahun), []).append(b)
    return IndeksObjek(
        indikator={d.indikator.pk: d.indikator for d in data_list},
        sasaran={s.pk: s for s in sasaran},
        tujuan={t.pk: t for t in tujuan},
        program={p.pk: p for p in program},
        sasaran_program=tautan,
        pejabat={p.pk: p for p in pejabat},
        baris_pk={b.pk: b for b in baris_pk},
        target_pk=target_pk,
    )


def _muat_indikator(pd: PerangkatDaerah, tahun: int, renstra) -> list[DataIndikator]:
    """The PD's indicators of the Renstra (every indicator of the PD when no Renstra covers
    the year) with the targets of the year and the period's last year, the signed PK rows
    and the year's realisations with an evidence count (4 queries)."""
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
    return muat_data_indikator(
        qs.order_by("urutan", "id"),
        tahun_target=tahun_target,
        tahun_realisasi=[tahun],
        anotasi_bukti=True,
    )


def validasi_pd(
    *, pd: PerangkatDaerah, tahun: int, muatan: MuatanKinerja | None = None
) -> list[Masalah]:
    """Every problem of the PD's data for `tahun`, rule by rule (budget rules first).

    Queries (21): Renstra; programs; kegiatan; sub-kegiatan; pagu; realisasi anggaran; jenis
    belanja; the stated PD budget total; indicators; targets; signed PK rows; realisations (with
    an evidence count); staffing/facilities tables; SAKIP evaluations; PK rows of the year and
    the next (with their PK, pihak pertama, indicator); officials; the printed texts of the
    year's report (one per registered reader); sasaran; tujuan; programs (again, for their
    sasaran links); program–sasaran links.

    `muatan`: the PD-year's performance load (`kinerja.selectors.muat_kinerja`, official budget
    status) when the caller already has it: the Renstra, the budget tree, the indicators with
    their targets, PK rows, realisations and evidence counts, the sasaran and the programs'
    sasaran links are read from it, and the validation runs 8 queries (jenis belanja; the stated
    PD budget total; staffing tables; SAKIP evaluations; PK rows; officials; printed texts;
    tujuan). The result is the same. ValueError for a load of another PD, year or budget status,
    or one without the years the rules read. A load without a Renstra holds no indicator, while
    the rules then check every indicator of the PD: that case loads as without `muatan`.
    """
    if muatan is not None:
        # The budget rules read approved realisasi anggaran only (as without `muatan`).
        if not muatan.hanya_resmi:
            raise ValueError(PESAN_MUATAN_LAIN)
        akhir = (muatan.renstra.tahun_akhir,) if muatan.renstra is not None else ()
        muatan.periksa(pd, tahun, tahun_target=(tahun, *akhir), tahun_realisasi=(tahun,))
        if muatan.renstra is None:
            muatan = None
    if muatan is not None:
        renstra, pohon = muatan.renstra, muatan.pohon
    else:
        renstra = renstra_aktif(pd=pd, tahun=tahun)
        pohon = muat_pohon_anggaran(renstra=renstra, tahun_list=[tahun])
    rekap = hitung_pohon(pohon, pd_id=pd.pk, tahun=tahun, triwulan=4)
    belanja = list(AnggaranBelanja.objects.filter(perangkat_daerah=pd, tahun=tahun))
    masalah = list(_cek_anggaran(rekap.program, pohon, tahun))
    masalah += _cek_belanja(pd, belanja, rekap)
    masalah += cek_total_pd(anggaran_pd(pd=pd, tahun=tahun), rekap)

    data_list = list(muatan.data) if muatan is not None else _muat_indikator(pd, tahun, renstra)
    baris_pk = muat_baris_pk(pd, tahun)
    # Indicators of a PK of the year → whether a reason for a differing target is recorded.
    pk_ids: dict[int, bool] = {}
    for b in baris_pk:
        if b.perjanjian.tahun == tahun and b.indikator_id is not None:
            alasan = bool(b.alasan_selisih.strip())
            pk_ids[b.indikator_id] = pk_ids.get(b.indikator_id, False) or alasan
    tahun_akhir = renstra.tahun_akhir if renstra is not None else None
    for data in data_list:
        masalah += _cek_indikator(data, tahun, tahun_akhir, pk_ids)
    masalah += _cek_data_kosong(renstra, data_list)
    masalah += cek_iku_tanpa_sumber_data(data_list)
    masalah += cek_iku_tanpa_pk(data_list, tahun, pk_ids)
    masalah += cek_target_nol(data_list, tahun)
    masalah += cek_fakta_ganda(data_list, tahun)
    masalah += cek_kondisi_akhir(data_list, tahun_akhir)
    masalah += cek_target_sama_hasil_evaluasi(
        data_list, tahun, EvaluasiSakip.objects.filter(perangkat_daerah=pd)
    )
    masalah += cek_keluaran_belanja(rekap.program, data_list, tahun)
    masalah += cek_baris_pk(baris_pk, tahun)
    masalah += cek_nama_satuan(
        [
            *(
                NamaSatuan(
                    d.indikator.kode,
                    d.indikator.uraian,
                    d.indikator.satuan,
                    _objek_indikator(d.indikator),
                )
                for d in data_list
            ),
            *nama_satuan_pk(baris_pk),
        ]
    )
    pejabat = list(Pejabat.objects.filter(perangkat_daerah=pd).order_by("id"))
    masalah += cek_pejabat(pejabat)
    teks = baca_tercetak(pd, tahun)
    masalah += cek_tercetak(teks, _indeks_objek(renstra, data_list, pejabat, baris_pk, muatan))
    masalah += _cek_tabel_sumber_daya(TabelSumberDaya.objects.filter(perangkat_daerah=pd))
    return masalah


def masalah_realisasi(*, realisasi) -> list[Masalah]:
    """The problems of the PD's validation for the realisation's year that concern its
    indicator or one of the indicator's realisations: what an operator sees right after
    submitting it (the same rules as the LKjIP's approval gate; shown, not blocking, since
    the verifikator and the kepala decide next). Queries: those of `validasi_pd`, plus 1."""
    ind = realisasi.indikator
    pk_realisasi = set(
        Realisasi.objects.filter(indikator=ind, tahun=realisasi.tahun).values_list("pk", flat=True)
    )
    return [
        m
        for m in validasi_pd(pd=ind.perangkat_daerah, tahun=realisasi.tahun)
        if (m.objek.model == "renstra.indikator" and m.objek.pk == ind.pk)
        or (m.objek.model == "kinerja.realisasi" and m.objek.pk in pk_realisasi)
    ]
