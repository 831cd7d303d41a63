"""``POST /api/v1/scan``: check a Word draft or an e-mail (subject, body, recipients) before it goes to AI."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import Blueprint

from nlp.finding import Finding
from server.audit import record_event
from server.contract import operation
from server.engine import engine, policy
from server.limits import require_text_within_limit
from server.recipients import external_recipients
from server.schemas import SCAN_REQUEST, SCAN_RESPONSE
from server.verdict_messages import summarise

bp = Blueprint("scan", __name__, url_prefix="/api/v1")


def split_fields(findings: Iterable[Finding], subject_length: int) -> list[dict[str, Any]]:
    """Findings of ``subject + "\\n" + text`` as dicts whose offsets index their own field.

    With no subject (``subject_length`` 0) every finding is in the body and offsets are unchanged.
    """
    body_start = subject_length + 1 if subject_length else 0
    located = []
    for finding in findings:
        entry = finding.to_dict()
        if subject_length and finding.start < subject_length:
            entry["field"] = "subject"
            entry["end"] = min(finding.end, subject_length)
        else:
            entry["field"] = "body"
            entry["start"] = finding.start - body_start
            entry["end"] = finding.end - body_start
        located.append(entry)
    return located


@operation(
    bp,
    "/scan",
    "POST",
    summary="Scan a draft: classification markings and personal data, with the verdict and its basis.",
    request_schema=SCAN_REQUEST,
    responses={200: SCAN_RESPONSE},
)
def scan(body: dict[str, Any]) -> dict[str, Any]:
    text: str = body["text"]
    subject: str = body.get("subject", "")
    require_text_within_limit(text, subject)
    combined = f"{subject}\n{text}" if subject else text
    result = engine().scan(combined)
    payload = result.to_dict()
    payload["findings"] = split_fields(result.findings, len(subject))
    payload["messages"] = summarise(result)
    if body["channel"] == "outlook":
        payload["external_recipients"] = external_recipients(
            body.get("recipients", []), policy().outlook.internal_domains
        )
    record_event(
        action="scan",
        channel=body["channel"],
        text=combined,
        verdict=result.verdict,
        type_counts=result.counts,
    )
    return payload
