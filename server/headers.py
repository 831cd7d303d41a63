"""Security headers on every response, and CORS for the add-in's origin only.

The add-in is served from this same origin, so by default no cross-origin call is allowed at all;
``AIGUARD_CORS_ORIGINS`` adds origins (e.g. a separate static host for the add-in). Pages may be framed
only by Office hosts (Word/Outlook on the web and desktop task panes) and by this origin. IT's dashboard
(``/admin``) gets a stricter policy: scripts from this origin only, framed by this origin only.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request

from server.config import Settings
from server.errors import ApiError

OFFICE_FRAME_ANCESTORS = (
    "https://*.office.com",
    "https://*.office365.com",
    "https://*.microsoft.com",
    "https://*.officeapps.live.com",
    "https://*.sharepoint.com",
)
OFFICE_JS = "https://appsforoffice.microsoft.com"
SIGN_IN = "https://login.microsoftonline.com"
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        f"script-src 'self' {OFFICE_JS}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        f"connect-src 'self' {SIGN_IN}",
        f"frame-src 'self' {SIGN_IN}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self' " + " ".join(OFFICE_FRAME_ANCESTORS),
    )
)
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        f"connect-src 'self' {SIGN_IN}",
        f"frame-src 'self' {SIGN_IN}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    )
)
CORS_ALLOWED_HEADERS = "Authorization, Content-Type"
CORS_ALLOWED_METHODS = "GET, POST, OPTIONS"
CORS_MAX_AGE_SECONDS = "600"


def _allowed_origin() -> str | None:
    origin = request.headers.get("Origin")
    if not origin:
        return None
    settings: Settings = current_app.config["AIGUARD_SETTINGS"]
    if origin.rstrip("/") in settings.cors_origins:
        return origin
    return None


def answer_preflight() -> Response | None:
    """``before_request``: answer a CORS preflight, refusing origins that are not configured."""
    if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
        return None
    origin = _allowed_origin()
    if origin is None and request.headers.get("Origin", "").rstrip("/") != request.host_url.rstrip("/"):
        raise ApiError("cors_origin_not_allowed")
    response = current_app.make_default_options_response()
    response.status_code = 204
    response.headers["Access-Control-Allow-Methods"] = CORS_ALLOWED_METHODS
    response.headers["Access-Control-Allow-Headers"] = CORS_ALLOWED_HEADERS
    response.headers["Access-Control-Max-Age"] = CORS_MAX_AGE_SECONDS
    return response


def add_headers(response: Response) -> Response:
    headers = response.headers
    is_admin = request.path == "/admin" or request.path.startswith("/admin/")
    headers["Content-Security-Policy"] = ADMIN_CONTENT_SECURITY_POLICY if is_admin else CONTENT_SECURITY_POLICY
    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    # The add-in's pages open the Office dialog and MSAL pop-ups, which must be able to message back.
    addin_page = request.path.startswith("/addin/")
    headers["Cross-Origin-Opener-Policy"] = "same-origin-allow-popups" if addin_page else "same-origin"
    if request.path.startswith(("/api/", "/admin")):
        headers["Cache-Control"] = "no-store"
    origin = _allowed_origin()
    if origin is not None:
        headers["Access-Control-Allow-Origin"] = origin
        headers["Access-Control-Expose-Headers"] = "Content-Disposition, Retry-After"
    headers.add("Vary", "Origin")
    return response


def init_app(app: Flask) -> None:
    app.before_request(answer_preflight)
    app.after_request(add_headers)
