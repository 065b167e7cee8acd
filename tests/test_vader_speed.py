"""The batch VADER scorer's vocabulary cache and batch token analysis (discourse._vader).

Every score is compared with the reference implementation's own ``polarity_scores``;
the helpers are checked on hand-made inputs with known answers.
"""
from __future__ import annotations

import numpy as np
import pytest

from discourse import _vader

# tokens of 1 to 20+ bytes (the three key kinds: <= 7 bytes, 8-15 bytes, longer), with
# punctuation to strip, non-ASCII letters, emoji, non-ASCII whitespace, ALL CAPS,
# "n't", booster / negation / idiom / "but" rule words, each repeated
TEXTS = [
    "The film was GOOD, but the ending wasn't great!!",
    "The film was GOOD, but the ending wasn't great!!",
    "wonderfully wonderfully wonderfully horrible... truly",
    "Café owners aren't happy; the café is \u201cawful\u201d \U0001f600 really",
    "kind of good\u00a0and sort of bad\u2003yet extremely-extraordinarily nice",
    "NOT BAD at all, not bad, NOT bad: the bomb, to die for",
    "Superconductivity-related-awfulness is no joke?! Yeah right.",
    "x\U0001f600 \u2764 love \u2764love <3 :) :-(",
    "!!! ??? ... \"great\" 'great' (great) great. -great- great,",
    "I",
    "",
    "never so happy, never this sad, without doubt the best",
]


def assert_same(got, want):
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(np.signbit(got), np.signbit(want))  # -0.0 too


def reference(texts, method):
    ref = _vader.reference(method)
    return np.array([[d["neg"], d["neu"], d["pos"], d["compound"]] for d in map(ref.polarity_scores, texts)])


@pytest.mark.parametrize("method", _vader.METHODS)
def test_cold_and_warm_calls_equal_the_reference(method):
    want = reference(TEXTS, method)
    scorer = _vader.BatchScorer(method)
    cold = scorer.score(TEXTS)
    n_vocab = len(scorer.vocab_)
    warm = scorer.score(TEXTS)
    assert len(scorer.vocab_) == n_vocab  # a warm call finds every token in the cache
    assert_same(cold, want)
    assert_same(warm, want)


@pytest.mark.parametrize("method", _vader.METHODS)
def test_batches_sharing_some_unseen_tokens_equal_the_reference(method):
    # the second and third batches mix cached tokens with new ones, repeated inside a batch
    first, second = TEXTS[:4], TEXTS[4:] + [t.upper() for t in TEXTS[:4]]
    third = [f"{t} {t.lower()} FANTASTICALLY terrible" for t in TEXTS] * 2
    scorer = _vader.BatchScorer(method)
    for batch in (first, second, third):
        assert_same(scorer.score(batch), reference(batch, method))


@pytest.mark.parametrize("method", _vader.METHODS)
def test_vocabulary_keeps_one_entry_per_distinct_token(method):
    scorer = _vader.BatchScorer(method)
    scorer.score(["good GOOD good, good", "good abcdefghij abcdefghij abcdefghijklmnopqrst abcdefghijklmnopqrst"])
    # five distinct raw tokens ("good," is stripped to "good" by both variants)
    assert scorer.vocab_.word == ["good", "GOOD", "good", "abcdefghij", "abcdefghijklmnopqrst"]
    assert len(scorer.vocab_.ids) == 5


def test_decode_spans_returns_the_token_texts():
    big = "ab caf\u00e9 x\U0001f600 longer-than-fifteen-bytes".encode()
    start = np.array([0, 3, 9, 15])
    length = np.array([2, 5, 5, 25])
    assert _vader._decode_spans(big, start, length) == ["ab", "caf\u00e9", "x\U0001f600", "longer-than-fifteen-bytes"]
    assert _vader._decode_spans(big, start[:0], length[:0]) == []


def test_special_chars_finds_emoji_and_nonascii_whitespace():
    texts = ["caf\u00e9", "a\u00a0b", "x\U0001f600", "\u2764\u2003", "\u201cquoted\u201d"]
    assert _vader._special_chars(texts) == ([2, 3], [1])
    assert _vader._special_chars([]) == ([], [])


@pytest.mark.parametrize("method", _vader.METHODS)
def test_colliding_hash_of_long_tokens_falls_back_to_exact_keys(method, monkeypatch):
    # with a zero multiplier the hash of an 8-15-byte token is its last word only, so
    # tokens with the same ending and length collide; the scorer must notice and still
    # tell them apart
    monkeypatch.setattr(_vader, "_MIX", np.uint64(0))
    texts = ["wonderful beautiful horrible", "terrible! wonderful, beautiful", "HORRIBLE terrible"]
    scorer = _vader.BatchScorer(method)
    assert_same(scorer.score(texts), reference(texts, method))
    # seven distinct raw tokens although "wonderful"/"beautiful" and "horrible"/"terrible"/
    # "HORRIBLE" share their hash ("terrible!" has 9 bytes, "wonderful," 10)
    assert scorer.vocab_.word == ["wonderful", "beautiful", "horrible", "terrible", "wonderful", "HORRIBLE",
                                  "terrible"]
