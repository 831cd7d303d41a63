"""統一編號 checksum (nlp.ids.tw_business_id) under the 財政部 2023-04 rule, against an independent reference.

Weights 1,2,1,2,1,2,4,1; the digits of each product are added; the sum must be divisible by 5 (it used to
be 10: every old number still passes). When the 7th digit is 7 its product 28 → 10 may count as 1 or 0, so
the number is also valid when the sum with 1 instead of 10 is divisible by 5.
"""

from __future__ import annotations

import pytest

from nlp.ids import tw_business_id


def reference_is_valid(value: str) -> bool:
    if len(value) != 8 or not set(value) <= set("0123456789"):
        return False
    products = [int(d) * w for d, w in zip(value, (1, 2, 1, 2, 1, 2, 4, 1))]
    total = sum(p // 10 + p % 10 for p in products)
    if total % 5 == 0:
        return True
    return value[6] == "7" and (total - 10 + 1) % 5 == 0


def old_mod10_rule(value: str) -> bool:
    """python-stdnum 2.2 rule (before 2023-04): used to prove the mod-5 vectors are new-rule only."""
    products = [int(d) * w for d, w in zip(value, (1, 2, 1, 2, 1, 2, 4, 1))]
    total = sum(p // 10 + p % 10 for p in products)
    return total % 10 == 0 or (value[6] == "7" and (total - 9) % 10 == 0)


# Real companies' numbers and python-stdnum's example; all satisfy the old rule too.
VALID_OLD_RULE = [
    "04595257",  # python-stdnum example
    "22099131",  # 台灣積體電路製造股份有限公司
    "04541302",  # 鴻海精密工業股份有限公司
    "96979933",  # 中華電信股份有限公司
    "10458575",  # 7th digit 7
    "81741433",
    "05561304",
    "79247082",
    "25815354",
    "45443732",
    "19953055",
    "82812646",
    "34207509",
]
# Divisible by 5 but not by 10: valid only under the 2023 rule (python-stdnum 2.2 rejects these).
VALID_2023_RULE_ONLY = [
    "67232686",
    "83873716",
    "78684335",
    "14126906",
    "04431982",
    "93066683",
    "67640206",
    "73587355",
]
# 7th digit 7, valid only because 28 → 10 may count as 1.
VALID_SEVENTH_DIGIT_7 = ["10458574", "19161476", "99102377", "97778178", "14217774", "80234578", "66277370"]
VALID = VALID_OLD_RULE + VALID_2023_RULE_ONLY + VALID_SEVENTH_DIGIT_7
BAD_CHECKSUM = [
    "04595253",
    "22099132",
    "04541303",
    "96979934",
    "56355150",
    "58770658",
    "94811311",
    "44024264",
    "62889751",
    "40261401",
    "41931417",
    "05864920",
    "78778973",
    "28792177",
    "42180976",
    "57938374",  # 7th digit 7, neither reading divisible by 5
]
BAD_FORMAT = ["1234567", "123456789", "0459525", "045952570", "A4595257", "0459525A", "04595 25", "-"]
FORMATTED_VALID = [
    "０４５９５２５７",
    "0459 5257",
    "0459-5257",
    "０４５９－５２５７",
    " 22099131 ",
    "2209\u30009131",
]
JUNK = [
    None,
    "",
    "€",
    4595257,
    22099131,
    2.2,
    b"22099131",
    bytearray(b"22099131"),
    ["22099131"],
    object(),
    "1" * 10_000,
    "22099131" * 1000,
    "１" * 5000,
    "ＡＢＣＤＥＦＧＨ",
    "\x00" * 8,
    "٢٢٠٩٩١٣١",
    "🙂2099131",
    "𠀋2099131",
    "　" * 8,
    "2209913１\u200b",
]


@pytest.mark.parametrize("value", VALID)
def test_vector_table_is_right_by_the_reference(value):
    assert reference_is_valid(value)


@pytest.mark.parametrize("value", VALID_2023_RULE_ONLY)
def test_new_rule_vectors_really_fail_the_old_rule(value):
    assert not old_mod10_rule(value)


@pytest.mark.parametrize("value", VALID_SEVENTH_DIGIT_7)
def test_seventh_digit_vectors_need_the_special_case(value):
    products = [int(d) * w for d, w in zip(value, (1, 2, 1, 2, 1, 2, 4, 1))]
    assert value[6] == "7" and sum(p // 10 + p % 10 for p in products) % 5 != 0


@pytest.mark.parametrize("value", BAD_CHECKSUM)
def test_bad_checksum_vectors_fail_the_reference(value):
    assert not reference_is_valid(value)


@pytest.mark.parametrize("value", VALID_OLD_RULE)
def test_valid_old_rule(value):
    assert tw_business_id.is_valid(value) is True


@pytest.mark.parametrize("value", VALID_2023_RULE_ONLY)
def test_valid_under_the_2023_divisible_by_5_rule(value):
    assert tw_business_id.is_valid(value) is True


@pytest.mark.parametrize("value", VALID_SEVENTH_DIGIT_7)
def test_valid_seventh_digit_7_special_case(value):
    assert tw_business_id.is_valid(value) is True


@pytest.mark.parametrize("value", BAD_CHECKSUM)
def test_bad_checksum(value):
    assert tw_business_id.is_valid(value) is False


@pytest.mark.parametrize("value", BAD_FORMAT)
def test_bad_format(value):
    assert tw_business_id.is_valid(value) is False


@pytest.mark.parametrize("value", FORMATTED_VALID)
def test_full_width_spaced_and_hyphenated(value):
    assert tw_business_id.is_valid(value) is True


@pytest.mark.parametrize("value", JUNK)
def test_junk_is_false_and_never_raises(value):
    assert tw_business_id.is_valid(value) is False


def test_agrees_with_reference_on_a_sweep():
    """Every check digit of a spread of prefixes, 7th digit 7 included: same answer as the reference."""
    for prefix in range(0, 10_000_000, 99_991):
        body = f"{prefix:07d}"
        for check in "0123456789":
            assert tw_business_id.is_valid(body + check) == reference_is_valid(body + check), body + check
