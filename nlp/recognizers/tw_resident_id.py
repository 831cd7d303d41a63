"""TW_RESIDENT_ID: 居留證統一證號 / 外來人口統一證號, old (letter + A–D + 8 digits) and 2021 (letter + 8|9).

Only numbers with a correct check digit (:mod:`nlp.ids.tw_resident_id`) are findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import TW_RESIDENT_ID, Finding
from nlp.ids import tw_resident_id
from nlp.recognizers.base import LETTER_NOT_AFTER_ALNUM, NOT_BEFORE_DIGIT, NUMBER_LABELS, SEP, Recognizer
from nlp.text import ScanText

PATTERN = re.compile(
    r"""
    [A-Za-z] """ + LETTER_NOT_AFTER_ALNUM + r""" [ \-]?     # area letter, not inside a word
    (?: [A-Da-d] | [89] )           # old format: A–D; 2021 format: 8 or 9
    (?:""" + SEP + r"""[0-9]){8}    # serial and check digit
    """
    + NOT_BEFORE_DIGIT,
    re.VERBOSE,
)


class TwResidentIdRecognizer(Recognizer):
    name = "tw_resident_id"
    type = TW_RESIDENT_ID

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        for match in PATTERN.finditer(scan_text.folded):
            value = match.group(0)
            if not tw_resident_id.is_valid(value):
                continue
            evidence = ["pattern", "checksum", "format:old" if tw_resident_id.is_old_format(value) else "format:2021"]
            label = NUMBER_LABELS.nearest(scan_text, match.start())
            score = 0.9
            if label and label[0] == "id":
                evidence.append(f"context:{label[1]}")
                score = 1.0
            yield self.finding(scan_text, match.start(), match.end(), score, evidence)
