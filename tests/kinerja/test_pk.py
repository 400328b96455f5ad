"""Perjanjian Kinerja services and selectors (kinerja/pk/) on the Paser demo.

The Paser dataset holds its plan (Renja targets, pagu) for 2023, so drafting is tested for
2023; its 13 imported PKs are for 2024 (status draft). Expected values are read from the
dataset file itself, independently of the loader and of the code under test.
"""

import hashlib
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from common.formatting import format_nip
from common.models import AuditLog, Keanggotaan, Peran
from kinerja import pk as L
from kinerja.models import (
    AlasanPerubahanPK,
    PerjanjianKinerja,
    PKIndikator,
    StatusPK,
    VersiPK,
)
from renstra.models import Indikator, Pejabat, StatusJabatan, Target
from tests.factories import (
    IndikatorFactory,
    PaguFactory,
    PejabatFactory,
    SasaranFactory,
    TargetFactory,
)

# Drafting and in-app signing are tested on the demo PKs in their unsigned state.
pytestmark = pytest.mark.usefixtures("pk_demo_draf")

DATASET = Path(__file__).resolve().parents[2] / "fixtures" / "demo" / "kesbangpol-paser.json"
SANDI = "sandi-rahasia-123"

NIP_KEPALA = "197106071997031007"  # NONDING, eselon II
NIP_SEKRETARIS = "196812241990022001"  # Hj. HATIMAH, eselon III, sekretariat
NIP_KASUBAG = "196901111993082005"  # HANIK YANUATI, eselon IV, sekretariat
NIP_JF_PERENCANA = "197607121996032004"  # Hj. HAINUN, JF, sekretariat
NIP_KABID_IDEOLOGI = "197809292008042001"  # DIAH MUSTIKA SARI, eselon III
NIP_JF_IDEOLOGI = "198601032010011015"  # HARDIANSYAH, JF, bidang-ideologi


# --- The dataset, read independently ------------------------------------------------------------


@pytest.fixture(scope="module")
def data():
    return json.loads(DATASET.read_text(encoding="utf-8"))


def _simpul(data):
    """(tingkat, node, program, kegiatan) for every node of the program tree."""
    for p in data["program"]:
        yield "program", p, p, None
        for k in p.get("kegiatan", []):
            yield "kegiatan", k, p, k
            for s in k.get("sub_kegiatan", []):
                yield "sub_kegiatan", s, p, k


def _unit(node, program, kegiatan):
    return node.get("unit") or (kegiatan or {}).get("unit") or program.get("unit")


def _target_rencana(ind, tahun=2023):
    t = ind["target"]
    return t["renja"].get(str(tahun)) or t["renstra"].get(str(tahun))


def _pagu(node, tahun=2023):
    """Pagu berlaku of a node: perubahan else murni, summed over sub-kegiatan."""
    total, ada = Decimal(0), False
    for s in [node] if "sub_kegiatan" not in node and "kegiatan" not in node else []:
        pagu = s.get("pagu", {}).get(str(tahun))
        if pagu and (pagu.get("perubahan") or pagu.get("murni")):
            total += Decimal(pagu.get("perubahan") or pagu["murni"])
            ada = True
    for k in node.get("kegiatan", []):
        nilai = _pagu(k, tahun)
        if nilai is not None:
            total, ada = total + nilai, True
    for s in node.get("sub_kegiatan", []):
        nilai = _pagu(s, tahun)
        if nilai is not None:
            total, ada = total + nilai, True
    return total if ada else None


# --- Fixtures ----------------------------------------------------------------------------------


def _pengguna(username, *, superuser=False):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@contoh.go.id", SANDI)
    return User.objects.create_user(username, f"{username}@contoh.go.id", SANDI)


@pytest.fixture
def perencana(paser):
    u = _pengguna("perencana-pk")
    Keanggotaan.objects.create(pengguna=u, perangkat_daerah=paser, peran=Peran.PERENCANA)
    return u


@pytest.fixture
def kepala(paser):
    u = _pengguna("kepala-pk")
    Keanggotaan.objects.create(pengguna=u, perangkat_daerah=paser, peran=Peran.KEPALA)
    return u


def _verifikator(paser, kode_unit, username):
    u = _pengguna(username)
    Keanggotaan.objects.create(
        pengguna=u,
        perangkat_daerah=paser,
        unit_kerja=paser.unit_kerja.get(kode=kode_unit),
        peran=Peran.VERIFIKATOR,
    )
    return u


@pytest.fixture
def verifikator_sekretariat(paser):
    return _verifikator(paser, "sekretariat", "verif-sekretariat")


@pytest.fixture
def verifikator_ideologi(paser):
    return _verifikator(paser, "bidang-ideologi", "verif-ideologi")


def pejabat(nip):
    return Pejabat.objects.get(nip=nip)


def draf(paser, perencana, nip, tahun=2023):
    return L.pk_susun_draf(pd=paser, tahun=tahun, pejabat=pejabat(nip), user=perencana)


def pk_kepala_2024(paser):
    return PerjanjianKinerja.objects.get(
        perangkat_daerah=paser, tahun=2024, pihak_pertama__nip=NIP_KEPALA
    )


def png_kecil() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 30), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def tandatangani_penuh(pk, kepala, verifikator=None):
    """Sign a PK of the head (Bupati on paper) or of an eselon III (head signs in the app)."""
    pihak_pertama = kepala if pk.pihak_pertama.eselon == "II" else verifikator
    L.pk_tandatangani_pihak_pertama(pk=pk, user=pihak_pertama, kata_sandi=SANDI)
    if pk.pihak_kedua_id is None:
        berkas = SimpleUploadedFile("ttd.png", png_kecil(), content_type="image/png")
        return L.pk_unggah_pindaian(
            pk=pk, berkas=berkas, user=kepala, kata_sandi=SANDI, konfirmasi=True
        )
    return L.pk_tandatangani_pihak_kedua(pk=pk, user=kepala, kata_sandi=SANDI)


