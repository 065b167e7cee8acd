"""Saved corpora: Parquet files that :func:`discourse.corpus.load` reads back exactly."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd

from discourse.corpus._table import COLUMNS, _report


def _is_saved_corpus(path: Path) -> bool:
    if path.suffix.lower() not in {".parquet", ".pq"}:
        return False
    try:
        import pyarrow.parquet as pq

        return b"discourse" in (pq.read_schema(path).metadata or {})
    except Exception:  # not a readable Parquet file: the tabular reader will say why
        return False


def save(df: pd.DataFrame, path: str | Path, *, partition_by: str | list[str] | None = None) -> Path:
    """Write the corpus to Parquet so that :func:`load` reads back the same table.

    Parameters
    ----------
    df : DataFrame
        A corpus table (from :func:`load` or :func:`validate`).
    path : str or Path
        A ``.parquet`` file; with ``partition_by``, a folder.
    partition_by : str or list of str, optional
        Columns (e.g. ``"outlet"``, or a ``year`` column you add with
        ``df.assign(year=df["published"].dt.year)``) whose values split the corpus
        into one file per combination, in Hive-style folders
        (``outlet=BBC%20News/part-0.parquet``) that DuckDB
        (:func:`discourse.corpus.query`), pyarrow, Spark and Dask read as one dataset.
        Every file is a complete saved corpus of its rows, so :func:`load` reads the
        folder back (rows partition by partition, in their order within each). The
        folder is written beside and renamed into place, so a failed save never leaves
        half a corpus; an existing folder is replaced only if it holds a saved corpus.

    Returns
    -------
    Path
        The file or folder written.

    Examples
    --------
    >>> import tempfile
    >>> from discourse.corpus import validate
    >>> df = validate(pd.DataFrame({"text": ["One.", "Two."], "outlet": ["A", "B"]}))
    >>> out = save(df, Path(tempfile.mkdtemp()) / "corpus", partition_by="outlet")
    >>> sorted(p.parent.name for p in out.glob("*/*.parquet"))
    ['outlet=A', 'outlet=B']
    """
    path = Path(path)
    if partition_by is None:
        if path.suffix.lower() not in {".parquet", ".pq"}:
            raise ValueError(f"{path}: save writes Parquet; use a .parquet file name (or partition_by= for a folder)")
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_file(df, path)
        return path
    return _save_partitioned(df, path, [partition_by] if isinstance(partition_by, str) else list(partition_by))


def _write_file(df: pd.DataFrame, path: Path, extra: dict | None = None) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    clean = df.copy()
    report = df.attrs.get("load_report")
    clean.attrs = {}
    table = pa.Table.from_pandas(clean, preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[b"discourse"] = json.dumps(
        {
            "format": 1,
            "load_report": None if report is None else report.astype(object).where(report.notna(), None).to_dict(orient="records"),
            **(extra or {}),
        }
    ).encode()
    pq.write_table(table.replace_schema_metadata(meta), path)


#: the folder name of a missing partition value (Hive's, which DuckDB and Spark read)
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"


def _segment(key: str, value) -> str:
    from urllib.parse import quote

    missing = value is None or value is pd.NA or (isinstance(value, float) and value != value)
    return f"{quote(key, safe='')}={NULL_PARTITION if missing else quote(str(value), safe='')}"


def _save_partitioned(df: pd.DataFrame, path: Path, keys: list[str]) -> Path:
    import os
    import shutil
    import tempfile

    if not keys:
        raise ValueError("partition_by: name at least one column")
    missing = [k for k in keys if k not in df.columns]
    if missing:
        raise KeyError(f"partition_by: column(s) {missing} not in the corpus; columns are {list(df.columns)}")
    if not len(df):
        raise ValueError("the corpus is empty: nothing to partition (save it to a .parquet file instead)")
    if "text" in keys:
        raise ValueError("partition_by: 'text' cannot be a partition; use outlet, a year column or other metadata")
    if path.exists() and not (path.is_dir() and _holds_saved_corpus(path)):
        raise FileExistsError(f"{path}: exists and is not a saved corpus folder; choose a new folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        groups = df.groupby([df[k].astype(object).where(df[k].notna(), None) for k in keys], dropna=False,
                            sort=True).indices
        for i, (key, rows) in enumerate(groups.items()):
            key = key if isinstance(key, tuple) else (key,)
            folder = work.joinpath(*(_segment(k, v) for k, v in zip(keys, key)))
            folder.mkdir(parents=True, exist_ok=True)
            part = df.iloc[sorted(rows)]
            if i:  # the load report goes with the first file only, so a load counts it once
                part.attrs = {k: v for k, v in part.attrs.items() if k != "load_report"}
            _write_file(part, folder / "part-0.parquet", {"partition_by": keys})
        old = None
        if path.exists():
            old = path.with_name(f".{path.name}.old-{os.getpid()}")
            path.rename(old)
        work.rename(path)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return path


def _holds_saved_corpus(folder: Path) -> bool:
    """Empty, or nothing but saved-corpus Parquet files (so replacing it loses nothing else)."""
    files = [f for f in folder.rglob("*") if not f.is_dir()]
    return all(f.is_file() and _is_saved_corpus(f) for f in files)


def _read_saved(path: Path) -> pd.DataFrame:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    info = json.loads(table.schema.metadata[b"discourse"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = table.to_pandas()
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"the file is marked as a saved corpus but lacks the column(s) {missing}")
    df.attrs = {}
    report = info.get("load_report")
    df.attrs["load_report"] = _report(report or [])
    return df

