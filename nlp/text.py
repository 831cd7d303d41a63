"""Normalise once, at one boundary: the working copy the recognizers match against.

Folding is length-preserving (one code point in, one code point out): full-width ASCII becomes ASCII,
the ideographic space a space, the many dashes a hyphen-minus. So an offset into the folded copy is the
same offset into the text as the user typed it, and every finding can slice the original directly.
Separators inside numbers (spaces, hyphens) stay in place: patterns allow them and validators strip them.

Structure is normalised at the same boundary, so no recognizer depends on the convention the host used:

* every line or paragraph separator becomes ``\n``: ``\r`` (Word and Outlook desktop), ``\r\n``, ``\v``
  (Word's manual line break), ``\f``, U+0085, U+2028, U+2029;
* Word's end-of-cell mark (``\r\x07``, or a lone ``\x07``) becomes a cell break ``\t``; the mark that ends a
  row (a second one right after a cell's) becomes a line break.

The two-character marks (``\r\n``, ``\r\x07``) lose their ``\r`` in the working copy, so the working copy can
be shorter than the text; :meth:`ScanText.to_original` maps a working offset back. Recognizers build findings
through :meth:`nlp.recognizers.base.Recognizer.finding`, which does, so every finding still indexes the text
as the user gave it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

# Full-width CJK punctuation that ends or separates phrases (！，：；？) stays as it is: patterns read it as the
# boundary it is in Chinese text. Letters, digits, @, +, -, brackets and the rest fold to ASCII.
KEPT_PUNCTUATION = "！，：；？"
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code) not in KEPT_PUNCTUATION}
_FOLD.update(
    {
        0x3000: 0x20,  # ideographic space
        0x00A0: 0x20,  # no-break space
        0x2010: 0x2D,
        0x2011: 0x2D,
        0x2012: 0x2D,
        0x2013: 0x2D,
        0x2014: 0x2D,
        0x2212: 0x2D,
        0xFE63: 0x2D,
        0x2027: 0x2E,  # hyphenation point used as a dot in some 公文
    }
)
_FOLD_TABLE = str.maketrans({chr(k): chr(v) for k, v in _FOLD.items()})
_FOLDED_CLASS = "[" + "".join(re.escape(chr(k)) for k in sorted(_FOLD)) + "]"
_NEEDS_FOLD = re.compile(_FOLDED_CLASS + _FOLDED_CLASS + "*")  # not [...]+: lets the engine skip ahead

SENTENCE_END = re.compile(r"[。！？!?；;\n]")


# Word's end-of-cell mark is "\r\x07"; a row ends with one more right after its last cell's.
_STRUCTURE = re.compile("\r(?:\x07\r\x07|\x07|\n)?|[\x07\x0b\x0c\x85\u2028\u2029]")
_STRUCTURE_CHARS = "\r\x07\x0b\x0c\x85\u2028\u2029"
_STRUCTURE_MAP = {"\r\x07\r\x07": "\t\n", "\r\x07": "\t", "\r\n": "\n", "\x07": "\t"}


def normalise_structure(text: str) -> tuple[str, tuple[int, ...]]:
    """The text with ``\\n`` line breaks and ``\\t`` cell breaks, and where characters were dropped.

    The second value lists, in order, the working-copy index in front of which one character of the text was
    dropped (the ``\\r`` of ``\\r\\n`` or of a cell mark); empty when nothing was.

    >>> normalise_structure("密等：密\\r主旨：測試\\r\\n說明\\v一、")
    ('密等：密\\n主旨：測試\\n說明\\n一、', (10,))
    >>> normalise_structure("密等\\r\\x07機密\\r\\x07\\r\\x07速別")
    ('密等\\t機密\\t\\n速別', (2, 5, 6))
    """
    if not any(char in text for char in _STRUCTURE_CHARS):  # most texts: a few fast scans, no regex
        return text, ()
    pieces: list[str] = []
    drops: list[int] = []
    working_length = 0
    position = 0
    for match in _STRUCTURE.finditer(text):
        pieces.append(text[position:match.start()])
        working_length += match.start() - position
        mark = match.group(0)
        replacement = _STRUCTURE_MAP.get(mark, "\n")
        if len(mark) > 1:  # each pair (\r\n, \r\x07) keeps one character: its \r is dropped
            for offset in range(len(replacement)):
                drops.append(working_length + offset)
        pieces.append(replacement)
        working_length += len(replacement)
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces), tuple(drops)


def is_header_row(line: str, cells: tuple[tuple[int, int], ...]) -> bool:
    r"""Whether a table row can be a header: short names without digits, not values (診斷<TAB>113年確診…).

    >>> is_header_row("職稱\t姓名\t分機", ((0, 2), (3, 5), (6, 8))), is_header_row("王小明\t3101", ((0, 3), (4, 8)))
    (True, False)
    """
    return not any(end - start > 10 or any(c.isdigit() for c in line[start:end]) for start, end in cells)


def lower_in_place(text: str) -> str:
    """``text`` in lower case, offset for offset (a letter whose lower case is longer, İ, stays as it is).

    >>> lower_in_place("CONFIDENTIAL İstanbul") == "confidential İstanbul"
    True
    """
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) > 1 else c.lower() for c in text)


def add_window(windows: list[tuple[int, int]], start: int, end: int) -> None:
    """Add ``[start, end)`` to ``windows`` (added in order of start), merged with the last one it touches."""
    if windows and start <= windows[-1][1] + 1:
        windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
    else:
        windows.append((start, end))


def lines_holding(text: str, needle: str) -> list[tuple[int, int]]:
    r"""(start, end) of the runs of lines of ``text`` that hold ``needle``, neighbours merged (end before the line
    break). A pattern that stays on one line and needs ``needle`` finds the same there as in the whole text, with
    the regex engine reading only those lines.

    >>> text = "主旨：測試\n密等：密\n說明\n本件列為密件"
    >>> [text[start:end] for start, end in lines_holding(text, "密")]
    ['密等：密', '本件列為密件']
    """
    windows: list[tuple[int, int]] = []
    found = text.find(needle)
    while found != -1:
        start = text.rfind("\n", 0, found) + 1
        end = text.find("\n", found)
        end = len(text) if end == -1 else end
        add_window(windows, start, end)
        found = text.find(needle, end)
    return windows


def fold(text: str) -> str:
    """Length-preserving fold of full-width characters and dashes.

    >>> fold("０９１２－３４５－６７８")
    '0912-345-678'
    >>> len(fold("Ａ１２３　４")) == len("Ａ１２３　４")
    True
    >>> fold("（０２）２９６０，電話：")
    '(02)2960，電話：'

    """
    if text.isascii():  # nothing to fold (a constant-time check: most values are ASCII)
        return text
    return _NEEDS_FOLD.sub(_fold_run, text)


def _fold_run(match: re.Match[str]) -> str:
    return match.group(0).translate(_FOLD_TABLE)


@dataclass(frozen=True)
class ScanText:
    """The text as given (``original``) and its working copy (``folded``: structure and widths normalised).

    Offsets into ``folded`` equal offsets into ``original`` unless the text held ``\\r\\n`` or Word cell marks;
    :meth:`to_original` maps them in every case.
    """

    original: str

    @cached_property
    def folded(self) -> str:
        return fold(self._structure[0])

    @cached_property
    def lowered(self) -> str:
        """The working copy in lower case, offset for offset (a letter whose lower case is longer, İ, stays)."""
        return lower_in_place(self.folded)

    @cached_property
    def _structure(self) -> tuple[str, tuple[int, ...]]:
        return normalise_structure(self.original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the working copy to the same span of the text as given."""
        drops = self._structure[1]
        if not drops:
            return start, end
        original_start = start + bisect.bisect_right(drops, start)
        original_end = end + bisect.bisect_right(drops, end - 1) if end > start else original_start
        return original_start, original_end

    def to_working(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the text as given (a finding's) to the same span of the working copy."""
        if not self._structure[1]:
            return start, end
        dropped = self._dropped
        return start - bisect.bisect_left(dropped, start), end - bisect.bisect_left(dropped, end)

    @cached_property
    def _dropped(self) -> tuple[int, ...]:
        """Where the characters dropped from the working copy were, as indices into the text as given."""
        return tuple(index + rank for rank, index in enumerate(self._structure[1]))

    @cached_property
    def table_lines(self) -> tuple[tuple[int, str, tuple[tuple[int, int], ...]], ...]:
        """(offset, line, cells) of the working copy's lines that could be table rows (cells split at tabs, else at
        runs of spaces: :func:`table_cells`), each followed by the next line with no cells (it ends the table).
        Computed once per text for every recognizer that reads columns."""
        lines: list[tuple[int, str, tuple[tuple[int, int], ...]]] = []
        offset = 0
        for line in self.folded.split("\n"):
            cells = tuple(table_cells(line)) if "\t" in line or "  " in line else ()
            if cells or lines and lines[-1][2]:
                lines.append((offset, line, cells))
            offset += len(line) + 1
        return tuple(lines)

    @cached_property
    def _table_headers(self) -> dict[int, int]:
        """For every line of a block of tab-separated lines but its first: the start of the block's first line."""
        headers: dict[int, int] = {}
        block_start = -1
        previous_end = -2
        for offset, line, cells in self.table_lines:
            if "\t" not in line:
                block_start = -1
            elif block_start != -1 and offset == previous_end + 1:
                if block_start >= 0:
                    headers[offset] = block_start
            else:  # a block that opens with values (a form of label/value rows) has no header row: -2
                block_start = offset if is_header_row(line, cells) else -2
            previous_end = offset + len(line)
        return headers

    def table_header(self, line_start: int) -> int | None:
        """Start of the header row of the tab-separated block holding the line at ``line_start`` (None: no block,
        or the line is the header itself)."""
        return self._table_headers.get(line_start)

    def line_bounds(self, index: int) -> tuple[int, int]:
        """Start and end (exclusive, before the newline) of the line holding ``index``."""
        start = self.folded.rfind("\n", 0, index) + 1
        end = self.folded.find("\n", index)
        return start, len(self.folded) if end == -1 else end

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence (split at 。！？； and line breaks) around ``[start, end)``."""
        ends = self._sentence_ends
        before = bisect.bisect_left(ends, start)  # the sentence ends before start
        after = bisect.bisect_left(ends, end)  # the first one at or after end
        return ends[before - 1] + 1 if before else 0, ends[after] if after < len(ends) else len(self.folded)

    @cached_property
    def _sentence_ends(self) -> list[int]:
        """Where sentences end in the working copy (one pass, on first use)."""
        return [match.start() for match in SENTENCE_END.finditer(self.folded)]

    def sentence(self, start: int, end: int) -> str:
        left, right = self.sentence_bounds(start, end)
        return self.folded[left:right]


# Cells of a list pasted as text, aligned with runs of two or more spaces.
SPACE_CELL_BREAK = re.compile(r"  +")  # two or more spaces (a literal first lets the regex engine skip ahead)


def table_cells(line: str) -> list[tuple[int, int]]:
    r"""(start, end) of the cells of a table line: split at tabs (empty cells count), else at runs of spaces.

    >>> table_cells("處長\t王小明\t\t2960-3370"), table_cells("科長    王小明  3101")
    ([(0, 2), (3, 6), (7, 7), (8, 17)], [(0, 2), (6, 9), (11, 15)])
    """
    if "\t" in line:
        cells, position = [], 0
        for part in line.split("\t"):
            cells.append((position, position + len(part)))
            position += len(part) + 1
        return cells
    cells, position = [], 0
    for cell_break in SPACE_CELL_BREAK.finditer(line):
        if cell_break.start() > position:
            cells.append((position, cell_break.start()))
        position = cell_break.end()
    if position < len(line):
        cells.append((position, len(line)))
    return cells


# One normalisation for comparing values (validators, placeholder keys, the allow-list, propagation, restore):
# the same fold as the working copy, then spaces and hyphens dropped.
_VALUE_SEPARATORS = re.compile(r"[\s\-][\s\-]*")  # not [\s\-]+: a first character lets the regex engine skip ahead


def compact(value: object) -> str:
    """``value`` folded (:func:`fold`), without spaces and hyphens, upper-cased; ``''`` for a non-string.

    >>> compact("０９１２—３４５-６７８") == compact("0912-345-678") == "0912345678"
    True
    >>> compact("ａ１２３　４５６ ７８９"), compact(None)
    ('A123456789', '')
    """
    if not isinstance(value, str):
        return ""
    return _VALUE_SEPARATORS.sub("", fold(value)).upper()


def value_key(value: str) -> str:
    """The key under which two writings of one value are the same value.

    A value written mostly in digits (phones, card and account numbers) compares by its digits, with a
    leading +886 read as the trunk 0; any other by :func:`compact`, lower-cased.

    >>> value_key("(02)2960—3456") == value_key("02 2960-3456") == value_key("+886-2-2960-3456")
    True
    >>> value_key("Ｗａｎｇ@ntpc.gov.tw"), value_key("王　小明")
    ('wang@ntpc.gov.tw', '王小明')
    """
    compacted = compact(value)
    digits = "".join(c for c in compacted if c.isdigit())
    if not digits or len(digits) < len(compacted.strip("()+#")) * 0.6:
        return compacted.lower()
    if compacted.startswith(("+886", "886")) and len(digits) >= 11:
        digits = "0" + digits[3:].removeprefix("0")
    return digits
