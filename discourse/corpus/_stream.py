"""Corpus files read in chunks: JSON Lines, CSV/TSV and Parquet tables, never whole.

:func:`chunks` yields corpus tables of at most ``chunk_size`` records, each made as
:func:`discourse.corpus.load` makes its table (the same column mapping, text
normalisation, NFC, dates, ``doc_id`` rule and ``source``), so that the
concatenated chunks equal the loaded corpus (tested), apart from what needs the
whole corpus at once:

- ``duplicate_of`` is left empty: exact copies are flagged afterwards from a hash of
  each text (:func:`discourse.batch.documents`), near copies not at all;
- a ``doc_id`` repeated in a later chunk gets a suffix (``x-2``) in the order read,
  where ``load`` would let two different texts sharing an own id fall back to ids
  derived from their content;
- the column mapping of a JSON Lines file is chosen from its first chunk (pass
  ``columns=`` when later records use other field names); the "empty title" warning
  is judged per chunk.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pandas as pd

#: files read record by record
STREAMED = (".jsonl", ".ndjson", ".csv", ".tsv")
PARQUET = (".parquet", ".pq")


def source_files(path: str | Path) -> list[Path]:
    """The files of a streamed source: a file, or the JSON Lines, CSV/TSV and Parquet
    files under a folder in sorted order (hidden files and folders left out)."""
    path = Path(path)
    kinds = STREAMED + PARQUET
    if path.is_dir():
        from discourse.corpus._load import _DOC_FILES
        from discourse.readers import READERS

        every = sorted(p for p in path.rglob("*") if p.is_file()
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        files = [p for p in every if p.suffix.lower() in kinds]
        others = [p for p in every if p.suffix.lower() in READERS and p not in files and not _DOC_FILES.match(p.name)]
        if others:  # articles the run would leave out: never silently
            listed = ", ".join(str(p.relative_to(path)) for p in others[:3]) + (" ..." if len(others) > 3 else "")
            raise ValueError(f"source {path}: {len(others)} file(s) a streamed run cannot read in chunks ({listed}); "
                             f"convert them to JSON Lines, or load them with discourse.corpus.load and save "
                             f"them as Parquet in the folder")
        if not files:
            raise FileNotFoundError(f"source {path}: no JSON Lines, CSV/TSV or Parquet files in this folder")
        return files
    if not path.exists():
        raise FileNotFoundError(f"source {path}: no such file or folder")
    if path.suffix.lower() not in kinds:
        raise ValueError(f"source {path}: a streamed run reads JSON Lines (.jsonl), CSV/TSV or Parquet; "
                         f"for other formats load it and save it first: discourse.corpus.save("
                         f"discourse.corpus.load(...), 'corpus/', partition_by='outlet')")
    return [path]


def chunks(files: list[Path], chunk_size: int, *, columns: dict | None = None,
           roots: Path | None = None) -> Iterator[tuple[str, pd.DataFrame]]:
    """``(key, corpus table)`` per chunk: key ``FFFFF-CCCCC`` (file, chunk within the
    file), which depends only on the files and ``chunk_size``. The table's
    ``attrs["load_report"]`` holds the chunk's report rows (records not loaded, notes,
    warnings). ``doc_id`` values are unique over all chunks read so far."""
    from discourse.corpus._load import _metadata_for
    from discourse.corpus._storage import _is_saved_corpus

    taken: set[str] = set()
    meta_cache: dict = {}
    root = roots if roots is not None else (files[0].parent if len(files) == 1 else _common(files))
    for f, file in enumerate(files):
        if file.suffix.lower() in PARQUET and _is_saved_corpus(file):
            parts = _saved(file, chunk_size)
        else:
            meta = _metadata_for(file, root, meta_cache)
            parts = _normalised(file, _rows(file, chunk_size), columns, meta)
        for c, table in enumerate(parts):
            table["doc_id"] = pd.array(_unique_across(table["doc_id"].tolist(), taken), dtype="string")
            yield f"{f:05d}-{c:05d}", table


def _common(files: list[Path]) -> Path:
    import os

    return Path(os.path.commonpath([str(p.parent) for p in files]))


def _saved(file: Path, chunk_size: int) -> Iterator[pd.DataFrame]:
    """A saved corpus (:func:`discourse.corpus.save`): already a corpus table."""
    import pyarrow.parquet as pq

    from discourse.corpus._query import _typed
    from discourse.corpus._table import _report

    for batch in pq.ParquetFile(file).iter_batches(batch_size=chunk_size):
        table = _typed(batch.to_pandas())
        table.attrs["load_report"] = _report([])
        yield table


def _unique_across(ids: list, taken: set) -> list:
    """``ids`` made unique against every id read before (``taken``, updated): the
    second ``x`` becomes ``x-2`` ... (as :func:`discourse.corpus.load` does within a load)."""
    out = []
    for d in ids:
        if d in taken:
            k = 2
            while f"{d}-{k}" in taken:
                k += 1
            d = f"{d}-{k}"
        taken.add(d)
        out.append(d)
    return out


# ------------------------------------------------------------------ raw rows
def _rows(file: Path, chunk_size: int) -> Iterator[tuple[list, list, list | None]]:
    """``(rows, problems, header)`` per chunk of at most ``chunk_size`` records; rows
    are ``(record, dict)`` numbered as the table reader numbers them."""
    ext = file.suffix.lower()
    if ext in (".jsonl", ".ndjson"):
        yield from _jsonl(file, chunk_size)
    elif ext in PARQUET:
        yield from _parquet(file, chunk_size)
    else:
        yield from _delimited(file, chunk_size, "\t" if ext == ".tsv" else None)


def _jsonl(file: Path, chunk_size: int):
    """JSON Lines, line by line (1-based line numbers), normalised as the whole-file
    reader normalises its text before splitting it into lines."""
    from discourse.readers._base import ReaderError, normalize_text
    from discourse.readers.tabular import jsonl_row

    rows, problems, lineno, valid = [], [], 0, 0
    with open(file, "rb") as fh:
        for raw in fh:
            try:
                decoded = raw.decode("utf-8-sig" if lineno == 0 else "utf-8")
            except UnicodeDecodeError as exc:
                raise ReaderError(f"{file}, line {lineno + 1}: not UTF-8 ({exc.reason} at byte {exc.start}); "
                                  f"convert the file to UTF-8, or load it with discourse.corpus.load "
                                  f"and save it as Parquet") from None
            for line in normalize_text(decoded.rstrip("\n")).split("\n"):
                lineno += 1
                if not line.strip():
                    continue
                obj, problem = jsonl_row(lineno, line)
                if problem:
                    problems.append(problem)
                else:
                    rows.append((str(lineno), obj))
                    valid += 1
                if len(rows) + len(problems) >= chunk_size:
                    yield rows, problems, None
                    rows, problems = [], []
    if rows or problems:
        yield rows, problems, None
    if not valid and lineno:
        raise ReaderError(f"{file}: no line is valid JSON; is this JSON Lines?")


def _delimited(file: Path, chunk_size: int, sep: str | None):
    """CSV/TSV with pandas' reader in chunks (rows numbered from 1, header excluded)."""
    from discourse.readers._base import ReaderError
    from discourse.readers.tabular import _sniff_sep

    try:
        with open(file, encoding="utf-8-sig", newline="") as fh:
            first = fh.readline()
    except UnicodeDecodeError:
        first = None
    if not first or not first.strip():
        raise ReaderError(f"{file}: no header row (or not UTF-8); check the file")
    sep = sep or _sniff_sep(first)
    done = 0
    try:
        reader = pd.read_csv(file, sep=sep, dtype=object, keep_default_na=False, na_values=[""],
                             on_bad_lines="error", chunksize=chunk_size, encoding="utf-8-sig")
        with reader:
            for part in reader:
                if not isinstance(part.index, pd.RangeIndex):
                    raise ReaderError(f"{file}: rows have more fields than the header (near row {done + 1}); "
                                      f"check quoting or the separator")
                rows = [(str(done + i + 1), row) for i, row in enumerate(part.to_dict(orient="records"))]
                done += len(rows)
                yield rows, [], list(part.columns)
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        if isinstance(exc, ReaderError):
            raise
        raise ReaderError(f"{file}, after record {done}: cannot read the rest of the file "
                          f"({str(exc).strip().splitlines()[0][:200]}); check quoting and the separator, "
                          f"or load it with discourse.corpus.load (which reports bad rows) and save it as "
                          f"Parquet") from None


