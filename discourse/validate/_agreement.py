"""Agreement between coders: Krippendorff's alpha, Cohen's and Fleiss' kappa, percent
agreement, each with a bootstrap interval over units.

Every function takes a long table of codes (one row per unit and coder; a missing code
is a missing value) and returns a one-row table ``statistic``, ``estimate``, ``ci_low``,
``ci_high``, ``n_units``, ``n_coders``, ``n_values``. The bootstrap resamples units
with replacement (percentile interval), so the interval reflects the sample of coded
units; ``n_boot=0`` skips it (``ci_low``/``ci_high`` NaN).
"""
from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

__all__ = ["alpha", "kappa", "percent_agreement"]

COLUMNS = ["statistic", "estimate", "ci_low", "ci_high", "n_units", "n_coders", "n_values"]
_LEVELS = ("nominal", "ordinal", "interval", "ratio")
_CHUNK = 250  # bootstrap replicates drawn at a time (bounds memory on large samples)


# ----------------------------------------------------------------------- input
def _long(codes: pd.DataFrame, unit: str, coder: str, value: str, *, numeric: bool = False):
    """Check the long table; return the non-missing rows as (unit, coder, value) arrays."""
    if not isinstance(codes, pd.DataFrame):
        raise TypeError(f"codes must be a DataFrame (one row per unit and coder), not {type(codes).__name__}")
    for name, col in (("unit", unit), ("coder", coder), ("value", value)):
        if col not in codes.columns:
            raise KeyError(f"{name}: column {col!r} not in codes (columns: {list(codes.columns)})")
    df = codes[[unit, coder, value]]
    dup = df[[unit, coder]].duplicated(keep=False)
    if dup.any():
        first = df.loc[dup, [unit, coder]].drop_duplicates().head(3).to_records(index=False).tolist()
        raise ValueError(f"codes has more than one code for the same unit and coder, e.g. {first}; "
                         "keep one code per coder and unit")
    df = df[df[value].notna()]
    vals = df[value]
    if numeric:
        try:
            vals = pd.to_numeric(vals)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"value: column {value!r} must be numeric for this level ({exc})") from None
    return df[unit].to_numpy(), df[coder].to_numpy(), vals.to_numpy()


def _categories(values: np.ndarray, codes: pd.DataFrame, value: str) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values and each value's index (ordered categoricals keep their order)."""
    col = codes[value]
    if isinstance(col.dtype, pd.CategoricalDtype) and col.cat.ordered:
        cats = np.asarray([c for c in col.cat.categories if c in set(values.tolist())], dtype=object)
        lookup = {c: i for i, c in enumerate(cats)}
        return cats, np.fromiter((lookup[v] for v in values), dtype=np.int64, count=len(values))
    try:
        cats, idx = np.unique(values, return_inverse=True)
    except TypeError:  # mixed types: order by text, the order of a nominal code does not matter
        keys = np.asarray([f"{type(v).__name__}:{v}" for v in values])
        _, first, idx = np.unique(keys, return_index=True, return_inverse=True)
        cats = values[first]
    return cats, idx.astype(np.int64)


def _unit_counts(units: np.ndarray, idx: np.ndarray, n_values: int) -> tuple[np.ndarray, np.ndarray]:
    """Unit labels and the unit × value count matrix."""
    ulab, uidx = np.unique(units.astype(str), return_inverse=True)
    counts = np.zeros((len(ulab), n_values))
    np.add.at(counts, (uidx, idx), 1.0)
    return ulab, counts


def _check_options(n_boot: int, ci: float) -> None:
    if not isinstance(n_boot, (int, np.integer)) or n_boot < 0:
        raise ValueError(f"n_boot must be a non-negative integer, not {n_boot!r}")
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, not {ci}")


def _weights(n_units: int, n_boot: int, random_state):
    """Bootstrap weights: how often each unit is drawn, ``_CHUNK`` replicates at a time."""
    rng = np.random.default_rng(random_state)
    done = 0
    while done < n_boot:
        b = min(_CHUNK, n_boot - done)
        yield rng.multinomial(n_units, np.full(n_units, 1.0 / n_units), size=b).astype(float)
        done += b


def _interval(stat, n_units: int, n_boot: int, ci: float, random_state) -> tuple[float, float]:
    """Percentile interval of ``stat(weights)`` over bootstrap replicates (undefined
    replicates, e.g. without variation, are left out)."""
    if n_boot == 0:
        return np.nan, np.nan
    reps = np.concatenate([stat(w) for w in _weights(n_units, n_boot, random_state)])
    reps = reps[np.isfinite(reps)]
    if len(reps) == 0:
        return np.nan, np.nan
    lo, hi = np.quantile(reps, [(1 - ci) / 2, 1 - (1 - ci) / 2])
    return float(lo), float(hi)


