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
import os
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from discourse.figures._manifest import (MANIFEST, MANIFEST_VERSION, _abs, _git_commit, _git_dirty,
                                         _manifest_table, _read_manifest, _rel, _sha256_file, _write_manifest,
                                         corpus_path, repo_root)
from discourse.figures._registry import REGISTRY, FigureSpec

__all__ = ["FORMATS", "MANIFEST", "FigureError", "build", "render", "repo_root", "corpus_path"]

FORMATS = ("pdf", "png", "svg")


# ------------------------------------------------------------------- corpora
class _Corpora:
    """Load each corpus path once per build; know which files each one read."""

    def __init__(self, root: Path, corpus: Any = None):
        self.root = root
        self.override = corpus
        self._cache: dict[str, tuple[pd.DataFrame, dict[str, str]]] = {}

    def path_for(self, spec: FigureSpec, recorded: str | None = None) -> Any:
        if spec.corpus == "demo" and self.override is not None:
            return self.override
        if recorded is not None and spec.corpus == "demo":
            return _abs(recorded, self.root)
        return corpus_path(spec.corpus, root=self.root)

    def label(self, src: Any) -> str:
        if isinstance(src, pd.DataFrame):
            return "<DataFrame>"
        return _rel(Path(src), self.root)

    def get(self, src: Any) -> tuple[pd.DataFrame, dict[str, str]]:
        """The corpus table and ``{input path: sha256}`` of the files it came from."""
        if isinstance(src, pd.DataFrame):
            return src, self._inputs(src, None)
        key = os.path.abspath(src)
        if key not in self._cache:
            from discourse import corpus as corpus_mod

            path = Path(src)
            if not path.exists():
                raise FileNotFoundError(f"corpus not found: {path}")
            df = corpus_mod.load(str(path), progress=False)
            self._cache[key] = (df, self._inputs(df, path))
        return self._cache[key]

    def _inputs(self, df: pd.DataFrame, path: Path | None) -> dict[str, str]:
        files: set[Path] = set()
        if "source" in df.columns:
            for src in df["source"].dropna().astype(str):
                f = Path(src)
                if not f.is_file() and "#" in src:
                    f = Path(src.rsplit("#", 1)[0])
                if not f.is_absolute():
                    # corpus.load records paths as given; resolve against cwd, then root
                    f = f if f.exists() else self.root / f
                if f.is_file():
                    files.add(f)
        if path is not None and path.is_dir():
            # metadata files the loader applies (corpus.toml) are inputs too
            files.update(p for p in path.rglob("corpus.toml") if p.is_file())
        return {_rel(f, self.root): _sha256_file(f) for f in sorted(files, key=lambda p: _rel(p, self.root))}


# --------------------------------------------------------------------- build
def _select(names: Iterable[str] | None) -> list[FigureSpec]:
    if names is None:
        return [REGISTRY[n] for n in sorted(REGISTRY)]
    if isinstance(names, str):
        names = [names]
    names = list(dict.fromkeys(names))
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        known = ", ".join(sorted(REGISTRY)) or "(none registered)"
        raise KeyError(f"unknown figure(s): {', '.join(unknown)}; registered: {known}")
    return [REGISTRY[n] for n in names]


def _formats(formats: Iterable[str] | str) -> list[str]:
    if isinstance(formats, str):
        formats = [f for f in formats.split(",")]
    fmts = [f.strip().lower().lstrip(".") for f in formats if f.strip()]
    bad = [f for f in fmts if f not in FORMATS]
    if bad or not fmts:
        raise ValueError(f"unknown format(s) {bad or fmts}; use any of {', '.join(FORMATS)}")
    return list(dict.fromkeys(fmts))


def _draw(spec: FigureSpec, df: pd.DataFrame):
    from discourse import style

    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    width = spec.params.get("width", "single")
    before = set(plt.get_fignums())
    try:
        with style.paper(width if width in style.WIDTHS or isinstance(width, (int, float)) else "single"):
            fig = spec.func(df, **spec.params)
    except BaseException:
        for num in set(plt.get_fignums()) - before:  # a failed figure leaves nothing open
            plt.close(num)
        raise

    if not isinstance(fig, Figure):
        raise TypeError(f"figure {spec.name!r}: function returned {type(fig).__name__}, not a matplotlib Figure")
    return fig


