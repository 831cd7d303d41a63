"""TW_NATIONAL_ID: 身分證統一編號 in running text.

Letter + 1|2 + 8 digits, upper or lower case, full-width, with spaces or hyphens between groups
(「A123 456 789」, 「a１２３４５６７８９」). Only numbers with a correct check digit are findings; a context
word (身分證) raises the score. The checksum lives in :mod:`nlp.ids.tw_national_id`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import TW_NATIONAL_ID, Finding
from nlp.ids import tw_national_id
from nlp.recognizers.base import LETTER_NOT_AFTER_ALNUM, NOT_BEFORE_DIGIT, NUMBER_LABELS, SEP, Recognizer
from nlp.text import ScanText

PATTERN = re.compile(
    r"""
    [A-Za-z] """ + LETTER_NOT_AFTER_ALNUM + r""" [ \-]?     # area letter, not inside a word
    [12]                # sex digit
    (?:""" + SEP + r"""[0-9]){8}   # serial and check digit, optional separators
    """
    + NOT_BEFORE_DIGIT,
    re.VERBOSE,
)


class TwNationalIdRecognizer(Recognizer):
    name = "tw_national_id"
    type = TW_NATIONAL_ID

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        for match in PATTERN.finditer(scan_text.folded):
            if not tw_national_id.is_valid(match.group(0)):
                continue
            label = NUMBER_LABELS.nearest(scan_text, match.start())
            evidence = ["pattern", "checksum"]
            score = 0.9
            if label and label[0] == "id":
                evidence.append(f"context:{label[1]}")
                score = 1.0
            yield self.finding(scan_text, match.start(), match.end(), score, evidence)
