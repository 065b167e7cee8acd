"""FrameClassifier on proxies for multi-label frame coding: 5-fold cross-validated F1.

    .venv/bin/python benchmarks/eval_classifier.py [--devsets FOLDER] [--seeds N] [--only NAME] [--max-docs N]

The target of issue #14 (micro-F1 >= 0.70 on 14 policy frames of 433 articles) is
measured on kept-back data. This command READS (never copies) two development sets
in ``../shared/devsets/`` (or FOLDER) as proxies:

* ``frames-climate/``: 225 climate articles hand-coded for five generic frames,
  multi-label (read as in ``eval_frames.py``);
* ``topics-allsides/``: 3,271 articles with one of seven topics each, as one-frame
  label sets (``--max-docs N``: a random sample of N of them, seed 0, for a quicker run).

Each is scored with :meth:`discourse.framing.FrameClassifier.cross_validate` (5
shuffled folds; pooled out-of-fold micro- and macro-F1; fold seeds 0 to N-1) for:

* ``floor``: scikit-learn ``TfidfVectorizer()`` + ``LogisticRegression()``, one per
  frame, threshold 0.5;
* ``FrameClassifier()`` as shipped (uni- and bigrams, sublinear tf, English stop
  words, ``min_df=2``, balanced class weights, ``C=10``, threshold 0.5);
* ``threshold="cv"``: the same with one threshold per frame chosen by an inner
  3-fold cross-validation of each training fold;
* a calibrated linear SVM (``CalibratedClassifierCV(LinearSVC(class_weight=
  "balanced"))``) as the estimator, with ``threshold="cv"``.

A missing development set is reported in one line and skipped; exit 0.
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
sys.path.insert(0, str(ROOT / "benchmarks"))
from discourse.framing import FrameClassifier  # noqa: E402

DEVSETS = ROOT.parent / "shared" / "devsets"


def candidates() -> dict[str, FrameClassifier]:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    svm = CalibratedClassifierCV(LinearSVC(class_weight="balanced"), cv=3)
    return {
        "floor: TfidfVectorizer() + LogisticRegression()": FrameClassifier(
            LogisticRegression(max_iter=1000), TfidfVectorizer()),
        "FrameClassifier() (shipped)": FrameClassifier(),
        "FrameClassifier(threshold='cv')": FrameClassifier(threshold="cv"),
        "calibrated LinearSVC, threshold='cv'": FrameClassifier(svm, threshold="cv"),
    }


def climate(folder: Path) -> tuple[list[str], pd.DataFrame] | None:
    if not (folder / "articles_metadata.tsv").exists():
        return None
    from eval_frames import load

    corpus, codes = load(folder)
    return corpus["text"].tolist(), codes.reset_index(drop=True)


def allsides(folder: Path, max_docs: int | None = None) -> tuple[list[str], list[list[str]]] | None:
    path = folder / "articles.jsonl"
    if not path.exists():
        return None
    df = pd.read_json(path, lines=True, dtype={"id": str})
    if max_docs and max_docs < len(df):
        df = df.sample(max_docs, random_state=0)
    return df["text"].tolist(), [[t] for t in df["topic"].astype(str)]


def evaluate(name: str, texts, labels, seeds: int) -> list[dict]:
    rows = []
    for model, clf in candidates().items():
        t, micro, macro = time.perf_counter(), [], []
        for seed in range(seeds):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # convergence and absent-label warnings of inner folds
                report = clf.cross_validate(texts, labels, cv=5, random_state=seed).set_index("frame")
            micro.append(report.loc["micro avg", "f1"])
            macro.append(report.loc["macro avg", "f1"])
        row = dict(devset=name, model=model, micro_f1=np.mean(micro), micro_min=np.min(micro),
                   micro_max=np.max(micro), macro_f1=np.mean(macro), seconds=(time.perf_counter() - t) / seeds)
        print(f"{name} | {model}: micro-F1 {row['micro_f1']:.3f} ({row['micro_min']:.3f}-{row['micro_max']:.3f}), "
              f"macro-F1 {row['macro_f1']:.3f}, {row['seconds']:.0f} s per 5-fold run", flush=True)
        rows.append(row)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--devsets", default=str(DEVSETS))
    ap.add_argument("--seeds", type=int, default=1, help="fold splits (seeds 0 to N-1)")
    ap.add_argument("--max-docs", type=int, help="topics-allsides: a random sample of this many articles")
    ap.add_argument("--only", choices=["frames-climate", "topics-allsides"], help="one development set")
    args = ap.parse_args()
    root = Path(args.devsets)
    rows = []
    for name, reader in {"frames-climate": climate, "topics-allsides": allsides}.items():
        if args.only and name != args.only:
            continue
        data = reader(root / name) if name == "frames-climate" else reader(root / name, args.max_docs)
        if data is None:
            print(f"eval_classifier: {root / name} not found; skipped")
            continue
        label = f"{name} ({len(data[0])} articles)"
        rows += evaluate(label, *data, seeds=args.seeds)
    if rows:
        with pd.option_context("display.width", 200):
            print("\n" + pd.DataFrame(rows).round(3).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
