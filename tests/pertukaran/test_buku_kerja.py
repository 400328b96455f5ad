"""The import workbook (issue #10 points 1–4 and the round trip of point 6).

A workbook becomes the same dataset document a JSON file gives and goes through the same
validation and all-or-nothing writer. Every bad input of point 4 has its own test: the
message a user reads (sheet, row, column, Indonesian text) and that nothing was written.
"""

import io
import json
import re
import zipfile
from collections import Counter
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from common.models import AuditLog
from kinerja.serialisasi import pengukuran_json
from pertukaran import buku_kerja as bk
from pertukaran.ekspor import ekspor_dataset
from pertukaran.ekspor_buku import buku_kerja_dari_dataset, templat
from pertukaran.impor_buku import BukuKerjaTidakValid, MasalahSel, impor_buku_kerja
from pertukaran.skema import PESAN_KODE_GANDA
from renstra.models import Indikator, PerangkatDaerah, SubKegiatan, Target
from tests.pertukaran.test_dataset import dataset_kecil

SLUG = "uji-dataset"


def buku(ubah=None, data=None) -> io.BytesIO:
    """The small dataset as a workbook, changed by `ubah(wb)`."""
    isi = buku_kerja_dari_dataset(data or dataset_kecil())
    if ubah is None:
        return io.BytesIO(isi)
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    ubah(wb)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    keluaran.seek(0)
    return keluaran


def baris_dengan(ws, kolom: int, nilai) -> int:
    for (sel,) in ws.iter_rows(min_col=kolom, max_col=kolom):
        if sel.value == nilai:
            return sel.row
    raise AssertionError(f"{nilai} tidak ada")


def tolak(berkas) -> list[MasalahSel]:
    """Import `berkas` expecting a refusal; assert nothing was written."""
    jumlah_audit = AuditLog.objects.count()
    with pytest.raises(BukuKerjaTidakValid) as e:
        impor_buku_kerja(berkas)
    assert not PerangkatDaerah.objects.filter(slug=SLUG).exists()
    assert AuditLog.objects.count() == jumlah_audit
    return e.value.masalah


# --- The small dataset through the workbook ---------------------------------------------------


def test_small_dataset_workbook_imports_and_a_second_import_changes_nothing(db):
    pertama = impor_buku_kerja(buku())
    assert pertama.hasil.dibuat["indikator"] == 1
    pd = PerangkatDaerah.objects.get(slug=SLUG)
    ind = Indikator.objects.get(perangkat_daerah=pd)
    target = {t.jenis: t.nilai_masukan() for t in Target.objects.filter(indikator=ind)}
    assert target == {
        "renstra": {"bawah": Decimal(80), "atas": Decimal(90)},
        "renja": Decimal(85),
        "pk_murni": "BB",
    }
    kedua = impor_buku_kerja(buku())
    assert not kedua.hasil.ada_perubahan
    ringkas = {r.lembar: r for r in kedua.per_lembar}
    assert ringkas["Indikator"].tidak_berubah == 1 and ringkas["Indikator"].dibuat == 0


def test_dry_run_writes_nothing_and_counts_per_sheet(db):
    hasil = impor_buku_kerja(buku(), dry_run=True)
    ringkas = {r.lembar: r for r in hasil.per_lembar}
    assert (ringkas["Target"].dibuat, ringkas["Program"].dibuat) == (3, 3)
    assert not PerangkatDaerah.objects.filter(slug=SLUG).exists()


@pytest.mark.parametrize(
    ("teks", "harapan"),
    [
        ("1.234,56", Decimal("1234.56")),
        ("1,234.56", Decimal("1234.56")),
        ("7,8%", Decimal("7.8")),
        ("Rp 1.000.000", Decimal("1000000")),
        ("80 %", Decimal("80")),
    ],
)
def test_numbers_as_people_write_them(db, teks, harapan):
    def ubah(wb):
        ws = wb["Target"]
        ws.cell(row=baris_dengan(ws, 2, "renja"), column=4, value=teks)

    impor_buku_kerja(buku(ubah))
    assert (
        Target.objects.get(indikator__perangkat_daerah__slug=SLUG, jenis="renja").nilai == harapan
    )


