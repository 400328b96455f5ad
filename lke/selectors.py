"""Reads of the SAKIP evaluation: the template structure, the answers per stage, the scores
(official and self-assessment, never blended), consistency checks, the worksheet beside
last year's (matched by criterion identity), recommendations due, and the Pemda overview.

One computation for every rendering: the worksheet screen, its XLSX, the LHE (HTML/PDF) and
the overview read these functions; a final evaluation renders from its stored trail.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from kinerja.selectors.ringkas_banyak import pengukuran_banyak
from renstra.models import PerangkatDaerah

from . import skor
from .bukti import SaranJawaban, saran_jawaban
from .models import (
    AturanKonsistensi,
    BuktiLke,
    Evaluasi,
    Jawaban,
    Komponen,
    Kriteria,
    Rekomendasi,
    StatusRekomendasi,
    SubKomponen,
    Tahap,
    TemplateLke,
)

TAHAP_URUT = (Tahap.MANDIRI, Tahap.ANGGOTA, Tahap.KETUA, Tahap.FINAL)


@dataclass
class Struktur:
    template: TemplateLke
    komponen: list[Komponen]
    sub_komponen: dict[int, list[SubKomponen]]
    kriteria_per_sub: dict[int, list[Kriteria]]
    kriteria: list[Kriteria]
    aturan: list[AturanKonsistensi]


def muat_struktur(template: TemplateLke) -> Struktur:
    """The template tree in 5 queries (komponen, sub-komponen, kriteria, opsi, aturan)."""
    komponen = list(
        template.komponen.prefetch_related(
            Prefetch(
                "sub_komponen",
                queryset=SubKomponen.objects.prefetch_related(
                    Prefetch("kriteria", queryset=Kriteria.objects.prefetch_related("opsi"))
                ),
            )
        )
    )
    subs, per_sub, semua = {}, {}, []
    for k in komponen:
        subs[k.pk] = list(k.sub_komponen.all())
        for s in subs[k.pk]:
            per_sub[s.pk] = list(s.kriteria.all())
            semua.extend(per_sub[s.pk])
    aturan = list(template.aturan.all())
    return Struktur(template, komponen, subs, per_sub, semua, aturan)


def muat_jawaban(evaluasi: Evaluasi) -> dict[tuple[int, str], Jawaban]:
    return {
        (j.kriteria_id, j.tahap): j
        for j in Jawaban.objects.filter(evaluasi=evaluasi).select_related("oleh")
    }


def jawaban_resmi(jawaban: dict[tuple[int, str], Jawaban]) -> dict[int, Jawaban]:
    """The evaluators' answer per criterion: final, else ketua tim, else anggota tim.
    The self-assessment never enters."""
    hasil: dict[int, Jawaban] = {}
    for tahap in (Tahap.ANGGOTA, Tahap.KETUA, Tahap.FINAL):
        for (kriteria_id, t), j in jawaban.items():
            if t == tahap:
                hasil[kriteria_id] = j
    return hasil


def _nama(user) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def hitung_tahap(
    struktur: Struktur, jawaban: dict[tuple[int, str], Jawaban], tahap: str
) -> skor.Hasil:
    """The score of one stage ("mandiri", "final"), or of the evaluators' answers ("resmi")."""
    if tahap == "resmi":
        pilih = jawaban_resmi(jawaban)
    else:
        pilih = {kid: j for (kid, t), j in jawaban.items() if t == tahap}
    komponen = []
    for k in struktur.komponen:
        subs = []
        for s in struktur.sub_komponen[k.pk]:
            kriteria = []
            for c in struktur.kriteria_per_sub[s.pk]:
                j = pilih.get(c.pk)
                kriteria.append(
                    skor.Kriteria(
                        identitas=c.identitas,
                        kode=c.kode,
                        uraian=c.uraian,
                        opsi=j.opsi if j else None,
                        nilai=j.nilai if j else None,
                        bobot=c.bobot,
                        tahap=j.get_tahap_display() if j else "",
                        oleh=_nama(j.oleh) if j else "",
                        pada=timezone.localtime(j.pada).isoformat(timespec="minutes") if j else "",
                    )
                )
            subs.append(skor.SubKomponen(s.kode, s.nama, s.bobot, kriteria, s.metode))
        komponen.append(skor.Komponen(k.kode, k.nama, k.bobot, subs))
    return skor.hitung(komponen)


