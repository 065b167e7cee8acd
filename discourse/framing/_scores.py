"""Frame scores from a lexicon: per document or sentence, primary frames, and
averages by outlet and period with bootstrap intervals."""
from __future__ import annotations

from pathlib import Path
from typing import Literal, Mapping, Sequence

import numpy as np
import pandas as pd

from discourse import voice as _voice
from discourse.framing._common import (
    _annotations, _group_keys, _indicators, _sentence_rows, _string_ids, _string_keys, _unit_words,
)
from discourse.framing._dictionaries import dictionary as _dictionary
from discourse.stats import period_labels

Lexicon = str | Path | pd.DataFrame | Mapping | None

#: the calibrated presence rule of the generic frames (``min_rate="calibrated"``, the
#: default of :func:`score`): indicators per 1,000 words a document needs for the frame
#: to count as present (0: any indicator). Chosen on 225 hand-coded news articles on
#: climate change (docs/framing.md, ``benchmarks/eval_frames.py``): round values in the
#: middle of the range where each frame's F1 is flat (morality: its narrow peak).
#: Conflict indicators are specific and the frame is frequent, so any indicator
#: counts; the words of the other frames (people, home; policy, plan, should; justice,
#: fair; cost, million, market) also turn up in passing in articles that do not take
#: the frame, so they need a density.
CALIBRATED = {"conflict": 0.0, "human_interest": 9.0, "responsibility": 10.0, "morality": 3.0,
              "economic": 12.0}


