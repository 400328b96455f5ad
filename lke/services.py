"""Writes of the SAKIP evaluation: templates (activate, copy), evaluations (open, answer per
stage, evidence, submit, finalise), findings, recommendations and follow-up.

Every service is keyword-only, checks the right again, validates, runs in a transaction and
writes the audit log. A bad input raises ValidationError with an Indonesian message (a module
constant) and changes nothing.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from common import audit
from common.formatting import format_angka
from common.models import Keanggotaan, Peran
from common.permissions import PESAN_TIDAK_BERHAK
from kinerja.models import Bukti, Realisasi, StatusRealisasi
from renstra.models import Indikator, PerangkatDaerah

from . import skor
from .bukti import saran_bukti
from .models import (
    AnggotaTim,
    AturanKonsistensi,
    BuktiLke,
    Evaluasi,
    Jawaban,
    JenisBukti,
    Keparahan,
    Komponen,
    Kriteria,
    OpsiKriteria,
    PeranTim,
    Rekomendasi,
    Skala,
    StatusEvaluasi,
    StatusRekomendasi,
    StatusTemplate,
    StatusTindakLanjut,
    SubKomponen,
    Tahap,
    TemplateLke,
    Temuan,
    TindakLanjut,
)

PESAN_BOBOT_KOMPONEN = "Jumlah bobot komponen harus 100 (sekarang {jumlah})."
PESAN_BOBOT_SUB = (
    "Jumlah bobot sub-komponen {komponen} harus sama dengan bobot komponennya "
    "{bobot} (sekarang {jumlah})."
)
PESAN_SUB_TANPA_KRITERIA = "Sub-komponen {kode} belum memiliki kriteria."
PESAN_OPSI_KHUSUS = "Kriteria {kode} berskala pilihan khusus tetapi memiliki kurang dari 2 opsi."
PESAN_BOBOT_KRITERIA = (
    "Sub-komponen {kode} dihitung dengan jumlah berbobot: setiap kriterianya wajib berbobot."
)
PESAN_BUKAN_DRAFT = "Hanya template berstatus draft yang dapat diaktifkan."
PESAN_TEMPLATE_TIDAK_AKTIF = "Evaluasi hanya dapat dibuka dengan template yang aktif."
PESAN_EVALUASI_ADA = "Evaluasi {pd} tahun {tahun} sudah dibuka."
PESAN_KODE_TEMPLATE_ADA = "Kode template “{kode}” sudah dipakai."
PESAN_KETUA_WAJIB = "Tim evaluator wajib memiliki seorang ketua."
PESAN_TIM_BUKAN_INSPEKTORAT = "{nama} bukan reviewer Inspektorat untuk perangkat daerah ini."
PESAN_OPSI_TIDAK_SAH = "Jawaban “{opsi}” tidak tersedia untuk kriteria {kode}."
PESAN_KRITERIA_LAIN = "Kriteria tidak termasuk template evaluasi ini."
PESAN_ALASAN_BEDA = (
    "Jawaban berbeda dari tahap sebelumnya ({sebelumnya}): alasan perbedaan wajib diisi."
)
PESAN_TAHAP_TUTUP = "Tahap {tahap} tidak dapat diisi saat evaluasi berstatus {status}."
PESAN_BUKAN_TIM = "Hanya {peran} tim evaluator yang dapat mengisi tahap ini."
PESAN_TAHAP_FINAL = "Jawaban final dibentuk saat finalisasi, tidak diisi langsung."
PESAN_FINAL_TERKUNCI = "Evaluasi sudah final: jawaban, bukti dan perhitungan dibekukan."
PESAN_BELUM_DINILAI = "Finalisasi belum dapat dilakukan: {jumlah} kriteria belum dinilai evaluator."
PESAN_KONSISTENSI_BLOKIR = (
    "Finalisasi terhalang aturan konsistensi: {daftar}. Ketua tim wajib mencatat alasan."
)
PESAN_BUKAN_KETUA = "Hanya ketua tim evaluator yang dapat memfinalkan evaluasi."
PESAN_BUKAN_PD = "Penilaian mandiri diisi oleh perangkat daerah yang dievaluasi."
PESAN_BUKAN_KEPALA_PERENCANA = (
    "Penilaian mandiri diajukan oleh kepala atau perencana perangkat daerah."
)
PESAN_BUKAN_INSPEKTORAT = "Hanya reviewer Inspektorat yang dapat melakukan tindakan ini."
PESAN_BUKTI_KOSONG = "Pilih berkas, isi tautan, atau pilih data dari aplikasi sebagai bukti."
PESAN_BUKTI_SARAN = "Data yang dipilih tidak (lagi) tersedia sebagai bukti untuk tahun ini."
PESAN_LABEL_WAJIB = "Keterangan bukti wajib diisi."
PESAN_URAIAN_WAJIB = "Uraian wajib diisi."
PESAN_REKOMENDASI_TERKAIT = "Rekomendasi harus terkait dengan temuan atau kriteria."
PESAN_BATAS_WAKTU = "Batas waktu wajib diisi."
PESAN_PENANGGUNG_JAWAB = "Penanggung jawab wajib diisi."
PESAN_TL_SUDAH_SELESAI = "Rekomendasi ini sudah selesai ditindaklanjuti."
PESAN_TL_BUKTI = "Tindak lanjut wajib disertai tautan atau berkas bukti."
PESAN_TL_BUKAN_DIAJUKAN = "Tindak lanjut ini sudah diputuskan."
PESAN_TL_CATATAN = "Catatan wajib diisi saat tindak lanjut dikembalikan."
PESAN_TL_BUKAN_PD = "Tindak lanjut dilaporkan oleh perangkat daerah yang dievaluasi."
PESAN_INDIKATOR_LAIN = "Indikator tidak termasuk perangkat daerah ini."
PESAN_SUMBER_NILAI = (
    "Sumber: Laporan Hasil Evaluasi AKIP tahun {tahun}{nomor} oleh Inspektorat, "
    "nilai {nilai} (predikat {predikat})."
)

PERAN_PD = (Peran.OPERATOR, Peran.VERIFIKATOR, Peran.KEPALA, Peran.PERENCANA)
PERAN_AJUKAN = (Peran.KEPALA, Peran.PERENCANA)


def _peran(user, pd) -> set[str]:
    if user.is_superuser:
        return set(Peran.values)
    return set(
        Keanggotaan.objects.filter(pengguna=user, perangkat_daerah=pd).values_list(
            "peran", flat=True
        )
    )


def _wajib(user, pd, peran, pesan: str = PESAN_TIDAK_BERHAK) -> None:
    if not _peran(user, pd).intersection(peran):
        raise PermissionDenied(pesan)


# --- Templates ------------------------------------------------------------------------------


def template_periksa(*, template: TemplateLke) -> list[str]:
    """Every reason the template cannot be activated (empty: valid)."""
    galat = []
    komponen = list(template.komponen.prefetch_related("sub_komponen__kriteria__opsi"))
    jumlah = sum((k.bobot for k in komponen), Decimal(0))
    if jumlah != 100:
        galat.append(PESAN_BOBOT_KOMPONEN.format(jumlah=format_angka(jumlah)))
    for k in komponen:
        subs = list(k.sub_komponen.all())
        jumlah_sub = sum((s.bobot for s in subs), Decimal(0))
        if jumlah_sub != k.bobot:
            galat.append(
                PESAN_BOBOT_SUB.format(
                    komponen=k.kode,
                    bobot=format_angka(k.bobot),
                    jumlah=format_angka(jumlah_sub),
                )
            )
        for s in subs:
            kriteria = list(s.kriteria.all())
            if not kriteria:
                galat.append(PESAN_SUB_TANPA_KRITERIA.format(kode=f"{k.kode}.{s.kode}"))
            if s.metode == skor.METODE_JUMLAH_BERBOBOT and any(c.bobot is None for c in kriteria):
                galat.append(PESAN_BOBOT_KRITERIA.format(kode=f"{k.kode}.{s.kode}"))
            for c in kriteria:
                if c.skala == Skala.KHUSUS and len(c.opsi.all()) < 2:
                    galat.append(PESAN_OPSI_KHUSUS.format(kode=c.kode))
    return galat


def template_aktifkan(*, template: TemplateLke, user) -> TemplateLke:
    """Validate the weights and structure, then freeze the template (status aktif)."""
    if template.status != StatusTemplate.DRAFT:
        raise ValidationError(PESAN_BUKAN_DRAFT)
    galat = template_periksa(template=template)
    if galat:
        raise ValidationError(galat)
    with transaction.atomic():
        template.status = StatusTemplate.AKTIF
        template.diaktifkan_pada = timezone.now()
        template.save(update_fields=["status", "diaktifkan_pada"])
        audit.catat(
            pengguna=user,
            aksi="lke.template.aktifkan",
            objek=template,
            perubahan={"status": [StatusTemplate.DRAFT, StatusTemplate.AKTIF]},
        )
    return template


def template_salin(
    *, template: TemplateLke, kode: str, tahun_berlaku: int, user, nama: str = ""
) -> TemplateLke:
    """A draft copy for a new year: same structure, weights and criterion identities."""
    if TemplateLke.objects.filter(kode=kode).exists():
        raise ValidationError(PESAN_KODE_TEMPLATE_ADA.format(kode=kode))
    with transaction.atomic():
        baru = TemplateLke.objects.create(
            kode=kode,
            nama=nama or template.nama,
            dasar_hukum=template.dasar_hukum,
            tahun_berlaku=tahun_berlaku,
            status=StatusTemplate.DRAFT,
            asal=template,
        )
        peta: dict[int, Kriteria] = {}
        for k in template.komponen.all():
            k_baru = Komponen.objects.create(
                template=baru, kode=k.kode, nama=k.nama, bobot=k.bobot, urutan=k.urutan
            )
            for s in k.sub_komponen.all():
                s_baru = SubKomponen.objects.create(
                    komponen=k_baru,
                    kode=s.kode,
                    nama=s.nama,
                    jenis=s.jenis,
                    bobot=s.bobot,
                    metode=s.metode,
                    urutan=s.urutan,
                )
                for c in s.kriteria.all():
                    c_baru = Kriteria.objects.create(
                        sub_komponen=s_baru,
                        identitas=c.identitas,
                        kode=c.kode,
                        uraian=c.uraian,
                        skala=c.skala,
                        bobot=c.bobot,
                        penjelasan=c.penjelasan,
                        bukti_diharapkan=c.bukti_diharapkan,
                        dasar=c.dasar,
                        cek_otomatis=c.cek_otomatis,
                        urutan=c.urutan,
                    )
                    peta[c.pk] = c_baru
                    for o in c.opsi.all():
                        OpsiKriteria.objects.create(
                            kriteria=c_baru,
                            kode=o.kode,
                            nilai=o.nilai,
                            deskripsi=o.deskripsi,
                            urutan=o.urutan,
                        )
        for a in template.aturan.all():
            AturanKonsistensi.objects.create(
                template=baru,
                kriteria=peta[a.kriteria_id],
                pembanding=peta[a.pembanding_id],
                keparahan=a.keparahan,
                pesan=a.pesan,
            )
        audit.catat(
            pengguna=user,
            aksi="lke.template.salin",
            objek=baru,
            perubahan={"asal": [None, template.kode], "tahun_berlaku": [None, tahun_berlaku]},
        )
    return baru


# --- Opening an evaluation --------------------------------------------------------------------


def evaluasi_buka(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    template: TemplateLke,
    user,
    ketua,
    anggota: list | tuple = (),
    indikator_sakip: Indikator | None = None,
) -> Evaluasi:
    """The Inspektorat opens the evaluation of `pd` for `tahun` with its team."""
    _wajib(user, pd, (Peran.INSPEKTORAT,), PESAN_BUKAN_INSPEKTORAT)
    if template.status != StatusTemplate.AKTIF:
        raise ValidationError(PESAN_TEMPLATE_TIDAK_AKTIF)
    if Evaluasi.objects.filter(perangkat_daerah=pd, tahun=tahun).exists():
        raise ValidationError(PESAN_EVALUASI_ADA.format(pd=pd.nama, tahun=tahun))
    if ketua is None:
        raise ValidationError(PESAN_KETUA_WAJIB)
    for orang in (ketua, *anggota):
        if Peran.INSPEKTORAT not in _peran(orang, pd):
            raise ValidationError(
                PESAN_TIM_BUKAN_INSPEKTORAT.format(nama=orang.get_full_name() or orang.username)
            )
    if indikator_sakip is not None and indikator_sakip.perangkat_daerah_id != pd.pk:
        raise ValidationError(PESAN_INDIKATOR_LAIN)
    with transaction.atomic():
        evaluasi = Evaluasi.objects.create(
            perangkat_daerah=pd, tahun=tahun, template=template, indikator_sakip=indikator_sakip
        )
        AnggotaTim.objects.create(evaluasi=evaluasi, pengguna=ketua, peran=PeranTim.KETUA)
        for orang in anggota:
            if orang.pk != ketua.pk:
                AnggotaTim.objects.create(evaluasi=evaluasi, pengguna=orang, peran=PeranTim.ANGGOTA)
        audit.catat(
            pengguna=user,
            aksi="lke.evaluasi.buka",
            objek=evaluasi,
            perangkat_daerah=pd,
            perubahan=audit.selisih({}, audit.snapshot(evaluasi)),
        )
    return evaluasi


# --- Answers --------------------------------------------------------------------------------


def _peran_tim(evaluasi: Evaluasi, user) -> str | None:
    if user.is_superuser:
        return PeranTim.KETUA
    return (
        AnggotaTim.objects.filter(evaluasi=evaluasi, pengguna=user)
        .values_list("peran", flat=True)
        .first()
    )


def _jawaban_sebelumnya(evaluasi: Evaluasi, kriteria: Kriteria, tahap: str) -> Jawaban | None:
    urutan = {
        Tahap.ANGGOTA: (Tahap.MANDIRI,),
        Tahap.KETUA: (Tahap.ANGGOTA, Tahap.MANDIRI),
    }.get(tahap, ())
    ada = {
        j.tahap: j
        for j in Jawaban.objects.filter(evaluasi=evaluasi, kriteria=kriteria, tahap__in=urutan)
    }
    for t in urutan:
        if t in ada:
            return ada[t]
    return None


def _periksa_tahap(evaluasi: Evaluasi, tahap: str, user) -> None:
    if evaluasi.final:
        raise ValidationError(PESAN_FINAL_TERKUNCI)
    if tahap == Tahap.FINAL:
        raise ValidationError(PESAN_TAHAP_FINAL)
    label_status = evaluasi.get_status_display()
    if tahap == Tahap.MANDIRI:
        if evaluasi.status != StatusEvaluasi.MANDIRI:
            raise ValidationError(
                PESAN_TAHAP_TUTUP.format(tahap=Tahap(tahap).label, status=label_status)
            )
        _wajib(user, evaluasi.perangkat_daerah, PERAN_PD, PESAN_BUKAN_PD)
        return
    if evaluasi.status != StatusEvaluasi.EVALUASI:
        raise ValidationError(
            PESAN_TAHAP_TUTUP.format(tahap=Tahap(tahap).label, status=label_status)
        )
    peran = _peran_tim(evaluasi, user)
    if tahap == Tahap.KETUA and peran != PeranTim.KETUA:
        raise PermissionDenied(PESAN_BUKAN_TIM.format(peran="ketua"))
    if tahap == Tahap.ANGGOTA and peran not in (PeranTim.ANGGOTA, PeranTim.KETUA):
        raise PermissionDenied(PESAN_BUKAN_TIM.format(peran="anggota"))


def jawaban_simpan(
    *,
    evaluasi: Evaluasi,
    kriteria: Kriteria,
    tahap: str,
    opsi: str,
    user,
    catatan: str = "",
    alasan_beda: str = "",
) -> Jawaban:
    """Save one stage's answer to one criterion. An evaluator's answer that differs from the
    previous stage's (anggota from mandiri; ketua from anggota, else mandiri) needs a reason."""
    _periksa_tahap(evaluasi, tahap, user)
    if kriteria.sub_komponen.komponen.template_id != evaluasi.template_id:
        raise ValidationError(PESAN_KRITERIA_LAIN)
    pilihan = {kode: nilai for kode, nilai, _ in kriteria.pilihan()}
    opsi = (opsi or "").strip().upper()
    if opsi not in pilihan:
        raise ValidationError(PESAN_OPSI_TIDAK_SAH.format(opsi=opsi, kode=kriteria.kode))
    alasan_beda = (alasan_beda or "").strip()
    sebelumnya = _jawaban_sebelumnya(evaluasi, kriteria, tahap)
    berbeda = sebelumnya is not None and sebelumnya.opsi != opsi
    if berbeda and not alasan_beda:
        raise ValidationError(
            PESAN_ALASAN_BEDA.format(
                sebelumnya=f"{sebelumnya.get_tahap_display()}: {sebelumnya.opsi}"
            )
        )
    if not berbeda:
        alasan_beda = ""  # a reason is kept only where the answer departs from the last stage
    with transaction.atomic():
        jawaban = (
            Jawaban.objects.select_for_update()
            .filter(evaluasi=evaluasi, kriteria=kriteria, tahap=tahap)
            .first()
        )
        lama = (
            audit.snapshot(jawaban, ["opsi", "nilai", "catatan", "alasan_beda"]) if jawaban else {}
        )
        if jawaban is None:
            jawaban = Jawaban(evaluasi=evaluasi, kriteria=kriteria, tahap=tahap)
        jawaban.opsi = opsi
        jawaban.nilai = pilihan[opsi]
        jawaban.catatan = (catatan or "").strip()
        jawaban.alasan_beda = alasan_beda
        jawaban.oleh = user
        jawaban.pada = timezone.now()
        jawaban.full_clean()
        jawaban.save()
        audit.catat(
            pengguna=user,
            aksi=f"lke.jawaban.{tahap}",
            objek=jawaban,
            perangkat_daerah=evaluasi.perangkat_daerah,
            perubahan=audit.selisih(
                lama, audit.snapshot(jawaban, ["opsi", "nilai", "catatan", "alasan_beda"])
            ),
        )
    return jawaban


