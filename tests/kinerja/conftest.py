"""Fixtures shared by the Perjanjian Kinerja tests."""

import pytest


@pytest.fixture
def pk_demo_draf(db):
    """The Paser demo PKs as drafts.

    The loader stores a PK that its report prints with place, date and both signatories as
    signed outside the application (pertukaran/tulis_pk.py). The tests that exercise drafting
    and in-app signing on those PKs start from their unsigned state instead.
    """
    from kinerja.models import PerjanjianKinerja, StatusPK

    PerjanjianKinerja.objects.filter(perangkat_daerah__slug="kesbangpol-paser").update(
        status=StatusPK.DRAFT, sidik_jari="", isi_kanonik=""
    )
