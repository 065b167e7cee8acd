"""Topic prevalence by group and over time, with bootstrap intervals over documents.

The prevalence of a topic in a group is the mean share over the group's documents, so
it sums to 1 over topics in every group whatever the group's size. Periods are the
labels of :func:`discourse.stats.period_labels` ("2024-01"), as in every other table.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from discourse import stats
from discourse.stats import period_alias, period_labels, warn_undated
from discourse.topics._model import TopicModel
from discourse.topics._tables import long_shares

__all__ = ["prevalence", "trajectories"]


def _shares_for(model: TopicModel, corpus: pd.DataFrame) -> pd.DataFrame:
    """Long shares for the documents of ``corpus``: fitted shares where the model has
    seen the document, :meth:`TopicModel.transform` for the others."""
    model._require_fit()
    if "doc_id" not in corpus.columns:
        raise KeyError("corpus needs a doc_id column to match documents to topic shares")
    ids = corpus["doc_id"].astype(str)
    known = pd.Index(model.doc_ids_.astype(str))
    seen = ids.isin(known)
    parts = []
    if seen.any():
        pos = known.get_indexer(ids[seen])
        parts.append(long_shares(ids[seen].to_numpy(), model.shares_[pos]))
    if (~seen).any():
        parts.append(model.transform(corpus.loc[~seen.to_numpy()]))
    if not parts:  # no documents
        return long_shares(np.array([], dtype=object), np.zeros((0, model.n_topics)))
    return pd.concat(parts, ignore_index=True)


def prevalence(model: TopicModel, corpus: pd.DataFrame, *, by: str | Sequence[str] | None = "outlet",
               period: str | None = None, date: str = "published", n_boot: int = 1000,
               ci: float = 0.95, random_state: int | None = 0) -> pd.DataFrame:
    """Topic prevalence by group (and period) with bootstrap intervals over documents.

    The prevalence of a topic in a group is the mean of its share over the group's
    documents, so a group's prevalences sum to 1 over topics however many documents it
    has (a period with 300 articles does not weigh more than one with 30). Intervals are
    percentile bootstrap intervals resampling the group's documents
    (:func:`discourse.stats.bootstrap`).

    Parameters
    ----------
    model : TopicModel
    corpus : DataFrame
        Articles with ``doc_id`` and the ``by`` / ``date`` columns; documents the model
        was not fitted on are scored with :meth:`TopicModel.transform`.
    by : str, list of str or None
        Group columns (``"outlet"``); None for the whole corpus.
    period : {"D", "W", "M", "Q", "Y"} or None
        Also group by calendar period of ``date`` (documents without a date are left out).
    date : str
        Date column.
    n_boot, ci, random_state
        Bootstrap settings.

    Returns
    -------
    DataFrame
        Group columns, ``period`` (label such as "2024-01", as
        :func:`discourse.stats.period_labels`; if asked), ``topic``, ``label``,
        ``share``, ``ci_low``, ``ci_high``, ``n_docs`` (documents with a share),
        ``few_docs`` (fewer than two documents: no interval).

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["x", "x", "y", "y"],
    ...     "text": ["troops airstrikes", "troops airstrikes", "budget vote", "troops budget"]})
    >>> m = fit(docs, 2, min_df=1, max_df=1.0)
    >>> prevalence(m, docs, n_boot=50).groupby("outlet")["share"].sum().round(6).tolist()
    [1.0, 1.0]
    """
    from discourse.text._annotate import corpus_of

    corpus = corpus_of(corpus)  # the corpus table or its annotations
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError("corpus must be a corpus DataFrame (doc_id and grouping columns) or its annotations")
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    missing = [c for c in keys if c not in corpus.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in corpus (columns: {list(corpus.columns)})")
    meta = corpus[["doc_id", *keys]].copy()
    meta["doc_id"] = meta["doc_id"].astype(str)
    if period is not None:
        if date not in corpus.columns:
            raise KeyError(f"period needs a {date!r} date column")
        meta["period"] = period_labels(corpus[date], period).to_numpy()
        undated = int(meta["period"].isna().sum())
        meta = meta[meta["period"].notna()]
        keys = [*keys, "period"]
    shares = _shares_for(model, corpus).merge(meta, on="doc_id", how="inner")
    for c in keys:  # group on missing outlets too, labelled as such
        if c != "period" and shares[c].isna().any():
            shares[c] = shares[c].astype(object).where(shares[c].notna(), "(none)")
    out = stats.bootstrap(shares, "share", by=[*keys, "topic"], n_boot=n_boot, ci=ci,
                          random_state=random_state)
    out = out.rename(columns={"estimate": "share", "n": "n_docs"})
    out.insert(len(keys) + 1, "label", out["topic"].map(model.labels))
    out["few_docs"] = out["n_docs"].to_numpy() < 2  # (stats.bootstrap leaves their interval NA)
    out = out.sort_values([*keys, "topic"], kind="stable").reset_index(drop=True)
    return out if period is None else warn_undated(out, undated, "topics.prevalence")


def trajectories(model: TopicModel, corpus: pd.DataFrame, *, period: str = "M",
                 by: str | Sequence[str] | None = None, date: str = "published",
                 topics: Sequence[int] | None = None, n_boot: int = 1000, ci: float = 0.95,
                 random_state: int | None = 0) -> pd.DataFrame:
    """Topic prevalence over time: :func:`prevalence` by ``period`` on a complete
    calendar, so periods without documents appear with ``n_docs = 0`` and NaN shares (lines
    break there instead of interpolating over gaps).

    Parameters
    ----------
    period : {"D", "W", "M", "Q", "Y"}
    by : str, list of str or None
        Separate trajectories per group (``"outlet"``).
    topics : list of int, optional
        Keep only these topics.

    Returns
    -------
    DataFrame
        Group columns, ``period``, ``topic``, ``label``, ``share``, ``ci_low``,
        ``ci_high``, ``n_docs``, ``few_docs``.
    """
    prev = prevalence(model, corpus, by=by, period=period, date=date, n_boot=n_boot, ci=ci,
                      random_state=random_state)
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    if topics is not None:
        prev = prev[prev["topic"].isin(list(topics))]
    if prev.empty:
        return prev.reset_index(drop=True)
    freq = period_alias(period)
    starts = pd.PeriodIndex([pd.Period(p.split("/")[0], freq=freq) for p in prev["period"]])
    cal = pd.period_range(starts.min(), starts.max(), freq=freq).astype(str)
    groups = prev[keys].drop_duplicates() if keys else pd.DataFrame(index=[0])
    tops = pd.DataFrame({"topic": sorted(prev["topic"].unique())})
    grid = groups.merge(pd.DataFrame({"period": cal}), how="cross").merge(tops, how="cross")
    out = grid.merge(prev.drop(columns="label"), on=[*keys, "period", "topic"], how="left")
    out["n_docs"] = out["n_docs"].fillna(0).astype("int64")
    out["few_docs"] = out["n_docs"].to_numpy() < 2
    out.insert(len(keys) + 2, "label", out["topic"].map(model.labels))
    out = out.sort_values([*keys, "topic", "period"], kind="stable").reset_index(drop=True)
    out.attrs["undated"] = prev.attrs.get("undated", 0)
    return out
