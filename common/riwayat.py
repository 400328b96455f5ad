"""The change history (Riwayat) as a civil servant reads it.

Audit entries store namespaced action codes ("realisasi.verifikasi"), field names
("faktor_pendorong") and JSON-safe values ("61.7250", "2026-12-03T07:05:00+00:00", a foreign
key's id). `entri_riwayat` turns them into Indonesian sentences ("Diverifikasi oleh Budi"),
the fields' verbose names ("Faktor pendorong") and values in Indonesian notation ("61,725",
"3 Desember 2026 14.05 WIB", the related object's name).

It knows no domain model: the caller passes the model class whose fields the entries
describe. Foreign keys are resolved with one query per related model, whatever the number of
entries, so a history page keeps a constant number of queries.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone

from . import formatting
from .models import AuditLog

OLEH_SISTEM = "sistem"
KALIMAT_LAIN = "Dicatat"
"""Said for an action code this module does not know (never the raw code)."""

# Whole action codes first, then the last part of the code ("….ubah").
KALIMAT_AKSI = {
    "realisasi.buat": "Realisasi diisi",
    "realisasi.ubah": "Realisasi diubah",
    "realisasi_anggaran.buat": "Realisasi anggaran diisi",
    "realisasi_anggaran.ubah": "Realisasi anggaran diubah",
    "bukti.tambah": "Bukti dukung dilampirkan",
    "bukti.hapus": "Bukti dukung dihapus",
    "target.buat": "Target diisi",
    "target.ubah": "Target diubah",
    "target.hapus": "Target dihapus",
    "indikator.ubah": "Indikator diubah",
    "dataset.buat": "Dibuat dari berkas dataset",
    "dataset.ubah": "Diubah dari berkas dataset",
    "dataset.hapus": "Dihapus oleh berkas dataset",
    "dataset.muat": "Berkas dataset dimuat",
}
KALIMAT_KATA_KERJA = {
    "buat": "Dibuat",
    "ubah": "Diubah",
    "hapus": "Dihapus",
    "tambah": "Ditambahkan",
    "ajukan": "Diajukan untuk diverifikasi",
    "verifikasi": "Diverifikasi",
    "setujui": "Disetujui",
    "kembalikan": "Dikembalikan",
    "tolak": "Ditolak",
    "minta": "Diminta",
    "simpan": "Disimpan",
}
AWALAN_ADMIN = "admin."
KALIMAT_ADMIN = {"buat": "Dibuat", "ubah": "Diubah", "hapus": "Dihapus"}
AKHIRAN_ADMIN = " melalui halaman admin"

KOLOM_TERSEMBUNYI = frozenset({"id", "versi", "dibuat", "diubah"})
"""Bookkeeping columns (the edit counter, timestamps) that mean nothing to a reader."""

YA, TIDAK = "Ya", "Tidak"


@dataclass(frozen=True)
class Perubahan:
    label: str
    lama: str
    baru: str


@dataclass(frozen=True)
class Entri:
    waktu: str
    pengguna: str
    kalimat: str
    perubahan: tuple[Perubahan, ...]
    keterangan: str
    objek: str


def kalimat_aksi(aksi: str) -> str:
    """The action as an Indonesian participle phrase: "realisasi.verifikasi" → "Diverifikasi"."""
    if aksi in KALIMAT_AKSI:
        return KALIMAT_AKSI[aksi]
    kata_kerja = aksi.rsplit(".", 1)[-1]
    if aksi.startswith(AWALAN_ADMIN):
        return KALIMAT_ADMIN.get(kata_kerja, KALIMAT_LAIN) + AKHIRAN_ADMIN
    return KALIMAT_KATA_KERJA.get(kata_kerja, KALIMAT_LAIN)


def nama_pengguna(user) -> str:
    if user is None:
        return OLEH_SISTEM
    return user.get_full_name() or user.username


def _huruf_besar_awal(teks: str) -> str:
    return teks[:1].upper() + teks[1:]


def _field(model: type[models.Model] | None, kunci: str) -> models.Field | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(kunci)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def label_kolom(
    model: type[models.Model] | None, kunci: str, istilah: Mapping[str, str] | None = None
) -> str:
    """The field's verbose name ("Faktor pendorong"); a key that is no field of `model`
    (e.g. "target pk_murni 2026") is shown word by word, each word through `istilah`
    ({"pk_murni": "PK murni"}) and underscores as spaces: "Target PK murni 2026"."""
    field = _field(model, kunci)
    if field is not None:
        return _huruf_besar_awal(str(field.verbose_name))
    istilah = istilah or {}
    kata = [istilah.get(k, k.replace("_", " ")) for k in kunci.split(" ")]
    return _huruf_besar_awal(" ".join(kata))


def _waktu(teks: str, hanya_tanggal: bool) -> str:
    try:
        nilai = datetime.datetime.fromisoformat(teks)
    except ValueError:
        return teks
    if hanya_tanggal:
        return formatting.format_tanggal(nilai)
    if timezone.is_aware(nilai):
        nilai = timezone.localtime(nilai)
    return formatting.format_waktu(nilai)


def _angka(nilai) -> str | None:
    if isinstance(nilai, bool):
        return None
    if isinstance(nilai, int):
        return formatting.format_masukan(nilai)
    if isinstance(nilai, str):
        try:
            angka = Decimal(nilai)
        except InvalidOperation:
            return None
        return formatting.format_masukan(angka) if angka.is_finite() else None
    return None


def _adalah_tahun(field: models.Field) -> bool:
    """A year column (`tahun`, `tahun_awal`, `tahun_dinilai`, …)."""
    return field.name == "tahun" or field.name.startswith("tahun_")


def teks_nilai(field: models.Field | None, nilai, nama_objek: dict) -> str:
    """One stored value as a reader expects it (see the module docstring)."""
    if nilai is None or nilai == "":
        return formatting.TANDA_KOSONG
    if isinstance(nilai, list):
        return ", ".join(teks_nilai(field, v, nama_objek) for v in nilai)
    if field is None:
        return str(nilai)
    if field.is_relation and field.many_to_one:
        return nama_objek.get((field.related_model, str(nilai)), str(nilai))
    if field.choices:
        return str(dict(field.flatchoices).get(nilai, nilai))
    if isinstance(field, models.BooleanField):
        return YA if nilai in (True, "True", "true", 1) else TIDAK
    if isinstance(field, models.DateTimeField):
        return _waktu(str(nilai), hanya_tanggal=False)
    if isinstance(field, models.DateField):
        return _waktu(str(nilai), hanya_tanggal=True)
    if isinstance(field, models.IntegerField) and _adalah_tahun(field):
        return str(nilai)  # a year is a label, not a quantity: "2023", never "2.023"
    if isinstance(field, models.DecimalField | models.IntegerField | models.FloatField):
        return _angka(nilai) or str(nilai)
    if isinstance(field, models.FileField):
        return str(nilai).rsplit("/", 1)[-1]
    return str(nilai)


def _nama_objek(model, log: list[AuditLog]) -> dict:
    """{(related model, id): name} for every foreign key the entries mention; one query per
    related model."""
    ids: dict[type[models.Model], set[str]] = {}
    for e in log:
        for kunci, pasangan in (e.perubahan or {}).items():
            field = _field(model, kunci)
            if field is None or not (field.is_relation and field.many_to_one):
                continue
            for nilai in pasangan if isinstance(pasangan, list) else [pasangan]:
                if nilai not in (None, ""):
                    ids.setdefault(field.related_model, set()).add(str(nilai))
    hasil = {}
    for terkait, kumpulan in ids.items():
        for obj in terkait._default_manager.filter(pk__in=kumpulan):
            hasil[(terkait, str(obj.pk))] = str(obj)
    return hasil


def _urutan_kolom(model: type[models.Model] | None) -> dict[str, int]:
    """{field name or attname: position} of the model's concrete fields."""
    if model is None:
        return {}
    urutan: dict[str, int] = {}
    for i, f in enumerate(model._meta.concrete_fields):
        urutan.setdefault(f.name, i)
        urutan.setdefault(f.attname, i)
    return urutan


