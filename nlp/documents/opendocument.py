"""OpenDocument files (.odt, .odp, .ods): text with locations, in-place redaction.

Read with lxml from ``content.xml`` after :func:`nlp.documents.archive.check_archive` has passed the file
(and checked its ``mimetype``), for the reason ``docx.py`` gives: reading and redacting walk the XML in the
same order, and every part we do not change is copied byte for byte.

- .odt: every ``text:p`` and ``text:h`` of the body in document order (tables, lists, sections, frames
  included): ``{"part": "body", "paragraph": 3}``; inside a table also ``"table"`` (its name), ``"row"``,
  ``"cell"``.
- .odp: per page (slide), each frame's paragraphs, then the speaker notes: ``{"slide": 1, "shape": "Title",
  "paragraph": 0}``, ``{"slide": 1, "part": "notes", "paragraph": 0}``.
- .ods: every ``table:table`` as a :class:`nlp.table.Table`; repeated rows and columns are expanded only when
  they hold text, and never beyond :data:`nlp.documents.spreadsheet.MAX_CELLS`.

Inside a paragraph: ``text:s`` is its count of spaces, ``text:tab`` a tab, ``text:line-break`` ``\\v``;
annotations (comments) and deleted tracked changes are not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Unpack

from lxml import etree

from nlp.documents.archive import Document, Limits, file_bytes, opened
from nlp.documents.docx import DocxText, _Package
from nlp.documents.errors import DocumentError
from nlp.documents.located import Paragraph, join, rewrite
from nlp.documents.spreadsheet import MAX_CELLS, _too_large
from nlp.table import Table, TableRedaction

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
PRESENTATION = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
CONTENT = "content.xml"


def _q(namespace: str, tag: str) -> str:
    return f"{{{namespace}}}{tag}"


P, H = _q(TEXT, "p"), _q(TEXT, "h")
SPACE, TAB, LINE_BREAK = _q(TEXT, "s"), _q(TEXT, "tab"), _q(TEXT, "line-break")
SKIPPED = frozenset({_q(OFFICE, "annotation"), _q(TEXT, "tracked-changes"), _q(TEXT, "note-citation"),
                     _q(OFFICE, "annotation-end")})
TABLE_TABLE, ROW, CELL, COVERED = (_q(TABLE, t) for t in ("table", "table-row", "table-cell", "covered-table-cell"))
PAGE, FRAME, NOTES = _q(DRAW, "page"), _q(DRAW, "frame"), _q(PRESENTATION, "notes")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _set_text(handle: tuple[etree._Element, str], text: str) -> None:
    element, slot = handle
    if slot == "text":
        element.text = text
    else:
        element.tail = text


def _atoms(paragraph: etree._Element) -> list[tuple[Any, str, bool]]:
    """The paragraph's characters as (handle, text, editable), in order: element text and tails."""
    atoms: list[tuple[Any, str, bool]] = []

    def visit(element: etree._Element) -> None:
        if element.text:
            atoms.append(((element, "text"), element.text, True))
        for child in element:
            if not isinstance(child.tag, str) or child.tag in SKIPPED:
                pass
            elif child.tag == SPACE:
                atoms.append((child, " " * int(child.get(_q(TEXT, "c"), "1") or 1), False))
            elif child.tag == TAB:
                atoms.append((child, "\t", False))
            elif child.tag == LINE_BREAK:
                atoms.append((child, "\v", False))
            elif child.tag not in (P, H):
                visit(child)
            if child.tail:
                atoms.append(((child, "tail"), child.tail, True))

    visit(paragraph)
    return atoms


def _paragraph(element: etree._Element, location: dict[str, Any]) -> Paragraph:
    return Paragraph(element, location, _atoms(element), _set_text, part=CONTENT)


def _open(data: Document, kind: str, limits: Limits) -> tuple[_Package, etree._Element]:
    package = _Package(opened(data, kind, limits))
    try:
        root = etree.fromstring(package.raw[CONTENT], _PARSER)
    except etree.XMLSyntaxError as error:
        raise DocumentError("corrupt", detail=f"content.xml: {error}") from None
    package.trees[CONTENT] = root
    return package, root


def _body(root: etree._Element, kind: str) -> etree._Element:
    name = {"odt": "text", "odp": "presentation", "ods": "spreadsheet"}[kind]
    body = root.find(f"{_q(OFFICE, 'body')}/{_q(OFFICE, name)}")
    if body is None:
        raise DocumentError("corrupt", detail=f"no office:{name}")
    return body


def _text_paragraphs(container: etree._Element, base: dict[str, Any], counter: list[int]) -> Iterator[Paragraph]:
    """Paragraphs and headings in document order; table cells get table/row/cell in their location."""
    for element in container.iter(P, H, TABLE_TABLE):
        if element.tag == TABLE_TABLE:
            continue
        location = dict(base)
        cell = next((a for a in element.iterancestors(CELL)), None)
        row = cell.getparent() if cell is not None else None
        if cell is not None and row is not None:
            table = next(row.iterancestors(TABLE_TABLE))
            rows = list(table.iter(ROW))
            location.update({"table": table.get(_q(TABLE, "name"), ""), "row": rows.index(row),
                             "cell": [c for c in row if c.tag in (CELL, COVERED)].index(cell)})
        if any(ancestor.tag in (P, H) for ancestor in element.iterancestors()):
            continue  # a paragraph inside a paragraph (a text box in a frame) is read with its own frame
        location["paragraph"] = counter[0]
        counter[0] += 1
        yield _paragraph(element, location)


