"""Topic models on scikit-learn: NMF and LDA with tidy outputs, k-selection and prevalence.

The workflow::

    model = topics.fit(corpus, 10, method="nmf", random_state=0)
    model.top_terms(10, relevance_lambda=0.6)     # topic, label, rank, term, weight, relevance
    model.doc_topics                              # doc_id, topic, share (long)
    report = topics.search_k(corpus, [5, 10, 15]) # coherence, exclusivity, stability per k
    prev = topics.prevalence(model, corpus, by="outlet", period="Q")

Everything is sparse until the (small) topic matrices; ``online=True`` switches to
:class:`~sklearn.decomposition.MiniBatchNMF` or online variational LDA.

Method notes (see ``docs/topics.md``):

* **Shares.** A document's share of topic *k* is the fraction of its (tf-idf or count)
  mass the model attributes to *k*; shares of a document sum to 1. For NMF
  (``X ≈ W H``) that is ``W[d, k] * H[k].sum()`` normalised over *k*, so the arbitrary
  scale split between ``W`` and ``H`` does not leak into the shares.
* **Coherence** is computed here, over document co-occurrence in the corpus (or a
  reference corpus): NPMI (Bouma 2009; Aletras & Stevenson 2013; Lau et al. 2014) and
  UMass (Mimno et al. 2011). c_v is deliberately not offered.
* **Stability** is the mean best-match cosine similarity of topic-term vectors between
  runs with different seeds on random subsamples (Greene et al. 2014), topics matched
  with the Hungarian algorithm.
* **Relevance** for ranking terms is that of LDAvis (Sievert & Shirley 2014).
* **Prevalence** of a topic in a group is the mean share over the group's documents,
  so it sums to 1 over topics in every group whatever the group's size.
"""
from __future__ import annotations

import re
import warnings
from collections import Counter
from itertools import combinations
from typing import Iterable, Literal, Mapping, Sequence

import numpy as np
import pandas as pd
import scipy.sparse as sp

from discourse.stats import period_alias
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF, LatentDirichletAllocation, MiniBatchNMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer

__all__ = [
    "TopicModel",
    "fit",
    "search_k",
    "coherence",
    "prevalence",
    "trajectories",
]

#: Words: letters, with inner hyphens or apostrophes ("counter-terrorism", "don't").
TOKEN_PATTERN = r"(?u)\b[^\W\d_]+(?:['’\-][^\W\d_]+)*\b"
_POSSESSIVE = re.compile(r"['’]s$")



# ---------------------------------------------------------------- analyzer
class _Analyzer:
    """Text → list of terms: lowercase words, possessives stripped, stop words out,
    detected phrases merged into one term ("united states"), then n-grams that never
    cross punctuation. A picklable callable used as CountVectorizer's ``analyzer``."""

    def __init__(self, *, stop_words=frozenset(), phrases=frozenset(), ngram_range=(1, 1),
                 lowercase=True, token_pattern=TOKEN_PATTERN):
        self.stop_words = frozenset(stop_words)
        self.phrases = frozenset(phrases)
        self.ngram_range = tuple(ngram_range)
        self.lowercase = lowercase
        self.token_pattern = token_pattern
        self._re = self._compile(token_pattern)

    @staticmethod
    def _compile(token_pattern: str) -> re.Pattern:
        # one pass: group 1 = a token, group 2 = a punctuation mark (a clause break)
        body = token_pattern[4:] if token_pattern.startswith("(?u)") else token_pattern
        return re.compile(f"({body})|([^\\w\\s])")

    def __getstate__(self):
        d = self.__dict__.copy()
        d.pop("_re", None)
        return d

    def __setstate__(self, d):
        self.__dict__.update(d)
        self._re = self._compile(self.token_pattern)

    def words(self, text: str) -> tuple[list[str], list[int]]:
        """Tokens and their "clause" number (bumped at every punctuation mark)."""
        if not isinstance(text, str):
            return [], []
        if self.lowercase:
            text = text.lower()
        toks, clause = [], []
        c = 0
        for tok, punct in self._re.findall(text):
            if punct:
                c += 1
                continue
            if "'" in tok or "’" in tok:
                tok = _POSSESSIVE.sub("", tok)
            toks.append(tok)
            clause.append(c)
        return toks, clause

    def __call__(self, text: str) -> list[str]:
        toks, clause = self.words(text)
        if self.phrases and len(toks) > 1:
            merged, mclause, i = [], [], 0
            while i < len(toks):
                if (i + 1 < len(toks) and clause[i] == clause[i + 1]
                        and f"{toks[i]} {toks[i + 1]}" in self.phrases):
                    merged.append(f"{toks[i]} {toks[i + 1]}")
                    mclause.append(clause[i])
                    i += 2
                else:
                    merged.append(toks[i])
                    mclause.append(clause[i])
                    i += 1
            toks, clause = merged, mclause
        keep = [(t, c) for t, c in zip(toks, clause) if t not in self.stop_words and len(t) > 1]
        lo, hi = self.ngram_range
        if (lo, hi) == (1, 1):
            return [t for t, _ in keep]
        out = []
        for n in range(lo, hi + 1):
            for i in range(len(keep) - n + 1):
                if keep[i][1] == keep[i + n - 1][1]:
                    out.append(" ".join(t for t, _ in keep[i:i + n]))
        return out


