"""``POST /api/v1/notice``: the AI-use notice the add-in inserts, recorded as a notice event."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from nlp.notice import notice_text
from server.audit import record_event
from server.contract import operation
from server.engine import policy
from server.schemas import NOTICE_REQUEST, NOTICE_RESPONSE

bp = Blueprint("notice", __name__, url_prefix="/api/v1")


@operation(
    bp,
    "/notice",
    "POST",
    summary="Record an inserted AI-use notice; returns the notice texts and the final-judgment reminder.",
    request_schema=NOTICE_REQUEST,
    responses={200: NOTICE_RESPONSE},
)
def notice(body: dict[str, Any]) -> dict[str, Any]:
    active = policy()
    lang: str = body.get("lang", "zh-TW")
    texts = {"zh-TW": notice_text(active, lang="zh-TW"), "en": notice_text(active, lang="en")}
    record_event(action="notice", channel=body["channel"], text="", type_counts={})
    return {
        "text": texts[lang],
        "notice": texts,
        "position": active.notice.position,
        "reminder": {"zh-TW": active.reminder_zh, "en": active.reminder_en},
    }
