"""Read-only JSON API `/api/v1/` (Django REST framework, OpenAPI by drf-spectacular).

Session or token authentication (`api.auth`); a request is scoped like its user: another
PD answers 404 (`renstra.akses.akses_pd`). The numbers come from the same selectors as the
reports (`kinerja.serialisasi.pengukuran_json`, also printed by `manage.py pengukuran
--format json`); decimals are strings.
"""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.response import Response

from common.models import Keanggotaan
from common.permissions import PEMBACA
from kinerja.serialisasi import anggaran_json, pengukuran_json, validasi_json
from renstra.akses import akses_pd
from renstra.models import Indikator, PerangkatDaerah, Program, Sasaran, Tujuan
from renstra.selectors import renstra_aktif

PESAN_TRIWULAN = "Parameter triwulan harus 1, 2, 3 atau 4."

_TRIWULAN = OpenApiParameter(
    "triwulan", OpenApiTypes.INT, enum=[1, 2, 3, 4], description="s.d. triwulan (bawaan 4)"
)
_DRAF = OpenApiParameter(
    "draf", OpenApiTypes.STR, enum=["1"], description="1: hitung juga angka yang belum disetujui"
)
_OBJEK = inline_serializer("Objek", fields={"detail": serializers.CharField()})


def _pd(request, slug: str):
    akses = akses_pd(request.user, slug)
    akses.wajib(*PEMBACA)
    return akses.pd


def _tahun(tahun: int) -> int:
    if not 2000 <= tahun <= 2100:
        raise Http404
    return tahun


def _parameter(request, slug: str, tahun: int) -> dict | Response:
    """The PD (404 outside the user's scope), year, quarter and draft flag of a request, or
    the 400 answer for an invalid quarter."""
    pd = _pd(request, slug)
    triwulan = request.query_params.get("triwulan", "4")
    if triwulan not in {"1", "2", "3", "4"}:
        return Response({"galat": PESAN_TRIWULAN}, status=400)
    return {
        "pd": pd,
        "tahun": _tahun(tahun),
        "triwulan": int(triwulan),
        "hanya_resmi": request.query_params.get("draf") != "1",
    }


@extend_schema(responses={200: OpenApiTypes.OBJECT}, summary="Perangkat daerah yang dapat dibaca")
@api_view(["GET"])
def daftar_pd(request):
    """The PDs the user may read: slug, name, pemda."""
    qs = PerangkatDaerah.objects.select_related("pemda").order_by("nama")
    if not request.user.is_superuser:
        ids = Keanggotaan.objects.filter(pengguna=request.user).values("perangkat_daerah_id")
        qs = qs.filter(pk__in=ids)
    return Response([{"slug": p.slug, "nama": p.nama, "pemda": p.pemda.nama} for p in qs])


@extend_schema(
    parameters=[_TRIWULAN, _DRAF],
    responses={200: OpenApiTypes.OBJECT, 400: _OBJEK, 404: _OBJEK},
    summary="Pengukuran kinerja (setiap tingkat), anggaran dan validasi",
    description=(
        "Sama dengan `manage.py pengukuran --format json`. `tujuan` dan `sasaran`: indikator "
        "beserta rata-rata, jumlah indikator yang dipakai dan yang dikecualikan (dengan "
        "alasan); `program_kegiatan`: indikator program, kegiatan dan sub-kegiatan dari baris "
        "Formulir Evaluasi Hasil Renja, dengan `capaian` (terhadap target yang dipakai LKjIP), "
        "`capaian_renja` (tingkat capaian Renja) dan kolom Renstra 6, 7, 14, 15. Setiap "
        "indikator memuat `tingkat`, `kode_objek`, target dengan `sumber_target` dan "
        "`tahun_target`, realisasi, capaian, kategori, `catatan` dan `status` (dihitung, "
        "belum_ada_data, belum_ada_target, belum_ada_realisasi, tidak_terhitung). Angka desimal "
        "berupa teks."
    ),
)
@api_view(["GET"])
def pengukuran(request, pd: str, tahun: int):
    """The same JSON as `manage.py pengukuran --pd <slug> --tahun <n> --format json`
    (`kinerja.serialisasi`): the indicators of every level — `tujuan` and `sasaran` (with
    their averages, n used and excluded indicators), `program_kegiatan` (program, kegiatan and
    sub-kegiatan indicators: capaian against the LKjIP's target, `capaian_renja` of the Renja
    form, the Renstra columns) — each with its target version and year, capaian, kategori,
    notes and data status; then `anggaran` and `validasi`. Decimals are strings."""
    p = _parameter(request, pd, tahun)
    return p if isinstance(p, Response) else Response(pengukuran_json(**p))


@extend_schema(
    parameters=[_TRIWULAN, _DRAF],
    responses={200: OpenApiTypes.OBJECT, 404: _OBJEK},
    summary="Rekap anggaran: pagu dan realisasi program → kegiatan → sub-kegiatan",
)
@api_view(["GET"])
def anggaran(request, pd: str, tahun: int):
    """The `anggaran` part of the pengukuran JSON."""
    p = _parameter(request, pd, tahun)
    return p if isinstance(p, Response) else Response(anggaran_json(**p))


@extend_schema(
    responses={200: OpenApiTypes.OBJECT, 404: _OBJEK},
    summary="Masalah validasi data (error dan peringatan)",
)
@api_view(["GET"])
def validasi(request, pd: str, tahun: int):
    """The `validasi` part of the pengukuran JSON."""
    p = _parameter(request, pd, tahun)
    if isinstance(p, Response):
        return p
    return Response(validasi_json(pd=p["pd"], tahun=p["tahun"]))


@extend_schema(responses={200: OpenApiTypes.OBJECT, 404: _OBJEK}, summary="Rencana (Renstra)")
@api_view(["GET"])
def rencana(request, pd: str, tahun: int):
    """The Renstra covering `tahun`: tujuan, sasaran, programs and their indicators."""
    obj = _pd(request, pd)
    renstra = renstra_aktif(pd=obj, tahun=_tahun(tahun))
    if renstra is None:
        return Response({"renstra": None})
    indikator: dict[tuple[str, int], list] = {}
    for ind in Indikator.objects.filter(perangkat_daerah=obj).order_by("urutan", "id"):
        for tingkat in ("tujuan", "sasaran", "program"):
            induk = getattr(ind, f"{tingkat}_id")
            if induk:
                indikator.setdefault((tingkat, induk), []).append(
                    {"kode": ind.kode, "uraian": ind.uraian, "satuan": ind.satuan, "iku": ind.iku}
                )
    return Response(
        {
            "renstra": {"tahun_awal": renstra.tahun_awal, "tahun_akhir": renstra.tahun_akhir},
            "tujuan": [
                {
                    "kode": t.kode,
                    "uraian": t.uraian,
                    "indikator": indikator.get(("tujuan", t.pk), []),
                }
                for t in Tujuan.objects.filter(renstra=renstra).order_by("urutan", "id")
            ],
            "sasaran": [
                {
                    "kode": s.kode,
                    "uraian": s.uraian,
                    "indikator": indikator.get(("sasaran", s.pk), []),
                }
                for s in Sasaran.objects.filter(renstra=renstra).order_by("urutan", "id")
            ],
            "program": [
                {"kode": p.kode, "nama": p.nama, "indikator": indikator.get(("program", p.pk), [])}
                for p in Program.objects.filter(renstra=renstra).order_by("urutan", "id")
            ],
        }
    )
