"""Screens of the quarterly entry: list, realisasi form with live capaian preview, workflow
actions, evidence, reopen requests and entry windows.

Every view resolves the PD through the user's scope (another PD → 404) and fetches objects
through that PD; rights inside the PD are checked here for a clear 403 *and* again in the
services, which are the control.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from common.formatting import format_triwulan
from common.forms import galat_ke_form
from common.models import AuditLog, Peran
from common.permissions import PESAN_TIDAK_BERHAK
from common.riwayat import entri_riwayat
from common.views import jalankan_aksi, jalankan_kembalikan, kembali_ke, pesan_galat
from renstra.akses import PDAccessMixin, pd_access
from renstra.models import Indikator, UnitKerja
from renstra.periode import (
    PESAN_PERIODE_TIDAK_SAH,
    baca_periode,
    pilihan_periode,
    status_periode,
    wajib_periode,
)

from . import services
from .forms import (
    BuktiForm,
    KembalikanForm,
    RealisasiForm,
)
from .models import Bukti, Realisasi, StatusRealisasi
from .selectors import kewajaran
from .selectors.kelengkapan import PILIHAN_STATUS, kelengkapan_triwulan
from .validasi import ERROR, PERINGATAN, masalah_realisasi

PESAN_TERSIMPAN = "Realisasi tersimpan."
PESAN_DIAJUKAN = "Realisasi diajukan untuk diverifikasi."
PESAN_MASALAH_AJUAN = {
    ERROR: (
        "Hasil validasi (error, {kode}): {pesan} Perbaiki, atau jelaskan di halaman Periksa "
        "laporan sebelum LKjIP disetujui."
    ),
    PERINGATAN: "Hasil validasi (peringatan, {kode}): {pesan}",
}
PESAN_DIVERIFIKASI = "Realisasi diverifikasi dan diteruskan kepada Kepala untuk disetujui."
PESAN_DISETUJUI = "Realisasi disetujui; nilainya kini dipakai dalam laporan resmi."
PESAN_DIKEMBALIKAN = "Realisasi dikembalikan kepada operator."
PESAN_MASSAL = "{n} realisasi diajukan."
PESAN_MASSAL_GAGAL = "{indikator}: {pesan}"
PESAN_BUKTI_DITAMBAH = "Bukti dukung ditambahkan."
PESAN_BUKTI_DIHAPUS = "Bukti dukung dihapus."
PESAN_SIMPAN_DULU = "Simpan realisasi terlebih dahulu sebelum melampirkan bukti."
PESAN_PEMBUKAAN_DIMINTA = "Permintaan pembukaan kembali dikirim."
PESAN_PEMBUKAAN_DISETUJUI = "Pembukaan kembali disetujui."
PESAN_PEMBUKAAN_DITOLAK = "Permintaan pembukaan kembali ditolak."
PESAN_JENDELA_TERSIMPAN = "Jendela pengisian disimpan."
PESAN_BACA_BUKAN_OPERATOR = (
    "Hanya dapat dibaca: Anda bukan operator unit yang bertanggung jawab atas indikator ini."
)
PESAN_BACA_STATUS = (
    "Hanya dapat dibaca: realisasi sudah {status}; isian dapat diubah lagi bila dikembalikan."
)
PESAN_GRID_TERSIMPAN = "{n} realisasi tersimpan."
PESAN_GRID_GAGAL = "{n} baris belum tersimpan; periksa pesan pada baris tersebut."
PESAN_BACA_PERIODE = "Hanya dapat dibaca: periode pengisian triwulan ini sudah ditutup."


def _indikator(pd, pk: int) -> Indikator:
    qs = services.indikator_dengan_unit(Indikator.objects.for_pd(pd)).select_related(
        "sasaran", "tujuan", "program", "kegiatan", "sub_kegiatan", "perangkat_daerah"
    )
    return get_object_or_404(qs, pk=pk)


def _realisasi(pd, pk: int) -> Realisasi:
    return get_object_or_404(
        Realisasi.objects.for_pd(pd).select_related("indikator__perangkat_daerah"), pk=pk
    )


def peringatan_nilai(indikator: Indikator, tahun: int, triwulan: int, nilai) -> list:
    """Plausibility warnings of `nilai` (one query for the values compared with)."""
    if not isinstance(nilai, Decimal):
        return []
    dasar = kewajaran.pembanding(indikator_ids=[indikator.pk], tahun=tahun, triwulan=triwulan)
    return kewajaran.peringatan_kewajaran(
        indikator=indikator, triwulan=triwulan, nilai=nilai, pembanding=dasar[indikator.pk]
    )


def url_isi(pd_slug: str, r: Realisasi) -> str:
    return reverse(
        "kinerja:realisasi_isi",
        kwargs={
            "pd": pd_slug,
            "indikator": r.indikator_id,
            "tahun": r.tahun,
            "triwulan": r.triwulan,
        },
    )


# --- List -------------------------------------------------------------------------------------


PILIH_UNIT_SAYA = "saya"
PILIH_UNIT_SEMUA = "semua"


class RealisasiDaftarView(PDAccessMixin, TemplateView):
    """Indicators of the PD with their status for one quarter, as cards on a phone and a
    table on a wide screen. Opens on the user's own units (operator or verifikator of a
    unit), filtered by unit (`?unit=<id>|saya|semua`) and by status (`?status=`, the values
    of PILIHAN_STATUS); operators can submit a unit's quarter at once."""

    template_name = "kinerja/realisasi_daftar.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        tahun, triwulan = baca_periode(self.request, self.pd)
        unit_saya = (
            self.akses.unit_ids(Peran.OPERATOR, Peran.VERIFIKATOR)
            if self.akses.punya(Peran.OPERATOR, Peran.VERIFIKATOR)
            else None
        )
        pilih_unit = self.request.GET.get("unit") or (
            PILIH_UNIT_SAYA if unit_saya else PILIH_UNIT_SEMUA
        )
        if pilih_unit == PILIH_UNIT_SAYA and unit_saya:
            unit_ids = unit_saya
        elif pilih_unit.isdigit():
            unit_ids = {int(pilih_unit)}
        else:
            pilih_unit, unit_ids = PILIH_UNIT_SEMUA, None
        kelengkapan = kelengkapan_triwulan(
            pd=self.pd, tahun=tahun, triwulan=triwulan, unit_ids=unit_ids
        )
        pilih_status = self.request.GET.get("status") or ""
        if pilih_status not in dict(PILIHAN_STATUS):
            pilih_status = ""
        jumlah = kelengkapan.hitung_status()
        unit_operator = (
            self.akses.unit_ids(Peran.OPERATOR) if self.akses.punya(Peran.OPERATOR) else set()
        )
        baris = [
            {
                "indikator": b.indikator,
                "unit": k.unit,
                "realisasi": b.realisasi,
                "milik_saya": unit_operator is None or b.indikator.unit_id in unit_operator,
            }
            for k in kelengkapan.units
            for b in k.baris
            if not pilih_status or b.status == pilih_status
        ]
        units = list(UnitKerja.objects.filter(perangkat_daerah=self.pd).order_by("id"))
        unit_massal = []
        if self.akses.punya(Peran.OPERATOR):
            unit_massal = [u for u in units if self.akses.boleh_unit(u.pk, Peran.OPERATOR)]
        ctx.update(
            tahun=tahun,
            triwulan=triwulan,
            baris=baris,
            units=units,
            unit_saya=bool(unit_saya),
            pilih_unit=pilih_unit,
            pilih_status=pilih_status,
            pilihan_status=[(nilai, label, jumlah[nilai]) for nilai, label in PILIHAN_STATUS],
            jumlah_semua=sum(jumlah.values()),
            unit_massal=unit_massal,
            periode=status_periode(pd=self.pd, tahun=tahun, triwulan=triwulan),
            **pilihan_periode(self.pd, tahun),
        )
        return ctx


