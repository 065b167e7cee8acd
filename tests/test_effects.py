"""Effects of covariates: planted outlet differences are recovered with the right sign
and an interval that covers them; robust SEs and the bootstrap are checked against
independent computations."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import effects


def planted(n_per=150, diff=0.12, base=0.3, sd=0.1, seed=0, months=("2024-01", "2024-02")):
    """Per-document shares: outlet B is ``diff`` above outlet A; noise is
    heteroskedastic (larger in B)."""
    rng = np.random.default_rng(seed)
    outlet = np.repeat(["A", "B"], n_per)
    month = np.tile(list(months), n_per)
    noise = rng.normal(0, sd, size=2 * n_per) * np.where(outlet == "B", 1.5, 1.0)
    share = base + diff * (outlet == "B") + noise
    doc_id = [f"d{i:04d}" for i in range(2 * n_per)]
    shares = pd.DataFrame({"doc_id": doc_id, "share": share})
    cov = pd.DataFrame({"doc_id": doc_id, "outlet": outlet,
                        "published": pd.to_datetime([m + "-15" for m in month])})
    return shares, cov


def test_ols_recovers_a_planted_outlet_difference():
    shares, cov = planted()
    est = effects.estimate(shares, cov, "share ~ outlet")
    assert list(est.columns) == ["term", "variable", "level", "estimate", "std_error", "ci_low", "ci_high",
                                 "p_value", "n"]
    row = est.set_index("term").loc["outlet[T.B]"]
    assert row["variable"] == "outlet" and row["level"] == "B"
    assert row["estimate"] > 0 and row["ci_low"] < 0.12 < row["ci_high"] and row["p_value"] < 0.001
    # with one categorical covariate, OLS is the difference of group means
    m = shares.merge(cov).groupby("outlet")["share"].mean()
    assert row["estimate"] == pytest.approx(m["B"] - m["A"])
    assert row["n"] == 300


def test_hc3_standard_errors_match_the_sandwich_formula():
    shares, cov = planted(n_per=40, seed=3)
    est = effects.estimate(shares, cov, "share ~ outlet").set_index("term")
    d = shares.merge(cov)
    X = np.column_stack([np.ones(len(d)), (d["outlet"] == "B").astype(float)])
    y = d["share"].to_numpy()
    XtX_inv = np.linalg.inv(X.T @ X)
    beta = XtX_inv @ X.T @ y
    e = y - X @ beta
    h = np.einsum("ij,jk,ik->i", X, XtX_inv, X)
    meat = X.T @ (X * (e ** 2 / (1 - h) ** 2)[:, None])
    se = np.sqrt(np.diag(XtX_inv @ meat @ XtX_inv))
    np.testing.assert_allclose(est["estimate"].to_numpy(), beta)
    np.testing.assert_allclose(est["std_error"].to_numpy(), se)
    z = 1.959963984540054
    np.testing.assert_allclose(est["ci_low"].to_numpy(), beta - z * se)
    plain = effects.estimate(shares, cov, "share ~ outlet", cov_type="nonrobust").set_index("term")
    assert plain.loc["outlet[T.B]", "std_error"] != pytest.approx(se[1])


def test_long_shares_fit_one_model_per_frame_and_month_comes_from_published():
    a, cov = planted(diff=0.12, seed=1)
    b, _ = planted(diff=-0.08, seed=2)
    long = pd.concat([a.assign(frame="conflict"), b.assign(frame="economic")], ignore_index=True)
    est = effects.estimate(long, cov, "share ~ outlet + month")
    assert list(est.columns)[0] == "frame"
    assert est["frame"].unique().tolist() == ["conflict", "economic"]
    diff = effects.differences(est)
    assert diff.columns[:2].tolist() == ["frame", "level"]
    got = diff.set_index("frame")
    assert got.loc["conflict", "estimate"] > 0 and got.loc["conflict", "ci_low"] < 0.12 < got.loc["conflict", "ci_high"]
    assert got.loc["economic", "estimate"] < 0 and got.loc["economic", "ci_low"] < -0.08 < got.loc["economic", "ci_high"]
    months = est[est["variable"] == "month"]
    assert months["level"].tolist() == ["2024-02", "2024-02"]
    # no month effect was planted: the intervals cover 0
    assert ((months["ci_low"] < 0) & (months["ci_high"] > 0)).all()


def test_missing_shares_are_dropped_and_inputs_untouched():
    shares, cov = planted(n_per=20)
    shares.loc[:4, "share"] = np.nan
    before = shares.copy()
    est = effects.estimate(shares, cov, "share ~ outlet")
    assert est["n"].iloc[0] == 35
    pd.testing.assert_frame_equal(shares, before)


def test_bootstrap_covers_the_planted_difference_and_is_reproducible():
    shares, cov = planted(n_per=80, seed=4)
    boot = effects.estimate(shares, cov, "share ~ outlet", method="bootstrap", n_boot=400, random_state=7)
    row = boot.set_index("term").loc["outlet[T.B]"]
    assert row["ci_low"] < 0.12 < row["ci_high"] and row["ci_low"] > 0 and row["p_value"] == 0
    ols = effects.estimate(shares, cov, "share ~ outlet").set_index("term").loc["outlet[T.B]"]
    assert row["estimate"] == pytest.approx(ols["estimate"])  # the point estimate is the OLS fit
    assert row["std_error"] == pytest.approx(ols["std_error"], rel=0.2)  # close to HC3
    again = effects.estimate(shares, cov, "share ~ outlet", method="bootstrap", n_boot=400, random_state=7)
    pd.testing.assert_frame_equal(boot, again)
    other = effects.estimate(shares, cov, "share ~ outlet", method="bootstrap", n_boot=400, random_state=8)
    assert not np.allclose(other["ci_low"], boot["ci_low"])


def test_reference_level_and_errors():
    shares, cov = planted(n_per=20)
    est = effects.estimate(shares, cov, "share ~ C(outlet, Treatment('B'))")
    row = est[est["variable"] == "outlet"].iloc[0]
    assert row["level"] == "A" and row["estimate"] < 0
    with pytest.raises(ValueError, match="formula must look like"):
        effects.estimate(shares, cov, "share outlet")
    with pytest.raises(ValueError, match="no doc_id in common"):
        effects.estimate(shares.assign(doc_id="zz" + shares["doc_id"]), cov, "share ~ outlet")
    with pytest.raises(ValueError, match="method must be"):
        effects.estimate(shares, cov, "share ~ outlet", method="gls")
    with pytest.raises(KeyError, match="doc_id"):
        effects.estimate(shares.drop(columns="doc_id"), cov, "share ~ outlet")
    with pytest.raises(ValueError, match="one row per sentence"):
        effects.estimate(shares.assign(sent_id=0), cov, "share ~ outlet")
    with pytest.raises(KeyError, match="no coefficient for variable 'year'"):
        effects.differences(est, variable="year")


def test_frame_scores_of_the_demo_corpus_recover_the_planted_outlet_profile():
    """End to end on the synthetic demo corpus: the Lowland Courier was generated with
    far more human-interest framing than the others."""
    from discourse import demo, framing

    df = demo.generate(n_articles=120, random_state=0)
    scores = framing.score(df, quotes=False)
    est = effects.estimate(scores, df, "share ~ C(outlet, Treatment('Northgate Herald'))")
    hi = effects.differences(est).query("frame == 'human_interest' and level == 'Lowland Courier'").iloc[0]
    assert hi["estimate"] > 0 and hi["ci_low"] > 0
    eco = effects.differences(est).query("frame == 'economic' and level == 'Lowland Courier'").iloc[0]
    assert eco["estimate"] < 0 and eco["ci_high"] < 0


def test_bootstrap_redraws_resamples_that_lose_a_level():
    shares, cov = planted(n_per=15, seed=5)
    cov.loc[0, "outlet"] = "C"  # one document: about a third of resamples miss it
    boot = effects.estimate(shares, cov, "share ~ outlet", method="bootstrap", n_boot=200, random_state=0)
    c = boot.set_index("term").loc["outlet[T.C]"]
    assert np.isfinite([c["ci_low"], c["ci_high"], c["std_error"]]).all()
    d = shares.merge(cov)
    assert c["estimate"] == pytest.approx(d["share"].iloc[0] - d.loc[d["outlet"] == "A", "share"].mean())
    assert c["ci_low"] <= c["estimate"] <= c["ci_high"]
