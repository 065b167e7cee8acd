"""Plots for topic models: top-terms grid, prevalence over time, k-selection report.

Grids (:func:`top_terms`, :func:`k_search`) take ``fig=None`` and return an array of
Axes; :func:`prevalence` takes ``ax=None`` and returns one Axes. Nothing here saves or
changes rcParams.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np
import pandas as pd

from discourse.plots._common import (_UNIT, _coarsen, _date_axis, _figure_legend, _figure_note, _in_grid,
                                     _legend, _note, _title, _undated_note)

__all__ = ["top_terms", "prevalence", "k_search"]

_PREV_COLS = {"period", "topic", "label", "share", "ci_low", "ci_high", "n_docs", "few_docs"}

#: metric column → (panel title, better)
_METRICS = {
    "npmi": ("NPMI coherence", "higher"),
    "umass": ("UMass coherence", "higher"),
    "exclusivity": ("Exclusivity", "higher"),
    "unique_terms": ("Unique top terms", "higher"),
    "stability": ("Stability across seeds", "higher"),
    "perplexity": ("Held-out perplexity", "lower"),
}


def _cycle(i: int) -> str:
    """The i-th colour of the current property cycle, resolved now (so a figure drawn
    inside a style context keeps its colours when rendered outside it)."""
    from matplotlib.colors import to_hex

    return to_hex(f"C{i % 10}")


def _new_fig(fig, n_panels: int, ncols: int, panel_size=(2.4, 1.9)):
    import matplotlib.pyplot as plt

    ncols = max(1, min(ncols, n_panels))
    nrows = math.ceil(n_panels / ncols)
    if fig is None:
        fig = plt.figure(figsize=(panel_size[0] * ncols, panel_size[1] * nrows), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for ax in axes[n_panels:]:
        ax.set_visible(False)
    return fig, axes[:n_panels]


def _term_table(data, n: int, relevance_lambda: float) -> pd.DataFrame:
    if hasattr(data, "top_terms"):
        return data.top_terms(n, relevance_lambda=relevance_lambda)
    if not isinstance(data, pd.DataFrame) or not {"topic", "term", "weight"} <= set(data.columns):
        raise TypeError("top_terms needs a TopicModel or a DataFrame with topic, term, weight")
    df = data.copy()
    if "rank" not in df.columns:
        df = df.sort_values(["topic", "weight"], ascending=[True, False], kind="stable")
        df["rank"] = df.groupby("topic").cumcount() + 1
    df = df[df["rank"] <= n]
    if "label" not in df.columns:
        df["label"] = df["topic"].astype(str)
    return df


def top_terms(data, *, n: int = 10, relevance_lambda: float = 1.0,
              topics: Sequence[int] | None = None, ncols: int = 4, fig=None,
              color: str | None = None) -> np.ndarray:
    """Grid of horizontal bar charts: the top ``n`` terms of each topic by weight.

    Parameters
    ----------
    data : TopicModel or DataFrame
        A fitted model, its ``term_topics`` or its ``top_terms()`` table (``topic``,
        ``term``, ``weight``; ``label`` and ``rank`` used when present).
    n : int
        Terms per topic.
    relevance_lambda : float
        Relevance weighting for choosing the top terms when ``data`` is a model (bars
        still show the topic-term probability, largest first).
    topics : list of int, optional
        Topics to draw (default all).
    ncols : int
        Panels per row.
    fig : Figure, optional
        Figure to draw into (subplots are added); a new one otherwise.

    Returns
    -------
    ndarray of Axes
        One per topic.

    Examples
    --------
    >>> tt = pd.DataFrame({"topic": [0, 0, 1, 1], "term": ["war", "troops", "vote", "budget"],
    ...                    "weight": [0.5, 0.3, 0.6, 0.2]})
    >>> axes = top_terms(tt, n=2)
    >>> len(axes)
    2
    """
    from matplotlib.ticker import MaxNLocator

    df = _term_table(data, n, relevance_lambda)
    keys = sorted(df["topic"].unique().tolist()) if topics is None else list(topics)
    if not keys:
        raise ValueError("no topics to draw")
    fig, axes = _new_fig(fig, len(keys), ncols)
    for ax, k in zip(axes, keys):
        # the top n by rank (relevance), drawn in the order of the drawn value
        sub = df[df["topic"] == k].sort_values(["weight", "rank"], ascending=[False, True], kind="stable")
        y = np.arange(len(sub))
        ax.barh(y, sub["weight"].to_numpy(), color=color or _cycle(0), height=0.7)
        ax.set_yticks(y, sub["term"].tolist(), fontsize="small")
        ax.invert_yaxis()
        label = sub["label"].iloc[0] if len(sub) else str(k)
        _title(ax, str(label), fontsize="medium")
        ax.tick_params(axis="x", labelsize="x-small")
        ax.xaxis.set_major_locator(MaxNLocator(nbins=3))  # small weights have long labels: few ticks
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    axes[-1].figure.supxlabel("weight (topic-term probability)", fontsize="small")
    return axes


def prevalence(prev: pd.DataFrame, *, topic: int | Sequence[int] | None = None, ax=None,
               band: bool = True, color: str | None = None, label: str | None = None,
               period: str | None = None):
    """Topic prevalence with bootstrap intervals, from :func:`discourse.topics.prevalence`.

    With a ``period`` column: one line per group (e.g. outlet) over time, with its
    interval as a band; pass ``topic`` to draw one topic (lines are labelled by group)
    or several (labelled "topic label · group"). Without ``period``: points with
    interval whiskers per topic, one colour per group.

    Drawn into one panel of a grid of subplots (a topic per panel, as a paper figure
    composes them), the legend is one for the whole figure, below every panel (each
    group keeps its colour in every panel), and the undated documents are noted once
    under the figure; in a single Axes the legend is to the right of (or under) it.

    Parameters
    ----------
    prev : DataFrame
        ``topic``, ``share``, ``ci_low``, ``ci_high``, optional ``label``, ``period`` and
        group columns.
    topic : int or list of int, optional
        Topics to draw (default all).
    ax : Axes, optional
    band : bool
        Draw the interval (band or whiskers).
    color : str, optional
        One colour for everything drawn (e.g. a pooled line over per-outlet lines).
    label : str, optional
        Legend label when one series is drawn (default: the group or topic label).
    period : {"D", "W", "M", "Q", "Y"}, optional
        Draw the series by this coarser period: the mean share over the documents of
        each (weighted by ``n_docs``), without intervals (they need the analysis run at
        that period). Default: the table's own periods, unless it has more than 40
        (then :func:`discourse.style.period_for` chooses). Undated documents counted in
        ``prev.attrs["undated"]`` are named in a note under the axis.

    Returns
    -------
    Axes

    Examples
    --------
    >>> prev = pd.DataFrame({"outlet": ["a", "a", "b", "b"], "topic": [0, 1, 0, 1],
    ...     "share": [0.7, 0.3, 0.4, 0.6], "ci_low": [0.6, 0.2, 0.3, 0.5],
    ...     "ci_high": [0.8, 0.4, 0.5, 0.7]})
    >>> ax = prevalence(prev)
    """
    import matplotlib.pyplot as plt

    need = {"topic", "share"}
    if not need <= set(prev.columns):
        raise KeyError(f"prev needs columns {sorted(need)}; got {list(prev.columns)}")
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.2), layout="constrained")
    df = prev
    if topic is not None:
        wanted = [topic] if np.isscalar(topic) else list(topic)
        df = df[df["topic"].isin(wanted)]
    if df.empty:
        raise ValueError("nothing to draw: no rows for the requested topic(s)")
    groups = [c for c in df.columns if c not in _PREV_COLS]
    grid = _in_grid(ax)
    # a group keeps its colour in every panel: its place among all the table's groups
    every = (sorted(map(tuple, prev[groups].drop_duplicates().to_numpy().tolist()), key=lambda g: tuple(map(str, g)))
             if groups else [])
    has_ci = band and {"ci_low", "ci_high"} <= set(df.columns)
    labels = df["label"] if "label" in df.columns else df["topic"].astype(str)
    df = df.assign(_label=labels.astype(str))
    topics_ = list(dict.fromkeys(df["topic"].tolist()))
    if "period" in df.columns:
        keys = groups + ["topic"]

        w = df["n_docs"].astype(float) if "n_docs" in df.columns else pd.Series(1.0, index=df.index)
        ok = df["share"].notna() & (w > 0)
        drawn, coarse = _coarsen(df, keys + ["_label"], period,
                                 {"_wsum": (df["share"].fillna(0.0) * w).where(ok, 0.0), "_w": w.where(ok, 0.0)},
                                 lambda t: t["_wsum"] / t["_w"].where(t["_w"] > 0))
        if coarse is not None:
            drawn = drawn.rename(columns={"value": "share"})
        has_ci = has_ci and coarse is None
        for i, (key, sub) in enumerate(drawn.groupby(keys, sort=True, dropna=False)):
            key = key if isinstance(key, tuple) else (key,)
            gname = " · ".join(str(v) for v in key[:-1])
            if len(topics_) == 1:
                name = gname or sub["_label"].iloc[0]
            else:
                name = sub["_label"].iloc[0] + (f" · {gname}" if gname else "")
            sub = sub.sort_values("_x")
            ci = every.index(tuple(key[:-1])) if len(topics_) == 1 and tuple(key[:-1]) in every else i
            # a share of zero stays whole: drawn over the x axis, not clipped by it
            line, = ax.plot(sub["_x"], sub["share"], marker="o", markersize=3 if len(sub) <= 24 else 2,
                            label=label or name, color=color or _cycle(ci), clip_on=False, zorder=2.6)
            if has_ci:
                ax.fill_between(sub["_x"], sub["ci_low"], sub["ci_high"], alpha=0.2,
                                color=line.get_color(), linewidth=0)
        ax.set_xlabel("period" if coarse is None else f"by {_UNIT[coarse]} (no intervals)")
        _date_axis(ax)
        undated = _undated_note(prev.attrs.get("undated"))
        if not grid:  # (in a grid: one note for the figure, whatever each panel's x label becomes)
            _note(ax, undated)
        if len(topics_) == 1:
            _title(ax, df["_label"].iloc[0], fontsize="medium")
    else:
        gvals = list(dict.fromkeys(map(tuple, df[groups].astype(str).to_numpy()))) if groups else [()]
        ypos = {t: j for j, t in enumerate(topics_)}
        width = 0.8 / max(len(gvals), 1)
        for i, g in enumerate(gvals):
            sub = df if not groups else df[(df[groups].astype(str).to_numpy() == np.array(g)).all(axis=1)]
            y = np.array([ypos[t] for t in sub["topic"]]) - 0.4 + width * (i + 0.5)
            x = sub["share"].to_numpy(dtype=float)
            kw = dict(fmt="o", markersize=4, color=color or _cycle(i),
                      label=label or " · ".join(g) or None)
            if has_ci:
                err = np.vstack([x - sub["ci_low"].to_numpy(float), sub["ci_high"].to_numpy(float) - x])
                # matplotlib rejects negative lengths (a percentile interval need not hold the mean)
                ax.errorbar(x, y, xerr=np.clip(err, 0, None), elinewidth=1, capsize=0, **kw)
            else:
                ax.errorbar(x, y, **kw)
        names = df.drop_duplicates("topic").set_index("topic")["_label"]
        ax.set_yticks(range(len(topics_)), [names[t] for t in topics_], fontsize="small")
        ax.invert_yaxis()
        ax.set_xlabel("mean topic share of documents")
        undated = None
    if "period" in df.columns:
        ax.set_ylabel("mean topic share")
    if "period" in df.columns:
        ax.set_ylim(bottom=0)
    else:
        ax.set_xlim(left=0)
    legend = bool(ax.get_legend_handles_labels()[0] and (
        label or (groups and len(df.groupby(groups)) > 1) or ("period" in df.columns and len(topics_) > 1)))
    if grid and legend:
        _figure_legend(ax.figure, note=undated)
    elif grid:
        _figure_note(ax.figure, undated)
    elif legend:
        _legend(ax)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def k_search(report: pd.DataFrame, *, metrics: Sequence[str] | None = None, ncols: int = 3,
             highlight: int | None = None, fig=None) -> np.ndarray:
    """One panel per metric of :func:`discourse.topics.search_k` against k.

    Parameters
    ----------
    report : DataFrame
        ``k`` and metric columns (``npmi``, ``umass``, ``exclusivity``,
        ``unique_terms``, ``stability``, ``perplexity``).
    metrics : list of str, optional
        Panels to draw; default every metric present with a value.
    ncols : int
    highlight : int, optional
        Mark this k (the one chosen) with a dotted vertical line.
    fig : Figure, optional

    Returns
    -------
    ndarray of Axes

    Examples
    --------
    >>> rep = pd.DataFrame({"k": [5, 10], "npmi": [0.1, 0.2], "stability": [0.9, 0.8]})
    >>> [ax.get_title(loc="left").replace("\\n", " ") for ax in k_search(rep)]
    ['NPMI coherence ↑', 'Stability across seeds ↑']
    """
    if "k" not in report.columns:
        raise KeyError("report needs a 'k' column")
    if metrics is None:
        metrics = [m for m in _METRICS if m in report.columns and report[m].notna().any()]
    else:
        bad = [m for m in metrics if m not in report.columns]
        if bad:
            raise KeyError(f"metric(s) {bad} not in report")
    if not metrics:
        raise ValueError("no metric with values to draw")
    fig, axes = _new_fig(fig, len(metrics), ncols, panel_size=(2.3, 1.9))
    rep = report.sort_values("k")
    for ax, m in zip(axes, metrics):
        title, better = _METRICS.get(m, (m, None))
        ax.plot(rep["k"], rep[m], marker="o", color=_cycle(0))
        arrow = {"higher": " \u2191", "lower": " \u2193"}.get(better, "")
        _title(ax, title + arrow, fontsize="medium")
        if highlight is not None:
            ax.axvline(highlight, color="0.5", linestyle=":", linewidth=1, zorder=0)
        ax.set_xticks(rep["k"].tolist())
        ax.tick_params(labelsize="x-small")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    axes[-1].figure.supxlabel("number of topics k", fontsize="small")
    return axes
