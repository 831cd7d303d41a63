"""Restore: the bracket and spacing variants an AI writes back, and the redact → restore round trip."""

from __future__ import annotations

import pytest

from nlp.engine import Engine
from nlp.restoration import restore

ENGINE = Engine()
MAP = {
    "〔姓名1〕": "王小明",
    "〔姓名12〕": "李美華",
    "〔電話1〕": "0912-345-678",
    "〔身分證字號1〕": "A123456789",
}


@pytest.mark.parametrize(
    "variant",
    [
        "〔姓名1〕",
        "[姓名1]",
        "【姓名 1】",
        "（姓名１）",
        "〔 姓名1 〕",
        "(姓名1)",
        "{姓名1}",
        "［姓名１］",
        "「姓名1」",
        "【 姓 名 1 】",
        "<姓名1>",
        "〈姓名1〉",
        "〔姓名\u30001〕",
    ],
)
def test_bracket_and_spacing_variants(variant):
    restoration = restore(f"請轉知{variant}先生。", MAP)
    assert restoration.text == "請轉知王小明先生。"
    assert restoration.count == 1


def test_one_and_twelve_are_not_confused():
    restoration = restore("〔姓名1〕與〔姓名12〕、[姓名12]、【姓名 1】", MAP)
    assert restoration.text == "王小明與李美華、李美華、王小明"
    assert restoration.count == 4


def test_only_one_when_twelve_is_not_in_the_map():
    restoration = restore("〔姓名12〕", {"〔姓名1〕": "王小明"})
    assert restoration.text == "〔姓名12〕" and restoration.count == 0
    assert restoration.missing == ("〔姓名1〕",)


def test_text_without_brackets_is_left_alone():
    text = "姓名1欄位請填寫，電話1支，身分證字號1組"
    restoration = restore(text, MAP)
    assert restoration.text == text and restoration.count == 0


def test_missing_placeholders_are_reported():
    restoration = restore("請聯絡〔姓名1〕", MAP)
    assert set(restoration.missing) == {"〔姓名12〕", "〔電話1〕", "〔身分證字號1〕"}


def test_empty_map_changes_nothing():
    assert restore("〔姓名1〕", {}).text == "〔姓名1〕"


def test_values_are_inserted_literally():
    """A value with regex-special characters or backslashes is put back as it is."""
    restoration = restore("〔地址1〕", {"〔地址1〕": r"新北市\1路(1)號$"})
    assert restoration.text == r"新北市\1路(1)號$"


@pytest.mark.parametrize(
    "text",
    [
        "承辦人：王小明，手機0912-345-678，身分證字號A123456789。\n請王小明先生於3日內回覆。",
        "Dear John Smith,\n\nPlease call 0912-345-678.\n\nBest regards,\nMary Chen",
        "🙂申請人陳美玲，住址：新北市板橋區中山路一段161號，出生日期：民國74年3月5日，信箱chen@example.com.tw",
        "請參考附件辦理",
    ],
)
def test_round_trip_redact_then_restore_gives_the_original(text):
    redaction = ENGINE.redact(text, "placeholder")
    restoration = restore(redaction.text, redaction.placeholder_map)
    assert restoration.text == text
    assert restoration.missing == ()


def test_round_trip_through_an_ai_that_rewrites_brackets():
    text = "承辦人：王小明，手機0912-345-678。"
    redaction = ENGINE.redact(text, "placeholder")
    answer = redaction.text.replace("〔姓名1〕", "【姓名 1】").replace("〔電話1〕", "（電話１）")
    assert restore(answer, redaction.placeholder_map).text == text


# ---- what AI answers really do: renamed labels, dropped brackets, full-width digits -------------------------


@pytest.mark.parametrize(
    ("answer", "restored"),
    [
        ("請撥〔電話號碼1〕聯絡", "請撥0912-345-678聯絡"),
        ("請撥【手機 1】聯絡", "請撥0912-345-678聯絡"),
        ("請撥〔电话1〕聯絡", "請撥0912-345-678聯絡"),
        ("Please call [Phone 1].", "Please call 0912-345-678."),
        ("〔名字1〕先生", "王小明先生"),
        ("〔身分證號碼１〕", "A123456789"),
        ("〔身分證1〕", "A123456789"),  # contained in 身分證字號
        ("〔姓名 １２〕", "李美華"),
    ],
)
def test_renamed_labels(answer, restored):
    restoration = restore(answer, MAP)
    assert restoration.text == restored and restoration.count == 1


@pytest.mark.parametrize(
    ("answer", "restored"),
    [
        ("姓名1先生您好", "王小明先生您好"),
        ("敬愛的姓名12女士", "敬愛的李美華女士"),
        ("請撥電話1聯絡", "請撥0912-345-678聯絡"),
        ("請撥電話１，或洽姓名 1", "請撥0912-345-678，或洽王小明"),
        ("身分證字號1經查無誤。", "A123456789經查無誤。"),
    ],
)
def test_brackets_dropped(answer, restored):
    assert restore(answer, MAP).text == restored


@pytest.mark.parametrize(
    "ordinary",
    [
        "姓名1欄位請填寫，電話1支，身分證字號1組",
        "電話12345轉接",  # more digits: another number
        "電話1.5小時",
        "姓名1 位",
        "地址1樓",
        "〔地址1〕",  # not in the map
        "〔電話3〕",  # a number the map does not hold
        "〔姓名2〕",  # 2 is not 12
    ],
)
def test_no_false_restores_of_ordinary_text(ordinary):
    assert restore(ordinary, MAP).text == ordinary


def test_a_renamed_label_near_two_names_is_left_alone():
    """〔電話1〕 is inside two labels of the map: ambiguous, so nothing is restored; one is enough."""
    placeholder_map = {"〔申請人電話1〕": "0912-345-678", "〔代理人電話1〕": "0922-000-111"}
    assert restore("〔電話1〕", placeholder_map).text == "〔電話1〕"
    assert restore("〔電話1〕", {"〔申請人電話1〕": "0912-345-678"}).text == "0912-345-678"
    assert restore("〔號1〕", {"〔護照號碼1〕": "312345678"}).text == "〔號1〕"  # one character is too little


def test_restore_stays_linear_with_a_large_map_and_long_text():
    import time

    big_map = {f"〔姓名{i}〕": f"王{i}" for i in range(1, 5000)}
    text = "姓名1先生與〔名字2〕、[Phone 3]、電話1支。" * 4000
    started = time.perf_counter()
    restoration = restore(text, big_map)
    assert time.perf_counter() - started < 2.0
    assert restoration.text.startswith("王1先生與王2、[Phone 3]、電話1支。")
