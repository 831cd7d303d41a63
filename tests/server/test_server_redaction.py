"""POST /api/v1/redact and /restore: personal data out before AI, real values back after; blocked texts
refused."""

from __future__ import annotations

from typing import Any

import pytest

TEXT = "申請人王小明，身分證字號A123456789，手機0912-345-678，請於週五前回覆。"


def test_mask_hides_every_value(client: Any, auth: dict[str, str]) -> None:
    response = client.post("/api/v1/redact", json={"text": TEXT, "mode": "mask"}, headers=auth)
    assert response.status_code == 200
    redacted = response.get_json()
    assert redacted["verdict"] == "redact"
    for value in ("A123456789", "0912-345-678"):
        assert value not in redacted["text"]
    assert redacted["placeholder_map"] == {}
    assert redacted["text"].endswith("請於週五前回覆。")


def test_placeholders_round_trip_through_restore(client: Any, auth: dict[str, str]) -> None:
    redacted = client.post(
        "/api/v1/redact", json={"text": TEXT, "mode": "placeholder"}, headers=auth
    ).get_json()
    assert "A123456789" not in redacted["text"]
    assert "A123456789" in redacted["placeholder_map"].values()
    ai_answer = "以下為修正後草稿：" + redacted["text"]
    restored = client.post(
        "/api/v1/restore", json={"text": ai_answer, "map": redacted["placeholder_map"]}, headers=auth
    ).get_json()
    assert restored["text"] == "以下為修正後草稿：" + TEXT
    assert restored["restored"] == len(redacted["placeholder_map"])


def test_mode_defaults_to_mask(client: Any, auth: dict[str, str]) -> None:
    redacted = client.post("/api/v1/redact", json={"text": TEXT}, headers=auth).get_json()
    assert redacted["placeholder_map"] == {}
    assert "A123456789" not in redacted["text"]


def test_a_classified_text_is_never_prepared_for_ai(client: Any, auth: dict[str, str]) -> None:
    text = "密等及解密條件或保密期限：密\n承辦人王小明 0912-345-678"
    response = client.post("/api/v1/redact", json={"text": text, "mode": "placeholder"}, headers=auth)
    assert response.status_code == 422
    body = response.get_json()
    assert body["error"]["code"] == "blocked"
    assert "text" not in body and "placeholder_map" not in body


def test_values_found_in_the_documents_other_parts_are_redacted_in_the_text(client: Any, auth: dict[str, str]) -> None:
    """Document-level propagation: the subject names the petitioner and the passport; the body repeats them."""
    body = {
        "text": "王小明來電表示護照312345678已過期。",
        "context": ["主旨：陳情人王小明，護照號碼312345678"],
        "mode": "placeholder",
    }
    redacted = client.post("/api/v1/redact", json=body, headers=auth).get_json()
    assert redacted["text"] == "〔姓名1〕來電表示護照〔護照號碼1〕已過期。"
    assert redacted["placeholder_map"] == {"〔姓名1〕": "王小明", "〔護照號碼1〕": "312345678"}


def test_a_marking_in_another_part_blocks_the_copy(client: Any, auth: dict[str, str]) -> None:
    body = {"text": "承辦人王小明 0912-345-678", "context": ["密等及解密條件或保密期限：密"], "mode": "mask"}
    response = client.post("/api/v1/redact", json=body, headers=auth)
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "blocked"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/redact", {"text": TEXT, "mode": "shuffle"}),
        ("/api/v1/redact", {"mode": "mask"}),
        ("/api/v1/redact", {"text": TEXT, "context": "not a list"}),
        ("/api/v1/redact", {"text": TEXT, "context": [5]}),
        ("/api/v1/restore", {"text": "x"}),
        ("/api/v1/restore", {"text": "x", "map": {"〔姓名1〕": 5}}),
        ("/api/v1/restore", {"text": "x", "map": ["〔姓名1〕"]}),
    ],
)
def test_bad_requests_are_400(client: Any, auth: dict[str, str], path: str, body: Any) -> None:
    response = client.post(path, json=body, headers=auth)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_request"
