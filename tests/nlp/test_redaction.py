"""Redaction: mask forms, placeholder numbering (same value → same placeholder, whatever its spelling),
and text outside findings left exactly as it was."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.engine import Engine
from nlp.redaction import redact

ENGINE = Engine()


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("身分證字號A123456789", "身分證字號A12****789"),
        ("身分證字號Ａ１２３４５６７８９。", "身分證字號Ａ１２****７８９。"),
        ("手機0912-345-678", "手機0912-***-678"),
        ("承辦人：王小明　分機：5123", "承辦人：王○明　分機：****"),  # too short to keep any digit
        ("承辦人：王小明", "承辦人：王○明"),
        ("歐陽娜娜小姐", "歐○○娜小姐"),
        ("信箱wang.xm@ntpc.gov.tw", "信箱w******@ntpc.gov.tw"),
        ("信用卡號：4111 1111 1111 1111", "信用卡號：**** **** **** 1111"),
        ("住址：新北市板橋區中山路一段161號", "住址：新北市板橋區中山路○段○○○號"),
        ("出生日期：民國74年3月5日", "出生日期：民國○○年○月○日"),
        ("該員有竊盜前科", "該員有〔已遮蔽〕"),
        ("Dear John Smith,", "Dear J. S.,"),
        ("統一編號：22099131", "統一編號：22099131"),  # reported, not personal: left as is
        ("請參考附件辦理", "請參考附件辦理"),
    ],
)
def test_mask_forms(text, masked):
    assert ENGINE.redact(text, "mask").text == masked


def test_masked_text_no_longer_contains_the_values():
    text = "承辦人：王小明，手機0912-345-678，身分證字號A123456789，信箱wang@ntpc.gov.tw"
    redacted = ENGINE.redact(text).text
    for value in ("王小明", "0912-345-678", "A123456789", "wang@ntpc.gov.tw"):
        assert value not in redacted


def test_placeholder_numbering_same_value_same_placeholder_whatever_the_spelling():
    text = (
        "王小明先生來電，手機0912345678；王小明先生另留手機０９１２－３４５－６７８，"
        "李美華小姐手機0912 345 678，另一支0922-000-111"
    )
    redaction = ENGINE.redact(text, "placeholder")
    assert redaction.text == (
        "〔姓名1〕先生來電，手機〔電話1〕；〔姓名1〕先生另留手機〔電話1〕，"
        "〔姓名2〕小姐手機〔電話1〕，另一支〔電話2〕"
    )
    assert redaction.placeholder_map == {
        "〔姓名1〕": "王小明",
        "〔姓名2〕": "李美華",
        "〔電話1〕": "0912345678",
        "〔電話2〕": "0922-000-111",
    }


@pytest.mark.parametrize(
    "second_spelling",
    ["0912—345—678", "0912–345–678", "0912‐345‐678", "０９１２－３４５－６７８", "0912 345 678", "+886-912-345-678"],
)
def test_one_phone_one_placeholder_whatever_the_dash(second_spelling):
    """Issue 10: the same phone written with an em dash and a hyphen is one value, one placeholder."""
    redaction = ENGINE.redact(f"聯絡電話：0912-345-678；手機：{second_spelling}", "placeholder")
    assert redaction.text == "聯絡電話：〔電話1〕；手機：〔電話1〕"
    assert redaction.placeholder_map == {"〔電話1〕": "0912-345-678"}


def test_placeholder_ids_case_and_width_insensitive():
    redaction = ENGINE.redact("身分證A123456789，複核a123 456 789與Ａ１２３４５６７８９", "placeholder")
    assert redaction.text == "身分證〔身分證字號1〕，複核〔身分證字號1〕與〔身分證字號1〕"


def test_placeholder_numbering_does_not_leak_between_calls():
    first = ENGINE.redact("承辦人：王小明", "placeholder")
    second = ENGINE.redact("承辦人：李美華", "placeholder")
    assert first.text == "承辦人：〔姓名1〕" and second.text == "承辦人：〔姓名1〕"
    assert second.placeholder_map == {"〔姓名1〕": "李美華"}


def test_replacements_are_in_original_coordinates():
    text = "🙂承辦人：王小明，手機0912-345-678"
    redaction = ENGINE.redact(text, "placeholder")
    assert [(text[s:e], r) for s, e, r in redaction.replacements] == [
        ("王小明", "〔姓名1〕"),
        ("0912-345-678", "〔電話1〕"),
    ]


def test_unknown_mode_is_an_error():
    with pytest.raises(ValueError):
        redact("x", ENGINE.scan("x"), "shred")


def test_markings_are_not_redacted_away():
    """A marking blocks; redaction must not hide it (the CLI refuses blocked texts)."""
    redaction = ENGINE.redact("【限閱】王小明先生", "mask")
    assert redaction.text == "【限閱】王○明先生"
    assert redaction.result.verdict == "block"


# ---- property: text outside findings is never lost or shifted ------------------------------------

FILLER = st.text(
    alphabet=st.sampled_from(
        list("的了是在有與及，。、；：（）「」\n 　abcXYZ0123456789０１２🙂𠀋新北市路號先生")
    ),
    max_size=12,
)
VALUES = st.sampled_from(
    [
        "承辦人：王小明",
        "身分證字號A123456789",
        "手機0912-345-678",
        "０９１２３４５６７８",
        "wang@ntpc.gov.tw",
        "住址：新北市板橋區中山路一段161號",
        "出生日期：民國74年3月5日",
        "信用卡號：4111 1111 1111 1111",
        "李美華小姐",
        "居留證AA00000009",
        "統一編號：22099131",
        "該員有竊盜前科",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(FILLER, VALUES), max_size=5), FILLER, st.sampled_from(["mask", "placeholder"]))
def test_redaction_leaves_non_finding_characters_identical(pieces, tail, mode):
    text = "".join(a + b for a, b in pieces) + tail
    redaction = ENGINE.redact(text, mode)
    # Rebuild the redacted text from the original: every character outside a replaced span is copied.
    rebuilt, cursor = [], 0
    for start, end, replacement in redaction.replacements:
        assert cursor <= start < end <= len(text)
        rebuilt.append(text[cursor:start])
        rebuilt.append(replacement)
        cursor = end
    rebuilt.append(text[cursor:])
    assert redaction.text == "".join(rebuilt)
    # Replaced spans are exactly the personal-data findings to redact.
    spans = [(f.start, f.end) for f in redaction.result.findings if f.action == "redact"]
    assert [(s, e) for s, e, _ in redaction.replacements] == spans
