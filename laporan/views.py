"""Screens of the official reports: the report page (draft or edition) with validation and
review notes beside it, printable HTML, kept PDF with progress, XLSX, narrative editing,
approval into editions and their differences, and the Inspektorat review.

One template per kind renders the body (laporan.cetak); the screen page and the PDF show the
same body. Views only fetch through the user's scope and call selectors and services.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import TemplateView

from common.models import Peran
from common.permissions import PEMBACA
from kinerja.selectors import renstra_aktif
from kinerja.validasi import validasi_pd
from renstra.akses import PDAccessMixin, pd_access
from renstra.models import NarasiPerangkatDaerah

from . import cetak, services
from .forms import (
    CatatanForm,
    NarasiForm,
    PernyataanForm,
    SetujuiForm,
    TanggalForm,
    TanggapanForm,
)
from .models import (
    JENIS_TRIWULANAN,
    CatatanReviu,
    Cetakan,
    Edisi,
    JenisLaporan,
    Laporan,
    PenugasanReviu,
    StatusCatatan,
    StatusCetakan,
)
from .narasi import (
    BAGIAN_PROFIL,
    daftar_bagian_lkjip,
    daftar_bagian_triwulan,
    draf_lkjip,
    draf_triwulan,
    teks_profil,
)
from .selectors import data_lkjip, data_triwulan, nilai_placeholder
from .tabel import selisih_cuplikan

PESAN_DISETUJUI = "Laporan disetujui sebagai edisi {nomor}."
PESAN_NARASI_DISIMPAN = "Narasi “{judul}” disimpan."
PESAN_NARASI_DIKEMBALIKAN = "Narasi “{judul}” dikembalikan ke draf dari data."
PESAN_TANGGAL_DISIMPAN = "Tanggal penandatanganan disimpan."
PESAN_CATATAN_DISIMPAN = "Catatan reviu disimpan."
PESAN_CATATAN_DIJAWAB = "Tanggapan disimpan; catatan berstatus dijawab."
PESAN_CATATAN_DITUTUP = "Catatan ditutup."
PESAN_CATATAN_DIBUKA = "Catatan dibuka kembali."
PESAN_PERNYATAAN = "Pernyataan Telah Direviu diterbitkan dan ditambahkan ke laporan."
PESAN_PDF_GAGAL = "PDF gagal dibuat: {pesan}"

PERAN_SUNTING = (Peran.PERENCANA, Peran.KEPALA)
PERAN_JAWAB = services.PERAN_PD
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

LABEL_JENIS = dict(JenisLaporan.choices)


# --- Scope -----------------------------------------------------------------------------------


def hanya_reviewer(akses) -> bool:
    """An Inspektorat (or Bappeda) user without a role inside the PD's own staff."""
    return not akses.superuser and not akses.punya(*PERAN_JAWAB)


def _periksa_tahun(akses, tahun: int) -> None:
    """A reviewer sees only the years assigned to them; other years do not exist for them."""
    reviewer = (
        akses.punya(Peran.INSPEKTORAT) and hanya_reviewer(akses) and not akses.punya(Peran.BAPPEDA)
    )
    if (
        reviewer
        and not PenugasanReviu.objects.filter(
            reviewer=akses.user, perangkat_daerah=akses.pd, tahun=tahun
        ).exists()
    ):
        raise Http404


def _jenis_sah(jenis: str, triwulan: int) -> int:
    if jenis not in JenisLaporan.values:
        raise Http404
    if jenis in JENIS_TRIWULANAN:
        if not 1 <= triwulan <= 4:
            raise Http404
        return triwulan
    if triwulan:
        raise Http404
    return 0


def _laporan(akses, jenis: str, tahun: int, triwulan: int) -> Laporan:
    triwulan = _jenis_sah(jenis, triwulan)
    _periksa_tahun(akses, tahun)
    return cetak.laporan_untuk(akses.pd, jenis, tahun, triwulan)


