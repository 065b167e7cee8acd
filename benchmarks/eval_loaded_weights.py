"""Ways of estimating the lexicon weights, cross-fitted on three splits (issue #13, item 3, seventh round).

    .venv/bin/python benchmarks/eval_loaded_weights.py [--folder FOLDER] [--seeds 13 14 15]

A pattern's ``weight`` is its estimated precision (a match inside an annotated
*Loaded_Language* or *Name_Calling,Labeling* span), and ``terms.find_loaded`` keeps a
match by its weight (0.25; 0.1 in a sentence with two of those; 0.2 in an article with 8
of those per 1,000 words). Each estimator below is fitted on one half of the articles
and ``find_loaded``'s default rule is scored on the other half (2-fold cross-fit, as
``benchmarks/eval_loaded.py``), for each split ``--seeds`` (``numpy.random.default_rng(seed)``
permutation of the sorted ids). Printed per estimator and split: character F1 on half A,
half B and all articles. The estimators (figures and reasons in
``discourse/lexicons/SOURCES-loaded-language.md``, section *Estimating the weights*):

* the rule of ``eval_loaded.weights`` with every match counting 1 (``icc=0``: the
  rule before the seventh round) and with a pattern's repeats in one article
  discounted by the design effect ``n_d / (1 + (n_d - 1) * icc)`` (Kish 1965), for
  ``icc`` 0.05 to 0.5 and for the moment estimate of the intra-article correlation on
  the fitting half;
* another pseudo-count ``k`` (1 to 16), and ``k`` chosen by nested cross-validation
  inside the fitting half (its two quarters, each scored with the other's weights);
* the settings of ``find_loaded`` (``min_weight``, ``context_weight``,
  ``article_weight``, ``ARTICLE_DENSITY``) chosen the same nested way, with and without
  ``k`` (what a new corpus gets when the settings, too, are fitted on annotated
  articles);
* a hierarchical prior: a beta-binomial regression of the patterns' counts on their
  category, form (phrase, words, glob, leading glob, hyphen, capital, length) and VADER
  valence (Hutto & Gilbert 2014; the installed ``vaderSentiment``), strength by
  marginal likelihood;
* the posterior's lower quantile (0.3 / 0.4 / 0.45) as the weight;
* precision net of the article: a logistic model of each match with the article's
  annotated share (of its other matches) as an offset, the pattern's effect shrunk to
  its category (the weight: its precision in an average article);
* the target: the share of the match's phrase characters that are annotated (the
  thresholds scaled down), and counts on ``find_loaded``'s guarded matches instead of
  ``terms.find``'s.

Data and scoring as in ``benchmarks/eval_loaded.py``, which this script imports (the
default rule is re-applied to the matches with each set of weights instead of calling
``find_loaded`` again; with the bundled estimator it reproduces ``eval_loaded.py``'s
cross-fit). Prints one line and exits 0 when the folder is absent.
"""
from __future__ import annotations

import argparse
import itertools
import os
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_loaded as ev  # noqa: E402
from discourse import lexicon, terms, text, validate  # noqa: E402
from discourse.terms import _loaded  # noqa: E402

DEFAULTS = {"min_weight": _loaded.MIN_WEIGHT, "cw": _loaded.CONTEXT_WEIGHT, "aw": _loaded.ARTICLE_WEIGHT,
            "density": _loaded.ARTICLE_DENSITY}


