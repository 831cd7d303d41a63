"""身分證統一編號 (Taiwanese national identification number).

Format: one letter (the household-registration area), then 1 (male) or 2 (female), then 7 digits and a check
digit. The letter is converted to its two-digit code (A=10 … H=17, I=34, J=18 … N=22, O=35, P=23 … V=29,
W=32, X=30, Y=31, Z=33); the 11 digits are weighted 1,9,8,7,6,5,4,3,2,1,1 and the sum must be divisible by
10. Source: 內政部戶政司 身分證統一編號編碼原則.

>>> is_valid("A123456789")
True
>>> is_valid("M162773050")
True
>>> is_valid("A123456788")
False
>>> is_valid("A323456789")
False
>>> is_valid("Ａ１２３４５６７８９")
True
"""

from __future__ import annotations

from nlp.ids._letters import LETTER_CODES, compact, letter_digits, weighted_checksum_ok

__all__ = ["compact", "is_valid"]


def is_valid(number: object) -> bool:
    """True when ``number`` is a national ID with a correct check digit. Never raises."""
    value = compact(number)
    if len(value) != 10 or value[0] not in LETTER_CODES or value[1] not in "12" or not value[1:].isascii():
        return False
    if not value[1:].isdigit():
        return False
    return weighted_checksum_ok(letter_digits(value[0]) + [int(c) for c in value[1:]])
