"""One vocabulary for access: every view fetches its PD through the user's scope.

Another PD's objects answer 404 (nothing leaks); a missing right inside your own PD
answers 403. Class-based views use `PDAccessMixin`; one-shot actions use `pd_access`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from renstra.models import PerangkatDaerah

from .models import Keanggotaan, Peran

PESAN_TIDAK_BERHAK = "Anda tidak memiliki hak untuk tindakan ini."

# Roles that may read everything of a PD (reports, measurements).
PEMBACA = tuple(Peran.values)
# Roles that maintain the plan.
PERENCANA = (Peran.PERENCANA, Peran.KEPALA)


class Akses:
    """The roles of one user in one PD (a superuser holds every role everywhere)."""

    def __init__(self, user, pd: PerangkatDaerah, keanggotaan: list[Keanggotaan]):
        self.user = user
        self.pd = pd
        self.keanggotaan = keanggotaan
        self.superuser = bool(user.is_superuser)
        self.peran = set(Peran.values) if self.superuser else {k.peran for k in keanggotaan}

    def punya(self, *peran: str) -> bool:
        return bool(self.peran.intersection(peran))

    def unit_ids(self, *peran: str) -> set[int] | None:
        """Units the user may act on with these roles; None means every unit of the PD."""
        if self.superuser:
            return None
        relevan = [k for k in self.keanggotaan if k.peran in peran]
        if any(k.unit_kerja_id is None for k in relevan):
            return None
        return {k.unit_kerja_id for k in relevan}

    def boleh_unit(self, unit_id: int | None, *peran: str) -> bool:
        if not self.punya(*peran):
            return False
        units = self.unit_ids(*peran)
        return units is None or unit_id in units

    def wajib(self, *peran: str) -> None:
        if not self.punya(*peran):
            raise PermissionDenied(PESAN_TIDAK_BERHAK)


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
