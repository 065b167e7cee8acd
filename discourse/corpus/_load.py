"""Loading: paths, globs and folders, corpus.toml metadata, readers, the load report."""
from __future__ import annotations

import os
import re
import tomllib
import unicodedata
import warnings
from pathlib import Path
from typing import Literal

import pandas as pd

from discourse._progress import progress as _progress
from discourse._progress import wanted as _wanted
from discourse.corpus._checks import expected_words, own_id
from discourse.corpus._discover import clean, expand_glob, not_regular, shown
from discourse.corpus._discover import walk as _walk
from discourse.corpus._storage import _is_saved_corpus, _read_saved
from discourse.corpus._table import (_EXPECTED, _OWN, _STR_COLUMNS, _WHERE, _finish, _report, _unique_ids,
                                     doc_id, validate)
from discourse.readers import READERS, Record, ReaderError, ReaderWarning, factiva_xml, reader_for
from discourse.readers._columns import describe

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
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    files: list[tuple[Path, Path]] = []
    report: list[dict] = []
    def unsupported(f: Path) -> bool:
        if format is None and f.suffix.lower() not in READERS:
            report.append(dict(source=shown(f), record="", reason=f"skipped: unsupported format {f.suffix or '(no extension)'!r}"))
            return True
        if format is None and f.suffix.lower() == ".xml" and not factiva_xml.sniff(f):
            report.append(dict(source=shown(f), record="", reason="skipped: XML that is not a Factiva export"))
            return True
        return False

    def walk(folder: Path) -> None:
        for f in _walk(folder, report):
            if f.name == _METADATA_FILE:
                continue
            if _DOC_FILES.match(f.name):
                report.append(dict(source=shown(f), record="", reason="skipped: documentation file, not an article"))
                continue
            if not unsupported(f):
                files.append((f, folder))

    for p in paths:
        p = os.fsdecode(p) if isinstance(p, bytes) else str(p)
        if any(ch in p for ch in "*?[") and not os.path.lexists(p):  # (an existing br[1].txt is a file)
            matches, folders = expand_glob(p, report)
            if not matches and not folders:
                raise FileNotFoundError(f"{shown(p)}: the pattern matches no file; check the path")
            for folder in folders:
                walk(folder)  # a folder the pattern names is read like a folder argument
            for mp in matches:
                if not unsupported(mp):
                    files.append((mp, mp.parent))
            continue
        path = Path(p)
        if not path.exists():
            raise FileNotFoundError(f"{shown(p)}: no such file or folder; check the path")
        if path.is_dir():
            walk(path)
        else:
            kind = not_regular(path)
            if kind:
                raise ReaderError(f"{shown(path)}: not a regular file ({kind}); reading it could block the load. "
                                  "Copy its content into a file and load that")
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


