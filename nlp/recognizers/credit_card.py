"""CREDIT_CARD: payment card numbers — 13–19 digits, Luhn-valid, with a real issuer prefix.

A card label (信用卡, 卡號, card no.) raises the score; the label is not required because a Luhn-valid number
with a scheme prefix written in 4-digit groups is a card number almost every time. Not a card: a postcode run
together with a phone number (220010229603456: 22001 + 02-2960-3456), which passes Luhn one time in ten.
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


# A Taiwanese phone number after a 3- or 5-digit postcode: 0 + an area code with 8 digits in all, or 02/04/049
# and mobiles with 9. American Express (34, 37) and 16-digit cards never split this way.
POSTCODE_AND_PHONE = re.compile(r"[1-9][0-9]{2}(?:[0-9]{2})?(?:09[0-9]{8}|0(?:2|4|49)[0-9]{7,8}|0[3-8][0-9]{7})")


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
            elif POSTCODE_AND_PHONE.fullmatch(match.group(0)) and match.group(0)[:2] not in ("34", "37"):
                continue  # a postcode and a phone number written together
            yield self.finding(scan_text, match.start(), match.end(), score, evidence)
