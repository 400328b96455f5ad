"""Narrative: text → HTML, placeholders filled from the data, unknown ones reported."""

import pytest

from laporan.narasi import (
    TANDA_PLACEHOLDER_GALAT,
    daftar_placeholder,
    draf_lkjip,
    render_narasi,
    teks_ke_html,
)


def test_paragraphs_and_lists():
    html = teks_ke_html("Satu <b>dua</b>\nbaris\n\n- a\n- b\n\n3. tiga\n4. empat")
    assert html == (
        "<p>Satu &lt;b&gt;dua&lt;/b&gt;<br>baris</p>\n<ul><li>a</li><li>b</li></ul>\n"
        '<ol start="3"><li>tiga</li><li>empat</li></ol>'
    )


def test_placeholders_are_filled_and_escaped():
    hasil = render_narasi(
        "Capaian {{ capaian:S1.I1 }} dari {{pagu_total}}.",
        {"capaian:S1.I1": "89,34%", "pagu_total": "Rp <1>"},
    )
    assert "89,34%" in hasil.html and "Rp &lt;1&gt;" in hasil.html
    assert hasil.tidak_dikenal == ()


def test_unknown_placeholder_is_reported_never_printed_raw():
    hasil = render_narasi("Nilai {{capaian:S9.I9}} dan {{salah}}", {"capaian:S1.I1": "1"})
    assert hasil.tidak_dikenal == ("capaian:S9.I9", "salah")
    assert "{{" not in hasil.html and hasil.html.count(TANDA_PLACEHOLDER_GALAT) == 2


def test_daftar_placeholder():
    assert daftar_placeholder("{{a}} {{b:X.1}} {c}") == ["a", "b:X.1"]


@pytest.mark.django_db
def test_every_draft_placeholder_is_known(paser):
    from laporan.narasi import draf_triwulan
    from laporan.selectors import data_lkjip, data_triwulan, nilai_placeholder

    data = data_lkjip(pd=paser, tahun=2023)
    nilai = nilai_placeholder(data)
    draf = draf_lkjip(data)
    assert len(draf) == 19 + 7 * 6  # the fixed parts and the seven analyses of six sasaran
    for kunci, teks in draf.items():
        assert render_narasi(teks, nilai).tidak_dikenal == (), kunci
    # Per IKU: realisasi vs target, vs last year, vs the Renstra end target, and the factors.
    assert "{{realisasi_lalu:S1.I1}}" in draf["sasaran_S1_tahun_lalu"]
    assert "{{capaian_akhir:S1.I1}}" in draf["sasaran_S1_renstra"]
    assert "Faktor pendorong (S1.I1)" in draf["sasaran_S1_penyebab"]
    assert "Cara perhitungan" in draf["sasaran_S1_target"]
    # The headline is the agency's stated total (Bab II TOTAL), the program tree's sum beside.
    assert nilai["pagu_total"] == "Rp 32.654.909.391"
    assert nilai["pagu_program"] == "Rp 32.351.024.068"
    assert nilai["serapan_total"] == "96,34%"
    assert nilai["capaian:S1.I1"] == "89,34%" and nilai["kategori:S1.I1"] == "Tinggi"
    tw = data_triwulan(pd=paser, tahun=2023, triwulan=2)
    nilai_tw = nilai_placeholder(tw)
    for kunci, teks in draf_triwulan(tw).items():
        assert render_narasi(teks, nilai_tw).tidak_dikenal == (), kunci
