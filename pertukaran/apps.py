from django.apps import AppConfig


class PertukaranConfig(AppConfig):
    name = "pertukaran"
    verbose_name = "Pertukaran data"
