"""Every table the web shows, as a standalone XLSX download (issue #10, point 6).

The indicator list of the plan; the pengukuran kinerja at every level it carries (PD,
sasaran and their indicators, tujuan, program / kegiatan / sub-kegiatan indicators); the
realisasi anggaran per program → kegiatan → sub-kegiatan; the efisiensi; the change history
(of the PD, of an indicator, of a realisasi, of the budget entries of a sub-kegiatan). The
report documents (LKjIP, triwulan, Evaluasi Renja, rencana aksi) export through
`views.xlsx`, Periksa laporan and the LKE through their own.

Each download reads the same selectors as its page (never recomputing a number), is written
by the one XLSX writer (`laporan.excel.buat_xlsx`: numbers as numbers with explicit formats,
frozen header rows, column widths) and keeps the page's access rule: another PD answers 404
(`renstra.akses.pd_access`). The table builders below take the selectors' results and query
nothing; each view makes a fixed number of queries (pinned in
tests/laporan/test_ekspor_tabel.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from anggaran.models import RealisasiAnggaran
from anggaran.selectors import RekapAnggaran, rekap_anggaran
from anggaran.services import sub_kegiatan_pd
from common.formatting import TANDA_KOSONG, format_angka, format_triwulan
from common.models import AuditLog, Peran
from common.permissions import PEMBACA
from common.riwayat import Entri, entri_riwayat
from kinerja.models import Realisasi
from kinerja.selectors import LABEL_SUMBER_TARGET, Pengukuran, efisiensi, pengukuran_kinerja
from renstra.akses import pd_access
from renstra.forms import JENIS_DIEDIT
from renstra.models import Indikator, JenisTarget
from renstra.periode import TAHUN_MAKS, TAHUN_MIN
from renstra.selectors import BarisDaftarIndikator, daftar_indikator

from .dokumen.lkjip_anggaran import tabel_efisiensi_baris
from .dokumen.lkjip_kinerja import tabel_capaian_tujuan, tabel_pengukuran, tabel_sasaran_rata_rata
from .dokumen.sel import LABEL_TINGKAT, TEKS_JUMLAH, _kat, _t
from .excel import Lembar, buat_xlsx
from .tabel import BULAT, NILAI, PERSEN, Baris, Kepala, Sel, Tabel
from .views import MIME_XLSX

PERAN_AUDIT = (Peran.KEPALA, Peran.PERENCANA, Peran.INSPEKTORAT)
"""Who may read the whole audit trail of a PD: the same roles as its CSV on the PD home."""

JENIS_TARGET_DAFTAR = JENIS_DIEDIT
"""The target columns of the indicator list: the ones its page shows and edits."""
LABEL_TINGKAT_INDIKATOR = {**LABEL_TINGKAT, "tujuan": "Tujuan"}
ISTILAH_TARGET = {j.value: j.label for j in JenisTarget}
"""Words of the history keys that are no field ("target pk_murni 2026"), as renstra's page."""

YA = "Ya"
KET_RESMI = "Angka resmi: hanya realisasi yang telah disetujui."
KET_KERJA = "Termasuk realisasi yang belum disetujui (angka kerja, bukan angka resmi)."
BATAS_RIWAYAT_PD = 1000
KET_TERPOTONG = (
    "Hanya {n} entri terbaru; jejak audit lengkap: unduh CSV jejak audit di beranda "
    "perangkat daerah."
)
KET_AUDIT = "Waktu dalam zona waktu setempat; satu baris per isian yang berubah."


# --- Helpers ---------------------------------------------------------------------------------


def respons_xlsx(isi: bytes, nama_berkas: str) -> HttpResponse:
    respon = HttpResponse(isi, content_type=MIME_XLSX)
    respon["Content-Disposition"] = f'attachment; filename="{nama_berkas}.xlsx"'
    return respon


def _wajib_tahun(tahun: int) -> None:
    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise Http404


def _wajib_triwulan(triwulan: int) -> None:
    if not 1 <= triwulan <= 4:
        raise Http404


