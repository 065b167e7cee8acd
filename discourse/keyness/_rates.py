"""Rates of chosen terms per group and period, with document-bootstrap intervals."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from discourse.keyness._counts import boot_weights, check_boot, group_labels, keys_of, period_of, quantiles
from discourse.stats import warn_undated

__all__ = ["rates"]

PER = 1000


def rates(
    corpus,
    terms: str | Sequence[str],
    *,
    by: str | Sequence[str] | None = "outlet",
    period: str | None = None,
    voice: str | Sequence[str] | None = None,
    ngram_range: tuple[int, int] = (1, 1),
    n_boot: int = 1000,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Rates of terms per 1,000 words per group (and period): term trajectories.

    Parameters
    ----------
    corpus : DataFrame or Annotations
        The corpus table (with ``published`` when ``period`` is given) or its annotations.
    terms : str or list of str
        Terms of :func:`discourse.text.dtm` (lowercase words or n-grams such as
        ``"kabul regime"``); a term never seen has rate 0.
    by : str or list of str, default "outlet"
        Group columns; ``None``: the whole corpus.
    period : {"D", "W", "M", "Q", "Y", ...}, optional
        Time unit (:data:`discourse.stats.PERIODS`); labels from
        :func:`discourse.stats.period_labels`. Documents without a date are left out,
        counted in ``attrs["undated"]`` with a warning.
    voice : str or list of str, optional
        Count only words in these voices; ``None``: all.
    ngram_range : (int, int), default (1, 1)
        N-gram lengths counted (include the lengths of your terms).
    n_boot : int, default 1000
        Resamples of documents within each group and period; 0: no intervals.
    random_state : int, default 0
        Seed of the resampling.

    Returns
    -------
    DataFrame
        Group columns, ``period`` (when given), ``term``, ``n``, ``total`` (words),
        ``rate`` (per 1,000 words), ``ci_low``, ``ci_high`` (NA from fewer than two
        documents), ``n_docs``, ``few_docs`` (fewer than two documents: no interval).

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": list("ab"), "outlet": ["A", "A"],
    ...                    "text": ["The regime fell.", "The army won."]})
    >>> rates(df, "regime", n_boot=0)[["outlet", "term", "n", "total", "rate"]].values.tolist()
    [['A', 'regime', 1, 6, 166.66666666666666]]
    """
    from discourse.text._annotate import as_annotations, words_by_voice
    from discourse.text._dtm import dtm

    n_boot = check_boot(n_boot)
    wanted = [terms] if isinstance(terms, str) else [str(t) for t in terms]
    if not wanted:
        raise ValueError("terms: give at least one term")
    ann = as_annotations(corpus)
    keys = keys_of(by, ann.corpus)
    m = dtm(ann, ngram_range=ngram_range, voice=voice)
    pos = {t: i for i, t in enumerate(m.terms)}
    X = m.matrix.tocsc()
    cols = np.column_stack([X[:, pos[t]].toarray().ravel() if t in pos else np.zeros(X.shape[0])
                            for t in [w.lower() for w in wanted]]).astype(float)
    words_of = words_by_voice(ann, voice)["doc_id"].astype(str).value_counts()
    tot = words_of.reindex(m.doc_ids.astype(str), fill_value=0).to_numpy(dtype=float)  # words, not n-grams
    frame = pd.DataFrame({"_g": group_labels(ann.corpus, keys)})
    for k in keys:
        frame[k] = ann.corpus[k].to_numpy()
    gkeys = list(keys)
    undated = 0
    if period is not None:
        frame["period"], undated = period_of(ann.corpus, period)
        gkeys.append("period")
    ok = frame[gkeys].notna().all(axis=1).to_numpy() if gkeys else np.ones(len(frame), bool)
    rows = []
    ids = np.asarray(m.doc_ids).astype(str)
    grouped = frame[ok].groupby(gkeys, sort=True, dropna=True) if gkeys else [((), frame)]
    for gi, (key, sub) in enumerate(grouped):
        key = key if isinstance(key, tuple) else (key,)
        r = sub.index.to_numpy()
        r = r[np.argsort(ids[r], kind="stable")]  # resample in doc_id order: row order does not matter
        n, words = cols[r].sum(axis=0), tot[r].sum()
        lo = hi = np.full(len(wanted), np.nan)
        if n_boot and len(r) >= 2 and words > 0:
            w = boot_weights(len(r), n_boot, random_state, gi)
            with np.errstate(divide="ignore", invalid="ignore"):
                boot = PER * (w @ cols[r]) / (w @ tot[r])[:, None]
            lo, hi = quantiles(boot.T)
        for j, t in enumerate(wanted):
            rows.append({**dict(zip(gkeys, key)), "term": t, "n": int(n[j]), "total": int(words),
                         "rate": PER * n[j] / words if words else np.nan, "ci_low": lo[j], "ci_high": hi[j],
                         "n_docs": len(r), "few_docs": len(r) < 2})
    out = pd.DataFrame(rows, columns=[*gkeys, "term", "n", "total", "rate", "ci_low", "ci_high", "n_docs",
                                      "few_docs"])
    if period is not None:
        out["period"] = out["period"].astype("string")
    out["term"] = out["term"].astype("string")
    return warn_undated(out, undated, "keyness.rates") if period is not None else out
