"""Exporter of the `sakip-dataset/1` interchange format (fixtures/demo/SCHEMA.md).

`ekspor_dataset(pd=pd)` is the inverse of `pertukaran.impor.muat`: loading its result into the
database it came from creates, updates and deletes nothing. Every choice below mirrors the
loader (`pertukaran.tulis`, the writer behind `muat`):

- Stored codes are exported as `kode`; a program, kegiatan or sub-kegiatan that a Perjanjian
  Kinerja budget row names by another code (a local code such as Balangan's "P1" for
  8.01.01) is exported as `{"kode": "P1", "kode_kepmendagri": "8.01.01"}`, so the row
  finds it again.
- List order carries `urutan`: every list is ordered by urutan, then id.
- A target or realisation value is a range `{"bawah", "atas"}`, a predikat letter or a
  decimal string; decimals are plain notation without trailing zeros ("100.0000" → "100").
- Realisation rows: triwulan 0 is `tahunan` and holds pembilang/penyebut; triwulan 1–4 are
  the `triwulan` list. The analysis texts come from the row the loader would write them to.
- Only approved realisations (status `disetujui`), of indicators and of budgets, are
  exported: the loader marks every row it loads as approved, so exporting a draft would
  approve it on the way back.
- A Perjanjian Kinerja names its first party by NIP, else by name, else (an official known
  only by position) by `pihak_pertama_jabatan`.
- `narasi` holds the LKjIP fact sections (tupoksi, struktur, isu strategis, sarana, upaya
  perbaikan) as stored, `tahun` null for the PD's standing text; `laporan` holds the place and
  date of signature of the newest LKjIP whose signature is stored (older years are not
  exported: the format has one `laporan`).
- `sdm` holds the staffing tables (jenis "sdm") as stored, cells as printed text; the
  facilities tables (jenis "sarana") have no place in the format and are not exported.

Every model is read with one query whatever the size of the plan (see `_Data`).

What the format does not carry (lost in a round trip): the PD logo and averaging cap;
`Pejabat.aktif`; `rumus_negatif`, `persen_dari_keseluruhan` and the benchmark of an indicator;
the workflow of a realisation (status, who entered/verified/approved, `versi`, `penjelasan`),
its evidence and quarterly pembilang/penyebut; a PK's signatures, fingerprint, scan, revision
links and reasons, `indikator_atasan` and `alasan_selisih`; `AnalisisProgram`, entry windows
and reopen requests; facilities tables; more than one Renstra period per file.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from anggaran.models import AnggaranBelanja, AnggaranPerangkatDaerah, Pagu, RealisasiAnggaran
from common.formatting import parse_angka_teks
from kinerja.models import (
    EvaluasiSakip,
    PerjanjianKinerja,
    PKAnggaran,
    PKIndikator,
    Realisasi,
    RencanaAksi,
    StatusRealisasi,
)
from renstra.kode import adalah_kode_kepmendagri, normalisasi_kode
from renstra.models import (
    Indikator,
    JenisTabelSumberDaya,
    JenisTarget,
    Kegiatan,
    Misi,
    NarasiPerangkatDaerah,
    Pejabat,
    PerangkatDaerah,
    PeriodeRenstra,
    Program,
    Sasaran,
    StatusJabatan,
    SubKegiatan,
    TabelSumberDaya,
    TandaTanganLaporan,
    Target,
    TargetTriwulan,
    Tujuan,
    UnitKerja,
)

from .dokumen import FORMAT, PREDIKAT
from .tercetak import tambah_tercetak

SUMBER = "ekspor SAKIP Kinerja"

# --- Notes written into the file's `catatan` (Indonesian) -----------------------------------
PESAN_CATATAN_REALISASI_BELUM_DISETUJUI = (
    "{jumlah} baris realisasi yang belum disetujui tidak diekspor; berkas hanya memuat "
    "realisasi yang disetujui."
)
PESAN_CATATAN_REALISASI_ANGGARAN_BELUM_DISETUJUI = (
    "{jumlah} baris realisasi anggaran yang belum disetujui tidak diekspor; berkas hanya memuat "
    "realisasi anggaran yang disetujui."
)
PESAN_CATATAN_KONDISI = (
    'Kondisi {jenis} indikator {kode} ("{nilai}") bukan angka maupun predikat dan tidak diekspor.'
)
PESAN_CATATAN_PK_TANPA_PIHAK = (
    "{pk} tidak diekspor: pihak pertamanya bukan pejabat perangkat daerah ini dan tidak "
    "dapat dirujuk dari berkas."
)
PESAN_CATATAN_RENSTRA_LAIN = (
    "Perangkat daerah ini memiliki {jumlah} periode Renstra; hanya periode {awal}–{akhir} "
    "yang diekspor."
)

_TINGKAT_SIMPUL = ("program", "kegiatan", "sub_kegiatan")
_SEGMEN_KODE = {"program": 3, "kegiatan": 5, "sub_kegiatan": 6}
_ANALISIS = ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut")
# What the loader accepts as a kondisi awal/akhir: a predikat or a plain-notation number
# of at most 16 digits before and 4 after the point.
_KONDISI_ANGKA = re.compile(r"^-?0*\d{1,16}(\.\d{1,4})?$")
# A kondisi typed as a bare number with Indonesian separators ("1.500", "21,3").
_KONDISI_TEKS_ANGKA = re.compile(r"^-?\d[\d.,]*$")


# --- Value helpers --------------------------------------------------------------------------


def angka(nilai: Decimal | None) -> str | None:
    """A Decimal in plain notation without trailing zeros ("100.0000" → "100"); None stays."""
    if nilai is None:
        return None
    if nilai == 0:
        return "0"
    return format(nilai.normalize(), "f")


def _teks(nilai: str | None) -> str | None:
    """Stored text, or None for an empty field (the loader reads None back as "")."""
    return nilai or None


def _nilai_target(obj: Any) -> Any:
    """A target value (NilaiTargetMixin): range, predikat or number, as the loader reads it."""
    if obj.batas_bawah is not None or obj.batas_atas is not None:
        return {"bawah": angka(obj.batas_bawah), "atas": angka(obj.batas_atas)}
    if obj.predikat:
        return obj.predikat
    return angka(obj.nilai)


def _nilai_realisasi(obj: Realisasi | None) -> Any:
    if obj is None:
        return None
    return obj.predikat or angka(obj.nilai)


def _per_tahun(nilai: dict[int, Any]) -> dict[str, Any]:
    """{2023: x} → {"2023": x}, years ascending."""
    return {str(tahun): nilai[tahun] for tahun in sorted(nilai)}


def _daftar_triwulan(per_tw: dict[int, Any]) -> list[Any]:
    """Quarter values 1..the last stored quarter, None where a quarter has no row."""
    return [per_tw.get(tw) for tw in range(1, max(per_tw) + 1)]


def teks_json(data: dict) -> str:
    """The file text of a dataset: UTF-8 characters kept, indented by 2, ending in a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- Reading --------------------------------------------------------------------------------


