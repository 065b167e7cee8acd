"""Framing: which aspects of an event a text makes salient, how it names the actors,
and whom it lets speak.

Four tools, each returning a tidy DataFrame:

- :func:`score` counts frame indicators from a frame dictionary per document or per
  sentence (``n``, ``share``, ``present``); :func:`primary` picks each document's
  primary frame with its margin; :func:`aggregate` averages by outlet and period with
  bootstrap intervals over documents.
- :class:`FrameClassifier` learns frames from hand-coded texts (TF-IDF plus one
  logistic regression per frame), reports cross-validated precision, recall and F1
  per frame and predicts the rest. It is a scikit-learn estimator.
- :func:`actor_labels` finds every mention of configured actors and the labels
  attached to it: pre-modifiers and head noun ("US-backed regime", "puppet
  government"), appositives ("the chairman of the Joint Chiefs of Staff, Gen. Mark
  Milley") and predicate labels ("described Ghani as an illegitimate president");
  :func:`label_summary` counts them by outlet.
- :func:`sources` tells who is quoted, with affiliation, quote counts, words and
  reporting verbs grouped into neutral, distancing and endorsing.

Bundled frame dictionaries (``discourse/lexicons/``, rationale and sources in
``SOURCES-frames.md``): ``"generic"`` (Semetko & Valkenburg 2000; the default) and
``"policy"`` (Policy Frames Codebook, Boydstun et al. 2014).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Literal, Mapping, Sequence

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, clone

__all__ = [
    "DICTIONARIES",
    "dictionary",
    "score",
    "primary",
    "aggregate",
    "FrameClassifier",
    "actor_labels",
    "label_summary",
    "sources",
]

_LEXICONS = Path(__file__).resolve().parent / "lexicons"

#: bundled frame dictionaries by name
DICTIONARIES = {
    "generic": _LEXICONS / "frames_generic.csv",
    "policy": _LEXICONS / "frames_policy.csv",
}


# ----------------------------------------------------------------- dictionaries
def dictionary(name: str | Path | pd.DataFrame | Mapping | None = None) -> pd.DataFrame:
    """Return a frame dictionary as a lexicon DataFrame.

    Parameters
    ----------
    name : str, Path, DataFrame or dict, optional
        ``None`` or ``"generic"``: the five generic news frames (Semetko &
        Valkenburg 2000). ``"policy"``: the Policy Frames Codebook dimensions
        (Boydstun et al. 2014). ``"all"``: both, categories prefixed
        ``generic:`` and ``policy:``. A path reads a lexicon file with
        :func:`discourse.lexicon.read`; a DataFrame is validated as a lexicon; a dict
        ``{frame: [patterns]}`` goes through :func:`discourse.lexicon.from_dict`.

    Returns
    -------
    DataFrame
        ``pattern``, ``category`` (the frame), ``weight``, ``note``, ``match``.

    Examples
    --------
    >>> sorted(dictionary()["category"].unique())
    ['conflict', 'economic', 'human_interest', 'morality', 'responsibility']
    """
    from discourse import lexicon

    if name is None:
        name = "generic"
    if isinstance(name, pd.DataFrame):
        return _per_category(name)
    if isinstance(name, Mapping):
        parts = [lexicon.from_dict({k: v}) for k, v in name.items()]
        return pd.concat(parts, ignore_index=True) if parts else lexicon.from_dict(name)
    if isinstance(name, str) and name in DICTIONARIES:
        return _read(DICTIONARIES[name])
    if isinstance(name, str) and name == "all":
        parts = []
        for key, path in DICTIONARIES.items():
            lex = _read(path)
            parts.append(lex.assign(category=key + ":" + lex["category"]))
        return pd.concat(parts, ignore_index=True)
    path = Path(name)
    if not path.exists():
        raise FileNotFoundError(
            f"dictionary {str(name)!r} is neither a bundled name ({', '.join([*DICTIONARIES, 'all'])}) "
            "nor an existing file"
        )
    return _read(path)


def _per_category(lex: pd.DataFrame) -> pd.DataFrame:
    """Validate a lexicon one category at a time, so that a pattern may indicate
    several frames (a lexicon keeps one row per pattern)."""
    from discourse import lexicon

    if "category" not in lex.columns:
        return lexicon.validate(lex)
    parts = [lexicon.validate(sub.reset_index(drop=True))
             for _, sub in lex.groupby(lex["category"].astype(str), sort=False)]
    return pd.concat(parts, ignore_index=True) if parts else lexicon.validate(lex)


def _read(path: Path) -> pd.DataFrame:
    from discourse import lexicon

    lex = lexicon.read(path)  # validates and reports bad rows by line
    if path.suffix.lower() in (".csv", ".tsv"):
        raw = pd.read_csv(path, sep="\t" if path.suffix.lower() == ".tsv" else ",", dtype=str,
                          keep_default_na=False, comment=None)
        if "category" in raw.columns and len(raw) > len(lex):
            raw = raw[raw["pattern"].str.strip() != ""]
            for col in ("weight", "note", "match"):
                if col in raw.columns and (raw[col] == "").all():
                    raw = raw.drop(columns=col)
            raw = raw.replace({"": None})
            return _per_category(raw)
    return lex


# ----------------------------------------------------------------------- scores
def _unit_frame(corpus: pd.DataFrame, level: str) -> pd.DataFrame:
    if level == "document":
        return pd.DataFrame({"doc_id": corpus["doc_id"].astype(str).drop_duplicates().to_numpy()})
    from discourse import text

    sents = text.sentences(corpus)
    return sents[["doc_id", "para_id", "sent_id"]].reset_index(drop=True)


def score(
    corpus: pd.DataFrame,
    *,
    dictionary: str | Path | pd.DataFrame | Mapping | None = None,
    level: Literal["document", "sentence"] = "document",
    voice: str | Sequence[str] | None = None,
    min_count: float = 1,
    quotes: pd.DataFrame | None | bool = None,
    matches: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Frame scores per document or per sentence from a frame dictionary.

    Every pattern of the dictionary is an indicator of its ``category`` (the frame).
    Matches come from :func:`discourse.terms.find`, so multi-word entries, glob
    inflections and voice (authorial, quoted, scare) work as for loaded terms.

    Parameters
    ----------
    corpus : DataFrame
        The corpus table (``doc_id``, ``text``).
    dictionary : str, Path, DataFrame or dict, optional
        Frame dictionary; see :func:`dictionary` (default ``"generic"``).
    level : {"document", "sentence"}
        Unit of the scores.
    voice : str or list of str, optional
        Count only matches in these voices, e.g. ``"authorial"`` to score the
        outlet's own framing without its quoted sources. Default: all.
    min_count : float
        ``present`` is true when ``n >= min_count``.
    quotes : DataFrame or False, optional
        Quotations for the voice of each match (passed to
        :func:`discourse.terms.find`; computed when omitted; ``False`` skips voice).
    matches : DataFrame, optional
        Precomputed output of ``terms.find(corpus, dictionary, overlap="all")``.

    Notes
    -----
    Overlapping indicators of the *same* frame count once (the longest wins:
    "security forces" is one security indicator, not two); indicators of
    *different* frames may share words (a word can signal two frames).

    Returns
    -------
    DataFrame
        ``doc_id`` (and ``para_id``, ``sent_id`` at sentence level), ``frame``,
        ``n`` (sum of match weights; the count with the bundled weights of 1),
        ``share`` (``n`` over all frame indicators in the unit; NaN in a unit
        without any) and ``present``. One row per unit and frame, zeros included,
        frames in dictionary order.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["The war cost billions of dollars."]})
    >>> score(docs, quotes=False)[["frame", "n", "share", "present"]]
                frame  n  share  present
    0        conflict  1   0.25     True
    1  human_interest  0   0.00    False
    2  responsibility  0   0.00    False
    3        morality  0   0.00    False
    4        economic  3   0.75     True
    """
    if level not in ("document", "sentence"):
        raise ValueError(f"level must be 'document' or 'sentence', not {level!r}")
    for col in ("doc_id", "text"):
        if col not in corpus.columns:
            raise KeyError(f"corpus has no {col!r} column")
    lex = globals()["dictionary"](dictionary)
    frames = list(dict.fromkeys(lex["category"].astype(str)))
    if matches is None:
        from discourse import terms

        # one search per distinct pattern, then one row per frame it indicates
        unique = lex.drop_duplicates(["pattern", "match"]).reset_index(drop=True)
        found = terms.find(corpus, unique, quotes=quotes, overlap="all")
        found = found.drop(columns=[c for c in ("category", "weight") if c in found.columns])
        matches = found.merge(lex[["pattern", "category"]].drop_duplicates(), on="pattern", how="inner")
    m = _longest_per_frame(matches)
    if voice is not None and len(m):
        voices = [voice] if isinstance(voice, str) else list(voice)
        m = m[m["voice"].isin(voices)]
    weights = lex.drop_duplicates(["pattern", "category"]).set_index(["pattern", "category"])["weight"]
    if len(m):
        key = pd.MultiIndex.from_arrays([m["pattern"].astype(str), m["category"].astype(str)])
        w = pd.Series(weights.reindex(key).to_numpy(dtype=float), index=m.index)
        m["_w"] = w.fillna(1.0)
    else:
        m["_w"] = pd.Series(dtype=float)
    m = m[m["category"].astype(str).isin(frames)] if len(m) else m
    keys = ["doc_id"] if level == "document" else ["doc_id", "para_id", "sent_id"]
    units = _unit_frame(corpus, level)
    grid = units.merge(pd.DataFrame({"frame": frames}), how="cross")
    if len(m):
        m = m.assign(doc_id=m["doc_id"].astype(str), frame=m["category"].astype(str))
        counts = m.groupby([*keys, "frame"], sort=False)["_w"].sum().rename("n").reset_index()
        if level == "sentence":
            counts = counts.drop(columns="para_id")
            grid = grid.merge(counts, on=["doc_id", "sent_id", "frame"], how="left")
        else:
            grid = grid.merge(counts, on=[*keys, "frame"], how="left")
    else:
        grid["n"] = 0.0
    grid["n"] = grid["n"].fillna(0.0)
    if (grid["n"] == grid["n"].round()).all():
        grid["n"] = grid["n"].astype("int64")
    total = grid.groupby(keys, sort=False)["n"].transform("sum").astype(float)
    grid["share"] = (grid["n"] / total).where(total > 0)
    grid["present"] = grid["n"] >= min_count
    grid["frame"] = pd.Categorical(grid["frame"], categories=frames)
    grid = grid.sort_values([*keys, "frame"], kind="stable").reset_index(drop=True)
    grid["frame"] = grid["frame"].astype(str)
    return grid[[*keys, "frame", "n", "share", "present"]]