def _edisi_dipilih(request, akses, laporan: Laporan) -> Edisi | None:
    """`?edisi=<n>` or `?edisi=draft`; by default reviewers see the latest edition."""
    nilai = request.GET.get("edisi") or request.POST.get("edisi") or ""
    if not laporan.pk:
        if nilai and nilai != "draft":
            raise Http404
        return None
    if nilai == "draft":
        return None
    if nilai:
        if not nilai.isdigit():
            raise Http404
        return get_object_or_404(
            Edisi.objects.select_related("disetujui_oleh"), laporan=laporan, nomor=int(nilai)
        )
    if hanya_reviewer(akses):
        return laporan.edisi.select_related("disetujui_oleh").order_by("-nomor").first()
    return None


def url_laporan(laporan: Laporan, nama: str = "laporan", **extra) -> str:
    kw = {"pd": laporan.perangkat_daerah.slug, "jenis": laporan.jenis, "tahun": laporan.tahun}
    if laporan.triwulan:
        kw["triwulan"] = laporan.triwulan
        nama = f"{nama}_tw"
    kw.update(extra)
    return reverse(f"laporan:{nama}", kwargs=kw)


def _q_edisi(edisi: Edisi | None) -> str:
    return f"?edisi={edisi.nomor}" if edisi else "?edisi=draft"


# --- Index and reviewer dashboard -----------------------------------------------------------


class IndeksView(PDAccessMixin, TemplateView):
    """The reports of the PD by year (a reviewer sees only the years assigned)."""

    template_name = "laporan/indeks.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        hari_ini = timezone.localdate()
        renstra = renstra_aktif(pd=self.pd, tahun=hari_ini.year)
        if renstra is None:
            from renstra.models import PeriodeRenstra

            renstra = PeriodeRenstra.objects.filter(perangkat_daerah=self.pd).first()
        tahun = list(range(renstra.tahun_awal, renstra.tahun_akhir + 1)) if renstra else []
        if self.akses.punya(Peran.INSPEKTORAT) and hanya_reviewer(self.akses):
            ditugaskan = set(
                PenugasanReviu.objects.filter(
                    reviewer=self.request.user, perangkat_daerah=self.pd
                ).values_list("tahun", flat=True)
            )
            tahun = sorted(ditugaskan)
        tersimpan = {
            (lap.jenis, lap.tahun, lap.triwulan): lap
            for lap in Laporan.objects.filter(perangkat_daerah=self.pd)
        }
        ctx["tahun_list"] = [
            {
                "tahun": t,
                "lkjip": tersimpan.get((JenisLaporan.LKJIP, t, 0)),
                "triwulan": [1, 2, 3, 4],
            }
            for t in sorted(tahun, reverse=True)
        ]
        ctx["reviewer"] = hanya_reviewer(self.akses)
        return ctx


class ReviuView(PDAccessMixin, TemplateView):
    """The reviewer's assignments across PDs, with the open notes of each."""

    template_name = "laporan/reviu.html"
    peran_diizinkan = (Peran.INSPEKTORAT,)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        tugas = list(
            PenugasanReviu.objects.filter(reviewer=self.request.user)
            .select_related("perangkat_daerah")
            .order_by("perangkat_daerah__nama", "-tahun")
        )
        terbuka = {}
        for pd_id, tahun in (
            CatatanReviu.objects.filter(
                laporan__jenis=JenisLaporan.LKJIP,
                laporan__perangkat_daerah__in=[t.perangkat_daerah_id for t in tugas],
            )
            .exclude(status=StatusCatatan.DITUTUP)
            .values_list("laporan__perangkat_daerah_id", "laporan__tahun")
        ):
            terbuka[(pd_id, tahun)] = terbuka.get((pd_id, tahun), 0) + 1
        ctx["tugas"] = [
            {"tugas": t, "terbuka": terbuka.get((t.perangkat_daerah_id, t.tahun), 0)} for t in tugas
        ]
        return ctx


# --- The report page ------------------------------------------------------------------------


