from django.apps import AppConfig


class PeriksaConfig(AppConfig):
    name = "periksa"
    verbose_name = "Periksa laporan"
