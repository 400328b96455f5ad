"""Writes of quarterly realisations: entry, evidence, workflow, reopen requests.

Every function is keyword-only, checks the user's right *here* (hidden buttons are not a
control), validates (`full_clean`), writes inside `transaction.atomic` and records the audit
log. Errors are `ValidationError` (bad data, locked quarter, wrong state), `PermissionDenied`
(missing right) or `KonflikSuntingan` (someone else saved first).

Workflow (DOMAIN.md §8):
    draft / dikembalikan --ajukan (operator of the unit)--> diajukan
    diajukan --verifikasi (verifikator of the unit)--> diverifikasi
    diverifikasi --setujui (kepala)--> disetujui
    diajukan --kembalikan (verifikator of the unit, kepala)--> dikembalikan (reason required)
    diverifikasi --kembalikan (kepala)--> dikembalikan
Only draft and dikembalikan entries may be edited, and only while the quarter is open.

The bottom of the module holds the engine calls the entry screens show (target in force,
value up to TW n, capaian and category); they never compute anything the engine does not.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from common import audit
from common.formatting import bulatkan, teks_nilai
from common.models import Peran
from common.workflow import (
    AJUKAN,
    KEMBALIKAN,
    PESAN_ALASAN_WAJIB,
    SETUJUI,
    VERIFIKASI,
    Transisi,
    _wajib,
    akses_pengguna,
    boleh_isi,
    boleh_putus_pembukaan,
    boleh_setujui,
    boleh_verifikasi,
    pindah_status,
    wajib_peran_transisi,
    wajib_status,
)
from renstra.models import (
    Indikator,
    JendelaPengisian,
    JenisNilai,
    JenisTarget,
    PembukaanKembali,
    PerangkatDaerah,
    UnitKerja,
)
from renstra.periode import wajib_terbuka
from renstra.selectors import (  # noqa: F401  (the entry screens' scope helpers)
    filter_unit,
    indikator_dengan_unit,
    unit_indikator_id,
)

from . import capaian as mesin
from .bukti import PESAN_BUKTI_KOSONG, periksa_berkas, periksa_tautan
from .models import Bukti, Realisasi, StatusRealisasi

S = StatusRealisasi

PESAN_KONFLIK = (
    "Data ini baru saja diubah oleh {oleh} ({waktu}). Nilai tersimpan saat ini: {nilai}. "
    "Perubahan Anda belum disimpan; periksa nilai di atas lalu simpan lagi bila perlu."
)
PESAN_TIDAK_DAPAT_DIUBAH = (
    "Realisasi berstatus {status} tidak dapat diubah. Hanya Draft atau Dikembalikan yang dapat "
    "diubah."
)
PESAN_NILAI_WAJIB = "Nilai realisasi wajib diisi sebelum diajukan."
PESAN_NILAI_KOSONG = "Nilai realisasi wajib diisi."
PESAN_NILAI_NEGATIF = "Nilai realisasi tidak boleh negatif."
PESAN_BUKTI_WAJIB = "Lampirkan minimal satu bukti dukung (berkas atau tautan) sebelum diajukan."
PESAN_PENJELASAN_WAJIB = (
    "Capaian {capaian} di luar rentang wajar (di bawah 10% atau di atas 150%, atau target 0 "
    "tidak tercapai): isi penjelasan capaian sebelum diajukan."
)
PESAN_PEMBILANG_PENYEBUT_WAJIB = "Isi pembilang dan penyebut; nilai dihitung dari keduanya."
PESAN_PENYEBUT_NOL = "Penyebut tidak boleh 0."
PESAN_LEBIH_DARI_100 = (
    "Indikator ini adalah persentase dari keseluruhan: realisasi tidak boleh lebih dari 100."
)
PESAN_PREDIKAT_TIDAK_DIKENAL = "Predikat harus salah satu dari AA, A, BB, B, CC, C, D."
PESAN_TRIWULAN = "Triwulan harus 1 sampai 4."
PESAN_ALASAN_PEMBUKAAN_WAJIB = "Alasan pembukaan kembali wajib diisi."
PESAN_PEMBUKAAN_SUDAH_DIPUTUS = "Permintaan ini sudah diputus."
PESAN_BERLAKU_SAMPAI = "Batas berlaku harus setelah saat ini dan paling lama 30 hari."
PESAN_SETUJUI_SENDIRI = "Permintaan pembukaan tidak dapat disetujui oleh pemintanya sendiri."
PESAN_PEMBUKAAN_MASIH_TERBUKA = "Periode ini masih terbuka; pembukaan kembali tidak diperlukan."
PESAN_JENDELA_TERBALIK = "Tanggal ditutup harus sama dengan atau setelah tanggal dibuka."

BATAS_BAWAH_WAJAR = Decimal(10)
BATAS_ATAS_WAJAR = Decimal(150)
MAKS_HARI_PEMBUKAAN = 30

# Fields an operator edits on the realisasi form.
KOLOM_ISIAN = (
    "nilai",
    "predikat",
    "pembilang",
    "penyebut",
    "faktor_pendorong",
    "faktor_penghambat",
    "tindak_lanjut",
    "penjelasan",
)
KOLOM_AUDIT = (*KOLOM_ISIAN, "status", "alasan_dikembalikan", "versi")


class KonflikSuntingan(Exception):
    """The record changed since the form was opened; `terkini` is what is stored now."""

    def __init__(self, terkini: Realisasi | None, pesan: str):
        super().__init__(pesan)
        self.terkini = terkini
        self.pesan = pesan


# --- Scope helpers ---------------------------------------------------------------------------


def _nama(user) -> str:
    if user is None:
        return "pengguna lain"
    return user.get_full_name() or user.get_username()


def _teks_nilai(r: Realisasi | None) -> str:
    from common.formatting import format_angka

    if r is None:
        return "—"
    if r.predikat:
        return r.predikat
    return format_angka(r.nilai, 4).rstrip("0").rstrip(",") if r.nilai is not None else "—"


def _pesan_konflik(terkini: Realisasi | None) -> str:
    from common.formatting import format_waktu

    if terkini is None:
        return PESAN_KONFLIK.format(oleh="pengguna lain", waktu="baru saja", nilai="—")
    waktu = timezone.localtime(terkini.diubah)
    return PESAN_KONFLIK.format(
        oleh=_nama(terkini.diisi_oleh),
        waktu=format_waktu(waktu),
        nilai=_teks_nilai(terkini),
    )


# --- Entry -----------------------------------------------------------------------------------


def hitung_nilai_rasio(pembilang: Decimal, penyebut: Decimal) -> Decimal:
    """pembilang / penyebut × 100, kept to the 4 places the database stores (ROUND_HALF_UP)."""
    if penyebut == 0:
        raise ValidationError({"penyebut": PESAN_PENYEBUT_NOL})
    return bulatkan(pembilang * 100 / penyebut, 4)


def _pakai_rasio(indikator: Indikator) -> bool:
    return bool(indikator.label_pembilang and indikator.label_penyebut)


def _normalisasi_isian(indikator: Indikator, data: dict[str, Any]) -> dict[str, Any]:
    """The stored values from the form's cleaned data: computes the ratio, checks predikat."""
    isian = {k: data.get(k) for k in KOLOM_ISIAN}
    for teks in (
        "predikat",
        "faktor_pendorong",
        "faktor_penghambat",
        "tindak_lanjut",
        "penjelasan",
    ):
        isian[teks] = (isian[teks] or "").strip()
    if _pakai_rasio(indikator):
        if isian["pembilang"] is None or isian["penyebut"] is None:
            raise ValidationError({"pembilang": PESAN_PEMBILANG_PENYEBUT_WAJIB})
        isian["nilai"] = hitung_nilai_rasio(isian["pembilang"], isian["penyebut"])
    else:
        isian["pembilang"] = isian["penyebut"] = None
    if indikator.jenis_nilai == JenisNilai.PREDIKAT and isian["predikat"]:
        isian["predikat"] = isian["predikat"].upper()
        if isian["predikat"] not in mesin.PREDIKAT:
            raise ValidationError({"predikat": PESAN_PREDIKAT_TIDAK_DIKENAL})
    elif indikator.jenis_nilai != JenisNilai.PREDIKAT:
        isian["predikat"] = ""
    if indikator.persen_dari_keseluruhan and isian["nilai"] is not None and isian["nilai"] > 100:
        raise ValidationError({"nilai": PESAN_LEBIH_DARI_100})
    return isian


