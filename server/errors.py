"""One JSON error envelope for every 4xx and 5xx: ``{"error": {"code", "message": {"zh-TW", "en"}}}``.

Views raise :class:`ApiError`; Werkzeug's HTTP errors (404, 405, 413, 429 …) and anything unexpected are
turned into the same envelope here. No stack trace or exception message ever reaches a client, and the
log gets only the exception's type and code location (an exception message could quote user text).
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger("aiguard.errors")

# code -> (HTTP status, zh-TW, en)
ERRORS: dict[str, tuple[int, str, str]] = {
    "malformed_json": (400, "請求內容不是有效的 JSON。", "The request body is not valid JSON."),
    "invalid_request": (400, "請求內容不符合格式。", "The request does not match the expected format."),
    "invalid_document": (400, "無法讀取此 Word 文件。", "This Word document cannot be read."),
    "bad_request": (400, "請求有誤。", "Bad request."),
    "unauthenticated": (
        401,
        "需要登入：請重新開啟增益集以取得登入權杖。",
        "Sign-in required: reopen the add-in to get a sign-in token.",
    ),
    "invalid_token": (
        401,
        "登入權杖無效或已過期，請重新登入。",
        "The sign-in token is invalid or expired; sign in again.",
    ),
    "tenant_not_allowed": (
        403,
        "您的組織未獲授權使用此服務。",
        "Your organisation is not allowed to use this service.",
    ),
    "insufficient_scope": (
        403,
        "登入權杖未包含此服務所需的權限（access_as_user）。",
        "The sign-in token lacks the permission this service needs (access_as_user).",
    ),
    "forbidden": (403, "您沒有權限使用此功能。", "You are not allowed to use this function."),
    "dev_mode_loopback_only": (
        403,
        "開發模式僅接受本機直接連線。",
        "Development mode accepts only direct connections from this machine.",
    ),
    "cors_origin_not_allowed": (
        403,
        "此來源未獲准呼叫本服務。",
        "This origin is not allowed to call the service.",
    ),
    "not_found": (404, "找不到此路徑。", "No such path."),
    "method_not_allowed": (405, "此路徑不接受這個方法。", "This path does not accept this method."),
    "request_too_large": (413, "請求內容過大。", "The request is too large."),
    "uri_too_long": (414, "網址過長。", "The URL is too long."),
    "request_headers_too_large": (431, "請求標頭過大。", "The request headers are too large."),
    "text_too_long": (413, "文字過長，請分段檢查。", "The text is too long; check it in parts."),
    "document_too_large": (413, "文件過大。", "The document is too large."),
    "unsupported_media_type": (
        415,
        "不支援此內容類型。",
        "Unsupported content type.",
    ),
    "blocked": (
        422,
        "本文標有機密或限閱等標示，依指引不得提供予生成式 AI，故不予遮蔽處理。",
        "This text carries a classification or restriction marking; under the guideline it must not be "
        "given to generative AI, so it is not prepared for AI.",
    ),
    "rate_limited": (429, "請求過於頻繁，請稍後再試。", "Too many requests; try again shortly."),
    "internal_error": (500, "伺服器發生錯誤，請稍後再試。", "The server had an error; try again later."),
    "not_ready": (503, "服務尚未就緒。", "The service is not ready."),
    "service_unavailable": (
        503,
        "服務暫時無法使用，請稍後再試。",
        "The service is temporarily unavailable; try again shortly.",
    ),
}

WERKZEUG_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "request_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    503: "service_unavailable",
}


class ApiError(Exception):
    """An error the client should see, with its code and a message in both languages."""

    def __init__(
        self,
        code: str,
        zh: str | None = None,
        en: str | None = None,
        status: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        default_status, default_zh, default_en = ERRORS[code]
        super().__init__(code)
        self.code = code
        self.status = status or default_status
        self.zh = zh or default_zh
        self.en = en or default_en
        self.headers = headers or {}


def envelope(code: str, zh: str, en: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": {"zh-TW": zh, "en": en}}}


def error_response(error: ApiError) -> Response:
    response = jsonify(envelope(error.code, error.zh, error.en))
    response.status_code = error.status
    for name, value in error.headers.items():
        response.headers[name] = value
    return response


def _handle_api_error(error: ApiError) -> Response:
    return error_response(error)


def _handle_http_exception(error: HTTPException) -> Response:
    original = getattr(error, "original_exception", None)
    if original is not None and original is not error:
        # Flask wraps an exception raised outside the view (an after_request function) in a 500: answer it as
        # the exception itself would be answered (a dependency outage is 503, a bug is logged and 500).
        handler = current_app._find_error_handler(original, request.blueprints)  # noqa: SLF001
        if handler is not None and handler is not _handle_http_exception:
            return current_app.make_response(handler(original))  # type: ignore[arg-type]  # Flask types handlers loosely
    status = error.code or 500
    code = WERKZEUG_CODES.get(status, "internal_error" if status >= 500 else "bad_request")
    _, zh, en = ERRORS[code]
    response = jsonify(envelope(code, zh, en))
    response.status_code = status
    for name, value in error.get_headers():
        if name.lower() in ("allow", "retry-after", "www-authenticate"):
            response.headers[name] = value
    return response


def _is_malformed_body(error: Exception) -> bool:
    """gunicorn's errors while the app reads the body (a bad chunk size, a body that ends early) are the
    client's mistake, not the server's."""
    return type(error).__module__.startswith("gunicorn.http")


def unexpected_error(error: Exception) -> Response:
    if _is_malformed_body(error):
        log.info("malformed request body (%s)", type(error).__name__)
        return error_response(ApiError("bad_request"))
    frames = "".join(traceback.format_tb(error.__traceback__))
    log.error("unhandled %s\n%s", type(error).__name__, frames)
    return error_response(ApiError("internal_error"))


def init_app(app: Flask) -> None:
    app.register_error_handler(ApiError, _handle_api_error)
    app.register_error_handler(HTTPException, _handle_http_exception)
    app.register_error_handler(Exception, unexpected_error)
