"""Screens of the SAKIP evaluation: the list and opening of evaluations, the worksheet with
stages side by side and last year beside it, answers and evidence, submit and finalise, the LHE
(HTML/PDF), findings and recommendations, follow-up, and the Pemda-wide overview (XLSX).

Every page resolves the PD through the user's scope (another PD answers 404); views only call
selectors and services.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from common.models import Keanggotaan, Peran
from common.pdf import PDFMixin
from renstra.akses import PDAccessMixin, pd_access
from renstra.models import PerangkatDaerah

from . import dokumen, selectors, services
from .bukti import saran_bukti
from .forms import (
    BukaForm,
    BuktiForm,
    FinalkanForm,
    JawabanForm,
    LheForm,
    PutusanForm,
    RekomendasiForm,
    TemuanForm,
    TindakLanjutForm,
)
from .models import (
    Evaluasi,
    Kriteria,
    PeranTim,
    Rekomendasi,
    StatusEvaluasi,
    Tahap,
    TindakLanjut,
)

PESAN_DIBUKA = "Evaluasi SAKIP tahun {tahun} dibuka."
PESAN_JAWABAN = "Jawaban {kode} ({tahap}) disimpan."
PESAN_BUKTI = "Bukti untuk {kode} ditambahkan."
PESAN_DIAJUKAN = "Penilaian mandiri diajukan ke tim evaluator."
PESAN_FINAL = "Evaluasi difinalkan: nilai {nilai}, predikat {predikat}."
PESAN_LHE = "Identitas LHE disimpan."
PESAN_TEMUAN = "Temuan disimpan."
PESAN_REKOMENDASI = "Rekomendasi {nomor} disimpan."
PESAN_TL = "Tindak lanjut diajukan."
PESAN_PUTUSAN = "Tindak lanjut {hasil}."
PERAN_IKHTISAR = (Peran.INSPEKTORAT, Peran.BAPPEDA)
"""Who reads the Pemda-wide overview."""
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _galat(request, galat: ValidationError | PermissionDenied) -> None:
    if isinstance(galat, ValidationError):
        for pesan in galat.messages:
            messages.error(request, pesan)
    else:
        messages.error(request, str(galat))


def _jalankan_form(request, form, aksi) -> None:
    """One form-backed action: the service call `aksi(data)` when the form is valid (its
    success message comes back from `aksi`), every error as a message otherwise."""
    if not form.is_valid():
        for pesan in form.errors.values():
            messages.error(request, " ".join(pesan))
        return
    try:
        messages.success(request, aksi(form.cleaned_data))
    except (ValidationError, PermissionDenied) as galat:
        _galat(request, galat)


def _evaluasi(akses, tahun: int) -> Evaluasi:
    return dokumen.evaluasi_atau_404(akses.pd, tahun)


def _peran_tim(evaluasi: Evaluasi, user) -> str | None:
    if user.is_superuser:
        return PeranTim.KETUA
    return next((a.peran for a in evaluasi.tim.all() if a.pengguna_id == user.pk), None)


def tahap_pengguna(evaluasi: Evaluasi, akses) -> str | None:
    """The stage this user fills now (None: read only)."""
    if evaluasi.status == StatusEvaluasi.MANDIRI and akses.punya(*services.PERAN_PD):
        return Tahap.MANDIRI
    if evaluasi.status == StatusEvaluasi.EVALUASI:
        peran = _peran_tim(evaluasi, akses.user)
        if peran == PeranTim.KETUA:
            return Tahap.KETUA
        if peran == PeranTim.ANGGOTA:
            return Tahap.ANGGOTA
    return None


class IndeksView(PDAccessMixin, TemplateView):
    template_name = "lke/indeks.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["daftar"] = list(
            Evaluasi.objects.filter(perangkat_daerah=self.pd).select_related("template")
        )
        if self.akses.punya(Peran.INSPEKTORAT):
            ctx["form"] = BukaForm(pd=self.pd)
        ctx["jatuh_tempo"] = selectors.rekomendasi_jatuh_tempo(pd_ids=[self.pd.pk])
        ctx["rekomendasi"] = list(
            Rekomendasi.objects.filter(evaluasi__perangkat_daerah=self.pd)
            .select_related("evaluasi", "kriteria")
            .prefetch_related("tindak_lanjut")
            .order_by("-evaluasi__tahun", "nomor")
        )
        if self.akses.punya(*PERAN_IKHTISAR):
            ctx["tahun_ikhtisar"] = (
                ctx["daftar"][0].tahun if ctx["daftar"] else timezone.localdate().year - 1
            )
        ctx["boleh_tl"] = self.akses.punya(*services.PERAN_PD)
        ctx["boleh_putus"] = self.akses.punya(Peran.INSPEKTORAT)
        ctx["form_tl"] = TindakLanjutForm()
        ctx["form_putus"] = PutusanForm()
        return ctx


@require_POST
@pd_access(Peran.INSPEKTORAT)
def buka(request, akses):
    form = BukaForm(request.POST, pd=akses.pd)
    if not form.is_valid():
        for pesan in form.errors.values():
            messages.error(request, " ".join(pesan))
        return redirect("lke:indeks", pd=akses.pd.slug)
    d = form.cleaned_data
    try:
        services.evaluasi_buka(
            pd=akses.pd,
            tahun=d["tahun"],
            template=d["template"],
            user=request.user,
            ketua=request.user,
            anggota=list(d["anggota"]),
            indikator_sakip=d["indikator_sakip"],
        )
    except (ValidationError, PermissionDenied) as galat:
        _galat(request, galat)
        return redirect("lke:indeks", pd=akses.pd.slug)
    messages.success(request, PESAN_DIBUKA.format(tahun=d["tahun"]))
    return redirect("lke:lembar", pd=akses.pd.slug, tahun=d["tahun"])


class LembarView(PDAccessMixin, TemplateView):
    template_name = "lke/lembar.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        evaluasi = _evaluasi(self.akses, kwargs["tahun"])
        tahap = tahap_pengguna(evaluasi, self.akses)
        ctx.update(
            evaluasi=evaluasi,
            lembar=selectors.lembar_kerja(evaluasi=evaluasi),
            tahap_saya=tahap,
            label_tahap=Tahap(tahap).label if tahap else "",
            saran=saran_bukti(self.pd, evaluasi.tahun) if tahap else [],
            boleh_ajukan=evaluasi.status == StatusEvaluasi.MANDIRI
            and self.akses.punya(*services.PERAN_AJUKAN),
            boleh_finalkan=evaluasi.status == StatusEvaluasi.EVALUASI
            and _peran_tim(evaluasi, self.request.user) == PeranTim.KETUA,
            form_final=FinalkanForm(),
        )
        return ctx


def _kriteria(evaluasi: Evaluasi, pk: int) -> Kriteria:
    return get_object_or_404(
        Kriteria.objects.select_related("sub_komponen__komponen"),
        pk=pk,
        sub_komponen__komponen__template=evaluasi.template,
    )


@require_POST
@pd_access()
def jawab(request, akses, tahun: int, kriteria: int):
    evaluasi = _evaluasi(akses, tahun)
    k = _kriteria(evaluasi, kriteria)
    form = JawabanForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.jawaban_simpan(
                evaluasi=evaluasi,
                kriteria=k,
                tahap=d["tahap"],
                opsi=d["opsi"],
                catatan=d["catatan"],
                alasan_beda=d["alasan_beda"],
                user=request.user,
            )
            messages.success(
                request, PESAN_JAWABAN.format(kode=k.kode, tahap=Tahap(d["tahap"]).label)
            )
        except (ValidationError, PermissionDenied) as galat:
            _galat(request, galat)
    else:
        messages.error(request, services.PESAN_OPSI_TIDAK_SAH.format(opsi="", kode=k.kode))
    return redirect(
        reverse("lke:lembar", kwargs={"pd": akses.pd.slug, "tahun": tahun}) + f"#k{k.pk}"
    )


@require_POST
@pd_access()
def bukti(request, akses, tahun: int, kriteria: int):
    evaluasi = _evaluasi(akses, tahun)
    k = _kriteria(evaluasi, kriteria)
    form = BuktiForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.bukti_tambah(
                evaluasi=evaluasi,
                kriteria=k,
                user=request.user,
                label=d["label"],
                berkas=d["berkas"],
                tautan=d["tautan"],
                kunci_saran=d["saran"],
            )
            messages.success(request, PESAN_BUKTI.format(kode=k.kode))
        except (ValidationError, PermissionDenied) as galat:
            _galat(request, galat)
    else:
        for pesan in form.errors.values():
            messages.error(request, " ".join(pesan))
    return redirect(
        reverse("lke:lembar", kwargs={"pd": akses.pd.slug, "tahun": tahun}) + f"#k{k.pk}"
    )


@require_POST
@pd_access(*services.PERAN_AJUKAN)
def ajukan(request, akses, tahun: int):
    evaluasi = _evaluasi(akses, tahun)
    try:
        services.evaluasi_ajukan(evaluasi=evaluasi, user=request.user)
        messages.success(request, PESAN_DIAJUKAN)
    except (ValidationError, PermissionDenied) as galat:
        _galat(request, galat)
    return redirect("lke:lembar", pd=akses.pd.slug, tahun=tahun)


@require_POST
@pd_access(Peran.INSPEKTORAT)
def finalkan(request, akses, tahun: int):
    evaluasi = _evaluasi(akses, tahun)
    form = FinalkanForm(request.POST)
    form.is_valid()
    try:
        evaluasi = services.evaluasi_finalkan(
            evaluasi=evaluasi,
            user=request.user,
            alasan_konsistensi=form.cleaned_data.get("alasan_konsistensi", ""),
        )
        messages.success(
            request,
            PESAN_FINAL.format(
                nilai=dokumen.format_angka(evaluasi.nilai_akhir), predikat=evaluasi.predikat
            ),
        )
    except (ValidationError, PermissionDenied) as galat:
        _galat(request, galat)
    return redirect("lke:lembar", pd=akses.pd.slug, tahun=tahun)


class LheView(PDAccessMixin, TemplateView):
    template_name = "lke/lhe.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        evaluasi = _evaluasi(self.akses, kwargs["tahun"])
        ctx.update(dokumen.konteks_lhe(evaluasi))
        tim = _peran_tim(evaluasi, self.request.user) is not None
        ctx["boleh_ubah"] = tim
        if tim and not ctx.get("mode_cetak"):
            ctx["form_lhe"] = LheForm(instance=evaluasi)
            ctx["form_temuan"] = TemuanForm(evaluasi=evaluasi)
            ctx["form_rekomendasi"] = RekomendasiForm(evaluasi=evaluasi)
        return ctx


class LhePdfView(PDFMixin, LheView):
    def get_pdf_nama_berkas(self) -> str:
        return f"lhe-{self.pd.slug}-{self.kwargs['tahun']}.pdf"


def _wajib_tim(akses, evaluasi: Evaluasi) -> None:
    if _peran_tim(evaluasi, akses.user) is None:
        raise PermissionDenied(services.PESAN_BUKAN_TIM.format(peran="anggota"))


@require_POST
@pd_access(Peran.INSPEKTORAT)
def lhe_ubah(request, akses, tahun: int):
    evaluasi = _evaluasi(akses, tahun)
    _wajib_tim(akses, evaluasi)
    form = LheForm(request.POST, instance=Evaluasi.objects.get(pk=evaluasi.pk))

    def simpan(data):
        services.lhe_simpan(evaluasi=evaluasi, user=request.user, **data)
        return PESAN_LHE

    _jalankan_form(request, form, simpan)
    return redirect("lke:lhe", pd=akses.pd.slug, tahun=tahun)


@require_POST
@pd_access(Peran.INSPEKTORAT)
def temuan(request, akses, tahun: int):
    evaluasi = _evaluasi(akses, tahun)
    form = TemuanForm(request.POST, evaluasi=evaluasi)

    def tambah(data):
        services.temuan_tambah(evaluasi=evaluasi, user=request.user, **data)
        return PESAN_TEMUAN

    _jalankan_form(request, form, tambah)
    return redirect("lke:lhe", pd=akses.pd.slug, tahun=tahun)


@require_POST
@pd_access(Peran.INSPEKTORAT)
def rekomendasi(request, akses, tahun: int):
    evaluasi = _evaluasi(akses, tahun)
    form = RekomendasiForm(request.POST, evaluasi=evaluasi)

    def tambah(data):
        rek = services.rekomendasi_tambah(evaluasi=evaluasi, user=request.user, **data)
        return PESAN_REKOMENDASI.format(nomor=rek.nomor)

    _jalankan_form(request, form, tambah)
    return redirect("lke:lhe", pd=akses.pd.slug, tahun=tahun)


@require_POST
@pd_access(*services.PERAN_PD)
def tindak_lanjut(request, akses, pk: int):
    rek = get_object_or_404(Rekomendasi, pk=pk, evaluasi__perangkat_daerah=akses.pd)
    form = TindakLanjutForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.tindak_lanjut_ajukan(
                rekomendasi=rek,
                user=request.user,
                uraian=form.cleaned_data["uraian"],
                tautan_bukti=form.cleaned_data["tautan_bukti"],
                berkas_bukti=form.cleaned_data["berkas_bukti"],
            )
            messages.success(request, PESAN_TL)
        except (ValidationError, PermissionDenied) as galat:
            _galat(request, galat)
    else:
        for pesan in form.errors.values():
            messages.error(request, " ".join(pesan))
    return redirect("lke:indeks", pd=akses.pd.slug)


@require_POST
@pd_access(Peran.INSPEKTORAT)
def putuskan(request, akses, pk: int):
    tl = get_object_or_404(
        TindakLanjut.objects.select_related("rekomendasi__evaluasi"),
        pk=pk,
        rekomendasi__evaluasi__perangkat_daerah=akses.pd,
    )
    form = PutusanForm(request.POST)
    form.is_valid()
    terima = request.POST.get("keputusan") == "terima"
    try:
        services.tindak_lanjut_putuskan(
            tindak_lanjut=tl,
            user=request.user,
            terima=terima,
            catatan=form.cleaned_data.get("catatan", ""),
        )
        messages.success(
            request, PESAN_PUTUSAN.format(hasil="diterima" if terima else "dikembalikan")
        )
    except (ValidationError, PermissionDenied) as galat:
        _galat(request, galat)
    return redirect("lke:indeks", pd=akses.pd.slug)


@pd_access()
def lembar_xlsx(request, akses, tahun: int):
    evaluasi = _evaluasi(akses, tahun)
    isi = dokumen.xlsx_lembar(selectors.lembar_kerja(evaluasi=evaluasi, dengan_saran=False))
    response = HttpResponse(isi, content_type=MIME_XLSX)
    response["Content-Disposition"] = f'attachment; filename="lke-{akses.pd.slug}-{tahun}.xlsx"'
    return response


# --- Pemda-wide overview --------------------------------------------------------------------


def _pd_ikhtisar(akses) -> list[PerangkatDaerah]:
    """The PD of the same Pemda the user reads as Inspektorat or Bappeda."""
    qs = PerangkatDaerah.objects.filter(pemda_id=akses.pd.pemda_id).select_related("pemda")
    if not akses.superuser:
        qs = qs.filter(
            pk__in=Keanggotaan.objects.filter(pengguna=akses.user, peran__in=PERAN_IKHTISAR).values(
                "perangkat_daerah_id"
            )
        )
    return list(qs.order_by("nama"))


def _ikhtisar(akses, tahun: int, urut: str):
    baris = selectors.ikhtisar_pemda(
        daftar_pd=_pd_ikhtisar(akses),
        tahun=tahun,
        status_lkjip=dokumen.status_lkjip,
        rata_capaian=selectors.rata_capaian_pemda,
    )
    return selectors.urutkan(baris, urut)


class IkhtisarView(PDAccessMixin, TemplateView):
    template_name = "lke/ikhtisar.html"
    peran_diizinkan = PERAN_IKHTISAR

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        urut = self.request.GET.get("urut", "pd")
        ctx.update(
            tahun=kwargs["tahun"],
            urut=urut,
            baris=_ikhtisar(self.akses, kwargs["tahun"], urut),
        )
        return ctx


@pd_access(*PERAN_IKHTISAR)
def ikhtisar_xlsx(request, akses, tahun: int):
    isi = dokumen.xlsx_ikhtisar(_ikhtisar(akses, tahun, request.GET.get("urut", "pd")), tahun)
    response = HttpResponse(isi, content_type=MIME_XLSX)
    response["Content-Disposition"] = f'attachment; filename="ikhtisar-sakip-{tahun}.xlsx"'
    return response
