"""Tidy outputs of a fitted topic model: term and document tables, top terms by
relevance, summaries, representative documents and labels."""
from __future__ import annotations

import re
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from discourse.words import words as _words


def normalize_rows(a: np.ndarray) -> np.ndarray:
    """Rows scaled to sum to 1; NaN rows where a row sums to 0."""
    s = a.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(s > 0, a / np.where(s > 0, s, 1), np.nan)


def long_shares(ids: np.ndarray, S: np.ndarray) -> pd.DataFrame:
    """Long ``doc_id``, ``topic``, ``share`` from ids and a documents × topics array."""
    n, k = S.shape
    return pd.DataFrame({"doc_id": pd.array(np.repeat(np.asarray(ids, dtype=object), k).astype(str), dtype="string"),
                         "topic": np.tile(np.arange(k), n).astype(np.int64), "share": S.ravel()})


class TopicTables:
    """Tables of a fitted model; expects ``components_``, ``shares_``, ``terms_``,
    ``doc_ids_``, ``term_frequency_``, ``labels`` and ``n_topics``."""

    def _require_fit(self):
        if not hasattr(self, "components_"):
            raise RuntimeError(f"this {type(self).__name__} is not fitted yet; call fit(corpus) first")

    @property
    def term_topics(self) -> pd.DataFrame:
        """Long table ``topic``, ``term``, ``weight`` (topic-term probability; rows of a
        topic sum to 1). Zero weights are left out."""
        self._require_fit()
        k, j = np.nonzero(self.components_ > 0)
        return pd.DataFrame({"topic": k.astype(np.int64), "term": self.terms_[j].astype(str),
                             "weight": self.components_[k, j]})

    @property
    def doc_topics(self) -> pd.DataFrame:
        """Long table ``doc_id``, ``topic``, ``share`` (one row per document and topic;
        a document's shares sum to 1; NaN when it has no vocabulary term)."""
        self._require_fit()
        return long_shares(self.doc_ids_, self.shares_)

    def set_labels(self, labels: Mapping[int, str] | Sequence[str]):
        """Set topic labels from a ``{topic: label}`` mapping (partial is fine) or a list
        with one label per topic. Returns ``self``."""
        self._require_fit()
        if isinstance(labels, Mapping):
            bad = [k for k in labels if k not in self.labels]
            if bad:
                raise KeyError(f"no topic(s) {bad}; topics are 0..{self.n_topics - 1}")
            self.labels.update({int(k): str(v) for k, v in labels.items()})
        else:
            labels = list(labels)
            if len(labels) != self.n_topics:
                raise ValueError(f"need {self.n_topics} labels, got {len(labels)}")
            self.labels = {k: str(v) for k, v in enumerate(labels)}
        return self

    def relevance(self, relevance_lambda: float = 1.0) -> np.ndarray:
        """Term relevance per topic (Sievert & Shirley 2014):
        ``λ log φ_kw + (1 − λ) log(φ_kw / p_w)``, with ``p_w`` the corpus term share."""
        self._require_fit()
        if not 0 <= relevance_lambda <= 1:
            raise ValueError(f"relevance_lambda must be in [0, 1], not {relevance_lambda}")
        p_w = self.term_frequency_ / self.term_frequency_.sum()
        pos = self.components_ > 0
        logphi = np.log(np.where(pos, self.components_, 1.0))
        with np.errstate(divide="ignore"):
            lift = logphi - np.log(np.where(p_w > 0, p_w, 1.0))[None, :]
        rel = relevance_lambda * logphi + (1 - relevance_lambda) * lift
        return np.where(pos, rel, -np.inf)

    def top_terms(self, n: int = 10, *, relevance_lambda: float = 1.0) -> pd.DataFrame:
        """Top ``n`` terms per topic ranked by relevance.

        ``relevance_lambda=1`` ranks by topic-term probability; lower values (0.6 is the
        value Sievert & Shirley's users preferred) favour terms specific to the topic
        over terms frequent everywhere.

        Returns
        -------
        DataFrame
            ``topic``, ``label``, ``rank`` (1 = top), ``term``, ``weight`` (probability),
            ``relevance``.
        """
        rel = self.relevance(relevance_lambda)
        rows = []
        for k in range(self.n_topics):
            idx = np.lexsort((np.arange(rel.shape[1]), -rel[k]))[:n]
            idx = idx[np.isfinite(rel[k, idx])]
            for r, j in enumerate(idx, 1):
                rows.append((k, self.labels[k], r, str(self.terms_[j]), float(self.components_[k, j]),
                             float(rel[k, j])))
        return pd.DataFrame(rows, columns=["topic", "label", "rank", "term", "weight", "relevance"])

    def summary(self, n: int = 8, *, relevance_lambda: float = 1.0) -> pd.DataFrame:
        """One row per topic: ``topic``, ``label``, ``prevalence`` (mean share over the
        documents), ``top_terms`` (the top ``n`` terms joined by ", ")."""
        tt = self.top_terms(n, relevance_lambda=relevance_lambda)
        terms = tt.groupby("topic")["term"].agg(", ".join)
        ok = np.isfinite(self.shares_).all(axis=1)
        prev = self.shares_[ok].mean(axis=0) if ok.any() else np.full(self.n_topics, np.nan)
        return pd.DataFrame({"topic": np.arange(self.n_topics),
                             "label": [self.labels[k] for k in range(self.n_topics)],
                             "prevalence": prev,
                             "top_terms": [terms.get(k, "") for k in range(self.n_topics)]})

    def representative_docs(self, n: int = 3, *, width: int = 240, relevance_lambda: float = 1.0,
                            corpus=None) -> pd.DataFrame:
        """The ``n`` documents with the highest share of each topic, with a snippet: the
        paragraph holding most of the topic's top-10 terms, cut to ``width`` characters.

        ``corpus`` gives the texts when the model was fitted on a document-term matrix.

        Returns
        -------
        DataFrame
            ``topic``, ``label``, ``rank``, ``doc_id``, ``share``, ``snippet``.
        """
        self._require_fit()
        texts = self._texts(corpus)
        tt = self.top_terms(10, relevance_lambda=relevance_lambda)
        rows = []
        shares = np.where(np.isnan(self.shares_), -1.0, self.shares_)
        for k in range(self.n_topics):
            order = np.lexsort((np.arange(len(shares)), -shares[:, k]))[:n]
            words = set(tt.loc[tt["topic"] == k, "term"])
            for r, d in enumerate(order, 1):
                if shares[d, k] < 0:
                    continue
                doc_id = str(self.doc_ids_[d])
                rows.append((k, self.labels[k], r, doc_id, float(self.shares_[d, k]),
                             _snippet(texts.get(doc_id, ""), words, width)))
        return pd.DataFrame(rows, columns=["topic", "label", "rank", "doc_id", "share", "snippet"])

    def _texts(self, corpus) -> dict[str, str]:
        if corpus is not None:
            from discourse.topics._vectorizer import as_corpus

            df, texts = as_corpus(corpus)
            if texts is None:
                raise TypeError("corpus= must hold the texts (a corpus table, Series or list), "
                                "not a document-term matrix")
            ids = df.corpus["doc_id"] if hasattr(df, "corpus") else df["doc_id"]
            return dict(zip(ids.astype(str), texts))
        if self.texts_ is None:
            raise ValueError("the model was fitted on a document-term matrix and has no texts; "
                             "pass corpus= to get snippets")
        return dict(zip(self.doc_ids_.astype(str), self.texts_))


def _snippet(text: str, words: set[str], width: int) -> str:
    """The paragraph of ``text`` with most of ``words`` (unigrams, and phrases by their
    words), whitespace collapsed, cut to ``width`` characters."""
    parts = {w for t in words for w in str(t).split(" ")}
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()] or [text]
    scores = [sum(re.sub(r"['’]s$", "", w.lower()) in parts for w in _words(p)) for p in paras]
    best = " ".join(paras[int(np.argmax(scores))].split())
    if len(best) <= width:
        return best
    return best[:width].rsplit(" ", 1)[0] + "…"
