"""Checking evidence files (bukti dukung) before they are stored.

A file is accepted only when its name, size and *content* agree: PDF, JPG, PNG, XLSX and DOCX
up to settings.BUKTI_UKURAN_MAKS bytes. Evidence is opened by reviewers in other tools
(PDF readers, spreadsheet programs, browsers that sniff), so the structure is checked, not
only the magic bytes (`filetype`):
- no HTML or script tags in the first `KEPALA_HTML` bytes (a PDF/HTML polyglot), any type;
- a PDF must parse (pypdf) and have at least one page;
- a JPG/PNG must decode completely (Pillow), in the format its extension names, within
  `PIKSEL_MAKS` pixels; a PNG must end at its IEND chunk (nothing appended);
- an XLSX/DOCX must be a ZIP whose members expand to at most `ZIP_UKURAN_MAKS` bytes and
  `ZIP_RASIO_MAKS` times the upload (measured while decompressing, not taken from the
  headers), with safe member names, and be an Office Open XML package of its kind
  (`[Content_Types].xml` declaring the main part, `_rels/.rels`, an `xl/` or `word/` part).
The stored name is generated (uuid); the original name is kept for display only, sanitised
(`bersihkan_nama`: no markup, quotes or invisible characters).
"""

from __future__ import annotations

import io
import re
import unicodedata
import uuid
import warnings
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePosixPath

