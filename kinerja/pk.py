"""Perjanjian Kinerja (PK): drafted from the plan, cascaded by echelon, signed, amended,
fingerprinted and verifiable (DOMAIN.md §2 step 3, §7.3, §8).

Services (writes) are keyword-only, run inside `transaction.atomic` and write the audit log;
selectors (reads) return plain dataclasses for pages and documents.

Life of a PK:
    draft ──(pihak pertama signs in the app)──> pihak_pertama
          ──(pihak kedua signs in the app, or the head uploads the paper-signed scan)──>
    ditandatangani (content frozen, SHA-256 fingerprint stored)
          ──pk_buat_perubahan──> a new draft version (versi "perubahan", nomor_versi + 1)
A PK is editable only as a draft; a PK signed by pihak pertama only can be sent back to draft
(`pk_kembalikan_ke_draf`); a fully signed PK changes only through a PK Perubahan.

Sign-off rule (`boleh_menandatangani`). The application has no link from a user account to a
pejabat, so a user signs FOR a pejabat when they hold the role of that position in the
pejabat's PD:
- eselon II (the head of the PD): role "kepala" in the PD;
- eselon III, IV and JF: role "verifikator" with a membership for exactly the pejabat's unit;
- a superuser may sign for anyone.
A pihak kedua who is not a pejabat of the PD (the Bupati/Walikota/Gubernur) signs on paper:
nobody signs for them in the app; the head of the PD ("kepala") uploads the signed scan and
confirms with their password. The same (non-superuser) account never signs both sides of one
PK. Every signature re-asks the user's password.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from anggaran.models import Pagu
from common import audit
from common.formatting import (
    PRESISI,
    TANDA_KOSONG,
    format_angka,
    format_bulan_tahun,
    format_nip,
    format_persen,
    format_rupiah,
    format_tanggal,
)
from common.models import AuditLog, Keanggotaan, Peran
from kinerja.capaian import NILAI_PREDIKAT, hitung_capaian
from kinerja.models import (
    AlasanPerubahanPK,
    PerjanjianKinerja,
    PKAnggaran,
    PKIndikator,
    StatusPK,
    TingkatAnggaran,
    VersiPK,
)
from renstra.models import (
    Eselon,
    Indikator,
    JenisTarget,
    Kegiatan,
    Pejabat,
    PerangkatDaerah,
    PeriodeRenstra,
    Program,
    SubKegiatan,
    Target,
)

# --- Messages (Indonesian, asserted by the tests) ----------------------------------------------

PESAN_PK_TERKUNCI = (
    "Perjanjian Kinerja yang sudah ditandatangani tidak dapat diubah; "
    "perubahan hanya melalui PK Perubahan."
)
PESAN_PK_MENUNGGU_PIHAK_KEDUA = (
    "PK sudah ditandatangani pihak pertama; kembalikan ke draf terlebih dahulu untuk mengubahnya."
)
PESAN_PEJABAT_LAIN_PD = "Pejabat tidak terdaftar pada perangkat daerah ini."
PESAN_PEJABAT_TIDAK_AKTIF = "Pejabat sudah tidak aktif."
PESAN_ESELON_TIDAK_DIDUKUNG = (
    "PK hanya disusun untuk pejabat eselon II, eselon III, eselon IV atau jabatan fungsional; "
    "lengkapi eselon pejabat ini."
)
PESAN_PEJABAT_TANPA_UNIT = "Pejabat eselon III, eselon IV dan fungsional harus memiliki unit kerja."
PESAN_RENSTRA_TIDAK_ADA = "Tidak ada periode Renstra yang mencakup tahun {tahun}."
PESAN_PK_SUDAH_ADA = (
    "Pejabat ini sudah memiliki PK tahun {tahun}; ubah draf yang ada atau buat PK Perubahan."
)
PESAN_RENCANA_KOSONG = (
    "Tidak ada indikator dengan target Renja/Renstra tahun {tahun} untuk jabatan ini."
)
PESAN_ALASAN_SELISIH = "Target berbeda dari target {sumber} ({target}); isi alasan perbedaannya."
PESAN_ALASAN_SELISIH_BELUM_LENGKAP = (
    "Indikator berikut memiliki target yang berbeda dari Renja/Renstra tanpa alasan: {daftar}."
)
PESAN_TARGET_KOSONG = "Target indikator berikut belum diisi: {daftar}."
PESAN_PK_TANPA_INDIKATOR = "PK belum memiliki indikator kinerja."
PESAN_PIHAK_PERTAMA_KOSONG = "Pihak pertama PK belum ditentukan."
PESAN_PIHAK_KEDUA_KOSONG = "Nama dan jabatan pihak kedua belum diisi."
PESAN_KATA_SANDI_SALAH = "Kata sandi salah; tanda tangan dibatalkan."
PESAN_TIDAK_BERHAK_TTD = "Anda tidak berhak menandatangani PK ini sebagai {pihak}."
PESAN_BUKAN_DRAF = "Hanya PK berstatus draf yang dapat ditandatangani pihak pertama."
PESAN_BELUM_TTD_PIHAK_PERTAMA = "Pihak pertama harus menandatangani PK ini lebih dahulu."
PESAN_TTD_KEDUA_SISI = (
    "Penanda tangan pihak pertama tidak boleh juga menandatangani sebagai pihak kedua."
)
PESAN_PIHAK_KEDUA_KERTAS = (
    "Pihak kedua bukan pejabat perangkat daerah dan menandatangani di atas kertas; "
    "Kepala Perangkat Daerah mengunggah pindaian halaman bertanda tangan."
)
PESAN_PINDAIAN_HANYA_KEPALA = (
    "Hanya Kepala Perangkat Daerah yang dapat mengunggah pindaian PK bertanda tangan."
)
PESAN_PINDAIAN_JENIS = "Berkas pindaian harus berupa PDF, JPG atau PNG yang sah."
PESAN_KONFIRMASI_PINDAIAN = (
    "Centang konfirmasi bahwa pindaian adalah halaman PK yang ditandatangani."
)
PESAN_PERUBAHAN_DARI_TTD = "PK Perubahan hanya dapat dibuat dari PK yang sudah ditandatangani."
PESAN_PERUBAHAN_SUDAH_ADA = "PK ini sudah memiliki versi perubahan."
PESAN_ALASAN_PERUBAHAN = "Pilih salah satu alasan perubahan PK."
PESAN_URAIAN_PERUBAHAN = "Uraikan perubahan yang dilakukan."
PESAN_KEMBALI_DRAF = (
    "Hanya PK yang baru ditandatangani pihak pertama yang dapat dikembalikan ke draf."
)
PESAN_ALASAN_KEMBALI = "Isi alasan pengembalian ke draf."
PESAN_HAPUS_BUKAN_DRAF = "Hanya PK berstatus draf yang dapat dihapus."
PESAN_ATASAN_LAIN_TAHUN = "Indikator atasan harus dari PK perangkat daerah dan tahun yang sama."
PESAN_ATASAN_DIRI_SENDIRI = "Indikator tidak dapat menjadi atasan dirinya sendiri."
PESAN_ATASAN_SIKLUS = "Tautan indikator atasan membentuk lingkaran."
PESAN_INDIKATOR_LAIN_PD = "Indikator bukan milik perangkat daerah ini."
PESAN_INDIKATOR_SUDAH_ADA = "Indikator ini sudah ada dalam PK."
PESAN_ISIAN_TIDAK_DIKENAL = "Isian tidak dapat diubah: {nama}."
PESAN_TIDAK_ADA_PK = "Tidak ada Perjanjian Kinerja {pd} tahun {tahun}{pejabat}."

LABEL_PIHAK = {"pertama": "pihak pertama", "kedua": "pihak kedua"}
LABEL_TINGKAT = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub Kegiatan",
}
JUDUL_KOLOM_ANGGARAN = {
    TingkatAnggaran.PROGRAM: "PROGRAM",
    TingkatAnggaran.KEGIATAN: "KEGIATAN",
    TingkatAnggaran.SUB_KEGIATAN: "SUB KEGIATAN",
}
LABEL_BERTAMBAH = "Bertambah"
LABEL_BERKURANG = "Berkurang"
LABEL_INDIKATOR_BARU = "Indikator baru"

SATUAN_TANPA_LABEL = {"nilai", "indeks", "skor", "predikat", "()"}
"""Units not printed after a value ("73", not "73 nilai")."""

FORMAT_KANONIK = "sakip-pk/1"
"""Version tag of the canonical form hashed into the fingerprint (never change it silently:
a new form needs a new tag so that earlier fingerprints stay verifiable)."""

URUTAN_ESELON = {Eselon.II: 0, Eselon.III: 1, Eselon.IV: 2, Eselon.JF: 3}
ESELON_PK = tuple(URUTAN_ESELON)

JENIS_PINDAIAN = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
}

# Fields of a PK row (PKIndikator) the drafter may change, and of the PK header.
ISIAN_BARIS = (
    "sasaran_uraian",
    "uraian",
    "satuan",
    "nilai",
    "predikat",
    "batas_bawah",
    "batas_atas",
    "alasan_selisih",
    "urutan",
)
ISIAN_KEPALA = (
    "tempat",
    "tanggal",
    "tanggal_hanya_bulan",
    "pihak_pertama",
    "pihak_kedua",
    "pihak_kedua_nama",
    "pihak_kedua_jabatan",
    "pihak_kedua_nip",
)
_ISIAN_FK = ("pihak_pertama", "pihak_kedua", "tanggal")
_KOLOM_KEPALA = [
    "tempat",
    "tanggal",
    "tanggal_hanya_bulan",
    "pihak_pertama_id",
    "pihak_pertama_jabatan",
    "pihak_kedua_id",
    "pihak_kedua_nama",
    "pihak_kedua_jabatan",
    "pihak_kedua_nip",
]


# --- Small helpers -----------------------------------------------------------------------------


def teks_desimal(nilai: Decimal | None) -> str | None:
    """A Decimal in plain notation without trailing zeros ("100", "7.8"); None stays None."""
    if nilai is None:
        return None
    teks = format(nilai.normalize(), "f")
    return "0" if teks in ("-0", "0") else teks


def nilai_kanonik(obj: Any) -> Any:
    """The target held by a NilaiTargetMixin (Target, PKIndikator) in canonical form:
    {"bawah", "atas"} for a range, the predikat letter, the number as plain text, or None."""
    if obj is None:
        return None
    if obj.batas_bawah is not None or obj.batas_atas is not None:
        return {"bawah": teks_desimal(obj.batas_bawah), "atas": teks_desimal(obj.batas_atas)}
    if obj.predikat:
        return obj.predikat.strip().upper()
    return teks_desimal(obj.nilai)


def _angka_cetak(nilai: Decimal) -> str:
    # As many decimals as the value holds (at most 4): 7.8 → "7,8", 100 → "100".
    tempat = min(4, max(0, -nilai.normalize().as_tuple().exponent))
    return format_angka(nilai, tempat)


def teks_nilai(nilai: Any, satuan: str = "") -> str:
    """A target or realisation as printed: "100%", "5 Dokumen", "BB", "80–90%", "—"."""
    if nilai is None or nilai == "":
        return TANDA_KOSONG
    if isinstance(nilai, dict):
        bawah, atas = nilai.get("bawah"), nilai.get("atas")
        teks = "–".join(_angka_cetak(Decimal(v)) if v is not None else "…" for v in (bawah, atas))
    elif isinstance(nilai, str):
        teks = nilai
        if teks.upper() in NILAI_PREDIKAT:
            return teks.upper()
        try:
            teks = _angka_cetak(Decimal(teks))
        except ArithmeticError:
            return teks
    else:
        teks = _angka_cetak(nilai)
    satuan = (satuan or "").strip()
    if not satuan or satuan.lower() in SATUAN_TANPA_LABEL:
        return teks
    return f"{teks}%" if satuan == "%" else f"{teks} {satuan}"


def _dengan_status(status: str, jabatan: str) -> str:
    """The position with the acting prefix (Plt./Plh.) exactly once."""
    jabatan = (jabatan or "").strip()
    if status and not jabatan.startswith(status):
        return f"{status} {jabatan}".strip()
    return jabatan


def _pastikan_draf(pk: PerjanjianKinerja) -> None:
    if pk.status == StatusPK.DITANDATANGANI:
        raise ValidationError(PESAN_PK_TERKUNCI)
    if pk.status != StatusPK.DRAFT:
        raise ValidationError(PESAN_PK_MENUNGGU_PIHAK_KEDUA)


def _segarkan(pk: PerjanjianKinerja) -> PerjanjianKinerja:
    """The PK as stored now (a caller may hold a stale copy), locked for the transaction."""
    return PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)


def _periksa_sandi(user, kata_sandi: str) -> None:
    if not kata_sandi or not user.check_password(kata_sandi):
        raise ValidationError(PESAN_KATA_SANDI_SALAH)


# --- Reading the plan --------------------------------------------------------------------------


def renstra_tahun(pd: PerangkatDaerah, tahun: int) -> PeriodeRenstra | None:
    """The Renstra period of `pd` covering `tahun` (the latest if periods overlap)."""
    return (
        PeriodeRenstra.objects.filter(
            perangkat_daerah=pd, tahun_awal__lte=tahun, tahun_akhir__gte=tahun
        )
        .order_by("-tahun_awal")
        .first()
    )


def target_rencana(indikator_ids: Iterable[int], tahun: int) -> dict[int, Target]:
    """For each indicator: its Renja target of `tahun` when it holds a value, else its Renstra
    target of that year (the target a PK is drafted from). One query."""
    hasil: dict[int, Target] = {}
    cadangan: dict[int, Target] = {}
    for t in Target.objects.filter(
        indikator_id__in=list(indikator_ids),
        tahun=tahun,
        jenis__in=[JenisTarget.RENJA, JenisTarget.RENSTRA],
    ):
        if t.kosong:
            continue
        (hasil if t.jenis == JenisTarget.RENJA else cadangan)[t.indikator_id] = t
    for ind_id, t in cadangan.items():
        hasil.setdefault(ind_id, t)
    return hasil


@dataclass
class _PohonRencana:
    """The program tree of one Renstra period, loaded once (4 queries) for drafting."""

    program: list[Program]
    kegiatan: dict[int, list[Kegiatan]]
    sub_kegiatan: dict[int, list[SubKegiatan]]
    sasaran_program: dict[int, list[int]]

    @classmethod
    def muat(cls, renstra: PeriodeRenstra) -> _PohonRencana:
        program = list(Program.objects.filter(renstra=renstra).order_by("urutan", "id"))
        kegiatan: dict[int, list[Kegiatan]] = defaultdict(list)
        for k in Kegiatan.objects.filter(program__renstra=renstra).order_by("urutan", "id"):
            kegiatan[k.program_id].append(k)
        sub: dict[int, list[SubKegiatan]] = defaultdict(list)
        for s in SubKegiatan.objects.filter(kegiatan__program__renstra=renstra).order_by(
            "urutan", "id"
        ):
            sub[s.kegiatan_id].append(s)
        sasaran_program: dict[int, list[int]] = defaultdict(list)
        for baris in Program.sasaran.through.objects.filter(program__renstra=renstra):
            sasaran_program[baris.program_id].append(baris.sasaran_id)
        return cls(program, kegiatan, sub, sasaran_program)

    def unit_kegiatan(self, program: Program, kegiatan: Kegiatan) -> int | None:
        return kegiatan.unit_kerja_id or program.unit_kerja_id

    def unit_sub(self, program: Program, kegiatan: Kegiatan, sub: SubKegiatan) -> int | None:
        return sub.unit_kerja_id or kegiatan.unit_kerja_id or program.unit_kerja_id


def pagu_berlaku(renstra: PeriodeRenstra, tahun: int) -> dict[tuple[str, int], Decimal | None]:
    """The budget in force of `tahun` for every program, kegiatan and sub-kegiatan of the plan,
    keyed ("program"|"kegiatan"|"sub_kegiatan", id). Two queries.

    Pagu berlaku is perubahan when set, else murni. Amounts roll up from the lowest level the
    plan has: a kegiatan is the sum of its sub-kegiatan when any of them has a pagu, else its
    own pagu; a program likewise from its kegiatan. None means no pagu at all (not zero).
    """
    pohon = _PohonRencana.muat(renstra)
    return _rollup_pagu(pohon, renstra, tahun)


def _rollup_pagu(
    pohon: _PohonRencana, renstra: PeriodeRenstra, tahun: int
) -> dict[tuple[str, int], Decimal | None]:
    langsung: dict[tuple[str, int], Decimal | None] = {}
    for p in Pagu.objects.filter(
        Q(program__renstra=renstra)
        | Q(kegiatan__program__renstra=renstra)
        | Q(sub_kegiatan__kegiatan__program__renstra=renstra),
        tahun=tahun,
    ):
        if p.sub_kegiatan_id:
            langsung[("sub_kegiatan", p.sub_kegiatan_id)] = p.berlaku
        elif p.kegiatan_id:
            langsung[("kegiatan", p.kegiatan_id)] = p.berlaku
        else:
            langsung[("program", p.program_id)] = p.berlaku

    def jumlah(nilai: list[Decimal | None]) -> Decimal | None:
        ada = [n for n in nilai if n is not None]
        if not ada:
            return None
        with localcontext(prec=PRESISI):
            return sum(ada, Decimal(0))

    hasil: dict[tuple[str, int], Decimal | None] = {}
    for program in pohon.program:
        nilai_kegiatan = []
        for kegiatan in pohon.kegiatan.get(program.pk, []):
            nilai_sub = []
            for sub in pohon.sub_kegiatan.get(kegiatan.pk, []):
                n = langsung.get(("sub_kegiatan", sub.pk))
                hasil[("sub_kegiatan", sub.pk)] = n
                nilai_sub.append(n)
            n_kegiatan = jumlah(nilai_sub)
            if n_kegiatan is None:
                n_kegiatan = langsung.get(("kegiatan", kegiatan.pk))
            hasil[("kegiatan", kegiatan.pk)] = n_kegiatan
            nilai_kegiatan.append(n_kegiatan)
        n_program = jumlah(nilai_kegiatan)
        if n_program is None:
            n_program = langsung.get(("program", program.pk))
        hasil[("program", program.pk)] = n_program
    return hasil


# --- Drafting ----------------------------------------------------------------------------------


def atasan_langsung(pejabat: Pejabat) -> Pejabat | None:
    """The pejabat who signs as pihak kedua for `pejabat` (None for eselon II: the kepala
    daerah, who is not a pejabat of the PD).

    eselon III → the active eselon II of the PD; eselon IV / JF → the active eselon III of their
    unit (walking up to the parent unit when the unit itself has none).
    """
    aktif = Pejabat.objects.filter(perangkat_daerah_id=pejabat.perangkat_daerah_id, aktif=True)
    if pejabat.eselon == Eselon.II:
        return None
    if pejabat.eselon == Eselon.III:
        return aktif.filter(eselon=Eselon.II).exclude(pk=pejabat.pk).order_by("id").first()
    unit = pejabat.unit_kerja
    terlihat: set[int] = set()
    while unit is not None and unit.pk not in terlihat:
        terlihat.add(unit.pk)
        atasan = (
            aktif.filter(eselon=Eselon.III, unit_kerja=unit).exclude(pk=pejabat.pk).order_by("id")
        ).first()
        if atasan is not None:
            return atasan
        unit = unit.induk
    return None


@dataclass
class _BarisDraf:
    indikator: Indikator
    sasaran_uraian: str
    target: Target | None


def _baris_eselon_ii(renstra: PeriodeRenstra, tahun: int) -> list[_BarisDraf]:
    semua = list(
        Indikator.objects.filter(sasaran__renstra=renstra)
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
    )
    iku = [i for i in semua if i.iku] or semua
    target = target_rencana([i.pk for i in iku], tahun)
    return [_BarisDraf(i, i.sasaran.uraian, target.get(i.pk)) for i in iku]


def _baris_bertarget(indikator: list[Indikator], sasaran: dict[int, str], tahun: int):
    target = target_rencana([i.pk for i in indikator], tahun)
    return [_BarisDraf(i, sasaran[i.pk], target[i.pk]) for i in indikator if i.pk in target]


def _isi_draf(
    pejabat: Pejabat, renstra: PeriodeRenstra, tahun: int
) -> tuple[list[_BarisDraf], list[tuple[str, Any, Decimal | None]]]:
    """The rows (indicators with their plan target) and budget lines of a PK drafted for
    `pejabat`, by echelon:
    - II: every IKU of the PD's sasaran (all sasaran indicators when none is marked IKU),
      and every program with its pagu;
    - III: the indicators of the programs and kegiatan of their unit, and those kegiatan;
    - IV / JF: the indicators of the sub-kegiatan of their unit, and those sub-kegiatan.
    For III and IV/JF only indicators with a Renja/Renstra target for the year are taken;
    budget lines without any pagu for the year are left out.
    """
    pohon = _PohonRencana.muat(renstra)
    pagu = _rollup_pagu(pohon, renstra, tahun)
    if pejabat.eselon == Eselon.II:
        baris = _baris_eselon_ii(renstra, tahun)
        anggaran = [
            (TingkatAnggaran.PROGRAM, p, pagu.get(("program", p.pk))) for p in pohon.program
        ]
    else:
        unit = pejabat.unit_kerja_id
        program, kegiatan, sub = [], [], []
        for p in pohon.program:
            if p.unit_kerja_id == unit and pejabat.eselon == Eselon.III:
                program.append(p)
            for k in pohon.kegiatan.get(p.pk, []):
                if pejabat.eselon == Eselon.III and pohon.unit_kegiatan(p, k) == unit:
                    kegiatan.append(k)
                for s in pohon.sub_kegiatan.get(k.pk, []):
                    if pejabat.eselon != Eselon.III and pohon.unit_sub(p, k, s) == unit:
                        sub.append(s)
        urutan_node = {("program", p.pk): i for i, p in enumerate(program)}
        urutan_node.update({("kegiatan", k.pk): i for i, k in enumerate(kegiatan)})
        urutan_node.update({("sub_kegiatan", s.pk): i for i, s in enumerate(sub)})
        indikator = list(
            Indikator.objects.filter(
                Q(program__in=program) | Q(kegiatan__in=kegiatan) | Q(sub_kegiatan__in=sub)
            ).select_related("program", "kegiatan", "sub_kegiatan")
        )

        def kunci(i: Indikator):
            node = i.program or i.kegiatan or i.sub_kegiatan
            tingkat = i.tingkat
            # Program rows first, then kegiatan rows in plan order (III); plan order (IV/JF).
            return (
                0 if tingkat == "program" else 1,
                urutan_node[(tingkat, node.pk)],
                i.urutan,
                i.pk,
            )

        indikator.sort(key=kunci)
        nama = {i.pk: (i.program or i.kegiatan or i.sub_kegiatan).nama for i in indikator}
        baris = _baris_bertarget(indikator, nama, tahun)
        if pejabat.eselon == Eselon.III:
            anggaran = [
                (TingkatAnggaran.KEGIATAN, k, pagu.get(("kegiatan", k.pk))) for k in kegiatan
            ]
        else:
            anggaran = [
                (TingkatAnggaran.SUB_KEGIATAN, s, pagu.get(("sub_kegiatan", s.pk))) for s in sub
            ]
    anggaran = [a for a in anggaran if a[2] is not None]
    return baris, anggaran


def _pastikan_pejabat(pd: PerangkatDaerah, pejabat: Pejabat) -> None:
    if pejabat.perangkat_daerah_id != pd.pk:
        raise ValidationError(PESAN_PEJABAT_LAIN_PD)
    if not pejabat.aktif:
        raise ValidationError(PESAN_PEJABAT_TIDAK_AKTIF)
    if pejabat.eselon not in ESELON_PK:
        raise ValidationError(PESAN_ESELON_TIDAK_DIDUKUNG)
    if pejabat.eselon != Eselon.II and pejabat.unit_kerja_id is None:
        raise ValidationError(PESAN_PEJABAT_TANPA_UNIT)


@transaction.atomic
def pk_susun_draf(*, pd: PerangkatDaerah, tahun: int, pejabat: Pejabat, user) -> PerjanjianKinerja:
    """Draft the PK of `pejabat` for `tahun` from the plan (never retyped).

    Rows take the Renja target of the year, else the Renstra target (see `_isi_draf` for
    what each echelon gets). Pihak kedua: the kepala daerah of the Pemda for eselon II, else
    `atasan_langsung`. Each row is linked to the higher PK indicator it supports
    (`indikator_atasan`, default from the plan), and the unlinked rows of lower draft PKs of
    the same year are linked to this one where the plan says so.

    Raises ValidationError when the pejabat is of another PD, inactive, without a supported
    echelon or unit, already has a PK for the year, or the plan has nothing for them.
    """
    _pastikan_pejabat(pd, pejabat)
    if PerjanjianKinerja.objects.filter(
        perangkat_daerah=pd, tahun=tahun, pihak_pertama=pejabat
    ).exists():
        raise ValidationError(PESAN_PK_SUDAH_ADA.format(tahun=tahun))
    renstra = renstra_tahun(pd, tahun)
    if renstra is None:
        raise ValidationError(PESAN_RENSTRA_TIDAK_ADA.format(tahun=tahun))
    baris, anggaran = _isi_draf(pejabat, renstra, tahun)
    if not baris and not anggaran:
        raise ValidationError(PESAN_RENCANA_KOSONG.format(tahun=tahun))

    pk = PerjanjianKinerja(
        perangkat_daerah=pd,
        tahun=tahun,
        versi=VersiPK.MURNI,
        nomor_versi=1,
        pihak_pertama=pejabat,
        pihak_pertama_jabatan=pejabat.jabatan,
        tempat=pd.kota_ttd,
        tanggal=datetime.date(tahun, 1, 1),
        tanggal_hanya_bulan=True,
        status=StatusPK.DRAFT,
    )
    _isi_pihak_kedua(pk, pejabat)
    pk.full_clean()
    pk.save()
    PKIndikator.objects.bulk_create(
        PKIndikator(
            perjanjian=pk,
            urutan=n,
            sasaran_uraian=b.sasaran_uraian,
            indikator=b.indikator,
            uraian=b.indikator.uraian,
            satuan=b.indikator.satuan,
            nilai=b.target.nilai if b.target else None,
            predikat=b.target.predikat if b.target else "",
            batas_bawah=b.target.batas_bawah if b.target else None,
            batas_atas=b.target.batas_atas if b.target else None,
        )
        for n, b in enumerate(baris, start=1)
    )
    PKAnggaran.objects.bulk_create(
        PKAnggaran(
            perjanjian=pk,
            urutan=n,
            tingkat=tingkat,
            program=node if tingkat == TingkatAnggaran.PROGRAM else None,
            kegiatan=node if tingkat == TingkatAnggaran.KEGIATAN else None,
            sub_kegiatan=node if tingkat == TingkatAnggaran.SUB_KEGIATAN else None,
            kode=node.kode,
            nama=node.nama,
            jumlah=jumlah,
        )
        for n, (tingkat, node, jumlah) in enumerate(anggaran, start=1)
    )
    ditautkan = _tautkan_otomatis(pd=pd, tahun=tahun, user=user)
    audit.catat(
        pengguna=user,
        aksi="pk.susun",
        objek=pk,
        perangkat_daerah=pd,
        perubahan={"indikator": [None, len(baris)], "anggaran": [None, len(anggaran)]},
        keterangan=f"Draf PK {tahun} disusun dari rencana; {ditautkan} tautan indikator atasan.",
    )
    return pk


def _isi_pihak_kedua(pk: PerjanjianKinerja, pejabat: Pejabat) -> None:
    if pejabat.eselon == Eselon.II:
        pemda = pk.perangkat_daerah.pemda
        pk.pihak_kedua = None
        pk.pihak_kedua_nama = pemda.kepala_daerah_nama
        pk.pihak_kedua_jabatan = pemda.kepala_daerah_jabatan
        pk.pihak_kedua_nip = ""
        return
    atasan = atasan_langsung(pejabat)
    pk.pihak_kedua = atasan
    pk.pihak_kedua_nama = atasan.nama if atasan else ""
    pk.pihak_kedua_jabatan = atasan.jabatan if atasan else ""
    pk.pihak_kedua_nip = (atasan.nip or "") if atasan else ""


# --- Editing a draft ---------------------------------------------------------------------------


def selisih_rencana(baris: PKIndikator, rencana: Target | None) -> bool:
    """True when the row's target differs from its Renja/Renstra target (None: no plan target,
    nothing to differ from)."""
    if rencana is None:
        return False
    return nilai_kanonik(baris) != nilai_kanonik(rencana)


def _periksa_alasan(baris: PKIndikator, rencana: Target | None) -> None:
    if selisih_rencana(baris, rencana) and not baris.alasan_selisih.strip():
        raise ValidationError(
            {
                "alasan_selisih": PESAN_ALASAN_SELISIH.format(
                    sumber=rencana.get_jenis_display(),
                    target=teks_nilai(rencana.nilai_masukan(), baris.satuan),
                )
            }
        )


@transaction.atomic
def pk_ubah_kepala(*, pk: PerjanjianKinerja, data: Mapping[str, Any], user) -> PerjanjianKinerja:
    """Change the header of a draft: place and date, the parties (`ISIAN_KEPALA`).

    Choosing another pejabat as pihak kedua (or pihak pertama) takes their name, position
    and NIP (position) from the pejabat record."""
    pk = _segarkan(pk)
    _pastikan_draf(pk)
    for nama in data:
        if nama not in ISIAN_KEPALA:
            raise ValidationError(PESAN_ISIAN_TIDAK_DIKENAL.format(nama=nama))
    lama = audit.snapshot(pk, _KOLOM_KEPALA)
    for nama, nilai in data.items():
        setattr(pk, nama, "" if nilai is None and nama not in _ISIAN_FK else nilai)
    for nama in ("pihak_pertama", "pihak_kedua"):
        pejabat = getattr(pk, nama)
        if pejabat is not None and pejabat.perangkat_daerah_id != pk.perangkat_daerah_id:
            raise ValidationError({nama: PESAN_PEJABAT_LAIN_PD})
    if pk.pihak_kedua_id and pk.pihak_kedua_id != lama["pihak_kedua_id"]:
        # Another pejabat as pihak kedua: their name, position and NIP replace the old ones.
        pk.pihak_kedua_nama = pk.pihak_kedua.nama
        pk.pihak_kedua_jabatan = pk.pihak_kedua.jabatan
        pk.pihak_kedua_nip = pk.pihak_kedua.nip or ""
    if pk.pihak_pertama_id and pk.pihak_pertama_id != lama["pihak_pertama_id"]:
        pk.pihak_pertama_jabatan = pk.pihak_pertama.jabatan
    pk.full_clean()
    pk.save()
    baru = audit.snapshot(pk, _KOLOM_KEPALA)
    audit.catat(
        pengguna=user,
        aksi="pk.ubah",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan=audit.selisih(lama, baru),
    )
    return pk


@transaction.atomic
def pk_ubah_indikator(*, baris: PKIndikator, data: Mapping[str, Any], user) -> PKIndikator:
    """Change a row of a draft PK (`ISIAN_BARIS`): target (number, predikat or range), texts,
    and `alasan_selisih`, required when the target differs from the Renja/Renstra target."""
    pk = _segarkan(baris.perjanjian)
    _pastikan_draf(pk)
    baris = PKIndikator.objects.select_related("indikator").get(pk=baris.pk)
    for nama in data:
        if nama not in ISIAN_BARIS:
            raise ValidationError(PESAN_ISIAN_TIDAK_DIKENAL.format(nama=nama))
    lama = audit.snapshot(baris, list(ISIAN_BARIS))
    for nama, nilai in data.items():
        setattr(
            baris, nama, "" if nilai is None and nama in ("predikat", "alasan_selisih") else nilai
        )
    baris.predikat = (baris.predikat or "").strip().upper()
    baris.full_clean()
    rencana = target_rencana([baris.indikator_id], pk.tahun).get(baris.indikator_id)
    _periksa_alasan(baris, rencana)
    baris.save()
    audit.catat(
        pengguna=user,
        aksi="pk.indikator.ubah",
        objek=baris,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan=audit.selisih(lama, audit.snapshot(baris, list(ISIAN_BARIS))),
    )
    return baris


@transaction.atomic
def pk_tambah_indikator(*, pk: PerjanjianKinerja, indikator: Indikator, user) -> PKIndikator:
    """Add an indicator of the plan to a draft (with its Renja/Renstra target of the year)."""
    pk = _segarkan(pk)
    _pastikan_draf(pk)
    if indikator.perangkat_daerah_id != pk.perangkat_daerah_id:
        raise ValidationError(PESAN_INDIKATOR_LAIN_PD)
    if pk.indikator.filter(indikator=indikator).exists():
        raise ValidationError(PESAN_INDIKATOR_SUDAH_ADA)
    target = target_rencana([indikator.pk], pk.tahun).get(indikator.pk)
    induk = indikator.sasaran or indikator.program or indikator.kegiatan or indikator.sub_kegiatan
    urutan = (pk.indikator.order_by("-urutan").values_list("urutan", flat=True).first() or 0) + 1
    baris = PKIndikator.objects.create(
        perjanjian=pk,
        urutan=urutan,
        sasaran_uraian=getattr(induk, "uraian", None) or getattr(induk, "nama", ""),
        indikator=indikator,
        uraian=indikator.uraian,
        satuan=indikator.satuan,
        nilai=target.nilai if target else None,
        predikat=target.predikat if target else "",
        batas_bawah=target.batas_bawah if target else None,
        batas_atas=target.batas_atas if target else None,
    )
    _tautkan_otomatis(pd=pk.perangkat_daerah, tahun=pk.tahun, user=user)
    audit.catat(
        pengguna=user,
        aksi="pk.indikator.tambah",
        objek=baris,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan=audit.selisih({}, audit.snapshot(baris)),
    )
    return baris


def _hapus_baris(baris: PKIndikator | PKAnggaran, *, aksi: str, user) -> None:
    pk = _segarkan(baris.perjanjian)
    _pastikan_draf(pk)
    audit.catat(
        pengguna=user,
        aksi=aksi,
        objek=baris,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan=audit.selisih(audit.snapshot(baris), {}),
    )
    baris.delete()


@transaction.atomic
def pk_hapus_indikator(*, baris: PKIndikator, user) -> None:
    """Remove a row from a draft PK (e.g. an indicator that belongs to a colleague's PK)."""
    _hapus_baris(baris, aksi="pk.indikator.hapus", user=user)


@transaction.atomic
def pk_hapus_anggaran(*, baris: PKAnggaran, user) -> None:
    """Remove a budget line from a draft PK."""
    _hapus_baris(baris, aksi="pk.anggaran.hapus", user=user)


@transaction.atomic
def pk_hapus(*, pk: PerjanjianKinerja, user) -> None:
    """Delete a draft PK (a signed PK or one awaiting pihak kedua is never deleted)."""
    pk = _segarkan(pk)
    if pk.status != StatusPK.DRAFT:
        raise ValidationError(PESAN_HAPUS_BUKAN_DRAF)
    audit.catat(
        pengguna=user,
        aksi="pk.hapus",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan=audit.selisih(audit.snapshot(pk), {}),
    )
    pk.delete()  # rows of other PKs linked to this one are unlinked (SET_NULL)


# --- Cascading ---------------------------------------------------------------------------------


def _rantai_atasan(baris: PKIndikator) -> set[int]:
    terlihat: set[int] = set()
    kini = baris
    while kini is not None and kini.pk not in terlihat:
        terlihat.add(kini.pk)
        kini = kini.indikator_atasan
    return terlihat


@transaction.atomic
def pk_tautkan(*, baris: PKIndikator, atasan: PKIndikator | None, user) -> PKIndikator:
    """Link a row of a draft PK to the higher PK indicator it supports (None unlinks).

    The higher row must belong to a PK of the same PD and year; cycles are refused."""
    pk = _segarkan(baris.perjanjian)
    _pastikan_draf(pk)
    baris = PKIndikator.objects.get(pk=baris.pk)
    if atasan is not None:
        if atasan.pk == baris.pk:
            raise ValidationError(PESAN_ATASAN_DIRI_SENDIRI)
        pk_atasan = atasan.perjanjian
        if pk_atasan.perangkat_daerah_id != pk.perangkat_daerah_id or pk_atasan.tahun != pk.tahun:
            raise ValidationError(PESAN_ATASAN_LAIN_TAHUN)
        if baris.pk in _rantai_atasan(atasan):
            raise ValidationError(PESAN_ATASAN_SIKLUS)
    lama = baris.indikator_atasan_id
    baris.indikator_atasan = atasan
    baris.save(update_fields=["indikator_atasan"])
    audit.catat(
        pengguna=user,
        aksi="pk.indikator.tautkan",
        objek=baris,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan=audit.selisih(
            {"indikator_atasan_id": lama}, {"indikator_atasan_id": baris.indikator_atasan_id}
        ),
    )
    return baris


def _induk_rencana(
    indikator: Indikator, sasaran_program: Mapping[int, list[int]]
) -> list[tuple[str, Any]]:
    """The plan nodes above an indicator, nearest first, as ("kegiatan", id) … ("sasaran", id):
    sub-kegiatan → kegiatan → program → the sasaran of the program."""
    rantai: list[tuple[str, Any]] = []
    program_id = None
    if indikator.sub_kegiatan_id:
        kegiatan = indikator.sub_kegiatan.kegiatan
        rantai.append(("kegiatan", kegiatan.pk))
        program_id = kegiatan.program_id
    elif indikator.kegiatan_id:
        program_id = indikator.kegiatan.program_id
    elif indikator.program_id:
        program_id = indikator.program_id
    if program_id and not indikator.program_id:
        rantai.append(("program", program_id))
    if program_id:
        rantai.extend(("sasaran", s) for s in sasaran_program.get(program_id, []))
    return rantai


def _node_indikator(indikator: Indikator) -> tuple[str, int] | None:
    tingkat = indikator.tingkat
    return (tingkat, getattr(indikator, f"{tingkat}_id")) if tingkat else None


def _tautkan_otomatis(*, pd: PerangkatDaerah, tahun: int, user=None) -> int:
    """Fill `indikator_atasan` of unlinked rows of DRAFT PKs of the year from the plan.

    Candidates are the rows of the current PKs of the year (`pk_terkini`); among the rows of
    the parent node the one in the same PK wins, then the one in the pihak kedua's PK, then
    the highest echelon. Returns the number of rows linked. Signed PKs are never touched."""
    daftar = pk_terkini(pd=pd, tahun=tahun)
    if not daftar:
        return 0
    baris_semua = list(
        PKIndikator.objects.filter(perjanjian__in=daftar)
        .select_related("indikator__sub_kegiatan__kegiatan", "indikator__kegiatan")
        .order_by("perjanjian_id", "urutan", "id")
    )
    pk_map = {p.pk: p for p in daftar}
    sasaran_program: dict[int, list[int]] = defaultdict(list)
    for b in Program.sasaran.through.objects.filter(program__renstra__perangkat_daerah=pd):
        sasaran_program[b.program_id].append(b.sasaran_id)
    per_node: dict[tuple[str, int], list[PKIndikator]] = defaultdict(list)
    for b in baris_semua:
        if b.indikator_id:
            node = _node_indikator(b.indikator)
            if node:
                per_node[node].append(b)
    tercatat: list[dict] = []
    for b in baris_semua:
        pk = pk_map[b.perjanjian_id]
        if b.indikator_atasan_id or b.indikator_id is None or pk.status != StatusPK.DRAFT:
            continue
        for node in _induk_rencana(b.indikator, sasaran_program):
            kandidat = [k for k in per_node.get(node, []) if k.pk != b.pk]
            if not kandidat:
                continue

            def peringkat(k: PKIndikator, pk=pk) -> tuple:
                pk_k = pk_map[k.perjanjian_id]
                eselon = pk_k.pihak_pertama.eselon if pk_k.pihak_pertama else ""
                return (
                    0 if k.perjanjian_id == pk.pk else 1,
                    0 if pk.pihak_kedua_id and pk_k.pihak_pertama_id == pk.pihak_kedua_id else 1,
                    URUTAN_ESELON.get(eselon, 9),
                    k.perjanjian_id,
                    k.urutan,
                )

            b.indikator_atasan = min(kandidat, key=peringkat)
            b.save(update_fields=["indikator_atasan"])
            tercatat.append(
                {
                    "pengguna": user,
                    "aksi": "pk.indikator.tautkan",
                    "objek": b,
                    "perangkat_daerah": pd,
                    "perubahan": {"indikator_atasan_id": [None, b.indikator_atasan_id]},
                    "keterangan": "Tautan bawaan dari rencana.",
                }
            )
            break
    audit.catat_banyak(tercatat)
    return len(tercatat)


@transaction.atomic
def pk_tautkan_otomatis(*, pd: PerangkatDaerah, tahun: int, user) -> int:
    """Link the unlinked rows of the year's draft PKs from the plan (see `_tautkan_otomatis`)."""
    jumlah = _tautkan_otomatis(pd=pd, tahun=tahun, user=user)
    audit.catat(
        pengguna=user,
        aksi="pk.tautkan_otomatis",
        perangkat_daerah=pd,
        keterangan=f"{jumlah} indikator PK {tahun} ditautkan ke indikator atasan.",
    )
    return jumlah


# --- Fingerprint -------------------------------------------------------------------------------


def _pihak_pertama_kanonik(pk: PerjanjianKinerja) -> dict[str, str]:
    p = pk.pihak_pertama
    return {
        "nama": p.nama if p else "",
        "nip": (p.nip or "") if p else "",
        "jabatan": jabatan_pihak_pertama(pk),
        "pangkat_golongan": p.pangkat_golongan if p else "",
    }


def _pihak_kedua_kanonik(pk: PerjanjianKinerja) -> dict[str, str]:
    p = pk.pihak_kedua
    return {
        "nama": pk.pihak_kedua_nama or (p.nama if p else ""),
        "nip": pk.pihak_kedua_nip or ((p.nip or "") if p else ""),
        "jabatan": jabatan_pihak_kedua(pk),
        "pangkat_golongan": p.pangkat_golongan if p else "",
    }


def jabatan_pihak_pertama(pk: PerjanjianKinerja) -> str:
    p = pk.pihak_pertama
    return _dengan_status(
        p.status_jabatan if p else "", pk.pihak_pertama_jabatan or (p.jabatan if p else "")
    )


def jabatan_pihak_kedua(pk: PerjanjianKinerja) -> str:
    p = pk.pihak_kedua
    return _dengan_status(
        p.status_jabatan if p else "", pk.pihak_kedua_jabatan or (p.jabatan if p else "")
    )


def total_anggaran(baris: Iterable[PKAnggaran]) -> Decimal | None:
    """The sum of the budget lines (None when no line has an amount)."""
    ada = [b.jumlah for b in baris if b.jumlah is not None]
    if not ada:
        return None
    with localcontext(prec=PRESISI):
        return sum(ada, Decimal(0))


def bentuk_kanonik(pk: PerjanjianKinerja) -> dict[str, Any]:
    """The content of a PK as plain JSON data (the input of the fingerprint).

    A signed PK answers with the content frozen at signing (`isi_kanonik`), so a later
    correction of a pejabat record or of the plan never changes what was signed. A draft
    answers with its current content."""
    if pk.isi_kanonik:
        return json.loads(pk.isi_kanonik)
    return _bentuk_kanonik_terkini(pk)


def _bentuk_kanonik_terkini(pk: PerjanjianKinerja) -> dict[str, Any]:
    """The current content of a PK, built from its rows and parties.

    Decimals are plain-notation strings without trailing zeros; rows keep their printed
    order. `menggantikan` is the fingerprint of the version this one replaces, so a revision
    commits to its predecessor."""
    indikator = list(pk.indikator.order_by("urutan", "id"))
    anggaran = list(pk.anggaran.order_by("urutan", "id"))
    total = total_anggaran(anggaran)
    return {
        "format": FORMAT_KANONIK,
        "perangkat_daerah": {"slug": pk.perangkat_daerah.slug, "nama": pk.perangkat_daerah.nama},
        "tahun": pk.tahun,
        "versi": pk.versi,
        "nomor_versi": pk.nomor_versi,
        "menggantikan": pk.menggantikan.sidik_jari if pk.menggantikan_id else None,
        "alasan_perubahan": pk.alasan_perubahan,
        "uraian_perubahan": pk.uraian_perubahan,
        "pihak_pertama": _pihak_pertama_kanonik(pk),
        "pihak_kedua": _pihak_kedua_kanonik(pk),
        "tempat": pk.tempat,
        "tanggal": (
            None
            if pk.tanggal is None
            else pk.tanggal.strftime("%Y-%m")
            if pk.tanggal_hanya_bulan
            else pk.tanggal.isoformat()
        ),
        "indikator": [
            {
                "no": n,
                "sasaran": b.sasaran_uraian,
                "indikator": b.uraian,
                "satuan": b.satuan,
                "target": nilai_kanonik(b),
                "target_sebelum": (
                    b.target_sebelum_predikat.strip().upper()
                    if b.target_sebelum_predikat
                    else teks_desimal(b.target_sebelum)
                ),
            }
            for n, b in enumerate(indikator, start=1)
        ],
        "anggaran": [
            {
                "no": n,
                "tingkat": b.tingkat,
                "kode": b.kode,
                "nama": b.nama,
                "jumlah": teks_desimal(b.jumlah),
            }
            for n, b in enumerate(anggaran, start=1)
        ],
        "total": teks_desimal(total),
        "total_tercetak": teks_desimal(pk.total_tercetak),
    }


def teks_kanonik(pk: PerjanjianKinerja) -> str:
    """The canonical form as text: sorted-key JSON, UTF-8, no insignificant whitespace."""
    return json.dumps(bentuk_kanonik(pk), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def hitung_sidik_jari(pk: PerjanjianKinerja) -> str:
    """SHA-256 (hex, lower case) of the canonical form of the PK's content."""
    return hashlib.sha256(teks_kanonik(pk).encode("utf-8")).hexdigest()


# --- Sign-off ----------------------------------------------------------------------------------


def _mewakili(user, pejabat: Pejabat) -> bool:
    peran = Keanggotaan.objects.filter(
        pengguna=user, perangkat_daerah_id=pejabat.perangkat_daerah_id
    )
    if pejabat.eselon == Eselon.II:
        return peran.filter(peran=Peran.KEPALA).exists()
    if pejabat.unit_kerja_id is None:
        return False
    return peran.filter(peran=Peran.VERIFIKATOR, unit_kerja_id=pejabat.unit_kerja_id).exists()


def boleh_menandatangani(user, pk: PerjanjianKinerja, pihak: str) -> bool:
    """May `user` sign `pk` as pihak "pertama" or "kedua"? (The rule is in the module doc.)"""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    pejabat = pk.pihak_pertama if pihak == "pertama" else pk.pihak_kedua
    return pejabat is not None and _mewakili(user, pejabat)


def boleh_unggah_pindaian(user, pk: PerjanjianKinerja) -> bool:
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or Keanggotaan.objects.filter(
            pengguna=user, perangkat_daerah_id=pk.perangkat_daerah_id, peran=Peran.KEPALA
        ).exists()
    )


def _penanda_tangan_pertama(pk: PerjanjianKinerja):
    entri = (
        AuditLog.objects.filter(aksi="pk.tandatangan.pihak_pertama", object_id=str(pk.pk))
        .filter(content_type__model="perjanjiankinerja")
        .order_by("-waktu", "-id")
        .first()
    )
    return entri.pengguna_id if entri else None


def _periksa_siap_ditandatangani(pk: PerjanjianKinerja) -> None:
    if pk.pihak_pertama_id is None:
        raise ValidationError(PESAN_PIHAK_PERTAMA_KOSONG)
    if not (pk.pihak_kedua_nama or pk.pihak_kedua_id) or not jabatan_pihak_kedua(pk):
        raise ValidationError(PESAN_PIHAK_KEDUA_KOSONG)
    baris = list(pk.indikator.order_by("urutan", "id"))
    if not baris:
        raise ValidationError(PESAN_PK_TANPA_INDIKATOR)
    kosong = [b.uraian for b in baris if b.kosong]
    if kosong:
        raise ValidationError(PESAN_TARGET_KOSONG.format(daftar="; ".join(kosong)))
    rencana = target_rencana([b.indikator_id for b in baris if b.indikator_id], pk.tahun)
    tanpa_alasan = [
        b.uraian
        for b in baris
        if selisih_rencana(b, rencana.get(b.indikator_id)) and not b.alasan_selisih.strip()
    ]
    if tanpa_alasan:
        raise ValidationError(
            PESAN_ALASAN_SELISIH_BELUM_LENGKAP.format(daftar="; ".join(tanpa_alasan))
        )


@transaction.atomic
def pk_tandatangani_pihak_pertama(
    *, pk: PerjanjianKinerja, user, kata_sandi: str
) -> PerjanjianKinerja:
    """Pihak pertama signs a draft in the app (password re-entered). The content is frozen
    from now on (back to draft only with `pk_kembalikan_ke_draf`)."""
    pk = _segarkan(pk)
    if pk.status != StatusPK.DRAFT:
        raise ValidationError(
            PESAN_PK_TERKUNCI if pk.status == StatusPK.DITANDATANGANI else PESAN_BUKAN_DRAF
        )
    _periksa_sandi(user, kata_sandi)
    if not boleh_menandatangani(user, pk, "pertama"):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_TTD.format(pihak=LABEL_PIHAK["pertama"]))
    _periksa_siap_ditandatangani(pk)
    pk.status = StatusPK.DITANDATANGANI_PIHAK_PERTAMA
    pk.ditandatangani_pihak_pertama_pada = timezone.now()
    pk.ditandatangani_pihak_pertama_oleh = user
    pk.save(
        update_fields=[
            "status",
            "ditandatangani_pihak_pertama_pada",
            "ditandatangani_pihak_pertama_oleh",
        ]
    )
    audit.catat(
        pengguna=user,
        aksi="pk.tandatangan.pihak_pertama",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan={"status": [StatusPK.DRAFT.value, pk.status]},
        # The content signed so far, so that pihak kedua's version can be compared with it.
        keterangan=hitung_sidik_jari(pk),
    )
    return pk


