"""Tests for plot functions on edge input (the figures themselves are checked by
``discourse figures --check`` and tests/test_figures.py)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

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
