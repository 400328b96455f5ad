"""Issue 14 point 9: the LKjIP loads its data once per request, with a query count that does
not grow with the plan.

The Renstra matrix (Bab II, Lampiran IKU) and the Rencana Aksi (Lampiran III) used to load the
Renstra, sasaran, program links and indicators with their targets and signed PK rows twice;
they now share one `muat_rencana`. Measured on Paser 2023 before the change: `data_lkjip` 81
queries (matriks_renstra 8 + rencana_aksi 11 of them); after: 75 + the validation's own.

Then the kinerja selectors (pengukuran, perbandingan, efisiensi, evaluasi_renja) and
rekap_anggaran each repeated the Renstra lookup, the scale, the indicator load and the budget
tree: `data_lkjip` now loads them once (`kinerja.selectors.muat_kinerja`, 15 queries) and
gives that load to every selector (60 → 22 queries besides the validation's own).

Then the validation, which loaded the same plan, budget tree, indicators, targets, PK rows and
realisations again (21 queries), reads that load too (`validasi_pd(muatan=)`, 8 queries): Paser
2023 `data_lkjip` 23 + 21 = 44 → 23 + 8 = 31 queries, whatever the plan size.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.validasi import validasi_pd
from laporan import cetak
from laporan.selectors import data_lkjip, matriks_renstra, muat_rencana, rencana_aksi
from tests.kinerja.test_validasi_muatan import Q_VALIDASI, Q_VALIDASI_DENGAN_MUATAN

pytestmark = pytest.mark.django_db

# data_lkjip without validasi_pd (whose count its own tests pin): muat_kinerja 15 (Renstra;
# scale; sasaran; programs; program→sasaran; kegiatan; sub-kegiatan; pagu; realisasi
# anggaran; nomenclature; indicators; targets; signed PK rows; quarterly targets;
# realisations with an evidence count); then, from that load: pengukuran 0, perbandingan 0,
# rekap_anggaran 0, efisiensi 0, evaluasi_renja 1 (analisis program), muat_rencana 3 (tujuan
# with misi; RPJMD; rencana aksi rows); rekap_belanja 1; the stated PD budget total 1; signer
# 1; the head's PK in force 1 (none in 2023). The validation from the same load adds
# Q_VALIDASI_DENGAN_MUATAN (8; alone it runs Q_VALIDASI, 21).
Q_DATA_LKJIP = 23
Q_MUAT_KINERJA = 15
# Before: each selector loading by itself (pengukuran 8, perbandingan 6, muat_rencana 13,
# rekap_anggaran 6, rekap_belanja 1, efisiensi 10, evaluasi_renja 14, signer 1, PK 1) ...
Q_DATA_LKJIP_SEBELUM = 60
# ... and, before that, the two plan selectors loading separately (matriks 8 + rencana aksi 11).
Q_DATA_LKJIP_SEBELUM_RENCANA = 66
Q_MUAT_RENCANA = 13
Q_LAMPIRAN_PK = 4


def _jumlah(fungsi) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as c:
        hasil = fungsi()
    return len(c.captured_queries), hasil


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_data_lkjip_query_count_is_constant_in_plan_size(paser, paser_x5, besar):
    pd = paser_x5 if besar else paser
    q_data, data = _jumlah(lambda: data_lkjip(pd=pd, tahun=2023))

    # The validation runs from the report's load, not from a second load of its own.
    assert q_data == Q_DATA_LKJIP + Q_VALIDASI_DENGAN_MUATAN == 31
    assert q_data < Q_DATA_LKJIP + Q_VALIDASI
    assert Q_DATA_LKJIP < Q_DATA_LKJIP_SEBELUM < Q_DATA_LKJIP_SEBELUM_RENCANA
    assert [(m.kode, m.pesan, m.objek) for m in data.validasi] == [
        (m.kode, m.pesan, m.objek) for m in validasi_pd(pd=pd, tahun=2023)
    ]
    assert len(data.pengukuran.sasaran) == (30 if besar else 6)
    assert len(data.matriks.sasaran) == (30 if besar else 6)
    assert len(data.rencana_aksi.baris) > (100 if besar else 20)


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_plan_is_loaded_once_for_the_matrix_and_the_rencana_aksi(
    paser, paser_x5, besar, django_assert_num_queries
):
    pd = paser_x5 if besar else paser
    with django_assert_num_queries(Q_MUAT_RENCANA):
        muatan = muat_rencana(pd=pd, tahun=2023)
    with django_assert_num_queries(0):
        matriks = matriks_renstra(pd=pd, tahun=2023, muatan=muatan)
        ra = rencana_aksi(pd=pd, tahun=2023, muatan=muatan)
    # The shared load gives what each selector loads on its own.
    assert matriks == matriks_renstra(pd=pd, tahun=2023)
    assert ra == rencana_aksi(pd=pd, tahun=2023)


def test_standalone_plan_selectors_keep_their_counts(paser, django_assert_num_queries):
    with django_assert_num_queries(8):
        m = matriks_renstra(pd=paser, tahun=2023)
    with django_assert_num_queries(11):
        ra = rencana_aksi(pd=paser, tahun=2023)
    assert [s.kode for s in m.sasaran] == ["S1", "S2", "S3", "S4", "S5", "S6"]
    assert ra.baris[0].tingkat == "sasaran"


def test_a_load_of_another_part_pd_or_year_is_refused(paser, balangan):
    muatan = muat_rencana(pd=paser, tahun=2023, rencana_aksi=False)
    with pytest.raises(ValueError):
        rencana_aksi(pd=paser, tahun=2023, muatan=muatan)
    with pytest.raises(ValueError):
        matriks_renstra(pd=balangan, tahun=2023, muatan=muatan)
    with pytest.raises(ValueError):
        matriks_renstra(pd=paser, tahun=2024, muatan=muatan)


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_lkjip_document_without_annex_query_count_is_constant(paser, paser_x5, besar):
    """The whole body (data, narrative, tables, front matter) without the PK annex, whose
    documents are loaded by kinerja.pk (2 queries per PK there)."""
    from renstra.models import PerangkatDaerah

    pd = paser_x5 if besar else paser
    # As the views pass it: the PD with its pemda.
    pd = PerangkatDaerah.objects.select_related("pemda").get(pk=pd.pk)
    laporan = cetak.laporan_untuk(pd, "lkjip", 2023)
    q, dokumen = _jumlah(lambda: cetak.susun_lkjip(laporan, dengan_pk=False))
    # data_lkjip with its validation; PD narrative 1; sumber daya tables 1; SAKIP evaluation
    # of the year before 1; stored signature 1.
    assert q == Q_DATA_LKJIP + Q_VALIDASI_DENGAN_MUATAN + 4
    assert "Pengukuran kinerja tahun 2023" in dokumen.isi


def test_lkjip_workbook_skips_the_pk_annex_but_keeps_every_sheet(paser):
    """The XLSX holds the tables only: the PK annex (HTML, every PK document loaded by
    kinerja.pk) is not built for it, and the sheets are those of the full document."""
    from renstra.models import PerangkatDaerah

    # As the views pass it: the PD with its pemda.
    pd = PerangkatDaerah.objects.select_related("pemda").get(pk=paser.pk)
    laporan = cetak.laporan_untuk(pd, "lkjip", 2023)
    q_penuh, penuh = _jumlah(lambda: cetak.susun(laporan))
    q_xlsx, xlsx = _jumlah(lambda: cetak.susun(laporan, untuk_xlsx=True))

    assert [lb.nama for lb in xlsx.lembar] == [lb.nama for lb in penuh.lembar]
    assert xlsx.angka == penuh.angka
    # Paser attaches the 13 PK documents of 2024 (seed 002 Lampiran I).
    assert 'class="dokumen-pk"' in penuh.isi and 'class="dokumen-pk"' not in xlsx.isi
    assert penuh.isi.count('class="dokumen-pk"') == 1
    # The annex: pk_terkini 2023 (none) and 2024, then the rows of the 13 PKs in bulk (2).
    assert q_penuh - q_xlsx == Q_LAMPIRAN_PK


# --- One performance load shared by the kinerja selectors (issue 14 point 9) -----------------

DEMO = ["kesbangpol-paser", "kesbangpol-balangan", "kesbangpol-palangkaraya"]


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_performance_load_is_constant_and_the_selectors_then_run_no_query(
    paser, paser_x5, besar, django_assert_num_queries
):
    from anggaran.selectors import rekap_anggaran
    from kinerja.selectors import (
        efisiensi,
        evaluasi_renja,
        muat_kinerja,
        pengukuran_kinerja,
        perbandingan_tahun,
    )

    pd = paser_x5 if besar else paser
    with django_assert_num_queries(Q_MUAT_KINERJA):
        muatan = muat_kinerja(pd=pd, tahun=2023)
    with django_assert_num_queries(0):
        ukur = pengukuran_kinerja(pd=pd, tahun=2023, muatan=muatan)
        banding = perbandingan_tahun(pd=pd, tahun=2023, muatan=muatan)
        efis = efisiensi(pd=pd, tahun=2023, muatan=muatan)
        rekap = rekap_anggaran(pd=pd, tahun=2023, pohon=muatan.pohon)
    # The Renja form reads only its analisis program rows.
    with django_assert_num_queries(1):
        renja = evaluasi_renja(pd=pd, tahun=2023, triwulan=4, muatan=muatan)
    # muat_rencana from it: tujuan, RPJMD, rencana aksi rows.
    with django_assert_num_queries(3):
        muat_rencana(pd=pd, tahun=2023, kinerja=muatan)
    kali = 5 if besar else 1
    assert len(ukur.sasaran) == 6 * kali
    assert len(banding.baris) == len([b for _s, b in ukur.baris()])
    assert len(rekap.program) == len([b for b in renja.baris if b.jenis == "program"])
    assert len(efis.baris) == len(list(rekap.baris()))


@pytest.mark.parametrize("slug", DEMO)
@pytest.mark.parametrize("tahun", [2023, 2024])
def test_the_shared_load_gives_every_selector_its_own_numbers(slug, tahun):
    """The same results, field for field, as each selector loading by itself: the values of
    every report (the LKjIP prints them; the API and the XLSX call them alone)."""
    from anggaran.selectors import rekap_anggaran
    from kinerja.selectors import (
        efisiensi,
        evaluasi_renja,
        muat_kinerja,
        pengukuran_kinerja,
        perbandingan_tahun,
    )
    from renstra.models import PerangkatDaerah

    pd = PerangkatDaerah.objects.get(slug=slug)
    m = muat_kinerja(pd=pd, tahun=tahun)
    rencana = muat_rencana(pd=pd, tahun=tahun, kinerja=m)
    assert pengukuran_kinerja(pd=pd, tahun=tahun, muatan=m) == pengukuran_kinerja(
        pd=pd, tahun=tahun
    )
    # Other parameters read the same load: IKU only, TW II, every level.
    kw = {"triwulan": 2, "hanya_iku": True, "semua_tingkat": True}
    assert pengukuran_kinerja(pd=pd, tahun=tahun, muatan=m, **kw) == pengukuran_kinerja(
        pd=pd, tahun=tahun, **kw
    )
    assert perbandingan_tahun(pd=pd, tahun=tahun, muatan=m) == perbandingan_tahun(
        pd=pd, tahun=tahun
    )
    assert perbandingan_tahun(
        pd=pd, tahun=tahun, hanya_iku=True, jumlah_tahun=2, muatan=m
    ) == perbandingan_tahun(pd=pd, tahun=tahun, hanya_iku=True, jumlah_tahun=2)
    assert efisiensi(pd=pd, tahun=tahun, muatan=m) == efisiensi(pd=pd, tahun=tahun)
    for tw in (2, 4):
        assert evaluasi_renja(pd=pd, tahun=tahun, triwulan=tw, muatan=m) == evaluasi_renja(
            pd=pd, tahun=tahun, triwulan=tw
        )
        assert rekap_anggaran(pd=pd, tahun=tahun, triwulan=tw, pohon=m.pohon) == rekap_anggaran(
            pd=pd, tahun=tahun, triwulan=tw
        )
    assert matriks_renstra(pd=pd, tahun=tahun, muatan=rencana) == matriks_renstra(
        pd=pd, tahun=tahun
    )
    assert rencana_aksi(pd=pd, tahun=tahun, muatan=rencana) == rencana_aksi(pd=pd, tahun=tahun)


def test_the_shared_load_sees_draft_values_only_when_loaded_with_them(paser):
    """A selector asked for official numbers never computes from a load holding drafts
    (or the other way round), nor from another PD's or year's load, nor with more years than
    were loaded: it refuses (ValueError) instead of printing other numbers."""
    from anggaran.selectors import rekap_anggaran
    from kinerja.selectors import (
        efisiensi,
        evaluasi_renja,
        muat_kinerja,
        pengukuran_kinerja,
        perbandingan_tahun,
    )

    resmi = muat_kinerja(pd=paser, tahun=2023)
    kerja = muat_kinerja(pd=paser, tahun=2023, hanya_resmi=False)
    with pytest.raises(ValueError):
        evaluasi_renja(pd=paser, tahun=2023, triwulan=4, hanya_resmi=False, muatan=resmi)
    with pytest.raises(ValueError):
        efisiensi(pd=paser, tahun=2023, muatan=kerja)
    with pytest.raises(ValueError):
        rekap_anggaran(pd=paser, tahun=2023, pohon=kerja.pohon)
    with pytest.raises(ValueError):
        pengukuran_kinerja(pd=paser, tahun=2024, muatan=resmi)
    with pytest.raises(ValueError):
        perbandingan_tahun(pd=paser, tahun=2023, jumlah_tahun=5, muatan=resmi)
    # The working view (drafts included) from its own load equals the working view alone.
    assert evaluasi_renja(
        pd=paser, tahun=2023, triwulan=4, hanya_resmi=False, muatan=kerja
    ) == evaluasi_renja(pd=paser, tahun=2023, triwulan=4, hanya_resmi=False)
    assert rekap_anggaran(
        pd=paser, tahun=2023, hanya_resmi=False, pohon=kerja.pohon
    ) == rekap_anggaran(pd=paser, tahun=2023, hanya_resmi=False)


def test_another_pd_load_is_refused(paser, balangan):
    from anggaran.selectors import rekap_anggaran
    from kinerja.selectors import muat_kinerja, pengukuran_kinerja

    muatan = muat_kinerja(pd=paser, tahun=2023)
    with pytest.raises(ValueError):
        pengukuran_kinerja(pd=balangan, tahun=2023, muatan=muatan)
    with pytest.raises(ValueError):
        rekap_anggaran(pd=balangan, tahun=2023, pohon=muatan.pohon)
    with pytest.raises(ValueError):
        muat_rencana(pd=balangan, tahun=2023, kinerja=muatan)


def test_pk_annex_loads_the_rows_of_every_pk_at_once(paser, django_assert_num_queries):
    """kinerja.pk.dokumen_pk: one PK or the 13 PKs of Paser 2024, the same 3 queries
    (the PKs with their parties; their indicator rows; their budget rows)."""
    from kinerja.pk import dokumen_pk, pk_terkini
    from kinerja.pk.dokumen import isi_pk, judul_dokumen, render_dokumen

    daftar = pk_terkini(pd=paser, tahun=2024)
    assert len(daftar) == 13
    with django_assert_num_queries(3):
        semua = dokumen_pk(pd=paser, tahun=2024, format="html").decode()
    nip = next(p.pihak_pertama.nip for p in daftar if p.pihak_pertama and p.pihak_pertama.nip)
    with django_assert_num_queries(3):
        satu = dokumen_pk(pd=paser, tahun=2024, nip=nip, format="html").decode()
    assert all(f'id="pk-{p.pk}"' in semua for p in daftar)
    assert satu.count('<section class="pk') == 1
    # The bulk load prints what each PK loading its own rows prints.
    sendiri = render_dokumen(
        [isi_pk(p, dengan_rencana=False) for p in pk_terkini(pd=paser, tahun=2024)],
        judul=judul_dokumen(paser, 2024),
    )
    assert semua == sendiri
    assert semua.count("<tr") > 13 * 5
