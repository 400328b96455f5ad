from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "laporan"
    verbose_name = "Laporan"

    def ready(self):
        # The SAKIP evaluation (lke) sits below this layer: it learns about LKjIP editions
        # (evidence) and each PD's LKjIP status (overview) through these providers.
        from lke.bukti import daftarkan_penyedia
        from lke.dokumen import daftarkan_status_lkjip

        from .publikasi import saran_edisi_lkjip, status_lkjip

        daftarkan_penyedia(saran_edisi_lkjip)
        daftarkan_status_lkjip(status_lkjip)