def _tersimpan(*, indikator: Indikator, tahun: int, triwulan: int) -> Realisasi | None:
    """The stored realisasi of (indikator, tahun, triwulan), or None (read committed data)."""
    return (
        Realisasi.objects.select_related("diisi_oleh")
        .filter(indikator=indikator, tahun=tahun, triwulan=triwulan)
        .first()
    )


def realisasi_simpan(
    *,
    indikator: Indikator,
    tahun: int,
    triwulan: int,
    data: dict[str, Any],
    versi: int,
    user,
) -> Realisasi:
    """Create or update the realisasi of (`indikator`, `tahun`, `triwulan`).

    `versi` is the version the form was opened with (0 for a new entry). The update is a
    compare-and-set on `versi`: when another user saved in between, `KonflikSuntingan` is
    raised with the stored record and nothing is written.
    """
    if triwulan not in (1, 2, 3, 4):
        raise ValidationError(PESAN_TRIWULAN)
    pd = indikator.perangkat_daerah
    akses = akses_pengguna(user, pd)
    unit_id = unit_indikator_id(indikator)
    _wajib(boleh_isi(akses, unit_id))
    wajib_terbuka(pd=pd, tahun=tahun, triwulan=triwulan, unit_id=unit_id)
    isian = _normalisasi_isian(indikator, data)

    with transaction.atomic():
        lama = _tersimpan(indikator=indikator, tahun=tahun, triwulan=triwulan)
        if lama is None:
            if versi:
                raise KonflikSuntingan(None, _pesan_konflik(None))
            baru = Realisasi(
                indikator=indikator, tahun=tahun, triwulan=triwulan, diisi_oleh=user, **isian
            )
            # A concurrent first save may have inserted the row since the lookup above. The
            # unique key (kinerja_realisasi_unik) is therefore left to the database, whose
            # violation is a conflict like a stale form; checked here it would surface as
            # Django's unique-together form error with status 200.
            baru.full_clean(validate_constraints=False)
            baru.validate_constraints(exclude={"indikator"})
            try:
                with transaction.atomic():
                    baru.save()
            except IntegrityError:
                terkini = _tersimpan(indikator=indikator, tahun=tahun, triwulan=triwulan)
                raise KonflikSuntingan(terkini, _pesan_konflik(terkini)) from None
            audit.catat(
                pengguna=user,
                aksi="realisasi.buat",
                objek=baru,
                perangkat_daerah=pd,
                perubahan=audit.selisih(
                    {},
                    {
                        k: v
                        for k, v in audit.snapshot(baru, KOLOM_AUDIT).items()
                        if v not in (None, "")
                    },
                ),
            )
            return baru

        if lama.versi != versi:
            raise KonflikSuntingan(lama, _pesan_konflik(lama))
        if lama.status not in (S.DRAFT, S.DIKEMBALIKAN):
            raise ValidationError(PESAN_TIDAK_DAPAT_DIUBAH.format(status=lama.get_status_display()))
        sebelum = audit.snapshot(lama, KOLOM_AUDIT)
        for kunci, nilai in isian.items():
            setattr(lama, kunci, nilai)
        lama.diisi_oleh = user
        lama.full_clean()
        diperbarui = Realisasi.objects.filter(pk=lama.pk, versi=versi).update(
            **isian, diisi_oleh=user, versi=F("versi") + 1, diubah=timezone.now()
        )
        if diperbarui != 1:
            terkini = Realisasi.objects.select_related("diisi_oleh").get(pk=lama.pk)
            raise KonflikSuntingan(terkini, _pesan_konflik(terkini))
        lama.refresh_from_db()
        audit.catat(
            pengguna=user,
            aksi="realisasi.ubah",
            objek=lama,
            perangkat_daerah=pd,
            perubahan=audit.selisih(sebelum, audit.snapshot(lama, KOLOM_AUDIT)),
        )
        return lama


