"""The article table: load, validate, save, summarise.

:func:`load` turns files (paths, globs, folders) into one DataFrame with fixed
columns (see :data:`COLUMNS`) plus any extra metadata, and attaches a load report
(``df.attrs["load_report"]``: ``source``, ``record``, ``reason``) listing every input
that did not become a row and every repair worth knowing. Nothing is dropped
silently. Exact and near duplicates (syndicated wire copies with small edits) are
flagged in ``duplicate_of``, never dropped.

A folder may hold a ``corpus.toml`` with defaults applied to every file below it::

    outlet = "The Daily Example"
    language = "en"
    licence = "CC-BY 4.0"
    description = "Front-page stories, 2021"
"""
from __future__ import annotations

import glob as _glob
import hashlib
import json
import re
import tomllib
import unicodedata
import warnings
import zlib
from pathlib import Path
from typing import Iterable, Literal, Sequence

import numpy as np
import pandas as pd

from discourse.readers import READERS, Record, ReaderError, ReaderWarning, reader_for

__all__ = ["COLUMNS", "LoadReport", "load", "save", "validate", "summary", "find_duplicates", "doc_id", "drop_duplicates"]

#: the fixed columns, in order
COLUMNS = ["doc_id", "outlet", "title", "author", "published", "url", "text", "source", "duplicate_of"]
_STR_COLUMNS = ["doc_id", "outlet", "title", "author", "url", "text", "source", "duplicate_of"]
_METADATA_FILE = "corpus.toml"
_METADATA_KEYS = {"outlet", "language", "licence", "license", "description", "corpus"}
_DOC_FILES = re.compile(r"^(readme|license|licence|changelog|notice|sources?)(\..*)?$", re.I)
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
    return LoadReport(pd.DataFrame(rows, columns=_REPORT_COLUMNS).astype("string"))


# ------------------------------------------------------------------ ids
def doc_id(text: str, source_key: str = "") -> str:
    """A stable id from the article's text and its source key (file name + record).

    Independent of load order, machine and folder: ``sha1(source_key + "\\n" + text)``,
    first 16 hex digits.

    Examples
    --------
    >>> doc_id("Some text.", "a.txt")
    'a4b6f4d47d8b1df2'
    """
    return hashlib.sha1(f"{source_key}\n{text}".encode("utf-8")).hexdigest()[:16]


# ------------------------------------------------------------------ paths
def _expand(paths, format: str | None = None) -> tuple[list[tuple[Path, Path]], list[dict]]:
    """Expand paths/globs/folders to sorted (file, root) pairs; report skipped files.

    A file named explicitly with an extension no reader knows is a user error
    (:class:`ReaderError`); inside folders and globs such files are reported.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[tuple[Path, Path]] = []
    report: list[dict] = []
    def unsupported(f: Path) -> bool:
        if format is None and f.suffix.lower() not in READERS:
            report.append(dict(source=str(f), record="", reason=f"skipped: unsupported format {f.suffix or '(no extension)'!r}"))
            return True
        return False

    def walk(folder: Path) -> None:
        for f in sorted(x for x in folder.rglob("*") if x.is_file() or (x.is_symlink() and not x.exists())):
            rel = f.relative_to(folder)
            if any(part.startswith(".") for part in rel.parts):
                continue  # hidden files and folders (.git, .DS_Store) are not articles
            if f.name == _METADATA_FILE:
                continue
            if _DOC_FILES.match(f.name):
                report.append(dict(source=str(f), record="", reason="skipped: documentation file, not an article"))
                continue
            if not unsupported(f):
                files.append((f, folder))

    for p in paths:
        p = str(p)
        if any(ch in p for ch in "*?["):
            matches = sorted(_glob.glob(p, recursive=True))
            if not matches:
                raise FileNotFoundError(f"{p}: the pattern matches no file; check the path")
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    if "**" not in p:  # (a recursive pattern lists the folder's files itself)
                        walk(mp)  # a folder the pattern names is read like a folder argument
                elif mp.is_file() and not unsupported(mp):
                    files.append((mp, mp.parent))
            continue
        path = Path(p)
        if not path.exists():
            raise FileNotFoundError(f"{p}: no such file or folder; check the path")
        if path.is_dir():
            walk(path)
        else:
            if format is None:
                reader_for(path)  # raises ReaderError for an unknown format
            files.append((path, path.parent))
    # one file named twice is read once
    seen: set[Path] = set()
    unique = []
    for f, root in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append((f, root))
    return unique, report


def _metadata_for(file: Path, root: Path, cache: dict) -> dict:
    """Merge corpus.toml files from ``root`` down to the file's folder (nearest wins)."""
    meta: dict = {}
    folders = [file.parent]
    try:
        rel = file.parent.resolve().relative_to(root.resolve())
        folders = [root.joinpath(*rel.parts[:i]) for i in range(len(rel.parts) + 1)]
    except ValueError:
        pass
    for folder in folders:
        f = folder / _METADATA_FILE
        if f not in cache:
            if f.is_file():
                try:
                    cache[f] = tomllib.loads(f.read_text(encoding="utf-8"))
                except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                    raise ReaderError(f"{f}: invalid corpus metadata ({exc}); fix the TOML") from None
            else:
                cache[f] = {}
        meta.update(cache[f])
    if "license" in meta and "licence" not in meta:
        meta["licence"] = meta.pop("license")
    return meta