def _row(statistic: str, estimate: float, lo: float, hi: float, n_units: int, n_coders: int,
         n_values: int) -> pd.DataFrame:
    return pd.DataFrame([[statistic, float(estimate), lo, hi, n_units, n_coders, n_values]], columns=COLUMNS)


# ----------------------------------------------------------------------- alpha
def _alpha_from(marg: np.ndarray, observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """``1 - (n - 1) Σ o δ² / Σ n_c n_k δ²``; NaN without expected disagreement."""
    total = marg.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(expected > 0, 1.0 - (total - 1) * observed / np.where(expected > 0, expected, 1.0), np.nan)


def _delta2(cats: np.ndarray, level: str, marginals: np.ndarray) -> np.ndarray:
    """Squared difference δ²(c, k) between value indices; ``marginals`` (…, V) are the
    value frequencies n_c (only the ordinal metric uses them; None otherwise)."""
    V = len(cats)
    if level == "nominal":
        return 1.0 - np.eye(V)
    if level == "ordinal":
        cum = np.cumsum(marginals, axis=-1)
        # sum_{g=c}^{k} n_g - (n_c + n_k) / 2 for c <= k
        between = cum[..., None, :] - cum[..., :, None] + marginals[..., :, None]
        d = between - (marginals[..., :, None] + marginals[..., None, :]) / 2
        d = np.where(np.arange(V)[:, None] <= np.arange(V)[None, :], d, np.swapaxes(d, -1, -2))
        return d ** 2
    x = cats.astype(float)
    diff = x[:, None] - x[None, :]
    if level == "interval":
        return diff ** 2
    total = x[:, None] + x[None, :]
    if (x < 0).any():
        raise ValueError("level='ratio' needs non-negative values")
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total == 0, 0.0, (diff / np.where(total == 0, 1.0, total)) ** 2)


def alpha(codes: pd.DataFrame, *, level: Literal["nominal", "ordinal", "interval", "ratio"] = "nominal",
          unit: str = "unit", coder: str = "coder", value: str = "code", n_boot: int = 0,
          ci: float = 0.95, random_state: int | None = 0) -> pd.DataFrame:
    """Krippendorff's alpha for any number of coders, with missing values.

    ``alpha = 1 - D_o / D_e``: observed over expected disagreement, from the
    coincidence matrix of all pairable values (units with at least two codes), with
    the difference function of the measurement ``level`` (Krippendorff 2011).

    Parameters
    ----------
    codes : DataFrame
        Long table, one row per unit and coder; missing codes (NaN) are left out.
    level : {"nominal", "ordinal", "interval", "ratio"}
        Measurement level of the codes. Ordinal codes are ranked by their sort order
        (or the order of an ordered categorical); interval and ratio codes are numbers.
    unit, coder, value : str
        Columns holding the unit id, the coder and the code.
    n_boot : int
        Bootstrap replicates (units resampled with replacement); 0 for none.
    ci : float
        Coverage of the percentile interval.
    random_state : int
        Seed of the bootstrap.

    Returns
    -------
    DataFrame
        One row: ``statistic`` (``"alpha_<level>"``), ``estimate``, ``ci_low``,
        ``ci_high`` (NaN when ``n_boot=0``), ``n_units`` (pairable units),
        ``n_coders``, ``n_values`` (pairable values).

    Raises
    ------
    ValueError
        With fewer than two pairable values, or when all pairable values are the same
        (no variation: alpha is undefined).

    Examples
    --------
    >>> codes = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3, 4, 4],
    ...                       "coder": ["a", "b"] * 4,
    ...                       "code": ["x", "x", "y", "y", "x", "y", "y", "y"]})
    >>> round(float(alpha(codes)["estimate"].iloc[0]), 4)
    0.5333
    """
    if level not in _LEVELS:
        raise ValueError(f"level must be one of {list(_LEVELS)}, not {level!r}")
    _check_options(n_boot, ci)
    units, coders, values = _long(codes, unit, coder, value, numeric=level in ("interval", "ratio"))
    cats, idx = _categories(values, codes, value)
    _, counts = _unit_counts(units, idx, len(cats))
    m = counts.sum(axis=1)
    keep = m >= 2
    counts, m = counts[keep], m[keep]
    n = counts.sum()
    if n < 2:
        raise ValueError(f"alpha needs at least two pairable values (units coded by two or more coders); "
                         f"found {int(n)}")
    if level == "ordinal":
        # δ² depends on the value totals, so keep each unit's coincidences
        # o_u[c, k] = (n_uc n_uk - [c == k] n_uc) / (m_u - 1)
        O = (counts[:, :, None] * counts[:, None, :] - counts[:, :, None] * np.eye(len(cats))) / (m - 1)[:, None, None]

        def stat(w: np.ndarray) -> np.ndarray:
            o = np.tensordot(w, O, axes=(-1, 0))          # (..., V, V)
            marg = o.sum(axis=-1)                          # n_c
            d2 = _delta2(cats, level, marg)
            return _alpha_from(marg, (o * d2).sum(axis=(-2, -1)), np.einsum("...c,...ck,...k->...", marg, d2, marg))
    else:
        # fixed δ²: each unit's observed disagreement Σ o_u δ² = n_u' Δ n_u / (m_u - 1)
        d2 = _delta2(cats, level, None)
        d_u = ((counts @ d2) * counts).sum(axis=1) / (m - 1)

        def stat(w: np.ndarray) -> np.ndarray:
            marg = w @ counts
            return _alpha_from(marg, w @ d_u, np.einsum("...c,ck,...k->...", marg, d2, marg))

    est = float(stat(np.ones(len(counts)))[()])
    if not np.isfinite(est):
        raise ValueError("alpha is undefined: all pairable values are the same (no variation in the codes)")
    lo, hi = _interval(stat, len(counts), n_boot, ci, random_state)
    return _row(f"alpha_{level}", est, lo, hi, int(len(counts)), int(len(pd.unique(coders))), int(n))


