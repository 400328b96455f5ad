"""Writes of realisasi keuangan (budget realisation per sub-kegiatan and quarter).

The operator of the sub-kegiatan's unit enters the amount of a quarter while the quarter is
open (renstra.periode). The year's total (every quarter, plus a yearly figure if one was
recorded, whatever their state) may not exceed the pagu in force (perubahan, else murni).
The update is a compare-and-set on `versi`; every write is audited.

Workflow: the same states, transitions and rights as indicator realisations (the table and rules
live in common.workflow): the operator of the unit submits, the verifikator of the unit
verifies, the kepala approves, and a submitted/verified amount can be returned with a reason.
Only draft and returned amounts may be edited; only approved ones feed official reports
(anggaran.selectors.rekap_anggaran).

The agency's stated budget total of a year (AnggaranPerangkatDaerah, as the DPA states it) is
written by the PD's perencana or kepala (`anggaran_pd_simpan`, audited old → new); emptying
its three amounts deletes it.
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
from common.permissions import PERENCANA, PESAN_TIDAK_BERHAK
from common.workflow import (
    AJUKAN,
    KEMBALIKAN,
    PESAN_ALASAN_WAJIB,
    SETUJUI,
    VERIFIKASI,
    Transisi,
    akses_pengguna,
    boleh_transisi,
    pindah_status,
    wajib_peran_transisi,
    wajib_status,
)
from common.workflow import Status as StatusRealisasi
from renstra.models import PerangkatDaerah, PeriodeRenstra, SubKegiatan
from renstra.periode import wajib_terbuka
from renstra.selectors import renstra_aktif

from .models import AnggaranPerangkatDaerah, Pagu, RealisasiAnggaran

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
PESAN_TIDAK_DAPAT_DIUBAH = (
    "Realisasi anggaran berstatus {status} tidak dapat diubah. Hanya Draft atau Dikembalikan "
    "yang dapat diubah."
)
PESAN_JUMLAH_WAJIB = "Jumlah realisasi anggaran wajib diisi sebelum diajukan."

S = StatusRealisasi
STATUS_BISA_DIUBAH = (S.DRAFT, S.DIKEMBALIKAN)
KOLOM_AUDIT = ("jumlah", "status", "alasan_dikembalikan", "versi")

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
    from common.formatting import format_waktu

    if terkini is None:
        return PESAN_KONFLIK_ANGGARAN.format(waktu="baru saja", nilai="—")
    waktu = timezone.localtime(terkini.diubah)
    return PESAN_KONFLIK_ANGGARAN.format(
        waktu=format_waktu(waktu), nilai=format_rupiah(terkini.jumlah)
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

    `versi` is the version the form was opened with (0 for a new row). A new row starts as
    draft; an existing row may only be changed while draft or returned (its state is kept).
    """
    if triwulan not in (1, 2, 3, 4):
        raise ValidationError(PESAN_TRIWULAN)
    if jumlah is None or jumlah < 0:
        raise ValidationError({"jumlah": PESAN_NEGATIF})
    pd = sub_kegiatan.kegiatan.program.renstra.perangkat_daerah
    unit_id = unit_sub_kegiatan_id(pd, sub_kegiatan.pk)
    akses = akses_pengguna(user, pd)
    if not boleh_isi(akses, unit_id):
        raise PermissionDenied(PESAN_TIDAK_BERHAK)
    wajib_terbuka(pd=pd, tahun=tahun, triwulan=triwulan, unit_id=unit_id)

    with transaction.atomic():
        lama = RealisasiAnggaran.objects.filter(
            sub_kegiatan=sub_kegiatan, tahun=tahun, triwulan=triwulan
        ).first()
        if lama is not None:
            if lama.versi != versi:
                raise KonflikAnggaran(lama, _pesan_konflik(lama))
            _wajib_bisa_diubah(lama)
        elif versi:
            raise KonflikAnggaran(None, _pesan_konflik(None))
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
        if lama is None:
            baru = RealisasiAnggaran(
                sub_kegiatan=sub_kegiatan,
                tahun=tahun,
                triwulan=triwulan,
                jumlah=jumlah,
                diisi_oleh=user,
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
        sebelum = lama.jumlah
        lama.jumlah = jumlah
        lama.diisi_oleh = user
        lama.full_clean()
        diperbarui = RealisasiAnggaran.objects.filter(
            pk=lama.pk, versi=versi, status__in=STATUS_BISA_DIUBAH
        ).update(jumlah=jumlah, diisi_oleh=user, versi=F("versi") + 1, diubah=timezone.now())
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


def _wajib_bisa_diubah(realisasi: RealisasiAnggaran) -> None:
    if realisasi.status not in STATUS_BISA_DIUBAH:
        raise ValidationError(
            PESAN_TIDAK_DAPAT_DIUBAH.format(status=realisasi.get_status_display()),
            code="tidak_dapat_diubah",
        )


# --- Workflow (transition table and rights: common.workflow) ---------------------------------


def _muat(realisasi: RealisasiAnggaran) -> tuple[RealisasiAnggaran, object, int | None]:
    """A fresh copy of a sub-kegiatan row (its state may have moved since the caller read it),
    with its PD and responsible unit."""
    segar = RealisasiAnggaran.objects.select_related(
        "sub_kegiatan__kegiatan__program__renstra__perangkat_daerah"
    ).get(pk=realisasi.pk, sub_kegiatan__isnull=False)
    pd = segar.sub_kegiatan.kegiatan.program.renstra.perangkat_daerah
    unit_id = unit_sub_kegiatan_id(pd, segar.sub_kegiatan_id)
    return segar, pd, unit_id


def unit_sub_kegiatan_id(pd, sub_kegiatan_id: int) -> int | None:
    return sub_kegiatan_pd(pd).filter(pk=sub_kegiatan_id).values_list("unit_id", flat=True).first()


def _jalankan(
    *,
    realisasi: RealisasiAnggaran,
    transisi: Transisi,
    user,
    ubah: dict,
    keterangan: str = "",
    periksa=None,
) -> RealisasiAnggaran:
    with transaction.atomic():
        realisasi, pd, unit_id = _muat(realisasi)
        akses = akses_pengguna(user, pd)
        wajib_peran_transisi(akses, transisi, status=realisasi.status, unit_id=unit_id)
        wajib_status(realisasi, transisi)
        if periksa is not None:
            periksa(realisasi, pd, unit_id)
        return pindah_status(
            objek=realisasi,
            transisi=transisi,
            user=user,
            ubah=ubah,
            kolom_audit=KOLOM_AUDIT,
            prefiks_aksi="realisasi_anggaran",
            perangkat_daerah=pd,
            keterangan=keterangan,
        )


def _siap_ajukan(realisasi: RealisasiAnggaran, pd, unit_id: int | None) -> None:
    wajib_terbuka(pd=pd, tahun=realisasi.tahun, triwulan=realisasi.triwulan, unit_id=unit_id)
    if realisasi.jumlah is None:
        raise ValidationError(PESAN_JUMLAH_WAJIB, code="belum_siap")


def realisasi_anggaran_ajukan(*, realisasi: RealisasiAnggaran, user) -> RealisasiAnggaran:
    """Operator of the sub-kegiatan's unit submits a draft (or returned) amount while the
    quarter is open."""
    return _jalankan(
        realisasi=realisasi,
        transisi=AJUKAN,
        user=user,
        ubah={"diisi_oleh": user, "diverifikasi_oleh": None, "disetujui_oleh": None},
        periksa=_siap_ajukan,
    )


def realisasi_anggaran_verifikasi(*, realisasi: RealisasiAnggaran, user) -> RealisasiAnggaran:
    """Verifikator of the sub-kegiatan's unit verifies a submitted amount."""
    return _jalankan(
        realisasi=realisasi, transisi=VERIFIKASI, user=user, ubah={"diverifikasi_oleh": user}
    )


def realisasi_anggaran_setujui(*, realisasi: RealisasiAnggaran, user) -> RealisasiAnggaran:
    """Kepala approves a verified amount: from now on it feeds official reports."""
    return _jalankan(
        realisasi=realisasi, transisi=SETUJUI, user=user, ubah={"disetujui_oleh": user}
    )


def realisasi_anggaran_kembalikan(
    *, realisasi: RealisasiAnggaran, user, alasan: str
) -> RealisasiAnggaran:
    """Send an amount back to the operator with a (required) reason: the verifikator of the
    unit returns a submitted amount, the kepala a submitted or verified one."""
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": PESAN_ALASAN_WAJIB})
    return _jalankan(
        realisasi=realisasi,
        transisi=KEMBALIKAN,
        user=user,
        ubah={"alasan_dikembalikan": alasan, "diverifikasi_oleh": None, "disetujui_oleh": None},
        keterangan=alasan,
    )


@dataclass(frozen=True)
class AksiAlur:
    """Which workflow buttons the user sees for one row (no query)."""

    ajukan: bool
    verifikasi: bool
    setujui: bool
    kembalikan: bool

    @property
    def ada(self) -> bool:
        return self.ajukan or self.verifikasi or self.setujui or self.kembalikan


def aksi_alur(
    akses, realisasi: RealisasiAnggaran | None, unit_id: int | None, *, terbuka: bool
) -> AksiAlur:
    status = realisasi.status if realisasi is not None else None
    return AksiAlur(
        ajukan=terbuka
        and realisasi is not None
        and realisasi.jumlah is not None
        and boleh_transisi(akses, AJUKAN, status=status, unit_id=unit_id),
        verifikasi=boleh_transisi(akses, VERIFIKASI, status=status, unit_id=unit_id),
        setujui=boleh_transisi(akses, SETUJUI, status=status, unit_id=unit_id),
        kembalikan=boleh_transisi(akses, KEMBALIKAN, status=status, unit_id=unit_id),
    )


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


# --- The agency's stated budget total (AnggaranPerangkatDaerah) ------------------------------

LABEL_ANGGARAN_PD = {
    "pagu_murni": "Pagu murni",
    "pagu": "Pagu berlaku",
    "realisasi": "Realisasi",
}
KOLOM_ANGGARAN_PD = ("pagu_murni", "pagu", "realisasi", "sumber")
PESAN_PD_NEGATIF = "{label} tidak boleh negatif."
PESAN_PD_LUAR_RENSTRA = (
    "Tahun {tahun} berada di luar periode Renstra perangkat daerah ini ({periode}); anggaran "
    "perangkat daerah hanya dapat diisi untuk tahun dalam periode Renstra."
)
PESAN_PD_TANPA_RENSTRA = "belum ada Renstra"
PESAN_PD_MURNI_TANPA_PAGU = (
    "Pagu berlaku wajib diisi bila pagu murni diisi: isikan pagu perubahan, atau pagu murni "
    "yang sama bila tidak ada perubahan."
)
PESAN_PD_BENTROK = (
    "Anggaran perangkat daerah tahun ini baru saja disimpan oleh pengguna lain; muat ulang "
    "halaman dan periksa angkanya sebelum menyimpan lagi."
)
PESAN_PD_REALISASI_MELEBIHI = (
    "Realisasi {realisasi} melebihi pagu berlaku {pagu}. Periksa kembali angka dari DPA."
)


def _normal(nilai):
    """An amount without trailing zeros (the column keeps 4 places, the form 2): 1,50 and
    1,5000 compare and audit alike."""
    return nilai.normalize() if isinstance(nilai, Decimal) else nilai


def periode_renstra(pd: PerangkatDaerah) -> str:
    """The PD's Renstra periods as text ("2022–2026"), for the refusal message. 1 query."""
    periode = [
        f"{awal}–{akhir}"
        for awal, akhir in PeriodeRenstra.objects.filter(perangkat_daerah=pd)
        .order_by("tahun_awal")
        .values_list("tahun_awal", "tahun_akhir")
    ]
    return ", ".join(periode) or PESAN_PD_TANPA_RENSTRA


def anggaran_pd_simpan(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    pagu_murni: Decimal | None,
    pagu: Decimal | None,
    realisasi: Decimal | None,
    sumber: str,
    user,
) -> AnggaranPerangkatDaerah | None:
    """Create, update or delete the PD's stated budget total of `tahun` (perencana or kepala).

    Rules (bad input raises ValidationError and changes nothing):
    - no amount may be negative;
    - `tahun` must lie in one of the PD's Renstra periods;
    - a pagu murni needs a pagu berlaku (the pagu in force is never guessed from murni);
    - a realisasi without a pagu is allowed (the LKjIP then prints the stated realisasi and
      keeps the program tree's pagu as the headline pagu, as for an imported total), but a
      realisasi above a stated pagu is refused;
    - all three amounts empty: the row is deleted (whatever `sumber` says); returns None.
    An unchanged row is not written again and no audit entry is made. Every create, update
    and delete is audited with the old and new values.
    """
    akses_pengguna(user, pd).wajib(*PERENCANA)
    sumber = (sumber or "").strip()
    nilai = {"pagu_murni": pagu_murni, "pagu": pagu, "realisasi": realisasi}
    galat = {
        k: PESAN_PD_NEGATIF.format(label=LABEL_ANGGARAN_PD[k])
        for k, v in nilai.items()
        if v is not None and v < 0
    }
    if galat:
        raise ValidationError(galat)
    if renstra_aktif(pd=pd, tahun=tahun) is None:
        raise ValidationError(
            PESAN_PD_LUAR_RENSTRA.format(tahun=tahun, periode=periode_renstra(pd)),
            code="luar_renstra",
        )
    if pagu_murni is not None and pagu is None:
        raise ValidationError({"pagu": PESAN_PD_MURNI_TANPA_PAGU})
    if pagu is not None and realisasi is not None and realisasi > pagu:
        raise ValidationError(
            {
                "realisasi": PESAN_PD_REALISASI_MELEBIHI.format(
                    realisasi=format_rupiah(realisasi), pagu=format_rupiah(pagu)
                )
            }
        )

    with transaction.atomic():
        lama = (
            AnggaranPerangkatDaerah.objects.select_for_update()
            .filter(perangkat_daerah=pd, tahun=tahun)
            .first()
        )
        sebelum = (
            {k: _normal(getattr(lama, k)) for k in KOLOM_ANGGARAN_PD} if lama is not None else {}
        )
        if all(v is None for v in nilai.values()):
            if lama is None:
                return None
            audit.catat(
                pengguna=user,
                aksi="anggaran_pd.hapus",
                objek=lama,
                perangkat_daerah=pd,
                perubahan=audit.selisih(sebelum, {}),
            )
            lama.delete()
            return None
        sesudah = {**{k: _normal(v) for k, v in nilai.items()}, "sumber": sumber}
        perubahan = audit.selisih(sebelum, sesudah)
        if lama is not None and not perubahan:
            return lama
        obj = lama or AnggaranPerangkatDaerah(perangkat_daerah=pd, tahun=tahun)
        for kunci, v in sesudah.items():
            setattr(obj, kunci, v)
        obj.full_clean()
        try:
            with transaction.atomic():
                obj.save()
        except IntegrityError:
            # Another user created the year's row in the meantime: nothing is written.
            raise ValidationError(PESAN_PD_BENTROK) from None
        audit.catat(
            pengguna=user,
            aksi="anggaran_pd.ubah" if lama is not None else "anggaran_pd.buat",
            objek=obj,
            perangkat_daerah=pd,
            perubahan=perubahan,
        )
        return obj
