"""TW_RESIDENT_ID: 居留證統一證號 in running text, old (letter + A–D) and 2021 (letter + 8|9) formats."""

from __future__ import annotations

import pytest

from nlp.recognizers.tw_resident_id import TwResidentIdRecognizer
from nlp.text import ScanText

RECOGNIZER = TwResidentIdRecognizer()

POSITIVE = [
    ("居留證號碼：AA00000009", ["AA00000009"]),
    ("統一證號A800000014，", ["A800000014"]),
    ("外籍配偶統一證號FA12345689號", ["FA12345689"]),
    ("居留證ａ８００ ０００ ０１４", ["ａ８００ ０００ ０１４"]),  # full-width and spaced
    ("證號：A-800-000-014", ["A-800-000-014"]),
    ("移工 QA03852802 與 Y918780175", ["QA03852802", "Y918780175"]),
    ("居留證號ａｃ０１２３４５６７", ["ａｃ０１２３４５６７"]),
]
NEGATIVE = [
    "居留證號碼：AA00000008",  # wrong check digit
    "統一證號A800000015",
    "AA23456786",  # a published vector that fails the official checksum
    "A123456789",  # a national ID is not a resident-certificate number
    "AE00000009",
    "A800000014123",
    "XAA00000009",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)


@pytest.mark.parametrize(("text", "fmt"), [("AA00000009", "format:old"), ("A800000014", "format:2021")])
def test_evidence_names_the_format(text, fmt):
    (finding,) = RECOGNIZER.find(ScanText(text))
    assert fmt in finding.evidence
