"""factory_boy factories for the planning chain, realisations and budgets.

General purpose: every factory builds a valid object with its parents, so a test names only
the fields it is about (`IndikatorFactory(sasaran=s, cara_agregasi="kumulatif")`). Values are
Decimal. The indicator factory attaches to a sasaran by default; pass exactly one of
tujuan/sasaran/program/kegiatan/sub_kegiatan to attach it elsewhere (the parent level the
caller passes wins, the default sasaran is dropped).

`perbesar_rencana` clones the plan of a Perangkat Daerah (Renstra tree, indicators, targets,
realisations, budgets) several times into a new PD, in bulk: the query-count tests use it to
show that a selector costs the same number of queries on a plan five times larger.
"""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.db.models import Q
from factory.django import DjangoModelFactory

from anggaran.models import AnggaranBelanja, Pagu, RealisasiAnggaran
from kinerja.models import (
    Bukti,
    PerjanjianKinerja,
    PKIndikator,
    Realisasi,
    StatusRealisasi,
)
from renstra.models import (
    Indikator,
    JenisPemda,
    Kegiatan,
    Pejabat,
    PemerintahDaerah,
    PerangkatDaerah,
    PeriodeRenstra,
    Program,
    Sasaran,
    SubKegiatan,
    Target,
    TargetTriwulan,
    Tujuan,
    UnitKerja,
)


class PemdaFactory(DjangoModelFactory):
    class Meta:
        model = PemerintahDaerah
        django_get_or_create = ("nama",)

    nama = factory.Sequence(lambda n: f"Kabupaten Uji {n}")
    jenis = JenisPemda.KABUPATEN


class PerangkatDaerahFactory(DjangoModelFactory):
    class Meta:
        model = PerangkatDaerah

    pemda = factory.SubFactory(PemdaFactory)
    slug = factory.Sequence(lambda n: f"pd-uji-{n}")
    nama = factory.Sequence(lambda n: f"Badan Kesatuan Bangsa dan Politik Uji {n}")
    singkatan = "Kesbangpol"


class UnitKerjaFactory(DjangoModelFactory):
    class Meta:
        model = UnitKerja

    perangkat_daerah = factory.SubFactory(PerangkatDaerahFactory)
    kode = factory.Sequence(lambda n: f"unit-{n}")
    nama = factory.Sequence(lambda n: f"Bidang {n}")


class PejabatFactory(DjangoModelFactory):
    class Meta:
        model = Pejabat

    perangkat_daerah = factory.SubFactory(PerangkatDaerahFactory)
    # A valid NIP (kinerja.validasi.identitas): a distinct birth date per official, TMT 1990-01.
    nip = factory.Sequence(
        lambda n: f"{date(1960, 1, 1) + timedelta(days=n):%Y%m%d}19900110{n % 10}{n % 7 + 1}"
    )
    nama = factory.Sequence(lambda n: f"Pejabat {n}")
    pangkat = "Pembina"
    golongan = "IV/a"
    jabatan = factory.Sequence(lambda n: f"Kepala Bidang {n}")
    eselon = "III"


class RenstraFactory(DjangoModelFactory):
    class Meta:
        model = PeriodeRenstra

    perangkat_daerah = factory.SubFactory(PerangkatDaerahFactory)
    tahun_awal = 2022
    tahun_akhir = 2026


class TujuanFactory(DjangoModelFactory):
    class Meta:
        model = Tujuan

    renstra = factory.SubFactory(RenstraFactory)
    kode = factory.Sequence(lambda n: f"T{n}")
    uraian = factory.Sequence(lambda n: f"Tujuan {n}")


class SasaranFactory(DjangoModelFactory):
    class Meta:
        model = Sasaran

    renstra = factory.SubFactory(RenstraFactory)
    kode = factory.Sequence(lambda n: f"S{n}")
    uraian = factory.Sequence(lambda n: f"Sasaran strategis {n}")
    urutan = factory.Sequence(lambda n: n)


class ProgramFactory(DjangoModelFactory):
    class Meta:
        model = Program

    renstra = factory.SubFactory(RenstraFactory)
    kode = factory.Sequence(lambda n: f"P{n}")
    nama = factory.Sequence(lambda n: f"Program {n}")
    urutan = factory.Sequence(lambda n: n)


class KegiatanFactory(DjangoModelFactory):
    class Meta:
        model = Kegiatan

    program = factory.SubFactory(ProgramFactory)
    kode = factory.LazyAttributeSequence(lambda o, n: f"{o.program.kode}.K{n}")
    nama = factory.Sequence(lambda n: f"Kegiatan {n}")
    urutan = factory.Sequence(lambda n: n)


class SubKegiatanFactory(DjangoModelFactory):
    class Meta:
        model = SubKegiatan

    kegiatan = factory.SubFactory(KegiatanFactory)
    kode = factory.LazyAttributeSequence(lambda o, n: f"{o.kegiatan.kode}.S{n}")
    nama = factory.Sequence(lambda n: f"Sub-kegiatan {n}")
    urutan = factory.Sequence(lambda n: n)


