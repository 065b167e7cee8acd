"""Reproducible figures: a registry of figure functions, one build, a manifest.

A figure is a function registered with :func:`discourse.figure` under a stable
name, in a study's ``figures/*.py`` or in this package (the package's own figures
are the study of the repository's ``discourse.toml``, see :mod:`discourse.study`);
it takes the corpus DataFrame and keyword-only parameters and returns a matplotlib
Figure without saving. :func:`build` draws every figure of the study
in the paper style (:func:`discourse.style.paper`) and writes PDF, PNG and
SVG files that are byte-identical across runs and processes, plus
``manifest.json`` (sha256 of each file and of every input file, parameters,
package version, git commit). :func:`check` rebuilds into a temporary folder and
reports figures that differ, are missing, or whose inputs changed.

The command line is ``discourse figures [--study DIR] [--corpus PATH] [--only NAME...]
[--formats pdf,png,svg] [--check]``.

Examples
--------
>>> from discourse import figures
>>> "seed-structure" in figures.list_figures()["name"].tolist()
True
"""
from __future__ import annotations

import importlib
import pkgutil

import pandas as pd

from discourse.figures._build import FORMATS, FigureError, build, render
from discourse.figures._check import check
from discourse.figures._manifest import MANIFEST, corpus_path, repo_root
from discourse.figures._registry import REGISTRY, FigureSpec, figure

__all__ = ["build", "check", "render", "list_figures", "figure", "REGISTRY", "FigureSpec",
           "FigureError", "FORMATS", "MANIFEST", "corpus_path", "repo_root"]

_loaded: set[str] = set()


def _modules() -> list[str]:
    """The figure-definition modules: every public module of this package, found on
    disk (a new ``discourse/figures/<topic>.py`` registers itself; no list to keep)."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


def _load_modules(names=None) -> None:
    """Import the figure-definition modules so their figures register.

    With ``names`` (figure names), stop as soon as all of them are registered, so
    that building one figure does not import every analysis. Any error while importing
    a module (including a missing dependency inside it) is raised.
    """
    if isinstance(names, str):
        names = [names]
    for name in _modules():
        if names is not None and all(n in REGISTRY for n in names):
            return
        if name in _loaded:
            continue
        importlib.import_module(f"{__name__}.{name}")
        _loaded.add(name)


def list_figures(*, root=None) -> pd.DataFrame:
    """A study's figures: ``name``, ``corpus``, ``description``, ``params``, ``module``.

    ``root``: a folder of the study (default: the study holding the working
    directory, else the package's own). ``params`` are the parameters each figure is
    drawn with (decorator, then the study's ``discourse.toml``).

    Examples
    --------
    >>> from discourse import figures
    >>> table = figures.list_figures()
    >>> list(table.columns)
    ['name', 'corpus', 'description', 'params', 'module']
    """
    from discourse.figures._build import _study

    specs = _study(root).figures()
    rows = [
        {"name": s.name, "corpus": s.corpus, "description": s.description,
         "params": dict(s.params), "module": s.func.__module__}
        for s in (specs[n] for n in sorted(specs))
    ]
    return pd.DataFrame(rows, columns=["name", "corpus", "description", "params", "module"])