# --- Form -------------------------------------------------------------------------------------


class RealisasiIsiView(PDAccessMixin, View):
    """The realisasi of one indicator and quarter: value (or pembilang/penyebut), capaian
    preview, value s.d. TW n, target, analysis texts, evidence and workflow actions."""

    template_name = "kinerja/realisasi_isi.html"

    def setup_objek(self, indikator: int, tahun: int, triwulan: int):
        wajib_periode(tahun, triwulan)
        self.tahun, self.triwulan = tahun, triwulan
        self.indikator = _indikator(self.pd, indikator)
        self.realisasi_tahun = list(
            Realisasi.objects.filter(indikator=self.indikator, tahun=tahun)
            .select_related("diisi_oleh", "diverifikasi_oleh", "disetujui_oleh")
            .prefetch_related(
                Prefetch("bukti", queryset=Bukti.objects.select_related("diunggah_oleh"))
            )
        )
        self.realisasi = next((r for r in self.realisasi_tahun if r.triwulan == triwulan), None)
        self.target = list(self.indikator.target.filter(tahun=tahun))
        self.target_tw = list(self.indikator.target_triwulan.filter(tahun=tahun))

    def ringkasan(self, nilai_baru=...):
        return services.ringkasan_dari_data(
            indikator=self.indikator,
            tahun=self.tahun,
            triwulan=self.triwulan,
            realisasi=self.realisasi_tahun,
            target=self.target,
            target_triwulan=self.target_tw,
            nilai_baru=nilai_baru,
        )

    def boleh_ubah(self, periode) -> bool:
        status_boleh = self.realisasi is None or self.realisasi.status in (
            StatusRealisasi.DRAFT,
            StatusRealisasi.DIKEMBALIKAN,
        )
        return (
            services.boleh_isi(self.akses, self.indikator.unit_id)
            and status_boleh
            and periode.terbuka
        )

    def alasan_hanya_baca(self, periode) -> str:
        """Why the form is read-only for this user now ("" when it is editable)."""
        if not services.boleh_isi(self.akses, self.indikator.unit_id):
            return PESAN_BACA_BUKAN_OPERATOR
        r = self.realisasi
        if r is not None and r.status not in (StatusRealisasi.DRAFT, StatusRealisasi.DIKEMBALIKAN):
            return PESAN_BACA_STATUS.format(status=r.get_status_display().lower())
        if not periode.terbuka:
            return PESAN_BACA_PERIODE
        return ""

    def konteks(self, form, *, konflik=None, galat=(), periode=None):
        periode = periode or status_periode(
            pd=self.pd, tahun=self.tahun, triwulan=self.triwulan, unit_id=self.indikator.unit_id
        )
        r = self.realisasi
        unit = (
            UnitKerja.objects.filter(pk=self.indikator.unit_id).first()
            if self.indikator.unit_id
            else None
        )
        per_tw = {x.triwulan: x for x in self.realisasi_tahun}
        status = r.status if r else None
        return {
            "pd": self.pd,
            "akses": self.akses,
            "indikator": self.indikator,
            "unit": unit,
            "tahun": self.tahun,
            "triwulan": self.triwulan,
            "realisasi": r,
            "bukti": list(r.bukti.all()) if r else [],
            "form": form,
            "form_bukti": BuktiForm(),
            "form_kembalikan": KembalikanForm(),
            "ringkasan": self.ringkasan(),
            "peringatan": peringatan_nilai(
                self.indikator, self.tahun, self.triwulan, r.nilai if r else None
            ),
            "periode": periode,
            "boleh_ubah": self.boleh_ubah(periode),
            "alasan_hanya_baca": self.alasan_hanya_baca(periode),
            "boleh_ajukan": r is not None
            and status in services.AJUKAN.asal
            and periode.terbuka
            and services.boleh_isi(self.akses, self.indikator.unit_id),
            "boleh_verifikasi": status == StatusRealisasi.DIAJUKAN
            and services.boleh_verifikasi(self.akses, self.indikator.unit_id),
            "boleh_setujui": status == StatusRealisasi.DIVERIFIKASI
            and services.boleh_setujui(self.akses),
            "boleh_kembalikan": (
                status == StatusRealisasi.DIAJUKAN
                and (
                    services.boleh_setujui(self.akses)
                    or services.boleh_verifikasi(self.akses, self.indikator.unit_id)
                )
            )
            or (status == StatusRealisasi.DIVERIFIKASI and services.boleh_setujui(self.akses)),
            "triwulan_lain": [(n, per_tw.get(n)) for n in range(1, 5)],
            "teks_pembilang": services.teks_nilai(r.pembilang if r else None),
            "teks_penyebut": services.teks_nilai(r.penyebut if r else None),
            "konflik": konflik,
            "galat": galat,
            "url_pratinjau": reverse(
                "kinerja:realisasi_pratinjau",
                kwargs={
                    "pd": self.pd.slug,
                    "indikator": self.indikator.pk,
                    "tahun": self.tahun,
                    "triwulan": self.triwulan,
                },
            ),
        }

    def get(self, request, pd, indikator, tahun, triwulan):
        self.setup_objek(indikator, tahun, triwulan)
        r = self.realisasi
        awal = {"versi": r.versi if r else 0}
        if r:
            awal.update({k: getattr(r, k) for k in services.KOLOM_ISIAN})
        form = RealisasiForm(initial=awal, indikator=self.indikator)
        return render(request, self.template_name, self.konteks(form))

    def post(self, request, pd, indikator, tahun, triwulan):
        self.setup_objek(indikator, tahun, triwulan)
        if not services.boleh_isi(self.akses, self.indikator.unit_id):
            raise PermissionDenied(PESAN_TIDAK_BERHAK)
        form = RealisasiForm(request.POST, indikator=self.indikator)
        if form.is_valid():
            try:
                services.realisasi_simpan(
                    indikator=self.indikator,
                    tahun=tahun,
                    triwulan=triwulan,
                    data=form.data_layanan(),
                    versi=form.cleaned_data["versi"],
                    user=request.user,
                )
            except services.KonflikSuntingan as konflik:
                data = request.POST.copy()
                data["versi"] = konflik.terkini.versi if konflik.terkini else 0
                form = RealisasiForm(data, indikator=self.indikator)
                form.is_valid()
                self.setup_objek(indikator, tahun, triwulan)
                return render(
                    request, self.template_name, self.konteks(form, konflik=konflik), status=409
                )
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                messages.success(request, PESAN_TERSIMPAN)
                return redirect(request.path)
        return render(request, self.template_name, self.konteks(form))