_TINGKAT_INDIKATOR = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")


def _perangkat_daerah_induk(indikator) -> PerangkatDaerah:
    if indikator.tujuan is not None:
        return indikator.tujuan.renstra.perangkat_daerah
    if indikator.sasaran is not None:
        return indikator.sasaran.renstra.perangkat_daerah
    if indikator.program is not None:
        return indikator.program.renstra.perangkat_daerah
    if indikator.kegiatan is not None:
        return indikator.kegiatan.program.renstra.perangkat_daerah
    return indikator.sub_kegiatan.kegiatan.program.renstra.perangkat_daerah


class IndikatorFactory(DjangoModelFactory):
    """An indicator of a sasaran unless another level is given."""

    class Meta:
        model = Indikator

    tujuan = None
    sasaran = factory.Maybe(
        factory.LazyAttribute(
            lambda o: (
                not any(
                    getattr(o, nama, None) is not None
                    for nama in _TINGKAT_INDIKATOR[2:] + ("tujuan",)
                )
            )
        ),
        yes_declaration=factory.SubFactory(SasaranFactory),
        no_declaration=None,
    )
    program = None
    kegiatan = None
    sub_kegiatan = None
    perangkat_daerah = factory.LazyAttribute(_perangkat_daerah_induk)
    kode = factory.Sequence(lambda n: f"IND{n}")
    uraian = factory.Sequence(lambda n: f"Indikator {n}")
    satuan = "%"


class TargetFactory(DjangoModelFactory):
    class Meta:
        model = Target

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2023
    jenis = "pk_murni"
    nilai = Decimal("100")


class TargetTriwulanFactory(DjangoModelFactory):
    class Meta:
        model = TargetTriwulan

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2023
    triwulan = 1
    nilai = Decimal("25")


class RealisasiFactory(DjangoModelFactory):
    class Meta:
        model = Realisasi

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2023
    triwulan = 4
    nilai = Decimal("100")
    status = StatusRealisasi.DISETUJUI


class BuktiFactory(DjangoModelFactory):
    class Meta:
        model = Bukti

    realisasi = factory.SubFactory(RealisasiFactory)
    tautan = "https://contoh.go.id/bukti.pdf"


class PaguFactory(DjangoModelFactory):
    """A pagu of a sub-kegiatan unless program or kegiatan is given."""

    class Meta:
        model = Pagu

    program = None
    kegiatan = None
    sub_kegiatan = factory.Maybe(
        factory.LazyAttribute(lambda o: o.program is None and o.kegiatan is None),
        yes_declaration=factory.SubFactory(SubKegiatanFactory),
        no_declaration=None,
    )
    tahun = 2023
    murni = None
    perubahan = Decimal("1000000")


class RealisasiAnggaranFactory(DjangoModelFactory):
    """Realisasi keuangan of a sub-kegiatan unless program or kegiatan is given."""

    class Meta:
        model = RealisasiAnggaran

    program = None
    kegiatan = None
    sub_kegiatan = factory.Maybe(
        factory.LazyAttribute(lambda o: o.program is None and o.kegiatan is None),
        yes_declaration=factory.SubFactory(SubKegiatanFactory),
        no_declaration=None,
    )
    tahun = 2023
    triwulan = 1
    jumlah = Decimal("250000")
    status = StatusRealisasi.DISETUJUI  # report tests count approved amounts only


class AnggaranBelanjaFactory(DjangoModelFactory):
    class Meta:
        model = AnggaranBelanja

    perangkat_daerah = factory.SubFactory(PerangkatDaerahFactory)
    tahun = 2023
    kelompok = "Belanja Operasi"
    jenis = factory.Sequence(lambda n: f"Belanja Jenis {n}")
    pagu = Decimal("1000000")
    realisasi = Decimal("900000")


class PerjanjianKinerjaFactory(DjangoModelFactory):
    class Meta:
        model = PerjanjianKinerja

    perangkat_daerah = factory.SubFactory(PerangkatDaerahFactory)
    tahun = 2023


class PKIndikatorFactory(DjangoModelFactory):
    class Meta:
        model = PKIndikator

    perjanjian = factory.SubFactory(PerjanjianKinerjaFactory)
    indikator = None
    uraian = factory.Sequence(lambda n: f"Indikator PK {n}")
    nilai = Decimal("100")


# --- A larger plan, cloned in bulk ------------------------------------------------------------


def _salin(obj, **ubah):
    """An unsaved copy of a model instance with some fields changed (auto dates reset)."""
    data = {
        f.attname: getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
        if not f.primary_key and f.attname not in ("dibuat", "diubah")
    }
    data.update(ubah)
    return type(obj)(**data)


