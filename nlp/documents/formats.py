"""One entry point per action for the slide, spreadsheet and ODF formats, used by the CLI and the server.

``kind`` is the file's suffix without the dot: ``xlsx``, ``csv``, ``ods`` (tables, scanned with
:func:`nlp.table.scan_tables`, header-aware, located by sheet and cell) and ``pptx``, ``odt``, ``odp`` (text,
scanned with ``Engine.scan``, located by slide and shape or paragraph). Every function raises
:class:`nlp.documents.DocumentError` for a file it refuses, and takes the file's bytes or, to check it once
for several calls, what :func:`open_document` returned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Unpack

from nlp.documents.archive import Document, Limits, file_bytes, open_archive
from nlp.documents.errors import DocumentError
from nlp.engine import Engine
from nlp.finding import ScanResult
from nlp.table import Table, redact_tables, scan_tables

TABLE_KINDS = ("xlsx", "csv", "ods")
TEXT_KINDS = ("pptx", "odt", "odp")
KINDS = TABLE_KINDS + TEXT_KINDS
NOTICE_KINDS = ("pptx",)
MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "csv": "text/csv",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}


@dataclass(frozen=True)
class DocumentScan:
    """The engine's result for a file, the text it scanned, and where each offset of that text is."""

    text: str
    result: ScanResult
    locate: Callable[[int, int], dict[str, Any]]

    def located_findings(self) -> list[dict[str, Any]]:
        """The findings as dicts, each with its ``location``."""
        return [{**f.to_dict(), "location": self.locate(f.start, f.end)} for f in self.result.findings]


@dataclass(frozen=True)
class DocumentRedaction:
    data: bytes
    placeholder_map: dict[str, str]
    result: ScanResult


def _tables(data: Document, kind: str, name: str, limits: Limits) -> tuple[Table, ...]:
    if kind == "xlsx":
        from nlp.documents.spreadsheet import read_xlsx

        return read_xlsx(data, **limits)
    if kind == "csv":
        from nlp.documents.spreadsheet import read_csv

        return read_csv(file_bytes(data), name)
    from nlp.documents.opendocument import read_ods

    return read_ods(data, **limits)


def _text(data: Document, kind: str, limits: Limits) -> Any:
    if kind == "pptx":
        from nlp.documents.presentation import read_pptx

        return read_pptx(data, **limits)
    from nlp.documents.opendocument import read_odf

    return read_odf(data, kind, **limits)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise DocumentError("unsupported_format", detail=kind)


def open_document(data: bytes, kind: str, **limits: Unpack[Limits]) -> Document:
    """The file checked once (:func:`nlp.documents.archive.open_archive` for the zip-based kinds), to hand to the
    functions below in place of its bytes: a request then checks and decompresses it once."""
    _check_kind(kind)
    return bytes(data) if kind == "csv" else open_archive(data, kind, **limits)


def scan_document(engine: Engine, data: Document, kind: str, *, name: str = "",
                  **limits: Unpack[Limits]) -> DocumentScan:
    """Read and scan a file; ``name`` names a .csv's only sheet."""
    _check_kind(kind)
    if kind in TABLE_KINDS:
        table_scan = scan_tables(engine, _tables(data, kind, name, limits))
        return DocumentScan(table_scan.text, table_scan.result, table_scan.locate)
    located = _text(data, kind, limits)
    return DocumentScan(located.text, engine.scan(located.text), located.locate)


def redact_document(engine: Engine, data: Document, kind: str, mode: str = "mask",
                    **limits: Unpack[Limits]) -> DocumentRedaction:
    """The file with its personal data redacted, formatting kept. A blocked file comes back unchanged with
    its result (verdict ``block``): the caller refuses it."""
    _check_kind(kind)
    if kind in TABLE_KINDS:
        redaction = redact_tables(engine, _tables(data, kind, "", limits), mode)
        if redaction.result.verdict == "block":
            return DocumentRedaction(file_bytes(data), {}, redaction.result)
        if kind == "xlsx":
            from nlp.documents.spreadsheet import redact_xlsx

            changed = redact_xlsx(data, redaction, **limits)
        elif kind == "csv":
            from nlp.documents.spreadsheet import redact_csv

            changed = redact_csv(file_bytes(data), redaction)
        else:
            from nlp.documents.opendocument import redact_ods

            changed = redact_ods(data, redaction, **limits)
        return DocumentRedaction(changed, redaction.placeholder_map, redaction.result)
    text_redaction = engine.redact(_text(data, kind, limits).text, mode=mode)
    if text_redaction.result.verdict == "block":
        return DocumentRedaction(file_bytes(data), {}, text_redaction.result)
    if kind == "pptx":
        from nlp.documents.presentation import redact_pptx

        changed = redact_pptx(data, list(text_redaction.replacements), **limits)
    else:
        from nlp.documents.opendocument import redact_odf

        changed = redact_odf(data, kind, list(text_redaction.replacements), **limits)
    return DocumentRedaction(changed, dict(text_redaction.placeholder_map), text_redaction.result)


def insert_notice_document(data: Document, kind: str, notice: str, placement: str = "first_slide",
                           **limits: Unpack[Limits]) -> bytes:
    """The file with the AI notice inserted once (see ``insert_notice_pptx``); other kinds are refused."""
    _check_kind(kind)
    if kind not in NOTICE_KINDS:
        raise DocumentError("notice_unsupported", detail=kind)
    from nlp.documents.presentation import insert_notice_pptx

    return insert_notice_pptx(data, notice, placement, **limits)
