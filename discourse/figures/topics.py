"""Topic-model figures on the synthetic demo corpus: top terms, prevalence over time by
outlet, and the choice of k.

The demo corpus plants five topics (war, economy, elections, health, climate), a war
peak in June-August 2024 and a health peak in January-February; these figures show
that the pipeline recovers them. They are illustrations of the method, not findings.
"""
from __future__ import annotations

import numpy as np

from discourse.figures._registry import figure
from discourse.plots._common import _hide_unused

#: the terms every topic figure models (terms in at least 2 and at most 90% of articles)
_TERMS = dict(min_df=2, max_df=0.9)


def _model(corpus, k: int):
    from discourse import topics

    return topics.TopicModel(k, method="nmf", vectorizer=topics.Vectorizer(**_TERMS), random_state=0).fit(corpus)


@figure("topics-top-terms", corpus="demo", width="double", n=8,
        description="Top terms of each topic (NMF, refined; relevance lambda 0.6) on the demo corpus.")
def topics_top_terms(corpus, *, k, width="double", n=8):
    import matplotlib.pyplot as plt

    from discourse import plots, style

    model = _model(corpus, k)
    ncols = min(k, 3)
    nrows = int(np.ceil(k / ncols))
    fig = plt.figure(figsize=style.figsize(width, aspect=0.3 * nrows))
    plots.top_terms(model, n=n, relevance_lambda=0.6, ncols=ncols, fig=fig)
    return fig


@figure("topics-prevalence", corpus="demo", width="double",
        description="Mean topic share per month by outlet (lines) and over all outlets "
                    "(black, 95% bootstrap band) on the demo corpus.")
def topics_prevalence(corpus, *, k, width="double", period="M"):
    import matplotlib.pyplot as plt

    from discourse import plots, style, topics

    model = _model(corpus, k)
    prev = topics.trajectories(model, corpus, by="outlet", period=period, n_boot=500)
    pooled = topics.trajectories(model, corpus, by=None, period=period, n_boot=500)
    ncols = min(k, 3)
    nrows = int(np.ceil(k / ncols))
    fig = plt.figure(figsize=style.figsize(width, aspect=0.32 * nrows))
    grid = fig.subplots(nrows, ncols, squeeze=False, sharex=True, sharey=True)
    _hide_unused(grid, k)
    for t, ax in enumerate(grid.flat[:k]):
        plots.prevalence(prev, topic=t, ax=ax, band=False)
        for line in ax.get_lines():
            line.set_alpha(0.8)
            line.set_linewidth(0.9)
        plots.prevalence(pooled, topic=t, ax=ax, color="black", label="all outlets")
        if t + ncols < k:  # the time unit is said once, under the bottom panel of each column
            ax.set_xlabel("")
        ax.set_ylabel("mean share" if t % ncols == 0 else "")
        ax.tick_params(axis="x", labelrotation=45)
    return fig


@figure("topics-k-search", corpus="demo", width="double", ks=(3, 4, 5, 6, 8), n_seeds=3,
        description="Choosing k on the demo corpus: coherence, exclusivity and stability across "
                    "seeds (dotted: the k of the other topic figures).")
def topics_k_search(corpus, *, width="double", ks=(3, 4, 5, 6, 8), n_seeds=3, k=None):
    import matplotlib.pyplot as plt

    from discourse import plots, style, topics

    report = topics.search_k(corpus, list(ks), method="nmf", vectorizer=topics.Vectorizer(**_TERMS),
                             n_seeds=n_seeds, random_state=0, progress=False)
    fig = plt.figure(figsize=style.figsize(width, aspect=0.28))
    plots.k_search(report, metrics=["npmi", "umass", "exclusivity", "stability"], ncols=4,
                   highlight=k, fig=fig)
    return fig
