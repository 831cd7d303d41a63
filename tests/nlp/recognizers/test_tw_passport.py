"""TW_PASSPORT: only where the nearest label is a passport label.

受理編號 / 案號 next to 護照 are not passport numbers.
"""

from __future__ import annotations

import pytest

from nlp.recognizers.tw_passport import TwPassportRecognizer

RECOGNIZER = TwPassportRecognizer()

POSITIVE = [
    ("護照號碼：312345678", ["312345678"]),
    ("護照號碼：３１２３４５６７８", ["３１２３４５６７８"]),
    ("護照 312345678，效期至2030年", ["312345678"]),
    ("Passport No. AB1234567", ["AB1234567"]),
    ("外籍人士passport number: E12345678", ["E12345678"]),
    pytest.param(
        "護照號碼:312 345 678",
        ["312 345 678"],
    ),
    pytest.param(
        "護照號碼：312-345-678",
        ["312-345-678"],
    ),
]
NEGATIVE = [
    "護照申請案，受理編號123456789",
    "受理編號：123456789，申請護照",
    "護照遺失，案號312345678",
    "護照換發 收文號 312345678",
    "護照三聯單編號123456789",
    "123456789",  # no label at all
    "電話 312345678",
    pytest.param(
        "護照規費1300元，收據號碼123456789",
    ),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)