class _Data:
    """Every row the export needs, one query per model (a fixed count whatever the plan size).

    Queries whose parent may be missing (no Renstra, no RPJMD) still run, filtered on NULL,
    so the count does not depend on the data either.
    """

    def __init__(self, pd: PerangkatDaerah) -> None:
        self.pd = PerangkatDaerah.objects.select_related("pemda").get(pk=pd.pk)
        self.unit = list(UnitKerja.objects.filter(perangkat_daerah=self.pd).order_by("id"))
        self.pejabat = list(Pejabat.objects.filter(perangkat_daerah=self.pd).order_by("id"))
        # The newest period first (PeriodeRenstra's ordering); the file holds one.
        self.semua_renstra = list(
            PeriodeRenstra.objects.filter(perangkat_daerah=self.pd)
            .select_related("rpjmd")
            .order_by("-tahun_awal", "-id")
        )
        self.renstra = self.semua_renstra[0] if self.semua_renstra else None
        renstra_id = self.renstra.pk if self.renstra else None
        rpjmd_id = self.renstra.rpjmd_id if self.renstra else None
        self.misi = list(Misi.objects.filter(rpjmd_id=rpjmd_id).order_by("nomor", "id"))
        self.tujuan = list(Tujuan.objects.filter(renstra_id=renstra_id).order_by("urutan", "id"))
        self.sasaran = list(Sasaran.objects.filter(renstra_id=renstra_id).order_by("urutan", "id"))
        self.program = list(Program.objects.filter(renstra_id=renstra_id).order_by("urutan", "id"))
        self.program_sasaran = list(
            Program.sasaran.through.objects.filter(program__renstra_id=renstra_id).values_list(
                "program_id", "sasaran_id"
            )
        )
        self.kegiatan = list(
            Kegiatan.objects.filter(program__renstra_id=renstra_id).order_by("urutan", "id")
        )
        self.sub_kegiatan = list(
            SubKegiatan.objects.filter(kegiatan__program__renstra_id=renstra_id).order_by(
                "urutan", "id"
            )
        )
        self.indikator = list(
            Indikator.objects.filter(perangkat_daerah=self.pd).order_by("urutan", "id")
        )
        per_indikator = Q(indikator__perangkat_daerah=self.pd)
        self.target = list(Target.objects.filter(per_indikator))
        self.target_triwulan = list(TargetTriwulan.objects.filter(per_indikator))
        self.rencana_aksi = list(RencanaAksi.objects.filter(per_indikator))
        self.realisasi = list(Realisasi.objects.filter(per_indikator))
        di_rencana = (
            Q(program__renstra_id=renstra_id)
            | Q(kegiatan__program__renstra_id=renstra_id)
            | Q(sub_kegiatan__kegiatan__program__renstra_id=renstra_id)
        )
        self.pagu = list(Pagu.objects.filter(di_rencana))
        self.realisasi_anggaran = list(RealisasiAnggaran.objects.filter(di_rencana))
        self.perjanjian = list(
            PerjanjianKinerja.objects.filter(perangkat_daerah=self.pd)
            .select_related("pihak_pertama", "pihak_kedua")
            .order_by("tahun", "id")
        )
        self.pk_indikator = list(
            PKIndikator.objects.filter(perjanjian__perangkat_daerah=self.pd).order_by(
                "urutan", "id"
            )
        )
        self.pk_anggaran = list(
            PKAnggaran.objects.filter(perjanjian__perangkat_daerah=self.pd).order_by("urutan", "id")
        )
        self.belanja = list(
            AnggaranBelanja.objects.filter(perangkat_daerah=self.pd).order_by("urutan", "id")
        )
        self.anggaran_pd = list(
            AnggaranPerangkatDaerah.objects.filter(perangkat_daerah=self.pd).order_by("tahun")
        )
        self.evaluasi = sorted(
            EvaluasiSakip.objects.filter(perangkat_daerah=self.pd),
            key=lambda e: (e.tahun_dinilai is None, e.tahun_dinilai or 0, e.pk),
        )
        # Only the staffing tables: the format's `sdm` has no place for sarana tables.
        self.sdm = list(
            TabelSumberDaya.objects.filter(
                perangkat_daerah=self.pd, jenis=JenisTabelSumberDaya.SDM
            ).order_by("urutan", "id")
        )
        self.narasi = list(
            NarasiPerangkatDaerah.objects.filter(perangkat_daerah=self.pd).order_by(
                "tahun", "bagian", "id"
            )
        )
        self.tanda_tangan = (
            TandaTanganLaporan.objects.filter(perangkat_daerah=self.pd).order_by("-tahun").first()
        )