def _longest_per_frame(matches: pd.DataFrame) -> pd.DataFrame:
    """Drop matches overlapped by a longer match of the same category."""
    if matches.empty:
        return matches.copy()
    m = matches.assign(_len=matches["end"] - matches["start"])
    m = m.sort_values(["doc_id", "category", "_len", "start"], ascending=[True, True, False, True], kind="stable")
    keep = []
    for _, sub in m.groupby(["doc_id", "category"], sort=False):
        taken: list[tuple[int, int]] = []
        for idx, s, e in zip(sub.index, sub["start"], sub["end"]):
            if all(e <= ts or s >= te for ts, te in taken):
                taken.append((s, e))
                keep.append(idx)
    return matches.loc[sorted(keep)].copy()


def _document_level(scores: pd.DataFrame) -> pd.DataFrame:
    """Sentence-level scores summed to documents (document scores pass through)."""
    if "sent_id" not in scores.columns:
        return scores
    d = scores.groupby(["doc_id", "frame"], sort=False)["n"].sum().reset_index()
    total = d.groupby("doc_id")["n"].transform("sum").astype(float)
    d["share"] = (d["n"] / total).where(total > 0)
    d["present"] = d["n"] > 0
    return d


def primary(scores: pd.DataFrame) -> pd.DataFrame:
    """The primary frame of each document and its margin over the runner-up.

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`score` (sentence-level scores are summed per document).

    Returns
    -------
    DataFrame
        ``doc_id``, ``frame`` (highest share; ties broken by dictionary order),
        ``share``, ``runner_up``, ``margin`` (share of the first minus share of the
        second; 0 is a tie) and ``n`` (all frame indicators in the document).
        Documents without any indicator have ``frame`` NA.

    Examples
    --------
    >>> s = pd.DataFrame({"doc_id": ["a", "a"], "frame": ["conflict", "economic"],
    ...                   "n": [3, 1], "share": [0.75, 0.25], "present": [True, True]})
    >>> primary(s)[["doc_id", "frame", "margin"]]
      doc_id     frame  margin
    0      a  conflict     0.5
    """
    d = _document_level(scores)
    rows = []
    for doc, sub in d.groupby("doc_id", sort=False):
        total = float(sub["n"].sum())
        if total <= 0:
            rows.append(dict(doc_id=doc, frame=pd.NA, share=np.nan, runner_up=pd.NA, margin=np.nan, n=total))
            continue
        order = sub.reset_index(drop=True)
        order = order.iloc[np.argsort(-order["share"].to_numpy(), kind="stable")]
        first = order.iloc[0]
        second = order.iloc[1] if len(order) > 1 else None
        rows.append(dict(
            doc_id=doc,
            frame=first["frame"],
            share=float(first["share"]),
            runner_up=second["frame"] if second is not None and second["n"] > 0 else pd.NA,
            margin=float(first["share"] - (second["share"] if second is not None else 0.0)),
            n=total,
        ))
    out = pd.DataFrame(rows, columns=["doc_id", "frame", "share", "runner_up", "margin", "n"])
    if len(out) and (out["n"] == out["n"].round()).all():
        out["n"] = out["n"].astype("int64")
    return out


_PERIODS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}


def _period(published: pd.Series, period: str) -> pd.Series:
    freq = _PERIODS.get(period, period)
    dt = pd.to_datetime(published, errors="coerce")
    out = dt.dt.to_period(freq).astype(str)
    return out.where(dt.notna())


