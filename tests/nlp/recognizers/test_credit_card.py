"""CREDIT_CARD: Luhn-valid numbers with a real issuer prefix, in the groupings people type."""

from __future__ import annotations

import pytest

from nlp.recognizers.credit_card import CreditCardRecognizer
from nlp.text import ScanText

RECOGNIZER = CreditCardRecognizer()

POSITIVE = [
    ("信用卡號：4111 1111 1111 1111", ["4111 1111 1111 1111"]),
    ("卡號4111-1111-1111-1111", ["4111-1111-1111-1111"]),
    ("４１１１１１１１１１１１１１１１", ["４１１１１１１１１１１１１１１１"]),  # full-width
    ("American Express 3782 822463 10005", ["3782 822463 10005"]),
    ("5555555555554444", ["5555555555554444"]),
    ("JCB卡 3530 1113 3330 0000 已停用", ["3530 1113 3330 0000"]),
    ("信用卡 4020229603455", ["4020229603455"]),  # splits like postcode + phone, but the label says card
]
NEGATIVE = [
    "信用卡號：4111 1111 1111 1112",  # Luhn fails
    "案號4111111111111111",  # case label
    "1234567812345670",  # Luhn-valid, no issuer prefix
    "訂單 79927398713",
    "41111111111111111111",  # 20 digits
    "地址：新北市中和區景平路1號4020229603455",  # postcode 402 + 02-2960-3455 run together: Luhn-valid by chance
    "400410229603458",  # 40041 + 02-2960-3458
    "360460422345678",  # 36046 + 04-2234-5678
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)


def test_card_label_raises_the_score():
    (labelled,) = RECOGNIZER.find(ScanText("信用卡號 4111111111111111"))
    (bare,) = RECOGNIZER.find(ScanText("4111111111111111"))
    assert labelled.score > bare.score and "luhn" in bare.evidence