@dataclass(frozen=True)
class Pelanggaran:
    kode: str
    pesan: str
    keparahan: str


def periksa_konsistensi(struktur: Struktur, pilih: dict[int, Jawaban]) -> list[Pelanggaran]:
    """Rules broken by these answers: the value of a criterion above its comparison's."""
    kode = {c.pk: c.kode for c in struktur.kriteria}
    hasil = []
    for a in struktur.aturan:
        j, p = pilih.get(a.kriteria_id), pilih.get(a.pembanding_id)
        if j is not None and p is not None and j.nilai > p.nilai:
            hasil.append(Pelanggaran(kode[a.kriteria_id], a.pesan, a.keparahan))
    return hasil


_KUNCI_ANGKA = {"total", "total_dibulatkan", "bobot", "nilai", "rata_rata"}


def jejak_desimal(jejak):
    """A stored trail with its numbers as Decimal and its times as datetime again (the trail
    keeps them as strings)."""
    if isinstance(jejak, list):
        return [jejak_desimal(x) for x in jejak]
    if isinstance(jejak, dict):
        return {k: _nilai_jejak(k, v) for k, v in jejak.items()}
    return jejak


def _nilai_jejak(kunci: str, nilai):
    if kunci in _KUNCI_ANGKA and isinstance(nilai, str):
        return Decimal(nilai)
    if kunci == "pada" and isinstance(nilai, str) and nilai:
        return datetime.datetime.fromisoformat(nilai)
    return jejak_desimal(nilai)


# --- Last year's evaluation, matched by criterion identity --------------------------------


def evaluasi_tahun_lalu(evaluasi: Evaluasi) -> Evaluasi | None:
    return (
        Evaluasi.objects.filter(
            perangkat_daerah_id=evaluasi.perangkat_daerah_id, tahun=evaluasi.tahun - 1
        )
        .filter(status="final")
        .first()
    )


@dataclass(frozen=True)
class JawabanLalu:
    opsi: str | None
    nilai: Decimal | None
    uraian: str


def _kriteria_jejak(rincian: dict):
    for k in rincian.get("komponen", []):
        for s in k["sub_komponen"]:
            for c in s["kriteria"]:
                yield k, s, c


def jawaban_lalu(lalu: Evaluasi | None) -> dict[str, JawabanLalu]:
    """identitas → last year's final answer (from its frozen trail)."""
    if lalu is None:
        return {}
    return {
        c["identitas"]: JawabanLalu(
            c["opsi"], Decimal(c["nilai"]) if c["nilai"] is not None else None, c["uraian"]
        )
        for _k, _s, c in _kriteria_jejak(lalu.rincian)
    }


@dataclass(frozen=True)
class BarisBanding:
    kode: str
    nama: str
    tingkat: str  # "komponen" | "sub"
    bobot: Decimal
    nilai: Decimal
    nilai_lalu: Decimal | None

    @property
    def selisih(self) -> Decimal | None:
        return None if self.nilai_lalu is None else self.nilai - self.nilai_lalu


def banding_tahun(hasil_jejak: dict, lalu: Evaluasi | None) -> list[BarisBanding]:
    """Per component and sub-component: this year beside last year. Components match by code;
    a sub-component matches last year's sub-component that held most of its criterion
    identities (so renamed or renumbered parts still pair up)."""
    rincian_lalu = lalu.rincian if lalu is not None else {}
    komponen_lalu = {k["kode"]: k for k in rincian_lalu.get("komponen", [])}
    sub_dari_identitas = {}
    for k, s, c in _kriteria_jejak(rincian_lalu):
        sub_dari_identitas[c["identitas"]] = (k["kode"], s["kode"])
    nilai_sub_lalu = {
        (k["kode"], s["kode"]): Decimal(s["nilai"])
        for k in rincian_lalu.get("komponen", [])
        for s in k["sub_komponen"]
    }
    baris = []
    for k in hasil_jejak.get("komponen", []):
        kl = komponen_lalu.get(k["kode"])
        baris.append(
            BarisBanding(
                k["kode"],
                k["nama"],
                "komponen",
                Decimal(k["bobot"]),
                Decimal(k["nilai"]),
                Decimal(kl["nilai"]) if kl else None,
            )
        )
        for s in k["sub_komponen"]:
            suara: dict[tuple[str, str], int] = defaultdict(int)
            for c in s["kriteria"]:
                if c["identitas"] in sub_dari_identitas:
                    suara[sub_dari_identitas[c["identitas"]]] += 1
            pasangan = max(suara, key=suara.get) if suara else None
            baris.append(
                BarisBanding(
                    f"{k['kode']}.{s['kode']}",
                    s["nama"],
                    "sub",
                    Decimal(s["bobot"]),
                    Decimal(s["nilai"]),
                    nilai_sub_lalu.get(pasangan) if pasangan else None,
                )
            )
    return baris