# --- Workflow (states, transitions and rights: common.workflow) ------------------------------


def _pindah(
    *, realisasi: Realisasi, transisi: Transisi, user, ubah: dict[str, Any], keterangan: str = ""
) -> Realisasi:
    """Move `realisasi` to `transisi.tujuan` with a compare-and-set on its version."""
    return pindah_status(
        objek=realisasi,
        transisi=transisi,
        user=user,
        ubah=ubah,
        kolom_audit=KOLOM_AUDIT,
        prefiks_aksi="realisasi",
        perangkat_daerah=realisasi.indikator.perangkat_daerah,
        keterangan=keterangan,
    )


def _muat(realisasi: Realisasi) -> tuple[Realisasi, Indikator]:
    """A fresh copy of the record (state may have moved since the caller read it)."""
    segar = Realisasi.objects.select_related("indikator__perangkat_daerah").get(pk=realisasi.pk)
    indikator = indikator_dengan_unit(Indikator.objects.filter(pk=segar.indikator_id)).get()
    segar.indikator = indikator
    return segar, indikator


def periksa_siap_ajukan(realisasi: Realisasi, indikator: Indikator) -> list[str]:
    """Problems that block submission (Indonesian sentences); empty when it may go."""
    masalah = []
    if realisasi.nilai is None and not realisasi.predikat:
        masalah.append(PESAN_NILAI_WAJIB)
        return masalah
    if not realisasi.bukti.exists():
        masalah.append(PESAN_BUKTI_WAJIB)
    ringkas = ringkasan_realisasi(
        indikator=indikator, tahun=realisasi.tahun, triwulan=realisasi.triwulan
    )
    hasil = ringkas.hasil
    if (
        hasil.nilai is not None
        and not realisasi.penjelasan
        and (
            hasil.perlu_penjelasan
            or bulatkan(hasil.nilai, 2) < BATAS_BAWAH_WAJAR
            or bulatkan(hasil.nilai, 2) > BATAS_ATAS_WAJAR
        )
    ):
        from common.formatting import format_persen

        masalah.append(PESAN_PENJELASAN_WAJIB.format(capaian=format_persen(hasil.nilai)))
    return masalah


