"""Figures of sentiment: the seed's arc by paragraph, and sentiment toward actors by outlet."""
from __future__ import annotations

import matplotlib.pyplot as plt

from discourse import plots, sentiment, style
from discourse.figures._registry import figure, synthetic_note

__all__ = ["seed_sentiment_arc", "demo_sentiment_toward", "DEMO_ACTORS"]

#: actors of the synthetic demo corpus and their aliases, as in the repository's
#: ``discourse.toml`` ``[parameters.actors]`` (the figure reads them from there; kept
#: here for the notebooks)
DEMO_ACTORS: dict[str, list[str]] = {
    "Government": ["government", "regime", "cabinet"],
    "Opposition": ["opposition", "Mira Solano"],
    "Army": ["army", "troops", "military"],
    "Defence minister": ["Talia Verne", "defence minister"],
}



@figure("seed-sentiment-arc", corpus="seed", width="single")
def seed_sentiment_arc(corpus, *, width="single", method="vader", n_boot=1000, random_state=0):
    """Sentiment arc of the seed article: mean VADER compound of the sentences of each paragraph."""
    first = corpus.sort_values("source", kind="stable").iloc[[0]]
    data = sentiment.arc(first, level="paragraph", method=method, n_boot=n_boot, random_state=random_state)
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.7))
    plots.sentiment_arc(data, ax=ax)
    ax.set_title("Seed article: sentiment by paragraph")
    return fig


@figure("sentiment-toward-actors", corpus="demo", width="double",
        description="Sentiment toward actors by outlet and voice, with document-bootstrap intervals "
                    "(default: the SYNTHETIC demo corpus).")
def demo_sentiment_toward(corpus, *, actors, width="double", method="vader", min_n=5, n_boot=1000,
                          random_state=0):
    """Sentiment toward actors by outlet and voice, with document-bootstrap intervals.

    ``actors`` maps each actor to the names that mention it (the study's
    ``[parameters] actors``). Default corpus: the SYNTHETIC demo corpus.
    """
    data = sentiment.toward(corpus, actors, by=["outlet", "voice"], method=method,
                            n_boot=n_boot, random_state=random_state)
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.5))
    plots.sentiment_toward(data, ax=ax, min_n=min_n)
    ax.set_title("Sentiment toward actors" + synthetic_note(corpus))
    return fig
