"""Home pages and the PD's audit export.

`beranda` lists the user's PD (or goes straight to the only one); `beranda_pd` is the home page
of one PD, by role: what the operator must fill this quarter with progress per unit, the inbox
of the verifikator and the kepala, the reopen requests for kepala and perencana, and for
everyone the PD's capaian per sasaran as CSS bars (no chart library).
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from anggaran import services as anggaran_services
from anggaran.models import RealisasiAnggaran
from common.models import AuditLog, Peran
from kinerja import services as kinerja_services
from kinerja.models import Realisasi, StatusRealisasi
from kinerja.selectors import pengukuran_kinerja
from kinerja.selectors.kelengkapan import kelengkapan_triwulan
from lke.selectors import rekomendasi_jatuh_tempo
from renstra.akses import PDAccessMixin, pd_access
from renstra.models import Indikator, PembukaanKembali, PerangkatDaerah, UnitKerja
from renstra.periode import baca_periode, pilihan_periode, status_periode

SKALA_GRAFIK = Decimal(150)
"""The bars run from 0 to 150% (values above are drawn full and labelled with their value)."""

PERAN_AUDIT = (Peran.KEPALA, Peran.PERENCANA, Peran.INSPEKTORAT)
"""Who may export the PD's whole audit log."""

KOLOM_CSV = (
    "waktu",
    "pengguna",
    "aksi",
    "objek",
    "jenis_objek",
    "id_objek",
    "perubahan",
    "keterangan",
)


@login_required
def beranda(request):
    daftar_pd = list(PerangkatDaerah.objects.for_user(request.user).select_related("pemda"))
    if len(daftar_pd) == 1:
        return redirect("beranda_pd", pd=daftar_pd[0].slug)
    # The Inspektorat's home page: due and overdue recommendations of the PD it evaluates.
    inspektorat = [
        k.perangkat_daerah_id for k in request.user.keanggotaan.filter(peran=Peran.INSPEKTORAT)
    ]
    return render(
        request,
        "beranda/beranda.html",
        {
            "daftar_pd": daftar_pd,
            "rekomendasi_jatuh_tempo": rekomendasi_jatuh_tempo(pd_ids=inspektorat),
        },
    )


def _lebar(nilai: Decimal | None) -> str:
    """Bar width in CSS percent (plain notation, not localised)."""
    if nilai is None or nilai <= 0:
        return "0"
    return str(int(min(nilai, SKALA_GRAFIK) * 100 / SKALA_GRAFIK))