class LaporanView(PDAccessMixin, TemplateView):
    """The report as a page: the body (draft or frozen edition) and, beside it, validation
    problems, unknown placeholders, review notes, editions and the actions allowed."""

    template_name = "laporan/halaman.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        akses = self.akses
        laporan = _laporan(akses, kwargs["jenis"], kwargs["tahun"], kwargs.get("triwulan", 0))
        edisi = _edisi_dipilih(self.request, akses, laporan)
        if edisi is None:
            dokumen = cetak.susun(laporan)
            isi, masalah, galat = dokumen.isi, dokumen.masalah, dokumen.galat_placeholder
            jangkar = dokumen.jangkar
        else:
            isi = edisi.html
            masalah = tuple(validasi_pd(pd=self.pd, tahun=laporan.tahun))
            galat = []
            jangkar = cetak.daftar_jangkar(isi)
            dokumen = None
        pernyataan_laporan = services.pernyataan_laporan(laporan)
        pernyataan = services.pernyataan_untuk(laporan, edisi, pernyataan_laporan)
        if pernyataan is not None:
            isi = isi.replace("<!--PERNYATAAN-->", cetak.halaman_pernyataan(pernyataan), 1)
        daftar_edisi = list(laporan.edisi.select_related("disetujui_oleh")) if laporan.pk else []
        cetakan = None
        if laporan.pk:
            keluaran = services.html_cetak(laporan, edisi, dokumen, pernyataan_laporan)
            cetakan = Cetakan.objects.filter(
                laporan=laporan,
                edisi=edisi,
                sidik=services.sidik(keluaran.html),
                status=StatusCetakan.SELESAI,
            ).first()
        catatan = (
            list(
                laporan.catatan_reviu.select_related("dibuat_oleh", "edisi")
                .prefetch_related("tanggapan__penulis")
                .order_by("status", "dibuat")
            )
            if laporan.pk
            else []
        )
        for c in catatan:
            c.url_jawab = url_laporan(laporan, "catatan_jawab", pk=c.pk)
            c.url_tutup = url_laporan(laporan, "catatan_tutup", pk=c.pk)
            c.url_buka = url_laporan(laporan, "catatan_buka", pk=c.pk)
        reviewer = akses.punya(Peran.INSPEKTORAT) and (
            akses.superuser
            or PenugasanReviu.objects.filter(
                reviewer=self.request.user, perangkat_daerah=self.pd, tahun=laporan.tahun
            ).exists()
        )
        ctx.update(
            laporan=laporan,
            judul=cetak.judul_laporan(laporan),
            label_jenis=LABEL_JENIS[laporan.jenis],
            edisi=edisi,
            daftar_edisi=daftar_edisi,
            isi=isi,
            masalah=masalah,
            galat_placeholder=galat,
            catatan=catatan,
            jumlah_terbuka=sum(1 for c in catatan if c.status != StatusCatatan.DITUTUP),
            pernyataan=pernyataan_laporan,
            cetakan=cetakan,
            q_edisi=_q_edisi(edisi),
            boleh_sunting=akses.punya(*PERAN_SUNTING),
            boleh_setujui=akses.punya(Peran.KEPALA),
            boleh_reviu=reviewer,
            boleh_jawab=akses.punya(*PERAN_JAWAB),
            form_catatan=CatatanForm(
                jangkar=jangkar, initial={"edisi": edisi.nomor if edisi else None}
            ),
            form_setujui=SetujuiForm(),
            url=lambda nama: url_laporan(laporan, nama),
        )
        ctx["url_pdf"] = url_laporan(laporan, "pdf") + ctx["q_edisi"]
        ctx["url_pdf_buat"] = url_laporan(laporan, "pdf_buat") + ctx["q_edisi"]
        ctx["url_pdf_siap"] = (
            url_laporan(laporan, "pdf_unduh", cetakan=cetakan.pk) if cetakan else ""
        )
        ctx["punya_narasi"] = laporan.jenis in (JenisLaporan.LKJIP, JenisLaporan.TRIWULAN)
        # The wide forms take the whole width; the panels go below them.
        ctx["lebar_penuh"] = laporan.jenis in (
            JenisLaporan.EVALUASI_RENJA,
            JenisLaporan.RENCANA_AKSI,
        )
        ctx["url_html"] = url_laporan(laporan, "cetak_html") + ctx["q_edisi"]
        ctx["url_xlsx"] = url_laporan(laporan, "xlsx")
        ctx["url_narasi"] = url_laporan(laporan, "narasi")
        ctx["url_setujui"] = url_laporan(laporan, "setujui")
        ctx["url_edisi"] = url_laporan(laporan, "edisi")
        ctx["url_catatan"] = url_laporan(laporan, "catatan_tambah")
        ctx["url_pernyataan"] = url_laporan(laporan, "pernyataan")
        if laporan.jenis == JenisLaporan.LKJIP and edisi is None:
            # The approval gate of the draft: validation errors, each fixed or explained.
            from periksa.services import masalah_gerbang

            ctx["gerbang"] = masalah_gerbang(pd=self.pd, tahun=laporan.tahun, masalah=masalah)
            ctx["gerbang_belum"] = sum(1 for g in ctx["gerbang"] if not g.dijelaskan)
            ctx["url_gerbang"] = (
                reverse("laporan:periksa", kwargs={"pd": self.pd.slug, "tahun": laporan.tahun})
                + "#gerbang"
            )
        return ctx