def aggregate(
    scores: pd.DataFrame,
    corpus: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = "outlet",
    period: str | None = None,
    value: Literal["share", "present", "n"] = "share",
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Mean frame score by outlet (and period) with bootstrap intervals.

    Documents are the resampling unit (:func:`discourse.stats.bootstrap`).

    Parameters
    ----------
    scores : DataFrame
        Output of :func:`score` (sentence-level scores are summed per document).
    corpus : DataFrame
        The corpus, for the group columns and ``published``.
    by : str or list of str, optional
        Group columns of ``corpus`` (default ``"outlet"``; ``None`` pools all).
    period : {"day", "week", "month", "quarter", "year"} or pandas frequency, optional
        Adds a ``period`` column from ``published`` and groups by it too.
    value : {"share", "present", "n"}
        What is averaged: the frame's share of indicators (documents without any
        indicator are left out), the proportion of documents where the frame is
        present, or the mean count.
    n_boot, ci, random_state
        Bootstrap settings.

    Returns
    -------
    DataFrame
        Group columns, ``period`` (if asked), ``frame``, ``estimate``, ``ci_low``,
        ``ci_high``, ``n`` (documents).
    """
    from discourse import stats

    if value not in ("share", "present", "n"):
        raise ValueError(f"value must be 'share', 'present' or 'n', not {value!r}")
    d = _document_level(scores)
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    missing = [k for k in keys if k not in corpus.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in corpus")
    meta = corpus[["doc_id", *keys]].copy()
    meta["doc_id"] = meta["doc_id"].astype(str)
    if period is not None:
        if "published" not in corpus.columns:
            raise KeyError("period needs a 'published' column in corpus")
        meta["period"] = _period(corpus["published"], period).to_numpy()
        keys = [*keys, "period"]
    data = d.assign(doc_id=d["doc_id"].astype(str)).merge(meta.drop_duplicates("doc_id"), on="doc_id", how="left")
    data["_v"] = data[value].astype(float)
    frames = list(dict.fromkeys(d["frame"]))
    out = stats.bootstrap(data, "_v", by=[*keys, "frame"], n_boot=n_boot, ci=ci, random_state=random_state)
    out["frame"] = pd.Categorical(out["frame"], categories=frames)
    out = out.sort_values([*keys, "frame"], kind="stable").reset_index(drop=True)
    out["frame"] = out["frame"].astype(str)
    return out


# ------------------------------------------------------------------- classifier
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
    per frame with :meth:`cross_validate`, then predict the uncoded rest.

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
    threshold : float
        A frame is predicted when its probability is at least ``threshold``.
    min_frames : int
        Predict at least this many frames per text (the most probable ones), 0 or 1.

    Attributes
    ----------
    classes_ : ndarray of str
        The frames, in the column order of :meth:`predict_proba`.
    vectorizer_, estimator_ : fitted vectorizer and ``OneVsRestClassifier``.
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
        if isinstance(X, pd.DataFrame):
            if X.shape[1] != 1:
                raise TypeError("X as a DataFrame must have exactly one text column")
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
        if not 0 <= self.threshold <= 1:
            raise ValueError(f"threshold must be between 0 and 1, not {self.threshold}")
        self.mlb_ = MultiLabelBinarizer(classes=cols) if cols is not None else MultiLabelBinarizer()
        Y = self.mlb_.fit_transform(lists)
        self.classes_ = np.asarray(self.mlb_.classes_, dtype=object)
        if len(self.classes_) == 0:
            raise ValueError("y has no frames: every text has an empty label set")
        vec, est = self._make()
        Xv = vec.fit_transform(texts)
        self.vectorizer_ = vec
        self.estimator_ = OneVsRestClassifier(est).fit(Xv, Y)
        return self

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
        Y = P >= self.threshold
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


# ------------------------------------------------------------ tokens for labels
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?:-[^\W_][\w'’\-]*)?"      # U.S., U.N., U.S.-backed
    r"|[^\W_](?:[\w'’\-&]*[^\W_])?(?:['’]s?)?"    # words, hyphen compounds, possessives
    r"|\$?\d[\d,.]*"                              # numbers
    r"|\S",                                        # punctuation
    re.UNICODE,
)

_DET = frozenset("""the a an this that these those its their his her our your my some any every each
no another such both all several many most few""".split())
_PREP = frozenset("""of in on at by for with from to into onto over under against about after before
between among through during without within upon toward towards across behind beyond near since via
per as than like amid despite including""".split())
_CONJ = frozenset("""and or but nor so yet while whereas although though because if when where whether
which who whom whose what then also even just only not""".split())
_PRON = frozenset("""he she it they we i you him them us me himself herself itself themselves ourselves
there here this that""".split())
_AUX = frozenset("""is are was were be been being am has have had having do does did will would shall
should can could may might must 's""".split())
_VERBS = frozenset("""said says say told tells tell held holds hold took takes take made makes make gave
gives give went goes go came comes come won wins win saw sees see left leaves kept keeps brought brings
began begins ran runs fought fights struck strikes sent sends spent spends built builds led leads met
meets paid pays put puts set sets stood stands thought thinks found finds got gets heard hears knew
knows lost loses meant means rose rises sought seeks spoke speaks wrote writes fell falls felt feels
became becomes remains remain seems seem appears appear continues continue wants want controls control
claims claim denies deny insists insist calls call faces face warns warn plans plan needs need says
accused accuses shot hit hits cut cuts let lets withdrew withdraws seized seizes agreed agrees
fled flees flee fought drove drives rode flew flies fly threw throws bought buys sold sells taught teaches
caught catches ate drank sang swam sat sits lay lies laid lays bore bears beat beats bit broke breaks
chose chooses drew draws forgot forgets forgave froze grew grows hid hides hung knelt lent lit mistook
overcame overran overthrew ran rang sank shook shone shut slept slid spun spread sprang stole stuck stung
strove swore swept swung tore wore woke won wound wrote undertook upheld withheld withstood arose awoke
dealt dug fed fit hurt meant quit rid shed spat split wept vowed
is are was were has have had does did will would can could may might must should shall
now then also still already again too later soon here there today yesterday tomorrow tonight
ago instead however therefore""".split())
_LY_NOT_ADV = frozenset("family ally rally assembly supply reply italy july daily weekly monthly elderly holy early".split())
_TITLES = frozenset("""president vice prime minister gen. general secretary chairman chairwoman spokesman
spokeswoman spokesperson ambassador sen. senator rep. representative mr. mrs. ms. dr. king queen prince
princess sheikh mullah commander col. colonel lt. lieutenant adm. admiral chief governor gov. mayor
judge justice director envoy foreign defense defence interior deputy leader pope emir sultan marshal
captain capt. maj. major sgt. sergeant officer premier chancellor speaker ayatollah imam pres. prof.
professor sir lord lady dame""".split())
_NAMING_VERBS = re.compile(
    r"^(?:describ|call|label|brand|dub|term|denounc|condemn|portray|depict|characteri[sz]|regard|view|"
    r"consider|paint|cast|hail|prais|recogni[sz]|refer|see|saw|seen|treat|dismiss|decr[iy]|list|design)",
    re.IGNORECASE,
)
_NAMING_DOUBLE = re.compile(r"^(?:call|brand|dub|label|term|name|deem|declar|consider)", re.IGNORECASE)
_COPULA = frozenset("is are was were remains remained became becomes".split())


