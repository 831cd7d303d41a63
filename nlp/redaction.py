"""Redaction for the AI tool: mask (A12****789) or placeholders (〔姓名1〕) that :mod:`restoration` reverses.

Spans are spliced in order; text outside findings is never touched. Placeholder numbering lives for one
call: the same value (compared by :func:`nlp.text.value_key`: widths and dashes folded, separators dropped)
always gets the same placeholder within one text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nlp.articles import PLACEHOLDER_NAMES
from nlp.finding import REDACT, Finding, ScanResult
from nlp.finding_types import FINDING_TYPE
from nlp.text import value_key

MODES = ("mask", "placeholder")
MASK = "*"
NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十百零〇]")
DIGIT = re.compile(r"[0-9０-９]")


@dataclass(frozen=True)
class Redaction:
    """One text redacted: the new text, the document's placeholder map and the scan it was redacted from."""

    text: str
    placeholder_map: dict[str, str]
    result: ScanResult
    redacted: tuple[Finding, ...] = ()
    # (start, end, replacement) in the original text's coordinates, e.g. for rewriting a .docx
    replacements: tuple[tuple[int, int, str], ...] = ()


def _mask_alnum(value: str, keep_start: int, keep_end: int) -> str:
    """Mask letters and digits except the first ``keep_start`` and last ``keep_end``; keep separators."""
    positions = [i for i, c in enumerate(value) if c.isalnum()]
    hidden = set(positions[keep_start : len(positions) - keep_end if keep_end else None])
    return "".join(MASK if i in hidden else c for i, c in enumerate(value))


def _mask_name(value: str) -> str:
    if re.fullmatch(r"[\u3400-\u9fff]+", value):
        return value[0] + "○" * (len(value) - 2) + value[-1] if len(value) >= 3 else value[0] + "○"
    return " ".join(word[0] + "." for word in value.split())


def _mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    return local[:1] + MASK * max(3, len(local) - 1) + "@" + domain


def _mask_phone(value: str) -> str:  # a bare extension (分機 5123) is too short to keep any digit of
    return _mask_alnum(value, 4, 3) if sum(c.isdigit() for c in value) >= 9 else DIGIT.sub(MASK, value)


def _mask_address(value: str) -> str:
    cut = max(value.rfind("路"), value.rfind("街"), value.rfind("大道"))
    return value[: cut + 1] + NUMERAL.sub("○", value[cut + 1 :]) if cut >= 0 else NUMERAL.sub("○", value)


# The mask rule of each finding type (nlp/finding_types.py) -> what it makes of a value.
MASK_RULES: dict[str, Callable[[str], str]] = {
    "name": _mask_name,
    "email": _mask_email,
    "phone": _mask_phone,
    "last4": lambda value: _mask_alnum(value, 0, 4),
    "address": _mask_address,
    "date": lambda value: NUMERAL.sub("○", value),
    "category": lambda value: "〔已遮蔽〕",
    "ends3": lambda value: _mask_alnum(value, 3, 3),
}


def mask_value(finding: Finding) -> str:
    """The masked form of one finding, e.g. A12****789, 0912-***-678, 王○明 (a type's ``mask`` rule)."""
    finding_type = FINDING_TYPE.get(finding.type)
    return MASK_RULES[finding_type.mask if finding_type and finding_type.mask else "ends3"](finding.text)


def _value_key(finding: Finding) -> tuple[str, str]:
    return finding.type, value_key(finding.text)


def redact(text: str, result: ScanResult, mode: str = "mask") -> Redaction:
    """Replace every finding whose action is ``redact`` (personal data) in ``text``."""
    return redact_all([text], [result], mode)[0]


def redact_all(texts: Sequence[str], results: Sequence[ScanResult], mode: str = "mask") -> tuple[Redaction, ...]:
    """Redact the segments of one document: one value, one placeholder, in every segment.

    Each :class:`Redaction` carries the document's whole placeholder map, so one map restores any of them.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    placeholder_map: dict[str, str] = {}
    by_value: dict[tuple[str, str], str] = {}
    counters: dict[str, int] = {}

    def placeholder_for(finding: Finding) -> str:
        key = _value_key(finding)
        if key not in by_value:
            name = PLACEHOLDER_NAMES.get(finding.type, "個資")
            counters[name] = counters.get(name, 0) + 1
            by_value[key] = f"〔{name}{counters[name]}〕"
            placeholder_map[by_value[key]] = finding.text
        return by_value[key]

    spliced = []
    for text, result in zip(texts, results, strict=True):
        targets = sorted((f for f in result.findings if f.action == REDACT), key=lambda f: f.start)
        pieces: list[str] = []
        replacements: list[tuple[int, int, str]] = []
        cursor = 0
        for finding in targets:
            if finding.start < cursor:
                continue
            replacement = mask_value(finding) if mode == "mask" else placeholder_for(finding)
            pieces.append(text[cursor : finding.start])
            pieces.append(replacement)
            replacements.append((finding.start, finding.end, replacement))
            cursor = finding.end
        pieces.append(text[cursor:])
        spliced.append(("".join(pieces), result, tuple(targets), tuple(replacements)))
    return tuple(
        Redaction(text, placeholder_map, result, targets, replacements)
        for text, result, targets, replacements in spliced
    )