def _selesaikan(pk: PerjanjianKinerja, user, cara: str) -> PerjanjianKinerja:
    """Both parties signed: fingerprint, freeze, and write the PK targets into the plan."""
    pk.ditandatangani_pihak_kedua_pada = timezone.now()
    pk.ditandatangani_pihak_kedua_oleh = user if getattr(user, "is_authenticated", False) else None
    kanonik = teks_kanonik(pk)
    pk.isi_kanonik = kanonik
    pk.sidik_jari = hashlib.sha256(kanonik.encode("utf-8")).hexdigest()
    pk.status = StatusPK.DITANDATANGANI
    pk.full_clean()
    pk.save()
    _salin_target_ke_rencana(pk, user)
    audit.catat(
        pengguna=user,
        aksi="pk.ditandatangani",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan={
            "status": [StatusPK.DITANDATANGANI_PIHAK_PERTAMA.value, pk.status],
            "sidik_jari": ["", pk.sidik_jari],
            "cara": [None, cara],
        },
        # The exact text that was hashed: the signed content stays provable even if a
        # pejabat record is corrected later.
        keterangan=kanonik,
    )
    return pk


def _salin_target_ke_rencana(pk: PerjanjianKinerja, user) -> None:
    """Store the signed targets as the plan's PK targets of the year (pk_murni or
    pk_perubahan), the version every measurement reads first."""
    jenis = JenisTarget.PK_PERUBAHAN if pk.versi == VersiPK.PERUBAHAN else JenisTarget.PK_MURNI
    for b in pk.indikator.exclude(indikator=None):
        lama_obj = Target.objects.filter(
            indikator_id=b.indikator_id, tahun=pk.tahun, jenis=jenis
        ).first()
        lama = nilai_kanonik(lama_obj)
        if lama == nilai_kanonik(b) and lama_obj is not None:
            continue
        Target.objects.update_or_create(
            indikator_id=b.indikator_id,
            tahun=pk.tahun,
            jenis=jenis,
            defaults={
                "nilai": b.nilai,
                "predikat": b.predikat,
                "batas_bawah": b.batas_bawah,
                "batas_atas": b.batas_atas,
            },
        )
        audit.catat(
            pengguna=user,
            aksi="rencana.target.dari_pk",
            objek=b.indikator,
            perangkat_daerah=pk.perangkat_daerah,
            perubahan={f"target_{jenis}_{pk.tahun}": [lama, nilai_kanonik(b)]},
            keterangan=f"PK #{pk.pk} versi {pk.nomor_versi}",
        )


