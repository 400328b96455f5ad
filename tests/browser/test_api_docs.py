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


# Playwright's init script runs before the page's own and is not subject to the page's CSP.
PENCATAT_CSP = """
window.__pelanggaranCsp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__pelanggaranCsp.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def test_redoc_renders_the_api_under_the_policy(data_demo, live_server, halaman, artifacts_dir):
    from playwright.sync_api import expect

    perencana = buat_persona("perencana")
    page, base = halaman, live_server.url
    luar: list[str] = []
    konsol: list[str] = []
    page.on(
        "request",
        lambda r: None if r.url.startswith((base, "blob:", "data:")) else luar.append(r.url),
    )
    page.on("console", lambda m: konsol.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: konsol.append(str(e)))
    page.add_init_script(PENCATAT_CSP)
    page.goto(f"{base}{reverse('login')}")
    page.fill("#id_username", perencana.username)
    page.fill("#id_password", "rahasia-uji-123")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/pd/kesbangpol-paser/$"))
    page.goto(f"{base}{reverse('api:redoc')}")
    expect(page.locator("h1").first).to_contain_text("SAKIP Kinerja API")
    # One operation of the API is listed in the side menu.
    expect(page.get_by_text("/api/v1/pd/", exact=False).first).to_be_attached()
    page.wait_for_timeout(500)
    page.screenshot(path=str(artifacts_dir / "api-redoc.png"))
    pelanggaran = page.evaluate("window.__pelanggaranCsp")
    assert pelanggaran == [], pelanggaran
    assert [k for k in konsol if "Content Security Policy" in k or "Refused" in k] == []
    assert luar == []  # nothing from a CDN (no web font either)
