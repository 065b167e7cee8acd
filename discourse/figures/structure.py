"""Figures of structure: how the seed article is built, and what the demo corpus holds."""
from __future__ import annotations

import matplotlib.pyplot as plt

from discourse import plots, quotes, style, text
from discourse.figures._registry import figure, synthetic_note

__all__ = ["seed_structure", "demo_coverage", "demo_lengths"]


@figure("seed-structure", corpus="seed", width="single")
def seed_structure(corpus, *, width="single"):
    """The seed article paragraph by paragraph: length in words and where quotations sit."""
    first = corpus.sort_values("source", kind="stable").iloc[[0]]
    paras = text.paragraphs(first)
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=1.1))
    plots.article_map(paras, quotes.find(first), doc_id=first["doc_id"].iloc[0], ax=ax)
    ax.set_title("Seed article: paragraphs and quotations")
    return fig


@figure("articles-over-time", corpus="demo", width="double")
def demo_coverage(corpus, *, width="double"):
    """Articles per period by outlet in the corpus (default: the SYNTHETIC demo corpus);
    the period (month, quarter, year) is chosen from the date span."""
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.4))
    period = style.period_for(corpus["published"]) if "published" in corpus.columns else "M"
    plots.articles_over_time(corpus, by="outlet", period=period, ax=ax)
    synthetic = bool(synthetic_note(corpus))
    unit = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}.get(period, "period")
    ax.set_title(f"Articles per {unit}" + (" (synthetic demo corpus, not real news)" if synthetic else ""))
    return fig


@figure("article-lengths", corpus="demo", width="single")
def demo_lengths(corpus, *, width="single"):
    """Article length in words by outlet (default: the SYNTHETIC demo corpus)."""
    fig, ax = plt.subplots(figsize=style.figsize(width, aspect=0.75))
    plots.lengths(corpus, by="outlet", unit="words", ax=ax)
    synthetic = bool(synthetic_note(corpus))
    ax.set_title("Article length" + (" (synthetic demo)" if synthetic else ""))
    return fig
