"""Frame presence against hand codes: F1 per frame and macro-F1 on coded climate articles.

    .venv/bin/python benchmarks/eval_frames.py [FOLDER] [--indicators]

READS (never copies) ``articles_metadata.tsv`` in ``../shared/devsets/frames-climate/``
(or FOLDER): news articles on climate change, each hand-coded for the presence of five
generic frames (columns ``RE`` resolution, ``HI`` human interest, ``CO`` conflict,
``MO`` moral, ``EC`` economic). The resolution frame is compared with the bundled
``responsibility`` frame (both ask who can solve the problem; Semetko & Valkenburg
2000). Printed, per frame and as the macro average, all in one run:

- ``calibrated (shipped)``: ``framing.score(corpus)["present"]``, the package default:
  a frame is present when its indicators per 1,000 words reach the frame's threshold
  in :data:`discourse.framing.CALIBRATED` (chosen on these articles);
- ``thresholds in cv``: the same rule with the thresholds chosen again inside 5-fold
  cross-validation (maximum F1 on four fifths, scored on the held-out fifth);
- ``selection + thresholds in cv``: the whole calibration in cross-validation: the
  indicator selection rule (:func:`select`) applied to the candidate indicators (the
  shipped lexicon plus :data:`DROPPED`) on the training folds, then the thresholds;
  the honest estimate of the shipped lexicon and rule;
- ``any indicator``: ``framing.score(corpus, min_rate=None)``, the rule before
  calibration;
- ``always``: every frame always present (the trivial baseline for F1);
- ``tf-idf logreg (cv)``: :class:`discourse.framing.FrameClassifier` (TF-IDF and one
  logistic regression per frame), 5-fold cross-validated on the same articles.

The cross-validated rows are repeated over five fold splits (seeds 0-4): mean, min
and max of the macro-F1. Then the F1 of each frame against its threshold (where the
shipped thresholds sit in the flat range). ``--indicators`` also prints, per candidate indicator, the
number of coded and uncoded articles it occurs in (counts only), the evidence of
``SOURCES-frames.md``.

Prints one line and exits 0 when the folder is absent.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from discourse import framing, terms, text  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "devsets" / "frames-climate"
#: devset column → bundled generic frame
FRAMES = {"CO": "conflict", "HI": "human_interest", "RE": "responsibility", "MO": "morality", "EC": "economic"}
#: candidate indicators left out of the shipped lexicon by :func:`select` on all the
#: articles (the evidence is in ``SOURCES-frames.md``); with the shipped lexicon they
#: are the candidate pool that the cross-validated selection starts from
DROPPED = {
    "conflict": ["rival*", "divided", "backlash"],
    "human_interest": ["family", "worried"],
    "responsibility": ["blame*", "accountab*", "solve*", "to blame", "failed to", "fail to", "caused by",
                       "calls for", "addressing", "regulat*", "ban", "urgency", "emergency", "must",
                       "needs to", "steps to", "adapt*", "resilien*"],
    "morality": ["obligation*"],
    "economic": ["budget*", "spent", "profit*", "job"],
}
#: the selection rule: an indicator found in at least MIN_DOCS articles, of which a
#: smaller proportion is coded with its frame than of all articles, is dropped
MIN_DOCS = 5
K, SEEDS = 5, range(5)


def load(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The articles as a corpus table and the hand codes (one boolean column per frame)."""
    raw = pd.read_csv(folder / "articles_metadata.tsv", sep="\t", dtype=str, keep_default_na=False)
    corpus = pd.DataFrame({"doc_id": "a" + raw["ID"].str.strip(), "outlet": raw["source"],
                           "published": pd.to_datetime(raw["date"], errors="coerce"), "text": raw["text"]})
    # codes are written True/False (one cell has a stray character after it)
    codes = pd.DataFrame({FRAMES[c]: raw[c].str.strip().str.lower().str.startswith("true") for c in FRAMES})
    codes.index = corpus["doc_id"]
    return corpus, codes


def f1(truth: np.ndarray, pred: np.ndarray) -> float:
    tp = float((truth & pred).sum())
    denom = float(truth.sum() + pred.sum())
    return 2 * tp / denom if denom else 0.0