# ------------------------------------------------------------------ dates
def _to_datetime(values: Sequence, sources: Sequence[str], report: list[dict]) -> pd.Series:
    """Parse dates to naive UTC ``datetime64[ns]``; report (never drop) what fails."""
    raw = pd.Series([_epoch(v) for v in values], dtype="object")
    missing = raw.isna() | raw.map(lambda v: isinstance(v, str) and not v.strip())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fast = pd.to_datetime(raw.where(~missing), errors="coerce", utc=True, format="mixed")
    fast = fast.dt.tz_localize(None)
    # pandas may parse years 1 ... 9999 at a coarser unit; outside the nanosecond range
    # (1677 ... 2262) they go to the slow path below, which reports them
    in_range = fast.isna() | ((fast >= pd.Timestamp.min) & (fast <= pd.Timestamp.max))
    out = fast.where(in_range).astype("datetime64[ns]")
    for i in np.flatnonzero((out.isna() & ~missing).to_numpy()):
        v = raw.iloc[i]
        try:
            ts = _parse_date_string(v) if isinstance(v, str) else pd.Timestamp(v)
            if ts.tzinfo is not None:
                ts = ts.tz_convert("UTC").tz_localize(None)
            out.iloc[i] = ts.as_unit("ns")  # out of range (before 1677, after 2262): ValueError
        except (ValueError, TypeError, OverflowError):
            path, _, rec = str(sources[i]).partition("#")
            report.append(dict(source=path, record=rec, reason=f"warning: date {str(v)!r} not understood; published left empty (NaT)"))
    return out.reset_index(drop=True)


_EPOCH_STR = re.compile(r"^\s*(\d{10}|\d{13})(\.\d+)?\s*$")


def _epoch(v):
    """Unix time stamps (numbers, or 10/13-digit strings) to Timestamps: seconds,
    milliseconds, microseconds or nanoseconds by magnitude. Whole numbers below 1e8
    (years, ``YYYYMMDD``) become strings for the date parser. Anything else unchanged."""
    if isinstance(v, str):
        if not _EPOCH_STR.match(v):
            return v
        num = float(v)
    elif isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_)):
        num = float(v)
        if num != num:  # NaN
            return None
        if abs(num) < 1e8 and num == int(num):
            # not a time stamp of the news era (1e8 s is March 1973): a year (2021) or a
            # compact date (20210723) in a numeric column, read like the same string
            return str(int(num))
    else:
        return v
    for unit, limit in (("s", 1e11), ("ms", 1e14), ("us", 1e17), ("ns", 1e20)):
        if abs(num) < limit:
            try:
                return pd.Timestamp(num, unit=unit)
            except (ValueError, OverflowError, pd.errors.OutOfBoundsDatetime):
                return v
    return v


