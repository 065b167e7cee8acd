"""Intervals and estimates that cannot be had (issue #19, item 8).

An interval from fewer than two documents is NA, never a zero-width interval, and a
flag says so (``few_docs``); a model or statistic that cannot be estimated raises with
the reason, and nothing returns ±inf quietly.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from discourse import effects, framing, keyness, sentiment, stats, terms, topics

# X has one document, Y two: X's intervals are NA, Y's are not
THREE = pd.DataFrame({
    "doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "Y"],
    "published": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-02-03"]),
    "text": ["The regime said the army won the war. It was good.",
             "The government lied about the war and the money. A bad day.",
             "The regime fell. The army fled the war in terror."]})
TARGETS = {"army": ["army"], "state": ["regime", "government"]}
REFERENTS = {"state": {"regime": ["regime"], "government": ["government"]}}
FRAMES = {"conflict": ["war", "army"], "economic": ["money"]}


def _summarize():
    d = sentiment.score(THREE, level="document").merge(THREE[["doc_id", "outlet"]], on="doc_id")
    return sentiment.summarize(d, n_boot=50)


# name -> (run, the group column); every one of them gives intervals by outlet
INTERVALS = {
    "terms.rates": lambda: terms.rates(terms.find(THREE), THREE, n_boot=50),
    "sentiment.summarize": _summarize,
    "sentiment.toward": lambda: sentiment.toward(THREE, TARGETS, n_boot=50),
    "framing.aggregate": lambda: framing.aggregate(THREE, lexicon=FRAMES, n_boot=50),
    "keyness.rates": lambda: keyness.rates(THREE, ["regime", "army"], n_boot=50),
    "keyness.label_choice": lambda: keyness.label_choice(THREE, REFERENTS, n_boot=50),
    "topics.prevalence": lambda: topics.prevalence(topics.fit(THREE, 2, min_df=1), THREE, n_boot=50),
}
NO_FLAG: dict[str, str] = {}  # analyses with intervals but no few_docs flag (owner file)


@pytest.mark.parametrize("name", sorted(INTERVALS))
def test_an_interval_from_one_document_is_na(name):
    out = INTERVALS[name]()
    one, more = out[out["n_docs"] < 2], out[out["n_docs"] >= 2]
    assert set(one["outlet"]) >= {"X"} and len(more)
    assert one[["ci_low", "ci_high"]].isna().all().all()
    assert more[["ci_low", "ci_high"]].notna().any().all()  # (two documents do give intervals)
    assert (more["ci_low"].dropna() <= more["ci_high"].dropna()).all()


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=f"no few_docs flag yet (owner: {NO_FLAG[n]}); "
                                                                 "add few_docs = n_docs < 2 as sentiment does"))
    if n in NO_FLAG else n for n in sorted(INTERVALS)])
def test_an_interval_from_one_document_is_flagged(name):
    out = INTERVALS[name]()
    assert out["few_docs"].dtype == bool
    assert out["few_docs"].tolist() == (out["n_docs"] < 2).tolist()
    assert out["few_docs"].any() and not out["few_docs"].all()


def test_sentiment_units_of_one_sentence_have_no_interval():
    s = sentiment.score(THREE, level="document", n_boot=50)
    arc = sentiment.arc(THREE, n_boot=50)
    assert s.loc[s["n_sentences"] < 2, ["compound_low", "compound_high"]].isna().all().all()
    assert arc.loc[arc["n_sentences"] < 2, ["ci_low", "ci_high"]].isna().all().all()
    assert arc.loc[arc["n_sentences"] >= 2, ["ci_low", "ci_high"]].notna().all().all()


def test_keyness_score_flags_a_side_of_one_document():
    k = keyness.score(THREE, target="Y", reference="X", n_boot=50)
    assert k["few_docs"].all() and k[["ci_low", "ci_high"]].isna().all().all()
    assert k[["n_docs", "n_docs_reference"]].drop_duplicates().values.tolist() == [[2, 1]]
    four = pd.concat([THREE, THREE.iloc[[0]].assign(doc_id="d")], ignore_index=True)  # X: two documents
    k = keyness.score(four, target="Y", reference="X", n_boot=50)
    assert not k["few_docs"].any() and k[["ci_low", "ci_high"]].notna().any().all()
    k = keyness.score(THREE, by=None, reference=pd.DataFrame({"term": ["war", "peace"], "n": [5, 5]}), n_boot=50)
    assert not k["few_docs"].any() and k[["n_docs", "n_docs_reference"]].iloc[0].tolist() == [3, 0]


# ---------------------------------------------------------------- stats


def test_bootstrap_of_fewer_than_two_rows_is_na_not_zero_width():
    df = pd.DataFrame({"g": ["a", "b", "b", "c"], "x": [1.0, 2.0, 4.0, np.nan]})
    out = stats.bootstrap(df, "x", by="g", n_boot=200)
    assert out["n"].tolist() == [1, 2, 0]
    assert out["estimate"].tolist()[:2] == [1.0, 3.0] and np.isnan(out["estimate"].iloc[2])
    assert out[["ci_low", "ci_high"]].iloc[[0, 2]].isna().all().all()
    assert out["ci_low"].iloc[1] == 2.0 and out["ci_high"].iloc[1] == 4.0
    r = stats.bootstrap_ratio(df.assign(w=[10.0, 10.0, 20.0, 5.0]), "x", "w", by="g", n_boot=200)
    assert r["n"].tolist() == [1, 2, 0] and r[["ci_low", "ci_high"]].iloc[[0, 2]].isna().all().all()
    assert r["estimate"].iloc[1] == pytest.approx(6 / 30)


def test_bootstrap_with_no_resamples_gives_no_interval_and_keeps_the_estimate():
    df = pd.DataFrame({"x": [1.0, 2.0, 4.0], "w": [1.0, 1.0, 2.0]})
    out = stats.bootstrap(df, "x", n_boot=0)
    assert out["estimate"].item() == pytest.approx(7 / 3) and out[["ci_low", "ci_high"]].isna().all().all()
    assert stats.bootstrap_ratio(df, "x", "w", n_boot=0)[["ci_low", "ci_high"]].isna().all().all()


def test_a_ratio_over_no_words_is_na_not_inf():
    df = pd.DataFrame({"g": ["a", "a", "b", "b"], "n": [1.0, 2.0, 1.0, 0.0], "w": [0.0, 0.0, 0.0, 10.0]})
    r = stats.bootstrap_ratio(df, "n", "w", by="g", n_boot=200)
    assert np.isnan(r["estimate"].iloc[0]) and r[["ci_low", "ci_high"]].iloc[0].isna().all()
    assert np.isfinite(r[["estimate", "ci_low", "ci_high"]].iloc[1]).all()  # resamples with no words are left out


@pytest.mark.parametrize("bad", [-1, 2.5, True, "100"])
def test_bootstrap_refuses_an_impossible_number_of_resamples(bad):
    df = pd.DataFrame({"x": [1.0, 2.0]})
    with pytest.raises(ValueError, match="n_boot must be a whole number >= 0"):
        stats.bootstrap(df, "x", n_boot=bad)
    with pytest.raises(ValueError, match="n_boot must be a whole number >= 0"):
        stats.bootstrap_ratio(df.assign(w=1.0), "x", "w", n_boot=bad)


@pytest.mark.parametrize("bad", [0, 1, 1.5, -0.1])
def test_bootstrap_refuses_an_impossible_coverage(bad):
    df = pd.DataFrame({"x": [1.0, 2.0]})
    with pytest.raises(ValueError, match="ci must be between 0 and 1"):
        stats.bootstrap(df, "x", ci=bad)
    with pytest.raises(ValueError, match="ci must be between 0 and 1"):
        stats.bootstrap_ratio(df.assign(w=1.0), "x", "w", ci=bad)


# ---------------------------------------------------------------- cannot be estimated: raise with the reason


def test_keyness_raises_when_a_comparison_cannot_be_made():
    with pytest.raises(ValueError, match="only one group"):
        keyness.score(THREE.assign(outlet="X"))
    with pytest.raises(ValueError, match=r"group\(s\) \['X'\] have no words"):
        keyness.score(THREE.assign(text=["\u201cAll quoted.\u201d", THREE["text"][1], THREE["text"][2]]),
                      voice="authorial", target="X")
    with pytest.raises(ValueError, match="not in the corpus"):
        keyness.score(THREE, target="Z")
    with pytest.raises(ValueError, match="n_boot must be a whole number"):
        keyness.rates(THREE, "regime", n_boot=-1)
    with pytest.raises(ValueError, match="give at least one term"):
        keyness.rates(THREE, [])
    with pytest.raises(ValueError, match="two or more labels"):
        keyness.label_choice(THREE, {"state": {"regime": ["regime"]}})
    with pytest.raises(ValueError, match="reference table has no tokens"):
        keyness.score(THREE, by=None, reference=pd.DataFrame({"term": ["x"], "n": [0]}))


def test_keyness_degenerate_tables_give_no_inf():
    same = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["X", "X", "Y", "Y"],
                         "text": ["war war", "war", "war war war", "war"]})
    for method in keyness.METHODS:
        k = keyness.score(same, method=method, n_boot=30)
        assert not np.isinf(k.select_dtypes("number").to_numpy(dtype=float)).any(), method
        # one word type in the whole corpus: the log ratio, G2 and chi2 are 0, the log odds undefined (NaN, not inf)
        assert (k[["log_ratio", "g2", "chi2"]] == 0).all().all() and k["log_odds"].isna().all()
    c = keyness.collocations(same, "war", window=1, min_count=1)
    assert c.empty or not np.isinf(c.select_dtypes("number").to_numpy(dtype=float)).any()


def test_topics_raise_when_the_model_cannot_be_fitted():
    with pytest.raises(ValueError, match="too few for 5 topics"):
        topics.fit(THREE, 5, min_df=1)
    with pytest.raises(ValueError, match="no terms left to model"):
        topics.fit(THREE.assign(text=["", " ", "."]), 2, min_df=1)


SHARES = pd.DataFrame({"doc_id": list("abcdef"), "share": [0.1, 0.2, 0.3, 0.5, 0.6, 0.7]})
COVS = pd.DataFrame({"doc_id": list("abcdef"), "outlet": list("xxxyyz")})


def test_effects_raise_with_the_reason():
    with pytest.raises(effects.EstimationError, match="single document"):
        effects.estimate(SHARES, COVS, "share ~ outlet")
    with pytest.raises(KeyError, match="not column"):
        effects.estimate(SHARES, COVS, "share ~ nope")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # (no inf interval with a warning)
        out = effects.estimate(SHARES, COVS.assign(outlet=list("xxxyyy")), "share ~ outlet", method="bootstrap",
                               n_boot=100)
    assert np.isfinite(out[["estimate", "ci_low", "ci_high"]].to_numpy(dtype=float)).all()


def test_effects_with_all_shares_missing_raise_an_estimation_error():
    with pytest.raises(effects.EstimationError, match="'share' is missing in every document"):
        effects.estimate(SHARES.assign(share=np.nan), COVS.assign(outlet=list("xxxyyy")), "share ~ outlet")


def test_effects_with_shares_stored_as_text_say_so():
    with pytest.raises(effects.EstimationError, match=r"'share' holds (str|object) values, not numbers; convert it"):
        effects.estimate(SHARES.assign(share=list("abcdef")), COVS.assign(outlet=list("xxxyyy")), "share ~ outlet")
