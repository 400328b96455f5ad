"""Organisation scoping: which PD a user may see. Everything else filters through here."""

from __future__ import annotations

from django.db.models import QuerySet


def pd_ids_for_user(user) -> QuerySet | list[int] | None:
    """Primary keys of the PD the user belongs to; None means every PD (a superuser).

    Callers filter their own model with it (`renstra.models.PerangkatDaerahQuerySet.for_user`):
    scoping works on ids and imports no domain model.
    """
    if not user or not user.is_authenticated:
        return []
    if user.is_superuser:
        return None
    return user.keanggotaan.values("perangkat_daerah_id")
