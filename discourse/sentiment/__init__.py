"""Sentiment with VADER, offline: sentences, paragraphs, documents, arcs, and
sentiment toward actors or terms.

VADER (Hutto & Gilbert 2014) is a lexicon-and-rules scorer built for short texts.
Two implementations are offered, selected by ``method``:

``"vader"`` (default)
    The reference implementation, ``vaderSentiment`` 3.3.2 by VADER's author: the
    current rule set (handles "no" as a negation, "without doubt", more boosters and
    idioms) and emoji, which are replaced by their text description.
``"nltk"``
    ``nltk.sentiment.vader`` (nltk 3.10), an older port that differs on some sentences
    (see ``docs/sentiment.md`` for examples).

Both use the lexicon file ``vader_lexicon.txt`` shipped inside the installed
``vaderSentiment`` package; nothing is downloaded and no nltk data is needed.
Scores come from :mod:`discourse._vader`, a batch re-implementation that returns
exactly the reference's ``neg``, ``neu``, ``pos`` and ``compound`` for every sentence,
much faster than calling ``polarity_scores`` in a loop.

Every analysis takes the corpus or its annotations (:func:`discourse.text.annotate`):
sentences and quotations (so the voice of a mention, :mod:`discourse.voice`) are read
from the shared text layer, never split again. Intervals: :func:`score` computes
them only when asked (``n_boot=0`` by default: one interval per document is rarely
the point, and on a large corpus it is most of the work); :func:`arc`,
:func:`toward` and :func:`summarize`, whose point is a comparison, compute them by
default (``n_boot=1000``). An interval from fewer than two documents (or, within
one article, sentences) is NaN.

VADER's ``compound`` saturates on long input (the normalisation
``x / sqrt(x^2 + 15)`` tends to +-1 as valences add up), so paragraph and document
scores here aggregate *sentence* scores: the mean sentence compound and the shares of
positive (``compound >= 0.05``) and negative (``<= -0.05``) sentences, with bootstrap
intervals over sentences; VADER's compound of the whole unit is kept for comparison as
``compound_raw``.
"""
from __future__ import annotations

from discourse.sentiment._arc import arc
from discourse.sentiment._mentions import mentions
from discourse.sentiment._score import METHODS, NEGATIVE, POSITIVE, polarity_scores, score
from discourse.sentiment._toward import summarize, toward

__all__ = ["score", "polarity_scores", "arc", "toward", "mentions", "summarize", "METHODS",
           "POSITIVE", "NEGATIVE"]
