"""Reading coded sheets back: a long table of codes, with problems reported by row."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Literal, Mapping, Sequence

import numpy as np
import pandas as pd

from discourse.validate._sheets import _BOOK, _META, _SHEET, CODER_PREFIX, _codebook, _norm, _unescape

__all__ = ["read_coding"]


# ------------------------------------------------------------------------- read
def _read_rows(path: Path) -> tuple[list[str], list[list], list | None, list[str] | None, list[str] | None]:
    """Header, data rows, and (xlsx only) the codebook codes, units and coders written."""
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.reader(fh))
        if not rows:
            raise ValueError(f"{path}: empty file, not a coding sheet")
        data = [[_unescape(v) if v != "" else None for v in r] for r in rows[1:]]
        return [str(h) for h in rows[0]], data, None, None, None
    if path.suffix.lower() != ".xlsx":
        raise ValueError(f"path must end in .xlsx or .csv, not {path.name!r}")
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a broken file
        raise ValueError(f"{path}: cannot read as .xlsx ({exc})") from None
    if _SHEET not in wb.sheetnames:
        raise ValueError(f"{path}: no '{_SHEET}' sheet; was it written by coding_sheet()?")
    rows = [list(r) for r in wb[_SHEET].iter_rows(values_only=True)]
    if not rows:
        raise ValueError(f"{path}: the '{_SHEET}' sheet is empty")
    book = units = coders = None
    if _BOOK in wb.sheetnames:
        book = [r[0] for r in wb[_BOOK].iter_rows(min_row=2, values_only=True) if r and _norm(r[0]) is not None]
    if _META in wb.sheetnames:
        meta = list(wb[_META].iter_rows(min_row=2, values_only=True))
        units = [str(r[0]) for r in meta if r[0] is not None]
        coders = [str(r[1]) for r in meta if len(r) > 1 and r[1] is not None]
    return [str(h) if h is not None else "" for h in rows[0]], rows[1:], book, units, coders


def _read_one(path: Path, codes, sample) -> tuple[list[tuple], list[tuple], list | None]:
    """Codes (unit, coder, code, file, row) and problems (file, row, unit, coder, problem) of one sheet."""
    if not path.exists():
        raise FileNotFoundError(f"coding sheet not found: {path}")
    header, rows, book, known, coders = _read_rows(path)
    if "unit" not in header:
        raise ValueError(f"{path}: no 'unit' column in the header {header}")
    ucol = header.index("unit")
    coder_cols = [(i, h) for i, h in enumerate(header) if h.startswith(CODER_PREFIX)]
    if coders is not None:
        lost = sorted(set(coders) - {h for _, h in coder_cols})
        if lost:
            raise ValueError(f"{path}: coder column(s) {lost} were removed from the sheet")
    if not coder_cols:
        raise ValueError(f"{path}: no coder columns (headers starting with {CODER_PREFIX!r})")
    if codes is not None:
        book, _ = _codebook(codes)
    lookup = None if book is None else {_norm(c): c for c in book}
    if sample is not None:
        if "unit" not in sample.columns:
            raise KeyError("sample needs the 'unit' column it was drawn with")
        known = sample["unit"].astype(str).tolist()
    known_set = None if known is None else set(known)

    problems, out, seen = [], [], set()
    for r, row in enumerate(rows, start=2):
        row = list(row) + [None] * (len(header) - len(row))
        if all(_norm(v) is None for v in row):
            continue  # blank line
        u = _norm(row[ucol])
        if u is None:
            problems.append((path.name, r, None, None, "missing unit id"))
            continue
        if u in seen:
            problems.append((path.name, r, u, None, "duplicated unit (this copy is left out)"))
            continue
        seen.add(u)
        if known_set is not None and u not in known_set:
            problems.append((path.name, r, u, None, "unknown unit (not in the sample; left out)"))
            continue
        for i, name in coder_cols:
            v = _norm(row[i])
            code = None
            if v is None:
                problems.append((path.name, r, u, name, "missing code"))
            elif lookup is not None and v not in lookup:
                allowed = ", ".join(map(str, lookup.values()))
                problems.append((path.name, r, u, name, f"code {v!r} is not in the codebook ({allowed})"))
            else:
                code = lookup[v] if lookup is not None else v
            out.append((u, name, code, path.name, r))
    if known is not None:
        for u in known:
            if u not in seen:
                problems.append((path.name, None, u, None, "unit of the sample is missing from the sheet"))
    return out, problems, book


def read_coding(path: str | Path | Sequence[str | Path], *, codes: Sequence | Mapping | None = None,
                sample: pd.DataFrame | None = None,
                errors: Literal["raise", "report"] = "raise") -> pd.DataFrame:
    """Read a coded sheet back as a long table of codes, checked row by row.

    Problems are found for every row: a missing unit id, a duplicated unit (later
    copies are left out), a unit not in the sample (left out), a unit of the sample
    missing from the sheet, a missing code, and a code outside the codebook (read as
    missing). Rows are numbered as the spreadsheet shows them (the header is row 1).

    Parameters
    ----------
    path : str, Path or list of them
        A sheet written by :func:`coding_sheet` (``.xlsx`` or ``.csv``) and filled in,
        or several (one per coder, or the same sheet returned by each coder): a code
        given in any of them counts, a code missing in all is missing, and different
        codes for the same unit and coder are a conflict (reported, read as missing).
    codes : list or mapping, optional
        The codebook; default: the ``codebook`` sheet of an ``.xlsx`` file (a
        ``.csv`` sheet is not checked against a codebook without it).
    sample : DataFrame, optional
        The sample the sheet was written from (its ``unit`` column); default: the
        units recorded in an ``.xlsx`` file.
    errors : {"raise", "report"}
        ``"raise"``: a ValueError listing every problem by row. ``"report"``: return
        the codes anyway, with the problems in ``attrs["problems"]``.

    Returns
    -------
    DataFrame
        ``unit``, ``coder``, ``code`` (one row per unit and coder; NA where missing
        or invalid), ``file`` (the sheet's file name) and ``row`` (its spreadsheet
        row). ``attrs["problems"]``: ``file``, ``row``, ``unit``, ``coder``,
        ``problem``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from discourse.validate import coding_sheet
    >>> units = pd.DataFrame({"unit": ["u1", "u2"], "text": ["one", "two"]})
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> _ = coding_sheet(units, out, codes=["yes", "no"], coders=1)
    >>> read_coding(out, errors="report").attrs["problems"]["problem"].tolist()
    ['missing code', 'missing code']
    """
    paths = [Path(p) for p in path] if isinstance(path, (list, tuple)) else [Path(path)]
    if not paths:
        raise ValueError("path: no coding sheet given")
    if errors not in ("raise", "report"):
        raise ValueError(f"errors must be 'raise' or 'report', not {errors!r}")
    out, problems, book = [], [], None
    for p in paths:
        o, pr, b = _read_one(p, codes, sample)
        out += o
        problems += pr
        book = book if book is not None else b
    if len(paths) > 1:
        out, problems = _merge_files(out, problems)
    report = pd.DataFrame(problems, columns=["file", "row", "unit", "coder", "problem"]).astype(
        {"file": "string", "row": "Int64", "unit": "string", "coder": "string", "problem": "string"})
    if problems and errors == "raise":
        lines = [(f"{p.file} " if len(paths) > 1 else "") + f"row {'-' if pd.isna(p.row) else p.row}"
                 + (f" (unit {p.unit})" if pd.notna(p.unit) else "")
                 + (f", {p.coder}" if pd.notna(p.coder) else "") + f": {p.problem}"
                 for p in report.head(30).itertuples()]
        more = f"\n... and {len(report) - 30} more" if len(report) > 30 else ""
        where = paths[0] if len(paths) == 1 else f"{len(paths)} coding sheets"
        raise ValueError(f"{where}: {len(report)} problem(s) in the coding sheet "
                         "(pass errors='report' to read it anyway):\n" + "\n".join(lines) + more)
    table = pd.DataFrame(out, columns=["unit", "coder", "code", "file", "row"])
    if codes is not None:
        book, _ = _codebook(codes)
    numeric = book is not None and all(isinstance(c, (int, float, np.number)) and not isinstance(c, bool)
                                       for c in book)
    table = table.astype({"unit": "string", "coder": "string", "file": "string", "row": "int64",
                          "code": "float64" if numeric else "string"})
    table.attrs["problems"] = report
    return table


def _merge_files(out: list[tuple], problems: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Codes of one unit and coder from several sheets (e.g. one sheet per coder): the
    code given in any of them; a code missing everywhere stays missing; different codes
    are a conflict."""
    by_key: dict[tuple, list[tuple]] = {}
    for rec in out:
        by_key.setdefault((rec[0], rec[1]), []).append(rec)
    merged, coded, extra = [], set(), []
    for key, recs in by_key.items():
        given = [r for r in recs if r[2] is not None]
        if not given:
            merged.append(recs[0])
            continue
        coded.add(key)
        if len({str(r[2]) for r in given}) > 1:
            where = ", ".join(f"{r[3]} row {r[4]}: {r[2]!r}" for r in given)
            extra.append((given[0][3], given[0][4], key[0], key[1], f"coded differently in several sheets ({where})"))
            merged.append((key[0], key[1], None, given[0][3], given[0][4]))
        else:
            merged.append(given[0])
    kept = [p for p in problems if not (p[4] == "missing code" and (p[2], p[3]) in coded)]
    return merged, kept + extra
