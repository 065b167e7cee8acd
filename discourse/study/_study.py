"""The study: ``discourse.toml``, corpora loaded once, parameters, figure files.

``discourse.toml``::

    [study]
    title = "Immigration coverage 2016-2023"

    [corpora.articles]                       # one table per corpus
    path = "data/articles.csv"               # a file, folder or glob, from the study root
    columns = {body = "text", date = "published"}   # {file column: field}, as corpus.load

    [lexicons]
    frames = "lexicons/frames.csv"           # name -> path (recorded as figure inputs)

    [parameters]                             # reach every figure with a keyword of that name
    k = 8
    period = "Q"
    actors = {Government = ["government", "ministry"], Unions = ["union", "unions"]}

    [figures]
    formats = ["pdf", "png"]                 # default: pdf, png, svg
    corpus = "articles"                      # default corpus (default: the first one)
    include = ["discourse.figures"]          # also build the package's figures (or some by name)

    [figures.coverage]                       # parameters of one figure only
    period = "M"
"""
from __future__ import annotations

import copy
import glob
import hashlib
import importlib.util
import inspect
import sys
import tomllib
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["CONFIG", "Study", "StudyError", "find_study", "load"]

CONFIG = "discourse.toml"
_SECTIONS = ("study", "corpora", "lexicons", "parameters", "figures")
_FIGURE_KEYS = ("formats", "out", "corpus", "include")
_CORPUS_KEYS = ("path", "columns", "description")
#: keywords a figure function gets from the build, not from discourse.toml
_SUPPLIED = ("study", "lexicons")


class StudyError(ValueError):
    """``discourse.toml`` is missing or invalid, or names something that does not exist."""


def find_study(start: str | Path | None = None) -> Path:
    """The study folder holding ``start``: the nearest folder at or above it with a
    ``discourse.toml`` (default: from the working directory).

    Raises
    ------
    StudyError
        When no folder at or above ``start`` has a ``discourse.toml``.

    Examples
    --------
    >>> find_study("/")  # doctest: +SKIP
    Traceback (most recent call last):
    StudyError: no discourse.toml in / or any folder above it; ...
    """
    here = Path(start if start is not None else Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG).is_file():
            return folder
    raise StudyError(f"no {CONFIG} in {here} or any folder above it; run this inside a study "
                     "or create one with `discourse init PATH`")


def load(start: str | Path | None = None) -> "Study":
    """The :class:`Study` holding ``start`` (default: the working directory).

    Without ``start``, and when no folder at or above the working directory has a
    ``discourse.toml``, the package's own study (the ``discourse.toml`` of the checkout
    holding the package) when there is one: so the package's notebooks run from any
    working directory.

    Examples
    --------
    >>> from discourse import study
    >>> study.load().params["k"]  # doctest: +SKIP
    5
    """
    if start is not None:
        return Study(find_study(start))
    try:
        return Study(find_study())
    except StudyError:
        from discourse.figures._manifest import repo_root

        if (repo_root() / CONFIG).is_file():
            return Study(repo_root())
        raise


def _fail(where: str, what: str) -> StudyError:
    return StudyError(f"{CONFIG}: {where}: {what}")


def _validate(config: dict[str, Any]) -> dict[str, Any]:
    unknown = [k for k in config if k not in _SECTIONS]
    if unknown:
        raise _fail(f"[{unknown[0]}]", f"unknown section; use {', '.join(f'[{s}]' for s in _SECTIONS)}")
    for section in _SECTIONS:
        if not isinstance(config.get(section, {}), dict):
            raise _fail(section, f"must be a table ([{section}]), not {type(config[section]).__name__}")
    corpora = config.get("corpora", {})
    for name, spec in corpora.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("path"), str) or not spec["path"]:
            raise _fail(f"[corpora.{name}]", 'needs path = "a file, folder or glob" (relative to the study root)')
        bad = [k for k in spec if k not in _CORPUS_KEYS]
        if bad:
            raise _fail(f"[corpora.{name}] {bad[0]}", f"unknown key; use {', '.join(_CORPUS_KEYS)}")
        columns = spec.get("columns", {})
        if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
            raise _fail(f"[corpora.{name}] columns",
                        'must map the file\'s columns to fields, as corpus.load: {body = "text"}')
    for name, path in config.get("lexicons", {}).items():
        if not isinstance(path, str) or not path:
            raise _fail(f"[lexicons] {name}", "must be a path (relative to the study root)")
    figures = config.get("figures", {})
    formats = figures.get("formats", ["pdf", "png", "svg"])
    if isinstance(formats, str):
        formats = [formats]
    if not isinstance(formats, list) or not formats or not all(f in ("pdf", "png", "svg") for f in formats):
        raise _fail("[figures] formats", f"must list pdf, png and/or svg, not {formats!r}")
    if not isinstance(figures.get("out", "figures"), str):
        raise _fail("[figures] out", "must be a folder path")
    include = figures.get("include", [])
    if not isinstance(include, list) or not all(isinstance(i, str) for i in include):
        raise _fail("[figures] include", 'must list "discourse.figures" or names of the package\'s figures')
    default = figures.get("corpus")
    if default is not None and default not in corpora:
        declared = ", ".join(corpora) or "none declared"
        raise _fail("[figures] corpus", f"{default!r} is not a [corpora.NAME] ({declared})")
    for key, value in figures.items():
        if key not in _FIGURE_KEYS and not isinstance(value, dict):
            raise _fail(f"[figures] {key}", f"unknown key; use {', '.join(_FIGURE_KEYS)} or a [figures.NAME] "
                                            "table of one figure's parameters")
    return config


