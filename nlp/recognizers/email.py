"""EMAIL: e-mail addresses (full-width ＠ and letters are folded first)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import EMAIL, Finding
from nlp.recognizers.base import Recognizer
from nlp.text import ScanText

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
        if "@" not in scan_text.folded:
            return
        for match in PATTERN.finditer(scan_text.folded):
            yield self.finding(scan_text, match.start(), match.end(), 0.95, ["pattern"])
