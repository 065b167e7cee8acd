"""FrameClassifier's per-frame thresholds chosen by inner cross-validation (issue #14)."""
from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone

from discourse import framing

CONFLICT = ["Rebels clashed with troops at the border.", "The rival parties attacked each other.",
            "Protesters fought police outside parliament.", "The two camps traded accusations."]
ECONOMIC = ["The plan will cost four billion dollars.", "Prices rose and jobs were lost.",
            "The budget deficit widened sharply.", "Investors feared higher taxes."]
NEUTRAL = ["The meeting took place on Tuesday.", "Officials gathered in the capital.",
           "The report was published in the morning.", "Weather was mild across the region.",
           "A committee will meet next month.", "The minister travelled abroad."]


def coded(n: int, seed: int = 0, noise: float = 0.0):
    """Texts of neutral sentences plus a conflict and/or economic sentence per planted
    frame; with ``noise``, that share of the economic codes is flipped."""
    rng = np.random.default_rng(seed)
    texts, labels = [], []
    for _ in range(n):
        frames = [f for f, p in (("conflict", 0.5), ("economic", 0.3)) if rng.random() < p]
        sents = list(rng.choice(NEUTRAL, 2, replace=False))
        sents += [rng.choice(CONFLICT)] if "conflict" in frames else []
        sents += [rng.choice(ECONOMIC)] if "economic" in frames else []
        if rng.random() < noise:
            frames = sorted(set(frames) ^ {"economic"})
        texts.append(" ".join(rng.permutation(sents)))
        labels.append(frames)
    return texts, labels


def independent_thresholds(texts, labels, C=10.0):
    """The inner cross-validation, written out with scikit-learn."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.preprocessing import MultiLabelBinarizer

    Y = MultiLabelBinarizer().fit_transform(labels)
    X = np.asarray(texts, dtype=object)
    P = np.zeros(Y.shape)
    for train, test in KFold(3, shuffle=True, random_state=0).split(X):
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, stop_words="english")
        m = OneVsRestClassifier(LogisticRegression(C=C, class_weight="balanced", max_iter=1000))
        m.fit(vec.fit_transform(X[train]), Y[train])
        P[test] = m.predict_proba(vec.transform(X[test]))
    grid = np.round(np.arange(0.05, 0.951, 0.05), 2)
    out = []
    for j in range(Y.shape[1]):
        f1 = []
        for t in grid:
            pred = P[:, j] >= t
            tp = (pred & (Y[:, j] == 1)).sum()
            f1.append(2 * tp / max(pred.sum() + Y[:, j].sum(), 1))
        f1 = np.array(f1)
        best = grid[np.isclose(f1, f1.max())]
        out.append(best[np.argmin(np.abs(best - 0.5))])
    return np.array(out)


def test_a_fixed_threshold_is_every_frames_threshold():
    texts, labels = coded(60)
    clf = framing.FrameClassifier(min_df=1, threshold=0.3).fit(texts, labels)
    assert clf.thresholds_.tolist() == [0.3, 0.3]
    P = clf.predict_proba(texts)
    assert clf.predict(texts) == [[f for f, p in zip(clf.classes_, row) if p >= 0.3] for row in P]


def test_cv_thresholds_match_an_independent_inner_cross_validation():
    texts, labels = coded(90, seed=2, noise=0.2)
    clf = framing.FrameClassifier(min_df=1, threshold="cv").fit(texts, labels)
    expected = independent_thresholds(texts, labels)
    np.testing.assert_allclose(clf.thresholds_, expected)
    assert list(clf.classes_) == ["conflict", "economic"]
    # the thresholds are those predict applies, frame by frame
    P = clf.predict_proba(texts)
    assert clf.predict(texts) == [[f for f, p, t in zip(clf.classes_, row, clf.thresholds_) if p >= t]
                                  for row in P]


def test_cv_thresholds_differ_from_one_half_when_the_codes_are_noisy():
    texts, labels = coded(90, seed=2, noise=0.2)
    clf = framing.FrameClassifier(min_df=1, threshold="cv").fit(texts, labels)
    assert clf.thresholds_.tolist() == [0.55, 0.05]  # the noisy economic codes move theirs most


def test_cv_thresholds_work_in_cross_validation_and_clones():
    texts, labels = coded(60, seed=3)
    clf = framing.FrameClassifier(min_df=1, threshold="cv")
    assert clone(clf).get_params()["threshold"] == "cv"
    clf.cross_validate(texts, labels, cv=3, random_state=0)
    from sklearn.model_selection import KFold

    X = np.asarray(texts, dtype=object)
    expected = [None] * len(texts)
    for train, test in KFold(3, shuffle=True, random_state=0).split(X):
        fold = framing.FrameClassifier(min_df=1, threshold="cv").fit(list(X[train]), [labels[i] for i in train])
        for i, pred in zip(test, fold.predict(list(X[test]))):
            expected[i] = pred
    assert clf.cv_predictions_ == expected


def test_too_few_texts_keep_one_half():
    texts = ["troops attack", "budget cost", "troops fight", "cost of jobs"]
    labels = [["conflict"], ["economic"], ["conflict"], ["economic"]]
    clf = framing.FrameClassifier(min_df=1, threshold="cv").fit(texts, labels)
    assert clf.thresholds_.tolist() == [0.5, 0.5]


@pytest.mark.parametrize("threshold, message", [
    ("auto", "threshold must be a number between 0 and 1 or 'cv', not 'auto'"),
    (1.5, "threshold must be between 0 and 1 or 'cv', not 1.5"),
])
def test_bad_threshold_is_a_clear_error(threshold, message):
    texts, labels = coded(20)
    with pytest.raises(ValueError, match=message):
        framing.FrameClassifier(min_df=1, threshold=threshold).fit(texts, labels)