def realisasi_ajukan(*, realisasi: Realisasi, user) -> Realisasi:
    """Operator of the indicator's unit submits a draft (or returned) entry."""
    with transaction.atomic():
        realisasi, indikator = _muat(realisasi)
        akses = akses_pengguna(user, indikator.perangkat_daerah)
        _wajib(boleh_isi(akses, indikator.unit_id))
        wajib_status(realisasi, AJUKAN)
        wajib_terbuka(
            pd=indikator.perangkat_daerah,
            tahun=realisasi.tahun,
            triwulan=realisasi.triwulan,
            unit_id=indikator.unit_id,
        )
        masalah = periksa_siap_ajukan(realisasi, indikator)
        if masalah:
            raise ValidationError(masalah, code="belum_siap")
        return _pindah(
            realisasi=realisasi,
            transisi=AJUKAN,
            user=user,
            ubah={"diisi_oleh": user, "diverifikasi_oleh": None, "disetujui_oleh": None},
        )


def realisasi_verifikasi(*, realisasi: Realisasi, user) -> Realisasi:
    """Verifikator (head) of the indicator's unit verifies a submitted entry."""
    with transaction.atomic():
        realisasi, indikator = _muat(realisasi)
        akses = akses_pengguna(user, indikator.perangkat_daerah)
        _wajib(boleh_verifikasi(akses, indikator.unit_id))
        wajib_status(realisasi, VERIFIKASI)
        return _pindah(
            realisasi=realisasi, transisi=VERIFIKASI, user=user, ubah={"diverifikasi_oleh": user}
        )