class Bench:
    """The development set, every guarded match of ``find_loaded`` with its phrase, and the
    coded ``terms.find`` matches that the weights are counted on."""

    def __init__(self, folder: Path):
        corpus, self.gold = ev.load(folder)
        self.ids = np.array(sorted(corpus["doc_id"]))
        self.texts = dict(zip(corpus["doc_id"], corpus["text"]))
        ann = text.annotate(corpus)
        self.lex = lexicon.read()
        self.loaded = self.lex[self.lex["category"] != lexicon.EXCLUDE][["pattern", "category"]].reset_index(drop=True)
        self.key = list(zip(self.loaded["pattern"], self.loaded["category"]))
        self.index = pd.MultiIndex.from_frame(self.loaded)
        self.pred = ev.find(corpus, self.lex)
        coded = validate.overlaps(self.pred, self.gold).astype({"doc_id": str})
        self.cells = coded.groupby(["pattern", "category", "doc_id"])["gold"].agg(["sum", "count"]).reset_index()
        self.coded = coded
        self.every = terms.find_loaded(ann, min_weight=0, context_weight=None, article_weight=None).astype(
            {"doc_id": str})
        self.every_key = pd.Series(list(zip(self.every["pattern"], self.every["category"])))
        self.n_words = {d: sum(1 for _ in _loaded.WORD_PATTERN.finditer(t)) for d, t in self.texts.items()}
        self.gm = {d: np.zeros(len(t), bool) for d, t in self.texts.items()}
        for d, a, b in zip(self.gold["doc_id"], self.gold["start"], self.gold["end"]):
            self.gm[d][a:b] = True

    def halves(self, seed: int) -> dict[str, set]:
        perm = np.random.default_rng(seed).permutation(len(self.ids))
        k = len(self.ids) // 2
        return {"A": set(self.ids[perm[:k]]), "B": set(self.ids[perm[k:]])}

    @staticmethod
    def quarters(docs: set, seed: int) -> tuple[set, set]:
        ids = np.array(sorted(docs))
        perm = np.random.default_rng(seed).permutation(len(ids))
        return set(ids[perm[: len(ids) // 2]]), set(ids[perm[len(ids) // 2:]])

    def counts(self, docs: set, icc: float = 0.0) -> pd.DataFrame:
        """tp, n per loaded pattern in ``docs`` (0 where it did not fire), effective counts
        with the design effect of ``icc`` (as ``eval_loaded.pattern_counts``)."""
        c = self.cells[self.cells["doc_id"].isin(docs)]
        f = 1.0 / (1.0 + (c["count"] - 1) * icc)
        g = pd.DataFrame({"tp": c["sum"] * f, "n": c["count"] * f, "pattern": c["pattern"],
                          "category": c["category"]}).groupby(["pattern", "category"]).sum()
        return self.loaded.assign(tp=g["tp"].reindex(self.index).fillna(0).to_numpy(),
                                  n=g["n"].reindex(self.index).fillna(0).to_numpy())

    def select(self, w, docs, min_weight, cw, aw, density) -> pd.DataFrame:
        """The default rows of ``find_loaded`` in ``docs`` with the weights ``w`` (by pattern)."""
        m = self.every[self.every["doc_id"].isin(docs)]
        weight = self.every_key[m.index].map(dict(zip(self.key, w))).to_numpy(dtype=float)
        m = m.reset_index(drop=True)
        reliable = weight >= min_weight
        keep = reliable | _loaded._in_context(m, reliable, weight, cw)
        if aw is not None:
            nr = m["doc_id"][reliable].value_counts()
            dens = np.array([1000 * nr.get(d, 0) / self.n_words[d] if self.n_words[d] else 0 for d in m["doc_id"]])
            keep |= ~reliable & (weight >= aw) & (dens >= density)
        return m[keep]

    def score(self, rows: pd.DataFrame, docs) -> np.ndarray:
        """Characters: annotated and predicted, predicted, annotated (the phrases of ``rows``)."""
        out = np.zeros(3)
        by = dict(list(rows.groupby("doc_id")))
        for d in docs:
            g = self.gm[d]
            p = np.zeros(len(g), bool)
            if d in by:
                for a, b in zip(by[d]["phrase_start"].to_numpy(), by[d]["phrase_end"].to_numpy()):
                    p[a:b] = True
            out += (int((p & g).sum()), int(p.sum()), int(g.sum()))
        return out


def f1(t) -> float:
    tp, n_pred, n_gold = t
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def rule(c: pd.DataFrame, k: float = ev.PRIOR_COUNT) -> np.ndarray:
    """The rule of ``eval_loaded.weights`` on the counts ``c``."""
    cat = c[c["n"] > 0].groupby("category")[["tp", "n"]].sum()
    prior = c["category"].map((cat["tp"] + 1) / (cat["n"] + 2)).fillna(0.5).to_numpy()
    return np.round((c["tp"].to_numpy() + k * prior) / (c["n"].to_numpy() + k), 2)


def moment_icc(cells: pd.DataFrame) -> float:
    """Moment estimate of the intra-article correlation of a pattern's matches (pairs of
    matches of one pattern in one article, against the pattern's precision)."""
    g = cells.groupby(["pattern", "category"])[["sum", "count"]].transform("sum")
    p = g["sum"] / g["count"]
    n, t = cells["count"].to_numpy(float), cells["sum"].to_numpy(float)
    pairs = n * (n - 1)
    return float((t * (t - 1) - p * p * pairs).sum() / (p * (1 - p) * pairs).sum())


def crossfit(b: Bench, seed: int, fit, settings=None) -> tuple:
    """F1 on A, B, all: each half scored with ``fit(docs)`` (weights) of the other half;
    ``settings(docs)`` (optional) gives the rule's settings from the fitting half."""
    h, res = b.halves(seed), {}
    for f, s in (("A", "B"), ("B", "A")):
        w = fit(h[f])
        kw = settings(h[f]) if settings else DEFAULTS
        res[s] = b.score(b.select(w, h[s], **kw), h[s])
    return round(f1(res["A"]), 4), round(f1(res["B"]), 4), round(f1(res["A"] + res["B"]), 4)


def nested(b: Bench, seed: int, grid, make):
    """Choose a configuration inside the fitting half (its quarters, each scored with the
    other's weights); ``make(config) -> (fit, settings)``."""
    def choose(docs):
        q1, q2 = b.quarters(docs, seed)
        best = None
        for config in grid:
            fit, kw = make(config)
            t = b.score(b.select(fit(q2), q1, **kw), q1) + b.score(b.select(fit(q1), q2, **kw), q2)
            if best is None or f1(t) > best[0] + 1e-9:
                best = (f1(t), config)
        return make(best[1])
    chosen = {}

    def fit(docs):
        chosen[frozenset(docs)] = choose(docs)
        return chosen[frozenset(docs)][0](docs)
    return crossfit(b, seed, fit, lambda docs: chosen[frozenset(docs)][1])


def vader_valence() -> dict:
    from vaderSentiment import vaderSentiment as vs
    out = {}
    for line in open(os.path.join(os.path.dirname(vs.__file__), "vader_lexicon.txt"), encoding="utf-8"):
        p = line.split("\t")
        if len(p) > 1 and re.fullmatch(r"[a-z][a-z'-]+", p[0]):
            out[p[0]] = abs(float(p[1]))
    return out


def pattern_features(b: Bench) -> np.ndarray:
    """Category one-hot (not penalised) and standardised form and VADER features per pattern."""
    val = vader_valence()

    def valence(word):
        if "*" not in word and "?" not in word:
            return val.get(word.lower(), 0.0)
        rx = re.compile(re.escape(word.lower()).replace(r"\*", "[a-z'-]*").replace(r"\?", "[a-z]") + "$")
        return max([v for w, v in val.items() if rx.match(w)], default=0.0)
    cats = sorted(b.loaded["category"].unique())
    rows = []
    for pat, cat in b.key:
        words = pat.split()
        v = [valence(w) for w in words]
        rows.append([float(cat == c) for c in cats] + [
            len(words) > 1, min(len(words), 4), "*" in pat, pat.startswith("*"), "-" in pat, pat[:1].isupper(),
            np.log(len(pat.replace("*", ""))), max(v) > 0, max(v)])
    X = np.array(rows, dtype=float)
    X[:, len(cats):] = (X[:, len(cats):] - X[:, len(cats):].mean(0)) / (X[:, len(cats):].std(0) + 1e-9)
    return X, len(cats)


def hierarchical(b: Bench, X: np.ndarray, n_cats: int, lam: float = 1.0):
    """Weights with a prior mean from a beta-binomial regression of the fitting half's counts
    on the pattern features ``X`` (L2 ``lam`` on the form and VADER coefficients), strength
    by marginal likelihood."""
    from scipy.optimize import minimize
    from scipy.special import betaln, expit
    pen = np.r_[np.full(n_cats, 0.01), np.ones(X.shape[1] - n_cats)]

    def fit(docs):
        c = b.counts(docs)
        tp, n = c["tp"].to_numpy(), c["n"].to_numpy()
        on = n > 0

        def nll(theta):
            mu = np.clip(expit(X[on] @ theta[:-1]), 1e-6, 1 - 1e-6)
            s = np.exp(theta[-1])
            return -(betaln(tp[on] + mu * s, n[on] - tp[on] + (1 - mu) * s) - betaln(mu * s, (1 - mu) * s)).sum() \
                + lam * np.sum(pen * theta[:-1] ** 2)
        bounds = [(None, None)] * X.shape[1] + [(np.log(0.5), np.log(200))]
        theta = minimize(nll, np.r_[np.zeros(X.shape[1]), np.log(4.0)], method="L-BFGS-B", bounds=bounds).x
        mu, s = expit(X @ theta[:-1]), np.exp(theta[-1])
        return np.round((tp + s * mu) / (n + s), 2)
    return fit


def quantile(b: Bench, q: float):
    from scipy.stats import beta

    def fit(docs):
        c = b.counts(docs)
        cat = c[c["n"] > 0].groupby("category")[["tp", "n"]].sum()
        pr = c["category"].map((cat["tp"] + 1) / (cat["n"] + 2)).fillna(0.5).to_numpy()
        k = ev.PRIOR_COUNT
        return np.round(beta.ppf(q, c["tp"] + k * pr, c["n"] - c["tp"] + k * (1 - pr)), 2)
    return fit


def article_adjusted(b: Bench, strength: float, scale: float):
    """Precision net of the article: per pattern a logit effect with the article's annotated
    share of its other matches as offset, shrunk to the category prior (k = 4)."""
    from scipy.special import expit, logit
    C = b.coded.assign(y=b.coded["gold"].astype(float), key=list(zip(b.coded["pattern"], b.coded["category"])))
    where = dict(zip(b.key, range(len(b.key))))

    def fit(docs):
        d = C[C["doc_id"].isin(docs)]
        g = d["y"].mean()
        per_doc, per_cell = d.groupby("doc_id")["y"], d.groupby(["doc_id", "key"])["y"]
        r = (per_doc.transform("sum") - per_cell.transform("sum") + strength * g) / (
            per_doc.transform("count") - per_cell.transform("count") + strength)
        o = scale * (logit(r.clip(1e-3, 1 - 1e-3)) - logit(g))
        o = (o - o.mean()).to_numpy()
        c = b.counts(docs)
        cat = c[c["n"] > 0].groupby("category")[["tp", "n"]].sum()
        pr = c["category"].map((cat["tp"] + 1) / (cat["n"] + 2)).fillna(0.5).to_numpy()
        m, var = logit(pr), 1.0 / (ev.PRIOR_COUNT * pr * (1 - pr))
        idx, y, th = d["key"].map(where).to_numpy(), d["y"].to_numpy(), logit(pr)
        for _ in range(25):  # Newton steps, one parameter per pattern
            p = expit(th[idx] + o)
            th = th + (np.bincount(idx, y - p, len(th)) - (th - m) / var) / (
                np.bincount(idx, p * (1 - p), len(th)) + 1 / var)
        return np.round(expit(th), 2)
    return fit


def on_every(b: Bench, target: str):
    """Counts on ``find_loaded``'s guarded matches: ``inside`` (the match overlaps a span)
    or ``share`` (the share of its phrase's characters that are annotated)."""
    e = b.every
    if target == "inside":
        y = [b.gm[d][a:z].any() for d, a, z in zip(e["doc_id"], e["start"], e["end"])]
    else:
        y = [b.gm[d][a:z].mean() if z > a else 0.0 for d, a, z in zip(e["doc_id"], e["phrase_start"], e["phrase_end"])]
    E = e[["pattern", "category", "doc_id"]].assign(y=np.asarray(y, dtype=float))

    def fit(docs):
        g = E[E["doc_id"].isin(docs)].groupby(["pattern", "category"])["y"].agg(["sum", "count"])
        return rule(b.loaded.assign(tp=g["sum"].reindex(b.index).fillna(0).to_numpy(),
                                    n=g["count"].reindex(b.index).fillna(0).to_numpy()))
    return fit


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folder", type=Path, default=ev.DEFAULT)
    ap.add_argument("--seeds", type=int, nargs="+", default=[13, 14, 15], help="splits into halves")
    args = ap.parse_args(argv)
    if not (args.folder / "spans.tsv").exists():
        print(f"eval_loaded_weights: devset not found at {args.folder}; skipped")
        return 0
    t0 = time.process_time()
    b = Bench(args.folder)
    X, n_cats = pattern_features(b)
    settings = [dict(min_weight=mw, cw=cw, aw=aw, density=de) for mw, cw, aw, de in itertools.product(
        (0.2, 0.25, 0.3), (None, 0.1), (None, 0.15, 0.2), (6, 8, 10))]
    settings = [s for s in settings if s["aw"] is None or s["aw"] < s["min_weight"]]
    ideas = {f"pseudo-count {k}{' (before: icc 0)' if k == 4 else ''}": (lambda k: lambda d: rule(b.counts(d), k))(k)
             for k in (4, 1, 2, 8, 16)}
    ideas |= {f"design effect, icc {r}{' (bundled)' if r == ev.ARTICLE_ICC else ''}":
              (lambda r: lambda d: rule(b.counts(d, r)))(r) for r in (0.05, 0.1, 0.15, 0.2, 0.3, 0.5)}
    ideas["design effect, icc estimated on the fitting half"] = lambda d: rule(
        b.counts(d, moment_icc(b.cells[b.cells["doc_id"].isin(d)])))
    ideas["hierarchical prior: category"] = hierarchical(b, X[:, :n_cats], n_cats)
    ideas["hierarchical prior: category, form, VADER"] = hierarchical(b, X, n_cats)
    ideas |= {f"posterior quantile {q}": quantile(b, q) for q in (0.3, 0.4, 0.45)}
    ideas |= {f"precision net of the article (offset scale {s}, strength {st})": article_adjusted(b, st, s)
              for s, st in ((0.5, 2.0), (0.5, 8.0), (1.0, 2.0), (1.0, 8.0))}
    ideas["counts on find_loaded's guarded matches"] = on_every(b, "inside")
    rows = []
    for seed in args.seeds:
        for name, fit in ideas.items():
            rows.append({"idea": name, "seed": seed, **dict(zip(("A", "B", "all"), crossfit(b, seed, fit)))})
        share = on_every(b, "share")
        for mw, cw, aw in ((0.25, 0.1, 0.2), (0.2, 0.1, 0.15), (0.17, 0.08, 0.12), (0.15, 0.05, 0.1)):
            kw = dict(min_weight=mw, cw=cw, aw=aw, density=8)
            rows.append({"idea": f"target: annotated share of the phrase, thresholds {mw} / {cw} / {aw}",
                         "seed": seed, **dict(zip(("A", "B", "all"), crossfit(b, seed, share, lambda d: kw)))})
        for name, grid, make in (
                ("nested: k", (2, 4, 8, 16), lambda k: (lambda d: rule(b.counts(d), k), DEFAULTS)),
                ("nested: icc", (0.0, 0.1, 0.2, 0.3, 0.5), lambda r: (lambda d: rule(b.counts(d, r)), DEFAULTS)),
                ("nested: settings (icc 0)", settings, lambda s: (lambda d: rule(b.counts(d)), s)),
                ("nested: settings (icc 0.1)", settings, lambda s: (lambda d: rule(b.counts(d, 0.1)), s)),
                ("nested: k and settings (icc 0)", [(k, s) for k in (2, 4, 8, 16) for s in settings],
                 lambda ks: (lambda d: rule(b.counts(d), ks[0]), ks[1]))):
            rows.append({"idea": name, "seed": seed, **dict(zip(("A", "B", "all"), nested(b, seed, grid, make)))})
    t = pd.DataFrame(rows)
    wide = t.pivot_table(index="idea", columns="seed", values=["A", "B", "all"], sort=False)
    wide = wide.reindex(columns=[(m, s) for s in args.seeds for m in ("A", "B", "all")])
    wide.columns = [f"{m} {s}" for m, s in wide.columns]
    pd.set_option("display.width", 220)
    print("Character F1 of find_loaded's default rule, cross-fitted (each half with weights estimated on the other),"
          f" splits {', '.join(map(str, args.seeds))}\n")
    print(wide.reindex(pd.unique(t["idea"])).to_string())
    print(f"\n{time.process_time() - t0:.1f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
