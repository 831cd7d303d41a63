"""Fixtures shared by every browser test: one Chromium for the whole run.

Playwright's sync API runs an event loop for as long as it is open, so two ``sync_playwright()`` blocks
cannot be open at once; the Word/Outlook pane tests (tests/e2e) and the dashboard test (tests/server)
therefore share this one browser.

- ``AIGUARD_E2E=0`` skips the browser tests;
- ``AIGUARD_E2E_CHROMIUM`` names another browser than Debian's ``/usr/bin/chromium``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("AIGUARD_E2E_CHROMIUM", "/usr/bin/chromium")
# As root, without sandbox; no background networking (the machine has no internet and Chromium would flood it).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if os.environ.get("AIGUARD_E2E") == "0":
        pytest.skip("AIGUARD_E2E=0")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no browser at {CHROMIUM}: apt-get install -y chromium (or set AIGUARD_E2E_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()
