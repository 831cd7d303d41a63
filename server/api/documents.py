"""``POST /api/v1/documents``: a whole .docx — scan report with locations, or the document with a notice
inserted (``?action=notice``) or personal data redacted (``?action=redact&mode=mask|placeholder``).

Reading and writing .docx is ``nlp.documents``' job; this module maps its ``DocumentError`` (corrupt,
encrypted, zip bomb, XML entities) to 400/413/415 and records the audit event.
"""

from __future__ import annotations

import base64
from pathlib import PurePath
from typing import Any

from flask import Blueprint, Response, current_app, request

from nlp.notice import notice_text
from server.audit import record_event
from server.contract import Parameter, operation
from server.contract import Response as Documented
from server.disposition import attachment, safe_filename
from server.engine import engine, policy
from server.errors import ApiError
from server.limits import require_text_within_limit
from server.schemas import DOCUMENT_REPORT, ERROR, REDACTED_DOCUMENT, REDACTION_MODES
from server.verdict_messages import summarise

bp = Blueprint("documents", __name__, url_prefix="/api/v1")

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCUMENT_UPLOAD = {
    "type": "object",
    "properties": {"file": {"type": "string", "format": "binary", "description": "The .docx file."}},
    "required": ["file"],
}
STATUS_CODES = {413: "document_too_large", 415: "unsupported_media_type"}


def _document_error(error: Any) -> ApiError:
    """``nlp.documents.DocumentError`` (corrupt, encrypted, zip bomb, XML entities …) as the API's error."""
    status = int(getattr(error, "http_status", 400))
    code = STATUS_CODES.get(status, "invalid_document")
    return ApiError(code, zh=getattr(error, "zh", None), en=getattr(error, "en", None))


def _uploaded_docx() -> tuple[bytes, str]:
    if request.mimetype != "multipart/form-data":
        raise ApiError(
            "unsupported_media_type",
            zh="請以 multipart/form-data 上傳 .docx 檔（欄位 file）。",
            en="Upload the .docx as multipart/form-data (field file).",
        )
    upload = request.files.get("file")
    if upload is None:
        raise ApiError("invalid_request", zh="欄位 file：必填", en="Field file: is required")
    settings = current_app.config["AIGUARD_SETTINGS"]
    data = upload.stream.read(settings.max_docx_bytes + 1)
    if len(data) > settings.max_docx_bytes:
        raise ApiError(
            "document_too_large",
            zh=f"文件超過 {settings.max_docx_bytes // (1024 * 1024)} MB 上限。",
            en=f"The document exceeds the {settings.max_docx_bytes // (1024 * 1024)} MB limit.",
        )
    from nlp.documents.docx import check_docx
    from nlp.documents.errors import DocumentError

    try:
        check_docx(data, max_uncompressed=settings.max_docx_uncompressed_bytes)
    except DocumentError as error:
        raise _document_error(error) from None
    return data, safe_filename(upload.filename)


def _locate(findings: Any, docx_text: Any) -> list[dict[str, Any]]:
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
def documents() -> Any:
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
    from nlp.documents.docx import insert_notice_docx, read_docx, redact_docx
    from nlp.documents.errors import DocumentError

    try:
        docx_text = read_docx(data)
        require_text_within_limit(docx_text.text)
        if action == "scan":
            return _report(docx_text, filename)
        if action == "notice":
            return _with_notice(data, docx_text, filename, insert_notice_docx)
        return _redacted(data, docx_text, filename, mode, redact_docx)
    except DocumentError as error:
        raise _document_error(error) from None


def _audit(action: str, text: str, result: Any) -> None:
    record_event(action=action, channel="word", text=text, verdict=result.verdict, type_counts=result.counts)


def _report(docx_text: Any, filename: str) -> dict[str, Any]:
    result = engine().scan(docx_text.text)
    _audit("document_scan", docx_text.text, result)
    report = result.to_dict()
    report["findings"] = _locate(result.findings, docx_text)
    report["messages"] = summarise(result)
    report["filename"] = filename
    return report


def _with_notice(data: bytes, docx_text: Any, filename: str, insert_notice_docx: Any) -> Response:
    active = policy()
    changed = insert_notice_docx(
        data, notice_text(active, lang="zh-TW"), notice_text(active, lang="en"), active.notice.position
    )
    response = _download(changed, filename, "-ai-notice")
    _audit("document_notice", docx_text.text, engine().scan(docx_text.text))  # only once the answer exists
    return response


def _redacted(data: bytes, docx_text: Any, filename: str, mode: str, redact_docx: Any) -> dict[str, Any]:
    """The redacted document and its placeholder map in one JSON body: a map of any size never rides in a
    header (proxies refuse large headers: nginx answers 502 above its buffer)."""
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