@require_GET
@pd_access()
def realisasi_pratinjau(request, akses, indikator, tahun, triwulan):
    """htmx partial: the value, value s.d. TW n, capaian and category for the typed input."""
    wajib_periode(tahun, triwulan)
    ind = _indikator(akses.pd, indikator)
    form = RealisasiForm(request.GET, indikator=ind)
    form.is_valid()
    galat = [
        f"{form.fields[k].label}: {e}"
        for k, daftar in form.errors.items()
        if k in ("nilai", "pembilang", "penyebut", "predikat")
        for e in daftar
    ]
    nilai_baru = None
    if not galat:
        d = form.cleaned_data
        if form.rasio:
            if d.get("pembilang") is not None and d.get("penyebut"):
                nilai_baru = services.hitung_nilai_rasio(d["pembilang"], d["penyebut"])
        else:
            nilai_baru = d.get("predikat") or d.get("nilai")
    ringkasan = services.ringkasan_dari_data(
        indikator=ind,
        tahun=tahun,
        triwulan=triwulan,
        realisasi=Realisasi.objects.filter(indikator=ind, tahun=tahun),
        target=ind.target.filter(tahun=tahun),
        target_triwulan=ind.target_triwulan.filter(tahun=tahun),
        nilai_baru=nilai_baru,
    )
    return render(
        request,
        "kinerja/_pratinjau.html",
        {
            "ringkasan": ringkasan,
            "indikator": ind,
            "triwulan": triwulan,
            "galat": galat,
            "peringatan": peringatan_nilai(ind, tahun, triwulan, nilai_baru),
        },
    )


