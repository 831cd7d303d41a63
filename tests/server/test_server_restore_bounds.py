"""Restore cannot stall the server: linear in the text whatever the map, and the map itself is bounded.

Run against the real app and against gunicorn (one sync worker, its default 30 s timeout): four hostile
restores in a row must each answer well within a second or two and the worker must still answer afterwards.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from local_services import start_gunicorn

from server.schemas import MAX_PLACEHOLDER_CHARACTERS, MAX_PLACEHOLDERS

HOSTILE_TEXT = ("〔姓名12〕 [ 姓 名 ９ ] " + "[" * 40 + "(" + " " * 20 + "a" * 20) * 1500


def hostile_map(entries: int = MAX_PLACEHOLDERS) -> dict[str, str]:
    """Thousands of placeholders (a few hundred KB), half of them literal keys sharing one first character."""
    half = entries // 2
    keys = [f"〔姓名{i}〕" for i in range(half)] + ["[" * (1 + i % 60) + str(i) for i in range(entries - half)]
    return dict.fromkeys(keys, "王小明")


def assert_envelope(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    error = response.get_json()["error"]
    assert error["code"] == code
    assert error["message"]["zh-TW"] and error["message"]["en"]
    return error


def test_large_map_restores_in_linear_time(client: Any, auth: dict[str, str]) -> None:
    body = {"text": HOSTILE_TEXT, "map": hostile_map()}
    assert len(json.dumps(body, ensure_ascii=False).encode()) > 200_000
    began = time.monotonic()
    response = client.post("/api/v1/restore", json=body, headers=auth)
    assert response.status_code == 200
    assert time.monotonic() - began < 5
    restored = response.get_json()
    assert restored["restored"] >= 3000  # 〔姓名12〕 and [ 姓 名 ９ ] in every repetition
    assert restored["text"].count("王小明") == restored["restored"]


@pytest.mark.parametrize(
    ("placeholder_map", "field"),
    [
        ({f"〔姓名{i}〕": "x" for i in range(MAX_PLACEHOLDERS + 1)}, "body.map"),
        ({"〔" + "名" * MAX_PLACEHOLDER_CHARACTERS + "1〕": "x"}, "body.map key"),
        ({"": "x"}, "body.map key"),
        ({"〔姓名1〕": "王" * 2001}, "body.map.〔姓名1〕"),
    ],
    ids=["too-many-entries", "key-too-long", "empty-key", "value-too-long"],
)
def test_map_is_bounded(client: Any, auth: dict[str, str], placeholder_map: dict[str, str], field: str) -> None:
    response = client.post("/api/v1/restore", json={"text": "〔姓名1〕", "map": placeholder_map}, headers=auth)
    error = assert_envelope(response, 400, "invalid_request")
    assert field in error["message"]["en"] and field in error["message"]["zh-TW"]
    assert (
        client.post("/api/v1/restore", json={"text": "〔姓名1〕", "map": {"〔姓名1〕": "王"}}, headers=auth).status_code
        == 200
    )


def test_full_width_digits_in_a_key(client: Any, auth: dict[str, str]) -> None:
    response = client.post(
        "/api/v1/restore",
        json={"text": "請洽[姓名1]與〔姓名２〕", "map": {"〔姓名１〕": "王", "〔姓名2〕": "李"}},
        headers=auth,
    )
    assert response.status_code == 200
    assert response.get_json() == {"text": "請洽王與李", "restored": 2}


def test_body_over_the_limit_is_413(client: Any, auth: dict[str, str]) -> None:
    placeholder_map = {f"〔姓名{i}〕": "王" * 150 for i in range(MAX_PLACEHOLDERS)}
    response = client.post("/api/v1/restore", json={"text": "x", "map": placeholder_map}, headers=auth)
    assert_envelope(response, 413, "request_too_large")


def post(url: str, body: dict[str, Any], headers: dict[str, str], timeout: float = 20) -> tuple[int, Any]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={**headers, "Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def test_hostile_restores_do_not_stall_gunicorn(
    environment: dict[str, str], tmp_path: Path, auth: dict[str, str]
) -> None:
    server = start_gunicorn(environment, workers=1, log=tmp_path / "gunicorn.log")
    try:
        url = f"http://127.0.0.1:{server.port}"
        body = {"text": HOSTILE_TEXT, "map": hostile_map()}
        for _ in range(4):
            began = time.monotonic()
            status, answer = post(f"{url}/api/v1/restore", body, auth)
            assert status == 200 and answer["restored"] >= 3000
            assert time.monotonic() - began < 10
        status, answer = post(f"{url}/api/v1/restore", {"text": "x", "map": hostile_map(MAX_PLACEHOLDERS + 2)}, auth)
        assert status == 400 and answer["error"]["code"] == "invalid_request"
        assert answer["error"]["message"]["zh-TW"] and answer["error"]["message"]["en"]
        with urllib.request.urlopen(f"{url}/healthz", timeout=5) as response:
            assert response.status == 200
        assert "WORKER TIMEOUT" not in (tmp_path / "gunicorn.log").read_text(errors="replace")
    finally:
        server.stop()
