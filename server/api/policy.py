"""``GET /api/v1/policy``: what the add-in needs to render — notice, reminder, articles, type labels and order."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from nlp import articles
from nlp.finding import Basis
from nlp.finding_types import FINDING_TYPES
from nlp.notice import notice_text
from nlp.policy import Policy
from server.contract import operation
from server.engine import policy
from server.schemas import POLICY_RESPONSE

bp = Blueprint("policy", __name__, url_prefix="/api/v1")


def guideline_articles() -> list[dict[str, str]]:
    """Every article the engine cites (the ``Basis`` constants of ``nlp.articles``), in definition order."""
    return [
        {"id": name, **value.to_dict()}
        for name, value in vars(articles).items()
        if isinstance(value, Basis) and name.isupper()
    ]


def describe_policy(active: Policy) -> dict[str, Any]:
    return {
        "version": active.version,
        "notice": {
            "zh-TW": notice_text(active, lang="zh-TW"),
            "en": notice_text(active, lang="en"),
            "position": active.notice.position,
        },
        "reminder": {"zh-TW": active.reminder_zh, "en": active.reminder_en},
        "articles": guideline_articles(),
        "types": {  # the add-in's labels and order (nlp/finding_types.py); JSON objects have no order
            finding_type.name: {
                "zh-TW": finding_type.zh,
                "en": finding_type.en,
                "action": active.type_action(finding_type.name),
                "order": order,
            }
            for order, finding_type in enumerate(FINDING_TYPES)
        },
        "outlook": {
            "internal_domains": list(active.outlook.internal_domains),
            "fail_mode": active.outlook.fail_mode,
            "timeout_ms": active.outlook.timeout_ms,
        },
        "addin": {"scan_on_open": bool(active.addin.scan_on_open)},
    }


@operation(
    bp,
    "/policy",
    "GET",
    summary="The active policy as the add-in renders it.",
    responses={200: POLICY_RESPONSE},
)
def get_policy() -> dict[str, Any]:
    return describe_policy(policy())
