"""The engine with a CKIP model configured by policy: model names join the rule findings, offsets into the text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from nlp import Engine, Policy
from nlp.finding import PERSON
from nlp.policy import NerPolicy, load_policy

# No label, title, honorific or punctuation around the name: the rules cannot see it, the model can.
UNMARKED = "經查吳佳瑜於上週來電。"


@pytest.fixture(scope="module")
def engine_with_model(tiny_model_dir):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HUB_OFFLINE", "1")
        engine = Engine(replace(Policy(), ner=NerPolicy(ckip_model=str(tiny_model_dir))))
        engine.warm_up()
    return engine


def test_rules_alone_miss_the_unmarked_name():
    assert [f for f in Engine().scan(UNMARKED).findings if f.type == PERSON] == []


def test_model_finds_the_unmarked_name(engine_with_model):
    result = engine_with_model.scan(UNMARKED)
    people = [f for f in result.findings if f.type == PERSON]
    assert [(f.text, f.recognizer) for f in people] == [("吳佳瑜", "ckip_ner")]
    assert UNMARKED[people[0].start : people[0].end] == "吳佳瑜"
    assert result.verdict == "redact"


def test_model_and_rules_do_not_report_a_name_twice(engine_with_model):
    text = "承辦人：王小明\n" + UNMARKED
    people = [f for f in engine_with_model.scan(text).findings if f.type == PERSON]
    assert sorted(f.text for f in people) == ["吳佳瑜", "王小明"]


def test_policy_file_points_the_engine_at_the_model(tiny_model_dir, tmp_path):
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text(f'[ner]\nckip_model = "{tiny_model_dir}"\n', encoding="utf-8")
    policy = load_policy(policy_file, environ={})
    assert policy.ner.ckip_model == str(tiny_model_dir)


def test_environment_variable_fills_an_empty_ner_section(tiny_model_dir):
    policy = load_policy(None, environ={"AIGUARD_CKIP_MODEL": str(tiny_model_dir)})
    assert policy.ner.ckip_model == str(tiny_model_dir)
