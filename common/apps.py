from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "common"
    verbose_name = "Pengguna, peran dan jejak audit"

    def ready(self) -> None:
        from . import penguncian  # noqa: F401  (audit of login lockouts and resets)
