"""EMAIL: e-mail addresses (full-width ＠ and letters are folded first)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import EMAIL, Finding
from nlp.recognizers.base import Recognizer
from nlp.text import ScanText, add_window

PATTERN = re.compile(
    r"""
    (?=[A-Za-z0-9])                           # a possible first character: lets the engine skip ahead
    (?<![A-Za-z0-9._%+\-])
    [A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}      # local part
    @
    (?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+   # domain labels
    [A-Za-z]{2,24}                            # top-level domain
    (?![A-Za-z0-9\-])
    """,
    re.VERBOSE,
)


class EmailRecognizer(Recognizer):
    name = "email"
    type = EMAIL

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        text = scan_text.folded
        for start, end in _around_at_signs(text):
            for match in PATTERN.finditer(text, start, end):
                yield self.finding(scan_text, match.start(), match.end(), 0.95, ["pattern"])


# How far an address reaches from its @: a local part of at most 64 characters, a whole address of at most 254.
LOCAL_REACH = 64
DOMAIN_REACH = 254


def _around_at_signs(text: str) -> list[tuple[int, int]]:
    """The stretches around each @ where an address can be, merged: the pattern is not tried elsewhere."""
    windows: list[tuple[int, int]] = []
    at = text.find("@")
    while at != -1:
        start, end = max(0, at - LOCAL_REACH), min(len(text), at + DOMAIN_REACH)
        add_window(windows, start, end)
        at = text.find("@", at + 1)
    return windows
