"""JSON Schemas of every request and response, written once.

Views validate requests with them (``server.validation``) and ``server.openapi`` publishes them. The
finding and scan-result shapes mirror ``nlp.finding`` ``to_dict()``: the API returns the engine's fields,
not a second shape.
"""

from __future__ import annotations

from typing import Any

from nlp.finding_types import TYPE_NAMES

Schema = dict[str, Any]

CHANNELS = ["word", "outlook", "powerpoint", "excel"]
LANGS = ["zh-TW", "en"]
VERDICTS = ["block", "redact", "allow"]
REDACTION_MODES = ["mask", "placeholder"]
ACTIONS = ["block", "redact", "report", "ignore"]
FINDING_TYPE_NAMES = list(TYPE_NAMES)  # the engine's table of finding types (nlp/finding_types.py)


def _object(
    properties: dict[str, Schema], required: list[str] | None = None, extra: bool | Schema = False
) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": extra,
    }


STRING: Schema = {"type": "string"}
CHANNEL: Schema = {"type": "string", "enum": CHANNELS}
BILINGUAL: Schema = _object({"zh-TW": STRING, "en": STRING})
BASIS: Schema = _object({"article": STRING, "zh-TW": STRING, "en": STRING})
FINDING_TYPE: Schema = {"type": "string", "enum": FINDING_TYPE_NAMES}
COUNTS: Schema = {
    "type": "object",
    "propertyNames": FINDING_TYPE,
    "additionalProperties": {"type": "integer", "minimum": 0},
}
# Not checked further: an address without a known internal domain is simply reported as external.
EMAIL_ADDRESS: Schema = {"type": "string", "maxLength": 320}

ERROR: Schema = _object(
    {"error": _object({"code": STRING, "message": BILINGUAL})},
)

LOCATION: Schema = {
    "type": "object",
    "description": "Where in the .docx: part (body, table, header, footer) and indices (read_docx).",
    "properties": {"part": STRING},
    "additionalProperties": True,
}

FINDING: Schema = _object(
    {
        "type": FINDING_TYPE,
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0},
        "text": STRING,
        "score": {"type": "number"},
        "recognizer": STRING,
        "evidence": {"type": "array", "items": STRING},
        "basis": {"type": ["object", "null"], "properties": BASIS["properties"]},
        "personal": {"type": "boolean"},
        "action": {"type": "string", "enum": ACTIONS},
        "level": STRING,
        "field": {"type": "string", "enum": ["body", "subject"]},
        "location": LOCATION,
    },
    required=[
        "type",
        "start",
        "end",
        "text",
        "score",
        "recognizer",
        "evidence",
        "basis",
        "personal",
        "action",
    ],
)

SCAN_RESULT_PROPERTIES: dict[str, Schema] = {
    "verdict": {"type": "string", "enum": VERDICTS},
    "basis": BASIS,
    "findings": {"type": "array", "items": FINDING},
    "counts": COUNTS,
    "notice_present": {"type": "boolean"},
    "warnings": {"type": "array", "items": BASIS},
    "policy_version": STRING,
    "text_length": {"type": "integer", "minimum": 0},
}

SCAN_REQUEST: Schema = _object(
    {
        "text": {"type": "string", "description": "The draft (Word body or e-mail body)."},
        "channel": CHANNEL,
        "subject": {"type": "string", "maxLength": 10_000},
        "recipients": {"type": "array", "items": EMAIL_ADDRESS, "maxItems": 1000},
    },
    required=["text", "channel"],
)
SCAN_RESPONSE: Schema = _object(
    {
        **SCAN_RESULT_PROPERTIES,
        "messages": BILINGUAL,
        "external_recipients": {"type": "array", "items": STRING},
    },
    required=[*SCAN_RESULT_PROPERTIES, "messages"],
)