def _parse_date_string(s: str) -> pd.Timestamp:
    """Parse a free-form date such as ``"July 23, 2021 Friday 10:00 AM EST"``.

    Only strings with a four-digit year are parsed (fuzzily); the parser never fills
    a missing year from today's date, so the result does not depend on when it runs.
    Day-month-year dates with a month name in German, Dutch, French, Spanish,
    Portuguese or Italian (and CJK ``2021年7月23日``) are read with the readers' date
    rule (:func:`discourse.readers._layout.parse_date`).
    """
    s = re.sub(r"(?<=\d),(?=\d{4}\b)", ", ", s.strip())  # "July 23,2021"
    try:
        ts = pd.Timestamp(s)
        if pd.Timestamp.min <= ts.tz_localize(None) <= pd.Timestamp.max:
            return ts
    except (ValueError, TypeError):
        pass
    from datetime import datetime

    from dateutil import parser as dparser

    from discourse.readers._layout import parse_date

    # day, month name and year in the languages of news exports ("23. Juli 2021",
    # "4 oktober 2017 woensdag", "2021年7月23日"), which the fuzzy parser misses or
    # misreads (it takes "4 oktober 2017" for 1 April 2017)
    named = parse_date(s)
    if not re.search(r"\b(1[6-9]|20)\d\d\b", s):
        if named is not None:
            return pd.Timestamp(named)
        raise ValueError(f"no year in {s!r}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ts = pd.Timestamp(dparser.parse(s, fuzzy=True, default=datetime(2000, 1, 1), tzinfos=_TZ))
        if f"{ts.year:04d}" not in re.findall(r"\d{4}", s):  # the year must come from the text
            raise ValueError(f"year of {s!r} unclear")
    except (ValueError, OverflowError):
        ts = None
    if named is not None and (ts is None or ts.date().isoformat() != named):
        return pd.Timestamp(named)
    if ts is None:
        raise ValueError(f"date {s!r} not understood")
    return ts


#: common time-zone abbreviations in news datelines (seconds east of UTC)
_TZ = {"UTC": 0, "GMT": 0, "Z": 0, "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
       "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600, "BST": 3600, "CET": 3600,
       "CEST": 7200, "EET": 7200, "EEST": 10800, "IST": 19800, "JST": 32400, "AEST": 36000}


# ------------------------------------------------------------------ duplicates
_WORD = re.compile(r"\w+")


def _shingles(text: str, k: int) -> np.ndarray:
    """Sorted unique 63-bit hashes of the word ``k``-grams of ``text`` (deterministic)."""
    words = text.split()
    if not words:
        words = [""]
    h = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    if len(h) < k:
        h = np.concatenate([h, np.zeros(k - len(h), dtype=np.uint64)])
    n = len(h) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            acc = acc * np.uint64(1000003) + h[j : j + n]
    return np.unique((acc >> np.uint64(1)).astype(np.int64))


def _splitmix64(x: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def find_duplicates(
    texts: Sequence[str],
    *,
    threshold: float = 0.7,
    shingle: int = 3,
    num_perm: int = 128,
    bands: int = 32,
    random_state: int = 0,
) -> np.ndarray:
    """Index of the earlier copy for each text (``-1`` for originals).

    Exact duplicates are texts equal after case folding and whitespace folding.
    Near duplicates have a Jaccard similarity of word ``shingle``-grams of at least
    ``threshold``; candidates are found with MinHash and locality-sensitive hashing
    (``bands`` bands of ``num_perm / bands`` rows), then checked exactly, so the
    result has no false positives. Each copy points at the first text of its
    cluster in input order.
    """
    n = len(texts)
    out = np.full(n, -1, dtype=np.int64)
    if n < 2:
        return out
    norm = [" ".join(_WORD.findall(t.casefold())) for t in texts]
    first: dict[str, int] = {}
    for i, t in enumerate(norm):
        if t in first:
            out[i] = first[t]
        else:
            first[t] = i
    if threshold is None or threshold >= 1:
        return out
    originals = [i for i in range(n) if out[i] < 0]
    sh = {i: _shingles(norm[i], shingle) for i in originals}
    # MinHash: permutation i is splitmix64(x XOR seed_i), a bijection with full
    # avalanche, so minima are (nearly) min-wise independent. A linear hash
    # (a*x + b mod p) on small inputs is not: it keeps their order.
    seeds = np.random.default_rng(random_state).integers(0, np.iinfo(np.int64).max, size=num_perm, dtype=np.int64).astype(np.uint64)
    rows = num_perm // bands
    buckets: dict[tuple, list[int]] = {}
    for i in originals:
        sig = _splitmix64(sh[i].astype(np.uint64)[:, None] ^ seeds[None, :]).min(axis=0)
        for band in range(bands):
            key = (band, sig[band * rows : (band + 1) * rows].tobytes())
            buckets.setdefault(key, []).append(i)
    parent = {i: i for i in originals}

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    checked: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if (i, j) in checked:
                    continue
                checked.add((i, j))
                si, sj = sh[i], sh[j]
                inter = len(np.intersect1d(si, sj, assume_unique=True))  # both sorted unique
                jac = inter / (len(si) + len(sj) - inter)
                if jac >= threshold:
                    ri, rj = root(i), root(j)
                    if ri != rj:
                        parent[max(ri, rj)] = min(ri, rj)
    for i in originals:
        r = root(i)
        if r != i:
            out[i] = r
    # exact copies of a near copy point at the cluster's first text
    for i in range(n):
        if out[i] >= 0 and out[out[i]] >= 0:
            out[i] = out[out[i]]
    return out


def _flag_duplicates(df: pd.DataFrame, threshold: float | None) -> pd.Series:
    if threshold is False:
        return pd.Series([pd.NA] * len(df), index=df.index, dtype="string")
    order = np.lexsort((np.arange(len(df)), df["published"].isna().to_numpy(), df["published"].fillna(pd.Timestamp.max).to_numpy()))
    texts = df["text"].to_numpy()[order]
    idx = find_duplicates(list(texts), threshold=threshold if threshold is not None else 1.0)
    dup = np.full(len(df), None, dtype=object)
    ids = df["doc_id"].to_numpy()
    for pos, j in enumerate(idx):
        if j >= 0:
            dup[order[pos]] = ids[order[j]]
    return pd.Series(dup, index=df.index, dtype="string")


# ------------------------------------------------------------------ table
def _finish(rows: list[dict], report: list[dict], duplicates) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    if df.empty:
        df = pd.DataFrame(columns=COLUMNS)
    for col in COLUMNS:
        if col not in df.columns:
            df[col] = None
    df["published"] = _to_datetime(list(df["published"]), list(df["source"]), report) if len(df) else pd.Series([], dtype="datetime64[ns]")
    df["doc_id"] = _unique_ids(df["doc_id"])
    for col in _STR_COLUMNS:
        df[col] = df[col].astype("string")
    df["duplicate_of"] = _flag_duplicates(df, duplicates) if len(df) else df["duplicate_of"]
    extra = [c for c in df.columns if c not in COLUMNS]
    for col in extra:
        df[col] = _storable(df[col])
    df = df[COLUMNS + extra].reset_index(drop=True)
    df.attrs["load_report"] = _report(report)
    return df


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


def _record_row(rec: Record, file: Path, meta: dict) -> dict:
    text = unicodedata.normalize("NFC", rec.text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    src = f"{file}#{rec.record}" if rec.record != "" else str(file)
    key = f"{file.name}#{rec.record}" if rec.record != "" else file.name
    row = dict(
        doc_id=doc_id(text, key),
        outlet=rec.outlet if rec.outlet else meta.get("outlet"),
        title=rec.title,
        author=rec.author,
        published=rec.published,
        url=rec.url,
        text=text,
        source=src,
    )
    for k, v in meta.items():
        if k != "outlet" and k in _METADATA_KEYS:
            row.setdefault(k, v)
    for k, v in rec.extra.items():
        if k not in row:
            row[k] = v
    return row


def _is_saved_corpus(path: Path) -> bool:
    if path.suffix.lower() not in {".parquet", ".pq"}:
        return False
    try:
        import pyarrow.parquet as pq

        return b"discourse" in (pq.read_schema(path).metadata or {})
    except Exception:  # not a readable Parquet file: the tabular reader will say why
        return False


def load(
    paths,
    *,
    format: str | None = None,
    errors: Literal["report", "raise"] = "report",
    duplicates: float | None | bool = 0.7,
    progress: bool = False,
    **options,
) -> pd.DataFrame:
    """Load articles into one DataFrame.

    Parameters
    ----------
    paths : str, Path, list of them, or DataFrame
        Files, folders (read recursively, sorted) or glob patterns. A DataFrame is
        validated and completed (see :func:`validate`). A Parquet file written by
        :func:`save` is read back exactly.
    format : str, optional
        Force a reader (``"article"``, ``"tabular"``, ``"html"``, ``"docx"``,
        ``"rtf"``, ``"nexis"``, ``"factiva"``) instead of choosing by extension.
    errors : {"report", "raise"}
        ``"report"`` (default) lists unreadable files and records in the load
        report; ``"raise"`` stops at the first one with :class:`ReaderError`.
    duplicates : float, None or False
        Jaccard threshold for near duplicates (default 0.7); ``None`` flags exact
        duplicates only; ``False`` flags none.
    progress : bool
        Show a progress bar (tqdm) while reading files.
    **options
        Passed to the readers (``encoding=``, ``columns={"body": "text"}`` ...).

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS` then extra metadata; ``attrs["load_report"]``.

    Examples
    --------
    >>> df = load("seeds/")                                   # doctest: +SKIP
    >>> df[["title", "author", "published"]]                  # doctest: +SKIP
    """
    if errors not in ("report", "raise"):
        raise ValueError(f"errors must be 'report' or 'raise', not {errors!r}")
    if isinstance(paths, pd.DataFrame):
        return validate(paths, duplicates=duplicates)
    files, report = _expand(paths, format)
    if not files and not report:
        raise FileNotFoundError(f"{paths}: no input files found")
    rows: list[dict] = []
    frames: list[pd.DataFrame] = []
    meta_cache: dict = {}
    iterator: Iterable = files
    if progress and len(files) > 1:
        from tqdm.auto import tqdm

        iterator = tqdm(files, desc="loading", unit="file", leave=False)
    for file, root in iterator:
        if _is_saved_corpus(file):
            try:
                saved = _read_saved(file)
            except Exception as exc:  # pyarrow raises OSError, ArrowInvalid, KeyError ...
                reason = (f"{file}: damaged corpus file ({type(exc).__name__}: {str(exc).strip()[:120]}); "
                          "save the corpus again or load it from its sources")
                if errors == "raise":
                    raise ReaderError(reason) from None
                report.append(dict(source=str(file), record="", reason=reason))
                continue
            frames.append(saved)
            continue
        try:
            meta = _metadata_for(file, root, meta_cache)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ReaderWarning)
                result = reader_for(file, format=format).read(file, **options)
            for w in caught:  # repairs worth knowing become report notes; others pass on
                if issubclass(w.category, ReaderWarning):
                    report.append(dict(source=str(file), record=str(getattr(w.message, "record", "")),
                                       reason=f"warning: {w.message}"))
                else:
                    warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        except ReaderError as exc:
            if errors == "raise":
                raise
            report.append(dict(source=str(file), record="", reason=str(exc)))
            continue
        except (OSError, UnicodeError) as exc:
            if errors == "raise":
                raise ReaderError(f"{file}: {exc}") from exc
            report.append(dict(source=str(file), record="", reason=f"cannot read: {exc}"))
            continue
        except Exception as exc:  # a reader bug must not lose the other files
            reason = (f"internal reader error ({type(exc).__name__}: {str(exc)[:200]}); "
                      "please report it with the file, or convert the file to another format")
            if errors == "raise":
                raise ReaderError(f"{file}: {reason}") from exc
            report.append(dict(source=str(file), record="", reason=reason))
            continue
        for rec_id, reason in result.problems:
            if errors == "raise":
                raise ReaderError(f"{file}, record {rec_id}: {reason}")
            report.append(dict(source=str(file), record=str(rec_id), reason=reason))
        for rec in result.records:
            if not rec.text or not rec.text.strip():
                reason = "empty text; the record has no article body"
                if errors == "raise":
                    raise ReaderError(f"{file}, record {rec.record}: {reason}")
                report.append(dict(source=str(file), record=str(rec.record), reason=reason))
                continue
            rows.append(_record_row(rec, file, meta))
    df = _finish(rows, report, duplicates)
    if frames:
        saved_report = [f.attrs.get("load_report") for f in frames]
        df = pd.concat([df, *frames], ignore_index=True) if len(df) else pd.concat(frames, ignore_index=True)
        for col in _STR_COLUMNS:
            df[col] = df[col].astype("string")
        df["published"] = df["published"].astype("datetime64[ns]")
        if df["doc_id"].duplicated().any():
            # the same article from two saved corpora (or from a saved corpus and its
            # sources): keep both, give the later copy its own id and flag it
            first = ~df["doc_id"].duplicated()
            original = dict(zip(df["doc_id"][first], df["duplicate_of"][first].fillna(df["doc_id"][first])))
            again = ~first & df["duplicate_of"].isna()
            df.loc[again, "duplicate_of"] = df.loc[again, "doc_id"].map(original)
            df["doc_id"] = pd.array(_unique_ids(df["doc_id"]), dtype="string")
        df.attrs["load_report"] = _report(
            pd.concat([_report(report)] + [r for r in saved_report if r is not None], ignore_index=True)
        )
    return df


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
    bad = out.index[out["text"].isna() | (out["text"].astype(str).str.strip() == "")]
    if len(bad):
        raise ValueError(f"corpus rows {list(bad[:10])} have empty text; fill or drop them first")
    out["text"] = [unicodedata.normalize("NFC", str(t).replace("\r\n", "\n").replace("\r", "\n")) for t in out["text"]]
    if "source" not in out.columns:
        out["source"] = [f"<dataframe>#{i}" for i in range(len(out))]
    if "doc_id" not in out.columns:
        out["doc_id"] = [doc_id(t, s) for t, s in zip(out["text"], out["source"].astype(str))]
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
        out[col] = out[col].astype("string")
    if not keep_dup:
        out["duplicate_of"] = _flag_duplicates(out, duplicates)
    extra = [c for c in out.columns if c not in COLUMNS]
    out = out[COLUMNS + extra].reset_index(drop=True)
    out.attrs["load_report"] = _report(report)
    return out


def drop_duplicates(df: pd.DataFrame) -> pd.DataFrame:
    """The user's explicit choice: keep only rows whose ``duplicate_of`` is empty."""
    out = df[df["duplicate_of"].isna()].reset_index(drop=True)
    out.attrs = dict(df.attrs)
    return out


# ------------------------------------------------------------------ storage
def save(df: pd.DataFrame, path: str | Path) -> Path:
    """Write the corpus to Parquet so that :func:`load` reads back the same table.

    Dtypes and values round-trip exactly; the load report is stored alongside in the
    file's metadata.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    if path.suffix.lower() not in {".parquet", ".pq"}:
        raise ValueError(f"{path}: save writes Parquet; use a .parquet file name")
    clean = df.copy()
    report = df.attrs.get("load_report")
    clean.attrs = {}
    table = pa.Table.from_pandas(clean, preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[b"discourse"] = json.dumps(
        {
            "format": 1,
            "load_report": None if report is None else report.astype(object).where(report.notna(), None).to_dict(orient="records"),
        }
    ).encode()
    table = table.replace_schema_metadata(meta)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return path


def _read_saved(path: Path) -> pd.DataFrame:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    info = json.loads(table.schema.metadata[b"discourse"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = table.to_pandas()
    df.attrs = {}
    report = info.get("load_report")
    df.attrs["load_report"] = _report(report or [])
    return df


# ------------------------------------------------------------------ summary
def summary(df: pd.DataFrame) -> str:
    """A short human-readable account of a loaded corpus and its load report."""
    lines = [f"articles: {len(df)}"]
    if len(df):
        outlets = df["outlet"].fillna("(unknown)").value_counts().sort_index()
        lines.append(f"outlets: {len(outlets)} (" + ", ".join(f"{k}: {v}" for k, v in outlets.items()) + ")")
        pub = df["published"].dropna()
        if len(pub):
            lines.append(f"published: {pub.min():%Y-%m-%d} to {pub.max():%Y-%m-%d} ({df['published'].isna().sum()} undated)")
        else:
            lines.append("published: no dates")
        lines.append(f"duplicates: {int(df['duplicate_of'].notna().sum())} flagged (kept; see duplicate_of)")
    report = df.attrs.get("load_report")
    if report is not None and len(report):
        warn = report["reason"].str.startswith("warning:") | report["reason"].str.startswith("skipped:")
        lines.append(f"not loaded: {int((~warn).sum())}; notes: {int(warn.sum())}")
        for r in report.itertuples():
            where = f"{r.source}" + (f" record {r.record}" if r.record else "")
            lines.append(f"  {where}: {r.reason}")
    else:
        lines.append("not loaded: 0")
    return "\n".join(lines)