@transaction.atomic
def pk_tandatangani_pihak_kedua(
    *, pk: PerjanjianKinerja, user, kata_sandi: str
) -> PerjanjianKinerja:
    """Pihak kedua (a pejabat of the PD) signs in the app; the PK becomes "ditandatangani"."""
    pk = _segarkan(pk)
    if pk.status == StatusPK.DITANDATANGANI:
        raise ValidationError(PESAN_PK_TERKUNCI)
    if pk.status != StatusPK.DITANDATANGANI_PIHAK_PERTAMA:
        raise ValidationError(PESAN_BELUM_TTD_PIHAK_PERTAMA)
    _periksa_sandi(user, kata_sandi)
    if pk.pihak_kedua_id is None:
        raise ValidationError(PESAN_PIHAK_KEDUA_KERTAS)
    if not boleh_menandatangani(user, pk, "kedua"):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_TTD.format(pihak=LABEL_PIHAK["kedua"]))
    if not user.is_superuser and _penanda_tangan_pertama(pk) == user.pk:
        raise PermissionDenied(PESAN_TTD_KEDUA_SISI)
    audit.catat(
        pengguna=user,
        aksi="pk.tandatangan.pihak_kedua",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
    )
    return _selesaikan(pk, user, "aplikasi")


def periksa_pindaian(berkas: UploadedFile) -> str:
    """Check an uploaded scan: the evidence rules of kinerja.bukti (name, size, type read
    from the content), restricted to PDF, JPEG and PNG, and the file must open. Returns the
    file extension to store it with. Raises ValidationError otherwise."""
    from kinerja.bukti import periksa_berkas

    try:
        sah = periksa_berkas(berkas)
    except ValidationError as exc:
        if exc.code in {"ekstensi", "isi"}:
            raise ValidationError(PESAN_PINDAIAN_JENIS) from exc
        raise
    if sah.jenis_konten not in JENIS_PINDAIAN:
        raise ValidationError(PESAN_PINDAIAN_JENIS)
    berkas.seek(0)
    data = berkas.read()
    berkas.seek(0)
    if sah.jenis_konten == "application/pdf":
        if b"%%EOF" not in data[-2048:]:
            raise ValidationError(PESAN_PINDAIAN_JENIS)
    else:
        import io

        from PIL import Image

        try:
            with Image.open(io.BytesIO(data)) as gambar:
                gambar.verify()
        except Exception as exc:  # Pillow raises many types for a broken image
            raise ValidationError(PESAN_PINDAIAN_JENIS) from exc
    return JENIS_PINDAIAN[sah.jenis_konten][0]