def evaluasi_ajukan(*, evaluasi: Evaluasi, user) -> Evaluasi:
    """The PD hands its self-assessment to the evaluator team (mandiri → evaluasi)."""
    _wajib(user, evaluasi.perangkat_daerah, PERAN_AJUKAN, PESAN_BUKAN_KEPALA_PERENCANA)
    if evaluasi.status != StatusEvaluasi.MANDIRI:
        raise ValidationError(
            PESAN_TAHAP_TUTUP.format(tahap="Mandiri", status=evaluasi.get_status_display())
        )
    with transaction.atomic():
        evaluasi.status = StatusEvaluasi.EVALUASI
        evaluasi.diajukan_pada = timezone.now()
        evaluasi.save(update_fields=["status", "diajukan_pada"])
        audit.catat(
            pengguna=user,
            aksi="lke.evaluasi.ajukan",
            objek=evaluasi,
            perangkat_daerah=evaluasi.perangkat_daerah,
            perubahan={"status": [StatusEvaluasi.MANDIRI, StatusEvaluasi.EVALUASI]},
        )
    return evaluasi


# --- Evidence -------------------------------------------------------------------------------


def bukti_tambah(
    *,
    evaluasi: Evaluasi,
    kriteria: Kriteria,
    user,
    label: str = "",
    berkas=None,
    tautan: str = "",
    kunci_saran: str = "",
) -> BuktiLke:
    """Attach evidence: a file, a link, or a product object chosen from the suggestions
    (`kunci_saran`), pinned to the version it has now."""
    if evaluasi.final:
        raise ValidationError(PESAN_FINAL_TERKUNCI)
    if evaluasi.status == StatusEvaluasi.MANDIRI:
        _wajib(user, evaluasi.perangkat_daerah, PERAN_PD, PESAN_BUKAN_PD)
    elif _peran_tim(evaluasi, user) is None:
        raise PermissionDenied(PESAN_BUKAN_TIM.format(peran="anggota"))
    if kriteria.sub_komponen.komponen.template_id != evaluasi.template_id:
        raise ValidationError(PESAN_KRITERIA_LAIN)
    bukti = BuktiLke(evaluasi=evaluasi, kriteria=kriteria, diunggah_oleh=user)
    label = (label or "").strip()
    if kunci_saran:
        saran = {s.kunci: s for s in saran_bukti(evaluasi.perangkat_daerah, evaluasi.tahun)}
        pilihan = saran.get(kunci_saran)
        if pilihan is None:
            raise ValidationError(PESAN_BUKTI_SARAN)
        bukti.jenis = JenisBukti.OBJEK
        bukti.content_type = ContentType.objects.get_for_id(pilihan.content_type_id)
        bukti.object_id = pilihan.object_id
        bukti.sidik_versi = pilihan.sidik_versi
        bukti.label = label or pilihan.label
    elif berkas:
        bukti.jenis = JenisBukti.BERKAS
        bukti.berkas = berkas
        bukti.label = label or getattr(berkas, "name", "")
    elif tautan:
        bukti.jenis = JenisBukti.TAUTAN
        bukti.tautan = tautan.strip()
        bukti.label = label or tautan.strip()
    else:
        raise ValidationError(PESAN_BUKTI_KOSONG)
    bukti.label = bukti.label[:300]
    if not bukti.label:
        raise ValidationError(PESAN_LABEL_WAJIB)
    with transaction.atomic():
        bukti.full_clean()
        bukti.save()
        audit.catat(
            pengguna=user,
            aksi="lke.bukti.tambah",
            objek=bukti,
            perangkat_daerah=evaluasi.perangkat_daerah,
            perubahan=audit.selisih(
                {}, audit.snapshot(bukti, ["kriteria_id", "jenis", "label", "sidik_versi"])
            ),
        )
    return bukti