def _detect_phrases(texts: Iterable[str], analyzer: _Analyzer, *, min_count: int,
                    threshold: float) -> frozenset[str]:
    """Bigrams of adjacent non-stop words (no punctuation between) with count >=
    ``min_count`` and normalised PMI >= ``threshold`` over token positions."""
    uni, bi = Counter(), Counter()
    n_tok = n_bi = 0
    stop = analyzer.stop_words
    for text in texts:
        toks, clause = analyzer.words(text)
        uni.update(toks)
        n_tok += len(toks)
        for i in range(len(toks) - 1):
            if clause[i] == clause[i + 1]:
                n_bi += 1
                a, b = toks[i], toks[i + 1]
                if a not in stop and b not in stop and len(a) > 1 and len(b) > 1:
                    bi[a, b] += 1
    out = set()
    for (a, b), c in bi.items():
        if c < min_count:
            continue
        p_ab = c / n_bi
        pmi = np.log(p_ab / ((uni[a] / n_tok) * (uni[b] / n_tok)))
        npmi = 1.0 if p_ab >= 1 else pmi / -np.log(p_ab)
        if npmi >= threshold:
            out.add(f"{a} {b}")
    return frozenset(out)


#: words of news reporting itself (attribution, courtesy titles, datelines, wire
#: boilerplate) that every story shares whatever its topic; added to scikit-learn's
#: English list by ``stop_words="news"``
NEWS_STOP_WORDS = frozenset(
    """
    said says say saying told tells according added adds asked reported reports
    reporting stated statement statements spokesman spokeswoman spokesperson
    mr mrs ms dr also just like new year years week weeks day days time today
    yesterday tuesday wednesday thursday friday saturday sunday monday
    percent per cent including people news reporters reuters ap afp
    """.split()
)


def _stop_set(stop_words) -> frozenset[str]:
    if stop_words is None:
        return frozenset()
    if isinstance(stop_words, str):
        if stop_words == "english":
            return frozenset(ENGLISH_STOP_WORDS)
        if stop_words == "news":
            return frozenset(ENGLISH_STOP_WORDS) | NEWS_STOP_WORDS
        raise ValueError(f"stop_words must be 'news', 'english', a list of words or None, not {stop_words!r}")
    return frozenset(w.lower() for w in stop_words)


def _texts_ids(corpus, text: str = "text") -> tuple[list[str], np.ndarray, pd.DataFrame | None]:
    """(texts, doc_ids, frame or None) from a corpus DataFrame or a sequence of strings."""
    if isinstance(corpus, pd.DataFrame):
        if text not in corpus.columns:
            raise KeyError(f"corpus has no {text!r} column (columns: {list(corpus.columns)})")
        if "doc_id" in corpus.columns:
            ids = corpus["doc_id"].astype(str).to_numpy()
        else:
            ids = np.array([str(i) for i in range(len(corpus))], dtype=object)
        if len(set(ids)) != len(ids):
            raise ValueError("corpus: doc_id values must be unique (one row per document)")
        texts = [t if isinstance(t, str) else "" for t in corpus[text].tolist()]
        return texts, ids.astype(object), corpus
    if isinstance(corpus, str):
        raise TypeError("corpus must be a DataFrame or a sequence of texts, not one string")
    texts = [t if isinstance(t, str) else "" for t in corpus]
    return texts, np.array([str(i) for i in range(len(texts))], dtype=object), None


# ---------------------------------------------------------------- model
def _normalize_rows(a: np.ndarray) -> np.ndarray:
    s = a.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(s > 0, a / np.where(s > 0, s, 1), np.nan)


