"""What a report printed (`tercetak`, `*_tercetak`): loaded into `periksa.NilaiTercetak` and
exported back, so a hand-made report can be checked against the product's numbers.

Every leaf of a `tercetak` object (and every `*_tercetak` value) becomes one row: the object
that printed it, the report year, the dotted path of keys (`"2023.tabel_8.capaian"`), the
year the value is about (a leading "2023" key, else the object's own year, else a "_2023"
suffix of the first key, else the report year), the raw value and where it was printed (a
table or chapter named by the keys: `tabel_3_13` → "Tabel 3.13", `lampiran_iii` →
"Lampiran III", a sibling `judul` "Table 8 : …" → "Tabel 8").

The report year is `laporan.tahun` when the file has it, else the latest year it holds
realisations for. A load replaces the printed values of its own report year (rows it no
longer carries go) and leaves other years alone. Each row remembers the place of its object
in the document (`lokasi`, e.g. `["indikator", "S1.I1"]`), which the exporter uses to put
it back: an object whose code was changed in the application loses its printed values from
the export. `tabel_lain` (tables the product does not store) and a PK's `total_tercetak` (a
field of the PK) are not rows.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.contrib.contenttypes.models import ContentType

from anggaran.models import AnggaranBelanja
from kinerja.models import EvaluasiSakip, PerjanjianKinerja, PKAnggaran, PKIndikator
from periksa.models import NilaiTercetak

from .dokumen import _dict, _list, _simpul_semua
from .sinkron import LABEL, _Baris

LABEL[NilaiTercetak] = "nilai tercetak"

_TAHUN = re.compile(r"^\d{4}$")
_AKHIRAN_TAHUN = re.compile(r"_(\d{4})$")
_TIDAK_DISIMPAN = {"total_tercetak"}
_ROMAWI = r"(?:i{1,3}|iv|v|vi{0,3}|ix|x)"
# Where a key says the value was printed: (pattern on a key, label builder).
_TEMPAT = (
    (
        re.compile(r"(?:^|_)(?:tabel|table)_(\d+(?:_\d+)*)"),
        lambda m: "Tabel " + m[1].replace("_", "."),
    ),
    (re.compile(rf"(?:^|_)lampiran_({_ROMAWI})(?:_|$)"), lambda m: f"Lampiran {m[1].upper()}"),
    (
        re.compile(rf"(?:^|_)bab_({_ROMAWI})(?:_([a-z]))?(?:_|$)"),
        lambda m: f"Bab {m[1].upper()}" + (f"-{m[2].upper()}" if m[2] else ""),
    ),
    (re.compile(r"(?:^|_)ikhtisar(?:_|$)"), lambda m: "Ikhtisar"),
    (re.compile(r"(?:^|_)rencana_aksi(?:_|$)"), lambda m: "Rencana Aksi"),
)
_JUDUL_TABEL = re.compile(r"^\s*(?:tabel|table)\s+(\d+(?:\.\d+)*)", re.IGNORECASE)


# --- The document side: every object that may print, with its place -------------------------


def _pihak(pk: dict) -> str:
    return pk.get("pihak_pertama") or f"jabatan:{pk.get('pihak_pertama_jabatan') or ''}"


def objek_dokumen(data: dict) -> Iterator[tuple[list, dict]]:
    """(lokasi, object dict) of every object of a document that may carry printed values."""
    yield ["pd", ""], data
    for bagian in ("perangkat_daerah", "laporan", "renstra"):
        if isinstance(data.get(bagian), dict):
            yield (["renstra"] if bagian == "renstra" else ["pd", bagian]), data[bagian]
    for p in _list(data.get("pejabat")):
        if isinstance(p, dict):
            yield ["pejabat", p.get("nip") or f"jabatan:{p.get('jabatan') or ''}"], p
    for kelompok in ("tujuan", "sasaran"):
        for obj in _list(data.get(kelompok)):
            if isinstance(obj, dict):
                yield [kelompok, obj.get("kode")], obj
                for ind in _list(obj.get("indikator")):
                    if isinstance(ind, dict):
                        yield ["indikator", ind.get("kode")], ind
    for tingkat, kunci, simpul in _simpul_semua(data):
        yield [tingkat, list(kunci)], simpul
        for ind in _list(simpul.get("indikator")):
            if isinstance(ind, dict):
                yield ["indikator", ind.get("kode")], ind
    urutan: Counter[tuple] = Counter()
    for pk in _list(data.get("perjanjian_kinerja")):
        if not isinstance(pk, dict):
            continue
        kelompok = (pk.get("tahun"), pk.get("versi") or "murni", _pihak(pk))
        kunci = [*kelompok, urutan[kelompok]]
        urutan[kelompok] += 1
        yield ["pk", kunci], pk
        for bagian in ("indikator", "anggaran"):
            for i, baris in enumerate(_list(pk.get(bagian))):
                if isinstance(baris, dict):
                    yield [f"pk_{bagian}", kunci, i], baris
    for b in _list(data.get("anggaran_belanja")):
        if isinstance(b, dict):
            yield ["belanja", [b.get("tahun"), b.get("kelompok"), b.get("jenis") or ""]], b
    for e in _list(data.get("evaluasi_sakip")):
        if isinstance(e, dict):
            yield ["evaluasi", e.get("tahun_dinilai")], e


def _daun(nilai: Any, jalur: list) -> Iterator[tuple[list, Any]]:
    """(path, leaf) of a printed value; an empty object or list is a leaf of its own."""
    if isinstance(nilai, dict) and nilai:
        for k, v in nilai.items():
            yield from _daun(v, [*jalur, k])
    elif isinstance(nilai, list) and nilai:
        for i, v in enumerate(nilai):
            yield from _daun(v, [*jalur, i])
    else:
        yield jalur, nilai


def teks_jalur(jalur: list) -> str:
    """["2023", "tabel_8", "capaian"] → "2023.tabel_8.capaian"; list indices as "[2]"."""
    teks = ""
    for k in jalur:
        teks += f"[{k}]" if isinstance(k, int) else (f".{k}" if teks else str(k))
    return teks


def tempat_cetak(isi: dict, jalur: list) -> str:
    """Where a printed value sat: the innermost table or chapter its keys or a sibling
    `judul` name ("" when the dataset does not say)."""
    tempat = ""
    simpul: Any = isi
    for k in jalur:
        if isinstance(k, str):
            for pola, label in _TEMPAT:
                if m := pola.search(k):
                    tempat = label(m)
                    break
        if isinstance(simpul, dict):
            judul = simpul.get("judul")
            if isinstance(judul, str) and (m := _JUDUL_TABEL.match(judul)):
                tempat = f"Tabel {m[1]}"
            simpul = simpul.get(k)
        elif isinstance(simpul, list) and isinstance(k, int) and k < len(simpul):
            simpul = simpul[k]
    return tempat


def tahun_laporan(data: dict) -> int | None:
    """The report's year: `laporan.tahun`, else the latest year of any realisation."""
    tahun = _dict(data.get("laporan")).get("tahun")
    if isinstance(tahun, int) and not isinstance(tahun, bool):
        return tahun
    tahun_list = []
    for lokasi, obj in objek_dokumen(data):
        if lokasi[0] == "indikator":
            tahun_list += [int(t) for t in _dict(obj.get("realisasi")) if _TAHUN.match(str(t))]
    return max(tahun_list, default=None)


