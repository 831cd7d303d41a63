"""Text made of located paragraphs, shared by the slide and ODF readers: read, and rewrite spans in place.

A reader walks its file and yields :class:`Paragraph` objects: the XML element, a location dict and the
paragraph's *atoms* — (element, text, editable) pieces in reading order (a text run is editable; a line
break or tab element is one non-editable character). :func:`join` lays the paragraphs out one per line as a
:class:`nlp.documents.DocxText` (text, segments, ``locate``); :func:`rewrite` replaces spans of that text
inside the runs they touch, so each run keeps its formatting — the same rule as ``redact_docx``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from nlp.documents.docx import DocxText, Segment

# (handle, text, editable): the handle is what ``Paragraph.set_text`` rewrites (an element, or for ODF an
# (element, "text" | "tail") pair); a line break or tab is one non-editable character.
Atom = tuple[Any, str, bool]


@dataclass
class Paragraph:
    element: etree._Element
    location: dict[str, Any]
    atoms: list[Atom]
    set_text: Callable[[Any, str], None]
    start: int = 0
    end: int = 0
    part: str = field(default="")

    @property
    def text(self) -> str:
        return "".join(text for _, text, _ in self.atoms)


def join(paragraphs: Sequence[Paragraph]) -> DocxText:
    """Paragraphs one per line; sets each paragraph's start and end in the joined text."""
    texts: list[str] = []
    offset = 0
    for paragraph in paragraphs:
        text = paragraph.text
        paragraph.start, paragraph.end = offset, offset + len(text)
        texts.append(text)
        offset += len(text) + 1
    segments = tuple(Segment(p.start, p.end, p.location) for p in paragraphs)
    return DocxText("\n".join(texts), segments, tuple(s.start for s in segments))


def _edit(paragraph: Paragraph, start: int, end: int, replacement: str) -> None:
    """Replace paragraph characters [start, end): the replacement goes into the first editable atom the span
    touches; the rest of the span is trimmed from the editable atoms after it."""
    placed = False
    offset = 0
    atoms: list[Atom] = []
    for element, text, editable in paragraph.atoms:
        atom_start, atom_end = offset, offset + len(text)
        offset = atom_end
        if atom_end <= start or atom_start >= end:
            atoms.append((element, text, editable))
            continue
        if not editable:  # a line break or tab inside a span stays: removing it could lose the text after it
            atoms.append((element, text, editable))
            continue
        keep_before = text[: max(start - atom_start, 0)]
        keep_after = text[end - atom_start:] if end < atom_end else ""
        new_text = keep_before + ("" if placed else replacement) + keep_after
        paragraph.set_text(element, new_text)
        atoms.append((element, new_text, editable))
        placed = True
    paragraph.atoms = atoms


def rewrite(paragraphs: Sequence[Paragraph], text_length: int,
            replacements: Sequence[tuple[int, int, str]]) -> set[str]:
    """Apply (start, end, replacement) spans of the joined text; returns the parts that changed.

    A span across paragraphs is cut at each paragraph (its replacement goes into the first). Spans must
    not overlap; the last is applied first so earlier offsets stay valid.
    """
    spans = sorted((int(s), int(e), str(r)) for s, e, r in replacements)
    previous_end = 0
    for start, end, _ in spans:
        if not 0 <= start <= end <= text_length:
            raise ValueError(f"span ({start}, {end}) outside the text (length {text_length})")
        if start < previous_end:
            raise ValueError(f"span ({start}, {end}) overlaps the previous span")
        previous_end = end
    starts = [p.start for p in paragraphs]
    edits: list[tuple[int, int, int, str]] = []
    for start, end, replacement in spans:
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        pending = replacement
        for index in range(first, len(paragraphs)):
            paragraph = paragraphs[index]
            if paragraph.start >= end and start != end:
                break
            local_start = max(start, paragraph.start) - paragraph.start
            local_end = min(end, paragraph.end) - paragraph.start
            if local_start > local_end:
                continue
            edits.append((index, local_start, local_end, pending))
            pending = ""
    changed: set[str] = set()
    for index, local_start, local_end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        _edit(paragraphs[index], local_start, local_end, replacement)
        changed.add(paragraphs[index].part)
    return changed
