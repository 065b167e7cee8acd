"""Helpers shared by the plot modules."""
from __future__ import annotations

from typing import Sequence

import pandas as pd

#: marker per voice, so voice reads without colour too (authorial ○, quoted □, scare △, reported ◇)
VOICE_MARKERS = {"authorial": "o", "quoted": "s", "scare": "^", "reported": "D"}


def _ax(ax, size=(4.5, 3.0)):
    """Return ``ax``, or a new Axes of ``size`` inches when it is None."""
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size)
    return ax


def _need(data: pd.DataFrame, cols: Sequence[str], what: str) -> None:
    """Raise KeyError naming the columns ``what`` needs and ``data`` lacks."""
    missing = [c for c in cols if c not in data.columns]
    if missing:
        raise KeyError(f"{what} needs columns {missing}; got {list(data.columns)}")
