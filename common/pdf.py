"""HTML → PDF with WeasyPrint. The PDF view is the HTML view plus `PDFMixin`.

Static files are read from disk through the staticfiles finders: a report never reaches
for the network (agencies work on closed networks), and it renders the same offline.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

PESAN_SUMBER_DITOLAK = "Sumber eksternal tidak diizinkan dalam dokumen: {url}"


def _static_path(url: str) -> Path | None:
    path = unquote(urlparse(url).path)
    prefix = "/" + settings.STATIC_URL.lstrip("/")
    if not path.startswith(prefix):
        return None
    found = finders.find(path[len(prefix) :])
    if found:
        return Path(found)
    root = Path(settings.STATIC_ROOT) / path[len(prefix) :]
    return root if root.is_file() else None


def _media_path(url: str) -> Path | None:
    if not url.startswith("file://"):
        return None
    candidate = Path(unquote(urlparse(url).path))
    media_root = Path(settings.MEDIA_ROOT).resolve()
    if candidate.resolve().is_relative_to(media_root) and candidate.is_file():
        return candidate
    return None


class PengambilLokal(URLFetcher):
    """Serves static files from disk, data: URLs and uploaded files under MEDIA_ROOT;
    refuses everything else."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        local = _static_path(url) or _media_path(url)
        if local is None:
            raise ValueError(PESAN_SUMBER_DITOLAK.format(url=url))
        jenis = mimetypes.guess_type(str(local))[0] or "application/octet-stream"
        return URLFetcherResponse(url, local.read_bytes(), {"Content-Type": jenis})


def html_ke_pdf(html: str) -> bytes:
    pengambil = PengambilLokal(timeout=10)
    return HTML(string=html, base_url="http://localhost/", url_fetcher=pengambil).write_pdf()


def respons_pdf(pdf: bytes, nama_berkas: str, *, unduh: bool = True) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposisi = "attachment" if unduh else "inline"
    response["Content-Disposition"] = f'{disposisi}; filename="{nama_berkas}"'
    return response


class PDFMixin:
    """Turns a TemplateView-like view into its PDF twin: same template, same context."""

    pdf_nama_berkas = "dokumen.pdf"

    def get_pdf_nama_berkas(self) -> str:
        return self.pdf_nama_berkas

    def render_to_response(self, context, **response_kwargs):
        context["mode_cetak"] = True
        html = render_to_string(self.get_template_names()[0], context, request=self.request)
        return respons_pdf(html_ke_pdf(html), self.get_pdf_nama_berkas())