# --- Workflow actions -------------------------------------------------------------------------


def _aksi(request, akses, pk: int, peran: tuple, fungsi, pesan: str):
    # The object first: another PD's id answers 404 whatever the user's roles.
    r = _realisasi(akses.pd, pk)
    url = url_isi(akses.pd.slug, r)
    return jalankan_aksi(request, akses, r, peran=peran, fungsi=fungsi, pesan=pesan, url=url)


@require_POST
@pd_access()
def realisasi_ajukan(request, akses, pk):
    """Submit, then show the validation problems of the indicator (the rules that gate the
    LKjIP's approval run at submission too; the operator can still correct before the
    verifikator decides)."""
    respon = _aksi(request, akses, pk, (Peran.OPERATOR,), services.realisasi_ajukan, PESAN_DIAJUKAN)
    r = _realisasi(akses.pd, pk)
    if r.status == StatusRealisasi.DIAJUKAN:
        for m in masalah_realisasi(realisasi=r):
            pesan = PESAN_MASALAH_AJUAN[m.tingkat].format(kode=m.kode, pesan=m.pesan)
            messages.warning(request, pesan)
    return respon


@require_POST
@pd_access()
def realisasi_verifikasi(request, akses, pk):
    return _aksi(
        request,
        akses,
        pk,
        (Peran.VERIFIKATOR,),
        services.realisasi_verifikasi,
        PESAN_DIVERIFIKASI,
    )


@require_POST
@pd_access()
def realisasi_setujui(request, akses, pk):
    return _aksi(request, akses, pk, (Peran.KEPALA,), services.realisasi_setujui, PESAN_DISETUJUI)


@require_POST
@pd_access()
def realisasi_kembalikan(request, akses, pk):
    r = _realisasi(akses.pd, pk)
    url = url_isi(akses.pd.slug, r)
    return jalankan_kembalikan(
        request, akses, r, fungsi=services.realisasi_kembalikan, pesan=PESAN_DIKEMBALIKAN, url=url
    )


