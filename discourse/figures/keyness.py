"""Figures of keyness: distinctive words per outlet with intervals, label shares for
the same referent, and term trajectories over time (default: the SYNTHETIC demo corpus)."""
from __future__ import annotations

import matplotlib.pyplot as plt

from discourse import keyness, plots, style
from discourse.figures._registry import figure, synthetic_note
from discourse.plots._common import _hide_unused

__all__ = ["demo_keyness", "demo_label_shares", "demo_term_trajectories"]


@figure("distinctive-words-by-outlet", corpus="demo", width="double", n_boot=200,
        description="Most distinctive words of each outlet in its own voice against the other outlets: "
                    "weighted log odds with 95% document-bootstrap intervals (default: the SYNTHETIC demo corpus).")
def demo_keyness(corpus, *, width="double", n_boot=200, top=8):
    """Most distinctive words of each outlet (authorial voice) against the rest, with intervals."""
    data = keyness.score(corpus, voice="authorial", min_df=5, n_boot=n_boot, random_state=0)
    outlets = sorted(data["group"].unique().tolist(), key=str)
    ncols = min(4, len(outlets))  # rows of at most four panels: seven outlets do not fit in one
    nrows = -(-len(outlets) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=style.figsize(width, aspect=0.45 * nrows), sharex=True,
                             squeeze=False)
    for ax, outlet in zip(axes.flat, outlets):
        plots.keyness(data[data["group"] == outlet], ax=ax, top=top)
        ax.set_title(str(outlet), fontsize=8)
        ax.set_xlabel("log odds" if ax is axes[-1, 0] else "")
    _hide_unused(axes, len(outlets))
    fig.suptitle("Distinctive words in each outlet's own voice" + synthetic_note(corpus), x=0.01, ha="left")
    return fig


@figure("label-shares-by-outlet", corpus="demo", width="single", n_boot=1000,
        description="Which label each outlet uses for the government: share of mentions with 95% "
                    "document-bootstrap intervals (default: the SYNTHETIC demo corpus).")
def demo_label_shares(corpus, *, referents, width="single", n_boot=1000):
    """Share of each label among the mentions of a referent, per outlet.

    ``referents`` maps each referent to its labels and their patterns (the study's
    ``[parameters] referents``).
    """
    data = keyness.label_choice(corpus, referents, n_boot=n_boot, random_state=0)
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.8))
    plots.label_shares(data, ax=ax, by="outlet")
    handles, labels = ax.get_legend_handles_labels()
    ax.get_legend().remove()
    fig.legend(handles, labels, loc="outside lower center", ncols=2, frameon=False, fontsize="small")
    what = next(iter(referents)) if len(referents) == 1 else "each referent"
    ax.set_title(f"Labels for {what}" + synthetic_note(corpus).replace(" (", "\n("))
    return fig


@figure("term-rate-over-time", corpus="demo", width="double", n_boot=500,
        description="Rate of 'regime' per 1,000 words by outlet and quarter, 95% document-bootstrap bands "
                    "(default: the SYNTHETIC demo corpus).")
def demo_term_trajectories(corpus, *, term, width="double", n_boot=500):
    """Rate of a term per 1,000 words by outlet and quarter, with interval bands."""
    data = keyness.rates(corpus, term, period="Q", n_boot=n_boot, random_state=0)
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.4))
    plots.term_trajectories(data, ax=ax, by="outlet")
    ax.set_title(f"'{term}' per 1,000 words by quarter" + synthetic_note(corpus))
    return fig
