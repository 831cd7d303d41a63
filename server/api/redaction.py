"""``POST /api/v1/redact`` and ``/restore``: prepare a text for AI, then put the real values back.

A text the engine blocks (classification or restriction marking) is never prepared for AI: 422 ``blocked``.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from server.audit import record_event
from server.contract import Response, operation
from server.engine import engine
from server.errors import ApiError
from server.limits import require_text_within_limit
from server.schemas import ERROR as ERROR_SCHEMA
from server.schemas import REDACT_REQUEST, REDACT_RESPONSE, RESTORE_REQUEST, RESTORE_RESPONSE

bp = Blueprint("redaction", __name__, url_prefix="/api/v1")


@operation(
    bp,
    "/redact",
    "POST",
    summary="Redact personal data (mask or numbered placeholders); refused for a blocked text.",
    request_schema=REDACT_REQUEST,
    responses={200: REDACT_RESPONSE, 422: Response(ERROR_SCHEMA, "The text carries a marking: blocked.")},
)
def redact(body: dict[str, Any]) -> dict[str, Any]:
    text: str = body["text"]
    mode: str = body.get("mode", "mask")
    context: list[str] = body.get("context", [])
    require_text_within_limit(text, *context)
    # the document's other parts are scanned with the text: what they reveal is redacted in it too
    redaction, *others = engine().redact_document([text, *context], mode=mode)
    result = redaction.result
    blocked = any(r.result.verdict == "block" for r in (redaction, *others))  # a marking in a header blocks too
    record_event(
        action="redact",
        channel=body.get("channel", "unspecified"),
        text=text,
        verdict="block" if blocked else result.verdict,
        type_counts=result.counts,
    )
    if blocked:
        raise ApiError("blocked")
    return {
        "text": redaction.text,
        "placeholder_map": {p: v for p, v in redaction.placeholder_map.items() if p in redaction.text},
        "verdict": result.verdict,
        "findings": [f.to_dict() for f in result.findings],
    }


@operation(
    bp,
    "/restore",
    "POST",
    summary="Put the real values back into an AI answer, using the placeholder map of /redact.",
    request_schema=RESTORE_REQUEST,
    responses={200: RESTORE_RESPONSE},
)
def restore(body: dict[str, Any]) -> dict[str, Any]:
    text: str = body["text"]
    placeholder_map: dict[str, str] = body["map"]
    require_text_within_limit(text)
    from nlp.restoration import restore as restore_values

    restoration = restore_values(text, placeholder_map)
    record_event(action="restore", channel=body.get("channel", "unspecified"), text=text, type_counts={})
    return {"text": restoration.text, "restored": restoration.count}
