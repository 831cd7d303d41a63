"""The working copy: structure and widths normalised, every offset mapped back to the text as given."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text import ScanText, normalise_structure

SEPARATORS = ["\n", "\r", "\r\n", "\v", "\f", "\u2028", "\u2029", "\x85", "\r\x07", "\x07", "\t"]
PIECES = st.one_of(st.sampled_from(SEPARATORS), st.text(alphabet="密等機王小明０９１２-　 ab：:", max_size=6))
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def test_every_line_separator_becomes_a_newline() -> None:
    text = "密等：密\r主旨：甲\r\n說明\v乙\f丙\u2028丁\u2029戊\x85己"
    working, _ = normalise_structure(text)
    assert working == "密等：密\n主旨：甲\n說明\n乙\n丙\n丁\n戊\n己"


def test_word_cell_and_row_marks_become_cell_and_line_breaks() -> None:
    working, _ = normalise_structure("密等\r\x07機密\r\x07\r\x07速別\r\x07普通件\r\x07\r\x07")
    assert working == "密等\t機密\t\n速別\t普通件\t\n"


@settings(max_examples=400, derandomize=True)
@given(TEXTS)
def test_working_copy_has_only_newlines_and_tabs_and_maps_back(text: str) -> None:
    scan_text = ScanText(text)
    working = scan_text.folded
    assert not re.search("[\r\v\f\x85\u2028\u2029\x07]", working)
    assert len(working) <= len(text)
    for index, char in enumerate(working):
        start, end = scan_text.to_original(index, index + 1)
        assert end == start + 1
        original = text[start]
        assert char == original or char in "\n\t" or char in "-  " or ord(original) >= 0xFF01 or original in "\u3000"
        assert scan_text.to_working(start, end) == (index, index + 1)


@settings(max_examples=200, derandomize=True)
@given(TEXTS, st.sampled_from(["\r", "\r\n", "\v", "\n"]))
def test_a_span_maps_to_the_same_characters_whatever_the_line_endings(text: str, ending: str) -> None:
    text = "王小明" + text.replace("\n", ending) + "王小明"
    scan_text = ScanText(text)
    last = scan_text.folded.rfind("王小明")
    start, end = scan_text.to_original(last, last + 3)
    assert text[start:end] == "王小明" and end == len(text)