# --- Finalising -----------------------------------------------------------------------------


def evaluasi_finalkan(*, evaluasi: Evaluasi, user, alasan_konsistensi: str = "") -> Evaluasi:
    """The ketua tim freezes the evaluation: final answers (ketua, else anggota), evidence
    versions and the calculation trail. A blocking consistency rule needs the ketua's reason.
    The official score is computed from the evaluators' answers only, never the self-score."""
    from . import selectors

    if evaluasi.final:
        raise ValidationError(PESAN_FINAL_TERKUNCI)
    if _peran_tim(evaluasi, user) != PeranTim.KETUA:
        raise PermissionDenied(PESAN_BUKAN_KETUA)
    if evaluasi.status != StatusEvaluasi.EVALUASI:
        raise ValidationError(
            PESAN_TAHAP_TUTUP.format(tahap="Final", status=evaluasi.get_status_display())
        )
    struktur = selectors.muat_struktur(evaluasi.template)
    jawaban = selectors.muat_jawaban(evaluasi)
    resmi = selectors.jawaban_resmi(jawaban)
    belum = [k for k in struktur.kriteria if k.pk not in resmi]
    if belum:
        raise ValidationError(PESAN_BELUM_DINILAI.format(jumlah=len(belum)))
    pelanggaran = selectors.periksa_konsistensi(struktur, resmi)
    blokir = [p for p in pelanggaran if p.keparahan == Keparahan.BLOKIR]
    alasan_konsistensi = (alasan_konsistensi or "").strip()
    if blokir and not alasan_konsistensi:
        raise ValidationError(
            PESAN_KONSISTENSI_BLOKIR.format(daftar="; ".join(p.pesan for p in blokir))
        )
    sekarang = timezone.now()
    with transaction.atomic():
        evaluasi = Evaluasi.objects.select_for_update().get(pk=evaluasi.pk)
        for k in struktur.kriteria:
            sumber = resmi[k.pk]
            Jawaban.objects.create(
                evaluasi=evaluasi,
                kriteria=k,
                tahap=Tahap.FINAL,
                opsi=sumber.opsi,
                nilai=sumber.nilai,
                catatan=sumber.catatan,
                alasan_beda=sumber.alasan_beda,
                oleh=sumber.oleh,
                pada=sumber.pada,
            )
        jawaban = selectors.muat_jawaban(evaluasi)
        hasil = selectors.hitung_tahap(struktur, jawaban, Tahap.FINAL)
        mandiri = selectors.hitung_tahap(struktur, jawaban, Tahap.MANDIRI)
        evaluasi.status = StatusEvaluasi.FINAL
        evaluasi.nilai_akhir = hasil.total
        evaluasi.predikat = hasil.predikat
        evaluasi.rincian = skor.jejak(hasil)
        evaluasi.nilai_mandiri = mandiri.total
        evaluasi.rincian_mandiri = skor.jejak(mandiri)
        evaluasi.pelanggaran_konsistensi = [
            {"pesan": p.pesan, "keparahan": p.keparahan, "kriteria": p.kode} for p in pelanggaran
        ]
        evaluasi.alasan_konsistensi = alasan_konsistensi if pelanggaran else ""
        evaluasi.bukti_beku = [
            {
                "kriteria": b.kriteria.identitas,
                "kode": b.kriteria.kode,
                "jenis": b.jenis,
                "label": b.label,
                "sidik_versi": b.sidik_versi,
                "tautan": b.tautan,
                "berkas": b.berkas.name if b.berkas else "",
                "objek": f"{b.content_type_id}:{b.object_id}" if b.object_id else "",
            }
            for b in evaluasi.bukti.select_related("kriteria").order_by("kriteria_id", "id")
        ]
        evaluasi.difinalkan_pada = sekarang
        evaluasi.difinalkan_oleh = user
        evaluasi.save()
        audit.catat(
            pengguna=user,
            aksi="lke.evaluasi.finalkan",
            objek=evaluasi,
            perangkat_daerah=evaluasi.perangkat_daerah,
            perubahan={
                "status": [StatusEvaluasi.EVALUASI, StatusEvaluasi.FINAL],
                "nilai_akhir": [None, audit.nilai_json(hasil.total)],
                "predikat": ["", hasil.predikat],
            },
            keterangan=alasan_konsistensi,
        )
        if evaluasi.indikator_sakip_id:
            nilai_ke_indikator(evaluasi=evaluasi, user=user)
    return evaluasi


