"""The terms a topic model sees: topic-specific choices on top of the shared counts.

Counting is done once, by :func:`discourse.text.dtm` (the package's words, n-grams
inside sentences). :class:`Vectorizer` only adds what is particular to topic models,
the way scikit-learn's ``TfidfTransformer`` sits on top of ``CountVectorizer``: which
terms to keep (stop words including news boilerplate, words with digits, possessive
*'s*, document-frequency limits), detected phrases, and the weighting (tf-idf).
"""
from __future__ import annotations

import re
from typing import Literal, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from discourse import words as _words
from discourse.words import NEWS_STOP_WORDS  # the one list of news boilerplate (discourse.words)

__all__ = ["Vectorizer", "detect_phrases", "NEWS_STOP_WORDS"]

#: phrases found by ``phrases=True`` occur at least this often ...
PHRASE_MIN_COUNT = 5
#: ... with at least this normalised PMI (-1 to 1) between their two words
PHRASE_THRESHOLD = 0.5

_POSSESSIVE = re.compile(r"['’]s$")
_DIGIT = re.compile(r"\d")


def _stop_set(stop_words) -> frozenset[str]:
    return _words.stop_words(stop_words, names=("english", "news"))


def as_corpus(data) -> tuple[object, list[str] | None]:
    """(what :func:`discourse.text.dtm` takes or a DocumentTermMatrix, texts or None).

    A Series keeps its index as ``doc_id``; a list of texts gets ``"0"``, ``"1"`` ...;
    a table without ``doc_id`` gets its row numbers.
    """
    from discourse.text import Annotations, DocumentTermMatrix

    if isinstance(data, DocumentTermMatrix):
        return data, None
    if isinstance(data, Annotations):
        return data, [t if isinstance(t, str) else "" for t in data.corpus["text"].tolist()]
    if isinstance(data, pd.Series):
        df = pd.DataFrame({"doc_id": data.index.astype(str), "text": data.to_numpy()})
    elif isinstance(data, pd.DataFrame):
        if "text" not in data.columns:
            raise KeyError(f"corpus has no 'text' column (columns: {list(data.columns)})")
        df = data if "doc_id" in data.columns else data.assign(doc_id=[str(i) for i in range(len(data))])
    elif isinstance(data, str):
        raise TypeError("corpus must be a DataFrame, a Series or a sequence of texts, not one string")
    else:
        try:
            texts = list(data)
        except TypeError:
            raise TypeError(f"corpus must be a DataFrame, a Series, a sequence of texts or a "
                            f"DocumentTermMatrix, not {type(data).__name__}") from None
        df = pd.DataFrame({"doc_id": [str(i) for i in range(len(texts))], "text": texts})
    if df["doc_id"].astype(str).duplicated().any():
        raise ValueError("corpus: doc_id values must be unique (one row per document)")
    df = df[["doc_id", "text"]].assign(text=[t if isinstance(t, str) else "" for t in df["text"]])
    return df, df["text"].tolist()


def _normalize_terms(terms: np.ndarray, stop: frozenset[str]) -> np.ndarray:
    """Each term with possessive 's dropped from its words; "" when a word is a stop
    word, has a digit or is one character long (the term is then left out)."""
    out = []
    for t in terms.astype(str):
        words = [_POSSESSIVE.sub("", w) for w in t.split(" ")]
        ok = all(len(w) > 1 and w not in stop and not _DIGIT.search(w) for w in words)
        out.append(" ".join(words) if ok else "")
    return np.array(out, dtype=object)


def _merge_columns(X: sp.csr_matrix, labels: np.ndarray) -> tuple[sp.csr_matrix, np.ndarray]:
    """Sum the columns of ``X`` with the same label ("" is dropped); terms sorted."""
    keep = labels != ""
    names, inv = np.unique(labels[keep].astype(str), return_inverse=True)
    M = sp.csr_matrix((np.ones(len(inv), dtype=np.int64), (np.flatnonzero(keep), inv)),
                      shape=(len(labels), len(names)))
    return sp.csr_matrix(X @ M), names.astype(object)


def _length(terms: np.ndarray) -> np.ndarray:
    return np.array([t.count(" ") + 1 for t in terms.astype(str)], dtype=np.int64)


