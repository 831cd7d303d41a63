"""GET /admin: the public page that signs IT in with MSAL.js; it holds settings, never figures."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from entra_test_tokens import APP_ID_URI, CLIENT_ID, OTHER_TENANT, TENANT
from flask import Flask

from server import create_app

ADMIN = {"roles": ["AIGuard.Admin"]}


class PageParts(HTMLParser):
    """Scripts, inline styles and event handlers, and the <body>'s data attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str | None] = []
        self.inline_code: list[str] = []
        self.body: dict[str, str] = {}
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            self.scripts.append(attributes.get("src"))
            self._in_script = True
        if tag == "body":
            self.body = {k: v or "" for k, v in attributes.items() if k.startswith("data-")}
        for name in attributes:
            if name.startswith("on") or name == "style":
                self.inline_code.append(f"<{tag} {name}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_code.append(data)


def parse(page: str) -> PageParts:
    parts = PageParts()
    parts.feed(page)
    return parts


@pytest.fixture
def events_app(app: Flask, bearer: Any) -> Flask:
    client = app.test_client()
    for _ in range(2):
        client.post("/api/v1/scan", json={"text": "承辦人王小明 0912-345-678", "channel": "word"}, headers=bearer())
    return app


def test_page_is_public_and_holds_no_figures(events_app: Flask) -> None:
    response = events_app.test_client().get("/admin")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert '<html lang="zh-TW">' in page
    assert "<svg" not in page and 'class="total' not in page and "目前政策" not in page
    assert "王小明" not in page and "0912-345-678" not in page and "PHONE" not in page
    assert 'id="dashboard"' in page and 'id="export-csv"' in page


def test_page_is_the_same_with_or_without_a_token(events_app: Flask, bearer: Any) -> None:
    client = events_app.test_client()
    anonymous = client.get("/admin").get_data(as_text=True)
    assert client.get("/admin", headers=bearer(**ADMIN)).get_data(as_text=True) == anonymous


def test_page_carries_the_sign_in_settings(client: Any) -> None:
    body = parse(client.get("/admin").get_data(as_text=True)).body
    assert body["data-dev-mode"] == "0"
    assert body["data-client-id"] == CLIENT_ID
    assert body["data-authority"] == f"https://login.microsoftonline.com/{TENANT}"
    assert body["data-scope"] == f"{APP_ID_URI}/access_as_user"
    assert body["data-redirect-path"] == "/admin"
    assert body["data-dashboard-url"] == "/admin/dashboard"
    assert body["data-export-url"] == "/admin/export.csv"


def test_scope_names_the_host_when_no_app_id_uri_is_set(environment: dict[str, str]) -> None:
    del environment["AIGUARD_APP_ID_URI"]
    environment["AIGUARD_ALLOWED_TENANTS"] = f"{TENANT},{OTHER_TENANT}"
    client = create_app(environment).test_client()
    page = client.get("/admin", base_url="https://aiguard.example.gov.tw").get_data(as_text=True)
    body = parse(page).body
    assert body["data-scope"] == f"api://aiguard.example.gov.tw/{CLIENT_ID}/access_as_user"
    assert body["data-authority"] == "https://login.microsoftonline.com/organizations"  # several tenants


def test_page_runs_only_scripts_from_this_origin(client: Any) -> None:
    response = client.get("/admin")
    parts = parse(response.get_data(as_text=True))
    assert parts.scripts == ["/addin/vendor/msal-browser.min.js", "/admin/static/admin.js"]
    assert parts.inline_code == []
    csp = dict(directive.strip().split(" ", 1) for directive in response.headers["Content-Security-Policy"].split(";"))
    assert csp["script-src"] == "'self'"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert csp["connect-src"] == "'self' https://login.microsoftonline.com"
    assert csp["frame-ancestors"] == "'self'"
    assert response.headers["Cache-Control"] == "no-store"


def test_sign_in_library_is_served_from_the_add_in_files(environment: dict[str, str], tmp_path: Path) -> None:
    vendor = tmp_path / "addin" / "vendor"
    vendor.mkdir(parents=True)
    (vendor / "msal-browser.min.js").write_text("/*! @azure/msal-browser */", encoding="utf-8")
    environment["AIGUARD_ADDIN_DIR"] = str(tmp_path / "addin")
    client = create_app(environment).test_client()
    src = parse(client.get("/admin").get_data(as_text=True)).scripts[0]
    with client.get(src) as script:
        assert script.status_code == 200 and "javascript" in script.mimetype


def test_development_mode_page_skips_sign_in_and_says_so(environment: dict[str, str]) -> None:
    environment["AIGUARD_DEV_MODE"] = "1"
    client = create_app(environment).test_client()
    response = client.get("/admin")
    page = response.get_data(as_text=True)
    parts = parse(page)
    assert parts.body["data-dev-mode"] == "1"
    assert parts.scripts == ["/admin/static/admin.js"]  # no MSAL
    assert "開發模式" in page and "Development mode" in page
    assert response.headers["X-AIGuard-Dev-Mode"] == "1"
    assert client.get("/admin/dashboard").status_code == 200  # signed in as the local developer


def test_script_asks_for_the_figures_with_a_bearer_token() -> None:
    script = (Path(__file__).resolve().parents[2] / "server" / "admin" / "static" / "admin.js").read_text(
        encoding="utf-8"
    )
    assert script.startswith("// @ts-check")
    assert '"Bearer " + token' in script
    assert "PublicClientApplication" in script and "handleRedirectPromise" in script
    assert "URL.createObjectURL" in script
    assert "http://" not in script and "https://" not in script  # nothing from elsewhere
