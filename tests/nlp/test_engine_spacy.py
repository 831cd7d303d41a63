"""The engine with an English spaCy pipeline named by the policy: its PERSON entities join the rule findings.

No statistical pipeline can be downloaded here, so the test saves its own pipeline (a blank English pipeline
with an entity ruler) to disk and points the policy at that directory, as IT would point it at en_core_web_sm.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from nlp import Engine, Policy
from nlp.engine import ENGLISH_PIPELINES
from nlp.finding import PERSON
from nlp.policy import NerPolicy

TEXT = "The meeting with Ysolde Halvorsen is moved to Friday."  # no title, label or listed given name


@pytest.fixture(scope="module")
def pipeline_dir(tmp_path_factory):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": [{"LOWER": "ysolde"}, {"LOWER": "halvorsen"}]}])
    directory = tmp_path_factory.mktemp("en-pipeline")
    nlp.to_disk(directory)
    return directory


def test_rules_alone_do_not_know_the_name():
    assert [f for f in Engine().scan(TEXT).findings if f.type == PERSON] == []


def test_policy_pipeline_adds_its_person_entities(pipeline_dir):
    engine = Engine(replace(Policy(), ner=NerPolicy(spacy_model=str(pipeline_dir))))
    people = [f for f in engine.scan(TEXT).findings if f.type == PERSON]
    assert [(f.text, f.recognizer) for f in people] == [("Ysolde Halvorsen", "spacy_ner")]
    assert TEXT[people[0].start : people[0].end] == "Ysolde Halvorsen"


def test_an_installed_pipeline_is_used_when_the_policy_names_none(monkeypatch):
    monkeypatch.setattr("nlp.engine.installed_english_pipeline", lambda: ENGLISH_PIPELINES[0])
    assert Engine()._spacy_model == "en_core_web_sm"
    assert Engine(replace(Policy(), ner=NerPolicy(spacy_model="/opt/own")))._spacy_model == "/opt/own"