def kode_baris(pk):
    return [b.indikator.kode for b in pk.indikator.select_related("indikator").order_by("urutan")]


# --- Drafting from the plan --------------------------------------------------------------------


def test_draft_eselon_ii_takes_iku_with_renja_targets_and_program_pagu(paser, perencana, data):
    pk = draf(paser, perencana, NIP_KEPALA)

    iku = [i for s in data["sasaran"] for i in s["indikator"] if i.get("iku")]
    assert kode_baris(pk) == [i["kode"] for i in iku]
    for baris, ind in zip(pk.indikator.order_by("urutan"), iku, strict=True):
        assert baris.nilai == Decimal(_target_rencana(ind))
        assert baris.sasaran_uraian == next(
            s["uraian"] for s in data["sasaran"] if ind in s["indikator"]
        )
    # S1.I1 (SAKIP, a predikat indicator) has a Renja 2023 target of 73: Renja wins over
    # the Renstra letter "B".
    assert pk.indikator.get(indikator__kode="S1.I1").nilai == Decimal("73")

    anggaran = list(pk.anggaran.order_by("urutan"))
    assert [a.kode for a in anggaran] == [p["kode"] for p in data["program"]]
    assert [a.jumlah for a in anggaran] == [_pagu(p) for p in data["program"]]
    assert {a.tingkat for a in anggaran} == {"program"}
    assert anggaran[1].jumlah == Decimal("1980439500")  # 176.239.500 + 1.804.200.000

    assert pk.pihak_pertama.nip == NIP_KEPALA
    assert pk.pihak_kedua is None
    assert (pk.pihak_kedua_nama, pk.pihak_kedua_jabatan) == ("dr. FAHMI FADLI", "Bupati Paser")
    assert (pk.tempat, pk.status, pk.versi, pk.nomor_versi) == ("Tana Paser", "draft", "murni", 1)
    assert pk.tanggal.isoformat() == "2023-01-01" and pk.tanggal_hanya_bulan
    assert AuditLog.objects.filter(aksi="pk.susun", object_id=str(pk.pk)).exists()


def test_draft_eselon_iii_takes_unit_programs_and_kegiatan(paser, perencana, data):
    pk = draf(paser, perencana, NIP_SEKRETARIS)

    harapan_indikator, harapan_anggaran = [], []
    program = [n for n in _simpul(data) if n[0] == "program" and _unit(*n[1:]) == "sekretariat"]
    for _, p, _, _ in program:
        harapan_indikator += [i["kode"] for i in p["indikator"] if _target_rencana(i)]
    for tingkat, node, p, k in _simpul(data):
        if tingkat == "kegiatan" and _unit(node, p, k) == "sekretariat":
            harapan_indikator += [i["kode"] for i in node["indikator"] if _target_rencana(i)]
            if _pagu(node) is not None:
                harapan_anggaran.append((node["kode"], _pagu(node)))
    assert kode_baris(pk) == harapan_indikator
    assert kode_baris(pk)[:2] == ["8.01.01.I1", "8.01.01.2.01.I1"]
    # 2024-only indicators (no Renja/Renstra target in 2023) are left out.
    assert "8.01.01.2.01.I2" not in kode_baris(pk)
    assert [(a.kode, a.jumlah) for a in pk.anggaran.order_by("urutan")] == harapan_anggaran
    assert pk.anggaran.get(kode="8.01.01.2.01").jumlah == Decimal("44300000")
    assert {a.tingkat for a in pk.anggaran.all()} == {"kegiatan"}
    assert pk.pihak_kedua.nip == NIP_KEPALA
    assert pk.pihak_kedua_nama == pejabat(NIP_KEPALA).nama
    assert pk.pihak_kedua_nip == NIP_KEPALA


def test_draft_eselon_iii_of_a_bidang(paser, perencana):
    pk = draf(paser, perencana, NIP_KABID_IDEOLOGI)
    assert kode_baris(pk) == ["8.01.02.I1", "8.01.05.I1", "8.01.02.2.01.I1", "8.01.05.2.01.I1"]
    assert [b.nilai for b in pk.indikator.order_by("urutan")] == [100, 100, 75, 100]
    assert [(a.kode, a.jumlah) for a in pk.anggaran.order_by("urutan")] == [
        ("8.01.02.2.01", Decimal("1980439500")),
        ("8.01.05.2.01", Decimal("963320800")),
    ]


@pytest.mark.parametrize("nip", [NIP_KASUBAG, NIP_JF_PERENCANA])
def test_draft_eselon_iv_and_jf_take_sub_kegiatan_of_their_unit(paser, perencana, data, nip):
    pk = draf(paser, perencana, nip)
    harapan = [
        (node, _pagu(node))
        for tingkat, node, p, k in _simpul(data)
        if tingkat == "sub_kegiatan" and _unit(node, p, k) == "sekretariat"
    ]
    assert kode_baris(pk) == [
        i["kode"] for node, _ in harapan for i in node["indikator"] if _target_rencana(i)
    ]
    assert [(a.kode, a.jumlah) for a in pk.anggaran.order_by("urutan")] == [
        (node["kode"], pagu) for node, pagu in harapan if pagu is not None
    ]
    assert {a.tingkat for a in pk.anggaran.all()} == {"sub_kegiatan"}
    # Pihak kedua: the eselon III of their unit (the Sekretaris).
    assert pk.pihak_kedua.nip == NIP_SEKRETARIS


def test_draft_jf_of_a_bidang(paser, perencana):
    pk = draf(paser, perencana, NIP_JF_IDEOLOGI)
    assert pk.pihak_kedua.nip == NIP_KABID_IDEOLOGI
    assert kode_baris(pk) == [
        "8.01.02.2.01.02.I1",
        "8.01.02.2.01.04.I1",
        "8.01.05.2.01.01.I1",
        "8.01.05.2.01.04.I1",
        "8.01.05.2.01.05.I1",
    ]
    assert sum(a.jumlah for a in pk.anggaran.all()) == Decimal("2943760300")