# --- Writing --------------------------------------------------------------------------------


class _Pengekspor:
    """Builds the dataset dict from `_Data` without further queries."""

    def __init__(self, pd: PerangkatDaerah) -> None:
        self.d = _Data(pd)
        self.catatan: list[str] = []
        self.kode_unit = {u.pk: u.kode for u in self.d.unit}
        self.kode_tujuan = {t.pk: t.kode for t in self.d.tujuan}
        self.kode_sasaran = {s.pk: s.kode for s in self.d.sasaran}
        self.nomor_misi = {m.pk: m.nomor for m in self.d.misi}
        self.sasaran_program: dict[int, list[int]] = defaultdict(list)
        for program_id, sasaran_id in self.d.program_sasaran:
            self.sasaran_program[program_id].append(sasaran_id)
        urutan_sasaran = {s.pk: i for i, s in enumerate(self.d.sasaran)}
        for daftar in self.sasaran_program.values():
            daftar.sort(key=lambda pk: (urutan_sasaran.get(pk, len(urutan_sasaran)), pk))

        self.kegiatan_per_program: dict[int, list[Kegiatan]] = defaultdict(list)
        for k in self.d.kegiatan:
            self.kegiatan_per_program[k.program_id].append(k)
        self.sub_per_kegiatan: dict[int, list[SubKegiatan]] = defaultdict(list)
        for s in self.d.sub_kegiatan:
            self.sub_per_kegiatan[s.kegiatan_id].append(s)
        self.simpul = {
            "program": {p.pk: p for p in self.d.program},
            "kegiatan": {k.pk: k for k in self.d.kegiatan},
            "sub_kegiatan": {s.pk: s for s in self.d.sub_kegiatan},
        }
        self.kode_file = self._kode_file()

        # Indicators by the level they hang on; only those of the exported tree.
        self.indikator_per_induk: dict[tuple[str, int], list[Indikator]] = defaultdict(list)
        induk_ada = {
            "tujuan": set(self.kode_tujuan),
            "sasaran": set(self.kode_sasaran),
            **{t: set(self.simpul[t]) for t in _TINGKAT_SIMPUL},
        }
        self.kode_indikator: dict[int, str] = {}
        for ind in self.d.indikator:
            tingkat = ind.tingkat
            induk_id = getattr(ind, f"{tingkat}_id") if tingkat else None
            if induk_id in induk_ada.get(tingkat, ()):
                self.indikator_per_induk[(tingkat, induk_id)].append(ind)
                self.kode_indikator[ind.pk] = ind.kode

        self.target: dict[int, dict[str, dict[int, Any]]] = defaultdict(
            lambda: {jenis: {} for jenis in JenisTarget.values}
        )
        for t in self.d.target:
            self.target[t.indikator_id][t.jenis][t.tahun] = _nilai_target(t)
        self.target_triwulan: dict[int, dict[int, dict[int, Any]]] = defaultdict(
            lambda: defaultdict(dict)
        )
        for t in self.d.target_triwulan:
            self.target_triwulan[t.indikator_id][t.tahun][t.triwulan] = _nilai_target(t)
        self.rencana_aksi: dict[int, dict[int, RencanaAksi]] = defaultdict(dict)
        for ra in self.d.rencana_aksi:
            self.rencana_aksi[ra.indikator_id][ra.tahun] = ra
        self.realisasi: dict[int, dict[int, dict[int, Realisasi]]] = defaultdict(
            lambda: defaultdict(dict)
        )
        belum_disetujui = 0
        for r in self.d.realisasi:
            if r.status != StatusRealisasi.DISETUJUI:
                belum_disetujui += 1
                continue
            self.realisasi[r.indikator_id][r.tahun][r.triwulan] = r
        if belum_disetujui:
            self.catatan.append(
                PESAN_CATATAN_REALISASI_BELUM_DISETUJUI.format(jumlah=belum_disetujui)
            )
        if len(self.d.semua_renstra) > 1:
            r = self.d.renstra
            self.catatan.append(
                PESAN_CATATAN_RENSTRA_LAIN.format(
                    jumlah=len(self.d.semua_renstra), awal=r.tahun_awal, akhir=r.tahun_akhir
                )
            )

        self.pagu: dict[tuple[str, int], dict[int, Pagu]] = defaultdict(dict)
        for p in self.d.pagu:
            self.pagu[self._node(p)][p.tahun] = p
        self.realisasi_anggaran: dict[tuple[str, int], dict[int, dict[int, Any]]] = defaultdict(
            lambda: defaultdict(dict)
        )
        anggaran_belum_disetujui = 0
        for r in self.d.realisasi_anggaran:
            if r.status != StatusRealisasi.DISETUJUI:
                anggaran_belum_disetujui += 1
                continue
            self.realisasi_anggaran[self._node(r)][r.tahun][r.triwulan] = angka(r.jumlah)
        if anggaran_belum_disetujui:
            self.catatan.append(
                PESAN_CATATAN_REALISASI_ANGGARAN_BELUM_DISETUJUI.format(
                    jumlah=anggaran_belum_disetujui
                )
            )

        self.pk_indikator: dict[int, list[PKIndikator]] = defaultdict(list)
        for r in self.d.pk_indikator:
            self.pk_indikator[r.perjanjian_id].append(r)
        self.pk_anggaran: dict[int, list[PKAnggaran]] = defaultdict(list)
        for r in self.d.pk_anggaran:
            self.pk_anggaran[r.perjanjian_id].append(r)

    @staticmethod
    def _node(obj: Pagu | RealisasiAnggaran | PKAnggaran) -> tuple[str, int | None]:
        """(tingkat, id) of the program, kegiatan or sub-kegiatan a budget row is on."""
        for tingkat in _TINGKAT_SIMPUL:
            pk = getattr(obj, f"{tingkat}_id")
            if pk is not None:
                return tingkat, pk
        return "", None

    def _kode_file(self) -> dict[tuple[str, int], str]:
        """The file `kode` of nodes that a PK budget row names by a code other than theirs.

        The loader finds a PK budget row's node by its stored code or its file `kode`. When
        the row's code is neither (a local "P1" for program 8.01.01), the node is exported
        with that code as `kode` and its stored code as `kode_kepmendagri`; possible only
        when the stored code is a Kepmendagri code of its level and the alias is unambiguous.
        """
        alias: dict[tuple[str, int], set[str]] = defaultdict(set)
        for r in self.d.pk_anggaran:
            tingkat, pk = self._node(r)
            node = self.simpul.get(tingkat, {}).get(pk)
            if node is not None and tingkat == r.tingkat and r.kode and r.kode != node.kode:
                alias[(tingkat, pk)].add(r.kode)
        hasil = {}
        for tingkat in _TINGKAT_SIMPUL:
            terpakai = defaultdict(int)
            for node in self.simpul[tingkat].values():
                terpakai[node.kode] += 1
            for kode_set in (v for (t, _), v in alias.items() if t == tingkat):
                for kode in kode_set:
                    terpakai[kode] += 1
            for (t, pk), kode_set in alias.items():
                if t != tingkat or len(kode_set) != 1:
                    continue
                kode = next(iter(kode_set))
                simpan = self.simpul[tingkat][pk].kode
                if (
                    terpakai[kode] == 1
                    and normalisasi_kode(kode) == kode
                    and len(kode) <= 50
                    and adalah_kode_kepmendagri(simpan)
                    and len(simpan.split(".")) == _SEGMEN_KODE[tingkat]
                ):
                    hasil[(tingkat, pk)] = kode
        return hasil

    # The file ------------------------------------------------------------------------------

    def jalankan(self) -> dict:
        d = self.d
        data = {
            "format": FORMAT,
            "sumber": SUMBER,
            "diekspor": timezone.now().isoformat(timespec="seconds"),
            "pemda": self.pemda(),
            "perangkat_daerah": self.perangkat_daerah(),
            "unit_kerja": [
                {"kode": u.kode, "nama": u.nama, "induk": self.kode_unit.get(u.induk_id)}
                for u in d.unit
            ],
            "pejabat": [self.pejabat(p) for p in d.pejabat],
            "rpjmd": self.rpjmd(),
            "renstra": (
                {"periode": [d.renstra.tahun_awal, d.renstra.tahun_akhir]} if d.renstra else None
            ),
            "tujuan": [self.tujuan(t) for t in d.tujuan],
            "sasaran": [self.sasaran(s) for s in d.sasaran],
            "program": [self.simpul_program(p) for p in d.program],
            "perjanjian_kinerja": [
                baris for pk in d.perjanjian if (baris := self.perjanjian(pk)) is not None
            ],
            "anggaran_belanja": [
                {
                    "tahun": b.tahun,
                    "kelompok": b.kelompok,
                    "jenis": _teks(b.jenis),
                    "pagu": angka(b.pagu),
                    "realisasi": angka(b.realisasi),
                }
                for b in d.belanja
            ],
            "anggaran_pd": [
                {
                    "tahun": a.tahun,
                    "pagu_murni": angka(a.pagu_murni),
                    "pagu": angka(a.pagu),
                    "realisasi": angka(a.realisasi),
                    "sumber": a.sumber or None,
                }
                for a in d.anggaran_pd
            ],
            "evaluasi_sakip": [
                {
                    "tahun_dinilai": e.tahun_dinilai,
                    "nilai": angka(e.nilai),
                    "predikat": _teks(e.predikat),
                    "evaluator": _teks(e.evaluator),
                }
                for e in d.evaluasi
            ],
            "sdm": [{"judul": t.judul, "kolom": t.kolom, "baris": t.baris} for t in d.sdm],
            "narasi": [
                {
                    "bagian": n.bagian,
                    "tahun": n.tahun or None,
                    "teks": n.teks,
                    "sumber": n.sumber or None,
                }
                for n in d.narasi
            ],
        }
        if d.tanda_tangan is not None:
            t = d.tanda_tangan
            data["laporan"] = {
                "tahun": t.tahun,
                "tempat": t.tempat or None,
                "tanggal": t.tanggal.strftime("%Y-%m")
                if t.tanggal_hanya_bulan
                else t.tanggal.isoformat(),
            }
        if self.catatan:
            data["catatan"] = self.catatan
        return tambah_tercetak(data, d.pd)

    def pemda(self) -> dict:
        pemda = self.d.pd.pemda
        return {
            "nama": pemda.nama,
            "jenis": pemda.jenis,
            "kepala_daerah": {
                "nama": _teks(pemda.kepala_daerah_nama),
                "jabatan": _teks(pemda.kepala_daerah_jabatan),
            },
        }

    def perangkat_daerah(self) -> dict:
        pd = self.d.pd
        hasil = {"slug": pd.slug, "nama": pd.nama}
        for kunci in ("singkatan", "alamat", "telepon", "email", "kota_ttd"):
            hasil[kunci] = _teks(getattr(pd, kunci))
        return hasil

    def pejabat(self, p: Pejabat) -> dict:
        # The loader reads true as "Plt." and keeps the strings "Plt." and "Plh.".
        plt: bool | str = {"": False, StatusJabatan.PLT: True}.get(
            p.status_jabatan, p.status_jabatan
        )
        return {
            "nip": p.nip or None,
            "nama": _teks(p.nama),
            "pangkat": _teks(p.pangkat),
            "golongan": _teks(p.golongan),
            "jabatan": p.jabatan,
            "eselon": _teks(p.eselon),
            "unit": self.kode_unit.get(p.unit_kerja_id),
            "plt": plt,
        }

    def rpjmd(self) -> dict | None:
        rpjmd = self.d.renstra.rpjmd if self.d.renstra else None
        if rpjmd is None:
            return None
        # Position in the list is the misi number; a gap in the numbers becomes null.
        uraian = {m.nomor: m.uraian for m in self.d.misi}
        misi = [_teks(uraian.get(n)) for n in range(1, max(uraian, default=0) + 1)]
        return {
            "periode": (
                None if rpjmd.tahun_awal is None else [rpjmd.tahun_awal, rpjmd.tahun_akhir]
            ),
            "visi": _teks(rpjmd.visi),
            "misi": misi,
        }

    def tujuan(self, t: Tujuan) -> dict:
        return {
            "kode": t.kode,
            "uraian": t.uraian,
            "misi": self.nomor_misi.get(t.misi_id),
            "indikator": self.daftar_indikator("tujuan", t.pk),
        }

    def sasaran(self, s: Sasaran) -> dict:
        return {
            "kode": s.kode,
            "tujuan": self.kode_tujuan.get(s.tujuan_id),
            "uraian": s.uraian,
            "indikator": self.daftar_indikator("sasaran", s.pk),
        }

    # Program tree --------------------------------------------------------------------------

    def simpul_program(self, p: Program) -> dict:
        hasil = self._simpul("program", p)
        hasil["kegiatan"] = [self.simpul_kegiatan(k) for k in self.kegiatan_per_program[p.pk]]
        return hasil

    def simpul_kegiatan(self, k: Kegiatan) -> dict:
        hasil = self._simpul("kegiatan", k)
        hasil["sub_kegiatan"] = [
            self._simpul("sub_kegiatan", s) for s in self.sub_per_kegiatan[k.pk]
        ]
        return hasil

    def _simpul(self, tingkat: str, obj: Program | Kegiatan | SubKegiatan) -> dict:
        kunci = (tingkat, obj.pk)
        alias = self.kode_file.get(kunci)
        hasil: dict[str, Any] = {"kode": alias or obj.kode}
        if alias:
            hasil["kode_kepmendagri"] = obj.kode
        hasil["nama"] = obj.nama
        if tingkat == "program":
            hasil["sasaran"] = [
                self.kode_sasaran[s] for s in self.sasaran_program[obj.pk] if s in self.kode_sasaran
            ]
        hasil["unit"] = self.kode_unit.get(obj.unit_kerja_id)
        hasil["indikator"] = self.daftar_indikator(tingkat, obj.pk)
        hasil["pagu"] = _per_tahun(
            {
                tahun: {"murni": angka(p.murni), "perubahan": angka(p.perubahan)}
                for tahun, p in self.pagu[kunci].items()
            }
        )
        per_tahun = self.realisasi_anggaran[kunci]
        hasil["realisasi_anggaran"] = _per_tahun(
            {
                tahun: _daftar_triwulan({tw: v for tw, v in per_tw.items() if tw})
                for tahun, per_tw in per_tahun.items()
                if any(tw for tw in per_tw)
            }
        )
        hasil["realisasi_anggaran_tahunan"] = _per_tahun(
            {tahun: per_tw[0] for tahun, per_tw in per_tahun.items() if 0 in per_tw}
        )
        return hasil

    # Indicators ----------------------------------------------------------------------------

    def daftar_indikator(self, tingkat: str, induk_id: int) -> list[dict]:
        return [self.indikator(ind) for ind in self.indikator_per_induk[(tingkat, induk_id)]]

    def indikator(self, ind: Indikator) -> dict:
        target: dict[str, Any] = {
            jenis: _per_tahun(nilai) for jenis, nilai in self.target[ind.pk].items()
        }
        target["triwulan"] = _per_tahun(
            {
                tahun: _daftar_triwulan(per_tw)
                for tahun, per_tw in self.target_triwulan[ind.pk].items()
            }
        )
        rencana_aksi = _per_tahun(
            {
                tahun: {"triwulan": ra.triwulan, "uraian": _teks(ra.uraian)}
                for tahun, ra in self.rencana_aksi[ind.pk].items()
            }
        )
        realisasi = _per_tahun(
            {tahun: self.realisasi_tahun(baris) for tahun, baris in self.realisasi[ind.pk].items()}
        )
        return {
            "kode": ind.kode,
            "uraian": _teks(ind.uraian),
            "satuan": _teks(ind.satuan),
            "iku": ind.iku,
            "jenis_nilai": ind.jenis_nilai,
            "polaritas": ind.polaritas,
            "cara_agregasi": ind.cara_agregasi,
            "formula": _teks(ind.formula),
            "definisi_operasional": _teks(ind.definisi_operasional),
            "sumber_data": _teks(ind.sumber_data),
            "pembilang": _teks(ind.label_pembilang),
            "penyebut": _teks(ind.label_penyebut),
            "penanggung_jawab": self.kode_unit.get(ind.penanggung_jawab_id),
            "kondisi_awal": self.kondisi(ind, "awal"),
            "kondisi_akhir": self.kondisi(ind, "akhir"),
            "target": target,
            "rencana_aksi": rencana_aksi,
            "realisasi": realisasi,
        }

    def kondisi(self, ind: Indikator, jenis: str) -> str | None:
        """The stored text, verbatim when it reads the same in the file's plain notation; a
        number typed the Indonesian way in plain notation ("1.500" → "1500", "21,3" →
        "21.3"); text the loader would refuse is left out with a note."""
        teks = getattr(ind, f"kondisi_{jenis}")
        if not teks or teks in PREDIKAT:
            return teks or None
        try:
            dibaca = parse_angka_teks(teks) if _KONDISI_TEKS_ANGKA.match(teks) else None
        except ValueError:
            dibaca = None
        if dibaca is not None:
            if _KONDISI_ANGKA.match(teks) and Decimal(teks) == dibaca:
                return teks
            nilai = angka(dibaca)
            if _KONDISI_ANGKA.match(nilai):
                return nilai
        self.catatan.append(PESAN_CATATAN_KONDISI.format(jenis=jenis, kode=ind.kode, nilai=teks))
        return None

    @staticmethod
    def realisasi_tahun(baris: dict[int, Realisasi]) -> dict:
        """One indicator-year: rows 0 (tahunan) and 1–4 (triwulan) as the loader reads them."""
        tahunan = baris.get(0)
        per_tw = {tw: _nilai_realisasi(r) for tw, r in baris.items() if tw}
        pembilang = tahunan.pembilang if tahunan else None
        penyebut = tahunan.penyebut if tahunan else None
        nilai_tahunan = _nilai_realisasi(tahunan)
        # The row the loader writes the analysis texts to (see tulis_kinerja._baris_realisasi);
        # texts stored on another row move there.
        ada_tahunan = nilai_tahunan is not None or pembilang is not None or penyebut is not None
        terisi = [tw for tw, v in per_tw.items() if v is not None]
        tw_teks = 0 if ada_tahunan or not terisi else max(terisi)
        urutan = [tw_teks, *sorted(baris, reverse=True)]
        sumber = next(
            (
                baris[tw]
                for tw in urutan
                if tw in baris and any(getattr(baris[tw], k) for k in _ANALISIS)
            ),
            None,
        )
        hasil = {
            "tahunan": nilai_tahunan,
            "triwulan": _daftar_triwulan(per_tw) if per_tw else None,
            "pembilang": angka(pembilang),
            "penyebut": angka(penyebut),
        }
        for k in _ANALISIS:
            hasil[k] = _teks(getattr(sumber, k)) if sumber else None
        return hasil

    # Perjanjian Kinerja --------------------------------------------------------------------

    def _pihak_pertama(self, pk: PerjanjianKinerja) -> tuple[str | None, str | None]:
        """(pihak_pertama, pihak_pertama_jabatan) that lead the loader to the same official."""
        jabatan = _teks(pk.pihak_pertama_jabatan)
        p = pk.pihak_pertama
        if p is None:
            return None, jabatan
        if p.nip:
            return p.nip, jabatan
        # By name when the loader's first match by name is this official.
        pertama = next((q for q in self.d.pejabat if q.nama == p.nama), None)
        if p.nama and pertama is not None and pertama.pk == p.pk:
            return p.nama, jabatan
        # Known by position only: the position is the key (unique without a NIP).
        return None, p.jabatan

    def perjanjian(self, pk: PerjanjianKinerja) -> dict | None:
        pihak, jabatan = self._pihak_pertama(pk)
        # The loader needs a first party it can find among the file's officials.
        if pihak is not None:
            dirujuk = any(pihak in (p.nip, p.nama) for p in self.d.pejabat)
        else:
            dirujuk = bool(jabatan) and any(p.jabatan == jabatan for p in self.d.pejabat)
        if not dirujuk:
            self.catatan.append(PESAN_CATATAN_PK_TANPA_PIHAK.format(pk=pk))
            return None
        kedua = {
            "nama": _teks(pk.pihak_kedua_nama),
            "jabatan": _teks(pk.pihak_kedua_jabatan),
            "nip": _teks(pk.pihak_kedua_nip) or (pk.pihak_kedua.nip if pk.pihak_kedua else None),
        }
        if pk.tanggal is None:
            tanggal = None
        elif pk.tanggal_hanya_bulan:
            tanggal = pk.tanggal.strftime("%Y-%m")
        else:
            tanggal = pk.tanggal.isoformat()
        return {
            "tahun": pk.tahun,
            "versi": pk.versi,
            "pihak_pertama": pihak,
            "pihak_pertama_jabatan": jabatan,
            "pihak_kedua": kedua if any(kedua.values()) else None,
            "tempat": _teks(pk.tempat),
            "tanggal": tanggal,
            "indikator": [
                {
                    "sasaran": _teks(r.sasaran_uraian),
                    "indikator": self.kode_indikator.get(r.indikator_id),
                    "uraian": r.uraian,
                    "satuan": _teks(r.satuan),
                    "target": _nilai_target(r),
                    "target_sebelum": r.target_sebelum_predikat or angka(r.target_sebelum),
                }
                for r in self.pk_indikator[pk.pk]
            ],
            "anggaran": [self.pk_anggaran_baris(r) for r in self.pk_anggaran[pk.pk]],
            "total_tercetak": angka(pk.total_tercetak),
        }

    def pk_anggaran_baris(self, r: PKAnggaran) -> dict:
        kode = r.kode
        if not kode:
            # A row linked in the application without a code: the node's file code links it.
            tingkat, pk = self._node(r)
            node = self.simpul.get(tingkat, {}).get(pk)
            if node is not None:
                kode = self.kode_file.get((tingkat, pk), node.kode)
        return {
            "tingkat": r.tingkat,
            "kode": kode or None,
            "nama": r.nama,
            "jumlah": angka(r.jumlah),
        }


# --- Public function ------------------------------------------------------------------------


def ekspor_dataset(*, pd: PerangkatDaerah) -> dict:
    """The plan and results of `pd` as a `sakip-dataset/1` dict (see the module docstring)."""
    return _Pengekspor(pd).jalankan()
