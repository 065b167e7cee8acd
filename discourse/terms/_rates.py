"""Rates of lexicon matches per 1,000 words, per document or per group with intervals."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from discourse import voice as _voice
from discourse.words import WORD_PATTERN

__all__ = ["rates", "group_keys", "period_column"]

#: ``by`` columns taken from the matches rather than from the corpus
MATCH_COLUMNS = ("category", "voice", "pattern")


def group_keys(by: str | Sequence[str] | None, corpus: pd.DataFrame, *, extra: Sequence[str] = ()) -> list[str]:
    """The ``by`` option as a list, checked against the corpus (and ``extra`` columns)."""
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    missing = [k for k in keys if k not in corpus.columns and k not in extra]
    if missing:
        also = f" or one of {list(extra)}" if extra else ""
        raise KeyError(f"by: column(s) {missing} not in the corpus; pass by=None or a column of the corpus{also}")
    return keys


def period_column(corpus: pd.DataFrame, period: str) -> pd.Series:
    """Period labels (``string`` dtype) of the corpus's ``published`` dates (:func:`discourse.stats.period_labels`)."""
    from discourse.stats import period_labels

    if "published" not in corpus.columns:
        raise KeyError("period needs a 'published' column in the corpus")
    return period_labels(corpus["published"], period).astype("string").reset_index(drop=True)


def word_counts(texts) -> np.ndarray:
    """Words per text by :data:`discourse.words.WORD_PATTERN` (the denominator of every rate)."""
    findall = WORD_PATTERN.findall
    return np.fromiter((len(findall(t)) for t in texts), dtype=np.int64)