def test_draft_takes_renstra_target_when_renja_is_empty(perencana):
    sasaran = SasaranFactory()
    pd = sasaran.renstra.perangkat_daerah
    pd.pemda.kepala_daerah_nama, pd.pemda.kepala_daerah_jabatan = "Bupati Uji", "Bupati Uji"
    pd.pemda.save()
    ind = IndikatorFactory(sasaran=sasaran, iku=True)
    TargetFactory(indikator=ind, tahun=2024, jenis="renstra", nilai=Decimal("7.8"))
    TargetFactory(indikator=ind, tahun=2024, jenis="renja", nilai=None)
    kepala_pd = PejabatFactory(perangkat_daerah=pd, eselon="II")
    pk = L.pk_susun_draf(pd=pd, tahun=2024, pejabat=kepala_pd, user=perencana)
    assert pk.indikator.get().nilai == Decimal("7.8")
    assert pk.pihak_kedua_nama == "Bupati Uji"


def test_pagu_rolls_up_from_the_lowest_level(paser):
    renstra = L.renstra_tahun(paser, 2023)
    pagu = L.pagu_berlaku(renstra, 2023)
    program = renstra.program.get(kode="8.01.02")
    assert pagu[("program", program.pk)] == Decimal("1980439500")
    # A kegiatan with a pagu of its own but no sub-kegiatan pagu keeps its own.
    kegiatan = program.kegiatan.get()
    sub = kegiatan.sub_kegiatan.first()
    PaguFactory(
        kegiatan=kegiatan, sub_kegiatan=None, tahun=2030, murni=Decimal("5"), perubahan=None
    )
    assert L.pagu_berlaku(renstra, 2030)[("kegiatan", kegiatan.pk)] == Decimal("5")
    PaguFactory(sub_kegiatan=sub, tahun=2030, murni=Decimal("3"), perubahan=Decimal("4"))
    hasil = L.pagu_berlaku(renstra, 2030)
    assert hasil[("kegiatan", kegiatan.pk)] == Decimal("4")  # perubahan wins, children win
    assert hasil[("program", program.pk)] == Decimal("4")


def test_draft_refusals(paser, balangan, perencana):
    with pytest.raises(ValidationError) as e:
        L.pk_susun_draf(pd=balangan, tahun=2023, pejabat=pejabat(NIP_KEPALA), user=perencana)
    assert e.value.messages == [L.PESAN_PEJABAT_LAIN_PD]

    tanpa_eselon = PejabatFactory(perangkat_daerah=paser, eselon="lain")
    with pytest.raises(ValidationError) as e:
        L.pk_susun_draf(pd=paser, tahun=2023, pejabat=tanpa_eselon, user=perencana)
    assert e.value.messages == [L.PESAN_ESELON_TIDAK_DIDUKUNG]

    with pytest.raises(ValidationError) as e:
        L.pk_susun_draf(pd=paser, tahun=2024, pejabat=pejabat(NIP_KEPALA), user=perencana)
    assert e.value.messages == [L.PESAN_PK_SUDAH_ADA.format(tahun=2024)]

    with pytest.raises(ValidationError) as e:
        L.pk_susun_draf(pd=paser, tahun=2040, pejabat=pejabat(NIP_KEPALA), user=perencana)
    assert e.value.messages == [L.PESAN_RENSTRA_TIDAK_ADA.format(tahun=2040)]


# --- Adjusting a draft -------------------------------------------------------------------------


def test_target_different_from_renja_needs_a_reason(paser, perencana):
    pk = draf(paser, perencana, NIP_KEPALA)
    baris = pk.indikator.get(indikator__kode="S2.I1")
    with pytest.raises(ValidationError) as e:
        L.pk_ubah_indikator(baris=baris, data={"nilai": Decimal("95")}, user=perencana)
    assert e.value.message_dict["alasan_selisih"] == [
        L.PESAN_ALASAN_SELISIH.format(sumber="Renja", target="100%")
    ]
    baris.refresh_from_db()
    assert baris.nilai == 100

    L.pk_ubah_indikator(
        baris=baris,
        data={"nilai": Decimal("95"), "alasan_selisih": "Anggaran sosialisasi dipotong."},
        user=perencana,
    )
    baris.refresh_from_db()
    assert baris.nilai == 95
    isi = {b.id: b for b in L.isi_pk(pk).indikator}[baris.pk]
    assert (isi.selisih, isi.rencana, isi.sumber_rencana, isi.target) == (
        True,
        "100%",
        "Renja",
        "95%",
    )
    entri = AuditLog.objects.filter(aksi="pk.indikator.ubah", object_id=str(baris.pk)).get()
    assert entri.perubahan["nilai"] == ["100", "95"]


def test_signing_refuses_a_difference_without_reason(paser, perencana, kepala):
    pk = draf(paser, perencana, NIP_KEPALA)
    # A difference that bypassed the service (e.g. the Renja changed after drafting).
    Target.objects.filter(indikator__kode="S3.I1", tahun=2023, jenis="renja").update(nilai=85)
    with pytest.raises(ValidationError) as e:
        L.pk_tandatangani_pihak_pertama(pk=pk, user=kepala, kata_sandi=SANDI)
    uraian = pk.indikator.get(indikator__kode="S3.I1").uraian
    assert e.value.messages == [L.PESAN_ALASAN_SELISIH_BELUM_LENGKAP.format(daftar=uraian)]


def test_add_and_remove_rows_of_a_draft(paser, perencana):
    pk = draf(paser, perencana, NIP_KABID_IDEOLOGI)
    ind = Indikator.objects.get(perangkat_daerah=paser, kode="8.01.02.2.01.02.I1")
    baris = L.pk_tambah_indikator(pk=pk, indikator=ind, user=perencana)
    assert baris.nilai == 5 and baris.urutan == 5
    with pytest.raises(ValidationError) as e:
        L.pk_tambah_indikator(pk=pk, indikator=ind, user=perencana)
    assert e.value.messages == [L.PESAN_INDIKATOR_SUDAH_ADA]
    L.pk_hapus_indikator(baris=baris, user=perencana)
    L.pk_hapus_anggaran(baris=pk.anggaran.first(), user=perencana)
    assert (pk.indikator.count(), pk.anggaran.count()) == (4, 1)


