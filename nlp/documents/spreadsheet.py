"""Spreadsheets (.xlsx, .csv) as :class:`nlp.table.Table` sheets, and redaction cell by cell.

- .xlsx is read with openpyxl in read-only (streaming) mode, cached formula values, every worksheet from A1,
  after :func:`nlp.documents.archive.check_archive` has passed the file. Redaction does not go through
  openpyxl (whose save drops images, charts and shapes it does not read): it rewrites only the redacted
  cells in the sheet XML — the cell keeps its style and becomes an inline string; a shared string a
  redacted cell used is redacted too — and copies every other part byte for byte.
- .csv is decoded as UTF-8 (with or without BOM), else Big5/CP950; the delimiter is sniffed (comma, tab,
  semicolon). Redaction writes the same delimiter, line ending and encoding back.

Cells read beyond :data:`MAX_CELLS` refuse the file (``too_large``).
"""

from __future__ import annotations

import csv
import io
import posixpath
import warnings
from collections.abc import Sequence
from typing import Any, Unpack

from lxml import etree
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from nlp.documents.archive import Document, Limits, file_bytes, opened
from nlp.documents.docx import PKG_RELS, _Package
from nlp.documents.errors import DocumentError
from nlp.table import Table, TableRedaction, column_letters

MAX_CELLS = 3_000_000
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _s(tag: str) -> str:
    return f"{{{S}}}{tag}"


def _too_large(count: int) -> DocumentError:
    return DocumentError("too_large", detail=f"more than {MAX_CELLS} cells ({count})")


def read_xlsx(data: Document, **limits: Unpack[Limits]) -> tuple[Table, ...]:
    """Every worksheet of an .xlsx as a :class:`Table` (name = sheet name, origin A1)."""
    archive = opened(data, "xlsx", limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(archive.data), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, ValueError, TypeError, etree.XMLSyntaxError, OSError) as error:
        raise DocumentError("corrupt", detail=f"xlsx: {type(error).__name__}") from None
    tables: list[Table] = []
    count = 0
    try:
        for sheet in workbook.worksheets:
            rows: list[tuple[Any, ...]] = []
            for row in sheet.iter_rows(values_only=True):
                count += len(row)
                if count > MAX_CELLS:
                    raise _too_large(count)
                rows.append(row)
            while rows and all(value in (None, "") for value in rows[-1]):
                rows.pop()
            tables.append(Table(sheet.title, rows))
    except (KeyError, ValueError, TypeError, etree.XMLSyntaxError) as error:
        raise DocumentError("corrupt", detail=f"xlsx sheet: {type(error).__name__}") from None
    finally:
        workbook.close()
    return tuple(tables)


def _worksheet_parts(package: _Package) -> list[str]:
    """The worksheet parts in the workbook's sheet order (what openpyxl's ``worksheets`` lists)."""
    workbook_part = "xl/workbook.xml"
    targets = package.relationships(workbook_part)
    rels_name = posixpath.join("xl", "_rels", "workbook.xml.rels")
    types = {rel.get("Id"): rel.get("Type") for rel in package.xml(rels_name).iter(f"{{{PKG_RELS}}}Relationship")}
    parts = []
    for sheet in package.xml(workbook_part).iter(_s("sheet")):
        rel_id = sheet.get(f"{{{R}}}id", "")
        if types.get(rel_id) == REL_WORKSHEET and targets.get(rel_id) in package.raw:
            parts.append(targets[rel_id])
    return parts


def _inline_string(cell: etree._Element, text: str) -> None:
    for child in list(cell):
        if child.tag in (_s("v"), _s("f"), _s("is")):
            cell.remove(child)
    cell.set("t", "inlineStr")
    inline = etree.SubElement(cell, _s("is"))
    text_element = etree.SubElement(inline, _s("t"))
    text_element.text = text
    text_element.set(XML_SPACE, "preserve")


def _replace_shared(item: etree._Element, text: str) -> None:
    """A shared string's text replaced; its first run keeps its formatting, the others go."""
    texts = [element for element in item.iter(_s("t"))]
    runs = item.findall(_s("r"))
    if runs:
        for run in runs[1:]:
            item.remove(run)
        texts = [element for element in runs[0].iter(_s("t"))]
    for phonetic in item.findall(_s("rPh")):
        item.remove(phonetic)
    if not texts:
        texts = [etree.SubElement(item, _s("t"))]
    texts[0].text = text
    texts[0].set(XML_SPACE, "preserve")


def redact_xlsx(data: Document, redaction: TableRedaction, **limits: Unpack[Limits]) -> bytes:
    """Rewrite the redacted cells of ``redact_tables(engine, read_xlsx(data))`` in the .xlsx itself."""
    package = _Package(opened(data, "xlsx", limits))
    sheets = _worksheet_parts(package)
    shared_part = "xl/sharedStrings.xml"
    shared = list(package.xml(shared_part).iter(_s("si"))) if shared_part in package.raw else []
    wanted: dict[int, dict[str, str]] = {}
    for (table_index, row, column), _ in redaction.cell_replacements.items():
        table = redaction.table_scan.tables[table_index]
        reference = f"{column_letters(table.origin[1] + column + 1)}{table.origin[0] + row + 1}"
        wanted.setdefault(table_index, {})[reference] = redaction.rows[table_index][row][column]
    for table_index, cells in wanted.items():
        if table_index >= len(sheets):
            raise DocumentError("corrupt", detail="worksheet order")
        part = sheets[table_index]
        by_reference = {cell.get("r"): cell for cell in package.xml(part).iter(_s("c"))}
        for reference, text in cells.items():
            cell = by_reference.get(reference)
            if cell is None:
                raise DocumentError("corrupt", detail=f"cell {reference} not found")
            value = cell.find(_s("v"))
            value_text = (value.text or "").strip() if value is not None else ""
            if cell.get("t") == "s" and value_text.isdigit():
                index = int(value_text)
                if index < len(shared):
                    _replace_shared(shared[index], text)
                    package.changed.add(shared_part)
            _inline_string(cell, text)
            package.changed.add(part)
    return package.to_bytes() if package.changed else file_bytes(data)


# --------------------------------------------------------------------------------------------------
# CSV


def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, else Big5 / CP950."""
    for encoding in ("utf-8-sig", "big5", "cp950"):
        try:
            return bytes(data).decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise DocumentError("unsupported_format", zh="此 CSV 檔不是 UTF-8 或 Big5 編碼。",
                        en="This CSV file is neither UTF-8 nor Big5.")


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",\t;")
    except csv.Error:
        return csv.excel


def read_csv(data: bytes, name: str = "") -> tuple[Table, ...]:
    """A .csv as one :class:`Table` named ``name``."""
    text, _ = decode_csv(data)
    rows: list[list[str]] = []
    count = 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), _dialect(text)):
            count += len(row)
            if count > MAX_CELLS:
                raise _too_large(count)
            rows.append(row)
    except csv.Error as error:
        raise DocumentError("corrupt", detail=f"csv: {error}") from None
    return (Table(name, rows),)


def redact_csv(data: bytes, redaction: TableRedaction) -> bytes:
    """The redacted rows written back with the file's delimiter, line ending and encoding."""
    text, encoding = decode_csv(data)
    dialect = _dialect(text)
    line_ending = "\r\n" if "\r\n" in text[:65536] else "\n"
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=dialect.delimiter, quotechar=dialect.quotechar or '"',
                        lineterminator=line_ending)
    rows: Sequence[Sequence[str]] = redaction.rows[0] if redaction.rows else ()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)
