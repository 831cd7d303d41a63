"""Outages of PostgreSQL and Redis under gunicorn: 503 with Retry-After and a zh-TW/en message, one log line
per interval and no traceback, ``/readyz`` naming the dependency, and recovery without a restart.

The test command starts a PostgreSQL and a Redis of their own for this module, stops them as a crash would
and starts them again on the same ports.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from local_services import (
    Postgres,
    Redis,
    postgres_available,
    redis_available,
    start_gunicorn,
    start_postgres,
    start_redis,
)

from server import create_app

SCAN = {"text": "聯絡人王小明，電話0912-345-678。", "channel": "outlook"}


@pytest.fixture(scope="module")
def services() -> Iterator[tuple[Postgres, Redis]]:
    if not (postgres_available() and redis_available()):
        pytest.skip("PostgreSQL 15 and redis-server are installed by scripts/test")
    postgres, redis = start_postgres(), start_redis()
    yield postgres, redis
    redis.stop()
    postgres.stop()


def call(url: str, body: dict[str, Any] | None, headers: dict[str, str]) -> tuple[int, dict[str, str], Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={**headers, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.load(error)


def assert_unavailable(status: int, headers: dict[str, str], body: Any, what: str) -> None:
    assert status == 503, body
    assert int(headers["Retry-After"]) > 0
    assert body["error"]["code"] == "service_unavailable"
    assert what in body["error"]["message"]["en"]
    assert "請稍後再試" in body["error"]["message"]["zh-TW"]
    assert "frame-ancestors" in headers["Content-Security-Policy"]


def eventually(check: Any, seconds: float = 30) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        answer = check()
        if answer[0] == 200 or time.monotonic() > deadline:
            return answer
        time.sleep(0.5)


def test_outages_answer_503_and_recover_without_a_restart(
    services: tuple[Postgres, Redis], environment: dict[str, str], tmp_path: Path, auth: dict[str, str]
) -> None:
    postgres, redis = services
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port={postgres.port} user=postgres dbname=postgres", autocommit=True) as db:
        db.execute("CREATE DATABASE aiguard_outage")
    environment.update(
        {
            "AIGUARD_DATABASE_URL": postgres.url("aiguard_outage"),
            "AIGUARD_RATE_LIMIT_STORAGE_URL": redis.url,
        }
    )
    log = tmp_path / "gunicorn.log"
    server = start_gunicorn(environment, workers=2, log=log)
    base = f"http://127.0.0.1:{server.port}"
    scan = lambda: call(f"{base}/api/v1/scan", SCAN, auth)  # noqa: E731
    ready = lambda: call(f"{base}/readyz", None, {})  # noqa: E731
    try:
        assert scan()[0] == 200
        status, _, body = ready()
        assert status == 200 and body["checks"] == {"engine": True, "database": True, "rate_limit_store": True}

        postgres.pause()
        statuses: Counter[int] = Counter()
        for _ in range(30):
            status, headers, body = scan()
            statuses[status] += 1
            assert_unavailable(status, headers, body, "audit database")
        status, _, body = ready()
        assert status == 503 and body["checks"]["database"] is False and body["checks"]["rate_limit_store"] is True
        postgres.resume()
        assert eventually(scan)[0] == 200
        assert ready()[0] == 200

        redis.pause()
        for _ in range(10):
            assert_unavailable(*scan(), "rate-limit")
        status, _, body = ready()
        assert status == 503 and body["checks"]["rate_limit_store"] is False and body["checks"]["database"] is True
        redis.resume()
        assert eventually(scan)[0] == 200
        assert ready()[0] == 200
    finally:
        server.stop()
    text = log.read_text(errors="replace")
    assert "Traceback" not in text and "internal_error" not in text
    assert 1 <= text.count("audit database unavailable (OperationalError)") <= 2  # once per worker per minute
    assert 1 <= text.count("rate-limit store unavailable") <= 2
    assert "audit database reachable again" in text


def test_audit_not_required_answers_scans_during_an_outage(
    services: tuple[Postgres, Redis], environment: dict[str, str], auth: dict[str, str]
) -> None:
    postgres, _ = services
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port={postgres.port} user=postgres dbname=postgres", autocommit=True) as db:
        db.execute("CREATE DATABASE aiguard_answering")
    environment.update({"AIGUARD_DATABASE_URL": postgres.url("aiguard_answering"), "AIGUARD_AUDIT_REQUIRED": "0"})
    app = create_app(environment)
    client = app.test_client()
    try:
        assert "X-AIGuard-Audit" not in client.post("/api/v1/scan", json=SCAN, headers=auth).headers
        postgres.pause()
        answered = client.post("/api/v1/scan", json=SCAN, headers=auth)
        assert answered.status_code == 200 and answered.get_json()["verdict"] == "redact"
        assert answered.headers["X-AIGuard-Audit"] == "not-recorded"
        dashboard = client.get("/admin/dashboard", headers=auth)
        assert dashboard.status_code in (403, 503)  # figures need the database: never a 500
        assert client.get("/readyz").status_code == 503
    finally:
        postgres.resume()
    assert eventually(lambda: (client.post("/api/v1/scan", json=SCAN, headers=auth).status_code,))[0] == 200
    assert "X-AIGuard-Audit" not in client.post("/api/v1/scan", json=SCAN, headers=auth).headers
    app.extensions["aiguard.db"].dispose()
