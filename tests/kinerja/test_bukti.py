"""Evidence uploads: type checked from content, size limit, names, storage, scoped download,
logged deletion."""

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common.models import AuditLog
from kinerja import bukti as cek
from kinerja import services
from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db


def pdf_asli() -> bytes:
    """A real one-page PDF (pypdf)."""
    import pypdf

    penulis = pypdf.PdfWriter()
    penulis.add_blank_page(width=200, height=200)
    isi = io.BytesIO()
    penulis.write(isi)
    return isi.getvalue()


def gambar(format_: str) -> bytes:
    from PIL import Image

    isi = io.BytesIO()
    Image.new("RGB", (8, 6), "white").save(isi, format=format_)
    return isi.getvalue()


PDF = pdf_asli()
PNG = gambar("PNG")
JPG = gambar("JPEG")
JENIS_KONTEN = {
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
}


def ooxml(bagian: str, jenis: str | None = None) -> bytes:
    """A minimal Office Open XML package whose main part is `bagian`document.xml, declared
    with the content type of `jenis` (default: the kind of `bagian`)."""
    utama = f"{bagian}document.xml"
    isi = io.BytesIO()
    with zipfile.ZipFile(isi, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/>'
            f'<Override PartName="/{utama}" ContentType="{JENIS_KONTEN[jenis or bagian]}"/>'
            "</Types>",
        )
        z.writestr("_rels/.rels", "<Relationships/>")
        z.writestr(utama, "<x/>")
    return isi.getvalue()


def xlsx_asli() -> bytes:
    from openpyxl import Workbook

    buku = Workbook()
    buku.active["A1"] = "Daftar hadir"
    isi = io.BytesIO()
    buku.save(isi)
    return isi.getvalue()


def zip_biasa() -> bytes:
    isi = io.BytesIO()
    with zipfile.ZipFile(isi, "w") as z:
        z.writestr("catatan.txt", "bukan dokumen office")
    return isi.getvalue()


def unggah(nama, isi, content_type="application/octet-stream"):
    return SimpleUploadedFile(nama, isi, content_type=content_type)


class BerkasMentah(io.BytesIO):
    """A file object whose name is taken as given (no sanitising), like a hand-built upload."""

    def __init__(self, nama: str, isi: bytes):
        super().__init__(isi)
        self.name = nama
        self.size = len(isi)


