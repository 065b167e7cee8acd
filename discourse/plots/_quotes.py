"""Plots for quotes: who is quoted (sources) and with which reporting verbs.

Both take the table from :func:`discourse.quotes.find` (plus an ``outlet`` column when
drawn ``by="outlet"``), take ``ax=None``, return the Axes, never save and never change
rcParams.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from discourse.plots._common import _ax, _legend, _need, _order, _wrap

__all__ = ["sources", "reporting_verbs"]

#: colours for reporting-verb groups (Okabe-Ito)
VERB_GROUP_COLORS: dict[str, str] = {
    "neutral": "#56B4E9",     # sky blue
    "distancing": "#D55E00",  # vermillion
    "endorsing": "#009E73",   # bluish green
}
_GROUPS = ("neutral", "distancing", "endorsing")




def _short(label: str, width: int = 32) -> str:
    label = str(label)
    return label if len(label) <= width else label[: width - 1] + "…"


def sources(quotes: pd.DataFrame, *, ax=None, n: int = 10, by: str | None = None,
            speaker: str = "speaker_resolved", kinds: Sequence[str] | None = None, value: str | None = None):
    """Most quoted sources: quotations per speaker, stacked by kind (or grouped by ``by``).

    Parameters
    ----------
    quotes : DataFrame
        Output of :func:`discourse.quotes.find` (``kind`` and the ``speaker`` column).
        Rows without a speaker are left out.
    ax : Axes, optional
    n : int, default 10
        Number of speakers shown (most quoted first; ties in alphabetical order).
    by : str, optional
        A grouping column (e.g. ``"outlet"``, merged in from the corpus): one bar per
        group for each speaker instead of bars stacked by kind.
    speaker : str, default "speaker_resolved"
        Column that names the speaker; ``"speaker"`` keeps references as written.
    kinds : list of str, optional
        Keep only these kinds (default: all).
    value : {"n", "share"}, optional
        Bar length: quotations, or the share of the group's quotations (default:
        ``"share"`` with ``by``, so outlets of different sizes compare, else ``"n"``).

    Returns
    -------
    Axes

    Examples
    --------
    >>> q = pd.DataFrame({"speaker_resolved": ["A", "A", "B"], "kind": ["direct", "partial", "direct"]})
    >>> ax = sources(q)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['A', 'B']
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    value = value or ("share" if by else "n")
    if value not in ("n", "share"):
        raise ValueError(f"value must be 'n' or 'share', got {value!r}")
    _need(quotes, [speaker, "kind"] + ([by] if by else []), "sources")
    ax = _ax(ax)
    data = quotes[quotes[speaker].notna()]
    if kinds is not None:
        data = data[data["kind"].isin(list(kinds))]
    counts = data.groupby(speaker).size()
    order = sorted(counts.index, key=lambda s: (-counts[s], str(s)))[:n]
    y = np.arange(len(order))
    if by is None:
        from discourse.style import KIND_COLORS

        left = np.zeros(len(order))
        kinds_present = [k for k in ("direct", "partial", "scare") if k in set(data["kind"])]
        total = max(len(data), 1) if value == "share" else 1
        for k in kinds_present:
            vals = np.array([((data[speaker] == s) & (data["kind"] == k)).sum() for s in order], dtype=float) / total
            ax.barh(y, vals, left=left, color=KIND_COLORS.get(k, "#999999"), height=0.7, label=k)
            left += vals
    else:
        groups = sorted(data[by].dropna().astype(str).unique())
        size = data[by].astype(str).value_counts()
        groups = sorted(groups, key=lambda g: (-int(size.get(g, 0)), g))  # largest group first
        k = max(len(groups), 1)
        h = 0.8 / k
        from discourse.style import color_map

        cmap = color_map(groups)  # one colour per outlet in every figure
        for i, g in enumerate(groups):
            color = cmap[g]
            sub = data[data[by].astype(str) == g]
            vals = np.array([(sub[speaker] == s).sum() for s in order], dtype=float)
            if value == "share":
                vals = vals / max(len(sub), 1)
            ax.barh(y - 0.4 + h * (i + 0.5), vals, height=h, color=color, label=f"{g} ({len(sub)})")
    ax.set_yticks(y, [_short(s) for s in order])
    ax.invert_yaxis()
    if value == "share":
        ax.set_xlabel("Share of the group's quotations" if by else "Share of quotations")
    else:
        ax.set_xlabel("Quotations")
        ax.xaxis.get_major_locator().set_params(integer=True)
    if len(order):
        _legend(ax, title=f"{by.capitalize()} (quotations)" if by else "Kind")
    return ax


