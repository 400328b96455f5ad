"""Perjanjian Kinerja (PK): drafted from the plan, cascaded by echelon, signed, amended,
fingerprinted and verifiable (DOMAIN.md §2 step 3, §7.3, §8).

Services (writes) are keyword-only, run inside `transaction.atomic` and write the audit log;
selectors (reads) return plain dataclasses for pages and documents.

Life of a PK:
    draft ──(pihak pertama signs in the app)──> pihak_pertama
          ──(pihak kedua signs in the app, or the head uploads the paper-signed scan)──>
    ditandatangani (content frozen, SHA-256 fingerprint stored)
          ──pk_buat_perubahan──> a new draft version (versi "perubahan", nomor_versi + 1)
A PK is editable only as a draft; a PK signed by pihak pertama only can be sent back to draft
(`pk_kembalikan_ke_draf`); a fully signed PK changes only through a PK Perubahan.

Sign-off rule (`boleh_menandatangani`). The application has no link from a user account to a
pejabat, so a user signs FOR a pejabat when they hold the role of that position in the
pejabat's PD:
- eselon II (the head of the PD): role "kepala" in the PD;
- eselon III, IV and JF: role "verifikator" with a membership for exactly the pejabat's unit;
- a superuser may sign for anyone.
A pihak kedua who is not a pejabat of the PD (the Bupati/Walikota/Gubernur) signs on paper:
nobody signs for them in the app; the head of the PD ("kepala") uploads the signed scan and
confirms with their password. The same (non-superuser) account never signs both sides of one
PK. Every signature re-asks the user's password.

The package, lower modules first (a module imports only the ones above it):
    pesan        messages and labels (Indonesian)
    teks         decimals and targets as text, the parties' positions as printed
    aturan       state guards; who may sign or upload the signed scan
    selectors    the PK in force, the current PKs of a year, versions, the pohon kinerja
    draf         reading the plan, drafting a PK, cascading (indikator atasan)
    kanonik      canonical form, fingerprint, verification of a printed fingerprint
    services     editing a draft, deleting it, PK Perubahan
    tandatangan  signing by both parties, the paper-signed scan, back to draft
    dokumen      the content of a PK document and its HTML/PDF rendering

Every public name is re-exported here: callers use `from kinerja import pk` or
`from kinerja.pk import ...`.
"""

from __future__ import annotations