def test_change_header_takes_the_new_pihak_kedua_from_the_pejabat(paser, perencana):
    pk = draf(paser, perencana, NIP_JF_IDEOLOGI)
    baru = pejabat(NIP_KEPALA)
    pk = L.pk_ubah_kepala(
        pk=pk, data={"pihak_kedua": baru, "tempat": "Tanah Grogot"}, user=perencana
    )
    assert (pk.pihak_kedua_nama, pk.pihak_kedua_nip, pk.tempat) == (
        baru.nama,
        NIP_KEPALA,
        "Tanah Grogot",
    )
    with pytest.raises(ValidationError):
        L.pk_ubah_kepala(pk=pk, data={"status": "ditandatangani"}, user=perencana)


# --- Cascading ---------------------------------------------------------------------------------


def test_rows_link_to_the_higher_indicator_from_the_plan(paser, perencana):
    kepala_pk = draf(paser, perencana, NIP_KEPALA)
    sekretaris = draf(paser, perencana, NIP_SEKRETARIS)
    kasubag = draf(paser, perencana, NIP_KASUBAG)

    def atasan(pk, kode):
        b = pk.indikator.select_related("indikator_atasan__indikator").get(indikator__kode=kode)
        a = b.indikator_atasan
        return (a.perjanjian_id, a.indikator.kode) if a else None

    # program → the sasaran of the program, in the head's PK
    assert atasan(sekretaris, "8.01.01.I1") == (kepala_pk.pk, "S1.I1")
    # kegiatan → program, in the same PK
    assert atasan(sekretaris, "8.01.01.2.06.I1") == (sekretaris.pk, "8.01.01.I1")
    # sub-kegiatan → kegiatan, in the pihak kedua's PK
    assert atasan(kasubag, "8.01.01.2.06.01.I1") == (sekretaris.pk, "8.01.01.2.06.I1")
    assert atasan(kepala_pk, "S1.I1") is None


def test_lower_drafts_get_linked_when_the_higher_pk_is_drafted_later(paser, perencana):
    hardiansyah = draf(paser, perencana, NIP_JF_IDEOLOGI)
    assert not hardiansyah.indikator.exclude(indikator_atasan=None).exists()
    kabid = draf(paser, perencana, NIP_KABID_IDEOLOGI)
    assert set(hardiansyah.indikator.values_list("indikator_atasan__perjanjian", flat=True)) == {
        kabid.pk
    }


def test_link_refuses_cycles_and_other_years(paser, perencana):
    kabid = draf(paser, perencana, NIP_KABID_IDEOLOGI)
    program = kabid.indikator.get(indikator__kode="8.01.02.I1")
    kegiatan = kabid.indikator.get(indikator__kode="8.01.02.2.01.I1")
    with pytest.raises(ValidationError) as e:
        L.pk_tautkan(baris=program, atasan=kegiatan, user=perencana)
    assert e.value.messages == [L.PESAN_ATASAN_SIKLUS]
    lain = pk_kepala_2024(paser).indikator.first()
    with pytest.raises(ValidationError) as e:
        L.pk_tautkan(baris=program, atasan=lain, user=perencana)
    assert e.value.messages == [L.PESAN_ATASAN_LAIN_TAHUN]
    L.pk_tautkan(baris=kegiatan, atasan=None, user=perencana)
    kegiatan.refresh_from_db()
    assert kegiatan.indikator_atasan is None


def test_pohon_kinerja_from_sasaran_to_sub_kegiatan_with_capaian(paser, perencana):
    draf(paser, perencana, NIP_KEPALA)
    draf(paser, perencana, NIP_KABID_IDEOLOGI)
    hardiansyah = draf(paser, perencana, NIP_JF_IDEOLOGI)

    pohon = L.pohon_kinerja(pd=paser, tahun=2023)
    assert len(pohon.sasaran) == 6
    sasaran2 = pohon.sasaran[1]
    (iku,) = sasaran2.simpul
    assert (iku.tingkat, iku.target, iku.realisasi, iku.capaian_teks) == (
        "Sasaran",
        "100%",
        "100%",
        "100,00%",
    )
    assert (iku.kategori, iku.warna) == ("Sangat Tinggi", "#006400")
    (program,) = iku.anak
    (kegiatan,) = program.anak
    assert [s.tingkat for s in (program, kegiatan)] == ["Program", "Kegiatan"]
    assert [s.uraian for s in kegiatan.anak] == [
        b.uraian for b in hardiansyah.indikator.order_by("urutan")[:2]
    ]
    # SAKIP: target 73, realisasi 65,22 → 89,34% "Tinggi" (seed 002).
    sakip = pohon.sasaran[0].simpul[0]
    assert (sakip.capaian_teks, sakip.kategori) == ("89,34%", "Tinggi")
    assert pohon.tanpa_tautan == ()

    lepas = hardiansyah.indikator.order_by("urutan").first()
    L.pk_tautkan(baris=lepas, atasan=None, user=perencana)
    pohon = L.pohon_kinerja(pd=paser, tahun=2023)
    assert [s.baris_id for s in pohon.tanpa_tautan] == [lepas.pk]


# --- Sign-off ----------------------------------------------------------------------------------


