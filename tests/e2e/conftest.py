"""End-to-end fixtures: the real Flask server in a subprocess, Debian's Chromium driven by Playwright, and
the task panes opened with a stand-in for the Office host.

The server runs in development mode without sign-in on 127.0.0.1 (``AIGUARD_DEV_MODE=1``; HTTP is fine on
loopback for the test), with its data and config in a temporary directory. The panes load office.js from
Microsoft's CDN; the browser context routes that URL to ``office_standin.js``.

Environment:
- ``AIGUARD_E2E_CHROMIUM``: the browser (default ``/usr/bin/chromium``, from ``apt-get install chromium``).
- ``AIGUARD_E2E=0`` skips these tests (e.g. on a machine without Chromium); otherwise a missing browser fails.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
STANDIN = Path(__file__).with_name("office_standin.js")
SCREENSHOTS = REPO / "test-output" / "screenshots"
OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"
PANE_WIDTH = 320
SERVER_START_SECONDS = 60


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start the real server (development mode, loopback) and yield its base URL."""
    if os.environ.get("AIGUARD_E2E") == "0":
        pytest.skip("AIGUARD_E2E=0")
    home = tmp_path_factory.mktemp("server")
    port = _free_port()
    env = dict(os.environ)
    env.update(
        {
            "AIGUARD_DEV_MODE": "1",
            "AIGUARD_DATA_DIR": str(home / "data"),
            "AIGUARD_CONFIG_DIR": str(home / "config"),
            "AIGUARD_RATE_LIMIT": "100000 per minute",
            "AIGUARD_ADDIN_DIR": str(REPO / "addin"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    log = (home / "server.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flask",
            "--app",
            "server.app:create_app",
            "run",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if process.poll() is not None:
                log.flush()
                raise RuntimeError("the server exited:\n" + (home / "server.log").read_text(encoding="utf-8"))
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start in time")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


class Pane:
    """A task pane (or the on-send page) open in a page with the Office stand-in."""

    def __init__(self, page: Any, problems: list[str]) -> None:
        self.page = page
        self.problems = problems

    def state(self) -> dict[str, Any]:
        """What the stand-in recorded: document or message, highlights, selection, properties, settings."""
        return self.page.evaluate("() => JSON.parse(JSON.stringify(window.__officeState))")

    def screenshot(self, name: str, full_page: bool = True) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture
def open_page(browser: Any, server_url: str) -> Iterator[Callable[..., Pane]]:
    """Open an add-in page with the stand-in playing ``config["host"]``; fail the test on page errors."""
    contexts: list[Any] = []
    panes: list[Pane] = []

    def open_(path: str, config: dict[str, Any], width: int = PANE_WIDTH, height: int = 900) -> Pane:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-TW")
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server_url)
        contexts.append(context)
        context.route(OFFICE_JS, lambda route: route.fulfill(path=str(STANDIN), content_type="text/javascript"))
        # Nothing else may leave the machine: any other outside request is refused and reported.
        outside: list[str] = []

        def refuse(route: Any) -> None:
            outside.append(route.request.url)
            route.abort()

        context.route(lambda url: not url.startswith(server_url) and url != OFFICE_JS, refuse)
        context.add_init_script(f"window.__officeStandIn = {json.dumps(config, ensure_ascii=False)};")
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on(
            "console",
            lambda message: (
                problems.append(f"console {message.type}: {message.text}")
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )
        page.goto(server_url + path)
        pane = Pane(page, problems)
        pane.outside = outside  # type: ignore[attr-defined]
        panes.append(pane)
        return pane

    yield open_
    for pane in panes:
        assert not pane.problems, pane.problems
        assert not pane.outside, f"requests left the machine: {pane.outside}"  # type: ignore[attr-defined]
    for context in contexts:
        context.close()
