"""BANK_ACCOUNT: bank or post-office account numbers (10–16 digits, separators allowed) after an account label.

Without a label such as 帳號 / 匯款帳戶 / account no. a long number is not an account.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlp.finding import BANK_ACCOUNT, Finding
from nlp.recognizers.base import DIGIT_NOT_AFTER_ALNUM, NOT_BEFORE_DIGIT, NUMBER_LABELS, Recognizer, digits_only
from nlp.text import ScanText

POST_OFFICE = re.compile(r"局號|郵局|郵政|劃撥")
PATTERN = re.compile(
    r"""
    [0-9] """ + DIGIT_NOT_AFTER_ALNUM + r"""
    (?=(?:[ \-]?[0-9]){6})                      # at least 7 digits: shorter numbers are never accounts
    [0-9]{1,15} (?: [ \-] [0-9]{1,8} ){0,4}     # digits, or groups joined by single separators
    """
    + NOT_BEFORE_DIGIT,
    re.VERBOSE,
)


class BankAccountRecognizer(Recognizer):
    name = "bank_account"
    type = BANK_ACCOUNT

    def find(self, scan_text: ScanText) -> Iterator[Finding]:
        for match in PATTERN.finditer(scan_text.folded):
            length = len(digits_only(match.group(0)))
            if not 7 <= length <= 16:
                continue
            label = NUMBER_LABELS.nearest(scan_text, match.start())
            if not label or label[0] != "bank":
                continue
            post_office = POST_OFFICE.search(label[1]) or POST_OFFICE.search(scan_text.sentence(match.start(), match.end()))
            if length < 10 and not (length == 7 and post_office):
                continue  # bank accounts have 10–16 digits; a 郵局 局號 and its 帳號 7 each
            yield self.finding(scan_text, match.start(), match.end(), 0.85, ["pattern", f"context:{label[1]}"])
