"""Periksa laporan: the differences between a loaded hand-made report and the product's
numbers, per PD and year, as a page, a PDF and an XLSX for the Inspektorat; and the gate of
the LKjIP's approval: the validation errors of the year, each fixed or explained.

Readers of the PD (its staff and its reviewers) see it; a reviewer only for the years
assigned; another PD answers 404. Only the PD's perencana or kepala explain an error. The
numbers come from `periksa.selectors.periksa_laporan`, the errors from
`periksa.services.masalah_gerbang` (`kinerja.validasi.validasi_pd`).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from common.pdf import html_ke_pdf, respons_pdf
from common.permissions import PEMBACA, PERENCANA
from periksa.keluaran import ringkasan, sebagai_xlsx
from periksa.selectors import periksa_laporan
from periksa.services import PANJANG_MAKS, masalah_gerbang, penjelasan_simpan
from renstra.akses import pd_access

from .views import MIME_XLSX, _periksa_tahun

NAMA_BERKAS = "periksa-laporan-{slug}-{tahun}"
PESAN_TERSIMPAN = "Penjelasan masalah {kode} disimpan."
PESAN_FORM = "Isian penjelasan tidak lengkap."


class PenjelasanForm(forms.Form):
    kode = forms.CharField(max_length=100)
    model = forms.CharField(max_length=100)
    objek_id = forms.IntegerField(min_value=0)
    teks = forms.CharField(label="Penjelasan", max_length=PANJANG_MAKS, widget=forms.Textarea)


def _konteks(akses, tahun: int, *, gerbang: bool = False) -> dict:
    _periksa_tahun(akses, tahun)
    hasil = periksa_laporan(pd=akses.pd, tahun=tahun)
    konteks = {
        "pd": akses.pd,
        "akses": akses,
        "tahun": tahun,
        "hasil": hasil,
        "ringkasan": ringkasan(hasil),
        "nama_berkas": NAMA_BERKAS.format(slug=akses.pd.slug, tahun=tahun),
    }
    if gerbang:
        daftar = masalah_gerbang(pd=akses.pd, tahun=tahun)
        konteks.update(
            gerbang=daftar,
            gerbang_belum=sum(1 for g in daftar if not g.dijelaskan),
            boleh_jelaskan=akses.punya(*PERENCANA),
        )
    return konteks


@require_safe
@pd_access(*PEMBACA)
def periksa(request, akses, tahun: int):
    konteks = _konteks(akses, tahun, gerbang=True)
    html = render_to_string("laporan/periksa.html", konteks, request=request)
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


@require_POST
@pd_access(*PERENCANA)
def jelaskan(request, akses, tahun: int):
    """Explain one validation error of the year (audited by the service)."""
    _periksa_tahun(akses, tahun)
    form = PenjelasanForm(request.POST)
    if not form.is_valid():
        messages.error(request, PESAN_FORM)
    else:
        d = form.cleaned_data
        try:
            penjelasan_simpan(
                pd=akses.pd,
                tahun=tahun,
                kode=d["kode"],
                model=d["model"],
                objek_id=d["objek_id"],
                teks=d["teks"],
                user=request.user,
            )
        except ValidationError as galat:
            for pesan in galat.messages:
                messages.error(request, pesan)
        else:
            messages.success(request, PESAN_TERSIMPAN.format(kode=d["kode"]))
    kembali = request.POST.get("kembali", "")
    if kembali and url_has_allowed_host_and_scheme(
        kembali, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(kembali)
    return redirect(
        reverse("laporan:periksa", kwargs={"pd": akses.pd.slug, "tahun": tahun}) + "#gerbang"
    )
