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
    assert list(est.columns) == ["term", "variable", "level", "baseline", "estimate", "std_error", "ci_low",
                                 "ci_high", "p_value", "n"]
    row = est.set_index("term").loc["outlet[T.B]"]
    assert row["variable"] == "outlet" and row["level"] == "B" and row["baseline"] == "A"
    assert est.attrs["baseline"] == {"outlet": "A"} and est.attrs["dropped"] == {}
    assert pd.isna(est.set_index("term").loc["Intercept", "baseline"])
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
    scores = framing.score(df)
    est = effects.estimate(scores, df, "share ~ outlet", baseline="Northgate Herald")
    assert est.attrs["baseline"] == {"outlet": "Northgate Herald"}
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


def test_baseline_is_chosen_stated_and_checked():
    shares, cov = planted(n_per=20)
    cov.loc[cov.index[::3], "outlet"] = "C"
    est = effects.estimate(shares, cov, "share ~ outlet", baseline={"outlet": "B"})
    got = est[est["variable"] == "outlet"]
    assert got["level"].tolist() == ["A", "C"] and set(got["baseline"]) == {"B"}
    d = shares.merge(cov).groupby("outlet")["share"].mean()
    assert got["estimate"].tolist() == pytest.approx([d["A"] - d["B"], d["C"] - d["B"]])
    # a string is the baseline of the first covariate of the formula
    pd.testing.assert_frame_equal(effects.estimate(shares, cov, "share ~ outlet", baseline="B"), est)
    # the same as the formula's own Treatment reference, which is stated too
    via = effects.estimate(shares, cov, "share ~ C(outlet, Treatment('B'))")
    assert via.attrs["baseline"] == {"outlet": "B"}
    assert via["estimate"].tolist() == pytest.approx(est["estimate"].tolist())
    assert effects.differences(est).attrs["baseline"] == {"outlet": "B"}
    with pytest.raises(ValueError, match="'Z' is not a level of 'outlet'"):
        effects.estimate(shares, cov, "share ~ outlet", baseline="Z")
    with pytest.raises(ValueError, match="'year' is not a categorical covariate"):
        effects.estimate(shares, cov, "share ~ outlet", baseline={"year": "2024"})
    with pytest.raises(ValueError, match="already sets the baseline"):
        effects.estimate(shares, cov, "share ~ C(outlet, Treatment('B'))", baseline="A")
    with pytest.raises(KeyError, match=r"\['country'\] not column"):
        effects.estimate(shares, cov, "share ~ country")


def real_shaped(seed=0, n_docs=701, n_undated=21):
    """Shares of 701 documents from 7 outlets over 8 years, coverage uneven over the
    years (a few documents in the early ones), 21 undated; outlet O3 is planted 0.1
    above the others."""
    rng = np.random.default_rng(seed)
    years = np.arange(2016, 2024)
    weight = np.array([0.01, 0.02, 0.05, 0.12, 0.3, 0.3, 0.15, 0.05])
    year = rng.choice(years, size=n_docs, p=weight)
    day = rng.integers(0, 365, size=n_docs)
    published = pd.to_datetime([f"{y}-01-01" for y in year]) + pd.to_timedelta(day, unit="D")
    published = pd.Series(published)
    published[rng.choice(n_docs, size=n_undated, replace=False)] = pd.NaT
    outlet = np.array([f"O{i}" for i in rng.integers(0, 7, size=n_docs)])
    share = np.clip(0.3 + 0.1 * (outlet == "O3") + rng.normal(0, 0.1, size=n_docs), 0, 1)
    doc_id = [f"r{i:04d}" for i in range(n_docs)]
    return (pd.DataFrame({"doc_id": doc_id, "share": share}),
            pd.DataFrame({"doc_id": doc_id, "outlet": outlet, "published": published}))


def test_a_design_with_single_document_months_is_refused_with_the_fix():
    shares, cov = real_shaped()
    months = cov["published"].dt.to_period("M").nunique()
    with pytest.warns(UserWarning, match="21 document"):
        with pytest.raises(effects.EstimationError,
                           match=rf"month has {months} levels for 680 documents and \d+ of them .* hold a single "
                                 r"document.*use a coarser period \(quarter or year\) or drop it"):
            effects.estimate(shares, cov, "share ~ outlet + month")
    assert issubclass(effects.EstimationError, ValueError)


