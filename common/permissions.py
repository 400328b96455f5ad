"""One vocabulary for access: the roles of a user in a PD (`Akses`).

Another PD's objects answer 404 (nothing leaks); a missing right inside your own PD
answers 403. The gate that resolves a PD from the URL (`PDAccessMixin`, `pd_access`) lives with
the organisation model in `renstra.akses`; this module knows no domain model.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from .models import Keanggotaan, Peran

PESAN_TIDAK_BERHAK = "Anda tidak memiliki hak untuk tindakan ini."

# Roles that may read everything of a PD (reports, measurements).
PEMBACA = tuple(Peran.values)
# Roles that maintain the plan.
PERENCANA = (Peran.PERENCANA, Peran.KEPALA)


class Akses:
    """The roles of one user in one PD (a superuser holds every role everywhere)."""

    def __init__(self, user, pd, keanggotaan: list[Keanggotaan]):
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


def akses_pengguna(user, pd) -> Akses:
    """The user's roles in `pd`; PermissionDenied when they have none (views answer 404
    before this is reached, services still refuse)."""
    if not user.is_authenticated:
        raise PermissionDenied(PESAN_TIDAK_BERHAK)
    keanggotaan = (
        []
        if user.is_superuser
        else list(Keanggotaan.objects.filter(pengguna=user, perangkat_daerah=pd))
    )
    if not user.is_superuser and not keanggotaan:
        raise PermissionDenied(PESAN_TIDAK_BERHAK)
    return Akses(user, pd, keanggotaan)
