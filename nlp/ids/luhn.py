"""Luhn (mod 10) check used by payment card numbers (ISO/IEC 7812).

>>> is_valid("4111 1111 1111 1111")
True
>>> is_valid("4111-1111-1111-1112")
False
>>> is_valid("")
False
"""

from __future__ import annotations

from nlp.ids._letters import compact

__all__ = ["compact", "is_valid", "is_payment_card"]


def is_valid(number: object) -> bool:
    value = compact(number)
    if not value or not value.isascii() or not value.isdigit():
        return False
    total = 0
    for index, char in enumerate(reversed(value)):
        digit = int(char)
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


# Issuer prefixes of card schemes used in Taiwan: Visa, Mastercard (51–55, 2221–2720), JCB (3528–3589),
# American Express (34, 37), UnionPay (62), Diners (36, 38, 300–305), Discover (6011, 65).
def is_payment_card(number: object) -> bool:
    """Luhn-valid, 13–19 digits, and an issuer prefix of a real card scheme."""
    value = compact(number)
    if not 13 <= len(value) <= 19 or not is_valid(value):
        return False
    two, four = int(value[:2]), int(value[:4])
    return (
        value[0] == "4"
        or 51 <= two <= 55
        or 2221 <= four <= 2720
        or 3528 <= four <= 3589
        or two in (34, 37, 36, 38, 62, 65)
        or 300 <= int(value[:3]) <= 305
        or four == 6011
    )
