"""Dates: epoch numbers, free-form strings and time zones to naive UTC ``datetime64[ns]``."""
from __future__ import annotations

import re
import warnings
from typing import Sequence

import numpy as np
import pandas as pd

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
        ts = None
        try:
            ts = _parse_date_string(v) if isinstance(v, str) else pd.Timestamp(v)
            if ts.tzinfo is not None:
                ts = ts.tz_convert("UTC").tz_localize(None)
            out.iloc[i] = ts.as_unit("ns")  # out of range (before 1677, after 2262): ValueError
        except (ValueError, TypeError, OverflowError):
            path, _, rec = str(sources[i]).partition("#")
            if isinstance(ts, pd.Timestamp) and not pd.isna(ts):
                when = "in the future" if ts.year > 2000 else "before 1800"
                reason = (f"warning: date {str(v)!r} is {when} and outside the years 1677-2262 that "
                          "can be stored; published left empty (NaT); check the date")
            else:
                reason = f"warning: date {str(v)!r} not understood; published left empty (NaT)"
            report.append(dict(source=path, record=rec, reason=reason))
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

