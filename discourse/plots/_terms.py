"""Plots for loaded terms: where they sit in an article and in whose voice; rates.

Both take tables from :mod:`discourse.terms`, take ``ax=None``, return the Axes,
never save and never change rcParams.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from discourse.plots._common import VOICE_MARKERS, _ax, _legend, _need, _order, _wrap
from discourse.voice import VOICES

__all__ = ["terms_in_article", "term_rates"]
_VOICE_ORDER = VOICES


def _voice_colors(values) -> dict:
    """Known voices keep their :data:`discourse.style.VOICE_COLORS`; other values (a
    voice the style has no colour for, or no voices at all) take palette colours."""
    from discourse.style import VOICE_COLORS, color_map

    vals = [v for v in values if v == v and v is not pd.NA]
    if all(v in VOICE_COLORS for v in vals):
        return dict(VOICE_COLORS)
    known = [v for v in vals if v in VOICE_COLORS]
    if known and all(v in VOICES for v in vals):
        taken = set(VOICE_COLORS.values())
        spare = [c for c in color_map([f"_{i}" for i in range(len(vals) + len(taken))]).values() if c not in taken]
        out = dict(VOICE_COLORS)
        out.update({v: spare[i % len(spare)] for i, v in enumerate(v for v in vals if v not in VOICE_COLORS)})
        return out
    return color_map(vals)


def terms_in_article(matches: pd.DataFrame, article, *, ax=None, doc_id: str | None = None,
                     labels: bool = True, order: Sequence[str] | None = None, fontsize: float = 5.5):
    """Where the loaded terms sit in one article, by category, and in whose voice.

    One row per category; each match is a marker at its position in the article (in
    % of the text), coloured and shaped by ``voice`` (authorial ○, quoted □,
    scare △). With the article's text, paragraph breaks are drawn as faint lines.

    Parameters
    ----------
    matches : DataFrame
        From :func:`discourse.terms.find` (``doc_id``, ``start``, ``category``,
        ``voice``, ``match``).
    article : int, Series or one-row DataFrame
        The article: its text length in characters, or its corpus row (``doc_id``,
        ``text``), which also selects its matches and gives paragraph breaks.
    ax : Axes, optional
    doc_id : str, optional
        Which document's matches to draw (default: the article's, else the first).
    labels : bool
        Write each matched text next to its marker.
    order : list of str, optional
        Category order from top to bottom (default: order of first appearance).
    fontsize : float
        Size of the labels.

    Returns
    -------
    Axes

    Examples
    --------
    >>> m = pd.DataFrame({"doc_id": ["a", "a"], "start": [10, 80], "end": [16, 92],
    ...                   "category": ["label", "euphemism"], "voice": ["authorial", "scare"],
    ...                   "match": ["regime", "kinetic action"]})
    >>> ax = terms_in_article(m, 100)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['label', 'euphemism']
    """
    _need(matches, ["start", "category", "voice"], "terms_in_article")
    text = None
    if isinstance(article, pd.DataFrame):
        if len(article) != 1:
            raise ValueError(f"article must be one corpus row, got {len(article)} rows")
        article = article.iloc[0]
    if isinstance(article, pd.Series):
        text = str(article["text"])
        n_chars = len(text)
        doc_id = doc_id if doc_id is not None else article.get("doc_id")
    else:
        n_chars = int(article)
    if n_chars <= 0:
        raise ValueError("the article has no text")
    m = matches
    if "doc_id" in m.columns:
        if doc_id is None and len(m):
            doc_id = m["doc_id"].iloc[0]
        m = m[m["doc_id"] == doc_id]
    ax = _ax(ax, (6.0, 3.0))
    cats = list(order) if order is not None else list(pd.unique(m["category"]))
    ypos = {c: i for i, c in enumerate(cats)}
    colors = _voice_colors(m["voice"].unique())
    if text is not None:
        import re

        for b in (mt.start() for mt in re.finditer(r"\n\s*\n", text)):
            ax.axvline(100 * b / n_chars, color="#E4E4E4", lw=0.4, zorder=0)
    x = 100 * m["start"].to_numpy(dtype=float) / n_chars
    y = np.array([ypos.get(c, np.nan) for c in m["category"]], dtype=float)
    voices = m["voice"].astype(object).where(m["voice"].notna(), "unknown").to_numpy()
    shown = [v for v in _VOICE_ORDER if v in set(voices)] + sorted(set(voices) - set(_VOICE_ORDER))
    for v in shown:
        sel = voices == v
        ax.scatter(x[sel], y[sel], marker=VOICE_MARKERS.get(v, "D"), s=22, color=colors.get(v, "#777777"),
                   edgecolor="white", linewidth=0.4, label=v, zorder=3)
    if labels and "match" in m.columns:
        # label width in % of the axis, from the figure size (no renderer needed)
        fig_w = ax.figure.get_size_inches()[0] * ax.get_position().width * 72.0
        pct_per_char = 100.0 * 0.55 * fontsize / max(fig_w, 1.0)
        taken: dict[tuple[float, int], list[tuple[float, float]]] = {}
        levels = [(0, 1), (1, -1), (2, 1), (3, -1)]  # (index, above/below)
        for xi, yi, t in sorted(zip(x, y, m["match"].astype(str)), key=lambda r: (r[1], r[0])):
            if np.isnan(yi):
                continue
            half = len(t) * pct_per_char / 2 + 0.8
            lo, hi = xi - half, xi + half
            chosen = levels[-1]
            for lev in levels:
                spans = taken.setdefault((yi, lev[0]), [])
                if all(hi <= a or lo >= b for a, b in spans):
                    chosen = lev
                    break
            taken.setdefault((yi, chosen[0]), []).append((lo, hi))
            dy = (4 + 7 * (chosen[0] // 2)) * chosen[1]
            ax.annotate(t, (xi, yi), xytext=(0, dy), textcoords="offset points", ha="center",
                        va="bottom" if dy > 0 else "top", fontsize=fontsize, color="#333333", zorder=4)
    ax.set_yticks(range(len(cats)), cats)
    ax.set_ylim(len(cats) - 0.4, -0.6)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Position in article (% of text)")
    ax.grid(axis="y", color="#EEEEEE", lw=0.5, zorder=0)
    ax.set_axisbelow(True)
    if shown:
        _legend(ax, title="Voice", where="right", handletextpad=0.2)
    return ax


def term_rates(rates: pd.DataFrame, *, ax=None, y: str = "category", hue: str | None = "voice",
               order: Sequence[str] | None = None, hue_order: Sequence[str] | None = None,
               legend: bool = True):
    """Rates per 1,000 words with confidence intervals, by category (and voice).

    Parameters
    ----------
    rates : DataFrame
        From :func:`discourse.terms.rates` at group level (``rate``, optionally
        ``ci_low``/``ci_high``), with a ``y`` column (``category``) and optionally a
        ``hue`` column (``voice``). Filter to one outlet before drawing, or draw one
        Axes per outlet.
    ax : Axes, optional
    y : str
        Column on the vertical axis.
    hue : str or None
        Column for dodged, coloured point ranges (``voice``); None for one series.
    order, hue_order : list of str, optional
        Orders of the ``y`` and ``hue`` values (default: ``y`` values by their rate
        summed over ``hue``, highest at the top; voices in the order authorial,
        quoted, scare). A rate of zero is drawn as a marker on the zero line.
    legend : bool

    Returns
    -------
    Axes

    Examples
    --------
    >>> r = pd.DataFrame({"category": ["label", "label"], "voice": ["authorial", "quoted"],
    ...                   "rate": [2.0, 1.0], "ci_low": [1.0, 0.5], "ci_high": [3.0, 1.5]})
    >>> ax = term_rates(r)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['label']
    """
    _need(rates, [y, "rate"], "term_rates")
    if hue is not None:
        _need(rates, [hue], "term_rates")
    ax = _ax(ax, size=(3.5, 2.8))
    present_y = sorted(pd.unique(rates[y].dropna()).tolist(), key=str)
    cats = _order(rates.groupby(y)["rate"].sum(min_count=1).reindex(present_y), order)
    if hue is None:
        hues: list = [None]
    elif hue_order is not None:
        hues = list(hue_order)
    else:
        present = set(rates[hue].dropna())
        hues = [v for v in _VOICE_ORDER if v in present] + sorted(present - set(_VOICE_ORDER), key=str)
    colors = _voice_colors(hues) if hue is not None else {None: "#0072B2"}
    k = len(hues)
    step = 0.7 / max(k, 1)
    has_ci = {"ci_low", "ci_high"}.issubset(rates.columns)
    for j, h in enumerate(hues):
        sub = rates if h is None else rates[rates[hue] == h]
        sub = sub.set_index(y).reindex(cats)
        ypos = np.arange(len(cats)) + (j - (k - 1) / 2) * step
        r = sub["rate"].to_numpy(dtype=float)
        if has_ci:
            lo = sub["ci_low"].to_numpy(dtype=float)
            hi = sub["ci_high"].to_numpy(dtype=float)
            ok = ~np.isnan(lo) & ~np.isnan(hi) & ~np.isnan(r)
            ax.hlines(ypos[ok], lo[ok], hi[ok], color=colors.get(h, "#777777"), lw=1.0, zorder=2)
        ax.scatter(r, ypos, marker=VOICE_MARKERS.get(h, "o") if h is not None else "o", s=16,
                   color=colors.get(h, "#777777"), edgecolor="white", linewidth=0.4, zorder=3,
                   label=str(h) if h is not None else None, clip_on=False)  # a zero stays whole
    ax.set_yticks(range(len(cats)), [_wrap(c) for c in cats])
    ax.set_ylim(len(cats) - 0.5, -0.5)
    cols = [c for c in ("rate", "ci_high") if c in rates.columns]
    data_hi = np.nanmax(rates[cols].to_numpy(dtype=float)) if len(rates) else np.nan
    hi = data_hi * 1.08 if np.isfinite(data_hi) and data_hi > 0 else 1.0
    ax.set_xlim(-0.03 * hi, hi)  # room for a marker at zero
    from discourse.style import label

    ax.set_xlabel(label("rate"))
    ax.grid(axis="x", color="#EEEEEE", lw=0.5)
    ax.set_axisbelow(True)
    if legend and hue is not None and k > 1:
        _legend(ax, title=label(hue))
    return ax
