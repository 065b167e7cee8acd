"""Figures of framing on a corpus (default: the SYNTHETIC demo corpus).

Frame profile per outlet with bootstrap intervals, how the government is labelled by
each outlet, and the estimated outlet differences in frame shares (OLS with HC3
robust intervals). Sources and reporting verbs are drawn in ``figures/quotes.py``.
"""
from __future__ import annotations

import matplotlib.pyplot as plt

from discourse import effects, framing, plots, style
from discourse.figures._registry import figure, synthetic_note

__all__ = ["frame_profile", "actor_labels", "frame_effects"]

#: actors of the demo corpus: the fictional government and its opposition
DEMO_ACTORS = {
    "government": ["government", "administration", "cabinet", "regime"],
    "opposition": ["opposition"],
}



@figure("demo-frame-profile", corpus="demo", width="double")
def frame_profile(corpus, *, width="double", dictionary="generic", n_boot=1000, random_state=0):
    """Mean share of each generic news frame per outlet, with 95% bootstrap intervals."""
    scores = framing.score(corpus, dictionary=dictionary)
    agg = framing.aggregate(scores, corpus, by="outlet", n_boot=n_boot, random_state=random_state)
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.45))
    plots.frame_profile(agg, ax=ax)
    ax.set_title("Frames by outlet" + synthetic_note(corpus))
    return fig


@figure("demo-actor-labels", corpus="demo", width="double",
        description="How each outlet labels the government in its own (authorial) voice: "
                    "share of its labelled mentions.")
def actor_labels(corpus, *, width="double", actor="government", top=8, voice="authorial"):
    """How each outlet labels the government in its own voice: share of labelled mentions."""
    labels = framing.actor_labels(corpus, DEMO_ACTORS)
    summary = framing.label_summary(labels, corpus, by="outlet", label_type="modifier", voice=voice)
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.45))
    plots.actor_labels(summary, actor=actor, top=top, ax=ax)
    ax.set_title(f"How outlets label the {actor}" + (f" ({voice} voice)" if voice else "") + synthetic_note(corpus))
    return fig


@figure("demo-frame-effects", corpus="demo", width="double",
        description="Estimated difference in frame share of each outlet from the reference outlet "
                    "(OLS, HC3 robust 95% intervals), controlling for month.")
def frame_effects(corpus, *, width="double", dictionary="generic", formula="share ~ outlet + month"):
    """Estimated outlet differences in frame shares (OLS with HC3 robust intervals)."""
    scores = framing.score(corpus, dictionary=dictionary)
    est = effects.estimate(scores, corpus, formula)
    diff = effects.differences(est, variable="outlet")
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.5))
    plots.effects(diff, ax=ax)
    ref = sorted(corpus["outlet"].dropna().astype(str).unique())[0]
    ax.set_title(f"Outlet differences in frame share vs. {ref}" + synthetic_note(corpus))
    return fig
