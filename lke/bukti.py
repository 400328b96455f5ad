"""Evidence from the product itself: what the picker suggests, pinned to the version that exists,
and the simple checks the product can answer from its own data.

Suggestions come from providers: functions `(pd, tahun) -> list[Saran]`. The ones over
kinerja data (signed PK, approved realisasi with evidence, the IKU list) live here; the
LKjIP editions belong to `laporan`, which registers its provider at app ready
(`daftarkan_penyedia`), so this layer never imports the documents layer.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from common.audit import nilai_json
from common.formatting import format_persen, format_tanggal
from kinerja.models import PerjanjianKinerja, Realisasi, StatusPK, StatusRealisasi, VersiPK
from kinerja.selectors import pengukuran_kinerja
from renstra.models import Indikator, PerangkatDaerah

from .models import CekOtomatis, Rekomendasi, Skala, StatusRekomendasi


@dataclass(frozen=True)
class Saran:
    """A product object offered as evidence, with the version it has now."""

    kelompok: str
    content_type_id: int
    object_id: str
    sidik_versi: str
    label: str

    @property
    def kunci(self) -> str:
        return f"{self.content_type_id}:{self.object_id}:{self.sidik_versi}"


Penyedia = Callable[[PerangkatDaerah, int], list[Saran]]
_PENYEDIA: list[Penyedia] = []


def daftarkan_penyedia(penyedia: Penyedia) -> None:
    if penyedia not in _PENYEDIA:
        _PENYEDIA.append(penyedia)


def sidik_teks(teks: str) -> str:
    return hashlib.sha256(teks.encode("utf-8")).hexdigest()


def _saran_pk(pd: PerangkatDaerah, tahun: int) -> list[Saran]:
    ct = ContentType.objects.get_for_model(PerjanjianKinerja)
    daftar = PerjanjianKinerja.objects.filter(
        perangkat_daerah=pd, tahun=tahun, status=StatusPK.DITANDATANGANI
    ).select_related("pihak_pertama")
    return [
        Saran(
            kelompok="Perjanjian Kinerja",
            content_type_id=ct.pk,
            object_id=str(pk.pk),
            sidik_versi=pk.sidik_jari,
            label=f"{pk} · sidik jari {pk.sidik_jari[:12]}",
        )
        for pk in daftar
    ]


def _versi_realisasi(r: Realisasi) -> str:
    """The pinned version of an approved realisasi: edit counter, value, evidence count."""
    return f"versi {r.versi} · {nilai_json(r.nilai_masukan())} · {r.jumlah_bukti} bukti"


def _saran_realisasi(pd: PerangkatDaerah, tahun: int) -> list[Saran]:
    ct = ContentType.objects.get_for_model(Realisasi)
    daftar = (
        Realisasi.objects.filter(
            indikator__perangkat_daerah=pd, tahun=tahun, status=StatusRealisasi.DISETUJUI
        )
        .annotate(jumlah_bukti=Count("bukti"))
        .filter(jumlah_bukti__gt=0)
        .select_related("indikator")
        .order_by("indikator__urutan", "indikator_id", "triwulan")
    )
    return [
        Saran(
            kelompok="Realisasi disetujui (dengan bukti)",
            content_type_id=ct.pk,
            object_id=str(r.pk),
            sidik_versi=_versi_realisasi(r),
            label=f"Realisasi {r} — {r.indikator.uraian[:80]}",
        )
        for r in daftar
    ]


def _saran_iku(pd: PerangkatDaerah, tahun: int) -> list[Saran]:
    iku = list(
        Indikator.objects.filter(perangkat_daerah=pd, iku=True)
        .order_by("urutan", "id")
        .values_list("kode", "uraian")
    )
    if not iku:
        return []
    ct = ContentType.objects.get_for_model(PerangkatDaerah)
    isi = "\n".join(f"{k}\t{u}" for k, u in iku)
    return [
        Saran(
            kelompok="Indikator Kinerja Utama",
            content_type_id=ct.pk,
            object_id=str(pd.pk),
            sidik_versi=f"IKU {len(iku)} · {sidik_teks(isi)[:16]}",
            label=f"Daftar IKU {pd.singkatan or pd.nama} ({len(iku)} indikator)",
        )
    ]


daftarkan_penyedia(_saran_pk)
daftarkan_penyedia(_saran_realisasi)
daftarkan_penyedia(_saran_iku)


def saran_bukti(pd: PerangkatDaerah, tahun: int) -> list[Saran]:
    """Every product object the picker offers for the evaluation of `tahun`."""
    hasil: list[Saran] = []
    for penyedia in _PENYEDIA:
        hasil.extend(penyedia(pd, tahun))
    return hasil


# --- Automatic checks (suggestions the evaluator confirms) ---------------------------------

BATAS_PK = (1, 31)
"""(month, day) by which the PK murni of the year should be signed: at most one month after
the DPA, which is approved at the turn of the year (DOMAIN.md §2 step 3)."""


@dataclass(frozen=True)
class SaranJawaban:
    opsi: str
    keterangan: str


def _opsi(skala: str, baik: bool, rasio: Decimal | None = None) -> str:
    if skala == Skala.YT:
        return "Y" if baik else "T"
    if rasio is None:
        return "A" if baik else "E"
    for batas, huruf in ((Decimal(1), "A"), (Decimal("0.75"), "B"), (Decimal("0.5"), "C")):
        if rasio >= batas:
            return huruf
    return "D" if rasio > 0 else "E"


def _cek_pk(pd, tahun, skala) -> SaranJawaban:
    batas = datetime.date(tahun, *BATAS_PK)
    pk = (
        PerjanjianKinerja.objects.filter(
            perangkat_daerah=pd, tahun=tahun, versi=VersiPK.MURNI, status=StatusPK.DITANDATANGANI
        )
        .order_by("ditandatangani_pihak_kedua_pada")
        .first()
    )
    if pk is None:
        return SaranJawaban(_opsi(skala, False), f"Belum ada PK {tahun} yang ditandatangani.")
    tanggal = pk.tanggal or (
        pk.ditandatangani_pihak_kedua_pada.date() if pk.ditandatangani_pihak_kedua_pada else None
    )
    tepat = tanggal is not None and tanggal <= batas
    return SaranJawaban(
        _opsi(skala, tepat),
        f"PK {tahun} ditandatangani {format_tanggal(tanggal)}; batas {format_tanggal(batas)} "
        f"({'tepat waktu' if tepat else 'terlambat'}).",
    )


def _cek_capaian(pd, tahun, skala) -> SaranJawaban | None:
    ini = pengukuran_kinerja(pd=pd, tahun=tahun).rata_rata
    lalu = pengukuran_kinerja(pd=pd, tahun=tahun - 1).rata_rata
    if ini is None or lalu is None:
        return None
    return SaranJawaban(
        _opsi(skala, ini > lalu),
        f"Rata-rata capaian {tahun}: {format_persen(ini)}; {tahun - 1}: {format_persen(lalu)}.",
    )


def _cek_rekomendasi(pd, tahun, skala) -> SaranJawaban | None:
    hitung = Rekomendasi.objects.filter(
        evaluasi__perangkat_daerah=pd, evaluasi__tahun=tahun - 1
    ).aggregate(semua=Count("id"), selesai=Count("id", filter=Q(status=StatusRekomendasi.SELESAI)))
    if not hitung["semua"]:
        return None
    rasio = Decimal(hitung["selesai"]) / Decimal(hitung["semua"])
    return SaranJawaban(
        _opsi(skala, rasio == 1, rasio),
        f"{hitung['selesai']} dari {hitung['semua']} rekomendasi evaluasi {tahun - 1} selesai "
        "ditindaklanjuti.",
    )


CEK = {
    CekOtomatis.PK_TEPAT_WAKTU: _cek_pk,
    CekOtomatis.CAPAIAN_MENINGKAT: _cek_capaian,
    CekOtomatis.REKOMENDASI_TUNTAS: _cek_rekomendasi,
}


def saran_jawaban(pd, tahun: int, kriteria_daftar) -> dict[int, SaranJawaban]:
    """Suggested answers for the criteria that carry an automatic check (kriteria id → saran).
    Each check runs once per evaluation whatever the number of criteria using it."""
    hasil, tembolok = {}, {}
    for k in kriteria_daftar:
        if not k.cek_otomatis:
            continue
        kunci = (k.cek_otomatis, k.skala)
        if kunci not in tembolok:
            tembolok[kunci] = CEK[k.cek_otomatis](pd, tahun, k.skala)
        if tembolok[kunci] is not None:
            hasil[k.pk] = tembolok[kunci]
    return hasil
