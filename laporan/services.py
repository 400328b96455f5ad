"""Writes of the laporan app: narrative, approval into editions, review notes, review
statement, kept PDFs. Every write validates, runs in a transaction and is audited.

Kept PDFs (`Cetakan`) are rendered by a task on the Celery queue (`laporan.tasks.buat_pdf`),
queued only by an explicit request (`cetakan_minta`, a POST or the command line). A PDF is
keyed by its report, edition and the SHA-256 of the printed HTML (`kunci_cetakan`, unique in
the database), so each edition (and each distinct draft) is rendered once, a second request
joins the running job, and the worker records the outcome on the row the pages poll.
"""

from __future__ import annotations

import datetime
import hashlib
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from common import audit
from common.models import Keanggotaan, Peran
from renstra.models import NarasiPerangkatDaerah, PerangkatDaerah, TandaTanganLaporan

from . import cetak
from .models import (
    JENIS_TRIWULANAN,
    BagianNarasi,
    CatatanReviu,
    Cetakan,
    Edisi,
    Laporan,
    PenugasanReviu,
    PernyataanReviu,
    StatusCatatan,
    StatusCetakan,
    TanggapanReviu,
    kunci_cetakan,
)
from .narasi import BAGIAN_PROFIL, bagian_belum_diisi, judul_bagian

PESAN_BUKAN_KEPALA = "Hanya kepala perangkat daerah yang dapat menyetujui laporan."
PESAN_NARASI_BELUM_DIISI = (
    "Laporan belum dapat disetujui: bagian berikut belum diisi dengan data perangkat daerah: "
    "{daftar}. Lengkapi datanya (admin, impor dataset atau penyunting narasi)."
)
PESAN_PLACEHOLDER = (
    "Laporan belum dapat disetujui: narasi memuat placeholder yang tidak dikenal ({daftar})."
)
PESAN_BUKAN_PENYUNTING = "Narasi hanya dapat diubah oleh perencana atau kepala perangkat daerah."
PESAN_KUNCI_NARASI = "Bagian narasi “{kunci}” tidak dikenal pada laporan ini."
PESAN_TIDAK_DITUGASKAN = "Anda tidak ditugaskan mereviu {pd} tahun {tahun}."
PESAN_BUKAN_PD = "Catatan reviu hanya dapat dijawab oleh perangkat daerah yang direviu."
PESAN_CATATAN_DITUTUP = "Catatan ini sudah ditutup."
PESAN_CATATAN_BELUM_DITUTUP = "Catatan ini belum ditutup."
PESAN_CATATAN_MASIH_TERBUKA = (
    "Pernyataan telah direviu hanya dapat diterbitkan setelah semua catatan reviu ditutup "
    "({jumlah} catatan belum ditutup)."
)
PESAN_JANGKAR_TIDAK_DIKENAL = "Letak catatan “{jangkar}” tidak ditemukan dalam laporan."
PESAN_TEKS_KOSONG = "Isi catatan atau tanggapan tidak boleh kosong."
PESAN_TRIWULAN_WAJIB = "Laporan ini memerlukan triwulan 1 sampai 4."
PESAN_JENIS_TIDAK_DIKENAL = "Jenis laporan tidak dikenal."
PESAN_EDISI_LAIN = "Edisi tidak termasuk laporan ini."

PERAN_PD = (Peran.OPERATOR, Peran.VERIFIKATOR, Peran.KEPALA, Peran.PERENCANA)
"""Roles of the reviewed PD who answer review notes."""
PERAN_PENYUNTING = (Peran.PERENCANA, Peran.KEPALA)


def _peran(user, pd: PerangkatDaerah) -> set[str]:
    if user.is_superuser:
        return set(Peran.values)
    return set(
        Keanggotaan.objects.filter(pengguna=user, perangkat_daerah=pd).values_list(
            "peran", flat=True
        )
    )


def sidik(teks: str) -> str:
    return hashlib.sha256(teks.encode("utf-8")).hexdigest()


