"""Figures of framing on a corpus (default: the SYNTHETIC demo corpus).

Frame profile per outlet with bootstrap intervals, how the government is labelled by
each outlet, and the estimated outlet differences in frame shares (OLS with HC3
robust intervals). Sources and reporting verbs are drawn in ``figures/quotes.py``.
"""
from __future__ import annotations

import matplotlib.pyplot as plt

from discourse import effects, framing, plots, style
from discourse.figures._registry import figure, synthetic_note
from discourse.text._annotate import corpus_of

__all__ = ["frame_profile", "actor_labels", "frame_effects"]


@figure("frames-by-outlet", corpus="demo", width="double")
def frame_profile(corpus, *, width="double", lexicon="generic", n_boot=1000, random_state=0):
    """Mean share of each generic news frame per outlet, with 95% bootstrap intervals."""
    agg = framing.aggregate(corpus, lexicon=lexicon, by="outlet", n_boot=n_boot, random_state=random_state)
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.45))
    plots.frame_profile(agg, ax=ax)
    ax.set_title("Frames by outlet" + synthetic_note(corpus))
    return fig


@figure("actor-labels-by-outlet", corpus="demo", width="double",
        description="How each outlet labels the government in its own (authorial) voice: "
                    "share of its labelled mentions.")
def actor_labels(corpus, *, actors, actor, width="double", top=8, voice="authorial"):
    """How each outlet labels an actor in its own voice: share of labelled mentions.

    ``actors`` maps actors to the names that mention them and ``actor`` is the one
    drawn (the study's parameters).
    """
    summary = framing.label_summary(corpus, actors, by="outlet", label_type="modifier", voice=voice)
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.45))
    plots.actor_labels(summary, actor=actor, top=top, ax=ax)
    ax.set_title(f"How outlets label the {actor}" + (f" ({voice} voice)" if voice else "") + synthetic_note(corpus))
    return fig


@figure("frame-effects-by-outlet", corpus="demo", width="double",
        description="Estimated difference in frame share of each outlet from the reference outlet "
                    "(OLS, HC3 robust 95% intervals), controlling for month.")
def frame_effects(corpus, *, width="double", lexicon="generic", formula=None, baseline=None):
    """Estimated outlet differences in frame shares (OLS with HC3 robust intervals).

    The default formula controls for the month when the dated articles span at most
    two years and for the year otherwise (months of a long corpus hold too few
    articles to estimate); undated articles are left out (counted in the warning of
    :func:`discourse.effects.estimate`).
    """
    table = corpus_of(corpus)
    if formula is None:
        years = table["published"].dropna().dt.year if "published" in table.columns else []
        formula = "share ~ outlet + " + ("month" if len(years) and years.max() - years.min() < 2 else "year")
    scores = framing.score(corpus, lexicon=lexicon)
    est = effects.estimate(scores, table, formula, baseline=baseline)
    diff = effects.differences(est, variable="outlet")
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.5))
    plots.effects(diff, ax=ax)
    ax.set_title(f"Outlet differences in frame share vs. {est.attrs['baseline']['outlet']}"
                 + synthetic_note(table))
    return fig
