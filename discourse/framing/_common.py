"""Small helpers shared by the framing modules."""
from __future__ import annotations

from typing import Sequence

import pandas as pd


def _check_corpus(corpus: pd.DataFrame) -> None:
    """Raise ``KeyError`` unless the corpus has ``doc_id`` and ``text`` columns."""
    for col in ("doc_id", "text"):
        if col not in corpus.columns:
            raise KeyError(f"corpus has no {col!r} column")


def _string_ids(df: pd.DataFrame) -> pd.DataFrame:
    """``doc_id`` as pandas ``string`` dtype, like the corpus and the other analyses, so
    the table merges with them without falling back to ``object``."""
    if "doc_id" in df.columns:
        df["doc_id"] = df["doc_id"].astype("string")
    return df


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    """An option given as one name, several names or ``None`` (none), as a list."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