def test_percent_formatted_number_cell_is_read_in_percent(db):
    def ubah(wb):
        ws = wb["Target"]
        sel = ws.cell(row=baris_dengan(ws, 2, "renja"), column=4, value=0.078)
        sel.number_format = "0.0%"

    impor_buku_kerja(buku(ubah))
    assert Target.objects.get(
        indikator__perangkat_daerah__slug=SLUG, jenis="renja"
    ).nilai == Decimal("7.8")


@pytest.mark.parametrize("kode", ["8.01.02.2.01.02", "8.01.02.02.01.0002"])
def test_both_ways_of_writing_a_sub_kegiatan_code(db, kode):
    def ubah(wb):
        ws = wb["Program"]
        ws.cell(row=baris_dengan(ws, 1, "sub_kegiatan"), column=2, value=kode)

    impor_buku_kerja(buku(ubah))
    assert SubKegiatan.objects.get(
        kegiatan__program__renstra__perangkat_daerah__slug=SLUG
    ).kode == ("8.01.02.2.01.02")


def test_merged_two_row_header_is_understood(db):
    def ubah(wb):
        ws = wb["Target triwulan"]
        ws.insert_rows(1)
        ws["C1"] = "Target kumulatif"
        ws.merge_cells("C1:F1")

    impor_buku_kerja(buku(ubah))
    ind = Indikator.objects.get(perangkat_daerah__slug=SLUG)
    assert ind.target_triwulan.filter(tahun=2024).count() == 3


def test_blank_rows_are_skipped(db):
    def ubah(wb):
        ws = wb["Target"]
        ws.insert_rows(3, amount=2)

    hasil = impor_buku_kerja(buku(ubah))
    assert hasil.baca.baris["Target"] == 4  # renstra, renja, pk_murni, empty pk_perubahan


def test_formula_cell_gives_its_cached_value(db):
    """A formula cell is read as the value Excel last computed (stored in the file)."""

    def ubah(wb):
        ws = wb["Target"]
        ws.cell(row=baris_dengan(ws, 2, "renja"), column=4, value="=40+50")

    isi = buku(ubah).getvalue()
    # openpyxl writes no computed value; put the one Excel would have cached beside the formula.
    masuk, keluar = zipfile.ZipFile(io.BytesIO(isi)), io.BytesIO()
    with zipfile.ZipFile(keluar, "w") as z:
        for nama in masuk.namelist():
            teks = masuk.read(nama)
            if b"<f>40+50</f>" in teks:
                teks = re.sub(
                    rb"<f>40\+50</f><v>\s*</v>|<f>40\+50</f>", b"<f>40+50</f><v>90</v>", teks
                )
            z.writestr(nama, teks)
    impor_buku_kerja(io.BytesIO(keluar.getvalue()))
    assert Target.objects.get(
        indikator__perangkat_daerah__slug=SLUG, jenis="renja"
    ).nilai == Decimal(90)


# --- Refused, with the message and nothing written ----------------------------------------------


def test_unknown_indicator_code_is_refused(db):
    def ubah(wb):
        ws = wb["Realisasi kinerja"]
        ws.cell(row=2, column=1, value="S9.I9")

    masalah = tolak(buku(ubah))
    assert (
        MasalahSel(
            "Realisasi kinerja",
            2,
            "Indikator",
            bk.PESAN_RUJUKAN.format(jenis="Indikator", kode="S9.I9", lembar="Indikator"),
        )
        in masalah
    )


def test_duplicate_target_row_is_refused(db):
    def ubah(wb):
        ws = wb["Target"]
        baris = baris_dengan(ws, 2, "renja")
        ws.append([c.value for c in ws[baris]])

    masalah = tolak(buku(ubah))
    baris_renja = 3
    assert any(
        m.lembar == "Target"
        and m.pesan == bk.PESAN_GANDA.format(kunci="S1.I1 renja 2024", baris=baris_renja)
        for m in masalah
    ), masalah


