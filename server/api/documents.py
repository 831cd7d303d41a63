"""``POST /api/v1/documents``: a whole .docx — scan report with locations, or the document with a notice
inserted (``?action=notice``) or personal data redacted (``?action=redact&mode=mask|placeholder``).

Reading and writing .docx is ``nlp.documents``' job; this module maps its ``DocumentError`` (corrupt,
encrypted, zip bomb, XML entities) to 400/413/415 (``DOCUMENT_ERROR_CODES``) and records the audit event.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from flask import Blueprint, Response, current_app, request

from nlp.finding import Finding, ScanResult
from nlp.notice import notice_text
from server.audit import record_event
from server.config import Settings
from server.contract import Parameter, operation
from server.contract import Response as Documented
from server.disposition import attachment, safe_filename
from server.engine import engine, policy
from server.errors import ApiError
from server.limits import require_text_within_limit
from server.schemas import DOCUMENT_REPORT, ERROR, REDACTED_DOCUMENT, REDACTION_MODES
from server.verdict_messages import summarise

if TYPE_CHECKING:  # nlp.documents (lxml, python-pptx, openpyxl) is imported when a document first arrives
    from nlp.documents.archive import Document
    from nlp.documents.docx import DocxText
    from nlp.documents.errors import DocumentError

bp = Blueprint("documents", __name__, url_prefix="/api/v1")

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCUMENT_UPLOAD = {
    "type": "object",
    "properties": {"file": {"type": "string", "format": "binary", "description": "The .docx file."}},
    "required": ["file"],
}
# ``nlp.documents.DocumentError`` code -> the API's error code (server/errors.py gives its HTTP status):
# 413 for what is too big, 415 for what is not a file we take, 400 for a file that is broken or hostile.
DOCUMENT_ERROR_CODES = {
    "too_large": "document_too_large",
    "zip_bomb": "document_too_large",
    "not_docx": "unsupported_media_type",
    "legacy_doc": "unsupported_media_type",
    "legacy_office": "unsupported_media_type",
    "encrypted": "unsupported_media_type",
    "macro_enabled": "unsupported_media_type",
    "unsupported_format": "unsupported_media_type",
    "notice_unsupported": "unsupported_media_type",
    "xml_entities": "invalid_document",
    "corrupt": "invalid_document",
}


def _document_error(error: DocumentError) -> ApiError:
    """``nlp.documents.DocumentError`` (corrupt, encrypted, zip bomb, XML entities …) as the API's error."""
    return ApiError(DOCUMENT_ERROR_CODES.get(error.code, "invalid_document"), zh=error.zh, en=error.en)


def _uploaded_docx() -> tuple[Document, str]:
    """The uploaded file, checked once under the configured limits (``nlp.documents.archive.CheckedArchive``, or
    a .csv's bytes), to hand to every reader and writer of the request; and its safe name."""
    if request.mimetype != "multipart/form-data":
        raise ApiError(
            "unsupported_media_type",
            zh="請以 multipart/form-data 上傳 .docx 檔（欄位 file）。",
            en="Upload the .docx as multipart/form-data (field file).",
        )
    upload = request.files.get("file")
    if upload is None:
        raise ApiError("invalid_request", zh="欄位 file：必填", en="Field file: is required")
    settings: Settings = current_app.config["AIGUARD_SETTINGS"]
    data = upload.stream.read(settings.max_docx_bytes + 1)
    if len(data) > settings.max_docx_bytes:
        raise ApiError(
            "document_too_large",
            zh=f"文件超過 {settings.max_docx_bytes // (1024 * 1024)} MB 上限。",
            en=f"The document exceeds the {settings.max_docx_bytes // (1024 * 1024)} MB limit.",
        )
    from nlp.documents.docx import check_docx
    from nlp.documents.errors import DocumentError
    from nlp.documents.formats import KINDS, open_document

    kind = _kind(upload.filename)
    max_uncompressed = settings.max_docx_uncompressed_bytes
    try:
        checked = (open_document(data, kind, max_uncompressed=max_uncompressed) if kind in KINDS
                   else check_docx(data, max_uncompressed=max_uncompressed))
    except DocumentError as error:
        raise _document_error(error) from None
    return checked, safe_filename(upload.filename)


def _locate(findings: Iterable[Finding], docx_text: DocxText) -> list[dict[str, Any]]:
    """Each finding as a dict with ``location``: the paragraph (body, table cell, header, footer) it is in."""
    located = []
    for finding in findings:
        entry = finding.to_dict()
        entry["location"] = docx_text.locate(finding.start, finding.end)
        located.append(entry)
    return located


def _download(data: bytes, filename: str, suffix: str) -> Response:
    stem = PurePath(filename).stem or "document"
    response = Response(data, mimetype=DOCX_MEDIA_TYPE)
    response.headers["Content-Disposition"] = attachment(f"{stem}{suffix}.docx")
    return response