def hanya_resmi(request) -> bool:
    """`?resmi=0` asks for the working numbers (realisasi not yet approved included)."""
    return request.GET.get("resmi") != "0"


def _kop(pd, *baris: str) -> tuple[str, ...]:
    """The lines above a table: the PD and what the numbers are (the table has its title)."""
    return (pd.nama, *baris)


def _label_tw(triwulan: int) -> str:
    return f"s.d. {format_triwulan(triwulan)}"


# --- The indicator list ----------------------------------------------------------------------


def tabel_daftar_indikator(baris: Sequence[BarisDaftarIndikator], tahun: int) -> Tabel:
    isi = []
    for b in baris:
        ind = b.indikator
        isi.append(
            Baris(
                (
                    _t(ind.kode),
                    _t(ind.uraian or TANDA_KOSONG),
                    _t(ind.satuan or TANDA_KOSONG),
                    _t(YA if ind.iku else ""),
                    _t(LABEL_TINGKAT_INDIKATOR.get(ind.tingkat, ind.tingkat)),
                    _t(ind.get_polaritas_display()),
                    _t(ind.get_cara_agregasi_display()),
                    _t(b.unit.nama if b.unit else TANDA_KOSONG),
                    *(
                        Sel(b.target[j].nilai_masukan() if j in b.target else None, NILAI, kunci=j)
                        for j in JENIS_TARGET_DAFTAR
                    ),
                ),
                kunci=ind.kode,
                label=f"Indikator {ind.kode}",
            )
        )
    return Tabel(
        kunci="daftar-indikator",
        judul=f"Indikator dan target tahun {tahun}",
        kepala=(
            (
                Kepala("Kode", rowspan=2),
                Kepala("Indikator", rowspan=2),
                Kepala("Satuan", rowspan=2),
                Kepala("IKU", rowspan=2),
                Kepala("Tingkat", rowspan=2),
                Kepala("Polaritas", rowspan=2),
                Kepala("Cara agregasi", rowspan=2),
                Kepala("Unit penanggung jawab", rowspan=2),
                Kepala(f"Target {tahun}", colspan=len(JENIS_TARGET_DAFTAR)),
            ),
            tuple(Kepala(JenisTarget(j).label) for j in JENIS_TARGET_DAFTAR),
        ),
        baris=tuple(isi),
        lebar_excel=(12, 60, 14, 6, 14, 12, 16, 30, 12, 12, 12, 12),
    )


@require_safe
@pd_access(*PEMBACA)
def indikator_xlsx(request, akses, tahun: int):
    _wajib_tahun(tahun)
    pd = akses.pd
    tabel = tabel_daftar_indikator(daftar_indikator(pd, tahun), tahun)
    isi = buat_xlsx([Lembar("Indikator dan target", [tabel], kop=_kop(pd))])
    return respons_xlsx(isi, f"indikator-{pd.slug}-{tahun}")


# --- Pengukuran kinerja ----------------------------------------------------------------------