# Report URLs only read (GET/HEAD; POST answers 405): opening the print HTML, the Excel file,
# a PDF or its progress writes nothing. A PDF render starts only through `pdf_buat` (POST,
# audited by the service), which finds or joins the job by its idempotent key.


@require_safe
@pd_access(*PEMBACA)
def cetak_html(request, akses, jenis: str, tahun: int, triwulan: int = 0):
    """The standalone print HTML (what WeasyPrint prints), for saving or printing."""
    laporan = _laporan(akses, jenis, tahun, triwulan)
    edisi = _edisi_dipilih(request, akses, laporan)
    return HttpResponse(services.html_cetak(laporan, edisi).html)


@require_safe
@pd_access(*PEMBACA)
def xlsx(request, akses, jenis: str, tahun: int, triwulan: int = 0):
    laporan = _laporan(akses, jenis, tahun, triwulan)
    dokumen = cetak.susun(laporan, untuk_xlsx=True)
    respon = HttpResponse(cetak.keluaran(dokumen, "xlsx"), content_type=MIME_XLSX)
    respon["Content-Disposition"] = f'attachment; filename="{dokumen.nama_berkas}.xlsx"'
    return respon


# --- Kept PDF with progress -----------------------------------------------------------------


def _respons_berkas(cetakan: Cetakan, laporan: Laporan) -> FileResponse:
    nama = cetakan.berkas.name.rsplit("/", 1)[-1]
    berkas = default_storage.open(cetakan.berkas.name, "rb")
    return FileResponse(berkas, as_attachment=True, filename=nama, content_type="application/pdf")


@require_safe
@pd_access(*PEMBACA)
def pdf(request, akses, jenis: str, tahun: int, triwulan: int = 0):
    """The kept PDF at once; else the progress of its job; else a button that starts it."""
    laporan = _laporan(akses, jenis, tahun, triwulan)
    edisi = _edisi_dipilih(request, akses, laporan)
    cetakan = services.cetakan_cari(laporan, edisi, services.html_cetak(laporan, edisi))
    if services.cetakan_siap(cetakan):
        return _respons_berkas(cetakan, laporan)
    konteks = {
        "pd": akses.pd,
        "akses": akses,
        "laporan": laporan,
        "edisi": edisi,
        "cetakan": cetakan,
        "url_buat": url_laporan(laporan, "pdf_buat") + _q_edisi(edisi),
        "url_kembali": url_laporan(laporan) + _q_edisi(edisi),
    }
    if cetakan is not None:
        konteks.update(_konteks_status(laporan, cetakan))
    return render(request, "laporan/pdf_proses.html", konteks)


@require_POST
@pd_access(*PEMBACA)
def pdf_buat(request, akses, jenis: str, tahun: int, triwulan: int = 0):
    """The explicit action that starts (or joins) the render, then shows `pdf` (PRG)."""
    laporan = _laporan(akses, jenis, tahun, triwulan)
    edisi = _edisi_dipilih(request, akses, laporan)
    if not laporan.pk:
        laporan = services.laporan_dapatkan(
            pd=akses.pd,
            jenis=laporan.jenis,
            tahun=tahun,
            triwulan=laporan.triwulan,
            user=request.user,
        )
    services.cetakan_minta(laporan=laporan, edisi=edisi, user=request.user)
    return redirect(url_laporan(laporan, "pdf") + _q_edisi(edisi))