# --- Reports and narrative ------------------------------------------------------------------


def laporan_dapatkan(
    *, pd: PerangkatDaerah, jenis: str, tahun: int, triwulan: int = 0, user=None
) -> Laporan:
    """The report record (created on first use, audited)."""
    from .models import JenisLaporan

    if jenis not in JenisLaporan.values:
        raise ValidationError(PESAN_JENIS_TIDAK_DIKENAL)
    if jenis in JENIS_TRIWULANAN:
        if not 1 <= triwulan <= 4:
            raise ValidationError(PESAN_TRIWULAN_WAJIB)
    else:
        triwulan = 0
    laporan = Laporan.objects.filter(
        perangkat_daerah=pd, jenis=jenis, tahun=tahun, triwulan=triwulan
    ).first()
    if laporan is not None:
        return laporan
    with transaction.atomic():
        laporan, dibuat = Laporan.objects.get_or_create(
            perangkat_daerah=pd, jenis=jenis, tahun=tahun, triwulan=triwulan
        )
        if dibuat:
            audit.catat(
                pengguna=user,
                aksi="laporan.buat",
                objek=laporan,
                perangkat_daerah=pd,
                perubahan=audit.selisih({}, audit.snapshot(laporan)),
            )
    return laporan


def narasi_simpan(*, laporan: Laporan, kunci: str, teks: str, user, kunci_sah=None) -> BagianNarasi:
    """Store the text of one narrative part (the draft stays available to restore)."""
    if not (_peran(user, laporan.perangkat_daerah) & set(PERAN_PENYUNTING)):
        raise PermissionDenied(PESAN_BUKAN_PENYUNTING)
    if kunci_sah is not None and kunci not in kunci_sah:
        raise ValidationError(PESAN_KUNCI_NARASI.format(kunci=kunci))
    with transaction.atomic():
        bagian = (
            BagianNarasi.objects.select_for_update().filter(laporan=laporan, kunci=kunci).first()
        )
        lama = bagian.teks if bagian else None
        if bagian is None:
            bagian = BagianNarasi(laporan=laporan, kunci=kunci)
        bagian.teks = teks
        bagian.diubah_oleh = user
        bagian.full_clean()
        bagian.save()
        audit.catat(
            pengguna=user,
            aksi="laporan.narasi.ubah",
            objek=bagian,
            perangkat_daerah=laporan.perangkat_daerah,
            perubahan={"teks": [lama, teks]} if lama != teks else {},
        )
    return bagian


def narasi_profil_simpan(
    *, laporan: Laporan, kunci: str, teks: str, user, setiap_tahun: bool
) -> NarasiPerangkatDaerah:
    """Store a fact part of an LKjIP (tupoksi, struktur, sarana, isu strategis, upaya
    perbaikan) as the PD's data (renstra.NarasiPerangkatDaerah: every year, or the report's
    year); the report's own text of the part is dropped so the data is what prints."""
    if not (_peran(user, laporan.perangkat_daerah) & set(PERAN_PENYUNTING)):
        raise PermissionDenied(PESAN_BUKAN_PENYUNTING)
    from .models import JenisLaporan

    bagian = BAGIAN_PROFIL.get(kunci) if laporan.jenis == JenisLaporan.LKJIP else None
    if bagian is None:
        raise ValidationError(PESAN_KUNCI_NARASI.format(kunci=kunci))
    teks = _wajib_teks(teks)
    tahun = 0 if setiap_tahun else laporan.tahun
    with transaction.atomic():
        baris, dibuat = NarasiPerangkatDaerah.objects.select_for_update().get_or_create(
            perangkat_daerah=laporan.perangkat_daerah,
            bagian=bagian,
            tahun=tahun,
            defaults={"teks": teks},
        )
        lama = None if dibuat else baris.teks
        baris.teks = teks
        baris.full_clean()
        baris.save()
        audit.catat(
            pengguna=user,
            aksi="renstra.narasi.ubah",
            objek=baris,
            perangkat_daerah=laporan.perangkat_daerah,
            perubahan={"teks": [lama, teks]} if lama != teks else {},
        )
    narasi_kembalikan(laporan=laporan, kunci=kunci, user=user)
    return baris


