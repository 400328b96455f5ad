"""Rules of the Perjanjian Kinerja: which state allows a change, and who may sign or upload.

Only a draft is edited (`_pastikan_draf`); writes re-read the PK locked (`_segarkan`); every
signature re-asks the user's password (`_periksa_sandi`).

Sign-off rule (`boleh_menandatangani`). The application has no link from a user account to a
pejabat, so a user signs FOR a pejabat when they hold the role of that position in the
pejabat's PD:
- eselon II (the head of the PD): role "kepala" in the PD;
- eselon III, IV and JF: role "verifikator" with a membership for exactly the pejabat's unit;
- a superuser may sign for anyone.
A pihak kedua who is not a pejabat of the PD (the Bupati/Walikota/Gubernur) signs on paper:
nobody signs for them in the app; the head of the PD ("kepala") uploads the signed scan
(`boleh_unggah_pindaian`).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from common.models import Keanggotaan, Peran
from kinerja.models import PerjanjianKinerja, StatusPK
from renstra.models import Eselon, Pejabat

from .pesan import PESAN_KATA_SANDI_SALAH, PESAN_PK_MENUNGGU_PIHAK_KEDUA, PESAN_PK_TERKUNCI

# --- State guards ------------------------------------------------------------------------------


def _pastikan_draf(pk: PerjanjianKinerja) -> None:
    if pk.status == StatusPK.DITANDATANGANI:
        raise ValidationError(PESAN_PK_TERKUNCI)
    if pk.status != StatusPK.DRAFT:
        raise ValidationError(PESAN_PK_MENUNGGU_PIHAK_KEDUA)


def _segarkan(pk: PerjanjianKinerja) -> PerjanjianKinerja:
    """The PK as stored now (a caller may hold a stale copy), locked for the transaction."""
    return PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)


def _periksa_sandi(user, kata_sandi: str) -> None:
    if not kata_sandi or not user.check_password(kata_sandi):
        raise ValidationError(PESAN_KATA_SANDI_SALAH)


# --- Who may sign or upload --------------------------------------------------------------------


def _mewakili(user, pejabat: Pejabat) -> bool:
    peran = Keanggotaan.objects.filter(
        pengguna=user, perangkat_daerah_id=pejabat.perangkat_daerah_id
    )
    if pejabat.eselon == Eselon.II:
        return peran.filter(peran=Peran.KEPALA).exists()
    if pejabat.unit_kerja_id is None:
        return False
    return peran.filter(peran=Peran.VERIFIKATOR, unit_kerja_id=pejabat.unit_kerja_id).exists()


def boleh_menandatangani(user, pk: PerjanjianKinerja, pihak: str) -> bool:
    """May `user` sign `pk` as pihak "pertama" or "kedua"? (The rule is in the module doc.)"""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    pejabat = pk.pihak_pertama if pihak == "pertama" else pk.pihak_kedua
    return pejabat is not None and _mewakili(user, pejabat)


def boleh_unggah_pindaian(user, pk: PerjanjianKinerja) -> bool:
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or Keanggotaan.objects.filter(
            pengguna=user, perangkat_daerah_id=pk.perangkat_daerah_id, peran=Peran.KEPALA
        ).exists()
    )
