"""Ids and plausibility: each record's ``doc_id`` and the ``warning:`` rows about it.

Run by :func:`discourse.corpus.load` once dates are parsed. Nothing here drops a
record: an implausible value stays in the table and gets a ``warning:`` row of the
load report naming the file and the record.

``doc_id`` (documented in ``docs/readers.md``):

1. the record's own id, when it has one and no other record of the load has the same:
   a ``doc_id`` column (kept by the table reader as ``doc_id_original``), else an
   ``id`` column or field (any case), else the Factiva accession number
   (``factiva_id``);
2. else, for a record of a file with many (a table row, a database export's
   document), ``sha1(title|published|outlet + "\\n" + text)[:16]`` -- the same for
   the same article from JSON, JSON Lines, CSV or Parquet, whatever the file is
   called or where the record sits in it;
3. else (a file that holds one article) ``sha1(file name + "\\n" + text)[:16]``.

Ids that still repeat (the same article twice) become ``x``, ``x-2`` ...
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from discourse.readers._columns import looks_tokenised

#: fields a record's own id is read from, in order (``id`` in any case)
ID_FIELDS = ("doc_id_original", "id", "factiva_id")
#: fields that hold the article's length in words as the database counted it
LENGTH_FIELDS = ("length", "word_count")
EARLIEST = pd.Timestamp("1800-01-01")
#: how much of a text the tokenisation check reads (a tokeniser spaces every sentence)
_SAMPLE = 1500
#: punctuation after a space (a quick first look: ``looks_tokenised`` needs 3 of them)
_SPACED = re.compile(r" [,.;:!?)”'’]|[“(] ")
#: the end of a text cut short: NewsAPI's "… [+1234 chars]", an ellipsis
_CUT = re.compile(r"(?:\[\+\d+\s*chars?\]|…|\.\.\.|\[(?:…|\.\.\.)\])\s*$")


def own_id(extra: dict) -> str | None:
    """The record's own id from its extra fields (:data:`ID_FIELDS`), or None."""
    for name in ID_FIELDS:
        keys = [k for k in extra if str(k).lower() == name] if name == "id" else [name]
        for key in keys:
            value = _id_text(extra.get(key))
            if value is not None:
                return value
    return None


def _id_text(value) -> str | None:
    if isinstance(value, (bool, np.bool_)) or value is None:
        return None
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return str(int(value)) if value == value and float(value).is_integer() else None
    if isinstance(value, str):
        return value.strip() or None
    return None


def assign_ids(df: pd.DataFrame, own: list, report: list[dict], where: list[tuple[str, str]]) -> list[str]:
    """``doc_id`` per row (see the module docstring); repeated own ids go to ``report``."""
    from discourse.corpus._table import doc_id

    own = pd.Series(own, dtype="object")
    shared = own.notna() & own.duplicated(keep=False)
    # an id shared by the same text is the same article twice (overlapping exports):
    # it keeps the id (the copies become x-2 ...); shared by different texts, it is
    # not an article id, and those records get derived ids
    texts = df["text"].astype(str)
    same = texts[shared.to_numpy()].groupby(own[shared].to_numpy()).nunique() == 1
    repeated = shared & ~own.map(lambda v: bool(same.get(v, False)))
    firsts: dict[str, int] = {}
    for i in np.flatnonzero(shared.to_numpy()):
        first = firsts.setdefault(own.iloc[i], i)
        if first == i and not repeated.iloc[i]:
            continue  # (the first copy of the same article keeps its id)
        also = "" if first == i else f" (first in {where[first][0]} record {where[first][1] or '-'})"
        what = ("doc_id derived from the content instead" if repeated.iloc[i]
                else "the same text: the same article again, doc_id gets a suffix")
        report.append(dict(source=where[i][0], record=where[i][1],
                           reason=f"warning: repeated id {own.iloc[i]!r}{also}; {what}"))
    ids = []
    for i, row in enumerate(df[["doc_id", "title", "published", "outlet", "text"]].itertuples(index=False)):
        if pd.notna(own.iloc[i]) and not repeated.iloc[i]:
            ids.append(own.iloc[i])
        elif isinstance(row.doc_id, str):  # a one-article file: from its name
            ids.append(row.doc_id)
        else:
            ids.append(doc_id(row.text, content_key(row.title, row.published, row.outlet)))
    return ids


def content_key(title, published, outlet) -> str:
    """``title|published|outlet`` as the derived id hashes it (missing parts empty)."""
    date = "" if pd.isna(published) else pd.Timestamp(published).isoformat()
    return "|".join(["" if pd.isna(title) else str(title), date, "" if pd.isna(outlet) else str(outlet)])


def plausibility(df: pd.DataFrame, expected: list, where: list[tuple[str, str]], *,
                 now: pd.Timestamp) -> list[dict]:
    """``warning:`` rows for implausible dates, empty titles (in files whose other
    records have one), repeated ids, tokenised or cut texts."""
    rows: list[dict] = []

    def warn(i: int, reason: str) -> None:
        rows.append(dict(source=where[i][0], record=where[i][1], reason=f"warning: {reason}"))

    titled = df["title"].map(lambda t: isinstance(t, str) and bool(t.strip())).to_numpy()
    files = pd.Series([w[0] for w in where])
    untitled_files = set(files[~titled]) - set(files[titled])
    for i, row in enumerate(df[["published", "text"]].itertuples(index=False)):
        pub = row.published
        if pd.notna(pub) and pub > now:
            warn(i, f"published {pub:%Y-%m-%d} is in the future (after the load, {now:%Y-%m-%d}); check the date")
        elif pd.notna(pub) and pub < EARLIEST:
            warn(i, f"published {pub:%Y-%m-%d} is before 1800; check the date")
        if not titled[i] and where[i][0] not in untitled_files:
            # (a file without any title has no title column: the summary counts them)
            warn(i, "empty title")
        text = row.text if isinstance(row.text, str) else ""
        if len(_SPACED.findall(text, 0, _SAMPLE)) >= 3 and looks_tokenised(text[:_SAMPLE]):
            warn(i, "text looks tokenised (spaces before punctuation, 'June .'); "
                    "is there a column with the original text? (columns=)")
        n_words = len(text.split()) if expected[i] else 0
        if expected[i] and n_words < 0.5 * expected[i]:
            warn(i, f"text looks truncated: {n_words} words where the database counts {expected[i]}")
        elif _CUT.search(text[-40:]):
            warn(i, "text looks truncated: it ends in '…', '...' or '[+N chars]'")
    return rows


def expected_words(extra: dict) -> int | None:
    """The article's length in words as the database gave it (:data:`LENGTH_FIELDS`)."""
    for key in LENGTH_FIELDS:
        value = extra.get(key)
        if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)) and value > 0:
            return int(value)
    return None