def narasi_kembalikan(*, laporan: Laporan, kunci: str, user) -> None:
    """Drop the stored text of a part: the draft generated from the data is used again."""
    if not (_peran(user, laporan.perangkat_daerah) & set(PERAN_PENYUNTING)):
        raise PermissionDenied(PESAN_BUKAN_PENYUNTING)
    with transaction.atomic():
        bagian = BagianNarasi.objects.filter(laporan=laporan, kunci=kunci).first()
        if bagian is None:
            return
        audit.catat(
            pengguna=user,
            aksi="laporan.narasi.kembalikan",
            objek=bagian,
            perangkat_daerah=laporan.perangkat_daerah,
            perubahan={"teks": [bagian.teks, None]},
        )
        bagian.delete()


def laporan_ubah_tanggal(*, laporan: Laporan, tanggal: datetime.date | None, user) -> Laporan:
    if not (_peran(user, laporan.perangkat_daerah) & set(PERAN_PENYUNTING)):
        raise PermissionDenied(PESAN_BUKAN_PENYUNTING)
    with transaction.atomic():
        lama = audit.snapshot(laporan, ["tanggal"])
        laporan.tanggal = tanggal
        laporan.full_clean()
        laporan.save(update_fields=["tanggal", "diubah"])
        audit.catat(
            pengguna=user,
            aksi="laporan.tanggal",
            objek=laporan,
            perangkat_daerah=laporan.perangkat_daerah,
            perubahan=audit.selisih(lama, audit.snapshot(laporan, ["tanggal"])),
        )
    return laporan


# --- Approval: editions ---------------------------------------------------------------------


def laporan_setujui(*, laporan: Laporan, user, catatan: str = "") -> Edisi:
    """Freeze the report as it is now into the next edition (the head of the PD only).

    The body HTML, the numbers snapshot and the narrative are stored; later data changes do
    not alter the edition. Refused while a narrative holds an unknown placeholder.
    """
    if Peran.KEPALA not in _peran(user, laporan.perangkat_daerah):
        raise PermissionDenied(PESAN_BUKAN_KEPALA)
    # Without a stored signature date the edition is dated on its approval (never on a print).
    tanggal_tersimpan = laporan.tanggal
    ada_ttd = TandaTanganLaporan.objects.filter(
        perangkat_daerah_id=laporan.perangkat_daerah_id, tahun=laporan.tahun
    ).exists()
    if tanggal_tersimpan is None and not ada_ttd:
        laporan.tanggal = timezone.localdate()
    try:
        dokumen = cetak.susun(laporan)
    finally:
        laporan.tanggal = tanggal_tersimpan
    if dokumen.galat_placeholder:
        daftar = ", ".join(sorted({"{{" + g.kunci + "}}" for g in dokumen.galat_placeholder}))
        raise ValidationError(PESAN_PLACEHOLDER.format(daftar=daftar))
    belum = bagian_belum_diisi(dokumen.teks_narasi)
    if belum:
        raise ValidationError(
            PESAN_NARASI_BELUM_DIISI.format(daftar="; ".join(judul_bagian(k) for k in belum))
        )
    # Validation errors block an LKjIP unless each one is explained (periksa.services).
    from periksa import services as gerbang

    from .models import JenisLaporan

    dijelaskan = []
    if laporan.jenis == JenisLaporan.LKJIP:
        gerbang_ok = gerbang.wajib_terjelaskan(pd=laporan.perangkat_daerah, tahun=laporan.tahun)
        dijelaskan = gerbang.catatan_persetujuan(gerbang_ok)
    with transaction.atomic():
        Laporan.objects.select_for_update().filter(pk=laporan.pk).first()
        nomor = (laporan.edisi.aggregate(m=Max("nomor"))["m"] or 0) + 1
        edisi = Edisi(
            laporan=laporan,
            nomor=nomor,
            html=dokumen.isi,
            angka=dokumen.angka,
            narasi=dokumen.teks_narasi,
            sidik=sidik(dokumen.isi),
            disetujui_oleh=user,
            disetujui_pada=timezone.now(),
            catatan=catatan,
        )
        edisi.full_clean()
        edisi.save()
        # A review statement issued on the draft belongs to the edition approved after it.
        PernyataanReviu.objects.filter(laporan=laporan, edisi__isnull=True).update(edisi=edisi)
        audit.catat(
            pengguna=user,
            aksi="laporan.setujui",
            objek=edisi,
            perangkat_daerah=laporan.perangkat_daerah,
            perubahan={
                "nomor": [None, nomor],
                "sidik": [None, edisi.sidik],
                **({"penjelasan_masalah": [None, dijelaskan]} if dijelaskan else {}),
            },
            keterangan=catatan,
        )
    return edisi


