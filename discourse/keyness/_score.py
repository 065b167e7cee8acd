"""Keyness: which terms distinguish one group of documents from another."""
from __future__ import annotations

from typing import Literal, Sequence

import numpy as np
import pandas as pd

from discourse.keyness import _measures as M
from discourse.keyness._counts import (bh, boot_weights, check_boot, group_labels, indicator, keys_of,
                                       period_of, quantiles, stop_list)
from discourse.stats import warn_undated

__all__ = ["score", "METHODS", "EACH"]

#: ``method=``: the statistic behind ``p``, ``estimate`` and the order of the rows
METHODS = ("log_odds", "log_ratio", "g2", "chi2")
#: ``reference=EACH``: every other group separately (every pair)
EACH = "each"
#: rates are per this many tokens
PER = 1000
_COLUMNS = ["group", "reference", "term", "n", "n_reference", "total", "total_reference", "rate",
            "rate_reference", "g2", "chi2", "log_ratio", "log_odds", "z", "p", "p_adjusted", "estimate",
            "ci_low", "ci_high", "n_docs", "n_docs_reference", "few_docs"]


def _as_list(x) -> list[str]:
    return [str(v) for v in ([x] if isinstance(x, (str, int, np.integer)) else list(x))]


def _ref_table(table: pd.DataFrame, terms: np.ndarray) -> tuple[np.ndarray, float]:
    if not {"term", "n"} <= set(table.columns):
        raise KeyError(f"reference table needs columns 'term' and 'n' (a count per term), "
                       f"has {list(table.columns)}")
    n = pd.to_numeric(table["n"], errors="coerce")
    if n.isna().any() or (n < 0).any():
        raise ValueError("reference table: 'n' must be counts >= 0 in every row")
    counts = n.groupby(table["term"].astype(str).str.lower()).sum()
    total = float(counts.sum())
    if total <= 0:
        raise ValueError("reference table has no tokens (its 'n' sums to 0)")
    return counts.reindex(terms.astype(str), fill_value=0).to_numpy(dtype=float), total


def _comparisons(names: list[str], target, reference) -> list[tuple[int, list[int] | None, str]]:
    """(target index, reference indices or None for a table, reference label)."""
    pos = {n: i for i, n in enumerate(names)}

    def idx(values, what):
        bad = [v for v in values if v not in pos]
        if bad:
            raise ValueError(f"{what}: group(s) {bad} not in the corpus; groups are {names[:20]}")
        return [pos[v] for v in values]

    table = isinstance(reference, pd.DataFrame)
    each = isinstance(reference, str) and reference == EACH
    if each and EACH in pos:
        raise ValueError(f"reference={EACH!r} is ambiguous: a group is named {EACH!r}; pass [{EACH!r}] for that group")
    refs = None if (reference is None or table or each) else idx(_as_list(reference), "reference")
    if target is not None:
        tgt = idx(_as_list(target), "target")
    else:
        tgt = [i for i in range(len(names)) if refs is None or i not in refs]
    if refs is not None and set(tgt) & set(refs):
        raise ValueError("target and reference share a group; a group cannot be compared with itself")
    out = []
    for t in tgt:
        if table:
            out.append((t, None, "table"))
        elif each:
            out.extend((t, [r], names[r]) for r in range(len(names)) if r != t)
        elif refs is None:
            rest = [r for r in range(len(names)) if r != t]
            if not rest:
                raise ValueError("only one group: pass by=None with a reference table, or a corpus with more groups")
            out.append((t, rest, "rest"))
        else:
            out.append((t, refs, " + ".join(names[r] for r in refs)))
    return out


def _within_periods(labels, periods, target, reference):
    """Comparisons made inside each period: group-period names, their group and period,
    and (target index, reference indices, reference label) over those names."""
    groups = sorted({g for g in labels if g is not None})
    if not groups:
        raise ValueError("the corpus has no documents with a group; check the by columns")
    _comparisons(groups, target, reference)  # the same checks of target and reference as without periods
    pairs = sorted({(p, g) for g, p in zip(labels, periods) if g is not None and p is not None})
    if not pairs:
        raise ValueError("no document has both a group and a date; check the by columns and 'published'")
    pos = {pair: i for i, pair in enumerate(pairs)}
    named = isinstance(reference, (str, int, list, tuple, np.integer)) and not (
        isinstance(reference, str) and reference == EACH)
    comps = []
    for per in sorted({p for p, _ in pairs}):
        here = [g for p, g in pairs if p == per]
        tgt = None if target is None else [g for g in _as_list(target) if g in here]
        ref = [g for g in _as_list(reference) if g in here] if named else reference
        if (tgt is not None and not tgt) or (named and not ref) or (reference is None and len(here) < 2):
            continue  # nothing to compare in this period
        if tgt is None and named and not [g for g in here if g not in ref]:
            continue
        comps.extend((pos[(per, here[t])], None if r is None else [pos[(per, here[i])] for i in r], name)
                     for t, r, name in _comparisons(here, tgt, ref))
    if not comps:
        raise ValueError("no period holds both a target and its reference; choose a coarser period "
                         "or other groups")
    combined = np.array([None if (g is None or p is None) else pos[(p, g)] for g, p in zip(labels, periods)],
                        dtype=object)
    return combined, [g for _, g in pairs], [p for p, _ in pairs], comps