def score(
    data,
    *,
    lexicon: Lexicon = None,
    level: Literal["document", "sentence"] = "document",
    voice: str | Sequence[str] | None = None,
    min_count: float = 1,
    min_rate: float | Mapping[str, float] | Literal["calibrated"] | None = "calibrated",
    match: Literal["fixed", "glob", "regex"] = "glob",
) -> pd.DataFrame:
    """Frame scores per document or per sentence from a frame lexicon.

    Every pattern of the lexicon is an indicator of its ``category`` (the frame).
    Matches come from :func:`discourse.terms.find` on the annotations, so
    multi-word entries, glob inflections and voice work as for loaded terms.

    Parameters
    ----------
    data : DataFrame or Annotations
        The corpus (``doc_id``, ``text``) or its annotations
        (:func:`discourse.text.annotate`): sentences and voice come from them.
    lexicon : str, Path, DataFrame or dict, optional
        Frame lexicon: a bundled name (``"generic"``, the default; ``"policy"``;
        ``"all"``), a lexicon file, a lexicon table or ``{frame: [patterns]}``
        (see :func:`dictionary`).
    level : {"document", "sentence"}
        Unit of the scores.
    voice : str or list of str, optional
        Count only matches in these voices (:mod:`discourse.voice`), e.g.
        ``"authorial"`` to score the outlet's own framing without its quoted
        sources. Default: all voices.
    min_count : float
        ``present`` needs ``n >= min_count`` (and the ``min_rate`` rule).
    min_rate : float, dict, "calibrated" or None
        The rate rule for ``present`` (indicators per 1,000 words):
        ``"calibrated"`` (default) is :data:`CALIBRATED` for the frames of the
        bundled generic lexicon (also inside ``lexicon="all"``) at document level;
        other lexicons' frames, and every frame at sentence level, need only
        ``min_count`` (a sentence is too short for a rate). A number or
        ``{frame: rate}`` (frames left out need none) applies at both levels.
        ``None``: no rate rule, so ``present`` is "any indicator" (``n >=
        min_count``), the rule before calibration.
    match : {"fixed", "glob", "regex"}
        How patterns match where the lexicon does not say (a dict, or a file without
        a ``match`` column).

    Notes
    -----
    The calibrated rule holds long and short articles to the same density: one
    economic word makes a 50-word brief economic (20 per 1,000 words) but not a
    1,000-word feature. Overlapping indicators of the *same* frame count once (the
    longest wins: "security forces" is one security indicator, not two); indicators of
    *different* frames may share words (a word can signal two frames).

    Returns
    -------
    DataFrame
        ``doc_id`` (and ``para_id``, ``sent_id`` at sentence level), ``frame``,
        ``n`` (sum of match weights; the count with the bundled weights of 1),
        ``share`` (``n`` over all frame indicators in the unit; NaN in a unit
        without any), ``rate`` (``n`` per 1,000 words of the unit in the voices
        counted, words by :data:`discourse.words.WORD_PATTERN`; NaN without words)
        and ``present``. One row per unit and frame, zeros included, frames in
        lexicon order.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["The war cost billions of dollars."]})
    >>> score(docs)[["frame", "n", "share", "rate", "present"]].round(2)
                frame  n  share    rate  present
    0        conflict  1   0.25  166.67     True
    1  human_interest  0   0.00    0.00    False
    2  responsibility  0   0.00    0.00    False
    3        morality  0   0.00    0.00    False
    4        economic  3   0.75  500.00     True
    """
    if level not in ("document", "sentence"):
        raise ValueError(f"level must be 'document' or 'sentence', not {level!r}")
    thresholds = _thresholds(min_rate, lexicon, level)
    voices = _voice.check(voice)
    ann = _annotations(data)
    lex = _dictionary(lexicon, match=match)
    frames = list(dict.fromkeys(lex["category"].astype(str)))
    doc, st, en, frame, w = _indicators(ann, lex, frames, voices)
    texts = list(ann.texts)
    n_frames = len(frames)
    if level == "document":
        unit = doc
        keys = {"doc_id": np.asarray(texts, dtype=object)}
        order = np.argsort(keys["doc_id"], kind="stable")
    else:
        sents = ann.sentences
        keys = {"doc_id": sents["doc_id"].astype(str).to_numpy(dtype=object),
                "para_id": sents["para_id"].to_numpy(dtype=np.int64),
                "sent_id": sents["sent_id"].to_numpy(dtype=np.int64)}
        unit = _sentence_rows(ann, keys, doc, st)
        ok = unit >= 0  # a match outside every sentence counts in none
        unit, frame, w = unit[ok], frame[ok], w[ok]
        rank = pd.factorize(keys["doc_id"], sort=True)[0]
        order = np.lexsort((keys["sent_id"], keys["para_id"], rank))
    n_units = len(keys["doc_id"])
    cell = unit * n_frames + frame
    n = np.zeros(n_units * n_frames)
    if len(cell):  # sums as pandas adds them (compensated), in match order
        sums = pd.Series(w).groupby(cell, sort=False).sum()
        n[sums.index.to_numpy(dtype=np.int64)] = sums.to_numpy(dtype=float)
    rows = (order[:, None] * n_frames + np.arange(n_frames)[None, :]).ravel()  # by unit, frames in order
    grid = pd.DataFrame({k: np.repeat(v[order], n_frames) for k, v in keys.items()})
    grid["frame"] = np.tile(np.asarray(frames, dtype=object), n_units)
    grid["n"] = n[rows]
    if (grid["n"] == grid["n"].round()).all():
        grid["n"] = grid["n"].astype("int64")
    total = grid["n"].groupby(np.repeat(np.arange(n_units), n_frames)).transform("sum").astype(float)
    grid["share"] = (grid["n"] / total).where(total > 0)
    words = _unit_words(ann, voices, level, keys, order, n_frames)
    grid["rate"] = (1000.0 * grid["n"] / words).where(words > 0)
    grid["present"] = (grid["n"] >= min_count) & _rate_rule(grid, thresholds)
    out = _string_ids(grid)
    out["frame"] = out["frame"].astype("string")
    return out


