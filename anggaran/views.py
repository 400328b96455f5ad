"""Budget realisation screens: the list per quarter, the entry of one sub-kegiatan and its
workflow actions (submit, verify, approve, return; the services are the control), and the
agency's stated budget total of a year beside the program tree's sum."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from common.forms import KembalikanForm, galat_ke_form
from common.hitung import kurang
from common.models import AuditLog, Peran
from common.permissions import PERENCANA, PESAN_TIDAK_BERHAK
from common.riwayat import entri_riwayat
from common.views import jalankan_aksi, jalankan_kembalikan
from renstra.akses import PDAccessMixin, pd_access
from renstra.models import UnitKerja
from renstra.periode import baca_periode, pilihan_periode, status_periode, wajib_periode
from renstra.selectors import renstra_aktif

from . import services
from .forms import JUDUL_ANGGARAN_PD, AnggaranPDForm, RealisasiAnggaranForm
from .models import AnggaranPerangkatDaerah, RealisasiAnggaran
from .selectors import anggaran_pd, muat_pohon_anggaran, rekap_anggaran

PESAN_TERSIMPAN = "Realisasi anggaran tersimpan."
PESAN_DIAJUKAN = "Realisasi anggaran diajukan untuk diverifikasi."
PESAN_DIVERIFIKASI = "Realisasi anggaran diverifikasi dan diteruskan kepada Kepala untuk disetujui."
PESAN_DISETUJUI = "Realisasi anggaran disetujui; jumlahnya kini dipakai dalam laporan resmi."
PESAN_DIKEMBALIKAN = "Realisasi anggaran dikembalikan kepada operator."
PESAN_PD_TERSIMPAN = "Anggaran perangkat daerah tahun {tahun} tersimpan."
PESAN_PD_DIHAPUS = (
    "Anggaran perangkat daerah tahun {tahun} dihapus; LKjIP kini hanya mencetak jumlah "
    "pohon program."
)
PESAN_PD_KOSONG = "Tidak ada yang disimpan: pagu murni, pagu berlaku dan realisasi kosong."
PESAN_PD_TETAP = "Tidak ada perubahan pada anggaran perangkat daerah tahun {tahun}."
BATAS_RIWAYAT_PD = 10


def _sub_kegiatan(pd, pk: int):
    return get_object_or_404(
        services.sub_kegiatan_pd(pd).select_related("kegiatan__program"), pk=pk
    )


def _realisasi(pd, pk: int) -> RealisasiAnggaran:
    """A sub-kegiatan quarter row of `pd` (another PD's id, or a program/kegiatan row: 404)."""
    return get_object_or_404(
        RealisasiAnggaran.objects.filter(
            sub_kegiatan__kegiatan__program__renstra__perangkat_daerah=pd
        ),
        pk=pk,
    )


def url_isi(pd_slug: str, r: RealisasiAnggaran) -> str:
    return reverse(
        "anggaran:realisasi_isi",
        kwargs={
            "pd": pd_slug,
            "sub_kegiatan": r.sub_kegiatan_id,
            "tahun": r.tahun,
            "triwulan": r.triwulan,
        },
    )


class RealisasiAnggaranDaftarView(PDAccessMixin, TemplateView):
    """Every sub-kegiatan of the PD with pagu, this quarter, the cumulative s.d. TW n and %."""

    template_name = "anggaran/realisasi_daftar.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        tahun, triwulan = baca_periode(self.request, self.pd)
        subs = (
            services.sub_kegiatan_pd(self.pd)
            .select_related("kegiatan__program")
            .order_by(
                "kegiatan__program__urutan",
                "kegiatan__program_id",
                "kegiatan__urutan",
                "kegiatan_id",
                "urutan",
                "id",
            )
        )
        units = {u.pk: u for u in UnitKerja.objects.filter(perangkat_daerah=self.pd)}
        baris = services.baris_anggaran(sub_kegiatan_qs=subs, tahun=tahun, triwulan=triwulan)
        ctx.update(
            tahun=tahun,
            triwulan=triwulan,
            baris=[{"b": b, "unit": units.get(b.sub_kegiatan.unit_id)} for b in baris],
            periode=status_periode(pd=self.pd, tahun=tahun, triwulan=triwulan),
            **pilihan_periode(self.pd, tahun),
        )
        return ctx


class RealisasiAnggaranIsiView(PDAccessMixin, View):
    template_name = "anggaran/realisasi_isi.html"

    def muat(self, sub_kegiatan: int, tahun: int, triwulan: int):
        wajib_periode(tahun, triwulan)
        self.sub = _sub_kegiatan(self.pd, sub_kegiatan)
        self.tahun, self.triwulan = tahun, triwulan
        self.baris = services.baris_anggaran(
            sub_kegiatan_qs=services.sub_kegiatan_pd(self.pd).filter(pk=self.sub.pk),
            tahun=tahun,
            triwulan=triwulan,
        )[0]
        self.semua = list(
            RealisasiAnggaran.objects.filter(sub_kegiatan=self.sub, tahun=tahun)
            .select_related("diisi_oleh", "diverifikasi_oleh", "disetujui_oleh")
            .order_by("triwulan")
        )
        self.realisasi = next((r for r in self.semua if r.triwulan == triwulan), None)

    def konteks(self, form, konflik=None):
        periode = status_periode(
            pd=self.pd, tahun=self.tahun, triwulan=self.triwulan, unit_id=self.sub.unit_id
        )
        per_tw = {r.triwulan: r for r in self.semua}
        r = self.realisasi
        status_boleh = r is None or r.status in services.STATUS_BISA_DIUBAH
        return {
            "pd": self.pd,
            "akses": self.akses,
            "sub": self.sub,
            "unit": UnitKerja.objects.filter(pk=self.sub.unit_id).first(),
            "tahun": self.tahun,
            "triwulan": self.triwulan,
            "baris": self.baris,
            "per_triwulan": [(n, per_tw.get(n)) for n in range(1, 5)],
            "tahunan": per_tw.get(0),
            "form": form,
            "konflik": konflik,
            "periode": periode,
            "realisasi": r,
            "boleh_ubah": services.boleh_isi(self.akses, self.sub.unit_id)
            and periode.terbuka
            and status_boleh,
            "aksi": services.aksi_alur(self.akses, r, self.sub.unit_id, terbuka=periode.terbuka),
            "form_kembalikan": KembalikanForm(),
        }

    def get(self, request, pd, sub_kegiatan, tahun, triwulan):
        self.muat(sub_kegiatan, tahun, triwulan)
        r = self.baris.realisasi_triwulan
        form = RealisasiAnggaranForm(
            initial={"jumlah": r.jumlah if r else None, "versi": r.versi if r else 0}
        )
        return render(request, self.template_name, self.konteks(form))

    def post(self, request, pd, sub_kegiatan, tahun, triwulan):
        self.muat(sub_kegiatan, tahun, triwulan)
        if not services.boleh_isi(self.akses, self.sub.unit_id):
            raise PermissionDenied(PESAN_TIDAK_BERHAK)
        form = RealisasiAnggaranForm(request.POST)
        if form.is_valid():
            try:
                services.realisasi_anggaran_simpan(
                    sub_kegiatan=self.sub,
                    tahun=tahun,
                    triwulan=triwulan,
                    jumlah=form.cleaned_data["jumlah"],
                    versi=form.cleaned_data["versi"],
                    user=request.user,
                )
            except services.KonflikAnggaran as konflik:
                data = request.POST.copy()
                data["versi"] = konflik.terkini.versi if konflik.terkini else 0
                form = RealisasiAnggaranForm(data)
                form.is_valid()
                self.muat(sub_kegiatan, tahun, triwulan)
                return render(request, self.template_name, self.konteks(form, konflik), status=409)
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                messages.success(request, PESAN_TERSIMPAN)
                return redirect(request.path)
        return render(request, self.template_name, self.konteks(form))


class AnggaranPDView(PDAccessMixin, View):
    """The agency's stated budget total of one year (as the DPA states it) beside the program
    tree's official sum and the difference, as the LKjIP prints them. Every reader sees the
    values; the perencana and kepala edit them (a POST by anyone else: 403)."""

    template_name = "anggaran/anggaran_pd.html"

    def muat(self, tahun: int) -> None:
        wajib_periode(tahun, 4)
        self.tahun = tahun
        self.total = anggaran_pd(pd=self.pd, tahun=tahun)
        self.renstra = renstra_aktif(pd=self.pd, tahun=tahun)
        pohon = muat_pohon_anggaran(renstra=self.renstra, tahun_list=[tahun])
        # What the LKjIP prints: approved realisasi anggaran s.d. TW IV.
        self.rekap = rekap_anggaran(pd=self.pd, tahun=tahun, triwulan=4, pohon=pohon)

    def boleh_ubah(self) -> bool:
        return self.akses.punya(*PERENCANA) and self.renstra is not None

    def konteks(self, form) -> dict:
        t, r = self.total, self.rekap
        nama = str(AnggaranPerangkatDaerah(perangkat_daerah=self.pd, tahun=self.tahun))
        log = (
            AuditLog.objects.filter(
                content_type=ContentType.objects.get_for_model(AnggaranPerangkatDaerah),
                perangkat_daerah=self.pd,
                objek=nama,
            )
            .select_related("pengguna")
            .order_by("-waktu", "-id")[:BATAS_RIWAYAT_PD]
        )
        return {
            "pd": self.pd,
            "akses": self.akses,
            "tahun": self.tahun,
            "judul_form": JUDUL_ANGGARAN_PD,
            "form": form,
            "boleh_ubah": self.boleh_ubah(),
            "pesan_luar_renstra": (
                services.PESAN_PD_LUAR_RENSTRA.format(
                    tahun=self.tahun, periode=services.periode_renstra(self.pd)
                )
                if self.renstra is None
                else ""
            ),
            "total": t,
            "rekap": r,
            "selisih_pagu": kurang(t.pagu, r.pagu) if t else None,
            "selisih_realisasi": kurang(t.realisasi, r.realisasi) if t else None,
            "riwayat": entri_riwayat(list(log), AnggaranPerangkatDaerah),
            **pilihan_periode(self.pd, self.tahun),
        }

    def get(self, request, pd, tahun):
        self.muat(tahun)
        t = self.total
        awal = {}
        if t is not None:
            awal = {"pagu_murni": t.pagu_murni, "pagu": t.pagu, "realisasi": t.realisasi}
            awal["sumber"] = t.sumber
        return render(request, self.template_name, self.konteks(AnggaranPDForm(initial=awal)))

    def post(self, request, pd, tahun):
        self.muat(tahun)
        if not self.akses.punya(*PERENCANA):
            raise PermissionDenied(PESAN_TIDAK_BERHAK)
        form = AnggaranPDForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                hasil = services.anggaran_pd_simpan(
                    pd=self.pd,
                    tahun=tahun,
                    pagu_murni=data["pagu_murni"],
                    pagu=data["pagu"],
                    realisasi=data["realisasi"],
                    sumber=data["sumber"],
                    user=request.user,
                )
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                tingkat, pesan = self.pesan(hasil)
                messages.add_message(request, tingkat, pesan)
                return redirect(request.path)
        return render(request, self.template_name, self.konteks(form))

    def pesan(self, hasil: AnggaranPerangkatDaerah | None) -> tuple[int, str]:
        """(message level, text): saved or deleted is a success, nothing written is info."""
        t = self.total
        if hasil is None:
            if t is None:
                return messages.INFO, PESAN_PD_KOSONG
            return messages.SUCCESS, PESAN_PD_DIHAPUS.format(tahun=self.tahun)
        tetap = t is not None and (t.pagu_murni, t.pagu, t.realisasi, t.sumber) == (
            hasil.pagu_murni,
            hasil.pagu,
            hasil.realisasi,
            hasil.sumber,
        )
        if tetap:
            return messages.INFO, PESAN_PD_TETAP.format(tahun=self.tahun)
        return messages.SUCCESS, PESAN_PD_TERSIMPAN.format(tahun=self.tahun)


# --- Workflow actions -------------------------------------------------------------------------


def _aksi(request, akses, pk: int, peran: tuple, fungsi, pesan: str):
    # The object first: another PD's id answers 404 whatever the user's roles.
    r = _realisasi(akses.pd, pk)
    url = url_isi(akses.pd.slug, r)
    return jalankan_aksi(request, akses, r, peran=peran, fungsi=fungsi, pesan=pesan, url=url)


@require_POST
@pd_access()
def realisasi_ajukan(request, akses, pk):
    return _aksi(
        request,
        akses,
        pk,
        (Peran.OPERATOR,),
        services.realisasi_anggaran_ajukan,
        PESAN_DIAJUKAN,
    )


@require_POST
@pd_access()
def realisasi_verifikasi(request, akses, pk):
    return _aksi(
        request,
        akses,
        pk,
        (Peran.VERIFIKATOR,),
        services.realisasi_anggaran_verifikasi,
        PESAN_DIVERIFIKASI,
    )


@require_POST
@pd_access()
def realisasi_setujui(request, akses, pk):
    return _aksi(
        request, akses, pk, (Peran.KEPALA,), services.realisasi_anggaran_setujui, PESAN_DISETUJUI
    )


@require_POST
@pd_access()
def realisasi_kembalikan(request, akses, pk):
    r = _realisasi(akses.pd, pk)
    url = url_isi(akses.pd.slug, r)
    return jalankan_kembalikan(
        request,
        akses,
        r,
        fungsi=services.realisasi_anggaran_kembalikan,
        pesan=PESAN_DIKEMBALIKAN,
        url=url,
    )


@require_GET
@pd_access()
def realisasi_riwayat(request, akses, sub_kegiatan, tahun):
    sub = _sub_kegiatan(akses.pd, sub_kegiatan)
    ids = [
        str(pk)
        for pk in RealisasiAnggaran.objects.filter(sub_kegiatan=sub, tahun=tahun).values_list(
            "pk", flat=True
        )
    ]
    log = (
        AuditLog.objects.filter(
            content_type=ContentType.objects.get_for_model(RealisasiAnggaran), object_id__in=ids
        )
        .select_related("pengguna")
        .order_by("-waktu", "-id")
    )
    return render(
        request,
        "common/riwayat.html",
        {
            "pd": akses.pd,
            "judul": f"Riwayat realisasi anggaran {sub.kode} tahun {tahun}",
            "entri": entri_riwayat(log, RealisasiAnggaran),
            "tampil_objek": True,
            "kembali": reverse("anggaran:realisasi_daftar", kwargs={"pd": akses.pd.slug})
            + f"?tahun={tahun}",
        },
    )
