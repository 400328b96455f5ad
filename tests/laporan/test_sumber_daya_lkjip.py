"""LKjIP Bab I.F prints the PD's own staffing and facilities tables (renstra.TabelSumberDaya).

Only the HTML is built here (as tests/laporan/conftest.py does, without the PDF).
"""

import re

from laporan import cetak
from laporan.dokumen import judul_tabel_sumber_daya
from renstra.models import JenisTabelSumberDaya, PerangkatDaerah, TabelSumberDaya

JUDUL_1 = "SDM Badan Kesatuan Bangsa dan Politik berdasarkan Jumlah Pegawai"


def html_lkjip(pd) -> tuple[object, str]:
    dokumen = cetak.susun(cetak.laporan_untuk(pd, "lkjip", 2023))
    return dokumen, cetak.halaman_cetak(dokumen.isi, judul=dokumen.judul, draft=True)


def bab_1f(html: str) -> str:
    """The HTML of Bab I.F Sumber Daya (up to I.G)."""
    return html.split('id="bab-1-f"', 1)[1].split('id="bab-1-g"', 1)[0]


def judul_tabel(html: str) -> list[str]:
    return re.findall(r'<p class="judul-tabel"[^>]*>(.*?)</p>', html)


def test_balangan_lkjip_prints_its_sdm_tables_in_bab_1(balangan):
    dokumen, html = html_lkjip(balangan)
    bagian = bab_1f(html)
    # The narrative part (the report's own text, loaded as data) stays; the tables follow it.
    assert "sarana dan prasarana" in bagian.split("<table", 1)[0]
    # The source's own "Tabel 1.1" gives way to the report's numbering.
    assert judul_tabel(bagian) == [
        f"Tabel 1. {JUDUL_1}",
        "Tabel 2. SDM Badan Kesatuan Bangsa dan Politik berdasarkan Jabatan dan Pendidikan",
        "Tabel 3. PNS Badan Kesatuan Bangsa dan Politik berdasarkan Jenis Kelamin",
    ]
    assert "Tabel 1.1" not in html
    assert "<tr><th>NO</th><th>URAIAN JABATAN</th><th>JUMLAH</th></tr>" in bagian
    assert "<td>6.</td><td>Non PNS</td><td>28</td>" in bagian
    assert '<tr class="baris-jumlah"><td></td><td>JUMLAH</td><td>47</td></tr>' in bagian
    assert "<td>2.</td><td>S-2</td><td>1</td><td>1</td><td>2</td><td></td><td>1</td><td>5</td>" in (
        bagian
    )
    assert "<td>2.</td><td>Perempuan</td><td>6</td>" in bagian
    # In the list of tables, and the report's other tables are numbered after them.
    daftar = html.split("DAFTAR TABEL", 1)[1].split("DAFTAR GAMBAR", 1)[0]
    assert f'<a href="#tabel-sumber-daya-sdm-1">Tabel 1. {JUDUL_1}</a>' in daftar
    assert "Tabel 4. Hubungan sasaran strategis dan program" in daftar
    # In the document's tables (XLSX sheets) first, without numbers for the snapshot.
    assert [t.judul for t in dokumen.tabel[:3]] == [
        judul_tabel_sumber_daya(t.judul)
        for t in TabelSumberDaya.objects.filter(perangkat_daerah=balangan).order_by("urutan")
    ]
    assert not any(k.startswith("sumber-daya") for k in dokumen.angka)


def test_sarana_tables_follow_the_sdm_ones(balangan):
    TabelSumberDaya.objects.create(
        perangkat_daerah=balangan,
        jenis=JenisTabelSumberDaya.SARANA,
        urutan=0,
        judul="Sarana dan prasarana kantor",
        kolom=["No", "Jenis", "Jumlah"],
        baris=[["1.", "Kendaraan roda empat", "3"]],
    )
    _, html = html_lkjip(balangan)
    bagian = bab_1f(html)
    assert judul_tabel(bagian)[-1] == "Tabel 4. Sarana dan prasarana kantor"
    assert "<td>1.</td><td>Kendaraan roda empat</td><td>3</td>" in bagian


def test_pd_without_tables_prints_only_the_narrative(db):
    kalteng = PerangkatDaerah.objects.get(slug="kesbangpol-kalteng")
    assert not TabelSumberDaya.objects.filter(perangkat_daerah=kalteng).exists()
    _, html = html_lkjip(kalteng)
    bagian = bab_1f(html)
    assert "<table" not in bagian and "judul-tabel" not in bagian
    # No sarana text in the data: the draft shows the gap, never invented text.
    assert "[belum diisi]" in bagian


def test_source_numbers_are_taken_off_the_caption():
    assert judul_tabel_sumber_daya("Tabel 1.1 SDM menurut eselon") == "SDM menurut eselon"
    assert judul_tabel_sumber_daya("Table 1 Susunan Kepegawaian") == "Susunan Kepegawaian"
    assert judul_tabel_sumber_daya("Tabel II.3: Sarana") == "Sarana"
    assert judul_tabel_sumber_daya("Analisis SDM, sasaran 1") == "Analisis SDM, sasaran 1"
    assert judul_tabel_sumber_daya("Tabel 1.1") == "Tabel 1.1"
