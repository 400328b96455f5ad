"""Template filters: Indonesian formatting, delegated to common.formatting (the one place)."""

from django import template

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
