"""Writing the yearly figures: targets, rencana aksi, realisations, pagu and budget realisations,
Perjanjian Kinerja, spending (anggaran belanja), the agency's stated budget total (anggaran_pd)
and the SAKIP evaluation.

Part of the writer (`tulis._Pemuat`), run after `tulis_rencana`: the rows attach to the
objects it wrote. Realisations loaded from a file are approved; a value entered in the app
and still in its workflow is never cleared by a quarter the file leaves empty. A Perjanjian
Kinerja that has been signed in the application is never modified.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone

from anggaran.models import AnggaranBelanja, AnggaranPerangkatDaerah, Pagu, RealisasiAnggaran
from kinerja.models import (
    EvaluasiSakip,
    PerjanjianKinerja,
    PKAnggaran,
    PKIndikator,
    Realisasi,
    RencanaAksi,
    StatusPK,
    StatusRealisasi,
    VersiPK,
)
from renstra.kode import normalisasi_kode
from renstra.models import (
    Indikator,
    JenisTarget,
    Kegiatan,
    Pejabat,
    PerangkatDaerah,
    PeriodeRenstra,
    Program,
    SubKegiatan,
    Target,
    TargetTriwulan,
)

from . import tulis_pk
from .dokumen import (
    _TINGKAT_SIMPUL,
    PREDIKAT,
    _desimal,
    _dict,
    _list,
    _simpul_semua,
    _tanggal,
    _teks,
)
from .sinkron import _Baris, _Penyinkron
from .tulis_rencana import _kunci_pejabat

PESAN_CATATAN_PK_DITANDATANGANI = (
    "Perjanjian Kinerja {pk} sudah ditandatangani di aplikasi dan tidak diubah."
)


def _urai_nilai(nilai: Any) -> dict[str, Any]:
    """A validated target value as NilaiTargetMixin fields."""
    hasil = {"nilai": None, "predikat": "", "batas_bawah": None, "batas_atas": None}
    if isinstance(nilai, dict):
        hasil["batas_bawah"] = _desimal(nilai.get("bawah"))
        hasil["batas_atas"] = _desimal(nilai.get("atas"))
    elif isinstance(nilai, str) and nilai in PREDIKAT:
        hasil["predikat"] = nilai
    else:
        hasil["nilai"] = _desimal(nilai)
    return hasil


class _PemuatKinerja(_Penyinkron):
    """The yearly sections of the file; needs the objects `tulis_rencana` wrote."""

    # Set by _PemuatRencana (see tulis._Pemuat).
    pd: PerangkatDaerah
    renstra: PeriodeRenstra
    pejabat: dict[Any, Pejabat]
    program: dict[tuple, Program]
    kegiatan: dict[tuple, Kegiatan]
    sub_kegiatan: dict[tuple, SubKegiatan]
    indikator: dict[str, Indikator]
    data_indikator: dict[str, dict]

    def _per_indikator(self, model: type[models.Model], *kunci: str) -> dict[tuple, Any]:
        """Existing rows of `model` for this PD's indicators, keyed (indicator kode, *kunci)."""
        kode = {i.pk: k for k, i in self.indikator.items()}
        hasil = {}
        for obj in model.objects.filter(indikator__perangkat_daerah=self.pd):
            if obj.indikator_id in kode:
                obj.indikator = self.indikator[kode[obj.indikator_id]]
                hasil[(kode[obj.indikator_id], *(getattr(obj, k) for k in kunci))] = obj
        return hasil

    def muat_target(self) -> None:
        baris, baris_tw = [], []
        for kode, ind in self.data_indikator.items():
            indikator = self.indikator[kode]
            target = _dict(ind.get("target"))
            for jenis in JenisTarget.values:
                for th, nilai in _dict(target.get(jenis)).items():
                    tahun = int(th)
                    isi = {"indikator": indikator, "tahun": tahun, "jenis": jenis}
                    isi.update(_urai_nilai(nilai))
                    baris.append(_Baris((kode, tahun, jenis), isi, buat=nilai is not None))
            for th, daftar in _dict(target.get("triwulan")).items():
                tahun = int(th)
                for tw, nilai in enumerate(_list(daftar), start=1):
                    isi = {"indikator": indikator, "tahun": tahun, "triwulan": tw}
                    isi.update(_urai_nilai(nilai))
                    baris_tw.append(_Baris((kode, tahun, tw), isi, buat=nilai is not None))
        self.sinkron(Target, self._per_indikator(Target, "tahun", "jenis"), baris)
        lama = self._per_indikator(TargetTriwulan, "tahun", "triwulan")
        self.sinkron(TargetTriwulan, lama, baris_tw)

    def muat_rencana_aksi(self) -> None:
        baris = []
        for kode, ind in self.data_indikator.items():
            for th, ra in _dict(ind.get("rencana_aksi")).items():
                centang = [*_list(ra.get("triwulan")), False, False, False, False][:4]
                isi = {"indikator": self.indikator[kode], "tahun": int(th)}
                isi.update({f"tw{i}": centang[i - 1] for i in range(1, 5)})
                isi["uraian"] = _teks(ra.get("uraian"))
                baris.append(_Baris((kode, int(th)), isi))
        self.sinkron(RencanaAksi, self._per_indikator(RencanaAksi, "tahun"), baris)

    def muat_realisasi(self) -> None:
        baris = []
        for kode, ind in self.data_indikator.items():
            for th, real in _dict(ind.get("realisasi")).items():
                baris += self._baris_realisasi(self.indikator[kode], kode, int(th), real)

        def saat_ubah(obj: Realisasi) -> None:
            obj.versi += 1
            obj.diubah = timezone.now()

        lama = self._per_indikator(Realisasi, "tahun", "triwulan")
        # A quarter the file leaves empty never clears a value entered in the app and still
        # in its workflow (draft, submitted, verified): only approved rows follow the file.
        kosong = {b.kunci for b in baris if not b.buat}
        lama = {
            k: obj
            for k, obj in lama.items()
            if k not in kosong or obj.status == StatusRealisasi.DISETUJUI
        }
        self.sinkron(
            Realisasi,
            lama,
            baris,
            saat_ubah=saat_ubah,
            bidang_tambahan=("versi", "diubah"),
        )

    def _baris_realisasi(
        self, indikator: Indikator, kode: str, tahun: int, real: dict
    ) -> list[_Baris]:
        """Quarter rows 1–4 and the yearly row 0 of one indicator-year.

        The analysis text sits on the yearly row, or on the last quarter with a value when
        the year has no yearly figure.
        """
        nilai: dict[int, Any] = {
            tw: v for tw, v in enumerate(_list(real.get("triwulan"))[:4], start=1)
        }
        pembilang, penyebut = _desimal(real.get("pembilang")), _desimal(real.get("penyebut"))
        tahunan = real.get("tahunan")
        analisis = ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut")
        teks = {k: _teks(real.get(k)) for k in analisis}
        ada_teks = any(teks.values())
        ada_tahunan = tahunan is not None or pembilang is not None or penyebut is not None
        terisi = [tw for tw, v in nilai.items() if v is not None]
        # The row that carries the analysis text: the yearly one, else the last quarter.
        baris_teks = 0 if ada_tahunan or (ada_teks and not terisi) else max(terisi, default=None)
        hasil = []
        for tw in sorted({0, *nilai}):
            v = tahunan if tw == 0 else nilai[tw]
            isi = {
                "indikator": indikator,
                "tahun": tahun,
                "triwulan": tw,
                "nilai": None,
                "predikat": "",
                "pembilang": pembilang if tw == 0 else None,
                "penyebut": penyebut if tw == 0 else None,
                "status": StatusRealisasi.DISETUJUI,
            }
            if isinstance(v, str) and v in PREDIKAT:
                isi["predikat"] = v
            else:
                isi["nilai"] = _desimal(v)
            kosong_teks = dict.fromkeys(teks, "")
            isi.update(teks if tw == baris_teks else kosong_teks)
            buat = v is not None or (tw == 0 and ada_tahunan) or tw == baris_teks
            hasil.append(_Baris((kode, tahun, tw), isi, buat=buat))
        return hasil

    def _lama_tingkat(self, model: type[models.Model], *kunci: str) -> dict[tuple, Any]:
        """Existing budget rows of this Renstra, keyed (tingkat, node key, *kunci)."""
        peta = {
            "program": {o.pk: (k, o) for k, o in self.program.items()},
            "kegiatan": {o.pk: (k, o) for k, o in self.kegiatan.items()},
            "sub_kegiatan": {o.pk: (k, o) for k, o in self.sub_kegiatan.items()},
        }
        qs = model.objects.filter(
            Q(program__renstra=self.renstra)
            | Q(kegiatan__program__renstra=self.renstra)
            | Q(sub_kegiatan__kegiatan__program__renstra=self.renstra)
        )
        hasil = {}
        for obj in qs:
            for tingkat in _TINGKAT_SIMPUL:
                pk = getattr(obj, f"{tingkat}_id")
                if pk is not None and pk in peta[tingkat]:
                    node_kunci, node = peta[tingkat][pk]
                    setattr(obj, tingkat, node)
                    hasil[(tingkat, node_kunci, *(getattr(obj, k) for k in kunci))] = obj
        return hasil

    def muat_anggaran(self) -> None:
        peta = {"program": self.program, "kegiatan": self.kegiatan}
        peta["sub_kegiatan"] = self.sub_kegiatan
        pagu, realisasi = [], []
        for tingkat, kunci, isi in _simpul_semua(self.data):
            node = {t: None for t in _TINGKAT_SIMPUL}
            node[tingkat] = peta[tingkat][kunci]
            for th, nilai in _dict(isi.get("pagu")).items():
                nilai = _dict(nilai)
                murni, perubahan = _desimal(nilai.get("murni")), _desimal(nilai.get("perubahan"))
                baris = {**node, "tahun": int(th), "murni": murni, "perubahan": perubahan}
                buat = murni is not None or perubahan is not None
                pagu.append(_Baris((tingkat, kunci, int(th)), baris, buat=buat))
            per_tw: dict[tuple[int, int], Any] = {}
            for th, daftar in _dict(isi.get("realisasi_anggaran")).items():
                for tw, jumlah in enumerate(_list(daftar)[:4], start=1):
                    per_tw[(int(th), tw)] = jumlah
            for th, jumlah in _dict(isi.get("realisasi_anggaran_tahunan")).items():
                per_tw[(int(th), 0)] = jumlah
            for (tahun, tw), jumlah in sorted(per_tw.items()):
                baris = {
                    **node,
                    "tahun": tahun,
                    "triwulan": tw,
                    "jumlah": _desimal(jumlah),
                    "status": StatusRealisasi.DISETUJUI,
                }
                realisasi.append(
                    _Baris((tingkat, kunci, tahun, tw), baris, buat=jumlah is not None)
                )
        self.sinkron(Pagu, self._lama_tingkat(Pagu, "tahun"), pagu)

        def saat_ubah(obj: RealisasiAnggaran) -> None:
            obj.versi += 1
            obj.diubah = timezone.now()

        lama = self._lama_tingkat(RealisasiAnggaran, "tahun", "triwulan")
        # As for indicator realisations: a quarter the file leaves empty never clears an
        # amount entered in the app and still in its workflow; only approved rows follow it.
        kosong = {b.kunci for b in realisasi if not b.buat}
        lama = {
            k: obj
            for k, obj in lama.items()
            if k not in kosong or obj.status == StatusRealisasi.DISETUJUI
        }
        self.sinkron(
            RealisasiAnggaran,
            lama,
            realisasi,
            saat_ubah=saat_ubah,
            bidang_tambahan=("versi", "diubah"),
        )

    def _cari_pejabat(self, pihak: str | None, jabatan: str | None) -> Pejabat | None:
        """The official a PK names by NIP, by name, or (position-only) by position."""
        daftar = _list(self.data.get("pejabat"))
        if pihak:
            for p in daftar:
                if p.get("nip") == pihak:
                    return self.pejabat[_kunci_pejabat(p)]
            for p in daftar:
                if p.get("nama") == pihak:
                    return self.pejabat[_kunci_pejabat(p)]
            return None
        if jabatan:
            # A position-only official (no NIP) first; otherwise only an unambiguous match.
            sama = [p for p in daftar if p.get("jabatan") == jabatan]
            for calon in ([p for p in sama if not p.get("nip")], sama):
                if len(calon) == 1:
                    return self.pejabat[_kunci_pejabat(calon[0])]
        return None

    def _simpul_menurut_kode(self) -> dict[str, dict[str, Any]]:
        """Program/kegiatan/sub-kegiatan by stored or file code; None where ambiguous."""
        peta: dict[str, dict[str, Any]] = {t: {} for t in _TINGKAT_SIMPUL}
        objek = {"program": self.program, "kegiatan": self.kegiatan}
        objek["sub_kegiatan"] = self.sub_kegiatan
        for tingkat, kunci, isi in _simpul_semua(self.data):
            obj = objek[tingkat][kunci]
            for kode in {kunci[-1], normalisasi_kode(isi["kode"])}:
                if kode in peta[tingkat] and peta[tingkat][kode] is not obj:
                    peta[tingkat][kode] = None
                else:
                    peta[tingkat][kode] = obj
        return peta

    def muat_perjanjian(self) -> None:
        pejabat_pd = {p.nip: p for p in self.pejabat.values() if p.nip}
        urutan: Counter[tuple] = Counter()
        baris, isi_pk = [], {}
        for pk in _list(self.data.get("perjanjian_kinerja")):
            pihak = self._cari_pejabat(pk.get("pihak_pertama"), pk.get("pihak_pertama_jabatan"))
            identitas = ("p", pihak.pk) if pihak else ("j", pk.get("pihak_pertama_jabatan"))
            kelompok = (pk["tahun"], pk.get("versi") or VersiPK.MURNI.value, identitas)
            kunci = (*kelompok, urutan[kelompok])
            urutan[kelompok] += 1
            kedua = _dict(pk.get("pihak_kedua"))
            tanggal, hanya_bulan = _tanggal(pk["tanggal"]) if pk.get("tanggal") else (None, False)
            isi_pk[kunci] = pk
            baris.append(
                _Baris(
                    kunci,
                    {
                        "perangkat_daerah": self.pd,
                        "tahun": pk["tahun"],
                        "versi": kelompok[1],
                        "pihak_pertama": pihak,
                        "pihak_pertama_jabatan": _teks(pk.get("pihak_pertama_jabatan")),
                        "pihak_kedua": pejabat_pd.get(kedua.get("nip")),
                        "pihak_kedua_nama": _teks(kedua.get("nama")),
                        "pihak_kedua_jabatan": _teks(kedua.get("jabatan")),
                        "pihak_kedua_nip": _teks(kedua.get("nip")),
                        "tempat": _teks(pk.get("tempat")),
                        "tanggal": tanggal,
                        "tanggal_hanya_bulan": hanya_bulan,
                        "total_tercetak": _desimal(pk.get("total_tercetak")),
                    },
                )
            )
        # Existing PKs of the same year, version and first party match in creation order.
        lama, urutan_lama = {}, Counter()
        qs = PerjanjianKinerja.objects.filter(perangkat_daerah=self.pd).order_by("id")
        for obj in qs.select_related("pihak_pertama"):
            identitas = (
                ("p", obj.pihak_pertama_id)
                if obj.pihak_pertama_id
                else ("j", obj.pihak_pertama_jabatan)
            )
            kelompok = (obj.tahun, obj.versi, identitas)
            lama[(*kelompok, urutan_lama[kelompok])] = obj
            urutan_lama[kelompok] += 1
        terkunci = {k for k, obj in lama.items() if obj.status != StatusPK.DRAFT}
        nilai_berkas = {b.kunci: b.nilai for b in baris}
        for kunci in sorted(terkunci & set(isi_pk), key=str):
            obj = lama[kunci]
            if not tulis_pk.ditandatangani_di_luar(obj):
                self.hasil.catatan.append(PESAN_CATATAN_PK_DITANDATANGANI.format(pk=obj))
            elif not tulis_pk.kepala_sama(obj, nilai_berkas[kunci]):
                # The same report loaded again says nothing; a different one is noted.
                self.hasil.catatan.append(tulis_pk.PESAN_CATATAN_PK_DI_LUAR_BERBEDA.format(pk=obj))
        baris = [b for b in baris if b.kunci not in terkunci]
        perjanjian = self.sinkron(PerjanjianKinerja, lama, baris)

        kunci_pk = {obj.pk: k for k, obj in perjanjian.items()}
        simpul = self._simpul_menurut_kode()
        baris_ind, baris_ang = [], []
        for kunci, obj in perjanjian.items():
            pk = isi_pk[kunci]
            for i, r in enumerate(_list(pk.get("indikator"))):
                indikator = self.indikator.get(r["indikator"]) if r.get("indikator") else None
                satuan = r.get("satuan") or (indikator.satuan if indikator else "")
                isi = {
                    "perjanjian": obj,
                    "urutan": i,
                    "sasaran_uraian": _teks(r.get("sasaran")),
                    "indikator": indikator,
                    "uraian": r["uraian"],
                    "satuan": satuan,
                }
                isi.update(_urai_nilai(r.get("target")))
                sebelum = r.get("target_sebelum")
                sebelum_predikat = isinstance(sebelum, str) and sebelum in PREDIKAT
                isi["target_sebelum"] = None if sebelum_predikat else _desimal(sebelum)
                isi["target_sebelum_predikat"] = sebelum if sebelum_predikat else ""
                baris_ind.append(_Baris((kunci, i), isi))
            for i, r in enumerate(_list(pk.get("anggaran"))):
                kode = normalisasi_kode(r.get("kode"))
                isi = {
                    "perjanjian": obj,
                    "urutan": i,
                    "tingkat": r["tingkat"],
                    "program": None,
                    "kegiatan": None,
                    "sub_kegiatan": None,
                    "kode": kode,
                    "nama": r["nama"],
                    "jumlah": _desimal(r.get("jumlah")),
                }
                isi[r["tingkat"]] = simpul[r["tingkat"]].get(kode) if kode else None
                baris_ang.append(_Baris((kunci, i), isi))
        for model, baris_anak in ((PKIndikator, baris_ind), (PKAnggaran, baris_ang)):
            lama_anak = {}
            for obj in model.objects.filter(perjanjian__perangkat_daerah=self.pd):
                if obj.perjanjian_id in kunci_pk:
                    lama_anak[(kunci_pk[obj.perjanjian_id], obj.urutan)] = obj
            self.sinkron(model, lama_anak, baris_anak)
            # Rows a PK no longer prints go: the annex is one document.
            diminta = {b.kunci for b in baris_anak}
            self.hapus(model, [o for k, o in lama_anak.items() if k not in diminta])
        tulis_pk.tandai_di_luar(self, perjanjian, isi_pk)

    def muat_belanja_evaluasi(self) -> None:
        baris = []
        for i, r in enumerate(_list(self.data.get("anggaran_belanja"))):
            jenis = _teks(r.get("jenis"))
            isi = {
                "perangkat_daerah": self.pd,
                "tahun": r["tahun"],
                "kelompok": r["kelompok"],
                "jenis": jenis,
                "pagu": _desimal(r.get("pagu")),
                "realisasi": _desimal(r.get("realisasi")),
                "urutan": i,
            }
            baris.append(_Baris((r["tahun"], r["kelompok"], jenis), isi))
        lama = {
            (o.tahun, o.kelompok, o.jenis): o
            for o in AnggaranBelanja.objects.filter(perangkat_daerah=self.pd)
        }
        self.sinkron(AnggaranBelanja, lama, baris)
        baris = [
            _Baris(
                r["tahun"],
                {
                    "perangkat_daerah": self.pd,
                    "tahun": r["tahun"],
                    "pagu_murni": _desimal(r.get("pagu_murni")),
                    "pagu": _desimal(r.get("pagu")),
                    "realisasi": _desimal(r.get("realisasi")),
                    "sumber": _teks(r.get("sumber")),
                },
            )
            for r in _list(self.data.get("anggaran_pd"))
        ]
        lama = {
            o.tahun: o for o in AnggaranPerangkatDaerah.objects.filter(perangkat_daerah=self.pd)
        }
        self.sinkron(AnggaranPerangkatDaerah, lama, baris)
        baris = [
            _Baris(
                r.get("tahun_dinilai"),
                {
                    "perangkat_daerah": self.pd,
                    "tahun_dinilai": r.get("tahun_dinilai"),
                    "nilai": _desimal(r.get("nilai")),
                    "predikat": _teks(r.get("predikat")),
                    "evaluator": _teks(r.get("evaluator")),
                },
            )
            for r in _list(self.data.get("evaluasi_sakip"))
        ]
        lama = {o.tahun_dinilai: o for o in EvaluasiSakip.objects.filter(perangkat_daerah=self.pd)}
        self.sinkron(EvaluasiSakip, lama, baris)
