"""The Rencana Aksi table (§7.4): report data (laporan.selectors) → `Tabel`.

The ONE generator of the printed table: the HTML template, the PDF (WeasyPrint prints the
same HTML), the XLSX writer and the numbers snapshot all read the `Tabel` it returns. No
arithmetic happens here beyond choosing which computed value goes in which cell.
"""

from __future__ import annotations

from common.formatting import romawi

from ..selectors import DataRencanaAksi
from ..tabel import CENTANG, NILAI, TEKS, Baris, Kepala, Sel, Tabel
from .sel import LABEL_TINGKAT, _t, nama_berkode

# --- Rencana Aksi (§7.4) --------------------------------------------------------------------


def tabel_rencana_aksi(ra: DataRencanaAksi, kunci: str = "rencana-aksi") -> Tabel:
    baris = []
    for r in ra.baris:
        sel = []
        if r.baris_pertama:
            sel.append(_t(r.nomor, rowspan=r.jumlah_baris, kelas="tengah"))
            sel.append(
                _t(
                    nama_berkode(r.kode, r.uraian) if r.tingkat != "sasaran" else r.uraian,
                    rowspan=r.jumlah_baris,
                    kelas="nama",
                )
            )
        target = Sel(r.target, NILAI, kunci="target")
        sel += [_t(r.indikator), target, _t(r.satuan)]
        for v in r.triwulan:
            if v is True:
                sel.append(Sel(True, CENTANG))
            else:
                sel.append(Sel(v, NILAI) if v is not None else Sel(None, TEKS))
        sel.append(_t(r.rencana_aksi))
        kunci_baris = r.indikator_kode or r.kode
        baris.append(
            Baris(
                tuple(sel),
                jenis=r.tingkat,
                kunci=kunci_baris,
                label=f"{LABEL_TINGKAT.get(r.tingkat, '')} {kunci_baris}",
            )
        )
    catatan = ["Kolom triwulan: target kumulatif triwulan bila ditetapkan, ✓ bila dikerjakan."]
    if not ra.ada_isian:
        catatan.append(f"Rencana aksi triwulanan tahun {ra.tahun} belum diisi.")
    return Tabel(
        kunci=kunci,
        judul=f"Rencana aksi pencapaian sasaran tahun {ra.tahun}",
        kepala=(
            (
                Kepala("No", rowspan=2, lebar="4%"),
                Kepala(
                    "Sasaran strategis / program / kegiatan / sub-kegiatan", rowspan=2, lebar="25%"
                ),
                Kepala("Indikator kinerja", rowspan=2, lebar="25%"),
                Kepala(f"Target {ra.tahun}", rowspan=2),
                Kepala("Satuan", rowspan=2),
                Kepala("Triwulan", colspan=4),
                Kepala("Rencana aksi", rowspan=2, lebar="18%"),
            ),
            tuple(Kepala(romawi(n)) for n in (1, 2, 3, 4)),
        ),
        baris=tuple(baris),
        nomor_kolom=tuple(str(i) for i in range(1, 11)),
        catatan=tuple(catatan),
        lanskap=True,
        lebar_excel=(6, 50, 50, 10, 10, 6, 6, 6, 6, 40),
    )
