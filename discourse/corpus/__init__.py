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

The code lives in private modules, each with one job: ``_load`` (paths, folders,
metadata, readers, the load report), ``_table`` (columns, ids, validate, summary),
``_checks`` (which id, plausibility warnings), ``_dates``, ``_duplicates`` and
``_storage`` (Parquet) and ``_query`` (DuckDB selections from Parquet).
"""
from __future__ import annotations

from discourse.corpus._dates import _TZ, _epoch, _parse_date_string, _to_datetime
from discourse.corpus._duplicates import _WORD, _flag_duplicates, _shingles, _splitmix64, find_duplicates
from discourse.corpus._load import (_DOC_FILES, _METADATA_FILE, _METADATA_KEYS, _expand, _metadata_for,
                                    _record_row, load)
from discourse.corpus._query import query
from discourse.corpus._storage import _is_saved_corpus, _read_saved, save
from discourse.corpus._table import (_STR_COLUMNS, COLUMNS, LoadReport, _finish, _report, _storable,
                                     _unique_ids, doc_id, drop_duplicates, summary, validate)

__all__ = ["COLUMNS", "LoadReport", "load", "save", "query", "validate", "summary", "find_duplicates", "doc_id",
           "drop_duplicates"]
