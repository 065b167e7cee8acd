"""Samples of units to code by hand: stratified random draws and their context.

A unit is whatever a researcher checks against careful reading: a lexicon match with
its KWIC context (:func:`discourse.terms.kwic`), a quotation, a sentence or a whole
document. :func:`sample` draws them; :func:`context` adds the text around a span.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from discourse.words import WORD_PATTERN

__all__ = ["sample", "context", "consensus"]


def _keys(by) -> list[str]:
    return [] if by is None else ([by] if isinstance(by, str) else list(by))


def sample(units: pd.DataFrame, *, n: int | float, by: str | Sequence[str] | None = None,
           random_state: int | None = 0) -> pd.DataFrame:
    """A (stratified) random sample of units, in random order, with unit ids.

    Parameters
    ----------
    units : DataFrame
        One row per unit: matches with their KWIC context (``terms.kwic``),
        quotations (``quotes.find``), sentences (``text.sentences``) or documents.
    n : int or float
        Number of units to draw from each stratum (all of a smaller stratum), or,
        as a float in (0, 1], the share of each stratum (proportional allocation,
        rounded, at least one unit per stratum).
    by : str or list of str, optional
        Strata (``"pattern"`` to see the precision of every pattern, ``"outlet"`` ...).
        Without ``by``, ``n`` units are drawn from the whole table.
    random_state : int
        Seed; the same seed gives the same sample.

    Returns
    -------
    DataFrame
        The drawn rows with all their columns, in random order, after two new first
        columns: ``unit`` (``"u0001"`` …, the id used on coding sheets) and
        ``sampling_weight`` (stratum size / units drawn from it: weight a coded
        sample by it to estimate a share over all units rather than per stratum).

    Examples
    --------
    >>> units = pd.DataFrame({"pattern": list("aaaab"), "match": list("vwxyz")})
    >>> s = sample(units, n=2, by="pattern")
    >>> s.groupby("pattern").size().to_dict(), s["unit"].tolist()
    ({'a': 2, 'b': 1}, ['u0001', 'u0002', 'u0003'])
    """
    if not isinstance(units, pd.DataFrame):
        raise TypeError(f"units must be a DataFrame, not {type(units).__name__}")
    if "unit" in units.columns or "sampling_weight" in units.columns:
        raise ValueError("units already has a 'unit' or 'sampling_weight' column: is it a sample already? "
                         "Rename the column to draw from it")
    if isinstance(n, bool) or not isinstance(n, (int, float, np.integer, np.floating)):
        raise TypeError(f"n must be a number of units (int) or a share (float in (0, 1]), not {n!r}")
    if isinstance(n, (float, np.floating)) and not 0 < n <= 1:
        raise ValueError(f"n as a float is a share of each stratum and must be in (0, 1], not {n}")
    if isinstance(n, (int, np.integer)) and n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    keys = _keys(by)
    missing = [k for k in keys if k not in units.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in units (columns: {list(units.columns)})")
    if len(units) == 0:
        raise ValueError("units is empty: nothing to sample")
    rng = np.random.default_rng(random_state)
    pos = np.arange(len(units))
    groups = ([pos] if not keys else
              [g.to_numpy() for _, g in pd.Series(pos).groupby([units[k].to_numpy() for k in keys],
                                                              sort=True, dropna=False)])
    chosen, weight = [], []
    for g in groups:
        k = int(n) if isinstance(n, (int, np.integer)) else max(1, int(round(n * len(g))))
        k = min(k, len(g))
        chosen.append(rng.choice(g, size=k, replace=False))
        weight.append(np.full(k, len(g) / k))
    chosen_a, weight_a = np.concatenate(chosen), np.concatenate(weight)
    order = rng.permutation(len(chosen_a))
    out = units.iloc[chosen_a[order]].reset_index(drop=True)
    out.insert(0, "sampling_weight", weight_a[order])
    out.insert(0, "unit", pd.array([f"u{i:04d}" for i in range(1, len(out) + 1)], dtype="string"))
    return out


def _left(t: str, a: int, n: int) -> str:
    """The ``n`` words (by WORD_PATTERN) before offset ``a``, with what stands between them."""
    if n == 0:
        return ""
    lo = max(0, a - 40 * n)
    ms = list(WORD_PATTERN.finditer(t, lo, a))
    while len(ms) <= n and lo > 0:  # the first match may be cut: look further back
        lo = max(0, lo - 40 * n)
        ms = list(WORD_PATTERN.finditer(t, lo, a))
    if not ms:
        return t[lo:a]
    return t[ms[-n].start() if len(ms) >= n else lo:a]


def _right(t: str, b: int, n: int) -> str:
    """The ``n`` words after offset ``b`` (and the punctuation glued to the last one)."""
    if n == 0:
        return ""
    hi = min(len(t), b + 40 * n)
    ms = list(WORD_PATTERN.finditer(t, b, hi))
    while len(ms) <= n and hi < len(t):
        hi = min(len(t), hi + 40 * n)
        ms = list(WORD_PATTERN.finditer(t, b, hi))
    if len(ms) < n:
        return t[b:]
    end = ms[n - 1].end()
    while end < len(t) and not t[end].isspace() and not t[end].isalnum():
        end += 1
    return t[b:end]


def context(units: pd.DataFrame, corpus: pd.DataFrame, *, window: int = 20) -> pd.DataFrame:
    """Add the text around each span: ``left``, ``span`` and ``right`` columns.

    For quotations, sentences or any table with ``doc_id``, ``start`` and ``end``
    indexing into the corpus text, so that a coder reads the span in context (as
    :func:`discourse.terms.kwic` does for matches). Existing ``left``/``right``/``span``
    columns are replaced.

    Parameters
    ----------
    units : DataFrame
        ``doc_id``, ``start``, ``end`` and anything else.
    corpus : DataFrame
        The corpus the offsets index into (``doc_id``, ``text``).
    window : int, default 20
        Words of context on each side (words by :data:`discourse.words.WORD_PATTERN`,
        as every ``window=`` of the package counts them).

    Returns
    -------
    DataFrame
        A copy of ``units`` with ``left``, ``span``, ``right``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["d1"], "text": ["He said the plan was a reckless gamble today."]})
    >>> spans = pd.DataFrame({"doc_id": ["d1"], "start": [21], "end": [38]})
    >>> context(spans, corpus, window=2)[["left", "span", "right"]].iloc[0].tolist()
    ['plan was', 'a reckless gamble', 'today.']
    """
    for col in ("doc_id", "start", "end"):
        if col not in units.columns:
            raise KeyError(f"units needs a {col!r} column (offsets into the corpus text)")
    for col in ("doc_id", "text"):
        if col not in corpus.columns:
            raise KeyError(f"corpus needs a {col!r} column")
    if window < 0:
        raise ValueError(f"window must be >= 0, not {window}")
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"].astype(str)))
    unknown = sorted(set(units["doc_id"].astype(str)) - set(texts))
    if unknown:
        raise KeyError(f"units has doc_id(s) not in corpus: {unknown[:5]}")
    left, span, right = [], [], []
    for d, a, b in zip(units["doc_id"].astype(str), units["start"].astype(int), units["end"].astype(int)):
        t = texts[d]
        if not 0 <= a <= b <= len(t):
            raise ValueError(f"units: span {a}-{b} is outside document {d} (length {len(t)})")
        lo, hi = _left(t, a, window), _right(t, b, window)
        left.append(" ".join(lo.split()))
        span.append(t[a:b])
        right.append(" ".join(hi.split()))
    out = units.drop(columns=[c for c in ("left", "span", "right") if c in units.columns]).copy()
    out["left"] = pd.array(left, dtype="string")
    out["span"] = pd.array(span, dtype="string")
    out["right"] = pd.array(right, dtype="string")
    return out.reset_index(drop=True)


def consensus(codes: pd.DataFrame, *, unit: str = "unit", coder: str = "coder", value: str = "code",
              min_share: float = 0.5) -> pd.DataFrame:
    """One code per unit: the code most coders gave it (strict majority by default).

    Parameters
    ----------
    codes : DataFrame
        Long table of codes, one row per unit and coder (missing codes left out).
    unit, coder, value : str
        Columns holding the unit id, the coder and the code.
    min_share : float
        A code wins when more than this share of the unit's codes give it; otherwise
        (a tie, no majority) the unit's ``code`` is missing, for adjudication.

    Returns
    -------
    DataFrame
        ``unit``, ``code`` (named as in ``codes``; the winning code, or NA),
        ``n_coders`` (codes given),
        ``agreement`` (share of the codes equal to the most frequent one).

    Examples
    --------
    >>> codes = pd.DataFrame({"unit": ["u1"] * 3 + ["u2"] * 2, "coder": ["a", "b", "c", "a", "b"],
    ...                       "code": ["yes", "yes", "no", "yes", "no"]})
    >>> consensus(codes)["code"].tolist()
    ['yes', nan]
    """
    for name, col in (("unit", unit), ("coder", coder), ("value", value)):
        if col not in codes.columns:
            raise KeyError(f"{name}: column {col!r} not in codes (columns: {list(codes.columns)})")
    if not 0 <= min_share < 1:
        raise ValueError(f"min_share must be in [0, 1), not {min_share}")
    rows = []
    for u, g in codes[codes[value].notna()].groupby(unit, sort=True):
        counts = g[value].value_counts(sort=False)
        top = counts.max()
        winners = counts.index[counts == top].tolist()
        share = top / counts.sum()
        code = winners[0] if len(winners) == 1 and share > min_share else np.nan
        rows.append((u, code, int(counts.sum()), float(share)))
    return pd.DataFrame(rows, columns=[unit, value, "n_coders", "agreement"])
