"""Helpers shared by the quotation tests (not a test module)."""
from discourse import quotes


def rows(text: str) -> list[list]:
    """``quote``, ``speaker``, ``verb``, ``kind``, ``attribution`` of every quotation of
    ``text``, missing values as None."""
    q = quotes.find(text)
    q = q[["quote", "speaker", "verb", "kind", "attribution"]].astype(object)
    return q.where(q.notna(), None).values.tolist()
