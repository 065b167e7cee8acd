"""Second pass of the fast paths (issue #10, speed): each gives exactly what the plain rule gives.

The VADER vocabulary analyses its new tokens together: only a token that begins or ends
with ASCII punctuation is stripped, and one dictionary look-up per lower-cased token gives
its lexicon value and rule-word flags. These tests hold that next to the per-token rules
of the reference ports (``_token_vader`` / ``_token_nltk``, the lexicon, the rule words),
and the scores next to the reference ``polarity_scores``, on invented tokens and sentences.
"""
from __future__ import annotations

import random
import string

import numpy as np
import pytest

from discourse import _vader

# invented tokens: punctuation at one end, both ends, inside only; one and two characters
# left after stripping; only punctuation; non-ASCII letters and punctuation; ALL CAPS;
# "n't"; booster, negation, idiom anchor, "but"; emoji-like strings
TOKENS = [
    "good", "Good", "GOOD", "good!", "!good", "'good'", "--good--", "go-od", "g.o.o.d", "good's",
    "ok", "ok.", "(ok)", "a", "a.", "!a!", "!!", "...", "?!?", ":)", ":-(", "<3", "-", "'",
    "isn't", "ISN'T", "wasn't,", "n't", "can't!", "extremely", "EXTREMELY", "Extremely.",
    "not", "NOT", "never", "kind", "kind,", "sort", "but", "But", "BUT", "but,", "butter",
    "caf\u00e9", "CAF\u00c9!", "\u00e9t\u00e9", "\u201cawful\u201d", "\u2018bad\u2019", "na\u00efve.",
    "\u03a3\u039f\u03a3",
    "\U0001f600", "x\U0001f600", "hate", "HATE!!", "lol", "LOL?", "1st", "2", "_", "__init__", "a-b",
    "superconductivity-related-awfulness", "wonderfully", "horrible...", "(great)", "great,", "'great'",
]


def _plain(vocab: _vader._Vocab, toks: list[str]):
    """The per-token rules, one token at a time (what ``_Vocab.add`` computes in bulk)."""
    r = vocab.rules
    rows = []
    for tok in toks:
        if r.method == "vader":
            word, keep = _vader._token_vader(tok), True
        else:
            word, keep = _vader._token_nltk(tok, r.punc_list), len(tok) > 1
        low = word.lower()
        trig = vocab.trig.get(low, 0) | (1 if "n't" in low else 0)
        is_lex = low in r.lex
        upper = word.isupper()
        rows.append((word, low, keep, r.lex.get(low, 0.0), is_lex, trig, upper,
                     upper and (is_lex or low in r.booster), low == "but"))
    return rows


def _bulk(vocab: _vader._Vocab, toks: list[str]):
    ids = vocab.add(toks)
    arrays = [a[ids].tolist() for a in vocab.arrays()]
    words = [vocab.word[i] for i in ids.tolist()]
    lowers = [vocab.lower[i] for i in ids.tolist()]
    return [(w, lw, *rest) for w, lw, rest in zip(words, lowers, zip(*arrays))]


@pytest.mark.parametrize("method", _vader.METHODS)
def test_vocabulary_features_are_the_per_token_rules(method):
    vocab = _vader._Vocab(_vader._rules(method))
    assert _bulk(vocab, TOKENS) == _plain(vocab, TOKENS)
    # a second batch is appended after the first, with its own features
    more = [t + "!" for t in TOKENS] + ["?" + t.upper() for t in TOKENS]
    assert _bulk(vocab, more) == _plain(vocab, more)
    assert len(vocab) == len(TOKENS) + len(more)


@pytest.mark.parametrize("method", _vader.METHODS)
def test_vocabulary_features_on_generated_tokens(method):
    rng = random.Random(7)
    alphabet = string.ascii_letters[:8] + "'!.,-?\"()" + "\u00e9\u00c9\u2019\u201c"
    toks = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 9))) for _ in range(3000)})
    toks += [w + p for w in ("good", "bad", "not", "very", "but") for p in ("!", "'", "...", "")]
    vocab = _vader._Vocab(_vader._rules(method))
    assert _bulk(vocab, toks) == _plain(vocab, toks)


def test_vocabulary_of_no_tokens_is_empty():
    vocab = _vader._Vocab(_vader._rules("vader"))
    assert vocab.add([]).tolist() == []
    assert len(vocab) == 0


@pytest.mark.parametrize("method", _vader.METHODS)
def test_scores_of_punctuated_tokens_equal_the_reference(method):
    sentences = [" ".join(TOKENS[i:i + 7]) for i in range(0, len(TOKENS), 3)]
    sentences += ["'Good' movie, BUT the ending (the ENDING!) wasn't great...",
                  "--Horrible-- service; \u201cawful\u201d food; never again!",
                  "Kind of nice. Sort of... NOT bad!"]
    ref = _vader.reference(method)
    want = np.array([[d["neg"], d["neu"], d["pos"], d["compound"]] for d in map(ref.polarity_scores, sentences)])
    got = _vader.BatchScorer(method).score(sentences)
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(np.signbit(got), np.signbit(want))
