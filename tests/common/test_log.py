"""An ordinary 403 logs one line without a traceback; other errors keep theirs."""

import logging
import sys

import pytest
from django.urls import reverse

from common.log import TanpaJejak403


def _rekaman(status):
    try:
        raise RuntimeError("contoh")
    except RuntimeError:
        info = sys.exc_info()
    return logging.makeLogRecord({"msg": "x", "exc_info": info, "status_code": status})


def test_filter_drops_the_traceback_of_a_403_only():
    r403, r500 = _rekaman(403), _rekaman(500)
    assert TanpaJejak403().filter(r403) and r403.exc_info is None
    assert TanpaJejak403().filter(r500) and r500.exc_info is not None


@pytest.mark.django_db
def test_forbidden_page_logs_no_traceback(client, paser, operator, caplog):
    client.force_login(operator)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        respon = client.post(reverse("kinerja:jendela_simpan", kwargs={"pd": paser.slug}), {})
    assert respon.status_code == 403
    [rekaman] = [r for r in caplog.records if r.name == "django.request"]
    assert rekaman.getMessage().startswith("Forbidden") and rekaman.exc_info is None
    assert "Traceback" not in caplog.text
