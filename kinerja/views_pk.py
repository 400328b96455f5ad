"""Perjanjian Kinerja pages: list and drafting, editing a draft, sign-off, PK Perubahan,
documents (HTML and PDF), the pohon kinerja, and the public verification page.

Reading needs any role in the PD; drafting and editing need perencana or kepala; who may
sign is decided by kinerja.pk.boleh_menandatangani (a refusal answers 403). Another PD's
PK answers 404. The PDF views are the HTML views plus common.pdf.PDFMixin.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from common.formatting import format_bulan_tahun, format_tanggal
from common.forms import galat_ke_form
from common.pdf import PDFMixin, respons_pdf
from common.permissions import PERENCANA, Akses
from kinerja import pk as layanan
from kinerja.forms_pk import (
    BarisPKForm,
    BarisPKFormSet,
    KembaliDrafForm,
    KepalaPKForm,
    PerubahanForm,
    PindaianForm,
    SusunPKForm,
    TambahIndikatorForm,
    TandaTanganForm,
)
from kinerja.models import PerjanjianKinerja, PKAnggaran, PKIndikator, StatusPK
from kinerja.pk import PKTidakDitemukan, dokumen_pk, konteks_dokumen
from renstra.akses import PDAccessMixin, pd_access

PESAN_DRAF_DISUSUN = (
    "Draf PK disusun dari rencana: {indikator} indikator, {anggaran} baris anggaran."
)
PESAN_TERSIMPAN = "Perubahan draf PK tersimpan."
PESAN_TTD_PERTAMA = "PK ditandatangani pihak pertama."
PESAN_TTD_SELESAI = "PK telah ditandatangani kedua pihak; isinya kini terkunci."
PESAN_PERUBAHAN_DIBUAT = (
    "Draf PK Perubahan (versi {nomor}) dibuat; target lama disimpan sebagai target sebelum "
    "perubahan."
)
PESAN_DIKEMBALIKAN = "PK dikembalikan ke draf."
PESAN_DIHAPUS = "Draf PK dihapus."
PESAN_DITAUTKAN = "{jumlah} indikator ditautkan ke indikator atasannya."
PESAN_PINDAIAN_TIDAK_ADA = "PK ini tidak memiliki pindaian."
PESAN_BACA_DITANDATANGANI = (
    "Hanya dapat dibaca: PK ini sudah ditandatangani kedua pihak dan isinya terkunci; "
    "perubahan dilakukan melalui PK Perubahan."
)
PESAN_BACA_DIGANTI = "Hanya dapat dibaca: versi ini sudah digantikan oleh PK Perubahan."
PESAN_BACA_MENUNGGU = (
    "Hanya dapat dibaca: Pihak Pertama sudah menandatangani, sehingga isi terkunci sampai "
    "Pihak Kedua menandatangani atau PK dikembalikan ke draf."
)
PESAN_BACA_BUKAN_PERENCANA = (
    "Hanya dapat dibaca: draf PK diubah oleh perencana atau kepala perangkat daerah."
)
PESAN_TANGGAL_TAHUN_LAIN = (
    "Tanggal dokumen ({tanggal}) tidak berada pada tahun PK {tahun}. Perbaiki tanggal pada "
    "Ubah draf sebelum ditandatangani."
)


def alasan_hanya_baca_pk(pk: PerjanjianKinerja, *, perencana: bool, ada_pengganti: bool) -> str:
    """Why the PK page offers no editing to this user ("" when it does)."""
    if pk.status == StatusPK.DITANDATANGANI:
        return PESAN_BACA_DIGANTI if ada_pengganti else PESAN_BACA_DITANDATANGANI
    if pk.status == StatusPK.DITANDATANGANI_PIHAK_PERTAMA:
        return PESAN_BACA_MENUNGGU
    return "" if perencana else PESAN_BACA_BUKAN_PERENCANA


def peringatan_tahun_pk(pk: PerjanjianKinerja) -> str:
    """A warning when the document's date lies outside the PK's year (seed 002 prints a PK
    2024 dated "Januari 2023"); "" when it fits or no date is set."""
    if pk.tanggal is None or pk.tanggal.year == pk.tahun:
        return ""
    tanggal = (
        format_bulan_tahun(pk.tanggal) if pk.tanggal_hanya_bulan else format_tanggal(pk.tanggal)
    )
    return PESAN_TANGGAL_TAHUN_LAIN.format(tanggal=tanggal, tahun=pk.tahun)


def _basis_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _ambil_pk(akses: Akses, pk_id: int) -> PerjanjianKinerja:
    """A PK of the user's PD (another PD's PK answers 404)."""
    return get_object_or_404(
        PerjanjianKinerja.objects.select_related(
            "perangkat_daerah__pemda", "pihak_pertama__unit_kerja", "pihak_kedua", "menggantikan"
        ),
        pk=pk_id,
        perangkat_daerah=akses.pd,
    )


def _pesan_galat(request, exc: ValidationError) -> None:
    for pesan in exc.messages:
        messages.error(request, pesan)


def _ke_detail(akses: Akses, pk: PerjanjianKinerja):
    return redirect("pk:detail", pd=akses.pd.slug, pk=pk.pk)


# --- Public verification -----------------------------------------------------------------------


@require_GET
def verifikasi(request, sidik: str):
    """Anyone (no login) checks a printed fingerprint: authentic / superseded / unknown."""
    hasil = layanan.verifikasi_sidik_jari(sidik)
    isi = layanan.isi_pk(hasil.pk, dengan_rencana=False) if hasil.pk else None
    konteks = {
        "hasil": hasil,
        "isi": isi,
        "sidik": sidik,
        "url_pengganti": (
            reverse("pk:verifikasi", args=[hasil.pengganti.sidik_jari]) if hasil.pengganti else ""
        ),
    }
    status = 404 if hasil.status == layanan.STATUS_TIDAK_DIKENAL else 200
    return render(request, "pk/verifikasi.html", konteks, status=status)


# --- List and drafting -------------------------------------------------------------------------


class DaftarPKView(PDAccessMixin, TemplateView):
    template_name = "pk/daftar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        semua = list(
            PerjanjianKinerja.objects.for_pd(self.pd)
            .select_related("pihak_pertama", "menggantikan")
            .order_by("-tahun", "id")
        )
        tahun_ada = sorted({p.tahun for p in semua}, reverse=True)
        try:
            tahun = int(self.request.GET.get("tahun") or (tahun_ada[0] if tahun_ada else 0))
        except ValueError as exc:
            raise Http404 from exc
        terkini = {p.pk for p in layanan.pk_terkini(pd=self.pd, tahun=tahun)} if tahun else set()
        daftar = sorted((p for p in semua if p.tahun == tahun), key=layanan.urutan_pk)
        context.update(
            tahun=tahun,
            tahun_ada=tahun_ada,
            daftar=daftar,
            terkini=terkini,
            boleh_susun=self.akses.punya(*PERENCANA),
            form_susun=SusunPKForm(pd=self.pd, initial={"tahun": tahun or None}),
        )
        return context


@require_POST
@pd_access(*PERENCANA)
def susun(request, akses: Akses):
    form = SusunPKForm(request.POST, pd=akses.pd)
    if not form.is_valid():
        for galat in form.errors.values():
            messages.error(request, " ".join(galat))
        return redirect("pk:daftar", pd=akses.pd.slug)
    try:
        pk = layanan.pk_susun_draf(
            pd=akses.pd,
            tahun=form.cleaned_data["tahun"],
            pejabat=form.cleaned_data["pejabat"],
            user=request.user,
        )
    except ValidationError as exc:
        _pesan_galat(request, exc)
        return redirect(
            reverse("pk:daftar", args=[akses.pd.slug]) + f"?tahun={form.cleaned_data['tahun']}"
        )
    messages.success(
        request,
        PESAN_DRAF_DISUSUN.format(indikator=pk.indikator.count(), anggaran=pk.anggaran.count()),
    )
    return _ke_detail(akses, pk)


# --- One PK ------------------------------------------------------------------------------------


class DetailPKView(PDAccessMixin, TemplateView):
    template_name = "pk/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pk = _ambil_pk(self.akses, kwargs["pk"])
        user = self.request.user
        perencana = self.akses.punya(*PERENCANA)
        ada_pengganti = PerjanjianKinerja.objects.filter(menggantikan=pk).exists()
        status = pk.status
        context.update(
            pk=pk,
            isi=layanan.isi_pk(pk, basis_url=_basis_url(self.request)),
            versi=layanan.versi_pk(pk),
            mode_cetak=False,
            boleh_ubah=perencana and status == StatusPK.DRAFT,
            alasan_hanya_baca=alasan_hanya_baca_pk(
                pk, perencana=perencana, ada_pengganti=ada_pengganti
            ),
            peringatan_tahun=peringatan_tahun_pk(pk),
            boleh_ttd_pertama=status == StatusPK.DRAFT
            and layanan.boleh_menandatangani(user, pk, "pertama"),
            boleh_ttd_kedua=status == StatusPK.DITANDATANGANI_PIHAK_PERTAMA
            and pk.pihak_kedua_id is not None
            and layanan.boleh_menandatangani(user, pk, "kedua"),
            boleh_unggah=status == StatusPK.DITANDATANGANI_PIHAK_PERTAMA
            and layanan.boleh_unggah_pindaian(user, pk),
            boleh_perubahan=perencana and status == StatusPK.DITANDATANGANI and not ada_pengganti,
            boleh_kembali=status == StatusPK.DITANDATANGANI_PIHAK_PERTAMA,
            form_ttd=TandaTanganForm(),
            form_pindaian=PindaianForm(),
            form_kembali=KembaliDrafForm(),
        )
        return context


def _pilihan_atasan(pk: PerjanjianKinerja) -> list[tuple[int, str]]:
    """Rows of the year's current PKs a row of `pk` may support (its own rows included)."""
    daftar = layanan.pk_terkini(pd=pk.perangkat_daerah, tahun=pk.tahun)
    if pk.pk not in {p.pk for p in daftar}:
        daftar.append(pk)
    baris = PKIndikator.objects.filter(
        Q(perjanjian__in=daftar)
        # A link to a row of an older version stays selectable (else the form refuses it).
        | Q(pk__in=pk.indikator.exclude(indikator_atasan=None).values("indikator_atasan"))
    ).select_related("perjanjian__pihak_pertama")
    pilihan = []
    for b in baris.order_by("perjanjian_id", "urutan", "id"):
        label = f"{layanan.jabatan_pihak_pertama(b.perjanjian)} — {b.uraian}"
        if b.perjanjian not in daftar:
            label += f" (versi {b.perjanjian.nomor_versi})"
        pilihan.append((b.pk, label))
    return pilihan


