"""The workbook layout of the import format (docs/format-impor.md): sheets and their columns.

One definition read by the workbook reader (`buku_kerja`) and written by the template and
the exporter (`ekspor_buku`), so the two never disagree. Each sheet has one header row
(row 1, frozen); a column has a header, a key, a type, an optional list of choices (a
drop-down in the template) and a note (a cell comment in the template).
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.models import TingkatAnggaran, VersiPK
from renstra.models import CaraAgregasi, Eselon, JenisNilai, JenisPemda, JenisTarget, Polaritas

# Column types.
TEKS = "teks"
ANGKA = "angka"  # a decimal: 1.234,56 / 1,234.56 / 7,8% / Rp 1.000.000 / a number cell
NILAI = "nilai"  # a target or realisation: a number or a predikat letter
BULAT = "bulat"  # a whole number (years, misi numbers)
YA_TIDAK = "ya_tidak"

YA, TIDAK = "Ya", "Tidak"
TINGKAT_SIMPUL = ("program", "kegiatan", "sub_kegiatan")
TINGKAT_INDIKATOR = ("tujuan", "sasaran", *TINGKAT_SIMPUL)


@dataclass(frozen=True)
class Kolom:
    judul: str
    kunci: str
    jenis: str = TEKS
    pilihan: tuple[str, ...] = ()
    catatan: str = ""
    wajib: bool = False
    lebar: int = 16
    saran: tuple[str, ...] = ()
    """Suggestions for the template's drop-down that other text may replace (units)."""


@dataclass(frozen=True)
class Lembar:
    nama: str
    kolom: tuple[Kolom, ...]
    keterangan: str


_TW = tuple(
    Kolom(f"TW {r}", f"tw{i}", ANGKA, lebar=12) for i, r in enumerate(("I", "II", "III", "IV"), 1)
)
_TW_NILAI = tuple(
    Kolom(f"TW {r}", f"tw{i}", NILAI, lebar=12) for i, r in enumerate(("I", "II", "III", "IV"), 1)
)

