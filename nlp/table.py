"""Tables for the engine: rows of cells with an optional header row, findings with cell coordinates.

A roster pasted into an AI tool is the riskiest text an official handles, and its cells say little on their
own: 「林美」 is not recognisably a name, 「0223456789」 under 金額 is not a phone. The header row says what
a column holds. So a table is scanned in three steps:

1. lay the sheets out as text — the sheet name on its own line, then one line per row, cells joined by a
   tab — and run :meth:`nlp.engine.Engine.scan` on it once (markings in a title cell or a sheet name block;
   identifiers with checksums are found anywhere);
2. columns whose header names a kind of personal data (姓名, 身分證字號, 電話, 地址, 出生日期, 帳號, E-mail,
   病歷 …; zh-TW and English) make each non-empty cell a finding of that type when nothing was found in it;
3. in columns whose header names an amount or a count (金額, 數量, 合計, Amount …) numbers are not phones,
   accounts or dates: such findings are dropped (checksum-backed identifiers stay).

Every offset indexes :attr:`TableScan.text`; ``locate`` gives ``{"sheet", "row", "column", "cell"}`` (row
and column 1-based, as the spreadsheet numbers them, ``cell`` in A1 notation) or ``{"sheet", "part":
"sheet_name"}``.

>>> from nlp.engine import Engine
>>> roster = Table("名冊", [["姓名", "電話", "金額"], ["林美", "0912345678", "0223456789"]])
>>> table_scan = scan_tables(Engine(), [roster])
>>> [(f.type, f.text, table_scan.locate(f.start, f.end)["cell"]) for f in table_scan.result.findings]
[('PERSON', '林美', 'A2'), ('PHONE', '0912345678', 'B2')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from nlp.articles import ALLOW_BASIS, PERSONAL_DATA_BAN, basis_for
from nlp.engine import Engine
from nlp.finding import (
    ADDRESS,
    ALLOW,
    BANK_ACCOUNT,
    BIRTH_DATE,
    BLOCK,
    CREDIT_CARD,
    EMAIL,
    PERSON,
    PHONE,
    REDACT,
    SENSITIVE_CATEGORY,
    TW_BUSINESS_ID,
    TW_NATIONAL_ID,
    TW_NHI_CARD,
    TW_PASSPORT,
    TW_RESIDENT_ID,
    Finding,
    ScanResult,
)
from nlp.redaction import redact

RECOGNIZER = "table_header"
HEADER_SCORE = 0.85
CELL_SEPARATOR = "\t"
ROW_SEPARATOR = "\n"
SHEET_SEPARATOR = "\n\n"
HEADER_SEARCH_ROWS = 10  # a title row or two may stand above the header row
CHUNK_ROWS = 50  # rows the engine scans at a time (with the header row repeated)

# Header words -> the type of the column's cells. Order matters: the first type whose words match wins
# (身分證統一編號 is an ID, not a business number; 聯絡電話 a phone, not a person; 電子郵件地址 an e-mail).
# Chinese words match anywhere in the header; English words match as whole words, case-insensitively.
HEADER_WORDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (TW_RESIDENT_ID, ("居留證", "統一證號"), ("resident permit", "arc no", "arc number")),
    (TW_NATIONAL_ID, ("身分證", "身份證", "國民身分"), ("id number", "id no", "national id", "id")),
    (TW_BUSINESS_ID, ("統一編號", "統編"), ("business id", "ubn", "tax id")),
    (TW_PASSPORT, ("護照",), ("passport", "passport no")),
    (TW_NHI_CARD, ("健保卡",), ("nhi card", "health insurance card")),
    (CREDIT_CARD, ("信用卡",), ("credit card", "card number", "card no")),
    (BANK_ACCOUNT, ("帳號", "帳戶"), ("account", "account number", "account no", "bank account", "iban")),
    (EMAIL, ("電子郵件", "電子信箱", "郵件信箱", "信箱"), ("e-mail", "email", "mail")),
    (PHONE, ("電話", "手機", "市話", "傳真", "分機"), ("phone", "telephone", "mobile", "tel", "fax", "cell")),
    (ADDRESS, ("地址", "住址", "戶籍地", "通訊處", "居住地", "居所"), ("address", "residence")),
    (BIRTH_DATE, ("出生日期", "出生年月日", "生日", "出生"), ("date of birth", "birth date", "birthday", "dob")),
    (
        SENSITIVE_CATEGORY,
        ("病歷", "病名", "病史", "疾病", "診斷", "傷病", "身心障礙", "障別", "犯罪", "前科", "刑案"),
        ("diagnosis", "medical record", "medical history", "disability", "criminal record"),
    ),
    (
        PERSON,
        ("姓名", "名字", "申請人", "聯絡人", "承辦人", "負責人", "監護人", "法定代理人", "家長", "學生", "病患"),
        ("name", "full name", "first name", "last name", "surname", "given name", "applicant", "contact person"),
    ),
)
# Headers that name what is not personal data though the words above appear in them.
NOT_PERSONAL_WORDS = ("出生地", "機關", "公司", "單位", "名稱", "使用者", "登入", "網路", "系統", "檔案", "件數")
NOT_PERSONAL_ENGLISH = ("company", "organisation", "organization", "agency", "file", "user", "product", "project")
# Columns of amounts and counts: numbers there are not phones, accounts or dates.
AMOUNT_WORDS = ("金額", "數量", "單價", "小計", "合計", "總計", "總額", "費用", "價格", "價錢", "預算", "經費",
                "人數", "次數", "件數", "序號", "案號", "文號", "收文號", "頁數", "分數", "成績", "補助")
AMOUNT_ENGLISH = ("amount", "total", "price", "qty", "quantity", "count", "sum", "cost", "budget", "no", "score")
# What an amount column cannot hold, whatever its digits look like (checksum-backed identifiers stay).
NOT_IN_AMOUNT_COLUMNS = frozenset({PHONE, BANK_ACCOUNT, BIRTH_DATE, TW_NHI_CARD, TW_PASSPORT})
# Cell values that stand for "nothing here".
EMPTY_VALUES = frozenset({"", "-", "—", "－", "無", "同上", "n/a", "na", "none", "null", "x", "/", "／"})
# What a cell must look like to be a finding of its column's type.
NEEDS_DIGIT = frozenset({TW_NATIONAL_ID, TW_RESIDENT_ID, TW_BUSINESS_ID, TW_PASSPORT, TW_NHI_CARD, CREDIT_CARD,
                         BANK_ACCOUNT, PHONE})
_DIGIT = re.compile(r"[0-9０-９]")
_DATE_LIKE = re.compile(r"[0-9０-９一二三四五六七八九十〇零]")
_HEADER_NOISE = re.compile(r"[\s:：*＊]|[（(][^）)]*[）)]")


def _english_word(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])" + re.escape(word).replace(r"\ ", r"[\s_\-.]*") + r"(?![a-z])")


_ENGLISH = {type_: [_english_word(w) for w in english] for type_, _, english in HEADER_WORDS}
_AMOUNT_ENGLISH = [_english_word(w) for w in AMOUNT_ENGLISH]
_NOT_PERSONAL_ENGLISH = [_english_word(w) for w in NOT_PERSONAL_ENGLISH]


@dataclass(frozen=True)
class Table:
    """One sheet (or a selection): rows of cell texts, where it starts, and which row is the header.

    ``origin`` is the (row, column) of the first cell, 0-based (a used range starting at C3 is (2, 2)).
    ``header_row`` is the index into ``rows`` of the header row; ``None`` looks for one among the first
    rows; ``-1`` says the table has none.
    """

    name: str
    rows: Sequence[Sequence[Any]]
    origin: tuple[int, int] = (0, 0)
    header_row: int | None = None


@dataclass(frozen=True)
class CellSpan:
    """Where one cell's text lies in the scanned text."""

    table: int
    row: int  # index into Table.rows
    column: int  # index into the row
    start: int
    end: int


