"""NIP and pangkat / golongan rules (kinerja/validasi/identitas.py, R-ID)."""

import pytest

from kinerja import validasi as v
from kinerja.validasi.identitas import (
    alasan_nip_tidak_sah,
    alasan_pangkat_tidak_sah,
    golongan_baku,
    pisah_pangkat_golongan,
)
from tests.factories import PejabatFactory, PerangkatDaerahFactory


@pytest.mark.parametrize(
    "nip",
    ["197106071997031007", "19710607 199703 1 007", "19681224 199002 2001", "196812241990022001"],
)
def test_valid_nips(nip):
    assert alasan_nip_tidak_sah(nip) is None


@pytest.mark.parametrize(
    ("nip", "alasan"),
    [
        ("197-10607199703 1 007", "hanya boleh berisi angka (dan spasi pemisah)"),
        ("19710607117031007", "harus 18 digit, tercatat 17 digit"),
        ("19710607 1999703 1 007", "harus 18 digit, tercatat 19 digit"),
        ("197113071997031007", "digit 1–8 (19711307) bukan tanggal lahir yang sah"),
        ("197106071997131007", "digit 9–14 (199713) bukan bulan TMT yang sah"),
        ("197106071985031007", "TMT 198503 kurang dari 18 tahun setelah lahir (19710607)"),
        ("197106071997033007", "digit 15 (3) harus 1 (pria) atau 2 (wanita)"),
        ("197106071997031000", "nomor urut (digit 16–18) tidak boleh 000"),
    ],
)
def test_invalid_nips(nip, alasan):
    assert alasan_nip_tidak_sah(nip) == alasan


def test_tmt_exactly_eighteen_years_after_birth_is_valid():
    assert alasan_nip_tidak_sah("197106071989061007") is None
    assert alasan_nip_tidak_sah("197106071989051007") is not None


@pytest.mark.parametrize(
    ("teks", "pangkat", "sisa"),
    [
        ("Pembina Utama Muda / IVc", "pembina utama muda", "IVc"),
        ("Pembina Utama Muda (IV/c)", "pembina utama muda", "IV/c"),
        ("Pembina Tk. I / IVb", "pembina tingkat i", "IVb"),
        ("Pembina Tingkat I", "pembina tingkat i", ""),
        ("Penata Tk I / III d", "penata tingkat i", "III d"),
        ("Kepala Badan", None, "Kepala Badan"),
    ],
)
def test_printed_pangkat_is_split(teks, pangkat, sisa):
    assert pisah_pangkat_golongan(teks) == (pangkat, sisa)


def test_golongan_spellings():
    assert golongan_baku("IVc") == golongan_baku("iv / c") == golongan_baku("IV/c") == "IV/c"
    assert golongan_baku("IIIId") is None
    assert golongan_baku("W d") is None


@pytest.mark.parametrize(
    ("pangkat", "golongan", "alasan"),
    [
        ("Penata", "III/c", None),
        ("Penata Tk. I", "III d", None),
        ("Penata Tk I", "III/c", "pangkat Penata Tingkat I bergolongan III/d, bukan III/c"),
        ("Pembina Utama Muda", "IV/c", None),
        ("Pembina", "", None),
        ("", "", None),
        ("Penata", "III d", "pangkat Penata bergolongan III/c, bukan III/d"),
        ("Penata Tk I", "IIIId", 'golongan "IIIId" tidak dikenal'),
        ("Kepala", "IV/a", 'pangkat "Kepala" tidak dikenal'),
    ],
)
def test_pangkat_golongan_pairs(pangkat, golongan, alasan):
    assert alasan_pangkat_tidak_sah(pangkat, golongan) == alasan


def test_stored_official_with_invalid_nip_and_pair(db):
    pd = PerangkatDaerahFactory()
    salah = PejabatFactory(
        perangkat_daerah=pd, nip="197106071985031007", pangkat="Penata", golongan="III/d"
    )
    PejabatFactory(perangkat_daerah=pd, pangkat="Penata", golongan="III/c")
    PejabatFactory(perangkat_daerah=pd, nip=None, nama="", pangkat="", golongan="")

    masalah = [m for m in v.validasi_pd(pd=pd, tahun=2023) if m.kode.startswith("pejabat.")]

    assert [(m.kode, m.tingkat, m.objek.model, m.objek.pk) for m in masalah] == [
        (v.KODE_NIP_TIDAK_SAH, v.ERROR, "renstra.pejabat", salah.pk),
        (v.KODE_PANGKAT_TIDAK_SAH, v.ERROR, "renstra.pejabat", salah.pk),
    ]
    assert masalah[0].pesan == (
        f"NIP 197106071985031007 pejabat {salah.nama} tidak sah: TMT 198503 kurang dari 18 "
        "tahun setelah lahir (19710607)."
    )
    assert masalah[1].pesan == (
        f"Pangkat/golongan Penata / III/d pejabat {salah.nama} tidak sah: pangkat Penata "
        "bergolongan III/c, bukan III/d."
    )
