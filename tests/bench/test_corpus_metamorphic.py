"""Metamorphic tests over the whole labelled corpus: rewrite every case the ways hosts and people do, and the
answer must not change.

Word and Outlook desktop end paragraphs with ``\\r`` (sometimes ``\\r\\n``), Word's manual line break is ``\\v``,
a form pasted from a Word table has a tab where the colon was, and people type digits and letters in either
width. For every case and every rewrite, the verdict and every finding (type, offsets mapped through the
rewrite, and the text at those offsets) must be what the case gets as written.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

import pytest

from bench.corpus import load_cases
from nlp.engine import Engine

ENGINE = Engine()
CASES = load_cases()
FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}
# A form line 「承辦人：王小明」 as a Word table row hands it over: 「承辦人\t王小明」.
FORM_LABEL = re.compile(r"^([^\n：:。，]{1,14})[：:]", re.MULTILINE)

# Each rewrite returns the new text and a map from an offset in the case to the offset in the new text.
Rewrite = Callable[[str], tuple[str, Callable[[int], int]]]


def _same_length(change: Callable[[str], str]) -> Rewrite:
    return lambda text: (change(text), lambda offset: offset)


def _crlf(text: str) -> tuple[str, Callable[[int], int]]:
    newlines = [m.start() for m in re.finditer("\n", text)]
    return text.replace("\n", "\r\n"), lambda offset: offset + bisect.bisect_left(newlines, offset)


REWRITES: dict[str, Rewrite] = {
    "cr": _same_length(lambda t: t.replace("\n", "\r")),
    "crlf": _crlf,
    "vertical-tab": _same_length(lambda t: t.replace("\n", "\v")),
    "paragraph-separator": _same_length(lambda t: t.replace("\n", "\u2029")),
    "table-cells": _same_length(lambda t: FORM_LABEL.sub(lambda m: m.group(1) + "\t", t)),
    "full-width": _same_length(lambda t: "".join(FULL_WIDTH.get(c, c) for c in t)),
    "half-width": _same_length(lambda t: "".join(chr(ord(c) - 0xFEE0) if 0xFF10 <= ord(c) <= 0xFF5A else c for c in t)),
}


def _answer(text: str, where: Callable[[int], int]) -> tuple[str, set[tuple[str, int, int]]]:
    result = ENGINE.scan(text)
    return result.verdict, {(f.type, where(f.start), where(f.end)) for f in result.findings}


@pytest.fixture(scope="module")
def as_written() -> dict[str, tuple[str, set[tuple[str, int, int]]]]:
    return {case.id: _answer(case.text, lambda offset: offset) for case in CASES}


@pytest.mark.parametrize("rewrite", sorted(REWRITES))
def test_the_answer_does_not_depend_on_how_the_text_arrived(rewrite: str, as_written) -> None:
    changed = []
    for case in CASES:
        text, where = REWRITES[rewrite](case.text)
        verdict, findings = as_written[case.id]
        result = ENGINE.scan(text)
        for finding in result.findings:
            assert text[finding.start:finding.end] == finding.text
        mapped = {(f.type, f.start, f.end) for f in result.findings}
        expected = {(kind, where(start), where(end)) for kind, start, end in findings}
        if result.verdict != verdict or mapped != expected:
            changed.append(
                f"{case.id}: {verdict}→{result.verdict} lost {sorted((k, text[s:e]) for k, s, e in expected - mapped)}"
                f" gained {sorted((k, text[s:e]) for k, s, e in mapped - expected)}"
            )
    assert not changed, "\n".join(changed)
