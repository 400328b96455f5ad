"""Publication screens: the public page (no login) and its downloads, and the PD page where
the head publishes or withdraws the LKjIP editions and signed PKs."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import TemplateView

from common.models import Peran
from common.pdf import respons_pdf
from kinerja.models import PerjanjianKinerja, StatusPK
from renstra.akses import PDAccessMixin, pd_access

from . import publikasi
from .models import Edisi, JenisLaporan, Publikasi

PESAN_TERBIT = "“{judul}” dipublikasikan."
PESAN_TARIK = "Publikasi “{judul}” ditarik."


@require_safe
def publik_indeks(request):
    return render(request, "laporan/publik.html", {"daftar": publikasi.daftar_publik()})


@require_safe
def publik_unduh(request, pk: int):
    pub = publikasi.publikasi_aktif_atau_404(pk)
    isi, nama = publikasi.berkas_publikasi(pub)
    return respons_pdf(isi, nama)


class KelolaView(PDAccessMixin, TemplateView):
    template_name = "laporan/publikasi.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        aktif = {
            (p.edisi_id, p.perjanjian_id): p
            for p in Publikasi.objects.filter(perangkat_daerah=self.pd, aktif=True)
        }
        ctx["edisi"] = [
            (e, aktif.get((e.pk, None)))
            for e in Edisi.objects.filter(
                laporan__perangkat_daerah=self.pd, laporan__jenis=JenisLaporan.LKJIP
            )
            .select_related("laporan")
            .order_by("-laporan__tahun", "-nomor")
        ]
        ctx["pk"] = [
            (p, aktif.get((None, p.pk)))
            for p in PerjanjianKinerja.objects.filter(
                perangkat_daerah=self.pd, status=StatusPK.DITANDATANGANI
            )
            .select_related("pihak_pertama")
            .order_by("-tahun", "id")
        ]
        ctx["riwayat"] = Publikasi.objects.filter(perangkat_daerah=self.pd).order_by(
            "-dipublikasikan_pada"
        )
        ctx["kepala"] = self.akses.punya(Peran.KEPALA)
        return ctx


def _galat(request, galat):
    pesan = galat.messages if isinstance(galat, ValidationError) else [str(galat)]
    for p in pesan:
        messages.error(request, p)


@require_POST
@pd_access(Peran.KEPALA)
def terbitkan(request, akses):
    edisi = perjanjian = None
    if request.POST.get("edisi"):
        edisi = get_object_or_404(
            Edisi, pk=request.POST["edisi"], laporan__perangkat_daerah=akses.pd
        )
    else:
        perjanjian = get_object_or_404(
            PerjanjianKinerja, pk=request.POST.get("perjanjian") or 0, perangkat_daerah=akses.pd
        )
    try:
        pub = publikasi.publikasi_terbitkan(
            pd=akses.pd, user=request.user, edisi=edisi, perjanjian=perjanjian
        )
        messages.success(request, PESAN_TERBIT.format(judul=pub.judul))
    except (ValidationError, PermissionDenied) as galat:
        _galat(request, galat)
    return redirect("publikasi:kelola", pd=akses.pd.slug)


@require_POST
@pd_access(Peran.KEPALA)
def tarik(request, akses, pk: int):
    pub = get_object_or_404(Publikasi, pk=pk, perangkat_daerah=akses.pd)
    try:
        publikasi.publikasi_tarik(
            publikasi=pub, user=request.user, alasan=request.POST.get("alasan", "")
        )
        messages.success(request, PESAN_TARIK.format(judul=pub.judul))
    except (ValidationError, PermissionDenied) as galat:
        _galat(request, galat)
    return redirect("publikasi:kelola", pd=akses.pd.slug)
