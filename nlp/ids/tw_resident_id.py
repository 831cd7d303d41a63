"""居留證統一證號 / 外來人口統一證號 (resident certificate number, UI number).

Two formats, both valid until 2030-12-31 for the old one:

* old (before 2021): letter + A–D (sex/category) + 8 digits. The first letter gives its two-digit code;
  the second letter contributes only the units digit of its own code (A=10 → 0, B=11 → 1, C → 2, D → 3).
* 2021 format: letter + 8 or 9 + 7 digits + check digit, same algorithm as the national ID.

The 11 digits are weighted 1,9,8,7,6,5,4,3,2,1,1 and the sum is divisible by 10 (內政部移民署).

>>> is_valid("AA00000009")
True
>>> is_valid("A800000014")
True
>>> is_valid("A800000015")
False
>>> is_valid("AE00000009")
False
>>> is_valid("A123456789")
False
"""

from __future__ import annotations

from nlp.ids._letters import LETTER_CODES, compact, letter_digits, weighted_checksum_ok

__all__ = ["compact", "is_valid", "is_old_format", "is_new_format"]


def is_old_format(number: object) -> bool:
    value = compact(number)
    return (
        len(value) == 10
        and value[0] in LETTER_CODES
        and value[1] in "ABCD"
        and value[2:].isascii()
        and value[2:].isdigit()
    )


def is_new_format(number: object) -> bool:
    value = compact(number)
    return (
        len(value) == 10
        and value[0] in LETTER_CODES
        and value[1] in "89"
        and value[1:].isascii()
        and value[1:].isdigit()
    )


def is_valid(number: object) -> bool:
    """True for a resident certificate number of either format with a correct check digit."""
    value = compact(number)
    if is_old_format(value):
        second = LETTER_CODES[value[1]] % 10
        return weighted_checksum_ok(letter_digits(value[0]) + [second] + [int(c) for c in value[2:]])
    if is_new_format(value):
        return weighted_checksum_ok(letter_digits(value[0]) + [int(c) for c in value[1:]])
    return False
