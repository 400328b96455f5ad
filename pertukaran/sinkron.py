"""The writer's engine: upsert desired rows against existing ones, with counts and audit records.

`_Penyinkron.sinkron` compares each desired row (`_Baris`) with the stored object of the same
natural key, creates or updates in bulk, counts what it did in a `HasilMuat` per model label,
and queues one audit entry per created, updated or deleted object (`AKSI_*`); the entries are
written at the end of the load (`tulis._Pemuat.tulis_audit`). It knows nothing about the
sections of the file: `tulis_rencana` and `tulis_kinerja` build the rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from anggaran.models import AnggaranBelanja, AnggaranPerangkatDaerah, Pagu, RealisasiAnggaran
from common.audit import nilai_json
from kinerja.models import (
    EvaluasiSakip,
    PerjanjianKinerja,
    PKAnggaran,
    PKIndikator,
    Realisasi,
    RencanaAksi,
)
from renstra.models import (
    Indikator,
    Kegiatan,
    Misi,
    NarasiPerangkatDaerah,
    Pejabat,
    PemerintahDaerah,
    PerangkatDaerah,
    PeriodeRenstra,
    Program,
    Rpjmd,
    Sasaran,
    SubKegiatan,
    TabelSumberDaya,
    TandaTanganLaporan,
    Target,
    TargetTriwulan,
    Tujuan,
    UnitKerja,
)

AKSI_BUAT = "dataset.buat"
AKSI_UBAH = "dataset.ubah"
AKSI_HAPUS = "dataset.hapus"
AKSI_MUAT = "dataset.muat"

# Model labels, in the order the summary prints them.
LABEL = {
    PemerintahDaerah: "pemerintah daerah",
    PerangkatDaerah: "perangkat daerah",
    UnitKerja: "unit kerja",
    Pejabat: "pejabat",
    Rpjmd: "RPJMD",
    Misi: "misi",
    PeriodeRenstra: "periode Renstra",
    Tujuan: "tujuan",
    Sasaran: "sasaran",
    Program: "program",
    Kegiatan: "kegiatan",
    SubKegiatan: "sub-kegiatan",
    Indikator: "indikator",
    Target: "target",
    TargetTriwulan: "target triwulan",
    RencanaAksi: "rencana aksi",
    Realisasi: "realisasi",
    Pagu: "pagu",
    RealisasiAnggaran: "realisasi anggaran",
    PerjanjianKinerja: "perjanjian kinerja",
    PKIndikator: "indikator PK",
    PKAnggaran: "anggaran PK",
    AnggaranBelanja: "anggaran belanja",
    AnggaranPerangkatDaerah: "anggaran perangkat daerah",
    EvaluasiSakip: "evaluasi SAKIP",
    TabelSumberDaya: "tabel sumber daya",
    NarasiPerangkatDaerah: "narasi perangkat daerah",
    TandaTanganLaporan: "tanda tangan LKjIP",
}


@dataclass
class HasilMuat:
    """What a load did, per model label ("sasaran", "indikator", …)."""

    perangkat_daerah: PerangkatDaerah | None = None
    dry_run: bool = False
    dibuat: Counter[str] = field(default_factory=Counter)
    diperbarui: Counter[str] = field(default_factory=Counter)
    tidak_berubah: Counter[str] = field(default_factory=Counter)
    dihapus: Counter[str] = field(default_factory=Counter)
    catatan: list[str] = field(default_factory=list)

    @property
    def ada_perubahan(self) -> bool:
        return bool(+self.dibuat or +self.diperbarui or +self.dihapus)

    def ringkasan(self) -> str:
        """Indonesian lines for the command output: one per model, then totals and notes."""
        pd = self.perangkat_daerah
        judul = f"{pd.nama} ({pd.slug})" if pd is not None else "-"
        baris = [f"Perangkat daerah: {judul}"]
        if self.dry_run:
            baris.append("Uji coba (--dry-run): tidak ada yang disimpan.")
        label_ada = set(self.dibuat) | set(self.diperbarui) | set(self.tidak_berubah)
        label_ada |= set(self.dihapus)
        urutan = [lbl for lbl in LABEL.values() if lbl in label_ada]
        urutan += sorted(label_ada - set(urutan))
        lebar = max((len(lbl) for lbl in urutan), default=0)
        for lbl in urutan:
            teks = (
                f"  {lbl.ljust(lebar)}  dibuat {self.dibuat[lbl]}, "
                f"diperbarui {self.diperbarui[lbl]}, tidak berubah {self.tidak_berubah[lbl]}"
            )
            if self.dihapus[lbl]:
                teks += f", dihapus {self.dihapus[lbl]}"
            baris.append(teks)
        baris.append(
            f"Jumlah: dibuat {self.dibuat.total()}, diperbarui {self.diperbarui.total()}, "
            f"tidak berubah {self.tidak_berubah.total()}, dihapus {self.dihapus.total()}."
        )
        baris += [f"Catatan: {c}" for c in self.catatan]
        return "\n".join(baris)


@dataclass
class _Baris:
    """One desired row: natural key, field values, and whether it may be created.

    `buat=False` marks a row that would only say "no data": it empties an existing row but
    is not created. `ekstra` holds many-to-many values compared like fields (applied by the
    caller).
    """

    kunci: Any
    nilai: dict[str, Any]
    buat: bool = True
    ekstra: dict[str, Any] | None = None


def _sama(a: Any, b: Any) -> bool:
    """Equal as stored: Decimal("73") equals Decimal("73.0000"); None equals only None."""
    if a is None or b is None:
        return a is None and b is None
    return a == b


class _Penyinkron:
    """Upserts rows model by model; every model is read once and written in bulk."""

    def __init__(self, data: dict, *, pengguna, hasil: HasilMuat) -> None:
        self.data = data
        self.pengguna = pengguna
        self.hasil = hasil
        self.audit: list[dict] = []
        self._bidang: dict[tuple[type, str], models.Field] = {}

    # Generic upsert ------------------------------------------------------------------------

    def _field(self, model: type[models.Model], nama: str) -> models.Field:
        kunci = (model, nama)
        if kunci not in self._bidang:
            self._bidang[kunci] = model._meta.get_field(nama)
        return self._bidang[kunci]

    def _nilai_db(self, model: type[models.Model], nama: str, nilai: Any) -> tuple[str, Any]:
        """(attname, comparable value) of a desired field value (a FK becomes its pk)."""
        f = self._field(model, nama)
        if f.many_to_one:
            return f.attname, nilai.pk if nilai is not None else None
        return f.attname, nilai

    def sinkron(
        self,
        model: type[models.Model],
        lama: dict[Any, models.Model],
        baris: Iterable[_Baris],
        *,
        ekstra_lama: dict[int, dict[str, Any]] | None = None,
        saat_ubah=None,
        bidang_tambahan: tuple[str, ...] = (),
    ) -> dict[Any, models.Model]:
        """Create or update `baris` against `lama` ({key: object}); return {key: object}."""
        label = LABEL[model]
        tersimpan: dict[Any, models.Model] = {}
        baru: list[tuple[models.Model, dict]] = []
        diubah: list[tuple[models.Model, dict]] = []
        bidang_diubah: set[str] = set()
        for b in baris:
            obj = lama.get(b.kunci)
            if obj is None:
                if not b.buat:
                    continue
                obj = model(**b.nilai)
                rekam = {}
                for nama, nilai in b.nilai.items():
                    attname, v = self._nilai_db(model, nama, nilai)
                    if v is not None and v is not False and v != "":
                        rekam[attname] = [None, nilai_json(v)]
                for nama, v in (b.ekstra or {}).items():
                    if v:
                        rekam[nama] = [None, nilai_json(v)]
                baru.append((obj, rekam))
            else:
                beda = {}
                for nama, nilai in b.nilai.items():
                    attname, v = self._nilai_db(model, nama, nilai)
                    sekarang = getattr(obj, attname)
                    if not _sama(sekarang, v):
                        beda[attname] = [nilai_json(sekarang), nilai_json(v)]
                        setattr(obj, nama, nilai)
                        bidang_diubah.add(nama)
                for nama, v in (b.ekstra or {}).items():
                    sekarang = (ekstra_lama or {}).get(obj.pk, {}).get(nama)
                    if sekarang != v:
                        beda[nama] = [nilai_json(sekarang), nilai_json(v)]
                if beda:
                    if saat_ubah is not None:
                        saat_ubah(obj)
                    diubah.append((obj, beda))
                else:
                    self.hasil.tidak_berubah[label] += 1
            tersimpan[b.kunci] = obj
        if baru:
            model.objects.bulk_create([obj for obj, _ in baru], batch_size=500)
            self.hasil.dibuat[label] += len(baru)
            for obj, rekam in baru:
                self.audit.append({"aksi": AKSI_BUAT, "objek": obj, "perubahan": rekam})
        if diubah:
            if bidang_diubah:
                model.objects.bulk_update(
                    [obj for obj, _ in diubah],
                    sorted(bidang_diubah | set(bidang_tambahan)),
                    batch_size=500,
                )
            self.hasil.diperbarui[label] += len(diubah)
            for obj, beda in diubah:
                self.audit.append({"aksi": AKSI_UBAH, "objek": obj, "perubahan": beda})
        return tersimpan

    def hapus(self, model: type[models.Model], objek: list[models.Model]) -> None:
        if not objek:
            return
        for obj in objek:
            rekam = {
                f.attname: [nilai_json(getattr(obj, f.attname)), None]
                for f in model._meta.concrete_fields
                if not f.primary_key and getattr(obj, f.attname) not in (None, "")
            }
            self.audit.append({"aksi": AKSI_HAPUS, "objek": obj, "perubahan": rekam})
        # The entries keep the object's text and id; the rows go.
        model.objects.filter(pk__in=[obj.pk for obj in objek]).delete()
        self.hasil.dihapus[LABEL[model]] += len(objek)

    # The file ------------------------------------------------------------------------------
