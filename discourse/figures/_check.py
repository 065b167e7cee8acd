"""Check built figures against the manifest: rebuild into a temporary folder and
compare bytes and input hashes (see :mod:`discourse.figures._manifest`)."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from discourse.figures._build import FORMATS, _build_into, _Corpora, _jsonable, _short, _study
from discourse.figures._manifest import _read_manifest, _sha256_file

__all__ = ["check"]

_CHECK_COLUMNS = ["figure", "file", "status", "detail"]


def check(names: Iterable[str] | str | None = None, *, corpus: Any = None,
          out: str | Path | None = None, root: str | Path | None = None) -> pd.DataFrame:
    """Rebuild a study's figures into a temporary folder and compare with ``out/manifest.json``.

    Each recorded figure is rebuilt with its recorded formats from its recorded
    corpus (``corpus`` overrides it for demo-corpus figures). Problems:

    - ``differs``: the rebuilt file's bytes differ from the recorded sha256;
    - ``altered``: the file in ``out`` differs from the recorded sha256;
    - ``missing``: a recorded file is not in ``out``, or a registered figure is not
      in the manifest (or there is no manifest);
    - ``stale``: the recorded inputs changed (an input file edited, added or removed),
      or the figure's parameters in ``discourse.toml`` changed;
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
            src = corpora.path_for(spec, entry.get("corpus_path"))
            try:
                rebuilt = _build_into([spec], tmpdir, fmts, corpora,
                                      {name: entry.get("corpus_path")})[name]
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
            if entry.get("params") is not None and entry["params"] != _jsonable(spec.params):
                old_p, new_p = entry["params"], _jsonable(spec.params)
                keys = sorted(k for k in set(old_p) | set(new_p) if old_p.get(k) != new_p.get(k))
                rows.append(dict(figure=name, file="", status="stale",
                                 detail="parameters changed: " + _short({k: new_p.get(k) for k in keys})))
            old_in = {**entry.get("inputs", {}), **entry.get("package_inputs", {})}
            new_in = {**rebuilt["inputs"], **rebuilt["package_inputs"]}
            if old_in != new_in:
                changed = sorted(k for k in set(old_in) & set(new_in) if old_in[k] != new_in[k])
                added = sorted(set(new_in) - set(old_in))
                removed = sorted(set(old_in) - set(new_in))
                parts = []
                for label, items in (("changed", changed), ("added", added), ("removed", removed)):
                    if items:
                        more = f" (+{len(items) - 3} more)" if len(items) > 3 else ""
                        parts.append(f"{label}: {', '.join(items[:3])}{more}")
                rows.append(dict(figure=name, file="", status="stale",
                                 detail=f"inputs changed (corpus {corpora.label(src)}, package data); " + "; ".join(parts)))
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