def test_head_signs_and_uploads_the_bupati_scan(paser, kepala, perencana):
    pk = pk_kepala_2024(paser)
    with pytest.raises(ValidationError) as e:
        L.pk_tandatangani_pihak_pertama(pk=pk, user=kepala, kata_sandi="salah")
    assert e.value.messages == [L.PESAN_KATA_SANDI_SALAH]
    with pytest.raises(PermissionDenied):
        L.pk_tandatangani_pihak_pertama(pk=pk, user=perencana, kata_sandi=SANDI)

    pk = L.pk_tandatangani_pihak_pertama(pk=pk, user=kepala, kata_sandi=SANDI)
    assert pk.status == StatusPK.DITANDATANGANI_PIHAK_PERTAMA
    assert pk.ditandatangani_pihak_pertama_pada is not None

    with pytest.raises(ValidationError) as e:
        L.pk_tandatangani_pihak_kedua(pk=pk, user=kepala, kata_sandi=SANDI)
    assert e.value.messages == [L.PESAN_PIHAK_KEDUA_KERTAS]

    palsu = SimpleUploadedFile("ttd.pdf", b"bukan pdf sama sekali", content_type="application/pdf")
    with pytest.raises(ValidationError) as e:
        L.pk_unggah_pindaian(pk=pk, berkas=palsu, user=kepala, kata_sandi=SANDI, konfirmasi=True)
    assert e.value.messages == [L.PESAN_PINDAIAN_JENIS]
    png_sebagai_pdf = SimpleUploadedFile("ttd.pdf", png_kecil(), content_type="application/pdf")
    with pytest.raises(ValidationError):
        L.pk_unggah_pindaian(
            pk=pk, berkas=png_sebagai_pdf, user=kepala, kata_sandi=SANDI, konfirmasi=True
        )
    berkas = SimpleUploadedFile("ttd.png", png_kecil(), content_type="image/png")
    with pytest.raises(PermissionDenied):
        L.pk_unggah_pindaian(
            pk=pk, berkas=berkas, user=perencana, kata_sandi=SANDI, konfirmasi=True
        )

    pk = L.pk_unggah_pindaian(pk=pk, berkas=berkas, user=kepala, kata_sandi=SANDI, konfirmasi=True)
    assert pk.status == StatusPK.DITANDATANGANI
    assert pk.sidik_jari == L.hitung_sidik_jari(pk)
    assert len(pk.sidik_jari) == 64
    assert pk.pindaian_bertanda_tangan.name.endswith(".png")
    tercatat = AuditLog.objects.get(aksi="pk.ditandatangani", object_id=str(pk.pk))
    assert hashlib.sha256(tercatat.keterangan.encode()).hexdigest() == pk.sidik_jari


def test_scan_accepts_a_real_pdf(paser, kepala):
    from weasyprint import HTML

    pk = L.pk_tandatangani_pihak_pertama(pk=pk_kepala_2024(paser), user=kepala, kata_sandi=SANDI)
    pdf = HTML(string="<p>ditandatangani</p>").write_pdf()
    berkas = SimpleUploadedFile("pindai.pdf", pdf, content_type="application/pdf")
    pk = L.pk_unggah_pindaian(pk=pk, berkas=berkas, user=kepala, kata_sandi=SANDI, konfirmasi=True)
    assert pk.pindaian_bertanda_tangan.name.endswith(".pdf")


def test_eselon_iii_signed_by_unit_verifikator_then_head(
    paser, perencana, kepala, verifikator_sekretariat, verifikator_ideologi
):
    pk = draf(paser, perencana, NIP_SEKRETARIS)
    assert not L.boleh_menandatangani(verifikator_ideologi, pk, "pertama")
    assert L.boleh_menandatangani(verifikator_sekretariat, pk, "pertama")
    assert not L.boleh_menandatangani(kepala, pk, "pertama")
    assert L.boleh_menandatangani(kepala, pk, "kedua")
    with pytest.raises(PermissionDenied):
        L.pk_tandatangani_pihak_pertama(pk=pk, user=verifikator_ideologi, kata_sandi=SANDI)
    with pytest.raises(ValidationError) as e:
        L.pk_tandatangani_pihak_kedua(pk=pk, user=kepala, kata_sandi=SANDI)
    assert e.value.messages == [L.PESAN_BELUM_TTD_PIHAK_PERTAMA]

    L.pk_tandatangani_pihak_pertama(pk=pk, user=verifikator_sekretariat, kata_sandi=SANDI)
    pk = L.pk_tandatangani_pihak_kedua(pk=pk, user=kepala, kata_sandi=SANDI)
    assert pk.status == StatusPK.DITANDATANGANI and pk.sidik_jari
    # The signed targets become the plan's PK targets of the year.
    t = Target.objects.get(indikator__kode="8.01.01.2.06.I1", tahun=2023, jenis="pk_murni")
    assert t.nilai == 100


def test_one_account_never_signs_both_sides(paser, perencana, verifikator_sekretariat):
    pk = draf(paser, perencana, NIP_KASUBAG)  # pihak kedua: the Sekretaris, same unit
    L.pk_tandatangani_pihak_pertama(pk=pk, user=verifikator_sekretariat, kata_sandi=SANDI)
    with pytest.raises(PermissionDenied) as e:
        L.pk_tandatangani_pihak_kedua(pk=pk, user=verifikator_sekretariat, kata_sandi=SANDI)
    assert str(e.value) == L.PESAN_TTD_KEDUA_SISI


def test_back_to_draft_before_pihak_kedua_signs(paser, perencana, kepala):
    pk = draf(paser, perencana, NIP_KEPALA)
    pk = L.pk_tandatangani_pihak_pertama(pk=pk, user=kepala, kata_sandi=SANDI)
    baris = pk.indikator.first()
    with pytest.raises(ValidationError) as e:
        L.pk_ubah_indikator(baris=baris, data={"uraian": "x"}, user=perencana)
    assert e.value.messages == [L.PESAN_PK_MENUNGGU_PIHAK_KEDUA]
    with pytest.raises(ValidationError) as e:
        L.pk_kembalikan_ke_draf(pk=pk, alasan=" ", user=kepala)
    assert e.value.messages == [L.PESAN_ALASAN_KEMBALI]
    pk = L.pk_kembalikan_ke_draf(pk=pk, alasan="Bupati minta target S2 ditinjau.", user=kepala)
    assert pk.status == StatusPK.DRAFT and pk.ditandatangani_pihak_pertama_pada is None
    L.pk_ubah_indikator(baris=baris, data={"uraian": "x"}, user=perencana)


