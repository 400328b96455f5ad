"""What a hand-made report printed, against the master data (R-NAME, R-ID, R-UNIT, R-XREF).

A dataset may carry the report's own text (`tercetak`, fixtures/demo/SCHEMA.md); the report
checker's app keeps it (`periksa.NilaiTercetak`). That app sits above this one, so it hands the
printed texts in through `daftarkan_pembaca_tercetak` (registered in its AppConfig.ready):
this module never imports it. Without a registered reader, or for a PD whose report was not
loaded, these rules find nothing.

The rules (one problem per printed text that disagrees; the message names the object, the
printed text, where it was printed, and the master value):

- names of the strategic plan (tujuan, sasaran and their indicators, the IKU) printed unlike
  the Renstra name (letters and digits compared; case, spacing and punctuation ignored);
- the sasaran label printed beside a program (or a program indicator) that is none of the
  sasaran the program is linked to ("names come from FKs");
- a printed NIP that is invalid (identitas rules) or differs from the official's stored NIP;
  a printed pangkat / golongan that is not a valid pair, or names another pangkat than the
  stored one;
- a printed target whose unit word differs from the indicator's satuan ("12 Bulan" for an
  indicator counted in Laporan);
- a Rencana Aksi target that differs from the PK target of the same indicator and year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kinerja.pk.teks import target_setara

from .dasar import ERROR, PERINGATAN, Masalah, ObjekMasalah, _angka
from .identitas import (
    PANGKAT_GOLONGAN,
    alasan_nip_tidak_sah,
    alasan_pangkat_tidak_sah,
    golongan_baku,
    objek_pejabat,
    pisah_pangkat_golongan,
)
from .nama_satuan import NamaSatuan, cek_nama_satuan
from .pk import _kode, _pihak, objek_baris_pk
from .silang import kunci_nama


@dataclass(frozen=True)
class TeksTercetak:
    """One printed text: the object that printed it, the field, the text and the place."""

    model: str
    """Model label of the object ("renstra.indikator")."""
    pk: int
    medan: str
    """The last key of the dataset path ("uraian_pk", "nip", "target_rencana_aksi")."""
    teks: str
    tempat: str = ""
    tahun: int | None = None


PembacaTercetak = Callable[[object, int], Iterable[TeksTercetak]]
_PEMBACA: list[PembacaTercetak] = []


def daftarkan_pembaca_tercetak(pembaca: PembacaTercetak) -> None:
    """Register a reader of a PD's printed texts for a report year (idempotent)."""
    if pembaca not in _PEMBACA:
        _PEMBACA.append(pembaca)


def baca_tercetak(pd, tahun: int) -> list[TeksTercetak]:
    return [t for pembaca in _PEMBACA for t in pembaca(pd, tahun)]


KODE_NAMA_TERCETAK_BERBEDA = "tercetak.nama_berbeda"
KODE_SASARAN_PROGRAM_BERBEDA = "tercetak.sasaran_program_berbeda"
KODE_NIP_TERCETAK = "tercetak.nip_tidak_sah"
KODE_NIP_TERCETAK_BERBEDA = "tercetak.nip_berbeda"
KODE_PANGKAT_TERCETAK = "tercetak.pangkat_golongan_tidak_sah"
KODE_PANGKAT_TERCETAK_BERBEDA = "tercetak.pangkat_berbeda"
KODE_SATUAN_TERCETAK_BERBEDA = "tercetak.satuan_berbeda"
KODE_RENCANA_AKSI_BERBEDA = "tercetak.target_rencana_aksi_berbeda_pk"
KODE_SELISIH_PK_KOSONG = "tercetak.selisih_pk_perubahan_kosong"

