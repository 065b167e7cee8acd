"""Shared pieces of keyness: groups of documents, counts per group, document bootstrap
weights and the Benjamini-Hochberg adjustment."""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd
from scipy import sparse

#: separator of a group label built from several ``by`` columns
SEP = " | "


def keys_of(by: str | Sequence[str] | None, corpus: pd.DataFrame) -> list[str]:
    """The ``by`` option as a list of corpus columns (``None``: one group)."""
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    missing = [k for k in keys if k not in corpus.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in the corpus; pass by=None or a column of the corpus")
    return keys


def group_labels(corpus: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """One label per document (object array of str; ``None`` where a key is missing)."""
    if not keys:
        return np.full(len(corpus), "all", dtype=object)
    parts = corpus[keys].reset_index(drop=True)
    bad = parts.isna().any(axis=1).to_numpy()
    lab = parts[keys[0]].astype(str).astype(object)
    for k in keys[1:]:
        lab = lab + SEP + parts[k].astype(str).astype(object)
    lab = np.array(lab.to_numpy(dtype=object), dtype=object)
    lab[bad] = None
    return lab


def period_of(corpus: pd.DataFrame, period: str) -> tuple[np.ndarray, int]:
    """The period label of each document (object array of str; ``None`` when undated)
    and the number of undated documents."""
    from discourse.stats import period_labels

    if "published" not in corpus.columns:
        raise KeyError("period needs a 'published' column (dates) in the corpus; pass period=None")
    lab = period_labels(corpus["published"].reset_index(drop=True), period)
    out = np.array([None if v is pd.NA else str(v) for v in lab.tolist()], dtype=object)
    return out, int(lab.isna().sum())




#: ``stop_words=`` names: what each leaves out (``None``: nothing)
STOP_WORDS = ("boilerplate", "english", "news")


def stop_list(stop_words) -> list[str] | None:
    """The words a ``stop_words`` option leaves out (:func:`discourse.words.stop_words`:
    ``"boilerplate"``, ``"english"``, ``"news"``, a list of words, or ``None``), as a
    sorted list for :func:`discourse.text.dtm`; ``None`` when it leaves out nothing."""
    from discourse import words

    return sorted(words.stop_words(stop_words, names=STOP_WORDS)) or None


def indicator(labels: np.ndarray, names: Sequence[str]) -> sparse.csr_matrix:
    """Groups × documents 0/1 matrix (documents without a group in no row)."""
    pos = {n: i for i, n in enumerate(names)}
    rows = np.array([pos.get(g, -1) if g is not None else -1 for g in labels], dtype=np.int64)
    ok = rows >= 0
    return sparse.csr_matrix((np.ones(ok.sum()), (rows[ok], np.flatnonzero(ok))), shape=(len(names), len(labels)))


def boot_weights(n_docs: int, n_boot: int, random_state: int | None, stream: int) -> np.ndarray:
    """``n_boot × n_docs`` resampling counts (each row sums to ``n_docs``): documents drawn
    with replacement, one independent stream per group."""
    rng = np.random.default_rng([int(random_state or 0), int(stream)])
    idx = rng.integers(0, n_docs, size=(n_boot, n_docs))
    flat = (idx + (np.arange(n_boot, dtype=np.int64) * n_docs)[:, None]).ravel()
    return np.bincount(flat, minlength=n_boot * n_docs).reshape(n_boot, n_docs).astype(np.float64)


def check_boot(n_boot, ci: float = 0.95) -> int:
    if isinstance(n_boot, (bool, np.bool_)) or not isinstance(n_boot, (int, np.integer)) or n_boot < 0:
        raise ValueError(f"n_boot must be a whole number >= 0 (0 = no intervals), not {n_boot!r}")
    return int(n_boot)


def quantiles(boot: np.ndarray, ci: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Percentile interval along the last axis, ignoring non-finite replicates."""
    a = (1 - ci) / 2
    if np.isfinite(boot).all():
        lo, hi = np.quantile(boot, [a, 1 - a], axis=-1)
        return lo, hi
    b = np.where(np.isfinite(boot), boot, np.nan)
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            lo, hi = np.nanquantile(b, [a, 1 - a], axis=-1)
    return lo, hi


def bh(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (NaN stays NaN).

    Examples
    --------
    >>> bh(np.array([0.01, 0.04, 0.03])).round(3).tolist()
    [0.03, 0.04, 0.04]
    """
    p = np.asarray(p, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    if len(ok) == 0:
        return out
    order = ok[np.argsort(p[ok], kind="stable")]
    m = len(order)
    adj = p[order] * m / np.arange(1, m + 1)
    adj = np.minimum.accumulate(adj[::-1])[::-1]
    out[order] = np.minimum(adj, 1.0)
    return out
