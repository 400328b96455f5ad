"""PK documents (DOMAIN.md §7.3): one template, two renderers (HTML, PDF with WeasyPrint).

`dokumen_pk` is the single entry point shared by the web views and the command line
(`cetak pk --pd <slug> --tahun <n> [--pejabat <NIP>] --out FILE [--format pdf|html]`):

    from kinerja.pk_dokumen import PKTidakDitemukan, dokumen_pk
    data = dokumen_pk(pd="kesbangpol-paser", tahun=2024, nip=None, format="pdf")

The print CSS (A4 portrait, the fingerprint and verification address in the page footer,
the DRAFT watermark) is `static/css/cetak_pk.css`, inlined into the document so that an
HTML file saved to disk prints the same as the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from common.pdf import html_ke_pdf
from kinerja.models import PerjanjianKinerja
from kinerja.pk import PESAN_TIDAK_ADA_PK, IsiPK, isi_pk, pk_terkini
from renstra.models import PerangkatDaerah

PESAN_FORMAT_DOKUMEN = "Format dokumen harus 'pdf' atau 'html'."
PESAN_PD_TIDAK_ADA = "Perangkat daerah '{pd}' tidak ditemukan."

TEMPLATE_DOKUMEN = "pk/dokumen.html"
CSS_CETAK = "css/cetak_pk.css"


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
    isi = [isi_pk(pk, basis_url=basis_url, dengan_rencana=False) for pk in daftar]
    judul = judul_dokumen(pd, tahun, daftar[0] if nip and len(daftar) == 1 else None)
    html = render_dokumen(isi, judul=judul, request=request)
    if format == "html":
        return html.encode("utf-8")
    return html_ke_pdf(html)
