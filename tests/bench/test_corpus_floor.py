"""The engine on the labelled corpus must stay above an accuracy floor (bench/accuracy.py scores it).

The floors sit a little below what the engine reached when they were set (docs/accuracy.md); raise them
when the engine improves, never lower them to make a regression pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.accuracy import aiguard_predictor, evaluate  # noqa: E402
from bench.corpus import GENRES, PERSONAL_TYPES, load_cases  # noqa: E402

MIN_CASES = 200
FLOOR_MICRO_F1 = 0.97
FLOOR_PERSONAL_F1 = 0.96
FLOOR_VERDICT_ACCURACY = 0.98
FLOOR_MARKING_RECALL = 0.97


@pytest.fixture(scope="module")
def cases():
    return load_cases()


@pytest.fixture(scope="module")
def report(cases):
    return evaluate("aiguard", cases, aiguard_predictor())


def test_corpus_is_large_and_covers_every_genre(cases) -> None:
    assert len(cases) >= MIN_CASES
    assert set(GENRES) <= {c.genre for c in cases}
    assert {"block", "redact", "allow"} == {c.verdict for c in cases}


def test_micro_f1_above_floor(report) -> None:
    assert report.micro().f1 >= FLOOR_MICRO_F1
    assert report.micro(PERSONAL_TYPES).f1 >= FLOOR_PERSONAL_F1


def test_verdict_accuracy_above_floor(report) -> None:
    assert FLOOR_VERDICT_ACCURACY >= 0.85
    assert report.verdict_accuracy >= FLOOR_VERDICT_ACCURACY


def test_markings_are_found(report) -> None:
    assert report.micro(("CLASSIFIED", "RESTRICTED")).recall >= FLOOR_MARKING_RECALL


def test_no_hard_negative_is_blocked(cases) -> None:
    predict = aiguard_predictor()
    blocked = [c.id for c in cases if c.genre == "hard_negatives" and predict(c.text)[1] == "block"]
    assert blocked == []
