"""The Pemda-wide overview for the Inspektorat and Bappeda, and the XLSX exports."""

import io
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from lke import services
from lke.models import Tahap
from tests.lke.conftest import TAHUN, isi_semua


def _final(evaluasi, pd_user, ketua):
    isi_semua(evaluasi, pd_user, Tahap.MANDIRI)
    services.evaluasi_ajukan(evaluasi=evaluasi, user=pd_user)
    isi_semua(
        evaluasi, ketua, Tahap.KETUA, kecuali={"B.1.1": "T", "B.1.2": "T", "B.1.3": "T"}, alasan="x"
    )
    return services.evaluasi_finalkan(evaluasi=evaluasi, user=ketua)


def test_ikhtisar_nilai_komponen_dan_status(client, evaluasi, perencana, inspektorat, paser):
    from common.models import Keanggotaan, Peran
    from tests.factories import PerangkatDaerahFactory

    # Another PD of the same Pemda evaluated by the same Inspektorat user (listed, no
    # evaluation yet) and one it does not read (not listed).
    dinas = PerangkatDaerahFactory(pemda=paser.pemda, nama="Dinas Uji", slug="dinas-uji")
    Keanggotaan.objects.create(
        pengguna=inspektorat, perangkat_daerah=dinas, peran=Peran.INSPEKTORAT
    )
    PerangkatDaerahFactory(pemda=paser.pemda, nama="Dinas Lain", slug="dinas-lain")
    _final(evaluasi, perencana, inspektorat)
    client.force_login(inspektorat)
    url = reverse("lke:ikhtisar", kwargs={"pd": "kesbangpol-paser", "tahun": TAHUN})
    r = client.get(url + "?urut=nilai")
    baris = r.context["baris"]
    assert [b.pd.slug for b in baris] == ["kesbangpol-paser", "dinas-uji"]
    paser = baris[0]
    assert paser.nilai == Decimal("94.00") and paser.predikat == "AA"
    assert paser.komponen["B"] == Decimal(24)
    assert paser.status_lkjip == "draft"
    assert baris[1].nilai is None and baris[1].predikat == ""

    x = client.get(reverse("lke:ikhtisar_xlsx", kwargs={"pd": "kesbangpol-paser", "tahun": TAHUN}))
    ws = load_workbook(io.BytesIO(x.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[2][0] == "Perangkat daerah"
    assert rows[3][:4] == (paser.pd.nama, "94,00", "AA", "30,00")


def test_ikhtisar_bukan_untuk_operator(client, evaluasi, operator):
    client.force_login(operator)
    url = reverse("lke:ikhtisar", kwargs={"pd": "kesbangpol-paser", "tahun": TAHUN})
    assert client.get(url).status_code == 403


def test_xlsx_lembar_dari_jejak(client, evaluasi, perencana, inspektorat):
    _final(evaluasi, perencana, inspektorat)
    client.force_login(perencana)
    x = client.get(reverse("lke:lembar_xlsx", kwargs={"pd": "kesbangpol-paser", "tahun": TAHUN}))
    rows = list(load_workbook(io.BytesIO(x.content)).active.iter_rows(values_only=True))
    sub_b1 = next(r for r in rows if r[0] == "B.1")
    assert "n = 3; rata-rata = 0,0000; bobot = 6,000" in sub_b1[2] and sub_b1[7] == "0,0000"
    kriteria = next(r for r in rows if r[0] == "B.1.1")
    assert kriteria[3:8] == ("Y (1,00)", None, "T (0,00)", "T (0,00)", "0,00")
    assert rows[-2][7] == "94,00 / AA"