@transaction.atomic
def pk_unggah_pindaian(
    *, pk: PerjanjianKinerja, berkas: UploadedFile, user, kata_sandi: str, konfirmasi: bool
) -> PerjanjianKinerja:
    """The head of the PD uploads the page signed on paper by pihak kedua (PDF/JPG/PNG,
    checked by content) and confirms with their password; the PK becomes "ditandatangani"."""
    pk = _segarkan(pk)
    if pk.status == StatusPK.DITANDATANGANI:
        raise ValidationError(PESAN_PK_TERKUNCI)
    if pk.status != StatusPK.DITANDATANGANI_PIHAK_PERTAMA:
        raise ValidationError(PESAN_BELUM_TTD_PIHAK_PERTAMA)
    _periksa_sandi(user, kata_sandi)
    if not boleh_unggah_pindaian(user, pk):
        raise PermissionDenied(PESAN_PINDAIAN_HANYA_KEPALA)
    if not konfirmasi:
        raise ValidationError(PESAN_KONFIRMASI_PINDAIAN)
    akhiran = periksa_pindaian(berkas)
    berkas.seek(0)
    ringkas = hashlib.sha256(berkas.read()).hexdigest()[:12]
    berkas.seek(0)
    pk.pindaian_bertanda_tangan.save(
        f"{pk.perangkat_daerah_id}/pk-{pk.pk}-{ringkas}{akhiran}", berkas, save=False
    )
    audit.catat(
        pengguna=user,
        aksi="pk.pindaian.unggah",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan={"pindaian_bertanda_tangan": ["", pk.pindaian_bertanda_tangan.name]},
        keterangan=f"Nama berkas asli: {berkas.name}",
    )
    return _selesaikan(pk, user, "kertas")


