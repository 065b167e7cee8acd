"""Build registered figures to byte-identical files, write and check the manifest.

How bytes stay identical across runs, processes and machines:

- every figure is drawn inside :func:`discourse.style.paper` (fonts bundled with
  matplotlib, fixed sizes) and saved from the figure's own canvas with the Agg-based
  writers, whatever the interactive backend is;
- ``metadata=`` removes creation dates and version strings (PDF ``CreationDate``,
  ``ModDate``, ``Producer``, ``Creator``; SVG ``Date``, ``Creator``; PNG
  ``Software``), and ``svg.hashsalt`` fixes the SVG element ids;
- input files are read in sorted order; randomness only through ``random_state``
  parameters registered with the figure.

The manifest itself (hashes, git state, reading and writing) is in
:mod:`discourse.figures._manifest`; :func:`check` is in :mod:`discourse.figures._check`.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from discourse.figures._corpora import _Corpora, _study
from discourse.figures._failures import FigureError, _failure_line, _not_a_figure, user_error
from discourse.figures._manifest import (MANIFEST, MANIFEST_VERSION, _git_commit, _git_dirty, _manifest_table,
                                         _read_manifest, _sha256_file, _write_manifest, corpus_path, repo_root)
from discourse.figures._registry import REGISTRY, FigureSpec

__all__ = ["FORMATS", "MANIFEST", "FigureError", "build", "render", "repo_root", "corpus_path"]

FORMATS = ("pdf", "png", "svg")


# --------------------------------------------------------------------- build
def _select(names: Iterable[str] | None, registry: dict[str, FigureSpec] | None = None) -> list[FigureSpec]:
    registry = REGISTRY if registry is None else registry
    if names is None:
        return [registry[n] for n in sorted(registry)]
    if isinstance(names, str):
        names = [names]
    names = list(dict.fromkeys(names))
    unknown = [n for n in names if n not in registry]
    if unknown:
        known = ", ".join(sorted(registry)) or "(none registered)"
        raise KeyError(f"unknown figure(s): {', '.join(unknown)}; registered: {known}")
    return [registry[n] for n in names]


def _formats(formats: Iterable[str] | str) -> list[str]:
    if isinstance(formats, str):
        formats = [f for f in formats.split(",")]
    fmts = [f.strip().lower().lstrip(".") for f in formats if f.strip()]
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise ValueError(f"unknown format(s) {bad or fmts}; use any of {', '.join(FORMATS)}")
    return list(dict.fromkeys(fmts))


def _width(spec: FigureSpec):
    from discourse import style

    width = spec.params.get("width", "single")
    return width if width in style.WIDTHS or isinstance(width, (int, float)) else "single"


def _call(spec: FigureSpec, df: Any, corpora: "_Corpora | None"):
    """Call the figure function with its corpus (or annotations) and parameters."""
    import inspect

    sig = inspect.signature(spec.func).parameters
    first = next(iter(sig), None)
    data = corpora.annotations(df) if corpora is not None and first == "annotations" else df
    extra = {}
    if corpora is not None and "study" in sig:
        extra["study"] = corpora.study
    if corpora is not None and "lexicons" in sig:
        extra["lexicons"] = {k: str(v) for k, v in corpora.study.lexicons().items()}
    return spec.func(data, **spec.params, **extra)


def _draw(spec: FigureSpec, df: pd.DataFrame, corpora: "_Corpora | None" = None):
    from discourse import style

    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    before = set(plt.get_fignums())
    try:
        with style.paper(_width(spec)):
            fig = _call(spec, df, corpora)
    except BaseException:
        for num in set(plt.get_fignums()) - before:  # a failed figure leaves nothing open
            plt.close(num)
        raise

    if not isinstance(fig, Figure):
        raise _not_a_figure(f"figure {spec.name!r}: function returned {type(fig).__name__}, not a matplotlib Figure")
    with style.paper(_width(spec)):
        style.fit(fig)  # titles wider than their panel are wrapped, never cut
    return fig


def _save(fig, spec: FigureSpec, folder: Path, fmts: list[str]) -> dict[str, str]:
    from discourse import style

    files = {}
    with style.paper(_width(spec)):
        for fmt in fmts:
            name = f"{spec.name}.{fmt}"
            path = folder / name
            fig.savefig(path, format=fmt, metadata=style.SAVE_METADATA[fmt])
            files[name] = _sha256_file(path)
    return files


def _close(fig) -> None:
    import matplotlib.pyplot as plt

    plt.close(fig)


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, sort_keys=True, default=str))


def render(name: str, *, corpus: Any = None, root: str | Path | None = None, **params: Any):
    """Draw figure ``name`` of a study in the paper style and return the Figure.

    For notebooks: nothing is saved. The figure is drawn with the study's parameters
    (``discourse.toml``) and corpus; ``corpus`` (a path or corpus DataFrame) replaces
    the corpus, and ``params`` override the parameters (e.g. ``width="double"``).

    Parameters
    ----------
    name : str
    corpus : str, Path or DataFrame, optional
    root : str or Path, optional
        A folder of the study (default: the study holding the working directory, else
        the package's own).
    **params
        Parameters of the figure function.

    Examples
    --------
    >>> from discourse import figures
    >>> fig = figures.render("seed-structure")  # doctest: +SKIP
    """
    study = _study(root)
    spec = _select([name], study.figures([name]))[0]
    if params:
        from dataclasses import replace

        spec = replace(spec, params={**spec.params, **params})
    corpora = _Corpora(study, corpus)
    src = corpus if corpus is not None else corpora.path_for(spec)
    df, _ = corpora.get(src, corpora.columns_for(spec))
    fig = _draw(spec, df, corpora)
    _close(fig)  # so inline backends show it once, from the returned object
    return fig


def _build_into(specs: list[FigureSpec], folder: Path, fmts: list[str], corpora: _Corpora,
                recorded: dict[str, str] | None = None,
                failures: dict[str, str] | None = None,
                errors: dict[str, tuple[BaseException, str]] | None = None) -> dict[str, dict[str, Any]]:
    """Draw and save ``specs`` into ``folder``; return manifest entries by name.

    With a ``failures`` dict, a figure that raises is recorded there (name ->
    traceback; and in ``errors``: name -> (exception, ``"corpus"`` or ``"figure"``, the
    step that raised)) and the others are still built; without it the error propagates.
    """
    from discourse._progress import progress

    entries = {}
    for spec in progress(specs, total=len(specs), desc="figures", enabled=None if len(specs) > 1 else False):
        if failures is None:
            entries.update(_build_one(spec, folder, fmts, corpora, recorded))
            continue
        step = ["corpus"]
        try:
            entries.update(_build_one(spec, folder, fmts, corpora, recorded, step))
        except Exception as exc:  # noqa: BLE001 - reported with its traceback
            import traceback

            failures[spec.name] = traceback.format_exc()
            if errors is not None:
                errors[spec.name] = (exc, step[0])
    return entries


@functools.lru_cache(maxsize=8)
def _hash_cached(path: str, mtime_ns: int, size: int) -> str:
    return _sha256_file(Path(path))


def _package_inputs() -> dict[str, str]:
    """The data files shipped with the package (lexicons, frame dictionaries, reporting
    verbs) that analyses read by default, by package-relative name: recorded for every
    figure as ``package_inputs`` and compared by ``--check`` like the corpus inputs."""
    folder = Path(__file__).resolve().parents[1] / "lexicons"
    out = {}
    for f in sorted(folder.glob("*.csv")):
        st = f.stat()
        out[f"discourse/lexicons/{f.name}"] = _hash_cached(str(f), st.st_mtime_ns, st.st_size)
    return out


def _build_one(spec: FigureSpec, folder: Path, fmts: list[str], corpora: _Corpora,
               recorded: dict[str, str] | None, step: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Build one figure; ``step[0]`` says what was being done when it raised (``"corpus"``:
    finding and loading the corpus; ``"figure"``: drawing and saving)."""
    step = step if step is not None else ["corpus"]
    again = (recorded or {}).get(spec.name)
    src = corpora.path_for(spec, again)
    replaced = corpora.replaced(spec, again)
    df, inputs = corpora.get(src, corpora.columns_for(spec))
    step[0] = "figure"
    fig = _draw(spec, df.copy(), corpora)  # a copy: one figure cannot change another's input
    try:
        files = _save(fig, spec, folder, [f for f in fmts if spec.formats is None or f in spec.formats])
    finally:
        _close(fig)
    return {spec.name: {
        "description": spec.description,
        "corpus": spec.corpus,
        "corpus_path": corpora.label(src),
        # where the corpus path came from, its columns and one hash of its content: --check
        # says "corpus path changed" even when the files (and so the figure) are the same
        "corpus_from": "--corpus" if replaced else "discourse.toml",
        "corpus_columns": None if replaced else corpora.columns_for(spec),
        "corpus_sha256": corpora.content(src, inputs),
        "params": _jsonable(spec.params),
        "inputs": inputs,
        "package_inputs": _package_inputs(),
        "files": files,
    }}


def build(names: Iterable[str] | str | None = None, *, corpus: Any = None,
          formats: Iterable[str] | str | None = None, out: str | Path | None = None,
          root: str | Path | None = None) -> pd.DataFrame:
    """Build a study's figures into its ``figures/`` folder and update ``manifest.json``.

    Parameters
    ----------
    names : str or list of str, optional
        Figures to build (default: every figure of the study). With a subset, the
        other entries of an existing manifest are kept.
    corpus : str, Path or DataFrame, optional
        Replaces the study's default corpus (``[figures] corpus`` of
        ``discourse.toml``; for the package's own study, the demo corpus). Figures
        drawn from its other corpora (the seed) keep theirs.
    formats : list of str or comma-separated str, optional
        Default: the study's ``[figures] formats`` (pdf, png and svg unless it says).
    out : str or Path, optional
        Output folder (default: the study's ``figures/``; created if needed).
    root : str or Path, optional
        A folder of the study: the nearest folder at or above it with a
        ``discourse.toml`` is the study (default: the one holding the working
        directory, else the package's own). Manifest paths are relative to it.

    Returns
    -------
    DataFrame
        One row per file written: ``figure``, ``format``, ``path``, ``sha256``,
        ``corpus``, ``n_inputs``.

    Raises
    ------
    FigureError
        After building all the others and writing the manifest, when any figure
        raised (``.failures`` maps names to tracebacks; ``.user_errors`` lists those that
        failed on the study's input: a parameter, a column or a corpus path, see
        :data:`USER_ERRORS`; ``.lines`` says for each what to change).
    discourse.study.StudyError
        When ``discourse.toml`` is invalid or a figure's parameter is missing.

    Examples
    --------
    >>> from discourse import figures
    >>> table = figures.build(["seed-structure"], formats="png", out="/tmp/figs")  # doctest: +SKIP
    """
    from discourse import __version__

    study = _study(root)
    registry = study.figures(names if names is None or not isinstance(names, str) else [names])
    specs = _select(names, registry)
    fmts = _formats(formats if formats is not None else study.formats)
    root = study.root
    folder = Path(out) if out is not None else study.figures_dir
    folder.mkdir(parents=True, exist_ok=True)
    corpora = _Corpora(study, corpus)
    failures: dict[str, str] = {}
    errors: dict[str, tuple[BaseException, str]] = {}
    entries = _build_into(specs, folder, fmts, corpora, failures=failures, errors=errors)

    import matplotlib

    commit = _git_commit(root)
    dirty = _git_dirty(root) if commit else None
    old = _read_manifest(folder) if names is not None else None
    figures = dict(old.get("figures", {})) if old else {}
    for name, entry in entries.items():
        entry["built_with"] = {"discourse": __version__, "git_commit": commit, "git_dirty": dirty,
                               "matplotlib": matplotlib.__version__}
        figures[name] = entry
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "generator": "discourse figures",
        "discourse": __version__,
        "git_commit": commit,
        "git_dirty": dirty,
        "note": "git_commit (the code's commit when the figures were built; git_dirty: the "
                "package code had uncommitted changes) and built_with are informational; "
                "--check compares figure bytes and the inputs: corpus path, columns and file "
                "hashes, lexicons, package data and parameters.",
        "figures": figures,
    }
    _write_manifest(folder, manifest)
    if failures:
        users = [n for n, (exc, _) in errors.items() if user_error(exc)]
        lines = {n: _failure_line(n, exc, stage, registry[n], corpora) for n, (exc, stage) in errors.items()
                 if n in users}
        raise FigureError(failures, {n: s.params for n, s in registry.items() if n in failures}, lines, users)
    return _manifest_table(manifest, folder, [s.name for s in specs if s.name in entries])