class TopicModel:
    """A topic model (NMF or LDA) over a corpus, with tidy outputs.

    Parameters are stored as given; :meth:`fit` does the work (scikit-learn style).
    Usually built with :func:`fit`.

    Parameters
    ----------
    n_topics : int
        Number of topics (``n_components`` in scikit-learn).
    method : {"nmf", "lda"}
        NMF on tf-idf (Frobenius loss, NNDSVDa initialisation) or LDA (variational
        Bayes) on counts.
    random_state : int
        Seed for initialisation and (online) batch order; same seed, same output.
    min_df, max_df : int or float
        Drop terms in fewer than ``min_df`` documents (count, or share if float) or in
        more than ``max_df`` (share if float).
    ngram_range : (int, int)
        Word n-grams to use as terms (never across punctuation), after stop words.
    stop_words : "news", "english", list of str or None
        ``"news"`` (default): scikit-learn's built-in English list (no download)
        plus :data:`NEWS_STOP_WORDS`; ``"english"``: the English list alone.
    phrases : bool or list of str
        ``True`` detects frequent collocations of adjacent non-stop words ("white
        house", "united states") with count >= ``phrase_min_count`` and NPMI >=
        ``phrase_threshold`` and treats each as one term; a list gives the phrases
        ("white house") directly.
    max_features : int, optional
        Keep only the most frequent terms.
    tfidf : bool, optional
        Weight by tf-idf before factorising; default True for NMF, False for LDA (LDA
        needs counts).
    online : bool
        Mini-batch fitting: :class:`~sklearn.decomposition.MiniBatchNMF` or online LDA.
    batch_size : int, optional
        Documents per mini-batch when ``online`` (scikit-learn's default otherwise).
    max_iter : int, optional
        Iterations (epochs when online); defaults: NMF 400, LDA 50, online 20.
    text : str
        Column holding the text.
    model_options : dict, optional
        Passed to the scikit-learn estimator (``alpha_W``, ``beta_loss``,
        ``doc_topic_prior``, ``learning_decay`` ...).

    Attributes
    ----------
    vectorizer_ : CountVectorizer
    estimator_ : NMF, MiniBatchNMF or LatentDirichletAllocation
    terms_ : ndarray of str
    components_ : ndarray (n_topics, n_terms)
        Topic-term distributions (rows sum to 1). Topics are numbered by decreasing
        overall prevalence.
    doc_ids_ : ndarray of str
    shares_ : ndarray (n_docs, n_topics)
        Document-topic shares (rows sum to 1; NaN for documents with no vocabulary term).
    term_frequency_ : ndarray (n_terms,)
        Corpus term counts.
    labels : dict
        Topic labels, editable (``model.labels[0] = "Airstrikes"`` or :meth:`set_labels`).

    Examples
    --------
    >>> docs = ["bombs fell on the village", "the village was bombed",
    ...         "markets rallied as stocks rose", "stocks fell and markets slid"] * 5
    >>> m = TopicModel(2, min_df=1).fit(docs)
    >>> sorted(m.top_terms(2).groupby("topic")["term"].apply(list).map(sorted).map(tuple))
    [('bombed', 'village'), ('markets', 'stocks')]
    """

    def __init__(self, n_topics: int = 10, *, method: Literal["nmf", "lda"] = "nmf",
                 random_state: int | None = 0, min_df: int | float = 2,
                 max_df: int | float = 0.95, ngram_range: tuple[int, int] = (1, 1),
                 stop_words: str | Sequence[str] | None = "news",
                 phrases: bool | Sequence[str] = False, phrase_min_count: int = 5,
                 phrase_threshold: float = 0.5, max_features: int | None = None,
                 tfidf: bool | None = None, online: bool = False,
                 batch_size: int | None = None, max_iter: int | None = None,
                 text: str = "text", model_options: Mapping | None = None):
        self.n_topics = n_topics
        self.method = method
        self.random_state = random_state
        self.min_df = min_df
        self.max_df = max_df
        self.ngram_range = ngram_range
        self.stop_words = stop_words
        self.phrases = phrases
        self.phrase_min_count = phrase_min_count
        self.phrase_threshold = phrase_threshold
        self.max_features = max_features
        self.tfidf = tfidf
        self.online = online
        self.batch_size = batch_size
        self.max_iter = max_iter
        self.text = text
        self.model_options = model_options

    # -- configuration -------------------------------------------------
    def _check(self):
        if self.method not in ("nmf", "lda"):
            raise ValueError(f"method must be 'nmf' or 'lda', not {self.method!r}")
        if not isinstance(self.n_topics, (int, np.integer)) or self.n_topics < 1:
            raise ValueError(f"n_topics must be a positive integer, not {self.n_topics!r}")
        lo, hi = self.ngram_range
        if not 1 <= lo <= hi:
            raise ValueError(f"ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n, not {self.ngram_range}")
        if self.method == "lda" and self.tfidf:
            raise ValueError("LDA needs raw counts: use tfidf=False (or None) with method='lda'")

    def _use_tfidf(self) -> bool:
        return (self.method == "nmf") if self.tfidf is None else bool(self.tfidf)

    def _vectorize(self, texts: list[str]) -> sp.csr_matrix:
        stop = _stop_set(self.stop_words)
        base = _Analyzer(stop_words=stop, ngram_range=self.ngram_range)
        if self.phrases is True:
            phr = _detect_phrases(texts, base, min_count=self.phrase_min_count,
                                  threshold=self.phrase_threshold)
        elif self.phrases is False or self.phrases is None:
            phr = frozenset()
        else:
            phr = frozenset(" ".join(p.lower().split()) for p in self.phrases)
            bad = [p for p in phr if len(p.split()) != 2]
            if bad:
                raise ValueError(f"phrases must be two-word expressions, got {sorted(bad)[:3]}")
        analyzer = _Analyzer(stop_words=stop, phrases=phr, ngram_range=self.ngram_range)
        self.phrases_ = sorted(phr)
        self.vectorizer_ = CountVectorizer(analyzer=analyzer, min_df=self.min_df, max_df=self.max_df,
                                           max_features=self.max_features, dtype=np.float64)
        try:
            X = self.vectorizer_.fit_transform(texts)
        except ValueError as exc:
            raise ValueError(f"no terms left to model ({exc}); lower min_df or raise max_df") from exc
        return sp.csr_matrix(X)

    def _estimator(self, n_topics: int, random_state):
        opts = dict(self.model_options or {})
        if self.method == "nmf":
            if self.online:
                kw = dict(n_components=n_topics, init="nndsvda", random_state=random_state,
                          max_iter=self.max_iter or 20)
                if self.batch_size:
                    kw["batch_size"] = self.batch_size
                return MiniBatchNMF(**{**kw, **opts})
            return NMF(**{**dict(n_components=n_topics, init="nndsvda", random_state=random_state,
                                 max_iter=self.max_iter or 400), **opts})
        kw = dict(n_components=n_topics, random_state=random_state,
                  learning_method="online" if self.online else "batch",
                  max_iter=self.max_iter or (20 if self.online else 50))
        if self.online and self.batch_size:
            kw["batch_size"] = self.batch_size
        return LatentDirichletAllocation(**{**kw, **opts})

    def _weight(self, X: sp.csr_matrix) -> sp.csr_matrix:
        return self.tfidf_.transform(X) if self.tfidf_ is not None else X

    # -- fitting ---------------------------------------------------------
    def fit(self, corpus) -> "TopicModel":
        """Vectorise ``corpus`` (DataFrame with ``doc_id`` and ``text``, or a list of
        texts) and fit the topic model. Returns ``self``."""
        self._check()
        texts, ids, _ = _texts_ids(corpus, self.text)
        if len(texts) < self.n_topics:
            raise ValueError(f"{len(texts)} documents are too few for {self.n_topics} topics")
        X = self._vectorize(texts)
        self.tfidf_ = TfidfTransformer().fit(X) if self._use_tfidf() else None
        self.doc_ids_ = ids
        self.texts_ = texts
        self.terms_ = np.asarray(self.vectorizer_.get_feature_names_out(), dtype=object)
        self.term_frequency_ = np.asarray(X.sum(axis=0)).ravel()
        est = self._estimator(self.n_topics, self.random_state)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            W = est.fit_transform(self._weight(X))
        self.estimator_ = est
        comp = np.asarray(est.components_, dtype=float)
        shares = self._shares(W, X)
        # number topics by decreasing prevalence (ties by original index): stable order
        order = np.lexsort((np.arange(comp.shape[0]), -np.nansum(shares, axis=0)))
        self.order_ = order
        self.components_ = np.nan_to_num(_normalize_rows(comp[order]))  # an empty topic: zeros
        self.shares_ = shares[:, order]
        top = np.argsort(-self.components_, axis=1, kind="stable")[:, :3]
        self.labels = {k: f"{k}: " + ", ".join(self.terms_[top[k]]) for k in range(self.n_topics)}
        return self

    def _shares(self, W: np.ndarray, X: sp.csr_matrix) -> np.ndarray:
        return _normalize_and_blank(W, X, self)

    def _transform_matrix(self, X: sp.csr_matrix) -> np.ndarray:
        if X.shape[0] == 0:  # scikit-learn rejects an empty matrix
            return np.zeros((0, self.n_topics))
        W = self.estimator_.transform(self._weight(X))
        return _normalize_and_blank(W, X, self)[:, self.order_]

    def _require_fit(self):
        if not hasattr(self, "components_"):
            raise RuntimeError("this TopicModel is not fitted yet; call fit(corpus) first")

    # -- tidy outputs ------------------------------------------------------
    @property
    def term_topics(self) -> pd.DataFrame:
        """Long table ``topic``, ``term``, ``weight`` (topic-term probability; rows of a
        topic sum to 1). Zero weights are left out."""
        self._require_fit()
        k, j = np.nonzero(self.components_ > 0)
        return pd.DataFrame({"topic": k.astype(int), "term": self.terms_[j].astype(str),
                             "weight": self.components_[k, j]})

    @property
    def doc_topics(self) -> pd.DataFrame:
        """Long table ``doc_id``, ``topic``, ``share`` (one row per document and topic;
        a document's shares sum to 1; NaN when it has no vocabulary term)."""
        self._require_fit()
        return _long_shares(self.doc_ids_, self.shares_)

    def set_labels(self, labels: Mapping[int, str] | Sequence[str]) -> "TopicModel":
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

    def representative_docs(self, n: int = 3, *, width: int = 240,
                            relevance_lambda: float = 1.0) -> pd.DataFrame:
        """The ``n`` documents with the highest share of each topic, with a snippet: the
        paragraph holding most of the topic's top-10 terms, cut to ``width`` characters.

        Returns
        -------
        DataFrame
            ``topic``, ``label``, ``rank``, ``doc_id``, ``share``, ``snippet``.
        """
        self._require_fit()
        tt = self.top_terms(10, relevance_lambda=relevance_lambda)
        rows = []
        shares = np.where(np.isnan(self.shares_), -1.0, self.shares_)
        for k in range(self.n_topics):
            order = np.lexsort((np.arange(len(shares)), -shares[:, k]))[:n]
            words = set(tt.loc[tt["topic"] == k, "term"])
            for r, d in enumerate(order, 1):
                if shares[d, k] < 0:
                    continue
                rows.append((k, self.labels[k], r, str(self.doc_ids_[d]), float(self.shares_[d, k]),
                             self._snippet(self.texts_[d], words, width)))
        return pd.DataFrame(rows, columns=["topic", "label", "rank", "doc_id", "share", "snippet"])

    def _snippet(self, text: str, words: set[str], width: int) -> str:
        analyzer = self.vectorizer_.analyzer
        paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()] or [text]
        scores = [sum(t in words for t in analyzer(p)) for p in paras]
        best = " ".join(paras[int(np.argmax(scores))].split())
        if len(best) <= width:
            return best
        cut = best[:width].rsplit(" ", 1)[0]
        return cut + "…"

    def transform(self, corpus) -> pd.DataFrame:
        """Topic shares of new documents (vocabulary, idf and topics held fixed).

        Returns
        -------
        DataFrame
            ``doc_id``, ``topic``, ``share`` (long, as :attr:`doc_topics`).
        """
        self._require_fit()
        texts, ids, _ = _texts_ids(corpus, self.text)
        X = sp.csr_matrix(self.vectorizer_.transform(texts))
        return _long_shares(ids, self._transform_matrix(X))

    def __repr__(self) -> str:
        if not hasattr(self, "components_"):
            return f"TopicModel(n_topics={self.n_topics}, method={self.method!r}) (not fitted)"
        return (f"TopicModel(n_topics={self.n_topics}, method={self.method!r}{', online' if self.online else ''}): "
                f"{len(self.doc_ids_)} documents, {len(self.terms_)} terms")