def nilai_ke_indikator(*, evaluasi: Evaluasi, user) -> Realisasi:
    """The final score of year n−1 becomes the yearly realisasi (triwulan 0, approved) of the
    PD's "Nilai Evaluasi SAKIP" indicator in year n, with its source in the explanation and a
    link to the LHE as evidence."""
    if not evaluasi.final:
        raise ValidationError(PESAN_TAHAP_TUTUP.format(tahap="Final", status=evaluasi.status))
    indikator = evaluasi.indikator_sakip
    tahun = evaluasi.tahun + 1
    nilai = skor.bulatkan(evaluasi.nilai_akhir)
    sumber = PESAN_SUMBER_NILAI.format(
        tahun=evaluasi.tahun,
        nomor=f" nomor {evaluasi.nomor_lhe}" if evaluasi.nomor_lhe else "",
        nilai=format_angka(nilai),
        predikat=evaluasi.predikat,
    )
    with transaction.atomic():
        realisasi = (
            Realisasi.objects.select_for_update()
            .filter(indikator=indikator, tahun=tahun, triwulan=0)
            .first()
        )
        lama = (
            audit.snapshot(realisasi, ["nilai", "predikat", "status", "penjelasan"])
            if realisasi
            else {}
        )
        if realisasi is None:
            realisasi = Realisasi(indikator=indikator, tahun=tahun, triwulan=0)
        else:
            realisasi.versi += 1
        realisasi.nilai = nilai
        realisasi.predikat = evaluasi.predikat if indikator.jenis_nilai == "predikat" else ""
        realisasi.penjelasan = sumber
        realisasi.status = StatusRealisasi.DISETUJUI
        realisasi.diisi_oleh = user
        realisasi.disetujui_oleh = user
        realisasi.save()
        tautan = settings.SITUS_URL.rstrip("/") + reverse(
            "lke:lhe", kwargs={"pd": evaluasi.perangkat_daerah.slug, "tahun": evaluasi.tahun}
        )
        Bukti.objects.filter(realisasi=realisasi, keterangan__startswith="LHE ").delete()
        Bukti.objects.create(
            realisasi=realisasi,
            tautan=tautan,
            keterangan=f"LHE evaluasi AKIP tahun {evaluasi.tahun}",
            diunggah_oleh=user,
        )
        audit.catat(
            pengguna=user,
            aksi="realisasi.dari_lhe",
            objek=realisasi,
            perangkat_daerah=evaluasi.perangkat_daerah,
            perubahan=audit.selisih(
                lama, audit.snapshot(realisasi, ["nilai", "predikat", "status", "penjelasan"])
            ),
            keterangan=sumber,
        )
    return realisasi