# --- Review by the Inspektorat --------------------------------------------------------------


def ditugaskan(user, pd: PerangkatDaerah, tahun: int) -> bool:
    """Whether `user` is an Inspektorat reviewer assigned to `pd` and `tahun`."""
    if user.is_superuser:
        return True
    return (
        Peran.INSPEKTORAT in _peran(user, pd)
        and PenugasanReviu.objects.filter(reviewer=user, perangkat_daerah=pd, tahun=tahun).exists()
    )


def _wajib_reviewer(user, laporan: Laporan) -> None:
    if not ditugaskan(user, laporan.perangkat_daerah, laporan.tahun):
        raise PermissionDenied(
            PESAN_TIDAK_DITUGASKAN.format(pd=laporan.perangkat_daerah, tahun=laporan.tahun)
        )


def _wajib_teks(teks: str) -> str:
    teks = (teks or "").strip()
    if not teks:
        raise ValidationError(PESAN_TEKS_KOSONG)
    return teks


def penugasan_buat(*, reviewer, pd: PerangkatDaerah, tahun: int, user) -> PenugasanReviu:
    with transaction.atomic():
        tugas, dibuat = PenugasanReviu.objects.get_or_create(
            reviewer=reviewer, perangkat_daerah=pd, tahun=tahun
        )
        if dibuat:
            audit.catat(
                pengguna=user, aksi="laporan.reviu.tugaskan", objek=tugas, perangkat_daerah=pd
            )
    return tugas


def catatan_tambah(
    *,
    laporan: Laporan,
    jangkar: str,
    teks: str,
    user,
    jangkar_label: str = "",
    edisi: Edisi | None = None,
    jangkar_sah: dict[str, str] | None = None,
) -> CatatanReviu:
    """A review note anchored to an id of the report HTML (checked against `jangkar_sah`)."""
    _wajib_reviewer(user, laporan)
    teks = _wajib_teks(teks)
    if jangkar_sah is not None:
        if jangkar not in jangkar_sah:
            raise ValidationError(PESAN_JANGKAR_TIDAK_DIKENAL.format(jangkar=jangkar))
        jangkar_label = jangkar_label or jangkar_sah[jangkar]
    if edisi is not None and edisi.laporan_id != laporan.pk:
        raise ValidationError(PESAN_EDISI_LAIN)
    with transaction.atomic():
        catatan = CatatanReviu(
            laporan=laporan,
            edisi=edisi,
            jangkar=jangkar,
            jangkar_label=jangkar_label[:300],
            teks=teks,
            dibuat_oleh=user,
        )
        catatan.full_clean()
        catatan.save()
        audit.catat(
            pengguna=user,
            aksi="laporan.reviu.catat",
            objek=catatan,
            perangkat_daerah=laporan.perangkat_daerah,
            perubahan=audit.selisih({}, audit.snapshot(catatan, ["jangkar", "teks", "status"])),
        )
    return catatan