def rates(
    matches: pd.DataFrame,
    data,
    *,
    by: str | Sequence[str] | None = "outlet",
    period: str | None = None,
    voice: str | Sequence[str] | None = None,
    per: float = 1000,
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Matches per ``per`` (1,000) words, per group with bootstrap intervals, or per document.

    Parameters
    ----------
    matches : DataFrame
        From :func:`find` (``doc_id``, ``voice`` and any ``by`` columns such as
        ``category``).
    data : DataFrame or Annotations
        The articles the matches come from (``doc_id``, ``text`` and the ``by``
        columns such as ``outlet``), or their annotations; every article counts, with
        or without matches.
    by : str or list of str, optional, default "outlet"
        Grouping columns: corpus columns (``"outlet"``) and/or match columns
        (``"category"``, ``"voice"``, ``"pattern"``); match columns split the counts
        (documents without a match of a category count as zero for it). ``None``: one
        group, the whole corpus. With ``"doc_id"`` among them the rows are documents:
        their own rates, no intervals.
    period : str, optional
        One of :data:`discourse.stats.PERIODS` (``"W"``, ``"M"``, ``"Q"``, ``"Y"`` ...):
        add a ``period`` column from ``published`` and group by it.
    voice : str or list of str, optional
        Which matches count (:mod:`discourse.voice`); ``None`` (default): all.
        Per-voice rates come from ``by=[..., "voice"]``.
    per : float
        Rate unit in words (words by :data:`discourse.words.WORD_PATTERN`, all voices).
    n_boot, ci, random_state
        Bootstrap settings (documents are resampled; :func:`discourse.stats.bootstrap_ratio`).

    Returns
    -------
    DataFrame
        Group columns, ``rate`` (pooled: matches per ``per`` words of the group),
        ``ci_low``, ``ci_high`` (NA for a group of fewer than two documents), ``n``
        (matches), ``words``, ``n_docs``, ``few_docs`` (fewer than two documents: no
        interval). With ``"doc_id"`` in ``by``: ``doc_id``, the
        other group columns, ``n``, ``words``, ``rate``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                        "text": ["the regime fell", "a quiet day for the town"]})
    >>> m = pd.DataFrame({"doc_id": ["a"], "category": ["label"], "voice": ["authorial"]})
    >>> rates(m, corpus, by="doc_id")[["doc_id", "n", "words", "rate"]]
      doc_id  n  words        rate
    0      a  1      3  333.333333
    1      b  0      6    0.000000
    """
    from discourse import stats
    from discourse.text._annotate import corpus_of

    corpus = corpus_of(data)
    if not isinstance(matches, pd.DataFrame) or "doc_id" not in matches.columns:
        raise KeyError("matches must be a table from discourse.terms.find (with a 'doc_id' column)")
    if per <= 0:
        raise ValueError(f"per must be positive, not {per}")
    voices = _voice.check(voice)
    by_list = group_keys(by, corpus, extra=("doc_id", *MATCH_COLUMNS))
    split = [c for c in by_list if c in MATCH_COLUMNS]
    doc_keys = [c for c in by_list if c not in MATCH_COLUMNS and c != "doc_id"]
    per_doc = "doc_id" in by_list
    for c in split:
        if c not in matches.columns:
            raise KeyError(f"by: matches has no column {c!r}")
    # ids compared as text: find() returns them as strings whatever the corpus's dtype
    docs = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str).to_numpy(dtype=object)})
    for c in doc_keys:
        docs[c] = corpus[c].to_numpy()
    if period is not None:
        docs["period"] = period_column(corpus, period)
        doc_keys = [*doc_keys, "period"]
    docs["words"] = word_counts(corpus["text"].astype(str))
    docs = docs.drop_duplicates("doc_id", keep="first")

    m = matches
    if voices is not None or "voice" in split:
        if "voice" not in m.columns:
            raise KeyError("matches has no 'voice' column; build them with discourse.terms.find")
        if m["voice"].isna().any():
            raise ValueError(f"{int(m['voice'].isna().sum())} matches have no voice; build them with "
                             "discourse.terms.find, which takes the voice from the annotations")
    sel = m if voices is None else m[m["voice"].isin(voices)]
    sel = sel.assign(doc_id=sel["doc_id"].astype(str).to_numpy(dtype=object))
    m_docs = sel[sel["doc_id"].isin(docs["doc_id"])]
    if split:
        counts = m_docs.groupby(["doc_id", *split], dropna=False, sort=False).size().rename("n").reset_index()
        levels = {c: (list(voices or _voice.VOICES) if c == "voice"
                      else sorted(pd.unique(m[c].dropna()).tolist(), key=str)) for c in split}
        grid = pd.MultiIndex.from_product([levels[c] for c in split], names=split).to_frame(index=False)
        counts = counts.astype({c: object for c in split})
        table = docs.merge(grid.astype(object), how="cross").merge(counts, on=["doc_id", *split], how="left")
    else:
        counts = m_docs.groupby("doc_id", sort=False).size().rename("n").reset_index()
        table = docs.merge(counts, on="doc_id", how="left")
    table["n"] = table["n"].fillna(0).astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["rate"] = np.where(table["words"] > 0, per * table["n"] / table["words"], np.nan)
    if per_doc:
        out = table[["doc_id", *doc_keys, *split, "n", "words", "rate"]].reset_index(drop=True)
        return _typed(out)
    keys = [*doc_keys, *split]
    res = stats.bootstrap_ratio(table, "n", "words", by=keys or None, scale=per, n_boot=n_boot, ci=ci,
                                random_state=random_state)
    res = res.rename(columns={"estimate": "rate", "n": "n_docs"})
    few = res["n_docs"].to_numpy() < 2  # an interval needs at least two documents
    res.loc[few, ["ci_low", "ci_high"]] = np.nan
    if keys:
        agg = table.groupby(keys, dropna=False, sort=True, observed=True)[["n", "words"]].sum().reset_index()
        if len(res):
            res = res.merge(agg, on=keys, how="left")
        else:  # no documents: nothing to merge (and empty key columns may differ in dtype)
            res = res.assign(n=pd.Series(dtype="int64"), words=pd.Series(dtype="int64"))
    else:
        res["n"] = int(table["n"].sum())
        res["words"] = int(table["words"].sum())
    res["n_docs"] = res["n_docs"].astype("int64")
    res["few_docs"] = res["n_docs"].to_numpy() < 2
    return _typed(res[[*keys, "rate", "ci_low", "ci_high", "n", "words", "n_docs", "few_docs"]]
                  .reset_index(drop=True))


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    for c in ("doc_id", "category", "voice", "pattern", "period"):
        if c in out.columns:
            out[c] = out[c].astype("string")
    for c in ("n", "words"):
        if c in out.columns:
            out[c] = out[c].astype("int64")
    return out
