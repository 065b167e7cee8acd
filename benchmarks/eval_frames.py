"""Frame presence against hand codes: F1 per frame and macro-F1 on coded climate articles.

    .venv/bin/python benchmarks/eval_frames.py [FOLDER]

READS (never copies) ``articles_metadata.tsv`` in ``../shared/devsets/frames-climate/``
(or FOLDER): news articles on climate change, each hand-coded for the presence of five
generic frames (columns ``RE`` resolution, ``HI`` human interest, ``CO`` conflict,
``MO`` moral, ``EC`` economic). The resolution frame is compared with the bundled
``responsibility`` frame (both ask who can solve the problem; Semetko & Valkenburg
2000). Printed, per frame and as the macro average:

- ``generic``: ``framing.score(corpus, lexicon="generic")["present"]`` (at least one
  indicator), the package default;
- ``calibrated``: :data:`discourse.framing.CALIBRATED` rule, a frame present when
  its indicators per 1,000 words reach the frame's threshold
  (``framing.score(..., min_rate="calibrated")``);
- ``calibrated (cv)``: the same rule with the thresholds chosen again inside 5-fold
  cross-validation on the training folds, scored on the held-out fold (an honest
  estimate for thresholds tuned on this set);
- ``always``: every frame always present (the trivial baseline for F1);
- ``tf-idf logreg (cv)``: :class:`discourse.framing.FrameClassifier` (TF-IDF and one
  logistic regression per frame), 5-fold cross-validated on the same articles;

and, for the weakest frame, the resolution codes against the presence of the policy
lexicon's ``policy_prescription_and_evaluation`` indicators (proposed remedies).

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
from discourse import framing  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "devsets" / "frames-climate"
#: devset column → bundled generic frame
FRAMES = {"CO": "conflict", "HI": "human_interest", "RE": "responsibility", "MO": "morality", "EC": "economic"}


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


def cv_thresholds(rate: pd.DataFrame, codes: pd.DataFrame, k: int = 5, seed: int = 0) -> pd.DataFrame:
    """Presence with per-frame rate thresholds chosen on training folds (max F1 there)."""
    rng = np.random.default_rng(seed)
    fold = rng.permutation(np.arange(len(codes)) % k)
    pred = pd.DataFrame(False, index=codes.index, columns=codes.columns)
    for f in range(k):
        train, test = fold != f, fold == f
        for frame in codes.columns:
            r, y = rate[frame].to_numpy()[train], codes[frame].to_numpy()[train]
            grid = np.unique(np.r_[0.0, r])
            best = max(grid, key=lambda t: (f1(y, r >= t) if t > 0 else f1(y, r > 0), -t))
            rt = rate[frame].to_numpy()[test]
            pred.loc[codes.index[test], frame] = rt >= best if best > 0 else rt > 0
    return pred


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    if not (folder / "articles_metadata.tsv").exists():
        print(f"eval_frames: no coded articles at {folder} (articles_metadata.tsv); nothing to evaluate")
        return 0
    t0 = time.perf_counter()
    corpus, codes = load(folder)
    truth = codes.to_numpy()
    default = framing.score(corpus, lexicon="generic")
    rows = {"generic": presence(default, codes)}
    if hasattr(framing, "CALIBRATED"):
        calibrated = framing.score(corpus, lexicon="generic", min_rate="calibrated")
        rows["calibrated"] = presence(calibrated, codes)
        rows["calibrated (cv)"] = cv_thresholds(rates(calibrated, codes), codes)
    rows["always"] = pd.DataFrame(True, index=codes.index, columns=codes.columns)
    clf = framing.FrameClassifier(min_df=2)
    clf.cross_validate(corpus["text"], codes.reset_index(drop=True), cv=5, random_state=0)
    rows["tf-idf logreg (cv)"] = pd.DataFrame(
        [[f in labels for f in codes.columns] for labels in clf.cv_predictions_], index=codes.index,
        columns=codes.columns)
    print(f"{len(corpus)} coded articles, {corpus['outlet'].nunique()} outlets; "
          f"prevalence: " + ", ".join(f"{f} {codes[f].mean():.2f}" for f in codes.columns))
    table = pd.DataFrame({name: [f1(truth[:, j], pred.to_numpy()[:, j]) for j in range(truth.shape[1])]
                          for name, pred in rows.items()}, index=codes.columns).T
    table["macro-F1"] = table.mean(axis=1)
    with pd.option_context("display.width", 160, "display.max_columns", 20, "display.float_format", "{:.3f}".format):
        print(table)
    # the resolution codes against the closest policy dimension (proposed remedies)
    prescription = framing.dictionary("policy").query("category == 'policy_prescription_and_evaluation'")
    policy = framing.score(corpus, lexicon=prescription.reset_index(drop=True))
    pres = policy.set_index("doc_id")["present"].reindex(codes.index).astype(bool).to_numpy()
    print(f"responsibility codes vs policy_prescription_and_evaluation present: "
          f"F1 {f1(codes['responsibility'].to_numpy(), pres):.3f}")
    print(f"({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
