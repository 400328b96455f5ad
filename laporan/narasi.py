"""The editable narrative of a report: text → HTML, data placeholders, problems.

Narrative is plain text typed in the app: blank lines separate paragraphs; lines starting with
"- " or "• " are bullet items, lines starting with "1. " (any number) are numbered items.
Numbers are never typed: a placeholder such as ``{{capaian:S1.I1}}`` or ``{{pagu_total}}`` is
filled at render time from the same selectors as the tables (laporan.selectors.nilai_placeholder).
The budget headline ``{{pagu_total}}``, ``{{realisasi_anggaran_total}}``, ``{{serapan_total}}``
and ``{{sisa_anggaran}}`` is the agency's total as a document states it when one is recorded
(anggaran.AnggaranPerangkatDaerah; serapan recomputed from the stated amounts), else the sum
of the program tree; ``{{pagu_program}}``, ``{{realisasi_program}}`` and ``{{serapan_program}}``
are always the program tree's sum.

A placeholder that is not known (misspelt name, unknown indicator code) is reported by
``render_narasi`` and printed as a visible marker, never as the raw ``{{…}}`` text.

Facts the data does not hold (tupoksi, struktur organisasi, isu strategis, sarana, upaya
perbaikan, the causes of a sasaran's result) are never drafted as filler: the draft is the
marker ``{{belum_diisi}}``, printed "[belum diisi]" (class ``belum-diisi``), and a report whose
narrative still holds it cannot be approved (``bagian_belum_diisi``).

Pure Python apart from Django's HTML escaping; no database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PESAN_PLACEHOLDER_TIDAK_DIKENAL = "Placeholder {{{{{nama}}}}} tidak dikenal pada bagian “{bagian}”."
TANDA_PLACEHOLDER_GALAT = "[data tidak dikenal]"
BELUM_DIISI = "{{belum_diisi}}"
"""The marker of a part whose facts are not in the data (never replaced by invented text)."""
TANDA_BELUM_DIISI = "[belum diisi]"
PANJANG_UTUH = 24

POLA_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)(?:\s*:\s*([^{}\s]+))?\s*\}\}")
_POLA_BUTIR = re.compile(r"^\s*(?:[-•*]\s+)(.*)$")
_POLA_NOMOR = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")


@dataclass(frozen=True)
class HasilNarasi:
    html: SafeString
    tidak_dikenal: tuple[str, ...]
    """The placeholders (as written, without braces) that could not be filled."""


def kunci_placeholder(nama: str, argumen: str | None) -> str:
    """The key of the placeholder dictionary: "pagu_total" or "capaian:S1.I1"."""
    return f"{nama}:{argumen}" if argumen else nama


def daftar_placeholder(teks: str) -> list[str]:
    """Every placeholder written in `teks`, as dictionary keys, in order."""
    return [kunci_placeholder(m[1], m[2]) for m in POLA_PLACEHOLDER.finditer(teks or "")]


def isi_placeholder(teks: str, nilai: Mapping[str, str]) -> tuple[str, list[str]]:
    """Replace the placeholders of an escaped text; unknown ones become a marker.

    `teks` must already be HTML-escaped; the values are escaped here. Returns the HTML and the
    unknown placeholders.
    """
    tidak_dikenal: list[str] = []

    def ganti(m: re.Match) -> str:
        kunci = kunci_placeholder(m[1], m[2])
        if kunci == "belum_diisi":
            return f'<span class="belum-diisi">{TANDA_BELUM_DIISI}</span>'
        if kunci in nilai:
            isi = nilai[kunci]
            # Short values (numbers, categories) never break across lines; names may.
            kelas = "data utuh" if len(isi) <= PANJANG_UTUH else "data"
            return f'<span class="{kelas}" data-placeholder="{escape(kunci)}">{escape(isi)}</span>'
        tidak_dikenal.append(kunci)
        return (
            f'<span class="placeholder-galat" title="{escape(kunci)}">'
            f"{TANDA_PLACEHOLDER_GALAT}</span>"
        )

    return POLA_PLACEHOLDER.sub(ganti, teks), tidak_dikenal


def _paragraf(baris: list[str]) -> str:
    return "<p>" + "<br>".join(baris) + "</p>"


def teks_ke_html(teks: str) -> str:
    """Plain narrative → escaped HTML (paragraphs and lists); placeholders left in place."""
    potongan: list[str] = []
    for blok in re.split(r"\n\s*\n", (teks or "").strip()):
        baris = [b.rstrip() for b in blok.splitlines() if b.strip()]
        if not baris:
            continue
        butir = [_POLA_BUTIR.match(b) for b in baris]
        nomor = [_POLA_NOMOR.match(b) for b in baris]
        if all(butir):
            isi = "".join(f"<li>{escape(m[1])}</li>" for m in butir)
            potongan.append(f"<ul>{isi}</ul>")
        elif all(nomor):
            mulai = nomor[0][1]
            isi = "".join(f"<li>{escape(m[2])}</li>" for m in nomor)
            awal = f' start="{mulai}"' if mulai != "1" else ""
            potongan.append(f"<ol{awal}>{isi}</ol>")
        else:
            potongan.append(_paragraf([escape(b) for b in baris]))
    return "\n".join(potongan)


def render_narasi(teks: str, nilai: Mapping[str, str]) -> HasilNarasi:
    """Narrative text → safe HTML with the placeholders filled from `nilai`."""
    html, tidak_dikenal = isi_placeholder(teks_ke_html(teks), nilai)
    return HasilNarasi(mark_safe(html), tuple(tidak_dikenal))  # noqa: S308 - escaped above


# --- The narrative parts of each report and their drafts from the data ----------------------


@dataclass(frozen=True)
class Bagian:
    kunci: str
    judul: str


BAGIAN_LKJIP = (
    Bagian("kata_pengantar", "Kata Pengantar"),
    Bagian("ikhtisar_eksekutif", "Ikhtisar Eksekutif"),
    Bagian("bab1_latar_belakang", "Latar Belakang"),
    Bagian("bab1_landasan_hukum", "Landasan Hukum"),
    Bagian("bab1_maksud_tujuan", "Maksud dan Tujuan"),
    Bagian("bab1_tugas_fungsi", "Tugas Pokok dan Fungsi"),
    Bagian("bab1_struktur_organisasi", "Struktur Organisasi"),
    Bagian("bab1_sumber_daya", "Sumber Daya"),
    Bagian("bab1_permasalahan", "Permasalahan Utama (Isu Strategis)"),
    Bagian("bab1_sistematika", "Sistematika Penyajian"),
    Bagian("bab2_renstra", "Rencana Strategis"),
    Bagian("bab2_renja", "Rencana Kerja dan Anggaran"),
    Bagian("bab2_iku", "Indikator Kinerja Utama"),
    Bagian("bab2_pk", "Perjanjian Kinerja"),
    Bagian("bab3_pengukuran", "Capaian Kinerja Organisasi"),
    Bagian("bab3_anggaran", "Realisasi Anggaran"),
    Bagian("bab3_efisiensi", "Efisiensi Penggunaan Sumber Daya"),
    Bagian("bab4_kesimpulan", "Kesimpulan"),
    Bagian("bab4_saran", "Upaya Perbaikan dan Saran"),
)
"""The fixed narrative parts of the LKjIP, in print order."""

ANALISIS_SASARAN = (
    ("target", "Perbandingan target dan realisasi kinerja tahun ini"),
    ("tahun_lalu", "Perbandingan realisasi dan capaian dengan tahun-tahun sebelumnya"),
    ("renstra", "Perbandingan realisasi dengan target akhir Renstra"),
    ("pembanding", "Perbandingan dengan standar nasional / provinsi"),
    ("penyebab", "Analisis penyebab keberhasilan atau kegagalan serta alternatif solusi"),
    ("efisiensi", "Analisis efisiensi penggunaan sumber daya"),
    ("program", "Program dan kegiatan yang menunjang pencapaian sasaran"),
)
"""The seven analyses of each sasaran (DOMAIN.md §7.1 Bab III), key and title."""

BAGIAN_TRIWULAN = (
    Bagian("kata_pengantar", "Kata Pengantar"),
    Bagian("bab1_kinerja", "Kinerja"),
    Bagian("bab2_permasalahan", "Kendala dan Permasalahan"),
    Bagian("bab2_tindak_lanjut", "Tindak Lanjut Penyelesaian"),
    Bagian("bab3_penutup", "Penutup"),
)


def judul_bagian(kunci: str) -> str:
    """The printed title of a narrative part key, e.g. "Sasaran S1: Analisis penyebab …"."""
    for b in (*BAGIAN_LKJIP, *BAGIAN_TRIWULAN):
        if b.kunci == kunci:
            return b.judul
    if kunci.startswith("sasaran_"):
        for analisis, judul in ANALISIS_SASARAN:
            akhiran = f"_{analisis}"
            if kunci.endswith(akhiran):
                return f"Sasaran {kunci[len('sasaran_') : -len(akhiran)]}: {judul}"
        return f"Sasaran {kunci[len('sasaran_') :]}"
    return kunci


def kunci_sasaran(kode: str, analisis: str) -> str:
    return f"sasaran_{kode}_{analisis}"


def daftar_bagian_lkjip(kode_sasaran: list[str]) -> list[Bagian]:
    """Every narrative part of an LKjIP: the fixed ones and the seven analyses per sasaran."""
    hasil = list(BAGIAN_LKJIP[:15])
    for kode in kode_sasaran:
        for kunci, judul in ANALISIS_SASARAN:
            hasil.append(Bagian(kunci_sasaran(kode, kunci), f"Sasaran {kode}: {judul}"))
    hasil += list(BAGIAN_LKJIP[15:])
    return hasil


def _daftar(item: list[str]) -> str:
    return "\n".join(f"- {i}" for i in item)


def _satu_baris(teks: str) -> str:
    return " ".join((teks or "").split())


BAGIAN_PROFIL = {
    "bab1_tugas_fungsi": "tugas_fungsi",
    "bab1_struktur_organisasi": "struktur_organisasi",
    "bab1_sumber_daya": "sarana_prasarana",
    "bab1_permasalahan": "permasalahan",
    "bab4_saran": "upaya_perbaikan",
}
"""LKjIP part → the PD's fact section (renstra.BagianProfil) that is its text."""


