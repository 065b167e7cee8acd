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

The manifest (``manifest.json`` next to the figures) records, per figure, the
files with their sha256, the parameters, the corpus and the sha256 of every input
file read (paths relative to the repository root, so the manifest does not depend
on where the repository lives), plus the package version and git commit. The
commit is informational: :func:`check` compares figure bytes and input hashes,
never the commit, so it passes on a fresh clone.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from discourse.figures._registry import REGISTRY, FigureSpec

__all__ = ["FORMATS", "MANIFEST", "FigureError", "build", "check", "render", "repo_root", "corpus_path"]

FORMATS = ("pdf", "png", "svg")
MANIFEST = "manifest.json"
MANIFEST_VERSION = 1


# --------------------------------------------------------------------- paths
def repo_root() -> Path:
    """The repository root: the folder holding ``pyproject.toml`` and ``seeds/`` above
    the package, else the current directory."""
    here = Path(__file__).resolve().parents[2]
    if (here / "pyproject.toml").exists() or (here / "seeds").is_dir():
        return here
    return Path.cwd()


def corpus_path(which: str, *, root: str | Path | None = None) -> Path:
    """Default path of a bundled corpus: ``"seed"`` -> ``seeds/``, ``"demo"`` ->
    ``corpora/demo/`` (under ``root``, default :func:`repo_root`)."""
    base = Path(root) if root is not None else repo_root()
    if which == "seed":
        return base / "seeds"
    if which == "demo":
        return base / "corpora" / "demo"
    raise ValueError(f"unknown corpus {which!r}; figures declare corpus='seed' or 'demo'")


def _rel(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` in POSIX form, absolute when outside ``root``."""
    path = Path(os.path.abspath(path))
    try:
        return path.relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        return path.as_posix()


def _abs(rel: str, root: Path) -> Path:
    p = Path(rel)
    return p if p.is_absolute() else root / p


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _git_commit(root: Path) -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True,
                             text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    sha = out.stdout.strip()
    return sha if out.returncode == 0 and len(sha) == 40 else None


def _git_dirty(root: Path) -> bool | None:
    """True when tracked code (``discourse/``) differs from the recorded commit."""
    try:
        out = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no", "--", "discourse"],
                             capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return bool(out.stdout.strip()) if out.returncode == 0 else None


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


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    path = folder / MANIFEST
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (folder / MANIFEST).write_text(text, encoding="utf-8", newline="\n")


def _manifest_table(manifest: dict[str, Any], folder: Path, names: list[str]) -> pd.DataFrame:
    rows = []
    for name in names:
        entry = manifest["figures"][name]
        for fname, sha in sorted(entry["files"].items()):
            rows.append({"figure": name, "format": fname.rsplit(".", 1)[-1],
                         "path": (folder / fname).as_posix(), "sha256": sha,
                         "corpus": entry["corpus_path"], "n_inputs": len(entry["inputs"])})
    return pd.DataFrame(rows, columns=["figure", "format", "path", "sha256", "corpus", "n_inputs"])


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


# --------------------------------------------------------------------- check
_CHECK_COLUMNS = ["figure", "file", "status", "detail"]


def check(names: Iterable[str] | str | None = None, *, corpus: Any = None,
          out: str | Path = "figures", root: str | Path | None = None) -> pd.DataFrame:
    """Rebuild figures into a temporary folder and compare with ``out/manifest.json``.

    Each recorded figure is rebuilt with its recorded formats from its recorded
    corpus (``corpus`` overrides it for demo-corpus figures). Problems:

    - ``differs``: the rebuilt file's bytes differ from the recorded sha256;
    - ``altered``: the file in ``out`` differs from the recorded sha256;
    - ``missing``: a recorded file is not in ``out``, or a registered figure is not
      in the manifest (or there is no manifest);
    - ``stale``: the recorded inputs changed (an input file edited, added or removed);
    - ``unregistered``: the manifest lists a figure that is no longer registered;
    - ``error``: the figure function raised while rebuilding.

    The git commit is never compared, so the check passes on a fresh clone.

    Parameters
    ----------
    names : str or list of str, optional
        Figures to check (default: all registered and all recorded).
    corpus : str, Path or DataFrame, optional
        Corpus for demo-corpus figures (default: the one recorded in the manifest).
    out : str or Path, default "figures"
    root : str or Path, optional
        Repository root (see :func:`build`).

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
    from discourse.figures import _load_modules

    _load_modules(names)
    folder = Path(out)
    root = Path(root) if root is not None else repo_root()
    manifest = _read_manifest(folder)
    recorded: dict[str, Any] = (manifest or {}).get("figures", {})
    if names is None:
        wanted = sorted(set(REGISTRY) | set(recorded))
    else:
        wanted = [names] if isinstance(names, str) else list(dict.fromkeys(names))
        unknown = [n for n in wanted if n not in REGISTRY and n not in recorded]
        if unknown:
            raise KeyError(f"unknown figure(s): {', '.join(unknown)}; registered: {', '.join(sorted(REGISTRY))}")
    rows: list[dict[str, str]] = []
    corpora = _Corpora(root, corpus)
    with tempfile.TemporaryDirectory(prefix="discourse-figures-") as tmp:
        tmpdir = Path(tmp)
        for name in wanted:
            if name not in REGISTRY:
                rows.append(dict(figure=name, file="", status="unregistered",
                                 detail="in the manifest but no longer registered"))
                continue
            if name not in recorded:
                why = "no manifest" if manifest is None else "not in the manifest"
                rows.append(dict(figure=name, file="", status="missing",
                                 detail=f"{why}; run `discourse figures`"))
                continue
            entry = recorded[name]
            spec = REGISTRY[name]
            fmts = sorted({f.rsplit(".", 1)[-1] for f in entry.get("files", {})}) or list(FORMATS)
            src = corpora.path_for(spec, entry.get("corpus_path"))
            try:
                rebuilt = _build_into([spec], tmpdir, fmts, corpora,
                                      {name: entry.get("corpus_path")})[name]
            except FileNotFoundError as exc:
                rows.append(dict(figure=name, file="", status="stale", detail=f"cannot rebuild: {exc}"))
                continue
            except Exception as exc:  # noqa: BLE001 - a broken figure is a check failure
                msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
                rows.append(dict(figure=name, file="", status="error",
                                 detail=f"cannot rebuild: {type(exc).__name__}: {msg}"))
                continue
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
