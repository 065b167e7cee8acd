"""Topic recovery on the development corpus: does a topic model find the topics editors labelled?

    .venv/bin/python benchmarks/eval_topics.py [FILE] [--ablation] [--assignment] [--halves] [--no-lda] [--no-search]

READS (never copies) ``../shared/devsets/topics-allsides/articles.jsonl`` (or FILE):
3,271 articles from many US outlets, each labelled with one of seven topics
(``topic``). Prints, for k = 7 and seeds 0-4, the NMI and ARI between each article's
dominant topic and its label (mean, standard deviation, range):

* the package defaults, ``topics.TopicModel(7)`` (NMF, refined by clustering) and
  ``method="lda"``, each also with ``refine=False`` (the factorisation's own shares, the
  default before); the dominant topic is the highest of the shares the model returns;
* plain scikit-learn with default options, ``TfidfVectorizer()`` + ``NMF(7)``, in the
  same run;
* with ``--ablation``: one representation choice changed at a time (NMF is identical
  for every seed, so one seed each), the evidence behind the defaults in
  ``docs/topics.md``;
* with ``--assignment``: the model and the assignment changed instead of the
  representation (KL-divergence NMF through ``model_options``; the
  dominant topic refined after the fit by spherical k-means or a multinomial
  mixture), with a supervised ceiling (5-fold logistic regression on the labels);
* with ``--halves``: the default model fitted on each half of the corpus alone (a
  seeded random split), so the refinement chosen on the whole corpus is checked on
  documents fitted without the other half;
* the k that :func:`discourse.topics.search_k` suggests over k = 4..10 (3 seeds).

Counting (:func:`discourse.text.dtm`) is done once and shared by every fit. A few
minutes on two cores (LDA is most of it). Prints one line and exits 0 when the file
is absent.
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from discourse import text, topics  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "devsets" / "topics-allsides" / "articles.jsonl"
K = 7
SEEDS = range(5)


def scores(labels: np.ndarray, dominant: np.ndarray) -> tuple[float, float]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    return normalized_mutual_info_score(labels, dominant), adjusted_rand_score(labels, dominant)


def dominant(model: topics.TopicModel, doc_ids: np.ndarray) -> np.ndarray:
    """Each document's topic with the highest share (-1 for a document with no term)."""
    pos = pd.Index(model.doc_ids_.astype(str)).get_indexer(doc_ids)
    shares = model.shares_[pos]
    return np.where(np.isnan(shares).all(axis=1), -1, np.nan_to_num(shares, nan=-1).argmax(axis=1))


def row(name: str, values: list[tuple[float, float]], seconds: float) -> dict:
    a = np.asarray(values)
    out = {"representation": name, "seeds": len(a), "nmi": a[:, 0].mean(), "nmi_sd": a[:, 0].std(ddof=0),
           "nmi_min": a[:, 0].min(), "nmi_max": a[:, 0].max(), "ari": a[:, 1].mean(),
           "ari_sd": a[:, 1].std(ddof=0), "seconds_per_fit": seconds / len(a)}
    print(f"{name}: NMI {out['nmi']:.3f} (sd {out['nmi_sd']:.3f}, {out['nmi_min']:.3f}-{out['nmi_max']:.3f}), "
          f"ARI {out['ari']:.3f} (sd {out['ari_sd']:.3f}), {out['seconds_per_fit']:.1f} s per fit"
          + (f"; per seed NMI {' '.join(f'{v:.3f}' for v in a[:, 0])}, ARI {' '.join(f'{v:.3f}' for v in a[:, 1])}"
             if len(a) > 1 else ""), flush=True)
    return out


def package(dtm, labels, ids, *, method="nmf", refine=True, vectorizer=None, seeds=SEEDS, name=None) -> dict:
    t, vals = time.process_time(), []
    for s in seeds:
        m = topics.TopicModel(K, method=method, refine=refine, vectorizer=vectorizer, random_state=s).fit(dtm)
        vals.append(scores(labels, dominant(m, ids)))
    default = f"discourse {method} (defaults{'' if refine else ', refine=False'})"
    return row(name or default, vals, time.process_time() - t)