def _ubah_status(
    catatan: CatatanReviu, status: str, user, aksi: str, teks: str = "", dari_reviewer: bool = False
) -> CatatanReviu:
    with transaction.atomic():
        lama = catatan.status
        if teks:
            TanggapanReviu.objects.create(
                catatan=catatan, penulis=user, teks=teks, dari_reviewer=dari_reviewer
            )
        catatan.status = status
        catatan.save(update_fields=["status", "diubah"])
        audit.catat(
            pengguna=user,
            aksi=aksi,
            objek=catatan,
            perangkat_daerah=catatan.laporan.perangkat_daerah,
            perubahan={"status": [lama, status]} if lama != status else {},
            keterangan=teks,
        )
    return catatan


def catatan_jawab(*, catatan: CatatanReviu, teks: str, user) -> CatatanReviu:
    """The PD answers a note: status becomes "dijawab"."""
    pd = catatan.laporan.perangkat_daerah
    if not (_peran(user, pd) & set(PERAN_PD)):
        raise PermissionDenied(PESAN_BUKAN_PD)
    if catatan.status == StatusCatatan.DITUTUP:
        raise ValidationError(PESAN_CATATAN_DITUTUP)
    return _ubah_status(
        catatan, StatusCatatan.DIJAWAB, user, "laporan.reviu.jawab", _wajib_teks(teks)
    )


def catatan_tutup(*, catatan: CatatanReviu, user, teks: str = "") -> CatatanReviu:
    _wajib_reviewer(user, catatan.laporan)
    if catatan.status == StatusCatatan.DITUTUP:
        raise ValidationError(PESAN_CATATAN_DITUTUP)
    return _ubah_status(
        catatan,
        StatusCatatan.DITUTUP,
        user,
        "laporan.reviu.tutup",
        (teks or "").strip(),
        dari_reviewer=True,
    )


def catatan_buka_kembali(*, catatan: CatatanReviu, user, teks: str) -> CatatanReviu:
    """The reviewer is not satisfied: the note is open again, with the reason."""
    _wajib_reviewer(user, catatan.laporan)
    return _ubah_status(
        catatan,
        StatusCatatan.TERBUKA,
        user,
        "laporan.reviu.buka",
        _wajib_teks(teks),
        dari_reviewer=True,
    )


def pernyataan_terbitkan(
    *,
    laporan: Laporan,
    nama: str,
    nip: str,
    tanggal: datetime.date,
    user,
    jabatan: str = "",
    tempat: str = "",
    edisi: Edisi | None = None,
) -> PernyataanReviu:
    """Issue the "Pernyataan Telah Direviu" page once every note is closed.

    It is printed with the edition reviewed (`edisi`, default the latest approved one; on a
    report without edition it goes with the draft and the next approved edition).
    """
    _wajib_reviewer(user, laporan)
    terbuka = laporan.catatan_reviu.exclude(status=StatusCatatan.DITUTUP).count()
    if terbuka:
        raise ValidationError(PESAN_CATATAN_MASIH_TERBUKA.format(jumlah=terbuka))
    if edisi is None:
        edisi = laporan.edisi.order_by("-nomor").first()
    elif edisi.laporan_id != laporan.pk:
        raise ValidationError(PESAN_EDISI_LAIN)
    with transaction.atomic():
        pernyataan = PernyataanReviu.objects.filter(laporan=laporan).first()
        lama = audit.snapshot(pernyataan) if pernyataan else {}
        pernyataan = pernyataan or PernyataanReviu(laporan=laporan)
        pernyataan.edisi = edisi
        pernyataan.nama = nama.strip()
        pernyataan.nip = (nip or "").replace(" ", "")
        pernyataan.jabatan = jabatan.strip()
        pernyataan.tempat = tempat.strip()
        pernyataan.tanggal = tanggal
        pernyataan.diterbitkan_oleh = user
        pernyataan.full_clean()
        pernyataan.save()
        audit.catat(
            pengguna=user,
            aksi="laporan.reviu.pernyataan",
            objek=pernyataan,
            perangkat_daerah=laporan.perangkat_daerah,
            perubahan=audit.selisih(lama, audit.snapshot(pernyataan)),
        )
    return pernyataan