def perbesar_rencana(pd_sumber: PerangkatDaerah, *, kali: int = 5) -> PerangkatDaerah:
    """A new PD whose plan is `kali` copies of `pd_sumber`'s: Renstra periods, tujuan,
    sasaran, programs (with their sasaran links), kegiatan, sub-kegiatan, indicators, targets,
    quarterly targets, realisations, pagu, realisasi anggaran and jenis belanja.

    One bulk_create per model, so a plan five times the Paser demo builds in well under a
    second. Codes get a "#n" suffix per copy to keep the unique constraints; units, officials
    and Perjanjian Kinerja are not copied.
    """
    pd = PerangkatDaerahFactory(
        pemda=pd_sumber.pemda, batas_capaian_rata_rata=pd_sumber.batas_capaian_rata_rata
    )
    # (model key, source pk, copy number) → new pk
    peta: dict[tuple[str, int | None, int], int] = {}

    def salin_semua(kunci: str, asal: list, ubah) -> None:
        baru = [_salin(o, **ubah(o, n)) for n in range(kali) for o in asal]
        dibuat = iter(type(asal[0]).objects.bulk_create(baru) if asal else [])
        for n in range(kali):
            for o in asal:
                peta[(kunci, o.pk, n)] = next(dibuat).pk

    def kode(o, n) -> str:
        return f"{o.kode}#{n}"

    renstra = {
        r.pk: PeriodeRenstra.objects.create(
            perangkat_daerah=pd, tahun_awal=r.tahun_awal, tahun_akhir=r.tahun_akhir
        ).pk
        for r in PeriodeRenstra.objects.filter(perangkat_daerah=pd_sumber)
    }
    tujuan = list(Tujuan.objects.filter(renstra__perangkat_daerah=pd_sumber))
    salin_semua(
        "tujuan",
        tujuan,
        lambda o, n: {"renstra_id": renstra[o.renstra_id], "kode": kode(o, n), "misi_id": None},
    )
    sasaran = list(Sasaran.objects.filter(renstra__perangkat_daerah=pd_sumber))
    salin_semua(
        "sasaran",
        sasaran,
        lambda o, n: {
            "renstra_id": renstra[o.renstra_id],
            "tujuan_id": peta.get(("tujuan", o.tujuan_id, n)),
            "kode": kode(o, n),
            "urutan": o.urutan + 1000 * n,
        },
    )
    program = list(Program.objects.filter(renstra__perangkat_daerah=pd_sumber))
    salin_semua(
        "program",
        program,
        lambda o, n: {
            "renstra_id": renstra[o.renstra_id],
            "kode": kode(o, n),
            "unit_kerja_id": None,
            "urutan": o.urutan + 1000 * n,
        },
    )
    tautan = Program.sasaran.through
    tautan.objects.bulk_create(
        tautan(
            program_id=peta[("program", t.program_id, n)],
            sasaran_id=peta[("sasaran", t.sasaran_id, n)],
        )
        for t in tautan.objects.filter(program__in=program)
        for n in range(kali)
    )
    kegiatan = list(Kegiatan.objects.filter(program__in=program))
    salin_semua(
        "kegiatan",
        kegiatan,
        lambda o, n: {
            "program_id": peta[("program", o.program_id, n)],
            "kode": kode(o, n),
            "unit_kerja_id": None,
        },
    )
    sub = list(SubKegiatan.objects.filter(kegiatan__in=kegiatan))
    salin_semua(
        "sub_kegiatan",
        sub,
        lambda o, n: {
            "kegiatan_id": peta[("kegiatan", o.kegiatan_id, n)],
            "kode": kode(o, n),
            "unit_kerja_id": None,
        },
    )

    def induk(o, n) -> dict:
        return {
            f"{tingkat}_id": peta.get((tingkat, getattr(o, f"{tingkat}_id"), n))
            for tingkat in ("program", "kegiatan", "sub_kegiatan")
        }

    indikator = list(Indikator.objects.filter(perangkat_daerah=pd_sumber))
    salin_semua(
        "indikator",
        indikator,
        lambda o, n: {
            **induk(o, n),
            "tujuan_id": peta.get(("tujuan", o.tujuan_id, n)),
            "sasaran_id": peta.get(("sasaran", o.sasaran_id, n)),
            "perangkat_daerah_id": pd.pk,
            "kode": kode(o, n),
            "penanggung_jawab_id": None,
        },
    )
    for model in (Target, TargetTriwulan, Realisasi):
        asal = list(model.objects.filter(indikator__perangkat_daerah=pd_sumber))
        model.objects.bulk_create(
            _salin(o, indikator_id=peta[("indikator", o.indikator_id, n)])
            for n in range(kali)
            for o in asal
        )
    di_rencana = Q(program__in=program) | Q(kegiatan__in=kegiatan) | Q(sub_kegiatan__in=sub)
    for model in (Pagu, RealisasiAnggaran):
        asal = list(model.objects.filter(di_rencana))
        model.objects.bulk_create(_salin(o, **induk(o, n)) for n in range(kali) for o in asal)
    belanja = list(AnggaranBelanja.objects.filter(perangkat_daerah=pd_sumber))
    AnggaranBelanja.objects.bulk_create(
        _salin(o, perangkat_daerah_id=pd.pk, jenis=f"{o.jenis}#{n}")
        for n in range(kali)
        for o in belanja
    )
    return pd
