"""Checking evidence files (bukti dukung) before they are stored.

A file is accepted only when its name, size and *content* agree: PDF, JPG, PNG, XLSX and DOCX
up to settings.BUKTI_UKURAN_MAKS bytes. The type is sniffed from the magic bytes (`filetype`);
XLSX and DOCX are ZIP archives, so the archive must hold `[Content_Types].xml` and an `xl/`
(XLSX) or `word/` (DOCX) part. The stored name is generated (uuid), never the user's.
"""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePosixPath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError

from common.formatting import format_angka

PESAN_BERKAS_KOSONG = "Berkas kosong atau tidak terbaca."
PESAN_BERKAS_TERLALU_BESAR = "Ukuran berkas {ukuran} MB melebihi batas {batas} MB."
PESAN_NAMA_TIDAK_SAH = (
    "Nama berkas tidak sah: tidak boleh memuat folder, '..', garis miring atau karakter kendali."
)
PESAN_EKSTENSI_DITOLAK = "Jenis berkas tidak diizinkan. Unggah PDF, JPG, PNG, XLSX atau DOCX."
PESAN_ISI_TIDAK_SESUAI = (
    "Isi berkas tidak sesuai dengan jenisnya ({ekstensi}). Berkas yang diganti namanya ditolak."
)
PESAN_BUKTI_KOSONG = "Pilih berkas atau isi tautan bukti dukung."
PESAN_TAUTAN_TIDAK_SAH = "Tautan harus diawali http:// atau https://."

# extension → (MIME type stored and served, kinds `filetype` may report for it)
JENIS_DIIZINKAN: dict[str, tuple[str, frozenset[str]]] = {
    "pdf": ("application/pdf", frozenset({"pdf"})),
    "jpg": ("image/jpeg", frozenset({"jpg"})),
    "jpeg": ("image/jpeg", frozenset({"jpg"})),
    "png": ("image/png", frozenset({"png"})),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        frozenset({"zip", "xlsx"}),
    ),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        frozenset({"zip", "docx"}),
    ),
}
# Part of the archive that an Office Open XML file of each kind must hold.
_BAGIAN_OOXML = {"xlsx": "xl/", "docx": "word/"}


@dataclass(frozen=True)
class BerkasSah:
    """An accepted upload: the name to store it under and what to record about it."""

    nama_simpan: str
    nama_asli: str
    jenis_konten: str
    ukuran: int


def _mb_teks(ukuran: int) -> str:
    return format_angka(Decimal(ukuran) / Decimal(1024 * 1024), 1)


def periksa_nama(nama: str) -> str:
    """The file name if it is a plain name; raises ValidationError for paths and tricks."""
    if (
        not nama
        or "/" in nama
        or "\\" in nama
        or ".." in PurePosixPath(nama).parts
        or nama.startswith("..")
        or "\x00" in nama
        or any(ord(c) < 32 for c in nama)
        or nama in (".", "..")
    ):
        raise ValidationError(PESAN_NAMA_TIDAK_SAH, code="nama")
    return nama


def _ooxml_sah(berkas, ekstensi: str) -> bool:
    berkas.seek(0)
    try:
        with zipfile.ZipFile(berkas) as arsip:
            nama = arsip.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        berkas.seek(0)
    return "[Content_Types].xml" in nama and any(
        n.startswith(_BAGIAN_OOXML[ekstensi]) for n in nama
    )


def periksa_berkas(berkas) -> BerkasSah:
    """Validate an uploaded file (Django `UploadedFile`); raises ValidationError (Indonesian).

    Order: name, size, extension, content. The size limit is settings.BUKTI_UKURAN_MAKS.
    """
    nama = periksa_nama(getattr(berkas, "name", "") or "")
    ukuran = berkas.size or 0
    if ukuran <= 0:
        raise ValidationError(PESAN_BERKAS_KOSONG, code="kosong")
    batas = settings.BUKTI_UKURAN_MAKS
    if ukuran > batas:
        raise ValidationError(
            PESAN_BERKAS_TERLALU_BESAR.format(ukuran=_mb_teks(ukuran), batas=_mb_teks(batas)),
            code="terlalu_besar",
        )
    ekstensi = PurePosixPath(nama).suffix.lower().lstrip(".")
    if ekstensi not in JENIS_DIIZINKAN:
        raise ValidationError(PESAN_EKSTENSI_DITOLAK, code="ekstensi")
    mime, jenis_boleh = JENIS_DIIZINKAN[ekstensi]
    berkas.seek(0)
    kepala = berkas.read(8192)
    berkas.seek(0)
    terdeteksi = filetype.guess(kepala)
    sah = terdeteksi is not None and terdeteksi.extension in jenis_boleh
    if sah and ekstensi in _BAGIAN_OOXML:
        sah = _ooxml_sah(berkas, ekstensi)
    if not sah:
        raise ValidationError(PESAN_ISI_TIDAK_SESUAI.format(ekstensi=ekstensi.upper()), code="isi")
    simpan = "jpg" if ekstensi == "jpeg" else ekstensi
    return BerkasSah(
        nama_simpan=f"{uuid.uuid4().hex}.{simpan}",
        nama_asli=nama[:255],
        jenis_konten=mime,
        ukuran=ukuran,
    )


def periksa_tautan(tautan: str) -> str:
    tautan = (tautan or "").strip()
    if not tautan.lower().startswith(("http://", "https://")):
        raise ValidationError(PESAN_TAUTAN_TIDAK_SAH, code="tautan")
    return tautan
