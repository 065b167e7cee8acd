"""The fast paths of the text layer give exactly what the plain code gives.

Each fast path (issue #10, speed) replaces a simple rule by a cheaper computation of
the same thing; these tests hold the two side by side on invented text, hand-picked
edge cases (characters that fold to two, astral characters, lone surrogates, Unicode
white space) and generated strings.
"""
from __future__ import annotations

import random
import re

import numpy as np
import pandas as pd
import pytest

from discourse import lexicon
from discourse.terms._matcher import Matcher
from discourse.terms._normalize import _fold_text, _translate_text
from discourse.text._tokens import _classes
from discourse.text._units import _para_spans

# characters the rules treat specially, mixed into generated text
_SPECIAL = ("A", "z", "Q", " ", "\n", "\r", "\t", ".", "-", "'", "\u2019", "\u2018", "\u00a0", "\u2010", "\u2011",
            "\u2028", "\u3000", "\u00e9", "\u00c9", "\u03a3", "\u03c3", "\u03c2", "\u0301", "\u0130", "\u00df",
            "\ufb01", "\U0001F600", "\U00010400", "\x00", "\x85")


def _generated(n: int, seed: int, alphabet=_SPECIAL) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(n)]


# ------------------------------------------------------------------ case folding
@pytest.mark.parametrize("text", [
    "The Regime\u2019s \u201cpuppet\u201d GOVERNMENT\tfell.\nA so\u2010called\u00a0war.",
    "\u039f\u03a3 \u03c3\u03c2 Caf\u00c9 \U0001F600 \U00010400 end",
    "plain ascii, no tabs",
    "".join(map(chr, range(128))),  # every ASCII character
    "".join(c for c in map(chr, range(128, 0x800)) if len(c.casefold()) == 1),  # two-byte ones of UTF-8
    "",
])
def test_fold_text_is_casefold_then_translate(text):
    assert _fold_text(text) == _translate_text(text.casefold())
    assert _fold_text(text, casefold=False) == _translate_text(text)


@pytest.mark.parametrize("text", ["Stra\u00dfe", "\ufb01nance", "\u0130stanbul"])
def test_fold_text_declines_characters_that_fold_to_several(text):
    # the matcher then keeps its offset maps (the folded text is longer)
    assert len(text.casefold()) > len(text)
    assert _fold_text(text) is None
    assert _fold_text(text, casefold=False) == _translate_text(text)


def test_fold_text_keeps_lone_surrogates():
    text = "a\ud800B\udfff"
    assert _fold_text(text) == "a\ud800b\udfff"


def test_fold_text_on_generated_strings():
    for s in _generated(400, seed=1):
        slow = _translate_text(s.casefold())
        fast = _fold_text(s)
        if len(slow) != len(s):
            assert fast is None
        else:
            assert fast == slow
        assert _fold_text(s, casefold=False) == _translate_text(s)


def test_fold_text_in_pieces(monkeypatch):
    from discourse.terms import _normalize

    texts = _generated(60, seed=4)
    monkeypatch.setattr(_normalize, "_FOLD_PIECE", 7)
    for s in texts:
        slow = _translate_text(s.casefold())
        assert _fold_text(s) == (slow if len(slow) == len(s) else None)
        assert _fold_text(s, casefold=False) == _translate_text(s)


def test_matcher_offsets_with_and_without_the_fast_fold():
    texts = ["The STRASSE regime and the Stra\u00dfe regime.", "A regime\u2019s war\u00a0ended.", "REGIME-backed."]
    m = Matcher(lexicon.from_dict({"x": ["regime", "strasse", "war ended", "*-backed"]}))
    spans = m.spans(texts)
    assert [texts[d][a:b] for d, a, b, _ in spans] == ["STRASSE", "regime", "Stra\u00dfe", "regime", "regime",
                                                       "war\u00a0ended", "REGIME-backed"]


