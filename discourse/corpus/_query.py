"""Select a working corpus from a large Parquet corpus (or from run outputs) with DuckDB."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping

import pandas as pd

from discourse.corpus._table import _STR_COLUMNS, COLUMNS

__all__ = ["query"]

#: the name of the table in ``query``'s SQL
TABLE = "corpus"
_SELECT = re.compile(r"^\s*(select|with|from|values|\()", re.IGNORECASE)


def parquet_files(folder: Path) -> list[Path]:
    """The Parquet files under ``folder``, in sorted order, leaving out hidden files and
    folders (such as the unfinished writes of :func:`save` and :func:`discourse.batch.run`)."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in {".parquet", ".pq"} and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _source(path: Path) -> str:
    """DuckDB's table function over a Parquet file or a folder of them (partitioned)."""
    if path.is_file():
        if path.suffix.lower() not in {".parquet", ".pq"}:
            raise ValueError(f"{path}: query reads Parquet; save the corpus first with "
                             f"discourse.corpus.save(df, '{path.stem}.parquet') or load() it")
        files = [path]
    elif path.is_dir():
        files = parquet_files(path)
        if not files:
            raise FileNotFoundError(f"{path}: no Parquet files in this folder (save a corpus there with "
                                    f"discourse.corpus.save(df, folder, partition_by=...))")
    else:
        raise FileNotFoundError(f"{path}: no such file or folder")
    listed = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
    return f"read_parquet([{listed}], union_by_name = true)"


def _where(filters: Mapping) -> tuple[str, list]:
    """A WHERE clause with ``?`` parameters from a dict of filters."""
    clauses, params = [], []
    for key, value in filters.items():
        if not isinstance(key, str):
            raise TypeError(f"filters: keys are column names (or 'search'), not {key!r}")
        if key == "search":
            terms = [value] if isinstance(value, str) else list(value)
            if not terms or not all(isinstance(t, str) and t.strip() for t in terms):
                raise ValueError("filters: 'search' takes a word or phrase (or a list of them)")
            pattern = "(?i)\\b(" + "|".join(re.escape(t.strip()) for t in terms) + ")\\b"
            clauses.append("(regexp_matches(coalesce(title, ''), ?) OR regexp_matches(coalesce(text, ''), ?))")
            params += [pattern, pattern]
            continue
        col = '"' + key.replace('"', '""') + '"'
        if isinstance(value, tuple):
            if len(value) != 2:
                raise ValueError(f"filters: {key}=(low, high) is a range of two values (None for open), not {value!r}")
            low, high = value
            if low is not None:
                clauses.append(f"{col} >= ?")
                params.append(_value(low))
            if high is not None:
                clauses.append(f"{col} <= ?")
                params.append(_value(high))
        elif isinstance(value, (list, set, frozenset, pd.Series)):
            values = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
            if not values:
                raise ValueError(f"filters: {key} lists no values")
            clauses.append(f"{col} IN ({', '.join('?' * len(values))})")
            params += [_value(v) for v in values]
        elif value is None:
            clauses.append(f"{col} IS NULL")
        else:
            clauses.append(f"{col} = ?")
            params.append(_value(value))
    return (" AND ".join(clauses) or "TRUE"), params


def _value(v):
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T][\d:.]+)?", v):
        return pd.Timestamp(v).to_pydatetime()
    return v.to_pydatetime() if isinstance(v, pd.Timestamp) else v


def query(path: str | Path, sql_or_filters: str | Mapping | None = None) -> pd.DataFrame:
    """Select rows of a Parquet corpus (or of run outputs) with DuckDB, before analysis.

    A corpus too large to load whole is saved once as Parquet (a file, or a folder with
    :func:`save` ``(..., partition_by=...)``); ``query`` reads only what it needs
    (DuckDB, embedded, no server) and returns a table.

    Parameters
    ----------
    path : str or Path
        A Parquet file or a folder of them (read recursively as one table; hidden
        folders such as unfinished writes are skipped).
    sql_or_filters : str, dict or None
        - ``None``: every row;
        - a dict of filters, all of which must hold: ``{"outlet": "BBC"}`` (equal),
          ``{"outlet": ["BBC", "CNN"]}`` (one of), ``{"published": ("2021-01-01",
          "2021-06-30")}`` (an inclusive range; ``None`` for an open end),
          ``{"author": None}`` (missing), ``{"search": "taliban"}`` (a word or phrase,
          or a list of them, in the title or text, whole words, any case);
        - SQL over the table named ``corpus``: a whole query (``"SELECT outlet,
          count(*) AS n FROM corpus GROUP BY outlet ORDER BY n DESC"``) or only the
          condition of a WHERE (``"outlet = 'BBC' AND published >= '2021-01-01'"``).
          Rows come back in the files' order unless the SQL orders them.

    Returns
    -------
    DataFrame
        The selected rows. A table with the corpus columns keeps their types (strings
        as pandas ``string``, ``published`` as datetime64[ns]) and can be passed to
        every analysis; other tables (aggregates, run outputs) are returned as DuckDB
        gives them.

    Examples
    --------
    >>> import tempfile
    >>> from discourse.corpus import save, validate
    >>> df = validate(pd.DataFrame({"text": ["The regime fell.", "Rain in Kabul.", "The army won."],
    ...                             "outlet": ["A", "B", "A"]}))
    >>> folder = save(df, Path(tempfile.mkdtemp()) / "corpus", partition_by="outlet")
    >>> query(folder, {"outlet": "A", "search": "regime"})["text"].tolist()
    ['The regime fell.']
    >>> query(folder, "SELECT outlet, count(*) AS n FROM corpus GROUP BY outlet ORDER BY outlet").values.tolist()
    [['A', 2], ['B', 1]]
    """
    import duckdb

    source = _source(Path(path))
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET preserve_insertion_order = true")
        con.execute(f"CREATE VIEW {TABLE} AS SELECT * FROM {source}")
        if sql_or_filters is None or isinstance(sql_or_filters, Mapping):
            where, params = _where(sql_or_filters or {})
            rel = con.execute(f"SELECT * FROM {TABLE} WHERE {where}", params)
        elif isinstance(sql_or_filters, str):
            sql = sql_or_filters.strip().rstrip(";")
            if not sql:
                raise ValueError("sql_or_filters: empty SQL; pass None for every row")
            rel = con.execute(sql if _SELECT.match(sql) else f"SELECT * FROM {TABLE} WHERE {sql}")
        else:
            raise TypeError(f"sql_or_filters: a SQL string, a dict of filters or None, not {type(sql_or_filters).__name__}")
        out = rel.df()
    except duckdb.Error as exc:
        message = str(exc).strip().splitlines()[0]
        raise ValueError(f"query on {path}: {message} (the table is named {TABLE!r})") from None
    finally:
        con.close()
    return _typed(out)


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    if {"doc_id", "text"} <= set(out.columns):
        for col in _STR_COLUMNS:
            if col in out.columns:
                out[col] = out[col].astype("string")
        if "published" in out.columns:
            out["published"] = pd.to_datetime(out["published"]).astype("datetime64[ns]")
        order = [c for c in COLUMNS if c in out.columns]
        out = out[order + [c for c in out.columns if c not in order]]
    out.attrs = {}
    return out.reset_index(drop=True)
