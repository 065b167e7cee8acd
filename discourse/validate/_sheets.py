"""Coding sheets: write a blinded, shuffled sheet (.xlsx or .csv), read it back checked.

The sheet shows coders only the unit id and the text to judge (never the machine's
label, the stratum or the sampling weight); the researcher keeps the sample table as
the key and joins the codes back on ``unit``.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = ["coding_sheet", "FORMULA_START"]

#: first characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CODER_PREFIX = "coder_"
INSTRUCTIONS = ("Read each unit in its context and choose one code per unit in your own coder column, "
                "from the drop-down list (the codebook sheet says what each code means). Code every unit; "
                "do not discuss units with the other coders, do not change the unit ids, do not add, "
                "delete or reorder rows.")
_SHEET, _INSTR, _BOOK, _META = "coding", "instructions", "codebook", "_meta"
#: the most characters a spreadsheet cell holds (Excel); longer text is cut with a marker
CELL_LIMIT = 32_767
_WIDTHS = {"left": 45, "right": 45, "match": 20, "span": 30, "quote": 60, "text": 90, "title": 30}


# ---------------------------------------------------------------------- helpers
def _escape(value):
    """Text a spreadsheet would run as a formula, prefixed with an apostrophe (CSV)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _unescape(value):
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def _norm(value) -> str | None:
    """A cell value as comparable text: None when empty, ``3.0`` → ``"3"``."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def _option_number(col: str) -> int:
    return int(col.rsplit("_", 1)[1])


def _default_columns(sample: pd.DataFrame) -> list[str]:
    cols = list(sample.columns)
    options = sorted((c for c in cols if re.fullmatch(r"option_\d+", str(c))), key=_option_number)
    if {"left", "right"} <= set(cols):
        span = next((c for c in ("match", "span", "quote", "text") if c in cols), None)
        return ["left"] + ([span] if span else []) + ["right"]
    if options:
        return (["text"] if "text" in cols else []) + options
    if "quote" in cols:
        return ["quote"]
    if "text" in cols:
        return (["title"] if "title" in cols else []) + ["text"]
    raise ValueError("coding_sheet: cannot tell which columns coders should see; pass columns=[...] "
                     "(e.g. the KWIC columns 'left', 'match', 'right', or 'text')")


def _coder_names(coders) -> list[str]:
    if isinstance(coders, (int, np.integer)) and not isinstance(coders, bool):
        if coders < 1:
            raise ValueError(f"coders must be at least 1, not {coders}")
        return [f"{CODER_PREFIX}{i}" for i in range(1, int(coders) + 1)]
    if isinstance(coders, str) or not isinstance(coders, Sequence):
        raise TypeError(f"coders must be a number of coders or a list of names, not {coders!r}")
    names = [c if str(c).startswith(CODER_PREFIX) else f"{CODER_PREFIX}{c}" for c in map(str, coders)]
    if not names or len(set(names)) != len(names):
        raise ValueError(f"coders must be distinct names, got {list(coders)}")
    return names


def _codebook(codes) -> tuple[list, list[str]]:
    if isinstance(codes, Mapping):
        items = list(codes.items())
    elif isinstance(codes, (str, bytes)) or not isinstance(codes, Sequence):
        raise TypeError(f"codes must be a list of allowed codes or a {{code: description}} mapping, not {codes!r}")
    else:
        items = [(c, "") for c in codes]
    values = [c for c, _ in items]
    normed = [_norm(c) for c in values]
    if not values or None in normed:
        raise ValueError(f"codes must be a non-empty list of non-empty codes, got {values!r}")
    if len(set(normed)) != len(normed):
        raise ValueError(f"codes has duplicates: {values!r}")
    return values, [str(d) for _, d in items]


# ------------------------------------------------------------------------ write
def coding_sheet(sample: pd.DataFrame, path: str | Path, *, codes: Sequence | Mapping,
                 coders: int | Sequence[str] = 2, instructions: str = INSTRUCTIONS,
                 columns: Sequence[str] | None = None, random_state: int | None = 0) -> pd.DataFrame:
    """Write a blinded, shuffled coding sheet: one row per unit, one column per coder.

    ``.xlsx`` (openpyxl): a ``coding`` sheet whose unit and context cells are locked
    and whose coder cells take a code from a drop-down list, an ``instructions``
    sheet, a ``codebook`` sheet (code, description) and a hidden ``_meta`` sheet (the
    unit ids and coders, for :func:`read_coding`). ``.csv``: the ``coding`` table
    alone (UTF-8 with a byte-order mark, which Excel needs to read it as UTF-8).
    Text longer than a cell holds (32,767 characters) is cut in ``.xlsx``, with a
    marker saying how much. Text that a spreadsheet would run as a formula (a
    leading ``=``, ``+``, ``-``, ``@``, tab or carriage return) is stored as text:
    with Excel's quote prefix in ``.xlsx``, behind an apostrophe in ``.csv``
    (:func:`read_coding` removes it).

    Parameters
    ----------
    sample : DataFrame
        Units to code with a ``unit`` id column (:func:`sample`, or the tasks of
        :func:`word_intrusion` / :func:`topic_intrusion`).
    path : str or Path
        Output file, ``.xlsx`` or ``.csv``.
    codes : list or mapping
        Allowed codes (``["yes", "no", "unsure"]``), or ``{code: description}``.
    coders : int or list of str
        Number of coders (columns ``coder_1`` …) or their names (``coder_<name>``).
    instructions : str
        Text of the instructions sheet (``.xlsx`` only).
    columns : list of str, optional
        Columns coders see, after ``unit``. Default: the KWIC columns ``left``,
        ``match``/``span``/``quote``, ``right`` when present; else ``text`` and
        ``option_1`` … (intrusion tasks); else ``quote``; else ``title`` and ``text``.
    random_state : int
        Seed of the row order.

    Returns
    -------
    DataFrame
        The sheet as written (before escaping): ``unit``, the context columns and
        one empty column per coder, in sheet order.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> units = pd.DataFrame({"unit": ["u1", "u2"], "left": ["the", "a"], "match": ["regime", "=1+1"],
    ...                       "right": ["fell", "rose"], "pattern": ["regime", "x"]})
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> list(coding_sheet(units, out, codes=["yes", "no"]).columns)
    ['unit', 'left', 'match', 'right', 'coder_1', 'coder_2']
    """
    path = Path(path)
    fmt = path.suffix.lower()
    if fmt not in (".xlsx", ".csv"):
        raise ValueError(f"path must end in .xlsx or .csv, not {path.name!r}")
    if "unit" not in sample.columns:
        raise KeyError("sample needs a 'unit' id column: draw it with discourse.validate.sample()")
    if sample["unit"].isna().any() or sample["unit"].astype(str).duplicated().any():
        raise ValueError("sample: the 'unit' ids must be present and unique")
    values, descriptions = _codebook(codes)
    names = _coder_names(coders)
    shown = list(columns) if columns is not None else _default_columns(sample)
    bad = [c for c in shown if c not in sample.columns or c == "unit"]
    if bad:
        raise KeyError(f"columns: {bad} not in sample (or 'unit', which is always shown)")
    clash = [c for c in shown if str(c).startswith(CODER_PREFIX)]
    if clash:
        raise ValueError(f"columns: {clash} would be read back as coder columns; rename them")
    order = np.random.default_rng(random_state).permutation(len(sample))
    sheet = sample.iloc[order][["unit", *shown]].reset_index(drop=True)
    sheet = sheet.astype({c: object for c in sheet.columns})
    sheet = sheet.where(sheet.notna(), None)
    sheet["unit"] = sheet["unit"].astype(str)
    for name in names:
        sheet[name] = None
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == ".csv":
        with path.open("w", newline="", encoding="utf-8-sig") as fh:  # the BOM tells Excel it is UTF-8
            w = csv.writer(fh)
            w.writerow(list(sheet.columns))
            for row in sheet.itertuples(index=False):
                w.writerow(["" if v is None else _escape(str(v) if not isinstance(v, str) else v) for v in row])
    else:
        _write_xlsx(sheet, path, shown, names, values, descriptions, instructions)
    return sheet


def _write_xlsx(sheet, path, shown, names, values, descriptions, instructions) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = _SHEET
    header = list(sheet.columns)
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(sheet.itertuples(index=False), start=2):
        for c, v in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            if v is not None:
                v = v if isinstance(v, (str, int, float, bool, np.number)) else str(v)
                if isinstance(v, str) and len(v) > CELL_LIMIT:
                    keep = CELL_LIMIT - 60
                    v = v[:keep] + f" … [cut: {len(v) - keep} more characters]"
                cell.value = v
                if isinstance(v, str):
                    cell.data_type = "s"  # never a formula
                    cell.quotePrefix = v.startswith(FORMULA_START)
            if c > 1 + len(shown):
                cell.protection = Protection(locked=False)
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top",
                                           horizontal="right" if header[c - 1] == "left" else None)
    last = len(sheet) + 1
    for c, name in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(c)].width = _WIDTHS.get(name, 12 if c == 1 else 16)
    dv = DataValidation(type="list", formula1=f"{_BOOK}!$A$2:$A${len(values) + 1}", allow_blank=True,
                        showErrorMessage=True, errorTitle="Not in the codebook",
                        error="Choose a code from the list (see the codebook sheet).")
    ws.add_data_validation(dv)
    for c in range(2 + len(shown), len(header) + 1):
        col = get_column_letter(c)
        dv.add(f"{col}2:{col}{max(last, 2)}")
    ws.freeze_panes = "B2"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False

    ins = wb.create_sheet(_INSTR)
    ins.column_dimensions["A"].width = 100
    ins["A1"] = "Instructions"
    ins["A1"].font = Font(bold=True)
    ins["A2"] = instructions
    ins["A2"].data_type = "s"
    ins["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ins["A4"] = f"Units: {len(sheet)}. Coders: {', '.join(names)}. Codes: see the '{_BOOK}' sheet."

    book = wb.create_sheet(_BOOK)
    book.append(["code", "description"])
    for v, d in zip(values, descriptions):
        book.append([v, d])
        for cell in book[book.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                cell.quotePrefix = cell.value.startswith(FORMULA_START)
    book.column_dimensions["A"].width = 16
    book.column_dimensions["B"].width = 80
    book.protection.sheet = True

    meta = wb.create_sheet(_META)
    meta.append(["unit", "coder"])
    for i in range(max(len(sheet), len(names))):
        meta.append([sheet["unit"].iloc[i] if i < len(sheet) else None, names[i] if i < len(names) else None])
    for row in meta.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    wb.active = 0
    wb.save(path)
