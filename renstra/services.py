"""Writes of the plan: indicator attributes and targets. Keyword-only, validated, audited.

Target changes are logged against the indicator (aksi "target.*") so the indicator's history
page shows them next to attribute changes.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from common import audit
from common.formatting import teks_target
from common.permissions import PERENCANA, PESAN_TIDAK_BERHAK, akses_pengguna

from .models import Indikator, Target, TargetTriwulan

KOLOM_NILAI = ("nilai", "predikat", "batas_bawah", "batas_atas")


def _wajib_perencana(user, pd) -> None:
    if not akses_pengguna(user, pd).punya(*PERENCANA):
        raise PermissionDenied(PESAN_TIDAK_BERHAK)


def indikator_ubah(*, indikator: Indikator, data: dict[str, Any], user) -> Indikator:
    """Change an indicator's attributes (perencana or kepala)."""
    _wajib_perencana(user, indikator.perangkat_daerah)
    with transaction.atomic():
        asli = Indikator.objects.select_for_update().get(pk=indikator.pk)
        sebelum = audit.snapshot(asli, [_attname(k) for k in data])
        for kunci, nilai in data.items():
            setattr(asli, kunci, nilai)
        asli.full_clean()
        asli.save()
        audit.catat(
            pengguna=user,
            aksi="indikator.ubah",
            objek=asli,
            perangkat_daerah=asli.perangkat_daerah,
            perubahan=audit.selisih(sebelum, audit.snapshot(asli, [_attname(k) for k in data])),
        )
    return asli


def _attname(nama: str) -> str:
    return f"{nama}_id" if nama == "penanggung_jawab" else nama


def _simpan_nilai(*, model, kunci: dict, nilai: dict | None, label: str, indikator, user) -> bool:
    """Create, update or delete one target row; returns whether something changed."""
    baris = model.objects.filter(**kunci).first()
    lama = teks_target(baris) if baris else None
    if nilai is None:
        if baris is None:
            return False
        baris.delete()
        aksi, baru = "target.hapus", None
    else:
        baris = baris or model(**kunci)
        for k in KOLOM_NILAI:
            setattr(baris, k, nilai.get(k, "" if k == "predikat" else None))
        baru = teks_target(baris)
        if baru == lama:
            return False
        aksi = "target.ubah" if lama is not None else "target.buat"
        baris.full_clean()
        baris.save()
    audit.catat(
        pengguna=user,
        aksi=aksi,
        objek=indikator,
        perangkat_daerah=indikator.perangkat_daerah,
        perubahan={label: [lama, baru]},
    )
    return True


def target_simpan(
    *,
    indikator: Indikator,
    tahun: int,
    tahunan: dict[str, dict | None],
    triwulan: dict[int, dict | None],
    user,
) -> int:
    """Set the annual targets by jenis and the cumulative quarterly targets of one year.

    A None value removes the target. Returns the number of rows changed.
    """
    _wajib_perencana(user, indikator.perangkat_daerah)
    berubah = 0
    with transaction.atomic():
        for jenis, nilai in tahunan.items():
            berubah += _simpan_nilai(
                model=Target,
                kunci={"indikator": indikator, "tahun": tahun, "jenis": jenis},
                nilai=nilai,
                label=f"target {jenis} {tahun}",
                indikator=indikator,
                user=user,
            )
        for n, nilai in triwulan.items():
            berubah += _simpan_nilai(
                model=TargetTriwulan,
                kunci={"indikator": indikator, "tahun": tahun, "triwulan": n},
                nilai=nilai,
                label=f"target TW {n} {tahun}",
                indikator=indikator,
                user=user,
            )
    return berubah
