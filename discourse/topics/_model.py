"""The topic model: NMF or LDA (scikit-learn) on the terms of a :class:`Vectorizer`,
refined by a clustering step (``refine=True``, the default; ``_refine.py``).

A document's share of topic *k* is the fraction of its (tf-idf or count) mass the
model attributes to *k*; shares of a document sum to 1. Refined: the expected share of
its words that *k* produced (fold-in on the refined topics). Unrefined NMF
(``X ≈ W H``): ``W[d, k] * H[k].sum()`` normalised over *k*, so the arbitrary scale
split between ``W`` and ``H`` does not leak into the shares. See ``docs/topics.md``.
"""
from __future__ import annotations

import copy
import warnings
from typing import Literal, Mapping

import numpy as np
import scipy.sparse as sp
from sklearn.decomposition import NMF, LatentDirichletAllocation, MiniBatchNMF
from sklearn.exceptions import ConvergenceWarning

from discourse.topics._refine import cluster_topics, fold_in, refine_clusters
from discourse.topics._tables import TopicTables, long_shares, normalize_rows
from discourse.topics._vectorizer import Vectorizer, as_corpus

__all__ = ["TopicModel", "fit"]

#: λ of the relevance ranking behind the default topic labels (Sievert & Shirley's users preferred 0.6)
LABEL_LAMBDA = 0.6
#: measured by benchmarks/eval_topics.py (docs/topics.md, "Do the defaults recover real topics?")
LDA_WARNING = ("LDA's topics depend on the seed: on a development corpus of 3,271 news articles with "
               "seven labelled topics, the NMI between LDA's dominant topics and the labels ranged from "
               "0.850 to 0.877 over seeds 0-4 (sd 0.011) with the default refine=True, and from 0.63 to 0.76 "
               "(sd 0.046) with refine=False; NMF with the defaults: 0.904 for every seed. "
               "Compare several seeds (topics.search_k reports stability) or use method='nmf'.")


