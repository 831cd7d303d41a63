"""Restore: put the real values back into an AI's answer, given the placeholder map from redaction.

AI tools rewrite brackets and spacing: 〔姓名1〕 comes back as [姓名1], 【姓名 1】, （姓名１）, 〔 姓名1 〕 or
{姓名1}. Any opening bracket, optional spaces, the name, optional spaces, the number (ASCII or full-width),
optional spaces and any closing bracket is accepted. Nothing else in the answer changes.

Time is linear in the text whatever the map's size: one pattern finds every bracketed name-and-number and a
dict lookup decides whether the map holds it; keys of another shape are matched literally, looked up by
their first character and length (so a map of thousands of keys costs one set lookup per candidate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = r"[〔\[【［(（{｛<＜「『〈]"
CLOSE = r"[〕\]】］)）}｝>＞」』〉]"
DIGITS = "0-9０-９"
PLACEHOLDER = re.compile(rf"^〔(?P<name>[^\d〔〕]+)(?P<number>[{DIGITS}]+)〕$")
MAX_NAME_CHARACTERS = 40
MAX_NUMBER_DIGITS = 12
NAME_CHARACTER = rf"[^\s{DIGITS}〔\[【［(（{{｛<＜「『〈〕\]】］)）}}｝>＞」』〉]"
VARIANT = re.compile(
    rf"""
    {OPEN} \s*
    (?P<name> {NAME_CHARACTER} (?: \s* {NAME_CHARACTER} ){{0,{MAX_NAME_CHARACTERS - 1}}}? )  # spaces allowed inside
    \s* (?P<number> [{DIGITS}]{{1,{MAX_NUMBER_DIGITS}}} ) (?! [{DIGITS}] )                   # ASCII or full-width
    \s* {CLOSE}
    """,
    re.VERBOSE,
)
ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
WHITESPACE = re.compile(r"\s+")
VARIANT_NAME = re.compile(rf"{NAME_CHARACTER}(?:\s*{NAME_CHARACTER}){{0,{MAX_NAME_CHARACTERS - 1}}}")


@dataclass(frozen=True)
class Restoration:
    text: str
    count: int
    missing: tuple[str, ...] = ()


def _variant_key(name: str, number: str) -> tuple[str, str]:
    """How a placeholder is looked up: its name without spaces and its number in ASCII digits."""
    return WHITESPACE.sub("", name), number.translate(ASCII_DIGITS)


class _LiteralKeys:
    """Keys that are not 〔name number〕 placeholders, matched exactly, the longest first at a position."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = set(keys)
        lengths: dict[str, set[int]] = {}
        for key in keys:
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {first: sorted(sizes, reverse=True) for first, sizes in lengths.items()}
        self.starts = re.compile("[" + "".join(re.escape(c) for c in sorted(lengths)) + "]") if keys else None

    def match(self, text: str, position: int) -> str | None:
        for size in self.lengths.get(text[position], ()):
            candidate = text[position : position + size]
            if candidate in self.keys:
                return candidate
        return None


def restore(text: str, placeholder_map: dict[str, str]) -> Restoration:
    """Replace every placeholder variant in ``text`` by its original value."""
    if not placeholder_map:
        return Restoration(text, 0)
    ordered = sorted(placeholder_map, key=len, reverse=True)
    by_variant: dict[tuple[str, str], str] = {}
    literal: list[str] = []
    for placeholder in ordered:
        match = PLACEHOLDER.match(placeholder)
        if match and len(match.group("number")) <= MAX_NUMBER_DIGITS and VARIANT_NAME.fullmatch(match["name"]):
            by_variant.setdefault(_variant_key(match.group("name"), match.group("number")), placeholder)
        elif placeholder:
            literal.append(placeholder)
    literals = _LiteralKeys(literal)
    pieces: list[str] = []
    found: set[str] = set()
    count = 0
    position = copied = 0
    next_variant = VARIANT.search(text, position) if by_variant else None
    next_literal = literals.starts.search(text, position) if literals.starts else None
    while next_variant is not None or next_literal is not None:
        candidates = [m.start() for m in (next_variant, next_literal) if m is not None]
        position = min(candidates)
        placeholder, end = None, position
        if next_variant is not None and next_variant.start() == position:
            key = by_variant.get(_variant_key(next_variant.group("name"), next_variant.group("number")))
            if key is not None:
                placeholder, end = key, next_variant.end()
        if next_literal is not None and next_literal.start() == position:
            key = literals.match(text, position)
            if key is not None and (placeholder is None or len(key) > len(placeholder)):
                placeholder, end = key, position + len(key)
        if placeholder is None:
            end = position + 1
        else:
            pieces.append(text[copied:position])
            pieces.append(placeholder_map[placeholder])
            copied = end
            count += 1
            found.add(placeholder)
        if next_variant is not None and next_variant.start() < end:
            next_variant = VARIANT.search(text, end)
        if next_literal is not None and next_literal.start() < end:
            next_literal = literals.starts.search(text, end) if literals.starts else None
    pieces.append(text[copied:])
    return Restoration("".join(pieces), count, tuple(p for p in ordered if p not in found))
