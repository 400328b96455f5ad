"""Publication: the head of a PD publishes a frozen LKjIP edition and signed PKs to a public
page (no login) that lists each PD's documents by year with their publication date.

Unpublishing keeps the row and is logged; a document that is not published (never, or no
longer) answers 404 to anyone without a login. This module also tells the SAKIP evaluation
(`lke`, a lower layer that never imports `laporan`) about LKjIP editions as evidence and about
each PD's LKjIP status; `LaporanConfig.ready` registers those providers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from common import audit
from common.formatting import format_tanggal
from common.models import Keanggotaan, Peran
from common.pdf import html_ke_pdf
from kinerja.models import PerjanjianKinerja, StatusPK
from lke.bukti import Saran
from renstra.models import PerangkatDaerah

from .models import Edisi, JenisLaporan, JenisPublikasi, Laporan, PernyataanReviu, Publikasi

PESAN_BUKAN_KEPALA = "Hanya kepala perangkat daerah yang dapat menerbitkan atau menarik publikasi."
PESAN_BUKAN_LKJIP = "Hanya edisi LKjIP yang disetujui yang dapat dipublikasikan."
PESAN_PK_BELUM_TTD = "Hanya PK yang sudah ditandatangani kedua pihak yang dapat dipublikasikan."
PESAN_SUDAH_TERBIT = "Dokumen ini sudah dipublikasikan."
PESAN_SUDAH_DITARIK = "Publikasi ini sudah ditarik."
PESAN_ALASAN_TARIK = "Alasan penarikan publikasi wajib diisi."
PESAN_PD_LAIN = "Dokumen tidak termasuk perangkat daerah ini."


def _wajib_kepala(user, pd: PerangkatDaerah) -> None:
    if user.is_superuser:
        return
    if not Keanggotaan.objects.filter(
        pengguna=user, perangkat_daerah=pd, peran=Peran.KEPALA
    ).exists():
        raise PermissionDenied(PESAN_BUKAN_KEPALA)


def publikasi_terbitkan(
    *,
    pd: PerangkatDaerah,
    user,
    edisi: Edisi | None = None,
    perjanjian: PerjanjianKinerja | None = None,
) -> Publikasi:
    """Publish one frozen LKjIP edition or one signed PK of `pd`."""
    _wajib_kepala(user, pd)
    if edisi is not None:
        if edisi.laporan.perangkat_daerah_id != pd.pk:
            raise ValidationError(PESAN_PD_LAIN)
        if edisi.laporan.jenis != JenisLaporan.LKJIP:
            raise ValidationError(PESAN_BUKAN_LKJIP)
        data = {
            "jenis": JenisPublikasi.LKJIP,
            "edisi": edisi,
            "tahun": edisi.laporan.tahun,
            "sidik": edisi.sidik,
            "judul": f"LKjIP {edisi.laporan.tahun} (edisi {edisi.nomor})",
        }
        ada = Publikasi.objects.filter(edisi=edisi, aktif=True)
    else:
        if perjanjian is None or perjanjian.perangkat_daerah_id != pd.pk:
            raise ValidationError(PESAN_PD_LAIN)
        if perjanjian.status != StatusPK.DITANDATANGANI:
            raise ValidationError(PESAN_PK_BELUM_TTD)
        data = {
            "jenis": JenisPublikasi.PK,
            "perjanjian": perjanjian,
            "tahun": perjanjian.tahun,
            "sidik": perjanjian.sidik_jari,
            "judul": str(perjanjian)[:300],
        }
        ada = Publikasi.objects.filter(perjanjian=perjanjian, aktif=True)
    if ada.exists():
        raise ValidationError(PESAN_SUDAH_TERBIT)
    with transaction.atomic():
        pub = Publikasi(
            perangkat_daerah=pd,
            dipublikasikan_oleh=user,
            dipublikasikan_pada=timezone.now(),
            **data,
        )
        pub.full_clean()
        pub.save()
        audit.catat(
            pengguna=user,
            aksi="publikasi.terbitkan",
            objek=pub,
            perangkat_daerah=pd,
            perubahan=audit.selisih({}, audit.snapshot(pub, ["jenis", "tahun", "sidik", "judul"])),
        )
    return pub


def publikasi_tarik(*, publikasi: Publikasi, user, alasan: str) -> Publikasi:
    """Unpublish (logged with the reason); the document answers 404 to the public again."""
    _wajib_kepala(user, publikasi.perangkat_daerah)
    if not publikasi.aktif:
        raise ValidationError(PESAN_SUDAH_DITARIK)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError(PESAN_ALASAN_TARIK)
    with transaction.atomic():
        publikasi.aktif = False
        publikasi.dibatalkan_oleh = user
        publikasi.dibatalkan_pada = timezone.now()
        publikasi.alasan_batal = alasan
        publikasi.save()
        audit.catat(
            pengguna=user,
            aksi="publikasi.tarik",
            objek=publikasi,
            perangkat_daerah=publikasi.perangkat_daerah,
            perubahan={"aktif": [True, False]},
            keterangan=alasan,
        )
    return publikasi


# --- Reads ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TahunPublik:
    tahun: int
    dokumen: list[Publikasi]


@dataclass(frozen=True)
class PDPublik:
    pd: PerangkatDaerah
    tahun: list[TahunPublik]


def daftar_publik() -> list[PDPublik]:
    """Every published document, per PD and year (newest year first). 1 query."""
    hasil: dict[int, PDPublik] = {}
    per_tahun: dict[tuple[int, int], list[Publikasi]] = {}
    for p in (
        Publikasi.objects.filter(aktif=True)
        .select_related("perangkat_daerah__pemda")
        .order_by("perangkat_daerah__nama", "-tahun", "jenis", "judul")
    ):
        if p.perangkat_daerah_id not in hasil:
            hasil[p.perangkat_daerah_id] = PDPublik(p.perangkat_daerah, [])
        kunci = (p.perangkat_daerah_id, p.tahun)
        if kunci not in per_tahun:
            per_tahun[kunci] = []
            hasil[p.perangkat_daerah_id].tahun.append(TahunPublik(p.tahun, per_tahun[kunci]))
        per_tahun[kunci].append(p)
    return list(hasil.values())


def publikasi_aktif_atau_404(pk: int) -> Publikasi:
    pub = (
        Publikasi.objects.select_related("perangkat_daerah__pemda", "edisi__laporan", "perjanjian")
        .filter(pk=pk, aktif=True)
        .first()
    )
    if pub is None:
        raise Http404
    return pub


def berkas_publikasi(pub: Publikasi) -> tuple[bytes, str]:
    """(PDF bytes, file name) of a published document: the frozen edition HTML, or the
    signed PK's document."""
    if pub.jenis == JenisPublikasi.LKJIP:
        from .cetak import halaman_cetak, judul_laporan

        laporan = pub.edisi.laporan
        pernyataan = PernyataanReviu.objects.filter(laporan=laporan).first()
        html = halaman_cetak(
            pub.edisi.html, judul=judul_laporan(laporan), draft=False, pernyataan=pernyataan
        )
        nama = f"lkjip-{pub.perangkat_daerah.slug}-{pub.tahun}-edisi{pub.edisi.nomor}.pdf"
        return html_ke_pdf(html), nama
    from kinerja.pk.dokumen import isi_pk, judul_dokumen, render_dokumen

    pk = pub.perjanjian
    html = render_dokumen([isi_pk(pk)], judul=judul_dokumen(pub.perangkat_daerah, pub.tahun, pk))
    return html_ke_pdf(html), f"pk-{pub.perangkat_daerah.slug}-{pub.tahun}-{pk.pk}.pdf"


