"""居留證統一證號 checksum (nlp.ids.tw_resident_id): old (letter + A–D) and 2021 (letter + 8|9) formats.

The reference implementation below is written from the 內政部移民署 rule, independently of nlp/: the
first letter gives its two-digit code, an old-format second letter only the units digit of its own code,
weights 1,9,8,7,6,5,4,3,2,1,1, sum % 10 == 0. Every table vector is checked against it first.
"""

from __future__ import annotations

import pytest

from nlp.ids import tw_resident_id

REF_CODES = {
    **{c: 10 + i for i, c in enumerate("ABCDEFGH")},
    "I": 34,
    **{c: 18 + i for i, c in enumerate("JKLMN")},
    "O": 35,
    **{c: 23 + i for i, c in enumerate("PQRSTUV")},
    "W": 32,
    "X": 30,
    "Y": 31,
    "Z": 33,
}
ASCII_DIGITS = set("0123456789")


def reference_is_valid(value: str) -> bool:
    if len(value) != 10 or value[0] not in REF_CODES:
        return False
    code = REF_CODES[value[0]]
    if value[1] in "ABCD" and set(value[2:]) <= ASCII_DIGITS:
        digits = [code // 10, code % 10, REF_CODES[value[1]] % 10] + [int(c) for c in value[2:]]
    elif value[1] in "89" and set(value[1:]) <= ASCII_DIGITS:
        digits = [code // 10, code % 10] + [int(c) for c in value[1:]]
    else:
        return False
    return sum(w * d for w, d in zip((1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1), digits)) % 10 == 0


VALID_OLD = [
    "AA00000009",
    "FA12345689",
    "AC01234567",
    "QA03852802",
    "YA84148521",
    "LA38885397",
    "ZB33633879",
    "LB00474395",
    "LB75513138",
    "PC35379906",
    "PC51163720",
    "NC51676123",
    "FD20297296",
    "TD75288202",
    "AD18263301",
]
VALID_2021 = [
    "A800000014",
    "I834839549",
    "R862057988",
    "N882828800",
    "O829022275",
    "T818058888",
    "P818033403",
    "Y918780175",
    "K998983474",
    "Q987838480",
    "G972616751",
    "C936134129",
    "W952427314",
]
VALID = VALID_OLD + VALID_2021
BAD_CHECKSUM = [v[:-1] + str((int(v[-1]) + 1) % 10) for v in VALID] + [
    "AA23456786",  # published in some validators' tables, fails the official checksum (TECH-NOTES)
    "A800000015",
]
BAD_FORMAT = [
    "A200501503",  # published as a resident number somewhere; second digit 2 is a national-ID shape
    "A123456789",  # a valid national ID is not a resident-certificate number
    "M162773050",
    "AE00000009",  # second letter must be A–D
    "AZ00000009",
    "A700000014",  # 2021 format needs 8 or 9
    "A80000001",  # 9 characters
    "A8000000144",
    "1A00000009",
    "AA0000000X",
    "A8０００００１４５",  # one full-width digit too many
]
FORMATTED_VALID = [
    "aa00000009",
    "a800000014",
    "Ａ８００００００１４",
    "ＡＡ０００００００９",
    "A 800 000 014",
    "A-800-000-014",
    "AA 0000 0009",
    "FA-1234-5689",
    "ａｃ０１２３４５６７",
]
JUNK = [
    None,
    "",
    "€",
    123,
    800000014,
    1.0,
    b"AA00000009",
    bytearray(b"A800000014"),
    ["AA00000009"],
    object(),
    "A" * 10_000,
    "A800000014" * 500,
    "８" * 4000,
    "ＡＡ",
    "\x00" * 10,
    "A٨٠٠٠٠٠٠١٤",
    "🙂800000014",
    "𠀋A00000009",
    "　" * 10,
    "AA0000000９\u200b",
]


@pytest.mark.parametrize("value", VALID)
def test_vector_table_is_right_by_the_reference(value):
    assert reference_is_valid(value)


@pytest.mark.parametrize("value", BAD_CHECKSUM)
def test_bad_checksum_vectors_fail_the_reference(value):
    assert not reference_is_valid(value)


@pytest.mark.parametrize("value", VALID_OLD)
def test_valid_old_format(value):
    assert tw_resident_id.is_valid(value) is True
    assert tw_resident_id.is_old_format(value) and not tw_resident_id.is_new_format(value)


@pytest.mark.parametrize("value", VALID_2021)
def test_valid_2021_format(value):
    assert tw_resident_id.is_valid(value) is True
    assert tw_resident_id.is_new_format(value) and not tw_resident_id.is_old_format(value)


@pytest.mark.parametrize("value", BAD_CHECKSUM)
def test_bad_checksum(value):
    assert tw_resident_id.is_valid(value) is False


@pytest.mark.parametrize("value", BAD_FORMAT)
def test_bad_format(value):
    assert tw_resident_id.is_valid(value) is False


@pytest.mark.parametrize("value", FORMATTED_VALID)
def test_full_width_spaced_hyphenated_and_lower_case(value):
    assert tw_resident_id.is_valid(value) is True


@pytest.mark.parametrize("value", JUNK)
def test_junk_is_false_and_never_raises(value):
    assert tw_resident_id.is_valid(value) is False
    assert tw_resident_id.is_old_format(value) is False
    assert tw_resident_id.is_new_format(value) is False


@pytest.mark.parametrize("second", ["A", "B", "C", "D", "8", "9"])
def test_agrees_with_reference_on_every_check_digit(second):
    for letter in REF_CODES:
        body = f"{letter}{second}1357924"
        valid = [d for d in "0123456789" if tw_resident_id.is_valid(body + d)]
        assert valid == [d for d in "0123456789" if reference_is_valid(body + d)]
        assert len(valid) == 1