def teks_profil(baris, tahun: int) -> dict[str, str]:
    """{bagian: teks} of a PD for a report year: the year's own row wins over tahun 0.

    `baris` are renstra.NarasiPerangkatDaerah rows (any object with bagian, tahun, teks).
    """
    hasil: dict[str, tuple[int, str]] = {}
    for b in baris:
        if b.tahun not in (0, tahun) or not (b.teks or "").strip():
            continue
        if b.bagian not in hasil or b.tahun == tahun:
            hasil[b.bagian] = (b.tahun, b.teks)
    return {k: v[1] for k, v in hasil.items()}


def bagian_belum_diisi(teks: Mapping[str, str]) -> list[str]:
    """The parts (keys, in order) whose printed text still holds the "belum diisi" marker."""
    return [k for k, t in teks.items() if BELUM_DIISI in (t or "").replace(" ", "")]


def draf_lkjip(data, profil: Mapping[str, str] | None = None) -> dict[str, str]:
    """Draft narrative of every part of an LKjIP, from the data; numbers as placeholders.

    `data` is a laporan.selectors.DataLKjIP; `profil` the PD's fact sections for the year
    ({bagian: teks}, see `teks_profil`), printed verbatim; a missing one is `BELUM_DIISI`.
    Texts entered with the realisations (faktor pendorong, penghambat, tindak lanjut,
    penjelasan) are quoted as they are.
    """
    profil = profil or {}
    p = data.pengukuran
    d: dict[str, str] = {}
    d["kata_pengantar"] = (
        "Puji syukur kita panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat dan "
        "karunia-Nya Laporan Kinerja Instansi Pemerintah (LKjIP) {{nama_pd}} Tahun {{tahun}} "
        "dapat diselesaikan.\n\n"
        "LKjIP ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi "
        "serta pencapaian sasaran strategis yang ditetapkan dalam Rencana Strategis dan "
        "Perjanjian Kinerja Tahun {{tahun}}, sesuai Peraturan Presiden Nomor 29 Tahun 2014 dan "
        "Peraturan Menteri PANRB Nomor 53 Tahun 2014.\n\n"
        "Semoga laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja pada "
        "tahun-tahun berikutnya."
    )
    sasaran = [f"{s.uraian}" for s in p.sasaran]
    d["ikhtisar_eksekutif"] = (
        "Pada Tahun {{tahun}}, {{nama_pd}} menetapkan {{jumlah_sasaran}} sasaran strategis "
        "yang diukur dengan {{jumlah_indikator}} indikator kinerja, yaitu:\n\n"
        + "\n".join(f"{i}. {s}" for i, s in enumerate(sasaran, start=1))
        + "\n\nRata-rata capaian kinerja sasaran strategis Tahun {{tahun}} sebesar "
        "{{capaian_pd}} dengan kategori {{kategori_pd}}. Dari seluruh indikator, "
        + ", ".join(
            f"{{{{jumlah_kategori:{urutan}}}}} indikator berkategori {label}"
            for urutan, label, _n in data.kategori_jumlah
        )
        + ".\n\nRealisasi anggaran sebesar {{realisasi_anggaran_total}} dari pagu "
        "{{pagu_total}} atau {{serapan_total}}."
    )
    d["bab1_latar_belakang"] = (
        "Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) mewajibkan setiap instansi "
        "pemerintah mempertanggungjawabkan pelaksanaan tugas dan fungsinya melalui laporan "
        "kinerja. Laporan Kinerja Instansi Pemerintah (LKjIP) {{nama_pd}} Tahun {{tahun}} "
        "menyajikan capaian kinerja dibandingkan dengan target dalam Perjanjian Kinerja dan "
        "Rencana Strategis periode {{periode_renstra}}."
    )
    d["bab1_landasan_hukum"] = _daftar(
        [
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
            "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja "
            "Instansi Pemerintah;",
            "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
            "Instansi Pemerintah;",
            "Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian "
            "Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi "
            "Pemerintah;",
            "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, "
            "Pengendalian dan Evaluasi Pembangunan Daerah;",
            "Peraturan Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja "
            "Instansi Pemerintah.",
        ]
    )
    d["bab1_maksud_tujuan"] = (
        "LKjIP disusun dengan maksud memberikan informasi kinerja yang terukur kepada pemberi "
        "mandat atas kinerja yang telah dan seharusnya dicapai, serta sebagai upaya perbaikan "
        "berkesinambungan untuk meningkatkan kinerja {{nama_pd}}."
    )
    d["bab1_sistematika"] = _daftar(
        [
            "Bab I Pendahuluan: latar belakang, landasan hukum, maksud dan tujuan, tugas pokok "
            "dan fungsi, struktur organisasi, sumber daya, permasalahan utama;",
            "Bab II Perencanaan Kinerja: Rencana Strategis, rencana kerja, indikator kinerja "
            "utama dan Perjanjian Kinerja;",
            "Bab III Akuntabilitas Kinerja: capaian kinerja organisasi, analisis per sasaran, "
            "realisasi anggaran dan efisiensi;",
            "Bab IV Penutup: kesimpulan serta upaya perbaikan dan saran;",
            "Lampiran.",
        ]
    )
    d["bab2_renstra"] = (
        "Rencana Strategis {{nama_pd}} periode {{periode_renstra}} menetapkan tujuan, sasaran "
        "strategis dan indikator kinerja beserta target tahunannya sebagai berikut."
    )
    d["bab2_renja"] = (
        "Untuk mencapai sasaran tersebut, pada Tahun {{tahun}} dilaksanakan {{jumlah_program}} "
        "program dengan pagu anggaran {{pagu_total}}."
    )
    d["bab2_iku"] = (
        "Indikator Kinerja Utama (IKU) merupakan ukuran keberhasilan pencapaian sasaran "
        "strategis. Formulasi perhitungan, sumber data dan penanggung jawab setiap IKU "
        "disajikan pada tabel berikut."
    )
    d["bab2_pk"] = (
        "Perjanjian Kinerja Tahun {{tahun}} memuat target kinerja yang diperjanjikan dan "
        "menjadi dasar pengukuran kinerja dalam laporan ini."
    )
    d["bab3_pengukuran"] = (
        "Pengukuran kinerja dilakukan dengan membandingkan realisasi terhadap target setiap "
        "indikator. Rata-rata capaian kinerja seluruh sasaran strategis Tahun {{tahun}} adalah "
        "{{capaian_pd}} dengan kategori {{kategori_pd}}."
    )
    for a in data.analisis:
        s = a.sasaran
        kode = s.kode
        target, penyebab = [], []
        for b in s.indikator:
            k = b.indikator.kode
            kalimat = (
                f"Indikator {{{{indikator:{k}}}}} dengan target {{{{target:{k}}}}} "
                f"({{{{sumber_target:{k}}}}}) terealisasi {{{{realisasi:{k}}}}} sehingga "
                f"capaiannya {{{{capaian:{k}}}}} (kategori {{{{kategori:{k}}}}})."
            )
            if b.indikator.formula:
                kalimat += f" Cara perhitungan: {_satu_baris(b.indikator.formula)}."
            if b.penjelasan:
                kalimat += f" {_satu_baris(b.penjelasan)}"
            target.append(kalimat)
            if b.faktor_pendorong:
                penyebab.append(f"Faktor pendorong ({k}): {_satu_baris(b.faktor_pendorong)}")
            if b.faktor_penghambat:
                penyebab.append(f"Faktor penghambat ({k}): {_satu_baris(b.faktor_penghambat)}")
            if b.tindak_lanjut:
                penyebab.append(f"Upaya / tindak lanjut ({k}): {_satu_baris(b.tindak_lanjut)}")
        d[kunci_sasaran(kode, "target")] = (
            "\n\n".join(target)
            + f"\n\nRata-rata capaian sasaran ini {{{{capaian_sasaran:{kode}}}}} "
            f"(kategori {{{{kategori_sasaran:{kode}}}}})."
        )
        d[kunci_sasaran(kode, "tahun_lalu")] = "\n\n".join(
            f"Realisasi {{{{indikator:{b.indikator.kode}}}}} tahun {{{{tahun_lalu}}}} sebesar "
            f"{{{{realisasi_lalu:{b.indikator.kode}}}}} dengan capaian "
            f"{{{{capaian_lalu:{b.indikator.kode}}}}}; tahun {{{{tahun}}}} sebesar "
            f"{{{{realisasi:{b.indikator.kode}}}}} dengan capaian "
            f"{{{{capaian:{b.indikator.kode}}}}}."
            for b in s.indikator
        )
        d[kunci_sasaran(kode, "renstra")] = "\n\n".join(
            f"Dibandingkan target akhir Renstra {{{{target_akhir:{b.indikator.kode}}}}}, "
            f"realisasi {{{{indikator:{b.indikator.kode}}}}} tahun {{{{tahun}}}} mencapai "
            f"{{{{capaian_akhir:{b.indikator.kode}}}}}."
            for b in s.indikator
        )
        ada_pembanding = any(b.nilai_pembanding is not None for b in a.perbandingan)
        d[kunci_sasaran(kode, "pembanding")] = (
            "Perbandingan dengan standar nasional/provinsi disajikan pada tabel berikut."
            if ada_pembanding
            else "Belum tersedia nilai pembanding nasional atau provinsi untuk indikator "
            "sasaran ini."
        )
        d[kunci_sasaran(kode, "penyebab")] = _daftar(penyebab) if penyebab else BELUM_DIISI
        d[kunci_sasaran(kode, "efisiensi")] = (
            "Efisiensi penggunaan sumber daya dinilai dengan membandingkan persentase capaian "
            "kinerja dengan persentase serapan anggaran program dan kegiatan pendukung."
        )
        d[kunci_sasaran(kode, "program")] = (
            "\n\n".join(
                f"Sasaran ini didukung {{{{program:{pp.kode}}}}} dengan pagu "
                f"{{{{pagu:{pp.kode}}}}} dan realisasi {{{{realisasi_anggaran:{pp.kode}}}}} "
                f"({{{{serapan:{pp.kode}}}}})."
                for pp in a.program
            )
            or "Belum ada program yang ditautkan pada sasaran ini."
        )
    d["bab3_anggaran"] = (
        "Pagu anggaran Tahun {{tahun}} sebesar {{pagu_total}} terealisasi "
        "{{realisasi_anggaran_total}} atau {{serapan_total}}, dengan sisa anggaran "
        "{{sisa_anggaran}}."
    )
    if data.anggaran_pd_berbeda:
        d["bab3_anggaran"] += (
            " Jumlah program, kegiatan dan sub-kegiatan yang tercatat: pagu {{pagu_program}} "
            "dengan realisasi {{realisasi_program}} ({{serapan_program}})."
        )
    d["bab3_efisiensi"] = (
        "Efisiensi dihitung sebagai selisih persentase capaian kinerja dengan persentase "
        "serapan anggaran; program, kegiatan atau sub-kegiatan berlabel efisien bila capaian "
        "kinerjanya paling sedikit 100% dengan serapan anggaran di bawah 100%."
    )
    d["bab4_kesimpulan"] = (
        "Rata-rata capaian kinerja {{nama_pd}} Tahun {{tahun}} sebesar {{capaian_pd}} "
        "(kategori {{kategori_pd}}), dengan realisasi anggaran {{serapan_total}} dari pagu "
        "{{pagu_total}}.\n\n"
        + "\n".join(
            f"- Sasaran {{{{sasaran:{s.kode}}}}}: {{{{capaian_sasaran:{s.kode}}}}} "
            f"({{{{kategori_sasaran:{s.kode}}}}})"
            for s in p.sasaran
        )
    )
    for kunci, bagian in BAGIAN_PROFIL.items():
        d[kunci] = (profil.get(bagian) or "").strip() or BELUM_DIISI
    return d


