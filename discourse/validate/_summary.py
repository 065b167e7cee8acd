"""The agreement table of a paper: every statistic, per group, with intervals."""
from __future__ import annotations

from typing import Literal, Sequence

import numpy as np
import pandas as pd

from discourse.validate._agreement import COLUMNS, alpha, kappa, percent_agreement

__all__ = ["agreement"]


def _statistics(codes, level, unit, coder, value, opts):
    """(name, callable) of the statistics that apply to ``codes``."""
    out = [(f"alpha_{level}", lambda: alpha(codes, level=level, unit=unit, coder=coder, value=value, **opts))]
    n_coders = codes.loc[codes[value].notna(), coder].nunique()
    if n_coders == 2:
        out.append(("kappa_cohen", lambda: kappa(codes, unit=unit, coder=coder, value=value, **opts)))
    else:
        out.append(("kappa_fleiss", lambda: kappa(codes, method="fleiss", unit=unit, coder=coder, value=value,
                                                  **opts)))
    out.append(("percent_agreement", lambda: percent_agreement(codes, unit=unit, coder=coder, value=value, **opts)))
    return out


def agreement(codes: pd.DataFrame, *, level: Literal["nominal", "ordinal", "interval", "ratio"] = "nominal",
              by: str | Sequence[str] | None = None, unit: str = "unit", coder: str = "coder",
              value: str = "code", n_boot: int = 1000, ci: float = 0.95,
              random_state: int | None = 0) -> pd.DataFrame:
    """Krippendorff's alpha, kappa and percent agreement in one table, per group.

    Kappa is Cohen's when the codes come from two coders and Fleiss' otherwise. A
    statistic that cannot be estimated for a group (too few pairable values, no
    variation, unequal numbers of codes for Fleiss' kappa) has a NaN estimate and
    the reason in ``note``, so one table can hold every group.

    Parameters
    ----------
    codes : DataFrame
        Long table, one row per unit and coder (:func:`read_coding`), joined with
        the group columns when ``by`` is given.
    level : {"nominal", "ordinal", "interval", "ratio"}
        Measurement level for alpha.
    by : str or list of str, optional
        Group columns (``"pattern"``, ``"outlet"``): one set of rows per group.
    unit, coder, value : str
        Columns holding the unit id, the coder and the code.
    n_boot, ci, random_state
        Bootstrap over units (see :func:`alpha`); ``n_boot=0`` for no interval.

    Returns
    -------
    DataFrame
        ``by`` columns, ``statistic``, ``estimate``, ``ci_low``, ``ci_high``,
        ``n_units``, ``n_coders``, ``n_values``, ``note``.

    Examples
    --------
    >>> codes = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3, 4, 4], "coder": ["a", "b"] * 4,
    ...                       "code": ["x", "x", "y", "y", "x", "y", "y", "y"]})
    >>> agreement(codes, n_boot=0)[["statistic", "estimate"]].round(3)
               statistic  estimate
    0      alpha_nominal     0.533
    1        kappa_cohen     0.500
    2  percent_agreement     0.750
    """
    keys = [] if by is None else ([by] if isinstance(by, str) else list(by))
    missing = [k for k in keys if k not in codes.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in codes (columns: {list(codes.columns)})")
    opts = {"n_boot": n_boot, "ci": ci, "random_state": random_state}
    groups = [((), codes)] if not keys else [
        (k if isinstance(k, tuple) else (k,), g) for k, g in codes.groupby(keys, sort=True, dropna=False)]
    rows = []
    for key, g in groups:
        for name, run in _statistics(g, level, unit, coder, value, opts):
            try:
                row = run().iloc[0].to_dict()
                row["note"] = ""
            except ValueError as exc:
                n_coders = int(g.loc[g[value].notna(), coder].nunique())
                row = {"statistic": name, "estimate": np.nan, "ci_low": np.nan, "ci_high": np.nan,
                       "n_units": 0, "n_coders": n_coders, "n_values": 0, "note": str(exc)}
            rows.append({**dict(zip(keys, key)), **row})
    out = pd.DataFrame(rows, columns=[*keys, *COLUMNS, "note"])
    return out.astype({"n_units": "int64", "n_coders": "int64", "n_values": "int64", "note": "string"})
