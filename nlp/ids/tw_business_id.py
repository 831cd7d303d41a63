"""統一編號 (Taiwanese unified business number, UBN) — a company's number, not personal data.

Eight digits weighted 1,2,1,2,1,2,4,1; the digits of each product are added. Since 2023-04 (財政部) the
sum must be divisible by 5 (before: by 10, which every old number still satisfies). When the 7th digit is
7, its product 28 counts as either 10 (→1) or 0: the number is valid if either sum is divisible by 5.
python-stdnum 2.2 still applies the old mod-10 rule; this module follows the 2023 rule.

>>> is_valid("04595257")
True
>>> is_valid("10458575")
True
>>> is_valid("04595253")
False
>>> is_valid("1234567")
False
"""

from __future__ import annotations

from nlp.ids._letters import compact

__all__ = ["compact", "is_valid"]

_WEIGHTS = (1, 2, 1, 2, 1, 2, 4, 1)


def _digit_sum(value: int) -> int:
    return value // 10 + value % 10


def is_valid(number: object) -> bool:
    """True when ``number`` is an 8-digit 統一編號 satisfying the 2023 divisible-by-5 rule."""
    value = compact(number)
    if len(value) != 8 or not value.isascii() or not value.isdigit():
        return False
    products = [_digit_sum(int(d) * w) for d, w in zip(value, _WEIGHTS)]
    total = sum(products)
    if total % 5 == 0:
        return True
    # 7th digit 7: 7 × 4 = 28 → 2 + 8 = 10 → may count as 1 or as 0.
    if value[6] != "7":
        return False
    rest = total - products[6]
    return (rest + 1) % 5 == 0 or rest % 5 == 0
