"""Logging filters shared by every settings module."""

from __future__ import annotations

import logging


class TanpaJejak403(logging.Filter):
    """Drop the traceback of an ordinary 403 (a PermissionDenied answered with the 403 page).

    Django logs "Forbidden (Permission denied): /path" with the exception attached; the
    refusal is expected behaviour, so the one-line warning stays and the stack trace, which
    reads like a crash to whoever watches the log, goes. Other statuses keep theirs.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