@dataclass(frozen=True)
class TableScan:
    """The engine's result for tables, the text it scanned, and every cell's place in that text."""

    result: ScanResult
    text: str
    tables: tuple[Table, ...]
    cells: tuple[CellSpan, ...]
    names: tuple[tuple[int, int, int], ...]  # (table, start, end) of each sheet-name line
    column_types: tuple[dict[int, str], ...] = ()
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def cell_at(self, offset: int) -> CellSpan | None:
        """The cell whose text holds ``offset`` (or ends at it), or None (a sheet name, a separator)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        cell = self.cells[index]
        return cell if cell.start <= offset <= cell.end else None

    def locate(self, start: int, end: int) -> dict[str, Any]:
        """Where ``text[start:end]`` is: a cell, ``"to"`` the last cell of a span across cells, or a name."""
        for table_index, name_start, name_end in self.names:
            if name_start <= start < name_end:
                return {"sheet": self.tables[table_index].name, "part": "sheet_name"}
        first = self.cell_at(start)
        if first is None:
            return {}
        location = self.cell_location(first)
        last = self.cell_at(max(end - 1, start))
        if last is not None and last != first:
            location["to"] = self.cell_location(last)
        return location

    def cell_location(self, cell: CellSpan) -> dict[str, Any]:
        table = self.tables[cell.table]
        row = table.origin[0] + cell.row + 1
        column = table.origin[1] + cell.column + 1
        return {"sheet": table.name, "row": row, "column": column, "cell": f"{column_letters(column)}{row}"}


@dataclass(frozen=True)
class TableRedaction:
    """Redacted cell texts per table (same shape as the input rows), the placeholder map and the scan."""

    rows: tuple[tuple[tuple[str, ...], ...], ...]
    placeholder_map: dict[str, str]
    table_scan: TableScan
    # (table, row, column) -> [(start, end, replacement)] in the cell's own text, for rewriting a file
    cell_replacements: dict[tuple[int, int, int], list[tuple[int, int, str]]]

    @property
    def result(self) -> ScanResult:
        return self.table_scan.result

    def tsv(self, table: int = 0) -> str:
        """One table's redacted cells as tab-separated text, ready to paste into an AI tool."""
        return ROW_SEPARATOR.join(CELL_SEPARATOR.join(row) for row in self.rows[table])


