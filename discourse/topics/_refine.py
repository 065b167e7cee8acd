"""The refinement behind the default topic model: one cluster per document, then mixed shares.

A factorisation (NMF or LDA) gives each document shares; its dominant topics start a
clustering that is refined in two steps, each run until no document moves:

1. spherical k-means on the tf-idf rows, each centroid less the corpus mean (so a
   topic's direction keeps what lifts it above the average document), clipped at 0;
2. hard EM of a mixture of unigrams on the counts (Nigam et al. 2000), each M step a
   complement naive Bayes (Rennie et al. 2003) fitted to the current clusters.

The topics are the word distributions of the final clusters (counts plus 0.01,
normalised). A document's shares are the mixture weights that make its words most
likely under those fixed topics (the "fold-in" of pLSI, Hofmann 1999): the share of
topic *k* is the expected fraction of the document's words that *k* produced. Their
maximum is unique (the likelihood is concave in the weights), so the start does not
matter. Measured in ``docs/topics.md``.
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.naive_bayes import ComplementNB
from sklearn.preprocessing import normalize

__all__ = ["refine_clusters", "cluster_topics", "fold_in"]

#: pseudo-count added to every term of a cluster's counts
SMOOTHING = 0.01
KMEANS_ITER = 30
EM_ITER = 20
#: fold-in stops when no share moves by more than this
FOLD_TOL = 1e-4
FOLD_ITER = 1000


def _kmeans(Xw: sp.csr_matrix, assigned: np.ndarray, k: int) -> np.ndarray:
    mean = np.asarray(Xw.mean(axis=0)).ravel()
    for _ in range(KMEANS_ITER):
        C = np.vstack([np.asarray(Xw[assigned == j].mean(axis=0)).ravel() if (assigned == j).any()
                       else np.zeros(Xw.shape[1]) for j in range(k)])
        new = np.asarray(Xw @ normalize(np.maximum(C - mean, 0)).T).argmax(axis=1)
        if (new == assigned).all():
            break
        assigned = new
    return assigned


def _mixture_em(X: sp.csr_matrix, assigned: np.ndarray) -> np.ndarray:
    for _ in range(EM_ITER):
        if len(np.unique(assigned)) < 2:  # naive Bayes needs two classes
            break
        new = ComplementNB().fit(X, assigned).predict(X)
        if (new == assigned).all():
            break
        assigned = new
    return assigned


def refine_clusters(X: sp.csr_matrix, Xw: sp.csr_matrix, start: np.ndarray, k: int) -> np.ndarray:
    """One topic per document: ``start`` (dominant topics, 0..k-1) refined by spherical
    k-means on the tf-idf rows ``Xw``, then hard EM of a mixture of unigrams on the
    counts ``X``. Every row must have a term."""
    return _mixture_em(X, _kmeans(Xw, np.asarray(start), k))


def cluster_topics(X: sp.csr_matrix, assigned: np.ndarray, k: int) -> np.ndarray:
    """Topic-term distributions (k × terms, rows sum to 1): each cluster's counts plus
    :data:`SMOOTHING`. A cluster left without documents is a row of zeros (an empty
    topic: no terms, and a share of 0 in every document)."""
    assigned = np.asarray(assigned)
    M = sp.csr_matrix((np.ones(len(assigned)), (assigned, np.arange(len(assigned)))), shape=(k, X.shape[0]))
    N = np.asarray((M @ X).todense(), dtype=float) + SMOOTHING
    N[np.bincount(assigned, minlength=k) == 0] = 0.0
    total = N.sum(axis=1, keepdims=True)
    return np.divide(N, total, out=np.zeros_like(N), where=total > 0)


def fold_in(phi: np.ndarray, X: sp.csr_matrix) -> np.ndarray:
    """Mixture weights (documents × topics, rows sum to 1) maximising the likelihood of
    each document's counts under the fixed topic-term distributions ``phi`` (EM from
    equal weights). Rows without any count are NaN."""
    X = sp.csr_matrix(X, dtype=float, copy=True)
    X.sum_duplicates()
    n, k = X.shape[0], phi.shape[0]
    empty = np.diff(X.indptr) == 0
    rows = np.repeat(np.arange(n), np.diff(X.indptr))
    P = np.ascontiguousarray(phi[:, X.indices].T)  # nonzeros × topics
    counts = X.data.copy()
    theta = np.full((n, k), 1.0 / k)
    for _ in range(FOLD_ITER):
        X.data = counts / np.einsum("ij,ij->i", theta[rows], P)
        new = theta * np.asarray(X @ phi.T)
        total = new.sum(axis=1, keepdims=True)
        new = np.divide(new, total, out=np.full_like(new, 1.0 / k), where=total > 0)
        done = np.abs(new - theta).max() <= FOLD_TOL if n else True
        theta = new
        if done:
            break
    theta[empty] = np.nan
    return theta
