"""The add-in's files from the API's origin: the on-send script learns the server's address; pop-ups may talk back."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from flask import Flask

from nlp.policy import load_policy
from server import create_app
from server.addin_files import PANE_HOSTS, assemble_event_script, event_script_modules, render_pane, serves
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
    assert response.cache_control.max_age == 300


@pytest.mark.parametrize(
    ("name", "modules"),
    [
        ("onsend", ["lib/recipients.js", "lib/office.js", "commands/onsend.js"]),
        ("onopen", ["lib/recipients.js", "lib/office.js", "lib/api.js", "lib/findings.js", "lib/word-document.js",
                    "commands/onopen.js"]),
    ],
)
def test_event_scripts_are_assembled_from_the_lib_modules_they_require(name, modules):
    assert [path.relative_to(ADDIN).as_posix() for path in event_script_modules(ADDIN, name)] == modules
    script = assemble_event_script(ADDIN, name)
    assert script == assemble_event_script(ADDIN, name)  # deterministic: same files, same bytes
    for module in modules:
        assert f"// ---- addin/{module} ----\n" + (ADDIN / module).read_text(encoding="utf-8").rstrip() in script


def test_an_event_script_may_require_only_lib_modules(tmp_path):
    (tmp_path / "commands").mkdir()
    (tmp_path / "lib").mkdir()
    (tmp_path / "commands" / "onsend.js").write_text('require("../taskpane/pane.js");\n', encoding="utf-8")
    with pytest.raises(ValueError, match="only require addin/lib/"):
        assemble_event_script(tmp_path, "onsend")


# The assembled file alone, as classic Outlook and Word run it: no `module`, no `require`, no other file.
RUN_ALONE = r"""
const vm = require("node:vm");
const [script, kind] = [process.argv[1], process.argv[2]];
const handlers = {};
const context = {
  Office: {
    actions: { associate: (name, handler) => { handlers[name] = handler; } },
    AsyncResultStatus: { Failed: "failed" }, CoercionType: { Text: "text" },
    context: {
      roamingSettings: { get: () => ({ signIn: false }) },
      requirements: { isSetSupported: () => true },
      mailbox: { item: Object.fromEntries(["body", "subject", "to", "cc", "bcc"].map((field) => [field, {
        getAsync: (...args) => args[args.length - 1]({ status: "succeeded", value: field === "body" ? "王小明" : [] }),
      }])) },
    },
  },
  Word: { run: async () => { throw new Error("no document"); } },
  fetch: async (url) => { context.requested.push(url); throw new TypeError("offline"); },
  requested: [], setTimeout, clearTimeout, URL, URLSearchParams, AbortController, Promise,
};
context.self = context;
vm.runInNewContext(script, context);
const name = Object.keys(handlers)[0];
handlers[name]({ completed: (options) => {
  console.log(JSON.stringify({ name, options: options || null, requested: context.requested,
                               lib: Object.keys(context.AIGuard).sort() }));
} });
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("script", ["onsend.js", "onopen.js"])
def test_the_served_event_script_runs_alone(environment, script):
    environment["AIGUARD_PUBLIC_URL"] = "https://aiguard.example.gov.tw"
    body = create_app(environment).test_client().get(f"/addin/commands/{script}").get_data(as_text=True)
    run = subprocess.run(["node", "-e", RUN_ALONE, body, script], capture_output=True, text=True, timeout=30)
    assert run.returncode == 0, run.stderr
    outcome = json.loads(run.stdout)
    assert {"officeAsync", "readMessage", "serverOrigin", "silentToken"} <= set(outcome["lib"])
    if script == "onsend.js":  # the served origin is used; the server is down, so fail-open warns
        assert outcome["name"] == "onMessageSendHandler"
        assert outcome["requested"][-1] == "https://aiguard.example.gov.tw/api/v1/scan"
        assert outcome["options"]["allowEvent"] is False and "無法連線" in outcome["options"]["errorMessage"]
    else:  # the policy is asked at the served origin; the document opens whatever happens
        assert outcome["name"] == "onDocumentOpenedHandler"
        assert outcome["requested"] == ["https://aiguard.example.gov.tw/api/v1/policy"]
        assert "readDocument" in outcome["lib"]


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


@pytest.mark.parametrize("host", PANE_HOSTS)
def test_each_hosts_task_pane_is_rendered_from_the_one_template(client, host):
    response = client.get(f"/addin/taskpane/{host}.html")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.cache_control.max_age == 300
    page = response.get_data(as_text=True)
    assert page == render_pane(ADDIN, host)
    assert f'<body class="host-{host}">' in page and f'<script src="{host}.js" defer></script>' in page
    assert "{{" not in page and "{%" not in page
    assert serves(ADDIN, f"taskpane/{host}.html") and not (ADDIN / "taskpane" / f"{host}.html").exists()


# The per-host parts of the template: what one host's page has and the others' do not.
HOST_PARTS = {
    "../lib/table.js": {"excel"},
    'data-i18n="scopeSelection"': {"excel"},
    'data-i18n="notesNotReadable"': {"powerpoint"},
    'data-i18n="scopeSlidesSelected"': {"powerpoint"},
    'data-i18n="restoreHintSlides"': {"powerpoint"},
    'data-i18n="restoreHintCells"': {"excel"},
    'data-i18n="restoreHint"': {"word", "outlook"},
    'id="notice-insert"': set(PANE_HOSTS),
}


@pytest.mark.parametrize("part", HOST_PARTS)
def test_the_per_host_parts_appear_on_their_hosts_pages_only(part):
    assert {host for host in PANE_HOSTS if part in render_pane(ADDIN, host)} == HOST_PARTS[part]


def test_the_template_is_not_served_and_unknown_hosts_have_no_pane(client):
    assert client.get("/addin/taskpane/pane.jinja").status_code == 404
    assert client.get("/addin/taskpane/onenote.html").status_code == 404
    assert not serves(ADDIN, "taskpane/pane.jinja") and serves(ADDIN, "taskpane/pane.css")
    with pytest.raises(ValueError):
        render_pane(ADDIN, "onenote")


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
