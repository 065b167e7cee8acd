"""Loading: paths, globs and folders, corpus.toml metadata, readers, the load report."""
from __future__ import annotations

import glob as _glob
import re
import tomllib
import unicodedata
import warnings
from pathlib import Path
from typing import Literal

import pandas as pd

from discourse._progress import progress as _progress
from discourse._progress import wanted as _wanted
from discourse.corpus._storage import _is_saved_corpus, _read_saved
from discourse.corpus._table import _STR_COLUMNS, _finish, _report, _unique_ids, doc_id, validate
from discourse.readers import READERS, Record, ReaderError, ReaderWarning, reader_for

_METADATA_FILE = "corpus.toml"
_METADATA_KEYS = {"outlet", "language", "licence", "license", "description", "corpus"}
#: a load of at least this many files, or bytes, shows a progress bar by default
_LONG_FILES = 100
_LONG_BYTES = 10_000_000
_DOC_FILES = re.compile(r"^(readme|license|licence|changelog|notice|sources?)(\..*)?$", re.I)


def _expand(paths, format: str | None = None) -> tuple[list[tuple[Path, Path]], list[dict]]:
    """Expand paths/globs/folders to sorted (file, root) pairs; report skipped files.

    A file named explicitly with an extension no reader knows is a user error
    (:class:`ReaderError`); inside folders and globs such files are reported.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[tuple[Path, Path]] = []
    report: list[dict] = []
    def unsupported(f: Path) -> bool:
        if format is None and f.suffix.lower() not in READERS:
            report.append(dict(source=str(f), record="", reason=f"skipped: unsupported format {f.suffix or '(no extension)'!r}"))
            return True
        return False

    def walk(folder: Path) -> None:
        for f in sorted(x for x in folder.rglob("*") if x.is_file() or (x.is_symlink() and not x.exists())):
            rel = f.relative_to(folder)
            if any(part.startswith(".") for part in rel.parts):
                continue  # hidden files and folders (.git, .DS_Store) are not articles
            if f.name == _METADATA_FILE:
                continue
            if _DOC_FILES.match(f.name):
                report.append(dict(source=str(f), record="", reason="skipped: documentation file, not an article"))
                continue
            if not unsupported(f):
                files.append((f, folder))

    for p in paths:
        p = str(p)
        if any(ch in p for ch in "*?["):
            matches = sorted(_glob.glob(p, recursive=True))
            if not matches:
                raise FileNotFoundError(f"{p}: the pattern matches no file; check the path")
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    if "**" not in p:  # (a recursive pattern lists the folder's files itself)
                        walk(mp)  # a folder the pattern names is read like a folder argument
                elif mp.is_file() and not unsupported(mp):
                    files.append((mp, mp.parent))
            continue
        path = Path(p)
        if not path.exists():
            raise FileNotFoundError(f"{p}: no such file or folder; check the path")
        if path.is_dir():
            walk(path)
        else:
            if format is None:
                reader_for(path)  # raises ReaderError for an unknown format
            files.append((path, path.parent))
    # one file named twice is read once
    seen: set[Path] = set()
    unique = []
    resolved: dict[Path, Path] = {}
    for f, root in files:
        key = _resolve(f, resolved)
        if key not in seen:
            seen.add(key)
            unique.append((f, root))
    return unique, report


def _resolve(file: Path, folders: dict[Path, Path]) -> Path:
    """``file.resolve()``, resolving each folder once (``folders`` caches them)."""
    if file.is_symlink():
        return file.resolve()
    if file.parent not in folders:
        folders[file.parent] = file.parent.resolve()
    return folders[file.parent] / file.name


def _metadata_for(file: Path, root: Path, cache: dict) -> dict:
    """Merge corpus.toml files from ``root`` down to the file's folder (nearest wins)."""
    meta: dict = {}
    key = ("folders", file.parent, root)  # (files of one folder share the walk up)
    if key not in cache:
        cache[key] = [file.parent]
        try:
            rel = file.parent.resolve().relative_to(root.resolve())
            cache[key] = [root.joinpath(*rel.parts[:i]) for i in range(len(rel.parts) + 1)]
        except ValueError:
            pass
    for folder in cache[key]:
        f = folder / _METADATA_FILE
        if f not in cache:
            if f.is_file():
                try:
                    cache[f] = tomllib.loads(f.read_text(encoding="utf-8"))
                except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                    raise ReaderError(f"{f}: invalid corpus metadata ({exc}); fix the TOML") from None
            else:
                cache[f] = {}
        meta.update(cache[f])
    if "license" in meta and "licence" not in meta:
        meta["licence"] = meta.pop("license")
    return meta


