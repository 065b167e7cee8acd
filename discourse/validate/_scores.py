"""Scores of an automated analysis against coded data: spans, labels, lexicon patterns.

Precision, recall and F1 follow the usual definitions; a value that cannot be
computed (precision without predictions, recall without gold items) is NaN in its
row, never inf, and counts as 0 in macro averages (as in scikit-learn).
"""
from __future__ import annotations

from statistics import NormalDist
from typing import Literal, Sequence

import numpy as np
import pandas as pd

__all__ = ["spans", "overlaps", "labels", "pattern_precision"]

ALL = "(all)"
_SCORE_COLS = ["precision", "recall", "f1", "tp", "fp", "fn"]


def _prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp > 0 else np.nan
    r = tp / (tp + fn) if tp + fn > 0 else np.nan
    if np.isnan(p) or np.isnan(r):
        f = np.nan
    else:
        f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f


def _keys(by) -> list[str]:
    return [] if by is None else ([by] if isinstance(by, str) else list(by))


def _span_table(df: pd.DataFrame, name: str, keys: list[str]) -> pd.DataFrame:
    need = ["doc_id", "start", "end", *keys]
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise KeyError(f"{name} needs column(s) {missing} (has {list(df.columns)})")
    out = df[need].copy()
    out["doc_id"] = out["doc_id"].astype(str)
    out["start"] = out["start"].astype("int64")
    out["end"] = out["end"].astype("int64")
    if (out["end"] < out["start"]).any():
        raise ValueError(f"{name}: some spans end before they start")
    return out


def _span_tables(predicted: pd.DataFrame, gold: pd.DataFrame, overlap, by):
    """The checked ``overlap`` rule's inputs: group keys and both span tables."""
    if not (overlap in ("exact", "any") or (isinstance(overlap, (int, float)) and not isinstance(overlap, bool)
                                            and 0 < overlap <= 1)):
        raise ValueError(f"overlap must be 'exact', 'any' or a number in (0, 1], not {overlap!r}")
    keys = _keys(by)
    return keys, _span_table(predicted, "predicted", keys), _span_table(gold, "gold", keys)


