"""Corpus-level statistics from a run's folder: the same numbers as the in-memory path
where the method is exact (term rates, keyness counts and scores), a sample for
topic fitting."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

__all__ = ["read", "documents", "rates", "keyness", "sample"]

#: chunk tables of counts summed before they are folded into one
_FOLD = 8


def _parts(out, step: str) -> list[Path]:
    folder = Path(out) / step
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such step in the run folder; run the step first: "
                                f"discourse.batch.run(source, [{step!r}], {str(out)!r})")
    return sorted(p for p in folder.glob("part-*.parquet"))


def read(out: str | Path, step: str) -> pd.DataFrame:
    """One step's table of a run, every chunk in order (``"documents"`` and
    ``"load_report"`` too).

    Examples
    --------
    >>> read("runs/2021", "quotes")                                      # doctest: +SKIP
    """
    frames = [pd.read_parquet(p) for p in _parts(out, step)]
    frames = [f for f in frames if len(f)] or frames[:1]
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def documents(out: str | Path) -> pd.DataFrame:
    """The documents of a run: the corpus's columns without the text, ``words`` (the
    denominator of every rate) and ``text_key``, with exact duplicates flagged.

    ``duplicate_of`` keeps what the source said (a saved corpus's flags) and flags every
    other exact copy by :func:`discourse.corpus.load`'s rule: texts with the same words
    after case folding; the earliest published, then the smallest ``doc_id``, is the
    original. Near copies are not flagged in a streamed run (they need every text at
    once: :func:`discourse.corpus.find_duplicates` on a selection).

    Examples
    --------
    >>> docs = documents("runs/2021")                                    # doctest: +SKIP
    >>> docs = docs[docs["duplicate_of"].isna()]     # then rates(out, documents=docs)
    """
    from discourse.corpus._table import _STR_COLUMNS

    docs = read(out, "documents")
    if not len(docs):
        return docs
    for col in _STR_COLUMNS:
        if col in docs.columns:
            docs[col] = docs[col].astype("string")
    if "published" in docs.columns:
        docs["published"] = pd.to_datetime(docs["published"]).astype("datetime64[ns]")
    order = docs.assign(_undated=docs["published"].isna()).sort_values(
        ["text_key", "_undated", "published", "doc_id"], kind="stable").index
    ranked = docs.loc[order, ["text_key", "doc_id"]]
    first = ranked.groupby("text_key", sort=False)["doc_id"].transform("first")
    exact = first.where(first != ranked["doc_id"]).reindex(docs.index)
    docs["duplicate_of"] = docs["duplicate_of"].fillna(exact.astype("string"))
    return docs


def _docs(out, documents_, by, period) -> pd.DataFrame:
    """The documents counted: the table given, or the columns needed read from the run
    (not the whole documents table: at a million articles that saves gigabytes)."""
    if documents_ is None:
        import pyarrow.parquet as pq

        from discourse.corpus._table import _STR_COLUMNS

        parts = _parts(out, "documents")
        names = set(pq.read_schema(parts[0]).names) if parts else set()
        keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
        need = list(dict.fromkeys(["doc_id", "words", *[k for k in keys if k in names],
                                   *(["published"] if period is not None and "published" in names else [])]))
        docs = pd.concat([pd.read_parquet(p, columns=need) for p in parts], ignore_index=True) if parts \
            else pd.DataFrame(columns=need)
        for col in set(_STR_COLUMNS) & set(need):
            docs[col] = docs[col].astype("string")
        if "published" in need:
            docs["published"] = pd.to_datetime(docs["published"]).astype("datetime64[ns]")
    else:
        docs = documents_
    if not isinstance(docs, pd.DataFrame) or not {"doc_id", "words"} <= set(docs.columns):
        raise KeyError("documents: a table from discourse.batch.documents(out) (with doc_id and words), "
                       "filtered or with columns added")
    return docs.assign(doc_id=docs["doc_id"].astype(str).to_numpy(dtype=object)).drop_duplicates("doc_id")


def rates(out: str | Path, *, documents: pd.DataFrame | None = None, by: str | Sequence[str] | None = "outlet",
          period: str | None = None, voice: str | Sequence[str] | None = None, per: float = 1000,
          n_boot: int = 1000, ci: float = 0.95, random_state: int | None = 0) -> pd.DataFrame:
    """:func:`discourse.terms.rates` from a run's ``terms`` step: the same table, the
    same numbers (pooled rates, document-bootstrap intervals), without the texts.

    Parameters
    ----------
    out : str or Path
        A run folder with the ``terms`` step.
    documents : DataFrame, optional
        The documents counted (default: all of :func:`documents`); pass a filtered
        one (no duplicates, one outlet) or one with columns added to group by.
    by, period, voice, per, n_boot, ci, random_state
        As in :func:`discourse.terms.rates` (``by`` may name ``category``, ``voice``,
        ``pattern`` or ``doc_id``).

    Returns
    -------
    DataFrame
        The columns of :func:`discourse.terms.rates`.
    """
    from discourse import stats
    from discourse import voice as _voice
    from discourse.terms._rates import MATCH_COLUMNS, _typed, group_keys, period_column

    docs_in = _docs(out, documents, by, period)
    if per <= 0:
        raise ValueError(f"per must be positive, not {per}")
    voices = _voice.check(voice)
    by_list = group_keys(by, docs_in, extra=("doc_id", *MATCH_COLUMNS))
    split = [c for c in by_list if c in MATCH_COLUMNS]
    doc_keys = [c for c in by_list if c not in MATCH_COLUMNS and c != "doc_id"]
    docs = pd.DataFrame({"doc_id": docs_in["doc_id"].to_numpy(dtype=object)})
    for c in doc_keys:  # (as terms.rates builds its table, so the group columns get the same dtypes)
        docs[c] = docs_in[c].to_numpy()
    if period is not None:
        docs["period"] = period_column(docs_in.reset_index(drop=True), period)
        doc_keys = [*doc_keys, "period"]
    docs["words"] = docs_in["words"].to_numpy(dtype=np.int64)
    need = ["doc_id", *split, *(["voice"] if voices is not None and "voice" not in split else [])]
    counts, levels = [], {c: set() for c in split}
    for p in _parts(out, "terms"):
        m = pd.read_parquet(p, columns=need)
        for c in split:
            levels[c] |= set(m[c].dropna().tolist())
        if voices is not None:
            m = m[m["voice"].isin(voices)]
        m = m.assign(doc_id=m["doc_id"].astype(str).to_numpy(dtype=object))
        counts.append(m.groupby(["doc_id", *split], dropna=False, sort=False).size().rename("n").reset_index())
    counts = pd.concat(counts, ignore_index=True) if counts else pd.DataFrame(columns=["doc_id", *split, "n"])
    counts = counts[counts["doc_id"].isin(docs["doc_id"])]
    if split:
        lv = {c: (list(voices or _voice.VOICES) if c == "voice" else sorted(levels[c], key=str)) for c in split}
        grid = pd.MultiIndex.from_product([lv[c] for c in split], names=split).to_frame(index=False)
        counts = counts.astype({c: object for c in split})
        table = docs.merge(grid.astype(object), how="cross").merge(counts, on=["doc_id", *split], how="left")
    else:
        table = docs.merge(counts[["doc_id", "n"]], on="doc_id", how="left")
    table["n"] = table["n"].fillna(0).astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        table["rate"] = np.where(table["words"] > 0, per * table["n"] / table["words"], np.nan)
    if "doc_id" in by_list:
        return _typed(table[["doc_id", *doc_keys, *split, "n", "words", "rate"]].reset_index(drop=True))
    keys = [*doc_keys, *split]
    res = stats.bootstrap_ratio(table, "n", "words", by=keys or None, scale=per, n_boot=n_boot, ci=ci,
                                random_state=random_state)
    res = res.rename(columns={"estimate": "rate", "n": "n_docs"})
    res.loc[res["n_docs"].to_numpy() < 2, ["ci_low", "ci_high"]] = np.nan
    if keys:
        agg = table.groupby(keys, dropna=False, sort=True, observed=True)[["n", "words"]].sum().reset_index()
        res = res.merge(agg, on=keys, how="left") if len(res) else res.assign(
            n=pd.Series(dtype="int64"), words=pd.Series(dtype="int64"))
    else:
        res["n"], res["words"] = int(table["n"].sum()), int(table["words"].sum())
    res["n_docs"] = res["n_docs"].astype("int64")
    res["few_docs"] = res["n_docs"].to_numpy() < 2
    return _typed(res[[*keys, "rate", "ci_low", "ci_high", "n", "words", "n_docs", "few_docs"]]
                  .reset_index(drop=True))


def keyness(out: str | Path, *, documents: pd.DataFrame | None = None, by: str | Sequence[str] | None = "outlet",
            period: str | None = None, target=None, reference=None,
            method: str = "log_odds", min_df: int | float = 1,
            stop_words: str | Sequence[str] | None = "boilerplate") -> pd.DataFrame:
    """:func:`discourse.keyness.score` from a run's ``counts`` step: the same table and
    numbers for every word (all voices, single words: what the step counts), read
    chunk by chunk; no bootstrap intervals (``ci_low``/``ci_high`` are NaN, as with
    ``n_boot=0``).

    Parameters
    ----------
    out : str or Path
        A run folder with the ``counts`` step.
    documents : DataFrame, optional
        The documents counted (default: all of :func:`documents`).
    by, period, target, reference, method, min_df, stop_words
        As in :func:`discourse.keyness.score` (``reference`` may be a frequency table;
        the words ``stop_words`` leaves out are dropped before the totals, as there).

    Returns
    -------
    DataFrame
        The columns of :func:`discourse.keyness.score`.
    """
    from discourse.keyness._counts import group_labels, keys_of, period_of, stop_list
    from discourse.stats import warn_undated
    from discourse.keyness._score import METHODS, _comparisons, _name, _ref_table, _within_periods, compare
    from discourse.text._dtm import _check_df

    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    stop = frozenset(stop_list(stop_words) or ())
    docs = _docs(out, documents, by, period).reset_index(drop=True)
    keys = keys_of(by, docs)
    labels = group_labels(docs, keys)
    if period is None:
        names = sorted({g for g in labels if g is not None})
        if not names:
            raise ValueError("the corpus has no documents with a group; check the by columns")
        comps = _comparisons(names, target, reference)
        group_of, period_of_group, undated, code = names, None, 0, {n: i for i, n in enumerate(names)}
        doc_group = np.array([-1 if g is None else code[g] for g in labels], dtype=np.int64)
    else:
        periods, undated = period_of(docs, period)
        combined, group_of, period_of_group, comps = _within_periods(labels, periods, target, reference)
        doc_group = np.array([-1 if g is None else g for g in combined], dtype=np.int64)
    n_groups = len(group_of)
    row = pd.Series(doc_group, index=docs["doc_id"].to_numpy(dtype=object))
    sums, df_counts = [], []
    totals = np.zeros(n_groups)
    for p in _parts(out, "counts"):
        c = pd.read_parquet(p)
        if stop:
            c = c[~c["term"].astype(str).isin(stop)]
        g = row.reindex(c["doc_id"].astype(str).to_numpy(dtype=object)).to_numpy()
        inside = ~np.isnan(g)
        c, g = c[inside], g[inside].astype(np.int64)
        df_counts.append(c.groupby("term", sort=False).size())
        keep = g >= 0
        totals += np.bincount(g[keep], weights=c["n"].to_numpy()[keep], minlength=n_groups)
        sums.append(c[keep].assign(g=g[keep]).groupby(["g", "term"], sort=False)["n"].sum())
        if len(sums) >= _FOLD:  # folded as it goes: memory holds groups x vocabulary, not the chunks
            sums = [pd.concat(sums).groupby(level=[0, 1], sort=False).sum()]
            df_counts = [pd.concat(df_counts).groupby(level=0, sort=False).sum()]
    ndocs = np.bincount(doc_group[doc_group >= 0], minlength=n_groups).astype(np.int64)
    dfreq = pd.concat(df_counts).groupby(level=0).sum() if df_counts else pd.Series(dtype="int64")
    terms = np.array(sorted(dfreq.index[dfreq.to_numpy() >= _check_df(min_df, "min_df", len(docs))]), dtype=object)
    G = np.zeros((n_groups, len(terms)))
    if sums:
        s = pd.concat(sums).groupby(level=[0, 1]).sum()
        col = pd.Series(np.arange(len(terms)), index=terms).reindex(s.index.get_level_values(1)).to_numpy()
        ok = ~np.isnan(col)
        np.add.at(G, (s.index.get_level_values(0).to_numpy()[ok], col[ok].astype(np.int64)), s.to_numpy()[ok])
    empty = sorted({_name(group_of, period_of_group, t) for t, _, _ in comps if totals[t] == 0})
    if empty:
        raise ValueError(f"group(s) {empty} have no words; leave them out with target=")
    table = isinstance(reference, pd.DataFrame)
    if table:
        tab_counts, tab_total = _ref_table(reference, terms.astype(str))
    res = compare(G, totals, ndocs, comps, terms, (group_of, period_of_group), method=method,
                  table=(tab_counts, tab_total) if table else None)
    return warn_undated(res, undated, "batch.keyness") if period is not None else res


def sample(source, n: int, *, columns: dict[str, str] | None = None, random_state: int | None = 0) -> pd.DataFrame:
    """``n`` documents drawn from a source (as :func:`discourse.batch.run` reads it), to
    fit a topic model on, which the ``topics`` step then applies to every chunk.

    The draw keeps the ``n`` documents whose hash of ``random_state`` and ``doc_id``
    is smallest: uniform, the same for the same seed whatever the chunk size or
    machine, and read in one pass with ``n`` documents in memory. Rows come back in
    the source's order, as a corpus table (``duplicate_of`` empty).

    Examples
    --------
    >>> from discourse import batch, topics
    >>> model = topics.fit(batch.sample("big.jsonl", 5000), 20)               # doctest: +SKIP
    >>> batch.run("big.jsonl", ["topics"], "runs/big", model=model)            # doctest: +SKIP
    """
    from discourse.batch._run import chunks

    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be a whole number >= 1, not {n!r}")
    seed = str(int(random_state or 0))
    kept = None
    position = 0
    for _, chunk in chunks(source, max(1000, min(int(n), 10_000)), columns):
        chunk = chunk.reset_index(drop=True)
        chunk.attrs = {}
        chunk["_key"] = [hashlib.sha1(f"{seed}:{d}".encode("utf-8")).hexdigest() for d in chunk["doc_id"]]
        chunk["_pos"] = np.arange(position, position + len(chunk))
        position += len(chunk)
        both = chunk if kept is None else pd.concat([kept, chunk], ignore_index=True)
        kept = both.sort_values("_key", kind="stable").head(int(n)) if len(both) > n else both
    if kept is None:
        raise ValueError("source: no documents")
    out = kept.sort_values("_pos").drop(columns=["_key", "_pos"]).reset_index(drop=True)
    out.attrs = {}
    return out
