"""PHONE: every Taiwanese format; 發文字號 / 案號 that look like mobile numbers are not phones."""

from __future__ import annotations

import pytest

from nlp.recognizers.phone import PhoneRecognizer

RECOGNIZER = PhoneRecognizer()

POSITIVE = [
    ("聯絡方式：0 9 3 3 2 1 5 6 8 0／", ["0 9 3 3 2 1 5 6 8 0"]),
    ("手機：0912345678", ["0912345678"]),
    ("請洽0912-345-678王先生", ["0912-345-678"]),
    ("手機0912 345 678。", ["0912 345 678"]),
    ("０９１２－３４５－６７８", ["０９１２－３４５－６７８"]),  # full-width
    ("(02)2960-3456", ["(02)2960-3456"]),
    ("（０２）２９６０－３４５６", ["（０２）２９６０－３４５６"]),
    ("02-29603456", ["02-29603456"]),
    ("037-123456", ["037-123456"]),
    ("049-2345678", ["049-2345678"]),
    ("0826-12345", ["0826-12345"]),
    ("+886-2-2960-3456", ["+886-2-2960-3456"]),
    ("+886(0)2-2960-3456", ["+886(0)2-2960-3456"]),
    ("+886-912-345-678", ["+886-912-345-678"]),
    ("+886 912 345 678", ["+886 912 345 678"]),
    ("0800-000-123", ["0800-000-123"]),
    ("電話：(02)2960-3456分機1234", ["(02)2960-3456分機1234"]),  # extension is part of the span
    ("電話 02-2960-3456 #1234", ["02-2960-3456 #1234"]),
    ("Tel: 02-2960-3456 ext. 12", ["02-2960-3456 ext. 12"]),
    ("TEL：（02）2960-3456轉5678", ["（02）2960-3456轉5678"]),
    ("電話：2960-3456", ["2960-3456"]),  # local number after a phone label
    (
        "承辦人：王小明，電話：(02)29603456 分機 8888，傳真：(02)29603457",
        ["(02)29603456 分機 8888", "(02)29603457"],
    ),
    pytest.param(
        "(+886)2-2960-3456",
        ["(+886)2-2960-3456"],
    ),
    pytest.param(
        "(+886) 912-345-678",
        ["(+886) 912-345-678"],
    ),
]
NEGATIVE = [
    "舉發單號\t日期\n0934156602\t114/01/07",  # 09… under a case-number column header
    "建號：05678-000",
    "發文字號：北府工字第0981234567號",  # ROC 98 發文字號 looks exactly like a mobile number
    "北府工字第0981234567號函",
    "新北府社字第0991234567號",
    "收文號0981234567",
    "受理編號：0912345678",
    "案號 0912345678",
    "訂單編號0912345678",
    "金額新臺幣0912345678元",
    "09123456789",  # 11 digits
    "1234567890912345678",  # inside a longer run
    "2960-3456",  # a local number without a phone label
    "請於114年3月5日前回覆",
    "身分證字號A123456789",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)
