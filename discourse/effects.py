"""Effects of covariates on per-document frame or topic shares.

The Python counterpart of stm's ``estimateEffect`` in R: regress each document's
share of a frame (or topic) on document covariates such as outlet and year, and
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

Coefficients are treatment contrasts against a **baseline** level of each
categorical covariate: with ``"share ~ outlet"`` the term ``outlet[T.B]`` is the
difference in mean share between outlet B and the baseline outlet. The baseline is
the first level in sorted order unless ``baseline=`` names another; it is stated in
the result (column ``baseline`` and ``attrs["baseline"]``).

What cannot be estimated is refused, never returned as an infinite interval: a
singular design (a covariate determined by the others), a covariate level held by a
single document (its robust standard error is infinite), more parameters than
documents. Documents left out because a covariate is missing (an undated article
when the formula uses ``year``) are counted in ``attrs["dropped"]`` and warned about.
"""
from __future__ import annotations

import re
import warnings
from typing import Literal, Mapping

import numpy as np
import pandas as pd

from discourse.stats import period_labels

__all__ = ["estimate", "differences", "EstimationError"]

_GROUP_COLS = ("frame", "topic")
_PERIOD_VARS = ("day", "week", "month", "quarter", "year")
_COARSER = {"day": "week or month", "week": "month or quarter", "month": "quarter or year",
            "quarter": "year", "year": "fewer years"}
_TERM = re.compile(r"^(?:C\()?(?P<var>[^\[(,]+?)(?:,[^)]*\)*)?\)?\[T\.(?P<level>.*)\]$")
_TREATMENT = re.compile(r"C\(\s*(?P<var>\w+)\s*,\s*Treatment\((?:reference\s*=\s*)?(?P<q>['\"])(?P<level>.*?)(?P=q)\)")


class EstimationError(ValueError):
    """A model that cannot be estimated from these documents (see the message for the fix)."""


def _formula_vars(formula: str) -> list[str]:
    """Names of the covariates in the right-hand side of a formula (not functions)."""
    rhs = re.sub(r"(['\"]).*?\1", "", formula.split("~", 1)[1])  # drop quoted levels
    names = re.findall(r"(?<![\w.])([A-Za-z_]\w*)\b(?!\s*[(.=])", rhs)
    return list(dict.fromkeys(n for n in names if n not in {"reference", "True", "False", "None"}))


def _prepare(shares: pd.DataFrame, covariates: pd.DataFrame, formula: str):
    if "~" not in formula:
        raise ValueError(f"formula must look like 'share ~ outlet + year', not {formula!r}")
    for name, df in (("shares", shares), ("covariates", covariates)):
        if "doc_id" not in df.columns:
            raise KeyError(f"{name} has no 'doc_id' column")
    group = next((c for c in _GROUP_COLS if c in shares.columns), None)
    if "sent_id" in shares.columns:
        raise ValueError("shares has one row per sentence; pass document-level scores "
                         "(framing.score(..., level='document')), documents are the unit of analysis")
    cov = covariates.copy()
    cov["doc_id"] = cov["doc_id"].astype(str)
    used = _formula_vars(formula)
    for var in used:  # period variables come from "published" when the table lacks them
        if var in _PERIOD_VARS and var not in cov.columns and "published" in cov.columns:
            cov[var] = period_labels(cov["published"], var).to_numpy()
    missing = [v for v in used if v not in cov.columns and v not in shares.columns]
    if missing:
        raise KeyError(f"formula: {missing} not column(s) of covariates (day, week, month, quarter and year "
                       "are derived from 'published' when it is there)")
    dup = [c for c in cov.columns if c in shares.columns and c != "doc_id"]
    sh = shares.assign(doc_id=shares["doc_id"].astype(str))
    data = sh.merge(cov.drop(columns=dup).drop_duplicates("doc_id"), on="doc_id", how="inner")
    if data.empty:
        raise ValueError("shares and covariates have no doc_id in common")
    dropped = {}
    n_docs = sh["doc_id"].nunique()
    if data["doc_id"].nunique() < n_docs:
        dropped["doc_id"] = int(n_docs - data["doc_id"].nunique())
    docs = data.drop_duplicates("doc_id")
    rhs = [v for v in used if v in data.columns]
    gone = pd.Series(False, index=docs.index)
    for v in rhs:
        na = docs[v].isna() & ~gone
        if na.any():
            dropped[v] = int(na.sum())
        gone |= docs[v].isna()
    data = data.dropna(subset=rhs)
    return data, group, rhs, dropped


