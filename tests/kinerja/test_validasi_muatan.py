"""Issue 14 point 9: the validation reads the report's performance load (`muatan=`).

`validasi_pd(pd=, tahun=, muatan=muat_kinerja(...))` reads the Renstra, the budget tree, the
indicators with their targets, signed PK rows, realisations and evidence counts, the sasaran
and the programs' sasaran links from the load the LKjIP already made, instead of loading them
again; it finds exactly the problems it finds alone. Measured on Paser 2023 (and on a copy of
its plan five times bigger): alone 21 queries, with the load 8. Alone it was 21 before too:
the PK rows of the year (reasons for a differing target) are now read from the PK rows the
PK rules load (−1), and the stated PD budget total rule reads its row (+1).
"""

import pytest

from kinerja.selectors import muat_kinerja
from kinerja.validasi import KODE_BUKTI_KOSONG, validasi_pd
from renstra.models import PerangkatDaerah

pytestmark = pytest.mark.django_db

# Alone: Renstra; programs; kegiatan; sub-kegiatan; pagu; realisasi anggaran; jenis belanja;
# stated PD budget total; indicators; targets; signed PK rows; realisations with an evidence
# COUNT; PK rows of the year and the next; SAKIP evaluations; officials; printed texts;
# sasaran; tujuan; programs; program–sasaran links; staffing tables.
Q_VALIDASI = 21
# With the load: jenis belanja; stated PD budget total; PK rows of the year and the next;
# SAKIP evaluations; officials; printed texts; tujuan; staffing tables.
Q_VALIDASI_DENGAN_MUATAN = 8

DEMO = ["kesbangpol-paser", "kesbangpol-balangan"]


def _ringkas(masalah) -> list[tuple]:
    return [(m.kode, m.pesan, m.objek) for m in masalah]


@pytest.mark.parametrize("slug", DEMO)
@pytest.mark.parametrize("tahun", [2023, 2024])
def test_the_validation_from_the_load_lists_the_same_problems(slug, tahun):
    pd = PerangkatDaerah.objects.get(slug=slug)
    sendiri = validasi_pd(pd=pd, tahun=tahun)
    dari_muatan = validasi_pd(pd=pd, tahun=tahun, muatan=muat_kinerja(pd=pd, tahun=tahun))

    assert _ringkas(dari_muatan) == _ringkas(sendiri)
    assert [m.tingkat for m in dari_muatan] == [m.tingkat for m in sendiri]
    assert len(sendiri) > 5


def test_the_evidence_count_is_read_from_the_load(paser):
    """Paser 2023 has 160 quarterly realisations without evidence: the load carries the
    evidence count, so the rule sees the same rows (and none that have evidence)."""
    muatan = muat_kinerja(pd=paser, tahun=2023)
    dari_muatan = validasi_pd(pd=paser, tahun=2023, muatan=muatan)
    sendiri = validasi_pd(pd=paser, tahun=2023)

    tanpa_bukti = [m.objek for m in dari_muatan if m.kode == KODE_BUKTI_KOSONG]
    assert len(tanpa_bukti) == 160
    assert tanpa_bukti == [m.objek for m in sendiri if m.kode == KODE_BUKTI_KOSONG]


def test_a_year_without_renstra_validates_every_indicator_of_the_pd():
    """Palangka Raya 2024: no Renstra covers the year, the load holds no indicator, and the
    validation still checks the PD's indicators, as alone."""
    pd = PerangkatDaerah.objects.get(slug="kesbangpol-palangkaraya")
    muatan = muat_kinerja(pd=pd, tahun=2024)
    assert muatan.renstra is None

    masalah = validasi_pd(pd=pd, tahun=2024, muatan=muatan)
    assert _ringkas(masalah) == _ringkas(validasi_pd(pd=pd, tahun=2024))
    assert masalah


@pytest.mark.parametrize("besar", [False, True], ids=["paser", "paser_x5"])
def test_query_count_validasi_with_and_without_the_load(
    paser, paser_x5, besar, django_assert_num_queries
):
    pd = paser_x5 if besar else paser
    with django_assert_num_queries(Q_VALIDASI):
        sendiri = validasi_pd(pd=pd, tahun=2023)
    muatan = muat_kinerja(pd=pd, tahun=2023)
    with django_assert_num_queries(Q_VALIDASI_DENGAN_MUATAN):
        dari_muatan = validasi_pd(pd=pd, tahun=2023, muatan=muatan)
    assert _ringkas(dari_muatan) == _ringkas(sendiri)


def test_a_load_of_another_pd_year_or_budget_status_is_refused(paser, balangan):
    muatan = muat_kinerja(pd=paser, tahun=2023)
    with pytest.raises(ValueError):
        validasi_pd(pd=balangan, tahun=2023, muatan=muatan)
    with pytest.raises(ValueError):
        validasi_pd(pd=paser, tahun=2024, muatan=muatan)
    # The budget rules read approved realisasi anggaran only: a working-view load (drafts
    # included) would check other amounts.
    with pytest.raises(ValueError):
        validasi_pd(
            pd=paser, tahun=2023, muatan=muat_kinerja(pd=paser, tahun=2023, hanya_resmi=False)
        )