def test_signing_refuses_an_incomplete_pk(paser, perencana, kepala):
    pk = draf(paser, perencana, NIP_KEPALA)
    pk.indikator.filter(indikator__kode="S4.I1").update(nilai=None)
    uraian = pk.indikator.get(indikator__kode="S4.I1").uraian
    with pytest.raises(ValidationError) as e:
        L.pk_tandatangani_pihak_pertama(pk=pk, user=kepala, kata_sandi=SANDI)
    assert e.value.messages == [L.PESAN_TARGET_KOSONG.format(daftar=uraian)]
    pk.indikator.all().delete()
    with pytest.raises(ValidationError) as e:
        L.pk_tandatangani_pihak_pertama(pk=pk, user=kepala, kata_sandi=SANDI)
    assert e.value.messages == [L.PESAN_PK_TANPA_INDIKATOR]


@pytest.fixture
def pk_bertanda_tangan(paser, kepala):
    return tandatangani_penuh(pk_kepala_2024(paser), kepala)


def test_signed_pk_refuses_every_edit(paser, perencana, kepala, pk_bertanda_tangan):
    pk = pk_bertanda_tangan
    baris = pk.indikator.first()
    anggaran = pk.anggaran.first()
    ind = Indikator.objects.get(perangkat_daerah=paser, kode="8.01.02.I1")
    upaya = [
        lambda: L.pk_ubah_kepala(pk=pk, data={"tempat": "Lain"}, user=perencana),
        lambda: L.pk_ubah_indikator(baris=baris, data={"nilai": Decimal(1)}, user=perencana),
        lambda: L.pk_tambah_indikator(pk=pk, indikator=ind, user=perencana),
        lambda: L.pk_hapus_indikator(baris=baris, user=perencana),
        lambda: L.pk_hapus_anggaran(baris=anggaran, user=perencana),
        lambda: L.pk_tautkan(baris=baris, atasan=None, user=perencana),
        lambda: L.pk_tandatangani_pihak_pertama(pk=pk, user=kepala, kata_sandi=SANDI),
        lambda: L.pk_tandatangani_pihak_kedua(pk=pk, user=kepala, kata_sandi=SANDI),
        lambda: L.pk_kembalikan_ke_draf(pk=pk, alasan="x", user=kepala),
    ]
    sidik = pk.sidik_jari
    for coba in upaya:
        with pytest.raises(ValidationError) as e:
            coba()
        assert e.value.messages == [L.PESAN_PK_TERKUNCI]
    with pytest.raises(ValidationError) as e:
        L.pk_hapus(pk=pk, user=perencana)
    assert e.value.messages == [L.PESAN_HAPUS_BUKAN_DRAF]
    pk.refresh_from_db()
    assert (pk.sidik_jari, pk.tempat, pk.indikator.count()) == (sidik, "Tana Paser", 6)
    assert L.hitung_sidik_jari(pk) == sidik


# --- Fingerprint -------------------------------------------------------------------------------


