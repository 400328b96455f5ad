import pytest

from renstra.kode import adalah_kode_kepmendagri, kode_memperluas, normalisasi_kode


@pytest.mark.parametrize(
    ("masukan", "hasil"),
    [
        ("8.01.02.2.01.02", "8.01.02.2.01.02"),
        ("8.01.02.02.01.0002", "8.01.02.2.01.02"),
        ("8.1.2", "8.01.02"),
        (" 8.01.02. ", "8.01.02"),
        ("P1.K2", "P1.K2"),
        ("8.01.01.2.01.L1", "8.01.01.2.01.L1"),
        (None, ""),
    ],
)
def test_normalisasi_kode(masukan, hasil):
    assert normalisasi_kode(masukan) == hasil


def test_kode_kepmendagri_recognised_only_for_numeric_segments():
    assert adalah_kode_kepmendagri("8.01.02.2.01")
    assert not adalah_kode_kepmendagri("P1")
    assert not adalah_kode_kepmendagri("8.01")


def test_sub_kegiatan_code_must_extend_kegiatan_code():
    assert kode_memperluas("8.01.02.2.01.04", "8.01.02.2.01")
    assert kode_memperluas("8.01.02.02.01.0004", "8.01.02.2.01")
    assert not kode_memperluas("8.01.03.2.01.04", "8.01.02.2.01")
    # A look-alike prefix is not an extension.
    assert not kode_memperluas("8.01.02.2.011", "8.01.02.2.01")


def test_local_codes_are_not_checked():
    assert kode_memperluas("P1.K2.S1", "P1.K2")