def pernyataan_laporan(laporan: Laporan) -> PernyataanReviu | None:
    """The review statement of a report, if issued (1 query; none for an unsaved report)."""
    if not laporan.pk:
        return None
    return (
        PernyataanReviu.objects.filter(laporan=laporan)
        .select_related("laporan__perangkat_daerah", "edisi")
        .first()
    )


def pernyataan_untuk(
    laporan: Laporan, edisi: Edisi | None, pernyataan: PernyataanReviu | None | bool = False
) -> PernyataanReviu | None:
    """The review statement printed with this edition (None: the draft).

    `pernyataan` may pass the report's statement already loaded (None when there is none).
    """
    p = pernyataan_laporan(laporan) if pernyataan is False else pernyataan
    if p is None:
        return None
    if edisi is None:
        return p if p.edisi_id is None else None
    return p if p.edisi_id == edisi.pk else None


# --- Printing: the HTML of an edition or the draft ------------------------------------------


@dataclass
class Cetak:
    """What is printed: the standalone HTML and its file name."""

    html: str
    nama_berkas: str
    draft: bool


def html_cetak(
    laporan: Laporan,
    edisi: Edisi | None,
    dokumen=None,
    pernyataan: PernyataanReviu | None | bool = False,
) -> Cetak:
    """The print HTML of an edition (frozen) or of the draft (live, watermarked)."""
    pernyataan = pernyataan_untuk(laporan, edisi, pernyataan)
    judul = cetak.judul_laporan(laporan)
    if edisi is not None:
        html = cetak.halaman_cetak(edisi.html, judul=judul, draft=False, pernyataan=pernyataan)
        return Cetak(html, f"{cetak.nama_berkas_laporan(laporan)}-edisi-{edisi.nomor}", False)
    dokumen = dokumen or cetak.susun(laporan)
    html = cetak.halaman_cetak(dokumen.isi, judul=judul, draft=True, pernyataan=pernyataan)
    return Cetak(html, f"{cetak.nama_berkas_laporan(laporan)}-draft", True)


# --- Kept PDFs, rendered on the task queue --------------------------------------------------

BATAS_PERCOBAAN = 3
"""Renders started for one PDF before it is marked failed (a document that keeps killing
its worker must not loop on the queue for ever)."""
BATAS_MACET = datetime.timedelta(minutes=15)
"""A job still queued or running after this long is taken as lost (its broker message gone)
and may be queued again by the next explicit request."""

PESAN_ANTREAN_GAGAL = "Antrean cetak tidak dapat dihubungi; coba lagi beberapa saat lagi."
PESAN_PERCOBAAN_HABIS = "PDF gagal dibuat setelah {n} percobaan (proses pencetak berhenti)."
PESAN_SIDIK_BERBEDA = "Isi cetakan tidak sesuai dengan sidik jarinya; minta cetak ulang."


def _nama_pdf(laporan: Laporan, nama_berkas: str, kunci: str) -> str:
    """Storage name below the field's upload_to ("laporan/")."""
    return f"{laporan.perangkat_daerah.slug}/{nama_berkas}-{kunci[:16]}.pdf"


def cetakan_cari(laporan: Laporan, edisi: Edisi | None, isi: Cetak) -> Cetakan | None:
    """The kept PDF (or its running job) of exactly this HTML, if any (1 query; no write)."""
    if not laporan.pk:
        return None
    kunci = kunci_cetakan(laporan.pk, edisi.pk if edisi else None, sidik(isi.html))
    return Cetakan.objects.select_related("edisi").filter(kunci=kunci).first()


