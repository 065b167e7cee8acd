"""Plots for validation: precision of each lexicon pattern, agreement between coders.

Each function takes a tidy table from :mod:`discourse.validate` and ``ax=None``,
returns the Axes, never saves and never changes rcParams.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from discourse.plots._common import _ax, _need

__all__ = ["pattern_precision", "agreement"]

_ALL = "(all)"


def _dots(ax, labels: list[str], est: np.ndarray, lo: np.ndarray, hi: np.ndarray, color: str) -> None:
    y = np.arange(len(labels), dtype=float)
    err = np.vstack([est - lo, hi - est])
    err = np.where(np.isfinite(err), np.clip(err, 0, None), 0.0)
    ax.errorbar(est, y, xerr=err, fmt="o", color=color, ecolor=color, elinewidth=0.8, capsize=0, markersize=3.5)
    ax.set_yticks(y, labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)


def pattern_precision(data: pd.DataFrame, *, by: str = "pattern", ax=None, xlabel: str | None = None):
    """Precision of each lexicon pattern with its interval, least precise at the top.

    Parameters
    ----------
    data : DataFrame
        Output of :func:`discourse.validate.pattern_precision` (``by`` column, ``n``,
        ``estimate``, ``ci_low``, ``ci_high``). Its ``"(all)"`` row is drawn as a
        dashed vertical line (the precision of the whole lexicon).
    by : str
        The pattern column.
    ax : Axes, optional
    xlabel : str, optional

    Returns
    -------
    Axes
    """
    _need(data, [by, "n", "estimate", "ci_low", "ci_high"], "pattern_precision")
    from discourse.style import PALETTE

    ax = _ax(ax, (4.5, 0.2 * len(data) + 1.0))
    rows = data[data[by].astype(str) != _ALL].sort_values(["estimate", by], kind="stable")
    labels = [f"{p} ({n})" for p, n in zip(rows[by].astype(str), rows["n"])]
    _dots(ax, labels, rows["estimate"].to_numpy(dtype=float), rows["ci_low"].to_numpy(dtype=float),
          rows["ci_high"].to_numpy(dtype=float), PALETTE[0])
    total = data[data[by].astype(str) == _ALL]
    if len(total):
        x = float(total["estimate"].iloc[0])
        ax.axvline(x, color="0.4", linestyle="--", linewidth=0.8)
        ax.annotate(f"all: {x:.2f}", (x, 0.0), xycoords=("data", "axes fraction"), xytext=(-2, 2),
                    textcoords="offset points", fontsize="small", color="0.3", va="bottom", ha="right")
    ax.set_xlim(-0.02, 1.02)
    ax.set_xlabel(xlabel or "Precision (95% Wilson interval)")
    ax.set_ylabel("Pattern (coded matches)")
    return ax


def agreement(data: pd.DataFrame, *, ax=None, xlabel: str | None = None):
    """Agreement statistics with their bootstrap intervals, one row per statistic.

    Parameters
    ----------
    data : DataFrame
        Rows of :func:`discourse.validate.alpha`, :func:`~discourse.validate.kappa`
        and :func:`~discourse.validate.percent_agreement` (``statistic``,
        ``estimate``, ``ci_low``, ``ci_high``, ``n_units``), e.g. concatenated.
    ax : Axes, optional
    xlabel : str, optional

    Returns
    -------
    Axes
    """
    _need(data, ["statistic", "estimate", "ci_low", "ci_high", "n_units"], "agreement")
    from discourse.style import PALETTE

    ax = _ax(ax, (4.0, 0.3 * len(data) + 1.0))
    pretty = {"percent_agreement": "% agreement", "kappa_fleiss": "Fleiss' κ", "kappa_cohen": "Cohen's κ"}
    labels = [pretty.get(s, str(s).replace("alpha_", "α ").replace("kappa_cohen_", "Cohen's κ ")) + f"\n(n={n})"
              for s, n in zip(data["statistic"], data["n_units"])]
    _dots(ax, labels, data["estimate"].to_numpy(dtype=float), data["ci_low"].to_numpy(dtype=float),
          data["ci_high"].to_numpy(dtype=float), PALETTE[1 % len(PALETTE)])
    ax.axvline(0.8, color="0.6", linestyle=":", linewidth=0.8)
    ax.axvline(0.667, color="0.8", linestyle=":", linewidth=0.8)
    lo = float(np.nanmin(np.append(data["ci_low"].to_numpy(dtype=float), data["estimate"].to_numpy(dtype=float))))
    ax.set_xlim(min(0.0, lo) - 0.02, 1.02)
    ax.set_xlabel(xlabel or "Agreement (95% bootstrap interval)")
    return ax