def _merge(iv: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(iv):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _intersection(x: list[tuple[int, int]], y: list[tuple[int, int]]) -> int:
    i = j = total = 0
    while i < len(x) and j < len(y):
        lo, hi = max(x[i][0], y[j][0]), min(x[i][1], y[j][1])
        total += max(0, hi - lo)
        if x[i][1] < y[j][1]:
            i += 1
        else:
            j += 1
    return total


def _pair_score(p: tuple[int, int], g: tuple[int, int], overlap) -> float:
    """How well a predicted span matches a gold span (0 = not a match)."""
    if overlap == "exact":
        return 1.0 if p == g else 0.0
    inter = min(p[1], g[1]) - max(p[0], g[0])
    if inter <= 0:
        return 0.0
    union = max(p[1], g[1]) - min(p[0], g[0])
    jac = inter / union
    if overlap == "any":
        return jac
    return jac if jac >= overlap else 0.0


def _match_units(P: list[tuple[int, int]], G: list[tuple[int, int]], overlap) -> int:
    """One-to-one matches, best overlap first (ties by position): the number matched."""
    pairs = sorted((-s, pi, gi) for pi, p in enumerate(P) for gi, g in enumerate(G)
                   for s in [_pair_score(p, g, overlap)] if s > 0)
    used_p, used_g = set(), set()
    for _, pi, gi in pairs:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
    return len(used_p)


def spans(predicted: pd.DataFrame, gold: pd.DataFrame, *, overlap: Literal["exact", "any"] | float = "exact",
          by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Precision, recall and F1 of predicted spans against coded (gold) spans.

    Two levels: ``character`` counts the characters covered by both (overlapping
    spans of one side count once); ``unit`` pairs each predicted span with at most
    one gold span of the same document (and ``by`` group) under the ``overlap`` rule,
    best overlap first, and counts the pairs.

    Parameters
    ----------
    predicted, gold : DataFrame
        Spans: ``doc_id``, ``start``, ``end`` (and the ``by`` columns), e.g.
        ``quotes.find`` output and hand-coded quotations. Documents in only one table
        count too (all their spans are false positives or misses).
    overlap : {"exact", "any"} or float
        When a predicted span matches a gold span: same offsets (``"exact"``), any
        shared character (``"any"``), or a Jaccard overlap (shared / joint characters)
        of at least this value in (0, 1].
    by : str or list of str, optional
        Categories (``"category"``, ``"kind"``): spans match only within their
        category, one row per category and level, plus an ``"(all)"`` row (micro).

    Returns
    -------
    DataFrame
        ``by`` columns, ``level`` (``character`` | ``unit``), ``precision``,
        ``recall``, ``f1``, ``tp``, ``fp``, ``fn``, ``n_predicted``, ``n_gold``.

    Examples
    --------
    >>> gold = pd.DataFrame({"doc_id": ["d1", "d1"], "start": [0, 20], "end": [10, 30]})
    >>> pred = pd.DataFrame({"doc_id": ["d1", "d1"], "start": [0, 22], "end": [10, 30]})
    >>> spans(pred, gold)[["level", "precision", "recall"]]
           level  precision  recall
    0  character        1.0     0.9
    1       unit        0.5     0.5
    >>> spans(pred, gold, overlap=0.5)["f1"].tolist()
    [0.9473684210526316, 1.0]
    """
    keys, P, G = _span_tables(predicted, gold, overlap, by)
    groups: dict[tuple, dict[str, tuple[list, list]]] = {}
    for side, table in ((0, P), (1, G)):
        for row in table.itertuples(index=False):
            key = tuple(str(getattr(row, k)) if pd.notna(getattr(row, k)) else "<NA>" for k in keys)
            doc = groups.setdefault(key, {}).setdefault(row.doc_id, ([], []))
            doc[side].append((int(row.start), int(row.end)))
    rows, totals = [], {"character": np.zeros(5), "unit": np.zeros(5)}
    for key in sorted(groups):
        c = {"character": np.zeros(5), "unit": np.zeros(5)}  # tp, fp, fn, n_pred, n_gold
        for p_list, g_list in groups[key].values():
            mp, mg = _merge(p_list), _merge(g_list)
            inter = _intersection(mp, mg)
            n_p, n_g = sum(b - a for a, b in mp), sum(b - a for a, b in mg)
            c["character"] += [inter, n_p - inter, n_g - inter, n_p, n_g]
            m = _match_units(p_list, g_list, overlap)
            c["unit"] += [m, len(p_list) - m, len(g_list) - m, len(p_list), len(g_list)]
        for level in ("character", "unit"):
            totals[level] += c[level]
            rows.append((*key, level, *_prf(*c[level][:3]), *c[level]))
    if keys or not rows:
        for level in ("character", "unit"):
            rows.append((*([ALL] * len(keys)), level, *_prf(*totals[level][:3]), *totals[level]))
    out = pd.DataFrame(rows, columns=[*keys, "level", *_SCORE_COLS, "n_predicted", "n_gold"])
    return out.astype({c: "int64" for c in ("tp", "fp", "fn", "n_predicted", "n_gold")})


def overlaps(predicted: pd.DataFrame, gold: pd.DataFrame, *, overlap: Literal["exact", "any"] | float = "any",
             by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Mark each predicted span that matches some gold span: coded matches from
    annotated spans, for :func:`pattern_precision`.

    Unlike :func:`spans`, the pairing is not one-to-one: two lexicon matches inside
    one annotated span are both correct.

    Parameters
    ----------
    predicted, gold : DataFrame
        Spans: ``doc_id``, ``start``, ``end`` (and the ``by`` columns), e.g.
        ``terms.find`` matches and annotated loaded-language spans.
    overlap : {"exact", "any"} or float
        The match rule of :func:`spans` (default: any shared character).
    by : str or list of str, optional
        Columns whose values must agree (a category in both tables).

    Returns
    -------
    DataFrame
        A copy of ``predicted`` with ``gold`` (bool: matches a gold span).

    Examples
    --------
    >>> gold = pd.DataFrame({"doc_id": ["d1"], "start": [0], "end": [20]})
    >>> pred = pd.DataFrame({"doc_id": ["d1", "d1", "d1"], "start": [2, 10, 30], "end": [8, 16, 36],
    ...                      "pattern": ["regime", "slaughter*", "regime"]})
    >>> overlaps(pred, gold)["gold"].tolist()
    [True, True, False]
    """
    keys, P, G = _span_tables(predicted, gold, overlap, by)
    index: dict[tuple, list[tuple[int, int]]] = {}
    for row in G.itertuples(index=False):
        index.setdefault((row.doc_id, *(str(getattr(row, k)) for k in keys)), []).append((row.start, row.end))
    hit = [any(_pair_score((int(r.start), int(r.end)), g, overlap) > 0
               for g in index.get((r.doc_id, *(str(getattr(r, k)) for k in keys)), []))
           for r in P.itertuples(index=False)]
    out = predicted.reset_index(drop=True).copy()
    out["gold"] = np.asarray(hit, dtype=bool)
    return out


def labels(predicted: pd.DataFrame, gold: pd.DataFrame, *, unit: str = "doc_id",
           label: str = "label") -> pd.DataFrame:
    """Per-class and micro/macro/weighted precision, recall and F1 of document labels.

    Both tables are long, one row per unit and label, so a unit may carry several
    labels (frames) or one (a single-label classifier). Only units in ``gold`` are
    scored (the coded sample); a gold row with a missing label marks a unit coded
    with no label. Single-label scores equal :func:`sklearn.metrics.classification_report`.

    Parameters
    ----------
    predicted, gold : DataFrame
        ``unit`` and ``label`` columns.
    unit, label : str
        Column names of the unit id and the label.

    Returns
    -------
    DataFrame
        ``label`` (each class, then ``"micro avg"``, ``"macro avg"``,
        ``"weighted avg"``), ``precision``, ``recall``, ``f1``, ``tp``, ``fp``,
        ``fn``, ``support`` (gold units with the label).

    Examples
    --------
    >>> gold = pd.DataFrame({"doc_id": ["a", "b", "c"], "label": ["war", "war", "economy"]})
    >>> pred = pd.DataFrame({"doc_id": ["a", "b", "c"], "label": ["war", "economy", "economy"]})
    >>> labels(pred, gold).set_index("label")["f1"].round(3).to_dict()
    {'economy': 0.667, 'war': 0.667, 'micro avg': 0.667, 'macro avg': 0.667, 'weighted avg': 0.667}
    """
    for name, df in (("predicted", predicted), ("gold", gold)):
        missing = [c for c in (unit, label) if c not in df.columns]
        if missing:
            raise KeyError(f"{name} needs column(s) {missing} (has {list(df.columns)})")
    g = gold[[unit, label]].astype({unit: str})
    coded = set(g[unit])
    if not coded:
        raise ValueError("gold has no units: nothing to score against")
    p = predicted[[unit, label]].astype({unit: str})
    p = p[p[unit].isin(coded) & p[label].notna()].drop_duplicates()
    g = g[g[label].notna()].drop_duplicates()
    gset = set(map(tuple, g.to_numpy().tolist()))
    pset = set(map(tuple, p.to_numpy().tolist()))
    classes = sorted({lab for _, lab in gset | pset}, key=str)
    rows = []
    for c in classes:
        tp = sum(1 for u, lab in pset if lab == c and (u, lab) in gset)
        fp = sum(1 for u, lab in pset if lab == c) - tp
        fn = sum(1 for u, lab in gset if lab == c) - tp
        rows.append((c, *_prf(tp, fp, fn), tp, fp, fn, tp + fn))
    out = pd.DataFrame(rows, columns=["label", *_SCORE_COLS, "support"])
    tp, fp, fn = (int(out[c].sum()) for c in ("tp", "fp", "fn"))
    avg = [("micro avg", *_prf(tp, fp, fn), tp, fp, fn, tp + fn)]
    scores = out[["precision", "recall", "f1"]].fillna(0.0)
    sup = out["support"].to_numpy(dtype=float)
    avg.append(("macro avg", *scores.mean().tolist(), tp, fp, fn, tp + fn))
    weighted = (scores.to_numpy() * sup[:, None]).sum(axis=0) / sup.sum() if sup.sum() else [np.nan] * 3
    avg.append(("weighted avg", *list(weighted), tp, fp, fn, tp + fn))
    out = pd.concat([out, pd.DataFrame(avg, columns=out.columns)], ignore_index=True)
    out["label"] = out["label"].astype(str).astype("string")
    return out.astype({c: "int64" for c in ("tp", "fp", "fn", "support")})


def _wilson(k: float, n: float, ci: float) -> tuple[float, float]:
    if n <= 0:
        return np.nan, np.nan
    z = NormalDist().inv_cdf(1 - (1 - ci) / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return float(max(0.0, centre - half)), float(min(1.0, centre + half))


def pattern_precision(coded_matches: pd.DataFrame, *, code: str = "code", positive="yes",
                      by: str | Sequence[str] = "pattern", weight: str | None = None,
                      ci: float = 0.95) -> pd.DataFrame:
    """Precision of each lexicon pattern from coded matches, with Wilson intervals.

    A coded match counts as a true positive when its code equals ``positive`` and
    as a false positive otherwise; matches without a code are left out. Sorted
    from the least precise pattern, the table shows which patterns produce false
    positives. The ``"(all)"`` row is the precision of the whole lexicon; with
    ``weight`` (``"sampling_weight"`` from :func:`sample`) it is weighted back to all
    matches, its interval using Kish's effective sample size.

    Parameters
    ----------
    coded_matches : DataFrame
        One row per coded match: the ``by`` columns and the ``code`` (e.g. the
        sample joined with :func:`consensus` codes on ``unit``).
    code : str
        Column of the code.
    positive : scalar or list
        Code value(s) meaning "the match is correct"; with a boolean ``code``
        column, True.
    by : str or list of str
        Pattern columns (``"pattern"``, ``["category", "pattern"]``).
    weight : str, optional
        Column of sampling weights for the ``"(all)"`` row.
    ci : float
        Coverage of the Wilson score interval.

    Returns
    -------
    DataFrame
        ``by`` columns, ``n`` (coded matches), ``tp``, ``fp``, ``estimate``
        (precision), ``ci_low``, ``ci_high``; the least precise pattern first, then
        ``"(all)"``.

    Examples
    --------
    >>> coded = pd.DataFrame({"pattern": ["regime"] * 4 + ["slaughter*"] * 2,
    ...                       "code": ["yes", "yes", "no", "yes", "yes", "yes"]})
    >>> pattern_precision(coded)[["pattern", "n", "tp", "estimate"]]
          pattern  n  tp  estimate
    0      regime  4   3  0.750000
    1  slaughter*  2   2  1.000000
    2       (all)  6   5  0.833333
    """
    keys = _keys(by)
    need = [*keys, code] + ([weight] if weight else [])
    missing = [c for c in need if c not in coded_matches.columns]
    if missing:
        raise KeyError(f"coded_matches needs column(s) {missing} (has {list(coded_matches.columns)})")
    if not keys:
        raise ValueError("by must name at least one pattern column")
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, not {ci}")
    df = coded_matches[coded_matches[code].notna()]
    if len(df) == 0:
        raise ValueError(f"coded_matches has no coded rows (column {code!r} is empty)")
    if pd.api.types.is_bool_dtype(df[code]):
        ok = df[code].astype(bool).to_numpy()
    else:
        pos = list(positive) if isinstance(positive, (list, tuple, set)) else [positive]
        ok = df[code].isin(pos).to_numpy()
    df = df.assign(_ok=ok)
    rows = []
    for key, g in df.groupby(keys, sort=True, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        n, tp = len(g), int(g["_ok"].sum())
        rows.append((*key, n, tp, n - tp, tp / n, *_wilson(tp, n, ci)))
    rows.sort(key=lambda r: (r[len(keys) + 3], tuple(map(str, r[:len(keys)]))))
    n, tp = len(df), int(df["_ok"].sum())
    if weight:
        w = df[weight].to_numpy(dtype=float)
        est = float((w * df["_ok"]).sum() / w.sum())
        n_eff = w.sum() ** 2 / (w ** 2).sum()
        lo, hi = _wilson(est * n_eff, n_eff, ci)
    else:
        est, (lo, hi) = tp / n, _wilson(tp, n, ci)
    rows.append((*([ALL] * len(keys)), n, tp, n - tp, est, lo, hi))
    out = pd.DataFrame(rows, columns=[*keys, "n", "tp", "fp", "estimate", "ci_low", "ci_high"])
    return out.astype({c: "int64" for c in ("n", "tp", "fp")})
