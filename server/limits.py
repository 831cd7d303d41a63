"""Request limits: body size (413), text length (413) and a rate limit per signed-in user (429).

The rate limit is counted per user pseudonym, in memory by default or in Redis
(``AIGUARD_RATE_LIMIT_STORAGE_URL=redis://…``) when several servers share the load. Requests without a
signed-in user (health checks, the add-in's static files) are not counted against a user; a request whose
sign-in fails (no token, a forged or expired one) is counted per client address
(``AIGUARD_UNAUTHENTICATED_RATE_LIMIT``), so bad tokens cannot be sent without limit.

``memory://`` counts in one process. Several gunicorn workers on it would each count on their own (a user gets
the limit once per worker), so :func:`require_shared_store` stops a multi-worker start on ``memory://``
unless ``AIGUARD_ALLOW_PER_WORKER_RATE_LIMIT=1`` says the operator means it. The in-memory store here takes
one lock for every operation (the library's store keeps a lock per key and drops it on expiry, so two threads
could count the same key under different locks).
"""

from __future__ import annotations

import threading
import time
from typing import Any

from flask import Flask, current_app, g, request
from flask_limiter import Limiter
from limits import parse_many
from limits.storage import MemoryStorage
from limits.strategies import FixedWindowRateLimiter

from server.audit import user_pseudonym
from server.config import ConfigError, Settings
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


class LockedMemoryStorage(MemoryStorage):
    """``memory://`` with one lock around every operation, including the expiry timer's."""

    STORAGE_SCHEME = ["aiguard-memory"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: str) -> None:
        self._one_lock = threading.RLock()
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    def _MemoryStorage__expire_events(self) -> None:  # noqa: N802 - the base class's private method
        with self._one_lock:
            super()._MemoryStorage__expire_events()  # type: ignore[misc]


def _locked(name: str) -> Any:
    method = getattr(MemoryStorage, name)

    def locked(self: LockedMemoryStorage, *args: Any, **kwargs: Any) -> Any:
        with self._one_lock:
            return method(self, *args, **kwargs)

    locked.__name__ = name
    return locked


for _name in (
    "incr",
    "decr",
    "get",
    "clear",
    "acquire_entry",
    "get_expiry",
    "get_moving_window",
    "acquire_sliding_window_entry",
    "get_sliding_window",
    "clear_sliding_window",
    "reset",
):
    if hasattr(MemoryStorage, _name):
        setattr(LockedMemoryStorage, _name, _locked(_name))


def storage_uri(url: str) -> str:
    """The store the limiter uses: ``memory://`` becomes the locked in-memory store."""
    return "aiguard-memory://" if url.startswith("memory://") else url


def require_shared_store(settings: Settings, workers: int) -> None:
    """Refuse to serve with ``workers`` processes counting on their own, unless the operator allowed it."""
    if workers > 1 and settings.rate_limit_storage_url.startswith("memory://") and not settings.per_worker_rate_limit:
        raise ConfigError(
            "AIGUARD_RATE_LIMIT_STORAGE_URL",
            f"memory:// counts per process, and {workers} workers would each allow the full limit: set a "
            "redis:// URL, or AIGUARD_ALLOW_PER_WORKER_RATE_LIMIT=1 to accept a limit per worker",
        )


def count_failed_sign_in() -> None:
    """A request whose sign-in failed counts against its client address; over the limit, 429."""
    settings: Settings = current_app.config["AIGUARD_SETTINGS"]
    limiter: Limiter = current_app.extensions["aiguard.limiter"]
    strategy = FixedWindowRateLimiter(limiter.storage)
    address = request.remote_addr or "unknown"
    for item in parse_many(settings.unauthenticated_rate_limit):
        if not strategy.hit(item, "aiguard-unauthenticated", address):
            reset = strategy.get_window_stats(item, "aiguard-unauthenticated", address).reset_time
            retry_after = max(1, int(reset - time.time()) + 1)
            raise ApiError("rate_limited", headers={"Retry-After": str(retry_after)})


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
        storage_uri=storage_uri(settings.rate_limit_storage_url),
        storage_options=_storage_options(settings.rate_limit_storage_url),
        headers_enabled=True,
        key_prefix="aiguard",
    )
    app.extensions["aiguard.limiter"] = limiter
    _keep_answers_when_headers_fail(app, limiter)
    return limiter


def _keep_answers_when_headers_fail(app: Flask, limiter: Limiter) -> None:
    """The limiter adds X-RateLimit-* headers after the view; if Redis goes away in between, the request was
    admitted and answered (and audited): send the answer without those headers rather than fail it."""
    from limits.errors import StorageError

    from server.outages import RATE_LIMIT_STORE, outages

    def without_storage_errors(inject: Any) -> Any:
        def inject_headers(response: Any) -> Any:
            try:
                return inject(response)
            except StorageError as error:
                outages().down(RATE_LIMIT_STORE, error)
                return response

        return inject_headers

    functions = app.after_request_funcs.setdefault(None, [])
    for index, function in enumerate(functions):
        if limiter in getattr(function, "args", ()):  # functools.partial(Limiter.__inject_headers, limiter)
            functions[index] = without_storage_errors(function)
