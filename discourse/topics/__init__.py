"""Topic models on scikit-learn: NMF and LDA with tidy outputs, k-selection and prevalence.

The workflow::

    model = topics.fit(corpus, 10, method="nmf", random_state=0)
    model.top_terms(10, relevance_lambda=0.6)     # topic, label, rank, term, weight, relevance
    model.doc_topics                              # doc_id, topic, share (long)
    report = topics.search_k(corpus, [5, 10, 15]) # coherence, exclusivity, stability per k
    prev = topics.prevalence(model, corpus, by="outlet", period="Q")

By default the fit is refined by a clustering step (``refine=True``): the topics are
the word distributions of clusters started from the dominant topics, and the shares
are each document's mixture of them (``docs/topics.md``; ``refine=False``: NMF's or
LDA's own topics and shares).

Composed like scikit-learn's CountVectorizer and TfidfTransformer: counting is done once
by :func:`discourse.text.dtm`; a :class:`Vectorizer` chooses the terms and weights; a
:class:`TopicModel` (whose ``__init__`` only stores parameters) fits NMF or LDA::

    vec = topics.Vectorizer(min_df=5, phrases=True)
    counts = vec.document_terms(corpus)      # text.dtm with the n-grams and stop words vec needs
    model = topics.TopicModel(10, method="nmf", vectorizer=vec).fit(counts)

Method notes: ``docs/topics.md``.
"""
from __future__ import annotations

from discourse.topics._model import TopicModel, fit
from discourse.topics._prevalence import prevalence, trajectories
from discourse.topics._quality import TOP_N, coherence, search_k
from discourse.topics._vectorizer import NEWS_STOP_WORDS, Vectorizer, detect_phrases

__all__ = [
    "TopicModel",
    "Vectorizer",
    "fit",
    "search_k",
    "coherence",
    "prevalence",
    "trajectories",
    "detect_phrases",
    "NEWS_STOP_WORDS",
    "TOP_N",
]