from .aturan import (
    boleh_menandatangani,
    boleh_unggah_pindaian,
)
from .dokumen import (
    CSS_CETAK,
    TEMPLATE_DOKUMEN,
    BarisAnggaranPK,
    BarisIndikatorPK,
    IsiPK,
    Pihak,
    PKTidakDitemukan,
    css_cetak,
    dokumen_pk,
    isi_pk,
    judul_dokumen,
    konteks_dokumen,
    render_dokumen,
    tempat_tanggal,
)
from .draf import (
    atasan_langsung,
    pagu_berlaku,
    pk_susun_draf,
    pk_tautkan,
    pk_tautkan_otomatis,
    renstra_tahun,
    selisih_rencana,
    target_rencana,
)
from .kanonik import (
    FORMAT_KANONIK,
    PESAN_VERIFIKASI,
    STATUS_ASLI,
    STATUS_DIGANTI,
    STATUS_TIDAK_DIKENAL,
    HasilVerifikasi,
    bentuk_kanonik,
    hitung_sidik_jari,
    teks_kanonik,
    total_anggaran,
    url_verifikasi,
    verifikasi_sidik_jari,
)
from .pesan import (
    JUDUL_KOLOM_ANGGARAN,
    LABEL_BERKURANG,
    LABEL_BERTAMBAH,
    LABEL_INDIKATOR_BARU,
    LABEL_PIHAK,
    LABEL_TINGKAT,
    PESAN_ALASAN_KEMBALI,
    PESAN_ALASAN_PERUBAHAN,
    PESAN_ALASAN_SELISIH,
    PESAN_ALASAN_SELISIH_BELUM_LENGKAP,
    PESAN_ATASAN_DIRI_SENDIRI,
    PESAN_ATASAN_LAIN_TAHUN,
    PESAN_ATASAN_SIKLUS,
    PESAN_BELUM_TTD_PIHAK_PERTAMA,
    PESAN_BUKAN_DRAF,
    PESAN_ESELON_TIDAK_DIDUKUNG,
    PESAN_FORMAT_DOKUMEN,
    PESAN_HAPUS_BUKAN_DRAF,
    PESAN_INDIKATOR_LAIN_PD,
    PESAN_INDIKATOR_SUDAH_ADA,
    PESAN_ISIAN_TIDAK_DIKENAL,
    PESAN_KATA_SANDI_SALAH,
    PESAN_KEMBALI_DRAF,
    PESAN_KONFIRMASI_PINDAIAN,
    PESAN_PD_TIDAK_ADA,
    PESAN_PEJABAT_LAIN_PD,
    PESAN_PEJABAT_TANPA_UNIT,
    PESAN_PEJABAT_TIDAK_AKTIF,
    PESAN_PERUBAHAN_DARI_TTD,
    PESAN_PERUBAHAN_SUDAH_ADA,
    PESAN_PIHAK_KEDUA_KERTAS,
    PESAN_PIHAK_KEDUA_KOSONG,
    PESAN_PIHAK_PERTAMA_KOSONG,
    PESAN_PINDAIAN_HANYA_KEPALA,
    PESAN_PINDAIAN_JENIS,
    PESAN_PK_MENUNGGU_PIHAK_KEDUA,
    PESAN_PK_SUDAH_ADA,
    PESAN_PK_TANPA_INDIKATOR,
    PESAN_PK_TERKUNCI,
    PESAN_RENCANA_KOSONG,
    PESAN_RENSTRA_TIDAK_ADA,
    PESAN_TARGET_KOSONG,
    PESAN_TIDAK_ADA_PK,
    PESAN_TIDAK_BERHAK_TTD,
    PESAN_TTD_KEDUA_SISI,
    PESAN_URAIAN_PERUBAHAN,
)
from .selectors import (
    ESELON_PK,
    URUTAN_ESELON,
    PohonKinerja,
    SasaranPohon,
    SimpulPohon,
    pk_berlaku,
    pk_terkini,
    pohon_kinerja,
    urutan_pk,
    versi_pk,
)
from .services import (
    ISIAN_BARIS,
    ISIAN_KEPALA,
    pk_buat_perubahan,
    pk_hapus,
    pk_hapus_anggaran,
    pk_hapus_indikator,
    pk_tambah_indikator,
    pk_ubah_indikator,
    pk_ubah_kepala,
)
from .tandatangan import (
    JENIS_PINDAIAN,
    periksa_pindaian,
    pk_kembalikan_ke_draf,
    pk_tandatangani_pihak_kedua,
    pk_tandatangani_pihak_pertama,
    pk_unggah_pindaian,
)
from .teks import (
    SATUAN_TANPA_LABEL,
    jabatan_pihak_kedua,
    jabatan_pihak_pertama,
    nilai_kanonik,
    teks_desimal,
    teks_nilai,
)

