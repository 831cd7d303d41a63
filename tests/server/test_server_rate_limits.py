"""Rate limits that hold: failed sign-ins limited per client address, one count under threads, and no
multi-worker start on a per-process store unless the operator allows it."""

from __future__ import annotations

import threading
from collections import Counter
from typing import Any

import pytest

from server import create_app
from server.config import ConfigError, Settings
from server.limits import require_shared_store

SCAN = {"text": "會議紀錄", "channel": "word"}


def test_bad_tokens_are_limited_per_client_address(environment: dict[str, str], auth: dict[str, str]) -> None:
    environment["AIGUARD_UNAUTHENTICATED_RATE_LIMIT"] = "5 per minute"
    client = create_app(environment).test_client()
    forged = {"Authorization": "Bearer not.a.token"}
    attacker = {"REMOTE_ADDR": "192.0.2.7"}
    statuses = [
        client.post("/api/v1/scan", json=SCAN, headers=forged, environ_base=attacker).status_code for _ in range(5)
    ]
    assert statuses == [401] * 5
    limited = client.post("/api/v1/scan", json=SCAN, headers={}, environ_base=attacker)
    assert limited.status_code == 429
    error = limited.get_json()["error"]
    assert error["code"] == "rate_limited" and error["message"]["zh-TW"] and error["message"]["en"]
    assert 0 < int(limited.headers["Retry-After"]) <= 61
    other = {"REMOTE_ADDR": "192.0.2.8"}
    assert client.post("/api/v1/scan", json=SCAN, headers=forged, environ_base=other).status_code == 401
    assert client.post("/api/v1/scan", json=SCAN, headers=auth, environ_base=attacker).status_code == 200
    assert client.get("/healthz", environ_base=attacker).status_code == 200


def test_one_count_under_many_threads(environment: dict[str, str], bearer: Any) -> None:
    environment["AIGUARD_RATE_LIMIT"] = "50 per minute"
    app = create_app(environment)
    user = bearer(oid="threaded-user")
    statuses: Counter[int] = Counter()
    lock = threading.Lock()

    def send() -> None:
        client = app.test_client()
        for _ in range(10):
            status = client.post("/api/v1/scan", json=SCAN, headers=user).status_code
            with lock:
                statuses[status] += 1

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == Counter({200: 50, 429: 30})


@pytest.mark.parametrize(
    ("storage", "allowed", "workers", "refused"),
    [
        ("memory://", "0", 1, False),
        ("memory://", "0", 4, True),
        ("memory://", "1", 4, False),
        ("redis://127.0.0.1:6379/0", "0", 4, False),
    ],
)
def test_multi_worker_start_needs_a_shared_store(
    environment: dict[str, str], storage: str, allowed: str, workers: int, refused: bool
) -> None:
    environment.update({"AIGUARD_RATE_LIMIT_STORAGE_URL": storage, "AIGUARD_ALLOW_PER_WORKER_RATE_LIMIT": allowed})
    settings = Settings.from_env(environment)
    if refused:
        with pytest.raises(ConfigError) as error:
            require_shared_store(settings, workers)
        assert error.value.variable == "AIGUARD_RATE_LIMIT_STORAGE_URL"
    else:
        require_shared_store(settings, workers)