def tabel_rincian_pengukuran(p: Pengukuran) -> Tabel:
    """One row per measured indicator (sasaran first, then tujuan) with everything the
    selector carries for it: target version, each quarter, s.d. TW n, capaian, category and
    the progress against the rencana-aksi target."""
    tw = p.triwulan
    baris = []
    pasangan = [(s.kode, b) for s, b in p.baris()]
    pasangan += [("Tujuan", b) for b in p.tujuan]
    for induk, b in pasangan:
        ind = b.indikator
        baris.append(
            Baris(
                (
                    _t(induk),
                    _t(ind.kode),
                    _t(ind.uraian),
                    _t(ind.satuan or TANDA_KOSONG),
                    _t(YA if ind.iku else ""),
                    _t(LABEL_SUMBER_TARGET.get(b.sumber_target, "") if b.sumber_target else ""),
                    Sel(b.target, NILAI, kunci="target"),
                    *(
                        Sel(v, NILAI, kunci=f"tw{i}")
                        for i, v in enumerate(b.realisasi_triwulan[:tw], start=1)
                    ),
                    Sel(b.realisasi, NILAI, kunci="realisasi"),
                    Sel(b.capaian.nilai, PERSEN, kunci="capaian"),
                    _kat(b.kategori),
                    Sel(b.target_triwulan, NILAI, kunci="target_tw"),
                    Sel(
                        b.capaian_triwulan.nilai if b.capaian_triwulan else None,
                        PERSEN,
                        kunci="capaian_tw",
                    ),
                    _t(b.capaian.pesan or ""),
                ),
                kunci=ind.kode,
                label=f"Indikator {ind.kode}",
            )
        )
    return Tabel(
        kunci="rincian-pengukuran",
        judul=f"Rincian pengukuran per indikator tahun {p.tahun} {_label_tw(tw)}",
        kepala=(
            (
                Kepala("Sasaran", rowspan=2),
                Kepala("Kode", rowspan=2),
                Kepala("Indikator", rowspan=2),
                Kepala("Satuan", rowspan=2),
                Kepala("IKU", rowspan=2),
                Kepala("Versi target", rowspan=2),
                Kepala("Target", rowspan=2),
                Kepala("Realisasi per triwulan", colspan=tw),
                Kepala(f"Realisasi {_label_tw(tw)}", rowspan=2),
                Kepala("Capaian", rowspan=2),
                Kepala("Kategori", rowspan=2),
                Kepala(f"Target rencana aksi {_label_tw(tw)}", rowspan=2),
                Kepala("Capaian thd. rencana aksi", rowspan=2),
                Kepala("Keterangan", rowspan=2),
            ),
            tuple(Kepala(format_triwulan(n)) for n in range(1, tw + 1)),
        ),
        baris=tuple(baris),
        lebar_excel=(10, 12, 50, 12, 6, 14, 12, *([12] * tw), 14, 12, 16, 14, 14, 40),
    )


def tabel_indikator_rencana(p: Pengukuran) -> Tabel | None:
    """The program, kegiatan and sub-kegiatan indicators (`Pengukuran.indikator_rencana`,
    the Renja form's rows): measured against the LKjIP's target and against the Renja
    target. None when the plan has none."""
    rows = p.indikator_rencana()
    if not rows:
        return None
    baris = []
    for b in rows:
        ind = b.indikator
        baris.append(
            Baris(
                (
                    _t(LABEL_TINGKAT.get(b.jenis, b.jenis)),
                    _t(b.kode),
                    _t(b.nama),
                    _t(ind.kode),
                    _t(ind.uraian),
                    _t(ind.satuan or TANDA_KOSONG),
                    _t(LABEL_SUMBER_TARGET.get(b.sumber_target_ukur, "")),
                    Sel(b.target_ukur, NILAI, kunci="target"),
                    Sel(b.realisasi, NILAI, kunci="realisasi"),
                    Sel(b.capaian_ukur.nilai if b.capaian_ukur else None, PERSEN, kunci="capaian"),
                    _kat(b.kategori_ukur),
                    Sel(b.target_renja, NILAI, kunci="target_renja"),
                    Sel(
                        b.capaian_renja.nilai if b.capaian_renja else None,
                        PERSEN,
                        kunci="capaian_renja",
                    ),
                ),
                jenis=b.jenis,
                kunci=f"{b.kode}/{ind.kode}",
                label=f"Indikator {ind.kode}",
            )
        )
    tw = _label_tw(p.triwulan)
    return Tabel(
        kunci="indikator-rencana",
        judul=f"Indikator program, kegiatan dan sub-kegiatan tahun {p.tahun} {tw}",
        kepala=(
            (
                Kepala("Tingkat"),
                Kepala("Kode"),
                Kepala("Program / kegiatan / sub-kegiatan"),
                Kepala("Kode indikator"),
                Kepala("Indikator"),
                Kepala("Satuan"),
                Kepala("Versi target"),
                Kepala("Target"),
                Kepala(f"Realisasi {tw}"),
                Kepala("Capaian"),
                Kepala("Kategori"),
                Kepala("Target Renja"),
                Kepala("Tingkat capaian Renja"),
            ),
        ),
        baris=tuple(baris),
        lebar_excel=(14, 22, 44, 14, 50, 12, 14, 12, 14, 12, 16, 12, 14),
    )


