"""Effects of covariates on per-document frame or topic shares.

The Python counterpart of stm's ``estimateEffect`` in R: regress each document's
share of a frame (or topic) on document covariates such as outlet and month, and
report every coefficient with an interval. Two kinds of uncertainty:

``method="ols"`` (default)
    Ordinary least squares (statsmodels) with heteroskedasticity-robust standard
    errors (``cov_type="HC3"``, MacKinnon & White 1985), the right default for
    shares, whose variance depends on their mean. Intervals are Wald intervals.
``method="bootstrap"``
    The same OLS fit on ``n_boot`` resamples of documents (rows); intervals are
    percentile intervals of the resampled coefficients, ``std_error`` is their
    standard deviation and ``p_value`` the two-sided share of resampled
    coefficients on the other side of zero. Makes no distributional assumption;
    slower.

Coefficients are treatment contrasts: with ``"share ~ outlet"`` the term
``outlet[T.B]`` is the difference in mean share between outlet B and the reference
outlet (the first in sorted order; choose another with
``"share ~ C(outlet, Treatment('B'))"``).
"""
from __future__ import annotations

import re
from typing import Literal

import numpy as np
import pandas as pd

from discourse.stats import period_labels

__all__ = ["estimate", "differences"]

_GROUP_COLS = ("frame", "topic")
_PERIOD_VARS = ("day", "week", "month", "quarter", "year")
_TERM = re.compile(r"^(?:C\()?(?P<var>[^\[(,]+?)(?:,[^)]*\))?\)?\[T\.(?P<level>.*)\]$")