class Study:
    """A study folder: its ``discourse.toml``, corpora (loaded once), parameters, figures.

    Parameters
    ----------
    root : str or Path
        The folder holding ``discourse.toml`` (use :func:`load` or :func:`find_study`
        to find it from a folder inside).

    Attributes
    ----------
    root : Path
    config : dict
        The parsed ``discourse.toml``.

    Examples
    --------
    >>> from discourse.study import Study
    >>> s = Study("path/to/study")           # doctest: +SKIP
    >>> articles = s.corpus("articles")      # loaded once, then cached  # doctest: +SKIP
    """

    def __init__(self, root: str | Path):
        self.root = Path(root).resolve()
        path = self.root / CONFIG
        if not path.is_file():
            raise StudyError(f"no {CONFIG} in {self.root}; create a study with `discourse init PATH`")
        try:
            config = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise StudyError(f"{path}: not valid TOML: {exc}") from None
        self.config = _validate(config)
        self._corpora: dict[str, pd.DataFrame] = {}
        self._annotations: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"Study({str(self.root)!r})"

    # ------------------------------------------------------------ the config
    @property
    def title(self) -> str:
        return str(self.config.get("study", {}).get("title", self.root.name))

    @property
    def params(self) -> dict[str, Any]:
        """The ``[parameters]`` table (a deep copy: changing it changes nothing else)."""
        return copy.deepcopy(self.config.get("parameters", {}))

    @property
    def formats(self) -> tuple[str, ...]:
        f = self.config.get("figures", {}).get("formats", ["pdf", "png", "svg"])
        return tuple([f] if isinstance(f, str) else f)

    @property
    def figures_dir(self) -> Path:
        return self.root / self.config.get("figures", {}).get("out", "figures")

    @property
    def corpora(self) -> list[str]:
        return list(self.config.get("corpora", {}))

    @property
    def default_corpus(self) -> str | None:
        """``[figures] corpus``, else the first ``[corpora.NAME]``, else None."""
        default = self.config.get("figures", {}).get("corpus")
        return default if default is not None else next(iter(self.corpora), None)

    def _corpus_spec(self, name: str | None) -> tuple[str, dict[str, Any]]:
        name = name if name is not None else self.default_corpus
        corpora = self.config.get("corpora", {})
        if name not in corpora:
            raise _fail(f"[corpora.{name}]", f"not declared; declared: {', '.join(corpora) or 'none'}")
        return name, corpora[name]

    def corpus_path(self, name: str | None = None) -> Path:
        """The path of corpus ``name`` (default: the default corpus), from the study root.

        Raises ``FileNotFoundError`` naming the ``discourse.toml`` key when nothing is there.
        """
        name, spec = self._corpus_spec(name)
        path = self.root / spec["path"]
        if glob.has_magic(spec["path"]):
            if not glob.glob(str(path), recursive=True):
                raise FileNotFoundError(f"corpus {name!r}: no file matches {path} ({CONFIG} [corpora.{name}] path)")
        elif not path.exists():
            raise FileNotFoundError(f"corpus {name!r} not found: {path} ({CONFIG} [corpora.{name}] path)")
        return path

    def columns(self, name: str | None = None) -> dict[str, str] | None:
        """The ``columns`` mapping of corpus ``name`` (None when there is none)."""
        return dict(self._corpus_spec(name)[1].get("columns", {})) or None

    def corpus(self, name: str | None = None) -> pd.DataFrame:
        """Corpus ``name`` loaded with :func:`discourse.corpus.load` (once; then cached)."""
        name = self._corpus_spec(name)[0]
        if name not in self._corpora:
            from discourse import corpus as corpus_mod

            self._corpora[name] = corpus_mod.load(str(self.corpus_path(name)), columns=self.columns(name),
                                                  progress=False)
        return self._corpora[name]

    def annotations(self, name: str | None = None):
        """:func:`discourse.text.annotate` of corpus ``name`` (once; then cached)."""
        name = self._corpus_spec(name)[0]
        if name not in self._annotations:
            from discourse import text

            self._annotations[name] = text.annotate(self.corpus(name))
        return self._annotations[name]

    def lexicons(self) -> dict[str, Path]:
        """``[lexicons]``: name -> path from the study root (each must exist)."""
        out = {}
        for name, rel in self.config.get("lexicons", {}).items():
            path = self.root / rel
            if not path.is_file():
                raise FileNotFoundError(f"lexicon {name!r} not found: {path} ({CONFIG} [lexicons] {name})")
            out[name] = path
        return out

    # ----------------------------------------------------------- the figures
    def _own_figures(self) -> dict[str, Any]:
        from discourse.figures import _registry

        files = sorted(p for p in (self.root / "figures").glob("*.py") if not p.name.startswith("_"))
        if (self.root / "figures.py").is_file():
            files.insert(0, self.root / "figures.py")
        found: dict[str, Any] = {}
        tag = hashlib.sha256(str(self.root).encode()).hexdigest()[:10]
        _registry._TARGETS.append(found)
        sys.path.insert(0, str(self.root))  # so a figure file can import the study's own modules
        try:
            for path in files:
                name = f"_discourse_study_{tag}_{path.stem}"
                spec = importlib.util.spec_from_file_location(name, path)
                module = importlib.util.module_from_spec(spec)
                sys.modules[name] = module
                spec.loader.exec_module(module)
        finally:
            sys.path.remove(str(self.root))
            _registry._TARGETS.pop()
        return found

    def figures(self, names=None) -> dict[str, Any]:
        """The study's figures by name: those in its ``figures/*.py`` (or
        ``figures.py``) and the package's figures named in ``[figures] include``.

        Each is a :class:`discourse.figures.FigureSpec` whose ``params`` are resolved
        (decorator, then ``[parameters]``, then ``[figures.NAME]``; see :meth:`params_for`).
        """
        from discourse.figures import REGISTRY, _load_modules

        specs: dict[str, Any] = {}
        include = self.config.get("figures", {}).get("include", [])
        if include:
            everything = "discourse.figures" in include
            _load_modules(None if everything or names is None else names)
            picked = REGISTRY if everything else {n: REGISTRY[n] for n in include if n in REGISTRY}
            missing = [n for n in include if n != "discourse.figures" and n not in REGISTRY]
            if missing and (names is None or set(missing) & set(names)):
                _load_modules()
                missing = [n for n in missing if n not in REGISTRY]
                if missing:
                    raise _fail("[figures] include", f"no figure {missing[0]!r} in the package "
                                                    "(see `discourse.figures.list_figures()`)")
                picked = {n: REGISTRY[n] for n in include if n in REGISTRY}
            specs.update(picked)
        own = self._own_figures()
        clash = sorted(set(own) & set(specs))
        if clash:
            raise _fail("[figures] include", f"figure {clash[0]!r} is both the package's and the study's")
        specs.update(own)
        tables = [k for k, v in self.config.get("figures", {}).items() if isinstance(v, dict)]
        unknown = [t for t in tables if t not in specs]
        if unknown and names is None:
            raise _fail(f"[figures.{unknown[0]}]", f"no figure of that name; figures: {', '.join(sorted(specs))}")
        from dataclasses import replace

        return {n: replace(s, params=self.params_for(s)) if names is None or n in names else s
                for n, s in sorted(specs.items())}

    def params_of(self, name: str) -> dict[str, Any]:
        """The parameters figure ``name`` is drawn with (see :meth:`params_for`).

        Examples
        --------
        >>> from discourse import study
        >>> study.load().params_of("actor-labels-by-outlet")["actor"]  # doctest: +SKIP
        'government'
        """
        specs = self.figures([name])
        if name not in specs:
            raise KeyError(f"unknown figure: {name}; figures: {', '.join(sorted(specs))}")
        return dict(specs[name].params)

    def params_for(self, spec) -> dict[str, Any]:
        """The parameters figure ``spec`` is drawn with.

        The decorator's parameters, then each ``[parameters]`` entry the function has a
        keyword for, then the ``[figures.NAME]`` table. A ``[figures.NAME]`` key the
        function has no keyword for, or a keyword-only parameter without a default that
        nothing sets, raises :class:`StudyError` naming the figure and the parameter.
        """
        sig = inspect.signature(spec.func)
        accepted = [p.name for p in list(sig.parameters.values())[1:]
                    if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)]
        params = copy.deepcopy(spec.params)
        params.update({k: v for k, v in self.params.items() if k in accepted})
        own = copy.deepcopy(self.config.get("figures", {}).get(spec.name, {}))
        for key in own:
            if key not in accepted:
                raise _fail(f"[figures.{spec.name}] {key}", f"figure {spec.name!r} has no parameter {key!r}; "
                                                            f"it takes {', '.join(accepted) or 'none'}")
        params.update(own)
        for p in sig.parameters.values():
            if (p.kind is p.KEYWORD_ONLY and p.default is p.empty and p.name not in params
                    and p.name not in _SUPPLIED):
                raise _fail(f"figure {spec.name!r}", f"needs parameter {p.name!r}: set it in [parameters] "
                                                     f"or [figures.{spec.name}]")
        return params