@require_safe
@pd_access(*PEMBACA)
def pengukuran_xlsx(request, akses, tahun: int, triwulan: int):
    _wajib_tahun(tahun)
    _wajib_triwulan(triwulan)
    pd, resmi = akses.pd, hanya_resmi(request)
    p = pengukuran_kinerja(
        pd=pd, tahun=tahun, triwulan=triwulan, hanya_resmi=resmi, semua_tingkat=True
    )
    judul = f"Pengukuran kinerja tahun {tahun} {_label_tw(triwulan)}"
    kop = _kop(pd, KET_RESMI if resmi else KET_KERJA)
    lembar = [
        Lembar("Pengukuran kinerja", [tabel_pengukuran(p, judul=judul)], kop=kop),
        Lembar("Capaian sasaran", [tabel_sasaran_rata_rata(p)], kop=kop),
        Lembar("Rincian indikator", [tabel_rincian_pengukuran(p)], kop=kop),
    ]
    tujuan = tabel_capaian_tujuan(p)
    if tujuan is not None:
        lembar.append(Lembar("Indikator tujuan", [tujuan], kop=kop))
    rencana = tabel_indikator_rencana(p)
    if rencana is not None:
        lembar.append(Lembar("Indikator program dan kegiatan", [rencana], kop=kop))
    akhiran = "" if resmi else "-kerja"
    return respons_xlsx(buat_xlsx(lembar), f"pengukuran-{pd.slug}-{tahun}-tw{triwulan}{akhiran}")


# --- Realisasi anggaran ----------------------------------------------------------------------


def tabel_realisasi_anggaran(rekap: RekapAnggaran) -> Tabel:
    """Program → kegiatan → sub-kegiatan with pagu, realisasi per quarter up to TW n, s.d. TW n,
    % serapan and sisa, and the PD's total (every level from `rekap_anggaran`)."""
    tw = rekap.triwulan

    def angka(a) -> tuple[Sel, ...]:
        return (
            Sel(a.pagu, BULAT, kunci="pagu"),
            *(
                Sel(v, BULAT, kunci=f"tw{i}")
                for i, v in enumerate(a.realisasi_triwulan[:tw], start=1)
            ),
            Sel(a.realisasi, BULAT, kunci="realisasi"),
            Sel(a.persen, PERSEN, kunci="persen"),
            Sel(a.sisa, BULAT, kunci="sisa"),
        )

    baris = [
        Baris(
            (
                _t(LABEL_TINGKAT[b.tingkat]),
                _t(b.kode),
                _t(b.nama),
                _t(b.unit_kerja or TANDA_KOSONG),
                *angka(b),
            ),
            jenis=b.tingkat,
            kunci=f"{b.tingkat}-{b.kode}",
            label=f"{LABEL_TINGKAT[b.tingkat]} {b.kode}",
        )
        for b in rekap.baris()
    ]
    baris.append(Baris((_t(TEKS_JUMLAH, colspan=4), *angka(rekap)), jenis="jumlah", kunci="jumlah"))
    return Tabel(
        kunci="realisasi-anggaran",
        judul=f"Realisasi anggaran tahun {rekap.tahun} {_label_tw(tw)}",
        kepala=(
            (
                Kepala("Tingkat", rowspan=2),
                Kepala("Kode", rowspan=2),
                Kepala("Program / kegiatan / sub-kegiatan", rowspan=2),
                Kepala("Unit kerja", rowspan=2),
                Kepala("Pagu (Rp)", rowspan=2),
                Kepala("Realisasi per triwulan (Rp)", colspan=tw),
                Kepala(f"Realisasi {_label_tw(tw)} (Rp)", rowspan=2),
                Kepala("% serapan", rowspan=2),
                Kepala("Sisa (Rp)", rowspan=2),
            ),
            tuple(Kepala(format_triwulan(n)) for n in range(1, tw + 1)),
        ),
        baris=tuple(baris),
        catatan=(
            "Persentase = realisasi / pagu × 100 pada setiap tingkat; jumlah program dan "
            "kegiatan dihitung dari rinciannya.",
        ),
        lebar_excel=(14, 22, 60, 28, 18, *([16] * tw), 18, 10, 18),
    )