# --- LHE identity, findings, recommendations, follow-up -----------------------------------


def _wajib_tim(evaluasi: Evaluasi, user) -> None:
    if _peran_tim(evaluasi, user) is None:
        raise PermissionDenied(PESAN_BUKAN_TIM.format(peran="anggota"))


def lhe_simpan(*, evaluasi: Evaluasi, user, **data) -> Evaluasi:
    """LHE identity: nomor, tanggal, tempat, Inspektur, simpulan (any time, by the team)."""
    _wajib_tim(evaluasi, user)
    kolom = [
        "nomor_lhe",
        "tanggal_lhe",
        "tempat_lhe",
        "inspektur_nama",
        "inspektur_nip",
        "inspektur_jabatan",
        "ringkasan",
    ]
    lama = audit.snapshot(evaluasi, kolom)
    for k in kolom:
        if k in data:
            setattr(evaluasi, k, data[k])
    with transaction.atomic():
        evaluasi.full_clean()
        evaluasi.save(update_fields=kolom)
        audit.catat(
            pengguna=user,
            aksi="lke.lhe.ubah",
            objek=evaluasi,
            perangkat_daerah=evaluasi.perangkat_daerah,
            perubahan=audit.selisih(lama, audit.snapshot(evaluasi, kolom)),
        )
    return evaluasi


