"""Shared fixtures: the seed article as a corpus, and the repository root."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_6f0d46aa1e83e359.txt"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def _seed_corpus():
    from discourse import corpus

    return corpus.load(SEED)


@pytest.fixture
def seed_corpus(_seed_corpus):
    """The seed article loaded with discourse.corpus.load (a fresh copy per test)."""
    df = _seed_corpus.copy()
    df.attrs = dict(_seed_corpus.attrs)
    return df


@pytest.fixture(scope="session")
def seed_text(_seed_corpus) -> str:
    return str(_seed_corpus["text"].iloc[0])