__all__ = [
    "BarisAnggaranPK",
    "BarisIndikatorPK",
    "CSS_CETAK",
    "ESELON_PK",
    "FORMAT_KANONIK",
    "HasilVerifikasi",
    "ISIAN_BARIS",
    "ISIAN_KEPALA",
    "IsiPK",
    "JENIS_PINDAIAN",
    "JUDUL_KOLOM_ANGGARAN",
    "LABEL_BERKURANG",
    "LABEL_BERTAMBAH",
    "LABEL_INDIKATOR_BARU",
    "LABEL_PIHAK",
    "LABEL_TINGKAT",
    "PESAN_ALASAN_KEMBALI",
    "PESAN_ALASAN_PERUBAHAN",
    "PESAN_ALASAN_SELISIH",
    "PESAN_ALASAN_SELISIH_BELUM_LENGKAP",
    "PESAN_ATASAN_DIRI_SENDIRI",
    "PESAN_ATASAN_LAIN_TAHUN",
    "PESAN_ATASAN_SIKLUS",
    "PESAN_BELUM_TTD_PIHAK_PERTAMA",
    "PESAN_BUKAN_DRAF",
    "PESAN_ESELON_TIDAK_DIDUKUNG",
    "PESAN_FORMAT_DOKUMEN",
    "PESAN_HAPUS_BUKAN_DRAF",
    "PESAN_INDIKATOR_LAIN_PD",
    "PESAN_INDIKATOR_SUDAH_ADA",
    "PESAN_ISIAN_TIDAK_DIKENAL",
    "PESAN_KATA_SANDI_SALAH",
    "PESAN_KEMBALI_DRAF",
    "PESAN_KONFIRMASI_PINDAIAN",
    "PESAN_PD_TIDAK_ADA",
    "PESAN_PEJABAT_LAIN_PD",
    "PESAN_PEJABAT_TANPA_UNIT",
    "PESAN_PEJABAT_TIDAK_AKTIF",
    "PESAN_PERUBAHAN_DARI_TTD",
    "PESAN_PERUBAHAN_SUDAH_ADA",
    "PESAN_PIHAK_KEDUA_KERTAS",
    "PESAN_PIHAK_KEDUA_KOSONG",
    "PESAN_PIHAK_PERTAMA_KOSONG",
    "PESAN_PINDAIAN_HANYA_KEPALA",
    "PESAN_PINDAIAN_JENIS",
    "PESAN_PK_MENUNGGU_PIHAK_KEDUA",
    "PESAN_PK_SUDAH_ADA",
    "PESAN_PK_TANPA_INDIKATOR",
    "PESAN_PK_TERKUNCI",
    "PESAN_RENCANA_KOSONG",
    "PESAN_RENSTRA_TIDAK_ADA",
    "PESAN_TARGET_KOSONG",
    "PESAN_TIDAK_ADA_PK",
    "PESAN_TIDAK_BERHAK_TTD",
    "PESAN_TTD_KEDUA_SISI",
    "PESAN_URAIAN_PERUBAHAN",
    "PESAN_VERIFIKASI",
    "PKTidakDitemukan",
    "Pihak",
    "PohonKinerja",
    "SATUAN_TANPA_LABEL",
    "STATUS_ASLI",
    "STATUS_DIGANTI",
    "STATUS_TIDAK_DIKENAL",
    "SasaranPohon",
    "SimpulPohon",
    "TEMPLATE_DOKUMEN",
    "URUTAN_ESELON",
    "atasan_langsung",
    "bentuk_kanonik",
    "boleh_menandatangani",
    "boleh_unggah_pindaian",
    "css_cetak",
    "dokumen_pk",
    "hitung_sidik_jari",
    "isi_pk",
    "jabatan_pihak_kedua",
    "jabatan_pihak_pertama",
    "judul_dokumen",
    "konteks_dokumen",
    "nilai_kanonik",
    "pagu_berlaku",
    "periksa_pindaian",
    "pk_berlaku",
    "pk_buat_perubahan",
    "pk_hapus",
    "pk_hapus_anggaran",
    "pk_hapus_indikator",
    "pk_kembalikan_ke_draf",
    "pk_susun_draf",
    "pk_tambah_indikator",
    "pk_tandatangani_pihak_kedua",
    "pk_tandatangani_pihak_pertama",
    "pk_tautkan",
    "pk_tautkan_otomatis",
    "pk_terkini",
    "pk_ubah_indikator",
    "pk_ubah_kepala",
    "pk_unggah_pindaian",
    "pohon_kinerja",
    "render_dokumen",
    "renstra_tahun",
    "selisih_rencana",
    "target_rencana",
    "teks_desimal",
    "teks_kanonik",
    "teks_nilai",
    "tempat_tanggal",
    "total_anggaran",
    "url_verifikasi",
    "urutan_pk",
    "verifikasi_sidik_jari",
    "versi_pk",
]
