"""Writes of realisasi keuangan (budget realisation per sub-kegiatan and quarter).

The operator of the sub-kegiatan's unit enters the amount of a quarter while the quarter is
open (kinerja.periode). The year's total (every quarter, plus a yearly figure if one was
recorded) may not exceed the pagu in force (perubahan, else murni). The update is a
compare-and-set on `versi`; every write is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from common import audit
from common.formatting import format_rupiah
from common.models import Peran
from common.permissions import PESAN_TIDAK_BERHAK
from kinerja.periode import wajib_terbuka
from kinerja.services import akses_pengguna
from renstra.models import SubKegiatan

from .models import Pagu, RealisasiAnggaran

PESAN_MELEBIHI_PAGU = (
    "Total realisasi tahun {tahun} menjadi {total}, melebihi pagu {pagu}. "
    "Periksa kembali jumlah yang diisi."
)
PESAN_PAGU_BELUM_ADA = (
    "Pagu sub-kegiatan ini untuk tahun {tahun} belum ditetapkan; realisasi belum dapat diisi. "
    "Hubungi perencana."
)
PESAN_KONFLIK_ANGGARAN = (
    "Data ini baru saja diubah oleh pengguna lain ({waktu}). Jumlah tersimpan saat ini: {nilai}. "
    "Perubahan Anda belum disimpan."
)
PESAN_NEGATIF = "Jumlah realisasi tidak boleh negatif."
PESAN_TRIWULAN = "Triwulan harus 1 sampai 4."

UNIT_SUB_KEGIATAN = Coalesce(
    "unit_kerja_id", "kegiatan__unit_kerja_id", "kegiatan__program__unit_kerja_id"
)
"""The unit responsible for a sub-kegiatan: its own, else its kegiatan's, else its program's."""


class KonflikAnggaran(Exception):
    def __init__(self, terkini: RealisasiAnggaran | None, pesan: str):
        super().__init__(pesan)
        self.terkini = terkini
        self.pesan = pesan


def sub_kegiatan_pd(pd) -> QuerySet[SubKegiatan]:
    """The PD's sub-kegiatan annotated with their responsible `unit_id`."""
    return SubKegiatan.objects.filter(kegiatan__program__renstra__perangkat_daerah=pd).annotate(
        unit_id=UNIT_SUB_KEGIATAN
    )


def boleh_isi(akses, unit_id: int | None) -> bool:
    return akses.boleh_unit(unit_id, Peran.OPERATOR)


def _pesan_konflik(terkini: RealisasiAnggaran | None) -> str:
    from common.formatting import format_tanggal

    if terkini is None:
        return PESAN_KONFLIK_ANGGARAN.format(waktu="baru saja", nilai="—")
    waktu = timezone.localtime(terkini.diubah)
    return PESAN_KONFLIK_ANGGARAN.format(
        waktu=f"{format_tanggal(waktu)} {waktu:%H.%M}", nilai=format_rupiah(terkini.jumlah)
    )


