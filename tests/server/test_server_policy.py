"""GET /api/v1/policy and POST /api/v1/notice: what the add-in renders, from the agency's policy file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from server import create_app
from server.config import ConfigError

POLICY = """
version = "2026-11-test"
[types]
EMAIL = "report"
[notice]
zh = "本文由 AI 協助產生。"
en = "Drafted with AI assistance."
position = "bottom"
[outlook]
internal_domains = ["ntpc.gov.tw"]
fail_mode = "closed"
timeout_ms = 2500
[addin]
scan_on_open = true
"""


@pytest.fixture
def policy_client(environment: dict[str, str], tmp_path: Path) -> Any:
    path = tmp_path / "policy.toml"
    path.write_text(POLICY, encoding="utf-8")
    environment["AIGUARD_POLICY"] = str(path)
    return create_app(environment).test_client()


def test_policy_reflects_the_agency_file(policy_client: Any, auth: dict[str, str]) -> None:
    policy = policy_client.get("/api/v1/policy", headers=auth).get_json()
    assert policy["version"] == "2026-11-test"
    assert policy["notice"]["position"] == "bottom"
    assert "本文由 AI 協助產生" in policy["notice"]["zh-TW"]
    assert policy["types"]["EMAIL"] == {"zh-TW": "電子郵件地址", "en": "E-mail address", "action": "report", "order": 8}
    assert sorted(policy["types"], key=lambda name: policy["types"][name]["order"])[:3] == [
        "CLASSIFIED",
        "RESTRICTED",
        "TW_NATIONAL_ID",
    ]
    assert policy["types"]["CLASSIFIED"]["action"] == "block"
    assert policy["outlook"] == {
        "internal_domains": ["ntpc.gov.tw"],
        "fail_mode": "closed",
        "timeout_ms": 2500,
    }
    assert policy["addin"] == {"scan_on_open": True}
    assert {a["article"] for a in policy["articles"]} >= {
        "第肆章第1條",
        "第肆章第7條第1款",
        "第肆章第7條第2款",
    }
    assert policy["reminder"]["zh-TW"] and policy["reminder"]["en"]


def test_policy_needs_sign_in(policy_client: Any) -> None:
    assert policy_client.get("/api/v1/policy").status_code == 401


def test_notice_returns_the_texts_in_the_asked_language(policy_client: Any, auth: dict[str, str]) -> None:
    english = policy_client.post(
        "/api/v1/notice", json={"channel": "outlook", "lang": "en"}, headers=auth
    ).get_json()
    assert "Drafted with AI assistance." in english["text"]
    assert english["notice"]["zh-TW"].startswith("本文由 AI 協助產生")
    assert english["position"] == "bottom"
    chinese = policy_client.post("/api/v1/notice", json={"channel": "word"}, headers=auth).get_json()
    assert chinese["text"] == chinese["notice"]["zh-TW"]
    assert chinese["reminder"]["zh-TW"]


def test_notice_rejects_an_unknown_language(policy_client: Any, auth: dict[str, str]) -> None:
    response = policy_client.post("/api/v1/notice", json={"channel": "word", "lang": "fr"}, headers=auth)
    assert response.status_code == 400


def test_a_broken_policy_file_stops_start_up_naming_the_variable(
    environment: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "policy.toml"
    path.write_text("[types]\nEMAIL = 'sometimes'\n", encoding="utf-8")
    environment["AIGUARD_POLICY"] = str(path)
    with pytest.raises(ConfigError, match="AIGUARD_POLICY.*types.EMAIL"):
        create_app(environment)
