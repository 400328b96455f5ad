"""Perjanjian Kinerja signed outside the application (DOMAIN.md §7.3, issue #10 point 5).

A report prints its PKs as signed documents: place, date and both signatories. Such a PK is
loaded as signed outside the application: its content is frozen in the canonical form
(`kinerja.pk.teks_kanonik`) and fingerprinted exactly like a PK signed in the app, so its
printed document carries the verification footer and `/pk/verifikasi/<sidik>/` answers
"asli". The signing timestamps stay empty (the report gives only the document's date, which
is the PK's `tanggal`); the audit entry records the way it was signed (`CARA_DI_LUAR`).

Part of the writer (`tulis_kinerja._PemuatKinerja.muat_perjanjian` calls `tandai_di_luar`
once the PK and its rows are written). A PK without a printed place, date or signatory stays
a draft, as before.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import models

from common.audit import nilai_json
from kinerja.models import PerjanjianKinerja, StatusPK
from kinerja.pk import teks_kanonik

from .dokumen import _dict
from .sinkron import LABEL, _sama

AKSI_DITANDATANGANI = "pk.ditandatangani_di_luar"
"""Beside the in-app signature's "pk.ditandatangani" (kinerja/pk/tandatangan.py): the same
entry (status, fingerprint, hashed text as keterangan), told apart by its action code."""
CARA_DI_LUAR = "di_luar_aplikasi"

PESAN_CATATAN_PK_KEMBAR = (
    "Perjanjian Kinerja {pk} berisi sama persis dengan PK lain yang sudah bertanda tangan "
    "(sidik jari sama); PK ini dimuat sebagai draf."
)
PESAN_CATATAN_PK_DI_LUAR_BERBEDA = (
    "Perjanjian Kinerja {pk} tercatat bertanda tangan di luar aplikasi; isi berkas yang berbeda "
    "tidak diterapkan (buat PK Perubahan bila isinya memang berubah)."
)


def tercetak_bertanda_tangan(pk: dict) -> bool:
    """Whether the file's PK prints place, date and both signatories by name."""
    kedua = _dict(pk.get("pihak_kedua"))
    return bool(
        isinstance(pk.get("tempat"), str)
        and pk["tempat"].strip()
        and pk.get("tanggal")
        and pk.get("pihak_pertama")
        and isinstance(kedua.get("nama"), str)
        and kedua["nama"].strip()
    )


def ditandatangani_di_luar(obj: PerjanjianKinerja) -> bool:
    """A signed PK that nobody signed in the application (loaded from a report)."""
    return (
        obj.status == StatusPK.DITANDATANGANI
        and obj.ditandatangani_pihak_kedua_pada is None
        and obj.ditandatangani_pihak_pertama_pada is None
        and not obj.pindaian_bertanda_tangan
    )


def kepala_sama(obj: models.Model, nilai: dict[str, Any]) -> bool:
    """Whether the stored header fields of `obj` equal the file's (FKs compared by pk)."""
    for nama, v in nilai.items():
        f = obj._meta.get_field(nama)
        if f.many_to_one:
            if getattr(obj, f.attname) != (v.pk if v is not None else None):
                return False
        elif not _sama(getattr(obj, nama), v):
            return False
    return True


def tandai_di_luar(
    pemuat, perjanjian: dict[Any, PerjanjianKinerja], isi_pk: dict[Any, dict]
) -> None:
    """Freeze and fingerprint every draft of `perjanjian` its file entry prints as signed.

    `pemuat` is the running writer (`_Penyinkron`): its audit queue and counts are used.
    Two PKs with identical content would share a fingerprint (unique): the second stays a
    draft, with a note. Queries: 3 per PK marked (rows, budget rows, update) plus one.
    """
    calon = [
        (kunci, obj)
        for kunci, obj in perjanjian.items()
        if obj.status == StatusPK.DRAFT and tercetak_bertanda_tangan(isi_pk[kunci])
    ]
    if not calon:
        return
    dibuat_sekarang = {id(e["objek"]) for e in pemuat.audit if e["aksi"].endswith(".buat")}
    hasil: list[tuple[PerjanjianKinerja, str, str]] = []
    for _kunci, obj in calon:
        obj.perangkat_daerah = pemuat.pd
        kanonik = teks_kanonik(obj)
        hasil.append((obj, kanonik, hashlib.sha256(kanonik.encode("utf-8")).hexdigest()))
    terpakai = set(
        PerjanjianKinerja.objects.filter(sidik_jari__in=[s for _o, _k, s in hasil]).values_list(
            "sidik_jari", flat=True
        )
    )
    label = LABEL[PerjanjianKinerja]
    for obj, kanonik, sidik in hasil:
        if sidik in terpakai:
            pemuat.hasil.catatan.append(PESAN_CATATAN_PK_KEMBAR.format(pk=obj))
            continue
        terpakai.add(sidik)
        obj.isi_kanonik, obj.sidik_jari, obj.status = kanonik, sidik, StatusPK.DITANDATANGANI
        obj.save(update_fields=["isi_kanonik", "sidik_jari", "status"])
        if id(obj) not in dibuat_sekarang:
            # An existing draft now signed: an update, no longer "unchanged".
            pemuat.hasil.diperbarui[label] += 1
            if pemuat.hasil.tidak_berubah[label]:
                pemuat.hasil.tidak_berubah[label] -= 1
        pemuat.audit.append(
            {
                "aksi": AKSI_DITANDATANGANI,
                "objek": obj,
                "perubahan": {
                    "status": [StatusPK.DRAFT.value, obj.status],
                    "sidik_jari": ["", sidik],
                    "cara": [None, CARA_DI_LUAR],
                    "tanggal": [None, nilai_json(obj.tanggal)],
                },
                # The exact text that was hashed, as for a PK signed in the app.
                "keterangan": kanonik,
            }
        )
