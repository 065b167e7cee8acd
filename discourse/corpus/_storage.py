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
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"the file is marked as a saved corpus but lacks the column(s) {missing}")
    df.attrs = {}
    report = info.get("load_report")
    df.attrs["load_report"] = _report(report or [])
    return df