def _thresholds(min_rate, lexicon, level: str):
    """The ``min_rate`` of :func:`score` as a number, ``{frame: rate}`` or None;
    ``"calibrated"`` resolved to :data:`CALIBRATED` for the bundled generic frames."""
    if isinstance(min_rate, str):
        if min_rate != "calibrated":
            raise ValueError(f"min_rate must be a number, a dict {{frame: rate}}, 'calibrated' or None, "
                             f"not {min_rate!r}")
        if level == "sentence":
            return None
        if lexicon is None or (isinstance(lexicon, str) and lexicon == "generic"):
            return CALIBRATED
        if isinstance(lexicon, str) and lexicon == "all":
            return {"generic:" + frame: rate for frame, rate in CALIBRATED.items()}
        return None
    if min_rate is None or isinstance(min_rate, Mapping):
        return min_rate
    try:
        return float(min_rate)
    except (TypeError, ValueError):
        raise ValueError(f"min_rate must be a number, a dict {{frame: rate}}, 'calibrated' or None, "
                         f"not {min_rate!r}") from None


def _rate_rule(grid: pd.DataFrame, min_rate) -> pd.Series:
    """Whether each row's ``rate`` passes its frame's threshold (resolved ``min_rate``)."""
    if min_rate is None:
        return pd.Series(True, index=grid.index)
    if isinstance(min_rate, Mapping):
        threshold = grid["frame"].map({f: float(min_rate.get(f, 0.0)) for f in grid["frame"].unique()})
    else:
        threshold = pd.Series(float(min_rate), index=grid.index)
    rate = grid["rate"].fillna(0.0)
    return (rate >= threshold) & ((threshold <= 0) | (grid["n"] > 0))


def _document_level(scores: pd.DataFrame) -> pd.DataFrame:
    """Sentence-level scores summed to documents (document scores pass through)."""
    if "sent_id" not in scores.columns:
        return scores
    d = scores.groupby(["doc_id", "frame"], sort=False)["n"].sum().reset_index()
    total = d.groupby("doc_id")["n"].transform("sum").astype(float)
    d["share"] = (d["n"] / total).where(total > 0)
    d["rate"] = np.nan  # the words of a document are not in a table of sentence scores
    d["present"] = d["n"] > 0
    return d


def _scores_of(data, lexicon, voice, fn: str) -> pd.DataFrame:
    """The document scores of ``data``: a table from :func:`score` as given, or the
    scores of a corpus / annotations with ``lexicon`` and ``voice``."""
    if isinstance(data, pd.DataFrame) and {"frame", "n"} <= set(data.columns) and "text" not in data.columns:
        if lexicon is not None or voice is not None:
            raise ValueError(f"{fn}: lexicon and voice apply when the scores are computed here; "
                             "pass them to framing.score, or pass the corpus instead of the scores")
        return _document_level(data)
    return score(data, lexicon=lexicon, voice=voice)


