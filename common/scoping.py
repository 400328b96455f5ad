"""Organisation scoping: which PD a user may see. Everything else filters through here."""

from django.db.models import QuerySet


def pd_ids_for_user(user) -> QuerySet | list[int]:
    """Primary keys of the PD the user belongs to (all PD for a superuser)."""
    from renstra.models import PerangkatDaerah

    if not user or not user.is_authenticated:
        return []
    if user.is_superuser:
        return PerangkatDaerah.objects.values("pk")
    return user.keanggotaan.values("perangkat_daerah_id")