def realisasi_anggaran_simpan(
    *,
    sub_kegiatan: SubKegiatan,
    tahun: int,
    triwulan: int,
    jumlah: Decimal,
    versi: int,
    user,
) -> RealisasiAnggaran:
    """Record the realisasi keuangan of one quarter; refuses a year total above the pagu.

    `versi` is the version the form was opened with (0 for a new row).
    """
    if triwulan not in (1, 2, 3, 4):
        raise ValidationError(PESAN_TRIWULAN)
    if jumlah is None or jumlah < 0:
        raise ValidationError({"jumlah": PESAN_NEGATIF})
    pd = sub_kegiatan.kegiatan.program.renstra.perangkat_daerah
    unit_id = (
        sub_kegiatan_pd(pd).filter(pk=sub_kegiatan.pk).values_list("unit_id", flat=True).first()
    )
    akses = akses_pengguna(user, pd)
    if not boleh_isi(akses, unit_id):
        raise PermissionDenied(PESAN_TIDAK_BERHAK)
    wajib_terbuka(pd=pd, tahun=tahun, triwulan=triwulan, unit_id=unit_id)

    with transaction.atomic():
        pagu = Pagu.objects.filter(sub_kegiatan=sub_kegiatan, tahun=tahun).first()
        if pagu is None or pagu.berlaku is None:
            raise ValidationError(PESAN_PAGU_BELUM_ADA.format(tahun=tahun))
        lain = RealisasiAnggaran.objects.filter(sub_kegiatan=sub_kegiatan, tahun=tahun).exclude(
            triwulan=triwulan
        ).aggregate(s=Sum("jumlah"))["s"] or Decimal(0)
        total = lain + jumlah
        if total > pagu.berlaku:
            raise ValidationError(
                {
                    "jumlah": PESAN_MELEBIHI_PAGU.format(
                        tahun=tahun, total=format_rupiah(total), pagu=format_rupiah(pagu.berlaku)
                    )
                }
            )
        lama = RealisasiAnggaran.objects.filter(
            sub_kegiatan=sub_kegiatan, tahun=tahun, triwulan=triwulan
        ).first()
        if lama is None:
            if versi:
                raise KonflikAnggaran(None, _pesan_konflik(None))
            baru = RealisasiAnggaran(
                sub_kegiatan=sub_kegiatan, tahun=tahun, triwulan=triwulan, jumlah=jumlah
            )
            baru.full_clean()
            try:
                with transaction.atomic():
                    baru.save()
            except IntegrityError:
                terkini = RealisasiAnggaran.objects.filter(
                    sub_kegiatan=sub_kegiatan, tahun=tahun, triwulan=triwulan
                ).first()
                raise KonflikAnggaran(terkini, _pesan_konflik(terkini)) from None
            audit.catat(
                pengguna=user,
                aksi="realisasi_anggaran.buat",
                objek=baru,
                perangkat_daerah=pd,
                perubahan=audit.selisih({}, {"jumlah": jumlah}),
            )
            return baru
        if lama.versi != versi:
            raise KonflikAnggaran(lama, _pesan_konflik(lama))
        sebelum = lama.jumlah
        lama.jumlah = jumlah
        lama.full_clean()
        diperbarui = RealisasiAnggaran.objects.filter(pk=lama.pk, versi=versi).update(
            jumlah=jumlah, versi=F("versi") + 1, diubah=timezone.now()
        )
        if diperbarui != 1:
            terkini = RealisasiAnggaran.objects.get(pk=lama.pk)
            raise KonflikAnggaran(terkini, _pesan_konflik(terkini))
        lama.refresh_from_db()
        audit.catat(
            pengguna=user,
            aksi="realisasi_anggaran.ubah",
            objek=lama,
            perangkat_daerah=pd,
            perubahan=audit.selisih({"jumlah": sebelum}, {"jumlah": jumlah}),
        )
        return lama


# --- Reads for the entry screens (sums and the one percentage; no averaging) -----------------


@dataclass(frozen=True)
class BarisAnggaran:
    sub_kegiatan: SubKegiatan
    pagu: Decimal | None
    realisasi_triwulan: RealisasiAnggaran | None
    kumulatif: Decimal | None
    total_tahun: Decimal | None

    @property
    def persen(self) -> Decimal | None:
        """Cumulative realisasi s.d. TW n / pagu × 100 (unrounded; None without a pagu)."""
        return persen_serapan(self.kumulatif, self.pagu)


def persen_serapan(realisasi: Decimal | None, pagu: Decimal | None) -> Decimal | None:
    if realisasi is None or not pagu:
        return None
    return realisasi * 100 / pagu


def baris_anggaran(
    *, sub_kegiatan_qs: QuerySet[SubKegiatan], tahun: int, triwulan: int
) -> list[BarisAnggaran]:
    """Pagu in force, this quarter's row, cumulative s.d. TW n and the year's total for each
    sub-kegiatan (three queries)."""
    subs = list(sub_kegiatan_qs)
    ids = [s.pk for s in subs]
    pagu = {
        p.sub_kegiatan_id: p.berlaku
        for p in Pagu.objects.filter(sub_kegiatan_id__in=ids, tahun=tahun)
    }
    per_sub: dict[int, list[RealisasiAnggaran]] = {}
    for r in RealisasiAnggaran.objects.filter(sub_kegiatan_id__in=ids, tahun=tahun):
        per_sub.setdefault(r.sub_kegiatan_id, []).append(r)
    hasil = []
    for s in subs:
        daftar = per_sub.get(s.pk, [])
        sd = [r.jumlah for r in daftar if 1 <= r.triwulan <= triwulan and r.jumlah is not None]
        semua = [r.jumlah for r in daftar if r.jumlah is not None]
        hasil.append(
            BarisAnggaran(
                sub_kegiatan=s,
                pagu=pagu.get(s.pk),
                realisasi_triwulan=next((r for r in daftar if r.triwulan == triwulan), None),
                kumulatif=sum(sd, Decimal(0)) if sd else None,
                total_tahun=sum(semua, Decimal(0)) if semua else None,
            )
        )
    return hasil
