"""Database tables. The audit table holds figures about use, never content: no text, no finding value."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class AuditEvent(Base):
    """One scan, redaction, restore, notice or document action."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    user_pseudonym: Mapped[str] = mapped_column(String(64))
    department: Mapped[str | None] = mapped_column(String(200), nullable=True)
    agency: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(32), index=True)
    verdict: Mapped[str | None] = mapped_column(String(16), nullable=True)
    type_counts: Mapped[dict[str, Any]] = mapped_column(JSON)
    text_hmac: Mapped[str] = mapped_column(String(64))
    text_length: Mapped[int] = mapped_column(Integer)
