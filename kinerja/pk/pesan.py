"""Messages and labels of the Perjanjian Kinerja (Indonesian, asserted by the tests)."""

from __future__ import annotations

from kinerja.models import TingkatAnggaran

PESAN_PK_TERKUNCI = (
    "Perjanjian Kinerja yang sudah ditandatangani tidak dapat diubah; "
    "perubahan hanya melalui PK Perubahan."
)
PESAN_PK_MENUNGGU_PIHAK_KEDUA = (
    "PK sudah ditandatangani pihak pertama; kembalikan ke draf terlebih dahulu untuk mengubahnya."
)
PESAN_PEJABAT_LAIN_PD = "Pejabat tidak terdaftar pada perangkat daerah ini."
PESAN_PEJABAT_TIDAK_AKTIF = "Pejabat sudah tidak aktif."
PESAN_ESELON_TIDAK_DIDUKUNG = (
    "PK hanya disusun untuk pejabat eselon II, eselon III, eselon IV atau jabatan fungsional; "
    "lengkapi eselon pejabat ini."
)
PESAN_PEJABAT_TANPA_UNIT = "Pejabat eselon III, eselon IV dan fungsional harus memiliki unit kerja."
PESAN_RENSTRA_TIDAK_ADA = "Tidak ada periode Renstra yang mencakup tahun {tahun}."
PESAN_PK_SUDAH_ADA = (
    "Pejabat ini sudah memiliki PK tahun {tahun}; ubah draf yang ada atau buat PK Perubahan."
)
PESAN_RENCANA_KOSONG = (
    "Tidak ada indikator dengan target Renja/Renstra tahun {tahun} untuk jabatan ini."
)
PESAN_ALASAN_SELISIH = "Target berbeda dari target {sumber} ({target}); isi alasan perbedaannya."
PESAN_ALASAN_SELISIH_BELUM_LENGKAP = (
    "Indikator berikut memiliki target yang berbeda dari Renja/Renstra tanpa alasan: {daftar}."
)
PESAN_TARGET_KOSONG = "Target indikator berikut belum diisi: {daftar}."
PESAN_PK_TANPA_INDIKATOR = "PK belum memiliki indikator kinerja."
PESAN_PIHAK_PERTAMA_KOSONG = "Pihak pertama PK belum ditentukan."
PESAN_PIHAK_KEDUA_KOSONG = "Nama dan jabatan pihak kedua belum diisi."
PESAN_KATA_SANDI_SALAH = "Kata sandi salah; tanda tangan dibatalkan."
PESAN_TIDAK_BERHAK_TTD = "Anda tidak berhak menandatangani PK ini sebagai {pihak}."
PESAN_BUKAN_DRAF = "Hanya PK berstatus draf yang dapat ditandatangani pihak pertama."
PESAN_BELUM_TTD_PIHAK_PERTAMA = "Pihak pertama harus menandatangani PK ini lebih dahulu."
PESAN_TTD_KEDUA_SISI = (
    "Penanda tangan pihak pertama tidak boleh juga menandatangani sebagai pihak kedua."
)
PESAN_PIHAK_KEDUA_KERTAS = (
    "Pihak kedua bukan pejabat perangkat daerah dan menandatangani di atas kertas; "
    "Kepala Perangkat Daerah mengunggah pindaian halaman bertanda tangan."
)
PESAN_PINDAIAN_HANYA_KEPALA = (
    "Hanya Kepala Perangkat Daerah yang dapat mengunggah pindaian PK bertanda tangan."
)
PESAN_PINDAIAN_JENIS = "Berkas pindaian harus berupa PDF, JPG atau PNG yang sah."
PESAN_KONFIRMASI_PINDAIAN = (
    "Centang konfirmasi bahwa pindaian adalah halaman PK yang ditandatangani."
)
PESAN_PERUBAHAN_DARI_TTD = "PK Perubahan hanya dapat dibuat dari PK yang sudah ditandatangani."
PESAN_PERUBAHAN_SUDAH_ADA = "PK ini sudah memiliki versi perubahan."
PESAN_ALASAN_PERUBAHAN = "Pilih salah satu alasan perubahan PK."
PESAN_URAIAN_PERUBAHAN = "Uraikan perubahan yang dilakukan."
PESAN_KEMBALI_DRAF = (
    "Hanya PK yang baru ditandatangani pihak pertama yang dapat dikembalikan ke draf."
)
PESAN_ALASAN_KEMBALI = "Isi alasan pengembalian ke draf."
PESAN_HAPUS_BUKAN_DRAF = "Hanya PK berstatus draf yang dapat dihapus."
PESAN_ATASAN_LAIN_TAHUN = "Indikator atasan harus dari PK perangkat daerah dan tahun yang sama."
PESAN_ATASAN_DIRI_SENDIRI = "Indikator tidak dapat menjadi atasan dirinya sendiri."
PESAN_ATASAN_SIKLUS = "Tautan indikator atasan membentuk lingkaran."
PESAN_INDIKATOR_LAIN_PD = "Indikator bukan milik perangkat daerah ini."
PESAN_INDIKATOR_SUDAH_ADA = "Indikator ini sudah ada dalam PK."
PESAN_ISIAN_TIDAK_DIKENAL = "Isian tidak dapat diubah: {nama}."
PESAN_TIDAK_ADA_PK = "Tidak ada Perjanjian Kinerja {pd} tahun {tahun}{pejabat}."

LABEL_PIHAK = {"pertama": "pihak pertama", "kedua": "pihak kedua"}
LABEL_TINGKAT = {
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub Kegiatan",
}
JUDUL_KOLOM_ANGGARAN = {
    TingkatAnggaran.PROGRAM: "PROGRAM",
    TingkatAnggaran.KEGIATAN: "KEGIATAN",
    TingkatAnggaran.SUB_KEGIATAN: "SUB KEGIATAN",
}
LABEL_BERTAMBAH = "Bertambah"
LABEL_BERKURANG = "Berkurang"
LABEL_INDIKATOR_BARU = "Indikator baru"

# --- Documents (kinerja.pk.dokumen) ------------------------------------------------------------

PESAN_FORMAT_DOKUMEN = "Format dokumen harus 'pdf' atau 'html'."
PESAN_PD_TIDAK_ADA = "Perangkat daerah '{pd}' tidak ditemukan."