@transaction.atomic
def pk_kembalikan_ke_draf(*, pk: PerjanjianKinerja, alasan: str, user) -> PerjanjianKinerja:
    """Withdraw pihak pertama's signature before pihak kedua signs (e.g. pihak kedua asks for
    a change). A fully signed PK never goes back."""
    pk = _segarkan(pk)
    if pk.status != StatusPK.DITANDATANGANI_PIHAK_PERTAMA:
        raise ValidationError(
            PESAN_PK_TERKUNCI if pk.status == StatusPK.DITANDATANGANI else PESAN_KEMBALI_DRAF
        )
    if not (alasan or "").strip():
        raise ValidationError(PESAN_ALASAN_KEMBALI)
    if not (
        boleh_menandatangani(user, pk, "pertama")
        or boleh_menandatangani(user, pk, "kedua")
        or boleh_unggah_pindaian(user, pk)
    ):
        raise PermissionDenied(PESAN_TIDAK_BERHAK_TTD.format(pihak=LABEL_PIHAK["pertama"]))
    pk.status = StatusPK.DRAFT
    pk.ditandatangani_pihak_pertama_pada = None
    pk.save(update_fields=["status", "ditandatangani_pihak_pertama_pada"])
    audit.catat(
        pengguna=user,
        aksi="pk.kembali_ke_draf",
        objek=pk,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan={"status": [StatusPK.DITANDATANGANI_PIHAK_PERTAMA.value, pk.status]},
        keterangan=alasan.strip(),
    )
    return pk