PESAN_NAMA_TERCETAK_BERBEDA = (
    '{jenis} {kode} tercetak "{tercetak}"{tempat}, berbeda dari namanya di Renstra "{nama}".'
)
PESAN_SASARAN_PROGRAM_BERBEDA = (
    '{jenis} {kode} tercetak dengan sasaran "{tercetak}"{tempat}, padahal tertaut ke sasaran '
    "{tertaut}."
)
PESAN_SASARAN_PROGRAM_TANPA_TAUTAN = (
    '{jenis} {kode} tercetak dengan sasaran "{tercetak}"{tempat}, padahal programnya belum '
    "ditautkan ke sasaran Renstra mana pun: tautkan ke sasarannya, labelnya tidak diketik."
)
PESAN_NIP_TERCETAK = 'NIP {nama} tercetak "{tercetak}"{tempat} tidak sah: {alasan}.'
PESAN_NIP_TERCETAK_BERBEDA = 'NIP {nama} tercetak "{tercetak}"{tempat}, tercatat {nip}.'
PESAN_PANGKAT_TERCETAK = (
    'Pangkat/golongan {nama} tercetak "{tercetak}"{tempat} tidak sah: {alasan}.'
)
PESAN_PANGKAT_TERCETAK_BERBEDA = (
    'Pangkat {nama} tercetak "{tercetak}"{tempat}, tercatat {pangkat}: satu orang satu pangkat.'
)
PESAN_SATUAN_TERCETAK_BERBEDA = (
    'Target indikator {kode} tercetak "{tercetak}"{tempat} dengan satuan "{satuan_cetak}", '
    'sedangkan satuan indikatornya "{satuan}".'
)
PESAN_PERSEN_TANPA_TANDA = (
    "Target indikator {kode} (satuan %) tercetak {tercetak}{tempat} tanpa tanda %, sedangkan "
    'baris lain tabel yang sama mencetaknya dengan % ("{contoh}"): satu satuan per indikator.'
)
PESAN_SELISIH_PK_KOSONG = (
    'Kolom "bertambah/berkurang" PK Perubahan {tahun} ({pihak}) indikator {kode} tercetak '
    "kosong, padahal targetnya berubah dari {sebelum} menjadi {sesudah}: seharusnya {selisih}."
)
SEBELUM_BELUM_ADA = "— (belum ada target)"
PESAN_RENCANA_AKSI_BERBEDA = (
    'Target Rencana Aksi {tahun} indikator {kode} tercetak "{tercetak}", berbeda dari target '
    "PK {tahun} ({target_pk})."
)
NAMA_JENIS_OBJEK = {
    "renstra.tujuan": "Tujuan",
    "renstra.sasaran": "Sasaran",
    "renstra.indikator": "Indikator",
    "renstra.program": "Program",
}
_MEDAN_NAMA = re.compile(r"^(uraian|nama)(_|$)")
_MEDAN_SASARAN = re.compile(r"^sasaran(_|$)")
_MEDAN_NIP = re.compile(r"^nip(_|$)")
_MEDAN_PANGKAT = re.compile(r"^pangkat(_|$)")
_MEDAN_TARGET = re.compile(r"^target(_|$)")
_MEDAN_RENCANA_AKSI = "target_rencana_aksi"
_MEDAN_SELISIH = re.compile(r"^bertambah_berkurang")
_AWALAN_SASARAN = re.compile(r"^\s*sasaran\s*[0-9ivx]*\s*[:.]\s*", re.IGNORECASE)
_ANGKA_SATUAN = re.compile(r"^\s*([0-9][0-9.,]*)\s*([^\s0-9/]+)?")
# Unit words that are the same unit written differently.
SATUAN_SAMA = {
    "org": "orang",
    "persen": "%",
    "kec": "kecamatan",
    "dok": "dokumen",
    "keg": "kegiatan",
    "bln": "bulan",
    "lap": "laporan",
}


@dataclass
class IndeksObjek:
    """What the printed-text rules need of the master data, by (model label, pk)."""

    indikator: dict[int, object]
    """pk → Indikator (of the validated plan)."""
    sasaran: dict[int, object]
    tujuan: dict[int, object]
    program: dict[int, object]
    sasaran_program: dict[int, set[int]]
    """program pk → linked sasaran pks."""
    pejabat: dict[int, object]
    baris_pk: dict[int, object]
    """PKIndikator pk → row (with its indicator)."""
    target_pk: dict[tuple[int, int], list]
    """(indicator pk, year) → PK rows."""


def _ditempat(t: TeksTercetak) -> str:
    return f" ({t.tempat})" if t.tempat else ""


def _ringkas(teks: str, n: int = 120) -> str:
    return " ".join((teks or "").split())[:n]


def _strategis(ind) -> bool:
    return bool(ind.iku or ind.tujuan_id or ind.sasaran_id)


def _objek(model: str, obj, label: str) -> ObjekMasalah:
    return ObjekMasalah(model, obj.pk, label[:200])