def _normalize_and_blank(W: np.ndarray, X: sp.csr_matrix, model: TopicModel) -> np.ndarray:
    """Document-topic weights → shares summing to 1 per document; NaN rows for documents
    without any vocabulary term. NMF weights are scaled by the mass of each topic's
    term vector (``X ≈ W H``: topic k explains ``W[d,k] * H[k].sum()`` of document d)."""
    W = np.asarray(W, dtype=float)
    if model.method == "nmf":
        W = W * np.asarray(model.estimator_.components_).sum(axis=1)[None, :]
    S = _normalize_rows(W)
    empty = np.asarray(X.sum(axis=1)).ravel() == 0
    S[empty] = np.nan
    return S


def _long_shares(ids: np.ndarray, S: np.ndarray) -> pd.DataFrame:
    n, k = S.shape
    return pd.DataFrame({"doc_id": pd.array(np.repeat(np.asarray(ids, dtype=object), k).astype(str), dtype="string"),
                         "topic": np.tile(np.arange(k), n), "share": S.ravel()})


def fit(corpus, n_topics: int, *, method: Literal["nmf", "lda"] = "nmf", random_state: int | None = 0,
        min_df: int | float = 2, max_df: int | float = 0.95, ngram_range: tuple[int, int] = (1, 1),
        stop_words: str | Sequence[str] | None = "news", phrases: bool | Sequence[str] = False,
        phrase_min_count: int = 5, phrase_threshold: float = 0.5, max_features: int | None = None,
        tfidf: bool | None = None, online: bool = False, batch_size: int | None = None,
        max_iter: int | None = None, text: str = "text",
        model_options: Mapping | None = None) -> TopicModel:
    """Fit a topic model (NMF or LDA) to a corpus.

    Parameters
    ----------
    corpus : DataFrame or sequence of str
        Article table (``doc_id``, ``text``) or plain texts (ids ``"0"``, ``"1"`` ...).
    n_topics : int
    method : {"nmf", "lda"}
    random_state : int
    min_df, max_df : int or float
        Term document-frequency limits (counts if int, shares if float).
    ngram_range : (int, int)
        Word n-grams used as terms.
    stop_words : "news", "english", list of str or None
        ``"news"`` (default): scikit-learn's built-in English list (no download)
        plus :data:`NEWS_STOP_WORDS` ("said", "told", "mr" ... shared by every
        story); ``"english"``: the English list alone; a list; or none.
    phrases : bool or list of str
        Detect collocations (``True``) or give two-word phrases to treat as one term.
    phrase_min_count, phrase_threshold : int, float
        Minimum count and NPMI of a detected phrase.
    max_features : int, optional
        Keep only the most frequent terms.
    tfidf : bool, optional
        Weight by tf-idf (default: NMF yes, LDA no).
    online, batch_size : bool, int
        Mini-batch fitting (MiniBatchNMF, online LDA) and its batch size.
    max_iter : int, optional
        Iterations (epochs when online).
    text : str
        Text column.
    model_options : dict, optional
        Passed to the scikit-learn estimator.

    Returns
    -------
    TopicModel
        With ``.term_topics``, ``.doc_topics``, ``.top_terms()``,
        ``.representative_docs()``, ``.labels``, ``.transform()``.

    Examples
    --------
    >>> docs = ["troops and airstrikes in the province"] * 3 + ["budget vote in congress"] * 3
    >>> m = fit(docs, 2, min_df=1)
    >>> m.doc_topics.groupby("doc_id")["share"].sum().round(6).unique().tolist()
    [1.0]
    """
    return TopicModel(
        n_topics, method=method, random_state=random_state, min_df=min_df, max_df=max_df,
        ngram_range=ngram_range, stop_words=stop_words, phrases=phrases,
        phrase_min_count=phrase_min_count, phrase_threshold=phrase_threshold,
        max_features=max_features, tfidf=tfidf, online=online, batch_size=batch_size,
        max_iter=max_iter, text=text, model_options=model_options).fit(corpus)