# --- PK Perubahan ------------------------------------------------------------------------------


@transaction.atomic
def pk_buat_perubahan(
    *, pk: PerjanjianKinerja, alasan: str, uraian: str, user
) -> PerjanjianKinerja:
    """A new draft version of a signed PK (versi "perubahan", nomor_versi + 1) for one of the
    three reasons of AlasanPerubahanPK, with its explanation. Rows are copied with the old
    target in `target_sebelum`; the previous version stays as it is (readable, verifiable,
    and reported as superseded once the new version is signed)."""
    pk = _segarkan(pk)
    if pk.status != StatusPK.DITANDATANGANI:
        raise ValidationError(PESAN_PERUBAHAN_DARI_TTD)
    if PerjanjianKinerja.objects.filter(menggantikan=pk).exists():
        raise ValidationError(PESAN_PERUBAHAN_SUDAH_ADA)
    if alasan not in AlasanPerubahanPK.values:
        raise ValidationError({"alasan_perubahan": PESAN_ALASAN_PERUBAHAN})
    if not (uraian or "").strip():
        raise ValidationError({"uraian_perubahan": PESAN_URAIAN_PERUBAHAN})
    baru = PerjanjianKinerja(
        perangkat_daerah=pk.perangkat_daerah,
        tahun=pk.tahun,
        versi=VersiPK.PERUBAHAN,
        nomor_versi=pk.nomor_versi + 1,
        menggantikan=pk,
        alasan_perubahan=alasan,
        uraian_perubahan=uraian.strip(),
        pihak_pertama=pk.pihak_pertama,
        pihak_pertama_jabatan=pk.pihak_pertama_jabatan,
        pihak_kedua=pk.pihak_kedua,
        pihak_kedua_nama=pk.pihak_kedua_nama,
        pihak_kedua_jabatan=pk.pihak_kedua_jabatan,
        pihak_kedua_nip=pk.pihak_kedua_nip,
        tempat=pk.tempat,
        tanggal=timezone.localdate().replace(day=1),
        tanggal_hanya_bulan=True,
        status=StatusPK.DRAFT,
    )
    baru.full_clean()
    baru.save()
    PKIndikator.objects.bulk_create(
        PKIndikator(
            perjanjian=baru,
            urutan=b.urutan,
            sasaran_uraian=b.sasaran_uraian,
            indikator_id=b.indikator_id,
            uraian=b.uraian,
            satuan=b.satuan,
            nilai=b.nilai,
            predikat=b.predikat,
            batas_bawah=b.batas_bawah,
            batas_atas=b.batas_atas,
            target_sebelum=b.nilai,
            target_sebelum_predikat=b.predikat,
            indikator_atasan_id=b.indikator_atasan_id,
            alasan_selisih=b.alasan_selisih,
        )
        for b in pk.indikator.order_by("urutan", "id")
    )
    PKAnggaran.objects.bulk_create(
        PKAnggaran(
            perjanjian=baru,
            urutan=a.urutan,
            tingkat=a.tingkat,
            program_id=a.program_id,
            kegiatan_id=a.kegiatan_id,
            sub_kegiatan_id=a.sub_kegiatan_id,
            kode=a.kode,
            nama=a.nama,
            jumlah=a.jumlah,
        )
        for a in pk.anggaran.order_by("urutan", "id")
    )
    audit.catat(
        pengguna=user,
        aksi="pk.perubahan.buat",
        objek=baru,
        perangkat_daerah=pk.perangkat_daerah,
        perubahan={
            "menggantikan": [None, pk.pk],
            "alasan_perubahan": [None, alasan],
            "nomor_versi": [pk.nomor_versi, baru.nomor_versi],
        },
        keterangan=uraian.strip(),
    )
    return baru


# --- Selectors ---------------------------------------------------------------------------------


def _dengan_relasi(qs):
    return qs.select_related(
        "perangkat_daerah__pemda",
        "pihak_pertama__unit_kerja",
        "pihak_kedua",
        "menggantikan",
    )


def pk_berlaku(
    *, pd: PerangkatDaerah, tahun: int, pejabat: Pejabat | None = None
) -> PerjanjianKinerja | None:
    """The latest SIGNED version of the PK of `pejabat` (default: the head of the PD, the
    eselon II PK) for `tahun`, or None when none is signed. Reports use it and print
    `versi`/`nomor_versi` to say which version they measured against."""
    qs = PerjanjianKinerja.objects.filter(
        perangkat_daerah=pd, tahun=tahun, status=StatusPK.DITANDATANGANI
    )
    qs = qs.filter(pihak_pertama=pejabat) if pejabat else qs.filter(pihak_pertama__eselon=Eselon.II)
    return _dengan_relasi(qs).order_by("-nomor_versi", "-id").first()