@require_safe
@pd_access(*PEMBACA)
def anggaran_xlsx(request, akses, tahun: int, triwulan: int):
    _wajib_tahun(tahun)
    _wajib_triwulan(triwulan)
    pd, resmi = akses.pd, hanya_resmi(request)
    rekap = rekap_anggaran(pd=pd, tahun=tahun, triwulan=triwulan, hanya_resmi=resmi)
    tabel = tabel_realisasi_anggaran(rekap)
    kop = _kop(pd, KET_RESMI if resmi else KET_KERJA)
    akhiran = "" if resmi else "-kerja"
    return respons_xlsx(
        buat_xlsx([Lembar("Realisasi anggaran", [tabel], kop=kop)]),
        f"realisasi-anggaran-{pd.slug}-{tahun}-tw{triwulan}{akhiran}",
    )


@require_safe
@pd_access(*PEMBACA)
def efisiensi_xlsx(request, akses, tahun: int):
    _wajib_tahun(tahun)
    pd, resmi = akses.pd, hanya_resmi(request)
    ef = efisiensi(pd=pd, tahun=tahun, hanya_resmi=resmi)
    judul = f"Efisiensi penggunaan anggaran tahun {tahun}"
    tabel = tabel_efisiensi_baris(ef.baris, "efisiensi", judul)
    kop = _kop(pd, KET_RESMI if resmi else KET_KERJA)
    akhiran = "" if resmi else "-kerja"
    return respons_xlsx(
        buat_xlsx([Lembar("Efisiensi anggaran", [tabel], kop=kop)]),
        f"efisiensi-{pd.slug}-{tahun}{akhiran}",
    )


# --- Change history --------------------------------------------------------------------------


def tabel_riwayat(pasangan: Iterable[tuple[AuditLog, Entri]], judul: str) -> Tabel:
    """Who, when, what, old and new: one row per changed field (an entry without field
    changes, e.g. a submission, is one row); the remark once, on the entry's first row."""
    baris = []
    for log, e in pasangan:
        waktu = timezone.localtime(log.waktu)
        awal = (Sel(waktu), _t(e.pengguna), _t(e.kalimat), _t(e.objek))
        for i, p in enumerate(e.perubahan or (None,)):
            baris.append(
                Baris(
                    (
                        *awal,
                        _t(p.label if p else ""),
                        _t(p.lama if p else ""),
                        _t(p.baru if p else ""),
                        _t(e.keterangan if i == 0 else ""),
                    )
                )
            )
    return Tabel(
        kunci="riwayat",
        judul=judul,
        kepala=(
            (
                Kepala("Waktu"),
                Kepala("Pengguna"),
                Kepala("Tindakan"),
                Kepala("Objek"),
                Kepala("Isian"),
                Kepala("Nilai lama"),
                Kepala("Nilai baru"),
                Kepala("Keterangan"),
            ),
        ),
        baris=tuple(baris),
        catatan=(KET_AUDIT,),
        lebar_excel=(17, 24, 34, 40, 24, 30, 30, 40),
    )


def _riwayat_xlsx(pd, pasangan, judul: str, nama_berkas: str, *kop: str) -> HttpResponse:
    tabel = tabel_riwayat(pasangan, judul)
    isi = buat_xlsx([Lembar("Riwayat perubahan", [tabel], kop=_kop(pd, *kop))])
    return respons_xlsx(isi, nama_berkas)


def _log(**filter_) -> list[AuditLog]:
    return list(
        AuditLog.objects.filter(**filter_).select_related("pengguna").order_by("-waktu", "-id")
    )