LEMBAR: tuple[Lembar, ...] = (
    Lembar(
        "PD",
        (
            Kolom("Isian", "isian", wajib=True, lebar=28),
            Kolom("Nilai", "nilai", lebar=60),
        ),
        "Identitas pemerintah daerah dan perangkat daerah, periode RPJMD dan Renstra.",
    ),
    Lembar(
        "Misi",
        (Kolom("Nomor", "nomor", BULAT, wajib=True, lebar=8), Kolom("Uraian", "uraian", lebar=80)),
        "Misi RPJMD, bernomor 1, 2, 3 …",
    ),
    Lembar(
        "Unit",
        (
            Kolom("Kode", "kode", wajib=True, catatan="Kode singkat, mis. sekretariat."),
            Kolom("Nama", "nama", wajib=True, lebar=40),
            Kolom("Induk", "induk", catatan="Kode unit induk; kosong untuk unit teratas."),
        ),
        "Unit kerja (Sekretariat, Bidang …).",
    ),
    Lembar(
        "Pejabat",
        (
            Kolom("NIP", "nip", catatan="18 digit tanpa spasi; kosong bila tidak dicetak."),
            Kolom("Nama", "nama", lebar=32),
            Kolom("Pangkat", "pangkat", lebar=20),
            Kolom("Golongan", "golongan", lebar=10),
            Kolom("Jabatan", "jabatan", wajib=True, lebar=48),
            Kolom("Eselon", "eselon", pilihan=tuple(Eselon.values), lebar=8),
            Kolom("Unit", "unit", catatan="Kode unit di lembar Unit."),
            Kolom("Plt/Plh", "plt", pilihan=("Plt.", "Plh."), lebar=8),
        ),
        "Pejabat penandatangan Perjanjian Kinerja.",
    ),
    Lembar(
        "Tujuan",
        (
            Kolom("Kode", "kode", wajib=True, lebar=10),
            Kolom("Uraian", "uraian", wajib=True, lebar=60),
            Kolom("Misi", "misi", BULAT, catatan="Nomor misi di lembar Misi.", lebar=8),
        ),
        "Tujuan Renstra.",
    ),
    Lembar(
        "Sasaran",
        (
            Kolom("Kode", "kode", wajib=True, lebar=10),
            Kolom("Tujuan", "tujuan", catatan="Kode tujuan di lembar Tujuan.", lebar=10),
            Kolom("Uraian", "uraian", wajib=True, lebar=60),
        ),
        "Sasaran strategis.",
    ),
    Lembar(
        "Program",
        (
            Kolom("Tingkat", "tingkat", pilihan=TINGKAT_SIMPUL, wajib=True, lebar=14),
            Kolom(
                "Kode",
                "kode",
                wajib=True,
                catatan="Kode Kepmendagri (8.01.02.2.01.02 atau 8.01.02.02.01.0002) atau kode "
                "lokal (P1, P1.K1) bila laporan tidak mencetaknya.",
                lebar=22,
            ),
            Kolom(
                "Kode induk",
                "induk",
                catatan="Kode program (untuk kegiatan) atau kegiatan (untuk sub-kegiatan).",
                lebar=22,
            ),
            Kolom("Nama", "nama", wajib=True, lebar=60),
            Kolom("Unit", "unit", catatan="Kode unit pelaksana."),
            Kolom(
                "Sasaran", "sasaran", catatan="Kode sasaran yang didukung program, dipisah koma."
            ),
        ),
        "Program, kegiatan dan sub-kegiatan; induk ditulis sebelum anaknya.",
    ),
    Lembar(
        "Indikator",
        (
            Kolom("Kode", "kode", wajib=True, lebar=14),
            Kolom("Melekat pada", "tingkat", pilihan=TINGKAT_INDIKATOR, wajib=True, lebar=14),
            Kolom(
                "Kode induk",
                "induk",
                wajib=True,
                catatan="Kode tujuan, sasaran, program, "
                "kegiatan atau sub-kegiatan pemilik indikator.",
                lebar=22,
            ),
            Kolom(
                "Uraian",
                "uraian",
                lebar=50,
                catatan="Kosong bila laporan tidak "
                "mencetak namanya: dicatat sebagai belum ada dan ditampilkan di validasi.",
            ),
            Kolom(
                "Satuan",
                "satuan",
                saran=(
                    "%",
                    "orang",
                    "dokumen",
                    "laporan",
                    "paket",
                    "unit",
                    "indeks",
                    "nilai",
                    "predikat",
                    "kasus",
                    "kegiatan",
                ),
                lebar=10,
            ),
            Kolom("IKU", "iku", YA_TIDAK, pilihan=(YA, TIDAK), lebar=7),
            Kolom("Jenis nilai", "jenis_nilai", pilihan=tuple(JenisNilai.values), lebar=12),
            Kolom("Polaritas", "polaritas", pilihan=tuple(Polaritas.values), lebar=10),
            Kolom("Cara agregasi", "cara_agregasi", pilihan=tuple(CaraAgregasi.values), lebar=14),
            Kolom("Formula", "formula", lebar=30),
            Kolom("Definisi operasional", "definisi_operasional", lebar=30),
            Kolom("Sumber data", "sumber_data", lebar=20),
            Kolom("Label pembilang", "pembilang", lebar=20),
            Kolom("Label penyebut", "penyebut", lebar=20),
            Kolom("Penanggung jawab", "penanggung_jawab", catatan="Kode unit.", lebar=16),
            Kolom("Kondisi awal", "kondisi_awal", NILAI, lebar=12),
            Kolom("Kondisi akhir", "kondisi_akhir", NILAI, lebar=12),
        ),
        "Indikator tujuan, sasaran, program, kegiatan dan sub-kegiatan dengan atributnya.",
    ),
    Lembar(
        "Target",
        (
            Kolom("Indikator", "indikator", wajib=True, lebar=14),
            Kolom("Jenis", "jenis", pilihan=tuple(JenisTarget.values), wajib=True, lebar=14),
            Kolom("Tahun", "tahun", BULAT, wajib=True, lebar=8),
            Kolom(
                "Nilai",
                "nilai",
                NILAI,
                catatan="Angka atau predikat (BB); kosongkan dan "
                "isi batas bawah/atas untuk target rentang.",
                lebar=12,
            ),
            Kolom("Batas bawah", "bawah", ANGKA, lebar=12),
            Kolom("Batas atas", "atas", ANGKA, lebar=12),
        ),
        "Target tahunan per versi: Renstra, Renja, PK murni, PK perubahan.",
    ),
    Lembar(
        "Target triwulan",
        (
            Kolom("Indikator", "indikator", wajib=True, lebar=14),
            Kolom("Tahun", "tahun", BULAT, wajib=True, lebar=8),
            *_TW_NILAI,
        ),
        "Target kumulatif s.d. triwulan (rencana aksi).",
    ),
    Lembar(
        "Realisasi kinerja",
        (
            Kolom("Indikator", "indikator", wajib=True, lebar=14),
            Kolom("Tahun", "tahun", BULAT, wajib=True, lebar=8),
            Kolom("Tahunan", "tahunan", NILAI, lebar=12),
            *_TW_NILAI,
            Kolom("Pembilang", "pembilang", ANGKA, lebar=12),
            Kolom("Penyebut", "penyebut", ANGKA, lebar=12),
            Kolom("Faktor pendorong", "faktor_pendorong", lebar=30),
            Kolom("Faktor penghambat", "faktor_penghambat", lebar=30),
            Kolom("Tindak lanjut", "tindak_lanjut", lebar=30),
        ),
        "Realisasi indikator per triwulan (nilai triwulan itu sendiri untuk indikator "
        "kumulatif, posisi akhir triwulan untuk yang lain) dan tahunan.",
    ),
    Lembar(
        "Pagu",
        (
            Kolom("Tingkat", "tingkat", pilihan=TINGKAT_SIMPUL, wajib=True, lebar=14),
            Kolom("Kode", "kode", wajib=True, lebar=22),
            Kolom("Tahun", "tahun", BULAT, wajib=True, lebar=8),
            Kolom("Pagu murni", "murni", ANGKA, lebar=18),
            Kolom("Pagu perubahan", "perubahan", ANGKA, lebar=18),
        ),
        "Pagu anggaran pada tingkat terendah yang dicetak laporan.",
    ),
    Lembar(
        "Realisasi anggaran",
        (
            Kolom("Tingkat", "tingkat", pilihan=TINGKAT_SIMPUL, wajib=True, lebar=14),
            Kolom("Kode", "kode", wajib=True, lebar=22),
            Kolom("Tahun", "tahun", BULAT, wajib=True, lebar=8),
            *_TW,
            Kolom(
                "Tahunan",
                "tahunan",
                ANGKA,
                catatan="Hanya bila rincian triwulan tidak diketahui.",
                lebar=18,
            ),
        ),
        "Realisasi keuangan per triwulan (TW I–IV).",
    ),
    Lembar(
        "PK",
        (
            Kolom("No", "no", BULAT, wajib=True, lebar=6),
            Kolom("Tahun", "tahun", BULAT, wajib=True, lebar=8),
            Kolom("Versi", "versi", pilihan=tuple(VersiPK.values), lebar=10),
            Kolom("Pihak pertama", "pihak_pertama", catatan="NIP (atau nama) pejabat.", lebar=20),
            Kolom(
                "Jabatan pihak pertama",
                "pihak_pertama_jabatan",
                lebar=30,
                catatan="Bila pejabat hanya dikenal dari jabatannya.",
            ),
            Kolom("Nama pihak kedua", "kedua_nama", lebar=24),
            Kolom("Jabatan pihak kedua", "kedua_jabatan", lebar=30),
            Kolom("NIP pihak kedua", "kedua_nip", lebar=20),
            Kolom("Tempat", "tempat", lebar=14),
            Kolom(
                "Tanggal",
                "tanggal",
                catatan="YYYY-MM atau YYYY-MM-DD. PK dengan tempat, "
                "tanggal dan nama kedua pihak dimuat sebagai ditandatangani di luar aplikasi.",
                lebar=12,
            ),
            Kolom("Total tercetak", "total_tercetak", ANGKA, lebar=18),
        ),
        "Perjanjian Kinerja; baris indikator dan anggarannya di lembar PK indikator dan PK "
        "anggaran (kolom No).",
    ),
    Lembar(
        "PK indikator",
        (
            Kolom("No PK", "no", BULAT, wajib=True, lebar=6),
            Kolom("Sasaran", "sasaran", lebar=40),
            Kolom("Indikator", "indikator", catatan="Kode indikator bila cocok.", lebar=14),
            Kolom("Uraian", "uraian", wajib=True, lebar=50),
            Kolom("Satuan", "satuan", lebar=10),
            Kolom("Target", "target", NILAI, lebar=12),
            Kolom("Target sebelum", "target_sebelum", NILAI, lebar=12),
        ),
        "Baris indikator Perjanjian Kinerja.",
    ),
    Lembar(
        "PK anggaran",
        (
            Kolom("No PK", "no", BULAT, wajib=True, lebar=6),
            Kolom(
                "Tingkat", "tingkat", pilihan=tuple(TingkatAnggaran.values), wajib=True, lebar=14
            ),
            Kolom("Kode", "kode", lebar=22),
            Kolom("Nama", "nama", wajib=True, lebar=50),
            Kolom("Jumlah", "jumlah", ANGKA, lebar=18),
        ),
        "Baris anggaran Perjanjian Kinerja.",
    ),
    Lembar(
        "Belanja",
        (
            Kolom("Tahun", "tahun", BULAT, wajib=True, lebar=8),
            Kolom("Kelompok", "kelompok", wajib=True, lebar=24),
            Kolom("Jenis", "jenis", lebar=30),
            Kolom("Pagu", "pagu", ANGKA, lebar=18),
            Kolom("Realisasi", "realisasi", ANGKA, lebar=18),
        ),
        "Anggaran per jenis belanja (Belanja Operasi: Pegawai, Barang dan Jasa …).",
    ),
    Lembar(
        "Anggaran PD",
        (
            Kolom("Tahun", "tahun", BULAT, wajib=True, lebar=8),
            Kolom("Pagu murni", "pagu_murni", ANGKA, lebar=18),
            Kolom(
                "Pagu",
                "pagu",
                ANGKA,
                lebar=18,
                catatan="Pagu yang berlaku: perubahan bila ada, selain itu murni.",
            ),
            Kolom("Realisasi", "realisasi", ANGKA, lebar=18),
            Kolom(
                "Sumber",
                "sumber",
                lebar=40,
                catatan="Dokumen yang menyatakan angka ini, mis. DPA Perubahan.",
            ),
        ),
        "Anggaran perangkat daerah sebagaimana dinyatakan dokumen (DPA), satu baris per tahun.",
    ),
    Lembar(
        "Evaluasi SAKIP",
        (
            Kolom("Tahun dinilai", "tahun_dinilai", BULAT, lebar=10),
            Kolom("Nilai", "nilai", ANGKA, lebar=10),
            Kolom("Predikat", "predikat", lebar=10),
            Kolom("Evaluator", "evaluator", lebar=20),
        ),
        "Hasil evaluasi SAKIP.",
    ),
)
LEMBAR_MENURUT_NAMA = {lembar.nama: lembar for lembar in LEMBAR}