# ---------------------------------------------------------------- coherence
def _topic_term_lists(model_or_topics, top_n: int) -> tuple[list, list[list[str]]]:
    """(topic ids, lists of terms in rank order) from a model, a term table or lists."""
    if isinstance(model_or_topics, TopicModel):
        tt = model_or_topics.top_terms(top_n)
        keys = list(range(model_or_topics.n_topics))
        return keys, [tt.loc[tt["topic"] == k, "term"].tolist() for k in keys]
    if isinstance(model_or_topics, pd.DataFrame):
        df = model_or_topics
        if not {"topic", "term"} <= set(df.columns):
            raise KeyError("a term table needs 'topic' and 'term' columns")
        keys = sorted(df["topic"].unique().tolist())
        out = []
        for k in keys:
            sub = df[df["topic"] == k]
            if "rank" in sub.columns:
                sub = sub.sort_values("rank", kind="stable")
            elif "weight" in sub.columns:
                sub = sub.sort_values("weight", ascending=False, kind="stable")
            out.append(sub["term"].astype(str).tolist()[:top_n])
        return keys, out
    if isinstance(model_or_topics, Mapping):
        keys = list(model_or_topics)
        return keys, [list(model_or_topics[k])[:top_n] for k in keys]
    lists = [list(t)[:top_n] for t in model_or_topics]
    return list(range(len(lists))), lists


def _doc_occurrence(model_or_topics, corpus, terms: list[str]) -> tuple[sp.csc_matrix, dict[str, int]]:
    """Binary document × term matrix of ``terms`` over ``corpus``."""
    if isinstance(model_or_topics, TopicModel):
        texts, _, _ = _texts_ids(corpus, model_or_topics.text)
        analyzer = model_or_topics.vectorizer_.analyzer
    else:
        texts, _, _ = _texts_ids(corpus)
        maxn = max((len(t.split()) for t in terms), default=1)
        analyzer = _Analyzer(ngram_range=(1, maxn))
    vocab = {t: i for i, t in enumerate(dict.fromkeys(terms))}
    vec = CountVectorizer(analyzer=analyzer, vocabulary=vocab, binary=True, dtype=np.int64)
    return sp.csc_matrix(vec.transform(texts)), vocab


