"""Readers: one module per input format, all returning :class:`ReadResult`.

``READERS`` maps a file extension to the reader module name; ``reader_for(path)``
picks one, sniffing content where an extension is shared by several formats
(a ``.txt``/``.rtf``/``.docx``/``.html`` may be one article or a Nexis Uni /
LexisNexis / Factiva export with many). ``.xml`` files are read as Factiva XML
exports; other XML is refused with a message saying so.
"""
from __future__ import annotations

import importlib
import os
import stat
from pathlib import Path

from discourse.readers._base import (Record, ReadResult, ReaderError, ReaderWarning, decode,
                                     normalize_text, read_text)

__all__ = ["Record", "ReadResult", "ReaderError", "ReaderWarning", "decode", "normalize_text", "read_text",
           "READERS", "reader_for", "read"]

#: extension -> reader module (in ``discourse.readers``)
READERS: dict[str, str] = {
    ".txt": "article",
    ".md": "article",
    ".markdown": "article",
    ".csv": "tabular",
    ".tsv": "tabular",
    ".json": "tabular",
    ".jsonl": "tabular",
    ".ndjson": "tabular",
    ".parquet": "tabular",
    ".pq": "tabular",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".rtf": "rtf",
    ".xml": "factiva_xml",
}

#: readers that look at a file's content and may claim it before the extension's
#: reader does (multi-article database exports). Each module has ``sniff(path) -> bool``.
SNIFFERS: list[str] = ["nexis", "factiva"]


def reader_for(path: str | Path, *, format: str | None = None):
    """Return the reader module for ``path`` (or for the explicit ``format`` name)."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None  # (missing: the reader says so)
    if mode is not None and not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file (named pipe)" if stat.S_ISFIFO(mode) \
            else "not a regular file (device or socket)"
        raise ReaderError(f"{path}: {what}; reading it could block or fail. Give a regular file "
                          "(corpus.load reads folders)")
    if format:
        try:
            return importlib.import_module(f"discourse.readers.{format}")
        except ModuleNotFoundError:
            raise ReaderError(f"{path}: unknown format {format!r}; known: {sorted(set(READERS.values()) | set(SNIFFERS))}") from None
    ext = path.suffix.lower()
    if ext not in READERS:
        raise ReaderError(
            f"{path}: unknown format {ext or '(no extension)'!r}; supported: {', '.join(sorted(READERS))}"
        )
    for name in SNIFFERS:
        try:
            mod = importlib.import_module(f"discourse.readers.{name}")
        except ModuleNotFoundError:
            continue
        if getattr(mod, "sniff", None) and mod.sniff(path):
            return mod
    return importlib.import_module(f"discourse.readers.{READERS[ext]}")


def read(path: str | Path, *, format: str | None = None, **options) -> ReadResult:
    """Read one file with the reader that fits it."""
    return reader_for(path, format=format).read(Path(path), **options)