def _baselines(data: pd.DataFrame, rhs: list[str], formula: str, baseline) -> dict[str, str]:
    """The baseline level of each categorical covariate (sorted first unless chosen)."""
    chosen = {m.group("var"): m.group("level") for m in _TREATMENT.finditer(formula)}
    categorical = [v for v in rhs if not pd.api.types.is_numeric_dtype(data[v])
                   or pd.api.types.is_bool_dtype(data[v]) or v in chosen]
    if isinstance(baseline, str):
        if not categorical:
            raise ValueError(f"baseline={baseline!r}: the formula has no categorical covariate")
        baseline = {categorical[0]: baseline}
    baseline = dict(baseline or {})
    for var, level in baseline.items():
        if var not in categorical:
            raise ValueError(f"baseline: {var!r} is not a categorical covariate of the formula ({categorical})")
        if var in chosen and str(chosen[var]) != str(level):
            raise ValueError(f"baseline: the formula already sets the baseline of {var!r} to {chosen[var]!r}")
        levels = set(data[var].dropna().astype(str))
        if str(level) not in levels:
            raise ValueError(f"baseline: {level!r} is not a level of {var!r} ({', '.join(sorted(levels))})")
    out = {}
    for var in categorical:
        levels = sorted(set(data[var].dropna().astype(str)))
        out[var] = str(baseline.get(var, chosen.get(var, levels[0] if levels else "")))
    return out


def _parse_term(term: str) -> tuple[str | None, str | None]:
    if term == "Intercept":
        return None, None
    m = _TERM.match(term)
    if m:
        return m.group("var").strip(), m.group("level")
    return term, None


def _check_design(model, data: pd.DataFrame, bases: dict, cov_type: str, method: str, where: str) -> None:
    """Refuse a design whose coefficients or robust intervals cannot be estimated."""
    X = np.asarray(model.exog, dtype=float)
    n, p = X.shape
    counts = {v: data[v].astype(str).value_counts() for v in bases}
    if p >= n:
        worst = max(counts, key=lambda v: len(counts[v]), default=None)
        what = f"; {worst} has {len(counts[worst])} levels" if worst else ""
        raise EstimationError(f"{where}{p} parameters for {n} documents{what}: "
                              + (_advice(worst) if worst else "use fewer covariates"))
    info = model.data.orig_exog.design_info
    names = [t.name() for t in info.term_slices]
    rank = 0
    for i, cols in enumerate(info.term_slices.values()):
        r = np.linalg.matrix_rank(X[:, :cols.stop])
        if r < rank + (cols.stop - cols.start):
            raise EstimationError(f"{where}the design is singular: {names[i]} is determined by "
                                  f"{' + '.join(names[:i]) or 'nothing'} (e.g. each outlet in a single period): "
                                  "drop one of them or use a coarser period")
        rank = r
    if method == "ols" and str(cov_type).upper().startswith("HC"):
        for v, c in counts.items():
            single = c[c < 2]
            if len(single):
                raise EstimationError(
                    f"{where}{v} has {len(c)} levels for {n} documents and {len(single)} of them "
                    f"({', '.join(map(str, single.index[:3]))}{', ...' if len(single) > 3 else ''}) hold a "
                    f"single document, whose robust standard error is infinite: {_advice(v)}")
        q, _ = np.linalg.qr(X)
        if ((q ** 2).sum(axis=1) > 1 - 1e-8).any():
            raise EstimationError(f"{where}a document fits its own parameter (leverage 1), so its robust "
                                  "standard error is infinite: use fewer covariates or cov_type='HC1'")


