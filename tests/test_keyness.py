"""keyness.score and keyness.rates: statistics against hand computation, planted
differences, document-bootstrap intervals, references and errors."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from discourse import keyness, text
from discourse.keyness import _measures as M
from discourse.keyness._counts import bh


# ----------------------------------------------------------- the statistics by hand
def test_g2_is_the_2x2_log_likelihood_computed_by_hand():
    # term: 10 of 1,000 tokens in the group, 5 of 2,000 in the reference
    # expected: 1000*15/3000 = 5, 995, 2000*15/3000 = 10, 1990
    hand = 2 * (10 * math.log(10 / 5) + 990 * math.log(990 / 995) + 5 * math.log(5 / 10)
                + 1995 * math.log(1995 / 1990))
    assert M.g2(10, 5, 1000, 2000) == pytest.approx(hand, rel=1e-12)
    assert hand == pytest.approx(6.969191931932806, rel=1e-12)
    ref = chi2_contingency([[10, 5], [990, 1995]], correction=False, lambda_="log-likelihood")[0]
    assert M.g2(10, 5, 1000, 2000) == pytest.approx(ref, rel=1e-12)


def test_g2_with_a_zero_cell_uses_0_log_0_equal_to_0():
    hand = 2 * (4 * math.log(4 / 2) + 96 * math.log(96 / 98) + 100 * math.log(100 / 98))
    assert M.g2(4, 0, 100, 100) == pytest.approx(hand, rel=1e-12)


def test_chi2_is_pearsons_statistic_computed_by_hand():
    hand = 3000 * (10 * 1995 - 990 * 5) ** 2 / (1000 * 2000 * 15 * 2985)
    assert hand == pytest.approx(7.537688442211055, rel=1e-12)
    assert M.chi2(10, 5, 1000, 2000) == pytest.approx(hand, rel=1e-12)
    assert M.chi2(10, 5, 1000, 2000) == pytest.approx(chi2_contingency([[10, 5], [990, 1995]],
                                                                       correction=False)[0], rel=1e-12)


def test_log_ratio_is_the_binary_log_of_relative_frequencies_with_half_for_zero():
    assert M.log_ratio(10, 5, 1000, 2000) == pytest.approx(2.0)  # (10/1000)/(5/2000) = 4
    assert M.log_ratio(4, 0, 100, 100) == pytest.approx(3.0)     # 0 counts as 0.5: 4/0.5 = 8
    assert M.log_ratio(0, 4, 100, 100) == pytest.approx(-3.0)


def test_log_odds_follows_monroe_colaresi_quinn_by_hand():
    # prior: alpha_w = 15, alpha_0 = 3000 (eq. 16 with an informative prior)
    d = math.log(25 / (1000 + 3000 - 25)) - math.log(20 / (2000 + 3000 - 20))
    z = d / math.sqrt(1 / 25 + 1 / 20)
    got_d, got_z = M.log_odds(10, 5, 1000, 2000, 15, 3000)
    assert got_d == pytest.approx(d, rel=1e-12) and got_z == pytest.approx(z, rel=1e-12)
    assert (round(d, 6), round(z, 6)) == (0.448549, 1.495162)


def test_benjamini_hochberg_by_hand():
    # sorted 0.01, 0.03, 0.04 (m = 3): 0.03, 0.045, 0.04 -> monotone 0.03, 0.04, 0.04
    assert bh(np.array([0.01, 0.04, 0.03])).tolist() == pytest.approx([0.03, 0.04, 0.04])
    assert np.isnan(bh(np.array([np.nan, 0.5]))[0])


# ------------------------------------------------------------------- score on corpora
@pytest.fixture
def two():
    return pd.DataFrame({"doc_id": list("abcd"), "outlet": ["A", "A", "B", "B"],
                         "text": ["The regime fell. The regime lied.", "The regime won.",
                                  "The government fell.", 'The government said "the regime lied."']})


def test_score_counts_totals_and_statistics_match_the_formulas(two):
    k = keyness.score(two, target="A", reference="B")
    row = k.set_index("term").loc["regime"]
    # A: the regime fell the regime lied the regime won = 9 words, regime 3
    # B: the government fell the government said the regime lied = 9 words, regime 1
    assert (row["group"], row["reference"]) == ("A", "B")
    assert (row["n"], row["n_reference"], row["total"], row["total_reference"]) == (3, 1, 9, 9)
    assert row["rate"] == pytest.approx(1000 * 3 / 9)
    assert row["g2"] == pytest.approx(M.g2(3, 1, 9, 9))
    assert row["chi2"] == pytest.approx(M.chi2(3, 1, 9, 9))
    assert row["log_ratio"] == pytest.approx(math.log2(3))
    d, z = M.log_odds(3, 1, 9, 9, 4, 18)  # prior: the pooled counts of the comparison
    assert (row["log_odds"], row["z"]) == (pytest.approx(d), pytest.approx(z))
    assert row["p"] == pytest.approx(M.p_z(z)) and row["estimate"] == pytest.approx(d)
    assert k["p_adjusted"].tolist() == pytest.approx(bh(k["p"].to_numpy()).tolist())
    assert k["term"].iloc[0] == "regime" and k["term"].iloc[-1] == "government"  # by z, most distinctive first


def test_score_voice_authorial_leaves_quoted_words_out(two):
    k = keyness.score(two, target="B", reference="A", voice="authorial")
    row = k.set_index("term").loc["regime"]
    assert (row["n"], row["total"]) == (0, 6)  # "the regime lied" is inside the quotation


def test_score_each_against_the_rest_every_pair_and_a_table(two):
    rest = keyness.score(two)
    assert sorted(set(zip(rest["group"], rest["reference"]))) == [("A", "rest"), ("B", "rest")]
    three = pd.concat([two, pd.DataFrame({"doc_id": ["e"], "outlet": ["C"], "text": ["The army won."]})])
    pairs = keyness.score(three, reference="each")
    assert len(set(zip(pairs["group"], pairs["reference"]))) == 6
    c_rest = keyness.score(three, target="C").set_index("term").loc["regime"]
    assert (c_rest["n"], c_rest["n_reference"], c_rest["total_reference"]) == (0, 4, 18)
    table = pd.DataFrame({"term": ["regime", "the", "other"], "n": [1, 50, 49]})
    t = keyness.score(two, by=None, reference=table, method="g2").set_index("term")
    assert (t.loc["regime", "n"], t.loc["regime", "n_reference"], t.loc["regime", "total_reference"]) == (4, 1, 100)
    assert t.loc["regime", "p"] == pytest.approx(M.p_chi2(M.g2(4, 1, 18, 100)))
    assert t.loc["government", "n_reference"] == 0


def test_score_ngrams_and_min_df(two):
    k = keyness.score(two, target="A", reference="B", ngram_range=(2, 2), min_df=2)
    assert set(k["term"]) == {"the regime", "regime lied", "the government"}


@pytest.fixture(scope="module")
def planted():
    """40 articles per outlet of 100 words; outlet A says 'regime' 10 per 1,000 words, B 2."""
    rng = np.random.default_rng(7)
    filler = np.array([f"word{i}" for i in range(300)])
    rows = []
    for outlet, rate in (("A", 10), ("B", 2)):
        for i in range(40):
            w = filler[rng.integers(0, 300, size=100)]
            hits = rng.binomial(100, rate / 1000)
            w[rng.choice(100, size=hits, replace=False)] = "regime"
            rows.append({"doc_id": f"{outlet}{i}", "outlet": outlet, "text": " ".join(w) + "."})
    return pd.DataFrame(rows)


def test_planted_regime_comes_out_with_the_right_sign_and_significant(planted):
    k = keyness.score(planted, method="g2").set_index(["group", "term"])
    a, b = k.loc[("A", "regime")], k.loc[("B", "regime")]
    assert a["n"] > 4 * b["n"] > 0
    assert a["log_ratio"] > 1.5 and a["z"] > 2.5 and a["p_adjusted"] < 0.001  # p of G2 (method="g2")
    assert b["log_ratio"] < -1.5 and b["z"] < -2.5 and b["p_adjusted"] < 0.001
    top = keyness.score(planted)
    assert top.groupby("group")["term"].first()["A"] == "regime"  # the most distinctive of A
    assert top.groupby("group")["term"].last()["B"] == "regime"   # the least of B


def test_bootstrap_intervals_cover_the_planted_rate_and_log_ratio(planted):
    r = keyness.rates(planted, "regime", n_boot=1000).set_index("outlet")
    assert r.loc["A", "ci_low"] < 10 < r.loc["A", "ci_high"]
    assert r.loc["B", "ci_low"] < 2 < r.loc["B", "ci_high"]
    assert (r["n_docs"] == 40).all()
    k = keyness.score(planted, target="A", reference="B", method="log_ratio", n_boot=500).set_index("term")
    assert k.loc["regime", "ci_low"] < math.log2(5) < k.loc["regime", "ci_high"]
    assert k.loc["regime", "ci_low"] > 0
    again = keyness.score(planted, target="A", reference="B", method="log_ratio", n_boot=500)
    pd.testing.assert_frame_equal(k.reset_index()[again.columns], again)  # deterministic


def test_intervals_from_one_document_are_na(two):
    solo = pd.concat([two, pd.DataFrame({"doc_id": ["e"], "outlet": ["C"], "text": ["The regime won."]})])
    k = keyness.score(solo, target="C", reference="A", n_boot=50)
    assert k["ci_low"].isna().all() and k["ci_high"].isna().all()
    r = keyness.rates(solo, "regime", n_boot=50).set_index("outlet")
    assert np.isnan(r.loc["C", "ci_low"]) and not np.isnan(r.loc["A", "ci_low"])


def test_rates_per_period_give_trajectories():
    df = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["A"] * 4,
                       "published": ["2024-01-02", "2024-01-20", "2024-02-03", None],
                       "text": ["The regime fell.", "The army won.", "The regime lied.", "The regime."]})
    with pytest.warns(UserWarning, match="1 undated document"):
        r = keyness.rates(df, ["regime", "army"], period="M", n_boot=0)
    assert r.attrs["undated"] == 1
    assert r["period"].dtype == pd.StringDtype()
    assert r[["period", "term", "n", "total", "n_docs"]].values.tolist() == [
        ["2024-01", "regime", 1, 6, 2], ["2024-01", "army", 1, 6, 2],
        ["2024-02", "regime", 1, 3, 1], ["2024-02", "army", 0, 3, 1]]


def test_twenty_groups_and_a_50000_term_vocabulary():
    rng = np.random.default_rng(0)
    vocab = np.array([f"w{i}" for i in range(50_000)])
    ids = np.concatenate([np.arange(50_000), rng.integers(0, 50_000, size=30_000)])
    docs = [" ".join(vocab[ids[i * 40:(i + 1) * 40]]) + "." for i in range(2_000)]
    df = pd.DataFrame({"doc_id": [f"d{i}" for i in range(2_000)],
                       "outlet": [f"o{i % 20:02d}" for i in range(2_000)], "text": docs})
    k = keyness.score(text.annotate(df, quotes=False), n_boot=20)
    assert k["group"].nunique() == 20 and k["term"].nunique() == 50_000
    assert (k.groupby("group")["total"].first() == 4_000).all()
    assert k["ci_low"].notna().all() and np.isfinite(k[["g2", "log_odds", "z"]].to_numpy()).all()


def test_score_never_mutates_its_input(two):
    before = two.copy()
    keyness.score(two, n_boot=10)
    keyness.rates(two, "regime", n_boot=10)
    pd.testing.assert_frame_equal(two, before)


# -------------------------------------------------------------------------- errors
def test_score_errors_name_the_fix(two):
    with pytest.raises(KeyError, match="pass by=None or a column"):
        keyness.score(two.drop(columns="outlet"))
    with pytest.raises(ValueError, match="method must be one of"):
        keyness.score(two, method="pmi")
    with pytest.raises(ValueError, match=r"reference: group\(s\) \['Z'\] not in the corpus"):
        keyness.score(two, reference="Z")
    with pytest.raises(ValueError, match="cannot be compared with itself"):
        keyness.score(two, target="A", reference="A")
    with pytest.raises(ValueError, match="only one group"):
        keyness.score(two, by=None)
    with pytest.raises(ValueError, match="n_boot must be"):
        keyness.score(two, n_boot=-1)
    with pytest.raises(KeyError, match="'term' and 'n'"):
        keyness.score(two, reference=pd.DataFrame({"word": ["a"], "count": [1]}))
    with pytest.raises(ValueError, match="voice must be None"):
        keyness.score(two, voice="all")
    named = two.assign(outlet=["each", "each", "B", "B"])
    with pytest.raises(ValueError, match="ambiguous"):
        keyness.score(named, reference="each")
    quoted = pd.DataFrame({"doc_id": ["x", "y"], "outlet": ["A", "B"], "text": ['"Regime."', "The army."]})
    with pytest.raises(ValueError, match=r"group\(s\) \['A'\] have no words"):
        keyness.score(quoted, target="A", voice="authorial")


# ------------------------------------------------ worked examples from the literature
def test_chi2_t_score_and_mi_reproduce_manning_and_schuetze_worked_examples():
    # Manning and Schuetze (1999), Foundations of Statistical NLP, ch. 5, on 14,307,668
    # tokens of New York Times newswire. "new companies" (sec. 5.3.1 and 5.3.3, table
    # 5.8): C(new) = 15,828, C(companies) = 4,675, C(new companies) = 8; the book gives
    # t = 0.999932 and chi-squared = 1.55. "Ayatollah Ruhollah" (sec. 5.4, table 5.16):
    # C = 42, 20, 20, I = 18.38 bits.
    n = 14_307_668
    # the 2x2 table of table 5.8: 8 | 4,667 / 15,820 | 14,287,181
    assert round(float(M.chi2(8, 4667, 8 + 15820, 4667 + 14287181)), 2) == 1.55
    assert round(float(M.t_score(8, 15828 * 4675 / n)), 6) == 0.999932
    assert round(float(M.mi(20, 42 * 20 / n)), 2) == 18.38


def test_collocations_use_the_same_t_score_and_mi():
    df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["the old regime fell and the old regime lied",
                                                       "the regime won the old war"]})
    c = keyness.collocations(df, "regime", window=1, min_count=1).set_index("term")
    o, e = c.loc["old", "n"], c.loc["old", "expected"]
    assert c.loc["old", "t_score"] == pytest.approx((o - e) / math.sqrt(o))
    assert c.loc["old", "mi"] == pytest.approx(math.log2(o / e))
    # "old" is 3 of the 15 words; the 3 "regime" mentions have 6 words in their 1-word windows
    assert (o, c.loc["old", "window_words"], c.loc["old", "total"]) == (2, 6, 15)
    assert e == pytest.approx(6 * 3 / 15)


# ------------------------------------------------------------ keyness within periods
@pytest.fixture
def monthly():
    return pd.DataFrame({
        "doc_id": list("abcdefgh"), "outlet": list("AABBAABB"),
        "published": ["2024-01-03", "2024-01-09", "2024-01-04", "2024-01-20",
                      "2024-02-02", "2024-02-05", "2024-02-07", None],
        "text": ["The regime fell.", "The regime lied.", "The government fell.", "The government lied.",
                 "The government won.", "The government lost.", "The regime won.", "The regime."]})


def test_score_per_period_compares_groups_within_each_period(monthly):
    with pytest.warns(UserWarning, match="1 undated document"):
        k = keyness.score(monthly, period="M", target="A", reference="B", method="log_ratio")
    assert k.attrs["undated"] == 1
    assert list(k.columns[:3]) == ["group", "period", "reference"] and k["period"].dtype == pd.StringDtype()
    r = k.set_index(["period", "term"])
    # January: A says "regime" twice, B never; February: A says "government" twice, B "regime" once
    assert r.loc[("2024-01", "regime"), ["n", "n_reference", "total", "total_reference"]].tolist() == [2, 0, 6, 6]
    assert r.loc[("2024-01", "regime"), "log_ratio"] == pytest.approx(math.log2((2 / 6) / (0.5 / 6)))
    assert r.loc[("2024-02", "regime"), ["n", "n_reference", "total", "total_reference"]].tolist() == [0, 1, 6, 3]
    assert r.loc[("2024-02", "regime"), "log_ratio"] < 0 < r.loc[("2024-01", "regime"), "log_ratio"]
    # the same numbers as scoring each month's documents alone
    jan = monthly[monthly["published"].str.startswith("2024-01", na=False)]
    alone = keyness.score(jan, target="A", reference="B", method="log_ratio")
    pd.testing.assert_frame_equal(k[k["period"] == "2024-01"].drop(columns="period").reset_index(drop=True),
                                  alone, check_dtype=False)


def test_score_per_period_skips_periods_without_a_comparison_and_says_when_none_has_one(monthly):
    solo = monthly.assign(outlet=["A", "A", "B", "B", "A", "A", "A", "A"])  # February: A only
    with pytest.warns(UserWarning):
        k = keyness.score(solo, period="M")
    assert set(k["period"]) == {"2024-01"} and set(k["group"]) == {"A", "B"}
    with pytest.raises(ValueError, match="no period holds both"):
        keyness.score(monthly.assign(outlet=list("AAAABBBB"), published=["2024-01-01"] * 4 + ["2024-02-01"] * 4),
                      period="M", target="B", reference="A")  # A in January only, B in February only
    with pytest.raises(KeyError, match="published"):
        keyness.score(monthly.drop(columns="published"), period="M")
    with pytest.raises(ValueError, match="period must be one of"):
        keyness.score(monthly, period="fortnight")
