"""EMAIL: addresses in Chinese and English text, full-width ＠ and letters included."""

from __future__ import annotations

import pytest

from nlp.recognizers.email import EmailRecognizer

RECOGNIZER = EmailRecognizer()

POSITIVE = [
    ("承辦人信箱：wang.xm@ntpc.gov.tw。", ["wang.xm@ntpc.gov.tw"]),
    ("ｗａｎｇ＠ｎｔｐｃ．ｇｏｖ．ｔｗ", ["ｗａｎｇ＠ｎｔｐｃ．ｇｏｖ．ｔｗ"]),
    ("service@ntpc.gov.tw、abc@gmail.com", ["service@ntpc.gov.tw", "abc@gmail.com"]),
    ("請寄至abc_def+tag@mail.example.com.tw謝謝", ["abc_def+tag@mail.example.com.tw"]),
    ("From: Mary Chen <Mary.Chen@Example.ORG>", ["Mary.Chen@Example.ORG"]),
]
NEGATIVE = ["@ntpc.gov.tw", "user@localhost", "wang@ntpc", "a@b.c", "電子郵件：（請填寫）", "@@"]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)
