"""The audit log writer. Every service that writes calls one of these inside its transaction.

`perubahan` maps a field name to `[old, new]`, values made JSON-safe (Decimal and dates as
strings) so the log reads the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditLog


def nilai_json(nilai: Any) -> Any:
    if nilai is None or isinstance(nilai, bool | int | str):
        return nilai
    if isinstance(nilai, Decimal):
        return format(nilai.normalize(), "f") if nilai == nilai.to_integral() else str(nilai)
    if isinstance(nilai, datetime.date | datetime.datetime):
        return nilai.isoformat()
    if isinstance(nilai, models.Model):
        return str(nilai.pk)
    if isinstance(nilai, models.fields.files.FieldFile):
        return nilai.name or ""
    if isinstance(nilai, list | tuple):
        return [nilai_json(v) for v in nilai]
    if isinstance(nilai, dict):
        return {str(k): nilai_json(v) for k, v in nilai.items()}
    return str(nilai)


def selisih(lama: Mapping[str, Any], baru: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Fields whose value differs, as {field: [old, new]} (JSON-safe)."""
    hasil = {}
    for kunci in sorted(set(lama) | set(baru)):
        a, b = nilai_json(lama.get(kunci)), nilai_json(baru.get(kunci))
        if a != b:
            hasil[kunci] = [a, b]
    return hasil


def snapshot(obj: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The concrete field values of `obj` (foreign keys by id), JSON-safe."""
    nama = fields or [f.attname for f in obj._meta.concrete_fields]
    return {n: nilai_json(getattr(obj, n)) for n in nama}


def _entri(*, pengguna, aksi, objek, perangkat_daerah, perubahan, keterangan) -> AuditLog:
    pengguna = pengguna if pengguna is not None and pengguna.is_authenticated else None
    return AuditLog(
        pengguna=pengguna,
        aksi=aksi,
        perangkat_daerah=perangkat_daerah,
        content_type=ContentType.objects.get_for_model(objek) if objek is not None else None,
        object_id=str(objek.pk) if objek is not None and objek.pk is not None else "",
        objek=str(objek)[:300] if objek is not None else "",
        perubahan=perubahan or {},
        keterangan=keterangan,
    )


def catat(
    *,
    pengguna,
    aksi: str,
    objek: models.Model | None = None,
    perangkat_daerah=None,
    perubahan: dict | None = None,
    keterangan: str = "",
) -> AuditLog:
    """Write one audit entry. `aksi` is namespaced: "realisasi.ubah", "pk.tandatangan"."""
    entri = _entri(
        pengguna=pengguna,
        aksi=aksi,
        objek=objek,
        perangkat_daerah=perangkat_daerah,
        perubahan=perubahan,
        keterangan=keterangan,
    )
    entri.save()
    return entri


def catat_banyak(entri: Iterable[dict]) -> int:
    """Write many audit entries at once (bulk loads); each dict takes `catat`'s arguments."""
    objek = [
        _entri(
            pengguna=e.get("pengguna"),
            aksi=e["aksi"],
            objek=e.get("objek"),
            perangkat_daerah=e.get("perangkat_daerah"),
            perubahan=e.get("perubahan"),
            keterangan=e.get("keterangan", ""),
        )
        for e in entri
    ]
    AuditLog.objects.bulk_create(objek, batch_size=500)
    return len(objek)
