"""Composing the official reports and printing them: one code path for the web and the CLI.

`susun(laporan)` builds a `Dokumen` from the selectors: the body HTML (one template per kind,
rendered once), the tables (for XLSX and the numbers snapshot), the validation problems and
the unknown placeholders. `halaman_cetak` wraps a body into the standalone print HTML (CSS
inlined, DRAFT watermark, Pernyataan Telah Direviu page) that WeasyPrint turns into the PDF.

`CETAK` is the registry the `cetak` management command uses: kind → function(pd, tahun,
triwulan, nip, format) → bytes. The web views call the same `susun` and `halaman_cetak`.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from common.formatting import romawi
from common.pdf import html_ke_pdf
from kinerja.validasi import Masalah
from renstra.models import (
    JenisTabelSumberDaya,
    NarasiPerangkatDaerah,
    PerangkatDaerah,
    TabelSumberDaya,
    TandaTanganLaporan,
)

from . import dokumen as dok
from . import grafik
from .dokumen.rekomendasi_sakip import tabel_rekomendasi_sakip
from .excel import Lembar, buat_xlsx
from .models import JENIS_TRIWULANAN, JenisLaporan, Laporan, PernyataanReviu
from .narasi import (
    ANALISIS_SASARAN,
    daftar_bagian_lkjip,
    daftar_bagian_triwulan,
    draf_lkjip,
    draf_triwulan,
    kunci_sasaran,
    render_narasi,
    teks_profil,
)
from .selectors import (
    data_evaluasi_renja,
    data_lkjip,
    data_rencana_aksi,
    data_triwulan,
    nilai_placeholder,
    serapan_triwulan,
)
from .tabel import Tabel, cuplikan

CSS_CETAK = "css/cetak.css"
FORMAT = ("pdf", "html", "xlsx")
JENIS_CLI = ("lkjip", "triwulan", "evaluasi-renja", "rencana-aksi", "pk")

PESAN_FORMAT = "Format harus salah satu dari: pdf, html, xlsx."
PESAN_FORMAT_PK = "Perjanjian Kinerja hanya dapat dicetak sebagai pdf atau html."
PESAN_TRIWULAN_WAJIB = "Laporan {jenis} memerlukan --triwulan 1 sampai 4."
PESAN_JENIS = "Jenis laporan harus salah satu dari: " + ", ".join(JENIS_CLI) + "."
PESAN_PLACEHOLDER = "Placeholder {{{{{kunci}}}}} tidak dikenal pada bagian “{bagian}”."

JUDUL_JENIS = {
    JenisLaporan.LKJIP: "Laporan Kinerja Instansi Pemerintah (LKjIP)",
    JenisLaporan.TRIWULAN: "Laporan Kinerja Triwulan",
    JenisLaporan.EVALUASI_RENJA: "Formulir Evaluasi Hasil Renja",
    JenisLaporan.RENCANA_AKSI: "Rencana Aksi",
}


@dataclass(frozen=True)
class GalatPlaceholder:
    bagian: str
    kunci: str

    @property
    def pesan(self) -> str:
        return PESAN_PLACEHOLDER.format(kunci=self.kunci, bagian=self.bagian)


@dataclass
class Dokumen:
    laporan: Laporan
    judul: str
    nama_berkas: str
    """File name without extension, e.g. "lkjip-kesbangpol-paser-2023"."""
    isi: str
    """The body HTML (tables numbered, table of contents filled)."""
    tabel: list[Tabel]
    masalah: tuple[Masalah, ...]
    galat_placeholder: list[GalatPlaceholder] = field(default_factory=list)
    lembar: list[Lembar] = field(default_factory=list)
    """Worksheets of the XLSX export."""
    teks_narasi: dict[str, str] = field(default_factory=dict)
    """The narrative as printed: the stored text of each part, else its draft."""

    @property
    def angka(self) -> dict:
        return cuplikan(self.tabel)

    @property
    def jangkar(self) -> list[tuple[str, str]]:
        """(id, label) of every anchor a review note can point to, in document order."""
        return daftar_jangkar(self.isi)


# --- Helpers --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _css_tersimpan(path: str, mtime: float) -> str:
    with open(path, encoding="utf-8") as berkas:
        return berkas.read()


def css_cetak() -> str:
    """The print stylesheet (static/css/cetak.css), read from disk (cached by mtime)."""
    import os

    path = finders.find(CSS_CETAK)
    return _css_tersimpan(path, os.path.getmtime(path))


def logo_data_uri(pd: PerangkatDaerah) -> str:
    """The PD logo as a data: URI (the document stays self-contained), or ""."""
    if not pd.logo:
        return ""
    try:
        with pd.logo.open("rb") as berkas:
            isi = berkas.read()
    except (OSError, ValueError):
        return ""
    jenis = mimetypes.guess_type(pd.logo.name)[0] or "image/png"
    return f"data:{jenis};base64,{base64.b64encode(isi).decode('ascii')}"


_POLA_JUDUL = re.compile(r'<h([1-4]) class="toc[^"]*" id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_POLA_JUDUL_TABEL = re.compile(r'<p class="judul-tabel" id="([^"]+)"[^>]*>(.*?)</p>', re.S)
_POLA_GAMBAR = re.compile(
    r'<div class="grafik-wadah" id="([^"]+)".*?<p class="keterangan-grafik">(.*?)</p>', re.S
)
_POLA_JANGKAR = re.compile(r'id="([^"]+)"[^>]*?data-jangkar="([^"]*)"')


def _teks_polos(html: str) -> str:
    html = re.sub(r"</span>", " ", html)
    html = re.sub(r"<br\s*/?>", " ", html)
    return " ".join(unescape(strip_tags(html)).split())


def _nomori(isi: str, penanda: str) -> str:
    nomor = iter(range(1, 10_000))
    return re.sub(re.escape(penanda), lambda _m: str(next(nomor)), isi)


def _daftar_html(item: list[tuple[str, str, int]]) -> str:
    if not item:
        return "<p>—</p>"
    baris = "".join(
        f'<li class="tingkat-{tingkat}"><a href="#{escape(i)}">{escape(teks)}</a></li>'
        for i, teks, tingkat in item
    )
    return f"<ul>{baris}</ul>"


def selesaikan_isi(isi: str) -> str:
    """Number tables and figures, then fill the table of contents and the lists."""
    isi = _nomori(isi, "<!--NT-->")
    isi = _nomori(isi, "<!--NG-->")
    judul = [(m[2], _teks_polos(m[3]), min(int(m[1]), 3)) for m in _POLA_JUDUL.finditer(isi)]
    tabel = [(m[1], _teks_polos(m[2]), 1) for m in _POLA_JUDUL_TABEL.finditer(isi)]
    gambar = [(m[1], _teks_polos(m[2]), 1) for m in _POLA_GAMBAR.finditer(isi)]
    isi = isi.replace("<!--DAFTAR-ISI-->", _daftar_html(judul))
    isi = isi.replace("<!--DAFTAR-TABEL-->", _daftar_html(tabel))
    isi = isi.replace("<!--DAFTAR-GAMBAR-->", _daftar_html(gambar))
    return isi


def daftar_jangkar(isi: str) -> list[tuple[str, str]]:
    hasil, dilihat = [], set()
    for m in _POLA_JANGKAR.finditer(isi):
        if m[1] not in dilihat:
            dilihat.add(m[1])
            hasil.append((m[1], unescape(m[2])))
    return hasil


def _narasi(laporan: Laporan, draf: dict[str, str], bagian, nilai: dict[str, str]):
    """Rendered narrative per key (stored text, else the draft) and the unknown placeholders."""
    tersimpan = {b.kunci: b.teks for b in laporan.narasi.all()} if laporan.pk else {}
    hasil, galat, efektif = {}, [], {}
    judul = {b.kunci: b.judul for b in bagian}
    for kunci in [b.kunci for b in bagian if b.kunci in draf or b.kunci in tersimpan]:
        teks = tersimpan.get(kunci, draf.get(kunci, ""))
        efektif[kunci] = teks
        r = render_narasi(teks, nilai)
        hasil[kunci] = r.html
        galat += [GalatPlaceholder(judul.get(kunci, kunci), k) for k in r.tidak_dikenal]
    return hasil, galat, efektif


def nama_berkas_laporan(laporan: Laporan) -> str:
    tw = f"-tw{laporan.triwulan}" if laporan.triwulan else ""
    return f"{laporan.jenis}-{laporan.perangkat_daerah.slug}-{laporan.tahun}{tw}"


def judul_laporan(laporan: Laporan) -> str:
    tw = f" Triwulan {romawi(laporan.triwulan)}" if laporan.triwulan else ""
    return (
        f"{JUDUL_JENIS[laporan.jenis]} Tahun {laporan.tahun}{tw} — {laporan.perangkat_daerah.nama}"
    )


# --- Composing each kind --------------------------------------------------------------------


PESAN_GRAFIK_KOSONG = "Grafik tidak disajikan: {apa} belum tercatat."
"""Said instead of printing an empty chart (issue 14 point 13)."""


def _grafik_capaian(pengukuran) -> str:
    """The chart of the sasaran averages; "" when no sasaran has one (no empty chart)."""
    if all(s.rata_rata is None for s in pengukuran.sasaran):
        return ""
    return grafik.grafik_batang_horizontal(
        "Capaian kinerja per sasaran strategis",
        [
            grafik.Batang(
                f"{s.kode} {s.uraian}",
                s.rata_rata,
                s.kategori.warna.hex if s.kategori else grafik.WARNA_KOSONG,
                s.kategori.label if s.kategori else "",
            )
            for s in pengukuran.sasaran
        ],
    )


def _grafik_serapan(serapan, triwulan: int = 4) -> str:
    """Cumulative absorption per program and quarter; "" when no quarter has a value."""
    if all(v is None for sp in serapan for v in sp.kumulatif[:triwulan]):
        return ""
    return grafik.grafik_kelompok(
        "Serapan anggaran kumulatif per program (% dari pagu)",
        [grafik.KelompokBatang(s.kode, s.kumulatif[:triwulan]) for s in serapan],
        [f"s.d. TW {romawi(n)}" for n in range(1, triwulan + 1)],
    )


PESAN_PK_TAHUN_BERIKUT = (
    "Perjanjian Kinerja tahun {tahun} belum tercatat; dilampirkan Perjanjian Kinerja tahun "
    "{berikut} yang tercatat untuk perangkat daerah ini."
)


def _lampiran_pk(pd: PerangkatDaerah, tahun: int) -> list[str]:
    """The PK documents of the year (kinerja.pk.dokumen, HTML), as body fragments with their
    own styles minus page rules (the report's pages rule).

    A report year without a recorded PK attaches the next year's PKs when they are recorded
    (the LKjIP is written early in the next year and some PDs attach the PK just signed, as
    seed 002 does), with a note saying so; otherwise nothing."""
    from kinerja.pk import PKTidakDitemukan, dokumen_pk

    catatan = ""
    try:
        html = dokumen_pk(pd=pd, tahun=tahun, format="html").decode("utf-8")
    except PKTidakDitemukan:
        try:
            html = dokumen_pk(pd=pd, tahun=tahun + 1, format="html").decode("utf-8")
        except PKTidakDitemukan:
            return []
        pesan = PESAN_PK_TAHUN_BERIKUT.format(tahun=tahun, berikut=tahun + 1)
        catatan = f'<p class="catatan-kaki catatan-lampiran-pk">{escape(pesan)}</p>'
    badan = re.search(r"<body[^>]*>(.*)</body>", html, re.S)
    gaya = re.search(r"<style>(.*?)</style>", html, re.S)
    css = gaya[1] if gaya else ""
    css = _hapus_blok_page(css)
    isi = badan[1] if badan else html
    return [f'{catatan}<style>{css}</style><div class="dokumen-pk">{isi}</div>']


def _hapus_blok_page(css: str) -> str:
    """Remove comments and @page blocks (with nested margin boxes) from a stylesheet.

    Comments go first: they may hold braces, and their words ("DRAFT watermark") would
    otherwise end up in the text of an approved edition."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    hasil, i = [], 0
    while True:
        j = css.find("@page", i)
        if j < 0:
            hasil.append(css[i:])
            break
        hasil.append(css[i:j])
        k = css.find("{", j)
        kedalaman, n = 0, k
        while n < len(css):
            if css[n] == "{":
                kedalaman += 1
            elif css[n] == "}":
                kedalaman -= 1
                if kedalaman == 0:
                    break
            n += 1
        i = n + 1
    return "".join(hasil)


def tabel_sumber_daya(pd: PerangkatDaerah) -> list[Tabel]:
    """The PD's own Bab I tables: staffing (sdm) first, then facilities (sarana)."""
    urutan_jenis = {JenisTabelSumberDaya.SDM: 0, JenisTabelSumberDaya.SARANA: 1}
    daftar = sorted(
        TabelSumberDaya.objects.filter(perangkat_daerah=pd),
        key=lambda t: (urutan_jenis.get(t.jenis, len(urutan_jenis)), t.urutan, t.pk),
    )
    nomor: dict[str, int] = {}
    hasil = []
    for t in daftar:
        nomor[t.jenis] = nomor.get(t.jenis, 0) + 1
        hasil.append(dok.tabel_sumber_daya(t, kunci=f"sumber-daya-{t.jenis}-{nomor[t.jenis]}"))
    return hasil


@dataclass(frozen=True)
class TandaTangan:
    """Place and date printed under the LKjIP signatures and on its cover."""

    tempat: str
    tanggal: str
    """"5 Februari 2024", "Februari 2024", or "" when no date is stored."""
    bulan: str
    """The cover's "Februari 2024" ("" when unknown)."""


def tanda_tangan_lkjip(laporan: Laporan, idt) -> TandaTangan:
    """The stored signature of the LKjIP, never the print date: the date entered on the
    report (`Laporan.tanggal`, set from the edition's approval date when approving without
    one), else the dataset's `laporan.tempat/tanggal` (renstra.TandaTanganLaporan). 1 query."""
    from common.formatting import format_bulan_tahun, format_tanggal

    simpan = TandaTanganLaporan.objects.filter(
        perangkat_daerah_id=laporan.perangkat_daerah_id, tahun=laporan.tahun
    ).first()
    tempat = (simpan.tempat if simpan and simpan.tempat else "") or idt.tempat
    if laporan.tanggal:
        tgl = laporan.tanggal
        return TandaTangan(tempat, format_tanggal(tgl), format_bulan_tahun(tgl))
    if simpan is not None:
        tgl = simpan.tanggal
        teks = format_bulan_tahun(tgl) if simpan.tanggal_hanya_bulan else format_tanggal(tgl)
        return TandaTangan(tempat, teks, format_bulan_tahun(tgl))
    return TandaTangan(tempat, "", "")


def susun_lkjip(laporan: Laporan, *, nip: str | None = None, dengan_pk: bool = True) -> Dokumen:
    pd, tahun = laporan.perangkat_daerah, laporan.tahun
    data = data_lkjip(pd=pd, tahun=tahun, tanggal=laporan.tanggal, nip=nip)
    nilai = nilai_placeholder(data)
    kode_sasaran = [s.kode for s in data.pengukuran.sasaran]
    profil = teks_profil(NarasiPerangkatDaerah.objects.filter(perangkat_daerah=pd), tahun)
    narasi, galat, teks = _narasi(
        laporan, draf_lkjip(data, profil), daftar_bagian_lkjip(kode_sasaran), nilai
    )
    tabel = {
        "hubungan": dok.tabel_hubungan_program(data.matriks),
        "program_anggaran": dok.tabel_program_anggaran(data),
        "iku": dok.tabel_iku(data.matriks),
        "pk": dok.tabel_pk(data),
        "renstra": dok.tabel_renstra(data.matriks),
        "pengukuran": dok.tabel_pengukuran(data.pengukuran),
        "skala": dok.tabel_skala(data.pengukuran.skala),
        "capaian_sasaran": dok.tabel_sasaran_rata_rata(data.pengukuran),
        "capaian_tujuan": dok.tabel_capaian_tujuan(data.pengukuran),
        "realisasi_anggaran": dok.tabel_realisasi_anggaran(data),
        "belanja": dok.tabel_belanja(data),
        "anggaran_triwulan": dok.tabel_anggaran_triwulan(data),
        "efisiensi": dok.tabel_efisiensi_baris(
            data.efisiensi.baris, "efisiensi", f"Efisiensi penggunaan anggaran tahun {tahun}"
        ),
        "lampiran_pengukuran": dok.tabel_pengukuran(
            data.pengukuran,
            kunci="lampiran-pengukuran",
            judul=f"Pengukuran kinerja tahun {tahun} (lampiran)",
        ),
        "rencana_aksi": dok.tabel_rencana_aksi(data.rencana_aksi),
        "evaluasi_renja": dok.tabel_evaluasi_renja(data.evaluasi_renja),
        "iku_lengkap": dok.tabel_iku(data.matriks, kunci="iku-lengkap", lengkap=True),
        "rekomendasi_sakip": tabel_rekomendasi_sakip(pd, tahun),
    }
    sumber_daya = tabel_sumber_daya(pd)
    sasaran_list = []
    # Bab I comes first in the document, so its tables lead the list (and the XLSX sheets).
    semua_tabel = sumber_daya + [t for t in tabel.values() if t is not None]
    for a in data.analisis:
        kode = a.sasaran.kode
        tabel_analisis = {
            "target": [dok.tabel_target_realisasi(a, data.pengukuran.batas_rata_rata)],
            "tahun_lalu": [dok.tabel_tahun_lalu(a, data.tahun_perbandingan, tahun)],
            "renstra": [dok.tabel_renstra_akhir(a, tahun)],
            "pembanding": [t for t in [dok.tabel_pembanding(a)] if t is not None],
            "penyebab": [],
            "efisiensi": [
                dok.tabel_efisiensi_baris(
                    [e for p in a.program for e in p.efisiensi if e.tingkat != "sub_kegiatan"],
                    f"sasaran-{kode}-efisiensi",
                    f"Efisiensi program dan kegiatan pendukung sasaran {a.nomor}",
                    ringkas=True,
                )
            ]
            if a.program
            else [],
            "program": [dok.tabel_program_pendukung(a)] if a.program else [],
        }
        analisis = []
        for n, (kunci, judul) in enumerate(ANALISIS_SASARAN, start=1):
            analisis.append(
                {
                    "id": f"sasaran-{kode}-{kunci}",
                    "nomor": n,
                    "judul": judul,
                    "narasi": narasi.get(kunci_sasaran(kode, kunci), ""),
                    "tabel": tabel_analisis[kunci],
                }
            )
            semua_tabel += tabel_analisis[kunci]
        sasaran_list.append(
            {"kode": kode, "nomor": a.nomor, "uraian": a.sasaran.uraian, "analisis": analisis}
        )
    konteks = {
        "data": data,
        "idt": data.identitas,
        "pd": pd,
        "narasi": narasi,
        "tabel": tabel,
        "tabel_sumber_daya": sumber_daya,
        "sasaran_list": sasaran_list,
        "grafik": {
            "capaian": mark_safe(_grafik_capaian(data.pengukuran)),  # noqa: S308 - built escaped
            "serapan": mark_safe(_grafik_serapan(data.serapan)),  # noqa: S308
            "kosong_capaian": PESAN_GRAFIK_KOSONG.format(apa="capaian sasaran"),
            "kosong_serapan": PESAN_GRAFIK_KOSONG.format(apa="realisasi anggaran per triwulan"),
        },
        "logo": logo_data_uri(pd),
        "pk_dokumen": _lampiran_pk(pd, tahun) if dengan_pk else [],
        "ttd": tanda_tangan_lkjip(laporan, data.identitas),
    }
    isi = selesaikan_isi(render_to_string("laporan/lkjip.html", konteks))
    lembar = [
        Lembar(f"{i:02d} {t.judul}", [t], lanskap=t.lanskap)
        for i, t in enumerate(semua_tabel, start=1)
    ]
    return Dokumen(
        laporan=laporan,
        judul=judul_laporan(laporan),
        nama_berkas=nama_berkas_laporan(laporan),
        isi=isi,
        tabel=semua_tabel,
        masalah=data.validasi,
        galat_placeholder=galat,
        lembar=lembar,
        teks_narasi=teks,
    )


def susun_triwulan(laporan: Laporan, *, nip: str | None = None) -> Dokumen:
    pd, tahun, tw = laporan.perangkat_daerah, laporan.tahun, laporan.triwulan_efektif
    data = data_triwulan(pd=pd, tahun=tahun, triwulan=tw, tanggal=laporan.tanggal, nip=nip)
    nilai = nilai_placeholder(data)
    kode = [s.kode for s in data.pengukuran.sasaran]
    narasi, galat, teks = _narasi(laporan, draf_triwulan(data), daftar_bagian_triwulan(kode), nilai)
    tabel = {
        "kinerja": dok.tabel_kinerja_triwulan(data.pengukuran),
        "skala": dok.tabel_skala(data.pengukuran.skala),
        "lampiran_kinerja": dok.tabel_kinerja_triwulan(data.pengukuran, kunci="lampiran-kinerja"),
        "keuangan": dok.tabel_keuangan_triwulan(data.anggaran),
    }
    konteks = {
        "idt": data.identitas,
        "pd": pd,
        "narasi": narasi,
        "tabel": tabel,
        "sasaran_list": [
            {
                "kode": s.kode,
                "nomor": i,
                "uraian": s.uraian,
                "narasi": narasi.get(f"sasaran_{s.kode}", ""),
            }
            for i, s in enumerate(data.pengukuran.sasaran, start=1)
        ],
        "grafik": {
            "serapan": mark_safe(_grafik_serapan(serapan_triwulan(data.anggaran), tw)),  # noqa: S308
            "kosong_serapan": PESAN_GRAFIK_KOSONG.format(apa="realisasi anggaran per triwulan"),
        },
        "logo": logo_data_uri(pd),
    }
    isi = selesaikan_isi(render_to_string("laporan/triwulan.html", konteks))
    daftar = [tabel["kinerja"], tabel["keuangan"]]
    return Dokumen(
        laporan=laporan,
        judul=judul_laporan(laporan),
        nama_berkas=nama_berkas_laporan(laporan),
        isi=isi,
        tabel=daftar,
        masalah=data.validasi,
        galat_placeholder=galat,
        lembar=[
            Lembar("Kinerja", [tabel["kinerja"]], kop=_kop(laporan), lanskap=False),
            Lembar("Keuangan", [tabel["keuangan"]], kop=_kop(laporan), lanskap=False),
        ],
        teks_narasi=teks,
    )


def _kop(laporan: Laporan) -> list[str]:
    pd = laporan.perangkat_daerah
    baris = [JUDUL_JENIS[laporan.jenis].upper(), pd.nama, str(pd.pemda)]
    if laporan.triwulan:
        baris.append(
            f"Periode pelaksanaan: Triwulan {romawi(laporan.triwulan)} Tahun {laporan.tahun}"
        )
    else:
        baris.append(f"Tahun {laporan.tahun}")
    return baris


def _penutup_ttd(idt, *, dievaluasi: bool = False) -> list[str]:
    from common.formatting import format_tanggal

    k = idt.kepala
    baris = [
        "Disusun" if dievaluasi else "",
        f"{idt.tempat}, {format_tanggal(idt.tanggal)}".strip(", "),
        k.jabatan if k else "Kepala Perangkat Daerah",
        "",
        "",
        k.nama if k else "",
        k.pangkat_golongan if k else "",
        f"NIP. {k.nip}" if k and k.nip else "NIP.",
    ]
    if dievaluasi:
        baris += ["", "Dievaluasi", "Kepala Bappeda", "", "", "NIP."]
    return [b for b in baris if b is not None]


def susun_evaluasi_renja(laporan: Laporan, *, nip: str | None = None) -> Dokumen:
    pd, tahun, tw = laporan.perangkat_daerah, laporan.tahun, laporan.triwulan_efektif
    data = data_evaluasi_renja(pd=pd, tahun=tahun, triwulan=tw, tanggal=laporan.tanggal, nip=nip)
    tabel = dok.tabel_evaluasi_renja(data.evaluasi)
    isi = selesaikan_isi(
        render_to_string(
            "laporan/evaluasi_renja.html",
            {
                "idt": data.identitas,
                "pd": pd,
                "tabel": {"evaluasi_renja": tabel},
                "sasaran": data.sasaran,
            },
        )
    )
    kop = _kop(laporan) + [
        "Sasaran perangkat daerah tahunan: " + "; ".join(data.sasaran),
    ]
    return Dokumen(
        laporan=laporan,
        judul=judul_laporan(laporan),
        nama_berkas=nama_berkas_laporan(laporan),
        isi=isi,
        tabel=[tabel],
        masalah=data.validasi,
        lembar=[
            Lembar(
                "Evaluasi Renja",
                [tabel],
                kop=kop,
                penutup=_penutup_ttd(data.identitas, dievaluasi=True),
            )
        ],
    )


def susun_rencana_aksi(laporan: Laporan, *, nip: str | None = None) -> Dokumen:
    pd, tahun = laporan.perangkat_daerah, laporan.tahun
    data = data_rencana_aksi(pd=pd, tahun=tahun, tanggal=laporan.tanggal, nip=nip)
    tabel = dok.tabel_rencana_aksi(data.rencana)
    isi = selesaikan_isi(
        render_to_string(
            "laporan/rencana_aksi.html",
            {"idt": data.identitas, "pd": pd, "tabel": {"rencana_aksi": tabel}},
        )
    )
    return Dokumen(
        laporan=laporan,
        judul=judul_laporan(laporan),
        nama_berkas=nama_berkas_laporan(laporan),
        isi=isi,
        tabel=[tabel],
        masalah=data.validasi,
        lembar=[
            Lembar("Rencana Aksi", [tabel], kop=_kop(laporan), penutup=_penutup_ttd(data.identitas))
        ],
    )


PENYUSUN: dict[str, Callable[..., Dokumen]] = {
    JenisLaporan.LKJIP: susun_lkjip,
    JenisLaporan.TRIWULAN: susun_triwulan,
    JenisLaporan.EVALUASI_RENJA: susun_evaluasi_renja,
    JenisLaporan.RENCANA_AKSI: susun_rencana_aksi,
}


def susun(laporan: Laporan, *, nip: str | None = None, untuk_xlsx: bool = False) -> Dokumen:
    """The document of `laporan` (saved or not) from the current data.

    `untuk_xlsx`: only the tables are wanted (the workbook), so the LKjIP's PK annex, which is
    HTML only and loads every PK document, is not built."""
    if untuk_xlsx and laporan.jenis == JenisLaporan.LKJIP:
        return susun_lkjip(laporan, nip=nip, dengan_pk=False)
    return PENYUSUN[laporan.jenis](laporan, nip=nip)


# --- Printing -------------------------------------------------------------------------------


def halaman_pernyataan(pernyataan: PernyataanReviu | None) -> str:
    if pernyataan is None:
        return ""
    return render_to_string(
        "laporan/pernyataan.html", {"pernyataan": pernyataan, "laporan": pernyataan.laporan}
    )


def halaman_cetak(
    isi: str, *, judul: str, draft: bool, pernyataan: PernyataanReviu | None = None
) -> str:
    """The standalone print HTML of a body: CSS inlined, watermark, review statement page."""
    if pernyataan is not None:
        isi = isi.replace("<!--PERNYATAAN-->", halaman_pernyataan(pernyataan), 1)
    return render_to_string(
        "laporan/cetak.html", {"isi": isi, "judul": judul, "draft": draft, "css": css_cetak()}
    )


def pdf(html: str) -> bytes:
    return html_ke_pdf(html)


def laporan_untuk(pd: PerangkatDaerah, jenis: str, tahun: int, triwulan: int = 0) -> Laporan:
    """The saved report (its narrative and date) or an unsaved one that uses the drafts."""
    triwulan = triwulan if jenis in JENIS_TRIWULANAN else 0
    laporan = (
        Laporan.objects.filter(perangkat_daerah=pd, jenis=jenis, tahun=tahun, triwulan=triwulan)
        .select_related("perangkat_daerah__pemda")
        .first()
    )
    return laporan or Laporan(perangkat_daerah=pd, jenis=jenis, tahun=tahun, triwulan=triwulan)


def keluaran(
    dokumen: Dokumen, format: str, *, draft: bool = True, pernyataan: PernyataanReviu | None = None
) -> bytes:
    if format == "xlsx":
        return buat_xlsx(dokumen.lembar)
    html = halaman_cetak(dokumen.isi, judul=dokumen.judul, draft=draft, pernyataan=pernyataan)
    if format == "html":
        return html.encode("utf-8")
    if format == "pdf":
        return pdf(html)
    raise ValueError(PESAN_FORMAT)


def _cetak_laporan(jenis: str):
    def cetak(
        *, pd: PerangkatDaerah, tahun: int, triwulan: int | None, nip: str | None, format: str
    ) -> bytes:
        if format not in FORMAT:
            raise ValueError(PESAN_FORMAT)
        if jenis in JENIS_TRIWULANAN and not (triwulan and 1 <= triwulan <= 4):
            raise ValueError(PESAN_TRIWULAN_WAJIB.format(jenis=jenis))
        laporan = laporan_untuk(pd, jenis, tahun, triwulan or 0)
        edisi = laporan.edisi.order_by("-nomor").first() if laporan.pk else None
        pernyataan = getattr(laporan, "pernyataan_reviu", None) if laporan.pk else None
        if edisi is not None and format != "xlsx" and not nip:
            # The latest approved edition, frozen: the same bytes the web serves.
            html = halaman_cetak(
                edisi.html, judul=judul_laporan(laporan), draft=False, pernyataan=pernyataan
            )
            return html.encode("utf-8") if format == "html" else pdf(html)
        dokumen = susun(laporan, nip=nip, untuk_xlsx=format == "xlsx")
        return keluaran(dokumen, format, draft=True, pernyataan=pernyataan)

    return cetak


def _cetak_pk(
    *, pd: PerangkatDaerah, tahun: int, triwulan: int | None, nip: str | None, format: str
) -> bytes:
    from kinerja.pk import dokumen_pk

    if format not in ("pdf", "html"):
        raise ValueError(PESAN_FORMAT_PK)
    return dokumen_pk(pd=pd, tahun=tahun, nip=nip, format=format)


CETAK: dict[str, Callable[..., bytes]] = {
    "lkjip": _cetak_laporan(JenisLaporan.LKJIP),
    "triwulan": _cetak_laporan(JenisLaporan.TRIWULAN),
    "evaluasi-renja": _cetak_laporan(JenisLaporan.EVALUASI_RENJA),
    "rencana-aksi": _cetak_laporan(JenisLaporan.RENCANA_AKSI),
    "pk": _cetak_pk,
}
"""The registry of printable kinds: kind → function(pd, tahun, triwulan, nip, format) → bytes."""


def cetak(
    jenis: str,
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int | None = None,
    nip: str | None = None,
    format: str = "pdf",
) -> bytes:
    if jenis not in CETAK:
        raise ValueError(PESAN_JENIS)
    return CETAK[jenis](pd=pd, tahun=tahun, triwulan=triwulan, nip=nip, format=format)
