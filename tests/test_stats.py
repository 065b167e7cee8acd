"""discourse.stats: bootstrap intervals and the shared period rule."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from discourse import stats


def test_bootstrap_groups_and_determinism():
    df = pd.DataFrame({"outlet": ["a", "a", "a", "b", "b"], "x": [1.0, 2.0, 3.0, 10.0, 10.0]})
    out = stats.bootstrap(df, "x", by="outlet", n_boot=500, random_state=1)
    assert out["outlet"].tolist() == ["a", "b"] and out["n"].tolist() == [3, 2]
    assert out["estimate"].tolist() == [2.0, 10.0]
    assert 1.0 <= out["ci_low"].iloc[0] < 2.0 < out["ci_high"].iloc[0] <= 3.0
    assert out["ci_low"].iloc[1] == out["ci_high"].iloc[1] == 10.0  # no spread, no interval
    pd.testing.assert_frame_equal(out, stats.bootstrap(df, "x", by="outlet", n_boot=500, random_state=1))
    # a group's interval does not depend on which other groups are present
    only_a = stats.bootstrap(df[df["outlet"] == "a"], "x", by="outlet", n_boot=500, random_state=1)
    assert only_a[["ci_low", "ci_high"]].values.tolist() == out.iloc[[0]][["ci_low", "ci_high"]].values.tolist()


def test_bootstrap_ratio_is_pooled():
    df = pd.DataFrame({"n": [1, 3], "words": [100, 100]})
    out = stats.bootstrap_ratio(df, "n", "words", scale=1000, n_boot=200)
    assert out["estimate"].iloc[0] == 20.0
    assert 10.0 <= out["ci_low"].iloc[0] <= out["ci_high"].iloc[0] <= 30.0


def test_bootstrap_errors():
    df = pd.DataFrame({"x": [1.0]})
    with pytest.raises(KeyError, match="'y' not in data"):
        stats.bootstrap(df, "y")
    with pytest.raises(ValueError, match="ci must be between 0 and 1"):
        stats.bootstrap(df, "x", ci=95)


def test_period_labels_accept_both_spellings():
    dates = pd.Series(pd.to_datetime(["2024-01-31", "2024-02-01", None]))
    assert stats.period_labels(dates, "M").tolist()[:2] == ["2024-01", "2024-02"]
    assert stats.period_labels(dates, "month").tolist()[:2] == ["2024-01", "2024-02"]
    assert stats.period_labels(dates, "quarter").tolist()[:2] == ["2024Q1", "2024Q1"]
    assert pd.isna(stats.period_labels(dates, "Y").iloc[2])
    with pytest.raises(ValueError, match="period must be one of"):
        stats.period_alias("fortnight")


def test_bootstrap_ratio_leaves_out_missing_rows_like_bootstrap():
    df = pd.DataFrame({"g": ["a", "a", "a"], "n": [1.0, np.nan, 3.0], "w": [10.0, 20.0, 10.0]})
    out = stats.bootstrap_ratio(df, "n", "w", by="g", n_boot=200)
    assert out["n"].tolist() == [2]
    assert out["estimate"].tolist() == [0.2]
    assert 0.1 <= out["ci_low"].iloc[0] <= 0.2 <= out["ci_high"].iloc[0] <= 0.3
    with pytest.raises(ValueError, match="ci must be between 0 and 1"):
        stats.bootstrap_ratio(df, "n", "w", ci=95)


def test_bootstrap_draws_in_blocks_give_the_same_intervals(monkeypatch):
    # a group bigger than one block is resampled a block at a time (memory), with the
    # very draws of one big draw: the intervals do not depend on the block size
    rng = np.random.default_rng(3)
    df = pd.DataFrame({"g": rng.integers(0, 2, 900), "x": rng.normal(size=900),
                       "n": rng.integers(0, 5, 900), "w": rng.integers(50, 900, 900)})
    whole = (stats.bootstrap(df, "x", by="g", n_boot=50),
             stats.bootstrap_ratio(df, "n", "w", by="g", scale=1000, n_boot=50))
    monkeypatch.setattr(stats, "_BOOT_BLOCK", 1_001)  # two resamples of ~450 rows per block
    blocks = (stats.bootstrap(df, "x", by="g", n_boot=50),
              stats.bootstrap_ratio(df, "n", "w", by="g", scale=1000, n_boot=50))
    for a, b in zip(whole, blocks):
        pd.testing.assert_frame_equal(a, b)
    assert whole[0]["ci_low"].notna().all() and (whole[1]["ci_high"] > whole[1]["ci_low"]).all()
