"""The Celery application: `celery -A config worker` runs the PDF renders of laporan/tasks.py.

Why Celery and not the django-tasks backport of Django's task framework: django-tasks (the
backport of DEP 14) is still pre-1.0, its Redis/Celery backends are third-party and young,
and what this queue needs is exactly what Celery has done for years: late acknowledgement
with redelivery when a worker process dies (`acks_late`, `reject_on_worker_lost`), a Redis
broker and result store, an eager mode for development and tests, and a worker that can be
scaled to N processes or machines. When Django ships its task framework with a mature
Celery-compatible backend, `laporan.tasks` is the one module to port.

Settings are Django's, namespace CELERY_ (config/settings/base.py). Without a broker the
tasks run eagerly in the calling process. Start a worker with
`DJANGO_SETTINGS_MODULE=config.settings.production celery -A config worker --concurrency 2`.
"""

from celery import Celery

# No DJANGO_SETTINGS_MODULE default here: this module is imported with the `config` package,
# before wsgi.py or manage.py set theirs. The worker is started with it in its environment.
app = Celery("sakip")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
