"""TW_NATIONAL_ID in running text: checksum-valid numbers only, offsets into the text as typed."""

from __future__ import annotations

import pytest

from nlp.recognizers.tw_national_id import TwNationalIdRecognizer

RECOGNIZER = TwNationalIdRecognizer()

POSITIVE = [
    ("身分證字號A123456789，", ["A123456789"]),  # next to CJK: no \b
    ("身分證統一編號：M162773050。", ["M162773050"]),  # check digit 0
    ("身分證字號：Ａ１２３４５６７８９", ["Ａ１２３４５６７８９"]),  # full-width
    ("申請人陳小明（a123456789）", ["a123456789"]),  # lower case
    ("ID: A123 456 789", ["A123 456 789"]),
    ("身分證 A-123-456-789 請核對", ["A-123-456-789"]),
    ("身分證字號 A 123456789", ["A 123456789"]),
    ("Ａ１２３－４５６－７８９", ["Ａ１２３－４５６－７８９"]),  # full-width hyphens
    ("A123456789與B183016613", ["A123456789", "B183016613"]),
    ("受款人Z212154722", ["Z212154722"]),
]
NEGATIVE = [
    "身分證字號A123456788，",  # wrong check digit
    "身分證字號M162773051",
    "A323456789",  # sex digit 3
    "XA123456789",  # inside a longer letter run
    "A1234567890",  # inside a longer digit run
    "9A123456789",
    "AA00000009",  # a resident-certificate number
    "A800000014",
    "發文字號：北府社字第1120012345號",
    "",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)


def test_context_word_raises_the_score():
    from nlp.text import ScanText

    labelled = next(iter(RECOGNIZER.find(ScanText("身分證字號：A123456789"))))
    bare = next(iter(RECOGNIZER.find(ScanText("編號：A123456789"))))
    assert labelled.score > bare.score
    assert "checksum" in labelled.evidence
