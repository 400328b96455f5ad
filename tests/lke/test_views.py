"""Screens of the SAKIP evaluation: scope (another PD answers 404), the worksheet with its
stages, answering through the form, the LHE as HTML and PDF, and constant query counts."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from lke import services
from lke.models import Jawaban, Kriteria, Tahap
from tests.lke.conftest import TAHUN, isi_semua


def _url(nama, evaluasi, **kw):
    return reverse(
        nama, kwargs={"pd": evaluasi.perangkat_daerah.slug, "tahun": evaluasi.tahun, **kw}
    )


@pytest.mark.parametrize(
    ("persona_nama", "status"),
    [("perencana", 200), ("operator", 200), ("inspektorat", 200), ("luar", 404)],
)
def test_lembar_terlingkup_pd(client, persona, evaluasi, persona_nama, status):
    client.force_login(persona(persona_nama))
    assert client.get(_url("lke:lembar", evaluasi)).status_code == status
    assert client.get(_url("lke:lhe", evaluasi)).status_code == status


def test_tamu_diarahkan_ke_login(client, evaluasi):
    assert client.get(_url("lke:lembar", evaluasi)).status_code == 302


def test_jawab_lewat_form_dan_alasan_ditolak_tanpa_perubahan(
    client, evaluasi, perencana, inspektorat
):
    k = Kriteria.objects.get(sub_komponen__komponen__template=evaluasi.template, kode="A.1.1")
    client.force_login(perencana)
    r = client.post(_url("lke:jawab", evaluasi, kriteria=k.pk), {"tahap": "mandiri", "opsi": "Y"})
    assert r.status_code == 302
    assert Jawaban.objects.get(evaluasi=evaluasi, kriteria=k, tahap=Tahap.MANDIRI).opsi == "Y"
    client.post(_url("lke:ajukan", evaluasi))
    client.force_login(inspektorat)
    r = client.post(
        _url("lke:jawab", evaluasi, kriteria=k.pk), {"tahap": "ketua", "opsi": "T"}, follow=True
    )
    assert services.PESAN_ALASAN_BEDA.format(sebelumnya="Mandiri: Y") in r.content.decode()
    assert not Jawaban.objects.filter(evaluasi=evaluasi, tahap=Tahap.KETUA).exists()


def test_lembar_menampilkan_tahap_berdampingan(client, evaluasi, perencana, inspektorat):
    isi_semua(evaluasi, perencana, Tahap.MANDIRI, "T", "E")
    services.evaluasi_ajukan(evaluasi=evaluasi, user=perencana)
    isi_semua(evaluasi, inspektorat, Tahap.KETUA, alasan="bukti lengkap")
    client.force_login(inspektorat)
    html = client.get(_url("lke:lembar", evaluasi)).content.decode()
    assert 'id="nilai-resmi"' in html and "100,00" in html
    assert "Penilaian mandiri PD (tidak masuk nilai resmi)" in html
    assert "Alasan: bukti lengkap" in html
    assert "Finalkan evaluasi" in html


def test_jumlah_kueri_lembar_tetap(
    client, evaluasi, perencana, inspektorat, django_assert_num_queries
):
    client.force_login(perencana)
    url = _url("lke:lembar", evaluasi)
    client.get(url)
    with CaptureQueriesContext(connection) as kosong:
        client.get(url)
    isi_semua(evaluasi, perencana, Tahap.MANDIRI)
    for k in Kriteria.objects.filter(sub_komponen__komponen__template=evaluasi.template)[:10]:
        services.bukti_tambah(
            evaluasi=evaluasi, kriteria=k, user=perencana, tautan="https://contoh.id/b"
        )
    # session, user, PD, membership; evaluation; team; template tree (5); answers; evidence;
    # last year; PK check; suggestions (PK, realisasi, IKU with their content types)
    with django_assert_num_queries(len(kosong)):
        client.get(url)


def test_lhe_html_dan_pdf(client, evaluasi, perencana, inspektorat):
    isi_semua(evaluasi, perencana, Tahap.MANDIRI)
    services.evaluasi_ajukan(evaluasi=evaluasi, user=perencana)
    isi_semua(
        evaluasi,
        inspektorat,
        Tahap.KETUA,
        kecuali={"B.1.1": "T", "B.1.2": "T", "B.1.3": "T"},
        alasan="x",
    )
    services.evaluasi_finalkan(evaluasi=evaluasi, user=inspektorat)
    services.rekomendasi_tambah(
        evaluasi=evaluasi,
        user=inspektorat,
        uraian="Menetapkan mekanisme pengumpulan data kinerja.",
        penanggung_jawab="Sekretaris",
        batas_waktu=datetime.date(TAHUN + 1, 6, 30),
        kriteria=Kriteria.objects.get(
            sub_komponen__komponen__template=evaluasi.template, kode="B.1.1"
        ),
        prioritas="tinggi",
    )
    client.force_login(perencana)
    html = client.get(_url("lke:lhe", evaluasi)).content.decode()
    assert "LAPORAN HASIL EVALUASI" in html and "94,00" in html
    assert "Menetapkan mekanisme pengumpulan data kinerja." in html
    r = client.get(_url("lke:lhe_pdf", evaluasi))
    assert r.content[:4] == b"%PDF"
    teks = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
    assert "Nilai akhir 94,00, predikat AA (Sangat Memuaskan)" in teks
    assert "Lembar Kerja Evaluasi dan jejak perhitungan" in teks


def test_cetak_lhe(tmp_path, evaluasi, perencana, inspektorat):
    from django.core.management import CommandError, call_command

    isi_semua(evaluasi, perencana, Tahap.MANDIRI)
    services.evaluasi_ajukan(evaluasi=evaluasi, user=perencana)
    isi_semua(evaluasi, inspektorat, Tahap.KETUA)
    services.evaluasi_finalkan(evaluasi=evaluasi, user=inspektorat)
    out = tmp_path / "lhe.pdf"
    call_command(
        "cetak", "lhe", "--pd", "kesbangpol-paser", "--tahun", str(TAHUN), "--out", str(out)
    )
    teks = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "LAPORAN HASIL EVALUASI" in teks and "100,00" in teks
    html = tmp_path / "lhe.html"
    call_command(
        "cetak",
        "lhe",
        "--pd",
        "kesbangpol-paser",
        "--tahun",
        str(TAHUN),
        "--format",
        "html",
        "--out",
        str(html),
    )
    assert "Lembar Kerja Evaluasi dan jejak perhitungan" in html.read_text()
    with pytest.raises(CommandError):
        call_command(
            "cetak", "lhe", "--pd", "kesbangpol-paser", "--tahun", "1999", "--out", str(out)
        )


def test_lembar_dan_lhe_menampilkan_tahun_lalu(client, template_lke, paser, perencana, inspektorat):
    lalu = services.evaluasi_buka(
        pd=paser, tahun=TAHUN - 1, template=template_lke, user=inspektorat, ketua=inspektorat
    )
    isi_semua(lalu, perencana, Tahap.MANDIRI)
    services.evaluasi_ajukan(evaluasi=lalu, user=perencana)
    isi_semua(lalu, inspektorat, Tahap.KETUA, kecuali={"A.1.1": "T"}, alasan="x")
    services.evaluasi_finalkan(evaluasi=lalu, user=inspektorat)  # 30 − 6/4 → 98,50
    ini = services.evaluasi_buka(
        pd=paser, tahun=TAHUN, template=template_lke, user=inspektorat, ketua=inspektorat
    )
    isi_semua(ini, perencana, Tahap.MANDIRI)
    services.evaluasi_ajukan(evaluasi=ini, user=perencana)
    isi_semua(ini, inspektorat, Tahap.KETUA)
    services.evaluasi_finalkan(evaluasi=ini, user=inspektorat)
    client.force_login(perencana)
    html = client.get(_url("lke:lembar", ini)).content.decode()
    k = Kriteria.objects.get(sub_komponen__komponen__template=template_lke, kode="A.1.1")
    baris = html.split(f'id="k{k.pk}"')[1].split("</tr>")[0]
    assert '<td class="tahun-lalu">T' in baris
    assert "98,50 (AA)" in html.split('id="nilai-lalu"')[1][:400]
    lhe = client.get(_url("lke:lhe", ini)).content.decode()
    banding = lhe.split('id="lhe-banding"')[1].split("</table>")[0]
    # A.1 Keberadaan: 4,50 last year, 6,00 now: +1,50; component A the same.
    assert "<td>A.1</td>" in banding and "4,50" in banding and "1,50" in banding
