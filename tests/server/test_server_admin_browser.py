"""IT's dashboard in a real browser: Debian's Chromium (Playwright) against the real server in a subprocess.

The server runs in development mode on 127.0.0.1 (the page then skips MSAL and fetches the figures without
a token), on an audit database seeded with 30 days of figures. The test opens /admin, waits for the charts,
switches the period, exports the CSV and reads the downloaded file, and saves screenshots at a wide and a
narrow width to ``test-output/screenshots/admin.png`` and ``admin-narrow.png``.

A second server runs with sign-in on, against the tests' own JWKS. There the browser gets a stand-in for
MSAL.js (Microsoft's sign-in cannot be reached from a test) that hands out a token the test signed: an
admin's token shows the charts, an ordinary user's token the zh-TW/en "no admin role" message.

``AIGUARD_E2E=0`` skips it; ``AIGUARD_E2E_CHROMIUM`` names another browser than ``/usr/bin/chromium``.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from entra_test_tokens import JwksServer, base_environment
from local_services import REPO, free_port, wait_for

from server import create_app
from server.database import session
from server.models import AuditEvent

pytestmark = pytest.mark.e2e

SCREENSHOTS = REPO / "test-output" / "screenshots"
DEPARTMENTS = ("工務局", "社會局", "教育局", "財政局")
DAYS = 30


def seed_figures(environment: dict[str, str]) -> dict[str, int]:
    """Write 30 days of audit figures (no content: there is none) and return the totals per metric."""
    app = create_app(environment)
    today = dt.datetime.now(dt.UTC).date()
    totals = {"scans": 0, "blocks": 0, "redactions": 0, "notices": 0}
    with app.app_context(), session() as db:
        for offset in range(DAYS):
            day = today - dt.timedelta(days=offset)
            for index, department in enumerate(DEPARTMENTS):
                scans = (offset * 7 + index * 3) % 9 + index
                for n in range(scans):
                    blocked = (offset + n) % 11 == 0
                    db.add(event(day, department, "scan", "block" if blocked else "warn", {"PHONE": 1 + n % 2}))
                    totals["scans"] += 1
                    totals["blocks"] += blocked
                for _ in range(scans // 3):
                    db.add(event(day, department, "redact", "warn", {"TW_NATIONAL_ID": 1}))
                    totals["redactions"] += 1
                if offset % 4 == index:
                    db.add(event(day, department, "notice", None, {}))
                    totals["notices"] += 1
        db.commit()
    app.extensions["aiguard.db"].dispose()
    return totals


def event(day: dt.date, department: str, action: str, verdict: str | None, types: dict[str, int]) -> AuditEvent:
    return AuditEvent(
        occurred_at=dt.datetime.combine(day, dt.time(9, 0), tzinfo=dt.UTC),
        day=day,
        user_pseudonym="0" * 64,
        department=department,
        agency="test",
        channel="word",
        action=action,
        verdict=verdict,
        type_counts=types,
        text_hmac="0" * 64,
        text_length=100,
    )


@contextlib.contextmanager
def running_server(environment: dict[str, str], home: Path) -> Iterator[str]:
    """``flask run`` on 127.0.0.1 and a free port with ``environment``; yields the base URL."""
    port = free_port()
    log_path = home / "server.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "server.app:create_app", "run"]
            + ["--host", "127.0.0.1", "--port", str(port)],
            cwd=REPO,
            env={**os.environ, **environment, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        if process.poll() is not None:
            return True
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                return response.status == 200
        except OSError:
            return False

    try:
        wait_for(healthy, 60, "the server")
        assert process.poll() is None, log_path.read_text(errors="replace")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def dashboard_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, int]]]:
    """The real server in development mode on seeded figures: (base URL, totals)."""
    if os.environ.get("AIGUARD_E2E") == "0":
        pytest.skip("AIGUARD_E2E=0")
    home = tmp_path_factory.mktemp("admin-server")
    environment = {
        "AIGUARD_DEV_MODE": "1",
        "AIGUARD_DATA_DIR": str(home / "data"),
        "AIGUARD_CONFIG_DIR": str(home / "config"),
        "AIGUARD_RATE_LIMIT": "100000 per minute",
    }
    totals = seed_figures(environment)
    with running_server(environment, home) as url:
        yield url, totals


@pytest.fixture(scope="module")
def signed_in_server(tmp_path_factory: pytest.TempPathFactory, jwks_server: JwksServer) -> Iterator[str]:
    """The real server with sign-in on (tokens checked against the tests' JWKS), seeded figures."""
    if os.environ.get("AIGUARD_E2E") == "0":
        pytest.skip("AIGUARD_E2E=0")
    home = tmp_path_factory.mktemp("admin-signed-in")
    environment = base_environment(home, jwks_server)
    seed_figures(environment)
    with running_server(environment, home) as url:
        yield url


@pytest.fixture
def open_dashboard(browser: Any, dashboard_server: tuple[str, dict[str, int]]) -> Iterator[Any]:
    """``open_dashboard(width)`` → a page on /admin; the test fails on page errors, CSP reports or any
    request that leaves the machine."""
    url, _ = dashboard_server
    contexts: list[Any] = []
    problems: list[str] = []

    def open_(width: int, height: int = 900) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale="zh-TW", accept_downloads=True
        )
        contexts.append(context)

        def refuse(route: Any) -> None:
            problems.append(f"request left the machine: {route.request.url}")
            route.abort()

        context.route(lambda target: not target.startswith(url), refuse)
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on(
            "console",
            lambda message: (
                problems.append(f"console {message.type}: {message.text}") if message.type == "error" else None
            ),
        )
        page.goto(url + "/admin")
        page.wait_for_selector("#dashboard svg.chart")
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not problems, problems


