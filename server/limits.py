"""Request limits: body size (413), text length (413) and a rate limit per signed-in user (429).

The rate limit is counted per user pseudonym, in memory by default or in Redis
(``AIGUARD_RATE_LIMIT_STORAGE_URL=redis://…``) when several servers share the load. Requests without a
signed-in user (health checks, the add-in's static files) are not counted.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, g, request
from flask_limiter import Limiter

from server.audit import user_pseudonym
from server.config import Settings
from server.errors import ApiError

MULTIPART_OVERHEAD_BYTES = 64 * 1024
STORE_TIMEOUT_SECONDS = 2


def _user_key() -> str:
    user = g.get("user")
    if user is None:
        return request.remote_addr or "unknown"
    return user_pseudonym(current_app.config["AIGUARD_SETTINGS"].audit_key, user)


def _not_signed_in() -> bool:
    return g.get("user") is None


def require_text_within_limit(*texts: str) -> None:
    """413 ``text_too_long`` when the texts together exceed ``AIGUARD_MAX_TEXT_CHARS``."""
    limit = current_app.config["AIGUARD_SETTINGS"].max_text_chars
    if sum(len(t) for t in texts) > limit:
        raise ApiError(
            "text_too_long",
            zh=f"文字過長（上限 {limit} 字），請分段檢查。",
            en=f"The text is too long (limit {limit} characters); check it in parts.",
        )


def _storage_options(url: str) -> dict[str, Any]:
    """Storage errors as ``limits.errors.StorageError`` (answered 503 by ``server.outages``); Redis calls
    time out rather than hold a worker when Redis hangs."""
    options: dict[str, Any] = {"wrap_exceptions": True}
    if url.startswith(("redis://", "rediss://", "redis+unix://")):
        options.update(socket_connect_timeout=STORE_TIMEOUT_SECONDS, socket_timeout=STORE_TIMEOUT_SECONDS)
    return options


def storage_is_reachable(app: Flask) -> bool:
    """``/readyz``: the rate-limit store answers (always true for ``memory://``)."""
    limiter: Limiter = app.extensions["aiguard.limiter"]
    try:
        return bool(limiter.storage.check())
    except Exception:  # noqa: BLE001 - readiness reports, never raises
        return False


def init_app(app: Flask, settings: Settings) -> Limiter:
    """Install the size limit and the rate limiter. Call after ``auth.init_app`` so users are known."""
    app.config["MAX_CONTENT_LENGTH"] = (
        max(settings.max_request_bytes, settings.max_docx_bytes) + MULTIPART_OVERHEAD_BYTES
    )
    limiter = Limiter(
        key_func=_user_key,
        app=app,
        application_limits=[settings.rate_limit],
        application_limits_exempt_when=_not_signed_in,
        storage_uri=settings.rate_limit_storage_url,
        storage_options=_storage_options(settings.rate_limit_storage_url),
        headers_enabled=True,
        key_prefix="aiguard",
    )
    app.extensions["aiguard.limiter"] = limiter
    return limiter