@require_POST
@pd_access(Peran.OPERATOR)
def realisasi_ajukan_massal(request, akses):
    try:
        tahun = int(request.POST.get("tahun", ""))
        triwulan = int(request.POST.get("triwulan", ""))
    except ValueError:
        raise Http404(PESAN_PERIODE_TIDAK_SAH) from None
    wajib_periode(tahun, triwulan)
    unit_id = request.POST.get("unit") or ""
    unit = (
        get_object_or_404(UnitKerja, perangkat_daerah=akses.pd, pk=int(unit_id))
        if unit_id.isdigit()
        else None
    )
    if not akses.boleh_unit(unit.pk if unit else None, Peran.OPERATOR):
        raise PermissionDenied(PESAN_TIDAK_BERHAK)
    daftar = reverse("kinerja:realisasi_daftar", kwargs={"pd": akses.pd.slug})
    try:
        hasil = services.realisasi_ajukan_massal(
            pd=akses.pd, unit_kerja=unit, tahun=tahun, triwulan=triwulan, user=request.user
        )
    except ValidationError as exc:
        for p in pesan_galat(exc):
            messages.error(request, p)
    else:
        messages.success(request, PESAN_MASSAL.format(n=len(hasil.diajukan)))
        for r, pesan in hasil.gagal:
            messages.warning(
                request, PESAN_MASSAL_GAGAL.format(indikator=r.indikator.kode, pesan=pesan)
            )
    return kembali_ke(request, f"{daftar}?tahun={tahun}&triwulan={triwulan}")


# --- Evidence ---------------------------------------------------------------------------------


@require_POST
@pd_access()
def bukti_unggah(request, akses, pk):
    r = _realisasi(akses.pd, pk)
    akses.wajib(Peran.OPERATOR)
    form = BuktiForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.bukti_tambah(
                realisasi=r,
                user=request.user,
                berkas=form.cleaned_data.get("berkas"),
                tautan=form.cleaned_data.get("tautan") or "",
                keterangan=form.cleaned_data.get("keterangan") or "",
            )
        except ValidationError as exc:
            for p in pesan_galat(exc):
                messages.error(request, p)
        else:
            messages.success(request, PESAN_BUKTI_DITAMBAH)
    else:
        for daftar in form.errors.values():
            for p in daftar:
                messages.error(request, p)
    return redirect(url_isi(akses.pd.slug, r))


@require_GET
@pd_access()
def bukti_unduh(request, akses, pk):
    """Serve an evidence file after the scope check; never from a public URL."""
    bukti = get_object_or_404(
        Bukti.objects.filter(realisasi__indikator__perangkat_daerah=akses.pd), pk=pk
    )
    if not bukti.berkas:
        if bukti.tautan:
            return HttpResponseRedirect(bukti.tautan)
        raise Http404
    try:
        berkas = bukti.berkas.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    inline = bukti.jenis_konten in ("application/pdf", "image/jpeg", "image/png")
    respon = FileResponse(
        berkas,
        as_attachment=not inline,
        filename=bukti.nama_asli or bukti.berkas.name.rsplit("/", 1)[-1],
        content_type=bukti.jenis_konten or "application/octet-stream",
    )
    respon["X-Content-Type-Options"] = "nosniff"
    respon["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return respon


@require_POST
@pd_access()
def bukti_hapus(request, akses, pk):
    bukti = get_object_or_404(
        Bukti.objects.filter(realisasi__indikator__perangkat_daerah=akses.pd).select_related(
            "realisasi"
        ),
        pk=pk,
    )
    akses.wajib(Peran.OPERATOR)
    r = bukti.realisasi
    try:
        services.bukti_hapus(bukti=bukti, user=request.user)
    except ValidationError as exc:
        for p in pesan_galat(exc):
            messages.error(request, p)
    else:
        messages.success(request, PESAN_BUKTI_DIHAPUS)
    return redirect(url_isi(akses.pd.slug, r))


# --- History ----------------------------------------------------------------------------------


@require_GET
@pd_access()
def realisasi_riwayat(request, akses, pk):
    from django.contrib.contenttypes.models import ContentType

    r = _realisasi(akses.pd, pk)
    log = (
        AuditLog.objects.filter(
            content_type=ContentType.objects.get_for_model(Realisasi), object_id=str(r.pk)
        )
        .select_related("pengguna")
        .order_by("-waktu", "-id")
    )
    return render(
        request,
        "common/riwayat.html",
        {
            "pd": akses.pd,
            "judul": f"Riwayat realisasi {r.indikator.kode} {format_triwulan(r.triwulan)} {r.tahun}"
            if r.triwulan
            else f"Riwayat realisasi {r}",
            "objek": r,
            "entri": entri_riwayat(log, Realisasi),
            "kembali": url_isi(akses.pd.slug, r),
        },
    )