def realisasi_setujui(*, realisasi: Realisasi, user) -> Realisasi:
    """Kepala approves a verified entry: from now on it feeds official reports."""
    with transaction.atomic():
        realisasi, indikator = _muat(realisasi)
        akses = akses_pengguna(user, indikator.perangkat_daerah)
        _wajib(boleh_setujui(akses))
        wajib_status(realisasi, SETUJUI)
        return _pindah(
            realisasi=realisasi, transisi=SETUJUI, user=user, ubah={"disetujui_oleh": user}
        )


def realisasi_kembalikan(*, realisasi: Realisasi, user, alasan: str) -> Realisasi:
    """Send an entry back to the operator with a reason.

    The verifikator of the unit returns a submitted entry; the kepala returns a submitted or
    verified one.
    """
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": PESAN_ALASAN_WAJIB})
    with transaction.atomic():
        realisasi, indikator = _muat(realisasi)
        akses = akses_pengguna(user, indikator.perangkat_daerah)
        wajib_peran_transisi(akses, KEMBALIKAN, status=realisasi.status, unit_id=indikator.unit_id)
        wajib_status(realisasi, KEMBALIKAN)
        return _pindah(
            realisasi=realisasi,
            transisi=KEMBALIKAN,
            user=user,
            ubah={"alasan_dikembalikan": alasan, "diverifikasi_oleh": None, "disetujui_oleh": None},
            keterangan=alasan,
        )


@dataclass
class HasilMassal:
    diajukan: list[Realisasi] = field(default_factory=list)
    gagal: list[tuple[Realisasi, str]] = field(default_factory=list)


def realisasi_ajukan_massal(
    *, pd: PerangkatDaerah, unit_kerja: UnitKerja | None, tahun: int, triwulan: int, user
) -> HasilMassal:
    """Submit every draft/returned entry of a unit's quarter that is ready; report the rest.

    Each entry is submitted on its own (one failing entry does not hold back the others).
    """
    akses = akses_pengguna(user, pd)
    unit_id = unit_kerja.pk if unit_kerja is not None else None
    _wajib(boleh_isi(akses, unit_id))
    wajib_terbuka(pd=pd, tahun=tahun, triwulan=triwulan, unit_id=unit_id)
    indikator = indikator_dengan_unit(Indikator.objects.for_pd(pd))
    indikator = indikator.filter(unit_id=unit_id) if unit_id else indikator
    calon = Realisasi.objects.filter(
        indikator__in=indikator.values("pk"),
        tahun=tahun,
        triwulan=triwulan,
        status__in=AJUKAN.asal,
    ).select_related("indikator")
    hasil = HasilMassal()
    for r in calon:
        try:
            hasil.diajukan.append(realisasi_ajukan(realisasi=r, user=user))
        except (ValidationError, PermissionDenied) as exc:
            pesan = "; ".join(getattr(exc, "messages", [str(exc)]))
            hasil.gagal.append((r, pesan))
    return hasil


# --- Evidence --------------------------------------------------------------------------------


def _wajib_bisa_diubah(realisasi: Realisasi, indikator: Indikator, user) -> None:
    akses = akses_pengguna(user, indikator.perangkat_daerah)
    _wajib(boleh_isi(akses, unit_indikator_id(indikator)))
    if realisasi.status not in (S.DRAFT, S.DIKEMBALIKAN):
        raise ValidationError(
            PESAN_TIDAK_DAPAT_DIUBAH.format(status=realisasi.get_status_display())
        )
    wajib_terbuka(
        pd=indikator.perangkat_daerah,
        tahun=realisasi.tahun,
        triwulan=realisasi.triwulan,
        unit_id=unit_indikator_id(indikator),
    )


