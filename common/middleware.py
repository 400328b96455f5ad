"""The Indonesian 404 page in development too.

With DEBUG on, Django answers a 404 with its English technical page ("Page not found"),
which is what a new user trying `make run` sees. This middleware swaps that page for
templates/404.html; the technical page stays reachable by turning DEBUG off and reading the
log. Production (DEBUG off) never needs it: Django renders 404.html itself.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render

PENANDA_TEKNIS = b"DEBUG = True"
"""Text of Django's technical 404 page (never in ours)."""


class Halaman404Indonesia:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and response.get("Content-Type", "").startswith("text/html")
            and not response.streaming
            and PENANDA_TEKNIS in response.content
        ):
            return render(request, "404.html", status=404)
        return response