def urutan_pk(pk: PerjanjianKinerja) -> tuple:
    """Sort key of PKs as printed: eselon II, III, IV, JF, then unit, pejabat, PK."""
    p = pk.pihak_pertama
    return (
        URUTAN_ESELON.get(p.eselon if p else "", 9),
        (p.unit_kerja_id or 0) if p else 0,
        p.pk if p else 0,
        pk.pk,
    )


@dataclass(frozen=True)
class _PKTahun:
    """Every PK of a PD and year, grouped into agreements (a murni PK and its revisions)."""

    semua: dict[int, PerjanjianKinerja]
    terpilih: dict[int, int]
    """For every PK id: the id of the PK shown for its agreement (see `pk_terkini`)."""

    @classmethod
    def muat(cls, pd: PerangkatDaerah, tahun: int) -> _PKTahun:
        semua = {
            p.pk: p
            for p in _dengan_relasi(
                PerjanjianKinerja.objects.filter(perangkat_daerah=pd, tahun=tahun)
            )
        }
        berikut = {p.menggantikan_id: p.pk for p in semua.values() if p.menggantikan_id}
        terpilih: dict[int, int] = {}
        for p in semua.values():
            if p.pk in berikut:
                continue  # not the newest version of its agreement
            rantai = [p]
            while rantai[-1].menggantikan_id in semua and len(rantai) <= len(semua):
                rantai.append(semua[rantai[-1].menggantikan_id])
            bertanda = [v for v in rantai if v.status == StatusPK.DITANDATANGANI]
            pilihan = bertanda[0] if bertanda else p
            for v in rantai:
                terpilih[v.pk] = pilihan.pk
        return cls(semua, terpilih)

    def daftar(self, nip: str | None = None) -> list[PerjanjianKinerja]:
        hasil = [self.semua[i] for i in set(self.terpilih.values())]
        if nip:
            hasil = [p for p in hasil if p.pihak_pertama and p.pihak_pertama.nip == nip]
        return sorted(hasil, key=urutan_pk)


def pk_terkini(
    *, pd: PerangkatDaerah, tahun: int, nip: str | None = None
) -> list[PerjanjianKinerja]:
    """One PK per agreement of the year (an agreement = a murni PK and its revisions): the
    latest signed version, else the latest draft. Ordered by echelon (II, III, IV, JF), unit,
    pejabat. This is the set the LKjIP annex, the printed bundle and the tree show. One query.
    """
    return _PKTahun.muat(pd, tahun).daftar(nip)


def versi_pk(pk: PerjanjianKinerja) -> list[PerjanjianKinerja]:
    """Every version of the agreement `pk` belongs to, oldest first."""
    awal = pk
    terlihat = {awal.pk}
    while awal.menggantikan_id and awal.menggantikan_id not in terlihat:
        awal = awal.menggantikan
        terlihat.add(awal.pk)
    hasil = [awal]
    while True:
        berikut = PerjanjianKinerja.objects.filter(menggantikan=hasil[-1]).first()
        if berikut is None or berikut.pk in {p.pk for p in hasil}:
            return hasil
        hasil.append(berikut)


# --- Verification ------------------------------------------------------------------------------

STATUS_ASLI = "asli"
STATUS_DIGANTI = "diganti"
STATUS_TIDAK_DIKENAL = "tidak_dikenal"

PESAN_VERIFIKASI = {
    STATUS_ASLI: "Dokumen ASLI: sidik jari cocok dengan Perjanjian Kinerja yang ditandatangani "
    "dan versi ini masih berlaku.",
    STATUS_DIGANTI: "Dokumen ASLI tetapi SUDAH DIGANTI: versi yang lebih baru telah "
    "ditandatangani.",
    STATUS_TIDAK_DIKENAL: "Sidik jari TIDAK DIKENAL: tidak ada Perjanjian Kinerja bertanda "
    "tangan dengan sidik jari ini. Dokumen mungkin palsu atau telah diubah.",
}


@dataclass(frozen=True)
class HasilVerifikasi:
    status: str
    pk: PerjanjianKinerja | None = None
    pengganti: PerjanjianKinerja | None = None
    """The newest signed version when `status` is STATUS_DIGANTI."""

    @property
    def pesan(self) -> str:
        return PESAN_VERIFIKASI[self.status]


def verifikasi_sidik_jari(sidik: str) -> HasilVerifikasi:
    """Authentic / superseded / unknown for a fingerprint printed on a PK."""
    sidik = (sidik or "").strip().lower()
    if len(sidik) != 64 or any(c not in "0123456789abcdef" for c in sidik):
        return HasilVerifikasi(STATUS_TIDAK_DIKENAL)
    pk = (
        _dengan_relasi(
            PerjanjianKinerja.objects.filter(sidik_jari=sidik, status=StatusPK.DITANDATANGANI)
        )
        .order_by("-id")
        .first()
    )
    if pk is None:
        return HasilVerifikasi(STATUS_TIDAK_DIKENAL)
    lebih_baru = [
        v
        for v in versi_pk(pk)
        if v.nomor_versi > pk.nomor_versi and v.status == StatusPK.DITANDATANGANI
    ]
    if lebih_baru:
        return HasilVerifikasi(STATUS_DIGANTI, pk, lebih_baru[-1])
    return HasilVerifikasi(STATUS_ASLI, pk)


# --- The content of a PK document --------------------------------------------------------------


@dataclass(frozen=True)
class Pihak:
    nama: str
    nip: str
    nip_cetak: str
    jabatan: str
    pangkat_golongan: str
    ditandatangani_pada: datetime.datetime | None
    cara: str
    """"aplikasi" (signed in the app), "kertas" (paper, scan uploaded) or ""."""


@dataclass(frozen=True)
class BarisIndikatorPK:
    id: int
    no: int
    sasaran: str
    rowspan: int
    """Rows the SASARAN cell spans (0: merged into the row above)."""
    uraian: str
    satuan: str
    target: str
    target_sebelum: str
    perubahan: str
    """"Bertambah 10", "Berkurang 4", "Indikator baru" or "" (PK Perubahan annex)."""
    rencana: str
    """The Renja/Renstra target as printed ("" when the plan has none)."""
    sumber_rencana: str
    selisih: bool
    alasan_selisih: str
    indikator_id: int | None
    atasan: str
    """The higher PK indicator this row supports (jabatan — uraian), "" when unlinked."""


@dataclass(frozen=True)
class BarisAnggaranPK:
    id: int
    no: int
    kode: str
    nama: str
    jumlah: Decimal | None
    jumlah_sebelum: Decimal | None
    berubah: bool


@dataclass(frozen=True)
class IsiPK:
    """Everything a PK document prints, computed once (HTML and PDF render the same)."""

    pk: PerjanjianKinerja
    judul: str
    kop: tuple[str, ...]
    """The annex heading lines: the title, the PD, the Pemda (when not in the PD's name)."""
    nama_pd: str
    nama_pemda: str
    perubahan: bool
    alasan_perubahan: str
    uraian_perubahan: str
    pihak_pertama: Pihak
    pihak_kedua: Pihak
    tempat_tanggal: str
    indikator: tuple[BarisIndikatorPK, ...]
    judul_kolom_anggaran: str
    anggaran: tuple[BarisAnggaranPK, ...]
    total: Decimal | None
    total_sebelum: Decimal | None
    total_tercetak: Decimal | None
    total_berbeda: bool
    draf: bool
    sidik_jari: str
    url_verifikasi: str
    sidik_cocok: bool | None
    """Does the stored fingerprint still match the content? (None for an unsigned PK)."""
    catatan: tuple[str, ...] = field(default=())


def _skor(nilai: Any) -> Decimal | None:
    """A target as a comparable number: a predikat letter reads as its band's lower bound."""
    if isinstance(nilai, str):
        return NILAI_PREDIKAT.get(nilai.strip().upper())
    if isinstance(nilai, dict):
        return None
    return nilai


def _perubahan_target(baris: PKIndikator) -> str:
    """The BERTAMBAH ATAU BERKURANG cell of the PK Perubahan annex ("" when unchanged)."""
    sebelum: Any = baris.target_sebelum_predikat or baris.target_sebelum
    sesudah: Any = baris.nilai_masukan()
    if sebelum in (None, ""):
        return LABEL_INDIKATOR_BARU if sesudah is not None else ""
    a, b = _skor(sebelum), _skor(sesudah)
    if a is None or b is None or a == b:
        return ""
    label = LABEL_BERTAMBAH if b > a else LABEL_BERKURANG
    if isinstance(sebelum, str) or isinstance(sesudah, str):
        return label
    return f"{label} {teks_nilai(abs(b - a), baris.satuan)}"


def _label_atasan(atasan: PKIndikator | None) -> str:
    if atasan is None:
        return ""
    pk = atasan.perjanjian
    return f"{jabatan_pihak_pertama(pk)} — {atasan.uraian}"


def tempat_tanggal(pk: PerjanjianKinerja) -> str:
    """ "Tana Paser, Januari 2024" (month only when so marked) or "Tana Paser, 5 Januari 2024"."""
    if pk.tanggal is None:
        tanggal = f"{'.' * 12} {pk.tahun}"
    elif pk.tanggal_hanya_bulan:
        tanggal = format_bulan_tahun(pk.tanggal)
    else:
        tanggal = format_tanggal(pk.tanggal)
    return f"{pk.tempat}, {tanggal}" if pk.tempat else tanggal


def url_verifikasi(sidik: str, basis_url: str = "") -> str:
    from django.urls import reverse

    alamat = reverse("pk:verifikasi", args=[sidik])
    basis = (basis_url or getattr(settings, "SITUS_URL", "") or "").rstrip("/")
    return f"{basis}{alamat}"