def temuan_tambah(
    *, evaluasi: Evaluasi, user, komponen_kode: str, uraian: str, kriteria: Kriteria | None = None
) -> Temuan:
    _wajib_tim(evaluasi, user)
    uraian = (uraian or "").strip()
    if not uraian:
        raise ValidationError(PESAN_URAIAN_WAJIB)
    with transaction.atomic():
        temuan = Temuan(
            evaluasi=evaluasi,
            komponen_kode=komponen_kode,
            kriteria=kriteria,
            uraian=uraian,
            dibuat_oleh=user,
        )
        temuan.full_clean()
        temuan.save()
        audit.catat(
            pengguna=user,
            aksi="lke.temuan.tambah",
            objek=temuan,
            perangkat_daerah=evaluasi.perangkat_daerah,
            perubahan=audit.selisih({}, audit.snapshot(temuan, ["komponen_kode", "uraian"])),
        )
    return temuan


def rekomendasi_tambah(
    *,
    evaluasi: Evaluasi,
    user,
    uraian: str,
    penanggung_jawab: str,
    batas_waktu: datetime.date | None,
    prioritas: str = "sedang",
    temuan: Temuan | None = None,
    kriteria: Kriteria | None = None,
) -> Rekomendasi:
    _wajib_tim(evaluasi, user)
    uraian = (uraian or "").strip()
    if not uraian:
        raise ValidationError(PESAN_URAIAN_WAJIB)
    if temuan is None and kriteria is None:
        raise ValidationError(PESAN_REKOMENDASI_TERKAIT)
    if not (penanggung_jawab or "").strip():
        raise ValidationError(PESAN_PENANGGUNG_JAWAB)
    if batas_waktu is None:
        raise ValidationError(PESAN_BATAS_WAKTU)
    with transaction.atomic():
        nomor = (evaluasi.rekomendasi.aggregate(m=Max("nomor"))["m"] or 0) + 1
        rek = Rekomendasi(
            evaluasi=evaluasi,
            nomor=nomor,
            temuan=temuan,
            kriteria=kriteria,
            uraian=uraian,
            prioritas=prioritas,
            penanggung_jawab=penanggung_jawab.strip(),
            batas_waktu=batas_waktu,
        )
        rek.full_clean()
        rek.save()
        audit.catat(
            pengguna=user,
            aksi="lke.rekomendasi.tambah",
            objek=rek,
            perangkat_daerah=evaluasi.perangkat_daerah,
            perubahan=audit.selisih(
                {}, audit.snapshot(rek, ["nomor", "uraian", "penanggung_jawab", "batas_waktu"])
            ),
        )
    return rek


