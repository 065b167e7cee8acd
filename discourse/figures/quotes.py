"""Figures of quotations: who is quoted, and with which reporting verbs."""
from __future__ import annotations

import matplotlib.pyplot as plt

from discourse import plots, quotes, style
from discourse.figures._registry import figure, synthetic_note

__all__ = ["seed_sources", "seed_reporting_verbs", "demo_sources", "demo_reporting_verbs"]


def _with_outlet(corpus):
    q = quotes.find(corpus)
    return q.merge(corpus[["doc_id", "outlet"]], on="doc_id", how="left")



@figure("seed-sources", corpus="seed", width="single")
def seed_sources(corpus, *, width="single", n=10):
    """Who the seed article quotes: quotations per speaker (resolved), by kind."""
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.75))
    plots.sources(quotes.find(corpus), n=n, ax=ax)
    ax.set_title("Quoted sources")
    return fig


@figure("seed-reporting-verbs", corpus="seed", width="single")
def seed_reporting_verbs(corpus, *, width="single", n=15):
    """Reporting verbs in the seed article, coloured neutral / distancing / endorsing."""
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.75))
    plots.reporting_verbs(quotes.find(corpus), n=n, ax=ax)
    ax.set_title("Reporting verbs")
    return fig


@figure("sources-by-outlet", corpus="demo", width="double")
def demo_sources(corpus, *, width="double", n=12):
    """Most quoted sources by outlet (default: the SYNTHETIC demo corpus)."""
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.55))
    plots.sources(_with_outlet(corpus), n=n, by="outlet", ax=ax)
    ax.set_title("Quoted sources by outlet" + synthetic_note(corpus))
    return fig


@figure("reporting-verbs-by-outlet", corpus="demo", width="double")
def demo_reporting_verbs(corpus, *, width="double"):
    """Share of neutral, distancing and endorsing reporting verbs by outlet (default: the SYNTHETIC demo corpus)."""
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.4))
    plots.reporting_verbs(_with_outlet(corpus), by="outlet", ax=ax)
    ax.set_title("Reporting verbs by outlet" + synthetic_note(corpus), pad=22)
    return fig