def _cek_nama(t: TeksTercetak, idx: IndeksObjek) -> Iterator[Masalah]:
    if t.model == "renstra.indikator":
        obj = idx.indikator.get(t.pk)
        if obj is None or not _strategis(obj):
            return
        kode, nama = obj.kode, obj.uraian
    elif t.model in ("renstra.sasaran", "renstra.tujuan"):
        obj = (idx.sasaran if t.model == "renstra.sasaran" else idx.tujuan).get(t.pk)
        if obj is None:
            return
        kode, nama = obj.kode, obj.uraian
    else:
        return
    if not nama.strip() or kunci_nama(t.teks) == kunci_nama(nama):
        return
    yield Masalah(
        KODE_NAMA_TERCETAK_BERBEDA,
        PERINGATAN,
        PESAN_NAMA_TERCETAK_BERBEDA.format(
            jenis=NAMA_JENIS_OBJEK[t.model],
            kode=kode,
            tercetak=_ringkas(t.teks),
            tempat=_ditempat(t),
            nama=_ringkas(nama),
        ),
        _objek(t.model, obj, f"{kode} {nama}"),
    )


def _cek_sasaran_program(t: TeksTercetak, idx: IndeksObjek) -> Iterator[Masalah]:
    if t.model == "renstra.program":
        program = idx.program.get(t.pk)
        obj, kode, label = program, getattr(program, "kode", ""), ""
    elif t.model == "renstra.indikator":
        obj = idx.indikator.get(t.pk)
        if obj is None or not obj.program_id:
            return
        program = idx.program.get(obj.program_id)
        kode = obj.kode
    else:
        return
    if program is None or obj is None:
        return
    tertaut = [idx.sasaran[s] for s in idx.sasaran_program.get(program.pk, ()) if s in idx.sasaran]
    teks = _AWALAN_SASARAN.sub("", t.teks or "")
    if not teks.strip() or any(kunci_nama(teks) == kunci_nama(s.uraian) for s in tertaut):
        return
    label = f"{kode} {getattr(obj, 'nama', '') or getattr(obj, 'uraian', '')}"
    yield Masalah(
        KODE_SASARAN_PROGRAM_BERBEDA,
        PERINGATAN,
        (PESAN_SASARAN_PROGRAM_BERBEDA if tertaut else PESAN_SASARAN_PROGRAM_TANPA_TAUTAN).format(
            jenis=NAMA_JENIS_OBJEK[t.model],
            kode=kode,
            tercetak=_ringkas(t.teks),
            tempat=_ditempat(t),
            tertaut=", ".join(f'{s.kode} "{_ringkas(s.uraian)}"' for s in tertaut),
        ),
        _objek(t.model, obj, label),
    )


def _cek_pejabat(t: TeksTercetak, idx: IndeksObjek) -> Iterator[Masalah]:
    p = idx.pejabat.get(t.pk)
    if p is None or not (t.teks or "").strip():
        return
    nama = p.nama or p.jabatan
    if _MEDAN_NIP.match(t.medan):
        alasan = alasan_nip_tidak_sah(t.teks)
        if alasan:
            yield Masalah(
                KODE_NIP_TERCETAK,
                ERROR,
                PESAN_NIP_TERCETAK.format(
                    nama=nama, tercetak=t.teks.strip(), tempat=_ditempat(t), alasan=alasan
                ),
                objek_pejabat(p),
            )
        elif p.nip and t.teks.replace(" ", "") != p.nip:
            yield Masalah(
                KODE_NIP_TERCETAK_BERBEDA,
                ERROR,
                PESAN_NIP_TERCETAK_BERBEDA.format(
                    nama=nama, tercetak=t.teks.strip(), tempat=_ditempat(t), nip=p.nip
                ),
                objek_pejabat(p),
            )
    elif _MEDAN_PANGKAT.match(t.medan):
        pangkat, golongan = pisah_pangkat_golongan(t.teks)
        alasan = (
            alasan_pangkat_tidak_sah(pangkat, golongan)
            if pangkat is not None
            else f'pangkat "{t.teks.strip()}" tidak dikenal'
        )
        if alasan:
            yield Masalah(
                KODE_PANGKAT_TERCETAK,
                ERROR,
                PESAN_PANGKAT_TERCETAK.format(
                    nama=nama, tercetak=t.teks.strip(), tempat=_ditempat(t), alasan=alasan
                ),
                objek_pejabat(p),
            )
            return
        tercatat = pisah_pangkat_golongan(p.pangkat)[0]
        gol = golongan_baku(p.golongan)
        beda_pangkat = tercatat is not None and pangkat != tercatat
        beda_golongan = bool(golongan) and gol is not None and golongan_baku(golongan) != gol
        if beda_pangkat or beda_golongan:
            yield Masalah(
                KODE_PANGKAT_TERCETAK_BERBEDA,
                PERINGATAN,
                PESAN_PANGKAT_TERCETAK_BERBEDA.format(
                    nama=nama,
                    tercetak=t.teks.strip(),
                    tempat=_ditempat(t),
                    pangkat=p.pangkat_golongan or PANGKAT_GOLONGAN.get(tercatat or "", ""),
                ),
                objek_pejabat(p),
            )


