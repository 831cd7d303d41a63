"""Fixtures for the document tests."""

from __future__ import annotations

import pytest

from .builders import build_sample


@pytest.fixture(scope="session")
def sample_docx() -> bytes:
    return build_sample()
