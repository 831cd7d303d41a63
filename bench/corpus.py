"""The labelled corpus: load ``tests/corpus/*.txt`` into cases with gold spans.

File format (one file per genre; the genre is the file name without ``.txt``)::

    Anything before the first case header is a comment about the file.
    === gongwen-001 verdict=block -- optional note for reviewers
    密等及解密條件或保密期限：⟦CLASSIFIED:密|密⟧（公布後解密）
    承辦人：⟦PERSON|林志豪⟧

* A case starts at a line ``=== <id> verdict=<block|redact|allow>`` (an optional ``-- note`` may follow)
  and runs to the next header or the end of the file. Leading and trailing blank lines are dropped.
* An entity is marked inline as ``⟦TYPE|text⟧``; CLASSIFIED carries its level after a colon:
  ``⟦CLASSIFIED:機密|機密⟧`` (one of 絕對機密 / 極機密 / 機密 / 密). Markup does not nest.
* The loader strips the markup and computes code-point offsets into the clean text.
* The declared verdict must agree with the spans: ``block`` if any CLASSIFIED/RESTRICTED span, else
  ``redact`` if any personal-data span (every type except TW_BUSINESS_ID and the markings), else ``allow``.
  A disagreement is a :class:`CorpusError`, so a label cannot silently contradict its verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from nlp.finding_types import FINDING_TYPES

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "corpus"

# The engine's table of finding types (nlp/finding_types.py), in its display order.
MARKING_TYPES = tuple(t.name for t in FINDING_TYPES if t.marking)
PERSONAL_TYPES = tuple(t.name for t in FINDING_TYPES if t.personal)
TYPES = tuple(t.name for t in FINDING_TYPES)
LEVELS = ("絕對機密", "極機密", "機密", "密")
VERDICTS = ("block", "redact", "allow")
GENRES = (
    "gongwen",
    "qian",
    "meeting",
    "petition",
    "press",
    "email_zh",
    "email_en",
    "hard_negatives",
    "markings",
    "forms",
    "heldout_gongwen",
    "heldout_email",
    "heldout_meeting_press",
    "heldout_forms_petitions",
    "heldout_negatives",
    "third_documents",
    "third_email",
    "third_negatives",
    "fourth_mixed",
    "fourth_negatives",
    "fifth_mixed",
    "fifth_negatives",
    "sixth_marked",
    "sixth_unmarked",
    "seventh_public",
    "seventh_negatives",
)

OPEN, SEP, CLOSE = "⟦", "|", "⟧"
_HEADER = re.compile(
    r"""^===[ ]+
        (?P<id>[A-Za-z0-9][A-Za-z0-9_.-]*)     # case id
        [ ]+verdict=(?P<verdict>[a-z]+)         # declared verdict
        (?:[ ]+--[ ]?(?P<note>.*))?             # optional reviewer note
        [ ]*$""",
    re.VERBOSE,
)
_LABEL = re.compile(r"^(?P<type>[A-Z_]+)(?::(?P<level>[^|]+))?$")


class CorpusError(ValueError):
    """Malformed corpus markup; the message names the file, line and case."""


@dataclass(frozen=True)
class Span:
    """A gold entity: type, code-point offsets into the clean text, the text, and a CLASSIFIED level."""

    type: str
    start: int
    end: int
    text: str
    level: str | None = None


@dataclass(frozen=True)
class Case:
    """One labelled text."""

    id: str
    genre: str
    text: str
    verdict: str
    spans: tuple[Span, ...]
    note: str = ""


def verdict_for(types: set[str] | list[str] | tuple[str, ...]) -> str:
    """The default verdict implied by a set of finding types."""
    kinds = set(types)
    if kinds & set(MARKING_TYPES):
        return "block"
    if kinds & set(PERSONAL_TYPES):
        return "redact"
    return "allow"


def parse_markup(marked: str, where: str = "<text>") -> tuple[str, tuple[Span, ...]]:
    """Strip ``⟦TYPE|text⟧`` markup; return the clean text and its spans.

    >>> parse_markup("電話⟦PHONE|02-2960-3456⟧。")
    ('電話02-2960-3456。', (Span(type='PHONE', start=2, end=14, text='02-2960-3456', level=None),))
    """
    clean: list[str] = []
    spans: list[Span] = []
    length = 0
    i = 0
    while i < len(marked):
        ch = marked[i]
        if ch == CLOSE:
            raise CorpusError(f"{where}: '{CLOSE}' without '{OPEN}' at character {i}")
        if ch != OPEN:
            clean.append(ch)
            length += 1
            i += 1
            continue
        close = marked.find(CLOSE, i + 1)
        if close < 0:
            raise CorpusError(f"{where}: '{OPEN}' at character {i} is never closed")
        body = marked[i + 1 : close]
        if OPEN in body:
            raise CorpusError(f"{where}: nested '{OPEN}' at character {i}")
        if SEP not in body:
            raise CorpusError(f"{where}: entity {body!r} has no '{SEP}' between type and text")
        label, text = body.split(SEP, 1)
        match = _LABEL.match(label)
        if not match:
            raise CorpusError(f"{where}: malformed label {label!r}")
        kind, level = match.group("type"), match.group("level")
        if kind not in TYPES:
            raise CorpusError(f"{where}: unknown type {kind!r}")
        if kind == "CLASSIFIED":
            if level not in LEVELS:
                raise CorpusError(f"{where}: CLASSIFIED needs a level from {LEVELS}, got {level!r}")
        elif level is not None:
            raise CorpusError(f"{where}: only CLASSIFIED takes a level, {kind} got {level!r}")
        if not text or text != text.strip():
            raise CorpusError(f"{where}: {kind} span {text!r} is empty or has outer whitespace")
        if "\n" in text:
            raise CorpusError(f"{where}: {kind} span {text!r} crosses a line")
        spans.append(Span(kind, length, length + len(text), text, level))
        clean.append(text)
        length += len(text)
        i = close + 1
    return "".join(clean), tuple(spans)


def parse_file(path: Path) -> list[Case]:
    """Parse one genre file into cases."""
    genre = path.stem
    cases: list[Case] = []
    header: re.Match[str] | None = None
    header_line = 0
    body: list[str] = []

    def flush() -> None:
        if header is None:
            return
        where = f"{path.name}:{header_line} ({header.group('id')})"
        while body and not body[0].strip():
            body.pop(0)
        while body and not body[-1].strip():
            body.pop()
        if not body:
            raise CorpusError(f"{where}: case has no text")
        text, spans = parse_markup("\n".join(body), where)
        declared = header.group("verdict")
        if declared not in VERDICTS:
            raise CorpusError(f"{where}: verdict must be one of {VERDICTS}, got {declared!r}")
        implied = verdict_for([s.type for s in spans])
        if implied != declared:
            raise CorpusError(f"{where}: declared verdict={declared} but the spans imply {implied}")
        cases.append(Case(header.group("id"), genre, text, declared, spans, header.group("note") or ""))

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("==="):
            flush()
            header = _HEADER.match(line)
            if header is None:
                raise CorpusError(f"{path.name}:{number}: malformed case header {line!r}")
            header_line = number
            body = []
        elif header is not None:
            body.append(line)
    flush()
    return cases


def load_cases(directory: Path | str = CORPUS_DIR) -> list[Case]:
    """Load every ``*.txt`` genre file in directory; case ids must be unique across files."""
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for path in sorted(Path(directory).glob("*.txt")):
        for case in parse_file(path):
            if case.id in seen:
                raise CorpusError(f"{path.name}: case id {case.id!r} already used in {seen[case.id]}")
            seen[case.id] = path.name
            cases.append(case)
    return cases
