"""The table itself: fixed columns, ids, the load report, validate and summary."""
from __future__ import annotations

import hashlib
import json
import unicodedata

import numpy as np
import pandas as pd

from discourse.corpus._checks import assign_ids, plausibility
from discourse.corpus._dates import _to_datetime
from discourse.corpus._discover import clean, shown
from discourse.corpus._duplicates import _flag_duplicates

#: the fixed columns, in order
COLUMNS = ["doc_id", "outlet", "title", "author", "published", "url", "text", "source", "duplicate_of"]
_STR_COLUMNS = ["doc_id", "outlet", "title", "author", "url", "text", "source", "duplicate_of"]

_REPORT_COLUMNS = ["source", "record", "reason"]


class LoadReport(pd.DataFrame):
    """The load report: a DataFrame (``source``, ``record``, ``reason``).

    It compares as a whole (``==`` gives one bool, like ``DataFrame.equals``) so that
    pandas can compare ``attrs`` when concatenating corpora; select a column for
    element-wise comparisons (``report["reason"] == ...``).
    """

    @property
    def _constructor(self):
        return LoadReport

    def __eq__(self, other):  # type: ignore[override]
        return isinstance(other, pd.DataFrame) and pd.DataFrame(self).equals(pd.DataFrame(other))

    def __ne__(self, other):  # type: ignore[override]
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]


def _report(rows) -> LoadReport:
    if isinstance(rows, list):  # (names that are not UTF-8 appear as \xe9 escapes)
        rows = [{k: shown(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows]
    return LoadReport(pd.DataFrame(rows, columns=_REPORT_COLUMNS).astype("string"))


# ------------------------------------------------------------------ ids
def doc_id(text: str, source_key: str = "") -> str:
    """A stable id from the article's text and a key: ``sha1(source_key + "\\n" + text)``, first
    16 hex digits.

    :func:`load` uses the record's own id when it has one; else the key
    ``"title|published|outlet"`` for a record of a file with many (the same in every
    table format), or the file name for a file with one article (see
    ``docs/readers.md``). Independent of load order, machine and folder.

    Examples
    --------
    >>> doc_id("Some text.", "a.txt")
    '44377fe489ba8c03'
    """
    return hashlib.sha1(f"{source_key}\n{text}".encode("utf-8")).hexdigest()[:16]

#: the loader's working columns, removed by :func:`_finish`
_OWN, _EXPECTED, _WHERE = "__own_id", "__expected_words", "__where"


def _finish(rows: list[dict], report: list[dict], duplicates) -> pd.DataFrame:
    """The table from the loader's rows; ``rows`` is emptied once copied, so its dicts do
    not stay in memory through duplicate detection."""
    df = pd.DataFrame(rows)
    rows.clear()
    if df.empty:
        df = pd.DataFrame(columns=COLUMNS + [_OWN, _EXPECTED, _WHERE])
    for col in COLUMNS:
        if col not in df.columns:
            df[col] = None
    own, expected, where = (df.pop(c).tolist() for c in (_OWN, _EXPECTED, _WHERE))
    now = pd.Timestamp.now(tz="UTC").tz_localize(None)  # (dates after it are flagged)
    df["published"] = _to_datetime(list(df["published"]), list(df["source"]), report) if len(df) else pd.Series([], dtype="datetime64[ns]")
    if len(df):
        df["doc_id"] = assign_ids(df, own, report, where)
        report.extend(plausibility(df, expected, where, now=now))
    df["doc_id"] = _unique_ids(df["doc_id"])
    for col in _STR_COLUMNS:
        df[col] = df[col].astype("string")
    df["duplicate_of"] = _flag_in_id_order(df, duplicates) if len(df) else df["duplicate_of"]
    extra = [c for c in df.columns if c not in COLUMNS]
    for col in extra:
        df[col] = _storable(df[col])
    df = df[COLUMNS + extra].reset_index(drop=True)
    df.attrs["load_report"] = _report(report)
    return df


def _flag_in_id_order(df: pd.DataFrame, duplicates) -> pd.Series:
    """``duplicate_of`` with the rule "the earliest published, then the smallest
    ``doc_id``, is the original", whatever the order of the rows (files listed in
    another order, rows shuffled): :func:`_flag_duplicates` breaks ties of the date
    by position, so it sees the rows in ``doc_id`` order."""
    by_id = np.argsort(df["doc_id"].astype(str).to_numpy(dtype=object), kind="stable")
    flags = _flag_duplicates(df.iloc[by_id].reset_index(drop=True), duplicates).array
    out = flags.copy()
    out[by_id] = flags
    return pd.Series(out, index=df.index, dtype="string")


def _unique_ids(ids) -> list:
    """Disambiguate repeated ids deterministically: the second ``x`` becomes ``x-2`` ...
    (a repeated id means the same text under the same file name)."""
    ids = list(ids)
    if len(set(ids)) == len(ids):
        return ids
    counts: dict[str, int] = {}
    taken = set(ids)
    new = []
    for d in ids:
        counts[d] = counts.get(d, 0) + 1
        if counts[d] > 1:
            while f"{d}-{counts[d]}" in taken:
                counts[d] += 1
            d = f"{d}-{counts[d]}"
            taken.add(d)
        new.append(d)
    return new


def _storable(col: pd.Series) -> pd.Series:
    """An extra metadata column that Parquet can store: nested values (JSON objects,
    lists) and columns mixing kinds of values (numbers and text) become text, with
    objects and lists written as JSON. Missing values stay missing."""
    if col.dtype != object:
        return col
    values = [v for v in col if v is not None and not (isinstance(v, float) and v != v)]
    kinds = {"number" if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))
             else type(v).__name__ for v in values}
    nested = any(isinstance(v, (dict, list, tuple, np.ndarray)) for v in values)
    if not nested and len(kinds) <= 1:
        return col

    def text(v):
        if v is None or (isinstance(v, float) and v != v):
            return None
        if isinstance(v, np.ndarray):
            v = v.tolist()
        if isinstance(v, (dict, list, tuple)):
            return json.dumps(v, ensure_ascii=False, default=str)
        return str(v)

    return pd.Series([text(v) for v in col], index=col.index, dtype="string")