# ----------------------------------------------------------------------- kappa
def _cohen(codes, unit, coder, value, weights, n_boot, ci, random_state):
    units, coders, values = _long(codes, unit, coder, value)
    names = sorted(pd.unique(coders).tolist(), key=str)
    if len(names) != 2:
        raise ValueError(f"Cohen's kappa needs exactly 2 coders, found {len(names)} ({names}); "
                         "use method='fleiss' or alpha() for more")
    cats, idx = _categories(values, codes, value)
    df = pd.DataFrame({"u": units.astype(str), "c": coders, "i": idx})
    wide = df.pivot(index="u", columns="c", values="i").dropna()
    if len(wide) < 2:
        raise ValueError(f"Cohen's kappa needs at least two units coded by both coders; found {len(wide)}")
    a = wide[names[0]].to_numpy(dtype=int)
    b = wide[names[1]].to_numpy(dtype=int)
    V = len(cats)
    onehot = np.zeros((len(a), V * V))
    onehot[np.arange(len(a)), a * V + b] = 1.0
    i, j = np.indices((V, V))
    W = {None: (i != j).astype(float), "linear": np.abs(i - j).astype(float),
         "quadratic": ((i - j) ** 2).astype(float)}[weights]

    def stat(w: np.ndarray) -> np.ndarray:
        conf = (w @ onehot).reshape(*w.shape[:-1], V, V)
        n = conf.sum(axis=(-2, -1))
        expected = conf.sum(axis=-1)[..., :, None] * conf.sum(axis=-2)[..., None, :] / n[..., None, None]
        num = (W * conf).sum(axis=(-2, -1))
        den = (W * expected).sum(axis=(-2, -1))
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(den > 0, 1.0 - num / np.where(den > 0, den, 1.0), np.nan)

    est = float(stat(np.ones(len(a)))[()])
    if not np.isfinite(est):
        raise ValueError("Cohen's kappa is undefined: both coders used one and the same code for every unit")
    lo, hi = _interval(stat, len(a), n_boot, ci, random_state)
    label = "kappa_cohen" + (f"_{weights}" if weights else "")
    return _row(label, est, lo, hi, len(a), 2, 2 * len(a))


