"""``GET /api/v1/openapi.json``: the OpenAPI 3.1 document, built from the registered operations."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request

from server.contract import OPERATIONS, Operation
from server.errors import ERRORS
from server.schemas import ERROR

bp = Blueprint("openapi", __name__, url_prefix="/api/v1")

STATUS_DESCRIPTIONS = {
    400: "Malformed JSON or a field that does not match the schema.",
    401: "No valid sign-in token.",
    403: "Signed in, but not allowed (tenant, scope, role).",
    413: "Request, text or document over the size limit.",
    415: "Unsupported content type.",
    422: "Refused by policy.",
    429: "Rate limit reached; see Retry-After.",
    500: "Server error (no details are disclosed).",
}


def _content(media_type: str, schema: Any) -> dict[str, Any]:
    return {media_type: {"schema": schema if schema is not None else {}}}


def _operation_document(op: Operation) -> dict[str, Any]:
    responses: dict[str, Any] = {}
    for status in op.error_statuses:
        codes = sorted(code for code, (code_status, _, _) in ERRORS.items() if code_status == status)
        description = STATUS_DESCRIPTIONS.get(status, "Error.")
        if codes:
            description += " Codes: " + ", ".join(codes) + "."
        responses[str(status)] = {"description": description, "content": _content("application/json", ERROR)}
    for status, response in op.responses.items():
        content = _content(response.media_type, response.schema)
        for media_type, schema in response.other_media_types:
            content.update(_content(media_type, schema))
        responses[str(status)] = {"description": response.description, "content": content}
    document: dict[str, Any] = {
        "operationId": op.operation_id,
        "summary": op.summary,
        "tags": [op.tag],
        "responses": responses,
    }
    if op.parameters:
        document["parameters"] = [
            {
                "name": p.name,
                "in": p.location,
                "required": False,
                "schema": p.schema,
                "description": p.description,
            }
            for p in op.parameters
        ]
    if op.request is not None:
        document["requestBody"] = {"required": True, "content": _content(op.request_media_type, op.request)}
    document["security"] = [] if op.public else [{"entra": []}]
    return document


def build_document(server_url: str) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method] = _operation_document(op)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "AIGuard API",
            "version": "1",
            "description": (
                "Checks drafts for classification markings and personal data before they go to a "
                "generative-AI "
                "tool (新北市政府使用人工智慧作業指引). Every error is "
                '{"error": {"code", "message": {"zh-TW", "en"}}}.'
            ),
        },
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "entra": {
                    "type": "http",
                    "scheme": "bearer",
                    "bearerFormat": "JWT",
                    "description": "Microsoft Entra ID access token with scope access_as_user.",
                }
            }
        },
    }


@bp.get("/openapi.json")
def openapi_document() -> dict[str, Any]:
    return build_document(request.host_url.rstrip("/"))


openapi_document.aiguard_public = True  # type: ignore[attr-defined]
