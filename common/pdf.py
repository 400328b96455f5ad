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


def url_fetcher(url: str, timeout: int = 10, ssl_context=None) -> dict:
    """Serve static files from disk and data: URLs; refuse everything else."""
    if url.startswith("data:"):
        from weasyprint.urls import default_url_fetcher

        return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
    local = _static_path(url)
    if local is None and url.startswith("file://"):
        candidate = Path(unquote(urlparse(url).path))
        media_root = Path(settings.MEDIA_ROOT).resolve()
        if candidate.resolve().is_relative_to(media_root) and candidate.is_file():
            local = candidate
    if local is None:
        raise ValueError(PESAN_SUMBER_DITOLAK.format(url=url))
    return {
        "string": local.read_bytes(),
        "mime_type": mimetypes.guess_type(str(local))[0] or "application/octet-stream",
        "filename": local.name,
    }


def html_ke_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url="http://localhost/", url_fetcher=url_fetcher).write_pdf()


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
