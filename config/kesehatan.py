"""`/healthz` for load balancers and the compose health check: the database answers a query
and the task broker accepts a connection. 200 with {"status": "ok", ...} or 503 naming what
failed; no session, no login, no template. Without a broker (eager tasks) the queue check
reports "eager" and passes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

BATAS_DETIK = 2


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _antrean() -> str:
    if not settings.CELERY_BROKER_URL:
        return "eager"
    from config.celery import app

    with app.connection_for_write() as koneksi:
        koneksi.ensure_connection(max_retries=1, timeout=BATAS_DETIK)
    return "ok"


@never_cache
@require_safe
def healthz(request):
    hasil, sehat = {}, True
    for nama, periksa in (("database", _database), ("antrean", _antrean)):
        try:
            hasil[nama] = periksa()
        except Exception as galat:  # any failure of a dependency is a 503, with its kind
            hasil[nama] = f"gagal: {galat.__class__.__name__}"
            sehat = False
    hasil["status"] = "ok" if sehat else "gagal"
    return JsonResponse(hasil, status=200 if sehat else 503)
