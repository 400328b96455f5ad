"""Web import of a workbook: upload → preview (per sheet) → confirm (DOMAIN.md §2, issue #10).

Only the PD's perencana / admin (or a superuser) may import into it; another PD answers 404.
The uploaded file is kept in the storage under a random name between the preview and the
confirmation (the session holds the name), and is deleted once imported. Both steps run the
same `impor_buku_kerja`: the preview as a dry run (everything written, then rolled back),
the confirmation for real; any problem and nothing is written.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from common.models import Peran
from renstra.akses import pd_access

from .buku_kerja import ringkas_masalah
from .dokumen import _simpul_semua, _tahun_dalam_berkas
from .ekspor_buku import templat
from .forms import UnggahBukuKerjaForm
from .impor_buku import BukuKerjaTidakValid, impor_buku_kerja

PENGIMPOR = (Peran.PERENCANA,)
"""The perencana / admin of the PD (a superuser holds every role)."""

PESAN_BERHASIL = "Buku kerja diimpor: {dibuat} baris dibuat, {diperbarui} diperbarui."
PESAN_TIDAK_ADA_UNGGAHAN = "Unggahan tidak ditemukan atau sudah diimpor; unggah ulang berkasnya."
JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_SESI = "impor_buku_kerja"


def _tahun_realisasi(data: dict) -> int | None:
    """The latest year an indicator of the document has a realisation for."""
    tahun = set()
    for bagian in ("tujuan", "sasaran"):
        for obj in data.get(bagian) or []:
            for ind in obj.get("indikator") or []:
                tahun.update(int(t) for t in ind.get("realisasi") or {})
    for _tingkat, _kunci, simpul in _simpul_semua(data):
        for ind in simpul.get("indikator") or []:
            tahun.update(int(t) for t in ind.get("realisasi") or {})
    return max(tahun, default=None)


def _kunci_sesi(pd) -> str:
    return f"{_SESI}:{pd.slug}"


def _pratinjau(request, akses, berkas, nama_simpan: str | None, nama_asli: str):
    try:
        hasil = impor_buku_kerja(berkas, pengguna=request.user, pd=akses.pd, dry_run=True)
    except BukuKerjaTidakValid as exc:
        if nama_simpan:
            default_storage.delete(nama_simpan)
        request.session.pop(_kunci_sesi(akses.pd), None)
        konteks = {
            "pd": akses.pd,
            "akses": akses,
            "form": UnggahBukuKerjaForm(),
            "nama_asli": nama_asli,
            "masalah": exc.masalah,
            "masalah_per_lembar": ringkas_masalah(exc.masalah),
        }
        return render(request, "pertukaran/pratinjau.html", konteks, status=422)
    konteks = {
        "pd": akses.pd,
        "akses": akses,
        "nama_asli": nama_asli,
        "hasil": hasil,
        "masalah": [],
    }
    return render(request, "pertukaran/pratinjau.html", konteks)


@pd_access(*PENGIMPOR)
def unggah(request, akses):
    """GET: the upload page; POST: keep the file and show its preview."""
    if request.method != "POST":
        form = UnggahBukuKerjaForm()
        return render(
            request, "pertukaran/unggah.html", {"pd": akses.pd, "akses": akses, "form": form}
        )
    form = UnggahBukuKerjaForm(request.POST, request.FILES)
    if not form.is_valid():
        konteks = {"pd": akses.pd, "akses": akses, "form": form}
        return render(request, "pertukaran/unggah.html", konteks, status=422)
    berkas = form.cleaned_data["berkas"]
    lama = request.session.get(_kunci_sesi(akses.pd))
    if lama:
        default_storage.delete(lama["nama"])
    nama = default_storage.save(f"impor/{uuid.uuid4().hex}.xlsx", ContentFile(berkas.read()))
    request.session[_kunci_sesi(akses.pd)] = {"nama": nama, "asli": berkas.name}
    with default_storage.open(nama, "rb") as isi:
        return _pratinjau(request, akses, isi, nama, berkas.name)


@require_POST
@pd_access(*PENGIMPOR)
def konfirmasi(request, akses):
    """Import the previewed file for real, then go to the pengukuran page."""
    simpan = request.session.get(_kunci_sesi(akses.pd))
    if not simpan or not default_storage.exists(simpan["nama"]):
        messages.error(request, PESAN_TIDAK_ADA_UNGGAHAN)
        return redirect("pertukaran:unggah", pd=akses.pd.slug)
    try:
        with default_storage.open(simpan["nama"], "rb") as isi:
            hasil = impor_buku_kerja(isi, pengguna=request.user, pd=akses.pd)
    except BukuKerjaTidakValid as exc:
        konteks = {
            "pd": akses.pd,
            "akses": akses,
            "form": UnggahBukuKerjaForm(),
            "nama_asli": simpan["asli"],
            "masalah": exc.masalah,
            "masalah_per_lembar": ringkas_masalah(exc.masalah),
        }
        return render(request, "pertukaran/pratinjau.html", konteks, status=422)
    finally:
        request.session.pop(_kunci_sesi(akses.pd), None)
    default_storage.delete(simpan["nama"])
    messages.success(
        request,
        PESAN_BERHASIL.format(
            dibuat=hasil.hasil.dibuat.total(), diperbarui=hasil.hasil.diperbarui.total()
        ),
    )
    # The measurement of the latest year with realisations: the LKjIP page of that year.
    tahun = _tahun_realisasi(hasil.baca.data) or max(
        _tahun_dalam_berkas(hasil.baca.data), default=None
    )
    if tahun is None:
        return redirect("beranda_pd", pd=akses.pd.slug)
    kwargs = {"pd": akses.pd.slug, "jenis": "lkjip", "tahun": tahun}
    return redirect(reverse("laporan:laporan", kwargs=kwargs))


@pd_access(*PENGIMPOR)
def unduh_templat(request, akses):
    """The template (empty, or `?contoh=1` filled with the seed-001 example)."""
    contoh = request.GET.get("contoh") == "1"
    nama = "templat-impor-contoh.xlsx" if contoh else "templat-impor.xlsx"
    respons = HttpResponse(templat(contoh=contoh), content_type=JENIS_XLSX)
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons
