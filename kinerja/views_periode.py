"""Reopen requests and entry windows of the quarters (renstra.periode; DOMAIN.md §8)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from common.models import Peran
from common.views import pesan_galat
from renstra.akses import pd_access
from renstra.models import JendelaPengisian, PembukaanKembali
from renstra.periode import (
    baca_periode,
    jendela_bawaan,
    pilihan_periode,
)

from . import services
from .forms import (
    JendelaForm,
    PembukaanForm,
    PutusPembukaanForm,
)
from .views import (
    PESAN_JENDELA_TERSIMPAN,
    PESAN_PEMBUKAAN_DIMINTA,
    PESAN_PEMBUKAAN_DISETUJUI,
    PESAN_PEMBUKAAN_DITOLAK,
)

# --- Reopen requests and entry windows --------------------------------------------------------


@require_GET
@pd_access()
def pembukaan_daftar(request, akses):
    tahun, triwulan = baca_periode(request, akses.pd)
    permintaan = PembukaanKembali.objects.filter(perangkat_daerah=akses.pd).select_related(
        "unit_kerja", "diminta_oleh", "diputus_oleh"
    )[:100]
    jendela = {
        j.triwulan: j
        for j in JendelaPengisian.objects.filter(perangkat_daerah=akses.pd, tahun=tahun)
    }
    baris_jendela = []
    for n in range(1, 5):
        j = jendela.get(n)
        dibuka, ditutup = (j.dibuka, j.ditutup) if j else jendela_bawaan(tahun, n)
        baris_jendela.append(
            {
                "triwulan": n,
                "bawaan": j is None,
                "form": JendelaForm(
                    initial={"tahun": tahun, "triwulan": n, "dibuka": dibuka, "ditutup": ditutup},
                    prefix=f"tw{n}",
                ),
                "dibuka": dibuka,
                "ditutup": ditutup,
            }
        )
    return render(
        request,
        "kinerja/pembukaan.html",
        {
            "pd": akses.pd,
            "akses": akses,
            "tahun": tahun,
            "triwulan": triwulan,
            "permintaan": permintaan,
            "form": PembukaanForm(pd=akses.pd, initial={"tahun": tahun, "triwulan": triwulan}),
            "form_putus": PutusPembukaanForm(),
            "boleh_putus": services.boleh_putus_pembukaan(akses),
            "boleh_minta": akses.punya(
                Peran.OPERATOR, Peran.VERIFIKATOR, Peran.KEPALA, Peran.PERENCANA
            ),
            "baris_jendela": baris_jendela,
            **pilihan_periode(akses.pd, tahun),
        },
    )


@require_POST
@pd_access(Peran.OPERATOR, Peran.VERIFIKATOR, Peran.KEPALA, Peran.PERENCANA)
def pembukaan_minta(request, akses):
    form = PembukaanForm(request.POST, pd=akses.pd)
    tujuan = reverse("kinerja:pembukaan_daftar", kwargs={"pd": akses.pd.slug})
    if not form.is_valid():
        for daftar in form.errors.values():
            for p in daftar:
                messages.error(request, p)
        return redirect(tujuan)
    d = form.cleaned_data
    try:
        services.pembukaan_minta(
            pd=akses.pd,
            tahun=d["tahun"],
            triwulan=d["triwulan"],
            alasan=d["alasan"],
            unit_kerja=d.get("unit_kerja"),
            user=request.user,
        )
    except ValidationError as exc:
        for p in pesan_galat(exc):
            messages.error(request, p)
    else:
        messages.success(request, PESAN_PEMBUKAAN_DIMINTA)
    return redirect(tujuan)


@require_POST
@pd_access()
def pembukaan_putus(request, akses, pk):
    permintaan = get_object_or_404(PembukaanKembali, perangkat_daerah=akses.pd, pk=pk)
    akses.wajib(Peran.KEPALA, Peran.PERENCANA)
    tujuan = reverse("kinerja:pembukaan_daftar", kwargs={"pd": akses.pd.slug})
    form = PutusPembukaanForm(request.POST)
    if not form.is_valid():
        for daftar in form.errors.values():
            for p in daftar:
                messages.error(request, p)
        return redirect(tujuan)
    try:
        if form.cleaned_data["keputusan"] == "setujui":
            services.pembukaan_setujui(
                permintaan=permintaan, user=request.user, berlaku_sampai=form.berlaku_sampai_waktu()
            )
            messages.success(request, PESAN_PEMBUKAAN_DISETUJUI)
        else:
            services.pembukaan_tolak(permintaan=permintaan, user=request.user)
            messages.success(request, PESAN_PEMBUKAAN_DITOLAK)
    except ValidationError as exc:
        for p in pesan_galat(exc):
            messages.error(request, p)
    return redirect(tujuan)


@require_POST
@pd_access(Peran.KEPALA, Peran.PERENCANA)
def jendela_simpan(request, akses):
    prefix = request.POST.get("prefix", "")
    form = JendelaForm(
        request.POST, prefix=prefix if prefix in {"tw1", "tw2", "tw3", "tw4"} else None
    )
    tujuan = reverse("kinerja:pembukaan_daftar", kwargs={"pd": akses.pd.slug})
    if not form.is_valid():
        for daftar in form.errors.values():
            for p in daftar:
                messages.error(request, p)
        return redirect(tujuan)
    d = form.cleaned_data
    try:
        services.jendela_simpan(
            pd=akses.pd,
            tahun=d["tahun"],
            triwulan=d["triwulan"],
            dibuka=d["dibuka"],
            ditutup=d["ditutup"],
            user=request.user,
        )
    except ValidationError as exc:
        for p in pesan_galat(exc):
            messages.error(request, p)
    else:
        messages.success(request, PESAN_JENDELA_TERSIMPAN)
    return redirect(f"{tujuan}?tahun={d['tahun']}")