class TopicModel(TopicTables):
    """A topic model (NMF or LDA) over a corpus, with tidy outputs.

    ``__init__`` only stores the parameters; :meth:`fit` does the work and sets the
    learned attributes (ending in ``_``), as in scikit-learn. :func:`fit` is the
    one-call shortcut.

    Parameters
    ----------
    n_topics : int
        Number of topics (``n_components`` in scikit-learn).
    method : {"nmf", "lda"}
        ``"nmf"``: NMF on tf-idf (Frobenius loss, NNDSVDa start; the same topics for
        every seed). ``"lda"``: LDA (variational Bayes) on counts; its topics change
        with the seed (see ``docs/topics.md``).
    refine : bool
        ``True`` (default): the fit's dominant topics start a clustering (spherical
        k-means on tf-idf, then hard EM of a mixture of unigrams on counts); the topics
        are the clusters' word distributions and a document's shares are the mixture
        weights that make its words most likely under them (still mixed; argmax = the
        refined cluster for almost every document). On a development corpus of 3,271
        labelled news articles: NMI 0.904 against 0.847 unrefined (``docs/topics.md``).
        ``False``: the factorisation's own topics and shares (the behaviour before).
    vectorizer : Vectorizer, optional
        Which terms the model sees and how they are weighted (default
        ``Vectorizer()``). It is copied and fitted with the model.
    random_state : int
        Seed for initialisation and (online) batch order; same seed, same output.
    max_iter : int, optional
        Iterations (epochs when online); defaults: NMF 400, LDA 50, online 20.
    online : bool
        Mini-batch fitting: :class:`~sklearn.decomposition.MiniBatchNMF` or online LDA.
    batch_size : int, optional
        Documents per mini-batch when ``online`` (scikit-learn's default otherwise).
    model_options : dict, optional
        Passed to the scikit-learn estimator (``alpha_W``, ``beta_loss``,
        ``doc_topic_prior``, ``learning_decay`` ...).

    Attributes
    ----------
    vectorizer_ : Vectorizer
        The fitted vectorizer.
    estimator_ : NMF, MiniBatchNMF or LatentDirichletAllocation
        The factorisation (when refined: the start of the clustering).
    clusters_ : ndarray of int (n_docs,)
        When refined: each document's cluster, numbered as the topics (-1 for a
        document without any vocabulary term); None otherwise.
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
        Topic labels, editable (``model.labels[0] = "Airstrikes"`` or :meth:`set_labels`);
        by default the topic number and its top 3 terms by relevance at λ = 0.6
        (``top_terms(3, relevance_lambda=0.6)``).

    Examples
    --------
    >>> docs = ["bombs fell on the village", "the village was bombed",
    ...         "markets rallied as stocks rose", "stocks fell and markets slid"] * 5
    >>> m = TopicModel(2, vectorizer=Vectorizer(min_df=1)).fit(docs)
    >>> sorted(m.top_terms(2).groupby("topic")["term"].apply(list).map(sorted).map(tuple))
    [('bombed', 'village'), ('markets', 'stocks')]
    """

    def __init__(self, n_topics: int = 10, *, method: Literal["nmf", "lda"] = "nmf", refine: bool = True,
                 vectorizer: Vectorizer | None = None, random_state: int | None = 0,
                 max_iter: int | None = None, online: bool = False, batch_size: int | None = None,
                 model_options: Mapping | None = None):
        self.n_topics = n_topics
        self.method = method
        self.refine = refine
        self.vectorizer = vectorizer
        self.random_state = random_state
        self.max_iter = max_iter
        self.online = online
        self.batch_size = batch_size
        self.model_options = model_options

    # -- configuration -------------------------------------------------
    def _check(self):
        if self.method not in ("nmf", "lda"):
            raise ValueError(f"method must be 'nmf' or 'lda', not {self.method!r}")
        if not isinstance(self.refine, (bool, np.bool_)):
            raise TypeError(f"refine must be True or False, not {self.refine!r}")
        if isinstance(self.n_topics, bool) or not isinstance(self.n_topics, (int, np.integer)) or self.n_topics < 1:
            raise ValueError(f"n_topics must be a positive integer, not {self.n_topics!r}")
        if self.vectorizer is not None and not isinstance(self.vectorizer, Vectorizer):
            raise TypeError(f"vectorizer must be a topics.Vectorizer, not {type(self.vectorizer).__name__}")
        if self.method == "lda" and self.vectorizer is not None and self.vectorizer.weighting == "tfidf":
            raise ValueError("LDA needs raw counts: use Vectorizer(weighting='count') (or None) with method='lda'")

    def _new_vectorizer(self) -> Vectorizer:
        return copy.deepcopy(self.vectorizer) if self.vectorizer is not None else Vectorizer()

    def _weighting(self) -> str:
        w = self.vectorizer_.weighting
        return w if w is not None else ("tfidf" if self.method == "nmf" else "count")

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

    def _prepare(self, data) -> tuple[sp.csr_matrix, sp.csr_matrix, np.ndarray, list[str] | None]:
        """Fit a copy of the vectorizer: (counts, weighted matrix, doc ids, texts)."""
        self._check()
        self.vectorizer_ = self._new_vectorizer()
        _, texts = as_corpus(data)
        dtm = self.vectorizer_.document_terms(data)
        X = self.vectorizer_._fit_counts(dtm)
        return X, self.vectorizer_._weight(X, self._weighting()), np.asarray(dtm.doc_ids, dtype=object), texts

    # -- fitting ---------------------------------------------------------
    def fit(self, corpus) -> "TopicModel":
        """Fit the topic model.

        Parameters
        ----------
        corpus : DataFrame, Series, sequence of str, Annotations or DocumentTermMatrix
            Article table (``doc_id``, ``text``), texts (a Series keeps its index as
            ``doc_id``; a list gets ``"0"``, ``"1"`` ...), annotations, or a
            :func:`discourse.text.dtm` matrix (then snippets need ``corpus=``).

        Returns
        -------
        TopicModel
            ``self``, fitted.
        """
        X, Xw, ids, texts = self._prepare(corpus)
        if self.method == "lda":
            warnings.warn(LDA_WARNING, UserWarning, stacklevel=2)
        if X.shape[0] < self.n_topics:
            raise ValueError(f"{X.shape[0]} documents are too few for {self.n_topics} topics")
        self.doc_ids_ = np.asarray(ids).astype(str).astype(object)
        self.texts_ = texts
        self.terms_ = np.asarray(self.vectorizer_.terms_, dtype=object)
        self.term_frequency_ = np.asarray(X.sum(axis=0)).ravel()
        est = self._estimator(self.n_topics, self.random_state)
        # documents in doc_id order while fitting, so the model does not depend on the
        # order of the rows (floating-point sums follow the row order)
        perm = np.argsort(self.doc_ids_.astype(str), kind="stable")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            W = est.fit_transform(Xw[perm])[np.argsort(perm, kind="stable")]
        self.estimator_ = est
        comp = np.asarray(est.components_, dtype=float)
        shares = self._shares(W, X)
        clusters = None
        if self.refine:
            comp, shares, clusters = self._refined(X, shares, perm)
        # number topics by decreasing prevalence (ties by original index): stable order
        order = np.lexsort((np.arange(comp.shape[0]), -np.nansum(shares, axis=0)))
        self.order_ = order
        self.components_ = np.nan_to_num(normalize_rows(comp[order]))  # an empty topic: zeros
        self.shares_ = shares[:, order]
        self.clusters_ = None if clusters is None else np.where(clusters >= 0, np.argsort(order)[clusters], -1)
        # labels: the top 3 terms by relevance at λ = 0.6 (Sievert & Shirley 2014), as the
        # top-terms figure ranks them: specific to the topic, not just frequent everywhere
        top = np.lexsort((np.broadcast_to(np.arange(self.components_.shape[1]), self.components_.shape),
                          -self.relevance(LABEL_LAMBDA)), axis=1)[:, :3]
        empty = self.components_.sum(axis=1) == 0
        self.labels = {k: f"{k}: " + ("(empty)" if empty[k] else ", ".join(self.terms_[top[k]]))
                       for k in range(self.n_topics)}
        if self.refine and empty.any():
            kept = int((~empty).sum())
            warnings.warn(f"{int(empty.sum())} of {self.n_topics} topics lost every document in the refinement "
                          f"(topics {np.flatnonzero(empty).tolist()}: no terms, share 0): the corpus supports "
                          f"about {kept} cluster{'' if kept == 1 else 's'}; use a smaller n_topics, or "
                          f"refine=False to keep {self.n_topics} overlapping topics", UserWarning, stacklevel=2)
        return self

    def _refined(self, X, shares, perm) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(topic-term distributions, shares, clusters) of the refinement, started from
        the dominant topics of ``shares`` (documents in doc_id order ``perm`` while
        refining, as while fitting)."""
        k = self.n_topics
        has = np.asarray(X.sum(axis=1)).ravel() > 0
        idx = perm[has[perm]]  # documents with a term, in doc_id order
        start = np.nan_to_num(shares[idx], nan=-1.0).argmax(axis=1)
        Xw = self.vectorizer_._weight(X[idx], "tfidf")  # k-means on tf-idf whatever the model saw
        assigned = refine_clusters(X[idx], Xw, start, k)
        phi = cluster_topics(X[idx], assigned, k)
        clusters = np.full(X.shape[0], -1)
        clusters[idx] = assigned
        return phi, fold_in(phi, X), clusters

    def _shares(self, W: np.ndarray, X: sp.csr_matrix) -> np.ndarray:
        """Document-topic weights → shares summing to 1 per document; NaN rows for
        documents without any vocabulary term. NMF weights are scaled by the mass of
        each topic's term vector (``X ≈ W H``: topic k explains ``W[d,k] * H[k].sum()``)."""
        W = np.asarray(W, dtype=float)
        if self.method == "nmf":
            W = W * np.asarray(self.estimator_.components_, dtype=float).sum(axis=1)[None, :]
        S = normalize_rows(W)
        S[np.asarray(X.sum(axis=1)).ravel() == 0] = np.nan
        return S

    def transform(self, corpus):
        """Topic shares of new documents (vocabulary, idf and topics held fixed).

        Returns
        -------
        DataFrame
            ``doc_id``, ``topic``, ``share`` (long, as :attr:`doc_topics`).
        """
        self._require_fit()
        dtm = self.vectorizer_.document_terms(corpus)
        ids = np.asarray(dtm.doc_ids, dtype=object)
        X = self.vectorizer_._counts(dtm)
        if X.shape[0] == 0:  # scikit-learn rejects an empty matrix
            return long_shares(ids, np.zeros((0, self.n_topics)))
        if self.refine:  # fold-in on the (already ordered) refined topics
            return long_shares(ids, fold_in(self.components_, X))
        W = self.estimator_.transform(self.vectorizer_._weight(X, self._weighting()))
        return long_shares(ids, self._shares(W, X)[:, self.order_])

    def __repr__(self) -> str:
        if not hasattr(self, "components_"):
            return f"TopicModel(n_topics={self.n_topics}, method={self.method!r}) (not fitted)"
        return (f"TopicModel(n_topics={self.n_topics}, method={self.method!r}{', online' if self.online else ''}): "
                f"{len(self.doc_ids_)} documents, {len(self.terms_)} terms")


