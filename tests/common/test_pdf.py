"""The PDF renderer reads static files from disk and refuses the network."""

import io

import pytest
from pypdf import PdfReader

from common.pdf import PESAN_SUMBER_DITOLAK, PengambilLokal, html_ke_pdf


def test_static_stylesheet_is_applied_from_disk():
    html = (
        '<html><head><link rel="stylesheet" href="/static/css/app.css"></head>'
        '<body><p class="kategori-I">Sangat Tinggi</p></body></html>'
    )
    pdf = html_ke_pdf(html)
    assert pdf[:4] == b"%PDF"
    assert "Sangat Tinggi" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    jawaban = PengambilLokal().fetch("http://localhost/static/css/app.css")
    assert b".kategori-I" in jawaban.read()
    assert jawaban.content_type == "text/css"


def test_network_resources_are_refused():
    with pytest.raises(ValueError) as info:
        PengambilLokal().fetch("https://cdn.example.com/x.css")
    assert str(info.value) == PESAN_SUMBER_DITOLAK.format(url="https://cdn.example.com/x.css")


def test_data_urls_are_allowed():
    jawaban = PengambilLokal().fetch("data:text/plain;base64,SGFsbw==")
    assert jawaban.read() == b"Halo"