def tindak_lanjut_ajukan(
    *, rekomendasi: Rekomendasi, user, uraian: str, tautan_bukti: str = "", berkas_bukti=None
) -> TindakLanjut:
    """The PD reports follow-up with evidence; the recommendation awaits verification."""
    pd = rekomendasi.evaluasi.perangkat_daerah
    _wajib(user, pd, PERAN_PD, PESAN_TL_BUKAN_PD)
    if rekomendasi.status == StatusRekomendasi.SELESAI:
        raise ValidationError(PESAN_TL_SUDAH_SELESAI)
    uraian = (uraian or "").strip()
    if not uraian:
        raise ValidationError(PESAN_URAIAN_WAJIB)
    if not (tautan_bukti or "").strip() and not berkas_bukti:
        raise ValidationError(PESAN_TL_BUKTI)
    with transaction.atomic():
        tl = TindakLanjut(
            rekomendasi=rekomendasi,
            uraian=uraian,
            tautan_bukti=(tautan_bukti or "").strip(),
            diajukan_oleh=user,
            diajukan_pada=timezone.now(),
        )
        if berkas_bukti:
            tl.berkas_bukti = berkas_bukti
        tl.full_clean()
        tl.save()
        lama = rekomendasi.status
        rekomendasi.status = StatusRekomendasi.DIAJUKAN
        rekomendasi.save(update_fields=["status"])
        audit.catat(
            pengguna=user,
            aksi="lke.tindak_lanjut.ajukan",
            objek=rekomendasi,
            perangkat_daerah=pd,
            perubahan={"status": [lama, rekomendasi.status]},
            keterangan=uraian,
        )
    return tl