def _tahun_nilai(lokasi: list, obj: dict, jalur: list, laporan: int) -> int:
    pertama = jalur[0] if jalur else ""
    if isinstance(pertama, str) and _TAHUN.match(pertama):
        return int(pertama)
    sendiri = obj.get("tahun") if lokasi[0] in ("pk", "belanja") else None
    if isinstance(sendiri, int) and not isinstance(sendiri, bool):
        return sendiri
    if isinstance(pertama, str) and (m := _AKHIRAN_TAHUN.search(pertama)):
        return int(m[1])
    return laporan


def baris_tercetak(data: dict) -> Iterator[tuple[list, dict, str, list, Any]]:
    """(lokasi, object dict, sumber, path, leaf) of every printed value of a document."""
    for lokasi, obj in objek_dokumen(data):
        for kunci, nilai in obj.items():
            if kunci in _TIDAK_DISIMPAN or not (kunci == "tercetak" or kunci.endswith("_tercetak")):
                continue
            sumber = f"{lokasi[1]}.{kunci}" if lokasi[0] == "pd" and lokasi[1] else kunci
            for jalur, daun in _daun(nilai, []):
                yield lokasi, obj, sumber, jalur, daun


# --- Loading ------------------------------------------------------------------------------


def _objek_db(pemuat, data: dict) -> dict[str, Any]:
    """{json of lokasi: stored object} for every object of the document."""
    from .tulis_rencana import _kunci_pejabat

    peta: dict[str, Any] = {}
    pd = pemuat.pd
    # PKs: the writer's identity (year, version, first party, order), read back from the db.
    lama: dict[tuple, PerjanjianKinerja] = {}
    urutan_lama: Counter[tuple] = Counter()
    for obj in PerjanjianKinerja.objects.filter(perangkat_daerah=pd).order_by("id"):
        identitas = ("p", obj.pihak_pertama_id)
        if not obj.pihak_pertama_id:
            identitas = ("j", obj.pihak_pertama_jabatan)
        kelompok = (obj.tahun, obj.versi, identitas)
        lama[(*kelompok, urutan_lama[kelompok])] = obj
        urutan_lama[kelompok] += 1
    pk_dari_lokasi: dict[str, PerjanjianKinerja] = {}
    urutan: Counter[tuple] = Counter()
    lokasi_pk = [lokasi for lokasi, _obj in objek_dokumen(data) if lokasi[0] == "pk"]
    daftar_pk = [pk for pk in _list(data.get("perjanjian_kinerja")) if isinstance(pk, dict)]
    for lokasi, pk in zip(lokasi_pk, daftar_pk, strict=True):
        pihak = pemuat._cari_pejabat(pk.get("pihak_pertama"), pk.get("pihak_pertama_jabatan"))
        identitas = ("p", pihak.pk) if pihak else ("j", pk.get("pihak_pertama_jabatan"))
        kelompok = (pk["tahun"], pk.get("versi") or "murni", identitas)
        obj = lama.get((*kelompok, urutan[kelompok]))
        urutan[kelompok] += 1
        if obj is not None:
            pk_dari_lokasi[_json(lokasi)] = obj
    ids = [o.pk for o in pk_dari_lokasi.values()]
    baris_pk = {
        (model, obj.perjanjian_id, obj.urutan): obj
        for model in (PKIndikator, PKAnggaran)
        for obj in model.objects.filter(perjanjian_id__in=ids)
    }
    belanja = {
        (o.tahun, o.kelompok, o.jenis): o
        for o in AnggaranBelanja.objects.filter(perangkat_daerah=pd)
    }
    evaluasi = {o.tahun_dinilai: o for o in EvaluasiSakip.objects.filter(perangkat_daerah=pd)}
    simpul = {"program": pemuat.program, "kegiatan": pemuat.kegiatan}
    simpul["sub_kegiatan"] = pemuat.sub_kegiatan
    for lokasi, obj in objek_dokumen(data):
        jenis = lokasi[0]
        if jenis == "pd":
            db = pd
        elif jenis == "renstra":
            db = pemuat.renstra
        elif jenis == "pejabat":
            db = pemuat.pejabat.get(_kunci_pejabat(obj))
        elif jenis in ("tujuan", "sasaran", "indikator"):
            db = getattr(pemuat, jenis).get(lokasi[1])
        elif jenis in simpul:
            db = simpul[jenis].get(tuple(lokasi[1]))
        elif jenis == "pk":
            db = pk_dari_lokasi.get(_json(lokasi))
        elif jenis in ("pk_indikator", "pk_anggaran"):
            induk = pk_dari_lokasi.get(_json(["pk", lokasi[1]]))
            model = PKIndikator if jenis == "pk_indikator" else PKAnggaran
            db = baris_pk.get((model, induk.pk, lokasi[2])) if induk else None
        elif jenis == "belanja":
            db = belanja.get(tuple(lokasi[1]))
        else:
            db = evaluasi.get(lokasi[1])
        if db is not None:
            peta[_json(lokasi)] = db
    return peta


