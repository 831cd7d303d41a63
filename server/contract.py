"""Operations: a view's decorator is its contract and its entry in the OpenAPI document.

``@operation(bp, "/scan", "POST", request=SCAN_REQUEST, responses={200: SCAN_RESPONSE})`` registers the
route, parses and validates the JSON body (415 for another media type, 400 for malformed JSON or a field
that does not match, 413 over the size limit) and passes the decoded body to the view. The registry
:data:`OPERATIONS` is what ``server.openapi`` turns into the document.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from flask import Blueprint, current_app, request

from server.errors import ApiError
from server.schemas import Schema
from server.validation import validate

# Errors every operation of a kind can answer with; documented for each.
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
    request.max_content_length = settings.max_request_bytes
    raw = request.get_data(cache=True)
    try:
        body = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError):
        raise ApiError("malformed_json") from None
    validate(body, schema)
    return body


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


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
