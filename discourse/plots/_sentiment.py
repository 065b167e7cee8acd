"""Plots for sentiment: the arc through an article, and sentiment toward actors.

Both take the tables of :mod:`discourse.sentiment` (:func:`~discourse.sentiment.arc`,
:func:`~discourse.sentiment.toward`), take ``ax=None``, return the Axes, never save and
never change rcParams.
"""
from __future__ import annotations


import numpy as np
import pandas as pd

from discourse.plots._common import VOICE_MARKERS, _ax, _legend, _need, _order, _wrap

__all__ = ["sentiment_arc", "sentiment_toward"]




def sentiment_arc(
    data: pd.DataFrame,
    *,
    ax=None,
    x: str = "position",
    y: str = "estimate",
    by: str | None = "doc_id",
    band: bool = True,
    labels: dict | None = None,
):
    """Draw the sentiment arc of one or more articles.

    Parameters
    ----------
    data : DataFrame
        From :func:`discourse.sentiment.arc`: ``doc_id``, ``position`` (or
        ``relative``), ``estimate`` (mean sentence compound) and, for the band,
        ``ci_low`` / ``ci_high``.
    ax : matplotlib Axes, optional
    x : {"position", "relative"}
        Paragraph (or slice) number, or position in the article as a share (0-1).
    y : str, default "estimate"
        Column to draw (``"estimate"``, ``"pos_share"``, ``"neg_share"``).
    by : str or None, default "doc_id"
        One line per value of this column (``None``: one line).
    band : bool, default True
        Shade the bootstrap interval (``ci_low`` .. ``ci_high`` for ``"estimate"``,
        else ``<y>_low`` .. ``<y>_high``) when present; points without one are not
        shaded, a point with one between points without is drawn as a bar.
    labels : dict, optional
        Legend label per ``by`` value (default: the value itself; no legend for one line).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> d = pd.DataFrame({"doc_id": ["a"] * 3, "position": [0, 1, 2], "estimate": [0.2, -0.4, 0.1]})
    >>> ax = sentiment_arc(d)
    >>> ax.get_ylabel()
    'Mean sentence compound'
    """
    from discourse import style

    _need(data, [x, y], "sentiment_arc")
    ax = _ax(ax)
    groups = [(None, data)] if by is None else list(data.groupby(by, sort=True))
    colors = style.color_map([k for k, _ in groups]) if by is not None else {None: style.PALETTE[0]}
    for key, d in groups:
        d = d.sort_values(x, kind="stable")
        xs = d[x].to_numpy(dtype=float)
        ys = d[y].to_numpy(dtype=float)
        color = colors[key]
        lab = None if len(groups) == 1 else (labels or {}).get(key, str(key))
        ax.plot(xs, ys, marker="o", markersize=3, linewidth=1.2, color=color, label=lab, zorder=3)
        lo, hi = ("ci_low", "ci_high") if y == "estimate" else (f"{y}_low", f"{y}_high")
        if band and lo in d.columns and hi in d.columns and d[lo].notna().any():
            los, his = d[lo].to_numpy(dtype=float), d[hi].to_numpy(dtype=float)
            ax.fill_between(xs, los, his, color=color, alpha=0.2, linewidth=0, zorder=2)
            # a point with an interval between points without one (a one-sentence
            # paragraph has none) gets no band from fill_between: draw it as a bar
            ok = ~(np.isnan(los) | np.isnan(his))
            alone = ok & ~np.r_[False, ok[:-1]] & ~np.r_[ok[1:], False]
            if alone.any():
                ax.vlines(xs[alone], los[alone], his[alone], color=color, alpha=0.2, linewidth=4, zorder=2)
    ax.axhline(0, color="0.5", linewidth=0.6, zorder=1)
    if y in ("estimate", "compound"):
        ax.set_ylim(-1.05, 1.05)
        ax.set_ylabel("Mean sentence compound")
    else:
        ax.set_ylabel(style.label(y))
    ax.set_xlabel("Paragraph" if x == "position" else ("Position in article" if x == "relative" else style.label(x)))
    if x == "position" and len(data):
        ax.xaxis.get_major_locator().set_params(integer=True)
    if len(groups) > 1:
        _legend(ax)
    return ax


