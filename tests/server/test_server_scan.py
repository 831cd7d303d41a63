"""POST /api/v1/scan: verdicts, offsets into the user's own fields, messages, external recipients."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from server import create_app

BODY = "請聯絡承辦人，身分證字號A123456789，手機0912-345-678。"


def test_findings_point_into_the_text_as_typed(client: Any, auth: dict[str, str]) -> None:
    response = client.post("/api/v1/scan", json={"text": BODY, "channel": "word"}, headers=auth)
    assert response.status_code == 200
    result = response.get_json()
    assert result["verdict"] == "redact"
    for finding in result["findings"]:
        assert BODY[finding["start"] : finding["end"]] == finding["text"]
        assert finding["field"] == "body"
    assert {f["type"] for f in result["findings"]} >= {"TW_NATIONAL_ID", "PHONE"}
    assert result["counts"]["TW_NATIONAL_ID"] == 1
    assert "身分證統一編號" in result["messages"]["zh-TW"]
    assert "National ID" in result["messages"]["en"]
    assert "external_recipients" not in result


def test_subject_findings_are_marked_and_index_the_subject(client: Any, auth: dict[str, str]) -> None:
    subject = "回覆：A123456789 的申請"
    response = client.post(
        "/api/v1/scan", json={"text": BODY, "subject": subject, "channel": "outlook"}, headers=auth
    )
    findings = response.get_json()["findings"]
    in_subject = [f for f in findings if f["field"] == "subject"]
    in_body = [f for f in findings if f["field"] == "body"]
    assert [subject[f["start"] : f["end"]] for f in in_subject] == ["A123456789"]
    assert all(BODY[f["start"] : f["end"]] == f["text"] for f in in_body)
    assert len(in_body) >= 2


def test_a_classification_marking_blocks(client: Any, auth: dict[str, str]) -> None:
    text = "密等及解密條件或保密期限：機密（至114年12月31日解密）\n主旨：預算案"
    result = client.post("/api/v1/scan", json={"text": text, "channel": "word"}, headers=auth).get_json()
    assert result["verdict"] == "block"
    assert result["basis"]["article"] == "第肆章第7條第1款"
    assert result["messages"]["zh-TW"].startswith("不可送出")


def test_external_recipients_are_listed_for_outlook(
    environment: dict[str, str], tmp_path: Any, auth: dict[str, str]
) -> None:
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text('[outlook]\ninternal_domains = ["ntpc.gov.tw"]\n', encoding="utf-8")
    environment["AIGUARD_POLICY"] = str(policy_file)
    client = create_app(environment).test_client()
    recipients = ["staff@ntpc.gov.tw", "clerk@mail.ntpc.gov.tw", "friend@gmail.com", "x@ntpc.gov.tw.evil.com"]
    result = client.post(
        "/api/v1/scan",
        json={"text": "開會通知", "channel": "outlook", "recipients": recipients},
        headers=auth,
    ).get_json()
    assert result["external_recipients"] == ["friend@gmail.com", "x@ntpc.gov.tw.evil.com"]


def test_an_empty_text_is_allowed(client: Any, auth: dict[str, str]) -> None:
    result = client.post("/api/v1/scan", json={"text": "", "channel": "word"}, headers=auth).get_json()
    assert result["verdict"] == "allow"
    assert result["findings"] == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"channel": "word"}, "body.text"),
        ({"text": 12, "channel": "word"}, "body.text"),
        ({"text": "x"}, "body.channel"),
        ({"text": "x", "channel": "teams"}, "body.channel"),
        ({"text": "x", "channel": "outlook", "recipients": "a@b.c"}, "body.recipients"),
        ({"text": "x", "channel": "outlook", "recipients": [42]}, "body.recipients[0]"),
        ({"text": "x", "channel": "word", "colour": "red"}, "body.colour"),
        (["text", "channel"], "body"),
    ],
)
def test_wrong_fields_are_named_in_both_languages(
    client: Any, auth: dict[str, str], body: Any, field: str
) -> None:
    response = client.post("/api/v1/scan", json=body, headers=auth)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_request"
    assert field in error["message"]["zh-TW"] and field in error["message"]["en"]


@pytest.mark.parametrize(
    "raw", [b'{"text": "x", "channel": ', b"\xff\xfe{}", b'{"text": NaN, "channel": "word"}', b""]
)
def test_malformed_json_is_a_400(client: Any, auth: dict[str, str], raw: bytes) -> None:
    response = client.post("/api/v1/scan", data=raw, content_type="application/json", headers=auth)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "malformed_json"


def test_another_media_type_is_a_415(client: Any, auth: dict[str, str]) -> None:
    response = client.post(
        "/api/v1/scan",
        data="text=x&channel=word",
        content_type="application/x-www-form-urlencoded",
        headers=auth,
    )
    assert response.status_code == 415
    assert response.get_json()["error"]["code"] == "unsupported_media_type"


def test_text_over_the_limit_is_a_413(environment: dict[str, str], auth: dict[str, str]) -> None:
    environment["AIGUARD_MAX_TEXT_CHARS"] = "100"
    client = create_app(environment).test_client()
    response = client.post("/api/v1/scan", json={"text": "字" * 101, "channel": "word"}, headers=auth)
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "text_too_long"
    assert "100" in response.get_json()["error"]["message"]["en"]


def test_a_body_over_the_request_limit_is_a_413(environment: dict[str, str], auth: dict[str, str]) -> None:
    environment["AIGUARD_MAX_REQUEST_BYTES"] = "2048"
    client = create_app(environment).test_client()
    response = client.post("/api/v1/scan", json={"text": "a" * 4000, "channel": "word"}, headers=auth)
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "request_too_large"


def test_unknown_paths_and_methods_get_the_envelope(client: Any, auth: dict[str, str]) -> None:
    missing = client.get("/api/v1/nothing", headers=auth)
    assert missing.status_code == 404
    assert missing.get_json()["error"]["code"] == "not_found"
    wrong_method = client.get("/api/v1/scan", headers=auth)
    assert wrong_method.status_code == 405
    assert wrong_method.get_json()["error"]["code"] == "method_not_allowed"


def test_an_engine_failure_is_a_500_without_details(
    app: Flask, client: Any, auth: dict[str, str], caplog: Any
) -> None:
    class Exploding:
        def scan(self, text: str) -> Any:
            raise RuntimeError(f"cannot handle {text}")

    app.extensions["aiguard.engine"] = Exploding()
    response = client.post(
        "/api/v1/scan", json={"text": "王小明 A123456789", "channel": "word"}, headers=auth
    )
    assert response.status_code == 500
    assert response.get_json()["error"]["code"] == "internal_error"
    assert b"Traceback" not in response.data and b"A123456789" not in response.data
    assert "RuntimeError" in caplog.text
    assert "A123456789" not in caplog.text
