"""The history pages in plain Indonesian: sentences, verbose labels, Indonesian values."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from common import audit
from common.models import AuditLog
from common.riwayat import entri_riwayat, kalimat_aksi, label_kolom
from kinerja import services
from kinerja.models import Realisasi
from renstra.models import Indikator, UnitKerja
from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("aksi", "kalimat"),
    [
        ("realisasi.verifikasi", "Diverifikasi"),
        ("realisasi.kembalikan", "Dikembalikan"),
        ("realisasi_anggaran.setujui", "Disetujui"),
        ("bukti.tambah", "Bukti dukung dilampirkan"),
        ("admin.kinerja.realisasi.ubah", "Diubah melalui halaman admin"),
        ("sesuatu.tidak_dikenal", "Dicatat"),
    ],
)
def test_action_codes_become_sentences(aksi, kalimat):
    assert kalimat_aksi(aksi) == kalimat


def test_labels_are_verbose_names():
    assert label_kolom(Realisasi, "faktor_pendorong") == "Faktor pendorong"
    assert label_kolom(Realisasi, "tindak_lanjut") == "Upaya / tindak lanjut"
    assert label_kolom(Indikator, "penanggung_jawab_id") == "Penanggung jawab"
    assert label_kolom(Indikator, "target pk_murni 2026", {"pk_murni": "PK murni"}) == (
        "Target PK murni 2026"
    )


def _realisasi(indikator, operator):
    return services.realisasi_simpan(
        indikator=indikator,
        tahun=TAHUN_UJI,
        triwulan=1,
        data={"pembilang": Decimal(80), "penyebut": Decimal(100)},
        versi=0,
        user=operator,
    )


def test_values_in_indonesian_format(paser, indikator_a, operator, jendela_terbuka):
    r = _realisasi(indikator_a, operator)
    AuditLog.objects.all().delete()
    waktu = datetime.datetime(2026, 12, 3, 7, 5, tzinfo=datetime.UTC)
    catatan = audit.catat(
        pengguna=operator,
        aksi="realisasi.ubah",
        objek=r,
        perangkat_daerah=paser,
        perubahan={
            "nilai": ["61.7250", "1.5000"],
            "pembilang": ["7489", None],
            "status": ["draft", "diajukan"],
            "faktor_pendorong": ["", "Sosialisasi"],
            "versi": [1, 2],
        },
    )
    AuditLog.objects.filter(pk=catatan.pk).update(waktu=waktu)
    [e] = entri_riwayat(AuditLog.objects.select_related("pengguna"), Realisasi)
    assert e.kalimat == f"Realisasi diubah oleh {operator.get_full_name()}"
    assert e.waktu == "3 Desember 2026 14.05 WIB"
    assert [(p.label, p.lama, p.baru) for p in e.perubahan] == [
        # In the model's field order, on SQLite and PostgreSQL alike.
        ("Nilai", "61,725", "1,5"),
        ("Pembilang", "7.489", "—"),
        ("Faktor pendorong", "—", "Sosialisasi"),
        ("Status", "Draft", "Diajukan"),
    ]


def test_foreign_keys_show_names_not_ids(paser, indikator_a, perencana):
    unit_lama, unit_baru = UnitKerja.objects.filter(perangkat_daerah=paser)[:2]
    audit.catat(
        pengguna=None,
        aksi="indikator.ubah",
        objek=indikator_a,
        perangkat_daerah=paser,
        perubahan={"penanggung_jawab_id": [unit_lama.pk, unit_baru.pk]},
    )
    [e] = entri_riwayat(
        AuditLog.objects.filter(aksi="indikator.ubah").select_related("pengguna"), Indikator
    )
    assert e.kalimat == "Indikator diubah oleh sistem"
    assert e.perubahan[0].lama == str(unit_lama) and e.perubahan[0].baru == str(unit_baru)


def test_history_page_text_is_indonesian_and_query_count_constant(
    client, paser, indikator_a, operator, kepala, jendela_terbuka, django_assert_num_queries
):
    r = _realisasi(indikator_a, operator)
    url = reverse("kinerja:realisasi_riwayat", kwargs={"pd": paser.slug, "pk": r.pk})
    client.force_login(kepala)
    client.get(url)  # warm the content-type cache
    # session, user, memberships, PD, realisasi, audit entries, plus the layout's own
    # queries: measured once and pinned for ten times as many entries.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as sekali:
        client.get(url)
    n_sekali = len(sekali)  # read now: each request resets the connection's query log
    for n in range(10):
        services.realisasi_simpan(
            indikator=indikator_a,
            tahun=TAHUN_UJI,
            triwulan=1,
            data={"pembilang": Decimal(81 + n), "penyebut": Decimal(100)},
            versi=r.versi + n,
            user=operator,
        )
    with django_assert_num_queries(n_sekali):
        teks = client.get(url).content.decode()
    assert teks.count("Realisasi diubah oleh") == 10
    assert "Nilai" in teks and "90" in teks and "90.0000" not in teks
    assert "realisasi.ubah" not in teks and "2026-" not in teks


def test_a_year_is_printed_as_a_year_not_a_quantity():
    from anggaran.models import AnggaranPerangkatDaerah, Pagu
    from common.riwayat import teks_nilai

    tahun = AnggaranPerangkatDaerah._meta.get_field("tahun")
    assert teks_nilai(tahun, 2023, {}) == "2023"
    # A quantity of the same type keeps its thousands separator.
    murni = Pagu._meta.get_field("murni")
    assert teks_nilai(murni, "2023", {}) == "2.023"