def presence(scores: pd.DataFrame, codes: pd.DataFrame) -> pd.DataFrame:
    """Document × frame presence table in the order of ``codes``."""
    tab = scores.pivot(index="doc_id", columns="frame", values="present")
    return tab.reindex(index=codes.index, columns=codes.columns).astype(bool)


def rates(scores: pd.DataFrame, codes: pd.DataFrame) -> pd.DataFrame:
    """Document × frame indicators per 1,000 words."""
    tab = scores.pivot(index="doc_id", columns="frame", values="rate")
    return tab.reindex(index=codes.index, columns=codes.columns).astype(float)


def folds(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).permutation(np.arange(n) % K)


def best_threshold(rate: np.ndarray, truth: np.ndarray) -> float:
    """The rate threshold (0 = any indicator) with the highest F1; the lowest on ties."""
    grid = np.unique(np.r_[0.0, rate])
    return max(grid, key=lambda t: (f1(truth, above(rate, t)), -t))


def above(rate: np.ndarray, threshold: float) -> np.ndarray:
    return rate >= threshold if threshold > 0 else rate > 0


def cv_thresholds(rate: pd.DataFrame, codes: pd.DataFrame, seed: int = 0) -> pd.DataFrame:
    """Presence with per-frame rate thresholds chosen on training folds (max F1 there)."""
    fold = folds(len(codes), seed)
    pred = pd.DataFrame(False, index=codes.index, columns=codes.columns)
    for f in range(K):
        train, test = fold != f, fold == f
        for frame in codes.columns:
            r = rate[frame].to_numpy()
            t = best_threshold(r[train], codes[frame].to_numpy()[train])
            pred.loc[codes.index[test], frame] = above(r[test], t)
    return pred


def candidates() -> pd.DataFrame:
    """The shipped generic lexicon plus the dropped candidates."""
    shipped = framing.dictionary("generic")
    extra = pd.DataFrame([(p, frame) for frame, pats in DROPPED.items() for p in pats],
                         columns=["pattern", "category"])
    extra = extra.assign(weight=1.0, note="", match="glob")
    return pd.concat([shipped, extra], ignore_index=True)


def firing(ann, lex: pd.DataFrame) -> dict[tuple[str, str], set[str]]:
    """(frame, pattern) → the articles the indicator occurs in."""
    found = terms.find(ann, lex.drop_duplicates(["pattern", "match"]).reset_index(drop=True), overlap="all")
    found = found.assign(doc_id=found["doc_id"].astype(str))[["doc_id", "pattern"]]
    found = found.merge(lex[["pattern", "category"]], on="pattern")
    return {k: set(v) for k, v in found.groupby(["category", "pattern"])["doc_id"]}


def select(lex: pd.DataFrame, fired: dict, codes: pd.DataFrame, rows: np.ndarray) -> tuple[int, ...]:
    """Positions in ``lex`` of the indicators kept by the selection rule on the articles ``rows``."""
    keep = []
    sub = codes.iloc[rows]
    for i, (frame, pattern) in enumerate(zip(lex["category"], lex["pattern"])):
        y = sub[frame]
        hit = y.index.isin(list(fired.get((frame, pattern), ())))
        if hit.sum() >= MIN_DOCS and y[hit].mean() < y.mean():
            continue
        keep.append(i)
    return tuple(keep)


def cv_selection(ann, lex, fired, codes, seed: int, cache: dict) -> pd.DataFrame:
    """Indicator selection and thresholds, both on the training folds."""
    fold = folds(len(codes), seed)
    pred = pd.DataFrame(False, index=codes.index, columns=codes.columns)
    for f in range(K):
        train, test = fold != f, fold == f
        keep = select(lex, fired, codes, np.flatnonzero(train))
        if keep not in cache:
            cache[keep] = rates(framing.score(ann, lexicon=lex.iloc[list(keep)].reset_index(drop=True),
                                              min_rate=None), codes)
        rate = cache[keep]
        for frame in codes.columns:
            r = rate[frame].to_numpy()
            t = best_threshold(r[train], codes[frame].to_numpy()[train])
            pred.loc[codes.index[test], frame] = above(r[test], t)
    return pred