def _record_row(rec: Record, file: Path, meta: dict) -> dict:
    text = unicodedata.normalize("NFC", rec.text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    src = f"{file}#{rec.record}" if rec.record != "" else str(file)
    key = f"{file.name}#{rec.record}" if rec.record != "" else file.name
    row = dict(
        doc_id=doc_id(text, key),
        outlet=rec.outlet if rec.outlet else meta.get("outlet"),
        title=rec.title,
        author=rec.author,
        published=rec.published,
        url=rec.url,
        text=text,
        source=src,
    )
    for k, v in meta.items():
        if k != "outlet" and k in _METADATA_KEYS:
            row.setdefault(k, v)
    for k, v in rec.extra.items():
        if k not in row:
            row[k] = v
    return row



def _long_load(files: list[tuple[Path, Path]]) -> bool:
    """Whether loading ``files`` is long enough for a progress bar by default."""
    if len(files) >= _LONG_FILES:
        return True
    size = 0
    for f, _ in files:
        try:
            size += f.stat().st_size
        except OSError:  # reported when read
            pass
    return size >= _LONG_BYTES


def load(
    paths,
    *,
    format: str | None = None,
    errors: Literal["report", "raise"] = "report",
    duplicates: float | None | bool = 0.7,
    progress: bool | None = None,
    **options,
) -> pd.DataFrame:
    """Load articles into one DataFrame.

    Parameters
    ----------
    paths : str, Path, list of them, or DataFrame
        Files, folders (read recursively, sorted) or glob patterns. A DataFrame is
        validated and completed (see :func:`validate`). A Parquet file written by
        :func:`save` is read back exactly.
    format : str, optional
        Force a reader (``"article"``, ``"tabular"``, ``"html"``, ``"docx"``,
        ``"rtf"``, ``"nexis"``, ``"factiva"``) instead of choosing by extension.
    errors : {"report", "raise"}
        ``"report"`` (default) lists unreadable files and records in the load
        report; ``"raise"`` stops at the first one with :class:`ReaderError`.
    duplicates : float, None or False
        Jaccard threshold for near duplicates (default 0.7); ``None`` flags exact
        duplicates only; ``False`` flags none.
    progress : bool or None
        A progress bar (tqdm) over the files: ``True`` shows it, ``False`` never;
        ``None`` (default) shows it for a long load (at least 100 files, or at least
        10 MB in more than one file) when standard error is a terminal or the code
        runs in a Jupyter kernel, unless the environment variable
        ``DISCOURSE_PROGRESS`` is ``"0"``. A single file or a DataFrame shows none.
    **options
        Passed to the readers (``encoding=``, ``columns={"body": "text"}`` ...).

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS` then extra metadata; ``attrs["load_report"]``.

    Examples
    --------
    >>> df = load("seeds/")                                   # doctest: +SKIP
    >>> df[["title", "author", "published"]]                  # doctest: +SKIP
    """
    if errors not in ("report", "raise"):
        raise ValueError(f"errors must be 'report' or 'raise', not {errors!r}")
    _wanted(progress, long=False)  # (checks the option)
    if isinstance(paths, pd.DataFrame):
        return validate(paths, duplicates=duplicates)
    files, report = _expand(paths, format)
    if not files and not report:
        raise FileNotFoundError(f"{paths}: no input files found")
    rows: list[dict] = []
    frames: list[pd.DataFrame] = []
    meta_cache: dict = {}
    enabled = _wanted(progress, long=progress is None and _long_load(files)) if len(files) > 1 else False
    for file, root in _progress(files, desc="loading files", enabled=enabled):
        if _is_saved_corpus(file):
            try:
                saved = _read_saved(file)
            except Exception as exc:  # pyarrow raises OSError, ArrowInvalid, KeyError ...
                reason = (f"{file}: damaged corpus file ({type(exc).__name__}: {str(exc).strip()[:120]}); "
                          "save the corpus again or load it from its sources")
                if errors == "raise":
                    raise ReaderError(reason) from None
                report.append(dict(source=str(file), record="", reason=reason))
                continue
            frames.append(saved)
            continue
        try:
            meta = _metadata_for(file, root, meta_cache)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ReaderWarning)
                result = reader_for(file, format=format).read(file, **options)
            for w in caught:  # repairs worth knowing become report notes; others pass on
                if issubclass(w.category, ReaderWarning):
                    report.append(dict(source=str(file), record=str(getattr(w.message, "record", "")),
                                       reason=f"warning: {w.message}"))
                else:
                    warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        except ReaderError as exc:
            if errors == "raise":
                raise
            report.append(dict(source=str(file), record="", reason=str(exc)))
            continue
        except (OSError, UnicodeError) as exc:
            if errors == "raise":
                raise ReaderError(f"{file}: {exc}") from exc
            report.append(dict(source=str(file), record="", reason=f"cannot read: {exc}"))
            continue
        except Exception as exc:  # a reader bug must not lose the other files
            reason = (f"internal reader error ({type(exc).__name__}: {str(exc)[:200]}); "
                      "please report it with the file, or convert the file to another format")
            if errors == "raise":
                raise ReaderError(f"{file}: {reason}") from exc
            report.append(dict(source=str(file), record="", reason=reason))
            continue
        for rec_id, reason in result.problems:
            if errors == "raise":
                raise ReaderError(f"{file}, record {rec_id}: {reason}")
            report.append(dict(source=str(file), record=str(rec_id), reason=reason))
        for rec in result.records:
            if not rec.text or not rec.text.strip():
                reason = "empty text; the record has no article body"
                if errors == "raise":
                    raise ReaderError(f"{file}, record {rec.record}: {reason}")
                report.append(dict(source=str(file), record=str(rec.record), reason=reason))
                continue
            rows.append(_record_row(rec, file, meta))
    df = _finish(rows, report, duplicates)
    if frames:
        saved_report = [f.attrs.get("load_report") for f in frames]
        df = pd.concat([df, *frames], ignore_index=True) if len(df) else pd.concat(frames, ignore_index=True)
        for col in _STR_COLUMNS:
            df[col] = df[col].astype("string")
        df["published"] = df["published"].astype("datetime64[ns]")
        if df["doc_id"].duplicated().any():
            # the same article from two saved corpora (or from a saved corpus and its
            # sources): keep both, give the later copy its own id and flag it
            first = ~df["doc_id"].duplicated()
            original = dict(zip(df["doc_id"][first], df["duplicate_of"][first].fillna(df["doc_id"][first])))
            again = ~first & df["duplicate_of"].isna()
            df.loc[again, "duplicate_of"] = df.loc[again, "doc_id"].map(original)
            df["doc_id"] = pd.array(_unique_ids(df["doc_id"]), dtype="string")
        df.attrs["load_report"] = _report(
            pd.concat([_report(report)] + [r for r in saved_report if r is not None], ignore_index=True)
        )
    return df