@pd_access(*PERENCANA)
def ubah(request, akses: Akses, pk: int):
    pk = _ambil_pk(akses, pk)
    if pk.status != StatusPK.DRAFT:
        messages.error(
            request,
            layanan.PESAN_PK_TERKUNCI
            if pk.status == StatusPK.DITANDATANGANI
            else layanan.PESAN_PK_MENUNGGU_PIHAK_KEDUA,
        )
        return _ke_detail(akses, pk)
    baris = list(pk.indikator.select_related("indikator").order_by("urutan", "id"))
    pilihan = _pilihan_atasan(pk)
    initial = [BarisPKForm.initial_dari(b) for b in baris]
    if request.method == "POST":
        form_kepala = KepalaPKForm(request.POST, instance=pk)
        formset = BarisPKFormSet(
            request.POST, initial=initial, pilihan_atasan=pilihan, prefix="baris"
        )
        anggaran_hapus = {int(i) for i in request.POST.getlist("hapus_anggaran") if i.isdigit()}
        if (
            form_kepala.is_valid()
            and formset.is_valid()
            and _simpan_draf(request, pk, form_kepala, formset, baris, anggaran_hapus)
        ):
            messages.success(request, PESAN_TERSIMPAN)
            return redirect("pk:ubah", pd=akses.pd.slug, pk=pk.pk)
    else:
        form_kepala = KepalaPKForm(instance=pk)
        formset = BarisPKFormSet(initial=initial, pilihan_atasan=pilihan, prefix="baris")
    isi = layanan.isi_pk(pk)
    rencana = {b.id: b for b in isi.indikator}
    return render(
        request,
        "pk/ubah.html",
        {
            "pd": akses.pd,
            "akses": akses,
            "pk": pk,
            "isi": isi,
            "form_kepala": form_kepala,
            "formset": formset,
            "baris_form": [(f, rencana.get(f.initial.get("id"))) for f in formset.forms],
            "form_tambah": TambahIndikatorForm(pk=pk),
            "peringatan_tahun": peringatan_tahun_pk(pk),
        },
    )


