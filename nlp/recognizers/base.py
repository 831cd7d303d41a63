"""What every recognizer shares: the interface, finding construction, and label look-behind."""

from __future__ import annotations

import functools
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator

from nlp.articles import basis_for
from nlp.finding import Finding
from nlp.text import ScanText, is_header_row

# Characters that continue a number: a match must not sit inside a longer digit or letter run.
# Written after the first character (``[0-9]`` + ``DIGIT_NOT_AFTER_ALNUM``) so that the regex engine can still
# skip ahead to candidate first characters; a look-behind in front would be tried at every position.
DIGIT_NOT_AFTER_ALNUM = r"(?<![A-Za-z0-9][0-9])"
LETTER_NOT_AFTER_ALNUM = r"(?<![A-Za-z0-9][A-Za-z])"
NOT_BEFORE_DIGIT = r"(?![0-9])"
# One optional separator between digits, as people type them: space, hyphen, dot.
SEP = r"[ \-.]?"


def word_alternation(words: str) -> str:
    r"""A regex matching any of the ``|``-separated words, written as a trie: one branch per first character, so
    the regex engine skips straight to positions where a word can start and tries only the words starting there.

    Where one word extends another the longer is tried first (主任秘書 before 主任). A word may end in an
    optional part ``(?:人員)?`` or a look-ahead ``(?!方式)``.

    >>> word_alternation("科長|科員|主任|主任秘書|出席(?:人員)?|聯繫(?!方式)")
    '(?:主任(?:秘書)?|出席(?:人員)?|科[員長]|聯繫(?!方式))'
    >>> [bool(re.fullmatch(word_alternation("局長|副局長|長"), w)) for w in ("副局長", "局長", "長", "副")]
    [True, True, True, False]
    """
    trie: dict[str, dict] = {}
    for word in words.split("|"):
        optional = re.fullmatch(r"(\w+)\(\?:(\w+)\)\?", word)
        if optional:
            entries = [(optional.group(1) + optional.group(2), ""), (optional.group(1), "")]
        else:
            literal = re.match(r"[^(\[]+", word)
            if literal is None:
                raise ValueError(f"not a word: {word!r}")
            entries = [(literal.group(0), word[literal.end():])]
        for entry, tail in entries:
            node = trie
            for char in entry:
                node = node.setdefault(char, {})
            node.setdefault("", {})[tail] = {}
    return _trie_pattern(trie, top=True)


_ONE_CHARACTER = re.compile(r"\\?.|\[[^\]]*\]", re.DOTALL)


def _trie_pattern(node: dict[str, dict], top: bool = False) -> str:
    ends = node.get("", {})  # the tails of words that end here ("" for none)
    branches: list[str] = []
    leaves: list[str] = []  # characters that end a word with nothing after them: one class
    for char, child in sorted((char, child) for char, child in node.items() if char):
        if not top and list(child) == [""] and list(child[""]) == [""]:
            leaves.append(char)
        else:
            branches.append(re.escape(char) + _trie_pattern(child))
    if leaves:
        branches.append(re.escape(leaves[0]) if len(leaves) == 1 else "[" + "".join(map(re.escape, leaves)) + "]")
    alternatives = branches + [tail for tail in ends if tail]
    optional = "" in ends
    if not alternatives:
        return ""
    if len(alternatives) == 1 and not top:
        only = alternatives[0]
        if not optional:
            return only
        return only + "?" if _ONE_CHARACTER.fullmatch(only) else f"(?:{only})?"
    return "(?:" + "|".join(alternatives) + ")" + ("?" if optional else "")


class Recognizer(ABC):
    """Finds one type of finding. Subclasses set ``name`` and ``type`` and implement :meth:`find`."""

    name: str = ""
    type: str = ""

    @abstractmethod
    def find(self, scan_text: ScanText) -> Iterable[Finding]:
        """Every finding of this recognizer's type in ``scan_text``."""

    def finding(
        self,
        scan_text: ScanText,
        start: int,
        end: int,
        score: float,
        evidence: Iterable[str] = (),
        level: str | None = None,
    ) -> Finding:
        """A finding at ``[start, end)`` of the working copy, indexing the text as the user gave it."""
        start, end = scan_text.to_original(start, end)
        return Finding(
            type=self.type,
            start=start,
            end=end,
            text=scan_text.original[start:end],
            score=score,
            recognizer=self.name,
            evidence=tuple(evidence),
            basis=basis_for(self.type),
            level=level,
        )


