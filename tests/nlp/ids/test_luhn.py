"""Luhn check and payment-card prefixes (nlp.ids.luhn) against an independent reference (ISO/IEC 7812)."""

from __future__ import annotations

import pytest

from nlp.ids import luhn


def reference_luhn(value: str) -> bool:
    if not value or not set(value) <= set("0123456789"):
        return False
    total = 0
    for position, char in enumerate(value[::-1]):
        digit = int(char) * (2 if position % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


# Issuers' published test card numbers:
# Visa, Mastercard incl. 2-series, Amex, Discover, JCB, Diners, UnionPay.
VALID_CARDS = [
    "4111111111111111",
    "4012888888881881",
    "4222222222222",
    "4000056655665556",
    "4242424242424242",
    "5555555555554444",
    "5105105105105100",
    "5200828282828210",
    "2223003122003222",
    "2221000000000009",
    "378282246310005",
    "371449635398431",
    "340000000000009",
    "6011111111111117",
    "6011000990139424",
    "3530111333300000",
    "3566002020360505",
    "30569309025904",
    "38520000023237",
    "36227206271667",
    "6200000000000005",
    "6250941006528599",
]
VALID_LUHN_NOT_CARDS = ["79927398713", "0", "00", "18", "1234567812345670", "9999999999999995"]
BAD_CHECKSUM = [v[:-1] + str((int(v[-1]) + 1) % 10) for v in VALID_CARDS] + [
    "79927398710",
    "1234567812345678",
]
BAD_FORMAT = [
    "4111-1111-1111-111X",
    "4111 1111 1111 111a",
    "abcd",
    "4111.1111.1111.1111",
    "4111_1111_1111_1111",
]
FORMATTED_VALID = [
    "4111 1111 1111 1111",
    "4111-1111-1111-1111",
    "４１１１１１１１１１１１１１１１",
    "４１１１－１１１１－１１１１－１１１１",
    "3782 822463 10005",
    "4111\u30001111\u30001111\u30001111",
]
JUNK = [
    None,
    "",
    "€",
    4111111111111111,
    0,
    1.5,
    b"4111111111111111",
    bytearray(b"4111111111111111"),
    ["4111111111111111"],
    object(),
    "4" * 10_000 + "x",
    "٤١١١١١١١١١١١١١١١",
    "🙂4111111111111111",
    "𠀋4111111111111111",
    "　" * 16,
    "\x00" * 16,
    "４１１１ＡＢＣＤ",
]


@pytest.mark.parametrize("value", VALID_CARDS + VALID_LUHN_NOT_CARDS)
def test_vector_table_is_right_by_the_reference(value):
    assert reference_luhn(value)


@pytest.mark.parametrize("value", BAD_CHECKSUM)
def test_bad_checksum_vectors_fail_the_reference(value):
    assert not reference_luhn(value)


@pytest.mark.parametrize("value", VALID_CARDS + VALID_LUHN_NOT_CARDS)
def test_valid(value):
    assert luhn.is_valid(value) is True


@pytest.mark.parametrize("value", VALID_CARDS)
def test_valid_payment_cards(value):
    assert luhn.is_payment_card(value) is True


@pytest.mark.parametrize("value", VALID_LUHN_NOT_CARDS)
def test_luhn_valid_but_not_a_card(value):
    """Too short, or no real issuer prefix (9…, 1…): not a payment card."""
    assert luhn.is_payment_card(value) is False


@pytest.mark.parametrize("value", BAD_CHECKSUM)
def test_bad_checksum(value):
    assert luhn.is_valid(value) is False
    assert luhn.is_payment_card(value) is False


@pytest.mark.parametrize("value", BAD_FORMAT)
def test_bad_format(value):
    assert luhn.is_valid(value) is False
    assert luhn.is_payment_card(value) is False


@pytest.mark.parametrize("value", FORMATTED_VALID)
def test_full_width_spaced_and_hyphenated(value):
    assert luhn.is_valid(value) is True
    assert luhn.is_payment_card(value) is True


@pytest.mark.parametrize("value", JUNK)
def test_junk_is_false_and_never_raises(value):
    assert luhn.is_valid(value) is False
    assert luhn.is_payment_card(value) is False


def test_agrees_with_reference_on_a_sweep():
    for number in range(4_000_000_000_000_000, 4_000_000_000_000_000 + 3_000, 7):
        value = str(number)
        assert luhn.is_valid(value) == reference_luhn(value)
