"""Read-only JSON API: the same selectors as the reports, scoped like every view.

Session authentication; another PD answers 404. Decimals are strings (kinerja.serialisasi).
"""

from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from common.permissions import PEMBACA
from renstra.akses import akses_pd

from .serialisasi import pengukuran_json

PESAN_TRIWULAN = "Parameter triwulan harus 1, 2, 3 atau 4."
PESAN_LOGIN = "Silakan masuk terlebih dahulu."


@require_GET
def pengukuran(request, pd: str, tahun: int):
    if not request.user.is_authenticated:
        return JsonResponse({"galat": PESAN_LOGIN}, status=401)
    akses = akses_pd(request.user, pd)
    akses.wajib(*PEMBACA)
    triwulan = request.GET.get("triwulan", "4")
    if triwulan not in {"1", "2", "3", "4"}:
        return JsonResponse({"galat": PESAN_TRIWULAN}, status=400)
    if not 2000 <= tahun <= 2100:
        raise Http404
    data = pengukuran_json(
        pd=akses.pd,
        tahun=tahun,
        triwulan=int(triwulan),
        hanya_resmi=request.GET.get("draf") != "1",
    )
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