import filetype
import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image

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
PESAN_HTML_TERSISIP = (
    "Berkas memuat kode HTML atau skrip di bagian awalnya dan ditolak. Simpan ulang dokumen "
    "dari aplikasi aslinya lalu unggah lagi."
)
PESAN_PDF_RUSAK = (
    "Berkas PDF rusak atau tidak dapat dibuka. Simpan ulang sebagai PDF lalu unggah lagi."
)
PESAN_GAMBAR_RUSAK = (
    "Gambar {ekstensi} rusak atau tidak dapat dibuka. Simpan ulang gambar lalu unggah lagi."
)
PESAN_GAMBAR_TERLALU_BESAR = "Gambar terlalu besar: lebih dari {batas} juta piksel."
PESAN_DATA_SETELAH_GAMBAR = (
    "Berkas PNG memuat data tambahan setelah akhir gambar dan ditolak. Simpan ulang gambar "
    "lalu unggah lagi."
)
PESAN_ARSIP_TERLALU_BESAR = (
    "Isi berkas {ekstensi} terlalu besar setelah diekstrak (lebih dari {batas} MB atau "
    "{rasio} kali ukuran berkas) dan ditolak."
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
# Part of the archive that an Office Open XML file of each kind must hold, and the content
# type its [Content_Types].xml declares for the main part (macro-enabled kinds differ).
_BAGIAN_OOXML = {"xlsx": "xl/", "docx": "word/"}
_JENIS_UTAMA_OOXML = {
    "xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
}

KEPALA_HTML = 1024
"""How many leading bytes are searched for HTML (browsers sniff about that much)."""
_TAG_HTML = re.compile(
    rb"<\s*/?\s*(?:script|html|head|body|iframe|frame|svg|object|embed|meta|link|base|style"
    rb"|img|form|!doctype|\?xml-stylesheet)\b",
    re.IGNORECASE,
)
PIKSEL_MAKS = 60_000_000
"""Largest image accepted, in pixels (a 50-megapixel phone photo passes)."""
_FORMAT_GAMBAR = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG"}
ZIP_UKURAN_MAKS = 100 * 1024 * 1024
"""Largest total size of an XLSX/DOCX's members once decompressed, in bytes."""
ZIP_RASIO_MAKS = 100
"""Largest ratio of decompressed size to upload size (real workbooks stay far below)."""
ZIP_ANGGOTA_MAKS = 5000


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


def bersihkan_nama(nama: str, ekstensi: str) -> str:
    """The original name for display: markup, double quotes, backticks, control and invisible
    (bidi override) characters removed, spaces collapsed, at most 255 characters, still
    ending in `.ekstensi`."""
    nama = unicodedata.normalize("NFC", nama)
    nama = re.sub(r"<[^>]*>?", "", nama)
    nama = "".join(
        c for c in nama if c not in '<>"`' and unicodedata.category(c) not in ("Cc", "Cf")
    )
    nama = " ".join(nama.split())
    akhiran = f".{ekstensi}"
    inti = nama[: -len(akhiran)] if nama.lower().endswith(akhiran.lower()) else nama
    inti = inti.strip(" .")[: 255 - len(akhiran)] or "berkas"
    return f"{inti}{akhiran}"


def _galat(pesan: str, kode: str) -> ValidationError:
    return ValidationError(pesan, code=kode)


def _periksa_pdf(data: bytes) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf warns about recoverable oddities
            pembaca = pypdf.PdfReader(io.BytesIO(data), strict=False)
            ada_halaman = len(pembaca.pages) > 0
    except Exception as exc:  # pypdf raises many types for a broken file
        raise _galat(PESAN_PDF_RUSAK, "pdf") from exc
    if not ada_halaman:
        raise _galat(PESAN_PDF_RUSAK, "pdf")


def _png_berakhir_di_iend(data: bytes) -> bool:
    """Walk the PNG chunks: the file must end exactly after the IEND chunk."""
    pos = 8
    while pos + 12 <= len(data):
        panjang = int.from_bytes(data[pos : pos + 4], "big")
        jenis = data[pos + 4 : pos + 8]
        pos += 12 + panjang
        if jenis == b"IEND":
            return pos == len(data)
    return False


def _periksa_gambar(data: bytes, ekstensi: str) -> None:
    rusak = _galat(PESAN_GAMBAR_RUSAK.format(ekstensi=ekstensi.upper()), "gambar")
    besar = _galat(
        PESAN_GAMBAR_TERLALU_BESAR.format(batas=PIKSEL_MAKS // 1_000_000), "gambar_besar"
    )
    try:
        with warnings.catch_warnings():
            # Pillow's notes on odd but valid files are no reason to refuse; a bomb is.
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as gambar:
                if gambar.format != _FORMAT_GAMBAR[ekstensi]:
                    raise rusak
                lebar, tinggi = gambar.size
                if lebar * tinggi > PIKSEL_MAKS:
                    raise besar
                gambar.verify()
            with Image.open(io.BytesIO(data)) as gambar:
                gambar.load()  # verify() checks structure; load() decodes every pixel
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise besar from exc
    except Exception as exc:  # Pillow raises many types for a broken image
        raise rusak from exc
    if ekstensi == "png" and not _png_berakhir_di_iend(data):
        raise _galat(PESAN_DATA_SETELAH_GAMBAR, "png_ekor")


def _nama_anggota_aman(nama: str) -> bool:
    bagian = PurePosixPath(nama).parts
    return not (nama.startswith("/") or "\\" in nama or ".." in bagian or "\x00" in nama)


def _periksa_ooxml(data: bytes, ekstensi: str) -> None:
    """A real Office Open XML package of its kind that expands within the limits."""
    tidak_sesuai = _galat(PESAN_ISI_TIDAK_SESUAI.format(ekstensi=ekstensi.upper()), "isi")
    batas = min(ZIP_UKURAN_MAKS, ZIP_RASIO_MAKS * len(data))
    bom = _galat(
        PESAN_ARSIP_TERLALU_BESAR.format(
            ekstensi=ekstensi.upper(), batas=ZIP_UKURAN_MAKS // (1024 * 1024), rasio=ZIP_RASIO_MAKS
        ),
        "zip_bom",
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as arsip:
            anggota = arsip.infolist()
            if len(anggota) > ZIP_ANGGOTA_MAKS or sum(a.file_size for a in anggota) > batas:
                raise bom
            nama = {a.filename for a in anggota}
            if not all(_nama_anggota_aman(n) for n in nama):
                raise tidak_sesuai
            # The headers may lie: count what decompression really yields (CRCs checked too).
            sisa = batas
            for a in anggota:
                with arsip.open(a) as isi:
                    while potongan := isi.read(1 << 16):
                        sisa -= len(potongan)
                        if sisa < 0:
                            raise bom
            jenis = arsip.read("[Content_Types].xml") if "[Content_Types].xml" in nama else b""
    except ValidationError:
        raise
    except Exception as exc:  # BadZipFile, zlib.error, EOFError, … for a damaged archive
        raise tidak_sesuai from exc
    if (
        _JENIS_UTAMA_OOXML[ekstensi] not in jenis
        or b"<!DOCTYPE" in jenis.upper()
        or "_rels/.rels" not in nama
        or not any(n.startswith(_BAGIAN_OOXML[ekstensi]) for n in nama)
    ):
        raise tidak_sesuai


def periksa_berkas(berkas) -> BerkasSah:
    """Validate an uploaded file (Django `UploadedFile`); raises ValidationError (Indonesian).

    Order: name, size, extension, magic bytes, embedded HTML, structure of the type (see the
    module docstring). The size limit is settings.BUKTI_UKURAN_MAKS. The error's `code` says
    which check failed ("nama", "kosong", "terlalu_besar", "ekstensi", "isi", "html", "pdf",
    "gambar", "gambar_besar", "png_ekor", "zip_bom").
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
    data = berkas.read(batas + 1)
    berkas.seek(0)
    terdeteksi = filetype.guess(data[:8192])
    if terdeteksi is None or terdeteksi.extension not in jenis_boleh:
        raise ValidationError(PESAN_ISI_TIDAK_SESUAI.format(ekstensi=ekstensi.upper()), code="isi")
    if _TAG_HTML.search(data[:KEPALA_HTML]):
        raise _galat(PESAN_HTML_TERSISIP, "html")
    if ekstensi == "pdf":
        _periksa_pdf(data)
    elif ekstensi in _FORMAT_GAMBAR:
        _periksa_gambar(data, ekstensi)
    else:
        _periksa_ooxml(data, ekstensi)
    simpan = "jpg" if ekstensi == "jpeg" else ekstensi
    return BerkasSah(
        nama_simpan=f"{uuid.uuid4().hex}.{simpan}",
        nama_asli=bersihkan_nama(nama, PurePosixPath(nama).suffix.lstrip(".")),
        jenis_konten=mime,
        ukuran=ukuran,
    )


def periksa_tautan(tautan: str) -> str:
    tautan = (tautan or "").strip()
    if not tautan.lower().startswith(("http://", "https://")):
        raise ValidationError(PESAN_TAUTAN_TIDAK_SAH, code="tautan")
    return tautan