# --- The worksheet --------------------------------------------------------------------------


@dataclass
class BarisKriteria:
    kriteria: Kriteria
    jawaban: dict[str, Jawaban]
    bukti: list[BuktiLke]
    lalu: JawabanLalu | None
    saran: SaranJawaban | None
    pelanggaran: list[Pelanggaran] = field(default_factory=list)

    def di(self, tahap: str) -> Jawaban | None:
        return self.jawaban.get(tahap)

    @property
    def mandiri(self) -> Jawaban | None:
        return self.jawaban.get(Tahap.MANDIRI)

    @property
    def anggota(self) -> Jawaban | None:
        return self.jawaban.get(Tahap.ANGGOTA)

    @property
    def ketua(self) -> Jawaban | None:
        return self.jawaban.get(Tahap.KETUA)

    @property
    def final(self) -> Jawaban | None:
        return self.jawaban.get(Tahap.FINAL)

    @property
    def resmi(self) -> Jawaban | None:
        return self.final or self.ketua or self.anggota

    @property
    def selisih(self) -> Decimal | None:
        if self.resmi is None or self.mandiri is None:
            return None
        return self.resmi.nilai - self.mandiri.nilai

    @property
    def wording_berubah(self) -> bool:
        return self.lalu is not None and self.lalu.uraian != self.kriteria.uraian


@dataclass
class BlokSub:
    sub: SubKomponen
    baris: list[BarisKriteria]
    hasil: dict
    hasil_mandiri: dict


@dataclass
class BlokKomponen:
    komponen: Komponen
    sub: list[BlokSub]
    hasil: dict
    hasil_mandiri: dict


@dataclass
class LembarKerja:
    evaluasi: Evaluasi
    blok: list[BlokKomponen]
    jejak: dict
    """The official trail (stored when final; otherwise computed from the evaluators' answers)."""
    jejak_mandiri: dict
    lalu: Evaluasi | None
    banding: list[BarisBanding]
    pelanggaran: list[Pelanggaran]
    jumlah_kriteria: int
    jumlah_mandiri: int
    jumlah_resmi: int


