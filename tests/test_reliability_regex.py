"""Regular expressions applied to article text run in linear time (issue #19, item 1).

A hang detector, not a timing test: every compiled pattern of ``discourse.readers``
and ``discourse.corpus`` (found by introspection, so a new pattern is checked too)
meets 30,000-character runs of each adversarial character class. A linear pattern
takes about a millisecond; one with super-linear backtracking takes seconds (the
patterns this test first caught took 5-60 s), so the generous bound cannot flake.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import discourse.corpus
import discourse.readers
from discourse import corpus

#: runs of every character class that a backtracking pattern can choke on
RUNS = ["[", "]", "(", ")", "a.", ".", " ", "*", "_", '"', "'", "\n", "\t", "\n ", "-", "a", "1", "1.",
        "1/", ":", "#", "<", "<a ", "&", "\\", "=", "a ", "_a ", "*a ", "[](", "http://", "a-", "A ", "A. ",
        "By ", "\u201c", "\u00a0", ", ", "a@", "www.", "a\n", "111 ", "\r\n"]
N = 30_000
BOUND = 2.0  # seconds for one pattern on one run (linear: about 0.001 s)


def _patterns():
    for pkg in (discourse.readers, discourse.corpus):
        for info in pkgutil.iter_modules(pkg.__path__):
            mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
            for name, value in vars(mod).items():
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    yield f"{info.name}.{name}", value


PATTERNS = dict(_patterns())


def test_the_patterns_are_found():
    assert len(PATTERNS) >= 50
    assert {"article._MD_LINK", "article._MD_EMPH", "article._URL", "nexis._CLASSIC_DOC"} <= set(PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_pattern_is_linear_on_adversarial_runs(name):
    pattern = PATTERNS[name]
    slow = []
    for run in RUNS:
        text = (run * (N // len(run) + 1))[:N]
        start = time.perf_counter()
        pattern.search(text)
        pattern.match(text)
        for _ in pattern.finditer(text):
            pass
        took = time.perf_counter() - start
        if took > BOUND:
            slow.append((run, round(took, 1)))
    assert not slow, f"{name} backtracks super-linearly on runs of {slow}"


BODY = "Officials said the plan would proceed after the vote. " * 4


@pytest.mark.parametrize("name, junk", [
    ("brackets", "[" * 128_000),  # the hang in _strip_md
    ("dotted", "a." * 48_000),  # the hang in _is_footer
    ("underscores", "_a " * 30_000),
    ("stars", "*a " * 30_000),
    ("links", "[](" * 30_000),
])
def test_adversarial_paragraphs_load(tmp_path, name, junk):
    (tmp_path / f"{name}.txt").write_text(f"# Title\n\n{BODY}\n\n{junk}\n\n{BODY}", encoding="utf-8")
    df = corpus.load(tmp_path)
    assert len(df) == 1
    assert junk.strip()[:50] in df["text"].iloc[0] or name in ("stars", "underscores")


def test_markdown_still_stripped():
    from discourse.readers.article import _strip_md

    assert _strip_md("a **bold *it* move** and _quiet_ [link](http://x.org/(a)) \\$5") == \
        "a bold *it* move and quiet link $5"  # (one pass, as before)
    assert _strip_md("snake__case and 2 * 3 * 4") == "snake__case and 2 * 3 * 4"
