"""keyness.label_choice and keyness.collocations on hand-made corpora with known answers."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from discourse import keyness, lexicon
from discourse.keyness import _measures as M

REFERENTS = {"afghan state": {"kabul regime": ["Kabul regime"], "regime": ["regime"],
                              "afghan government": ["Afghan government"]}}


@pytest.fixture
def corpus():
    return pd.DataFrame({
        "doc_id": ["a1", "a2", "b1", "b2"], "outlet": ["A", "A", "B", "B"],
        "published": ["2024-01-05", "2024-02-01", "2024-01-10", "2024-01-11"],
        "text": ["The Kabul regime fell. The regime lied.",
                 'The Afghan government said "the Kabul regime is gone."',
                 "The Afghan government met. The Afghan government left.",
                 'Critics call it a "regime" now.']})


def test_label_shares_per_outlet_with_the_voice_of_each_mention(corpus):
    t = keyness.label_choice(corpus, REFERENTS, n_boot=0).set_index(["outlet", "label"])
    # A: kabul regime 2 (one quoted), regime 1 (the longest match wins), afghan government 1
    assert t.loc["A", "n"].to_dict() == {"afghan government": 1, "kabul regime": 2, "regime": 1}
    assert t.loc["A", "share"].tolist() == [0.25, 0.5, 0.25]
    assert (t.loc[("A", "kabul regime"), "n_authorial"], t.loc[("A", "kabul regime"), "n_quoted"]) == (1, 1)
    assert t.loc["B", "share"].tolist() == pytest.approx([2 / 3, 0, 1 / 3])
    assert t.loc[("B", "regime"), "n_authorial"] == 0  # inside quotation marks
    assert (t["n_docs"] == 2).all() and (t.loc["A", "n_mentions"] == 4).all()
    assert t["referent"].dtype == pd.StringDtype()


def test_label_choice_voice_period_and_intervals(corpus):
    own = keyness.label_choice(corpus, REFERENTS, voice="authorial", n_boot=0).set_index(["outlet", "label"])
    assert own.loc["A", "n"].tolist() == [1, 1, 1] and own.loc[("B", "regime"), "n"] == 0
    per = keyness.label_choice(corpus, REFERENTS, period="M", n_boot=100)
    assert per["period"].dtype == pd.StringDtype()
    assert sorted(set(zip(per["outlet"], per["period"]))) == [("A", "2024-01"), ("A", "2024-02"), ("B", "2024-01")]
    one_doc = per[per["outlet"] == "A"]
    assert one_doc["ci_low"].isna().all() and one_doc["ci_high"].isna().all()  # one document per period
    two_docs = per[per["outlet"] == "B"].set_index("label")
    assert two_docs.loc["afghan government", "ci_low"] == 0.0 and two_docs.loc["afghan government", "ci_high"] == 1.0
    by_voice = keyness.label_choice(corpus, REFERENTS, by=["outlet", "voice"], n_boot=0)
    a_quoted = by_voice[(by_voice["outlet"] == "A") & (by_voice["voice"] == "quoted")].set_index("label")
    assert a_quoted["share"].to_dict() == {"afghan government": 0.0, "kabul regime": 1.0, "regime": 0.0}


def test_label_choice_takes_a_lexicon_table_with_a_referent_column(corpus):
    lex = lexicon.from_dict(REFERENTS["afghan state"]).assign(referent="afghan state")
    a = keyness.label_choice(corpus, lex, n_boot=0)
    b = keyness.label_choice(corpus, REFERENTS, n_boot=0)
    pd.testing.assert_frame_equal(a, b)


def test_label_choice_errors(corpus):
    with pytest.raises(ValueError, match="two or more labels"):
        keyness.label_choice(corpus, {"state": {"regime": ["regime"]}})
    with pytest.raises(TypeError, match="referents must be"):
        keyness.label_choice(corpus, ["regime"])
    with pytest.raises(KeyError, match="pass by=None or a column"):
        keyness.label_choice(corpus.drop(columns="outlet"), REFERENTS)
    with pytest.raises(KeyError, match="'published'"):
        keyness.label_choice(corpus.drop(columns="published"), REFERENTS, period="M")


# ------------------------------------------------------------------ collocations
def test_collocations_by_hand():
    df = pd.DataFrame({"doc_id": ["a"], "text": ["The Taliban regime fell. The army won. The Taliban regime fled."]})
    c = keyness.collocations(df, "taliban", window=1, min_count=2).set_index("term")
    # 11 words; windows of 1 word: (the, regime) twice -> 4 window words
    assert c.index.tolist() == ["regime", "the"]
    r = c.loc["regime"]
    assert (r["n"], r["n_term"], r["n_target"], r["window_words"], r["total"]) == (2, 2, 2, 4, 11)
    assert r["expected"] == pytest.approx(4 * 2 / 11)
    assert r["mi"] == pytest.approx(math.log2(2 / (8 / 11)))
    assert r["t_score"] == pytest.approx((2 - 8 / 11) / math.sqrt(2))
    assert r["g2"] == pytest.approx(M.g2(2, 0, 4, 7))
    the = c.loc["the"]
    assert (the["n"], the["n_term"]) == (2, 3) and the["g2"] == pytest.approx(M.g2(2, 1, 4, 7))


def test_collocations_sentence_window_groups_and_min_count():
    df = pd.DataFrame({"doc_id": ["x", "y"], "outlet": ["X", "Y"],
                       "text": ["The Taliban regime fell. The army won.", "Taliban militants fled."]})
    s = keyness.collocations(df, "taliban", window=None, by="outlet", min_count=1)
    assert s[s["outlet"] == "X"]["term"].tolist() == ["fell", "regime", "the"]  # the sentence only
    assert sorted(s[s["outlet"] == "Y"]["term"]) == ["fled", "militants"]
    w = keyness.collocations(df, "taliban", window=5, by="outlet", min_count=1)
    assert "army" in set(w[w["outlet"] == "X"]["term"])  # five words reach the next sentence
    none = keyness.collocations(df, "nothing", by="outlet")
    assert none.empty and list(none.columns)[:2] == ["outlet", "term"]


def test_collocations_errors():
    df = pd.DataFrame({"doc_id": ["x"], "text": ["The regime."]})
    with pytest.raises(ValueError, match="window must be"):
        keyness.collocations(df, "regime", window=0)
    with pytest.raises(ValueError, match="min_count must be"):
        keyness.collocations(df, "regime", min_count=0)
    with pytest.raises(ValueError, match="target: give"):
        keyness.collocations(df, [])


def test_label_and_collocation_functions_never_mutate_their_input(corpus):
    before = corpus.copy()
    keyness.label_choice(corpus, REFERENTS, n_boot=10)
    keyness.collocations(corpus, "regime", by="outlet", min_count=1)
    pd.testing.assert_frame_equal(corpus, before)
    assert np.isfinite(keyness.collocations(corpus, "regime", min_count=1)["g2"]).all()