def reporting_verbs(quotes: pd.DataFrame, *, ax=None, n: int = 15, by: str | None = None,
                    verb: str = "verb_lemma", order: Sequence[str] | None = None):
    """Reporting verbs, coloured by group (neutral, distancing, endorsing).

    Without ``by``: one bar per verb (the ``n`` most frequent). With ``by`` (e.g.
    ``"outlet"``): one bar per group value showing the share of attributed quotations
    whose verb is neutral, distancing or endorsing.

    Parameters
    ----------
    quotes : DataFrame
        Output of :func:`discourse.quotes.find` (``verb_lemma``, ``verb_group``).
        Rows without a reporting verb are left out.
    ax : Axes, optional
    n : int, default 15
        Number of verbs shown when ``by`` is None.
    by : str, optional
        Grouping column (merged in from the corpus).
    verb : str, default "verb_lemma"
        Column with the verb (``"verb"`` for the forms as written).
    order : list of str, optional
        Groups of ``by`` from top to bottom (default: by their share of distancing
        verbs, highest first).

    Returns
    -------
    Axes

    Examples
    --------
    >>> q = pd.DataFrame({"verb_lemma": ["say", "say", "claim"],
    ...                   "verb_group": ["neutral", "neutral", "distancing"]})
    >>> ax = reporting_verbs(q)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['say', 'claim']
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    _need(quotes, [verb, "verb_group"] + ([by] if by else []), "reporting_verbs")
    ax = _ax(ax)
    data = quotes[quotes[verb].notna() & quotes["verb_group"].notna()]
    if by is None:
        counts = data.groupby(verb).size()
        order = sorted(counts.index, key=lambda v: (-counts[v], str(v)))[:n]
        group_of = dict(zip(data[verb], data["verb_group"]))
        y = np.arange(len(order))
        ax.barh(y, [counts[v] for v in order], height=0.7,
                color=[VERB_GROUP_COLORS.get(group_of[v], "#999999") for v in order])
        ax.set_yticks(y, order)
        ax.invert_yaxis()
        ax.set_xlabel("Quotations")
        ax.xaxis.get_major_locator().set_params(integer=True)
        from matplotlib.patches import Patch

        present = [g for g in _GROUPS if g in set(group_of.values())]
        _legend(ax, [Patch(color=VERB_GROUP_COLORS[g]) for g in present], present, title="Verb group")
        return ax
    groups = sorted(data[by].dropna().astype(str).unique())
    share = (data.assign(_g=data[by].astype(str)).groupby(["_g", "verb_group"]).size()
             .unstack(fill_value=0).reindex(index=groups, columns=list(_GROUPS), fill_value=0))
    counts = share.sum(axis=1)
    totals = counts.replace(0, np.nan)
    share = share.div(totals, axis=0).fillna(0.0)
    groups = [str(g) for g in _order(share["distancing"], order)]
    share = share.reindex(groups, fill_value=0.0)
    y = np.arange(len(groups))
    left = np.zeros(len(groups))
    for g in _GROUPS:
        vals = share[g].to_numpy(dtype=float)
        ax.barh(y, vals, left=left, height=0.7, color=VERB_GROUP_COLORS[g], label=g)
        left += vals
    ax.set_yticks(y, [_wrap(g) for g in groups])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("Share of attributed quotations by reporting-verb group")
    _legend(ax, title="Verb group")
    return ax
