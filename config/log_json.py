"""Structured logs for production: one JSON object per line on stderr (time, level, logger,
message, and the request path, status and exception when present), for a log collector."""

from __future__ import annotations

import datetime
import json
import logging

_STANDAR = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class FormatJSON(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {
            "waktu": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "pesan": record.getMessage(),
        }
        permintaan = getattr(record, "request", None)
        if permintaan is not None and hasattr(permintaan, "path"):
            data["path"] = permintaan.path
            data["metode"] = getattr(permintaan, "method", "")
        for kunci, nilai in vars(record).items():
            if kunci not in _STANDAR and kunci != "request":
                data[kunci] = nilai if isinstance(nilai, int | float | str | bool) else str(nilai)
        if record.exc_info:
            data["galat"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False)