def _advice(var: str) -> str:
    if var in _PERIOD_VARS:
        return f"use a coarser period ({_COARSER[var]}) or drop it"
    return f"merge or drop the rare levels of {var}, or drop it"


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
        raise EstimationError("bootstrap: no resample had full rank; use method='ols' or fewer covariates")
    return np.vstack(out)[:n_boot]


def _fit_one(data: pd.DataFrame, formula: str, bases: dict, method: str, cov_type: str, n_boot: int,
             ci: float, random_state: int | None, where: str = "") -> pd.DataFrame:
    import statsmodels.formula.api as smf

    data = data.copy()
    for var, level in bases.items():  # the baseline is the first category: patsy's reference
        values = data[var].astype(str)
        if level not in set(values):
            raise EstimationError(f"{where}the baseline of {var}, {level!r}, has no document with a share here: "
                                  f"choose another with baseline={{{var!r}: ...}}")
        data[var] = pd.Categorical(values, categories=[level, *sorted(set(values) - {level})])
    model = smf.ols(formula, data=data)
    _check_design(model, data, bases, cov_type, method, where)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # checked above; a non-finite result raises below
        res = model.fit(cov_type=cov_type) if method == "ols" else model.fit()
    names = list(res.params.index)
    est = res.params.to_numpy(dtype=float)
    if method == "ols":
        conf = res.conf_int(alpha=1 - ci).to_numpy(dtype=float)
        out = pd.DataFrame({"term": names, "estimate": est, "std_error": res.bse.to_numpy(dtype=float),
                            "ci_low": conf[:, 0], "ci_high": conf[:, 1],
                            "p_value": res.pvalues.to_numpy(dtype=float)})
    else:
        B = _bootstrap_coefs(np.asarray(model.exog, dtype=float), np.asarray(model.endog, dtype=float),
                             n_boot, random_state)
        alpha = (1 - ci) / 2
        lo, hi = np.quantile(B, [alpha, 1 - alpha], axis=0)
        pv = np.minimum(1.0, 2 * np.minimum((B <= 0).mean(axis=0), (B >= 0).mean(axis=0)))
        out = pd.DataFrame({"term": names, "estimate": est, "std_error": B.std(axis=0, ddof=1),
                            "ci_low": lo, "ci_high": hi, "p_value": pv})
    bad = ~np.isfinite(out[["estimate", "std_error", "ci_low", "ci_high"]].to_numpy()).all(axis=1)
    if bad.any():
        raise EstimationError(f"{where}no finite standard error for {', '.join(out['term'][bad][:3])}: "
                              "use fewer covariates or coarser levels")
    parsed = [_parse_term(t) for t in names]
    out.insert(1, "variable", [v for v, _ in parsed])
    out.insert(2, "level", [lv for _, lv in parsed])
    out.insert(3, "baseline", pd.array([bases.get(v) if lv is not None else None for v, lv in parsed],
                                       dtype="string"))
    out["n"] = int(res.nobs)
    return out


