"""Statistics shared by the analyses: bootstrap confidence intervals over documents.

Resampling unit is the row of ``data`` (normally one document), so intervals for a
group reflect variation between its documents, not between words. The resamples are
drawn over the group's rows in a canonical order (sorted by their values), so an
interval depends on which documents a group holds, never on the order of the rows
(files listed in another order give the same intervals). A group of fewer than two
rows has no interval: ``ci_low`` and ``ci_high`` are NaN (one document cannot show
how much documents vary; a zero-width interval would claim a precision it lacks).
"""
from __future__ import annotations

from typing import Callable, Literal, Sequence

import numpy as np
import pandas as pd

__all__ = ["bootstrap", "bootstrap_ratio"]

_STATS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "mean": lambda a: a.mean(axis=-1),
    "median": lambda a: np.median(a, axis=-1),
    "sum": lambda a: a.sum(axis=-1),
}


def _groups(data: pd.DataFrame, by: str | Sequence[str] | None):
    if by is None:
        yield (), data
        return
    keys = [by] if isinstance(by, str) else list(by)
    missing = [k for k in keys if k not in data.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in data (columns: {list(data.columns)})")
    for key, sub in data.groupby(keys, sort=True, dropna=False, observed=True):
        yield (key if isinstance(key, tuple) else (key,)), sub


def _check(n_boot, ci) -> None:
    if isinstance(n_boot, (bool, np.bool_)) or not isinstance(n_boot, (int, np.integer)) or n_boot < 0:
        raise ValueError(f"n_boot must be a whole number >= 0 (0 = no intervals), not {n_boot!r}")
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, not {ci}")


def _percentile_ci(boot: np.ndarray, ci: float) -> tuple[float, float]:
    alpha = (1 - ci) / 2
    lo, hi = np.quantile(boot, [alpha, 1 - alpha])
    return float(lo), float(hi)


#: values in one block of bootstrap resamples (about 50 MB per array): a group of a
#: million documents needs megabytes, not gigabytes
_BOOT_BLOCK = 6_000_000


def _resampled(x: np.ndarray, f, rng: np.random.Generator, n_boot: int, den: np.ndarray | None = None) -> np.ndarray:
    """``f`` (a reduction over the last axis) of ``n_boot`` resamples of ``x``
    (``f(x) / f(den)`` on the same rows when ``den`` is given), drawn a block at a
    time: the same draws, in the same order, as one ``(n_boot, len(x))`` draw."""
    per = max(1, _BOOT_BLOCK // len(x))
    out = np.empty(n_boot)
    for b in range(0, n_boot, per):
        idx = rng.integers(0, len(x), size=(min(per, n_boot - b), len(x)))
        out[b:b + len(idx)] = f(x[idx]) if den is None else f(x[idx]) / f(den[idx])
    return out


def bootstrap(
    data: pd.DataFrame,
    value: str,
    *,
    by: str | Sequence[str] | None = None,
    stat: Literal["mean", "median", "sum"] = "mean",
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Percentile bootstrap interval of ``stat(value)`` per group.

    Parameters
    ----------
    data : DataFrame
        One row per resampling unit (normally a document).
    value : str
        Column to summarise.
    by : str or list of str, optional
        Group columns (``"outlet"``, ``["outlet", "period"]``).
    stat : {"mean", "median", "sum"}
    n_boot : int
        Number of bootstrap resamples; 0: no interval.
    ci : float
        Coverage of the interval.
    random_state : int
        Seed; each group draws from its own generator, seeded from it and the
        group's position in sorted group order (so adding or removing a group can
        change the intervals of the groups sorted after it, never the estimates).
        Rows are resampled in sorted order of their values, so the order of the
        rows never matters.

    Returns
    -------
    DataFrame
        Group columns, ``estimate``, ``ci_low``, ``ci_high`` (NaN for a group of fewer
        than two rows), ``n``.

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["a", "a", "b", "b"], "x": [1.0, 3.0, 2.0, 2.0]})
    >>> bootstrap(df, "x", by="outlet", n_boot=200)[["outlet", "estimate"]]
      outlet  estimate
    0      a       2.0
    1      b       2.0
    """
    if value not in data.columns:
        raise KeyError(f"value: column {value!r} not in data")
    if stat not in _STATS:
        raise ValueError(f"stat must be one of {sorted(_STATS)}, not {stat!r}")
    _check(n_boot, ci)
    f = _STATS[stat]
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    rows = []
    for gi, (key, sub) in enumerate(_groups(data, by)):
        x = sub[value].to_numpy(dtype=float)
        x = x[~np.isnan(x)]
        row = dict(zip(keys, key))
        row["n"] = int(len(x))
        if len(x) == 0:
            row.update(estimate=np.nan, ci_low=np.nan, ci_high=np.nan)
        else:
            lo = hi = np.nan
            x = np.sort(x, kind="stable")  # canonical order: neither the sums nor the resamples see row order
            if len(x) >= 2 and n_boot > 0:
                rng = np.random.default_rng([random_state or 0, gi])
                lo, hi = _percentile_ci(_resampled(x, f, rng, n_boot), ci)
            row.update(estimate=float(f(x[None, :])[0]), ci_low=lo, ci_high=hi)
        rows.append(row)
    return pd.DataFrame(rows, columns=[*keys, "estimate", "ci_low", "ci_high", "n"])


def bootstrap_ratio(
    data: pd.DataFrame,
    numerator: str,
    denominator: str,
    *,
    by: str | Sequence[str] | None = None,
    scale: float = 1.0,
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Bootstrap interval of ``scale * sum(numerator) / sum(denominator)`` per group.

    The pooled ratio (e.g. matches per 1,000 words over all documents of an outlet)
    with documents as the resampling unit. Rows with a missing numerator or
    denominator are left out (``n`` counts the rows used), as in :func:`bootstrap`;
    rows are resampled in sorted order of their (numerator, denominator) pairs, so
    the order of the rows never matters.

    Returns
    -------
    DataFrame
        Group columns, ``estimate``, ``ci_low``, ``ci_high`` (NaN for a group of fewer
        than two rows), ``n``.

    Examples
    --------
    >>> df = pd.DataFrame({"n": [1, 3, 2], "words": [100, 100, 50]})
    >>> bootstrap_ratio(df, "n", "words", scale=1000, n_boot=200)[["estimate", "n"]].values.tolist()
    [[24.0, 3.0]]
    """
    for c in (numerator, denominator):
        if c not in data.columns:
            raise KeyError(f"column {c!r} not in data")
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    rows = []
    _check(n_boot, ci)
    for gi, (key, sub) in enumerate(_groups(data, by)):
        num = sub[numerator].to_numpy(dtype=float)
        den = sub[denominator].to_numpy(dtype=float)
        ok = ~(np.isnan(num) | np.isnan(den))  # like bootstrap: rows with a missing value do not count
        num, den = num[ok], den[ok]
        row = dict(zip(keys, key))
        row["n"] = int(len(num))
        if len(num) == 0 or den.sum() == 0:
            row.update(estimate=np.nan, ci_low=np.nan, ci_high=np.nan)
        else:
            lo = hi = np.nan
            o = np.lexsort((den, num))  # canonical order: neither the sums nor the resamples see row order
            num, den = num[o], den[o]
            if len(num) >= 2 and n_boot > 0:
                rng = np.random.default_rng([random_state or 0, gi])
                with np.errstate(invalid="ignore", divide="ignore"):
                    boot = scale * _resampled(num, _STATS["sum"], rng, n_boot, den)
                boot = boot[np.isfinite(boot)]
                lo, hi = _percentile_ci(boot, ci) if len(boot) else (np.nan, np.nan)
            row.update(estimate=float(scale * num.sum() / den.sum()), ci_low=lo, ci_high=hi)
        rows.append(row)
    return pd.DataFrame(rows, columns=[*keys, "estimate", "ci_low", "ci_high", "n"])


