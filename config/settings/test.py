"""Test settings: fast hashing, files in a temporary folder, the same database rules."""

import os
import tempfile

os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DEMO_MODE", "true")

from .base import *  # noqa: E402,F403

ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="sakip-test-media-"))  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# No persistent connections in tests: a stray request_finished (e.g. closing a response
# outside the test client) then breaks at once instead of only after a minute of testing.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Tasks run eagerly in the test process, whatever the environment says; the queue tests start
# their own worker on a database they control (tests/laporan/test_antrean_pdf.py).
CELERY_BROKER_URL = ""
CELERY_RESULT_BACKEND = ""
CELERY_TASK_ALWAYS_EAGER = True
