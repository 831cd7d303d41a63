"""The two-digit codes of the first letter of Taiwanese ID and resident numbers (內政部 table)."""

# compact: the one normalisation of values (nlp.text), so validators, placeholders and the allow-list agree
# on what "the same number" is.
from nlp.text import compact

__all__ = ["LETTER_CODES", "compact", "letter_digits", "weighted_checksum_ok"]

LETTER_CODES: dict[str, int] = {
    "A": 10,
    "B": 11,
    "C": 12,
    "D": 13,
    "E": 14,
    "F": 15,
    "G": 16,
    "H": 17,
    "I": 34,
    "J": 18,
    "K": 19,
    "L": 20,
    "M": 21,
    "N": 22,
    "O": 35,
    "P": 23,
    "Q": 24,
    "R": 25,
    "S": 26,
    "T": 27,
    "U": 28,
    "V": 29,
    "W": 32,
    "X": 30,
    "Y": 31,
    "Z": 33,
}

_WEIGHTS = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)


def weighted_checksum_ok(digits: list[int]) -> bool:
    """The 內政部 checksum over the 11 digits (two of the letter, nine of the number)."""
    return len(digits) == 11 and sum(w * d for w, d in zip(_WEIGHTS, digits)) % 10 == 0


def letter_digits(letter: str) -> list[int]:
    code = LETTER_CODES[letter]
    return [code // 10, code % 10]
