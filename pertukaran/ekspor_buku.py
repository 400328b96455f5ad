"""Writing a `sakip-dataset/1` document as an import workbook, and the blank template.

`buku_kerja_dari_dataset(data)` lays the document out in the sheets of `tata_letak` (the
exact inverse of `buku_kerja.baca_buku_kerja` for what the workbook carries); `templat()` is
the same workbook without data, optionally with the example PD (`contoh=True`, the demo
dataset transcribed from seed 001). Every sheet has a frozen, bold header row with a note
per column, drop-down lists for the columns with choices, column widths, and numbers written
as numbers (a Decimal cell), never as text.

What the workbook does not carry (printed values `tercetak`, staffing tables `sdm`,
rencana aksi, `catatan`) stays in the JSON format; docs/format-impor.md lists it.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings

from .dokumen import _dict, _list
from .tata_letak import (
    ANGKA,
    BULAT,
    ISIAN_PD,
    LEMBAR,
    NILAI,
    PILIHAN_PD,
    TIDAK,
    YA,
    YA_TIDAK,
    Lembar,
)

CONTOH = "kesbangpol-balangan.json"
"""The demo dataset transcribed from seed 001, the example of the template."""
FORMAT_ANGKA = "#,##0.####"


def _angka(nilai: Any) -> Any:
    """A plain-notation decimal string as a Decimal cell; anything else as it is."""
    if isinstance(nilai, str):
        try:
            return Decimal(nilai)
        except ArithmeticError:
            return nilai
    return nilai


def _baris_pd(data: dict) -> list[list]:
    pemda, pd = _dict(data.get("pemda")), _dict(data.get("perangkat_daerah"))
    kd = _dict(pemda.get("kepala_daerah"))
    rpjmd = _dict(data.get("rpjmd"))
    periode = rpjmd.get("periode") or [None, None]
    renstra = _dict(data.get("renstra")).get("periode") or [None, None]
    nilai = {
        "pemda.nama": pemda.get("nama"),
        "pemda.jenis": pemda.get("jenis"),
        "pemda.kepala_daerah.nama": kd.get("nama"),
        "pemda.kepala_daerah.jabatan": kd.get("jabatan"),
        "rpjmd.awal": periode[0],
        "rpjmd.akhir": periode[1],
        "rpjmd.visi": rpjmd.get("visi"),
        "renstra.awal": renstra[0],
        "renstra.akhir": renstra[1],
    }
    for kunci in ("slug", "nama", "singkatan", "alamat", "telepon", "email", "kota_ttd"):
        nilai[f"perangkat_daerah.{kunci}"] = pd.get(kunci)
    return [[label, nilai.get(kunci)] for label, kunci in ISIAN_PD]


def _simpul(data: dict):
    for p in _list(data.get("program")):
        yield "program", p, None
        for k in _list(p.get("kegiatan")):
            yield "kegiatan", k, p
            for s in _list(k.get("sub_kegiatan")):
                yield "sub_kegiatan", s, k


def _kode(simpul: dict) -> str:
    return simpul.get("kode_kepmendagri") or simpul.get("kode")


def _indikator(data: dict):
    for t in _list(data.get("tujuan")):
        for ind in _list(t.get("indikator")):
            yield "tujuan", t["kode"], ind
    for s in _list(data.get("sasaran")):
        for ind in _list(s.get("indikator")):
            yield "sasaran", s["kode"], ind
    for tingkat, simpul, _induk in _simpul(data):
        for ind in _list(simpul.get("indikator")):
            yield tingkat, _kode(simpul), ind


def _tw(daftar: Any) -> list:
    daftar = list(_list(daftar))[:4]
    return daftar + [None] * (4 - len(daftar))


def _ya_tidak(nilai: Any) -> str | None:
    return None if nilai is None else (YA if nilai else TIDAK)


def baris_lembar(data: dict) -> dict[str, list[list]]:
    """The data rows of every sheet for the document `data` (values as the cells hold them)."""
    b: dict[str, list[list]] = {lembar.nama: [] for lembar in LEMBAR}
    b["PD"] = _baris_pd(data)
    misi = _list(_dict(data.get("rpjmd")).get("misi"))
    b["Misi"] = [[i, u] for i, u in enumerate(misi, start=1)]
    b["Unit"] = [[u["kode"], u["nama"], u.get("induk")] for u in _list(data.get("unit_kerja"))]
    for p in _list(data.get("pejabat")):
        plt = p.get("plt")
        plt = plt if isinstance(plt, str) else ("Plt." if plt else None)
        b["Pejabat"].append(
            [p.get(k) for k in ("nip", "nama", "pangkat", "golongan", "jabatan", "eselon", "unit")]
            + [plt]
        )
    b["Tujuan"] = [[t["kode"], t["uraian"], t.get("misi")] for t in _list(data.get("tujuan"))]
    b["Sasaran"] = [[s["kode"], s.get("tujuan"), s["uraian"]] for s in _list(data.get("sasaran"))]
    for tingkat, simpul, induk in _simpul(data):
        sasaran = ", ".join(_list(simpul.get("sasaran"))) if tingkat == "program" else None
        b["Program"].append(
            [
                tingkat,
                _kode(simpul),
                _kode(induk) if induk else None,
                simpul["nama"],
                simpul.get("unit"),
                sasaran or None,
            ]
        )
        for th, pagu in _dict(simpul.get("pagu")).items():
            pagu = _dict(pagu)
            b["Pagu"].append(
                [tingkat, _kode(simpul), int(th), pagu.get("murni"), pagu.get("perubahan")]
            )
        tahunan = _dict(simpul.get("realisasi_anggaran_tahunan"))
        ra = _dict(simpul.get("realisasi_anggaran"))
        for th in sorted(set(ra) | set(tahunan)):
            b["Realisasi anggaran"].append(
                [tingkat, _kode(simpul), int(th), *_tw(ra.get(th)), tahunan.get(th)]
            )
    for tingkat, induk, ind in _indikator(data):
        b["Indikator"].append(
            [
                ind["kode"],
                tingkat,
                induk,
                ind.get("uraian"),
                ind.get("satuan"),
                _ya_tidak(ind.get("iku")),
                *[
                    ind.get(k)
                    for k in (
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
                ],
            ]
        )
        target = _dict(ind.get("target"))
        for jenis in ("renstra", "renja", "pk_murni", "pk_perubahan"):
            for th, nilai in _dict(target.get(jenis)).items():
                if isinstance(nilai, dict):
                    row = [ind["kode"], jenis, int(th), None, nilai.get("bawah"), nilai.get("atas")]
                else:
                    row = [ind["kode"], jenis, int(th), nilai, None, None]
                b["Target"].append(row)
        for th, daftar in _dict(target.get("triwulan")).items():
            b["Target triwulan"].append([ind["kode"], int(th), *_tw(daftar)])
        for th, real in _dict(ind.get("realisasi")).items():
            real = _dict(real)
            b["Realisasi kinerja"].append(
                [ind["kode"], int(th), real.get("tahunan"), *_tw(real.get("triwulan"))]
                + [
                    real.get(k)
                    for k in (
                        "pembilang",
                        "penyebut",
                        "faktor_pendorong",
                        "faktor_penghambat",
                        "tindak_lanjut",
                    )
                ]
            )
    for no, pk in enumerate(_list(data.get("perjanjian_kinerja")), start=1):
        kedua = _dict(pk.get("pihak_kedua"))
        b["PK"].append(
            [
                no,
                pk.get("tahun"),
                pk.get("versi"),
                pk.get("pihak_pertama"),
                pk.get("pihak_pertama_jabatan"),
                kedua.get("nama"),
                kedua.get("jabatan"),
                kedua.get("nip"),
                pk.get("tempat"),
                pk.get("tanggal"),
                pk.get("total_tercetak"),
            ]
        )
        for r in _list(pk.get("indikator")):
            b["PK indikator"].append(
                [no]
                + [r.get(k) for k in ("sasaran", "indikator", "uraian", "satuan", "target")]
                + [r.get("target_sebelum")]
            )
        for r in _list(pk.get("anggaran")):
            b["PK anggaran"].append(
                [no] + [r.get(k) for k in ("tingkat", "kode", "nama", "jumlah")]
            )
    b["Belanja"] = [
        [r.get(k) for k in ("tahun", "kelompok", "jenis", "pagu", "realisasi")]
        for r in _list(data.get("anggaran_belanja"))
    ]
    b["Anggaran PD"] = [
        [r.get(k) for k in ("tahun", "pagu_murni", "pagu", "realisasi", "sumber")]
        for r in _list(data.get("anggaran_pd"))
    ]
    b["Evaluasi SAKIP"] = [
        [r.get(k) for k in ("tahun_dinilai", "nilai", "predikat", "evaluator")]
        for r in _list(data.get("evaluasi_sakip"))
    ]
    return b


def _tulis_lembar(wb, lembar: Lembar, baris: list[list], *, daftar_ws) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(lembar.nama)
    ws.append([k.judul for k in lembar.kolom])
    tebal, latar = Font(bold=True), PatternFill("solid", fgColor="DDE7F0")
    for i, k in enumerate(lembar.kolom, start=1):
        sel = ws.cell(row=1, column=i)
        sel.font, sel.fill = tebal, latar
        sel.alignment = Alignment(wrap_text=True, vertical="top")
        catatan = k.catatan or ("Wajib diisi." if k.wajib else "")
        if k.wajib and k.catatan:
            catatan = f"Wajib diisi. {k.catatan}"
        if catatan:
            sel.comment = Comment(catatan, "SAKIP Kinerja")
        ws.column_dimensions[get_column_letter(i)].width = k.lebar
    ws.freeze_panes = "A2"
    for r in baris:
        ws.append(
            [
                _angka(v) if k.jenis in (ANGKA, NILAI) else v
                for k, v in zip(lembar.kolom, r, strict=False)
            ]
        )
    akhir = max(len(baris) + 200, 500)
    for i, k in enumerate(lembar.kolom, start=1):
        huruf = get_column_letter(i)
        if k.jenis in (ANGKA, NILAI):
            for (sel,) in ws.iter_rows(min_row=2, max_row=len(baris) + 1, min_col=i, max_col=i):
                if isinstance(sel.value, Decimal | int):
                    sel.number_format = FORMAT_ANGKA
        pilihan = k.pilihan or k.saran or ((YA, TIDAK) if k.jenis == YA_TIDAK else ())
        if pilihan:
            rujukan = daftar_ws(pilihan)
            dv = DataValidation(
                type="list",
                formula1=rujukan,
                allow_blank=True,
                showErrorMessage=bool(k.pilihan or k.jenis == YA_TIDAK),
                errorTitle="Isian tidak dikenal",
                error="Pilih salah satu nilai dari daftar.",
            )
            ws.add_data_validation(dv)
            dv.add(f"{huruf}2:{huruf}{akhir}")
        if k.jenis == BULAT:
            dv = DataValidation(type="whole", allow_blank=True)
            ws.add_data_validation(dv)
            dv.add(f"{huruf}2:{huruf}{akhir}")


def buku_kerja_dari_dataset(data: dict | None, *, judul_petunjuk: str = "") -> bytes:
    """The import workbook (XLSX bytes) of `data`; `None` gives the empty template."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = "Petunjuk"
    petunjuk.append([judul_petunjuk or "Buku kerja impor SAKIP Kinerja (format sakip-dataset/1)"])
    petunjuk["A1"].font = Font(bold=True, size=13)
    petunjuk.append(
        ["Satu baris judul per lembar; data mulai baris 2. Lihat docs/format-impor.md."]
    )
    petunjuk.append(
        ["Angka boleh ditulis 1.234,56 atau 1,234.56, persen 7,8% dan rupiah Rp 1.000.000."]
    )
    petunjuk.append(["Sel kosong berarti tidak dipublikasikan / belum ada data, bukan nol."])
    petunjuk.append([])
    petunjuk.append(["Lembar", "Isi"])
    for lembar in LEMBAR:
        petunjuk.append([lembar.nama, lembar.keterangan])
    petunjuk.column_dimensions["A"].width = 22
    petunjuk.column_dimensions["B"].width = 100

    daftar = wb.create_sheet("Daftar")
    daftar.sheet_state = "hidden"
    kolom_daftar: dict[tuple[str, ...], str] = {}

    def daftar_ws(pilihan: tuple[str, ...]) -> str:
        from openpyxl.utils import get_column_letter

        if pilihan not in kolom_daftar:
            i = len(kolom_daftar) + 1
            for j, p in enumerate(pilihan, start=1):
                daftar.cell(row=j, column=i, value=p)
            huruf = get_column_letter(i)
            kolom_daftar[pilihan] = f"Daftar!${huruf}$1:${huruf}${len(pilihan)}"
        return kolom_daftar[pilihan]

    isi = baris_lembar(data) if data is not None else {}
    for lembar in LEMBAR:
        baris = isi.get(lembar.nama, [])
        if data is None and lembar.nama == "PD":
            baris = [[label, None] for label, _k in ISIAN_PD]
        _tulis_lembar(wb, lembar, baris, daftar_ws=daftar_ws)
    # The PD sheet's choice row (jenis pemda) gets its own drop-down.
    from openpyxl.worksheet.datavalidation import DataValidation

    ws_pd = wb["PD"]
    for i, (_label, kunci) in enumerate(ISIAN_PD, start=2):
        if kunci in PILIHAN_PD:
            dv = DataValidation(
                type="list", formula1=daftar_ws(PILIHAN_PD[kunci]), allow_blank=True
            )
            ws_pd.add_data_validation(dv)
            dv.add(f"B{i}")
    wb.move_sheet("Daftar", offset=len(wb.sheetnames))
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def templat(*, contoh: bool = False) -> bytes:
    """The downloadable template: empty, or filled with the example PD (seed 001)."""
    if not contoh:
        return buku_kerja_dari_dataset(None)
    path = Path(settings.BASE_DIR) / "fixtures" / "demo" / CONTOH
    data = json.loads(path.read_text(encoding="utf-8"))
    return buku_kerja_dari_dataset(
        data, judul_petunjuk="Contoh terisi: dataset demo dari seed 001 (Kesbangpol Balangan)"
    )


def sampai_tahun(data: dict, tahun: int) -> dict:
    """`data` without the yearly figures of the years after `tahun` (targets are the plan and
    stay; realisations, pagu, budget realisations, PK, spending and agency budget totals of
    later years go)."""
    import copy

    data = copy.deepcopy(data)

    def potong(obj: dict, kunci: str) -> None:
        if isinstance(obj.get(kunci), dict):
            obj[kunci] = {th: v for th, v in obj[kunci].items() if int(th) <= tahun}

    for _tingkat, _induk, ind in _indikator(data):
        potong(ind, "realisasi")
    for _tingkat, simpul, _induk in _simpul(data):
        for kunci in ("pagu", "realisasi_anggaran", "realisasi_anggaran_tahunan"):
            potong(simpul, kunci)
    for kunci in ("perjanjian_kinerja", "anggaran_belanja", "anggaran_pd"):
        data[kunci] = [r for r in _list(data.get(kunci)) if (r.get("tahun") or 0) <= tahun]
    return data
