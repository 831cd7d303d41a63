"""Audit: one record per action, figures only — never the text or a finding's value, in the database
or the log."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

import pytest
from entra_test_tokens import AUDIT_KEY, TENANT, USER_OID
from flask import Flask
from sqlalchemy import create_engine, inspect, select

from server import create_app
from server.audit import keyed_hash
from server.database import downgrade, make_engine, upgrade
from server.models import AuditEvent

SECRET_VALUES = ("A123456789", "0912-345-678", "王小明", "wang.xiaoming@example.com")
TEXT = "承辦人王小明，身分證字號A123456789，手機0912-345-678，信箱wang.xiaoming@example.com。"


def events(app: Flask) -> list[AuditEvent]:
    with app.extensions["aiguard.sessions"]() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


@pytest.fixture
def audited_app(environment: dict[str, str], database_url: str) -> Any:
    environment["AIGUARD_DATABASE_URL"] = database_url
    environment["AIGUARD_AGENCY"] = "新北市政府資訊中心"
    app = create_app(environment)
    yield app
    app.extensions["aiguard.db"].dispose()


def run_every_action(client: Any, auth: dict[str, str]) -> None:
    assert (
        client.post(
            "/api/v1/scan", json={"text": TEXT, "channel": "outlook", "subject": "王小明"}, headers=auth
        ).status_code
        == 200
    )
    redacted = client.post(
        "/api/v1/redact", json={"text": TEXT, "mode": "placeholder", "channel": "word"}, headers=auth
    )
    assert redacted.status_code == 200
    placeholder_map = redacted.get_json()["placeholder_map"]
    restore = client.post(
        "/api/v1/restore", json={"text": redacted.get_json()["text"], "map": placeholder_map}, headers=auth
    )
    assert restore.status_code == 200
    assert client.post("/api/v1/notice", json={"channel": "word"}, headers=auth).status_code == 200


def test_each_action_writes_one_record_of_figures(audited_app: Flask, auth: dict[str, str]) -> None:
    run_every_action(audited_app.test_client(), auth)
    records = events(audited_app)
    assert [(e.action, e.channel) for e in records] == [
        ("scan", "outlook"),
        ("redact", "word"),
        ("restore", "unspecified"),
        ("notice", "word"),
    ]
    scan = records[0]
    assert scan.verdict == "redact"
    assert scan.type_counts["TW_NATIONAL_ID"] == 1 and scan.type_counts["PHONE"] == 1
    assert scan.text_length == len("王小明\n" + TEXT)
    assert scan.text_hmac == keyed_hash(AUDIT_KEY.encode(), "王小明\n" + TEXT)
    assert scan.user_pseudonym == keyed_hash(AUDIT_KEY.encode(), f"user:{TENANT}:{USER_OID}")
    assert scan.agency == "新北市政府資訊中心"
    assert scan.department is None
    assert scan.day == dt.datetime.now(dt.UTC).date()


def test_no_text_or_value_reaches_the_database_or_the_log(
    audited_app: Flask,
    auth: dict[str, str],
    database_url: str,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    run_every_action(audited_app.test_client(), auth)
    audited_app.test_client().post("/api/v1/scan", json={"text": TEXT, "channel": "bogus"}, headers=auth)
    stored = stored_bytes(database_url, tmp_path)
    assert len(stored) > 0
    logged = caplog.text.encode("utf-8")
    for value in SECRET_VALUES:
        encoded = value.encode("utf-8")
        assert encoded not in stored, f"{value} found in the database"
        assert encoded not in logged, f"{value} found in the log"
        assert value.encode("utf-16-le") not in stored


def stored_bytes(database_url: str, tmp_path: Path) -> bytes:
    """Everything the database holds: SQLite's files, or a dump of PostgreSQL's audit table."""
    if database_url.startswith("sqlite"):
        files = [p for p in tmp_path.iterdir() if p.name.startswith("audit.sqlite3")]
        return b"".join(p.read_bytes() for p in files)
    engine = create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT row_to_json(a)::text FROM audit_events a").fetchall()
    engine.dispose()
    return "\n".join(r[0] for r in rows).encode("utf-8")


def test_bad_requests_write_nothing(audited_app: Flask, auth: dict[str, str]) -> None:
    client = audited_app.test_client()
    client.post("/api/v1/scan", data=b"{", content_type="application/json", headers=auth)
    client.post("/api/v1/scan", json={"text": TEXT}, headers=auth)
    client.post("/api/v1/scan", data="x", content_type="text/plain", headers=auth)
    client.post("/api/v1/redact", json={"text": TEXT, "mode": "shuffle"}, headers=auth)
    client.post("/api/v1/scan", json={"text": TEXT, "channel": "word"})
    assert events(audited_app) == []


def test_a_blocked_redaction_is_recorded_as_a_block(audited_app: Flask, auth: dict[str, str]) -> None:
    text = "【限閱】承辦人王小明"
    assert (
        audited_app.test_client().post("/api/v1/redact", json={"text": text}, headers=auth).status_code == 422
    )
    [record] = events(audited_app)
    assert (record.action, record.verdict) == ("redact", "block")


def test_pseudonyms_are_stable_per_user_and_differ_between_users(audited_app: Flask, bearer: Any) -> None:
    client = audited_app.test_client()
    for oid in ("user-a", "user-a", "user-b"):
        client.post("/api/v1/notice", json={"channel": "word"}, headers=bearer(oid=oid))
    first, second, third = (e.user_pseudonym for e in events(audited_app))
    assert first == second != third
    assert "user-a" not in first


def test_old_records_are_purged_after_the_retention_period(audited_app: Flask, auth: dict[str, str]) -> None:
    audited_app.test_client().post("/api/v1/notice", json={"channel": "word"}, headers=auth)
    audit = audited_app.extensions["aiguard.audit"]
    now = dt.datetime.now(dt.UTC)
    assert audit.purge(now + dt.timedelta(days=364)) == 0
    assert audit.purge(now + dt.timedelta(days=366)) == 1
    assert events(audited_app) == []


def test_migrations_go_up_and_down(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine)
    assert "audit_events" in inspect(engine).get_table_names()
    columns = {c["name"] for c in inspect(engine).get_columns("audit_events")}
    assert {"user_pseudonym", "department", "type_counts", "text_hmac", "text_length"} <= columns
    assert not columns & {"text", "value", "content"}
    downgrade(engine, "base")
    assert "audit_events" not in inspect(engine).get_table_names()
    upgrade(engine)
    upgrade(engine)  # idempotent
    engine.dispose()