def _kata_satuan(teks: str) -> str:
    kata = re.sub(r"[^a-z%]", "", (teks or "").lower())
    return SATUAN_SAMA.get(kata, kata)


def _angka_cetak(teks: str) -> tuple[Decimal | None, str]:
    """ "35 orang/Bln" → (35, "orang"); "7,8%" → (7.8, "%"); (None, "") when no number."""
    m = _ANGKA_SATUAN.match(teks or "")
    if not m:
        return None, ""
    angka = m[1].rstrip(".,")
    if "," in angka:
        angka = angka.replace(".", "").replace(",", ".")
    elif angka.count(".") > 1 or re.search(r"\.\d{3}$", angka):
        angka = angka.replace(".", "")
    try:
        nilai = Decimal(angka)
    except InvalidOperation:
        return None, ""
    return nilai, _kata_satuan(m[2] or "")


def _indikator_dan_satuan(t: TeksTercetak, idx: IndeksObjek):
    """The indicator a printed target belongs to, its code and satuan (None when unknown)."""
    if t.model == "renstra.indikator":
        ind = idx.indikator.get(t.pk)
        return (ind, ind.kode, ind.satuan) if ind is not None else None
    if t.model == "kinerja.pkindikator":
        b = idx.baris_pk.get(t.pk)
        if b is None or b.indikator is None:
            return None
        return b.indikator, b.indikator.kode, b.satuan or b.indikator.satuan
    return None


def _cek_satuan(t: TeksTercetak, idx: IndeksObjek) -> Iterator[Masalah]:
    hasil = _indikator_dan_satuan(t, idx)
    if hasil is None or not hasil[2].strip():
        return
    ind, kode, satuan_ind = hasil
    _nilai, kata = _angka_cetak(t.teks)
    satuan = _kata_satuan(re.split(r"[\s/]", satuan_ind.strip())[0])
    if not kata or not satuan or kata == satuan:
        return
    yield Masalah(
        KODE_SATUAN_TERCETAK_BERBEDA,
        PERINGATAN,
        PESAN_SATUAN_TERCETAK_BERBEDA.format(
            kode=kode,
            tercetak=t.teks.strip(),
            tempat=_ditempat(t),
            satuan_cetak=kata,
            satuan=satuan_ind.strip(),
        ),
        _objek("renstra.indikator", ind, f"{kode} {ind.uraian}"),
    )


def _cek_persen_tanpa_tanda(teks_list: list[TeksTercetak], idx: IndeksObjek):
    """In one printed series (same field, same place), the values of "%" indicators printed
    both with and without "%": those without are reported, one problem per indicator."""
    seri: dict[tuple[str, str], list[tuple[object, TeksTercetak]]] = {}
    for t in teks_list:
        if not _MEDAN_TARGET.match(t.medan):
            continue
        hasil = _indikator_dan_satuan(t, idx)
        if hasil is None or hasil[2].strip() != "%":
            continue
        nilai, _kata = _angka_cetak(t.teks)
        if nilai is not None:
            seri.setdefault((t.medan, t.tempat), []).append((hasil[0], t))
    for (_medan, _tempat), anggota in seri.items():
        dengan = [t for _i, t in anggota if "%" in t.teks]
        tanpa: dict[int, tuple[object, list[TeksTercetak]]] = {}
        for ind, t in anggota:
            if "%" not in t.teks:
                tanpa.setdefault(ind.pk, (ind, []))[1].append(t)
        if not dengan or not tanpa:
            continue
        for ind, daftar in tanpa.values():
            yield Masalah(
                KODE_SATUAN_TERCETAK_BERBEDA,
                PERINGATAN,
                PESAN_PERSEN_TANPA_TANDA.format(
                    kode=ind.kode,
                    tercetak=", ".join(f'"{t.teks.strip()}"' for t in daftar),
                    tempat=_ditempat(daftar[0]),
                    contoh=dengan[0].teks.strip(),
                ),
                _objek("renstra.indikator", ind, f"{ind.kode} {ind.uraian}"),
            )