def _formula_vars(formula: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", formula))


def _prepare(shares: pd.DataFrame, covariates: pd.DataFrame, formula: str) -> tuple[pd.DataFrame, str | None]:
    if "~" not in formula:
        raise ValueError(f"formula must look like 'share ~ outlet + month', not {formula!r}")
    for name, df in (("shares", shares), ("covariates", covariates)):
        if "doc_id" not in df.columns:
            raise KeyError(f"{name} has no 'doc_id' column")
    group = next((c for c in _GROUP_COLS if c in shares.columns), None)
    if "sent_id" in shares.columns:
        raise ValueError("shares has one row per sentence; pass document-level scores "
                         "(framing.score(..., level='document')), documents are the unit of analysis")
    cov = covariates.copy()
    cov["doc_id"] = cov["doc_id"].astype(str)
    used = _formula_vars(formula.split("~", 1)[1])
    # derive period variables from "published" when the formula asks for them
    for var in _PERIOD_VARS:
        if var in used and var not in cov.columns and "published" in cov.columns:
            cov[var] = period_labels(cov["published"], var).to_numpy()
    dup = [c for c in cov.columns if c in shares.columns and c != "doc_id"]
    sh = shares.assign(doc_id=shares["doc_id"].astype(str))
    data = sh.merge(cov.drop(columns=dup).drop_duplicates("doc_id"), on="doc_id", how="inner")
    if data.empty:
        raise ValueError("shares and covariates have no doc_id in common")
    return data, group


def _parse_term(term: str) -> tuple[str | None, str | None]:
    if term == "Intercept":
        return None, None
    m = _TERM.match(term)
    if m:
        return m.group("var").strip(), m.group("level")
    return term, None


def _bootstrap_coefs(X: np.ndarray, y: np.ndarray, n_boot: int, random_state: int | None) -> np.ndarray:
    """OLS coefficients on ``n_boot`` resamples of rows (normal equations, batched).
    Resamples in which a covariate level vanishes (singular design) are redrawn."""
    n, p = X.shape
    rng = np.random.default_rng(random_state)
    out: list[np.ndarray] = []
    draws = 0
    while sum(len(o) for o in out) < n_boot and draws < 5 * n_boot:
        m = min(200, n_boot - sum(len(o) for o in out))
        idx = rng.integers(0, n, size=(m, n))
        draws += m
        W = np.zeros((m, n))
        np.add.at(W, (np.repeat(np.arange(m), n), idx.ravel()), 1.0)
        XtWX = X.T[None] @ (W[..., None] * X[None])
        XtWy = (W * y) @ X
        ok = np.linalg.matrix_rank(XtWX) == p
        if ok.any():
            out.append(np.linalg.solve(XtWX[ok], XtWy[ok][..., None])[..., 0])
    if not out:
        raise ValueError("bootstrap: no resample had full rank; use method='ols'")
    return np.vstack(out)[:n_boot]


def _fit_one(data: pd.DataFrame, formula: str, method: str, cov_type: str, n_boot: int,
             ci: float, random_state: int | None) -> pd.DataFrame:
    import statsmodels.formula.api as smf

    model = smf.ols(formula, data=data)
    res = model.fit(cov_type=cov_type) if method == "ols" else model.fit()
    names = list(res.params.index)
    est = res.params.to_numpy(dtype=float)
    if method == "ols":
        conf = res.conf_int(alpha=1 - ci).to_numpy(dtype=float)
        out = pd.DataFrame({"term": names, "estimate": est, "std_error": res.bse.to_numpy(dtype=float),
                            "ci_low": conf[:, 0], "ci_high": conf[:, 1],
                            "p_value": res.pvalues.to_numpy(dtype=float)})
    else:
        X = np.asarray(model.exog, dtype=float)
        y = np.asarray(model.endog, dtype=float)
        B = _bootstrap_coefs(X, y, n_boot, random_state)
        alpha = (1 - ci) / 2
        lo, hi = np.quantile(B, [alpha, 1 - alpha], axis=0)
        pv = np.minimum(1.0, 2 * np.minimum((B <= 0).mean(axis=0), (B >= 0).mean(axis=0)))
        out = pd.DataFrame({"term": names, "estimate": est, "std_error": B.std(axis=0, ddof=1),
                            "ci_low": lo, "ci_high": hi, "p_value": pv})
    parsed = [_parse_term(t) for t in names]
    out.insert(1, "variable", [v for v, _ in parsed])
    out.insert(2, "level", [lv for _, lv in parsed])
    out["n"] = int(res.nobs)
    return out


def estimate(
    shares: pd.DataFrame,
    covariates: pd.DataFrame,
    formula: str = "share ~ outlet",
    *,
    method: Literal["ols", "bootstrap"] = "ols",
    cov_type: str = "HC3",
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Regress per-document shares on covariates; one tidy row per coefficient.

    Parameters
    ----------
    shares : DataFrame
        ``doc_id`` and the response column named in ``formula`` (e.g. ``share``).
        When it is long, with a ``frame`` or ``topic`` column (as returned by
        :func:`discourse.framing.score`), one model is fitted per frame/topic.
        Rows with a missing response (documents without any frame indicator) are
        dropped.
    covariates : DataFrame
        ``doc_id`` and the covariates (the corpus table works). ``day``, ``week``,
        ``month``, ``quarter`` and ``year`` are derived from ``published`` when the
        formula uses them and the table lacks them.
    formula : str
        A patsy formula, e.g. ``"share ~ outlet + month"``.
    method : {"ols", "bootstrap"}
        Robust-standard-error OLS or a document bootstrap (see the module notes).
    cov_type : str
        statsmodels covariance type for ``method="ols"`` (``"HC3"``, ``"HC1"``,
        ``"nonrobust"``...).
    n_boot, ci, random_state
        Bootstrap resamples, interval coverage, seed.

    Returns
    -------
    DataFrame
        ``frame``/``topic`` (when long), ``term``, ``variable``, ``level``,
        ``estimate``, ``std_error``, ``ci_low``, ``ci_high``, ``p_value``, ``n``
        (documents in the model).

    Examples
    --------
    >>> import pandas as pd
    >>> sh = pd.DataFrame({"doc_id": list("abcdef"), "share": [.1, .2, .3, .5, .6, .7]})
    >>> cov = pd.DataFrame({"doc_id": list("abcdef"), "outlet": list("xxxyyy")})
    >>> est = estimate(sh, cov, "share ~ outlet")
    >>> round(est.loc[est["term"] == "outlet[T.y]", "estimate"].item(), 3)
    0.4
    """
    if method not in ("ols", "bootstrap"):
        raise ValueError(f"method must be 'ols' or 'bootstrap', not {method!r}")
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, not {ci}")
    data, group = _prepare(shares, covariates, formula)
    response = formula.split("~", 1)[0].strip()
    if response in data.columns:
        data = data[data[response].notna()]
    if group is None:
        return _fit_one(data, formula, method, cov_type, n_boot, ci, random_state)
    parts = []
    for key, sub in data.groupby(group, sort=False):
        if len(sub) < 2:
            continue
        res = _fit_one(sub, formula, method, cov_type, n_boot, ci, random_state)
        res.insert(0, group, key)
        parts.append(res)
    if not parts:
        raise ValueError(f"no {group} has enough documents to fit {formula!r}")
    return pd.concat(parts, ignore_index=True)


def differences(est: pd.DataFrame, *, variable: str = "outlet") -> pd.DataFrame:
    """The estimated differences for one categorical covariate, ready to plot.

    Parameters
    ----------
    est : DataFrame
        Output of :func:`estimate`.
    variable : str
        Covariate whose contrasts are kept (default ``"outlet"``).

    Returns
    -------
    DataFrame
        The rows of ``est`` for ``variable``, with ``level`` (e.g. the outlet
        compared with the reference) first.
    """
    sub = est[est["variable"] == variable]
    if sub.empty:
        raise KeyError(f"no coefficient for variable {variable!r} (variables: "
                       f"{sorted(v for v in est['variable'].dropna().unique())})")
    front = [c for c in (*_GROUP_COLS, "level") if c in sub.columns]
    rest = [c for c in sub.columns if c not in front]
    return sub[[*front, *rest]].reset_index(drop=True)