class _Batal(Exception):
    pass


def _simpan_draf(request, pk, form_kepala, formset, baris, anggaran_hapus) -> bool:
    """Apply the edit page through the services in one transaction; False (all rolled back)
    when a service refuses, with the message on the form concerned."""
    per_id = {b.pk: b for b in baris}
    try:
        with transaction.atomic():
            data_kepala = {
                nama: form_kepala.cleaned_data[nama]
                for nama in layanan.ISIAN_KEPALA
                if nama in form_kepala.changed_data
            }
            if data_kepala:
                try:
                    layanan.pk_ubah_kepala(pk=pk, data=data_kepala, user=request.user)
                except ValidationError as exc:
                    galat_ke_form(form_kepala, exc)
                    raise _Batal from exc
            for form in formset.forms:
                b = per_id.get(form.cleaned_data.get("id"))
                if b is None:
                    continue
                try:
                    if form.cleaned_data.get("hapus"):
                        layanan.pk_hapus_indikator(baris=b, user=request.user)
                        continue
                    data = {
                        "sasaran_uraian": form.cleaned_data["sasaran_uraian"],
                        "uraian": form.cleaned_data["uraian"],
                        "satuan": form.cleaned_data["satuan"],
                        "alasan_selisih": form.cleaned_data["alasan_selisih"],
                        **form.cleaned_data["target"],
                    }
                    if any(getattr(b, k) != v for k, v in data.items()):
                        layanan.pk_ubah_indikator(baris=b, data=data, user=request.user)
                    atasan_id = form.cleaned_data.get("indikator_atasan")
                    if atasan_id != b.indikator_atasan_id:
                        atasan = (
                            PKIndikator.objects.filter(pk=atasan_id).first() if atasan_id else None
                        )
                        layanan.pk_tautkan(baris=b, atasan=atasan, user=request.user)
                except ValidationError as exc:
                    galat_ke_form(form, exc)
                    raise _Batal from exc
            for a in PKAnggaran.objects.filter(perjanjian=pk, pk__in=anggaran_hapus):
                layanan.pk_hapus_anggaran(baris=a, user=request.user)
    except _Batal:
        return False
    return True


