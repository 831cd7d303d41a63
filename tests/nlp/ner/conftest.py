"""Fixtures: one tiny CKIP-style NER model, trained once per test session and saved to a temporary directory."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from ckip_tiny_model import build_tiny_ckip_model

from nlp.ner.ckip import CkipPersonFinder


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A trained tiny model + tokenizer, saved with save_pretrained (no network: HF_HUB_OFFLINE=1)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HUB_OFFLINE", "1")
        directory = tmp_path_factory.mktemp("ckip-tiny")
        report = build_tiny_ckip_model(directory)
    print(f"tiny CKIP model: {report}")  # about 10 s on an idle 2-core machine
    assert report.held_out_accuracy == 1.0, f"the tiny model did not learn the held-out names: {report}"
    return directory


@pytest.fixture(scope="session")
def finder(tiny_model_dir: Path) -> CkipPersonFinder:
    """A loaded finder with chunks short enough for the tiny model (it was trained on short sentences)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HUB_OFFLINE", "1")
        started = time.perf_counter()
        person_finder = CkipPersonFinder(tiny_model_dir, max_chars=64)
        person_finder.load()
    print(f"tiny CKIP model loaded in {time.perf_counter() - started:.2f} s")
    return person_finder
