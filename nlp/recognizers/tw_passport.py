"""TW_PASSPORT: passport numbers, only where the nearest field label is a passport label.

Taiwanese passports carry 9 digits; foreign passports one or two letters and 7–9 digits. A bare 9-digit
number is far more often a 案號 or 收文號, so the label decides (see :class:`LabelIndex`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import TW_PASSPORT, Finding
from nlp.recognizers.base import NOT_BEFORE_DIGIT, NUMBER_LABELS, Recognizer
from nlp.text import ScanText

PATTERN = re.compile(
    r"""
    [A-Z0-9] (?<![A-Za-z0-9][A-Z0-9])            # first character, not inside a word
    (?: (?<=[A-Z]) [A-Z]? [0-9]{7,8} [A-Z]?      # foreign passports: letters + digits (+ a check letter)
      | [A-Z0-9]{7,9}                            # alphanumeric numbers (C4J7X21K8): 4+ digits, checked below
      | (?<=[0-9]) (?:[ \-]?[0-9]){8} )          # Taiwanese passport: 9 digits, maybe spaced
    """
    + NOT_BEFORE_DIGIT,
    re.VERBOSE,
)


class TwPassportRecognizer(Recognizer):
    name = "tw_passport"
    type = TW_PASSPORT

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        for match in PATTERN.finditer(scan_text.folded):
            label = NUMBER_LABELS.nearest(scan_text, match.start())
            if not label or label[0] != "passport" or sum(c.isdigit() for c in match.group(0)) < 4:
                continue
            yield self.finding(scan_text, match.start(), match.end(), 0.85, ["pattern", f"context:{label[1]}"])