def digits_only(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


def column_cells(scan_text: ScanText, header: re.Pattern[str]) -> Iterator[tuple[int, int, str]]:
    r"""(start, end, header) of every cell below a header cell that ``header`` matches (working-copy offsets).

    A table is a run of lines of two or more cells (tabs, or runs of spaces: :attr:`ScanText.table_lines`); its
    first line of short names without digits that names a matching column is its header row; a line of one cell
    ends the table.

    >>> text = ScanText("職稱  姓名    分機\n科長  王小明  3101\n\n3102")
    >>> [text.folded[s:e] for s, e, _ in column_cells(text, re.compile("分機"))]
    ['3101']
    """
    column: tuple[int, str] | None = None  # the matching column of the table being read: index, header text
    headerless = False  # the table began with a row of values: a form of label/value rows, no header below
    for offset, line, cells in scan_text.table_lines:
        if len(cells) < 2:
            column = None
            headerless = False
        elif column is None and not headerless:
            if not is_header_row(line, cells):
                headerless = True  # 「個案姓名<TAB>利春嬌　健保卡號：…」 then 「診斷<TAB>…」: labels down the first column
                continue
            column = next(
                ((i, line[s:e]) for i, (s, e) in enumerate(cells) if header.search(line[s:e])), None
            )
        elif column is not None and column[0] < len(cells):
            cell_start, cell_end = cells[column[0]]
            yield offset + cell_start, offset + cell_end, column[1]


class LabelIndex:
    """Finds the nearest field label before a position: 「護照號碼：」 vs 「受理編號：」.

    A number is a passport number only if the *nearest* label before it, within the same sentence and
    a short window, is a passport label; 「護照申請案，受理編號123456789」 is a case number.
    """

    def __init__(self, labels: dict[str, str], window: int = 24) -> None:
        # One flat alternation in lower case, searched in the lower-cased copy (ScanText.lowered): with every
        # alternative starting with a literal and no groups around them, the regex engine skips to where a label may
        # start (ignoring case, or a group per kind, makes it try every position). The kind is the first whose pattern
        # matches the label found, as a group per kind would say (the labels hold no escape lower-casing changes).
        self._lower_pattern = re.compile("|".join(pattern.lower() for pattern in labels.values()))
        self._lower_kinds = [(kind, re.compile(pattern.lower())) for kind, pattern in labels.items()]
        self.window = window

    def nearest(self, scan_text: ScanText, start: int) -> tuple[str, str] | None:
        """(kind, label text) of the last label ending before ``start`` in the same sentence."""
        text = scan_text.folded
        left = max(0, start - self.window)
        cut = max(text.rfind("。", left, start), text.rfind("\n", left, start), text.rfind("；", left, start),
                  text.rfind(";", left, start))
        if cut >= 0:
            left = cut + 1
        return self._last_label(scan_text, left, start) or self.column_header(scan_text, start)

    def _last_label(self, scan_text: ScanText, start: int, end: int) -> tuple[str, str] | None:
        """(kind, label text) of the last label in ``[start, end)`` of the working copy."""
        last = None
        for match in self._lower_pattern.finditer(scan_text.lowered, start, end):
            last = match
        return (self._kind(last.group(0)), scan_text.folded[last.start():last.end()]) if last else None

    @functools.lru_cache(maxsize=512)  # noqa: B019 — label words only (案號, tel), on module-level indexes
    def _kind(self, label: str) -> str:
        """The kind of a label found by the flat pattern: the first whose own pattern matches all of it."""
        return next(kind for kind, pattern in self._lower_kinds if pattern.fullmatch(label))

    def column_header(self, scan_text: ScanText, start: int) -> tuple[str, str] | None:
        """In a tab-separated table (pasted from Excel or Word), the label of the column ``start`` sits in.

        The header is the first line of the block of tab-separated lines; the column is counted in tabs.
        """
        text = scan_text.folded
        line_start, line_end = scan_text.line_bounds(start)
        if "\t" not in text[line_start:line_end]:
            return None
        column = text.count("\t", line_start, start)
        header_start = scan_text.table_header(line_start)
        if header_start is None:
            return None
        header_end = text.find("\n", header_start)
        cells = text[header_start:header_end].split("\t")
        if column >= len(cells):
            return None
        cell_start = header_start + sum(len(cell) + 1 for cell in cells[:column])
        return self._last_label(scan_text, cell_start, cell_start + len(cells[column]))





# Field labels that officials put before numbers. The nearest one decides what a bare number is.
NUMBER_LABELS = LabelIndex(
    {
        "passport": r"護照(?:號碼|號|編號)?|passport(?:\s*(?:no\.?|number|#))?",
        "nhi": r"健保(?:IC)?卡(?:卡號|號碼|號)?|健保卡|全民健康保險卡(?:號碼|號)?|NHI\s*card(?:\s*(?:no\.?|number))?",
        "bank": (
            # written out so that every alternative starts with a literal (see LabelIndex)
            "".join(f"{word}帳(?:號|戶)(?:號碼)?|" for word in ("匯款", "存款", "轉帳", "銀行", "郵局", "劃撥", "收款", "退款"))
            + r"帳(?:號|戶)(?:號碼)?|局號|銀行|郵局|"
            r"bank\s*account\s*(?:no\.?|number|#)?|account\s*(?:no\.?|number|#)?|A/C(?:\s*no\.?)?"
        ),
        "card": r"信用卡(?:號碼|卡號|號)?|卡號|card\s*(?:no\.?|number)",
        "ubn": r"統一編號|統編|營利事業|扣繳(?:單位)?編號|Tax\s*ID(?:\s*No\.?)?|UBN|Business\s*(?:ID|No\.?)",
        "phone": r"電話|手機|行動電話|傳真|聯絡方式|分機|專線|直撥|總機|市話|TEL|Tel|Fax|FAX|Mobile|Phone",
        "case": (
            r"案號|收文(?:字)?號|發文(?:字)?號|文號|受理(?:編號|案號|號碼)|三聯單(?:編號|號碼)?|編號|單號|序號|"
            r"流水號|訂單|申請號|檔號|字第|條碼|學號|員工編號|車號|金額|新臺幣|新台幣|收據(?:號碼|編號)?|發票(?:號碼)?|"
            r"規費|單據|繳費|費用|建號|地號|舉發單號|單號|罰單"
        ),
        "id": r"身分證(?:統一編號|字號|號碼|號)?|居留證(?:號碼|號)?|統一證號",
    }
)