def primary(
    data,
    *,
    lexicon: Lexicon = None,
    voice: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """The primary frame of each document and its margin over the runner-up.

    Parameters
    ----------
    data : DataFrame or Annotations
        The corpus or its annotations (scored with :func:`score`), or a table of
        scores from :func:`score` (sentence-level scores are summed per document).
    lexicon, voice
        As in :func:`score`, when ``data`` is a corpus.

    Returns
    -------
    DataFrame
        ``doc_id``, ``frame`` (highest share; ties broken by lexicon order),
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
    scores = _scores_of(data, lexicon, voice, "primary")
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
    return _string_keys(_string_ids(out), ["frame", "runner_up"])


def aggregate(
    data,
    scores: pd.DataFrame | None = None,
    *,
    lexicon: Lexicon = None,
    by: str | Sequence[str] | None = "outlet",
    period: str | None = None,
    voice: str | Sequence[str] | None = None,
    value: Literal["share", "present", "n", "rate"] = "share",
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Mean frame score by outlet (and period) with bootstrap intervals.

    Documents are the resampling unit (:func:`discourse.stats.bootstrap`).

    Parameters
    ----------
    data : DataFrame or Annotations
        The corpus (or its annotations): the group columns and ``published``.
    scores : DataFrame, optional
        Output of :func:`score` on ``data`` (sentence-level scores are summed per
        document); computed with ``lexicon`` and ``voice`` when omitted.
    lexicon, voice
        As in :func:`score`, when ``scores`` is omitted.
    by : str or list of str, optional
        Group columns of the corpus (default ``"outlet"``; ``None`` pools all).
    period : str, optional
        One of :data:`discourse.stats.PERIODS` (``"W"``, ``"M"``, ``"month"`` ...):
        adds a ``period`` column (:func:`discourse.stats.period_labels`) and groups
        by it too; undated documents fall in no period and are left out.
    value : {"share", "present", "n", "rate"}
        What is averaged: the frame's share of indicators (documents without any
        indicator are left out), the proportion of documents where the frame is
        present (the ``present`` of document-level scores; summed from sentence
        scores, a document has no rate, so "any indicator"), the mean count, or
        the mean rate per 1,000 words.
    n_boot, ci, random_state
        Bootstrap settings.

    Returns
    -------
    DataFrame
        Group columns, ``period`` (if asked), ``frame``, ``estimate``, ``ci_low``,
        ``ci_high`` (NA from fewer than two documents), ``n_docs``, ``few_docs`` (fewer
        than two documents: no interval).

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
    ...                      "text": ["War and more war.", "The war cost money."]})
    >>> agg = aggregate(docs, lexicon={"conflict": ["war"], "economic": ["cost*", "money"]})
    >>> agg[["outlet", "frame", "estimate", "n_docs"]].values.tolist()
    [['X', 'conflict', 0.6666666666666666, 2], ['X', 'economic', 0.3333333333333333, 2]]
    """
    from discourse import stats

    if value not in ("share", "present", "n", "rate"):
        raise ValueError(f"value must be 'share', 'present', 'n' or 'rate', not {value!r}")
    ann = _annotations(data)
    corpus = ann.corpus
    keys = _group_keys(corpus, by)
    if period is not None:
        stats.period_alias(period)  # a clear error for an unknown period before any work
        if "published" not in corpus.columns:
            raise KeyError("period needs a 'published' column in the corpus; pass period=None")
    if scores is None:
        d = score(ann, lexicon=lexicon, voice=voice)
    elif isinstance(scores, pd.DataFrame) and {"doc_id", "frame", "n"} <= set(scores.columns):
        d = _scores_of(scores, lexicon, voice, "aggregate")
    else:
        raise TypeError("scores must be the output of framing.score (doc_id, frame, n, share, present)")
    if value == "rate" and "sent_id" in d.columns:
        raise ValueError("value='rate' needs document-level scores (framing.score(..., level='document'))")
    d = _document_level(d)
    meta = corpus[["doc_id", *keys]].copy()
    meta["doc_id"] = meta["doc_id"].astype(str)
    if period is not None:
        meta["period"] = period_labels(corpus["published"], period).to_numpy()
        keys = [*keys, "period"]
    data_ = d.assign(doc_id=d["doc_id"].astype(str)).merge(meta.drop_duplicates("doc_id"), on="doc_id", how="left")
    if period is not None:
        data_ = data_[data_["period"].notna()]
    data_["_v"] = data_[value].astype(float)
    frames = list(dict.fromkeys(d["frame"]))
    out = stats.bootstrap(data_, "_v", by=[*keys, "frame"], n_boot=n_boot, ci=ci, random_state=random_state)
    out = out.rename(columns={"n": "n_docs"})
    few = out["n_docs"] < 2
    out.loc[few, ["ci_low", "ci_high"]] = np.nan
    out["frame"] = pd.Categorical(out["frame"], categories=frames)
    out = out.sort_values([*keys, "frame"], kind="stable").reset_index(drop=True)
    out["frame"] = out["frame"].astype(str)
    out["n_docs"] = out["n_docs"].astype("int64")
    out["few_docs"] = out["n_docs"].to_numpy() < 2
    return _string_keys(out, [*keys, "frame"])