#: accepted spellings of ``period=`` everywhere, mapped to pandas period aliases
PERIODS = {
    "D": "D", "day": "D", "W": "W", "week": "W", "M": "M", "month": "M",
    "Q": "Q", "quarter": "Q", "Y": "Y", "A": "Y", "year": "Y",
}


def period_alias(period: str) -> str:
    """Normalize a ``period=`` option (``"M"`` or ``"month"`` ...) to a pandas alias.

    Examples
    --------
    >>> period_alias("month"), period_alias("Q")
    ('M', 'Q')
    """
    try:
        return PERIODS[period]
    except (KeyError, TypeError):
        raise ValueError(
            f"period must be one of {', '.join(repr(k) for k in PERIODS)}, not {period!r}"
        ) from None


def period_labels(dates, period: str) -> pd.Series:
    """Period labels (``"2024-01"``, ``"2024Q1"``, ``"2024"``) of dates, pandas ``string``
    dtype; missing dates stay missing (``<NA>``).

    The one rule behind every ``period=`` option, so tables from different analyses
    join on ``period``.

    Examples
    --------
    >>> period_labels(pd.Series(pd.to_datetime(["2024-01-05", None])), "month").tolist()
    ['2024-01', <NA>]
    """
    freq = period_alias(period)
    dt = pd.to_datetime(pd.Series(dates), errors="coerce")
    if getattr(dt.dt, "tz", None) is not None:
        dt = dt.dt.tz_convert("UTC").dt.tz_localize(None)
    return dt.dt.to_period(freq).astype(str).where(dt.notna()).astype("string")


def warn_undated(out: pd.DataFrame, undated: int, where: str) -> pd.DataFrame:
    """Record (``attrs["undated"]``) and warn about documents left out for want of a date."""
    out.attrs["undated"] = undated
    if undated:
        import warnings

        warnings.warn(f"{where}: {undated} undated document(s) left out of the periods "
                      f"(attrs['undated']); give them a 'published' date to count them", UserWarning, stacklevel=3)
    return out
