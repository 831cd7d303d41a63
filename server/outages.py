"""Dependencies that are down: the audit database and the rate-limit store (Redis) answer 503, not 500.

An outage is the operator's problem, not the client's: the client gets 503 with ``Retry-After`` and a zh-TW
and English message (the add-in's fail-open / fail-closed setting acts on any non-2xx answer), and the log
gets one line per dependency per :data:`LOG_INTERVAL_SECONDS` — the exception's type and how many requests it
refused since the last line, never a traceback (thousands of requests a second would fill the disk) and
never the exception's message (a driver message can quote a statement or a connection string).

Recovery needs nothing: SQLAlchemy's pool checks a connection before use (``pool_pre_ping``) and the Redis
client reconnects; the first request that succeeds again logs that the dependency is back.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from flask import Flask, Response, current_app, g
from limits.errors import StorageError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from server.errors import ApiError, error_response, unexpected_error

log = logging.getLogger("aiguard.outages")

LOG_INTERVAL_SECONDS = 60.0
RETRY_AFTER_SECONDS = 30
DATABASE = "audit database"
RATE_LIMIT_STORE = "rate-limit store"
AUDIT_HEADER = "X-AIGuard-Audit"


@dataclass
class _State:
    down: bool = False
    last_logged: float = float("-inf")
    refused_since_logged: int = 0


class Outages:
    """Which dependencies are down; logs each once per interval and once when it is back."""

    def __init__(self, interval: float = LOG_INTERVAL_SECONDS) -> None:
        self.interval = interval
        self._states: dict[str, _State] = {}
        self._lock = threading.Lock()

    def down(self, dependency: str, error: BaseException) -> None:
        with self._lock:
            state = self._states.setdefault(dependency, _State())
            state.down = True
            state.refused_since_logged += 1
            now = time.monotonic()
            if now - state.last_logged < self.interval:
                return
            refused, state.refused_since_logged, state.last_logged = state.refused_since_logged, 0, now
        log.error(
            "%s unavailable (%s): answering 503; %d request(s) refused since the last message",
            dependency,
            type(error).__name__,
            refused,
        )

    def up(self, dependency: str) -> None:
        state = self._states.get(dependency)
        if state is None or not state.down:
            return
        with self._lock:
            if not state.down:
                return
            state.down, state.last_logged, state.refused_since_logged = False, float("-inf"), 0
        log.warning("%s reachable again", dependency)


def outages() -> Outages:
    return current_app.extensions["aiguard.outages"]


def is_database_outage(error: BaseException) -> bool:
    """A lost or refused connection, a pool timeout: not a bug in a statement."""
    if isinstance(error, OperationalError | InterfaceError | PoolTimeout):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def unavailable(dependency: str) -> ApiError:
    if dependency == DATABASE:
        zh = "稽核資料庫暫時無法使用，請稍後再試。"
        en = "The audit database is unavailable; try again shortly."
    else:
        zh = "流量管制服務暫時無法使用，請稍後再試。"
        en = "The rate-limit service is unavailable; try again shortly."
    return ApiError(
        "service_unavailable", zh=zh, en=en, headers={"Retry-After": str(RETRY_AFTER_SECONDS)}
    )


def _database_error(error: DBAPIError) -> Response:
    if not is_database_outage(error):
        return unexpected_error(error)  # a real bug: logged with its code location, 500
    outages().down(DATABASE, error)
    return error_response(unavailable(DATABASE))


def _storage_error(error: StorageError) -> Response:
    outages().down(RATE_LIMIT_STORE, error)
    return error_response(unavailable(RATE_LIMIT_STORE))


def _mark_unrecorded(response: Response) -> Response:
    if g.get("audit_recorded") is False:
        response.headers[AUDIT_HEADER] = "not-recorded"
    return response


def init_app(app: Flask) -> Outages:
    tracker = Outages()
    app.extensions["aiguard.outages"] = tracker
    app.after_request(_mark_unrecorded)
    app.register_error_handler(DBAPIError, _database_error)
    app.register_error_handler(PoolTimeout, _database_error)
    app.register_error_handler(StorageError, _storage_error)
    return tracker