# --- Providers for the SAKIP evaluation (registered in LaporanConfig.ready) -----------------


def _tgl(waktu) -> str:
    return format_tanggal(timezone.localtime(waktu))


def saran_edisi_lkjip(pd: PerangkatDaerah, tahun: int) -> list[Saran]:
    """The approved LKjIP editions of `tahun` as evidence, pinned to number and hash."""
    ct = ContentType.objects.get_for_model(Edisi)
    daftar = Edisi.objects.filter(
        laporan__perangkat_daerah=pd, laporan__jenis=JenisLaporan.LKJIP, laporan__tahun=tahun
    ).order_by("-nomor")
    return [
        Saran(
            kelompok="LKjIP",
            content_type_id=ct.pk,
            object_id=str(e.pk),
            sidik_versi=f"edisi {e.nomor} · {e.sidik[:16]}",
            label=f"LKjIP {tahun} edisi {e.nomor} (disetujui {_tgl(e.disetujui_pada)})",
        )
        for e in daftar
    ]


STATUS_DRAFT = "draft"
STATUS_DISETUJUI = "disetujui"
STATUS_DIREVIU = "direviu"
STATUS_DIPUBLIKASIKAN = "dipublikasikan"


def status_lkjip(pd_ids: list[int], tahun: int) -> dict[int, str]:
    """Each PD's LKjIP status for `tahun` (3 queries whatever the number of PD)."""
    laporan = dict(
        Laporan.objects.filter(
            perangkat_daerah_id__in=pd_ids,
            jenis=JenisLaporan.LKJIP,
            tahun=tahun,
            edisi__isnull=False,
        )
        .values_list("perangkat_daerah_id", "pk")
        .distinct()
    )
    hasil = {pd: STATUS_DISETUJUI for pd in laporan}
    for pd in PernyataanReviu.objects.filter(laporan_id__in=laporan.values()).values_list(
        "laporan__perangkat_daerah_id", flat=True
    ):
        hasil[pd] = STATUS_DIREVIU
    for pd in Publikasi.objects.filter(
        perangkat_daerah_id__in=pd_ids, jenis=JenisPublikasi.LKJIP, tahun=tahun, aktif=True
    ).values_list("perangkat_daerah_id", flat=True):
        hasil[pd] = STATUS_DIPUBLIKASIKAN
    return hasil
