"""Tables of articles: CSV, TSV, JSON, JSON Lines and Parquet, one article per row.

Columns are matched to the corpus fields (``text``, ``title``, ``author``,
``published``, ``outlet``, ``url``) by an explicit ``columns`` mapping first, then
by exact name, then by common aliases (``body``/``content`` -> ``text``,
``headline`` -> ``title``, ``byline`` -> ``author``, ``date`` -> ``published``,
``source``/``publication`` -> ``outlet``, ``link`` -> ``url`` ...). Column names are
compared case-insensitively with spaces, dashes and dots read as underscores.
Every other column is kept in ``Record.extra`` and becomes a metadata column.
The choice is never silent (:mod:`discourse.readers._columns`): the result lists
the chosen column and all candidates per field (``ReadResult.columns``,
``ReadResult.candidates``), and a :class:`ReaderWarning` says when a field had
several candidates or the chosen text looks tokenised while another does not.

Record numbers: CSV/TSV/Parquet rows are numbered from 1 (the first data row,
header excluded); JSON array items by their 0-based index; JSON Lines by their
1-based line number.
"""
from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path
from typing import Any

from discourse.readers._base import ReadResult, ReaderError, ReaderWarning, read_text
from discourse.readers._columns import ALIASES, FIELDS, _norm, choice_notes, resolve
from discourse.readers._rows import records_of

__all__ = ["read", "FIELDS", "ALIASES"]

_JSON_CONTAINERS = ("articles", "data", "records", "items", "documents", "docs", "results",
                    "rows", "entries", "stories", "news", "response", "hits")


def read(
    path: Path,
    *,
    columns: dict[str, str] | None = None,
    encoding: str | None = None,
    sep: str | None = None,
    **_: Any,
) -> ReadResult:
    """Read a CSV/TSV/JSON/JSONL/Parquet table of articles.

    Parameters
    ----------
    path : Path
        The file. The format comes from the extension (``.csv``, ``.tsv``,
        ``.json``, ``.jsonl``/``.ndjson``, ``.parquet``/``.pq``).
    columns : dict, optional
        ``{file_column: field}`` for non-standard names, e.g.
        ``{"body": "text", "headline": "title"}``. A field outside
        ``text, title, author, published, outlet, url`` renames the column.
    encoding : str, optional
        Text encoding; detected when omitted.
    sep : str, optional
        Field separator for CSV; sniffed among ``, ; | tab`` when omitted.

    Returns
    -------
    ReadResult
        One :class:`Record` per row with text; rows without text in ``problems``.

    Examples
    --------
    >>> from discourse.readers import tabular
    >>> res = tabular.read(Path("articles.csv"), columns={"story": "text"})  # doctest: +SKIP
    """
    path = Path(path)
    ext = path.suffix.lower()
    problems: list[tuple[str, str]] = []
    if ext in (".parquet", ".pq"):
        rows, start = _read_parquet(path), 1
    elif ext in (".jsonl", ".ndjson"):
        rows, problems = _read_jsonl(path, encoding)
        start = None
    elif ext == ".json":
        rows, start = _read_json(path, encoding), 0
    else:
        rows, problems = _read_delimited(path, encoding, sep="\t" if ext == ".tsv" else sep)
        start = None
    # rows: list of (record, dict)
    if start is not None:
        rows = [(str(i + start), row) for i, row in enumerate(rows)]
    seen: list[str] = []
    for _, row in rows:
        for key in row:
            if key not in seen:
                seen.append(key)
    if not rows:
        if problems:
            return ReadResult([], problems)
        raise ReaderError(f"{path}: no rows found (only a header, or an empty table); "
                          "check the file or remove it from the input")
    mapping, cands = resolve(path, seen, columns)
    for note in choice_notes(path, mapping, cands, rows, columns):
        warnings.warn(ReaderWarning(note), stacklevel=2)
    records, bad = records_of(rows, mapping)
    problems.extend(bad)
    problems.sort(key=lambda prob: int(prob[0]) if str(prob[0]).isdigit() else -1)  # file order
    chosen = {field: col for col, field in mapping.items() if field in FIELDS}
    return ReadResult(records, problems, columns=chosen, candidates=cands)