def column_letters(column: int) -> str:
    """A 1-based column number in spreadsheet letters.

    >>> column_letters(1), column_letters(26), column_letters(27), column_letters(16384)
    ('A', 'Z', 'AA', 'XFD')
    """
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_text(value: Any) -> str:
    """A cell value as the scanned text shows it (None → '', floats that are whole numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def header_type(header: str) -> str | None:
    """The finding type a column header announces, ``"amount"`` for amounts and counts, or None.

    >>> header_type("身分證統一編號"), header_type("聯絡電話"), header_type("金額（元）"), header_type("E-mail")
    ('TW_NATIONAL_ID', 'PHONE', 'amount', 'EMAIL')
    >>> header_type("機關名稱"), header_type("Company name"), header_type("備註")
    (None, None, None)
    """
    folded = _HEADER_NOISE.sub("", header) if len(header) > 1 else header
    lowered = header.strip().lower()
    if not folded or len(folded) > 20:
        return None
    if any(word in folded for word in NOT_PERSONAL_WORDS) or any(p.search(lowered) for p in _NOT_PERSONAL_ENGLISH):
        return "amount" if any(word in folded for word in AMOUNT_WORDS) else None
    for type_, words, _ in HEADER_WORDS:
        if any(word in folded for word in words) or any(p.search(lowered) for p in _ENGLISH[type_]):
            return type_
    if any(word in folded for word in AMOUNT_WORDS) or any(p.search(lowered) for p in _AMOUNT_ENGLISH):
        return "amount"
    return None


def find_header_row(rows: Sequence[Sequence[str]]) -> int:
    """The first top row with two known headers (or, one column wide, a personal-data header); -1 if none."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        kinds = [header_type(cell) for cell in row if cell.strip()]
        known = sum(1 for kind in kinds if kind is not None)
        if known >= 2 or (len(row) == 1 and kinds and kinds[0] not in (None, "amount")):
            return index
    return -1


@dataclass
class _Layout:
    text: str
    cells: list[CellSpan]
    names: list[tuple[int, int, int]]  # (table, start, end) of each name line
    texts: list[list[list[str]]]  # cell texts per table, row, column
    row_spans: list[list[tuple[int, int]]]  # (start, end) of each row's line, per table