@require_POST
@pd_access(*PERENCANA)
def tambah_indikator(request, akses: Akses, pk: int):
    pk = _ambil_pk(akses, pk)
    form = TambahIndikatorForm(request.POST, pk=pk)
    if form.is_valid():
        try:
            layanan.pk_tambah_indikator(
                pk=pk, indikator=form.cleaned_data["indikator"], user=request.user
            )
        except ValidationError as exc:
            _pesan_galat(request, exc)
    else:
        for galat in form.errors.values():
            messages.error(request, " ".join(galat))
    return redirect("pk:ubah", pd=akses.pd.slug, pk=pk.pk)


@require_POST
@pd_access(*PERENCANA)
def tautkan_otomatis(request, akses: Akses, tahun: int):
    jumlah = layanan.pk_tautkan_otomatis(pd=akses.pd, tahun=tahun, user=request.user)
    messages.success(request, PESAN_DITAUTKAN.format(jumlah=jumlah))
    return redirect("pk:pohon", pd=akses.pd.slug, tahun=tahun)


@require_POST
@pd_access(*PERENCANA)
def hapus(request, akses: Akses, pk: int):
    pk = _ambil_pk(akses, pk)
    tahun = pk.tahun
    try:
        layanan.pk_hapus(pk=pk, user=request.user)
    except ValidationError as exc:
        _pesan_galat(request, exc)
        return _ke_detail(akses, pk)
    messages.success(request, PESAN_DIHAPUS)
    return redirect(reverse("pk:daftar", args=[akses.pd.slug]) + f"?tahun={tahun}")


# --- Sign-off ----------------------------------------------------------------------------------


def _tanda_tangan(request, akses: Akses, pk_id: int, layanan_ttd, pesan_sukses: str):
    pk = _ambil_pk(akses, pk_id)
    form = TandaTanganForm(request.POST)
    if not form.is_valid():
        messages.error(request, layanan.PESAN_KATA_SANDI_SALAH)
        return _ke_detail(akses, pk)
    try:
        layanan_ttd(pk=pk, user=request.user, kata_sandi=form.cleaned_data["kata_sandi"])
    except ValidationError as exc:
        _pesan_galat(request, exc)
        return _ke_detail(akses, pk)
    messages.success(request, pesan_sukses)
    return _ke_detail(akses, pk)


@require_POST
@pd_access()
def tanda_tangan_pertama(request, akses: Akses, pk: int):
    return _tanda_tangan(
        request, akses, pk, layanan.pk_tandatangani_pihak_pertama, PESAN_TTD_PERTAMA
    )


@require_POST
@pd_access()
def tanda_tangan_kedua(request, akses: Akses, pk: int):
    return _tanda_tangan(request, akses, pk, layanan.pk_tandatangani_pihak_kedua, PESAN_TTD_SELESAI)


@require_POST
@pd_access()
def unggah_pindaian(request, akses: Akses, pk: int):
    pk = _ambil_pk(akses, pk)
    form = PindaianForm(request.POST, request.FILES)
    if not form.is_valid():
        for galat in form.errors.values():
            messages.error(request, " ".join(galat))
        return _ke_detail(akses, pk)
    try:
        layanan.pk_unggah_pindaian(
            pk=pk,
            berkas=form.cleaned_data["berkas"],
            user=request.user,
            kata_sandi=form.cleaned_data["kata_sandi"],
            konfirmasi=form.cleaned_data["konfirmasi"],
        )
    except ValidationError as exc:
        _pesan_galat(request, exc)
        return _ke_detail(akses, pk)
    messages.success(request, PESAN_TTD_SELESAI)
    return _ke_detail(akses, pk)


