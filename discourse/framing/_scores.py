"""Frame scores from a dictionary: per document or sentence, primary frames, and
averages by outlet and period with bootstrap intervals."""
from __future__ import annotations

from pathlib import Path
from typing import Literal, Mapping, Sequence

import numpy as np
import pandas as pd

from discourse.framing._common import _as_list, _check_corpus, _string_ids
from discourse.framing._dictionaries import dictionary as _dictionary
from discourse.stats import period_labels


def _unit_frame(corpus: pd.DataFrame, level: str, sents: pd.DataFrame | None) -> pd.DataFrame:
    if level == "document":
        return pd.DataFrame({"doc_id": corpus["doc_id"].astype(str).drop_duplicates().to_numpy()})
    units = sents[["doc_id", "para_id", "sent_id"]].reset_index(drop=True)
    return units.assign(doc_id=units["doc_id"].astype(str))  # as the matches' ids below


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
    _check_corpus(corpus)
    lex = _dictionary(dictionary)  # the module function; ``dictionary`` is the option
    frames = list(dict.fromkeys(lex["category"].astype(str)))
    sents = None
    if level == "sentence":  # split once: the units here and the sent_id of the matches
        from discourse import text

        sents = text.sentences(corpus)
    if matches is None:
        from discourse import terms

        # one search per distinct pattern, then one row per frame it indicates
        unique = lex.drop_duplicates(["pattern", "match"]).reset_index(drop=True)
        found = terms.find(corpus, unique, quotes=quotes, overlap="all", sentences=sents)
        found = found.drop(columns=[c for c in ("category", "weight") if c in found.columns])
        matches = found.merge(lex[["pattern", "category"]].drop_duplicates(), on="pattern", how="inner")
    m = _longest_per_frame(matches)
    if voice is not None and len(m):
        m = m[m["voice"].isin(_as_list(voice))]
    weights = lex.drop_duplicates(["pattern", "category"]).set_index(["pattern", "category"])["weight"]
    if len(m):
        key = pd.MultiIndex.from_arrays([m["pattern"].astype(str), m["category"].astype(str)])
        w = pd.Series(weights.reindex(key).to_numpy(dtype=float), index=m.index)
        m["_w"] = w.fillna(1.0)
    else:
        m["_w"] = pd.Series(dtype=float)
    m = m[m["category"].astype(str).isin(frames)] if len(m) else m
    keys = ["doc_id"] if level == "document" else ["doc_id", "para_id", "sent_id"]
    units = _unit_frame(corpus, level, sents)
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
    return _string_ids(grid[[*keys, "frame", "n", "share", "present"]].copy())


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
    return _string_ids(out)


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
    keys = _as_list(by)
    missing = [k for k in keys if k not in corpus.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in corpus")
    meta = corpus[["doc_id", *keys]].copy()
    meta["doc_id"] = meta["doc_id"].astype(str)
    if period is not None:
        if "published" not in corpus.columns:
            raise KeyError("period needs a 'published' column in corpus")
        meta["period"] = period_labels(corpus["published"], period).to_numpy()
        keys = [*keys, "period"]
    data = d.assign(doc_id=d["doc_id"].astype(str)).merge(meta.drop_duplicates("doc_id"), on="doc_id", how="left")
    data["_v"] = data[value].astype(float)
    frames = list(dict.fromkeys(d["frame"]))
    out = stats.bootstrap(data, "_v", by=[*keys, "frame"], n_boot=n_boot, ci=ci, random_state=random_state)
    out["frame"] = pd.Categorical(out["frame"], categories=frames)
    out = out.sort_values([*keys, "frame"], kind="stable").reset_index(drop=True)
    out["frame"] = out["frame"].astype(str)
    return out
