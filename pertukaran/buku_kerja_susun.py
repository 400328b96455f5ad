"""Assembling the dataset document from the rows of a workbook's sheets (`_Penyusun`): one
sheet after another, every row checked against the sheets it refers to."""

from __future__ import annotations

import re
from typing import Any

from renstra.kode import normalisasi_kode

from .buku_kerja_dasar import (
    PESAN_BUKAN_BULAT,
    PESAN_GANDA,
    PESAN_ISIAN_PD,
    PESAN_PILIHAN,
    PESAN_RUJUKAN,
    PESAN_TAHUN_DI_LUAR,
    _judul,
    _normal,
    _Pembaca,
)
from .dokumen import FORMAT
from .tata_letak import (
    ISIAN_PD,
    PILIHAN_PD,
    TINGKAT_SIMPUL,
)


class _Penyusun:
    """Builds the nested document from the rows of every sheet."""

    def __init__(self, p: _Pembaca, baris: dict[str, list[tuple[int, dict]]]):
        self.p = p
        self.baris = baris

    def rows(self, nama: str) -> list[tuple[int, dict]]:
        return self.baris.get(nama, [])

    def rujuk(self, lembar, nomor, kunci, jenis, kode, lembar_tujuan) -> None:
        pesan = PESAN_RUJUKAN.format(jenis=jenis, kode=kode, lembar=lembar_tujuan)
        self.p.salah(lembar, nomor, _judul(lembar, kunci), pesan)

    def ganda(self, dilihat: dict, kunci: tuple, lembar: str, nomor: int, teks: str) -> bool:
        if kunci in dilihat:
            pesan = PESAN_GANDA.format(kunci=teks, baris=dilihat[kunci])
            self.p.salah(lembar, nomor, None, pesan)
            return True
        dilihat[kunci] = nomor
        return False

    def susun(self) -> dict:
        data: dict[str, Any] = {"format": FORMAT, "sumber": "buku kerja impor"}
        self.pd_sheet(data)
        self.organisasi(data)
        self.rencana(data)
        self.indikator(data)
        self.anggaran()
        self.perjanjian(data)
        self.lain(data)
        return data

    def pd_sheet(self, data: dict) -> None:
        label = {_normal(lbl): kunci for lbl, kunci in ISIAN_PD}
        isian: dict[str, tuple[Any, int]] = {}
        for nomor, r in self.rows("PD"):
            kunci = label.get(_normal(r.get("isian")))
            if kunci is None:
                self.p.salah("PD", nomor, "Isian", PESAN_ISIAN_PD.format(teks=r.get("isian")))
                continue
            nilai = r.get("nilai")
            if kunci in PILIHAN_PD and nilai is not None:
                pilihan = {_normal(x): x for x in PILIHAN_PD[kunci]}
                if _normal(nilai) not in pilihan:
                    pesan = PESAN_PILIHAN.format(teks=nilai, pilihan=", ".join(PILIHAN_PD[kunci]))
                    self.p.salah("PD", nomor, "Nilai", pesan)
                    continue
                nilai = pilihan[_normal(nilai)]
            if kunci.endswith((".awal", ".akhir")) and nilai is not None:
                teks = str(nilai)
                if not re.fullmatch(r"\d{4}", teks):
                    self.p.salah("PD", nomor, "Nilai", PESAN_BUKAN_BULAT.format(teks=nilai))
                    continue
                nilai = int(teks)
            isian[kunci] = (nilai, nomor)

        def ambil(kunci):
            return isian.get(kunci, (None, None))[0]

        def taruh(obj: dict, nama: str, kunci: str):
            nilai, nomor = isian.get(kunci, (None, None))
            obj[nama] = nilai
            if nomor is not None:
                self.p.asal[(id(obj), nama)] = ("PD", nomor, "Nilai")

        pemda = {}
        taruh(pemda, "nama", "pemda.nama")
        taruh(pemda, "jenis", "pemda.jenis")
        kd = {}
        taruh(kd, "nama", "pemda.kepala_daerah.nama")
        taruh(kd, "jabatan", "pemda.kepala_daerah.jabatan")
        pemda["kepala_daerah"] = kd
        pd = {}
        for nama in ("slug", "nama", "singkatan", "alamat", "telepon", "email", "kota_ttd"):
            taruh(pd, nama, f"perangkat_daerah.{nama}")
        data["pemda"], data["perangkat_daerah"] = pemda, pd
        misi = {}
        for nomor, r in self.rows("Misi"):
            if r.get("nomor") is not None:
                misi[r["nomor"]] = (r.get("uraian"), nomor)
        daftar_misi = [misi.get(n, (None, None))[0] for n in range(1, max(misi, default=0) + 1)]
        awal, akhir, visi = ambil("rpjmd.awal"), ambil("rpjmd.akhir"), ambil("rpjmd.visi")
        if awal is not None or akhir is not None or visi is not None or daftar_misi:
            rpjmd = {"periode": [awal, akhir] if awal is not None or akhir is not None else None}
            taruh(rpjmd, "visi", "rpjmd.visi")
            rpjmd["misi"] = daftar_misi
            for n, (_u, nomor) in misi.items():
                self.p.asal[(id(daftar_misi), n - 1)] = ("Misi", nomor, "Uraian")
            if rpjmd["periode"] is not None:
                nomor = (isian.get("rpjmd.awal") or isian["rpjmd.akhir"])[1]
                self.p.asal[(id(rpjmd), "periode")] = ("PD", nomor, "Nilai")
            data["rpjmd"] = rpjmd
        else:
            data["rpjmd"] = None
        r_awal, r_akhir = ambil("renstra.awal"), ambil("renstra.akhir")
        if r_awal is not None or r_akhir is not None:
            data["renstra"] = {"periode": [r_awal, r_akhir]}
            nomor = (isian.get("renstra.awal") or isian["renstra.akhir"])[1]
            self.p.asal[(id(data["renstra"]), "periode")] = ("PD", nomor, "Nilai")
            self.periode = (r_awal, r_akhir) if r_awal and r_akhir else None
        else:
            data["renstra"] = None
            self.periode = (awal, akhir) if awal and akhir else None

    def organisasi(self, data: dict) -> None:
        data["unit_kerja"] = [
            self.p.objek(
                {"kode": r.get("kode"), "nama": r.get("nama"), "induk": r.get("induk")}, "Unit", n
            )
            for n, r in self.rows("Unit")
        ]
        pejabat = []
        for n, r in self.rows("Pejabat"):
            obj = {
                k: r.get(k)
                for k in ("nip", "nama", "pangkat", "golongan", "jabatan", "eselon", "unit")
            }
            obj["plt"] = r.get("plt")
            pejabat.append(self.p.objek(obj, "Pejabat", n))
        data["pejabat"] = pejabat

    def rencana(self, data: dict) -> None:
        self.pemilik: dict[tuple[str, str], dict] = {}
        for lembar, kunci, medan in (
            ("Tujuan", "tujuan", ("kode", "uraian", "misi")),
            ("Sasaran", "sasaran", ("kode", "tujuan", "uraian")),
        ):
            data[kunci] = []
            for n, r in self.rows(lembar):
                obj = self.p.objek({**{k: r.get(k) for k in medan}, "indikator": []}, lembar, n)
                data[kunci].append(obj)
                self.pemilik.setdefault((kunci, r.get("kode")), obj)
        data["program"] = []
        simpul: dict[tuple[str, str], dict] = {}
        rows = self.rows("Program")
        for n, r in rows:
            tingkat, kode = r.get("tingkat"), r.get("kode")
            if tingkat is None or kode is None:
                continue
            obj = {"kode": kode, "nama": r.get("nama"), "unit": r.get("unit"), "indikator": []}
            if tingkat == "program":
                obj["sasaran"] = [
                    s.strip() for s in (r.get("sasaran") or "").split(",") if s.strip()
                ]
                obj["kegiatan"] = []
            elif tingkat == "kegiatan":
                obj["sub_kegiatan"] = []
            self.p.objek(obj, "Program", n)
            simpul.setdefault((tingkat, normalisasi_kode(kode)), obj)
        induk_tingkat = {"kegiatan": "program", "sub_kegiatan": "kegiatan"}
        anak_kunci = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}
        for n, r in rows:
            tingkat, kode = r.get("tingkat"), r.get("kode")
            if tingkat is None or kode is None:
                continue
            obj = simpul[(tingkat, normalisasi_kode(kode))]
            if tingkat == "program":
                data["program"].append(obj)
                continue
            induk = simpul.get((induk_tingkat[tingkat], normalisasi_kode(r.get("induk") or "")))
            if induk is None:
                self.rujuk(
                    "Program",
                    n,
                    "induk",
                    induk_tingkat[tingkat].capitalize(),
                    r.get("induk") or "",
                    "Program",
                )
                continue
            induk[anak_kunci[induk_tingkat[tingkat]]].append(obj)
        self.simpul = simpul
        for (tingkat, kode), obj in simpul.items():
            self.pemilik[(tingkat, kode)] = obj

    def indikator(self, data: dict) -> None:
        self.ind: dict[str, dict] = {}
        for n, r in self.rows("Indikator"):
            tingkat, induk = r.get("tingkat"), r.get("induk")
            if tingkat is None or induk is None:
                continue
            kunci = normalisasi_kode(induk) if tingkat in TINGKAT_SIMPUL else induk
            pemilik = self.pemilik.get((tingkat, kunci))
            if pemilik is None:
                self.rujuk(
                    "Indikator",
                    n,
                    "induk",
                    tingkat.replace("_", "-").capitalize(),
                    induk,
                    "Tujuan/Sasaran/Program",
                )
                continue
            obj = {
                k: r.get(k)
                for k in (
                    "kode",
                    "uraian",
                    "satuan",
                    "iku",
                    "jenis_nilai",
                    "polaritas",
                    "cara_agregasi",
                    "formula",
                    "definisi_operasional",
                    "sumber_data",
                    "pembilang",
                    "penyebut",
                    "penanggung_jawab",
                    "kondisi_awal",
                    "kondisi_akhir",
                )
            }
            obj["target"] = {}
            obj["realisasi"] = {}
            pemilik["indikator"].append(self.p.objek(obj, "Indikator", n))
            if r.get("kode") is not None:
                self.ind.setdefault(r["kode"], obj)

        dilihat: dict = {}
        for n, r in self.rows("Target"):
            ind = self._ind("Target", n, r)
            if ind is None or r.get("jenis") is None or r.get("tahun") is None:
                continue
            th = r["tahun"]
            if self.ganda(
                dilihat,
                (r["indikator"], r["jenis"], th),
                "Target",
                n,
                f"{r['indikator']} {r['jenis']} {th}",
            ):
                continue
            self._dalam_periode("Target", n, th)
            nilai = r.get("nilai")
            if nilai is None and (r.get("bawah") is not None or r.get("atas") is not None):
                nilai = {"bawah": r.get("bawah"), "atas": r.get("atas")}
            wadah = ind["target"].setdefault(r["jenis"], {})
            self.p.set(wadah, str(th), nilai, "Target", n, "Nilai")
        dilihat = {}
        for n, r in self.rows("Target triwulan"):
            ind = self._ind("Target triwulan", n, r)
            if ind is None or r.get("tahun") is None:
                continue
            th = r["tahun"]
            if self.ganda(
                dilihat, (r["indikator"], th), "Target triwulan", n, f"{r['indikator']} {th}"
            ):
                continue
            self._dalam_periode("Target triwulan", n, th)
            daftar = []
            for i in range(1, 5):
                self.p.set(
                    daftar,
                    None,
                    r.get(f"tw{i}"),
                    "Target triwulan",
                    n,
                    f"TW {('I', 'II', 'III', 'IV')[i - 1]}",
                )
            ind["target"].setdefault("triwulan", {})[str(th)] = daftar
        dilihat = {}
        for n, r in self.rows("Realisasi kinerja"):
            ind = self._ind("Realisasi kinerja", n, r)
            if ind is None or r.get("tahun") is None:
                continue
            th = r["tahun"]
            if self.ganda(
                dilihat, (r["indikator"], th), "Realisasi kinerja", n, f"{r['indikator']} {th}"
            ):
                continue
            real = self.p.objek(
                {
                    k: r.get(k)
                    for k in (
                        "tahunan",
                        "pembilang",
                        "penyebut",
                        "faktor_pendorong",
                        "faktor_penghambat",
                        "tindak_lanjut",
                    )
                },
                "Realisasi kinerja",
                n,
            )
            tw = []
            for i in range(1, 5):
                self.p.set(
                    tw,
                    None,
                    r.get(f"tw{i}"),
                    "Realisasi kinerja",
                    n,
                    f"TW {('I', 'II', 'III', 'IV')[i - 1]}",
                )
            if any(v is not None for v in tw):
                real["triwulan"] = tw
            ind["realisasi"][str(th)] = real

    def _ind(self, lembar: str, n: int, r: dict) -> dict | None:
        kode = r.get("indikator")
        if kode is None:
            return None
        ind = self.ind.get(kode)
        if ind is None:
            self.rujuk(lembar, n, "indikator", "Indikator", kode, "Indikator")
        return ind

    def _dalam_periode(self, lembar: str, n: int, tahun: int) -> None:
        if self.periode and not self.periode[0] <= tahun <= self.periode[1]:
            awal, akhir = self.periode
            self.p.salah(
                lembar, n, "Tahun", PESAN_TAHUN_DI_LUAR.format(tahun=tahun, awal=awal, akhir=akhir)
            )

    def _simpul(self, lembar: str, n: int, r: dict) -> dict | None:
        tingkat, kode = r.get("tingkat"), r.get("kode")
        if tingkat is None or kode is None:
            return None
        obj = self.simpul.get((tingkat, normalisasi_kode(kode)))
        if obj is None:
            self.rujuk(lembar, n, "kode", tingkat.replace("_", "-").capitalize(), kode, "Program")
        return obj

    def _baris_simpul_tahun(self, lembar: str):
        """(row number, row, node, year) of a per-node, per-year sheet, skipping rows whose
        node is unknown or whose year is empty and reporting duplicates of (node, year)."""
        dilihat: dict = {}
        for n, r in self.rows(lembar):
            obj = self._simpul(lembar, n, r)
            if obj is None or r.get("tahun") is None:
                continue
            th = r["tahun"]
            kunci = (r["tingkat"], normalisasi_kode(r["kode"]), th)
            if not self.ganda(dilihat, kunci, lembar, n, f"{r['kode']} {th}"):
                yield n, r, obj, th

    def anggaran(self) -> None:
        for n, r, obj, th in self._baris_simpul_tahun("Pagu"):
            pagu = self.p.objek(
                {"murni": r.get("murni"), "perubahan": r.get("perubahan")}, "Pagu", n
            )
            obj.setdefault("pagu", {})[str(th)] = pagu
        for n, r, obj, th in self._baris_simpul_tahun("Realisasi anggaran"):
            tw = []
            for i in range(1, 5):
                self.p.set(
                    tw,
                    None,
                    r.get(f"tw{i}"),
                    "Realisasi anggaran",
                    n,
                    f"TW {('I', 'II', 'III', 'IV')[i - 1]}",
                )
            if any(v is not None for v in tw):
                obj.setdefault("realisasi_anggaran", {})[str(th)] = tw
            if r.get("tahunan") is not None:
                wadah = obj.setdefault("realisasi_anggaran_tahunan", {})
                self.p.set(wadah, str(th), r["tahunan"], "Realisasi anggaran", n, "Tahunan")

    def perjanjian(self, data: dict) -> None:
        pks: dict[int, dict] = {}
        data["perjanjian_kinerja"] = []
        for n, r in self.rows("PK"):
            if r.get("no") is None:
                continue
            if r["no"] in pks:
                self.p.salah(
                    "PK",
                    n,
                    "No",
                    PESAN_GANDA.format(kunci=f"PK {r['no']}", baris=pks[r["no"]]["_baris"]),
                )
                continue
            obj = {
                k: r.get(k)
                for k in (
                    "tahun",
                    "versi",
                    "pihak_pertama",
                    "pihak_pertama_jabatan",
                    "tempat",
                    "tanggal",
                    "total_tercetak",
                )
            }
            kedua = {
                "nama": r.get("kedua_nama"),
                "jabatan": r.get("kedua_jabatan"),
                "nip": r.get("kedua_nip"),
            }
            self.p.objek(kedua, "PK", n)
            obj["pihak_kedua"] = kedua
            obj["indikator"], obj["anggaran"] = [], []
            self.p.objek(obj, "PK", n)
            pks[r["no"]] = obj
            obj["_baris"] = n
            data["perjanjian_kinerja"].append(obj)
        for lembar, kunci, bidang in (
            (
                "PK indikator",
                "indikator",
                ("sasaran", "indikator", "uraian", "satuan", "target", "target_sebelum"),
            ),
            ("PK anggaran", "anggaran", ("tingkat", "kode", "nama", "jumlah")),
        ):
            for n, r in self.rows(lembar):
                pk = pks.get(r.get("no"))
                if pk is None:
                    if r.get("no") is not None:
                        self.rujuk(lembar, n, "no", "PK nomor", r["no"], "PK")
                    continue
                pk[kunci].append(self.p.objek({b: r.get(b) for b in bidang}, lembar, n))
        for pk in data["perjanjian_kinerja"]:
            del pk["_baris"]

    def lain(self, data: dict) -> None:
        data["anggaran_belanja"] = [
            self.p.objek(
                {k: r.get(k) for k in ("tahun", "kelompok", "jenis", "pagu", "realisasi")},
                "Belanja",
                n,
            )
            for n, r in self.rows("Belanja")
        ]
        data["anggaran_pd"] = [
            self.p.objek(
                {k: r.get(k) for k in ("tahun", "pagu_murni", "pagu", "realisasi", "sumber")},
                "Anggaran PD",
                n,
            )
            for n, r in self.rows("Anggaran PD")
        ]
        data["evaluasi_sakip"] = [
            self.p.objek(
                {k: r.get(k) for k in ("tahun_dinilai", "nilai", "predikat", "evaluator")},
                "Evaluasi SAKIP",
                n,
            )
            for n, r in self.rows("Evaluasi SAKIP")
        ]
