"""Figures of validation: precision of each loaded-language pattern from coded matches,
and the agreement between the coders, on the SYNTHETIC demo corpus with a SYNTHETIC
coding.

No one hand-coded the demo corpus (it is invented text). The codes are simulated,
deterministically, from the demo's planted design: the question put to the coders is
"does the outlet itself use this loaded term here?"; the demo generator puts loaded
terms in the outlet's own voice, in quotations or in scare quotes, so the answer is
"yes" for a match in the authorial voice and "no" otherwise. Each simulated coder
gives the wrong code for a random 10% of the matches (``error``, ``random_state``).
The figure shows what the validation output looks like, not how precise the lexicon
is on real news.
"""
from __future__ import annotations

from typing import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from discourse import plots, style, terms, validate
from discourse.figures._registry import figure, synthetic_note

__all__ = ["simulate_coding", "demo_validation"]


def simulate_coding(sample: pd.DataFrame, *, coders: Sequence[str] = ("coder_1", "coder_2"), error: float = 0.1,
                    random_state: int | None = 0) -> pd.DataFrame:
    """SYNTHETIC codes for a sample of demo-corpus matches, for figures and notebooks.

    The true code of a match is ``"yes"`` when it is in the authorial voice (the
    demo's planted design: the outlet's own use of a loaded term) and ``"no"``
    otherwise; each coder flips an independent random ``error`` share of them.

    Returns
    -------
    DataFrame
        ``unit``, ``coder``, ``code`` (long, as :func:`discourse.validate.read_coding`).

    Examples
    --------
    >>> s = pd.DataFrame({"unit": ["u1", "u2"], "voice": ["authorial", "quoted"]})
    >>> simulate_coding(s, coders=["a"], error=0.0)["code"].tolist()
    ['yes', 'no']
    """
    if not 0 <= error <= 1:
        raise ValueError(f"error must be in [0, 1], not {error}")
    truth = np.where(sample["voice"].astype(str).to_numpy() == "authorial", "yes", "no")
    rng = np.random.default_rng(random_state)
    parts = []
    for name in coders:
        flip = rng.random(len(sample)) < error
        code = np.where(flip, np.where(truth == "yes", "no", "yes"), truth)
        parts.append(pd.DataFrame({"unit": sample["unit"].astype(str).to_numpy(), "coder": name, "code": code}))
    return pd.concat(parts, ignore_index=True).astype({"unit": "string", "coder": "string", "code": "string"})


@figure("lexicon-validation", corpus="demo", width="double",
        description="Precision of each loaded-language pattern (Wilson 95% intervals) and agreement between two "
                    "coders (bootstrap 95% intervals) on a stratified sample of matches: SYNTHETIC codes simulated "
                    "from the demo corpus's planted design (authorial use = loaded), 10% coder error.")
def demo_validation(corpus, *, width="double", n_per_pattern=12, error=0.1, n_boot=1000, random_state=0):
    """Precision by pattern and coder agreement from a SYNTHETIC coding of demo-corpus matches."""
    kwic = terms.kwic(corpus, terms.find(corpus))
    drawn = validate.sample(kwic, n=n_per_pattern, by="pattern", random_state=random_state)
    codes = simulate_coding(drawn, error=error, random_state=random_state)
    first = codes[codes["coder"] == "coder_1"]
    coded = drawn.merge(first[["unit", "code"]], on="unit")
    precision = validate.pattern_precision(coded, weight="sampling_weight")
    table = validate.agreement(codes, n_boot=n_boot, random_state=random_state)
    fig, (left, right) = plt.subplots(1, 2, figsize=style.figsize(width, aspect=0.55),
                                      gridspec_kw={"width_ratios": [1.25, 1]})
    plots.pattern_precision(precision, ax=left)
    left.set_title("Precision by pattern (coder 1)", fontsize=8)
    plots.agreement(table, ax=right)
    right.set_title("Agreement of two coders", fontsize=8)
    fig.suptitle("Validating the loaded-language lexicon: SYNTHETIC coding" + synthetic_note(corpus),
                 x=0.01, ha="left")
    return fig