def _konteks_status(laporan: Laporan, cetakan: Cetakan) -> dict:
    return {
        "cetakan": cetakan,
        "url_status": url_laporan(laporan, "pdf_status", cetakan=cetakan.pk),
        "url_unduh": url_laporan(laporan, "pdf_unduh", cetakan=cetakan.pk),
        "url_buat": url_laporan(laporan, "pdf_buat") + _q_edisi(cetakan.edisi),
        "url_kembali": url_laporan(laporan) + _q_edisi(cetakan.edisi),
        "berjalan": services.cetakan_berjalan(cetakan),
        "detik": int((timezone.now() - (cetakan.diantrekan or cetakan.dibuat)).total_seconds()),
    }


def _cetakan(akses, jenis, tahun, triwulan, pk) -> tuple[Laporan, Cetakan]:
    laporan = _laporan(akses, jenis, tahun, triwulan)
    if not laporan.pk:
        raise Http404
    cetakan = get_object_or_404(Cetakan.objects.select_related("edisi"), pk=pk, laporan=laporan)
    return laporan, cetakan


@require_safe
@pd_access(*PEMBACA)
def pdf_status(request, akses, jenis: str, tahun: int, cetakan: int, triwulan: int = 0):
    """htmx fragment polled every second; when ready it redirects the browser to the file.
    Reads the row the worker writes; never starts anything."""
    laporan, c = _cetakan(akses, jenis, tahun, triwulan, cetakan)
    konteks = _konteks_status(laporan, c)
    respon = render(request, "laporan/_pdf_status.html", konteks)
    if c.status == StatusCetakan.SELESAI and request.headers.get("HX-Request"):
        respon["HX-Redirect"] = konteks["url_unduh"]
    return respon


@require_safe
@pd_access(*PEMBACA)
def pdf_unduh(request, akses, jenis: str, tahun: int, cetakan: int, triwulan: int = 0):
    laporan, c = _cetakan(akses, jenis, tahun, triwulan, cetakan)
    if not services.cetakan_siap(c):
        raise Http404
    return _respons_berkas(c, laporan)


# --- Narrative ------------------------------------------------------------------------------


def _bagian_narasi(laporan: Laporan):
    """(parts, drafts, placeholder values) of a report kind with a narrative."""
    pd, tahun = laporan.perangkat_daerah, laporan.tahun
    if laporan.jenis == JenisLaporan.LKJIP:
        data = data_lkjip(pd=pd, tahun=tahun)
        kode = [s.kode for s in data.pengukuran.sasaran]
        profil = teks_profil(NarasiPerangkatDaerah.objects.filter(perangkat_daerah=pd), tahun)
        return daftar_bagian_lkjip(kode), draf_lkjip(data, profil), nilai_placeholder(data)
    if laporan.jenis == JenisLaporan.TRIWULAN:
        data = data_triwulan(pd=pd, tahun=tahun, triwulan=laporan.triwulan)
        kode = [s.kode for s in data.pengukuran.sasaran]
        return daftar_bagian_triwulan(kode), draf_triwulan(data), nilai_placeholder(data)
    raise Http404


class NarasiView(PDAccessMixin, TemplateView):
    """The narrative parts of the report, with which ones were edited, and the date."""

    template_name = "laporan/narasi_daftar.html"
    peran_diizinkan = PERAN_SUNTING

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        laporan = _laporan(self.akses, kwargs["jenis"], kwargs["tahun"], kwargs.get("triwulan", 0))
        bagian, _draf, _nilai = _bagian_narasi(laporan)
        tersimpan = {b.kunci: b for b in laporan.narasi.all()} if laporan.pk else {}
        ctx.update(
            laporan=laporan,
            judul=cetak.judul_laporan(laporan),
            bagian=[
                {
                    "bagian": b,
                    "tersimpan": tersimpan.get(b.kunci),
                    "url": url_laporan(laporan, "narasi_ubah", kunci=b.kunci),
                }
                for b in bagian
            ],
            form_tanggal=TanggalForm(initial={"tanggal": laporan.tanggal}),
            url_tanggal=url_laporan(laporan, "tanggal"),
            url_kembali=url_laporan(laporan),
        )
        return ctx