@require_GET
@pd_access()
def pindaian(request, akses: Akses, pk: int):
    """The uploaded signed scan, served through the PD scope (never from a public URL)."""
    pk = _ambil_pk(akses, pk)
    if not pk.pindaian_bertanda_tangan:
        raise Http404(PESAN_PINDAIAN_TIDAK_ADA)
    berkas = pk.pindaian_bertanda_tangan.open("rb")
    nama = pk.pindaian_bertanda_tangan.name.rsplit("/", 1)[-1]
    return FileResponse(berkas, as_attachment=False, filename=nama)


@require_POST
@pd_access()
def kembali_draf(request, akses: Akses, pk: int):
    pk = _ambil_pk(akses, pk)
    form = KembaliDrafForm(request.POST)
    try:
        layanan.pk_kembalikan_ke_draf(pk=pk, alasan=form.data.get("alasan", ""), user=request.user)
    except ValidationError as exc:
        _pesan_galat(request, exc)
        return _ke_detail(akses, pk)
    messages.success(request, PESAN_DIKEMBALIKAN)
    return _ke_detail(akses, pk)


@pd_access(*PERENCANA)
def perubahan(request, akses: Akses, pk: int):
    pk = _ambil_pk(akses, pk)
    form = PerubahanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            baru = layanan.pk_buat_perubahan(
                pk=pk,
                alasan=form.cleaned_data["alasan"],
                uraian=form.cleaned_data["uraian"],
                user=request.user,
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
        else:
            messages.success(request, PESAN_PERUBAHAN_DIBUAT.format(nomor=baru.nomor_versi))
            return redirect("pk:ubah", pd=akses.pd.slug, pk=baru.pk)
    return render(
        request, "pk/perubahan.html", {"pd": akses.pd, "akses": akses, "pk": pk, "form": form}
    )


# --- Documents ---------------------------------------------------------------------------------


class CetakPKView(PDAccessMixin, TemplateView):
    """One PK as the printed document (the same template as the PDF)."""

    template_name = "pk/dokumen.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        self.objek = _ambil_pk(self.akses, kwargs["pk"])
        isi = layanan.isi_pk(self.objek, basis_url=_basis_url(self.request), dengan_rencana=False)
        judul = f"{isi.judul} — {isi.pihak_pertama.nama or isi.pihak_pertama.jabatan}"
        context.update(konteks_dokumen([isi], judul=judul))
        return context


class CetakPKPdfView(PDFMixin, CetakPKView):
    def get_pdf_nama_berkas(self) -> str:
        p = self.objek
        nama = slugify(p.pihak_pertama.nama if p.pihak_pertama else p.pihak_pertama_jabatan)[:60]
        return f"pk-{p.tahun}-{nama or p.pk}-v{p.nomor_versi}.pdf"


@require_GET
@pd_access()
def dokumen_tahun(request, akses: Akses, tahun: int, format: str):
    """All current PKs of the PD and year as one document (the LKjIP annex)."""
    if format not in ("pdf", "html"):
        raise Http404
    try:
        data = dokumen_pk(
            pd=akses.pd,
            tahun=tahun,
            nip=request.GET.get("nip") or None,
            format=format,
            basis_url=_basis_url(request),
            request=request,
        )
    except PKTidakDitemukan as exc:
        raise Http404(str(exc)) from exc
    if format == "html":
        return HttpResponse(data, content_type="text/html; charset=utf-8")
    return respons_pdf(data, f"pk-{akses.pd.slug}-{tahun}.pdf")


# --- Pohon kinerja -----------------------------------------------------------------------------


class PohonView(PDAccessMixin, TemplateView):
    template_name = "pk/pohon.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            tahun=kwargs["tahun"],
            pohon=layanan.pohon_kinerja(pd=self.pd, tahun=kwargs["tahun"]),
            boleh_tautkan=self.akses.punya(*PERENCANA),
        )
        return context


class PohonCetakView(PohonView):
    template_name = "pk/pohon_cetak.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            konteks_dokumen([], judul=f"Pohon Kinerja {kwargs['tahun']} — {self.pd.nama}")
        )
        return context


class PohonPdfView(PDFMixin, PohonCetakView):
    def get_pdf_nama_berkas(self) -> str:
        return f"pohon-kinerja-{self.pd.slug}-{self.kwargs['tahun']}.pdf"
