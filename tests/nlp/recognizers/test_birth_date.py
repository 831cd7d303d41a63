"""BIRTH_DATE: 民國 and western dates, only with birth context; other dates are not findings."""

from __future__ import annotations

import pytest

from nlp.recognizers.birth_date import BirthDateRecognizer

RECOGNIZER = BirthDateRecognizer()

POSITIVE = [
    ("and my date of birth is 4 June 2004.", ["4 June 2004"]),
    ("序號 姓名 出生年月日 身分證字號\n1 王小明 041/09/09 A123456789\n\n發文日期：113/05/01", ["041/09/09"]),
    ("出生日期：民國74年3月5日", ["民國74年3月5日"]),
    ("出生日期：民國七十四年三月五日", ["民國七十四年三月五日"]),  # Chinese numerals
    ("王小明（74年3月5日生）", ["74年3月5日"]),
    ("生日：1985-03-05", ["1985-03-05"]),
    ("生日 1985/3/5。", ["1985/3/5"]),
    ("出生年月日：７４．０３．０５", ["７４．０３．０５"]),  # full-width
    ("Date of birth: 5 March 1985", ["5 March 1985"]),
    ("DOB: 05/03/1985", ["05/03/1985"]),
    ("born on March 5, 1985", ["March 5, 1985"]),
]
NEGATIVE = [
    "出生日期欄請依出生證明書填寫，如114年3月1日出生者，最遲應於60日內登記",  # an example in a rule
    "發文日期：中華民國114年3月5日",
    "會議日期：114年3月5日",
    "請於114年3月31日前生效",
    "114年3月5日生效",
    "1985-03-05",
    "Meeting on March 5, 2025",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)