def cetakan_siap(cetakan: Cetakan | None) -> bool:
    return (
        cetakan is not None
        and cetakan.status == StatusCetakan.SELESAI
        and bool(cetakan.berkas)
        and default_storage.exists(cetakan.berkas.name)
    )


def cetakan_minta(
    *, laporan: Laporan, edisi: Edisi | None = None, user=None, isi: Cetak | None = None
) -> Cetakan:
    """Start the job of the kept PDF of an edition (or of the current draft), or join it.

    The row is found or created under its idempotent key (`kunci_cetakan`): requests for the
    same edition, at once or from several web processes, get the same row, and only the one
    that wins the conditional update queues a task. A finished PDF is returned as it is; a
    failed, lost or stale job is queued again. Audited when a job is queued. Without a
    broker (development, tests) the task runs here before this returns.
    """
    if edisi is not None and edisi.laporan_id != laporan.pk:
        raise ValidationError(PESAN_EDISI_LAIN)
    isi = isi or html_cetak(laporan, edisi)
    sidik_html = sidik(isi.html)
    kunci = kunci_cetakan(laporan.pk, edisi.pk if edisi else None, sidik_html)
    user = user if user is not None and user.is_authenticated else None
    sekarang = timezone.now()
    with transaction.atomic():
        cetakan, dibuat = Cetakan.objects.get_or_create(
            kunci=kunci,
            defaults={
                "laporan": laporan,
                "edisi": edisi,
                "sidik": sidik_html,
                "diminta_oleh": user,
                "status": StatusCetakan.PROSES,
            },
        )
    if not dibuat and cetakan_siap(cetakan):
        return cetakan
    if not dibuat and cetakan_berjalan(cetakan):
        return cetakan  # a live job: join it
    # Claim the job: only one request moves the row from the state it read to a new task id.
    tugas_id = uuid.uuid4().hex
    status_lama = cetakan.status
    klaim = Cetakan.objects.filter(pk=cetakan.pk, tugas_id=cetakan.tugas_id, status=status_lama)
    with transaction.atomic():
        menang = klaim.update(
            tugas_id=tugas_id,
            status=StatusCetakan.PROSES,
            pesan="",
            percobaan=0,
            diantrekan=sekarang,
            dikerjakan=None,
        )
        if not menang:
            cetakan.refresh_from_db()
            return cetakan
        cetakan.refresh_from_db()
        audit.catat(
            pengguna=user,
            aksi="laporan.pdf.minta",
            objek=cetakan,
            perangkat_daerah=laporan.perangkat_daerah,
            perubahan={"kunci": [None, kunci]}
            if dibuat
            else {"status": [status_lama, StatusCetakan.PROSES.value]},
        )
    _antrekan(cetakan, isi.html, _nama_pdf(laporan, isi.nama_berkas, sidik_html))
    cetakan.refresh_from_db()
    return cetakan


def _antrekan(cetakan: Cetakan, html: str, nama_berkas: str) -> None:
    """Queue the task under the id just claimed (eager without a broker)."""
    from . import tasks

    try:
        tasks.buat_pdf.apply_async(args=[cetakan.pk, html, nama_berkas], task_id=cetakan.tugas_id)
    except Exception as galat:  # the broker is down: say so instead of a stuck job
        if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
            raise
        Cetakan.objects.filter(pk=cetakan.pk, tugas_id=cetakan.tugas_id).update(
            status=StatusCetakan.GAGAL, pesan=f"{PESAN_ANTREAN_GAGAL} ({galat.__class__.__name__})"
        )