def halves(dtm, labels, ids) -> list[dict]:
    """The default model fitted on each half alone (numpy default_rng(13) permutation of
    the sorted ids; half A = the first half)."""
    order = np.sort(ids)
    perm = np.random.default_rng(13).permutation(len(order))
    in_a = pd.Index(order[perm[: len(order) // 2]])
    rows = []
    for half, mask in (("A", ids_in(ids, in_a)), ("B", ~ids_in(ids, in_a))):
        sub = text.DocumentTermMatrix(dtm.matrix[_rows(dtm, ids[mask])], dtm.terms, ids[mask])
        for refine in (True, False):
            rows.append(package(sub, labels[mask], ids[mask], refine=refine, seeds=[0],
                                name=f"half {half} alone ({mask.sum()} articles){'' if refine else ', refine=False'}"))
    return rows


def ids_in(ids: np.ndarray, index: pd.Index) -> np.ndarray:
    return index.get_indexer(ids) >= 0


def _rows(dtm, wanted: np.ndarray) -> np.ndarray:
    return pd.Index(np.asarray(dtm.doc_ids).astype(str)).get_indexer(wanted)


def sklearn_plain(texts: list[str], labels: np.ndarray) -> dict:
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    t, vals = time.perf_counter(), []
    X = TfidfVectorizer().fit_transform(texts)
    for s in SEEDS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            W = NMF(K, random_state=s).fit_transform(X)
        vals.append(scores(labels, W.argmax(axis=1)))
    return row("scikit-learn TfidfVectorizer() + NMF(7)", vals, time.perf_counter() - t)


def first_copies(dtm, threshold: float = 0.9) -> np.ndarray:
    """False for an article whose tf-idf cosine similarity to an earlier one is >= threshold."""
    X = topics.Vectorizer(weighting="tfidf").fit_transform(dtm)
    S = (X @ X.T).tocoo()
    later = (S.row > S.col) & (S.data >= threshold)
    keep = np.ones(X.shape[0], dtype=bool)
    keep[np.unique(S.row[later])] = False
    return keep


ABLATION = {
    "stop_words='english' (no news list)": dict(stop_words="english"),
    "stop_words=None": dict(stop_words=None),
    "min_df=5": dict(min_df=5),
    "min_df=20": dict(min_df=20),
    "max_df=0.5": dict(max_df=0.5),
    "max_df=0.2": dict(max_df=0.2),
    "max_features=5000": dict(max_features=5000),
    "weighting='count' (NMF on counts)": dict(weighting="count"),
}


MODEL_OPTIONS = {
    "NMF, KL divergence (solver='mu')": dict(beta_loss="kullback-leibler", solver="mu"),
}


def centroid_refine(Xw, assigned: np.ndarray, k: int, *, discriminative: bool, iters: int = 30) -> np.ndarray:
    """Spherical k-means from the dominant topics: each document to the nearest (cosine)
    mean tf-idf vector of its current topic; ``discriminative`` subtracts the corpus mean
    first (a topic's centroid keeps only what lifts it above the average document)."""
    from sklearn.preprocessing import normalize

    mean = np.asarray(Xw.mean(axis=0)).ravel() if discriminative else 0.0
    for _ in range(iters):
        C = np.vstack([np.asarray(Xw[assigned == j].mean(axis=0)).ravel() if (assigned == j).any()
                       else np.zeros(Xw.shape[1]) for j in range(k)])
        new = np.asarray(Xw @ normalize(np.maximum(C - mean, 0)).T).argmax(axis=1)
        if (new == assigned).all():
            break
        assigned = new
    return assigned


def mixture_refine(X, assigned: np.ndarray, *, complement: bool, iters: int = 20) -> np.ndarray:
    """Hard EM of a multinomial mixture of unigrams (Nigam et al. 2000) on counts, started
    from ``assigned``: fit naive Bayes on the current topics, reassign, until stable."""
    from sklearn.naive_bayes import ComplementNB, MultinomialNB

    for _ in range(iters):
        new = (ComplementNB() if complement else MultinomialNB()).fit(X, assigned).predict(X)
        if (new == assigned).all():
            break
        assigned = new
    return assigned


def assignment_rows(dtm, labels, ids) -> list[dict]:
    """Model and assignment choices on the default representation (one seed: NMF is
    seed-free)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    rows = []
    for name, opts in MODEL_OPTIONS.items():
        t = time.perf_counter()
        m = topics.TopicModel(K, refine=False, model_options=opts).fit(dtm)
        rows.append(row(name, [scores(labels, dominant(m, ids))], time.perf_counter() - t))
    t = time.perf_counter()
    m = topics.TopicModel(K, refine=False).fit(dtm)
    X = m.vectorizer_._counts(dtm)
    Xw = m.vectorizer_._weight(X, "tfidf")
    pos = pd.Index(m.doc_ids_.astype(str)).get_indexer(ids)
    X, Xw, start = X[pos], Xw[pos], dominant(m, ids)
    base = time.perf_counter() - t
    for name, refine in {
        "NMF, then spherical k-means": lambda: centroid_refine(Xw, start, K, discriminative=False),
        "NMF, then spherical k-means on centroids minus the mean": lambda: centroid_refine(
            Xw, start, K, discriminative=True),
        "NMF, then multinomial mixture (hard EM)": lambda: mixture_refine(X, start, complement=False),
        "NMF, then k-means minus mean, then multinomial mixture": lambda: mixture_refine(
            X, centroid_refine(Xw, start, K, discriminative=True), complement=False),
        "NMF, then k-means minus mean, then complement NB (hard EM)": lambda: mixture_refine(
            X, centroid_refine(Xw, start, K, discriminative=True), complement=True),
    }.items():
        t = time.perf_counter()
        rows.append(row(name, [scores(labels, refine())], base + time.perf_counter() - t))
    t = time.perf_counter()
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    supervised = cross_val_predict(LogisticRegression(C=10, max_iter=2000), Xw, labels, cv=folds)
    rows.append(row("ceiling: supervised, 5-fold LogisticRegression on the labels", [scores(labels, supervised)],
                    time.perf_counter() - t))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--ablation", action="store_true", help="also change one representation choice at a time")
    ap.add_argument("--assignment", action="store_true", help="also change the model and the assignment")
    ap.add_argument("--halves", action="store_true", help="also fit the default model on each half alone")
    ap.add_argument("--no-lda", action="store_true", help="skip LDA (the slow part)")
    ap.add_argument("--no-search", action="store_true", help="skip search_k")
    args = ap.parse_args()
    path = Path(args.file)
    if not path.exists():
        print(f"eval_topics: {path} not found; nothing to evaluate")
        return 0
    df = pd.read_json(path, lines=True, dtype={"id": str}).rename(columns={"id": "doc_id"})
    labels = df["topic"].astype(str).to_numpy()
    ids = df["doc_id"].astype(str).to_numpy()
    print(f"{len(df):,} articles, {df['outlet'].nunique()} outlets, {len(set(labels))} labelled topics; k = {K}")
    t = time.perf_counter()
    dtm = topics.Vectorizer().document_terms(df)
    print(f"document-term matrix: {dtm.shape[1]:,} terms in {time.perf_counter() - t:.0f} s (shared by every fit)")
    m = topics.TopicModel(K).fit(dtm)
    confusion = pd.crosstab(pd.Series(labels, name="label"), pd.Series(dominant(m, ids), name="topic"))
    confusion.columns = [m.labels[k] for k in confusion.columns]
    with pd.option_context("display.width", 250):
        print("labels against dominant NMF topics (seed 0):\n" + confusion.to_string())
    # each topic named by the label most of its documents carry, then scored as a
    # classifier with the validation module's label scores (discourse.validate.labels)
    from discourse import validate

    name_of = confusion.idxmax(axis=0).to_dict()
    predicted = pd.DataFrame({"doc_id": ids, "label": [name_of[m.labels[k]] for k in dominant(m, ids)]})
    gold = pd.DataFrame({"doc_id": ids, "label": labels})
    f1 = validate.labels(predicted, gold).set_index("label")
    print(f"dominant topic named by its majority label (validate.labels): micro-F1 {f1.loc['micro avg', 'f1']:.3f}, "
          f"macro-F1 {f1.loc['macro avg', 'f1']:.3f}")
    rows = [package(dtm, labels, ids), package(dtm, labels, ids, refine=False),
            sklearn_plain(df["text"].tolist(), labels)]
    if not args.no_lda:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # the seed warning this run measures
            rows.append(package(dtm, labels, ids, method="lda"))
            rows.append(package(dtm, labels, ids, method="lda", refine=False))
    if args.ablation:
        bigrams = topics.Vectorizer(ngram_range=(1, 2)).document_terms(df)
        for name, opts in ABLATION.items():
            src = dtm if opts.get("stop_words", "news") == "news" else df
            rows.append(package(src, labels, ids, vectorizer=topics.Vectorizer(**opts), seeds=[0], name=name))
        for name, opts in {"ngram_range=(1, 2)": dict(ngram_range=(1, 2), min_df=5),
                           "phrases=True": dict(phrases=True)}.items():
            rows.append(package(bigrams, labels, ids, vectorizer=topics.Vectorizer(**opts), seeds=[0], name=name))
        keep = first_copies(dtm)
        sub = text.DocumentTermMatrix(dtm.matrix[keep], dtm.terms, dtm.doc_ids[keep])
        rows.append(package(sub, labels[keep], ids[keep], seeds=[0],
                            name=f"near-duplicates dropped ({(~keep).sum()} articles)"))
    if args.assignment:
        rows += assignment_rows(dtm, labels, ids)
    if args.halves:
        rows += halves(dtm, labels, ids)
    table = pd.DataFrame(rows)
    with pd.option_context("display.width", 200, "display.max_colwidth", 45):
        print("\n" + table.round(3).to_string(index=False))
    if not args.no_search:
        t = time.perf_counter()
        report = topics.search_k(dtm, range(4, 11), n_seeds=3, progress=False)
        ranks = report[["npmi", "exclusivity", "stability"]].rank(ascending=False).mean(axis=1)
        best = {m: int(report.loc[report[m].idxmax(), "k"]) for m in ("npmi", "umass", "exclusivity", "stability")}
        print(f"\nsearch_k, k = 4..10, 3 seeds, NMF defaults ({time.perf_counter() - t:.0f} s):")
        print(report.round(3).to_string(index=False))
        print(f"highest per measure: {best}; best mean rank of npmi, exclusivity and stability: "
              f"k = {int(report.loc[ranks.idxmin(), 'k'])} (the corpus has {len(set(labels))} labelled topics)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
