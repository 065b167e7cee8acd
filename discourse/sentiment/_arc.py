"""The sentiment arc through each article: mean sentence compound by position."""
from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from discourse.sentiment._score import _aggregate, _annotations, _check_method, sentence_scores

__all__ = ["arc"]

_COLUMNS = ["doc_id", "position", "relative", "n_sentences", "estimate", "ci_low", "ci_high", "pos_share",
            "neg_share"]


def arc(
    data,
    *,
    level: Literal["paragraph", "decile"] = "paragraph",
    n_bins: int = 10,
    method: Literal["vader", "nltk"] = "vader",
    n_boot: int = 1000,
    ci: float = 0.95,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """The sentiment arc through each article: mean sentence compound by position.

    Parameters
    ----------
    data : DataFrame or Annotations
        Articles with ``doc_id`` and ``text``, or their annotations
        (:func:`discourse.text.annotate`).
    level : {"paragraph", "decile"}
        ``"paragraph"``: one point per paragraph (``position`` = ``para_id``).
        ``"decile"``: ``n_bins`` equal slices of the article's characters; a sentence
        belongs to the slice holding its midpoint (``position`` = 0 .. n_bins-1), so
        articles of different lengths line up.
    n_bins : int, default 10
        Number of slices for ``level="decile"``.
    method : {"vader", "nltk"}
        As in :func:`score`.
    n_boot : int, default 1000
        Bootstrap resamples over the sentences of each point: the interval is the
        point of an arc, so it is computed by default (``0`` skips it).
    ci, random_state
        Coverage and seed of the intervals.

    Returns
    -------
    DataFrame
        ``doc_id``, ``position``, ``relative`` (position of the unit's midpoint as a
        share of the article, 0-1), ``n_sentences``, ``estimate`` (mean sentence
        compound), ``ci_low``, ``ci_high`` (NaN for a point of one sentence),
        ``pos_share``, ``neg_share``.

    Examples
    --------
    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ["A good plan.\\n\\nA terrible war. It failed."]})
    >>> arc(df, n_boot=0)[["position", "n_sentences", "estimate"]]
       position  n_sentences  estimate
    0         0            1    0.4404
    1         1            2   -0.6506
    """
    _check_method(method)
    if level not in ("paragraph", "decile"):
        raise ValueError(f"level must be 'paragraph' or 'decile', not {level!r}")
    if int(n_bins) < 1:
        raise ValueError(f"n_bins must be at least 1, not {n_bins}")
    ann = _annotations(data)
    s = sentence_scores(ann, method)
    texts = ann.texts
    # float: an empty sentence table maps to an empty column
    lengths = np.fromiter((len(texts[d]) for d in s["doc_id"].astype(str)), dtype=np.float64, count=len(s))
    mid = (s["start"].to_numpy(dtype=float) + s["end"].to_numpy(dtype=float)) / 2 / np.clip(lengths, 1, None)
    if level == "paragraph":
        s["position"] = s["para_id"]
    else:
        s["position"] = np.minimum((mid * n_bins).astype(np.int64), int(n_bins) - 1)
    s["_mid"] = mid
    agg = _aggregate(s, ["doc_id", "position"], n_boot=n_boot, ci=ci, random_state=random_state)
    rel = s.groupby(["doc_id", "position"], sort=False)["_mid"].mean().reset_index(drop=True)
    agg["relative"] = rel.to_numpy() if level == "paragraph" else (agg["position"] + 0.5) / n_bins
    agg = agg.rename(columns={"compound": "estimate", "compound_low": "ci_low", "compound_high": "ci_high"})
    agg = agg.sort_values(["doc_id", "position"], kind="stable").reset_index(drop=True)
    agg["position"] = agg["position"].astype("int64")
    return agg[_COLUMNS]
