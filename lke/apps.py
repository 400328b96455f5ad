from django.apps import AppConfig


class LkeConfig(AppConfig):
    name = "lke"
    verbose_name = "Evaluasi SAKIP (LKE/LHE)"
