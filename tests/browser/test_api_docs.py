"""The API's browsable documentation renders in a browser from vendored assets (CSP intact)."""

import re

import pytest
from django.urls import reverse

from tests.conftest import buat_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_renders_the_api(data_demo, live_server, halaman, artifacts_dir):
    from playwright.sync_api import expect

    perencana = buat_persona("perencana")
    page, base = halaman, live_server.url
    luar = []
    page.on("request", lambda r: None if r.url.startswith(base) else luar.append(r.url))
    page.goto(f"{base}{reverse('login')}")
    page.fill("#id_username", perencana.username)
    page.fill("#id_password", "rahasia-uji-123")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/pd/kesbangpol-paser/$"))
    page.goto(f"{base}{reverse('api:docs')}")
    expect(page.locator(".swagger-ui .title")).to_contain_text("SAKIP Kinerja API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "api-docs.png"))
    assert luar == []  # nothing from a CDN
