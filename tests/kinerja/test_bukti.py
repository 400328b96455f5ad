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

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 40
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + b"\x00" * 40


def ooxml(bagian: str) -> bytes:
    isi = io.BytesIO()
    with zipfile.ZipFile(isi, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(f"{bagian}document.xml", "<x/>")
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
    besar = PDF + b"0" * (11 * 1024 * 1024)
    with pytest.raises(ValidationError) as exc:
        cek.periksa_berkas(unggah("besar.pdf", besar))
    assert exc.value.messages == [
        cek.PESAN_BERKAS_TERLALU_BESAR.format(ukuran="11,0", batas="10,0")
    ]


def test_exactly_the_limit_is_accepted(settings):
    settings.BUKTI_UKURAN_MAKS = 1024
    isi = PDF + b"0" * (1024 - len(PDF))
    assert cek.periksa_berkas(unggah("pas.pdf", isi)).ukuran == 1024


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