def bukti_tambah(
    *, realisasi: Realisasi, user, berkas=None, tautan: str = "", keterangan: str = ""
) -> Bukti:
    """Attach an evidence file (checked by content, stored under a uuid name) or a link."""
    realisasi, indikator = _muat(realisasi)
    _wajib_bisa_diubah(realisasi, indikator, user)
    if berkas is None and not (tautan or "").strip():
        raise ValidationError(PESAN_BUKTI_KOSONG)
    bukti = Bukti(
        realisasi=realisasi, keterangan=(keterangan or "").strip()[:300], diunggah_oleh=user
    )
    if berkas is not None:
        sah = periksa_berkas(berkas)
        bukti.nama_asli, bukti.jenis_konten, bukti.ukuran = (
            sah.nama_asli,
            sah.jenis_konten,
            sah.ukuran,
        )
    else:
        bukti.tautan = periksa_tautan(tautan)
    with transaction.atomic():
        if berkas is not None:
            bukti.berkas.save(sah.nama_simpan, berkas, save=False)
        try:
            bukti.full_clean()
            bukti.save()
            audit.catat(
                pengguna=user,
                aksi="bukti.tambah",
                objek=realisasi,
                perangkat_daerah=indikator.perangkat_daerah,
                perubahan={"bukti": [None, bukti.nama_asli or bukti.tautan]},
                keterangan=f"Bukti #{bukti.pk}: {bukti.nama_asli or bukti.tautan}",
            )
        except Exception:
            if bukti.berkas:
                bukti.berkas.delete(save=False)
            raise
    return bukti


def bukti_hapus(*, bukti: Bukti, user) -> None:
    """Delete an evidence item; the file goes once the transaction commits. Logged."""
    realisasi, indikator = _muat(bukti.realisasi)
    _wajib_bisa_diubah(realisasi, indikator, user)
    nama = bukti.nama_asli or bukti.tautan
    berkas = bukti.berkas.name
    with transaction.atomic():
        audit.catat(
            pengguna=user,
            aksi="bukti.hapus",
            objek=realisasi,
            perangkat_daerah=indikator.perangkat_daerah,
            perubahan={"bukti": [nama, None]},
            keterangan=f"Bukti #{bukti.pk} dihapus: {nama} ({berkas or 'tautan'})",
        )
        storage = bukti.berkas.storage
        bukti.delete()
        if berkas:
            transaction.on_commit(lambda: storage.delete(berkas))


# --- Entry windows and reopen requests -------------------------------------------------------


