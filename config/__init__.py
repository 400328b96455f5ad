"""Settings, root URLs and the Celery application (loaded with Django so that tasks
queued by the web process use its configuration)."""

from .celery import app as celery_app

__all__ = ["celery_app"]
