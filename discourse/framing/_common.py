"""Small helpers shared by the framing modules: the annotations of the input, group
columns, and the calls into the shared layer (lexicon matches, sentence sentiment)."""
from __future__ import annotations

from typing import Sequence

import pandas as pd

from discourse.text._annotate import Annotations, as_annotations


def _annotations(data, name: str = "data") -> Annotations:
    """``data`` (a corpus table or :class:`~discourse.text.Annotations`) as annotations."""
    if isinstance(data, pd.DataFrame) and "text" not in data.columns and "frame" in data.columns:
        raise TypeError(f"{name} must be the corpus (or discourse.text.Annotations), not a table of frame "
                        "scores; pass the corpus first, the scores after it")
    return as_annotations(data)


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


def _group_keys(corpus: pd.DataFrame, by: str | Sequence[str] | None) -> list[str]:
    """The ``by=`` columns, checked against the corpus (``None``: no grouping)."""
    keys = _as_list(by)
    missing = [k for k in keys if k not in corpus.columns]
    if missing:
        raise KeyError(f"by: column(s) {missing} not in the corpus; pass by=None or a column of the corpus "
                       f"({', '.join(map(str, corpus.columns))})")
    return keys


def _string_keys(out: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Text group columns as pandas ``string`` dtype, as in the corpus."""
    for k in keys:
        if k in out.columns and (out[k].dtype == object or pd.api.types.is_string_dtype(out[k])):
            out[k] = out[k].astype("string")
    return out


def _find(ann: Annotations, lexicon: pd.DataFrame) -> pd.DataFrame:
    """All matches of ``lexicon`` (:func:`discourse.terms.find` with ``overlap="all"``),
    with units, voice and speaker from the annotations."""
    from discourse import terms

    return terms.find(ann, lexicon, overlap="all").reset_index(drop=True)


def _sentence_sentiment(ann: Annotations) -> pd.DataFrame:
    """Sentence sentiment (:func:`discourse.sentiment.score`) of the annotations."""
    from discourse import sentiment

    return sentiment.score(ann, level="sentence")
