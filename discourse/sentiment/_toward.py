"""Sentiment toward actors or terms per group, with intervals that resample documents."""
from __future__ import annotations

from typing import Literal, Sequence

import numpy as np
import pandas as pd

from discourse import voice as _voice
from discourse.sentiment._mentions import Targets, mentions

__all__ = ["summarize", "toward"]


def summarize(
    data: pd.DataFrame,
    value: str = "compound",
    *,
    by: str | Sequence[str] | None = "outlet",
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Mean of ``value`` per group with a bootstrap interval that resamples documents.

    Rows of one document are correlated (one article's sentences about an actor share
    its slant), so the interval resamples whole documents (a cluster bootstrap of the
    pooled mean): each group's estimate is ``sum(value) / n`` over its rows, and the
    interval comes from :func:`discourse.stats.bootstrap_ratio` over documents. A group
    of fewer than two documents has no interval: ``ci_low`` and ``ci_high`` are NaN and
    ``few_docs`` is True (an interval from one document would have zero width and
    claim a precision the data cannot give).

    Parameters
    ----------
    data : DataFrame
        Rows with ``doc_id`` and ``value`` (sentences from :func:`score`, mentions
        from :func:`mentions`).
    value : str, default "compound"
    by : str or list of str, optional, default "outlet"
        Group columns (``"outlet"``, ``["target", "outlet", "voice"]``); ``None``: one
        group.
    n_boot, ci, random_state
        As in :func:`discourse.stats.bootstrap_ratio`.

    Returns
    -------
    DataFrame
        Group columns, ``estimate``, ``ci_low``, ``ci_high``, ``n`` (rows),
        ``n_docs``, ``few_docs`` (fewer than two documents: no interval).

    Examples
    --------
    >>> d = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["x", "x", "x"], "compound": [0.5, 0.3, -0.2]})
    >>> summarize(d, n_boot=100)[["outlet", "estimate", "n", "n_docs"]]
      outlet  estimate  n  n_docs
    0      x       0.2  3       2
    """
    from discourse import stats

    for c in ("doc_id", value):
        if c not in data.columns:
            raise KeyError(f"data needs column {c!r}")
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    missing = [k for k in keys if k not in data.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in data; pass by=None or columns of data "
                       f"({list(data.columns)})")
    unit = list(dict.fromkeys([*keys, "doc_id"]))  # by="doc_id" is allowed: one group per document
    d = data[[*unit, value]].dropna(subset=[value])
    per_doc = d.groupby(unit, sort=True, observed=True, dropna=False)[value].agg(["sum", "size"])
    per_doc = per_doc.reset_index().rename(columns={"sum": "_sum", "size": "_n"})
    out = stats.bootstrap_ratio(per_doc, "_sum", "_n", by=keys or None, n_boot=n_boot, ci=ci,
                                random_state=random_state)
    out = out.rename(columns={"n": "n_docs"})
    out.loc[out["n_docs"].to_numpy() < 2, ["ci_low", "ci_high"]] = np.nan
    n_rows = per_doc.groupby(keys, sort=True, observed=True, dropna=False)["_n"].sum().to_numpy() if keys \
        else np.array([per_doc["_n"].sum()])
    out.insert(len(keys) + 3, "n", n_rows.astype("int64"))
    out["n_docs"] = out["n_docs"].astype("int64")
    out["few_docs"] = out["n_docs"].to_numpy() < 2
    return out


def toward(
    data,
    targets: Targets,
    *,
    by: str | Sequence[str] | None = "outlet",
    period: str | None = None,
    voice: str | Sequence[str] | None = None,
    window: int | None = None,
    method: Literal["vader", "nltk"] = "vader",
    n_boot: int = 1000,
    random_state: int | None = 0,
    exclude_labels: bool = True,
) -> pd.DataFrame:
    """Sentiment toward actors or terms, per outlet (and period, and voice).

    The sentiment of the contexts (sentences or word windows) that mention each target
    (:func:`mentions`), averaged per group (:func:`summarize`), with a 95% bootstrap
    interval that resamples documents. By default each context is scored without the
    words that name the target (its aliases and the noun phrases they head, such as
    "illegal immigrants" or "undocumented immigrants"; see :func:`mentions`), so two
    outlets that write the same sentences with different labels get the same tone:
    the tone is what is said about the target, the label choice is measured by
    :func:`discourse.framing.label_summary`. For another coverage, aliases matched as
    ``fixed``/``regex`` or acronyms in any case, compose the two:
    ``summarize(mentions(..., case_sensitive=False), by=..., ci=0.9)`` (or pass a
    lexicon table with its own ``match`` column as ``targets``).

    Parameters
    ----------
    data : DataFrame or Annotations
        Articles (``doc_id``, ``text`` and the ``by`` columns) or their annotations.
    targets : dict, list, str or DataFrame
        As in :func:`mentions` (aliases in dicts and lists are globs).
    by : str or list of str, optional, default "outlet"
        Corpus columns, and ``"voice"`` for a row per voice (``["outlet", "voice"]``);
        ``None``: the whole corpus. Every row is also per ``target``.
    period : str, optional
        One of :data:`discourse.stats.PERIODS` (``"W"``, ``"M"``, ``"Q"``, ``"Y"`` ...):
        adds a ``period`` column from ``published`` and groups by it.
    voice : str or list of str, optional
        Keep only mentions in these voices (:mod:`discourse.voice`); ``None`` (default):
        all voices, pooled unless ``"voice"`` is in ``by``.
    window, method
        As in :func:`mentions`.
    n_boot, random_state
        Bootstrap settings (documents are resampled); intervals from fewer than two
        documents are NaN and flagged in ``few_docs``.
    exclude_labels : bool, default True
        Leave the target's aliases and the noun phrases they head out of each
        context's score (``False``: score the whole context, labels included).

    Returns
    -------
    DataFrame
        ``target``, the ``by`` columns, ``period`` (if asked), ``estimate`` (mean
        compound), ``ci_low``, ``ci_high``, ``n`` (mentions), ``n_docs``,
        ``few_docs`` (fewer than two documents: no interval), ``left_out`` (the
        distinct phrases left out of the scores, lowercase, most frequent first,
        joined by ``"; "``; NA with ``exclude_labels=False``). Per mention:
        :func:`mentions`.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["x", "y"],
    ...                    "text": ["The army won a great victory.", "The army failed badly."]})
    >>> toward(df, ["army"], n_boot=50)[["target", "outlet", "estimate", "n"]]
      target outlet  estimate  n
    0   army      x    0.8316  1
    1   army      y   -0.7506  1
    """
    from discourse.terms._rates import group_keys, period_column
    from discourse.text._annotate import as_annotations

    ann = as_annotations(data)
    corpus = ann.corpus
    keys = group_keys(by, corpus, extra=("voice",))
    voices = _voice.check(voice)
    if period is not None:
        periods = period_column(corpus, period)  # checks the option before the work
    m = mentions(ann, targets, window=window, method=method, exclude_labels=exclude_labels)
    extra = [k for k in keys if k not in m.columns]
    info = corpus.drop_duplicates("doc_id")
    ids = info["doc_id"].astype(str).astype("string").to_numpy()
    if extra:
        m = m.merge(pd.DataFrame({"doc_id": ids, **{k: info[k].to_numpy() for k in extra}}), on="doc_id",
                    how="left")
    group = ["target", *keys]
    if period is not None:
        labels = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str).astype("string").to_numpy(),
                               "period": periods.to_numpy()}).drop_duplicates("doc_id")
        m = m.merge(labels, on="doc_id", how="left")
        group.append("period")
    if voices is not None:
        m = m[m["voice"].isin(voices)]
    out = summarize(m, "compound", by=group, n_boot=n_boot, random_state=random_state)
    out["left_out"] = _left_out(m, group, out)
    for c in ("target", "voice", "period", "left_out"):
        if c in out.columns:
            out[c] = out[c].astype("string")
    return out


def _left_out(m: pd.DataFrame, group: list[str], out: pd.DataFrame) -> list:
    """Per row of ``out``: the distinct phrases left out of its mentions' scores
    (lowercase, most frequent first, then alphabetical), joined by ``"; "``."""
    lo = m[[*group, "left_out"]].dropna(subset=["left_out"])
    if not len(lo):
        return [pd.NA] * len(out)
    phrases = lo["left_out"].astype(str).str.split("; ").explode().str.lower()
    counts = pd.DataFrame({**{k: lo[k].loc[phrases.index].to_numpy() for k in group}, "phrase": phrases.to_numpy()})
    joined = {}
    for key, sub in counts.groupby(group, sort=False, dropna=False):
        vc = sub["phrase"].value_counts()
        order = sorted(vc.index, key=lambda p: (-vc[p], p))
        joined[key if isinstance(key, tuple) else (key,)] = "; ".join(order)
    keys = out[group].itertuples(index=False, name=None)
    return [joined.get(tuple(k), pd.NA) for k in keys]
