"""Helpers shared by the quotation tests (not a test module)."""
import pandas as pd

from discourse import quotes


def rows(text: str) -> list[list]:
    """``quote``, ``speaker``, ``verb``, ``kind``, ``attribution`` of every quotation of
    ``text``, missing values as None."""
    q = quotes.find(text)
    q = q[["quote", "speaker", "verb", "kind", "attribution"]].astype(object)
    return q.where(q.notna(), None).values.tolist()


def one(text: str, i: int = 0) -> dict:
    """``quote``, ``speaker``, ``verb``, ``kind``, ``attribution`` and ``speaker_resolved``
    of quotation ``i`` of ``text`` as a dict, missing values as None."""
    r = quotes.find(text).iloc[i][["quote", "speaker", "verb", "kind", "attribution", "speaker_resolved"]]
    return {k: (None if pd.isna(v) else v) for k, v in r.items()}