def layout(tables: Sequence[Table]) -> _Layout:
    """The text that is scanned: per table its name line (if named), then its rows; and where each cell is."""
    pieces: list[str] = []
    cells: list[CellSpan] = []
    names: list[tuple[int, int, int]] = []
    texts: list[list[list[str]]] = []
    row_spans: list[list[tuple[int, int]]] = []
    offset = 0
    for table_index, table in enumerate(tables):
        if table_index:
            pieces.append(SHEET_SEPARATOR)
            offset += len(SHEET_SEPARATOR)
        if table.name:
            names.append((table_index, offset, offset + len(table.name)))
            pieces.append(table.name + ROW_SEPARATOR)
            offset += len(table.name) + len(ROW_SEPARATOR)
        rows = [[cell_text(value) for value in row] for row in table.rows]
        texts.append(rows)
        spans: list[tuple[int, int]] = []
        row_spans.append(spans)
        for row_index, row in enumerate(rows):
            if row_index:
                pieces.append(ROW_SEPARATOR)
                offset += len(ROW_SEPARATOR)
            row_start = offset
            for column_index, value in enumerate(row):
                if column_index:
                    pieces.append(CELL_SEPARATOR)
                    offset += len(CELL_SEPARATOR)
                if value:
                    cells.append(CellSpan(table_index, row_index, column_index, offset, offset + len(value)))
                    pieces.append(value)
                    offset += len(value)
            spans.append((row_start, offset))
    return _Layout("".join(pieces), cells, names, texts, row_spans)


def _allow_key(value: str) -> str:
    return re.sub(r"[\s\-－]", "", value).lower()


def _plausible(type_: str, value: str) -> bool:
    """Whether a cell's text can be a value of its column's type (not a dash, a note, a number for a name)."""
    stripped = value.strip()
    if stripped.lower() in EMPTY_VALUES:
        return False
    if type_ in NEEDS_DIGIT:
        return bool(_DIGIT.search(stripped))
    if type_ == EMAIL:
        return "@" in stripped or "＠" in stripped
    if type_ == BIRTH_DATE:
        return bool(_DATE_LIKE.search(stripped))
    if type_ == PERSON:
        return not _DIGIT.search(stripped) and len(stripped) <= 40
    return True


def _verdict(findings: Sequence[Finding], engine_result: ScanResult) -> tuple[str, Any]:
    """The verdict for the final findings; a block keeps the engine's basis (the marking's article)."""
    if any(f.action == BLOCK for f in findings):
        return BLOCK, engine_result.basis if engine_result.verdict == BLOCK else PERSONAL_DATA_BAN
    if any(f.action == REDACT for f in findings):
        return REDACT, PERSONAL_DATA_BAN
    return ALLOW, ALLOW_BASIS


def _scan_in_chunks(engine: Engine, laid_out: _Layout, header_rows: Sequence[int]) -> ScanResult:
    """The engine's result for the whole text, scanned :data:`CHUNK_ROWS` rows at a time.

    Each chunk after a table's first repeats that table's header row in front (so the engine still sees
    which column a value is in) and the findings inside that repeated row are dropped; offsets are mapped
    back into the whole text. Scanning a 10,000-row sheet in one piece costs quadratic time in the
    engine's look-back for labels; in chunks it is linear.
    """
    text = laid_out.text
    findings: list[Finding] = []
    results: list[ScanResult] = []
    for table_index, spans in enumerate(laid_out.row_spans):
        header_row = header_rows[table_index]
        name = next(((start, end) for table, start, end in laid_out.names if table == table_index), None)
        if name is None and not spans:
            continue
        for chunk_first in range(0, max(len(spans), 1), CHUNK_ROWS):
            chunk = spans[chunk_first:chunk_first + CHUNK_ROWS] or ([name] if name else [])
            chunk_start = name[0] if chunk_first == 0 and name else chunk[0][0]
            chunk_end = chunk[-1][1]
            prefix = ""
            if chunk_first > 0 and 0 <= header_row < chunk_first:
                header_start, header_end = spans[header_row]
                prefix = text[header_start:header_end] + ROW_SEPARATOR
            result = engine.scan(prefix + text[chunk_start:chunk_end])
            results.append(result)
            shift = chunk_start - len(prefix)
            findings.extend(replace(f, start=f.start + shift, end=f.end + shift)
                            for f in result.findings if f.start >= len(prefix))
    if not results:
        return engine.scan(text)
    blocked = next((r for r in results if r.verdict == BLOCK), None)
    warnings = tuple(dict.fromkeys(w for r in results for w in r.warnings))
    return replace(results[0], verdict=blocked.verdict if blocked else results[0].verdict,
                   basis=blocked.basis if blocked else results[0].basis, findings=tuple(findings),
                   notice_present=any(r.notice_present for r in results), warnings=warnings,
                   text_length=len(text))


