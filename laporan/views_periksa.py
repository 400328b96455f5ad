"""Periksa laporan: the differences between a loaded hand-made report and the product's
numbers, per PD and year, as a page, a PDF and an XLSX for the Inspektorat.

Readers of the PD (its staff and its reviewers) see it; a reviewer only for the years
assigned; another PD answers 404. The numbers come from `periksa.selectors.periksa_laporan`.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from common.pdf import html_ke_pdf, respons_pdf
from common.permissions import PEMBACA
from periksa.keluaran import ringkasan, sebagai_xlsx
from periksa.selectors import periksa_laporan
from renstra.akses import pd_access

from .views import MIME_XLSX, _periksa_tahun

NAMA_BERKAS = "periksa-laporan-{slug}-{tahun}"


def _konteks(akses, tahun: int) -> dict:
    _periksa_tahun(akses, tahun)
    hasil = periksa_laporan(pd=akses.pd, tahun=tahun)
    return {
        "pd": akses.pd,
        "akses": akses,
        "tahun": tahun,
        "hasil": hasil,
        "ringkasan": ringkasan(hasil),
        "nama_berkas": NAMA_BERKAS.format(slug=akses.pd.slug, tahun=tahun),
    }


@require_safe
@pd_access(*PEMBACA)
def periksa(request, akses, tahun: int):
    html = render_to_string("laporan/periksa.html", _konteks(akses, tahun), request=request)
    return HttpResponse(html)


@require_safe
@pd_access(*PEMBACA)
def periksa_pdf(request, akses, tahun: int):
    konteks = _konteks(akses, tahun)
    html = render_to_string("laporan/periksa_cetak.html", konteks, request=request)
    return respons_pdf(html_ke_pdf(html), f"{konteks['nama_berkas']}.pdf")


@require_safe
@pd_access(*PEMBACA)
def periksa_xlsx(request, akses, tahun: int):
    konteks = _konteks(akses, tahun)
    isi = sebagai_xlsx(konteks["hasil"], nama_pd=akses.pd.nama)
    respon = HttpResponse(isi, content_type=MIME_XLSX)
    respon["Content-Disposition"] = f'attachment; filename="{konteks["nama_berkas"]}.xlsx"'
    return respon
