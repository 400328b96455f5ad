from django.apps import AppConfig


class PeriksaConfig(AppConfig):
    name = "periksa"
    verbose_name = "Periksa laporan"

    def ready(self) -> None:
        # The validation (a lower layer) reads the printed texts through this reader.
        from kinerja.validasi.tercetak import daftarkan_pembaca_tercetak

        from .tercetak_validasi import teks_tercetak

        daftarkan_pembaca_tercetak(teks_tercetak)