REDACT_REQUEST: Schema = _object(
    {
        "text": STRING,
        "mode": {"type": "string", "enum": REDACTION_MODES},
        "channel": CHANNEL,
        "context": {
            "type": "array",
            "items": STRING,
            "maxItems": 200,
            "description": "The document's other parts (headers, footers, subject): a value found there is "
            "redacted in the text too, under the same placeholder.",
        },
    },
    required=["text"],
)
# Bounded so that a map cannot make /restore expensive: restore is linear in the text, and each literal key
# costs at most one lookup per length; the body limit (AIGUARD_MAX_REQUEST_BYTES) bounds the rest.
MAX_PLACEHOLDERS = 10_000
MAX_PLACEHOLDER_CHARACTERS = 64
MAX_ORIGINAL_VALUE_CHARACTERS = 2_000
PLACEHOLDER_MAP: Schema = {
    "type": "object",
    "propertyNames": {"type": "string", "minLength": 1, "maxLength": MAX_PLACEHOLDER_CHARACTERS},
    "additionalProperties": {"type": "string", "maxLength": MAX_ORIGINAL_VALUE_CHARACTERS},
    "maxProperties": MAX_PLACEHOLDERS,
}
REDACT_RESPONSE: Schema = _object(
    {
        "text": STRING,
        "placeholder_map": PLACEHOLDER_MAP,
        "verdict": {"type": "string", "enum": VERDICTS},
        "findings": {"type": "array", "items": FINDING},
    }
)

RESTORE_REQUEST: Schema = _object(
    {"text": STRING, "map": PLACEHOLDER_MAP, "channel": CHANNEL}, required=["text", "map"]
)
RESTORE_RESPONSE: Schema = _object({"text": STRING, "restored": {"type": "integer", "minimum": 0}})

NOTICE_REQUEST: Schema = _object(
    {"channel": CHANNEL, "lang": {"type": "string", "enum": LANGS}},
    required=["channel"],
)
NOTICE_RESPONSE: Schema = _object(
    {
        "text": STRING,
        "notice": BILINGUAL,
        "position": {"type": "string", "enum": ["top", "bottom"]},
        "reminder": BILINGUAL,
    }
)

POLICY_RESPONSE: Schema = _object(
    {
        "version": STRING,
        "notice": _object(
            {"zh-TW": STRING, "en": STRING, "position": {"type": "string", "enum": ["top", "bottom"]}}
        ),
        "reminder": BILINGUAL,
        "articles": {"type": "array", "items": _object({"id": STRING, **BASIS["properties"]})},
        "types": {
            "type": "object",
            "description": "Every finding type: labels, the policy's action, and display order (0 first).",
            "propertyNames": FINDING_TYPE,
            "additionalProperties": _object(
                {
                    "zh-TW": STRING,
                    "en": STRING,
                    "action": {"type": "string", "enum": ACTIONS},
                    "order": {"type": "integer", "minimum": 0},
                }
            ),
        },
        "outlook": _object(
            {
                "internal_domains": {"type": "array", "items": STRING},
                "fail_mode": {"type": "string", "enum": ["open", "closed"]},
                "timeout_ms": {"type": "integer", "minimum": 0},
            }
        ),
        "addin": _object({"scan_on_open": {"type": "boolean"}}),
    }
)

DOCUMENT_REPORT: Schema = _object(
    {**SCAN_RESULT_PROPERTIES, "messages": BILINGUAL, "filename": STRING},
)

REDACTED_DOCUMENT: Schema = _object(
    {
        "filename": STRING,
        "media_type": STRING,
        "document": {"type": "string", "contentEncoding": "base64"},
        "placeholder_map": PLACEHOLDER_MAP,
        "verdict": {"type": "string", "enum": VERDICTS},
        "counts": COUNTS,
    }
)

HEALTH_RESPONSE: Schema = _object({"status": {"type": "string", "enum": ["ok"]}})
READY_RESPONSE: Schema = _object(
    {
        "status": {"type": "string", "enum": ["ready", "not_ready"]},
        "checks": _object(
            {"engine": {"type": "boolean"}, "database": {"type": "boolean"}, "rate_limit_store": {"type": "boolean"}}
        ),
    }
)
