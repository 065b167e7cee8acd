"""Collocations: the words around a target pattern, per group."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from discourse.keyness import _measures as M
from discourse.keyness._counts import group_labels, keys_of

__all__ = ["collocations"]

_COLUMNS = ["term", "n", "n_term", "n_target", "window_words", "total", "expected", "mi", "t_score", "g2", "p"]


def _windows(first, last, lo, hi, window):
    """Word positions before ``first`` and from ``last`` within [lo, hi)."""
    a0 = np.maximum(lo, first - window) if window is not None else lo
    b1 = np.minimum(hi, last + window) if window is not None else hi
    starts = np.concatenate([a0, last])
    stops = np.concatenate([first, b1])
    owner = np.concatenate([np.arange(len(first)), np.arange(len(first))])
    lens = np.maximum(stops - starts, 0)
    pos = np.repeat(starts - np.cumsum(np.r_[0, lens[:-1]]), lens) + np.arange(lens.sum())
    return pos, np.repeat(owner, lens)


def collocations(
    corpus,
    target: str | Sequence[str],
    *,
    window: int | None = 5,
    by: str | Sequence[str] | None = None,
    min_count: int = 3,
) -> pd.DataFrame:
    """Words around a target pattern: frequency, MI, t-score and log-likelihood, per group.

    Parameters
    ----------
    corpus : DataFrame or Annotations
        The corpus table or its annotations.
    target : str or list of str
        Glob pattern(s) of the node ("taliban", "regime*"), matched by
        :func:`discourse.terms.find`.
    window : int or None, default 5
        Words (:data:`discourse.words.WORD_PATTERN`) on each side, within the
        document; ``None``: the rest of the target's sentence.
    by : str or list of str, optional
        Group columns; ``None``: the whole corpus.
    min_count : int, default 3
        Keep collocates seen at least this many times in a group's windows.

    Returns
    -------
    DataFrame
        Group columns, ``term`` (lowercase collocate), ``n`` (times in the windows),
        ``n_term`` (in the group), ``n_target`` (target matches), ``window_words``
        (words in all windows), ``total`` (words in the group), ``expected``
        (``window_words * n_term / total``), ``mi`` (log2 of n / expected),
        ``t_score``, ``g2`` (the words inside any window vs the rest of the group,
        each word once), ``p`` (of G2). ``n`` and ``window_words`` count per target,
        so a word in the windows of two nearby targets counts twice there.
        Sorted by group, then ``g2`` descending. The target's own words are not
        collocates.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ["The Taliban regime fell. The army won. The Taliban regime fled."]})
    >>> collocations(df, "taliban", window=1, min_count=2)[["term", "n", "n_term"]].values.tolist()
    [['regime', 2, 2], ['the', 2, 3]]
    """
    from discourse import terms as _terms
    from discourse.text._annotate import as_annotations, words_by_voice

    if not isinstance(min_count, (int, np.integer)) or isinstance(min_count, bool) or min_count < 1:
        raise ValueError(f"min_count must be a whole number >= 1, not {min_count!r}")
    if window is not None and (not isinstance(window, (int, np.integer)) or isinstance(window, bool) or window < 1):
        raise ValueError(f"window must be a whole number of words >= 1 or None (the sentence), not {window!r}")
    patterns = [target] if isinstance(target, str) else list(target)
    if not patterns:
        raise ValueError("target: give at least one pattern")
    ann = as_annotations(corpus)
    keys = keys_of(by, ann.corpus)
    ids = ann.corpus["doc_id"].astype(str).to_numpy(dtype=object)
    row_of = pd.Series(np.arange(len(ids)), index=ids)
    groups = group_labels(ann.corpus, keys)
    w = words_by_voice(ann, None)
    wrow = row_of.reindex(w["doc_id"].astype(str)).to_numpy()
    order = np.lexsort((w["start"].to_numpy(), wrow))
    wrow, wstart = wrow[order], w["start"].to_numpy()[order]
    wsent = w["sent_id"].to_numpy()[order]
    tok = w["token"].astype(str).str.lower().to_numpy(dtype=object)[order]
    big = int(wstart.max() + 2) if len(wstart) else 1
    wkey = wrow.astype(np.int64) * big + wstart
    m = _terms.find(ann, {"target": patterns})
    mrow = row_of.reindex(m["doc_id"].astype(str)).to_numpy().astype(np.int64)
    first = np.searchsorted(wkey, mrow * big + m["start"].to_numpy(), "left")
    last = np.searchsorted(wkey, mrow * big + m["end"].to_numpy(), "left")
    if window is None:
        skey = wrow.astype(np.int64) * (int(wsent.max() + 2) if len(wsent) else 1) + wsent
        unit = skey
    else:
        unit = wrow.astype(np.int64)
    ufirst = np.clip(first, 0, max(len(unit) - 1, 0))
    lo = np.searchsorted(unit, unit[ufirst], "left") if len(unit) else first
    hi = np.searchsorted(unit, unit[ufirst], "right") if len(unit) else first
    covered = np.zeros(len(tok), bool)
    width = last - first
    covered[np.repeat(first - np.cumsum(np.r_[0, width[:-1]]), width) + np.arange(width.sum())] = True
    pos, own = _windows(first, last, lo, hi, window)
    keep = ~covered[pos]
    pos, own = pos[keep], own[keep]
    wgroup = groups[wrow] if len(wrow) else np.zeros(0, object)
    mgroup = groups[mrow] if len(mrow) else np.zeros(0, object)
    values = {g: tuple(r) for g, r in zip(groups, ann.corpus[keys].itertuples(index=False))} if keys else {}
    frames = []
    for g in sorted({x for x in mgroup if x is not None}):
        gw = wgroup == g
        freq = pd.Series(tok[gw]).value_counts()
        total = int(gw.sum())
        sel = mgroup[own] == g
        ctx = pd.Series(tok[pos[sel]]).value_counts()
        ctx = ctx[ctx >= min_count]
        n_win = int(sel.sum())
        o = ctx.to_numpy(dtype=float)
        f = freq.reindex(ctx.index).to_numpy(dtype=float)
        exp = n_win * f / total
        # G2 compares the word positions inside any window with the rest of the group, each
        # position once (windows of nearby targets overlap: per target, n can exceed n_term)
        inside = np.unique(pos[sel])
        o_in = pd.Series(tok[inside]).value_counts().reindex(ctx.index, fill_value=0).to_numpy(dtype=float)
        g2 = M.g2(o_in, f - o_in, len(inside), total - len(inside)) if len(o) else np.zeros(0)
        frame = pd.DataFrame({"term": ctx.index.astype(str), "n": o.astype(np.int64), "n_term": f.astype(np.int64),
                              "n_target": int((mgroup == g).sum()), "window_words": n_win, "total": total,
                              "expected": exp, "mi": M.mi(o, exp), "t_score": M.t_score(o, exp),
                              "g2": g2, "p": M.p_chi2(g2)})
        for k, v in zip(keys, values.get(g, ())):
            frame[k] = v
        frames.append(frame.sort_values(["g2", "term"], ascending=[False, True], kind="stable"))
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=[*keys, *_COLUMNS])
    out["term"] = out["term"].astype("string")
    return out[[*keys, *_COLUMNS]].reset_index(drop=True)