@pd_access(*PERAN_SUNTING)
def narasi_ubah(request, akses, jenis: str, tahun: int, kunci: str, triwulan: int = 0):
    laporan = _laporan(akses, jenis, tahun, triwulan)
    bagian, draf, nilai = _bagian_narasi(laporan)
    judul = {b.kunci: b.judul for b in bagian}
    if kunci not in judul:
        raise Http404
    tersimpan = laporan.narasi.filter(kunci=kunci).first() if laporan.pk else None
    fakta = laporan.jenis == JenisLaporan.LKJIP and kunci in BAGIAN_PROFIL
    if request.method == "POST":
        laporan = services.laporan_dapatkan(
            pd=akses.pd, jenis=jenis, tahun=tahun, triwulan=laporan.triwulan, user=request.user
        )
        if "kembalikan" in request.POST:
            services.narasi_kembalikan(laporan=laporan, kunci=kunci, user=request.user)
            messages.success(request, PESAN_NARASI_DIKEMBALIKAN.format(judul=judul[kunci]))
            return redirect(url_laporan(laporan, "narasi"))
        form = NarasiForm(request.POST)
        simpan_ke = form.data.get("simpan_ke")
        if form.is_valid() and fakta and simpan_ke in ("setiap_tahun", "tahun"):
            try:
                services.narasi_profil_simpan(
                    laporan=laporan,
                    kunci=kunci,
                    teks=form.cleaned_data["teks"],
                    user=request.user,
                    setiap_tahun=simpan_ke == "setiap_tahun",
                )
            except ValidationError as e:
                form.add_error("teks", e)
            else:
                messages.success(request, PESAN_NARASI_DISIMPAN.format(judul=judul[kunci]))
                return redirect(url_laporan(laporan, "narasi"))
        elif form.is_valid():
            services.narasi_simpan(
                laporan=laporan,
                kunci=kunci,
                teks=form.cleaned_data["teks"],
                user=request.user,
                kunci_sah=judul,
            )
            messages.success(request, PESAN_NARASI_DISIMPAN.format(judul=judul[kunci]))
            return redirect(url_laporan(laporan, "narasi"))
    else:
        form = NarasiForm(initial={"teks": tersimpan.teks if tersimpan else draf.get(kunci, "")})
    return render(
        request,
        "laporan/narasi_ubah.html",
        {
            "pd": akses.pd,
            "akses": akses,
            "laporan": laporan,
            "judul_bagian": judul[kunci],
            "form": form,
            "tersimpan": tersimpan,
            "draf": draf.get(kunci, ""),
            "placeholder": sorted(nilai.items()),
            "url_kembali": url_laporan(laporan, "narasi"),
            "fakta": fakta,
        },
    )


@require_POST
@pd_access(*PERAN_SUNTING)
def tanggal(request, akses, jenis: str, tahun: int, triwulan: int = 0):
    laporan = _laporan(akses, jenis, tahun, triwulan)
    laporan = services.laporan_dapatkan(
        pd=akses.pd, jenis=jenis, tahun=tahun, triwulan=laporan.triwulan, user=request.user
    )
    form = TanggalForm(request.POST)
    if form.is_valid():
        services.laporan_ubah_tanggal(
            laporan=laporan, tanggal=form.cleaned_data["tanggal"], user=request.user
        )
        messages.success(request, PESAN_TANGGAL_DISIMPAN)
    return redirect(url_laporan(laporan, "narasi"))


# --- Approval and editions ------------------------------------------------------------------