def draf_triwulan(data) -> dict[str, str]:
    """Draft narrative of the quarterly report (`data`: laporan.selectors.DataTriwulan)."""
    p = data.pengukuran
    d: dict[str, str] = {
        "kata_pengantar": (
            "Laporan Kinerja {{nama_pd}} {{triwulan}} Tahun {{tahun}} disusun sebagai wujud "
            "pertanggungjawaban pelaksanaan tugas dan fungsi serta alat pengendalian capaian "
            "kinerja selama tahun berjalan."
        ),
        "bab1_kinerja": (
            "Capaian kinerja dihitung dengan membandingkan realisasi s.d. {{triwulan}} terhadap "
            "target Renja Tahun {{tahun}}. Rata-rata capaian s.d. {{triwulan}} sebesar "
            "{{capaian_pd}} (kategori {{kategori_pd}}); realisasi anggaran "
            "{{realisasi_anggaran_total}} dari pagu {{pagu_total}} ({{serapan_total}})."
        ),
    }
    penghambat, lanjut = [], []
    for s in p.sasaran:
        kalimat = []
        for b in s.indikator:
            k = b.indikator.kode
            kalimat.append(
                f"Indikator {{{{indikator:{k}}}}}: target {{{{target:{k}}}}}, realisasi s.d. "
                f"{{{{triwulan}}}} {{{{realisasi:{k}}}}}, capaian {{{{capaian:{k}}}}}."
            )
            if b.faktor_pendorong:
                kalimat.append(f"Faktor pendorong: {_satu_baris(b.faktor_pendorong)}")
            if b.faktor_penghambat:
                penghambat.append(f"{k}: {_satu_baris(b.faktor_penghambat)}")
            if b.tindak_lanjut:
                lanjut.append(f"{k}: {_satu_baris(b.tindak_lanjut)}")
        d[f"sasaran_{s.kode}"] = "\n\n".join(kalimat) or BELUM_DIISI
    d["bab2_permasalahan"] = _daftar(penghambat) if penghambat else BELUM_DIISI
    d["bab2_tindak_lanjut"] = _daftar(lanjut) if lanjut else BELUM_DIISI
    d["bab3_penutup"] = (
        "Demikian Laporan Kinerja {{triwulan}} Tahun {{tahun}} ini disusun untuk dipergunakan "
        "sebagaimana mestinya."
    )
    return d


def daftar_bagian_triwulan(kode_sasaran: list[str]) -> list[Bagian]:
    hasil = list(BAGIAN_TRIWULAN[:2])
    hasil += [Bagian(f"sasaran_{k}", f"Sasaran {k}") for k in kode_sasaran]
    hasil += list(BAGIAN_TRIWULAN[2:])
    return hasil
