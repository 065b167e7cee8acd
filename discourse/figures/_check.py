"""Check built figures against the manifest: rebuild into a temporary folder and
compare bytes and input hashes (see :mod:`discourse.figures._manifest`)."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from discourse.figures._build import FORMATS, _build_into, _Corpora, _study
from discourse.figures._failures import _short
from discourse.figures._manifest import _read_manifest, _rel, _sha256_file

__all__ = ["check"]

_CHECK_COLUMNS = ["figure", "file", "status", "detail"]


def check(names: Iterable[str] | str | None = None, *, corpus: Any = None,
          out: str | Path | None = None, root: str | Path | None = None) -> pd.DataFrame:
    """Rebuild a study's figures into a temporary folder and compare with ``out/manifest.json``.

    Each recorded figure is rebuilt with its recorded formats from the corpus of the
    study's ``discourse.toml`` (from the recorded path when it was built with
    ``--corpus``; ``corpus`` overrides both for figures of the default corpus). Problems:

    - ``differs``: the rebuilt file's bytes differ from the recorded sha256;
    - ``altered``: the file in ``out`` differs from the recorded sha256;
    - ``missing``: a recorded file is not in ``out``, or a registered figure is not
      in the manifest (or there is no manifest);
    - ``stale``: an input changed since the build, even when the figure's bytes would
      be the same; one row per input, saying which: the corpus path
      (``[corpora.NAME] path``, and whether the content changed with it), its
      ``columns``, a corpus file edited, added or removed, a study lexicon or package
      data file, the figure's parameters;
    - ``unregistered``: the manifest lists a figure that is no longer registered;
    - ``error``: the figure function raised while rebuilding.

    The git commit is never compared, so the check passes on a fresh clone.

    Parameters
    ----------
    names : str or list of str, optional
        Figures to check (default: all registered and all recorded).
    corpus : str, Path or DataFrame, optional
        Replaces the study's default corpus (default: the one recorded in the manifest).
    out : str or Path, optional
        Default: the study's ``figures/``.
    root : str or Path, optional
        A folder of the study (see :func:`build`).

    Returns
    -------
    DataFrame
        ``figure``, ``file``, ``status`` (``ok`` or one of the problems above),
        ``detail``; one row per figure file or problem. All ``ok`` means current.

    Examples
    --------
    >>> from discourse import figures
    >>> report = figures.check(out="figures")  # doctest: +SKIP
    >>> bool((report["status"] == "ok").all())  # doctest: +SKIP
    True
    """
    study = _study(root)
    selected = None if names is None else ([names] if isinstance(names, str) else list(names))
    registry = study.figures(selected)
    folder = Path(out) if out is not None else study.figures_dir
    manifest = _read_manifest(folder)
    recorded: dict[str, Any] = (manifest or {}).get("figures", {})
    if names is None:
        wanted = sorted(set(registry) | set(recorded))
    else:
        wanted = [names] if isinstance(names, str) else list(dict.fromkeys(names))
        unknown = [n for n in wanted if n not in registry and n not in recorded]
        if unknown:
            raise KeyError(f"unknown figure(s): {', '.join(unknown)}; registered: {', '.join(sorted(registry))}")
    rows: list[dict[str, str]] = []
    corpora = _Corpora(study, corpus)
    with tempfile.TemporaryDirectory(prefix="discourse-figures-") as tmp:
        tmpdir = Path(tmp)
        from discourse._progress import progress
        from discourse.study import StudyError

        for name in progress(wanted, desc="checking figures", enabled=None if len(wanted) > 1 else False):
            if name not in registry:
                rows.append(dict(figure=name, file="", status="unregistered",
                                 detail="in the manifest but no longer registered"))
                continue
            if name not in recorded:
                why = "no manifest" if manifest is None else "not in the manifest"
                rows.append(dict(figure=name, file="", status="missing",
                                 detail=f"{why}; run `discourse figures`"))
                continue
            entry = recorded[name]
            spec = registry[name]
            fmts = sorted({f.rsplit(".", 1)[-1] for f in entry.get("files", {})}) or list(FORMATS)
            again = _rebuild_from(entry, spec, corpora)
            try:
                rebuilt = _build_into([spec], tmpdir, fmts, corpora, {name: again} if again else None)[name]
            except StudyError:
                raise
            except FileNotFoundError as exc:
                rows.append(dict(figure=name, file="", status="stale", detail=f"cannot rebuild: {exc}"))
                continue
            except Exception as exc:  # noqa: BLE001 - a broken figure is a check failure
                msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
                rows.append(dict(figure=name, file="", status="error",
                                 detail=f"cannot rebuild: {type(exc).__name__}: {msg}"))
                continue
            for detail in _inputs_changed(entry, rebuilt, spec, corpora):
                rows.append(dict(figure=name, file="", status="stale", detail=detail))
            for fname, sha in sorted(entry.get("files", {}).items()):
                on_disk = folder / fname
                problems = []
                if not on_disk.exists():
                    problems.append(("missing", f"{on_disk} does not exist"))
                elif _sha256_file(on_disk) != sha:
                    problems.append(("altered", f"{on_disk} differs from the manifest"))
                if rebuilt["files"].get(fname) != sha:
                    problems.append(("differs", "rebuilt bytes differ from the manifest"))
                if not problems:
                    rows.append(dict(figure=name, file=fname, status="ok", detail=""))
                for status, detail in problems:
                    rows.append(dict(figure=name, file=fname, status=status, detail=detail))
    return pd.DataFrame(rows, columns=_CHECK_COLUMNS)


def _rebuild_from(entry: dict[str, Any], spec, corpora: _Corpora) -> str | None:
    """The recorded corpus path to rebuild from (a ``--corpus`` build), or None to rebuild
    from the study's ``discourse.toml`` (so that a changed ``[corpora] path`` is seen).

    A manifest of version 1 does not say where its path came from: one that differs
    from the study's path is taken for a ``--corpus`` build."""
    if corpora.override is not None or corpora.corpus_name(spec) != corpora.study.default_corpus:
        return None
    recorded = entry.get("corpus_path")
    if recorded is None or recorded == "<DataFrame>":
        return None
    if "corpus_from" in entry:
        return recorded if entry["corpus_from"] == "--corpus" else None
    try:
        declared = corpora.label(corpora.study.corpus_path(corpora.corpus_name(spec)))
    except (FileNotFoundError, ValueError):
        return recorded
    return None if declared == recorded else recorded


