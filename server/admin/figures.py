"""Audit figures for the dashboard, aggregated from audit events (never any content: there is none)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import AuditEvent

METRICS = ("scans", "blocks", "redactions", "notices")
METRIC_LABELS = {
    "scans": ("檢查", "Scans"),
    "blocks": ("阻擋", "Blocks"),
    "redactions": ("遮蔽", "Redactions"),
    "notices": ("插入聲明", "Notices"),
}
NO_DEPARTMENT = "（未知）"


def metrics_of(action: str, verdict: str | None) -> tuple[str, ...]:
    """Which dashboard metrics one audit event counts towards."""
    counted: list[str] = []
    if action in ("scan", "document_scan"):
        counted.append("scans")
    if verdict == "block":
        counted.append("blocks")
    elif action in ("redact", "document_redact"):
        counted.append("redactions")
    if action in ("notice", "document_notice"):
        counted.append("notices")
    return tuple(counted)


@dataclass
class Figures:
    since: dt.date
    until: dt.date
    per_day: dict[dt.date, Counter[str]] = field(default_factory=dict)
    per_department: dict[str, Counter[str]] = field(default_factory=dict)
    finding_types: Counter[str] = field(default_factory=Counter)
    per_day_department: dict[tuple[dt.date, str], Counter[str]] = field(default_factory=dict)
    total: Counter[str] = field(default_factory=Counter)

    @property
    def days(self) -> list[dt.date]:
        count = (self.until - self.since).days + 1
        return [self.since + dt.timedelta(days=n) for n in range(count)]


def collect(session: Session, days: int, today: dt.date | None = None) -> Figures:
    """Figures over the last ``days`` days (UTC), today included."""
    until = today or dt.datetime.now(dt.UTC).date()
    since = until - dt.timedelta(days=days - 1)
    figures = Figures(since=since, until=until)
    rows = session.execute(
        select(
            AuditEvent.day,
            AuditEvent.department,
            AuditEvent.action,
            AuditEvent.verdict,
            AuditEvent.type_counts,
        )
        .where(AuditEvent.day >= since)
        .where(AuditEvent.day <= until)
    )
    for day, department, action, verdict, type_counts in rows:
        department = department or NO_DEPARTMENT
        for metric in metrics_of(action, verdict):
            figures.per_day.setdefault(day, Counter())[metric] += 1
            figures.per_department.setdefault(department, Counter())[metric] += 1
            figures.per_day_department.setdefault((day, department), Counter())[metric] += 1
            figures.total[metric] += 1
        if action in ("scan", "document_scan") and isinstance(type_counts, dict):
            for finding_type, count in type_counts.items():
                if isinstance(count, int):
                    figures.finding_types[finding_type] += count
    return figures
