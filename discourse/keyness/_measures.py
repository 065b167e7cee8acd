"""The keyness statistics, vectorised over terms.

``a``: the term's count in the group, ``c``: in the reference; ``t1``, ``t2``: all
tokens of the group and of the reference (docs/keyness.md gives the formulas).
"""
from __future__ import annotations

import numpy as np
from scipy import special as _sp

#: count used for a zero frequency in the log ratio (Hardie 2014)
ZERO = 0.5


def _xlogx(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(o > 0, o * np.log(np.where(o > 0, o, 1.0) / np.where(e > 0, e, 1.0)), 0.0)


def g2(a, c, t1, t2) -> np.ndarray:
    """Log-likelihood G2 of the 2 × 2 table (term, other words) × (group, reference)
    (Dunning 1993), without continuity correction.

    Examples
    --------
    >>> round(float(g2(10, 5, 1000, 2000)), 4)
    6.9692
    """
    a, c, t1, t2 = (np.asarray(x, dtype=float) for x in (a, c, t1, t2))
    b, d = t1 - a, t2 - c
    n = t1 + t2
    k = a + c
    return 2 * (_xlogx(a, t1 * k / n) + _xlogx(b, t1 * (n - k) / n) + _xlogx(c, t2 * k / n)
                + _xlogx(d, t2 * (n - k) / n))


def chi2(a, c, t1, t2) -> np.ndarray:
    """Pearson's chi-squared of the same 2 × 2 table, without continuity correction;
    0 for a term that is every token of both sides (equal rates, as G2 gives)."""
    a, c, t1, t2 = (np.asarray(x, dtype=float) for x in (a, c, t1, t2))
    b, d = t1 - a, t2 - c
    n = t1 + t2
    k = a + c
    with np.errstate(divide="ignore", invalid="ignore"):
        x2 = n * (a * d - b * c) ** 2 / (t1 * t2 * k * (n - k))
    return np.where((k > 0) & (n - k > 0), x2, 0.0)


def log_ratio(a, c, t1, t2) -> np.ndarray:
    """Binary log of the ratio of relative frequencies (Hardie 2014); a zero count
    counts as 0.5.

    Examples
    --------
    >>> float(log_ratio(10, 5, 1000, 2000))
    2.0
    """
    a, c = np.asarray(a, dtype=float), np.asarray(c, dtype=float)
    a, c = np.where(a > 0, a, ZERO), np.where(c > 0, c, ZERO)
    return np.log2((a / t1) / (c / t2))


def log_odds(a, c, t1, t2, alpha, alpha0) -> tuple[np.ndarray, np.ndarray]:
    """Weighted log-odds ratio with an informative Dirichlet prior and its z-score
    (Monroe, Colaresi and Quinn 2008, eqs. 16, 18-20, 22).

    ``alpha``: the term's prior count, ``alpha0``: the sum of the prior counts.

    Examples
    --------
    >>> d, z = log_odds(10, 5, 1000, 2000, 15, 3000)
    >>> round(float(d), 4), round(float(z), 4)
    (0.4485, 1.4952)
    """
    a, c, alpha = (np.asarray(x, dtype=float) for x in (a, c, alpha))
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((a + alpha) / (t1 + alpha0 - a - alpha))
                 - np.log((c + alpha) / (t2 + alpha0 - c - alpha)))
        z = delta / np.sqrt(1 / (a + alpha) + 1 / (c + alpha))
    return delta, z


def mi(o, expected) -> np.ndarray:
    """Pointwise mutual information in bits, log2(observed / expected) (Church and
    Hanks 1990; Manning and Schuetze 1999, sec. 5.4)."""
    return np.log2(np.asarray(o, dtype=float) / expected)


def t_score(o, expected) -> np.ndarray:
    """The collocation t-score (o - e) / sqrt(o) (Church et al. 1991; Manning and
    Schuetze 1999, sec. 5.3.1, where the sample variance of a rare bigram is its mean)."""
    o = np.asarray(o, dtype=float)
    return (o - expected) / np.sqrt(o)


def p_chi2(stat) -> np.ndarray:
    """Upper-tail p-value of chi-squared with one degree of freedom."""
    return _sp.erfc(np.sqrt(np.asarray(stat, dtype=float) / 2))


def p_z(z) -> np.ndarray:
    """Two-sided p-value of a z-score."""
    return _sp.erfc(np.abs(np.asarray(z, dtype=float)) / np.sqrt(2))