@dataclass
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def base(self) -> str:
        t = self.text
        if len(t) > 2 and t[-2:] in ("'s", "’s"):
            return t[:-2]
        if len(t) > 2 and t[-1] in "'’" and t[-2] in "sS":
            return t[:-1]
        return t

    @property
    def poss(self) -> bool:
        t = self.text
        return len(t) > 2 and (t[-2:] in ("'s", "’s") or (t[-1] in "'’" and t[-2] in "sS"))

    @property
    def word(self) -> bool:
        return bool(re.match(r"[^\W_]", self.text))

    @property
    def cap(self) -> bool:
        return self.word and self.text[0].isupper()

    @property
    def hyph(self) -> bool:
        return "-" in self.text and self.word


def _tokenize(text: str) -> list[_Tok]:
    toks = [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    # glue abbreviation periods ("Gen." "Lt.") to their word
    from discourse.text import ABBREVIATIONS

    out: list[_Tok] = []
    for t in toks:
        if t.text == "." and out and out[-1].end == t.start and out[-1].low in ABBREVIATIONS:
            out[-1] = _Tok(out[-1].text + ".", out[-1].start, t.end)
        else:
            out.append(t)
    return out


def _function(t: _Tok) -> bool:
    low = t.low
    return low in _DET or low in _PREP or low in _CONJ or low in _PRON or low in _AUX


def _verbish(t: _Tok) -> bool:
    low = t.low
    if low in _VERBS or low in _AUX:
        return True
    if t.hyph or t.cap:
        return False
    return (low.endswith("ed") or low.endswith("ing")) and len(low) > 4


def _adverb(t: _Tok) -> bool:
    low = t.low
    return low.endswith("ly") and len(low) > 4 and low not in _LY_NOT_ADV and not t.cap


def _modifier(t: _Tok) -> bool:
    """Could be a pre-modifier or head inside a noun phrase."""
    if not t.word:
        return False
    if t.text.isupper() and len(t.base) >= 2:  # "US", "UN", "NATO": names, not "us"
        return True
    if _function(t):
        return False
    if t.low in _VERBS or _adverb(t):
        return False
    return True


def _is_sentence_start(toks: list[_Tok], i: int) -> bool:
    return i == 0 or toks[i - 1].text in {".", "!", "?", "\u201c", '"', ":", ";"}


# --------------------------------------------------------------- actor mentions
def _actor_table(actors) -> pd.DataFrame:
    if isinstance(actors, pd.DataFrame):
        if not {"actor", "alias"} <= set(actors.columns):
            raise KeyError("actors as a DataFrame needs columns 'actor' and 'alias'")
        tab = actors[["actor", "alias"]].astype(str)
    elif isinstance(actors, Mapping):
        rows = []
        for actor, aliases in actors.items():
            if isinstance(aliases, str):
                aliases = [aliases]
            for a in aliases:
                rows.append((str(actor), str(a)))
        tab = pd.DataFrame(rows, columns=["actor", "alias"])
    else:
        raise TypeError("actors must be a dict {actor: [aliases]} or a DataFrame (actor, alias)")
    tab = tab[tab["alias"].str.strip() != ""].drop_duplicates()
    if tab.empty:
        raise ValueError("actors has no aliases")
    return tab.reset_index(drop=True)


def _alias_specs(tab: pd.DataFrame) -> list[tuple[str, str, list[str], bool]]:
    specs = []
    for actor, alias in tab.itertuples(index=False):
        words = [t.text for t in _tokenize(alias)]
        sensitive = any(ch.isupper() for ch in alias)
        specs.append((actor, alias, words if sensitive else [w.lower() for w in words], sensitive))
    # longest alias first, so "Afghan government" wins over "government"
    specs.sort(key=lambda s: (-len(s[2]), -len(s[1])))
    return specs


def _find_aliases(toks: list[_Tok], specs) -> list[tuple[int, int, str, str]]:
    """Non-overlapping alias hits, leftmost-longest: (first token, last token + 1,
    actor, alias). Hits cannot span a possessive ("Afghanistan's government" is not
    the alias "Afghanistan government")."""
    index: dict[str, list] = {}
    for spec in specs:  # specs are sorted longest first
        index.setdefault(spec[2][0].lower(), []).append(spec)
    hits = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        cands = index.get(t.text.lower())
        base_low = t.base.lower()
        if base_low != t.text.lower():
            cands = (cands or []) + index.get(base_low, [])
        hit = None
        for actor, alias, words, sensitive in cands or ():
            k = len(words)
            if i + k > n:
                continue
            ok = True
            for j, w in enumerate(words):
                tj = toks[i + j]
                txt = tj.base if j == k - 1 else tj.text
                if (txt if sensitive else txt.lower()) != w or (j < k - 1 and tj.poss):
                    ok = False
                    break
            if ok and (hit is None or k > hit[1] - hit[0]):
                hit = (i, i + k, actor, alias)
        if hit is not None:
            hits.append(hit)
            i = hit[1]
        else:
            i += 1
    return hits


def _left_extent(toks: list[_Tok], i: int) -> int:
    """First token of the pre-modifier run ending before token ``i``."""
    j = i - 1
    run: list[int] = []
    while j >= 0:
        t = toks[j]
        if t.poss or not _modifier(t):
            break
        if _verbish(t) and not (j > 0 and (toks[j - 1].low in _DET or toks[j - 1].poss)):
            break
        run.insert(0, j)
        j -= 1
    boundary = toks[j] if j >= 0 else None
    licensed = boundary is None or boundary.poss or boundary.low in _DET or boundary.low in _PREP \
        or not boundary.word or boundary.text.replace(",", "").replace(".", "").isdigit() \
        or boundary.low in _CONJ or boundary.low in _AUX
    if not licensed:
        # without a determiner or preposition before it, only names and hyphenated
        # compounds count as modifiers ("told Congress" is not a label)
        while run and not (toks[run[0]].cap or toks[run[0]].hyph):
            run.pop(0)
    while run and (toks[run[0]].cap and _is_sentence_start(toks, run[0]) and toks[run[0]].low in _VERBS):
        run.pop(0)
    return run[0] if run else i


def _right_extent(toks: list[_Tok], e: int, hit_end_poss: bool) -> int:
    """One past the last token of the noun phrase continuing after the alias."""
    if hit_end_poss:
        return e
    j = e
    n = 0
    while j < len(toks) and n < 3:
        t = toks[j]
        if not t.word or not _modifier(t) or _adverb(t):
            break
        if not (t.cap or t.hyph):
            if _verbish(t):
                break
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is not None and (nxt.low in _DET or nxt.low in _PRON and nxt.low not in {"that"}):
                break
        j += 1
        n += 1
        if t.poss:
            break
    return j


def _np_forward(toks: list[_Tok], i: int, *, with_of: int = 2) -> tuple[int, int] | None:
    """A noun phrase starting at ``i`` (after an optional determiner): (first, end)."""
    while i < len(toks) and toks[i].low in _DET:
        i += 1
    s = i
    while i < len(toks):
        t = toks[i]
        if not t.word or not _modifier(t) or (_verbish(t) and i > s and not t.hyph):
            break
        i += 1
        if t.poss:
            break
    if i == s:
        return None
    if with_of and i + 1 < len(toks) and toks[i].low == "of":
        sub = _np_forward(toks, i + 1, with_of=with_of - 1)
        if sub is not None:
            return s, sub[1]
    return s, i


def _is_name_token(t: _Tok) -> bool:
    return t.cap and t.low not in _TITLES and not t.hyph and not _function(t)


def _modifier_label(toks, s, e, hits_in_np) -> str | None:
    """Label of a mention: the noun phrase without determiners and proper names."""
    drop = set()
    for hs, he, _, alias in hits_in_np:
        proper = any(ch.isupper() for ch in alias)  # lowercase aliases are common nouns
        if proper and all(toks[k].cap for k in range(hs, he)):
            # a proper-name alias and the first names or initials before it
            drop.update(range(hs, he))
            k = hs - 1
            while k >= s and _is_name_token(toks[k]):
                drop.add(k)
                k -= 1
        else:
            # proper-name parts of a mixed alias ("Afghan" in "Afghan government")
            drop.update(k for k in range(hs, he - 1) if toks[k].cap and proper)
    # another person's name after a role noun ("Taliban spokesman Suhail Shaheen")
    k = e - 1
    while k >= s and k not in drop and _is_name_token(toks[k]):
        k -= 1
    if k < e - 1 and k >= s and (toks[k].low in _ROLE_NOUNS or toks[k].low in _TITLES):
        drop.update(range(k + 1, e))
    keep = [k for k in range(s, e) if k not in drop]
    if not keep:
        return None
    label = " ".join(toks[k].base if k == e - 1 else toks[k].text for k in keep).strip()
    return label or None


def _appositive_before(toks: list[_Tok], comma: int) -> tuple[int, int] | None:
    """The outermost determiner noun phrase ending at the comma before a name."""
    best = None
    for back in range(comma - 1, max(-1, comma - 15), -1):
        t = toks[back]
        if not t.word or _verbish(t) and not t.cap:
            break
        if t.low in {"the", "a", "an"}:
            np_ = _np_forward(toks, back)
            if np_ is not None and np_[1] == comma:
                best = (back, np_)
    if best is None:
        return None
    back, np_ = best
    prior = toks[back - 1] if back > 0 else None
    if prior is None or not prior.word or prior.low in _PREP | _CONJ | _AUX or _verbish(prior):
        return np_
    return None


def _voice_for(start: int, end: int, qspans: list[tuple[int, int, str]]) -> str:
    for qs, qe, kind in qspans:
        if qs <= start and end <= qe:
            return "scare" if kind == "scare" else "quoted"
    return "authorial"


def _optional(module: str, func: str, *args, **kwargs):
    try:
        mod = __import__(f"discourse.{module}", fromlist=[func])
        return getattr(mod, func)(*args, **kwargs)
    except (ImportError, AttributeError):
        return None


def actor_labels(
    corpus: pd.DataFrame,
    actors: Mapping[str, Iterable[str]] | pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
    sentiment: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every mention of the configured actors with the labels attached to it.

    An alias is matched on whole tokens ("Kabul" does not match "Kabul-based");
    aliases with a capital letter match case-sensitively, lowercase aliases in any
    case; the longest alias wins. Around each hit the noun phrase is chunked with
    rules over tokens, capitalisation and a small list of function words (no
    external model): pre-modifiers (adjectives, hyphenated compounds such as
    "US-backed", nouns such as "puppet", other names) and a following head noun.
    Three kinds of label are extracted:

    ``modifier``
        The noun phrase minus determiners, the possessor and the actor's own proper
        name ("Afghanistan's puppet government" → "puppet government";
        "US-backed President Ashraf Ghani" → "US-backed President"; "the Taliban
        Islamist insurgency" → "Islamist insurgency"). A common-noun alias stays
        the head ("government", "regime"), so outlets that say "regime" and
        outlets that say "government" can be compared.
    ``appositive``
        A noun phrase with a determiner set off by commas before or after the
        mention ("the chairman of the Joint Chiefs of Staff, Gen. Mark Milley").
    ``predicate``
        After a naming verb and "as" ("described Ghani as an illegitimate president
        and a puppet of the US"), a naming verb and "a/an" ("branded Ghani a
        traitor") or a copula ("Ghani is a puppet").

    Parameters
    ----------
    corpus : DataFrame
        The corpus (``doc_id``, ``text``).
    actors : dict or DataFrame
        ``{actor: [alias, ...]}`` or a DataFrame with ``actor`` and ``alias``.
    quotes : DataFrame, optional
        Output of :func:`discourse.quotes.find`, for the voice; computed when
        omitted (voice is NA when the quotes module is unavailable).
    sentiment : DataFrame, optional
        Sentence sentiment (:func:`discourse.sentiment.score` at sentence level);
        computed when omitted.

    Returns
    -------
    DataFrame
        ``doc_id``, ``actor``, ``alias``, ``mention`` (the noun phrase as in the
        text), ``label`` (NA when the mention is a bare name), ``label_type``
        (``modifier`` | ``appositive`` | ``predicate``), ``voice``, ``start``,
        ``end`` (of the mention), ``sent_id`` and ``compound`` (sentence
        sentiment). One row per mention and label: a mention with a predicate
        label also has its modifier row.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["d"], "text": ["The US-backed regime in Kabul fell."]})
    >>> actor_labels(docs, {"Afghan government": ["regime", "Kabul"]},
    ...              quotes=pd.DataFrame(columns=["doc_id", "start", "end", "kind"]),
    ...              sentiment=pd.DataFrame(columns=["doc_id", "sent_id", "start", "end", "compound"]))["label"].tolist()
    ['US-backed regime']
    """
    for col in ("doc_id", "text"):
        if col not in corpus.columns:
            raise KeyError(f"corpus has no {col!r} column")
    specs = _alias_specs(_actor_table(actors))
    if quotes is None:
        quotes = _optional("quotes", "find", corpus)
    if sentiment is None:
        sentiment = _optional("sentiment", "score", corpus, level="sentence")
    qby: dict[str, list] = {}
    if quotes is not None and len(quotes):
        kind = quotes["kind"] if "kind" in quotes.columns else pd.Series("direct", index=quotes.index)
        for d, s, e, k in zip(quotes["doc_id"].astype(str), quotes["start"], quotes["end"], kind):
            qby.setdefault(d, []).append((int(s), int(e), str(k)))
    sby: dict[str, tuple[np.ndarray, ...]] = {}
    if sentiment is not None and len(sentiment):
        comp = sentiment["compound"] if "compound" in sentiment.columns else pd.Series(np.nan, index=sentiment.index)
        sent = sentiment.assign(_c=comp.astype(float))
        for d, sub in sent.groupby(sent["doc_id"].astype(str), sort=False):
            sub = sub.sort_values("start", kind="stable")
            sby[d] = (sub["start"].to_numpy(dtype=np.int64), sub["end"].to_numpy(dtype=np.int64),
                      sub["sent_id"].to_numpy(dtype=np.int64), sub["_c"].to_numpy(dtype=float))

    rows = []
    for doc_id, text in zip(corpus["doc_id"].astype(str), corpus["text"].astype(str)):
        toks = _tokenize(text)
        hits = _find_aliases(toks, specs)
        qspans = qby.get(doc_id, [])
        sents = sby.get(doc_id)
        used = set()
        prev_end_tok: dict[str, int] = {}  # actor -> end token of its last mention
        for h, (hs, he, actor, alias) in enumerate(hits):
            if h in used:
                continue
            s = _left_extent(toks, hs)
            # a proper-name alias can modify a following head ("the Kabul regime",
            # "the Taliban Islamist insurgency"); a common-noun alias is the head
            # ("government forces" is not a label of the government)
            proper = any(ch.isupper() for ch in alias)
            e = _right_extent(toks, he, toks[he - 1].poss or not proper)
            # merge further hits of the same actor inside this noun phrase
            group = [(hs, he, actor, alias)]
            for h2 in range(h + 1, len(hits)):
                hs2, he2, a2, al2 = hits[h2]
                if hs2 >= e:
                    break
                if a2 == actor:
                    used.add(h2)
                    group.append(hits[h2])
                    e = max(e, _right_extent(toks, he2, toks[he2 - 1].poss or not any(ch.isupper() for ch in al2)))
            # "the US-backed regime in Kabul": a prepositional phrase naming the
            # same actor belongs to the previous mention
            prev = prev_end_tok.get(actor)
            if prev is not None and s - prev == 1 and toks[prev].low in {"in", "of", "from"}:
                continue
            start, end = toks[s].start, toks[e - 1].end
            mention = text[start:end]
            if toks[e - 1].poss:
                mention = mention[: len(mention) - (len(toks[e - 1].text) - len(toks[e - 1].base))]
                end = start + len(mention)
            base = dict(doc_id=doc_id, actor=actor, alias=alias, mention=mention,
                        voice=_voice_for(start, end, qspans) if quotes is not None else pd.NA,
                        start=start, end=end)
            labels = [(_modifier_label(toks, s, e, group), "modifier")]
            # appositive after: ", the/a ... ," or ", the/a ... ."
            if e < len(toks) - 2 and toks[e].text == "," and toks[e + 1].low in {"the", "a", "an"}:
                np_ = _np_forward(toks, e + 1)
                if np_ is not None and np_[1] < len(toks) and toks[np_[1]].text in {",", ".", ";"}:
                    labels.append((text[toks[np_[0]].start:toks[np_[1] - 1].end], "appositive"))
            # appositive before: "the chairman of the Joint Chiefs of Staff, Gen. Mark Milley"
            if s >= 2 and toks[s - 1].text == ",":
                app = _appositive_before(toks, s - 1)
                if app is not None:
                    labels.append((text[toks[app[0]].start:toks[app[1] - 1].end], "appositive"))
            # predicate: "<naming verb> X as NP (and NP)*" / "X is a NP"
            j = e
            pred_start = None
            if j < len(toks) and toks[j].low == "as" and s > 0 and _NAMING_VERBS.match(toks[s - 1].low):
                pred_start = j + 1
            elif j + 1 < len(toks) and toks[j].low in _COPULA and toks[j + 1].low in {"a", "an", "the"}:
                pred_start = j + 1
            elif j < len(toks) and toks[j].low in {"a", "an"} and s > 0 and _NAMING_DOUBLE.match(toks[s - 1].low):
                pred_start = j  # "branded Biden a failure"
            while pred_start is not None and pred_start < len(toks):
                np_ = _np_forward(toks, pred_start)
                if np_ is None:
                    break
                labels.append((text[toks[np_[0]].start:toks[np_[1] - 1].end], "predicate"))
                nxt = np_[1]
                if nxt < len(toks) and toks[nxt].low in {"and", "or", ","} and nxt + 1 < len(toks) \
                        and toks[nxt + 1].low in {"a", "an", "the"}:
                    pred_start = nxt + 1
                else:
                    break
            sent_id, compound = pd.NA, np.nan
            if sents is not None:
                k = int(np.searchsorted(sents[0], start, side="right")) - 1
                if k >= 0 and sents[1][k] >= end:
                    sent_id, compound = int(sents[2][k]), float(sents[3][k])
            seen = set()
            for lab, kind in labels:
                if lab is not None and (lab, kind) in seen:
                    continue
                seen.add((lab, kind))
                if lab is None and kind != "modifier":
                    continue
                rows.append({**base, "label": lab if lab is not None else pd.NA,
                             "label_type": kind if lab is not None else pd.NA,
                             "sent_id": sent_id, "compound": compound})
            prev_end_tok[actor] = e
    cols = ["doc_id", "actor", "alias", "mention", "label", "label_type", "voice", "start", "end",
            "sent_id", "compound"]
    out = pd.DataFrame(rows, columns=cols)
    out["start"] = out["start"].astype("int64")
    out["end"] = out["end"].astype("int64")
    out["sent_id"] = out["sent_id"].astype("Int64")
    out["compound"] = out["compound"].astype(float)
    return out


def label_summary(
    labels: pd.DataFrame,
    corpus: pd.DataFrame | None = None,
    *,
    by: str | Sequence[str] | None = "outlet",
    label_type: str | Sequence[str] | None = None,
    voice: str | Sequence[str] | None = None,
    top: int | None = None,
    lower: bool = True,
) -> pd.DataFrame:
    """Count actor labels by outlet (or any corpus column).

    Parameters
    ----------
    labels : DataFrame
        Output of :func:`actor_labels`.
    corpus : DataFrame, optional
        Supplies the ``by`` columns when ``labels`` lacks them.
    by : str or list of str, optional
        Group columns (default ``"outlet"``; ``None``: all documents together).
    label_type : str or list, optional
        Keep only these label types (``"modifier"``, ``"appositive"``,
        ``"predicate"``).
    voice : str or list, optional
        Keep only mentions in these voices (``"authorial"`` for the outlet's own
        naming, ``"quoted"``, ``"scare"``).
    top : int, optional
        Keep the ``top`` most frequent labels per group and actor.
    lower : bool
        Count labels case-insensitively (shown in lower case).

    Returns
    -------
    DataFrame
        Group columns, ``actor``, ``label``, ``n`` (mentions), ``share`` (of the
        actor's labelled mentions in the group), ``n_docs``, ``compound`` (mean
        sentence sentiment), sorted by group, actor and ``n`` descending.
    """
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    lab = labels.dropna(subset=["label"]).copy()
    if label_type is not None:
        types = [label_type] if isinstance(label_type, str) else list(label_type)
        lab = lab[lab["label_type"].isin(types)]
    if voice is not None:
        voices = [voice] if isinstance(voice, str) else list(voice)
        lab = lab[lab["voice"].isin(voices)]
    missing = [k for k in keys if k not in lab.columns]
    if missing:
        if corpus is None:
            raise KeyError(f"labels have no column(s) {missing}; pass the corpus")
        meta = corpus[["doc_id", *missing]].assign(doc_id=corpus["doc_id"].astype(str))
        lab = lab.assign(doc_id=lab["doc_id"].astype(str)).merge(meta.drop_duplicates("doc_id"), on="doc_id", how="left")
    if lower:
        lab["label"] = lab["label"].str.lower()
    for k in keys:
        lab[k] = lab[k].astype(object).where(lab[k].notna(), "(none)")
    g = lab.groupby([*keys, "actor", "label"], sort=True, dropna=False)
    out = g.agg(n=("label", "size"), n_docs=("doc_id", "nunique"), compound=("compound", "mean")).reset_index()
    out["share"] = out["n"] / out.groupby([*keys, "actor"])["n"].transform("sum")
    out = out.sort_values([*keys, "actor", "n", "label"], ascending=[True] * len(keys) + [True, False, True],
                          kind="stable")
    if top is not None:
        out = out.groupby([*keys, "actor"], sort=False).head(top)
    return out[[*keys, "actor", "label", "n", "share", "n_docs", "compound"]].reset_index(drop=True)


# ---------------------------------------------------------------------- sources
_ROLE_NOUNS = frozenset("""spokesman spokeswoman spokesperson spokesmen minister secretary official officials
envoy ambassador chairman chairwoman chair president leader leaders commander general director chief head
member adviser advisor analyst analysts researcher professor representative senator governor mayor officer
officers diplomat diplomats negotiator aide aides deputy founder executive correspondent reporter editor
expert experts fellow lawmaker lawmakers legislator premier chancellor speaker ministry spokespeople
militant militants commanders lawyer attorney economist economists scientist scientists commissioner
activist activists scholar historian journalist lecturer candidate mp mps physician doctor nurse teacher
farmer resident residents witness witnesses student students worker workers owner campaigner organiser
organizer coordinator manager consultant strategist economist investigator inspector prosecutor
judge mayor councillor councilor""".split())
_RANKS = frozenset("deputy vice senior former acting top chief assistant press then".split())


def _words(s: str) -> int:
    from discourse.text import WORD_PATTERN

    return len(WORD_PATTERN.findall(s or ""))


def _last_name(name: str) -> str:
    toks = [t for t in re.findall(r"[^\W\d_][\w'’\-]*", str(name)) if t[0].isupper()]
    return toks[-1] if toks else str(name).strip()


#: lowercase nouns that name an affiliation when they modify a role ("a government
#: spokesperson", "the opposition leader", "a police officer")
_INSTITUTIONS = frozenset("""government opposition military army navy police party ministry embassy council
court parliament administration campaign union company hospital university school church cabinet
presidency palace agency regime rebel rebels militia movement""".split())

_PORTFOLIOS = frozenset("foreign defense defence interior finance home justice health".split())


def _aff_from_title(title_toks: list[_Tok], r: int) -> str | None:
    """Affiliation from a title such as "Taliban spokesman", "Russia's envoy for
    Afghanistan", "Russian Foreign Minister" (``r``: index of the first role word)."""
    before = title_toks[:r]
    poss = [i for i, t in enumerate(before) if t.poss]
    if poss:
        p = poss[-1]
        words = [t.text for t in before[:p] if t.low not in _DET] + [before[p].base]
        return " ".join(words)
    mods = [t for t in before if (t.cap or t.hyph or t.low in _INSTITUTIONS) and t.low not in _RANKS
            and t.low not in _DET]
    portfolio = [t for t in title_toks[:r + 1] if t.low in _PORTFOLIOS]
    role = title_toks[r].low if r < len(title_toks) else ""
    if portfolio and role in {"minister", "secretary", "ministry"}:
        demonym = [t.text for t in mods if t.low not in _PORTFOLIOS]
        return " ".join([*demonym, portfolio[0].low, "ministry"])
    mods = [t for t in mods if not t.hyph or not t.text.rsplit("-", 1)[-1].islower()]
    if mods:
        return " ".join(t.text for t in mods)
    rest = title_toks[r + 1:]
    for x, t in enumerate(rest):
        if t.low in {"of", "for", "at"}:
            org = [tt for tt in rest[x + 1:] if tt.low not in _DET]
            if org:
                return " ".join(tt.text for tt in org)
    return None


def _affiliation(toks: list[_Tok], text: str, speaker: str) -> tuple[str | None, str | None]:
    """(affiliation, title) stated in the text next to the speaker's name."""
    stoks = [t for t in _tokenize(speaker) if t.word]
    roles = [i for i, t in enumerate(stoks) if t.low in _ROLE_NOUNS]
    if roles:
        # a speaker that is itself a role phrase: "Pentagon officials", "Russia's envoy
        # for Afghanistan", "Russian Foreign Minister Sergei Lavrov"
        r = roles[0]
        first = next((i for i in range(r) if stoks[i].low not in _DET), r)
        end = r + 1
        while end < len(stoks) and stoks[end].low in _ROLE_NOUNS:
            end += 1
        title_toks = stoks[first:end]
        after = stoks[end:]
        if after and after[0].low in {"of", "for", "at"}:
            title_toks = stoks[first:]
        aff = _aff_from_title(title_toks, r - first)
        title = speaker[title_toks[0].start:title_toks[-1].end] if title_toks else None
        if aff:
            return aff, title
    if not stoks or not all(t.cap or t.low in {"al", "bin", "van", "von", "de", "der"} for t in stoks):
        return None, None  # not a person's name: nothing to look up
    last = _last_name(speaker)
    fallback_title = None
    for i, t in enumerate(toks):
        if t.base != last:
            continue
        # name run ending at i
        k = i
        while k - 1 >= 0 and _is_name_token(toks[k - 1]):
            k -= 1
        # title run before the name: "Taliban spokesman", "Russian Foreign Minister", "Gen."
        j = k
        while j - 1 >= 0 and toks[j - 1].word and not toks[j - 1].poss and (
            toks[j - 1].cap or toks[j - 1].low in _ROLE_NOUNS or toks[j - 1].hyph
        ) and toks[j - 1].low not in _DET and not _verbish(toks[j - 1]):
            j -= 1
        title_toks = toks[j:k]
        if j - 1 >= 0 and toks[j - 1].poss:
            title_toks = toks[j - 1:k]
        role_idx = [x for x, tt in enumerate(title_toks) if tt.low in _ROLE_NOUNS] or \
            [x for x, tt in enumerate(title_toks) if tt.low in _TITLES]
        if title_toks and role_idx:
            aff = _aff_from_title(title_toks, role_idx[0])
            if aff:
                return aff, text[title_toks[0].start:title_toks[-1].end]
            if fallback_title is None:
                fallback_title = text[title_toks[0].start:title_toks[-1].end]
        # appositive before: "the chairman of the Joint Chiefs of Staff, Gen. Mark Milley"
        if j - 1 >= 1 and toks[j - 1].text == ",":
            app = _appositive_before(toks, j - 1)
            if app is not None:
                aff, title = _org_of(toks, text, app[0], app[1])
                if aff:
                    return aff, title
        # appositive after: "Suhail Shaheen, a spokesman for the Taliban,"
        if i + 2 < len(toks) and toks[i + 1].text == ",":
            np_ = _np_forward(toks, i + 2)
            if np_ is not None:
                aff, title = _org_of(toks, text, np_[0], np_[1])
                if aff:
                    return aff, title
                if title and fallback_title is None:
                    fallback_title = title
    return None, fallback_title


def _org_of(toks, text, s, e) -> tuple[str | None, str | None]:
    """From a role phrase "the chairman of the Joint Chiefs of Staff", the organisation."""
    title = text[toks[s].start:toks[e - 1].end]
    span = toks[s:e]
    if not any(t.low in _ROLE_NOUNS or t.low in _TITLES for t in span):
        return None, None  # "the city, Kabul": not a role, no affiliation
    for x, t in enumerate(span):
        if t.low in {"of", "for", "at", "with"} and x > 0:
            org = [tt for tt in span[x + 1:] if tt.low not in _DET]
            if org:
                return text[org[0].start:org[-1].end], title
    for x, t in enumerate(span):
        if t.low in _ROLE_NOUNS or t.low in _TITLES:
            mods = [tt.text for tt in span[:x] if (tt.cap or tt.hyph or tt.low in _INSTITUTIONS)
                    and tt.low not in _RANKS and not (tt.hyph and tt.text.rsplit("-", 1)[-1].islower())]
            if mods:
                return " ".join(mods), title
            break
    if e < len(toks) and toks[e].low in {"of", "for", "at"}:
        np_ = _np_forward(toks, e + 1, with_of=0)
        if np_ is not None:
            return text[toks[np_[0]].start:toks[np_[1] - 1].end], title
    return None, title if any(t.low in _ROLE_NOUNS for t in span) else None


def _verb_groups() -> dict[str, str] | None:
    path = _LEXICONS / "reporting_verbs.csv"
    if not path.exists():
        return None
    tab = pd.read_csv(path, dtype=str)
    groups = {}
    for col in ("lemma", "verb"):
        if col in tab.columns:
            for v, g in zip(tab[col].str.lower(), tab["group"]):
                if isinstance(v, str):
                    groups[v] = g
    return groups


def sources(
    corpus: pd.DataFrame,
    *,
    quotes: pd.DataFrame | None = None,
    by: Literal["document", "outlet"] = "document",
    kinds: Sequence[str] = ("direct", "partial"),
) -> pd.DataFrame:
    """Who is quoted: speakers with affiliation, quote counts, words and verbs.

    Speakers are merged by ``speaker_resolved`` when the quotes table has it, else
    by last name within a document ("Milley" and "Gen. Mark Milley"; the longest
    form is shown). The affiliation is taken from the text where it states it: a
    title before the name ("Taliban spokesman Suhail Shaheen" → Taliban; "Russian
    Foreign Minister Sergei Lavrov" → Russian foreign ministry), an appositive ("the
    chairman of the Joint Chiefs of Staff, Gen. Mark Milley" → Joint Chiefs of
    Staff; "Shaheen, a spokesman for the Taliban" → the Taliban), or a role phrase
    as speaker ("Pentagon officials" → Pentagon). Reporting verbs are grouped with
    ``discourse/lexicons/reporting_verbs.csv`` into neutral, distancing and
    endorsing.

    Parameters
    ----------
    corpus : DataFrame
        The corpus (``doc_id``, ``text``, optional ``outlet``).
    quotes : DataFrame, optional
        Output of :func:`discourse.quotes.find`; computed when omitted.
    by : {"document", "outlet"}
        One row per document and speaker, or per outlet and speaker (affiliation
        and title from the speaker's first document).
    kinds : sequence of str
        Quote kinds counted (scare quotes have no speaker).

    Returns
    -------
    DataFrame
        ``doc_id`` (document level), ``outlet``, ``speaker``, ``affiliation``,
        ``title``, ``n_quotes``, ``n_words``, ``verbs`` (distinct verbs, "; "
        joined), ``n_neutral``, ``n_distancing``, ``n_endorsing``, ``n_other``
        (verbs not in the reporting-verb lexicon or none), sorted by ``n_quotes``
        descending within each document (outlet).
    """
    if quotes is None:
        from discourse import quotes as _quotes

        quotes = _quotes.find(corpus)
    cols = ["doc_id", "outlet", "speaker", "affiliation", "title", "n_quotes", "n_words", "verbs",
            "n_neutral", "n_distancing", "n_endorsing", "n_other"]
    if by not in ("document", "outlet"):
        raise ValueError(f"by must be 'document' or 'outlet', not {by!r}")
    q = quotes.copy()
    if "kind" in q.columns:
        q = q[q["kind"].isin(list(kinds))]
    q = q[q["speaker"].notna() & (q["speaker"].astype(str).str.strip() != "")]
    if q.empty:
        out = pd.DataFrame(columns=cols)
        return out if by == "document" else out.drop(columns="doc_id")
    q["doc_id"] = q["doc_id"].astype(str)
    key = q["speaker_resolved"].where(q["speaker_resolved"].notna(), q["speaker"]) \
        if "speaker_resolved" in q.columns else q["speaker"]
    q["_name"] = key.astype(str).str.strip()
    counted = q["quote"].astype(str).map(_words) if "quote" in q.columns else pd.Series(0, index=q.index)
    q["n_words"] = q["n_words"].fillna(counted) if "n_words" in q.columns else counted
    verb = q["verb"].astype(object).where(q["verb"].notna(), "") if "verb" in q.columns else pd.Series("", index=q.index)
    q["_verb"] = verb.astype(str).str.lower().str.strip()
    if "verb_group" in q.columns:
        q["_group"] = q["verb_group"].astype(object).where(q["verb_group"].notna(), "other")
    else:
        groups = _verb_groups()
        q["_group"] = q["_verb"].map(lambda v: groups.get(v, "other")) if groups is not None else "other"
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"].astype(str)))
    outlets = dict(zip(corpus["doc_id"].astype(str), corpus["outlet"])) if "outlet" in corpus.columns else {}
    # merge speakers by last name within a document; display the longest form
    by_doc: dict[str, dict[str, list]] = {}
    for doc, name, nw, v, g in zip(q["doc_id"], q["_name"], q["n_words"], q["_verb"], q["_group"]):
        by_doc.setdefault(doc, {}).setdefault(_last_name(name), []).append((name, int(nw), v, g))
    rows = []
    for doc, speakers in by_doc.items():
        text = texts.get(doc, "")
        toks = _tokenize(text)
        for items in speakers.values():
            spk = max((it[0] for it in items), key=lambda x: (len(x), x))
            aff, title = _affiliation(toks, text, spk)
            verbs = list(dict.fromkeys(it[2] for it in items if it[2]))
            g = [it[3] for it in items]
            rows.append(dict(doc_id=doc, outlet=outlets.get(doc, pd.NA), speaker=spk, affiliation=aff, title=title,
                             n_quotes=len(items), n_words=sum(it[1] for it in items), verbs="; ".join(verbs),
                             n_neutral=g.count("neutral"), n_distancing=g.count("distancing"),
                             n_endorsing=g.count("endorsing"), n_other=g.count("other")))
    out = pd.DataFrame(rows, columns=cols)
    if by == "outlet":
        out["outlet"] = out["outlet"].astype(object).where(out["outlet"].notna(), "(none)")
        agg = out.groupby(["outlet", "speaker"], sort=False).agg(
            affiliation=("affiliation", "first"), title=("title", "first"),
            n_docs=("doc_id", "nunique"), n_quotes=("n_quotes", "sum"), n_words=("n_words", "sum"),
            verbs=("verbs", lambda s: "; ".join(dict.fromkeys(v for x in s for v in x.split("; ") if v))),
            n_neutral=("n_neutral", "sum"), n_distancing=("n_distancing", "sum"),
            n_endorsing=("n_endorsing", "sum"), n_other=("n_other", "sum"),
        ).reset_index()
        return agg.sort_values(["outlet", "n_quotes", "speaker"], ascending=[True, False, True],
                               kind="stable").reset_index(drop=True)
    order = {d: i for i, d in enumerate(dict.fromkeys(corpus["doc_id"].astype(str)))}
    out["_o"] = out["doc_id"].map(order)
    out = out.sort_values(["_o", "n_quotes", "speaker"], ascending=[True, False, True], kind="stable")
    return out.drop(columns="_o").reset_index(drop=True)