def _columns(columns: dict[str, str] | None) -> str:
    return "{" + ", ".join(f"{k} = {v!r}" for k, v in sorted((columns or {}).items())) + "}"


def _listed(label: str, items: list[str]) -> str:
    more = f" (+{len(items) - 3} more)" if len(items) > 3 else ""
    return f"{label}: {', '.join(items[:3])}{more}"


def _diff(old: dict[str, str], new: dict[str, str]) -> str:
    changed = sorted(k for k in set(old) & set(new) if old[k] != new[k])
    parts = [_listed(label, items) for label, items in (
        ("changed", changed), ("added", sorted(set(new) - set(old))), ("removed", sorted(set(old) - set(new))))
        if items]
    return "; ".join(parts)


def _inputs_changed(entry: dict[str, Any], rebuilt: dict[str, Any], spec, corpora: _Corpora) -> list[str]:
    """One line per input of the figure that changed since the manifest: the corpus path
    (and whether its content changed with it), its columns, its files, the study's
    lexicons and the package's data files, the parameters. Empty when none did."""
    lines = []
    corpus = corpora.corpus_name(spec)
    key = f"[corpora.{corpus}]" if corpus else "the corpus"
    old_path, new_path = entry.get("corpus_path"), rebuilt["corpus_path"]
    moved = old_path is not None and old_path != new_path
    same = entry.get("corpus_sha256") is not None and entry.get("corpus_sha256") == rebuilt["corpus_sha256"]
    if moved:
        where = "--corpus" if rebuilt["corpus_from"] == "--corpus" else f"discourse.toml {key} path"
        content = ("same content" if same else
                   "content changed too" if entry.get("corpus_sha256") is not None else "content not recorded")
        lines.append(f"corpus path changed: {old_path} -> {new_path} ({where}); {content}")
    if "corpus_columns" in entry and rebuilt["corpus_from"] == entry.get("corpus_from") \
            and entry["corpus_columns"] != rebuilt["corpus_columns"]:
        lines.append(f"corpus columns changed: {_columns(entry['corpus_columns'])} -> "
                     f"{_columns(rebuilt['corpus_columns'])} (discourse.toml {key} columns)")
    lexicons = {_rel(p, corpora.root) for p in corpora.study.lexicons().values()}
    old_in, new_in = entry.get("inputs", {}), rebuilt["inputs"]
    old_c = {k: v for k, v in old_in.items() if k not in lexicons}
    new_c = {k: v for k, v in new_in.items() if k not in lexicons}
    if not moved and old_c != new_c:
        lines.append(f"inputs changed: corpus {new_path} content; {_diff(old_c, new_c)}")
    old_o = {**{k: v for k, v in old_in.items() if k in lexicons}, **entry.get("package_inputs", {})}
    new_o = {**{k: v for k, v in new_in.items() if k in lexicons}, **rebuilt["package_inputs"]}
    if old_o != new_o:
        lines.append(f"inputs changed: lexicons and package data; {_diff(old_o, new_o)}")
    if entry.get("params") is not None and entry["params"] != rebuilt["params"]:
        old_p, new_p = entry["params"], rebuilt["params"]
        keys = sorted(k for k in set(old_p) | set(new_p) if old_p.get(k) != new_p.get(k))
        was = _short({k: old_p.get(k) for k in keys})
        lines.append(f"parameters changed: {_short({k: new_p.get(k) for k in keys})} (was {was})")
    return lines
