"""Perjanjian Kinerja selectors (reads): the PK in force, the current PKs of a year, the
versions of an agreement, and the pohon kinerja (performance tree).

They return model instances or plain dataclasses for pages and documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from common.formatting import TANDA_KOSONG, format_persen
from kinerja.capaian import hitung_capaian
from kinerja.models import PerjanjianKinerja, PKIndikator, StatusPK
from renstra.models import Eselon, Indikator, Pejabat, PerangkatDaerah

from .pesan import LABEL_TINGKAT
from .teks import jabatan_pihak_pertama, teks_nilai

URUTAN_ESELON = {Eselon.II: 0, Eselon.III: 1, Eselon.IV: 2, Eselon.JF: 3}
ESELON_PK = tuple(URUTAN_ESELON)


# --- PKs of a year ------------------------------------------------------------------------------


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
