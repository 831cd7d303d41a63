"""The per-user rate limit shared through Redis: two app instances (two "workers") count together.

A real ``redis-server`` from Debian's package (``apt-get install -y redis-server``) is started for the
session on 127.0.0.1 and a free port, without persistence, in a temporary directory; the tests are skipped
only when the binary is absent.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from local_services import redis_available, start_redis

from server import create_app

SCAN = {"text": "會議紀錄", "channel": "word"}
LIMIT = 3


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    if not redis_available():
        pytest.skip("redis-server not installed (apt-get install -y redis-server)")
    server = start_redis()
    yield server.url
    server.stop()


@pytest.fixture
def two_workers(environment: dict[str, str], redis_url: str, tmp_path: Path) -> Iterator[list[Any]]:
    """Two apps built separately on the same settings and Redis, as two gunicorn workers would be."""
    environment["AIGUARD_RATE_LIMIT"] = f"{LIMIT} per minute"
    environment["AIGUARD_RATE_LIMIT_STORAGE_URL"] = redis_url
    apps = [create_app(environment), create_app(environment)]
    yield [app.test_client() for app in apps]
    for app in apps:
        app.extensions["aiguard.db"].dispose()


def test_two_workers_share_one_limit_per_user(two_workers: list[Any], bearer: Any) -> None:
    first, second = two_workers
    user = bearer(oid=f"busy-{uuid.uuid4()}")  # a user this Redis has never counted
    statuses = [worker.post("/api/v1/scan", json=SCAN, headers=user).status_code for worker in (first, second, first)]
    assert statuses == [200] * LIMIT
    limited = second.post("/api/v1/scan", json=SCAN, headers=user)
    assert limited.status_code == 429
    error = limited.get_json()["error"]
    assert error["code"] == "rate_limited"
    assert error["message"]["zh-TW"] == "請求過於頻繁，請稍後再試。"
    assert error["message"]["en"] == "Too many requests; try again shortly."
    assert int(limited.headers["Retry-After"]) > 0
    assert first.post("/api/v1/scan", json=SCAN, headers=user).status_code == 429


def test_other_users_keep_their_own_allowance(two_workers: list[Any], bearer: Any) -> None:
    first, second = two_workers
    busy, calm = bearer(oid=f"busy-{uuid.uuid4()}"), bearer(oid=f"calm-{uuid.uuid4()}")
    for _ in range(LIMIT):
        assert first.post("/api/v1/scan", json=SCAN, headers=busy).status_code == 200
    assert second.post("/api/v1/scan", json=SCAN, headers=busy).status_code == 429
    assert second.post("/api/v1/scan", json=SCAN, headers=calm).status_code == 200
    assert second.get("/healthz").status_code == 200  # not signed in, not counted


def test_counts_live_in_redis(two_workers: list[Any], bearer: Any, redis_url: str) -> None:
    import redis

    first, _ = two_workers
    first.post("/api/v1/scan", json=SCAN, headers=bearer(oid=f"seen-{uuid.uuid4()}"))
    with redis.Redis.from_url(redis_url) as connection:
        keys = [key.decode() for key in connection.keys("*")]
    assert keys and all(key.startswith("LIMITS:LIMITER/aiguard") for key in keys), keys
