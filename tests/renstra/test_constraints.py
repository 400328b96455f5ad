"""The invariants the database holds by name."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from renstra.models import (
    PESAN_KODE_SUB_KEGIATAN,
    PESAN_PERIODE,
    Indikator,
    JenisTarget,
    Kegiatan,
    PemerintahDaerah,
    PerangkatDaerah,
    PeriodeRenstra,
    Program,
    SubKegiatan,
    Target,
)


@pytest.fixture
def rencana(db):
    pemda = PemerintahDaerah.objects.create(nama="Kabupaten Uji", jenis="kabupaten")
    pd = PerangkatDaerah.objects.create(pemda=pemda, slug="uji", nama="Badan Uji")
    renstra = PeriodeRenstra.objects.create(perangkat_daerah=pd, tahun_awal=2022, tahun_akhir=2026)
    program = Program.objects.create(renstra=renstra, kode="8.01.02", nama="Program")
    kegiatan = Kegiatan.objects.create(program=program, kode="8.01.02.2.01", nama="Kegiatan")
    return pd, renstra, program, kegiatan


def test_duplicate_target_for_same_indicator_year_kind_is_refused(rencana):
    pd, _, program, _ = rencana
    indikator = Indikator.objects.create(
        perangkat_daerah=pd, program=program, kode="I1", uraian="x"
    )
    Target.objects.create(
        indikator=indikator, tahun=2023, jenis=JenisTarget.RENJA, nilai=Decimal("5")
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(
            indikator=indikator, tahun=2023, jenis=JenisTarget.RENJA, nilai=Decimal("6")
        )
    # Another kind for the same year is a different target.
    Target.objects.create(indikator=indikator, tahun=2023, jenis=JenisTarget.PK_MURNI, nilai=6)


def test_sub_kegiatan_code_must_extend_its_kegiatan_code(rencana):
    _, _, _, kegiatan = rencana
    salah = SubKegiatan(kegiatan=kegiatan, kode="8.01.03.2.01.04", nama="Salah induk")
    with pytest.raises(ValidationError) as info:
        salah.full_clean()
    assert info.value.message_dict["kode"] == [
        PESAN_KODE_SUB_KEGIATAN.format(anak="8.01.03.2.01.04", induk="8.01.02.2.01")
    ]
    benar = SubKegiatan(kegiatan=kegiatan, kode="8.01.02.02.01.0004", nama="Benar")
    benar.full_clean()
    benar.save()
    assert benar.kode == "8.01.02.2.01.04"


def test_kegiatan_code_must_extend_its_program_code(rencana):
    _, _, program, _ = rencana
    with pytest.raises(ValidationError):
        Kegiatan(program=program, kode="8.01.05.2.01", nama="x").full_clean()


def test_renstra_period_must_end_after_it_starts(rencana):
    pd, *_ = rencana
    periode = PeriodeRenstra(perangkat_daerah=pd, tahun_awal=2026, tahun_akhir=2026)
    with pytest.raises(ValidationError) as info:
        periode.full_clean()
    assert PESAN_PERIODE in str(info.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        PeriodeRenstra.objects.create(perangkat_daerah=pd, tahun_awal=2027, tahun_akhir=2025)


def test_indicator_attaches_to_exactly_one_level(rencana):
    pd, _, program, kegiatan = rencana
    with pytest.raises(IntegrityError), transaction.atomic():
        Indikator.objects.create(
            perangkat_daerah=pd, program=program, kegiatan=kegiatan, kode="X", uraian="dua induk"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Indikator.objects.create(perangkat_daerah=pd, kode="Y", uraian="tanpa induk")


def test_pejabat_nip_is_eighteen_digits_and_unique(rencana):
    from renstra.models import Pejabat

    pd, *_ = rencana
    Pejabat.objects.create(perangkat_daerah=pd, nip="197106071997031099", jabatan="Kepala")
    with pytest.raises(IntegrityError), transaction.atomic():
        Pejabat.objects.create(perangkat_daerah=pd, nip="197106071997031099", jabatan="Lain")
    with pytest.raises(IntegrityError), transaction.atomic():
        Pejabat.objects.create(perangkat_daerah=pd, nip="19710607 199703 1", jabatan="Salah")


def test_no_data_is_null_not_zero(rencana):
    pd, _, program, _ = rencana
    indikator = Indikator.objects.create(perangkat_daerah=pd, program=program, kode="I", uraian="x")
    target = Target.objects.create(indikator=indikator, tahun=2024, jenis=JenisTarget.RENJA)
    target.refresh_from_db()
    assert target.nilai is None
    assert target.kosong


def test_budget_attaches_to_exactly_one_level(rencana):
    from anggaran.models import Pagu

    _, _, program, kegiatan = rencana
    with pytest.raises(IntegrityError), transaction.atomic():
        Pagu.objects.create(program=program, kegiatan=kegiatan, tahun=2023, murni=Decimal("1"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Pagu.objects.create(program=program, tahun=2023, murni=Decimal("-1"))
