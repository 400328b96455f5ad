"""ReDoc under the app's Content-Security-Policy, from the vendored bundle (no CDN).

drf-spectacular's own ReDoc page loads Google web fonts and, once rendered, the bundle shows
the Redocly logo from cdn.redoc.ly; its search runs in a worker started from a `blob:` URL.
The policy refuses all three (style-src, img-src, worker-src are 'self'). So:
- our template (templates/api/redoc.html) loads no web font and starts ReDoc through its
  `<redoc>` element (no inline script) with the search switched off (`disable-search`: no
  worker);
- the bundle of drf-spectacular-sidecar is served by `redoc_js` with the logo's CDN address
  replaced by an empty inline SVG (`data:` images are allowed). Neither library offers an
  option to hide that logo, hence this one replacement, written by hand; everything else is
  the vendored file as shipped.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import drf_spectacular_sidecar
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from drf_spectacular.views import SpectacularRedocView

BUNDEL = (
    Path(drf_spectacular_sidecar.__file__).parent
    / "static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
)
LOGO_CDN = "https://cdn.redoc.ly/redoc/logo-mini.svg"
LOGO_KOSONG = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"
CACHE_DETIK = 86400


@lru_cache(maxsize=1)
def isi_bundel() -> bytes:
    """The vendored ReDoc bundle with the CDN logo replaced (read once per process)."""
    return BUNDEL.read_bytes().replace(LOGO_CDN.encode(), LOGO_KOSONG.encode())


@require_safe
def redoc_js(request):
    respon = HttpResponse(isi_bundel(), content_type="text/javascript; charset=utf-8")
    respon["Cache-Control"] = f"public, max-age={CACHE_DETIK}"
    return respon


class RedocView(SpectacularRedocView):
    """drf-spectacular's ReDoc view with the template and bundle above."""

    template_name = "api/redoc.html"

    @staticmethod
    def _redoc_standalone():
        return reverse("api:redoc_js")