def _fleiss(codes, unit, coder, value, n_boot, ci, random_state):
    units, coders, values = _long(codes, unit, coder, value)
    cats, idx = _categories(values, codes, value)
    ulab, counts = _unit_counts(units, idx, len(cats))
    m = counts.sum(axis=1)
    if len(m) < 2:
        raise ValueError(f"Fleiss' kappa needs at least two coded units; found {len(m)}")
    if m.min() != m.max() or m[0] < 2:
        short = ulab[m < m.max()][:5].tolist()
        raise ValueError(f"Fleiss' kappa needs the same number (>= 2) of codes for every unit; "
                         f"units {short} have fewer than {int(m.max())}. Drop them or use alpha(), which "
                         "allows missing codes")
    r = m[0]
    P = ((counts ** 2).sum(axis=1) - r) / (r * (r - 1))

    def stat(w: np.ndarray) -> np.ndarray:
        N = w.sum(axis=-1)
        p_bar = (w @ P) / N
        p_j = (w @ counts) / (N * r)[..., None]
        p_e = (p_j ** 2).sum(axis=-1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(p_e < 1, (p_bar - p_e) / np.where(p_e < 1, 1 - p_e, 1.0), np.nan)

    est = float(stat(np.ones(len(m)))[()])
    if not np.isfinite(est):
        raise ValueError("Fleiss' kappa is undefined: every coder used one and the same code for every unit")
    lo, hi = _interval(stat, len(m), n_boot, ci, random_state)
    return _row("kappa_fleiss", est, lo, hi, len(m), int(len(pd.unique(coders))), int(m.sum()))


def kappa(codes: pd.DataFrame, *, method: Literal["cohen", "fleiss"] = "cohen",
          weights: Literal["linear", "quadratic"] | None = None, unit: str = "unit", coder: str = "coder",
          value: str = "code", n_boot: int = 0, ci: float = 0.95, random_state: int | None = 0) -> pd.DataFrame:
    """Cohen's kappa (two coders) or Fleiss' kappa (a fixed number of codes per unit).

    Cohen's kappa ``1 - Σ w·O / Σ w·E`` uses the units coded by both coders, with
    ``weights`` for ordered codes as in :func:`sklearn.metrics.cohen_kappa_score`.
    Fleiss' kappa ``(P̄ - P_e) / (1 - P_e)`` (Fleiss 1971) needs every unit coded the
    same number of times (the coders may differ between units).

    Parameters
    ----------
    codes : DataFrame
        Long table, one row per unit and coder.
    method : {"cohen", "fleiss"}
    weights : {None, "linear", "quadratic"}
        Disagreement weights of Cohen's kappa (positions in the sorted codes).
    unit, coder, value : str
        Columns holding the unit id, the coder and the code.
    n_boot, ci, random_state
        Bootstrap over units, as in :func:`alpha`.

    Returns
    -------
    DataFrame
        One row: ``statistic`` (``kappa_cohen``, ``kappa_cohen_linear``,
        ``kappa_cohen_quadratic`` or ``kappa_fleiss``), ``estimate``, ``ci_low``,
        ``ci_high``, ``n_units``, ``n_coders``, ``n_values``.

    Examples
    --------
    >>> codes = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3, 4, 4],
    ...                       "coder": ["a", "b"] * 4,
    ...                       "code": ["x", "x", "y", "y", "x", "y", "y", "y"]})
    >>> float(kappa(codes)["estimate"].iloc[0])
    0.5
    """
    _check_options(n_boot, ci)
    if method == "cohen":
        if weights not in (None, "linear", "quadratic"):
            raise ValueError(f"weights must be None, 'linear' or 'quadratic', not {weights!r}")
        return _cohen(codes, unit, coder, value, weights, n_boot, ci, random_state)
    if method == "fleiss":
        if weights is not None:
            raise ValueError("weights apply to Cohen's kappa only (method='cohen')")
        return _fleiss(codes, unit, coder, value, n_boot, ci, random_state)
    raise ValueError(f"method must be 'cohen' or 'fleiss', not {method!r}")


def percent_agreement(codes: pd.DataFrame, *, unit: str = "unit", coder: str = "coder", value: str = "code",
                      n_boot: int = 0, ci: float = 0.95, random_state: int | None = 0) -> pd.DataFrame:
    """Share of agreeing coder pairs, averaged over units coded at least twice.

    For two coders this is the share of units both coded the same; with more coders,
    each unit counts once, with the share of its coder pairs that agree.

    Returns
    -------
    DataFrame
        One row: ``statistic`` (``"percent_agreement"``, a proportion in [0, 1]),
        ``estimate``, ``ci_low``, ``ci_high``, ``n_units``, ``n_coders``, ``n_values``.

    Examples
    --------
    >>> codes = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3, 4, 4],
    ...                       "coder": ["a", "b"] * 4,
    ...                       "code": ["x", "x", "y", "y", "x", "y", "y", "y"]})
    >>> float(percent_agreement(codes)["estimate"].iloc[0])
    0.75
    """
    _check_options(n_boot, ci)
    units, coders, values = _long(codes, unit, coder, value)
    cats, idx = _categories(values, codes, value)
    _, counts = _unit_counts(units, idx, len(cats))
    m = counts.sum(axis=1)
    keep = m >= 2
    counts, m = counts[keep], m[keep]
    if len(m) == 0:
        raise ValueError("percent agreement needs at least one unit coded by two or more coders; found none")
    share = (counts * (counts - 1)).sum(axis=1) / (m * (m - 1))

    def stat(w: np.ndarray) -> np.ndarray:
        return (w @ share) / w.sum(axis=-1)

    est = float(share.mean())
    lo, hi = _interval(stat, len(m), n_boot, ci, random_state)
    return _row("percent_agreement", est, lo, hi, int(len(m)), int(len(pd.unique(coders))), int(m.sum()))
