"""BANK_ACCOUNT: 10–16 digits after an account label, separators allowed; no label, no account."""

from __future__ import annotations

import pytest

from nlp.recognizers.bank_account import BankAccountRecognizer

RECOGNIZER = BankAccountRecognizer()

POSITIVE = [
    ("序號\t姓名\t郵局帳號\n1\t溫子涵\t0311452-0210336", ["0311452-0210336"]),  # label in the column header
    ("匯款帳號：012-345-678901", ["012-345-678901"]),
    ("帳號 0123 4567 8901 23", ["0123 4567 8901 23"]),
    ("Account No. 123-456-789012", ["123-456-789012"]),
    ("退款帳戶：０１２３－４５６７－８９０１", ["０１２３－４５６７－８９０１"]),
    pytest.param(
        "帳號12345678901234",
        ["12345678901234"],
    ),
    pytest.param(
        "帳戶：１２３４５６７８９０１２",
        ["１２３４５６７８９０１２"],
    ),
    pytest.param(
        "郵局帳號：0001234-5678901",
        ["0001234-5678901"],
    ),
]
NEGATIVE = [
    "案號 0123-4567-8901",
    "電話0912345678",
    "帳號123456789",  # 9 digits
    "帳號 1234-5678-9012-3456-78",  # 18 digits
    "0123 4567 8901 23",  # no label
    "金額新臺幣 1234-5678-90 元",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)
