"""Audit records: who (pseudonymously), where, what action, what verdict, how many findings of each type.

Never the text and never a finding's value: the user is a keyed HMAC of tenant and object id, the text is
a keyed HMAC (so IT can tell that the same text came back, not what it said), and findings are counts per
type. The key is ``AIGUARD_AUDIT_KEY``. Rows older than ``AIGUARD_AUDIT_RETENTION_DAYS`` are purged on
the first record a process writes, then at most hourly, and by ``flask --app server.wsgi purge-audit``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import threading
import time
from collections.abc import Mapping

from flask import Flask, current_app, g
from sqlalchemy import delete, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import sessionmaker

from server.auth import User, current_user
from server.config import Settings
from server.models import AuditEvent
from server.outages import DATABASE, is_database_outage, outages

log = logging.getLogger("aiguard.audit")

PURGE_INTERVAL_SECONDS = 3600.0


def keyed_hash(key: bytes, value: str) -> str:
    """HMAC-SHA256 of ``value`` as 64 hex characters."""
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def user_pseudonym(key: bytes, user: User) -> str:
    return keyed_hash(key, f"user:{user.tenant_id}:{user.object_id}")


class AuditLog:
    """Writes audit events and purges expired ones."""

    def __init__(self, settings: Settings, sessions: sessionmaker) -> None:
        self.settings = settings
        self.sessions = sessions
        self._last_purge = 0.0
        self._purge_lock = threading.Lock()

    def record(
        self,
        *,
        user: User,
        department: str | None,
        channel: str,
        action: str,
        text: str,
        verdict: str | None = None,
        type_counts: Mapping[str, int] | None = None,
    ) -> None:
        now = dt.datetime.now(dt.UTC)
        row = dict(
            occurred_at=now,
            day=now.date(),
            user_pseudonym=user_pseudonym(self.settings.audit_key, user),
            department=department,
            agency=self.settings.agency or user.tenant_id,
            channel=channel,
            action=action,
            verdict=verdict,
            type_counts=dict(type_counts or {}),
            text_hmac=keyed_hash(self.settings.audit_key, text),
            text_length=len(text),
        )
        with self.sessions() as session:
            session.execute(insert(AuditEvent), [row])  # Core insert: no ORM unit of work per request
            session.commit()
        self._purge_now_and_then()

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete events older than the retention period; return how many."""
        now = now or dt.datetime.now(dt.UTC)
        cutoff = now - dt.timedelta(days=self.settings.retention_days)
        with self.sessions() as session:
            deleted = session.execute(delete(AuditEvent).where(AuditEvent.occurred_at < cutoff)).rowcount
            session.commit()
        if deleted:
            log.info("purged %d audit events older than %d days", deleted, self.settings.retention_days)
        return int(deleted or 0)

    def _purge_now_and_then(self) -> None:
        if time.monotonic() - self._last_purge < PURGE_INTERVAL_SECONDS:
            return
        if not self._purge_lock.acquire(blocking=False):
            return
        try:
            self._last_purge = time.monotonic()
            self.purge()
        finally:
            self._purge_lock.release()


def audit_log() -> AuditLog:
    return current_app.extensions["aiguard.audit"]


def init_app(app: Flask, settings: Settings) -> AuditLog:
    audit = AuditLog(settings, app.extensions["aiguard.sessions"])
    app.extensions["aiguard.audit"] = audit

    @app.cli.command("purge-audit")
    def purge_audit_command() -> None:
        """Delete audit events older than AIGUARD_AUDIT_RETENTION_DAYS."""
        print(f"purged {audit.purge()} audit events")

    return audit


def record_event(
    *,
    action: str,
    channel: str,
    text: str,
    verdict: str | None = None,
    type_counts: Mapping[str, int] | None = None,
) -> None:
    """Record an action of the signed-in user of the current request, with their department from Graph."""
    user = current_user()
    department = current_app.extensions["aiguard.departments"].department(user)
    try:
        audit_log().record(
            user=user,
            department=department,
            channel=channel,
            action=action,
            text=text,
            verdict=verdict,
            type_counts=type_counts,
        )
    except (DBAPIError, PoolTimeout) as error:
        # AIGUARD_AUDIT_REQUIRED=1 (default): no answer without its record, 503 (the add-in's fail mode acts).
        # =0: the agency prefers answers; the response says X-AIGuard-Audit: not-recorded.
        if current_app.config["AIGUARD_SETTINGS"].audit_required or not is_database_outage(error):
            raise
        outages().down(DATABASE, error)
        g.audit_recorded = False
        return
    outages().up(DATABASE)
