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
topic *k* is the expected fraction of the document's words that *k* produced. The
likelihood is concave in the weights, so its maximum does not depend on the start; it
is found by a few EM rounds and then Newton's method on the simplex (an active-set
Newton step on the shares that are positive or would grow, with a backtracking line
search), run until the optimality conditions hold to :data:`FOLD_TOL`. Plain EM
converges slowly where a share tends to 0 (it stopped at a step of 1e-4 with shares
up to 0.016 from the maximum); Newton reaches the maximum in about 15 rounds.
Measured in ``docs/topics.md``.
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
#: EM rounds before Newton's method (a cheap start away from the uniform weights)
FOLD_EM = 3
#: fold-in stops when every document is optimal to within this: no topic's derivative
#: of the per-word log-likelihood exceeds 1 by more than it (the Frank-Wolfe duality
#: gap, a bound on the likelihood still to gain), and every positive share's is within it of 1
FOLD_TOL = 1e-10
FOLD_ITER = 100


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


def _with(X: sp.csr_matrix, data: np.ndarray) -> sp.csr_matrix:
    Y = X.copy()
    Y.data = data
    return Y


def _newton_step(sub: sp.csr_matrix, phi: np.ndarray, th: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Newton directions (documents × topics, rows summing to 0) for the shares ``th``
    of the documents ``sub``, whose derivatives per word are ``g``: the maximum of the
    quadratic model on the shares that are positive or would grow, a zero share the
    step would push below 0 held at 0 and the step solved again."""
    m, k = th.shape
    r = np.repeat(np.arange(m), np.diff(sub.indptr))
    P = phi[:, sub.indices].T
    s = np.einsum("ij,ij->i", th[r], P)
    w = sub.data / s ** 2 / np.asarray(sub.sum(axis=1)).ravel()[r]
    H = np.empty((m, k, k))  # minus the Hessian of the per-word log-likelihood
    for a in range(k):
        H[:, a, :] = np.asarray(_with(sub, w * P[:, a]) @ phi.T)
    diag = np.arange(k)
    ridge = 1e-12 * np.einsum("mii->m", H)[:, None] / k  # a document's words may not tell two topics apart
    free = (th > 0) | (g > 1)
    for _ in range(k):
        K = np.zeros((m, k + 1, k + 1))
        K[:, :k, :k] = H * (free[:, :, None] & free[:, None, :])
        K[:, diag, diag] += np.where(free, ridge, 1.0)
        K[:, :k, k] = free
        K[:, k, :k] = free
        rhs = np.concatenate([np.where(free, g - 1, 0.0), np.zeros((m, 1))], axis=1)
        step = np.where(free, np.linalg.solve(K, rhs[:, :, None])[:, :k, 0], 0.0)
        blocked = free & (th <= 0) & (step < 0)
        if not blocked.any():
            return step
        free &= ~blocked
    return step


def fold_in(phi: np.ndarray, X: sp.csr_matrix) -> np.ndarray:
    """Mixture weights (documents × topics, rows sum to 1) maximising the likelihood of
    each document's counts under the fixed topic-term distributions ``phi``: a few EM
    rounds from equal weights, then Newton's method until every document is optimal to
    within :data:`FOLD_TOL`. Rows without any count are NaN."""
    X = sp.csr_matrix(X, dtype=float, copy=True)
    X.sum_duplicates()
    n, k = X.shape[0], phi.shape[0]
    empty = np.diff(X.indptr) == 0
    rows = np.repeat(np.arange(n), np.diff(X.indptr))
    P = np.ascontiguousarray(phi[:, X.indices].T)  # nonzeros × topics
    theta = np.full((n, k), 1.0 / k)
    for _ in range(FOLD_EM):
        new = theta * np.asarray(_with(X, X.data / np.einsum("ij,ij->i", theta[rows], P)) @ phi.T)
        total = new.sum(axis=1, keepdims=True)
        theta = np.divide(new, total, out=np.full_like(new, 1.0 / k), where=total > 0)
    todo = np.flatnonzero(~empty)
    for _ in range(FOLD_ITER):
        sub = X[todo]
        r = np.repeat(np.arange(len(todo)), np.diff(sub.indptr))
        Ps = phi[:, sub.indices].T
        th = theta[todo]
        s = np.einsum("ij,ij->i", th[r], Ps)
        g = np.asarray(_with(sub, sub.data / s) @ phi.T) / np.asarray(sub.sum(axis=1))
        off = np.maximum(g.max(axis=1) - 1, np.where(th > 0, np.abs(g - 1), 0.0).max(axis=1))
        keep = off > FOLD_TOL
        if not keep.any():
            break
        kept = np.repeat(keep, np.diff(sub.indptr))
        todo, sub, th, g = todo[keep], sub[keep], th[keep], g[keep]
        r = np.repeat(np.arange(len(todo)), np.diff(sub.indptr))
        Ps, s = Ps[kept], s[kept]
        step = _newton_step(sub, phi, th, g)
        ratio = np.where(step < 0, th / np.where(step < 0, -step, 1.0), np.inf)  # where a share reaches 0
        alpha = np.minimum(1.0, ratio.min(axis=1))
        before = np.bincount(r, sub.data * np.log(s), minlength=len(todo))
        for _ in range(40):  # backtracking: halve the step until the likelihood does not fall
            new = np.maximum(th + alpha[:, None] * step, 0.0)
            new[ratio <= alpha[:, None]] = 0.0
            new /= new.sum(axis=1, keepdims=True)
            with np.errstate(divide="ignore"):
                after = np.bincount(r, sub.data * np.log(np.einsum("ij,ij->i", new[r], Ps)), minlength=len(todo))
            worse = ~(after >= before - 1e-13 * np.abs(before))
            if not worse.any():
                break
            alpha = np.where(worse, alpha / 2, alpha)
        new[worse] = th[worse]
        theta[todo] = new
    else:
        raise RuntimeError(f"topic shares of {len(todo)} documents did not converge in {FOLD_ITER} Newton rounds "
                           f"(largest optimality gap {off.max():.2e}); please report this with the corpus")
    theta[empty] = np.nan
    return theta
