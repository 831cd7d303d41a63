"""Every finding type is complete in every place that reads nlp/finding_types.py — and in the few copies that
cannot read it (restore synonyms, the add-in's fallbacks before the policy arrives), equal to it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bench import corpus
from nlp import articles, engine, finding, redaction, registry, restoration
from nlp.finding import Finding
from nlp.finding_types import FINDING_TYPE, FINDING_TYPES, MASK_RULES, TYPE_NAMES, display_rank
from nlp.policy import Policy

REPO = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
DATA_TYPES = [t for t in FINDING_TYPES if not t.marking]
IDS = [t.name for t in FINDING_TYPES]
# A value of each type the mask rule must change (nothing of the value's letters or digits left whole).
SAMPLES = {
    "TW_NATIONAL_ID": "A123456789",
    "TW_RESIDENT_ID": "A800000014",
    "TW_PASSPORT": "312345678",
    "TW_NHI_CARD": "000012345678",
    "PERSON": "王小明",
    "PHONE": "0912-345-678",
    "EMAIL": "wang@example.gov.tw",
    "ADDRESS": "新北市板橋區中山路一段161號",
    "BIRTH_DATE": "民國70年1月2日",
    "BANK_ACCOUNT": "012345678901",
    "CREDIT_CARD": "4111 1111 1111 1111",
    "SENSITIVE_CATEGORY": "罹患糖尿病",
    "TW_BUSINESS_ID": "04595257",
}


def test_the_table_itself():
    assert len(set(TYPE_NAMES)) == len(FINDING_TYPES) == 15
    assert [t.name for t in FINDING_TYPES if t.marking] == ["CLASSIFIED", "RESTRICTED"]
    assert [display_rank(name) for name in TYPE_NAMES] == list(range(len(TYPE_NAMES)))
    assert display_rank("NEW_TYPE") == len(TYPE_NAMES)
    placeholders = [t.placeholder for t in DATA_TYPES]
    assert len(set(placeholders)) == len(placeholders)  # restore tells types apart by these names


@pytest.mark.parametrize("finding_type", FINDING_TYPES, ids=IDS)
def test_each_row_is_complete(finding_type):
    assert re.fullmatch(r"[A-Z][A-Z_]+", finding_type.name)
    assert CJK.search(finding_type.zh) and finding_type.en.isascii() and finding_type.en
    if finding_type.marking:
        assert (finding_type.placeholder, finding_type.mask, finding_type.priority) == ("", "", 0)
        assert not finding_type.personal and finding_type.default_action == "block"
    else:
        assert CJK.search(finding_type.placeholder) and finding_type.mask in MASK_RULES
        assert finding_type.priority > 0
        assert finding_type.default_action == ("redact" if finding_type.personal else "report")


@pytest.mark.parametrize("finding_type", FINDING_TYPES, ids=IDS)
def test_each_type_in_the_engine(finding_type):
    name = finding_type.name
    assert getattr(finding, name) == name and name in finding.ALL_TYPES
    assert (name in finding.MARKING_TYPES) == finding_type.marking
    assert (name in finding.PERSONAL_DATA_TYPES) == finding_type.personal
    assert articles.TYPE_LABELS[name] == (finding_type.zh, finding_type.en)
    assert Policy().type_action(name) == finding_type.default_action
    assert any(recognizer.type == name for recognizer in registry.build_recognizers(Policy()))
    if finding_type.marking:
        assert name not in articles.PLACEHOLDER_NAMES and name not in engine.PRIORITY
        return
    assert articles.PLACEHOLDER_NAMES[name] == finding_type.placeholder
    assert engine.PRIORITY[name] == finding_type.priority
    assert finding_type.placeholder in restoration.SYNONYMS  # AI tools rename labels: restore must know them
    value = SAMPLES[name]
    masked = redaction.mask_value(Finding(type=name, start=0, end=len(value), text=value, score=1.0, recognizer="test"))
    assert masked != value and len(masked) > 0


def test_the_mask_rules_are_the_table_s():
    assert set(redaction.MASK_RULES) == set(MASK_RULES)
    assert set(SAMPLES) == {t.name for t in DATA_TYPES}
    assert set(restoration.SYNONYMS) == {t.placeholder for t in DATA_TYPES}


def test_the_benchmark_scores_every_type():
    assert corpus.TYPES == TYPE_NAMES
    assert corpus.PERSONAL_TYPES == finding.PERSONAL_DATA_TYPES
    assert corpus.MARKING_TYPES == finding.MARKING_TYPES


def test_the_server_sends_and_documents_every_type():
    flask = pytest.importorskip("flask")
    assert flask
    from server.api.policy import describe_policy
    from server.schemas import FINDING, POLICY_RESPONSE

    types = describe_policy(Policy())["types"]
    assert list(types) == list(TYPE_NAMES)
    for order, finding_type in enumerate(FINDING_TYPES):
        assert types[finding_type.name] == {
            "zh-TW": finding_type.zh,
            "en": finding_type.en,
            "action": finding_type.default_action,
            "order": order,
        }
    assert FINDING["properties"]["type"]["enum"] == list(TYPE_NAMES)
    assert POLICY_RESPONSE["properties"]["types"]["propertyNames"]["enum"] == list(TYPE_NAMES)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_add_in_fallbacks_equal_the_table():
    script = (
        "const i18n = require('./addin/lib/i18n.js'); const findings = require('./addin/lib/findings.js');"
        "console.log(JSON.stringify({labels: i18n.TYPE_LABELS, order: findings.TYPE_ORDER}));"
    )
    proc = subprocess.run(["node", "-e", script], capture_output=True, cwd=REPO, timeout=60, check=True)
    fallback = json.loads(proc.stdout)
    assert fallback["order"] == list(TYPE_NAMES)
    assert fallback["labels"] == {t.name: [t.zh, t.en] for t in FINDING_TYPES}
    assert list(fallback["labels"]) == list(TYPE_NAMES)
    assert FINDING_TYPE["PERSON"].zh == fallback["labels"]["PERSON"][0]