def riwayat_per_model(log: Sequence[AuditLog]) -> list[tuple[AuditLog, Entri]]:
    """Entries of mixed models, each read with its own model's field names (one query per
    related model the entries mention, per model; the order of `log` is kept)."""
    per_model: dict[int | None, list[AuditLog]] = {}
    for e in log:
        per_model.setdefault(e.content_type_id, []).append(e)
    entri: dict[int, Entri] = {}
    for ct_id, daftar in per_model.items():
        model = ContentType.objects.get_for_id(ct_id).model_class() if ct_id else None
        istilah = ISTILAH_TARGET if model is Indikator else None
        for e, hasil in zip(daftar, entri_riwayat(daftar, model, istilah=istilah), strict=True):
            entri[e.pk] = hasil
    return [(e, entri[e.pk]) for e in log]


@require_safe
@pd_access(*PERAN_AUDIT)
def riwayat_pd_xlsx(request, akses):
    """The latest BATAS_RIWAYAT_PD entries of the PD's audit trail (the CSV on the PD home
    streams all of it); the sheet says when older entries were left out."""
    pd = akses.pd
    log = list(
        AuditLog.objects.filter(perangkat_daerah=pd)
        .select_related("pengguna")
        .order_by("-waktu", "-id")[: BATAS_RIWAYAT_PD + 1]
    )
    kop = ()
    if len(log) > BATAS_RIWAYAT_PD:
        log = log[:BATAS_RIWAYAT_PD]
        kop = (KET_TERPOTONG.format(n=format_angka(BATAS_RIWAYAT_PD, 0)),)
    return _riwayat_xlsx(
        pd, riwayat_per_model(log), f"Riwayat perubahan {pd.nama}", f"riwayat-{pd.slug}", *kop
    )


@require_safe
@pd_access(*PEMBACA)
def riwayat_indikator_xlsx(request, akses, pk: int):
    ind = get_object_or_404(Indikator.objects.for_pd(akses.pd), pk=pk)
    log = _log(content_type=ContentType.objects.get_for_model(Indikator), object_id=str(ind.pk))
    pasangan = list(zip(log, entri_riwayat(log, Indikator, istilah=ISTILAH_TARGET), strict=True))
    return _riwayat_xlsx(
        akses.pd,
        pasangan,
        f"Riwayat indikator {ind.kode}",
        f"riwayat-indikator-{akses.pd.slug}-{ind.pk}",
    )


@require_safe
@pd_access(*PEMBACA)
def riwayat_realisasi_xlsx(request, akses, pk: int):
    r = get_object_or_404(Realisasi.objects.for_pd(akses.pd).select_related("indikator"), pk=pk)
    log = _log(content_type=ContentType.objects.get_for_model(Realisasi), object_id=str(r.pk))
    label = f"{format_triwulan(r.triwulan)} {r.tahun}" if r.triwulan else f"tahun {r.tahun}"
    return _riwayat_xlsx(
        akses.pd,
        list(zip(log, entri_riwayat(log, Realisasi), strict=True)),
        f"Riwayat realisasi {r.indikator.kode} {label}",
        f"riwayat-realisasi-{akses.pd.slug}-{r.pk}",
    )


@require_safe
@pd_access(*PEMBACA)
def riwayat_anggaran_xlsx(request, akses, sub_kegiatan: int, tahun: int):
    _wajib_tahun(tahun)
    sub = get_object_or_404(sub_kegiatan_pd(akses.pd), pk=sub_kegiatan)
    ids = RealisasiAnggaran.objects.filter(sub_kegiatan=sub, tahun=tahun).values_list(
        "pk", flat=True
    )
    log = _log(
        content_type=ContentType.objects.get_for_model(RealisasiAnggaran),
        object_id__in=[str(pk) for pk in ids],
    )
    return _riwayat_xlsx(
        akses.pd,
        list(zip(log, entri_riwayat(log, RealisasiAnggaran), strict=True)),
        f"Riwayat realisasi anggaran {sub.kode} tahun {tahun}",
        f"riwayat-anggaran-{akses.pd.slug}-{sub.kode}-{tahun}",
    )
