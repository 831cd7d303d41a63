"""Restore: put the real values back into an AI's answer, given the placeholder map from redaction.

AI tools rewrite brackets and spacing: 〔姓名1〕 comes back as [姓名1], 【姓名 1】, （姓名１）, 〔 姓名1 〕 or
{姓名1}. Any opening bracket, optional spaces, the name, optional spaces, the number (ASCII or full-width),
optional spaces and any closing bracket is accepted. Nothing else in the answer changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = r"[〔\[【［(（{｛<＜「『〈]"
CLOSE = r"[〕\]】］)）}｝>＞」』〉]"
PLACEHOLDER = re.compile(r"^〔(?P<name>[^\d〔〕]+)(?P<number>\d+)〕$")
DIGIT_VARIANTS = {str(d): f"[{d}{chr(0xFF10 + d)}]" for d in range(10)}


@dataclass(frozen=True)
class Restoration:
    text: str
    count: int
    missing: tuple[str, ...] = ()


def _variant_pattern(placeholder: str) -> str:
    match = PLACEHOLDER.match(placeholder)
    if not match:
        return re.escape(placeholder)
    name = r"\s*".join(re.escape(c) for c in match.group("name"))
    number = "".join(DIGIT_VARIANTS[d] for d in match.group("number"))
    return rf"{OPEN}\s*{name}\s*{number}(?![0-9０-９])\s*{CLOSE}"


def restore(text: str, placeholder_map: dict[str, str]) -> Restoration:
    """Replace every placeholder variant in ``text`` by its original value."""
    if not placeholder_map:
        return Restoration(text, 0)
    ordered = sorted(placeholder_map, key=len, reverse=True)
    patterns = {p: _variant_pattern(p) for p in ordered}
    combined = re.compile("|".join(f"(?P<p{i}>{patterns[p]})" for i, p in enumerate(ordered)))
    count = 0
    found: set[str] = set()

    def substitute(match: re.Match[str]) -> str:
        nonlocal count
        placeholder = ordered[int(match.lastgroup[1:])]
        count += 1
        found.add(placeholder)
        return placeholder_map[placeholder]

    restored = combined.sub(substitute, text)
    return Restoration(restored, count, tuple(p for p in ordered if p not in found))
