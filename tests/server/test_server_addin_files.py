"""The add-in's files from the API's origin: the on-send script learns the server's address; pop-ups may talk back."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from nlp.policy import load_policy
from server import create_app
from server.config import ConfigError, Settings
from server.engine import load_engine

ADDIN = Path(__file__).resolve().parents[2] / "addin"


@pytest.mark.parametrize("script", ["onsend.js", "onopen.js"])
def test_event_scripts_are_prefixed_with_the_configured_origin(environment, script):
    environment["AIGUARD_PUBLIC_URL"] = "https://aiguard.example.gov.tw"
    client = create_app(environment).test_client()
    response = client.get(f"/addin/commands/{script}", base_url="https://attacker.example")  # Host is ignored
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    body = response.get_data(as_text=True)
    assert body.startswith('self.AIGUARD_BASE_URL = "https://aiguard.example.gov.tw";\n')
    assert body.endswith((ADDIN / "commands" / script).read_text(encoding="utf-8"))


def test_the_origin_defaults_to_the_app_id_uri_host(client):
    body = client.get("/addin/commands/onsend.js", base_url="https://attacker.example").get_data(as_text=True)
    assert body.startswith('self.AIGUARD_BASE_URL = "https://localhost";\n')  # api://localhost/CLIENT-ID


def test_without_a_public_url_the_script_is_not_served(environment):
    del environment["AIGUARD_APP_ID_URI"]
    response = create_app(environment).test_client().get("/addin/commands/onsend.js")
    assert response.status_code == 503
    error = response.get_json()["error"]
    assert error["code"] == "not_ready" and "AIGUARD_PUBLIC_URL" in error["message"]["en"]
    assert "AIGUARD_PUBLIC_URL" in error["message"]["zh-TW"]


@pytest.mark.parametrize("url", ["http://aiguard.example.gov.tw", "https://aiguard.example.gov.tw/path", "aiguard"])
def test_public_url_must_be_an_https_origin(environment, url):
    environment["AIGUARD_PUBLIC_URL"] = url
    with pytest.raises(ConfigError) as error:
        Settings.from_env(environment)
    assert error.value.variable == "AIGUARD_PUBLIC_URL"


def test_addin_pages_let_office_dialogs_and_popups_message_back(client):
    with client.get("/addin/taskpane/word.html") as response:
        assert response.status_code == 200
        assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin-allow-popups"
    assert client.get("/healthz").headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_ckip_model_from_the_environment_reaches_the_policy(environment, tmp_path):
    environment = dict(environment, AIGUARD_CKIP_MODEL=str(tmp_path / "model"))
    settings = Settings.from_env(environment)
    assert settings.ckip_model == str(tmp_path / "model")
    policy = load_policy(settings.policy_path, environ={"AIGUARD_CKIP_MODEL": settings.ckip_model})
    assert policy.ner.ckip_model == str(tmp_path / "model")


def test_without_a_model_the_engine_runs_on_rules(app: Flask):
    engine, policy = load_engine(app.config["AIGUARD_SETTINGS"])
    assert policy.ner.ckip_model == ""
    assert engine.scan("承辦人：王小明").verdict == "redact"