def f1_table(rows: dict, codes: pd.DataFrame) -> pd.DataFrame:
    truth = codes.to_numpy()
    table = pd.DataFrame({name: [f1(truth[:, j], pred.to_numpy()[:, j]) for j in range(truth.shape[1])]
                          for name, pred in rows.items()}, index=codes.columns).T
    table["macro-F1"] = table.mean(axis=1)
    return table


def main(argv: list[str]) -> int:
    show = "--indicators" in argv
    argv = [a for a in argv if a != "--indicators"]
    folder = Path(argv[0]) if argv else DEFAULT
    if not (folder / "articles_metadata.tsv").exists():
        print(f"eval_frames: no coded articles at {folder} (articles_metadata.tsv); nothing to evaluate")
        return 0
    t0 = time.perf_counter()
    corpus, codes = load(folder)
    ann = text.annotate(corpus)
    shipped = framing.score(ann)
    rate = rates(shipped, codes)
    lex = candidates()
    fired = firing(ann, lex)
    kept = select(lex, fired, codes, np.arange(len(codes)))
    cache: dict = {}
    runs = {"thresholds in cv": [cv_thresholds(rate, codes, s) for s in SEEDS],
            "selection + thresholds in cv": [cv_selection(ann, lex, fired, codes, s, cache) for s in SEEDS]}
    rows = {"calibrated (shipped)": presence(shipped, codes),
            **{name: preds[0] for name, preds in runs.items()},
            "any indicator": presence(framing.score(ann, min_rate=None), codes),
            "always": pd.DataFrame(True, index=codes.index, columns=codes.columns)}
    clf = framing.FrameClassifier(min_df=2)
    clf.cross_validate(corpus["text"], codes.reset_index(drop=True), cv=K, random_state=0)
    rows["tf-idf logreg (cv)"] = pd.DataFrame(
        [[f in labels for f in codes.columns] for labels in clf.cv_predictions_], index=codes.index,
        columns=codes.columns)
    print(f"{len(corpus)} coded articles, {corpus['outlet'].nunique()} outlets; "
          f"prevalence: " + ", ".join(f"{f} {codes[f].mean():.2f}" for f in codes.columns))
    print("shipped thresholds (indicators per 1,000 words): "
          + ", ".join(f"{f} {t:g}" for f, t in framing.CALIBRATED.items()))
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.float_format", "{:.3f}".format):
        print(f1_table(rows, codes))
    for name, preds in runs.items():
        macro = [f1_table({"x": p}, codes)["macro-F1"].iloc[0] for p in preds]
        print(f"{name}, fold splits {SEEDS.start}-{SEEDS.stop - 1}: macro-F1 mean {np.mean(macro):.3f} "
              f"(min {min(macro):.3f}, max {max(macro):.3f})")
    print("F1 of the shipped lexicon by threshold (indicators per 1,000 words; 0 = any indicator):")
    for frame in codes.columns:
        r, y = rate[frame].to_numpy(), codes[frame].to_numpy()
        print(f"  {frame:15}" + " ".join(f"{t}:{f1(y, above(r, t)):.2f}" for t in range(17)))
    n_shipped = len(framing.dictionary("generic"))
    same = len(kept) == n_shipped and set(kept) == set(range(n_shipped))
    print(f"selection rule on all articles keeps {len(kept)} of {len(lex)} candidates; "
          f"the shipped lexicon ({n_shipped}) {'is' if same else 'is NOT'} what it keeps")
    if show:
        rows_ = []
        for i, (frame, pattern) in enumerate(zip(lex["category"], lex["pattern"])):
            hits, coded = fired.get((frame, pattern), set()), set(codes.index[codes[frame]])
            rows_.append((frame, pattern, len(hits & coded), len(hits - coded), "kept" if i in kept else "dropped"))
        counts = pd.DataFrame(rows_, columns=["frame", "pattern", "coded", "uncoded", "selection"])
        with pd.option_context("display.max_rows", 1000, "display.width", 160):
            print(counts.to_string(index=False))
    print(f"({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
