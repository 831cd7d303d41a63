"""TW_BUSINESS_ID: a company's 統一編號 — 8 digits after a 統一編號 label, with a valid 2023-rule checksum.

Reported so that IT sees it, but it is not personal data and does not change the verdict by default.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import TW_BUSINESS_ID, Finding
from nlp.ids import tw_business_id
from nlp.recognizers.base import DIGIT_NOT_AFTER_ALNUM, NOT_BEFORE_DIGIT, NUMBER_LABELS, Recognizer
from nlp.text import ScanText

PATTERN = re.compile(r"[0-9]" + DIGIT_NOT_AFTER_ALNUM + r"[0-9]{7}" + NOT_BEFORE_DIGIT)


class TwBusinessIdRecognizer(Recognizer):
    name = "tw_business_id"
    type = TW_BUSINESS_ID

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        for match in PATTERN.finditer(scan_text.folded):
            label = NUMBER_LABELS.nearest(scan_text, match.start())
            if not label or label[0] != "ubn" or not tw_business_id.is_valid(match.group(0)):
                continue
            yield self.finding(
                scan_text, match.start(), match.end(), 0.95, ["pattern", "checksum", f"context:{label[1]}"]
            )