def lembar_kerja(*, evaluasi: Evaluasi, dengan_saran: bool = True) -> LembarKerja:
    """The worksheet of one evaluation. Queries are constant in the number of criteria:
    template (5), answers (1), evidence (1), last year's evaluation (1), plus the automatic
    checks when `dengan_saran` (a fixed number per kind of check)."""
    struktur = muat_struktur(evaluasi.template)
    jawaban = muat_jawaban(evaluasi)
    bukti = defaultdict(list)
    for b in BuktiLke.objects.filter(evaluasi=evaluasi).select_related("content_type"):
        bukti[b.kriteria_id].append(b)
    lalu = evaluasi_tahun_lalu(evaluasi)
    per_identitas = jawaban_lalu(lalu)
    saran = (
        saran_jawaban(evaluasi.perangkat_daerah, evaluasi.tahun, struktur.kriteria)
        if dengan_saran and not evaluasi.final
        else {}
    )
    resmi = jawaban_resmi(jawaban)
    pelanggaran = periksa_konsistensi(struktur, resmi)
    per_kriteria = defaultdict(list)
    for p in pelanggaran:
        per_kriteria[p.kode].append(p)
    if evaluasi.final:
        jejak, jejak_mandiri = evaluasi.rincian, evaluasi.rincian_mandiri
    else:
        jejak = skor.jejak(hitung_tahap(struktur, jawaban, "resmi"))
        jejak_mandiri = skor.jejak(hitung_tahap(struktur, jawaban, Tahap.MANDIRI))
    jejak, jejak_mandiri = jejak_desimal(jejak), jejak_desimal(jejak_mandiri)
    komponen_jejak = {k["kode"]: k for k in jejak["komponen"]}
    komponen_mandiri = {k["kode"]: k for k in jejak_mandiri["komponen"]}
    blok = []
    for k in struktur.komponen:
        kj, km = komponen_jejak.get(k.kode, {}), komponen_mandiri.get(k.kode, {})
        sub_j = {s["kode"]: s for s in kj.get("sub_komponen", [])}
        sub_m = {s["kode"]: s for s in km.get("sub_komponen", [])}
        daftar_sub = []
        for s in struktur.sub_komponen[k.pk]:
            baris = [
                BarisKriteria(
                    kriteria=c,
                    jawaban={t: jawaban[(c.pk, t)] for t in TAHAP_URUT if (c.pk, t) in jawaban},
                    bukti=bukti.get(c.pk, []),
                    lalu=per_identitas.get(c.identitas),
                    saran=saran.get(c.pk),
                    pelanggaran=per_kriteria.get(c.kode, []),
                )
                for c in struktur.kriteria_per_sub[s.pk]
            ]
            daftar_sub.append(BlokSub(s, baris, sub_j.get(s.kode, {}), sub_m.get(s.kode, {})))
        blok.append(BlokKomponen(k, daftar_sub, kj, km))
    return LembarKerja(
        evaluasi=evaluasi,
        blok=blok,
        jejak=jejak,
        jejak_mandiri=jejak_mandiri,
        lalu=lalu,
        banding=banding_tahun(jejak, lalu),
        pelanggaran=pelanggaran,
        jumlah_kriteria=len(struktur.kriteria),
        jumlah_mandiri=sum(1 for (_k, t) in jawaban if t == Tahap.MANDIRI),
        jumlah_resmi=len(resmi),
    )


# --- Recommendations ------------------------------------------------------------------------

HARI_JATUH_TEMPO = 7
"""A recommendation is "due" this many days before its deadline."""


@dataclass(frozen=True)
class RekomendasiJatuhTempo:
    rekomendasi: Rekomendasi
    terlambat: bool


def rekomendasi_jatuh_tempo(
    *, pd_ids: list[int], hari_ini: datetime.date | None = None
) -> list[RekomendasiJatuhTempo]:
    """Open recommendations of these PD whose deadline is within 7 days or past (1 query)."""
    hari_ini = hari_ini or timezone.localdate()
    batas = hari_ini + datetime.timedelta(days=HARI_JATUH_TEMPO)
    daftar = (
        Rekomendasi.objects.filter(evaluasi__perangkat_daerah_id__in=pd_ids, batas_waktu__lte=batas)
        .exclude(status=StatusRekomendasi.SELESAI)
        .select_related("evaluasi__perangkat_daerah")
        .order_by("batas_waktu", "evaluasi__perangkat_daerah__nama", "nomor")
    )
    return [RekomendasiJatuhTempo(r, r.batas_waktu < hari_ini) for r in daftar]


def rekomendasi_evaluasi(*, pd, tahun: int) -> tuple[Evaluasi | None, list[Rekomendasi]]:
    """The evaluation of `tahun` and its recommendations with their follow-up (3 queries)."""
    evaluasi = Evaluasi.objects.filter(perangkat_daerah=pd, tahun=tahun).first()
    if evaluasi is None:
        return None, []
    return evaluasi, list(evaluasi.rekomendasi.prefetch_related("tindak_lanjut"))


@dataclass(frozen=True)
class StatusTindakLanjutTahunLalu:
    jumlah: int
    selesai: int
    rekomendasi: list[Rekomendasi]

    @property
    def persen(self) -> Decimal | None:
        if not self.jumlah:
            return None
        return Decimal(self.selesai) * 100 / Decimal(self.jumlah)