def _pair_scores(D: sp.csc_matrix, idx: list[int], measure: str) -> float:
    """Mean pairwise coherence of one topic's terms (columns ``idx`` of binary ``D``)."""
    n_docs = D.shape[0]
    sub = D[:, idx]
    df = np.asarray(sub.sum(axis=0)).ravel().astype(float)
    co = np.asarray((sub.T @ sub).todense(), dtype=float)
    vals = []
    for i, j in combinations(range(len(idx)), 2):  # i ranked above j
        if measure == "umass":
            # Mimno et al. 2011: log((D(w_j, w_i) + 1) / D(w_i)), w_i the higher-ranked word
            vals.append(np.log((co[i, j] + 1.0) / df[i]) if df[i] > 0 else np.nan)
        else:
            if df[i] == 0 or df[j] == 0:
                vals.append(np.nan)
            elif co[i, j] == 0:
                vals.append(-1.0)
            elif co[i, j] == n_docs:
                vals.append(1.0)
            else:
                p_ij = co[i, j] / n_docs
                vals.append(np.log(p_ij / ((df[i] / n_docs) * (df[j] / n_docs))) / -np.log(p_ij))
    vals = np.asarray(vals, dtype=float)
    return float(np.nanmean(vals)) if np.isfinite(vals).any() else np.nan


def _coherence_arrays(term_lists: list[list[str]], D: sp.csc_matrix, vocab: dict[str, int],
                      measure: str) -> np.ndarray:
    return np.array([_pair_scores(D, [vocab[t] for t in terms], measure) if len(terms) > 1 else np.nan
                     for terms in term_lists])


def coherence(model_or_topics, corpus, *, measure: Literal["npmi", "umass"] = "npmi",
              top_n: int = 10) -> pd.DataFrame:
    """Topic coherence over document co-occurrence in ``corpus``.

    Parameters
    ----------
    model_or_topics : TopicModel, DataFrame or list of lists of str
        A fitted model (its top terms and its tokenizer are used), a term table with
        ``topic`` and ``term`` (ordered by ``rank`` or ``weight``), or term lists in
        rank order.
    corpus : DataFrame or sequence of str
        The documents in which co-occurrence is counted: the modelled corpus (intrinsic)
        or a larger reference corpus (extrinsic).
    measure : {"npmi", "umass"}
        ``"npmi"``: mean over term pairs of ``log(P(a,b) / (P(a) P(b))) / -log P(a,b)``,
        probabilities = share of documents containing the term(s); -1 when a pair never
        co-occurs, 1 when both are in every document. Range [-1, 1].
        ``"umass"``: mean over pairs (``b`` ranked below ``a``) of
        ``log((D(a,b) + 1) / D(a))``, D = document counts (Mimno et al. 2011); usually
        negative (at most ``log(1 + 1/D(a))``), higher is better.
    top_n : int
        Terms per topic.

    Returns
    -------
    DataFrame
        ``topic``, ``measure``, ``coherence`` (``.coherence.mean()`` is the model score).
        Pairs with a term absent from ``corpus`` are skipped.

    Examples
    --------
    >>> docs = ["apple banana", "apple banana", "apple cherry", "cherry"]
    >>> coherence([["apple", "banana"]], docs, measure="umass")["coherence"].round(4).tolist()
    [0.0]
    """
    if measure not in ("npmi", "umass"):
        raise ValueError(f"measure must be 'npmi' or 'umass', not {measure!r}")
    keys, lists = _topic_term_lists(model_or_topics, top_n)
    if not isinstance(model_or_topics, TopicModel):  # match the lower-cased tokens
        lists = [[" ".join(str(t).lower().split()) for t in ts] for ts in lists]
    terms = [t for ts in lists for t in ts]
    D, vocab = _doc_occurrence(model_or_topics, corpus, terms)
    vals = _coherence_arrays(lists, D, vocab, measure)
    return pd.DataFrame({"topic": keys, "measure": measure, "coherence": vals})


# ---------------------------------------------------------------- choosing k
def _stability(runs: list[np.ndarray]) -> float:
    """Mean over run pairs of the mean cosine similarity of Hungarian-matched topics."""
    if len(runs) < 2:
        return np.nan
    normed = [r / np.maximum(np.linalg.norm(r, axis=1, keepdims=True), 1e-300) for r in runs]
    vals = []
    for a, b in combinations(normed, 2):
        sim = a @ b.T
        ri, ci = linear_sum_assignment(sim, maximize=True)
        vals.append(sim[ri, ci].mean())
    return float(np.mean(vals))