def _parquet(file: Path, chunk_size: int):
    """A Parquet table that is not a saved corpus, batch by batch (rows from 1)."""
    import pyarrow.parquet as pq

    done = 0
    for batch in pq.ParquetFile(file).iter_batches(batch_size=chunk_size):
        rows = [(str(done + i + 1), row) for i, row in enumerate(batch.to_pylist())]
        done += len(rows)
        yield rows, [], list(batch.schema.names)


# ------------------------------------------------------------------ records
def _normalised(file: Path, parts, columns: dict | None, meta: dict) -> Iterator[pd.DataFrame]:
    """Each chunk of raw rows as the loader's corpus table."""
    from discourse.corpus._discover import shown
    from discourse.corpus._load import _record_row
    from discourse.corpus._table import _finish
    from discourse.readers._columns import FIELDS, choice_notes, describe, resolve
    from discourse.readers._rows import records_of

    mapping = cands = None
    for rows, problems, header in parts:
        report = [dict(source=shown(file), record=rec, reason=why) for rec, why in problems]
        if rows and mapping is None:
            seen = header if header is not None else list(dict.fromkeys(k for _, row in rows for k in row))
            mapping, cands = resolve(file, seen, columns)
            chosen = {field: col for col, field in mapping.items() if field in FIELDS}
            if any(len(c) > 1 for c in cands.values()):
                report.append(dict(source=shown(file), record="", reason="note: columns " + describe(chosen, cands)))
            report += [dict(source=shown(file), record="", reason=f"warning: {note}")
                       for note in choice_notes(file, mapping, cands, rows, columns)]
        records, bad = records_of(rows, mapping) if rows else ([], [])
        report += [dict(source=shown(file), record=rec, reason=why) for rec, why in bad]
        table_rows = [_record_row(rec, file, meta, table=True) for rec in records]
        table = _finish(table_rows, report, False)
        yield table

