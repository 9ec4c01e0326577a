"""Shared paths and helpers for the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples"
CORPUS = REPO.parent / "shared" / "corpus"
SEED = REPO.parent / "shared" / "seed"
ONTOLOGY = REPO / "ontology"
# A fixed build date, so tests do not depend on the day they run.
TODAY = dt.date(2026, 11, 24)
BASE = "http://example.org/kg/"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir() or not any(CORPUS.glob("*.md")):
        pytest.skip("../shared/corpus is not present")
    return CORPUS
