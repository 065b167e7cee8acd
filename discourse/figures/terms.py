"""Figures of loaded terms: where they sit in the seed article and in whose voice;
rates per 1,000 words by category, voice and outlet."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from discourse import plots, style, terms
from discourse.figures._registry import figure, synthetic_note
from discourse.plots._common import _hide_unused

__all__ = ["seed_terms_in_article", "demo_term_rates"]



@figure("seed-terms-in-article", corpus="seed", width="double")
def seed_terms_in_article(corpus, *, width="double"):
    """Loaded terms in the seed article: position, category and voice (authorial, quoted, scare)."""
    matches = terms.find(corpus)
    row = corpus.iloc[0]
    n_cats = max(matches["category"].nunique(), 1)
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.065 * n_cats + 0.1))
    plots.terms_in_article(matches, row, ax=ax)
    ax.set_title("Loaded terms in the article, by voice")
    return fig


@figure("term-rates-by-outlet", corpus="demo", width="double", n_boot=1000,
        description="Loaded-term rates per 1,000 words by category and voice, one panel per outlet, "
                    "95% bootstrap intervals over articles (default: the SYNTHETIC demo corpus).")
def demo_term_rates(corpus, *, width="double", n_boot=1000):
    """Loaded-term rates per 1,000 words by category and voice, one panel per outlet,
    95% bootstrap intervals over articles (default: the SYNTHETIC demo corpus)."""
    matches = terms.find(corpus)
    # the three voices the figure has always shown (quotes.find marks no reported speech)
    rates = terms.rates(matches, corpus, by=["outlet", "category", "voice"], voice=["authorial", "quoted", "scare"],
                        n_boot=n_boot, random_state=0)
    outlets = sorted(rates["outlet"].dropna().unique().tolist(), key=str)
    cats = sorted(rates["category"].dropna().unique().tolist(), key=str)
    ncol = min(len(outlets), 4) or 1
    nrow = -(-len(outlets) // ncol) if outlets else 1
    fig, axes = plt.subplots(nrow, ncol, figsize=style.figsize(width, aspect=0.42 * nrow), sharey=True,
                             sharex=True, squeeze=False)
    for i, outlet in enumerate(outlets):
        ax = axes.flat[i]
        plots.term_rates(rates[rates["outlet"] == outlet], order=cats, ax=ax, legend=False)
        ax.set_title(str(outlet), fontsize=8)
        if i % ncol:
            ax.set_ylabel("")
    hi = float(np.nanmax(rates[["rate", "ci_high"]].to_numpy(dtype=float))) if len(rates) else 1.0
    axes.flat[0].set_xlim(0, hi * 1.05 if np.isfinite(hi) and hi > 0 else 1.0)
    _hide_unused(axes, len(outlets))
    handles, labels = axes.flat[0].get_legend_handles_labels()
    if handles:
        fig.legend(handles, labels, title="Voice", loc="outside right upper")
    fig.suptitle("Loaded terms per 1,000 words by category and voice" + synthetic_note(corpus), x=0.01, ha="left")
    return fig
