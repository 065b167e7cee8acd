"""Rows of a table of articles into records: the column mapping applied, values
cleaned, the text checked (shared by :mod:`discourse.readers.tabular` and the chunked
reader of :mod:`discourse.corpus._stream`)."""
from __future__ import annotations

import math
import re
from typing import Any

from discourse.readers._base import Record, normalize_text
from discourse.readers._columns import FIELDS
from discourse.readers._layout import join_paragraphs

#: names that are fixed corpus columns; an extra column with such a name is renamed
#: ``<name>_original`` so it cannot clash with the corpus table
_RESERVED = {"doc_id", "outlet", "title", "author", "published", "url", "text", "source",
             "duplicate_of"}


def records_of(rows: list, mapping: dict[str, str]) -> tuple[list[Record], list[tuple]]:
    """Records from raw ``(record, row dict)`` pairs with a file's column mapping, and the
    problems of the rows left out; :func:`read` and the chunked reader of
    :mod:`discourse.corpus._stream` both use it."""
    records, problems = [], []
    for rec, row in rows:
        fields: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, value in row.items():
            value = _clean_value(value)
            target = mapping.get(key)
            if target in FIELDS:
                fields[target] = value
            else:
                name = target or key
                if name in _RESERVED:
                    name = f"{name}_original"
                extra[name] = value
        text = fields.get("text")
        if text is None or (isinstance(text, str) and not text.strip()):
            problems.append((rec, f"empty text in column {_col_for(mapping, 'text')!r}"))
            continue
        if isinstance(text, (list, tuple)) and all(isinstance(t, str) or t is None for t in text):
            text = "\n\n".join(t for t in text if t)  # a list of paragraphs
        elif isinstance(text, (dict, list, tuple)):
            problems.append((rec, f"text in column {_col_for(mapping, 'text')!r} is a "
                                  f"{'JSON object' if isinstance(text, dict) else 'list'}, not a string; "
                                  "point columns= at the column that holds the article text"))
            continue
        elif isinstance(text, bool):
            problems.append((rec, f"text in column {_col_for(mapping, 'text')!r} is {text}, not a string"))
            continue
        if not isinstance(text, str):
            text = str(text)
        text = join_paragraphs(normalize_text(text))
        if not text:
            problems.append((rec, f"empty text in column {_col_for(mapping, 'text')!r}"))
            continue
        records.append(Record(
            text=text,
            record=rec,
            title=_str_or_none(fields.get("title")),
            author=_author(fields.get("author")),
            published=fields.get("published"),
            outlet=_str_or_none(fields.get("outlet")),
            url=_str_or_none(fields.get("url")),
            extra=extra,
        ))
    return records, problems


def _col_for(mapping: dict[str, str], field: str) -> str:
    for col, target in mapping.items():
        if target == field:
            return col
    return field


def _clean_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    if isinstance(value, (bytes, bytearray)):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            value = bytes(value).decode("cp1252", errors="replace")
    if isinstance(value, str):
        value = normalize_text(value)
        return value if value.strip() else None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        try:
            return value.tolist()
        except (TypeError, ValueError):
            return value
    return value


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):  # e.g. NewsAPI's {"id": ..., "name": "CNN"}
        value = next((value[k] for k in ("name", "title", "label", "id") if value.get(k)), None)
        if value is None:
            return None
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value if v is not None)
    value = re.sub(r"\s+", " ", str(value)).strip()
    return value or None


def _author(value: Any) -> str | None:
    value = _str_or_none(value)
    if value:
        value = re.sub(r"^(?:by|von|par|por)\s+", "", value, flags=re.I).strip() or None
    return value