# -- formats ------------------------------------------------------------------

def _read_delimited(path: Path, encoding: str | None, sep: str | None):
    import pandas as pd

    text = read_text(path, encoding=encoding)
    if sep is None:
        sep = _sniff_sep(text)
    try:
        df = pd.read_csv(io.StringIO(text), sep=sep, dtype=object, keep_default_na=False,
                         na_values=[""], on_bad_lines="error")
    except pd.errors.EmptyDataError:
        raise ReaderError(f"{path}: no header row or data; check the file") from None
    except (pd.errors.ParserError, csv.Error) as exc:
        # rows with more fields than the header: read row by row, report those rows
        return _read_ragged(path, text, sep, exc)
    if not isinstance(df.index, pd.RangeIndex):
        # every row has more fields than the header: pandas would silently turn the
        # first column into the index; read row by row and report the rows instead
        return _read_ragged(path, text, sep, "rows have more fields than the header")
    unnamed = [c for c in df.columns if str(c).startswith("Unnamed:")]
    if unnamed and len(unnamed) == len(df.columns):
        raise ReaderError(f"{path}: the header row is empty; the first line must name the columns")
    return [(str(i + 1), row) for i, row in enumerate(df.to_dict(orient="records"))], []


def _read_ragged(path: Path, text: str, sep: str, first_error: Exception | str):
    """Parse a delimited file whose rows do not all have the header's width.

    Short rows are padded with empty cells; rows with extra non-empty cells are
    reported (record = data row number, as in the normal path). Unbalanced quotes
    stop the whole file: what follows an open quote cannot be trusted.
    """
    if csv.field_size_limit() < len(text):  # one article per cell can be long
        csv.field_size_limit(min(len(text) + 1, 2**31 - 1))
    try:
        table = [row for row in csv.reader(io.StringIO(text), delimiter=sep, strict=True)
                 if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise ReaderError(f"{path}: malformed delimited file ({exc}; first problem: "
                          f"{str(first_error).strip()}); check quoting and the separator "
                          f"(pass sep=)") from None
    if not table:
        raise ReaderError(f"{path}: no header row or data; check the file")
    header = _unique_names(table[0])
    rows, problems = [], []
    for i, cells in enumerate(table[1:], start=1):
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            problems.append((str(i), f"row has {len(cells)} fields but the header has "
                                     f"{len(header)}; check quoting or the separator (sep=)"))
            continue
        cells = (cells + [""] * len(header))[: len(header)]
        rows.append((str(i), {h: (c if c != "" else None) for h, c in zip(header, cells)}))
    return rows, problems


def _unique_names(names: list[str]) -> list[str]:
    """Header names made unique like pandas does (``text``, ``text.1``; blank -> ``Unnamed: i``)."""
    out: list[str] = []
    for i, name in enumerate(names):
        name = name if name.strip() else f"Unnamed: {i}"
        base, k = name, 0
        while name in out:
            k += 1
            name = f"{base}.{k}"
        out.append(name)
    return out


def _sniff_sep(text: str) -> str:
    """The separator that splits the header line into the most fields (ties: comma)."""
    header = text.lstrip("\n").split("\n", 1)[0]
    best, best_n = ",", 1
    for cand in (",", ";", "\t", "|"):
        try:
            n = len(next(csv.reader([header], delimiter=cand)))
        except (csv.Error, StopIteration):
            continue
        if n > best_n:
            best, best_n = cand, n
    return best


def _read_parquet(path: Path) -> list[dict]:
    import pandas as pd

    if not path.read_bytes()[:4096].strip():
        raise ReaderError(f"{path}: file is empty; remove it or add its rows")
    try:
        df = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types
        raise ReaderError(f"{path}: not a readable Parquet file ({type(exc).__name__}: "
                          f"{str(exc)[:120]}); re-export it or check it is complete") from None
    df = df.reset_index(drop=not _meaningful_index(df))
    return df.to_dict(orient="records")


def _meaningful_index(df) -> bool:
    import pandas as pd

    return not isinstance(df.index, pd.RangeIndex)


def _read_json(path: Path, encoding: str | None) -> list[dict]:
    text = read_text(path, encoding=encoding)
    try:
        data = json.loads(text)
    except RecursionError:
        raise ReaderError(f"{path}: JSON nested too deeply to be a table of articles; "
                          "check the file") from None
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("{") and "\n{" in text.strip():
            # JSON Lines saved as .json: read it that way
            rows, problems = _parse_jsonl(path, text)
            if not problems:
                return [row for _, row in rows]
        raise ReaderError(
            f"{path}: invalid or truncated JSON ({exc.msg} at line {exc.lineno}, column "
            f"{exc.colno}); re-export the file or fix it"
        ) from None
    try:
        rows = _json_rows(data)
    except ReaderError as exc:
        raise ReaderError(f"{path}: {exc}") from None
    if rows is None:
        raise ReaderError(
            f"{path}: JSON holds no list of articles; expected an array of objects or an "
            f"object with one of {', '.join(_JSON_CONTAINERS[:4])}... holding one"
        )
    bad = [i for i, row in enumerate(rows) if not isinstance(row, dict)]
    if bad:
        raise ReaderError(f"{path}: JSON item {bad[0]} is a {type(rows[bad[0]]).__name__}, "
                          "not an object with fields")
    return rows


def _json_rows(data: Any) -> list | None:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    for key in data:
        if _norm(key) in _JSON_CONTAINERS:
            inner = data[key]
            if isinstance(inner, dict):
                inner = _json_rows(inner)
            if isinstance(inner, list):
                return inner
    lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
    if len(lists) == 1:
        return lists[0]
    # a dict of equal-length columns (pandas orient="list")
    values = list(data.values())
    if values and all(isinstance(v, list) for v in values) and len({len(v) for v in values}) == 1:
        keys = list(data)
        return [dict(zip(keys, row)) for row in zip(*values)]
    if len(values) > 1 and all(isinstance(v, list) for v in values):  # (rows cannot be paired up)
        sizes = ", ".join(f"{k}: {len(v)}" for k, v in data.items())
        raise ReaderError(f"JSON object of column lists with unequal lengths ({sizes}); the rows cannot be "
                          "paired up without losing or merging records. Re-export the file")
    # a single article object
    if any(_norm(k) in ALIASES["text"] for k in data):
        return [data]
    return None


def _read_jsonl(path: Path, encoding: str | None):
    return _parse_jsonl(path, read_text(path, encoding=encoding))


def jsonl_row(lineno: int, line: str) -> tuple[dict | None, tuple[str, str] | None]:
    """One non-blank line of a JSON Lines file: ``(object, None)``, or ``(None, problem)``
    naming the line (used here and by the chunked reader of :mod:`discourse.corpus._stream`)."""
    try:
        obj = json.loads(line)
    except RecursionError:
        return None, (str(lineno), f"line {lineno} is nested too deeply to be an article")
    except json.JSONDecodeError as exc:
        return None, (str(lineno), f"invalid JSON on line {lineno} ({exc.msg}); truncated or broken line")
    if not isinstance(obj, dict):
        return None, (str(lineno), f"line {lineno} is a {type(obj).__name__}, not an object")
    return obj, None


def _parse_jsonl(path: Path, text: str):
    rows, problems = [], []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        obj, problem = jsonl_row(lineno, line)
        if problem:
            problems.append(problem)
        else:
            rows.append((str(lineno), obj))
    if not rows and problems and len(problems) == sum(1 for ln in text.split("\n") if ln.strip()):
        raise ReaderError(f"{path}: no line is valid JSON ({problems[0][1]}); is this JSON Lines?")
    return rows, problems
