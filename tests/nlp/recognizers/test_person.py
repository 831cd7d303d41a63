"""PERSON by rules: Chinese names after labels, before honorifics/titles, after titles, in signatures;
English names. The span is the name without its title or honorific."""

from __future__ import annotations

import pytest

from nlp.recognizers.person import PersonRecognizer

RECOGNIZER = PersonRecognizer()

POSITIVE = [
    ("承辦人：王小明", ["王小明"]),
    ("承辦人：科員王小明", ["王小明"]),  # title excluded
    ("王小明先生", ["王小明"]),  # honorific excluded
    ("李美華小姐您好", ["李美華"]),
    ("陳建宏科長", ["陳建宏"]),
    ("黃淑惠老師", ["黃淑惠"]),
    ("局長王大明表示", ["王大明"]),
    ("出席：林志明、張淑芬、科長陳建宏", ["林志明", "張淑芬", "陳建宏"]),
    ("陳情人王大明君", ["王大明"]),
    ("歐陽娜娜小姐", ["歐陽娜娜"]),  # compound surname
    ("張簡文華先生", ["張簡文華"]),
    ("王小明 敬上", ["王小明"]),
    ("申請人：陳美玲（身分證字號A123456789）", ["陳美玲"]),
    ("Dear John Smith,", ["John Smith"]),
    ("Mr. John Smith called", ["John Smith"]),  # Mr. excluded
    ("From: Mary Chen <mary@x.com>", ["Mary Chen"]),
    ("Best regards,\nJohn Smith", ["John Smith"]),
    ("Wang Hsiao-ming", ["Wang Hsiao-ming"]),
]
NEGATIVE = [
    "新北市政府",
    "陳情人來電",
    "承辦人：資訊中心",
    "Dear Sir,",
    "林口區公所",
    "黃金價格上漲",
    "Dear Team,",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)


@pytest.mark.xfail(
    strict=True, reason="engine bug: a name alone on the last line (e-mail signature) is not found"
)
def test_signature_name_alone_on_the_last_line(check_spans):
    check_spans(RECOGNIZER, "各位好，附件為會議資料。\n\n王小明", ["王小明"])