def _clean_text(text: str) -> str:
    """Line ends as ``\\n`` and NFC; the same object when nothing changes."""
    text = clean(text)  # (a lone surrogate, which no file can store, becomes U+FFFD)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)  # (returns its input when already NFC)


def validate(df: pd.DataFrame, *, duplicates: float | None | bool = 0.7) -> pd.DataFrame:
    """Check and complete an article table made elsewhere; returns a new DataFrame.

    Requires a ``text`` column. Adds the missing fixed columns, computes ``doc_id``
    where missing (from text and ``source`` or row number), parses ``published``,
    NFC-normalizes text and flags duplicates. Raises ``ValueError`` naming the rows
    at fault for empty texts or repeated ``doc_id`` values.
    """
    if "text" not in df.columns:
        raise ValueError(f"corpus has no 'text' column (columns: {list(df.columns)}); rename the body column to 'text'")
    out = df.copy()
    out.attrs = {}
    given = out["text"].tolist()
    texts = [str(t) for t in given]
    bad = out.index[out["text"].isna().to_numpy() | np.array([not t or t.isspace() for t in texts], dtype=bool)]
    if len(bad):
        raise ValueError(f"corpus rows {list(bad[:10])} have empty text; fill or drop them first")
    texts = [_clean_text(t) for t in texts]
    if any(t is not g for t, g in zip(texts, given)):  # (most tables need no change)
        out["text"] = texts
    if "source" not in out.columns:
        out["source"] = [f"<dataframe>#{i}" for i in range(len(out))]
    if "doc_id" not in out.columns:
        out["doc_id"] = [doc_id(t, clean(s)) for t, s in zip(texts, out["source"].astype(str).tolist())]
    dup = out["doc_id"].astype(str).duplicated(keep=False)
    if dup.any():
        raise ValueError(f"doc_id values repeat in rows {list(out.index[dup][:10])}; doc_id must be unique")
    for col in COLUMNS:
        if col not in out.columns:
            out[col] = None
    report: list[dict] = []
    if not pd.api.types.is_datetime64_any_dtype(out["published"]):
        out["published"] = _to_datetime(list(out["published"]), list(out["source"].astype(str)), report).to_numpy()
    elif getattr(out["published"].dt, "tz", None) is not None:
        out["published"] = out["published"].dt.tz_convert("UTC").dt.tz_localize(None)
    out["published"] = out["published"].astype("datetime64[ns]")
    keep_dup = "duplicate_of" in df.columns and df["duplicate_of"].notna().any()
    for col in _STR_COLUMNS:
        out[col] = pd.Series([clean(v) for v in out[col]], index=out.index, dtype=object).astype("string")
    if not keep_dup:
        out["duplicate_of"] = _flag_in_id_order(out, duplicates)
    extra = [c for c in out.columns if c not in COLUMNS]
    out = out[COLUMNS + extra].reset_index(drop=True)
    out.attrs["load_report"] = _report(report)
    return out


def drop_duplicates(df: pd.DataFrame) -> pd.DataFrame:
    """The user's explicit choice: keep only rows whose ``duplicate_of`` is empty."""
    out = df[df["duplicate_of"].isna()].reset_index(drop=True)
    out.attrs = dict(df.attrs)
    return out