class BerandaPDView(PDAccessMixin, TemplateView):
    template_name = "beranda/beranda_pd.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        pd, akses = self.pd, self.akses
        tahun, triwulan = baca_periode(self.request, pd)
        hanya_resmi = self.request.GET.get("resmi") != "0"
        periode = status_periode(pd=pd, tahun=tahun, triwulan=triwulan)
        ctx.update(
            tahun=tahun,
            triwulan=triwulan,
            hanya_resmi=hanya_resmi,
            periode=periode,
            **pilihan_periode(pd, tahun),
        )
        units = {u.pk: u for u in UnitKerja.objects.filter(perangkat_daerah=pd)}
        ctx["peran_saya"] = [
            f"{k.get_peran_display()} · {units[k.unit_kerja_id].nama}"
            if k.unit_kerja_id in units
            else k.get_peran_display()
            for k in akses.keanggotaan
        ]

        if akses.punya(Peran.OPERATOR) and not akses.superuser:
            ctx["tugas_operator"] = kelengkapan_triwulan(
                pd=pd,
                tahun=tahun,
                triwulan=triwulan,
                unit_ids=akses.unit_ids(Peran.OPERATOR),
                units=units.values(),
            ).units
            ctx["unit_grid"] = [
                k.unit for k in ctx["tugas_operator"] if k.unit is not None and periode.terbuka
            ]
        # The quarter at a glance for the head of unit (their units) and the kepala (all).
        if akses.punya(Peran.KEPALA, Peran.VERIFIKATOR, Peran.PERENCANA):
            unit_ids = (
                None
                if akses.punya(Peran.KEPALA, Peran.PERENCANA)
                else akses.unit_ids(Peran.VERIFIKATOR)
            )
            ctx["kelengkapan"] = kelengkapan_triwulan(
                pd=pd, tahun=tahun, triwulan=triwulan, unit_ids=unit_ids, units=units.values()
            )

        # Each inbox: the indicator and budget realisations waiting for my decision.
        kotak_masuk = []
        if akses.punya(Peran.VERIFIKATOR) and not akses.superuser:
            unit_ids = akses.unit_ids(Peran.VERIFIKATOR)
            kotak_masuk.append(self._kotak("verifikasi", StatusRealisasi.DIAJUKAN, unit_ids))
        if akses.punya(Peran.KEPALA):
            kotak_masuk.append(self._kotak("setujui", StatusRealisasi.DIVERIFIKASI, None))
        ctx["kotak_masuk"] = kotak_masuk
        if akses.punya(Peran.KEPALA, Peran.PERENCANA):
            ctx["pembukaan_menunggu"] = list(
                PembukaanKembali.objects.filter(
                    perangkat_daerah=pd, status=PembukaanKembali.Status.DIMINTA
                ).select_related("unit_kerja", "diminta_oleh")[:20]
            )

        pengukuran = pengukuran_kinerja(
            pd=pd, tahun=tahun, triwulan=triwulan, hanya_resmi=hanya_resmi
        )
        ctx["pengukuran"] = pengukuran
        # Where the chosen period has nothing yet, point to the latest year that has approved
        # numbers (one query, whatever the data).
        ctx["tahun_data_terakhir"] = (
            Realisasi.objects.resmi()
            .for_pd(pd)
            .exclude(nilai__isnull=True, predikat="")
            .aggregate(terakhir=Max("tahun"))["terakhir"]
        )
        ctx["grafik"] = [{"s": s, "lebar": _lebar(s.rata_rata)} for s in pengukuran.sasaran]
        ctx["garis_100"] = _lebar(Decimal(100))
        ctx["boleh_audit"] = akses.punya(*PERAN_AUDIT)
        # SAKIP evaluation: the PD's recommendations due within 7 days or overdue (1 query).
        ctx["rekomendasi_jatuh_tempo"] = rekomendasi_jatuh_tempo(pd_ids=[pd.pk])
        return ctx

    def _kotak(self, jenis: str, status: str, unit_ids) -> dict:
        kinerja = self._masuk(status, unit_ids)
        anggaran = self._masuk_anggaran(status, unit_ids)
        return {
            "jenis": jenis,
            "kinerja": kinerja,
            "anggaran": anggaran,
            "jumlah": len(kinerja) + len(anggaran),
        }

    def _masuk_anggaran(self, status: str, unit_ids):
        sub = anggaran_services.sub_kegiatan_pd(self.pd)
        if unit_ids is not None:
            sub = sub.filter(unit_id__in=unit_ids)
        qs = RealisasiAnggaran.objects.filter(
            sub_kegiatan__in=sub.values("pk"), status=status
        ).select_related("sub_kegiatan", "diisi_oleh")
        return list(qs.order_by("tahun", "triwulan", "sub_kegiatan__kode")[:50])

    def _masuk(self, status: str, unit_ids):
        qs = Realisasi.objects.filter(
            indikator__in=kinerja_services.filter_unit(
                kinerja_services.indikator_dengan_unit(Indikator.objects.for_pd(self.pd)), unit_ids
            ).values("pk"),
            status=status,
        ).select_related("indikator", "diisi_oleh")
        return list(qs.order_by("tahun", "triwulan", "indikator__urutan", "indikator_id")[:50])


class _Echo:
    def write(self, value):
        return value


@require_GET
@pd_access(*PERAN_AUDIT)
def audit_csv(request, akses):
    """The PD's audit log as CSV (UTF-8 with BOM for spreadsheets), newest first."""
    log = (
        AuditLog.objects.filter(perangkat_daerah=akses.pd)
        .select_related("pengguna", "content_type")
        .order_by("-waktu", "-id")
    )
    penulis = csv.writer(_Echo())

    def baris():
        yield "\ufeff" + penulis.writerow(KOLOM_CSV)
        for e in log.iterator(chunk_size=500):
            ct: ContentType | None = e.content_type
            yield penulis.writerow(
                [
                    timezone.localtime(e.waktu).isoformat(timespec="seconds"),
                    e.pengguna.get_username() if e.pengguna else "",
                    e.aksi,
                    e.objek,
                    f"{ct.app_label}.{ct.model}" if ct else "",
                    e.object_id,
                    json.dumps(e.perubahan, ensure_ascii=False, sort_keys=True),
                    e.keterangan,
                ]
            )

    nama = f"audit-{akses.pd.slug}-{timezone.localdate():%Y%m%d}.csv"
    respon = StreamingHttpResponse(baris(), content_type="text/csv; charset=utf-8")
    respon["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respon