def test_duplicate_indicator_code_is_located_in_its_sheet(db):
    data = dataset_kecil()
    kedua = json.loads(json.dumps(data["sasaran"][0]["indikator"][0]))
    kedua["target"], kedua["realisasi"], kedua["rencana_aksi"] = {}, {}, {}
    data["program"][0]["indikator"] = [kedua]
    masalah = tolak(buku(data=data))
    assert any(
        m.lembar == "Indikator"
        and m.baris == 3
        and m.kolom == "Kode"
        and m.pesan.startswith(PESAN_KODE_GANDA.split("{")[0] + '"S1.I1"')
        for m in masalah
    ), masalah


def test_text_in_a_number_column_is_refused(db):
    def ubah(wb):
        ws = wb["Pagu"]
        ws.cell(row=2, column=4, value="seratus juta")

    masalah = tolak(buku(ubah))
    assert (
        MasalahSel("Pagu", 2, "Pagu murni", bk.PESAN_BUKAN_ANGKA.format(teks="seratus juta"))
        in masalah
    )


def test_target_year_outside_the_renstra_period_is_refused(db):
    def ubah(wb):
        ws = wb["PD"]
        ws.cell(row=baris_dengan(ws, 1, "Renstra tahun awal"), column=2, value=2023)
        ws.cell(row=baris_dengan(ws, 1, "Renstra tahun akhir"), column=2, value=2024)
        t = wb["Target"]
        t.cell(row=baris_dengan(t, 2, "renja"), column=3, value=2027)

    masalah = tolak(buku(ubah))
    assert (
        MasalahSel(
            "Target", 3, "Tahun", bk.PESAN_TAHUN_DI_LUAR.format(tahun=2027, awal=2023, akhir=2024)
        )
        in masalah
    )


def test_a_non_excel_file_renamed_xlsx_is_refused(db, tmp_path):
    palsu = tmp_path / "laporan.xlsx"
    palsu.write_text("NO;INDIKATOR;TARGET\n1;Nilai SAKIP;73\n", encoding="utf-8")
    assert [m.pesan for m in tolak(palsu)] == [bk.PESAN_BUKAN_XLSX]


def test_an_empty_workbook_is_refused(db):
    wb, keluaran = openpyxl.Workbook(), io.BytesIO()
    wb.save(keluaran)
    assert [m.pesan for m in tolak(io.BytesIO(keluaran.getvalue()))] == [bk.PESAN_KOSONG]


def test_a_20_mb_workbook_is_refused_without_being_read(db, tmp_path, monkeypatch):
    besar = tmp_path / "besar.xlsx"
    with besar.open("wb") as f:
        f.truncate(20 * 1024 * 1024 + 1)  # sparse: no 20 MB written to the disk

    def jangan_dibaca(*args, **kwargs):
        raise AssertionError("the workbook must not be opened")

    monkeypatch.setattr(openpyxl, "load_workbook", jangan_dibaca)
    monkeypatch.setattr(zipfile, "is_zipfile", jangan_dibaca)
    masalah = tolak(besar)
    assert [m.pesan for m in masalah] == [bk.PESAN_TERLALU_BESAR.format(ukuran="20,0", batas=20)]


# --- The command and the template ---------------------------------------------------------------


def test_impor_command_dry_run_and_refusal(db, tmp_path):
    berkas = tmp_path / "uji.xlsx"
    berkas.write_bytes(buku().getvalue())
    out = io.StringIO()
    call_command("impor", str(berkas), "--dry-run", stdout=out)
    assert "Uji coba (--dry-run)" in out.getvalue()
    assert not PerangkatDaerah.objects.filter(slug=SLUG).exists()

    def ubah(wb):
        wb["Pagu"].cell(row=2, column=4, value="seratus juta")

    berkas.write_bytes(buku(ubah).getvalue())
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("impor", str(berkas), stderr=err)
    assert (
        "lembar Pagu, baris 2, kolom Pagu murni: "
        + bk.PESAN_BUKAN_ANGKA.format(teks="seratus juta")
        in err.getvalue()
    )