def tindak_lanjut_tahun_lalu(lalu: Evaluasi | None) -> StatusTindakLanjutTahunLalu:
    if lalu is None:
        return StatusTindakLanjutTahunLalu(0, 0, [])
    daftar = list(lalu.rekomendasi.all())
    selesai = sum(1 for r in daftar if r.status == StatusRekomendasi.SELESAI)
    return StatusTindakLanjutTahunLalu(len(daftar), selesai, daftar)


# --- Pemda-wide overview --------------------------------------------------------------------


@dataclass(frozen=True)
class BarisIkhtisar:
    pd: PerangkatDaerah
    evaluasi: Evaluasi | None
    nilai: Decimal | None
    predikat: str
    komponen: dict[str, Decimal]
    status_lkjip: str
    rata_capaian: Decimal | None
    rekomendasi: int
    rekomendasi_selesai: int

    @property
    def persen_tuntas(self) -> Decimal | None:
        if not self.rekomendasi:
            return None
        return Decimal(self.rekomendasi_selesai) * 100 / Decimal(self.rekomendasi)


def rata_capaian_pemda(daftar_pd: list[PerangkatDaerah], tahun: int) -> dict[int, Decimal | None]:
    """pd id → the PD's average capaian of `tahun` (`pengukuran_kinerja(...).rata_rata`),
    loaded for all PD at once (8 queries whatever their number)."""
    hasil = pengukuran_banyak(daftar_pd=daftar_pd, tahun=tahun)
    return {pd_id: p.rata_rata for pd_id, p in hasil.items()}


def ikhtisar_pemda(
    *, daftar_pd: list[PerangkatDaerah], tahun: int, status_lkjip=None, rata_capaian=None
) -> list[BarisIkhtisar]:
    """Every PD's score, predikat, components, LKjIP status, average capaian and follow-up
    closure rate for `tahun`. `status_lkjip(pd_ids, tahun) -> {pd_id: label}` and
    `rata_capaian(daftar_pd, tahun) -> {pd_id: Decimal | None}` (e.g. `rata_capaian_pemda`)
    are supplied by the caller (the documents layer knows editions and publication); both
    answer for all PD at once, so the queries do not grow with the number of PD (2 here)."""
    ids = [p.pk for p in daftar_pd]
    evaluasi = {
        e.perangkat_daerah_id: e
        for e in Evaluasi.objects.filter(perangkat_daerah_id__in=ids, tahun=tahun)
    }
    rek = {
        r["evaluasi__perangkat_daerah_id"]: r
        for r in Rekomendasi.objects.filter(
            evaluasi__perangkat_daerah_id__in=ids, evaluasi__tahun=tahun
        )
        .values("evaluasi__perangkat_daerah_id")
        .annotate(
            semua=Count("id"), selesai=Count("id", filter=Q(status=StatusRekomendasi.SELESAI))
        )
    }
    status = status_lkjip(ids, tahun) if status_lkjip else {}
    capaian = rata_capaian(daftar_pd, tahun) if rata_capaian else {}
    hasil = []
    for pd in daftar_pd:
        e = evaluasi.get(pd.pk)
        final = e is not None and e.final
        komponen = (
            {k["kode"]: Decimal(k["nilai"]) for k in e.rincian.get("komponen", [])} if final else {}
        )
        r = rek.get(pd.pk, {})
        hasil.append(
            BarisIkhtisar(
                pd=pd,
                evaluasi=e,
                nilai=skor.bulatkan(e.nilai_akhir) if final else None,
                predikat=e.predikat if final else "",
                komponen=komponen,
                status_lkjip=status.get(pd.pk, "draft"),
                rata_capaian=capaian.get(pd.pk),
                rekomendasi=r.get("semua", 0),
                rekomendasi_selesai=r.get("selesai", 0),
            )
        )
    return hasil


KOLOM_URUT = {
    "pd": lambda b: b.pd.nama,
    "nilai": lambda b: (b.nilai is None, -(b.nilai or 0)),
    "capaian": lambda b: (b.rata_capaian is None, -(b.rata_capaian or 0)),
    "tuntas": lambda b: (b.persen_tuntas is None, -(b.persen_tuntas or 0)),
}


def urutkan(baris: list[BarisIkhtisar], kunci: str) -> list[BarisIkhtisar]:
    return sorted(baris, key=KOLOM_URUT.get(kunci, KOLOM_URUT["pd"]))
