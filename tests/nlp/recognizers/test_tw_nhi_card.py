"""TW_NHI_CARD: 12-digit 健保卡號 only after a NHI-card label; 健保 next to a case number is not a card."""

from __future__ import annotations

import pytest

from nlp.recognizers.tw_nhi_card import TwNhiCardRecognizer

RECOGNIZER = TwNhiCardRecognizer()

POSITIVE = [
    ("健保卡號：0000 1234 5678", ["0000 1234 5678"]),
    ("健保卡號碼０００１２３４５６７８９", ["０００１２３４５６７８９"]),
    ("健保IC卡卡號 0001-2345-6789", ["0001-2345-6789"]),
    ("健保卡卡號:000123456789。", ["000123456789"]),
    ("NHI card no. 0001 2345 6789", ["0001 2345 6789"]),
]
NEGATIVE = [
    "健保署受理編號000123456789",
    "健保卡遺失，三聯單編號000123456789",
    "健保費000123456789元",
    "健保卡號：00012345678",  # 11 digits
    "健保卡號：0001234567890",  # 13 digits
    "000123456789",  # no label
    "身分證 000123456789",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)