def fit(corpus, n_topics: int, *, method: Literal["nmf", "lda"] = "nmf", refine: bool = True,
        vectorizer: Vectorizer | None = None, random_state: int | None = 0, max_iter: int | None = None,
        online: bool = False, min_df: int | float | None = None, max_df: int | float | None = None) -> TopicModel:
    """Fit a topic model (NMF or LDA) to a corpus: ``TopicModel(...).fit(corpus)``.

    Parameters
    ----------
    corpus : DataFrame, Series, sequence of str, Annotations or DocumentTermMatrix
        Article table (``doc_id``, ``text``), texts, or a :func:`discourse.text.dtm`.
    n_topics : int
    method : {"nmf", "lda"}
        NMF on tf-idf (default) or LDA on counts.
    refine : bool
        Refine the topics by clustering after the fit (default; see :class:`TopicModel`);
        ``False``: the factorisation's own topics and shares.
    vectorizer : Vectorizer, optional
        Terms and weighting (``topics.Vectorizer(min_df=5, phrases=True)``); default
        ``Vectorizer()``.
    random_state : int
    max_iter : int, optional
        Iterations (epochs when online).
    online : bool
        Mini-batch fitting (MiniBatchNMF, online LDA).
    min_df, max_df : int or float, optional
        Shortcuts for ``vectorizer=Vectorizer(min_df=..., max_df=...)`` (None: the
        Vectorizer's 2 and 0.95); not together with ``vectorizer``. Other model settings
        (``batch_size``, ``model_options``): use :class:`TopicModel`.

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
    vec = vectorizer_from(vectorizer, min_df=min_df, max_df=max_df)
    return TopicModel(n_topics, method=method, refine=refine, vectorizer=vec, random_state=random_state,
                      max_iter=max_iter, online=online).fit(corpus)


def vectorizer_from(vectorizer: Vectorizer | None, **options) -> Vectorizer | None:
    """``vectorizer``, or a :class:`Vectorizer` with the ``options`` that are not None."""
    options = {k: v for k, v in options.items() if v is not None}
    if not options:
        return vectorizer
    if vectorizer is not None:
        raise ValueError(f"give either vectorizer= or {' and '.join(sorted(options))}=, not both: "
                         f"set them on the Vectorizer (topics.Vectorizer({sorted(options)[0]}=...))")
    return Vectorizer(**options)
