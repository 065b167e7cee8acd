"""Plots for framing: frame profiles with intervals, actor labels, covariate effects.

Each function takes a tidy table from :mod:`discourse.framing` or
:mod:`discourse.effects` and ``ax=None``, returns the Axes, never saves and never
changes rcParams.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from discourse.plots._common import _ax, _legend, _need, _note, _order, _title, _wrap

__all__ = ["frame_profile", "actor_labels", "effects"]



def _colors(n: int) -> list[str]:
    from discourse.style import PALETTE

    return [PALETTE[i % len(PALETTE)] for i in range(n)]


def _pretty(frame: str) -> str:
    return str(frame).replace("_", " ")


def _dodged_dots(ax, d: pd.DataFrame, row: str, rows: list, by: str | None, groups: list, label) -> None:
    """One dot with its interval per row of ``d``, at the position of its ``row`` value in
    ``rows``, groups (values of ``by``) side by side in their own colour; missing group
    values are a group too."""
    k = len(groups)
    offsets = np.linspace(-0.4, 0.4, k + 2)[1:-1] if k > 1 else np.array([0.0])
    ypos = {r: i for i, r in enumerate(rows)}
    for g, color, off in zip(groups, _colors(k), offsets):
        sub = d if g is None else d[d[by].isna()] if pd.isna(g) else d[d[by] == g]
        y = sub[row].map(ypos).to_numpy(dtype=float) + off
        x = sub["estimate"].to_numpy(dtype=float)
        err = np.vstack([x - sub["ci_low"].to_numpy(dtype=float), sub["ci_high"].to_numpy(dtype=float) - x])
        ax.errorbar(x, y, xerr=np.clip(err, 0, None), fmt="o", color=color, ecolor=color, elinewidth=0.8,
                    capsize=0, markersize=3.5, label=None if g is None else label(g))



def _baseline(est: pd.DataFrame, d: pd.DataFrame, variable: str | None) -> str | None:
    """The level every drawn difference is taken from: the ``baseline`` column, else
    ``est.attrs["baseline"][variable]``; None when unknown."""
    if "baseline" in d.columns:
        values = [str(v) for v in dict.fromkeys(d["baseline"].dropna())]
        if values:
            return ", ".join(values)
    base = est.attrs.get("baseline")
    if isinstance(base, dict) and variable in base:
        return str(base[variable])
    return None


def frame_profile(agg: pd.DataFrame, *, by: str = "outlet", frames: Sequence[str] | None = None,
                  ax=None, xlabel: str | None = None):
    """Mean frame score per group with intervals: one row per frame, one colour per group.

    Parameters
    ----------
    agg : DataFrame
        Output of :func:`discourse.framing.aggregate` (``frame``, ``estimate``,
        ``ci_low``, ``ci_high`` and the ``by`` column).
    by : str
        Group column drawn as colours (default ``"outlet"``); ``None`` or a missing
        column draws one series.
    frames : list of str, optional
        Frames to show, in this order (default: every frame, the highest mean
        estimate over the groups at the top).
    ax : Axes, optional

    Returns
    -------
    Axes
    """
    _need(agg, ["frame", "estimate", "ci_low", "ci_high"], "frame_profile")
    ax = _ax(ax, (5.0, 3.0))
    present = list(dict.fromkeys(agg["frame"]))
    frames = _order(agg.groupby("frame", sort=False)["estimate"].mean().reindex(present), frames)
    groups = list(dict.fromkeys(agg[by])) if by is not None and by in agg.columns else [None]
    _dodged_dots(ax, agg[agg["frame"].isin(frames)], "frame", frames, by, groups, str)
    ax.set_yticks(range(len(frames)), [_wrap(_pretty(f)) for f in frames])
    ax.invert_yaxis()
    ax.set_xlim(left=0)
    ax.set_xlabel(xlabel or "Mean share of frame indicators (95% bootstrap interval)")
    if groups != [None]:
        _legend(ax, title=by.capitalize() if isinstance(by, str) else None)
    return ax


def actor_labels(summary: pd.DataFrame, *, by: str = "outlet", actor: str | None = None,
                 top: int = 8, ax=None, value: str = "share"):
    """The most frequent labels of an actor, compared across groups.

    Parameters
    ----------
    summary : DataFrame
        Output of :func:`discourse.framing.label_summary` (``actor``, ``label``,
        ``n``, ``share`` and the ``by`` column).
    by : str
        Group column drawn as colours (default ``"outlet"``).
    actor : str, optional
        Which actor (default: the most mentioned).
    top : int
        Labels shown: the ``top`` most frequent over all groups.
    value : {"share", "n"}
        Bar length: share of the actor's labelled mentions in the group, or count.
    ax : Axes, optional

    Returns
    -------
    Axes
    """
    _need(summary, ["actor", "label", "n", value], "actor_labels")
    ax = _ax(ax, (5.0, 3.0))
    if summary.empty:
        ax.text(0.5, 0.5, "no labelled mentions", ha="center", va="center", transform=ax.transAxes)
        return ax
    if actor is None:
        actor = summary.groupby("actor")["n"].sum().sort_values(ascending=False, kind="stable").index[0]
    sub = summary[summary["actor"] == actor]
    totals = sub.groupby("label")["n"].sum().sort_values(ascending=False, kind="stable")
    labels = list(totals.index[:top])
    sub = sub[sub["label"].isin(labels)]
    groups = list(dict.fromkeys(sub[by])) if by in sub.columns else [None]
    k = len(groups)
    h = 0.8 / k
    for i, (g, color) in enumerate(zip(groups, _colors(k))):
        part = sub if g is None else sub[sub[by] == g]
        vals = part.set_index("label")[value].reindex(labels).fillna(0).to_numpy(dtype=float)
        y = np.arange(len(labels)) - 0.4 + h * (i + 0.5)
        ax.barh(y, vals, height=h, color=color, label=None if g is None else str(g))
    ax.set_yticks(range(len(labels)), [_wrap(lab) for lab in labels])
    ax.invert_yaxis()
    ax.set_xlabel("Share of labelled mentions" if value == "share" else "Mentions")
    _title(ax, f"How {actor} is labelled")
    if groups != [None]:
        _legend(ax, title=by.capitalize())
    return ax


def effects(est: pd.DataFrame, *, variable: str | None = "outlet", by: str | None = None, ax=None,
            xlabel: str = "Estimated difference in share (95% interval)", order=None):
    """Coefficient plot of estimated differences with their intervals.

    Parameters
    ----------
    est : DataFrame
        Output of :func:`discourse.effects.estimate` or
        :func:`discourse.effects.differences`.
    variable : str, optional
        Keep only this covariate's contrasts (default ``"outlet"``; ``None``: every
        term except the intercept).
    by : str, optional
        Column drawn as colours (default: ``frame`` or ``topic`` when present).
    ax : Axes, optional
    xlabel : str
        The axis label; the baseline every difference is taken from (the ``baseline``
        column of :func:`~discourse.effects.differences`, or ``attrs["baseline"]``) is
        named under it and at the zero line; documents the model left out for a missing
        covariate (``attrs["dropped"]``) are counted under it too.
    order : list of str, optional
        Rows (levels) from top to bottom (default: by mean estimate, largest first).

    Returns
    -------
    Axes
    """
    _need(est, ["term", "estimate", "ci_low", "ci_high"], "effects")
    ax = _ax(ax, (5.0, 3.0))
    d = est[est["term"] != "Intercept"]
    if variable is not None and "variable" in d.columns:
        d = d[d["variable"] == variable]
    if d.empty:
        raise ValueError(f"no coefficients to plot for variable {variable!r}")
    ylab = d["level"].where(d["level"].notna(), d["term"]) if "level" in d.columns else d["term"]
    d = d.assign(_y=ylab.astype(str))
    if by is None:
        by = next((c for c in ("frame", "topic") if c in d.columns), None)
    rows = _order(d.groupby("_y", sort=False)["estimate"].mean().reindex(list(dict.fromkeys(d["_y"]))), order)
    groups = list(dict.fromkeys(d[by])) if by is not None else [None]
    _dodged_dots(ax, d[d["_y"].isin(rows)], "_y", rows, by, groups, _pretty)
    ax.axvline(0, color="#808080", linewidth=0.6, zorder=0)
    ax.set_yticks(range(len(rows)), [_wrap(r) for r in rows])
    ax.invert_yaxis()
    base = _baseline(est, d, variable)
    ax.set_xlabel(xlabel + (f"\nbaseline (0): {base}" if base else ""))
    dropped = {k: int(v) for k, v in (est.attrs.get("dropped") or {}).items() if v}
    if dropped:  # documents left out of the model for a missing covariate (undated ones for month/year)
        _note(ax, "; ".join(f"{n} document{'s' if n != 1 else ''} without {k} left out" for k, n in dropped.items()))
    if groups != [None]:
        _legend(ax, title=by.capitalize())
    return ax