def cetakan_kerjakan(*, cetakan_id: int, tugas_id: str | None, html: str, nama_berkas: str) -> str:
    """The task body (laporan.tasks.buat_pdf): render, store, record. Returns the status.

    Does nothing when the row is gone (an older draft), already finished, or claimed by
    another task id. Each start counts one attempt; after BATAS_PERCOBAAN attempts (the
    earlier ones lost with their worker) the job is marked failed.
    """
    with transaction.atomic():
        cetakan = (
            Cetakan.objects.select_for_update()
            .select_related("laporan__perangkat_daerah")
            .filter(pk=cetakan_id)
            .first()
        )
        if cetakan is None:
            return "hilang"
        if tugas_id and cetakan.tugas_id and cetakan.tugas_id != tugas_id:
            return "diganti"
        if cetakan_siap(cetakan):
            return cetakan.status
        if sidik(html) != cetakan.sidik:
            return _gagal(cetakan, PESAN_SIDIK_BERBEDA)
        if cetakan.percobaan >= BATAS_PERCOBAAN:
            return _gagal(cetakan, PESAN_PERCOBAAN_HABIS.format(n=cetakan.percobaan))
        cetakan.percobaan += 1
        cetakan.dikerjakan = timezone.now()
        cetakan.status = StatusCetakan.PROSES
        cetakan.save(update_fields=["percobaan", "dikerjakan", "status"])
    mulai = time.perf_counter()
    try:
        isi = cetak.pdf(html)
    except Exception as galat:  # WeasyPrint's failures are recorded, not retried
        with transaction.atomic():
            return _gagal(cetakan, str(galat)[:2000] or galat.__class__.__name__)
    durasi_ms = int((time.perf_counter() - mulai) * 1000)
    with transaction.atomic():
        # The storage API only (file system, S3, ...): never a path of this process.
        cetakan.berkas.save(nama_berkas, ContentFile(isi), save=False)
        cetakan.ukuran = len(isi)
        cetakan.durasi_ms = durasi_ms
        cetakan.status = StatusCetakan.SELESAI
        cetakan.selesai = timezone.now()
        cetakan.save(update_fields=["berkas", "ukuran", "durasi_ms", "status", "selesai"])
        audit.catat(
            pengguna=cetakan.diminta_oleh,
            aksi="laporan.pdf.buat",
            objek=cetakan,
            perangkat_daerah=cetakan.laporan.perangkat_daerah,
            perubahan={"berkas": [None, cetakan.berkas.name]},
            keterangan=f"percobaan {cetakan.percobaan}, {durasi_ms} ms",
        )
    if cetakan.edisi_id is None:
        _hapus_draf_lama(cetakan)
    return cetakan.status


def _gagal(cetakan: Cetakan, pesan: str) -> str:
    cetakan.status = StatusCetakan.GAGAL
    cetakan.pesan = pesan
    cetakan.save(update_fields=["status", "pesan"])
    audit.catat(
        pengguna=cetakan.diminta_oleh,
        aksi="laporan.pdf.gagal",
        objek=cetakan,
        perangkat_daerah=cetakan.laporan.perangkat_daerah,
        keterangan=pesan,
    )
    return cetakan.status


def _hapus_draf_lama(cetakan: Cetakan) -> None:
    """Only the latest draft PDF of a report is kept (editions keep theirs for good)."""
    lama = Cetakan.objects.filter(laporan=cetakan.laporan_id, edisi__isnull=True).exclude(
        pk=cetakan.pk
    )
    for c in lama:
        if cetakan_berjalan(c):
            continue
        if c.berkas and default_storage.exists(c.berkas.name):
            default_storage.delete(c.berkas.name)
        c.delete()


def cetakan_tunggu(cetakan: Cetakan, batas_detik: float = 300) -> Cetakan:
    """Wait until the job is no longer running (the command line, benchmarks, tests)."""
    batas = time.monotonic() + batas_detik
    cetakan.refresh_from_db()
    while cetakan.status == StatusCetakan.PROSES and time.monotonic() < batas:
        time.sleep(0.2)
        cetakan.refresh_from_db()
    return cetakan


def cetakan_berjalan(cetakan: Cetakan) -> bool:
    """Queued or rendering, and not yet taken as lost (see BATAS_MACET)."""
    return (
        cetakan.status == StatusCetakan.PROSES
        and cetakan.diantrekan is not None
        and cetakan.diantrekan > timezone.now() - BATAS_MACET
    )
