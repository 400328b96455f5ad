"""Plan maintenance screens for the perencana: indicators with their targets of a year, the
indicator's attributes, its targets per year and quarter, and its history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from common.formatting import teks_target
from common.forms import galat_ke_form
from common.models import AuditLog
from common.permissions import PERENCANA
from common.riwayat import entri_riwayat
from renstra.akses import PDAccessMixin, pd_access

from . import services
from .forms import JENIS_DIEDIT, IndikatorForm, TargetForm
from .models import Indikator, JenisTarget, Target, TargetTriwulan
from .periode import TAHUN_MAKS, TAHUN_MIN, periode_aktif, pilihan_periode
from .selectors import daftar_indikator, indikator_dengan_unit

PESAN_INDIKATOR_TERSIMPAN = "Atribut indikator tersimpan."
PESAN_TARGET_TERSIMPAN = "{n} target diperbarui."
PESAN_TARGET_PK_TERKUNCI = (
    "Target PK dan PK Perubahan tahun ini ditetapkan oleh Perjanjian Kinerja yang sudah "
    "ditandatangani; ubah melalui PK Perubahan."
)


def _tahun(request, pd) -> int:
    try:
        tahun = int(request.GET.get("tahun") or 0)
    except ValueError:
        tahun = 0
    return tahun if TAHUN_MIN <= tahun <= TAHUN_MAKS else periode_aktif(pd)[0]


def _indikator(pd, pk: int) -> Indikator:
    return get_object_or_404(
        indikator_dengan_unit(Indikator.objects.for_pd(pd)).select_related(
            "sasaran", "tujuan", "program", "kegiatan", "sub_kegiatan", "penanggung_jawab"
        ),
        pk=pk,
    )


class IndikatorDaftarView(PDAccessMixin, TemplateView):
    """All indicators of the PD with their targets of one year (read for every role)."""

    template_name = "renstra/indikator_daftar.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        tahun = _tahun(self.request, self.pd)
        baris = [
            {
                "indikator": b.indikator,
                "unit": b.unit,
                "target": [teks_target(b.target.get(j)) for j in JENIS_DIEDIT],
            }
            for b in daftar_indikator(self.pd, tahun)
        ]
        ctx.update(
            tahun=tahun,
            baris=baris,
            kolom_target=[JenisTarget(j).label for j in JENIS_DIEDIT],
            boleh_ubah=self.akses.punya(*PERENCANA),
            **pilihan_periode(self.pd, tahun),
        )
        return ctx


class IndikatorUbahView(PDAccessMixin, View):
    # Readers pass the mixin so that another PD's id answers 404 before the role check (403).
    template_name = "renstra/indikator_ubah.html"

    def render(self, form):
        return render(
            self.request,
            self.template_name,
            {"pd": self.pd, "akses": self.akses, "indikator": self.indikator, "form": form},
        )

    def get(self, request, pd, pk):
        self.indikator = _indikator(self.pd, pk)
        self.akses.wajib(*PERENCANA)
        return self.render(IndikatorForm(instance=self.indikator, pd=self.pd))

    def post(self, request, pd, pk):
        self.indikator = _indikator(self.pd, pk)
        self.akses.wajib(*PERENCANA)
        form = IndikatorForm(request.POST, instance=_indikator(self.pd, pk), pd=self.pd)
        if form.is_valid():
            try:
                services.indikator_ubah(
                    indikator=self.indikator,
                    data={k: form.cleaned_data[k] for k in form.Meta.fields},
                    user=request.user,
                )
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                messages.success(request, PESAN_INDIKATOR_TERSIMPAN)
                return redirect(request.path)
        return self.render(form)


class TargetUbahView(PDAccessMixin, View):
    template_name = "renstra/target_ubah.html"

    def muat(self, pk, tahun):
        if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
            from django.http import Http404

            raise Http404
        self.indikator = _indikator(self.pd, pk)
        self.akses.wajib(*PERENCANA)
        self.tahun = tahun
        self.dikunci_pk = services.dikunci_pk(indikator=self.indikator, tahun=tahun)

    def form(self, data=None) -> TargetForm:
        form = TargetForm(data, initial=self.awal(), indikator=self.indikator)
        if self.dikunci_pk:
            for jenis in services.JENIS_DARI_PK:
                form.fields[jenis].disabled = True
                form.fields[jenis].help_text = "Dikunci oleh PK yang ditandatangani."
        return form

    def awal(self) -> dict:
        data = {
            t.jenis: teks_target(t)
            for t in Target.objects.filter(indikator=self.indikator, tahun=self.tahun)
        }
        data.update(
            {
                f"tw{t.triwulan}": teks_target(t)
                for t in TargetTriwulan.objects.filter(indikator=self.indikator, tahun=self.tahun)
            }
        )
        return {k: v for k, v in data.items() if v != "—"}

    def render(self, form):
        return render(
            self.request,
            self.template_name,
            {
                "pd": self.pd,
                "akses": self.akses,
                "indikator": self.indikator,
                "tahun": self.tahun,
                "form": form,
                "pesan_terkunci": PESAN_TARGET_PK_TERKUNCI if self.dikunci_pk else "",
                "kolom_tahunan": [form[j] for j in JENIS_DIEDIT],
                "kolom_triwulan": [form[f"tw{n}"] for n in range(1, 5)],
            },
        )

    def get(self, request, pd, pk, tahun):
        self.muat(pk, tahun)
        return self.render(self.form())

    def post(self, request, pd, pk, tahun):
        self.muat(pk, tahun)
        form = self.form(request.POST)
        if form.is_valid():
            tahunan = form.tahunan()
            if self.dikunci_pk:
                # Disabled fields: the signed PK's targets are not the form's to save.
                for jenis in services.JENIS_DARI_PK:
                    tahunan.pop(jenis, None)
            try:
                n = services.target_simpan(
                    indikator=self.indikator,
                    tahun=tahun,
                    tahunan=tahunan,
                    triwulan=form.triwulan(),
                    user=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, PESAN_TARGET_TERSIMPAN.format(n=n))
                return redirect(request.path)
        return self.render(form)


@require_GET
@pd_access()
def indikator_riwayat(request, akses, pk):
    ind = _indikator(akses.pd, pk)
    log = (
        AuditLog.objects.filter(
            content_type=ContentType.objects.get_for_model(Indikator), object_id=str(ind.pk)
        )
        .select_related("pengguna")
        .order_by("-waktu", "-id")
    )
    return render(
        request,
        "common/riwayat.html",
        {
            "pd": akses.pd,
            "judul": f"Riwayat indikator {ind.kode}",
            "entri": entri_riwayat(log, Indikator, istilah={j.value: j.label for j in JenisTarget}),
            "kembali": reverse("renstra:indikator_daftar", kwargs={"pd": akses.pd.slug}),
        },
    )
