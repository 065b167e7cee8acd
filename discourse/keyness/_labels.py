"""Label choice: which label each group picks for the same referent."""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from discourse.keyness._counts import boot_weights, check_boot, quantiles

__all__ = ["label_choice"]


def _lexicons(referents) -> list[tuple[str, pd.DataFrame]]:
    from discourse import lexicon as _lexicon

    if isinstance(referents, pd.DataFrame):
        if "referent" not in referents.columns:
            raise KeyError("referents table needs a 'referent' column (with the lexicon columns "
                           "pattern, category = the label)")
        return [(str(r), _lexicon.from_records(sub.drop(columns="referent").to_dict("records")))
                for r, sub in referents.groupby("referent", sort=False)]
    if not isinstance(referents, Mapping) or not referents:
        raise TypeError("referents must be {referent: {label: [patterns]}} or a lexicon table with a "
                        "'referent' column")
    out = []
    for ref, labels in referents.items():
        if not isinstance(labels, Mapping) or len(labels) < 2:
            raise ValueError(f"referents[{ref!r}] must map two or more labels to their patterns, "
                             f"e.g. {{'regime': ['regime'], 'government': ['government']}}")
        out.append((str(ref), _lexicon.from_dict(labels)))
    return out


def label_choice(
    corpus,
    referents,
    *,
    by: str | Sequence[str] | None = "outlet",
    period: str | None = None,
    voice: str | Sequence[str] | None = None,
    n_boot: int = 1000,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Each label's share of all mentions of a referent, per group (and period).

    Labels are found by :func:`discourse.terms.find` (one lexicon per referent; the
    longest match wins, so "Kabul regime" is not also a "regime").

    Parameters
    ----------
    corpus : DataFrame or Annotations
        The corpus table (with ``published`` for ``period``) or its annotations.
    referents : dict or DataFrame
        ``{referent: {label: [patterns]}}`` (glob patterns), or a lexicon table with a
        ``referent`` column and the label as ``category``.
    by : str or list of str, default "outlet"
        Group columns of the corpus, or ``"voice"`` (shares within each voice).
    period : str, optional
        Time unit (:data:`discourse.stats.PERIODS`).
    voice : str or list of str, optional
        Count only mentions in these voices; ``None``: all.
    n_boot : int, default 1000
        Resamples of the documents mentioning the referent, within each group; 0: none.
    random_state : int, default 0
        Seed of the resampling.

    Returns
    -------
    DataFrame
        Group columns, ``period`` (when given), ``referent``, ``label``, ``n`` (mentions
        with this label), ``n_mentions`` (of the referent), ``share``, ``ci_low``,
        ``ci_high`` (NA from fewer than two documents), ``n_docs`` (documents
        mentioning the referent), ``few_docs`` (fewer than two: no interval), and
        ``n_<voice>``: the label's mentions in each voice.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": list("ab"), "outlet": ["A", "A"],
    ...     "text": ["The regime fell. The regime lied.", 'The government said "the regime is gone."']})
    >>> t = label_choice(df, {"afghan state": {"regime": ["regime"], "government": ["government"]}}, n_boot=0)
    >>> t[["label", "n", "share", "n_authorial", "n_quoted"]].values.tolist()
    [['government', 1, 0.25, 1, 0], ['regime', 3, 0.75, 2, 1]]
    """
    from discourse import terms as _terms
    from discourse import voice as _voice
    from discourse.text._annotate import as_annotations

    n_boot = check_boot(n_boot)
    voices = _voice.check(voice)
    ann = as_annotations(corpus)
    corp = ann.corpus.copy()
    corp["doc_id"] = corp["doc_id"].astype(str)
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    missing = [k for k in keys if k not in corp.columns and k != "voice"]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in the corpus; pass by=None or a column of the corpus")
    doc_keys = [k for k in keys if k != "voice"]
    if period is not None:
        from discourse.stats import period_labels

        if "published" not in corp.columns:
            raise KeyError("period needs a 'published' column in the corpus")
        corp["period"] = period_labels(corp["published"], period).to_numpy()
        doc_keys.append("period")
    gkeys = [k for k in keys if k != "voice"] + (["period"] if period is not None else []) + \
        (["voice"] if "voice" in keys else [])
    frames = []
    for ref, lex in _lexicons(referents):
        m = _terms.find(ann, lex)
        if voices is not None:
            m = m[m["voice"].isin(voices)]
        m = m[["doc_id", "category", "voice"]].astype({"doc_id": str}).merge(
            corp[["doc_id", *doc_keys]], on="doc_id", how="left")
        m = m.dropna(subset=gkeys) if gkeys else m
        labels = sorted(lex["category"].astype(str).unique())
        groups = m.groupby(gkeys, sort=True) if gkeys else [((), m)]
        for gi, (key, sub) in enumerate(groups):
            key = key if isinstance(key, tuple) else (key,)
            counts = pd.crosstab(sub["doc_id"], sub["category"]).reindex(columns=labels, fill_value=0)
            per_doc = counts.to_numpy(dtype=float)
            n, total = per_doc.sum(axis=0), per_doc.sum()
            lo = hi = np.full(len(labels), np.nan)
            if n_boot and len(per_doc) >= 2:
                w = boot_weights(len(per_doc), n_boot, random_state, gi)
                with np.errstate(divide="ignore", invalid="ignore"):
                    lo, hi = quantiles(((w @ per_doc) / (w @ per_doc).sum(axis=1, keepdims=True)).T)
            by_voice = pd.crosstab(sub["category"], sub["voice"]).reindex(index=labels, columns=list(_voice.VOICES),
                                                                            fill_value=0)
            for j, lab in enumerate(labels):
                frames.append({**dict(zip(gkeys, key)), "referent": ref, "label": lab, "n": int(n[j]),
                               "n_mentions": int(total), "share": n[j] / total, "ci_low": lo[j], "ci_high": hi[j],
                               "n_docs": len(per_doc), "few_docs": len(per_doc) < 2,
                               **{f"n_{v}": int(by_voice.at[lab, v]) for v in _voice.VOICES}})
    cols = [*gkeys, "referent", "label", "n", "n_mentions", "share", "ci_low", "ci_high", "n_docs", "few_docs",
            *(f"n_{v}" for v in _voice.VOICES)]
    out = pd.DataFrame(frames, columns=cols)
    for c in ("referent", "label", *(["period"] if period is not None else []),
              *(["voice"] if "voice" in gkeys else [])):
        out[c] = out[c].astype("string")
    return out
