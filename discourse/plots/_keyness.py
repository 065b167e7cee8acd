"""Plots for keyness: distinctive terms with intervals, label shares, term trajectories.

Each takes a table from :mod:`discourse.keyness`, takes ``ax=None``, returns the Axes,
never saves and never changes rcParams.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from discourse.plots._common import (_UNIT, _ax, _coarsen, _date_axis, _legend, _need, _note, _order,
                                    _period_start, _undated_note, _wrap)

__all__ = ["keyness", "label_shares", "term_trajectories"]


def _err(est: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray | None:
    if np.isnan(lo).all():
        return None
    return np.vstack([np.where(np.isnan(lo), 0, est - lo), np.where(np.isnan(hi), 0, hi - est)])


def keyness(data: pd.DataFrame, *, ax=None, top: int = 10, value: str = "estimate"):
    """Dot plot of the most distinctive terms of each group, with their intervals.

    Parameters
    ----------
    data : DataFrame
        From :func:`discourse.keyness.score` (``group``, ``term``, ``value``, and
        ``ci_low``/``ci_high`` when bootstrapped); rows in its order, most distinctive first.
    ax : Axes, optional
    top : int, default 10
        Terms shown per group.
    value : str, default "estimate"
        The column on the x axis (``estimate``, ``log_ratio``, ``log_odds``, ``z``).

    Returns
    -------
    Axes

    Examples
    --------
    >>> k = pd.DataFrame({"group": ["A", "A"], "term": ["regime", "army"], "estimate": [1.2, 0.4],
    ...                   "ci_low": [0.8, 0.1], "ci_high": [1.6, 0.7]})
    >>> [t.get_text() for t in keyness(k).get_yticklabels()]
    ['army', 'regime']
    """
    from discourse.style import color_map

    _need(data, ["group", "term", value], "plots.keyness")
    ax = _ax(ax, (5.0, 4.0))
    groups = list(pd.unique(data["group"]))
    colors = color_map(groups)
    y, labels, pos = [], [], 0.0
    for g in groups:
        sub = data[data["group"] == g].head(top)
        est = sub[value].to_numpy(dtype=float)
        ys = pos + np.arange(len(sub))[::-1]
        lo = sub["ci_low"].to_numpy(dtype=float) if "ci_low" in sub and value == "estimate" else np.full(len(sub), np.nan)
        hi = sub["ci_high"].to_numpy(dtype=float) if "ci_high" in sub and value == "estimate" else lo
        ax.errorbar(est, ys, xerr=_err(est, lo, hi), fmt="o", ms=3.5, lw=0.8, color=colors[g], label=str(g))
        y.extend(ys.tolist())
        labels.extend(sub["term"].astype(str).tolist())
        pos += len(sub) + 1
    order = np.argsort(y)
    ax.set_yticks(np.asarray(y)[order], [labels[i] for i in order])
    ax.axvline(0, color="#999999", lw=0.6, zorder=0)
    ax.set_xlabel({"estimate": "keyness (estimate)", "log_ratio": "log2 ratio of rates",
                   "log_odds": "weighted log odds", "z": "z-score of the log odds"}.get(value, value))
    if len(groups) > 1:
        _legend(ax)
    return ax


def label_shares(data: pd.DataFrame, *, ax=None, by: str | None = None, order=None):
    """Each label's share of the mentions of a referent, per group, with intervals.

    Parameters
    ----------
    data : DataFrame
        From :func:`discourse.keyness.label_choice` for one referent (``label``,
        ``share``, ``ci_low``, ``ci_high`` and a group column).
    ax : Axes, optional
    by : str, optional
        The group column (default: the first column).
    order : list of str, optional
        Groups from top to bottom (default: by the share of the most used label,
        highest first).

    Returns
    -------
    Axes

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "A"], "label": ["regime", "government"], "share": [0.7, 0.3],
    ...                   "ci_low": [0.5, 0.1], "ci_high": [0.9, 0.5]})
    >>> [t.get_text() for t in label_shares(t).get_yticklabels()]
    ['A']
    """
    from discourse.style import color_map

    by = by or data.columns[0]
    _need(data, [by, "label", "share"], "plots.label_shares")
    ax = _ax(ax, (5.0, 3.0))
    groups = list(pd.unique(data[by].astype(str)))
    labels = list(pd.unique(data["label"].astype(str)))
    if len(data):  # labels by their overall share, groups by the share of the first
        overall = data.groupby(data["label"].astype(str))["share"].mean().reindex(labels)
        labels = [str(v) for v in _order(overall, None)]
        first = data[data["label"].astype(str) == labels[0]].groupby(data[by].astype(str))["share"].mean()
        groups = [str(g) for g in _order(first.reindex(groups), order)]
    colors = color_map(labels)
    step = 0.8 / max(len(labels), 1)
    for j, lab in enumerate(labels):
        sub = data[data["label"].astype(str) == lab].set_index(data[by].astype(str)[data["label"].astype(str) == lab])
        sub = sub.reindex(groups)
        est = sub["share"].to_numpy(dtype=float)
        lo = sub["ci_low"].to_numpy(dtype=float) if "ci_low" in sub else np.full(len(sub), np.nan)
        hi = sub["ci_high"].to_numpy(dtype=float) if "ci_high" in sub else lo
        ys = np.arange(len(groups)) + (j - (len(labels) - 1) / 2) * step
        ax.errorbar(est, ys, xerr=_err(est, lo, hi), fmt="o", ms=3.5, lw=0.8, color=colors[lab], label=lab)
    ax.set_yticks(np.arange(len(groups)), [_wrap(g) for g in groups])
    ax.invert_yaxis()
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel("share of mentions")
    _legend(ax, title="Label")
    return ax


def term_trajectories(data: pd.DataFrame, *, ax=None, by: str | None = None, period: str | None = None):
    """Rates of terms per period, one line per group (and term), with interval bands.

    Parameters
    ----------
    data : DataFrame
        From :func:`discourse.keyness.rates` with ``period`` (``period``, ``term``,
        ``rate``, ``ci_low``, ``ci_high`` and a group column; ``n`` and ``total`` to
        draw a coarser period). Undated documents counted in ``attrs["undated"]`` are
        named in a note under the axis.
    ax : Axes, optional
    by : str, optional
        The group column (default: the first column).
    period : {"D", "W", "M", "Q", "Y"}, optional
        Draw the rates by this coarser period (``n`` / ``total`` of each, without
        bands: intervals need the analysis run at that period). Default: the table's
        own periods unless it has more than 40 (then
        :func:`discourse.style.period_for` chooses).

    Returns
    -------
    Axes

    Examples
    --------
    >>> r = pd.DataFrame({"outlet": ["A", "A"], "period": ["2024-01", "2024-02"], "term": ["regime"] * 2,
    ...                   "rate": [2.0, 3.0], "ci_low": [1.0, 2.0], "ci_high": [3.0, 4.0]})
    >>> len(term_trajectories(r).get_lines())
    1
    """
    from discourse.style import color_map

    by = by or data.columns[0]
    _need(data, [by, "period", "term", "rate"], "plots.term_trajectories")
    ax = _ax(ax, (5.5, 3.0))
    d = data.dropna(subset=["period"]).assign(_g=lambda t: t[by].astype(str), _t=lambda t: t["term"].astype(str))
    coarse = None
    if len(d):
        if {"n", "total"} <= set(d.columns):
            d, coarse = _coarsen(d, ["_g", "_t"], period, {"n": d["n"].astype(float), "total": d["total"].astype(float)},
                                 lambda t: 1000.0 * t["n"] / t["total"].where(t["total"] > 0))
            if coarse is not None:
                d = d.rename(columns={"value": "rate"})
        else:  # rates without their counts: drawn at their own periods
            d = d.assign(_x=_period_start(d["period"]))
    groups = list(pd.unique(data[by].astype(str)))
    colors = color_map(groups)
    terms = list(pd.unique(data["term"].astype(str)))
    styles = ["-", "--", ":", "-."]
    for (g, t), sub in d.groupby(["_g", "_t"], sort=False):
        sub = sub.sort_values("_x")
        label = g if len(terms) == 1 else f"{g}: {t}"
        ax.plot(sub["_x"], sub["rate"].to_numpy(dtype=float), styles[terms.index(t) % 4], color=colors[g], lw=1.0,
                marker="o", ms=2.5 if len(sub) <= 24 else 1.5, label=label)
        if coarse is None and "ci_low" in sub:
            ax.fill_between(sub["_x"], sub["ci_low"].to_numpy(dtype=float), sub["ci_high"].to_numpy(dtype=float),
                            color=colors[g], alpha=0.15, lw=0)
    _date_axis(ax)
    ax.set_ylabel("per 1,000 words")
    ax.set_ylim(bottom=0)
    if coarse is not None:
        ax.set_xlabel(f"by {_UNIT[coarse]} (no bands)")
    _note(ax, _undated_note(data.attrs.get("undated")))
    if len(d):
        _legend(ax, title=by.capitalize())
    return ax