@require_POST
@pd_access(Peran.KEPALA)
def setujui(request, akses, jenis: str, tahun: int, triwulan: int = 0):
    laporan = _laporan(akses, jenis, tahun, triwulan)
    laporan = services.laporan_dapatkan(
        pd=akses.pd, jenis=jenis, tahun=tahun, triwulan=laporan.triwulan, user=request.user
    )
    form = SetujuiForm(request.POST)
    form.is_valid()
    try:
        edisi = services.laporan_setujui(
            laporan=laporan, user=request.user, catatan=form.cleaned_data.get("catatan", "")
        )
    except ValidationError as galat:
        for pesan in galat.messages:
            messages.error(request, pesan)
        return redirect(url_laporan(laporan) + "?edisi=draft")
    messages.success(request, PESAN_DISETUJUI.format(nomor=edisi.nomor))
    return redirect(url_laporan(laporan) + f"?edisi={edisi.nomor}")


class EdisiView(PDAccessMixin, TemplateView):
    """The editions of a report and the differences of the numbers between two of them
    (`?a=1&b=2`; "draft" compares with the current data)."""

    template_name = "laporan/edisi.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        laporan = _laporan(self.akses, kwargs["jenis"], kwargs["tahun"], kwargs.get("triwulan", 0))
        daftar = list(laporan.edisi.select_related("disetujui_oleh")) if laporan.pk else []
        per_nomor = {str(e.nomor): e for e in daftar}
        a = self.request.GET.get("a") or (str(daftar[1].nomor) if len(daftar) > 1 else "")
        b = self.request.GET.get("b") or (str(daftar[0].nomor) if daftar else "")
        selisih = None

        def cuplikan(kode: str):
            if kode == "draft":
                # The numbers only: the same tables without the LKjIP's PK annex.
                return cetak.susun(laporan, untuk_xlsx=True).angka
            if kode not in per_nomor:
                raise Http404
            return per_nomor[kode].angka

        if a and b:
            selisih = selisih_cuplikan(cuplikan(a), cuplikan(b))
        if daftar:
            # The validation errors explained at each approval, from its audit entry.
            from common.models import AuditLog

            dijelaskan = {
                log.object_id: (log.perubahan or {}).get("penjelasan_masalah", [None, []])[1]
                for log in AuditLog.objects.filter(
                    aksi="laporan.setujui",
                    content_type__app_label="laporan",
                    content_type__model="edisi",
                    object_id__in=[str(e.pk) for e in daftar],
                )
            }
            for e in daftar:
                e.penjelasan_masalah = dijelaskan.get(str(e.pk)) or []
        ctx.update(
            laporan=laporan,
            judul=cetak.judul_laporan(laporan),
            daftar_edisi=daftar,
            a=a,
            b=b,
            selisih=selisih,
            url_kembali=url_laporan(laporan),
            url_laporan=url_laporan(laporan),
        )
        return ctx


# --- Review ---------------------------------------------------------------------------------


@require_POST
@pd_access(Peran.INSPEKTORAT)
def catatan_tambah(request, akses, jenis: str, tahun: int, triwulan: int = 0):
    laporan = _laporan(akses, jenis, tahun, triwulan)
    if not services.ditugaskan(request.user, akses.pd, tahun):
        raise PermissionDenied(services.PESAN_TIDAK_DITUGASKAN.format(pd=akses.pd, tahun=tahun))
    laporan = services.laporan_dapatkan(
        pd=akses.pd, jenis=jenis, tahun=tahun, triwulan=laporan.triwulan, user=request.user
    )
    edisi = _edisi_dipilih(request, akses, laporan)
    isi = edisi.html if edisi else cetak.susun(laporan).isi
    jangkar = cetak.daftar_jangkar(isi)
    form = CatatanForm(request.POST, jangkar=jangkar)
    if form.is_valid():
        services.catatan_tambah(
            laporan=laporan,
            jangkar=form.cleaned_data["jangkar"],
            teks=form.cleaned_data["teks"],
            user=request.user,
            edisi=edisi,
            jangkar_sah=dict(jangkar),
        )
        messages.success(request, PESAN_CATATAN_DISIMPAN)
    else:
        for pesan in [m for ms in form.errors.values() for m in ms]:
            messages.error(request, pesan)
    return redirect(url_laporan(laporan) + _q_edisi(edisi) + "#catatan-reviu")


