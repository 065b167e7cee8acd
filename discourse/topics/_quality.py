"""How good are the topics: coherence over document co-occurrence, and the choice of
the number of topics by coherence, exclusivity, held-out perplexity and stability.

* **Coherence**: NPMI (Bouma 2009; Aletras & Stevenson 2013; Lau et al. 2014) and
  UMass (Mimno et al. 2011), over document co-occurrence in the corpus or a reference
  corpus. c_v is deliberately not offered (``docs/topics.md``).
* **Stability**: the mean best-match cosine similarity of topic-term vectors between
  runs with different seeds on random subsamples (Greene et al. 2014), topics matched
  with the Hungarian algorithm.
"""
from __future__ import annotations

import warnings
from collections import Counter
from itertools import combinations
from typing import Iterable, Literal, Mapping

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.optimize import linear_sum_assignment
from sklearn.exceptions import ConvergenceWarning

from discourse._progress import progress as _progress
from discourse._progress import wanted
from discourse.topics._model import TopicModel, vectorizer_from
from discourse.topics._refine import cluster_topics, refine_clusters
from discourse.topics._tables import normalize_rows
from discourse.topics._vectorizer import Vectorizer

__all__ = ["coherence", "search_k", "TOP_N"]

#: top terms per topic behind the coherence and exclusivity of :func:`search_k`
TOP_N = 10


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
    """Binary document × term matrix of ``terms`` over ``corpus`` (a model counts with
    its own vectorizer, phrases included; term lists with plain n-grams)."""
    vocab = {t: i for i, t in enumerate(dict.fromkeys(terms))}
    if isinstance(model_or_topics, TopicModel):
        vec = model_or_topics.vectorizer_
        X = vec._counts(vec.document_terms(corpus))
        names = vec.terms_
    else:
        maxn = max((len(t.split()) for t in terms), default=1)
        vec = Vectorizer(ngram_range=(1, maxn), stop_words=None, min_df=1, max_df=1.0)
        X, names = vec._candidates(vec.document_terms(corpus))
    pos = pd.Index(np.asarray(names, dtype=object).astype(str)).get_indexer(list(vocab))
    ok = pos >= 0
    B = sp.csr_matrix(sp.csc_matrix(X)[:, pos[ok]] > 0, dtype=np.int64)
    M = sp.csr_matrix((np.ones(ok.sum(), dtype=np.int64), (np.arange(ok.sum()), np.flatnonzero(ok))),
                      shape=(int(ok.sum()), len(vocab)))
    D = B @ M
    return sp.csc_matrix(D), vocab


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




