"""The printed texts of a report, handed to the validation (`kinerja.validasi.tercetak`).

The validation sits below this app and cannot read `NilaiTercetak` itself; `PeriksaConfig`
registers `teks_tercetak` as its reader. One query.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kinerja.validasi.tercetak import TeksTercetak

from .models import NilaiTercetak

_NAMA_MEDAN = re.compile(r"^[a-z]")


def _teks(nilai) -> str:
    if nilai is None:
        return ""
    return nilai if isinstance(nilai, str) else str(nilai)


def teks_tercetak(pd, tahun: int) -> Iterator[TeksTercetak]:
    """Every printed text of the PD's report of `tahun`; the field is the last key, or the
    dataset key when the last key is a year or a list index."""
    for r in NilaiTercetak.objects.filter(perangkat_daerah=pd, tahun_laporan=tahun).select_related(
        "content_type"
    ):
        if isinstance(r.nilai, (list, dict)):
            continue
        ct = r.content_type
        medan = r.medan if _NAMA_MEDAN.match(r.medan or "") else r.sumber
        yield TeksTercetak(
            model=f"{ct.app_label}.{ct.model}",
            pk=r.object_id,
            medan=medan,
            teks=_teks(r.nilai),
            tempat=r.tempat,
            tahun=r.tahun,
        )