def scan_tables(engine: Engine, tables: Sequence[Table]) -> TableScan:
    """Scan tables: the engine on their text, then the header row's types (see the module docstring)."""
    tables = tuple(tables)
    laid_out = layout(tables)
    text, cells, texts = laid_out.text, laid_out.cells, laid_out.texts
    column_types: list[dict[int, str]] = []
    header_rows: list[int] = []
    for table, rows in zip(tables, texts):
        header_row = table.header_row if table.header_row is not None else find_header_row(rows)
        header_rows.append(header_row)
        types: dict[int, str] = {}
        if 0 <= header_row < len(rows):
            for column, header in enumerate(rows[header_row]):
                kind = header_type(header)
                if kind is not None:
                    types[column] = kind
        column_types.append(types)

    engine_result = _scan_in_chunks(engine, laid_out, header_rows)
    starts = tuple(cell.start for cell in cells)
    partial = TableScan(engine_result, text, tables, tuple(cells), tuple(laid_out.names), (), starts)
    policy = engine.policy
    allowed = {_allow_key(value) for value in policy.allow_values}
    findings: list[Finding] = []
    covered: set[tuple[int, int, int]] = set()
    for finding in engine_result.findings:
        cell = partial.cell_at(finding.start)
        if cell is not None:
            kind = column_types[cell.table].get(cell.column)
            in_body = cell.row > header_rows[cell.table]
            if kind == "amount" and in_body and finding.type in NOT_IN_AMOUNT_COLUMNS and finding.end <= cell.end:
                continue
            covered.add((cell.table, cell.row, cell.column))
        findings.append(finding)

    for cell in cells:
        kind = column_types[cell.table].get(cell.column)
        if kind in (None, "amount") or cell.row <= header_rows[cell.table]:
            continue
        if (cell.table, cell.row, cell.column) in covered:
            continue
        value = texts[cell.table][cell.row][cell.column]
        action = policy.type_action(kind)
        if action == "ignore" or not _plausible(kind, value) or _allow_key(value) in allowed:
            continue
        header = texts[cell.table][header_rows[cell.table]][cell.column]
        findings.append(
            Finding(kind, cell.start, cell.end, value, HEADER_SCORE, RECOGNIZER,
                    evidence=(f"header:{header.strip()}",), basis=basis_for(kind), action=action)
        )

    findings.sort(key=lambda f: (f.start, f.end))
    verdict, basis = _verdict(findings, engine_result)
    result = replace(engine_result, verdict=verdict, basis=basis, findings=tuple(findings))
    return replace(partial, result=result, column_types=tuple(column_types))


def redact_tables(engine: Engine, tables: Sequence[Table], mode: str = "mask") -> TableRedaction:
    """Scan tables and replace their personal data cell by cell; the same value gets the same placeholder
    in every table. The caller refuses a blocked result (``redaction.result.verdict == "block"``)."""
    table_scan = scan_tables(engine, tables)
    redaction = redact(table_scan.text, table_scan.result, mode)
    by_cell: dict[tuple[int, int, int], list[tuple[int, int, str]]] = {}
    for start, end, replacement in redaction.replacements:
        cell = table_scan.cell_at(start)
        if cell is None:  # in a sheet name: nothing to rewrite in a cell
            continue
        local_end = min(end, cell.end) - cell.start
        by_cell.setdefault((cell.table, cell.row, cell.column), []).append(
            (start - cell.start, local_end, replacement)
        )
    rows: list[tuple[tuple[str, ...], ...]] = []
    for table_index, table in enumerate(table_scan.tables):
        redacted_rows = []
        for row_index, row in enumerate(table.rows):
            redacted_row = []
            for column_index, value in enumerate(row):
                text = cell_text(value)
                for start, end, replacement in sorted(by_cell.get((table_index, row_index, column_index), ()),
                                                      reverse=True):
                    text = text[:start] + replacement + text[end:]
                redacted_row.append(text)
            redacted_rows.append(tuple(redacted_row))
        rows.append(tuple(redacted_rows))
    return TableRedaction(tuple(rows), dict(redaction.placeholder_map), table_scan, by_cell)