def _walk(root: etree._Element, kind: str) -> list[Paragraph]:
    body = _body(root, kind)
    if kind == "odt":
        return list(_text_paragraphs(body, {"part": "body"}, [0]))
    paragraphs: list[Paragraph] = []
    for number, page in enumerate(body.iter(PAGE), 1):
        notes = page.find(NOTES)
        for frame in page.iter(FRAME):
            if notes is not None and frame in notes.iter(FRAME):
                continue
            paragraphs.extend(_text_paragraphs(frame, {"slide": number, "shape": frame.get(_q(DRAW, "name"), "")},
                                               [0]))
        if notes is not None:
            paragraphs.extend(_text_paragraphs(notes, {"slide": number, "part": "notes"}, [0]))
    return paragraphs


def read_odf(data: Document, kind: str, **limits: Unpack[Limits]) -> DocxText:
    """The text of an .odt or .odp with each paragraph's location."""
    _, root = _open(data, kind, limits)
    return join(_walk(root, kind))


def redact_odf(data: Document, kind: str, replacements: list[tuple[int, int, str]] | tuple,
               **limits: Unpack[Limits]) -> bytes:
    """Rewrite only the characters of the spans (offsets into ``read_odf(data, kind).text``)."""
    package, root = _open(data, kind, limits)
    paragraphs = _walk(root, kind)
    package.changed |= rewrite(paragraphs, len(join(paragraphs).text), replacements)
    return package.to_bytes() if package.changed else file_bytes(data)


# --------------------------------------------------------------------------------------------------
# .ods


def _cell_text(cell: etree._Element) -> str:
    return "\n".join("".join(text for _, text, _ in _atoms(p)) for p in cell.iter(P))


def _sheet_rows(table: etree._Element, budget: list[int]) -> tuple[list[list[str]], list[list[etree._Element | None]]]:
    rows: list[list[str]] = []
    elements: list[list[etree._Element | None]] = []
    pending_empty = 0
    for row in table.iter(ROW):
        if next(row.iterancestors(TABLE_TABLE)) is not table:
            continue
        texts: list[str] = []
        cells: list[etree._Element | None] = []
        trailing: list[str] = []
        for cell in row:
            if cell.tag not in (CELL, COVERED):
                continue
            repeat = max(int(cell.get(_q(TABLE, "number-columns-repeated"), "1") or 1), 1)
            text = _cell_text(cell)
            if not text:
                trailing.extend([""] * min(repeat, MAX_CELLS))
                continue
            texts.extend(trailing)
            cells.extend([None] * len(trailing))
            trailing = []
            budget[0] -= repeat
            if budget[0] < 0:
                raise _too_large(MAX_CELLS - budget[0])
            texts.extend([text] * repeat)
            cells.extend([cell] * repeat)
        repeat = max(int(row.get(_q(TABLE, "number-rows-repeated"), "1") or 1), 1)
        if not texts:
            pending_empty += repeat
            continue
        budget[0] -= len(texts) * (repeat + pending_empty)
        if budget[0] < 0:
            raise _too_large(MAX_CELLS - budget[0])
        rows.extend([[] for _ in range(pending_empty)])
        elements.extend([[] for _ in range(pending_empty)])
        pending_empty = 0
        rows.extend([list(texts) for _ in range(repeat)])
        elements.extend([list(cells) for _ in range(repeat)])
    return rows, elements


def read_ods(data: Document, **limits: Unpack[Limits]) -> tuple[Table, ...]:
    """Every sheet of an .ods as a :class:`Table`."""
    _, root = _open(data, "ods", limits)
    return tuple(Table(name, rows) for name, rows, _ in _sheets(root))


def _sheets(root: etree._Element) -> Iterator[tuple[str, list[list[str]], list[list[etree._Element | None]]]]:
    budget = [MAX_CELLS]
    for table in _body(root, "ods").iter(TABLE_TABLE):
        if any(ancestor.tag == TABLE_TABLE for ancestor in table.iterancestors()):
            continue
        rows, elements = _sheet_rows(table, budget)
        yield table.get(_q(TABLE, "name"), ""), rows, elements


def redact_ods(data: Document, redaction: TableRedaction, **limits: Unpack[Limits]) -> bytes:
    """Rewrite the redacted cells of ``redact_tables(engine, read_ods(data))``: the cell keeps its style and
    holds the redacted text as one paragraph (a repeated cell holds one value, so all its copies change)."""
    package, root = _open(data, "ods", limits)
    sheets = list(_sheets(root))
    for (table_index, row, column), _ in redaction.cell_replacements.items():
        cell = sheets[table_index][2][row][column]
        if cell is None:
            continue
        text = redaction.rows[table_index][row][column]
        paragraphs = list(cell.iter(P))
        for paragraph in paragraphs[1:]:
            parent = paragraph.getparent()  # the cell or an element inside it, never None
            if parent is not None:
                parent.remove(paragraph)
        first = paragraphs[0] if paragraphs else etree.SubElement(cell, P)
        for child in list(first):
            first.remove(child)
        first.text = text
        for attribute in ("value", "date-value", "time-value", "boolean-value"):
            cell.attrib.pop(_q(OFFICE, attribute), None)
        cell.set(_q(OFFICE, "value-type"), "string")
        package.changed.add(CONTENT)
    return package.to_bytes() if package.changed else file_bytes(data)
