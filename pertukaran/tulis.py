"""Writing: a validated `sakip-dataset/1` document into the database, all or nothing.

`tulis(data)` upserts every object on its natural key inside one transaction (rolled back
when `dry_run`) and writes an audit entry per created, updated or deleted object plus one
summary entry (`AKSI_MUAT`). Writing the same document twice changes nothing the second
time. The document must have passed `skema.validasi`: the writer checks nothing itself.

The sections are written by `tulis_rencana` (the plan) and `tulis_kinerja` (the yearly
figures) on the upsert engine of `sinkron`, in the order of `_Pemuat.jalankan`.
"""

from __future__ import annotations

from django.db import transaction

from common.audit import catat, catat_banyak

from .sinkron import AKSI_MUAT, HasilMuat
from .tercetak import muat_tercetak
from .tulis_kinerja import _PemuatKinerja
from .tulis_narasi import _PemuatNarasi
from .tulis_rencana import _PemuatRencana


class _Pemuat(_PemuatRencana, _PemuatKinerja, _PemuatNarasi):
    """Writes a validated dataset; every model is read once and written in bulk."""

    def jalankan(self) -> None:
        self.muat_pemda()
        self.muat_perangkat_daerah()
        self.muat_unit()
        self.muat_pejabat()
        self.muat_rpjmd()
        self.muat_renstra()
        self.muat_tujuan_sasaran()
        self.muat_program()
        self.muat_indikator()
        self.muat_target()
        self.muat_rencana_aksi()
        self.muat_realisasi()
        self.muat_anggaran()
        self.muat_perjanjian()
        self.muat_belanja_evaluasi()
        self.muat_sumber_daya()
        self.muat_narasi()
        self.muat_tanda_tangan_laporan()
        muat_tercetak(self)
        self.tulis_audit()

    def tulis_audit(self) -> None:
        for entri in self.audit:
            entri["pengguna"] = self.pengguna
            entri["perangkat_daerah"] = self.pd
        catat_banyak(self.audit)
        sumber = self.data.get("sumber")
        catat(
            pengguna=self.pengguna,
            aksi=AKSI_MUAT,
            objek=self.pd,
            perangkat_daerah=self.pd,
            perubahan={
                "dibuat": dict(self.hasil.dibuat),
                "diperbarui": dict(self.hasil.diperbarui),
                "dihapus": dict(self.hasil.dihapus),
            },
            keterangan=(f"Sumber: {sumber}\n" if isinstance(sumber, str) else "")
            + self.hasil.ringkasan(),
        )


def tulis(data: dict, *, pengguna=None, dry_run: bool = False) -> HasilMuat:
    """Upsert the validated `data` in one transaction (rolled back when `dry_run`)."""
    hasil = HasilMuat(dry_run=dry_run)
    with transaction.atomic():
        _Pemuat(data, pengguna=pengguna, hasil=hasil).jalankan()
        if dry_run:
            transaction.set_rollback(True)
    return hasil
