"""Every recognizer module is registered in nlp/registry.py and has its own test file."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

import nlp.recognizers
from nlp.finding import ALL_TYPES
from nlp.policy import Policy, policy_from_dict
from nlp.recognizers.base import Recognizer
from nlp.registry import build_recognizers

RECOGNIZER_DIR = Path(nlp.recognizers.__file__).parent
TEST_DIR = Path(__file__).parent / "recognizers"
NOT_RECOGNIZERS = {"__init__", "base", "marking_context", "marking_field", "surnames"}
MODULES = sorted(p.stem for p in RECOGNIZER_DIR.glob("*.py") if p.stem not in NOT_RECOGNIZERS)


def recognizer_classes(module_name: str) -> list[type[Recognizer]]:
    module = importlib.import_module(f"nlp.recognizers.{module_name}")
    return [
        obj
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, Recognizer) and obj is not Recognizer and obj.__module__ == module.__name__
    ]


def test_the_expected_recognizers_exist():
    assert set(MODULES) >= {
        "tw_national_id",
        "tw_resident_id",
        "tw_passport",
        "tw_nhi_card",
        "phone",
        "email",
        "address",
        "person",
        "birth_date",
        "bank_account",
        "credit_card",
        "sensitive_category",
        "tw_business_id",
        "classified",
        "restricted",
    }


@pytest.mark.parametrize("module_name", MODULES)
def test_module_defines_one_recognizer_that_the_registry_builds(module_name):
    classes = recognizer_classes(module_name)
    assert len(classes) == 1, f"nlp/recognizers/{module_name}.py should define exactly one recognizer"
    built = {type(r) for r in build_recognizers(Policy())}
    assert classes[0] in built, f"{classes[0].__name__} is not registered in nlp/registry.py"
    assert classes[0].type in ALL_TYPES and classes[0].name


@pytest.mark.parametrize("module_name", MODULES)
def test_module_has_a_test_file(module_name):
    assert (TEST_DIR / f"test_{module_name}.py").is_file(), (
        f"tests/nlp/recognizers/test_{module_name}.py is missing"
    )


def test_every_finding_type_has_a_recognizer():
    assert {r.type for r in build_recognizers(Policy())} == set(ALL_TYPES)


def test_a_type_switched_off_is_not_built():
    recognizers = build_recognizers(policy_from_dict({"types": {"EMAIL": "ignore", "CLASSIFIED": "ignore"}}))
    assert {r.type for r in recognizers} == set(ALL_TYPES) - {"EMAIL", "CLASSIFIED"}