# The rows of the PD sheet: (label, key in the document).
ISIAN_PD: tuple[tuple[str, str], ...] = (
    ("Nama pemerintah daerah", "pemda.nama"),
    ("Jenis pemerintah daerah", "pemda.jenis"),
    ("Nama kepala daerah", "pemda.kepala_daerah.nama"),
    ("Jabatan kepala daerah", "pemda.kepala_daerah.jabatan"),
    ("Slug perangkat daerah", "perangkat_daerah.slug"),
    ("Nama perangkat daerah", "perangkat_daerah.nama"),
    ("Singkatan", "perangkat_daerah.singkatan"),
    ("Alamat", "perangkat_daerah.alamat"),
    ("Telepon", "perangkat_daerah.telepon"),
    ("Email", "perangkat_daerah.email"),
    ("Kota penandatanganan", "perangkat_daerah.kota_ttd"),
    ("RPJMD tahun awal", "rpjmd.awal"),
    ("RPJMD tahun akhir", "rpjmd.akhir"),
    ("Visi", "rpjmd.visi"),
    ("Renstra tahun awal", "renstra.awal"),
    ("Renstra tahun akhir", "renstra.akhir"),
)
PILIHAN_PD = {"pemda.jenis": tuple(JenisPemda.values)}

# Which sheet a model label of the load summary (sinkron.LABEL) belongs to, for the preview.
LEMBAR_LABEL = {
    "pemerintah daerah": "PD",
    "perangkat daerah": "PD",
    "RPJMD": "PD",
    "periode Renstra": "PD",
    "misi": "Misi",
    "unit kerja": "Unit",
    "pejabat": "Pejabat",
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Program",
    "sub-kegiatan": "Program",
    "indikator": "Indikator",
    "target": "Target",
    "target triwulan": "Target triwulan",
    "realisasi": "Realisasi kinerja",
    "pagu": "Pagu",
    "realisasi anggaran": "Realisasi anggaran",
    "perjanjian kinerja": "PK",
    "indikator PK": "PK indikator",
    "anggaran PK": "PK anggaran",
    "anggaran belanja": "Belanja",
    "anggaran perangkat daerah": "Anggaran PD",
    "evaluasi SAKIP": "Evaluasi SAKIP",
}