def _npmi_phrases(X: sp.csr_matrix, terms: np.ndarray, *, min_count: int, threshold: float) -> list[str]:
    """Bigrams with count >= ``min_count`` and NPMI >= ``threshold`` (unigram and bigram
    probabilities from the corpus totals)."""
    total = np.asarray(X.sum(axis=0)).ravel().astype(float)
    n = _length(terms)
    uni = {t: c for t, c, k in zip(terms, total, n) if k == 1}
    n_tok, n_bi = total[n == 1].sum(), total[n == 2].sum()
    out = []
    for t, c, k in zip(terms, total, n):
        if k != 2 or c < min_count:
            continue
        a, b = t.split(" ")
        if a not in uni or b not in uni:
            continue
        p_ab = c / n_bi
        npmi = 1.0 if p_ab >= 1 else np.log(p_ab / ((uni[a] / n_tok) * (uni[b] / n_tok))) / -np.log(p_ab)
        if npmi >= threshold:
            out.append(str(t))
    return sorted(out)


class Vectorizer:
    """Terms and weights for a topic model, from the shared document-term matrix.

    ``__init__`` only stores the parameters; :meth:`fit` learns the vocabulary (and idf).
    Give it to :class:`~discourse.topics.TopicModel` (``vectorizer=``), or use it on its
    own: ``Vectorizer(weighting="tfidf").fit_transform(corpus)`` is a documents × terms
    sparse matrix in the order of :attr:`terms_`.

    Parameters
    ----------
    min_df, max_df : int or float
        Keep terms in at least ``min_df`` documents (a count, or a share if float) and at
        most ``max_df`` (share if float).
    ngram_range : (int, int)
        Word n-grams used as terms; formed after stop words are removed, never across a
        sentence (:func:`discourse.text.dtm`).
    stop_words : "news", "english", list of str or None
        ``"news"``: scikit-learn's English list plus :data:`NEWS_STOP_WORDS` (reporting
        words and web boilerplate such as "caption", "getty", "newsletter");
        ``"english"``: the English list alone. Words with digits, one-letter words and
        possessive *'s* are always left out.
    phrases : bool or list of str
        ``True``: treat frequent collocations (count >= 5, NPMI >= 0.5; see
        :func:`detect_phrases` for other thresholds) as one term ("white house"), whose
        occurrences no longer count for its two words; or give two-word phrases.
    max_features : int, optional
        Keep only the most frequent terms (ties by term).
    weighting : {"tfidf", "count"} or None
        ``"tfidf"``: smoothed idf times count, each document scaled to unit length;
        ``"count"``: raw counts. ``None``: the topic model's own choice (tf-idf for NMF,
        counts for LDA); counts when used on its own.

    Attributes
    ----------
    terms_ : ndarray of str
        The vocabulary, sorted.
    phrases_ : list of str
        Phrases used as terms.
    idf_ : ndarray
        Inverse document frequencies (``log((1 + n) / (1 + df)) + 1``).

    Examples
    --------
    >>> docs = ["Troops' advance in 2024", "the troops advance", "budget vote", "budget vote"]
    >>> Vectorizer(min_df=2).fit(docs).terms_.tolist()
    ['advance', 'budget', 'troops', 'vote']
    """

    def __init__(self, *, min_df: int | float = 2, max_df: int | float = 0.95,
                 ngram_range: tuple[int, int] = (1, 1), stop_words: str | Sequence[str] | None = "news",
                 phrases: bool | Sequence[str] = False, max_features: int | None = None,
                 weighting: Literal["tfidf", "count"] | None = None):
        self.min_df = min_df
        self.max_df = max_df
        self.ngram_range = ngram_range
        self.stop_words = stop_words
        self.phrases = phrases
        self.max_features = max_features
        self.weighting = weighting

    # -- checks ----------------------------------------------------------
    def _check(self):
        lo, hi = self.ngram_range
        if not (isinstance(lo, (int, np.integer)) and isinstance(hi, (int, np.integer)) and 1 <= lo <= hi):
            raise ValueError(f"ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n, not {self.ngram_range}")
        for name in ("min_df", "max_df"):
            v = getattr(self, name)
            ok = (isinstance(v, (int, np.integer)) and not isinstance(v, bool) and v >= 0) or (
                isinstance(v, (float, np.floating)) and 0.0 <= v <= 1.0)
            if not ok:
                raise ValueError(f"{name} must be a number of documents (int >= 0) or a share in [0, 1], not {v!r}")
        if self.max_features is not None and not (isinstance(self.max_features, (int, np.integer)) and self.max_features > 0):
            raise ValueError(f"max_features must be a positive integer or None, not {self.max_features!r}")
        if self.weighting not in (None, "tfidf", "count"):
            raise ValueError(f"weighting must be 'tfidf', 'count' or None, not {self.weighting!r}")
        self._stop = _stop_set(self.stop_words)
        if self.phrases is True:
            self._fixed_phrases = None
        elif self.phrases is False or self.phrases is None:
            self._fixed_phrases = []
        else:
            phr = sorted({" ".join(str(p).lower().split()) for p in self.phrases})
            bad = [p for p in phr if len(p.split()) != 2]
            if bad:
                raise ValueError(f"phrases must be two-word expressions, got {bad[:3]}")
            self._fixed_phrases = phr

    def _orders(self) -> tuple[int, int]:
        lo, hi = self.ngram_range
        return (lo, max(hi, 2)) if (self.phrases is not False and self.phrases is not None) else (lo, hi)

    # -- counting ---------------------------------------------------------
    def document_terms(self, data):
        """The :class:`~discourse.text.DocumentTermMatrix` this vectorizer reads from
        ``data`` (computed by :func:`discourse.text.dtm`, or ``data`` itself)."""
        from discourse import text

        self._check()
        src, _ = as_corpus(data)
        if isinstance(src, text.DocumentTermMatrix):
            lo, hi = self._orders()
            n = _length(np.asarray(src.terms, dtype=object))
            if len(n) and not ((n >= lo) & (n <= hi)).any():
                size = f"{lo}-word" if lo == hi else f"{lo}- to {hi}-word"
                raise ValueError(f"the document-term matrix has no {size} terms; "
                                 f"build it with discourse.text.dtm(..., ngram_range=({lo}, {hi}))")
            return src
        return text.dtm(src, ngram_range=self._orders(), stop_words=sorted(self._stop) or None)

    def _candidates(self, dtm) -> tuple[sp.csr_matrix, np.ndarray]:
        """Counts over normalised terms of the wanted n-gram lengths."""
        lo, hi = self._orders()
        n = _length(np.asarray(dtm.terms, dtype=object))
        cols = np.flatnonzero((n >= lo) & (n <= hi))
        terms = _normalize_terms(np.asarray(dtm.terms, dtype=object)[cols], self._stop)
        return _merge_columns(sp.csr_matrix(dtm.matrix)[:, cols], terms)

    def _apply_phrases(self, X: sp.csr_matrix, terms: np.ndarray) -> tuple[sp.csr_matrix, np.ndarray]:
        """Phrase counts taken from their words; other bigrams dropped unless asked for."""
        lo, hi = self.ngram_range
        n = _length(terms)
        index = {t: j for j, t in enumerate(terms)}
        phrase_set = set(self.phrases_)
        rows, cols, vals = [], [], []
        for p in self.phrases_:
            if p not in index:
                continue
            for w in p.split(" "):
                if w in index:
                    rows.append(index[p])
                    cols.append(index[w])
                    vals.append(-1)
        if rows:
            T = sp.identity(len(terms), dtype=np.int64, format="csr") + sp.csr_matrix(
                (vals, (rows, cols)), shape=(len(terms), len(terms)), dtype=np.int64)
            X = sp.csr_matrix(X @ T)
            X.data = np.maximum(X.data, 0)
            X.eliminate_zeros()
        keep = (n >= lo) & (n <= hi) | np.array([t in phrase_set for t in terms], dtype=bool)
        return X[:, np.flatnonzero(keep)], terms[keep]

    def _fit_counts(self, dtm) -> sp.csr_matrix:
        X, terms = self._candidates(dtm)
        if self._fixed_phrases is None:
            self.phrases_ = _npmi_phrases(X, terms, min_count=PHRASE_MIN_COUNT, threshold=PHRASE_THRESHOLD)
        else:
            self.phrases_ = list(self._fixed_phrases)
        if self.phrases_ or self._orders() != tuple(self.ngram_range):
            X, terms = self._apply_phrases(X, terms)
        n_docs = X.shape[0]
        X.sum_duplicates()
        X.eliminate_zeros()
        df = np.bincount(X.indices, minlength=X.shape[1])
        lo = self.min_df if isinstance(self.min_df, (int, np.integer)) else np.ceil(self.min_df * n_docs)
        hi = self.max_df if isinstance(self.max_df, (int, np.integer)) else np.floor(self.max_df * n_docs)
        keep = (df >= lo) & (df <= hi)
        if self.max_features is not None and keep.sum() > self.max_features:
            total = np.asarray(X.sum(axis=0)).ravel()
            idx = np.flatnonzero(keep)
            top = idx[np.lexsort((idx, -total[idx]))[: self.max_features]]
            keep = np.zeros_like(keep)
            keep[top] = True
        if not keep.any():
            raise ValueError(f"no terms left to model ({X.shape[1]} candidate terms, none in "
                             f"min_df={self.min_df} to max_df={self.max_df} documents); lower min_df or raise max_df")
        self.terms_ = terms[keep]
        self._index = pd.Index(self.terms_)
        X = sp.csr_matrix(X[:, np.flatnonzero(keep)], dtype=np.float64)
        self.idf_ = np.log((1 + n_docs) / (1 + df[keep])) + 1.0
        return X

    def _counts(self, dtm) -> sp.csr_matrix:
        """Counts of :attr:`terms_` in the documents of ``dtm`` (fitted vocabulary)."""
        self._require_fit()
        X, terms = self._candidates(dtm)
        if self.phrases_ or self._orders() != tuple(self.ngram_range):
            X, terms = self._apply_phrases(X, terms)
        pos = self._index.get_indexer(terms)
        ok = pos >= 0
        M = sp.csr_matrix((np.ones(ok.sum()), (np.flatnonzero(ok), pos[ok])), shape=(len(terms), len(self.terms_)))
        return sp.csr_matrix(X @ M, dtype=np.float64)

    def _weight(self, X: sp.csr_matrix, weighting: str | None) -> sp.csr_matrix:
        if (weighting or "count") == "count":
            return X
        W = sp.csr_matrix(X.multiply(self.idf_[None, :]))
        norm = np.sqrt(np.asarray(W.multiply(W).sum(axis=1)).ravel())
        return sp.csr_matrix(sp.diags(np.where(norm > 0, 1 / np.where(norm > 0, norm, 1), 0)) @ W)

    def _require_fit(self):
        if not hasattr(self, "terms_"):
            raise RuntimeError("this Vectorizer is not fitted yet; call fit(corpus) first")

    # -- public ------------------------------------------------------------
    def fit(self, data) -> "Vectorizer":
        """Learn the vocabulary (and idf) from a corpus, texts or a document-term matrix.
        Returns ``self``."""
        self._fit_counts(self.document_terms(data))
        return self

    def transform(self, data) -> sp.csr_matrix:
        """Documents × :attr:`terms_` matrix (weighted as ``weighting``; counts if None)."""
        self._require_fit()
        return self._weight(self._counts(self.document_terms(data)), self.weighting)

    def fit_transform(self, data) -> sp.csr_matrix:
        """:meth:`fit` then :meth:`transform` on the same data, counting once."""
        return self._weight(self._fit_counts(self.document_terms(data)), self.weighting)

    def __repr__(self) -> str:
        defaults = Vectorizer()
        diff = [f"{k}={v!r}" for k, v in vars(self).items()
                if not k.startswith("_") and not k.endswith("_") and getattr(defaults, k) != v]
        return f"Vectorizer({', '.join(diff)})"