@operation(
    bp,
    "/documents",
    "POST",
    summary="Scan a .docx (report with locations), or return it with a notice inserted or data redacted.",
    request_schema=DOCUMENT_UPLOAD,
    request_media_type="multipart/form-data",
    parameters=(
        Parameter(
            "action", {"type": "string", "enum": ["scan", "notice", "redact"]}, "What to do; default scan."
        ),
        Parameter("mode", {"type": "string", "enum": REDACTION_MODES}, "Redaction mode for action=redact."),
    ),
    responses={
        200: Documented(
            {"anyOf": [DOCUMENT_REPORT, REDACTED_DOCUMENT]},
            "Scan report (action=scan), the document with the notice (action=notice, a .docx download) or the "
            "redacted document, base64, with its placeholder map (action=redact, JSON).",
            other_media_types=((DOCX_MEDIA_TYPE, {"type": "string", "format": "binary"}),),
        ),
        422: Documented(ERROR, "The document carries a marking: not redacted for AI."),
    },
)
def documents() -> dict[str, Any] | Response:
    action = request.args.get("action", "scan")
    mode = request.args.get("mode", "mask")
    if action not in ("scan", "notice", "redact"):
        raise ApiError(
            "invalid_request",
            zh="參數 action 只接受 scan、notice、redact",
            en="action must be scan, notice or redact",
        )
    if mode not in REDACTION_MODES:
        raise ApiError(
            "invalid_request", zh="參數 mode 只接受 mask、placeholder", en="mode must be mask or placeholder"
        )
    data, filename = _uploaded_docx()
    from nlp.documents.formats import KINDS

    if _kind(filename) in KINDS:
        return _office_document(data, filename, _kind(filename), action, mode)
    from nlp.documents.docx import read_docx
    from nlp.documents.errors import DocumentError

    try:
        docx_text = read_docx(data)
        require_text_within_limit(docx_text.text)
        if action == "scan":
            return _report(docx_text, filename)
        if action == "notice":
            return _with_notice(data, docx_text, filename)
        return _redacted(data, docx_text, filename, mode)
    except DocumentError as error:
        raise _document_error(error) from None


def _audit(action: str, text: str, result: ScanResult) -> None:
    record_event(action=action, channel="word", text=text, verdict=result.verdict, type_counts=result.counts)


def _report(docx_text: DocxText, filename: str) -> dict[str, Any]:
    result = engine().scan(docx_text.text)
    _audit("document_scan", docx_text.text, result)
    report = result.to_dict()
    report["findings"] = _locate(result.findings, docx_text)
    report["messages"] = summarise(result)
    report["filename"] = filename
    return report


def _with_notice(data: Document, docx_text: DocxText, filename: str) -> Response:
    from nlp.documents.docx import insert_notice_docx

    active = policy()
    changed = insert_notice_docx(
        data, notice_text(active, lang="zh-TW"), notice_text(active, lang="en"), active.notice.position
    )
    response = _download(changed, filename, "-ai-notice")
    _audit("document_notice", docx_text.text, engine().scan(docx_text.text))  # only once the answer exists
    return response


def _redacted(data: Document, docx_text: DocxText, filename: str, mode: str) -> dict[str, Any]:
    """The redacted document and its placeholder map in one JSON body: a map of any size never rides in a
    header (proxies refuse large headers: nginx answers 502 above its buffer)."""
    from nlp.documents.docx import redact_docx

    redaction = engine().redact(docx_text.text, mode=mode)
    if redaction.result.verdict == "block":
        _audit("document_redact", docx_text.text, redaction.result)
        raise ApiError("blocked")
    changed = redact_docx(data, redaction.replacements)
    stem = PurePath(filename).stem or "document"
    answer = {
        "filename": safe_filename(f"{stem}-redacted.docx"),
        "media_type": DOCX_MEDIA_TYPE,
        "document": base64.b64encode(changed).decode("ascii"),
        "placeholder_map": dict(redaction.placeholder_map),
        "verdict": redaction.result.verdict,
        "counts": dict(redaction.result.counts),
    }
    _audit("document_redact", docx_text.text, redaction.result)
    return answer


# --------------------------------------------------------------------------------------------------
# Slides, spreadsheets and ODF files (nlp.documents.formats), and tables sent by the Excel pane

CHANNEL_OF_KIND = {"pptx": "powerpoint", "odp": "powerpoint", "xlsx": "excel", "csv": "excel", "ods": "excel",
                   "odt": "word"}


def _kind(filename: str | None) -> str:
    return PurePath(filename or "").suffix.lower().lstrip(".")


