"""The PD admin's page of API tokens: create one for a member (key shown once), revoke."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from common.models import Peran
from renstra.akses import pd_access

from . import services
from .models import TokenAPI

PESAN_DIBUAT = "Token {nama} dibuat. Salin kuncinya sekarang; kunci tidak dapat ditampilkan lagi."
PESAN_DICABUT = "Token {nama} dicabut."


class TokenForm(forms.Form):
    nama = forms.CharField(label="Nama token", max_length=100)
    pengguna = forms.ModelChoiceField(label="Untuk pengguna", queryset=None)

    def __init__(self, *args, pd, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pengguna"].queryset = (
            get_user_model()
            .objects.filter(keanggotaan__perangkat_daerah=pd)
            .distinct()
            .order_by("username")
        )


def _konteks(akses, form, kunci=None):
    tokens = TokenAPI.objects.filter(perangkat_daerah=akses.pd).select_related("pengguna")
    return {"pd": akses.pd, "akses": akses, "form": form, "tokens": tokens, "kunci": kunci}


@pd_access(Peran.PERENCANA)
def daftar(request, akses):
    if request.method != "POST":
        return render(request, "api/token.html", _konteks(akses, TokenForm(pd=akses.pd)))
    form = TokenForm(request.POST, pd=akses.pd)
    if not form.is_valid():
        return render(request, "api/token.html", _konteks(akses, form), status=422)
    try:
        token, kunci = services.token_buat(
            pd=akses.pd,
            pemilik=form.cleaned_data["pengguna"],
            nama=form.cleaned_data["nama"],
            oleh=request.user,
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return render(request, "api/token.html", _konteks(akses, form), status=422)
    messages.success(request, PESAN_DIBUAT.format(nama=token.nama))
    return render(request, "api/token.html", _konteks(akses, TokenForm(pd=akses.pd), kunci))


@require_POST
@pd_access(Peran.PERENCANA)
def cabut(request, akses, pk: int):
    token = get_object_or_404(TokenAPI, pk=pk, perangkat_daerah=akses.pd)
    try:
        services.token_cabut(token=token, oleh=request.user)
        messages.success(request, PESAN_DICABUT.format(nama=token.nama))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("token_api:daftar", pd=akses.pd.slug)