def _json(nilai: Any) -> str:
    return json.dumps(nilai, ensure_ascii=False, separators=(",", ":"))


def muat_tercetak(pemuat) -> None:
    """Write the printed values of the writer's document (called by `tulis._Pemuat`)."""
    data = pemuat.data
    laporan = tahun_laporan(data)
    if laporan is None:
        return
    peta = _objek_db(pemuat, data)
    jenis_konten = ContentType.objects.get_for_models(*{type(o) for o in peta.values()})
    baris = []
    nomor: Counter[tuple] = Counter()
    for lokasi, obj, sumber, jalur, daun in baris_tercetak(data):
        db = peta.get(_json(lokasi))
        if db is None:
            continue
        ct = jenis_konten[type(db)]
        kunci = teks_jalur(jalur)
        kunci_obj = (ct.pk, db.pk, sumber)
        medan = next((k for k in reversed(jalur) if isinstance(k, str)), sumber)
        baris.append(
            _Baris(
                (ct.pk, db.pk, laporan, sumber, kunci),
                {
                    "perangkat_daerah": pemuat.pd,
                    "tahun_laporan": laporan,
                    "content_type": ct,
                    "object_id": db.pk,
                    "sumber": sumber,
                    "kunci": kunci,
                    "jalur": jalur,
                    "lokasi": lokasi,
                    "tahun": _tahun_nilai(lokasi, obj, jalur, laporan),
                    "medan": medan[:100],
                    "nilai": daun,
                    "tempat": tempat_cetak(_dict(obj.get(sumber.split(".")[-1])), jalur),
                    "urutan": nomor[kunci_obj],
                },
            )
        )
        nomor[kunci_obj] += 1
    lama = {
        (o.content_type_id, o.object_id, o.tahun_laporan, o.sumber, o.kunci): o
        for o in NilaiTercetak.objects.filter(perangkat_daerah=pemuat.pd, tahun_laporan=laporan)
    }
    pemuat.sinkron(NilaiTercetak, lama, baris)
    diminta = {b.kunci for b in baris}
    pemuat.hapus(NilaiTercetak, [o for k, o in lama.items() if k not in diminta])