def _office_document(data: Document, filename: str, kind: str, action: str, mode: str) -> dict[str, Any] | Response:
    """``/documents`` for .pptx, .xlsx, .csv, .odt, .ods, .odp: the same three actions as for .docx."""
    from nlp.documents.errors import DocumentError
    from nlp.documents.formats import MEDIA_TYPES, insert_notice_document, redact_document, scan_document

    channel = CHANNEL_OF_KIND[kind]
    stem = PurePath(filename).stem or "document"
    try:  # ``data`` was checked once under the configured limits (_uploaded_docx): nothing checks it again
        scanned = scan_document(engine(), data, kind, name=stem)
        require_text_within_limit(scanned.text)
        if action == "scan":
            report = scanned.result.to_dict()
            report["findings"] = scanned.located_findings()
            report["messages"] = summarise(scanned.result)
            report["filename"] = filename
            _audit_channel("document_scan", channel, scanned.text, scanned.result)
            return report
        if action == "notice":
            changed = insert_notice_document(data, kind, notice_text(policy(), lang="zh-TW"))
            response = Response(changed, mimetype=MEDIA_TYPES[kind])
            response.headers["Content-Disposition"] = attachment(f"{stem}-ai-notice.{kind}")
            _audit_channel("document_notice", channel, scanned.text, scanned.result)
            return response
        redaction = redact_document(engine(), data, kind, mode)
    except DocumentError as error:
        raise _document_error(error) from None
    _audit_channel("document_redact", channel, scanned.text, redaction.result)
    if redaction.result.verdict == "block":
        raise ApiError("blocked")
    return {
        "filename": safe_filename(f"{stem}-redacted.{kind}"),
        "media_type": MEDIA_TYPES[kind],
        "document": base64.b64encode(redaction.data).decode("ascii"),
        "placeholder_map": dict(redaction.placeholder_map),
        "verdict": redaction.result.verdict,
        "counts": dict(redaction.result.counts),
    }


def _audit_channel(action: str, channel: str, text: str, result: ScanResult) -> None:
    record_event(action=action, channel=channel, text=text, verdict=result.verdict, type_counts=result.counts)


CELL_VALUE = {"type": ["string", "number", "boolean", "null"]}
TABLE_REQUEST = {
    "type": "object",
    "properties": {
        "sheets": {
            "type": "array",
            "minItems": 1,
            "maxItems": 50,
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string", "maxLength": 255},
                    "rows": {"type": "array", "items": {"type": "array", "items": CELL_VALUE}},
                    # numbers rather than integers: JSON Schema counts 146.0 as an integer, our validator not
                    "origin": {"type": "array", "items": {"type": "number", "minimum": 0, "maximum": 1048576},
                               "minItems": 2, "maxItems": 2},
                    "header_row": {"type": "number", "minimum": -1, "maximum": 1048576},
                },
                "required": ["name", "rows"],
                "additionalProperties": False,
            },
        },
        "action": {"type": "string", "enum": ["scan", "redact"]},
        "mode": {"type": "string", "enum": REDACTION_MODES},
        "channel": {"type": "string", "enum": ["excel", "powerpoint", "word", "outlook"]},
    },
    "required": ["sheets"],
    "additionalProperties": False,
}
TABLE_ANSWER = {
    "type": "object",
    "properties": {"verdict": {"type": "string", "enum": ["block", "redact", "allow"]},
                   "findings": {"type": "array", "items": {"type": "object"}}},
    "required": ["verdict", "findings"],
    "additionalProperties": True,
}


@operation(
    bp,
    "/documents/table",
    "POST",
    summary="Scan sheets of cells (header-aware, findings with sheet and cell), or redact them to tab-separated "
    "text with one placeholder per value.",
    request_schema=TABLE_REQUEST,
    responses={200: TABLE_ANSWER, 422: Documented(ERROR, "The table carries a marking: not redacted for AI.")},
)
def documents_table(body: dict[str, Any]) -> dict[str, Any]:
    from nlp.table import Table, cell_text, redact_tables, scan_tables

    tables = [
        Table(sheet["name"], sheet["rows"], (int(sheet.get("origin", (0, 0))[0]), int(sheet.get("origin", (0, 0))[1])),
              None if sheet.get("header_row") is None else int(sheet["header_row"]))
        for sheet in body["sheets"]
    ]
    require_text_within_limit(*(cell_text(v) for t in tables for row in t.rows for v in row),
                              *(t.name for t in tables))
    channel = body.get("channel", "excel")
    if body.get("action", "scan") == "scan":
        table_scan = scan_tables(engine(), tables)
        _audit_channel("scan", channel, table_scan.text, table_scan.result)
        report = table_scan.result.to_dict()
        report["findings"] = [{**f.to_dict(), "location": table_scan.locate(f.start, f.end)}
                              for f in table_scan.result.findings]
        report["messages"] = summarise(table_scan.result)
        return report
    redaction = redact_tables(engine(), tables, body.get("mode", "mask"))
    _audit_channel("redact", channel, redaction.table_scan.text, redaction.result)
    if redaction.result.verdict == "block":
        raise ApiError("blocked")
    return {
        "text": "\n\n".join(redaction.tsv(index) for index in range(len(tables))),
        "rows": [[list(row) for row in rows] for rows in redaction.rows],
        "placeholder_map": dict(redaction.placeholder_map),
        "verdict": redaction.result.verdict,
        "findings": [f.to_dict() for f in redaction.result.findings],
    }