def entri_riwayat(
    log: Iterable[AuditLog],
    model: type[models.Model] | None,
    *,
    istilah: Mapping[str, str] | None = None,
) -> list[Entri]:
    """The entries of a history page, newest first as given, in plain Indonesian.

    `log` should come with `select_related("pengguna")`; `model` is the class the entries
    are about (its verbose names label the changes); `istilah` names the words of keys that
    are no field (see `label_kolom`).
    """
    log = list(log)
    nama_objek = _nama_objek(model, log)
    urutan = _urutan_kolom(model)
    hasil = []
    for e in log:
        perubahan = []
        # In the model's field order (as the form shows them), whatever order the database
        # returns a JSON object's keys in (PostgreSQL's jsonb sorts them by length).
        data = e.perubahan or {}
        for kunci in sorted(data, key=lambda k: (urutan.get(k, len(urutan)), k)):
            pasangan = data[kunci]
            if kunci in KOLOM_TERSEMBUNYI:
                continue
            field = _field(model, kunci)
            lama, baru = (
                pasangan if isinstance(pasangan, list) and len(pasangan) == 2 else ("", pasangan)
            )
            perubahan.append(
                Perubahan(
                    label=label_kolom(model, kunci, istilah),
                    lama=teks_nilai(field, lama, nama_objek),
                    baru=teks_nilai(field, baru, nama_objek),
                )
            )
        pengguna = nama_pengguna(e.pengguna)
        hasil.append(
            Entri(
                waktu=formatting.format_waktu(timezone.localtime(e.waktu)),
                pengguna=pengguna,
                kalimat=f"{kalimat_aksi(e.aksi)} oleh {pengguna}",
                perubahan=tuple(perubahan),
                keterangan=e.keterangan,
                objek=e.objek,
            )
        )
    return hasil
