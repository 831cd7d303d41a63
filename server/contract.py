"""Operations: a view's decorator is its contract and its entry in the OpenAPI document.

``@operation(bp, "/scan", "POST", request=SCAN_REQUEST, responses={200: SCAN_RESPONSE})`` registers the
route, parses and validates the JSON body (415 for another media type, 400 for malformed JSON or a field
that does not match, 413 over the size limit) and passes the decoded body to the view. The registry
:data:`OPERATIONS` is what ``server.openapi`` turns into the document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from flask import Blueprint, current_app, request

from server.errors import ApiError
from server.schemas import Schema
from server.validation import validate

# Errors every operation of a kind can answer with; documented for each.
MAX_JSON_DEPTH = 32
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
JSON_BODY_ERRORS = (400, 413, 415)
SIGNED_IN_ERRORS = (401, 403, 429)


@dataclass(frozen=True)
class Parameter:
    name: str
    schema: Schema
    description: str = ""
    location: str = "query"


@dataclass(frozen=True)
class Response:
    schema: Schema | None
    description: str
    media_type: str = "application/json"
    other_media_types: tuple[tuple[str, Schema], ...] = ()


@dataclass(frozen=True)
class Operation:
    path: str
    method: str
    operation_id: str
    summary: str
    tag: str
    request: Schema | None = None
    request_media_type: str = "application/json"
    responses: dict[int, Response] = field(default_factory=dict)
    parameters: tuple[Parameter, ...] = ()
    public: bool = False
    error_statuses: tuple[int, ...] = ()


OPERATIONS: list[Operation] = []


def read_json_body(schema: Schema) -> Any:
    """Decode and validate the JSON body of the current request."""
    settings = current_app.config["AIGUARD_SETTINGS"]
    if request.mimetype != "application/json":
        raise ApiError(
            "unsupported_media_type", zh="請以 application/json 傳送。", en="Send application/json."
        )
    limit = settings.max_request_bytes
    if request.content_length is not None and request.content_length > limit:
        raise ApiError("request_too_large")
    # A chunked body has no Content-Length: read one byte past the limit, so "too large" is 413, not a cut-off
    # JSON document answered with 400.
    request.max_content_length = limit + 1
    raw = request.get_data(cache=True)
    if len(raw) > limit:
        raise ApiError("request_too_large")
    try:
        body = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except RecursionError:
        raise _too_deep() from None
    except (UnicodeDecodeError, ValueError):
        raise ApiError("malformed_json") from None
    body = without_lone_surrogates(body)
    validate(body, schema)
    return body


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _too_deep() -> ApiError:
    return ApiError(
        "invalid_request",
        zh=f"請求內容巢狀層數過多（上限 {MAX_JSON_DEPTH} 層）。",
        en=f"The request is nested too deeply (limit {MAX_JSON_DEPTH} levels).",
    )


def _replace_surrogates(text: str) -> str:
    return text if text.isascii() else LONE_SURROGATE.sub("\ufffd", text)


def without_lone_surrogates(value: Any, depth: int = 0) -> Any:
    """``value`` with every lone UTF-16 surrogate in its strings and keys replaced by U+FFFD.

    JavaScript's ``JSON.stringify`` sends half of a broken pair as ``"\\ud800"``, which Python decodes to a
    string that cannot be encoded again. U+FFFD is one code point and one UTF-16 unit, like the surrogate it
    replaces, so every offset stays the same for the server and for the add-in. Nesting deeper than
    :data:`MAX_JSON_DEPTH` is refused (no schema here is more than a few levels deep).
    """
    if depth > MAX_JSON_DEPTH:
        raise _too_deep()
    if isinstance(value, str):
        return _replace_surrogates(value)
    if isinstance(value, list):
        return [without_lone_surrogates(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {_replace_surrogates(k): without_lone_surrogates(v, depth + 1) for k, v in value.items()}
    return value


def operation(
    blueprint: Blueprint,
    rule: str,
    method: str,
    *,
    summary: str,
    responses: dict[int, Response | Schema],
    request_schema: Schema | None = None,
    request_media_type: str = "application/json",
    parameters: tuple[Parameter, ...] = (),
    public: bool = False,
    extra_errors: tuple[int, ...] = (),
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a view as an API operation; a JSON ``request_schema`` makes the body its first argument."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        path = (blueprint.url_prefix or "") + rule
        errors = list(extra_errors)
        if request_schema is not None or request_media_type != "application/json":
            errors += JSON_BODY_ERRORS
        if not public:
            errors += SIGNED_IN_ERRORS
        OPERATIONS.append(
            Operation(
                path=path,
                method=method.lower(),
                operation_id=view.__name__,
                summary=summary,
                tag=blueprint.name,
                request=request_schema,
                request_media_type=request_media_type,
                responses={
                    status: r if isinstance(r, Response) else Response(r, summary)
                    for status, r in responses.items()
                },
                parameters=parameters,
                public=public,
                error_statuses=tuple(sorted(set(errors) | {500})),
            )
        )

        @wraps(view)
        def handle(**kwargs: Any) -> Any:
            if request_schema is not None and request_media_type == "application/json":
                return view(read_json_body(request_schema), **kwargs)
            return view(**kwargs)

        handle.aiguard_public = public  # type: ignore[attr-defined]
        blueprint.add_url_rule(rule, view.__name__, handle, methods=[method])
        return handle

    return decorate
