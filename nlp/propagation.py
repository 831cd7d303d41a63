"""Document-level propagation: a value found once is a finding wherever else it occurs.

A name found after 承辦人 or 陳情人 is usually written again later without its label (「王小明希望儘速修復」),
and a phone number found in the header is repeated in the body. The recognizers need the label to find it
the first time; a redacted copy that keeps the repeats leaks exactly what the scan found. So every value
found in a document (in any of its segments: body, headers, footers, subject) becomes a finding at every
other occurrence, with its own offsets and the evidence ``repeat-of-finding``.

Occurrences are compared under the one normalisation of values (:func:`nlp.text.compact`): widths and
dashes folded, spaces and hyphens dropped, so ``0912—345—678`` repeats ``0912-345-678`` and ``林　芳``
repeats ``林芳``. Letters compare case-insensitively, except in names (``Mark Lee`` is not ``mark lee``).
A value that starts or ends with a letter or digit must not continue into one (``0912345678`` inside
``09123456789`` is not a repeat).

Precision: a two-character Chinese name inside a place or institution name (林森 in 林森路, 高雄 in
高雄市) is clearly not the person and is skipped; anywhere else the repeat is redacted, since leaving a
found name in the copy for the AI is worse than one redaction too many.

Cost: one Aho–Corasick pass (ahocorasick-rs) over the text whatever the number of values (see :func:`_occurrences`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import accumulate

import ahocorasick_rs

from nlp.finding import MARKING_TYPES, PERSON, Finding
from nlp.text import _VALUE_SEPARATORS as _SEPARATOR_RUNS
from nlp.text import ScanText, fold

REPEAT_EVIDENCE = "repeat-of-finding"
_FIND_BUDGET = 50_000  # values × characters under which plain substring search beats building an automaton
_KEPT_SEPARATOR_RUNS = re.compile(f"({_SEPARATOR_RUNS.pattern})")
_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]+")
# What follows a two-character name when it is part of a place or an institution instead: a road, an
# administrative area, a station… (not followed by 長 or 議: 林芳里長 and 王強市議員 are people).
_PLACE_SUFFIX = re.compile(
    r"[路街巷弄段區里鄰鄉鎮市縣村橋站港湖溪樓館堂](?![長議民代])|國小|國中|高中|大學|醫院|診所|公司|紀念|公園|新村"
)


def _values(finding: Finding) -> Iterator[Finding]:
    """The values a finding stands for: itself, and for the council form (王議員志強) the plain name 王志強,
    which the minutes also write (「王志強王議員」, 「王志強發言」). For names only."""
    yield finding
    title = next((e.split(":", 1)[1] for e in finding.evidence if e.startswith("council:")), "")
    if title and title in finding.text:
        plain = finding.text.replace(title, "", 1)
        if len(plain) >= 2:
            yield replace(finding, text=plain)


def propagate(scan_text: ScanText, findings: Sequence[Finding], seeds: Iterable[Finding] = ()) -> list[Finding]:
    """``findings`` and a finding at every other occurrence in ``scan_text`` of a value found in ``findings``
    or in ``seeds`` (findings of the document's other segments). Sorted by start, as the engine keeps them.
    """
    sources: dict[tuple[bool, str], Finding] = {}
    keys: dict[tuple[bool, str], tuple[bool, str]] = {}  # (is a name, value as written) → search key: values repeat
    for finding in (*findings, *seeds):
        if finding.type in MARKING_TYPES:
            continue
        for value in _values(finding) if finding.type == PERSON else (finding,):
            written = (value.type == PERSON, value.text)
            search_key = keys.get(written) or keys.setdefault(written, _search_key(value))
            if len(search_key[1]) >= 2:
                sources.setdefault(search_key, value)
    if not sources:
        return list(findings)
    text = _CompactText(scan_text.folded)
    taken = sorted((f.start, f.end) for f in findings if f.type not in MARKING_TYPES)
    starts = [start for start, _ in taken]
    repeats: list[Finding] = []
    occurrences = _occurrences(text, list(sources))
    for (case_sensitive, key), source in sorted(sources.items(), key=lambda item: -len(item[0][1])):
        for at in occurrences.get((case_sensitive, key), ()):
            folded_start, folded_end = text.folded_span(at, at + len(key))
            start, end = scan_text.to_original(folded_start, folded_end)
            index = bisect.bisect_left(starts, start)
            free = (index == 0 or taken[index - 1][1] <= start) and (index == len(taken) or taken[index][0] >= end)
            if free and _is_repeat(scan_text.folded, folded_start, folded_end, source, key):
                starts.insert(index, start)
                taken.insert(index, (start, end))
                repeats.append(_repeat_of(source, start, end, scan_text.original[start:end]))
    if not repeats:
        return list(findings)
    return sorted((*findings, *repeats), key=lambda f: (f.start, f.end, f.type))


def _search_key(finding: Finding) -> tuple[bool, str]:
    """(case-sensitive?, the value as searched in the compact copy)."""
    kept_case = fold(finding.text)
    if not kept_case.isalnum():  # most values (names, numbers) have no separator to drop
        kept_case = _SEPARATOR_RUNS.sub("", kept_case)  # nlp.text.compact, before it upper-cases
    return (True, kept_case) if finding.type == PERSON else (False, _upper(kept_case))


def _is_repeat(folded: str, start: int, end: int, source: Finding, key: str) -> bool:
    if key[0].isascii() and key[0].isalnum() and start > 0 and _is_ascii_alnum(folded[start - 1]):
        return False
    if key[-1].isascii() and key[-1].isalnum() and end < len(folded) and _is_ascii_alnum(folded[end]):
        return False
    if source.type == PERSON and len(key) == 2 and _CJK.fullmatch(key):
        return not _PLACE_SUFFIX.match(folded, end)
    return True


def _upper(text: str) -> str:
    """Upper case, offsets kept (a letter whose upper case is longer, like ß, stays as it is)."""
    upper = text.upper()
    return upper if len(upper) == len(text) else "".join(c if len(c.upper()) > 1 else c.upper() for c in text)


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _repeat_of(source: Finding, start: int, end: int, text: str) -> Finding:
    evidence = source.evidence if REPEAT_EVIDENCE in source.evidence else (REPEAT_EVIDENCE, *source.evidence)
    return replace(source, start=start, end=end, text=text, evidence=evidence)


class _CompactText:
    """The working copy without spaces and hyphens (``exact``; ASCII letters upper-cased: ``upper``), and the map
    from its offsets back to the working copy's."""

    def __init__(self, folded: str) -> None:
        parts = _KEPT_SEPARATOR_RUNS.split(folded)  # kept pieces and the separator runs between them, in turn
        self.exact = "".join(parts[0::2])
        self.upper = _upper(self.exact)
        self._piece_ends = list(accumulate(map(len, parts[0::2])))  # where each kept piece ends in ``exact``
        self._removed = list(accumulate(map(len, parts[1::2])))  # characters dropped up to each gap

    def folded_span(self, start: int, end: int) -> tuple[int, int]:
        """The working-copy span of ``exact[start:end]`` (without separators around it)."""
        return self._to_folded(start), self._to_folded(end - 1) + 1

    def _to_folded(self, index: int) -> int:
        piece = bisect.bisect_right(self._piece_ends, index)
        return index + (self._removed[piece - 1] if piece else 0)


def _occurrences(text: _CompactText, keys: list[tuple[bool, str]]) -> dict[tuple[bool, str], list[int]]:
    """Where each key occurs in the compact copy (start offsets): one Aho–Corasick pass over the upper-cased copy,
    linear in the text whatever the number of values; a name (case-sensitive) is then checked as written."""
    found: dict[tuple[bool, str], list[int]] = {key: [] for key in keys}
    by_upper: dict[str, list[tuple[bool, str]]] = {}
    for key in keys:
        by_upper.setdefault(_upper(key[1]) if key[0] else key[1], []).append(key)
    words = list(by_upper)
    exact = text.exact
    for index, start in _matches(words, text.upper):
        for key in by_upper[words[index]]:
            if not key[0] or exact.startswith(key[1], start):
                found[key].append(start)
    return found


def _matches(words: list[str], haystack: str) -> Iterator[tuple[int, int]]:
    """(word index, start) of every occurrence, overlapping ones too. A few values in a short text: one
    ``str.find`` scan per value is cheaper than building an automaton; else Aho–Corasick."""
    if len(words) * len(haystack) <= _FIND_BUDGET:
        for index, word in enumerate(words):
            start = haystack.find(word)
            while start != -1:
                yield index, start
                start = haystack.find(word, start + 1)
        return
    automaton = ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.ContiguousNFA)
    for index, start, _ in automaton.find_matches_as_indexes(haystack, overlapping=True):
        yield index, start