def sentiment_toward(
    data: pd.DataFrame,
    *,
    ax=None,
    y: str = "target",
    hue: str | None = "outlet",
    style_by: str | None = "voice",
    min_n: int = 1,
    order=None,
):
    """Dot-and-whisker plot of sentiment toward actors or terms, with intervals.

    Parameters
    ----------
    data : DataFrame
        From :func:`discourse.sentiment.toward`: ``target``, ``estimate``,
        ``ci_low``, ``ci_high``, ``n`` and the group columns (with ``left_out``, the
        axis says that the labels were left out of the scores).
    ax : matplotlib Axes, optional
    y : str, default "target"
        One row of the plot per value.
    hue : str or None, default "outlet"
        Colour per value (dodged within a row).
    style_by : str or None, default "voice"
        Marker per value (``authorial`` circle, ``quoted`` square, ``scare``
        triangle); dodged within a row too. Ignored when ``data`` has no such column
        (:func:`discourse.sentiment.toward` pools voices unless ``by`` has ``"voice"``).
    min_n : int, default 1
        Leave out groups with fewer mentions (``n``).
    order : list, optional
        Rows from top to bottom (default: by mean estimate, most positive at the top).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> d = pd.DataFrame({"target": ["army", "army"], "outlet": ["x", "y"], "voice": ["authorial"] * 2,
    ...                   "estimate": [0.3, -0.2], "ci_low": [0.1, -0.4], "ci_high": [0.5, 0.0], "n": [5, 4]})
    >>> ax = sentiment_toward(d)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['army']
    """
    from discourse import style

    _need(data, [y, "estimate"], "sentiment_toward")
    ax = _ax(ax)
    d = data[data["n"] >= min_n] if "n" in data.columns else data
    if style_by and style_by not in d.columns:  # e.g. toward() pooled over voices: one marker
        style_by = None
    rows = sorted(d[y].dropna().unique().tolist(), key=str)
    rows = _order(d.groupby(y)["estimate"].mean().reindex(rows), order)
    hues = sorted(d[hue].dropna().unique().tolist(), key=str) if hue else [None]
    styles = sorted(d[style_by].dropna().unique().tolist(), key=str) if style_by else [None]
    colors = style.color_map(hues) if hue else {None: style.PALETTE[0]}
    present = set(zip(d[hue] if hue else [None] * len(d), d[style_by] if style_by else [None] * len(d)))
    slots = [(h, s) for h in hues for s in styles if (h, s) in present]
    width = 0.8
    step = width / max(len(slots), 1)
    for j, (h, s) in enumerate(slots):
        sub = d
        if hue:
            sub = sub[sub[hue] == h]
        if style_by:
            sub = sub[sub[style_by] == s]
        sub = sub[sub[y].isin(rows)]
        if not len(sub):
            continue
        ypos = np.array([rows.index(v) for v in sub[y]], dtype=float)
        ypos = ypos - width / 2 + step * (j + 0.5)
        est = sub["estimate"].to_numpy(dtype=float)
        if "ci_low" in sub.columns and "ci_high" in sub.columns:
            err = np.vstack([est - sub["ci_low"].to_numpy(dtype=float), sub["ci_high"].to_numpy(dtype=float) - est])
            err = np.where(np.isfinite(err), np.maximum(err, 0), 0)
            ax.errorbar(est, ypos, xerr=err, fmt="none", ecolor=colors[h], elinewidth=1, capsize=0, zorder=2)
        ax.scatter(est, ypos, color=colors[h], marker=VOICE_MARKERS.get(s, "o"), s=18, zorder=3,
                   edgecolors="white", linewidths=0.4)
    ax.axvline(0, color="0.5", linewidth=0.6, zorder=1)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([_wrap(r) for r in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    cut = "left_out" in data.columns and bool(data["left_out"].notna().any())
    ax.set_xlabel("Mean compound of mentioning sentences" + (" (labels left out)" if cut else ""))
    from matplotlib.lines import Line2D

    handles = []
    if hue and len(hues) > 1:
        handles += [Line2D([], [], color=colors[h], marker="o", linestyle="", label=str(h)) for h in hues]
    if style_by and len(styles) > 1:
        handles += [Line2D([], [], color="0.3", marker=VOICE_MARKERS.get(s, "o"), linestyle="", label=str(s))
                    for s in styles]
    if handles:
        _legend(ax, handles)
    return ax