@pytest.mark.parametrize(
    ("nama", "isi", "mime"),
    [
        ("laporan.pdf", PDF, "application/pdf"),
        ("foto.JPG", JPG, "image/jpeg"),
        ("foto.jpeg", JPG, "image/jpeg"),
        ("grafik.png", PNG, "image/png"),
        (
            "rekap.xlsx",
            ooxml("xl/"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "surat.docx",
            ooxml("word/"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "rekap-openpyxl.xlsx",
            xlsx_asli(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ],
)
def test_accepted_types(nama, isi, mime):
    sah = cek.periksa_berkas(unggah(nama, isi))
    assert sah.jenis_konten == mime
    assert sah.nama_asli == nama
    assert sah.nama_simpan != nama and len(sah.nama_simpan.split(".")[0]) == 32


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        # A renamed file: the content decides, not the extension.
        (
            "laporan.pdf",
            b"MZ\x90\x00" + b"\x00" * 60,
            cek.PESAN_ISI_TIDAK_SESUAI.format(ekstensi="PDF"),
        ),
        ("laporan.pdf", PNG, cek.PESAN_ISI_TIDAK_SESUAI.format(ekstensi="PDF")),
        (
            "skrip.pdf",
            b"<script>alert(1)</script>",
            cek.PESAN_ISI_TIDAK_SESUAI.format(ekstensi="PDF"),
        ),
        ("foto.png", JPG, cek.PESAN_ISI_TIDAK_SESUAI.format(ekstensi="PNG")),
        # XLSX/DOCX: a ZIP without the Office parts, or the other Office kind.
        ("rekap.xlsx", zip_biasa(), cek.PESAN_ISI_TIDAK_SESUAI.format(ekstensi="XLSX")),
        ("rekap.xlsx", ooxml("word/"), cek.PESAN_ISI_TIDAK_SESUAI.format(ekstensi="XLSX")),
        ("surat.docx", PDF, cek.PESAN_ISI_TIDAK_SESUAI.format(ekstensi="DOCX")),
        # Extensions that are not allowed at all, even with allowed content.
        ("program.exe", PDF, cek.PESAN_EKSTENSI_DITOLAK),
        ("halaman.html", b"<html></html>", cek.PESAN_EKSTENSI_DITOLAK),
        ("tanpa-ekstensi", PDF, cek.PESAN_EKSTENSI_DITOLAK),
        # Names with folders (a raw file object: Django's UploadedFile would strip them).
        ("../laporan.pdf", PDF, cek.PESAN_NAMA_TIDAK_SAH),
        ("../../etc/passwd.pdf", PDF, cek.PESAN_NAMA_TIDAK_SAH),
        ("..\\laporan.pdf", PDF, cek.PESAN_NAMA_TIDAK_SAH),
        ("a/b.pdf", PDF, cek.PESAN_NAMA_TIDAK_SAH),
        ("..", PDF, cek.PESAN_NAMA_TIDAK_SAH),
        ("nama\x00.pdf", PDF, cek.PESAN_NAMA_TIDAK_SAH),
        # Empty.
        ("kosong.pdf", b"", cek.PESAN_BERKAS_KOSONG),
    ],
)
def test_rejected_uploads(nama, isi, pesan):
    with pytest.raises(ValidationError) as exc:
        cek.periksa_berkas(BerkasMentah(nama, isi))
    assert exc.value.messages == [pesan]


def test_eleven_megabytes_rejected():
    besar = PDF + b"0" * (11 * 1024 * 1024 - len(PDF))
    with pytest.raises(ValidationError) as exc:
        cek.periksa_berkas(unggah("besar.pdf", besar))
    assert exc.value.messages == [
        cek.PESAN_BERKAS_TERLALU_BESAR.format(ukuran="11,0", batas="10,0")
    ]


def test_exactly_the_limit_is_accepted(settings):
    settings.BUKTI_UKURAN_MAKS = len(PDF)
    assert cek.periksa_berkas(unggah("pas.pdf", PDF)).ukuran == len(PDF)
    settings.BUKTI_UKURAN_MAKS = len(PDF) - 1
    with pytest.raises(ValidationError):
        cek.periksa_berkas(unggah("pas.pdf", PDF))


@pytest.fixture
def realisasi(indikator_a, operator, jendela_terbuka):
    return services.realisasi_simpan(
        indikator=indikator_a,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(80), "penyebut": Decimal(100)},
        versi=0,
        user=operator,
    )


def test_stored_under_uuid_in_media_root_and_served_through_scope(
    client, paser, realisasi, operator, luar, inspektorat
):
    b = services.bukti_tambah(
        realisasi=realisasi, user=operator, berkas=unggah("Daftar Hadir.pdf", PDF)
    )
    path = Path(b.berkas.path)
    assert path.is_file() and path.read_bytes() == PDF
    assert Path(settings.MEDIA_ROOT) in path.parents
    assert "Daftar Hadir" not in b.berkas.name and b.berkas.name.endswith(".pdf")
    assert b.nama_asli == "Daftar Hadir.pdf" and b.ukuran == len(PDF)
    # MEDIA_URL is never routed.
    client.force_login(operator)
    assert client.get(f"{settings.MEDIA_URL}{b.berkas.name}").status_code == 404
    url = reverse("kinerja:bukti_unduh", kwargs={"pd": paser.slug, "pk": b.pk})
    respon = client.get(url)
    assert respon.status_code == 200
    # Consuming the stream closes it, as the test client does (an explicit close() would
    # fire request_finished and close the test's database connection).
    assert b"".join(respon.streaming_content) == PDF
    assert respon["Content-Type"] == "application/pdf"
    assert respon["X-Content-Type-Options"] == "nosniff"
    client.force_login(inspektorat)
    respon = client.get(url)
    assert respon.status_code == 200
    assert b"".join(respon.streaming_content) == PDF
    client.force_login(luar)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_view_rejects_renamed_file_with_message(client, paser, realisasi, operator):
    client.force_login(operator)
    respon = client.post(
        reverse("kinerja:bukti_unggah", kwargs={"pd": paser.slug, "pk": realisasi.pk}),
        {"berkas": unggah("laporan.pdf", b"MZ\x90\x00not a pdf")},
        follow=True,
    )
    assert cek.PESAN_ISI_TIDAK_SESUAI.format(ekstensi="PDF") in respon.content.decode()
    assert realisasi.bukti.count() == 0


def test_view_strips_folders_from_uploaded_name(client, paser, realisasi, operator):
    """Django keeps only the base name of a multipart file name; it is stored under a uuid."""
    client.force_login(operator)
    berkas = unggah("../../rahasia.pdf", PDF)
    client.post(
        reverse("kinerja:bukti_unggah", kwargs={"pd": paser.slug, "pk": realisasi.pk}),
        {"berkas": berkas},
    )
    b = realisasi.bukti.get()
    assert ".." not in b.nama_asli and ".." not in b.berkas.name
    assert Path(settings.MEDIA_ROOT) in Path(b.berkas.path).parents


def test_link_evidence_must_be_http(realisasi, operator):
    with pytest.raises(ValidationError) as exc:
        services.bukti_tambah(realisasi=realisasi, user=operator, tautan="javascript:alert(1)")
    assert exc.value.messages == [cek.PESAN_TAUTAN_TIDAK_SAH]
    with pytest.raises(ValidationError) as exc:
        services.bukti_tambah(realisasi=realisasi, user=operator)
    assert exc.value.messages == [cek.PESAN_BUKTI_KOSONG]


def test_delete_is_logged_and_removes_file(
    client, paser, realisasi, operator, django_capture_on_commit_callbacks
):
    b = services.bukti_tambah(realisasi=realisasi, user=operator, berkas=unggah("a.pdf", PDF))
    path = Path(b.berkas.path)
    client.force_login(operator)
    with django_capture_on_commit_callbacks(execute=True):
        respon = client.post(reverse("kinerja:bukti_hapus", kwargs={"pd": paser.slug, "pk": b.pk}))
    assert respon.status_code == 302
    assert not path.exists()
    log = AuditLog.objects.get(aksi="bukti.hapus")
    assert log.pengguna == operator and log.perubahan == {"bukti": ["a.pdf", None]}
    assert "a.pdf" in log.keterangan


def test_no_upload_or_delete_once_submitted(realisasi, operator):
    b = services.bukti_tambah(realisasi=realisasi, user=operator, tautan="https://contoh.go.id/x")
    services.realisasi_ajukan(realisasi=realisasi, user=operator)
    with pytest.raises(ValidationError):
        services.bukti_tambah(realisasi=realisasi, user=operator, tautan="https://contoh.go.id/y")
    with pytest.raises(ValidationError):
        services.bukti_hapus(bukti=b, user=operator)


# --- Structure, not only magic bytes (issue #16, point 5) ------------------------------------


def png_dengan_ukuran(lebar: int, tinggi: int) -> bytes:
    """A PNG whose header claims `lebar` × `tinggi` pixels (a decompression bomb's header)."""
    import struct
    import zlib

    def potongan(jenis: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(jenis + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + jenis + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", lebar, tinggi, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + potongan(b"IHDR", ihdr)
        + potongan(b"IDAT", zlib.compress(b"\x00" * 10))
        + potongan(b"IEND", b"")
    )


def xlsx_bom(megabyte: int) -> bytes:
    """A valid package plus one member of `megabyte` MB of zeros (compresses ~1000:1)."""
    isi = io.BytesIO(ooxml("xl/"))
    blok = b"\x00" * (1024 * 1024)
    with (
        zipfile.ZipFile(isi, "a", zipfile.ZIP_DEFLATED) as z,
        z.open("xl/media/nol.bin", "w") as anggota,
    ):
        for _ in range(megabyte):
            anggota.write(blok)
    return isi.getvalue()


def ooxml_dengan_anggota(nama: str) -> bytes:
    isi = io.BytesIO(ooxml("xl/"))
    with zipfile.ZipFile(isi, "a") as z:
        z.writestr(nama, "x")
    return isi.getvalue()


POLIGLOT = (
    PDF[:9] + b"%<html><body><script>alert(document.cookie)</script></body></html>\n" + PDF[9:]
)


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        # PDF/HTML polyglot: a valid PDF header, then a page a browser would run.
        ("laporan.pdf", POLIGLOT, cek.PESAN_HTML_TERSISIP),
        ("laporan.pdf", PDF[:9] + b"%<SCRIPT src=//x.y/z.js></SCRIPT>\n" + PDF[9:], None),
        # A PDF header on something that is no PDF.
        ("laporan.pdf", b"%PDF-1.7\n" + b"bukan pdf\n" * 20, cek.PESAN_PDF_RUSAK),
        ("laporan.pdf", PDF[: len(PDF) // 2], cek.PESAN_PDF_RUSAK),
        # A PNG with a script appended, within or after the first KB.
        ("grafik.png", PNG + b"<script>alert(1)</script>", cek.PESAN_HTML_TERSISIP),
        (
            "grafik.png",
            PNG + b"\x00" * 2048 + b"<script>alert(1)</script>",
            cek.PESAN_DATA_SETELAH_GAMBAR,
        ),
        ("grafik.png", PNG + b"PK\x03\x04" + ooxml("xl/"), cek.PESAN_DATA_SETELAH_GAMBAR),
        # Images that do not decode, or are not what the extension says.
        ("grafik.png", PNG[:40], cek.PESAN_GAMBAR_RUSAK.format(ekstensi="PNG")),
        ("foto.jpg", JPG[:60], cek.PESAN_GAMBAR_RUSAK.format(ekstensi="JPG")),
        (
            "grafik.png",
            png_dengan_ukuran(20_000, 20_000),
            cek.PESAN_GAMBAR_TERLALU_BESAR.format(batas=60),
        ),
        # A zip bomb named .xlsx: 30 MB of zeros in a package of some 30 KB.
        (
            "rekap.xlsx",
            xlsx_bom(30),
            cek.PESAN_ARSIP_TERLALU_BESAR.format(ekstensi="XLSX", batas=100, rasio=100),
        ),
        # ZIPs that are no real package of their kind.
        ("rekap.xlsx", ooxml("xl/", "word/"), cek.PESAN_ISI_TIDAK_SESUAI.format(ekstensi="XLSX")),
        (
            "rekap.xlsx",
            ooxml_dengan_anggota("../../luar.txt"),
            cek.PESAN_ISI_TIDAK_SESUAI.format(ekstensi="XLSX"),
        ),
    ],
)
def test_hostile_uploads_refused(nama, isi, pesan):
    with pytest.raises(ValidationError) as exc:
        cek.periksa_berkas(unggah(nama, isi))
    assert exc.value.messages == [pesan or cek.PESAN_HTML_TERSISIP]


def test_zip_bomb_is_measured_while_decompressing(monkeypatch):
    """Even when the declared sizes pass, decompression stops at the limit."""
    monkeypatch.setattr(cek, "ZIP_UKURAN_MAKS", 2 * 1024 * 1024)
    monkeypatch.setattr(cek, "ZIP_RASIO_MAKS", 10_000)
    asli = zipfile.ZipFile.infolist

    def kecilkan(self):
        daftar = asli(self)
        for info in daftar:
            info.file_size = min(info.file_size, 100)  # headers that understate
        return daftar

    monkeypatch.setattr(zipfile.ZipFile, "infolist", kecilkan)
    with pytest.raises(ValidationError) as exc:
        cek.periksa_berkas(unggah("rekap.xlsx", xlsx_bom(3)))
    assert exc.value.code in {"zip_bom", "isi"}


@pytest.mark.parametrize(
    ("nama", "disimpan"),
    [
        ("<img src=x onerror=alert(1)>laporan.pdf", "laporan.pdf"),
        ('"><script>alert(1).pdf', "alert(1).pdf"),
        ("<b>Daftar<b> Hadir.pdf", "Daftar Hadir.pdf"),
        ("laporan <akhir.pdf", "laporan.pdf"),
        ("<svg onload=alert(1)>.pdf", "berkas.pdf"),
        ("laporan\u202egpj.pdf", "laporangpj.pdf"),
        ("Jum'at   pagi.PDF", "Jum'at pagi.PDF"),
    ],
)
def test_stored_name_is_sanitised(nama, disimpan):
    assert cek.periksa_berkas(unggah(nama, PDF)).nama_asli == disimpan


def test_html_file_name_is_stored_sanitised_and_shown_escaped(client, paser, realisasi, operator):
    client.force_login(operator)
    url = reverse("kinerja:bukti_unggah", kwargs={"pd": paser.slug, "pk": realisasi.pk})
    client.post(url, {"berkas": unggah("<img src=x onerror=alert(1)>hadir.pdf", PDF)})
    b = realisasi.bukti.get()
    assert b.nama_asli == "hadir.pdf"
    assert "<" not in b.nama_asli and "onerror=alert(1)>" not in b.nama_asli


def test_hostile_upload_through_the_view_is_refused_with_its_message(
    client, paser, realisasi, operator
):
    client.force_login(operator)
    respon = client.post(
        reverse("kinerja:bukti_unggah", kwargs={"pd": paser.slug, "pk": realisasi.pk}),
        {"berkas": unggah("laporan.pdf", POLIGLOT)},
        follow=True,
    )
    assert cek.PESAN_HTML_TERSISIP in respon.content.decode()
    assert realisasi.bukti.count() == 0