def test_undated_documents_are_counted_warned_and_the_year_model_is_finite():
    shares, cov = real_shaped()
    with pytest.warns(UserWarning, match=r"21 document\(s\) left out \(21 without year\)"):
        est = effects.estimate(shares, cov, "share ~ outlet + year")
    assert est.attrs["dropped"] == {"year": 21}
    assert est.attrs["baseline"] == {"outlet": "O0", "year": "2016"}
    assert est["n"].unique().tolist() == [680]
    assert np.isfinite(est[["estimate", "std_error", "ci_low", "ci_high"]].to_numpy()).all()
    assert len(est[est["variable"] == "outlet"]) == 6 and len(est[est["variable"] == "year"]) == 7
    o3 = est.set_index("term").loc["outlet[T.O3]"]
    assert o3["ci_low"] < 0.1 < o3["ci_high"] and o3["ci_low"] > 0
    # documents without a row of covariates are counted as well
    with pytest.warns(UserWarning, match="5 without covariates"):
        less = effects.estimate(shares, cov.iloc[5:], "share ~ outlet")
    assert less.attrs["dropped"] == {"doc_id": 5} and less["n"].iloc[0] == 696


def test_singular_and_oversized_designs_are_refused():
    shares, cov = planted(n_per=20)
    cov["desk"] = cov["outlet"].map({"A": "east", "B": "west"})  # the same split as outlet
    with pytest.raises(effects.EstimationError, match="singular: desk is determined by Intercept \\+ outlet"):
        effects.estimate(shares, cov, "share ~ outlet + desk")
    few = cov.iloc[:3].assign(tag=["a", "b", "c"])
    with pytest.raises(effects.EstimationError, match="3 parameters for 3 documents; tag has 3 levels"):
        effects.estimate(shares.iloc[:3], few, "share ~ outlet + tag")
    # a level of one document: infinite HC3 error refused; the plain OLS error exists
    one = cov.copy()
    one.loc[0, "outlet"] = "C"
    with pytest.raises(effects.EstimationError, match="outlet has 3 levels for 40 documents and 1 of them \\(C\\)"):
        effects.estimate(shares, one, "share ~ outlet")
    plain = effects.estimate(shares, one, "share ~ outlet", cov_type="nonrobust")
    assert np.isfinite(plain["std_error"]).all()


def test_effects_figure_and_notebook_formula_work_on_a_real_shaped_corpus():
    """7 outlets, 8 years with uneven coverage, 21 undated articles: the month model
    is refused with its fix, the default figure (year) has finite intervals."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from discourse import demo, framing
    from discourse.figures import framing as figs

    counts = [3, 6, 12, 30, 80, 90, 45, 14]
    df = pd.concat([demo.generate(n_articles=n, year=y, random_state=i)
                    for i, (n, y) in enumerate(zip(counts, range(2016, 2024)))], ignore_index=True)
    rng = np.random.default_rng(0)
    df["doc_id"] = [f"r{i:04d}" for i in range(len(df))]
    df["outlet"] = np.array([f"Outlet {c}" for c in "ABCDEFG"])[rng.integers(0, 7, len(df))]
    df.loc[rng.choice(len(df), 21, replace=False), "published"] = pd.NaT
    scores = framing.score(df)
    with pytest.warns(UserWarning, match="21 without month"):
        with pytest.raises(effects.EstimationError, match="use a coarser period"):
            effects.estimate(scores, df, "share ~ outlet + month")
    with pytest.warns(UserWarning, match="21 without year"):
        fig = figs.frame_effects(df)
    ax = fig.axes[0]
    assert ax.get_title().startswith("Outlet differences in frame share vs. Outlet A")
    segments = [seg for coll in ax.collections for seg in coll.get_segments()]
    assert len(segments) == 6 * 5 and np.isfinite(np.concatenate(segments)).all()
    plt.close(fig)