# ------------------------------------------------------------------ paragraphs
def _para_spans_plain(text: str) -> list[tuple[int, int]]:
    """The rule of _para_spans, written without its shortcut: split at blank lines,
    then strip each piece."""
    spans, pos = [], 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        ls, rs = len(seg) - len(seg.lstrip()), len(seg.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out


def test_para_spans_trim_unicode_white_space():
    text = "  One.  \n\n\u00a0Two.\u3000\n \n\t\n"
    assert _para_spans(text) == [(2, 6), (11, 15)]


def test_para_spans_on_generated_text():
    alphabet = ("a", "b", ".", " ", "\n", "\t", "\u00a0", "\u2028", "\x85", "\u3000")
    for s in _generated(2000, seed=2, alphabet=alphabet):
        assert _para_spans(s) == _para_spans_plain(s)


# ------------------------------------------------------------------ \w and \s
def test_character_classes_are_the_regex_classes():
    points = [*range(0x3000), *range(0xD7F0, 0xE010), 0x1F600, 0x10400, 0x1D7CE, 0x10FFFF]
    word, space = _classes(points)
    chars = ["!" if 0xD800 <= p <= 0xDFFF else chr(p) for p in points]
    assert word.tolist() == [re.fullmatch(r"\w", c) is not None for c in chars]
    assert space.tolist() == [re.fullmatch(r"\s", c) is not None for c in chars]


# ------------------------------------------------------------------ lexicons
def test_validate_twice_gives_equal_independent_copies():
    table = pd.DataFrame({"pattern": [" junta ", "regime*"], "category": ["label", "label"]})
    first = lexicon.validate(table)
    first.loc[0, "pattern"] = "changed"
    second = lexicon.validate(table)
    assert second["pattern"].tolist() == ["junta", "regime*"]
    assert second is not lexicon.validate(table)


def test_validate_sees_an_edited_table():
    table = pd.DataFrame({"pattern": ["junta", "regime"], "category": ["label", "label"]})
    assert len(lexicon.validate(table)) == 2
    table.loc[1, "category"] = " "
    with pytest.raises(lexicon.LexiconError, match="empty category"):
        lexicon.validate(table)


def test_validate_tells_equal_numbers_of_other_types_apart():
    as_int = lexicon.validate(pd.DataFrame({"pattern": [1], "category": ["n"]}))
    as_float = lexicon.validate(pd.DataFrame({"pattern": [1.0], "category": ["n"]}))
    assert as_int["pattern"].tolist() == ["1"]
    assert as_float["pattern"].tolist() == ["1.0"]


# ------------------------------------------------------------------ sentiment
def test_document_means_are_the_per_column_means():
    from discourse.sentiment._score import _aggregate

    rng = np.random.default_rng(3)
    n = 500
    sent = pd.DataFrame({"doc_id": pd.array(rng.choice(list("abcdefg"), n), dtype="string"),
                         "para_id": rng.integers(0, 4, n),
                         "neg": rng.random(n).round(3), "neu": rng.random(n).round(3),
                         "pos": rng.random(n).round(3), "compound": (rng.random(n) * 2 - 1).round(4)})
    for keys in (["doc_id"], ["doc_id", "para_id"]):
        out = _aggregate(sent, keys, n_boot=0, ci=0.95, random_state=0)
        c = sent["compound"].to_numpy()
        ref = sent.assign(_pos=(c >= 0.05).astype(float), _neg=(c <= -0.05).astype(float)).groupby(
            keys, sort=False, observed=True, dropna=False).agg(
            n_sentences=("compound", "size"), neg=("neg", "mean"), neu=("neu", "mean"), pos=("pos", "mean"),
            compound=("compound", "mean"), pos_share=("_pos", "mean"), neg_share=("_neg", "mean")).reset_index()
        pd.testing.assert_frame_equal(out[ref.columns.tolist()], ref, check_exact=True)
    one = _aggregate(sent.iloc[:2].assign(doc_id="a", compound=[0.5, -0.5]), ["doc_id"], n_boot=0, ci=0.95,
                     random_state=0)
    assert one[["n_sentences", "compound", "pos_share", "neg_share"]].values.tolist() == [[2, 0.0, 0.5, 0.5]]
