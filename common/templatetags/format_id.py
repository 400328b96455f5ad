"""Template filters: Indonesian formatting, delegated to common.formatting (the one place)."""

from django import template
from django.utils import timezone

from common import formatting

register = template.Library()


@register.filter
def persen(nilai):
    return formatting.format_persen(nilai)


@register.filter
def rupiah(nilai):
    return formatting.format_rupiah(nilai)


@register.filter
def angka(nilai, tempat=2):
    return formatting.format_angka(nilai, tempat=int(tempat))


@register.filter
def tanggal(nilai):
    return formatting.format_tanggal(nilai) if nilai else "—"


@register.filter
def bulan_tahun(nilai):
    return formatting.format_bulan_tahun(nilai) if nilai else "—"


@register.filter
def romawi(nilai):
    return formatting.romawi(int(nilai))


@register.filter
def waktu(nilai):
    """A datetime in the site's zone, as "3 Desember 2026 14.05 WIB"."""
    if not nilai:
        return formatting.TANDA_KOSONG
    if timezone.is_aware(nilai):
        nilai = timezone.localtime(nilai)
    return formatting.format_waktu(nilai)


@register.filter
def masukan(nilai):
    """A stored number as typed: "61,725", "1,5"."""
    return formatting.format_masukan(nilai)
