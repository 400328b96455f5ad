"""PK documents (DOMAIN.md §7.3): the content of a PK document (`isi_pk`) and one template
with two renderers (HTML, PDF with WeasyPrint).

`dokumen_pk` is the single entry point shared by the web views and the command line
(`cetak pk --pd <slug> --tahun <n> [--pejabat <NIP>] --out FILE [--format pdf|html]`):

    from kinerja.pk import PKTidakDitemukan, dokumen_pk
    data = dokumen_pk(pd="kesbangpol-paser", tahun=2024, nip=None, format="pdf")

The print CSS (A4 portrait, the fingerprint and verification address in the page footer,
the DRAFT watermark) is `static/css/cetak_pk.css`, inlined into the document so that an
HTML file saved to disk prints the same as the PDF.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

import segno
from django.contrib.staticfiles import finders
from django.db.models import Prefetch, prefetch_related_objects
from django.template.loader import render_to_string

from common.formatting import format_bulan_tahun, format_nip, format_rupiah, format_tanggal
from common.pdf import html_ke_pdf
from kinerja.capaian import NILAI_PREDIKAT
from kinerja.models import PerjanjianKinerja, PKAnggaran, PKIndikator, StatusPK, VersiPK
from renstra.models import PerangkatDaerah

from .draf import selisih_rencana, target_rencana
from .kanonik import (
    _pihak_kedua_kanonik,
    _pihak_pertama_kanonik,
    hitung_sidik_jari,
    total_anggaran,
    url_verifikasi,
)
from .pesan import (
    JUDUL_KOLOM_ANGGARAN,
    LABEL_BERKURANG,
    LABEL_BERTAMBAH,
    LABEL_INDIKATOR_BARU,
    PESAN_FORMAT_DOKUMEN,
    PESAN_PD_TIDAK_ADA,
    PESAN_TIDAK_ADA_PK,
)
from .selectors import pk_terkini
from .teks import jabatan_pihak_pertama, teks_nilai

TEMPLATE_DOKUMEN = "pk/dokumen.html"
CSS_CETAK = "css/cetak_pk.css"


# --- The content of a PK document --------------------------------------------------------------


@dataclass(frozen=True)
class Pihak:
    nama: str
    nip: str
    nip_cetak: str
    jabatan: str
    pangkat_golongan: str
    ditandatangani_pada: datetime.datetime | None
    cara: str
    """"aplikasi" (signed in the app), "kertas" (paper, scan uploaded) or ""."""


@dataclass(frozen=True)
class BarisIndikatorPK:
    id: int
    no: int
    sasaran: str
    rowspan: int
    """Rows the SASARAN cell spans (0: merged into the row above)."""
    uraian: str
    satuan: str
    target: str
    target_sebelum: str
    perubahan: str
    """"Bertambah 10", "Berkurang 4", "Indikator baru" or "" (PK Perubahan annex)."""
    rencana: str
    """The Renja/Renstra target as printed ("" when the plan has none)."""
    sumber_rencana: str
    selisih: bool
    alasan_selisih: str
    indikator_id: int | None
    atasan: str
    """The higher PK indicator this row supports (jabatan — uraian), "" when unlinked."""


@dataclass(frozen=True)
class BarisAnggaranPK:
    id: int
    no: int
    kode: str
    nama: str
    jumlah: Decimal | None
    jumlah_sebelum: Decimal | None
    berubah: bool


@dataclass(frozen=True)
class IsiPK:
    """Everything a PK document prints, computed once (HTML and PDF render the same)."""

    pk: PerjanjianKinerja
    judul: str
    kop: tuple[str, ...]
    """The annex heading lines: the title, the PD, the Pemda (when not in the PD's name)."""
    nama_pd: str
    nama_pemda: str
    perubahan: bool
    alasan_perubahan: str
    uraian_perubahan: str
    pihak_pertama: Pihak
    pihak_kedua: Pihak
    tempat_tanggal: str
    indikator: tuple[BarisIndikatorPK, ...]
    judul_kolom_anggaran: str
    anggaran: tuple[BarisAnggaranPK, ...]
    total: Decimal | None
    total_sebelum: Decimal | None
    total_tercetak: Decimal | None
    total_berbeda: bool
    draf: bool
    sidik_jari: str
    url_verifikasi: str
    sidik_cocok: bool | None
    """Does the stored fingerprint still match the content? (None for an unsigned PK)."""
    catatan: tuple[str, ...] = field(default=())
    label_keadaan: str = ""
    """The state said once, the same on every page: "Draf", "Menunggu tanda tangan Pihak
    Kedua", "Ditandatangani"."""
    keadaan: str = ""
    """The notice a PK that is not in force prints ("" for a signed one)."""
    tanda_air: str = ""
    """The watermark of a PK not in force ("" for a signed one)."""
    qr_svg: str = ""
    """An inline SVG QR code of `url_verifikasi` (signed PK only); built here, safe to embed."""


LABEL_KEADAAN = {
    StatusPK.DRAFT: "Draf",
    StatusPK.DITANDATANGANI_PIHAK_PERTAMA: "Menunggu tanda tangan Pihak Kedua",
    StatusPK.DITANDATANGANI: "Ditandatangani",
}
KEADAAN_DRAF = "DRAF — belum ditandatangani; tidak berlaku sebagai Perjanjian Kinerja"
KEADAAN_MENUNGGU_PIHAK_KEDUA = (
    "Menunggu tanda tangan Pihak Kedua — Pihak Pertama sudah menandatangani; belum berlaku "
    "sebagai Perjanjian Kinerja"
)
TANDA_AIR = {
    StatusPK.DRAFT: "DRAFT",
    StatusPK.DITANDATANGANI_PIHAK_PERTAMA: "MENUNGGU TANDA TANGAN PIHAK KEDUA",
}
JUDUL_QR = "Pindai untuk memeriksa keaslian Perjanjian Kinerja ini"


def qr_svg(alamat: str) -> str:
    """The verification address as an inline SVG QR code (segno; no network, no file)."""
    return segno.make(alamat, error="m").svg_inline(
        scale=1, border=2, omitsize=True, svgclass="qr-verifikasi", title=JUDUL_QR
    )


def _skor(nilai: Any) -> Decimal | None:
    """A target as a comparable number: a predikat letter reads as its band's lower bound."""
    if isinstance(nilai, str):
        return NILAI_PREDIKAT.get(nilai.strip().upper())
    if isinstance(nilai, dict):
        return None
    return nilai


def _perubahan_target(baris: PKIndikator) -> str:
    """The BERTAMBAH ATAU BERKURANG cell of the PK Perubahan annex ("" when unchanged)."""
    sebelum: Any = baris.target_sebelum_predikat or baris.target_sebelum
    sesudah: Any = baris.nilai_masukan()
    if sebelum in (None, ""):
        return LABEL_INDIKATOR_BARU if sesudah is not None else ""
    a, b = _skor(sebelum), _skor(sesudah)
    if a is None or b is None or a == b:
        return ""
    label = LABEL_BERTAMBAH if b > a else LABEL_BERKURANG
    if isinstance(sebelum, str) or isinstance(sesudah, str):
        return label
    return f"{label} {teks_nilai(abs(b - a), baris.satuan)}"


def _label_atasan(atasan: PKIndikator | None) -> str:
    if atasan is None:
        return ""
    pk = atasan.perjanjian
    return f"{jabatan_pihak_pertama(pk)} — {atasan.uraian}"


def tempat_tanggal(pk: PerjanjianKinerja) -> str:
    """ "Tana Paser, Januari 2024" (month only when so marked) or "Tana Paser, 5 Januari 2024";
    "—" where the data has no date (never dots that look like a form to fill in)."""
    if pk.tanggal is None:
        tanggal = "—"
    elif pk.tanggal_hanya_bulan:
        tanggal = format_bulan_tahun(pk.tanggal)
    else:
        tanggal = format_tanggal(pk.tanggal)
    return f"{pk.tempat}, {tanggal}" if pk.tempat else tanggal


ATTR_INDIKATOR = "indikator_dimuat"
ATTR_ANGGARAN = "anggaran_dimuat"
RELASI_INDIKATOR = ("indikator_atasan__perjanjian__pihak_pertama",)


def muat_baris_pk(daftar: Sequence[PerjanjianKinerja]) -> None:
    """Load the indicator and budget rows of every PK of `daftar` in bulk (then `isi_pk`
    reads them without a query): 2 queries whatever the number of PKs, +1 for the previous
    versions' budget lines when a PK Perubahan is among them."""
    daftar = list(daftar)
    if not daftar:
        return
    prefetch_related_objects(
        daftar,
        Prefetch(
            "indikator",
            queryset=PKIndikator.objects.select_related(*RELASI_INDIKATOR).order_by("urutan", "id"),
            to_attr=ATTR_INDIKATOR,
        ),
        Prefetch(
            "anggaran", queryset=PKAnggaran.objects.order_by("urutan", "id"), to_attr=ATTR_ANGGARAN
        ),
    )
    lama = [
        pk.menggantikan
        for pk in daftar
        if pk.versi == VersiPK.PERUBAHAN
        and pk.menggantikan_id
        and not hasattr(pk.menggantikan, ATTR_ANGGARAN)
    ]
    if lama:
        prefetch_related_objects(
            lama, Prefetch("anggaran", queryset=PKAnggaran.objects.all(), to_attr=ATTR_ANGGARAN)
        )


def isi_pk(pk: PerjanjianKinerja, *, basis_url: str = "", dengan_rencana: bool = True) -> IsiPK:
    """The content of one PK document (statement page and annex). Queries: rows, budget lines,
    the plan targets of the rows, the previous version's budget when a revision; none of the
    rows loaded by `muat_baris_pk`."""
    indikator = getattr(pk, ATTR_INDIKATOR, None)
    if indikator is None:
        indikator = list(pk.indikator.select_related(*RELASI_INDIKATOR).order_by("urutan", "id"))
    anggaran = getattr(pk, ATTR_ANGGARAN, None)
    if anggaran is None:
        anggaran = list(pk.anggaran.order_by("urutan", "id"))
    rencana = (
        target_rencana([b.indikator_id for b in indikator if b.indikator_id], pk.tahun)
        if dengan_rencana
        else {}
    )
    perubahan = pk.versi == VersiPK.PERUBAHAN

    baris_ind = []
    for n, b in enumerate(indikator, start=1):
        sama_atas = n > 1 and indikator[n - 2].sasaran_uraian == b.sasaran_uraian
        rowspan = 0
        if not sama_atas:
            rowspan = 1
            while n - 1 + rowspan < len(indikator) and (
                indikator[n - 1 + rowspan].sasaran_uraian == b.sasaran_uraian
            ):
                rowspan += 1
        r = rencana.get(b.indikator_id)
        sebelum = b.target_sebelum_predikat or b.target_sebelum
        baris_ind.append(
            BarisIndikatorPK(
                id=b.pk,
                no=n,
                sasaran=b.sasaran_uraian,
                rowspan=rowspan,
                uraian=b.uraian,
                satuan=b.satuan,
                target=teks_nilai(b.nilai_masukan(), b.satuan),
                target_sebelum=teks_nilai(sebelum, b.satuan) if perubahan else "",
                perubahan=_perubahan_target(b) if perubahan else "",
                rencana=teks_nilai(r.nilai_masukan(), b.satuan) if r else "",
                sumber_rencana=r.get_jenis_display() if r else "",
                selisih=selisih_rencana(b, r),
                alasan_selisih=b.alasan_selisih,
                indikator_id=b.indikator_id,
                atasan=_label_atasan(b.indikator_atasan),
            )
        )

    sebelum_anggaran: dict[tuple, Decimal | None] = {}
    total_sebelum = None
    if perubahan and pk.menggantikan_id:
        lama = getattr(pk.menggantikan, ATTR_ANGGARAN, None)
        if lama is None:
            lama = list(pk.menggantikan.anggaran.all())
        total_sebelum = total_anggaran(lama)
        for a in lama:
            sebelum_anggaran[(a.tingkat, a.kode, a.nama)] = a.jumlah
    baris_ang = tuple(
        BarisAnggaranPK(
            id=a.pk,
            no=n,
            kode=a.kode,
            nama=a.nama,
            jumlah=a.jumlah,
            jumlah_sebelum=sebelum_anggaran.get((a.tingkat, a.kode, a.nama)),
            berubah=perubahan and sebelum_anggaran.get((a.tingkat, a.kode, a.nama)) != a.jumlah,
        )
        for n, a in enumerate(anggaran, start=1)
    )
    tingkat = {a.tingkat for a in anggaran}
    judul_kolom = (
        JUDUL_KOLOM_ANGGARAN[tingkat.pop()]
        if len(tingkat) == 1
        else " / ".join(JUDUL_KOLOM_ANGGARAN.values())
    )
    total = total_anggaran(anggaran)
    total_berbeda = pk.total_tercetak is not None and pk.total_tercetak != total
    catatan = []
    if total_berbeda:
        catatan.append(
            "Jumlah yang tercetak pada dokumen asli "
            f"({_rp(pk.total_tercetak)}) tidak sama dengan jumlah baris anggaran "
            f"({_rp(total)}); selisih {_rp(abs((pk.total_tercetak or 0) - (total or 0)))}."
        )

    ttd_kedua_cara = ""
    if pk.ditandatangani_pihak_kedua_pada:
        ttd_kedua_cara = "kertas" if pk.pindaian_bertanda_tangan else "aplikasi"
    # Parties as signed (frozen) for a signed PK, as they are now for a draft.
    kanonik = json.loads(pk.isi_kanonik) if pk.isi_kanonik else None
    p1 = kanonik["pihak_pertama"] if kanonik else _pihak_pertama_kanonik(pk)
    p2 = kanonik["pihak_kedua"] if kanonik else _pihak_kedua_kanonik(pk)
    pihak_pertama = Pihak(
        nama=p1["nama"],
        nip=p1["nip"],
        nip_cetak=format_nip(p1["nip"]),
        jabatan=p1["jabatan"],
        pangkat_golongan=p1["pangkat_golongan"],
        ditandatangani_pada=pk.ditandatangani_pihak_pertama_pada,
        cara="aplikasi" if pk.ditandatangani_pihak_pertama_pada else "",
    )
    pihak_kedua = Pihak(
        nama=p2["nama"],
        nip=p2["nip"],
        nip_cetak=format_nip(p2["nip"]),
        jabatan=p2["jabatan"],
        pangkat_golongan=p2["pangkat_golongan"],
        ditandatangani_pada=pk.ditandatangani_pihak_kedua_pada,
        cara=ttd_kedua_cara,
    )
    draf = pk.status != StatusPK.DITANDATANGANI
    judul = (
        f"PERJANJIAN KINERJA PERUBAHAN TAHUN {pk.tahun}"
        if perubahan
        else f"PERJANJIAN KINERJA TAHUN {pk.tahun}"
    )
    pd = pk.perangkat_daerah
    kop = [judul, pd.nama.upper()]
    if pd.pemda.nama.lower() not in pd.nama.lower():
        kop.append(pd.pemda.nama.upper())
    return IsiPK(
        pk=pk,
        judul=judul,
        kop=tuple(kop),
        nama_pd=pk.perangkat_daerah.nama,
        nama_pemda=pk.perangkat_daerah.pemda.nama,
        perubahan=perubahan,
        alasan_perubahan=pk.get_alasan_perubahan_display() if pk.alasan_perubahan else "",
        uraian_perubahan=pk.uraian_perubahan,
        pihak_pertama=pihak_pertama,
        pihak_kedua=pihak_kedua,
        tempat_tanggal=tempat_tanggal(pk),
        indikator=tuple(baris_ind),
        judul_kolom_anggaran=judul_kolom,
        anggaran=baris_ang,
        total=total,
        total_sebelum=total_sebelum,
        total_tercetak=pk.total_tercetak,
        total_berbeda=total_berbeda,
        draf=draf,
        sidik_jari="" if draf else pk.sidik_jari,
        url_verifikasi="" if draf else url_verifikasi(pk.sidik_jari, basis_url),
        sidik_cocok=None if draf else hitung_sidik_jari(pk) == pk.sidik_jari,
        catatan=tuple(catatan),
        label_keadaan=LABEL_KEADAAN.get(pk.status, pk.get_status_display()),
        keadaan=""
        if not draf
        else KEADAAN_MENUNGGU_PIHAK_KEDUA
        if pk.status == StatusPK.DITANDATANGANI_PIHAK_PERTAMA
        else KEADAAN_DRAF,
        tanda_air=TANDA_AIR.get(pk.status, ""),
        qr_svg="" if draf else qr_svg(url_verifikasi(pk.sidik_jari, basis_url)),
    )


def _rp(nilai: Decimal | None) -> str:
    return format_rupiah(nilai)


# --- The document (HTML, PDF) ------------------------------------------------------------------


class PKTidakDitemukan(LookupError):
    """No PK (or no PD) matches the request; the message is Indonesian, for the user."""


def css_cetak() -> str:
    """The print CSS, read from the static files (a vendored local file, never fetched)."""
    path = finders.find(CSS_CETAK)
    with open(path, encoding="utf-8") as berkas:
        return berkas.read()


def konteks_dokumen(daftar: Sequence[IsiPK], *, judul: str, mode_cetak: bool = True) -> dict:
    """The template context of a document holding one or more PKs."""
    return {
        "daftar": list(daftar),
        "judul": judul,
        "css_cetak": css_cetak(),
        "mode_cetak": mode_cetak,
    }


def render_dokumen(daftar: Sequence[IsiPK], *, judul: str, request=None) -> str:
    return render_to_string(TEMPLATE_DOKUMEN, konteks_dokumen(daftar, judul=judul), request=request)


def judul_dokumen(pd: PerangkatDaerah, tahun: int, pk: PerjanjianKinerja | None = None) -> str:
    if pk is not None and pk.pihak_pertama:
        return f"Perjanjian Kinerja {tahun} — {pk.pihak_pertama.nama}"
    return f"Perjanjian Kinerja {tahun} — {pd.nama}"


def dokumen_pk(
    *,
    pd: PerangkatDaerah | str,
    tahun: int,
    nip: str | None = None,
    format: Literal["pdf", "html"] = "pdf",
    basis_url: str = "",
    request=None,
) -> bytes:
    """All current PKs of a PD and year (or of one pejabat, by NIP) as ONE document.

    The PKs are those of `kinerja.pk.pk_terkini`: for each agreement the latest signed
    version, else the latest draft (printed with a DRAFT watermark and no fingerprint);
    ordered eselon II, III, IV, JF. `pd` is a PerangkatDaerah or its slug. `basis_url`
    (e.g. "https://sakip.paserkab.go.id") prefixes the verification address; without it the
    `SITUS_URL` setting is used, else the address is printed relative ("/pk/verifikasi/…/").

    Returns PDF bytes, or UTF-8 HTML for `format="html"`. Raises `PKTidakDitemukan` when the
    PD or no PK is found and ValueError for another format.
    """
    if format not in ("pdf", "html"):
        raise ValueError(PESAN_FORMAT_DOKUMEN)
    if isinstance(pd, str):
        slug = pd
        pd = PerangkatDaerah.objects.select_related("pemda").filter(slug=slug).first()
        if pd is None:
            raise PKTidakDitemukan(PESAN_PD_TIDAK_ADA.format(pd=slug))
    nip = (nip or "").replace(" ", "") or None
    daftar = pk_terkini(pd=pd, tahun=tahun, nip=nip)
    if not daftar:
        raise PKTidakDitemukan(
            PESAN_TIDAK_ADA_PK.format(
                pd=pd.nama, tahun=tahun, pejabat=f" untuk NIP {nip}" if nip else ""
            )
        )
    muat_baris_pk(daftar)
    isi = [isi_pk(pk, basis_url=basis_url, dengan_rencana=False) for pk in daftar]
    judul = judul_dokumen(pd, tahun, daftar[0] if nip and len(daftar) == 1 else None)
    html = render_dokumen(isi, judul=judul, request=request)
    if format == "html":
        return html.encode("utf-8")
    return html_ke_pdf(html)