def tindak_lanjut_putuskan(
    *, tindak_lanjut: TindakLanjut, user, terima: bool, catatan: str = ""
) -> TindakLanjut:
    """The Inspektorat accepts the follow-up (recommendation done) or returns it with a note."""
    rekomendasi = tindak_lanjut.rekomendasi
    pd = rekomendasi.evaluasi.perangkat_daerah
    _wajib(user, pd, (Peran.INSPEKTORAT,), PESAN_BUKAN_INSPEKTORAT)
    if tindak_lanjut.status != StatusTindakLanjut.DIAJUKAN:
        raise ValidationError(PESAN_TL_BUKAN_DIAJUKAN)
    catatan = (catatan or "").strip()
    if not terima and not catatan:
        raise ValidationError(PESAN_TL_CATATAN)
    with transaction.atomic():
        tindak_lanjut.status = (
            StatusTindakLanjut.DITERIMA if terima else StatusTindakLanjut.DIKEMBALIKAN
        )
        tindak_lanjut.catatan_verifikator = catatan
        tindak_lanjut.diverifikasi_oleh = user
        tindak_lanjut.diverifikasi_pada = timezone.now()
        tindak_lanjut.save()
        lama = rekomendasi.status
        rekomendasi.status = StatusRekomendasi.SELESAI if terima else StatusRekomendasi.DIKEMBALIKAN
        rekomendasi.save(update_fields=["status"])
        audit.catat(
            pengguna=user,
            aksi="lke.tindak_lanjut." + ("terima" if terima else "kembalikan"),
            objek=rekomendasi,
            perangkat_daerah=pd,
            perubahan={"status": [lama, rekomendasi.status]},
            keterangan=catatan,
        )
    return tindak_lanjut
