"""身分證統一編號 checksum (nlp.ids.tw_national_id) against an independent reference implementation.

The reference below is written from the 內政部 rule (letter code, weights
1,9,8,7,6,5,4,3,2,1,1, sum % 10 == 0) and shares no code with nlp/. Every vector in the
tables is checked against it first, so a wrong vector fails loudly instead of silently
agreeing with a wrong engine.
"""

from __future__ import annotations

import pytest

from nlp.ids import tw_national_id

# A=10 … H=17, I=34, J=18 … N=22, O=35, P=23 … V=29, W=32, X=30, Y=31, Z=33 (TECH-NOTES)
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


def reference_is_valid(value: str) -> bool:
    if len(value) != 10 or value[0] not in REF_CODES or value[1] not in "12":
        return False
    if not all(c in "0123456789" for c in value[1:]):
        return False
    code = REF_CODES[value[0]]
    digits = [code // 10, code % 10] + [int(c) for c in value[1:]]
    return sum(w * d for w, d in zip((1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1), digits)) % 10 == 0


# One valid number per area letter (26), plus the well-known ones; computed with reference_is_valid.
VALID = [
    "A123456789",
    "M162773050",  # M162773050: check digit 0, which some published validators reject
    "A226018158",
    "B183016613",
    "C118609136",
    "D199603080",
    "E146281944",
    "F119935183",
    "G190937864",
    "H279754322",
    "I119487572",
    "J291186258",
    "K176018954",
    "L259797118",
    "M271049747",
    "N250752919",
    "O203423663",
    "P212768423",
    "Q284656320",
    "R122330799",
    "S144026857",
    "T228907869",
    "U266176038",
    "V137215909",
    "W109281593",
    "X113962456",
    "Y271177772",
    "Z212154722",
]
# The same numbers with the check digit changed (+1 mod 10): every one must fail.
BAD_CHECKSUM = [v[:-1] + str((int(v[-1]) + 1) % 10) for v in VALID] + ["A123456788", "M162773051"]
BAD_FORMAT = [
    "A323456789",  # second digit must be 1 or 2
    "A023456789",
    "A12345678",  # 9 characters
    "A1234567890",  # 11 characters
    "1123456789",  # no letter
    "AA23456789",  # resident-certificate shape, not a national ID
    "A800000014",  # a valid 2021 resident-certificate number: second digit 8
    "A12345678X",
    "@123456789",
    "A１２３４５６７８",  # full-width, but one digit short
    "A123456789A",
    "Ａ123456789Ａ",
]
FORMATTED_VALID = [
    "a123456789",  # lower case
    "Ａ１２３４５６７８９",  # full-width
    "ａ１２３４５６７８９",
    "A123 456 789",  # spaced
    "A-123-456-789",  # hyphenated
    "A１２３－４５６－７８９",  # full-width hyphen
    " M162773050 ",
    "M162\u3000773\u3000050",  # ideographic spaces
]
JUNK = [
    None,
    "",
    "€",
    123,
    1234567890,
    12.5,
    b"A123456789",
    bytearray(b"A123456789"),
    ["A123456789"],
    {"id": "A123456789"},
    object(),
    "A" * 10_000,
    "A123456789" * 1000,
    "１" * 5000,
    "ＡＢＣＤＥＦＧＨＩＪ",
    "\x00" * 10,
    "A12345678\u0669",
    "A١٢٣٤٥٦٧٨٩",
    "A12345678９\u200b",
    "🙂123456789",
    "𠀋123456789",
    "　" * 10,
]


@pytest.mark.parametrize("value", VALID)
def test_vector_table_is_right_by_the_reference(value):
    assert reference_is_valid(value)


@pytest.mark.parametrize("value", BAD_CHECKSUM)
def test_bad_checksum_vectors_fail_the_reference(value):
    assert not reference_is_valid(value)


@pytest.mark.parametrize("value", VALID)
def test_valid(value):
    assert tw_national_id.is_valid(value) is True


@pytest.mark.parametrize("value", BAD_CHECKSUM)
def test_bad_checksum(value):
    assert tw_national_id.is_valid(value) is False


@pytest.mark.parametrize("value", BAD_FORMAT)
def test_bad_format(value):
    assert tw_national_id.is_valid(value) is False


@pytest.mark.parametrize("value", FORMATTED_VALID)
def test_full_width_spaced_hyphenated_and_lower_case(value):
    assert tw_national_id.is_valid(value) is True


def test_compact_folds_full_width_and_drops_separators():
    assert tw_national_id.compact("ａ１２３－４５６ ７８９") == "A123456789"


@pytest.mark.parametrize("value", JUNK)
def test_junk_is_false_and_never_raises(value):
    assert tw_national_id.is_valid(value) is False


def test_agrees_with_reference_on_every_check_digit():
    """Exhaustive over the check digit for every letter and sex: exactly one digit is valid each time."""
    for letter in REF_CODES:
        for sex in "12":
            body = f"{letter}{sex}2345678"
            valid = [d for d in "0123456789" if tw_national_id.is_valid(body + d)]
            assert valid == [d for d in "0123456789" if reference_is_valid(body + d)]
            assert len(valid) == 1
