"""Issue #14 points 10-12: the demo LKjIPs carry no filler, their signature dates are the
seeds' dates (never the print date), and every PK the report attaches is printed.

Expected texts are read from the demo datasets and the seeds, not from the code under test.
"""

import json
import re
from html import unescape
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from laporan import cetak, services
from laporan.models import Edisi
from laporan.narasi import TANDA_BELUM_DIISI
from renstra.models import NarasiPerangkatDaerah, PerangkatDaerah

from .conftest import teks_pdf

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
FILLER = re.compile(r"\((?:Uraikan|Lengkapi)\b")
DEMO_LKJIP = [
    ("kesbangpol-balangan", 2023),
    ("kesbangpol-paser", 2023),
    ("kesbangpol-palangkaraya", 2020),
]


def _dataset(slug: str) -> dict:
    return json.loads((ROOT / "fixtures" / "demo" / f"{slug}.json").read_text())


def _teks(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _bagian(html: str, mulai: str, akhir: str) -> str:
    i = html.index(f'id="{mulai}"')
    return _teks(html[i : html.index(f'id="{akhir}"', i)])


def _susun(slug: str, tahun: int):
    pd = PerangkatDaerah.objects.get(slug=slug)
    return cetak.susun(cetak.laporan_untuk(pd, "lkjip", tahun))


@pytest.mark.parametrize(("slug", "tahun"), DEMO_LKJIP)
def test_demo_lkjip_has_no_filler_and_prints_the_seed_text(slug, tahun):
    dokumen = _susun(slug, tahun)
    teks = _teks(dokumen.isi)
    assert not FILLER.findall(teks)
    # Every fact section of the dataset is printed verbatim (its first sentence).
    bagian_ke_id = {
        "tugas_fungsi": ("bab-1-d", "bab-1-e"),
        "struktur_organisasi": ("bab-1-e", "bab-1-f"),
        "sarana_prasarana": ("bab-1-f", "bab-1-g"),
        "permasalahan": ("bab-1-g", "bab-1-h"),
        "upaya_perbaikan": ("bab-4-b", "lampiran"),
    }
    ada = set()
    for entri in _dataset(slug)["narasi"]:
        ada.add(entri["bagian"])
        kalimat = re.sub(r"\s+", " ", entri["teks"].split("\n")[0]).strip()
        assert kalimat in _bagian(dokumen.isi, *bagian_ke_id[entri["bagian"]])
    # A section the seed does not have shows the gap, never invented text.
    for bagian, (mulai, akhir) in bagian_ke_id.items():
        potongan = _bagian(dokumen.isi, mulai, akhir)
        assert (TANDA_BELUM_DIISI in potongan) == (bagian not in ada), (slug, bagian)


def test_palangkaraya_structure_is_marked_missing_and_approval_is_refused(admin_user):
    dokumen = _susun("kesbangpol-palangkaraya", 2020)
    assert TANDA_BELUM_DIISI in _bagian(dokumen.isi, "bab-1-e", "bab-1-f")
    laporan = services.laporan_dapatkan(
        pd=dokumen.laporan.perangkat_daerah, jenis="lkjip", tahun=2020, user=admin_user
    )
    with pytest.raises(ValidationError) as galat:
        services.laporan_setujui(laporan=laporan, user=admin_user)
    pesan = " ".join(galat.value.messages)
    assert "belum diisi" in pesan
    assert "Struktur Organisasi" in pesan and "Sumber Daya" in pesan
    assert "Tugas Pokok dan Fungsi" not in pesan
    assert not Edisi.objects.filter(laporan__perangkat_daerah=laporan.perangkat_daerah).exists()


def test_balangan_without_isu_strategis_cannot_be_approved_until_it_is_data(admin_user, balangan):
    laporan = services.laporan_dapatkan(pd=balangan, jenis="lkjip", tahun=2023, user=admin_user)
    with pytest.raises(ValidationError, match=r"Permasalahan Utama \(Isu Strategis\)"):
        services.laporan_setujui(laporan=laporan, user=admin_user)
    assert not Edisi.objects.filter(laporan=laporan).exists()
    NarasiPerangkatDaerah.objects.create(
        perangkat_daerah=balangan, bagian="permasalahan", tahun=0, teks="Isu uji satu."
    )
    with pytest.raises(ValidationError) as galat:
        services.laporan_setujui(laporan=laporan, user=admin_user)
    # Only the sasaran without any faktor text is left.
    assert "Permasalahan Utama" not in " ".join(galat.value.messages)
    assert "Analisis penyebab" in " ".join(galat.value.messages)


def test_a_year_row_wins_over_the_standing_text(paser):
    NarasiPerangkatDaerah.objects.create(
        perangkat_daerah=paser, bagian="tugas_fungsi", tahun=2023, teks="Tupoksi khusus 2023."
    )
    html = _susun("kesbangpol-paser", 2023).isi
    potongan = _bagian(html, "bab-1-d", "bab-1-e")
    assert "Tupoksi khusus 2023." in potongan
    assert "Peraturan Daerah Kabupaten Paser Nomor 28 Tahun 2023" not in potongan


def test_paser_signature_is_the_seed_date_not_the_print_date(paser):
    # Seed 002 signs its Kata Pengantar "Tana Paser, 05 Februari 2024" (the seeds live outside
    # the repository, so the date is quoted here).
    html = _susun("kesbangpol-paser", 2023).isi
    teks = _teks(html)
    assert teks.count("Tana Paser, 5 Februari 2024") == 2  # Kata Pengantar and Bab IV
    assert "FEBRUARI 2024" in _bagian(html, "sampul", "kata-pengantar")


def test_without_stored_date_the_edition_is_dated_on_approval(admin_user, paser, monkeypatch):
    from common.formatting import format_tanggal
    from periksa import services as gerbang
    from renstra.models import TandaTanganLaporan

    # The validation gate of another issue point is not what this test is about.
    monkeypatch.setattr(gerbang, "wajib_terjelaskan", lambda **_: [])
    TandaTanganLaporan.objects.filter(perangkat_daerah=paser).delete()
    laporan = services.laporan_dapatkan(pd=paser, jenis="lkjip", tahun=2023, user=admin_user)
    assert "Tana Paser, [tanggal belum diisi]" in _teks(cetak.susun(laporan).isi)
    edisi = services.laporan_setujui(laporan=laporan, user=admin_user)
    from django.utils import timezone

    tanggal = format_tanggal(timezone.localdate(edisi.disetujui_pada))
    assert _teks(edisi.html).count(f"Tana Paser, {tanggal}") == 2
    laporan.refresh_from_db()
    assert laporan.tanggal is None


def test_paser_annex_prints_the_recorded_pk_with_both_parties():
    dokumen = _susun("kesbangpol-paser", 2023)
    lampiran = _bagian(dokumen.isi, "lampiran-1", "lampiran-2")
    pk_kepala = next(
        pk
        for pk in _dataset("kesbangpol-paser")["perjanjian_kinerja"]
        if pk["pihak_kedua"]["nama"] == "dr. FAHMI FADLI"
    )
    assert "Perjanjian Kinerja tahun 2023 belum tercatat" in lampiran
    assert "PERJANJIAN KINERJA TAHUN 2024" in lampiran.upper()
    assert "dr. FAHMI FADLI" in lampiran and "NONDING" in lampiran
    for baris in pk_kepala["indikator"]:
        assert re.sub(r"\s+", " ", baris["uraian"]) in lampiran


def test_balangan_pk_without_pihak_kedua_prints_a_dash_not_dots():
    lampiran = _bagian(_susun("kesbangpol-balangan", 2023).isi, "lampiran-1", "lampiran-2")
    assert "Persentase Daerah Rawan Konflik yang Terpetakan" in lampiran
    assert "……" not in lampiran
    assert "............" not in lampiran  # no date in the data: "—", not a form to fill
    assert "H. SYAIFUDDIN TAILAH" in lampiran


def test_pdf_text_has_the_seed_dates_and_no_filler(lkjip_paser):
    teks = re.sub(r"\s+", " ", lkjip_paser.teks)
    assert "Tana Paser, 5 Februari 2024" in teks
    assert not FILLER.findall(teks)
    assert "dr. FAHMI FADLI" in teks

    pd = PerangkatDaerah.objects.select_related("pemda").get(slug="kesbangpol-balangan")
    dokumen = cetak.susun(cetak.laporan_untuk(pd, "lkjip", 2023))
    html = cetak.halaman_cetak(dokumen.isi, judul=dokumen.judul, draft=True)
    balangan = re.sub(r"\s+", " ", "\n".join(teks_pdf(cetak.pdf(html))))
    # Seed 001 signs "Paringin, Februari 2024".
    assert "Paringin, Februari 2024" in balangan
    assert not FILLER.findall(balangan)
    assert TANDA_BELUM_DIISI in balangan
