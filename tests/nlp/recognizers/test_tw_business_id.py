"""TW_BUSINESS_ID: a company's 統一編號 after its label, checksum under the 2023 divisible-by-5 rule."""

from __future__ import annotations

import pytest

from nlp.recognizers.tw_business_id import TwBusinessIdRecognizer

RECOGNIZER = TwBusinessIdRecognizer()

POSITIVE = [
    ("廠商統一編號：22099131", ["22099131"]),
    ("統編 67232686（2023 年後核發）", ["67232686"]),  # valid only under the divisible-by-5 rule
    ("統一編號：１０４５８５７４", ["１０４５８５７４"]),  # full-width, 7th digit 7 special case
    ("扣繳單位編號04595257", ["04595257"]),
    ("營利事業統一編號: 19161476。", ["19161476"]),
]
NEGATIVE = [
    "統一編號：22099132",  # wrong checksum
    "22099131",  # no label: eight digits are anything
    "電話 22099131",
    "案號 22099131",
    "統一編號：2209913",  # seven digits
    "統一編號：220991311",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_finds(check_spans, text, expected):
    check_spans(RECOGNIZER, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives(check_none, text):
    check_none(RECOGNIZER, text)


def test_business_id_is_not_personal_data():
    from nlp.text import ScanText

    (finding,) = RECOGNIZER.find(ScanText("統一編號：22099131"))
    assert finding.personal is False