def test_template_has_frozen_headers_notes_and_drop_downs():
    wb = openpyxl.load_workbook(io.BytesIO(templat()))
    ws = wb["Indikator"]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].value == "Kode" and ws["A1"].comment is not None
    rujukan = {dv.formula1 for dv in ws.data_validations.dataValidation}
    daftar = wb["Daftar"]
    nilai_daftar = {
        tuple(c.value for c in kolom if c.value is not None) for kolom in daftar.iter_cols()
    }
    assert ("positif", "negatif") in nilai_daftar
    assert ("kumulatif", "posisi_akhir", "rata_rata") in nilai_daftar
    assert len(rujukan) >= 5


def test_example_template_is_the_seed_001_dataset_and_imports_cleanly(db):
    contoh = templat(contoh=True)
    hasil = bk.baca_buku_kerja(io.BytesIO(contoh))
    assert hasil.data["perangkat_daerah"]["slug"] == "kesbangpol-balangan"
    # Balangan is loaded already: its own example creates and updates nothing. (The printed
    # values of the JSON, `tercetak`, are not carried by the workbook.)
    hasil = impor_buku_kerja(io.BytesIO(contoh), dry_run=True).hasil
    assert +hasil.dibuat == Counter() and +hasil.diperbarui == Counter()


# --- Round trip: export → import into an empty PD → the same numbers ---------------------------


def _salinan(data: dict, slug: str) -> dict:
    """The exported document as another, empty PD of another pemda."""
    data["perangkat_daerah"]["slug"] = slug
    data["pemda"]["nama"] = data["pemda"]["nama"] + " (salinan)"
    return data


def _tanpa_identitas(obj):
    if isinstance(obj, dict):
        return {k: _tanpa_identitas(v) for k, v in obj.items() if k not in ("id", "pd", "slug")}
    if isinstance(obj, list):
        return [_tanpa_identitas(v) for v in obj]
    return obj


@pytest.mark.parametrize("slug", ["kesbangpol-paser", "kesbangpol-balangan"])
def test_round_trip_gives_the_same_pengukuran_budget_and_lkjip_numbers(db, slug):
    from anggaran.selectors import rekap_anggaran
    from laporan import cetak

    asli = PerangkatDaerah.objects.select_related("pemda").get(slug=slug)
    isi = buku_kerja_dari_dataset(_salinan(ekspor_dataset(pd=asli), slug + "-salinan"))
    impor_buku_kerja(io.BytesIO(isi))
    salinan = PerangkatDaerah.objects.select_related("pemda").get(slug=slug + "-salinan")

    for tahun in (2022, 2023):
        a = pengukuran_json(pd=asli, tahun=tahun)
        b = pengukuran_json(pd=salinan, tahun=tahun)
        assert _tanpa_identitas(a)["sasaran"] == _tanpa_identitas(b)["sasaran"]
    ra, rb = rekap_anggaran(pd=asli, tahun=2023), rekap_anggaran(pd=salinan, tahun=2023)

    def anggaran(rekap):
        return [
            (b.tingkat, b.kode, b.pagu, b.realisasi_triwulan, b.realisasi) for b in rekap.baris()
        ] + [(rekap.pagu, rekap.realisasi, rekap.persen)]

    assert len(ra.program) > 3 and anggaran(ra) == anggaran(rb)
    angka_asli = cetak.susun(cetak.laporan_untuk(asli, "lkjip", 2023)).angka
    angka_salinan = cetak.susun(cetak.laporan_untuk(salinan, "lkjip", 2023)).angka
    assert angka_asli and angka_asli == angka_salinan


def test_ekspor_command_writes_the_pd_and_year_in_the_import_format(paser, tmp_path):
    berkas = tmp_path / "paser-2023.xlsx"
    out = io.StringIO()
    call_command("ekspor", pd=paser.slug, tahun=2023, out=str(berkas), stdout=out)
    assert str(berkas) in out.getvalue()
    data = bk.baca_buku_kerja(berkas).data
    assert data["perangkat_daerah"]["slug"] == paser.slug
    tahun_realisasi = {
        int(t) for s in data["sasaran"] for i in s["indikator"] for t in i["realisasi"]
    }
    assert max(tahun_realisasi) == 2023
    assert {pk["tahun"] for pk in data["perjanjian_kinerja"]} == set()  # the PKs are 2024's
    with pytest.raises(CommandError):
        call_command("ekspor", pd="tidak-ada", out=str(berkas))