# --- Exporting ----------------------------------------------------------------------------


def _pasang(wadah: Any, jalur: list, nilai: Any) -> Any:
    """Put `nilai` at `jalur` inside `wadah` (created as dict/list as the path says)."""
    if not jalur:
        return nilai
    kepala, ekor = jalur[0], jalur[1:]
    if isinstance(kepala, int):
        wadah = wadah if isinstance(wadah, list) else []
        while len(wadah) <= kepala:
            wadah.append(None)
        wadah[kepala] = _pasang(wadah[kepala], ekor, nilai)
    else:
        wadah = wadah if isinstance(wadah, dict) else {}
        wadah[kepala] = _pasang(wadah.get(kepala), ekor, nilai)
    return wadah


def tambah_tercetak(data: dict, pd) -> dict:
    """Put the printed values of `pd`'s latest report back into an exported document
    (one query). Returns `data`."""
    rows = list(
        NilaiTercetak.objects.filter(perangkat_daerah=pd).order_by(
            "-tahun_laporan", "content_type_id", "object_id", "urutan", "id"
        )
    )
    if not rows:
        return data
    terakhir = rows[0].tahun_laporan
    per_lokasi: dict[str, list[NilaiTercetak]] = {}
    for r in rows:
        if r.tahun_laporan == terakhir:
            per_lokasi.setdefault(_json(r.lokasi), []).append(r)
    if any(r.sumber.startswith("laporan.") for r in rows if r.tahun_laporan == terakhir):
        data.setdefault("laporan", {"tahun": terakhir})
    for lokasi, obj in list(objek_dokumen(data)):
        for r in per_lokasi.get(_json(lokasi), ()):
            kunci = r.sumber.split(".")[-1]
            obj[kunci] = _pasang(obj.get(kunci), list(r.jalur), r.nilai)
    return data
