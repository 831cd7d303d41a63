"""Shared checks for the recognizer tables: spans as substrings, offsets into the original text."""

from __future__ import annotations

import pytest

from nlp.text import ScanText

# Characters outside the BMP (two UTF-16 code units each, one code point): offsets must not drift.
# A line of its own, so that line-anchored contexts (signatures, banners, stamps) are unchanged.
NON_BMP_PREFIX = "🙂𠀋\n"


def run(recognizer, text):
    """Findings of ``recognizer`` on ``text``; each one must slice the original text exactly."""
    findings = list(recognizer.find(ScanText(text)))
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text, finding
        assert finding.type == recognizer.type
        assert finding.basis is not None and finding.basis.article.startswith("第肆章")
    return sorted(findings, key=lambda f: (f.start, f.end))


def expected_offsets(text, substrings):
    """(start, end) of each expected substring, searched left to right; a (start, end) pair is taken as is."""
    offsets, cursor = [], 0
    for sub in substrings:
        if isinstance(sub, tuple):
            offsets.append(sub)
            cursor = sub[1]
            continue
        start = text.index(sub, cursor)
        offsets.append((start, start + len(sub)))
        cursor = start + len(sub)
    return offsets


@pytest.fixture
def check_spans():
    def _check(recognizer, text, substrings):
        findings = run(recognizer, text)
        assert [(f.start, f.end) for f in findings] == expected_offsets(text, substrings), [
            f.text for f in findings
        ]
        # The same text after emoji and a supplementary-plane ideograph: offsets shift by code points.
        shifted = run(recognizer, NON_BMP_PREFIX + text)
        assert [(f.start - len(NON_BMP_PREFIX), f.end - len(NON_BMP_PREFIX)) for f in shifted] == [
            (f.start, f.end) for f in findings
        ]
        return findings

    return _check


@pytest.fixture
def check_none():
    def _check(recognizer, text):
        findings = run(recognizer, text)
        assert findings == [], [f.text for f in findings]

    return _check