def search_k(corpus, ks: Iterable[int], *, method: Literal["nmf", "lda"] = "nmf",
             vectorizer: Vectorizer | None = None, n_seeds: int = 3, random_state: int | None = 0,
             reference=None, holdout: float = 0.2, progress: bool | None = None,
             min_df: int | float | None = None) -> pd.DataFrame:
    """Compare numbers of topics: coherence, exclusivity, held-out perplexity, stability.

    For each ``k`` the model is fitted ``n_seeds`` times, each time with its own seed on a
    random ``1 - holdout`` share of the documents (the vocabulary is fixed beforehand on
    the whole corpus, so topic-term vectors of different runs are comparable). Each run
    is the default model, refined by clustering (:class:`TopicModel`, ``refine=True``):
    its topics are the refined clusters' word distributions.

    Parameters
    ----------
    corpus : DataFrame, Series, sequence of str, Annotations or DocumentTermMatrix
    ks : iterable of int
    method : {"nmf", "lda"}
    vectorizer : Vectorizer, optional
        Terms and weighting (default ``Vectorizer()``).
    n_seeds : int
        Runs per k (seeds derived from ``random_state``).
    random_state : int
    reference : DataFrame or sequence of str, optional
        Corpus for coherence (default: ``corpus``), counted with the same vectorizer.
    holdout : float
        Share of documents left out of each run (0 to fit every run on all documents).
        LDA perplexity is measured on them.
    progress : bool or None
        Progress bar over the fits; None: when someone can see it (a terminal or Jupyter).
    min_df : int or float, optional
        Shortcut for ``vectorizer=Vectorizer(min_df=...)`` (None: the Vectorizer's 2).

    Returns
    -------
    DataFrame
        One row per k: ``k``, ``npmi``, ``umass`` (coherence of the top 10 terms, mean
        over topics and runs), ``exclusivity`` (mean over top terms of φ_kw / Σ_j φ_jw,
        the exclusivity half of FREX; 1/k when topics share everything, 1 when top terms
        belong to one topic), ``unique_terms`` (share of top terms in only one topic's
        top list), ``perplexity`` (held-out, of the LDA fit before refinement; lower
        is better; NaN for NMF),
        ``stability`` (mean best-match cosine similarity of topic-term vectors between
        runs, Hungarian matching; 1 = the same topics every time; an empty topic
        matches nothing), ``empty_topics`` (topics the refinement left without documents,
        mean over runs: k is more than the corpus's clusters), ``n_seeds``.

    Examples
    --------
    >>> docs = ["troops airstrikes province"] * 6 + ["budget vote congress"] * 6
    >>> search_k(docs, [2], min_df=1)[["k", "stability"]].round(3)
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
    base = TopicModel(max(ks), method=method, vectorizer=vectorizer_from(vectorizer, min_df=min_df),
                      random_state=random_state)
    X, Xw, _, _ = base._prepare(corpus)
    vec = base.vectorizer_
    terms = vec.terms_
    vocab = {t: i for i, t in enumerate(terms)}
    R = X if reference is None else vec._counts(vec.document_terms(reference))
    D = sp.csc_matrix((R > 0).astype(np.int64))
    tfidf = vec._weight(X, "tfidf")
    n = X.shape[0]
    too_many = [k for k in ks if k > n]
    if too_many:
        raise ValueError(f"k={too_many[0]} exceeds the number of documents ({n})")
    seeds = np.random.SeedSequence(0 if random_state is None else random_state).generate_state(n_seeds)
    results = {k: {"runs": [], "npmi": [], "umass": [], "excl": [], "uniq": [], "perp": [], "empty": []} for k in ks}
    jobs = [(k, s) for k in ks for s in range(n_seeds)]
    for k, s in _progress(jobs, desc="search_k", enabled=wanted(progress, long=True)):
        r = results[k]
        rng = np.random.default_rng([int(seeds[s]), k])
        n_test = int(round(holdout * n))
        perm = rng.permutation(n)
        train, test = np.sort(perm[n_test:]), np.sort(perm[:n_test])
        est = base._estimator(k, int(seeds[s]))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            W = est.fit_transform(Xw[train])
        comp = np.asarray(est.components_, dtype=float)
        if base.refine:  # as TopicModel.fit: dominant topics refined by clustering
            if method == "nmf":
                W = W * comp.sum(axis=1)[None, :]
            fit_docs = train[np.asarray(X[train].sum(axis=1)).ravel() > 0]
            W = W[np.isin(train, fit_docs)]
            assigned = refine_clusters(X[fit_docs], tfidf[fit_docs], W.argmax(axis=1), k)
            comp = cluster_topics(X[fit_docs], assigned, k)
        comp = np.nan_to_num(normalize_rows(comp))
        r["empty"].append(int((comp.sum(axis=1) == 0).sum()))
        r["runs"].append(comp)
        top_idx = np.argsort(-comp, axis=1, kind="stable")[:, :TOP_N]
        lists = [[terms[j] for j in row] for row in top_idx]
        r["npmi"].append(np.nanmean(_coherence_arrays(lists, D, vocab, "npmi")))
        r["umass"].append(np.nanmean(_coherence_arrays(lists, D, vocab, "umass")))
        e, u = _exclusivity(comp, top_idx)
        r["excl"].append(e)
        r["uniq"].append(u)
        if method == "lda" and len(test):
            r["perp"].append(est.perplexity(X[test]))
    rows = [{"k": k, "npmi": float(np.mean(r["npmi"])), "umass": float(np.mean(r["umass"])),
             "exclusivity": float(np.mean(r["excl"])), "unique_terms": float(np.mean(r["uniq"])),
             "perplexity": float(np.mean(r["perp"])) if r["perp"] else np.nan,
             "stability": _stability(r["runs"]), "empty_topics": float(np.mean(r["empty"])),
             "n_seeds": n_seeds} for k, r in results.items()]
    return pd.DataFrame(rows, columns=["k", "npmi", "umass", "exclusivity", "unique_terms",
                                       "perplexity", "stability", "empty_topics", "n_seeds"])
