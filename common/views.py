"""View glue shared by every entry screen: the workflow actions on a realisation (indicator or
budget) and the safe redirect back to the page the user came from."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from .forms import KembalikanForm
from .models import Peran


def kembali_ke(request, bawaan: str) -> HttpResponseRedirect:
    tujuan = request.POST.get("next") or ""
    if tujuan and url_has_allowed_host_and_scheme(tujuan, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(tujuan)
    return HttpResponseRedirect(bawaan)


def pesan_galat(exc: ValidationError) -> list[str]:
    return list(exc.messages)


def jalankan_aksi(request, akses, objek, *, peran: tuple, fungsi, pesan: str, url: str, **kwargs):
    """One workflow action on a realisation (indicator or budget): role check, service call,
    its outcome as a message, back to `url` (or the posted `next`)."""
    akses.wajib(*peran)
    try:
        fungsi(realisasi=objek, user=request.user, **kwargs)
    except ValidationError as exc:
        for p in pesan_galat(exc):
            messages.error(request, p)
    else:
        messages.success(request, pesan)
    return kembali_ke(request, url)


PERAN_KEMBALIKAN = (Peran.VERIFIKATOR, Peran.KEPALA)


def jalankan_kembalikan(request, akses, objek, *, fungsi, pesan: str, url: str):
    """Return a realisation to its author; the reason is required (KembalikanForm)."""
    form = KembalikanForm(request.POST)
    if not form.is_valid():
        akses.wajib(*PERAN_KEMBALIKAN)
        for p in form.errors.get("alasan", []):
            messages.error(request, p)
        return kembali_ke(request, url)
    return jalankan_aksi(
        request,
        akses,
        objek,
        peran=PERAN_KEMBALIKAN,
        fungsi=fungsi,
        pesan=pesan,
        url=url,
        alasan=form.cleaned_data["alasan"],
    )
