"""Writing the LKjIP's fact sections (`narasi`) and the report's signature (`laporan`).

Part of the writer (`tulis._Pemuat`). `narasi` rows are keyed by (bagian, tahun) with tahun 0
for "every year"; a row the file no longer has is left alone (it may have been typed in the
application). `laporan.tempat/tanggal` become the signature of the LKjIP of `laporan.tahun`;
a file without a date leaves a stored signature untouched.
"""

from __future__ import annotations

from renstra.models import NarasiPerangkatDaerah, TandaTanganLaporan

from .dokumen import _dict, _list, _tanggal, _teks
from .sinkron import _Baris, _Penyinkron


class _PemuatNarasi(_Penyinkron):
    def muat_narasi(self) -> None:
        baris = [
            _Baris(
                (b["bagian"], b.get("tahun") or 0),
                {
                    "perangkat_daerah": self.pd,
                    "bagian": b["bagian"],
                    "tahun": b.get("tahun") or 0,
                    "teks": b["teks"],
                    "sumber": _teks(b.get("sumber")) or "",
                },
            )
            for b in _list(self.data.get("narasi"))
        ]
        lama = {
            (o.bagian, o.tahun): o
            for o in NarasiPerangkatDaerah.objects.filter(perangkat_daerah=self.pd)
        }
        self.sinkron(NarasiPerangkatDaerah, lama, baris)

    def muat_tanda_tangan_laporan(self) -> None:
        lap = _dict(self.data.get("laporan"))
        if not lap.get("tanggal") or not lap.get("tahun"):
            return
        tanggal, hanya_bulan = _tanggal(lap["tanggal"])
        baris = [
            _Baris(
                lap["tahun"],
                {
                    "perangkat_daerah": self.pd,
                    "tahun": lap["tahun"],
                    "tempat": _teks(lap.get("tempat")) or "",
                    "tanggal": tanggal,
                    "tanggal_hanya_bulan": hanya_bulan,
                },
            )
        ]
        lama = {
            o.tahun: o
            for o in TandaTanganLaporan.objects.filter(perangkat_daerah=self.pd, tahun=lap["tahun"])
        }
        self.sinkron(TandaTanganLaporan, lama, baris)