# ------------------------------------------------------------------ summary
#: kinds of ``warning:`` rows for the summary: (label, words in the reason), first match
_KINDS = [("unparsed text kept", "kept in column 'unparsed'"), ("file cut short", "ends in the middle of"),
          ("damaged XML", "not well-formed"), ("article count differs", "the export says it holds"),
          ("date in the future", "in the future"), ("date before 1800", "before 1800"),
          ("date not understood", "not understood; published"), ("empty title", "empty title"),
          ("repeated id", "repeated id"), ("tokenised text", "tokenised"),
          ("truncated text", "looks truncated"), ("encoding repaired", "utf-8"),
          ("encoding repaired", "nul byte"), ("encoding repaired", "could not be decoded"),
          ("documents run together", "end of document"), ("documents run together", "n of m documents")]


def _kind(reason: str) -> str:
    low = reason.lower()
    return next((label for label, words in _KINDS if words in low), "other")


def _accounting(df: pd.DataFrame, report) -> str:
    """Where every record found went: ``rows + not loaded = found``, the rows
    including the flagged duplicates (kept), and the entries passed over."""
    rows, dups = len(df), int(df["duplicate_of"].notna().sum()) if "duplicate_of" in df else 0
    failed = skipped = 0
    if report is not None and len(report):
        reason = report["reason"].astype(str)
        skipped = int(reason.str.startswith("skipped:").sum())
        failed = int((~(reason.str.startswith(("note:", "warning:", "skipped:")))).sum())
    return (f"accounting: {rows + failed} found = {rows} loaded ({dups} of them flagged as duplicates) "
            f"+ {failed} not loaded (records or whole files); {skipped} entries skipped")


#: outlets named in the summary, and report rows listed per section
_TOP, _ROWS = 10, 10


def summary(df: pd.DataFrame) -> str:
    """A short human-readable account of a loaded corpus and its load report.

    Articles; outlets (the 10 largest and how many more); the date range and how
    many articles are undated; duplicates; the column choices (one line per distinct
    choice); what was not loaded, what was skipped, and the warnings counted by kind
    (the first 10 rows of each). The whole report is ``df.attrs["load_report"]``.

    Examples
    --------
    >>> print(summary(load("seeds/")))                     # doctest: +SKIP
    articles: 1
    outlets: 1 (World Socialist Web Site: 1)
    ...
    """
    lines = [f"articles: {len(df)}"]
    if len(df):
        counts = df["outlet"].fillna("(unknown)").value_counts()
        counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
        shown = ", ".join(f"{k}: {v}" for k, v in counts.iloc[:_TOP].items())
        more = f", and {len(counts) - _TOP} more" if len(counts) > _TOP else ""
        label = f"top {_TOP}: " if len(counts) > _TOP else ""
        lines.append(f"outlets: {len(counts)} ({label}{shown}{more})")
        pub = df["published"].dropna()
        undated = int(df["published"].isna().sum())
        if len(pub):
            lines.append(f"published: {pub.min():%Y-%m-%d} to {pub.max():%Y-%m-%d} ({undated} undated)")
        else:
            lines.append(f"published: no dates ({undated} undated)")
        lines.append(f"duplicates: {int(df['duplicate_of'].notna().sum())} flagged (kept; see duplicate_of)")
    report = df.attrs.get("load_report")
    lines.append(_accounting(df, report))
    if report is None or not len(report):
        lines.append("not loaded: 0")
        return "\n".join(lines)
    reason = report["reason"].astype(str)
    note = reason.str.startswith("note:")
    warn = reason.str.startswith("warning:")
    skip = reason.str.startswith("skipped:")
    failed = ~(note | warn | skip)
    if note.any():
        choices = reason[note].str.removeprefix("note: columns ").value_counts(sort=False)
        for choice, n in choices.items():
            lines.append(f"columns: {choice}" + (f" ({n} files)" if n > 1 else ""))

    def listed(mask, title, detail=""):
        part = report[mask]
        lines.append(f"{title}: {len(part)}{detail}")
        for r in part.iloc[:_ROWS].itertuples():
            where = f"{r.source}" + (f" record {r.record}" if r.record else "")
            lines.append(f"  {where}: {r.reason}")
        if len(part) > _ROWS:
            lines.append(f"  ... and {len(part) - _ROWS} more (df.attrs['load_report'])")

    listed(failed, "not loaded")
    if skip.any():
        listed(skip, "skipped files")
    if warn.any():
        kinds = reason[warn].map(_kind).value_counts()
        kinds = kinds.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
        listed(warn, "warnings", " (" + ", ".join(f"{k}: {v}" for k, v in kinds.items()) + ")")
    return "\n".join(lines)
