"""The agency policy file: a valid file parses into a typed Policy; every malformed case raises PolicyError
naming the offending key — never a silent default."""

from __future__ import annotations

import pytest

from nlp.policy import Policy, PolicyError, load_policy, policy_from_dict

VALID = """
version = "2026-11-01"

[markings]
restricted = ["機關內部文件"]
classified = { "機敏" = "密" }

[allow]
values = ["1999", "(02)2960-3456", "service@ntpc.gov.tw"]

[types]
EMAIL = "report"
TW_BUSINESS_ID = "ignore"

[notice]
zh = "本文由 AI 協助產出。"
en = "Produced with AI assistance."
position = "bottom"

[reminder]
zh = "請自行查核。"
en = "Check it yourself."

[ner]
ckip_model = "/opt/aiguard/models/ckip"
min_score = 0.6

[outlook]
internal_domains = ["ntpc.gov.tw", "@ntpc.gov.tw"]
fail_mode = "closed"
timeout_ms = 3000

[addin]
scan_on_open = true
"""


@pytest.fixture
def write(tmp_path):
    def _write(content: str | bytes):
        path = tmp_path / "policy.toml"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    for name in ("AIGUARD_POLICY", "AIGUARD_CKIP_MODEL", "AIGUARD_CKIP_TOKENIZER"):
        monkeypatch.delenv(name, raising=False)


def test_valid_file(write):
    policy = load_policy(write(VALID))
    assert policy.version == "2026-11-01"
    assert policy.restricted_markings == ("機關內部文件",)
    assert policy.classified_markings == {"機敏": "密"}
    assert policy.allow_values == ("1999", "(02)2960-3456", "service@ntpc.gov.tw")
    assert policy.type_action("EMAIL") == "report"
    assert policy.enabled("TW_BUSINESS_ID") is False
    assert policy.type_action("CLASSIFIED") == "block" and policy.type_action("PERSON") == "redact"
    assert (policy.notice.zh, policy.notice.en, policy.notice.position) == (
        "本文由 AI 協助產出。",
        "Produced with AI assistance.",
        "bottom",
    )
    assert (policy.reminder_zh, policy.reminder_en) == ("請自行查核。", "Check it yourself.")
    assert policy.ner.ckip_model == "/opt/aiguard/models/ckip" and policy.ner.min_score == 0.6
    assert policy.outlook.internal_domains == ("ntpc.gov.tw", "ntpc.gov.tw")
    assert policy.outlook.fail_mode == "closed" and policy.outlook.timeout_ms == 3000
    assert policy.addin.scan_on_open is True


def test_defaults_without_a_file():
    policy = load_policy(None)
    assert policy == Policy()
    assert policy.type_action("CLASSIFIED") == "block" and policy.type_action("RESTRICTED") == "block"
    assert policy.type_action("TW_BUSINESS_ID") == "report" and policy.type_action("PHONE") == "redact"


def test_empty_file_is_the_default_policy(write):
    assert load_policy(write("")) == Policy()


def test_classified_markings_as_a_list_mean_level_mi():
    assert policy_from_dict({"markings": {"classified": ["機敏"]}}).classified_markings == {"機敏": "密"}


def test_environment_names_the_policy_and_the_model(write, monkeypatch):
    monkeypatch.setenv("AIGUARD_POLICY", str(write('version = "env"')))
    monkeypatch.setenv("AIGUARD_CKIP_MODEL", "/models/ckip")
    policy = load_policy()
    assert policy.version == "env" and policy.ner.ckip_model == "/models/ckip"


MALFORMED = [
    # (TOML, key named in the error)
    ("[colour]\nred = 1", "colour"),  # unknown section
    ("unknown = 1", "unknown"),
    ("[markings]\nsecret = []", "markings.secret"),  # unknown key
    ("[notice]\nlanguage = 'zh'", "notice.language"),
    ("[ner]\nmodel = 'x'", "ner.model"),
    ("version = 3", "version"),  # wrong type
    ("markings = 'x'", "markings"),
    ("[markings]\nrestricted = '限閱'", "markings.restricted"),
    ("[markings]\nrestricted = ['']", "markings.restricted"),
    ("[markings]\nrestricted = [1]", "markings.restricted"),
    ("[markings]\nclassified = 'x'", "markings.classified"),
    ("[allow]\nvalues = '1999'", "allow.values"),
    ("[allow]\nvalues = [1999]", "allow.values"),
    ("[notice]\nzh = 1", "notice.zh"),
    ("[reminder]\nen = true", "reminder.en"),
    ("[ner]\nmin_score = 'high'", "ner.min_score"),
    ("[ner]\nmin_score = 1.5", "ner.min_score"),
    ("[ner]\nckip_model = 1", "ner.ckip_model"),
    ("[outlook]\ntimeout_ms = '3000'", "outlook.timeout_ms"),
    ("[outlook]\ntimeout_ms = true", "outlook.timeout_ms"),
    ("[outlook]\ntimeout_ms = 10000", "outlook.timeout_ms"),
    ("[outlook]\ninternal_domains = ['not a domain']", "outlook.internal_domains"),
    ("[addin]\nscan_on_open = 'yes'", "addin.scan_on_open"),
    ("[types]\nEMAIL = 'delete'", "types.EMAIL"),  # bad action
    ("[types]\nEMAIL = 1", "types.EMAIL"),
    ("[types]\nSSN = 'redact'", "types.SSN"),  # unknown type
    ("[markings]\nclassified = { '機敏' = '秘密' }", "markings.classified.機敏"),  # bad level
    ("[markings]\nclassified = { '機敏' = '普通' }", "markings.classified.機敏"),
    ("[outlook]\nfail_mode = 'ajar'", "outlook.fail_mode"),  # bad fail_mode
    ("[notice]\nposition = 'middle'", "notice.position"),
    ("[types\nEMAIL = 'report'", "file"),  # bad TOML
    ("version = ", "file"),
    ("[allow]\nvalues = ['a']\n[allow]\nvalues = ['b']", "file"),  # duplicate table
]


@pytest.mark.parametrize(("content", "key"), MALFORMED)
def test_malformed_policy_raises_naming_the_key(write, content, key):
    with pytest.raises(PolicyError) as error:
        load_policy(write(content))
    assert error.value.key == key
    assert key in str(error.value)
    assert error.value.zh and error.value.en


def test_not_utf8_is_a_policy_error(write):
    with pytest.raises(PolicyError) as error:
        load_policy(write("version = '機密'".encode("big5")))
    assert error.value.key == "file"


def test_missing_file_is_a_policy_error(tmp_path):
    with pytest.raises(PolicyError) as error:
        load_policy(tmp_path / "absent.toml")
    assert error.value.key == "file" and "absent.toml" in str(error.value)
