"""Generate identifiers with correct (and deliberately wrong) check digits for the corpus.

Written from the published algorithms, independently of ``nlp/ids``, so the corpus checks the engine
rather than mirroring it.  Run ``python tests/corpus/make_ids.py`` to print a fresh pool (fixed seed).

National ID (身分證統一編號): letter + [12] + 8 digits. The letter maps to a two-digit code
(A=10 … H=17, I=34, J=18 … N=22, O=35, P=23 … V=29, W=32, X=30, Y=31, Z=33); weights
1,9 over the code and 8,7,6,5,4,3,2,1,1 over the nine digits; the sum is divisible by 10.
Resident certificate (居留證/統一證號): old format letter + [A-D] + 8 digits (the second letter
contributes the units digit of its code); 2021 format letter + [89] + 8 digits, same sum.
統一編號 (company): weights 1,2,1,2,1,2,4,1, digits of each product added, the sum divisible by 5
(since 2023-04); when the 7th digit is 7 the sum plus one may be divisible by 5 instead.
Credit card: Luhn.

>>> is_national_id("A123456789")
True
>>> is_national_id("M162773050")
True
>>> is_business_id("04595257")
True
"""

from __future__ import annotations

import random

LETTER_CODES = {
    "A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "I": 34, "J": 18,
    "K": 19, "L": 20, "M": 21, "N": 22, "O": 35, "P": 23, "Q": 24, "R": 25, "S": 26, "T": 27,
    "U": 28, "V": 29, "W": 32, "X": 30, "Y": 31, "Z": 33,
}
WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 1, 1)


def _id_sum(letter: str, nine: str) -> int:
    code = LETTER_CODES[letter]
    return code // 10 + (code % 10) * 9 + sum(int(d) * w for d, w in zip(nine, WEIGHTS))


def _second_digit(ch: str) -> str:
    return str(LETTER_CODES[ch] % 10) if ch.isalpha() else ch


def is_national_id(value: str) -> bool:
    """True for letter + [12] + 8 digits with a correct check digit."""
    if len(value) != 10 or value[0] not in LETTER_CODES or value[1] not in "12" or not value[1:].isdigit():
        return False
    return _id_sum(value[0], value[1:]) % 10 == 0


def is_resident_id(value: str) -> bool:
    """True for old (letter+A-D) or 2021 (letter+8|9) resident numbers with a correct check digit."""
    if len(value) != 10 or value[0] not in LETTER_CODES or not value[2:].isdigit():
        return False
    if value[1] not in "ABCD89":
        return False
    return _id_sum(value[0], _second_digit(value[1]) + value[2:]) % 10 == 0


def with_check(prefix9: str) -> str:
    """Complete letter + 8 characters with the check digit (national or resident formats)."""
    letter, rest = prefix9[0], _second_digit(prefix9[1]) + prefix9[2:]
    partial = _id_sum(letter, rest + "0")
    return prefix9 + str((10 - partial % 10) % 10)


def _digit_sum(n: int) -> int:
    return sum(int(d) for d in str(n))


def is_business_id(value: str) -> bool:
    """2023 rule: weighted digit sum divisible by 5 (digit-7 special case)."""
    if len(value) != 8 or not value.isdigit():
        return False
    total = sum(_digit_sum(int(d) * w) for d, w in zip(value, (1, 2, 1, 2, 1, 2, 4, 1)))
    return total % 5 == 0 or (value[6] == "7" and (total + 1) % 5 == 0)


def luhn_ok(number: str) -> bool:
    """Luhn check over the digits of number."""
    digits = [int(d) for d in number if d.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def luhn_complete(prefix: str) -> str:
    """Append the Luhn check digit."""
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise AssertionError(prefix)


def main() -> None:
    rng = random.Random(20261120)
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    print("national IDs:")
    for _ in range(40):
        p = rng.choice(letters) + rng.choice("12") + "".join(rng.choice("0123456789") for _ in range(7))
        v = with_check(p)
        assert is_national_id(v)
        bad = v[:-1] + str((int(v[-1]) + 3) % 10)
        print(" ", v, "bad:", bad, is_national_id(bad))
    print("resident old:")
    for _ in range(8):
        p = rng.choice(letters) + rng.choice("ABCD") + "".join(rng.choice("0123456789") for _ in range(7))
        print(" ", with_check(p))
    print("resident 2021:")
    for _ in range(8):
        p = rng.choice(letters) + rng.choice("89") + "".join(rng.choice("0123456789") for _ in range(7))
        v = with_check(p)
        assert is_resident_id(v)
        print(" ", v, "bad:", v[:-1] + str((int(v[-1]) + 1) % 10))
    print("business IDs:")
    n = 0
    while n < 12:
        v = "".join(rng.choice("0123456789") for _ in range(8))
        if is_business_id(v):
            n += 1
            print(" ", v, "(old mod10 ok)" if sum(_digit_sum(int(d) * w) for d, w in
                                                 zip(v, (1, 2, 1, 2, 1, 2, 4, 1))) % 10 == 0 else "")
    print("credit cards:")
    for prefix in ("4", "4", "5", "5", "3528", "3560", "4", "5"):
        body = prefix + "".join(rng.choice("0123456789") for _ in range(15 - len(prefix)))
        v = luhn_complete(body)
        print(" ", v, "bad:", v[:-1] + str((int(v[-1]) + 1) % 10))


if __name__ == "__main__":
    main()