def _record_row(rec: Record, file: Path, meta: dict, *, table: bool = False) -> dict:
    """One corpus row (with the loader's working columns, see :func:`_finish`). A
    table's ``length`` or ``word_count`` column is not read as the database's word
    count (it may count characters)."""
    text = unicodedata.normalize("NFC", clean(rec.text).replace("\r\n", "\n").replace("\r", "\n")).strip()
    src = f"{shown(file)}#{rec.record}" if rec.record != "" else shown(file)
    row = dict(
        # a one-article file: from its name; a record of a file with many: from its
        # content, once dates are parsed (see discourse.corpus._checks)
        doc_id=doc_id(text, shown(file.name)) if rec.record == "" else None,
        outlet=rec.outlet if rec.outlet else meta.get("outlet"),
        title=clean(rec.title),
        author=clean(rec.author),
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
            row[k] = clean(v)
    row[_OWN] = own_id(rec.extra)
    row[_EXPECTED] = None if table else expected_words(rec.extra)
    row[_WHERE] = (shown(file), str(rec.record))
    return row



_NOT_IN_FILE = re.compile(r"column (.+?) from columns= is not in the file; columns seen: (.*)$")


def _read(file: Path, format: str | None, options: dict, columns: dict | None, used: dict):
    """Read one file. ``columns=`` entries apply to the files that have the column (a
    folder may mix layouts); ``used`` records where each entry was found."""
    reader = reader_for(file, format=format)
    if not columns:
        return reader.read(file, **options)
    wanted = dict(columns)
    while True:
        try:
            with warnings.catch_warnings(record=True) as caught:  # (kept only from the read that counts)
                warnings.simplefilter("always")
                result = reader.read(file, columns=wanted or None, **options)
        except ReaderError as exc:
            m = _NOT_IN_FILE.search(str(exc))
            if m is None or m.group(1).strip("'\"") not in wanted:
                raise
            wanted.pop(m.group(1).strip("'\""))
            used.setdefault("", [m.group(2)])
            continue
        break
    for w in caught:
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if result.columns or result.candidates:  # (a table: other readers ignore columns=)
        for col in wanted:
            used.setdefault(col, []).append(str(file))
    return result


def _check_columns_used(columns: dict, used: dict) -> None:
    """A ``columns=`` entry that no file has is a typo: raise, naming the columns seen."""
    missing = [col for col in columns if col not in used]
    if missing:
        seen = f"; columns seen (in one file): {used[''][0]}" if used.get("") else ""
        raise ReaderError(f"columns=: column {missing[0]!r} is in none of the files loaded{seen}; "
                          "check its spelling")


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
    columns: dict[str, str] | None = None,
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
        ``"rtf"``, ``"nexis"``, ``"factiva"``, ``"factiva_xml"``) instead of
        choosing by extension. (In folders, ``.xml`` files that are not Factiva
        exports are skipped with a report row.)
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
    columns : dict, optional
        Which table column holds which field, ``{file column: field}``, e.g.
        ``{"content_original": "text", "source": "outlet"}`` (fields: ``text``,
        ``title``, ``author``, ``published``, ``outlet``, ``url``; another name
        renames the column). Applies to each table that has the column; a column
        found in no table raises :class:`ReaderError`. Without it, the first
        candidate in the documented order wins (``docs/readers.md``), and a
        ``note: columns ...`` report row names the choice whenever a field had
        several candidates.
    **options
        Passed to the readers (``encoding=``, ``sep=`` ...).

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
    if columns is not None and not (isinstance(columns, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in columns.items())):
        raise TypeError(f"columns must be a dict {{file column: field}}, e.g. {{'content_original': 'text'}}, "
                        f"not {columns!r}")
    _wanted(progress, long=False)  # (checks the option)
    if isinstance(paths, pd.DataFrame):
        return validate(paths, duplicates=duplicates)
    files, report = _expand(paths, format)
    if not files and not report:
        raise FileNotFoundError(f"{paths}: no input files found")
    rows: list[dict] = []
    frames: list[pd.DataFrame] = []
    used: dict[str, list[str]] = {}  # columns= entry -> the files it was found in ("" : columns seen)
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
                report.append(dict(source=shown(file), record="", reason=reason))
                continue
            frames.append(saved.assign(__origin=shown(file)))
            continue
        try:
            meta = _metadata_for(file, root, meta_cache)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ReaderWarning)
                result = _read(file, format, options, columns, used)
            if any(len(c) > 1 for c in result.candidates.values()):  # (the choice, then its warnings)
                report.append(dict(source=shown(file), record="",
                                   reason="note: columns " + describe(result.columns, result.candidates)))
            for w in caught:  # repairs worth knowing become report notes; others pass on
                if issubclass(w.category, ReaderWarning):
                    report.append(dict(source=shown(file), record=str(getattr(w.message, "record", "")),
                                       reason=f"warning: {w.message}"))
                else:
                    warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        except ReaderError as exc:
            if errors == "raise":
                raise
            report.append(dict(source=shown(file), record="", reason=str(exc)))
            continue
        except (OSError, UnicodeError) as exc:
            if errors == "raise":
                raise ReaderError(f"{file}: {exc}") from exc
            report.append(dict(source=shown(file), record="", reason=f"cannot read: {exc}"))
            continue
        except Exception as exc:  # a reader bug must not lose the other files
            reason = (f"internal reader error ({type(exc).__name__}: {str(exc)[:200]}); "
                      "please report it with the file, or convert the file to another format")
            if errors == "raise":
                raise ReaderError(f"{file}: {reason}") from exc
            report.append(dict(source=shown(file), record="", reason=reason))
            continue
        for rec_id, reason in result.problems:
            if errors == "raise":
                raise ReaderError(f"{file}, record {rec_id}: {reason}")
            report.append(dict(source=shown(file), record=str(rec_id), reason=reason))
        for rec in result.records:
            if not rec.text or not rec.text.strip():
                reason = "empty text; the record has no article body"
                if errors == "raise":
                    raise ReaderError(f"{file}, record {rec.record}: {reason}")
                report.append(dict(source=shown(file), record=str(rec.record), reason=reason))
                continue
            rows.append(_record_row(rec, file, meta, table=bool(result.columns)))
    if columns and used.get(""):  # (some table lacked a column: was it in any?)
        _check_columns_used(columns, used)
    df = _finish(rows, report, duplicates)
    if frames:
        saved_report = [f.attrs.get("load_report") for f in frames]
        df = pd.concat([df.assign(__origin=""), *frames], ignore_index=True) if len(df) \
            else pd.concat(frames, ignore_index=True)
        for col in _STR_COLUMNS:
            df[col] = df[col].astype("string")
        df["published"] = df["published"].astype("datetime64[ns]")
        if df["doc_id"].duplicated().any():
            # the same article from two saved corpora (or from a saved corpus and its
            # sources): keep both, give the later copy its own id and flag it. "Later" in
            # a canonical order (earliest published, then the file: the sources before a saved
            # corpus, saved corpora by name), not the order in which the files were listed
            order = df.sort_values(["doc_id", "published", "__origin"], kind="stable", na_position="last").index
            df = df.loc[order]
            first = ~df["doc_id"].duplicated()
            original = dict(zip(df["doc_id"][first], df["duplicate_of"][first].fillna(df["doc_id"][first])))
            again = ~first & df["duplicate_of"].isna()
            df.loc[again, "duplicate_of"] = df.loc[again, "doc_id"].map(original)
            df["doc_id"] = pd.array(_unique_ids(df["doc_id"]), dtype="string")
            df = df.sort_index()
        df = df.drop(columns="__origin")
        df.attrs["load_report"] = _report(
            pd.concat([_report(report)] + [r for r in saved_report if r is not None], ignore_index=True)
        )
    return df

