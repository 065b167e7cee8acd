"""Shared pieces of the ``discourse`` command: the usage error, ``--out`` and
``--columns`` handling, table writers (CSV with formula guarding, Parquet) and
corpus loading with the column report on standard error."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


class UsageError(Exception):
    """A mistake by the person at the command line: exit 2, one line."""


def _out_path(out: str) -> Path:
    """``--out`` as a Path; a name that is not .csv, .tsv or .parquet is a usage error.

    Commands call it before loading the corpus, so a typo fails at once, not after
    the analysis has run."""
    path = Path(out)
    if path.suffix.lower() not in {".csv", ".parquet", ".pq", ".tsv"}:
        raise UsageError(f"--out {out}: use a .csv, .tsv or .parquet file name")
    return path


def _write_table(df, out: str) -> None:
    """Write a DataFrame as CSV or Parquet, chosen by the extension of ``out``."""
    path = _out_path(out)
    suffix = path.suffix.lower()
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    if suffix in {".parquet", ".pq"}:
        df.to_parquet(path, index=False)
    else:
        _to_csv(df, path, sep="\t" if suffix == ".tsv" else ",")


#: first characters that make a spreadsheet run a cell as a formula (OWASP "CSV injection")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _to_csv(df, path, *, sep: str = ",") -> None:
    """Write a CSV for people to open: a text cell a spreadsheet would run as a
    formula (``=``, ``+``, ``-``, ``@`` first) gets a leading apostrophe. Numbers are
    written as they are (a negative number is not a formula)."""
    import pandas as pd

    safe = df.copy()
    for col in safe.columns:
        if pd.api.types.is_object_dtype(safe[col]) or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = [("'" + v) if isinstance(v, str) and v.startswith(_FORMULA_START) else v
                         for v in safe[col]]
    safe.to_csv(path, index=False, sep=sep)


def _load_corpus(args):
    from discourse import corpus

    df = corpus.load(args.paths, progress=not getattr(args, "quiet", False),
                     columns=getattr(args, "columns", None),
                     duplicates=_DUPLICATES[getattr(args, "duplicates", None) or "near"])
    if getattr(args, "command", None) != "load":  # (load prints the whole summary)
        _tell_columns(df, getattr(args, "command", None) or "")
    return df


def _tell_columns(df, command: str) -> None:
    """The column choices and a tokenised-text warning on standard error, once each."""
    report = df.attrs.get("load_report")
    if report is None or not len(report):
        return
    reason = report["reason"].astype(str)
    said = reason[reason.str.startswith("note: columns ")].str.removeprefix("note: ").unique().tolist()
    said += reason[(report["record"] == "") & reason.str.contains("looks tokenised")].unique().tolist()
    for line in said:
        print(f"discourse {command}: {line}", file=sys.stderr)
    for hint in _hints(report):
        print(f"discourse {command}: {hint}", file=sys.stderr)


def _hints(report) -> list[str]:
    """``--columns`` advice for tables whose chosen text looks tokenised."""
    import re

    clean = {m.group(1) for r in report["reason"].astype(str)
             if (m := re.search(r"looks tokenised .* while '([^']+)' does not", r))}
    return [f"to read {c!r} as the text, add --columns text={c}" for c in sorted(clean)]


def _columns(value: str) -> dict[str, str]:
    """``--columns text=content_original,outlet=source`` -> ``{"content_original": "text",
    "source": "outlet"}`` (the ``columns=`` of :func:`discourse.corpus.load`)."""
    from discourse.readers._columns import FIELDS

    out: dict[str, str] = {}
    for part in value.split(","):
        field, eq, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not eq or not field or not column:
            raise argparse.ArgumentTypeError(
                f"{part.strip()!r} is not FIELD=COLUMN (e.g. text=content_original,outlet=source)")
        if field not in FIELDS:
            raise argparse.ArgumentTypeError(f"unknown field {field!r}; use one of {', '.join(FIELDS)}")
        if field in out.values():
            raise argparse.ArgumentTypeError(f"field {field!r} given twice")
        if column in out:
            raise argparse.ArgumentTypeError(f"column {column!r} given for both {out[column]!r} and {field!r}")
        out[column] = field
    return out


#: ``--duplicates``: the ``duplicates=`` option of corpus.load
_DUPLICATES = {"near": 0.7, "exact": None, "off": False}


def _add_columns(sp) -> None:
    """The options of loading a corpus: ``--columns`` and ``--duplicates``."""
    sp.add_argument("--columns", type=_columns, metavar="FIELD=COLUMN,...",
                    help="which table column holds which field, e.g. text=content_original,outlet=source "
                         "(fields: text, title, author, published, outlet, url); default: the first "
                         "candidate in the documented order, named in the load report")
    sp.add_argument("--duplicates", choices=list(_DUPLICATES), default="near",
                    help="flag near duplicates (default; Jaccard >= 0.7), exact copies only, or none "
                         "(for corpora too large for near-duplicate detection)")
