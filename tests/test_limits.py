"""Limits of loading (issue #19): near-duplicate detection in bounded memory, and a
clear refusal, naming the options to use, when a corpus is beyond its limits."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discourse import corpus
from discourse.cli import main
from discourse.corpus import _duplicates, _shingling
from discourse.corpus._duplicates import _minhash, _shingles
from discourse.readers import ReaderError

VOCAB = [f"word{i}" for i in range(60)]


def _corpus(n: int = 400, seed: int = 3) -> list[str]:
    """Short texts from a small vocabulary (so LSH buckets are large), with chains of
    small edits (near copies of near copies), exact copies that differ in case and
    punctuation, and one-word texts."""
    rng = np.random.default_rng(seed)
    texts: list[str] = []
    while len(texts) < n:
        words = list(rng.choice(VOCAB, rng.integers(3, 25)))
        for _ in range(rng.integers(1, 6)):  # a chain of edits
            words[rng.integers(0, len(words))] = str(rng.choice(VOCAB))
            texts.append(" ".join(words) + ".")
        if rng.random() < 0.3:
            texts.append(texts[-1].upper().replace(".", "!"))  # an exact copy
    texts = texts[:n] + ["word1", "word1.", "word2"]
    order = rng.permutation(len(texts))
    return [texts[i] for i in order]


def _reference(texts: list[str], threshold: float) -> list[int]:
    """The definition, one text and one pair at a time with Python sets: exact copies by
    their words, then every pair of other texts that shares a band of MinHash
    signatures (``num_perm=128``, ``bands=32``, ``random_state=0``) and has a Jaccard
    similarity of at least ``threshold`` joins a cluster, led by its first text."""
    norm = [" ".join(re.findall(r"\w+", t.casefold())) for t in texts]
    first: dict[str, int] = {}
    out = [-1] * len(texts)
    for i, key in enumerate(norm):
        if key in first:
            out[i] = first[key]
        else:
            first[key] = i
    originals = [i for i in range(len(texts)) if out[i] < 0]
    shingles = {i: _shingles(norm[i], 3) for i in originals}
    seeds = np.random.default_rng(0).integers(0, np.iinfo(np.int64).max, size=128, dtype=np.int64).astype(np.uint64)
    signatures = {i: _minhash([shingles[i]], seeds)[0] for i in originals}
    parent = {i: i for i in originals}

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    buckets: dict[tuple, list[int]] = {}
    for i in originals:
        for b in range(32):
            buckets.setdefault((b, signatures[i][b * 4:(b + 1) * 4].tobytes()), []).append(i)
    candidates = {(i, j) for m in buckets.values() for x, i in enumerate(m) for j in m[x + 1:]}
    for i, j in sorted(candidates):
        a, b = set(shingles[i].tolist()), set(shingles[j].tolist())
        if len(a & b) / len(a | b) >= threshold:
            ri, rj = root(i), root(j)
            parent[max(ri, rj)] = min(ri, rj)
    for i in originals:
        out[i] = -1 if root(i) == i else root(i)
    return [out[o] if o >= 0 and out[o] >= 0 else o for o in out]


@pytest.fixture
def tiny_blocks(monkeypatch):
    """Internal blocks far smaller than the corpus: pairs, signatures and values."""
    monkeypatch.setattr(_duplicates, "_BLOCK", 7)
    monkeypatch.setattr(_duplicates, "_SIGNATURE_BLOCK", 4)
    monkeypatch.setattr(_shingling, "_VALUE_BLOCK", 50)


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.9])
def test_blocked_detection_equals_the_definition(tiny_blocks, threshold):
    texts = _corpus()
    expected = _reference(texts, threshold)
    found = corpus.find_duplicates(texts, threshold=threshold).tolist()
    assert found == expected
    assert sum(v >= 0 for v in found) > 40  # exact copies, near copies and chains


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["a", "b", "c", "d", "É", "e\u0301", "中文", "x1", "", "!"]),
                         max_size=12).map(" ".join), max_size=25),
       st.sampled_from([0.3, 0.5, 0.7, 0.9]))
def test_any_small_corpus_equals_the_definition_with_tiny_blocks(texts, threshold):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_duplicates, "_BLOCK", 2)
        mp.setattr(_duplicates, "_SIGNATURE_BLOCK", 4)
        mp.setattr(_shingling, "_VALUE_BLOCK", 3)
        assert corpus.find_duplicates(texts, threshold=threshold).tolist() == _reference(texts, threshold)


def test_blocked_and_whole_corpus_results_are_equal(monkeypatch):
    texts = _corpus(600, seed=5)
    whole = corpus.find_duplicates(texts)
    monkeypatch.setattr(_duplicates, "_BLOCK", 3)
    monkeypatch.setattr(_duplicates, "_SIGNATURE_BLOCK", 1)
    monkeypatch.setattr(_shingling, "_VALUE_BLOCK", 7)
    assert corpus.find_duplicates(texts).tolist() == whole.tolist()
    assert (whole >= 0).sum() > 60


def test_bitmap_bound_never_drops_a_similar_pair():
    """|A & B| <= |A| - popcount(a & ~b): the bound holds for every pair, whatever the width."""
    rng = np.random.default_rng(0)
    sets = [np.unique(rng.integers(0, 80, rng.integers(1, 60))) for _ in range(60)]
    flat, offsets = np.concatenate(sets), np.concatenate([[0], np.cumsum([len(s) for s in sets])])
    a, b = np.triu_indices(len(sets), 1)
    exact = _shingling.intersections(flat, offsets, a, b)
    assert exact.tolist() == [len(np.intersect1d(sets[i], sets[j])) for i, j in zip(a, b)]
    for width in (1, 2, 4):
        bits = _shingling.set_bitmaps(flat, offsets, width)
        only = np.bitwise_count(bits[a] & ~bits[b]).sum(axis=1)
        assert (exact <= np.diff(offsets)[a] - only).all()


def _table(tmp_path, n: int = 30):
    rows = [dict(id=f"r{i}", text=f"Story {i}: the council in town {i % 7} met on day {i} about roads.")
            for i in range(n)]
    rows.append(dict(id="copy", text=rows[3]["text"] + " Updated."))
    path = tmp_path / "articles.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_memory_beyond_the_limit_is_refused_with_the_options_to_use(tmp_path, monkeypatch):
    path = _table(tmp_path)
    assert corpus.load(path)["duplicate_of"].notna().sum() == 1
    monkeypatch.setattr(_duplicates, "MEMORY_LIMIT", 1000)
    with pytest.raises(ReaderError, match=r"31 texts .* would need about .* GB, more than its limit of 0\.0 GB\. "
                                          r"Use duplicates=None \(exact duplicates only\) or duplicates=False"):
        corpus.load(path)
    with pytest.raises(ReaderError, match="load the files in smaller groups"):
        corpus.validate(pd.DataFrame({"text": ["a b c d", "a b c e"]}))
    assert corpus.load(path, duplicates=None)["duplicate_of"].isna().all()  # exact copies only: no limit
    assert len(corpus.load(path, duplicates=False)) == 31


def test_too_many_candidate_pairs_are_refused_before_they_are_checked(tmp_path, monkeypatch):
    path = _table(tmp_path)
    monkeypatch.setattr(_duplicates, "PAIR_LIMIT", 0)
    checked = []
    monkeypatch.setattr(_duplicates, "_join_similar", lambda *a: checked.append(a))
    with pytest.raises(ReaderError, match=r"would check about [\d,]+ candidate pairs .* more than its limit of 0\. "
                                          r"Use duplicates=None"):
        corpus.load(path)
    assert checked == []


def test_cli_refusal_is_one_line_without_a_traceback(tmp_path, monkeypatch, capsys):
    path = _table(tmp_path)
    monkeypatch.setattr(_duplicates, "MEMORY_LIMIT", 1000)
    assert main(["load", str(path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("discourse load: error: near-duplicate detection of 31 texts")
    assert "duplicates=None" in err and "Traceback" not in err


def test_cli_duplicates_option_chooses_exact_or_none(tmp_path, monkeypatch, capsys):
    path = _table(tmp_path)
    out = tmp_path / "c.csv"
    assert main(["load", str(path), "--quiet", "--out", str(out)]) == 0
    assert pd.read_csv(out)["duplicate_of"].notna().sum() == 1  # the near copy
    monkeypatch.setattr(_duplicates, "MEMORY_LIMIT", 1000)
    capsys.readouterr()
    assert main(["load", str(path), "--quiet"]) == 2
    assert "--duplicates exact or off" in capsys.readouterr().err
    for choice in ("exact", "off"):
        assert main(["load", str(path), "--quiet", "--duplicates", choice, "--out", str(out)]) == 0
        assert pd.read_csv(out)["duplicate_of"].isna().all()
