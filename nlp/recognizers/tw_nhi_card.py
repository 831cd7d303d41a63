"""TW_NHI_CARD: 健保卡號 — 12 digits (often 4-4-4), only where the nearest field label is the NHI card's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import TW_NHI_CARD, Finding
from nlp.recognizers.base import DIGIT_NOT_AFTER_ALNUM, NOT_BEFORE_DIGIT, NUMBER_LABELS, SEP, Recognizer
from nlp.text import ScanText

PATTERN = re.compile(r"[0-9]" + DIGIT_NOT_AFTER_ALNUM + r"(?:" + SEP + r"[0-9]){11}" + NOT_BEFORE_DIGIT)


class TwNhiCardRecognizer(Recognizer):
    name = "tw_nhi_card"
    type = TW_NHI_CARD

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        for match in PATTERN.finditer(scan_text.folded):
            label = NUMBER_LABELS.nearest(scan_text, match.start())
            if not label or label[0] != "nhi":
                continue
            yield self.finding(scan_text, match.start(), match.end(), 0.85, ["pattern", f"context:{label[1]}"])
