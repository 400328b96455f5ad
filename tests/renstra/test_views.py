"""Plan maintenance screens: indicator attributes and targets per year and quarter."""

from decimal import Decimal

import pytest
from django.urls import reverse

from common.models import AuditLog
from renstra.forms import KOLOM_INDIKATOR, PESAN_RENTANG_TERBALIK
from renstra.models import Indikator, Target, TargetTriwulan, UnitKerja
from tests.conftest import TAHUN_UJI

pytestmark = pytest.mark.django_db


def url_target(pd, ind, tahun=TAHUN_UJI):
    return reverse("renstra:target_ubah", kwargs={"pd": pd.slug, "pk": ind.pk, "tahun": tahun})


def test_targets_saved_changed_and_deleted_with_audit(client, paser, indikator_a, perencana):
    client.force_login(perencana)
    respon = client.post(
        url_target(paser, indikator_a),
        {
            "renstra": "100",
            "renja": "95",
            "pk_murni": "90,5",
            "tw1": "25",
            "tw2": "50",
            "tw3": "75",
            "tw4": "100",
        },
    )
    assert respon.status_code == 302
    nilai = dict(
        Target.objects.filter(indikator=indikator_a, tahun=TAHUN_UJI).values_list("jenis", "nilai")
    )
    assert nilai == {"renstra": Decimal(100), "renja": Decimal(95), "pk_murni": Decimal("90.5")}
    tw = list(
        TargetTriwulan.objects.filter(indikator=indikator_a, tahun=TAHUN_UJI).values_list(
            "nilai", flat=True
        )
    )
    assert tw == [Decimal(25), Decimal(50), Decimal(75), Decimal(100)]
    log = AuditLog.objects.filter(aksi__startswith="target.", objek=str(indikator_a))
    assert (
        log.filter(aksi="target.buat").count() == 6
    )  # renja, pk_murni, tw1–tw4 (renstra unchanged)
    ubah = AuditLog.objects.get(
        aksi="target.buat", perubahan__has_key=f"target pk_murni {TAHUN_UJI}"
    )
    assert ubah.perubahan == {f"target pk_murni {TAHUN_UJI}": [None, "90,50"]}
    # Clearing a field deletes that target, logged.
    client.post(url_target(paser, indikator_a), {"renstra": "100", "renja": "95", "tw1": "25"})
    assert not Target.objects.filter(
        indikator=indikator_a, tahun=TAHUN_UJI, jenis="pk_murni"
    ).exists()
    assert AuditLog.objects.filter(aksi="target.hapus").count() == 4
    # The indicator's history page shows the target changes.
    teks = client.get(
        reverse("renstra:indikator_riwayat", kwargs={"pd": paser.slug, "pk": indikator_a.pk})
    ).content.decode()
    assert "Target dihapus oleh" in teks and f"Target PK murni {TAHUN_UJI}" in teks
    assert "90,5" in teks and "target.hapus" not in teks and "pk_murni" not in teks


@pytest.mark.parametrize(
    ("teks", "galat"),
    [
        ("-5", "Nilai tidak boleh negatif."),
        ("abc", "Isian harus berupa angka, misalnya 1.234,56."),
        ("100000000000000000000", "Angka terlalu besar: paling banyak 16 digit sebelum koma."),
    ],
)
def test_bad_target_input(client, paser, indikator_a, perencana, teks, galat):
    client.force_login(perencana)
    respon = client.post(url_target(paser, indikator_a), {"renja": teks})
    assert respon.status_code == 200 and galat in respon.content.decode()


def test_predikat_and_range_targets(client, paser, perencana):
    predikat = Indikator.objects.get(perangkat_daerah=paser, kode="S1.I1")  # SAKIP score: predikat
    client.force_login(perencana)
    client.post(url_target(paser, predikat), {"pk_murni": "bb"})
    assert (
        Target.objects.get(indikator=predikat, tahun=TAHUN_UJI, jenis="pk_murni").predikat == "BB"
    )
    rentang = Indikator.objects.get(perangkat_daerah=paser, kode="S4.I1")
    Indikator.objects.filter(pk=rentang.pk).update(jenis_nilai="rentang")
    client.post(url_target(paser, rentang), {"pk_murni": "80–90"})
    t = Target.objects.get(indikator=rentang, tahun=TAHUN_UJI, jenis="pk_murni")
    assert (t.batas_bawah, t.batas_atas) == (Decimal(80), Decimal(90))
    respon = client.post(url_target(paser, rentang), {"pk_murni": "90 s.d. 80"})
    assert PESAN_RENTANG_TERBALIK in respon.content.decode()


def test_indicator_attributes_saved_and_audited(client, paser, indikator_a, perencana):
    client.force_login(perencana)
    unit_b = UnitKerja.objects.get(perangkat_daerah=paser, kode="bidang-poldagri")
    data = {k: getattr(indikator_a, k) for k in KOLOM_INDIKATOR if k != "penanggung_jawab"}
    data = {k: v for k, v in data.items() if not isinstance(v, bool)}
    data.update(satuan="persen", cara_agregasi="kumulatif", penanggung_jawab=unit_b.pk, iku="on")
    respon = client.post(
        reverse("renstra:indikator_ubah", kwargs={"pd": paser.slug, "pk": indikator_a.pk}), data
    )
    assert respon.status_code == 302
    indikator_a.refresh_from_db()
    assert (
        indikator_a.cara_agregasi == "kumulatif"
        and indikator_a.penanggung_jawab == unit_b
        and indikator_a.iku
    )
    log = AuditLog.objects.get(aksi="indikator.ubah")
    assert log.perubahan["cara_agregasi"] == ["posisi_akhir", "kumulatif"]
    assert log.perubahan["satuan"] == ["%", "persen"]


def test_unit_of_another_pd_is_not_a_choice(client, paser, balangan, indikator_a, perencana):
    client.force_login(perencana)
    lain = UnitKerja.objects.filter(perangkat_daerah=balangan).first()
    data = {k: getattr(indikator_a, k) for k in KOLOM_INDIKATOR if k != "penanggung_jawab"}
    data = {k: v for k, v in data.items() if not isinstance(v, bool)}
    data["penanggung_jawab"] = lain.pk
    respon = client.post(
        reverse("renstra:indikator_ubah", kwargs={"pd": paser.slug, "pk": indikator_a.pk}), data
    )
    assert respon.status_code == 200 and "invalid-feedback" in respon.content.decode()


def test_list_shows_targets_of_the_year(client, paser, bappeda):
    client.force_login(bappeda)
    teks = client.get(
        reverse("renstra:indikator_daftar", kwargs={"pd": paser.slug}), {"tahun": 2024}
    ).content.decode()
    assert "S1.I1" in teks and "BB" in teks  # PK murni 2024 of the SAKIP indicator
    assert "Atribut" not in teks  # read-only for Bappeda
