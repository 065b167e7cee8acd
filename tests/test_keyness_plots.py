"""plots.keyness, plots.label_shares, plots.term_trajectories draw the tables of discourse.keyness."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from discourse import keyness, plots  # noqa: E402


@pytest.fixture
def df():
    return pd.DataFrame({"doc_id": list("abcd"), "outlet": ["A", "A", "B", "B"],
                         "published": ["2024-01-02", "2024-02-03", "2024-01-02", "2024-02-05"],
                         "text": ["The regime fell. The regime lied.", "The regime won.",
                                  "The government fell.", "The government lied about the regime."]})


def test_keyness_plot_shows_the_top_terms_of_each_group(df):
    k = keyness.score(df, n_boot=20)
    before = k.copy()
    ax = plots.keyness(k, top=2)
    assert sorted(t.get_text() for t in ax.get_yticklabels()) == sorted(
        k[k["group"] == "A"]["term"].head(2).tolist() + k[k["group"] == "B"]["term"].head(2).tolist())
    pd.testing.assert_frame_equal(k, before)
    plt.close("all")


def test_label_shares_and_trajectories_draw_one_mark_per_series(df):
    lab = keyness.label_choice(df, {"state": {"regime": ["regime"], "government": ["government"]}}, n_boot=20)
    ax = plots.label_shares(lab, by="outlet")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]
    traj = keyness.rates(df, ["regime", "government"], period="M", n_boot=20)
    ax = plots.term_trajectories(traj)
    assert len(ax.get_lines()) == 4  # two outlets × two terms
    with pytest.raises(KeyError, match="needs columns"):
        plots.keyness(pd.DataFrame({"x": [1]}))
    plt.close("all")