def _exclusivity(comp: np.ndarray, top_idx: np.ndarray) -> tuple[float, float]:
    """(mean φ_kw / Σ_j φ_jw over each topic's top terms, share of top terms that are in
    no other topic's top list)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        excl = comp / comp.sum(axis=0, keepdims=True)
    e = float(np.nanmean(np.take_along_axis(excl, top_idx, axis=1)))
    counts = Counter(top_idx.ravel().tolist())
    u = float(np.mean([counts[j] == 1 for j in top_idx.ravel().tolist()]))
    return e, u


def search_k(corpus, ks: Iterable[int], *, method: Literal["nmf", "lda"] = "nmf", n_seeds: int = 3,
             random_state: int | None = 0, reference=None, top_n: int = 10, holdout: float = 0.2,
             progress: bool = False, **options) -> pd.DataFrame:
    """Compare numbers of topics: coherence, exclusivity, held-out perplexity, stability.

    For each ``k`` the model is fitted ``n_seeds`` times, each time with its own seed on a
    random ``1 - holdout`` share of the documents (the vocabulary is fixed beforehand on
    the whole corpus, so topic-term vectors of different runs are comparable).

    Parameters
    ----------
    corpus : DataFrame or sequence of str
    ks : iterable of int
    method : {"nmf", "lda"}
    n_seeds : int
        Runs per k (seeds derived from ``random_state``).
    random_state : int
    reference : DataFrame or sequence of str, optional
        Corpus for coherence (default: ``corpus``), tokenised like ``corpus``.
    top_n : int
        Terms per topic for coherence and exclusivity.
    holdout : float
        Share of documents left out of each run (0 to fit every run on all documents).
        LDA perplexity is measured on them.
    progress : bool
        Show a progress bar (tqdm) over the fits.
    **options
        :class:`TopicModel` parameters (``min_df``, ``phrases``, ``online`` ...).

    Returns
    -------
    DataFrame
        One row per k: ``k``, ``npmi``, ``umass`` (coherence, mean over topics and runs),
        ``exclusivity`` (mean over top terms of φ_kw / Σ_j φ_jw, the exclusivity half of
        FREX; 1/k when topics share everything, 1 when top terms belong to one topic),
        ``unique_terms`` (share of top terms in only one topic's top list),
        ``perplexity`` (held-out, LDA only; lower is better; NaN for NMF),
        ``stability`` (mean best-match cosine similarity of topic-term vectors between
        runs, Hungarian matching; 1 = the same topics every time), ``n_seeds``.

    Examples
    --------
    >>> docs = ["troops airstrikes province"] * 6 + ["budget vote congress"] * 6
    >>> search_k(docs, [2], min_df=1, top_n=3)[["k", "stability"]].round(3)
       k  stability
    0  2        1.0
    """
    ks = [int(k) for k in ks]
    if not ks or min(ks) < 1:
        raise ValueError("ks must be a non-empty list of positive integers")
    if n_seeds < 1:
        raise ValueError(f"n_seeds must be >= 1, not {n_seeds}")
    if not 0 <= holdout < 1:
        raise ValueError(f"holdout must be in [0, 1), not {holdout}")
    base = TopicModel(max(ks), method=method, random_state=random_state, **options)
    base._check()
    texts, _, _ = _texts_ids(corpus, base.text)
    X = base._vectorize(texts)
    base.tfidf_ = TfidfTransformer().fit(X) if base._use_tfidf() else None
    Xw = base._weight(X)
    terms = base.vectorizer_.get_feature_names_out()
    vocab = {t: i for i, t in enumerate(terms)}
    if reference is None:
        D = sp.csc_matrix((X > 0).astype(np.int64))
    else:
        rtexts, _, _ = _texts_ids(reference, base.text)
        D = sp.csc_matrix((base.vectorizer_.transform(rtexts) > 0).astype(np.int64))
    n = X.shape[0]
    seeds = np.random.SeedSequence(0 if random_state is None else random_state).generate_state(n_seeds)
    too_many = [k for k in ks if k > n]
    if too_many:
        raise ValueError(f"k={too_many[0]} exceeds the number of documents ({n})")
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(ks) * n_seeds, desc="search_k", unit="fit", leave=False)
    rows = []
    for k in ks:
        runs, npmi, umass, excl, uniq, perp = [], [], [], [], [], []
        for s in range(n_seeds):
            rng = np.random.default_rng([int(seeds[s]), k])
            n_test = int(round(holdout * n))
            perm = rng.permutation(n)
            train, test = np.sort(perm[n_test:]), np.sort(perm[:n_test])
            est = base._estimator(k, int(seeds[s]))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                est.fit(Xw[train])
            comp = _normalize_rows(np.asarray(est.components_, dtype=float))
            comp = np.nan_to_num(comp)
            runs.append(comp)
            top_idx = np.argsort(-comp, axis=1, kind="stable")[:, :top_n]
            lists = [[terms[j] for j in row] for row in top_idx]
            npmi.append(np.nanmean(_coherence_arrays(lists, D, vocab, "npmi")))
            umass.append(np.nanmean(_coherence_arrays(lists, D, vocab, "umass")))
            e, u = _exclusivity(comp, top_idx)
            excl.append(e)
            uniq.append(u)
            if method == "lda" and len(test):
                perp.append(est.perplexity(X[test]))
            if bar is not None:
                bar.update(1)
        rows.append({"k": k, "npmi": float(np.mean(npmi)), "umass": float(np.mean(umass)),
                     "exclusivity": float(np.mean(excl)), "unique_terms": float(np.mean(uniq)),
                     "perplexity": float(np.mean(perp)) if perp else np.nan,
                     "stability": _stability(runs), "n_seeds": n_seeds})
    if bar is not None:
        bar.close()
    return pd.DataFrame(rows, columns=["k", "npmi", "umass", "exclusivity", "unique_terms",
                                       "perplexity", "stability", "n_seeds"])


# ---------------------------------------------------------------- prevalence
def _shares_for(model: TopicModel, corpus: pd.DataFrame) -> pd.DataFrame:
    """Long shares for the documents of ``corpus``: fitted shares where the model has
    seen the document, :meth:`TopicModel.transform` for the others."""
    model._require_fit()
    if "doc_id" not in corpus.columns:
        raise KeyError("corpus needs a doc_id column to match documents to topic shares")
    ids = corpus["doc_id"].astype(str)
    known = pd.Index(model.doc_ids_.astype(str))
    seen = ids.isin(known)
    parts = []
    if seen.any():
        pos = known.get_indexer(ids[seen])
        parts.append(_long_shares(ids[seen].to_numpy(), model.shares_[pos]))
    if (~seen).any():
        parts.append(model.transform(corpus.loc[~seen.to_numpy()]))
    if not parts:  # no documents
        return model.transform(corpus)
    return pd.concat(parts, ignore_index=True)


def _period(dates: pd.Series, period: str) -> pd.Series:
    """Start of each date's period (a Timestamp, so trajectories have a time axis)."""
    freq = period_alias(period)
    d = pd.to_datetime(dates)
    if getattr(d.dt, "tz", None) is not None:
        d = d.dt.tz_localize(None)
    return d.dt.to_period(freq).dt.start_time


def prevalence(model: TopicModel, corpus: pd.DataFrame, *, by: str | Sequence[str] | None = "outlet",
               period: str | None = None, date: str = "published", n_boot: int = 1000,
               ci: float = 0.95, random_state: int | None = 0) -> pd.DataFrame:
    """Topic prevalence by group (and period) with bootstrap intervals over documents.

    The prevalence of a topic in a group is the mean of its share over the group's
    documents, so a group's prevalences sum to 1 over topics however many documents it
    has (a period with 300 articles does not weigh more than one with 30). Intervals are
    percentile bootstrap intervals resampling the group's documents
    (:func:`discourse.stats.bootstrap`).

    Parameters
    ----------
    model : TopicModel
    corpus : DataFrame
        Articles with ``doc_id`` and the ``by`` / ``date`` columns; documents the model
        was not fitted on are scored with :meth:`TopicModel.transform`.
    by : str, list of str or None
        Group columns (``"outlet"``); None for the whole corpus.
    period : {"D", "W", "M", "Q", "Y"} or None
        Also group by calendar period of ``date`` (documents without a date are left out).
    date : str
        Date column.
    n_boot, ci, random_state
        Bootstrap settings.

    Returns
    -------
    DataFrame
        Group columns, ``period`` (period start, if asked), ``topic``, ``label``,
        ``share``, ``ci_low``, ``ci_high``, ``n`` (documents with a share).

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["x", "x", "y", "y"],
    ...     "text": ["troops airstrikes", "troops airstrikes", "budget vote", "troops budget"]})
    >>> m = fit(docs, 2, min_df=1, max_df=1.0)
    >>> prevalence(m, docs, n_boot=50).groupby("outlet")["share"].sum().round(6).tolist()
    [1.0, 1.0]
    """
    from discourse import stats

    if not isinstance(corpus, pd.DataFrame):
        raise TypeError("corpus must be a DataFrame with doc_id and grouping columns")
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    missing = [c for c in keys if c not in corpus.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in corpus (columns: {list(corpus.columns)})")
    meta = corpus[["doc_id", *keys]].copy()
    meta["doc_id"] = meta["doc_id"].astype(str)
    if period is not None:
        if date not in corpus.columns:
            raise KeyError(f"period needs a {date!r} date column")
        meta["period"] = _period(corpus[date], period).to_numpy()
        meta = meta[meta["period"].notna()]
        keys = [*keys, "period"]
    shares = _shares_for(model, corpus).merge(meta, on="doc_id", how="inner")
    for c in keys:  # group on missing outlets too, labelled as such
        if c != "period" and shares[c].isna().any():
            shares[c] = shares[c].astype(object).where(shares[c].notna(), "(none)")
    out = stats.bootstrap(shares, "share", by=[*keys, "topic"], n_boot=n_boot, ci=ci,
                          random_state=random_state)
    out = out.rename(columns={"estimate": "share"})
    out.insert(len(keys) + 1, "label", out["topic"].map(model.labels))
    return out.sort_values([*keys, "topic"], kind="stable").reset_index(drop=True)


def trajectories(model: TopicModel, corpus: pd.DataFrame, *, period: str = "M",
                 by: str | Sequence[str] | None = None, date: str = "published",
                 topics: Sequence[int] | None = None, n_boot: int = 1000, ci: float = 0.95,
                 random_state: int | None = 0) -> pd.DataFrame:
    """Topic prevalence over time: :func:`prevalence` by ``period`` on a complete
    calendar, so periods without documents appear with ``n = 0`` and NaN shares (lines
    break there instead of interpolating over gaps).

    Parameters
    ----------
    period : {"D", "W", "M", "Q", "Y"}
    by : str, list of str or None
        Separate trajectories per group (``"outlet"``).
    topics : list of int, optional
        Keep only these topics.

    Returns
    -------
    DataFrame
        Group columns, ``period``, ``topic``, ``label``, ``share``, ``ci_low``,
        ``ci_high``, ``n``.
    """
    prev = prevalence(model, corpus, by=by, period=period, date=date, n_boot=n_boot, ci=ci,
                      random_state=random_state)
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    if topics is not None:
        prev = prev[prev["topic"].isin(list(topics))]
    if prev.empty:
        return prev.reset_index(drop=True)
    freq = period_alias(period)
    cal = pd.period_range(prev["period"].min(), prev["period"].max(), freq=freq).start_time
    groups = prev[keys].drop_duplicates() if keys else pd.DataFrame(index=[0])
    tops = pd.DataFrame({"topic": sorted(prev["topic"].unique())})
    grid = groups.merge(pd.DataFrame({"period": cal}), how="cross").merge(tops, how="cross")
    out = grid.merge(prev.drop(columns="label"), on=[*keys, "period", "topic"], how="left")
    out["n"] = out["n"].fillna(0).astype(int)
    out.insert(len(keys) + 2, "label", out["topic"].map(model.labels))
    return out.sort_values([*keys, "topic", "period"], kind="stable").reset_index(drop=True)
