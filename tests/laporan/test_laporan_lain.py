"""The quarterly report (§7.2), the Rencana Aksi (§7.4), the PK through the same command, and
page images of the LKjIP saved for a human to look at."""

import io
import re
import shutil
import subprocess

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from laporan import cetak

from .conftest import folder_artefak, teks_pdf

pytestmark = pytest.mark.django_db


def _rapat(halaman: list[str]) -> str:
    return " ".join(" ".join(halaman).split())


def test_quarterly_report_pdf(paser):
    pdf = cetak.cetak("triwulan", pd=paser, tahun=2023, triwulan=2, format="pdf")
    (folder_artefak() / "triwulan-paser-2023-tw2.pdf").write_bytes(pdf)
    teks = _rapat(teks_pdf(pdf))
    for judul in (
        "KATA PENGANTAR",
        "BAB I KINERJA",
        "BAB II PERMASALAHAN DAN TINDAK LANJUT",
        "A. Kendala dan Permasalahan",
        "B. Tindak Lanjut Penyelesaian",
        "BAB III PENUTUP",
        "LAMPIRAN",
        "a. Laporan Kinerja",
        "b. Laporan Keuangan Penunjang Kinerja",
        "TRIWULAN II",
    ):
        assert judul in teks, judul
    # Paser's IKU are measured against the PK 2023 (pengukuran order PK → Renja): the header
    # names the version used.
    assert "Target PK 2023" in teks and "Realisasi s.d. TW II 2023" in teks
    # Budget s.d. TW II: TW I 1.250.346.919 + TW II 3.673.945.238 = 4.924.292.157 of the pagu.
    assert "JUMLAH 32.351.024.068 32.351.024.068 4.924.292.157 15,22%" in teks
    assert "{{" not in teks


def test_quarterly_report_xlsx(paser):
    isi = cetak.cetak("triwulan", pd=paser, tahun=2023, triwulan=2, format="xlsx")
    wb = load_workbook(io.BytesIO(isi))
    assert wb.sheetnames == ["Kinerja", "Keuangan"]
    nilai = [c.value for baris in wb["Keuangan"].iter_rows() for c in baris]
    assert 4924292157 in nilai


def test_rencana_aksi_html_pdf_xlsx(paser, tmp_path):
    for format in ("html", "pdf", "xlsx"):
        keluar = tmp_path / f"ra.{format}"
        call_command(
            "cetak",
            "rencana-aksi",
            "--pd",
            paser.slug,
            "--tahun",
            "2024",
            "--format",
            format,
            "--out",
            str(keluar),
        )
        isi = keluar.read_bytes()
        if format == "pdf":
            reader = PdfReader(io.BytesIO(isi))
            assert all(p.mediabox.width > p.mediabox.height for p in reader.pages)
            teks = _rapat(teks_pdf(isi))
            assert "RENCANA AKSI PENCAPAIAN SASARAN" in teks and "TAHUN 2024" in teks
            assert "✓" in teks
            (folder_artefak() / "rencana-aksi-paser-2024.pdf").write_bytes(isi)
        elif format == "xlsx":
            ws = load_workbook(io.BytesIO(isi)).active
            assert "✓" in [c.value for baris in ws.iter_rows() for c in baris]
        else:
            assert "Meningkatnya Pengelolaan Keuangan" in isi.decode()


def test_pk_through_the_same_command(paser, tmp_path):
    keluar = tmp_path / "pk.html"
    call_command(
        "cetak",
        "pk",
        "--pd",
        paser.slug,
        "--tahun",
        "2024",
        "--format",
        "html",
        "--out",
        str(keluar),
    )
    assert "PERJANJIAN KINERJA" in keluar.read_text().upper()
    with pytest.raises(ValueError):
        cetak.cetak("pk", pd=paser, tahun=2024, format="xlsx")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) absent")
def test_page_images_of_the_lkjip_are_saved(lkjip_paser):
    """Cover, pengukuran, an analysis, the Renja annex (landscape) as PNG in $ARTIFACTS_DIR."""
    folder = folder_artefak()
    berkas = folder / "lkjip-paser-2023.pdf"
    halaman = {
        "sampul": 1,
        "pengukuran": next(
            i
            for i, h in enumerate(lkjip_paser.halaman, 1)
            if re.search(r"Tabel \d+\. Pengukuran kinerja tahun 2023", h) and "....." not in h
        ),
        "renja": next(
            i
            for i, h in enumerate(lkjip_paser.halaman, 1)
            if "Lampiran IV. Formulir Evaluasi Hasil Renja" in h and "....." not in h
        ),
    }
    for nama, nomor in halaman.items():
        awalan = folder / f"lkjip-{nama}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "50",
                "-png",
                "-singlefile",
                "-f",
                str(nomor),
                "-l",
                str(nomor),
                str(berkas),
                str(awalan),
            ],
            check=True,
        )
        assert (folder / f"lkjip-{nama}.png").stat().st_size > 1000


def test_signed_pk_in_the_lkjip_annex_keeps_its_fingerprint_on_every_page(paser):
    from kinerja import pk as layanan_pk
    from kinerja.models import PerjanjianKinerja, StatusPK
    from laporan import cetak
    from tests.laporan.conftest import teks_pdf

    pk = PerjanjianKinerja.objects.filter(perangkat_daerah=paser, tahun=2024).first()
    kanonik = layanan_pk.teks_kanonik(pk)
    sidik = layanan_pk.hitung_sidik_jari(pk)
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(
        status=StatusPK.DITANDATANGANI, sidik_jari=sidik, isi_kanonik=kanonik
    )
    PerjanjianKinerja.objects.filter(perangkat_daerah=paser, tahun=2024).exclude(pk=pk.pk).delete()
    lampiran = "".join(cetak._lampiran_pk(paser, 2024))
    halaman = teks_pdf(cetak.pdf(cetak.halaman_cetak(lampiran, judul="Lampiran", draft=False)))
    assert len(halaman) >= 2
    for teks in halaman:
        assert sidik in teks.replace("\n", "")


@pytest.mark.parametrize(
    ("slug", "tahun", "kolom"),
    [
        ("kesbangpol-balangan", 2023, ["Target sebelum perubahan", "Target setelah perubahan"]),
        ("kesbangpol-paser", 2024, ["Target"]),
    ],
)
def test_pk_table_of_the_lkjip_shows_before_and_after_for_a_revision(db, slug, tahun, kolom):
    from kinerja import pk as layanan_pk
    from kinerja.models import PerjanjianKinerja, StatusPK
    from laporan.dokumen import tabel_pk
    from laporan.selectors import data_lkjip
    from renstra.models import PerangkatDaerah

    pd = PerangkatDaerah.objects.get(slug=slug)
    # Only a signed PK is in force: sign the head's (eselon II) PK of the year.
    pk = PerjanjianKinerja.objects.get(perangkat_daerah=pd, tahun=tahun, pihak_pertama__eselon="II")
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(
        status=StatusPK.DITANDATANGANI,
        sidik_jari=layanan_pk.hitung_sidik_jari(pk),
        isi_kanonik=layanan_pk.teks_kanonik(pk),
    )
    data = data_lkjip(pd=pd, tahun=tahun)
    assert data.pk is not None
    tabel = tabel_pk(data)
    judul = [k.teks for k in tabel.kepala[0]]
    assert judul == ["No", "Sasaran", "Indikator kinerja", *kolom, "Satuan"]
    assert all(len(b.sel) == len(judul) for b in tabel.baris)