def score(
    corpus,
    *,
    by: str | Sequence[str] | None = "outlet",
    period: str | None = None,
    target=None,
    reference=None,
    method: Literal["log_odds", "log_ratio", "g2", "chi2"] = "log_odds",
    voice: str | Sequence[str] | None = None,
    ngram_range: tuple[int, int] = (1, 1),
    min_df: int | float = 1,
    stop_words: str | Sequence[str] | None = "boilerplate",
    n_boot: int = 0,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Keyness of every term in each group against a reference, with document-bootstrap intervals.

    Parameters
    ----------
    corpus : DataFrame or Annotations
        The corpus table or its :func:`discourse.text.annotate` annotations.
    by : str or list of str, default "outlet"
        Columns whose values are the groups (several columns: labels joined by ``" | "``).
    period : {"D", "W", "M", "Q", "Y", ...}, optional
        Compare within each period (:data:`discourse.stats.PERIODS`, labels from
        :func:`discourse.stats.period_labels`): each group in each period against its
        reference in the same period, so a term's keyness can be followed over time.
        Undated documents are left out, counted in ``attrs["undated"]`` with a
        warning; a period without a target or its reference gives no rows.
    target : group value or list, optional
        Groups compared (default: every group not in ``reference``).
    reference : None, group value(s), "each" or DataFrame
        ``None``: each target against the rest of the corpus; a group or list of groups
        (pooled); ``"each"``: every other group separately (every pair); a frequency
        table with columns ``term`` and ``n`` (e.g. a general corpus).
    method : {"log_odds", "log_ratio", "g2", "chi2"}
        The statistic behind ``p`` (z-test of the log odds, or chi-squared with one
        degree of freedom of G2 / Pearson's chi-squared; ``log_ratio`` uses G2's),
        ``estimate`` (the log odds, else the log ratio) and the order of rows.
    voice : str or list of str, optional
        Count only words in these voices (``"authorial"``: the outlet's own words
        outside quotations); ``None``: all voices.
    ngram_range : (int, int), default (1, 1)
        Word n-gram lengths (:func:`discourse.text.dtm`).
    min_df : int or float, default 1
        Keep terms in at least this many documents (or this share) of the corpus.
    stop_words : "boilerplate", "english", "news", list of str or None, default "boilerplate"
        Words left out before counting (as in :func:`discourse.text.dtm`: they count in
        neither the terms nor the totals, and n-grams are formed without them).
        ``"boilerplate"``: the furniture of news web pages and wire copy
        (:data:`discourse.words.BOILERPLATE_WORDS`: copyright and reprint lines,
        subscribe widgets, photo and video captions and credits), which each site repeats
        under every article and which otherwise tops every outlet's list;
        ``"english"``: scikit-learn's English stop words; ``"news"``: those plus
        :data:`discourse.words.NEWS_STOP_WORDS` (reporting words such as *said*, as in
        the topic models); a list: exactly these words; ``None``: every word
        (docs/keyness.md, "Stop words").
    n_boot : int, default 0
        Bootstrap resamples of documents (within each group) for ``ci_low``/``ci_high``
        of ``estimate``; 0: no intervals. Intervals from fewer than two documents are NA.
    random_state : int, default 0
        Seed of the resampling.

    Returns
    -------
    DataFrame
        One row per comparison and term seen in either side: ``group``, ``reference``,
        ``term``, ``n``, ``n_reference``, ``total``, ``total_reference`` (tokens),
        ``rate``, ``rate_reference`` (per 1,000 tokens), ``g2``, ``chi2``,
        ``log_ratio`` (log2), ``log_odds``, ``z``, ``p``, ``p_adjusted``
        (Benjamini-Hochberg within the comparison), ``estimate``, ``ci_low``,
        ``ci_high``, ``n_docs``, ``n_docs_reference``, ``few_docs`` (a side has fewer
        than two documents: no interval); with ``period``, a ``period``
        column after ``group``. Sorted by (period,) group, reference, then the signed
        statistic, most distinctive first.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["A", "A", "B", "B"],
    ...     "text": ["The regime fell.", "The regime lied.", "The government fell.", "The government lied."]})
    >>> k = score(df, target="A", reference="B")
    >>> k[["group", "term", "n", "n_reference"]].head(1).values.tolist()
    [['A', 'regime', 2, 0]]
    """
    from discourse.text._annotate import as_annotations
    from discourse.text._dtm import _check_df, dtm

    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    n_boot = check_boot(n_boot)
    stops = stop_list(stop_words)
    ann = as_annotations(corpus)
    keys = keys_of(by, ann.corpus)
    labels = group_labels(ann.corpus, keys)
    table = isinstance(reference, pd.DataFrame)
    if period is None:
        names = sorted({g for g in labels if g is not None})
        if not names:
            raise ValueError("the corpus has no documents with a group; check the by columns")
        comps = _comparisons(names, target, reference)
        group_of, period_of_group, undated = names, None, 0
    else:
        periods, undated = period_of(ann.corpus, period)
        labels, group_of, period_of_group, comps = _within_periods(labels, periods, target, reference)
        names = list(range(len(group_of)))
    m = dtm(ann, ngram_range=ngram_range, voice=voice, stop_words=stops)
    X = m.matrix.astype(np.float64)
    ind = indicator(labels, names)
    totals = np.asarray(ind @ X.sum(axis=1)).ravel()
    ndocs = np.asarray(ind.sum(axis=1)).ravel().astype(np.int64)
    keep = np.bincount(X.indices, minlength=X.shape[1]) >= _check_df(min_df, "min_df", X.shape[0])
    X, terms = X[:, np.flatnonzero(keep)].tocsr(), m.terms[keep]
    G = np.asarray((ind @ X).todense())
    empty = sorted({_name(group_of, period_of_group, i) for t, _, _ in comps for i in [t] if totals[i] == 0})
    if empty:
        raise ValueError(f"group(s) {empty} have no words (voice={voice!r}); leave them out with target=")
    if table:
        tab_counts, tab_total = _ref_table(reference, terms)
    table_arg = (tab_counts, tab_total) if table else None
    boots = _boot_intervals(X, ind, ndocs, comps, table_arg, n_boot, random_state, method == "log_odds",
                            ids=np.asarray(m.doc_ids).astype(str)) if n_boot else None
    out = compare(G, totals, ndocs, comps, terms, (group_of, period_of_group), method=method,
                  table=table_arg, boots=boots)
    return warn_undated(out, undated, "keyness.score") if period is not None else out


def compare(G, totals, ndocs, comps, terms, names, *, method, table=None, boots=None) -> pd.DataFrame:
    """The keyness table of each comparison ``(target, reference rows or None, reference
    name)`` in ``comps``, from the group-by-term counts ``G`` (groups × terms), the word
    ``totals`` and document counts ``ndocs`` of the groups; ``names`` is ``(group labels,
    period labels or None)``; ``table`` the ``(counts, total)`` of a reference table;
    ``boots`` the bootstrap intervals per comparison (None: NA intervals). Used by
    :func:`score` and by :func:`discourse.batch.keyness` on streamed counts."""
    group_of, period_of_group = names
    frames = []
    for ci, (t, refs, ref_name) in enumerate(comps):
        a, t1 = G[t], totals[t]
        if refs is None:
            c, t2, nd2 = table[0], table[1], 0
        else:
            c, t2, nd2 = G[refs].sum(axis=0), totals[refs].sum(), int(ndocs[refs].sum())
        if t2 == 0:
            raise ValueError(f"reference {ref_name!r} of group {_name(group_of, period_of_group, t)!r} has no "
                             f"words; choose another reference")
        seen = np.flatnonzero((a + c) > 0)
        a, c = a[seen], c[seen]
        alpha, alpha0 = a + c, t1 + t2
        g, x2, lr = M.g2(a, c, t1, t2), M.chi2(a, c, t1, t2), M.log_ratio(a, c, t1, t2)
        lo, z = M.log_odds(a, c, t1, t2, alpha, alpha0)
        sign = np.sign(lr)
        if method == "log_odds":
            stat, p = z, M.p_z(z)
        else:
            stat = sign * (x2 if method == "chi2" else g)
            p = M.p_chi2(np.abs(stat))
        est = lo if method == "log_odds" else lr
        if boots is not None:
            low, high = boots[ci][0][seen], boots[ci][1][seen]
        else:
            low = high = np.full(len(seen), np.nan)
        o = np.argsort(-stat, kind="stable")  # terms are sorted, so ties stay in term order
        a, c, g, x2, lr, lo, z, p, est, low, high, seen = (v[o] for v in (a, c, g, x2, lr, lo, z, p, est, low, high,
                                                                           seen))
        f = pd.DataFrame({
            "group": group_of[t], "reference": ref_name, "term": terms[seen], "n": a.astype(np.int64),
            "n_reference": np.rint(c).astype(np.int64), "total": np.int64(t1), "total_reference": np.int64(round(t2)),
            "rate": PER * a / t1, "rate_reference": PER * c / t2, "g2": g, "chi2": x2, "log_ratio": lr,
            "log_odds": lo, "z": z, "p": p, "p_adjusted": bh(p), "estimate": est, "ci_low": low, "ci_high": high,
            "n_docs": ndocs[t], "n_docs_reference": nd2,
            "few_docs": bool(ndocs[t] < 2 or (refs is not None and nd2 < 2)),  # no interval
        })
        if period_of_group is not None:
            f.insert(1, "period", period_of_group[t])
        frames.append(f)
    out = pd.concat(frames, ignore_index=True)
    periods = period_of_group is not None
    cols = [_COLUMNS[0], "period", *_COLUMNS[1:]] if periods else _COLUMNS
    for col in ("group", "reference", "term", *(["period"] if periods else [])):
        out[col] = out[col].astype("string")
    return out[cols].reset_index(drop=True)


def _name(groups, periods, i) -> str:
    return str(groups[i]) if periods is None else f"{groups[i]} ({periods[i]})"


def _boot_intervals(X, ind, ndocs, comps, table, n_boot, random_state, odds, ids, chunk_cells=4_000_000):
    """Per comparison, the percentile interval of the estimate of every term (NaN where
    a side has fewer than two documents). Documents are resampled within each group, so
    a reference of several groups is resampled group by group; a group's documents are
    drawn in ``doc_id`` order, so the order of the corpus rows does not matter."""
    n_groups, n_terms = ind.shape[0], X.shape[1]
    rows = [ind[g].indices for g in range(n_groups)]
    rows = [r[np.argsort(ids[r], kind="stable")] for r in rows]  # canonical order: by doc_id
    XT = [X[r].T.tocsr() for r in rows]
    W = [boot_weights(len(r), n_boot, random_state, g) for g, r in enumerate(rows)]
    doc_tot = np.asarray(X.sum(axis=1)).ravel()
    T = np.array([w @ doc_tot[r] for w, r in zip(W, rows)])  # groups × replicates
    G = np.asarray((ind @ X).todense())
    out = [(np.full(n_terms, np.nan), np.full(n_terms, np.nan)) for _ in comps]
    live = [k for k, (t, refs, _) in enumerate(comps)
            if ndocs[t] >= 2 and (refs is None or ndocs[refs].sum() >= 2)]
    if not live:
        return out
    step = max(1, chunk_cells // max(1, n_boot * n_groups))
    for s in range(0, n_terms, step):
        cols = np.arange(s, min(n_terms, s + step))
        R = np.stack([np.asarray(XT[g][cols] @ W[g].T) for g in range(n_groups)])  # groups × terms × reps
        total_R, total_T = R.sum(axis=0), T.sum(axis=0)
        for k in live:
            t, refs, _ = comps[k]
            a, t1 = R[t], T[t][None, :]
            if refs is None:
                c, t2 = np.broadcast_to(table[0][cols, None], a.shape), table[1]
            elif len(refs) == n_groups - 1:  # the rest: all but the target
                c, t2 = total_R - a, (total_T - T[t])[None, :]
            else:
                c, t2 = R[refs].sum(axis=0), T[refs].sum(axis=0)[None, :]
            c_full = table[0][cols] if refs is None else G[refs][:, cols].sum(axis=0)
            alpha = (G[t, cols] + c_full)[:, None]
            alpha0 = G[t].sum() + (table[1] if refs is None else G[refs].sum())
            est = M.log_odds(a, c, t1, t2, alpha, alpha0)[0] if odds else M.log_ratio(a, c, t1, t2)
            out[k][0][cols], out[k][1][cols] = quantiles(est)
    return out