def estimate(
    shares: pd.DataFrame,
    covariates: pd.DataFrame,
    formula: str = "share ~ outlet",
    *,
    baseline: str | Mapping[str, str] | None = None,
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
        A patsy formula, e.g. ``"share ~ outlet + year"``.
    baseline : str or dict, optional
        The reference level of categorical covariates: ``{"outlet": "Herald"}``, or
        a string for the first covariate of the formula. Default: the first level in
        sorted order.
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
        ``baseline`` (the level a contrast is against), ``estimate``,
        ``std_error``, ``ci_low``, ``ci_high``, ``p_value``, ``n`` (documents in
        the model). ``attrs["baseline"]``: covariate → baseline level;
        ``attrs["dropped"]``: covariate → documents left out because it is missing
        (``"doc_id"``: documents without a row in ``covariates``).

    Raises
    ------
    EstimationError (a ValueError)
        When a model cannot be estimated: the message names the covariate and the fix.

    Examples
    --------
    >>> import pandas as pd
    >>> sh = pd.DataFrame({"doc_id": list("abcdef"), "share": [.1, .2, .3, .5, .6, .7]})
    >>> cov = pd.DataFrame({"doc_id": list("abcdef"), "outlet": list("xxxyyy")})
    >>> est = estimate(sh, cov, "share ~ outlet")
    >>> est.loc[est["term"] == "outlet[T.y]", ["level", "baseline"]].values.tolist()
    [['y', 'x']]
    >>> round(est.loc[est["term"] == "outlet[T.y]", "estimate"].item(), 3)
    0.4
    """
    if method not in ("ols", "bootstrap"):
        raise ValueError(f"method must be 'ols' or 'bootstrap', not {method!r}")
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, not {ci}")
    data, group, rhs, dropped = _prepare(shares, covariates, formula)
    if dropped:
        what = "; ".join(f"{n} without {'covariates' if v == 'doc_id' else v}" for v, n in dropped.items())
        warnings.warn(f"effects.estimate: {sum(dropped.values())} document(s) left out ({what}); "
                      "see the result's attrs['dropped']", UserWarning, stacklevel=2)
    response = formula.split("~", 1)[0].strip()
    if response in data.columns:
        if not (pd.api.types.is_numeric_dtype(data[response]) and not pd.api.types.is_bool_dtype(data[response])):
            raise EstimationError(f"{response!r} holds {data[response].dtype} values, not numbers; convert it "
                                  f"(pd.to_numeric(shares[{response!r}])) before estimating")
        data = data[data[response].notna()]
        if data.empty:
            raise EstimationError(f"{response!r} is missing in every document; nothing to estimate")
    # rows in a canonical order, so the bootstrap and the fit do not depend on the input's order
    data = data.sort_values([c for c in (group, "doc_id") if c], kind="stable").reset_index(drop=True)
    bases = _baselines(data, rhs, formula, baseline)
    if group is None:
        out = _fit_one(data, formula, bases, method, cov_type, n_boot, ci, random_state)
    else:
        parts = []
        for key, sub in data.groupby(group, sort=True):
            if len(sub) < 2:
                continue
            res = _fit_one(sub, formula, bases, method, cov_type, n_boot, ci, random_state,
                           where=f"{group} {key!r}: ")
            res.insert(0, group, key)
            parts.append(res)
        if not parts:
            raise ValueError(f"no {group} has enough documents to fit {formula!r}")
        out = pd.concat(parts, ignore_index=True)
    out.attrs["baseline"] = dict(bases)
    out.attrs["dropped"] = dict(dropped)
    return out


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
        compared with the baseline) first; ``attrs`` as in ``est``.

    Examples
    --------
    >>> sh = pd.DataFrame({"doc_id": list("abcd"), "share": [.1, .3, .5, .7]})
    >>> cov = pd.DataFrame({"doc_id": list("abcd"), "outlet": list("xxyy")})
    >>> differences(estimate(sh, cov))[["level", "baseline"]].values.tolist()
    [['y', 'x']]
    """
    sub = est[est["variable"] == variable]
    if sub.empty:
        raise KeyError(f"no coefficient for variable {variable!r} (variables: "
                       f"{sorted(v for v in est['variable'].dropna().unique())})")
    front = [c for c in (*_GROUP_COLS, "level") if c in sub.columns]
    rest = [c for c in sub.columns if c not in front]
    out = sub[[*front, *rest]].reset_index(drop=True)
    out.attrs = dict(est.attrs)
    return out
