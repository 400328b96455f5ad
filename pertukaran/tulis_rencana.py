"""Writing the plan: pemda, Perangkat Daerah, units, officials, RPJMD, Renstra, the program tree,
indicators and the staffing tables.

Part of the writer (`tulis._Pemuat`); the rows go through `sinkron._Penyinkron.sinkron`. The
objects written here (`self.pd`, `self.unit`, `self.pejabat`, `self.program`,
`self.indikator`, …) are what `tulis_kinerja` attaches the yearly figures to.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from django.db import models
from django.db.models import Q

from common.formatting import format_masukan, parse_angka_teks
from renstra.models import (
    CaraAgregasi,
    Indikator,
    JenisNilai,
    JenisTabelSumberDaya,
    Kegiatan,
    Misi,
    Pejabat,
    PemerintahDaerah,
    PerangkatDaerah,
    PeriodeRenstra,
    Polaritas,
    Program,
    Rpjmd,
    Sasaran,
    StatusJabatan,
    SubKegiatan,
    TabelSumberDaya,
    Tujuan,
    UnitKerja,
)

from .dokumen import PREDIKAT, _desimal, _dict, _list, _simpul_semua, _tahun_dalam_berkas, _teks
from .sinkron import _Baris, _Penyinkron

PESAN_CATATAN_RENSTRA = (
    "Berkas tidak memuat periode Renstra; periode {awal}–{akhir} diambil dari {sumber}."
)


def _teks_nilai(nilai: Any) -> str:
    """A kondisi awal/akhir as stored text: as given, unless its plain notation would read
    differently the Indonesian way (`common.formatting.parse_angka_teks`, how the plan
    screen's text is read: "1.500" is 1500); such a number is stored in Indonesian
    notation ("1.500" meaning 1,5 → "1,5")."""
    if nilai is None:
        return ""
    teks = nilai if isinstance(nilai, str) else str(nilai)
    if teks.strip().upper() in PREDIKAT:
        return teks
    try:
        angka = _desimal(nilai)
        sama = parse_angka_teks(teks) == angka
    except (ArithmeticError, ValueError, TypeError):
        return teks
    return teks if sama else format_masukan(angka)


def _sel(nilai: Any) -> str:
    """A validated table cell as stored text: null → "", 12 → "12"."""
    if nilai is None:
        return ""
    return nilai if isinstance(nilai, str) else str(nilai)


def _periode_renstra(data: dict) -> tuple[int, int, str | None]:
    """(tahun awal, tahun akhir, where it came from when the file has no Renstra period)."""
    renstra = data.get("renstra")
    if isinstance(renstra, dict) and renstra.get("periode") is not None:
        awal, akhir = renstra["periode"]
        return awal, akhir, None
    rpjmd = data.get("rpjmd")
    if isinstance(rpjmd, dict) and rpjmd.get("periode") is not None:
        awal, akhir = rpjmd["periode"]
        return awal, akhir, "periode RPJMD"
    tahun = _tahun_dalam_berkas(data)
    awal, akhir = min(tahun), max(tahun)
    return awal, max(akhir, awal + 1), "tahun-tahun dalam berkas"


def _kunci_pejabat(p: dict) -> Any:
    """Natural key of a pejabat: the NIP, or the position when no NIP is printed."""
    return p["nip"] if p.get("nip") else ("jabatan", p["jabatan"])


class _PemuatRencana(_Penyinkron):
    """The plan sections of the file, in the order `tulis._Pemuat.jalankan` calls them."""

    def muat_pemda(self) -> None:
        pemda = self.data["pemda"]
        kd = _dict(pemda.get("kepala_daerah"))
        nilai = {"nama": pemda["nama"], "jenis": pemda["jenis"]}
        # Shared with every PD of the pemda: a file without the head's name keeps it.
        if kd.get("nama"):
            nilai["kepala_daerah_nama"] = kd["nama"]
        if kd.get("jabatan"):
            nilai["kepala_daerah_jabatan"] = kd["jabatan"]
        lama = {p.nama: p for p in PemerintahDaerah.objects.filter(nama=pemda["nama"])}
        self.pemda = self.sinkron(PemerintahDaerah, lama, [_Baris(pemda["nama"], nilai)])[
            pemda["nama"]
        ]

    def muat_perangkat_daerah(self) -> None:
        pd = self.data["perangkat_daerah"]
        nilai = {"pemda": self.pemda, "slug": pd["slug"], "nama": pd["nama"]}
        for kunci in ("singkatan", "alamat", "telepon", "email", "kota_ttd"):
            nilai[kunci] = _teks(pd.get(kunci))
        lama = {p.slug: p for p in PerangkatDaerah.objects.filter(slug=pd["slug"])}
        self.pd = self.sinkron(PerangkatDaerah, lama, [_Baris(pd["slug"], nilai)])[pd["slug"]]
        self.hasil.perangkat_daerah = self.pd

    def muat_unit(self) -> None:
        units = _list(self.data.get("unit_kerja"))
        induk = {u["kode"]: u.get("induk") for u in units}

        def kedalaman(kode: str) -> int:
            n = 0
            while induk.get(kode):
                kode, n = induk[kode], n + 1
            return n

        lama = {u.kode: u for u in UnitKerja.objects.filter(perangkat_daerah=self.pd)}
        self.unit: dict[str, UnitKerja] = {}
        # Parents before children, so every induk exists when its children are written.
        for tingkat in sorted({kedalaman(u["kode"]) for u in units}):
            baris = [
                _Baris(
                    u["kode"],
                    {
                        "perangkat_daerah": self.pd,
                        "kode": u["kode"],
                        "nama": u["nama"],
                        "induk": self.unit[u["induk"]] if u.get("induk") else None,
                    },
                )
                for u in units
                if kedalaman(u["kode"]) == tingkat
            ]
            self.unit.update(self.sinkron(UnitKerja, lama, baris))

    def muat_pejabat(self) -> None:
        daftar = _list(self.data.get("pejabat"))
        nip = [p["nip"] for p in daftar if p.get("nip")]
        lama: dict[Any, Pejabat] = {}
        for p in Pejabat.objects.filter(Q(perangkat_daerah=self.pd) | Q(nip__in=nip)):
            if p.nip:
                lama[p.nip] = p
            elif p.perangkat_daerah_id == self.pd.pk:
                lama[("jabatan", p.jabatan)] = p
        # An official first known by position only who now has a NIP is the same record.
        tanpa_nip = {p["jabatan"] for p in daftar if not p.get("nip")}
        for p in daftar:
            posisi = ("jabatan", p["jabatan"])
            baru = p.get("nip") and p["nip"] not in lama and p["jabatan"] not in tanpa_nip
            if baru and posisi in lama:
                lama[p["nip"]] = lama.pop(posisi)
        baris = []
        for p in daftar:
            plt = p.get("plt")
            status = plt if isinstance(plt, str) else (StatusJabatan.PLT if plt else "")
            baris.append(
                _Baris(
                    _kunci_pejabat(p),
                    {
                        "perangkat_daerah": self.pd,
                        "nip": p.get("nip") or None,
                        "nama": _teks(p.get("nama")),
                        "pangkat": _teks(p.get("pangkat")),
                        "golongan": _teks(p.get("golongan")),
                        "jabatan": p["jabatan"],
                        "eselon": _teks(p.get("eselon")),
                        "unit_kerja": self.unit[p["unit"]] if p.get("unit") else None,
                        "status_jabatan": str(status),
                    },
                )
            )
        self.pejabat = self.sinkron(Pejabat, lama, baris)

    def muat_rpjmd(self) -> None:
        self.rpjmd = None
        self.misi: dict[int, Misi] = {}
        rpjmd = self.data.get("rpjmd")
        if not rpjmd:
            return
        # A null period is stored as missing (None): one RPJMD of the pemda without a period.
        awal, akhir = rpjmd.get("periode") or (None, None)
        nilai = {"pemda": self.pemda, "tahun_awal": awal, "tahun_akhir": akhir}
        if rpjmd.get("visi"):
            nilai["visi"] = rpjmd["visi"]
        lama = {r.tahun_awal: r for r in Rpjmd.objects.filter(pemda=self.pemda, tahun_awal=awal)}
        self.rpjmd = self.sinkron(Rpjmd, lama, [_Baris(awal, nilai)])[awal]
        baris = []
        for i, uraian in enumerate(_list(rpjmd.get("misi")), start=1):
            nilai = {"rpjmd": self.rpjmd, "nomor": i}
            if uraian:
                nilai["uraian"] = uraian
            baris.append(_Baris(i, nilai))
        lama = {m.nomor: m for m in Misi.objects.filter(rpjmd=self.rpjmd)}
        self.misi = self.sinkron(Misi, lama, baris)

    def muat_renstra(self) -> None:
        awal, akhir, sumber = _periode_renstra(self.data)
        if sumber is not None:
            self.hasil.catatan.append(
                PESAN_CATATAN_RENSTRA.format(awal=awal, akhir=akhir, sumber=sumber)
            )
        lama = {
            r.tahun_awal: r
            for r in PeriodeRenstra.objects.filter(perangkat_daerah=self.pd, tahun_awal=awal)
        }
        nilai = {
            "perangkat_daerah": self.pd,
            "rpjmd": self.rpjmd,
            "tahun_awal": awal,
            "tahun_akhir": akhir,
        }
        self.renstra = self.sinkron(PeriodeRenstra, lama, [_Baris(awal, nilai)])[awal]

    def muat_tujuan_sasaran(self) -> None:
        lama = {t.kode: t for t in Tujuan.objects.filter(renstra=self.renstra)}
        baris = [
            _Baris(
                t["kode"],
                {
                    "renstra": self.renstra,
                    "kode": t["kode"],
                    "uraian": t["uraian"],
                    "misi": self.misi.get(t["misi"]) if t.get("misi") else None,
                    "urutan": i,
                },
            )
            for i, t in enumerate(_list(self.data.get("tujuan")))
        ]
        self.tujuan = self.sinkron(Tujuan, lama, baris)
        lama = {s.kode: s for s in Sasaran.objects.filter(renstra=self.renstra)}
        baris = [
            _Baris(
                s["kode"],
                {
                    "renstra": self.renstra,
                    "kode": s["kode"],
                    "uraian": s["uraian"],
                    "tujuan": self.tujuan[s["tujuan"]] if s.get("tujuan") else None,
                    "urutan": i,
                },
            )
            for i, s in enumerate(_list(self.data.get("sasaran")))
        ]
        self.sasaran = self.sinkron(Sasaran, lama, baris)

    def muat_program(self) -> None:
        simpul = defaultdict(list)
        urutan: Counter[tuple] = Counter()
        for tingkat, kunci, isi in _simpul_semua(self.data):
            simpul[tingkat].append((kunci, isi, urutan[kunci[:-1]]))
            urutan[kunci[:-1]] += 1

        def unit(isi: dict) -> UnitKerja | None:
            return self.unit[isi["unit"]] if isi.get("unit") else None

        # Programs, with their sasaran (many-to-many) compared like a field.
        program_lama = {p.kode: p for p in Program.objects.filter(renstra=self.renstra)}
        Through = Program.sasaran.through
        sasaran_lama: dict[int, set[int]] = defaultdict(set)
        for program_id, sasaran_id in Through.objects.filter(
            program__renstra=self.renstra
        ).values_list("program_id", "sasaran_id"):
            sasaran_lama[program_id].add(sasaran_id)
        sasaran_baru: dict[tuple, list[int]] = {}
        baris = []
        for kunci, isi, i in simpul["program"]:
            sasaran_baru[kunci] = sorted({self.sasaran[s].pk for s in _list(isi.get("sasaran"))})
            baris.append(
                _Baris(
                    kunci,
                    {
                        "renstra": self.renstra,
                        "kode": kunci[-1],
                        "nama": isi["nama"],
                        "unit_kerja": unit(isi),
                        "urutan": i,
                    },
                    ekstra={"sasaran": sasaran_baru[kunci]},
                )
            )
        program_lama_kunci = {(k,): p for k, p in program_lama.items()}
        ekstra_lama = {
            p.pk: {"sasaran": sorted(sasaran_lama.get(p.pk, ()))} for p in program_lama.values()
        }
        self.program = self.sinkron(Program, program_lama_kunci, baris, ekstra_lama=ekstra_lama)
        hapus, tambah = [], []
        for kunci, program in self.program.items():
            lama_ids, baru_ids = sasaran_lama.get(program.pk, set()), set(sasaran_baru[kunci])
            hapus += [(program.pk, s) for s in lama_ids - baru_ids]
            tambah += [Through(program_id=program.pk, sasaran_id=s) for s in baru_ids - lama_ids]
        for program_id, sasaran_id in hapus:
            Through.objects.filter(program_id=program_id, sasaran_id=sasaran_id).delete()
        Through.objects.bulk_create(tambah)

        kunci_program = {p.pk: k for k, p in self.program.items()}
        lama = {}
        for k in Kegiatan.objects.filter(program__renstra=self.renstra):
            if k.program_id in kunci_program:
                lama[(*kunci_program[k.program_id], k.kode)] = k
        baris = [
            _Baris(
                kunci,
                {
                    "program": self.program[kunci[:-1]],
                    "kode": kunci[-1],
                    "nama": isi["nama"],
                    "unit_kerja": unit(isi),
                    "urutan": i,
                },
            )
            for kunci, isi, i in simpul["kegiatan"]
        ]
        self.kegiatan = self.sinkron(Kegiatan, lama, baris)

        kunci_kegiatan = {k.pk: kunci for kunci, k in self.kegiatan.items()}
        lama = {}
        for s in SubKegiatan.objects.filter(kegiatan__program__renstra=self.renstra):
            if s.kegiatan_id in kunci_kegiatan:
                lama[(*kunci_kegiatan[s.kegiatan_id], s.kode)] = s
        baris = [
            _Baris(
                kunci,
                {
                    "kegiatan": self.kegiatan[kunci[:-1]],
                    "kode": kunci[-1],
                    "nama": isi["nama"],
                    "unit_kerja": unit(isi),
                    "urutan": i,
                },
            )
            for kunci, isi, i in simpul["sub_kegiatan"]
        ]
        self.sub_kegiatan = self.sinkron(SubKegiatan, lama, baris)

    def _indikator_semua(self) -> Iterator[tuple[str, models.Model, dict]]:
        """(level field, parent object, indicator dict) in file order."""
        for t in _list(self.data.get("tujuan")):
            for ind in _list(t.get("indikator")):
                yield "tujuan", self.tujuan[t["kode"]], ind
        for s in _list(self.data.get("sasaran")):
            for ind in _list(s.get("indikator")):
                yield "sasaran", self.sasaran[s["kode"]], ind
        peta = {"program": self.program, "kegiatan": self.kegiatan}
        peta["sub_kegiatan"] = self.sub_kegiatan
        for tingkat, kunci, isi in _simpul_semua(self.data):
            for ind in _list(isi.get("indikator")):
                yield tingkat, peta[tingkat][kunci], ind

    def muat_indikator(self) -> None:
        lama = {i.kode: i for i in Indikator.objects.filter(perangkat_daerah=self.pd)}
        baris = []
        self.data_indikator: dict[str, dict] = {}
        for urutan, (tingkat, induk, ind) in enumerate(self._indikator_semua()):
            self.data_indikator[ind["kode"]] = ind
            nilai = {
                "perangkat_daerah": self.pd,
                "tujuan": None,
                "sasaran": None,
                "program": None,
                "kegiatan": None,
                "sub_kegiatan": None,
                "kode": ind["kode"],
                "uraian": _teks(ind.get("uraian")),
                "satuan": _teks(ind.get("satuan")),
                "iku": bool(ind.get("iku")),
                "jenis_nilai": ind.get("jenis_nilai") or JenisNilai.ANGKA,
                "polaritas": ind.get("polaritas") or Polaritas.POSITIF,
                "cara_agregasi": ind.get("cara_agregasi") or CaraAgregasi.POSISI_AKHIR,
                "formula": _teks(ind.get("formula")),
                "definisi_operasional": _teks(ind.get("definisi_operasional")),
                "sumber_data": _teks(ind.get("sumber_data")),
                "label_pembilang": _teks(ind.get("pembilang")),
                "label_penyebut": _teks(ind.get("penyebut")),
                "penanggung_jawab": (
                    self.unit[ind["penanggung_jawab"]] if ind.get("penanggung_jawab") else None
                ),
                "kondisi_awal": _teks_nilai(ind.get("kondisi_awal")),
                "kondisi_akhir": _teks_nilai(ind.get("kondisi_akhir")),
                "urutan": urutan,
            }
            nilai[tingkat] = induk
            baris.append(_Baris(ind["kode"], nilai))
        self.indikator = self.sinkron(Indikator, lama, baris)

    def muat_sumber_daya(self) -> None:
        """The `sdm` tables, keyed by judul; a table the file no longer has is left alone."""
        baris = [
            _Baris(
                t["judul"],
                {
                    "perangkat_daerah": self.pd,
                    "jenis": JenisTabelSumberDaya.SDM.value,
                    "urutan": i,
                    "judul": t["judul"],
                    "kolom": list(_list(t.get("kolom"))),
                    "baris": [[_sel(sel) for sel in b] for b in _list(t.get("baris"))],
                },
            )
            for i, t in enumerate(_list(self.data.get("sdm")))
        ]
        lama = {o.judul: o for o in TabelSumberDaya.objects.filter(perangkat_daerah=self.pd)}
        self.sinkron(TabelSumberDaya, lama, baris)