def _save(fig, spec: FigureSpec, folder: Path, fmts: list[str]) -> dict[str, str]:
    from discourse import style

    files = {}
    width = spec.params.get("width", "single")
    with style.paper(width if width in style.WIDTHS or isinstance(width, (int, float)) else "single"):
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
    """Draw registered figure ``name`` in the paper style and return the Figure.

    For notebooks: nothing is saved. ``corpus`` (a path or corpus DataFrame)
    replaces the figure's default corpus (``seeds/`` or ``corpora/demo/``);
    ``params`` override the registered parameters (e.g. ``width="double"``).

    Examples
    --------
    >>> from discourse import figures
    >>> fig = figures.render("seed-structure")  # doctest: +SKIP
    """
    from discourse.figures import _load_modules

    _load_modules([name])
    spec = _select([name])[0]
    if params:
        from dataclasses import replace

        spec = replace(spec, params={**spec.params, **params})
    root = Path(root) if root is not None else repo_root()
    corpora = _Corpora(root, corpus)
    df, _ = corpora.get(corpus if corpus is not None else corpora.path_for(spec))
    fig = _draw(spec, df)
    _close(fig)  # so inline backends show it once, from the returned object
    return fig


class FigureError(RuntimeError):
    """One or more figures failed to build; ``failures`` maps name -> traceback text."""

    def __init__(self, failures: dict[str, str]):
        self.failures = dict(failures)
        lines = [tb.strip().splitlines()[-1] for tb in self.failures.values()]
        super().__init__("; ".join(f"{n}: {ln}" for n, ln in zip(self.failures, lines)))


def _build_into(specs: list[FigureSpec], folder: Path, fmts: list[str], corpora: _Corpora,
                recorded: dict[str, str] | None = None,
                failures: dict[str, str] | None = None) -> dict[str, dict[str, Any]]:
    """Draw and save ``specs`` into ``folder``; return manifest entries by name.

    With a ``failures`` dict, a figure that raises is recorded there (name ->
    traceback) and the others are still built; without it the error propagates.
    """
    entries = {}
    for spec in specs:
        if failures is None:
            entries.update(_build_one(spec, folder, fmts, corpora, recorded))
            continue
        try:
            entries.update(_build_one(spec, folder, fmts, corpora, recorded))
        except FileNotFoundError:
            raise
        except Exception:  # noqa: BLE001 - reported with its traceback
            import traceback

            failures[spec.name] = traceback.format_exc()
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
               recorded: dict[str, str] | None) -> dict[str, dict[str, Any]]:
    src = corpora.path_for(spec, (recorded or {}).get(spec.name))
    df, inputs = corpora.get(src)
    fig = _draw(spec, df.copy())  # a copy: one figure cannot change another's input
    try:
        files = _save(fig, spec, folder, fmts)
    finally:
        _close(fig)
    return {spec.name: {
        "description": spec.description,
        "corpus": spec.corpus,
        "corpus_path": corpora.label(src),
        "params": _jsonable(spec.params),
        "inputs": inputs,
        "package_inputs": _package_inputs(),
        "files": files,
    }}




def build(names: Iterable[str] | str | None = None, *, corpus: Any = None,
          formats: Iterable[str] | str = FORMATS, out: str | Path = "figures",
          root: str | Path | None = None) -> pd.DataFrame:
    """Build registered figures into ``out`` and update ``out/manifest.json``.

    Parameters
    ----------
    names : str or list of str, optional
        Figures to build (default: every registered figure). With a subset, the
        other entries of an existing manifest are kept.
    corpus : str, Path or DataFrame, optional
        Corpus for figures declared ``corpus="demo"`` (default ``corpora/demo/``).
        Figures declared ``corpus="seed"`` always use ``seeds/``.
    formats : list of str or comma-separated str, default ("pdf", "png", "svg")
    out : str or Path, default "figures"
        Output folder (created if needed).
    root : str or Path, optional
        Repository root: where ``seeds/`` and ``corpora/demo/`` are found and what
        manifest paths are relative to (default: the checkout holding the package).

    Returns
    -------
    DataFrame
        One row per file written: ``figure``, ``format``, ``path``, ``sha256``,
        ``corpus``, ``n_inputs``.

    Raises
    ------
    FigureError
        After building all the others and writing the manifest, when any figure
        function raised (``.failures`` maps names to tracebacks).

    Examples
    --------
    >>> from discourse import figures
    >>> table = figures.build(["seed-structure"], formats="png", out="/tmp/figs")  # doctest: +SKIP
    """
    from discourse import __version__
    from discourse.figures import _load_modules

    _load_modules(names)
    specs = _select(names)
    fmts = _formats(formats)
    root = Path(root) if root is not None else repo_root()
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    corpora = _Corpora(root, corpus)
    failures: dict[str, str] = {}
    entries = _build_into(specs, folder, fmts, corpora, failures=failures)

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
                "--check compares figure bytes and input hashes only.",
        "figures": figures,
    }
    _write_manifest(folder, manifest)
    if failures:
        raise FigureError(failures)
    return _manifest_table(manifest, folder, [s.name for s in specs])