def test_fingerprint_is_stable_and_canonical(paser):
    pk = pk_kepala_2024(paser)
    sidik = L.hitung_sidik_jari(pk)
    assert sidik == L.hitung_sidik_jari(PerjanjianKinerja.objects.get(pk=pk.pk))
    teks = L.teks_kanonik(pk)
    assert hashlib.sha256(teks.encode("utf-8")).hexdigest() == sidik
    bentuk = json.loads(teks)
    assert teks == json.dumps(bentuk, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert [b["target"] for b in bentuk["indikator"]] == ["BB", "100", "80", "90", "90", "100"]
    assert bentuk["anggaran"][0]["jumlah"] == "7112162360"
    assert bentuk["total"] == "45231971529"
    assert bentuk["total_tercetak"] == "45267771529"
    assert bentuk["pihak_pertama"] == {
        "nama": "NONDING, S.Sos., M.M",
        "nip": NIP_KEPALA,
        "jabatan": "Kepala Badan Kesatuan Bangsa dan Politik Kabupaten Paser",
        "pangkat_golongan": "Pembina Utama Muda / IV/c",
    }
    assert bentuk["pihak_kedua"]["nama"] == "dr. FAHMI FADLI"
    assert (bentuk["tahun"], bentuk["versi"], bentuk["nomor_versi"]) == (2024, "murni", 1)
    assert bentuk["tanggal"] == "2024-01"


@pytest.mark.parametrize(
    "ubah",
    [
        lambda pk: pk.indikator.filter(urutan=1).update(nilai=Decimal("100.5")),
        lambda pk: pk.indikator.filter(urutan=0).update(predikat="A"),
        lambda pk: pk.anggaran.filter(urutan=0).update(jumlah=Decimal("7112162361")),
        lambda pk: Pejabat.objects.filter(nip=NIP_KEPALA).update(nama="NONDING"),
        lambda pk: Pejabat.objects.filter(nip=NIP_KEPALA).update(nip="197106071997031008"),
        lambda pk: PerjanjianKinerja.objects.filter(pk=pk.pk).update(pihak_kedua_nama="Lain"),
        lambda pk: PerjanjianKinerja.objects.filter(pk=pk.pk).update(nomor_versi=2),
        lambda pk: PerjanjianKinerja.objects.filter(pk=pk.pk).update(tahun=2025),
    ],
    ids=["target", "predikat", "anggaran", "nama", "nip", "pihak-kedua", "nomor-versi", "tahun"],
)
def test_fingerprint_changes_with_any_printed_content(paser, ubah):
    pk = pk_kepala_2024(paser)
    sebelum = L.hitung_sidik_jari(pk)
    ubah(pk)
    assert L.hitung_sidik_jari(PerjanjianKinerja.objects.get(pk=pk.pk)) != sebelum


def test_same_value_written_differently_keeps_the_fingerprint(paser):
    pk = pk_kepala_2024(paser)
    sebelum = L.hitung_sidik_jari(pk)
    pk.indikator.filter(urutan=1).update(nilai=Decimal("100.0000"))
    assert L.hitung_sidik_jari(PerjanjianKinerja.objects.get(pk=pk.pk)) == sebelum


def test_plain_notation_of_decimals():
    assert L.teks_desimal(Decimal("100.0000")) == "100"
    assert L.teks_desimal(Decimal("7.8000")) == "7.8"
    assert L.teks_desimal(Decimal("1E+3")) == "1000"
    assert L.teks_desimal(Decimal("-0.0")) == "0"
    assert L.teks_desimal(None) is None


# --- Verification ------------------------------------------------------------------------------


def test_verification_states(paser, perencana, kepala, pk_bertanda_tangan):
    pk = pk_bertanda_tangan
    hasil = L.verifikasi_sidik_jari(pk.sidik_jari)
    assert (hasil.status, hasil.pk, hasil.pesan) == (
        L.STATUS_ASLI,
        pk,
        L.PESAN_VERIFIKASI[L.STATUS_ASLI],
    )
    assert L.verifikasi_sidik_jari(pk.sidik_jari.upper()).status == L.STATUS_ASLI
    assert L.verifikasi_sidik_jari("0" * 64).status == L.STATUS_TIDAK_DIKENAL
    assert L.verifikasi_sidik_jari("bukan-sidik").status == L.STATUS_TIDAK_DIKENAL

    baru = L.pk_buat_perubahan(
        pk=pk, alasan=AlasanPerubahanPK.PRIORITAS, uraian="Target ormas naik.", user=perencana
    )
    # A draft revision does not supersede the signed version.
    assert L.verifikasi_sidik_jari(pk.sidik_jari).status == L.STATUS_ASLI
    baru = tandatangani_penuh(baru, kepala)
    hasil = L.verifikasi_sidik_jari(pk.sidik_jari)
    assert (hasil.status, hasil.pengganti) == (L.STATUS_DIGANTI, baru)
    assert L.verifikasi_sidik_jari(baru.sidik_jari).status == L.STATUS_ASLI
    assert baru.sidik_jari != pk.sidik_jari


# --- PK Perubahan ------------------------------------------------------------------------------


def test_pk_perubahan_keeps_both_versions_and_lists_the_differences(
    paser, perencana, kepala, pk_bertanda_tangan
):
    lama = pk_bertanda_tangan
    with pytest.raises(ValidationError) as e:
        L.pk_buat_perubahan(pk=lama, alasan="lain", uraian="x", user=perencana)
    assert e.value.message_dict == {"alasan_perubahan": [L.PESAN_ALASAN_PERUBAHAN]}
    with pytest.raises(ValidationError) as e:
        L.pk_buat_perubahan(pk=lama, alasan=AlasanPerubahanPK.STRATEGI, uraian=" ", user=perencana)
    assert e.value.message_dict == {"uraian_perubahan": [L.PESAN_URAIAN_PERUBAHAN]}

    baru = L.pk_buat_perubahan(
        pk=lama,
        alasan=AlasanPerubahanPK.STRATEGI,
        uraian="Anggaran program ormas ditambah pada APBD Perubahan.",
        user=perencana,
    )
    assert (baru.versi, baru.nomor_versi, baru.menggantikan, baru.status) == (
        VersiPK.PERUBAHAN,
        2,
        lama,
        StatusPK.DRAFT,
    )
    assert [
        (b.target_sebelum, b.target_sebelum_predikat) for b in baru.indikator.order_by("urutan")
    ] == [
        (None, "BB"),
        (100, ""),
        (80, ""),
        (90, ""),
        (90, ""),
        (100, ""),
    ]
    with pytest.raises(ValidationError) as e:
        L.pk_buat_perubahan(pk=lama, alasan=AlasanPerubahanPK.STRATEGI, uraian="x", user=perencana)
    assert e.value.messages == [L.PESAN_PERUBAHAN_SUDAH_ADA]
    with pytest.raises(ValidationError) as e:
        L.pk_buat_perubahan(pk=baru, alasan=AlasanPerubahanPK.STRATEGI, uraian="x", user=perencana)
    assert e.value.messages == [L.PESAN_PERUBAHAN_DARI_TTD]

    # A revised target that departs from the Renstra still needs its reason.
    alasan = "APBD Perubahan."
    ormas = baru.indikator.get(urutan=3)
    L.pk_ubah_indikator(
        baris=ormas, data={"nilai": Decimal("95"), "alasan_selisih": alasan}, user=perencana
    )
    pemilu = baru.indikator.get(urutan=2)
    L.pk_ubah_indikator(
        baris=pemilu, data={"nilai": Decimal("75"), "alasan_selisih": alasan}, user=perencana
    )
    sakip = baru.indikator.get(urutan=0)
    L.pk_ubah_indikator(
        baris=sakip, data={"predikat": "A", "alasan_selisih": alasan}, user=perencana
    )

    isi = L.isi_pk(baru)
    assert isi.judul == "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024"
    assert [(b.target_sebelum, b.target, b.perubahan) for b in isi.indikator] == [
        ("BB", "A", L.LABEL_BERTAMBAH),
        ("100%", "100%", ""),
        ("80%", "75%", "Berkurang 5%"),
        ("90%", "95%", "Bertambah 5%"),
        ("90%", "90%", ""),
        ("100%", "100%", ""),
    ]
    assert isi.alasan_perubahan == AlasanPerubahanPK.STRATEGI.label

    # Reports use the latest SIGNED version: the old one until the revision is signed.
    assert L.pk_berlaku(pd=paser, tahun=2024) == lama
    baru = tandatangani_penuh(baru, kepala)
    assert L.pk_berlaku(pd=paser, tahun=2024) == baru
    assert L.pk_berlaku(pd=paser, tahun=2024, pejabat=pejabat(NIP_KEPALA)) == baru
    lama.refresh_from_db()
    assert (lama.status, lama.indikator.count()) == (StatusPK.DITANDATANGANI, 6)
    assert L.isi_pk(lama).indikator[3].target == "90%"
    assert Target.objects.get(indikator__kode="S4.I1", tahun=2024, jenis="pk_perubahan").nilai == 95
    assert [p.pk for p in L.versi_pk(lama)] == [lama.pk, baru.pk]


def test_pk_berlaku_is_none_without_a_signed_pk(paser):
    assert L.pk_berlaku(pd=paser, tahun=2024) is None


def test_pk_terkini_one_per_agreement(paser, perencana, kepala, pk_bertanda_tangan):
    daftar = L.pk_terkini(pd=paser, tahun=2024)
    assert len(daftar) == 13
    assert daftar[0] == pk_bertanda_tangan  # eselon II first
    assert [p.pihak_pertama.eselon for p in daftar][:5] == ["II", "III", "III", "III", "III"]
    baru = L.pk_buat_perubahan(
        pk=pk_bertanda_tangan, alasan=AlasanPerubahanPK.PEJABAT, uraian="x", user=perencana
    )
    # The signed version stays the one shown while the revision is a draft.
    assert L.pk_terkini(pd=paser, tahun=2024)[0] == pk_bertanda_tangan
    baru = tandatangani_penuh(baru, kepala)
    assert L.pk_terkini(pd=paser, tahun=2024)[0] == baru
    assert len(L.pk_terkini(pd=paser, tahun=2024, nip=NIP_JF_IDEOLOGI)) == 2


# --- Printing helpers --------------------------------------------------------------------------


def test_acting_officials_carry_the_prefix(paser, perencana):
    Pejabat.objects.filter(nip=NIP_KABID_IDEOLOGI).update(status_jabatan=StatusJabatan.PLT)
    pk = draf(paser, perencana, NIP_KABID_IDEOLOGI)
    isi = L.isi_pk(pk)
    assert isi.pihak_pertama.jabatan.startswith("Plt. Kabid. Ideologi")
    assert L.bentuk_kanonik(pk)["pihak_pertama"]["jabatan"].startswith("Plt. Kabid.")
    hardiansyah = draf(paser, perencana, NIP_JF_IDEOLOGI)
    assert L.isi_pk(hardiansyah).pihak_kedua.jabatan.startswith("Plt. Kabid.")


@pytest.mark.parametrize(
    ("nilai", "satuan", "teks"),
    [
        (Decimal("100"), "%", "100%"),
        (Decimal("7.8000"), "%", "7,8%"),
        (Decimal("2650"), "Orang", "2.650 Orang"),
        ("BB", "nilai", "BB"),
        (Decimal("73"), "nilai", "73"),
        ({"bawah": Decimal("80"), "atas": Decimal("90")}, "%", "80–90%"),
        (None, "%", "—"),
    ],
)
def test_target_text(nilai, satuan, teks):
    assert L.teks_nilai(nilai, satuan) == teks


def test_nip_grouping():
    assert format_nip(NIP_KEPALA) == "19710607 199703 1 007"
    assert format_nip("") == ""


def test_imported_total_mismatch_is_shown(paser):
    isi = L.isi_pk(pk_kepala_2024(paser))
    assert isi.total == Decimal("45231971529")
    assert isi.total_tercetak == Decimal("45267771529")
    assert isi.total_berbeda
    assert "Rp 45.267.771.529" in isi.catatan[0] and "Rp 35.800.000" in isi.catatan[0]


def test_draft_of_a_new_pk_with_factories_pihak_kedua_missing(perencana):
    sasaran = SasaranFactory()
    pd = sasaran.renstra.perangkat_daerah
    ind = IndikatorFactory(sasaran=sasaran, iku=True)
    TargetFactory(indikator=ind, tahun=2023, jenis="renja", nilai=Decimal("10"))
    kepala_pd = PejabatFactory(perangkat_daerah=pd, eselon="II")
    pk = L.pk_susun_draf(pd=pd, tahun=2023, pejabat=kepala_pd, user=perencana)
    su = _pengguna("su-pk", superuser=True)
    with pytest.raises(ValidationError) as e:
        L.pk_tandatangani_pihak_pertama(pk=pk, user=su, kata_sandi=SANDI)
    assert e.value.messages == [L.PESAN_PIHAK_KEDUA_KOSONG]
    assert PKIndikator.objects.filter(perjanjian=pk).count() == 1


@given(
    # Values as the database holds them: 20 digits, 4 decimal places.
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**15), max_value=10**15
    ),
    st.integers(min_value=0, max_value=6),
)
def test_plain_notation_ignores_trailing_zeros(nilai, tambahan):
    lebih_panjang = nilai.quantize(Decimal(1).scaleb(nilai.as_tuple().exponent - tambahan))
    teks = L.teks_desimal(nilai)
    assert teks == L.teks_desimal(lebih_panjang)
    assert Decimal(teks) == nilai
    assert "E" not in teks and "e" not in teks


def test_automatic_links_are_audited(paser, perencana):
    hardiansyah = draf(paser, perencana, NIP_JF_IDEOLOGI)
    draf(paser, perencana, NIP_KABID_IDEOLOGI)
    entri = AuditLog.objects.filter(aksi="pk.indikator.tautkan", pengguna=perencana)
    assert {e.object_id for e in entri} >= {str(b.pk) for b in hardiansyah.indikator.all()}


def test_signed_pk_keeps_the_signed_parties_when_the_pejabat_record_changes(
    paser, pk_bertanda_tangan
):
    pk = pk_bertanda_tangan
    sidik = pk.sidik_jari
    nama_asli = pk.pihak_pertama.nama
    assert pk.ditandatangani_pihak_kedua_oleh is not None
    Pejabat.objects.filter(pk=pk.pihak_pertama_id).update(nama="NAMA DIKOREKSI", golongan="IV/d")
    pk.refresh_from_db()
    isi = L.isi_pk(pk)
    assert isi.pihak_pertama.nama == nama_asli
    assert L.hitung_sidik_jari(pk) == sidik
    assert isi.sidik_cocok is True
    assert L.verifikasi_sidik_jari(sidik).status == "asli"