def jendela_simpan(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    dibuka: datetime.date,
    ditutup: datetime.date,
    user,
) -> JendelaPengisian:
    """Set the entry window of a quarter (perencana or kepala)."""
    akses = akses_pengguna(user, pd)
    _wajib(boleh_putus_pembukaan(akses))
    if ditutup < dibuka:
        raise ValidationError({"ditutup": PESAN_JENDELA_TERBALIK})
    with transaction.atomic():
        jendela = JendelaPengisian.objects.filter(
            perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
        ).first()
        sebelum = audit.snapshot(jendela, ("dibuka", "ditutup")) if jendela else {}
        jendela = jendela or JendelaPengisian(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
        jendela.dibuka, jendela.ditutup = dibuka, ditutup
        jendela.full_clean()
        jendela.save()
        audit.catat(
            pengguna=user,
            aksi="jendela.simpan",
            objek=jendela,
            perangkat_daerah=pd,
            perubahan=audit.selisih(sebelum, audit.snapshot(jendela, ("dibuka", "ditutup"))),
        )
    return jendela


def pembukaan_minta(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    alasan: str,
    user,
    unit_kerja: UnitKerja | None = None,
) -> PembukaanKembali:
    """Ask to reopen a locked quarter (for one unit, or the PD). A reason is required."""
    from renstra.periode import status_periode

    akses = akses_pengguna(user, pd)
    unit_id = unit_kerja.pk if unit_kerja is not None else None
    _wajib(
        akses.boleh_unit(unit_id, Peran.OPERATOR, Peran.VERIFIKATOR)
        or akses.punya(Peran.KEPALA, Peran.PERENCANA)
    )
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": PESAN_ALASAN_PEMBUKAAN_WAJIB})
    if triwulan not in (1, 2, 3, 4):
        raise ValidationError(PESAN_TRIWULAN)
    if status_periode(pd=pd, tahun=tahun, triwulan=triwulan, unit_id=unit_id).terbuka:
        raise ValidationError(PESAN_PEMBUKAAN_MASIH_TERBUKA)
    with transaction.atomic():
        permintaan = PembukaanKembali(
            perangkat_daerah=pd,
            unit_kerja=unit_kerja,
            tahun=tahun,
            triwulan=triwulan,
            alasan=alasan,
            diminta_oleh=user,
        )
        permintaan.full_clean()
        permintaan.save()
        audit.catat(
            pengguna=user,
            aksi="pembukaan.minta",
            objek=permintaan,
            perangkat_daerah=pd,
            perubahan=audit.selisih(
                {}, audit.snapshot(permintaan, ("tahun", "triwulan", "unit_kerja_id", "alasan"))
            ),
            keterangan=alasan,
        )
    return permintaan


def _putus(permintaan: PembukaanKembali, user) -> PembukaanKembali:
    permintaan = PembukaanKembali.objects.select_related("perangkat_daerah").get(pk=permintaan.pk)
    akses = akses_pengguna(user, permintaan.perangkat_daerah)
    _wajib(boleh_putus_pembukaan(akses))
    if permintaan.status != PembukaanKembali.Status.DIMINTA:
        raise ValidationError(PESAN_PEMBUKAAN_SUDAH_DIPUTUS)
    if permintaan.diminta_oleh_id == user.pk:
        raise ValidationError(PESAN_SETUJUI_SENDIRI)
    return permintaan


def pembukaan_setujui(
    *, permintaan: PembukaanKembali, user, berlaku_sampai: datetime.datetime
) -> PembukaanKembali:
    """Kepala or perencana approve a reopen until `berlaku_sampai` (≤ 30 days ahead)."""
    sekarang = timezone.now()
    if not sekarang < berlaku_sampai <= sekarang + datetime.timedelta(days=MAKS_HARI_PEMBUKAAN):
        raise ValidationError({"berlaku_sampai": PESAN_BERLAKU_SAMPAI})
    with transaction.atomic():
        permintaan = _putus(permintaan, user)
        sebelum = audit.snapshot(permintaan, ("status", "berlaku_sampai", "diputus_oleh_id"))
        permintaan.status = PembukaanKembali.Status.DISETUJUI
        permintaan.berlaku_sampai = berlaku_sampai
        permintaan.diputus_oleh = user
        permintaan.full_clean()
        permintaan.save()
        audit.catat(
            pengguna=user,
            aksi="pembukaan.setujui",
            objek=permintaan,
            perangkat_daerah=permintaan.perangkat_daerah,
            perubahan=audit.selisih(
                sebelum, audit.snapshot(permintaan, ("status", "berlaku_sampai", "diputus_oleh_id"))
            ),
        )
    return permintaan


def pembukaan_tolak(*, permintaan: PembukaanKembali, user) -> PembukaanKembali:
    with transaction.atomic():
        permintaan = _putus(permintaan, user)
        permintaan.status = PembukaanKembali.Status.DITOLAK
        permintaan.diputus_oleh = user
        permintaan.save(update_fields=["status", "diputus_oleh"])
        audit.catat(
            pengguna=user,
            aksi="pembukaan.tolak",
            objek=permintaan,
            perangkat_daerah=permintaan.perangkat_daerah,
            perubahan={
                "status": [PembukaanKembali.Status.DIMINTA, PembukaanKembali.Status.DITOLAK]
            },
        )
    return permintaan


# --- Measurement shown on the entry screens (kinerja.selectors, one indicator) ---------------


@dataclass(frozen=True)
class Ringkasan:
    """What the entry screen shows next to the value being typed: the selector's measurement
    of the indicator s.d. TW n, with this quarter's (possibly typed) value."""

    baris: Any  # kinerja.selectors.BarisIndikator
    nilai_triwulan: Any

    @property
    def hasil(self) -> mesin.HasilCapaian:
        return self.baris.capaian

    @property
    def kategori(self) -> mesin.Kategori | None:
        return self.baris.kategori

    @property
    def hasil_triwulan(self) -> mesin.HasilCapaian | None:
        return self.baris.capaian_triwulan

    @property
    def label_target(self) -> str:
        sumber = self.baris.sumber_target
        return JenisTarget(sumber).label if sumber else ""

    @property
    def ada_target_triwulan(self) -> bool:
        return self.baris.target_triwulan is not None

    @property
    def teks_triwulan(self) -> str:
        return teks_nilai(self.nilai_triwulan)

    @property
    def teks_sd(self) -> str:
        return teks_nilai(self.baris.realisasi)

    @property
    def teks_target(self) -> str:
        return teks_nilai(self.baris.target)

    @property
    def teks_target_triwulan(self) -> str:
        return teks_nilai(self.baris.target_triwulan)


def ringkasan_dari_data(
    *,
    indikator: Indikator,
    tahun: int,
    triwulan: int,
    realisasi: Iterable[Realisasi],
    target: Iterable,
    target_triwulan: Iterable,
    skala=None,
    nilai_baru: Any = ...,
) -> Ringkasan:
    """Measure one indicator from already-fetched rows of one year with
    `kinerja.selectors.baris_indikator` (drafts included: this is the working view).

    `nilai_baru` (a Decimal, a predikat letter or None) replaces this quarter's stored value,
    i.e. the value being typed; leave it out to use the stored one. `skala` defaults to the
    stored default scale (one query).
    """
    from .selectors import DataIndikator, baris_indikator, muat_skala

    per_tw = {r.triwulan: r for r in realisasi}
    if nilai_baru is not ...:
        huruf = isinstance(nilai_baru, str)
        per_tw[triwulan] = Realisasi(
            indikator=indikator,
            tahun=tahun,
            triwulan=triwulan,
            nilai=None if huruf else nilai_baru,
            predikat=nilai_baru if huruf else "",
        )
    data = DataIndikator(
        indikator=indikator,
        target={(tahun, t.jenis): t for t in target},
        target_triwulan={(tahun, t.triwulan): t for t in target_triwulan},
        realisasi={(tahun, tw): r for tw, r in per_tw.items()},
    )
    baris = baris_indikator(
        data, tahun=tahun, triwulan=triwulan, hanya_resmi=False, skala=skala or muat_skala()
    )
    sekarang = per_tw.get(triwulan)
    return Ringkasan(baris=baris, nilai_triwulan=sekarang.nilai_masukan() if sekarang else None)


def ringkasan_realisasi(*, indikator: Indikator, tahun: int, triwulan: int) -> Ringkasan:
    """The measurement of one indicator s.d. TW n from the database (four queries)."""
    return ringkasan_dari_data(
        indikator=indikator,
        tahun=tahun,
        triwulan=triwulan,
        realisasi=Realisasi.objects.filter(indikator=indikator, tahun=tahun),
        target=indikator.target.filter(tahun=tahun),
        target_triwulan=indikator.target_triwulan.filter(tahun=tahun),
    )


def status_triwulan(
    *, indikator_qs: QuerySet[Indikator], tahun: int, triwulan: int
) -> dict[int, Realisasi]:
    """{indikator_id: Realisasi} of one quarter for the given indicators (one query)."""
    return {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__in=indikator_qs.values("pk"), tahun=tahun, triwulan=triwulan
        )
    }