def test_dashboard_draws_the_charts_and_exports_the_csv(
    open_dashboard: Any, dashboard_server: tuple[str, dict[str, int]]
) -> None:
    _, totals = dashboard_server
    page = open_dashboard(1280)
    assert page.locator("#dashboard svg.chart").count() == 9  # 4 per day, 4 per department, top types
    assert page.locator("#status").is_hidden()
    assert page.locator('button[data-days="30"]').get_attribute("aria-pressed") == "true"
    shown = {metric: int(page.locator(f".total.{metric} .number").inner_text()) for metric in totals}
    assert shown == totals
    assert page.locator("#dashboard").get_by_text("社會局").count() >= 1
    box = page.locator("#dashboard svg.chart").first.bounding_box()
    assert box is not None and box["width"] > 400 and box["height"] > 100  # drawn, not collapsed
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin.png"), full_page=True)

    with page.expect_download() as download_info:
        page.click("#export-csv")
    download = download_info.value
    assert download.suggested_filename.startswith("aiguard-") and download.suggested_filename.endswith(".csv")
    body = Path(download.path()).read_text(encoding="utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0] == ["day", "department", "scans", "blocks", "redactions", "notices"]
    day_rows = [row for row in rows[1:] if len(row) == 6]
    assert {row[1] for row in day_rows} == set(DEPARTMENTS)
    assert sum(int(row[2]) for row in day_rows) == totals["scans"]
    assert sum(int(row[5]) for row in day_rows) == totals["notices"]
    assert ["finding_type", "count"] in rows
    page.wait_for_selector("#status:has-text('CSV 已下載')")


def test_period_buttons_fetch_the_figures_again(open_dashboard: Any) -> None:
    page = open_dashboard(1280)
    page.click('button[data-days="7"]')
    page.wait_for_selector("#dashboard .period:has-text('7 天')")
    assert page.locator('button[data-days="7"]').get_attribute("aria-pressed") == "true"
    assert page.url.endswith("/admin?days=7")
    assert page.locator("#dashboard svg.chart").count() == 9


def test_dashboard_fits_a_narrow_window(open_dashboard: Any) -> None:
    page = open_dashboard(390)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-narrow.png"), full_page=True)


MSAL_STANDIN = """
window.__msalCalls = [];
window.msal = {
  InteractionRequiredAuthError: class extends Error {},
  PublicClientApplication: class {
    constructor(config) { window.__msalCalls.push(["config", config]); }
    async initialize() {}
    async handleRedirectPromise() { return null; }
    getActiveAccount() { return null; }
    getAllAccounts() { return [{ username: "it.admin@example.gov.tw" }]; }
    setActiveAccount(account) { window.__msalCalls.push(["account", account.username]); }
    async acquireTokenSilent(request) {
      window.__msalCalls.push(["token", request.scopes]);
      return { accessToken: TOKEN };
    }
    async loginRedirect() { window.__msalCalls.push(["loginRedirect"]); }
    async acquireTokenRedirect() { window.__msalCalls.push(["acquireTokenRedirect"]); }
  },
};
"""


def open_signed_in(browser: Any, url: str, token: str) -> tuple[Any, list[str]]:
    """/admin with the MSAL stand-in handing out ``token``; returns the page and the problems seen."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-TW")
    problems: list[str] = []
    standin = MSAL_STANDIN.replace("TOKEN", json.dumps(token))
    context.route(
        url + "/addin/vendor/msal-browser.min.js",
        lambda route: route.fulfill(body=standin, content_type="text/javascript"),
    )

    def refuse(route: Any) -> None:
        problems.append(f"request left the machine: {route.request.url}")
        route.abort()

    context.route(lambda target: not target.startswith(url), refuse)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.goto(url + "/admin")
    return page, problems


def test_signed_in_admin_sees_the_charts(browser: Any, signed_in_server: str, make_token: Any) -> None:
    page, problems = open_signed_in(browser, signed_in_server, make_token(roles=["AIGuard.Admin"]))
    page.wait_for_selector("#dashboard svg.chart")
    assert page.locator("#dashboard svg.chart").count() == 9
    assert page.locator("#account-name").inner_text() == "it.admin@example.gov.tw"
    calls = page.evaluate("() => window.__msalCalls")
    config = calls[0][1]
    assert config["auth"]["authority"].startswith("https://login.microsoftonline.com/3f6a1c2e-")
    assert config["auth"]["redirectUri"] == signed_in_server + "/admin"
    assert ["token", ["api://localhost/7d2c9a51-1111-4111-8111-0000000c11e7/access_as_user"]] in calls
    with page.expect_download() as download_info:
        page.click("#export-csv")
    body = Path(download_info.value.path()).read_text(encoding="utf-8")
    assert body.lstrip("\ufeff").startswith("day,department,scans,blocks,redactions,notices")
    page.context.close()
    assert not problems, problems


def test_signed_in_user_without_the_role_is_told_so(browser: Any, signed_in_server: str, make_token: Any) -> None:
    page, problems = open_signed_in(browser, signed_in_server, make_token())
    page.wait_for_selector("#status.error")
    message = page.locator("#status").inner_text()
    assert "此帳號沒有 AIGuard 管理者角色（AIGuard.Admin）" in message
    assert "does not have the AIGuard admin role (AIGuard.Admin)" in message
    assert page.locator("#status").get_attribute("role") == "alert"
    assert page.locator("#switch-account").is_visible()
    assert page.locator("#dashboard svg").count() == 0
    assert page.locator("#export-csv").is_disabled()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "admin-forbidden.png"))
    page.context.close()
    assert not problems, problems