def detect_phrases(corpus, *, min_count: int = PHRASE_MIN_COUNT, threshold: float = PHRASE_THRESHOLD,
                   stop_words: str | Sequence[str] | None = "news") -> list[str]:
    """Two-word collocations: adjacent words (after stop words, inside a sentence) that
    occur together at least ``min_count`` times with normalised PMI >= ``threshold``.

    Pass the result to ``Vectorizer(phrases=...)`` to use other thresholds than
    ``phrases=True`` does.

    Parameters
    ----------
    corpus : DataFrame, Series, sequence of str or DocumentTermMatrix
        A document-term matrix must hold unigrams and bigrams.
    min_count : int
    threshold : float
        NPMI = ``log(P(ab) / (P(a) P(b))) / -log P(ab)``, from -1 to 1.
    stop_words : "news", "english", list of str or None

    Returns
    -------
    list of str
        The phrases, sorted.

    Examples
    --------
    >>> docs = ["the White House said", "White House staff", "a white wall", "house prices"] * 3
    >>> detect_phrases(docs, min_count=5)
    ['white house']
    """
    v = Vectorizer(ngram_range=(1, 2), stop_words=stop_words)
    X, terms = v._candidates(v.document_terms(corpus))
    return _npmi_phrases(X, terms, min_count=min_count, threshold=threshold)