def _catatan(akses, jenis, tahun, triwulan, pk) -> CatatanReviu:
    laporan = _laporan(akses, jenis, tahun, triwulan)
    if not laporan.pk:
        raise Http404
    return get_object_or_404(
        CatatanReviu.objects.select_related("laporan__perangkat_daerah", "edisi"),
        pk=pk,
        laporan=laporan,
    )


def _kembali(catatan: CatatanReviu):
    return redirect(
        url_laporan(catatan.laporan) + _q_edisi(catatan.edisi) + f"#catatan-{catatan.pk}"
    )


def _aksi_catatan(request, akses, jenis, tahun, triwulan, pk, layanan, pesan_berhasil):
    """Apply one review-note service with the posted text; report its outcome."""
    catatan = _catatan(akses, jenis, tahun, triwulan, pk)
    form = TanggapanForm(request.POST)
    form.is_valid()
    try:
        layanan(catatan=catatan, teks=form.cleaned_data.get("teks", ""), user=request.user)
        messages.success(request, pesan_berhasil)
    except ValidationError as galat:
        for pesan in galat.messages:
            messages.error(request, pesan)
    return _kembali(catatan)


@require_POST
@pd_access(*PERAN_JAWAB)
def catatan_jawab(request, akses, jenis: str, tahun: int, pk: int, triwulan: int = 0):
    return _aksi_catatan(
        request, akses, jenis, tahun, triwulan, pk, services.catatan_jawab, PESAN_CATATAN_DIJAWAB
    )


@require_POST
@pd_access(Peran.INSPEKTORAT)
def catatan_tutup(request, akses, jenis: str, tahun: int, pk: int, triwulan: int = 0):
    return _aksi_catatan(
        request, akses, jenis, tahun, triwulan, pk, services.catatan_tutup, PESAN_CATATAN_DITUTUP
    )


@require_POST
@pd_access(Peran.INSPEKTORAT)
def catatan_buka(request, akses, jenis: str, tahun: int, pk: int, triwulan: int = 0):
    return _aksi_catatan(
        request,
        akses,
        jenis,
        tahun,
        triwulan,
        pk,
        services.catatan_buka_kembali,
        PESAN_CATATAN_DIBUKA,
    )


@pd_access(Peran.INSPEKTORAT)
def pernyataan(request, akses, jenis: str, tahun: int, triwulan: int = 0):
    laporan = _laporan(akses, jenis, tahun, triwulan)
    if not services.ditugaskan(request.user, akses.pd, tahun):
        raise PermissionDenied(services.PESAN_TIDAK_DITUGASKAN.format(pd=akses.pd, tahun=tahun))
    if request.method == "POST":
        laporan = services.laporan_dapatkan(
            pd=akses.pd, jenis=jenis, tahun=tahun, triwulan=laporan.triwulan, user=request.user
        )
        form = PernyataanForm(request.POST)
        if form.is_valid():
            try:
                p = services.pernyataan_terbitkan(
                    laporan=laporan, user=request.user, **form.cleaned_data
                )
            except ValidationError as galat:
                for pesan in galat.messages:
                    messages.error(request, pesan)
            else:
                messages.success(request, PESAN_PERNYATAAN)
                return redirect(url_laporan(laporan) + _q_edisi(p.edisi))
    else:
        ada = getattr(laporan, "pernyataan_reviu", None) if laporan.pk else None
        form = PernyataanForm(
            initial={
                "nama": ada.nama
                if ada
                else (request.user.get_full_name() or request.user.username),
                "nip": ada.nip if ada else "",
                "jabatan": ada.jabatan if ada else "",
                "tempat": ada.tempat if ada else akses.pd.kota_ttd,
                "tanggal": ada.tanggal if ada else timezone.localdate(),
            }
        )
    terbuka = (
        laporan.catatan_reviu.exclude(status=StatusCatatan.DITUTUP).count() if laporan.pk else 0
    )
    return render(
        request,
        "laporan/pernyataan_form.html",
        {
            "pd": akses.pd,
            "akses": akses,
            "laporan": laporan,
            "form": form,
            "terbuka": terbuka,
            "judul": cetak.judul_laporan(laporan),
            "url_kembali": url_laporan(laporan),
        },
    )
