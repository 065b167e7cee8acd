"""Tests for plot functions on edge input (the figures themselves are checked by
``discourse figures --check`` and tests/test_figures.py)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from discourse import plots  # noqa: E402


def test_lengths_of_an_empty_corpus_is_an_empty_axes():
    # regression: matplotlib's boxplot raised on the empty list of groups
    empty = pd.DataFrame({"outlet": pd.Series([], dtype="string"), "text": pd.Series([], dtype="string")})
    ax = plots.lengths(empty)
    assert [t.get_text() for t in ax.get_yticklabels()] == [] and not ax.collections
    plt.close(ax.figure)
    ax = plots.lengths(pd.DataFrame({"outlet": ["A", "B", "B"], "text": ["one two", "a b c", "x"]}))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"] and len(ax.collections) == 2
    plt.close(ax.figure)


def test_frame_profile_draws_the_group_of_a_missing_outlet():
    agg = pd.DataFrame({"outlet": ["A", "A", None, None], "frame": ["conflict", "economic"] * 2,
                        "estimate": [0.5, 0.2, 0.4, 0.1], "ci_low": [0.4, 0.1, 0.3, 0.0],
                        "ci_high": [0.6, 0.3, 0.5, 0.2]})
    ax = plots.frame_profile(agg)
    drawn = [c.get_children()[0].get_xdata().tolist() for c in ax.containers]  # the dots of each group
    assert drawn == [[0.5, 0.2], [0.4, 0.1]]
    plt.close(ax.figure)


# ---------------------------------------------------------------- issue #17: fit for a paper
def _years(n_years: int, undated: int = 0) -> pd.DataFrame:
    dates = list(pd.date_range("2017-01-15", periods=n_years * 4, freq="91D"))
    return pd.DataFrame({"outlet": ["Big"] * (len(dates) - 4) + ["Small"] * 4 + ["Big"] * undated,
                         "published": dates + [pd.NaT] * undated})


def test_period_for_keeps_a_series_under_forty_points():
    from discourse.style import period_for

    day = pd.Timestamp("2024-01-01")
    assert period_for([day, day + pd.Timedelta(days=39)]) == "D"
    assert period_for([day, day + pd.Timedelta(days=40)]) == "W"
    assert period_for([day, day + pd.Timedelta(days=365)]) == "M"
    assert period_for([day, day + pd.Timedelta(days=8 * 365), None]) == "Q"
    assert period_for([day, day + pd.Timedelta(days=20 * 365)]) == "Y"
    assert period_for([day, day + pd.Timedelta(days=365)], max_points=12) == "Q"
    assert period_for([None]) == "M"
    with pytest.raises(ValueError, match="max_points must be at least 1"):
        period_for([day], max_points=0)


def test_articles_over_time_bins_a_long_span_coarsely_and_counts_the_undated():
    corpus = _years(8, undated=3)
    ax = plots.articles_over_time(corpus)
    assert len(ax.lines[0].get_xdata()) == 32  # 8 years by quarter, not 96 months
    assert ax.get_xlabel() == "Date (by quarter)\n3 undated articles not shown"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Big (28)", "Small (4)"]  # largest first
    plt.close(ax.figure)
    ax = plots.articles_over_time(corpus, period="Y", value="share")
    assert [round(float(ln.get_ydata().sum()), 9) for ln in ax.lines] == [1.0, 1.0]
    assert ax.get_xlabel().startswith("Date (by year)")
    plt.close(ax.figure)
    ax = plots.articles_over_time(corpus.dropna())
    assert ax.get_xlabel() == "Date (by quarter)"  # nothing undated: no note
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="value must be 'n' or 'share'"):
        plots.articles_over_time(corpus, value="rate")


def test_legends_sit_outside_the_data():
    ax = plots.articles_over_time(_years(2))
    ax.figure.canvas.draw()
    r = ax.figure.canvas.get_renderer()
    legend, data = ax.get_legend().get_window_extent(r), ax.get_window_extent(r)
    assert legend.x0 >= data.x1  # to the right of the Axes
    plt.close(ax.figure)


def test_a_rate_of_zero_is_drawn_visibly():
    r = pd.DataFrame({"category": ["label", "label"], "voice": ["authorial", "scare"], "rate": [2.0, 0.0]})
    ax = plots.term_rates(r)
    scare = [c for c in ax.collections if c.get_label() == "scare"][0]
    assert scare.get_offsets()[0][0] == 0.0 and not scare.get_clip_on()
    assert ax.get_xlim()[0] < 0  # the zero line is inside the Axes, not on its edge
    plt.close(ax.figure)


def test_groups_are_sorted_by_the_plotted_value_unless_ordered():
    agg = pd.DataFrame({"outlet": ["A"] * 3, "frame": ["conflict", "economic", "morality"],
                        "estimate": [0.1, 0.5, 0.3], "ci_low": [0.0, 0.4, 0.2], "ci_high": [0.2, 0.6, 0.4]})
    ax = plots.frame_profile(agg)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["economic", "morality", "conflict"]
    plt.close(ax.figure)
    ax = plots.frame_profile(agg, frames=["conflict", "morality"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["conflict", "morality"]
    plt.close(ax.figure)
    r = pd.DataFrame({"category": ["a", "b", "c"], "rate": [1.0, 3.0, 2.0]})
    ax = plots.term_rates(r, hue=None)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["b", "c", "a"]
    plt.close(ax.figure)
    ax = plots.term_rates(r, hue=None, order=["a", "b", "c"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b", "c"]
    plt.close(ax.figure)


def test_sources_by_outlet_are_shares_of_each_outlets_quotations():
    q = pd.DataFrame({"speaker_resolved": ["X", "X", "Y", "X", "Y", "Y", "Y"], "kind": ["direct"] * 7,
                      "outlet": ["Big", "Big", "Big", "Big", "Small", "Small", "Small"]})
    ax = plots.sources(q, by="outlet")
    bars = {(round(p.get_y() + p.get_height() / 2, 3)): p.get_width() for p in ax.patches}
    assert sorted(round(w, 4) for w in bars.values()) == [0.0, 0.25, 0.75, 1.0]
    assert ax.get_xlabel() == "Share of the group's quotations"
    plt.close(ax.figure)
    ax = plots.sources(q, by="outlet", value="n")
    assert sorted(p.get_width() for p in ax.patches) == [0.0, 1.0, 3.0, 3.0]
    plt.close(ax.figure)


def test_effects_name_their_baseline():
    est = pd.DataFrame({"term": ["outlet[T.B]", "outlet[T.C]"], "level": ["B", "C"], "variable": ["outlet"] * 2,
                        "baseline": ["A", "A"], "estimate": [0.1, 0.3], "ci_low": [0.0, 0.2], "ci_high": [0.2, 0.4]})
    ax = plots.effects(est)
    assert ax.get_xlabel().endswith("\nbaseline (0): A")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["C", "B"]  # largest difference first
    plt.close(ax.figure)
    no_column = est.drop(columns="baseline")
    no_column.attrs["baseline"] = {"outlet": "A"}
    ax = plots.effects(no_column)
    assert ax.get_xlabel().endswith("baseline (0): A")
    plt.close(ax.figure)
    no_column.attrs["dropped"] = {"year": 27, "month": 0}  # undated documents the model left out
    ax = plots.effects(no_column)
    assert ax.get_xlabel().endswith("baseline (0): A\n27 documents without year left out")
    plt.close(ax.figure)


def test_term_trajectories_sum_a_long_monthly_series_into_a_coarser_period():
    months = pd.period_range("2017-01", periods=48, freq="M").astype(str)
    r = pd.DataFrame({"outlet": "A", "period": months, "term": "regime", "n": 1, "total": 500,
                      "rate": 2.0, "ci_low": 1.0, "ci_high": 3.0})
    r.attrs["undated"] = 2
    ax = plots.term_trajectories(r)
    line = ax.get_lines()[0]
    assert len(line.get_xdata()) == 16 and set(line.get_ydata()) == {2.0}  # 3 x 1 / 1,500 words
    assert not ax.collections  # no bands: intervals need the analysis at that period
    assert ax.get_xlabel() == "by quarter (no bands)\n2 undated articles not shown"
    plt.close(ax.figure)
    ax = plots.term_trajectories(r, period="Y")
    assert len(ax.get_lines()[0].get_xdata()) == 4
    plt.close(ax.figure)
    ax = plots.term_trajectories(r.head(12))
    assert len(ax.get_lines()[0].get_xdata()) == 12 and len(ax.collections) == 1  # short: as it is, with a band
    plt.close(ax.figure)


def test_fit_wraps_a_title_wider_than_its_axes():
    from discourse import style

    with style.paper("single"):
        fig, (a, b) = plt.subplots(1, 2)
        a.set_title("New York Times - News, the largest outlet")
        b.set_title("Reuters")
        style.fit(fig)
        r = fig.canvas.get_renderer()
        assert "\n" in a.get_title(loc="left") and b.get_title(loc="left") == "Reuters"
        assert a._left_title.get_window_extent(r).x1 < b.get_tightbbox(r).x0
    plt.close(fig)


def test_hide_unused_cells_keep_the_scale_of_each_column():
    import matplotlib.pyplot as plt
    from discourse.plots._common import _hide_unused

    fig, axes = plt.subplots(2, 3, sharex=True, squeeze=False)
    try:
        _hide_unused(axes, 5)  # five panels in a 2 x 3 grid: the last cell is empty
        assert not axes[1, 2].get_visible() and all(ax.get_visible() for ax in axes.flat[:5])
        shown = [ax.xaxis.get_tick_params()["labelbottom"] for ax in axes.flat[:5]]
        assert shown == [False, False, True, True, True]  # the panel above the empty cell shows dates
    finally:
        plt.close(fig)
