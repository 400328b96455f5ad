"""Every table of the web as a standalone XLSX (issue #10, point 6): the indicator list,
pengukuran at every level, realisasi anggaran, efisiensi and the change history.

Each workbook is opened with openpyxl: numbers are numbers with the expected format, the
header rows are frozen, and the values equal the selectors' (the ones the page shows)."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from anggaran.selectors import TINGKAT_PROGRAM, rekap_anggaran
from kinerja.selectors import efisiensi, pengukuran_kinerja
from laporan import views_ekspor
from laporan.excel import FORMAT_BULAT, FORMAT_DESIMAL, FORMAT_PERSEN, FORMAT_WAKTU
from laporan.views import MIME_XLSX

TAHUN = 2023


def _url(nama: str, pd, **kw) -> str:
    return reverse(f"ekspor:{nama}", kwargs={"pd": pd.slug, **kw})


def _buka(respon) -> openpyxl.Workbook:
    assert respon.status_code == 200, respon.status_code
    assert respon["Content-Type"] == MIME_XLSX
    assert respon["Content-Disposition"].startswith("attachment; filename=")
    return openpyxl.load_workbook(io.BytesIO(respon.content))


def _baris(ws, kolom: int, nilai) -> tuple:
    """The cells of the first row whose column `kolom` (1-based) holds `nilai`."""
    for row in ws.iter_rows():
        if row[kolom - 1].value == nilai:
            return row
    raise AssertionError(f"{nilai!r} tidak ada di kolom {kolom} lembar {ws.title}")


def _kepala(ws, teks: str) -> int:
    """The 1-based column of the header cell `teks`."""
    for row in ws.iter_rows(max_row=12):
        for c in row:
            if c.value == teks:
                return c.column
    raise AssertionError(teks)


def _persen(nilai: Decimal) -> float:
    return pytest.approx(float(nilai / 100), abs=1e-12)


# --- Indicator list ----------------------------------------------------------------------------


def test_indicator_list_has_the_targets_of_the_page_as_numbers(
    client, operator, paser, django_assert_num_queries
):
    client.force_login(operator)
    halaman = client.get(reverse("renstra:indikator_daftar", args=[paser.slug]), {"tahun": TAHUN})
    url = _url("indikator", paser, tahun=TAHUN)
    assert url in halaman.content.decode()  # the page links its download
    # session, user, PD, membership (the gate); units; indicators; targets of the year
    with django_assert_num_queries(7):
        wb = _buka(client.get(url))
    assert wb.sheetnames == ["Indikator dan target"]
    ws = wb["Indikator dan target"]
    assert ws.freeze_panes == "A6"  # PD, blank, title, two header rows
    kol_renstra = _kepala(ws, "Renstra")
    s2 = _baris(ws, 1, "S2.I1")
    sel = s2[kol_renstra - 1]
    assert sel.value == 100 and sel.number_format == FORMAT_BULAT
    dihalaman = next(b for b in halaman.context["baris"] if b["indikator"].kode == "S2.I1")
    assert dihalaman["target"][0] == "100"  # the Renstra target the page prints
    # A letter target stays text (Paser prints "B" for the SAKIP evaluation in its Renstra).
    s1 = _baris(ws, 1, "S1.I1")
    assert s1[kol_renstra - 1].value == "B"
    assert s1[_kepala(ws, "IKU") - 1].value == "Ya"
    assert ws.column_dimensions["B"].width == 60


def test_indicator_list_queries_do_not_grow_with_the_plan(
    client, superuser, paser_x5, django_assert_num_queries
):
    client.force_login(superuser)
    # session, user, PD (a superuser needs no membership); units; indicators; targets
    with django_assert_num_queries(6):
        wb = _buka(client.get(_url("indikator", paser_x5, tahun=TAHUN)))
    assert wb["Indikator dan target"].max_row > 5 * 60


# --- Pengukuran kinerja ------------------------------------------------------------------------


def test_pengukuran_workbook_carries_every_level(client, kepala, paser, django_assert_num_queries):
    client.force_login(kepala)
    halaman = client.get(
        reverse("kinerja:realisasi_daftar", args=[paser.slug]), {"tahun": TAHUN, "triwulan": 4}
    )
    url = _url("pengukuran", paser, tahun=TAHUN, triwulan=4)
    assert url in halaman.content.decode()
    # the gate (4), pengukuran (8) and the Renja form for the program levels (14)
    with django_assert_num_queries(26):
        wb = _buka(client.get(url))
    p = pengukuran_kinerja(pd=paser, tahun=TAHUN, triwulan=4, semua_tingkat=True)
    assert wb.sheetnames == [
        "Pengukuran kinerja",
        "Capaian sasaran",
        "Rincian indikator",
        "Indikator tujuan",
        "Indikator program dan kegiatan",
    ]
    ws = wb["Pengukuran kinerja"]
    assert ws["A2"].value == views_ekspor.KET_RESMI
    assert ws.freeze_panes == "A7"  # PD, remark, blank, title, header, column numbers
    # Indicator level: S1.I1 (Nilai Evaluasi SAKIP) as the LKjIP prints it, 89,34%.
    s1 = _baris(ws, 1, "S1")
    b = p.sasaran[0].indikator[0]
    assert s1[4].value == b.target and s1[4].number_format == FORMAT_BULAT
    assert s1[5].value == pytest.approx(65.22) and s1[5].number_format == FORMAT_DESIMAL
    assert s1[6].value == _persen(b.capaian.nilai) and s1[6].number_format == FORMAT_PERSEN
    assert round(s1[6].value * 100, 2) == 89.34
    # PD level: the average row.
    rata = _baris(ws, 1, "Rata-rata capaian kinerja (rata-rata capaian sasaran)")
    assert rata[6].value == _persen(p.rata_rata) and rata[6].number_format == FORMAT_PERSEN
    # Sasaran level, with the count of indicators used as a number.
    ws = wb["Capaian sasaran"]
    for s in p.sasaran:
        baris = _baris(ws, 1, s.kode)
        assert baris[2].value == s.jumlah_dipakai and baris[2].number_format == FORMAT_BULAT
        assert baris[3].value == _persen(s.rata_rata)
    # Every measured indicator with its quarters, and the tujuan indicators.
    ws = wb["Rincian indikator"]
    assert ws.freeze_panes == "A7"
    assert len([r for r in ws.iter_rows(min_row=7) if r[1].value]) == len(list(p.baris())) + len(
        p.tujuan
    )
    assert _baris(ws, 2, "S1.I1")[_kepala(ws, "Versi target") - 1].value == "PK"
    tujuan = wb["Indikator tujuan"]
    assert _baris(tujuan, 2, p.tujuan[0].indikator.uraian)[3].value == p.tujuan[0].target
    # Program, kegiatan and sub-kegiatan indicators, as the Renja form measures them.
    ws = wb["Indikator program dan kegiatan"]
    rencana = p.indikator_rencana()
    assert len([r for r in ws.iter_rows(min_row=6) if r[3].value]) == len(rencana)
    diukur = next(b for b in rencana if b.capaian_ukur and b.capaian_ukur.nilai is not None)
    baris = _baris(ws, 4, diukur.indikator.kode)
    assert baris[1].value == diukur.kode
    assert baris[9].value == _persen(diukur.capaian_ukur.nilai)
    assert baris[9].number_format == FORMAT_PERSEN
    assert {r[0].value for r in ws.iter_rows(min_row=6) if r[3].value} >= {"Program"}


def test_pengukuran_of_a_quarter_has_only_its_quarters_and_the_working_numbers_say_so(
    client, kepala, paser
):
    client.force_login(kepala)
    wb = _buka(client.get(_url("pengukuran", paser, tahun=TAHUN, triwulan=2) + "?resmi=0"))
    ws = wb["Rincian indikator"]
    assert ws["A2"].value == views_ekspor.KET_KERJA
    kepala_tw = [c.value for c in ws[6] if c.value and str(c.value).startswith("TW ")]
    assert kepala_tw == ["TW I", "TW II"]


def test_pengukuran_queries_do_not_grow_with_the_plan(
    client, superuser, paser_x5, django_assert_num_queries
):
    client.force_login(superuser)
    with django_assert_num_queries(25):
        _buka(client.get(_url("pengukuran", paser_x5, tahun=TAHUN, triwulan=4)))


# --- Realisasi anggaran and efisiensi ----------------------------------------------------------


def test_realisasi_anggaran_per_program_kegiatan_and_sub(
    client, operator, paser, django_assert_num_queries
):
    client.force_login(operator)
    halaman = client.get(
        reverse("anggaran:realisasi_daftar", args=[paser.slug]), {"tahun": TAHUN, "triwulan": 4}
    )
    url = _url("anggaran", paser, tahun=TAHUN, triwulan=4)
    assert url in halaman.content.decode()
    with django_assert_num_queries(10):
        wb = _buka(client.get(url))
    rekap = rekap_anggaran(pd=paser, tahun=TAHUN, triwulan=4)
    ws = wb["Realisasi anggaran"]
    assert ws.freeze_panes == "A7"
    kol = {t: _kepala(ws, t) for t in ("Pagu (Rp)", "Realisasi s.d. TW IV (Rp)", "% serapan")}
    # Program 8.01.01 as seed 002 prints it: 5.911.790.846 of 6.426.345.746, 91,99%.
    program = rekap.indeks[
        (TINGKAT_PROGRAM, next(p.id for p in rekap.program if p.kode == "8.01.01"))
    ]
    baris = _baris(ws, 2, "8.01.01")
    pagu, real, persen = (baris[kol[k] - 1] for k in kol)
    assert pagu.value == program.pagu and pagu.number_format == FORMAT_BULAT
    assert real.value == 5_911_790_846 and real.number_format == FORMAT_BULAT
    assert persen.value == _persen(program.persen) and persen.number_format == FORMAT_PERSEN
    assert round(persen.value * 100, 2) == 91.99
    # Every row of the roll-up is there, sub-kegiatan included, and the total.
    tingkat = [r[0].value for r in ws.iter_rows(min_row=7) if r[1].value]
    assert len(tingkat) == len(list(rekap.baris()))
    assert {"Program", "Kegiatan", "Sub-kegiatan"} <= set(tingkat)
    jumlah = _baris(ws, 1, "JUMLAH")
    assert jumlah[kol["Pagu (Rp)"] - 1].value == rekap.pagu


def test_realisasi_anggaran_queries_do_not_grow_with_the_plan(
    client, superuser, paser_x5, django_assert_num_queries
):
    client.force_login(superuser)
    with django_assert_num_queries(9):
        _buka(client.get(_url("anggaran", paser_x5, tahun=TAHUN, triwulan=4)))


def test_efisiensi_rows_and_label(client, kepala, paser, django_assert_num_queries):
    client.force_login(kepala)
    # the gate (4) and efisiensi's 10
    with django_assert_num_queries(14):
        wb = _buka(client.get(_url("efisiensi", paser, tahun=TAHUN)))
    ef = efisiensi(pd=paser, tahun=TAHUN)
    ws = wb["Efisiensi anggaran"]
    assert ws.freeze_panes == "A6"
    assert len([r for r in ws.iter_rows(min_row=6) if r[1].value is not None]) == len(ef)
    for e in ef:
        if e.serapan is None or e.capaian_kinerja is None:
            continue
        baris = _baris(ws, 1, f"{e.kode} {e.nama}")
        assert baris[1].value == _persen(e.capaian_kinerja)
        assert baris[4].value == _persen(e.serapan) and baris[4].number_format == FORMAT_PERSEN
        assert baris[2].value == e.pagu and baris[2].number_format == FORMAT_BULAT
        assert baris[7].value == (e.label or None)
    assert any(e.efisien for e in ef)


def test_efisiensi_queries_do_not_grow_with_the_plan(
    client, superuser, paser_x5, django_assert_num_queries
):
    client.force_login(superuser)
    with django_assert_num_queries(13):
        _buka(client.get(_url("efisiensi", paser_x5, tahun=TAHUN)))


# --- Change history ----------------------------------------------------------------------------


def _jumlah_baris_riwayat(ws) -> int:
    return sum(1 for c in ws["A"] if isinstance(c.value, datetime.datetime))


def _baris_entri(entri) -> int:
    """Rows of the history sheet: one per changed field, one for an entry without any."""
    return sum(max(1, len(e.perubahan)) for e in entri)


@pytest.fixture
def indikator_diubah(paser, perencana):
    from renstra import services
    from renstra.models import Indikator

    ind = Indikator.objects.get(perangkat_daerah=paser, kode="S2.I1")
    services.indikator_ubah(
        indikator=ind, data={"sumber_data": "Survei Kesbangpol 2023"}, user=perencana
    )
    return ind


def test_history_of_an_indicator_who_when_what_old_new(
    client, operator, paser, perencana, indikator_diubah, django_assert_num_queries
):
    client.force_login(operator)
    halaman = client.get(
        reverse("renstra:indikator_riwayat", args=[paser.slug, indikator_diubah.pk])
    )
    url = _url("riwayat_indikator", paser, pk=indikator_diubah.pk)
    assert url in halaman.content.decode()
    # the gate (4); indicator; audit entries; one per model the entries point to (PD,
    # sasaran, unit: the dataset load that created it)
    with django_assert_num_queries(9):
        wb = _buka(client.get(url))
    ws = wb["Riwayat perubahan"]
    assert ws.freeze_panes == "A5"
    baris = _baris(ws, 5, "Sumber data")
    waktu, pengguna, tindakan = baris[0], baris[1].value, baris[2].value
    assert isinstance(waktu.value, datetime.datetime) and waktu.number_format == FORMAT_WAKTU
    assert pengguna == "Perencana" and tindakan == "Indikator diubah oleh Perencana"
    entri = halaman.context["entri"][0]
    assert (baris[5].value, baris[6].value) == (entri.perubahan[0].lama, entri.perubahan[0].baru)
    assert baris[6].value == "Survei Kesbangpol 2023"


def test_history_of_the_pd_is_for_the_audit_roles_and_says_when_it_is_cut(
    client, kepala, operator, paser, indikator_diubah, monkeypatch
):
    url = _url("riwayat", paser)
    client.force_login(operator)
    assert client.get(url).status_code == 403
    client.force_login(kepala)
    assert url in client.get(reverse("beranda_pd", args=[paser.slug])).content.decode()
    monkeypatch.setattr(views_ekspor, "BATAS_RIWAYAT_PD", 3)
    ws = _buka(client.get(url))["Riwayat perubahan"]
    assert ws["A2"].value == views_ekspor.KET_TERPOTONG.format(n="3")
    # The newest entry first: the perencana's change, labelled with Indikator's field names.
    assert ws["E6"].value == "Sumber data" and ws["G6"].value == "Survei Kesbangpol 2023"
    assert len({r[0].value for r in ws.iter_rows(min_row=6) if r[2].value}) <= 3


def test_history_of_the_pd_queries_do_not_grow_with_its_entries(
    client, kepala, paser, perencana, monkeypatch, django_assert_num_queries
):
    from renstra import services
    from renstra.models import Indikator

    client.force_login(kepala)
    url = _url("riwayat", paser)
    for n, ind in enumerate(Indikator.objects.for_pd(paser).order_by("id")[:6]):
        services.indikator_ubah(indikator=ind, data={"sumber_data": f"Sumber {n}"}, user=perencana)
    for batas in (2, 6):
        monkeypatch.setattr(views_ekspor, "BATAS_RIWAYAT_PD", batas)
        # the gate (4) and the entries with their users (1): no query per entry
        with django_assert_num_queries(5):
            ws = _buka(client.get(url))["Riwayat perubahan"]
        assert [c.value for c in ws["G"][5 : 5 + batas]] == [
            f"Sumber {n}" for n in range(5, 5 - batas, -1)
        ]


def test_history_of_a_realisasi_and_of_budget_entries(
    client, operator, paser, django_assert_num_queries
):
    from anggaran.models import RealisasiAnggaran
    from kinerja.models import Realisasi

    client.force_login(operator)
    r = Realisasi.objects.for_pd(paser).filter(tahun=TAHUN).first()
    halaman = client.get(reverse("kinerja:realisasi_riwayat", args=[paser.slug, r.pk]))
    url = _url("riwayat_realisasi", paser, pk=r.pk)
    assert url in halaman.content.decode()
    # the gate (4); realisasi; entries; the indicator they name (dataset load)
    with django_assert_num_queries(7):
        ws = _buka(client.get(url))["Riwayat perubahan"]
    assert _jumlah_baris_riwayat(ws) == _baris_entri(halaman.context["entri"])
    ra = RealisasiAnggaran.objects.filter(
        sub_kegiatan__kegiatan__program__renstra__perangkat_daerah=paser, tahun=TAHUN
    ).first()
    kw = {"sub_kegiatan": ra.sub_kegiatan_id, "tahun": TAHUN}
    halaman = client.get(reverse("anggaran:realisasi_riwayat", kwargs={"pd": paser.slug, **kw}))
    url = _url("riwayat_anggaran", paser, **kw)
    assert url in halaman.content.decode()
    # the gate (4); sub-kegiatan; its budget rows; entries; the sub-kegiatan they name
    with django_assert_num_queries(8):
        ws = _buka(client.get(url))["Riwayat perubahan"]
    assert ws["A3"].value.startswith("Riwayat realisasi anggaran")
    assert _jumlah_baris_riwayat(ws) == _baris_entri(halaman.context["entri"])
    assert {c.value for c in ws["D"][4:] if c.value} == {e.objek for e in halaman.context["entri"]}


# --- Access ------------------------------------------------------------------------------------


def _semua_url(pd, *, indikator: int, realisasi: int, sub: int) -> list[str]:
    return [
        _url("indikator", pd, tahun=TAHUN),
        _url("pengukuran", pd, tahun=TAHUN, triwulan=4),
        _url("anggaran", pd, tahun=TAHUN, triwulan=4),
        _url("efisiensi", pd, tahun=TAHUN),
        _url("riwayat", pd),
        _url("riwayat_indikator", pd, pk=indikator),
        _url("riwayat_realisasi", pd, pk=realisasi),
        _url("riwayat_anggaran", pd, sub_kegiatan=sub, tahun=TAHUN),
    ]


def _kunci(pd) -> dict:
    from kinerja.models import Realisasi
    from renstra.models import Indikator, SubKegiatan

    return {
        "indikator": Indikator.objects.for_pd(pd).first().pk,
        "realisasi": Realisasi.objects.for_pd(pd).first().pk,
        "sub": SubKegiatan.objects.filter(kegiatan__program__renstra__perangkat_daerah=pd)
        .first()
        .pk,
    }


def test_another_pd_answers_404_and_anonymous_goes_to_login(client, luar, paser, balangan):
    for url in _semua_url(paser, **_kunci(paser)):
        respon = client.get(url)
        assert respon.status_code == 302 and respon["Location"].startswith("/masuk/"), url
    client.force_login(luar)  # an operator of Balangan
    for url in _semua_url(paser, **_kunci(paser)):
        assert client.get(url).status_code == 404, url
    # Paser's objects under Balangan's address do not exist either.
    from common.models import Keanggotaan, Peran

    Keanggotaan.objects.create(pengguna=luar, perangkat_daerah=balangan, peran=Peran.KEPALA)
    for url in _semua_url(balangan, **_kunci(paser))[5:]:
        assert client.get(url).status_code == 404, url


def test_bad_period_answers_404(client, kepala, paser):
    client.force_login(kepala)
    assert client.get(_url("pengukuran", paser, tahun=TAHUN, triwulan=5)).status_code == 404
    assert client.get(_url("anggaran", paser, tahun=1999, triwulan=4)).status_code == 404


def test_sheet_names_are_whole_indonesian_words_within_31_characters(
    client, kepala, paser, monkeypatch
):
    monkeypatch.setattr(views_ekspor, "BATAS_RIWAYAT_PD", 50)
    client.force_login(kepala)
    for url in _semua_url(paser, **_kunci(paser)):
        for nama in _buka(client.get(url)).sheetnames:
            assert len(nama) <= 31 and nama[0].isupper(), nama