def isi_pk(pk: PerjanjianKinerja, *, basis_url: str = "", dengan_rencana: bool = True) -> IsiPK:
    """The content of one PK document (statement page and annex). Queries: rows, budget lines,
    the plan targets of the rows, the previous version's budget when a revision."""
    indikator = list(
        pk.indikator.select_related("indikator_atasan__perjanjian__pihak_pertama").order_by(
            "urutan", "id"
        )
    )
    anggaran = list(pk.anggaran.order_by("urutan", "id"))
    rencana = (
        target_rencana([b.indikator_id for b in indikator if b.indikator_id], pk.tahun)
        if dengan_rencana
        else {}
    )
    perubahan = pk.versi == VersiPK.PERUBAHAN

    baris_ind = []
    for n, b in enumerate(indikator, start=1):
        sama_atas = n > 1 and indikator[n - 2].sasaran_uraian == b.sasaran_uraian
        rowspan = 0
        if not sama_atas:
            rowspan = 1
            while n - 1 + rowspan < len(indikator) and (
                indikator[n - 1 + rowspan].sasaran_uraian == b.sasaran_uraian
            ):
                rowspan += 1
        r = rencana.get(b.indikator_id)
        sebelum = b.target_sebelum_predikat or b.target_sebelum
        baris_ind.append(
            BarisIndikatorPK(
                id=b.pk,
                no=n,
                sasaran=b.sasaran_uraian,
                rowspan=rowspan,
                uraian=b.uraian,
                satuan=b.satuan,
                target=teks_nilai(b.nilai_masukan(), b.satuan),
                target_sebelum=teks_nilai(sebelum, b.satuan) if perubahan else "",
                perubahan=_perubahan_target(b) if perubahan else "",
                rencana=teks_nilai(r.nilai_masukan(), b.satuan) if r else "",
                sumber_rencana=r.get_jenis_display() if r else "",
                selisih=selisih_rencana(b, r),
                alasan_selisih=b.alasan_selisih,
                indikator_id=b.indikator_id,
                atasan=_label_atasan(b.indikator_atasan),
            )
        )

    sebelum_anggaran: dict[tuple, Decimal | None] = {}
    total_sebelum = None
    if perubahan and pk.menggantikan_id:
        lama = list(pk.menggantikan.anggaran.all())
        total_sebelum = total_anggaran(lama)
        for a in lama:
            sebelum_anggaran[(a.tingkat, a.kode, a.nama)] = a.jumlah
    baris_ang = tuple(
        BarisAnggaranPK(
            id=a.pk,
            no=n,
            kode=a.kode,
            nama=a.nama,
            jumlah=a.jumlah,
            jumlah_sebelum=sebelum_anggaran.get((a.tingkat, a.kode, a.nama)),
            berubah=perubahan and sebelum_anggaran.get((a.tingkat, a.kode, a.nama)) != a.jumlah,
        )
        for n, a in enumerate(anggaran, start=1)
    )
    tingkat = {a.tingkat for a in anggaran}
    judul_kolom = (
        JUDUL_KOLOM_ANGGARAN[tingkat.pop()]
        if len(tingkat) == 1
        else " / ".join(JUDUL_KOLOM_ANGGARAN.values())
    )
    total = total_anggaran(anggaran)
    total_berbeda = pk.total_tercetak is not None and pk.total_tercetak != total
    catatan = []
    if total_berbeda:
        catatan.append(
            "Jumlah yang tercetak pada dokumen asli "
            f"({_rp(pk.total_tercetak)}) tidak sama dengan jumlah baris anggaran "
            f"({_rp(total)}); selisih {_rp(abs((pk.total_tercetak or 0) - (total or 0)))}."
        )

    ttd_kedua_cara = ""
    if pk.ditandatangani_pihak_kedua_pada:
        ttd_kedua_cara = "kertas" if pk.pindaian_bertanda_tangan else "aplikasi"
    # Parties as signed (frozen) for a signed PK, as they are now for a draft.
    kanonik = json.loads(pk.isi_kanonik) if pk.isi_kanonik else None
    p1 = kanonik["pihak_pertama"] if kanonik else _pihak_pertama_kanonik(pk)
    p2 = kanonik["pihak_kedua"] if kanonik else _pihak_kedua_kanonik(pk)
    pihak_pertama = Pihak(
        nama=p1["nama"],
        nip=p1["nip"],
        nip_cetak=format_nip(p1["nip"]),
        jabatan=p1["jabatan"],
        pangkat_golongan=p1["pangkat_golongan"],
        ditandatangani_pada=pk.ditandatangani_pihak_pertama_pada,
        cara="aplikasi" if pk.ditandatangani_pihak_pertama_pada else "",
    )
    pihak_kedua = Pihak(
        nama=p2["nama"],
        nip=p2["nip"],
        nip_cetak=format_nip(p2["nip"]),
        jabatan=p2["jabatan"],
        pangkat_golongan=p2["pangkat_golongan"],
        ditandatangani_pada=pk.ditandatangani_pihak_kedua_pada,
        cara=ttd_kedua_cara,
    )
    draf = pk.status != StatusPK.DITANDATANGANI
    judul = (
        f"PERJANJIAN KINERJA PERUBAHAN TAHUN {pk.tahun}"
        if perubahan
        else f"PERJANJIAN KINERJA TAHUN {pk.tahun}"
    )
    pd = pk.perangkat_daerah
    kop = [judul, pd.nama.upper()]
    if pd.pemda.nama.lower() not in pd.nama.lower():
        kop.append(pd.pemda.nama.upper())
    return IsiPK(
        pk=pk,
        judul=judul,
        kop=tuple(kop),
        nama_pd=pk.perangkat_daerah.nama,
        nama_pemda=pk.perangkat_daerah.pemda.nama,
        perubahan=perubahan,
        alasan_perubahan=pk.get_alasan_perubahan_display() if pk.alasan_perubahan else "",
        uraian_perubahan=pk.uraian_perubahan,
        pihak_pertama=pihak_pertama,
        pihak_kedua=pihak_kedua,
        tempat_tanggal=tempat_tanggal(pk),
        indikator=tuple(baris_ind),
        judul_kolom_anggaran=judul_kolom,
        anggaran=baris_ang,
        total=total,
        total_sebelum=total_sebelum,
        total_tercetak=pk.total_tercetak,
        total_berbeda=total_berbeda,
        draf=draf,
        sidik_jari="" if draf else pk.sidik_jari,
        url_verifikasi="" if draf else url_verifikasi(pk.sidik_jari, basis_url),
        sidik_cocok=None if draf else hitung_sidik_jari(pk) == pk.sidik_jari,
        catatan=tuple(catatan),
    )


def _rp(nilai: Decimal | None) -> str:
    return format_rupiah(nilai)


# --- Pohon kinerja -----------------------------------------------------------------------------


@dataclass
class SimpulPohon:
    """One PK indicator in the performance tree, with its current capaian."""

    baris_id: int
    pk_id: int
    pejabat: str
    tingkat: str
    uraian: str
    target: str
    realisasi: str
    capaian: Decimal | None
    capaian_teks: str
    kategori: str
    warna: str
    anak: list[SimpulPohon] = field(default_factory=list)


@dataclass(frozen=True)
class SasaranPohon:
    uraian: str
    simpul: tuple[SimpulPohon, ...]


@dataclass(frozen=True)
class PohonKinerja:
    tahun: int
    sasaran: tuple[SasaranPohon, ...]
    tanpa_tautan: tuple[SimpulPohon, ...]
    """Rows of lower PKs linked to no higher indicator (a warning)."""
    skala: Any
    jumlah_pk: int


def pohon_kinerja(*, pd: PerangkatDaerah, tahun: int) -> PohonKinerja:
    """The performance tree of the year: the PD's sasaran (rows of the head's PK) down to
    sub-kegiatan through `indikator_atasan`, over the current PKs (`pk_terkini`), with the
    PK target, the realisation so far (approved values only) and capaian with its category.

    A link to a row of an older version of a PK is followed to the row of the same indicator
    in the current version."""
    from kinerja.selectors import muat_data_indikator, muat_skala, nilai_realisasi

    tahunan = _PKTahun.muat(pd, tahun)
    daftar = tahunan.daftar()
    pk_map = {p.pk: p for p in daftar}
    baris = list(
        PKIndikator.objects.filter(perjanjian__in=daftar)
        .select_related("indikator")
        .order_by("urutan", "id")
    )
    # A link to a row of another version of an agreement is followed to the row of the same
    # plan indicator (or the same text) in the version shown.
    per_kunci = {(b.perjanjian_id, b.indikator_id or b.uraian): b for b in baris}
    baris_map = {b.pk: b for b in baris}
    lama = {
        a.pk: a
        for a in PKIndikator.objects.filter(
            pk__in={b.indikator_atasan_id for b in baris if b.indikator_atasan_id}
        ).exclude(perjanjian__in=daftar)
    }

    def atasan_kini(b: PKIndikator) -> PKIndikator | None:
        if not b.indikator_atasan_id:
            return None
        if b.indikator_atasan_id in baris_map:
            return baris_map[b.indikator_atasan_id]
        a = lama.get(b.indikator_atasan_id)
        if a is None or a.perjanjian_id not in tahunan.terpilih:
            return None
        return per_kunci.get((tahunan.terpilih[a.perjanjian_id], a.indikator_id or a.uraian))

    ind_ids = {b.indikator_id for b in baris if b.indikator_id}
    data = {
        d.indikator.pk: d
        for d in muat_data_indikator(
            Indikator.objects.filter(pk__in=ind_ids), tahun_target=[tahun], tahun_realisasi=[tahun]
        )
    }
    skala = muat_skala()

    simpul: dict[int, SimpulPohon] = {}
    for b in baris:
        pk = pk_map[b.perjanjian_id]
        target = b.nilai_masukan()
        realisasi = None
        capaian = None
        if b.indikator_id in data:
            realisasi = nilai_realisasi(data[b.indikator_id], tahun, 4, hanya_resmi=True).nilai
            ind = b.indikator
            capaian = hitung_capaian(
                target,
                realisasi,
                polaritas=ind.polaritas,
                rumus_negatif=ind.rumus_negatif,
                jenis_nilai=ind.jenis_nilai,
            ).nilai
        kat = skala.kategori(capaian) if capaian is not None else None
        simpul[b.pk] = SimpulPohon(
            baris_id=b.pk,
            pk_id=pk.pk,
            pejabat=jabatan_pihak_pertama(pk),
            tingkat=LABEL_TINGKAT.get(b.indikator.tingkat, "") if b.indikator_id else "",
            uraian=b.uraian,
            target=teks_nilai(target, b.satuan),
            realisasi=teks_nilai(realisasi, b.satuan),
            capaian=capaian,
            capaian_teks=format_persen(capaian) if capaian is not None else TANDA_KOSONG,
            kategori=kat.label if kat else "",
            warna=kat.warna.hex if kat else "",
        )

    def kepala(p: PerjanjianKinerja) -> bool:
        return bool(p.pihak_pertama and p.pihak_pertama.eselon == Eselon.II)

    akar: dict[str, list[SimpulPohon]] = {}
    tanpa_tautan = []
    for b in baris:
        atas = atasan_kini(b)
        if atas is not None and atas.pk != b.pk:
            simpul[atas.pk].anak.append(simpul[b.pk])
        elif kepala(pk_map[b.perjanjian_id]):
            akar.setdefault(b.sasaran_uraian, []).append(simpul[b.pk])
        else:
            tanpa_tautan.append(simpul[b.pk])
    return PohonKinerja(
        tahun=tahun,
        sasaran=tuple(SasaranPohon(u, tuple(s)) for u, s in akar.items()),
        tanpa_tautan=tuple(tanpa_tautan),
        skala=skala,
        jumlah_pk=len(daftar),
    )