def _cek_nama_satuan_pk(t: TeksTercetak, idx: IndeksObjek) -> Iterator[Masalah]:
    """A PK row linked to no indicator and stored without a unit: its name against the unit
    of its printed target, by the rule table (nama_satuan)."""
    if t.model != "kinerja.pkindikator":
        return
    b = idx.baris_pk.get(t.pk)
    if b is None or b.indikator is not None or b.satuan.strip():
        return
    _nilai, kata = _angka_cetak(t.teks)
    if kata:
        yield from cek_nama_satuan([NamaSatuan(_kode(b), b.uraian, kata, objek_baris_pk(b))])


def _cek_selisih_pk(t: TeksTercetak, idx: IndeksObjek) -> Iterator[Masalah]:
    """A PK Perubahan row whose printed change column is blank while the target changed."""
    b = idx.baris_pk.get(t.pk) if t.model == "kinerja.pkindikator" else None
    if b is None or b.perjanjian.versi != "perubahan" or (t.teks or "").strip():
        return
    sesudah = b.nilai
    sebelum = b.target_sebelum
    if sesudah is None or b.predikat or sebelum == sesudah:
        return
    selisih = sesudah - (sebelum or Decimal(0))
    tanda = "+" if selisih > 0 else "−"
    yield Masalah(
        KODE_SELISIH_PK_KOSONG,
        PERINGATAN,
        PESAN_SELISIH_PK_KOSONG.format(
            tahun=b.perjanjian.tahun,
            pihak=_pihak(b),
            kode=_kode(b),
            sebelum=_angka(sebelum) if sebelum is not None else SEBELUM_BELUM_ADA,
            sesudah=_angka(sesudah),
            selisih=f"{tanda}{_angka(abs(selisih))}",
        ),
        objek_baris_pk(b),
    )


def _cek_rencana_aksi(t: TeksTercetak, idx: IndeksObjek) -> Iterator[Masalah]:
    ind = idx.indikator.get(t.pk) if t.model == "renstra.indikator" else None
    if ind is None or t.tahun is None:
        return
    baris = [b for b in idx.target_pk.get((ind.pk, t.tahun), ()) if not b.kosong]
    if not baris:
        return
    nilai, _kata = _angka_cetak(t.teks)
    target = baris[0].nilai_masukan()
    if nilai is None:
        cocok = target_setara(t.teks.strip(), target) if isinstance(target, str) else False
    else:
        cocok = target_setara(nilai, target)
    if cocok:
        return
    yield Masalah(
        KODE_RENCANA_AKSI_BERBEDA,
        PERINGATAN,
        PESAN_RENCANA_AKSI_BERBEDA.format(
            tahun=t.tahun, kode=ind.kode, tercetak=t.teks.strip(), target_pk=_angka(target)
        ),
        _objek(t.model, ind, f"{ind.kode} {ind.uraian}"),
    )


def cek_tercetak(teks_list: list[TeksTercetak], idx: IndeksObjek) -> Iterator[Masalah]:
    yield from _cek_persen_tanpa_tanda(teks_list, idx)
    for t in teks_list:
        if t.model == "renstra.pejabat":
            yield from _cek_pejabat(t, idx)
        elif _MEDAN_NAMA.match(t.medan):
            yield from _cek_nama(t, idx)
        elif _MEDAN_SASARAN.match(t.medan):
            if t.model == "renstra.sasaran":
                yield from _cek_nama(t, idx)
            else:
                yield from _cek_sasaran_program(t, idx)
        elif t.medan == _MEDAN_RENCANA_AKSI:
            yield from _cek_satuan(t, idx)
            yield from _cek_rencana_aksi(t, idx)
        elif _MEDAN_SELISIH.match(t.medan):
            yield from _cek_selisih_pk(t, idx)
        elif _MEDAN_TARGET.match(t.medan):
            yield from _cek_satuan(t, idx)
            yield from _cek_nama_satuan_pk(t, idx)
