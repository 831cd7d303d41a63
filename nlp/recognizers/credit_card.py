"""CREDIT_CARD: payment card numbers — 13–19 digits, Luhn-valid, with a real issuer prefix.

A card label (信用卡, 卡號, card no.) raises the score; the label is not required because a Luhn-valid number
with a scheme prefix written in 4-digit groups is a card number almost every time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import CREDIT_CARD, Finding
from nlp.ids import luhn
from nlp.recognizers.base import DIGIT_NOT_AFTER_ALNUM, NOT_BEFORE_DIGIT, NUMBER_LABELS, Recognizer
from nlp.text import ScanText

PATTERN = re.compile(
    r"""
    [0-9] """ + DIGIT_NOT_AFTER_ALNUM + r""" [0-9]{3}
    (?: (?: [ \-]? [0-9]{4} ){2} [ \-]? [0-9]{1,7}   # 4-4-4-x groups (Visa, Mastercard, JCB …)
      | [ \-]? [0-9]{6} [ \-]? [0-9]{5} )            # 4-6-5 (American Express)
    """
    + NOT_BEFORE_DIGIT,
    re.VERBOSE,
)


class CreditCardRecognizer(Recognizer):
    name = "credit_card"
    type = CREDIT_CARD

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        for match in PATTERN.finditer(scan_text.folded):
            if not luhn.is_payment_card(match.group(0)):
                continue
            label = NUMBER_LABELS.nearest(scan_text, match.start())
            evidence = ["pattern", "luhn"]
            score = 0.85
            if label and label[0] == "card":
                evidence.append(f"context:{label[1]}")
                score = 1.0
            elif label and label[0] in ("bank", "nhi", "case", "phone"):
                continue
            yield self.finding(scan_text, match.start(), match.end(), score, evidence)
