"""The gate of every PD-scoped page: the PD named in the URL, fetched through the user's scope.

Another PD answers 404 (nothing leaks); a missing right inside your own PD answers 403.
Class-based views use `PDAccessMixin`; one-shot actions use `pd_access`. The roles themselves
are `common.permissions.Akses`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404

from common.models import Keanggotaan
from common.permissions import PEMBACA, Akses

from .models import PerangkatDaerah


def akses_pd(user, slug: str) -> Akses:
    """The user's access to the PD `slug`; 404 when the PD is outside their scope."""
    if not user.is_authenticated:
        raise Http404
    pd = get_object_or_404(PerangkatDaerah.objects.select_related("pemda"), slug=slug)
    keanggotaan = (
        []
        if user.is_superuser
        else list(Keanggotaan.objects.filter(pengguna=user, perangkat_daerah=pd))
    )
    if not user.is_superuser and not keanggotaan:
        raise Http404
    return Akses(user, pd, keanggotaan)


class PDAccessMixin(LoginRequiredMixin):
    """Resolves `self.akses` / `self.pd` from the URL's `pd` slug and checks the roles."""

    peran_diizinkan: Iterable[str] = PEMBACA

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.akses = akses_pd(request.user, kwargs["pd"])
        self.pd = self.akses.pd
        self.akses.wajib(*self.peran_diizinkan)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(pd=self.pd, akses=self.akses)
        return context


def pd_access(*peran: str) -> Callable:
    """Decorator for function views taking `pd` (slug): passes `akses` as first argument."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, pd, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            akses = akses_pd(request.user, pd)
            akses.wajib(*(peran or PEMBACA))
            return view(request, akses, *args, **kwargs)

        return wrapper

    return decorator
