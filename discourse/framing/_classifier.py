"""A supervised multi-label frame classifier (a scikit-learn estimator)."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, clone


def _as_label_lists(labels) -> tuple[list[list[str]], list[str] | None]:
    """Labels as lists of frames; also the column order if given as an indicator table."""
    if isinstance(labels, pd.DataFrame):
        cols = [str(c) for c in labels.columns]
        arr = labels.to_numpy().astype(bool)
        return [[c for c, v in zip(cols, row) if v] for row in arr], cols
    if isinstance(labels, np.ndarray) and labels.ndim == 2:
        raise TypeError("labels as a 2-D array need frame names: pass a DataFrame with one column per frame")
    out = []
    for y in labels:
        if isinstance(y, str):
            out.append([y])
        elif y is None or (isinstance(y, float) and np.isnan(y)):
            out.append([])
        else:
            out.append([str(v) for v in y])
    return out, None


class FrameClassifier(ClassifierMixin, BaseEstimator):
    """Supervised multi-label frame classifier: TF-IDF plus one linear model per frame.

    Train on hand-coded texts, check the cross-validated precision, recall and F1
    per frame with :meth:`cross_validate`, then predict the uncoded rest. ``X`` is a
    list of texts, a corpus table or its annotations (:func:`discourse.text.annotate`;
    the articles' ``text`` is read), in the order of the labels.

    Parameters
    ----------
    estimator : classifier, optional
        Binary classifier fitted once per frame (one-vs-rest). Default
        ``LogisticRegression(C=C, class_weight=class_weight, max_iter=1000)``.
    vectorizer : transformer, optional
        Text vectorizer. Default ``TfidfVectorizer(ngram_range=ngram_range,
        min_df=min_df, max_df=max_df, sublinear_tf=True, stop_words="english")``.
    ngram_range, min_df, max_df
        Settings of the default vectorizer.
    C : float
        Inverse regularisation strength of the default logistic regression.
    class_weight : "balanced" or None
        Class weights of the default logistic regression ("balanced" helps rare
        frames).
    threshold : float or "cv"
        A frame is predicted when its probability is at least ``threshold``.
        ``"cv"``: one threshold per frame, the one (of 0.05, 0.10, ..., 0.95) with
        the highest F1 on out-of-fold probabilities of an inner 3-fold
        cross-validation of the training texts (ties: the one closest to 0.5); 4
        fits instead of 1.
    min_frames : int
        Predict at least this many frames per text (the most probable ones), 0 or 1.

    Attributes
    ----------
    classes_ : ndarray of str
        The frames, in the column order of :meth:`predict_proba`.
    vectorizer_, estimator_ : fitted vectorizer and ``OneVsRestClassifier``.
    thresholds_ : ndarray of float
        The probability threshold of each frame (``threshold``, or the per-frame
        values chosen when ``threshold="cv"``).
    cv_report_ : DataFrame
        Set by :meth:`cross_validate`.

    Examples
    --------
    >>> texts = ["troops attack", "budget cost", "troops fight", "cost of jobs"] * 3
    >>> labels = [["conflict"], ["economic"], ["conflict"], ["economic"]] * 3
    >>> clf = FrameClassifier(min_df=1).fit(texts, labels)
    >>> clf.predict(["the troops attack again"])
    [['conflict']]
    """

    def __init__(
        self,
        estimator=None,
        vectorizer=None,
        *,
        ngram_range=(1, 2),
        min_df=2,
        max_df=1.0,
        C=10.0,
        class_weight="balanced",
        threshold=0.5,
        min_frames=0,
    ):
        self.estimator = estimator
        self.vectorizer = vectorizer
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.C = C
        self.class_weight = class_weight
        self.threshold = threshold
        self.min_frames = min_frames

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.target_tags.multi_output = True
        tags.classifier_tags.multi_label = True
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags

    # -- helpers
    def _texts(self, X) -> list[str]:
        if isinstance(X, str):
            raise TypeError("X must be a list of texts, not a single string")
        from discourse.text import Annotations

        if isinstance(X, Annotations):
            X = X.corpus
        if isinstance(X, pd.DataFrame):
            if "text" in X.columns:  # a corpus table: its texts
                X = X["text"]
            elif X.shape[1] != 1:
                raise TypeError("X as a DataFrame must be a corpus (with a 'text' column) or have exactly one "
                                "text column")
            else:
                X = X.iloc[:, 0]
        return ["" if (t is None or (isinstance(t, float) and np.isnan(t))) else str(t) for t in X]

    def _make(self):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        vec = clone(self.vectorizer) if self.vectorizer is not None else TfidfVectorizer(
            ngram_range=tuple(self.ngram_range), min_df=self.min_df, max_df=self.max_df,
            sublinear_tf=True, stop_words="english",
        )
        est = clone(self.estimator) if self.estimator is not None else LogisticRegression(
            C=self.C, class_weight=self.class_weight, max_iter=1000,
        )
        return vec, est

    def fit(self, X, y):
        """Fit on texts ``X`` and labels ``y`` (a list of frames per text, or a
        DataFrame with one boolean column per frame).

        Returns
        -------
        self
        """
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.preprocessing import MultiLabelBinarizer

        texts = self._texts(X)
        lists, cols = _as_label_lists(y)
        if len(texts) != len(lists):
            raise ValueError(f"X has {len(texts)} texts but y has {len(lists)} label sets")
        if isinstance(self.threshold, str) and self.threshold != "cv":
            raise ValueError(f"threshold must be a number between 0 and 1 or 'cv', not {self.threshold!r}")
        if not isinstance(self.threshold, str) and not 0 <= self.threshold <= 1:
            raise ValueError(f"threshold must be between 0 and 1 or 'cv', not {self.threshold}")
        if self.min_frames not in (0, 1):  # more than one forced frame is not implemented
            raise ValueError(f"min_frames must be 0 or 1, not {self.min_frames!r}")
        self.mlb_ = MultiLabelBinarizer(classes=cols) if cols is not None else MultiLabelBinarizer()
        Y = self.mlb_.fit_transform(lists)
        self.classes_ = np.asarray(self.mlb_.classes_, dtype=object)
        if len(self.classes_) == 0:
            raise ValueError("y has no frames: every text has an empty label set")
        vec, est = self._make()
        Xv = vec.fit_transform(texts)
        self.vectorizer_ = vec
        self.estimator_ = OneVsRestClassifier(est).fit(Xv, Y)
        if self.threshold == "cv":
            self.thresholds_ = self._tuned_thresholds(texts, Y)
        else:
            self.thresholds_ = np.full(len(self.classes_), float(self.threshold))
        return self

    def _tuned_thresholds(self, texts: list[str], Y: np.ndarray) -> np.ndarray:
        """Per-frame thresholds maximising F1 on inner 3-fold out-of-fold probabilities."""
        import warnings

        from sklearn.model_selection import KFold
        from sklearn.multiclass import OneVsRestClassifier

        grid = np.round(np.arange(0.05, 0.951, 0.05), 2)
        if len(texts) < 6:  # too few texts to cross-validate: keep the usual threshold
            return np.full(Y.shape[1], 0.5)
        P = np.zeros(Y.shape, dtype=float)
        arr = np.asarray(texts, dtype=object)
        for train, test in KFold(3, shuffle=True, random_state=0).split(arr):
            vec, est = self._make()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)  # a frame absent from an inner fold
                m = OneVsRestClassifier(est).fit(vec.fit_transform(list(arr[train])), Y[train])
            P[test] = m.predict_proba(vec.transform(list(arr[test])))
        out = np.empty(Y.shape[1])
        for j in range(Y.shape[1]):
            pred = P[:, [j]] >= grid[None, :]
            tp = (pred & (Y[:, [j]] == 1)).sum(axis=0)
            f1 = 2 * tp / np.maximum(pred.sum(axis=0) + Y[:, j].sum(), 1)
            best = np.flatnonzero(np.isclose(f1, f1.max()))
            out[j] = grid[best[np.argmin(np.abs(grid[best] - 0.5))]]
        return out

    def _check_fitted(self):
        if not hasattr(self, "estimator_"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("This FrameClassifier is not fitted yet; call fit(texts, labels) first")

    def predict_proba(self, X) -> np.ndarray:
        """Probability of each frame per text, columns in the order of ``classes_``."""
        self._check_fitted()
        P = self.estimator_.predict_proba(self.vectorizer_.transform(self._texts(X)))
        return np.asarray(P, dtype=float)

    def _indicator(self, X) -> np.ndarray:
        P = self.predict_proba(X)
        Y = P >= self.thresholds_[None, :]
        if self.min_frames and len(P):
            top = P.argmax(axis=1)
            Y[np.arange(len(P)), top] = True
        return Y

    def predict(self, X) -> list[list[str]]:
        """Frames per text: a list of frame lists (``classes_`` order)."""
        Y = self._indicator(X)
        return [[str(c) for c, v in zip(self.classes_, row) if v] for row in Y]

    def score(self, X, y, sample_weight=None) -> float:
        """Micro-averaged F1 over frames (the default score in grid searches)."""
        from sklearn.metrics import f1_score

        lists, _ = _as_label_lists(y)
        Yt = self._binarize(lists)
        return float(f1_score(Yt, self._indicator(X), average="micro", zero_division=0,
                              sample_weight=sample_weight))

    def _binarize(self, lists) -> np.ndarray:
        idx = {c: i for i, c in enumerate(self.classes_)}
        Y = np.zeros((len(lists), len(self.classes_)), dtype=int)
        for r, labs in enumerate(lists):
            for lab in labs:
                if lab in idx:
                    Y[r, idx[lab]] = 1
        return Y

    def cross_validate(self, X, y, *, cv=5, random_state: int | None = 0) -> pd.DataFrame:
        """Cross-validated precision, recall and F1 per frame.

        Each fold is fitted on a clone of this estimator; out-of-fold predictions of
        all folds are pooled and compared with the hand codes.

        Parameters
        ----------
        X, y
            Texts and labels, as for :meth:`fit`.
        cv : int or splitter
            Number of shuffled folds (``KFold(cv, shuffle=True,
            random_state=random_state)``) or a scikit-learn splitter.
        random_state : int
            Seed of the fold assignment.

        Returns
        -------
        DataFrame
            ``frame``, ``precision``, ``recall``, ``f1``, ``support`` (texts coded
            with the frame), one row per frame plus ``micro avg`` and ``macro avg``.
            Also stored as ``cv_report_``; the pooled predictions as
            ``cv_predictions_`` (list of frame lists).
        """
        from sklearn.metrics import precision_recall_fscore_support
        from sklearn.model_selection import KFold
        from sklearn.preprocessing import MultiLabelBinarizer

        texts = self._texts(X)
        lists, cols = _as_label_lists(y)
        classes = cols if cols is not None else sorted({f for labs in lists for f in labs})
        mlb = MultiLabelBinarizer(classes=classes)
        Y = mlb.fit_transform(lists)
        splitter = KFold(n_splits=cv, shuffle=True, random_state=random_state) if isinstance(cv, int) else cv
        pred = np.zeros_like(Y)
        texts_arr = np.asarray(texts, dtype=object)
        for train, test in splitter.split(texts_arr):
            est = clone(self).fit(list(texts_arr[train]), [lists[i] for i in train])
            fold = est._indicator(list(texts_arr[test]))
            for j, c in enumerate(est.classes_):
                pred[test, classes.index(c)] = fold[:, j]
        p, r, f, s = precision_recall_fscore_support(Y, pred, average=None, zero_division=0)
        rows = [dict(frame=c, precision=p[i], recall=r[i], f1=f[i], support=int(s[i])) for i, c in enumerate(classes)]
        for avg in ("micro", "macro"):
            p_, r_, f_, _ = precision_recall_fscore_support(Y, pred, average=avg, zero_division=0)
            rows.append(dict(frame=f"{avg} avg", precision=p_, recall=r_, f1=f_, support=int(Y.sum())))
        self.cv_report_ = pd.DataFrame(rows, columns=["frame", "precision", "recall", "f1", "support"])
        self.cv_predictions_ = [[c for c, v in zip(classes, row) if v] for row in pred]
        return self.cv_report_
