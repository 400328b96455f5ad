from django.apps import AppConfig


class BerandaConfig(AppConfig):
    """Home pages and dashboards: they read every domain app, so they sit above them."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beranda"
    verbose_name = "Beranda"
